//! Markdown pages (and the seed's plain text, which is Markdown with the markup stripped):
//! the format every CompShare doc is written in.
//!
//! This is only the Markdown structure. What a heading means is decided by `extract`.

use super::cells::{is_separator, split_row};
use super::example::loose_response_example;
use super::{Block, Table, TableRow};
use crate::doc::Doc;
use crate::extract;
use crate::format::DocFormat;

/// CommonMark-ish Markdown: `#` headings, pipe tables, fenced code, YAML front matter.
pub struct Markdown;

impl DocFormat for Markdown {
    fn extensions(&self) -> &'static [&'static str] {
        &["md", "markdown"]
    }

    fn read(&self, text: &str) -> Doc {
        let mut doc = extract::read(&blocks(text), front_matter_title(text));
        if doc.response_example.is_none()
            && let Some((example, line)) = loose_response_example(text)
        {
            // The plain text has no code fence around its example.
            doc.response_example = Some(example);
            doc.response_example_line = line;
        }
        doc
    }
}

/// Splits a page into blocks. Line numbers are 1-based.
pub fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = skip_front_matter(&lines);
    while i < lines.len() {
        let raw = lines[i];
        let line = raw.trim();
        if let Some(fence) = fence(line) {
            let start = i;
            let mut body = Vec::new();
            i += 1;
            while i < lines.len() && !lines[i].trim().starts_with(fence) {
                body.push(lines[i]);
                i += 1;
            }
            i += 1; // the closing fence, if any
            out.push(Block::Code {
                line: start + 1,
                text: body.join("\n"),
            });
            continue;
        }
        if line.is_empty() {
            out.push(Block::Blank);
        } else if line.starts_with('|') {
            let start = i;
            let mut table_lines = Vec::new();
            while i < lines.len() && lines[i].trim().starts_with('|') {
                table_lines.push((i + 1, lines[i]));
                i += 1;
            }
            out.push(Block::Table(table(start + 1, &table_lines)));
            continue;
        } else if let Some((level, text)) = heading(line) {
            out.push(Block::Heading {
                line: i + 1,
                level,
                text,
            });
        } else {
            out.push(Block::Text {
                line: i + 1,
                text: line.to_owned(),
            });
        }
        i += 1;
    }
    out
}

fn table(line: usize, lines: &[(usize, &str)]) -> Table {
    let mut rows: Vec<TableRow> = lines
        .iter()
        .map(|(no, l)| TableRow {
            line: *no,
            cells: split_row(l),
        })
        .filter(|r| !is_separator(&r.cells))
        .collect();
    let header = if rows.is_empty() {
        Vec::new()
    } else {
        rows.remove(0).cells
    };
    Table { line, header, rows }
}

/// The fence that opens a code block, if the line opens one.
fn fence(line: &str) -> Option<&'static str> {
    if line.starts_with("```") {
        Some("```")
    } else if line.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

fn heading(line: &str) -> Option<(usize, String)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let text = line[level..].trim().trim_end_matches('#').trim();
    Some((level, text.to_owned()))
}

/// YAML front matter (`---` ... `---` at the top) is not part of the page body.
fn skip_front_matter(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return 0;
    }
    match lines.iter().skip(1).position(|l| l.trim() == "---") {
        Some(end) => end + 2,
        None => 0,
    }
}

/// The `title:` of YAML front matter, if the page has one.
pub fn front_matter_title(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let end = skip_front_matter(&lines);
    lines[..end].iter().find_map(|l| {
        let value = l.trim().strip_prefix("title:")?;
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        (!value.is_empty()).then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_headings_tables_and_code() {
        let page =
            "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n```json\n# not a heading\n{}\n```\ntext";
        let blocks = blocks(page);
        assert!(matches!(&blocks[0], Block::Heading { level: 1, text, .. } if text == "T"));
        let Block::Table(t) = &blocks[2] else {
            panic!("{blocks:?}")
        };
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(t.rows[0].line, 5);
        assert!(matches!(&blocks[3], Block::Code { text, .. } if text == "# not a heading\n{}"));
        assert!(matches!(&blocks[4], Block::Text { line: 10, .. }));
    }

    #[test]
    fn skips_front_matter() {
        let page = "---\ntitle: X\n---\n# H";
        assert!(matches!(&blocks(page)[0], Block::Heading { line: 4, .. }));
        assert_eq!(front_matter_title(page).as_deref(), Some("X"));
    }
}
