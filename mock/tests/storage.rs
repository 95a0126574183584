//! The stateful mock's data disks, CFS, shared bandwidth and zones, through the Rust client.

use compshare::actions::create_and_attach_compshare_disk::DiskType;
use compshare::{Client, CreateCompShareInstanceRequest, Error};
use compshare_mock::{Mock, codes};

async fn stateful() -> (Mock, Client) {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();
    (mock, client)
}

async fn instance(client: &Client, zone: &str, enable_cfs: bool) -> String {
    let request = CreateCompShareInstanceRequest::default()
        .zone(zone)
        .comp_share_image_id("compshareImage-xxxx")
        .machine_type("G")
        .gpu_type("4090")
        .gpu(1)
        .cpu(16)
        .memory(65536)
        .enable_cfs(enable_cfs);
    client.send(request).await.unwrap().u_host_ids.remove(0)
}

fn code<T: std::fmt::Debug>(result: Result<T, Error>) -> Option<i64> {
    result.unwrap_err().code()
}

#[tokio::test]
async fn disks_are_created_attached_detached_resized_and_deleted() {
    let (_mock, client) = stateful().await;
    let host = instance(&client, "cn-wlcb-01", false).await;
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
    let list = || async {
        client
            .describe_compshare_disk()
            .send()
            .await
            .unwrap()
            .disk_set
    };
    let listed = list().await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].resource_id.as_deref(), Some(disk.as_str()));
    assert_eq!(listed[0].status.as_deref(), Some("InUse"));
    assert_eq!(listed[0].mount_instance.as_deref(), Some(host.as_str()));
    assert_eq!(listed[0].configuration.as_deref(), Some("100GB"));
    let described = client.describe_comp_share_instance().send().await.unwrap();
    let data_disk = &described.u_host_set[0].disk_set[0];
    assert_eq!(data_disk.disk_id.as_deref(), Some(disk.as_str()));
    assert_eq!(data_disk.drive.as_deref(), Some("/dev/vdb"));

    // Attached disks cannot attach again; disks cannot shrink.
    let attach = || {
        client
            .attach_compshare_disk()
            .u_disk_id(&disk)
            .u_host_id(&host)
    };
    assert_eq!(
        code(attach().send().await),
        Some(codes::WRONG_RESOURCE_STATE)
    );
    let shrink = client.resize_comp_share_disk().u_disk_id(&disk).size(50);
    assert_eq!(code(shrink.send().await), Some(codes::INVALID_PARAMS));
    let resize = client.resize_comp_share_disk().u_disk_id(&disk).size(300);
    resize.send().await.unwrap();

    let detach = || {
        client
            .detach_compshare_disk()
            .u_disk_id(&disk)
            .device("/dev/vdb")
    };
    let detached = detach().u_host_id(&host).send().await.unwrap();
    assert_eq!(detached.u_host_id.as_deref(), Some(host.as_str()));
    assert_eq!(list().await[0].status.as_deref(), Some("Available"));
    assert_eq!(list().await[0].configuration.as_deref(), Some("300GB"));
    assert_eq!(
        code(detach().send().await),
        Some(codes::WRONG_RESOURCE_STATE)
    );
    let filtered = client.describe_compshare_disk().host_id(&host).send().await;
    assert!(filtered.unwrap().disk_set.is_empty());

    let attached = attach().send().await.unwrap();
    assert_eq!(attached.device_name.as_deref(), Some("/dev/vdb"));
    // Deleting an attached disk detaches it first, as the API does.
    let deleted = client.delete_compshare_disk().u_disk_id(&disk).send().await;
    assert_eq!(deleted.unwrap().u_disk_id, disk);
    assert!(list().await.is_empty());
    let described = client.describe_comp_share_instance().send().await.unwrap();
    assert!(described.u_host_set[0].disk_set.iter().all(|d| d.is_boot));
    let again = client.delete_compshare_disk().u_disk_id(&disk).send().await;
    assert_eq!(code(again), Some(codes::NO_SUCH_DISK));
    let nowhere = client
        .create_and_attach_compshare_disk()
        .u_host_id("uhost-nope")
        .size(100)
        .disk_type(DiskType::SsdDataDisk)
        .name("x")
        .send()
        .await;
    assert_eq!(code(nowhere), Some(codes::NO_SUCH_INSTANCE));
}

#[tokio::test]
async fn terminating_an_instance_deletes_or_detaches_its_disks() {
    let (_mock, client) = stateful().await;
    for release in [false, true] {
        let host = instance(&client, "cn-wlcb-01", false).await;
        let create = client
            .create_and_attach_compshare_disk()
            .u_host_id(&host)
            .size(100)
            .disk_type(DiskType::SsdDataDisk)
            .name("data");
        let disk = create.send().await.unwrap().u_disk_id.unwrap();
        let terminate = client.terminate_comp_share_instance().u_host_id(&host);
        terminate.release_u_disk(release).send().await.unwrap();
        let left = client
            .describe_compshare_disk()
            .send()
            .await
            .unwrap()
            .disk_set;
        let kept = left
            .iter()
            .find(|d| d.resource_id.as_deref() == Some(&disk));
        match release {
            true => assert!(kept.is_none(), "{left:?}"),
            false => assert_eq!(kept.unwrap().status.as_deref(), Some("Available")),
        }
    }
}

