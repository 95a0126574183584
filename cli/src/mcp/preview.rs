//! What `call_write` returns without `confirm: true`, having sent nothing: the exact request
//! (method, URL, content type, params and body, the signature redacted) and, where a price
//! action pairs with the write, its price for the params it accepts.

use compshare::Client;
use compshare::runtime::schema::ActionInfo;
use compshare::runtime::tools::{RequestBody, encode_body};
use serde_json::{Map, Value, json};

use super::State;
use super::call::{Args, Target, prepare, within};
use super::classify::{self, Class};
use super::errors;
use super::redact::{self, REDACTED};

/// What `call_write` shows without `confirm`: the request and, if one pairs, the price.
pub async fn preview(
    state: &State,
    client: &Client,
    t: &Target,
    args: Args<'_>,
    prepared: Vec<(String, String)>,
) -> Value {
    let mut out = json!({
        "sent": false,
        "action": t.info.name,
        "class": t.class.as_str(),
        "summary": t.info.summary,
        "request": request(state, client, t, prepared),
        "retried": if t.info.retryable { "transient failures are retried" } else { "never retried: sent exactly once" },
    });
    if let Some(price) = classify::price_action(t.info.name) {
        out["price"] = price_of(
            state,
            client,
            t.info,
            price,
            args.params,
            args.timeout_seconds.min(30),
        )
        .await;
    }
    out["next"] = Value::from(
        "Nothing was sent. Show the user this request (and the price). Only if the user explicitly agrees, call call_write again with the same action and params, confirm: true, and confirmation_summary saying what they agreed to.",
    );
    out
}

/// The exact request: method, URL, content type, params and body, the signature redacted (and
/// the sensitive params, unless shown).
fn request(state: &State, client: &Client, t: &Target, prepared: Vec<(String, String)>) -> Value {
    let rt = client.runtime();
    let mut redacted = Vec::new();
    let (content_type, params, body) = match t.entry.call.body {
        RequestBody::Json => {
            let mut body = rt.json_body(t.info.name, prepared);
            body["Signature"] = Value::from(REDACTED);
            if !state.show_sensitive {
                redact::redact(&mut body, "", &mut redacted);
            }
            ("application/json", body.clone(), body.to_string())
        }
        RequestBody::Form => {
            let mut form = rt.sign(t.info.name, prepared);
            form.retain(|(name, _)| name != "Signature");
            if !state.show_sensitive {
                redacted = redact::redact_params(&mut form);
            }
            let body = String::from_utf8(encode_body(&form)).expect("form bodies are ASCII");
            let mut params: Map<String, Value> =
                form.into_iter().map(|(n, v)| (n, Value::from(v))).collect();
            params.insert("Signature".to_owned(), Value::from(REDACTED));
            (
                "application/x-www-form-urlencoded",
                Value::Object(params),
                format!("{body}&Signature={REDACTED}"),
            )
        }
    };
    let mut out = json!({
        "method": "POST",
        "url": rt.base_url(),
        "content_type": content_type,
        "params": params,
        "body": body,
    });
    if !redacted.is_empty() {
        out["redacted"] = json!(redacted);
    }
    out
}

/// The price of a write: its paired price action called with the params it accepts.
async fn price_of(
    state: &State,
    client: &Client,
    write: &ActionInfo,
    price: &'static str,
    params: &Map<String, Value>,
    seconds: u64,
) -> Value {
    let Some(info) = compshare::schema::ACTIONS.iter().find(|a| a.name == price) else {
        return json!({"action": price, "error": "no such action"});
    };
    let accepted: Map<String, Value> = params
        .iter()
        .filter(|(k, _)| {
            let top = k.split('.').next().unwrap_or_default();
            info.params.iter().any(|p| p.name.eq_ignore_ascii_case(top))
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let used: Vec<&String> = accepted.keys().collect();
    let prepared = match prepare(state, client, info, &accepted) {
        Ok(p) => p,
        Err(e) => {
            return json!({
                "action": price,
                "params_used": used,
                "error": format!("not priced: the {} params do not make a valid {price} request", write.name),
                "details": e.get("violations"),
            });
        }
    };
    let entry = compshare::by_name(price).expect("every schema action has a by-name entry");
    match within(seconds, client.runtime().call_prepared(entry, prepared)).await {
        Some(Ok(answer)) => json!({"action": price, "params_used": used, "answer": answer}),
        Some(Err(e)) => json!({
            "action": price,
            "params_used": used,
            "error": errors::sdk(info, Class::Read, &e, state.show_sensitive),
        }),
        None => json!({"action": price, "error": format!("no answer within {seconds} s")}),
    }
}
