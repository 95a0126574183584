//! The spec files as written: one service file, one file per action, one per model.
//!
//! Everything keeps its location so that later checks can point at it.

mod read;
mod syntax;
mod ty;

pub use read::{FileKind, read_file};
pub use ty::{SCALAR_TYPES, TypeExpr};

use crate::diag::Loc;
use crate::yaml::Node;

/// A value with the place it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct ServiceSpec {
    pub loc: Loc,
    pub service: At<String>,
    pub crate_name: At<String>,
    pub product: String,
    pub description: String,
    pub base_url: String,
    pub region: String,
    pub zone: String,
    pub common: Vec<FieldSpec>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requiredness {
    Required,
    Optional,
}

#[derive(Clone, Debug)]
pub struct ActionSpec {
    pub loc: Loc,
    pub action: At<String>,
    pub summary: String,
    pub description: String,
    pub retryable: bool,
    pub common: Vec<(At<String>, Requiredness)>,
    pub request: Vec<FieldSpec>,
    pub response: Vec<FieldSpec>,
    pub response_example: Option<At<String>>,
}

#[derive(Clone, Debug)]
pub struct ModelSpec {
    pub loc: Loc,
    pub model: At<String>,
    pub description: String,
    pub fields: Vec<FieldSpec>,
}

/// One row of a request, response or model table.
#[derive(Clone, Debug)]
pub struct FieldSpec {
    pub loc: Loc,
    pub name: At<String>,
    pub ty: At<String>,
    pub required: bool,
    pub description: String,
    pub example: Option<Node>,
    pub example_loc: Option<Loc>,
    pub default: Option<At<String>>,
    pub min: Option<At<f64>>,
    pub max: Option<At<f64>>,
    pub max_length: Option<At<u64>>,
    pub max_items: Option<At<u64>>,
    pub enumeration: Option<EnumSpec>,
    pub format: Option<At<Format>>,
    pub deprecated: Option<String>,
    pub sensitive: bool,
}

/// How a `String` field's text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Holds an integer: typed as one, identical on the wire.
    Integer,
    /// Holds `True`/`False`: typed as a boolean.
    Bool,
}

#[derive(Clone, Debug)]
pub struct EnumSpec {
    /// The `enum` key.
    pub loc: Loc,
    /// Type name; defaults to the field's name.
    pub name: Option<At<String>>,
    /// Closed enums reject every other value; open ones keep it.
    pub closed: bool,
    pub values: Vec<EnumValueSpec>,
}

#[derive(Clone, Debug)]
pub struct EnumValueSpec {
    pub value: At<String>,
    pub description: String,
}

/// Everything read from the spec directory.
#[derive(Clone, Debug, Default)]
pub struct SpecSet {
    pub service: Option<ServiceSpec>,
    pub actions: Vec<ActionSpec>,
    pub models: Vec<ModelSpec>,
    /// Names of model files that could not be read, so that references to them do not add
    /// a second diagnostic to the one their file already has.
    pub unreadable_models: std::collections::BTreeSet<String>,
}
