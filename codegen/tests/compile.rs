//! The fixtures' generated crates build warning-free under clippy, tests included: names from
//! the obstacle course cannot break the output.

#[path = "support/crate_check.rs"]
mod crate_check;

use std::path::Path;

#[test]
fn fixtures_build_warning_free() {
    for name in ["shapes", "obstacle", "udisk"] {
        let specs = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        crate_check::clippy(&crate_check::write_crate(name, &specs));
    }
}
