//! The loader and checker never panic: arbitrary bytes and mutated real specs either load or
//! produce diagnostics whose locations are inside their files.
//!
//! By default each property runs a few hundred cases; `cargo xtask fuzz --seconds N` runs each
//! for N seconds in release mode (see `testkit::fuzz`).

use std::path::Path;
use std::sync::LazyLock;

use codegen::SpecFile;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use testkit::fuzz;

/// Every real spec file, as mutation seeds.
static SEEDS: LazyLock<Vec<SpecFile>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/compshare");
    codegen::read_dir(&dir).unwrap()
});

const SERVICE: &str = "service: Svc\ncrate: svc\nbase_url: https://api.example.com\n";

/// Snippets that mean something to YAML or to the spec format.
const SNIPPETS: &[&str] = &[
    ":",
    ": ",
    "- ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "#",
    "&a ",
    "*a",
    "!t ",
    "\n",
    "  ",
    "| ",
    "> ",
    "---\n",
    "~",
    "null",
    "0",
    "-1",
    "1e999",
    "true",
    "\u{feff}",
    "\u{0}",
    "深",
    "name: ",
    "type: ",
    "Array of ",
    "Array of Array of String",
    "enum:\n  values: []\n",
    "required: true\n",
    "min: 5\nmax: 1\n",
    "example: [",
    "format: bool\n",
    "\\",
    "\r\n",
    "type: Self\n",
    "model: X\n",
    "action: Y\n",
    "values: [a, a]\n",
    "max_items: 0\n",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, usize),
    Delete(usize, usize),
    DuplicateLine(usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), 0..SNIPPETS.len()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        (any::<usize>(), 1usize..40).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let at = |i: usize, len: usize| if len == 0 { 0 } else { i % (len + 1) };
    match *m {
        Mutation::Flip(i, b) if !bytes.is_empty() => {
            let i = i % bytes.len();
            bytes[i] ^= b | 1;
        }
        Mutation::Flip(..) => {}
        Mutation::Insert(i, s) => {
            let i = at(i, bytes.len());
            bytes.splice(i..i, SNIPPETS[s].bytes());
        }
        Mutation::Delete(i, n) => {
            let i = at(i, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Mutation::DuplicateLine(i) => {
            let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
            if !lines.is_empty() {
                let i = i % lines.len();
                let mut out = Vec::new();
                for (j, line) in lines.iter().enumerate() {
                    out.extend_from_slice(line);
                    if j == i {
                        out.extend_from_slice(line);
                    }
                }
                *bytes = out;
            }
        }
        Mutation::Truncate(i) => {
            let i = at(i, bytes.len());
            bytes.truncate(i);
        }
    }
}

/// Loads and checks the files; any diagnostic must render and point inside its file.
fn check_files(files: &[SpecFile]) -> Result<(), TestCaseError> {
    if let Err(failure) = codegen::check(files, "specs/svc") {
        prop_assert!(!failure.diagnostics.list.is_empty());
        let rendered = failure.render(false);
        prop_assert!(rendered.contains("-->"));
        for d in &failure.diagnostics.list {
            let text = &failure.sources.get(d.loc.file).text;
            prop_assert!(d.loc.span.start <= text.len() && d.loc.span.end <= text.len());
        }
    }
    Ok(())
}

fn with_service(mut files: Vec<SpecFile>) -> Vec<SpecFile> {
    files.push(SpecFile {
        path: "service.yaml".into(),
        bytes: SERVICE.as_bytes().to_vec(),
    });
    files
}

#[test]
fn arbitrary_bytes_never_panic() {
    let kinds = ["actions/Ping.yaml", "models/Ping.yaml", "service.yaml"];
    fuzz(
        "arbitrary-bytes",
        (
            proptest::collection::vec(any::<u8>(), 0..400),
            0..kinds.len(),
        ),
        |(bytes, k)| {
            let files = vec![SpecFile {
                path: kinds[k].into(),
                bytes,
            }];
            let files = if k == 2 { files } else { with_service(files) };
            check_files(&files)
        },
    );
}

#[test]
fn mutated_real_specs_never_panic() {
    let seeds = &*SEEDS;
    fuzz(
        "mutated-specs",
        (0..seeds.len(), proptest::collection::vec(mutation(), 1..6)),
        |(i, mutations)| {
            let mut files: Vec<SpecFile> = seeds.clone();
            for m in &mutations {
                apply(&mut files[i].bytes, m);
            }
            check_files(&files)
        },
    );
}

#[test]
fn text_made_of_spec_fragments_never_panics() {
    let fragment = proptest::sample::select(SNIPPETS.to_vec());
    fuzz(
        "spec-fragments",
        proptest::collection::vec(fragment, 0..60),
        |pieces| {
            let text = format!("action: Ping\n{}", pieces.concat());
            check_files(&with_service(vec![SpecFile {
                path: "actions/Ping.yaml".into(),
                bytes: text.into_bytes(),
            }]))
        },
    );
}
