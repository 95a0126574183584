//! Turning a YAML syntax error into a diagnostic that points at the mistake rather than at
//! where the parser gave up: a tab in the indentation, or a bracket that is never closed.

use crate::diag::{Diagnostic, FileId, Loc};
use crate::yaml::SyntaxError;

pub fn diagnose(file: FileId, text: &str, e: &SyntaxError) -> Diagnostic {
    let at = |span: std::ops::Range<usize>| Loc { file, span };
    if let Some(tab) = indentation_tab(text) {
        return Diagnostic::new(
            at(tab..tab + 1),
            "YAML syntax error: a tab in the indentation",
        )
        .label("tab")
        .help("indent with spaces; YAML does not allow tabs in indentation");
    }
    let stop = e.span.start.min(text.len());
    if let Some(open) = unclosed_bracket(&text[..stop])
        && line_of(text, open) < line_of(text, stop)
    {
        let bracket = &text[open..open + 1];
        let close = if bracket == "[" { "]" } else { "}" };
        return Diagnostic::new(
            at(open..open + 1),
            format!("YAML syntax error: this `{bracket}` is never closed"),
        )
        .label("opened here")
        .related(
            at(e.span.clone()),
            format!("the parser gave up here: {}", e.message),
        )
        .help(format!("add the closing `{close}` at the end of the value"));
    }
    Diagnostic::new(
        at(e.span.clone()),
        format!("YAML syntax error: {}", e.message),
    )
    .label("here")
    .help("check the indentation, and the brackets and quotes around this point")
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count()
}

/// The byte offset of the first tab in the leading whitespace of any line.
fn indentation_tab(text: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(i) = line[..indent].find('\t') {
            return Some(offset + i);
        }
        offset += line.len();
    }
    None
}

/// The offset of the innermost flow bracket left open at the end of `text`, skipping quoted
/// strings and comments.
fn unclosed_bracket(text: &str) -> Option<usize> {
    let mut open: Vec<usize> = Vec::new();
    let mut quote: Option<char> = None;
    let mut prev = '\n';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if prev.is_whitespace() || "[{,:".contains(prev) => quote = Some(c),
            (None, '#') if prev.is_whitespace() => {
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            (None, '[' | '{') => open.push(i),
            (None, ']' | '}') => {
                open.pop();
            }
            _ => {}
        }
        prev = c;
    }
    open.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tabs_only_in_indentation() {
        assert_eq!(indentation_tab("a: 1\n\tb: 2\n"), Some(5));
        assert_eq!(indentation_tab("a: x\ty\n"), None);
    }

    #[test]
    fn finds_the_bracket_left_open() {
        assert_eq!(unclosed_bracket("a: [1, [2]\nb: 3"), Some(3));
        assert_eq!(unclosed_bracket("a: '[' # [\nb: [1]"), None);
        assert_eq!(unclosed_bracket("a: \"\\\"[\""), None);
    }
}
