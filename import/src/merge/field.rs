//! Merging one row of a page into the spec's row. The page wins for what it states; whatever
//! else the spec's row says stays, except what no longer fits the row's type, which goes with
//! a warning so that the result always loads.

use codegen::diag::Loc;
use codegen::spec::{
    Applies, At, Bound, BoundKind, EnumSpec, EnumValueSpec, FieldSpec, TypeExpr, keys, write,
};

use super::values::{self, Elem, Shape};
use crate::extract::constraints::{Found, Number};
use crate::resolve::Field;

pub struct Outcome {
    pub field: FieldSpec,
    pub warnings: Vec<String>,
}

pub fn merge(existing: Option<&FieldSpec>, f: &Field) -> Outcome {
    let mut m = existing
        .cloned()
        .unwrap_or_else(|| FieldSpec::new(&f.name, TypeExpr::String));
    let mut out = Outcome {
        field: FieldSpec::new(&f.name, TypeExpr::String),
        warnings: Vec::new(),
    };
    // Live evidence (`live:`) wins over a page: the row keeps the name and type the server
    // takes, and a row the server takes without stays optional.
    let live = existing.is_some_and(|e| e.live.is_some());
    if !live {
        m.name.value = f.name.clone();
        if let Some(ty) = final_type(&m, f) {
            m.ty.value = ty;
        }
    }
    if let Some(r) = f.required {
        m.required = r && (m.required || !live);
    }
    if !f.description.is_empty() {
        m.description = f.description.clone();
    }
    // A table listing a row confirms one read from an example before.
    m.from_example = f.from_example;
    drop_misfits(&mut m, existing.is_some(), &mut out.warnings);
    apply_constraints(&mut m, &f.found, &mut out);
    if let Some(raw) = &f.example {
        let shape = Shape::of(&m);
        // "见下方" (see below) points elsewhere, whatever the type; text with no letters or
        // digits ("—") is no example of a number or a model either.
        let prose = points_elsewhere(raw)
            || (shape.elem != Elem::Str && !raw.chars().any(|c| c.is_ascii_alphanumeric()));
        match values::example(raw, &shape) {
            _ if prose => {}
            Ok(v) => set_example(&mut m, v),
            Err(why) => out
                .warnings
                .push(format!("the example `{raw}` is {why}; wrote no example")),
        }
    }
    check_values(&mut m, &mut out.warnings);
    out.field = m;
    out
}

/// `见下方`, `见上文`, `详见下表`, `参见 ErrorInfo`: the example is somewhere else on the
/// page. `见面会` is an example.
fn points_elsewhere(raw: &str) -> bool {
    let raw = raw.trim().trim_matches('`').trim();
    let mut chars = raw.chars();
    match (chars.next(), chars.next()) {
        (Some('详' | '参'), Some('见')) => true,
        (Some('见'), Some(next)) => "下上前后附".contains(next),
        _ => false,
    }
}

/// The keys whose value differs, in the order specs write them.
pub fn changed_keys(old: &FieldSpec, new: &FieldSpec) -> Vec<String> {
    let (old, new) = (write::field(old), write::field(new));
    keys::FIELD
        .iter()
        .filter(|k| old.get(**k) != new.get(**k))
        .map(|k| k.to_string())
        .collect()
}

/// The page's type, unless the page leaves it open or the spec's `String` with a `format`
/// says the same thing more precisely (`Integer` on the page, `String` + `format: integer`).
fn final_type(m: &FieldSpec, f: &Field) -> Option<TypeExpr> {
    let new = f.ty.as_ref()?;
    let old = &m.ty.value;
    if old.is_array() == new.is_array()
        && *old.element() == TypeExpr::String
        && let Some(format) = &m.format
        && format.value.typed_as() == *new.element()
    {
        return None;
    }
    Some(new.clone())
}

/// What the constraints and the format of a row may be, given its (new) type.
fn fits(shape: &Shape, applies: Applies) -> bool {
    match applies {
        Applies::Numbers => shape.is_numeric(),
        Applies::Text => shape.is_text(),
        Applies::Arrays => shape.array,
    }
}

/// Keys that do not apply to the row's (new) type.
fn drop_misfits(m: &mut FieldSpec, from_spec: bool, warnings: &mut Vec<String>) {
    let shape = Shape::of(m);
    let ty = m.ty.value.to_string();
    let mut dropped = Vec::new();
    if m.format.is_some() && *m.ty.value.element() != TypeExpr::String {
        m.format = None;
        dropped.push("format");
    }
    if m.enumeration.is_some() && !shape.is_text() {
        m.enumeration = None;
        dropped.push("enum");
    }
    for kind in BoundKind::ALL {
        if m.bound(kind).is_some() && !fits(&shape, kind.applies()) {
            m.remove_bound(kind);
            dropped.push(kind.key());
        }
    }
    if from_spec {
        for key in dropped {
            warnings.push(format!(
                "removed the spec's `{key}`: it does not apply to `{ty}`"
            ));
        }
    }
}

