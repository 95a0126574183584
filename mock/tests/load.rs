//! A bounded load test: one client, 2,000 requests, 64 at a time, none may fail. It prints the
//! throughput and asserts nothing about time.

use std::time::Instant;

use compshare::RetryPolicy;
use compshare_mock::Mock;
use futures_util::StreamExt;

const REQUESTS: usize = 2_000;
const CONCURRENCY: usize = 64;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_requests_at_64_concurrent_all_succeed() {
    let mock = Mock::start().await;
    // Any failure must show, not be retried away.
    let client = compshare::Client::new(mock.config().with_retry(RetryPolicy::disabled())).unwrap();

    let started = Instant::now();
    let results: Vec<_> = futures_util::stream::iter(0..REQUESTS)
        .map(|i| {
            let client = client.clone();
            async move {
                client
                    .describe_comp_share_images()
                    .offset(i as i64)
                    .limit(20)
                    .send()
                    .await
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let elapsed = started.elapsed();

    let failures: Vec<_> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failures.is_empty(),
        "{} failed, first: {}",
        failures.len(),
        failures[0]
    );
    // The default list is the example's one image: the first page holds it, later ones none.
    for (i, result) in results.iter().enumerate() {
        let page = result.as_ref().unwrap();
        assert_eq!(page.total_count, Some(1));
        assert!(page.image_set.len() <= 1, "{i}");
    }
    let with_image = results
        .iter()
        .filter(|r| r.as_ref().unwrap().image_set.len() == 1)
        .count();
    assert_eq!(with_image, 1, "only the page at offset 0");
    let received = mock.requests();
    assert_eq!(received.len(), REQUESTS);
    assert!(received.iter().all(|r| r.code == Some(0)));
    let mut offsets: Vec<usize> = received
        .iter()
        .map(|r| r.param("Offset").unwrap().parse().unwrap())
        .collect();
    offsets.sort_unstable();
    assert_eq!(offsets, (0..REQUESTS).collect::<Vec<_>>());

    println!(
        "load: {REQUESTS} requests at {CONCURRENCY} concurrent in {:.2?}: {:.0} requests/s",
        elapsed,
        REQUESTS as f64 / elapsed.as_secs_f64()
    );
}
