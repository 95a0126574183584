//! One model's module: its enums, struct, and the impls its uses need.

use proc_macro2::TokenStream;
use quote::quote;

use super::action::inner_docs;
use super::structs::{self, Role};
use super::{docs, enums, impls};
use crate::ir::Model;
use crate::naming::ident;

pub fn emit(m: &Model) -> TokenStream {
    let name = ident(&m.type_name);
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
        impls::request_traits(&name, &m.fields)
    } else {
        quote!()
    };
    let response_impls = if m.in_response {
        impls::response_traits(&name, &m.fields)
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
