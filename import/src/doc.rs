//! What one page says, before it meets the existing specs.

use crate::extract::constraints::Found;
use crate::page::types::PageType;

/// Problems are kept with the page line they were found on.
pub type Warnings = Vec<(usize, String)>;

#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// The line of the title, for messages about the page as a whole.
    pub title_line: usize,
    pub action: Option<String>,
    pub summary: String,
    pub description: String,
    /// Region, Zone and ProjectId rows: name, whether required (if the page says), line.
    pub common: Vec<(String, Option<bool>, usize)>,
    /// Whether the page has a request table at all; a page without one leaves the spec's.
    pub has_request: bool,
    pub request: Vec<ParamRow>,
    pub has_response: bool,
    pub response: Vec<ParamRow>,
    /// Model and element tables, in page order.
    pub tables: Vec<NamedTable>,
    pub response_example: Option<String>,
    /// The page line the response example's text starts on.
    pub response_example_line: usize,
    pub warnings: Warnings,
    /// Where the page contradicts itself and a reviewer must say which side is right.
    pub conflicts: Warnings,
}

/// One parameter row, its cells cleaned.
#[derive(Clone, Debug)]
pub struct ParamRow {
    pub line: usize,
    pub name: String,
    pub ty: PageType,
    /// `None` when the table has no required column or the cell says neither.
    pub required: Option<bool>,
    pub description: String,
    pub example: Option<String>,
    pub found: Found,
    /// For rows read from an example: the value they were read from.
    pub json: Option<serde_json::Value>,
    /// Read from the response example, not from a table.
    pub from_example: bool,
}

impl ParamRow {
    pub fn new(line: usize, name: &str, ty: PageType) -> Self {
        ParamRow {
            line,
            name: name.to_owned(),
            ty,
            required: None,
            description: String::new(),
            example: None,
            found: Found::default(),
            json: None,
            from_example: false,
        }
    }
}

/// A table under a heading that names it.
#[derive(Clone, Debug)]
pub struct NamedTable {
    /// The model's name (`#### Model`), or the field's (`### Field 元素主要字段`).
    pub key: String,
    /// Whether `key` names a field rather than a model.
    pub element: bool,
    pub description: String,
    pub rows: Vec<ParamRow>,
    pub line: usize,
}
