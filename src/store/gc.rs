//! Garbage collection: blobs and layers no image refers to.

use std::collections::HashSet;

use anyhow::{Context, Result};

use super::lock::Lock;
use super::Store;
use crate::digest::Digest;

/// What a collection removed.
#[derive(Debug, Default)]
pub struct GcReport {
    pub layers: Vec<Digest>,
    pub blobs: Vec<Digest>,
    /// True when a pull was running and nothing could be collected.
    pub deferred: bool,
}

/// The blobs and layers the image and container records refer to.
pub fn referenced(store: &Store) -> Result<(HashSet<Digest>, HashSet<Digest>)> {
    let mut blobs = HashSet::new();
    let mut layers = HashSet::new();
    for image in store.images()? {
        blobs.insert(image.id.clone());
        blobs.insert(image.manifest.clone());
        blobs.extend(image.indexes.iter().cloned());
        layers.extend(image.layers.iter().cloned());
    }
    // A container keeps its image's layers and config, even once the image is
    // removed. One whose record cannot be read might use any of them: collect nothing.
    for id in store.container_ids()? {
        if !store.container_dir(&id).exists() {
            continue; // removed meanwhile
        }
        let container = store.container_record(&id).with_context(|| {
            format!(
                "garbage collection skipped: container {id} has an unreadable record \
                 (remove it with husk rm -f {id}, see husk system check)"
            )
        })?;
        blobs.insert(container.image.clone());
        layers.extend(container.layers);
    }
    // A built layer keeps its tar as a blob (for push and save).
    for l in &layers {
        if let Ok(info) = store.layer_info(l) {
            blobs.insert(info.blob);
        }
    }
    Ok((blobs, layers))
}

/// Remove unreferenced blobs and layers. With `wait` false, a running pull
/// (which holds the gc lock shared) defers the collection instead of blocking.
pub fn collect(store: &Store, wait: bool) -> Result<GcReport> {
    let path = store.locks_dir().join("gc.lock");
    let _gc = if wait {
        Lock::exclusive(&path)?
    } else {
        match Lock::try_exclusive(&path)? {
            Some(lock) => lock,
            None => {
                return Ok(GcReport {
                    deferred: true,
                    ..Default::default()
                })
            }
        }
    };
    let (blobs, layers) = referenced(store)?;
    let mut report = GcReport::default();
    for layer in store.list_layers()? {
        if !layers.contains(&layer) {
            remove_layer(store, &layer)?;
            report.layers.push(layer);
        }
    }
    for blob in store.list_blobs()? {
        if !blobs.contains(&blob) {
            std::fs::remove_file(store.blob_path(&blob))
                .with_context(|| format!("removing blob {blob}"))?;
            report.blobs.push(blob);
        }
    }
    Ok(report)
}

/// Take a layer out of `layers/` in one rename, then delete it, so that a
/// crash halfway never leaves a partial layer under its real name.
pub fn remove_layer(store: &Store, diff_id: &Digest) -> Result<()> {
    let lock = store.lock_layer(diff_id)?;
    let temp = store.temp("delete")?;
    match std::fs::rename(store.layer_dir(diff_id), temp.path()) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("removing layer {diff_id}")),
    }
    // Unlinked while held: a waiter notices the file changed and locks the new one.
    let _ = std::fs::remove_file(lock.path());
    Ok(())
    // `temp` (the layer tree) is deleted on drop.
}
