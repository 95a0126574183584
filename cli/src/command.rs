//! The command tree, built at run time with clap's builder from the generated crate's tables
//! (`compshare::schema`): one subcommand per action and per declared wait. A table walked at
//! start-up compiles far faster than clap's derive over as many structs; BENCHMARKS.md has
//! the figures.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgAction, Command, value_parser};
use compshare::runtime::schema::{ActionInfo, Bound, ParamInfo, ParamKind, WaiterInfo};

use crate::names::kebab;

/// The settings every subcommand takes; see `settings.rs`.
pub const GLOBAL: &[(&str, &str, &str)] = &[
    (
        "profile",
        "NAME",
        "The profile to use from the profile file [env: COMPSHARE_PROFILE]",
    ),
    (
        "config-file",
        "PATH",
        "The profile file [env: COMPSHARE_CONFIG_FILE] [default: $XDG_CONFIG_HOME/compshare/config.json, else ~/.config/compshare/config.json]",
    ),
    (
        "region",
        "REGION",
        "The region filled into requests that leave it unset [env: COMPSHARE_REGION]",
    ),
    (
        "zone",
        "ZONE",
        "The zone filled into requests that leave it unset [env: COMPSHARE_ZONE]",
    ),
    (
        "project-id",
        "ID",
        "The project filled into requests that leave it unset [env: COMPSHARE_PROJECT_ID]",
    ),
    (
        "base-url",
        "URL",
        "The API endpoint [env: COMPSHARE_BASE_URL] [default: https://api.compshare.cn]",
    ),
    (
        "max-attempts",
        "N",
        "Attempts per call, the first included; create-like actions are sent once [env: COMPSHARE_MAX_ATTEMPTS] [default: 3]",
    ),
];

/// The whole command tree.
pub fn build() -> Command {
    let mut root = Command::new("compshare")
        .version(env!("CARGO_PKG_VERSION"))
        .about("The CompShare (优云智算) GPU cloud API from the command line")
        .long_about(LONG_ABOUT)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .max_term_width(100);
    for (name, value, help) in GLOBAL {
        root = root.arg(
            Arg::new(*name)
                .long(*name)
                .value_name(*value)
                .help(*help)
                .help_heading("Settings")
                .global(true),
        );
    }
    root = root
        .arg(
            Arg::new("output")
                .long("output")
                .short('o')
                .value_name("FORMAT")
                .value_parser(["json", "table"])
                .default_value("json")
                .help("How to print the response: pretty JSON with exactly the members the server sent, or a table of a list's items")
                .help_heading("Output")
                .global(true),
        )
        .arg(
            Arg::new("query")
                .long("query")
                .value_name("JMESPATH")
                .help("Prints only what this JMESPath expression selects from the response, such as `UHostSet[].UHostId`")
                .help_heading("Output")
                .global(true),
        )
        .arg(
            Arg::new("verbose")
                .long("verbose")
                .short('v')
                .action(ArgAction::Count)
                .help("Logs each call on stderr (-v: attempts, status, request id, time; -vv: params too, secrets redacted); RUST_LOG overrides")
                .help_heading("Output")
                .global(true),
        );
    for action in compshare::schema::ACTIONS {
        root = root.subcommand(action_command(action));
    }
    root.subcommand(wait_command(compshare::schema::WAITERS))
        .subcommand(crate::configure::command())
        .subcommand(crate::mcp::command())
        .subcommand(
            Command::new("completions")
                .about("Prints a shell completion script")
                .long_about("Prints a shell completion script, for example:\n  compshare completions bash > ~/.local/share/bash-completion/completions/compshare\n  compshare completions zsh > ~/.zfunc/_compshare")
                .arg(
                    Arg::new("shell")
                        .required(true)
                        .value_parser(value_parser!(clap_complete::Shell)),
                ),
        )
}

const LONG_ABOUT: &str = "\
The CompShare (优云智算) GPU cloud API from the command line.

Every API action is a subcommand, with its params as typed flags: run `compshare <action> --help`.
Settings come from flags, then the environment, then the profile file (`compshare configure`),
then the defaults.

Exit status: 0 on success; 2 when the command line, a setting or the request is invalid
(nothing is sent); 1 for every other failure, such as an API error.";

