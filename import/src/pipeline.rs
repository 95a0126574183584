//! One action page through the stages after its format read it: type its rows, merge them
//! into the specs, and say which files it wrote.

use std::collections::BTreeSet;

use codegen::naming::{IdentKind, rust_name};
use codegen::spec::FieldSpec;

use crate::doc::Doc;
use crate::merge::names;
use crate::specs::{Owner, Specs, action_path, model_path};
use crate::{merge, resolve};

/// What the stages say about a page, by page line.
#[derive(Default)]
pub struct Notes {
    pub warnings: Vec<(usize, String)>,
    pub conflicts: Vec<(usize, String)>,
}

/// What one page wrote.
pub struct Imported {
    pub action: String,
    /// The models the page wrote, by name.
    pub models: Vec<String>,
    /// For a new action: the retryable flag chosen and why.
    pub retryable: Option<String>,
}

/// Why a page is not an action page, if it is not: it names no action, or has no request
/// or response table.
pub fn not_an_action_page(doc: &Doc) -> Option<&'static str> {
    if !doc
        .action
        .as_deref()
        .is_some_and(codegen::spec::is_type_name)
    {
        Some("no action name in its title, an `Action` row or the response example")
    } else if !doc.has_request && !doc.has_response {
        Some("no request or response table")
    } else {
        None
    }
}

/// Imports an action page (see [`not_an_action_page`]).
pub fn page(
    doc: Doc,
    specs: &mut Specs,
    touched: &mut BTreeSet<String>,
    notes: &mut Notes,
) -> Option<Imported> {
    notes.warnings.extend(doc.warnings.iter().cloned());
    notes.conflicts.extend(doc.conflicts.iter().cloned());
    let action = doc.action.clone()?;
    let apath = action_path(&action);
    if let Some(why) = specs.unreadable(&apath) {
        notes.warnings.push((
            doc.title_line,
            format!("{apath} does not read cleanly ({why}); left it alone and skipped the page"),
        ));
        return None;
    }
    let resolved = resolve::resolve(
        &doc,
        &action,
        specs,
        &mut notes.warnings,
        &mut notes.conflicts,
    );
    let models = write_models(&resolved, specs, touched, notes);
    let existing = specs.action(&action).cloned();
    let table = |has: bool, owner: Owner, fields: &[resolve::Field]| {
        has.then(|| merge::rows(specs.fields(&owner), fields))
    };
    let owner = |o: fn(String) -> Owner| o(action.clone());
    let mut request = table(doc.has_request, owner(Owner::Request), &resolved.request);
    // Rows from the response example count even when the page has no response table.
    let has_response = doc.has_response || !resolved.response.is_empty();
    let mut response = table(has_response, owner(Owner::Response), &resolved.response);
    distinct_enums(
        &action,
        &mut request,
        &mut response,
        specs,
        doc.title_line,
        &mut notes.conflicts,
    );
    for m in [&request, &response].into_iter().flatten() {
        notes.warnings.extend(m.warnings.iter().cloned());
        notes.conflicts.extend(m.conflicts.iter().cloned());
    }
    let spec = merge::action(
        existing.as_ref(),
        &action,
        &doc,
        request.as_ref().map(|m| m.rows.clone()),
        response.as_ref().map(|m| m.rows.clone()),
    );
    specs.set_action(spec);
    touched.insert(apath);
    let retryable = existing.is_none().then(|| {
        if merge::read_only(&action) {
            "retryable: true (a read-only Describe/Get/List/Check action)".to_owned()
        } else {
            "retryable: false (not a read-only action, so never retried)".to_owned()
        }
    });
    Some(Imported {
        action,
        models,
        retryable,
    })
}

/// Merges and stores the page's models; returns their names.
fn write_models(
    resolved: &resolve::Resolved,
    specs: &mut Specs,
    touched: &mut BTreeSet<String>,
    notes: &mut Notes,
) -> Vec<String> {
    let mut names = Vec::new();
    for plan in &resolved.models {
        let path = model_path(&plan.name);
        if let Some(why) = specs.unreadable(&path) {
            notes.warnings.push((
                plan.line,
                format!("{path} does not read cleanly ({why}); left it alone"),
            ));
            continue;
        }
        let existing = specs.model(&plan.name).cloned();
        let old_rows = specs.fields(&Owner::Model(plan.name.clone()));
        let mut merged = merge::rows(old_rows, &plan.fields);
        let mut clashes = Vec::new();
        names::distinct_enums(
            &mut [&mut merged.rows],
            std::slice::from_ref(&plan.name),
            &mut clashes,
        );
        notes
            .conflicts
            .extend(clashes.into_iter().map(|w| (plan.line, w)));
        notes.warnings.extend(merged.warnings);
        notes.conflicts.extend(merged.conflicts);
        let spec = merge::model(existing.as_ref(), plan, merged.rows);
        specs.set_model(spec);
        touched.insert(path);
        names.push(plan.name.clone());
    }
    names
}

/// The enums of an action's request and response share its module, and its request,
/// response and builder types. A side the page has no table for is compared as the spec has
/// it, and left alone.
fn distinct_enums(
    action: &str,
    request: &mut Option<merge::Merged>,
    response: &mut Option<merge::Merged>,
    specs: &Specs,
    line: usize,
    conflicts: &mut Vec<(usize, String)>,
) {
    let base = rust_name(action, IdentKind::Type).unwrap_or_default();
    let reserved = ["Request", "Response", "Builder"].map(|s| format!("{base}{s}"));
    let spec_rows = |owner: fn(String) -> Owner| -> Vec<FieldSpec> {
        specs.fields(&owner(action.to_owned())).to_vec()
    };
    let mut req = request
        .as_ref()
        .map_or_else(|| spec_rows(Owner::Request), |m| m.rows.clone());
    let mut resp = response
        .as_ref()
        .map_or_else(|| spec_rows(Owner::Response), |m| m.rows.clone());
    let mut clashes = Vec::new();
    names::distinct_enums(&mut [&mut req, &mut resp], &reserved, &mut clashes);
    conflicts.extend(clashes.into_iter().map(|w| (line, w)));
    if let Some(m) = request {
        m.rows = req;
    }
    if let Some(m) = response {
        m.rows = resp;
    }
}
