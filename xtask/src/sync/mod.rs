//! Bringing `generated/` in line with the specs, or checking that it is.
//!
//! A file belongs to codegen when it starts with the `@generated` preamble; everything else
//! under `generated/` (Cargo.toml, examples, hand-written tests, snapshots) is left alone.
//!
//! Files are rendered on all cores, compared with the disk as they come, and only those that
//! differ are kept: each is written beside its target, and only when every file has rendered
//! are they renamed into place, so a failure leaves `generated/` as it was. A cache in
//! `target/` remembers each file's fingerprint and what was written for it; a file whose
//! fingerprint and contents on disk both match the cache is current without rendering it.
//! Fingerprints cover the generator itself, so `--check` stays exact.

mod cache;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use codegen::{Job, PREAMBLE, Plan, content_hash};

pub use cache::Cache;

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
    /// Files found current from the cache, without rendering them.
    pub cached: usize,
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
    fingerprint: u128,
    hash: u128,
    missing: bool,
}

/// Renders what is not current and compares it with `dir`. With `write`, new contents are
/// staged beside their targets; [`commit`] puts them in place.
pub fn run(dir: &Path, plan: &Plan, cache: &Cache, write: bool) -> Result<Staged, Failure> {
    let mut report = Report::default();
    let mut to_render: Vec<&Job> = Vec::new();
    let mut current: Vec<(String, u128, u128)> = Vec::new();
    let found = codegen::par::map(&plan.jobs, |job| cache.current(dir, job));
    for (job, found) in plan.jobs.iter().zip(found) {
        match found {
            Some(hash) => {
                report.cached += 1;
                current.push((job.path.clone(), job.fingerprint, hash));
            }
            None => to_render.push(job),
        }
    }
    let pending: Mutex<Vec<Pending>> = Mutex::new(Vec::new());
    let same: Mutex<Vec<(String, u128, u128)>> = Mutex::new(Vec::new());
    let result = plan.render_parallel(&to_render, |job, text| {
        let text = text.map_err(|e| Failure::Render(job.path.clone(), e))?;
        let target = dir.join(&job.path);
        let hash = content_hash(text.as_bytes());
        let missing = match fs::read(&target) {
            Ok(old) if old == text.as_bytes() => {
                lock(&same).push((job.path.clone(), job.fingerprint, hash));
                return Ok(());
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
        lock(&pending).push(Pending {
            path: job.path.clone(),
            tmp,
            fingerprint: job.fingerprint,
            hash,
            missing,
        });
        Ok(())
    });
    let mut pending = pending.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Err(e) = result {
        discard(&pending);
        return Err(e);
    }
    pending.sort_by(|a, b| a.path.cmp(&b.path));
    let same = same.into_inner().unwrap_or_else(|e| e.into_inner());
    report.unchanged = report.cached + same.len();
    current.extend(same);
    for p in &pending {
        if p.missing {
            report.missing.push(p.path.clone());
        } else {
            report.stale.push(p.path.clone());
        }
    }
    let mut on_disk = Vec::new();
    if let Err(e) = generated_files(dir, dir, &mut on_disk) {
        discard(&pending);
        return Err(Failure::Io(format!("cannot read {}: {e}", dir.display())));
    }
    let produced: std::collections::BTreeSet<&str> =
        plan.jobs.iter().map(|j| j.path.as_str()).collect();
    report.extra = on_disk
        .into_iter()
        .filter(|p| !produced.contains(p.as_str()))
        .collect();
    Ok(Staged {
        report,
        pending,
        current,
    })
}

/// A run's outcome, with any staged files not yet in place.
pub struct Staged {
    pub report: Report,
    pending: Vec<Pending>,
    current: Vec<(String, u128, u128)>,
}

impl Staged {
    /// Renames staged files into place, removes extra ones, and records what is now on disk.
    pub fn commit(self, dir: &Path, cache: &mut Cache) -> io::Result<()> {
        for p in &self.pending {
            if let Some(tmp) = &p.tmp {
                fs::rename(tmp, dir.join(&p.path))?;
            }
        }
        for path in &self.report.extra {
            fs::remove_file(dir.join(path))?;
        }
        cache.replace(
            self.current.into_iter().chain(
                self.pending
                    .iter()
                    .map(|p| (p.path.clone(), p.fingerprint, p.hash)),
            ),
        );
        Ok(())
    }

    /// Removes staged files, leaving `dir` as it was.
    pub fn discard(self) {
        discard(&self.pending);
    }

    /// Records the files found current, for a check that changes nothing else.
    pub fn remember_current(&self, cache: &mut Cache) {
        cache.replace(self.current.iter().cloned());
    }
}

fn discard(pending: &[Pending]) {
    for p in pending {
        if let Some(tmp) = &p.tmp {
            let _ = fs::remove_file(tmp);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
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
