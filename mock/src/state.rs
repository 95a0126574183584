//! The opt-in instance lifecycle: created instances are listed by DescribeCompShareInstance, and
//! Start, Stop, Reboot and Terminate move them through the documented states.
//!
//! An action first moves an instance to its transitional state (`Initializing`, `Starting`,
//! `Stopping`, `Rebooting`), and the instance settles into the target state once the
//! configured delay has passed; with no delay it settles at once. States are settled when they
//! are read, so nothing runs in the background.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use compshare::actions::create_comp_share_instance::CreateCompShareInstanceRequest;
use compshare::actions::describe_comp_share_instance::{
    DescribeCompShareInstanceRequest, DescribeCompShareInstanceResponse,
};
use compshare::models::comp_share_instance_set::{ChargeType, State};
use compshare::models::{CompShareInstanceSet, UHostDiskSet};
use compshare::runtime::codegen_support::{FromParams, ToJson, from_params};
use compshare::{
    CreateCompShareInstanceResponse, RebootCompShareInstanceRequest,
    RebootCompShareInstanceResponse, StartCompShareInstanceRequest, StartCompShareInstanceResponse,
    StopCompShareInstanceRequest, StopCompShareInstanceResponse, TerminateCompShareInstanceRequest,
    TerminateCompShareInstanceResponse,
};

use crate::answer::Answer;
use crate::codes;
use crate::ids::Ids;

/// The most instances one CreateCompShareInstance call makes.
pub const MAX_QUANTITY: i64 = 100;

/// The actions the lifecycle answers.
const ACTIONS: [&str; 6] = [
    "CreateCompShareInstance",
    "DescribeCompShareInstance",
    "StartCompShareInstance",
    "StopCompShareInstance",
    "RebootCompShareInstance",
    "TerminateCompShareInstance",
];

/// Every live instance, in the order created.
#[derive(Debug)]
pub(crate) struct Instances {
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

    /// Whether the lifecycle answers `action`.
    pub fn handles(action: &str) -> bool {
        ACTIONS.contains(&action)
    }

    /// Every live instance as DescribeCompShareInstance lists it.
    pub fn list(&mut self) -> Vec<CompShareInstanceSet> {
        self.settle();
        self.live.iter().map(|i| i.set.clone()).collect()
    }

    /// Answers one of the lifecycle actions; the params have been validated.
    pub fn answer(&mut self, action: &str, params: &[(String, String)], ids: &Ids) -> Answer {
        self.settle();
        match action {
            "CreateCompShareInstance" => self.create(read(params), ids),
            "DescribeCompShareInstance" => self.describe(read(params)),
            "StartCompShareInstance" => {
                let r: StartCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, START);
                reply(action, moved, || StartCompShareInstanceResponse {
                    u_host_id: r.u_host_id.clone(),
                    ..Default::default()
                })
            }
            "StopCompShareInstance" => {
                let r: StopCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, STOP);
                reply(action, moved, || StopCompShareInstanceResponse {
                    u_host_id: r.u_host_id.clone(),
                    ..Default::default()
                })
            }
            "RebootCompShareInstance" => {
                let r: RebootCompShareInstanceRequest = read(params);
                let moved = self.transition(action, &r.u_host_id, REBOOT);
                reply(action, moved, || RebootCompShareInstanceResponse {
                    u_host_id: r.u_host_id.clone(),
                    ..Default::default()
                })
            }
            "TerminateCompShareInstance" => {
                let r: TerminateCompShareInstanceRequest = read(params);
                let removed = self.terminate(action, &r.u_host_id);
                reply(action, removed, || TerminateCompShareInstanceResponse {
                    u_host_id: r.u_host_id.clone(),
                    ..Default::default()
                })
            }
            other => unreachable!("{other} is not a lifecycle action"),
        }
    }

    fn settle(&mut self) {
        let now = Instant::now();
        for instance in &mut self.live {
            instance.settle(now);
        }
    }

    fn create(&mut self, r: CreateCompShareInstanceRequest, ids: &Ids) -> Answer {
        const ACTION: &str = "CreateCompShareInstance";
        let quantity = r.quantity.unwrap_or(1).max(1);
        if quantity > MAX_QUANTITY {
            return Answer::api_error(
                Some(ACTION),
                codes::INVALID_PARAMS,
                format!("Quantity must be at most {MAX_QUANTITY} in the mock (got {quantity})"),
            );
        }
        let created = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let mut new_ids = Vec::new();
        for _ in 0..quantity {
            let id = ids.instance_id();
            let set = CompShareInstanceSet {
                u_host_id: Some(id.clone()),
                name: r.name.clone(),
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
                create_time: Some(created),
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
        let response = CreateCompShareInstanceResponse {
            u_host_ids: new_ids,
            ..Default::default()
        };
        Answer::success(ACTION, response.to_json())
    }

    fn describe(&mut self, r: DescribeCompShareInstanceRequest) -> Answer {
        let chosen: Vec<&Instance> = self
            .live
            .iter()
            .filter(|i| {
                r.u_host_ids.is_empty()
                    || i.set
                        .u_host_id
                        .as_ref()
                        .is_some_and(|id| r.u_host_ids.contains(id))
            })
            .collect();
        let offset = usize::try_from(r.offset.unwrap_or(0)).unwrap_or(0);
        let limit = usize::try_from(r.limit.unwrap_or(20)).unwrap_or(0);
        let response = DescribeCompShareInstanceResponse {
            total_count: chosen.len() as i64,
            u_host_set: chosen
                .iter()
                .skip(offset)
                .take(limit)
                .map(|i| i.set.clone())
                .collect(),
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

fn read<A: FromParams>(params: &[(String, String)]) -> A {
    from_params::<A>(params).0
}

fn reply<R: ToJson>(
    action: &str,
    result: Result<(), Answer>,
    response: impl FnOnce() -> R,
) -> Answer {
    match result {
        Ok(()) => Answer::success(action, response().to_json()),
        Err(answer) => answer,
    }
}

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
