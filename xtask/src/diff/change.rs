//! One row of the report.

use serde_json::{Value, json};

use super::checks::{CheckId, Severity, TypeStyle};

/// Which side of the comparison a location is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    Base,
    Head,
}

/// A spec file and line: the file relative to the spec directory, such as
/// `actions/DescribeCompShareImages.yaml`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub file: String,
    pub line: usize,
    pub side: Side,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub check: CheckId,
    /// The action, or the model for a model's change.
    pub subject: String,
    pub is_model: bool,
    /// For a model: each use, as `Action request.Disks[]`.
    pub used_by: Vec<String>,
    /// `request.Limit`, `response.ImageSet`, `model CompShareImage.Name`; empty for an action.
    pub path: String,
    pub before: String,
    pub after: String,
    /// The effect on the Rust API, in words with Rust names.
    pub effect: String,
    pub at: Option<Place>,
}

impl Change {
    pub fn severity(&self) -> Severity {
        self.check.severity(TypeStyle::CURRENT)
    }

    /// Report order: severity, then subject, path, check and values.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            self.severity(),
            self.is_model,
            &self.subject,
            &self.path,
            self.check,
            &self.before,
            &self.after,
        )
    }

    pub fn to_json(&self) -> Value {
        let info = self.check.info();
        json!({
            "severity": self.severity().word(),
            "severity_by_style": {
                "exhaustive": info.exhaustive.word(),
                "non_exhaustive": info.non_exhaustive.word(),
            },
            "check": info.name,
            "title": info.title,
            "subject": {
                "kind": if self.is_model { "model" } else { "action" },
                "name": self.subject,
            },
            "used_by": self.used_by,
            "path": self.path,
            "before": self.before,
            "after": self.after,
            "effect": self.effect,
            "location": self.at.as_ref().map(|p| json!({
                "file": p.file,
                "line": p.line,
                "side": match p.side { Side::Base => "base", Side::Head => "head" },
            })),
        })
    }
}
