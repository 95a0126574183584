//! Rules answer typed requests in order, with responses, errors, raw HTTP and sequences;
//! requests are recorded and read back typed.

use compshare::actions::create_comp_share_instance::GpuType;
use compshare::actions::describe_comp_share_images::ImageType;
use compshare::models::CompShareImage;
use compshare::{
    CreateCompShareInstanceRequest, DescribeCompShareImagesRequest,
    DescribeCompShareImagesResponse, Error, StopCompShareInstanceRequest,
    StopCompShareInstanceResponse,
};
use compshare_mock::{Mock, Reply, codes};

fn images(ids: &[&str]) -> DescribeCompShareImagesResponse {
    let mut response = DescribeCompShareImagesResponse::default();
    response.total_count = Some(ids.len() as i64);
    response.image_set = ids
        .iter()
        .map(|id| {
            let mut image = CompShareImage::default();
            image.comp_share_image_id = Some(id.to_string());
            image
        })
        .collect();
    response
}

fn ids(response: &DescribeCompShareImagesResponse) -> Vec<&str> {
    response
        .image_set
        .iter()
        .filter_map(|i| i.comp_share_image_id.as_deref())
        .collect()
}

#[tokio::test]
async fn the_first_matching_rule_answers_with_its_typed_response() {
    let mock = Mock::start().await;
    let five = mock
        .on::<DescribeCompShareImagesRequest>()
        .matching(|r| r.limit == Some(5))
        .respond(images(&["five"]));
    let apps = mock
        .on::<DescribeCompShareImagesRequest>()
        .matching(|r| r.image_type == Some(ImageType::App))
        .respond(images(&["app"]));
    let client = mock.client();

    let got = client.describe_comp_share_images().limit(5).send().await;
    assert_eq!(ids(&got.unwrap()), ["five"]);
    // Both rules match; the first one added wins.
    let got = client
        .describe_comp_share_images()
        .limit(5)
        .image_type(ImageType::App)
        .send()
        .await;
    assert_eq!(ids(&got.unwrap()), ["five"]);
    let got = client
        .describe_comp_share_images()
        .image_type(ImageType::App)
        .send()
        .await;
    assert_eq!(ids(&got.unwrap()), ["app"]);
    assert_eq!((five.calls(), apps.calls()), (2, 1));
    assert!(mock.unmatched().is_empty());
}

#[tokio::test]
async fn a_request_no_rule_answers_is_an_api_error_the_test_can_list() {
    let mock = Mock::start().await;
    mock.on::<DescribeCompShareImagesRequest>()
        .matching(|r| r.limit == Some(5))
        .respond(images(&["five"]));
    let client = mock.client();

    let err = client
        .describe_comp_share_images()
        .limit(6)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::NO_MATCHING_RULE));
    assert!(err.to_string().contains("none of the 1 rule(s)"), "{err}");
    assert!(err.request_id().is_some());

    // Actions without rules still answer from the spec.
    client.describe_comp_share_instance().send().await.unwrap();

    let unmatched = mock.unmatched();
    assert_eq!(unmatched.len(), 1, "{unmatched:?}");
    assert_eq!(
        unmatched[0].action.as_deref(),
        Some("DescribeCompShareImages")
    );
    assert_eq!(unmatched[0].param("Limit"), Some("6"));
    assert_eq!(unmatched[0].code, Some(codes::NO_MATCHING_RULE));
}

#[tokio::test]
async fn errors_and_raw_http_answers_reach_the_client_as_such() {
    let mock = Mock::start().await;
    mock.on::<StopCompShareInstanceRequest>()
        .matching(|r| r.u_host_id == "uhost-arrears")
        .fail(226601, "account in arrears");
    mock.on::<StopCompShareInstanceRequest>()
        .matching(|r| r.u_host_id == "uhost-proxy")
        .reply(Reply::http(418, "<html>teapot</html>"));
    mock.on::<StopCompShareInstanceRequest>()
        .matching(|r| r.u_host_id == "uhost-garbage")
        .reply(Reply::http(200, "not json"));
    let client = mock.client();
    let stop = |id: &str| client.stop_comp_share_instance().u_host_id(id).send();

    match stop("uhost-arrears").await.unwrap_err() {
        Error::Api(e) => {
            assert_eq!((e.code, e.message.as_str()), (226601, "account in arrears"));
            assert_eq!(e.action, "StopCompShareInstance");
            assert!(e.request_id.is_some());
        }
        other => panic!("{other:?}"),
    }
    match stop("uhost-proxy").await.unwrap_err() {
        Error::Http(e) => assert_eq!((e.status, e.body.as_str()), (418, "<html>teapot</html>")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        stop("uhost-garbage").await.unwrap_err(),
        Error::Decode { .. }
    ));
}

