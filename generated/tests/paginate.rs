//! Paginators against a loopback server that serves 250 images, including servers that
//! misreport the total or ignore `Offset`.

use compshare::runtime::testing::{MockServer, Recorded, Reply};
use compshare::{Client, Config, Credential};
use futures_util::StreamExt;
use serde_json::{Value, json};

const ITEMS: i64 = 250;

fn client(server: &MockServer) -> Client {
    let config = Config::new(Credential::new("pub", "priv")).with_base_url(server.url());
    Client::new(config).unwrap()
}

fn window(req: &Recorded) -> (i64, i64) {
    let number = |name| req.param(name).map(|v| v.parse::<i64>().unwrap());
    (number("Offset").unwrap_or(0), number("Limit").unwrap_or(20))
}

/// Serves `ITEMS` images named by index, reporting `total` (or no total).
fn images(total: Option<i64>, ignore_offset: bool) -> impl Fn(&Recorded) -> Reply {
    move |req| {
        let (offset, limit) = window(req);
        let offset = if ignore_offset { 0 } else { offset };
        let set: Vec<Value> = (offset..(offset + limit).min(ITEMS))
            .map(|i| json!({"CompShareImageId": format!("img-{i}")}))
            .collect();
        let mut body = json!({"RetCode": 0, "ImageSet": set});
        if let Some(total) = total {
            body["TotalCount"] = json!(total);
        }
        Reply::json(body)
    }
}

fn ids(images: &[compshare::models::CompShareImage]) -> Vec<String> {
    images
        .iter()
        .map(|i| i.comp_share_image_id.clone().unwrap())
        .collect()
}

fn expected(n: i64) -> Vec<String> {
    (0..n).map(|i| format!("img-{i}")).collect()
}

#[tokio::test]
async fn walks_250_items_in_pages_of_the_documented_maximum() {
    let server = MockServer::start(images(Some(ITEMS), false)).await;
    let all = client(&server)
        .describe_comp_share_images()
        .paginate()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(ids(&all), expected(ITEMS));
    let windows: Vec<(i64, i64)> = server.requests().iter().map(window).collect();
    assert_eq!(
        windows,
        [(0, 100), (100, 100), (200, 100)],
        "stops at TotalCount without an extra request"
    );
}

#[tokio::test]
async fn pages_and_items_stream_with_the_requests_own_limit() {
    let server = MockServer::start(images(Some(ITEMS), false)).await;
    let client = client(&server);
    let pages: Vec<_> = client
        .describe_comp_share_images()
        .limit(60)
        .paginate()
        .pages()
        .collect()
        .await;
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.as_ref().unwrap().image_set.len())
        .collect();
    assert_eq!(sizes, [60, 60, 60, 60, 10]);

    let items: Vec<_> = client
        .describe_comp_share_images()
        .limit(60)
        .paginate()
        .items()
        .collect()
        .await;
    let items: Vec<_> = items.into_iter().map(Result::unwrap).collect();
    assert_eq!(ids(&items), expected(ITEMS));
}

#[tokio::test]
async fn a_total_that_is_too_high_stops_on_an_empty_or_short_page() {
    let server = MockServer::start(images(Some(100_000), false)).await;
    let all = client(&server)
        .describe_comp_share_images()
        .paginate()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), ITEMS as usize);
    assert_eq!(
        server.requests().len(),
        3,
        "the short third page ends the walk"
    );
}

#[tokio::test]
async fn no_total_stops_on_a_short_page() {
    let server = MockServer::start(images(None, false)).await;
    let all = client(&server)
        .describe_comp_share_images()
        .limit(50)
        .paginate()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len(), ITEMS as usize);
    // Five full pages, then an empty sixth: 250 is a multiple of 50.
    assert_eq!(server.requests().len(), 6);
}

#[tokio::test]
async fn a_server_that_ignores_offset_cannot_make_it_loop() {
    let server = MockServer::start(images(Some(100_000), true)).await;
    let all = client(&server)
        .describe_comp_share_images()
        .limit(10)
        .paginate()
        .collect_all()
        .await
        .unwrap();
    assert_eq!(ids(&all), expected(10));
    assert_eq!(
        server.requests().len(),
        2,
        "the repeated page is detected and dropped"
    );
}

#[tokio::test]
async fn errors_end_the_item_stream() {
    let server = MockServer::start(|req: &Recorded| {
        if window(req).0 == 0 {
            images(Some(ITEMS), false)(req)
        } else {
            Reply::json(json!({"RetCode": 230, "Message": "boom"}))
        }
    })
    .await;
    let items: Vec<_> = client(&server)
        .describe_comp_share_images()
        .paginate()
        .items()
        .collect()
        .await;
    assert_eq!(items.len(), 101);
    assert!(items[..100].iter().all(Result::is_ok));
    assert_eq!(items[100].as_ref().unwrap_err().code(), Some(230));
}
