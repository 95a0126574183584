//! Pagination for list actions: `rt::Paged` on the request, and `paginate()` on the builder.
//!
//! ```ignore
//! impl rt::Paged for XRequest { type Item = Model; const PAGE_SIZE: i64 = 100; fn window(..); fn set_window(..); fn items(..); fn into_items(..); fn total(..) }
//! impl XBuilder { pub fn paginate(self) -> crate::runtime::Paginator<XRequest> }
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, types};
use crate::ir::{Action, Field, Ty};
use crate::naming::ident;

/// `Paged` for list actions, and the builder's `paginate`.
pub fn emit(a: &Action) -> TokenStream {
    let Some(p) = &a.pagination else {
        return TokenStream::new();
    };
    let request = ident(&a.request_type);
    let response = ident(&a.response_type);
    let builder = ident(&a.builder_type);
    let item = match &p.items.ty {
        Ty::List(inner) => types::scalar(inner),
        other => types::scalar(other),
    };
    let read = |f: &Field| {
        let field = ident(&f.ident);
        if f.is_option() {
            quote!(self.#field)
        } else {
            quote!(::core::option::Option::Some(self.#field))
        }
    };
    let write = |f: &Field, value: TokenStream| {
        let field = ident(&f.ident);
        if f.is_option() {
            quote!(self.#field = ::core::option::Option::Some(#value);)
        } else {
            quote!(self.#field = #value;)
        }
    };
    let (offset, limit) = (read(&p.offset), read(&p.limit));
    let (set_offset, set_limit) = (
        write(&p.offset, quote!(offset)),
        write(&p.limit, quote!(limit)),
    );
    let items = ident(&p.items.ident);
    let total = match &p.total {
        Some(f) => {
            let field = ident(&f.ident);
            if f.is_option() {
                quote!(response.#field)
            } else {
                quote!(::core::option::Option::Some(response.#field))
            }
        }
        None => quote!(::core::option::Option::None),
    };
    let response_param = if p.total.is_some() {
        quote!(response)
    } else {
        quote!(_response)
    };
    let page_size = p.page_size;
    let doc = docs::attrs(&format!(
        "Walks every page of {}: `Offset` moves by the page size (`Limit`, or {page_size} when unset) until {} or a page comes back short or empty.",
        docs::code(&a.wire),
        match &p.total {
            Some(f) => format!("{} is reached", docs::code(&f.wire)),
            None => "the list ends".to_owned(),
        }
    ));
    quote! {
        impl rt::Paged for #request {
            type Item = #item;
            const PAGE_SIZE: i64 = #page_size;

            fn window(&self) -> (::core::option::Option<i64>, ::core::option::Option<i64>) {
                (#offset, #limit)
            }

            fn set_window(&mut self, offset: i64, limit: i64) {
                #set_offset
                #set_limit
            }

            fn items(response: &#response) -> &[Self::Item] {
                &response.#items
            }

            fn into_items(response: #response) -> ::std::vec::Vec<Self::Item> {
                response.#items
            }

            fn total(#response_param: &#response) -> ::core::option::Option<i64> {
                #total
            }
        }

        impl #builder {
            #doc
            pub fn paginate(self) -> crate::runtime::Paginator<#request> {
                rt::Paginator::new(self.client.runtime().clone(), self.request)
            }
        }
    }
}
