//! The one authority for turning wire names into Rust names.
//!
//! Every identifier the generator emits comes from [`rust_name`], so casing, keywords and
//! reserved names are handled in one place.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// What a name becomes in Rust; decides the casing and which names are reserved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A struct field: `comp_share_image_id`.
    Field,
    /// A module, and so a file name: `describe_comp_share_images`.
    Module,
    /// A method on the generated `Client`: `describe_comp_share_images`.
    ClientMethod,
    /// A setter on a fluent builder.
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

/// Converts a wire name, or `None` when nothing of it can become an identifier.
pub fn rust_name(wire: &str, kind: Kind) -> Option<String> {
    let cased = match kind {
        Kind::Type | Kind::Variant => wire.to_upper_camel_case(),
        _ => wire.to_snake_case(),
    };
    if cased.is_empty() || !cased.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let mut name = cased;
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(
            0,
            if matches!(kind, Kind::Type | Kind::Variant) {
                'V'
            } else {
                'n'
            },
        );
        if matches!(
            kind,
            Kind::Field | Kind::Module | Kind::ClientMethod | Kind::Setter
        ) {
            name.insert(1, '_');
        }
    }
    match kind {
        Kind::ClientMethod if CLIENT_METHODS.contains(&name.as_str()) => name.push_str("_action"),
        Kind::Setter if BUILDER_METHODS.contains(&name.as_str()) => name.insert_str(0, "set_"),
        Kind::Field if RESPONSE_FIELDS.contains(&name.as_str()) => name.push_str("_value"),
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

    fn name(wire: &str, kind: Kind) -> String {
        rust_name(wire, kind).unwrap_or_else(|| "<none>".into())
    }

    #[test]
    fn casing() {
        assert_eq!(name("CompShareImageId", Kind::Field), "comp_share_image_id");
        assert_eq!(name("UHostIds", Kind::Field), "u_host_ids");
        assert_eq!(
            name("DescribeCompShareImages", Kind::Module),
            "describe_comp_share_images"
        );
        assert_eq!(name("CompShareImage", Kind::Type), "CompShareImage");
        assert_eq!(name("CLOUD_SSD", Kind::Variant), "CloudSsd");
        assert_eq!(name("Intel/Auto", Kind::Variant), "IntelAuto");
    }

    #[test]
    fn keywords_digits_and_reserved_names() {
        assert_eq!(name("Type", Kind::Field), "type");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(name("Self", Kind::Field), "self_");
        assert_eq!(name("Self", Kind::Type), "SelfValue");
        assert_eq!(name("super", Kind::Module), "super_");
        assert_eq!(name("2080Ti", Kind::Variant), "V2080ti");
        assert_eq!(name("3D", Kind::Field), "n_3d");
        assert_eq!(name("Send", Kind::ClientMethod), "send_action");
        assert_eq!(name("Send", Kind::Setter), "set_send");
        assert_eq!(name("Limit", Kind::Setter), "limit");
        assert_eq!(name("UnknownFields", Kind::Field), "unknown_fields_value");
    }

    #[test]
    fn names_that_cannot_be_identifiers() {
        assert_eq!(rust_name("---", Kind::Variant), None);
        assert_eq!(rust_name("", Kind::Field), None);
        assert_eq!(rust_name("数据", Kind::Field), None);
    }
}
