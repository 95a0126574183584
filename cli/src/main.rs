//! `compshare`: every CompShare API action as a subcommand, generated from the specs through
//! the SDK's tables, plus `wait`, `configure`, `completions` and `mcp` (a server for AI agents).

mod command;
mod configure;
mod fail;
mod mcp;
mod names;
mod output;
mod params;
mod request;
mod run;
mod settings;
mod wait;

use std::process::ExitCode;

use clap::ArgMatches;
use fail::Failure;

fn main() -> ExitCode {
    let mut cli = command::build();
    let matches = match cli.try_get_matches_from_mut(std::env::args_os()) {
        Ok(m) => m,
        // Help and version exit 0; usage errors exit 2, as clap does.
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(e.exit_code() as u8);
        }
    };
    let (name, sub) = matches.subcommand().expect("a subcommand is required");
    init_tracing(sub.get_count("verbose"));
    let result = match name {
        "completions" => {
            let shell = *sub
                .get_one::<clap_complete::Shell>("shell")
                .expect("required");
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cli, "compshare", &mut script);
            output::write_stdout(&script)
        }
        "configure" => configure::run(sub),
        "mcp" => block_on(mcp::serve(sub)),
        _ => block_on(dispatch(name, sub)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

async fn dispatch(name: &str, sub: &ArgMatches) -> Result<(), Failure> {
    if name == "wait" {
        let (command, matches) = sub.subcommand().expect("a wait subcommand is required");
        let (waiter, target) = wait::find(command).expect("wait subcommands come from WAITERS");
        return wait::run(waiter, target, matches).await;
    }
    let info = compshare::schema::ACTIONS
        .iter()
        .find(|a| names::kebab(a.name) == name)
        .expect("action subcommands come from ACTION_NAMES");
    run::action(info, sub).await
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a single-threaded runtime starts")
        .block_on(future)
}

/// Logs on stderr: `RUST_LOG` if set, else warnings, `-v` each call, `-vv` its params too.
fn init_tracing(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let default = match verbose {
        0 => "warn",
        1 => "compshare=debug",
        _ => "compshare=trace",
    };
    let filter = std::env::var("RUST_LOG")
        .ok()
        .filter(|v| !v.is_empty())
        .and_then(|v| EnvFilter::try_new(v).ok())
        .unwrap_or_else(|| EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .init();
}
