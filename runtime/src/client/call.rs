//! Sending one call: attempts, retries, a bounded body, and a span that says what happened
//! without a secret in it.

use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tracing::Instrument;

use super::Client;
use super::answer::Answer;
use super::body::{self, Encoded, RequestBody};
use crate::action::Action;
use crate::error::Error;
use crate::retry::may_retry;
use crate::transport::{HttpRequest, HttpResponse};

/// What the client needs to know about an action to send it.
#[derive(Clone, Copy, Debug)]
pub struct Call {
    /// The wire name.
    pub action: &'static str,
    /// Whether transient failures are retried (false for create-like actions).
    pub retryable: bool,
    /// Codes that say the request was not carried out, retried for any action.
    pub retry_codes: &'static [i64],
    /// The first wait before retrying one of those codes, in milliseconds; 0 for the policy's.
    pub retry_backoff_ms: u64,
    /// How the request body is encoded.
    pub body: RequestBody,
    /// Wire names (last segment) whose values never appear in logs.
    pub sensitive: &'static [&'static str],
}

impl Call {
    /// The call of action `A`.
    pub const fn of<A: Action>() -> Self {
        Self {
            action: A::NAME,
            retryable: A::RETRYABLE,
            retry_codes: A::RETRY_CODES,
            retry_backoff_ms: A::RETRY_BACKOFF_MS,
            body: A::REQUEST_BODY,
            sensitive: A::SENSITIVE,
        }
    }

    /// A form-encoded call with no special retry codes and nothing hidden in logs.
    pub const fn plain(action: &'static str, retryable: bool) -> Self {
        Self {
            action,
            retryable,
            retry_codes: &[],
            retry_backoff_ms: 0,
            body: RequestBody::Form,
            sensitive: &[],
        }
    }
}

impl Client {
    /// Signs and posts encoded params, retrying as the call allows, and hands each answer to
    /// `accept`, whose error decides whether another attempt is made.
    pub async fn execute(
        &self,
        call: Call,
        params: Vec<(String, String)>,
        accept: &mut (dyn FnMut(Answer) -> Result<(), Error> + Send),
    ) -> Result<(), Error> {
        let encoded = self.encode(call, params);
        let encoded = &encoded;
        self.with_retries(
            call,
            || async move {
                let response = self.send_once(call.action, encoded).await?;
                let status = response.status;
                let request_id = response.request_id.clone();
                let body = self.read_body(call.action, response).await?;
                Ok(Answer {
                    status,
                    request_id,
                    body,
                })
            },
            accept,
        )
        .instrument(tracing::debug_span!(target: "compshare", "call", action = call.action))
        .await
    }

    /// Logs the params (sensitive values hidden) and encodes the body the call's way.
    pub(super) fn encode(&self, call: Call, params: Vec<(String, String)>) -> Encoded {
        tracing::trace!(
            target: "compshare",
            action = call.action,
            params = %Redacted(&params, call.sensitive),
            "request"
        );
        body::encode(
            call.body,
            &self.inner.config.credential,
            call.action,
            params,
        )
    }

    /// Runs `attempt` and then `finish` on what it got, until both succeed, one fails for
    /// good, or the policy's attempts run out.
    pub(super) async fn with_retries<T, U, F, Fut>(
        &self,
        call: Call,
        mut attempt: F,
        finish: &mut (dyn FnMut(T) -> Result<U, Error> + Send),
    ) -> Result<U, Error>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error>>,
    {
        let policy = &self.inner.config.retry;
        let mut n = 1;
        loop {
            let started = Instant::now();
            let result = attempt().await.and_then(&mut *finish);
            let elapsed_ms = started.elapsed().as_millis() as u64;
            match &result {
                Ok(_) => tracing::debug!(target: "compshare", attempt = n, elapsed_ms, "ok"),
                Err(e) => tracing::debug!(
                    target: "compshare",
                    attempt = n,
                    elapsed_ms,
                    code = e.code(),
                    request_id = e.request_id(),
                    error = %e,
                    "failed"
                ),
            }
            match result {
                Err(e)
                    if n < policy.max_attempts
                        && may_retry(&e, call.retryable, call.retry_codes) =>
                {
                    let own_code = e.code().is_some_and(|c| call.retry_codes.contains(&c));
                    // An action's own code names a condition that takes time to clear, such as
                    // a disk still detaching: wait the spec's backoff times the attempt, in full,
                    // as compshare-cli does, rather than a jittered fraction of it.
                    let wait = if own_code && call.retry_backoff_ms > 0 {
                        Duration::from_millis(call.retry_backoff_ms.saturating_mul(n.into()))
                    } else {
                        policy.backoff(n, policy.initial_backoff)
                    };
                    tracing::debug!(target: "compshare", attempt = n, wait_ms = wait.as_millis() as u64, "retrying");
                    tokio::time::sleep(wait).await;
                    n += 1;
                }
                other => return other,
            }
        }
    }

    /// Sends the encoded request once; a redirect is an error, not followed.
    pub(super) async fn send_once(
        &self,
        action: &str,
        encoded: &Encoded,
    ) -> Result<HttpResponse, Error> {
        let inner = &self.inner;
        let timestamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_millis();
        let request = HttpRequest {
            url: inner.base_url.clone(),
            content_type: encoded.content_type,
            headers: vec![("U-Timestamp-Ms", timestamp.to_string())],
            body: encoded.bytes.clone(),
        };
        let response = inner
            .transport
            .send(request)
            .await
            .map_err(|f| Error::Transport {
                action: action.to_owned(),
                kind: f.kind,
                source: f.source,
            })?;
        tracing::debug!(
            target: "compshare",
            status = response.status,
            request_id = response.request_id.as_deref(),
            "answer"
        );
        if (300..400).contains(&response.status) {
            return Err(Error::Redirect {
                action: action.to_owned(),
                status: response.status,
                location: response.location,
            });
        }
        Ok(response)
    }

    /// Reads the whole body, but no more than the configured limit.
    pub(super) async fn read_body(
        &self,
        action: &str,
        response: HttpResponse,
    ) -> Result<Vec<u8>, Error> {
        let limit = self.inner.config.max_response_bytes;
        let too_large = || Error::ResponseTooLarge {
            action: action.to_owned(),
            limit,
            variable: self.inner.service.var("MAX_RESPONSE_BYTES"),
        };
        if response.content_length.is_some_and(|n| n > limit) {
            return Err(too_large());
        }
        let mut body = Vec::with_capacity(response.content_length.unwrap_or(0) as usize);
        let mut chunks = response.body;
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk.map_err(|f| Error::Transport {
                action: action.to_owned(),
                kind: f.kind,
                source: f.source,
            })?;
            let needed = body.len() + chunk.len();
            if needed as u64 > limit {
                // Dropping the stream drops the connection: the rest is never read.
                return Err(too_large());
            }
            if needed > body.capacity() {
                // Grow by doubling, but never past the limit.
                let target = needed.max(body.capacity() * 2).min(limit as usize);
                body.reserve_exact(target - body.len());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}

/// Params for a log line: the values of sensitive names are hidden.
struct Redacted<'a>(&'a [(String, String)], &'a [&'a str]);

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (name, value)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            let last = name.rsplit('.').next().unwrap_or(name);
            if self.1.contains(&last) {
                write!(f, "{name}=<redacted>")?;
            } else {
                write!(f, "{name}={value:?}")?;
            }
        }
        Ok(())
    }
}
