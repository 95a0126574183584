//! Rows read from an example value, for objects whose page lists no fields
//! (`Performance | Object | 含 Value 和 Rate`).

use serde_json::{Map, Value};

use crate::doc::ParamRow;
use codegen::spec::TypeExpr;

use crate::page::types::PageType;

/// The first object (or array of objects) under `key`, searching depth first.
pub fn find<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    match value {
        Value::Object(map) => {
            if let Some(v) = map.get(key).filter(|v| object_of(v).is_some()) {
                return Some(v);
            }
            map.values().find_map(|v| find(v, key))
        }
        Value::Array(items) => items.iter().find_map(|v| find(v, key)),
        _ => None,
    }
}

/// The fields an example shows: an object's, or those of all objects in an array.
pub fn object_of(value: &Value) -> Option<Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map.clone()),
        Value::Array(items) => {
            let mut merged = Map::new();
            for item in items {
                for (k, v) in item.as_object()? {
                    merged.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
            (!merged.is_empty()).then_some(merged)
        }
        _ => None,
    }
}

/// One row per key, typed by its value. Keys that cannot be field names are left out.
/// `from_response` marks rows read from the response example.
pub fn rows(map: &Map<String, Value>, line: usize, from_response: bool) -> Vec<ParamRow> {
    map.iter()
        .filter(|(k, v)| crate::resolve::nesting::is_identifier(k) && !v.is_null())
        .map(|(k, v)| {
            let mut row = ParamRow::new(line, k, type_of(v));
            row.from_example = from_response;
            if matches!(row.ty, PageType::Object | PageType::Array(_)) && object_of(v).is_some() {
                row.json = Some(v.clone());
            }
            row
        })
        .collect()
}

fn type_of(value: &Value) -> PageType {
    match value {
        Value::Bool(_) => PageType::Scalar(TypeExpr::Boolean),
        Value::Number(n) if n.is_f64() => PageType::Scalar(TypeExpr::Float),
        Value::Number(_) => PageType::Scalar(TypeExpr::Integer),
        Value::String(_) | Value::Null => PageType::Scalar(TypeExpr::String),
        Value::Object(_) => PageType::Object,
        Value::Array(items) => match items.first() {
            Some(first) => PageType::Array(Box::new(type_of(first))),
            None => PageType::AnyArray,
        },
    }
}
