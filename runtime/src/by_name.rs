//! Calling actions by wire name with wire-style params, through a table of plain function
//! pointers: one non-generic async path serves every action, which keeps the generated crate
//! quick to compile.

use serde_json::Value;

use crate::action::Action;
use crate::client::Client;
use crate::decode::Decode;
use crate::error::Error;
use crate::params::{FromParams, from_params};
use crate::validate::ValidationError;

type Params = [(String, String)];

/// Reads wire params into the typed request, fills common params, validates, and encodes.
pub type Prepare = fn(&Client, &Params) -> Result<Vec<(String, String)>, ValidationError>;

/// One action, as the by-name entry point sees it.
#[derive(Clone, Copy, Debug)]
pub struct ByName {
    pub name: &'static str,
    pub retryable: bool,
    pub prepare: Prepare,
    /// Decodes a response body into the typed response, as JSON.
    pub decode: fn(&Value) -> Result<Value, serde_json::Error>,
}

impl ByName {
    pub const fn of<A>() -> Self
    where
        A: Action + FromParams,
        A::Response: serde::Serialize,
    {
        Self {
            name: A::NAME,
            retryable: A::RETRYABLE,
            prepare: prepare::<A>,
            decode: decode::<A::Response>,
        }
    }
}

fn prepare<A: Action + FromParams>(
    client: &Client,
    params: &Params,
) -> Result<Vec<(String, String)>, ValidationError> {
    let (mut request, violations) = from_params::<A>(params);
    client.prepare_with(&mut request, violations)
}

fn decode<R: Decode + Default + serde::Serialize>(
    body: &Value,
) -> Result<Value, serde_json::Error> {
    serde_json::to_value(R::decode(body).unwrap_or_default())
}

/// Finds an action in a table sorted by name; an unknown name is a validation error that
/// suggests the closest known one.
pub fn find<'a>(table: &'a [ByName], action: &str) -> Result<&'a ByName, Error> {
    match table.binary_search_by(|entry| entry.name.cmp(action)) {
        Ok(i) => Ok(&table[i]),
        Err(_) => {
            let mut v = crate::validate::Violations::new();
            let suggestion = crate::params::closest(action, table.iter().map(|e| e.name));
            v.push(
                "Action",
                crate::Rule::UnknownAction { suggestion },
                Some(action.to_owned()),
            );
            Err(Error::Validation(ValidationError {
                action: action.to_owned(),
                violations: v.into_vec(),
            }))
        }
    }
}

impl Client {
    /// Sends an action given by name with wire-style params (`Limit=20`, `Disks.0.Size=60`) and
    /// returns the typed response as JSON. The params are read into the typed request first,
    /// so types and validation apply, and every problem is reported before anything is sent.
    pub async fn call_by_name(&self, entry: &ByName, params: &Params) -> Result<Value, Error> {
        let params = (entry.prepare)(self, params)?;
        let body = self.invoke(entry.name, entry.retryable, params).await?;
        (entry.decode)(&body).map_err(|e| Error::Decode {
            action: entry.name.to_owned(),
            message: e.to_string(),
            request_id: None,
        })
    }
}
