//! Examples of model-typed fields (`{"Field": "PubTime", "ASC": false}`) may only use the
//! model's fields, with fitting values. The models are final only once every page is in, so
//! this runs last, over the files the import touched.

use std::collections::BTreeSet;

use codegen::spec::FieldSpec;
use serde_json::Value;

use crate::merge::values::{self, Elem, Shape};
use crate::specs::{Content, Owner, Specs};

/// Removes the model examples that do not fit; returns (path, message) for each.
pub fn fix(specs: &mut Specs, touched: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for path in touched {
        let Some(content) = specs.files.get(path).map(|f| f.content.clone()) else {
            continue;
        };
        let mut messages = Vec::new();
        match content {
            Content::Action(mut a) => {
                let before = messages.len();
                for rows in [&mut a.request, &mut a.response] {
                    fix_rows(specs, rows, &mut messages);
                }
                if messages.len() > before {
                    specs.set_action(*a);
                }
            }
            Content::Model(mut m) => {
                fix_rows(specs, &mut m.fields, &mut messages);
                if !messages.is_empty() {
                    specs.set_model(*m);
                }
            }
            _ => {}
        }
        out.extend(messages.into_iter().map(|m| (path.clone(), m)));
    }
    out
}

fn fix_rows(specs: &Specs, rows: &mut [FieldSpec], messages: &mut Vec<String>) {
    for field in rows {
        let Some(example) = &field.example else {
            continue;
        };
        if let Some(why) = misfit(
            specs,
            &field.ty.value,
            &values::from_node(&example.value),
            0,
        ) {
            field.example = None;
            messages.push(format!(
                "`{}`: removed the example: {why}",
                field.name.value
            ));
        }
    }
}

/// Why a model-typed example does not fit its model, if it does not.
fn misfit(
    specs: &Specs,
    ty: &codegen::spec::TypeExpr,
    example: &Value,
    depth: usize,
) -> Option<String> {
    let model = ty.model()?;
    let items: Vec<&Value> = match example {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .find_map(|item| object_misfit(specs, model, item, depth))
}

fn object_misfit(specs: &Specs, model: &str, value: &Value, depth: usize) -> Option<String> {
    if depth > 8 {
        return None;
    }
    let Value::Object(entries) = value else {
        return Some(format!("it is not a mapping of `{model}` fields"));
    };
    let fields = specs.fields(&Owner::Model(model.to_owned()));
    for (key, v) in entries {
        let Some(field) = fields.iter().find(|f| f.name.value == *key) else {
            return Some(format!("`{model}` has no field `{key}`"));
        };
        if let Some(why) = misfit(specs, &field.ty.value, v, depth + 1) {
            return Some(why);
        }
        let shape = Shape::of(field);
        if shape.elem != Elem::Model
            && let Err(why) = values::check(v, &shape, false)
        {
            return Some(format!("{key}: {why}"));
        }
    }
    None
}
