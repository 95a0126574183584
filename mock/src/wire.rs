//! Params from an HTTP request, as the gateway accepts them: a form body
//! (`application/x-www-form-urlencoded`), a JSON body (`application/json`), or a GET query
//! string.

use compshare::runtime::codegen_support::flatten_json;
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
/// first; its body follows.
pub(crate) fn read(
    method: &str,
    content_type: Option<&str>,
    query: Option<&str>,
    body: &[u8],
) -> Result<(Encoding, Vec<(String, String)>), Unreadable> {
    let mut params = query.map(form).unwrap_or_default();
    match method {
        "GET" => Ok((Encoding::Query, params)),
        "POST" if is_json(content_type) => {
            params.extend(json(body)?);
            Ok((Encoding::Json, params))
        }
        "POST" => {
            params.extend(form(body));
            Ok((Encoding::Form, params))
        }
        other => Err(Unreadable(format!(
            "the method {other} is not supported: send a POST or a GET"
        ))),
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

/// A JSON object's members, flattened the way the official SDKs flatten a request
/// (`Disks.0.Size`); an empty body has none.
fn json(body: &[u8]) -> Result<Vec<(String, String)>, Unreadable> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(value @ Value::Object(_)) => Ok(flatten_json(&value)),
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
            read("POST", None, None, form_body.as_bytes()),
            Ok((Encoding::Form, expected.clone()))
        );
        assert_eq!(
            read("GET", None, Some(form_body), b"ignored"),
            Ok((Encoding::Query, expected.clone()))
        );
        let json_body = r#"{"Action":"A","Limit":5,"Tag":"深度 学习"}"#;
        assert_eq!(
            read(
                "POST",
                Some("Application/JSON; charset=utf-8"),
                None,
                json_body.as_bytes()
            ),
            Ok((Encoding::Json, expected))
        );
    }

    #[test]
    fn json_bodies_flatten_like_the_official_sdks() {
        let body = br#"{"Disks":[{"IsBoot":true,"Size":200.0}],"UHostIds":["a","b"],"X":null}"#;
        let (_, params) = read("POST", Some("application/json"), None, body).unwrap();
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
            message(read("POST", json, None, b"[1,2]")),
            "a JSON body must be an object of params, not an array"
        );
        assert!(
            message(read("POST", json, None, b"{\"Action\":"))
                .starts_with("the body is not valid JSON")
        );
        assert!(
            message(read("POST", json, None, &[0xff, 0xfe]))
                .starts_with("the body is not valid JSON")
        );
        assert_eq!(
            read("POST", json, None, b"  "),
            Ok((Encoding::Json, vec![]))
        );
        assert!(message(read("PUT", None, None, b"")).contains("PUT is not supported"));
        // Form bodies are read leniently, as the gateway does: bad escapes stay as they are.
        assert_eq!(
            read("POST", None, None, b"A=%zz&B").unwrap().1,
            pairs(&[("A", "%zz"), ("B", "")])
        );
    }
}
