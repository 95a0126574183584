//! `cargo xtask import` on scratch directories: pages found in directories at any depth, the
//! files that are not action pages skipped, and nothing written when `--check` is given or
//! when something stops the import.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> String {
    fs::read_to_string(xtask::root().join("import/tests/fixtures").join(rel)).unwrap()
}

/// A scratch directory holding `specs/` (the service file only) and `pages/`.
fn scratch(name: &str) -> PathBuf {
    let dir = xtask::root().join("target/xtask-tests").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("specs")).unwrap();
    fs::create_dir_all(dir.join("pages")).unwrap();
    fs::copy(
        xtask::root().join(xtask::SPEC_DIR).join("service.yaml"),
        dir.join("specs/service.yaml"),
    )
    .unwrap();
    dir
}

fn put(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
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

fn run(dir: &Path, args: &[&str]) -> (u8, String, String) {
    let out_dir = dir.join("specs").display().to_string();
    let mut all = vec!["--out", out_dir.as_str()];
    all.extend_from_slice(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = xtask::import_cmd::run(dir, &all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn arg(dir: &Path, rel: &str) -> String {
    dir.join(rel).display().to_string()
}

/// A directory as the official reference has it: action pages, a README, an index, site
/// pages, a page with no table, and a page in a subdirectory.
fn reference_like(dir: &Path) {
    put(
        dir,
        "pages/ref/stop.md",
        &fixture("formats/ucloud-docs-style.md"),
    );
    put(
        dir,
        "pages/ref/nested/widgets.md",
        &fixture("variants/several-tables.md"),
    );
    put(
        dir,
        "pages/ref/README.md",
        "# DescribeNothing 简介\n\n| 名称 | 类型 |\n|--|--|\n| A | String |\n",
    );
    put(
        dir,
        "pages/ref/index.md",
        "# API 索引\n\n| API | 描述信息 |\n|--|--|\n",
    );
    put(
        dir,
        "pages/ref/_sidebar.md",
        "- [StopCompShareInstance](stop.md)\n",
    );
    put(
        dir,
        "pages/ref/notes.md",
        "# 说明 - SomeNotes\n\n只有文字。\n",
    );
    put(dir, "pages/ref/picture.png", "not a page");
}

#[test]
fn a_directory_stands_for_the_action_pages_in_it() {
    let dir = scratch("import-dir");
    reference_like(&dir);
    let (code, out, err) = run(&dir, &[&arg(&dir, "pages/ref")]);
    assert_eq!(code, 0, "{out}\n{err}");
    let written = contents(&dir.join("specs"));
    for file in [
        "actions/StopCompShareInstance.yaml",
        "actions/DescribeWidgets.yaml",
    ] {
        assert!(
            written.contains_key(&dir.join("specs").join(file)),
            "{file}\n{out}"
        );
    }
    assert!(
        out.contains("pages: 2 imported, 4 skipped (not action pages)"),
        "{out}"
    );
    for skipped in [
        "README.md",
        "index.md",
        "_sidebar.md",
        "notes.md: no request or response table",
    ] {
        assert!(out.contains(skipped), "{skipped}\n{out}");
    }
    assert!(!out.contains("picture.png"), "{out}");
    assert!(out.contains("files written"), "{out}");

    // Now up to date: --check passes and writes nothing.
    let before = contents(&dir);
    let (code, out, err) = run(&dir, &["--check", &arg(&dir, "pages/ref")]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("is up to date with the pages"), "{out}");
    assert_eq!(contents(&dir), before);
}

#[test]
fn check_writes_nothing_and_fails_when_something_would_change() {
    let dir = scratch("import-check");
    reference_like(&dir);
    let before = contents(&dir);
    let (code, out, err) = run(&dir, &["--check", &arg(&dir, "pages/ref")]);
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(err.contains("the pages would change"), "{err}");
    assert!(out.contains("new StopCompShareInstance"), "{out}");
    assert_eq!(contents(&dir), before);
}

#[test]
fn a_directory_without_an_action_page_is_an_error() {
    let dir = scratch("import-no-pages");
    put(&dir, "pages/docs/README.md", "# 简介\n");
    put(&dir, "pages/docs/guide/intro.md", "# 入门\n\n只有文字。\n");
    put(&dir, "pages/empty/picture.png", "not a page");
    put(&dir, "pages/good.md", &fixture("formats/ucloud-style.md"));
    let before = contents(&dir);
    for (bad, message) in [
        (
            "pages/docs",
            "pages/docs: no action page found in the directory",
        ),
        (
            "pages/empty",
            "pages/empty: no doc pages (such as .md files) in the directory",
        ),
    ] {
        let (code, out, err) = run(&dir, &[&arg(&dir, "pages/good.md"), &arg(&dir, bad)]);
        assert_eq!(code, 1, "{out}\n{err}");
        assert!(err.contains(message), "{message}\n{err}");
        assert!(err.contains("was not changed"), "{err}");
        assert_eq!(contents(&dir), before, "{bad}");
    }
}

#[test]
fn a_page_that_cannot_be_read_as_a_whole_stops_the_import() {
    let dir = scratch("import-bad-page");
    put(&dir, "pages/good.md", &fixture("formats/ucloud-style.md"));
    put(&dir, "pages/notes.md", "# 说明\n\n只有文字。\n");
    fs::write(dir.join("pages/latin1.md"), b"# GetThing \xe9\n").unwrap();
    let before = contents(&dir);
    for (bad, message) in [
        ("pages/notes.md", "notes.md:1: not an action page"),
        ("pages/latin1.md", "latin1.md: not UTF-8"),
        ("pages/missing.md", "cannot read"),
    ] {
        let (code, out, err) = run(&dir, &[&arg(&dir, "pages/good.md"), &arg(&dir, bad)]);
        assert_eq!(code, 1, "{out}\n{err}");
        assert!(err.contains(message), "{message}\n{err}");
        assert_eq!(contents(&dir), before, "{bad}");
    }
}

#[test]
fn usage_errors() {
    let dir = scratch("import-usage");
    for args in [&[][..], &["--frobnicate", "x.md"][..]] {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(xtask::import_cmd::run(&dir, args, &mut out, &mut err), 2);
        assert!(String::from_utf8(err).unwrap().contains("usage:"));
    }
}
