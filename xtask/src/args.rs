//! The command line of `cargo xtask`: one table of commands and their flags, from which both
//! the parser and the help are made, so they cannot disagree.
//!
//! Flags come in any order, as `--flag VALUE` or `--flag=VALUE`, before or after the operands;
//! `--` ends the flags. `-h` or `--help` anywhere prints the command's help. Anything else
//! that starts with `-` is an error, reported with the command's usage (exit status 2).
//!
//! A parser of our own rather than a crate: the table is about 40 lines, and xtask is built on
//! every fresh clone's first `cargo xtask codegen`, so it takes no dependency it can do without.

use std::fmt::Write as _;
use std::path::PathBuf;

/// One command: its name, operands, flags and what it does.
pub struct Command {
    pub name: &'static str,
    pub operands: Operands,
    pub flags: &'static [Flag],
    /// A line for the list of commands.
    pub summary: &'static str,
    /// Paragraphs for the command's own help, after the summary.
    pub details: &'static str,
}

/// What a command takes besides its flags.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Operands {
    None,
    /// One or more, named as in the usage line.
    OneOrMore(&'static str),
    /// Everything after the command, passed on as given (only `-h`/`--help` first is ours).
    PassedOn(&'static str),
}

/// A flag: `--name`, or `--name VALUE` when `value` names its value.
pub struct Flag {
    pub name: &'static str,
    pub value: Option<&'static str>,
    /// When the value is one of a fixed set.
    pub choices: &'static [&'static str],
    pub help: &'static str,
}

const fn switch(name: &'static str, help: &'static str) -> Flag {
    Flag {
        name,
        value: None,
        choices: &[],
        help,
    }
}

const fn valued(name: &'static str, value: &'static str, help: &'static str) -> Flag {
    Flag {
        name,
        value: Some(value),
        choices: &[],
        help,
    }
}

/// Every command of `cargo xtask`.
pub const COMMANDS: &[Command] = &[
    Command {
        name: "codegen",
        operands: Operands::None,
        flags: &[
            switch(
                "--check",
                "change nothing; fail, naming each stale, missing or extra file, if generated/ is out of date",
            ),
            valued(
                "--root",
                "DIR",
                "work on the specs and generated/ of the repository at DIR (default: this one)",
            ),
        ],
        summary: "regenerate generated/ from specs/",
        details: "Reads specs/compshare, reports every problem in them with its file, line and column, and writes\n\
                  the files of generated/ that differ, all or nothing.",
    },
    Command {
        name: "import",
        operands: Operands::OneOrMore("<page or dir>..."),
        flags: &[
            valued(
                "--out",
                "DIR",
                "the spec directory to merge into (default: specs/compshare)",
            ),
            switch(
                "--check",
                "change nothing; fail if the pages would change any spec",
            ),
        ],
        summary: "merge API doc pages (or the pages in directories) into the specs",
        details: "A directory stands for the doc pages in it, at any depth. Actions that would not pass\n\
                  codegen's checks are held back and reported.",
    },
    Command {
        name: "test",
        operands: Operands::PassedOn("[ARGS...]"),
        flags: &[],
        summary: "run `cargo test --workspace ARGS...` with the official Python SDK and compshare-cli",
        details: "Installs the pinned Python SDK and compshare-cli into target/pyenv if needed, then runs\n\
                  `cargo test --workspace` with every argument after `test`, as given.",
    },
    Command {
        name: "fuzz",
        operands: Operands::None,
        flags: &[valued(
            "--seconds",
            "N",
            "how long each property runs (default: 600)",
        )],
        summary: "run every fuzz property in release mode",
        details: "The spec loader and checker, the JSON reader, the envelope reader and decoders, the\n\
                  by-name param reader, and form encoding with signing, one property at a time.",
    },
    Command {
        name: "bench",
        operands: Operands::None,
        flags: &[Flag {
            name: "--only",
            value: Some("PART"),
            choices: &crate::bench::PARTS,
            help: "run one part: client, scale or compile (default: all three)",
        }],
        summary: "print every figure of BENCHMARKS.md, as Markdown with ratios",
        details: "client: the client's overhead against the official Python SDK; scale: codegen of 80,\n\
                  1,000 and 5,000 actions; compile: compile times and a fresh clone's first codegen.",
    },
    Command {
        name: "diff",
        operands: Operands::None,
        flags: &[
            valued(
                "--base",
                "REF",
                "the specs to compare from (default: `git merge-base HEAD main`, or HEAD without a main)",
            ),
            valued(
                "--head",
                "REF",
                "the specs to compare to (default: the working tree)",
            ),
            Flag {
                name: "--format",
                value: Some("FORMAT"),
                choices: &["markdown", "json"],
                help: "markdown (default) or json (schema_version 1, see xtask/src/diff/README.md)",
            },
            Flag {
                name: "--fail-on",
                value: Some("WHAT"),
                choices: &["breaking", "unbumped"],
                help: "exit 1, after the report, on any breaking change, or on one that head's version is not bumped for",
            },
            switch(
                "--changelog",
                "prepend an entry for head's version to CHANGELOG.md (refused if it has one)",
            ),
            switch(
                "--history",
                "instead, count the breaking changes of every commit that changed specs/, under both type styles",
            ),
            valued(
                "--link-base",
                "URL",
                "prefix of the links to spec lines (default: `.`, repository-relative)",
            ),
        ],
        summary: "report how the API changed between two versions of the specs, and the version bump it needs",
        details: "Compares the specs by meaning (actions, fields, enum values, constraints), classifies each\n\
                  change as breaking, additive or docs with a check id, says what it does to the Rust API,\n\
                  and suggests the semver bump. Exit status 1 when a side does not load or --fail-on fails.",
    },
];

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Task {
    Codegen {
        check: bool,
        /// Another checkout's specs and generated/, for benchmarks and tests.
        root: Option<PathBuf>,
    },
    Import {
        pages: Vec<String>,
        out: Option<PathBuf>,
        check: bool,
    },
    Test {
        args: Vec<String>,
    },
    Fuzz {
        seconds: u64,
    },
    Bench {
        /// One of [`crate::bench::PARTS`], or all of them.
        only: Option<String>,
    },
    Diff(crate::diff::Options),
    /// Print this help (to stdout, exit status 0).
    Help(String),
}

