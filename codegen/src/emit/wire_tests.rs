//! Per-action wire tests, generated from the spec's examples: the signed form of the example
//! request, reading it back from wire params, the by-name call, decoding the example response
//! (and keeping every value of it), and one rejected request per constraint. Violations are
//! compared as `Rule` values, never as message text.
//!
//! ```ignore
//! use compshare::actions::describe_comp_share_images as action;
//! fn example() -> action::DescribeCompShareImagesRequest { action::DescribeCompShareImagesRequest::default().limit(20) }
//! #[test] fn example_request() { insta::assert_snapshot!(crate::support::signed_form(example())) }
//! #[test] fn example_response_keeps_every_value() { crate::support::keeps_every_value::<action::..Request>(JSON) }
//! #[test] fn limit_above_max_is_rejected() { .. assert_violation(&request, "Limit", Rule::Max(Number::Int(100))) }
//! ```

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{File, validate};
use crate::ir::{Action, Check, Enum, Example, Field, Presence, Service, Ty};
use crate::naming::ident;

/// `tests/wire/main.rs`.
pub fn main_rs(s: &Service) -> File {
    let mut file = File::new("Wire tests for every action, generated from the spec examples.");
    let modules = s.actions.iter().map(|a| {
        let m = ident(&a.module);
        quote!(mod #m;)
    });
    file.push(quote! {
        mod support;
        #(#modules)*
    });
    file
}

/// Where a field's enums live, as a path prefix.
#[derive(Clone)]
struct Scope<'a> {
    path: TokenStream,
    enums: &'a [Enum],
}

