//! The stateful mock refuses what the server refuses: actions on a resource in another region
//! or zone, instances the docs rule out, and more resources than it holds.

use compshare::actions::create_and_attach_compshare_disk::DiskType;
use compshare::models::CreateCompShareInstanceParamDisks;
use compshare::{Client, CreateCompShareInstanceRequest, Error};
use compshare_mock::{MAX_RESOURCES, Mock, codes};

fn create(zone: &str, count: i64) -> CreateCompShareInstanceRequest {
    CreateCompShareInstanceRequest::default()
        .zone(zone)
        .comp_share_image_id("compshareImage-xxxx")
        .machine_type("G")
        .gpu_type("4090")
        .gpu(1)
        .cpu(16)
        .memory(65536)
        .max_count(count)
}

async fn instance(client: &Client, zone: &str) -> String {
    client
        .send(create(zone, 1))
        .await
        .unwrap()
        .u_host_ids
        .remove(0)
}

/// The error's code and text, without its request id.
fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> (i64, String) {
    let error = result.unwrap_err();
    let text = error.to_string();
    let text = text.split(" (request id").next().unwrap().to_owned();
    (error.code().unwrap(), text)
}

#[tokio::test]
async fn resources_are_found_only_in_their_region_and_zone() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();
    let host = instance(&client, "cn-wlcb-01").await;

    // As the tester found: Stop with another zone used to stop the instance.
    let elsewhere = client
        .stop_comp_share_instance()
        .u_host_id(&host)
        .zone("cn-sh2-02");
    let (code_, message) = code(elsewhere.send().await);
    assert_eq!(code_, codes::NO_SUCH_INSTANCE);
    let unknown = client.stop_comp_share_instance().u_host_id("uhost-nope");
    let (_, unknown_message) = code(unknown.send().await);
    assert_eq!(
        message.replace(&host, "ID"),
        unknown_message.replace("uhost-nope", "ID"),
        "the same error as an unknown id"
    );
    let other_region = client
        .reboot_comp_share_instance()
        .u_host_id(&host)
        .region("cn-sh2");
    assert_eq!(code(other_region.send().await).0, codes::NO_SUCH_INSTANCE);
    let here = client.stop_comp_share_instance().u_host_id(&host);
    here.zone("cn-wlcb-01").send().await.unwrap();

    let disk = client
        .create_and_attach_compshare_disk()
        .u_host_id(&host)
        .size(100)
        .disk_type(DiskType::SsdDataDisk)
        .name("data")
        .send()
        .await
        .unwrap()
        .u_disk_id
        .unwrap();
    let resize = || client.resize_comp_share_disk().u_disk_id(&disk).size(200);
    assert_eq!(
        code(resize().zone("cn-wlcb-02").send().await).0,
        codes::NO_SUCH_DISK
    );
    resize().send().await.unwrap();

    let pod_zone = |b: compshare::CreateCfsBuilder| b.zone("cn-wlcb-02");
    pod_zone(client.create_cfs().name("c").size(100))
        .send()
        .await
        .unwrap();
    let cfs = client.describe_cfs().send().await.unwrap().cfs_set[0]
        .cfs_id
        .clone()
        .unwrap();
    let resize_cfs = || client.resize_cfs().cfs_id(&cfs).size(200);
    assert_eq!(code(resize_cfs().send().await).0, codes::NO_SUCH_CFS);
    resize_cfs().zone("cn-wlcb-02").send().await.unwrap();

    let bandwidth = client
        .create_comp_share_share_bandwidth()
        .share_bandwidth(100)
        .send()
        .await
        .unwrap()
        .company_share_bandwidth
        .unwrap()
        .share_bandwidth_id
        .unwrap();
    let modify = || {
        client
            .modify_comp_share_share_bandwidth()
            .share_bandwidth_id(&bandwidth)
            .share_bandwidth(200)
    };
    assert_eq!(
        code(modify().zone("cn-wlcb-02").send().await).0,
        codes::NO_SUCH_BANDWIDTH
    );
    modify().send().await.unwrap();
}

