//! Clients against the standalone server: the official Python SDK and the Rust client call
//! every action with the spec's example params, are rejected with a wrong key, and get the
//! validation error for a value the spec rules out; the Rust client also runs an instance
//! through its lifecycle.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use compshare::models::comp_share_instance_set::State;
use compshare::runtime::tools::Call;
use compshare::{Client, Config, Credential, Error, RetryPolicy};
use compshare_mock::codes;
use serde_json::{Value, json};
use support::{Server, params};

// Keys with non-ASCII and form-special characters, passed on the command line.
const PUBLIC_KEY: &str = "ucloud公钥@example.com";
const PRIVATE_KEY: &str = "私钥+/=&secret";

fn server() -> Server {
    Server::start(&[
        "--port",
        "0",
        "--public-key",
        PUBLIC_KEY,
        "--private-key",
        PRIVATE_KEY,
    ])
}

/// Runs the Python script on these calls and returns its results.
fn python(py: &Path, url: &str, private_key: &str, calls: Vec<Value>) -> Vec<Value> {
    let job = json!({
        "base_url": url,
        "public_key": PUBLIC_KEY,
        "private_key": private_key,
        "calls": calls,
    });
    let mut child = Command::new(py)
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/python/call_actions.py"
        ))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start Python");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(job.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "the script failed");
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

fn call(action: &str, params: &[(String, String)]) -> Value {
    let params: serde_json::Map<String, Value> = params
        .iter()
        .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
        .collect();
    json!({"action": action, "params": params})
}

