//! Every log line, at every level, for calls that succeed, fail and retry: the action, the
//! attempt and the request id are there; the private key, the signature and sensitive params
//! are not.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use compshare::runtime::testing::{MockServer, Reply};
use compshare::{Client, Config, Credential};
use serde_json::json;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

const PRIVATE_KEY: &str = "priv-SECRET-key";
const PASSWORD: &str = "Hunter2-secret-pw";

/// Writes every span and event, with all their fields, to one text.
#[derive(Clone, Default)]
struct Capture {
    text: Arc<Mutex<String>>,
    next: Arc<AtomicU64>,
}

struct Line<'a>(&'a mut String);

impl Visit for Line<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, " {}={:?}", field.name(), value);
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        let mut line = format!("span {}", span.metadata().name());
        span.record(&mut Line(&mut line));
        self.text.lock().unwrap().push_str(&(line + "\n"));
        Id::from_u64(self.next.fetch_add(1, Ordering::SeqCst) + 1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut line = "record".to_owned();
        values.record(&mut Line(&mut line));
        self.text.lock().unwrap().push_str(&(line + "\n"));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut line = format!("{} {}", event.metadata().level(), event.metadata().target());
        event.record(&mut Line(&mut line));
        self.text.lock().unwrap().push_str(&(line + "\n"));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test]
async fn no_log_line_at_any_level_carries_a_secret() {
    let capture = Capture::default();
    let _guard = tracing::dispatcher::set_default(&tracing::Dispatch::new(capture.clone()));

    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let server = MockServer::start(move |_| match seen.fetch_add(1, Ordering::SeqCst) {
        0 => Reply::json(json!({"RetCode": 0})).status(502),
        1 => Reply::json(json!({"RetCode": 0})).header("X-UCLOUD-REQUEST-UUID", "req-1"),
        _ => Reply::json(json!({"RetCode": 8433, "Message": "no"})),
    })
    .await;
    let config = Config::new(Credential::new("pub-key", PRIVATE_KEY))
        .with_base_url(server.url())
        .with_region("cn-wlcb")
        .with_zone("cn-wlcb-01");
    let client = Client::new(config).unwrap();
    for _ in 0..2 {
        let _ = client
            .reset_comp_share_instance_password()
            .u_host_id("uhost-1")
            .password(PASSWORD)
            .send()
            .await;
    }

    let text = capture.text.lock().unwrap().clone();
    let signatures: Vec<String> = server
        .requests()
        .iter()
        .filter_map(|r| r.param("Signature"))
        .collect();
    assert!(!signatures.is_empty());
    // The capture saw the calls, their attempts and the request id ...
    assert!(text.contains("ResetCompShareInstancePassword"), "{text}");
    assert!(text.contains("attempt=2"), "{text}");
    assert!(text.contains("req-1"), "{text}");
    assert!(text.contains("uhost-1"), "the params are logged: {text}");
    // ... and none of the secrets.
    for secret in [PRIVATE_KEY, PASSWORD]
        .iter()
        .copied()
        .chain(signatures.iter().map(String::as_str))
    {
        assert!(!text.contains(secret), "{secret} appears in:\n{text}");
    }
}
