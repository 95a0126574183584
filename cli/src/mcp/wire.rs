//! From a tool call's JSON params to wire params, as the SDK reads them: an array becomes
//! `Name.0`, `Name.1`, ...; an object `Name.Field`; an array of objects `Name.0.Field`.
//! Numbers are written as the wire wants them (`42.0` as `42`, never an exponent), booleans as
//! `true`/`false`; `null` leaves a param out. Keys may also be wire names (`Disks.0.Size`).
//! What cannot be a wire value is reported with the SDK's own violations, all at once.

use compshare::runtime::schema::ActionInfo;
use serde_json::{Map, Value};

/// One problem with the JSON params, before the SDK sees them.
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub param: String,
    pub message: String,
}

/// The wire params of `params` for `action`, and the problems found on the way.
pub fn to_wire(
    action: &ActionInfo,
    params: &Map<String, Value>,
) -> (Vec<(String, String)>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (key, value) in params {
        // A key in another case is taken as the param's own name.
        let info = action.params.iter().find(|p| p.name == key).or_else(|| {
            action
                .params
                .iter()
                .find(|p| p.name.eq_ignore_ascii_case(key))
        });
        let name = info.map_or(key.as_str(), |p| p.name);
        match (info, value) {
            (Some(p), Value::Array(_)) if !p.list => problems.push(Problem {
                param: name.to_owned(),
                message: format!("{name} takes one value, not a list"),
            }),
            // One value for a list param is a list of one.
            (Some(p), v) if p.list && !matches!(v, Value::Array(_) | Value::Null) => {
                flatten(&format!("{name}.0"), v, &mut out, &mut problems)
            }
            _ => flatten(name, value, &mut out, &mut problems),
        }
    }
    (out, problems)
}

fn flatten(
    name: &str,
    value: &Value,
    out: &mut Vec<(String, String)>,
    problems: &mut Vec<Problem>,
) {
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((name.to_owned(), b.to_string())),
        Value::Number(n) => out.push((name.to_owned(), number(n))),
        Value::String(s) => out.push((name.to_owned(), s.clone())),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if item.is_array() {
                    problems.push(Problem {
                        param: format!("{name}.{i}"),
                        message: format!(
                            "{name}.{i} is a list inside a list, which the API has no form for"
                        ),
                    });
                    continue;
                }
                flatten(&format!("{name}.{i}"), item, out, problems);
            }
        }
        Value::Object(fields) => {
            for (field, v) in fields {
                flatten(&format!("{name}.{field}"), v, out, problems);
            }
        }
    }
}

/// A JSON number as the wire writes it: integers as they are, a float with no fractional part
/// as an integer, never an exponent.
fn number(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let f = n.as_f64().unwrap_or_default();
    if f.fract() == 0.0 && f.abs() < 9.0e15 {
        return format!("{}", f as i64);
    }
    // Rust writes floats without an exponent.
    format!("{f}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn action(name: &str) -> &'static ActionInfo {
        compshare::schema::ACTIONS
            .iter()
            .find(|a| a.name == name)
            .unwrap()
    }

    fn wire(name: &str, params: Value) -> (Vec<(String, String)>, Vec<Problem>) {
        to_wire(action(name), params.as_object().unwrap())
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn arrays_objects_and_scalars() {
        let (got, problems) = wire(
            "GetCompShareInstancePrice",
            json!({
                "Disks": [{"IsBoot": true, "Size": 200.0, "Type": "CLOUD_SSD"}],
                "gpu": 1,
                "Memory": 65536,
                "Nothing": null,
            }),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            got,
            pairs(&[
                ("Disks.0.IsBoot", "true"),
                ("Disks.0.Size", "200"),
                ("Disks.0.Type", "CLOUD_SSD"),
                ("Memory", "65536"),
                ("Gpu", "1"),
            ])
        );
        let (got, _) = wire(
            "DescribeCompShareInstance",
            json!({"UHostIds": "uhost-1", "Limit": "5"}),
        );
        assert_eq!(got, pairs(&[("Limit", "5"), ("UHostIds.0", "uhost-1")]));
        let (got, _) = wire(
            "DescribeCompShareInstance",
            json!({"UHostIds.0": "a", "UHostIds.1": "b"}),
        );
        assert_eq!(got, pairs(&[("UHostIds.0", "a"), ("UHostIds.1", "b")]));
    }

    #[test]
    fn what_has_no_wire_form_is_a_problem() {
        let (_, problems) = wire(
            "DescribeCompShareImages",
            json!({"Limit": [1, 2], "X": [[1]]}),
        );
        let params: Vec<&str> = problems.iter().map(|p| p.param.as_str()).collect();
        assert_eq!(params, ["Limit", "X.0"]);
    }

    #[test]
    fn numbers_are_written_plainly() {
        for (v, want) in [
            (json!(1.5), "1.5"),
            (json!(1e20), "100000000000000000000"),
            (json!(-3), "-3"),
            (json!(1e-7), "0.0000001"),
        ] {
            assert_eq!(number(v.as_number().unwrap()), want);
        }
    }
}
