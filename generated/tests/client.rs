//! The generated client against a loopback server: the seed's example request on the wire,
//! decoding of realistic responses, and requests that are rejected before sending.

use compshare::actions::describe_comp_share_images::ImageType;
use compshare::models::comp_share_image::{ImageOwnerAlias, Status};
use compshare::runtime::signature;
use compshare::runtime::testing::{MockServer, Reply};
use compshare::{
    Client, Config, Credential, DescribeCompShareGpuInventoryRequest,
    DescribeCompShareImagesRequest, Error, Number, Rule,
};
use serde_json::json;

const PRIVATE_KEY: &str = "my_private_key";

fn client(server: &MockServer) -> Client {
    let config = Config::new(Credential::new("my_public_key", PRIVATE_KEY))
        .with_base_url(server.url())
        .with_zone("");
    Client::new(config).unwrap()
}

fn ok(body: serde_json::Value) -> impl Fn(&compshare::runtime::testing::Recorded) -> Reply {
    move |_| Reply::json(body.clone()).header("X-UCLOUD-REQUEST-UUID", "req-1")
}

/// The request of the seed page's Python example: ImageType=System, Limit=20, Offset=0.
#[tokio::test]
async fn seed_example_request_on_the_wire() {
    let server =
        MockServer::start(ok(json!({"RetCode": 0, "TotalCount": 0, "ImageSet": []}))).await;
    client(&server)
        .describe_comp_share_images()
        .image_type(ImageType::System)
        .limit(20)
        .offset(0)
        .send()
        .await
        .unwrap();

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let req = &requests[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/");
    assert_eq!(
        req.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert!(
        req.header("user-agent")
            .unwrap()
            .starts_with("compshare-rust/")
    );

    let mut form = req.form();
    let (name, sent) = form.pop().unwrap();
    assert_eq!(name, "Signature");
    assert_eq!(sent, signature(&form, PRIVATE_KEY));
    insta::assert_snapshot!(String::from_utf8(req.body.clone()).unwrap());
}

#[tokio::test]
async fn struct_requests_and_builders_send_the_same_form() {
    let server = MockServer::start(ok(json!({"RetCode": 0, "ImageSet": []}))).await;
    let client = client(&server);
    client
        .describe_comp_share_images()
        .tag("深度学习 & more")
        .limit(5)
        .send()
        .await
        .unwrap();
    let request = DescribeCompShareImagesRequest::default()
        .tag("深度学习 & more")
        .limit(5);
    client.send(request).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests[0].body, requests[1].body);
    assert_eq!(requests[0].param("Tag").as_deref(), Some("深度学习 & more"));
    assert_eq!(requests[0].param("Region").as_deref(), Some("cn-wlcb"));
}

#[tokio::test]
async fn limit_101_and_image_type_bogus_are_rejected_and_nothing_is_sent() {
    let server = MockServer::start(ok(json!({"RetCode": 0}))).await;
    let client = client(&server);

    let err = client
        .describe_comp_share_images()
        .limit(101)
        .send()
        .await
        .unwrap_err();
    let v = &err.as_validation().unwrap().violations;
    assert_eq!(v.len(), 1);
    assert_eq!(
        (v[0].field.as_str(), &v[0].rule),
        ("Limit", &Rule::Max(Number::Int(100)))
    );

    let params: Vec<(String, String)> = [("ImageType", "Bogus"), ("Limit", "101")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let err = compshare::call(&client, "DescribeCompShareImages", &params)
        .await
        .unwrap_err();
    let Error::Validation(e) = err else {
        panic!("expected a validation error")
    };
    let shown: Vec<String> = e.violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "ImageType must be one of System, App, Game, Other (got \"Bogus\")",
            "Limit must be at most 100 (got \"101\")"
        ]
    );
    assert!(server.requests().is_empty(), "nothing may be sent");
}

#[tokio::test]
async fn region_is_required_once_config_defaults_are_merged() {
    let request = DescribeCompShareGpuInventoryRequest::default();
    let err = request.validate().unwrap_err();
    assert_eq!(err.violations[0].field, "Region");
    assert_eq!(err.violations[0].rule, Rule::Required);
    // The client fills it from its config, so the same request is valid when sent.
    let server = MockServer::start(ok(json!({"RetCode": 0}))).await;
    client(&server).send(request).await.unwrap();
}

