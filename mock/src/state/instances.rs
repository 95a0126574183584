//! Instances: created instances are listed by DescribeCompShareInstance, and Start, Stop,
//! Reboot and Terminate move them through the documented states.
//!
//! An action first moves an instance to its transitional state (`Initializing`, `Starting`,
//! `Stopping`, `Rebooting`), and the instance settles into the target state once the
//! configured delay has passed; with no delay it settles at once.

use std::time::{Duration, Instant};

use compshare::actions::create_comp_share_instance::CreateCompShareInstanceRequest;
use compshare::actions::describe_comp_share_instance::{
    DescribeCompShareInstanceRequest, DescribeCompShareInstanceResponse,
};
use compshare::models::comp_share_instance_set::{ChargeType, State};
use compshare::models::{CompShareInstanceSet, UHostDiskSet};
use compshare::runtime::codegen_support::ToJson;
use compshare::{
    CreateCompShareInstanceResponse, RebootCompShareInstanceRequest,
    RebootCompShareInstanceResponse, StartCompShareInstanceRequest, StartCompShareInstanceResponse,
    StopCompShareInstanceRequest, StopCompShareInstanceResponse, TerminateCompShareInstanceRequest,
    TerminateCompShareInstanceResponse,
};

use super::{now, page, read, reply, zones};
use crate::answer::Answer;
use crate::codes;
use crate::ids::Ids;

