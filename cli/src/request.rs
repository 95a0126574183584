//! The params a command sends: its typed flags' params, read, validated and encoded by the
//! SDK, with the `--param` ones sent exactly as written. A `--param` the specs know is still
//! validated (`Limit=101` is refused); one they do not know is sent with a note, since it
//! exists for fields newer than the specs.

use compshare::{Client, Error, Rule, ValidationError};

use crate::fail::Failure;
use crate::params::WireParams;

/// The wire params to send for `action`, unsigned, or every problem with them.
pub fn prepare(
    client: &Client,
    action: &str,
    params: &WireParams,
) -> Result<Vec<(String, String)>, Failure> {
    let all: Vec<(String, String)> = params.typed.iter().chain(&params.raw).cloned().collect();
    let prepared = match compshare::prepare(client, action, &all) {
        Ok(prepared) => prepared,
        Err(Error::Validation(e)) => {
            let (unknown, rest): (Vec<_>, Vec<_>) = e.violations.into_iter().partition(|v| {
                matches!(v.rule, Rule::UnknownParam { .. })
                    && params.raw.iter().any(|(name, _)| *name == v.field)
            });
            if !rest.is_empty() {
                return Err(Failure::Sdk(Error::Validation(ValidationError {
                    action: e.action,
                    violations: rest,
                })));
            }
            for v in &unknown {
                eprintln!(
                    "note: {} is not a param of {action} in these specs; sent as given",
                    v.field
                );
            }
            let known: Vec<(String, String)> = all
                .into_iter()
                .filter(|(name, _)| !unknown.iter().any(|v| v.field == *name))
                .collect();
            compshare::prepare(client, action, &known)?
        }
        Err(other) => return Err(other.into()),
    };
    Ok(overlay(prepared, &params.raw))
}

/// `prepared` with each raw param's value as written, added where the SDK did not encode it.
fn overlay(mut prepared: Vec<(String, String)>, raw: &[(String, String)]) -> Vec<(String, String)> {
    for (name, value) in raw {
        match prepared.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1.clone_from(value),
            None => prepared.push((name.clone(), value.clone())),
        }
    }
    prepared
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn client() -> Client {
        Client::new(compshare::Config::new(compshare::Credential::new(
            "pk", "sk",
        )))
        .unwrap()
    }

    #[test]
    fn raw_params_are_sent_as_written_and_unknown_ones_pass() {
        let params = WireParams {
            typed: pairs(&[("ImageType", "System")]),
            raw: pairs(&[("Limit", "007"), ("NewField", "1"), ("Offset", "0")]),
        };
        let sent = prepare(&client(), "DescribeCompShareImages", &params).unwrap();
        for wanted in [("ImageType", "System"), ("Limit", "007"), ("NewField", "1")] {
            assert!(
                sent.contains(&pairs(&[wanted])[0]),
                "{wanted:?} in {sent:?}"
            );
        }
        assert_eq!(sent.iter().filter(|(n, _)| n == "Limit").count(), 1);
        let created = WireParams {
            typed: Vec::new(),
            raw: pairs(&[
                ("MachineType", "G"),
                ("GpuType", "4090"),
                ("GPU", "1"),
                ("CPU", "16"),
                ("Memory", "65536"),
                ("CompShareImageId", "compshareImage-x"),
                ("AutoStart", "True"),
            ]),
        };
        let sent = prepare(&client(), "CreateCompShareInstance", &created).unwrap();
        assert!(
            sent.contains(&pairs(&[("AutoStart", "True")])[0]),
            "{sent:?}"
        );
    }

    #[test]
    fn a_known_raw_param_is_still_validated() {
        let params = WireParams {
            typed: Vec::new(),
            raw: pairs(&[("Limit", "101"), ("NewField", "1")]),
        };
        let Err(Failure::Sdk(Error::Validation(e))) =
            prepare(&client(), "DescribeCompShareImages", &params)
        else {
            panic!("Limit=101 was accepted")
        };
        let fields: Vec<&str> = e.violations.iter().map(|v| v.field.as_str()).collect();
        assert_eq!(fields, ["Limit"]);
    }
}
