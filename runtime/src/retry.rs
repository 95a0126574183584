use std::hash::{BuildHasher, RandomState};
use std::time::Duration;

/// How failed attempts are retried. Only actions the spec marks `retryable` are retried, so a
/// create-like action is never sent twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 disables retries.
    pub max_attempts: u32,
    pub initial_backoff: Duration,
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

impl RetryPolicy {
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Exponential backoff with full jitter before attempt `attempt + 1` (1-based `attempt`).
    pub fn backoff(&self, attempt: u32) -> Duration {
        let exp = self
            .initial_backoff
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
            .min(self.max_backoff);
        let jitter = RandomState::new().hash_one(attempt) % 1000;
        exp.mul_f64(jitter as f64 / 1000.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        let p = RetryPolicy {
            max_attempts: 10,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_millis(400),
        };
        for _ in 0..50 {
            assert!(p.backoff(1) < Duration::from_millis(100));
            assert!(p.backoff(2) < Duration::from_millis(200));
            assert!(p.backoff(9) < Duration::from_millis(400));
        }
    }
}
