//! `compshare-mock`: the mock as a standalone server, for clients in any language.
//!
//! It prints `listening on http://127.0.0.1:<port>` on stdout once it accepts connections,
//! and serves on every core until it is killed. Its memory stays bounded: it records only the
//! latest requests, and holds at most `--max-resources` of each stateful resource. A bad flag
//! or a port it cannot bind is a one-line error on stderr and exit status 2.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use compshare_mock::{
    HEADER_TIMEOUT, IDLE_TIMEOUT, MAX_BODY_BYTES, MAX_PARAMS, MAX_RESOURCES, Mock, PRIVATE_KEY,
    PUBLIC_KEY,
};

const USAGE: &str = "\
usage: compshare-mock [--port N] [--public-key PK] [--private-key SK] [--stateful] [--delay-ms N]
                      [--record N] [--max-params N] [--max-body-bytes N] [--max-resources N]
                      [--header-timeout-ms N] [--idle-timeout-ms N] [-v]

Serves a mock of the CompShare API on 127.0.0.1 until killed.

  --port N          the port; 0 (the default) picks a free one
  --public-key PK   the key pair requests must be signed with
  --private-key SK    (default: compshare-mock-public-key / compshare-mock-private-key)
  --stateful        keep state: instances, data disks, CFS and shared bandwidth are created,
                    listed, changed and deleted as the API does
  --delay-ms N      how long a stateful instance stays Starting, Stopping, ... (default 0)
  --record N        how many of the latest requests are kept in memory (default 1000; 0: none)
  --max-params N    the most params a request may carry (default 1000)
  --max-body-bytes N  the largest request body (default 1048576)
  --max-resources N the most stateful resources of each kind (default 10000)
  --header-timeout-ms N  how long a request's head may take from its first byte (default 10000)
  --idle-timeout-ms N    how long a connection may go without a byte moving (default 60000)
  -v, --verbose     log each request on stderr, without signatures or secrets
  -h, --help        show this help
";

/// How many of the latest requests the server keeps, by default.
const RECORD: usize = 1000;

/// What the flags ask for.
#[derive(Debug, PartialEq)]
struct Options {
    port: u16,
    public_key: String,
    private_key: String,
    stateful: bool,
    delay: Duration,
    record: usize,
    max_params: usize,
    max_body_bytes: usize,
    max_resources: usize,
    header_timeout: Duration,
    idle_timeout: Duration,
    verbose: bool,
}

/// A whole number from a flag's value.
fn number<T: std::str::FromStr>(flag: &str, what: &str, text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{flag} needs {what}, not {text:?}"))
}

/// Milliseconds from a flag's value; zero is no time at all, so it is refused.
fn millis(flag: &str, text: &str) -> Result<Duration, String> {
    match number(flag, "a number of milliseconds", text)? {
        0 => Err(format!("{flag} needs at least 1 millisecond")),
        ms => Ok(Duration::from_millis(ms)),
    }
}

/// The options, `Ok(None)` for `--help`, or what is wrong with the flags.
fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        port: 0,
        public_key: PUBLIC_KEY.to_owned(),
        private_key: PRIVATE_KEY.to_owned(),
        stateful: false,
        delay: Duration::ZERO,
        record: RECORD,
        max_params: MAX_PARAMS,
        max_body_bytes: MAX_BODY_BYTES,
        max_resources: MAX_RESOURCES,
        header_timeout: HEADER_TIMEOUT,
        idle_timeout: IDLE_TIMEOUT,
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
                let ms = number(&flag, "a number of milliseconds", &value("a number")?)?;
                options.delay = Duration::from_millis(ms);
            }
            "--record" => options.record = number(&flag, "a count", &value("a count")?)?,
            "--max-params" => options.max_params = number(&flag, "a count", &value("a count")?)?,
            "--max-body-bytes" => {
                options.max_body_bytes = number(&flag, "a size in bytes", &value("a size")?)?;
            }
            "--max-resources" => {
                options.max_resources = number(&flag, "a count", &value("a count")?)?;
            }
            "--header-timeout-ms" => options.header_timeout = millis(&flag, &value("a number")?)?,
            "--idle-timeout-ms" => options.idle_timeout = millis(&flag, &value("a number")?)?,
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
            // A closed stdout (`| head`) ends the output; it is not an error.
            let _ = std::io::stdout().lock().write_all(USAGE.as_bytes());
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("compshare-mock: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
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
        .record(options.record)
        .max_params(options.max_params)
        .max_body_bytes(options.max_body_bytes)
        .max_resources(options.max_resources)
        .header_timeout(options.header_timeout)
        .idle_timeout(options.idle_timeout)
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
            "--port 0 --public-key PK --private-key=SK --stateful --delay-ms 250 -v --record 0 \
             --max-params=50 --max-body-bytes 4096 --max-resources 7 --header-timeout-ms 100 \
             --idle-timeout-ms 200",
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
                record: 0,
                max_params: 50,
                max_body_bytes: 4096,
                max_resources: 7,
                header_timeout: Duration::from_millis(100),
                idle_timeout: Duration::from_millis(200),
                verbose: true,
            }
        );
        assert_eq!(parse(args("--help")), Ok(None));
        let defaults = parse(args("")).unwrap().unwrap();
        assert_eq!(defaults.public_key, PUBLIC_KEY);
        assert_eq!(
            (defaults.record, defaults.max_params, defaults.idle_timeout),
            (1000, 1000, Duration::from_secs(60))
        );
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
        assert_eq!(error("--record -1"), "--record needs a count, not \"-1\"");
        assert_eq!(
            error("--idle-timeout-ms 0"),
            "--idle-timeout-ms needs at least 1 millisecond"
        );
    }
}
