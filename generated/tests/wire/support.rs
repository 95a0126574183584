//! Helpers for the generated wire tests: a client with fixed test credentials, the signed
//! form of a request, and assertions on violations.
// Which helpers the generated tests call depends on the specs (examples, constraints).
#![allow(dead_code)]

use compshare::runtime::{self, Action, FromParams};
use compshare::{Client, Config, Credential};

pub const PUBLIC_KEY: &str = "test-public-key";
pub const PRIVATE_KEY: &str = "test-private-key";

pub fn client() -> Client {
    let config =
        Config::new(Credential::new(PUBLIC_KEY, PRIVATE_KEY)).with_base_url("http://127.0.0.1:9");
    Client::new(config).expect("test config is valid")
}

/// The exact form body the client would post for this request, one `Name=Value` per line,
/// `Signature` last.
pub fn signed_form<A: Action>(mut request: A) -> String {
    let client = client();
    let params = client
        .runtime()
        .prepare(&mut request)
        .unwrap_or_else(|e| panic!("the example request must be valid: {e}"));
    let signed = client.runtime().sign(A::NAME, params);
    signed.iter().map(|(k, v)| format!("{k}={v}\n")).collect()
}

/// Encoding the request and reading the params back gives the same request.
pub fn reads_back<A: Action + FromParams + PartialEq + std::fmt::Debug + Clone>(request: A) {
    let client = client();
    let mut filled = request.clone();
    let params = client
        .runtime()
        .prepare(&mut filled)
        .expect("the example request must be valid");
    let (read, violations) = runtime::params::from_params::<A>(&params);
    assert!(
        violations.is_empty(),
        "reading the example back: {violations:?}"
    );
    assert_eq!(read, filled);
}

/// Calling the action by name with the example's wire params posts exactly the form the typed
/// request posts.
pub async fn by_name_sends_the_same_form<A: Action + Clone>(request: A) {
    use compshare::runtime::testing::{MockServer, Reply};
    let server = MockServer::start(|_| Reply::json(serde_json::json!({"RetCode": 0}))).await;
    let config = Config::new(Credential::new(PUBLIC_KEY, PRIVATE_KEY)).with_base_url(server.url());
    let client = Client::new(config).unwrap();
    let mut filled = request.clone();
    let params = client
        .runtime()
        .prepare(&mut filled)
        .expect("the example request must be valid");
    client.send(request).await.expect("typed call");
    compshare::call(&client, A::NAME, &params)
        .await
        .expect("by-name call");
    let bodies: Vec<Vec<u8>> = server.requests().into_iter().map(|r| r.body).collect();
    assert_eq!(bodies.len(), 2);
    assert_eq!(
        String::from_utf8_lossy(&bodies[0]),
        String::from_utf8_lossy(&bodies[1])
    );
}

/// Decodes a response body the way the client does.
pub fn decode<T: runtime::Decode + Default>(json: &str) -> T {
    let value: serde_json::Value = serde_json::from_str(json).expect("example is JSON");
    T::decode(&value).unwrap_or_default()
}

/// The request is rejected, with a violation of `field` whose rule reads `rule`.
pub fn assert_violation<A: Action>(request: &A, field: &str, rule: &str) {
    let mut request_vs = runtime::Violations::new();
    request.validate_into(&mut request_vs);
    let found = request_vs.into_vec();
    assert!(
        found
            .iter()
            .any(|v| v.field == field && v.rule.to_string() == rule),
        "expected `{field} {rule}`, got {found:?}"
    );
}

/// Reading `field=value` as wire params reports `field` with the rule `rule`.
pub fn assert_param_violation<A: FromParams>(field: &str, value: &str, rule: &str) {
    let params = vec![(field.to_owned(), value.to_owned())];
    let (_, violations) = runtime::params::from_params::<A>(&params);
    let found = violations.into_vec();
    assert!(
        found
            .iter()
            .any(|v| v.field == field && v.rule.to_string() == rule),
        "expected `{field} {rule}`, got {found:?}"
    );
}
