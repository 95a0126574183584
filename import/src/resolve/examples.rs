//! Members of a response example that no table lists. The server is the authority on what it
//! returns, and the compshare-docs examples look captured from it, so such a member becomes an
//! optional row typed from its value and marked `from_example` for a reviewer to confirm,
//! with a warning at its line in the example. Objects become models named as the importer
//! names nested models.
//!
//! The same walk checks the members the tables do list: where a table and the example
//! disagree on a type, the table wins, with a warning.

use codegen::spec::TypeExpr;
use codegen::spec::keys::ENVELOPE_FIELDS;
use serde_json::{Map, Value};

use super::infer::object_of;
use super::nesting::is_identifier;
use super::{Field, ModelPlan, Resolved, element_name};
use crate::doc::{Doc, Warnings};
use crate::extract::constraints::Found;
use crate::specs::{Owner, Specs};

/// Nesting deeper than this is not followed.
const MAX_DEPTH: usize = 8;

/// Adds the response example's unlisted members to `out`, and warns where the example and a
/// table disagree.
pub fn add_missing(
    out: &mut Resolved,
    doc: &Doc,
    action: &str,
    specs: &Specs,
    warnings: &mut Warnings,
) {
    let Some(text) = doc.response_example.as_deref() else {
        return;
    };
    let Ok(Value::Object(root)) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let mut walk = Walk {
        out,
        specs,
        text,
        first_line: doc.response_example_line.max(1),
        warnings,
        made: Vec::new(),
    };
    walk.members(&Owner::Response(action.to_owned()), &root, &[], 0);
}

struct Walk<'a> {
    out: &'a mut Resolved,
    specs: &'a Specs,
    text: &'a str,
    first_line: usize,
    warnings: &'a mut Warnings,
    /// Models this walk made: their rows are named in the warning about the row using them.
    made: Vec<String>,
}

/// A row the page or the spec lists: its name, its type, and whether a table on this page
/// states that type.
struct Listed {
    name: String,
    ty: Option<TypeExpr>,
    stated: bool,
}

