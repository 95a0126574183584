//! Examples and defaults: they must fit the field's type and its own constraints, and they are
//! typed here, once, so that nothing downstream reads their text again.

use serde_json::Value;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::ir::{self, Check, Example, Ty};
use crate::spec::At;
use crate::yaml::{Node, NodeKind};

/// Looks up an enum of the field's module by type name.
pub type EnumLookup<'a> = dyn Fn(&str) -> Option<ir::Enum> + 'a;

/// Types one scalar text (an example or a default) as the field's element type and checks it
/// against the field's constraints. `what` is "example" or "default".
pub fn scalar(
    text: &str,
    f: &ir::Field,
    enums: &EnumLookup<'_>,
    what: &str,
    loc: &Loc,
    d: &mut Diagnostics,
) -> Option<Example> {
    match typed(text, f, enums, what) {
        Ok(example) => Some(example),
        Err((message, help)) => {
            d.push(
                Diagnostic::new(loc.clone(), message)
                    .label(format!("this {what}"))
                    .help(help),
            );
            None
        }
    }
}

fn typed(
    text: &str,
    f: &ir::Field,
    enums: &EnumLookup<'_>,
    what: &str,
) -> Result<Example, (String, String)> {
    let wire = &f.wire;
    let example = match f.ty.element() {
        Ty::Int => match text.trim().parse::<i64>() {
            Ok(i) => Example::Int(i),
            Err(_) => {
                return Err((
                    format!("the {what} of `{wire}` is `{text}`, which is not an integer"),
                    "write a whole number".into(),
                ));
            }
        },
        Ty::Float => match text.trim().parse::<f64>() {
            Ok(x) if x.is_finite() => Example::Float(x),
            _ => {
                return Err((
                    format!("the {what} of `{wire}` is `{text}`, which is not a number"),
                    "write a number".into(),
                ));
            }
        },
        Ty::Bool => match text.trim().to_ascii_lowercase().as_str() {
            "true" => Example::Bool(true),
            "false" => Example::Bool(false),
            _ => {
                return Err((
                    format!("the {what} of `{wire}` is `{text}`, which is not true or false"),
                    "write `true` or `false`".into(),
                ));
            }
        },
        Ty::Enum { name, .. } => {
            if let Some(e) = enums(name) {
                // Examples of open enums may show values the docs left out; defaults may not.
                if (e.closed || what == "default") && !e.variants.iter().any(|v| v.wire == text) {
                    let allowed: Vec<&str> = e.variants.iter().map(|v| v.wire.as_str()).collect();
                    let help = match crate::suggest::did_you_mean(text, allowed.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the values are: {}", allowed.join(", ")),
                    };
                    return Err((
                        format!(
                            "the {what} of `{wire}` is `{text}`, which is not one of its enum values"
                        ),
                        help,
                    ));
                }
            }
            Example::Enum(text.to_owned())
        }
        Ty::Str => Example::Str(text.to_owned()),
        Ty::Model { .. } | Ty::List(_) => {
            return Err((
                format!("the {what} of `{wire}` must be written as a mapping"),
                "write the model's fields under it".into(),
            ));
        }
    };
    for check in f.checks.iter().filter(|c| c.per_element()) {
        if let Some(problem) = breaks(*check, &example) {
            return Err(problem.describe(what, wire, text));
        }
    }
    Ok(example)
}

enum Broken {
    Above(ir::Num),
    Below(ir::Num),
    Long(u64, u64),
}

impl Broken {
    fn describe(&self, what: &str, wire: &str, text: &str) -> (String, String) {
        match self {
            Broken::Above(max) => (
                format!("the {what} of `{wire}` is {text}, above its `max: {max}`"),
                format!("use a value of at most {max}"),
            ),
            Broken::Below(min) => (
                format!("the {what} of `{wire}` is {text}, below its `min: {min}`"),
                format!("use a value of at least {min}"),
            ),
            Broken::Long(len, max) => (
                format!(
                    "the {what} of `{wire}` is {len} characters long, above its `max_length: {max}`"
                ),
                "shorten it".into(),
            ),
        }
    }
}

