//! Doc comments from spec descriptions. Descriptions are free text from API docs, so they are
//! made safe for rustdoc: no accidental code blocks, links or HTML.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Field, Num, Presence, Ty};

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
pub fn field(f: &Field) -> String {
    let mut out = escape(&f.description);
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
    let bound = |n: Num| match n {
        Num::Int(i) => i.to_string(),
        Num::Float(x) => x.to_string(),
    };
    match (f.min, f.max) {
        (Some(lo), Some(hi)) => facts.push(format!("From {} to {}.", bound(lo), bound(hi))),
        (Some(lo), None) => facts.push(format!("At least {}.", bound(lo))),
        (None, Some(hi)) => facts.push(format!("At most {}.", bound(hi))),
        (None, None) => {}
    }
    if let Some(n) = f.max_items {
        facts.push(format!("At most {n} items."));
    }
    if let Some(n) = f.max_length {
        facts.push(format!("At most {n} characters."));
    }
    if f.text_format {
        facts.push(match f.ty.element() {
            Ty::Bool => "Sent as the text `True`/`False`; read as a boolean.".into(),
            _ => "A string on the wire; typed as an integer.".into(),
        });
    }
    if let Some(example) = &f.example
        && let crate::ir::Example::Scalar(text) = example
    {
        facts.push(format!("Example: {}.", code(text)));
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
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(&facts.join(" "));
    out
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
