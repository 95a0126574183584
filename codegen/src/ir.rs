//! The checked, resolved form of the specs that the emitters read. Every Rust name in it
//! came from [`crate::naming`], and every list is in a fixed order.

#[derive(Clone, Debug)]
pub struct Service {
    pub name: String,
    pub crate_name: String,
    /// The crate name as a Rust path segment (`-` becomes `_`).
    pub crate_ident: String,
    /// The runtime crate generated code calls, as a Rust path.
    pub runtime: String,
    /// The prefix of the client's environment variables, such as `COMPSHARE`.
    pub env_prefix: String,
    /// The directory of the profile file under `~/.config`.
    pub config_dir: String,
    pub product: String,
    pub description: String,
    pub base_url: String,
    pub region: String,
    pub zone: String,
    /// The service's guide, Markdown for the crate's front page.
    pub guide: String,
    /// Groups of actions for the front page, each listing actions by wire name; every action
    /// is in exactly one.
    pub groups: Vec<Group>,
    /// Error codes the service documents, by code.
    pub errors: Vec<ErrorCode>,
    /// Waits the service's specs declare.
    pub waiters: Vec<Waiter>,
    /// Sorted by wire name.
    pub actions: Vec<Action>,
    /// Sorted by wire name.
    pub models: Vec<Model>,
}

#[derive(Clone, Debug)]
pub struct ErrorCode {
    pub code: i64,
    /// The constant, such as `DISK_STILL_DETACHING`.
    pub constant: String,
    pub message: String,
    pub description: String,
}

/// Polling an action until a resource reaches a state.
#[derive(Clone, Debug)]
pub struct Waiter {
    /// The resource, as the spec names it: `Instance`.
    pub name: String,
    /// `wait_until_instance`.
    pub method: String,
    /// For messages and commands: `instance`.
    pub resource: String,
    /// The polled action, by index in [`Service::actions`].
    pub action: usize,
    /// The request field that selects by id, and whether it is a list.
    pub id_param: Field,
    /// The response list of resources.
    pub items: Field,
    /// The model the list holds, by index in [`Service::models`].
    pub model: usize,
    pub id_field: Field,
    pub state_field: Field,
    pub interval_ms: u64,
    pub targets: Vec<WaitTarget>,
}

#[derive(Clone, Debug)]
pub struct WaitTarget {
    /// The state's wire text.
    pub state: String,
    pub failure: Vec<String>,
    pub gone: bool,
    /// The command that waits for it: `instance-running`.
    pub command: String,
}

#[derive(Clone, Debug)]
pub struct Group {
    pub name: String,
    pub description: String,
    pub actions: Vec<String>,
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
    /// Why production does not serve this documented action.
    pub unavailable: Option<String>,
    /// Codes that say the request was not carried out: retried for any action.
    pub retry_codes: Vec<i64>,
    pub retry_backoff_ms: Option<u64>,
    pub request_body: crate::spec::RequestBody,
    pub response_body: crate::spec::ResponseBody,
    /// Request params, by the last segment of their wire name, whose values never appear in logs.
    pub sensitive: Vec<String>,
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
    /// The documented bounds, in a fixed order.
    pub checks: Vec<Check>,
    pub default: Option<String>,
    pub example: Option<Example>,
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

    pub fn is_list(&self) -> bool {
        matches!(self, Ty::List(_))
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl Num {
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }

    /// The number one `step` away, such as just past a bound.
    pub fn step(self, by: i64) -> Num {
        match self {
            Num::Int(i) => Num::Int(i.saturating_add(by)),
            Num::Float(x) => Num::Float(x + by as f64),
        }
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Float(x) => write!(f, "{x}"),
        }
    }
}

/// A bound checked before sending. Min, max and length apply to each element of a list;
/// `MaxItems` to the list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Check {
    Min(Num),
    Max(Num),
    MaxLength(u64),
    MaxItems(u64),
}

impl Check {
    /// Whether the check applies to each element of a list, rather than to the list.
    pub fn per_element(self) -> bool {
        !matches!(self, Check::MaxItems(_))
    }

    /// The fact for docs and help: "At most 100." A min and a max read better together; see
    /// [`facts`].
    pub fn fact(self) -> String {
        match self {
            Check::Min(n) => format!("At least {n}."),
            Check::Max(n) => format!("At most {n}."),
            Check::MaxLength(n) => format!("At most {n} characters."),
            Check::MaxItems(n) => format!("At most {n} items."),
        }
    }

    /// A value one step outside the bound, for tests: a scalar, a text, or a list of `sample`.
    pub fn breaking(self, sample: &Example) -> Example {
        match self {
            Check::Min(n) => Example::number(n.step(-1)),
            Check::Max(n) => Example::number(n.step(1)),
            Check::MaxLength(n) => Example::Str("x".repeat(n as usize + 1)),
            Check::MaxItems(n) => Example::List(vec![sample.clone(); n as usize + 1]),
        }
    }
}

/// The facts of a field's checks, with a min and a max said together.
pub fn facts(checks: &[Check]) -> Vec<String> {
    let min = checks.iter().find_map(|c| match c {
        Check::Min(n) => Some(*n),
        _ => None,
    });
    let max = checks.iter().find_map(|c| match c {
        Check::Max(n) => Some(*n),
        _ => None,
    });
    let mut out = Vec::new();
    for c in checks {
        match (c, min, max) {
            (Check::Min(lo), _, Some(hi)) => out.push(format!("From {lo} to {hi}.")),
            (Check::Max(_), Some(_), _) => {}
            (c, _, _) => out.push(c.fact()),
        }
    }
    out
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

/// An example value, typed like the field it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub enum Example {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A value of the field's enum, as its wire text.
    Enum(String),
    List(Vec<Example>),
    /// A model's fields by wire name, in the order written.
    Object(Vec<(String, Example)>),
}

impl Example {
    pub fn number(n: Num) -> Example {
        match n {
            Num::Int(i) => Example::Int(i),
            Num::Float(x) => Example::Float(x),
        }
    }

    /// How a scalar example reads in docs: the text as it is sent.
    pub fn text(&self) -> Option<String> {
        Some(match self {
            Example::Str(s) | Example::Enum(s) => s.clone(),
            Example::Int(i) => i.to_string(),
            Example::Float(x) => x.to_string(),
            Example::Bool(b) => b.to_string(),
            Example::List(_) | Example::Object(_) => return None,
        })
    }
}
