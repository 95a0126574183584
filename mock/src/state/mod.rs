//! The opt-in stateful mock: resources that create-like actions make, list actions list,
//! and other actions change or remove, as the API does.
//!
//! - [`instances`]: CreateCompShareInstance, DescribeCompShareInstance, and the moves of
//!   Start, Stop, Reboot and Terminate through the documented states.
//! - [`disks`]: data disks created, attached, detached, resized and deleted, listed by
//!   DescribeCompshareDisk and in their instance's `DiskSet`.
//! - [`cfs`]: CFS file storage, and [`bandwidth`]: shared bandwidth, one per zone.
//! - [`zones`]: the zones DescribeCompShareSupportZone lists, one of them for containers.
//!
//! Every resource keeps what its create request set. Nothing runs in the background: states
//! are settled when they are read.

mod bandwidth;
mod cfs;
mod disks;
mod instances;
mod zones;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use compshare::models::CompShareInstanceSet;
use compshare::runtime::codegen_support::{FromParams, ToJson, from_params};
use compshare::{AttachUs3Request, CreateCompShareInstanceRequest};

use crate::answer::Answer;
use crate::ids::Ids;

pub use instances::MAX_COUNT;

/// Every resource of a stateful mock.
#[derive(Debug)]
pub(crate) struct State {
    instances: instances::Instances,
    disks: disks::Disks,
    cfs: cfs::Cfs,
    bandwidth: bandwidth::Bandwidths,
}

impl State {
    /// Nothing yet; instance transitions take `delay`.
    pub fn new(delay: Duration) -> Self {
        Self {
            instances: instances::Instances::new(delay),
            disks: disks::Disks::default(),
            cfs: cfs::Cfs::default(),
            bandwidth: bandwidth::Bandwidths::default(),
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
    ) -> Option<Answer> {
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
                    self.disks.instance_gone(read(params));
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
                        let (region, zone) = (host.region.clone(), host.zone.clone());
                        self.cfs.attach(&r.u_host_id, region, zone, ids)
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
fn reply<R: ToJson>(action: &str, result: Result<R, Answer>) -> Answer {
    match result {
        Ok(response) => Answer::success(action, response.to_json()),
        Err(answer) => answer,
    }
}

/// The Unix time now, in seconds.
fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The page of `items` at `offset`, at most `limit` long (`default` when not given).
fn page<T: Clone>(items: &[T], offset: Option<i64>, limit: Option<i64>, default: i64) -> Vec<T> {
    let offset = usize::try_from(offset.unwrap_or(0)).unwrap_or(0);
    let limit = usize::try_from(limit.unwrap_or(default)).unwrap_or(0);
    items.iter().skip(offset).take(limit).cloned().collect()
}

/// The API error for an id no live resource has.
fn not_found(action: &str, code: i64, what: &str, id: &str) -> Answer {
    Answer::api_error(
        Some(action),
        code,
        format!("{what} {id} does not exist or was deleted"),
    )
}
