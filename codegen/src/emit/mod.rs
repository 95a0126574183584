//! Emitting the generated crate: one module per construct, one file per action and model.
//!
//! Each emitter returns the items of a file as tokens; [`crate::format`] prints them one item
//! at a time.

mod action;
mod builder;
mod client;
mod dispatch;
mod docs;
mod enums;
mod lib_rs;
mod model;
mod paging;
mod request;
mod response;
mod structs;
mod types;
mod validate;
mod wire_tests;

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};

use crate::ir::Service;

/// One generated Rust file: its inner doc text, inner attributes, and items.
pub struct File {
    /// The `//!` text, without the slashes; empty for none.
    pub docs: String,
    /// Inner attributes, such as `#![allow(deprecated)]`.
    pub attrs: Vec<TokenStream>,
    /// The items, each one or more syntactic items.
    pub items: Vec<TokenStream>,
}

impl File {
    pub fn new(docs: impl Into<String>) -> Self {
        Self {
            docs: docs.into(),
            attrs: Vec::new(),
            items: Vec::new(),
        }
    }
}

/// Every generated file, keyed by path relative to the crate root.
pub fn emit(s: &Service) -> BTreeMap<String, File> {
    let mut files = BTreeMap::new();
    files.insert("src/lib.rs".to_owned(), lib_rs::emit(s));
    files.insert("src/client.rs".to_owned(), client::emit(s));
    files.insert("src/dispatch.rs".to_owned(), dispatch::emit(s));
    files.insert("src/actions/mod.rs".to_owned(), lib_rs::actions_index(s));
    files.insert("src/models/mod.rs".to_owned(), lib_rs::models_index(s));
    for a in &s.actions {
        files.insert(format!("src/actions/{}.rs", a.module), action::emit(s, a));
        files.insert(
            format!("tests/wire/{}.rs", a.module),
            wire_tests::action_rs(s, a),
        );
    }
    for m in &s.models {
        files.insert(format!("src/models/{}.rs", m.module), model::emit(m));
    }
    files.insert("tests/wire/main.rs".to_owned(), wire_tests::main_rs(s));
    files
}

/// A parameter name, prefixed with `_` when the body never uses it.
fn param(name: &str, body: &TokenStream) -> Ident {
    if uses(body, name) {
        Ident::new(name, Span::call_site())
    } else {
        Ident::new(&format!("_{name}"), Span::call_site())
    }
}

fn uses(tokens: &TokenStream, name: &str) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        TokenTree::Ident(i) => i == name,
        TokenTree::Group(g) => uses(&g.stream(), name),
        _ => false,
    })
}
