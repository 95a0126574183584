//! What the import will write and what it tells the reviewer: the files, codegen's check of
//! them, the last fixes once every page is in, and the summary.

pub mod check;
pub mod diff;
pub mod model_examples;
pub mod report;
pub mod summary;

use std::collections::BTreeSet;

use report::{ActionReport, Conflict, FileReport, HeldBack, Skipped, Status, Warning};

use crate::pipeline::Imported;
use crate::specs::{Content, Specs, action_path, model_path};

/// A file the import writes, relative to the output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedFile {
    pub path: String,
    pub contents: String,
    pub status: Status,
}

#[derive(Clone, Debug, Default)]
pub struct ImportPlan {
    /// Every file the pages touched, by path, with its new contents.
    pub files: Vec<PlannedFile>,
    /// Every action the pages describe, in the order first seen.
    pub actions: Vec<ActionReport>,
    pub warnings: Vec<Warning>,
    pub conflicts: Vec<Conflict>,
    /// Files found in directories that are not action pages.
    pub skipped: Vec<Skipped>,
    /// Actions whose files were left as they were, because codegen's check fails on them.
    pub held_back: Vec<HeldBack>,
    /// Problems that stop the import as a whole: nothing may be written.
    pub errors: Vec<String>,
    /// codegen's check fails, and not on anything the import can hold back; nothing may be
    /// written.
    pub check_failure: Option<String>,
}

impl ImportPlan {
    /// The files that would be created or changed.
    pub fn changes(&self) -> impl Iterator<Item = &PlannedFile> {
        self.files.iter().filter(|f| f.status != Status::Unchanged)
    }

    /// Whether the plan may be written: no error stops it.
    pub fn writable(&self) -> bool {
        self.errors.is_empty() && self.check_failure.is_none()
    }

    /// The summary for the reviewer.
    pub fn summary(&self) -> summary::Summary<'_> {
        summary::Summary(self)
    }
}

/// The files the pages touched, with their status.
pub fn files(specs: &Specs, touched: &BTreeSet<String>) -> Vec<PlannedFile> {
    touched
        .iter()
        .filter_map(|path| {
            let file = specs.files.get(path)?;
            let status = match &file.original {
                None => Status::New,
                Some(old) if *old == file.text => Status::Unchanged,
                Some(_) => Status::Changed,
            };
            Some(PlannedFile {
                path: path.clone(),
                contents: file.text.clone(),
                status,
            })
        })
        .collect()
}

/// One report per action, in the order the pages first name them; each model goes with the
/// first action whose page wrote it.
pub fn reports(specs: &Specs, imported: &[(String, Imported)]) -> Vec<ActionReport> {
    let mut out: Vec<ActionReport> = Vec::new();
    let mut claimed: Vec<String> = Vec::new();
    for (page, i) in imported {
        let at = match out.iter().position(|a| a.action == i.action) {
            Some(at) => at,
            None => {
                out.push(ActionReport {
                    action: i.action.clone(),
                    pages: Vec::new(),
                    file: file_report(specs, &action_path(&i.action), &i.action),
                    models: Vec::new(),
                    retryable: i.retryable.clone(),
                });
                out.len() - 1
            }
        };
        if !out[at].pages.contains(page) {
            out[at].pages.push(page.clone());
        }
        for m in &i.models {
            if !claimed.contains(m) {
                claimed.push(m.clone());
                out[at].models.push(file_report(specs, &model_path(m), m));
            }
        }
    }
    out
}

fn file_report(specs: &Specs, path: &str, name: &str) -> FileReport {
    let mut r = FileReport {
        path: path.to_owned(),
        name: name.to_owned(),
        status: Status::Unchanged,
        changes: Vec::new(),
        rows: 0,
        from_example: 0,
        constraints: 0,
    };
    let Some(file) = specs.files.get(path) else {
        return r;
    };
    let rows = match &file.content {
        Content::Action(a) => [a.request.as_slice(), a.response.as_slice()].concat(),
        Content::Model(m) => m.fields.clone(),
        _ => Vec::new(),
    };
    match (&file.original, &file.before, &file.content) {
        (None, _, _) => {
            r.status = Status::New;
            r.rows = rows.len();
            r.from_example = rows.iter().filter(|f| f.from_example).count();
            r.constraints = rows.iter().map(diff::constraints).sum();
        }
        (Some(old), _, _) if *old == file.text => {}
        (Some(_), Some(Content::Action(old)), Content::Action(new)) => {
            r.status = Status::Changed;
            r.changes = diff::action(old, new);
        }
        (Some(_), Some(Content::Model(old)), Content::Model(new)) => {
            r.status = Status::Changed;
            r.changes = diff::model(old, new);
        }
        _ => r.status = Status::Changed,
    }
    r
}
