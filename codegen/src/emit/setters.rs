//! Chainable setters on a request or request model, so that a value is built without a struct
//! literal: the types are `#[non_exhaustive]`, and a new optional field is not a breaking
//! change. The fluent builder's setters call these.
//!
//! ```ignore
//! impl XRequest {
//!     /// Sets `Limit`. facts
//!     #[must_use]
//!     pub fn limit(mut self, value: impl Into<i64>) -> Self { self.limit = Some(value.into()); self }
//!     #[must_use]
//!     pub fn u_host_ids<T: Into<String>>(mut self, values: impl IntoIterator<Item = T>) -> Self { .. }
//! }
//! ```

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{docs, types};
use crate::ir::{Enum, Field, Ty};
use crate::naming::ident;

/// `impl #name { setters }`, or nothing for a type without fields.
pub fn emit(name: &Ident, fields: &[Field], enums: &[Enum]) -> TokenStream {
    if fields.is_empty() {
        return TokenStream::new();
    }
    let setters = fields.iter().map(|f| setter(f, enums));
    quote! {
        impl #name {
            #(#setters)*
        }
    }
}

/// The setter's signature (doc, attributes, name, parameters) and the argument to forward.
pub struct Signature {
    pub head: TokenStream,
    pub arg: Ident,
}

/// The signature of a field's setter, up to `-> Self`, shared by the request and the builder.
pub fn signature(f: &Field, enums: &[Enum], must_use: bool) -> Signature {
    let setter = ident(&f.setter);
    let doc = docs::attrs(&docs::setter(f, enums));
    let deprecated = f.deprecated.is_some().then(|| quote!(#[deprecated]));
    let must_use = must_use.then(|| quote!(#[must_use]));
    let attrs = quote!(#doc #deprecated #must_use);
    if let Ty::List(inner) = &f.ty {
        let inner = types::scalar(inner);
        let arg = ident("values");
        return Signature {
            head: quote! {
                #attrs
                pub fn #setter<T: ::core::convert::Into<#inner>>(mut self, #arg: impl ::core::iter::IntoIterator<Item = T>)
            },
            arg,
        };
    }
    let value_ty = match &f.ty {
        Ty::Model { .. } => types::model_name(&f.ty).unwrap_or_default(),
        other => types::scalar(other),
    };
    let arg = ident("value");
    Signature {
        head: quote! {
            #attrs
            pub fn #setter(mut self, #arg: impl ::core::convert::Into<#value_ty>)
        },
        arg,
    }
}

fn setter(f: &Field, enums: &[Enum]) -> TokenStream {
    let field = ident(&f.ident);
    let Signature { head, .. } = signature(f, enums, true);
    let value = match &f.ty {
        Ty::List(_) => quote!(
            values
                .into_iter()
                .map(::core::convert::Into::into)
                .collect()
        ),
        Ty::Model { boxed: true, .. } => quote!(::core::option::Option::Some(
            ::std::boxed::Box::new(value.into())
        )),
        _ if f.is_option() => quote!(::core::option::Option::Some(value.into())),
        _ => quote!(value.into()),
    };
    quote! {
        #head -> Self {
            self.#field = #value;
            self
        }
    }
}
