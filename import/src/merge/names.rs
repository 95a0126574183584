//! Rust names the generator will derive from the merged rows must stay distinct: two rows
//! that become the same field, or two different enums that become the same type, would make
//! the specs fail to load. The row or enum the page added gives way, and the caller reports
//! it as a conflict.

use codegen::naming::{IdentKind, rust_name};
use codegen::spec::FieldSpec;

/// Drops page rows (`added` names them) whose field or setter name another row already takes:
/// the spec's rows keep their names, then the page's claim theirs in order. Returns each
/// dropped row's name with the message saying why.
pub fn distinct_rows(
    rows: &mut Vec<FieldSpec>,
    added: &[String],
    dropped: &mut Vec<(String, String)>,
) {
    let is_added = |row: &FieldSpec| added.contains(&row.name.value);
    let names = |wire: &str| {
        (
            rust_name(wire, IdentKind::Field).unwrap_or_default(),
            rust_name(wire, IdentKind::Setter).unwrap_or_default(),
        )
    };
    let mut taken: Vec<(String, (String, String))> = rows
        .iter()
        .filter(|r| !is_added(r))
        .map(|r| (r.name.value.clone(), names(&r.name.value)))
        .collect();
    rows.retain(|row| {
        if !is_added(row) {
            return true;
        }
        let wire = row.name.value.as_str();
        let (ident, setter) = names(wire);
        let clash = taken
            .iter()
            .find(|(_, (i, s))| *i == ident || *s == setter)
            .map(|(w, _)| w.clone());
        match clash {
            Some(other) => {
                dropped.push((
                    wire.to_owned(),
                    format!("`{wire}` and `{other}` become the same Rust name; skipped `{wire}`"),
                ));
                false
            }
            None => {
                taken.push((wire.to_owned(), (ident, setter)));
                true
            }
        }
    });
}

/// Removes enums that would share a Rust type name with a different enum of the same module,
/// or with a type the module already defines (`reserved`), keeping the first.
pub fn distinct_enums(
    lists: &mut [&mut Vec<FieldSpec>],
    reserved: &[String],
    warnings: &mut Vec<String>,
) {
    let mut seen: Vec<(String, (bool, Vec<String>))> = Vec::new();
    for rows in lists.iter_mut() {
        for field in rows.iter_mut() {
            let Some(e) = &field.enumeration else {
                continue;
            };
            let wire = field.name.value.clone();
            let source = e.name.as_ref().map_or(&wire, |n| &n.value);
            let Some(ty) = rust_name(source, IdentKind::Type) else {
                continue;
            };
            let values = (
                e.closed,
                e.values.iter().map(|v| v.value.value.clone()).collect(),
            );
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
                    field.enumeration = None;
                }
                None => seen.push((ty, values)),
            }
        }
    }
}