/// A command line that cannot be run: the message, with the usage, for stderr and exit 2.
#[derive(Debug, PartialEq, Eq)]
pub struct Usage(pub String);

/// Reads `cargo xtask`'s arguments, the command first.
pub fn parse(args: &[String]) -> Result<Task, Usage> {
    let Some((first, rest)) = args.split_first() else {
        return Err(Usage(format!("error: no command given\n\n{}", help())));
    };
    match first.as_str() {
        "-h" | "--help" => return Ok(Task::Help(help())),
        "help" => {
            return match rest.first() {
                None => Ok(Task::Help(help())),
                Some(name) => command(name)
                    .map(|c| Task::Help(command_help(c)))
                    .ok_or_else(|| unknown_command(name)),
            };
        }
        _ => {}
    }
    let command = command(first).ok_or_else(|| unknown_command(first))?;
    parse_command(command, rest)
}

/// Reads the arguments after a command's name.
pub fn parse_command(command: &'static Command, args: &[String]) -> Result<Task, Usage> {
    if let Operands::PassedOn(_) = command.operands {
        if args.first().is_some_and(|a| a == "-h" || a == "--help") {
            return Ok(Task::Help(command_help(command)));
        }
        return Ok(Task::Test {
            args: args.to_vec(),
        });
    }
    let mut given = Given::default();
    let mut args = args.iter();
    let mut operands_only = false;
    while let Some(arg) = args.next() {
        if operands_only || !arg.starts_with('-') || arg == "-" {
            given.operands.push(arg.clone());
            continue;
        }
        if arg == "--" {
            operands_only = true;
            continue;
        }
        if arg == "-h" || arg == "--help" {
            return Ok(Task::Help(command_help(command)));
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (arg.as_str(), None),
        };
        let Some(flag) = command.flags.iter().find(|f| f.name == name) else {
            let names = command.flags.iter().map(|f| f.name).chain(["--help"]);
            let hint = match codegen::suggest::did_you_mean(name, names) {
                Some(s) => format!(" (did you mean `{s}`?)"),
                None => String::new(),
            };
            return Err(usage(
                command,
                &format!(
                    "unknown flag `{name}` for `cargo xtask {}`{hint}",
                    command.name
                ),
            ));
        };
        let value = match (flag.value, inline) {
            (None, None) => None,
            (None, Some(_)) => {
                return Err(usage(command, &format!("`{name}` takes no value")));
            }
            (Some(_), Some(value)) => Some(value),
            (Some(shown), None) => match args.next() {
                // A flag's value never looks like a flag, unless given as `--flag=--value`.
                Some(value) if !value.starts_with("--") => Some(value.clone()),
                _ => {
                    return Err(usage(
                        command,
                        &format!("`{name}` needs a value: {name} {shown}"),
                    ));
                }
            },
        };
        if let Some(value) = &value
            && !flag.choices.is_empty()
            && !flag.choices.contains(&value.as_str())
        {
            return Err(usage(
                command,
                &format!(
                    "`{name}` is one of {}, not `{value}`",
                    flag.choices.join(", ")
                ),
            ));
        }
        if given.flags.iter().any(|(n, _)| *n == flag.name) {
            return Err(usage(command, &format!("`{name}` is given twice")));
        }
        given.flags.push((flag.name, value));
    }
    match command.operands {
        Operands::None => {
            if let Some(extra) = given.operands.first() {
                return Err(usage(command, &format!("unexpected argument `{extra}`")));
            }
        }
        Operands::OneOrMore(what) => {
            if given.operands.is_empty() {
                return Err(usage(command, &format!("give at least one {what}")));
            }
        }
        Operands::PassedOn(_) => {}
    }
    typed(command, given)
}

