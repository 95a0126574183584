//! `compshare wait <resource>-<state>`: polling the action a spec's waiter names until the
//! resource reaches the state, through the SDK's [`Waiter`].

use std::time::Duration;

use clap::ArgMatches;
use compshare::runtime::schema::{TargetInfo, WaiterInfo};
use compshare::runtime::tools::PollFuture;
use compshare::runtime::wait::{Target, Waiter};
use serde_json::{Value, json};

use crate::fail::Failure;
use crate::output::Output;
use crate::settings;

/// The waiter and target behind a `wait` subcommand.
pub fn find(command: &str) -> Option<(&'static WaiterInfo, &'static TargetInfo)> {
    compshare::schema::WAITERS.iter().find_map(|w| {
        w.targets
            .iter()
            .find(|t| t.command == command)
            .map(|t| (w, t))
    })
}

/// Waits as `matches` asks, and prints the id and the state reached.
pub async fn run(
    waiter: &'static WaiterInfo,
    target: &'static TargetInfo,
    matches: &ArgMatches,
) -> Result<(), Failure> {
    let output = Output::from_flags(matches)?;
    let id = matches.get_one::<String>("id").expect("required").clone();
    let timeout = Duration::from_secs(*matches.get_one::<u64>("wait-timeout").expect("defaulted"));
    let interval = matches
        .get_one::<u64>("interval")
        .map(|s| Duration::from_secs(*s))
        .unwrap_or(Duration::from_millis(waiter.interval_ms));
    let client = settings::client(settings::config(&settings::overrides(matches))?)?;
    let wanted = if target.gone {
        Target::Gone
    } else {
        Target::State(target.state.to_owned())
    };
    let poll = {
        let id = id.clone();
        move || {
            let (client, id) = (client.clone(), id.clone());
            Box::pin(async move { poll(&client, waiter, &id).await }) as PollFuture<'static>
        }
    };
    let state = Waiter::new(
        waiter.resource,
        id.clone(),
        wanted,
        target.failure,
        interval,
        poll,
    )
    .timeout(timeout)
    .await?;
    output.print(
        &json!({ waiter.id_field: id, waiter.state_field: state }),
        None,
    )
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
