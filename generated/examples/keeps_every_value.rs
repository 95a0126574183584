//! Counts how many leaf values of response bodies survive the by-name call path (the decoding
//! `call` prints), to measure that nothing the server sends is lost.
//!
//! Reads JSON lines `{"source": "...", "action": "...", "body": "<the JSON text>"}` on stdin,
//! such as the response examples of doc pages, and prints every lost value and the totals:
//!
//! ```text
//! cargo run -q -p compshare --example keeps_every_value < examples.jsonl
//! ```

use std::io::BufRead;
use std::process::ExitCode;

use compshare::runtime::testing::{leaf_count, lost_leaves};
use compshare::runtime::tools::Answer;
use serde_json::Value;

fn main() -> ExitCode {
    let (mut kept, mut total, mut bodies, mut skipped) = (0, 0, 0, 0);
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin is readable");
        let Ok(item) = serde_json::from_str::<Value>(&line) else {
            eprintln!("not a JSON line: {line}");
            return ExitCode::from(2);
        };
        let (source, action, body) = (&item["source"], &item["action"], &item["body"]);
        let (Some(action), Some(body)) = (action.as_str(), body.as_str()) else {
            eprintln!("a line needs `action` and `body`: {line}");
            return ExitCode::from(2);
        };
        let Ok(original) = serde_json::from_str::<Value>(body) else {
            println!("{source}: {action}: the example is not JSON; skipped");
            skipped += 1;
            continue;
        };
        let Some(entry) = compshare::by_name(action) else {
            println!("{source}: {action}: no such action; skipped");
            skipped += 1;
            continue;
        };
        let answer = Answer {
            status: 200,
            request_id: None,
            body: body.as_bytes().to_vec(),
        };
        let count = leaf_count(&original);
        let lost = match (entry.decode)(answer) {
            Ok(printed) => lost_leaves(&original, &printed),
            Err(e) => vec![format!("the body did not decode: {e}")],
        };
        for path in &lost {
            println!("{source}: {action}: lost {path}");
        }
        bodies += 1;
        total += count;
        kept += count.saturating_sub(lost.len());
    }
    println!("{kept}/{total} leaf values kept, over {bodies} bodies ({skipped} skipped)");
    if kept == total {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
