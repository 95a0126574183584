//! The API gateway's error codes, shared by every UCloud API (from the official
//! `summary/public.md`). A service's own codes are in its generated crate.

/// The gateway timed out.
pub const TIMEOUT: i64 = 110;
/// Gateway or authentication failure.
pub const GATEWAY_ERROR: i64 = 130;
/// The service is unavailable; retried for retryable actions.
pub const SERVICE_UNAVAILABLE: i64 = 150;
/// Too many requests; retried for retryable actions.
pub const RATE_LIMITED: i64 = 153;
/// The request has no `Action`.
pub const MISSING_ACTION: i64 = 160;
/// No such action.
pub const NO_SUCH_ACTION: i64 = 161;
/// The request has no `Signature`.
pub const MISSING_SIGNATURE: i64 = 170;
/// The signature does not match the private key.
pub const BAD_SIGNATURE: i64 = 171;
/// No such user.
pub const NO_SUCH_USER: i64 = 172;
/// No such token.
pub const NO_SUCH_TOKEN: i64 = 174;
/// No such project.
pub const NO_SUCH_PROJECT: i64 = 292;
/// No permission for the zone.
pub const ZONE_DENIED: i64 = 293;
/// The caller's IP address is not allowed.
pub const IP_DENIED: i64 = 294;
/// The account is locked for security.
pub const SECURITY_LOCKED: i64 = 295;
/// Denied by IAM.
pub const IAM_DENIED: i64 = 299;
