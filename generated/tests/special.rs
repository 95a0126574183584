//! The actions that are not plain form-and-JSON, the declared retry codes, and the waiters,
//! against loopback servers.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use compshare::models::comp_share_instance_set::State;
use compshare::runtime::testing::{MockServer, Recorded, Reply};
use compshare::runtime::wait::{Target, WaitReason};
use compshare::{Client, Config, Credential, Error};
use serde_json::{Value, json};

const PRIVATE_KEY: &str = "priv/+=&key";

fn client(server: &MockServer) -> Client {
    let config = Config::new(Credential::new("pub-key", PRIVATE_KEY))
        .with_base_url(server.url())
        .with_region("cn-wlcb");
    Client::new(config).unwrap()
}

#[tokio::test]
async fn the_monitor_sends_json_arrays_signed_as_the_official_algorithm_signs_them() {
    let server = MockServer::start(|_| Reply::json(json!({"RetCode": 0, "Data": []}))).await;
    client(&server)
        .get_comp_share_instance_monitor()
        .u_host_ids(["uhost-a", "uhost-b"])
        .send()
        .await
        .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("content-type"), Some("application/json"));
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["UHostIds"], json!(["uhost-a", "uhost-b"]));
    assert_eq!(body["Action"], "GetCompShareInstanceMonitor");
    assert_eq!(body["Region"], "cn-wlcb");

    // The official SDK signs the params compshare-cli hands it: the array as one string.
    let mut signed = body.as_object().unwrap().clone();
    let signature = signed.remove("Signature").unwrap();
    signed.insert("UHostIds".into(), json!("uhost-auhost-b"));
    // What the SDK computed for these params, recorded; checked again when it is installed.
    assert_eq!(signature.as_str(), Some(RECORDED_MONITOR_SIGNATURE));
    let Some(python) = testkit::sdk_python() else {
        return testkit::skipped(
            "the_monitor_sends_json_arrays_signed_as_the_official_algorithm_signs_them",
        );
    };
    let script = "import json, sys\n\
                  from ucloud.core.auth import Credential\n\
                  args = json.load(sys.stdin)\n\
                  print(Credential('pub-key', sys.argv[1]).verify_ac(args))\n";
    let mut child = Command::new(python)
        .args(["-c", script, PRIVATE_KEY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start python");
    let input = Value::Object(signed).to_string();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "python failed");
    assert_eq!(
        RECORDED_MONITOR_SIGNATURE,
        String::from_utf8(output.stdout).unwrap().trim()
    );
}

/// The official SDK's signature of the monitor request above, recorded from
/// `Credential.verify_ac` of ucloud-sdk-python3 0.11.150.
const RECORDED_MONITOR_SIGNATURE: &str = "de9b2e94d4f801c7509486632a1c269703dc6ed0";

#[tokio::test]
async fn a_download_streams_the_file_and_an_error_is_still_an_envelope() {
    let csv = "订单号,金额\n1,2.5\n".repeat(1000);
    let file = csv.clone();
    let server = MockServer::start(move |req: &Recorded| {
        if req.param("TeamId") == Some("1".into()) {
            Reply::text("text/csv", file.clone())
        } else {
            Reply::json(json!({"RetCode": 8433, "Message": "服务异常，请联系技术支持"}))
        }
    })
    .await;
    let download = client(&server)
        .download_team_order()
        .team_id(1)
        .send()
        .await
        .unwrap();
    assert_eq!(download.content_type.as_deref(), Some("text/csv"));
    let mut out = Vec::new();
    let written = download.write_to(&mut out).await.unwrap();
    assert_eq!(written as usize, csv.len());
    assert_eq!(out, csv.as_bytes());

    let err = client(&server)
        .download_team_order()
        .team_id(2)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(8433));
    assert_eq!(
        compshare::codes::message(8433),
        Some("服务异常，请联系技术支持")
    );
}

#[tokio::test]
async fn a_disk_still_detaching_is_deleted_on_a_later_attempt() {
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = calls.clone();
    let server = MockServer::start(move |_| match seen.fetch_add(1, Ordering::SeqCst) {
        0 => Reply::json(json!({"RetCode": 8434, "Message": "still detaching"})),
        _ => Reply::json(json!({"RetCode": 0})),
    })
    .await;
    let started = Instant::now();
    client(&server)
        .delete_compshare_disk()
        .zone("cn-wlcb-01")
        .top_organization_id(1)
        .organization_id(2)
        .u_disk_id("bsm-1")
        .send()
        .await
        .unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    // The spec's backoff for 8434 is two seconds, waited in full. (Only a lower bound: a
    // loaded machine may take longer, never shorter.)
    assert!(started.elapsed() >= Duration::from_secs(2));
}

