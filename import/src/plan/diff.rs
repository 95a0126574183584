//! What changed in a spec, in the terms a reviewer checks: fields added, removed and retyped,
//! required flags, constraints gained or lost, and rows read from examples. Computed from the
//! spec values before and after, so it holds whatever the stages did.

use std::fmt;

use codegen::spec::{ActionSpec, Bound, BoundKind, FieldSpec, ModelSpec, keys, write};

use crate::merge::changed_keys;

/// One change to one row (or to the file's own keys). `field` is `request.Name` or
/// `response.Name` in an action, the row's name in a model.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Added {
        field: String,
        ty: String,
        from_example: bool,
    },
    Removed {
        field: String,
    },
    Retyped {
        field: String,
        old: String,
        new: String,
    },
    Required {
        field: String,
        now: bool,
    },
    EnumAdded {
        field: String,
        values: Vec<String>,
    },
    EnumLost {
        field: String,
        values: Vec<String>,
    },
    /// A bound or the default: added (`old` is `None`), lost (`new` is `None`) or changed.
    Constraint {
        field: String,
        key: &'static str,
        old: Option<String>,
        new: Option<String>,
    },
    /// A row read from an example that a table now lists: it lost its `from_example` mark.
    Confirmed {
        field: String,
    },
    /// Keys of a row that matter less to a reviewer: its description, its example, a format.
    Other {
        field: String,
        keys: Vec<String>,
    },
    /// Keys of the file itself: the action's summary, common params, response example.
    Own {
        keys: Vec<String>,
    },
    /// The rows (of `owner`: `request`, `response` or a model) now follow the page's order.
    Reordered {
        owner: String,
    },
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Added {
                field,
                ty,
                from_example,
            } => {
                write!(f, "+ {field}: {ty}")?;
                if *from_example {
                    write!(f, " (from the response example; confirm it)")?;
                }
                Ok(())
            }
            Change::Removed { field } => write!(f, "- {field}"),
            Change::Retyped { field, old, new } => write!(f, "~ {field}: {old} → {new}"),
            Change::Required { field, now } => {
                let (a, b) = if *now {
                    ("optional", "required")
                } else {
                    ("required", "optional")
                };
                write!(f, "~ {field}: {a} → {b}")
            }
            Change::EnumAdded { field, values } => {
                write!(f, "+ {field} enum: {}", values.join(", "))
            }
            Change::EnumLost { field, values } => {
                write!(f, "- {field} enum: {}", values.join(", "))
            }
            Change::Constraint {
                field,
                key,
                old,
                new,
            } => match (old, new) {
                (None, Some(new)) => write!(f, "+ {field} {key}: {new}"),
                (Some(old), None) => write!(f, "- {field} {key}: {old}"),
                (Some(old), Some(new)) => write!(f, "~ {field} {key}: {old} → {new}"),
                (None, None) => Ok(()),
            },
            Change::Confirmed { field } => {
                write!(
                    f,
                    "~ {field}: a table lists it now (no longer from_example)"
                )
            }
            Change::Other { field, keys } => write!(f, "~ {field}: {}", keys.join(", ")),
            Change::Own { keys } => write!(f, "~ {}", keys.join(", ")),
            Change::Reordered { owner } => write!(f, "~ {owner}: rows reordered as on the page"),
        }
    }
}

/// The changes between an action's spec before and after.
pub fn action(old: &ActionSpec, new: &ActionSpec) -> Vec<Change> {
    let mut out = Vec::new();
    let (a, b) = (write::action_map(old), write::action_map(new));
    let keys: Vec<String> = keys::ACTION
        .iter()
        .filter(|k| !matches!(**k, "request" | "response"))
        .filter(|k| a.get(**k) != b.get(**k))
        .map(|k| k.to_string())
        .collect();
    if !keys.is_empty() {
        out.push(Change::Own { keys });
    }
    rows("request", &old.request, &new.request, &mut out);
    rows("response", &old.response, &new.response, &mut out);
    out
}

