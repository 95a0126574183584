//! Emitting the generated crate: one module per construct, one file per action and model.

mod action;
mod crate_files;
mod docs;
mod enums;
mod impls;
mod model;
mod structs;
mod types;
mod wire_tests;

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream, TokenTree};

use crate::ir::Service;

/// Every generated file as tokens, keyed by path relative to the crate root.
pub fn emit(s: &Service) -> BTreeMap<String, TokenStream> {
    let mut files = BTreeMap::new();
    files.insert("src/lib.rs".to_owned(), crate_files::lib_rs(s));
    files.insert("src/client.rs".to_owned(), crate_files::client_rs());
    files.insert("src/dispatch.rs".to_owned(), crate_files::dispatch_rs(s));
    let actions: Vec<(String, Option<String>)> =
        s.actions.iter().map(|a| (a.module.clone(), None)).collect();
    files.insert(
        "src/actions/mod.rs".to_owned(),
        crate_files::module_index(
            "One module per action: its request, builder, response and enums.",
            &actions,
        ),
    );
    let models: Vec<(String, Option<String>)> = s
        .models
        .iter()
        .map(|m| (m.module.clone(), Some(m.type_name.clone())))
        .collect();
    files.insert(
        "src/models/mod.rs".to_owned(),
        crate_files::module_index(
            "Models shared by requests and responses, one module each with its enums.",
            &models,
        ),
    );
    for a in &s.actions {
        files.insert(format!("src/actions/{}.rs", a.module), action::emit(a));
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
