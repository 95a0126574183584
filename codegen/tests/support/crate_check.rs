//! Builds generated crates outside the workspace, for tests that check generated code
//! compiles cleanly. Shared by test crates through `#[path]`.
//!
//! Each crate is written to `target/fixture-crates/<name>` as a standalone crate that uses the
//! workspace's runtime and lock file, and is checked offline with its own target directory.

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// Writes the generated crate for the specs in `spec_dir` under `target/fixture-crates/<name>`.
pub fn write_crate(name: &str, spec_dir: &Path) -> PathBuf {
    let files = codegen::read_dir(spec_dir).unwrap();
    let output = codegen::generate(&files, name).unwrap_or_else(|f| panic!("{f}"));
    write_output(name, &output)
}

/// Writes generated output as a crate under `target/fixture-crates/<name>`.
pub fn write_output(name: &str, output: &codegen::Output) -> PathBuf {
    let root = workspace();
    let dir = root.join("target/fixture-crates").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in &output.files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    // The hand-written parts of the real crate: its test support.
    std::fs::copy(
        root.join("generated/tests/wire/support.rs"),
        dir.join("tests/wire/support.rs"),
    )
    .unwrap();
    let support = std::fs::read_to_string(dir.join("tests/wire/support.rs")).unwrap();
    let crate_name = output.crate_name.replace('-', "_");
    std::fs::write(
        dir.join("tests/wire/support.rs"),
        support.replace("compshare::", &format!("{crate_name}::")),
    )
    .unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let runtime = root.join("runtime");
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
{dep} = {{ package = "compshare-runtime", path = "{runtime}" }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"

[dev-dependencies]
{dep} = {{ package = "compshare-runtime", path = "{runtime}", features = ["test-util"] }}
insta = "1"
tokio = {{ version = "1", features = ["macros", "rt"] }}

[workspace]
"#,
            name = output.crate_name,
            dep = output.runtime,
            runtime = runtime.display()
        ),
    )
    .unwrap();
    dir
}

/// `cargo clippy --all-targets -D warnings` on a generated crate; panics with its output.
pub fn clippy(dir: &Path) {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(dir)
        .args([
            "clippy",
            "--offline",
            "--quiet",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .env("CARGO_TARGET_DIR", workspace().join("target/fixture-check"))
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{} does not build cleanly:\n{}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}
