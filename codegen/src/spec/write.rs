//! Printing specs in the house style: the keys of [`super::keys`] in their order, values typed
//! as the reader expects them, laid out by serde_yaml. Reading a written spec gives back the
//! same spec, and writing is deterministic.

use serde_yaml::{Mapping, Value};

use super::{
    ActionSpec, Bound, EnumSpec, FieldSpec, ModelSpec, RequestBody, Requiredness, ResponseBody,
    ServiceSpec, TypeExpr, WaiterSpec, keys,
};
use crate::yaml::{Node, NodeKind};

/// An action file.
pub fn action(a: &ActionSpec) -> String {
    text(action_map(a))
}

/// A model file.
pub fn model(m: &ModelSpec) -> String {
    text(model_map(m))
}

/// The service file.
pub fn service(s: &ServiceSpec) -> String {
    let mut m = Mapping::new();
    put(&mut m, "service", s.service.value.as_str());
    put(&mut m, "crate", s.crate_name.value.as_str());
    put_text(&mut m, "product", &s.product);
    put_text(&mut m, "description", &s.description);
    put(&mut m, "base_url", s.base_url.as_str());
    put_text(&mut m, "region", &s.region);
    put_text(&mut m, "zone", &s.zone);
    for (key, value) in [
        ("runtime", &s.runtime),
        ("env_prefix", &s.env_prefix),
        ("config_dir", &s.config_dir),
    ] {
        if let Some(v) = value {
            put(&mut m, key, v.value.as_str());
        }
    }
    if !s.common.is_empty() {
        put(&mut m, "common", rows(&s.common));
    }
    if !s.groups.is_empty() {
        let groups = s
            .groups
            .iter()
            .map(|g| {
                let mut item = Mapping::new();
                put(&mut item, "name", g.name.value.as_str());
                put_text(&mut item, "description", &g.description);
                let keywords = g.keywords.iter().map(|k| Value::from(k.as_str())).collect();
                put(&mut item, "keywords", Value::Sequence(keywords));
                Value::Mapping(ordered(item, keys::GROUP))
            })
            .collect();
        put(&mut m, "groups", Value::Sequence(groups));
    }
    if !s.errors.is_empty() {
        let errors = s
            .errors
            .iter()
            .map(|e| {
                let mut item = Mapping::new();
                put(&mut item, "code", e.code.value);
                put(&mut item, "name", e.name.value.as_str());
                put_text(&mut item, "message", &e.message);
                put_text(&mut item, "description", &e.description);
                Value::Mapping(ordered(item, keys::ERROR))
            })
            .collect();
        put(&mut m, "errors", Value::Sequence(errors));
    }
    if !s.waiters.is_empty() {
        let waiters = s.waiters.iter().map(waiter).collect();
        put(&mut m, "waiters", Value::Sequence(waiters));
    }
    text(ordered(m, keys::SERVICE))
}

fn waiter(w: &WaiterSpec) -> Value {
    let mut m = Mapping::new();
    for (key, value) in [
        ("name", &w.name),
        ("action", &w.action),
        ("id_param", &w.id_param),
        ("items", &w.items),
        ("id_field", &w.id_field),
        ("state_field", &w.state_field),
    ] {
        put(&mut m, key, value.value.as_str());
    }
    put(&mut m, "interval_ms", w.interval_ms);
    let targets = w
        .targets
        .iter()
        .map(|t| {
            let mut item = Mapping::new();
            put(&mut item, "state", t.state.value.as_str());
            if !t.failure.is_empty() {
                let states = t.failure.iter().map(|s| Value::from(s.as_str())).collect();
                put(&mut item, "failure", Value::Sequence(states));
            }
            if t.gone {
                put(&mut item, "gone", true);
            }
            Value::Mapping(ordered(item, keys::TARGET))
        })
        .collect();
    put(&mut m, "targets", Value::Sequence(targets));
    Value::Mapping(ordered(m, keys::WAITER))
}

pub fn action_map(a: &ActionSpec) -> Mapping {
    let mut m = Mapping::new();
    put(&mut m, "action", a.action.value.as_str());
    put_text(&mut m, "summary", &a.summary);
    put_text(&mut m, "description", &a.description);
    if let Some(live) = &a.live {
        put(&mut m, "live", live.as_str());
    }
    if let Some(note) = &a.note {
        put(&mut m, "note", note.as_str());
    }
    if let Some(reason) = &a.unavailable {
        put(&mut m, "unavailable", reason.value.as_str());
    }
    put(&mut m, "retryable", a.retryable);
    if !a.retry.codes.is_empty() {
        let mut retry = Mapping::new();
        let codes = a.retry.codes.iter().map(|c| Value::from(*c)).collect();
        put(&mut retry, "codes", Value::Sequence(codes));
        if let Some(ms) = a.retry.backoff_ms {
            put(&mut retry, "backoff_ms", ms);
        }
        put(&mut m, "retry", ordered(retry, keys::RETRY));
    }
    if a.request_body == RequestBody::Json {
        put(&mut m, "request_body", keys::JSON);
    }
    if a.response_body == ResponseBody::Bytes {
        put(&mut m, "response_body", keys::BYTES);
    }
    if !a.common.is_empty() {
        let mut common = Mapping::new();
        for (name, requiredness) in &a.common {
            let word = match requiredness {
                Requiredness::Required => keys::REQUIRED,
                Requiredness::Optional => keys::OPTIONAL,
            };
            put(&mut common, &name.value, word);
        }
        put(&mut m, "common", ordered(common, &keys::COMMON_PARAMS));
    }
    if !a.request.is_empty() {
        put(&mut m, "request", rows(&a.request));
    }
    if !a.response.is_empty() {
        put(&mut m, "response", rows(&a.response));
    }
    if let Some(example) = &a.response_example {
        put(&mut m, "response_example", block(&example.value));
    }
    ordered(m, keys::ACTION)
}

