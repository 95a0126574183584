//! The runtime's input paths never panic, and every error names what was wrong:
//! - the JSON reader accepts exactly what serde_json accepts, and reads it the same way;
//! - the envelope reader and decoding, fed arbitrary bytes and arbitrary JSON;
//! - the by-name param reader, fed arbitrary names and values;
//! - form encoding and the signature, whose round trip with the param reader is exact.
//!
//! Each property runs a few hundred cases; `cargo xtask fuzz --seconds N` runs each for N
//! seconds in release mode.

use compshare_runtime::codegen_support::{
    Answer, EncodeForm, FormWriter, FromParams, JsonObject, Object, ParamReader, Target, ToJson,
    decode_json, encode_body, from_params, parse_json,
};
use compshare_runtime::{UnknownFields, signature};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use testkit::fuzz;

/// Any JSON value, nested up to a few levels, with awkward strings and numbers.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text with the characters JSON escapes, non-ASCII and surrogate-pair code points.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9]{0,12}",
        ".{0,12}",
        prop::collection::vec(
            prop::sample::select(vec![
                "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1f}", "é", "深", "😀", "\u{fffd}", "a",
                " "
            ]),
            0..8
        )
        .prop_map(|v| v.concat()),
    ]
}

/// JSON text as servers write it, and broken variants of it.
fn json_text() -> impl Strategy<Value = Vec<u8>> {
    let printed = || {
        (json(), any::<bool>()).prop_map(|(v, pretty)| {
            if pretty {
                serde_json::to_vec_pretty(&v).unwrap()
            } else {
                serde_json::to_vec(&v).unwrap()
            }
        })
    };
    prop_oneof![
        printed(),
        (printed(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(mut b, at, byte)| {
            if !b.is_empty() {
                let i = at.index(b.len());
                b[i] = byte;
            }
            b
        }),
        prop::collection::vec(
            prop::sample::select(vec![
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                "\"",
                "\\",
                "\\u",
                "\\ud800",
                "\\udc00",
                "1",
                "-",
                "0",
                ".",
                "e",
                "E",
                "+",
                "1e999",
                "-0",
                "01",
                "true",
                "false",
                "null",
                " ",
                "\n",
                "\"k\"",
                "\"\\u00e9\"",
                "\u{0}",
                "\u{7f}",
            ]),
            0..40
        )
        .prop_map(|v| v.concat().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..200),
    ]
}

#[test]
fn the_json_reader_agrees_with_serde_json() {
    fuzz("json-reader", json_text(), |bytes| {
        let ours = parse_json(&bytes);
        let theirs = serde_json::from_slice::<Value>(&bytes);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(e), Err(_)) => prop_assert!(!e.to_string().is_empty()),
            _ => {
                return Err(TestCaseError::fail(format!(
                    "disagree on {:?}: ours {ours:?}, serde_json {theirs:?}",
                    String::from_utf8_lossy(&bytes)
                )));
            }
        }
        Ok(())
    });
}

/// A response type with a field of every kind, as generated code declares them.
#[derive(Debug, Default, PartialEq)]
struct Reply {
    name: Option<String>,
    count: Option<i64>,
    ratio: Option<f64>,
    flag: Option<bool>,
    ids: Vec<String>,
    items: Vec<Item>,
    inner: Option<Item>,
    unknown_fields: UnknownFields,
}

#[derive(Debug, Default, PartialEq)]
struct Item {
    id: String,
    size: i64,
    unknown_fields: UnknownFields,
}

impl Object for Reply {
    fn slot(&mut self, name: &str) -> Option<&mut dyn Target> {
        use compshare_runtime::codegen_support::{model, models};
        Some(match name {
            "Name" => &mut self.name,
            "Count" => &mut self.count,
            "Ratio" => &mut self.ratio,
            "Flag" => &mut self.flag,
            "Ids" => &mut self.ids,
            "Items" => models(&mut self.items),
            "Inner" => model(&mut self.inner),
            _ => return None,
        })
    }
    fn unknown_fields_mut(&mut self) -> &mut UnknownFields {
        &mut self.unknown_fields
    }
}

impl ToJson for Reply {
    fn to_json(&self) -> Value {
        let mut o = JsonObject::new(&self.unknown_fields);
        o.put("Name", &self.name);
        o.put("Count", &self.count);
        o.put("Ratio", &self.ratio);
        o.put("Flag", &self.flag);
        o.put("Ids", &self.ids);
        o.put("Items", &self.items);
        o.put("Inner", &self.inner);
        o.finish()
    }
}

impl Object for Item {
    fn slot(&mut self, name: &str) -> Option<&mut dyn Target> {
        Some(match name {
            "Id" => &mut self.id,
            "Size" => &mut self.size,
            _ => return None,
        })
    }
    fn unknown_fields_mut(&mut self) -> &mut UnknownFields {
        &mut self.unknown_fields
    }
}

impl ToJson for Item {
    fn to_json(&self) -> Value {
        let mut o = JsonObject::new(&self.unknown_fields);
        o.put("Id", &self.id);
        o.put("Size", &self.size);
        o.finish()
    }
}

/// Members named like `Reply`'s fields, holding anything, plus the envelope.
fn shaped_like_a_reply() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "Name", "Count", "Ratio", "Flag", "Ids", "Items", "Inner", "RetCode", "Message", "Other",
        "Id", "Size",
    ]);
    prop::collection::btree_map(key, json(), 0..8)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

