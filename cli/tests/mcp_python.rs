//! `compshare mcp` driven by the official Python MCP client (PyPI `mcp` 2.3.0) against
//! compshare-mock on 127.0.0.1: tools and annotations, search, describe, reads and paging,
//! writes with and without confirmation, a validation error and an API error. The script is
//! `tests/python/mcp_session.py`; it prints a transcript, and this side checks what the mock
//! received.

use compshare::models::CompShareImage;
use compshare::{
    CreateCompShareInstanceRequest, CreateCompShareShareBandwidthRequest,
    DescribeCompShareImagesRequest, DescribeCompShareImagesResponse, StopCompShareInstanceRequest,
};
use compshare_mock::{Mock, PRIVATE_KEY, PUBLIC_KEY, Reply};

/// The images the mock lists, paged by `Offset` and `Limit`.
const IMAGES: usize = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_python_mcp_client_drives_the_server() {
    let Some(python) = testkit::mcp_python() else {
        eprintln!(
            "the_python_mcp_client_drives_the_server: skipped: no Python with the MCP client (mcp 2.3.0); `cargo xtask test` installs it into target/pyenv and runs it"
        );
        return;
    };
    let mock = Mock::start().await;
    mock.on::<DescribeCompShareImagesRequest>().reply_with(|r| {
        let offset = r.offset.unwrap_or(0).max(0) as usize;
        let limit = r.limit.unwrap_or(20).max(0) as usize;
        let images = (0..IMAGES)
            .skip(offset)
            .take(limit)
            .map(|i| {
                let mut image = CompShareImage::default();
                image.comp_share_image_id = Some(format!("compshareImage-{i}"));
                image.name = Some(format!("image {i}"));
                image
            })
            .collect();
        let mut response = DescribeCompShareImagesResponse::default();
        response.image_set = images;
        response.total_count = Some(IMAGES as i64);
        Reply::Response(response)
    });
    mock.on::<CreateCompShareShareBandwidthRequest>()
        .fail(226604, "resources insufficient");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/mcp_session.py");
    let out = tokio::process::Command::new(python)
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_compshare"))
        .env("COMPSHARE_BASE_URL", mock.url())
        .env("COMPSHARE_PUBLIC_KEY", PUBLIC_KEY)
        .env("COMPSHARE_PRIVATE_KEY", PRIVATE_KEY)
        .output()
        .await
        .unwrap();
    let transcript = String::from_utf8_lossy(&out.stdout);
    println!("{transcript}");
    assert!(
        out.status.success(),
        "the session failed:\n{transcript}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value = transcript
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .map(|l| serde_json::from_str(l).unwrap())
        .expect("a RESULT line");

    // The previewed stop was never sent; the create was sent exactly once, after its price.
    assert!(mock.received::<StopCompShareInstanceRequest>().is_empty());
    let created = mock.received::<CreateCompShareInstanceRequest>();
    assert_eq!(created.len(), 1, "exactly one create");
    assert_eq!(created[0].name.as_deref(), Some("trainer"));
    // The failed create-like write was sent once, not retried.
    assert_eq!(
        mock.received::<CreateCompShareShareBandwidthRequest>()
            .len(),
        1
    );
    let actions: Vec<String> = mock
        .requests()
        .into_iter()
        .filter_map(|r| r.action)
        .collect();
    let price = actions
        .iter()
        .position(|a| a == "GetCompShareInstancePrice");
    let create = actions.iter().position(|a| a == "CreateCompShareInstance");
    assert!(price.is_some() && price < create, "{actions:?}");
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "GetCompShareInstancePrice")
            .count(),
        1,
        "one price for the one preview: {actions:?}"
    );
    // The paged read asked page after page, one image at a time: the first read, every page,
    // then the two pages before max_items stopped it.
    assert_eq!(result["images_total"], IMAGES);
    let pages: Vec<Option<i64>> = mock
        .received::<DescribeCompShareImagesRequest>()
        .iter()
        .map(|r| r.offset)
        .collect();
    assert_eq!(
        pages,
        [
            None,
            Some(0),
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(0),
            Some(1)
        ]
    );
}
