//! Calls any CompShare action by name with wire-style params, and prints the members the
//! server sent as pretty JSON:
//!
//! ```text
//! cargo run -q -p compshare --example call -- DescribeCompShareImages ImageType=System Limit=20
//! cargo run -q -p compshare --example call -- GetCompShareInstancePrice Disks.0.IsBoot=true Disks.0.Size=200
//! ```
//!
//! Config comes from `COMPSHARE_PUBLIC_KEY`, `COMPSHARE_PRIVATE_KEY`, `COMPSHARE_BASE_URL`,
//! `COMPSHARE_REGION`, `COMPSHARE_ZONE` and `COMPSHARE_PROJECT_ID` (or the profile file).
//! Exit codes, as the `compshare` command's: 0 on success; 2 when the request or a setting is
//! invalid (every violation is printed and nothing is sent); 1 on any other error.

use std::process::ExitCode;

use compshare::{Client, Config, Credential, Error};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(action) = args.next() else {
        eprintln!("usage: call <Action> [Name=Value ...]");
        return ExitCode::from(2);
    };
    let mut params = Vec::new();
    for arg in args {
        match arg.split_once('=') {
            Some((name, value)) => params.push((name.to_owned(), value.to_owned())),
            None => {
                eprintln!("error: `{arg}` is not a Name=Value parameter");
                return ExitCode::from(2);
            }
        }
    }
    let client = match Client::from_env() {
        Ok(client) => client,
        Err(config_error) => {
            // Without a config nothing can be sent, but the params can still be checked, so
            // that every problem is reported at once.
            eprintln!("error: {config_error}");
            let offline = Client::new(Config::new(Credential::new("-", "-")))
                .expect("default config is valid");
            if let Err(e) = compshare::prepare(&offline, &action, &params) {
                report(e);
            }
            return ExitCode::from(2);
        }
    };
    match compshare::call(&client, &action, &params).await {
        Ok(response) => {
            let text =
                serde_json::to_string_pretty(&response).expect("JSON values always serialize");
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => report(e),
    }
}

fn report(error: Error) -> ExitCode {
    match error {
        Error::Validation(e) => {
            eprintln!("error: {} request is invalid; nothing was sent:", e.action);
            for v in &e.violations {
                eprintln!("  {v}");
            }
            ExitCode::from(2)
        }
        other => {
            eprintln!("error: {other}");
            ExitCode::FAILURE
        }
    }
}
