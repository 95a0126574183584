//! Struct definitions shared by requests, responses and models.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, types};
use crate::ir::Field;
use crate::naming::ident;

/// How a struct is used, which decides its derives and attributes.
#[derive(Clone, Copy)]
pub struct Role {
    /// Sent: users build it, so it is not `non_exhaustive`.
    pub request: bool,
    /// Received: serializable with the wire names.
    pub response: bool,
}

pub fn emit(name: &str, doc: &str, fields: &[Field], role: Role) -> TokenStream {
    let name = ident(name);
    let doc = docs::attrs(doc);
    let sensitive = fields.iter().any(|f| f.sensitive);
    let derive_debug = if sensitive { quote!() } else { quote!(Debug,) };
    let serialize = if role.response {
        quote!(::serde::Serialize,)
    } else {
        quote!()
    };
    let non_exhaustive = if role.request {
        quote!()
    } else {
        quote!(#[non_exhaustive])
    };
    let defs = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let ty = types::field(f);
        let doc = docs::attrs(&docs::field(f));
        let deprecated = match &f.deprecated {
            Some(note) if !note.is_empty() => quote!(#[deprecated(note = #note)]),
            Some(_) => quote!(#[deprecated]),
            None => quote!(),
        };
        let serde = if role.response {
            let wire = &f.wire;
            if f.is_option() {
                quote!(#[serde(rename = #wire, skip_serializing_if = "::core::option::Option::is_none")])
            } else {
                quote!(#[serde(rename = #wire)])
            }
        } else {
            quote!()
        };
        quote! { #doc #deprecated #serde pub #field: #ty, }
    });
    let debug = if sensitive {
        debug_impl(&name, fields)
    } else {
        quote!()
    };
    quote! {
        #doc
        #[derive(Clone, #derive_debug Default, PartialEq, #serialize)]
        #non_exhaustive
        pub struct #name {
            #(#defs)*
        }
        #debug
    }
}

/// `Debug` that hides sensitive fields.
fn debug_impl(name: &proc_macro2::Ident, fields: &[Field]) -> TokenStream {
    let entries = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let label = f.ident.as_str();
        if f.sensitive {
            quote!(.field(#label, &"<redacted>"))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    let type_name = name.to_string();
    quote! {
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#type_name) #(#entries)* .finish()
            }
        }
    }
}
