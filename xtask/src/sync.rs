//! Bringing `generated/` in line with what codegen produced, or checking that it is.
//!
//! A file belongs to codegen when it starts with the `@generated` preamble; everything else
//! under `generated/` (Cargo.toml, examples, hand-written tests, snapshots) is left alone.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use codegen::PREAMBLE;

/// What differs between `generated/` and the freshly generated files.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files whose content differs from what is on disk.
    pub stale: Vec<String>,
    /// Files codegen produces that do not exist yet.
    pub missing: Vec<String>,
    /// Generated files that codegen no longer produces.
    pub extra: Vec<String>,
    pub unchanged: usize,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }
}

/// Compares `files` (paths relative to `dir`) with the generated files under `dir`.
pub fn plan(dir: &Path, files: &BTreeMap<String, String>) -> io::Result<Plan> {
    let mut plan = Plan::default();
    for (path, content) in files {
        match fs::read(dir.join(path)) {
            Ok(old) if old == content.as_bytes() => plan.unchanged += 1,
            Ok(_) => plan.stale.push(path.clone()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => plan.missing.push(path.clone()),
            Err(e) => return Err(e),
        }
    }
    let mut on_disk = Vec::new();
    generated_files(dir, dir, &mut on_disk)?;
    plan.extra = on_disk
        .into_iter()
        .filter(|p| !files.contains_key(p))
        .collect();
    Ok(plan)
}

/// Every file under `dir` that starts with the preamble, as `/`-separated relative paths.
fn generated_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.map(|e| e.path()))
            .collect::<io::Result<_>>()?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    entries.sort();
    for path in entries {
        if path.is_dir() {
            generated_files(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") && starts_with_preamble(&path)? {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

fn starts_with_preamble(path: &Path) -> io::Result<bool> {
    let text = fs::read(path)?;
    Ok(text.starts_with(PREAMBLE.as_bytes()))
}

/// Applies a plan: writes stale and missing files and removes extra ones. Every new file is
/// first written beside its target; only when all of them are written are they renamed into
/// place, so a failed write (a full disk, say) leaves `dir` as it was.
pub fn apply(dir: &Path, files: &BTreeMap<String, String>, plan: &Plan) -> io::Result<()> {
    let mut written: Vec<(PathBuf, PathBuf)> = Vec::new();
    for path in plan.stale.iter().chain(&plan.missing) {
        let target = dir.join(path);
        let tmp = PathBuf::from(format!("{}.codegen-tmp", target.display()));
        let result = target
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&tmp, files[path].as_bytes()));
        if let Err(e) = result {
            let _ = fs::remove_file(&tmp);
            for (tmp, _) in &written {
                let _ = fs::remove_file(tmp);
            }
            return Err(e);
        }
        written.push((tmp, target));
    }
    for (tmp, target) in &written {
        fs::rename(tmp, target)?;
    }
    for path in &plan.extra {
        fs::remove_file(dir.join(path))?;
    }
    Ok(())
}
