//! Examples and defaults: they must fit the field's type and its own constraints.

use serde_json::Value;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ir::{self, Example, Ty};
use crate::spec::At;
use crate::yaml::{Kind, Node};

use super::fields::{as_f64, num};

/// Looks up an enum of the field's module by type name.
pub type EnumLookup<'a> = dyn Fn(&str) -> Option<ir::Enum> + 'a;

/// Checks one scalar text (an example or a default) against the field's element type and
/// constraints. `what` is "example" or "default".
pub fn check_scalar(
    text: &str,
    f: &ir::Field,
    enums: &EnumLookup<'_>,
    what: &str,
    loc: &Loc,
    d: &mut Diagnostics,
) -> bool {
    let problem = scalar_problem(text, f, enums, what);
    if let Some((message, help)) = &problem {
        d.push(
            Diagnostic::new(loc.clone(), message.clone())
                .label(format!("this {what}"))
                .help(help.clone()),
        );
    }
    problem.is_none()
}

fn scalar_problem(
    text: &str,
    f: &ir::Field,
    enums: &EnumLookup<'_>,
    what: &str,
) -> Option<(String, String)> {
    let wire = &f.wire;
    let value: Option<f64> = match f.ty.element() {
        Ty::Int => match text.trim().parse::<i64>() {
            Ok(i) => Some(i as f64),
            Err(_) => {
                return Some((
                    format!("the {what} of `{wire}` is `{text}`, which is not an integer"),
                    "write a whole number".into(),
                ));
            }
        },
        Ty::Float => match text.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Some(x),
            _ => {
                return Some((
                    format!("the {what} of `{wire}` is `{text}`, which is not a number"),
                    "write a number".into(),
                ));
            }
        },
        Ty::Bool => {
            if !matches!(text.trim().to_ascii_lowercase().as_str(), "true" | "false") {
                return Some((
                    format!("the {what} of `{wire}` is `{text}`, which is not true or false"),
                    "write `true` or `false`".into(),
                ));
            }
            None
        }
        Ty::Enum { name, .. } => {
            let e = enums(name)?;
            // Examples of open enums may show values the docs left out; defaults may not.
            if (e.closed || what == "default") && !e.variants.iter().any(|v| v.wire == text) {
                let allowed: Vec<&str> = e.variants.iter().map(|v| v.wire.as_str()).collect();
                let help = match crate::suggest::did_you_mean(text, allowed.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the values are: {}", allowed.join(", ")),
                };
                return Some((
                    format!(
                        "the {what} of `{wire}` is `{text}`, which is not one of its enum values"
                    ),
                    help,
                ));
            }
            None
        }
        Ty::Str => None,
        Ty::Model { .. } | Ty::List(_) => {
            return Some((
                format!("the {what} of `{wire}` must be written as a mapping"),
                "write the model's fields under it".into(),
            ));
        }
    };
    if let (Some(v), Some(max)) = (value, f.max)
        && v > as_f64(max)
    {
        return Some((
            format!(
                "the {what} of `{wire}` is {text}, above its `max: {}`",
                num(max)
            ),
            format!("use a value of at most {}", num(max)),
        ));
    }
    if let (Some(v), Some(min)) = (value, f.min)
        && v < as_f64(min)
    {
        return Some((
            format!(
                "the {what} of `{wire}` is {text}, below its `min: {}`",
                num(min)
            ),
            format!("use a value of at least {}", num(min)),
        ));
    }
    if let Some(max) = f.max_length {
        let len = text.chars().count() as u64;
        if len > max {
            return Some((
                format!(
                    "the {what} of `{wire}` is {len} characters long, above its `max_length: {max}`"
                ),
                "shorten it".into(),
            ));
        }
    }
    None
}

/// Lowers an example node. Scalars are checked now; the fields of model examples are checked
/// by [`check_models`] once every model is lowered.
pub fn lower(
    node: &Node,
    f: &ir::Field,
    enums: &EnumLookup<'_>,
    loc: &Loc,
    d: &mut Diagnostics,
) -> Option<Example> {
    match (&f.ty, &node.kind) {
        (Ty::List(_), Kind::Seq(items)) => {
            let element = ir::Field {
                ty: f.ty.element().clone(),
                ..f.clone()
            };
            let mut out = Vec::new();
            for item in items {
                let at = Loc {
                    file: loc.file,
                    span: item.span.clone(),
                };
                out.push(lower(item, &element, enums, &at, d)?);
            }
            Some(Example::List(out))
        }
        (Ty::List(_), _) => {
            let element = ir::Field {
                ty: f.ty.element().clone(),
                ..f.clone()
            };
            Some(Example::List(vec![lower(node, &element, enums, loc, d)?]))
        }
        (Ty::Model { .. }, _) => Some(raw(node)),
        (_, Kind::Scalar { text, .. }) => {
            check_scalar(text, f, enums, "example", loc, d).then(|| Example::Scalar(text.clone()))
        }
        _ => {
            d.push(
                Diagnostic::new(
                    loc.clone(),
                    format!(
                        "the example of `{}` must be a single value, but this is {}",
                        f.wire,
                        node.describe()
                    ),
                )
                .label("expected a value")
                .help("write one value"),
            );
            None
        }
    }
}

