//! `--changelog`: a release entry for head's version at the top of `CHANGELOG.md`.

use std::fmt::Write as _;
use std::path::Path;

use super::Report;
use super::change::Change;
use super::checks::Severity;

const HEADER: &str = "# Changelog\n\n\
All notable changes to this project will be documented in this file.\n\n\
The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n\
and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n";

/// Today as `YYYY-MM-DD`, from `SOURCE_DATE_EPOCH` when set (reproducible builds, tests).
pub fn today() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    date(secs.div_euclid(86_400))
}

/// The civil date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The entry's text: sections Breaking, Added, Changed, one bullet per row.
pub fn entry(report: &Report, version: &str, date: &str) -> String {
    let mut out = format!("## [{version}] - {date}\n");
    for (severity, title) in [
        (Severity::Breaking, "Breaking"),
        (Severity::Additive, "Added"),
        (Severity::Docs, "Changed"),
    ] {
        let rows: Vec<&Change> = report
            .changes
            .iter()
            .filter(|c| c.severity() == severity)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {title}\n");
        for c in rows {
            let _ = writeln!(out, "- {}", bullet(c));
        }
    }
    if report.changes.is_empty() {
        out.push_str("\nNo API changes.\n");
    }
    out
}

fn bullet(c: &Change) -> String {
    let what = if c.is_model {
        format!("model `{}`", c.subject)
    } else {
        format!("`{}`", c.subject)
    };
    let path = if c.path.is_empty() || c.is_model {
        String::new()
    } else {
        format!(" `{}`", c.path)
    };
    let field = if c.is_model {
        c.path
            .rsplit_once('.')
            .map(|(_, f)| format!(" `{f}`"))
            .unwrap_or_default()
    } else {
        String::new()
    };
    format!(
        "{what}{path}{field}: {} ({}).",
        super::markdown::effect(c),
        c.check.info().title
    )
}

/// Prepends the entry for head's version to `root/CHANGELOG.md`, creating it if needed.
/// Refuses when the version already has an entry.
pub fn write(root: &Path, report: &Report, date: &str) -> Result<String, String> {
    let version = report
        .head
        .version
        .as_deref()
        .ok_or("head's version is unknown: no [workspace.package] version in Cargo.toml")?;
    let path = root.join("CHANGELOG.md");
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => HEADER.to_owned(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let heading = format!("## [{version}]");
    if existing.lines().any(|l| l.starts_with(&heading)) {
        return Err(format!(
            "CHANGELOG.md already has an entry for {version}; bump the version in Cargo.toml first"
        ));
    }
    let entry = entry(report, version, date);
    // Insert before the first release entry, after the header.
    let at = existing.find("\n## ").map_or(existing.len(), |i| i + 1);
    let (head, tail) = existing.split_at(at);
    let mut text = head.trim_end().to_owned();
    text.push_str("\n\n");
    text.push_str(&entry);
    if !tail.is_empty() {
        text.push('\n');
        text.push_str(tail);
    }
    std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(format!(
        "CHANGELOG.md: added the entry for {version} ({date})"
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(20_789), "2026-12-02");
        assert_eq!(super::date(11_016), "2000-02-29");
    }
}
