//! One action's module: its enums, request, fluent builder, client method and response.

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::{self, Role};
use super::{docs, enums, impls, types};
use crate::ir::{Action, Field, Ty};
use crate::naming::ident;
use crate::spec::keys;

pub fn emit(a: &Action) -> TokenStream {
    let deprecated = a
        .request
        .iter()
        .chain(&a.response)
        .any(|f| f.deprecated.is_some());
    let allow = if deprecated {
        quote!(#![allow(deprecated)])
    } else {
        quote!()
    };
    let module_doc = inner_docs(&module_doc(a));
    let enums = a.enums.iter().map(enums::emit);
    let request = request(a);
    let builder = builder(a);
    let response = response(a);
    let paging = paging(a);
    quote! {
        #(#module_doc)*
        #allow
        use crate::rt;

        #(#enums)*
        #request
        #builder
        #response
        #paging
    }
}

/// `//!` lines.
pub fn inner_docs(text: &str) -> Vec<TokenStream> {
    text.lines()
        .map(|l| {
            let l = format!(" {l}").trim_end().to_owned();
            quote!(#![doc = #l])
        })
        .collect()
}

fn module_doc(a: &Action) -> String {
    let mut doc = docs::code(&a.wire);
    if !a.summary.is_empty() {
        doc.push_str(": ");
        doc.push_str(&docs::escape(&a.summary));
    }
    doc.push('.');
    if !a.description.is_empty() && a.description != a.summary {
        doc.push_str("\n\n");
        doc.push_str(&docs::escape(&a.description));
    }
    doc
}

fn request(a: &Action) -> TokenStream {
    let name = ident(&a.request_type);
    let response = ident(&a.response_type);
    let wire = &a.wire;
    let retryable = a.retryable;
    let method = &a.method;
    let doc = format!(
        "Request of {}. Send it with [`Client::send`](crate::Client::send), or build it with [`Client::{method}`](crate::Client::{method}).",
        docs::code(wire)
    );
    let def = structs::emit(
        &a.request_type,
        &doc,
        &a.request,
        Role {
            request: true,
            response: false,
        },
    );
    let traits = impls::request_traits(&name, &a.request);
    let common = keys::COMMON_PARAMS.map(|wire| {
        match a
            .request
            .iter()
            .find(|f| f.wire == wire && f.presence.is_common())
        {
            Some(f) => {
                let field = ident(&f.ident);
                quote!(::core::option::Option::Some(&mut self.#field))
            }
            None => quote!(::core::option::Option::None),
        }
    });
    let [region, zone, project_id] = common;
    quote! {
        #def

        impl #name {
            /// Checks every constraint of the spec and reports every violation. The client
            /// runs this after filling common params from its config, before sending.
            pub fn validate(&self) -> ::core::result::Result<(), rt::ValidationError> {
                rt::validate::validate(self, #wire)
            }
        }

        #traits

        impl rt::Action for #name {
            const NAME: &'static str = #wire;
            const RETRYABLE: bool = #retryable;
            type Response = #response;

            fn common(&mut self) -> rt::Common<'_> {
                rt::Common {
                    region: #region,
                    zone: #zone,
                    project_id: #project_id,
                }
            }
        }
    }
}

fn builder(a: &Action) -> TokenStream {
    let name = ident(&a.builder_type);
    let request = ident(&a.request_type);
    let response = ident(&a.response_type);
    let method = ident(&a.method);
    let setters = a.request.iter().map(setter);
    let doc = format!(
        "Builds and sends {}: set fields, then call [`send`](Self::send).",
        docs::code(&a.wire)
    );
    let mut method_doc = if a.summary.is_empty() {
        docs::code(&a.wire)
    } else {
        docs::escape(&a.summary)
    };
    if !a.description.is_empty() && a.description != a.summary {
        method_doc.push_str("\n\n");
        method_doc.push_str(&docs::escape(&a.description));
    }
    method_doc.push_str(&format!(
        "\n\nSends {}. {}",
        docs::code(&a.wire),
        if a.retryable {
            "Transient failures are retried."
        } else {
            "Never retried automatically: it is not safe to send twice."
        }
    ));
    let doc = docs::attrs(&doc);
    let method_doc = docs::attrs(&method_doc);
    quote! {
        #doc
        #[derive(Clone, Debug)]
        pub struct #name {
            client: crate::Client,
            request: #request,
        }

        impl #name {
            #(#setters)*

            /// The request built so far.
            pub fn request(&self) -> &#request {
                &self.request
            }

            /// The request built so far, to send later with [`Client::send`](crate::Client::send).
            pub fn into_request(self) -> #request {
                self.request
            }

            /// Fills common params from the client config, validates, and sends the request.
            pub async fn send(self) -> ::core::result::Result<#response, crate::Error> {
                self.client.send(self.request).await
            }
        }

        impl crate::Client {
            #method_doc
            pub fn #method(&self) -> #name {
                #name {
                    client: self.clone(),
                    request: ::core::default::Default::default(),
                }
            }
        }
    }
}

