//! The one path every call takes: fill common params, validate, sign, send with retries, read a
//! bounded body, and decode.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tracing::Instrument;

use crate::action::Action;
use crate::config::{Config, ConfigError};
use crate::decode::{self, Decode, Envelope};
use crate::error::{Error, HttpError};
use crate::form::{FormWriter, encode_body};
use crate::retry::may_retry;
use crate::service::Service;
use crate::transport::{HttpRequest, HttpResponse, HttpTransport, Transport};
use crate::validate::{ValidationError, Violations};

/// Sends actions: fills common params, validates, signs, posts, retries and decodes.
///
/// Cheap to clone; clones share one connection pool.
#[derive(Clone, Debug)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    service: &'static Service,
    config: Config,
    base_url: String,
    region: String,
    zone: String,
    transport: Box<dyn Transport>,
}

/// How one action is retried.
#[derive(Clone, Copy, Debug)]
#[doc(hidden)]
pub struct Retry {
    pub retryable: bool,
    pub codes: &'static [i64],
}

impl Retry {
    /// The action's retry rules.
    pub fn of<A: Action>() -> Self {
        Self {
            retryable: A::RETRYABLE,
            codes: A::RETRY_CODES,
        }
    }
}

/// A response as read off the wire, before decoding.
#[derive(Debug)]
#[doc(hidden)]
pub struct Answer {
    pub status: u16,
    pub request_id: Option<String>,
    pub body: Vec<u8>,
}

impl Client {
    /// A client for `service` with this config, over HTTPS.
    pub fn new(service: &'static Service, config: Config) -> Result<Self, ConfigError> {
        let transport =
            HttpTransport::new(service.user_agent, config.timeout, config.connect_timeout)
                .map_err(|e| ConfigError::Http(e.to_string()))?;
        Self::with_transport(service, config, Box::new(transport))
    }

    /// A client that sends through `transport` instead of the network.
    pub fn with_transport(
        service: &'static Service,
        config: Config,
        transport: Box<dyn Transport>,
    ) -> Result<Self, ConfigError> {
        let base_url = config
            .base_url
            .clone()
            .unwrap_or_else(|| service.base_url.to_owned());
        crate::config::check_base_url(&base_url)?;
        let region = config
            .region
            .clone()
            .unwrap_or_else(|| service.region.to_owned());
        let zone = config
            .zone
            .clone()
            .unwrap_or_else(|| service.zone.to_owned());
        Ok(Self {
            inner: Arc::new(Inner {
                service,
                config,
                base_url,
                region,
                zone,
                transport,
            }),
        })
    }

