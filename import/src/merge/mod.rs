//! Merging a page into the spec files, at the YAML value level so that hand-written keys
//! survive. Rows come in the page's order, then the rows only the spec has, in its order.

mod field;
pub mod names;
pub mod values;

use serde_yaml::{Mapping, Value};

use crate::doc::Doc;
use crate::plan::report::{Constraint, Rows};
use crate::resolve::{Field, ModelPlan};
use crate::write::{ACTION_KEYS, COMMON_KEYS, MODEL_KEYS, ordered};

/// A merged table of rows, with what changed and the constraints written.
pub struct Merged {
    pub rows: Vec<Value>,
    pub report: Rows,
    pub constraints: Vec<Constraint>,
    /// Row name and message.
    pub warnings: Vec<(usize, String)>,
}

pub fn rows(existing: &[Mapping], page: &[Field], in_action: bool, owner: &str) -> Merged {
    let mut out = Merged {
        rows: Vec::new(),
        report: Rows::default(),
        constraints: Vec::new(),
        warnings: Vec::new(),
    };
    let name_of = |m: &Mapping| m.get("name").and_then(Value::as_str).map(str::to_owned);
    for f in page {
        let old = existing
            .iter()
            .find(|m| name_of(m).as_deref() == Some(&f.name));
        let merged = field::merge(old, f, in_action);
        match (old, merged.changed.is_empty()) {
            (None, _) => out.report.added.push(f.name.clone()),
            (Some(_), true) => out.report.unchanged += 1,
            (Some(_), false) => out
                .report
                .changed
                .push((f.name.clone(), merged.changed.clone())),
        }
        for (kind, value) in merged.constraints {
            out.constraints.push(Constraint {
                field: format!("{owner}.{}", f.name),
                kind,
                value,
            });
        }
        for w in merged.warnings {
            out.warnings.push((f.line, format!("`{}`: {w}", f.name)));
        }
        out.rows.push(Value::Mapping(merged.map));
    }
    for m in existing {
        let name = name_of(m).unwrap_or_default();
        if !page.iter().any(|f| f.name == name) {
            out.report.kept.push(name);
            out.rows.push(Value::Mapping(m.clone()));
        }
    }
    let order = |rows: &[Value]| -> Vec<String> {
        rows.iter()
            .filter_map(|r| r.as_mapping().and_then(name_of))
            .filter(|n| existing.iter().any(|m| name_of(m).as_deref() == Some(n)))
            .collect()
    };
    let before: Vec<Value> = existing.iter().cloned().map(Value::Mapping).collect();
    out.report.reordered = order(&out.rows) != order(&before);
    let mut clashes = Vec::new();
    let dropped =
        crate::merge::names::distinct_rows(&mut out.rows, &out.report.added, &mut clashes);
    out.report.added.retain(|a| !dropped.contains(a));
    out.constraints
        .retain(|c| !dropped.iter().any(|d| c.field == format!("{owner}.{d}")));
    let line = page.first().map_or(1, |f| f.line);
    out.warnings.extend(clashes.into_iter().map(|w| (line, w)));
    out
}

/// Read-only actions may be retried; anything else might create something twice.
pub fn read_only(action: &str) -> bool {
    ["Describe", "Get", "List", "Check"]
        .iter()
        .any(|p| action.starts_with(p))
}

/// The action's own keys: names, texts, common params and the response example. Rows are
/// merged by the caller and passed in.
pub fn action(
    existing: Option<&Mapping>,
    name: &str,
    doc: &Doc,
    request: Option<Vec<Value>>,
    response: Option<Vec<Value>>,
) -> Mapping {
    let mut m = existing.cloned().unwrap_or_default();
    m.insert("action".into(), name.into());
    if !doc.summary.is_empty() {
        m.insert("summary".into(), doc.summary.clone().into());
    }
    let summary = m.get("summary").and_then(Value::as_str).unwrap_or_default();
    if !doc.description.is_empty() && doc.description != summary {
        m.insert("description".into(), doc.description.clone().into());
    }
    if existing.is_none() {
        m.insert("retryable".into(), read_only(name).into());
    }
    if !doc.common.is_empty() {
        let mut common = m
            .get("common")
            .and_then(Value::as_mapping)
            .cloned()
            .unwrap_or_default();
        for (param, required, _) in &doc.common {
            let value = match required {
                Some(true) => "required",
                Some(false) => "optional",
                None => common
                    .get(param.as_str())
                    .and_then(Value::as_str)
                    .unwrap_or("optional"),
            }
            .to_owned();
            common.insert(param.clone().into(), value.into());
        }
        m.insert(
            "common".into(),
            Value::Mapping(ordered(&common, COMMON_KEYS)),
        );
    }
    for (key, rows) in [("request", request), ("response", response)] {
        match rows {
            Some(rows) if rows.is_empty() => {
                m.remove(key);
            }
            Some(rows) => {
                m.insert(key.into(), Value::Sequence(rows));
            }
            None => {}
        }
    }
    if let Some(example) = &doc.response_example {
        let same = m
            .get("response_example")
            .and_then(Value::as_str)
            .and_then(|old| serde_json::from_str::<serde_json::Value>(old).ok())
            .is_some_and(|old| {
                serde_json::from_str::<serde_json::Value>(example).ok() == Some(old)
            });
        if !same {
            m.insert(
                "response_example".into(),
                format!("{}\n", example.trim()).into(),
            );
        }
    }
    ordered(&m, ACTION_KEYS)
}

pub fn model(existing: Option<&Mapping>, plan: &ModelPlan, fields: Vec<Value>) -> Mapping {
    let mut m = existing.cloned().unwrap_or_default();
    m.insert("model".into(), plan.name.clone().into());
    if existing.is_none() && !plan.description.is_empty() {
        m.insert("description".into(), plan.description.clone().into());
    }
    m.insert("fields".into(), Value::Sequence(fields));
    ordered(&m, MODEL_KEYS)
}
