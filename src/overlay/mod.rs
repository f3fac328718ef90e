//! Storage drivers: how a container's root filesystem is assembled from the
//! image's read-only layers and the container's writable upper layer.
//!
//! The layer format is overlayfs's (whiteouts are 0/0 character devices,
//! opaque directories carry `user.overlay.opaque=y`), so an upper directory
//! is valid for every driver.

pub mod fuse;
pub mod kernel;
pub mod merged;
pub mod rootfs;
pub mod vfs;

use std::path::PathBuf;

use anyhow::Result;

/// What a driver mounts: `lowers` (lowest first) under `upper`, at `target`.
#[derive(Clone, Debug)]
pub struct RootfsLayout {
    pub lowers: Vec<PathBuf>,
    pub upper: PathBuf,
    pub work: PathBuf,
    pub target: PathBuf,
    /// The kernel overlay's top lower directory, above `lowers`, where the
    /// mount's options can name it: the container's own layer of mountpoints
    /// (`FuseOverlay::with_mountpoints_below_upper`). The FUSE driver serves
    /// that layer itself.
    pub mountpoints: Option<PathBuf>,
}

/// A storage driver.
pub trait StorageDriver {
    /// Its name, as `husk info` and `--storage-driver` say it.
    fn name(&self) -> &'static str;
    /// Mount the container's root at `layout.target`. Called inside the
    /// container's user and mount namespaces, before pivot_root.
    fn mount(&self, layout: &RootfsLayout) -> Result<()>;
}

pub use merged::{in_lowers, read_merged_file, MAX_MERGED_FILE};

/// The storage drivers by name: `--storage-driver`, husk.toml's, and the one a
/// container's record keeps (its root is always made by the driver it was
/// created with: a vfs copy and an overlay's upper layer are not each other's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DriverName {
    FuseOverlay,
    Overlay,
    Vfs,
}

impl DriverName {
    pub fn as_str(self) -> &'static str {
        match self {
            DriverName::FuseOverlay => "fuse-overlay",
            DriverName::Overlay => "overlay",
            DriverName::Vfs => "vfs",
        }
    }
}

impl std::str::FromStr for DriverName {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<DriverName> {
        Ok(match s {
            "fuse-overlay" => DriverName::FuseOverlay,
            "overlay" => DriverName::Overlay,
            "vfs" => DriverName::Vfs,
            other => {
                anyhow::bail!("unknown storage driver {other:?}: use fuse-overlay, overlay or vfs")
            }
        })
    }
}
