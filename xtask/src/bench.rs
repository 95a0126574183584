//! `cargo xtask bench`: how long the generated crate takes to compile, clean and after one
//! spec changes, and how long codegen takes. Times are wall-clock on this machine.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const PROBE_SPEC: &str = "specs/compshare/actions/StopCompShareInstance.yaml";

pub struct Report {
    pub codegen: Duration,
    pub clean_build: Duration,
    pub incremental_build: Duration,
}

fn cargo(root: &Path, args: &[&str]) -> Result<Duration, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let status = Command::new(cargo)
        .current_dir(root)
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("cargo {} failed", args.join(" ")));
    }
    Ok(start.elapsed())
}

/// Measures, then puts the probe spec and `generated/` back as they were.
pub fn run(root: &Path) -> Result<Report, String> {
    let start = Instant::now();
    let output = crate::generate(root)?;
    let codegen = start.elapsed();
    drop(output);

    // Dependencies first, so that only the compshare crate is measured.
    cargo(root, &["build", "--quiet", "-p", "compshare"])?;
    cargo(root, &["clean", "--quiet", "-p", "compshare"])?;
    let clean_build = cargo(root, &["build", "--quiet", "-p", "compshare"])?;

    let spec = root.join(PROBE_SPEC);
    let original = std::fs::read_to_string(&spec).map_err(|e| e.to_string())?;
    let changed = original.replacen("summary: ", "summary: (bench) ", 1);
    std::fs::write(&spec, changed).map_err(|e| e.to_string())?;
    let start = Instant::now();
    let result = regenerate(root)
        .and_then(|()| cargo(root, &["build", "--quiet", "-p", "compshare"]))
        .map(|_| start.elapsed());
    std::fs::write(&spec, original).map_err(|e| e.to_string())?;
    regenerate(root)?;
    Ok(Report {
        codegen,
        clean_build,
        incremental_build: result?,
    })
}

fn regenerate(root: &Path) -> Result<(), String> {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    match crate::codegen_command(root, false, &mut out, &mut err) {
        0 => Ok(()),
        _ => Err(String::from_utf8_lossy(&err).into_owned()),
    }
}
