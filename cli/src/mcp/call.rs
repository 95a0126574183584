//! `call_read` and `call_write`: an action by name with JSON params, validated with the SDK's
//! rules before anything is sent.
//!
//! A read is sent at once; with `all: true` a list action is paged through with the runtime's
//! last-page rule, up to `max_items`. A write without `confirm: true` sends nothing: it returns
//! the exact request (signature redacted) and, where a price action pairs with it, the price.
//! With `confirm: true` it is sent once (the runtime never retries a create-like action), and
//! a timeout reports the outcome as unknown.

use std::time::Duration;

use compshare::Client;
use compshare::Error;
use compshare::runtime::schema::{ActionInfo, PagingInfo};
use compshare::runtime::tools::{ByName, last_page};
use serde_json::{Map, Value, json};

use super::State;
use super::classify::{self, Class};
use super::errors::{self, ToolError};
use super::wire;

/// The actions tools may call: the action, its class and its by-name entry.
pub struct Target {
    pub info: &'static ActionInfo,
    pub class: Class,
    pub entry: &'static ByName,
}

/// The action named `name` (any case), or a tool error that suggests one.
pub fn target(name: &str) -> Result<Target, ToolError> {
    let actions = compshare::schema::ACTIONS;
    let info = actions
        .iter()
        .find(|a| a.name == name)
        .or_else(|| actions.iter().find(|a| a.name.eq_ignore_ascii_case(name)));
    let Some(info) = info else {
        let mut message = format!("{name:?} is not an action of the CompShare API");
        let found = super::search::closest(name, actions);
        if !found.is_empty() {
            message.push_str(&format!("; did you mean one of: {}?", found.join(", ")));
        }
        message.push_str(" search_actions finds actions by words.");
        return Err(json!({"error": "unknown_action", "sent": false, "message": message}));
    };
    let Some(class) = classify::class(info.name) else {
        return Err(json!({
            "error": "unclassified_action",
            "sent": false,
            "action": info.name,
            "message": format!("{} is not classified as read, write or destructive, so this server does not call it", info.name),
        }));
    };
    if let Some(reason) = info.unavailable {
        return Err(json!({
            "error": "unavailable",
            "sent": false,
            "action": info.name,
            "message": format!("{} is not served in production: {}; nothing was sent", info.name, reason.trim_end_matches('.')),
        }));
    }
    let entry = compshare::by_name(info.name).expect("every schema action has a by-name entry");
    Ok(Target { info, class, entry })
}

/// The client, or the tool error that says why there is none.
fn client(state: &State) -> Result<&Client, ToolError> {
    state.client.as_ref().map_err(|m| errors::not_configured(m))
}

/// The wire params of `params` for `target`, read, filled, validated and encoded by the SDK.
pub(super) fn prepare(
    state: &State,
    client: &Client,
    info: &ActionInfo,
    params: &Map<String, Value>,
) -> Result<Vec<(String, String)>, ToolError> {
    let (wire, problems) = wire::to_wire(info, params);
    match compshare::prepare(client, info.name, &wire) {
        Ok(prepared) if problems.is_empty() => Ok(prepared),
        Ok(_) => Err(errors::invalid(
            info.name,
            &problems,
            None,
            state.show_sensitive,
        )),
        Err(Error::Validation(v)) => Err(errors::invalid(
            info.name,
            &problems,
            Some(&v),
            state.show_sensitive,
        )),
        Err(other) => Err(errors::sdk(info, Class::Read, &other, state.show_sensitive)),
    }
}

/// Runs `call` for at most `seconds`.
pub(super) async fn within<T>(
    seconds: u64,
    call: impl std::future::Future<Output = T>,
) -> Option<T> {
    tokio::time::timeout(Duration::from_secs(seconds), call)
        .await
        .ok()
}

/// The arguments both call tools share.
pub struct Args<'a> {
    pub action: &'a str,
    pub params: &'a Map<String, Value>,
    pub timeout_seconds: u64,
}

/// `call_read`.
pub async fn read(
    state: &State,
    args: Args<'_>,
    all: bool,
    max_items: usize,
) -> Result<Value, ToolError> {
    let t = target(args.action)?;
    if t.class != Class::Read {
        return Err(json!({
            "error": "not_read_only",
            "sent": false,
            "action": t.info.name,
            "message": format!("{} is a {} action; call_read only calls read-only ones. Use call_write, which first shows the request (and its price) without sending it.", t.info.name, t.class.as_str()),
        }));
    }
    let client = client(state)?;
    let prepared = prepare(state, client, t.info, args.params)?;
    let seconds = args.timeout_seconds;
    let result = if t.info.download {
        within(
            seconds,
            download(client, t.entry, prepared, state.max_result_bytes),
        )
        .await
    } else if all {
        let Some(paging) = t.info.paging else {
            return Err(errors::bad_arguments(format!(
                "{} does not page; call it without `all`",
                t.info.name
            )));
        };
        within(
            seconds,
            all_pages(client, t.entry, paging, prepared, max_items),
        )
        .await
    } else {
        within(seconds, client.runtime().call_prepared(t.entry, prepared)).await
    };
    match result {
        None => Err(errors::read_timeout(t.info, seconds)),
        Some(Err(e)) => Err(errors::sdk(t.info, t.class, &e, state.show_sensitive)),
        Some(Ok(value)) => Ok(value),
    }
}

