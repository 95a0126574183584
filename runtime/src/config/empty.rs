//! An empty setting is an error, never a fallback: an unset shell variable that leaves
//! `COMPSHARE_BASE_URL=` must not send a test suite's requests to production.

use super::load::Overrides;
use super::{ConfigError, Profile};
use crate::service::Service;

/// The environment variables of the settings, by suffix (`<P>_<SUFFIX>`).
pub(super) const VARIABLES: [&str; 11] = [
    "PUBLIC_KEY",
    "PRIVATE_KEY",
    "PROFILE",
    "CONFIG_FILE",
    "BASE_URL",
    "REGION",
    "ZONE",
    "PROJECT_ID",
    "TIMEOUT",
    "MAX_ATTEMPTS",
    "MAX_RESPONSE_BYTES",
];

fn blank(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.trim().is_empty())
}

/// Every flag and variable that is set but empty.
pub(super) fn check(
    service: &Service,
    overrides: &Overrides,
    var: &dyn Fn(&str) -> Option<String>,
) -> Result<(), ConfigError> {
    let o = overrides;
    let flags = [
        ("--public-key", &o.public_key),
        ("--private-key", &o.private_key),
        ("--profile", &o.profile),
        ("--config-file", &o.config_file),
        ("--base-url", &o.base_url),
        ("--region", &o.region),
        ("--zone", &o.zone),
        ("--project-id", &o.project_id),
        ("--timeout", &o.timeout),
        ("--max-attempts", &o.max_attempts),
    ];
    let mut names: Vec<String> = flags
        .iter()
        .filter(|(_, v)| blank(v.as_deref()))
        .map(|(n, _)| n.to_string())
        .collect();
    names.extend(
        VARIABLES
            .iter()
            .map(|s| service.var(s))
            .filter(|n| blank(var(n).as_deref())),
    );
    empty(names)
}

/// Every key of the chosen profile that is set but empty.
pub(super) fn check_profile(name: &str, profile: &Profile) -> Result<(), ConfigError> {
    let keys = [
        ("public_key", &profile.public_key),
        ("private_key", &profile.private_key),
        ("base_url", &profile.base_url),
        ("region", &profile.region),
        ("zone", &profile.zone),
        ("project_id", &profile.project_id),
    ];
    let mut names: Vec<String> = keys
        .iter()
        .filter(|(_, v)| blank(v.as_deref()))
        .map(|(k, _)| format!("`{k}` of profile {name:?}"))
        .collect();
    let numbers = [
        ("timeout", &profile.timeout),
        ("max_attempts", &profile.max_attempts),
        ("max_response_bytes", &profile.max_response_bytes),
    ];
    names.extend(
        numbers
            .iter()
            .filter(|(_, v)| blank(v.as_ref().and_then(|v| v.as_str())))
            .map(|(k, _)| format!("`{k}` of profile {name:?}")),
    );
    empty(names)
}

fn empty(names: Vec<String>) -> Result<(), ConfigError> {
    if names.is_empty() {
        Ok(())
    } else {
        Err(ConfigError::Empty(names))
    }
}
