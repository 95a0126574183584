//! The project's commands, as a library so that tests run exactly what the commands run.

pub mod pyenv;
pub mod sync;

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

/// Reads the specs and generates every file, in memory.
pub fn generate(root: &Path) -> Result<codegen::Output, String> {
    let files = codegen::read_dir(&root.join(SPEC_DIR))
        .map_err(|e| format!("error: cannot read {SPEC_DIR}: {e}"))?;
    codegen::generate(&files, SPEC_DIR).map_err(|failure| failure.render(stderr_is_terminal()))
}

fn stderr_is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}
