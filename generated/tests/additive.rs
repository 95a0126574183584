//! What a user outside the crate writes, so that a new optional field or enum value in a docs
//! sync is not a breaking change: requests built with setters, responses and models with
//! `default()` and field assignment, and enum matches with a wildcard arm.

use compshare::actions::create_comp_share_instance::GpuType;
use compshare::actions::describe_comp_share_images::ImageType;
use compshare::models::comp_share_instance_set::State;
use compshare::models::{CompShareImage, CompShareInstanceSet, CreateCompShareInstanceParamDisks};
use compshare::{
    Client, Config, CreateCompShareInstanceRequest, Credential, DescribeCompShareImagesRequest,
    DescribeCompShareImagesResponse, DescribeCompShareInstanceResponse,
};

fn client() -> Client {
    Client::new(Config::new(Credential::new("public", "private"))).unwrap()
}

#[test]
fn requests_build_with_setters_like_the_fluent_builder() {
    let request = DescribeCompShareImagesRequest::default()
        .image_type(ImageType::App)
        .tag("深度学习")
        .limit(5);
    assert_eq!(request.image_type, Some(ImageType::App));
    assert_eq!(request.tag.as_deref(), Some("深度学习"));
    assert_eq!(request.limit, Some(5));
    assert_eq!(request.offset, None);

    let built = client()
        .describe_comp_share_images()
        .image_type(ImageType::App)
        .tag("深度学习")
        .limit(5)
        .into_request();
    assert_eq!(built, request);

    // Fields stay public: read, and assign on a value you have.
    let mut request = request;
    request.limit = Some(20);
    assert_eq!(request.limit, Some(20));
    assert!(request.validate().is_ok());
}

#[test]
fn nested_request_models_and_lists_build_with_setters() {
    let boot = CreateCompShareInstanceParamDisks::default()
        .is_boot(true)
        .r#type("CLOUD_SSD")
        .size(200);
    // Region and Zone are required here; `send` fills them from the config.
    let request = CreateCompShareInstanceRequest::default()
        .region("cn-wlcb")
        .zone("cn-wlcb-01")
        .comp_share_image_id("compshareImage-xxxx")
        .machine_type("G")
        .gpu_type(GpuType::from("4090"))
        .gpu(1)
        .cpu(16)
        .memory(65536)
        .disks([boot.clone()]);
    assert_eq!(request.disks, [boot]);
    assert_eq!(request.disks[0].r#type.as_str(), "CLOUD_SSD");
    assert_eq!(request.gpu_type.as_str(), "4090");
    request.validate().unwrap();
}

#[test]
fn responses_and_models_build_with_default_and_assignment() {
    let mut image = CompShareImage::default();
    image.comp_share_image_id = Some("compshareImage-1".into());
    let mut response = DescribeCompShareImagesResponse::default();
    response.image_set = vec![image];
    response.total_count = Some(1);

    let json = serde_json::to_value(&response).unwrap();
    assert_eq!(json["TotalCount"], 1);
    assert_eq!(json["ImageSet"][0]["CompShareImageId"], "compshareImage-1");

    let mut host = CompShareInstanceSet::default();
    host.state = Some(State::Running);
    let mut listed = DescribeCompShareInstanceResponse::default();
    listed.u_host_set.push(host);
    assert_eq!(listed.u_host_set[0].state, Some(State::Running));
}

/// A closed enum: the API accepts only these values, and a docs sync may still add one.
fn image_kind(t: &ImageType) -> &'static str {
    match t {
        ImageType::System => "platform",
        ImageType::App => "application",
        _ => "other",
    }
}

/// An open enum: documented values, and anything else the server sends.
fn describe(state: &State) -> &str {
    match state {
        State::Running => "up",
        State::Stopped => "down",
        State::Unknown(value) => value.as_str(),
        _ => "changing",
    }
}

#[test]
fn enum_matches_end_in_a_wildcard_arm() {
    assert_eq!(image_kind(&ImageType::App), "application");
    assert_eq!(image_kind(&ImageType::Game), "other");
    assert_eq!(describe(&State::Running), "up");
    assert_eq!(describe(&State::Starting), "changing");
    assert_eq!(describe(&State::from("Hibernating")), "Hibernating");
}
