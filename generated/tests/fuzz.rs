//! Every action's decoder and param reader, fed what a hostile or drifting server and careless
//! callers send: nothing panics, and decoding keeps every value.
//!
//! Responses are the spec's response examples with members added, values of the wrong type,
//! nulls and deep nesting, or arbitrary JSON where an action has no example. Each property runs
//! a few hundred cases; `cargo xtask fuzz --seconds N` runs each for N seconds in release mode.

use compshare::runtime::testing::lost_leaves;
use compshare::runtime::tools::Answer;
use compshare::{ACTION_NAMES, Client, Config, Credential};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::{Value, json};
use testkit::fuzz;

#[derive(Clone, Debug)]
enum Mutation {
    /// A member no spec names, added to the object at this path.
    Add(usize, String, Value),
    /// The value at this path replaced.
    Replace(usize, Value),
    /// The value at this path wrapped in arrays and objects.
    Nest(usize, usize),
}

/// Values of every JSON kind, small.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,8}".prop_map(Value::String),
        prop::sample::select(vec!["True", "No", "12", "1.5", "", "Running"])
            .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[A-Z][a-zA-Z]{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), "[A-Z][a-zA-Z]{0,10}", any_value())
            .prop_map(|(at, k, v)| Mutation::Add(at, k, v)),
        (any::<usize>(), any_value()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        (any::<usize>(), 1usize..40).prop_map(|(at, depth)| Mutation::Nest(at, depth)),
    ]
}

/// JSON pointers to every value of a body, depth first; the first is the body itself.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            out.push(at.clone());
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            out.push(at.clone());
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                pointers(v, format!("{at}/{key}"), out);
            }
        }
        _ => out.push(at),
    }
}

fn apply(body: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    pointers(body, String::new(), &mut all);
    let at = match m {
        Mutation::Add(at, ..) | Mutation::Replace(at, _) | Mutation::Nest(at, _) => *at,
    };
    let Some(node) = body.pointer_mut(&all[at % all.len()]) else {
        return;
    };
    match m {
        Mutation::Add(_, key, value) => {
            if let Value::Object(map) = node {
                map.insert(key.clone(), value.clone());
            }
        }
        Mutation::Replace(_, value) => *node = value.clone(),
        Mutation::Nest(_, depth) => {
            let mut v = node.take();
            for d in 0..*depth {
                v = if d % 2 == 0 {
                    Value::Array(vec![v])
                } else {
                    json!({ "Wrapped": v })
                };
            }
            *node = v;
        }
    }
}

fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

fn examples() -> Vec<(&'static str, Value)> {
    ACTION_NAMES
        .iter()
        .map(|name| {
            let entry = compshare::by_name(name).expect("every action has an entry");
            let example = entry
                .response_example
                .and_then(|e| serde_json::from_str(e).ok())
                .unwrap_or_else(|| json!({"Action": format!("{name}Response")}));
            (*name, example)
        })
        .collect()
}

#[test]
fn every_decoder_keeps_every_value_of_drifted_responses() {
    let examples = examples();
    let count = examples.len();
    fuzz(
        "response-decoders",
        (0..count, prop::collection::vec(mutation(), 0..6)),
        |(i, mutations)| {
            let (action, example) = &examples[i];
            let mut body = example.clone();
            for m in &mutations {
                apply(&mut body, m);
            }
            // A successful answer: the envelope says so whatever else changed.
            if let Value::Object(map) = &mut body {
                map.insert("RetCode".into(), json!(0));
            } else {
                body = json!({"RetCode": 0, "Body": body});
            }
            let entry = compshare::by_name(action).unwrap();
            let answer = Answer {
                status: 200,
                request_id: None,
                body: serde_json::to_vec(&body).unwrap(),
            };
            // JSON readers stop at 128 levels of nesting; deeper is an error that says so.
            if depth(&body) > 128 {
                let err = (entry.decode)(answer).unwrap_err().to_string();
                prop_assert!(err.contains("recursion limit exceeded"), "{err}");
                return Ok(());
            }
            let printed = (entry.decode)(answer).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let lost = lost_leaves(&body, &printed);
            prop_assert!(lost.is_empty(), "{action} lost {lost:?}");
            Ok(())
        },
    );
}

#[test]
fn by_name_params_never_panic_and_every_problem_is_named() {
    let client = Client::new(
        Config::new(Credential::new("pub", "priv")).with_base_url("http://127.0.0.1:9"),
    )
    .unwrap();
    let name = prop::collection::vec(
        prop::sample::select(vec![
            "Limit",
            "Offset",
            "UHostIds",
            "Disks",
            "Size",
            "Type",
            "IsBoot",
            "0",
            "1",
            "-1",
            "",
            "99999999999",
            "Name",
            "GpuType",
            "Softwares",
            "x",
            "深",
        ]),
        1..4,
    )
    .prop_map(|s| s.join("."));
    let value = prop_oneof![".{0,12}", "-?[0-9]{1,22}", Just("true".to_owned())];
    fuzz(
        "by-name-params",
        (
            0..ACTION_NAMES.len(),
            prop::collection::vec((name, value), 0..10),
        ),
        |(i, params)| {
            match compshare::prepare(&client, ACTION_NAMES[i], &params) {
                Ok(_) => {}
                Err(compshare::Error::Validation(e)) => {
                    prop_assert!(!e.violations.is_empty());
                    for v in &e.violations {
                        prop_assert!(!v.field.is_empty(), "{v:?}");
                    }
                }
                Err(other) => return Err(TestCaseError::fail(other.to_string())),
            }
            Ok(())
        },
    );
}
