//! Running one action: a call, every page of a list (`--all`), a file download, or a dry run.

use clap::ArgMatches;
use compshare::Client;
use compshare::runtime::schema::{ActionInfo, PagingInfo};
use compshare::runtime::tools::{ByName, RequestBody, encode_body, last_page};
use serde_json::Value;

use crate::fail::Failure;
use crate::output::{Output, write_stdout};
use crate::{params, request, settings};

/// Runs `info` with the flags in `matches`.
pub async fn action(info: &'static ActionInfo, matches: &ArgMatches) -> Result<(), Failure> {
    if let Some(reason) = info.unavailable {
        return Err(Failure::Usage(format!(
            "{} is not served in production: {reason}; nothing was sent",
            info.name
        )));
    }
    let params = params::wire_params(info, matches).map_err(Failure::Usage)?;
    let output = Output::from_flags(matches)?;
    let overrides = settings::overrides(matches);
    let dry = matches.get_flag("dry-run");
    let config = if dry {
        settings::dry_run_config(&overrides)
    } else {
        settings::config(&overrides)
    };
    // The request is checked even when a setting is wrong, so that every problem is reported
    // at once; a client with the service's defaults stands in for the configured one.
    let checker = match &config {
        Ok(config) => settings::client(config.clone())?,
        Err(_) => settings::client(settings::offline_config())?,
    };
    let prepared = request::prepare(&checker, info.name, &params);
    let (client, prepared) = match (config, prepared) {
        (Ok(_), Ok(prepared)) => (checker, prepared),
        (Err(setting), Err(invalid)) => return Err(Failure::Several(vec![setting, invalid])),
        (Err(failure), Ok(_)) | (Ok(_), Err(failure)) => return Err(failure),
    };
    if dry {
        return dry_run(&client, info, prepared);
    }
    let entry = compshare::by_name(info.name).expect("every schema action has a by-name entry");
    if info.download {
        let out = matches.get_one::<String>("out").map(String::as_str);
        return download(&client, entry, prepared, out).await;
    }
    if let Some(paging) = info.paging.filter(|_| matches.get_flag("all")) {
        return all_pages(&client, entry, paging, prepared, &output).await;
    }
    let value = client.runtime().call_prepared(entry, prepared).await?;
    output.print(&value, info.items)
}

/// Prints the request that would be sent: method, URL, content type and body, with the
/// signature redacted.
fn dry_run(
    client: &Client,
    info: &ActionInfo,
    prepared: Vec<(String, String)>,
) -> Result<(), Failure> {
    let entry = compshare::by_name(info.name).expect("every schema action has a by-name entry");
    let rt = client.runtime();
    let (content_type, body) = match entry.call.body {
        RequestBody::Json => {
            let mut body = rt.json_body(info.name, prepared);
            body["Signature"] = Value::from(REDACTED);
            (
                "application/json",
                serde_json::to_string_pretty(&body).expect("JSON serializes"),
            )
        }
        RequestBody::Form => {
            let mut form = rt.sign(info.name, prepared);
            form.retain(|(name, _)| name != "Signature");
            let body = String::from_utf8(encode_body(&form)).expect("form bodies are ASCII");
            (
                "application/x-www-form-urlencoded",
                format!("{body}&Signature={REDACTED}"),
            )
        }
    };
    let text = format!(
        "POST {}\nContent-Type: {content_type}\n\n{body}\n",
        rt.base_url()
    );
    write_stdout(text.as_bytes())
}

const REDACTED: &str = "<redacted>";

/// Writes the file the action answers with to `out`, or stdout.
async fn download(
    client: &Client,
    entry: &ByName,
    prepared: Vec<(String, String)>,
    out: Option<&str>,
) -> Result<(), Failure> {
    let file = client
        .runtime()
        .download_prepared(entry.call, prepared)
        .await?;
    match out {
        Some(path) if path != "-" => {
            let mut f = std::fs::File::create(path)
                .map_err(|e| Failure::Other(format!("cannot create {path}: {e}")))?;
            let n = file.write_to(&mut f).await?;
            eprintln!("wrote {n} bytes to {path}");
        }
        _ => {
            file.write_to(&mut std::io::stdout()).await?;
        }
    }
    Ok(())
}

/// Fetches page after page, from the `Offset` given (or 0) in pages of the `Limit` given (or
/// the action's page size), printing items as they arrive.
async fn all_pages(
    client: &Client,
    entry: &ByName,
    paging: PagingInfo,
    mut params: Vec<(String, String)>,
    output: &Output,
) -> Result<(), Failure> {
    let mut take = |name: &str, default: i64| -> Result<i64, Failure> {
        let given = params
            .iter()
            .position(|(n, _)| n == name)
            .map(|i| params.remove(i).1);
        match given {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| Failure::Usage(format!("{name}={v:?} is not a whole number"))),
        }
    };
    let mut offset = take(paging.offset, 0)?;
    let limit = take(paging.limit, paging.page_size)?;
    let whole = output.needs_whole();
    let mut collected = Vec::new();
    let mut printed = 0usize;
    let mut previous: Option<Vec<Value>> = None;
    loop {
        let mut page_params = params.clone();
        page_params.push((paging.offset.to_owned(), offset.to_string()));
        page_params.push((paging.limit.to_owned(), limit.to_string()));
        let mut page = client.runtime().call_prepared(entry, page_params).await?;
        let items = match page.get_mut(paging.items).map(Value::take) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        };
        let count = items.len() as i64;
        if count > 0 && previous.as_ref() == Some(&items) {
            // The server ignored the offset and answered the same page again.
            break;
        }
        let total = paging
            .total
            .and_then(|t| page.get(t))
            .and_then(Value::as_i64);
        offset += count;
        let done = last_page(count, limit, offset, total);
        previous = (!done).then(|| items.clone());
        if whole {
            collected.extend(items);
        } else {
            for item in items {
                let text = serde_json::to_string_pretty(&item).expect("JSON serializes");
                let sep = if printed == 0 { "[\n" } else { ",\n" };
                write_stdout(format!("{sep}  {}", text.replace('\n', "\n  ")).as_bytes())?;
                printed += 1;
            }
        }
        if done {
            break;
        }
    }
    if whole {
        return output.print(&Value::Array(collected), None);
    }
    write_stdout(if printed == 0 { b"[]\n" } else { b"\n]\n" })
}
