//! The spec files already in the output directory, read with serde_yaml, and kept up to date
//! as pages are imported so that a later page sees what an earlier one wrote.

use std::collections::BTreeMap;

use serde_yaml::{Mapping, Value};

/// Whose fields a lookup is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owner {
    Request(String),
    Response(String),
    Model(String),
}

impl Owner {
    /// The name a nested model is prefixed with.
    pub fn name(&self) -> &str {
        match self {
            Owner::Request(n) | Owner::Response(n) | Owner::Model(n) => n,
        }
    }
}

#[derive(Clone, Debug)]
pub struct SpecText {
    /// The bytes as read; `None` for a file this run creates.
    pub original: Option<String>,
    pub text: String,
    /// `None` when the file is not a YAML mapping: it is then never rewritten.
    pub value: Option<Mapping>,
}

#[derive(Clone, Debug, Default)]
pub struct Specs {
    pub files: BTreeMap<String, SpecText>,
}

pub fn action_path(name: &str) -> String {
    format!("actions/{name}.yaml")
}

pub fn model_path(name: &str) -> String {
    format!("models/{name}.yaml")
}

impl Specs {
    pub fn new(files: &[codegen::SpecFile]) -> Self {
        let mut out = Specs::default();
        for f in files {
            let text = String::from_utf8_lossy(&f.bytes).into_owned();
            let value = match serde_yaml::from_str::<Value>(&text) {
                Ok(Value::Mapping(m)) => Some(m),
                _ => None,
            };
            out.files.insert(
                f.path.clone(),
                SpecText {
                    original: Some(text.clone()),
                    text,
                    value,
                },
            );
        }
        out
    }

    fn mapping(&self, path: &str) -> Option<&Mapping> {
        self.files.get(path)?.value.as_ref()
    }

    pub fn action(&self, name: &str) -> Option<&Mapping> {
        self.mapping(&action_path(name))
    }

    pub fn model(&self, name: &str) -> Option<&Mapping> {
        self.mapping(&model_path(name))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// A file that exists but cannot be read as a mapping; it is left alone.
    pub fn unreadable(&self, path: &str) -> bool {
        self.files.get(path).is_some_and(|f| f.value.is_none())
    }

    pub fn has_model(&self, name: &str) -> bool {
        self.exists(&model_path(name))
    }

    /// The rows a spec lists for an owner.
    pub fn fields(&self, owner: &Owner) -> Vec<Mapping> {
        let (map, key) = match owner {
            Owner::Request(a) => (self.action(a), "request"),
            Owner::Response(a) => (self.action(a), "response"),
            Owner::Model(m) => (self.model(m), "fields"),
        };
        map.and_then(|m| m.get(key))
            .and_then(Value::as_sequence)
            .map(|rows| {
                rows.iter()
                    .filter_map(|r| r.as_mapping().cloned())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The `type:` the spec gives a field.
    pub fn field_type(&self, owner: &Owner, field: &str) -> Option<String> {
        self.fields(owner).iter().find_map(|f| {
            (f.get("name")?.as_str()? == field)
                .then(|| f.get("type")?.as_str().map(str::to_owned))
                .flatten()
        })
    }

    pub fn set(&mut self, path: &str, text: String, value: Mapping) {
        let original = self.files.get(path).and_then(|f| f.original.clone());
        self.files.insert(
            path.to_owned(),
            SpecText {
                original,
                text,
                value: Some(value),
            },
        );
    }
}
