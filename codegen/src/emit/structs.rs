//! Struct definitions shared by requests, responses and models.
//!
//! ```ignore
//! /// docs
//! #[derive(Clone, Debug, Default, PartialEq)]   // Debug by hand when a field is sensitive
//! #[non_exhaustive]                             // a spec may add fields: no struct literals
//! pub struct CompShareImage {
//!     /// description, then the wire facts
//!     pub comp_share_image_id: Option<String>,
//!     pub unknown_fields: crate::UnknownFields,  // types that are decoded
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, types};
use crate::ir::{Enum, Field};
use crate::naming::ident;

/// How a struct is used, which decides its extra field and derives.
#[derive(Clone, Copy)]
pub struct Role {
    /// Received: it keeps the members its spec does not name.
    pub response: bool,
}

pub fn emit(name: &str, doc: &str, fields: &[Field], enums: &[Enum], role: Role) -> TokenStream {
    let name = ident(name);
    let doc = docs::attrs(doc);
    let sensitive = fields.iter().any(|f| f.sensitive);
    let derive_debug = if sensitive { quote!() } else { quote!(Debug,) };
    let defs = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let ty = types::field(f);
        let doc = docs::attrs(&docs::field(f, enums));
        let deprecated = match &f.deprecated {
            Some(note) if !note.is_empty() => quote!(#[deprecated(note = #note)]),
            Some(_) => quote!(#[deprecated]),
            None => quote!(),
        };
        quote! { #doc #deprecated pub #field: #ty, }
    });
    let unknown = role.response.then(|| {
        quote! {
            /// Members the spec does not name, and values that did not fit their field, exactly
            /// as the server sent them; serializing writes them back. See
            /// [`UnknownFields`](crate::UnknownFields).
            pub unknown_fields: crate::UnknownFields,
        }
    });
    let debug = sensitive.then(|| debug_impl(&name, fields, role));
    quote! {
        #doc
        #[derive(Clone, #derive_debug Default, PartialEq)]
        #[non_exhaustive]
        pub struct #name {
            #(#defs)*
            #unknown
        }
        #debug
    }
}

/// `Debug` that hides sensitive fields, also where they arrived drifted.
fn debug_impl(name: &proc_macro2::Ident, fields: &[Field], role: Role) -> TokenStream {
    let entries = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let label = f.ident.trim_start_matches("r#");
        if f.sensitive {
            quote!(.field(#label, &"<redacted>"))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    let unknown = role.response.then(|| {
        let hidden: Vec<&str> = fields
            .iter()
            .filter(|f| f.sensitive)
            .map(|f| f.wire.as_str())
            .collect();
        quote!(.field("unknown_fields", &self.unknown_fields.redacted(&[#(#hidden),*])))
    });
    let type_name = name.to_string();
    quote! {
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#type_name) #(#entries)* #unknown .finish()
            }
        }
    }
}
