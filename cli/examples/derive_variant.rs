//! Writes `compshare`'s command tree as a crate of its own, with clap's derive or with the
//! builder over a static table, for the comparison in BENCHMARKS.md:
//!
//! ```text
//! cargo run -q -p compshare-cli --example derive_variant -- /tmp/derive-cli
//! cargo run -q -p compshare-cli --example derive_variant -- /tmp/builder-cli builder
//! cd /tmp/derive-cli && cargo build && cargo clean -p derive-cli && time cargo build
//! ```

use std::fmt::Write;

use compshare::runtime::schema::{ParamInfo, ParamKind};
use heck::ToSnakeCase;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: derive_variant <dir> [builder]");
    let builder = std::env::args().nth(2).as_deref() == Some("builder");
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let (name, derive) = if builder {
        ("builder-cli", "")
    } else {
        ("derive-cli", ", \"derive\"")
    };
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[workspace]\n\n\
             [dependencies]\nclap = {{ version = \"4.5\", default-features = false, features = \
             [\"std\", \"help\", \"usage\", \"error-context\", \"suggestions\", \"wrap_help\"{derive}] }}\n\n\
             [profile.dev]\ndebug = \"line-tables-only\"\n"
        ),
    )
    .unwrap();
    let text = if builder {
        builder_program()
    } else {
        program()
    };
    std::fs::write(dir.join("src/main.rs"), text).unwrap();
}

fn program() -> String {
    let mut out = String::from("use clap::{Args, Parser, Subcommand};\n\n");
    out.push_str(
        "#[derive(Parser, Debug)]\n#[command(name = \"compshare\", version)]\nstruct Cli {\n\
         #[command(subcommand)]\ncommand: Command,\n",
    );
    for flag in [
        "profile",
        "config-file",
        "region",
        "zone",
        "project-id",
        "base-url",
        "max-attempts",
        "query",
    ] {
        let _ = writeln!(
            out,
            "#[arg(long = {flag:?}, global = true)]\n{}: Option<String>,",
            flag.to_snake_case()
        );
    }
    out.push_str("#[arg(long, short = 'o', global = true, value_parser = [\"json\", \"table\"], default_value = \"json\")]\noutput: String,\n");
    out.push_str(
        "#[arg(short, long, global = true, action = clap::ArgAction::Count)]\nverbose: u8,\n}\n\n",
    );
    out.push_str("#[derive(Subcommand, Debug)]\nenum Command {\n");
    for action in compshare::schema::ACTIONS {
        let _ = writeln!(
            out,
            "#[command(about = {:?}, long_about = {:?})]\n{1}({1}),",
            action.summary, action.name
        );
    }
    out.push_str("}\n\n");
    for action in compshare::schema::ACTIONS {
        let _ = writeln!(out, "#[derive(Args, Debug)]\nstruct {} {{", action.name);
        for param in action.params.iter().filter(|p| !p.common) {
            field(&mut out, param);
        }
        out.push_str("#[arg(long = \"param\")]\nparam: Vec<String>,\n#[arg(long = \"dry-run\")]\ndry_run: bool,\n#[arg(long = \"timeout\")]\ntimeout: Option<String>,\n");
        if action.paging.is_some() {
            out.push_str("#[arg(long = \"all\")]\nall: bool,\n");
        }
        out.push_str("}\n\n");
    }
    out.push_str("fn main() {\n    let cli = Cli::parse();\n    println!(\"{cli:?}\");\n}\n");
    out
}

fn field(out: &mut String, param: &ParamInfo) {
    let long = param.name.to_snake_case().replace('_', "-");
    let ty = match param.kind {
        ParamKind::Integer => "i64",
        ParamKind::Float => "f64",
        _ => "String",
    };
    let ty = if param.list {
        format!("Vec<{ty}>")
    } else if param.required {
        ty.to_owned()
    } else {
        format!("Option<{ty}>")
    };
    let mut attrs = format!("long = {long:?}, help = {:?}", param.description);
    if let ParamKind::Enum {
        values,
        closed: true,
    } = param.kind
    {
        let _ = write!(attrs, ", value_parser = {values:?}");
    }
    let _ = writeln!(
        out,
        "#[arg({attrs})]\np_{}: {ty},",
        param.name.to_snake_case()
    );
}

/// The builder over a static table, as `cli/src/command.rs` builds it from the SDK's schema.
fn builder_program() -> String {
    let mut out = String::from(
        "use clap::{Arg, ArgAction, Command};\n\n\
         /// (name, summary, [(wire, kebab, help, kind, list, required, values)])\n\
         type Param = (&'static str, &'static str, &'static str, u8, bool, bool, &'static [&'static str]);\n\
         static ACTIONS: &[(&str, &str, &str, &[Param])] = &[\n",
    );
    for action in compshare::schema::ACTIONS {
        let _ = write!(
            out,
            "({:?}, {:?}, {:?}, &[",
            action.name,
            action.name.to_snake_case().replace('_', "-"),
            action.summary
        );
        for p in action.params.iter().filter(|p| !p.common) {
            let (kind, values): (u8, &[&str]) = match p.kind {
                ParamKind::Integer => (1, &[]),
                ParamKind::Float => (2, &[]),
                ParamKind::Enum {
                    values,
                    closed: true,
                } => (3, values),
                _ => (0, &[]),
            };
            let _ = write!(
                out,
                "({:?}, {:?}, {:?}, {kind}, {}, {}, &{values:?}),",
                p.name,
                p.name.to_snake_case().replace('_', "-"),
                p.description,
                p.list,
                p.required
            );
        }
        out.push_str("]),\n");
    }
    out.push_str(
        "];\n\nfn main() {\n    let mut root = Command::new(\"compshare\").subcommand_required(true);\n\
         for name in [\"profile\", \"config-file\", \"region\", \"zone\", \"project-id\", \"base-url\", \"max-attempts\", \"query\"] {\n\
         root = root.arg(Arg::new(name).long(name).global(true));\n    }\n\
         for (name, kebab, summary, params) in ACTIONS {\n\
         let mut cmd = Command::new(*kebab).about(*summary).long_about(*name);\n\
         for (wire, long, help, kind, list, required, values) in params.iter() {\n\
         let mut arg = Arg::new(*wire).long(*long).help(*help).required(*required);\n\
         arg = match kind {\n\
         1 => arg.value_parser(clap::value_parser!(i64)),\n\
         2 => arg.value_parser(clap::value_parser!(f64)),\n\
         3 => arg.value_parser(clap::builder::PossibleValuesParser::new(values.iter().copied())),\n\
         _ => arg,\n            };\n\
         if *list { arg = arg.action(ArgAction::Append); }\n\
         cmd = cmd.arg(arg);\n        }\n\
         cmd = cmd.arg(Arg::new(\"param\").long(\"param\").action(ArgAction::Append))\n\
         .arg(Arg::new(\"dry-run\").long(\"dry-run\").action(ArgAction::SetTrue))\n\
         .arg(Arg::new(\"timeout\").long(\"timeout\"));\n\
         root = root.subcommand(cmd);\n    }\n\
         println!(\"{:?}\", root.get_matches());\n}\n",
    );
    out
}
