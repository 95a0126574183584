//! Typed values back to JSON, for `Serialize` and for the by-name `call`: the typed fields under
//! their wire names, then whatever [`UnknownFields`] kept.
//!
//! Each generated type builds one JSON object without generic code of its own, which keeps the
//! generated crate quick to compile.

use serde_json::{Map, Value};

use crate::enums::WireEnum;
use crate::unknown::UnknownFields;

/// A value that can be written as JSON.
pub trait ToJson {
    /// The value as JSON.
    fn to_json(&self) -> Value;

    /// Whether the value is absent and its member is left out (an unset `Option`).
    fn is_absent(&self) -> bool {
        false
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToJson for i64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl ToJson for f64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        match self {
            Some(value) => value.to_json(),
            None => Value::Null,
        }
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        // A plain loop: iterator adapters here would be compiled once per element type.
        let mut out = Vec::with_capacity(self.len());
        for item in self {
            out.push(item.to_json());
        }
        Value::Array(out)
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

/// [`ToJson`] of a generated enum: its wire text.
pub fn enum_json<E: WireEnum>(value: &E) -> Value {
    Value::String(value.as_str().to_owned())
}

/// Builds one object: typed members, then the unknown ones, which win over a typed member of
/// the same name because they hold what the server really sent.
pub struct JsonObject<'a> {
    map: Map<String, Value>,
    unknown: &'a UnknownFields,
}

impl<'a> JsonObject<'a> {
    /// An object that ends with the members of `unknown`.
    pub fn new(unknown: &'a UnknownFields) -> Self {
        Self {
            map: Map::new(),
            unknown,
        }
    }

    /// One typed member; an unset `Option` is left out.
    pub fn put(&mut self, name: &str, value: &dyn ToJsonDyn) {
        if !value.absent() && !self.unknown.contains_key(name) {
            self.map.insert(name.to_owned(), value.json());
        }
    }

    /// The finished object.
    pub fn finish(mut self) -> Value {
        for (k, v) in self.unknown.iter() {
            self.map.insert(k.clone(), v.clone());
        }
        Value::Object(self.map)
    }
}

/// [`ToJson`] through a reference, so [`JsonObject::put`] is not generic.
pub trait ToJsonDyn {
    /// See [`ToJson::to_json`].
    fn json(&self) -> Value;
    /// See [`ToJson::is_absent`].
    fn absent(&self) -> bool;
}

impl<T: ToJson> ToJsonDyn for T {
    fn json(&self) -> Value {
        self.to_json()
    }

    fn absent(&self) -> bool {
        self.is_absent()
    }
}

/// `Serialize` for generated types: their JSON, serialized.
pub fn serialize<T: ToJson + ?Sized, S: serde::Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&value.to_json(), serializer)
}
