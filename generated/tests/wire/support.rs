//! Helpers for the generated wire tests: a client with fixed test credentials, the signed
//! form of a request, the round trip of an example response, and assertions on violations.
// Which helpers the generated tests call depends on the specs (examples, constraints).
#![allow(dead_code)]

use compshare::runtime::codegen_support::{self as rt, Answer, FromParams};
use compshare::{Action, Client, Config, Credential, Rule};
use serde_json::Value;

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
    let (read, violations) = rt::from_params::<A>(&params);
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
    let entry = compshare::by_name(A::NAME).expect("every action is in the table");
    let download = entry.download;
    let server = MockServer::start(move |_| match download {
        true => Reply::text("text/csv", "a,b\n"),
        false => Reply::json(serde_json::json!({"RetCode": 0})),
    })
    .await;
    let config = Config::new(Credential::new(PUBLIC_KEY, PRIVATE_KEY)).with_base_url(server.url());
    let client = Client::new(config).unwrap();
    let mut filled = request.clone();
    let params = client
        .runtime()
        .prepare(&mut filled)
        .expect("the example request must be valid");
    if download {
        let typed = client
            .runtime()
            .download(request)
            .await
            .expect("typed call");
        assert_eq!(typed.content_type.as_deref(), Some("text/csv"));
        let runtime = client.runtime();
        runtime
            .download_by_name(entry, &params)
            .await
            .expect("by-name call");
    } else {
        client.send(request).await.expect("typed call");
        compshare::call(&client, A::NAME, &params)
            .await
            .expect("by-name call");
    }
    let bodies: Vec<Vec<u8>> = server.requests().into_iter().map(|r| r.body).collect();
    assert_eq!(bodies.len(), 2);
    assert_eq!(
        String::from_utf8_lossy(&bodies[0]),
        String::from_utf8_lossy(&bodies[1])
    );
}

/// Decodes a response body the way the client does.
pub fn decode<T: rt::Decode>(json: &str) -> T {
    rt::response::<T>(json.as_bytes())
        .expect("example is a JSON object")
        .0
}

/// The example response, decoded the way `call` decodes it and printed back as JSON, keeps
/// every value of the example.
pub fn keeps_every_value<A: Action>(json: &str) {
    let answer = Answer {
        status: 200,
        request_id: None,
        body: json.as_bytes().to_vec(),
    };
    let (response, envelope) =
        rt::decode_json::<A::Response>(A::NAME, answer).expect("the example decodes");
    let mut printed = serde_json::Map::new();
    for (k, v) in envelope.members() {
        printed.insert(k.to_owned(), v.clone());
    }
    if let Value::Object(members) = rt::ToJson::to_json(&response) {
        printed.extend(members);
    }
    let original: Value = serde_json::from_str(json).unwrap();
    let lost = compshare::runtime::testing::lost_leaves(&original, &Value::Object(printed));
    assert!(lost.is_empty(), "values lost: {lost:?}");
}

/// The request is rejected, with a violation of `field` breaking `rule`.
pub fn assert_violation<A: Action>(request: &A, field: &str, rule: Rule) {
    let mut request_vs = rt::Violations::new();
    request.validate_into(&mut request_vs);
    let found = request_vs.into_vec();
    assert!(
        found.iter().any(|v| v.field == field && v.rule == rule),
        "expected `{field}` to break {rule:?}, got {found:?}"
    );
}

/// Reading `field=value` as wire params reports `field` breaking `rule`.
pub fn assert_param_violation<A: FromParams>(field: &str, value: &str, rule: Rule) {
    let params = vec![(field.to_owned(), value.to_owned())];
    let (_, violations) = rt::from_params::<A>(&params);
    let found = violations.into_vec();
    assert!(
        found.iter().any(|v| v.field == field && v.rule == rule),
        "expected `{field}` to break {rule:?}, got {found:?}"
    );
}
