//! Instances: created instances are listed by DescribeCompShareInstance, and Start, Stop,
//! Reboot and Terminate move them through the documented states.
//!
//! An action first moves an instance to its transitional state (`Initializing`, `Starting`,
//! `Stopping`, `Rebooting`), and the instance settles into the target state once the
//! configured delay has passed; with no delay it settles at once. CreateCompShareInstance is
//! in [`create`].

mod create;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use compshare::actions::describe_comp_share_instance::{
    DescribeCompShareInstanceRequest, DescribeCompShareInstanceResponse,
};
use compshare::models::CompShareInstanceSet;
use compshare::models::comp_share_instance_set::State;
use compshare::runtime::tools::ToJson;
use compshare::{
    RebootCompShareInstanceRequest, RebootCompShareInstanceResponse, StartCompShareInstanceRequest,
    StartCompShareInstanceResponse, StopCompShareInstanceRequest, StopCompShareInstanceResponse,
    TerminateCompShareInstanceRequest, TerminateCompShareInstanceResponse,
};

use super::place::Place;
use super::{read, reply};
use crate::answer::Outgoing;
use crate::codes;

pub use create::MAX_COUNT;

/// The actions instances answer.
pub(super) const ACTIONS: &[&str] = &[
    "CreateCompShareInstance",
    "DescribeCompShareInstance",
    "StartCompShareInstance",
    "StopCompShareInstance",
    "RebootCompShareInstance",
    "TerminateCompShareInstance",
];

/// Every live instance, in the order created.
#[derive(Debug)]
pub(super) struct Instances {
    delay: Duration,
    /// The most live instances.
    limit: usize,
    live: Vec<Instance>,
}

#[derive(Debug)]
struct Instance {
    set: CompShareInstanceSet,
    /// The state the instance settles into, and when.
    settles: Option<(State, Instant)>,
}

impl Instance {
    fn settle(&mut self, now: Instant) {
        if let Some((state, at)) = self.settles.take() {
            if now >= at {
                self.set.state = Some(state);
            } else {
                self.settles = Some((state, at));
            }
        }
    }

    fn state(&self) -> &State {
        self.set
            .state
            .as_ref()
            .expect("the mock always sets a state")
    }
}

/// A move from one of `from` through `via` to `to`.
struct Transition {
    from: &'static [State],
    via: State,
    to: State,
}

impl Instances {
    /// No instances; transitions take `delay`; at most `limit` live at once.
    pub fn new(delay: Duration, limit: usize) -> Self {
        Self {
            delay,
            limit,
            live: Vec::new(),
        }
    }

    /// Where the live instance `id` is.
    pub fn place(&self, id: &str) -> Option<Place> {
        (self.live.iter())
            .find(|i| i.set.u_host_id.as_deref() == Some(id))
            .map(|i| Place::of_instance(&i.set))
    }

    /// Every live instance as DescribeCompShareInstance lists it.
    pub fn list(&mut self) -> Vec<CompShareInstanceSet> {
        self.settle();
        self.live.iter().map(|i| i.set.clone()).collect()
    }

    /// The live instance `id`, or the API error for `action`.
    pub fn get_mut(
        &mut self,
        action: &str,
        id: &str,
    ) -> Result<&mut CompShareInstanceSet, Outgoing> {
        let index = self.find(action, id)?;
        Ok(&mut self.live[index].set)
    }

