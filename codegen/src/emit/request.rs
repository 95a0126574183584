//! The runtime traits of a request or a nested request model: encoding to form params,
//! validation, and reading back from wire params.
//!
//! ```ignore
//! impl rt::EncodeForm for XRequest { fn encode_form(&self, w) { w.opt("Limit", &self.limit); .. } }
//! impl rt::Validate for XRequest { .. }   // see `validate`
//! impl rt::FromParams for XRequest { fn read_params(r) -> Self { Self { limit: r.opt("Limit"), .. } } }
//! ```

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::{param, types, validate};
use crate::ir::{Field, Presence, Ty};
use crate::naming::ident;

/// `EncodeForm::encode_form` statements on `w`.
fn encode(fields: &[Field]) -> TokenStream {
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

/// The field initializers of `FromParams::read_params`, reading from `r`.
fn read(fields: &[Field]) -> TokenStream {
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
    quote!(#(#inits)*)
}

/// `EncodeForm`, `Validate` and `FromParams`. A model that is also decoded has unknown
/// members, which are never params.
pub fn traits(name: &Ident, fields: &[Field], decoded: bool) -> TokenStream {
    let inits = read(fields);
    let unknown = decoded.then(|| quote!(unknown_fields: ::core::default::Default::default(),));
    let (encode, validate, read) = (
        encode(fields),
        validate::statements(fields),
        quote!(Self { #inits #unknown }),
    );
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
