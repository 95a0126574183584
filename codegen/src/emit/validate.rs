//! Client-side checks: the statements of `Validate::validate_into`, and the rule each check
//! reports, which the generated wire tests compare against.
//!
//! ```ignore
//! impl rt::Validate for XRequest {
//!     fn validate_into(&self, v: &mut rt::Violations) {
//!         v.required_opt("Region", &self.region);
//!         if let Some(value) = &self.limit { let name = "Limit"; v.max(name, *value, rt::Number::Int(100)); }
//!         v.max_items("UHostIds", &self.u_host_ids, 10usize);
//!         v.objects("Disks", &self.disks);
//!     }
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use crate::ir::{Check, Field, Num, Ty};
use crate::naming::ident;

/// `Validate::validate_into` statements on `v`.
pub fn statements(fields: &[Field]) -> TokenStream {
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
        let element: TokenStream = f
            .checks
            .iter()
            .filter(|c| c.per_element())
            .map(|c| element_check(*c, f))
            .collect();
        if !element.is_empty() {
            out.extend(match (&f.ty, f.is_option()) {
                (Ty::List(_), _) => quote! {
                    for (i, value) in self.#field.iter().enumerate() {
                        let name = ::std::format!("{}.{}", #wire, i);
                        let name = name.as_str();
                        #element
                    }
                },
                (_, true) => quote! {
                    if let ::core::option::Option::Some(value) = &self.#field {
                        let name = #wire;
                        #element
                    }
                },
                (_, false) => quote! {
                    {
                        let value = &self.#field;
                        let name = #wire;
                        #element
                    }
                },
            });
        }
        for check in f.checks.iter().filter(|c| !c.per_element()) {
            if let Check::MaxItems(n) = check {
                let n = *n as usize;
                out.extend(quote!(v.max_items(#wire, &self.#field, #n);));
            }
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

/// A per-element check on `value: &T` named `name`.
fn element_check(check: Check, f: &Field) -> TokenStream {
    match check {
        Check::Max(n) => {
            let n = number(n);
            quote!(v.max(name, *value, #n);)
        }
        Check::Min(n) => {
            let n = number(n);
            quote!(v.min(name, *value, #n);)
        }
        Check::MaxLength(n) => {
            let n = n as usize;
            match f.ty.element() {
                Ty::Enum { .. } => quote!(v.max_len(name, value.as_str(), #n);),
                _ => quote!(v.max_len(name, value, #n);),
            }
        }
        Check::MaxItems(_) => quote!(),
    }
}

/// The `Rule` a check reports, as an expression on the public runtime API.
pub fn rule(check: Check, runtime: &TokenStream) -> TokenStream {
    match check {
        Check::Max(n) => {
            let n = number_at(n, runtime);
            quote!(#runtime::Rule::Max(#n))
        }
        Check::Min(n) => {
            let n = number_at(n, runtime);
            quote!(#runtime::Rule::Min(#n))
        }
        Check::MaxLength(n) => {
            let n = n as usize;
            quote!(#runtime::Rule::MaxLength(#n))
        }
        Check::MaxItems(n) => {
            let n = n as usize;
            quote!(#runtime::Rule::MaxItems(#n))
        }
    }
}

fn number(n: Num) -> TokenStream {
    number_at(n, &quote!(rt))
}

fn number_at(n: Num, runtime: &TokenStream) -> TokenStream {
    match n {
        Num::Int(i) => quote!(#runtime::Number::Int(#i)),
        Num::Float(x) => quote!(#runtime::Number::Float(#x)),
    }
}
