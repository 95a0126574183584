//! What this repository's tests share.
//!
//! - [`fuzz`] runs a proptest property a few hundred times by default, or for `FUZZ_SECONDS`
//!   seconds per property when `cargo xtask fuzz` sets it, and reports how many inputs it tried.
//! - [`sdk_python`] finds the interpreter that has the official Python SDK, [`cli_python`] and
//!   [`mcp_python`] the same one with the platform's CLI or the MCP client too; each is `None`
//!   where they are not installed, and the live test calls [`skipped`] instead.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// Runs `test` on inputs from `strategy`: 256 cases, or batches until the budget in
/// `FUZZ_SECONDS` is spent. Every run tries the same inputs (the seed depends on the name and
/// the batch only). Panics with the shrunk failing input.
pub fn fuzz<S: Strategy>(
    name: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let budget = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs);
    let batch = if budget.is_some() { 2000 } else { 256 };
    let start = Instant::now();
    let mut executions = 0u64;
    let mut round = 0u64;
    loop {
        let config = Config {
            cases: batch,
            failure_persistence: None,
            ..Config::default()
        };
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed(name, round));
        let mut runner = TestRunner::new_with_rng(config, rng);
        if let Err(e) = runner.run(&strategy, &test) {
            panic!("{name}: {e}");
        }
        executions += u64::from(batch);
        round += 1;
        match budget {
            Some(b) if start.elapsed() < b => {}
            _ => break,
        }
    }
    println!(
        "fuzz {name}: {executions} executions in {:.1?}, no crash",
        start.elapsed()
    );
}

/// A fixed seed per property and round.
fn seed(name: &str, round: u64) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, b) in name.bytes().chain(round.to_le_bytes()).enumerate() {
        out[i % 32] ^= b.wrapping_add(i as u8);
    }
    out
}

/// The Python interpreter with the official SDK (`ucloud-sdk-python3`) and compshare-cli, for
/// the live comparisons with real clients, or `None` when there is none:
///
/// - `$COMPSHARE_PYTHON`, which `cargo xtask test` sets after installing both: it must work, so
///   a live test fails rather than skips there;
/// - else the virtualenv `cargo xtask test` leaves at `target/pyenv`, if it has the SDK;
/// - else `None`: plain `cargo test` on a machine without Python or PyPI skips the live
///   comparison (call [`skipped`]); the comparisons against recorded fixtures still run.
pub fn sdk_python() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("COMPSHARE_PYTHON") {
        let path = PathBuf::from(path);
        assert!(
            path.exists(),
            "COMPSHARE_PYTHON={} does not exist",
            path.display()
        );
        return Some(path);
    }
    let venv = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../target/pyenv/bin/python"
    ));
    has(&venv, "import ucloud.core.auth").then_some(venv)
}

/// [`sdk_python`], when it also has compshare-cli 0.5.6, the platform's own CLI. Under
/// `cargo xtask test` it must.
pub fn cli_python() -> Option<PathBuf> {
    sdk_python_with(
        "import importlib.metadata as m, compshare_cli.cli; assert m.version('compshare-cli') == '0.5.6'",
        "compshare-cli 0.5.6",
    )
}

/// [`sdk_python`], when it also has what `check` imports. Under `cargo xtask test`, which
/// installs everything, a missing `what` is an error rather than a skip.
fn sdk_python_with(check: &str, what: &str) -> Option<PathBuf> {
    let python = sdk_python()?;
    let installed = has(&python, check);
    if std::env::var_os("COMPSHARE_PYTHON").is_some() {
        assert!(
            installed,
            "{what} is missing from {}: run `cargo xtask test`, which installs it",
            python.display()
        );
    }
    installed.then_some(python)
}

/// Says on stderr that `test` skipped its live comparison, and how to run it.
pub fn skipped(test: &str) {
    eprintln!(
        "{test}: skipped the live comparison: no Python with the official SDK and compshare-cli; `cargo xtask test` installs them into target/pyenv and runs it"
    );
}

/// Whether `python` exists and runs `check` without an error.
fn has(python: &std::path::Path, check: &str) -> bool {
    python.exists()
        && std::process::Command::new(python)
            .args(["-c", check])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// [`sdk_python`], when it also has the official MCP client (PyPI `mcp` 2.3.0), which drives
/// `compshare mcp` in the CLI's tests, or `None`. Under `cargo xtask test`, which installs it,
/// it must.
pub fn mcp_python() -> Option<PathBuf> {
    sdk_python_with(
        "import importlib.metadata as m, mcp.client.stdio; assert m.version('mcp') == '2.3.0'",
        "the MCP client mcp 2.3.0",
    )
}
