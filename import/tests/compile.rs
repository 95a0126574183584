//! Specs imported from each format example into an empty spec directory (holding only a copy
//! of service.yaml) generate a crate that builds warning-free under clippy, tests included.

#[allow(dead_code)]
#[path = "../../codegen/tests/support/crate_check.rs"]
mod crate_check;
mod support;

use std::path::Path;

/// Imports `page` into a fresh directory on disk, as the command does, and reads it back.
fn import_into_empty_dir(name: &str, page: &str) -> Vec<codegen::SpecFile> {
    let dir = crate_check::workspace()
        .join("target/import-specs")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let service = std::fs::read_to_string(support::spec_dir().join("service.yaml")).unwrap();
    std::fs::write(dir.join("service.yaml"), support::without_waiters(&service)).unwrap();
    let existing = codegen::read_dir(&dir).unwrap();
    let plan = import::import(&[support::page(page)], &existing, name);
    assert_eq!(plan.check_failure, None);
    for f in plan.changes() {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).unwrap();
        std::fs::write(path, &f.contents).unwrap();
    }
    codegen::read_dir(&dir).unwrap()
}

#[test]
fn imported_specs_build_warning_free() {
    for (name, page) in [
        ("import-compshare-style", "formats/compshare-style.md"),
        ("import-ucloud-style", "formats/ucloud-style.md"),
        ("import-ucloud-docs-style", "formats/ucloud-docs-style.md"),
        ("import-seed", "seed/DescribeCompShareImages.md"),
    ] {
        let files = import_into_empty_dir(name, page);
        let output = codegen::generate(&files, name).unwrap_or_else(|f| panic!("{f}"));
        assert_eq!(output.actions, 1, "{name}");
        crate_check::clippy(&crate_check::write_output(name, &output));
    }
}
