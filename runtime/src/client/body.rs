//! The two ways a request goes on the wire, signed.
//!
//! Form bodies flatten arrays to `Name.N` and sign every pair. JSON bodies (the action's spec
//! says `request_body: json`) send each array of scalars as a JSON array and sign it as the
//! concatenation of its elements under the array's name, as compshare-cli and the server do;
//! everything else is sent and signed as in a form.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::credential::Credential;
use crate::form::encode_body;

/// How an action's request body is encoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RequestBody {
    /// `application/x-www-form-urlencoded`, arrays flattened to `Name.N`.
    #[default]
    Form,
    /// `application/json`, each array of scalars a JSON array signed as the concatenation of
    /// its elements.
    Json,
}

/// The content type and bytes of a signed request.
pub struct Encoded {
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// Adds `Action`, `PublicKey` and `Signature` to encoded params, as a form would send them.
pub fn signed_form(
    credential: &Credential,
    action: &str,
    mut params: Vec<(String, String)>,
) -> Vec<(String, String)> {
    params.push(("Action".to_owned(), action.to_owned()));
    params.push(("PublicKey".to_owned(), credential.public_key().to_owned()));
    let signature = credential.sign(&params);
    params.push(("Signature".to_owned(), signature));
    params
}

pub fn encode(
    kind: RequestBody,
    credential: &Credential,
    action: &str,
    params: Vec<(String, String)>,
) -> Encoded {
    match kind {
        RequestBody::Form => Encoded {
            content_type: "application/x-www-form-urlencoded",
            bytes: encode_body(&signed_form(credential, action, params)),
        },
        RequestBody::Json => Encoded {
            content_type: "application/json",
            bytes: json_body(credential, action, params)
                .to_string()
                .into_bytes(),
        },
    }
}

/// The JSON body of a request: arrays of scalars as arrays, signed joined.
pub fn json_body(credential: &Credential, action: &str, params: Vec<(String, String)>) -> Value {
    let (flat, arrays) = split_arrays(params);
    let mut body = Map::new();
    let signed = signed_form(credential, action, joined(&flat, &arrays));
    for (name, items) in arrays {
        body.insert(
            name,
            Value::Array(items.into_iter().map(Value::String).collect()),
        );
    }
    for (name, value) in flat.into_iter().chain(signed.into_iter().rev().take(3)) {
        body.insert(name, Value::String(value));
    }
    Value::Object(body)
}

/// The pairs a JSON body is signed over: each top-level array of scalars (`Name.0`,
/// `Name.1`, ...) as one pair whose value joins the elements in index order, and every other
/// param as it is. A server checking a JSON body's signature flattens it and calls this.
pub fn joined_arrays(params: &[(String, String)]) -> Vec<(String, String)> {
    let (flat, arrays) = split_arrays(params.to_vec());
    joined(&flat, &arrays)
}

type Arrays = BTreeMap<String, Vec<String>>;

/// Params apart from the elements of top-level arrays of scalars, and those arrays in order.
fn split_arrays(params: Vec<(String, String)>) -> (Vec<(String, String)>, Arrays) {
    let mut flat = Vec::new();
    let mut indexed: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for (name, value) in params {
        match array_element(&name) {
            Some((base, index)) => indexed
                .entry(base.to_owned())
                .or_default()
                .push((index, value)),
            None => flat.push((name, value)),
        }
    }
    let arrays = indexed
        .into_iter()
        .map(|(name, mut items)| {
            items.sort_by_key(|(i, _)| *i);
            (name, items.into_iter().map(|(_, v)| v).collect())
        })
        .collect();
    (flat, arrays)
}

fn joined(flat: &[(String, String)], arrays: &Arrays) -> Vec<(String, String)> {
    let mut out = flat.to_vec();
    out.extend(
        arrays
            .iter()
            .map(|(name, items)| (name.clone(), items.concat())),
    );
    out
}

/// `Name.N`: an element of a top-level array of scalars.
fn array_element(name: &str) -> Option<(&str, usize)> {
    let (base, index) = name.split_once('.')?;
    if base.is_empty() || index.contains('.') {
        return None;
    }
    index.parse().ok().map(|i| (base, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_bodies_send_arrays_and_sign_them_joined() {
        let credential = Credential::new("pub", "priv");
        let params = vec![
            ("Region".to_owned(), "cn-wlcb".to_owned()),
            ("UHostIds.1".to_owned(), "uhost-b".to_owned()),
            ("UHostIds.0".to_owned(), "uhost-a".to_owned()),
        ];
        let body = json_body(&credential, "GetMonitor", params);
        let expected_signature = crate::signature(
            &[
                ("Region".to_owned(), "cn-wlcb".to_owned()),
                ("UHostIds".to_owned(), "uhost-auhost-b".to_owned()),
                ("Action".to_owned(), "GetMonitor".to_owned()),
                ("PublicKey".to_owned(), "pub".to_owned()),
            ],
            "priv",
        );
        assert_eq!(
            body,
            serde_json::json!({
                "Region": "cn-wlcb",
                "UHostIds": ["uhost-a", "uhost-b"],
                "Action": "GetMonitor",
                "PublicKey": "pub",
                "Signature": expected_signature,
            })
        );
    }
}
