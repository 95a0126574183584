//! `compshare mcp`: an MCP server over stdio, built from the specs with the official Rust SDK
//! (`rmcp`), so that AI agents can find, inspect and call every action safely.
//!
//! Five tools scale to any number of actions: `search_actions` and `describe_action` read the
//! schema tables; `call_read` calls read-only actions; `call_write` previews any other action
//! (the exact request, signature redacted, and its price) and sends it only with `confirm:
//! true`; `wait` runs the declared waiters. Each action's class (read, write, destructive)
//! comes from `classify`. Results are redacted (`redact`) and capped in size.
//!
//! - `tools`: the tool definitions and their dispatch;
//! - `search`, `schema_json`: finding and describing actions;
//! - `call`, `preview`, `errors`, `wire`: calling them (a write's preview and price apart),
//!   reporting failures, JSON params to wire params;
//! - `waits`: the waiters;
//! - `server`: the `rmcp` handler.

mod call;
mod classify;
mod errors;
mod preview;
mod redact;
mod schema_json;
mod search;
mod server;
mod tools;
mod waits;
mod wire;

use clap::{Arg, ArgAction, ArgMatches, Command, value_parser};
use compshare::Client;
use compshare::runtime::config::ProfileFile;

use crate::fail::Failure;
use crate::settings;

/// The result size limit when none is given: 1 MiB.
pub const DEFAULT_MAX_RESULT_BYTES: usize = 1 << 20;

/// What every tool call shares.
pub struct State {
    /// The configured client, or why there is none (tools that call say so).
    pub client: Result<Client, String>,
    /// Whether sensitive values are shown (`--show-sensitive`).
    pub show_sensitive: bool,
    /// The most bytes one result may have.
    pub max_result_bytes: usize,
    /// Values no result may carry: every private key in the environment and the profile file.
    pub secrets: Vec<String>,
}

/// The `mcp` subcommand.
pub fn command() -> Command {
    Command::new("mcp")
        .about("Serves the API to AI agents over MCP (stdio): search, describe, read, write with confirmation, wait")
        .long_about(
            "Serves the API to AI agents as an MCP server over stdio (JSON-RPC on stdin and stdout; logs on stderr).\n\n\
             Tools: search_actions, describe_action, call_read, call_write (previews the exact request and its price; \
             sends only with confirm: true), wait. Settings (keys, region, zone, project, base URL) come from the flags, \
             the environment and the profile file, as for every other command.",
        )
        .arg(
            Arg::new("show-sensitive")
                .long("show-sensitive")
                .action(ArgAction::SetTrue)
                .help("Shows values the platform marks sensitive (passwords, login commands) in results; the private key and signatures are never shown"),
        )
        .arg(
            Arg::new("max-result-bytes")
                .long("max-result-bytes")
                .value_name("BYTES")
                .value_parser(value_parser!(u64).range(1024..))
                .help("The most bytes one tool result may have; a longer one is cut, with a note [default: 1048576]"),
        )
        .arg(
            Arg::new("timeout")
                .long("timeout")
                .value_name("SECONDS")
                .help("Limit per attempt of each API call [env: COMPSHARE_TIMEOUT] [default: 30]")
                .help_heading("Settings"),
        )
}

/// Runs the server until stdin closes.
pub async fn serve(matches: &ArgMatches) -> Result<(), Failure> {
    let overrides = settings::overrides(matches);
    // Without a client the server still starts: the tools that call say why they cannot.
    let client = settings::config(&overrides)
        .and_then(settings::client)
        .map_err(|failure| match failure {
            Failure::Usage(message) | Failure::Other(message) => message,
            Failure::Sdk(e) => e.to_string(),
            Failure::Several(_) => "the settings are invalid".to_owned(),
        });
    let state = State {
        client,
        show_sensitive: matches.get_flag("show-sensitive"),
        max_result_bytes: matches
            .get_one::<u64>("max-result-bytes")
            .map_or(DEFAULT_MAX_RESULT_BYTES, |n| *n as usize),
        secrets: secrets(overrides.config_file.as_deref()),
    };
    server::serve(state)
        .await
        .map_err(|e| Failure::Other(format!("the MCP server stopped: {e}")))
}

/// Every private key the settings could hold: the environment's and each profile's.
fn secrets(config_file: Option<&str>) -> Vec<String> {
    let mut found: Vec<String> = settings::env("COMPSHARE_PRIVATE_KEY").into_iter().collect();
    let path = ProfileFile::location(&compshare::SERVICE, config_file, &settings::env);
    if let Ok(file) = ProfileFile::read(&path) {
        found.extend(file.profiles.into_values().filter_map(|p| p.private_key));
    }
    found.retain(|s| !s.trim().is_empty());
    found
}
