//! The spec format: the one definition of what a spec file may say.
//!
//! [`read_file`] reads a file into these types, keeping every location so that later checks
//! can point at it, and [`write`] prints them back in the house style. The importer builds and
//! edits specs through the same types.

pub mod keys;
mod read;
mod syntax;
mod ty;
pub mod write;

pub use read::{FileKind, read_file};
pub use ty::{SCALAR_TYPES, TypeExpr, is_type_name};

use crate::diag::Loc;
use crate::yaml::Node;

/// A value with the place it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct At<T> {
    pub value: T,
    pub loc: Loc,
}

impl<T> At<T> {
    /// A value that was not read from a file, such as one an import built.
    pub fn new(value: T) -> Self {
        Self {
            value,
            loc: Loc::nowhere(),
        }
    }
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
    /// The crate generated code calls into, as a Rust path.
    pub runtime: Option<At<String>>,
    /// The prefix of the environment variables the client reads, such as `COMPSHARE`.
    pub env_prefix: Option<At<String>>,
    /// The directory under `~/.config` that holds the profile file.
    pub config_dir: Option<At<String>>,
    pub common: Vec<FieldSpec>,
    /// Groups of actions for the docs, in order; an action goes to the first group one of whose
    /// keywords its name contains.
    pub groups: Vec<GroupSpec>,
    /// Error codes the service documents.
    pub errors: Vec<ErrorSpec>,
    /// Polling an action until a resource reaches a state.
    pub waiters: Vec<WaiterSpec>,
}

#[derive(Clone, Debug)]
pub struct ErrorSpec {
    pub code: At<i64>,
    /// The constant's name, UpperCamelCase, such as `DiskStillDetaching`.
    pub name: At<String>,
    /// The message the service sends with the code.
    pub message: String,
    pub description: String,
}

#[derive(Clone, Debug)]
pub struct WaiterSpec {
    pub loc: Loc,
    /// What is waited for, such as `Instance`: `wait_until_instance`, `wait instance-running`.
    pub name: At<String>,
    /// The action polled.
    pub action: At<String>,
    /// The request param that selects the resource by id (an array param takes one element).
    pub id_param: At<String>,
    /// The response field listing the resources.
    pub items: At<String>,
    /// The item field holding the id.
    pub id_field: At<String>,
    /// The item field holding the state.
    pub state_field: At<String>,
    pub interval_ms: u64,
    pub targets: Vec<TargetSpec>,
}

#[derive(Clone, Debug)]
pub struct TargetSpec {
    /// The state waited for; with `gone`, a name for "no longer listed".
    pub state: At<String>,
    /// States from which the target cannot be reached: waiting stops with an error.
    pub failure: Vec<String>,
    /// Success is the resource disappearing from the list.
    pub gone: bool,
}

/// How a request body is encoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RequestBody {
    /// `application/x-www-form-urlencoded`, arrays flattened to `Name.N`.
    #[default]
    Form,
    /// `application/json`, arrays of scalars sent as JSON arrays and signed as the
    /// concatenation of their elements.
    Json,
}

/// What a successful answer's body is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResponseBody {
    #[default]
    Json,
    /// A file: the bytes are handed to the caller as a stream. Errors are still JSON.
    Bytes,
}

/// An action's own retry rule: codes that say the request was not carried out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RetrySpec {
    pub codes: Vec<i64>,
    /// The first wait before sending again; later waits double.
    pub backoff_ms: Option<u64>,
}

#[derive(Clone, Debug)]
pub struct GroupSpec {
    pub name: At<String>,
    pub description: String,
    pub keywords: Vec<String>,
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
    /// The live source, such as `compshare-cli 0.5.6`, that the action or its common params
    /// follow where no page lists it or a page is stricter than the server: an import never
    /// makes its common params stricter.
    pub live: Option<String>,
    /// A reviewer's note: where the action comes from, or why it differs from the pages.
    pub note: Option<String>,
    /// Why production does not serve this documented action; the client method is deprecated
    /// with it, and tools refuse to send it.
    pub unavailable: Option<At<String>>,
    pub retryable: bool,
    /// Where `retryable` is written, for diagnostics; `None` when it was not read from a file.
    pub retryable_at: Option<Loc>,
    pub retry: RetrySpec,
    pub request_body: RequestBody,
    pub response_body: ResponseBody,
    /// Common params in [`keys::COMMON_PARAMS`] order.
    pub common: Vec<(At<String>, Requiredness)>,
    pub request: Vec<FieldSpec>,
    pub response: Vec<FieldSpec>,
    pub response_example: Option<At<String>>,
}

impl ActionSpec {
    /// An action with a name and nothing else.
    pub fn new(name: &str) -> Self {
        Self {
            loc: Loc::nowhere(),
            action: At::new(name.to_owned()),
            summary: String::new(),
            description: String::new(),
            live: None,
            note: None,
            unavailable: None,
            retryable: false,
            retryable_at: None,
            retry: RetrySpec::default(),
            request_body: RequestBody::Form,
            response_body: ResponseBody::Json,
            common: Vec::new(),
            request: Vec::new(),
            response: Vec::new(),
            response_example: None,
        }
    }
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
    pub ty: At<TypeExpr>,
    pub required: bool,
    pub description: String,
    /// A value of the field's type, as written; its span is in `loc`'s file.
    pub example: Option<At<Node>>,
    pub default: Option<At<String>>,
    /// Bounds in [`BoundKind::ALL`] order, each at most once.
    pub bounds: Vec<At<Bound>>,
    pub enumeration: Option<EnumSpec>,
    pub format: Option<At<Format>>,
    pub deprecated: Option<String>,
    pub sensitive: bool,
    /// The row was inferred from a response example, not read from a doc table.
    pub from_example: bool,
    /// The live source, such as `compshare-cli 0.5.6`, whose use of the API the row follows
    /// where it extends or loosens the pages: an import never makes such a row stricter.
    pub live: Option<String>,
    /// A reviewer's note: why the row says what it says where sources disagree.
    pub note: Option<String>,
}