fn action_command(action: &'static ActionInfo) -> Command {
    let mut about = action.summary.to_owned();
    if about.is_empty() {
        about = action.name.to_owned();
    }
    let mut long = format!("{about}\n\nAPI action: {}", action.name);
    if !action.description.is_empty() {
        long = format!(
            "{about}\n\n{}\n\nAPI action: {}",
            action.description, action.name
        );
    }
    if let Some(reason) = action.unavailable {
        long = format!("{long}\n\nNot served in production: {reason}");
    }
    let mut cmd = Command::new(kebab(action.name))
        .about(about)
        .long_about(long)
        .hide(action.unavailable.is_some());
    let window = action.paging.map(|p| [p.offset, p.limit]);
    for param in action.params.iter().filter(|p| !p.common) {
        let mut arg = param_arg(param);
        if window.is_some_and(|w| w.contains(&param.name)) {
            arg = arg.value_parser(not_negative(param.name));
        }
        cmd = cmd.arg(arg);
    }
    cmd = cmd
        .arg(
            Arg::new("param")
                .long("param")
                .value_name("NAME=VALUE")
                .action(ArgAction::Append)
                .help("A wire param as the API names it, such as `Disks.0.Size=200`, for fields newer than this command"),
        )
        .arg(
            Arg::new("dry-run")
                .long("dry-run")
                .action(ArgAction::SetTrue)
                .help("Validates the request and prints the exact body that would be sent, signature redacted; sends nothing"),
        )
        .arg(
            Arg::new("timeout")
                .long("timeout")
                .value_name("SECONDS")
                .help("Limit per attempt [env: COMPSHARE_TIMEOUT] [default: 30]")
                .help_heading("Settings"),
        );
    if action.paging.is_some() {
        cmd = cmd.arg(
            Arg::new("all")
                .long("all")
                .action(ArgAction::SetTrue)
                .help("Fetches every page and prints the items as they arrive, as one JSON array"),
        );
    }
    if action.download {
        cmd = cmd.arg(
            Arg::new("out")
                .long("out")
                .value_name("FILE")
                .help("Where to write the file the action answers with [default: stdout]"),
        );
    }
    cmd
}

/// A page's offset or size: a whole number, 0 or more.
fn not_negative(name: &'static str) -> impl Fn(&str) -> Result<i64, String> + Clone {
    move |text: &str| match text.trim().parse::<i64>() {
        Ok(n) if n >= 0 => Ok(n),
        Ok(_) => Err(format!("{name} must be at least 0")),
        Err(_) => Err(format!("{name} must be a whole number")),
    }
}

fn param_arg(param: &'static ParamInfo) -> Arg {
    let mut arg = Arg::new(param.name)
        .long(kebab(param.name))
        .help(short_help(param))
        .long_help(long_help(param));
    // A required param may come as `--param Name=Value` instead; the request's rules then
    // report it if it is missing.
    if param.required {
        arg = arg.required_unless_present("param");
    }
    arg = match param.kind {
        // Negative numbers are values, not flags, so that the request's rules judge them.
        ParamKind::Integer => arg
            .value_parser(value_parser!(i64))
            .allow_negative_numbers(true)
            .value_name("INT"),
        ParamKind::Float => arg
            .value_parser(value_parser!(f64))
            .allow_negative_numbers(true)
            .value_name("NUMBER"),
        ParamKind::Bool => arg
            .value_parser(["true", "false"])
            .num_args(0..=1)
            .default_missing_value("true")
            .value_name("BOOL"),
        ParamKind::Enum {
            values,
            closed: true,
        } => arg
            .value_parser(PossibleValuesParser::new(values.iter().copied()))
            .value_name("VALUE"),
        // Only response members are models; a request param never is.
        ParamKind::Enum { .. } | ParamKind::String | ParamKind::Model(_) => arg.value_name("TEXT"),
        ParamKind::Object(fields) => arg.value_name(object_syntax(fields)),
    };
    if param.list {
        arg = arg.action(ArgAction::Append);
    }
    arg
}

/// `size=INT,type=TEXT,...`: the syntax of an object flag.
fn object_syntax(fields: &[ParamInfo]) -> String {
    let mut parts: Vec<String> = fields
        .iter()
        .map(|f| format!("{}=…", kebab(f.name)))
        .collect();
    if parts.len() > 3 {
        parts.truncate(3);
        parts.push("…".to_owned());
    }
    parts.join(",")
}

