//! Every class of malformed spec gets a located, rustc-style diagnostic that says what is wrong
//! and how to fix it. Cases live in `tests/bad/`, each laid over a small valid spec set.

use std::collections::BTreeMap;
use std::path::Path;

use codegen::SpecFile;

const SERVICE: &str = "service: Svc\ncrate: svc\nbase_url: https://api.example.com\n";
const PING: &str =
    "action: Ping\nretryable: true\nresponse:\n  - name: Items\n    type: Array of Item\n";
const ITEM: &str = "model: Item\nfields:\n  - name: Id\n    type: String\n";

fn base() -> BTreeMap<String, Vec<u8>> {
    [
        ("service.yaml", SERVICE),
        ("actions/Ping.yaml", PING),
        ("models/Item.yaml", ITEM),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_owned(), t.as_bytes().to_vec()))
    .collect()
}

/// Lays the files of a case over the base set. A case file is a series of `# file: <path>`
/// headers, each followed by that file's content.
fn overlay(case: &str) -> Vec<SpecFile> {
    let mut files = base();
    let mut current: Option<(String, String)> = None;
    for line in case.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix("# file: ") {
            if let Some((p, text)) = current.take() {
                files.insert(p, text.into_bytes());
            }
            current = Some((path.trim().to_owned(), String::new()));
        } else if let Some((_, text)) = current.as_mut() {
            text.push_str(line);
        }
    }
    if let Some((p, text)) = current {
        files.insert(p, text.into_bytes());
    }
    to_spec_files(files)
}

fn to_spec_files(files: BTreeMap<String, Vec<u8>>) -> Vec<SpecFile> {
    files
        .into_iter()
        .map(|(path, bytes)| SpecFile { path, bytes })
        .collect()
}

fn render(files: &[SpecFile]) -> String {
    match codegen::generate(files, "specs/svc") {
        Ok(_) => panic!("the specs must be rejected"),
        Err(failure) => failure.render(false),
    }
}

#[test]
fn the_base_set_is_valid() {
    codegen::generate(&to_spec_files(base()), "specs/svc").unwrap();
}

#[test]
fn every_bad_spec_class() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "the cases are missing");
    for case in cases {
        let name = case.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&case).unwrap();
        insta::assert_snapshot!(name, render(&overlay(&text)));
    }
}

#[test]
fn a_file_that_is_not_utf8() {
    let mut files = base();
    files.insert(
        "models/Item.yaml".into(),
        b"model: Item\nfields:\n  - name: \xff\xfeId\n".to_vec(),
    );
    insta::assert_snapshot!(render(&to_spec_files(files)));
}

#[test]
fn a_missing_service_file() {
    let mut files = base();
    files.remove("service.yaml");
    insta::assert_snapshot!(render(&to_spec_files(files)));
}
