//! Merging one row of a page into the spec's row. The page wins for what it states; a key the
//! page does not contradict stays, and whatever no longer fits the row's type goes, with a
//! warning, so that the result always loads.

use serde_yaml::{Mapping, Value};

use crate::extract::constraints::Found;
use crate::merge::values::{self, Elem, Shape};
use crate::page::types::{Scalar, SpecType};
use crate::resolve::Field;
use crate::write::{ENUM_KEYS, FIELD_KEYS, get_str, number, ordered, scalar_text};

pub struct Outcome {
    pub map: Mapping,
    /// Keys whose value differs from the spec's.
    pub changed: Vec<String>,
    /// Constraints read from the text that were written: kind and value.
    pub constraints: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

pub fn merge(existing: Option<&Mapping>, f: &Field, in_action: bool) -> Outcome {
    let mut m = existing.cloned().unwrap_or_default();
    let mut out = Outcome {
        map: Mapping::new(),
        changed: Vec::new(),
        constraints: Vec::new(),
        warnings: Vec::new(),
    };
    m.insert("name".into(), f.name.clone().into());
    let ty = final_type(&m, f);
    m.insert("type".into(), ty.into());
    match f.required {
        Some(r) => {
            m.insert("required".into(), r.into());
        }
        None if existing.is_none() && in_action => {
            m.insert("required".into(), false.into());
        }
        None => {}
    }
    if !f.description.is_empty() {
        m.insert("description".into(), f.description.clone().into());
    }
    drop_misfits(&mut m, existing.is_some(), &mut out.warnings);
    apply_constraints(&mut m, &f.found, &mut out);
    if let Some(raw) = &f.example {
        let shape = Shape::of(&m);
        // "见下方" (see below) is prose, not an example of a number or a model.
        let prose = shape.elem != Elem::Str && !raw.chars().any(|c| c.is_ascii_alphanumeric());
        match values::example(raw, &shape) {
            _ if prose => {}
            Ok(v) => keep_or_set(&mut m, "example", v),
            Err(why) => out
                .warnings
                .push(format!("the example `{raw}` is {why}; wrote no example")),
        }
    }
    check_values(&mut m, &mut out.warnings);
    let map = ordered(&m, FIELD_KEYS);
    if let Some(old) = existing {
        let mut keys: Vec<String> = FIELD_KEYS.iter().map(|k| k.to_string()).collect();
        keys.extend(
            old.keys()
                .chain(map.keys())
                .filter_map(|k| k.as_str().map(str::to_owned)),
        );
        keys.dedup();
        let mut seen = Vec::new();
        for k in keys {
            if !seen.contains(&k) && old.get(&k) != map.get(&k) {
                out.changed.push(k.clone());
            }
            seen.push(k);
        }
    }
    out.map = map;
    out
}

/// The page's type, unless the page leaves it open or the spec's `String` with a `format`
/// says the same thing more precisely (`Integer` on the page, `String` + `format: integer`).
fn final_type(m: &Mapping, f: &Field) -> String {
    let old = get_str(m, "type");
    let Some(new) = &f.ty else {
        return old.unwrap_or("String").to_owned();
    };
    let format = get_str(m, "format");
    let old_ty = old.and_then(SpecType::parse);
    let same_shape = |a: &SpecType, b: &SpecType| match (a, b) {
        (SpecType::Array(a), SpecType::Array(b)) => Some(((**a).clone(), (**b).clone())),
        (SpecType::Array(_), _) | (_, SpecType::Array(_)) => None,
        (a, b) => Some((a.clone(), b.clone())),
    };
    if let Some(old_ty) = &old_ty
        && let Some((o, n)) = same_shape(old_ty, new)
        && o == SpecType::Scalar(Scalar::String)
        && matches!(
            (format, n),
            (Some("integer"), SpecType::Scalar(Scalar::Integer))
                | (Some("bool"), SpecType::Scalar(Scalar::Boolean))
        )
    {
        return old.unwrap_or_default().to_owned();
    }
    new.to_string()
}

/// Keys that do not apply to the row's (new) type.
fn drop_misfits(m: &mut Mapping, from_spec: bool, warnings: &mut Vec<String>) {
    let shape = Shape::of(m);
    let text = shape.is_text(m);
    let fits = |key: &str| match key {
        "format" => shape.ty.as_ref().is_some_and(|t| {
            matches!(t, SpecType::Scalar(Scalar::String))
                || matches!(t, SpecType::Array(i) if **i == SpecType::Scalar(Scalar::String))
        }),
        "enum" | "max_length" => text,
        "min" | "max" => shape.is_numeric(),
        "max_items" => shape.array,
        _ => true,
    };
    for key in ["format", "enum", "max_length", "min", "max", "max_items"] {
        if m.contains_key(key) && !fits(key) {
            m.remove(key);
            if from_spec {
                let ty = get_str(m, "type").unwrap_or("?");
                warnings.push(format!(
                    "removed the spec's `{key}`: it does not apply to `{ty}`"
                ));
            }
        }
    }
}

fn apply_constraints(m: &mut Mapping, found: &Found, out: &mut Outcome) {
    let shape = Shape::of(m);
    let ty = get_str(m, "type").unwrap_or("?").to_owned();
    if let Some(vals) = &found.values
        && shape.is_text(m)
    {
        let listed: Vec<&str> = vals.iter().map(|v| v.value.as_str()).collect();
        let e = enum_map(m.get("enum").and_then(Value::as_mapping), found);
        let closed = e.get("closed").and_then(Value::as_bool) == Some(true);
        m.insert("enum".into(), Value::Mapping(e));
        let how = if closed {
            "closed (the spec says so)"
        } else {
            "open"
        };
        out.constraints
            .push(("enum".into(), format!("{} ({how})", listed.join(", "))));
    }
    if let (Some(n), true) = (found.min, shape.is_numeric()) {
        set_bound(m, "min", n, shape.elem, out);
    }
    if let (Some(n), true) = (found.max, shape.is_numeric()) {
        set_bound(m, "max", n, shape.elem, out);
    }
    if !shape.is_numeric() && (found.min.is_some() || found.max.is_some()) && !shape.array {
        out.warnings.push(format!(
            "the text gives a minimum or maximum, which does not apply to `{ty}`; wrote none"
        ));
    }
    if let Some(n) = found.max_length {
        if shape.is_text(m) {
            keep_or_set(m, "max_length", Value::from(n));
            out.constraints.push(("max_length".into(), n.to_string()));
        } else {
            out.warnings.push(format!(
                "the text gives a length, which does not apply to `{ty}`; wrote none"
            ));
        }
    }
    if let (Some(n), true) = (found.max_count, shape.array) {
        keep_or_set(m, "max_items", Value::from(n));
        out.constraints.push(("max_items".into(), n.to_string()));
    }
    if let Some(d) = &found.default {
        match values::default(d, &Shape::of(m)) {
            Ok(v) => {
                keep_or_set(m, "default", v);
                out.constraints.push(("default".into(), d.clone()));
            }
            Err(why) => out
                .warnings
                .push(format!("the default `{d}` is {why}; wrote no default")),
        }
    }
}

fn set_bound(
    m: &mut Mapping,
    key: &str,
    n: crate::extract::constraints::Number,
    elem: Elem,
    out: &mut Outcome,
) {
    if elem == Elem::Int && !matches!(n, crate::extract::constraints::Number::Int(_)) {
        out.warnings
            .push(format!("the {key} {n} is not a whole number; wrote none"));
        return;
    }
    keep_or_set(m, key, number(n));
    out.constraints.push((key.into(), n.to_string()));
}

/// The page's members, keeping the spec's `closed`, `name`, and the spec's wording of a member
/// the page gives no meaning for.
fn enum_map(old: Option<&Mapping>, found: &Found) -> Mapping {
    let mut e = old.cloned().unwrap_or_default();
    let old_values: Vec<Value> = e
        .get("values")
        .and_then(Value::as_sequence)
        .cloned()
        .unwrap_or_default();
    let mut values = Vec::new();
    for v in found.values.iter().flatten() {
        let old = old_values.iter().find(|o| {
            let text = match o {
                Value::Mapping(m) => m.get("value").and_then(scalar_text),
                other => scalar_text(other),
            };
            text.as_deref() == Some(v.value.as_str())
        });
        let value_node = match old {
            Some(Value::Mapping(m)) => m.get("value").cloned(),
            Some(other) => Some(other.clone()),
            None => None,
        }
        .unwrap_or_else(|| v.value.clone().into());
        let old_description = match old {
            Some(Value::Mapping(m)) => get_str(m, "description").map(str::to_owned),
            _ => None,
        };
        let description = if v.description.is_empty() {
            old_description.unwrap_or_default()
        } else {
            v.description.clone()
        };
        let mut item = Mapping::new();
        item.insert("value".into(), value_node);
        if !description.is_empty() {
            item.insert("description".into(), description.into());
        }
        values.push(Value::Mapping(item));
    }
    e.insert("values".into(), Value::Sequence(values));
    ordered(&e, ENUM_KEYS)
}

/// Sets `key` unless the spec already holds the same value, written its own way (`4090` and
/// `'4090'`).
fn keep_or_set(m: &mut Mapping, key: &str, value: Value) {
    let same = m.get(key).is_some_and(|old| {
        old == &value || (scalar_text(old).is_some() && scalar_text(old) == scalar_text(&value))
    });
    if !same {
        m.insert(key.into(), value);
    }
}

/// Defaults and examples that no longer fit the row (its type, enum or bounds) go.
fn check_values(m: &mut Mapping, warnings: &mut Vec<String>) {
    let shape = Shape::of(m);
    if let (Some(lo), Some(hi)) = (shape.min, shape.max)
        && lo > hi
    {
        warnings.push(format!(
            "the minimum {lo} is above the maximum {hi}; wrote neither"
        ));
        m.remove("min");
        m.remove("max");
    }
    let shape = Shape::of(m);
    for (key, is_default) in [("default", true), ("example", false)] {
        if let Some(v) = m.get(key)
            && !v.is_null()
            && let Err(why) = values::check(v, &shape, is_default)
        {
            let shown = scalar_text(v)
                .or_else(|| serde_json::to_string(v).ok())
                .unwrap_or_default();
            warnings.push(format!("removed the {key} `{shown}`: {why}"));
            m.remove(key);
        }
    }
}
