//! Storage drivers: how a container's root filesystem is assembled from the
//! image's read-only layers and the container's writable upper layer.
//!
//! The layer format is overlayfs's (whiteouts are 0/0 character devices,
//! opaque directories carry `user.overlay.opaque=y`), so an upper directory
//! is valid for every driver.

pub mod fuse;
pub mod kernel;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::layer::OPAQUE_XATTR;

/// What a driver mounts: `lowers` (lowest first) under `upper`, at `target`.
#[derive(Clone, Debug)]
pub struct RootfsLayout {
    pub lowers: Vec<PathBuf>,
    pub upper: PathBuf,
    pub work: PathBuf,
    pub target: PathBuf,
}

/// A storage driver.
pub trait StorageDriver {
    /// Its name, as `husk info` and `--storage-driver` say it.
    fn name(&self) -> &'static str;
    /// Mount the container's root at `layout.target`. Called inside the
    /// container's user and mount namespaces, before pivot_root.
    fn mount(&self, layout: &RootfsLayout) -> Result<()>;
}

/// Read the file at `rel` (e.g. `etc/passwd`) as the merged image shows it,
/// straight from the layer directories (lowest first), without mounting.
pub fn read_merged_file(lowers: &[PathBuf], rel: &str) -> Option<Vec<u8>> {
    let mut rel = rel.trim_start_matches('/').to_string();
    for _ in 0..8 {
        match lookup(lowers, &rel)? {
            Found::File(path) => return fs::read(path).ok(),
            Found::Link(target) => {
                let base = Path::new(&rel).parent().unwrap_or(Path::new(""));
                rel = if target.starts_with('/') {
                    target.trim_start_matches('/').to_string()
                } else {
                    base.join(target).to_string_lossy().into_owned()
                };
            }
        }
    }
    None
}

enum Found {
    File(PathBuf),
    Link(String),
}

/// Whether the image's layers (lowest first) show an entry at `rel`.
pub fn in_lowers(lowers: &[PathBuf], rel: &str) -> bool {
    lookup(lowers, rel).is_some()
}

/// The topmost entry for `rel`, stopping at whiteouts and opaque directories.
fn lookup(lowers: &[PathBuf], rel: &str) -> Option<Found> {
    for layer in lowers.iter().rev() {
        let mut dir = layer.clone();
        let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let (last, parents) = parts.split_last()?;
        let mut hidden_below = false;
        let mut present = true;
        for p in parents {
            dir.push(p);
            match fs::symlink_metadata(&dir) {
                Ok(m) if m.file_type().is_char_device() => return None,
                Ok(m) if m.is_dir() => {
                    if crate::layer::get_xattr(&dir, OPAQUE_XATTR)
                        .ok()
                        .flatten()
                        .as_deref()
                        == Some(b"y")
                    {
                        hidden_below = true;
                    }
                }
                _ => {
                    present = false;
                    break;
                }
            }
        }
        if present {
            let path = dir.join(OsStr::new(last));
            if let Ok(m) = fs::symlink_metadata(&path) {
                if m.file_type().is_char_device() {
                    return None;
                }
                if m.file_type().is_symlink() {
                    return Some(Found::Link(
                        fs::read_link(&path).ok()?.to_string_lossy().into_owned(),
                    ));
                }
                return Some(Found::File(path));
            }
        }
        if hidden_below {
            return None;
        }
    }
    None
}
