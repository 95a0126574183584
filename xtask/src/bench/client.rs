//! The client's figures, side by side with the official Python SDK's: per-call overhead and
//! decoding a 1,000-instance page. The Rust side is `compshare-bench` built in release mode;
//! the Python side is `bench/python` on the SDK in `target/pyenv`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub struct Client {
    pub rust_call_ns: f64,
    pub python_call_ns: f64,
    pub rust_page_ns: f64,
    pub python_page_ns: f64,
    pub body_bytes: f64,
    pub rust_page_peak: f64,
    pub python_page_peak: f64,
    pub rust_page_allocations: f64,
    pub bounded: Value,
    /// The call and the page again, with mimalloc as the Rust side's global allocator.
    pub mimalloc_call_ns: f64,
    pub mimalloc_page_ns: f64,
}

fn json(program: &Path, args: &[&str]) -> Result<Value, String> {
    let output = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    if !output.status.success() {
        return Err(format!(
            "{} {} failed:\n{}",
            program.display(),
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("{}: {e}", program.display()))
}

fn number(v: &Value, key: &str) -> Result<f64, String> {
    v.get(key)
        .and_then(Value::as_f64)
        .ok_or_else(|| format!("no {key} in {v}"))
}

/// Builds `compshare-bench` in release mode, with the given features.
fn build(root: &Path, features: &[&str]) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--quiet", "--release", "-p", "compshare-bench"])
        .args(features.iter().flat_map(|f| ["--features", f]))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building compshare-bench failed".into());
    }
    Ok(())
}

/// `target` is the target directory cargo builds `compshare-bench` into.
pub fn run(root: &Path, target: &Path, python: &Path) -> Result<Client, String> {
    build(root, &[])?;
    let bench: PathBuf = target.join("release/compshare-bench");
    let dir = target.join("bench/bodies");
    let dir_arg = dir.to_str().ok_or("the target path is not UTF-8")?;
    json(&bench, &["bodies", dir_arg])?;
    let script = |name: &str| root.join("bench/python").join(name);
    let python_arg = |name: &str| script(name).to_string_lossy().into_owned();

    let rust_call = json(&bench, &["call", dir_arg])?;
    let python_call = json(python, &[&python_arg("call.py"), dir_arg])?;
    let rust_page = json(&bench, &["page", dir_arg])?;
    let python_page = json(python, &[&python_arg("page.py"), dir_arg])?;
    let bounded = json(&bench, &["bounded", "2"])?;
    build(root, &["mimalloc"])?;
    let mimalloc_call = json(&bench, &["call", dir_arg])?;
    let mimalloc_page = json(&bench, &["page", dir_arg])?;
    Ok(Client {
        rust_call_ns: number(&rust_call, "per_call_ns")?,
        python_call_ns: number(&python_call, "per_call_ns")?,
        rust_page_ns: number(&rust_page, "decode_ns")?,
        python_page_ns: number(&python_page, "decode_ns")?,
        body_bytes: number(&rust_page, "body_bytes")?,
        rust_page_peak: number(&rust_page, "peak_bytes")?,
        python_page_peak: number(&python_page, "peak_bytes")?,
        rust_page_allocations: number(&rust_page, "allocations")?,
        bounded,
        mimalloc_call_ns: number(&mimalloc_call, "per_call_ns")?,
        mimalloc_page_ns: number(&mimalloc_page, "decode_ns")?,
    })
}
