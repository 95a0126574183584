//! Bringing `generated/` in line with the specs, or checking that it is.
//!
//! A file belongs to codegen when it starts with the `@generated` preamble; everything else
//! under `generated/` (Cargo.toml, examples, hand-written tests, snapshots) is left alone.
//!
//! Every file is rendered, one at a time, and compared with the disk as it comes; only those
//! that differ are kept. Each is written beside its target, and only when every file has
//! rendered are they renamed into place, so a failure leaves `generated/` as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use codegen::{CodegenPlan, PREAMBLE};

/// What differs between `generated/` and what the specs make.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Files whose content differs from what is on disk.
    pub stale: Vec<String>,
    /// Files codegen produces that do not exist yet.
    pub missing: Vec<String>,
    /// Generated files that codegen no longer produces.
    pub extra: Vec<String>,
    pub unchanged: usize,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }
}

/// Why a run stopped.
pub enum Failure {
    Io(String),
    /// A generator bug while rendering a file.
    Render(String, String),
}

/// A file that differs from the disk, and where its new contents wait.
struct Pending {
    path: String,
    tmp: Option<PathBuf>,
}

/// Renders every file and compares it with `dir`. With `write`, new contents are staged beside
/// their targets; [`Staged::commit`] puts them in place.
pub fn run(dir: &Path, plan: &CodegenPlan, write: bool) -> Result<Staged, Failure> {
    let mut staged = Staged {
        report: Report::default(),
        pending: Vec::new(),
    };
    // On an error, or a panic in the generator, dropping `staged` removes what it wrote.
    compare(dir, plan, write, &mut staged)?;
    Ok(staged)
}

fn compare(
    dir: &Path,
    plan: &CodegenPlan,
    write: bool,
    staged: &mut Staged,
) -> Result<(), Failure> {
    for job in &plan.jobs {
        let text = plan
            .render(job)
            .map_err(|e| Failure::Render(job.path.clone(), e))?;
        let target = dir.join(&job.path);
        let missing = match fs::read(&target) {
            Ok(old) if old == text.as_bytes() => {
                staged.report.unchanged += 1;
                continue;
            }
            Ok(_) => false,
            Err(e) if e.kind() == io::ErrorKind::NotFound => true,
            Err(e) => {
                return Err(Failure::Io(format!(
                    "cannot read {}: {e}",
                    target.display()
                )));
            }
        };
        let tmp = if write {
            let tmp = PathBuf::from(format!("{}.codegen-tmp", target.display()));
            target
                .parent()
                .map_or(Ok(()), fs::create_dir_all)
                .and_then(|()| fs::write(&tmp, text.as_bytes()))
                .map_err(|e| Failure::Io(format!("cannot write {}: {e}", tmp.display())))?;
            Some(tmp)
        } else {
            None
        };
        if missing {
            staged.report.missing.push(job.path.clone());
        } else {
            staged.report.stale.push(job.path.clone());
        }
        staged.pending.push(Pending {
            path: job.path.clone(),
            tmp,
        });
    }
    let mut on_disk = Vec::new();
    generated_files(dir, dir, &mut on_disk)
        .map_err(|e| Failure::Io(format!("cannot read {}: {e}", dir.display())))?;
    let produced: std::collections::BTreeSet<&str> =
        plan.jobs.iter().map(|j| j.path.as_str()).collect();
    staged.report.extra = on_disk
        .into_iter()
        .filter(|p| !produced.contains(p.as_str()))
        .collect();
    Ok(())
}

/// A run's outcome, with any staged files not yet in place; dropped, it removes them.
pub struct Staged {
    pub report: Report,
    pending: Vec<Pending>,
}

impl Staged {
    /// Renames staged files into place and removes extra ones.
    pub fn commit(mut self, dir: &Path) -> io::Result<()> {
        for p in &mut self.pending {
            if let Some(tmp) = p.tmp.take() {
                fs::rename(tmp, dir.join(&p.path))?;
            }
        }
        for path in &self.report.extra {
            fs::remove_file(dir.join(path))?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    /// Removes staged files that were not put in place, leaving `dir` as it was.
    fn drop(&mut self) {
        for p in &self.pending {
            if let Some(tmp) = &p.tmp {
                let _ = fs::remove_file(tmp);
            }
        }
    }
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
    use std::io::Read;
    let mut head = vec![0; PREAMBLE.len()];
    let mut file = fs::File::open(path)?;
    let n = file.read(&mut head)?;
    Ok(n == head.len() && head == PREAMBLE.as_bytes())
}
