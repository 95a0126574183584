//! What a tool result may not carry, and how big it may be.
//!
//! - Values the platform marks sensitive are replaced with `<redacted>` (unless `compshare mcp
//!   --show-sensitive`): params and model fields with `sensitive: true` in the specs, and any
//!   member named like a password, secret, token, private key or login command. The result
//!   lists the paths it redacted.
//! - The private key never appears, whatever the setting: every result's text is scrubbed of
//!   it last. Signatures are never put in a result in the first place.
//! - A result above the size limit is cut: a list is shortened to the items that fit, anything
//!   else is cut at the limit, and a note says what was cut and how to ask for less.

use serde_json::{Map, Value};

pub const REDACTED: &str = "<redacted>";

/// Member names whose values are secret, lowercased with only letters and digits kept.
const SECRET_NAMES: &[&str] = &[
    "authorization",
    "cookie",
    "logincommand",
    "password",
    "passwd",
    "privatekey",
    "secret",
    "secretkey",
    "signature",
    "sshcommand",
    "sshlogincommand",
    "token",
];

/// Endings of secret member names.
const SECRET_ENDINGS: &[&str] = &["password", "secret", "token", "logincommand", "privatekey"];

/// Whether a member or param named `name` holds a secret.
pub fn is_sensitive(name: &str) -> bool {
    let normalized: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    SECRET_NAMES.contains(&normalized.as_str())
        || SECRET_ENDINGS.iter().any(|e| normalized.ends_with(e))
        || schema_sensitive(name)
}

/// Whether the specs mark a param or model field of this name sensitive.
fn schema_sensitive(name: &str) -> bool {
    use std::sync::OnceLock;
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let params = compshare::schema::ACTIONS
            .iter()
            .flat_map(|a| a.params.iter().chain(a.response));
        let fields = compshare::schema::MODELS.iter().flat_map(|m| m.fields);
        let mut names: Vec<&str> = params
            .chain(fields)
            .filter(|p| p.sensitive)
            .map(|p| p.name)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    });
    names.binary_search(&name).is_ok()
}

/// Replaces sensitive members' values in `value` and records their paths (`UHostSet[0].Password`).
pub fn redact(value: &mut Value, path: &str, redacted: &mut Vec<String>) {
    match value {
        Value::Object(members) => redact_members(members, path, redacted),
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                redact(item, &format!("{path}[{i}]"), redacted);
            }
        }
        _ => {}
    }
}

fn redact_members(members: &mut Map<String, Value>, path: &str, redacted: &mut Vec<String>) {
    for (key, v) in members.iter_mut() {
        let here = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        if is_sensitive(key) && !is_empty(v) {
            *v = Value::from(REDACTED);
            redacted.push(here);
        } else {
            redact(v, &here, redacted);
        }
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty() || s == REDACTED,
        _ => false,
    }
}

/// Wire params with the sensitive ones' values replaced (`Password`, `Disks.0.Password`).
pub fn redact_params(params: &mut [(String, String)]) -> Vec<String> {
    let mut names = Vec::new();
    for (name, value) in params.iter_mut() {
        let last = name
            .rsplit('.')
            .find(|p| !p.bytes().all(|b| b.is_ascii_digit()));
        if last.is_some_and(is_sensitive) && !value.is_empty() {
            *value = REDACTED.to_owned();
            names.push(name.clone());
        }
    }
    names
}

/// `text` without any occurrence of `secrets`.
pub fn scrub(mut text: String, secrets: &[String]) -> String {
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        if text.contains(secret.as_str()) {
            text = text.replace(secret.as_str(), REDACTED);
        }
    }
    text
}