    /// The config this client was built with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The service this client calls.
    pub fn service(&self) -> &'static Service {
        self.inner.service
    }

    /// The endpoint requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// Validates and sends one request, and decodes its response.
    pub async fn send<A: Action>(&self, mut request: A) -> Result<A::Response, Error> {
        let params = self.prepare(&mut request)?;
        let mut out = None;
        self.execute(A::NAME, Retry::of::<A>(), params, &mut |answer| {
            out = Some(decode_json::<A::Response>(A::NAME, answer)?.0);
            Ok(())
        })
        .await?;
        Ok(out.unwrap_or_default())
    }

    /// Fills the request's unset common params from the config, validates it, and encodes it.
    #[doc(hidden)]
    pub fn prepare<A: Action>(
        &self,
        request: &mut A,
    ) -> Result<Vec<(String, String)>, ValidationError> {
        self.prepare_with(request, Violations::new())
    }

    /// [`Client::prepare`], reporting `earlier` violations (found while reading the request)
    /// together with the validation's own.
    #[doc(hidden)]
    pub fn prepare_with<A: Action>(
        &self,
        request: &mut A,
        earlier: Violations,
    ) -> Result<Vec<(String, String)>, ValidationError> {
        let inner = &self.inner;
        request.common().fill(
            &inner.region,
            &inner.zone,
            inner.config.project_id.as_deref(),
        );
        let mut violations = earlier;
        request.validate_into(&mut violations);
        violations.finish(A::NAME)?;
        let mut params = Vec::with_capacity(16);
        request.encode_form(&mut FormWriter::new(&mut params));
        Ok(params)
    }

    /// Adds `Action`, `PublicKey` and `Signature` to encoded params: the exact form body.
    #[doc(hidden)]
    pub fn sign(&self, action: &str, mut params: Vec<(String, String)>) -> Vec<(String, String)> {
        let credential = &self.inner.config.credential;
        params.push(("Action".to_owned(), action.to_owned()));
        params.push(("PublicKey".to_owned(), credential.public_key().to_owned()));
        let signature = credential.sign(&params);
        params.push(("Signature".to_owned(), signature));
        params
    }

    /// Signs and posts encoded params, retrying as `retry` allows, and hands each answer to
    /// `accept`, whose error decides whether another attempt is made.
    #[doc(hidden)]
    pub async fn execute(
        &self,
        action: &'static str,
        retry: Retry,
        params: Vec<(String, String)>,
        accept: &mut (dyn FnMut(Answer) -> Result<(), Error> + Send),
    ) -> Result<(), Error> {
        let body = encode_body(&self.sign(action, params));
        let span = tracing::debug_span!(target: "compshare", "call", action);
        self.attempts(action, retry, body, accept)
            .instrument(span)
            .await
    }

    async fn attempts(
        &self,
        action: &'static str,
        retry: Retry,
        body: Vec<u8>,
        accept: &mut (dyn FnMut(Answer) -> Result<(), Error> + Send),
    ) -> Result<(), Error> {
        let policy = &self.inner.config.retry;
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let result = match self.attempt(action, body.clone()).await {
                Ok(answer) => {
                    let (status, request_id) = (answer.status, answer.request_id.clone());
                    let result = accept(answer);
                    tracing::debug!(
                        target: "compshare",
                        attempt,
                        status,
                        request_id,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        ok = result.is_ok(),
                        "answer"
                    );
                    result
                }
                Err(e) => {
                    tracing::debug!(target: "compshare", attempt, elapsed_ms = started.elapsed().as_millis() as u64, error = %e, "failed");
                    Err(e)
                }
            };
            match result {
                Err(e)
                    if attempt < policy.max_attempts
                        && may_retry(&e, retry.retryable, retry.codes) =>
                {
                    let wait = policy.backoff(attempt, policy.initial_backoff);
                    tracing::debug!(target: "compshare", attempt, wait_ms = wait.as_millis() as u64, "retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    /// One attempt: the answer's status and body, or why there is none.
    async fn attempt(&self, action: &str, body: Vec<u8>) -> Result<Answer, Error> {
        let inner = &self.inner;
        let timestamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_millis();
        let request = HttpRequest {
            url: inner.base_url.clone(),
            content_type: "application/x-www-form-urlencoded",
            headers: vec![("U-Timestamp-Ms", timestamp.to_string())],
            body,
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
        if (300..400).contains(&response.status) {
            return Err(Error::Redirect {
                action: action.to_owned(),
                status: response.status,
                location: response.location,
            });
        }
        let status = response.status;
        let request_id = response.request_id.clone();
        let body = self.read_body(action, response).await?;
        Ok(Answer {
            status,
            request_id,
            body,
        })
    }

    /// Reads the whole body, but no more than the configured limit.
    async fn read_body(&self, action: &str, response: HttpResponse) -> Result<Vec<u8>, Error> {
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

/// Decodes a JSON answer into `R`, or the error it carries.
#[doc(hidden)]
pub fn decode_json<R: Decode>(action: &str, answer: Answer) -> Result<(R, Envelope), Error> {
    match decode::response::<R>(&answer.body) {
        Ok((response, envelope)) => {
            check(action, &answer, Some(&envelope))?;
            Ok((response, envelope))
        }
        Err(e) => {
            check(action, &answer, None)?;
            Err(decode_error(
                action,
                &answer,
                format!(
                    "the body is not a JSON object ({e}): {}",
                    excerpt(&answer.body)
                ),
            ))
        }
    }
}

/// The error an answer carries: an API error, an HTTP error status, or a body that is not the
/// envelope. `None` when the body did not parse, which is only an error of its own on success
/// statuses.
fn check(action: &str, answer: &Answer, envelope: Option<&Envelope>) -> Result<(), Error> {
    let ok_status = (200..300).contains(&answer.status);
    let code = envelope.and_then(Envelope::code);
    match code {
        Some(0) if ok_status => Ok(()),
        Some(code) if code != 0 => Err(Error::Api(crate::error::ApiError {
            code,
            message: envelope.map(Envelope::message_text).unwrap_or_default(),
            action: action.to_owned(),
            request_id: answer.request_id.clone(),
        })),
        _ if !ok_status => Err(Error::Http(HttpError {
            status: answer.status,
            body: excerpt(&answer.body),
            action: action.to_owned(),
            request_id: answer.request_id.clone(),
        })),
        None if envelope.is_none() => Ok(()),
        _ => Err(decode_error(
            action,
            answer,
            "the body has no RetCode".to_owned(),
        )),
    }
}

fn decode_error(action: &str, answer: &Answer, message: String) -> Error {
    Error::Decode {
        action: action.to_owned(),
        message,
        request_id: answer.request_id.clone(),
    }
}

fn excerpt(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out: String = text.chars().take(200).collect();
    if text.chars().nth(200).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unknown::UnknownFields;

    #[derive(Debug, Default)]
    struct Empty(UnknownFields);

    impl crate::decode::Object for Empty {
        fn slot(&mut self, _: &str) -> Option<&mut dyn crate::decode::Target> {
            None
        }
        fn unknown_fields_mut(&mut self) -> &mut UnknownFields {
            &mut self.0
        }
    }

    impl crate::json::ToJson for Empty {
        fn to_json(&self) -> serde_json::Value {
            serde_json::Value::Null
        }
    }

    fn answer(status: u16, body: &str) -> Result<(Empty, Envelope), Error> {
        decode_json::<Empty>(
            "A",
            Answer {
                status,
                request_id: Some("r1".into()),
                body: body.as_bytes().to_vec(),
            },
        )
    }

    #[test]
    fn envelope_errors() {
        let (ok, _) = answer(200, r#"{"RetCode":"0","X":1}"#).unwrap();
        assert_eq!(ok.0.get("X"), Some(&serde_json::json!(1)));

        let api = answer(200, r#"{"RetCode":171,"Message":"bad sig"}"#).unwrap_err();
        assert_eq!(api.to_string(), "A: API error 171: bad sig (request id r1)");

        let api_in_500 = answer(500, r#"{"RetCode":"150","Message":"busy"}"#).unwrap_err();
        assert_eq!(api_in_500.code(), Some(150));

        let http = answer(502, "<html>bad gateway</html>").unwrap_err();
        assert_eq!(
            http.to_string(),
            "A: HTTP 502 (request id r1): <html>bad gateway</html>"
        );

        let not_json = answer(200, "oops").unwrap_err();
        assert_eq!(
            not_json.to_string(),
            "A: cannot decode the response (request id r1): the body is not a JSON object (expected an object at byte 0): oops"
        );

        let no_code = answer(200, "{}").unwrap_err();
        assert!(no_code.to_string().contains("no RetCode"));
    }
}
