//! The large-request probe: sends the standalone `compshare-mock` one signed request with many
//! params and reports how long the answer took and how large it was, and how long a small
//! request sent meanwhile waited.
//!
//! ```sh
//! cargo build --release -p compshare-mock
//! cargo run --release -p compshare-mock --example probe -- target/release/compshare-mock 16000 100000
//! ```
//!
//! Each count is one request: DescribeCompShareImages with `Region` and that many unknown params
//! (`P0=v`, `P1=v`, ...), signed with the mock's key pair, so the gateway reads, signs and
//! checks every one of them. `PROBE_ARGS` (split on spaces) is passed to the server, such as
//! `--max-params 200000`. Each request may take at most `PROBE_TIMEOUT_SECS` (default 300).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use compshare_mock::{PRIVATE_KEY, PUBLIC_KEY};

type Params = Vec<(String, String)>;

fn signed(mut params: Params) -> String {
    params.push(("Action".into(), "DescribeCompShareImages".into()));
    params.push(("PublicKey".into(), PUBLIC_KEY.into()));
    let signature = compshare::runtime::signature(&params, PRIVATE_KEY);
    params.push(("Signature".into(), signature));
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&params)
        .finish()
}

/// POSTs `body` and returns the time to the whole answer, its size, and its `Message`.
async fn post(http: &reqwest::Client, url: &str, body: String) -> (Duration, usize, String) {
    let started = Instant::now();
    let response = http
        .post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("an answer");
    let bytes = response.bytes().await.expect("the whole answer");
    let elapsed = started.elapsed();
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    let message = json["Message"].as_str().unwrap_or("").to_owned();
    (elapsed, bytes.len(), message)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mut args = std::env::args().skip(1);
    let binary = args
        .next()
        .unwrap_or_else(|| "target/release/compshare-mock".to_owned());
    let counts: Vec<usize> = args.map(|a| a.parse().expect("a count")).collect();
    let extra = std::env::var("PROBE_ARGS").unwrap_or_default();
    let timeout = std::env::var("PROBE_TIMEOUT_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);

    let mut child = Command::new(&binary)
        .args(["--port", "0"])
        .args(extra.split_whitespace())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut line)
        .expect("the ready line");
    let url = line
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("not a ready line: {line:?}"))
        .trim()
        .to_owned();
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(timeout))
        .build()
        .expect("a client");
    let small = signed(vec![("Region".into(), "cn-wlcb".into())]);
    println!("probe: {binary} {extra}");
    println!("params\tbody bytes\tanswer time\tanswer bytes\tsmall request meanwhile\tmessage");
    for count in counts {
        let mut params: Params = vec![("Region".into(), "cn-wlcb".into())];
        params.extend((0..count).map(|i| (format!("P{i}"), "v".to_owned())));
        let body = signed(params);
        let size = body.len();
        let big = tokio::spawn({
            let (http, url) = (http.clone(), url.clone());
            async move { post(&http, &url, body).await }
        });
        // Give the big request a head start, then time a small one beside it.
        tokio::time::sleep(Duration::from_millis(20)).await;
        let (beside, _, _) = post(&http, &url, small.clone()).await;
        let (took, answer, message) = big.await.expect("the big request");
        let shown: String = message.chars().take(160).collect();
        println!("{count}\t{size}\t{took:.2?}\t{answer}\t{beside:.2?}\t{shown}");
    }
    let _ = child.kill();
    let _ = child.wait();
}