impl Walk<'_> {
    fn fields(&self, owner: &Owner) -> Option<&Vec<Field>> {
        match owner {
            Owner::Response(_) => Some(&self.out.response),
            Owner::Model(m) => self
                .out
                .models
                .iter()
                .find(|p| p.name == *m)
                .map(|p| &p.fields),
            Owner::Request(_) => None,
        }
    }

    fn fields_mut(&mut self, owner: &Owner, line: usize) -> Option<&mut Vec<Field>> {
        match owner {
            Owner::Response(_) => Some(&mut self.out.response),
            Owner::Model(m) => {
                let at = match self.out.models.iter().position(|p| p.name == *m) {
                    Some(at) => at,
                    None => {
                        self.out.models.push(ModelPlan {
                            name: m.clone(),
                            description: String::new(),
                            fields: Vec::new(),
                            line,
                        });
                        self.out.models.len() - 1
                    }
                };
                Some(&mut self.out.models[at].fields)
            }
            Owner::Request(_) => None,
        }
    }

    /// The row named `name` (or a name differing only in case) that this page's tables or the
    /// spec list for `owner`.
    fn listed(&self, owner: &Owner, name: &str) -> Option<Listed> {
        let same = |a: &str| a == name || a.eq_ignore_ascii_case(name);
        if let Some(f) = self
            .fields(owner)
            .and_then(|fs| fs.iter().find(|f| same(&f.name)))
        {
            let spec = self.specs.field_type(owner, &f.name);
            return Some(Listed {
                name: f.name.clone(),
                stated: f.stated && !f.from_example,
                ty: f.ty.clone().or(spec),
            });
        }
        self.specs
            .fields(owner)
            .iter()
            .find(|f| same(&f.name.value))
            .map(|f| Listed {
                name: f.name.value.clone(),
                ty: Some(f.ty.value.clone()),
                stated: false,
            })
    }

    fn members(&mut self, owner: &Owner, object: &Map<String, Value>, path: &[&str], depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        // In the order the example writes them.
        let mut members: Vec<(&String, &Value, usize)> = object
            .iter()
            .map(|(k, v)| (k, v, self.offset(path, k)))
            .collect();
        members.sort_by_key(|(_, _, at)| *at);
        for (name, value, at) in members {
            let line = self.first_line + self.text[..at].matches('\n').count();
            let mut inner = path.to_vec();
            inner.push(name);
            match self.listed(owner, name) {
                Some(listed) => {
                    if listed.stated
                        && let Some(ty) = &listed.ty
                        && let Some(shown) = disagreement(ty, value)
                    {
                        self.warnings.push((
                            line,
                            format!(
                                "`{}`: the table says `{ty}` but the response example has {shown}; kept the table's type",
                                listed.name
                            ),
                        ));
                    }
                    let model = listed.ty.as_ref().and_then(TypeExpr::model);
                    if let (Some(model), Some(map)) = (model, object_of(value)) {
                        let owner = Owner::Model(model.to_owned());
                        self.members(&owner, &map, &inner, depth + 1);
                    }
                }
                None if envelope(owner, name) => {}
                None if !is_identifier(name) => self.warnings.push((
                    line,
                    format!("the response example has `{name}`, which cannot be a field name; left it out"),
                )),
                None => self.add(owner, name, value, line, &inner, depth),
            }
        }
    }

    /// Adds `name` to `owner` as an optional row typed from `value`.
    fn add(
        &mut self,
        owner: &Owner,
        name: &str,
        value: &Value,
        line: usize,
        path: &[&str],
        depth: usize,
    ) {
        let ty = self.infer(owner, name, value, line, path, depth);
        let in_made = matches!(owner, Owner::Model(m) if self.made.contains(m));
        if !in_made {
            let mut message = format!(
                "`{name}` ({}): the response example has it but no table lists it; added it as an optional `{ty}` row marked from_example: true",
                owner.name()
            );
            if let Some(model) = ty.model().filter(|m| self.made.iter().any(|x| x == m)) {
                let fields: Vec<&str> = self
                    .out
                    .models
                    .iter()
                    .find(|p| p.name == model)
                    .map(|p| p.fields.iter().map(|f| f.name.as_str()).collect())
                    .unwrap_or_default();
                if fields.is_empty() {
                    message.push_str(&format!(
                        ", with the new model `{model}` and no fields (the example's object is empty)"
                    ));
                } else {
                    message.push_str(&format!(
                        ", with the new model `{model}` ({})",
                        fields.join(", ")
                    ));
                }
            }
            self.warnings.push((line, message));
        }
        let field = Field {
            name: name.to_owned(),
            ty: Some(ty),
            required: Some(false),
            description: String::new(),
            example: None,
            found: Found::default(),
            line,
            from_example: true,
            stated: true,
        };
        if let Some(fields) = self.fields_mut(owner, line) {
            fields.push(field);
        }
    }

    /// The type of a value, making models for objects.
    fn infer(
        &mut self,
        owner: &Owner,
        name: &str,
        value: &Value,
        line: usize,
        path: &[&str],
        depth: usize,
    ) -> TypeExpr {
        let string = |w: &mut Self, why: &str, ty: TypeExpr| {
            w.warnings
                .push((line, format!("`{name}`: {why}; wrote `{ty}`")));
            ty
        };
        match value {
            Value::Bool(_) => TypeExpr::Boolean,
            Value::Number(n) if n.is_f64() => TypeExpr::Float,
            Value::Number(_) => TypeExpr::Integer,
            Value::String(_) => TypeExpr::String,
            Value::Null => string(self, "the response example has null", TypeExpr::String),
            Value::Object(map) => TypeExpr::Model(self.model(owner, name, map, line, path, depth)),
            Value::Array(items) => match items.first() {
                None => string(
                    self,
                    "the response example has an empty list",
                    TypeExpr::String.array_of(true),
                ),
                Some(Value::Array(_)) => string(
                    self,
                    "the response example has a list of lists",
                    TypeExpr::String.array_of(true),
                ),
                Some(Value::Object(_)) => match object_of(value) {
                    Some(map) => TypeExpr::Model(self.model(owner, name, &map, line, path, depth))
                        .array_of(true),
                    None => string(
                        self,
                        "the response example has a list mixing objects and values",
                        TypeExpr::String.array_of(true),
                    ),
                },
                Some(first) => self
                    .infer(owner, name, first, line, path, depth)
                    .array_of(true),
            },
        }
    }

    /// A new model for an object member, with a row for each of its members.
    fn model(
        &mut self,
        owner: &Owner,
        name: &str,
        map: &Map<String, Value>,
        line: usize,
        path: &[&str],
        depth: usize,
    ) -> String {
        let model = element_name(name, owner, self.specs, &self.out.models);
        self.made.push(model.clone());
        self.out.models.push(ModelPlan {
            name: model.clone(),
            description: String::new(),
            fields: Vec::new(),
            line,
        });
        // Said with the row using the model, unless that row is in a model made here too.
        let said = !matches!(owner, Owner::Model(m) if self.made.contains(m));
        if map.is_empty() && !said {
            self.warnings.push((
                line,
                format!("`{name}`: the response example has an empty object; wrote the model `{model}` with no fields"),
            ));
        }
        self.members(&Owner::Model(model.clone()), map, path, depth + 1);
        model
    }

    /// Where a member is written in the example: after its parents, at its quoted name
    /// followed by a colon. The start of the example when it cannot be found.
    fn offset(&self, path: &[&str], name: &str) -> usize {
        let mut at = 0;
        for key in path.iter().copied().chain([name]) {
            match find_key(self.text, key, at) {
                Some(found) => at = found,
                None => return 0,
            }
        }
        at
    }
}

