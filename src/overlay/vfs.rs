//! The vfs driver (podman's name, for machines where neither FUSE nor the
//! kernel's overlay can be mounted): no overlay at all. A container's root is a
//! plain directory, `vfs/` in its directory: a full copy of its image's merged
//! layers and of its own upper layer (what it wrote on another driver), made
//! the first time it is mounted; later mounts use it as the container left it.
//! Slow to start and a full copy per container, as podman's vfs is.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::merged::MergedView;
use super::{RootfsLayout, StorageDriver};
use crate::store::tmp::TempEntry;

pub struct Vfs;

/// The container's root directory under the vfs driver.
pub fn root_of(layout: &RootfsLayout) -> Result<PathBuf> {
    Ok(layout
        .upper
        .parent()
        .context("the container's directory")?
        .join("vfs"))
}

impl Vfs {
    /// Make the container's root if it has none yet: the merged view of its
    /// layers (upper last), copied into `tmp/` and moved into place whole, so a
    /// killed copy leaves no half root. `store_tmp`: the store's tmp directory.
    pub fn prepare(layout: &RootfsLayout, store_tmp: &Path) -> Result<()> {
        let root = root_of(layout)?;
        if root.is_dir() {
            return Ok(());
        }
        let mut layers = layout.lowers.clone();
        layers.push(layout.upper.clone());
        let view = MergedView::open(&layers)?;
        let temp = TempEntry::create_dir(store_tmp, "vfs")?;
        crate::volume::copyup::copy_tree(&view, temp.path(), &|u, g| (u, g))
            .context("copying the image into the container's vfs root")?;
        temp.persist(&root)
            .with_context(|| format!("moving the vfs root to {}", root.display()))
    }
}

impl StorageDriver for Vfs {
    fn name(&self) -> &'static str {
        "vfs"
    }

    fn mount(&self, layout: &RootfsLayout) -> Result<()> {
        let root = root_of(layout)?;
        nix::mount::mount(
            Some(&root),
            &layout.target,
            None::<&str>,
            nix::mount::MsFlags::MS_BIND | nix::mount::MsFlags::MS_REC,
            None::<&str>,
        )
        .with_context(|| format!("binding the vfs root {}", root.display()))
    }
}