/// The changes between a model's spec before and after.
pub fn model(old: &ModelSpec, new: &ModelSpec) -> Vec<Change> {
    let mut out = Vec::new();
    if old.description != new.description {
        out.push(Change::Own {
            keys: vec!["description".into()],
        });
    }
    rows("", &old.fields, &new.fields, &mut out);
    out
}

/// The constraints a row states: enum members, bounds and a default.
pub fn constraints(f: &FieldSpec) -> usize {
    f.enumeration.as_ref().map_or(0, |e| e.values.len())
        + f.bounds.len()
        + usize::from(f.default.is_some())
}

/// `owner` prefixes the rows' names; a model's rows go bare.
fn rows(owner: &str, old: &[FieldSpec], new: &[FieldSpec], out: &mut Vec<Change>) {
    let label = |f: &FieldSpec| match owner {
        "" => f.name.value.clone(),
        _ => format!("{owner}.{}", f.name.value),
    };
    for n in new {
        match old.iter().find(|o| o.name.value == n.name.value) {
            Some(o) => row(label(n), o, n, out),
            None => out.push(Change::Added {
                field: label(n),
                ty: n.ty.value.to_string(),
                from_example: n.from_example,
            }),
        }
    }
    for o in old {
        if !new.iter().any(|n| n.name.value == o.name.value) {
            out.push(Change::Removed { field: label(o) });
        }
    }
    let order = |rows: &[FieldSpec], other: &[FieldSpec]| -> Vec<String> {
        rows.iter()
            .map(|r| r.name.value.clone())
            .filter(|n| other.iter().any(|o| o.name.value == *n))
            .collect()
    };
    if order(old, new) != order(new, old) {
        out.push(Change::Reordered {
            owner: match owner {
                "" => "fields".into(),
                _ => owner.to_owned(),
            },
        });
    }
}

fn row(field: String, old: &FieldSpec, new: &FieldSpec, out: &mut Vec<Change>) {
    if old.ty.value != new.ty.value {
        out.push(Change::Retyped {
            field: field.clone(),
            old: old.ty.value.to_string(),
            new: new.ty.value.to_string(),
        });
    }
    if old.required != new.required {
        out.push(Change::Required {
            field: field.clone(),
            now: new.required,
        });
    }
    let members = |f: &FieldSpec| -> Vec<String> {
        f.enumeration
            .iter()
            .flat_map(|e| e.values.iter().map(|v| v.value.value.clone()))
            .collect()
    };
    let (was, is) = (members(old), members(new));
    let added: Vec<String> = is.iter().filter(|v| !was.contains(v)).cloned().collect();
    let lost: Vec<String> = was.iter().filter(|v| !is.contains(v)).cloned().collect();
    if !added.is_empty() {
        out.push(Change::EnumAdded {
            field: field.clone(),
            values: added,
        });
    }
    if !lost.is_empty() {
        out.push(Change::EnumLost {
            field: field.clone(),
            values: lost,
        });
    }
    for kind in BoundKind::ALL {
        let text = |f: &FieldSpec| f.bound(kind).map(|b| bound_text(b.value));
        let (o, n) = (text(old), text(new));
        if o != n {
            out.push(Change::Constraint {
                field: field.clone(),
                key: kind.key(),
                old: o,
                new: n,
            });
        }
    }
    let default = |f: &FieldSpec| f.default.as_ref().map(|d| d.value.clone());
    if default(old) != default(new) {
        out.push(Change::Constraint {
            field: field.clone(),
            key: "default",
            old: default(old),
            new: default(new),
        });
    }
    if old.from_example && !new.from_example {
        out.push(Change::Confirmed {
            field: field.clone(),
        });
    }
    let reported = |k: &str| {
        matches!(
            k,
            "name" | "type" | "required" | "enum" | "default" | "from_example"
        ) || BoundKind::ALL.iter().any(|b| b.key() == k)
    };
    let keys: Vec<String> = changed_keys(old, new)
        .into_iter()
        .filter(|k| !reported(k))
        .collect();
    if !keys.is_empty() {
        out.push(Change::Other { field, keys });
    }
}

fn bound_text(b: Bound) -> String {
    let n = b.number();
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}
