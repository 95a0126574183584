//! The five tools: their names, descriptions, input schemas and annotations, and the dispatch
//! from a call's JSON arguments to the code that runs it. The descriptions carry what an agent
//! must know, since many clients show nothing else.

use std::time::Duration;

use rmcp::model::{Tool, ToolAnnotations};
use serde_json::{Map, Value, json};

use super::State;
use super::call::{self, Args, Confirm};
use super::classify;
use super::errors::{self, ToolError};
use super::schema_json;
use super::search;
use super::waits;

pub const SEARCH: &str = "search_actions";
pub const DESCRIBE: &str = "describe_action";
pub const READ: &str = "call_read";
pub const WRITE: &str = "call_write";
pub const WAIT: &str = "wait";
/// Every tool's name, in the order `tools/list` gives them.
pub const NAMES: [&str; 5] = [SEARCH, DESCRIBE, READ, WRITE, WAIT];

/// The most seconds a call may be given.
const MAX_TIMEOUT: u64 = 900;
/// The most items `all` may collect.
const MAX_ITEMS: u64 = 10_000;

const SEARCH_DESCRIPTION: &str = "\
Find CompShare (优云智算 GPU cloud) API actions by words from their name, summary or description, \
in English or Chinese (\"bandwidth\", \"stop instance\", \"镜像\", \"价格\"). Returns each action's name, \
summary (Chinese, from the docs) and class: read (call_read), write or destructive (call_write). \
Start here, then describe_action for an action's params.";

const DESCRIBE_DESCRIPTION: &str = "\
Describe one API action: its params as JSON Schema (types, required, enums, limits such as maximum, \
defaults, descriptions from the docs; objects and arrays nested as the params take them), its response \
members (with their models in $defs), its class, paging, and the price action shown before a write. \
Read it before calling an action you have not used.";

const READ_DESCRIPTION: &str = "\
Call a read-only action (class read: Describe…, Get…, List…, Check…) by name with JSON params, such as \
{\"action\": \"DescribeCompShareImages\", \"params\": {\"ImageType\": \"System\", \"Limit\": 20}}. Params are \
checked against the docs' rules first; a violation is an error listing every broken rule, and nothing is \
sent. Region, Zone and ProjectId come from the server's settings when omitted. For list actions, \
all: true fetches every page (up to max_items, default 1000; the result says when it stopped early). \
Refuses write actions.";

const WRITE_DESCRIPTION: &str = "\
Call an action that changes something (class write or destructive: create, start, stop, resize, delete, \
terminate…; many cost money). Two steps. 1) Call WITHOUT confirm: nothing is sent; you get the exact \
request and, where the API has one (create, resize, delete…), its price. Show both to the user. \
2) Only after the user explicitly agrees, call again with the same action and params, confirm: true and \
confirmation_summary (what the user agreed to). It is then sent exactly once. If the result says outcome \
\"unknown\" (a timeout), do NOT call again: check the resource's state with call_read first. \
Never confirm on your own initiative.";

const WAIT_DESCRIPTION: &str = "\
Wait until a resource reaches a state, polling with backoff: instance-running, instance-stopped, \
instance-terminated (no longer listed). Give the instance's UHostId. Ends with an error on a failure \
state (such as Install Fail) or when timeout_seconds (default 600) pass.";

/// Every tool, as `tools/list` shows it.
pub fn list() -> Vec<Tool> {
    let read_only = |title: &str, open_world: bool| {
        ToolAnnotations::with_title(title)
            .read_only(true)
            .destructive(false)
            .idempotent(true)
            .open_world(open_world)
    };
    vec![
        tool(
            SEARCH,
            SEARCH_DESCRIPTION,
            search_schema(),
            read_only("Find API actions", false),
        ),
        tool(
            DESCRIBE,
            DESCRIBE_DESCRIPTION,
            describe_schema(),
            read_only("Describe an API action", false),
        ),
        tool(
            READ,
            READ_DESCRIPTION,
            read_schema(),
            read_only("Call a read-only action", true),
        ),
        tool(
            WRITE,
            WRITE_DESCRIPTION,
            write_schema(),
            ToolAnnotations::with_title("Call a write action (preview, then confirm)")
                .read_only(false)
                .destructive(true)
                .idempotent(false)
                .open_world(true),
        ),
        tool(
            WAIT,
            WAIT_DESCRIPTION,
            wait_schema(),
            read_only("Wait for a resource's state", true),
        ),
    ]
}

