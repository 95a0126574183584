//! The virtualenv with the official Python SDK, the platform's own CLI (with its MCP server)
//! and the official MCP client, which the conformance, stand-in, interop and MCP tests drive.
//! `cargo xtask test` creates it under `target/` so a fresh machine needs nothing but Python 3.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned SDK: the version the reference data was taken from.
pub const SDK: &str = "ucloud-sdk-python3==0.11.150";

/// The pinned compshare-cli, whose source the specs cite. It requires
/// `ucloud-sdk-python3>=0.11.103,<0.12`, so it is installed in the same pip run as [`SDK`],
/// which keeps the SDK at its pin.
pub const CLI: &str = "compshare-cli==0.5.6";

/// [`CLI`] with its MCP extra, for its `compshare-mcp` server, which `cargo xtask bench`
/// measures next to `compshare mcp`.
pub const CLI_MCP: &str = "compshare-cli[mcp]==0.5.6";

/// The official MCP client (the Python SDK), which drives `compshare mcp` in the CLI's tests
/// and the bench. compshare-cli's MCP extra accepts this version.
pub const MCP: &str = "mcp==2.3.0";

/// Succeeds only when every pin is installed.
const CHECK: &str = "\
import importlib.metadata as m, ucloud.core.auth
assert m.version('ucloud-sdk-python3') == '0.11.150'
assert m.version('compshare-cli') == '0.5.6'
assert m.version('mcp') == '2.3.0'
import compshare_cli.cli, compshare_cli.mcp_server, mcp.client.stdio";

/// Creates `target/pyenv` with the SDK, the CLI and the MCP client if needed, and returns its
/// interpreter.
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
        eprintln!("xtask: installing {SDK}, {CLI_MCP} and {MCP}");
        run(Command::new(&python).args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            SDK,
            CLI_MCP,
            MCP,
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
