//! What was last written for each generated file: its fingerprint and a hash of its contents,
//! one line each in `target/codegen-cache.tsv`. A missing or unreadable cache only means more
//! rendering.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codegen::{Job, content_hash};

#[derive(Debug, Default)]
pub struct Cache {
    path: PathBuf,
    entries: BTreeMap<String, (u128, u128)>,
}

impl Cache {
    /// The cache of the repository at `root`.
    pub fn load(root: &Path) -> Self {
        let path = root.join("target/codegen-cache.tsv");
        let mut entries = BTreeMap::new();
        if let Ok(text) = std::fs::read_to_string(&path) {
            for line in text.lines() {
                let mut parts = line.split('\t');
                if let (Some(p), Some(f), Some(h)) = (parts.next(), parts.next(), parts.next())
                    && let (Ok(f), Ok(h)) =
                        (u128::from_str_radix(f, 16), u128::from_str_radix(h, 16))
                {
                    entries.insert(p.to_owned(), (f, h));
                }
            }
        }
        Self { path, entries }
    }

    /// The content hash of `job`'s file when the cache knows it is current: the same
    /// fingerprint, and the same contents on disk as were written for it.
    pub fn current(&self, dir: &Path, job: &Job) -> Option<u128> {
        let (fingerprint, hash) = self.entries.get(&job.path)?;
        if *fingerprint != job.fingerprint {
            return None;
        }
        let bytes = std::fs::read(dir.join(&job.path)).ok()?;
        (content_hash(&bytes) == *hash).then_some(*hash)
    }

    /// Records the files now on disk, replacing everything known before.
    pub fn replace(&mut self, files: impl IntoIterator<Item = (String, u128, u128)>) {
        self.entries = files.into_iter().map(|(p, f, h)| (p, (f, h))).collect();
    }

    /// Writes the cache; failing to is not an error, only a slower next run.
    pub fn save(&self) {
        let mut text = String::new();
        for (path, (f, h)) in &self.entries {
            text.push_str(&format!("{path}\t{f:032x}\t{h:032x}\n"));
        }
        if let Some(dir) = self.path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(&self.path, text);
    }
}
