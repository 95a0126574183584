//! Every key of the spec format, in the order spec files are written. The reader accepts
//! exactly these, and the writer emits them in this order.

/// `service.yaml`.
pub const SERVICE: &[&str] = &[
    "service",
    "crate",
    "product",
    "description",
    "base_url",
    "region",
    "zone",
    "runtime",
    "env_prefix",
    "config_dir",
    "common",
    "groups",
    "errors",
    "waiters",
];

/// One of `service.yaml`'s `groups:`: actions grouped for the docs by words in their names.
pub const GROUP: &[&str] = &["name", "description", "keywords"];

/// `actions/<Action>.yaml`.
pub const ACTION: &[&str] = &[
    "action",
    "summary",
    "description",
    "live",
    "note",
    "unavailable",
    "retryable",
    "retry",
    "request_body",
    "response_body",
    "common",
    "request",
    "response",
    "response_example",
];

/// An action's `retry:`: codes that say the request was not carried out.
pub const RETRY: &[&str] = &["codes", "backoff_ms"];

/// One of `service.yaml`'s `errors:`: a code the service documents.
pub const ERROR: &[&str] = &["code", "name", "message", "description"];

/// One of `service.yaml`'s `waiters:`: polling an action until a resource reaches a state.
pub const WAITER: &[&str] = &[
    "name",
    "action",
    "id_param",
    "items",
    "id_field",
    "state_field",
    "interval_ms",
    "targets",
];

/// One of a waiter's `targets:`.
pub const TARGET: &[&str] = &["state", "failure", "gone"];

/// `request_body:` and `response_body:` values.
pub const FORM: &str = "form";
pub const JSON: &str = "json";
pub const BYTES: &str = "bytes";

/// `models/<Model>.yaml`.
pub const MODEL: &[&str] = &["model", "description", "fields"];

/// One row of a request, response or model table. The bounds are listed by [`BoundKind`].
///
/// [`BoundKind`]: super::BoundKind
pub const FIELD: &[&str] = &[
    "name",
    "type",
    "required",
    "description",
    "example",
    "default",
    "min",
    "max",
    "max_length",
    "max_items",
    "format",
    "enum",
    "deprecated",
    "sensitive",
    "from_example",
    "live",
    "note",
];

/// A field's `enum:`.
pub const ENUM: &[&str] = &["closed", "name", "values"];

/// One member of an `enum:`'s `values:`, when written as a mapping.
pub const ENUM_VALUE: &[&str] = &["value", "description"];

/// The common params: filled from the client config, declared per action under `common:`.
pub const COMMON_PARAMS: [&str; 3] = ["Region", "Zone", "ProjectId"];

/// Added to every request by the client, so no spec lists them.
pub const CLIENT_PARAMS: [&str; 3] = ["Action", "PublicKey", "Signature"];

/// Read from every response before decoding, so no spec lists them.
pub const ENVELOPE_FIELDS: [&str; 2] = ["RetCode", "Action"];

/// `common:` values.
pub const REQUIRED: &str = "required";
pub const OPTIONAL: &str = "optional";