/// A server whose instance goes through `states`, one state per poll, and is no longer listed
/// after the last one when `vanish` is set.
async fn instance_server(states: &'static [&'static str], vanish: bool) -> MockServer {
    let polls = Arc::new(AtomicUsize::new(0));
    MockServer::start(move |req: &Recorded| {
        assert_eq!(req.param("UHostIds.0").as_deref(), Some("uhost-1"));
        let i = polls.fetch_add(1, Ordering::SeqCst);
        let set = match states.get(i) {
            Some(state) => json!([{"UHostId": "uhost-1", "State": state}]),
            None if vanish => json!([]),
            None => json!([{"UHostId": "uhost-1", "State": states[states.len() - 1]}]),
        };
        Reply::json(json!({"RetCode": 0, "TotalCount": 1, "UHostSet": set}))
    })
    .await
}

#[tokio::test]
async fn a_wait_ends_when_the_instance_is_running() {
    let server = instance_server(&["Initializing", "Starting", "Running"], false).await;
    let state = client(&server)
        .wait_until_instance("uhost-1", State::Running)
        .interval(Duration::from_millis(20))
        .timeout(Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(state.as_deref(), Some("Running"));
    assert_eq!(
        server.requests().len(),
        3,
        "it polled until the state changed, and no more"
    );
}

#[tokio::test]
async fn a_wait_stops_on_a_failure_state_with_the_state_seen() {
    let server = instance_server(&["Initializing", "Install Fail"], false).await;
    let err = client(&server)
        .wait_until_instance("uhost-1", State::Running)
        .interval(Duration::from_millis(20))
        .timeout(Duration::from_secs(10))
        .await
        .unwrap_err();
    let Error::Wait(wait) = err else {
        panic!("{err:?}")
    };
    assert_eq!(wait.reason, WaitReason::Failed("Install Fail".into()));
    assert_eq!(wait.last_state.as_deref(), Some("Install Fail"));
    assert_eq!(wait.target, Target::State("Running".into()));
}

#[tokio::test]
async fn a_wait_times_out_with_the_last_state_seen() {
    let server = instance_server(&["Initializing", "Starting"], false).await;
    let started = Instant::now();
    let err = client(&server)
        .wait_until_instance("uhost-1", State::Running)
        .interval(Duration::from_millis(20))
        .timeout(Duration::from_millis(500))
        .await
        .unwrap_err();
    let Error::Wait(wait) = &err else {
        panic!("{err:?}")
    };
    assert!(matches!(wait.reason, WaitReason::TimedOut(_)));
    assert_eq!(wait.last_state.as_deref(), Some("Starting"));
    assert!(started.elapsed() >= Duration::from_millis(500));
    assert!(err.to_string().contains("last seen `Starting`"), "{err}");
}

#[tokio::test]
async fn a_wait_for_gone_ends_when_the_instance_is_no_longer_listed() {
    let server = instance_server(&["Stopping", "Stopped"], true).await;
    let state = client(&server)
        .wait_until_instance_gone("uhost-1")
        .interval(Duration::from_millis(20))
        .timeout(Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(state, None);
}

/// The client as `COMPSHARE_TIMEOUT=2` configures it.
fn client_with_timeout_2(url: &str) -> Client {
    let env = |name: &str| match name {
        "COMPSHARE_PUBLIC_KEY" => Some("pub-key".to_owned()),
        "COMPSHARE_PRIVATE_KEY" => Some(PRIVATE_KEY.to_owned()),
        "COMPSHARE_BASE_URL" => Some(url.to_owned()),
        "COMPSHARE_TIMEOUT" => Some("2".to_owned()),
        "COMPSHARE_CONFIG_FILE" => Some("/nonexistent/compshare.json".to_owned()),
        _ => None,
    };
    let config = Config::load(&compshare::SERVICE, &Default::default(), &env).unwrap();
    assert_eq!(config.timeout, Duration::from_secs(2));
    Client::new(config).unwrap()
}

#[tokio::test]
async fn a_hung_server_fails_a_create_like_call_after_one_timeout_and_one_send() {
    let server = MockServer::start(|_| Reply::hang()).await;
    let url = server.url();
    let started = Instant::now();
    let err = client_with_timeout_2(&url)
        .create_comp_share_team()
        .region("cn-wlcb")
        .name("team")
        .send()
        .await
        .unwrap_err();
    let took = started.elapsed();
    assert!(
        err.to_string().contains("timed out") || err.to_string().contains("timeout"),
        "{err}"
    );
    assert!(took >= Duration::from_secs(2), "{took:?}");
    assert_eq!(
        server.requests().len(),
        1,
        "a create-like action is sent once"
    );
}

#[tokio::test]
async fn a_hung_server_fails_a_read_within_its_attempts() {
    let server = MockServer::start(|_| Reply::hang()).await;
    let url = server.url();
    let started = Instant::now();
    client_with_timeout_2(&url)
        .describe_comp_share_images()
        .region("cn-wlcb")
        .send()
        .await
        .unwrap_err();
    // Three attempts, each given its two seconds.
    assert!(started.elapsed() >= Duration::from_secs(6));
    assert_eq!(server.requests().len(), 3);
}