#[test]
fn the_official_python_sdk_calls_every_action() {
    let Some(py) = testkit::sdk_python() else {
        return testkit::skipped("the_official_python_sdk_calls_every_action");
    };
    let server = server();
    let examples = support::examples();
    let calls = examples.iter().map(|(a, p)| call(a, p)).collect();
    let results = python(&py, &server.url, PRIVATE_KEY, calls);

    assert_eq!(results.len(), compshare::ACTION_NAMES.len());
    // Only compshare-docs and compshare-cli document these; the official SDK has no method
    // for them.
    const NOT_IN_THE_SDK: [&str; 26] = [
        "AddFavoriteImage",
        "CheckCompShareResourceCapacity",
        "CreateAndAttachCompshareDisk",
        "CreateCFS",
        "CreateCompShareImageFavorite",
        "CreateCompShareShareBandwidth",
        "DeleteCFS",
        "DeleteCompShareImageFavorite",
        "DeleteCompShareShareBandwidth",
        "DescribeCFS",
        "DescribeCompShareShareBandwidth",
        "DescribeCompshareDisk",
        "DescribeFavoriteImages",
        "DetachCFS",
        "GetCompShareCFSPrice",
        "GetCompShareCFSRefundPrice",
        "GetCompShareCFSUpgradePrice",
        "GetCompShareShareBandwidthPrice",
        "GetCompShareShareBandwidthRefundPrice",
        "GetCompShareShareBandwidthUpgradePrice",
        "ModifyCompShareShareBandwidth",
        "RemoveFavoriteImage",
        "ResizeCFS",
        "SetCompShareTeamAmount",
        "SwitchChargeType",
        "SwitchCompShareEIPShareBandwidth",
    ];
    let (missing, results): (Vec<&Value>, Vec<&Value>) = results
        .iter()
        .partition(|r| r["error"].as_str().is_some_and(|e| e.contains("no method")));
    let missing: Vec<&str> = missing
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(missing, NOT_IN_THE_SDK);
    // Production does not serve these documented actions, and neither does the mock.
    let (unserved, results): (Vec<&Value>, Vec<&Value>) = results.into_iter().partition(|r| {
        let info = compshare::schema::ACTIONS
            .iter()
            .find(|a| a.name == r["action"]);
        info.is_some_and(|a| a.unavailable.is_some())
    });
    for result in unserved {
        assert_eq!(result["code"], codes::NO_SUCH_ACTION, "{result}");
    }
    // The official pages' response examples hold placeholder text where the SDK's schema
    // wants a number or an object; the mock's default answers put values of the right type in
    // their place, so the SDK loads every answer.
    let misfits: Vec<&Value> = (results.iter().copied())
        .filter(|r| {
            r["error"].as_str().is_some_and(|e| {
                e.starts_with("ValidationException: [\"invalid field")
                    || e.starts_with("AttributeError: 'str'")
            })
        })
        .collect();
    assert!(misfits.is_empty(), "{misfits:?}");
    // The docs require a few params the SDK's schema does not have, so the SDK drops them and
    // the mock, checking what the docs say, refuses the call.
    let (dropped, results): (Vec<&Value>, Vec<&Value>) = results.into_iter().partition(|r| {
        r["code"] == 230
            && r["message"]
                .as_str()
                .is_some_and(|m| m.ends_with("is required"))
    });
    let dropped: Vec<&str> = dropped
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    eprintln!("params the SDK drops: {dropped:?}");
    assert!(dropped.len() <= 5, "{dropped:?}");
    // The SDK types a few params as text that the specs, after compshare-cli's use, type as
    // lists (such as DescribeCommunityImages' Tag); it sends the list as one text, which the
    // mock refuses as an unknown param.
    let (reshaped, results): (Vec<&Value>, Vec<&Value>) = results.into_iter().partition(|r| {
        r["code"] == 230
            && r["message"]
                .as_str()
                .is_some_and(|m| m.contains("is not a parameter of this action"))
    });
    let reshaped: Vec<&str> = reshaped
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    eprintln!("params the SDK sends as text: {reshaped:?}");
    assert!(reshaped.len() <= 5, "{reshaped:?}");
    // The SDK requires a few params that live use shows the server does not need (such as
    // ProjectId of DescribeCompShareMachineTypeFamilies), so it refuses to send the call.
    let (required, results): (Vec<&Value>, Vec<&Value>) = results.into_iter().partition(|r| {
        r["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("ValidationException") && e.contains("is required"))
    });
    let required: Vec<&str> = required
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    eprintln!("calls the SDK refuses for a param it requires: {required:?}");
    assert!(required.len() <= 5, "{required:?}");
    // The SDK reads every answer as JSON; a download answers with the file, as the live API
    // does, so the SDK's own method fails on it (compshare-cli downloads it raw).
    let (downloads, results): (Vec<&Value>, Vec<&Value>) = results.into_iter().partition(|r| {
        compshare::by_name(r["action"].as_str().unwrap()).is_some_and(|e| e.download)
    });
    for download in downloads {
        assert!(
            download["error"]
                .as_str()
                .is_some_and(|e| e.contains("InvalidResponseException")),
            "{download}"
        );
    }
    for result in results.iter().copied() {
        // The SDK's own method for the action sent it and loaded the response.
        assert_eq!(result["code"], 0, "{result}");
        assert!(result["response"].is_object(), "{result}");
    }
    // The SDK parsed the spec's response example (its schema keeps only the members it knows).
    let images = results
        .iter()
        .find(|r| r["action"] == "DescribeCompShareImages")
        .unwrap();
    assert!(images["response"]["ImageSet"][0].is_object(), "{images}");
}

#[test]
fn the_official_python_sdk_gets_gateway_and_validation_errors() {
    let Some(py) = testkit::sdk_python() else {
        return testkit::skipped("the_official_python_sdk_gets_gateway_and_validation_errors");
    };
    let server = server();
    let images = |items: &[(&str, &str)]| call("DescribeCompShareImages", &params(items));

    let wrong_key = python(&py, &server.url, "not-the-key", vec![images(&[])]);
    assert_eq!(wrong_key[0]["code"], codes::BAD_SIGNATURE, "{wrong_key:?}");
    assert_eq!(wrong_key[0]["message"], "Signature VerifyAC Error");
    assert_eq!(wrong_key[0]["request_id"].as_str().unwrap().len(), 36);

    // The Python SDK checks nothing but required params, so Limit=101 reaches the mock.
    let too_many = python(
        &py,
        &server.url,
        PRIVATE_KEY,
        vec![images(&[("Limit", "101")])],
    );
    assert_eq!(too_many[0]["code"], codes::INVALID_PARAMS, "{too_many:?}");
    assert_eq!(
        too_many[0]["message"],
        "Params [Limit] invalid: Limit must be at most 100 (got \"101\")"
    );
}

fn client_of(url: &str, private_key: &str) -> Client {
    let config = Config::new(Credential::new(PUBLIC_KEY, private_key))
        .with_base_url(url)
        .with_retry(RetryPolicy::disabled());
    Client::new(config).unwrap()
}

#[tokio::test]
async fn the_rust_client_calls_every_action() {
    let server = server();
    let client = client_of(&server.url, PRIVATE_KEY);
    for (action, params) in support::examples() {
        if let Some(entry) = compshare::by_name(&action).filter(|e| e.download) {
            // A download answers with the file itself, as the live API does.
            let file = client
                .runtime()
                .download_by_name(entry, &params)
                .await
                .unwrap_or_else(|e| panic!("{action}: {e}"));
            let mut bytes = Vec::new();
            file.write_to(&mut bytes).await.unwrap();
            assert!(
                String::from_utf8(bytes).unwrap().starts_with("订单号,"),
                "{action}"
            );
            continue;
        }
        let info = compshare::schema::ACTIONS.iter().find(|a| a.name == action);
        if info.is_some_and(|a| a.unavailable.is_some()) {
            let err = compshare::call(&client, &action, &params)
                .await
                .unwrap_err();
            assert_eq!(err.code(), Some(codes::NO_SUCH_ACTION), "{action}: {err}");
            continue;
        }
        let got = compshare::call(&client, &action, &params)
            .await
            .unwrap_or_else(|e| panic!("{action}: {e}"));
        assert_eq!(got["RetCode"], 0, "{action}: {got}");
        assert_eq!(got["Action"], format!("{action}Response"));
    }

    let err = client_of(&server.url, "not-the-key")
        .describe_comp_share_images()
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::BAD_SIGNATURE));

    // The client never sends Limit=101 ...
    let err = client
        .describe_comp_share_images()
        .limit(101)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation(_)), "{err}");
    // ... and the mock rejects it when it is sent anyway.
    let raw = params(&[("Region", "cn-wlcb"), ("Limit", "101")]);
    let call = Call::plain("DescribeCompShareImages", false);
    let err = client
        .runtime()
        .execute(call, raw, &mut |answer| {
            compshare::runtime::tools::decode_json::<compshare::DescribeCompShareImagesResponse>(
                "DescribeCompShareImages",
                answer,
            )
            .map(drop)
        })
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::INVALID_PARAMS));
    assert!(
        err.to_string().contains("Limit must be at most 100"),
        "{err}"
    );
}

