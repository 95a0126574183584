//! Rust types of fields. Standard types are written with full paths, so a spec that names a
//! model `Option` or `String` cannot shadow them.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Field, Ty};
use crate::naming::ident;

/// The element type, without `Option` or `Vec`.
pub fn scalar(ty: &Ty) -> TokenStream {
    match ty {
        Ty::Str => quote!(::std::string::String),
        Ty::Int => quote!(i64),
        Ty::Float => quote!(f64),
        Ty::Bool => quote!(bool),
        Ty::Enum { name, .. } => {
            let name = ident(name);
            quote!(#name)
        }
        Ty::Model { name, boxed, .. } => {
            let name = ident(name);
            if *boxed {
                quote!(::std::boxed::Box<crate::models::#name>)
            } else {
                quote!(crate::models::#name)
            }
        }
        Ty::List(inner) => {
            let inner = scalar(inner);
            quote!(::std::vec::Vec<#inner>)
        }
    }
}

/// The field's full type.
pub fn field(f: &Field) -> TokenStream {
    let ty = scalar(&f.ty);
    if f.is_option() {
        quote!(::core::option::Option<#ty>)
    } else {
        ty
    }
}

/// The model behind a field, if any, unboxed.
pub fn model_name(ty: &Ty) -> Option<TokenStream> {
    match ty.element() {
        Ty::Model { name, .. } => {
            let name = ident(name);
            Some(quote!(crate::models::#name))
        }
        _ => None,
    }
}