fn raw(node: &Node) -> Example {
    match &node.kind {
        Kind::Scalar { text, .. } => Example::Scalar(text.clone()),
        Kind::Seq(items) => Example::List(items.iter().map(raw).collect()),
        Kind::Map(entries) => Example::Object(
            entries
                .iter()
                .map(|(k, v)| {
                    let key = match &k.kind {
                        Kind::Scalar { text, .. } => text.clone(),
                        _ => String::new(),
                    };
                    (key, raw(v))
                })
                .collect(),
        ),
    }
}

/// Checks model-shaped examples against the lowered models.
pub fn check_models(service: &ir::Service, d: &mut Diagnostics) {
    let fields = service
        .actions
        .iter()
        .flat_map(|a| a.request.iter().chain(&a.response))
        .chain(service.models.iter().flat_map(|m| &m.fields));
    for f in fields {
        if let (Some(example), Some(loc), Ty::Model { .. }) =
            (&f.example, &f.example_loc, f.ty.element())
        {
            let items: Vec<&Example> = match example {
                Example::List(items) if f.ty != *f.ty.element() => items.iter().collect(),
                other => vec![other],
            };
            for item in items {
                check_object(item, f.ty.element(), service, &f.wire, loc, d);
            }
        }
    }
}

fn check_object(
    example: &Example,
    ty: &Ty,
    service: &ir::Service,
    path: &str,
    loc: &Loc,
    d: &mut Diagnostics,
) {
    let Ty::Model { name, .. } = ty else { return };
    let Some(model) = service.models.iter().find(|m| &m.type_name == name) else {
        return;
    };
    let Example::Object(entries) = example else {
        d.push(
            Diagnostic::new(
                loc.clone(),
                format!(
                    "the example of `{path}` must be a mapping of `{}` fields",
                    model.wire
                ),
            )
            .label("expected a mapping")
            .help("write the model's fields as `Name: value` lines"),
        );
        return;
    };
    for (key, value) in entries {
        let Some(field) = model.fields.iter().find(|f| &f.wire == key) else {
            let help = match crate::suggest::did_you_mean(
                key,
                model.fields.iter().map(|f| f.wire.as_str()),
            ) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the fields of `{}` are: {}",
                    model.wire,
                    model
                        .fields
                        .iter()
                        .map(|f| f.wire.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            d.push(
                Diagnostic::new(
                    loc.clone(),
                    format!(
                        "the example of `{path}` has `{key}`, which `{}` does not have",
                        model.wire
                    ),
                )
                .label("in this example")
                .help(help),
            );
            continue;
        };
        let enums = |n: &str| model.enums.iter().find(|e| e.name == n).cloned();
        let inner_path = format!("{path}.{key}");
        match (value, field.ty.element()) {
            (_, Ty::Model { .. }) => match value {
                Example::List(items) if matches!(field.ty, Ty::List(_)) => {
                    for item in items {
                        check_object(item, field.ty.element(), service, &inner_path, loc, d);
                    }
                }
                other => check_object(other, field.ty.element(), service, &inner_path, loc, d),
            },
            (Example::Scalar(text), _) => {
                check_scalar(text, field, &enums, "example", loc, d);
            }
            (Example::List(items), _) if matches!(field.ty, Ty::List(_)) => {
                let element = ir::Field {
                    ty: field.ty.element().clone(),
                    ..field.clone()
                };
                for item in items {
                    if let Example::Scalar(text) = item {
                        check_scalar(text, &element, &enums, "example", loc, d);
                    }
                }
            }
            _ => d.push(
                Diagnostic::new(
                    loc.clone(),
                    format!("the example of `{inner_path}` does not fit its type"),
                )
                .label("in this example")
                .help("write a single value for scalar fields and a list for arrays"),
            ),
        }
    }
}

/// Checks a response example: it must be a JSON object.
pub fn response_json(example: &At<String>, d: &mut Diagnostics) -> Option<String> {
    match serde_json::from_str::<Value>(&example.value) {
        Ok(Value::Object(_)) => Some(example.value.trim().to_owned()),
        Ok(_) => {
            d.push(
                Diagnostic::new(
                    example.loc.clone(),
                    "`response_example` must be a JSON object",
                )
                .label("not an object")
                .help("paste the whole response body, starting with `{`"),
            );
            None
        }
        Err(e) => {
            d.push(
                Diagnostic::new(
                    example.loc.clone(),
                    format!("`response_example` is not valid JSON: {e}"),
                )
                .label("in this JSON")
                .help(format!(
                    "fix line {}, column {} of the example",
                    e.line(),
                    e.column()
                )),
            );
            None
        }
    }
}
