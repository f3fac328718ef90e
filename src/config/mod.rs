//! Configuration: husk's own `~/.config/husk/husk.toml`, and the files that
//! podman users already have (`registries.conf`).
//!
//! ```toml
//! # ~/.config/husk/husk.toml
//! unqualified-search-registries = ["docker.io"]   # where short names are looked up, in order
//! insecure-registries = ["10.0.0.5:5000"]          # TLS not verified (HTTP allowed)
//! storage-driver = "fuse-overlay"                  # (default) or "overlay"
//! registry-connect-timeout = "30s"                 # to connect to a registry (default 30s)
//! registry-read-timeout = "30s"                    # for a reply, then between reads of its body
//! ```
//! A list set in husk.toml replaces the one from registries.conf.

pub mod paths;

use std::path::{Path, PathBuf};

use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::registry::client::Timeouts;

/// The settings a command needs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Registries that short names (`busybox`) are looked up in, in order.
    pub search_registries: Vec<String>,
    /// Registries whose TLS is not verified.
    pub insecure_registries: Vec<String>,
    /// `overlay` or `fuse-overlay`, if husk.toml names one.
    pub storage_driver: Option<String>,
    /// `pasta` or `slirp4netns`, if husk.toml names one (`network-helper`).
    pub network_helper: Option<String>,
    /// `dns-upstream`: where husk's DNS responder forwards what is not a
    /// container's name (default: the host's resolv.conf nameservers).
    pub dns_upstream: Option<Vec<std::net::SocketAddr>>,
    /// How long to wait for registries.
    pub registry_timeouts: Timeouts,
    /// Files that were read, for `husk info`.
    pub sources: Vec<PathBuf>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
struct HuskToml {
    unqualified_search_registries: Option<Vec<String>>,
    insecure_registries: Option<Vec<String>>,
    storage_driver: Option<String>,
    network_helper: Option<String>,
    dns_upstream: Option<Vec<String>>,
    registry_connect_timeout: Option<String>,
    registry_read_timeout: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
struct RegistriesConf {
    unqualified_search_registries: Option<Vec<String>>,
    #[serde(default)]
    registry: Vec<RegistryEntry>,
}

#[derive(Deserialize)]
struct RegistryEntry {
    location: Option<String>,
    prefix: Option<String>,
    #[serde(default)]
    insecure: bool,
}

impl Config {
    /// Read the configuration files of this user.
    pub fn load() -> Result<Config> {
        let mut config = Config {
            search_registries: vec!["docker.io".into()],
            insecure_registries: vec![],
            storage_driver: None,
            network_helper: None,
            dns_upstream: None,
            registry_timeouts: Timeouts::default(),
            sources: vec![],
        };
        let user_conf = paths::config_home()?.join("containers/registries.conf");
        // As in podman: $REGISTRIES_CONFIG_PATH (`--registries-conf`), else the
        // user's registries.conf, which replaces the system one.
        let conf = match std::env::var_os("REGISTRIES_CONFIG_PATH").filter(|p| !p.is_empty()) {
            Some(p) => PathBuf::from(p),
            None if user_conf.is_file() => user_conf,
            None => PathBuf::from("/etc/containers/registries.conf"),
        };
        if let Some(rc) = read_toml::<RegistriesConf>(&conf)? {
            config.sources.push(conf);
            if let Some(list) = rc.unqualified_search_registries.filter(|l| !l.is_empty()) {
                config.search_registries = list;
            }
            for entry in rc.registry.into_iter().filter(|r| r.insecure) {
                if let Some(loc) = entry.location.or(entry.prefix) {
                    config.insecure_registries.push(loc);
                }
            }
        }
        let husk_toml = paths::config_home()?.join("husk/husk.toml");
        if let Some(own) = read_toml::<HuskToml>(&husk_toml)? {
            config.sources.push(husk_toml.clone());
            if let Some(list) = own.unqualified_search_registries.filter(|l| !l.is_empty()) {
                config.search_registries = list;
            }
            if let Some(list) = own.insecure_registries {
                config.insecure_registries = list;
            }
            config.storage_driver = own.storage_driver;
            config.network_helper = own.network_helper;
            if let Some(list) = own.dns_upstream {
                config.dns_upstream = Some(parse_upstreams(&list)?);
            }
            let timeouts = &mut config.registry_timeouts;
            for (value, slot, key) in [
                (
                    &own.registry_connect_timeout,
                    &mut timeouts.connect,
                    "registry-connect-timeout",
                ),
                (
                    &own.registry_read_timeout,
                    &mut timeouts.read,
                    "registry-read-timeout",
                ),
            ] {
                if let Some(v) = value {
                    *slot = parse_timeout(v)
                        .with_context(|| format!("{}: {key}", husk_toml.display()))?;
                }
            }
        }
        Ok(config)
    }

    /// The storage driver: the command line's, else husk.toml's, else the kernel overlay.
    pub fn driver(&self, cli: Option<&str>) -> anyhow::Result<String> {
        let d = cli
            .map(str::to_string)
            .or_else(|| self.storage_driver.clone())
            .unwrap_or_else(|| "fuse-overlay".into());
        d.parse::<crate::overlay::DriverName>()?;
        Ok(d)
    }

    /// Whether TLS verification is off for `registry` by configuration.
    pub fn is_insecure(&self, registry: &str) -> bool {
        self.insecure_registries.iter().any(|r| r == registry)
    }
}

/// "30s", "2m", "1m30s": more than zero.
fn parse_timeout(text: &str) -> Result<Duration> {
    let d = humantime::parse_duration(text)
        .with_context(|| format!("invalid duration {text:?}: use e.g. 30s or 2m"))?;
    if d.is_zero() {
        anyhow::bail!("invalid duration {text:?}: it must be more than 0");
    }
    Ok(d)
}

fn read_toml<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>> {
    match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str(&text)
            .map(Some)
            .with_context(|| format!("parsing {}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// `dns-upstream` entries: `IP` (port 53) or `IP:PORT`.
fn parse_upstreams(list: &[String]) -> Result<Vec<std::net::SocketAddr>> {
    list.iter()
        .map(|s| {
            s.parse::<std::net::SocketAddr>()
                .or_else(|_| s.parse::<std::net::IpAddr>().map(|ip| (ip, 53).into()))
                .with_context(|| format!("husk.toml: dns-upstream {s:?}: use IP or IP:PORT"))
        })
        .collect()
}
