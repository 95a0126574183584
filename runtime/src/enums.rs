//! What every generated enum shares: its wire text, parsing, and how it is sent and read.

use std::fmt;

use crate::decode::Decode;
use crate::form::FormValue;
use crate::params::FromWire;
use crate::validate::Rule;

/// A generated enum. Open enums accept any text (`from_wire` always returns `Some`); closed
/// ones accept only [`WireEnum::VALUES`].
pub trait WireEnum: Sized {
    /// The documented values.
    const VALUES: &'static [&'static str];
    fn as_str(&self) -> &str;
    fn from_wire(text: &str) -> Option<Self>;
}

/// Text that is not a value of a closed enum.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownValue {
    pub value: String,
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
    let text =
        String::decode(&value).ok_or_else(|| serde::de::Error::custom("expected a string"))?;
    parse_enum(&text).map_err(serde::de::Error::custom)
}

impl<T: WireEnum> FormValue for T {
    fn form_value(&self) -> String {
        self.as_str().to_owned()
    }
}

impl<T: WireEnum> FromWire for T {
    fn from_wire(text: &str) -> Result<Self, Rule> {
        T::from_wire(text).ok_or_else(|| Rule::OneOf(T::VALUES.to_vec()))
    }
}

impl<T: WireEnum> Decode for T {
    fn decode(value: &serde_json::Value) -> Option<Self> {
        T::from_wire(&String::decode(value)?)
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
            Err(Rule::OneOf(vec!["A"]))
        );
        assert_eq!(Closed::A.form_value(), "A");
    }
}
