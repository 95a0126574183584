//! What an import tells the reviewer besides the files: per action what changed, and the
//! warnings and conflicts, by page and line.

use std::fmt;

use super::diff::Change;

/// `path:line: warning: message`: something the importer decided on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: warning: {}", self.path, self.line, self.message)
    }
}

/// `path:line: conflict: message`: two sources disagree and a reviewer must settle which is
/// right. The import carries on with the choice the message names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: conflict: {}", self.path, self.line, self.message)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    New,
    Changed,
    Unchanged,
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::New => "new",
            Status::Changed => "changed",
            Status::Unchanged => "unchanged",
        })
    }
}

/// One spec file the pages touched, and how it compares with the file before the import.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub path: String,
    /// The action's or model's name.
    pub name: String,
    pub status: Status,
    /// For a changed file: what changed, row by row.
    pub changes: Vec<Change>,
    /// For a new file: its rows, those read from a response example, and the constraints on
    /// them.
    pub rows: usize,
    pub from_example: usize,
    pub constraints: usize,
}

/// One action the pages describe, with the models its pages wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionReport {
    pub action: String,
    /// The pages it was read from, in order.
    pub pages: Vec<String>,
    pub file: FileReport,
    /// The models first written for this action's pages.
    pub models: Vec<FileReport>,
    /// For a new action: the retryable flag chosen and why.
    pub retryable: Option<String>,
}

impl ActionReport {
    /// Whether the action's file or one of its models would change.
    pub fn changed(&self) -> bool {
        self.file.status != Status::Unchanged
            || self.models.iter().any(|m| m.status != Status::Unchanged)
    }
}

/// A page found in a directory that is not an action page, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub why: String,
}

/// An action whose files were left as they were, because codegen's check of the imported
/// specs fails on them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldBack {
    pub action: String,
    /// The files left alone.
    pub files: Vec<String>,
    /// codegen's diagnostics, each as `path:line: message`.
    pub reasons: Vec<String>,
}
