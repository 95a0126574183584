//! Waiting for a resource to reach a state: poll an action with backoff until the state is
//! reached, a state from which it cannot be reached is seen, or the time is up.
//!
//! Generated crates build waiters from the waiters their specs declare, such as
//! `client.wait_until_instance(id, State::Running)`.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::pin::Pin;
use std::time::{Duration, Instant};

use crate::error::Error;

/// One poll: the resource's state, or `None` when it is not listed.
pub type PollFuture<'a> = Pin<Box<dyn Future<Output = Result<Option<String>, Error>> + Send + 'a>>;

/// What is waited for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The resource reaches this state (its wire text).
    State(String),
    /// The resource is no longer listed.
    Gone,
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::State(s) => f.write_str(s),
            Target::Gone => f.write_str("gone"),
        }
    }
}

/// Why waiting stopped without reaching the target.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{resource} {id} did not become {target}: {reason}{}", last_seen(.last_state))]
pub struct WaitError {
    /// What was waited for, such as `instance`.
    pub resource: &'static str,
    /// Its id.
    pub id: String,
    /// The target.
    pub target: Target,
    /// The last state seen, if the resource was ever listed.
    pub last_state: Option<String>,
    /// Why waiting stopped.
    pub reason: WaitReason,
}

/// Why waiting stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WaitReason {
    /// The time was up.
    TimedOut(Duration),
    /// The resource reached a state from which the target cannot be reached.
    Failed(String),
}

impl fmt::Display for WaitReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitReason::TimedOut(d) => write!(f, "timed out after {:.0?}", d),
            WaitReason::Failed(state) => write!(f, "it reached `{state}`, which ends the wait"),
        }
    }
}

fn last_seen(state: &Option<String>) -> String {
    match state {
        Some(s) => format!(" (last seen `{s}`)"),
        None => " (never listed)".to_owned(),
    }
}

/// The default time limit of a wait: ten minutes.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);

/// A wait, to configure and then `.await`. It resolves to the state reached.
pub struct Waiter<'a> {
    resource: &'static str,
    id: String,
    target: Target,
    failure: &'static [&'static str],
    interval: Duration,
    timeout: Duration,
    poll: Box<dyn FnMut() -> PollFuture<'a> + Send + 'a>,
}

impl fmt::Debug for Waiter<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Waiter")
            .field("resource", &self.resource)
            .field("id", &self.id)
            .field("target", &self.target)
            .field("interval", &self.interval)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

impl<'a> Waiter<'a> {
    /// A wait for `resource` `id` to reach `target`, polling with `poll`; `failure` lists the
    /// states that end it with an error. Generated waiters call this, and so can a tool that
    /// drives a declared wait by name (see the generated crate's `schema::WAITERS`).
    pub fn new(
        resource: &'static str,
        id: String,
        target: Target,
        failure: &'static [&'static str],
        interval: Duration,
        poll: impl FnMut() -> PollFuture<'a> + Send + 'a,
    ) -> Self {
        Self {
            resource,
            id,
            target,
            failure,
            interval,
            timeout: DEFAULT_TIMEOUT,
            poll: Box::new(poll),
        }
    }

    /// Gives up after `timeout` (ten minutes by default).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Polls first after `interval`, then less often, up to four times that.
    pub fn interval(mut self, interval: Duration) -> Self {
        self.interval = interval;
        self
    }

    async fn run(mut self) -> Result<Option<String>, Error> {
        let started = Instant::now();
        let deadline = started + self.timeout;
        let mut wait = self.interval;
        let mut last_state = None;
        loop {
            let state = (self.poll)().await?;
            tracing::debug!(target: "compshare", resource = self.resource, id = %self.id, state = ?state, "polled");
            match (&self.target, &state) {
                (Target::Gone, None) => return Ok(None),
                (Target::State(t), Some(s)) if t == s => return Ok(state),
                (_, Some(s)) if self.failure.contains(&s.as_str()) => {
                    return Err(self.error(state.clone(), WaitReason::Failed(s.clone())));
                }
                _ => {}
            }
            if state.is_some() {
                last_state = state;
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(self.error(last_state, WaitReason::TimedOut(self.timeout)));
            }
            tokio::time::sleep(wait.min(deadline - now)).await;
            wait = (wait.mul_f64(1.5)).min(self.interval * 4);
        }
    }

    fn error(&self, last_state: Option<String>, reason: WaitReason) -> Error {
        Error::Wait(WaitError {
            resource: self.resource,
            id: self.id.clone(),
            target: self.target.clone(),
            last_state,
            reason,
        })
    }
}

impl<'a> IntoFuture for Waiter<'a> {
    type Output = Result<Option<String>, Error>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send + 'a>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.run())
    }
}
