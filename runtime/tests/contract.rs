//! The contract between the crates holds: outside the generated crate (and this one), nothing
//! uses `codegen_support`, and the items this crate hides from its docs are only those that
//! generated code calls.

use std::path::{Path, PathBuf};

/// Items hidden from the docs, by the line that follows `#[doc(hidden)]`: generated code calls
/// them, and nothing else may.
const HIDDEN: &[&str] = &[
    "const RETRY_BACKOFF_MS",
    "const REQUEST_BODY",
    "const SENSITIVE",
    "fn common(",
    "pub struct Common",
    "pub mod codegen_support",
    "pub fn prepare<",
    "pub fn prepare_with<",
];

/// Words that name a hidden item where only generated code may.
const GENERATOR_ONLY: &[&str] = &["codegen_support", "prepare_with(", "Common<"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !name.starts_with('.') && name != "target" {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

/// Files under `root`, outside `allowed` top-level folders, that use a generator-only item.
fn offenders(root: &Path, allowed: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(root, &mut files);
    let mut out = Vec::new();
    for path in files {
        let rel = path.strip_prefix(root).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        if allowed.contains(&top.as_ref()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for word in GENERATOR_ONLY {
            if text.contains(word) {
                out.push(format!("{} uses {word}", rel.display()));
            }
        }
    }
    out.sort();
    out
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn only_generated_code_uses_what_only_generated_code_may() {
    // `codegen` writes generated code, so its emitters name these items too.
    let found = offenders(&workspace(), &["generated", "runtime", "codegen"]);
    assert!(
        found.is_empty(),
        "use `compshare::runtime::tools` instead: {found:#?}"
    );
}

#[test]
fn the_check_catches_a_tool_that_reaches_into_codegen_support() {
    let dir = std::env::temp_dir().join(format!("contract-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("mock/src")).unwrap();
    std::fs::create_dir_all(dir.join("generated/src")).unwrap();
    std::fs::write(
        dir.join("mock/src/lib.rs"),
        "use compshare::runtime::codegen_support::FromParams;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("generated/src/lib.rs"),
        "use crate::runtime::codegen_support as rt;\n",
    )
    .unwrap();
    let found = offenders(&dir, &["generated"]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(found, ["mock/src/lib.rs uses codegen_support"]);
}

#[test]
fn hidden_items_are_only_the_generators() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut hidden = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.trim() == "#[doc(hidden)]" {
                let item = lines.find(|l| !l.trim_start().starts_with("#[")).unwrap();
                hidden.push(item.trim().to_owned());
            }
        }
    }
    for item in &hidden {
        assert!(
            HIDDEN.iter().any(|h| item.contains(h)),
            "{item} is hidden from the docs: document it (tools may need it) or add it to HIDDEN if only generated code calls it"
        );
    }
}
