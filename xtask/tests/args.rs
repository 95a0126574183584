//! `cargo xtask`'s command line: flags in any order, help from the same table as the parser,
//! and a clear error with exit status 2 for anything else.

use std::path::PathBuf;
use std::process::Command;

use xtask::args::{COMMANDS, Task, Usage, parse};

fn parsed(args: &[&str]) -> Result<Task, Usage> {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    parse(&args)
}

fn task(args: &[&str]) -> Task {
    parsed(args).unwrap_or_else(|Usage(e)| panic!("{args:?} should parse:\n{e}"))
}

/// The message for a command line that must be refused.
fn refused(args: &[&str]) -> String {
    match parsed(args) {
        Err(Usage(message)) => message,
        Ok(task) => panic!("{args:?} should be refused, parsed as {task:?}"),
    }
}

#[test]
fn codegen_takes_its_flags_in_any_order() {
    let want = Task::Codegen {
        check: true,
        root: Some(PathBuf::from("/some/dir")),
    };
    for args in [
        &["codegen", "--check", "--root", "/some/dir"][..],
        &["codegen", "--root", "/some/dir", "--check"],
        &["codegen", "--root=/some/dir", "--check"],
        &["codegen", "--check", "--root=/some/dir"],
    ] {
        assert_eq!(task(args), want, "{args:?}");
    }
    assert_eq!(
        task(&["codegen"]),
        Task::Codegen {
            check: false,
            root: None
        }
    );
}

#[test]
fn import_takes_pages_and_flags_interleaved() {
    let want = Task::Import {
        pages: vec!["a.md".into(), "docs/".into()],
        out: Some(PathBuf::from("out")),
        check: true,
    };
    for args in [
        &["import", "a.md", "docs/", "--out", "out", "--check"][..],
        &["import", "--check", "a.md", "--out=out", "docs/"],
        &["import", "--out", "out", "a.md", "--check", "docs/"],
        &["import", "--check", "--out", "out", "--", "a.md", "docs/"],
    ] {
        assert_eq!(task(args), want, "{args:?}");
    }
    // After `--`, a page may look like a flag.
    assert_eq!(
        task(&["import", "--", "--odd.md"]),
        Task::Import {
            pages: vec!["--odd.md".into()],
            out: None,
            check: false
        }
    );
}

#[test]
fn fuzz_bench_and_test() {
    assert_eq!(task(&["fuzz"]), Task::Fuzz { seconds: 600 });
    assert_eq!(
        task(&["fuzz", "--seconds", "30"]),
        Task::Fuzz { seconds: 30 }
    );
    assert_eq!(task(&["fuzz", "--seconds=30"]), Task::Fuzz { seconds: 30 });
    assert_eq!(task(&["bench"]), Task::Bench { only: None });
    assert_eq!(
        task(&["bench", "--only", "scale"]),
        Task::Bench {
            only: Some("scale".into())
        }
    );
    // Everything after `test` goes to `cargo test --workspace`, flags included.
    assert_eq!(
        task(&["test", "-p", "codegen", "--check", "--", "--nocapture"]),
        Task::Test {
            args: ["-p", "codegen", "--check", "--", "--nocapture"]
                .map(String::from)
                .to_vec()
        }
    );
}

