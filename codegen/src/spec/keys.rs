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

/// The verbs of create-like actions: each call makes something new (an instance, a disk, an
/// image copy, a team, a favorite), so sending one again after its answer was lost could make
/// a second one, and bill for it. Such an action is never `retryable`. An action's verb is the
/// first word of its name: `CreateAndAttachCompshareDisk` is a `Create`.
pub const CREATE_VERBS: &[&str] = &[
    "Add", "Allocate", "Buy", "Clone", "Copy", "Create", "Import", "Publish", "Purchase", "Run",
];

/// The create-like verb an action's name starts with, if any.
pub fn create_verb(action: &str) -> Option<&'static str> {
    let end = action
        .char_indices()
        .skip(1)
        .find(|(_, c)| !c.is_ascii_lowercase())
        .map_or(action.len(), |(i, _)| i);
    CREATE_VERBS.iter().copied().find(|v| *v == &action[..end])
}

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

#[cfg(test)]
mod tests {
    use super::create_verb;

    #[test]
    fn the_verb_is_the_first_word_of_the_name() {
        assert_eq!(create_verb("CreateCompShareInstance"), Some("Create"));
        assert_eq!(create_verb("CreateAndAttachCompshareDisk"), Some("Create"));
        assert_eq!(create_verb("CopyCompShareCustomImage"), Some("Copy"));
        assert_eq!(create_verb("AddFavoriteImage"), Some("Add"));
        assert_eq!(create_verb("PublishCompShareImage"), Some("Publish"));
        assert_eq!(create_verb("RunInstances"), Some("Run"));
        assert_eq!(create_verb("Create"), Some("Create"));
        for not in [
            "DescribeCompShareInstance",
            "AttachUS3",
            "Created",
            "CreatedThings",
            "Addresses",
            "Runner",
            "ReinstallCompShareInstance",
            "",
        ] {
            assert_eq!(create_verb(not), None, "{not}");
        }
    }
}
