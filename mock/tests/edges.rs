//! The mock behaves like the API at the edges: signatures, actions, validation, the three
//! ways params arrive, request ids, default answers, and bad input.

mod support;

use compshare::RetryPolicy;
use compshare_mock::{MAX_BODY_BYTES, Mock, PRIVATE_KEY, PUBLIC_KEY, codes};
use serde_json::json;
use support::{Params, post_form, send, signed};

const IMAGES: &str = "DescribeCompShareImages";

fn images(items: &[(&str, &str)]) -> Params {
    let mut all = vec![("Region", "cn-wlcb")];
    all.extend_from_slice(items);
    signed(IMAGES, &all, PUBLIC_KEY, PRIVATE_KEY)
}

#[tokio::test]
async fn signatures_are_checked_with_the_configured_key_pair() {
    let mock = Mock::builder().keys("pk", "sk").start().await.unwrap();
    let url = mock.url();
    let sign = |private_key| signed(IMAGES, &[("Region", "cn-wlcb")], "pk", private_key);

    assert_eq!(post_form(&url, &sign("sk")).await.code(), 0);
    let wrong = post_form(&url, &sign("other")).await;
    assert_eq!(
        (wrong.code(), wrong.message()),
        (171, "Signature VerifyAC Error")
    );
    let mut missing = sign("sk");
    missing.retain(|(k, _)| k != "Signature");
    assert_eq!(
        post_form(&url, &missing).await.code(),
        codes::MISSING_SIGNATURE
    );
    let stranger = signed(IMAGES, &[("Region", "cn-wlcb")], "someone", "sk");
    assert_eq!(post_form(&url, &stranger).await.code(), codes::NO_SUCH_USER);

    // The SDK with the wrong private key gets 171 as an API error.
    let config = compshare::Config::new(compshare::Credential::new("pk", "nope"))
        .with_base_url(&url)
        .with_retry(RetryPolicy::disabled());
    let client = compshare::Client::new(config).unwrap();
    let err = client
        .describe_comp_share_images()
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::BAD_SIGNATURE));
    assert!(err.request_id().is_some());
}

#[tokio::test]
async fn actions_must_be_given_and_exist() {
    let mock = Mock::start().await;
    let url = mock.url();
    let mut no_action = images(&[]);
    no_action.retain(|(k, _)| k != "Action");
    let raw = post_form(&url, &no_action).await;
    assert_eq!((raw.code(), raw.message()), (160, "Missing Action"));

    let unknown = signed("DescribeCompShareImage", &[], PUBLIC_KEY, PRIVATE_KEY);
    let raw = post_form(&url, &unknown).await;
    assert_eq!(raw.code(), codes::NO_SUCH_ACTION);
    assert_eq!(raw.message(), "Action [DescribeCompShareImage] not found");
    assert_eq!(raw.body["Action"], "DescribeCompShareImageResponse");
}

#[tokio::test]
async fn requests_that_skipped_client_validation_get_an_error_naming_the_params() {
    let mock = Mock::start().await;
    let raw = post_form(&mock.url(), &images(&[("Limit", "101")])).await;
    assert_eq!(raw.code(), codes::INVALID_PARAMS);
    assert_eq!(
        raw.message(),
        "Params [Limit] invalid: Limit must be at most 100 (got \"101\")"
    );

    // Every violation is named: a missing required param, a bad type, a closed enum, a typo.
    let create = signed(
        "CreateCompShareInstance",
        &[
            ("Region", "cn-wlcb"),
            ("Zone", "cn-wlcb-01"),
            ("CPU", "sixteen"),
            ("GPU", "1"),
            ("GpuType", "4090"),
            ("MachineType", "G"),
            ("Memory", "512"),
            ("Disks.0.Sise", "200"),
        ],
        PUBLIC_KEY,
        PRIVATE_KEY,
    );
    let raw = post_form(&mock.url(), &create).await;
    assert_eq!(raw.code(), codes::INVALID_PARAMS);
    for name in ["CPU", "Memory", "CompShareImageId", "Disks.0.Sise"] {
        assert!(raw.message().contains(name), "{name}: {}", raw.message());
    }
    assert_eq!(
        mock.requests()[1].action.as_deref(),
        Some("CreateCompShareInstance")
    );
}

#[tokio::test]
async fn params_arrive_as_a_form_as_json_or_in_a_query_string() {
    let mock = Mock::start().await;
    let url = mock.url();
    let http = reqwest::Client::new();
    let params = images(&[("Limit", "5"), ("Tag", "深度 学习&more=1")]);

    let form = post_form(&url, &params).await;
    assert_eq!(form.code(), 0);

    let query = send(http.get(&url).query(&params)).await;
    assert_eq!(query.code(), 0);

    // JSON values are signed as the official SDKs flatten them: 5 as "5".
    let mut body = serde_json::Map::new();
    for (k, v) in &params {
        let value = if k == "Limit" { json!(5) } else { json!(v) };
        body.insert(k.clone(), value);
    }
    let as_json = send(
        http.post(&url)
            .header("Content-Type", "application/json")
            .body(serde_json::Value::Object(body).to_string()),
    )
    .await;
    assert_eq!(as_json.code(), 0, "{:?}", as_json.body);

    let seen: Vec<_> = mock
        .requests()
        .into_iter()
        .map(|r| {
            (
                r.method.clone(),
                r.encoding.unwrap(),
                r.param("Tag").map(str::to_owned),
            )
        })
        .collect();
    use compshare_mock::Encoding::*;
    let tag = Some("深度 学习&more=1".to_owned());
    assert_eq!(
        seen,
        [
            ("POST".into(), Form, tag.clone()),
            ("GET".into(), Query, tag.clone()),
            ("POST".into(), Json, tag),
        ]
    );
}

