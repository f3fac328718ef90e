//! `husk system check`: is the store consistent, and what would repair it.

use std::fs;

use anyhow::Result;

use super::gc;
use super::tmp;
use super::Store;
use crate::digest::{Digest, HashingReader};

/// One thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A blob whose content does not hash to its name.
    CorruptBlob(Digest),
    /// A layer directory without a readable layer.json or diff/.
    BrokenLayer(Digest),
    /// An image whose manifest, config or a layer is missing or broken.
    IncompleteImage { id: Digest, missing: String },
    /// Something a crashed writer left in tmp/.
    Leftover(String),
    /// The store's top directory is open to other users.
    NotPrivate,
    /// A container whose record cannot be read.
    UnreadableContainer(String),
    /// A container whose image layer is gone.
    ContainerLacksLayer { container: String, layer: Digest },
}

impl Problem {
    /// Whether `repair` mends it (containers are the user's to remove).
    pub fn repairable(&self) -> bool {
        !matches!(
            self,
            Problem::UnreadableContainer(_) | Problem::ContainerLacksLayer { .. }
        )
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::CorruptBlob(d) => {
                write!(f, "blob {d} is corrupt (its content has another digest)")
            }
            Problem::BrokenLayer(d) => write!(f, "layer {d} is incomplete"),
            Problem::IncompleteImage { id, missing } => {
                write!(f, "image {} lacks {missing}", id.short())
            }
            Problem::Leftover(name) => write!(f, "tmp/{name} was left by an interrupted command"),
            Problem::NotPrivate => write!(f, "the store is open to other users (it must be mode 0700)"),
            Problem::UnreadableContainer(id) => write!(
                f,
                "container {} has an unreadable record (garbage collection keeps every layer until it is removed: husk rm -f {})",
                &id[..12.min(id.len())],
                id
            ),
            Problem::ContainerLacksLayer { container, layer } => write!(
                f,
                "container {container} cannot start: its layer {layer} is missing (remove it: husk rm {container})"
            ),
        }
    }
}

/// The result of a check.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// Blobs and layers no image refers to (harmless; `husk image prune` removes them).
    pub unreferenced: usize,
}

/// Check every blob's digest (not with `quick`), every layer's completeness,
/// every image's parts, and tmp/.
pub fn check(store: &Store, quick: bool) -> Result<Report> {
    let mut report = Report::default();
    let mut bad_blobs = Vec::new();
    for blob in store.list_blobs()? {
        if !quick && !blob_is_intact(store, &blob) {
            bad_blobs.push(blob.clone());
            report.problems.push(Problem::CorruptBlob(blob));
        }
    }
    let mut bad_layers = Vec::new();
    for layer in store.list_layers()? {
        let ok = store
            .layer_info(&layer)
            .map(|i| i.diff_id == layer)
            .unwrap_or(false)
            && store.layer_diff(&layer).is_dir();
        if !ok {
            bad_layers.push(layer.clone());
            report.problems.push(Problem::BrokenLayer(layer));
        }
    }
    for image in store.images()? {
        if let Some(missing) = first_missing_part(store, &image, &bad_blobs, &bad_layers) {
            report.problems.push(Problem::IncompleteImage {
                id: image.id.clone(),
                missing,
            });
        }
    }
    for name in tmp::stale_entries(&store.tmp_dir())? {
        report.problems.push(Problem::Leftover(name));
    }
    if !store.is_private() {
        report.problems.push(Problem::NotPrivate);
    }
    for id in store.container_ids()? {
        match store.container_record(&id) {
            Err(_) => report.problems.push(Problem::UnreadableContainer(id)),
            Ok(record) => {
                if let Some(layer) = record
                    .layers
                    .iter()
                    .find(|l| !store.has_layer(l) || bad_layers.contains(l))
                {
                    report.problems.push(Problem::ContainerLacksLayer {
                        container: record.name.clone(),
                        layer: layer.clone(),
                    });
                }
            }
        }
    }
    let Ok((blobs, layers)) = gc::referenced(store) else {
        return Ok(report); // an unreadable container record: reported above
    };
    report.unreferenced = store
        .list_blobs()?
        .iter()
        .filter(|b| !blobs.contains(b))
        .count()
        + store
            .list_layers()?
            .iter()
            .filter(|l| !layers.contains(l))
            .count();
    Ok(report)
}

/// Remove what [`check`] found broken: corrupt blobs, broken layers, leftovers,
/// and the records of images that lost a part (they must be pulled again).
pub fn repair(store: &Store, report: &Report) -> Result<()> {
    let mut lost_images = Vec::new();
    for problem in &report.problems {
        match problem {
            Problem::CorruptBlob(d) => fs::remove_file(store.blob_path(d))?,
            Problem::BrokenLayer(d) => gc::remove_layer(store, d)?,
            Problem::IncompleteImage { id, .. } => lost_images.push(id.clone()),
            Problem::NotPrivate => store.make_private()?,
            // Only the user can decide to remove a container.
            Problem::Leftover(_)
            | Problem::UnreadableContainer(_)
            | Problem::ContainerLacksLayer { .. } => {}
        }
    }
    tmp::cleanup_stale(&store.tmp_dir())?;
    if !lost_images.is_empty() {
        let mut txn = store.images_txn()?;
        txn.images.retain(|i| !lost_images.contains(&i.id));
        txn.save()?;
    }
    Ok(())
}

fn blob_is_intact(store: &Store, blob: &Digest) -> bool {
    let Ok(file) = fs::File::open(store.blob_path(blob)) else {
        return false;
    };
    let mut reader = HashingReader::new(file);
    reader.drain().is_ok() && &reader.finish().0 == blob
}

fn first_missing_part(
    store: &Store,
    image: &super::images::ImageRecord,
    bad_blobs: &[Digest],
    bad_layers: &[Digest],
) -> Option<String> {
    let blob_ok = |d: &Digest| store.blob_path(d).is_file() && !bad_blobs.contains(d);
    if !blob_ok(&image.manifest) {
        return Some(format!("its manifest {}", image.manifest));
    }
    if !blob_ok(&image.id) {
        return Some(format!("its config {}", image.id));
    }
    image
        .layers
        .iter()
        .find(|l| !store.has_layer(l) || bad_layers.contains(l))
        .map(|l| format!("layer {l}"))
}
