use std::process::ExitCode;

use std::process::Command;

use xtask::{GENERATED_DIR, generate, pyenv, root, sync};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen [--check]   regenerate generated/ from specs/ (--check: change nothing, fail if stale)
  test [ARGS...]      install the official Python SDK into target/pyenv, then run
                      `cargo test --workspace ARGS...` against it
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] => codegen(false),
        ["codegen", "--check"] => codegen(true),
        ["test", rest @ ..] => test(rest),
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn codegen(check: bool) -> ExitCode {
    let root = root();
    let output = match generate(&root) {
        Ok(output) => output,
        Err(report) => {
            eprintln!("{report}");
            eprintln!("{GENERATED_DIR}/ was not changed.");
            return ExitCode::FAILURE;
        }
    };
    let dir = root.join(GENERATED_DIR);
    let plan = match sync::plan(&dir, &output.files) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("error: cannot read {GENERATED_DIR}/: {e}");
            return ExitCode::FAILURE;
        }
    };
    if check {
        if plan.is_empty() {
            println!("{GENERATED_DIR}/ is up to date ({} files)", plan.unchanged);
            return ExitCode::SUCCESS;
        }
        for (what, paths) in [
            ("stale", &plan.stale),
            ("missing", &plan.missing),
            ("extra", &plan.extra),
        ] {
            for path in paths {
                eprintln!("{what}: {GENERATED_DIR}/{path}");
            }
        }
        eprintln!("{GENERATED_DIR}/ does not match specs/; run `cargo xtask codegen` to update it");
        return ExitCode::FAILURE;
    }
    if let Err(e) = sync::apply(&dir, &output.files, &plan) {
        eprintln!("error: cannot write {GENERATED_DIR}/: {e}");
        return ExitCode::FAILURE;
    }
    println!(
        "codegen: {} actions, {} models; {} files written, {} unchanged, {} removed",
        output.actions,
        output.models,
        plan.stale.len() + plan.missing.len(),
        plan.unchanged,
        plan.extra.len()
    );
    ExitCode::SUCCESS
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