#[test]
fn mistakes_are_named_with_the_usage() {
    for (args, message) in [
        (
            &["codegen", "--frob"][..],
            "unknown flag `--frob` for `cargo xtask codegen`",
        ),
        (&["codegen", "--chek"], "did you mean `--check`?"),
        (&["codegen", "-x"], "unknown flag `-x`"),
        (&["codegen", "--root"], "`--root` needs a value: --root DIR"),
        (&["codegen", "--root", "--check"], "`--root` needs a value"),
        (&["codegen", "--check=yes"], "`--check` takes no value"),
        (
            &["codegen", "--check", "--check"],
            "`--check` is given twice",
        ),
        (&["codegen", "specs"], "unexpected argument `specs`"),
        (&["import"], "give at least one <page or dir>..."),
        (&["import", "--check"], "give at least one <page or dir>..."),
        (
            &["import", "--frobnicate", "x.md"],
            "unknown flag `--frobnicate`",
        ),
        (
            &["fuzz", "--seconds", "ten"],
            "whole number of seconds, not `ten`",
        ),
        (
            &["fuzz", "--seconds", "-5"],
            "whole number of seconds, not `-5`",
        ),
        (
            &["bench", "--only", "speed"],
            "`--only` is one of client, scale, compile, not `speed`",
        ),
        (&["bench", "--all"], "unknown flag `--all`"),
    ] {
        let err = refused(args);
        assert!(err.starts_with("error: "), "{args:?}: {err}");
        assert!(err.contains(message), "{args:?}: {message}\n{err}");
        let command = args[0];
        assert!(
            err.contains(&format!("usage: cargo xtask {command}")),
            "{args:?}: {err}"
        );
        assert!(
            err.contains(&format!("cargo xtask {command} --help")),
            "{args:?}: {err}"
        );
    }
    for (args, message) in [
        (&[][..], "error: no command given"),
        (
            &["codgen"],
            "error: unknown command `codgen` (did you mean `codegen`?)",
        ),
        (
            &["--check"],
            "error: unknown flag before the command `--check`",
        ),
        (&["help", "nothing"], "error: unknown command `nothing`"),
    ] {
        let err = refused(args);
        assert!(err.contains(message), "{args:?}: {message}\n{err}");
        assert!(err.contains("commands:\n  codegen"), "{args:?}: {err}");
    }
}

#[test]
fn help_lists_every_command_and_flag() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let Task::Help(help) = task(args) else {
            panic!("{args:?} is a request for help")
        };
        for c in COMMANDS {
            let line = xtask::args::usage_line(c);
            let line = line.trim_start_matches("cargo xtask ");
            assert!(help.contains(&format!("\n  {line}\n")), "{line}: {help}");
            for f in c.flags {
                assert!(help.contains(f.name), "{}: {help}", f.name);
            }
        }
    }
    for c in COMMANDS {
        // Anywhere among the flags, and as `help <command>`.
        let with_flag = [c.name, "--help"];
        let mut after = vec![c.name];
        if c.name == "import" {
            after.extend(["x.md", "--check"]);
        }
        after.push("-h");
        for args in [&with_flag[..], &after[..], &["help", c.name][..]] {
            let Task::Help(help) = task(args) else {
                panic!("{args:?} is a request for help")
            };
            assert!(
                help.starts_with(&format!("usage: cargo xtask {}", c.name)),
                "{help}"
            );
            for f in c.flags {
                assert!(
                    help.contains(&format!("\n  {}", f.name)),
                    "{}: {help}",
                    f.name
                );
                assert!(help.contains(f.help), "{}: {help}", f.name);
            }
            assert!(help.contains("-h, --help"), "{help}");
        }
    }
}

fn xtask(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_binary_exits_2_on_a_mistake_and_0_on_help() {
    let (code, out, err) = xtask(&["codegen", "--frob"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("unknown flag `--frob`"), "{err}");
    let (code, out, err) = xtask(&[]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    let (code, out, _) = xtask(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("codegen [--check] [--root DIR]"), "{out}");
    let (code, out, _) = xtask(&["bench", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--only client|scale|compile"), "{out}");
}

#[test]
fn the_binary_runs_codegen_with_root_before_check() {
    let root = xtask::root();
    let dir = root.join("target/xtask-tests/args-order");
    let _ = std::fs::remove_dir_all(&dir);
    for sub in [xtask::SPEC_DIR, xtask::GENERATED_DIR] {
        copy_dir(&root.join(sub), &dir.join(sub));
    }
    let shown = dir.display().to_string();
    for args in [
        ["codegen", "--root", shown.as_str(), "--check"],
        ["codegen", "--check", "--root", shown.as_str()],
    ] {
        let (code, out, err) = xtask(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("generated/ is up to date"), "{out}");
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
