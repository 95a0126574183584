//! What a generated crate tells the runtime about its service.

/// The facts of one API service that the runtime needs and that differ between services:
/// names for messages, where configuration comes from, and the defaults.
///
/// Every generated crate has one, built from its `service.yaml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Service {
    /// The service's name, used in messages, such as `CompShare`.
    pub name: &'static str,
    /// The prefix of the environment variables the client reads, such as `COMPSHARE` for
    /// `COMPSHARE_PUBLIC_KEY`.
    pub env_prefix: &'static str,
    /// The directory under `$XDG_CONFIG_HOME` (or `~/.config`) that holds `config.json`.
    pub config_dir: &'static str,
    /// The API endpoint.
    pub base_url: &'static str,
    /// The region filled into requests that leave `Region` unset.
    pub region: &'static str,
    /// The zone filled into requests that leave `Zone` unset; empty for none.
    pub zone: &'static str,
    /// The `User-Agent` header: the SDK's name and version.
    pub user_agent: &'static str,
}

impl Service {
    /// The name of one of the service's environment variables, such as `COMPSHARE_TIMEOUT`.
    pub fn var(&self, suffix: &str) -> String {
        format!("{}_{suffix}", self.env_prefix)
    }
}
