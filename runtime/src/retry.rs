//! When a failed attempt is sent again, and how long to wait first.
//!
//! Only actions the spec marks `retryable` are retried on transient failures, so a create-like
//! action is never sent twice. An action may also list codes that say the request was not
//! carried out (such as "disk still detaching"); those are retried for any action.

use std::hash::{BuildHasher, RandomState};
use std::time::Duration;

use crate::error::{Error, TransportErrorKind};

/// How failed attempts are retried.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 disables retries.
    pub max_attempts: u32,
    /// The longest wait before the second attempt; it doubles for each later one.
    pub initial_backoff: Duration,
    /// The longest wait before any attempt.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
        }
    }
}

/// Gateway codes that mean "try again later": service unavailable and rate limited.
const TRANSIENT_GATEWAY_CODES: [i64; 2] = [150, 153];

/// HTTP statuses a proxy or an overloaded server answers with.
const TRANSIENT_STATUSES: [u16; 5] = [429, 500, 502, 503, 504];

impl RetryPolicy {
    /// A policy that never retries.
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Exponential backoff with full jitter before attempt `attempt + 1` (1-based `attempt`),
    /// starting from `initial` (the policy's, or an action's own).
    pub fn backoff(&self, attempt: u32, initial: Duration) -> Duration {
        let exp = initial
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(self.max_backoff.max(initial));
        let jitter = RandomState::new().hash_one(attempt) % 1000;
        exp.mul_f64(jitter as f64 / 1000.0)
    }
}

/// Whether an attempt that failed with `error` may be sent again. `retryable` is the action's
/// flag; `not_carried_out` are the action's own codes that say nothing was done.
pub fn may_retry(error: &Error, retryable: bool, not_carried_out: &[i64]) -> bool {
    if let Error::Api(e) = error
        && not_carried_out.contains(&e.code)
    {
        return true;
    }
    if !retryable {
        return false;
    }
    match error {
        Error::Transport { kind, .. } => matches!(
            kind,
            TransportErrorKind::Connect | TransportErrorKind::Timeout | TransportErrorKind::Other
        ),
        Error::Http(e) => TRANSIENT_STATUSES.contains(&e.status),
        // Like the Go SDK, codes from 2000 up are transient server-side failures.
        Error::Api(e) => TRANSIENT_GATEWAY_CODES.contains(&e.code) || e.code >= 2000,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;

    fn api(code: i64) -> Error {
        Error::Api(ApiError {
            code,
            message: String::new(),
            action: String::new(),
            request_id: None,
        })
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy {
            max_attempts: 10,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(400),
        };
        for _ in 0..50 {
            assert!(p.backoff(1, p.initial_backoff) < Duration::from_millis(100));
            assert!(p.backoff(2, p.initial_backoff) < Duration::from_millis(200));
            assert!(p.backoff(9, p.initial_backoff) < Duration::from_millis(400));
        }
    }

    #[test]
    fn gateway_and_server_side_codes_are_retried_for_retryable_actions_only() {
        for code in [150, 153, 2001] {
            assert!(may_retry(&api(code), true, &[]));
            assert!(!may_retry(&api(code), false, &[]));
        }
        assert!(!may_retry(&api(172), true, &[]));
        assert!(!may_retry(&api(230), true, &[]));
    }

    #[test]
    fn codes_that_say_nothing_was_done_are_retried_for_any_action() {
        assert!(may_retry(&api(8434), false, &[8434]));
        assert!(!may_retry(&api(8433), false, &[8434]));
    }
}