/// A file download's text, up to the result limit.
async fn download(
    client: &Client,
    entry: &ByName,
    prepared: Vec<(String, String)>,
    limit: usize,
) -> Result<Value, Error> {
    let mut file = client
        .runtime()
        .download_prepared(entry.call, prepared)
        .await?;
    let mut bytes = Vec::new();
    let mut total = 0usize;
    while let Some(chunk) = file.chunk().await {
        let chunk = chunk?;
        total += chunk.len();
        let room = limit.saturating_sub(bytes.len());
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
    }
    let mut out =
        json!({"Action": entry.name, "file": String::from_utf8_lossy(&bytes), "bytes": total});
    if total > bytes.len() {
        out["truncated"] = Value::from(format!(
            "RESULT CUT: the file has {total} bytes; the first {} are shown",
            bytes.len()
        ));
    }
    Ok(out)
}

/// Every page of a list, from the `Offset` given (or 0) in pages of the `Limit` given (or the
/// action's page size), until the last page or `max_items` items.
async fn all_pages(
    client: &Client,
    entry: &ByName,
    paging: PagingInfo,
    mut params: Vec<(String, String)>,
    max_items: usize,
) -> Result<Value, Error> {
    let mut take = |name: &str, default: i64| -> i64 {
        params
            .iter()
            .position(|(n, _)| n == name)
            .map(|i| params.remove(i).1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let start = take(paging.offset, 0);
    let mut offset = start;
    let limit = take(paging.limit, paging.page_size).max(1);
    let mut items: Vec<Value> = Vec::new();
    let mut previous: Option<Vec<Value>> = None;
    let mut pages = 0;
    let mut total = None;
    let mut capped = false;
    loop {
        let mut page_params = params.clone();
        page_params.push((paging.offset.to_owned(), offset.to_string()));
        page_params.push((paging.limit.to_owned(), limit.to_string()));
        let mut page = client.runtime().call_prepared(entry, page_params).await?;
        pages += 1;
        let page_items = match page.get_mut(paging.items).map(Value::take) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        };
        let count = page_items.len() as i64;
        if count > 0 && previous.as_ref() == Some(&page_items) {
            // The server ignored the offset and answered the same page again.
            break;
        }
        total = paging
            .total
            .and_then(|t| page.get(t))
            .and_then(Value::as_i64);
        offset += count;
        let done = last_page(count, limit, offset, total);
        previous = (!done).then(|| page_items.clone());
        for item in page_items {
            if items.len() == max_items {
                capped = true;
                break;
            }
            items.push(item);
        }
        if done {
            break;
        }
        if items.len() >= max_items {
            capped = true;
            break;
        }
    }
    let mut out = Map::new();
    out.insert("Action".to_owned(), Value::from(entry.name));
    out.insert("count".to_owned(), Value::from(items.len()));
    if let (Some(name), Some(total)) = (paging.total, total) {
        out.insert(name.to_owned(), Value::from(total));
    }
    out.insert("pages".to_owned(), Value::from(pages));
    if capped {
        out.insert(
            "capped".to_owned(),
            Value::from(format!(
                "stopped at max_items={max_items}: more items exist. To go on, call again with {}={} (and `all`), or raise max_items.",
                paging.offset,
                start + items.len() as i64
            )),
        );
    }
    out.insert(paging.items.to_owned(), Value::Array(items));
    Ok(Value::Object(out))
}

/// `call_write`'s own arguments.
pub struct Confirm<'a> {
    pub confirm: bool,
    pub summary: Option<&'a str>,
}

/// `call_write`.
pub async fn write(
    state: &State,
    args: Args<'_>,
    confirm: Confirm<'_>,
) -> Result<Value, ToolError> {
    let t = target(args.action)?;
    if t.class == Class::Read {
        return Err(json!({
            "error": "read_only",
            "sent": false,
            "action": t.info.name,
            "message": format!("{} is read-only: use call_read, which needs no confirmation", t.info.name),
        }));
    }
    let client = client(state)?;
    let prepared = prepare(state, client, t.info, args.params)?;
    if !confirm.confirm {
        return Ok(super::preview::preview(state, client, &t, args, prepared).await);
    }
    let summary = confirm.summary.map(str::trim).unwrap_or_default();
    if summary.chars().count() < 8 {
        return Err(errors::bad_arguments(
            "confirm: true needs confirmation_summary: what the user saw and agreed to (the action, the resource, the params that matter, the price), in a sentence; nothing was sent",
        ));
    }
    let seconds = args.timeout_seconds;
    match within(seconds, client.runtime().call_prepared(t.entry, prepared)).await {
        None => Err(errors::unknown(
            t.info,
            &format!("no answer within timeout_seconds={seconds}"),
        )),
        Some(Err(e)) => Err(errors::sdk(t.info, t.class, &e, state.show_sensitive)),
        Some(Ok(answer)) => {
            let mut out = Map::new();
            out.insert("sent".to_owned(), Value::Bool(true));
            out.insert("outcome".to_owned(), Value::from("done"));
            out.insert("class".to_owned(), Value::from(t.class.as_str()));
            out.insert("confirmation_summary".to_owned(), Value::from(summary));
            if let Value::Object(members) = answer {
                out.extend(members);
            }
            if let Some(next) = next_step(t.info) {
                out.insert("next".to_owned(), Value::from(next));
            }
            Ok(Value::Object(out))
        }
    }
}

/// What to do after a write that changes an instance's state.
fn next_step(info: &ActionInfo) -> Option<String> {
    let check = classify::check_action(info.name)?;
    let waiter = compshare::schema::WAITERS
        .iter()
        .find(|w| w.action == check)?;
    let commands: Vec<&str> = waiter.targets.iter().map(|t| t.command).collect();
    Some(format!(
        "the change may take a while: `wait` with waiter {} and the {}'s {} follows it",
        commands.join(" / "),
        waiter.resource,
        waiter.id_field
    ))
}
