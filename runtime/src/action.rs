//! What every generated request is to the client.

use crate::decode::Decode;
use crate::form::EncodeForm;
use crate::validate::Validate;

/// One API action's request. Every generated request implements it; send one with
/// [`Client::send`](crate::Client::send).
pub trait Action: EncodeForm + Validate + Send + 'static {
    /// The wire name, sent as `Action=`.
    const NAME: &'static str;
    /// Whether a failed attempt may be sent again. False for create-like actions.
    const RETRYABLE: bool;
    /// API codes that say the request was not carried out, so that sending it again is safe
    /// even for an action that is not retryable.
    const RETRY_CODES: &'static [i64] = &[];
    /// The first wait before retrying one of [`Action::RETRY_CODES`], in milliseconds; 0 for
    /// the retry policy's.
    #[doc(hidden)]
    const RETRY_BACKOFF_MS: u64 = 0;
    /// How the request body is encoded.
    #[doc(hidden)]
    const REQUEST_BODY: crate::client::RequestBody = crate::client::RequestBody::Form;
    /// Whether a successful answer is a file rather than JSON; see
    /// [`Client::download`](crate::Client::download).
    const DOWNLOAD: bool = false;
    /// Request params (by the last segment of their wire name) whose values never appear in
    /// logs.
    #[doc(hidden)]
    const SENSITIVE: &'static [&'static str] = &[];
    /// The response type.
    type Response: Decode + Send + 'static;

    /// The common params this action has, for filling from the config.
    #[doc(hidden)]
    fn common(&mut self) -> Common<'_>;
}

/// Mutable access to the common params an action declares; `None` where it has no such param.
#[doc(hidden)]
#[derive(Default)]
pub struct Common<'a> {
    pub region: Option<&'a mut Option<String>>,
    pub zone: Option<&'a mut Option<String>>,
    pub project_id: Option<&'a mut Option<String>>,
}

impl Common<'_> {
    /// Fills each unset param from its default.
    pub fn fill(self, region: &str, zone: &str, project_id: Option<&str>) {
        fill(self.region, Some(region).filter(|r| !r.is_empty()));
        fill(self.zone, Some(zone).filter(|z| !z.is_empty()));
        fill(self.project_id, project_id);
    }
}

fn fill(slot: Option<&mut Option<String>>, default: Option<&str>) {
    if let (Some(slot @ None), Some(default)) = (slot, default) {
        *slot = Some(default.to_owned());
    }
}
