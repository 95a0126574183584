//! Decoding JSON text into slots: a member goes to its slot if it fits, and is kept as it
//! arrived otherwise.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::Value;

use super::scan::{Reader, Result, SyntaxError};
use super::{Decode, Elements, Object, Scalar, Target};

/// Decodes a JSON document into a generated type. Fails only when the bytes are not JSON or
/// the document is not an object.
pub fn from_slice<T: Decode>(bytes: &[u8]) -> std::result::Result<T, SyntaxError> {
    let mut value = T::default();
    fill_document(bytes, &mut value)?;
    Ok(value)
}

fn fill_document(bytes: &[u8], value: &mut dyn Object) -> std::result::Result<(), SyntaxError> {
    let mut r = Reader::new(utf8(bytes)?);
    if r.peek() != Some(b'{') {
        return r.error("expected an object");
    }
    fill(&mut r, value)?;
    r.end()
}

fn utf8(bytes: &[u8]) -> std::result::Result<&str, SyntaxError> {
    std::str::from_utf8(bytes).map_err(|e| SyntaxError {
        at: e.valid_up_to(),
        what: "invalid UTF-8",
    })
}

/// Parses any JSON text into a `Value` with the same reader, to compare it with serde_json.
pub fn parse_json(bytes: &[u8]) -> std::result::Result<Value, SyntaxError> {
    let mut r = Reader::new(utf8(bytes)?);
    let value = r.value()?;
    r.end()?;
    Ok(value)
}

/// Decodes a JSON value into a generated type; anything but an object gives the default.
pub fn from_value<T: Decode>(value: &Value) -> T {
    if !value.is_object() {
        return T::default();
    }
    // A printed `Value` is always an object's valid JSON.
    from_slice(value.to_string().as_bytes()).unwrap_or_default()
}

/// `Deserialize` for generated types: any JSON object, decoded tolerantly, so a stored
/// response reads back the way a live one does. Anything else gives the default.
pub fn deserialize<'de, T: Decode, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<T, D::Error> {
    let value = Value::deserialize(deserializer)?;
    Ok(from_value(&value))
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
        match self.ret_code.as_ref()? {
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
pub fn response<T: Decode>(bytes: &[u8]) -> std::result::Result<(T, Envelope), SyntaxError> {
    let mut value = T::default();
    let envelope = response_into(bytes, &mut value)?;
    Ok((value, envelope))
}

/// [`response`] into an existing value. Not generic, so that it is compiled once rather than
/// once per response type.
pub fn response_into(
    bytes: &[u8],
    value: &mut dyn Object,
) -> std::result::Result<Envelope, SyntaxError> {
    let mut r = Reader::new(utf8(bytes)?);
    let mut envelope = Envelope::default();
    if r.peek() != Some(b'{') {
        return r.error("expected an object");
    }
    r.object(|r, key| {
        match key.as_ref() {
            "RetCode" => envelope.ret_code = Some(r.value()?),
            "Action" => envelope.action = Some(r.value()?),
            "Message" => {
                let message = r.value()?;
                if value.slot("Message").is_some() {
                    member_from_value(value, "Message", &message);
                }
                envelope.message = Some(message);
            }
            _ => member(r, value, key)?,
        }
        Ok(())
    })?;
    r.end()?;
    Ok(envelope)
}

/// An object's members into `object`.
fn fill(r: &mut Reader<'_>, object: &mut dyn Object) -> Result<()> {
    r.object(|r, key| member(r, object, key))
}

/// One member into its slot, keeping what does not fit.
fn member<'a>(r: &mut Reader<'a>, object: &mut dyn Object, key: Cow<'a, str>) -> Result<()> {
    let kept = match object.slot(&key) {
        Some(target) => into_target(r, target)?,
        None => Some(r.value()?),
    };
    if let Some(raw) = kept {
        object.unknown_fields_mut().insert(key.into_owned(), raw);
    }
    Ok(())
}

/// A member that was read as a `Value` already, into its slot.
fn member_from_value(object: &mut dyn Object, key: &str, value: &Value) {
    let text = value.to_string();
    let mut r = Reader::new(&text);
    let kept = match object.slot(key) {
        // A printed `Value` is always valid JSON.
        Some(target) => into_target(&mut r, target).unwrap_or(None),
        None => Some(value.clone()),
    };
    if let Some(raw) = kept {
        object.unknown_fields_mut().insert(key.to_owned(), raw);
    }
}

/// The next value into a slot. The result is the raw value to keep, if any.
fn into_target(r: &mut Reader<'_>, target: &mut dyn Target) -> Result<Option<Value>> {
    match r.peek() {
        Some(b'{') => {
            if let Some(object) = target.object() {
                fill(r, object)?;
                return Ok(None);
            }
            let raw = r.value()?;
            // A lone object where a list of models belongs is read as a list of one.
            if let Some(object) = target.array().and_then(|e| e.object()) {
                let text = raw.to_string();
                let _ = fill(&mut Reader::new(&text), object);
            }
            Ok(Some(raw))
        }
        Some(b'[') => match target.array() {
            Some(elements) => elements_of(r, elements),
            None => Ok(Some(r.value()?)),
        },
        _ => {
            let token = r.scalar()?;
            let value = token.as_scalar();
            if target.scalar(value) {
                return Ok(None);
            }
            // A lone value where a list belongs is read as a list of one, and kept as it was.
            if value != Scalar::Null
                && let Some(elements) = target.array()
            {
                elements.scalar(value);
            }
            Ok(Some(token.into_value()))
        }
    }
}

/// A list's elements. When some do not fit, the whole list is kept as it arrived (rebuilt
/// from the stored elements and the raw ones), and the list holds those that fit.
fn elements_of(r: &mut Reader<'_>, elements: &mut dyn Elements) -> Result<Option<Value>> {
    let start = elements.stored();
    let mut failed: Vec<(usize, Value)> = Vec::new();
    let mut index = 0;
    r.array(|r| {
        match r.peek() {
            Some(b'{') => match elements.object() {
                Some(object) => fill(r, object)?,
                None => failed.push((index, r.value()?)),
            },
            Some(b'[') => failed.push((index, r.value()?)),
            _ => {
                let token = r.scalar()?;
                let value = token.as_scalar();
                if value == Scalar::Null || !elements.scalar(value) {
                    failed.push((index, token.into_value()));
                }
            }
        }
        index += 1;
        Ok(())
    })?;
    elements.done();
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
