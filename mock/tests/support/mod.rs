//! What the mock's tests share: raw signed requests, the spec's example params of every action,
//! and the standalone server as a child process.
// Each test file uses some of these.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStderr, Command, Stdio};

use serde_json::Value;

pub type Params = Vec<(String, String)>;

pub fn params(items: &[(&str, &str)]) -> Params {
    items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// `params` with `Action`, `PublicKey` and a `Signature` made with `private_key`.
pub fn signed(action: &str, items: &[(&str, &str)], public_key: &str, private_key: &str) -> Params {
    let mut all = params(items);
    all.push(("Action".into(), action.into()));
    all.push(("PublicKey".into(), public_key.into()));
    let signature = compshare::runtime::signature(&all, private_key);
    all.push(("Signature".into(), signature));
    all
}

/// A form body.
pub fn form(params: &Params) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
}

/// The answer to a raw request: status, request id, and the body as JSON (`Null` if it is
/// not JSON).
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub request_id: Option<String>,
    pub body: Value,
}

impl Raw {
    pub fn code(&self) -> i64 {
        self.body["RetCode"]
            .as_i64()
            .unwrap_or_else(|| panic!("no RetCode in {:?}", self.body))
    }

    pub fn message(&self) -> &str {
        self.body["Message"].as_str().unwrap_or("")
    }
}

/// Sends one request with `reqwest` and reads the whole answer.
pub async fn send(request: reqwest::RequestBuilder) -> Raw {
    let response = request.send().await.expect("the mock answers");
    let status = response.status().as_u16();
    let request_id = response
        .headers()
        .get("X-UCLOUD-REQUEST-UUID")
        .map(|v| v.to_str().unwrap().to_owned());
    let bytes = response.bytes().await.expect("the whole body arrives");
    Raw {
        status,
        request_id,
        body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    }
}

/// POSTs `params` as a form.
pub async fn post_form(url: &str, params: &Params) -> Raw {
    let request = reqwest::Client::new()
        .post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(form(params));
    send(request).await
}

/// The spec's example request of every action, as the generated wire tests sign it (their
/// snapshots are written by codegen from the same spec tables and reviewed like code), without
/// `Action`, `PublicKey` and `Signature`.
pub fn examples() -> BTreeMap<String, Params> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../generated/tests/wire/snapshots"
    );
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("the wire snapshots") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with("__example_request.snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // The insta header is between the first two `---` lines.
        let body = text.splitn(3, "---\n").nth(2).expect("an insta snapshot");
        let mut action = None;
        let mut params = Vec::new();
        for line in body.lines().filter(|l| !l.is_empty()) {
            let (k, v) = line.split_once('=').expect("Name=Value");
            match k {
                "Action" => action = Some(v.to_owned()),
                "PublicKey" | "Signature" => {}
                _ => params.push((k.to_owned(), v.to_owned())),
            }
        }
        out.insert(action.expect("an Action line"), params);
    }
    let actions: Vec<&String> = out.keys().collect();
    assert_eq!(actions, compshare::ACTION_NAMES, "one example per action");
    out
}

/// The `compshare-mock` binary, running until dropped.
pub struct Server {
    child: Child,
    pub url: String,
    pub stderr: Option<ChildStderr>,
}

impl Server {
    /// Starts the binary with `args` and waits for its ready line.
    pub fn start(args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_compshare-mock"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start compshare-mock");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("not a ready line: {line:?}"))
            .trim_end()
            .to_owned();
        assert!(url.starts_with("http://127.0.0.1:"), "{url}");
        let stderr = child.stderr.take();
        Self { child, url, stderr }
    }

    /// Stops the server and returns what it wrote on stderr.
    pub fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut text = String::new();
        if let Some(mut stderr) = self.stderr.take() {
            std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        }
        text
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
