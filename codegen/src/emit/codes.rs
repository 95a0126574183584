//! `codes.rs`: the error codes the service documents, as constants with their messages.
//!
//! ```ignore
//! /// `226601`: 实例已欠费，请前往订单管理支付欠费订单
//! pub const INSTANCE_IN_ARREARS: i64 = 226601;
//! pub fn message(code: i64) -> Option<&'static str>;
//! ```

use quote::quote;

use super::{File, docs};
use crate::ir::Service;
use crate::naming::ident;

pub fn emit(s: &Service) -> File {
    let mut file = File::new(format!(
        "The error codes the {} API documents, besides the gateway's in \
         [`runtime::codes`](crate::runtime::codes). Compare them with [`Error::code`](crate::Error::code).",
        s.name
    ));
    let consts = s.errors.iter().map(|e| {
        let name = ident(&e.constant);
        let code = e.code;
        let mut doc = format!("`{code}`");
        if !e.message.is_empty() {
            doc.push_str(": ");
            doc.push_str(&docs::escape(&e.message));
        }
        if !e.description.is_empty() {
            doc.push_str("\n\n");
            doc.push_str(&docs::escape(&e.description));
        }
        let doc = docs::attrs(&doc);
        quote! { #doc pub const #name: i64 = #code; }
    });
    let arms = s.errors.iter().map(|e| {
        let code = e.code;
        let message = &e.message;
        quote!(#code => ::core::option::Option::Some(#message),)
    });
    let body = if s.errors.is_empty() {
        quote! {
            let _ = code;
            ::core::option::Option::None
        }
    } else {
        quote! {
            match code {
                #(#arms)*
                _ => ::core::option::Option::None,
            }
        }
    };
    file.push(quote! {
        #(#consts)*

        /// The message the service documents for `code`, if it documents the code.
        pub fn message(code: i64) -> ::core::option::Option<&'static str> {
            #body
        }
    });
    file
}
