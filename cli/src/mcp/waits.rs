//! `wait`: the specs' declared waiters (an instance running, stopped, or gone), polling with
//! backoff through the SDK's `Waiter` until the state is reached, a failure state is, or the
//! time is up.

use std::time::{Duration, Instant};

use compshare::runtime::schema::{TargetInfo, WaiterInfo};
use compshare::runtime::tools::PollFuture;
use compshare::runtime::wait::{Target, Waiter};
use serde_json::{Value, json};

use super::State;
use super::errors::{self, ToolError};

/// Every waiter's name, such as `instance-running`.
pub fn names() -> Vec<&'static str> {
    compshare::schema::WAITERS
        .iter()
        .flat_map(|w| w.targets.iter().map(|t| t.command))
        .collect()
}

fn find(name: &str) -> Option<(&'static WaiterInfo, &'static TargetInfo)> {
    compshare::schema::WAITERS
        .iter()
        .find_map(|w| w.targets.iter().find(|t| t.command == name).map(|t| (w, t)))
}

/// Waits as asked; the id and the state reached.
pub async fn wait(
    state: &State,
    name: &str,
    id: &str,
    timeout: Duration,
    interval: Option<Duration>,
) -> Result<Value, ToolError> {
    let Some((waiter, target)) = find(name) else {
        return Err(errors::bad_arguments(format!(
            "no waiter {name:?}; the waiters are {}",
            names().join(", ")
        )));
    };
    let client = state
        .client
        .as_ref()
        .map_err(|m| errors::not_configured(m))?
        .clone();
    let wanted = if target.gone {
        Target::Gone
    } else {
        Target::State(target.state.to_owned())
    };
    let poll = {
        let id = id.to_owned();
        move || {
            let (client, id) = (client.clone(), id.clone());
            Box::pin(async move { poll(&client, waiter, &id).await }) as PollFuture<'static>
        }
    };
    let started = Instant::now();
    let interval = interval.unwrap_or(Duration::from_millis(waiter.interval_ms));
    let reached = Waiter::new(
        waiter.resource,
        id.to_owned(),
        wanted,
        target.failure,
        interval,
        poll,
    )
    .timeout(timeout)
    .await;
    match reached {
        Ok(state) => Ok(json!({
            waiter.id_field: id,
            waiter.state_field: if target.gone { Value::from("gone") } else { Value::from(state) },
            "waited_seconds": started.elapsed().as_secs_f64().round(),
        })),
        Err(e) => Err(json!({
            "error": "wait_failed",
            "sent": true,
            "waiter": name,
            waiter.id_field: id,
            "message": e.to_string(),
            "next": format!("call_read {} with {}: [\"{id}\"] shows the {}'s state now", waiter.action, waiter.id_param, waiter.resource),
        })),
    }
}

/// One poll: the resource's state, or `None` when it is not listed.
async fn poll(
    client: &compshare::Client,
    waiter: &WaiterInfo,
    id: &str,
) -> Result<Option<String>, compshare::Error> {
    let name = if waiter.id_param_list {
        format!("{}.0", waiter.id_param)
    } else {
        waiter.id_param.to_owned()
    };
    let page = compshare::call(client, waiter.action, &[(name, id.to_owned())]).await?;
    let found = page
        .get(waiter.items)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|item| item.get(waiter.id_field).and_then(Value::as_str) == Some(id));
    Ok(found.map(|item| {
        item.get(waiter.state_field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    }))
}
