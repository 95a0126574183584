//! codegen's own checks over the result, the last guard before anything is written. An action
//! the checks fail on is held back, with the models its pages wrote: its files stay as they
//! were, and the rest of the import goes on.

use std::collections::BTreeSet;

use codegen::Failure;

use super::report::HeldBack;
use crate::pipeline::Imported;
use crate::specs::{Specs, action_path, model_path};

/// What the checks decided: the actions held back, and a failure nothing can be blamed on
/// (then nothing may be written).
#[derive(Default)]
pub struct Outcome {
    pub held_back: Vec<HeldBack>,
    pub failure: Option<String>,
}

/// Checks the result, when the directory is a whole service, holding back the actions the
/// checks fail on until they pass. Specs that failed before the import are not the import's
/// doing, and are not held against it.
pub fn run(specs: &mut Specs, shown_dir: &str, imported: &[(String, Imported)]) -> Outcome {
    let mut out = Outcome::default();
    if !specs.exists("service.yaml") {
        return out;
    }
    let Some(mut failure) = check(&files(specs, false), shown_dir) else {
        return out;
    };
    if check(&files(specs, true), shown_dir).is_some() {
        return out;
    }
    loop {
        let blamed = blame(&failure, shown_dir, imported, &out.held_back);
        if blamed.is_empty() {
            out.failure = Some(failure.render(false));
            return out;
        }
        for (action, reasons) in blamed {
            let mut held = HeldBack {
                action: action.clone(),
                files: Vec::new(),
                reasons,
            };
            for path in written_by(&action, imported) {
                if specs.revert(&path) {
                    held.files.push(path);
                }
            }
            out.held_back.push(held);
        }
        match check(&files(specs, false), shown_dir) {
            Some(f) => failure = f,
            None => return out,
        }
    }
}

/// The files the pages of `action` wrote: its own, and its models.
fn written_by(action: &str, imported: &[(String, Imported)]) -> BTreeSet<String> {
    let mut out = BTreeSet::from([action_path(action)]);
    for (_, i) in imported.iter().filter(|(_, i)| i.action == action) {
        out.extend(i.models.iter().map(|m| model_path(m)));
    }
    out
}

/// The actions the diagnostics point at, not yet held back, each with its reasons: an action
/// file names its action, a model file the actions whose pages wrote it.
fn blame(
    failure: &Failure,
    shown_dir: &str,
    imported: &[(String, Imported)],
    held: &[HeldBack],
) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for d in &failure.diagnostics.list {
        let source = failure.sources.get(d.loc.file);
        let (line, _) = failure.sources.line_col(&d.loc);
        let reason = format!("{}:{line}: {}", source.path, d.message);
        let path = source
            .path
            .strip_prefix(shown_dir)
            .map(|p| p.trim_start_matches('/'))
            .unwrap_or(&source.path);
        for (_, i) in imported {
            let wrote =
                path == action_path(&i.action) || i.models.iter().any(|m| path == model_path(m));
            if !wrote || held.iter().any(|h| h.action == i.action) {
                continue;
            }
            match out.iter_mut().find(|(a, _)| *a == i.action) {
                Some((_, reasons)) if !reasons.contains(&reason) => reasons.push(reason.clone()),
                Some(_) => {}
                None => out.push((i.action.clone(), vec![reason.clone()])),
            }
        }
    }
    out
}

/// The spec files as read (`original`) or as the import would write them.
fn files(specs: &Specs, original: bool) -> Vec<codegen::SpecFile> {
    specs
        .files
        .iter()
        .filter_map(|(path, f)| {
            let text = if original {
                f.original.as_ref()?
            } else {
                &f.text
            };
            Some(codegen::SpecFile {
                path: path.clone(),
                bytes: text.as_bytes().to_vec(),
            })
        })
        .collect()
}

/// codegen's checks; a checker panic must not take the import down with it.
fn check(files: &[codegen::SpecFile], shown_dir: &str) -> Option<Failure> {
    std::panic::catch_unwind(|| codegen::check(files, shown_dir).err()).unwrap_or_else(|_| {
        let mut sources = codegen::diag::Sources::default();
        let file = sources.add(shown_dir.to_owned(), String::new());
        let mut diagnostics = codegen::diag::Diagnostics::default();
        diagnostics.push(codegen::diag::Diagnostic::new(
            codegen::diag::Loc { file, span: 0..0 },
            "codegen's checker panicked on the imported specs",
        ));
        Some(Failure {
            sources,
            diagnostics,
        })
    })
}
