//! Streaming JSON into slots with serde: one visitor for members, one for list elements.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::{Decode, Elements, Object, Scalar, Target};

/// Decodes a JSON document into a generated type. Fails only when the bytes are not JSON or
/// the document is not an object.
pub fn from_slice<T: Decode>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    let mut value = T::default();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    de.deserialize_map(ObjectVisitor(&mut value))?;
    de.end()?;
    Ok(value)
}

/// Decodes a JSON value into a generated type; anything but an object gives the default.
pub fn from_value<T: Decode>(value: &Value) -> T {
    let mut out = T::default();
    if value.is_object() {
        // Reading a `Value` cannot fail: every member either fits or is kept.
        let _ = value.deserialize_map(ObjectVisitor(&mut out));
    }
    out
}

/// `Deserialize` for generated types: any JSON object, decoded tolerantly, so a stored
/// response reads back the way a live one does.
pub fn deserialize<'de, T: Decode, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let mut value = T::default();
    deserializer.deserialize_map(ObjectVisitor(&mut value))?;
    Ok(value)
}

/// The members every response carries besides its own, as they arrived.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Envelope {
    /// `RetCode`, which is sometimes a string.
    pub ret_code: Option<Value>,
    /// `Action`, such as `DescribeCompShareImagesResponse`.
    pub action: Option<Value>,
    /// `Message`: the error text of a failed call; some actions also declare it.
    pub message: Option<Value>,
}

impl Envelope {
    /// `RetCode` as a number, if it is one (or a numeric string).
    pub fn code(&self) -> Option<i64> {
        let value = self.ret_code.as_ref()?;
        match value {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// `Message` as text.
    pub fn message_text(&self) -> String {
        match &self.message {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        }
    }

    /// The envelope's members, to put back in front of a response printed as JSON.
    pub fn members(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        [
            ("Action", self.action.as_ref()),
            ("RetCode", self.ret_code.as_ref()),
            ("Message", self.message.as_ref()),
        ]
        .into_iter()
        .filter_map(|(k, v)| Some((k, v?)))
    }
}

/// Decodes a response body: the envelope's members are read aside, everything else goes into
/// `T`. `Message` goes to both when `T` declares it.
pub fn response<T: Decode>(bytes: &[u8]) -> Result<(T, Envelope), serde_json::Error> {
    let mut value = T::default();
    let mut envelope = Envelope::default();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    de.deserialize_map(TopVisitor {
        object: &mut value,
        envelope: &mut envelope,
    })?;
    de.end()?;
    Ok((value, envelope))
}

struct TopVisitor<'a> {
    object: &'a mut dyn Object,
    envelope: &'a mut Envelope,
}

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key.as_ref() {
                "RetCode" => self.envelope.ret_code = Some(map.next_value()?),
                "Action" => self.envelope.action = Some(map.next_value()?),
                "Message" => {
                    let message: Value = map.next_value()?;
                    if self.object.slot("Message").is_some() {
                        member_from_value(self.object, "Message", &message);
                    }
                    self.envelope.message = Some(message);
                }
                _ => member(self.object, key, &mut map)?,
            }
        }
        Ok(())
    }
}

/// Decodes one member of an object from the map, keeping what does not fit.
fn member<'de, A: MapAccess<'de>>(
    object: &mut dyn Object,
    key: Cow<'de, str>,
    map: &mut A,
) -> Result<(), A::Error> {
    let kept = match object.slot(&key) {
        Some(target) => map.next_value_seed(MemberSeed(target))?,
        None => Some(map.next_value::<Value>()?),
    };
    if let Some(raw) = kept {
        object.unknown_fields_mut().insert(key.into_owned(), raw);
    }
    Ok(())
}

fn member_from_value(object: &mut dyn Object, key: &str, value: &Value) {
    let kept = match object.slot(key) {
        // Reading a `Value` cannot fail.
        Some(target) => MemberSeed(target).deserialize(value).unwrap_or(None),
        None => Some(value.clone()),
    };
    if let Some(raw) = kept {
        object.unknown_fields_mut().insert(key.to_owned(), raw);
    }
}

/// Object keys, borrowed from the body when they hold no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// Fills an object's members.
struct ObjectVisitor<'a>(&'a mut dyn Object);

