//! The checked, resolved form of the specs that the emitters read. Every Rust name in it
//! came from [`crate::naming`], and every list is in a fixed order.

#[derive(Clone, Debug)]
pub struct Service {
    pub name: String,
    pub crate_name: String,
    pub product: String,
    pub description: String,
    pub base_url: String,
    pub region: String,
    pub zone: String,
    /// Sorted by wire name.
    pub actions: Vec<Action>,
    /// Sorted by wire name.
    pub models: Vec<Model>,
}

#[derive(Clone, Debug)]
pub struct Action {
    pub wire: String,
    pub module: String,
    pub method: String,
    pub request_type: String,
    pub response_type: String,
    pub builder_type: String,
    pub summary: String,
    pub description: String,
    pub retryable: bool,
    /// Common params first, then the request table in spec order.
    pub request: Vec<Field>,
    pub response: Vec<Field>,
    /// Enums of the request and response fields, sorted by name.
    pub enums: Vec<Enum>,
    pub response_example: Option<String>,
    pub pagination: Option<Pagination>,
}

/// How a list action pages: the request fields that move the window, the response's array
/// of items, and its total when it reports one.
#[derive(Clone, Debug)]
pub struct Pagination {
    pub offset: Field,
    pub limit: Field,
    pub items: Field,
    pub total: Option<Field>,
    /// The page size when the request sets none: the documented maximum, else the default.
    pub page_size: i64,
}

#[derive(Clone, Debug)]
pub struct Model {
    pub wire: String,
    pub type_name: String,
    pub module: String,
    pub description: String,
    pub fields: Vec<Field>,
    pub enums: Vec<Enum>,
    /// Reachable from some request: needs encoding, validation and reading from params.
    pub in_request: bool,
    /// Reachable from some response (or from nothing): needs decoding and serializing.
    pub in_response: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// A plain value that must be given.
    Required,
    /// An `Option` (or an empty `Vec`) that may be left out.
    Optional,
    /// A common param the action requires: an `Option` filled from the config, then checked.
    CommonRequired,
    /// A common param the action may take: an `Option` filled from the config.
    CommonOptional,
}

impl Presence {
    pub fn is_common(self) -> bool {
        matches!(self, Presence::CommonRequired | Presence::CommonOptional)
    }

    pub fn is_required(self) -> bool {
        matches!(self, Presence::Required | Presence::CommonRequired)
    }
}

#[derive(Clone, Debug)]
pub struct Field {
    pub wire: String,
    pub ident: String,
    /// The fluent builder's setter.
    pub setter: String,
    pub description: String,
    pub presence: Presence,
    pub ty: Ty,
    /// `String` in the spec with `format: integer` or `format: bool`.
    pub text_format: bool,
    pub min: Option<Num>,
    pub max: Option<Num>,
    pub max_length: Option<u64>,
    /// The most elements an array may have.
    pub max_items: Option<u64>,
    pub default: Option<String>,
    pub example: Option<Example>,
    /// Where the example was written, for checks that need every model lowered first.
    pub example_loc: Option<crate::diag::Loc>,
    pub deprecated: Option<String>,
    pub sensitive: bool,
}

impl Field {
    /// Held as an `Option` in Rust: optional and common fields, and required values whose
    /// type has no empty value to stand for "missing" (closed enums and models).
    pub fn is_option(&self) -> bool {
        match (self.presence, &self.ty) {
            (_, Ty::List(_)) => false,
            (Presence::Required, Ty::Enum { closed: true, .. }) => true,
            (Presence::Required, Ty::Model { boxed: true, .. }) => true,
            (Presence::Required, _) => false,
            _ => true,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Ty {
    Str,
    Int,
    Float,
    Bool,
    /// An enum of this action's or model's module.
    Enum {
        name: String,
        closed: bool,
    },
    /// A model; `boxed` when the field sits on a cycle of models.
    Model {
        name: String,
        module: String,
        boxed: bool,
    },
    List(Box<Ty>),
}

impl Ty {
    pub fn element(&self) -> &Ty {
        match self {
            Ty::List(inner) => inner,
            other => other,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

#[derive(Clone, Debug)]
pub struct Enum {
    pub name: String,
    pub description: String,
    /// Closed enums reject other values; open ones keep them in the catch-all variant.
    pub closed: bool,
    pub variants: Vec<Variant>,
    /// The catch-all variant of an open enum.
    pub other: String,
}

#[derive(Clone, Debug)]
pub struct Variant {
    pub wire: String,
    pub ident: String,
    pub description: String,
}

/// An example value, shaped like the field's type.
#[derive(Clone, Debug, PartialEq)]
pub enum Example {
    Scalar(String),
    List(Vec<Example>),
    /// Wire field names and their examples.
    Object(Vec<(String, Example)>),
}
