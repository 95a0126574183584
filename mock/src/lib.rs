//! A mock of the CompShare API, for testing code that calls it.
//!
//! [`Mock::start`] serves the whole API on `127.0.0.1` on a free port, in your test's tokio
//! runtime, and [`Mock::client`] is a [`compshare::Client`] pointed at it with the mock's test
//! key pair. The mock behaves like the API at the edges: it checks the signature, the
//! `Action` and every param against the spec's rules (with the same generated rules the
//! client uses), accepts form, JSON and GET requests, and answers with the API's envelope and an
//! `X-UCLOUD-REQUEST-UUID` header. Each action answers with its spec's response example (its
//! placeholder values replaced by ones that fit their fields, and members named like a request
//! param answering with its value), or a valid response with default fields, unless a rule
//! says otherwise.
//!
//! # Rules
//!
//! [`Mock::on`] adds a rule for one action, with typed requests and responses: which requests
//! it answers ([`matching`](StubBuilder::matching)), how many ([`times`](StubBuilder::times)),
//! and with what: a response, an API error, a raw HTTP answer for fault tests, or a sequence of
//! them for retry tests. An action's rules are tried in the order they were added; once an
//! action has rules, a request none of them answers gets the API error
//! [`codes::NO_MATCHING_RULE`] and is listed by [`Mock::unmatched`].
//!
//! # Recorded requests
//!
//! Every request is recorded (or the latest ones, with [`MockBuilder::record`]).
//! [`Mock::received`] reads an action's requests back as typed requests, the way the generated
//! code reads wire params; [`Mock::requests`] lists them raw; [`Mock::clear_requests`] forgets
//! them.
//!
//! ```
//! use compshare::actions::create_comp_share_instance::{GpuType, MachineType};
//! use compshare::{CreateCompShareInstanceRequest, CreateCompShareInstanceResponse};
//! use compshare_mock::Mock;
//!
//! /// The code under test: one 4090 instance.
//! async fn launch(client: &compshare::Client) -> Result<Vec<String>, compshare::Error> {
//!     let created = client
//!         .create_comp_share_instance()
//!         .comp_share_image_id("compshareImage-xxxx")
//!         .machine_type(MachineType::G)
//!         .gpu_type("4090")
//!         .gpu(1)
//!         .cpu(16)
//!         .memory(65536)
//!         .send()
//!         .await?;
//!     Ok(created.u_host_ids)
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let mock = Mock::start().await;
//! let mut answer = CreateCompShareInstanceResponse::default();
//! answer.u_host_ids = vec!["uhost-1".into()];
//! mock.on::<CreateCompShareInstanceRequest>().respond(answer);
//!
//! assert_eq!(launch(&mock.client()).await.unwrap(), ["uhost-1"]);
//!
//! let created = mock.received::<CreateCompShareInstanceRequest>();
//! assert_eq!(created.len(), 1);
//! assert_eq!(created[0].gpu_type, GpuType::from("4090"));
//! # }
//! ```
//!
//! # Stateful resources
//!
//! With [`MockBuilder::stateful`], resources keep state, and each keeps what its create
//! request set (name, region, zone, sizes, image, charge type, disks):
//!
//! - Instances: CreateCompShareInstance makes `MaxCount` instances with new `UHostId`s,
//!   DescribeCompShareInstance lists them (filtered by `UHostIds`, paged by `Offset` and
//!   `Limit`), and Start, Stop, Reboot and Terminate move their `State` through
//!   `Initializing`/`Starting` → `Running`, `Stopping` → `Stopped` and `Rebooting` →
//!   `Running`; terminated instances disappear. Each move takes
//!   [`MockBuilder::transition_delay`].
//! - Data disks: CreateAndAttachCompshareDisk, AttachCompshareDisk, DetachCompshareDisk,
//!   ResizeCompShareDisk and DeleteCompshareDisk, listed by DescribeCompshareDisk and in their
//!   instance's `DiskSet`.
//! - CFS: CreateCFS, DescribeCFS, ResizeCFS, DetachCFS and DeleteCFS; container instances
//!   (`cpod-`, made in the container zone) mount their zone's CFS with `EnableCfs` or
//!   AttachUS3.
//! - Shared bandwidth, one per zone: Create, Describe, Modify and Delete
//!   CompShareShareBandwidth.
//! - DescribeCompShareSupportZone lists the mock's zones: `cn-wlcb-01` for GPU instances and
//!   `cn-wlcb-02` for containers.
//!
//! Unknown ids, and ids of resources in another region or zone than the request's `Region` and
//! `Zone`, get [`codes::NO_SUCH_INSTANCE`], [`codes::NO_SUCH_DISK`], [`codes::NO_SUCH_CFS`]
//! or [`codes::NO_SUCH_BANDWIDTH`]; instance moves from the wrong state get
//! [`codes::WRONG_INSTANCE_STATE`], other conflicts [`codes::WRONG_RESOURCE_STATE`].
//! CreateCompShareInstance refuses what its docs rule out (an undocumented `MachineType`, a
//! negative `GPU`, none for `G`, other than one boot disk) with [`codes::INVALID_PARAMS`].
//! Each kind holds at most [`MAX_RESOURCES`] ([`MockBuilder::max_resources`]); one more gets
//! [`codes::TOO_MANY_RESOURCES`]. Rules still come first.
//!
//! # Limits
//!
//! Requests are bounded: at most [`MAX_BODY_BYTES`] of body and [`MAX_PARAMS`] params, and an
//! error lists only the first few offending params. Connections are closed when a request's
//! head is slower than [`HEADER_TIMEOUT`] or nothing moves for [`IDLE_TIMEOUT`]. Large requests
//! are answered on tokio's blocking pool, so they never hold up the others.
//!
//! # Other languages
//!
//! The `compshare-mock` binary serves the same mock for clients in any language:
//! `cargo run -q -p compshare-mock -- --port 0 --public-key PK --private-key SK`; it prints
//! `listening on http://127.0.0.1:<port>` when it is ready.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod answer;
mod builder;
pub mod codes;
mod conn;
mod defaults;
mod gateway;
mod handler;
mod ids;
mod log;
mod message;
mod paging;
mod plausible;
mod record;
mod rules;
mod server;
mod state;
mod wire;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use compshare::models::CompShareInstanceSet;
use compshare::runtime::tools::FromParams;
use compshare::{Action, Client, Config, Credential, RetryPolicy};

