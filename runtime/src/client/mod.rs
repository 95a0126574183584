//! The one path every call takes: fill common params, validate, sign, send with retries, read a
//! bounded body, and decode.

mod answer;
mod body;
mod call;
mod download;

use std::sync::Arc;

pub(crate) use answer::decode_json_into;
pub use answer::{Answer, decode_json};
pub use body::{RequestBody, joined_arrays};
pub use call::Call;
pub use download::Download;

use crate::action::Action;
use crate::config::{Config, ConfigError};
use crate::error::Error;
use crate::form::{EncodeForm, FormWriter};
use crate::service::Service;
use crate::transport::{HttpTransport, Transport};
use crate::validate::{Validate, ValidationError, Violations};

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

    /// Validates and sends one request, and decodes its response. An action that answers with
    /// a file (`Action::DOWNLOAD`) goes through [`Client::download`] instead.
    pub async fn send<A: Action>(&self, mut request: A) -> Result<A::Response, Error> {
        if A::DOWNLOAD {
            return Err(Error::Decode {
                action: A::NAME.to_owned(),
                message: "this action answers with a file; use download()".to_owned(),
                request_id: None,
            });
        }
        let params = self.prepare(&mut request)?;
        let mut out = None;
        self.execute(Call::of::<A>(), params, &mut |answer| {
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
        validate_and_encode(&*request, A::NAME, earlier)
    }

    /// Adds `Action`, `PublicKey` and `Signature` to encoded params: the exact form body.
    pub fn sign(&self, action: &str, params: Vec<(String, String)>) -> Vec<(String, String)> {
        body::signed_form(&self.inner.config.credential, action, params)
    }

    /// The body a JSON-bodied action would post, signed.
    pub fn json_body(&self, action: &str, params: Vec<(String, String)>) -> serde_json::Value {
        body::json_body(&self.inner.config.credential, action, params)
    }
}

/// A request, seen through the two traits preparing it needs.
trait Request: Validate + EncodeForm {}

impl<T: Validate + EncodeForm> Request for T {}

/// Validates a filled request and encodes it; compiled once for every action.
fn validate_and_encode(
    request: &dyn Request,
    action: &str,
    earlier: Violations,
) -> Result<Vec<(String, String)>, ValidationError> {
    let mut violations = earlier;
    request.validate_into(&mut violations);
    violations.finish(action)?;
    let mut params = Vec::with_capacity(16);
    request.encode_form(&mut FormWriter::new(&mut params));
    Ok(params)
}
