#![recursion_limit = "256"]
//! The in-process figures of `cargo xtask bench`, printed as one JSON object per command:
//!
//! ```text
//! compshare-bench bodies DIR   write the bodies the figures use (and the Python side reads)
//! compshare-bench call DIR     per-call overhead of the seed's DescribeCompShareImages call
//! compshare-bench page DIR     decoding a DescribeCompShareInstance page of 1,000 instances
//! compshare-bench bounded GIB   a loopback server streams GIB GiB; the client stops at its limit
//! ```
//!
//! Timings are the median of batches after a warm-up, with the allocator not counting. Memory
//! is a separate run's peak of what the counting allocator saw live, the body included.

mod alloc;
mod fixtures;

use std::path::Path;
use std::time::{Duration, Instant};

use compshare::runtime::tools as rt;
use compshare::runtime::transport::{HttpRequest, HttpResponse, SendFuture, Transport};
use compshare::{Client, Config, Credential, DescribeCompShareInstanceResponse, ImageType};

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

const IMAGES: &str = "images.json";
const INSTANCES: &str = "instances.json";

/// Answers every request with the same body, as a server would, without a network.
#[derive(Debug)]
struct Fixed(bytes::Bytes);

impl Transport for Fixed {
    fn send(&self, _request: HttpRequest) -> SendFuture<'_> {
        let body = self.0.clone();
        Box::pin(async move { Ok(HttpResponse::from_bytes(200, body)) })
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, gib] = args.as_slice()
        && command == "bounded"
    {
        bounded(gib.parse().expect("a number of GiB"));
        return;
    }
    let (command, dir) = match args.as_slice() {
        [command, dir] => (command.as_str(), Path::new(dir)),
        _ => {
            eprintln!("usage: compshare-bench bodies|call|page DIR | bounded GIB");
            std::process::exit(2);
        }
    };
    match command {
        "bodies" => bodies(dir),
        "call" => call(dir),
        "page" => page(dir),
        _ => {
            eprintln!("unknown command {command}");
            std::process::exit(2);
        }
    }
}

fn bodies(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let write = |name: &str, value: serde_json::Value| {
        std::fs::write(dir.join(name), serde_json::to_vec(&value).unwrap()).unwrap();
    };
    write(IMAGES, fixtures::images());
    write(INSTANCES, fixtures::instances(1000));
    println!("{{}}");
}

/// The median of `batches` timings of `per_batch` runs of `f`, per run.
fn median_per_run(batches: usize, per_batch: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed() / per_batch as u32
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// The seed's call, the whole client path: build, fill common params, validate, encode, sign,
/// form-encode the body, hand it to the transport, read the answer and decode it.
fn call(dir: &Path) {
    let body = std::fs::read(dir.join(IMAGES)).unwrap();
    let config = Config::new(Credential::new("bench-public-key", "bench-private-key"));
    let client = Client::with_transport(config, Fixed(body.into())).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let one = || {
        let images = runtime
            .block_on(
                client
                    .describe_comp_share_images()
                    .image_type(ImageType::System)
                    .limit(20)
                    .name("PyTorch")
                    .send(),
            )
            .unwrap();
        assert_eq!(images.image_set.len(), 3);
    };
    median_per_run(5, 1000, one);
    let per_call = median_per_run(31, 2000, one);
    let ((), measured) = alloc::measure(one);
    println!(
        "{{\"per_call_ns\": {}, \"allocations\": {}, \"allocator\": \"{}\"}}",
        per_call.as_nanos(),
        measured.allocations,
        alloc::NAME,
    );
}

/// Decoding a 1,000-instance page as the client does, from the body's bytes. The memory run
/// copies the body inside the measured region, as the Python side does, so the peak includes
/// it.
fn page(dir: &Path) {
    let body = std::fs::read(dir.join(INSTANCES)).unwrap();
    let decode = |body: &[u8]| {
        let (page, _) = rt::response::<DescribeCompShareInstanceResponse>(body).unwrap();
        assert_eq!(page.u_host_set.len(), 1000);
        page
    };
    median_per_run(3, 1, || drop(decode(&body)));
    let time = median_per_run(21, 1, || drop(decode(&body)));
    let (decoded, measured) = alloc::measure(|| decode(&body.to_vec()));
    drop(decoded);
    println!(
        "{{\"decode_ns\": {}, \"body_bytes\": {}, \"peak_bytes\": {}, \"allocations\": {}}}",
        time.as_nanos(),
        body.len(),
        measured.peak,
        measured.allocations,
    );
}

/// A server that streams `gib` GiB at a client with the default limit: the call fails once the
/// limit is passed, and memory stays near the limit. Prints the limit, what the allocator saw
/// at the peak, and the process's peak resident size.
fn bounded(gib: u64) {
    use compshare_runtime::testing::{MockServer, Reply};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (_server, client, limit) = runtime.block_on(async {
        let server = MockServer::start(move |_| Reply::streamed(gib << 30)).await;
        let config = Config::new(Credential::new("bench-public-key", "bench-private-key"))
            .with_base_url(server.url());
        let limit = config.max_response_bytes;
        (server, Client::new(config).unwrap(), limit)
    });
    // The server runs on the same thread, so its buffers are counted too.
    let (result, measured) =
        alloc::measure(|| runtime.block_on(client.describe_comp_share_images().send()));
    let err = result.unwrap_err();
    assert!(
        matches!(err, compshare::Error::ResponseTooLarge { .. }),
        "{err}"
    );
    println!(
        "{{\"streamed_bytes\": {}, \"limit_bytes\": {limit}, \"peak_bytes\": {}, \"max_rss_bytes\": {}}}",
        gib << 30,
        measured.peak,
        max_rss()
    );
}

/// The process's peak resident size, from /proc (Linux).
fn max_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb * 1024)
}
