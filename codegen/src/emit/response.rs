//! The runtime traits of a response or a response model: where each member decodes to, how it
//! is written back as JSON, and serde through both.
//!
//! ```ignore
//! impl rt::Object for XResponse {
//!     fn slot(&mut self, name: &str) -> Option<&mut dyn rt::Target> {
//!         match name { "TotalCount" => Some(&mut self.total_count), "ImageSet" => Some(rt::models(&mut self.image_set)), _ => None }
//!     }
//!     fn unknown_fields_mut(&mut self) -> &mut crate::UnknownFields { &mut self.unknown_fields }
//! }
//! impl rt::ToJson for XResponse { .. }        // typed members, then the unknown ones
//! impl Serialize for XResponse { .. }         // through ToJson
//! impl Deserialize for XResponse { .. }       // through rt::deserialize: tolerant and lossless
//! ```

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::param;
use crate::ir::{Field, Ty};
use crate::naming::ident;

pub fn traits(name: &Ident, fields: &[Field]) -> TokenStream {
    let slots = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let wire = &f.wire;
        let target = match (&f.ty, f.is_option()) {
            (Ty::List(inner), _) if matches!(**inner, Ty::Model { .. }) => {
                quote!(rt::models(&mut self.#field))
            }
            (Ty::Model { boxed: true, .. }, _) => quote!(rt::boxed(&mut self.#field)),
            (Ty::Model { .. }, true) => quote!(rt::model(&mut self.#field)),
            (Ty::Model { .. }, false) => quote!(rt::required_model(&mut self.#field)),
            _ => quote!(&mut self.#field),
        };
        quote!(#wire => ::core::option::Option::Some(#target),)
    });
    let puts = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let wire = &f.wire;
        quote!(o.put(#wire, &self.#field);)
    });
    let to_json = if fields.is_empty() {
        quote!(rt::JsonObject::new(&self.unknown_fields).finish())
    } else {
        quote! {
            let mut o = rt::JsonObject::new(&self.unknown_fields);
            #(#puts)*
            o.finish()
        }
    };
    let slot_body = quote! {
        match name {
            #(#slots)*
            _ => ::core::option::Option::None,
        }
    };
    let name_param = param(
        "name",
        &if fields.is_empty() {
            quote!()
        } else {
            slot_body.clone()
        },
    );
    let slot_body = if fields.is_empty() {
        quote!(::core::option::Option::None)
    } else {
        slot_body
    };
    quote! {
        impl rt::Object for #name {
            fn slot(&mut self, #name_param: &str) -> ::core::option::Option<&mut dyn rt::Target> {
                #slot_body
            }

            fn unknown_fields_mut(&mut self) -> &mut crate::UnknownFields {
                &mut self.unknown_fields
            }
        }

        impl rt::ToJson for #name {
            fn to_json(&self) -> ::serde_json::Value {
                #to_json
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                rt::serialize(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                rt::deserialize(deserializer)
            }
        }
    }
}
