use std::fmt;

use crate::config::ConfigError;
use crate::validate::ValidationError;

/// Everything a call can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request broke the spec's rules; nothing was sent.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The request could not be sent or the response could not be read.
    #[error("{action}: transport error: {source}")]
    Transport {
        action: String,
        #[source]
        source: reqwest::Error,
    },
    /// The server answered with an HTTP error status and no API error in the body.
    #[error(transparent)]
    Http(HttpError),
    /// The API answered with `RetCode != 0`.
    #[error(transparent)]
    Api(ApiError),
    /// The body was not the JSON envelope the API always sends.
    #[error("{action}: cannot decode the response{}: {message}", request_id_note(.request_id))]
    Decode {
        action: String,
        message: String,
        request_id: Option<String>,
    },
    /// The client could not be configured.
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// An API error: the body carried `RetCode != 0`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{action}: API error {code}: {message}{}", request_id_note(.request_id))]
pub struct ApiError {
    pub code: i64,
    pub message: String,
    pub action: String,
    /// From the `X-UCLOUD-REQUEST-UUID` response header.
    pub request_id: Option<String>,
}

/// An HTTP error status without an API error body.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{action}: HTTP {status}{}: {body}", request_id_note(.request_id))]
pub struct HttpError {
    pub status: u16,
    /// The start of the body, for diagnosis.
    pub body: String,
    pub action: String,
    pub request_id: Option<String>,
}

fn request_id_note(request_id: &Option<String>) -> RequestIdNote<'_> {
    RequestIdNote(request_id.as_deref())
}

struct RequestIdNote<'a>(Option<&'a str>);

impl fmt::Display for RequestIdNote<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, " (request id {id})"),
            None => Ok(()),
        }
    }
}

/// Gateway codes that mean "try again later": service unavailable and rate limited.
const RETRYABLE_GATEWAY_CODES: [i64; 2] = [150, 153];

impl ApiError {
    /// Whether the same request may succeed if sent again. Like the Go SDK, codes from 2000 up
    /// are treated as transient server-side failures.
    pub fn is_retryable(&self) -> bool {
        RETRYABLE_GATEWAY_CODES.contains(&self.code) || self.code >= 2000
    }
}

impl Error {
    /// The API `RetCode`, for API errors.
    pub fn code(&self) -> Option<i64> {
        match self {
            Error::Api(e) => Some(e.code),
            _ => None,
        }
    }

    /// The server's request id, when the server answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::Http(e) => e.request_id.as_deref(),
            Error::Decode { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The violations, for validation errors.
    pub fn as_validation(&self) -> Option<&ValidationError> {
        match self {
            Error::Validation(e) => Some(e),
            _ => None,
        }
    }

    /// Whether sending the same request again may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { source, .. } => {
                source.is_connect() || source.is_timeout() || source.is_request()
            }
            Error::Http(e) => matches!(e.status, 429 | 500 | 502 | 503 | 504),
            Error::Api(e) => e.is_retryable(),
            Error::Validation(_) | Error::Decode { .. } | Error::Config(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_errors_name_the_action_code_and_request_id() {
        let e = Error::Api(ApiError {
            code: 171,
            message: "Signature VerifyAC Error".into(),
            action: "DescribeCompShareImages".into(),
            request_id: Some("abc-123".into()),
        });
        assert_eq!(
            e.to_string(),
            "DescribeCompShareImages: API error 171: Signature VerifyAC Error (request id abc-123)"
        );
        assert_eq!(e.code(), Some(171));
        assert_eq!(e.request_id(), Some("abc-123"));
        assert!(!e.is_retryable());
    }

    #[test]
    fn gateway_and_server_side_codes_are_retryable() {
        let api = |code| ApiError {
            code,
            message: String::new(),
            action: String::new(),
            request_id: None,
        };
        assert!(api(150).is_retryable());
        assert!(api(153).is_retryable());
        assert!(api(2001).is_retryable());
        assert!(!api(172).is_retryable());
        assert!(!api(230).is_retryable());
    }
}
