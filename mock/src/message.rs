//! The message of an answer that rejects params: it names the offending params and says what
//! is wrong with each, but only the first few and shortened, so that a request with a hundred
//! thousand bad params does not get a message of megabytes.

use std::fmt::Write;

use compshare::Violation;

/// How many violations a message details; the rest are counted.
pub(crate) const SHOWN: usize = 10;

/// The most characters of a param's name, or of one violation's detail, in a message.
const CHARS: usize = 200;

/// `Params [A, B] invalid: A ...; B ...`, with the first [`SHOWN`] of `violations` and the
/// count of the rest, `more` included (violations found but not listed).
pub(crate) fn invalid_params(violations: &[&Violation], more: usize) -> String {
    let shown = &violations[..violations.len().min(SHOWN)];
    let hidden = violations.len() - shown.len() + more;
    let mut names: Vec<String> = shown.iter().map(|v| short(&v.field)).collect();
    names.dedup();
    let details: Vec<String> = shown.iter().map(|v| short(&v.to_string())).collect();
    let mut out = format!("Params [{}", names.join(", "));
    if hidden > 0 {
        let _ = write!(out, ", and {hidden} more");
    }
    let _ = write!(out, "] invalid: {}", details.join("; "));
    if hidden > 0 {
        let _ = write!(out, "; and {hidden} more");
    }
    out
}

/// `text`, cut to [`CHARS`] characters with an ellipsis when longer.
fn short(text: &str) -> String {
    match text.char_indices().nth(CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use compshare::Rule;

    fn unknown(field: &str, value: &str) -> Violation {
        Violation {
            field: field.into(),
            rule: Rule::UnknownParam { suggestion: None },
            value: Some(value.into()),
        }
    }

    #[test]
    fn a_few_violations_are_all_listed() {
        let (a, b) = (unknown("A", "1"), unknown("B", "2"));
        assert_eq!(
            invalid_params(&[&a, &b], 0),
            "Params [A, B] invalid: A is not a parameter of this action (got \"1\"); B is not a parameter of this action (got \"2\")"
        );
    }

    #[test]
    fn many_violations_and_long_values_are_bounded() {
        let many: Vec<Violation> = (0..1000)
            .map(|i| unknown(&format!("P{i}"), &"v".repeat(10_000)))
            .collect();
        let refs: Vec<&Violation> = many.iter().collect();
        let message = invalid_params(&refs, 5);
        assert!(message.len() < 4000, "{} bytes", message.len());
        assert!(message.starts_with("Params [P0, P1, P2"), "{message}");
        assert!(
            message.contains("P9, and 995 more] invalid: P0 is not"),
            "{message}"
        );
        assert!(message.ends_with("…; and 995 more"), "{message}");
        assert!(!message.contains("P10"), "{message}");
    }
}
