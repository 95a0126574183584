use std::sync::Arc;

use serde_json::Value;

use crate::action::Action;
use crate::config::{Config, ConfigError};
use crate::decode::Decode;
use crate::envelope::read_envelope;
use crate::error::Error;
use crate::form::FormWriter;
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
    config: Config,
    http: reqwest::Client,
}

const REQUEST_ID_HEADER: &str = "X-UCLOUD-REQUEST-UUID";

impl Client {
    pub fn new(config: Config) -> Result<Self, ConfigError> {
        config.check()?;
        let http = reqwest::Client::builder()
            .user_agent(crate::USER_AGENT)
            .timeout(config.timeout)
            .connect_timeout(config.connect_timeout)
            .build()
            .map_err(|e| ConfigError::Http(e.to_string()))?;
        Ok(Self {
            inner: Arc::new(Inner { config, http }),
        })
    }

    /// A client configured from the environment; see [`Config::from_env`].
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::new(Config::from_env()?)
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Validates and sends one request, and decodes its response.
    pub async fn send<A: Action>(&self, mut request: A) -> Result<A::Response, Error> {
        let params = self.prepare(&mut request)?;
        let body = self.invoke(A::NAME, A::RETRYABLE, params).await?;
        Ok(A::Response::decode(&body).unwrap_or_default())
    }

    /// Fills the request's unset common params from the config, validates it, and encodes it.
    pub fn prepare<A: Action>(
        &self,
        request: &mut A,
    ) -> Result<Vec<(String, String)>, ValidationError> {
        self.prepare_with(request, Violations::new())
    }

    /// [`Client::prepare`], reporting `earlier` violations (found while reading the request)
    /// together with the validation's own.
    pub fn prepare_with<A: Action>(
        &self,
        request: &mut A,
        earlier: Violations,
    ) -> Result<Vec<(String, String)>, ValidationError> {
        let config = &self.inner.config;
        request.common().fill(
            &config.region,
            config.zone.as_deref(),
            config.project_id.as_deref(),
        );
        let mut violations = earlier;
        request.validate_into(&mut violations);
        violations.finish(A::NAME)?;
        let mut params = Vec::new();
        request.encode_form(&mut FormWriter::new(&mut params));
        Ok(params)
    }

    /// Adds `Action`, `PublicKey` and `Signature` to encoded params: the exact form body.
    pub fn sign(&self, action: &str, mut params: Vec<(String, String)>) -> Vec<(String, String)> {
        let credential = &self.inner.config.credential;
        params.push(("Action".to_owned(), action.to_owned()));
        params.push(("PublicKey".to_owned(), credential.public_key().to_owned()));
        let signature = credential.sign(&params);
        params.push(("Signature".to_owned(), signature));
        params
    }

    /// Posts encoded params for `action`, retrying transient failures of retryable actions,
    /// and returns the response body once `RetCode` is 0.
    pub async fn invoke(
        &self,
        action: &'static str,
        retryable: bool,
        params: Vec<(String, String)>,
    ) -> Result<Value, Error> {
        let form = self.sign(action, params);
        let policy = &self.inner.config.retry;
        let mut attempt = 1;
        loop {
            let result = self.attempt(action, &form).await;
            match result {
                Err(e) if retryable && attempt < policy.max_attempts && e.is_retryable() => {
                    let wait = policy.backoff(attempt);
                    tracing::debug!(action, attempt, ?wait, error = %e, "retrying");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn attempt(&self, action: &str, form: &[(String, String)]) -> Result<Value, Error> {
        let transport = |source| Error::Transport {
            action: action.to_owned(),
            source,
        };
        let timestamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default();
        let response = self
            .inner
            .http
            .post(&self.inner.config.base_url)
            .header("U-Timestamp-Ms", timestamp.to_string())
            .form(form)
            .send()
            .await
            .map_err(transport)?;
        let status = response.status();
        let request_id = response
            .headers()
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = response.bytes().await.map_err(transport)?;
        tracing::debug!(action, status = status.as_u16(), request_id, "response");
        read_envelope(action, status.as_u16(), &bytes, request_id)
    }
}
