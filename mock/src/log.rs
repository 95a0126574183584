//! One line per request for verbose mode, with no secret in it: `PublicKey` and `Signature`
//! are never shown, and the values of params whose names suggest a secret are hidden. The line
//! is bounded: the first params, each value shortened, and how many more.

use std::fmt::Write;

use crate::answer::Outgoing;
use crate::record::Received;

/// Parts of param names whose values are hidden, compared case-insensitively: every param the
/// specs mark sensitive is a password, and keys, tokens and user data may hold secrets too.
const SECRET_NAMES: [&str; 5] = ["password", "secret", "token", "key", "userdata"];

/// How many params a line shows.
const SHOWN: usize = 50;

/// The most characters of a name or value a line shows.
const CHARS: usize = 200;

/// `POST form DescribeCompShareImages Limit=20 Region=cn-wlcb -> RetCode 0`.
pub(crate) fn line(received: &Received, answer: &Outgoing) -> String {
    let mut out = received.method.clone();
    if let Some(encoding) = received.encoding {
        let _ = write!(out, " {}", encoding.as_str());
    }
    let _ = write!(
        out,
        " {}",
        received.action.as_deref().unwrap_or("(no Action)")
    );
    for (name, value) in received.params.iter().take(SHOWN) {
        let shown = if is_secret(name) { "<hidden>" } else { value };
        let _ = write!(out, " {}={}", short(name), short(shown).escape_debug());
    }
    if let Some(more) = received.params.len().checked_sub(SHOWN).filter(|n| *n > 0) {
        let _ = write!(out, " ({more} more params)");
    }
    match (answer.code, &answer.message) {
        (Some(code), Some(message)) => {
            let _ = write!(out, " -> RetCode {code}: {message}");
        }
        (Some(code), None) => {
            let _ = write!(out, " -> RetCode {code}");
        }
        (None, _) => {
            let _ = write!(out, " -> HTTP {}", answer.status);
        }
    }
    if received.unmatched() {
        out.push_str(" (unmatched)");
    }
    out
}

fn short(text: &str) -> &str {
    text.char_indices()
        .nth(CHARS)
        .map_or(text, |(cut, _)| &text[..cut])
}

fn is_secret(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    SECRET_NAMES.iter().any(|s| lower.contains(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::Encoding;

    #[test]
    fn secrets_are_hidden_and_the_outcome_shown() {
        let received = Received {
            method: "POST".into(),
            encoding: Some(Encoding::Form),
            action: Some("CreateCompShareInstance".into()),
            params: vec![
                ("GPU".into(), "1".into()),
                ("Password".into(), "hunter2".into()),
                ("Name".into(), "a\nb".into()),
            ],
            code: Some(0),
            status: 200,
            unmatched: false,
        };
        let answer = Outgoing::api_error(Some("CreateCompShareInstance"), 230, "bad");
        assert_eq!(
            line(&received, &answer),
            "POST form CreateCompShareInstance GPU=1 Password=<hidden> Name=a\\nb -> RetCode 230: bad"
        );
    }

    #[test]
    fn lines_are_bounded() {
        let received = Received {
            method: "POST".into(),
            encoding: None,
            action: None,
            params: (0..1000)
                .map(|i| (format!("P{i}"), "v".repeat(10_000)))
                .collect(),
            code: Some(230),
            status: 200,
            unmatched: false,
        };
        let answer = Outgoing::api_error(None, 230, "bad");
        let line = line(&received, &answer);
        assert!(line.len() < 20_000, "{}", line.len());
        assert!(line.contains(" P49=v"), "{line}");
        assert!(!line.contains(" P50="), "{line}");
        assert!(
            line.ends_with(" (950 more params) -> RetCode 230: bad"),
            "{line}"
        );
    }
}
