//! `waiters.rs`: one method per waiter the specs declare, polling an action until a resource
//! reaches a state.
//!
//! ```ignore
//! impl crate::Client {
//!     /// Waits until the instance `id` reaches `state`, polling DescribeCompShareInstance.
//!     pub fn wait_until_instance(&self, id: impl Into<String>, state: State) -> crate::runtime::wait::Waiter<'_>;
//!     /// Waits until the instance `id` is no longer listed.
//!     pub fn wait_until_instance_gone(&self, id: impl Into<String>) -> crate::runtime::wait::Waiter<'_>;
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::{File, docs, types};
use crate::ir::{Service, Ty, Waiter};
use crate::naming::ident;

pub fn emit(s: &Service) -> File {
    let mut file = File::new("Waiting for resources to reach a state.");
    if !s.waiters.is_empty() {
        file.push(quote!(
            use crate::rt;
        ));
    }
    for w in &s.waiters {
        file.push(waiter(s, w));
    }
    file
}

fn waiter(s: &Service, w: &Waiter) -> TokenStream {
    let a = &s.actions[w.action];
    let m = &s.models[w.model];
    let method = ident(&w.method);
    let gone_method = ident(&format!("{}_gone", w.method));
    let action_method = ident(&a.method);
    let setter = ident(&w.id_param.setter);
    let items = ident(&w.items.ident);
    let id_field = ident(&w.id_field.ident);
    let state_field = ident(&w.state_field.ident);
    let resource = &w.resource;
    let interval = w.interval_ms;
    let select = if w.id_param.ty.is_list() {
        quote!(.#setter([id.clone()]))
    } else {
        quote!(.#setter(id.clone()))
    };
    let text = |field: &crate::ir::Field, access: TokenStream| match (&field.ty, field.is_option())
    {
        (Ty::Str, true) => quote!(#access.as_deref()),
        (Ty::Str, false) => quote!(::core::option::Option::Some(#access.as_str())),
        (_, true) => quote!(#access.as_ref().map(|v| v.as_str())),
        (_, false) => quote!(::core::option::Option::Some(#access.as_str())),
    };
    let id_text = text(&w.id_field, quote!(item.#id_field));
    let state_text = text(&w.state_field, quote!(item.#state_field));
    let failures = w.targets.iter().map(|t| {
        let state = &t.state;
        let failure = &t.failure;
        quote!(#state => &[#(#failure),*],)
    });
    let state_ty = match w.state_field.ty.element() {
        Ty::Enum { name, .. } => {
            let module = ident(&m.module);
            let name = ident(name);
            quote!(crate::models::#module::#name)
        }
        other => types::scalar(other),
    };
    let state_text_of = match w.state_field.ty.element() {
        Ty::Enum { .. } => quote!(state.as_str().to_owned()),
        _ => quote!(state),
    };
    let doc = docs::attrs(&format!(
        "Waits until the {resource} `id` reaches `state`, polling {} with backoff. It stops \
         with [`Error::Wait`](crate::Error::Wait) on a state from which `state` cannot be \
         reached, and when the time is up (ten minutes unless set with `timeout`). It resolves \
         to the state reached.",
        docs::code(&a.wire)
    ));
    let gone_doc = docs::attrs(&format!(
        "Waits until the {resource} `id` is no longer listed by {}, such as after it is \
         terminated.",
        docs::code(&a.wire)
    ));
    let poll = quote! {
        let client = self.clone();
        move || {
            let (client, id) = (client.clone(), id.clone());
            ::std::boxed::Box::pin(async move {
                let page = client.#action_method() #select .send().await?;
                ::core::result::Result::Ok(
                    page.#items
                        .iter()
                        .find(|item| #id_text == ::core::option::Option::Some(id.as_str()))
                        .map(|item| #state_text.unwrap_or_default().to_owned()),
                )
            }) as rt::PollFuture<'static>
        }
    };
    quote! {
        impl crate::Client {
            #doc
            pub fn #method(&self, id: impl ::core::convert::Into<::std::string::String>, state: #state_ty) -> crate::runtime::wait::Waiter<'static> {
                let id: ::std::string::String = id.into();
                let target = #state_text_of;
                let failure: &'static [&'static str] = match target.as_str() {
                    #(#failures)*
                    _ => &[],
                };
                crate::runtime::wait::Waiter::new(
                    #resource,
                    id.clone(),
                    crate::runtime::wait::Target::State(target),
                    failure,
                    ::core::time::Duration::from_millis(#interval),
                    { #poll },
                )
            }

            #gone_doc
            pub fn #gone_method(&self, id: impl ::core::convert::Into<::std::string::String>) -> crate::runtime::wait::Waiter<'static> {
                let id: ::std::string::String = id.into();
                crate::runtime::wait::Waiter::new(
                    #resource,
                    id.clone(),
                    crate::runtime::wait::Target::Gone,
                    &[],
                    ::core::time::Duration::from_millis(#interval),
                    { #poll },
                )
            }
        }
    }
}
