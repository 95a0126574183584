//! `compshare-mock`: the mock as a standalone server, for clients in any language.
//!
//! It prints `listening on http://127.0.0.1:<port>` on stdout once it accepts connections,
//! and serves until it is killed. A bad flag or a port it cannot bind is a one-line error on
//! stderr and exit status 2.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use compshare_mock::{Mock, PRIVATE_KEY, PUBLIC_KEY};

const USAGE: &str = "\
usage: compshare-mock [--port N] [--public-key PK] [--private-key SK] [--stateful] [--delay-ms N] [-v]

Serves a mock of the CompShare API on 127.0.0.1 until killed.

  --port N          the port; 0 (the default) picks a free one
  --public-key PK   the key pair requests must be signed with
  --private-key SK    (default: compshare-mock-public-key / compshare-mock-private-key)
  --stateful        keep state: instances, data disks, CFS and shared bandwidth are created,
                    listed, changed and deleted as the API does
  --delay-ms N      how long a stateful instance stays Starting, Stopping, ... (default 0)
  -v, --verbose     log each request on stderr, without signatures or secrets
  -h, --help        show this help
";

/// What the flags ask for.
#[derive(Debug, PartialEq)]
struct Options {
    port: u16,
    public_key: String,
    private_key: String,
    stateful: bool,
    delay: Duration,
    verbose: bool,
}

/// The options, `Ok(None)` for `--help`, or what is wrong with the flags.
fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        port: 0,
        public_key: PUBLIC_KEY.to_owned(),
        private_key: PRIVATE_KEY.to_owned(),
        stateful: false,
        delay: Duration::ZERO,
        verbose: false,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs {what}"))
        };
        match flag.as_str() {
            "--port" => {
                let text = value("a port number")?;
                options.port = text.parse().map_err(|_| {
                    format!("--port needs a port number from 0 to 65535, not {text:?}")
                })?;
            }
            "--public-key" => options.public_key = value("a key")?,
            "--private-key" => options.private_key = value("a key")?,
            "--delay-ms" => {
                let text = value("a number of milliseconds")?;
                let ms = text.parse().map_err(|_| {
                    format!("--delay-ms needs a number of milliseconds, not {text:?}")
                })?;
                options.delay = Duration::from_millis(ms);
            }
            "--stateful" | "-v" | "--verbose" if inline.is_some() => {
                return Err(format!("{flag} takes no value"));
            }
            "--stateful" => options.stateful = true,
            "-v" | "--verbose" => options.verbose = true,
            "-h" | "--help" => return Ok(None),
            _ => return Err(format!("unknown argument {arg:?} (see --help)")),
        }
    }
    if options.public_key.is_empty() || options.private_key.is_empty() {
        return Err("the keys must not be empty".to_owned());
    }
    Ok(Some(options))
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("compshare-mock: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("compshare-mock: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(options))
}

async fn serve(options: Options) -> ExitCode {
    let mut builder = Mock::builder()
        .port(options.port)
        .keys(options.public_key, options.private_key)
        .transition_delay(options.delay)
        .verbose(options.verbose);
    if options.stateful {
        builder = builder.stateful();
    }
    let mock = match builder.start().await {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!(
                "compshare-mock: cannot listen on 127.0.0.1:{}: {e}",
                options.port
            );
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "listening on {}", mock.url())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    std::future::pending::<()>().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn flags_are_read_with_or_without_equals() {
        let options = parse(args(
            "--port 0 --public-key PK --private-key=SK --stateful --delay-ms 250 -v",
        ))
        .unwrap()
        .unwrap();
        assert_eq!(
            options,
            Options {
                port: 0,
                public_key: "PK".into(),
                private_key: "SK".into(),
                stateful: true,
                delay: Duration::from_millis(250),
                verbose: true,
            }
        );
        assert_eq!(parse(args("--help")), Ok(None));
        assert_eq!(parse(args("")).unwrap().unwrap().public_key, PUBLIC_KEY);
    }

    #[test]
    fn bad_flags_say_what_is_wrong() {
        let error = |text: &str| parse(args(text)).unwrap_err();
        assert_eq!(error("--port"), "--port needs a port number");
        assert_eq!(
            error("--port 70000"),
            "--port needs a port number from 0 to 65535, not \"70000\""
        );
        assert_eq!(
            error("--prot 1"),
            "unknown argument \"--prot\" (see --help)"
        );
        assert_eq!(error("--stateful=yes"), "--stateful takes no value");
        assert_eq!(error("--public-key="), "the keys must not be empty");
    }
}
