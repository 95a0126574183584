//! The stateful instance lifecycle, through the Rust client.

use std::time::{Duration, Instant};

use compshare::models::comp_share_instance_set::State;
use compshare::{Client, CreateCompShareInstanceRequest, StopCompShareInstanceRequest};
use compshare_mock::{MAX_COUNT, Mock, codes};

fn create_request(name: &str, count: i64) -> CreateCompShareInstanceRequest {
    CreateCompShareInstanceRequest::default()
        .name(name)
        .comp_share_image_id("compshareImage-xxxx")
        .machine_type("G")
        .gpu_type("4090")
        .gpu(1)
        .cpu(16)
        .memory(65536)
        .max_count(count)
}

async fn state_of(client: &Client, id: &str) -> Option<State> {
    let page = client
        .describe_comp_share_instance()
        .u_host_ids(vec![id.to_owned()])
        .send()
        .await
        .unwrap();
    page.u_host_set.into_iter().next().and_then(|i| i.state)
}

#[tokio::test]
async fn instances_are_created_listed_moved_and_terminated() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();

    let ids = client
        .send(create_request("trainer", 3))
        .await
        .unwrap()
        .u_host_ids;
    assert_eq!(ids.len(), 3);
    assert!(ids.iter().all(|id| id.starts_with("uhost-")), "{ids:?}");
    let other = client
        .send(create_request("other", 1))
        .await
        .unwrap()
        .u_host_ids;

    // Listed in the order created; filtered by id; paged.
    let all = client.describe_comp_share_instance().send().await.unwrap();
    assert_eq!(all.total_count, 4);
    let listed: Vec<_> = all
        .u_host_set
        .iter()
        .map(|i| i.u_host_id.clone().unwrap())
        .collect();
    assert_eq!(listed, [ids.clone(), other.clone()].concat());
    let first = &all.u_host_set[0];
    assert_eq!(first.state, Some(State::Running));
    assert_eq!(first.gpu_type.as_deref(), Some("4090"));
    assert_eq!(
        (first.gpu, first.cpu, first.memory),
        (Some(1), Some(16), Some(65536))
    );
    assert_eq!(first.name.as_deref(), Some("trainer"));
    assert_eq!(first.zone.as_deref(), Some("cn-wlcb-01"));

    let page = client
        .describe_comp_share_instance()
        .offset(1)
        .limit(2)
        .send()
        .await
        .unwrap();
    assert_eq!(page.total_count, 4);
    let paged: Vec<_> = page
        .u_host_set
        .iter()
        .map(|i| i.u_host_id.clone().unwrap())
        .collect();
    assert_eq!(paged, &listed[1..3]);
    let picked = client
        .describe_comp_share_instance()
        .u_host_ids(vec![other[0].clone(), "uhost-nope".into()])
        .send()
        .await
        .unwrap();
    assert_eq!(picked.total_count, 1);

    // Stop, start, reboot, terminate.
    let id = ids[0].as_str();
    client
        .stop_comp_share_instance()
        .u_host_id(id)
        .send()
        .await
        .unwrap();
    assert_eq!(state_of(&client, id).await, Some(State::Stopped));
    client
        .start_comp_share_instance()
        .u_host_id(id)
        .send()
        .await
        .unwrap();
    assert_eq!(state_of(&client, id).await, Some(State::Running));
    let rebooted = client
        .reboot_comp_share_instance()
        .u_host_id(id)
        .send()
        .await
        .unwrap();
    assert_eq!(rebooted.u_host_id, id);
    assert_eq!(state_of(&client, id).await, Some(State::Running));
    client
        .terminate_comp_share_instance()
        .u_host_id(id)
        .send()
        .await
        .unwrap();
    assert_eq!(state_of(&client, id).await, None);
    assert_eq!(mock.instances().len(), 3);

    // Paging walks what is left.
    use futures_util::StreamExt;
    let walked: Vec<_> = client
        .describe_comp_share_instance()
        .limit(1)
        .paginate()
        .items()
        .map(|i| i.unwrap().u_host_id.unwrap())
        .collect()
        .await;
    assert_eq!(walked, &listed[1..]);
}

