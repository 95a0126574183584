//! Why a command failed, and the exit status that says so: 2 when nothing was sent because
//! the command line, a setting or the request is invalid; 1 for everything else.

use std::process::ExitCode;

use compshare::{ConfigError, Error};

/// A failed command.
#[derive(Debug)]
pub enum Failure {
    /// A bad command line or setting: nothing was sent.
    Usage(String),
    /// The SDK's error.
    Sdk(Error),
    /// Anything else, such as a file that cannot be written.
    Other(String),
    /// Several problems found before sending, such as a bad setting and a bad param: every
    /// one is reported.
    Several(Vec<Failure>),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Sdk(e)
    }
}

impl From<ConfigError> for Failure {
    fn from(e: ConfigError) -> Self {
        Failure::Usage(e.to_string())
    }
}

impl Failure {
    /// Prints the failure on stderr and gives the exit status.
    pub fn report(self) -> ExitCode {
        match self {
            Failure::Usage(message) => {
                eprintln!("error: {message}");
                ExitCode::from(2)
            }
            Failure::Sdk(Error::Validation(e)) => {
                eprintln!(
                    "error: the {} request is invalid; nothing was sent:",
                    e.action
                );
                for v in &e.violations {
                    eprintln!("  {v}");
                }
                ExitCode::from(2)
            }
            Failure::Sdk(Error::Config(e)) => Failure::from(e).report(),
            Failure::Sdk(Error::Api(e)) => {
                eprintln!("error: {}: API error {}: {}", e.action, e.code, e.message);
                if let Some(known) = compshare::codes::message(e.code)
                    && known != e.message
                {
                    eprintln!("  code {}: {known}", e.code);
                }
                eprintln!(
                    "  request id: {}",
                    e.request_id.as_deref().unwrap_or("(none in the answer)")
                );
                ExitCode::FAILURE
            }
            Failure::Sdk(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
            Failure::Other(message) => {
                eprintln!("error: {message}");
                ExitCode::FAILURE
            }
            Failure::Several(all) => {
                let codes: Vec<ExitCode> = all.into_iter().map(Failure::report).collect();
                // Problems found before sending: nothing was sent.
                codes
                    .into_iter()
                    .find(|c| *c != ExitCode::from(2))
                    .unwrap_or(ExitCode::from(2))
            }
        }
    }
}
