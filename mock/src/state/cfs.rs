//! CFS file storage: CreateCFS buys one, DescribeCFS lists it, ResizeCFS changes its size,
//! and DeleteCFS removes it. Container (`cpod-`) instances mount their zone's CFS when
//! CreateCompShareInstance says `EnableCfs` or AttachUS3 names them (which buys 50 GB for a
//! month when the zone has none, as compshare-cli warns); DetachCFS unmounts it.
//!
//! `MountStatus` is `Mounted` or `Unmounted`: the docs show only the first.

use compshare::models::CfsInfo;
use compshare::models::cfs_info::ChargeType;
use compshare::{
    AttachUs3Response, CreateCfsRequest, CreateCfsResponse, DeleteCfsRequest, DeleteCfsResponse,
    DescribeCfsRequest, DescribeCfsResponse, DetachCfsRequest, DetachCfsResponse, ResizeCfsRequest,
    ResizeCfsResponse,
};

use super::place::Place;
use super::{not_found, now, read, reply, too_many, zones};
use crate::answer::Outgoing;
use crate::codes;
use crate::ids::Ids;

/// The actions CFS answers.
pub(super) const ACTIONS: &[&str] = &[
    "CreateCFS",
    "DescribeCFS",
    "ResizeCFS",
    "DetachCFS",
    "DeleteCFS",
];

/// What AttachUS3 buys for a container instance whose zone has no CFS.
const BOUGHT_ON_ATTACH: i64 = 50;

/// Every CFS, in the order created, with where it is.
#[derive(Debug, Default)]
pub(super) struct Cfs {
    /// The most CFS.
    limit: usize,
    live: Vec<(Place, CfsInfo)>,
}

