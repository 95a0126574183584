//! Failures as tool errors: what happened, whether anything was sent, and what to do next.
//! A validation error lists every violated rule; an API error carries its code, message,
//! request id and the documented meaning of the code. A write whose outcome is unknown (a
//! timeout, a broken connection, an unreadable answer) says so, is never marked retryable, and
//! names the action that shows the resource's state.

use compshare::runtime::TransportErrorKind;
use compshare::runtime::schema::ActionInfo;
use compshare::{Error, ValidationError};
use serde_json::{Value, json};

use super::classify::{self, Class};
use super::redact::{REDACTED, is_sensitive};
use super::wire::Problem;

/// A tool error: a JSON object the server returns with `isError: true`.
pub type ToolError = Value;

/// An error of the tool's own arguments.
pub fn bad_arguments(message: impl Into<String>) -> ToolError {
    json!({"error": "bad_arguments", "sent": false, "message": message.into()})
}

/// Every problem with a request's params; nothing was sent.
pub fn invalid(
    action: &str,
    problems: &[Problem],
    sdk: Option<&ValidationError>,
    show_sensitive: bool,
) -> ToolError {
    let mut violations: Vec<Value> = problems
        .iter()
        .map(|p| json!({"param": p.param, "message": p.message}))
        .collect();
    for v in sdk.map(|e| e.violations.as_slice()).unwrap_or_default() {
        let mut v = v.clone();
        let leaf = v.field.rsplit('.').next().unwrap_or_default().to_owned();
        if !show_sensitive && v.value.is_some() && is_sensitive(&leaf) {
            v.value = Some(REDACTED.to_owned());
        }
        let mut one =
            json!({"param": v.field, "rule": v.rule.to_string(), "message": v.to_string()});
        if let Some(value) = &v.value {
            one["value"] = Value::from(value.as_str());
        }
        violations.push(one);
    }
    json!({
        "error": "invalid_request",
        "sent": false,
        "action": action,
        "violations": violations,
        "message": format!("the {action} request breaks {} rule(s); nothing was sent. Fix every one (describe_action shows the params' rules) and call again.", violations.len()),
    })
}

/// Whether the answer to a write is unknown after this error: the request may have reached
/// the server and been carried out.
fn outcome_unknown(e: &Error) -> bool {
    match e {
        Error::Transport { kind, .. } => *kind != TransportErrorKind::Connect,
        Error::Http(_) | Error::Decode { .. } | Error::ResponseTooLarge { .. } => true,
        _ => false,
    }
}

/// An SDK error from calling `info`.
pub fn sdk(info: &ActionInfo, class: Class, e: &Error, show_sensitive: bool) -> ToolError {
    match e {
        Error::Validation(v) => invalid(info.name, &[], Some(v), show_sensitive),
        Error::Api(api) => {
            let mut out = json!({
                "error": "api_error",
                "sent": true,
                "outcome": "failed",
                "action": info.name,
                "code": api.code,
                "message": api.message,
                "request_id": api.request_id,
            });
            if let Some(meaning) = compshare::codes::message(api.code) {
                out["meaning"] = Value::from(meaning);
            }
            out["retryable"] = Value::Bool(class == Class::Read && api.code >= 2000);
            out
        }
        Error::Config(c) => not_configured(&c.to_string()),
        e if class != Class::Read && outcome_unknown(e) => unknown(info, &e.to_string()),
        Error::Transport {
            kind: TransportErrorKind::Connect,
            ..
        } => json!({
            "error": "cannot_connect",
            "sent": false,
            "action": info.name,
            "message": e.to_string(),
            "retryable": true,
        }),
        other => json!({
            "error": kind(other),
            "sent": !matches!(other, Error::Wait(_)),
            "outcome": "not_completed",
            "action": info.name,
            "message": other.to_string(),
            "request_id": other.request_id(),
            "retryable": class == Class::Read,
        }),
    }
}

fn kind(e: &Error) -> &'static str {
    match e {
        Error::Transport {
            kind: TransportErrorKind::Timeout,
            ..
        } => "timeout",
        Error::Transport { .. } => "transport_error",
        Error::Http(_) => "http_error",
        Error::Redirect { .. } => "redirect",
        Error::ResponseTooLarge { .. } => "response_too_large",
        Error::Decode { .. } => "decode_error",
        Error::Wait(_) => "wait_failed",
        _ => "error",
    }
}

/// A write whose outcome is unknown: it may have been carried out.
pub fn unknown(info: &ActionInfo, what: &str) -> ToolError {
    let check = match classify::check_action(info.name) {
        Some(list) => format!("call_read {list} (with the resource's id or name)"),
        None => "the matching Describe action (search_actions)".to_owned(),
    };
    json!({
        "error": "outcome_unknown",
        "sent": "maybe",
        "outcome": "unknown",
        "retryable": false,
        "action": info.name,
        "message": format!("{what}. The request may have reached the server and been carried out."),
        "next": format!("Do NOT send it again yet. Check the resource's state first with {check}; send it again only if the check shows it was not carried out, and only with the user's confirmation."),
        "check_with": classify::check_action(info.name),
    })
}

/// A read that did not finish in time.
pub fn read_timeout(info: &ActionInfo, seconds: u64) -> ToolError {
    json!({
        "error": "timeout",
        "sent": "maybe",
        "outcome": "not_completed",
        "retryable": true,
        "action": info.name,
        "message": format!("no answer within timeout_seconds={seconds}; reads are safe to call again"),
    })
}

/// No client: the settings are missing or wrong.
pub fn not_configured(message: &str) -> ToolError {
    json!({
        "error": "not_configured",
        "sent": false,
        "message": format!("the server's settings cannot make a client: {message}. Set COMPSHARE_PUBLIC_KEY and COMPSHARE_PRIVATE_KEY in the MCP server's environment, or run `compshare configure`."),
    })
}
