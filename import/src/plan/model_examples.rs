//! Examples of model-typed fields (`{"Field": "PubTime", "ASC": false}`) may only use the
//! model's fields, with fitting values. The models are final only once every page is in, so
//! this runs last, over the files the import touched.

use std::collections::BTreeSet;

use serde_yaml::{Mapping, Value};

use crate::merge::values::{self, Shape};
use crate::page::types::SpecType;
use crate::specs::Specs;
use crate::write::{get_str, to_yaml};

/// Removes the model examples that do not fit; returns (path, message) for each.
pub fn fix(specs: &mut Specs, touched: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for path in touched {
        let Some(mut map) = specs.files.get(path).and_then(|f| f.value.clone()) else {
            continue;
        };
        let mut changed = false;
        for key in ["request", "response", "fields"] {
            let Some(Value::Sequence(rows)) = map.get(key).cloned() else {
                continue;
            };
            let mut rows = rows;
            for row in rows.iter_mut() {
                let Value::Mapping(field) = row else { continue };
                if let Some(why) = misfit(specs, field, 0) {
                    let name = get_str(field, "name").unwrap_or("?").to_owned();
                    field.remove("example");
                    out.push((
                        path.clone(),
                        format!("`{name}`: removed the example: {why}"),
                    ));
                    changed = true;
                }
            }
            map.insert(key.into(), Value::Sequence(rows));
        }
        if changed {
            specs.set(path, to_yaml(&map), map);
        }
    }
    out
}

/// Why a field's model example does not fit its model, if it does not.
fn misfit(specs: &Specs, field: &Mapping, depth: usize) -> Option<String> {
    let example = field.get("example")?;
    let model = get_str(field, "type")
        .and_then(SpecType::parse)?
        .model()?
        .to_owned();
    let items: Vec<&Value> = match example {
        Value::Sequence(items) => items.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .find_map(|item| object_misfit(specs, &model, item, depth))
}

fn object_misfit(specs: &Specs, model: &str, value: &Value, depth: usize) -> Option<String> {
    if depth > 8 {
        return None;
    }
    let Value::Mapping(entries) = value else {
        return Some(format!("it is not a mapping of `{model}` fields"));
    };
    let fields = specs.fields(&crate::specs::Owner::Model(model.to_owned()));
    for (key, v) in entries {
        let key = key.as_str().unwrap_or_default();
        let Some(field) = fields.iter().find(|f| get_str(f, "name") == Some(key)) else {
            return Some(format!("`{model}` has no field `{key}`"));
        };
        let mut nested = field.clone();
        nested.insert("example".into(), v.clone());
        if let Some(why) = misfit(specs, &nested, depth + 1) {
            return Some(why);
        }
        let shape = Shape::of(field);
        if shape.elem != values::Elem::Model
            && let Err(why) = values::check(v, &shape, false)
        {
            return Some(format!("{key}: {why}"));
        }
    }
    None
}