/// All 30 fields of `CompShareImage`, values of drifted types, unknown fields and unknown
/// enum values, as a live server may send them: everything decodes, and what does not fit is
/// kept.
#[tokio::test]
async fn realistic_response_decodes() {
    let image = json!({
        "CompShareImageId": "compshareImage-4a2x", "Name": "PyTorch 2.1", "ImageType": "App",
        "Author": "UCloud", "AuthInfo": "2", "Status": "Deprecating", "Tags": ["深度学习", 7],
        "Description": "d", "Readme": "# readme", "Cover": "https://x/cover.png", "Size": 20480,
        "Price": "0.5", "ImageCharge": false, "AutoStart": "true", "Container": "True",
        "ImageOwnerAlias": "Official", "IsOfficial": 1, "Visibility": 1,
        "Owner": {"AccountName": "ucloud", "AccountId": 42, "Extra": true},
        "Softwares": {"CUDAVersion": "12.1", "Framework": "PyTorch", "FrameworkVersion": 2.1,
                      "Applications": ["JupyterLab"]},
        "SourceGpuType": "4090", "GroupId": "g-1", "VersionName": "v1", "VersionDesc": "first",
        "FailedReason": null, "CreateTime": 1700000000, "PubTime": "1700000100",
        "CreatedCount": 3, "FavoritesCount": 4.0, "ImageUseTime": 5,
        "BrandNewField": {"nested": [1, 2]}
    });
    let server = MockServer::start(ok(json!({
        "RetCode": "0", "Action": "DescribeCompShareImagesResponse", "TotalCount": "1",
        "ImageSet": [image, "not an object"], "Unknown": 1
    })))
    .await;
    let resp = client(&server)
        .describe_comp_share_images()
        .send()
        .await
        .unwrap();
    assert_eq!(resp.total_count, Some(1));
    assert_eq!(
        resp.image_set.len(),
        1,
        "the list holds the elements that fit"
    );
    assert_eq!(
        resp.unknown_fields.get("ImageSet").unwrap()[1],
        json!("not an object"),
        "and the whole list is kept as it arrived"
    );
    assert_eq!(resp.unknown_fields.get("Unknown"), Some(&json!(1)));
    let image = &resp.image_set[0];
    assert_eq!(image.status, Some(Status::from("Deprecating")));
    assert_eq!(image.status.as_ref().unwrap().as_str(), "Deprecating");
    assert_eq!(image.image_owner_alias, Some(ImageOwnerAlias::Official));
    assert_eq!(image.container, Some(true));
    assert_eq!(image.price, Some(0.5));
    assert_eq!(
        image.unknown_fields.get("BrandNewField"),
        Some(&json!({"nested": [1, 2]}))
    );
    assert_eq!(image.unknown_fields.get("FailedReason"), Some(&json!(null)));
    insta::assert_debug_snapshot!(resp);
}

#[tokio::test]
async fn api_errors_carry_code_message_and_request_id() {
    let server = MockServer::start(|_| {
        Reply::json(json!({"RetCode": 171, "Message": "Signature VerifyAC Error"}))
            .header("X-UCLOUD-REQUEST-UUID", "6a3e-42")
    })
    .await;
    let err = client(&server)
        .describe_comp_share_gpu_inventory()
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(171));
    assert_eq!(err.request_id(), Some("6a3e-42"));
    assert_eq!(
        err.to_string(),
        "DescribeCompShareGpuInventory: API error 171: Signature VerifyAC Error (request id 6a3e-42)"
    );
}

#[tokio::test]
async fn call_by_name_returns_exactly_what_the_server_sent() {
    let sent = json!({
        "RetCode": 0, "Action": "DescribeCompShareImagesResponse", "TotalCount": "1",
        "ImageSet": [{"Name": "x", "Container": "False", "Zzz": 1, "Size": {"GB": 2}}]
    });
    let server = MockServer::start(ok(sent.clone())).await;
    let params = vec![("Tag".to_owned(), "深度学习".to_owned())];
    let value = compshare::call(&client(&server), "DescribeCompShareImages", &params)
        .await
        .unwrap();
    // Nothing added (no empty SoftwarePorts, SupportedGpuTypes or Tags), nothing retyped.
    assert_eq!(value, sent);
    let server = MockServer::start(ok(json!({"RetCode": 230, "Message": "bad"}))).await;
    let err = compshare::call(&client(&server), "DescribeCompShareImages", &[])
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(230));
}

#[tokio::test]
async fn a_typed_response_serializes_back_with_its_unknown_members() {
    let server = MockServer::start(ok(json!({
        "RetCode": 0, "TotalCount": "2", "NewTop": [1],
        "ImageSet": [{"Name": "x", "Size": "big", "Owner": {"AccountId": "a", "Since": 2020}}]
    })))
    .await;
    let resp = client(&server)
        .describe_comp_share_images()
        .send()
        .await
        .unwrap();
    assert_eq!(resp.total_count, Some(2));
    assert_eq!(resp.image_set[0].size, None, "\"big\" is not a number");
    let back = serde_json::to_value(&resp).unwrap();
    assert_eq!(
        back,
        json!({
            "TotalCount": 2, "NewTop": [1],
            "ImageSet": [{
                "Name": "x", "Size": "big", "Owner": {"AccountId": "a", "Since": 2020},
                "SoftwarePorts": [], "SupportedGpuTypes": [], "Tags": []
            }]
        })
    );
    let read: compshare::DescribeCompShareImagesResponse = serde_json::from_value(back).unwrap();
    assert_eq!(read, resp, "a stored response reads back the same");
}
