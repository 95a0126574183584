//! What an action answers when nothing else does: the spec's response example, or else a
//! valid response with every field at its default, made plausible.
//!
//! The official pages' examples are placeholders, so each value is fitted to its member's
//! kind ([`crate::plausible`]), and a response member named like a scalar request param (such
//! as `UHostId`) answers with the request's value. Members are never dropped. A list action's
//! items are paged by the request's offset and limit, with a true total ([`crate::paging`]).

use std::collections::HashMap;

use compshare::runtime::schema::{ParamInfo, ParamKind};
use compshare::runtime::tools::{Answer, ByName};
use serde_json::{Map, Value};

use crate::answer::Outgoing;
use crate::gateway;
use crate::paging::Paged;
use crate::plausible;

/// The default answer of every action, made once.
#[derive(Debug)]
pub(crate) struct Defaults {
    by_action: HashMap<&'static str, Default>,
}

#[derive(Debug)]
struct Default {
    answer: Outgoing,
    body: Map<String, Value>,
    /// Response members a request param of the same name fills, with their kinds.
    echoed: Vec<(&'static str, &'static ParamKind)>,
    /// A list action's items.
    paged: Option<Paged>,
}

impl Defaults {
    /// The default answers of every action of the API.
    pub fn new() -> Self {
        let by_action = compshare::ACTION_NAMES
            .iter()
            .filter_map(|name| compshare::by_name(name))
            .map(|entry| (entry.name, default_answer(entry)))
            .collect();
        Self { by_action }
    }

    /// The default answer of `action` to a request with these (validated) params.
    pub fn get(&self, action: &str, params: &[(String, String)]) -> Outgoing {
        let Some(default) = self.by_action.get(action) else {
            unreachable!("{action} is an action of the API")
        };
        if compshare::by_name(action).is_some_and(|e| e.download) {
            // The live API answers a download with the file itself; errors stay envelopes.
            return Outgoing::file("text/csv; charset=utf-8", DOWNLOAD);
        }
        let echoes: Vec<(&str, Value)> = (default.echoed.iter())
            .filter_map(|(name, kind)| {
                let (_, value) = params.iter().find(|(k, _)| k == name)?;
                Some((*name, plausible::typed(kind, value)))
            })
            .collect();
        let paged = default.paged.as_ref().filter(|p| p.asked(params));
        if echoes.is_empty() && paged.is_none() {
            return default.answer.clone();
        }
        let mut body = default.body.clone();
        for (name, value) in echoes {
            body.insert(name.to_owned(), value);
        }
        if let Some(paged) = paged {
            paged.apply(params, &mut body);
        }
        Outgoing::success_body(&Value::Object(body).to_string())
    }
}

/// The file a download action answers with: a small CSV of the kind DownloadTeamOrder sends.
const DOWNLOAD: &str = "订单号,资源ID,金额\nORD-1,uhost-example,2.5\n";

fn default_answer(entry: &ByName) -> Default {
    let mut body = match entry.response_example {
        Some(example) => match serde_json::from_str(example) {
            Ok(Value::Object(body)) => body,
            _ => unreachable!(
                "{}: codegen checks that examples are JSON objects",
                entry.name
            ),
        },
        None => typed_default(entry),
    };
    let mut echoed = Vec::new();
    let mut paged = None;
    if let Some(info) = gateway::info(entry.name) {
        plausible::fit(info.response, &mut body);
        paged = info.paging.map(|p| Paged::new(p, &mut body));
        echoed = info
            .response
            .iter()
            .filter(|m| scalar(m) && info.params.iter().any(|p| p.name == m.name && scalar(p)))
            .map(|m| (m.name, &m.kind))
            .collect();
    }
    Default {
        answer: Outgoing::success_body(&Value::Object(body.clone()).to_string()),
        body,
        echoed,
        paged,
    }
}

/// `{"RetCode": 0, "Action": "<Name>Response"}` with the typed response's defaults: decoding
/// that envelope as the client does fills every required field.
fn typed_default(entry: &ByName) -> Map<String, Value> {
    let envelope = serde_json::json!({"RetCode": 0, "Action": format!("{}Response", entry.name)});
    let raw = Answer {
        status: 200,
        request_id: None,
        body: envelope.to_string().into_bytes(),
    };
    let members = (entry.decode)(raw).expect("an empty success envelope decodes");
    let Value::Object(mut body) = envelope else {
        unreachable!("built as an object")
    };
    if let Value::Object(members) = members {
        body.extend(members);
    }
    body
}

