//! Calling actions by wire name with wire-style params, through a table of plain function
//! pointers: one non-generic async path serves every action, which keeps the generated crate
//! quick to compile.

use serde_json::{Map, Value};

use crate::action::Action;
use crate::client::{Answer, Call, Client, decode_json_into};
use crate::decode::Object;
use crate::error::Error;
use crate::json::ToJson;
use crate::params::{FromParams, from_params};
use crate::unknown::UnknownFields;
use crate::validate::{Rule, ValidationError, Violations};

type Params = [(String, String)];

/// Reads wire params into the typed request, fills common params, validates, and encodes.
pub type Prepare = fn(&Client, &Params) -> Result<Vec<(String, String)>, ValidationError>;

/// One action, as the by-name entry point sees it.
#[derive(Clone, Copy, Debug)]
pub struct ByName {
    /// The wire name.
    pub name: &'static str,
    /// How the action is sent.
    pub call: Call,
    /// Reads, fills, validates and encodes a request.
    pub prepare: Prepare,
    /// Reads and validates a request as it arrived, filling nothing: what a server checks.
    pub check: fn(&Params) -> Result<(), ValidationError>,
    /// Decodes an answer into the typed response, as JSON with the envelope's members.
    pub decode: fn(Answer) -> Result<Value, Error>,
    /// The spec's response example, a whole body.
    pub response_example: Option<&'static str>,
    /// Whether a successful answer is a file: call it with `Client::download_prepared`.
    pub download: bool,
}

impl ByName {
    /// The entry of action `A`.
    pub const fn of<A: Action + FromParams>() -> Self {
        Self {
            name: A::NAME,
            call: Call::of::<A>(),
            prepare: prepare::<A>,
            check: check::<A>,
            decode: decode::<A>,
            response_example: None,
            download: A::DOWNLOAD,
        }
    }

    /// The same entry with the spec's response example.
    pub const fn with_example(mut self, body: &'static str) -> Self {
        self.response_example = Some(body);
        self
    }
}

fn prepare<A: Action + FromParams>(
    client: &Client,
    params: &Params,
) -> Result<Vec<(String, String)>, ValidationError> {
    let (mut request, violations) = from_params::<A>(params);
    client.prepare_with(&mut request, violations)
}

fn check<A: Action + FromParams>(params: &Params) -> Result<(), ValidationError> {
    let (request, mut violations) = from_params::<A>(params);
    request.validate_into(&mut violations);
    violations.finish(A::NAME)
}

fn decode<A: Action>(answer: Answer) -> Result<Value, Error> {
    let mut response = A::Response::default();
    decode_value(A::NAME, &answer, &mut response)
}

/// A response type, seen through the two traits decoding to JSON needs.
trait Response: Object + ToJson {}

impl<T: Object + ToJson> Response for T {}

/// Decodes an answer into `response` and prints it as JSON, envelope first; compiled once for
/// every action.
fn decode_value(
    action: &str,
    answer: &Answer,
    response: &mut dyn Response,
) -> Result<Value, Error> {
    let envelope = decode_json_into(action, answer, response)?;
    let mut out = Map::new();
    for (key, value) in envelope.members() {
        out.insert(key.to_owned(), value.clone());
    }
    if let Value::Object(members) = response.to_json() {
        out.extend(members);
    }
    Ok(Value::Object(out))
}

/// A response that names no member, so that every member lands in its unknown fields exactly
/// as the server sent it: what [`Client::call_by_name`] prints.
#[derive(Default)]
struct AsSent(UnknownFields);

impl Object for AsSent {
    fn slot(&mut self, _: &str) -> Option<&mut dyn crate::decode::Target> {
        None
    }

    fn unknown_fields_mut(&mut self) -> &mut UnknownFields {
        &mut self.0
    }
}

impl ToJson for AsSent {
    fn to_json(&self) -> Value {
        Value::Object(self.0.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
    }
}

/// Finds an action in a table sorted by name; an unknown name is a validation error that
/// suggests the closest known one.
pub fn find<'a>(table: &'a [ByName], action: &str) -> Result<&'a ByName, Error> {
    match table.binary_search_by(|entry| entry.name.cmp(action)) {
        Ok(i) => Ok(&table[i]),
        Err(_) => {
            let mut v = Violations::new();
            let suggestion = crate::suggest::closest(action, table.iter().map(|e| e.name));
            v.push(
                "Action",
                Rule::UnknownAction { suggestion },
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
    /// returns the response as JSON: exactly the members the server sent, nothing added (no
    /// defaults for members it left out) and nothing dropped. The params are read into the
    /// typed request first, so types and validation apply, and every problem is reported
    /// before anything is sent. The answer is checked as a typed call checks it: an API error
    /// is an [`Error::Api`].
    pub async fn call_by_name(&self, entry: &ByName, params: &Params) -> Result<Value, Error> {
        let params = (entry.prepare)(self, params)?;
        self.call_prepared(entry, params).await
    }

    /// Sends params as [`ByName::prepare`] gave them, signed as they are, and returns the
    /// members the server sent, as [`Client::call_by_name`] does. A tool may change or add
    /// params in between, such as one newer than the specs that its user gave by name.
    pub async fn call_prepared(
        &self,
        entry: &ByName,
        params: Vec<(String, String)>,
    ) -> Result<Value, Error> {
        if entry.download {
            return Err(Error::Decode {
                action: entry.name.to_owned(),
                message: "this action answers with a file; download it instead".to_owned(),
                request_id: None,
            });
        }
        let mut out = None;
        self.execute(entry.call, params, &mut |answer| {
            out = Some(decode_value(entry.name, &answer, &mut AsSent::default())?);
            Ok(())
        })
        .await?;
        Ok(out.unwrap_or(Value::Null))
    }

    /// [`Client::call_by_name`] for an action whose answer is a file.
    pub async fn download_by_name(
        &self,
        entry: &ByName,
        params: &Params,
    ) -> Result<crate::client::Download, Error> {
        let params = (entry.prepare)(self, params)?;
        self.download_prepared(entry.call, params).await
    }
}
