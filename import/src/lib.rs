//! `cargo xtask import`: turns CompShare API doc pages into spec files.
//!
//! Pages (path and text) and the spec files already in the output directory go in; the
//! planned file contents and a report come out. Everything happens in memory: the command
//! line decides whether to write.
//!
//! Each page goes through the stages in order:
//!
//! 1. its format reads it into a `Doc`: for Markdown, `page` splits it into blocks and
//!    cleans cells, and `extract` decides which table is which and reads constraints from
//!    the prose;
//! 2. `resolve` gives every row a spec type, binds model tables to the fields using them, and
//!    adds the members only the response example shows;
//! 3. `merge` folds the result into the existing specs, as codegen's spec values;
//! 4. `plan` checks the result with codegen (holding back an action it rejects) and sums up
//!    what changed.
//!
//! Doc formats have one seam, `format::DocFormat`: a new syntax implements it and is added to
//! `format::FORMATS`, and every later stage works unchanged. Directories are searched for
//! pages by the extensions of those formats ([`is_page_path`]).

mod doc;
mod extract;
mod format;
mod merge;
mod page;
mod pipeline;
mod plan;
mod resolve;
mod specs;

use std::collections::BTreeSet;

pub use plan::diff::Change;
pub use plan::report::{ActionReport, Conflict, FileReport, HeldBack, Skipped, Status, Warning};
pub use plan::{ImportPlan, PlannedFile};

use specs::Specs;

/// Whether a file found in a directory may be a doc page: a format claims its extension.
pub fn is_page_path(path: &str) -> bool {
    format::claiming(path).is_some()
}

/// A doc page: where it was read from (for messages) and its text.
#[derive(Clone, Debug)]
pub struct Page {
    pub path: String,
    pub text: String,
    /// The directory it was found in, when it was not named on its own: such a page may turn
    /// out not to be an action page, and is then skipped rather than an error.
    pub dir: Option<String>,
}

impl Page {
    /// A page named on its own.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Page {
            path: path.into(),
            text: text.into(),
            dir: None,
        }
    }

    /// A page found in `dir`.
    pub fn found_in(
        dir: impl Into<String>,
        path: impl Into<String>,
        text: impl Into<String>,
    ) -> Self {
        Page {
            dir: Some(dir.into()),
            ..Page::new(path, text)
        }
    }
}

/// Files that are never action pages, whatever they hold: a directory's README and index,
/// and the site's own pages (`_sidebar.md`, `_glossary.md`).
fn not_a_page_by_name(path: &str) -> bool {
    let name = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.starts_with('_') || name == "readme" || name == "index"
}

/// Imports `pages`, in order, over the `existing` spec files. `shown_dir` names the output
/// directory in codegen's messages.
pub fn import(pages: &[Page], existing: &[codegen::SpecFile], shown_dir: &str) -> ImportPlan {
    let mut specs = Specs::new(existing);
    let mut plan = ImportPlan::default();
    let mut touched = BTreeSet::new();
    let mut imported = Vec::new();
    let mut recognized = Vec::new();
    for page in pages {
        let mut notes = pipeline::Notes::default();
        if page.dir.is_some() && not_a_page_by_name(&page.path) {
            plan.skipped.push(Skipped {
                path: page.path.clone(),
                why: "a README, index or site page".into(),
            });
            continue;
        }
        let doc = format::for_path(&page.path).read(&page.text);
        if let Some(why) = pipeline::not_an_action_page(&doc) {
            match &page.dir {
                Some(_) => plan.skipped.push(Skipped {
                    path: page.path.clone(),
                    why: why.into(),
                }),
                None => plan.errors.push(format!(
                    "{}:{}: not an action page: {why}",
                    page.path, doc.title_line
                )),
            }
            continue;
        }
        recognized.push(page.path.as_str());
        if let Some(i) = pipeline::page(doc, &mut specs, &mut touched, &mut notes) {
            imported.push((page.path.clone(), i));
        }
        for list in [&mut notes.warnings, &mut notes.conflicts] {
            list.sort_by_key(|(line, _)| *line);
            list.dedup();
        }
        let path = &page.path;
        plan.warnings
            .extend(notes.warnings.into_iter().map(|(line, message)| Warning {
                path: path.clone(),
                line,
                message,
            }));
        plan.conflicts
            .extend(notes.conflicts.into_iter().map(|(line, message)| Conflict {
                path: path.clone(),
                line,
                message,
            }));
    }
    for (path, message) in plan::model_examples::fix(&mut specs, &touched) {
        plan.warnings.push(Warning {
            path: format!("{shown_dir}/{path}"),
            line: 1,
            message,
        });
    }
    let mut dirs: Vec<&str> = pages.iter().filter_map(|p| p.dir.as_deref()).collect();
    dirs.dedup();
    for dir in dirs {
        let has_action_page = pages
            .iter()
            .any(|p| p.dir.as_deref() == Some(dir) && recognized.contains(&p.path.as_str()));
        if !has_action_page {
            plan.errors
                .push(format!("{dir}: no action page found in the directory"));
        }
    }
    let checked = plan::check::run(&mut specs, shown_dir, &imported);
    plan.held_back = checked.held_back;
    plan.check_failure = checked.failure;
    plan.files = plan::files(&specs, &touched);
    plan.actions = plan::reports(&specs, &imported);
    plan
}
