//! Testing your own code with the mock API: the code below must create exactly one instance,
//! with a 4090. `cargo test` runs this example as a test; run it on its own with:
//!
//! ```text
//! cargo run -q -p compshare --example test_with_mock
//! ```

use compshare::actions::create_comp_share_instance::GpuType;
use compshare::{Client, CreateCompShareInstanceRequest, MachineType};
use compshare_mock::Mock;

/// The code under test: starts a training machine with one GPU of `gpu_type`.
async fn start_trainer(client: &Client, gpu_type: &str) -> Result<String, compshare::Error> {
    let created = client
        .create_comp_share_instance()
        .name("trainer")
        .comp_share_image_id("compshareImage-xxxx")
        .machine_type(MachineType::G)
        .gpu_type(gpu_type)
        .gpu(1)
        .cpu(16)
        .memory(65536)
        .send()
        .await?;
    Ok(created.u_host_ids.into_iter().next().unwrap_or_default())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mock = Mock::builder().stateful().start().await.unwrap();

    let id = start_trainer(&mock.client(), "4090").await.unwrap();

    let created = mock.received::<CreateCompShareInstanceRequest>();
    assert_eq!(created.len(), 1, "exactly one instance");
    assert_eq!(created[0].gpu_type, GpuType::from("4090"));
    assert_eq!(mock.instances()[0].u_host_id.as_deref(), Some(id.as_str()));
    println!("{id}: one instance with a 4090");
}

#[test]
fn creates_exactly_one_instance_with_a_4090() {
    main();
}
