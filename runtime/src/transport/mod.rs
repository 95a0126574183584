//! Sending one HTTP request. The client builds the request and reads the answer; a
//! [`Transport`] only moves bytes, so tests and benchmarks can swap the network out.

mod http;

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;
use futures_util::stream::BoxStream;

pub use http::HttpTransport;

use crate::error::{BoxError, TransportErrorKind};

/// One request, ready to send.
#[derive(Clone, Debug)]
pub struct HttpRequest {
    /// The full URL.
    pub url: String,
    /// `application/x-www-form-urlencoded` or `application/json`.
    pub content_type: &'static str,
    /// Extra headers, such as `U-Timestamp-Ms`.
    pub headers: Vec<(&'static str, String)>,
    /// The encoded body.
    pub body: Vec<u8>,
}

/// The answer, with its body still to be read.
pub struct HttpResponse {
    /// The HTTP status.
    pub status: u16,
    /// The `X-UCLOUD-REQUEST-UUID` header.
    pub request_id: Option<String>,
    /// The `Location` header.
    pub location: Option<String>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The `Content-Length` header, when the server sent one.
    pub content_length: Option<u64>,
    /// The body, chunk by chunk.
    pub body: BoxStream<'static, Result<Bytes, TransportFailure>>,
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("content_length", &self.content_length)
            .finish_non_exhaustive()
    }
}

impl HttpResponse {
    /// An answer whose body is already in memory.
    pub fn from_bytes(status: u16, body: impl Into<Bytes>) -> Self {
        let body: Bytes = body.into();
        Self {
            status,
            request_id: None,
            location: None,
            content_type: Some("application/json".to_owned()),
            content_length: Some(body.len() as u64),
            body: Box::pin(futures_util::stream::once(async move { Ok(body) })),
        }
    }
}

/// A request that could not be sent or answered.
#[derive(Debug)]
pub struct TransportFailure {
    /// What kind of failure it was.
    pub kind: TransportErrorKind,
    /// The underlying error.
    pub source: BoxError,
}

/// The future a transport returns.
pub type SendFuture<'a> =
    Pin<Box<dyn Future<Output = Result<HttpResponse, TransportFailure>> + Send + 'a>>;

/// Moves one request to the server and returns its answer. The default is [`HttpTransport`].
///
/// A transport must not follow redirects: a redirected request carries its signature to
/// wherever the redirect points. It returns 3xx answers as they are, and the client reports them.
pub trait Transport: fmt::Debug + Send + Sync + 'static {
    /// Sends the request.
    fn send(&self, request: HttpRequest) -> SendFuture<'_>;
}