impl Cfs {
    /// No CFS; at most `limit` at once.
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            live: Vec::new(),
        }
    }

    /// Where CFS `id` is.
    pub fn place(&self, id: &str) -> Option<Place> {
        (self.live.iter())
            .find(|(_, c)| c.cfs_id.as_deref() == Some(id))
            .map(|(p, _)| p.clone())
    }

    /// Unmounts a terminated instance from every CFS.
    pub fn instance_gone(&mut self, host: &str) {
        for (_, cfs) in &mut self.live {
            if cfs.mounted_u_host_ids.iter().any(|h| h == host) {
                cfs.mounted_u_host_ids.retain(|h| h != host);
                if cfs.mounted_u_host_ids.is_empty() {
                    cfs.mount_status = Some("Unmounted".into());
                }
            }
        }
    }

    /// Answers one of [`ACTIONS`]; the params have been validated.
    pub fn answer(&mut self, action: &str, params: &[(String, String)], ids: &Ids) -> Outgoing {
        match action {
            "CreateCFS" => {
                let created = self.create(action, read(params), ids);
                reply(action, created.map(|()| CreateCfsResponse::default()))
            }
            "DescribeCFS" => {
                let r: DescribeCfsRequest = read(params);
                let cfs_set = (self.live.iter().map(|(_, c)| c))
                    .filter(|c| r.cfs_id.is_none() || c.cfs_id == r.cfs_id)
                    .cloned()
                    .collect();
                reply(
                    action,
                    Ok({
                        let mut response = DescribeCfsResponse::default();
                        response.cfs_set = cfs_set;
                        response
                    }),
                )
            }
            "ResizeCFS" => {
                let r: ResizeCfsRequest = read(params);
                let found = self.find(action, &r.cfs_id).map(|c| c.size = Some(r.size));
                reply(action, found.map(|()| ResizeCfsResponse::default()))
            }
            "DetachCFS" => reply(action, self.detach(action, read(params))),
            "DeleteCFS" => reply(action, self.delete(action, read(params))),
            other => unreachable!("{other} is not a CFS action"),
        }
    }

    /// Mounts the CFS of `zone` on new container instances, for `EnableCfs`; buys none.
    pub fn mount_new(&mut self, zone: Option<&str>, hosts: &[String]) {
        if let Some(cfs) = self.in_zone(zone) {
            cfs.mounted_u_host_ids.extend(hosts.iter().cloned());
            cfs.mount_status = Some("Mounted".into());
        }
    }

    /// AttachUS3 for a container instance: mounts its zone's CFS, bought if there is none.
    pub fn attach(&mut self, host: &str, place: Place, ids: &Ids) -> Outgoing {
        const ACTION: &str = "AttachUS3";
        if self.in_zone(place.zone.as_deref()).is_none() {
            let mut bought = CreateCfsRequest::default()
                .size(BOUGHT_ON_ATTACH)
                .name(format!("cfs-{host}"));
            bought.region = place.region;
            bought.zone = place.zone.clone();
            if let Err(answer) = self.create(ACTION, bought, ids) {
                return answer;
            }
        }
        self.mount_new(place.zone.as_deref(), &[host.to_owned()]);
        reply(ACTION, Ok(AttachUs3Response::default()))
    }

    fn create(&mut self, action: &str, r: CreateCfsRequest, ids: &Ids) -> Result<(), Outgoing> {
        if self.live.len() >= self.limit {
            return Err(too_many(action, "CFS", self.limit));
        }
        let charge = r.charge_type.as_ref().map_or("Month", |c| c.as_str());
        let days = match charge {
            "Year" => 365,
            "Day" => 1,
            "Dynamic" => 0,
            _ => 30,
        };
        let mut info = CfsInfo::default();
        info.cfs_id = Some(ids.resource_id("cfs"));
        info.name = Some(r.name);
        info.zone_id = zones::zone_id(r.zone.as_deref());
        info.size = Some(r.size);
        info.charge_type = Some(ChargeType::from(charge));
        info.purchase_value = (days > 0).then(|| now() + days * r.quantity.unwrap_or(1) * 86_400);
        info.mount_status = Some("Unmounted".into());
        let place = Place {
            region: r.region,
            zone: r.zone,
        };
        self.live.push((place, info));
        Ok(())
    }

    fn detach(&mut self, action: &str, r: DetachCfsRequest) -> Result<DetachCfsResponse, Outgoing> {
        let mounted = self
            .live
            .iter_mut()
            .map(|(_, c)| c)
            .find(|c| c.mounted_u_host_ids.contains(&r.u_host_id));
        let Some(cfs) = mounted else {
            let message = format!("no CFS is mounted on instance {}", r.u_host_id);
            return Err(Outgoing::api_error(
                Some(action),
                codes::NO_SUCH_CFS,
                message,
            ));
        };
        cfs.mounted_u_host_ids.retain(|h| *h != r.u_host_id);
        if cfs.mounted_u_host_ids.is_empty() {
            cfs.mount_status = Some("Unmounted".into());
        }
        Ok(DetachCfsResponse::default())
    }

    /// Deletes a CFS; a mounted one only with `Recycle`, which unmounts it first.
    fn delete(&mut self, action: &str, r: DeleteCfsRequest) -> Result<DeleteCfsResponse, Outgoing> {
        let cfs = self.find(action, &r.cfs_id)?;
        if !cfs.mounted_u_host_ids.is_empty() && r.recycle != Some(true) {
            let message = format!(
                "CFS {} is mounted on {}: detach it, or delete with Recycle",
                r.cfs_id,
                cfs.mounted_u_host_ids.join(", ")
            );
            return Err(Outgoing::api_error(
                Some(action),
                codes::WRONG_RESOURCE_STATE,
                message,
            ));
        }
        self.live
            .retain(|(_, c)| c.cfs_id.as_deref() != Some(r.cfs_id.as_str()));
        Ok(DeleteCfsResponse::default())
    }

    fn find(&mut self, action: &str, id: &str) -> Result<&mut CfsInfo, Outgoing> {
        (self.live.iter_mut().map(|(_, c)| c))
            .find(|c| c.cfs_id.as_deref() == Some(id))
            .ok_or_else(|| not_found(action, codes::NO_SUCH_CFS, "CFS", id))
    }

    fn in_zone(&mut self, zone: Option<&str>) -> Option<&mut CfsInfo> {
        (self.live.iter_mut())
            .find(|(p, _)| p.zone.as_deref() == zone)
            .map(|(_, c)| c)
    }
}
