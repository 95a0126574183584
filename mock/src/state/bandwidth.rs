//! Shared bandwidth, one per zone at most: CreateCompShareShareBandwidth buys it,
//! DescribeCompShareShareBandwidth shows the zone's, ModifyCompShareShareBandwidth changes
//! its limit, and DeleteCompShareShareBandwidth removes it.

use compshare::models::ShareBandwidthInfo;
use compshare::models::share_bandwidth_info::ChargeType;
use compshare::{
    CreateCompShareShareBandwidthRequest, CreateCompShareShareBandwidthResponse,
    DeleteCompShareShareBandwidthRequest, DeleteCompShareShareBandwidthResponse,
    DescribeCompShareShareBandwidthRequest, DescribeCompShareShareBandwidthResponse,
    ModifyCompShareShareBandwidthRequest, ModifyCompShareShareBandwidthResponse,
};

use super::place::Place;
use super::{not_found, now, read, reply, too_many};
use crate::answer::Outgoing;
use crate::codes;
use crate::ids::Ids;

/// The actions shared bandwidth answers.
pub(super) const ACTIONS: &[&str] = &[
    "CreateCompShareShareBandwidth",
    "DescribeCompShareShareBandwidth",
    "ModifyCompShareShareBandwidth",
    "DeleteCompShareShareBandwidth",
];

/// Every shared bandwidth, with its region and zone.
#[derive(Debug, Default)]
pub(super) struct Bandwidths {
    /// The most shared bandwidths: any text is a zone to the mock, so one per zone is no bound.
    limit: usize,
    live: Vec<(Place, ShareBandwidthInfo)>,
}

impl Bandwidths {
    /// None yet; at most `limit` at once.
    pub fn new(limit: usize) -> Self {
        Self {
            limit,
            live: Vec::new(),
        }
    }

    /// Where shared bandwidth `id` is.
    pub fn place(&self, id: &str) -> Option<Place> {
        (self.live.iter())
            .find(|(_, b)| b.share_bandwidth_id.as_deref() == Some(id))
            .map(|(p, _)| p.clone())
    }

    /// Answers one of [`ACTIONS`]; the params have been validated.
    pub fn answer(&mut self, action: &str, params: &[(String, String)], ids: &Ids) -> Outgoing {
        match action {
            "CreateCompShareShareBandwidth" => {
                reply(action, self.create(action, read(params), ids))
            }
            "DescribeCompShareShareBandwidth" => {
                let r: DescribeCompShareShareBandwidthRequest = read(params);
                let mut response = DescribeCompShareShareBandwidthResponse::default();
                response.company_share_bandwidth = self
                    .in_zone(&Place {
                        region: r.region,
                        zone: r.zone,
                    })
                    .cloned();
                reply(action, Ok(response))
            }
            "ModifyCompShareShareBandwidth" => {
                let r: ModifyCompShareShareBandwidthRequest = read(params);
                let found = self.find(action, &r.share_bandwidth_id).map(|b| {
                    b.bandwidth = Some(r.share_bandwidth);
                    b.update_time = Some(now());
                });
                reply(
                    action,
                    found.map(|()| ModifyCompShareShareBandwidthResponse::default()),
                )
            }
            "DeleteCompShareShareBandwidth" => {
                let r: DeleteCompShareShareBandwidthRequest = read(params);
                let id = r.share_bandwidth_id;
                let found = self.find(action, &id).map(drop);
                self.live
                    .retain(|(_, b)| b.share_bandwidth_id.as_ref() != Some(&id));
                // No EIP is ever bound to the mock's bandwidth, so none moves back.
                reply(
                    action,
                    found.map(|()| {
                        let mut response = DeleteCompShareShareBandwidthResponse::default();
                        response.migrated_eip_count = Some(0);
                        response
                    }),
                )
            }
            other => unreachable!("{other} is not a shared bandwidth action"),
        }
    }

    fn create(
        &mut self,
        action: &str,
        r: CreateCompShareShareBandwidthRequest,
        ids: &Ids,
    ) -> Result<CreateCompShareShareBandwidthResponse, Outgoing> {
        let location = Place {
            region: r.region,
            zone: r.zone,
        };
        if let Some(existing) = self.in_zone(&location) {
            let message = format!(
                "zone {} already has shared bandwidth {}",
                location.zone.as_deref().unwrap_or_default(),
                existing.share_bandwidth_id.as_deref().unwrap_or_default()
            );
            return Err(Outgoing::api_error(
                Some(action),
                codes::WRONG_RESOURCE_STATE,
                message,
            ));
        }
        if self.live.len() >= self.limit {
            return Err(too_many(action, "shared bandwidths", self.limit));
        }
        let id = ids.resource_id("bwshare");
        let charge = r.charge_type.as_ref().map_or("Month", |c| c.as_str());
        let quantity = r.quantity.unwrap_or(1);
        let days = if charge == "Year" { 365 } else { 30 };
        let created = now();
        let mut info = ShareBandwidthInfo::default();
        info.share_bandwidth_id = Some(id.clone());
        info.resource_id = Some(id.clone());
        info.bandwidth = Some(r.share_bandwidth);
        info.status = Some("Available".into());
        info.charge_type = Some(ChargeType::from(charge));
        info.quantity = Some(quantity);
        info.purchase_value = Some(created + days * quantity * 86_400);
        info.bind_eip_count = Some(0);
        info.create_time = Some(created);
        info.update_time = Some(created);
        self.live.push((location, info.clone()));
        let mut response = CreateCompShareShareBandwidthResponse::default();
        response.company_share_bandwidth = Some(info);
        // An order number shaped like the docs' example, from the id's digits.
        response.order_no = Some(format!("OD{}", &id["bwshare-".len()..]).to_uppercase());
        Ok(response)
    }

    fn find(&mut self, action: &str, id: &str) -> Result<&mut ShareBandwidthInfo, Outgoing> {
        (self.live.iter_mut().map(|(_, b)| b))
            .find(|b| b.share_bandwidth_id.as_deref() == Some(id))
            .ok_or_else(|| not_found(action, codes::NO_SUCH_BANDWIDTH, "shared bandwidth", id))
    }

    fn in_zone(&self, location: &Place) -> Option<&ShareBandwidthInfo> {
        self.live
            .iter()
            .find(|(l, _)| l == location)
            .map(|(_, b)| b)
    }
}
