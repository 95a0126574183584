//! The fluent builder of an action and the client method that starts it.
//!
//! ```ignore
//! pub struct XBuilder { client: crate::Client, request: XRequest }
//! impl XBuilder {
//!     /// Sets `Limit`. facts
//!     pub fn limit(mut self, value: impl Into<i64>) -> Self { .. }   // calls XRequest::limit
//!     pub fn request(&self) -> &XRequest;  pub fn into_request(self) -> XRequest;
//!     pub async fn send(self) -> Result<XResponse, crate::Error>;
//! }
//! impl crate::Client { pub fn x(&self) -> XBuilder }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, setters};
use crate::ir::{Action, Field};
use crate::naming::ident;
use crate::spec::ResponseBody;

pub fn emit(a: &Action) -> TokenStream {
    let name = ident(&a.builder_type);
    let request = ident(&a.request_type);
    let response = ident(&a.response_type);
    let method = ident(&a.method);
    let setters = a.request.iter().map(|f| setter(f, a));
    let doc = docs::attrs(&format!(
        "Builds and sends {}: set fields, then call [`send`](Self::send).",
        docs::code(&a.wire)
    ));
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
    if let Some(reason) = &a.unavailable {
        method_doc.push_str(&format!(
            "\n\n**Not served in production:** {}",
            docs::escape(reason)
        ));
    }
    let method_doc = docs::attrs(&method_doc);
    let unavailable = a.unavailable.as_ref().map(|reason| {
        let note = format!("not served in production: {reason}");
        quote!(#[deprecated(note = #note)])
    });
    let send = if a.response_body == ResponseBody::Bytes {
        quote! {
            /// Fills common params from the client config, validates, and sends the request;
            /// the answer is a file, handed over as a stream.
            pub async fn send(self) -> ::core::result::Result<crate::runtime::Download, crate::Error> {
                self.client.runtime().download(self.request).await
            }
        }
    } else {
        quote! {
            /// Fills common params from the client config, validates, and sends the request.
            pub async fn send(self) -> ::core::result::Result<#response, crate::Error> {
                self.client.send(self.request).await
            }
        }
    };
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

            #send
        }

        impl crate::Client {
            #method_doc
            #unavailable
            pub fn #method(&self) -> #name {
                #name {
                    client: self.clone(),
                    request: ::core::default::Default::default(),
                }
            }
        }
    }
}

/// Forwards to the request's setter of the same name, the one implementation.
fn setter(f: &Field, a: &Action) -> TokenStream {
    let setter = ident(&f.setter);
    let setters::Signature { head, arg } = setters::signature(f, &a.enums, false);
    quote! {
        #head -> Self {
            self.request = self.request.#setter(#arg);
            self
        }
    }
}
