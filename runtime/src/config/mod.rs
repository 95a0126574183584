//! Client settings, and where they come from.
//!
//! | setting | CLI flag | environment (`<P>` is the service's prefix, such as `COMPSHARE`) | profile key | default |
//! |---|---|---|---|---|
//! | public key | (stored by `configure --public-key`) | `<P>_PUBLIC_KEY` | `public_key` | none: required |
//! | private key | (stored by `configure --private-key`) | `<P>_PRIVATE_KEY` | `private_key` | none: required |
//! | profile | `--profile` | `<P>_PROFILE` | | the file's `current_profile`, else `default` |
//! | profile file | `--config-file` | `<P>_CONFIG_FILE` | | `$XDG_CONFIG_HOME/<dir>/config.json`, else `~/.config/<dir>/config.json` |
//! | base URL | `--base-url` | `<P>_BASE_URL` | `base_url` | the service's endpoint |
//! | region | `--region` | `<P>_REGION` | `region` | the service's region |
//! | zone | `--zone` | `<P>_ZONE` | `zone` | the service's zone |
//! | project | `--project-id` | `<P>_PROJECT_ID` | `project_id` | none |
//! | timeout per attempt, in seconds | `--timeout` | `<P>_TIMEOUT` | `timeout` | 30 |
//! | attempts, the first included | `--max-attempts` | `<P>_MAX_ATTEMPTS` | `max_attempts` | 3 |
//! | largest response body, in bytes | | `<P>_MAX_RESPONSE_BYTES` | `max_response_bytes` | 33554432 (32 MiB) |
//!
//! The CLI flags are the `compshare` command's (crate `compshare-cli`); in code, [`Overrides`]
//! carries them, keys included. A setting is taken from the first place that has it, in the order of the columns: flags
//! (or [`Overrides`] in code), then the environment, then the profile, then the default. The
//! public and private key are taken as a pair. A value that cannot be read, such as
//! `<P>_TIMEOUT=abc`, is an error that names where it came from, and nothing is sent. So is an
//! empty value (`<P>_BASE_URL=`, `--region ""`, `"zone": ""`): it is never taken as unset, so
//! an unset shell variable cannot send requests meant for a mock to the real endpoint.

mod empty;
mod load;
mod profile;

use std::path::PathBuf;
use std::time::Duration;

pub use load::{Overrides, check_base_url};
pub use profile::{Profile, ProfileFile};

use crate::credential::Credential;
use crate::retry::RetryPolicy;

/// The default limit on a response body: 32 MiB.
///
/// The largest real page, DescribeCompShareInstance with `Limit` 100 and every field, is about
/// half a megabyte, and image lists with long readmes a few megabytes; 32 MiB leaves room for
/// pages far larger than any seen, while a broken proxy or a hostile endpoint cannot make the
/// client hold more than that.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 32 * 1024 * 1024;

/// Client settings. `Region`, `Zone` and `ProjectId` fill the requests that leave them unset;
/// settings left `None` take the service's defaults.
///
/// The client follows no redirect: the API never answers with one, and a redirected request
/// would carry its signature to wherever the redirect points. A 3xx answer is an
/// [`Error::Redirect`](crate::Error::Redirect).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    /// The API key pair.
    pub credential: Credential,
    /// The API endpoint; `None` for the service's.
    pub base_url: Option<String>,
    /// The default `Region`; `None` for the service's.
    pub region: Option<String>,
    /// The default `Zone`; `None` for the service's.
    pub zone: Option<String>,
    /// The default `ProjectId`.
    pub project_id: Option<String>,
    /// Limit for one whole attempt, from connecting to reading the body.
    pub timeout: Duration,
    /// Limit for making the connection.
    pub connect_timeout: Duration,
    /// How failed attempts are retried.
    pub retry: RetryPolicy,
    /// The largest response body read; a larger one is an error and is not read further.
    pub max_response_bytes: u64,
}

/// The client could not be configured.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No key pair in the environment or the profile.
    #[error(
        "no credentials: set {public} and {private}, or add a profile to {}",
        .path.display()
    )]
    NoCredentials {
        /// The public key's variable.
        public: String,
        /// The private key's variable.
        private: String,
        /// The profile file looked at.
        path: PathBuf,
    },
    /// The profile file cannot be read or has no such profile.
    #[error("{path}: {message}", path = .path.display())]
    ProfileFile {
        /// The profile file.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A setting's value cannot be read.
    #[error("{source_name}={value:?} is not valid: {expected}")]
    Invalid {
        /// Where the value came from: a variable or a flag.
        source_name: String,
        /// The value given.
        value: String,
        /// What a valid value looks like.
        expected: String,
    },
    /// Settings that are set but empty: an empty value is never taken as unset.
    #[error(
        "{} set but empty: give a value, or unset it to take the next source or the default",
        .0.join(", ")
    )]
    Empty(Vec<String>),
    /// The base URL is not an HTTP URL.
    #[error("{0} is not a valid base URL: it must start with http:// or https://")]
    BaseUrl(String),
    /// The HTTP client could not be built.
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
}

impl Config {
    /// The service's defaults for everything but the credential: a 30 s timeout per attempt,
    /// the default retry policy and a 32 MiB response limit.
    pub fn new(credential: Credential) -> Self {
        Self {
            credential,
            base_url: None,
            region: None,
            zone: None,
            project_id: None,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// Sets the API endpoint.
    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Sets the default `Region`.
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sets the default `Zone`.
    pub fn with_zone(mut self, zone: impl Into<String>) -> Self {
        self.zone = Some(zone.into());
        self
    }

    /// Sets the default `ProjectId`.
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// Sets the limit for one attempt.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets the retry policy.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sets the largest response body read.
    pub fn with_max_response_bytes(mut self, limit: u64) -> Self {
        self.max_response_bytes = limit;
        self
    }
}