fn breaks(check: Check, example: &Example) -> Option<Broken> {
    let number = match example {
        Example::Int(i) => Some(*i as f64),
        Example::Float(x) => Some(*x),
        _ => None,
    };
    match check {
        Check::Max(max) if number? > max.as_f64() => Some(Broken::Above(max)),
        Check::Min(min) if number? < min.as_f64() => Some(Broken::Below(min)),
        Check::MaxLength(max) => {
            let len = example.text()?.chars().count() as u64;
            (len > max).then_some(Broken::Long(len, max))
        }
        _ => None,
    }
}

/// The example of a field whose type is not a model, typed. Model-shaped examples wait for
/// every model to be lowered; see [`object`].
pub fn lower(
    node: &Node,
    f: &ir::Field,
    enums: &EnumLookup<'_>,
    loc: &Loc,
    d: &mut Diagnostics,
) -> Option<Example> {
    match (&f.ty, &node.kind) {
        (Ty::List(_), NodeKind::Seq(items)) => {
            let element = element_of(f);
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
        (Ty::List(_), _) => Some(Example::List(vec![lower(
            node,
            &element_of(f),
            enums,
            loc,
            d,
        )?])),
        (_, NodeKind::Scalar { text, .. }) => scalar(text, f, enums, "example", loc, d),
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

fn element_of(f: &ir::Field) -> ir::Field {
    ir::Field {
        ty: f.ty.element().clone(),
        ..f.clone()
    }
}

/// Types the example of a model-typed field (a mapping, or a list of them) against the lowered
/// models. `path` names the field in messages.
pub fn object(
    node: &Node,
    f: &ir::Field,
    models: &[ir::Model],
    path: &str,
    loc: &Loc,
    d: &mut Diagnostics,
) -> Option<Example> {
    match (&f.ty, &node.kind) {
        (Ty::List(_), NodeKind::Seq(items)) => {
            let element = element_of(f);
            let mut out = Vec::new();
            for item in items {
                out.push(object(item, &element, models, path, loc, d)?);
            }
            Some(Example::List(out))
        }
        (Ty::List(_), _) => Some(Example::List(vec![object(
            node,
            &element_of(f),
            models,
            path,
            loc,
            d,
        )?])),
        (Ty::Model { name, .. }, _) => {
            let model = models.iter().find(|m| &m.type_name == name)?;
            model_object(node, model, models, path, loc, d)
        }
        _ => {
            let enums = |_: &str| None;
            lower(node, f, &enums, loc, d)
        }
    }
}

fn model_object(
    node: &Node,
    model: &ir::Model,
    models: &[ir::Model],
    path: &str,
    loc: &Loc,
    d: &mut Diagnostics,
) -> Option<Example> {
    let NodeKind::Map(entries) = &node.kind else {
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
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (key, value) in entries {
        let key = match &key.kind {
            NodeKind::Scalar { text, .. } => text.clone(),
            _ => String::new(),
        };
        let Some(field) = model.fields.iter().find(|f| f.wire == key) else {
            let help = match crate::suggest::did_you_mean(
                &key,
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
            ok = false;
            continue;
        };
        let inner = format!("{path}.{key}");
        let typed = if matches!(field.ty.element(), Ty::Model { .. }) {
            object(value, field, models, &inner, loc, d)
        } else {
            let enums = |n: &str| model.enums.iter().find(|e| e.name == n).cloned();
            let shaped = matches!(
                (&field.ty, &value.kind),
                (Ty::List(_), NodeKind::Seq(_)) | (_, NodeKind::Scalar { .. })
            );
            if !shaped {
                d.push(
                    Diagnostic::new(
                        loc.clone(),
                        format!("the example of `{inner}` does not fit its type"),
                    )
                    .label("in this example")
                    .help("write a single value for scalar fields and a list for arrays"),
                );
                ok = false;
                continue;
            }
            lower(value, field, &enums, loc, d)
        };
        match typed {
            Some(t) => out.push((key, t)),
            None => ok = false,
        }
    }
    ok.then_some(Example::Object(out))
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
