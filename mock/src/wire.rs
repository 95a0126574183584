//! Params from an HTTP request, as the gateway accepts them: a form body
//! (`application/x-www-form-urlencoded`), a JSON body (`application/json`), or a GET query
//! string.

use compshare::runtime::tools::flatten_json;
use serde_json::Value;

/// How the params arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// A POST with a form body.
    Form,
    /// A POST with a JSON body.
    Json,
    /// A GET with a query string.
    Query,
}

impl Encoding {
    /// A short name, for logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Form => "form",
            Encoding::Json => "json",
            Encoding::Query => "query",
        }
    }
}

/// Why a request carries no params the mock can read, for the API error's message.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Unreadable(pub String);

/// The request's params in the order they arrived. A POST's query string, if any, comes
/// first; its body follows. More than `max_params` params (`Action` and `Signature`
/// included) are refused after counting them, before any is decoded.
pub(crate) fn read(
    method: &str,
    content_type: Option<&str>,
    query: Option<&str>,
    body: &[u8],
    max_params: usize,
) -> Result<(Encoding, Vec<(String, String)>), Unreadable> {
    let in_query = query.map_or(0, |q| count_form(q.as_bytes()));
    let within = |count: usize| {
        if count > max_params {
            Err(Unreadable(format!(
                "the request has {count} params, more than the mock's limit of {max_params}"
            )))
        } else {
            Ok(())
        }
    };
    let (encoding, from_body) = match method {
        "GET" => {
            within(in_query)?;
            (Encoding::Query, Vec::new())
        }
        "POST" if is_json(content_type) => {
            let value = json(body)?;
            within(in_query + value.as_ref().map_or(0, count_json))?;
            (
                Encoding::Json,
                value.as_ref().map(flatten_json).unwrap_or_default(),
            )
        }
        "POST" => {
            within(in_query + count_form(body))?;
            (Encoding::Form, form(body))
        }
        other => {
            return Err(Unreadable(format!(
                "the method {other} is not supported: send a POST or a GET"
            )));
        }
    };
    let mut params = query.map(form).unwrap_or_default();
    params.extend(from_body);
    Ok((encoding, params))
}

/// How many params a form or query string holds, as [`form`] reads it (empty pieces are
/// skipped), without decoding any.
fn count_form(text: &[u8]) -> usize {
    text.split(|b| *b == b'&').filter(|p| !p.is_empty()).count()
}

/// How many params a JSON body flattens to: one per value that is not null, object or array.
fn count_json(value: &Value) -> usize {
    match value {
        Value::Null => 0,
        Value::Array(items) => items.iter().map(count_json).sum(),
        Value::Object(members) => members.values().map(count_json).sum(),
        _ => 1,
    }
}

fn is_json(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|ct| {
        let essence = ct.split(';').next().unwrap_or("").trim();
        essence.eq_ignore_ascii_case("application/json")
    })
}

fn form(text: impl AsRef<[u8]>) -> Vec<(String, String)> {
    form_urlencoded::parse(text.as_ref()).into_owned().collect()
}

/// A JSON object of params, to be flattened the way the official SDKs flatten a request
/// (`Disks.0.Size`); `None` for an empty body.
fn json(body: &[u8]) -> Result<Option<Value>, Unreadable> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(value @ Value::Object(_)) => Ok(Some(value)),
        Ok(other) => Err(Unreadable(format!(
            "a JSON body must be an object of params, not {}",
            kind(&other)
        ))),
        Err(e) => Err(Unreadable(format!("the body is not valid JSON: {e}"))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn forms_json_and_queries_give_the_same_params() {
        let expected = pairs(&[("Action", "A"), ("Limit", "5"), ("Tag", "深度 学习")]);
        let form_body = "Action=A&Limit=5&Tag=%E6%B7%B1%E5%BA%A6+%E5%AD%A6%E4%B9%A0";
        assert_eq!(
            read("POST", None, None, form_body.as_bytes(), 10),
            Ok((Encoding::Form, expected.clone()))
        );
        assert_eq!(
            read("GET", None, Some(form_body), b"ignored", 10),
            Ok((Encoding::Query, expected.clone()))
        );
        let json_body = r#"{"Action":"A","Limit":5,"Tag":"深度 学习"}"#;
        assert_eq!(
            read(
                "POST",
                Some("Application/JSON; charset=utf-8"),
                None,
                json_body.as_bytes(),
                10
            ),
            Ok((Encoding::Json, expected))
        );
    }

    #[test]
    fn json_bodies_flatten_like_the_official_sdks() {
        let body = br#"{"Disks":[{"IsBoot":true,"Size":200.0}],"UHostIds":["a","b"],"X":null}"#;
        let (_, params) = read("POST", Some("application/json"), None, body, 10).unwrap();
        assert_eq!(
            params,
            pairs(&[
                ("Disks.0.IsBoot", "true"),
                ("Disks.0.Size", "200"),
                ("UHostIds.0", "a"),
                ("UHostIds.1", "b"),
            ])
        );
    }

    #[test]
    fn unreadable_bodies_and_methods_say_why() {
        let json = Some("application/json");
        let message = |r: Result<_, Unreadable>| r.unwrap_err().0;
        assert_eq!(
            message(read("POST", json, None, b"[1,2]", 10)),
            "a JSON body must be an object of params, not an array"
        );
        assert!(
            message(read("POST", json, None, b"{\"Action\":", 10))
                .starts_with("the body is not valid JSON")
        );
        assert!(
            message(read("POST", json, None, &[0xff, 0xfe], 10))
                .starts_with("the body is not valid JSON")
        );
        assert_eq!(
            read("POST", json, None, b"  ", 10),
            Ok((Encoding::Json, vec![]))
        );
        assert!(message(read("PUT", None, None, b"", 10)).contains("PUT is not supported"));
        // Form bodies are read leniently, as the gateway does: bad escapes stay as they are.
        assert_eq!(
            read("POST", None, None, b"A=%zz&B", 10).unwrap().1,
            pairs(&[("A", "%zz"), ("B", "")])
        );
    }

    #[test]
    fn params_past_the_limit_are_counted_not_read() {
        let message = |r: Result<_, Unreadable>| r.unwrap_err().0;
        let many = "A=1&B=2&&C=3";
        assert_eq!(
            read("POST", None, None, many.as_bytes(), 3)
                .unwrap()
                .1
                .len(),
            3
        );
        assert_eq!(
            message(read("POST", None, Some("Q=1"), many.as_bytes(), 3)),
            "the request has 4 params, more than the mock's limit of 3"
        );
        assert!(read("GET", None, Some(many), b"", 2).is_err());
        let json = Some("application/json");
        let body = br#"{"A":[1,2,{"B":3,"C":null}],"D":"x"}"#;
        assert_eq!(read("POST", json, None, body, 4).unwrap().1.len(), 4);
        assert_eq!(
            message(read("POST", json, None, body, 3)),
            "the request has 4 params, more than the mock's limit of 3"
        );
    }
}