fn short_help(param: &ParamInfo) -> String {
    let mut help = first_sentence(param.description).to_owned();
    let mut facts = Vec::new();
    if param.list {
        facts.push("repeatable".to_owned());
    }
    if let Some(default) = param.default {
        facts.push(format!("default: {default}"));
    }
    facts.extend(param.bounds.iter().map(Bound::to_string));
    if let ParamKind::Enum {
        values,
        closed: false,
    } = param.kind
    {
        facts.push(format!("known: {}", values.join(", ")));
    }
    if param.deprecated {
        facts.push("deprecated".to_owned());
    }
    if !facts.is_empty() {
        help = format!("{help} [{}]", facts.join("; "));
    }
    help
}

fn long_help(param: &ParamInfo) -> String {
    let mut lines = vec![param.description.to_owned()];
    if let Some(default) = param.default {
        lines.push(format!("Default (the server's, when omitted): {default}"));
    }
    if !param.bounds.is_empty() {
        let bounds: Vec<String> = param.bounds.iter().map(Bound::to_string).collect();
        lines.push(format!("Limits: {}", bounds.join(", ")));
    }
    if param.list {
        lines.push(format!(
            "Repeat the flag for more values: --{0} A --{0} B",
            kebab(param.name)
        ));
    }
    match param.kind {
        ParamKind::Enum {
            values,
            closed: false,
        } => lines.push(format!(
            "Known values: {} (others are accepted too)",
            values.join(", ")
        )),
        ParamKind::Object(fields) => {
            lines.push(format!(
                "Give the fields as key=value pairs separated by commas, such as --{} {}",
                kebab(param.name),
                example_object(fields)
            ));
            for field in fields {
                lines.push(format!(
                    "  {}{}: {}",
                    kebab(field.name),
                    if field.required { " (required)" } else { "" },
                    field.description
                ));
            }
        }
        _ => {}
    }
    if param.deprecated {
        lines.push("Deprecated: the docs say not to use it any more.".to_owned());
    }
    lines.retain(|l| !l.is_empty());
    lines.join("\n")
}

fn example_object(fields: &[ParamInfo]) -> String {
    let pairs: Vec<String> = fields
        .iter()
        .map(|f| {
            let value = match f.kind {
                ParamKind::Integer => "1".to_owned(),
                ParamKind::Float => "1.5".to_owned(),
                ParamKind::Bool => "true".to_owned(),
                ParamKind::Enum { values, .. } => values.first().copied().unwrap_or("x").to_owned(),
                _ => "x".to_owned(),
            };
            format!("{}={value}", kebab(f.name))
        })
        .collect();
    pairs.join(",")
}

/// The description up to its first full stop.
fn first_sentence(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(i, c)| c == '。' || (c == '.' && text[i + 1..].starts_with(' ')) || c == '\n')
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(text.len());
    text[..end].trim_end_matches(['\n', '。', '.'])
}

fn wait_command(waiters: &'static [WaiterInfo]) -> Command {
    let mut cmd = Command::new("wait")
        .about("Waits until a resource reaches a state")
        .subcommand_required(true);
    for waiter in waiters {
        for target in waiter.targets {
            let what = if target.gone {
                format!("is no longer listed by {}", waiter.action)
            } else {
                format!("is {}", target.state)
            };
            let mut about = format!("Waits until the {} {what}", waiter.resource);
            if !target.failure.is_empty() {
                about = format!(
                    "{about}; stops with exit status 1 on {}",
                    target.failure.join(", ")
                );
            }
            cmd = cmd.subcommand(
                Command::new(target.command)
                    .about(about)
                    .arg(
                        Arg::new("id")
                            .long(kebab(waiter.id_field))
                            .value_name("ID")
                            .required(true)
                            .help(format!("The {}'s {}", waiter.resource, waiter.id_field)),
                    )
                    .arg(
                        Arg::new("wait-timeout")
                            .long("timeout")
                            .value_name("SECONDS")
                            .value_parser(value_parser!(u64).range(1..))
                            .default_value("600")
                            .help("How long to wait in all"),
                    )
                    .arg(
                        Arg::new("interval")
                            .long("interval")
                            .value_name("SECONDS")
                            .value_parser(value_parser!(u64).range(1..))
                            .help(format!(
                                "The first wait between polls, growing to four times that [default: {}]",
                                waiter.interval_ms.div_ceil(1000)
                            )),
                    ),
            );
        }
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_consistent() {
        // clap checks names, ids and conflicts in debug builds.
        build().debug_assert();
    }

    #[test]
    fn first_sentences() {
        assert_eq!(first_sentence("镜像类型。可选 System"), "镜像类型");
        assert_eq!(first_sentence("The type. One of A, B"), "The type");
        assert_eq!(first_sentence("v1.2 of it"), "v1.2 of it");
    }
}