/// `"key"` followed by a colon, at or after `from`.
fn find_key(text: &str, key: &str, from: usize) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let mut start = from;
    while let Some(i) = text.get(start..)?.find(&quoted) {
        let at = start + i;
        let after = text[at + quoted.len()..].trim_start();
        if after.starts_with(':') {
            return Some(at);
        }
        start = at + quoted.len();
    }
    None
}

/// `RetCode`, `Action` and `Message` belong to every response, not to the action.
fn envelope(owner: &Owner, name: &str) -> bool {
    matches!(owner, Owner::Response(_)) && (ENVELOPE_FIELDS.contains(&name) || name == "Message")
}

/// How a value contradicts a type, if it does: its kind and the value, for the message.
fn disagreement(ty: &TypeExpr, value: &Value) -> Option<String> {
    let fits = match (ty, value) {
        (_, Value::Null) => true,
        (TypeExpr::Array(inner), Value::Array(items)) => {
            return items.iter().find_map(|i| disagreement(inner, i));
        }
        (TypeExpr::Array(_), _) | (_, Value::Array(_)) => false,
        (TypeExpr::String, Value::String(_)) => true,
        (TypeExpr::Integer, Value::Number(n)) => !n.is_f64(),
        (TypeExpr::Float, Value::Number(_)) => true,
        (TypeExpr::Boolean, Value::Bool(_)) => true,
        (TypeExpr::Model(_), Value::Object(_)) => true,
        _ => false,
    };
    if fits {
        return None;
    }
    let kind = match value {
        Value::String(_) => "the text",
        Value::Number(n) if n.is_f64() => "the number",
        Value::Number(_) => "the whole number",
        Value::Bool(_) => "the boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "a list",
        Value::Null => "null",
    };
    let mut shown = value.to_string();
    if shown.chars().count() > 40 {
        shown = shown.chars().take(40).collect::<String>() + "…";
    }
    Some(format!("{kind} `{shown}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_after_their_parents() {
        let text = "{\n  \"A\": {\"Id\": 1},\n  \"B\": [\n    {\"Id\": 2}\n  ]\n}";
        let b = find_key(text, "B", 0).unwrap();
        let id = find_key(text, "Id", b).unwrap();
        assert_eq!(text[..id].matches('\n').count(), 3);
        assert_eq!(find_key("{\"A\" : 1}", "A", 0), Some(1));
        assert_eq!(find_key("{\"x\": \"A\"}", "A", 0), None);
    }

    #[test]
    fn the_table_s_type_and_the_value_disagree() {
        let v = |s: &str| serde_json::from_str::<Value>(s).unwrap();
        assert_eq!(disagreement(&TypeExpr::Float, &v("3")), None);
        assert_eq!(disagreement(&TypeExpr::Integer, &v("null")), None);
        assert_eq!(
            disagreement(&TypeExpr::Integer, &v("\"3\"")),
            Some("the text `\"3\"`".into())
        );
        assert_eq!(
            disagreement(&TypeExpr::String.array_of(true), &v("[\"a\", 1]")),
            Some("the whole number `1`".into())
        );
        assert!(disagreement(&TypeExpr::Model("M".into()), &v("[]")).is_some());
    }
}
