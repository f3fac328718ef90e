//! `husk manifest`: local manifest lists (multi-platform indexes) made of
//! images of the store, and their push: each image is pushed by digest to
//! the destination repository, then an index naming them (OCI image index,
//! or Docker manifest list with `--format v2s2`) under the destination's tag.
//!
//! A list is `manifest-lists/<sha256 of its name>.json` in the store:
//! its name and entries (image id, platform, annotations), written by a
//! rename so a reader never sees half of one.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::manifest::{DOCKER_LIST, OCI_INDEX};
use super::push::{ManifestFormat, PushOptions};
use crate::config::Config;
use crate::digest::Digest;
use crate::store::Store;

/// A local manifest list.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ManifestList {
    /// Its name as the store keeps names (`localhost/multi:latest`).
    pub name: String,
    pub entries: Vec<ListEntry>,
}

/// One image of a list.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ListEntry {
    /// The image's id (its config digest) in the store.
    pub image: Digest,
    pub os: String,
    pub architecture: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

/// `--arch`, `--os`, `--variant` and `--annotation` of `manifest add`.
#[derive(Debug, Default, Clone)]
pub struct EntryOverrides {
    pub os: Option<String>,
    pub architecture: Option<String>,
    pub variant: Option<String>,
    pub annotations: BTreeMap<String, String>,
}

fn lists_dir(store: &Store) -> PathBuf {
    store.root().join("manifest-lists")
}

fn list_path(store: &Store, name: &str) -> PathBuf {
    lists_dir(store).join(format!("{}.json", Digest::of(name.as_bytes()).hex()))
}

