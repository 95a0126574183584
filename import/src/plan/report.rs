//! What an import did, for the reviewer: per action the rows added, changed and kept, the
//! models written, and every constraint read from text; and the warnings, by page and line.

use std::fmt;

/// `path:line: warning: message`.
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

/// How a table of rows compares with the spec's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    pub added: Vec<String>,
    /// Each changed row with the keys that changed.
    pub changed: Vec<(String, Vec<String>)>,
    pub unchanged: usize,
    /// Rows only the spec has; they stay.
    pub kept: Vec<String>,
    /// The spec's rows now follow the page's order.
    pub reordered: bool,
}

impl fmt::Display for Rows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} added, {} changed, {} unchanged, {} kept from the spec",
            self.added.len(),
            self.changed.len(),
            self.unchanged,
            self.kept.len()
        )?;
        if self.reordered {
            write!(f, "; rows reordered as on the page")?;
        }
        if !self.added.is_empty() {
            write!(f, "\n      added: {}", self.added.join(", "))?;
        }
        for (name, keys) in &self.changed {
            write!(f, "\n      changed {name}: {}", keys.join(", "))?;
        }
        if !self.kept.is_empty() {
            write!(f, "\n      kept: {}", self.kept.join(", "))?;
        }
        Ok(())
    }
}

/// A constraint read from a description: field, kind, value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constraint {
    /// `request.Limit`, `CompShareImage.Status`.
    pub field: String,
    pub kind: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelReport {
    pub name: String,
    pub path: String,
    pub status: Status,
    pub rows: Rows,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionReport {
    pub action: String,
    pub page: String,
    pub path: String,
    pub status: Status,
    /// Set for a new action: the retryable flag chosen and why.
    pub retryable: Option<String>,
    pub request: Option<Rows>,
    pub response: Option<Rows>,
    pub models: Vec<ModelReport>,
    pub constraints: Vec<Constraint>,
}

impl fmt::Display for ActionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} (from {}): {} {}",
            self.action, self.page, self.path, self.status
        )?;
        if let Some(note) = &self.retryable {
            writeln!(f, "  {note}")?;
        }
        match &self.request {
            Some(rows) => writeln!(f, "  request: {rows}")?,
            None => writeln!(f, "  request: no table on the page; the spec's rows stay")?,
        }
        match &self.response {
            Some(rows) => writeln!(f, "  response: {rows}")?,
            None => writeln!(f, "  response: no table on the page; the spec's rows stay")?,
        }
        for m in &self.models {
            writeln!(
                f,
                "  model {} ({}, {}): {}",
                m.name, m.path, m.status, m.rows
            )?;
        }
        if self.constraints.is_empty() {
            writeln!(f, "  constraints read from the text: none")?;
        } else {
            writeln!(f, "  constraints read from the text (check them):")?;
            for c in &self.constraints {
                writeln!(f, "    {} {}: {}", c.field, c.kind, c.value)?;
            }
        }
        Ok(())
    }
}
