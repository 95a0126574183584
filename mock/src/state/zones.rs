//! The zones of the stateful mock's world, as DescribeCompShareSupportZone lists them: one
//! zone for GPU instances and one container (Pod) zone, where CFS lives. No page names a real
//! container zone, so the second zone's name is the mock's own.

use compshare::models::SupportZone;
use compshare::{DescribeCompShareSupportZoneRequest, DescribeCompShareSupportZoneResponse};

use super::{read, reply};
use crate::answer::Outgoing;

/// The actions zones answer.
pub(super) const ACTIONS: &[&str] = &["DescribeCompShareSupportZone"];

/// Region, region id, zone, zone id, display name, whether a container zone.
const ZONES: [(&str, i64, &str, i64, &str, bool); 2] = [
    ("cn-wlcb", 1, "cn-wlcb-01", 1, "Ulanqab 1 (mock)", false),
    (
        "cn-wlcb",
        1,
        "cn-wlcb-02",
        2,
        "Ulanqab 2, containers (mock)",
        true,
    ),
];

/// Lists the zones, of `Region` only when it is given (clients call it without, for all).
pub(super) fn answer(params: &[(String, String)]) -> Outgoing {
    let r: DescribeCompShareSupportZoneRequest = read(params);
    let zone_info = ZONES
        .iter()
        .filter(|z| r.region.as_deref().is_none_or(|region| region == z.0))
        .map(|&(region, region_id, zone, zone_id, describe, pod)| {
            let mut entry = SupportZone::default();
            entry.region = Some(region.into());
            entry.region_id = Some(region_id);
            entry.zone = Some(zone.into());
            entry.zone_id = Some(zone_id);
            entry.describe = Some(describe.into());
            entry.is_pod = Some(pod);
            entry
        })
        .collect();
    let mut response = DescribeCompShareSupportZoneResponse::default();
    response.zone_info = zone_info;
    reply("DescribeCompShareSupportZone", Ok(response))
}

/// The id of the zone named `zone`, if it is one of the mock's.
pub(super) fn zone_id(zone: Option<&str>) -> Option<i64> {
    ZONES.iter().find(|z| Some(z.2) == zone).map(|z| z.3)
}

/// Whether `zone` is the mock's container zone, whose instances are `cpod-` ones.
pub(super) fn is_pod(zone: Option<&str>) -> bool {
    ZONES.iter().any(|z| Some(z.2) == zone && z.5)
}
