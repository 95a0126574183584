//! `compshare mcp` with the official Rust SDK's own client (`rmcp`), against compshare-mock on
//! 127.0.0.1: the handshake, the tools and their hints, a read, and a validation error, so the
//! server is checked without Python.

use compshare::DescribeCompShareImagesRequest;
use compshare_mock::{Mock, PRIVATE_KEY, PUBLIC_KEY};
use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, CallToolResult};
use rmcp::service::{RoleClient, RunningService};
use rmcp::transport::TokioChildProcess;
use serde_json::{Value, json};

async fn connect(url: &str, extra: &[&str]) -> RunningService<RoleClient, ()> {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_compshare"));
    cmd.arg("mcp")
        .args(extra)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", "/nonexistent")
        .env("COMPSHARE_CONFIG_FILE", "/nonexistent/config.json")
        .env("COMPSHARE_BASE_URL", url)
        .env("COMPSHARE_PUBLIC_KEY", PUBLIC_KEY)
        .env("COMPSHARE_PRIVATE_KEY", PRIVATE_KEY);
    ().serve(TokioChildProcess::new(cmd).unwrap())
        .await
        .unwrap()
}

async fn call(
    client: &RunningService<RoleClient, ()>,
    tool: &'static str,
    args: Value,
) -> (Value, bool) {
    let Value::Object(args) = args else { panic!() };
    let result: CallToolResult = client
        .call_tool(CallToolRequestParams::new(tool).with_arguments(args))
        .await
        .unwrap();
    let text = &result.content[0].as_text().expect("text content").text;
    assert!(!text.contains(PRIVATE_KEY), "{text}");
    let value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    (value, result.is_error == Some(true))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rmcp_client_lists_tools_reads_and_sees_violations() {
    let mock = Mock::start().await;
    let client = connect(&mock.url(), &[]).await;
    let info = client.peer_info().expect("initialized");
    assert_eq!(info.server_info.as_ref().unwrap().name, "compshare");
    assert!(info.capabilities.tools.is_some());

    let tools = client.list_all_tools().await.unwrap();
    let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
    assert_eq!(
        names,
        [
            "search_actions",
            "describe_action",
            "call_read",
            "call_write",
            "wait"
        ]
    );
    for tool in &tools {
        let a = tool.annotations.as_ref().unwrap();
        let write = tool.name == "call_write";
        assert_eq!(a.read_only_hint, Some(!write), "{}", tool.name);
        assert_eq!(a.destructive_hint, Some(write), "{}", tool.name);
        assert_eq!(a.idempotent_hint, Some(!write), "{}", tool.name);
    }

    let (images, error) = call(
        &client,
        "call_read",
        json!({"action": "DescribeCompShareImages", "params": {"ImageType": "System", "Limit": 5}}),
    )
    .await;
    assert!(!error, "{images}");
    assert_eq!(images["RetCode"], 0);
    assert!(images["ImageSet"].is_array(), "{images}");
    let sent = mock.received::<DescribeCompShareImagesRequest>();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].limit, Some(5));

    let (invalid, error) = call(
        &client,
        "call_read",
        json!({"action": "DescribeCompShareImages", "params": {"Limit": 101, "Offset": "x"}}),
    )
    .await;
    assert!(error);
    assert_eq!(invalid["error"], "invalid_request");
    assert_eq!(invalid["sent"], false);
    let rules: Vec<(&str, &str)> = invalid["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["param"].as_str().unwrap(), v["rule"].as_str().unwrap()))
        .collect();
    assert!(
        rules.contains(&("Limit", "must be at most 100")),
        "{rules:?}"
    );
    assert!(rules.iter().any(|(p, _)| *p == "Offset"), "{rules:?}");
    assert_eq!(
        mock.received::<DescribeCompShareImagesRequest>().len(),
        1,
        "nothing more was sent"
    );
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_preview_then_send_once_and_secrets_stay_hidden() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = connect(&mock.url(), &[]).await;
    let create = json!({
        "MachineType": "G", "GpuType": "4090", "GPU": 1, "CPU": 16, "Memory": 65536,
        "CompShareImageId": "compshareImage-x", "Password": "Sup3rSecret!",
        "Disks": [{"IsBoot": true, "Type": "CLOUD_SSD", "Size": 200}],
    });
    let (preview, error) = call(
        &client,
        "call_write",
        json!({"action": "CreateCompShareInstance", "params": create}),
    )
    .await;
    assert!(!error, "{preview}");
    assert_eq!(preview["sent"], false);
    assert_eq!(preview["price"]["action"], "GetCompShareInstancePrice");
    assert_eq!(preview["request"]["params"]["Password"], "<redacted>");
    assert!(!preview.to_string().contains("Sup3rSecret!"));
    assert!(mock.instances().is_empty(), "a preview creates nothing");

    let (done, error) = call(
        &client,
        "call_write",
        json!({"action": "CreateCompShareInstance", "params": create, "confirm": true,
               "confirmation_summary": "the user agreed to one 4090 at the price shown"}),
    )
    .await;
    assert!(!error, "{done}");
    assert_eq!(mock.instances().len(), 1, "sent exactly once");
    let id = done["UHostIds"][0].as_str().unwrap().to_owned();

    let (waited, error) = call(
        &client,
        "wait",
        json!({"waiter": "instance-running", "id": id, "timeout_seconds": 30, "interval_seconds": 1}),
    )
    .await;
    assert!(!error, "{waited}");
    assert_eq!(waited["State"], "Running");

    let (read, _) = call(
        &client,
        "call_read",
        json!({"action": "DescribeCompShareInstance", "params": {"UHostIds": [id]}}),
    )
    .await;
    assert!(read["UHostSet"][0]["UHostId"].is_string(), "{read}");
    for tool in ["call_write", "call_read"] {
        let (refused, error) = call(
            &client,
            tool,
            json!({"action": "AddFavoriteImage", "params": {"CompShareImageId": "x"}}),
        )
        .await;
        assert!(error);
        assert_eq!(refused["error"], "unavailable", "{refused}");
    }
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_that_times_out_has_an_unknown_outcome() {
    use compshare::runtime::testing::{MockServer, Reply};
    // A server that never answers: the write's 1 s limit passes first.
    let server = MockServer::start(|_| Reply::hang()).await;
    let client = connect(&server.url(), &[]).await;
    let (unknown, error) = call(
        &client,
        "call_write",
        json!({"action": "StopCompShareInstance", "params": {"UHostId": "uhost-1"}, "confirm": true,
               "confirmation_summary": "the user agreed to stop uhost-1", "timeout_seconds": 1}),
    )
    .await;
    assert!(error);
    assert_eq!(unknown["outcome"], "unknown", "{unknown}");
    assert_eq!(unknown["retryable"], false);
    assert_eq!(unknown["check_with"], "DescribeCompShareInstance");
    assert_eq!(server.requests().len(), 1, "sent, and not again");
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn show_sensitive_shows_passwords_but_never_the_key() {
    let mock = Mock::start().await;
    let client = connect(&mock.url(), &["--show-sensitive"]).await;
    let (preview, error) = call(
        &client,
        "call_write",
        json!({"action": "ResetCompShareInstancePassword",
               "params": {"UHostId": "uhost-1", "Password": "Sup3rSecret!"}}),
    )
    .await;
    assert!(!error, "{preview}");
    assert_eq!(preview["request"]["params"]["Password"], "Sup3rSecret!");
    assert_eq!(preview["request"]["params"]["Signature"], "<redacted>");
    assert!(mock.requests().is_empty(), "a preview sends nothing");
    client.cancel().await.unwrap();
}