pub fn action_rs(s: &Service, a: &Action) -> File {
    let mut file = File::new("");
    let krate = ident(&s.crate_ident);
    let module = ident(&a.module);
    let request = ident(&a.request_type);
    let response = ident(&a.response_type);
    let scope = Scope {
        path: quote!(action),
        enums: &a.enums,
    };
    let deprecated = a
        .request
        .iter()
        .chain(&a.response)
        .any(|f| f.deprecated.is_some())
        || s.models
            .iter()
            .any(|m| m.in_request && m.fields.iter().any(|f| f.deprecated.is_some()));
    if deprecated {
        file.attrs.push(quote!(#![allow(deprecated)]));
    }

    let setters: Vec<TokenStream> = a
        .request
        .iter()
        // Common params come from the client config, except required ones the config may
        // not have (ProjectId), which take their example.
        .filter(|f| !f.presence.is_common() || f.presence == Presence::CommonRequired)
        .filter_map(|f| {
            let example = f
                .example
                .clone()
                .or_else(|| f.presence.is_required().then(|| placeholder(f)))?;
            setter_call(s, &scope, f, &example)
        })
        .collect();
    file.push(quote! {
        use #krate::actions::#module as action;

        fn example() -> action::#request {
            action::#request::default()
                #(#setters)*
        }

        #[test]
        fn example_request() {
            let form = crate::support::signed_form(example());
            insta::assert_snapshot!(form);
        }

        #[test]
        fn example_request_reads_back_from_wire_params() {
            crate::support::reads_back(example());
        }

        #[tokio::test]
        async fn by_name_call_sends_the_same_form() {
            crate::support::by_name_sends_the_same_form(example()).await;
        }
    });
    if let Some(json) = &a.response_example {
        file.push(quote! {
            const RESPONSE_EXAMPLE: &str = #json;

            #[test]
            fn example_response() {
                let response: action::#response = crate::support::decode(RESPONSE_EXAMPLE);
                insta::assert_debug_snapshot!(response);
            }

            #[test]
            fn example_response_keeps_every_value() {
                crate::support::keeps_every_value::<action::#request>(RESPONSE_EXAMPLE);
            }
        });
    }
    for f in a.request.iter().filter(|f| !f.presence.is_common()) {
        file.extend(rejections(s, &scope, &request, f));
    }
    file
}

/// One test per constraint: a value just outside it is rejected before sending.
fn rejections(
    s: &Service,
    scope: &Scope<'_>,
    request: &proc_macro2::Ident,
    f: &Field,
) -> Vec<TokenStream> {
    let field = ident(&f.ident);
    let base = f.ident.trim_start_matches("r#").to_owned();
    let wire = &f.wire;
    let krate = ident(&s.crate_ident);
    let runtime = quote!(#krate::runtime);
    let element = Field {
        ty: f.ty.element().clone(),
        presence: Presence::Required,
        ..f.clone()
    };
    let sample = match &f.example {
        Some(Example::List(items)) if !items.is_empty() => items[0].clone(),
        Some(Example::List(_)) | None => placeholder(&element),
        Some(other) => other.clone(),
    };
    let mut out = Vec::new();
    for check in &f.checks {
        let suffix = match check {
            Check::Max(_) => "above_max",
            Check::Min(_) => "below_min",
            Check::MaxLength(_) => "too_long",
            Check::MaxItems(_) => "with_too_many_items",
        };
        let bad = check.breaking(&sample);
        // A per-element check is shown on the first element of a list.
        let (value, path) = if check.per_element() && f.ty.is_list() {
            let item = field_value(s, scope, &element, &bad);
            (quote!(::std::vec::Vec::from([#item])), format!("{wire}.0"))
        } else {
            (field_value(s, scope, f, &bad), wire.clone())
        };
        let name = ident(&format!("{base}_{suffix}_is_rejected"));
        let rule = validate::rule(*check, &runtime);
        out.push(quote! {
            #[test]
            fn #name() {
                let mut request = example();
                request.#field = #value;
                crate::support::assert_violation(&request, #path, #rule);
            }
        });
    }
    if let Ty::Enum { name, closed: true } = f.ty.element()
        && let Some(e) = scope.enums.iter().find(|e| &e.name == name)
    {
        let test = ident(&format!("{base}_outside_the_enum_is_rejected"));
        let path = if f.ty.is_list() {
            format!("{wire}.0")
        } else {
            wire.clone()
        };
        let ty = ident(&e.name);
        out.push(quote! {
            #[test]
            fn #test() {
                crate::support::assert_param_violation::<action::#request>(
                    #path,
                    "Bogus",
                    #runtime::Rule::OneOf(action::#ty::VALUES),
                );
            }
        });
    }
    out
}

/// A value that satisfies a required field's type and constraints, for fields the spec gives
/// no example for.
fn placeholder(f: &Field) -> Example {
    let bound = |pick: fn(&Check) -> Option<f64>| f.checks.iter().find_map(pick);
    let scalar = match f.ty.element() {
        Ty::Str => {
            let n = f
                .checks
                .iter()
                .find_map(|c| match c {
                    Check::MaxLength(n) => Some(*n),
                    _ => None,
                })
                .map_or(7, |n| n.clamp(1, 7)) as usize;
            Example::Str("example"[..n].to_owned())
        }
        Ty::Int | Ty::Float => {
            let lo = bound(|c| match c {
                Check::Min(n) => Some(n.as_f64()),
                _ => None,
            })
            .unwrap_or(1.0);
            let v = match bound(|c| match c {
                Check::Max(n) => Some(n.as_f64()),
                _ => None,
            }) {
                Some(hi) if hi < lo.max(1.0) => hi,
                _ => lo.max(1.0),
            };
            if matches!(f.ty.element(), Ty::Int) {
                Example::Int(v as i64)
            } else {
                Example::Float(v)
            }
        }
        Ty::Bool => Example::Bool(true),
        Ty::Enum { .. } => Example::Enum(String::new()),
        Ty::Model { .. } => Example::Object(Vec::new()),
        Ty::List(_) => unreachable!("element() is never a list"),
    };
    match f.ty {
        Ty::List(_) => Example::List(vec![scalar]),
        _ => scalar,
    }
}

/// The Rust expression for a field's example, wrapped as the field's type needs.
fn field_value(s: &Service, scope: &Scope<'_>, f: &Field, example: &Example) -> TokenStream {
    let value = match (&f.ty, example) {
        (Ty::List(inner), Example::List(items)) => {
            let items = items.iter().map(|item| value(s, scope, inner, item));
            quote!(::std::vec::Vec::from([#(#items),*]))
        }
        (Ty::List(inner), single) => {
            let item = value(s, scope, inner, single);
            quote!(::std::vec::Vec::from([#item]))
        }
        (ty, example) => value(s, scope, ty, example),
    };
    if f.is_option() {
        quote!(Some(#value))
    } else {
        value
    }
}

/// `.setter(value)` for a field's example, as a user would write it; nothing for an empty
/// list, which is the default.
fn setter_call(
    s: &Service,
    scope: &Scope<'_>,
    f: &Field,
    example: &Example,
) -> Option<TokenStream> {
    let setter = ident(&f.setter);
    let arg = match (&f.ty, example) {
        (Ty::List(_), Example::List(items)) if items.is_empty() => return None,
        (Ty::List(inner), Example::List(items)) => {
            let items = items.iter().map(|item| setter_arg(s, scope, inner, item));
            quote!([#(#items),*])
        }
        (Ty::List(inner), single) => {
            let item = setter_arg(s, scope, inner, single);
            quote!([#item])
        }
        (ty, example) => setter_arg(s, scope, ty, example),
    };
    Some(quote!(.#setter(#arg)))
}

/// A setter's argument: setters take `impl Into<..>` and box for themselves.
fn setter_arg(s: &Service, scope: &Scope<'_>, ty: &Ty, example: &Example) -> TokenStream {
    match (ty, example) {
        (Ty::Str, e) => {
            let text = e.text().unwrap_or_default();
            quote!(#text)
        }
        (
            Ty::Model {
                name,
                module,
                boxed: true,
            },
            e,
        ) => {
            let unboxed = Ty::Model {
                name: name.clone(),
                module: module.clone(),
                boxed: false,
            };
            value(s, scope, &unboxed, e)
        }
        _ => value(s, scope, ty, example),
    }
}

fn value(s: &Service, scope: &Scope<'_>, ty: &Ty, example: &Example) -> TokenStream {
    match (ty, example) {
        (Ty::Str, e) => {
            let text = e.text().unwrap_or_default();
            quote!(#text.to_owned())
        }
        (Ty::Int, Example::Int(i)) => {
            // A setter's `impl Into<i64>` leaves an unsuffixed literal to default to `i32`.
            let lit = if i32::try_from(*i).is_ok() {
                Literal::i64_unsuffixed(*i)
            } else {
                Literal::i64_suffixed(*i)
            };
            quote!(#lit)
        }
        (Ty::Float, Example::Float(x)) => {
            let lit = Literal::f64_unsuffixed(*x);
            quote!(#lit)
        }
        (Ty::Float, Example::Int(i)) => {
            let lit = Literal::f64_unsuffixed(*i as f64);
            quote!(#lit)
        }
        (Ty::Bool, Example::Bool(b)) => quote!(#b),
        (Ty::Enum { name, .. }, e) => {
            let text = e.text().unwrap_or_default();
            let path = &scope.path;
            let ty = ident(name);
            let known = scope.enums.iter().find(|e| &e.name == name).and_then(|e| {
                e.variants
                    .iter()
                    .find(|v| v.wire == text)
                    .or(e.variants.first().filter(|_| text.is_empty()))
            });
            match known {
                Some(v) => {
                    let v = ident(&v.ident);
                    quote!(#path::#ty::#v)
                }
                None => quote!(#path::#ty::from(#text)),
            }
        }
        (
            Ty::Model {
                name,
                module,
                boxed,
            },
            example,
        ) => {
            let Some(model) = s
                .models
                .iter()
                .find(|m| &m.type_name == name && m.in_request)
            else {
                return quote!(::core::default::Default::default());
            };
            let ty = ident(name);
            let module = ident(module);
            let krate = ident(&s.crate_ident);
            let inner_scope = Scope {
                path: quote!(#krate::models::#module),
                enums: &model.enums,
            };
            let entries: &[(String, Example)] = match example {
                Example::Object(entries) => entries,
                _ => &[],
            };
            let calls = model.fields.iter().filter_map(|f| {
                let given = entries
                    .iter()
                    .find(|(k, _)| k == &f.wire)
                    .map(|(_, v)| v.clone());
                let ex = given
                    .or_else(|| f.example.clone())
                    .or_else(|| f.presence.is_required().then(|| placeholder(f)))?;
                setter_call(s, &inner_scope, f, &ex)
            });
            let built = quote!(#krate::models::#ty::default() #(#calls)*);
            if *boxed {
                quote!(Box::new(#built))
            } else {
                built
            }
        }
        (Ty::List(inner), example) => {
            let items: Vec<TokenStream> = match example {
                Example::List(items) => items.iter().map(|i| value(s, scope, inner, i)).collect(),
                other => vec![value(s, scope, inner, other)],
            };
            quote!(::std::vec::Vec::from([#(#items),*]))
        }
        // Lowering typed every example as its field; anything else is the type's default.
        _ => quote!(::core::default::Default::default()),
    }
}
