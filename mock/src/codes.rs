//! The `RetCode`s the mock answers with.
//!
//! The gateway codes are the API's own (see `compshare::runtime::codes`). The API's docs and
//! official SDKs establish no code for a request whose params break the spec, for an unknown
//! resource, or for a resource in the wrong state, so the mock chooses its own, all below 2000:
//! clients (this SDK, like the Go SDK) retry codes from 2000 up, and none of these errors goes
//! away on its own.
//!
//! [`NO_SUCH_ACTION`] also answers a documented action production does not serve (`unavailable`
//! in its spec): what production answers is not known.

pub use compshare::runtime::codes::{
    BAD_SIGNATURE, MISSING_ACTION, MISSING_SIGNATURE, NO_SUCH_ACTION, NO_SUCH_USER,
};

/// The params break the spec (a missing required param, a value out of range, an unknown
/// name, ...) or what the stateful server refuses beyond it; or the request could not be read
/// as params at all: a body larger than the limit, truncated or malformed on the wire, not
/// JSON, or more params than the limit. The message names the offending params (the first
/// few, and how many more).
pub const INVALID_PARAMS: i64 = 230;

/// The stateful mock has no instance with this `UHostId`, or it was terminated.
pub const NO_SUCH_INSTANCE: i64 = 240;

/// The instance is not in a state the action can start from, such as stopping an instance
/// that is already stopped or is still starting.
pub const WRONG_INSTANCE_STATE: i64 = 241;

/// The stateful mock has no data disk with this `UDiskId`, or it was deleted.
pub const NO_SUCH_DISK: i64 = 242;

/// The stateful mock has no CFS with this `CfsId`, or none is mounted on the instance that
/// DetachCFS names.
pub const NO_SUCH_CFS: i64 = 243;

/// The stateful mock has no shared bandwidth with this `ShareBandwidthId`.
pub const NO_SUCH_BANDWIDTH: i64 = 244;

/// A disk, CFS or shared bandwidth is not in a state the action can start from: attaching a
/// disk that is attached, detaching one that is not, deleting a mounted CFS without
/// `Recycle`, or buying a second shared bandwidth in a zone.
pub const WRONG_RESOURCE_STATE: i64 = 245;

/// The stateful mock already holds as many resources of this kind (instances, data disks,
/// CFS or shared bandwidth) as it may ([`MAX_RESOURCES`](crate::MAX_RESOURCES) by default);
/// delete some first. Like a quota, it does not go away on its own.
pub const TOO_MANY_RESOURCES: i64 = 246;

/// The action has rules, and none of them answers this request (none matches, or the ones
/// that match are used up). The request is listed by [`Mock::unmatched`](crate::Mock::unmatched).
pub const NO_MATCHING_RULE: i64 = 250;
