//! The by-name call, which the `compshare` command prints, gives exactly the members the server
//! sent: for every response example in the specs, nothing added and nothing dropped.

use std::collections::BTreeMap;

use compshare::runtime::testing::{MockServer, Reply};
use compshare::{Client, Config, Credential};
use serde_json::Value;

/// Each action's example request, read from its wire snapshot.
fn example_params() -> BTreeMap<String, Vec<(String, String)>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wire/snapshots");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with("__example_request.snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.splitn(3, "---\n").nth(2).expect("an insta snapshot");
        let (mut action, mut params) = (None, Vec::new());
        for line in body.lines().filter(|l| !l.is_empty()) {
            let (k, v) = line.split_once('=').expect("Name=Value");
            match k {
                "Action" => action = Some(v.to_owned()),
                "PublicKey" | "Signature" => {}
                _ => params.push((k.to_owned(), v.to_owned())),
            }
        }
        out.insert(action.unwrap(), params);
    }
    out
}

#[tokio::test]
async fn every_response_example_comes_back_member_for_member() {
    let server = MockServer::start(|request| {
        // A JSON body (GetCompShareInstanceMonitor) carries the action as a member.
        let action = request.param("Action").unwrap_or_else(|| {
            serde_json::from_slice::<Value>(&request.body).unwrap_or_default()["Action"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        });
        let example = compshare::by_name(&action)
            .and_then(|e| e.response_example)
            .unwrap_or(r#"{"RetCode": 0}"#);
        Reply::json(serde_json::from_str(example).unwrap())
    })
    .await;
    let config = Config::new(Credential::new("pk", "sk")).with_base_url(server.url());
    let client = Client::new(config).unwrap();
    let mut compared = 0;
    for (action, params) in example_params() {
        let entry = compshare::by_name(&action).unwrap();
        let (Some(example), false) = (entry.response_example, entry.download) else {
            continue;
        };
        let expected: Value = serde_json::from_str(example).unwrap();
        let got = compshare::call(&client, &action, &params)
            .await
            .unwrap_or_else(|e| panic!("{action}: {e}"));
        assert_eq!(got, expected, "{action}");
        compared += 1;
    }
    // Every action but DownloadTeamOrder (a file) and the few whose pages show no example.
    assert!(compared >= 80, "{compared}");
    eprintln!("{compared} response examples compared");
}
