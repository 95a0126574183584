//! Diagnostics: what is wrong in a spec, where, and how to fix it, rendered like rustc's.

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub usize);

/// A byte range in one spec file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub file: FileId,
    pub span: Range<usize>,
}

impl Loc {
    /// The location of something no file holds, such as a row an import built.
    pub fn nowhere() -> Self {
        Loc {
            file: FileId(usize::MAX),
            span: 0..0,
        }
    }

    /// Whether this is [`Loc::nowhere`].
    pub fn is_nowhere(&self) -> bool {
        self.file == FileId(usize::MAX)
    }

    /// File, then position: the order problems are reported in.
    fn key(&self) -> (FileId, usize, usize) {
        (self.file, self.span.start, self.span.end)
    }
}

/// One spec file as read from disk.
#[derive(Clone, Debug)]
pub struct Source {
    /// As shown to the user, relative to the repository root.
    pub path: String,
    pub text: String,
}

/// Every file read in one run.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<Source>,
}

impl Sources {
    pub fn add(&mut self, path: String, text: String) -> FileId {
        self.files.push(Source { path, text });
        FileId(self.files.len() - 1)
    }

    pub fn get(&self, id: FileId) -> &Source {
        &self.files[id.0]
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, loc: &Loc) -> (usize, usize) {
        let text = &self.get(loc.file).text;
        let at = floor_char_boundary(text, loc.span.start.min(text.len()));
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[line_start..].chars().count() + 1)
    }
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A problem found in the specs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub loc: Loc,
    /// What is wrong, as a sentence.
    pub message: String,
    /// A short note at the location.
    pub label: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Other places that explain the problem, such as the first definition of a duplicate.
    pub related: Vec<(Loc, String)>,
}

impl Diagnostic {
    pub fn new(loc: Loc, message: impl Into<String>) -> Self {
        Self {
            loc,
            message: message.into(),
            label: String::new(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn related(mut self, loc: Loc, note: impl Into<String>) -> Self {
        self.related.push((loc, note.into()));
        self
    }

    /// Renders like rustc: the message, `--> file:line:column`, the offending lines with the
    /// span marked, and the fix.
    pub fn render(&self, sources: &Sources, styled: bool) -> String {
        let source = sources.get(self.loc.file);
        let span = clamp(&source.text, &self.loc.span);
        let mut snippet = Snippet::source(source.text.as_str())
            .path(source.path.as_str())
            .fold(true)
            .annotation(
                AnnotationKind::Primary
                    .span(span)
                    .label(self.label.as_str()),
            );
        let mut elsewhere = Vec::new();
        for (loc, note) in &self.related {
            if loc.file == self.loc.file {
                let span = clamp(&source.text, &loc.span);
                snippet =
                    snippet.annotation(AnnotationKind::Context.span(span).label(note.as_str()));
            } else {
                elsewhere.push((loc, note));
            }
        }
        let mut report: Vec<Group<'_>> = vec![
            Level::ERROR
                .primary_title(self.message.as_str())
                .element(snippet),
        ];
        for (loc, note) in elsewhere {
            let other = sources.get(loc.file);
            let span = clamp(&other.text, &loc.span);
            report.push(
                Level::NOTE.secondary_title(note.as_str()).element(
                    Snippet::source(other.text.as_str())
                        .path(other.path.as_str())
                        .fold(true)
                        .annotation(AnnotationKind::Context.span(span)),
                ),
            );
        }
        if let Some(help) = &self.help {
            report.push(Group::with_title(
                Level::HELP.secondary_title(help.as_str()),
            ));
        }
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        renderer.render(&report)
    }
}

/// Keeps a span inside the text, on character boundaries, and on its first line: a whole
/// mapping underlined over many lines says less than its first line does.
fn clamp(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let mut end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    if let Some(newline) = text[start..end].find('\n').filter(|&n| n > 0) {
        end = start + newline;
    }
    start..end
}

/// All problems of one run.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    pub list: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Sorted by file, then position, so the report reads top to bottom.
    pub fn sorted(mut self) -> Self {
        self.list
            .sort_by(|a, b| (a.loc.key(), &a.message).cmp(&(b.loc.key(), &b.message)));
        self.list.dedup();
        self
    }
}

/// A failed run: the problems and the files they point into.
#[derive(Debug)]
pub struct Failure {
    pub sources: Sources,
    pub diagnostics: Diagnostics,
}

impl Failure {
    pub fn render(&self, styled: bool) -> String {
        let mut out = String::new();
        for d in &self.diagnostics.list {
            out.push_str(&d.render(&self.sources, styled));
            out.push_str("\n\n");
        }
        let n = self.diagnostics.list.len();
        let files: std::collections::BTreeSet<FileId> =
            self.diagnostics.list.iter().map(|d| d.loc.file).collect();
        out.push_str(&format!(
            "error: {n} problem{} in {} spec file{}",
            if n == 1 { "" } else { "s" },
            files.len(),
            if files.len() == 1 { "" } else { "s" },
        ));
        out
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Failure {}
