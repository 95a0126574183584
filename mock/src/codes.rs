//! The `RetCode`s the mock answers with.
//!
//! The gateway codes are the API's own (see `compshare::runtime::codes`). The API's docs and
//! official SDKs establish no code for a request whose params break the spec, so the mock
//! chooses its own, below 2000 like every code here: clients (this SDK, like the Go SDK) retry
//! codes from 2000 up, and none of these errors goes away on its own.

pub use compshare::runtime::codes::{
    BAD_SIGNATURE, MISSING_ACTION, MISSING_SIGNATURE, NO_SUCH_ACTION, NO_SUCH_USER,
};

/// The params break the spec (a missing required param, a value out of range, an unknown
/// name, ...), or the body could not be read as params at all. The message names every
/// offending param.
pub const INVALID_PARAMS: i64 = 230;

/// The action has rules, and none of them answers this request (none matches, or the ones
/// that match are used up). The request is listed by [`Mock::unmatched`](crate::Mock::unmatched).
pub const NO_MATCHING_RULE: i64 = 250;
