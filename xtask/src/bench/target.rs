//! Where cargo puts this workspace's builds, which is not always `<repo>/target`: the
//! benchmark runs binaries it built there, and keeps its scratch files there.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The target directory cargo uses for the workspace at `root`, as it would for a build
/// started here and now.
pub fn target_dir(root: &Path) -> PathBuf {
    target_dir_with(root, &[])
}

/// [`target_dir`], with `env` set for cargo on top of this process's environment.
///
/// `cargo metadata` answers it, so every way of moving the directory counts:
/// `CARGO_TARGET_DIR`, `build.target-dir` in a config file, and relative paths, which cargo
/// takes from the current directory. If cargo cannot answer, `CARGO_TARGET_DIR` is read as
/// cargo would, and without it the directory is `<root>/target`.
pub fn target_dir_with(root: &Path, env: &[(&str, &OsStr)]) -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .envs(env.iter().copied())
        .output();
    if let Ok(output) = output
        && output.status.success()
        && let Some(dir) = from_metadata(&output.stdout)
    {
        return dir;
    }
    let var = match env.iter().find(|(k, _)| *k == "CARGO_TARGET_DIR") {
        Some((_, v)) => Some(v.to_os_string()),
        None => std::env::var_os("CARGO_TARGET_DIR"),
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| root.to_owned());
    fallback(root, &cwd, var)
}

/// `target_directory` from `cargo metadata --format-version 1` output.
pub fn from_metadata(json: &[u8]) -> Option<PathBuf> {
    let value: serde_json::Value = serde_json::from_slice(json).ok()?;
    value
        .get("target_directory")?
        .as_str()
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

/// The target directory from `CARGO_TARGET_DIR` alone: relative to `cwd` when relative, as
/// cargo reads it, and `<root>/target` when unset or empty.
pub fn fallback(root: &Path, cwd: &Path, var: Option<OsString>) -> PathBuf {
    match var {
        Some(dir) if !dir.is_empty() => cwd.join(dir),
        _ => root.join("target"),
    }
}
