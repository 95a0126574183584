use serde_json::Value;

use crate::decode::{self, Decode};
use crate::error::{ApiError, Error, HttpError};

/// Turns a raw response into the body (`RetCode` 0) or the matching error.
pub(crate) fn read_envelope(
    action: &str,
    status: u16,
    bytes: &[u8],
    request_id: Option<String>,
) -> Result<Value, Error> {
    let body: Option<Value> = serde_json::from_slice(bytes).ok();
    let code = body.as_ref().and_then(decode::ret_code);
    match (body, code) {
        (Some(body), Some(0)) if (200..300).contains(&status) => Ok(body),
        (Some(body), Some(code)) if code != 0 => Err(Error::Api(ApiError {
            code,
            message: body
                .get("Message")
                .and_then(String::decode)
                .unwrap_or_default(),
            action: action.to_owned(),
            request_id,
        })),
        _ if !(200..300).contains(&status) => Err(Error::Http(HttpError {
            status,
            body: excerpt(bytes),
            action: action.to_owned(),
            request_id,
        })),
        (body, _) => Err(Error::Decode {
            action: action.to_owned(),
            message: match body {
                None => format!("the body is not JSON: {}", excerpt(bytes)),
                Some(_) => "the body has no RetCode".to_owned(),
            },
            request_id,
        }),
    }
}

fn excerpt(bytes: &[u8]) -> String {
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

    #[test]
    fn envelope_errors() {
        let ok = read_envelope("A", 200, br#"{"RetCode":"0","X":1}"#, None).unwrap();
        assert_eq!(ok["X"], 1);

        let api = read_envelope(
            "A",
            200,
            br#"{"RetCode":171,"Message":"bad sig"}"#,
            Some("r1".into()),
        );
        assert_eq!(
            api.unwrap_err().to_string(),
            "A: API error 171: bad sig (request id r1)"
        );

        let api_in_500 = read_envelope("A", 500, br#"{"RetCode":"150","Message":"busy"}"#, None);
        assert_eq!(api_in_500.unwrap_err().code(), Some(150));

        let http = read_envelope("A", 502, b"<html>bad gateway</html>", None).unwrap_err();
        assert_eq!(http.to_string(), "A: HTTP 502: <html>bad gateway</html>");

        let not_json = read_envelope("A", 200, b"oops", None).unwrap_err();
        assert_eq!(
            not_json.to_string(),
            "A: cannot decode the response: the body is not JSON: oops"
        );

        let no_code = read_envelope("A", 200, b"{}", None).unwrap_err();
        assert!(no_code.to_string().contains("no RetCode"));
    }
}