#[tokio::test]
async fn instances_keep_what_create_set() {
    use compshare::actions::create_comp_share_instance::ChargeType;
    use compshare::models::CreateCompShareInstanceParamDisks;

    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();
    let disk = |boot: bool, size: i64| {
        CreateCompShareInstanceParamDisks::default()
            .is_boot(boot)
            .r#type("CLOUD_SSD")
            .size(size)
    };
    let request = create_request("kept", 2)
        .region("cn-zj")
        .zone("cn-zj-01")
        .charge_type(ChargeType::Postpay)
        // Quantity is how long the instances are bought for; MaxCount how many.
        .quantity(3)
        .remark("driver:535")
        .disks([disk(true, 100), disk(false, 200)]);
    let ids = client.send(request).await.unwrap().u_host_ids;
    assert_eq!(ids.len(), 2);
    let listed = client.describe_comp_share_instance().send().await.unwrap();
    let host = &listed.u_host_set[1];
    assert_eq!(host.u_host_id.as_ref(), Some(&ids[1]));
    assert_eq!(
        (
            host.name.as_deref(),
            host.region.as_deref(),
            host.zone.as_deref()
        ),
        (Some("kept"), Some("cn-zj"), Some("cn-zj-01"))
    );
    assert_eq!(
        (host.gpu_type.as_deref(), host.gpu, host.cpu, host.memory),
        (Some("4090"), Some(1), Some(16), Some(65536))
    );
    assert_eq!(host.machine_type.as_deref(), Some("G"));
    assert_eq!(
        host.comp_share_image_id.as_deref(),
        Some("compshareImage-xxxx")
    );
    assert_eq!(
        host.charge_type.as_ref().map(|c| c.as_str()),
        Some("Postpay")
    );
    assert_eq!(host.remark.as_deref(), Some("driver:535"));
    let disks: Vec<_> = (host.disk_set.iter())
        .map(|d| (d.is_boot, d.disk_type.as_str(), d.size))
        .collect();
    assert_eq!(
        disks,
        [
            (true, "CLOUD_SSD", Some(100)),
            (false, "CLOUD_SSD", Some(200))
        ]
    );
    assert_eq!(host.total_disk_space, Some(300));
}

#[tokio::test]
async fn unknown_ids_and_wrong_states_are_api_errors() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    let client = mock.client();
    let id = client
        .send(create_request("x", 1))
        .await
        .unwrap()
        .u_host_ids[0]
        .clone();

    let err = client
        .start_comp_share_instance()
        .u_host_id(&id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::WRONG_INSTANCE_STATE));
    assert!(
        err.to_string()
            .contains("is Running; StartCompShareInstance needs it Stopped"),
        "{err}"
    );

    client
        .terminate_comp_share_instance()
        .u_host_id(&id)
        .send()
        .await
        .unwrap();
    for result in [
        client
            .stop_comp_share_instance()
            .u_host_id(&id)
            .send()
            .await
            .map(drop),
        client
            .terminate_comp_share_instance()
            .u_host_id(&id)
            .send()
            .await
            .map(drop),
        client
            .reboot_comp_share_instance()
            .u_host_id("uhost-nope")
            .send()
            .await
            .map(drop),
    ] {
        let err = result.unwrap_err();
        assert_eq!(err.code(), Some(codes::NO_SUCH_INSTANCE), "{err}");
        assert!(
            err.to_string().contains("does not exist or was terminated"),
            "{err}"
        );
    }

    let err = client
        .send(create_request("many", MAX_COUNT + 1))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(codes::INVALID_PARAMS));
}

#[tokio::test]
async fn transitions_take_the_configured_delay() {
    let delay = Duration::from_millis(300);
    let mock = Mock::builder()
        .stateful()
        .transition_delay(delay)
        .start()
        .await
        .unwrap();
    let client = mock.client();

    let started = Instant::now();
    let id = client
        .send(create_request("slow", 1))
        .await
        .unwrap()
        .u_host_ids[0]
        .clone();
    let seen = state_of(&client, &id).await;
    if started.elapsed() < delay {
        assert_eq!(seen, Some(State::Initializing));
        // Busy instances cannot be moved.
        let err = client
            .stop_comp_share_instance()
            .u_host_id(&id)
            .send()
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some(codes::WRONG_INSTANCE_STATE));
    }
    tokio::time::sleep(delay).await;
    assert_eq!(state_of(&client, &id).await, Some(State::Running));

    let stopping = Instant::now();
    client
        .stop_comp_share_instance()
        .u_host_id(&id)
        .send()
        .await
        .unwrap();
    let seen = state_of(&client, &id).await;
    if stopping.elapsed() < delay {
        assert_eq!(seen, Some(State::Stopping));
    }
    tokio::time::sleep(delay).await;
    assert_eq!(state_of(&client, &id).await, Some(State::Stopped));
}

#[tokio::test]
async fn rules_come_before_state() {
    let mock = Mock::builder().stateful().start().await.unwrap();
    mock.on::<StopCompShareInstanceRequest>()
        .fail(226605, "an update task exists");
    let client = mock.client();
    let id = client
        .send(create_request("x", 1))
        .await
        .unwrap()
        .u_host_ids[0]
        .clone();
    let err = client
        .stop_comp_share_instance()
        .u_host_id(&id)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(226605));
    assert_eq!(mock.instances()[0].state, Some(State::Running));
}
