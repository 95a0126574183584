//! A soak of the standalone `compshare-mock`: hammers it on 127.0.0.1 with signed requests and
//! prints its resident memory (`VmRSS` of `/proc/<pid>/status`) every few seconds, so that a
//! leak shows as a rising column.
//!
//! ```sh
//! cargo build --release -p compshare-mock
//! SOAK_SECS=1800 cargo run --release -p compshare-mock --example soak -- target/release/compshare-mock
//! ```
//!
//! The server runs with `--stateful` (and `SOAK_ARGS`, split on spaces). Each worker repeats:
//! eight stateless DescribeCompShareImages, one request with a wrong signature, and one
//! instance's create → stop → terminate, so the state does not grow. Settings, from the
//! environment: `SOAK_SECS` (how long, default 20), `SOAK_SAMPLE_SECS` (how often RSS is
//! sampled, default 5), `SOAK_WORKERS` (concurrent requests, default 16). It ends on its own,
//! and kills the server it started. Linux only (it reads `/proc`).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use compshare_mock::{PRIVATE_KEY, PUBLIC_KEY};

type Params = Vec<(String, String)>;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `items` with `Action`, `PublicKey` and a `Signature` made with `private_key`, as a form.
fn signed(action: &str, items: &[(&str, &str)], private_key: &str) -> String {
    let mut params: Params = items
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    params.push(("Action".into(), action.into()));
    params.push(("PublicKey".into(), PUBLIC_KEY.into()));
    let signature = compshare::runtime::signature(&params, private_key);
    params.push(("Signature".into(), signature));
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&params)
        .finish()
}

const PLACE: [(&str, &str); 2] = [("Region", "cn-wlcb"), ("Zone", "cn-wlcb-01")];

/// The resident memory of `pid`, in KiB.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

struct Counts {
    requests: AtomicU64,
    /// Answers that were not what the request should get.
    wrong: AtomicU64,
}

/// POSTs a form and returns its `RetCode` and body.
async fn post(http: &reqwest::Client, url: &str, body: String) -> Option<(i64, serde_json::Value)> {
    let response = http
        .post(url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .ok()?;
    let bytes = response.bytes().await.ok()?;
    let body: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    Some((body["RetCode"].as_i64()?, body))
}

async fn worker(http: reqwest::Client, url: String, until: Instant, counts: Arc<Counts>) {
    let images = signed("DescribeCompShareImages", &PLACE, PRIVATE_KEY);
    let forged = signed("DescribeCompShareImages", &PLACE, "not-the-key");
    let mut create_params = PLACE.to_vec();
    create_params.extend([
        ("CompShareImageId", "compshareImage-soak"),
        ("MachineType", "G"),
        ("GpuType", "4090"),
        ("GPU", "1"),
        ("CPU", "16"),
        ("Memory", "65536"),
    ]);
    let create = signed("CreateCompShareInstance", &create_params, PRIVATE_KEY);
    while Instant::now() < until {
        let mut outcomes = Vec::with_capacity(11);
        for _ in 0..8 {
            outcomes.push(post(&http, &url, images.clone()).await.map(|a| a.0 == 0));
        }
        outcomes.push(post(&http, &url, forged.clone()).await.map(|a| a.0 == 171));
        let created = post(&http, &url, create.clone()).await;
        let id = created
            .as_ref()
            .and_then(|(_, body)| body["UHostIds"][0].as_str().map(str::to_owned));
        outcomes.push(created.map(|a| a.0 == 0));
        if let Some(id) = id {
            for action in ["StopCompShareInstance", "TerminateCompShareInstance"] {
                let mut params = PLACE.to_vec();
                params.push(("UHostId", &id));
                let body = signed(action, &params, PRIVATE_KEY);
                outcomes.push(post(&http, &url, body).await.map(|a| a.0 == 0));
            }
        }
        let wrong = outcomes.iter().filter(|o| *o != &Some(true)).count();
        counts
            .requests
            .fetch_add(outcomes.len() as u64, Ordering::Relaxed);
        counts.wrong.fetch_add(wrong as u64, Ordering::Relaxed);
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let binary = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/release/compshare-mock".to_owned());
    let secs = env_u64("SOAK_SECS", 20);
    let sample = env_u64("SOAK_SAMPLE_SECS", 5).max(1);
    let workers = env_u64("SOAK_WORKERS", 16).max(1);
    let extra = std::env::var("SOAK_ARGS").unwrap_or_default();

    let mut child = Command::new(&binary)
        .args(["--port", "0", "--stateful"])
        .args(extra.split_whitespace())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
    let pid = child.id();
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut line)
        .expect("the ready line");
    let url = line
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("not a ready line: {line:?}"))
        .trim()
        .to_owned();
    println!("soak: {binary} {extra} (pid {pid}) at {url}: {workers} workers for {secs} s");
    println!("seconds\trequests\trequests/s\tVmRSS KiB");

    let http = reqwest::Client::new();
    let counts = Arc::new(Counts {
        requests: AtomicU64::new(0),
        wrong: AtomicU64::new(0),
    });
    let started = Instant::now();
    let until = started + Duration::from_secs(secs);
    let tasks: Vec<_> = (0..workers)
        .map(|_| tokio::spawn(worker(http.clone(), url.clone(), until, counts.clone())))
        .collect();

    let mut samples = vec![(0, 0, rss_kib(pid).unwrap_or(0))];
    println!("0\t0\t0\t{}", samples[0].2);
    let mut last = (Instant::now(), 0);
    while Instant::now() < until {
        tokio::time::sleep(Duration::from_secs(sample).min(until - Instant::now())).await;
        let requests = counts.requests.load(Ordering::Relaxed);
        let rate = (requests - last.1) as f64 / last.0.elapsed().as_secs_f64();
        last = (Instant::now(), requests);
        let rss = rss_kib(pid).unwrap_or(0);
        let at = started.elapsed().as_secs();
        samples.push((at, requests, rss));
        println!("{at}\t{requests}\t{rate:.0}\t{rss}");
    }
    for task in tasks {
        let _ = task.await;
    }
    // Idle for one sample, to show whether memory is given back.
    tokio::time::sleep(Duration::from_secs(sample)).await;
    let idle = rss_kib(pid).unwrap_or(0);
    let _ = child.kill();
    let _ = child.wait();

    let requests = counts.requests.load(Ordering::Relaxed);
    let wrong = counts.wrong.load(Ordering::Relaxed);
    let rss: Vec<u64> = samples.iter().skip(1).map(|s| s.2).collect();
    println!(
        "summary: {requests} requests in {:.0} s ({:.0}/s), {wrong} wrong answers; VmRSS start {} KiB, min {} KiB, max {} KiB, end {} KiB, idle after {} KiB",
        started.elapsed().as_secs_f64() - sample as f64,
        requests as f64 / secs.max(1) as f64,
        samples[0].2,
        rss.iter().min().unwrap_or(&0),
        rss.iter().max().unwrap_or(&0),
        rss.last().unwrap_or(&0),
        idle
    );
}
