//! The crate's fixed files: `lib.rs`, the client, by-name dispatch, and module indexes.

use proc_macro2::TokenStream;
use quote::quote;

use super::action::inner_docs;
use super::docs;
use crate::ir::Service;
use crate::naming::ident;

pub fn lib_rs(s: &Service) -> TokenStream {
    let mut doc = format!("Typed, validated client for the {} API", s.name);
    if !s.product.is_empty() {
        doc.push_str(&format!(" ({})", docs::escape(&s.product)));
    }
    doc.push_str(&format!(
        ", at <{}>.\n\nEvery action is a method on [`Client`] that returns a fluent builder ending in `.send().await`; \
         requests can also be built as structs and sent with [`Client::send`]. Requests are validated against the \
         API's documented constraints before anything is sent, and responses are decoded tolerantly.\n\n\
         This crate is generated from `specs/` by `cargo xtask codegen`.",
        s.base_url
    ));
    if !s.description.is_empty() {
        doc.push_str("\n\n");
        doc.push_str(&docs::escape(&s.description));
    }
    let doc = inner_docs(&doc);
    let reexports = s.actions.iter().map(|a| {
        let module = ident(&a.module);
        let (req, resp, builder) = (
            ident(&a.request_type),
            ident(&a.response_type),
            ident(&a.builder_type),
        );
        quote!(pub use actions::#module::{#req, #resp, #builder};)
    });
    quote! {
        #(#doc)*
        #![forbid(unsafe_code)]

        pub mod actions;
        mod client;
        mod dispatch;
        pub mod models;

        pub use client::Client;
        pub use compshare_runtime as runtime;
        pub use dispatch::{call, prepare, ACTIONS};
        pub use runtime::{
            Action, ApiError, Config, ConfigError, Credential, Error, HttpError, RetryPolicy, Rule,
            ValidationError, Violation,
        };
        #(#reexports)*

        use compshare_runtime as rt;
    }
}

pub fn client_rs() -> TokenStream {
    quote! {
        use crate::rt;

        /// The CompShare API client. Cheap to clone: clones share one connection pool.
        ///
        /// Each action has a method here that returns a fluent builder; a request built as a
        /// struct goes through [`Client::send`].
        #[derive(Clone, Debug)]
        pub struct Client {
            inner: rt::Client,
        }

        impl Client {
            /// A client with this config.
            pub fn new(config: rt::Config) -> ::core::result::Result<Self, rt::ConfigError> {
                ::core::result::Result::Ok(Self { inner: rt::Client::new(config)? })
            }

            /// A client configured from `COMPSHARE_*` environment variables or the profile file;
            /// see [`Config::from_env`](rt::Config::from_env).
            pub fn from_env() -> ::core::result::Result<Self, rt::ConfigError> {
                ::core::result::Result::Ok(Self { inner: rt::Client::from_env()? })
            }

            pub fn config(&self) -> &rt::Config {
                self.inner.config()
            }

            /// The runtime client underneath, for lower-level calls.
            pub fn runtime(&self) -> &rt::Client {
                &self.inner
            }

            /// Fills the request's unset common params from the config, validates it, sends it,
            /// and decodes the response.
            pub async fn send<A: rt::Action>(&self, request: A) -> ::core::result::Result<A::Response, rt::Error> {
                self.inner.send(request).await
            }
        }
    }
}

pub fn dispatch_rs(s: &Service) -> TokenStream {
    let names: Vec<&str> = s.actions.iter().map(|a| a.wire.as_str()).collect();
    let entries = s.actions.iter().map(|a| {
        let module = ident(&a.module);
        let request = ident(&a.request_type);
        quote!(rt::ByName::of::<crate::actions::#module::#request>(),)
    });
    quote! {
        use crate::rt;

        /// The wire name of every action, sorted.
        pub const ACTIONS: &[&str] = &[#(#names),*];

        /// Every action by name, sorted like [`ACTIONS`].
        static TABLE: &[rt::ByName] = &[#(#entries)*];

        /// Calls an action by its wire name with wire-style params such as `Limit=20`,
        /// `UHostIds.0=uhost-1` or `Disks.0.Size=60`, and returns the typed response as JSON.
        ///
        /// The params are read into the action's typed request, so its types and validation
        /// apply: every problem (an unknown name, a bad number, a value outside a closed enum,
        /// a broken constraint) is reported in one [`Error::Validation`](crate::Error::Validation),
        /// and nothing is sent.
        pub async fn call(
            client: &crate::Client,
            action: &str,
            params: &[(::std::string::String, ::std::string::String)],
        ) -> ::core::result::Result<::serde_json::Value, crate::Error> {
            let entry = rt::by_name::find(TABLE, action)?;
            client.runtime().call_by_name(entry, params).await
        }

        /// What [`call`] would send, without sending it: the action's params read, filled from
        /// the config, validated and encoded (without `Action`, `PublicKey` and `Signature`).
        pub fn prepare(
            client: &crate::Client,
            action: &str,
            params: &[(::std::string::String, ::std::string::String)],
        ) -> ::core::result::Result<::std::vec::Vec<(::std::string::String, ::std::string::String)>, crate::Error> {
            let entry = rt::by_name::find(TABLE, action)?;
            ::core::result::Result::Ok((entry.prepare)(client.runtime(), params)?)
        }
    }
}

/// `actions/mod.rs` or `models/mod.rs`.
pub fn module_index(doc: &str, modules: &[(String, Option<String>)]) -> TokenStream {
    let doc = inner_docs(doc);
    let items = modules.iter().map(|(module, reexport)| {
        let module = ident(module);
        match reexport {
            Some(name) => {
                let name = ident(name);
                quote! { pub mod #module; pub use #module::#name; }
            }
            None => quote!(pub mod #module;),
        }
    });
    quote! {
        #(#doc)*
        #(#items)*
    }
}
