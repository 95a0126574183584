//! The version bump the changes call for, with Cargo's rules: in 0.y.z a breaking change bumps
//! y and anything else bumps z; from 1.0.0 on, breaking bumps the major, additive the minor,
//! and docs the patch.

use std::fmt;

use super::checks::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    /// `x.y.z`; a pre-release or build suffix is ignored.
    pub fn parse(text: &str) -> Option<Version> {
        let core = text.trim().split(['-', '+']).next()?;
        let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
        let v = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(v)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    None,
    Patch,
    Minor,
    Major,
}

impl Level {
    pub fn word(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        }
    }
}

/// The suggestion, and whether head's version already meets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bump {
    pub level: Level,
    pub base: Option<Version>,
    /// The least version that satisfies the suggestion; `None` when nothing changed or the
    /// base version is unknown.
    pub required: Option<Version>,
    pub head: Option<Version>,
    pub satisfied: bool,
}

/// The bump for the most severe change (`None` when there is none).
pub fn suggest(worst: Option<Severity>, base: Option<Version>, head: Option<Version>) -> Bump {
    let level = match (worst, base) {
        (None, _) => Level::None,
        (Some(Severity::Breaking), Some(v)) if v.major == 0 => Level::Minor,
        (Some(Severity::Breaking), _) => Level::Major,
        (Some(Severity::Additive), Some(v)) if v.major > 0 => Level::Minor,
        (Some(_), _) => Level::Patch,
    };
    let required = base.map(|v| match level {
        Level::None => v,
        Level::Patch => Version {
            patch: v.patch + 1,
            ..v
        },
        Level::Minor => Version {
            minor: v.minor + 1,
            patch: 0,
            ..v
        },
        Level::Major => Version {
            major: v.major + 1,
            minor: 0,
            patch: 0,
        },
    });
    let satisfied = match (level, required, head) {
        (Level::None, _, _) => true,
        (_, Some(required), Some(head)) => head >= required,
        _ => false,
    };
    Bump {
        level,
        base,
        required: required.filter(|_| level != Level::None),
        head,
        satisfied,
    }
}

impl Bump {
    /// "suggested bump: minor (0.1.0 → 0.2.0); head's version 0.1.0 does not satisfy it".
    pub fn sentence(&self) -> String {
        let shown = |v: Option<Version>| v.map_or("unknown".to_owned(), |v| v.to_string());
        if self.level == Level::None {
            return format!(
                "suggested bump: none (head's version is {})",
                shown(self.head)
            );
        }
        let target = match (self.base, self.required) {
            (Some(b), Some(r)) => format!(" ({b} → {r})"),
            _ => " (base version unknown)".to_owned(),
        };
        format!(
            "suggested bump: {}{target}; head's version {} {} it",
            self.level.word(),
            shown(self.head),
            if self.satisfied {
                "satisfies"
            } else {
                "does not satisfy"
            }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<Version> {
        Version::parse(s)
    }

    #[test]
    fn cargo_rules() {
        let b = suggest(Some(Severity::Breaking), v("0.1.0"), v("0.1.0"));
        assert_eq!(
            (b.level, b.required, b.satisfied),
            (Level::Minor, v("0.2.0"), false)
        );
        let b = suggest(Some(Severity::Additive), v("0.1.3"), v("0.1.4"));
        assert_eq!(
            (b.level, b.required, b.satisfied),
            (Level::Patch, v("0.1.4"), true)
        );
        let b = suggest(Some(Severity::Breaking), v("1.2.3"), v("2.0.0"));
        assert_eq!(
            (b.level, b.required, b.satisfied),
            (Level::Major, v("2.0.0"), true)
        );
        let b = suggest(Some(Severity::Additive), v("1.2.3"), v("1.2.4"));
        assert_eq!(
            (b.level, b.required, b.satisfied),
            (Level::Minor, v("1.3.0"), false)
        );
        let b = suggest(Some(Severity::Docs), v("1.2.3"), v("1.2.3"));
        assert_eq!((b.level, b.required), (Level::Patch, v("1.2.4")));
        let b = suggest(None, v("0.1.0"), v("0.1.0"));
        assert_eq!((b.level, b.satisfied), (Level::None, true));
        assert_eq!(Version::parse("1.2"), None);
        assert_eq!(Version::parse("1.2.3-rc.1"), v("1.2.3"));
    }
}