#[derive(Default)]
struct Given {
    flags: Vec<(&'static str, Option<String>)>,
    operands: Vec<String>,
}

impl Given {
    fn has(&self, name: &str) -> bool {
        self.flags.iter().any(|(n, _)| *n == name)
    }

    fn value(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.as_deref())
    }
}

fn typed(command: &'static Command, given: Given) -> Result<Task, Usage> {
    Ok(match command.name {
        "codegen" => Task::Codegen {
            check: given.has("--check"),
            root: given.value("--root").map(PathBuf::from),
        },
        "import" => Task::Import {
            out: given.value("--out").map(PathBuf::from),
            check: given.has("--check"),
            pages: given.operands,
        },
        "fuzz" => Task::Fuzz {
            seconds: match given.value("--seconds") {
                None => 600,
                Some(n) => n.parse().map_err(|_| {
                    usage(
                        command,
                        &format!("`--seconds` is a whole number of seconds, not `{n}`"),
                    )
                })?,
            },
        },
        "bench" => Task::Bench {
            only: given.value("--only").map(str::to_owned),
        },
        "diff" => Task::Diff(crate::diff::Options {
            base: given.value("--base").map(str::to_owned),
            head: given.value("--head").map(str::to_owned),
            format: match given.value("--format") {
                Some("json") => crate::diff::Format::Json,
                _ => crate::diff::Format::Markdown,
            },
            fail_on: match given.value("--fail-on") {
                Some("breaking") => Some(crate::diff::FailOn::Breaking),
                Some("unbumped") => Some(crate::diff::FailOn::Unbumped),
                _ => None,
            },
            changelog: given.has("--changelog"),
            history: given.has("--history"),
            link_base: given.value("--link-base").unwrap_or(".").to_owned(),
        }),
        other => unreachable!("the command `{other}` has no typed form"),
    })
}

fn command(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}

fn unknown_command(name: &str) -> Usage {
    let hint = match codegen::suggest::did_you_mean(name, COMMANDS.iter().map(|c| c.name)) {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None => String::new(),
    };
    let what = if name.starts_with('-') {
        "flag before the command"
    } else {
        "command"
    };
    Usage(format!(
        "error: unknown {what} `{name}`{hint}\n\n{}",
        help()
    ))
}

fn usage(command: &Command, message: &str) -> Usage {
    Usage(format!(
        "error: {message}\n\nusage: {}\nrun `cargo xtask {} --help` for its flags\n",
        usage_line(command),
        command.name
    ))
}

/// `cargo xtask NAME OPERANDS [--flag] [--flag VALUE]`.
pub fn usage_line(command: &Command) -> String {
    let mut line = format!("cargo xtask {}", command.name);
    match command.operands {
        Operands::None => {}
        Operands::OneOrMore(what) | Operands::PassedOn(what) => {
            line.push(' ');
            line.push_str(what);
        }
    }
    for flag in command.flags {
        match flag.value {
            Some(_) if !flag.choices.is_empty() => {
                let _ = write!(line, " [{} {}]", flag.name, flag.choices.join("|"));
            }
            Some(value) => {
                let _ = write!(line, " [{} {value}]", flag.name);
            }
            None => {
                let _ = write!(line, " [{}]", flag.name);
            }
        }
    }
    line
}

/// The list of commands, for `cargo xtask --help`.
pub fn help() -> String {
    let mut out = String::from("usage: cargo xtask <command> [flags]\n\ncommands:\n");
    for c in COMMANDS {
        let _ = writeln!(
            out,
            "  {}",
            usage_line(c).trim_start_matches("cargo xtask ")
        );
        let _ = writeln!(out, "      {}", c.summary);
    }
    out.push_str(
        "\nFlags go in any order. Run `cargo xtask <command> --help` for what a command's flags do.\n",
    );
    out
}

/// One command's help, for `cargo xtask <command> --help`.
pub fn command_help(command: &Command) -> String {
    let mut out = format!("usage: {}\n\n", usage_line(command));
    let _ = writeln!(out, "{}.\n", capitalized(command.summary));
    for line in command.details.lines() {
        let _ = writeln!(out, "{}", line.trim());
    }
    let mut rows: Vec<(String, &str)> = command
        .flags
        .iter()
        .map(|f| match f.value {
            Some(v) => (format!("{} {v}", f.name), f.help),
            None => (f.name.to_owned(), f.help),
        })
        .collect();
    rows.push(("-h, --help".to_owned(), "print this help"));
    let width = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    out.push_str("\nflags:\n");
    for (name, help) in rows {
        let _ = writeln!(out, "  {name:width$}  {help}");
    }
    out
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
