//! The one authority for turning wire names into Rust names.
//!
//! Every identifier the generator emits comes from [`rust_name`], so casing, keywords and
//! reserved names are handled in one place.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// What a name becomes in Rust; decides the casing and which names are reserved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdentKind {
    /// A struct field: `comp_share_image_id`.
    Field,
    /// A module, and so a file name: `describe_comp_share_images`.
    Module,
    /// A method on the generated `Client`: `describe_comp_share_images`.
    ClientMethod,
    /// A chainable setter, on a request (or request model) and on its fluent builder.
    Setter,
    /// A struct or enum: `CompShareImage`.
    Type,
    /// An enum variant from an enum value: `CloudSsd`, `V2080Ti`.
    Variant,
}

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "crate", "super"];

/// Methods the generated `Client` has besides one per action.
const CLIENT_METHODS: &[&str] = &[
    "new",
    "from_env",
    "with_transport",
    "config",
    "send",
    "runtime",
    "clone",
    "fmt",
];

/// Fields every generated response struct has besides one per member.
pub const RESPONSE_FIELDS: &[&str] = &["unknown_fields"];

/// Methods a fluent builder has besides one setter per field.
const BUILDER_METHODS: &[&str] = &[
    "send",
    "request",
    "into_request",
    "clone",
    "fmt",
    "paginate",
];

/// Methods and associated functions a request or request model has besides one setter per
/// field: its own, and those of the traits it implements. An inherent setter of the same name
/// would shadow them (`Request::default()` would stop compiling).
const REQUEST_METHODS: &[&str] = &[
    "validate",
    "default",
    "clone_from",
    "eq",
    "ne",
    "into",
    "try_into",
    "to_owned",
    "borrow",
    "borrow_mut",
    "type_id",
    "common",
    "window",
    "set_window",
    "items",
    "into_items",
    "total",
    "encode_form",
    "validate_into",
    "read_params",
    "slot",
    "unknown_fields_mut",
    "to_json",
    "serialize",
    "deserialize",
];

fn is_method(name: &str) -> bool {
    BUILDER_METHODS.contains(&name) || REQUEST_METHODS.contains(&name)
}

/// Converts a wire name, or `None` when nothing of it can become an identifier.
pub fn rust_name(wire: &str, kind: IdentKind) -> Option<String> {
    let cased = match kind {
        IdentKind::Type | IdentKind::Variant => wire.to_upper_camel_case(),
        _ => wire.to_snake_case(),
    };
    if cased.is_empty() || !cased.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let mut name = cased;
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(
            0,
            if matches!(kind, IdentKind::Type | IdentKind::Variant) {
                'V'
            } else {
                'n'
            },
        );
        if matches!(
            kind,
            IdentKind::Field | IdentKind::Module | IdentKind::ClientMethod | IdentKind::Setter
        ) {
            name.insert(1, '_');
        }
    }
    match kind {
        IdentKind::ClientMethod if CLIENT_METHODS.contains(&name.as_str()) => {
            name.push_str("_action")
        }
        IdentKind::Setter if is_method(&name) => {
            name.insert_str(0, "set_");
            // `Window` would become `set_window`, itself a method.
            if is_method(&name) {
                name.push_str("_value");
            }
        }
        IdentKind::Field if RESPONSE_FIELDS.contains(&name.as_str()) => name.push_str("_value"),
        _ => {}
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push_str(if name == "Self" { "Value" } else { "_" });
    }
    Some(name)
}

/// The token for a name from [`rust_name`]: keywords become raw identifiers (`r#type`).
pub fn ident(name: &str) -> Ident {
    if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(wire: &str, kind: IdentKind) -> String {
        rust_name(wire, kind).unwrap_or_else(|| "<none>".into())
    }

    #[test]
    fn casing() {
        assert_eq!(
            name("CompShareImageId", IdentKind::Field),
            "comp_share_image_id"
        );
        assert_eq!(name("UHostIds", IdentKind::Field), "u_host_ids");
        assert_eq!(
            name("DescribeCompShareImages", IdentKind::Module),
            "describe_comp_share_images"
        );
        assert_eq!(name("CompShareImage", IdentKind::Type), "CompShareImage");
        assert_eq!(name("CLOUD_SSD", IdentKind::Variant), "CloudSsd");
        assert_eq!(name("Intel/Auto", IdentKind::Variant), "IntelAuto");
    }

    #[test]
    fn keywords_digits_and_reserved_names() {
        assert_eq!(name("Type", IdentKind::Field), "type");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(name("Self", IdentKind::Field), "self_");
        assert_eq!(name("Self", IdentKind::Type), "SelfValue");
        assert_eq!(name("super", IdentKind::Module), "super_");
        assert_eq!(name("2080Ti", IdentKind::Variant), "V2080ti");
        assert_eq!(name("3D", IdentKind::Field), "n_3d");
        assert_eq!(name("Send", IdentKind::ClientMethod), "send_action");
        assert_eq!(name("Send", IdentKind::Setter), "set_send");
        assert_eq!(name("Limit", IdentKind::Setter), "limit");
        assert_eq!(name("Validate", IdentKind::Setter), "set_validate");
        assert_eq!(name("Default", IdentKind::Setter), "set_default");
        assert_eq!(name("Items", IdentKind::Setter), "set_items");
        assert_eq!(name("Window", IdentKind::Setter), "set_window_value");
        assert_eq!(name("Validate", IdentKind::Field), "validate");
        assert_eq!(
            name("UnknownFields", IdentKind::Field),
            "unknown_fields_value"
        );
    }

    #[test]
    fn names_that_cannot_be_identifiers() {
        assert_eq!(rust_name("---", IdentKind::Variant), None);
        assert_eq!(rust_name("", IdentKind::Field), None);
        assert_eq!(rust_name("数据", IdentKind::Field), None);
    }
}
