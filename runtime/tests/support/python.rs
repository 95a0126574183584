//! The Python interpreter that has the official SDK (`ucloud-sdk-python3`), for tests that
//! compare against it: `$COMPSHARE_PYTHON`, which `cargo xtask test` sets, else the virtualenv
//! it creates at `target/pyenv`.

use std::path::PathBuf;

/// # Panics
/// When neither exists, with the command that installs it: such a test must fail, not skip.
pub fn python() -> PathBuf {
    if let Some(path) = std::env::var_os("COMPSHARE_PYTHON") {
        return path.into();
    }
    let venv = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../target/pyenv/bin/python"
    ));
    assert!(
        venv.exists(),
        "the official Python SDK is needed for this test: run `cargo xtask test`, which installs it into target/pyenv"
    );
    venv
}
