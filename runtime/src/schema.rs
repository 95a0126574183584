//! A generated crate's actions as data, for tools such as a command line: every param with its
//! type, documentation and limits, list actions' paging, and the declared waits.

use std::fmt;

use crate::validate::Number;

/// One action.
#[derive(Clone, Copy, Debug)]
pub struct ActionInfo {
    /// The wire name.
    pub name: &'static str,
    /// The doc page's title.
    pub summary: &'static str,
    /// The doc page's introduction.
    pub description: &'static str,
    /// Whether transient failures are retried (false for create-like actions).
    pub retryable: bool,
    /// Whether a successful answer is a file.
    pub download: bool,
    /// Why production does not serve this documented action, when it does not: tools refuse
    /// to send it.
    pub unavailable: Option<&'static str>,
    /// The request's params, common params first.
    pub params: &'static [ParamInfo],
    /// The response's members the spec names (without `RetCode` and `Action`); their models
    /// are named ([`ParamKind::Model`]), not expanded. The server may send more.
    pub response: &'static [ParamInfo],
    /// How the action pages, for list actions.
    pub paging: Option<PagingInfo>,
    /// The response field that lists the results, for list-shaped answers.
    pub items: Option<&'static str>,
}

/// One request param.
#[derive(Clone, Copy, Debug)]
pub struct ParamInfo {
    /// The wire name.
    pub name: &'static str,
    /// The doc text.
    pub description: &'static str,
    /// What values it takes.
    pub kind: ParamKind,
    /// Whether it is an array (`Name.0`, `Name.1`, ...).
    pub list: bool,
    /// Whether a request must give it; for a response member, whether the docs say the
    /// server always sends it.
    pub required: bool,
    /// Whether the client config fills it (`Region`, `Zone`, `ProjectId`).
    pub common: bool,
    /// The documented default.
    pub default: Option<&'static str>,
    /// The documented limits.
    pub bounds: &'static [Bound],
    /// Whether its value is hidden from logs and `Debug` output.
    pub sensitive: bool,
    /// Whether the docs say not to use it any more.
    pub deprecated: bool,
}

/// The values a param takes.
#[derive(Clone, Copy, Debug)]
pub enum ParamKind {
    /// Text.
    String,
    /// A whole number.
    Integer,
    /// A number.
    Float,
    /// `true` or `false`.
    Bool,
    /// Text from a documented list; a closed list refuses other values.
    Enum {
        /// The documented values.
        values: &'static [&'static str],
        /// Whether other values are refused.
        closed: bool,
    },
    /// An object of its own params, sent as `Name.Field` (or `Name.N.Field` in a list).
    Object(&'static [ParamInfo]),
    /// A response model, by its wire name: an entry of the generated crate's
    /// `schema::MODELS`. Only response members and model fields have this kind.
    Model(&'static str),
}

/// A model of the responses, with its members; response members refer to it by name.
#[derive(Clone, Copy, Debug)]
pub struct ModelInfo {
    /// The model's name, such as `CompShareImage`.
    pub name: &'static str,
    /// The doc text.
    pub description: &'static str,
    /// Its members, in spec order; bounds and defaults are never set on them.
    pub fields: &'static [ParamInfo],
}

/// A documented limit of a param.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    /// The smallest value.
    Min(Number),
    /// The largest value.
    Max(Number),
    /// The most characters.
    MaxLength(usize),
    /// The most elements of a list.
    MaxItems(usize),
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Min(n) => write!(f, "at least {n}"),
            Bound::Max(n) => write!(f, "at most {n}"),
            Bound::MaxLength(n) => write!(f, "at most {n} characters"),
            Bound::MaxItems(n) => write!(f, "at most {n} items"),
        }
    }
}

/// How a list action pages.
#[derive(Clone, Copy, Debug)]
pub struct PagingInfo {
    /// The request's offset param.
    pub offset: &'static str,
    /// The request's page-size param.
    pub limit: &'static str,
    /// The page size when none is given.
    pub page_size: i64,
    /// The response's list of items.
    pub items: &'static str,
    /// The response's total, when it reports one.
    pub total: Option<&'static str>,
}

/// A declared wait: polling an action until a resource reaches a state.
#[derive(Clone, Copy, Debug)]
pub struct WaiterInfo {
    /// The resource, such as `instance`.
    pub resource: &'static str,
    /// The polled action.
    pub action: &'static str,
    /// The request param that selects the resource by id.
    pub id_param: &'static str,
    /// Whether that param is an array.
    pub id_param_list: bool,
    /// The response list of resources.
    pub items: &'static str,
    /// The item field holding the id.
    pub id_field: &'static str,
    /// The item field holding the state.
    pub state_field: &'static str,
    /// The first wait between polls, in milliseconds.
    pub interval_ms: u64,
    /// The states one can wait for.
    pub targets: &'static [TargetInfo],
}

/// One state a waiter can wait for.
#[derive(Clone, Copy, Debug)]
pub struct TargetInfo {
    /// The state's wire text.
    pub state: &'static str,
    /// States that end the wait with an error.
    pub failure: &'static [&'static str],
    /// Success is the resource no longer being listed.
    pub gone: bool,
    /// The command that waits for it, such as `instance-running`.
    pub command: &'static str,
}
