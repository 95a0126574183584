//! Reading an action's flags back into wire params: `--limit 20` → `Limit=20`, repeated
//! flags → `Name.0`, `Name.1`, and `--disks size=200,is-boot=true` → `Disks.0.Size=200`,
//! `Disks.0.IsBoot=true`. The SDK then reads, validates and encodes them as any by-name call.

use clap::ArgMatches;
use compshare::runtime::schema::{ActionInfo, ParamInfo, ParamKind};

use crate::names::kebab;

/// The wire params of one command: those its typed flags give, which the SDK reads, validates
/// and encodes, and those `--param` gives, which are sent exactly as written.
#[derive(Debug, Default)]
pub struct WireParams {
    pub typed: Vec<(String, String)>,
    pub raw: Vec<(String, String)>,
}

/// The wire params the flags give, or what is wrong with them.
pub fn wire_params(action: &ActionInfo, matches: &ArgMatches) -> Result<WireParams, String> {
    let mut out = Vec::new();
    for param in action.params.iter().filter(|p| !p.common) {
        let Some(values) = matches.get_raw(param.name) else {
            continue;
        };
        let values: Vec<String> = values.map(|v| v.to_string_lossy().into_owned()).collect();
        for (i, value) in values.iter().enumerate() {
            let name = if param.list {
                format!("{}.{i}", param.name)
            } else {
                param.name.to_owned()
            };
            match param.kind {
                ParamKind::Object(fields) => {
                    object(&name, &kebab(param.name), fields, value, &mut out)?
                }
                _ => out.push((name, value.clone())),
            }
        }
    }
    let mut raw_params = Vec::new();
    if let Some(raw) = matches.get_many::<String>("param") {
        for pair in raw {
            match pair.split_once('=') {
                Some((name, value)) if !name.is_empty() => {
                    raw_params.push((name.to_owned(), value.to_owned()))
                }
                _ => {
                    return Err(format!(
                        "--param {pair:?} is not NAME=VALUE, such as Disks.0.Size=200"
                    ));
                }
            }
        }
    }
    Ok(WireParams {
        typed: out,
        raw: raw_params,
    })
}

/// Reads `key=value,key=value` into `prefix.Field=value` pairs.
fn object(
    prefix: &str,
    flag: &str,
    fields: &[ParamInfo],
    text: &str,
    out: &mut Vec<(String, String)>,
) -> Result<(), String> {
    for pair in text.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((key, value)) = pair.split_once('=') else {
            return Err(format!(
                "--{flag}: {pair:?} is not key=value; give the fields as {}",
                keys(fields)
            ));
        };
        let key = key.trim();
        let field = fields
            .iter()
            .find(|f| kebab(f.name) == key || f.name.eq_ignore_ascii_case(key))
            .ok_or_else(|| {
                format!(
                    "--{flag}: no field {key:?}; the fields are {}",
                    keys(fields)
                )
            })?;
        out.push((format!("{prefix}.{}", field.name), value.to_owned()));
    }
    Ok(())
}

fn keys(fields: &[ParamInfo]) -> String {
    let names: Vec<String> = fields.iter().map(|f| kebab(f.name)).collect();
    names.join(", ")
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

    fn parse(args: &[&str]) -> Result<Vec<(String, String)>, String> {
        parse_split(args).map(|p| p.typed.into_iter().chain(p.raw).collect())
    }

    fn parse_split(args: &[&str]) -> Result<WireParams, String> {
        let matches = crate::command::build().try_get_matches_from(args).unwrap();
        let (name, sub) = matches.subcommand().unwrap();
        let info = compshare::schema::ACTIONS
            .iter()
            .find(|a| kebab(a.name) == name)
            .unwrap();
        wire_params(info, sub)
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn scalars_lists_objects_and_raw_params() {
        assert!(
            action("GetCompShareInstancePrice")
                .params
                .iter()
                .any(|p| p.name == "Disks")
        );
        let got = parse(&[
            "compshare",
            "get-comp-share-instance-price",
            "--disks",
            "size=200,type=CLOUD_SSD,is-boot=true",
            "--disks",
            "Size=100,IsBoot=false,type=CLOUD_SSD",
            "--param",
            "Extra.0=x=y",
        ])
        .unwrap();
        let disks: Vec<_> = got
            .iter()
            .filter(|(n, _)| n.starts_with("Disks."))
            .cloned()
            .collect();
        assert_eq!(
            disks,
            pairs(&[
                ("Disks.0.Size", "200"),
                ("Disks.0.Type", "CLOUD_SSD"),
                ("Disks.0.IsBoot", "true"),
                ("Disks.1.Size", "100"),
                ("Disks.1.IsBoot", "false"),
                ("Disks.1.Type", "CLOUD_SSD"),
            ])
        );
        assert_eq!(
            got.last().unwrap(),
            &("Extra.0".to_owned(), "x=y".to_owned())
        );

        let got = parse(&[
            "compshare",
            "describe-comp-share-instance",
            "--uhost-ids",
            "a",
            "--uhost-ids",
            "b",
            "--limit",
            "5",
        ])
        .unwrap();
        assert_eq!(
            got,
            pairs(&[("UHostIds.0", "a"), ("UHostIds.1", "b"), ("Limit", "5")])
        );
    }

    #[test]
    fn bad_object_fields_are_named() {
        let err = parse(&[
            "compshare",
            "get-comp-share-instance-price",
            "--disks",
            "sise=200",
        ])
        .unwrap_err();
        assert!(
            err.contains("no field \"sise\"") && err.contains("is-boot"),
            "{err}"
        );
        let err = parse(&[
            "compshare",
            "get-comp-share-instance-price",
            "--disks",
            "200",
        ])
        .unwrap_err();
        assert!(err.contains("is not key=value"), "{err}");
        let err = parse(&["compshare", "describe-comp-share-images", "--param", "=1"]).unwrap_err();
        assert!(err.contains("is not NAME=VALUE"), "{err}");
    }
}
