//! `cargo xtask diff`: every check id has a spec pair that triggers it and a near-identical
//! pair that does not (under `tests/diff/<check-id>/` and `tests/diff/<check-id>-not/`, as
//! overlays on `tests/diff/common/`; see `tests/diff/README.md`), golden reports, exit
//! statuses, the changelog, git loading, and the CI script with a fake `gh`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use xtask::diff::{self, CHECKS, FailOn, Report, Severity, TypeStyle};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diff")
}

/// The files under `dir`, as paths relative to it, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A fixture case's two spec trees, built in a fresh directory that is removed on drop.
struct Case {
    root: PathBuf,
}

impl Case {
    fn base(&self) -> PathBuf {
        self.root.join("base")
    }

    fn head(&self) -> PathBuf {
        self.root.join("head")
    }
}

impl Drop for Case {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

/// Builds each side of `tests/diff/<name>/`: `tests/diff/common/`, then the case's `<side>/`
/// overlay on top, then without the paths listed in `<side>.removed`. Panics on a case that is
/// not minimal: an overlay file equal to its common file, a removal of a path common does not
/// have, or a case whose sides are both the common tree.
fn case(name: &str) -> Case {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = fixtures().join(name);
    assert!(dir.is_dir(), "{name}: no such case under tests/diff");
    let common = fixtures().join("common");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diff-cases")
        .join(format!(
            "{name}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
    let _ = fs::remove_dir_all(&root);
    // Built in place, so that a panic below removes the partial trees too.
    let case = Case { root };
    let mut changed = false;
    for side in ["base", "head"] {
        let out = case.root.join(side);
        copy_dir(&common, &out);
        let overlay = dir.join(side);
        if overlay.is_dir() {
            for file in files(&overlay) {
                let text = fs::read(overlay.join(&file)).unwrap();
                assert!(
                    fs::read(common.join(&file)).ok().as_ref() != Some(&text),
                    "{name}/{side}/{}: equal to common/; delete it",
                    file.display()
                );
                fs::create_dir_all(out.join(&file).parent().unwrap()).unwrap();
                fs::write(out.join(&file), text).unwrap();
                changed = true;
            }
        }
        let removed = dir.join(format!("{side}.removed"));
        if removed.is_file() {
            for line in fs::read_to_string(&removed).unwrap().lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                assert!(
                    common.join(line).is_file(),
                    "{name}/{side}.removed: common/ has no `{line}`"
                );
                fs::remove_file(out.join(line)).unwrap();
                changed = true;
            }
        }
    }
    assert!(
        changed,
        "{name}: no overlay; add base/ or head/ files, or a base.removed or head.removed list"
    );
    case
}

/// The report for a fixture pair, with short labels so that snapshots do not hold paths.
fn pair(name: &str) -> Report {
    let case = case(name);
    let mut report = diff::compare_dirs(&case.base(), &case.head(), (Some("0.1.0"), Some("0.1.0")))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    report.base.label = format!("{name}/base");
    report.head.label = format!("{name}/head");
    report
}

#[test]
fn every_check_id_has_a_pair_that_triggers_it_and_one_that_does_not() {
    let mut problems = Vec::new();
    for check in CHECKS {
        for (suffix, expect) in [("", true), ("-not", false)] {
            let name = format!("{}{suffix}", check.name);
            if !fixtures().join(&name).is_dir() {
                problems.push(format!("{name}: no case directory under tests/diff"));
                continue;
            }
            let report = pair(&name);
            let found = report.changes.iter().any(|c| c.check == check.id);
            if found != expect {
                let ids: Vec<&str> = report.changes.iter().map(|c| c.check.name()).collect();
                problems.push(format!(
                    "{name}: {} `{}`; it gives {ids:?}",
                    if expect { "does not give" } else { "gives" },
                    check.name
                ));
            }
            if expect && report.changes.is_empty() {
                problems.push(format!("{name}: no changes at all"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn identical_specs_have_no_changes_and_need_no_bump() {
    let dir = fixtures().join("common");
    let report = diff::compare_dirs(&dir, &dir, (Some("0.1.0"), Some("0.1.0"))).unwrap();
    assert!(report.changes.is_empty());
    assert!(report.bump.satisfied);
    assert_eq!(
        diff::exit_status(&report, Some(FailOn::Unbumped), &mut Vec::new()),
        0
    );
}

#[test]
fn a_rename_is_removed_plus_added_and_says_so() {
    let report = pair("rename");
    let ids: Vec<&str> = report.changes.iter().map(|c| c.check.name()).collect();
    assert_eq!(
        ids,
        ["request-field-removed", "optional-request-field-added"]
    );
    assert!(
        report.changes[0]
            .effect
            .contains("probably renamed to `Elements`")
    );
    insta::assert_snapshot!("rename_markdown", diff::markdown::render(&report, "."));
}

#[test]
fn golden_reports() {
    for name in [
        "constraint-tightened",
        "enum-value-added",
        "response-presence-changed",
        "description-changed",
        "action-unavailable",
    ] {
        let report = pair(name);
        insta::assert_snapshot!(
            format!("{name}_markdown"),
            diff::markdown::render(&report, "https://example.com/blob/abc")
        );
        insta::assert_snapshot!(format!("{name}_json"), diff::json::render(&report));
    }
}

#[test]
fn fail_on_breaking_and_unbumped() {
    let breaking = pair("enum-value-removed");
    assert!(breaking.count(Severity::Breaking) > 0);
    assert_eq!(
        diff::exit_status(&breaking, Some(FailOn::Breaking), &mut Vec::new()),
        1
    );
    assert_eq!(diff::exit_status(&breaking, None, &mut Vec::new()), 0);
    let additive = pair("enum-value-added");
    assert_eq!(additive.count(Severity::Breaking), 0);
    assert_eq!(
        diff::exit_status(&additive, Some(FailOn::Breaking), &mut Vec::new()),
        0
    );
    // 0.1.0 at both ends: additive needs 0.1.1, breaking 0.2.0; only a breaking change must
    // come with its bump.
    assert_eq!(
        diff::exit_status(&additive, Some(FailOn::Unbumped), &mut Vec::new()),
        0
    );
    assert_eq!(
        diff::exit_status(&breaking, Some(FailOn::Unbumped), &mut Vec::new()),
        1
    );
    let case = case("enum-value-removed");
    let bumped =
        diff::compare_dirs(&case.base(), &case.head(), (Some("0.1.0"), Some("0.2.0"))).unwrap();
    assert_eq!(
        diff::exit_status(&bumped, Some(FailOn::Unbumped), &mut Vec::new()),
        0
    );
}

#[test]
fn additions_break_only_exhaustive_types() {
    let report = pair("optional-request-field-added");
    assert_eq!(report.breaking_under(TypeStyle::Exhaustive), 1);
    assert_eq!(report.breaking_under(TypeStyle::NonExhaustive), 0);
    let md = diff::markdown::render(&report, ".");
    assert!(
        md.contains("additive because generated types are non_exhaustive"),
        "{md}"
    );
}

#[test]
fn the_current_type_style_is_what_the_generator_emits() {
    let path = xtask::root().join("generated/src/actions/describe_comp_share_images.rs");
    let text = fs::read_to_string(path).unwrap();
    let at = text
        .find("pub struct DescribeCompShareImagesRequest")
        .unwrap();
    let attrs = &text[..at];
    let attrs = &attrs[attrs.rfind("\n\n").unwrap_or(0)..];
    assert_eq!(
        attrs.contains("#[non_exhaustive]"),
        TypeStyle::CURRENT == TypeStyle::NonExhaustive,
        "TypeStyle::CURRENT is {:?}; the request struct's attributes are:\n{attrs}",
        TypeStyle::CURRENT
    );
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn changelog_entry_is_prepended_once_per_version() {
    let root = scratch("changelog");
    let mut report = pair("enum-value-removed");
    report.head.version = Some("0.2.0".into());
    let message = diff::changelog::write(&root, &report, "2026-12-02").unwrap();
    assert!(message.contains("0.2.0"));
    let first = fs::read_to_string(root.join("CHANGELOG.md")).unwrap();
    insta::assert_snapshot!("changelog", first);
    let err = diff::changelog::write(&root, &report, "2026-12-03").unwrap_err();
    assert!(err.contains("already has an entry for 0.2.0"), "{err}");
    assert_eq!(
        fs::read_to_string(root.join("CHANGELOG.md")).unwrap(),
        first
    );
    report.head.version = Some("0.3.0".into());
    diff::changelog::write(&root, &report, "2026-12-04").unwrap();
    let second = fs::read_to_string(root.join("CHANGELOG.md")).unwrap();
    let (new, old) = (
        second.find("## [0.3.0]").unwrap(),
        second.find("## [0.2.0]").unwrap(),
    );
    assert!(second.starts_with("# Changelog") && new < old, "{second}");
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

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

/// A repository whose `main` has the base specs and whose working tree has the head specs.
fn repo(name: &str, pair: &str) -> PathBuf {
    let case = case(pair);
    let root = scratch(name);
    git(&root, &["init", "-q", "-b", "main"]);
    fs::write(
        root.join("Cargo.toml"),
        "[workspace.package]\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    copy_dir(&case.base(), &root.join("specs/compshare"));
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "base"]);
    git(&root, &["checkout", "-q", "-b", "topic"]);
    fs::remove_dir_all(root.join("specs/compshare")).unwrap();
    copy_dir(&case.head(), &root.join("specs/compshare"));
    fs::write(
        root.join("Cargo.toml"),
        "[workspace.package]\nversion = \"0.2.0\"\n",
    )
    .unwrap();
    root
}

fn run(root: &Path, opts: &diff::Options) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = diff::run(root, opts, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn git_refs_default_to_the_merge_base_with_main_and_the_working_tree() {
    let root = repo("refs", "enum-value-removed");
    let opts = diff::Options {
        fail_on: Some(FailOn::Breaking),
        ..Default::default()
    };
    let (code, out, err) = run(&root, &opts);
    assert_eq!(code, 1, "{err}");
    assert!(out.starts_with(diff::MARKER), "{out}");
    assert!(out.contains("`enum-value-removed`"), "{out}");
    assert!(out.contains("head's version 0.2.0 satisfies it"), "{out}");
    let opts = diff::Options {
        fail_on: Some(FailOn::Unbumped),
        head: Some("main".into()),
        ..Default::default()
    };
    let (code, out, _) = run(&root, &opts);
    assert_eq!(code, 0);
    assert!(out.contains("No API changes."), "{out}");
    let opts = diff::Options {
        base: Some("no-such-ref".into()),
        ..Default::default()
    };
    let (code, _, err) = run(&root, &opts);
    assert_eq!(code, 1);
    assert!(
        err.contains("`no-such-ref` does not name a commit"),
        "{err}"
    );
}

#[test]
fn a_side_that_does_not_load_is_named_with_its_diagnostics() {
    let root = repo("broken", "summary-changed");
    fs::write(
        root.join("specs/compshare/actions/ListThings.yaml"),
        "action: ListThings\nrequest: 3\n",
    )
    .unwrap();
    let (code, out, err) = run(&root, &diff::Options::default());
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("the specs at the working tree do not load"),
        "{err}"
    );
    assert!(
        err.contains("specs/compshare/actions/ListThings.yaml"),
        "{err}"
    );
}

#[test]
fn the_command_line() {
    let xtask = env!("CARGO_BIN_EXE_xtask");
    let out = Command::new(xtask)
        .args(["diff", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(xtask)
        .args(["diff", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("--fail-on breaking|unbumped"), "{help}");
}

/// Runs the CI script with a fake `gh` that logs its arguments, and a fake diff command.
fn ci(name: &str, comment: Option<&str>, diff_ok: bool, labels: &str) -> (bool, String, String) {
    let dir = scratch(name);
    let log = dir.join("gh.log");
    fs::write(
        dir.join("gh"),
        format!(
            "#!/bin/sh\necho \"$*\" >> '{}'\ncase \"$*\" in *--jq*) printf '%s' \"$FAKE_COMMENT_ID\" ;; esac\n",
            log.display()
        ),
    )
    .unwrap();
    fs::write(dir.join("report.md"), format!("{}\nreport\n", diff::MARKER)).unwrap();
    let chmod = Command::new("chmod")
        .arg("+x")
        .arg(dir.join("gh"))
        .status()
        .unwrap();
    assert!(chmod.success());
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .arg(xtask::root().join(".github/scripts/api-diff.sh"))
        .env("PATH", path)
        .env("REPO", "o/r")
        .env("PR", "7")
        .env("REPORT", dir.join("report.md"))
        .env("BASE_REF", "origin/main")
        .env("LABELS", labels)
        .env("DIFF_CMD", if diff_ok { "true" } else { "false" })
        .env("FAKE_COMMENT_ID", comment.unwrap_or(""))
        .output()
        .unwrap();
    let log = fs::read_to_string(log).unwrap_or_default();
    (
        out.status.success(),
        log,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn ci_script_creates_one_comment_then_updates_it() {
    let (ok, log, err) = ci("ci-create", None, true, "");
    assert!(ok, "{err}");
    let calls: Vec<&str> = log.lines().collect();
    assert_eq!(calls.len(), 2, "{log}");
    assert!(
        calls[0].starts_with("api --paginate repos/o/r/issues/7/comments --jq"),
        "{log}"
    );
    assert!(
        calls[1].starts_with("api --method POST repos/o/r/issues/7/comments -F body=@"),
        "{log}"
    );

    let (ok, log, err) = ci("ci-update", Some("42"), true, "");
    assert!(ok, "{err}");
    let calls: Vec<&str> = log.lines().collect();
    assert_eq!(calls.len(), 2, "{log}");
    assert!(
        calls[1].starts_with("api --method PATCH repos/o/r/issues/comments/42 -F body=@"),
        "{log}"
    );
}

#[test]
fn ci_script_fails_an_unbumped_version_unless_acknowledged() {
    let (ok, _, err) = ci("ci-fail", Some("42"), false, "docs,specs");
    assert!(!ok);
    assert!(err.contains("api-breaking-acknowledged"), "{err}");
    let (ok, _, err) = ci(
        "ci-ack",
        Some("42"),
        false,
        "docs,api-breaking-acknowledged",
    );
    assert!(ok, "{err}");
    let (ok, _, err) = ci("ci-near-miss", None, false, "api-breaking-acknowledged-not");
    assert!(!ok, "{err}");
}

#[test]
fn the_readme_lists_every_check() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diff/README.md");
    let text = fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- checks:start -->\n", "<!-- checks:end -->");
    let a = text.find(start).expect("the start marker") + start.len();
    let b = text.find(end).expect("the end marker");
    let table = diff::checks::markdown_table();
    if text[a..b] == table {
        return;
    }
    if std::env::var_os("UPDATE_DIFF_README").is_some() {
        fs::write(&path, format!("{}{table}{}", &text[..a], &text[b..])).unwrap();
        return;
    }
    panic!(
        "xtask/src/diff/README.md does not list the checks of checks.rs; run this test with UPDATE_DIFF_README=1"
    );
}

#[test]
fn outside_a_git_repository_the_error_says_so() {
    let root = std::env::temp_dir().join(format!("xtask-diff-no-git-{}", std::process::id()));
    fs::create_dir_all(&root).unwrap();
    let inside = Command::new("git")
        .current_dir(&root)
        .args(["rev-parse", "--git-dir"])
        .output()
        .unwrap()
        .status
        .success();
    if !inside {
        let opts = diff::Options {
            base: Some("HEAD".into()),
            ..Default::default()
        };
        let (code, _, err) = run(&root, &opts);
        assert_eq!(code, 1);
        assert!(err.contains("is not in a git repository"), "{err}");
    }
    let _ = fs::remove_dir_all(&root);
}