impl<'de> Visitor<'de> for ObjectVisitor<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key_seed(KeySeed)? {
            member(self.0, key, &mut map)?;
        }
        Ok(())
    }
}

/// One member's value into its target. The result is the raw value to keep, if any.
struct MemberSeed<'a>(&'a mut dyn Target);

impl<'de> DeserializeSeed<'de> for MemberSeed<'_> {
    type Value = Option<Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl MemberSeed<'_> {
    fn scalar(self, value: Scalar<'_>) -> Option<Value> {
        if self.0.scalar(value) {
            return None;
        }
        // A lone value where a list belongs is read as a list of one, and kept as it was.
        if let Some(elements) = self.0.array()
            && value != Scalar::Null
        {
            elements.scalar(value);
        }
        Some(value.to_value())
    }
}

macro_rules! scalars {
    ($($method:ident($t:ty) => $variant:expr;)*) => {$(
        fn $method<E: de::Error>(self, v: $t) -> Result<Self::Value, E> {
            Ok(self.scalar($variant(v)))
        }
    )*};
}

impl<'de> Visitor<'de> for MemberSeed<'_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    scalars! {
        visit_bool(bool) => Scalar::Bool;
        visit_i64(i64) => Scalar::I64;
        visit_u64(u64) => Scalar::U64;
        visit_f64(f64) => Scalar::F64;
        visit_str(&str) => Scalar::Str;
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.scalar(Scalar::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.scalar(Scalar::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        if let Some(object) = self.0.object() {
            ObjectVisitor(object).visit_map(map)?;
            return Ok(None);
        }
        let raw = Value::deserialize(MapAccessDeserializer::new(map))?;
        // A lone object where a list of models belongs is read as a list of one.
        if let Some(object) = self.0.array().and_then(|e| e.object()) {
            let _ = (&raw).deserialize_map(ObjectVisitor(object));
        }
        Ok(Some(raw))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        match self.0.array() {
            Some(elements) => elements_of(elements, seq),
            None => Ok(Some(Value::deserialize(SeqAccessDeserializer::new(seq))?)),
        }
    }
}

use serde::Deserialize as _;

/// Streams a list's elements. When some do not fit, the whole list is kept as it arrived
/// (rebuilt from the stored elements and the raw ones), and the list holds those that fit.
fn elements_of<'de, A: SeqAccess<'de>>(
    elements: &mut dyn Elements,
    mut seq: A,
) -> Result<Option<Value>, A::Error> {
    let start = elements.stored();
    let mut failed: Vec<(usize, Value)> = Vec::new();
    let mut index = 0;
    while let Some(raw) = seq.next_element_seed(ElementSeed(&mut *elements))? {
        if let Some(raw) = raw {
            failed.push((index, raw));
        }
        index += 1;
    }
    if failed.is_empty() {
        return Ok(None);
    }
    let mut failed = failed.into_iter().peekable();
    let mut stored = start;
    let mut out = Vec::with_capacity(index);
    for i in 0..index {
        match failed.next_if(|(at, _)| *at == i) {
            Some((_, raw)) => out.push(raw),
            None => {
                out.push(elements.element_json(stored));
                stored += 1;
            }
        }
    }
    Ok(Some(Value::Array(out)))
}

/// One list element. The result is the raw element when it does not fit.
struct ElementSeed<'a>(&'a mut dyn Elements);

impl<'de> DeserializeSeed<'de> for ElementSeed<'_> {
    type Value = Option<Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl ElementSeed<'_> {
    fn scalar(self, value: Scalar<'_>) -> Option<Value> {
        (value == Scalar::Null || !self.0.scalar(value)).then(|| value.to_value())
    }
}

impl<'de> Visitor<'de> for ElementSeed<'_> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    scalars! {
        visit_bool(bool) => Scalar::Bool;
        visit_i64(i64) => Scalar::I64;
        visit_u64(u64) => Scalar::U64;
        visit_f64(f64) => Scalar::F64;
        visit_str(&str) => Scalar::Str;
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.scalar(Scalar::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.scalar(Scalar::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        match self.0.object() {
            Some(object) => {
                ObjectVisitor(object).visit_map(map)?;
                Ok(None)
            }
            None => Ok(Some(Value::deserialize(MapAccessDeserializer::new(map))?)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Ok(Some(Value::deserialize(SeqAccessDeserializer::new(seq))?))
    }
}
