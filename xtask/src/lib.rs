//! The project's commands, as a library so that tests run exactly what the commands run.

pub mod bench;
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

/// Reads the specs and generates every file, in memory. A panic in the generator is a bug,
/// and is reported as an error like any other so that nothing is written.
pub fn generate(root: &Path) -> Result<codegen::Output, String> {
    let files = codegen::read_dir(&root.join(SPEC_DIR))
        .map_err(|e| format!("error: cannot read {SPEC_DIR}: {e}"))?;
    let result = std::panic::catch_unwind(|| codegen::generate(&files, SPEC_DIR));
    match result {
        Ok(Ok(output)) => Ok(output),
        Ok(Err(failure)) => Err(failure.render(stderr_is_terminal())),
        Err(_) => Err("error: internal error in the generator (a bug: please report it with the specs that caused it)".into()),
    }
}

/// `cargo xtask codegen [--check]`: the exit code, with the report written to `out` and `err`.
pub fn codegen_command(root: &Path, check: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let output = match generate(root) {
        Ok(output) => output,
        Err(report) => {
            let _ = writeln!(err, "{report}\n{GENERATED_DIR}/ was not changed.");
            return 1;
        }
    };
    let dir = root.join(GENERATED_DIR);
    let plan = match sync::plan(&dir, &output.files) {
        Ok(plan) => plan,
        Err(e) => {
            let _ = writeln!(err, "error: cannot read {GENERATED_DIR}/: {e}");
            return 1;
        }
    };
    if check {
        if plan.is_empty() {
            let _ = writeln!(
                out,
                "{GENERATED_DIR}/ is up to date ({} files)",
                plan.unchanged
            );
            return 0;
        }
        for (what, paths) in [
            ("stale", &plan.stale),
            ("missing", &plan.missing),
            ("extra", &plan.extra),
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
    if let Err(e) = sync::apply(&dir, &output.files, &plan) {
        let _ = writeln!(
            err,
            "error: cannot write {GENERATED_DIR}/: {e}; it was left as it was"
        );
        return 1;
    }
    let _ = writeln!(
        out,
        "codegen: {} actions, {} models; {} files written, {} unchanged, {} removed",
        output.actions,
        output.models,
        plan.stale.len() + plan.missing.len(),
        plan.unchanged,
        plan.extra.len()
    );
    0
}

fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
