//! Test helpers: a loopback HTTP server that records every request and answers from a
//! closure (it listens on 127.0.0.1 only), and a check that JSON printed back from a response
//! keeps every value the server sent.

mod leaves;

pub use leaves::{leaf_count, lost_leaves};

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// `POST`, `GET`, ...
    pub method: String,
    /// The path and query.
    pub path: String,
    /// Every header, in order.
    pub headers: Vec<(String, String)>,
    /// The body as sent.
    pub body: Vec<u8>,
}

impl Recorded {
    /// The first header with this name, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body decoded as `application/x-www-form-urlencoded`, in order.
    pub fn form(&self) -> Vec<(String, String)> {
        form_urlencoded::parse(&self.body).into_owned().collect()
    }

    /// One form value by name.
    pub fn param(&self, name: &str) -> Option<String> {
        self.form()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

/// What the server answers.
#[derive(Clone, Debug)]
pub struct Reply {
    /// The HTTP status.
    pub status: u16,
    /// Headers to send.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
    /// Instead of `body`: this many bytes, sent in chunks without a `Content-Length`, made up
    /// as they go so the server holds one chunk at a time.
    pub streamed: Option<u64>,
    /// Never answer: the request is recorded and the connection held open, as by a hung
    /// server.
    pub hang: bool,
}

/// The size of the chunks of a streamed reply.
const CHUNK: usize = 64 * 1024;

impl Reply {
    /// `200` with a JSON body.
    pub fn json(body: serde_json::Value) -> Self {
        Self {
            status: 200,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.to_string(),
            streamed: None,
            hang: false,
        }
    }

    /// `200` with a body of another kind, such as a file.
    pub fn text(content_type: &str, body: impl Into<String>) -> Self {
        Self {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            streamed: None,
            hang: false,
        }
    }

    /// `200` with `bytes` bytes of body, streamed in chunks and never held whole.
    pub fn streamed(bytes: u64) -> Self {
        Self {
            streamed: Some(bytes),
            ..Self::json(serde_json::Value::Null)
        }
    }

    /// No answer at all: the server records the request and then holds the connection.
    pub fn hang() -> Self {
        Self {
            hang: true,
            ..Self::json(serde_json::Value::Null)
        }
    }

    /// The same reply with another status.
    pub fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    /// The same reply with one more header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

type Responder = dyn Fn(&Recorded) -> Reply + Send + Sync;

/// The running server; it stops when dropped.
pub struct MockServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Recorded>>>,
    task: tokio::task::JoinHandle<()>,
}

impl MockServer {
    /// Starts a server on an ephemeral port of 127.0.0.1. Needs a tokio runtime.
    pub async fn start(respond: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let respond: Arc<Responder> = Arc::new(respond);
        let log = requests.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (log, respond) = (log.clone(), respond.clone());
                let service = service_fn(move |req| handle(req, log.clone(), respond.clone()));
                tokio::spawn(async move {
                    let _ = http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Self {
            addr,
            requests,
            task,
        }
    }

    /// `http://127.0.0.1:<port>`, to use as the base URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().expect("request log").clone()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle(
    req: hyper::Request<Incoming>,
    log: Arc<Mutex<Vec<Recorded>>>,
    respond: Arc<Responder>,
) -> Result<hyper::Response<BoxBody<Bytes, Infallible>>, Infallible> {
    let (parts, body) = req.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    let recorded = Recorded {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
    };
    let reply = respond(&recorded);
    log.lock().expect("request log").push(recorded);
    if reply.hang {
        std::future::pending::<()>().await;
    }
    let mut response = hyper::Response::builder().status(reply.status);
    for (name, value) in &reply.headers {
        response = response.header(name, value);
    }
    let body = match reply.streamed {
        None => Full::new(Bytes::from(reply.body)).boxed(),
        Some(total) => {
            let chunk = Bytes::from(vec![b' '; CHUNK]);
            let frames = futures_util::stream::unfold(0u64, move |sent| {
                let chunk = chunk.clone();
                async move {
                    let left = total.checked_sub(sent).filter(|n| *n > 0)?;
                    let piece = chunk.slice(..(left.min(CHUNK as u64) as usize));
                    let len = piece.len() as u64;
                    Some((Ok(hyper::body::Frame::data(piece)), sent + len))
                }
            });
            StreamBody::new(frames).boxed()
        }
    };
    Ok(response.body(body).expect("valid reply"))
}