#[tokio::test]
async fn the_rust_client_runs_an_instance_through_its_lifecycle() {
    let server = Server::start(&[
        "--public-key",
        PUBLIC_KEY,
        "--private-key",
        PRIVATE_KEY,
        "--stateful",
        "--delay-ms",
        "50",
    ]);
    let client = client_of(&server.url, PRIVATE_KEY);
    let describe = || async {
        client
            .describe_comp_share_instance()
            .send()
            .await
            .unwrap()
            .u_host_set
    };
    let wait_for = |id: String, wanted: State| {
        let describe = &describe;
        async move {
            for _ in 0..100 {
                let listed = describe().await;
                let instance = listed
                    .iter()
                    .find(|i| i.u_host_id.as_deref() == Some(&id))
                    .unwrap();
                if instance.state.as_ref() == Some(&wanted) {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            panic!("{id} never became {wanted}");
        }
    };

    let created = client
        .create_comp_share_instance()
        .comp_share_image_id("compshareImage-xxxx")
        .machine_type(compshare::MachineType::G)
        .gpu_type("4090")
        .gpu(1)
        .cpu(16)
        .memory(65536)
        .send()
        .await
        .unwrap();
    let [id] = &created.u_host_ids[..] else {
        panic!("one instance: {created:?}");
    };
    let listed = describe().await;
    assert_eq!(listed.len(), 1);
    assert!(
        matches!(listed[0].state, Some(State::Initializing | State::Running)),
        "{listed:?}"
    );
    wait_for(id.clone(), State::Running).await;

    client
        .stop_comp_share_instance()
        .u_host_id(id)
        .send()
        .await
        .unwrap();
    wait_for(id.clone(), State::Stopped).await;

    client
        .terminate_comp_share_instance()
        .u_host_id(id)
        .send()
        .await
        .unwrap();
    assert!(describe().await.is_empty());
    let err = client
        .stop_comp_share_instance()
        .u_host_id(id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::NO_SUCH_INSTANCE));
}
