//! What every generated enum shares: its wire text, parsing, and how it is sent and read.

use std::fmt;

use crate::form::FormValue;
use crate::params::FromWire;
use crate::validate::Rule;

/// A generated enum. Open enums accept any text (`from_wire` always returns `Some`); closed
/// ones accept only [`WireEnum::VALUES`].
pub trait WireEnum: Sized {
    /// The documented values.
    const VALUES: &'static [&'static str];
    /// The value as sent on the wire.
    fn as_str(&self) -> &str;
    /// The value for a wire text, or `None` when a closed enum does not have it.
    fn from_wire(text: &str) -> Option<Self>;
}

/// A value an open enum does not document, kept as it was sent.
///
/// Only parsing makes one, and parsing turns every documented value into its own variant, so
/// two equal values always compare equal however they were built.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownEnumValue(String);

impl UnknownEnumValue {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The unknown value of an open enum; generated `from_wire` calls it for undocumented text.
pub fn unknown_enum_value(text: &str) -> UnknownEnumValue {
    UnknownEnumValue(text.to_owned())
}

/// Text that is not a value of a closed enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    /// The text given.
    pub value: String,
    /// The values the enum accepts.
    pub allowed: &'static [&'static str],
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not one of {}",
            self.value,
            self.allowed.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}

/// `FromStr` for generated enums.
pub fn parse_enum<T: WireEnum>(text: &str) -> Result<T, UnknownValue> {
    T::from_wire(text).ok_or_else(|| UnknownValue {
        value: text.to_owned(),
        allowed: T::VALUES,
    })
}

/// `Deserialize` for generated enums: a string, or a number, read as wire text.
pub fn deserialize_enum<'de, T: WireEnum, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
    let text = match value {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(serde::de::Error::custom("expected a string")),
    };
    parse_enum(&text).map_err(serde::de::Error::custom)
}

impl<T: WireEnum> FormValue for T {
    fn form_value(&self) -> String {
        self.as_str().to_owned()
    }
}

impl<T: WireEnum> FromWire for T {
    fn from_wire(text: &str) -> Result<Self, Rule> {
        T::from_wire(text).ok_or(Rule::OneOf(T::VALUES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Closed {
        A,
    }

    impl WireEnum for Closed {
        const VALUES: &'static [&'static str] = &["A"];
        fn as_str(&self) -> &str {
            "A"
        }
        fn from_wire(text: &str) -> Option<Self> {
            (text == "A").then_some(Closed::A)
        }
    }

    #[test]
    fn closed_enums_reject_other_text() {
        assert_eq!(parse_enum::<Closed>("A"), Ok(Closed::A));
        let err = parse_enum::<Closed>("B").unwrap_err();
        assert_eq!(err.to_string(), "`B` is not one of A");
        assert_eq!(
            <Closed as FromWire>::from_wire("B"),
            Err(Rule::OneOf(&["A"]))
        );
        assert_eq!(Closed::A.form_value(), "A");
    }
}
