//! Tolerant decoding of responses.
//!
//! The server is the authority on what it returns, so decoding never fails on content: unknown
//! fields are ignored, a missing or `null` field is `None` or empty, a number that arrives as a
//! string (or the other way round) still decodes, and a value of the wrong shape is dropped
//! with a debug log line instead of failing the whole call.

use serde_json::{Map, Value};

/// A value that can be read tolerantly from JSON. `None` means "absent or unreadable".
pub trait Decode: Sized {
    fn decode(value: &Value) -> Option<Self>;
}

impl Decode for String {
    fn decode(value: &Value) -> Option<Self> {
        match value {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

impl Decode for i64 {
    fn decode(value: &Value) -> Option<Self> {
        match value {
            Value::Number(n) => n.as_i64().or_else(|| n.as_f64().and_then(whole)),
            Value::String(s) => {
                let s = s.trim();
                s.parse().ok().or_else(|| s.parse().ok().and_then(whole))
            }
            Value::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }
}

fn whole(f: f64) -> Option<i64> {
    // The float range check keeps the cast exact.
    (f.fract() == 0.0 && f.abs() < 9.0e18).then_some(f as i64)
}

impl Decode for f64 {
    fn decode(value: &Value) -> Option<Self> {
        match value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok().filter(|f: &f64| f.is_finite()),
            _ => None,
        }
    }
}

impl Decode for bool {
    fn decode(value: &Value) -> Option<Self> {
        match value {
            Value::Bool(b) => Some(*b),
            Value::Number(n) => n.as_f64().map(|f| f != 0.0),
            // Some fields are the strings "True"/"False" rather than JSON booleans.
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Some(true),
                "false" | "no" | "0" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }
}

impl Decode for Value {
    fn decode(value: &Value) -> Option<Self> {
        Some(value.clone())
    }
}

/// `Deserialize` for generated types: reads any JSON and decodes it tolerantly, so a stored
/// response reads back the same way a live one does.
pub fn deserialize<'de, T: Decode + Default, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let value = <Value as serde::Deserialize>::deserialize(deserializer)?;
    Ok(T::decode(&value).unwrap_or_default())
}

/// The fields of one JSON object, read by name.
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    map: Option<&'a Map<String, Value>>,
    of: &'static str,
}

impl<'a> Fields<'a> {
    /// `of` names the type being decoded, for the debug log.
    pub fn new(value: &'a Value, of: &'static str) -> Self {
        Self {
            map: value.as_object(),
            of,
        }
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.map?.get(name).filter(|v| !v.is_null())
    }

    fn drifted(&self, name: &str, value: &Value, expected: &str) {
        tracing::debug!(
            target: "compshare::decode",
            "{}.{name}: expected {expected}, got {}; dropped",
            self.of,
            kind(value)
        );
    }

    /// An optional field.
    pub fn opt<T: Decode>(&self, name: &str) -> Option<T> {
        let value = self.get(name)?;
        let decoded = T::decode(value);
        if decoded.is_none() {
            self.drifted(name, value, std::any::type_name::<T>());
        }
        decoded
    }

    /// A field the spec marks as always present; a missing one decodes as empty.
    pub fn req<T: Decode + Default>(&self, name: &str) -> T {
        self.opt(name).unwrap_or_default()
    }

    /// An array. A missing array is empty; a lone value where an array belongs is read as an
    /// array of one; unreadable elements are dropped.
    pub fn list<T: Decode>(&self, name: &str) -> Vec<T> {
        match self.get(name) {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .filter(|v| !v.is_null())
                .filter_map(|item| {
                    let decoded = T::decode(item);
                    if decoded.is_none() {
                        self.drifted(name, item, std::any::type_name::<T>());
                    }
                    decoded
                })
                .collect(),
            Some(value) => T::decode(value).into_iter().collect(),
        }
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a `RetCode`, which sometimes arrives as a string.
pub fn ret_code(body: &Value) -> Option<i64> {
    body.get("RetCode").and_then(i64::decode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_and_strings_cross_over() {
        assert_eq!(i64::decode(&json!("42")), Some(42));
        assert_eq!(i64::decode(&json!(" 7 ")), Some(7));
        assert_eq!(i64::decode(&json!(3.0)), Some(3));
        assert_eq!(i64::decode(&json!("3.0")), Some(3));
        assert_eq!(i64::decode(&json!(3.5)), None);
        assert_eq!(f64::decode(&json!("1.88")), Some(1.88));
        assert_eq!(String::decode(&json!(12)), Some("12".to_owned()));
        assert_eq!(String::decode(&json!({})), None);
    }

    #[test]
    fn booleans_accept_the_true_false_strings() {
        assert_eq!(bool::decode(&json!("True")), Some(true));
        assert_eq!(bool::decode(&json!("False")), Some(false));
        assert_eq!(bool::decode(&json!(1)), Some(true));
        assert_eq!(bool::decode(&json!("maybe")), None);
    }

    #[test]
    fn fields_tolerate_missing_null_and_drifted_values() {
        let v = json!({"A": null, "B": "5", "C": [1, "2", {}, null], "D": "x", "E": {"k": 1}});
        let f = Fields::new(&v, "T");
        assert_eq!(f.opt::<i64>("A"), None);
        assert_eq!(f.opt::<i64>("B"), Some(5));
        assert_eq!(f.opt::<i64>("Missing"), None);
        assert_eq!(f.req::<i64>("Missing"), 0);
        assert_eq!(f.list::<i64>("C"), vec![1, 2]);
        assert_eq!(f.list::<String>("D"), vec!["x".to_owned()]);
        assert_eq!(f.list::<String>("Missing"), Vec::<String>::new());
        assert_eq!(f.opt::<String>("E"), None);
    }

    #[test]
    fn ret_code_may_be_a_string() {
        assert_eq!(ret_code(&json!({"RetCode": "0"})), Some(0));
        assert_eq!(ret_code(&json!({"RetCode": 171})), Some(171));
        assert_eq!(ret_code(&json!({})), None);
    }
}
