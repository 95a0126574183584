//! Merging a page into the spec values: each starts as a clone of the spec's and takes only
//! what the page states, so every key the page does not contradict survives. Rows come in the
//! page's order, then the rows only the spec has, in its order, then rows new from a response
//! example.

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
    pub conflicts: Vec<(usize, String)>,
}

/// The spec row each page row updates: the one of the same name, else the one whose name
/// differs only in case (`CPU` and `Cpu` are one field), unless another page row names it.
fn matches(existing: &[FieldSpec], page: &[Field]) -> Vec<Option<usize>> {
    let exact: Vec<Option<usize>> = page
        .iter()
        .map(|f| existing.iter().position(|m| m.name.value == f.name))
        .collect();
    let mut out = exact.clone();
    for (i, f) in page.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        out[i] = existing
            .iter()
            .position(|m| m.name.value.eq_ignore_ascii_case(&f.name))
            .filter(|at| !out.contains(&Some(*at)));
    }
    out
}

pub fn rows(existing: &[FieldSpec], page: &[Field]) -> Merged {
    let mut out = Merged {
        rows: Vec::new(),
        warnings: Vec::new(),
        conflicts: Vec::new(),
    };
    let matched = matches(existing, page);
    let mut added = Vec::new();
    for (f, at) in page.iter().zip(&matched) {
        let old = at.map(|i| &existing[i]);
        let mut f = f.clone();
        match old {
            None => added.push(f.name.clone()),
            // Live evidence settled the spelling; the row's note says so.
            Some(old) if old.name.value != f.name && old.live.is_some() => {
                f.name = old.name.value.clone();
            }
            Some(old) if old.name.value != f.name => {
                out.conflicts.push((
                    f.line,
                    format!(
                        "`{}` on the page is `{}` in the spec, a name that differs only in case; merged them as one field and kept the spec's `{}`",
                        f.name, old.name.value, old.name.value
                    ),
                ));
                f.name = old.name.value.clone();
            }
            Some(_) => {}
        }
        let merged = field::merge(old, &f);
        for w in merged.warnings {
            out.warnings.push((f.line, format!("`{}`: {w}", f.name)));
        }
        out.rows.push(merged.field);
    }
    // Rows only the spec has keep their place after the page's; rows new from an example go
    // last, so that an example never reorders what the tables say.
    let from_example: Vec<FieldSpec> = {
        let (new, listed): (Vec<_>, Vec<_>) = std::mem::take(&mut out.rows)
            .into_iter()
            .partition(|r| r.from_example && added.contains(&r.name.value));
        out.rows = listed;
        new
    };
    for (i, m) in existing.iter().enumerate() {
        if !matched.contains(&Some(i)) {
            out.rows.push(m.clone());
        }
    }
    out.rows.extend(from_example);
    let mut clashes = Vec::new();
    names::distinct_rows(&mut out.rows, &added, &mut clashes);
    for (name, message) in clashes {
        let line = page.iter().find(|f| f.name == name).map_or(1, |f| f.line);
        out.conflicts.push((line, message));
    }
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
        retryable: read_only(name),
        ..ActionSpec::new(name)
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
        // Live evidence (`live:`) loosens a page: a param the server takes without stays
        // optional.
        let live_optional =
            a.live.is_some() && at.is_some_and(|i| a.common[i].1 == Requiredness::Optional);
        let value = match (required, at) {
            (Some(true), _) if live_optional => Requiredness::Optional,
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