/// The most instances one CreateCompShareInstance call makes (its `MaxCount`).
pub const MAX_COUNT: i64 = 100;

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
    /// No instances; transitions take `delay`.
    pub fn new(delay: Duration) -> Self {
        Self {
            delay,
            live: Vec::new(),
        }
    }

    /// Every live instance as DescribeCompShareInstance lists it.
    pub fn list(&mut self) -> Vec<CompShareInstanceSet> {
        self.settle();
        self.live.iter().map(|i| i.set.clone()).collect()
    }

    /// The live instance `id`, or the API error for `action`.
    pub fn get_mut(&mut self, action: &str, id: &str) -> Result<&mut CompShareInstanceSet, Answer> {
        let index = self.find(action, id)?;
        Ok(&mut self.live[index].set)
    }

    /// Answers one of [`ACTIONS`] but CreateCompShareInstance ([`create`](Self::create)); the
    /// params have been validated.
    pub fn answer(&mut self, action: &str, params: &[(String, String)]) -> Answer {
        self.settle();
        match action {
            "DescribeCompShareInstance" => self.describe(read(params)),
            "StartCompShareInstance" => {
                let r: StartCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, START);
                reply(
                    action,
                    moved.map(|()| StartCompShareInstanceResponse {
                        u_host_id: r.u_host_id,
                        ..Default::default()
                    }),
                )
            }
            "StopCompShareInstance" => {
                let r: StopCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, STOP);
                reply(
                    action,
                    moved.map(|()| StopCompShareInstanceResponse {
                        u_host_id: r.u_host_id,
                        ..Default::default()
                    }),
                )
            }
            "RebootCompShareInstance" => {
                let r: RebootCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, REBOOT);
                reply(
                    action,
                    moved.map(|()| RebootCompShareInstanceResponse {
                        u_host_id: r.u_host_id,
                        ..Default::default()
                    }),
                )
            }
            "TerminateCompShareInstance" => {
                let r: TerminateCompShareInstanceRequest = read(params);
                let removed = self.terminate(action, &r.u_host_id);
                reply(
                    action,
                    removed.map(|()| TerminateCompShareInstanceResponse {
                        u_host_id: r.u_host_id,
                        ..Default::default()
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

    /// Makes `MaxCount` instances; in the container zone, `cpod-` ones.
    pub fn create(
        &mut self,
        r: &CreateCompShareInstanceRequest,
        ids: &Ids,
    ) -> Result<CreateCompShareInstanceResponse, Answer> {
        // `MaxCount` is how many instances; `Quantity` is how long they are bought for.
        let count = r.max_count.unwrap_or(1).max(1);
        if count > MAX_COUNT {
            return Err(Answer::api_error(
                Some("CreateCompShareInstance"),
                codes::INVALID_PARAMS,
                format!("MaxCount must be at most {MAX_COUNT} in the mock (got {count})"),
            ));
        }
        let template = CompShareInstanceSet {
            name: r.name.clone(),
            region: r.region.clone(),
            zone: r.zone.clone(),
            cpu: Some(r.cpu),
            memory: Some(r.memory),
            gpu: Some(r.gpu),
            gpu_type: Some(r.gpu_type.as_str().to_owned()),
            machine_type: Some(r.machine_type.as_str().to_owned()),
            comp_share_image_id: Some(r.comp_share_image_id.clone()),
            charge_type: Some(ChargeType::from(
                r.charge_type.as_ref().map_or("Month", |c| c.as_str()),
            )),
            remark: r.remark.clone(),
            create_time: Some(now()),
            disk_set: r
                .disks
                .iter()
                .map(|d| UHostDiskSet {
                    disk_type: d.r#type.as_str().to_owned(),
                    is_boot: d.is_boot,
                    size: Some(d.size),
                    ..Default::default()
                })
                .collect(),
            total_disk_space: Some(r.disks.iter().map(|d| d.size).sum()),
            ..Default::default()
        };
        self.settle();
        let mut new_ids = Vec::new();
        let prefix = if zones::is_pod(r.zone.as_deref()) {
            "cpod"
        } else {
            "uhost"
        };
        for _ in 0..count {
            let id = ids.resource_id(prefix);
            let set = CompShareInstanceSet {
                u_host_id: Some(id.clone()),
                ..template.clone()
            };
            let mut instance = Instance { set, settles: None };
            begin(
                self.delay,
                &mut instance,
                State::Initializing,
                State::Running,
            );
            self.live.push(instance);
            new_ids.push(id);
        }
        Ok(CreateCompShareInstanceResponse {
            u_host_ids: new_ids,
            ..Default::default()
        })
    }

    /// Lists every region's instances, as the API does: clients fill `Region` and `Zone` from
    /// their config, so those do not filter.
    fn describe(&mut self, r: DescribeCompShareInstanceRequest) -> Answer {
        let chosen: Vec<CompShareInstanceSet> = self
            .live
            .iter()
            .map(|i| &i.set)
            .filter(|set| {
                let id = set.u_host_id.as_ref();
                r.u_host_ids.is_empty() || id.is_some_and(|id| r.u_host_ids.contains(id))
            })
            .cloned()
            .collect();
        let response = DescribeCompShareInstanceResponse {
            total_count: chosen.len() as i64,
            u_host_set: page(&chosen, r.offset, r.limit, 20),
            ..Default::default()
        };
        Answer::success("DescribeCompShareInstance", response.to_json())
    }

    fn find(&mut self, action: &str, id: &str) -> Result<usize, Answer> {
        self.live
            .iter()
            .position(|i| i.set.u_host_id.as_deref() == Some(id))
            .ok_or_else(|| {
                Answer::api_error(
                    Some(action),
                    codes::NO_SUCH_INSTANCE,
                    format!("instance {id} does not exist or was terminated"),
                )
            })
    }

    fn transition(&mut self, action: &str, id: &str, t: Transition) -> Result<(), Answer> {
        let index = self.find(action, id)?;
        let delay = self.delay;
        let instance = &mut self.live[index];
        if !t.from.contains(instance.state()) {
            return Err(wrong_state(action, id, instance.state(), t.from));
        }
        begin(delay, instance, t.via, t.to);
        Ok(())
    }

    fn terminate(&mut self, action: &str, id: &str) -> Result<(), Answer> {
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

fn wrong_state(action: &str, id: &str, state: &State, from: &[State]) -> Answer {
    let wanted: Vec<&str> = from.iter().map(State::as_str).collect();
    Answer::api_error(
        Some(action),
        codes::WRONG_INSTANCE_STATE,
        format!(
            "instance {id} is {}; {action} needs it {}",
            state.as_str(),
            wanted.join(" or ")
        ),
    )
}
