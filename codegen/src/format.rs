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
    let mut previous: Option<ItemGroup> = None;
    let mut push = |out: &mut String, kind: ItemGroup, text: &str| {
        let tight = matches!(
            (previous, kind),
            (Some(ItemGroup::Use), ItemGroup::Use) | (Some(ItemGroup::ModDecl), ItemGroup::ModDecl)
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
                    let kind = ItemGroup::of(&item);
                    push(&mut out, kind, &item_text(item)?);
                }
            }
            Item::Printed(text) => push(&mut out, ItemGroup::Other, &text),
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
/// so that neither its tokens nor its syntax tree are ever held whole.
pub fn array<T>(
    head: TokenStream,
    items: &[T],
    entry: impl Fn(&T) -> TokenStream,
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
    items.into_iter().map(item_text).collect()
}

fn streamed_array<T>(
    head: TokenStream,
    items: &[T],
    entry: impl Fn(&T) -> TokenStream,
) -> Result<String, String> {
    // Many entries never fit on one line, so prettyplease puts each on its own line, indented
    // one level, whatever the others look like.
    let empty: String = parse(quote! { #head = &[]; })?
        .items
        .into_iter()
        .map(item_text)
        .collect::<Result<_, _>>()?;
    let mut out = empty
        .strip_suffix("&[];\n")
        .ok_or_else(|| format!("unexpected table head: {empty}"))?
        .to_owned();
    out.push_str("&[\n");
    for item in items {
        out.push_str(&entry_lines(entry(item))?);
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
        .collect::<Result<_, _>>()?;
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
enum ItemGroup {
    Use,
    ModDecl,
    Other,
}

impl ItemGroup {
    fn of(item: &syn::Item) -> ItemGroup {
        match item {
            syn::Item::Use(_) => ItemGroup::Use,
            syn::Item::Mod(m) if m.content.is_none() => ItemGroup::ModDecl,
            _ => ItemGroup::Other,
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
///
/// No text is searched for where the header ends: the header is the impl printed with one
/// stand-in member, that member's known line cut off the end, and each member is printed in an
/// impl with a known one-line header, cut off its start. A member's layout depends only on its
/// indentation, which is the same in both. Should prettyplease ever print either stand-in
/// differently, this is an error, never a mangled file.
fn item_text(item: syn::Item) -> Result<String, String> {
    let mut imp = match item {
        syn::Item::Impl(imp) if imp.items.len() >= 2 => imp,
        other => return Ok(unparse(vec![other])),
    };
    let members = std::mem::take(&mut imp.items);
    imp.items = vec![stand_in(quote!(
        fn __codegen_stand_in() {}
    ))?];
    let whole = unparse(vec![syn::Item::Impl(imp)]);
    let head = whole
        .strip_suffix(STAND_IN_MEMBER)
        .ok_or_else(|| format!("unexpected layout of an impl: {whole}"))?;
    let mut out = head.to_owned();
    let shell: syn::ItemImpl = stand_in(quote!(impl __CodegenStandIn {}))?;
    for (i, member) in members.into_iter().enumerate() {
        let mut one = shell.clone();
        one.items = vec![member];
        let text = unparse(vec![syn::Item::Impl(one)]);
        let body = (text.strip_prefix(STAND_IN_HEAD))
            .and_then(|rest| rest.strip_suffix("}\n"))
            .ok_or_else(|| format!("unexpected layout of an impl member: {text}"))?;
        if i > 0 {
            out.push('\n');
        }
        out.push_str(body);
    }
    out.push_str("}\n");
    Ok(out)
}

fn stand_in<T: syn::parse::Parse>(tokens: TokenStream) -> Result<T, String> {
    syn::parse2(tokens).map_err(|e| format!("a stand-in does not parse: {e}"))
}

/// How the stand-in member and the rest of its impl are printed.
const STAND_IN_MEMBER: &str = "    fn __codegen_stand_in() {}\n}\n";
/// How the stand-in header is printed.
const STAND_IN_HEAD: &str = "impl __CodegenStandIn {\n";

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

    /// The impl printed whole by prettyplease, and as [`item_text`] prints it.
    fn both(source: &str) -> (String, String) {
        let file: syn::File = syn::parse_str(source).unwrap();
        let item = file.items.into_iter().next().unwrap();
        (unparse(vec![item.clone()]), item_text(item).unwrap())
    }

    /// Impls whose text could mislead a splitter that reads lines: a doc comment or attribute
    /// ending with `{`, a header over several lines, inner attributes, nested impls, macros,
    /// and a string whose continuation line starts at the margin and ends with `{`.
    const ADVERSARIAL: &[&str] = &[
        "/// Opens a block {\n/// {\nimpl Foo { fn a() {} fn b() {} }",
        "#[doc = \"first {\"]\n#[cfg(all(feature = \"x\", not(test)))]\nimpl Foo {\n\
         #[doc = \" a {\"] #[allow(dead_code)] fn a() {}\n#[cfg(test)] const B: u8 = 1; }",
        "impl<'a, T: Clone + std::fmt::Debug + Send + Sync + 'static, U: Iterator<Item = &'a T> + Clone> \
         Trait<'a, T> for SomeLongStructName<'a, T, U> where T: Default + PartialEq, U: ExactSizeIterator \
         { type Out = T; fn first(&self) -> Option<T> { self.iter.clone().next().cloned() } }",
        "impl Foo { #![allow(unused)] fn a() {} fn b() {} }",
        "impl Outer { fn a() { struct Local; impl Local { fn x() {} fn y() {} } } \
         fn b() -> impl Fn() { || { impl Clone for Local2 { fn clone(&self) -> Self { Local2 } } } } }",
        "impl Foo { m! { fn hidden() {} } fn a() { macro_rules! r { ($x:expr) => {{ $x }}; } r!(1); } \
         n!(); }",
        "impl Foo { const S: &str = \"a\n{\n}\"; fn a() -> &'static str { \"\nimpl X {\" } }",
        "unsafe impl<T> Send for Wrapper<T> where T: Send { fn a() {} fn b() {} }",
    ];

    #[test]
    fn impls_split_into_members_whatever_their_text() {
        for source in ADVERSARIAL {
            let (whole, ours) = both(source);
            // Every line of prettyplease's output, in order; only blank lines are added, one
            // between each two members.
            let members = match syn::parse_str::<syn::File>(source).unwrap().items.remove(0) {
                syn::Item::Impl(imp) => imp.items.len(),
                _ => unreachable!(),
            };
            let blank = |text: &str| text.lines().filter(|l| l.is_empty()).count();
            let dense = |text: &str| -> Vec<String> {
                text.lines()
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            assert_eq!(dense(&ours), dense(&whole), "{source}\n{ours}");
            assert_eq!(
                blank(&ours),
                blank(&whole) + members - 1,
                "{source}\n{ours}"
            );
            assert!(ours.ends_with("}\n"), "{ours}");
            syn::parse_str::<syn::File>(&ours).unwrap_or_else(|e| panic!("{e}\n{ours}"));
        }
    }

    #[test]
    fn a_doc_comment_ending_with_a_brace_stays_before_the_header() {
        let (_, ours) = both(ADVERSARIAL[0]);
        assert_eq!(
            ours,
            "/// Opens a block {\n/// {\nimpl Foo {\n    fn a() {}\n\n    fn b() {}\n}\n"
        );
        let (_, ours) = both(ADVERSARIAL[3]);
        assert_eq!(
            ours,
            "impl Foo {\n    #![allow(unused)]\n    fn a() {}\n\n    fn b() {}\n}\n"
        );
    }

    #[test]
    fn a_header_over_several_lines_keeps_its_where_clause() {
        let (whole, ours) = both(ADVERSARIAL[2]);
        assert!(whole.contains("\nwhere\n"), "{whole}");
        let head_end = whole.find("\n{\n").unwrap() + 3;
        assert!(ours.starts_with(&whole[..head_end]), "{ours}");
        assert!(ours.contains("type Out = T;\n\n    fn first"), "{ours}");
    }
}
