//! The HTTP side: accept connections on 127.0.0.1, read each request with a bounded body, and
//! write the answer with a request id.

use std::convert::Infallible;
use std::sync::Arc;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

use crate::handler::{self, Shared};

/// How much of a body past the limit is read and thrown away so the client still gets its
/// answer on an open connection; past this, the connection is closed after the answer.
const DRAIN_FACTOR: usize = 16;

/// Serves `listener` until the task is dropped.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: keep serving the connections we have.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        let shared = shared.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| respond(request, shared.clone()));
            // A client that goes away mid-request is its own business.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn respond(
    request: hyper::Request<Incoming>,
    shared: Arc<Shared>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = read_bounded(body, shared.max_body_bytes).await;
    let content_type = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let incoming = handler::Incoming {
        method: parts.method.as_str(),
        content_type,
        query: parts.uri.query(),
        body: body.as_deref(),
    };
    let answer = shared.handle(&incoming);
    let content_type = if answer.json {
        "application/json"
    } else {
        "text/plain; charset=utf-8"
    };
    let request_id = shared.ids.request_id();
    let mut response = hyper::Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() =
        hyper::StatusCode::from_u16(answer.status).unwrap_or(hyper::StatusCode::OK);
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        "X-UCLOUD-REQUEST-UUID",
        HeaderValue::from_str(&request_id).expect("request ids are ASCII"),
    );
    Ok(response)
}

/// The whole body, or `None` when it is longer than `limit`. A longer body is still read, up to
/// [`DRAIN_FACTOR`] times the limit, so that the answer reaches a client that is still sending.
async fn read_bounded(mut body: Incoming, limit: usize) -> Option<Vec<u8>> {
    let mut kept = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else {
            // The client broke off; whatever is answered goes nowhere.
            return None;
        };
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen = seen.saturating_add(data.len());
        if seen > limit {
            kept = Vec::new();
            if seen > limit.saturating_mul(DRAIN_FACTOR) {
                break;
            }
        } else {
            kept.extend_from_slice(&data);
        }
    }
    (seen <= limit).then_some(kept)
}
