//! One action's module: its enums, request, fluent builder, client method and response.
//!
//! ```ignore
//! //! `DescribeCompShareImages`: summary.
//! use crate::rt;
//! pub enum ImageType { .. }                          // see `enums`
//! pub struct DescribeCompShareImagesRequest { .. }   // see `structs`, `request`
//! impl DescribeCompShareImagesRequest { pub fn validate(&self) -> Result<(), crate::ValidationError> }
//! impl DescribeCompShareImagesRequest { pub fn limit(self, ..) -> Self; .. }  // see `setters`
//! impl rt::Action for DescribeCompShareImagesRequest { const NAME; const RETRYABLE; type Response; fn common(..) }
//! pub struct DescribeCompShareImagesBuilder { .. }   // see `builder`
//! pub struct DescribeCompShareImagesResponse { .. }  // see `structs`, `response`
//! impl rt::Paged for DescribeCompShareImagesRequest { .. }  // list actions, see `paging`
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::{self, Role};
use super::{File, builder, docs, enums, paging, request, response, setters};
use crate::ir::{Action, Service};
use crate::naming::ident;
use crate::spec::{RequestBody, ResponseBody, keys};

pub fn emit(_s: &Service, a: &Action) -> File {
    let mut file = File::new(module_doc(a));
    let deprecated = a
        .request
        .iter()
        .chain(&a.response)
        .any(|f| f.deprecated.is_some());
    if deprecated {
        file.attrs.push(quote!(#![allow(deprecated)]));
    }
    file.push(quote!(
        use crate::rt;
    ));
    file.extend(a.enums.iter().map(enums::emit));
    file.push(request_items(a));
    file.push(builder::emit(a));
    file.push(response_items(a));
    file.push(paging::emit(a));
    file
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

fn request_items(a: &Action) -> TokenStream {
    let name = ident(&a.request_type);
    let response = ident(&a.response_type);
    let wire = &a.wire;
    let retryable = a.retryable;
    let method = &a.method;
    let doc = format!(
        "Request of {}. Send it with [`Client::send`](crate::Client::send), or build it with [`Client::{method}`](crate::Client::{method}).\n\n{}",
        docs::code(wire),
        docs::BUILT_WITH_SETTERS,
    );
    let def = structs::emit(
        &a.request_type,
        &doc,
        &a.request,
        &a.enums,
        Role { response: false },
    );
    let setters = setters::emit(&name, &a.request, &a.enums);
    let traits = request::traits(&name, &a.request, false);
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
    let mut consts = TokenStream::new();
    if !a.retry_codes.is_empty() {
        let codes = &a.retry_codes;
        consts.extend(quote!(const RETRY_CODES: &'static [i64] = &[#(#codes),*];));
    }
    if let Some(ms) = a.retry_backoff_ms {
        consts.extend(quote!(const RETRY_BACKOFF_MS: u64 = #ms;));
    }
    if a.request_body == RequestBody::Json {
        consts.extend(quote!(
            const REQUEST_BODY: rt::RequestBody = rt::RequestBody::Json;
        ));
    }
    if a.response_body == ResponseBody::Bytes {
        consts.extend(quote!(
            const DOWNLOAD: bool = true;
        ));
    }
    if !a.sensitive.is_empty() {
        let names = &a.sensitive;
        consts.extend(quote!(const SENSITIVE: &'static [&'static str] = &[#(#names),*];));
    }
    quote! {
        #def

        impl #name {
            /// Checks every constraint of the spec and reports every violation. The client
            /// runs this after filling common params from its config, before sending.
            pub fn validate(&self) -> ::core::result::Result<(), crate::ValidationError> {
                rt::validate(self, #wire)
            }
        }

        #setters

        #traits

        impl rt::Action for #name {
            const NAME: &'static str = #wire;
            const RETRYABLE: bool = #retryable;
            #consts
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

fn response_items(a: &Action) -> TokenStream {
    let name = ident(&a.response_type);
    let doc = format!(
        "Response of {}. Decoding is tolerant and lossless: missing or drifted values become `None` or empty, and whatever does not fit is kept in [`unknown_fields`](Self::unknown_fields).\n\n{}",
        docs::code(&a.wire),
        docs::BUILT_BY_ASSIGNMENT,
    );
    let def = structs::emit(
        &a.response_type,
        &doc,
        &a.response,
        &a.enums,
        Role { response: true },
    );
    let traits = response::traits(&name, &a.response);
    quote! {
        #def
        #traits
    }
}
