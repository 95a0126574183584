use std::process::ExitCode;

use std::process::Command;

use xtask::{pyenv, root};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  codegen [--check]   regenerate generated/ from specs/ (--check: change nothing, fail if stale)
  import <page>... [--out DIR] [--check]
                      turn API doc pages into specs under DIR (default specs/compshare)
                      (--check: change nothing, fail if anything would change)
  test [ARGS...]      install the official Python SDK into target/pyenv, then run
                      `cargo test --workspace ARGS...` against it
  fuzz [--seconds N]  feed arbitrary and mutated specs to the loader and checker for N
                      seconds per property (default 600), in release mode
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
        ["import", rest @ ..] => import(rest),
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
            "--test",
            "fuzz",
            "--",
            "--nocapture",
        ])
        .env("CODEGEN_FUZZ_SECONDS", seconds.to_string())
        .status();
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn import(args: &[&str]) -> ExitCode {
    let mut pages = Vec::new();
    let mut out = None;
    let mut check = false;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--check" => check = true,
            "--out" => match args.next() {
                Some(dir) => out = Some(std::path::PathBuf::from(dir)),
                None => return usage(),
            },
            _ if arg.starts_with("--out=") => out = Some(arg["--out=".len()..].into()),
            _ if arg.starts_with("--") => return usage(),
            page => pages.push(page),
        }
    }
    if pages.is_empty() {
        return usage();
    }
    let root = root();
    let out = out.unwrap_or_else(|| root.join(xtask::SPEC_DIR));
    let shown = out
        .strip_prefix(&root)
        .unwrap_or(&out)
        .display()
        .to_string();
    let mut inputs = Vec::new();
    for path in &pages {
        match std::fs::read(path) {
            Ok(bytes) => inputs.push(import::Page {
                path: path.to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            }),
            Err(e) => {
                eprintln!("error: cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let existing = if out.exists() {
        match codegen::read_dir(&out) {
            Ok(files) => files,
            Err(e) => {
                eprintln!("error: cannot read {shown}: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        Vec::new()
    };
    let plan = import::import(&inputs, &existing, &shown);
    for w in &plan.warnings {
        eprintln!("{w}");
    }
    for report in &plan.actions {
        print!("{report}");
    }
    if let Some(failure) = &plan.check_failure {
        eprintln!("{failure}");
        eprintln!("the imported specs do not pass codegen's checks; {shown}/ was not changed");
        return ExitCode::FAILURE;
    }
    let changes: Vec<&import::PlannedFile> = plan.changes().collect();
    if check {
        for f in &changes {
            let what = match f.status {
                import::Status::New => "create",
                _ => "update",
            };
            println!("would {what} {shown}/{}", f.path);
        }
        if changes.is_empty() {
            println!("{shown}/ is up to date with the pages");
            return ExitCode::SUCCESS;
        }
        eprintln!("the pages would change {shown}/; run `cargo xtask import` without --check");
        return ExitCode::FAILURE;
    }
    for f in &changes {
        if let Err(e) = write_atomically(&out.join(&f.path), &f.contents) {
            eprintln!("error: cannot write {shown}/{}: {e}", f.path);
            return ExitCode::FAILURE;
        }
    }
    println!(
        "import: {} files written, {} unchanged",
        changes.len(),
        plan.files.len() - changes.len()
    );
    ExitCode::SUCCESS
}

/// Writes through a temporary file renamed into place, so a reader never sees half a spec.
fn write_atomically(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.import-tmp"));
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}
