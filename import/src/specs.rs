//! The spec files already in the output directory, read with codegen's spec reader, and kept
//! up to date as pages are imported so that a later page sees what an earlier one wrote.

use std::collections::BTreeMap;

use codegen::diag::{Diagnostics, FileId};
use codegen::spec::{self, ActionSpec, FieldSpec, FileKind, ModelSpec, SpecSet, TypeExpr};

use crate::plan::report::Status;

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

/// What a file holds, as far as the import is concerned.
#[derive(Clone, Debug)]
pub enum Content {
    Action(Box<ActionSpec>),
    Model(Box<ModelSpec>),
    /// An action or model file that does not read cleanly, with the first problem: it is
    /// never rewritten.
    Unreadable(String),
    /// The service file, and anything else the import does not edit.
    Other,
}

#[derive(Clone, Debug)]
pub struct SpecText {
    /// The bytes as read; `None` for a file this run creates.
    pub original: Option<String>,
    /// What the file held as read; `None` for a file this run creates.
    pub before: Option<Content>,
    pub text: String,
    pub content: Content,
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

fn kind_of(path: &str) -> Option<FileKind> {
    match path.split('/').collect::<Vec<_>>().as_slice() {
        ["actions", name] if name.ends_with(".yaml") => Some(FileKind::Action),
        ["models", name] if name.ends_with(".yaml") => Some(FileKind::Model),
        _ => None,
    }
}

/// Reads one action or model file with codegen's reader.
fn read(id: usize, text: &str, kind: FileKind) -> Content {
    let mut set = SpecSet::default();
    let mut diags = Diagnostics::default();
    spec::read_file(FileId(id), text, kind, &mut set, &mut diags);
    if let Some(d) = diags.list.first() {
        return Content::Unreadable(d.message.clone());
    }
    match kind {
        FileKind::Action => set.actions.pop().map(|a| Content::Action(Box::new(a))),
        FileKind::Model => set.models.pop().map(|m| Content::Model(Box::new(m))),
        FileKind::Service => None,
    }
    .unwrap_or_else(|| Content::Unreadable("the file holds no spec".into()))
}

impl Specs {
    pub fn new(files: &[codegen::SpecFile]) -> Self {
        let mut out = Specs::default();
        for (id, f) in files.iter().enumerate() {
            let text = String::from_utf8_lossy(&f.bytes).into_owned();
            let content = match kind_of(&f.path) {
                Some(kind) => read(id, &text, kind),
                None => Content::Other,
            };
            out.files.insert(
                f.path.clone(),
                SpecText {
                    original: Some(text.clone()),
                    before: Some(content.clone()),
                    text,
                    content,
                },
            );
        }
        out
    }

    pub fn action(&self, name: &str) -> Option<&ActionSpec> {
        match &self.files.get(&action_path(name))?.content {
            Content::Action(a) => Some(a),
            _ => None,
        }
    }

    pub fn model(&self, name: &str) -> Option<&ModelSpec> {
        match &self.files.get(&model_path(name))?.content {
            Content::Model(m) => Some(m),
            _ => None,
        }
    }

    pub fn exists(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Why a file that exists cannot be read; it is left alone.
    pub fn unreadable(&self, path: &str) -> Option<&str> {
        match &self.files.get(path)?.content {
            Content::Unreadable(why) => Some(why),
            _ => None,
        }
    }

    pub fn has_model(&self, name: &str) -> bool {
        self.exists(&model_path(name))
    }

    /// The rows a spec lists for an owner.
    pub fn fields(&self, owner: &Owner) -> &[FieldSpec] {
        match owner {
            Owner::Request(a) => self.action(a).map(|a| a.request.as_slice()),
            Owner::Response(a) => self.action(a).map(|a| a.response.as_slice()),
            Owner::Model(m) => self.model(m).map(|m| m.fields.as_slice()),
        }
        .unwrap_or_default()
    }

    /// The type the spec gives a field, found by its name or, failing that, by a name that
    /// differs only in case (which the merge treats as the same field).
    pub fn field_type(&self, owner: &Owner, field: &str) -> Option<TypeExpr> {
        let fields = self.fields(owner);
        fields
            .iter()
            .find(|f| f.name.value == field)
            .or_else(|| {
                fields
                    .iter()
                    .find(|f| f.name.value.eq_ignore_ascii_case(field))
            })
            .map(|f| f.ty.value.clone())
    }

    /// Records an action's new value; an unchanged value keeps the file's exact text. Returns
    /// how the file compares with its state before.
    pub fn set_action(&mut self, a: ActionSpec) -> Status {
        let path = action_path(&a.action.value);
        let same = self
            .action(&a.action.value)
            .is_some_and(|old| spec::write::action_map(old) == spec::write::action_map(&a));
        let text = spec::write::action(&a);
        self.set(&path, same, text, Content::Action(Box::new(a)))
    }

    /// As [`Specs::set_action`], for a model.
    pub fn set_model(&mut self, m: ModelSpec) -> Status {
        let path = model_path(&m.model.value);
        let same = self
            .model(&m.model.value)
            .is_some_and(|old| spec::write::model_map(old) == spec::write::model_map(&m));
        let text = spec::write::model(&m);
        self.set(&path, same, text, Content::Model(Box::new(m)))
    }

    /// Puts a file back as it was read (or removes one this run created); returns whether it
    /// had changed.
    pub fn revert(&mut self, path: &str) -> bool {
        let Some(f) = self.files.get_mut(path) else {
            return false;
        };
        match (&f.original, &f.before) {
            (Some(text), Some(before)) => {
                let changed = f.text != *text;
                f.text = text.clone();
                f.content = before.clone();
                changed
            }
            _ => {
                self.files.remove(path);
                true
            }
        }
    }

    fn set(&mut self, path: &str, same: bool, text: String, content: Content) -> Status {
        match self.files.get_mut(path) {
            Some(f) if same => {
                f.content = content;
                Status::Unchanged
            }
            Some(f) => {
                f.text = text;
                f.content = content;
                Status::Changed
            }
            None => {
                self.files.insert(
                    path.to_owned(),
                    SpecText {
                        original: None,
                        before: None,
                        text,
                        content,
                    },
                );
                Status::New
            }
        }
    }
}
