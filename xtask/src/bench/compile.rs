//! Compile times: the generated crate alone, clean and after one spec changes, and the first
//! `cargo xtask codegen` on a fresh clone, its build included.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const PROBE_SPEC: &str = "specs/compshare/actions/StopCompShareInstance.yaml";

pub struct Compile {
    pub clean_build: Duration,
    pub incremental_build: Duration,
    pub fresh_clone_codegen: Duration,
}

fn cargo(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Result<Duration, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let output = Command::new(cargo)
        .current_dir(dir)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo {} failed:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(start.elapsed())
}

/// Measures, then puts the probe spec and `generated/` back as they were.
/// `target` is the workspace's target directory, which holds the scratch clone.
pub fn run(root: &Path, target: &Path) -> Result<Compile, String> {
    // Dependencies first, so that only the compshare crate is measured.
    cargo(root, &["build", "--quiet", "-p", "compshare"], &[])?;
    cargo(root, &["clean", "--quiet", "-p", "compshare"], &[])?;
    let clean_build = cargo(root, &["build", "--quiet", "-p", "compshare"], &[])?;

    let spec = root.join(PROBE_SPEC);
    let original = std::fs::read_to_string(&spec).map_err(|e| e.to_string())?;
    let changed = original.replacen("summary: ", "summary: (bench) ", 1);
    std::fs::write(&spec, changed).map_err(|e| e.to_string())?;
    let start = Instant::now();
    let result = regenerate(root)
        .and_then(|()| cargo(root, &["build", "--quiet", "-p", "compshare"], &[]))
        .map(|_| start.elapsed());
    std::fs::write(&spec, original).map_err(|e| e.to_string())?;
    regenerate(root)?;
    let incremental_build = result?;

    Ok(Compile {
        clean_build,
        incremental_build,
        fresh_clone_codegen: fresh_clone(root, target)?,
    })
}

/// `git clone` of the committed tree into a scratch directory with an empty target, then
/// `cargo xtask codegen` there: what a new user's first run costs.
fn fresh_clone(root: &Path, target: &Path) -> Result<Duration, String> {
    let dir = target.join("bench/fresh-clone");
    let _ = std::fs::remove_dir_all(&dir);
    let status = Command::new("git")
        .args(["clone", "--quiet"])
        .arg(root)
        .arg(&dir)
        .status()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !status.success() {
        return Err("git clone failed".into());
    }
    let target = dir.join("target");
    let target = target.to_str().ok_or("the scratch path is not UTF-8")?;
    let time = cargo(&dir, &["xtask", "codegen"], &[("CARGO_TARGET_DIR", target)]);
    let _ = std::fs::remove_dir_all(&dir);
    time
}

fn regenerate(root: &Path) -> Result<(), String> {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    match crate::codegen_command(root, false, &mut out, &mut err) {
        0 => Ok(()),
        _ => Err(String::from_utf8_lossy(&err).into_owned()),
    }
}
