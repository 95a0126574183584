//! The client against a loopback server: what goes on the wire, retries, and errors.

use std::time::Duration;

use compshare_runtime::codegen_support::{
    Common, EncodeForm, FormWriter, JsonObject, Number, Object, Target, ToJson, Validate,
    Violations,
};
use compshare_runtime::testing::{MockServer, Reply};
use compshare_runtime::{
    Action, Client, Config, Credential, Error, RetryPolicy, Service, UnknownFields, signature,
};
use serde_json::{Value, json};

static SERVICE: Service = Service {
    name: "Test",
    env_prefix: "TEST",
    config_dir: "test",
    base_url: "https://api.test.invalid",
    region: "cn-wlcb",
    zone: "cn-wlcb-01",
    user_agent: "test-rust/1.0",
};

#[derive(Default)]
struct Ping {
    region: Option<String>,
    zone: Option<String>,
    name: String,
    count: Option<i64>,
}

#[derive(Debug, Default, PartialEq)]
struct Pong {
    echo: String,
    unknown_fields: UnknownFields,
}

impl Object for Pong {
    fn slot(&mut self, name: &str) -> Option<&mut dyn Target> {
        match name {
            "Echo" => Some(&mut self.echo),
            _ => None,
        }
    }

    fn unknown_fields_mut(&mut self) -> &mut UnknownFields {
        &mut self.unknown_fields
    }
}

impl ToJson for Pong {
    fn to_json(&self) -> Value {
        let mut o = JsonObject::new(&self.unknown_fields);
        o.put("Echo", &self.echo);
        o.finish()
    }
}

impl EncodeForm for Ping {
    fn encode_form(&self, w: &mut FormWriter<'_>) {
        w.opt("Region", &self.region);
        w.opt("Zone", &self.zone);
        w.put("Name", &self.name);
        w.opt("Count", &self.count);
    }
}

impl Validate for Ping {
    fn validate_into(&self, v: &mut Violations) {
        v.required_opt("Region", &self.region);
        v.required_str("Name", &self.name);
        if let Some(count) = self.count {
            v.max("Count", count, Number::Int(100));
        }
    }
}

impl Action for Ping {
    const NAME: &'static str = "Ping";
    const RETRYABLE: bool = true;
    type Response = Pong;
    fn common(&mut self) -> Common<'_> {
        Common {
            region: Some(&mut self.region),
            zone: Some(&mut self.zone),
            project_id: None,
        }
    }
}

/// The same request under a create-like name: never retried.
#[derive(Default)]
struct Create(Ping);

impl EncodeForm for Create {
    fn encode_form(&self, w: &mut FormWriter<'_>) {
        self.0.encode_form(w)
    }
}
impl Validate for Create {
    fn validate_into(&self, v: &mut Violations) {
        self.0.validate_into(v)
    }
}
impl Action for Create {
    const NAME: &'static str = "CreatePing";
    const RETRYABLE: bool = false;
    type Response = Pong;
    fn common(&mut self) -> Common<'_> {
        self.0.common()
    }
}

fn client(server: &MockServer) -> Client {
    let config = Config::new(Credential::new("pub-key", "priv-key"))
        .with_base_url(server.url())
        .with_retry(RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(1),
            max_backoff: Duration::from_millis(2),
        });
    Client::new(&SERVICE, config).unwrap()
}

fn ping(name: &str) -> Ping {
    Ping {
        name: name.into(),
        ..Ping::default()
    }
}

#[tokio::test]
async fn posts_a_signed_form_with_config_defaults() {
    let server = MockServer::start(|_| Reply::json(json!({"RetCode": 0, "Echo": "hi"}))).await;
    let pong = client(&server).send(ping("数据 & more=1+2")).await.unwrap();
    assert_eq!(pong.echo, "hi");

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let req = &requests[0];
    assert_eq!(req.method, "POST");
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(req.header("user-agent"), Some("test-rust/1.0"));
    assert!(req.header("u-timestamp-ms").unwrap().parse::<u64>().is_ok());

    let mut form = req.form();
    let sent_signature = form.pop().unwrap();
    assert_eq!(sent_signature.0, "Signature");
    assert_eq!(sent_signature.1, signature(&form, "priv-key"));
    let names: Vec<&str> = form.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["Region", "Zone", "Name", "Action", "PublicKey"]);
    assert_eq!(req.param("Name").unwrap(), "数据 & more=1+2");
    assert_eq!(req.param("Region").unwrap(), "cn-wlcb");
    assert_eq!(req.param("Zone").unwrap(), "cn-wlcb-01");
    assert_eq!(req.param("Action").unwrap(), "Ping");
}

#[tokio::test]
async fn invalid_requests_are_never_sent() {
    let server = MockServer::start(|_| Reply::json(json!({"RetCode": 0}))).await;
    let mut bad = ping("");
    bad.count = Some(101);
    let err = client(&server).send(bad).await.unwrap_err();
    let v = err.as_validation().expect("a validation error");
    let shown: Vec<String> = v.violations.iter().map(|v| v.to_string()).collect();
    assert_eq!(
        shown,
        [
            "Name is required",
            "Count must be at most 100 (got \"101\")"
        ]
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn transient_failures_of_retryable_actions_are_retried() {
    let server =
        MockServer::start(|_| Reply::json(json!({"RetCode": 153, "Message": "rate limited"})))
            .await;
    let err = client(&server).send(ping("x")).await.unwrap_err();
    assert_eq!(err.code(), Some(153));
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn create_like_actions_are_never_retried() {
    let server = MockServer::start(|_| Reply::json(json!({"RetCode": 153})).status(503)).await;
    let err = client(&server).send(Create(ping("x"))).await.unwrap_err();
    assert_eq!(err.code(), Some(153));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_retry_that_succeeds_returns_the_response() {
    // First answer is a 502 page, then a success.
    let flaky = MockServer::start({
        let calls = std::sync::atomic::AtomicUsize::new(0);
        move |_| {
            if calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
                Reply::json(json!("bad gateway")).status(502)
            } else {
                Reply::json(json!({"RetCode": "0", "Echo": "late"}))
            }
        }
    })
    .await;
    let pong = client(&flaky).send(ping("x")).await.unwrap();
    assert_eq!(pong.echo, "late");
    assert_eq!(flaky.requests().len(), 2);
}

#[tokio::test]
async fn api_errors_carry_the_request_id_and_no_secret() {
    let server = MockServer::start(|_| {
        Reply::json(json!({"RetCode": 171, "Message": "Signature VerifyAC Error"}))
            .header("X-UCLOUD-REQUEST-UUID", "req-42")
    })
    .await;
    let err = client(&server).send(ping("x")).await.unwrap_err();
    match &err {
        Error::Api(api) => {
            assert_eq!(api.code, 171);
            assert_eq!(api.action, "Ping");
            assert_eq!(api.request_id.as_deref(), Some("req-42"));
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains("priv-key"), "{shown}");
}
