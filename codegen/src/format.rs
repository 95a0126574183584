//! Printing generated files: each item is formatted on its own by prettyplease, and items are
//! separated by one blank line (none between consecutive `use` or `mod x;` lines), so the
//! layout follows the syntax rather than guesses about the text.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::{File, Item};

/// Formats a file and adds the preamble. Items are parsed one at a time, so a large file never
/// holds the syntax trees of all its items at once.
pub fn rust(file: File) -> Result<String, String> {
    let mut out = String::with_capacity(4096);
    out.push_str(crate::PREAMBLE);
    // rustfmt would reformat prettyplease's output; generated files are formatted here only.
    out.push_str("\n#![cfg_attr(rustfmt, rustfmt::skip)]\n");
    let attrs = &file.attrs;
    let inner = parse(quote! { #(#attrs)* })?.attrs;
    for attr in &inner {
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
    let mut push = |out: &mut String, kind: Kind, text: &str| {
        let tight = matches!(
            (previous, kind),
            (Some(Kind::Use), Kind::Use) | (Some(Kind::ModDecl), Kind::ModDecl)
        );
        let first = previous.is_none() && (!file.docs.is_empty() || !inner.is_empty());
        if previous.is_some() && !tight || first {
            out.push('\n');
        }
        out.push_str(text);
        previous = Some(kind);
    };
    for item in file.items {
        match item {
            Item::Tokens(tokens) => {
                for item in parse(tokens)?.items {
                    let kind = Kind::of(&item);
                    push(&mut out, kind, &item_text(item));
                }
            }
            Item::Printed(text) => push(&mut out, Kind::Other, &text),
        }
    }
    Ok(out)
}

fn parse(tokens: TokenStream) -> Result<syn::File, String> {
    syn::parse2(tokens).map_err(|e| format!("generated code does not parse: {e}"))
}

/// The tables with fewer entries than this are printed whole, since they may fit on one line.
const STREAMED_FROM: usize = 64;

/// Prints `#head = &[...];` with the entry of each item, each entry ending with its comma,
/// exactly as prettyplease prints the whole item. A long table is printed an entry at a time,
/// on every core, so that neither its tokens nor its syntax tree are ever held whole.
pub fn array<T: Sync>(
    head: TokenStream,
    items: &[T],
    entry: impl Fn(&T) -> TokenStream + Sync,
) -> Result<String, String> {
    if items.len() < STREAMED_FROM {
        return whole_array(head, items.iter().map(entry));
    }
    streamed_array(head, items, entry)
}

fn whole_array(
    head: TokenStream,
    entries: impl Iterator<Item = TokenStream>,
) -> Result<String, String> {
    let items = parse(quote! { #head = &[#(#entries)*]; })?.items;
    Ok(items.into_iter().map(item_text).collect())
}

fn streamed_array<T: Sync>(
    head: TokenStream,
    items: &[T],
    entry: impl Fn(&T) -> TokenStream + Sync,
) -> Result<String, String> {
    // Many entries never fit on one line, so prettyplease puts each on its own line, indented
    // one level, whatever the others look like.
    let empty: String = parse(quote! { #head = &[]; })?
        .items
        .into_iter()
        .map(item_text)
        .collect();
    let mut out = empty
        .strip_suffix("&[];\n")
        .ok_or_else(|| format!("unexpected table head: {empty}"))?
        .to_owned();
    out.push_str("&[\n");
    for text in crate::par::map(items, |item| entry_lines(entry(item))) {
        out.push_str(&text?);
    }
    out.push_str("];\n");
    Ok(out)
}

/// One entry of a long table: its lines, indented one level.
fn entry_lines(entry: TokenStream) -> Result<String, String> {
    let text: String = parse(quote! { static ENTRY: () = &[#entry]; })?
        .items
        .into_iter()
        .map(item_text)
        .collect();
    let unexpected = || format!("unexpected table entry: {text}");
    let rest = (text.strip_prefix("static ENTRY: () = &["))
        .and_then(|rest| rest.strip_suffix("];\n"))
        .ok_or_else(unexpected)?;
    Ok(match rest.strip_prefix('\n') {
        // Broken over lines: the entry is the lines between the first and the last.
        Some(lines) => lines.to_owned(),
        // On one line: the entry, on its own line in the long table.
        None => format!("    {},\n", rest.trim_end_matches(',')),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Entries short and long, with nested tables, as the schema's are.
    fn entry(i: usize) -> TokenStream {
        match i % 3 {
            0 => quote!(Entry {
                name: "A",
                list: &[]
            },),
            1 => {
                let text = "x".repeat(i * 3);
                let inner = (0..i % 7).map(|j| quote!(Inner { a: #j, label: "some label" }));
                quote!(Entry { name: #text, list: &[#(#inner),*] },)
            }
            _ => {
                quote!(crate::runtime::schema::Entry { name: "long name", described: "a longer description", list: &[Inner { a: #i }] },)
            }
        }
    }

    #[test]
    fn a_streamed_table_prints_as_the_whole_item_does() {
        let head = quote! {
            /// The entries.
            pub static ENTRIES: &[crate::runtime::schema::Entry]
        };
        let items: Vec<usize> = (0..STREAMED_FROM + 6).collect();
        let whole = whole_array(head.clone(), items.iter().map(|&i| entry(i))).unwrap();
        let streamed = streamed_array(head, &items, |&i| entry(i)).unwrap();
        assert_eq!(streamed, whole);
        assert!(
            whole.contains("\n    Entry { name: \"A\", list: &[] },\n"),
            "{whole}"
        );
        assert!(whole.contains("\n        list: &[\n"), "{whole}");
    }
}
