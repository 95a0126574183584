//! What keeps the mock's memory and time bounded: the recorded requests, the number of params
//! a request may carry, messages that list only the first few offending params, and large
//! requests that never hold up the others.

mod support;

use std::time::{Duration, Instant};

use compshare_mock::{MAX_PARAMS, Mock, PRIVATE_KEY, PUBLIC_KEY, codes};
use support::{Params, form, post_form, signed};

const IMAGES: &str = "DescribeCompShareImages";

fn images(extra: usize) -> Params {
    let names: Vec<String> = (0..extra).map(|i| format!("P{i}")).collect();
    let mut items = vec![("Region", "cn-wlcb")];
    items.extend(names.iter().map(|n| (n.as_str(), "v")));
    signed(IMAGES, &items, PUBLIC_KEY, PRIVATE_KEY)
}

#[tokio::test]
async fn recorded_requests_are_all_kept_bounded_or_cleared() {
    let all = Mock::start().await;
    let latest = Mock::builder().record(2).start().await.unwrap();
    let none = Mock::builder().record(0).start().await.unwrap();
    for mock in [&all, &latest, &none] {
        for limit in 1..=5 {
            let params = signed(
                IMAGES,
                &[("Region", "cn-wlcb"), ("Limit", &limit.to_string())],
                PUBLIC_KEY,
                PRIVATE_KEY,
            );
            assert_eq!(post_form(&mock.url(), &params).await.code(), 0);
        }
    }
    let limits = |mock: &Mock| -> Vec<String> {
        let requests = mock.requests();
        requests
            .iter()
            .map(|r| r.param("Limit").unwrap().to_owned())
            .collect()
    };
    assert_eq!(limits(&all), ["1", "2", "3", "4", "5"]);
    assert_eq!(limits(&latest), ["4", "5"]);
    assert!(limits(&none).is_empty());
    all.clear_requests();
    assert!(all.requests().is_empty());
    assert!(
        all.received::<compshare::DescribeCompShareImagesRequest>()
            .is_empty()
    );
    assert_eq!(post_form(&all.url(), &images(0)).await.code(), 0);
    assert_eq!(all.requests().len(), 1);
}

#[tokio::test]
async fn more_params_than_the_limit_are_refused_before_they_are_read() {
    assert_eq!(MAX_PARAMS, 1000);
    let mock = Mock::builder().max_params(50).start().await.unwrap();
    // Region, Action, PublicKey and Signature, and 46 more: 50.
    assert_eq!(post_form(&mock.url(), &images(46)).await.code(), 230);
    let raw = post_form(&mock.url(), &images(47)).await;
    assert_eq!(raw.code(), codes::INVALID_PARAMS);
    assert_eq!(
        raw.message(),
        "the request has 51 params, more than the mock's limit of 50"
    );
    let query = reqwest::Client::new().get(mock.url()).query(&images(47));
    let raw = support::send(query).await;
    assert!(raw.message().contains("51 params"), "{:?}", raw.body);
}

/// A request with 100,000 unknown params took 92.6 s and answered 6.18 MB before: each
/// violation was compared with every one found before, and all were listed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_thousand_bad_params_are_answered_quickly_and_briefly() {
    let mock = Mock::builder()
        .max_params(200_000)
        .max_body_bytes(4 << 20)
        .start()
        .await
        .unwrap();
    let params = images(100_000);
    let started = Instant::now();
    let raw = post_form(&mock.url(), &params).await;
    let took = started.elapsed();
    let message = raw.message();
    println!(
        "100,000 unknown params: answered in {took:?}, message of {} bytes",
        message.len()
    );
    assert_eq!(raw.code(), codes::INVALID_PARAMS);
    assert!(
        message.starts_with("Params [P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, and 99990 more]"),
        "{message}"
    );
    assert!(message.ends_with("; and 99990 more"), "{message}");
    assert!(message.len() < 4000, "{}", message.len());
    // Generous: a debug build on a busy machine; the quadratic step took minutes.
    assert!(took < Duration::from_secs(20), "{took:?}");
}

/// Small requests sent while a 1 MiB request with the most params allowed is answered, and
/// how long the slowest of them waited.
async fn beside_a_large_request(url: &str) -> (Duration, Duration, usize) {
    // DescribeCompShareInstance's UHostIds: known params, each read, signed and checked.
    let value = "u".repeat((1 << 20) / MAX_PARAMS - 16);
    let mut items = vec![("Region", "cn-wlcb")];
    let names: Vec<String> = (0..MAX_PARAMS - 4)
        .map(|i| format!("UHostIds.{i}"))
        .collect();
    items.extend(names.iter().map(|n| (n.as_str(), value.as_str())));
    let large = signed("DescribeCompShareInstance", &items, PUBLIC_KEY, PRIVATE_KEY);
    assert_eq!(large.len(), MAX_PARAMS);
    let body = form(&large);
    assert!(
        body.len() <= compshare_mock::MAX_BODY_BYTES,
        "{}",
        body.len()
    );

    let http = reqwest::Client::new();
    let big = tokio::spawn({
        let (http, url) = (http.clone(), url.to_owned());
        async move {
            let started = Instant::now();
            let answer = http
                .post(&url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap();
            let bytes = answer.bytes().await.unwrap();
            let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(json["RetCode"], 0, "{json}");
            started.elapsed()
        }
    });
    let small = images(0);
    let mut slowest = Duration::ZERO;
    let mut answered = 0;
    while !big.is_finished() || answered < 3 {
        let started = Instant::now();
        assert_eq!(post_form(url, &small).await.code(), 0);
        slowest = slowest.max(started.elapsed());
        answered += 1;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    (big.await.unwrap(), slowest, answered)
}

#[tokio::test]
async fn a_large_request_does_not_hold_up_the_others_in_process() {
    // The test's runtime has one thread: the large request is answered off it.
    let mock = Mock::start().await;
    let (large, slowest, answered) = beside_a_large_request(&mock.url()).await;
    println!(
        "in process: large request {large:?}; {answered} small ones beside it, slowest {slowest:?}"
    );
    assert!(slowest < Duration::from_millis(100), "{slowest:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_request_does_not_hold_up_the_others_in_the_server() {
    let server = support::Server::start(&[]);
    let (large, slowest, answered) = beside_a_large_request(&server.url).await;
    println!(
        "server: large request {large:?}; {answered} small ones beside it, slowest {slowest:?}"
    );
    assert!(slowest < Duration::from_millis(100), "{slowest:?}");
}
