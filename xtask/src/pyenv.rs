//! The virtualenv with the official Python SDK and the platform's own CLI, which the
//! conformance, stand-in and interop tests drive. `cargo xtask test` creates it under `target/`
//! so a fresh machine needs nothing but Python 3.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned SDK: the version the reference data was taken from.
pub const SDK: &str = "ucloud-sdk-python3==0.11.150";

/// The pinned compshare-cli, whose source the specs cite. It requires
/// `ucloud-sdk-python3>=0.11.103,<0.12`, so it is installed in the same pip run as [`SDK`],
/// which keeps the SDK at its pin.
pub const CLI: &str = "compshare-cli==0.5.6";

/// Succeeds only when both pins are installed.
const CHECK: &str = "\
import importlib.metadata as m, ucloud.core.auth
assert m.version('ucloud-sdk-python3') == '0.11.150'
assert m.version('compshare-cli') == '0.5.6'
import compshare_cli.cli";

/// Creates `target/pyenv` with the SDK and the CLI if needed, and returns its interpreter.
pub fn ensure(root: &Path) -> Result<PathBuf, String> {
    let venv = root.join("target/pyenv");
    let python = venv.join("bin/python");
    if !python.exists() {
        eprintln!("xtask: creating {}", venv.display());
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    let installed = Command::new(&python)
        .args(["-c", CHECK])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        eprintln!("xtask: installing {SDK} and {CLI}");
        run(Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            SDK,
            CLI,
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
