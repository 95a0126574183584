//! Whether JSON printed back from a typed response keeps every value the server sent.

use serde_json::Value;

/// The paths of the leaves of `original` (scalars, `null`, and empty arrays and objects) that
/// `printed` does not hold with an equal value. Numbers equal numeric strings of the same
/// value, and booleans equal the strings `true`/`false` and `yes`/`no` in any case, because
/// tolerant decoding reads those as each other. An empty array or object is kept by any array
/// or object: it had nothing to lose, and a typed model prints its defaults.
pub fn lost_leaves(original: &Value, printed: &Value) -> Vec<String> {
    let mut lost = Vec::new();
    walk(original, Some(printed), &mut String::new(), &mut lost);
    lost
}

/// How many leaves a value has.
pub fn leaf_count(value: &Value) -> usize {
    match value {
        Value::Array(items) if !items.is_empty() => items.iter().map(leaf_count).sum(),
        Value::Object(map) if !map.is_empty() => map.values().map(leaf_count).sum(),
        _ => 1,
    }
}

fn walk(original: &Value, printed: Option<&Value>, path: &mut String, lost: &mut Vec<String>) {
    let len = path.len();
    match original {
        Value::Array(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                walk(item, printed.and_then(|p| p.get(i)), path, lost);
                path.truncate(len);
            }
        }
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                path.push('.');
                path.push_str(k);
                walk(v, printed.and_then(|p| p.get(k)), path, lost);
                path.truncate(len);
            }
        }
        Value::Array(_) if printed.is_some_and(Value::is_array) => {}
        Value::Object(_) if printed.is_some_and(Value::is_object) => {}
        leaf => {
            if !printed.is_some_and(|p| same(leaf, p)) {
                lost.push(format!("{path} = {leaf}"));
            }
        }
    }
}

fn same(a: &Value, b: &Value) -> bool {
    a == b
        || matches!((number(a), number(b)), (Some(x), Some(y)) if x == y)
        || matches!((flag(a), flag(b)), (Some(x), Some(y)) if x == y)
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok().filter(|f: &f64| f.is_finite()),
        _ => None,
    }
}

fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Some(true),
            "false" | "no" => Some(false),
            _ => None,
        },
        Value::Number(n) => match n.as_f64() {
            Some(1.0) => Some(true),
            Some(0.0) => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn drifted_spellings_count_as_kept_and_missing_values_do_not() {
        let original = json!({"A": "5", "B": "True", "C": [1, {"D": null}], "E": {}, "F": "x"});
        let printed = json!({"A": 5, "B": true, "C": [1.0, {"D": null}], "E": {}, "F": "y"});
        assert_eq!(lost_leaves(&original, &printed), [".F = \"x\""]);
        assert_eq!(leaf_count(&original), 6);
        assert_eq!(
            lost_leaves(&json!({"G": [1, 2]}), &json!({"G": [1]})),
            [".G[1] = 2"]
        );
    }
}