#[tokio::test]
async fn instances_the_docs_rule_out_are_refused_naming_each_param() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();
    let boot = |size: i64| {
        CreateCompShareInstanceParamDisks::default()
            .is_boot(true)
            .r#type("CLOUD_SSD")
            .size(size)
    };
    // The client's own rules let all of these through: the spec has no minimum for GPU, and
    // MachineType is an open list.
    let bad = create("cn-wlcb-01", 1)
        .gpu(-1)
        .machine_type("ZZZ")
        .disks([boot(100), boot(200)]);
    let (code_, message) = code(client.send(bad).await);
    assert_eq!(code_, codes::INVALID_PARAMS);
    assert!(
        message.contains(
            "Params [MachineType, GPU, Disks] invalid: MachineType must be one of N, C, G,"
        ),
        "{message}"
    );
    assert!(message.contains("(got \"ZZZ\")"), "{message}");
    assert!(
        message.contains("GPU must be at least 0 (got \"-1\")"),
        "{message}"
    );
    assert!(
        message.contains(
            "Disks must be a list with exactly one boot disk (IsBoot true) (got \"2 boot disks\")"
        ),
        "{message}"
    );
    let no_gpu = create("cn-wlcb-01", 1).gpu(0);
    let (_, message) = code(client.send(no_gpu).await);
    assert!(message.contains("GPU must be at least 1"), "{message}");
    let none = create("cn-wlcb-01", 0);
    let (_, message) = code(client.send(none).await);
    assert!(message.contains("MaxCount must be at least 1"), "{message}");
    assert!(mock.instances().is_empty());

    // A CPU machine type takes no GPU; one boot disk; three at once.
    let cpu = create("cn-wlcb-01", 3)
        .gpu(0)
        .machine_type("N")
        .disks([boot(100)]);
    assert_eq!(client.send(cpu).await.unwrap().u_host_ids.len(), 3);
    assert_eq!(mock.instances().len(), 3);
}

#[tokio::test]
async fn each_kind_of_resource_holds_at_most_its_limit() {
    assert_eq!(MAX_RESOURCES, 10_000);
    let mock = Mock::builder()
        .stateful()
        .max_resources(2)
        .start()
        .await
        .unwrap();
    let client = mock.client();
    let ids = client
        .send(create("cn-wlcb-01", 2))
        .await
        .unwrap()
        .u_host_ids;
    let (code_, message) = code(client.send(create("cn-wlcb-01", 1)).await);
    assert_eq!(code_, codes::TOO_MANY_RESOURCES);
    assert!(message.contains("at most 2 instances"), "{message}");
    let terminate = client.terminate_comp_share_instance().u_host_id(&ids[0]);
    terminate.send().await.unwrap();
    client.send(create("cn-wlcb-01", 1)).await.unwrap();

    let disk = || {
        client
            .create_and_attach_compshare_disk()
            .u_host_id(&ids[1])
            .size(10)
            .disk_type(DiskType::SsdDataDisk)
            .name("d")
            .send()
    };
    disk().await.unwrap();
    disk().await.unwrap();
    assert_eq!(code(disk().await).0, codes::TOO_MANY_RESOURCES);

    let cfs = |zone: &str| client.create_cfs().name("c").size(50).zone(zone).send();
    cfs("a").await.unwrap();
    cfs("b").await.unwrap();
    assert_eq!(code(cfs("c").await).0, codes::TOO_MANY_RESOURCES);

    // One shared bandwidth per zone, but any text names a zone.
    let bandwidth = |zone: &str| {
        (client.create_comp_share_share_bandwidth())
            .share_bandwidth(20)
            .zone(zone)
            .send()
    };
    bandwidth("a").await.unwrap();
    bandwidth("b").await.unwrap();
    assert_eq!(code(bandwidth("c").await).0, codes::TOO_MANY_RESOURCES);
}

#[tokio::test]
async fn terminated_instances_are_unmounted_from_their_cfs() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();
    let pod_zone = |b: compshare::CreateCfsBuilder| b.zone("cn-wlcb-02");
    pod_zone(client.create_cfs().name("c").size(100))
        .send()
        .await
        .unwrap();
    let request = create("cn-wlcb-02", 1).enable_cfs(true);
    let pod = client.send(request).await.unwrap().u_host_ids.remove(0);
    let mounted = || async {
        client
            .describe_cfs()
            .send()
            .await
            .unwrap()
            .cfs_set
            .remove(0)
    };
    assert_eq!(mounted().await.mounted_u_host_ids, [pod.as_str()]);
    let terminate = client.terminate_comp_share_instance().u_host_id(&pod);
    terminate.zone("cn-wlcb-02").send().await.unwrap();
    let cfs = mounted().await;
    assert!(cfs.mounted_u_host_ids.is_empty(), "{cfs:?}");
    assert_eq!(cfs.mount_status.as_deref(), Some("Unmounted"));
}
