//! Values that fit their fields, for default answers built from the docs' response examples.
//!
//! The official pages' examples are generated placeholders: random eight-letter strings, often
//! where the field is a number, a boolean or one of a few documented values. The schema knows
//! each response member's kind, so [`fit`] replaces a value that cannot be right with one that
//! can, and keeps every value that already fits (and every member, known or not).

use compshare::runtime::schema::{ParamInfo, ParamKind};
use serde_json::{Map, Value};

/// The number an Integer member gets when its example is not a number.
const INTEGER: i64 = 1;
/// The number a Float member gets when its example is not a number.
const FLOAT: f64 = 1.5;

/// Fits the values of `members` in `object` to their kinds, recursing into models.
pub(crate) fn fit(members: &[ParamInfo], object: &mut Map<String, Value>) {
    for member in members {
        if let Some(value) = object.get_mut(member.name) {
            fit_member(member, value);
        }
    }
}

fn fit_member(member: &ParamInfo, value: &mut Value) {
    if !member.list {
        return fit_one(&member.kind, value);
    }
    match value {
        Value::Null => {}
        Value::Array(items) => items.iter_mut().for_each(|v| fit_one(&member.kind, v)),
        // A scalar where a list belongs becomes a list of that one value, fitted.
        other => {
            let mut one = other.take();
            fit_one(&member.kind, &mut one);
            *other = Value::Array(vec![one]);
        }
    }
}

fn fit_one(kind: &ParamKind, value: &mut Value) {
    if value.is_null() {
        return;
    }
    match kind {
        ParamKind::Enum { values, .. } => {
            let documented = text(value).is_some_and(|t| values.contains(&t.as_str()));
            if let (false, Some(first)) = (documented, values.first()) {
                *value = Value::from(*first);
            }
        }
        ParamKind::Integer if !is_number(value) => *value = Value::from(INTEGER),
        ParamKind::Float if !is_number(value) => *value = Value::from(FLOAT),
        ParamKind::Bool if !value.is_boolean() => {
            *value = Value::Bool(value.as_str() == Some("true"));
        }
        ParamKind::String if value.is_number() || value.is_boolean() => {
            *value = Value::from(value.to_string());
        }
        ParamKind::Model(name) => {
            if let Some(model) = compshare::schema::model(name) {
                fit_object(model.fields, value);
            }
        }
        ParamKind::Object(fields) => fit_object(fields, value),
        _ => {}
    }
}

/// A model's value: an object, whatever the example held.
fn fit_object(fields: &[ParamInfo], value: &mut Value) {
    if !value.is_object() {
        *value = Value::Object(Map::new());
    }
    if let Value::Object(object) = value {
        fit(fields, object);
    }
}

/// Whether `value` is a number, or text that reads as one (the API sends some numbers as text).
pub(crate) fn is_number(value: &Value) -> bool {
    value.is_number()
        || value
            .as_str()
            .is_some_and(|s| s.trim().parse::<f64>().is_ok())
}

/// A scalar's text, as an enum compares it.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A request param's wire text as the value of a response member of `kind`: a number or a
/// boolean when it reads as one, else the text.
pub(crate) fn typed(kind: &ParamKind, text: &str) -> Value {
    let parsed = match kind {
        ParamKind::Integer => text.parse::<i64>().ok().map(Value::from),
        ParamKind::Float => text.parse::<f64>().ok().map(Value::from),
        ParamKind::Bool => text.parse::<bool>().ok().map(Value::from),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::from(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn member(name: &'static str, kind: ParamKind, list: bool) -> ParamInfo {
        ParamInfo {
            name,
            description: "",
            kind,
            list,
            required: false,
            common: false,
            default: None,
            bounds: &[],
            sensitive: false,
            deprecated: false,
        }
    }

    #[test]
    fn placeholders_become_values_of_their_kind() {
        let charge = ParamKind::Enum {
            values: &["Month", "Postpay"],
            closed: false,
        };
        let members = [
            member("ChargeType", charge, false),
            member("Charges", charge, true),
            member("Postpay", charge, false),
            member("Count", ParamKind::Integer, false),
            member("Text", ParamKind::Integer, false),
            member("Price", ParamKind::Float, false),
            member("Ok", ParamKind::Bool, false),
            member("Name", ParamKind::String, false),
        ];
        let mut object = json!({
            "ChargeType": "rKMUdaQa",
            "Charges": "Postpay",
            "Postpay": "Postpay",
            "Count": "ZBrnJyMd",
            "Text": "12",
            "Price": "IKjEKvgP",
            "Ok": "sFwAkqQj",
            "Name": 7,
            "Unknown": "kept",
        });
        fit(&members, object.as_object_mut().unwrap());
        assert_eq!(
            object,
            json!({
                "ChargeType": "Month",
                "Charges": ["Postpay"],
                "Postpay": "Postpay",
                "Count": 1,
                "Text": "12",
                "Price": 1.5,
                "Ok": false,
                "Name": "7",
                "Unknown": "kept",
            })
        );
    }

    #[test]
    fn request_text_is_typed_like_the_member() {
        assert_eq!(typed(&ParamKind::Integer, "42"), json!(42));
        assert_eq!(typed(&ParamKind::Bool, "true"), json!(true));
        assert_eq!(typed(&ParamKind::String, "42"), json!("42"));
        assert_eq!(typed(&ParamKind::Integer, "x"), json!("x"));
    }
}
