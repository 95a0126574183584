//! Printing generated files: each item is formatted on its own by prettyplease, and items are
//! separated by one blank line (none between consecutive `use` or `mod x;` lines), so the
//! layout follows the syntax rather than guesses about the text.

use quote::quote;

use crate::emit::File;

/// Formats a file and adds the preamble.
pub fn rust(file: &File) -> Result<String, String> {
    let attrs = &file.attrs;
    let items = &file.items;
    let tokens = quote! { #(#attrs)* #(#items)* };
    let parsed: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generated code does not parse: {e}"))?;
    let mut out = String::with_capacity(4096);
    out.push_str(crate::PREAMBLE);
    // rustfmt would reformat prettyplease's output; generated files are formatted here only.
    out.push_str("\n#![cfg_attr(rustfmt, rustfmt::skip)]\n");
    for attr in &parsed.attrs {
        out.push_str(unparse_attr(attr).trim_end());
        out.push('\n');
    }
    for line in file.docs.lines() {
        if line.is_empty() {
            out.push_str("//!\n");
        } else {
            out.push_str("//! ");
            out.push_str(line);
            out.push('\n');
        }
    }
    let mut previous: Option<Kind> = None;
    for item in parsed.items {
        let kind = Kind::of(&item);
        let tight = matches!(
            (previous, kind),
            (Some(Kind::Use), Kind::Use) | (Some(Kind::ModDecl), Kind::ModDecl)
        );
        let first = previous.is_none() && (!file.docs.is_empty() || !parsed.attrs.is_empty());
        if previous.is_some() && !tight || first {
            out.push('\n');
        }
        out.push_str(&item_text(item));
        previous = Some(kind);
    }
    Ok(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Use,
    ModDecl,
    Other,
}

impl Kind {
    fn of(item: &syn::Item) -> Kind {
        match item {
            syn::Item::Use(_) => Kind::Use,
            syn::Item::Mod(m) if m.content.is_none() => Kind::ModDecl,
            _ => Kind::Other,
        }
    }
}

fn unparse(items: Vec<syn::Item>) -> String {
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    })
}

fn unparse_attr(attr: &syn::Attribute) -> String {
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: vec![attr.clone()],
        items: Vec::new(),
    })
}

/// One item. The members of an `impl` are printed one at a time too, with a blank line between
/// them, because prettyplease puts none.
fn item_text(item: syn::Item) -> String {
    let mut imp = match item {
        syn::Item::Impl(imp) if imp.items.len() >= 2 => imp,
        other => return unparse(vec![other]),
    };
    let members = std::mem::take(&mut imp.items);
    let mut head = String::new();
    let mut bodies = Vec::with_capacity(members.len());
    for member in members {
        let mut one = imp.clone();
        one.items = vec![member];
        let text = unparse(vec![syn::Item::Impl(one)]);
        let lines: Vec<&str> = text.lines().collect();
        // The header ends with the first line at the impl's own indentation that opens it.
        let open = lines
            .iter()
            .position(|l| !l.starts_with(' ') && l.ends_with('{'))
            .unwrap_or(0);
        if head.is_empty() {
            head = lines[..=open].join("\n");
        }
        let end = lines.len().saturating_sub(1).max(open + 1);
        bodies.push(lines[open + 1..end].join("\n"));
    }
    format!("{head}\n{}\n}}\n", bodies.join("\n\n"))
}