/// `Paged` for list actions, and the builder's `paginate`.
fn paging(a: &Action) -> TokenStream {
    let Some(p) = &a.pagination else {
        return TokenStream::new();
    };
    let request = ident(&a.request_type);
    let response = ident(&a.response_type);
    let builder = ident(&a.builder_type);
    let item = match &p.items.ty {
        Ty::List(inner) => types::scalar(inner),
        other => types::scalar(other),
    };
    let read = |f: &Field| {
        let field = ident(&f.ident);
        if f.is_option() {
            quote!(self.#field)
        } else {
            quote!(::core::option::Option::Some(self.#field))
        }
    };
    let write = |f: &Field, value: TokenStream| {
        let field = ident(&f.ident);
        if f.is_option() {
            quote!(self.#field = ::core::option::Option::Some(#value);)
        } else {
            quote!(self.#field = #value;)
        }
    };
    let (offset, limit) = (read(&p.offset), read(&p.limit));
    let (set_offset, set_limit) = (
        write(&p.offset, quote!(offset)),
        write(&p.limit, quote!(limit)),
    );
    let items = ident(&p.items.ident);
    let total = match &p.total {
        Some(f) => {
            let field = ident(&f.ident);
            if f.is_option() {
                quote!(response.#field)
            } else {
                quote!(::core::option::Option::Some(response.#field))
            }
        }
        None => quote!(::core::option::Option::None),
    };
    let response_param = if p.total.is_some() {
        quote!(response)
    } else {
        quote!(_response)
    };
    let page_size = p.page_size;
    let doc = docs::attrs(&format!(
        "Walks every page of {}: `Offset` moves by the page size (`Limit`, or {page_size} when unset) until {} or a page comes back short or empty.",
        docs::code(&a.wire),
        match &p.total {
            Some(f) => format!("{} is reached", docs::code(&f.wire)),
            None => "the list ends".to_owned(),
        }
    ));
    quote! {
        impl rt::Paged for #request {
            type Item = #item;
            const PAGE_SIZE: i64 = #page_size;

            fn window(&self) -> (::core::option::Option<i64>, ::core::option::Option<i64>) {
                (#offset, #limit)
            }

            fn set_window(&mut self, offset: i64, limit: i64) {
                #set_offset
                #set_limit
            }

            fn items(response: &#response) -> &[Self::Item] {
                &response.#items
            }

            fn into_items(response: #response) -> ::std::vec::Vec<Self::Item> {
                response.#items
            }

            fn total(#response_param: &#response) -> ::core::option::Option<i64> {
                #total
            }
        }

        impl #builder {
            #doc
            pub fn paginate(self) -> rt::Paginator<#request> {
                rt::Paginator::new(self.client.runtime().clone(), self.request)
            }
        }
    }
}

fn setter(f: &Field) -> TokenStream {
    let field = ident(&f.ident);
    let setter = ident(&f.setter);
    let doc = docs::attrs(&format!(
        "Sets {}. {}",
        docs::code(&f.wire),
        first_sentence(&f.description)
    ));
    let deprecated = if f.deprecated.is_some() {
        quote!(#[deprecated])
    } else {
        quote!()
    };
    let body = match &f.ty {
        Ty::List(inner) => {
            let inner = types::scalar(inner);
            return quote! {
                #doc #deprecated
                pub fn #setter<T: ::core::convert::Into<#inner>>(mut self, values: impl ::core::iter::IntoIterator<Item = T>) -> Self {
                    self.request.#field = values.into_iter().map(::core::convert::Into::into).collect();
                    self
                }
            };
        }
        Ty::Model { boxed: true, .. } => quote!(::core::option::Option::Some(
            ::std::boxed::Box::new(value.into())
        )),
        _ if f.is_option() => quote!(::core::option::Option::Some(value.into())),
        _ => quote!(value.into()),
    };
    let value_ty = match &f.ty {
        Ty::Model { .. } => types::model_name(&f.ty).unwrap_or_default(),
        other => types::scalar(other),
    };
    quote! {
        #doc #deprecated
        pub fn #setter(mut self, value: impl ::core::convert::Into<#value_ty>) -> Self {
            self.request.#field = #body;
            self
        }
    }
}

fn first_sentence(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    let end = line
        .find('。')
        .map(|i| i + '。'.len_utf8())
        .unwrap_or(line.len());
    docs::escape(&line[..end])
}

fn response(a: &Action) -> TokenStream {
    let name = ident(&a.response_type);
    let doc = format!(
        "Response of {}. Decoding is tolerant: unknown fields are ignored, and missing or drifted values become `None` or empty.",
        docs::code(&a.wire)
    );
    let def = structs::emit(
        &a.response_type,
        &doc,
        &a.response,
        Role {
            request: false,
            response: true,
        },
    );
    let traits = impls::response_traits(&name, &a.response);
    quote! {
        #def

        #traits
    }
}
