//! Type expressions as written in a spec's `type:` column.

pub const SCALAR_TYPES: [&str; 4] = ["String", "Integer", "Boolean", "Float"];

const ARRAY_PREFIX: &str = "Array of ";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeExpr {
    String,
    Integer,
    Boolean,
    Float,
    /// A named model.
    Model(String),
    Array(Box<TypeExpr>),
}

impl TypeExpr {
    /// Parses `String`, `Integer`, `Boolean`, `Float`, a model name, or `Array of <type>`.
    /// Whether a model exists is checked later.
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
            _ if text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && text.starts_with(|c: char| c.is_ascii_uppercase()) =>
            {
                TypeExpr::Model(text.to_owned())
            }
            _ => return Err(text.to_owned()),
        })
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
}
