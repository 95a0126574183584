//! The opt-in stateful mock: resources that create-like actions make, list actions list,
//! and other actions change or remove, as the API does.
//!
//! - [`instances`]: CreateCompShareInstance, DescribeCompShareInstance, and the moves of
//!   Start, Stop, Reboot and Terminate through the documented states.
//! - [`disks`]: data disks created, attached, detached, resized and deleted, listed by
//!   DescribeCompshareDisk and in their instance's `DiskSet`.
//! - [`cfs`]: CFS file storage, and [`bandwidth`]: shared bandwidth, one per zone.
//! - [`zones`]: the zones DescribeCompShareSupportZone lists, one of them for containers.
//! - [`place`]: an action on a resource whose `Region` or `Zone` is not the resource's finds
//!   no resource.
//!
//! Every resource keeps what its create request set. Nothing runs in the background: states
//! are settled when they are read. Each kind holds at most [`MAX_RESOURCES`] (or the
//! builder's limit), so a long-running mock's memory stays bounded.

mod bandwidth;
mod cfs;
mod disks;
mod instances;
mod place;
mod zones;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use compshare::models::CompShareInstanceSet;
use compshare::runtime::tools::{FromParams, ToJson, from_params};
use compshare::{AttachUs3Request, CreateCompShareInstanceRequest};

use crate::answer::Outgoing;
use crate::codes;
use crate::ids::Ids;

pub use instances::MAX_COUNT;
use place::Place;

/// The most resources of each kind (instances, data disks, CFS, shared bandwidth) a stateful
/// mock holds at once, by default: 10,000. One more gets [`codes::TOO_MANY_RESOURCES`].
pub const MAX_RESOURCES: usize = 10_000;

/// Every resource of a stateful mock.
#[derive(Debug)]
pub(crate) struct State {
    instances: instances::Instances,
    disks: disks::Disks,
    cfs: cfs::Cfs,
    bandwidth: bandwidth::Bandwidths,
}

impl State {
    /// Nothing yet; instance transitions take `delay`; each kind holds at most `limit`.
    pub fn new(delay: Duration, limit: usize) -> Self {
        Self {
            instances: instances::Instances::new(delay, limit),
            disks: disks::Disks::new(limit),
            cfs: cfs::Cfs::new(limit),
            bandwidth: bandwidth::Bandwidths::new(limit),
        }
    }

    /// Whether the state may answer `action`.
    pub fn handles(action: &str) -> bool {
        let groups = [
            instances::ACTIONS,
            disks::ACTIONS,
            cfs::ACTIONS,
            bandwidth::ACTIONS,
            zones::ACTIONS,
            &["AttachUS3"],
        ];
        groups.iter().any(|actions| actions.contains(&action))
    }

    /// Answers an action it [`handles`](Self::handles), or `None` to leave it to the
    /// defaults; the params have been validated.
    pub fn answer(
        &mut self,
        action: &str,
        params: &[(String, String)],
        ids: &Ids,
    ) -> Option<Outgoing> {
        if let Some(answer) = place::misplaced(self, action, params) {
            return Some(answer);
        }
        let answer = match action {
            "CreateCompShareInstance" => {
                let r: CreateCompShareInstanceRequest = read(params);
                let created = self.instances.create(&r, ids);
                if let (Ok(created), Some(true)) = (&created, r.enable_cfs) {
                    self.cfs.mount_new(r.zone.as_deref(), &created.u_host_ids);
                }
                reply(action, created)
            }
            "TerminateCompShareInstance" => {
                let answer = self.instances.answer(action, params);
                if answer.code == Some(0) {
                    let r: compshare::TerminateCompShareInstanceRequest = read(params);
                    self.cfs.instance_gone(&r.u_host_id);
                    self.disks.instance_gone(r);
                }
                answer
            }
            // For a container instance, AttachUS3 attaches its zone's CFS; US3 itself is not
            // modelled.
            "AttachUS3" => {
                let r: AttachUs3Request = read(params);
                if !r.u_host_id.starts_with("cpod-") {
                    return None;
                }
                match self.instances.get_mut(action, &r.u_host_id) {
                    Ok(host) => {
                        let place = Place::of_instance(host);
                        self.cfs.attach(&r.u_host_id, place, ids)
                    }
                    Err(answer) => answer,
                }
            }
            _ if instances::ACTIONS.contains(&action) => self.instances.answer(action, params),
            _ if disks::ACTIONS.contains(&action) => {
                self.disks.answer(action, params, ids, &mut self.instances)
            }
            _ if cfs::ACTIONS.contains(&action) => self.cfs.answer(action, params, ids),
            _ if bandwidth::ACTIONS.contains(&action) => self.bandwidth.answer(action, params, ids),
            _ if zones::ACTIONS.contains(&action) => zones::answer(params),
            _ => return None,
        };
        Some(answer)
    }

    /// Every live instance as DescribeCompShareInstance lists it.
    pub fn instances(&mut self) -> Vec<CompShareInstanceSet> {
        self.instances.list()
    }
}

/// The typed request of validated params.
fn read<A: FromParams>(params: &[(String, String)]) -> A {
    from_params::<A>(params).0
}

/// A success with `response`, or the error.
fn reply<R: ToJson>(action: &str, result: Result<R, Outgoing>) -> Outgoing {
    match result {
        Ok(response) => Outgoing::success(action, response.to_json()),
        Err(answer) => answer,
    }
}

/// The Unix time now, in seconds.
fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The API error for an id no live resource has.
fn not_found(action: &str, code: i64, what: &str, id: &str) -> Outgoing {
    Outgoing::api_error(
        Some(action),
        code,
        format!("{what} {id} does not exist or was deleted"),
    )
}

/// The API error for a create that would hold more than `limit` resources of a kind.
fn too_many(action: &str, what: &str, limit: usize) -> Outgoing {
    Outgoing::api_error(
        Some(action),
        codes::TOO_MANY_RESOURCES,
        format!(
            "the mock holds at most {limit} {what} at once (MockBuilder::max_resources, --max-resources): delete some first"
        ),
    )
}
