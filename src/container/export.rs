//! `husk export`: a container's root file system (its image's layers and its
//! writable layer, merged) as one tar, as docker and podman write it.

use std::io::Write;

use anyhow::{bail, Result};

use crate::store::Store;

/// Write container `id`'s merged files as a tar to `out`.
pub fn export(store: &Store, id: &str, out: impl Write) -> Result<()> {
    let record = store.container_record(id)?;
    let dir = store.container_dir(id);
    let mut dirs = if dir.join("vfs").is_dir() {
        // The vfs driver's root is a full copy already.
        vec![dir.join("vfs")]
    } else {
        let mut d = crate::container::lower_dirs(store, &record)?;
        d.push(dir.join("upper"));
        d
    };
    dirs.retain(|d| d.is_dir());
    if dirs.is_empty() {
        bail!("container {}: no files to export", record.name);
    }
    crate::image::export::write_dirs_tar(dirs, out)
}
