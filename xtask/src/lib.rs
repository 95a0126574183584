//! The project's commands, as a library so that tests run exactly what the commands run.

pub mod args;
pub mod bench;
pub mod diff;
pub mod import_cmd;
pub mod pyenv;
pub mod sync;

use std::io::Write;
use std::path::{Path, PathBuf};

/// The repository root: the parent of this crate's directory.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_owned()
}

/// Where the specs live, and how diagnostics name that directory.
pub const SPEC_DIR: &str = "specs/compshare";
/// The generated crate.
pub const GENERATED_DIR: &str = "generated";

/// Reads and checks the specs, and lists the files they make. A panic in the generator is a
/// bug, and is reported as an error like any other so that nothing is written.
pub fn plan(root: &Path) -> Result<codegen::CodegenPlan, String> {
    let files = codegen::read_dir(&root.join(SPEC_DIR))
        .map_err(|e| format!("error: cannot read {SPEC_DIR}: {e}"))?;
    let result = std::panic::catch_unwind(|| codegen::plan(&files, SPEC_DIR));
    match result {
        Ok(Ok(plan)) => Ok(plan),
        Ok(Err(failure)) => Err(failure.render(stderr_is_terminal())),
        Err(_) => Err(BUG.into()),
    }
}

const BUG: &str = "error: internal error in the generator (a bug: please report it with the specs that caused it)";

/// `cargo xtask codegen [--check]`: the exit code, with the report written to `out` and `err`.
pub fn codegen_command(root: &Path, check: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let plan = match plan(root) {
        Ok(plan) => plan,
        Err(report) => {
            let _ = writeln!(err, "{report}\n{GENERATED_DIR}/ was not changed.");
            return 1;
        }
    };
    let dir = root.join(GENERATED_DIR);
    let staged = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        sync::run(&dir, &plan, !check)
    }));
    let staged = match staged {
        Ok(Ok(staged)) => staged,
        Ok(Err(sync::Failure::Render(path, message))) => {
            let failure = codegen::internal(&path, message);
            let _ = writeln!(
                err,
                "{}\n{GENERATED_DIR}/ was not changed.",
                failure.render(stderr_is_terminal())
            );
            return 1;
        }
        Ok(Err(sync::Failure::Io(message))) => {
            let _ = writeln!(err, "error: {message}; {GENERATED_DIR}/ was not changed");
            return 1;
        }
        Err(_) => {
            let _ = writeln!(err, "{BUG}\n{GENERATED_DIR}/ was not changed.");
            return 1;
        }
    };
    let report = &staged.report;
    if check {
        if report.is_clean() {
            let _ = writeln!(
                out,
                "{GENERATED_DIR}/ is up to date ({} files)",
                report.unchanged
            );
            return 0;
        }
        for (what, paths) in [
            ("stale", &report.stale),
            ("missing", &report.missing),
            ("extra", &report.extra),
        ] {
            for path in paths {
                let _ = writeln!(err, "{what}: {GENERATED_DIR}/{path}");
            }
        }
        let _ = writeln!(
            err,
            "{GENERATED_DIR}/ does not match specs/; run `cargo xtask codegen` to update it"
        );
        return 1;
    }
    let summary = format!(
        "codegen: {} actions, {} models; {} files written, {} unchanged, {} removed",
        plan.service.actions.len(),
        plan.service.models.len(),
        report.stale.len() + report.missing.len(),
        report.unchanged,
        report.extra.len()
    );
    if let Err(e) = staged.commit(&dir) {
        let _ = writeln!(
            err,
            "error: cannot write {GENERATED_DIR}/: {e}; it may be partly updated, run `cargo xtask codegen` again"
        );
        return 1;
    }
    let _ = writeln!(out, "{summary}");
    0
}

fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
