//! The docs cannot drift from the tree: every README block that says "This is `<file>`" shows
//! that file's lines in order, and generated/README.md lists exactly the hand-written files.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Each `This is `<path>`` marker with the code block that follows it.
fn claimed_blocks(readme: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = readme;
    while let Some(at) = rest.find("This is `") {
        rest = &rest[at + "This is `".len()..];
        let path = rest[..rest.find('`').unwrap()].to_owned();
        let start = rest.find("```rust\n").unwrap() + "```rust\n".len();
        let end = start + rest[start..].find("\n```").unwrap();
        out.push((path, rest[start..end].to_owned()));
        rest = &rest[end..];
    }
    out
}

/// Whether every non-blank line of `block` appears in `file`, in order.
fn in_order(block: &str, file: &str) -> Result<(), String> {
    let mut lines = file.lines().map(str::trim_end);
    for wanted in block
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
    {
        if !lines.any(|l| l.trim() == wanted.trim()) {
            return Err(format!("`{wanted}` is not in the file (in this order)"));
        }
    }
    Ok(())
}

#[test]
fn readme_examples_are_the_files_they_name() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks = claimed_blocks(&readme);
    assert!(blocks.len() >= 2, "{blocks:?}");
    for (path, block) in blocks {
        let file = std::fs::read_to_string(root().join(&path))
            .unwrap_or_else(|e| panic!("README names {path}: {e}"));
        if let Err(why) = in_order(&block, &file) {
            panic!("README's block for {path} has drifted: {why}");
        }
    }
    // The whole of list_images.rs, after its module docs, is shown.
    let file = std::fs::read_to_string(root().join("generated/examples/list_images.rs")).unwrap();
    let code: String = file
        .lines()
        .skip_while(|l| l.starts_with("//!") || l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        readme.contains(&code),
        "README does not show all of list_images.rs"
    );
}

#[test]
fn a_drifted_block_is_caught() {
    let file = "use a::B;\n\nfn main() {\n    b();\n}\n";
    assert!(in_order("use a::B;\nfn main() {\n", file).is_ok());
    assert!(in_order("use a::C;\n", file).is_err());
    assert!(
        in_order("    b();\nuse a::B;\n", file).is_err(),
        "order counts"
    );
}

/// Every file under `dir` (relative to the crate), skipping `skip`.
fn files(dir: &Path, rel: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir.join(rel)).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if entry.file_type().unwrap().is_dir() {
            files(dir, &path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn the_crate_readme_lists_every_hand_written_file() {
    let krate = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(krate.join("README.md")).unwrap();
    let mut all = Vec::new();
    for dir in ["examples", "tests"] {
        files(krate, dir, &mut all);
    }
    let hand_written: Vec<String> = all
        .into_iter()
        .filter(|p| !p.contains("/snapshots/") && !p.ends_with(".pyc"))
        .filter(|p| {
            let text = std::fs::read_to_string(krate.join(p)).unwrap_or_default();
            !text.starts_with("// @generated")
        })
        .collect();
    for path in &hand_written {
        assert!(
            readme.contains(&format!("`{path}`")),
            "generated/README.md does not list the hand-written {path}"
        );
    }
    // And everything it lists exists.
    for listed in readme.split('`').skip(1).step_by(2) {
        if listed.starts_with("examples/") || listed.starts_with("tests/") {
            if listed.contains("**") {
                continue;
            }
            assert!(
                krate.join(listed).exists(),
                "README lists {listed}, which is gone"
            );
        }
    }
}
