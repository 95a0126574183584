//! Where each model is used: by which actions, at which field path, on which side. A change to
//! a model is reported once, with these uses listed.

use std::collections::{BTreeMap, BTreeSet};

use codegen::spec::{FieldSpec, ModelSpec, SpecSet};

#[derive(Default)]
pub struct Usage {
    /// Model name → `Action request.Disks[]`-style uses.
    pub paths: BTreeMap<String, BTreeSet<String>>,
    pub in_request: BTreeSet<String>,
    pub in_response: BTreeSet<String>,
}

impl Usage {
    pub fn of(set: &SpecSet) -> Usage {
        let models: BTreeMap<&str, &ModelSpec> = set
            .models
            .iter()
            .map(|m| (m.model.value.as_str(), m))
            .collect();
        let mut usage = Usage::default();
        for a in &set.actions {
            let mut walk = Walk {
                models: &models,
                action: &a.action.value,
                request: true,
                stack: Vec::new(),
                usage: &mut usage,
            };
            walk.fields(&a.request, "request");
            walk.request = false;
            walk.fields(&a.response, "response");
        }
        usage
    }

    /// Whether the model's enums may be closed: it is used in requests only.
    pub fn request_only(&self, model: &str) -> bool {
        self.in_request.contains(model) && !self.in_response.contains(model)
    }
}

struct Walk<'a> {
    models: &'a BTreeMap<&'a str, &'a ModelSpec>,
    action: &'a str,
    request: bool,
    stack: Vec<&'a str>,
    usage: &'a mut Usage,
}

impl<'a> Walk<'a> {
    fn fields(&mut self, fields: &'a [FieldSpec], prefix: &str) {
        for f in fields {
            let Some(model) = f.ty.value.model() else {
                continue;
            };
            let path = format!(
                "{prefix}.{}{}",
                f.name.value,
                if f.ty.value.is_array() { "[]" } else { "" }
            );
            self.usage
                .paths
                .entry(model.to_owned())
                .or_default()
                .insert(format!("{} {path}", self.action));
            let side = if self.request {
                &mut self.usage.in_request
            } else {
                &mut self.usage.in_response
            };
            side.insert(model.to_owned());
            if self.stack.contains(&model) {
                continue;
            }
            if let Some(m) = self.models.get(model) {
                self.stack.push(&m.model.value);
                self.fields(&m.fields, &path);
                self.stack.pop();
            }
        }
    }
}
