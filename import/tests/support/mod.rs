//! Shared by the import tests: fixture pages, the real specs, and a readable rendering of a
//! plan for snapshots.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use import::{ImportPlan, Page};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture page, named by its path under `tests/fixtures`.
pub fn page(rel: &str) -> Page {
    let text = std::fs::read_to_string(fixtures().join(rel)).unwrap();
    Page::new(rel, text)
}

pub fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/compshare")
}

/// The committed specs, as the command reads them.
pub fn specs() -> Vec<codegen::SpecFile> {
    codegen::read_dir(&spec_dir()).unwrap()
}

/// Only the service file: an otherwise empty spec directory. Its waiters are left out, since
/// they poll an action such a directory lacks.
pub fn service_only() -> Vec<codegen::SpecFile> {
    specs()
        .into_iter()
        .filter(|f| f.path == "service.yaml")
        .map(|mut f| {
            let text = String::from_utf8(f.bytes).expect("service.yaml is UTF-8");
            f.bytes = without_waiters(&text).into_bytes();
            f
        })
        .collect()
}

/// The service file's text without its top-level `waiters:` section.
pub fn without_waiters(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        let top_level = !line.starts_with([' ', '-']) && !line.is_empty();
        if top_level {
            skipping = line.starts_with("waiters:");
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Every planned file, then the report and the warnings.
pub fn render(plan: &ImportPlan) -> String {
    let mut out = String::new();
    for f in &plan.files {
        out.push_str(&format!("=== {} ({})\n{}\n", f.path, f.status, f.contents));
    }
    out.push_str(&render_report(plan));
    out
}

/// The summary and the warnings only.
pub fn render_report(plan: &ImportPlan) -> String {
    let mut out = format!("--- summary\n{}", plan.summary());
    out.push_str("--- warnings\n");
    for w in &plan.warnings {
        out.push_str(&format!("{w}\n"));
    }
    if let Some(failure) = &plan.check_failure {
        out.push_str(&format!("--- codegen check failed\n{failure}\n"));
    }
    out
}

/// The planned files over the existing ones, as the directory would hold them.
pub fn applied(existing: &[codegen::SpecFile], plan: &ImportPlan) -> Vec<codegen::SpecFile> {
    let mut files: Vec<codegen::SpecFile> = existing
        .iter()
        .filter(|f| !plan.files.iter().any(|p| p.path == f.path))
        .cloned()
        .collect();
    for f in &plan.files {
        files.push(codegen::SpecFile {
            path: f.path.clone(),
            bytes: f.contents.clone().into_bytes(),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}
