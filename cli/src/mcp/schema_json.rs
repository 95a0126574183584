//! An action as JSON Schema, for `describe_action`: its params (types, required, enums,
//! limits, defaults and the docs' descriptions; objects such as `Disks.N.Size` as nested
//! objects, arrays as arrays) and its response members, whose models are `$defs`.

use compshare::runtime::Number;
use compshare::runtime::schema::{ActionInfo, Bound, ParamInfo, ParamKind};
use serde_json::{Map, Value, json};

/// The params of `action` as a JSON Schema object. Common params (`Region`, `Zone`,
/// `ProjectId`) are included and say that the server's settings fill them.
pub fn params(action: &ActionInfo) -> Value {
    object(action.params, true)
}

fn object(params: &[ParamInfo], top: bool) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for p in params {
        properties.insert(p.name.to_owned(), param(p, top));
        if p.required {
            required.push(Value::from(p.name));
        }
    }
    let mut schema =
        json!({"type": "object", "properties": properties, "additionalProperties": false});
    if !required.is_empty() {
        schema["required"] = Value::Array(required);
    }
    schema
}

fn param(p: &ParamInfo, top: bool) -> Value {
    let mut one = kind(p.kind);
    let mut description = p.description.trim().to_owned();
    if top && p.common {
        description.push_str(" (Filled from the server's settings when omitted.)");
    }
    if let Some(default) = p.default {
        one["default"] = default_value(p.kind, default);
        description.push_str(&format!(" (Server default when omitted: {default}.)"));
    }
    if let ParamKind::Enum {
        values,
        closed: false,
    } = p.kind
    {
        description.push_str(&format!(
            " (Known values: {}; others are accepted too.)",
            values.join(", ")
        ));
    }
    for bound in p.bounds {
        match bound {
            Bound::Min(n) => one["minimum"] = number(*n),
            Bound::Max(n) => one["maximum"] = number(*n),
            Bound::MaxLength(n) => one["maxLength"] = Value::from(*n),
            Bound::MaxItems(_) => {}
        }
    }
    if p.sensitive {
        one["writeOnly"] = Value::Bool(true);
        description.push_str(" (Sensitive: redacted in results.)");
    }
    if p.deprecated {
        one["deprecated"] = Value::Bool(true);
    }
    let mut schema = if p.list {
        let mut array = json!({"type": "array", "items": one});
        for bound in p.bounds {
            if let Bound::MaxItems(n) = bound {
                array["maxItems"] = Value::from(*n);
            }
        }
        array
    } else {
        one
    };
    if !description.is_empty() {
        schema["description"] = Value::from(description.trim_start().to_owned());
    }
    schema
}

fn kind(kind: ParamKind) -> Value {
    match kind {
        ParamKind::String => json!({"type": "string"}),
        ParamKind::Integer => json!({"type": "integer"}),
        ParamKind::Float => json!({"type": "number"}),
        ParamKind::Bool => json!({"type": "boolean"}),
        ParamKind::Enum {
            values,
            closed: true,
        } => json!({"type": "string", "enum": values}),
        ParamKind::Enum {
            values,
            closed: false,
        } => json!({"type": "string", "examples": values}),
        ParamKind::Object(fields) => object(fields, false),
        ParamKind::Model(name) => json!({"$ref": format!("#/$defs/{name}")}),
    }
}

fn number(n: Number) -> Value {
    match n {
        Number::Int(i) => Value::from(i),
        Number::Float(f) => Value::from(f),
    }
}

/// A documented default, typed as its param.
fn default_value(kind: ParamKind, text: &str) -> Value {
    let parsed = match kind {
        ParamKind::Integer => text.parse::<i64>().ok().map(Value::from),
        ParamKind::Float => text.parse::<f64>().ok().map(Value::from),
        ParamKind::Bool => text.parse::<bool>().ok().map(Value::from),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::from(text))
}

