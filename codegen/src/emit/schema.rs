//! `schema.rs`: the actions as data for tools, such as the command line: every param with its
//! type, documentation and limits, list actions' paging, and the declared waits.
//!
//! ```ignore
//! pub static ACTIONS: &[ActionInfo] = &[ActionInfo { name: "AttachCompshareDisk", params: &[..], response: &[..], .. }, ..];
//! pub static MODELS: &[ModelInfo] = &[ModelInfo { name: "AvailableInstanceTypes", fields: &[..], .. }, ..];
//! pub static WAITERS: &[WaiterInfo] = &[WaiterInfo { resource: "instance", .. }];
//! ```

use proc_macro2::TokenStream;
use quote::quote;

use super::{File, Item};
use crate::ir::{Action, Check, Enum, Field, Num, Presence, Service, Ty};

pub fn emit(s: &Service) -> Result<File, String> {
    let mut file = File::new(format!(
        "The {} API's actions as data, for tools such as a command line: every param with its \
         type, documentation and limits, list actions' paging, and the declared waits.",
        s.name
    ));
    let waiters = s.waiters.iter().map(|w| {
        let a = &s.actions[w.action];
        let (resource, action, id_param) = (&w.resource, &a.wire, &w.id_param.wire);
        let id_param_list = w.id_param.ty.is_list();
        let (items, id_field, state_field) = (&w.items.wire, &w.id_field.wire, &w.state_field.wire);
        let interval = w.interval_ms;
        let targets = w.targets.iter().map(|t| {
            let (state, failure, gone, command) = (&t.state, &t.failure, t.gone, &t.command);
            quote! {
                crate::runtime::schema::TargetInfo {
                    state: #state, failure: &[#(#failure),*], gone: #gone, command: #command,
                },
            }
        });
        quote! {
            crate::runtime::schema::WaiterInfo {
                resource: #resource,
                action: #action,
                id_param: #id_param,
                id_param_list: #id_param_list,
                items: #items,
                id_field: #id_field,
                state_field: #state_field,
                interval_ms: #interval,
                targets: &[#(#targets)*],
            },
        }
    });
    file.items.push(Item::Printed(crate::format::array(
        quote! {
            /// Every action, sorted by name like [`ACTION_NAMES`](crate::ACTION_NAMES).
            pub static ACTIONS: &[crate::runtime::schema::ActionInfo]
        },
        &s.actions,
        |a| action(s, a),
    )?));
    let mut models: Vec<&crate::ir::Model> = s.models.iter().collect();
    models.sort_by(|a, b| a.wire.cmp(&b.wire));
    file.items.push(Item::Printed(crate::format::array(
        quote! {
            /// Every model, sorted by wire name, as response members name them
            /// ([`ParamKind::Model`](crate::runtime::schema::ParamKind::Model)).
            pub static MODELS: &[crate::runtime::schema::ModelInfo]
        },
        &models,
        |m| {
            let (name, description) = (&m.wire, &m.description);
            let fields = m.fields.iter().map(|f| member(s, f, &m.enums));
            quote! {
                crate::runtime::schema::ModelInfo {
                    name: #name,
                    description: #description,
                    fields: &[#(#fields)*],
                },
            }
        },
    )?));
    file.push(quote! {
        /// The model of this wire name, as a [`ParamKind::Model`](crate::runtime::schema::ParamKind::Model) names it.
        pub fn model(name: &str) -> ::core::option::Option<&'static crate::runtime::schema::ModelInfo> {
            MODELS
                .binary_search_by(|m| m.name.cmp(name))
                .ok()
                .map(|i| &MODELS[i])
        }

        /// Every declared wait.
        pub static WAITERS: &[crate::runtime::schema::WaiterInfo] = &[#(#waiters)*];
    });
    Ok(file)
}

fn action(s: &Service, a: &Action) -> TokenStream {
    let (name, summary, description) = (&a.wire, &a.summary, &a.description);
    let retryable = a.retryable;
    let download = a.response_body == crate::spec::ResponseBody::Bytes;
    let unavailable = match &a.unavailable {
        Some(reason) => quote!(::core::option::Option::Some(#reason)),
        None => quote!(::core::option::Option::None),
    };
    let params = a
        .request
        .iter()
        .map(|f| param(s, f, &a.enums, &mut Vec::new()));
    let response = a.response.iter().map(|f| member(s, f, &a.enums));
    let paging = match &a.pagination {
        Some(p) => {
            let (offset, limit, items, size) =
                (&p.offset.wire, &p.limit.wire, &p.items.wire, p.page_size);
            let total = match &p.total {
                Some(t) => {
                    let t = &t.wire;
                    quote!(::core::option::Option::Some(#t))
                }
                None => quote!(::core::option::Option::None),
            };
            quote! {
                ::core::option::Option::Some(crate::runtime::schema::PagingInfo {
                    offset: #offset, limit: #limit, page_size: #size, items: #items, total: #total,
                })
            }
        }
        None => quote!(::core::option::Option::None),
    };
    let lists: Vec<&Field> = a
        .response
        .iter()
        .filter(|f| matches!(&f.ty, Ty::List(inner) if matches!(**inner, Ty::Model { .. })))
        .collect();
    let items = match lists.as_slice() {
        [one] => {
            let wire = &one.wire;
            quote!(::core::option::Option::Some(#wire))
        }
        _ => quote!(::core::option::Option::None),
    };
    quote! {
        crate::runtime::schema::ActionInfo {
            name: #name,
            summary: #summary,
            description: #description,
            retryable: #retryable,
            download: #download,
            unavailable: #unavailable,
            params: &[#(#params)*],
            response: &[#(#response)*],
            paging: #paging,
            items: #items,
        },
    }
}

/// One response or model member: like a param, but a model is named, not expanded, since
/// response models nest deeply and are shared by many actions.
fn member(s: &Service, f: &Field, enums: &[Enum]) -> TokenStream {
    let kind = kind(f, enums, |name| {
        let wire = s
            .models
            .iter()
            .find(|m| &m.type_name == name)
            .map_or(name.as_str(), |m| m.wire.as_str());
        quote!(crate::runtime::schema::ParamKind::Model(#wire))
    });
    info(f, kind)
}

/// One param; `path` holds the models being expanded, so a cycle stops.
fn param(s: &Service, f: &Field, enums: &[Enum], path: &mut Vec<String>) -> TokenStream {
    let kind = kind(f, enums, |name| {
        match s.models.iter().find(|m| &m.type_name == name) {
            Some(m) if !path.contains(name) => {
                path.push(name.clone());
                let fields: Vec<TokenStream> = m
                    .fields
                    .iter()
                    .map(|f| param(s, f, &m.enums, path))
                    .collect();
                path.pop();
                quote!(crate::runtime::schema::ParamKind::Object(&[#(#fields)*]))
            }
            _ => quote!(crate::runtime::schema::ParamKind::Object(&[])),
        }
    });
    info(f, kind)
}

/// A field's kind; `model` gives a model's, by its type name.
fn kind(f: &Field, enums: &[Enum], mut model: impl FnMut(&String) -> TokenStream) -> TokenStream {
    match f.ty.element() {
        Ty::Str => quote!(crate::runtime::schema::ParamKind::String),
        Ty::Int => quote!(crate::runtime::schema::ParamKind::Integer),
        Ty::Float => quote!(crate::runtime::schema::ParamKind::Float),
        Ty::Bool => quote!(crate::runtime::schema::ParamKind::Bool),
        Ty::Enum { name, closed } => {
            let values: Vec<&str> = enums
                .iter()
                .find(|e| &e.name == name)
                .map(|e| e.variants.iter().map(|v| v.wire.as_str()).collect())
                .unwrap_or_default();
            quote!(crate::runtime::schema::ParamKind::Enum { values: &[#(#values),*], closed: #closed })
        }
        Ty::Model { name, .. } => model(name),
        Ty::List(_) => quote!(crate::runtime::schema::ParamKind::String),
    }
}

fn info(f: &Field, kind: TokenStream) -> TokenStream {
    let (name, description) = (&f.wire, &f.description);
    let list = f.ty.is_list();
    let required = f.presence == Presence::Required;
    let common = f.presence.is_common();
    let default = match &f.default {
        Some(d) => quote!(::core::option::Option::Some(#d)),
        None => quote!(::core::option::Option::None),
    };
    let bounds = f.checks.iter().map(|c| match c {
        Check::Min(n) => {
            let n = number(*n);
            quote!(crate::runtime::schema::Bound::Min(#n),)
        }
        Check::Max(n) => {
            let n = number(*n);
            quote!(crate::runtime::schema::Bound::Max(#n),)
        }
        Check::MaxLength(n) => {
            let n = *n as usize;
            quote!(crate::runtime::schema::Bound::MaxLength(#n),)
        }
        Check::MaxItems(n) => {
            let n = *n as usize;
            quote!(crate::runtime::schema::Bound::MaxItems(#n),)
        }
    });
    let sensitive = f.sensitive;
    let deprecated = f.deprecated.is_some();
    quote! {
        crate::runtime::schema::ParamInfo {
            name: #name,
            description: #description,
            kind: #kind,
            list: #list,
            required: #required,
            common: #common,
            default: #default,
            bounds: &[#(#bounds)*],
            sensitive: #sensitive,
            deprecated: #deprecated,
        },
    }
}

fn number(n: Num) -> TokenStream {
    match n {
        Num::Int(i) => quote!(crate::Number::Int(#i)),
        Num::Float(x) => quote!(crate::Number::Float(#x)),
    }
}
