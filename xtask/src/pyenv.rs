//! The virtualenv with the official Python SDK, which the conformance and stand-in tests
//! compare against. `cargo xtask test` creates it under `target/` so a fresh machine needs
//! nothing but Python 3.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned SDK: the version the reference data was taken from.
pub const SDK: &str = "ucloud-sdk-python3==0.11.150";

/// Creates `target/pyenv` with the SDK if needed, and returns its interpreter.
pub fn ensure(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/pyenv");
    let python = venv.join("bin/python");
    if !python.exists() {
        eprintln!("xtask: creating {}", venv.display());
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let has_sdk = Command::new(&python)
        .args([
            "-c",
            "import ucloud.core.auth, ucloud.version as v; assert v.version == '0.11.150'",
        ])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !has_sdk {
        eprintln!("xtask: installing {SDK}");
        run(Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            SDK,
        ]))?;
    }
    Ok(python)
}

fn run(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    match command.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("{shown} failed: {status}")),
        Err(e) => Err(format!("{shown} could not start: {e}")),
    }
}