fn apply_constraints(m: &mut FieldSpec, found: &Found, out: &mut Outcome) {
    let shape = Shape::of(m);
    let ty = m.ty.value.to_string();
    if found.values.is_some() && shape.is_text() {
        let mut e = enum_spec(m.enumeration.as_ref(), found);
        if m.live.is_some() {
            keep_live_values(&mut e, m.enumeration.as_ref());
        }
        m.enumeration = Some(e);
    }
    if let (Some(n), true) = (found.min, shape.is_numeric()) {
        set_bound(m, BoundKind::Min, n, shape.elem, out);
    }
    if let (Some(n), true) = (found.max, shape.is_numeric()) {
        set_bound(m, BoundKind::Max, n, shape.elem, out);
    }
    if !shape.is_numeric() && (found.min.is_some() || found.max.is_some()) && !shape.array {
        out.warnings.push(format!(
            "the text gives a minimum or maximum, which does not apply to `{ty}`; wrote none"
        ));
    }
    if let Some(n) = found.max_length {
        if shape.is_text() {
            m.set_bound(Bound::MaxLength(n));
        } else {
            out.warnings.push(format!(
                "the text gives a length, which does not apply to `{ty}`; wrote none"
            ));
        }
    }
    if let (Some(n), true) = (found.max_count, shape.array) {
        m.set_bound(Bound::MaxItems(n));
    }
    if let Some(d) = &found.default {
        match values::default(d, &Shape::of(m)) {
            Ok(text) => {
                if m.default.as_ref().is_none_or(|old| old.value != text) {
                    m.default = Some(At::new(text));
                }
            }
            Err(why) => out
                .warnings
                .push(format!("the default `{d}` is {why}; wrote no default")),
        }
    }
}

fn set_bound(m: &mut FieldSpec, kind: BoundKind, n: Number, elem: Elem, out: &mut Outcome) {
    let key = kind.key();
    if elem == Elem::Int && !matches!(n, Number::Int(_)) {
        out.warnings
            .push(format!("the {key} {n} is not a whole number; wrote none"));
        return;
    }
    if let Some(bound) = kind.with(n.as_f64()) {
        m.set_bound(bound);
    }
}

/// The page's members, keeping the spec's `closed`, `name`, and the spec's wording of a member
/// the page gives no meaning for.
fn enum_spec(old: Option<&EnumSpec>, found: &Found) -> EnumSpec {
    let mut e = old.cloned().unwrap_or(EnumSpec {
        loc: Loc::nowhere(),
        name: None,
        closed: false,
        values: Vec::new(),
    });
    let old_values = std::mem::take(&mut e.values);
    for v in found.values.iter().flatten() {
        let old = old_values.iter().find(|o| o.value.value == v.value);
        let description = match old {
            Some(o) if v.description.is_empty() => o.description.clone(),
            _ => v.description.clone(),
        };
        e.values.push(EnumValueSpec {
            value: old.map_or_else(|| At::new(v.value.clone()), |o| o.value.clone()),
            description,
        });
    }
    e
}

/// A live row keeps the values the server takes that the page does not list, after the
/// page's.
fn keep_live_values(e: &mut EnumSpec, old: Option<&EnumSpec>) {
    for v in old.into_iter().flat_map(|o| &o.values) {
        if !e.values.iter().any(|n| n.value.value == v.value.value) {
            e.values.push(v.clone());
        }
    }
}

/// Sets the example unless the spec already holds the same value, written its own way
/// (`4090` and `'4090'`).
fn set_example(m: &mut FieldSpec, value: serde_json::Value) {
    let same = m
        .example
        .as_ref()
        .is_some_and(|old| values::same(&values::from_node(&old.value), &value));
    if !same {
        m.example = Some(At::new(values::to_node(&value)));
    }
}

/// Defaults and examples that no longer fit the row (its type, enum or bounds) go.
fn check_values(m: &mut FieldSpec, warnings: &mut Vec<String>) {
    let shape = Shape::of(m);
    if let (Some(lo), Some(hi)) = (shape.min, shape.max)
        && lo > hi
    {
        warnings.push(format!(
            "the minimum {lo} is above the maximum {hi}; wrote neither"
        ));
        m.remove_bound(BoundKind::Min);
        m.remove_bound(BoundKind::Max);
    }
    let shape = Shape::of(m);
    if let Some(d) = &m.default
        && let Err(why) = values::check_default(&d.value, &shape)
    {
        warnings.push(format!("removed the default `{}`: {why}", d.value));
        m.default = None;
    }
    if let Some(e) = &m.example {
        let v = values::from_node(&e.value);
        if !v.is_null()
            && let Err(why) = values::check(&v, &shape, false)
        {
            let shown = values::scalar_text(&v).unwrap_or_else(|| v.to_string());
            warnings.push(format!("removed the example `{shown}`: {why}"));
            m.example = None;
        }
    }
}
