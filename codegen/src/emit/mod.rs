//! Emitting the generated crate: one module per construct, one file per action and model.
//!
//! Each emitter returns the items of a file as tokens; [`crate::format`] prints them one item
//! at a time. A table with an entry per action arrives already printed by
//! [`crate::format::array`], so that its tokens are never all held at once.

mod action;
mod builder;
mod client;
mod codes;
mod dispatch;
mod docs;
mod enums;
mod lib_rs;
mod model;
mod paging;
mod request;
mod response;
mod schema;
mod setters;
mod structs;
mod types;
mod validate;
mod waiters;
mod wire_tests;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};

use crate::ir::Service;

/// One generated Rust file: its inner doc text, inner attributes, and items.
pub struct File {
    /// The `//!` text, without the slashes; empty for none.
    pub docs: String,
    /// Inner attributes, such as `#![allow(deprecated)]`.
    pub attrs: Vec<TokenStream>,
    pub items: Vec<Item>,
}

/// Part of a file: one or more syntactic items.
pub enum Item {
    Tokens(TokenStream),
    /// Already printed by [`crate::format::array`]: a table with an entry per action, whose
    /// tokens are never all held at once.
    Printed(String),
}

impl File {
    pub fn new(docs: impl Into<String>) -> Self {
        Self {
            docs: docs.into(),
            attrs: Vec::new(),
            items: Vec::new(),
        }
    }

    pub fn push(&mut self, tokens: TokenStream) {
        self.items.push(Item::Tokens(tokens));
    }

    pub fn extend(&mut self, tokens: impl IntoIterator<Item = TokenStream>) {
        self.items.extend(tokens.into_iter().map(Item::Tokens));
    }
}

/// One generated file, by what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRole {
    Lib,
    Client,
    Dispatch,
    ActionsIndex,
    ModelsIndex,
    Codes,
    Waiters,
    Schema,
    WireMain,
    Action(usize),
    WireTest(usize),
    Model(usize),
}

/// Every file of the generated crate: its path relative to the crate root, and what it holds.
pub fn files(s: &Service) -> Vec<(String, FileRole)> {
    let mut out = vec![
        ("src/lib.rs".to_owned(), FileRole::Lib),
        ("src/client.rs".to_owned(), FileRole::Client),
        ("src/dispatch.rs".to_owned(), FileRole::Dispatch),
        ("src/actions/mod.rs".to_owned(), FileRole::ActionsIndex),
        ("src/models/mod.rs".to_owned(), FileRole::ModelsIndex),
        ("src/codes.rs".to_owned(), FileRole::Codes),
        ("src/waiters.rs".to_owned(), FileRole::Waiters),
        ("src/schema.rs".to_owned(), FileRole::Schema),
        ("tests/wire/main.rs".to_owned(), FileRole::WireMain),
    ];
    for (i, a) in s.actions.iter().enumerate() {
        out.push((format!("src/actions/{}.rs", a.module), FileRole::Action(i)));
        out.push((format!("tests/wire/{}.rs", a.module), FileRole::WireTest(i)));
    }
    for (i, m) in s.models.iter().enumerate() {
        out.push((format!("src/models/{}.rs", m.module), FileRole::Model(i)));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The items of one file. An error is a generator bug.
pub fn emit(s: &Service, kind: FileRole) -> Result<File, String> {
    Ok(match kind {
        FileRole::Lib => lib_rs::emit(s),
        FileRole::Client => client::emit(s),
        FileRole::Dispatch => dispatch::emit(s),
        FileRole::ActionsIndex => lib_rs::actions_index(s),
        FileRole::ModelsIndex => lib_rs::models_index(s),
        FileRole::Codes => codes::emit(s),
        FileRole::Waiters => waiters::emit(s),
        FileRole::Schema => schema::emit(s)?,
        FileRole::WireMain => wire_tests::main_rs(s),
        FileRole::Action(i) => action::emit(s, &s.actions[i]),
        FileRole::WireTest(i) => wire_tests::action_rs(s, &s.actions[i]),
        FileRole::Model(i) => model::emit(&s.models[i]),
    })
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
