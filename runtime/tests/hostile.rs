//! The client against a hostile or broken network: redirects are never followed and bodies
//! are never read past the limit.

use std::time::Duration;

use compshare_runtime::testing::{MockServer, Reply};
use compshare_runtime::tools::Call;
use compshare_runtime::{Client, Config, Credential, Error, RetryPolicy, Service};
use serde_json::json;

static SERVICE: Service = Service {
    name: "Test",
    env_prefix: "TEST",
    config_dir: "test",
    base_url: "https://api.test.invalid",
    region: "cn-wlcb",
    zone: "cn-wlcb-01",
    user_agent: "test-rust/1.0",
};

fn client(url: String, limit: u64) -> Client {
    let config = Config::new(Credential::new("pub-key", "priv-key"))
        .with_base_url(url)
        .with_max_response_bytes(limit)
        .with_retry(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(2),
        });
    Client::new(&SERVICE, config).unwrap()
}

/// Sends one retryable call and returns its error.
async fn call(client: &Client) -> Error {
    let call = Call::plain("DescribeThing", true);
    let params = vec![("Name".to_owned(), "x".to_owned())];
    client
        .execute(call, params, &mut |_| Ok(()))
        .await
        .unwrap_err()
}

#[tokio::test]
async fn a_redirect_is_an_error_and_the_signed_request_goes_nowhere_else() {
    let elsewhere = MockServer::start(|_| Reply::json(json!({"RetCode": 0}))).await;
    let target = format!("{}/collect", elsewhere.url());
    for status in [301, 302, 307, 308] {
        let location = target.clone();
        let redirecting = MockServer::start(move |_| {
            Reply::json(json!({}))
                .status(status)
                .header("Location", &location)
        })
        .await;
        let err = call(&client(redirecting.url(), 1 << 20)).await;
        match &err {
            Error::Redirect {
                status: got,
                location,
                ..
            } => {
                assert_eq!(*got, status);
                assert_eq!(location.as_deref(), Some(target.as_str()));
            }
            other => panic!("expected a redirect error, got {other:?}"),
        }
        assert!(err.to_string().contains(&target), "{err}");
        assert_eq!(redirecting.requests().len(), 1, "a redirect is not retried");
    }
    assert!(
        elsewhere.requests().is_empty(),
        "the second server must receive nothing"
    );
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_before_reading() {
    let server =
        MockServer::start(|_| Reply::json(json!({"RetCode": 0, "Pad": "x".repeat(4096)}))).await;
    let err = call(&client(server.url(), 1024)).await;
    match &err {
        Error::ResponseTooLarge {
            limit, variable, ..
        } => {
            assert_eq!(*limit, 1024);
            assert_eq!(variable, "TEST_MAX_RESPONSE_BYTES");
        }
        other => panic!("expected a size error, got {other:?}"),
    }
    assert!(
        err.to_string()
            .contains("larger than the limit of 1024 bytes; raise TEST_MAX_RESPONSE_BYTES"),
        "{err}"
    );
    assert_eq!(server.requests().len(), 1, "a size error is not retried");
}

#[tokio::test]
async fn a_streamed_body_is_cut_off_at_the_limit() {
    // 64 MiB without a Content-Length; the client stops after 1 MiB.
    let server = MockServer::start(|_| Reply::streamed(64 << 20)).await;
    let err = call(&client(server.url(), 1 << 20)).await;
    assert!(
        matches!(err, Error::ResponseTooLarge { limit, .. } if limit == 1 << 20),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_body_just_under_the_limit_is_read() {
    let body = json!({"RetCode": 0, "Pad": "x".repeat(900)}).to_string();
    let limit = body.len() as u64;
    let server =
        MockServer::start(move |_| Reply::json(json!({"RetCode": 0, "Pad": "x".repeat(900)})))
            .await;
    let call = Call::plain("DescribeThing", true);
    let mut read = 0;
    client(server.url(), limit)
        .execute(call, Vec::new(), &mut |answer| {
            read = answer.body.len();
            Ok(())
        })
        .await
        .unwrap();
    assert_eq!(read as u64, limit);
}

/// A transport that answers with `chunks` chunks of `CHUNK` bytes, without a length, and counts
/// how many bytes the client pulled from it.
#[derive(Debug)]
struct Counting {
    chunks: u64,
    length: Option<u64>,
    pulled: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

const CHUNK: usize = 16 * 1024;

impl compshare_runtime::transport::Transport for Counting {
    fn send(
        &self,
        _: compshare_runtime::transport::HttpRequest,
    ) -> compshare_runtime::transport::SendFuture<'_> {
        use futures_util::StreamExt as _;
        use std::sync::atomic::Ordering;
        let (chunks, pulled) = (self.chunks, self.pulled.clone());
        let body = futures_util::stream::iter(0..chunks).map(move |_| {
            pulled.fetch_add(CHUNK as u64, Ordering::SeqCst);
            Ok(bytes::Bytes::from(vec![b' '; CHUNK]))
        });
        let length = self.length;
        Box::pin(async move {
            Ok(compshare_runtime::transport::HttpResponse {
                status: 200,
                request_id: None,
                location: None,
                content_type: Some("application/json".to_owned()),
                content_length: length,
                body: Box::pin(body),
            })
        })
    }
}

/// Calls through a counting transport with a limit of `limit`, and says how much was pulled.
async fn pulled(chunks: u64, length: Option<u64>, limit: u64) -> (Error, u64) {
    let counter = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let transport = Counting {
        chunks,
        length,
        pulled: counter.clone(),
    };
    let config = Config::new(Credential::new("pub-key", "priv-key"))
        .with_max_response_bytes(limit)
        .with_retry(RetryPolicy::disabled());
    let client = Client::with_transport(&SERVICE, config, Box::new(transport)).unwrap();
    let err = call(&client).await;
    (err, counter.load(std::sync::atomic::Ordering::SeqCst))
}

#[tokio::test]
async fn no_more_than_the_limit_and_one_chunk_is_read() {
    // 64 MiB offered, 1 MiB allowed: the client stops within one chunk of the limit.
    let (err, read) = pulled(4096, None, 1 << 20).await;
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");
    assert!(
        read > 1 << 20,
        "the limit was reached before the cut: {read}"
    );
    assert!(
        read <= (1 << 20) + CHUNK as u64,
        "{read} bytes read for a limit of 1 MiB"
    );
    // A declared length over the limit: nothing is read at all.
    let (err, read) = pulled(4096, Some(64 << 20), 1 << 20).await;
    assert!(matches!(err, Error::ResponseTooLarge { .. }), "{err:?}");
    assert_eq!(read, 0);
}
