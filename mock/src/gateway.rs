//! What the API gateway checks before an action runs: an `Action`, the key pair's signature,
//! an action that exists and that production serves, and params that keep the spec's rules.

use std::collections::HashSet;

use compshare::runtime::schema::ActionInfo;
use compshare::runtime::tools::{ByName, joined_arrays};
use compshare::{Rule, Violation};

use crate::answer::Outgoing;
use crate::codes;
use crate::message;

/// The key pair requests must be signed with.
#[derive(Clone, Debug)]
pub(crate) struct Keys {
    pub public_key: String,
    pub private_key: String,
}

/// Whether `name` is a common param (`Region`, `Zone`, `ProjectId`: the schema's `common`
/// params). Official SDKs send them with every action, whether or not the action declares them
/// (the Python SDK always sends `Region` from its config); the gateway ignores them where they
/// are not params of the action.
fn is_common(name: &str) -> bool {
    compshare::schema::ACTIONS
        .iter()
        .flat_map(|a| a.params)
        .any(|p| p.common && p.name == name)
}

/// A request's params, with the ones the gateway reads itself taken out.
#[derive(Debug, Default)]
pub(crate) struct Split {
    pub action: Option<String>,
    pub public_key: Option<String>,
    pub signature: Option<String>,
    /// Every other param, in order.
    pub rest: Vec<(String, String)>,
}

impl Split {
    /// Takes the first `Action`, `PublicKey` and `Signature` out of `params`.
    pub fn new(params: &[(String, String)]) -> Self {
        let mut split = Split::default();
        for (name, value) in params {
            let slot = match name.as_str() {
                "Action" => &mut split.action,
                "PublicKey" => &mut split.public_key,
                "Signature" => &mut split.signature,
                _ => {
                    split.rest.push((name.clone(), value.clone()));
                    continue;
                }
            };
            match slot {
                None => *slot = Some(value.clone()),
                // A repeated one is an unknown param of the action.
                Some(_) => split.rest.push((name.clone(), value.clone())),
            }
        }
        split
    }
}

/// The action a request may run, or the gateway's error. `params` are every param as sent.
pub(crate) fn admit(
    keys: &Keys,
    params: &[(String, String)],
    split: &Split,
) -> Result<&'static ByName, Outgoing> {
    let action = split.action.as_deref().filter(|a| !a.is_empty());
    let Some(action) = action else {
        return Err(Outgoing::api_error(
            None,
            codes::MISSING_ACTION,
            "Missing Action",
        ));
    };
    let error = |code, message: String| Err(Outgoing::api_error(Some(action), code, message));
    let Some(signature) = split.signature.as_deref() else {
        return error(codes::MISSING_SIGNATURE, "Missing Signature".to_owned());
    };
    if split.public_key.as_deref() != Some(keys.public_key.as_str()) {
        return error(
            codes::NO_SUCH_USER,
            "no user has this PublicKey: sign with the mock's key pair".to_owned(),
        );
    }
    let signed_as = |params: &[(String, String)]| {
        signature.eq_ignore_ascii_case(&compshare::runtime::signature(params, &keys.private_key))
    };
    // A JSON body's arrays are signed either flattened, as the official SDKs sign them, or as
    // the concatenation of their elements, as compshare-cli and this crate's client sign them.
    if !signed_as(params) && !signed_as(&joined_arrays(params)) {
        return error(codes::BAD_SIGNATURE, "Signature VerifyAC Error".to_owned());
    }
    let Some(entry) = compshare::by_name(action) else {
        return error(
            codes::NO_SUCH_ACTION,
            format!("Action [{action}] not found"),
        );
    };
    if let Some(answer) = unserved(action) {
        return Err(answer);
    }
    check(entry, &split.rest)
        .map_err(|message| Outgoing::api_error(Some(action), codes::INVALID_PARAMS, message))?;
    Ok(entry)
}

/// The schema of `action`: its params and response members.
pub(crate) fn info(action: &str) -> Option<&'static ActionInfo> {
    let actions = compshare::schema::ACTIONS;
    let index = actions.binary_search_by(|a| a.name.cmp(action)).ok()?;
    Some(&actions[index])
}

/// The answer to a documented action production does not serve (`unavailable` in its spec).
/// What production answers is not known; an action the gateway does not route is most likely
/// answered like one that does not exist, so the mock sends 161, as for an unknown name.
fn unserved(action: &str) -> Option<Outgoing> {
    let reason = info(action)?.unavailable?;
    Some(Outgoing::api_error(
        Some(action),
        codes::NO_SUCH_ACTION,
        format!("Action [{action}] is documented, but production does not serve it: {reason}"),
    ))
}

/// Reads and validates the params with the generated rules the client uses; the message
/// names the offending params (the first few of them, and how many more).
fn check(entry: &ByName, params: &[(String, String)]) -> Result<(), String> {
    let (checked, withheld) = withhold_unknown(entry.name, params);
    let checked = checked.as_deref().unwrap_or(params);
    let error = (entry.check)(checked).err();
    let violations: Vec<&Violation> = error
        .iter()
        .flat_map(|e| &e.violations)
        .filter(|v| !(matches!(v.rule, Rule::UnknownParam { .. }) && is_common(&v.field)))
        .collect();
    if violations.is_empty() && withheld == 0 {
        return Ok(());
    }
    Err(message::invalid_params(&violations, withheld))
}

