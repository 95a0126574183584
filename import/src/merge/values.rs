//! Examples and defaults as values of the field's final type, and the checks codegen makes on
//! them, so that an imported spec always loads.
//!
//! Values are handled as JSON while merging: pages write examples as JSON or as bare words,
//! and a spec's example (a YAML node) converts to JSON through codegen's own reading of it.

use codegen::spec::{FieldSpec, Format, TypeExpr};
use codegen::yaml::{Node, NodeKind};
use serde_json::Value;

/// What a value must fit: the element kind and the field's own constraints.
#[derive(Clone, Debug)]
pub struct Shape {
    pub elem: Elem,
    pub array: bool,
    pub values: Option<Vec<String>>,
    pub closed: bool,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub max_length: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elem {
    Str,
    Int,
    Float,
    Bool,
    Model,
}

impl Shape {
    /// The shape of a spec field as it stands.
    pub fn of(f: &FieldSpec) -> Shape {
        let ty = &f.ty.value;
        let elem = match (ty.element(), f.format.as_ref().map(|f| f.value)) {
            (TypeExpr::String, Some(Format::Integer)) => Elem::Int,
            (TypeExpr::String, Some(Format::Bool)) => Elem::Bool,
            (TypeExpr::String, None) => Elem::Str,
            (TypeExpr::Integer, _) => Elem::Int,
            (TypeExpr::Float, _) => Elem::Float,
            (TypeExpr::Boolean, _) => Elem::Bool,
            (TypeExpr::Model(_) | TypeExpr::Array(_), _) => Elem::Model,
        };
        let bound = |kind| f.bound(kind).map(|b| b.value.number());
        Shape {
            elem,
            array: ty.is_array(),
            values: f
                .enumeration
                .as_ref()
                .map(|e| e.values.iter().map(|v| v.value.value.clone()).collect()),
            closed: f.enumeration.as_ref().is_some_and(|e| e.closed),
            min: bound(codegen::spec::BoundKind::Min),
            max: bound(codegen::spec::BoundKind::Max),
            max_length: f
                .bound(codegen::spec::BoundKind::MaxLength)
                .map(|b| b.value.number() as u64),
        }
    }

    /// A plain `String`: no format, so enums and lengths apply.
    pub fn is_text(&self) -> bool {
        self.elem == Elem::Str
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self.elem, Elem::Int | Elem::Float)
    }
}

/// A page's example text as a value of the field's type.
pub fn example(raw: &str, shape: &Shape) -> Result<Value, String> {
    let raw = raw.trim();
    if shape.elem == Elem::Model {
        let json: Value = serde_json::from_str(raw).map_err(|_| "not a JSON object".to_owned())?;
        let ok = match &json {
            Value::Object(_) => !shape.array,
            Value::Array(items) => shape.array && items.iter().all(Value::is_object),
            _ => false,
        };
        return if ok {
            Ok(json)
        } else {
            Err("not a JSON object of the model".into())
        };
    }
    if shape.array {
        // A map the spec holds as a list (`{"InviteMember":"邀请成员"}`) is no element.
        if raw.starts_with('{') {
            return Err("a JSON object, not a list".into());
        }
        if raw.starts_with('[') {
            let json: Value =
                serde_json::from_str(raw).map_err(|_| "not a JSON array".to_owned())?;
            let items = json.as_array().cloned().unwrap_or_default();
            let mut out = Vec::new();
            for item in &items {
                let text = match item {
                    Value::String(s) => s.clone(),
                    Value::Object(_) | Value::Array(_) => {
                        return Err("a list of objects or lists, not of values".into());
                    }
                    other => other.to_string(),
                };
                out.push(scalar(&text, shape)?);
            }
            return Ok(Value::Array(out));
        }
        return Ok(Value::Array(vec![scalar(raw, shape)?]));
    }
    scalar(raw, shape)
}

/// A default: the text of one scalar of the element type, as the spec writes it.
pub fn default(raw: &str, shape: &Shape) -> Result<String, String> {
    if shape.array || shape.elem == Elem::Model {
        return Err("defaults are for scalar fields".into());
    }
    Ok(text_of(&scalar(raw, shape)?))
}