fn tool(
    name: &'static str,
    description: &'static str,
    schema: Value,
    annotations: ToolAnnotations,
) -> Tool {
    let Value::Object(schema) = schema else {
        unreachable!("tool schemas are objects")
    };
    Tool::new(name, description, schema).with_annotations(annotations)
}

fn action_arg() -> Value {
    json!({"type": "string", "description": "The action's exact name, such as DescribeCompShareInstance (search_actions finds it)"})
}

fn params_arg() -> Value {
    json!({
        "type": "object",
        "description": "The action's params by their API names (describe_action lists them): arrays as JSON arrays, objects (such as Disks) as JSON objects",
        "additionalProperties": true,
    })
}

fn timeout_arg(default: u64) -> Value {
    json!({"type": "integer", "minimum": 1, "maximum": MAX_TIMEOUT, "default": default, "description": "How long to wait for the answer, in seconds"})
}

fn search_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "query": {"type": "string", "description": "Words to look for, English or Chinese; empty lists every action"},
            "class": {"type": "string", "enum": ["read", "write", "destructive"], "description": "Only actions of this class"},
            "limit": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20, "description": "The most actions to return"},
        },
        "required": ["query"],
        "additionalProperties": false,
    })
}

fn describe_schema() -> Value {
    json!({
        "type": "object",
        "properties": {"action": action_arg()},
        "required": ["action"],
        "additionalProperties": false,
    })
}

fn read_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "action": action_arg(),
            "params": params_arg(),
            "all": {"type": "boolean", "default": false, "description": "For list actions: fetch every page from Offset (default 0), in pages of Limit, up to max_items items"},
            "max_items": {"type": "integer", "minimum": 1, "maximum": MAX_ITEMS, "default": 1000, "description": "With all: the most items to collect"},
            "timeout_seconds": timeout_arg(60),
        },
        "required": ["action"],
        "additionalProperties": false,
    })
}

fn write_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "action": action_arg(),
            "params": params_arg(),
            "confirm": {"type": "boolean", "default": false, "description": "false (the default): send nothing, return the exact request and its price. true: send it once; only after the user explicitly agreed to this request"},
            "confirmation_summary": {"type": "string", "description": "With confirm: true, what the user saw and agreed to, in a sentence (the action, the resource, the params that matter, the price)"},
            "timeout_seconds": timeout_arg(60),
        },
        "required": ["action"],
        "additionalProperties": false,
    })
}

fn wait_schema() -> Value {
    json!({
        "type": "object",
        "properties": {
            "waiter": {"type": "string", "enum": waits::names(), "description": "What to wait for"},
            "id": {"type": "string", "description": "The resource's id, such as the instance's UHostId"},
            "timeout_seconds": {"type": "integer", "minimum": 1, "maximum": 3600, "default": 600, "description": "How long to wait in all, in seconds"},
            "interval_seconds": {"type": "integer", "minimum": 1, "maximum": 300, "description": "The first wait between polls, growing to four times that"},
        },
        "required": ["waiter", "id"],
        "additionalProperties": false,
    })
}

