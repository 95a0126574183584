//! `cargo xtask bench` runs what it built from the target directory cargo used, which
//! `CARGO_TARGET_DIR` or a config file may move away from `<repo>/target`.

use std::path::{Path, PathBuf};

use xtask::bench::{fallback, from_metadata, target_dir, target_dir_with};

#[test]
fn cargo_target_dir_moves_the_directory() {
    let root = xtask::root();
    let elsewhere = std::env::temp_dir().join("xtask-bench-target");
    let dir = target_dir_with(&root, &[("CARGO_TARGET_DIR", elsewhere.as_os_str())]);
    assert_eq!(dir, elsewhere);
}

#[test]
fn without_it_the_directory_is_the_one_this_test_was_built_in() {
    // This test binary lives in `<target>/debug/deps/`, wherever cargo put `<target>`.
    let exe = std::env::current_exe().unwrap();
    let built_in = exe.ancestors().nth(3).unwrap();
    assert_eq!(
        target_dir(&xtask::root()).canonicalize().unwrap(),
        built_in.canonicalize().unwrap()
    );
}

#[test]
fn metadata_output_is_read() {
    let json =
        br#"{"packages":[],"target_directory":"/build/out","version":1,"workspace_root":"/repo"}"#;
    assert_eq!(from_metadata(json), Some(PathBuf::from("/build/out")));
    assert_eq!(from_metadata(b"not json"), None);
    assert_eq!(from_metadata(br#"{"version":1}"#), None);
}

#[test]
fn without_cargo_the_variable_is_read_as_cargo_reads_it() {
    let root = Path::new("/repo");
    let cwd = Path::new("/home/me/work");
    assert_eq!(fallback(root, cwd, None), PathBuf::from("/repo/target"));
    assert_eq!(
        fallback(root, cwd, Some("".into())),
        PathBuf::from("/repo/target")
    );
    assert_eq!(
        fallback(root, cwd, Some("/tmp/t".into())),
        PathBuf::from("/tmp/t")
    );
    // Relative to where cargo was started, not to the repository.
    assert_eq!(
        fallback(root, cwd, Some("build".into())),
        PathBuf::from("/home/me/work/build")
    );
}
