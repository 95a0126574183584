//! The JSON report; its schema is documented in `README.md` next to this file.

use serde_json::{Value, json};

use super::checks::{Severity, TypeStyle};
use super::{Report, SideInfo};

pub const SCHEMA_VERSION: u64 = 1;

pub fn render(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(&value(report)).expect("JSON values serialize");
    text.push('\n');
    text
}

pub fn value(report: &Report) -> Value {
    let side = |s: &SideInfo| json!({ "label": s.label, "commit": s.commit, "version": s.version });
    let shown = |v: Option<super::semver::Version>| v.map(|v| v.to_string());
    let b = &report.bump;
    json!({
        "schema_version": SCHEMA_VERSION,
        "type_style": TypeStyle::CURRENT.word(),
        "base": side(&report.base),
        "head": side(&report.head),
        "counts": {
            "breaking": report.count(Severity::Breaking),
            "additive": report.count(Severity::Additive),
            "docs": report.count(Severity::Docs),
            "breaking_under": {
                "exhaustive": report.breaking_under(TypeStyle::Exhaustive),
                "non_exhaustive": report.breaking_under(TypeStyle::NonExhaustive),
            },
        },
        "semver": {
            "bump": b.level.word(),
            "base_version": shown(b.base),
            "required_version": shown(b.required),
            "head_version": shown(b.head),
            "satisfied": b.satisfied,
        },
        "changes": report.changes.iter().map(|c| c.to_json()).collect::<Vec<_>>(),
    })
}
