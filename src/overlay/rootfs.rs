//! `--rootfs PATH[:O]` (podman's): a container whose root is a directory of the
//! host, not an image. With `:O` the directory is the one read-only layer under
//! the container's own upper layer (any storage driver); without, it is bound
//! as the root itself and the container writes into it, as podman does.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use super::{RootfsLayout, StorageDriver};

/// A container's root directory on the host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RootfsSource {
    /// Absolute and resolved.
    pub path: PathBuf,
    /// `:O`: read-only under an upper layer of the container's.
    pub overlay: bool,
}

impl std::str::FromStr for RootfsSource {
    type Err = anyhow::Error;

    /// `PATH` or `PATH:O`: an existing directory.
    fn from_str(text: &str) -> Result<RootfsSource> {
        let (path, overlay) = match text.strip_suffix(":O") {
            Some(p) => (p, true),
            None => (text, false),
        };
        if path.is_empty() {
            bail!("--rootfs: give the root directory (PATH or PATH:O)");
        }
        let path = std::fs::canonicalize(path)
            .with_context(|| format!("--rootfs {path}: no such directory"))?;
        if !path.is_dir() {
            bail!("--rootfs {}: not a directory", path.display());
        }
        if path == std::path::Path::new("/") {
            bail!("--rootfs /: the host's own root cannot be a container's");
        }
        Ok(RootfsSource { path, overlay })
    }
}

/// The storage "driver" of a `--rootfs` container without `:O`: its directory,
/// bound as it is.
pub struct HostRoot(pub PathBuf);

impl HostRoot {
    /// The root of container `record`, if it is a `--rootfs` directory without `:O`.
    pub fn of(record: &crate::store::containers::ContainerRecord) -> Option<HostRoot> {
        record
            .rootfs
            .as_ref()
            .filter(|r| !r.overlay)
            .map(|r| HostRoot(r.path.clone()))
    }
}

impl StorageDriver for HostRoot {
    fn name(&self) -> &'static str {
        "rootfs"
    }

    fn mount(&self, layout: &RootfsLayout) -> Result<()> {
        nix::mount::mount(
            Some(&self.0),
            &layout.target,
            None::<&str>,
            nix::mount::MsFlags::MS_BIND | nix::mount::MsFlags::MS_REC,
            None::<&str>,
        )
        .with_context(|| format!("binding the --rootfs {}", self.0.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed() {
        let dir = std::env::temp_dir();
        let r: RootfsSource = format!("{}:O", dir.display()).parse().unwrap();
        assert!(r.overlay && r.path.is_absolute());
        assert!("/no/such/dir".parse::<RootfsSource>().is_err());
        assert!("/".parse::<RootfsSource>().is_err());
        assert!("/etc/hostname".parse::<RootfsSource>().is_err());
        assert!("".parse::<RootfsSource>().is_err());
    }
}