/// Runs tool `name` with `args`: the result, or a tool error.
pub async fn call(
    state: &State,
    name: &str,
    args: &Map<String, Value>,
) -> Result<Value, ToolError> {
    let allowed: &[&str] = match name {
        SEARCH => &["query", "class", "limit"],
        DESCRIBE => &["action"],
        READ => &["action", "params", "all", "max_items", "timeout_seconds"],
        WRITE => &[
            "action",
            "params",
            "confirm",
            "confirmation_summary",
            "timeout_seconds",
        ],
        WAIT => &["waiter", "id", "timeout_seconds", "interval_seconds"],
        _ => return Err(errors::bad_arguments(format!("no tool {name:?}"))),
    };
    if let Some(extra) = args.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(errors::bad_arguments(format!(
            "{name} takes no argument {extra:?}; it takes {}",
            allowed.join(", ")
        )));
    }
    let a = Get(args);
    match name {
        SEARCH => search_actions(
            a.str("query")?.unwrap_or_default(),
            a.str("class")?,
            a.int("limit", 20, 1, 200)? as usize,
        ),
        DESCRIBE => describe(a.required_str("action")?),
        READ => {
            let empty = Map::new();
            call::read(
                state,
                Args {
                    action: a.required_str("action")?,
                    params: a.object("params")?.unwrap_or(&empty),
                    timeout_seconds: a.int("timeout_seconds", 60, 1, MAX_TIMEOUT)?,
                },
                a.bool("all")?,
                a.int("max_items", 1000, 1, MAX_ITEMS)? as usize,
            )
            .await
        }
        WRITE => {
            let empty = Map::new();
            call::write(
                state,
                Args {
                    action: a.required_str("action")?,
                    params: a.object("params")?.unwrap_or(&empty),
                    timeout_seconds: a.int("timeout_seconds", 60, 1, MAX_TIMEOUT)?,
                },
                Confirm {
                    confirm: a.bool("confirm")?,
                    summary: a.str("confirmation_summary")?,
                },
            )
            .await
        }
        _ => {
            let interval = match args.get("interval_seconds") {
                None | Some(Value::Null) => None,
                Some(_) => Some(Duration::from_secs(a.int("interval_seconds", 5, 1, 300)?)),
            };
            waits::wait(
                state,
                a.required_str("waiter")?,
                a.required_str("id")?,
                Duration::from_secs(a.int("timeout_seconds", 600, 1, 3600)?),
                interval,
            )
            .await
        }
    }
}

fn search_actions(query: &str, class: Option<&str>, limit: usize) -> Result<Value, ToolError> {
    if let Some(c) = class
        && !["read", "write", "destructive"].contains(&c)
    {
        return Err(errors::bad_arguments(
            "class is one of read, write, destructive",
        ));
    }
    let found: Vec<Value> = search::search(query, compshare::schema::ACTIONS)
        .into_iter()
        .filter(|f| f.info.unavailable.is_none())
        .filter_map(|f| {
            let c = classify::class(f.info.name)?;
            if class.is_some_and(|wanted| wanted != c.as_str()) {
                return None;
            }
            let mut one =
                json!({"name": f.info.name, "summary": f.info.summary, "class": c.as_str()});
            if f.info.paging.is_some() {
                one["pages"] = Value::Bool(true);
            }
            Some(one)
        })
        .collect();
    let total = found.len();
    let shown: Vec<Value> = found.into_iter().take(limit).collect();
    let mut out = json!({"count": shown.len(), "matches": shown});
    if total > limit {
        out["more"] = Value::from(format!(
            "{} more match; raise limit or add words",
            total - limit
        ));
    }
    if total == 0 {
        out["hint"] = Value::from(
            "nothing matched: try other words, English or Chinese, or an empty query to list every action",
        );
    }
    Ok(out)
}

fn describe(name: &str) -> Result<Value, ToolError> {
    let actions = compshare::schema::ACTIONS;
    let Some(info) = actions
        .iter()
        .find(|a| a.name == name)
        .or_else(|| actions.iter().find(|a| a.name.eq_ignore_ascii_case(name)))
    else {
        // The same message as a call: with the closest actions.
        return call::target(name).map(|_| Value::Null);
    };
    let class = classify::class(info.name);
    let mut out = json!({
        "name": info.name,
        "summary": info.summary,
        "description": info.description,
        "class": class.map_or("unclassified", |c| c.as_str()),
        "tool": match class {
            Some(classify::Class::Read) => READ,
            Some(_) => WRITE,
            None => "none",
        },
        "params": schema_json::params(info),
        "response": schema_json::response(info),
        "retried": if info.retryable { "transient failures are retried" } else { "never retried: create-like, sent exactly once" },
    });
    if let Some(c) = class {
        let (read_only, destructive, idempotent) = classify::hints(info, c);
        out["hints"] =
            json!({"readOnly": read_only, "destructive": destructive, "idempotent": idempotent});
    }
    if let Some(reason) = info.unavailable {
        out["unavailable"] = Value::from(format!("not served in production: {reason}"));
    }
    if let Some(p) = info.paging {
        out["paging"] = json!({"offset": p.offset, "limit": p.limit, "page_size": p.page_size, "items": p.items, "total": p.total});
    }
    if let Some(price) = classify::price_action(info.name) {
        out["price_action"] = Value::from(price);
    }
    if info.download {
        out["download"] = Value::from("answers with a file (CSV); call_read returns its text");
    }
    Ok(out)
}

