//! What the mock sends back: the API's JSON envelope, or a raw HTTP answer a rule asked for.

use serde_json::{Map, Value};

/// One answer, ready to write.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Outgoing {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
    /// Whether the body is the API's JSON envelope (else a raw body a rule asked for).
    pub json: bool,
    /// The `RetCode` of an envelope.
    pub code: Option<i64>,
    /// The `Message` of an API error, for logs.
    pub message: Option<String>,
    /// The content type of a body that is a file (a download), else `None`.
    pub file_type: Option<&'static str>,
}

impl Outgoing {
    /// `RetCode` 0 with these members after the envelope's own.
    pub fn success(action: &str, members: Value) -> Self {
        let mut out = envelope(action, 0);
        if let Value::Object(members) = members {
            out.extend(members);
        }
        Self::envelope_body(200, Value::Object(out), 0, None)
    }

    /// A whole success body, such as the spec's response example.
    pub fn success_body(body: &str) -> Self {
        Self {
            status: 200,
            body: body.as_bytes().to_vec(),
            json: true,
            code: Some(0),
            message: None,
            file_type: None,
        }
    }

    /// An API error: `RetCode` and `Message`, and `Action` when the request named one. Like
    /// the gateway, the mock sends API errors with HTTP 200; clients read the `RetCode`.
    pub fn api_error(action: Option<&str>, code: i64, message: impl Into<String>) -> Self {
        let message = message.into();
        let mut out = match action {
            Some(action) => envelope(action, code),
            None => Map::from_iter([("RetCode".to_owned(), Value::from(code))]),
        };
        out.insert("Message".to_owned(), Value::from(message.clone()));
        Self::envelope_body(200, Value::Object(out), code, Some(message))
    }

    /// A successful download: the file's bytes, as the API sends them.
    pub fn file(content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            body: body.into(),
            json: false,
            code: Some(0),
            message: None,
            file_type: Some(content_type),
        }
    }

    /// Exactly this status and body.
    pub fn raw(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            body: body.into(),
            json: false,
            code: None,
            message: None,
            file_type: None,
        }
    }

    fn envelope_body(status: u16, body: Value, code: i64, message: Option<String>) -> Self {
        Self {
            status,
            body: body.to_string().into_bytes(),
            json: true,
            code: Some(code),
            message,
            file_type: None,
        }
    }
}

fn envelope(action: &str, code: i64) -> Map<String, Value> {
    Map::from_iter([
        (
            "Action".to_owned(),
            Value::from(format!("{action}Response")),
        ),
        ("RetCode".to_owned(), Value::from(code)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(answer: &Outgoing) -> Value {
        serde_json::from_slice(&answer.body).unwrap()
    }

    #[test]
    fn envelopes_carry_action_and_code() {
        let ok = Outgoing::success("StopCompShareInstance", json!({"UHostId": "uhost-1"}));
        assert_eq!(
            body(&ok),
            json!({"Action": "StopCompShareInstanceResponse", "RetCode": 0, "UHostId": "uhost-1"})
        );
        let err = Outgoing::api_error(None, 160, "Missing Action");
        assert_eq!(
            body(&err),
            json!({"RetCode": 160, "Message": "Missing Action"})
        );
        assert_eq!((err.status, err.code), (200, Some(160)));
    }
}
