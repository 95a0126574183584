//! `cargo xtask codegen [--check]` on a copy of the repository: a bad spec changes nothing
//! under `generated/`, `--check` names every stale, missing or extra file, and a run writes
//! only what changed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// A scratch copy of the specs and the generated crate.
fn scratch(name: &str) -> PathBuf {
    let root = xtask::root();
    let dir = root.join("target/xtask-tests").join(name);
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&root.join(xtask::SPEC_DIR), &dir.join(xtask::SPEC_DIR));
    copy_dir(
        &root.join(xtask::GENERATED_DIR),
        &dir.join(xtask::GENERATED_DIR),
    );
    dir
}

fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(contents(&path));
        } else {
            out.insert(path.clone(), fs::read(&path).unwrap());
        }
    }
    out
}

fn run(root: &Path, check: bool) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = xtask::codegen_command(root, check, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn a_bad_spec_changes_nothing_and_names_file_line_and_column() {
    let root = scratch("bad-spec");
    let before = contents(&root.join("generated"));
    let spec = root.join("specs/compshare/actions/StopCompShareInstance.yaml");
    let text = fs::read_to_string(&spec)
        .unwrap()
        .replace("type: String", "type: Strin");
    fs::write(&spec, text).unwrap();

    let (code, _, err) = run(&root, false);
    assert_eq!(code, 1);
    assert!(
        err.contains("specs/compshare/actions/StopCompShareInstance.yaml:"),
        "{err}"
    );
    assert!(err.contains("did you mean `String`?"), "{err}");
    assert!(err.contains("generated/ was not changed"), "{err}");
    assert_eq!(contents(&root.join("generated")), before);
}

#[test]
fn check_names_stale_missing_and_extra_files_and_a_run_fixes_them() {
    let root = scratch("stale");
    assert_eq!(run(&root, true).0, 0);

    let spec = root.join("specs/compshare/actions/StopCompShareInstance.yaml");
    let text = fs::read_to_string(&spec)
        .unwrap()
        .replace("summary: ", "summary: 新的 ");
    fs::write(&spec, text).unwrap();
    fs::remove_file(root.join("generated/src/client.rs")).unwrap();
    fs::write(
        root.join("generated/src/old.rs"),
        format!("{}\n", codegen::PREAMBLE),
    )
    .unwrap();
    fs::write(root.join("generated/src/hand_written.rs"), "// mine\n").unwrap();

    let (code, _, err) = run(&root, true);
    assert_eq!(code, 1);
    assert!(
        err.contains("stale: generated/src/actions/stop_comp_share_instance.rs"),
        "{err}"
    );
    assert!(err.contains("stale: generated/src/lib.rs"), "{err}");
    assert!(err.contains("missing: generated/src/client.rs"), "{err}");
    assert!(err.contains("extra: generated/src/old.rs"), "{err}");
    assert!(err.contains("run `cargo xtask codegen`"), "{err}");

    let (code, out, _) = run(&root, false);
    assert_eq!(code, 0);
    // The action's module, the crate root (its index shows the summary), the schema the
    // CLI reads (it carries the summary too) and client.rs.
    assert!(
        out.contains("4 files written") && out.contains("1 removed"),
        "{out}"
    );
    assert!(!root.join("generated/src/old.rs").exists());
    assert!(
        root.join("generated/src/hand_written.rs").exists(),
        "hand-written files are left alone"
    );
    assert_eq!(run(&root, true).0, 0);
    let (_, out, _) = run(&root, false);
    assert!(
        out.contains("0 files written"),
        "an unchanged run writes nothing: {out}"
    );
}
