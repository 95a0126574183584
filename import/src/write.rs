//! Spec YAML as serde_yaml writes it: keys in the house order, values typed as the spec format
//! reads them (numbers for bounds, booleans for flags).

use serde_yaml::{Mapping, Value};

pub const FIELD_KEYS: &[&str] = &[
    "name",
    "type",
    "required",
    "description",
    "example",
    "default",
    "min",
    "max",
    "max_length",
    "max_items",
    "format",
    "enum",
    "deprecated",
    "sensitive",
];
pub const ACTION_KEYS: &[&str] = &[
    "action",
    "summary",
    "description",
    "retryable",
    "common",
    "request",
    "response",
    "response_example",
];
pub const MODEL_KEYS: &[&str] = &["model", "description", "fields"];
pub const ENUM_KEYS: &[&str] = &["closed", "name", "values"];
pub const COMMON_KEYS: &[&str] = &["Region", "Zone", "ProjectId"];

/// The mapping with `order`'s keys first, in that order; other keys keep their relative place
/// after them.
pub fn ordered(map: &Mapping, order: &[&str]) -> Mapping {
    let mut out = Mapping::new();
    for key in order {
        if let Some(v) = map.get(*key) {
            out.insert(Value::from(*key), v.clone());
        }
    }
    for (k, v) in map {
        if !k.as_str().is_some_and(|k| order.contains(&k)) {
            out.insert(k.clone(), v.clone());
        }
    }
    out
}

pub fn to_yaml(map: &Mapping) -> String {
    // A mapping of plain values always serializes; an empty spec is the safe fallback.
    serde_yaml::to_string(&Value::Mapping(map.clone())).unwrap_or_default()
}

/// The text a scalar shows, to compare a page's value with what a spec wrote (`4090` the
/// number and `"4090"` the string are the same example).
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub fn get_str<'m>(map: &'m Mapping, key: &str) -> Option<&'m str> {
    map.get(key).and_then(Value::as_str)
}

pub fn number(n: crate::extract::constraints::Number) -> Value {
    match n {
        crate::extract::constraints::Number::Int(i) => Value::from(i),
        crate::extract::constraints::Number::Float(f) => Value::from(f),
    }
}

pub fn json_to_yaml(value: &serde_json::Value) -> Value {
    serde_yaml::to_value(value).unwrap_or(Value::Null)
}
