//! Building a [`Config`] from flags, the environment, the profile file and the defaults, in that
//! order of precedence.

use std::time::Duration;

use super::profile::ProfileFile;
use super::{Config, ConfigError};
use crate::credential::Credential;
use crate::service::Service;

/// Settings given explicitly, such as command-line flags. They win over everything else.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct Overrides {
    /// The profile to use.
    pub profile: Option<String>,
    /// The profile file to read.
    pub config_file: Option<String>,
    /// The public key (taken only together with the private key).
    pub public_key: Option<String>,
    /// The private key.
    pub private_key: Option<String>,
    /// The API endpoint.
    pub base_url: Option<String>,
    /// The default region.
    pub region: Option<String>,
    /// The default zone.
    pub zone: Option<String>,
    /// The default project.
    pub project_id: Option<String>,
    /// The timeout per attempt, in seconds, as given.
    pub timeout: Option<String>,
    /// The attempts, as given.
    pub max_attempts: Option<String>,
}

impl std::fmt::Debug for Overrides {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Overrides")
            .field("profile", &self.profile)
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// Reads the config from the service's environment variables and profile file, over the
    /// service's defaults; see the table in [`config`](crate::config).
    pub fn from_env(service: &Service) -> Result<Self, ConfigError> {
        Self::load(service, &Overrides::default(), &|name: &str| {
            std::env::var(name).ok()
        })
    }

    /// Reads the config from `overrides` (flags), then the variables `var` gives, then the
    /// profile file, then the defaults.
    pub fn load(
        service: &Service,
        overrides: &Overrides,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        super::empty::check(service, overrides, var)?;
        let env = |suffix: &str| var(&service.var(suffix));
        let path = ProfileFile::location(service, overrides.config_file.as_deref(), var);
        let file = ProfileFile::read(&path)?;
        let wanted = overrides.profile.clone().or_else(|| env("PROFILE"));
        let name = file.selected(wanted.as_deref());
        let profile = match file.profiles.get(&name) {
            Some(p) => Some(p.clone()),
            None if wanted.is_some() => {
                return Err(ConfigError::ProfileFile {
                    path,
                    message: format!("no profile named {name:?}"),
                });
            }
            None => None,
        }
        .unwrap_or_default();
        super::empty::check_profile(&name, &profile).map_err(|e| ConfigError::ProfileFile {
            path: path.clone(),
            message: e.to_string(),
        })?;

        let pair = |public: Option<String>, private: Option<String>| public.zip(private);
        let credential = pair(overrides.public_key.clone(), overrides.private_key.clone())
            .or_else(|| pair(env("PUBLIC_KEY"), env("PRIVATE_KEY")))
            .or_else(|| pair(profile.public_key.clone(), profile.private_key.clone()))
            .map(|(public, private)| Credential::new(public, private))
            .ok_or_else(|| ConfigError::NoCredentials {
                public: service.var("PUBLIC_KEY"),
                private: service.var("PRIVATE_KEY"),
                path: path.clone(),
            })?;

        let mut config = Config::new(credential);
        let pick = |flag: &Option<String>, suffix: &str, from_profile: &Option<String>| {
            flag.clone()
                .or_else(|| env(suffix))
                .or_else(|| from_profile.clone())
        };
        config.base_url = pick(&overrides.base_url, "BASE_URL", &profile.base_url);
        config.region = pick(&overrides.region, "REGION", &profile.region);
        config.zone = pick(&overrides.zone, "ZONE", &profile.zone);
        config.project_id = pick(&overrides.project_id, "PROJECT_ID", &profile.project_id);

        let in_profile = |key: &str, value: &Option<serde_json::Value>| {
            let text = match value.as_ref()? {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some((
                format!("`{key}` of profile {name:?} in {}", path.display()),
                text,
            ))
        };
        let setting = |flag: &Option<String>,
                       flag_name: &str,
                       suffix: &str,
                       key: &str,
                       profiled: &Option<serde_json::Value>| {
            match (flag, env(suffix)) {
                (Some(v), _) => Some((format!("--{flag_name}"), v.clone())),
                (None, Some(v)) => Some((service.var(suffix), v)),
                (None, None) => in_profile(key, profiled),
            }
        };
        if let Some((source, value)) = setting(
            &overrides.timeout,
            "timeout",
            "TIMEOUT",
            "timeout",
            &profile.timeout,
        ) {
            config.timeout = parse_seconds(&source, &value)?;
        }
        if let Some((source, value)) = setting(
            &overrides.max_attempts,
            "max-attempts",
            "MAX_ATTEMPTS",
            "max_attempts",
            &profile.max_attempts,
        ) {
            config.retry.max_attempts =
                parse_count(&source, &value, "a whole number of attempts, 1 or more")?;
        }
        let bytes = env("MAX_RESPONSE_BYTES")
            .map(|v| (service.var("MAX_RESPONSE_BYTES"), v))
            .or_else(|| in_profile("max_response_bytes", &profile.max_response_bytes));
        if let Some((source, value)) = bytes {
            config.max_response_bytes =
                parse_count(&source, &value, "a whole number of bytes, 1 or more")?.into();
        }
        if let Some(url) = &config.base_url {
            check_base_url(url)?;
        }
        Ok(config)
    }
}

/// Checks that `url` can be a base URL: it must be an `http://` or `https://` URL.
pub fn check_base_url(url: &str) -> Result<(), ConfigError> {
    if url.starts_with("http://") || url.starts_with("https://") {
        Ok(())
    } else {
        Err(ConfigError::BaseUrl(url.to_owned()))
    }
}

fn invalid(source: &str, value: &str, expected: &str) -> ConfigError {
    ConfigError::Invalid {
        source_name: source.to_owned(),
        value: value.to_owned(),
        expected: expected.to_owned(),
    }
}

fn parse_seconds(source: &str, value: &str) -> Result<Duration, ConfigError> {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s < 1e9)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| {
            invalid(
                source,
                value,
                "a number of seconds above 0, such as 30 or 2.5",
            )
        })
}

