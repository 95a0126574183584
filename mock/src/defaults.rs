//! What an action answers when nothing else does: the spec's response example, or else a
//! valid response with every field at its default.

use std::collections::HashMap;

use compshare::runtime::codegen_support::{Answer as Raw, ByName};

use crate::answer::Answer;

/// The default answer of every action, made once.
#[derive(Debug)]
pub(crate) struct Defaults {
    by_action: HashMap<&'static str, Answer>,
}

impl Defaults {
    /// The default answers of every action of the API.
    pub fn new() -> Self {
        let by_action = compshare::ACTIONS
            .iter()
            .filter_map(|name| compshare::by_name(name))
            .map(|entry| (entry.name, default_answer(entry)))
            .collect();
        Self { by_action }
    }

    /// The default answer of `action`.
    pub fn get(&self, action: &str) -> Answer {
        self.by_action
            .get(action)
            .cloned()
            .unwrap_or_else(|| unreachable!("{action} is an action of the API"))
    }
}

/// The spec's example, or `{"RetCode": 0, "Action": "<Name>Response"}` with the typed
/// response's defaults: decoding that envelope as the client does fills every required field.
fn default_answer(entry: &ByName) -> Answer {
    if let Some(example) = entry.response_example {
        return Answer::success_body(example);
    }
    let envelope = serde_json::json!({"RetCode": 0, "Action": format!("{}Response", entry.name)});
    let raw = Raw {
        status: 200,
        request_id: None,
        body: envelope.to_string().into_bytes(),
    };
    let members = (entry.decode)(raw).expect("an empty success envelope decodes");
    Answer::success(entry.name, members)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn body(action: &str) -> Value {
        serde_json::from_slice(&Defaults::new().get(action).body).unwrap()
    }

    #[test]
    fn examples_come_first_and_typed_defaults_fill_the_rest() {
        let images = body("DescribeCompShareImages");
        let example: Value = serde_json::from_str(
            compshare::by_name("DescribeCompShareImages")
                .unwrap()
                .response_example
                .unwrap(),
        )
        .unwrap();
        assert_eq!(images, example);
        // DescribeULHostImage's page has no example.
        assert_eq!(
            body("DescribeULHostImage"),
            json!({
                "Action": "DescribeULHostImageResponse",
                "RetCode": 0,
                "ImageSet": [],
            })
        );
    }

    #[test]
    fn every_action_has_a_success_answer() {
        let defaults = Defaults::new();
        for action in compshare::ACTIONS {
            let answer = defaults.get(action);
            let body: Value = serde_json::from_slice(&answer.body).unwrap();
            assert_eq!(body["RetCode"], 0, "{action}");
            assert_eq!(body["Action"], format!("{action}Response"), "{action}");
        }
    }
}
