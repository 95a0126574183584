//! The grammar of a spec's `type:` column: parsed once, when a spec is read, and printed back
//! the same way when a spec is written.

use std::fmt;

/// The scalar type words, as written.
pub const SCALAR_TYPES: [&str; 4] = ["String", "Integer", "Boolean", "Float"];

const ARRAY_PREFIX: &str = "Array of ";

/// A field's type: `String`, `Integer`, `Boolean`, `Float`, a model name, or `Array of <type>`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeExpr {
    String,
    Integer,
    Boolean,
    Float,
    /// A named model. Whether it exists is checked when the specs are lowered.
    Model(String),
    Array(Box<TypeExpr>),
}

impl TypeExpr {
    /// Parses a type; the error is the part that is not a type.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if let Some(inner) = text.strip_prefix(ARRAY_PREFIX) {
            return Ok(TypeExpr::Array(Box::new(Self::parse(inner)?)));
        }
        Ok(match text {
            "String" => TypeExpr::String,
            "Integer" => TypeExpr::Integer,
            "Boolean" => TypeExpr::Boolean,
            "Float" => TypeExpr::Float,
            _ if is_type_name(text) => TypeExpr::Model(text.to_owned()),
            _ => return Err(text.to_owned()),
        })
    }

    /// `elem`, or an array of it.
    pub fn array_of(self, array: bool) -> Self {
        if array {
            TypeExpr::Array(Box::new(self))
        } else {
            self
        }
    }

    /// The model this type names, directly or as array elements.
    pub fn model(&self) -> Option<&str> {
        match self {
            TypeExpr::Model(name) => Some(name),
            TypeExpr::Array(inner) => inner.model(),
            _ => None,
        }
    }

    pub fn is_array(&self) -> bool {
        matches!(self, TypeExpr::Array(_))
    }

    /// The element type of an array, or the type itself.
    pub fn element(&self) -> &TypeExpr {
        match self {
            TypeExpr::Array(inner) => inner.element(),
            other => other,
        }
    }

    /// Whether values of the element type are numbers.
    pub fn is_numeric(&self) -> bool {
        matches!(self.element(), TypeExpr::Integer | TypeExpr::Float)
    }
}

impl fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeExpr::String => f.write_str("String"),
            TypeExpr::Integer => f.write_str("Integer"),
            TypeExpr::Boolean => f.write_str("Boolean"),
            TypeExpr::Float => f.write_str("Float"),
            TypeExpr::Model(name) => f.write_str(name),
            TypeExpr::Array(inner) => write!(f, "{ARRAY_PREFIX}{inner}"),
        }
    }
}

/// What the spec format accepts as an action or model name: ASCII letters and digits,
/// starting with an uppercase letter, as the API writes them.
pub fn is_type_name(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_back() {
        for text in [
            "String",
            "Array of Integer",
            "Array of CompShareImage",
            "Float",
        ] {
            assert_eq!(TypeExpr::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(TypeExpr::parse("list of x"), Err("list of x".to_owned()));
        assert_eq!(
            TypeExpr::parse("Array of strng"),
            Err("strng".to_owned()),
            "the error is the part that is not a type"
        );
    }
}
