//! The profile file shared with compshare-cli: `{"current_profile": ..., "profiles": {name:
//! {"public_key": ..., "private_key": ...}}}`, where a profile may also carry `region`, `zone`,
//! `project_id`, `base_url`, `timeout` (seconds), `max_attempts` and `max_response_bytes`.
//! Keys this crate does not know are kept when the file is written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ConfigError;
use crate::service::Service;

/// One named profile.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The public key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// The private key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_key: Option<String>,
    /// The default region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The default zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zone: Option<String>,
    /// The default project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// The API endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The timeout per attempt, in seconds: a number, or text such as `"2.5"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<Value>,
    /// The attempts, the first included: a number, or text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<Value>,
    /// The largest response body read, in bytes: a number, or text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_response_bytes: Option<Value>,
    /// Keys of other tools, kept as they are.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("public_key", &self.public_key)
            .field(
                "private_key",
                &self.private_key.as_ref().map(|_| "<redacted>"),
            )
            .field("region", &self.region)
            .field("zone", &self.zone)
            .field("project_id", &self.project_id)
            .field("base_url", &self.base_url)
            .field("timeout", &self.timeout)
            .field("max_attempts", &self.max_attempts)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish_non_exhaustive()
    }
}

/// The whole profile file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProfileFile {
    /// The profile used when none is named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_profile: Option<String>,
    /// The profiles, by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    /// Keys of other tools, kept as they are.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

impl ProfileFile {
    /// Reads the file; a missing file is an empty one.
    pub fn read(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(file_error(path, e.to_string())),
        };
        serde_json::from_str(&text)
            .map_err(|e| file_error(path, format!("not a profile file: {e}")))
    }

    /// Writes the file readable by its owner only, through a temporary file renamed into
    /// place, creating its directory.
    pub fn write(&self, path: &Path) -> Result<(), ConfigError> {
        let fail = |e: std::io::Error| file_error(path, e.to_string());
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(fail)?;
        let mut text =
            serde_json::to_string_pretty(self).map_err(|e| file_error(path, e.to_string()))?;
        text.push('\n');
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let tmp = dir.join(format!(".{name}.tmp"));
        write_private(&tmp, &text).map_err(fail)?;
        std::fs::rename(&tmp, path).map_err(fail)
    }

    /// Where `service`'s profile file is: `explicit` (a flag), else `<P>_CONFIG_FILE`, else
    /// `$XDG_CONFIG_HOME/<dir>/config.json`, else `~/.config/<dir>/config.json`. `var` reads
    /// the environment.
    pub fn location(
        service: &Service,
        explicit: Option<&str>,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> PathBuf {
        let from_env = var(&service.var("CONFIG_FILE"));
        path(explicit.or(from_env.as_deref()), service.config_dir, var)
    }

    /// The name of the profile to use: `wanted`, else the file's current one, else `default`.
    pub fn selected(&self, wanted: Option<&str>) -> String {
        wanted
            .map(str::to_owned)
            .or_else(|| self.current_profile.clone())
            .unwrap_or_else(|| "default".to_owned())
    }
}

fn file_error(path: &Path, message: String) -> ConfigError {
    ConfigError::ProfileFile {
        path: path.to_owned(),
        message,
    }
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

/// Where the profile file is: `explicit` (a flag or `<P>_CONFIG_FILE`, with `~` expanded),
/// else `$XDG_CONFIG_HOME/<dir>/config.json`, else `~/.config/<dir>/config.json`.
fn path(explicit: Option<&str>, dir: &str, var: &dyn Fn(&str) -> Option<String>) -> PathBuf {
    let home = || PathBuf::from(var("HOME").unwrap_or_default());
    if let Some(p) = explicit {
        return match p.strip_prefix("~/") {
            Some(rest) => home().join(rest),
            None => PathBuf::from(p),
        };
    }
    let base = match var("XDG_CONFIG_HOME") {
        Some(d) => PathBuf::from(d),
        None => home().join(".config"),
    };
    base.join(dir).join("config.json")
}