#[tokio::test]
async fn a_sequence_answers_in_order_for_retry_tests_then_is_used_up() {
    let mock = Mock::start().await;
    let rule = mock.on::<DescribeCompShareImagesRequest>().replies([
        Reply::api_error(153, "rate limited"),
        Reply::http(502, "bad gateway"),
        Reply::Response(images(&["third time"])),
    ]);
    let client = mock.client();

    // The client retries the first two answers and gets the third.
    let got = client.describe_comp_share_images().send().await.unwrap();
    assert_eq!(ids(&got), ["third time"]);
    assert_eq!(rule.calls(), 3);
    assert_eq!(mock.received::<DescribeCompShareImagesRequest>().len(), 3);

    // The sequence is used up.
    let err = client
        .describe_comp_share_images()
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::NO_MATCHING_RULE));
    assert_eq!(rule.calls(), 3);
}

#[tokio::test]
async fn times_limits_a_rule_and_later_rules_take_over() {
    let mock = Mock::start().await;
    let once = mock
        .on::<StopCompShareInstanceRequest>()
        .times(1)
        .fail(8434, "disk still detaching");
    let after = mock.on::<StopCompShareInstanceRequest>().reply_with(|r| {
        let mut response = StopCompShareInstanceResponse::default();
        response.u_host_id = format!("{} stopped", r.u_host_id);
        Reply::Response(response)
    });
    let client = mock.client();
    let stop = || {
        client
            .stop_comp_share_instance()
            .u_host_id("uhost-1")
            .send()
    };
    // 8434 is a server-side code, which the client retries for this action: the first rule
    // answers the first attempt, and the second rule the retry.
    let first = stop().await.unwrap();
    assert_eq!(first.u_host_id, "uhost-1 stopped");
    assert_eq!((once.calls(), after.calls()), (1, 1));
    assert_eq!(mock.requests()[0].code, Some(8434));
    stop().await.unwrap();
    assert_eq!((once.calls(), after.calls()), (1, 2));

    // A sequence with times repeats its last reply.
    let mock = Mock::start().await;
    let rule = mock
        .on::<DescribeCompShareImagesRequest>()
        .times(3)
        .replies([
            Reply::Response(images(&["a"])),
            Reply::Response(images(&["b"])),
        ]);
    let client = mock.client();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let got = client.describe_comp_share_images().send().await.unwrap();
        seen.push(ids(&got)[0].to_owned());
    }
    assert_eq!(seen, ["a", "b", "b"]);
    assert_eq!(rule.calls(), 3);
    assert!(client.describe_comp_share_images().send().await.is_err());
}

#[tokio::test]
async fn received_requests_read_back_typed_with_the_params_the_client_filled() {
    let mock = Mock::start().await;
    let client = mock.client();
    let mut request = CreateCompShareInstanceRequest::default()
        .comp_share_image_id("compshareImage-xxxx")
        .gpu_type(GpuType::from("4090"))
        .gpu(2)
        .cpu(32)
        .memory(131072)
        .password("s3cret!");
    request.machine_type = "G".into();
    client.send(request.clone()).await.unwrap();
    client
        .describe_comp_share_images()
        .limit(7)
        .send()
        .await
        .unwrap();

    let created = mock.received::<CreateCompShareInstanceRequest>();
    assert_eq!(created.len(), 1);
    let expected = request.region("cn-wlcb").zone("cn-wlcb-01");
    assert_eq!(created[0], expected);
    assert_eq!(
        mock.received::<DescribeCompShareImagesRequest>()[0].limit,
        Some(7)
    );

    let all = mock.requests();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].action.as_deref(), Some("CreateCompShareInstance"));
    assert_eq!(all[0].code, Some(0));
    assert!(all[0].param("Signature").is_none() && all[0].param("PublicKey").is_none());
    assert_eq!(all[1].method, "POST");
    assert_eq!(all[1].encoding, Some(compshare_mock::Encoding::Form));
}
