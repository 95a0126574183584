//! Everything a call can fail with, as one enum with accessors.

use std::fmt;

use crate::config::ConfigError;
use crate::validate::ValidationError;

/// The source of a transport error, boxed so that no HTTP library's type is part of this API.
/// Downcast it to inspect the underlying error.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Everything a call can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request broke the spec's rules; nothing was sent.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The request could not be sent, or the response could not be read.
    #[error("{action}: transport error ({kind}): {source}")]
    Transport {
        /// The action being called.
        action: String,
        /// What kind of failure it was, which decides whether it is retried.
        kind: TransportErrorKind,
        /// The underlying error.
        #[source]
        source: BoxError,
    },
    /// The server answered with an HTTP error status and no API error in the body.
    #[error(transparent)]
    Http(HttpError),
    /// The server answered with a redirect. The API never redirects, so the client follows
    /// none: a signed request must not be replayed to another address.
    #[error("{action}: the server answered HTTP {status} with a redirect{}; redirects are not followed (check the base URL)", location_note(.location))]
    Redirect {
        /// The action being called.
        action: String,
        /// The 3xx status.
        status: u16,
        /// The `Location` header, if any.
        location: Option<String>,
    },
    /// The response body was larger than the configured limit; it was not read further.
    #[error(
        "{action}: the response is larger than the limit of {limit} bytes; raise {variable} or Config::max_response_bytes"
    )]
    ResponseTooLarge {
        /// The action being called.
        action: String,
        /// The limit, in bytes.
        limit: u64,
        /// The environment variable that sets the limit.
        variable: String,
    },
    /// The API answered with `RetCode != 0`.
    #[error(transparent)]
    Api(ApiError),
    /// The body was not the JSON envelope the API always sends.
    #[error("{action}: cannot decode the response{}: {message}", request_id_note(.request_id))]
    Decode {
        /// The action being called.
        action: String,
        /// What was wrong with the body.
        message: String,
        /// From the `X-UCLOUD-REQUEST-UUID` response header.
        request_id: Option<String>,
    },
    /// The client could not be configured.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A wait stopped before its resource reached the target.
    #[error(transparent)]
    Wait(#[from] crate::wait::WaitError),
}

/// What kind of transport failure happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made; nothing reached the server.
    Connect,
    /// The attempt took longer than the configured timeout.
    Timeout,
    /// Anything else: the connection broke while sending or reading.
    Other,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportErrorKind::Connect => "cannot connect",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::Other => "connection failed",
        })
    }
}

/// An API error: the body carried `RetCode != 0`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{action}: API error {code}: {message}{}", request_id_note(.request_id))]
pub struct ApiError {
    /// The `RetCode`; see [`codes`](crate::codes) for the known ones.
    pub code: i64,
    /// The server's `Message`.
    pub message: String,
    /// The action that was called.
    pub action: String,
    /// From the `X-UCLOUD-REQUEST-UUID` response header.
    pub request_id: Option<String>,
}

/// An HTTP error status without an API error body.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{action}: HTTP {status}{}: {body}", request_id_note(.request_id))]
pub struct HttpError {
    /// The HTTP status.
    pub status: u16,
    /// The start of the body, for diagnosis.
    pub body: String,
    /// The action that was called.
    pub action: String,
    /// From the `X-UCLOUD-REQUEST-UUID` response header.
    pub request_id: Option<String>,
}

fn request_id_note(request_id: &Option<String>) -> Note<'_> {
    Note(" (request id ", request_id.as_deref(), ")")
}

fn location_note(location: &Option<String>) -> Note<'_> {
    Note(" to ", location.as_deref(), "")
}

struct Note<'a>(&'static str, Option<&'a str>, &'static str);

impl fmt::Display for Note<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(text) => write!(f, "{}{text}{}", self.0, self.2),
            None => Ok(()),
        }
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
    }

    #[test]
    fn redirects_name_the_status_and_location() {
        let e = Error::Redirect {
            action: "A".into(),
            status: 307,
            location: Some("http://127.0.0.1:9/".into()),
        };
        assert_eq!(
            e.to_string(),
            "A: the server answered HTTP 307 with a redirect to http://127.0.0.1:9/; redirects are not followed (check the base URL)"
        );
    }
}
