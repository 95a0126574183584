//! Decoding realistic responses as a live server sends them: extra fields, values of drifted
//! types (numbers as strings and back), `"True"`/`"Yes"` flags, and unknown enum values.

use compshare::models::comp_share_instance_set::{ChargeType, State};
use compshare::models::u_host_disk_set;
use compshare::{
    CreateCompShareInstanceResponse, DescribeCompShareInstanceResponse,
    GetCompShareImageCreateProgressResponse, GetCompShareInstancePriceResponse,
    TerminateUlHostInstanceResponse,
};
use serde_json::json;

/// Decodes a body the way the client does: the envelope's members are read aside.
fn decode<T: compshare::runtime::tools::Decode>(value: serde_json::Value) -> T {
    let body = serde_json::to_vec(&value).unwrap();
    compshare::runtime::tools::response::<T>(&body)
        .expect("every JSON object decodes")
        .0
}

#[test]
fn instance_list_with_drifted_types_and_unknown_values() {
    let body = json!({
        "RetCode": 0, "Action": "DescribeCompShareInstanceResponse", "TotalCount": "1",
        "UHostSet": [{
            "UHostId": "uhost-abc", "Name": "训练机", "State": "Hibernating", "ChargeType": "Postpay",
            "CPU": "16", "Memory": 65536.0, "GPU": 1, "GpuType": "4090", "AutoRenew": "Yes",
            "IsExpire": "No", "InstancePrice": "2.1", "CreateTime": 1_700_000_000,
            "Password": "c2VjcmV0", "PostPayShutdown": "false",
            "DiskSet": [{"DiskId": "bsm-1", "IsBoot": "True", "Type": "Boot", "Size": "200", "Drive": "vda"}],
            "IPSet": [{"IP": "10.0.0.8", "Type": "Private", "Bandwidth": "1"}],
            "GraphicsMemory": {"Value": 24, "Rate": 1},
            "Softwares": [{"Name": "JupyterLab", "URL": "https://x"}],
            "SomethingNew": {"a": [1, 2, 3]}
        }]
    });
    let resp: DescribeCompShareInstanceResponse = decode(body);
    assert_eq!(resp.total_count, 1);
    let host = &resp.u_host_set[0];
    assert_eq!(host.state, Some(State::from("Hibernating")));
    assert_eq!(
        host.unknown_fields.get("SomethingNew"),
        Some(&json!({"a": [1, 2, 3]}))
    );
    assert_eq!(host.charge_type, Some(ChargeType::Postpay));
    assert_eq!((host.cpu, host.memory), (Some(16), Some(65536)));
    assert_eq!((host.auto_renew, host.is_expire), (Some(true), Some(false)));
    assert_eq!(host.instance_price, Some(2.1));
    assert_eq!(host.post_pay_shutdown, Some(false));
    assert!(host.disk_set[0].is_boot);
    #[allow(deprecated)]
    let disk_type = host.disk_set[0].r#type.clone();
    assert_eq!(disk_type, Some(u_host_disk_set::Type::Boot));
    let shown = format!("{resp:?}");
    assert!(
        !shown.contains("c2VjcmV0"),
        "passwords never appear in Debug output"
    );
    insta::assert_debug_snapshot!(resp);
}

#[test]
fn price_details_and_create_results() {
    let prices: GetCompShareInstancePriceResponse = decode(json!({
        "RetCode": 0,
        "PriceDetail": [{"ChargeType": "Dynamic", "Instance": "1.88", "OriginalPrice": 2.1}],
        "ListPriceDetail": "not a list"
    }));
    assert_eq!(prices.price_detail.len(), 1);
    assert_eq!(prices.price_detail[0].instance, Some(1.88));
    assert!(
        prices.list_price_detail.is_empty(),
        "a value of the wrong shape does not fill the field"
    );
    assert_eq!(
        prices.unknown_fields.get("ListPriceDetail"),
        Some(&json!("not a list")),
        "but it is kept"
    );

    let created: CreateCompShareInstanceResponse =
        decode(json!({"RetCode": 0, "UHostIds": "uhost-1"}));
    assert_eq!(
        created.u_host_ids,
        ["uhost-1"],
        "a lone value where an array belongs is read as one"
    );
    assert_eq!(
        created.unknown_fields.get("UHostIds"),
        Some(&json!("uhost-1")),
        "and kept as it arrived"
    );
}

#[test]
fn flags_and_progress_in_text() {
    let progress: GetCompShareImageCreateProgressResponse =
        decode(json!({"RetCode": 0, "Process": "42.5"}));
    assert_eq!(progress.process, 42.5);
    let terminated: TerminateUlHostInstanceResponse =
        decode(json!({"RetCode": 0, "InRecycle": "Yes"}));
    assert!(terminated.in_recycle);
}

#[test]
fn stored_responses_read_back_through_serde() {
    let text = r#"{"TotalCount": "3", "UHostSet": [{"UHostId": "uhost-1", "State": "Running"}]}"#;
    let resp: DescribeCompShareInstanceResponse = serde_json::from_str(text).unwrap();
    assert_eq!(resp.u_host_set[0].state, Some(State::Running));
    let again: DescribeCompShareInstanceResponse =
        serde_json::from_value(serde_json::to_value(&resp).unwrap()).unwrap();
    assert_eq!(again, resp);
}
