//! CreateCompShareInstance on the stateful mock: the checks the server makes beyond the
//! spec's rules, then `MaxCount` new instances.
//!
//! The spec's rules leave `GPU` without a minimum and `MachineType` open; the docs say more:
//! only GPU machine types take GPUs (so at least 0, and at least 1 for `G`, the GPU type),
//! `MachineType` is one of the documented values, and `Disks` holds exactly one boot disk
//! ("有且只能有一块盘是系统盘").

use compshare::models::comp_share_instance_set::{ChargeType, State};
use compshare::models::{CompShareInstanceSet, UHostDiskSet};
use compshare::runtime::schema::ParamKind;
use compshare::{CreateCompShareInstanceRequest, CreateCompShareInstanceResponse, Rule, Violation};

use super::{Instance, Instances, begin};
use crate::answer::Outgoing;
use crate::codes;
use crate::ids::Ids;
use crate::state::{now, too_many, zones};

/// The most instances one CreateCompShareInstance call makes (its `MaxCount`).
pub const MAX_COUNT: i64 = 100;

const ACTION: &str = "CreateCompShareInstance";

impl Instances {
    /// Makes `MaxCount` instances; in the container zone, `cpod-` ones.
    pub fn create(
        &mut self,
        r: &CreateCompShareInstanceRequest,
        ids: &Ids,
    ) -> Result<CreateCompShareInstanceResponse, Outgoing> {
        check(r)?;
        // `MaxCount` is how many instances; `Quantity` is how long they are bought for.
        let count = r.max_count.unwrap_or(1) as usize;
        self.settle();
        if self.live.len() + count > self.limit {
            return Err(too_many(ACTION, "instances", self.limit));
        }
        let mut template = CompShareInstanceSet::default();
        template.name = r.name.clone();
        template.region = r.region.clone();
        template.zone = r.zone.clone();
        template.cpu = Some(r.cpu);
        template.memory = Some(r.memory);
        template.gpu = Some(r.gpu);
        template.gpu_type = Some(r.gpu_type.as_str().to_owned());
        template.machine_type = Some(r.machine_type.as_str().to_owned());
        template.comp_share_image_id = Some(r.comp_share_image_id.clone());
        template.charge_type = Some(ChargeType::from(
            r.charge_type.as_ref().map_or("Month", |c| c.as_str()),
        ));
        template.remark = r.remark.clone();
        template.create_time = Some(now());
        template.disk_set = (r.disks.iter())
            .map(|d| {
                let mut entry = UHostDiskSet::default();
                entry.disk_type = d.r#type.as_str().to_owned();
                entry.is_boot = d.is_boot;
                entry.size = Some(d.size);
                entry
            })
            .collect();
        template.total_disk_space = Some(r.disks.iter().map(|d| d.size).sum());
        let prefix = if zones::is_pod(r.zone.as_deref()) {
            "cpod"
        } else {
            "uhost"
        };
        let mut new_ids = Vec::with_capacity(count);
        for _ in 0..count {
            let id = ids.resource_id(prefix);
            let mut set = template.clone();
            set.u_host_id = Some(id.clone());
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
        let mut response = CreateCompShareInstanceResponse::default();
        response.u_host_ids = new_ids;
        Ok(response)
    }
}

/// 230 naming every param the server refuses, as the gateway names the spec's violations.
fn check(r: &CreateCompShareInstanceRequest) -> Result<(), Outgoing> {
    let mut found = Vec::new();
    let mut violation = |field: &str, rule: Rule, value: String| {
        found.push(Violation {
            field: field.to_owned(),
            rule,
            value: Some(value),
        });
    };
    let count = r.max_count.unwrap_or(1);
    if count < 1 {
        violation("MaxCount", Rule::Min(1.into()), count.to_string());
    } else if count > MAX_COUNT {
        violation("MaxCount", Rule::Max(MAX_COUNT.into()), count.to_string());
    }
    let machine_type = r.machine_type.as_str();
    let documented = machine_types();
    if !documented.is_empty() && !documented.contains(&machine_type) {
        violation(
            "MachineType",
            Rule::OneOf(documented),
            machine_type.to_owned(),
        );
    }
    let least = if machine_type == "G" { 1 } else { 0 };
    if r.gpu < least {
        violation("GPU", Rule::Min(least.into()), r.gpu.to_string());
    }
    let boot = r.disks.iter().filter(|d| d.is_boot).count();
    if !r.disks.is_empty() && boot != 1 {
        let rule = Rule::Type("a list with exactly one boot disk (IsBoot true)");
        violation("Disks", rule, format!("{boot} boot disks"));
    }
    if found.is_empty() {
        return Ok(());
    }
    let refs: Vec<&Violation> = found.iter().collect();
    let message = crate::message::invalid_params(&refs, 0);
    Err(Outgoing::api_error(
        Some(ACTION),
        codes::INVALID_PARAMS,
        message,
    ))
}

/// The documented values of CreateCompShareInstance's `MachineType`.
fn machine_types() -> &'static [&'static str] {
    let params = crate::gateway::info(ACTION).map_or(&[][..], |info| info.params);
    match params
        .iter()
        .find(|p| p.name == "MachineType")
        .map(|p| p.kind)
    {
        Some(ParamKind::Enum { values, .. }) => values,
        _ => &[],
    }
}
