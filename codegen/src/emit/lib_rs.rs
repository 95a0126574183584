//! The crate root, with its front page, and the module indexes.
//!
//! ```ignore
//! //! intro, the service's guide (`guide.md`), and an index of the actions by group
//! #![forbid(unsafe_code)]
//! pub mod actions; mod client; mod dispatch; pub mod models;
//! pub use client::{Client, SERVICE};
//! pub use dispatch::{call, prepare, ACTION_NAMES};
//! pub use <runtime> as runtime;
//! pub use runtime::{Config, Error, ..};
//! #[doc(hidden)] pub use actions::x::{XRequest, XResponse, XBuilder};  // short paths, kept out of the docs
//! use <runtime>::codegen_support as rt;
//! ```

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::{File, docs};
use crate::ir::Service;
use crate::naming::ident;

pub fn emit(s: &Service) -> File {
    let mut file = File::new(front_page(s));
    file.attrs.push(quote!(#![forbid(unsafe_code)]));
    file.attrs.push(quote!(#![warn(missing_docs)]));
    let runtime = runtime_path(s);
    file.push(quote! {
        pub mod actions;
        mod client;
        pub mod codes;
        mod dispatch;
        pub mod models;
        pub mod schema;
        mod waiters;
    });
    file.push(quote! {
        pub use client::{Client, SERVICE};
        pub use dispatch::{call, prepare, ACTION_NAMES};
        #[doc(hidden)]
        pub use dispatch::by_name;
        pub use #runtime as runtime;
        pub use runtime::{
            Action, ApiError, Config, ConfigError, Credential, Error, HttpError, Number,
            RetryPolicy, Rule, UnknownEnumValue, UnknownFields, UnknownValue, ValidationError,
            Violation,
        };
    });
    for a in &s.actions {
        let module = ident(&a.module);
        let (req, resp, builder) = (
            ident(&a.request_type),
            ident(&a.response_type),
            ident(&a.builder_type),
        );
        file.push(quote! {
            #[doc(hidden)]
            pub use actions::#module::{#req, #resp, #builder};
        });
    }
    for (name, module) in unambiguous_enums(s) {
        let name = ident(&name);
        file.push(quote! {
            #[doc(hidden)]
            pub use #module::#name;
        });
    }
    file.push(quote!(use #runtime::codegen_support as rt;));
    file
}

/// The runtime crate as a path.
pub fn runtime_path(s: &Service) -> TokenStream {
    let segments = s.runtime.split("::").map(ident);
    quote!(#(#segments)::*)
}

/// Enums whose name only one action uses, with the module that defines them; the crate root
/// re-exports them, so building a request needs no module path. Model enums stay in their
/// model's module.
fn unambiguous_enums(s: &Service) -> Vec<(String, TokenStream)> {
    let mut by_name: BTreeMap<String, Vec<TokenStream>> = BTreeMap::new();
    let taken: Vec<&str> = s
        .actions
        .iter()
        .flat_map(|a| [&a.request_type, &a.response_type, &a.builder_type])
        .chain(s.models.iter().map(|m| &m.type_name))
        .map(String::as_str)
        .chain(["Client", "Config", "Error", "Action", "Rule", "Number"])
        .collect();
    for a in &s.actions {
        let module = ident(&a.module);
        for e in &a.enums {
            by_name
                .entry(e.name.clone())
                .or_default()
                .push(quote!(actions::#module));
        }
    }
    by_name
        .into_iter()
        .filter(|(name, modules)| modules.len() == 1 && !taken.contains(&name.as_str()))
        .map(|(name, mut modules)| (name, modules.remove(0)))
        .collect()
}

fn front_page(s: &Service) -> String {
    let mut doc = format!("Typed, validated client for the {} API", s.name);
    if !s.product.is_empty() {
        doc.push_str(&format!(" ({})", docs::escape(&s.product)));
    }
    doc.push_str(&format!(", at <{}>.", s.base_url));
    if !s.description.is_empty() {
        doc.push_str("\n\n");
        doc.push_str(&docs::escape(&s.description));
    }
    doc.push_str(
        "\n\nEvery action is a method on [`Client`] that returns a fluent builder ending in \
         `.send().await`. Requests are validated against the API's documented constraints \
         before anything is sent, and responses are decoded tolerantly and losslessly. This \
         crate is generated from `specs/` by `cargo xtask codegen`.",
    );
    if !s.guide.trim().is_empty() {
        doc.push_str("\n\n");
        doc.push_str(s.guide.trim_end());
    }
    doc.push_str("\n\n# Actions\n");
    for group in &s.groups {
        doc.push_str(&format!("\n## {}\n", group.name));
        if !group.description.is_empty() {
            doc.push('\n');
            doc.push_str(&docs::escape(&group.description));
            doc.push('\n');
        }
        doc.push('\n');
        for wire in &group.actions {
            let Some(a) = s.actions.iter().find(|a| &a.wire == wire) else {
                continue;
            };
            let summary = if a.summary.is_empty() {
                docs::code(&a.wire)
            } else {
                docs::escape(&a.summary)
            };
            doc.push_str(&format!(
                "- [`{m}`](Client::{m}): {summary}\n",
                m = a.method
            ));
        }
    }
    doc
}

/// `actions/mod.rs`.
pub fn actions_index(s: &Service) -> File {
    let mut file = File::new("One module per action: its request, builder, response and enums.");
    let modules = s.actions.iter().map(|a| {
        let module = ident(&a.module);
        let doc = docs::attrs(&format!("{}.", docs::code(&a.wire)));
        quote! { #doc pub mod #module; }
    });
    file.push(quote!(#(#modules)*));
    file
}

/// `models/mod.rs`.
pub fn models_index(s: &Service) -> File {
    let mut file =
        File::new("Models shared by requests and responses, one module each with its enums.");
    for m in &s.models {
        let module = ident(&m.module);
        let doc = docs::attrs(&format!("{}.", docs::code(&m.wire)));
        file.push(quote! { #doc pub mod #module; });
    }
    for m in &s.models {
        let (module, name) = (ident(&m.module), ident(&m.type_name));
        file.push(quote!(pub use #module::#name;));
    }
    file
}