#[tokio::test]
async fn every_answer_carries_a_fresh_request_id_and_the_envelope() {
    let mock = Mock::start().await;
    let first = post_form(&mock.url(), &images(&[])).await;
    let second = post_form(&mock.url(), &images(&[("Limit", "101")])).await;
    let (a, b) = (first.request_id.unwrap(), second.request_id.unwrap());
    assert_eq!(a.len(), 36);
    assert_ne!(a, b);
    // Without a rule, the spec's response example.
    assert_eq!(first.body["Action"], "DescribeCompShareImagesResponse");
    assert_eq!(
        first.body["ImageSet"][0],
        serde_json::from_str::<serde_json::Value>(
            compshare::by_name("DescribeCompShareImages")
                .unwrap()
                .response_example
                .unwrap()
        )
        .unwrap()["ImageSet"][0]
    );
}

#[tokio::test]
async fn actions_without_an_example_answer_with_typed_defaults() {
    let mock = Mock::start().await;
    let client = mock.client();
    // DescribeULHostImage's page has no example.
    let page = client.describe_ul_host_image().send().await.unwrap();
    assert_eq!((page.total_count, page.image_set.len()), (Some(0), 0));
    let raw = post_form(
        &mock.url(),
        &signed(
            "GetCompShareInstancePrice",
            &support::examples()["GetCompShareInstancePrice"]
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
            PUBLIC_KEY,
            PRIVATE_KEY,
        ),
    )
    .await;
    assert_eq!(raw.code(), 0, "{:?}", raw.body);
    assert_eq!(raw.body["Action"], "GetCompShareInstancePriceResponse");
}

#[tokio::test]
async fn bad_input_gets_an_api_error_on_a_connection_that_stays_usable() {
    let mock = Mock::builder().max_body_bytes(4096).start().await.unwrap();
    let url = mock.url();
    // One connection for everything: a dropped connection would fail a later request.
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .build()
        .unwrap();
    let json_post = |body: Vec<u8>| {
        http.post(&url)
            .header("Content-Type", "application/json")
            .body(body)
    };

    let cases: Vec<(reqwest::RequestBuilder, i64, &str)> = vec![
        (json_post(b"{\"Action\": ".to_vec()), 230, "not valid JSON"),
        (json_post(b"[\"Action\"]".to_vec()), 230, "not an array"),
        (json_post(b"\"Action\"".to_vec()), 230, "not a string"),
        (json_post(vec![0xff, 0xfe, 0x00]), 230, "not valid JSON"),
        (json_post(b"{}".to_vec()), 160, "Missing Action"),
        (
            http.post(&url).body(vec![b'x'; 10_000]),
            230,
            "larger than the mock's limit of 4096 bytes",
        ),
        (
            json_post(format!("{{\"Action\":\"{}\"}}", "A".repeat(100_000)).into_bytes()),
            230,
            "larger than the mock's limit",
        ),
        (
            http.post(&url).body(vec![0xc3, 0x28, b'=', 0xa0]),
            160,
            "Missing Action",
        ),
        (http.put(&url).body("Action=X"), 230, "PUT is not supported"),
        (
            http.post(&url)
                .body("Action=DescribeCompShareImages&Disks.99999999999.Size=1"),
            170,
            "Missing Signature",
        ),
    ];
    for (request, code, message) in cases {
        let raw = send(request).await;
        assert_eq!(raw.status, 200);
        assert_eq!(raw.code(), code, "{:?}", raw.body);
        assert!(raw.message().contains(message), "{:?}", raw.body);
        assert!(raw.request_id.is_some());
    }
    // Huge indices are reported, not allocated for.
    let huge = images(&[("Disks.99999999999.Size", "1")]);
    let raw = post_form(&url, &huge).await;
    assert_eq!(raw.code(), 230);
    assert!(raw.message().contains("Disks.99999999999.Size"));
    // The default cap is 1 MiB.
    assert_eq!(MAX_BODY_BYTES, 1 << 20);
    // And the mock still serves.
    assert_eq!(post_form(&url, &images(&[])).await.code(), 0);
}

#[tokio::test]
async fn arbitrary_bodies_never_break_the_mock() {
    let mock = Mock::start().await;
    let url = mock.url();
    let http = reqwest::Client::new();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for i in 0..200 {
        let len = (i * 37) % 700;
        let body: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mostly the characters params are made of, sometimes anything.
                let b = (seed >> 24) as u8;
                if b.is_multiple_of(4) {
                    b
                } else {
                    b"Action=.&%0123{}[]\":,"[b as usize % 21]
                }
            })
            .collect();
        let content_type = if i % 2 == 0 {
            "application/json"
        } else {
            "application/x-www-form-urlencoded"
        };
        let raw = send(
            http.post(&url)
                .header("Content-Type", content_type)
                .body(body),
        )
        .await;
        assert_eq!(raw.status, 200);
        assert!(raw.code() != 0, "{:?}", raw.body);
    }
    assert_eq!(mock.requests().len(), 200);
}