    /// Answers one of [`ACTIONS`] but CreateCompShareInstance ([`create`](Self::create)); the
    /// params have been validated.
    pub fn answer(&mut self, action: &str, params: &[(String, String)]) -> Outgoing {
        self.settle();
        match action {
            "DescribeCompShareInstance" => self.describe(read(params)),
            "StartCompShareInstance" => {
                let r: StartCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, START);
                reply(
                    action,
                    moved.map(|()| {
                        let mut response = StartCompShareInstanceResponse::default();
                        response.u_host_id = r.u_host_id;
                        response
                    }),
                )
            }
            "StopCompShareInstance" => {
                let r: StopCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, STOP);
                reply(
                    action,
                    moved.map(|()| {
                        let mut response = StopCompShareInstanceResponse::default();
                        response.u_host_id = r.u_host_id;
                        response
                    }),
                )
            }
            "RebootCompShareInstance" => {
                let r: RebootCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, REBOOT);
                reply(
                    action,
                    moved.map(|()| {
                        let mut response = RebootCompShareInstanceResponse::default();
                        response.u_host_id = r.u_host_id;
                        response
                    }),
                )
            }
            "TerminateCompShareInstance" => {
                let r: TerminateCompShareInstanceRequest = read(params);
                let removed = self.terminate(action, &r.u_host_id);
                reply(
                    action,
                    removed.map(|()| {
                        let mut response = TerminateCompShareInstanceResponse::default();
                        response.u_host_id = r.u_host_id;
                        response
                    }),
                )
            }
            other => unreachable!("{other} is not an instance action"),
        }
    }

    fn settle(&mut self) {
        let now = Instant::now();
        for instance in &mut self.live {
            instance.settle(now);
        }
    }

    /// Lists every region's instances, as the API does: clients fill `Region` and `Zone` from
    /// their config, so those do not filter.
    /// Copies only the page, so that a large state costs one pass.
    fn describe(&mut self, r: DescribeCompShareInstanceRequest) -> Outgoing {
        let wanted: HashSet<&str> = r.u_host_ids.iter().map(String::as_str).collect();
        let chosen = (self.live.iter().map(|i| &i.set)).filter(|set| {
            let id = set.u_host_id.as_deref();
            wanted.is_empty() || id.is_some_and(|id| wanted.contains(id))
        });
        let offset = usize::try_from(r.offset.unwrap_or(0)).unwrap_or(0);
        let limit = usize::try_from(r.limit.unwrap_or(20)).unwrap_or(0);
        let mut total = 0;
        let mut u_host_set = Vec::new();
        for set in chosen {
            if total >= offset && u_host_set.len() < limit {
                u_host_set.push(set.clone());
            }
            total += 1;
        }
        let mut response = DescribeCompShareInstanceResponse::default();
        response.total_count = total as i64;
        response.u_host_set = u_host_set;
        Outgoing::success("DescribeCompShareInstance", response.to_json())
    }

    fn find(&mut self, action: &str, id: &str) -> Result<usize, Outgoing> {
        self.live
            .iter()
            .position(|i| i.set.u_host_id.as_deref() == Some(id))
            .ok_or_else(|| not_found(action, id))
    }

    fn transition(&mut self, action: &str, id: &str, t: Transition) -> Result<(), Outgoing> {
        let index = self.find(action, id)?;
        let delay = self.delay;
        let instance = &mut self.live[index];
        if !t.from.contains(instance.state()) {
            return Err(wrong_state(action, id, instance.state(), t.from));
        }
        begin(delay, instance, t.via, t.to);
        Ok(())
    }

    fn terminate(&mut self, action: &str, id: &str) -> Result<(), Outgoing> {
        const FROM: &[State] = &[State::Running, State::Stopped];
        let index = self.find(action, id)?;
        let state = self.live[index].state();
        if !FROM.contains(state) {
            return Err(wrong_state(action, id, state, FROM));
        }
        self.live.remove(index);
        Ok(())
    }
}

/// Puts `instance` into `via`, settling into `to` after `delay`.
fn begin(delay: Duration, instance: &mut Instance, via: State, to: State) {
    if delay.is_zero() {
        instance.set.state = Some(to);
        instance.settles = None;
    } else {
        instance.set.state = Some(via);
        instance.settles = Some((to, Instant::now() + delay));
    }
}

const START: Transition = Transition {
    from: &[State::Stopped],
    via: State::Starting,
    to: State::Running,
};

const STOP: Transition = Transition {
    from: &[State::Running],
    via: State::Stopping,
    to: State::Stopped,
};

const REBOOT: Transition = Transition {
    from: &[State::Running],
    via: State::Rebooting,
    to: State::Running,
};

/// The API error for an instance that is not live.
pub(super) fn not_found(action: &str, id: &str) -> Outgoing {
    Outgoing::api_error(
        Some(action),
        codes::NO_SUCH_INSTANCE,
        format!("instance {id} does not exist or was terminated"),
    )
}

fn wrong_state(action: &str, id: &str, state: &State, from: &[State]) -> Outgoing {
    let wanted: Vec<&str> = from.iter().map(State::as_str).collect();
    Outgoing::api_error(
        Some(action),
        codes::WRONG_INSTANCE_STATE,
        format!(
            "instance {id} is {}; {action} needs it {}",
            state.as_str(),
            wanted.join(" or ")
        ),
    )
}
