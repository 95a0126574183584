//! `cargo xtask diff`: what changed in the API between two versions of the specs, judged by
//! what it does to callers of the generated crate. See `README.md` here for the check ids and
//! the JSON schema.
//!
//! Library entry points: [`run`] (the command), [`compare_dirs`] (two spec directories, for
//! tests and tools), [`compare`] (two loaded spec sets).

pub mod change;
pub mod changelog;
pub mod checks;
mod compare;
mod constraints;
mod fields;
pub mod git;
pub mod history;
pub mod json;
pub mod markdown;
mod models;
mod rust;
pub mod semver;
mod usage;

use std::io::Write;
use std::path::Path;

use codegen::LoadedSpecs;

pub use change::{Change, Place, Side};
pub use checks::{CHECKS, CheckId, Severity, TypeStyle};

/// The marker line CI looks for to update its one comment.
pub const MARKER: &str = "<!-- compshare-api-diff -->";

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

/// `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Breaking,
    Unbumped,
}

/// What `cargo xtask diff` was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub base: Option<String>,
    pub head: Option<String>,
    pub format: Format,
    pub fail_on: Option<FailOn>,
    pub changelog: bool,
    pub history: bool,
    /// Prefix of spec links; `.` makes them repository-relative.
    pub link_base: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            base: None,
            head: None,
            format: Format::Markdown,
            fail_on: None,
            changelog: false,
            history: false,
            link_base: ".".into(),
        }
    }
}

/// One side of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideInfo {
    /// The ref as given, `working tree`, or a directory.
    pub label: String,
    pub commit: Option<String>,
    pub version: Option<String>,
}

/// How many of `changes` break callers under `style`.
pub fn breaking_under(changes: &[Change], style: TypeStyle) -> usize {
    changes
        .iter()
        .filter(|c| c.check.severity(style) == Severity::Breaking)
        .count()
}

/// The whole comparison.
#[derive(Clone, Debug)]
pub struct Report {
    pub base: SideInfo,
    pub head: SideInfo,
    /// Sorted: breaking first, then additive, then docs.
    pub changes: Vec<Change>,
    pub bump: semver::Bump,
}

