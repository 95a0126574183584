//! Reading a page's syntax: its blocks, the text of its cells, its table columns, its type
//! words and the JSON of its examples. Nothing here knows what a section means.
//!
//! [`Block`]s are what every format hands to `extract`: a format reads its own syntax into
//! headings, tables, code and prose, and writes cell text with Markdown's inline markup
//! (`**`, backticks, `<br />`), which [`cells`] cleans.

pub mod cells;
pub mod columns;
pub mod example;
pub mod markdown;
pub mod types;

/// A piece of a page, with its 1-based line number.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        line: usize,
        level: usize,
        text: String,
    },
    Table(Table),
    Code {
        line: usize,
        text: String,
    },
    /// One non-empty line that is not part of a table, heading or code.
    Text {
        line: usize,
        text: String,
    },
    /// An empty line: it ends a paragraph, such as the intro.
    Blank,
}

/// A table: its header cells and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub line: usize,
    pub header: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// One row of a table, its cells as written.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    pub line: usize,
    pub cells: Vec<String>,
}
