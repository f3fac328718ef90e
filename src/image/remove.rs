//! Naming and removing stored images: `tag`, `rmi`, `image prune`.

use anyhow::{bail, Result};

use super::lookup;
use crate::config::Config;
use crate::container::lifecycle::PruneFilter;
use crate::digest::Digest;
use crate::registry::Reference;
use crate::store::gc::{self, GcReport};
use crate::store::images::ImageRecord;
use crate::store::Store;

/// Give the image `source` the names `targets` (each moves from any image that had it).
pub fn tag(store: &Store, config: &Config, source: &str, targets: &[String]) -> Result<()> {
    let mut names = Vec::new();
    for t in targets {
        let r = Reference::parse(t)?;
        if r.digest.is_some() {
            bail!("{t}: a tag cannot contain a digest");
        }
        names.extend(r.tagged_name());
    }
    let mut txn = store.images_txn()?;
    let i = lookup::find(&txn.images, source, config)?;
    let mut record = txn.images[i].clone();
    record.names = names.clone();
    let id = record.id.to_string();
    txn.upsert(record);
    txn.save()?;
    for n in &names {
        crate::events::image("tag", &id, Some(n));
    }
    Ok(())
}

/// `husk untag IMAGE [NAME...]` (podman's): take the names from the image,
/// all of them if none is given; the image stays (unnamed, it is dangling).
/// The names taken.
pub fn untag(store: &Store, config: &Config, input: &str, names: &[String]) -> Result<Vec<String>> {
    let mut txn = store.images_txn()?;
    let i = lookup::find(&txn.images, input, config)?;
    let image = &mut txn.images[i];
    let mut gone = Vec::new();
    for n in names {
        if !image.names.iter().any(|have| names_match(have, n, config)) {
            bail!("image {input} has no name {n}");
        }
    }
    image.names.retain(|have| {
        let drop = names.is_empty() || names.iter().any(|n| names_match(have, n, config));
        if drop {
            gone.push(have.clone());
        }
        !drop
    });
    let id = image.id.to_string();
    txn.save()?;
    for n in &gone {
        crate::events::image("untag", &id, Some(n));
    }
    Ok(gone)
}

/// An image that containers still use.
#[derive(Debug, thiserror::Error)]
#[error("image {image} is in use by container {container}: remove the container first, or use -f")]
pub struct ImageInUse {
    pub image: String,
    pub container: String,
}

/// What removing one name did, in docker's words.
#[derive(Debug, Default)]
pub struct Removal {
    pub untagged: Vec<String>,
    pub deleted: Option<String>,
}

/// Remove what `input` names: just that name if the image has others (and the
/// name was given, not the id), else the whole image. An image containers use is
/// refused; `force` removes it anyway (the containers keep their layers), and
/// removes an image with several names by id.
pub fn remove(store: &Store, config: &Config, input: &str, force: bool) -> Result<Removal> {
    let mut txn = store.images_txn()?;
    let i = lookup::find(&txn.images, input, config)?;
    let image = &mut txn.images[i];
    let by_name = !image
        .id
        .hex()
        .starts_with(input.trim_start_matches("sha256:"));
    let mut out = Removal::default();
    if by_name && image.names.len() > 1 {
        let keep: Vec<String> = image
            .names
            .iter()
            .filter(|n| !names_match(n, input, config))
            .cloned()
            .collect();
        if keep.len() < image.names.len() {
            out.untagged = image
                .names
                .iter()
                .filter(|n| !keep.contains(n))
                .cloned()
                .collect();
            image.names = keep;
            let id = image.id.to_string();
            txn.save()?;
            for n in &out.untagged {
                crate::events::image("untag", &id, Some(n));
            }
            return Ok(out);
        }
    }
    if !by_name && image.names.len() > 1 && !force {
        bail!(
            "unable to delete {} (must be forced): image is referenced in multiple repositories ({})",
            image.id.short(),
            image.names.join(", ")
        );
    }
    if !force {
        let id = txn.images[i].id.clone();
        if let Some(c) = store
            .container_records()?
            .into_iter()
            .find(|c| c.image == id)
        {
            bail!(ImageInUse {
                image: id.short().to_string(),
                container: c.name
            });
        }
    }
    // With -f the containers keep their layers: garbage collection counts them.
    let image = txn.images.remove(i);
    txn.save()?;
    Ok(removed(&image))
}

/// What removing `image` took away, each name and the image told to `husk events`.
fn removed(image: &ImageRecord) -> Removal {
    let untagged: Vec<String> = image
        .names
        .iter()
        .chain(image.repo_digests.iter())
        .cloned()
        .collect();
    let id = image.id.to_string();
    for n in &untagged {
        crate::events::image("untag", &id, Some(n));
    }
    crate::events::image("delete", &id, image.names.first().map(String::as_str));
    Removal {
        untagged,
        deleted: Some(id),
    }
}

/// `run --rmi`: remove image `id`, every name of it, unless a container uses
/// it. Whether it went (its layers go at the next garbage collection).
pub fn remove_if_unused(store: &Store, id: &Digest) -> Result<bool> {
    let mut txn = store.images_txn()?;
    let Some(i) = txn.images.iter().position(|im| im.id == *id) else {
        return Ok(false);
    };
    if store.container_records()?.iter().any(|c| c.image == *id) {
        return Ok(false);
    }
    let image = txn.images.remove(i);
    txn.save()?;
    removed(&image);
    Ok(true)
}

fn names_match(name: &str, input: &str, config: &Config) -> bool {
    Reference::candidates(input, &config.search_registries)
        .map(|c| c.iter().any(|r| r.tagged_name().as_deref() == Some(name)))
        .unwrap_or(false)
        || name.ends_with(&format!("/{input}"))
        || name.ends_with(&format!("/{input}:latest"))
}

/// Remove dangling images (no name), or with `all` every image, but those
/// that containers were made from and those a filter keeps (`until=`,
/// `label=`); then collect garbage.
pub fn prune(store: &Store, all: bool, filters: &[PruneFilter]) -> Result<(Vec<String>, GcReport)> {
    let used: std::collections::HashSet<_> = store
        .container_records()?
        .into_iter()
        .map(|r| r.image)
        .collect();
    let filtered = |i: &ImageRecord| {
        if filters.is_empty() {
            return true;
        }
        let created = i
            .created
            .as_deref()
            .and_then(crate::output::human::parse_time);
        let labels = store
            .get_blob(&i.id)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|c| c.pointer("/config/Labels").cloned())
            .unwrap_or_default();
        let label = |k: &str| labels.get(k).and_then(|v| v.as_str()).map(String::from);
        filters.iter().all(|f| f.keeps_object(created, &label))
    };
    let mut txn = store.images_txn()?;
    let (gone, kept): (Vec<_>, Vec<_>) = txn
        .images
        .drain(..)
        .partition(|i| !used.contains(&i.id) && (all || i.names.is_empty()) && filtered(i));
    txn.images = kept;
    txn.save()?;
    let report = gc::collect(store, true)?;
    // Build cache entries whose layers went, or (all) every entry.
    crate::build::cache::prune(store, all)?;
    Ok((gone.into_iter().map(|i| i.id.to_string()).collect(), report))
}
