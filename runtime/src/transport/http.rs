//! The default transport: reqwest with rustls, following no redirects.

use std::time::Duration;

use futures_util::stream;

use super::{HttpRequest, HttpResponse, SendFuture, Transport, TransportFailure};
use crate::error::TransportErrorKind;

/// Sends requests over HTTPS (or HTTP) with a connection pool.
#[derive(Clone, Debug)]
pub struct HttpTransport {
    client: reqwest::Client,
}

/// The response header that carries the request id.
const REQUEST_ID_HEADER: &str = "X-UCLOUD-REQUEST-UUID";

impl HttpTransport {
    /// A transport with a per-attempt `timeout` (connecting, sending and reading the whole
    /// answer) and a `connect_timeout`.
    pub fn new(
        user_agent: &str,
        timeout: Duration,
        connect_timeout: Duration,
    ) -> Result<Self, crate::error::BoxError> {
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .timeout(timeout)
            .connect_timeout(connect_timeout)
            // The API never redirects; a redirect would carry the signed request elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Self { client })
    }
}

fn failure(e: reqwest::Error) -> TransportFailure {
    let kind = if e.is_timeout() {
        TransportErrorKind::Timeout
    } else if e.is_connect() {
        TransportErrorKind::Connect
    } else {
        TransportErrorKind::Other
    };
    TransportFailure {
        kind,
        source: Box::new(e),
    }
}

impl Transport for HttpTransport {
    fn send(&self, request: HttpRequest) -> SendFuture<'_> {
        Box::pin(async move {
            let mut builder = self
                .client
                .post(&request.url)
                .header(reqwest::header::CONTENT_TYPE, request.content_type)
                .body(request.body);
            for (name, value) in request.headers {
                builder = builder.header(name, value);
            }
            let response = builder.send().await.map_err(failure)?;
            let header = |name| {
                response
                    .headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            let request_id = header(REQUEST_ID_HEADER);
            let location = header(reqwest::header::LOCATION.as_str());
            let content_type = header(reqwest::header::CONTENT_TYPE.as_str());
            let status = response.status().as_u16();
            let content_length = response.content_length();
            let body = stream::unfold(Some(response), |response| async move {
                let mut response = response?;
                match response.chunk().await {
                    Ok(Some(chunk)) => Some((Ok(chunk), Some(response))),
                    Ok(None) => None,
                    Err(e) => Some((Err(failure(e)), None)),
                }
            });
            Ok(HttpResponse {
                status,
                request_id,
                location,
                content_type,
                content_length,
                body: Box::pin(body),
            })
        })
    }
}