fn scalar(raw: &str, shape: &Shape) -> Result<Value, String> {
    let text = unquote(raw);
    match shape.elem {
        Elem::Int => text
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| "not a whole number".into()),
        Elem::Float => text
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .map(Value::from)
            .ok_or_else(|| "not a number".into()),
        Elem::Bool => match text.to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err("not true or false".into()),
        },
        Elem::Str => Ok(Value::String(text.to_owned())),
        Elem::Model => Err("a model needs a mapping".into()),
    }
}

/// `"a"` is the text `a`.
fn unquote(raw: &str) -> &str {
    let raw = raw.trim();
    raw.strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw)
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

fn text_of(value: &Value) -> String {
    scalar_text(value).unwrap_or_else(|| value.to_string())
}

/// Whether two values are the same example, each written its own way.
pub fn same(a: &Value, b: &Value) -> bool {
    a == b || (scalar_text(a).is_some() && scalar_text(a) == scalar_text(b))
}

/// Whether a value (an example or a default) fits the shape, as codegen checks it.
pub fn check(value: &Value, shape: &Shape, is_default: bool) -> Result<(), String> {
    match value {
        Value::Array(items) if shape.array && shape.elem != Elem::Model => {
            items.iter().try_for_each(|i| check(i, shape, is_default))
        }
        Value::Array(items) if shape.array => {
            if items.iter().all(Value::is_object) {
                Ok(())
            } else {
                Err("the elements must be mappings".into())
            }
        }
        Value::Object(_) if shape.elem == Elem::Model && !is_default => Ok(()),
        Value::Object(_) | Value::Array(_) => Err("does not fit the type".into()),
        _ if shape.elem == Elem::Model => Err("a model needs a mapping".into()),
        other => check_text(&text_of(other), shape, is_default),
    }
}

/// Whether a default's text fits the shape.
pub fn check_default(text: &str, shape: &Shape) -> Result<(), String> {
    if shape.elem == Elem::Model {
        return Err("a model needs a mapping".into());
    }
    check_text(text, shape, true)
}

fn check_text(text: &str, shape: &Shape, is_default: bool) -> Result<(), String> {
    let number = match shape.elem {
        Elem::Int => Some(
            text.trim()
                .parse::<i64>()
                .map_err(|_| format!("`{text}` is not a whole number"))? as f64,
        ),
        Elem::Float => Some(
            text.trim()
                .parse::<f64>()
                .map_err(|_| format!("`{text}` is not a number"))?,
        ),
        Elem::Bool => {
            if !matches!(text.trim().to_ascii_lowercase().as_str(), "true" | "false") {
                return Err(format!("`{text}` is not true or false"));
            }
            None
        }
        _ => None,
    };
    if let Some(values) = &shape.values
        && (shape.closed || is_default)
        && !values.iter().any(|v| v == text)
    {
        return Err(format!("`{text}` is not one of the enum values"));
    }
    if let (Some(n), Some(max)) = (number, shape.max)
        && n > max
    {
        return Err(format!("{text} is above the maximum {max}"));
    }
    if let (Some(n), Some(min)) = (number, shape.min)
        && n < min
    {
        return Err(format!("{text} is below the minimum {min}"));
    }
    if let Some(max) = shape.max_length
        && text.chars().count() as u64 > max
    {
        return Err(format!("`{text}` is longer than {max} characters"));
    }
    Ok(())
}

/// A spec's example as JSON, read the way codegen reads it.
pub fn from_node(node: &Node) -> Value {
    serde_json::to_value(codegen::spec::write::node(node)).unwrap_or(Value::Null)
}

/// JSON as a spec example: text quoted, so that `'4090'` stays text; numbers and booleans
/// plain, so that they read back as what they are.
pub fn to_node(value: &Value) -> Node {
    let scalar = |text: String, quoted: bool| NodeKind::Scalar { text, quoted };
    let kind = match value {
        Value::Null => scalar("null".into(), false),
        Value::Bool(b) => scalar(b.to_string(), false),
        Value::Number(n) => scalar(n.to_string(), false),
        Value::String(s) => scalar(s.clone(), true),
        Value::Array(items) => NodeKind::Seq(items.iter().map(to_node).collect()),
        Value::Object(map) => NodeKind::Map(
            map.iter()
                .map(|(k, v)| {
                    let key = Node {
                        kind: scalar(k.clone(), true),
                        span: 0..0,
                    };
                    (key, to_node(v))
                })
                .collect(),
        ),
    };
    Node { kind, span: 0..0 }
}