pub use builder::{HEADER_TIMEOUT, IDLE_TIMEOUT, MAX_BODY_BYTES, MAX_PARAMS, MockBuilder};
pub use record::Received;
pub use rules::{Reply, Stub, StubBuilder};
pub use state::{MAX_COUNT, MAX_RESOURCES};
pub use wire::Encoding;

/// The public key of the mock's default key pair.
pub const PUBLIC_KEY: &str = "compshare-mock-public-key";

/// The private key of the mock's default key pair.
pub const PRIVATE_KEY: &str = "compshare-mock-private-key";

/// A running mock of the CompShare API on `127.0.0.1`. It stops when dropped.
pub struct Mock {
    addr: SocketAddr,
    shared: Arc<handler::Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Mock {
    /// Starts a mock with the default key pair ([`PUBLIC_KEY`], [`PRIVATE_KEY`]) on a free port
    /// of 127.0.0.1, in the current tokio runtime.
    ///
    /// # Panics
    /// When 127.0.0.1 cannot be bound, or outside a tokio runtime.
    pub async fn start() -> Mock {
        Mock::builder()
            .start()
            .await
            .expect("the mock binds a free port on 127.0.0.1")
    }

    /// A mock with settings of its own.
    pub fn builder() -> MockBuilder {
        MockBuilder::default()
    }

    /// `http://127.0.0.1:<port>`, the base URL to point a client at.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the mock listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A client config for this mock: its URL and key pair, and the default retry policy's
    /// attempts with millisecond backoff, so retry tests run fast. Adjust it and build a
    /// client with [`Client::new`].
    pub fn config(&self) -> Config {
        let keys = &self.shared.keys;
        Config::new(Credential::new(&keys.public_key, &keys.private_key))
            .with_base_url(self.url())
            .with_retry(RetryPolicy {
                initial_backoff: Duration::from_millis(1),
                max_backoff: Duration::from_millis(20),
                ..RetryPolicy::default()
            })
    }

    /// A client of this mock, configured by [`Mock::config`].
    pub fn client(&self) -> Client {
        Client::new(self.config()).expect("the mock's config is valid")
    }

    /// Starts a rule for action `A`, named by its request type:
    /// `mock.on::<DescribeCompShareImagesRequest>()`.
    pub fn on<A: Action + FromParams>(&self) -> StubBuilder<A> {
        StubBuilder::new(self.shared.rules.clone())
    }

    /// Every request of action `A` received so far, in order, read back as typed requests
    /// (whatever the mock answered them).
    pub fn received<A: Action + FromParams>(&self) -> Vec<A> {
        let log = self.log();
        log.iter().filter_map(Received::read).collect()
    }

    /// Every request received so far, in order (the latest ones only, with
    /// [`MockBuilder::record`]).
    pub fn requests(&self) -> Vec<Received> {
        self.log().iter().cloned().collect()
    }

    /// Forgets every request received so far, so that [`requests`](Self::requests),
    /// [`received`](Self::received) and [`unmatched`](Self::unmatched) list only later ones.
    pub fn clear_requests(&self) {
        self.log().clear();
    }

    /// The requests of actions with rules that none of the rules answered, in order.
    pub fn unmatched(&self) -> Vec<Received> {
        self.log()
            .iter()
            .filter(|r| r.unmatched())
            .cloned()
            .collect()
    }

    /// The live instances of a stateful mock, as DescribeCompShareInstance lists them; empty
    /// for a mock that is not stateful.
    pub fn instances(&self) -> Vec<CompShareInstanceSet> {
        match &self.shared.state {
            Some(state) => state.lock().expect("state").instances(),
            None => Vec::new(),
        }
    }

    fn log(&self) -> std::sync::MutexGuard<'_, record::Log> {
        self.shared.log.lock().expect("request log")
    }
}

impl std::fmt::Debug for Mock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mock").field("url", &self.url()).finish()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        self.task.abort();
    }
}