#[test]
fn the_envelope_reader_and_decoding_never_panic_and_lose_nothing() {
    let body = prop_oneof![
        shaped_like_a_reply().prop_map(|v| serde_json::to_vec(&v).unwrap()),
        json_text(),
    ];
    fuzz(
        "envelope-and-decoding",
        (body, prop::sample::select(vec![200u16, 404, 500, 502])),
        |(body, status)| {
            let answer = Answer {
                status,
                request_id: Some("r-1".into()),
                body: body.clone(),
            };
            match decode_json::<Reply>("Act", answer) {
                Ok((reply, envelope)) => {
                    // Decoding kept every value: print it back and compare.
                    let mut printed = serde_json::Map::new();
                    for (k, v) in envelope.members() {
                        printed.insert(k.to_owned(), v.clone());
                    }
                    if let Value::Object(members) = reply.to_json() {
                        printed.extend(members);
                    }
                    let original: Value = serde_json::from_slice(&body).unwrap();
                    let lost =
                        compshare_runtime::testing::lost_leaves(&original, &Value::Object(printed));
                    prop_assert!(lost.is_empty(), "lost {lost:?}");
                }
                Err(e) => {
                    let shown = e.to_string();
                    prop_assert!(shown.starts_with("Act: "), "{shown}");
                }
            }
            Ok(())
        },
    );
}

/// A request of every shape the param reader handles.
#[derive(Clone, Debug, Default, PartialEq)]
struct Req {
    limit: Option<i64>,
    name: String,
    ids: Vec<String>,
    disks: Vec<Disk>,
    soft: Option<Disk>,
}

#[derive(Clone, Debug, Default, PartialEq)]
struct Disk {
    size: i64,
    kind: Option<String>,
    boot: Option<bool>,
}

impl FromParams for Req {
    fn read_params(r: &mut ParamReader<'_>) -> Self {
        Self {
            limit: r.opt("Limit"),
            name: r.req("Name"),
            ids: r.list("Ids"),
            disks: r.objects("Disks"),
            soft: r.object("Soft"),
        }
    }
}

impl FromParams for Disk {
    fn read_params(r: &mut ParamReader<'_>) -> Self {
        Self {
            size: r.req("Size"),
            kind: r.opt("Type"),
            boot: r.opt("IsBoot"),
        }
    }
}

impl EncodeForm for Req {
    fn encode_form(&self, w: &mut FormWriter<'_>) {
        w.opt("Limit", &self.limit);
        w.put("Name", &self.name);
        w.list("Ids", &self.ids);
        w.objects("Disks", &self.disks);
        w.opt_object("Soft", &self.soft);
    }
}

impl EncodeForm for Disk {
    fn encode_form(&self, w: &mut FormWriter<'_>) {
        w.put("Size", &self.size);
        w.opt("Type", &self.kind);
        w.opt("IsBoot", &self.boot);
    }
}

/// Param names as users and tools write them, right and wrong.
fn param_name() -> impl Strategy<Value = String> {
    let segment = prop::sample::select(vec![
        "Limit",
        "Name",
        "Ids",
        "Disks",
        "Soft",
        "Size",
        "Type",
        "IsBoot",
        "0",
        "1",
        "-1",
        "",
        "99999999999",
        "18446744073709551616",
        "01",
        "%FF",
        "\\uD800",
        "深",
        "Ids.0",
        "..",
    ]);
    prop::collection::vec(segment, 1..5).prop_map(|s| s.join("."))
}

fn param_value() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        "-?[0-9]{1,20}",
        prop::sample::select(vec!["true", "false", "1e3", "NaN", "inf", " 7 ", ""])
            .prop_map(str::to_owned),
        (1usize..100_000).prop_map(|n| "x".repeat(n)),
    ]
}

#[test]
fn the_param_reader_never_panics_and_names_every_problem() {
    fuzz(
        "param-reader",
        prop::collection::vec((param_name(), param_value()), 0..12),
        |params| {
            let (_, violations) = from_params::<Req>(&params);
            for v in violations.into_vec() {
                prop_assert!(!v.field.is_empty(), "{v:?}");
                prop_assert!(v.to_string().starts_with(&v.field), "{v}");
            }
            Ok(())
        },
    );
}

fn disk() -> impl Strategy<Value = Disk> {
    (
        any::<i64>(),
        prop::option::of(text()),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|(size, kind, boot)| Disk { size, kind, boot })
}

fn request() -> impl Strategy<Value = Req> {
    (
        prop::option::of(any::<i64>()),
        text(),
        prop::collection::vec(text(), 0..4),
        prop::collection::vec(disk(), 0..4),
        prop::option::of(disk()),
    )
        .prop_map(|(limit, name, ids, disks, soft)| Req {
            limit,
            name,
            ids,
            disks,
            soft,
        })
}

#[test]
fn encoding_signing_and_reading_back_round_trip_exactly() {
    fuzz("form-round-trip", request(), |request| {
        let mut params = Vec::new();
        request.encode_form(&mut FormWriter::new(&mut params));
        // The form body decodes to exactly the params, so the server signs what we signed.
        let body = encode_body(&params);
        let decoded: Vec<(String, String)> = form_urlencoded::parse(&body).into_owned().collect();
        prop_assert_eq!(&decoded, &params);
        prop_assert_eq!(signature(&decoded, "key"), signature(&params, "key"));
        // The params read back into the same request.
        let (read, violations) = from_params::<Req>(&params);
        prop_assert!(violations.is_empty(), "{violations:?}");
        prop_assert_eq!(read, request);
        Ok(())
    });
}
