//! Where a resource is: its `Region` and `Zone`. The API finds a resource only in the region
//! and zone a request names, so an action on a resource whose `Region` or `Zone` params are
//! not the resource's gets the not-found error an unknown id gets.

use compshare::models::CompShareInstanceSet;

use super::State;
use crate::answer::Outgoing;
use crate::codes;

/// A resource's region and zone, or the ones a request names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Place {
    pub region: Option<String>,
    pub zone: Option<String>,
}

impl Place {
    /// The `Region` and `Zone` a request's params name.
    pub fn of_params(params: &[(String, String)]) -> Self {
        let get = |name: &str| {
            (params.iter())
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        Self {
            region: get("Region"),
            zone: get("Zone"),
        }
    }

    /// Where an instance is.
    pub fn of_instance(set: &CompShareInstanceSet) -> Self {
        Self {
            region: set.region.clone(),
            zone: set.zone.clone(),
        }
    }

    /// Whether a request naming `asked` finds a resource here: it does unless both give a
    /// region, or both a zone, and they differ.
    pub fn admits(&self, asked: &Place) -> bool {
        let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        same(&self.region, &asked.region) && same(&self.zone, &asked.zone)
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Instance,
    Disk,
    Cfs,
    Bandwidth,
}

/// The params of each action that name a resource.
const NAMED: &[(&str, &str, Kind)] = &[
    ("StartCompShareInstance", "UHostId", Kind::Instance),
    ("StopCompShareInstance", "UHostId", Kind::Instance),
    ("RebootCompShareInstance", "UHostId", Kind::Instance),
    ("TerminateCompShareInstance", "UHostId", Kind::Instance),
    ("CreateAndAttachCompshareDisk", "UHostId", Kind::Instance),
    ("AttachCompshareDisk", "UDiskId", Kind::Disk),
    ("AttachCompshareDisk", "UHostId", Kind::Instance),
    ("DetachCompshareDisk", "UDiskId", Kind::Disk),
    ("DetachCompshareDisk", "UHostId", Kind::Instance),
    ("ResizeCompShareDisk", "UDiskId", Kind::Disk),
    ("DeleteCompshareDisk", "UDiskId", Kind::Disk),
    ("ResizeCFS", "CfsId", Kind::Cfs),
    ("DeleteCFS", "CfsId", Kind::Cfs),
    ("DetachCFS", "UHostId", Kind::Instance),
    ("AttachUS3", "UHostId", Kind::Instance),
    (
        "ModifyCompShareShareBandwidth",
        "ShareBandwidthId",
        Kind::Bandwidth,
    ),
    (
        "DeleteCompShareShareBandwidth",
        "ShareBandwidthId",
        Kind::Bandwidth,
    ),
];

/// The not-found error for a resource the request names in another region or zone.
pub(super) fn misplaced(
    state: &State,
    action: &str,
    params: &[(String, String)],
) -> Option<Outgoing> {
    let mut named = NAMED.iter().filter(|(a, _, _)| *a == action).peekable();
    named.peek()?;
    let asked = Place::of_params(params);
    for &(_, param, kind) in named {
        let Some((_, id)) = params.iter().find(|(k, _)| k == param) else {
            continue;
        };
        let (place, answer) = match kind {
            Kind::Instance => (
                state.instances.place(id),
                super::instances::not_found(action, id),
            ),
            Kind::Disk => (
                state.disks.place(id),
                super::not_found(action, codes::NO_SUCH_DISK, "disk", id),
            ),
            Kind::Cfs => (
                state.cfs.place(id),
                super::not_found(action, codes::NO_SUCH_CFS, "CFS", id),
            ),
            Kind::Bandwidth => (
                state.bandwidth.place(id),
                super::not_found(action, codes::NO_SUCH_BANDWIDTH, "shared bandwidth", id),
            ),
        };
        if place.is_some_and(|p| !p.admits(&asked)) {
            return Some(answer);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(region: Option<&str>, zone: Option<&str>) -> Place {
        Place {
            region: region.map(str::to_owned),
            zone: zone.map(str::to_owned),
        }
    }

    #[test]
    fn a_place_admits_requests_that_do_not_contradict_it() {
        let here = place(Some("cn-wlcb"), Some("cn-wlcb-01"));
        assert!(here.admits(&place(Some("cn-wlcb"), Some("cn-wlcb-01"))));
        assert!(here.admits(&place(None, None)));
        assert!(here.admits(&place(Some("cn-wlcb"), None)));
        assert!(!here.admits(&place(Some("cn-wlcb"), Some("cn-sh2-02"))));
        assert!(!here.admits(&place(Some("cn-sh2"), None)));
        assert!(place(None, None).admits(&place(Some("x"), Some("y"))));
    }
}
