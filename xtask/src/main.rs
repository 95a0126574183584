use std::process::{Command, ExitCode};

use xtask::args::{self, Task};
use xtask::{pyenv, root};

fn main() -> ExitCode {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(arg) => {
                eprintln!("error: the argument {arg:?} is not UTF-8");
                return ExitCode::from(2);
            }
        }
    }
    match args::parse(&args) {
        Ok(task) => run(task),
        Err(args::Usage(message)) => {
            eprint!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run(task: Task) -> ExitCode {
    match task {
        Task::Help(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Task::Codegen { check, root } => codegen(check, root.unwrap_or_else(xtask::root)),
        Task::Import { pages, out, check } => ExitCode::from(xtask::import_cmd::run_task(
            &root(),
            &pages,
            out,
            check,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Task::Test { args } => test(&args),
        Task::Fuzz { seconds } => fuzz(seconds),
        Task::Diff(opts) => ExitCode::from(xtask::diff::run(
            &root(),
            &opts,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        )),
        Task::Bench { only: None } => bench(&xtask::bench::PARTS),
        Task::Bench { only: Some(part) } => bench(&[part.as_str()]),
    }
}

fn codegen(check: bool, root: std::path::PathBuf) -> ExitCode {
    let code = xtask::codegen_command(&root, check, &mut std::io::stdout(), &mut std::io::stderr());
    ExitCode::from(code)
}

fn test(args: &[String]) -> ExitCode {
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
