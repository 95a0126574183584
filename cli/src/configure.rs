//! `compshare configure`: creating and updating profiles in the file compshare-cli uses
//! (`COMPSHARE_CONFIG_FILE`, else `$XDG_CONFIG_HOME/compshare/config.json`, else
//! `~/.config/compshare/config.json`), so one file serves both.
//! Like compshare-cli, the profile saved becomes the current one.

use std::io::{BufRead, Write};

use clap::{Arg, ArgAction, ArgMatches, Command};
use compshare::runtime::config::{Profile, ProfileFile, check_base_url};

use crate::fail::Failure;
use crate::settings;

/// The subcommand.
pub fn command() -> Command {
    Command::new("configure")
        .about("Creates or updates a profile: keys, region, zone, project and endpoint")
        .long_about(
            "Creates or updates a profile in the profile file shared with compshare-cli, and makes it \
             the current one. Keys not given as flags are asked for on stdin when the profile has none. \
             --region, --zone, --project-id and --base-url are stored in the profile; --profile names it \
             (default: the file's current profile, else `default`).",
        )
        .arg(
            Arg::new("public-key")
                .long("public-key")
                .value_name("KEY")
                .help("The API public key"),
        )
        .arg(
            Arg::new("private-key")
                .long("private-key")
                .value_name("KEY")
                .help("The API private key (asked for on stdin when not given, to keep it out of the shell's history)"),
        )
        .arg(
            Arg::new("list")
                .long("list")
                .action(ArgAction::SetTrue)
                .help("Lists the profiles, without their private keys, and changes nothing"),
        )
}

/// Runs `configure`.
pub fn run(matches: &ArgMatches) -> Result<(), Failure> {
    let flags = settings::overrides(matches);
    let variable = compshare::SERVICE.var("CONFIG_FILE");
    for (source, value) in [
        ("--config-file".to_owned(), flags.config_file.clone()),
        (variable.clone(), settings::env(&variable)),
    ] {
        if value.is_some_and(|v| v.trim().is_empty()) {
            return Err(Failure::Usage(format!(
                "{source} is set but empty: give a path, or unset it for the default"
            )));
        }
    }
    let path = ProfileFile::location(
        &compshare::SERVICE,
        flags.config_file.as_deref(),
        &settings::env,
    );
    let mut file = ProfileFile::read(&path)?;
    if matches.get_flag("list") {
        return list(&file);
    }
    let name = file.selected(flags.profile.as_deref());
    if name.trim().is_empty() {
        return Err(Failure::Usage("a profile name cannot be empty".to_owned()));
    }
    let mut profile = file.profiles.get(&name).cloned().unwrap_or_default();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    for (flag, slot, label) in [
        ("public-key", &mut profile.public_key, "Public key"),
        ("private-key", &mut profile.private_key, "Private key"),
    ] {
        match matches.get_one::<String>(flag) {
            Some(value) => *slot = Some(value.clone()),
            None if slot.is_none() => *slot = Some(ask(&mut input, label, flag)?),
            None => {}
        }
    }
    if let Some(url) = &flags.base_url {
        check_base_url(url)?;
    }
    set(&mut profile.region, flags.region);
    set(&mut profile.zone, flags.zone);
    set(&mut profile.project_id, flags.project_id);
    set(&mut profile.base_url, flags.base_url);
    file.profiles.insert(name.clone(), profile);
    file.current_profile = Some(name.clone());
    file.write(&path)?;
    eprintln!("saved profile {name:?} to {}", path.display());
    Ok(())
}

fn set(slot: &mut Option<String>, value: Option<String>) {
    if value.is_some() {
        *slot = value;
    }
}

/// Reads one line from stdin after a prompt on stderr.
fn ask(input: &mut impl BufRead, label: &str, flag: &str) -> Result<String, Failure> {
    eprint!("{label}: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    input
        .read_line(&mut line)
        .map_err(|e| Failure::Other(format!("cannot read stdin: {e}")))?;
    let value = line.trim().to_owned();
    if value.is_empty() {
        return Err(Failure::Usage(format!(
            "no {} given: pass --{flag}",
            label.to_lowercase()
        )));
    }
    Ok(value)
}

fn list(file: &ProfileFile) -> Result<(), Failure> {
    let current = file.selected(None);
    let mut out = String::new();
    for (name, p) in &file.profiles {
        let mark = if *name == current { "*" } else { " " };
        let Profile {
            public_key,
            region,
            zone,
            project_id,
            base_url,
            ..
        } = p;
        let mut facts = vec![format!(
            "public_key={}",
            public_key.as_deref().unwrap_or("-")
        )];
        for (key, value) in [
            ("region", region),
            ("zone", zone),
            ("project_id", project_id),
            ("base_url", base_url),
        ] {
            if let Some(v) = value {
                facts.push(format!("{key}={v}"));
            }
        }
        out.push_str(&format!("{mark} {name}  {}\n", facts.join("  ")));
    }
    crate::output::write_stdout(out.as_bytes())
}