impl FieldSpec {
    /// A row with a name and a type and nothing else.
    pub fn new(name: &str, ty: TypeExpr) -> Self {
        Self {
            loc: Loc::nowhere(),
            name: At::new(name.to_owned()),
            ty: At::new(ty),
            required: false,
            description: String::new(),
            example: None,
            default: None,
            bounds: Vec::new(),
            enumeration: None,
            format: None,
            deprecated: None,
            sensitive: false,
            from_example: false,
            live: None,
            note: None,
        }
    }

    /// The bound of this kind, if the row has one.
    pub fn bound(&self, kind: BoundKind) -> Option<&At<Bound>> {
        self.bounds.iter().find(|b| b.value.kind() == kind)
    }

    /// Sets or replaces the bound of `bound`'s kind, keeping [`BoundKind::ALL`] order.
    pub fn set_bound(&mut self, bound: Bound) {
        self.bounds.retain(|b| b.value.kind() != bound.kind());
        self.bounds.push(At::new(bound));
        self.bounds.sort_by_key(|b| b.value.kind());
    }

    pub fn remove_bound(&mut self, kind: BoundKind) {
        self.bounds.retain(|b| b.value.kind() != kind);
    }

    /// Whether the row's values are text: a `String` without a `format`, or an array of them.
    pub fn is_text(&self) -> bool {
        self.ty.value.element() == &TypeExpr::String && self.format.is_none()
    }
}

/// A limit the API documents for a value, checked before a request is sent.
///
/// Adding a kind touches this type, the lowering, the validation emitter, the runtime's
/// validator and the importer's constraint reader.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    /// Inclusive lower bound of a number.
    Min(f64),
    /// Inclusive upper bound of a number.
    Max(f64),
    /// The most characters a string may have.
    MaxLength(u64),
    /// The most elements an array may have.
    MaxItems(u64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BoundKind {
    Min,
    Max,
    MaxLength,
    MaxItems,
}

/// Which values a bound limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applies {
    /// Integer and Float values, or arrays of them.
    Numbers,
    /// String values, or arrays of them.
    Text,
    /// Arrays.
    Arrays,
}

impl BoundKind {
    pub const ALL: [BoundKind; 4] = [
        BoundKind::Min,
        BoundKind::Max,
        BoundKind::MaxLength,
        BoundKind::MaxItems,
    ];

    /// The spec key.
    pub fn key(self) -> &'static str {
        match self {
            BoundKind::Min => "min",
            BoundKind::Max => "max",
            BoundKind::MaxLength => "max_length",
            BoundKind::MaxItems => "max_items",
        }
    }

    pub fn applies(self) -> Applies {
        match self {
            BoundKind::Min | BoundKind::Max => Applies::Numbers,
            BoundKind::MaxLength => Applies::Text,
            BoundKind::MaxItems => Applies::Arrays,
        }
    }

    /// Whether the value is a count (a whole number of at least 0) rather than any number.
    pub fn is_count(self) -> bool {
        matches!(self, BoundKind::MaxLength | BoundKind::MaxItems)
    }

    /// The bound of this kind with this value; `None` for a count that is not one.
    pub fn with(self, value: f64) -> Option<Bound> {
        let count = (value >= 0.0 && value.fract() == 0.0 && value < 1e15).then_some(value as u64);
        Some(match self {
            BoundKind::Min => Bound::Min(value),
            BoundKind::Max => Bound::Max(value),
            BoundKind::MaxLength => Bound::MaxLength(count?),
            BoundKind::MaxItems => Bound::MaxItems(count?),
        })
    }

    /// Whether a bound of this kind applies to a row of this type and format.
    pub fn fits(self, f: &FieldSpec) -> bool {
        match self.applies() {
            Applies::Numbers => f.format.is_none() && f.ty.value.is_numeric(),
            Applies::Text => f.is_text(),
            Applies::Arrays => f.ty.value.is_array(),
        }
    }
}

impl Bound {
    pub fn kind(self) -> BoundKind {
        match self {
            Bound::Min(_) => BoundKind::Min,
            Bound::Max(_) => BoundKind::Max,
            Bound::MaxLength(_) => BoundKind::MaxLength,
            Bound::MaxItems(_) => BoundKind::MaxItems,
        }
    }

    /// The value as a number.
    pub fn number(self) -> f64 {
        match self {
            Bound::Min(n) | Bound::Max(n) => n,
            Bound::MaxLength(n) | Bound::MaxItems(n) => n as f64,
        }
    }
}

/// How a `String` field's text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Holds an integer: typed as one, identical on the wire.
    Integer,
    /// Holds `True`/`False`: typed as a boolean.
    Bool,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Integer, Format::Bool];

    /// The spec's word for it.
    pub fn word(self) -> &'static str {
        match self {
            Format::Integer => "integer",
            Format::Bool => "bool",
        }
    }

    /// The type the format reads the text as.
    pub fn typed_as(self) -> TypeExpr {
        match self {
            Format::Integer => TypeExpr::Integer,
            Format::Bool => TypeExpr::Boolean,
        }
    }
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
    /// `guide.md`: Markdown for the front page of the generated crate.
    pub guide: String,
}
