//! Snapshots of the generated code for fixture specs: every shape the generator supports, and
//! an obstacle course of names. `compile.rs` checks that the same output builds cleanly.

use std::path::Path;

fn generate(name: &str) -> codegen::Output {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let files = codegen::read_dir(&dir).unwrap();
    codegen::generate(&files, &format!("tests/fixtures/{name}"))
        .unwrap_or_else(|f| panic!("fixture {name} must generate:\n{f}"))
}

fn snapshot_all(name: &str) {
    let output = generate(name);
    for (path, text) in &output.files {
        let snapshot = format!("{name}__{}", path.replace('/', "__"));
        insta::assert_snapshot!(snapshot, text);
    }
}

#[test]
fn shapes() {
    snapshot_all("shapes");
}

#[test]
fn obstacle_course() {
    snapshot_all("obstacle");
}

/// A second service: its own crate, runtime name, variables and defaults.
#[test]
fn a_second_service() {
    snapshot_all("udisk");
}

/// Nothing of the first service leaks into a second one: the generator is generic.
#[test]
fn a_second_service_never_mentions_the_first() {
    for (path, text) in generate("udisk").files {
        assert!(
            !text.to_lowercase().contains("compshare"),
            "{path} mentions CompShare"
        );
    }
}

#[test]
fn every_file_starts_with_the_preamble() {
    for name in ["shapes", "obstacle", "udisk"] {
        for (path, text) in generate(name).files {
            assert!(text.starts_with(codegen::PREAMBLE), "{name}: {path}");
        }
    }
}

/// The same specs give the same bytes whatever order their files are read in.
#[test]
fn output_does_not_depend_on_file_order() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/compshare");
    let files = codegen::read_dir(&dir).unwrap();
    let first = codegen::generate(&files, "specs/compshare").unwrap();

    let mut reversed = files.clone();
    reversed.reverse();
    let mut rotated = files.clone();
    rotated.rotate_left(files.len() / 3);
    for order in [reversed, rotated] {
        let again = codegen::generate(&order, "specs/compshare").unwrap();
        assert_eq!(again.files, first.files);
    }
}
