//! Data disks: CreateAndAttachCompshareDisk makes one on an instance, Attach, Detach, Resize
//! and Delete act on it by `UDiskId`, and DescribeCompshareDisk lists every disk, attached
//! (`InUse`) or not (`Available`). An attached disk is also in its instance's `DiskSet`.
//! Terminating an instance deletes its disks with `ReleaseUDisk`, and detaches them without.

use compshare::models::{CompShareDiskInfo, CompShareInstanceSet, UHostDiskSet};
use compshare::{
    AttachCompshareDiskRequest, AttachCompshareDiskResponse, CreateAndAttachCompshareDiskRequest,
    CreateAndAttachCompshareDiskResponse, DeleteCompshareDiskRequest, DeleteCompshareDiskResponse,
    DescribeCompshareDiskRequest, DescribeCompshareDiskResponse, DetachCompshareDiskRequest,
    DetachCompshareDiskResponse, ResizeCompShareDiskRequest, ResizeCompShareDiskResponse,
    TerminateCompShareInstanceRequest,
};

use super::instances::Instances;
use super::place::Place;
use super::{not_found, read, reply, too_many};
use crate::answer::Outgoing;
use crate::codes;
use crate::ids::Ids;

/// The actions disks answer.
pub(super) const ACTIONS: &[&str] = &[
    "CreateAndAttachCompshareDisk",
    "AttachCompshareDisk",
    "DetachCompshareDisk",
    "ResizeCompShareDisk",
    "DeleteCompshareDisk",
    "DescribeCompshareDisk",
];

/// Every data disk, in the order created.
#[derive(Debug, Default)]
pub(super) struct Disks {
    /// The most disks.
    limit: usize,
    live: Vec<Disk>,
}

#[derive(Clone, Debug)]
struct Disk {
    id: String,
    name: String,
    size: i64,
    disk_type: String,
    place: Place,
    /// The instance and device it is attached to.
    attached: Option<(String, String)>,
}

