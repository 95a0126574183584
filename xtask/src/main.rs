use std::process::ExitCode;

use std::process::Command;

use xtask::{pyenv, root};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen [--check]   regenerate generated/ from specs/ (--check: change nothing, fail if stale)
  import <page or dir>... [--out DIR] [--check]
                      turn API doc pages (or the pages in a directory) into specs under DIR
                      (default specs/compshare) (--check: change nothing, fail if anything
                      would change)
  test [ARGS...]      install the official Python SDK into target/pyenv, then run
                      `cargo test --workspace ARGS...` against it
  fuzz [--seconds N]  run every fuzz property for N seconds (default 600) in release mode:
                      the spec loader and checker, the JSON reader, the envelope reader and
                      decoders, the by-name param reader, and form encoding with signing
  bench               time codegen, a clean build of the compshare crate alone, and its
                      rebuild after one spec changes
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        ["test", rest @ ..] => test(rest),
        ["import", rest @ ..] => ExitCode::from(xtask::import_cmd::main(rest)),
        ["bench"] => bench(),
        ["fuzz"] => fuzz(600),
        ["fuzz", "--seconds", n] => match n.parse() {
            Ok(n) => fuzz(n),
            Err(_) => usage(),
        },
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprint!("{USAGE}");
    ExitCode::from(2)
}

fn codegen(check: bool) -> ExitCode {
    let code = xtask::codegen_command(
        &root(),
        check,
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    ExitCode::from(code)
}

fn test(args: &[&str]) -> ExitCode {
    let root = root();
    let python = match pyenv::ensure(&root) {
        Ok(python) => python,
        Err(e) => {
            eprintln!("error: cannot set up the Python SDK: {e}");
            return ExitCode::FAILURE;
        }
    };
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&root)
        .args(["test", "--workspace"])
        .args(args)
        .env("COMPSHARE_PYTHON", &python)
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: cannot run cargo test: {e}");
            ExitCode::FAILURE
        }
    }
}

fn bench() -> ExitCode {
    match xtask::bench::run(&root()) {
        Ok(r) => {
            println!(
                "codegen (80 actions, all files, in memory): {:.2?}",
                r.codegen
            );
            println!(
                "clean debug build of the compshare crate alone: {:.1?}",
                r.clean_build
            );
            println!(
                "rebuild after one spec changes (codegen + build): {:.1?}",
                r.incremental_build
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn fuzz(seconds: u64) -> ExitCode {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root())
        .args([
            "test",
            "--release",
            "-p",
            "codegen",
            "-p",
            "compshare-runtime",
            "-p",
            "compshare",
            "--test",
            "fuzz",
            "--",
            "--nocapture",
            // One property at a time, so each gets the whole machine for its budget.
            "--test-threads=1",
        ])
        .env("FUZZ_SECONDS", seconds.to_string())
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}
