//! Doc comments from spec descriptions. Descriptions are free text from API docs, so they are
//! made safe for rustdoc: no accidental code blocks, links or HTML.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{self, Enum, Example, Field, Presence, Ty};

/// The doc line of a request, or a model used in one: how to build it, since it is
/// `#[non_exhaustive]`.
pub const BUILT_WITH_SETTERS: &str = "Build one with `default()` and the chainable setters, one per field; fields can also be assigned.";

/// The doc line of a response or response model.
pub const BUILT_BY_ASSIGNMENT: &str =
    "Build one, say in a test, with `Default::default()` and then field assignment.";

/// `#[doc = "..."]` attributes, one per line.
pub fn attrs(text: &str) -> TokenStream {
    let lines: Vec<String> = text
        .lines()
        .map(|l| format!(" {l}").trim_end().to_owned())
        .collect();
    quote! { #( #[doc = #lines] )* }
}

/// Escapes free text so rustdoc renders it as written.
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().map(str::trim).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut rest = line;
        while !rest.is_empty() {
            if let Some(url_len) = url_at(rest) {
                out.push('<');
                out.push_str(&rest[..url_len]);
                out.push('>');
                rest = &rest[url_len..];
                continue;
            }
            let c = rest.chars().next().unwrap_or_default();
            match c {
                '[' | ']' | '*' | '_' | '`' | '#' | '|' | '\\' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                _ => out.push(c),
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The length of a URL starting the text, if one does.
fn url_at(text: &str) -> Option<usize> {
    if !(text.starts_with("http://") || text.starts_with("https://")) {
        return None;
    }
    Some(
        text.find(|c: char| {
            c.is_whitespace()
                || !c.is_ascii()
                || matches!(c, ')' | '>' | '<' | '"' | '\'' | '`' | ']' | '[')
        })
        .unwrap_or(text.len()),
    )
}

/// Inline code, safe for any content.
pub fn code(text: &str) -> String {
    let ticks = if text.contains('`') { "``" } else { "`" };
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// A field's doc comment: the description, then the wire facts.
pub fn field(f: &Field, enums: &[Enum]) -> String {
    let mut out = escape(&f.description);
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&facts(f, enums).join(" "));
    out
}

/// A setter's doc comment: the first sentence of the description, then the same facts.
pub fn setter(f: &Field, enums: &[Enum]) -> String {
    let line = f.description.lines().next().unwrap_or_default();
    let end = line
        .find('。')
        .map(|i| i + '。'.len_utf8())
        .unwrap_or(line.len());
    let mut out = format!("Sets {}.", code(&f.wire));
    let summary = escape(&line[..end]);
    if !summary.is_empty() {
        out.push(' ');
        out.push_str(&summary);
    }
    let facts = facts(f, enums);
    // The wire name was said first.
    let rest: Vec<&String> = facts.iter().skip(1).collect();
    if !rest.is_empty() {
        out.push_str("\n\n");
        out.push_str(
            &rest
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    out
}

/// The wire facts of a field, one sentence each: wire name, presence, default, bounds,
/// enum values, format, example, deprecation, sensitivity.
pub fn facts(f: &Field, enums: &[Enum]) -> Vec<String> {
    let mut facts = vec![format!("Wire name {}.", code(&f.wire))];
    match f.presence {
        Presence::Required => facts.push("Required.".into()),
        Presence::CommonRequired => {
            facts.push("Required; filled from the client config when unset.".into())
        }
        Presence::CommonOptional => facts.push("Filled from the client config when unset.".into()),
        Presence::Optional => {}
    }
    if let Some(default) = &f.default {
        facts.push(format!("Default {}.", code(default)));
    }
    facts.extend(ir::facts(&f.checks));
    if let Ty::Enum { name, closed } = f.ty.element()
        && let Some(e) = enums.iter().find(|e| &e.name == name)
    {
        let values: Vec<String> = e.variants.iter().map(|v| code(&v.wire)).collect();
        facts.push(if *closed {
            format!("One of {}.", values.join(", "))
        } else {
            format!(
                "Documented values: {}; others are accepted.",
                values.join(", ")
            )
        });
    }
    if f.text_format {
        facts.push(match f.ty.element() {
            Ty::Bool => "Sent as the text `True`/`False`; read as a boolean.".into(),
            _ => "A string on the wire; typed as an integer.".into(),
        });
    }
    if let Some(text) = f.example.as_ref().and_then(Example::text) {
        facts.push(format!("Example: {}.", code(&text)));
    }
    if let Some(note) = &f.deprecated {
        facts.push(if note.is_empty() {
            "Deprecated.".into()
        } else {
            format!("Deprecated: {}", escape(note))
        });
    }
    if f.sensitive {
        facts.push("Sensitive: hidden from `Debug` output.".into());
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_html_links_and_indentation() {
        assert_eq!(escape("a [b](c) <br> x_y"), "a \\[b\\](c) &lt;br&gt; x\\_y");
        assert_eq!(escape("    indented"), "indented");
        assert_eq!(
            escape("see https://x.cn/a?b=1。后"),
            "see <https://x.cn/a?b=1>。后"
        );
        assert_eq!(code("a`b"), "``a`b``");
    }
}