fn parse_count(source: &str, value: &str, expected: &str) -> Result<u32, ConfigError> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| invalid(source, value, expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const SERVICE: Service = Service {
        name: "Acme",
        env_prefix: "ACME",
        config_dir: "acme",
        base_url: "https://api.acme.test",
        region: "r1",
        zone: "r1-a",
        user_agent: "acme-rust/0",
    };

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name: &str| map.get(name).cloned()
    }

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("rt-cfg-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn flags_win_over_the_environment_which_wins_over_the_profile() {
        let dir = temp_dir("precedence");
        let file = dir.join("config.json");
        std::fs::write(
            &file,
            r#"{"current_profile": "work", "profiles": {"work": {"public_key": "p", "private_key": "s", "region": "from-profile", "zone": "z-profile", "project_id": "org-p"}}, "language": "zh"}"#,
        )
        .unwrap();
        let file = file.to_str().unwrap().to_owned();
        let env = vars(&[
            ("ACME_CONFIG_FILE", &file),
            ("ACME_REGION", "from-env"),
            ("ACME_ZONE", "z-env"),
            ("ACME_TIMEOUT", "2.5"),
        ]);
        let flags = Overrides {
            region: Some("from-flag".into()),
            ..Overrides::default()
        };
        let c = Config::load(&SERVICE, &flags, &env).unwrap();
        assert_eq!(c.region.as_deref(), Some("from-flag"));
        assert_eq!(c.zone.as_deref(), Some("z-env"));
        assert_eq!(c.project_id.as_deref(), Some("org-p"));
        assert_eq!(c.credential.public_key(), "p");
        assert_eq!(c.timeout, Duration::from_millis(2500));
        assert!(
            !format!("{c:?}").contains("\"s\""),
            "no private key in Debug"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bad_values_name_their_variable() {
        let env = vars(&[
            ("ACME_PUBLIC_KEY", "p"),
            ("ACME_PRIVATE_KEY", "s"),
            ("HOME", "/nonexistent"),
        ]);
        for (name, value, expected) in [
            ("ACME_TIMEOUT", "abc", "ACME_TIMEOUT=\"abc\" is not valid"),
            (
                "ACME_MAX_ATTEMPTS",
                "0",
                "ACME_MAX_ATTEMPTS=\"0\" is not valid",
            ),
            (
                "ACME_MAX_RESPONSE_BYTES",
                "-1",
                "ACME_MAX_RESPONSE_BYTES=\"-1\" is not valid",
            ),
        ] {
            let with = |n: &str| {
                if n == name {
                    Some(value.to_owned())
                } else {
                    env(n)
                }
            };
            let err = Config::load(&SERVICE, &Overrides::default(), &with).unwrap_err();
            assert!(err.to_string().starts_with(expected), "{err}");
        }
        let flag = Overrides {
            timeout: Some("soon".into()),
            ..Overrides::default()
        };
        let err = Config::load(&SERVICE, &flag, &env).unwrap_err();
        assert!(err.to_string().starts_with("--timeout=\"soon\""), "{err}");
    }

    #[test]
    fn missing_keys_name_the_variables_and_the_file() {
        let err = Config::load(
            &SERVICE,
            &Overrides::default(),
            &vars(&[("HOME", "/nonexistent")]),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "no credentials: set ACME_PUBLIC_KEY and ACME_PRIVATE_KEY, or add a profile to /nonexistent/.config/acme/config.json"
        );
    }

    #[test]
    fn a_named_profile_must_exist() {
        let dir = temp_dir("named");
        let env = vars(&[
            ("XDG_CONFIG_HOME", dir.to_str().unwrap()),
            ("ACME_PROFILE", "x"),
        ]);
        std::fs::create_dir_all(dir.join("acme")).unwrap();
        std::fs::write(dir.join("acme/config.json"), r#"{"profiles": {}}"#).unwrap();
        let err = Config::load(&SERVICE, &Overrides::default(), &env).unwrap_err();
        assert!(err.to_string().contains("no profile named \"x\""), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_empty_setting_is_an_error_never_a_fallback() {
        let base = [
            ("ACME_PUBLIC_KEY", "p"),
            ("ACME_PRIVATE_KEY", "s"),
            ("HOME", "/nonexistent"),
        ];
        for suffix in super::super::empty::VARIABLES {
            let name = format!("ACME_{suffix}");
            let env = vars(&base);
            let with = |n: &str| {
                if n == name {
                    Some(" ".to_owned())
                } else {
                    env(n)
                }
            };
            let err = Config::load(&SERVICE, &Overrides::default(), &with).unwrap_err();
            assert_eq!(err, ConfigError::Empty(vec![name.clone()]), "{name}");
            assert!(
                err.to_string()
                    .starts_with(&format!("{name} set but empty")),
                "{err}"
            );
        }
        let flags = Overrides {
            base_url: Some(String::new()),
            zone: Some(String::new()),
            ..Overrides::default()
        };
        let err = Config::load(&SERVICE, &flags, &vars(&base)).unwrap_err();
        assert_eq!(
            err,
            ConfigError::Empty(vec!["--base-url".into(), "--zone".into()])
        );

        let dir = temp_dir("empty");
        let file = dir.join("config.json");
        std::fs::write(
            &file,
            r#"{"profiles": {"default": {"public_key": "p", "private_key": "s", "base_url": "", "timeout": ""}}}"#,
        )
        .unwrap();
        let env = vars(&[("ACME_CONFIG_FILE", file.to_str().unwrap())]);
        let err = Config::load(&SERVICE, &Overrides::default(), &env).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "`base_url` of profile \"default\", `timeout` of profile \"default\" set but empty: give a value, or unset it to take the next source or the default"
            ),
            "{err}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_profile_sets_the_timeout_attempts_and_response_limit() {
        let dir = temp_dir("numbers");
        let file = dir.join("config.json");
        std::fs::write(
            &file,
            r#"{"profiles": {"default": {"public_key": "p", "private_key": "s", "timeout": 2.5, "max_attempts": "5", "max_response_bytes": 1024}}}"#,
        )
        .unwrap();
        let path = file.to_str().unwrap().to_owned();
        let c = Config::load(
            &SERVICE,
            &Overrides::default(),
            &vars(&[("ACME_CONFIG_FILE", &path)]),
        )
        .unwrap();
        assert_eq!(c.timeout, Duration::from_millis(2500));
        assert_eq!(c.retry.max_attempts, 5);
        assert_eq!(c.max_response_bytes, 1024);
        // The environment wins over the profile.
        let env = vars(&[("ACME_CONFIG_FILE", &path), ("ACME_MAX_ATTEMPTS", "2")]);
        let c = Config::load(&SERVICE, &Overrides::default(), &env).unwrap();
        assert_eq!(c.retry.max_attempts, 2);
        std::fs::write(
            &file,
            r#"{"profiles": {"default": {"public_key": "p", "private_key": "s", "max_attempts": 0}}}"#,
        )
        .unwrap();
        let err = Config::load(
            &SERVICE,
            &Overrides::default(),
            &vars(&[("ACME_CONFIG_FILE", &path)]),
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with(&format!(
                "`max_attempts` of profile \"default\" in {path}=\"0\" is not valid"
            )),
            "{err}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
