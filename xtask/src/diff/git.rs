//! Spec files and the crate version at a git ref: one `git ls-tree` and one
//! `git cat-file --batch`, never a process per file.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use codegen::SpecFile;

/// Runs git in `root`; the error says what failed, in git's words.
pub fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .current_dir(root)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !output.status.success() {
        let err = String::from_utf8_lossy(&output.stderr);
        return Err(format!("`git {}` failed: {}", args.join(" "), err.trim()));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| format!("`git {}` printed non-UTF-8", args.join(" ")))
}

/// The commit a ref names, or a clear error.
pub fn resolve(root: &Path, rev: &str) -> Result<String, String> {
    let spec = format!("{rev}^{{commit}}");
    git(root, &["rev-parse", "--verify", "--quiet", &spec])
        .map(|s| s.trim().to_owned())
        .map_err(|_| {
            if git(root, &["rev-parse", "--git-dir"]).is_err() {
                format!("{} is not in a git repository", root.display())
            } else {
                format!("`{rev}` does not name a commit in {}", root.display())
            }
        })
}

/// The default base: where HEAD left `main`, or HEAD itself when there is no `main`.
pub fn default_base(root: &Path) -> Result<String, String> {
    match git(root, &["merge-base", "HEAD", "main"]) {
        Ok(commit) => Ok(commit.trim().to_owned()),
        Err(_) => resolve(root, "HEAD"),
    }
}

/// What a commit holds: the files under `dir` (paths relative to it) and `Cargo.toml`.
pub struct Snapshot {
    pub files: Vec<SpecFile>,
    pub cargo_toml: Option<String>,
}

/// Reads the files under `dir` and the root `Cargo.toml` at `commit`.
pub fn snapshot(root: &Path, commit: &str, dir: &str) -> Result<Snapshot, String> {
    let listing = git(
        root,
        &["ls-tree", "-r", "-z", commit, "--", &format!("{dir}/")],
    )?;
    let mut paths = Vec::new();
    let mut objects = Vec::new();
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        // `<mode> <type> <object>\t<path>`
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (_mode, kind, object) = (meta.next(), meta.next(), meta.next());
        if kind != Some("blob") {
            continue;
        }
        let rel = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .trim_start_matches('/');
        paths.push(rel.to_owned());
        objects.push(object.unwrap_or_default().to_owned());
    }
    objects.push(format!("{commit}:Cargo.toml"));
    let mut blobs = cat_file(root, &objects)?;
    let cargo_toml = blobs
        .pop()
        .flatten()
        .map(|b| String::from_utf8_lossy(&b).into_owned());
    let files = paths
        .into_iter()
        .zip(blobs)
        .map(|(path, bytes)| SpecFile {
            path,
            bytes: bytes.unwrap_or_default(),
        })
        .collect();
    Ok(Snapshot { files, cargo_toml })
}

/// The contents of each object, `None` where git says it is missing.
fn cat_file(root: &Path, objects: &[String]) -> Result<Vec<Option<Vec<u8>>>, String> {
    let mut child = Command::new("git")
        .current_dir(root)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let input: String = objects.iter().map(|o| format!("{o}\n")).collect();
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Write from another thread: git answers while it reads, and both pipes have limits.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot read from git cat-file: {e}"))?;
    let _ = writer.join();
    let status = child.wait().map_err(|e| format!("git cat-file: {e}"))?;
    if !status.success() {
        return Err("`git cat-file --batch` failed".into());
    }
    let mut blobs = Vec::with_capacity(objects.len());
    let mut rest = &out[..];
    for object in objects {
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| format!("git cat-file ended early, before {object}"))?;
        let header = String::from_utf8_lossy(&rest[..end]).into_owned();
        rest = &rest[end + 1..];
        if header.ends_with(" missing") || header.ends_with(" ambiguous") {
            blobs.push(None);
            continue;
        }
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("git cat-file printed `{header}`"))?;
        if rest.len() < size + 1 {
            return Err(format!("git cat-file ended early, in {object}"));
        }
        blobs.push(Some(rest[..size].to_vec()));
        rest = &rest[size + 1..];
    }
    Ok(blobs)
}

/// `[workspace.package] version` of a root `Cargo.toml`, read line by line: the file is ours
/// and keeps the key on one line.
pub fn workspace_version(cargo_toml: &str) -> Option<String> {
    let mut in_section = false;
    for line in cargo_toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_section = line == "[workspace.package]";
            continue;
        }
        if in_section
            && let Some(value) = line.strip_prefix("version")
            && let Some(value) = value.trim_start().strip_prefix('=')
        {
            return Some(value.trim().trim_matches('"').to_owned());
        }
    }
    None
}