#[tokio::test]
async fn cfs_is_bought_listed_resized_mounted_detached_and_deleted() {
    let (_mock, client) = stateful().await;
    let pod_zone = |b: compshare::CreateCfsBuilder| b.region("cn-wlcb").zone("cn-wlcb-02");
    pod_zone(client.create_cfs().name("train").size(100))
        .send()
        .await
        .unwrap();
    let list = || async { client.describe_cfs().send().await.unwrap().cfs_set };
    let cfs = list().await.remove(0);
    let id = cfs.cfs_id.clone().unwrap();
    assert!(id.starts_with("cfs-"), "{id}");
    assert_eq!((cfs.name.as_deref(), cfs.size), (Some("train"), Some(100)));
    assert_eq!(cfs.zone_id, Some(2));
    assert_eq!(cfs.charge_type.as_ref().map(|c| c.as_str()), Some("Month"));
    assert_eq!(cfs.mount_status.as_deref(), Some("Unmounted"));

    // The CFS is in the container zone: requests name it (the client's zone is cn-wlcb-01).
    let in_zone = |b: compshare::ResizeCfsBuilder| b.zone("cn-wlcb-02");
    in_zone(client.resize_cfs().cfs_id(&id).size(200))
        .send()
        .await
        .unwrap();
    let shown = client.describe_cfs().cfs_id(&id).send().await.unwrap();
    assert_eq!(shown.cfs_set[0].size, Some(200));

    // Container instances mount their zone's CFS; other zones' instances do not.
    let pod = instance(&client, "cn-wlcb-02", true).await;
    assert!(pod.starts_with("cpod-"), "{pod}");
    instance(&client, "cn-wlcb-01", true).await;
    assert_eq!(list().await[0].mounted_u_host_ids, [pod.as_str()]);

    let delete = || client.delete_cfs().cfs_id(&id).zone("cn-wlcb-02");
    assert_eq!(
        code(delete().send().await),
        Some(codes::WRONG_RESOURCE_STATE)
    );
    let detach = || client.detach_cfs().u_host_id(&pod).zone("cn-wlcb-02");
    detach().send().await.unwrap();
    assert_eq!(code(detach().send().await), Some(codes::NO_SUCH_CFS));
    // AttachUS3 on a container instance mounts the CFS again; Recycle deletes it anyway.
    let attach = || client.attach_us3().u_host_id(&pod).zone("cn-wlcb-02");
    attach().send().await.unwrap();
    assert_eq!(list().await[0].mount_status.as_deref(), Some("Mounted"));
    delete().recycle(true).send().await.unwrap();
    assert!(list().await.is_empty());
    assert_eq!(code(delete().send().await), Some(codes::NO_SUCH_CFS));
    let resize = in_zone(client.resize_cfs().cfs_id(&id).size(300))
        .send()
        .await;
    assert_eq!(code(resize), Some(codes::NO_SUCH_CFS));

    // With no CFS in the zone, AttachUS3 buys 50 GB.
    attach().send().await.unwrap();
    let bought = list().await;
    assert_eq!(
        (bought[0].size, &bought[0].mounted_u_host_ids),
        (Some(50), &vec![pod])
    );
}

#[tokio::test]
async fn shared_bandwidth_is_bought_listed_modified_and_deleted() {
    let (_mock, client) = stateful().await;
    let describe = || async {
        let described = client.describe_comp_share_share_bandwidth().send().await;
        described.unwrap().company_share_bandwidth
    };
    assert!(describe().await.is_none());
    let created = client
        .create_comp_share_share_bandwidth()
        .share_bandwidth(100)
        .send()
        .await
        .unwrap();
    let info = created.company_share_bandwidth.unwrap();
    let id = info.share_bandwidth_id.clone().unwrap();
    assert!(id.starts_with("bwshare-"), "{id}");
    assert!(created.order_no.is_some());
    assert_eq!(describe().await, Some(info));
    let second = client
        .create_comp_share_share_bandwidth()
        .share_bandwidth(100)
        .send()
        .await;
    assert_eq!(code(second), Some(codes::WRONG_RESOURCE_STATE));
    // Another zone has none.
    let elsewhere = client
        .describe_comp_share_share_bandwidth()
        .zone("cn-wlcb-02");
    assert!(
        elsewhere
            .send()
            .await
            .unwrap()
            .company_share_bandwidth
            .is_none()
    );

    let modify = client.modify_comp_share_share_bandwidth();
    modify
        .share_bandwidth_id(&id)
        .share_bandwidth(300)
        .send()
        .await
        .unwrap();
    assert_eq!(describe().await.unwrap().bandwidth, Some(300));
    let delete = || {
        client
            .delete_comp_share_share_bandwidth()
            .share_bandwidth_id(&id)
    };
    assert_eq!(delete().send().await.unwrap().migrated_eip_count, Some(0));
    assert!(describe().await.is_none());
    assert_eq!(code(delete().send().await), Some(codes::NO_SUCH_BANDWIDTH));
}

#[tokio::test]
async fn zones_are_a_gpu_zone_and_a_container_zone() {
    let (_mock, client) = stateful().await;
    let zones = client
        .describe_comp_share_support_zone()
        .send()
        .await
        .unwrap();
    let listed: Vec<_> = zones
        .zone_info
        .iter()
        .map(|z| (z.region.as_deref(), z.zone.as_deref(), z.is_pod))
        .collect();
    assert_eq!(
        listed,
        [
            (Some("cn-wlcb"), Some("cn-wlcb-01"), Some(false)),
            (Some("cn-wlcb"), Some("cn-wlcb-02"), Some(true)),
        ]
    );
    let other = client.describe_comp_share_support_zone().region("cn-sh2");
    assert!(other.send().await.unwrap().zone_info.is_empty());
}
