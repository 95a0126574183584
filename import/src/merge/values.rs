//! Examples and defaults as values of the field's final type, and the checks codegen makes on
//! them, so that an imported spec always loads.

use serde_yaml::{Mapping, Value};

use crate::page::types::{Scalar, SpecType};
use crate::write::{get_str, json_to_yaml, scalar_text};

/// What a value must fit: the element kind and the field's own constraints.
#[derive(Clone, Debug)]
pub struct Shape {
    pub ty: Option<SpecType>,
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
    Unknown,
}

impl Shape {
    /// The shape of a spec field as it stands.
    pub fn of(field: &Mapping) -> Shape {
        let ty = get_str(field, "type").and_then(SpecType::parse);
        let format = get_str(field, "format");
        let (elem, array) = match &ty {
            None => (Elem::Unknown, false),
            Some(SpecType::Array(inner)) => (elem_of(inner, format), true),
            Some(t) => (elem_of(t, format), false),
        };
        let e = field.get("enum").and_then(Value::as_mapping);
        let values = e
            .and_then(|e| e.get("values"))
            .and_then(Value::as_sequence)
            .map(|vs| {
                vs.iter()
                    .filter_map(|v| match v {
                        Value::Mapping(m) => m.get("value").and_then(scalar_text),
                        other => scalar_text(other),
                    })
                    .collect()
            });
        let num = |k: &str| field.get(k).and_then(Value::as_f64);
        Shape {
            ty,
            elem,
            array,
            values,
            closed: e
                .and_then(|e| e.get("closed"))
                .and_then(Value::as_bool)
                .unwrap_or(false),
            min: num("min"),
            max: num("max"),
            max_length: field.get("max_length").and_then(Value::as_u64),
        }
    }

    /// A plain `String`: no format, so enums and lengths apply.
    pub fn is_text(&self, field: &Mapping) -> bool {
        self.elem == Elem::Str && field.get("format").is_none()
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self.elem, Elem::Int | Elem::Float)
    }
}

fn elem_of(ty: &SpecType, format: Option<&str>) -> Elem {
    match ty {
        SpecType::Scalar(Scalar::String) => match format {
            Some("integer") => Elem::Int,
            Some("bool") => Elem::Bool,
            _ => Elem::Str,
        },
        SpecType::Scalar(Scalar::Integer) => Elem::Int,
        SpecType::Scalar(Scalar::Float) => Elem::Float,
        SpecType::Scalar(Scalar::Boolean) => Elem::Bool,
        SpecType::Model(_) => Elem::Model,
        SpecType::Array(_) => Elem::Unknown,
    }
}

/// A page's example text as a value of the field's type.
pub fn example(raw: &str, shape: &Shape) -> Result<Value, String> {
    let raw = raw.trim();
    if shape.elem == Elem::Model {
        let json: serde_json::Value =
            serde_json::from_str(raw).map_err(|_| "not a JSON object".to_owned())?;
        let ok = match &json {
            serde_json::Value::Object(_) => !shape.array,
            serde_json::Value::Array(items) => shape.array && items.iter().all(|i| i.is_object()),
            _ => false,
        };
        return if ok {
            Ok(json_to_yaml(&json))
        } else {
            Err("not a JSON object of the model".into())
        };
    }
    if shape.array {
        if raw.starts_with('[') {
            let json: serde_json::Value =
                serde_json::from_str(raw).map_err(|_| "not a JSON array".to_owned())?;
            let items = json.as_array().cloned().unwrap_or_default();
            let mut out = Vec::new();
            for item in &items {
                let text = match item {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                out.push(scalar(&text, shape)?);
            }
            return Ok(Value::Sequence(out));
        }
        return Ok(Value::Sequence(vec![scalar(raw, shape)?]));
    }
    scalar(raw, shape)
}

/// A default: one scalar of the element type.
pub fn default(raw: &str, shape: &Shape) -> Result<Value, String> {
    if shape.array || shape.elem == Elem::Model {
        return Err("defaults are for scalar fields".into());
    }
    scalar(raw, shape)
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
        Elem::Str | Elem::Unknown => Ok(Value::String(text.to_owned())),
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

/// Whether a value (an example or a default) fits the shape, as codegen checks it.
pub fn check(value: &Value, shape: &Shape, is_default: bool) -> Result<(), String> {
    match value {
        Value::Sequence(items) if shape.array && shape.elem != Elem::Model => {
            items.iter().try_for_each(|i| check(i, shape, is_default))
        }
        Value::Sequence(items) if shape.array => {
            if items.iter().all(Value::is_mapping) {
                Ok(())
            } else {
                Err("the elements must be mappings".into())
            }
        }
        Value::Mapping(_) if shape.elem == Elem::Model && !is_default => Ok(()),
        Value::Mapping(_) | Value::Sequence(_) => Err("does not fit the type".into()),
        _ if shape.elem == Elem::Model => Err("a model needs a mapping".into()),
        other => {
            let text = scalar_text(other).unwrap_or_default();
            check_text(&text, shape, is_default)
        }
    }
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
