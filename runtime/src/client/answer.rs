//! What an answer means: the typed response, or the error it carries.

use crate::decode::{self, Decode, Envelope, Object};
use crate::error::{ApiError, Error, HttpError};

/// A response as read off the wire, before decoding.
#[derive(Debug)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The `X-UCLOUD-REQUEST-UUID` header, when the answer had one.
    pub request_id: Option<String>,
    /// The body.
    pub body: Vec<u8>,
}

/// Decodes a JSON answer into `R`, or the error it carries: an API error (`RetCode` not 0), an
/// HTTP error status, or a body that is not the envelope.
pub fn decode_json<R: Decode>(action: &str, answer: Answer) -> Result<(R, Envelope), Error> {
    let mut response = R::default();
    let envelope = decode_json_into(action, &answer, &mut response)?;
    Ok((response, envelope))
}

/// [`decode_json`] into an existing value; compiled once for every response type.
pub(crate) fn decode_json_into(
    action: &str,
    answer: &Answer,
    response: &mut dyn Object,
) -> Result<Envelope, Error> {
    match decode::response_into(&answer.body, response) {
        Ok(envelope) => {
            check(action, answer, Some(&envelope))?;
            Ok(envelope)
        }
        Err(e) => {
            check(action, answer, None)?;
            Err(decode_error(
                action,
                answer,
                format!(
                    "the body is not a JSON object ({e}): {}",
                    excerpt(&answer.body)
                ),
            ))
        }
    }
}

/// The error an answer carries: an API error, an HTTP error status, or a body that is not the
/// envelope. `None` when the body did not parse, which is only an error of its own on success
/// statuses.
pub(crate) fn check(
    action: &str,
    answer: &Answer,
    envelope: Option<&Envelope>,
) -> Result<(), Error> {
    let ok_status = (200..300).contains(&answer.status);
    let code = envelope.and_then(Envelope::code);
    match code {
        Some(0) if ok_status => Ok(()),
        Some(code) if code != 0 => Err(Error::Api(ApiError {
            code,
            message: envelope.map(Envelope::message_text).unwrap_or_default(),
            action: action.to_owned(),
            request_id: answer.request_id.clone(),
        })),
        _ if !ok_status => Err(Error::Http(HttpError {
            status: answer.status,
            body: excerpt(&answer.body),
            action: action.to_owned(),
            request_id: answer.request_id.clone(),
        })),
        None if envelope.is_none() => Ok(()),
        _ => Err(decode_error(
            action,
            answer,
            "the body has no RetCode".to_owned(),
        )),
    }
}

fn decode_error(action: &str, answer: &Answer, message: String) -> Error {
    Error::Decode {
        action: action.to_owned(),
        message,
        request_id: answer.request_id.clone(),
    }
}

pub(crate) fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out: String = text.chars().take(200).collect();
    if text.chars().nth(200).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unknown::UnknownFields;

    #[derive(Debug, Default)]
    struct Empty(UnknownFields);

    impl crate::decode::Object for Empty {
        fn slot(&mut self, _: &str) -> Option<&mut dyn crate::decode::Target> {
            None
        }
        fn unknown_fields_mut(&mut self) -> &mut UnknownFields {
            &mut self.0
        }
    }

    impl crate::json::ToJson for Empty {
        fn to_json(&self) -> serde_json::Value {
            serde_json::Value::Null
        }
    }

    fn answer(status: u16, body: &str) -> Result<(Empty, Envelope), Error> {
        decode_json::<Empty>(
            "A",
            Answer {
                status,
                request_id: Some("r1".into()),
                body: body.as_bytes().to_vec(),
            },
        )
    }

    #[test]
    fn envelope_errors() {
        let (ok, _) = answer(200, r#"{"RetCode":"0","X":1}"#).unwrap();
        assert_eq!(ok.0.get("X"), Some(&serde_json::json!(1)));

        let api = answer(200, r#"{"RetCode":171,"Message":"bad sig"}"#).unwrap_err();
        assert_eq!(api.to_string(), "A: API error 171: bad sig (request id r1)");

        let api_in_500 = answer(500, r#"{"RetCode":"150","Message":"busy"}"#).unwrap_err();
        assert_eq!(api_in_500.code(), Some(150));

        let http = answer(502, "<html>bad gateway</html>").unwrap_err();
        assert_eq!(
            http.to_string(),
            "A: HTTP 502 (request id r1): <html>bad gateway</html>"
        );

        let not_json = answer(200, "oops").unwrap_err();
        assert_eq!(
            not_json.to_string(),
            "A: cannot decode the response (request id r1): the body is not a JSON object (expected an object at byte 0): oops"
        );

        let no_code = answer(200, "{}").unwrap_err();
        assert!(no_code.to_string().contains("no RetCode"));
    }
}