pub fn model_map(spec: &ModelSpec) -> Mapping {
    let mut m = Mapping::new();
    put(&mut m, "model", spec.model.value.as_str());
    put_text(&mut m, "description", &spec.description);
    put(&mut m, "fields", rows(&spec.fields));
    ordered(m, keys::MODEL)
}

fn rows(fields: &[FieldSpec]) -> Value {
    Value::Sequence(fields.iter().map(|f| Value::Mapping(field(f))).collect())
}

/// One row, with each key the row sets.
pub fn field(f: &FieldSpec) -> Mapping {
    let mut m = Mapping::new();
    put(&mut m, "name", f.name.value.as_str());
    put(&mut m, "type", f.ty.value.to_string());
    put(&mut m, "required", f.required);
    put_text(&mut m, "description", &f.description);
    if let Some(example) = &f.example {
        put(&mut m, "example", node(&example.value));
    }
    if let Some(default) = &f.default {
        let ty = match &f.format {
            Some(format) => format.value.typed_as(),
            None => f.ty.value.element().clone(),
        };
        put(&mut m, "default", typed_text(&default.value, &ty));
    }
    for b in &f.bounds {
        put(&mut m, b.value.kind().key(), bound(b.value));
    }
    if let Some(format) = &f.format {
        put(&mut m, "format", format.value.word());
    }
    if let Some(e) = &f.enumeration {
        put(&mut m, "enum", enumeration(e));
    }
    match &f.deprecated {
        Some(note) if note.is_empty() => put(&mut m, "deprecated", true),
        Some(note) => put(&mut m, "deprecated", note.as_str()),
        None => {}
    }
    if f.sensitive {
        put(&mut m, "sensitive", true);
    }
    if f.from_example {
        put(&mut m, "from_example", true);
    }
    if let Some(live) = &f.live {
        put(&mut m, "live", live.as_str());
    }
    if let Some(note) = &f.note {
        put(&mut m, "note", note.as_str());
    }
    ordered(m, keys::FIELD)
}

fn enumeration(e: &EnumSpec) -> Mapping {
    let mut m = Mapping::new();
    if e.closed {
        put(&mut m, "closed", true);
    }
    if let Some(name) = &e.name {
        put(&mut m, "name", name.value.as_str());
    }
    let values = e
        .values
        .iter()
        .map(|v| {
            let mut item = Mapping::new();
            put(&mut item, "value", enum_value(&v.value.value));
            put_text(&mut item, "description", &v.description);
            Value::Mapping(ordered(item, keys::ENUM_VALUE))
        })
        .collect();
    put(&mut m, "values", Value::Sequence(values));
    ordered(m, keys::ENUM)
}

fn bound(b: Bound) -> Value {
    match b {
        Bound::MaxLength(n) | Bound::MaxItems(n) => Value::from(n),
        Bound::Min(x) | Bound::Max(x) => number(x),
    }
}

/// A whole number is written without a fraction.
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

/// Text that means a value of `ty` (a default): a number or boolean where the type is one.
fn typed_text(text: &str, ty: &TypeExpr) -> Value {
    match ty {
        TypeExpr::Integer => text
            .parse::<i64>()
            .map_or_else(|_| text.into(), Value::from),
        TypeExpr::Float => text
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map_or_else(|| text.into(), number),
        TypeExpr::Boolean => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => text.into(),
        },
        _ => text.into(),
    }
}

/// An enum member: text, written as a number when it reads back as the same text, as YAML
/// would read `4090`.
fn enum_value(text: &str) -> Value {
    match text.parse::<i64>() {
        Ok(i) if i.to_string() == text => Value::from(i),
        _ => Value::from(text),
    }
}

/// A YAML node as the value it reads as: plain scalars by the YAML core schema, quoted ones
/// as text.
pub fn node(n: &Node) -> Value {
    match &n.kind {
        NodeKind::Scalar { text, quoted: true } => Value::String(text.clone()),
        NodeKind::Scalar { text, .. } => plain_scalar(text),
        NodeKind::Seq(items) => Value::Sequence(items.iter().map(node).collect()),
        NodeKind::Map(entries) => {
            Value::Mapping(entries.iter().map(|(k, v)| (node(k), node(v))).collect())
        }
    }
}

fn plain_scalar(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Ok(i) = text.parse::<i64>() {
        return Value::from(i);
    }
    let looks_numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && text.chars().any(|c| c.is_ascii_digit());
    match text.parse::<f64>() {
        Ok(x) if looks_numeric && x.is_finite() => Value::from(x),
        _ => Value::String(text.to_owned()),
    }
}

/// A multi-line text, ending in one newline so that it is written as a `|` block.
fn block(text: &str) -> Value {
    Value::String(format!("{}\n", text.trim_end()))
}

fn put(m: &mut Mapping, key: &str, value: impl Into<Value>) {
    m.insert(Value::from(key), value.into());
}

fn put_text(m: &mut Mapping, key: &str, text: &str) {
    if !text.is_empty() {
        put(m, key, text);
    }
}

/// The mapping with `order`'s keys first, in that order.
fn ordered(map: Mapping, order: &[&str]) -> Mapping {
    let mut out = Mapping::new();
    for key in order {
        if let Some(v) = map.get(*key) {
            out.insert(Value::from(*key), v.clone());
        }
    }
    for (k, v) in map {
        if !out.contains_key(&k) {
            out.insert(k, v);
        }
    }
    out
}

fn text(map: Mapping) -> String {
    // A mapping of strings, numbers, booleans and nested mappings always serializes.
    serde_yaml::to_string(&Value::Mapping(map)).unwrap_or_default()
}
