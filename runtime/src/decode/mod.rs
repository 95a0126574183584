//! Tolerant, lossless decoding of responses, straight from the body's bytes.
//!
//! The server is the authority on what it returns, so decoding never fails on content. Each
//! generated type names the slot that each member it knows decodes into ([`Object::slot`]),
//! and [`read`] walks the body once, filling those slots without building a tree first. A number
//! that arrives as a string (or the other way round) still fills its slot. A member the type
//! does not name, and a value that does not fit its slot (an object where a number belongs, a
//! `null`, a list with an unreadable element), is kept as it arrived in the type's
//! [`UnknownFields`](crate::UnknownFields), which serializing writes back.
//!
//! Slots are trait objects, so the streaming code is compiled once in this crate, not once per
//! generated type.

mod read;
mod scan;
mod targets;

pub use read::{
    Envelope, deserialize, from_slice, from_value, parse_json, response, response_into,
};
pub use scan::SyntaxError;
pub use targets::{boxed, model, models, required_model};

use serde_json::Value;

use crate::json::ToJson;
use crate::unknown::UnknownFields;

/// A JSON object's generated type, as the reader fills it.
pub trait Object {
    /// Where member `name` decodes to, or `None` when the type does not name it.
    fn slot(&mut self, name: &str) -> Option<&mut dyn Target>;

    /// Where members without a slot, and values that did not fit theirs, are kept.
    fn unknown_fields_mut(&mut self) -> &mut UnknownFields;
}

/// A generated response or response model.
pub trait Decode: Object + ToJson + Default {}

impl<T: Object + ToJson + Default> Decode for T {}

/// A JSON scalar as it arrived.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A negative whole number.
    I64(i64),
    /// A whole number of at least 0.
    U64(u64),
    /// A number with a fraction or an exponent.
    F64(f64),
    /// A string.
    Str(&'a str),
}

impl Scalar<'_> {
    /// The scalar as JSON, to keep it.
    pub fn to_value(self) -> Value {
        match self {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => Value::Bool(b),
            Scalar::I64(i) => Value::from(i),
            Scalar::U64(u) => Value::from(u),
            Scalar::F64(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
            Scalar::Str(s) => Value::String(s.to_owned()),
        }
    }
}

/// A field's storage, filled by the reader.
pub trait Target {
    /// Stores a scalar; `false` when it does not fit, and the raw value is kept instead.
    fn scalar(&mut self, value: Scalar<'_>) -> bool;

    /// The object to decode an arriving object into, for model fields.
    fn object(&mut self) -> Option<&mut dyn Object> {
        None
    }

    /// Where the elements of an arriving array go, for list fields.
    fn array(&mut self) -> Option<&mut dyn Elements> {
        None
    }
}

/// A list field's storage: one element at a time.
pub trait Elements {
    /// Appends a scalar element; `false` when it does not fit.
    fn scalar(&mut self, value: Scalar<'_>) -> bool;

    /// Appends an empty object element and returns it, for lists of models.
    fn object(&mut self) -> Option<&mut dyn Object>;

    /// The number of elements stored so far.
    fn stored(&self) -> usize;

    /// Element `index` as JSON, to rebuild an array that had unreadable elements.
    fn element_json(&self, index: usize) -> Value;

    /// The array has ended: storage can drop its spare capacity.
    fn done(&mut self);
}
