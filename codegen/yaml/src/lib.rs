//! A YAML tree that remembers where every node came from, so that every problem in a spec
//! can be reported at its file, line and column.
//!
//! Scalars keep their text; what a scalar means (a number, a boolean, a string) is decided by
//! the spec reader from what the key expects, not by YAML's implicit typing.

use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// Byte range in the source.
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Scalar { text: String, quoted: bool },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// A plain `~`, `null` or empty scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { text, quoted: false } if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    pub fn describe(&self) -> &'static str {
        match &self.kind {
            _ if self.is_null() => "nothing",
            NodeKind::Scalar { .. } => "a scalar",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

/// A YAML syntax error.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub span: Range<usize>,
    pub message: String,
}

/// Deep nesting is never a real spec, and a bound keeps the reader's recursion safe.
const MAX_DEPTH: usize = 64;

/// Parses one YAML document. `Ok(None)` for a file with no document at all.
pub fn parse(text: &str) -> Result<Option<Node>, SyntaxError> {
    let offsets = CharOffsets::new(text);
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<(Node, Option<Node>)> = Vec::new();
    let mut root = None;
    let mut documents = 0;
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(|e| {
            let at = offsets.byte(e.marker().index());
            SyntaxError {
                span: at..at,
                message: e.info().to_owned(),
            }
        })?;
        let range = offsets.range(&span);
        let node = match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(SyntaxError {
                        span: range,
                        message: "a spec file holds one YAML document; this is a second one".into(),
                    });
                }
                continue;
            }
            Event::Alias(_) => return Err(unsupported(range, "aliases (`*name`)")),
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if anchor != 0 =>
            {
                return Err(unsupported(range, "anchors (`&name`)"));
            }
            Event::Scalar(_, _, _, Some(_))
            | Event::SequenceStart(_, Some(_))
            | Event::MappingStart(_, Some(_)) => {
                return Err(unsupported(range, "tags (`!name`)"));
            }
            Event::Scalar(text, style, _, None) => Node {
                kind: NodeKind::Scalar {
                    text: text.into_owned(),
                    quoted: style != ScalarStyle::Plain,
                },
                span: range,
            },
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(SyntaxError {
                        span: range,
                        message: format!("nesting deeper than {MAX_DEPTH} levels"),
                    });
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    NodeKind::Seq(Vec::new())
                } else {
                    NodeKind::Map(Vec::new())
                };
                stack.push((Node { kind, span: range }, None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some((mut node, _pending_key)) = stack.pop() else {
                    continue;
                };
                // A flow collection ends at its bracket; a block one ends with its last
                // child, not at the token after it.
                if !range.is_empty() {
                    node.span.end = node.span.end.max(range.end);
                }
                node
            }
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some((parent, pending_key)) => {
                parent.span.end = parent.span.end.max(node.span.end);
                match &mut parent.kind {
                    NodeKind::Seq(items) => items.push(node),
                    NodeKind::Map(entries) => match pending_key.take() {
                        None => *pending_key = Some(node),
                        Some(key) => entries.push((key, node)),
                    },
                    NodeKind::Scalar { .. } => {
                        unreachable!("scalars are never pushed on the stack")
                    }
                }
            }
        }
    }
    Ok(root)
}

fn unsupported(span: Range<usize>, what: &str) -> SyntaxError {
    SyntaxError {
        span,
        message: format!("YAML {what} are not allowed in specs; write the value out in full"),
    }
}

/// Maps the parser's character indices to byte offsets.
struct CharOffsets {
    /// Byte offset of each character, plus the end; empty when the text is ASCII.
    table: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        let table = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect()
        };
        Self {
            table,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.table.is_empty() {
            char_index.min(self.len)
        } else {
            self.table.get(char_index).copied().unwrap_or(self.len)
        }
    }

    fn range(&self, span: &Span) -> Range<usize> {
        let start = self.byte(span.start.index());
        start..self.byte(span.end.index()).max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(node: &Node) -> &str {
        match &node.kind {
            NodeKind::Scalar { text, .. } => text,
            other => panic!("not a scalar: {other:?}"),
        }
    }

    #[test]
    fn spans_point_at_the_source_bytes() {
        let text = "名称: 镜像\nlist:\n  - a\n  - 'b'\n";
        let root = parse(text).unwrap().unwrap();
        let NodeKind::Map(entries) = &root.kind else {
            panic!()
        };
        let (k, v) = &entries[0];
        assert_eq!(&text[k.span.clone()], "名称");
        assert_eq!(&text[v.span.clone()], "镜像");
        let NodeKind::Seq(items) = &entries[1].1.kind else {
            panic!()
        };
        assert_eq!(scalar(&items[1]), "b");
        assert!(matches!(
            items[1].kind,
            NodeKind::Scalar { quoted: true, .. }
        ));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let err = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(!err.message.is_empty());
        assert!(parse("a:\n\t- b\n").is_err(), "tabs are not indentation");
        assert!(parse("a: &x 1\nb: *x\n").is_err());
        assert!(parse("a: 1\n---\nb: 2\n").is_err());
    }

    #[test]
    fn empty_and_deep_input() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# only a comment\n").unwrap(), None);
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(parse(&deep).unwrap_err().message.contains("nesting"));
    }
}
