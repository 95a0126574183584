//! The Rust names and types a spec row becomes, for the "effect on the Rust API" column. Names
//! come from codegen's one naming authority; types mirror `ir::Field::is_option`.

use codegen::naming::{IdentKind, rust_name};
use codegen::spec::{FieldSpec, TypeExpr};

fn name(wire: &str, kind: IdentKind) -> String {
    rust_name(wire, kind).unwrap_or_else(|| wire.to_owned())
}

/// As written in Rust: keywords are raw identifiers (`r#type`).
fn raw(wire: &str, kind: IdentKind) -> String {
    match rust_name(wire, kind) {
        Some(n) => codegen::naming::ident(&n).to_string(),
        None => wire.to_owned(),
    }
}

pub fn field(wire: &str) -> String {
    raw(wire, IdentKind::Field)
}

pub fn setter(wire: &str) -> String {
    raw(wire, IdentKind::Setter)
}

pub fn type_name(wire: &str) -> String {
    name(wire, IdentKind::Type)
}

pub fn method(action: &str) -> String {
    name(action, IdentKind::ClientMethod)
}

pub fn variant(value: &str) -> String {
    name(value, IdentKind::Variant)
}

/// The Rust type of the enum a row declares.
pub fn enum_name(f: &FieldSpec) -> Option<String> {
    let e = f.enumeration.as_ref()?;
    Some(type_name(
        e.name.as_ref().map_or(&f.name.value, |n| &n.value),
    ))
}

/// The type without the `Option` that presence adds: `i64`, `Vec<models::Disk>`, `ImageType`.
pub fn value_type(f: &FieldSpec) -> String {
    fn go(f: &FieldSpec, ty: &TypeExpr) -> String {
        match ty {
            TypeExpr::Array(inner) => format!("Vec<{}>", go(f, inner)),
            TypeExpr::Model(m) => format!("models::{}", type_name(m)),
            _ if f.enumeration.is_some() => enum_name(f).unwrap_or_default(),
            _ => match &f.format {
                Some(format) => scalar(&format.value.typed_as()),
                None => scalar(ty),
            },
        }
    }
    go(f, &f.ty.value)
}

fn scalar(ty: &TypeExpr) -> String {
    match ty {
        TypeExpr::String => "String",
        TypeExpr::Integer => "i64",
        TypeExpr::Float => "f64",
        TypeExpr::Boolean => "bool",
        TypeExpr::Model(_) | TypeExpr::Array(_) => unreachable!("handled by value_type"),
    }
    .to_owned()
}

/// Whether the row is held as an `Option`: optional rows, and required closed enums, which
/// have no empty value. Arrays are a `Vec` either way.
pub fn is_option(f: &FieldSpec, closed: bool) -> bool {
    if f.ty.value.is_array() {
        return false;
    }
    !f.required || (closed && f.enumeration.is_some())
}

/// The field's whole Rust type.
pub fn full_type(f: &FieldSpec, closed: bool) -> String {
    let ty = value_type(f);
    if is_option(f, closed) {
        format!("Option<{ty}>")
    } else {
        ty
    }
}