impl Disks {
    /// No disks; at most `limit` at once.
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            live: Vec::new(),
        }
    }

    /// Where disk `id` is.
    pub fn place(&self, id: &str) -> Option<Place> {
        self.live
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.place.clone())
    }

    /// Answers one of [`ACTIONS`]; the params have been validated.
    pub fn answer(
        &mut self,
        action: &str,
        params: &[(String, String)],
        ids: &Ids,
        instances: &mut Instances,
    ) -> Outgoing {
        match action {
            "CreateAndAttachCompshareDisk" => {
                reply(action, self.create(action, read(params), ids, instances))
            }
            "AttachCompshareDisk" => reply(action, self.attach(action, read(params), instances)),
            "DetachCompshareDisk" => reply(action, self.detach(action, read(params), instances)),
            "ResizeCompShareDisk" => reply(action, self.resize(action, read(params), instances)),
            "DeleteCompshareDisk" => reply(action, self.delete(action, read(params), instances)),
            "DescribeCompshareDisk" => reply(action, Ok(self.describe(read(params)))),
            other => unreachable!("{other} is not a disk action"),
        }
    }

    /// Deletes (with `ReleaseUDisk`) or detaches the disks of a terminated instance.
    pub fn instance_gone(&mut self, r: TerminateCompShareInstanceRequest) {
        let on_it = |d: &Disk| d.attached.as_ref().is_some_and(|(h, _)| *h == r.u_host_id);
        if r.release_u_disk == Some(true) {
            self.live.retain(|d| !on_it(d));
        } else {
            self.live
                .iter_mut()
                .filter(|d| on_it(d))
                .for_each(|d| d.attached = None);
        }
    }

    fn create(
        &mut self,
        action: &str,
        r: CreateAndAttachCompshareDiskRequest,
        ids: &Ids,
        instances: &mut Instances,
    ) -> Result<CreateAndAttachCompshareDiskResponse, Outgoing> {
        let host = instances.get_mut(action, &r.u_host_id)?;
        if self.live.len() >= self.limit {
            return Err(too_many(action, "data disks", self.limit));
        }
        let mut disk = Disk {
            id: ids.resource_id("udisk"),
            name: r.name,
            size: r.size,
            disk_type: r.disk_type.as_str().to_owned(),
            place: Place {
                region: host.region.clone().or(r.region),
                zone: host.zone.clone().or(r.zone),
            },
            attached: None,
        };
        plug(&mut disk, host);
        let id = disk.id.clone();
        self.live.push(disk);
        let mut response = CreateAndAttachCompshareDiskResponse::default();
        response.u_disk_id = Some(id);
        Ok(response)
    }

    fn attach(
        &mut self,
        action: &str,
        r: AttachCompshareDiskRequest,
        instances: &mut Instances,
    ) -> Result<AttachCompshareDiskResponse, Outgoing> {
        let disk = self.find(action, &r.u_disk_id)?;
        if let Some((host, _)) = &disk.attached {
            let state = format!("attached to {host}");
            return Err(wrong_state(action, &disk.id, &state));
        }
        let Some(host_id) = r.u_host_id else {
            let message = "UHostId names the instance to attach the disk to";
            return Err(invalid(action, message));
        };
        let host = instances.get_mut(action, &host_id)?;
        let device = plug(disk, host);
        let mut response = AttachCompshareDiskResponse::default();
        response.device_name = Some(device);
        response.host_id = Some(host_id.clone());
        response.u_disk_id = Some(r.u_disk_id);
        response.u_host_id = Some(host_id);
        Ok(response)
    }

    fn detach(
        &mut self,
        action: &str,
        r: DetachCompshareDiskRequest,
        instances: &mut Instances,
    ) -> Result<DetachCompshareDiskResponse, Outgoing> {
        let disk = self.find(action, &r.u_disk_id)?;
        let host = match (&disk.attached, &r.u_host_id) {
            (None, _) => return Err(wrong_state(action, &disk.id, "not attached")),
            (Some((host, _)), Some(named)) if host != named => {
                let state = format!("attached to {host}, not {named}");
                return Err(wrong_state(action, &disk.id, &state));
            }
            (Some((host, _)), _) => host.clone(),
        };
        unplug(disk, instances);
        let mut response = DetachCompshareDiskResponse::default();
        response.host_id = Some(host.clone());
        response.u_disk_id = Some(r.u_disk_id);
        response.u_host_id = Some(host);
        Ok(response)
    }

    fn resize(
        &mut self,
        action: &str,
        r: ResizeCompShareDiskRequest,
        instances: &mut Instances,
    ) -> Result<ResizeCompShareDiskResponse, Outgoing> {
        let disk = self.find(action, &r.u_disk_id)?;
        if r.size < disk.size {
            let message = format!(
                "disk {} has {} GB and cannot shrink to {}",
                disk.id, disk.size, r.size
            );
            return Err(invalid(action, message));
        }
        disk.size = r.size;
        if let Some((host, _)) = &disk.attached
            && let Ok(set) = instances.get_mut(action, host)
            && let Some(entry) = set
                .disk_set
                .iter_mut()
                .find(|e| e.disk_id.as_deref() == Some(r.u_disk_id.as_str()))
        {
            entry.size = Some(r.size);
        }
        let mut response = ResizeCompShareDiskResponse::default();
        response.u_disk_id = r.u_disk_id;
        Ok(response)
    }

    /// Deletes a disk, detaching it first, as the API does.
    fn delete(
        &mut self,
        action: &str,
        r: DeleteCompshareDiskRequest,
        instances: &mut Instances,
    ) -> Result<DeleteCompshareDiskResponse, Outgoing> {
        let disk = self.find(action, &r.u_disk_id)?;
        unplug(disk, instances);
        self.live.retain(|d| d.id != r.u_disk_id);
        let mut response = DeleteCompshareDiskResponse::default();
        response.u_disk_id = r.u_disk_id;
        Ok(response)
    }

    fn describe(&self, r: DescribeCompshareDiskRequest) -> DescribeCompshareDiskResponse {
        let disk_set = self
            .live
            .iter()
            .filter(|d| {
                let host = d.attached.as_ref().map(|(h, _)| h);
                r.host_id.is_none() || host == r.host_id.as_ref()
            })
            .map(|d| {
                let mut info = CompShareDiskInfo::default();
                info.resource_id = Some(d.id.clone());
                info.name = Some(d.name.clone());
                info.configuration = Some(format!("{}GB", d.size));
                info.disk_type = Some(d.disk_type.clone());
                info.status = Some(
                    if d.attached.is_some() {
                        "InUse"
                    } else {
                        "Available"
                    }
                    .into(),
                );
                info.mount_instance = Some(d.attached.clone().map(|(h, _)| h).unwrap_or_default());
                info.zone = d.place.zone.clone();
                info
            })
            .collect();
        let mut response = DescribeCompshareDiskResponse::default();
        response.disk_set = disk_set;
        response
    }

    fn find(&mut self, action: &str, id: &str) -> Result<&mut Disk, Outgoing> {
        self.live
            .iter_mut()
            .find(|d| d.id == id)
            .ok_or_else(|| not_found(action, codes::NO_SUCH_DISK, "disk", id))
    }
}

/// Attaches `disk` to `host` on its next free device, and lists it in the host's `DiskSet`.
fn plug(disk: &mut Disk, host: &mut CompShareInstanceSet) -> String {
    let taken = |device: &str| {
        host.disk_set
            .iter()
            .any(|d| d.drive.as_deref() == Some(device))
    };
    let device = (b'b'..=b'z')
        .map(|c| format!("/dev/vd{}", c as char))
        .find(|d| !taken(d))
        .unwrap_or_else(|| "/dev/vdz".into());
    host.disk_set.push({
        let mut entry = UHostDiskSet::default();
        entry.disk_type = disk.disk_type.clone();
        entry.is_boot = false;
        entry.disk_id = Some(disk.id.clone());
        entry.name = Some(disk.name.clone());
        entry.drive = Some(device.clone());
        entry.size = Some(disk.size);
        entry
    });
    let host_id = host.u_host_id.clone().unwrap_or_default();
    disk.attached = Some((host_id, device.clone()));
    device
}

/// Detaches `disk`, removing it from its host's `DiskSet` if the host still exists.
fn unplug(disk: &mut Disk, instances: &mut Instances) {
    if let Some((host, _)) = disk.attached.take()
        && let Ok(set) = instances.get_mut("", &host)
    {
        set.disk_set
            .retain(|d| d.disk_id.as_deref() != Some(disk.id.as_str()));
    }
}

fn invalid(action: &str, message: impl Into<String>) -> Outgoing {
    Outgoing::api_error(Some(action), codes::INVALID_PARAMS, message)
}

fn wrong_state(action: &str, id: &str, state: &str) -> Outgoing {
    Outgoing::api_error(
        Some(action),
        codes::WRONG_RESOURCE_STATE,
        format!("disk {id} is {state}"),
    )
}
