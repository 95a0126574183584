//! The HTTP side: accept connections on 127.0.0.1, read each request with a bounded body, and
//! write the answer with a request id. Connections time out ([`crate::conn`]); large requests
//! are answered on tokio's blocking pool, one per core at a time, so that they never hold up
//! the others.

use std::convert::Infallible;
use std::sync::Arc;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub(crate) use crate::conn::Timeouts;
use crate::conn::{self, Activity, HeadTimer, Watched};
use crate::handler::{self, Body, Shared};

/// How much of a body past the limit is read and thrown away so the client still gets its
/// answer on an open connection; past this, the connection is closed after the answer.
const DRAIN_FACTOR: usize = 16;

/// Requests larger than this (body or query string) are answered on the blocking pool; smaller
/// ones take less time than handing them over would.
const INLINE_BYTES: usize = 64 << 10;

/// Serves `listener` until the task is dropped.
pub(crate) async fn serve(listener: TcpListener, shared: Arc<Shared>, timeouts: Timeouts) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let large = Arc::new(Semaphore::new(cores));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors and the like: keep serving the connections we have.
            Err(_) => {
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                continue;
            }
        };
        let (shared, large) = (shared.clone(), large.clone());
        tokio::spawn(async move {
            let activity = Activity::new();
            let service = {
                let activity = activity.clone();
                service_fn(move |request| {
                    respond(request, shared.clone(), large.clone(), activity.clone())
                })
            };
            let io = TokioIo::new(Watched {
                inner: stream,
                activity: activity.clone(),
            });
            let mut builder = http1::Builder::new();
            builder
                .timer(HeadTimer {
                    activity: activity.clone(),
                })
                .header_read_timeout(timeouts.header);
            // A client that goes away mid-request is its own business; an idle one is closed
            // by dropping the connection.
            tokio::select! {
                _ = builder.serve_connection(io, service) => {}
                () = conn::idle(activity, timeouts.idle) => {}
            }
        });
    }
}

async fn respond(
    request: hyper::Request<Incoming>,
    shared: Arc<Shared>,
    large: Arc<Semaphore>,
    activity: Arc<Activity>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = read_body(body, shared.limits.max_body_bytes).await;
    let content_type = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let method = parts.method.as_str().to_owned();
    let query = parts.uri.query().map(str::to_owned);
    let size = query.as_ref().map_or(0, String::len)
        + match &body {
            Body::Read(bytes) => bytes.len(),
            _ => 0,
        };
    let handle = move |shared: &Shared| {
        shared.handle(&handler::Incoming {
            method: &method,
            content_type: content_type.as_deref(),
            query: query.as_deref(),
            body: &body,
        })
    };
    activity.answering(true);
    let answer = if size > INLINE_BYTES {
        // A flood of large requests waits here rather than crowding out the small ones.
        let permit = large.acquire_owned().await.expect("never closed");
        let shared = shared.clone();
        let answered = tokio::task::spawn_blocking(move || handle(&shared)).await;
        drop(permit);
        answered.unwrap_or_else(|_| {
            crate::answer::Outgoing::raw(500, "compshare-mock: answering this request failed")
        })
    } else {
        handle(&shared)
    };
    activity.answering(false);
    let content_type = match (answer.file_type, answer.json) {
        (Some(file), _) => file,
        (None, true) => "application/json",
        (None, false) => "text/plain; charset=utf-8",
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

/// The whole body; [`Body::TooLarge`] past `limit`, though a longer body is still read, up to
/// [`DRAIN_FACTOR`] times the limit, so that the answer reaches a client that is still
/// sending; [`Body::Broken`] when it could not be read to its end.
async fn read_body(mut body: Incoming, limit: usize) -> Body {
    let mut kept = Vec::new();
    let mut seen = 0usize;
    while let Some(frame) = body.frame().await {
        let frame = match frame {
            Ok(frame) => frame,
            Err(_) if seen > limit => return Body::TooLarge,
            Err(e) => return Body::Broken(broken(&e)),
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
    if seen > limit {
        Body::TooLarge
    } else {
        Body::Read(kept)
    }
}

/// Why a body could not be read, for the answer's message.
fn broken(error: &hyper::Error) -> String {
    let mut why = if error.is_incomplete_message() {
        "it is truncated: the connection ended before the whole body arrived".to_owned()
    } else {
        "it is truncated or malformed".to_owned()
    };
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        why.push_str(&format!(" ({cause})"));
        source = cause.source();
    }
    why
}
