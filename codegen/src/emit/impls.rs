//! The bodies of the runtime traits, one statement per field: encoding to form params,
//! validation, reading wire-style params, and tolerant decoding.

use proc_macro2::TokenStream;
use quote::quote;

use proc_macro2::Ident;

use super::{param, types};
use crate::ir::{Field, Num, Presence, Ty};
use crate::naming::ident;

fn num(n: Num) -> TokenStream {
    match n {
        Num::Int(i) => quote!(#i),
        Num::Float(f) => quote!(#f),
    }
}

/// `EncodeForm::encode_form` statements on `w`.
pub fn encode(fields: &[Field]) -> TokenStream {
    let stmts = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let wire = &f.wire;
        let model = matches!(f.ty.element(), Ty::Model { .. });
        match (&f.ty, f.is_option(), model) {
            (Ty::List(_), _, true) => quote!(w.objects(#wire, &self.#field);),
            (Ty::List(_), _, false) => quote!(w.list(#wire, &self.#field);),
            (_, true, true) => quote!(w.opt_object(#wire, &self.#field);),
            (_, true, false) => quote!(w.opt(#wire, &self.#field);),
            (_, false, true) => quote!(w.object(#wire, &self.#field);),
            (_, false, false) => quote!(w.put(#wire, &self.#field);),
        }
    });
    quote!(#(#stmts)*)
}

/// `Validate::validate_into` statements on `v`.
pub fn validate(fields: &[Field]) -> TokenStream {
    let stmts = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let wire = &f.wire;
        let mut out = TokenStream::new();
        if f.presence.is_required() {
            out.extend(match (&f.ty, f.is_option()) {
                (Ty::List(_), _) => quote!(v.required_list(#wire, &self.#field);),
                (_, true) => quote!(v.required_opt(#wire, &self.#field);),
                (Ty::Str, false) => quote!(v.required_str(#wire, &self.#field);),
                (Ty::Enum { .. }, false) => quote!(v.required_str(#wire, self.#field.as_str());),
                _ => quote!(),
            });
        }
        let checks = checks(f);
        if !checks.is_empty() {
            out.extend(match (&f.ty, f.is_option()) {
                (Ty::List(_), _) => quote! {
                    for (i, value) in self.#field.iter().enumerate() {
                        let name = ::std::format!("{}.{}", #wire, i);
                        let name = name.as_str();
                        #checks
                    }
                },
                (_, true) => quote! {
                    if let ::core::option::Option::Some(value) = &self.#field {
                        let name = #wire;
                        #checks
                    }
                },
                (_, false) => quote! {
                    {
                        let value = &self.#field;
                        let name = #wire;
                        #checks
                    }
                },
            });
        }
        if let Some(n) = f.max_items {
            let n = n as usize;
            out.extend(quote!(v.max_items(#wire, &self.#field, #n);));
        }
        if matches!(f.ty.element(), Ty::Model { .. }) {
            out.extend(match (&f.ty, f.is_option()) {
                (Ty::List(_), _) => quote!(v.objects(#wire, &self.#field);),
                (_, true) => quote! {
                    if let ::core::option::Option::Some(value) = &self.#field {
                        v.object(#wire, value);
                    }
                },
                (_, false) => quote!(v.object(#wire, &self.#field);),
            });
        }
        out
    });
    quote!(#(#stmts)*)
}

/// Range and length checks on `value: &T` named `name`.
fn checks(f: &Field) -> TokenStream {
    let mut out = TokenStream::new();
    if let Some(max) = f.max {
        let max = num(max);
        out.extend(quote!(v.max(name, *value, #max);));
    }
    if let Some(min) = f.min {
        let min = num(min);
        out.extend(quote!(v.min(name, *value, #min);));
    }
    if let Some(n) = f.max_length {
        let n = n as usize;
        out.extend(match f.ty.element() {
            Ty::Enum { .. } => quote!(v.max_len(name, value.as_str(), #n);),
            _ => quote!(v.max_len(name, value, #n);),
        });
    }
    out
}

/// `FromParams::read_params` body: a `Self { .. }` literal reading from `r`.
pub fn read(fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let wire = &f.wire;
        let model = types::model_name(&f.ty);
        let value = match (&f.ty, f.is_option(), model) {
            (Ty::List(_), _, Some(_)) => quote!(r.objects(#wire)),
            (Ty::List(_), _, None) => quote!(r.list(#wire)),
            // Lowering rejects required fields on a cycle, so boxed ones are optional.
            (Ty::Model { boxed: true, .. }, _, Some(m)) => {
                quote!(r.object::<#m>(#wire).map(::std::boxed::Box::new))
            }
            (_, true, Some(_)) => quote!(r.object(#wire)),
            (_, false, Some(_)) => quote!(r.req_object(#wire)),
            (_, true, None) if f.presence == Presence::Required => {
                // A required closed enum: read, and report it missing like any required field.
                quote!(r.req_opt(#wire))
            }
            (_, true, None) => quote!(r.opt(#wire)),
            (_, false, None) => quote!(r.req(#wire)),
        };
        quote!(#field: #value,)
    });
    quote!(Self { #(#inits)* })
}

/// `Decode::decode` body: a `Self { .. }` literal reading from `f`.
pub fn decode(fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(|f| {
        let field = ident(&f.ident);
        let wire = &f.wire;
        let value = match (&f.ty, f.is_option()) {
            (Ty::List(_), _) => quote!(f.list(#wire)),
            (Ty::Model { boxed: true, .. }, _) => {
                let m = types::model_name(&f.ty);
                quote!(f.opt::<#m>(#wire).map(::std::boxed::Box::new))
            }
            (_, true) => quote!(f.opt(#wire)),
            (_, false) => quote!(f.req(#wire)),
        };
        quote!(#field: #value,)
    });
    quote!(Self { #(#inits)* })
}

/// `EncodeForm`, `Validate` and `FromParams` for a request or a nested request model.
pub fn request_traits(name: &Ident, fields: &[Field]) -> TokenStream {
    let (encode, validate, read) = (encode(fields), validate(fields), read(fields));
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
}

/// Tolerant `Decode`, and `Deserialize` through it, for a response or a response model.
pub fn response_traits(name: &Ident, fields: &[Field]) -> TokenStream {
    let type_name = name.to_string();
    let decode = decode(fields);
    let f = if fields.is_empty() {
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
}