/// The list `input` names, if there is one.
pub fn find(store: &Store, input: &str) -> Result<Option<ManifestList>> {
    let name = super::write::local_name(input)?;
    match std::fs::read(list_path(store, &name)) {
        Ok(b) => {
            Ok(Some(serde_json::from_slice(&b).with_context(|| {
                format!("reading manifest list {name}")
            })?))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading manifest list {name}")),
    }
}

fn get(store: &Store, input: &str) -> Result<ManifestList> {
    find(store, input)?
        .with_context(|| format!("{input}: no such manifest list (husk manifest create {input})"))
}

fn save(store: &Store, list: &ManifestList) -> Result<()> {
    std::fs::create_dir_all(lists_dir(store))?;
    store.write_atomic(
        &list_path(store, &list.name),
        &serde_json::to_vec_pretty(list)?,
    )
}

/// `manifest create NAME [IMAGE…]`.
pub fn create(
    store: &Store,
    config: &Config,
    input: &str,
    images: &[String],
) -> Result<ManifestList> {
    let name = super::write::local_name(input)?;
    if find(store, input)?.is_some() {
        bail!("manifest list {name} exists already (husk manifest add {input} IMAGE)");
    }
    let mut list = ManifestList {
        name,
        entries: vec![],
    };
    for i in images {
        add_entry(store, config, &mut list, i, &EntryOverrides::default())?;
    }
    save(store, &list)?;
    Ok(list)
}

/// `manifest add NAME IMAGE`: the entry's id.
pub fn add(
    store: &Store,
    config: &Config,
    input: &str,
    image: &str,
    overrides: &EntryOverrides,
) -> Result<Digest> {
    let mut list = get(store, input)?;
    let id = add_entry(store, config, &mut list, image, overrides)?;
    save(store, &list)?;
    Ok(id)
}

fn add_entry(
    store: &Store,
    config: &Config,
    list: &mut ManifestList,
    image: &str,
    o: &EntryOverrides,
) -> Result<Digest> {
    let images = store.images()?;
    let record = images
        .get(super::lookup::find(&images, image, config).with_context(|| {
            format!("{image}: manifest lists are made of images of the store (husk pull --platform OS/ARCH {image})")
        })?)
        .cloned()
        .context("no such image")?;
    let cfg: Value = serde_json::from_slice(&store.get_blob(&record.id)?)?;
    let text = |k: &str| cfg[k].as_str().map(String::from);
    let entry = ListEntry {
        image: record.id.clone(),
        os: o
            .os
            .clone()
            .or(text("os"))
            .unwrap_or_else(|| "linux".into()),
        architecture: o
            .architecture
            .clone()
            .or(text("architecture"))
            .context("the image's config names no architecture: give --arch")?,
        variant: o.variant.clone().or(text("variant")),
        annotations: o.annotations.clone(),
    };
    list.entries.retain(|e| e.image != record.id);
    list.entries.push(entry);
    Ok(record.id)
}

/// `manifest remove NAME IMAGE`: by image id (or a prefix of it).
pub fn remove(store: &Store, input: &str, image: &str) -> Result<()> {
    let mut list = get(store, input)?;
    let want = image.trim_start_matches("sha256:");
    let before = list.entries.len();
    list.entries
        .retain(|e| !e.image.hex().starts_with(want) || want.is_empty());
    if list.entries.len() == before {
        bail!("{image}: not in manifest list {}", list.name);
    }
    save(store, &list)
}

/// `manifest rm NAME`.
pub fn delete(store: &Store, input: &str) -> Result<String> {
    let list = get(store, input)?;
    std::fs::remove_file(list_path(store, &list.name))?;
    Ok(list.name)
}

/// The list as an OCI index of the images' stored manifests (`manifest inspect`).
pub fn local_index(store: &Store, list: &ManifestList) -> Result<Value> {
    let images = store.images()?;
    let mut manifests = Vec::new();
    for e in &list.entries {
        let record = images
            .iter()
            .find(|r| r.id == e.image)
            .with_context(|| format!("image {} of the list is gone", e.image.short()))?;
        let bytes = store.get_blob(&record.manifest)?;
        let media = serde_json::from_slice::<Value>(&bytes)?["mediaType"]
            .as_str()
            .unwrap_or(super::manifest::OCI_MANIFEST)
            .to_string();
        manifests.push(descriptor(e, &media, &record.manifest, bytes.len() as u64));
    }
    Ok(json!({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests}))
}

fn descriptor(e: &ListEntry, media: &str, digest: &Digest, size: u64) -> Value {
    let mut platform = json!({"architecture": e.architecture, "os": e.os});
    if let Some(v) = &e.variant {
        platform["variant"] = json!(v);
    }
    let mut d = json!({"mediaType": media, "digest": digest.to_string(), "size": size, "platform": platform});
    if !e.annotations.is_empty() {
        d["annotations"] = json!(e.annotations);
    }
    d
}

/// `manifest push NAME DEST`: every image by digest into DEST's repository,
/// then the index under DEST's tag; the index's digest.
pub fn push(
    store: &Store,
    config: &Config,
    input: &str,
    dest: &str,
    opts: &PushOptions,
) -> Result<Digest> {
    let list = get(store, input)?;
    if list.entries.is_empty() {
        bail!("manifest list {} is empty", list.name);
    }
    let by_digest = PushOptions {
        by_digest: true,
        ..opts.clone()
    };
    let mut manifests = Vec::new();
    let mut reference = None;
    for e in &list.entries {
        let pushed = super::push::push(store, config, &e.image.to_string(), Some(dest), &by_digest)
            .with_context(|| {
                format!("pushing {} ({}/{})", e.image.short(), e.os, e.architecture)
            })?;
        manifests.push(descriptor(
            e,
            pushed.media_type,
            &pushed.digest,
            pushed.size,
        ));
        reference = Some(pushed.reference);
    }
    let reference = reference.context("no image pushed")?;
    let media = match opts.format {
        Some(ManifestFormat::V2s2) => DOCKER_LIST,
        _ => OCI_INDEX,
    };
    let index = serde_json::to_vec(
        &json!({"schemaVersion": 2, "mediaType": media, "manifests": manifests}),
    )?;
    let client = super::pull::client_with(
        &reference,
        config,
        &opts.registry,
        crate::registry::ClientOptions {
            push: true,
            ..Default::default()
        },
    )?;
    client.put_manifest(&reference.manifest_ref(), media, &index)
}

/// `manifest inspect REG/NAME` of a list that is not local: the registry's
/// manifest or index, as it sent it.
pub fn remote(config: &Config, name: &str, opts: &super::pull::PullOptions) -> Result<Value> {
    let reference = crate::registry::Reference::parse(name)?;
    let client = super::pull::client_for(&reference, config, opts)?;
    let fetched = client.get_manifest(&reference.manifest_ref())?;
    serde_json::from_slice(&fetched.bytes).context("the registry's manifest is not JSON")
}