impl Report {
    pub fn new(base: SideInfo, head: SideInfo, changes: Vec<Change>) -> Report {
        let worst = changes.iter().map(Change::severity).min();
        let version = |s: &SideInfo| s.version.as_deref().and_then(semver::Version::parse);
        let bump = semver::suggest(worst, version(&base), version(&head));
        Report {
            base,
            head,
            changes,
            bump,
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.changes
            .iter()
            .filter(|c| c.severity() == severity)
            .count()
    }

    /// Rows that break callers under `style`.
    pub fn breaking_under(&self, style: TypeStyle) -> usize {
        breaking_under(&self.changes, style)
    }

    /// "3 breaking, 12 additive, 40 docs; suggested bump: …".
    pub fn summary(&self) -> String {
        format!(
            "{} breaking, {} additive, {} docs; {}",
            self.count(Severity::Breaking),
            self.count(Severity::Additive),
            self.count(Severity::Docs),
            self.bump.sentence()
        )
    }
}

/// Compares two spec sets that loaded and passed codegen's checks.
pub fn compare(base: &LoadedSpecs, head: &LoadedSpecs) -> Vec<Change> {
    compare::compare(base, head)
}

/// Compares two `specs/compshare`-style directories, with the crate versions given (or not).
pub fn compare_dirs(
    base: &Path,
    head: &Path,
    versions: (Option<&str>, Option<&str>),
) -> Result<Report, String> {
    let load = |dir: &Path, version: Option<&str>| -> Result<(SideInfo, LoadedSpecs), String> {
        let label = dir.display().to_string();
        let files =
            codegen::read_dir(dir).map_err(|e| format!("error: cannot read {label}: {e}"))?;
        let specs = read(&files, &label)?;
        let info = SideInfo {
            label,
            commit: None,
            version: version.map(str::to_owned),
        };
        Ok((info, specs))
    };
    let (b, bs) = load(base, versions.0)?;
    let (h, hs) = load(head, versions.1)?;
    Ok(Report::new(b, h, compare(&bs, &hs)))
}

/// Loads and checks spec files; the error names the side and carries the diagnostics.
fn read(files: &[codegen::SpecFile], label: &str) -> Result<LoadedSpecs, String> {
    match std::panic::catch_unwind(|| codegen::read_specs(files, crate::SPEC_DIR)) {
        Ok(Ok(specs)) => Ok(specs),
        Ok(Err(failure)) => Err(format!(
            "error: the specs at {label} do not load or do not pass codegen's checks:\n\n{}",
            failure.render(false)
        )),
        Err(_) => Err(format!(
            "error: internal error while loading the specs at {label} (a bug: please report it)"
        )),
    }
}

/// The specs and version at a commit.
pub fn load_commit(root: &Path, rev: &str) -> Result<(SideInfo, LoadedSpecs), String> {
    let commit = git::resolve(root, rev).map_err(|e| format!("error: {e}"))?;
    let snap = git::snapshot(root, &commit, crate::SPEC_DIR).map_err(|e| format!("error: {e}"))?;
    if snap.files.is_empty() {
        return Err(format!("error: `{rev}` has no {}/", crate::SPEC_DIR));
    }
    let specs = read(&snap.files, &format!("`{rev}`"))?;
    let info = SideInfo {
        label: rev.to_owned(),
        commit: Some(commit),
        version: snap.cargo_toml.as_deref().and_then(git::workspace_version),
    };
    Ok((info, specs))
}

/// The specs and version in the working tree.
fn load_work_tree(root: &Path) -> Result<(SideInfo, LoadedSpecs), String> {
    let files = codegen::read_dir(&root.join(crate::SPEC_DIR))
        .map_err(|e| format!("error: cannot read {}: {e}", crate::SPEC_DIR))?;
    let specs = read(&files, "the working tree")?;
    let version = std::fs::read_to_string(root.join("Cargo.toml"))
        .ok()
        .as_deref()
        .and_then(git::workspace_version);
    let info = SideInfo {
        label: "working tree".into(),
        commit: None,
        version,
    };
    Ok((info, specs))
}

/// The report between two refs of the repository at `root` (`head: None` is the working tree).
pub fn report(root: &Path, base: Option<&str>, head: Option<&str>) -> Result<Report, String> {
    let base = match base {
        Some(b) => b.to_owned(),
        // The short form keeps the report's heading readable; git resolves it the same.
        None => git::default_base(root)
            .map_err(|e| format!("error: {e}"))?
            .chars()
            .take(12)
            .collect(),
    };
    let (b, bs) = load_commit(root, &base)?;
    let (h, hs) = match head {
        Some(h) => load_commit(root, h)?,
        None => load_work_tree(root)?,
    };
    Ok(Report::new(b, h, compare(&bs, &hs)))
}

/// `cargo xtask diff`: prints the report (or the history) to `out`, problems to `err`, and
/// returns the exit status.
pub fn run(root: &Path, opts: &Options, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if opts.history {
        return match history::table(root) {
            Ok(text) => {
                let _ = write!(out, "{text}");
                0
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                1
            }
        };
    }
    let report = match report(root, opts.base.as_deref(), opts.head.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    };
    let text = match opts.format {
        Format::Markdown => markdown::render(&report, &opts.link_base),
        Format::Json => json::render(&report),
    };
    let _ = write!(out, "{text}");
    if opts.changelog {
        match changelog::write(root, &report, &changelog::today()) {
            Ok(message) => {
                let _ = writeln!(err, "{message}");
            }
            Err(e) => {
                let _ = writeln!(err, "error: {e}");
                return 1;
            }
        }
    }
    exit_status(&report, opts.fail_on, err)
}

/// 1 when `--fail-on` says the report fails, else 0.
pub fn exit_status(report: &Report, fail_on: Option<FailOn>, err: &mut dyn Write) -> u8 {
    match fail_on {
        Some(FailOn::Breaking) if report.count(Severity::Breaking) > 0 => {
            let _ = writeln!(
                err,
                "error: {} breaking change(s) (--fail-on breaking)",
                report.count(Severity::Breaking)
            );
            1
        }
        // Only a breaking change must come with its bump in the same pull request; additive
        // ones wait for the release.
        Some(FailOn::Unbumped)
            if report.count(Severity::Breaking) > 0 && !report.bump.satisfied =>
        {
            let _ = writeln!(
                err,
                "error: {} (--fail-on unbumped)",
                report.bump.sentence()
            );
            1
        }
        _ => 0,
    }
}