fn scalar(p: &ParamInfo) -> bool {
    !p.list && !matches!(p.kind, ParamKind::Model(_) | ParamKind::Object(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(action: &str, params: &[(&str, &str)]) -> Value {
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        serde_json::from_slice(&Defaults::new().get(action, &params).body).unwrap()
    }

    #[test]
    fn examples_come_first_and_typed_defaults_fill_the_rest() {
        let images = body("DescribeCompShareImages", &[]);
        let mut example: Value = serde_json::from_str(
            compshare::by_name("DescribeCompShareImages")
                .unwrap()
                .response_example
                .unwrap(),
        )
        .unwrap();
        // The example's total (2) is made true: its one image.
        assert_eq!(example["TotalCount"], 2);
        example["TotalCount"] = json!(1);
        assert_eq!(images, example);
        // DescribeULHostImage's page has no example.
        assert_eq!(
            body("DescribeULHostImage", &[]),
            json!({
                "Action": "DescribeULHostImageResponse",
                "RetCode": 0,
                "ImageSet": [],
                "TotalCount": 0,
            })
        );
    }

    #[test]
    fn placeholders_are_fitted_and_members_kept() {
        let action = "DescribeCompShareInstance";
        let described = body(action, &[]);
        let host = &described["UHostSet"][0];
        // The example's "xePQZDOs" and "TnNuGSYE" are no ChargeType and no State.
        assert_eq!(host["ChargeType"], "Year");
        assert_eq!(host["State"], "Initializing");
        assert_eq!(host["Memory"], 6, "numbers stay");
        assert_eq!(host["Zone"], "xdLgDoph", "strings stay");
        let example: Value = serde_json::from_str(
            compshare::by_name(action)
                .unwrap()
                .response_example
                .unwrap(),
        )
        .unwrap();
        let kept = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(kept(host), kept(&example["UHostSet"][0]));
        assert_eq!(kept(&described), kept(&example));
    }

    #[test]
    fn members_named_like_request_params_answer_with_the_request() {
        let stopped = body("StopCompShareInstance", &[("UHostId", "uhost-abc")]);
        assert_eq!(stopped["UHostId"], "uhost-abc");
        let without = body("StopCompShareInstance", &[]);
        assert_ne!(without["UHostId"], "uhost-abc");
    }

    #[test]
    fn list_answers_page_one_list_with_a_true_total() {
        for info in compshare::schema::ACTIONS {
            let Some(paging) = info.paging else {
                continue;
            };
            let all = body(info.name, &[]);
            let count = all[paging.items].as_array().unwrap().len();
            if let Some(total) = paging.total {
                assert_eq!(all[total], count, "{}", info.name);
            }
            let past = body(info.name, &[(paging.offset, "1"), (paging.limit, "10")]);
            let rest = past[paging.items].as_array().unwrap();
            assert_eq!(rest.len(), count.saturating_sub(1), "{}", info.name);
            let none = body(info.name, &[(paging.limit, "0")]);
            assert_eq!(none[paging.items], json!([]), "{}", info.name);
        }
    }

    #[test]
    fn every_action_has_a_success_answer() {
        let defaults = Defaults::new();
        for action in compshare::ACTION_NAMES {
            let answer = defaults.get(action, &[]);
            if answer.file_type.is_some() {
                // A download answers with the file.
                assert!(compshare::by_name(action).unwrap().download, "{action}");
                assert_eq!(answer.code, Some(0));
                continue;
            }
            let body: Value = serde_json::from_slice(&answer.body).unwrap();
            assert_eq!(body["RetCode"], 0, "{action}");
            assert_eq!(body["Action"], format!("{action}Response"), "{action}");
        }
    }

    /// Every value of `members` in `object` that fails its kind, as `path: value`.
    fn misfits(path: &str, members: &[ParamInfo], object: &Map<String, Value>) -> Vec<String> {
        let mut out = Vec::new();
        for m in members {
            let Some(value) = object.get(m.name) else {
                continue;
            };
            let values: Vec<&Value> = match (m.list, value) {
                (true, Value::Array(items)) => items.iter().collect(),
                _ => vec![value],
            };
            let here = format!("{path}.{}", m.name);
            for v in values.into_iter().filter(|v| !v.is_null()) {
                let fits = match m.kind {
                    ParamKind::Enum { values, .. } => {
                        values.is_empty() || v.as_str().is_some_and(|s| values.contains(&s))
                    }
                    ParamKind::Integer | ParamKind::Float => plausible::is_number(v),
                    ParamKind::Bool => v.is_boolean(),
                    ParamKind::Model(name) => {
                        let fields = compshare::schema::model(name).unwrap().fields;
                        out.extend(misfits(&here, fields, v.as_object().unwrap()));
                        true
                    }
                    _ => true,
                };
                if !fits {
                    out.push(format!("{here}: {v}"));
                }
            }
        }
        out
    }

    #[test]
    fn every_default_answer_fits_its_schema() {
        let defaults = Defaults::new();
        let mut all = Vec::new();
        for info in compshare::schema::ACTIONS.iter().filter(|a| !a.download) {
            let body: Value = serde_json::from_slice(&defaults.get(info.name, &[]).body).unwrap();
            all.extend(misfits(info.name, info.response, body.as_object().unwrap()));
        }
        assert!(all.is_empty(), "{all:#?}");
    }
}