/// Typed access to a call's arguments, with a tool error for a wrong type.
struct Get<'a>(&'a Map<String, Value>);

impl<'a> Get<'a> {
    fn present(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    fn str(&self, key: &str) -> Result<Option<&'a str>, ToolError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(errors::bad_arguments(format!(
                "{key} must be a string, not {other}"
            ))),
        }
    }

    fn required_str(&self, key: &str) -> Result<&'a str, ToolError> {
        self.str(key)?
            .filter(|s| !s.trim().is_empty())
            .map(str::trim)
            .ok_or_else(|| errors::bad_arguments(format!("{key} is required")))
    }

    fn bool(&self, key: &str) -> Result<bool, ToolError> {
        match self.present(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(Value::String(s)) if s == "true" || s == "false" => Ok(s == "true"),
            Some(other) => Err(errors::bad_arguments(format!(
                "{key} must be true or false, not {other}"
            ))),
        }
    }

    fn int(&self, key: &str, default: u64, min: u64, max: u64) -> Result<u64, ToolError> {
        let value = match self.present(key) {
            None => return Ok(default),
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            Some(_) => None,
        };
        match value {
            Some(v) if v.fract() == 0.0 && v >= min as f64 && v <= max as f64 => Ok(v as u64),
            _ => Err(errors::bad_arguments(format!(
                "{key} must be a whole number from {min} to {max}"
            ))),
        }
    }

    fn object(&self, key: &str) -> Result<Option<&'a Map<String, Value>>, ToolError> {
        match self.present(key) {
            None => Ok(None),
            Some(Value::Object(o)) => Ok(Some(o)),
            Some(other) => Err(errors::bad_arguments(format!(
                "{key} must be a JSON object of the action's params, not {other}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_are_five_with_hints() {
        let tools = list();
        let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
        assert_eq!(names, [SEARCH, DESCRIBE, READ, WRITE, WAIT]);
        for t in &tools {
            let a = t.annotations.as_ref().unwrap();
            assert!(a.read_only_hint.is_some() && a.destructive_hint.is_some());
            assert!(a.idempotent_hint.is_some() && a.open_world_hint.is_some());
            assert_eq!(a.read_only_hint, Some(t.name != WRITE), "{}", t.name);
        }
    }

    #[test]
    fn describe_shows_limits_enums_and_the_price_action() {
        let d = describe("describecompshareimages").unwrap();
        assert_eq!(d["name"], "DescribeCompShareImages");
        assert_eq!(d["class"], "read");
        assert_eq!(d["params"]["properties"]["Limit"]["maximum"], 100);
        let d = describe("CreateCompShareInstance").unwrap();
        assert_eq!(d["price_action"], "GetCompShareInstancePrice");
        assert_eq!(d["tool"], WRITE);
        let e = describe("DescribeCompShareImagez").unwrap_err();
        assert_eq!(e["error"], "unknown_action");
        let message = e["message"].as_str().unwrap();
        assert!(
            message.contains("did you mean one of: DescribeCompShareImages"),
            "{message}"
        );
        let e = describe("ListImages").unwrap_err();
        assert!(e["message"].as_str().unwrap().contains("Images"), "{e}");
    }

    #[test]
    fn search_filters_by_class() {
        let found = search_actions("instance", Some("destructive"), 50).unwrap();
        let names: Vec<&str> = found["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"TerminateCompShareInstance"), "{names:?}");
        assert!(!names.contains(&"StartCompShareInstance"), "{names:?}");
    }
}
