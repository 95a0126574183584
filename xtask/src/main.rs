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
  test [ARGS...]      install the official Python SDK and compshare-cli into target/pyenv,
                      then run `cargo test --workspace ARGS...` against them
  fuzz [--seconds N]  run every fuzz property for N seconds (default 600) in release mode:
                      the spec loader and checker, the JSON reader, the envelope reader and
                      decoders, the by-name param reader, and form encoding with signing
  bench [--only client|scale|compile]
                      every figure of BENCHMARKS.md, as Markdown with ratios: the client's
                      overhead against the official Python SDK, codegen of 80, 1,000 and 5,000
                      actions, and compile times
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] => codegen(false, root()),
        ["codegen", "--check"] => codegen(true, root()),
        // Another checkout's specs and generated/, for benchmarks and tests.
        ["codegen", "--root", dir] => codegen(false, dir.into()),
        ["codegen", "--check", "--root", dir] => codegen(true, dir.into()),
        ["test", rest @ ..] => test(rest),
        ["import", rest @ ..] => ExitCode::from(xtask::import_cmd::main(rest)),
        ["bench"] => bench(&xtask::bench::PARTS),
        ["bench", "--only", part] if xtask::bench::PARTS.contains(part) => bench(&[part]),
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

fn codegen(check: bool, root: std::path::PathBuf) -> ExitCode {
    let code = xtask::codegen_command(&root, check, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code)
}

fn test(args: &[&str]) -> ExitCode {
    let root = root();
    let python = match pyenv::ensure(&root) {
        Ok(python) => python,
        Err(e) => {
            eprintln!("error: cannot set up the Python SDK and compshare-cli: {e}");
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

fn bench(parts: &[&str]) -> ExitCode {
    let root = root();
    let python = if parts.contains(&"client") {
        match pyenv::ensure(&root) {
            Ok(python) => Some(python),
            Err(e) => {
                eprintln!("error: cannot set up the Python SDK: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    match xtask::bench::run(&root, parts, python.as_deref()) {
        Ok(report) => {
            print!("{report}");
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
