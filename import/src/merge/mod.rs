//! Merging a page into the spec values: each starts as a clone of the spec's and takes only
//! what the page states, so every key the page does not contradict survives. Rows come in the
//! page's order, then the rows only the spec has, in its order.

mod field;
pub mod names;
pub mod values;

use codegen::diag::Loc;
use codegen::spec::{ActionSpec, At, FieldSpec, ModelSpec, Requiredness, keys};

pub use field::changed_keys;

use crate::doc::Doc;
use crate::resolve::{Field, ModelPlan};

/// A merged table of rows.
pub struct Merged {
    pub rows: Vec<FieldSpec>,
    /// Page line and message.
    pub warnings: Vec<(usize, String)>,
}

pub fn rows(existing: &[FieldSpec], page: &[Field]) -> Merged {
    let mut out = Merged {
        rows: Vec::new(),
        warnings: Vec::new(),
    };
    let mut added = Vec::new();
    for f in page {
        let old = existing.iter().find(|m| m.name.value == f.name);
        if old.is_none() {
            added.push(f.name.clone());
        }
        let merged = field::merge(old, f);
        for w in merged.warnings {
            out.warnings.push((f.line, format!("`{}`: {w}", f.name)));
        }
        out.rows.push(merged.field);
    }
    for m in existing {
        if !page.iter().any(|f| f.name == m.name.value) {
            out.rows.push(m.clone());
        }
    }
    let mut clashes = Vec::new();
    names::distinct_rows(&mut out.rows, &added, &mut clashes);
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
    existing: Option<&ActionSpec>,
    name: &str,
    doc: &Doc,
    request: Option<Vec<FieldSpec>>,
    response: Option<Vec<FieldSpec>>,
) -> ActionSpec {
    let mut a = existing.cloned().unwrap_or_else(|| ActionSpec {
        loc: Loc::nowhere(),
        action: At::new(name.to_owned()),
        summary: String::new(),
        description: String::new(),
        retryable: read_only(name),
        common: Vec::new(),
        request: Vec::new(),
        response: Vec::new(),
        response_example: None,
    });
    a.action.value = name.to_owned();
    if !doc.summary.is_empty() {
        a.summary = doc.summary.clone();
    }
    if !doc.description.is_empty() && doc.description != a.summary {
        a.description = doc.description.clone();
    }
    for (param, required, _) in &doc.common {
        let at = a.common.iter().position(|(n, _)| n.value == *param);
        let value = match (required, at) {
            (Some(true), _) => Requiredness::Required,
            (Some(false), _) => Requiredness::Optional,
            (None, Some(i)) => a.common[i].1,
            (None, None) => Requiredness::Optional,
        };
        match at {
            Some(i) => a.common[i].1 = value,
            None => a.common.push((At::new(param.clone()), value)),
        }
    }
    a.common.sort_by_key(|(n, _)| {
        keys::COMMON_PARAMS
            .iter()
            .position(|p| *p == n.value)
            .unwrap_or(usize::MAX)
    });
    if let Some(rows) = request {
        a.request = rows;
    }
    if let Some(rows) = response {
        a.response = rows;
    }
    if let Some(example) = &doc.response_example {
        let json = |text: &str| serde_json::from_str::<serde_json::Value>(text).ok();
        let same = a
            .response_example
            .as_ref()
            .and_then(|old| json(&old.value))
            .is_some_and(|old| json(example) == Some(old));
        if !same {
            a.response_example = Some(At::new(format!("{}\n", example.trim())));
        }
    }
    a
}

pub fn model(existing: Option<&ModelSpec>, plan: &ModelPlan, fields: Vec<FieldSpec>) -> ModelSpec {
    let mut m = existing.cloned().unwrap_or_else(|| ModelSpec {
        loc: Loc::nowhere(),
        model: At::new(plan.name.clone()),
        description: plan.description.clone(),
        fields: Vec::new(),
    });
    m.model.value = plan.name.clone();
    m.fields = fields;
    m
}