/// The response members of `action` as a JSON Schema object, each model once in `$defs`.
/// The server may send members the specs do not name; they reach the caller too.
pub fn response(action: &ActionInfo) -> Value {
    let mut defs = Map::new();
    let mut pending: Vec<&'static str> = Vec::new();
    let mut properties = Map::new();
    for member in action.response {
        properties.insert(
            member.name.to_owned(),
            response_member(member, &mut pending),
        );
    }
    while let Some(name) = pending.pop() {
        if defs.contains_key(name) {
            continue;
        }
        let Some(model) = compshare::schema::model(name) else {
            defs.insert(name.to_owned(), json!({"type": "object"}));
            continue;
        };
        let mut fields = Map::new();
        for field in model.fields {
            fields.insert(field.name.to_owned(), response_member(field, &mut pending));
        }
        let mut def = json!({"type": "object", "properties": fields});
        if !model.description.is_empty() {
            def["description"] = Value::from(model.description);
        }
        defs.insert(name.to_owned(), def);
    }
    let mut schema = json!({"type": "object", "properties": properties});
    if !defs.is_empty() {
        schema["$defs"] = Value::Object(defs);
    }
    schema
}

fn response_member(member: &ParamInfo, pending: &mut Vec<&'static str>) -> Value {
    if let ParamKind::Model(name) = member.kind {
        pending.push(name);
    }
    let mut one = match member.kind {
        // Response enums are open: the server may send values the docs do not list.
        ParamKind::Enum { values, .. } => json!({"type": "string", "examples": values}),
        other => kind(other),
    };
    if member.sensitive {
        one["writeOnly"] = Value::Bool(true);
    }
    let mut schema = if member.list {
        json!({"type": "array", "items": one})
    } else {
        one
    };
    if !member.description.trim().is_empty() {
        schema["description"] = Value::from(member.description.trim());
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(name: &str) -> &'static ActionInfo {
        compshare::schema::ACTIONS
            .iter()
            .find(|a| a.name == name)
            .unwrap()
    }

    #[test]
    fn limits_enums_defaults_and_descriptions() {
        let schema = params(action("DescribeCompShareImages"));
        let limit = &schema["properties"]["Limit"];
        assert_eq!(limit["type"], "integer");
        assert_eq!(limit["maximum"], 100);
        assert_eq!(limit["default"], 20);
        assert!(limit["description"].as_str().unwrap().contains("最大100"));
        let image_type = &schema["properties"]["ImageType"]["enum"];
        assert_eq!(image_type, &json!(["System", "App", "Game", "Other"]));
    }

    #[test]
    fn objects_nest_and_arrays_are_arrays() {
        let schema = params(action("CreateCompShareInstance"));
        let disks = &schema["properties"]["Disks"];
        assert_eq!(disks["type"], "array");
        assert_eq!(disks["items"]["type"], "object");
        assert_eq!(disks["items"]["properties"]["Size"]["type"], "integer");
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&json!("GpuType"))
        );
        let password = &schema["properties"]["Password"];
        assert_eq!(password["writeOnly"], true);
    }

    #[test]
    fn every_action_has_a_schema_whose_refs_resolve() {
        for info in compshare::schema::ACTIONS {
            let p = params(info);
            assert_eq!(p["type"], "object", "{}", info.name);
            let r = response(info);
            let text = r.to_string();
            let defs = r.get("$defs").and_then(Value::as_object);
            for part in text.split("\"#/$defs/").skip(1) {
                let name = &part[..part.find('"').unwrap()];
                assert!(
                    defs.is_some_and(|d| d.contains_key(name)),
                    "{}: {name}",
                    info.name
                );
            }
        }
        let images = response(action("DescribeCompShareImages"));
        assert_eq!(images["properties"]["ImageSet"]["type"], "array");
        assert!(
            images["$defs"]["CompShareImage"]["properties"]
                .as_object()
                .unwrap()
                .len()
                > 10
        );
    }
}
