//! By-name calls against a stand-in API that verifies signatures with the official Python
//! SDK, with ASCII and non-ASCII values. They need the SDK (`cargo xtask test` installs it);
//! without it they skip, and the runtime's recorded conformance cases cover signing.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use compshare::runtime::tools::Call;
use compshare::{Client, Config, Credential, RetryPolicy};

struct StandIn {
    child: Child,
    port: u16,
}

impl StandIn {
    /// The stand-in, or `None` without the SDK.
    fn start(test: &str, public_key: &str, private_key: &str) -> Option<Self> {
        let Some(python) = testkit::sdk_python() else {
            testkit::skipped(test);
            return None;
        };
        let mut child = Command::new(python)
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/standin/server.py"
            ))
            .args([public_key, private_key])
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the stand-in");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().expect("the stand-in prints its port");
        Some(Self { child, port })
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn params(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn the_official_sdk_accepts_our_signatures() {
    let (public_key, private_key) = ("ucloud公钥@example.com", "私钥+/=&secret");
    let Some(standin) = StandIn::start(
        "the_official_sdk_accepts_our_signatures",
        public_key,
        private_key,
    ) else {
        return;
    };
    let config = Config::new(Credential::new(public_key, private_key))
        .with_base_url(format!("http://127.0.0.1:{}", standin.port))
        .with_retry(RetryPolicy::disabled());
    let client = Client::new(config).unwrap();

    let cases = [
        params(&[("ImageType", "System"), ("Limit", "20")]),
        params(&[
            ("Tag", "深度学习"),
            ("Name", "PyTorch 2.1 & CUDA+12=ok"),
            ("Author", ""),
        ]),
        params(&[
            ("Name", "😀 emoji ~*'()"),
            ("CompShareImageId", "compshareImage-xxxx"),
            ("Offset", "0"),
        ]),
    ];
    for case in cases {
        let got = compshare::call(&client, "DescribeCompShareImages", &case)
            .await
            .unwrap_or_else(|e| panic!("{case:?}: {e}"));
        assert!(got.is_object(), "{got}");

        // The stand-in received exactly what we meant to send.
        let sent = compshare::prepare(&client, "DescribeCompShareImages", &case).unwrap();
        let mut raw = serde_json::Value::Null;
        let call = Call::plain("DescribeCompShareImages", true);
        client
            .runtime()
            .execute(call, sent.clone(), &mut |answer| {
                raw = serde_json::from_slice(&answer.body).unwrap();
                Ok(())
            })
            .await
            .unwrap();
        let mut expected: serde_json::Map<String, serde_json::Value> =
            sent.into_iter().map(|(k, v)| (k, v.into())).collect();
        expected.insert("Action".into(), "DescribeCompShareImages".into());
        expected.insert("PublicKey".into(), public_key.into());
        assert_eq!(raw["Received"], serde_json::Value::Object(expected));
    }
}

#[tokio::test]
async fn a_wrong_key_is_rejected_by_the_stand_in() {
    let Some(standin) = StandIn::start(
        "a_wrong_key_is_rejected_by_the_stand_in",
        "pub",
        "right-key",
    ) else {
        return;
    };
    let config = Config::new(Credential::new("pub", "wrong-key"))
        .with_base_url(format!("http://127.0.0.1:{}", standin.port))
        .with_retry(RetryPolicy::disabled());
    let err = compshare::call(
        &Client::new(config).unwrap(),
        "DescribeCompShareImages",
        &[],
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), Some(171));
    assert_eq!(err.request_id(), Some("standin-1"));
}
