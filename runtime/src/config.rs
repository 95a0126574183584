use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::credential::Credential;
use crate::retry::RetryPolicy;

pub const DEFAULT_BASE_URL: &str = "https://api.compshare.cn";
pub const DEFAULT_REGION: &str = "cn-wlcb";
pub const DEFAULT_ZONE: &str = "cn-wlcb-01";

/// Client settings. `Region`, `Zone` and `ProjectId` fill the requests that leave them unset.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    pub credential: Credential,
    pub base_url: String,
    pub region: String,
    pub zone: Option<String>,
    pub project_id: Option<String>,
    /// Limit for one whole attempt, from connecting to reading the body.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub retry: RetryPolicy,
}

/// The client could not be configured.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    #[error(
        "no credentials: set COMPSHARE_PUBLIC_KEY and COMPSHARE_PRIVATE_KEY, or add a profile to {}",
        .0.display()
    )]
    NoCredentials(PathBuf),
    #[error("{path}: {message}", path = .path.display())]
    ProfileFile { path: PathBuf, message: String },
    #[error("{0} is not a valid base URL: it must start with http:// or https://")]
    BaseUrl(String),
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
}

impl Config {
    /// Defaults for everything but the credential: `https://api.compshare.cn`, region
    /// `cn-wlcb`, zone `cn-wlcb-01`, a 30 s timeout and the default retry policy.
    pub fn new(credential: Credential) -> Self {
        Self {
            credential,
            base_url: DEFAULT_BASE_URL.to_owned(),
            region: DEFAULT_REGION.to_owned(),
            zone: Some(DEFAULT_ZONE.to_owned()),
            project_id: None,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
        }
    }

    /// Reads `COMPSHARE_PUBLIC_KEY`, `COMPSHARE_PRIVATE_KEY`, `COMPSHARE_BASE_URL`,
    /// `COMPSHARE_REGION`, `COMPSHARE_ZONE` and `COMPSHARE_PROJECT_ID`. When the keys are not
    /// set, they come from the profile file (`COMPSHARE_PROFILE`, or its `current_profile`) at
    /// `$XDG_CONFIG_HOME/compshare/config.json`, else `~/.config/compshare/config.json`.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// [`Config::from_env`] over any variable source; used by tests.
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let credential = match (var("COMPSHARE_PUBLIC_KEY"), var("COMPSHARE_PRIVATE_KEY")) {
            (Some(public), Some(private)) => Credential::new(public, private),
            _ => {
                let path = profile_path(&var);
                profile_credential(&path, var("COMPSHARE_PROFILE"))?
                    .ok_or(ConfigError::NoCredentials(path))?
            }
        };
        let mut config = Self::new(credential);
        if let Some(url) = var("COMPSHARE_BASE_URL") {
            config.base_url = url;
        }
        if let Some(region) = var("COMPSHARE_REGION") {
            config.region = region;
        }
        if let Some(zone) = var("COMPSHARE_ZONE") {
            config.zone = Some(zone);
        }
        config.project_id = var("COMPSHARE_PROJECT_ID");
        config.check()?;
        Ok(config)
    }

    pub fn with_base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = region.into();
        self
    }

    pub fn with_zone(mut self, zone: Option<String>) -> Self {
        self.zone = zone;
        self
    }

    pub fn with_project_id(mut self, project_id: Option<String>) -> Self {
        self.project_id = project_id;
        self
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub(crate) fn check(&self) -> Result<(), ConfigError> {
        if self.base_url.starts_with("http://") || self.base_url.starts_with("https://") {
            Ok(())
        } else {
            Err(ConfigError::BaseUrl(self.base_url.clone()))
        }
    }
}

fn profile_path(var: &impl Fn(&str) -> Option<String>) -> PathBuf {
    let base = match var("XDG_CONFIG_HOME") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(var("HOME").unwrap_or_default()).join(".config"),
    };
    base.join("compshare").join("config.json")
}

#[derive(serde::Deserialize)]
struct ProfileFile {
    current_profile: Option<String>,
    #[serde(default)]
    profiles: std::collections::BTreeMap<String, Profile>,
}

#[derive(serde::Deserialize)]
struct Profile {
    public_key: String,
    private_key: String,
}

fn profile_credential(
    path: &Path,
    wanted: Option<String>,
) -> Result<Option<Credential>, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ConfigError::ProfileFile {
                path: path.to_owned(),
                message: e.to_string(),
            });
        }
    };
    let file: ProfileFile = serde_json::from_str(&text).map_err(|e| ConfigError::ProfileFile {
        path: path.to_owned(),
        message: format!("not a profile file: {e}"),
    })?;
    let name = wanted
        .or(file.current_profile)
        .unwrap_or_else(|| "default".to_owned());
    match file.profiles.get(&name) {
        Some(p) => Ok(Some(Credential::new(&p.public_key, &p.private_key))),
        None => Err(ConfigError::ProfileFile {
            path: path.to_owned(),
            message: format!("no profile named {name:?}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.get(name).cloned()
    }

    #[test]
    fn environment_overrides_defaults() {
        let c = Config::from_lookup(lookup(&[
            ("COMPSHARE_PUBLIC_KEY", "pub"),
            ("COMPSHARE_PRIVATE_KEY", "secret"),
            ("COMPSHARE_BASE_URL", "http://127.0.0.1:9"),
            ("COMPSHARE_ZONE", "cn-wlcb-02"),
            ("COMPSHARE_PROJECT_ID", "org-1"),
        ]))
        .unwrap();
        assert_eq!(c.base_url, "http://127.0.0.1:9");
        assert_eq!(c.region, DEFAULT_REGION);
        assert_eq!(c.zone.as_deref(), Some("cn-wlcb-02"));
        assert_eq!(c.project_id.as_deref(), Some("org-1"));
        assert_eq!(c.credential.public_key(), "pub");
        assert!(!format!("{c:?}").contains("secret"));
    }

    #[test]
    fn missing_keys_fall_back_to_the_profile_file() {
        let dir = std::env::temp_dir().join(format!("compshare-cfg-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("compshare")).unwrap();
        std::fs::write(
            dir.join("compshare/config.json"),
            r#"{"current_profile": "work", "profiles": {"work": {"public_key": "p", "private_key": "s"}}}"#,
        )
        .unwrap();
        let xdg = dir.to_str().unwrap();
        let c = Config::from_lookup(lookup(&[("XDG_CONFIG_HOME", xdg)])).unwrap();
        assert_eq!(c.credential.public_key(), "p");
        let err = Config::from_lookup(lookup(&[
            ("XDG_CONFIG_HOME", xdg),
            ("COMPSHARE_PROFILE", "x"),
        ]))
        .unwrap_err();
        assert!(err.to_string().contains("no profile named \"x\""), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn no_credentials_is_a_clear_error() {
        let err = Config::from_lookup(lookup(&[("HOME", "/nonexistent")])).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("no credentials: set COMPSHARE_PUBLIC_KEY"),
            "{err}"
        );
    }
}
