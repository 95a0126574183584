//! `cargo xtask import <page or directory>... [--out DIR] [--check]`: reads the pages (a
//! directory stands for the pages in it, at any depth) and the spec directory, lets the
//! importer plan the new specs in memory, and writes them unless told to check only or
//! something stops the import.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::SPEC_DIR;
use crate::args::Task;

/// The command as a test runs it: `args` are what follows `import` on the command line. The
/// exit code, with the report written to `out` and `err`; `root` is the repository, for the
/// default output directory and for naming paths under it.
pub fn run(root: &Path, args: &[&str], out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let command = crate::args::COMMANDS
        .iter()
        .find(|c| c.name == "import")
        .expect("import is a command");
    match crate::args::parse_command(command, &args) {
        Ok(Task::Import {
            pages,
            out: dir,
            check,
        }) => run_task(root, &pages, dir, check, out, err),
        Ok(Task::Help(text)) => {
            let _ = write!(out, "{text}");
            0
        }
        Ok(other) => unreachable!("import parsed as {other:?}"),
        Err(crate::args::Usage(message)) => {
            let _ = write!(err, "{message}");
            2
        }
    }
}

/// `cargo xtask import PAGES... [--out DIR] [--check]`, its arguments read.
pub fn run_task(
    root: &Path,
    pages: &[String],
    dir: Option<PathBuf>,
    check: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let dir = dir.unwrap_or_else(|| root.join(SPEC_DIR));
    let shown = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
    let mut inputs = Vec::new();
    for path in pages {
        if let Err(e) = read_pages(Path::new(path), &mut inputs) {
            let _ = writeln!(err, "error: {e}");
            let _ = writeln!(err, "{shown}/ was not changed");
            return 1;
        }
    }
    let existing = if dir.exists() {
        match codegen::read_dir(&dir) {
            Ok(files) => files,
            Err(e) => {
                let _ = writeln!(err, "error: cannot read {shown}: {e}");
                return 1;
            }
        }
    } else {
        Vec::new()
    };
    let plan = import::import(&inputs, &existing, &shown);
    for w in &plan.warnings {
        let _ = writeln!(err, "{w}");
    }
    let _ = write!(out, "{}", plan.summary());
    for e in &plan.errors {
        let _ = writeln!(err, "error: {e}");
    }
    if let Some(failure) = &plan.check_failure {
        let _ = writeln!(err, "{failure}");
        let _ = writeln!(err, "the imported specs do not pass codegen's checks");
    }
    if !plan.held_back.is_empty() {
        let _ = writeln!(
            err,
            "codegen's check fails on {} imported actions; their files were left as they were (see the summary)",
            plan.held_back.len()
        );
    }
    if !plan.writable() {
        let _ = writeln!(err, "{shown}/ was not changed");
        return 1;
    }
    let changes: Vec<&import::PlannedFile> = plan.changes().collect();
    let new = changes
        .iter()
        .filter(|f| f.status == import::Status::New)
        .count();
    if check {
        if changes.is_empty() {
            let _ = writeln!(out, "{shown}/ is up to date with the pages");
            return 0;
        }
        let _ = writeln!(
            err,
            "the pages would change {} files under {shown}/ ({new} new); run `cargo xtask import` without --check",
            changes.len()
        );
        return 1;
    }
    for f in &changes {
        if let Err(e) = write_atomically(&dir.join(&f.path), &f.contents) {
            let _ = writeln!(err, "error: cannot write {shown}/{}: {e}", f.path);
            return 1;
        }
    }
    let _ = writeln!(
        out,
        "import: {} files written ({new} new), {} unchanged",
        changes.len(),
        plan.files.len() - changes.len()
    );
    0
}

/// The page at `path`, or the pages in the directory at `path` (files a doc format claims,
/// at any depth, in name order).
fn read_pages(path: &Path, out: &mut Vec<import::Page>) -> Result<(), String> {
    let shown = path.display().to_string();
    if !path.is_dir() {
        out.push(import::Page::new(&shown, read_text(path)?));
        return Ok(());
    }
    let mut found = Vec::new();
    walk(path, &mut found).map_err(|e| format!("cannot read {shown}: {e}"))?;
    found.sort();
    if found.is_empty() {
        return Err(format!(
            "{shown}: no doc pages (such as .md files) in the directory"
        ));
    }
    for file in found {
        let text = read_text(&file)?;
        out.push(import::Page::found_in(
            &shown,
            file.display().to_string(),
            text,
        ));
    }
    Ok(())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if import::is_page_path(&path.to_string_lossy()) {
            out.push(path);
        }
    }
    Ok(())
}

/// A page's text; a page that is not UTF-8 cannot be read as a whole.
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Writes through a temporary file renamed into place, so a reader never sees half a spec.
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.import-tmp"));
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}