/// The params to check, without the unknown ones past the first few, and how many distinct
/// unknown names were left out; `None` when none was. A param is unknown for sure when its
/// name does not start with one of the action's params. The generated rules report unknown
/// params one by one, each compared with every violation found before (see
/// `Violations::push` in the runtime), which is quadratic; counting them here is linear.
fn withhold_unknown(
    action: &str,
    params: &[(String, String)],
) -> (Option<Vec<(String, String)>>, usize) {
    let Some(info) = info(action) else {
        return (None, 0);
    };
    let known: HashSet<&str> = info.params.iter().map(|p| p.name).collect();
    let is_unknown = |name: &str| {
        let head = name.split('.').next().unwrap_or(name);
        !name.is_empty() && !known.contains(head) && !is_common(head)
    };
    let mut passed: HashSet<&str> = HashSet::new();
    let mut withheld: HashSet<&str> = HashSet::new();
    let mut checked = Vec::new();
    for (name, value) in params {
        if is_unknown(name) {
            if passed.len() < message::SHOWN {
                passed.insert(name);
            } else if !passed.contains(name.as_str()) {
                withheld.insert(name);
                continue;
            }
        }
        checked.push((name.clone(), value.clone()));
    }
    if withheld.is_empty() {
        (None, 0)
    } else {
        (Some(checked), withheld.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys {
            public_key: "pk".into(),
            private_key: "sk".into(),
        }
    }

    fn signed(items: &[(&str, &str)], private_key: &str) -> Vec<(String, String)> {
        let mut params: Vec<(String, String)> = items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        params.push(("PublicKey".into(), "pk".into()));
        let signature = compshare::runtime::signature(&params, private_key);
        params.push(("Signature".into(), signature));
        params
    }

    fn code(params: &[(String, String)]) -> Result<&'static str, (i64, String)> {
        let split = Split::new(params);
        admit(&keys(), params, &split)
            .map(|entry| entry.name)
            .map_err(|a| (a.code.unwrap(), a.message.unwrap()))
    }

    #[test]
    fn the_gateway_checks_in_order() {
        let ok = [("Action", "DescribeCompShareImages"), ("Region", "cn-wlcb")];
        assert_eq!(code(&signed(&ok, "sk")), Ok("DescribeCompShareImages"));
        assert_eq!(code(&signed(&[("Region", "x")], "sk")).unwrap_err().0, 160);
        let mut unsigned = signed(&ok, "sk");
        unsigned.pop();
        assert_eq!(code(&unsigned).unwrap_err().0, 170);
        assert_eq!(code(&signed(&ok, "wrong")).unwrap_err().0, 171);
        let nope = [("Action", "DescribeNothing")];
        assert_eq!(
            code(&signed(&nope, "sk")),
            Err((161, "Action [DescribeNothing] not found".into()))
        );
    }

    #[test]
    fn actions_production_does_not_serve_get_161() {
        let marked = compshare::schema::ACTIONS
            .iter()
            .filter(|a| a.unavailable.is_some());
        for info in marked {
            let (code_, message) = code(&signed(&[("Action", info.name)], "sk")).unwrap_err();
            assert_eq!(code_, 161, "{}", info.name);
            assert!(
                message.contains(info.name) && message.contains("production does not serve"),
                "{message}"
            );
        }
        assert!(unserved("DescribeCompShareImages").is_none());
    }

    #[test]
    fn invalid_params_are_named_and_common_params_are_tolerated() {
        let bad = [
            ("Action", "DescribeCompShareImages"),
            ("Region", "cn-wlcb"),
            ("Limit", "101"),
            ("Offset", "x"),
        ];
        let (code_, message) = code(&signed(&bad, "sk")).unwrap_err();
        assert_eq!(code_, 230);
        assert_eq!(
            message,
            "Params [Offset, Limit] invalid: Offset must be an integer (got \"x\"); Limit must be at most 100 (got \"101\")"
        );
        // GetOpenClawModelList has neither Region nor Zone, but SDKs may send them anyway.
        let extra = [
            ("Action", "GetOpenClawModelList"),
            ("Region", "cn-wlcb"),
            ("Zone", "cn-wlcb-01"),
        ];
        assert!(code(&signed(&extra, "sk")).is_ok());
        let typo = [("Action", "GetOpenClawModelList"), ("Regoin", "cn-wlcb")];
        assert_eq!(code(&signed(&typo, "sk")).unwrap_err().0, 230);
    }

    #[test]
    fn unknown_params_past_the_first_few_are_counted_not_checked() {
        let mut items = vec![("Action", "DescribeCompShareImages"), ("Limit", "101")];
        let names: Vec<String> = (0..5000).map(|i| format!("P{i}")).collect();
        items.extend(names.iter().map(|n| (n.as_str(), "v")));
        items.push(("P0", "again"));
        let started = std::time::Instant::now();
        let (code_, message) = code(&signed(&items, "sk")).unwrap_err();
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(code_, 230);
        // P0 given twice, the other first unknown names, then Limit, and 4,990 unknown ones
        // counted.
        assert!(
            message.starts_with("Params [P0, P1, P2, P3, P4, P5, P6, P7, P8, P9, and 4991 more] invalid: P0 is given more than once; P1 is not a parameter"),
            "{message}"
        );
        assert!(message.len() < 3000, "{}", message.len());
    }
}