/// `value` as compact JSON of at most `limit` bytes. A longer one is cut: its longest list is
/// shortened to the items that fit, with a `truncated` note; if that is not enough, the text
/// is cut at the limit and a note appended.
pub fn fit(value: Value, limit: usize) -> String {
    let text = value.to_string();
    if text.len() <= limit {
        return text;
    }
    let whole = text.len();
    if let Value::Object(mut members) = value {
        if let Some(key) = longest_list(&members) {
            let items = match members.get_mut(&key).map(Value::take) {
                Some(Value::Array(items)) => items,
                _ => Vec::new(),
            };
            let total = items.len();
            let with = |n: usize, members: &mut Map<String, Value>| {
                members.insert(key.clone(), Value::Array(items[..n].to_vec()));
                members.insert(
                    "truncated".to_owned(),
                    Value::from(format!(
                        "RESULT CUT: the whole result was {whole} bytes, over the limit of {limit}; `{key}` shows the first {n} of its {total} items. Ask for less: a smaller Limit, an Offset, filters, or max_items."
                    )),
                );
                Value::Object(members.clone()).to_string()
            };
            // The most items that fit, by bisection.
            let (mut lo, mut hi) = (0usize, total);
            while lo < hi {
                let mid = (lo + hi).div_ceil(2);
                if with(mid, &mut members).len() <= limit {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            let text = with(lo, &mut members);
            if text.len() <= limit {
                return text;
            }
            return cut(text, whole, limit);
        }
        return cut(Value::Object(members).to_string(), whole, limit);
    }
    cut(text, whole, limit)
}

/// The name of the member of `members` that is the longest list, as serialized.
fn longest_list(members: &Map<String, Value>) -> Option<String> {
    members
        .iter()
        .filter(|(_, v)| v.as_array().is_some_and(|a| !a.is_empty()))
        .max_by_key(|(_, v)| v.to_string().len())
        .map(|(k, _)| k.clone())
}

fn cut(text: String, whole: usize, limit: usize) -> String {
    let note = format!(
        "\n[RESULT CUT: the whole result was {whole} bytes, over the limit of {limit}; the JSON above is incomplete. Ask for less: a smaller Limit, an Offset, or filters.]"
    );
    let mut end = limit.saturating_sub(note.len());
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{note}", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_are_found_by_name_and_by_the_specs() {
        for name in [
            "Password",
            "password",
            "SshLoginCommand",
            "FileBrowserPassword",
            "AccessToken",
            "Signature",
            "private_key",
        ] {
            assert!(is_sensitive(name), "{name}");
        }
        for name in ["UHostId", "Name", "LoginMode", "KeyPair", "TokenCount"] {
            assert!(!is_sensitive(name), "{name}");
        }
    }

    #[test]
    fn members_are_redacted_at_any_depth_and_listed() {
        let mut v = json!({
            "UHostSet": [{"UHostId": "uhost-1", "Password": "hunter2", "SshLoginCommand": "ssh root@1.2.3.4"}],
            "Password": "",
        });
        let mut paths = Vec::new();
        redact(&mut v, "", &mut paths);
        assert_eq!(v["UHostSet"][0]["Password"], REDACTED);
        assert_eq!(v["UHostSet"][0]["SshLoginCommand"], REDACTED);
        assert_eq!(v["UHostSet"][0]["UHostId"], "uhost-1");
        assert_eq!(
            paths,
            ["UHostSet[0].Password", "UHostSet[0].SshLoginCommand"]
        );
        let mut params = vec![
            ("Password".to_owned(), "x".to_owned()),
            ("Disks.0.Size".to_owned(), "1".to_owned()),
        ];
        assert_eq!(redact_params(&mut params), ["Password"]);
        assert_eq!(params[0].1, REDACTED);
    }

    #[test]
    fn scrubbing_removes_the_private_key() {
        let text = scrub("key=abcdef and abcdef".to_owned(), &["abcdef".to_owned()]);
        assert_eq!(text, "key=<redacted> and <redacted>");
    }

    #[test]
    fn large_lists_are_shortened_with_a_note() {
        let items: Vec<Value> = (0..1000)
            .map(|i| json!({"Id": i, "Name": "x".repeat(50)}))
            .collect();
        let v = json!({"ImageSet": items, "TotalCount": 1000});
        let text = fit(v, 10_000);
        assert!(text.len() <= 10_000, "{}", text.len());
        let back: Value = serde_json::from_str(&text).unwrap();
        let shown = back["ImageSet"].as_array().unwrap().len();
        assert!(shown > 50 && shown < 1000, "{shown}");
        assert!(
            back["truncated"]
                .as_str()
                .unwrap()
                .contains(&format!("first {shown} of its 1000 items"))
        );
        assert_eq!(back["TotalCount"], 1000);
    }

    #[test]
    fn other_large_results_are_cut_with_a_note() {
        let v = json!({"Text": "y".repeat(5000)});
        let text = fit(v, 1000);
        assert!(text.len() <= 1000);
        assert!(text.ends_with("or filters.]"), "{text}");
        let small = json!({"a": 1});
        assert_eq!(fit(small, 1000), r#"{"a":1}"#);
    }
}
