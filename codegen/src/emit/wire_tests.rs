//! Per-action wire tests, generated from the spec's examples: the signed form of the example
//! request, reading it back from wire params, decoding the example response, and one
//! rejected request per constraint.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::ir::{Action, Enum, Example, Field, Num, Presence, Service, Ty};
use crate::naming::ident;

/// `tests/wire/main.rs`.
pub fn main_rs(s: &Service) -> TokenStream {
    let modules = s.actions.iter().map(|a| {
        let m = ident(&a.module);
        quote!(mod #m;)
    });
    quote! {
        //! Wire tests for every action, generated from the spec examples.
        mod support;
        #(#modules)*
    }
}

/// Where a field's enums live, as a path prefix.
#[derive(Clone)]
struct Scope<'a> {
    path: TokenStream,
    enums: &'a [Enum],
}

pub fn action_rs(s: &Service, a: &Action) -> TokenStream {
    let krate = ident(&s.crate_name.replace('-', "_"));
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
    let allow = if deprecated {
        quote!(#![allow(deprecated)])
    } else {
        quote!()
    };

    let inits: Vec<TokenStream> = a
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
            let field = ident(&f.ident);
            let value = field_value(s, &scope, f, &example);
            Some(quote!(#field: #value,))
        })
        .collect();
    let rest = if inits.len() < a.request.len() {
        quote!(..::core::default::Default::default())
    } else {
        quote!()
    };
    let mut tests = vec![quote! {
        fn example() -> action::#request {
            action::#request {
                #(#inits)*
                #rest
            }
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
    }];
    if let Some(json) = &a.response_example {
        tests.push(quote! {
            #[test]
            fn example_response() {
                let response: action::#response = crate::support::decode(#json);
                insta::assert_debug_snapshot!(response);
            }
        });
    }
    for f in a.request.iter().filter(|f| !f.presence.is_common()) {
        tests.extend(rejections(s, &scope, &request, f));
    }
    quote! {
        #allow
        use #krate::actions::#module as action;

        #(#tests)*
    }
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
    // The first element carries the violation when the field is an array.
    let path = if matches!(f.ty, Ty::List(_)) {
        format!("{wire}.0")
    } else {
        wire.clone()
    };
    let mut out = Vec::new();
    let mut case = |suffix: &str, bad: Example, rule: String| {
        let name = ident(&format!("{base}_{suffix}_is_rejected"));
        let single = Field {
            ty: f.ty.element().clone(),
            ..f.clone()
        };
        let value = if let Ty::List(_) = f.ty {
            let element = field_value(
                s,
                scope,
                &Field {
                    presence: Presence::Required,
                    ..single
                },
                &bad,
            );
            quote!(::std::vec::Vec::from([#element]))
        } else {
            field_value(s, scope, f, &bad)
        };
        out.push(quote! {
            #[test]
            fn #name() {
                let mut request = example();
                request.#field = #value;
                crate::support::assert_violation(&request, #path, #rule);
            }
        });
    };
    if let Some(max) = f.max {
        let (bad, shown) = step(max, 1);
        case("above_max", bad, format!("must be at most {shown}"));
    }
    if let Some(min) = f.min {
        let (bad, shown) = step(min, -1);
        case("below_min", bad, format!("must be at least {shown}"));
    }
    if let (Some(n), Ty::Str) = (f.max_length, f.ty.element()) {
        case(
            "too_long",
            Example::Scalar("x".repeat(n as usize + 1)),
            format!("must be at most {n} characters long"),
        );
    }
    if let (Some(n), Ty::List(_)) = (f.max_items, &f.ty) {
        let element = Field {
            ty: f.ty.element().clone(),
            presence: Presence::Required,
            ..f.clone()
        };
        let sample = match &f.example {
            Some(Example::List(items)) if !items.is_empty() => items[0].clone(),
            _ => placeholder(&element),
        };
        let value = field_value(s, scope, &element, &sample);
        let count = n as usize + 1;
        let name = ident(&format!("{base}_with_too_many_items_is_rejected"));
        let rule = format!("must have at most {n} items");
        out.push(quote! {
            #[test]
            fn #name() {
                let mut request = example();
                request.#field = ::std::iter::repeat_n(#value, #count).collect();
                crate::support::assert_violation(&request, #wire, #rule);
            }
        });
    }
    if let Ty::Enum { name, closed: true } = f.ty.element()
        && let Some(e) = scope.enums.iter().find(|e| &e.name == name)
    {
        let test = ident(&format!("{base}_outside_the_enum_is_rejected"));
        let allowed = e
            .variants
            .iter()
            .map(|v| v.wire.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let rule = format!("must be one of {allowed}");
        out.push(quote! {
            #[test]
            fn #test() {
                crate::support::assert_param_violation::<action::#request>(#path, "Bogus", #rule);
            }
        });
    }
    out
}

/// A value one step past a bound, and the bound as the violation message shows it.
fn step(bound: Num, by: i64) -> (Example, String) {
    match bound {
        Num::Int(i) => (Example::Scalar((i + by).to_string()), i.to_string()),
        Num::Float(x) => (Example::Scalar((x + by as f64).to_string()), x.to_string()),
    }
}

/// A value that satisfies a required field's type and constraints, for fields the spec gives
/// no example for.
fn placeholder(f: &Field) -> Example {
    let scalar = match f.ty.element() {
        Ty::Str => {
            let n = f.max_length.map_or(7, |n| n.clamp(1, 7)) as usize;
            Example::Scalar("example"[..n].to_owned())
        }
        Ty::Int | Ty::Float => {
            let lo = f.min.map_or(1.0, |n| match n {
                Num::Int(i) => i as f64,
                Num::Float(x) => x,
            });
            let v = match f.max.map(|n| match n {
                Num::Int(i) => i as f64,
                Num::Float(x) => x,
            }) {
                Some(hi) if hi < lo.max(1.0) => hi,
                _ => lo.max(1.0),
            };
            Example::Scalar(if matches!(f.ty.element(), Ty::Int) {
                (v as i64).to_string()
            } else {
                v.to_string()
            })
        }
        Ty::Bool => Example::Scalar("true".into()),
        Ty::Enum { .. } => Example::Scalar(String::new()),
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

fn value(s: &Service, scope: &Scope<'_>, ty: &Ty, example: &Example) -> TokenStream {
    let text = match example {
        Example::Scalar(text) => text.as_str(),
        _ => "",
    };
    match ty {
        Ty::Str => quote!(#text.to_owned()),
        Ty::Int => {
            let lit = Literal::i64_unsuffixed(text.trim().parse().unwrap_or_default());
            quote!(#lit)
        }
        Ty::Float => {
            let lit = Literal::f64_unsuffixed(text.trim().parse().unwrap_or_default());
            quote!(#lit)
        }
        Ty::Bool => {
            let b = text.trim().eq_ignore_ascii_case("true");
            quote!(#b)
        }
        Ty::Enum { name, .. } => {
            let path = &scope.path;
            let e = scope.enums.iter().find(|e| &e.name == name);
            let ty = ident(name);
            match e.and_then(|e| {
                e.variants
                    .iter()
                    .find(|v| v.wire == text)
                    .or(e.variants.first().filter(|_| text.is_empty()))
            }) {
                Some(v) => {
                    let v = ident(&v.ident);
                    quote!(#path::#ty::#v)
                }
                None => {
                    let other = ident(e.map_or("Unknown", |e| e.other.as_str()));
                    quote!(#path::#ty::#other(#text.to_owned()))
                }
            }
        }
        Ty::Model {
            name,
            module,
            boxed,
        } => {
            let Some(model) = s.models.iter().find(|m| &m.type_name == name) else {
                return quote!(::core::default::Default::default());
            };
            let ty = ident(name);
            let module = ident(module);
            let krate = ident(&s.crate_name.replace('-', "_"));
            let inner_scope = Scope {
                path: quote!(#krate::models::#module),
                enums: &model.enums,
            };
            let entries: Vec<(String, Example)> = match example {
                Example::Object(entries) => entries.clone(),
                _ => Vec::new(),
            };
            let mut inits = Vec::new();
            for f in &model.fields {
                let given = entries
                    .iter()
                    .find(|(k, _)| k == &f.wire)
                    .map(|(_, v)| v.clone());
                let Some(ex) = given
                    .or_else(|| f.example.clone())
                    .or_else(|| f.presence.is_required().then(|| placeholder(f)))
                else {
                    continue;
                };
                let field = ident(&f.ident);
                let v = field_value(s, &inner_scope, f, &ex);
                inits.push(quote!(#field: #v,));
            }
            let rest = if inits.len() < model.fields.len() {
                quote!(..::core::default::Default::default())
            } else {
                quote!()
            };
            let built = quote!(#krate::models::#ty { #(#inits)* #rest });
            if *boxed {
                quote!(Box::new(#built))
            } else {
                built
            }
        }
        Ty::List(inner) => {
            let items: Vec<TokenStream> = match example {
                Example::List(items) => items.iter().map(|i| value(s, scope, inner, i)).collect(),
                other => vec![value(s, scope, inner, other)],
            };
            quote!(::std::vec::Vec::from([#(#items),*]))
        }
    }
}
