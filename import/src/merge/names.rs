//! Rust names the generator will derive from the merged rows must stay distinct: two rows
//! that become the same field, or two different enums that become the same type, would make
//! the specs fail to load. The row or enum the page added gives way, with a warning.

use codegen::naming::{Kind, rust_name};
use serde_yaml::{Mapping, Value};

use crate::write::get_str;

/// Drops page rows (`added` names them) whose field or setter name another row already takes;
/// returns their names.
pub fn distinct_rows(
    rows: &mut Vec<Value>,
    added: &[String],
    warnings: &mut Vec<String>,
) -> Vec<String> {
    let mut taken: Vec<(String, String, String)> = Vec::new();
    let mut dropped = Vec::new();
    rows.retain(|row| {
        let Some(wire) = row.as_mapping().and_then(|m| get_str(m, "name")) else {
            return true;
        };
        let ident = rust_name(wire, Kind::Field).unwrap_or_default();
        let setter = rust_name(wire, Kind::Setter).unwrap_or_default();
        let clash = taken
            .iter()
            .find(|(_, i, s)| *i == ident || *s == setter)
            .map(|(w, _, _)| w.clone());
        match clash {
            Some(other) if added.iter().any(|a| a == wire) => {
                warnings.push(format!(
                    "`{wire}` and `{other}` become the same Rust name; skipped `{wire}`"
                ));
                dropped.push(wire.to_owned());
                false
            }
            _ => {
                taken.push((wire.to_owned(), ident, setter));
                true
            }
        }
    });
    dropped
}

/// Removes enums that would share a Rust type name with a different enum of the same module,
/// or with a type the module already defines (`reserved`), keeping the first.
pub fn distinct_enums(
    lists: &mut [&mut Vec<Value>],
    reserved: &[String],
    warnings: &mut Vec<String>,
) {
    let mut seen: Vec<(String, (bool, Vec<String>))> = Vec::new();
    for rows in lists.iter_mut() {
        for row in rows.iter_mut() {
            let Some(field) = row.as_mapping_mut() else {
                continue;
            };
            let Some(e) = field.get("enum").and_then(Value::as_mapping) else {
                continue;
            };
            let wire = get_str(field, "name").unwrap_or_default().to_owned();
            let source = get_str(e, "name").unwrap_or(&wire).to_owned();
            let Some(ty) = rust_name(&source, Kind::Type) else {
                continue;
            };
            let closed = e.get("closed").and_then(Value::as_bool).unwrap_or(false);
            let values = (closed, values_of(e));
            let clash = if reserved.contains(&ty) {
                Some(format!("the type `{ty}` this module already has"))
            } else {
                seen.iter()
                    .find(|(t, v)| *t == ty && *v != values)
                    .map(|_| format!("another enum named `{ty}`"))
            };
            match clash {
                Some(why) => {
                    warnings.push(format!(
                        "`{wire}`: its enum would clash with {why}; wrote it without the enum"
                    ));
                    field.remove("enum");
                }
                None => seen.push((ty, values)),
            }
        }
    }
}

fn values_of(e: &Mapping) -> Vec<String> {
    e.get("values")
        .and_then(Value::as_sequence)
        .map(|vs| {
            vs.iter()
                .filter_map(|v| match v {
                    Value::Mapping(m) => m.get("value").and_then(crate::write::scalar_text),
                    other => crate::write::scalar_text(other),
                })
                .collect()
        })
        .unwrap_or_default()
}
