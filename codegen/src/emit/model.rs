//! One model's module: its enums, struct, and the impls its uses need.

use proc_macro2::TokenStream;
use quote::quote;

use super::action::inner_docs;
use super::structs::{self, Role};
use super::{docs, enums, impls, param};
use crate::ir::Model;
use crate::naming::ident;

pub fn emit(m: &Model) -> TokenStream {
    let name = ident(&m.type_name);
    let type_name = m.type_name.as_str();
    let allow = if m.fields.iter().any(|f| f.deprecated.is_some()) {
        quote!(#![allow(deprecated)])
    } else {
        quote!()
    };
    let mut doc = docs::code(&m.wire);
    if !m.description.is_empty() {
        doc.push_str(": ");
        doc.push_str(&docs::escape(&m.description));
    }
    let module_doc = inner_docs(&doc);
    let enums = m.enums.iter().map(enums::emit);
    let def = structs::emit(
        &m.type_name,
        &doc,
        &m.fields,
        Role {
            request: m.in_request,
            response: m.in_response,
        },
    );
    let request_impls = if m.in_request {
        let encode = impls::encode(&m.fields);
        let validate = impls::validate(&m.fields);
        let read = impls::read(&m.fields);
        let (w, v, r) = (
            param("w", &encode),
            param("v", &validate),
            param("r", &read),
        );
        quote! {
            impl rt::EncodeForm for #name {
                fn encode_form(&self, #w: &mut rt::FormWriter<'_>) {
                    #encode
                }
            }

            impl rt::Validate for #name {
                fn validate_into(&self, #v: &mut rt::Violations) {
                    #validate
                }
            }

            impl rt::FromParams for #name {
                fn read_params(#r: &mut rt::ParamReader<'_>) -> Self {
                    #read
                }
            }
        }
    } else {
        quote!()
    };
    let response_impls = if m.in_response {
        let decode = impls::decode(&m.fields);
        let f = if m.fields.is_empty() {
            param("f", &TokenStream::new())
        } else {
            param("f", &decode)
        };
        quote! {
            impl rt::Decode for #name {
                fn decode(value: &::serde_json::Value) -> ::core::option::Option<Self> {
                    value.as_object()?;
                    let #f = rt::decode::Fields::new(value, #type_name);
                    ::core::option::Option::Some(#decode)
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    rt::decode::deserialize(deserializer)
                }
            }
        }
    } else {
        quote!()
    };
    quote! {
        #(#module_doc)*
        #allow
        use crate::rt;

        #(#enums)*
        #def
        #request_impls
        #response_impls
    }
}
