//! From flags to a client: the flags become [`Overrides`], which win over the environment,
//! the profile file and the defaults (the table is in `compshare::runtime::config`).

use clap::ArgMatches;
use compshare::runtime::config::Overrides;
use compshare::{Client, Config, ConfigError};

use crate::fail::Failure;

/// The settings the flags give. `matches` is the innermost subcommand's: clap copies the
/// global flags into it.
pub fn overrides(matches: &ArgMatches) -> Overrides {
    let flag = |id: &str| matches.try_get_one::<String>(id).ok().flatten().cloned();
    let mut o = Overrides::default();
    o.profile = flag("profile");
    o.config_file = flag("config-file");
    o.region = flag("region");
    o.zone = flag("zone");
    o.project_id = flag("project-id");
    o.base_url = flag("base-url");
    o.max_attempts = flag("max-attempts");
    o.timeout = flag("timeout");
    o
}

/// Reads the environment as the SDK does; an empty variable is set, and the config refuses it.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// The config, from flags, environment, profile file and defaults.
pub fn config(overrides: &Overrides) -> Result<Config, Failure> {
    Ok(Config::load(&compshare::SERVICE, overrides, &env)?)
}

/// A client for a dry run: the configured one, or, without credentials, one whose requests
/// show that no key is set, since nothing will be sent.
pub fn dry_run_config(overrides: &Overrides) -> Result<Config, Failure> {
    match Config::load(&compshare::SERVICE, overrides, &env) {
        Err(ConfigError::NoCredentials { .. }) => {
            let mut o = overrides.clone();
            o.public_key = Some("<no public key configured>".to_owned());
            o.private_key = Some("<no private key configured>".to_owned());
            config(&o)
        }
        other => Ok(other?),
    }
}

/// The service's defaults with a stand-in key pair: what a request is checked with when the
/// settings cannot be read, so that its problems are reported with theirs. Never sent.
pub fn offline_config() -> Config {
    Config::new(compshare::Credential::new(
        "<no public key configured>",
        "<no private key configured>",
    ))
}

/// A client over `config`.
pub fn client(config: Config) -> Result<Client, Failure> {
    Ok(Client::new(config)?)
}
