//! One line per request for verbose mode, with no secret in it: `PublicKey` and `Signature`
//! are never shown, and the values of params whose names suggest a secret are hidden.

use std::fmt::Write;

use crate::answer::Answer;
use crate::record::Received;

/// Parts of param names whose values are hidden, compared case-insensitively: every param the
/// specs mark sensitive is a password, and keys, tokens and user data may hold secrets too.
const SECRET_NAMES: [&str; 5] = ["password", "secret", "token", "key", "userdata"];

/// `POST form DescribeCompShareImages Limit=20 Region=cn-wlcb -> RetCode 0`.
pub(crate) fn line(received: &Received, answer: &Answer) -> String {
    let mut out = received.method.clone();
    if let Some(encoding) = received.encoding {
        let _ = write!(out, " {}", encoding.as_str());
    }
    let _ = write!(
        out,
        " {}",
        received.action.as_deref().unwrap_or("(no Action)")
    );
    for (name, value) in &received.params {
        let shown = if is_secret(name) { "<hidden>" } else { value };
        let _ = write!(out, " {name}={}", shown.escape_debug());
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
        let answer = Answer::api_error(Some("CreateCompShareInstance"), 230, "bad");
        assert_eq!(
            line(&received, &answer),
            "POST form CreateCompShareInstance GPU=1 Password=<hidden> Name=a\\nb -> RetCode 230: bad"
        );
    }
}
