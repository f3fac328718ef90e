//! Platforms (`os/arch[/variant]`), and which one this host is.

use std::fmt;
use std::str::FromStr;

use anyhow::{bail, Result};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Platform {
    pub os: String,
    pub architecture: String,
    #[serde(default)]
    pub variant: Option<String>,
}

impl Platform {
    /// The platform husk runs on, named as in OCI (amd64, arm64...).
    pub fn host() -> Platform {
        let (arch, variant) = match std::env::consts::ARCH {
            "x86_64" => ("amd64", None),
            "aarch64" => ("arm64", None),
            "arm" => ("arm", Some("v7")),
            "x86" => ("386", None),
            "powerpc64" if cfg!(target_endian = "little") => ("ppc64le", None),
            "loongarch64" => ("loong64", None),
            other => (other, None),
        };
        Platform {
            os: "linux".into(),
            architecture: arch.into(),
            variant: variant.map(str::to_string),
        }
    }

    /// Whether an image for `self` runs where `want` is asked for.
    pub fn satisfies(&self, want: &Platform) -> bool {
        let norm = |v: &Option<String>, arch: &str| match (arch, v.as_deref()) {
            ("arm64", None) => Some("v8".to_string()),
            (_, v) => v.map(str::to_string),
        };
        self.os == want.os
            && self.architecture == want.architecture
            && (want.variant.is_none()
                || norm(&self.variant, &self.architecture)
                    == norm(&want.variant, &want.architecture))
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if let Some(v) = &self.variant {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

impl FromStr for Platform {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        let parts: Vec<&str> = s.split('/').collect();
        if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
            bail!("invalid platform {s:?}: expected os/arch[/variant], e.g. linux/arm64");
        }
        Ok(Platform {
            os: parts[0].into(),
            architecture: parts[1].into(),
            variant: parts.get(2).map(|v| v.to_string()),
        })
    }
}

// `--platform`, and podman's `--os`, `--arch`, `--variant` over its parts
// (run, create and pull take them).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PlatformFlags {
    /// Platform to pull: os/arch[/variant]
    #[arg(long, value_name = "PLATFORM")]
    pub platform: Option<String>,
    /// The architecture to pull, with --platform's other parts or the host's (podman's)
    #[arg(long, alias = "override-arch", value_name = "ARCH")]
    pub arch: Option<String>,
    /// The OS to pull (podman's)
    #[arg(long, alias = "override-os", value_name = "OS")]
    pub os: Option<String>,
    /// The architecture variant to pull, e.g. v8 (podman's)
    #[arg(long, alias = "override-variant", value_name = "VARIANT")]
    pub variant: Option<String>,
}

impl PlatformFlags {
    /// The platform asked for (`os/arch[/variant]`), None when none is given.
    pub fn platform(&self) -> Option<String> {
        if self.os.is_none() && self.arch.is_none() && self.variant.is_none() {
            return self.platform.clone();
        }
        let base = self
            .platform
            .as_deref()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(Platform::host);
        let os = self.os.clone().unwrap_or(base.os);
        let arch = self.arch.clone().unwrap_or(base.architecture);
        Some(match self.variant.clone().or(base.variant) {
            Some(v) => format!("{os}/{arch}/{v}"),
            None => format!("{os}/{arch}"),
        })
    }
}
