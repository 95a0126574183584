//! The stateful instance lifecycle, through the Rust client.

use std::time::{Duration, Instant};

use compshare::models::comp_share_instance_set::State;
use compshare::{Client, CreateCompShareInstanceRequest, StopCompShareInstanceRequest};
use compshare_mock::{MAX_QUANTITY, Mock, codes};

fn create_request(name: &str, quantity: i64) -> CreateCompShareInstanceRequest {
    CreateCompShareInstanceRequest {
        name: Some(name.into()),
        comp_share_image_id: "compshareImage-xxxx".into(),
        machine_type: "G".into(),
        gpu_type: "4090".into(),
        gpu: 1,
        cpu: 16,
        memory: 65536,
        quantity: Some(quantity),
        ..Default::default()
    }
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
        .send(create_request("many", MAX_QUANTITY + 1))
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
