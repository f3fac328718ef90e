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
use super::pull::PullOptions;
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
    /// The index's own annotations (`create --annotation`, `annotate --index`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
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
    /// The platform's `os.version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_version: Option<String>,
    /// The platform's `os.features`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub os_features: Vec<String>,
    /// The platform's `features` (OCI's reserved field, as podman writes it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<String>,
}

/// What `manifest add` and `manifest annotate` set on an entry:
/// `--arch`, `--os`, `--variant`, `--os-version`, `--os-features`,
/// `--features` and `--annotation`.
#[derive(Debug, Default, Clone)]
pub struct EntryOverrides {
    pub os: Option<String>,
    pub architecture: Option<String>,
    pub variant: Option<String>,
    pub annotations: BTreeMap<String, String>,
    pub os_version: Option<String>,
    pub os_features: Vec<String>,
    pub features: Vec<String>,
}

impl EntryOverrides {
    /// Set what is given on `e` (annotations are added to its own).
    fn apply(&self, e: &mut ListEntry) {
        if let Some(os) = &self.os {
            e.os = os.clone();
        }
        if let Some(a) = &self.architecture {
            e.architecture = a.clone();
        }
        if self.variant.is_some() {
            e.variant = self.variant.clone();
        }
        if self.os_version.is_some() {
            e.os_version = self.os_version.clone();
        }
        if !self.os_features.is_empty() {
            e.os_features = self.os_features.clone();
        }
        if !self.features.is_empty() {
            e.features = self.features.clone();
        }
        e.annotations.extend(self.annotations.clone());
    }
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

/// `manifest create NAME [IMAGE…]` (images not in the store are pulled
/// with `pull`), with the index's `annotations`.
pub fn create(
    store: &Store,
    config: &Config,
    input: &str,
    images: &[String],
    annotations: &BTreeMap<String, String>,
    pull: &PullOptions,
) -> Result<ManifestList> {
    let name = super::write::local_name(input)?;
    if find(store, input)?.is_some() {
        bail!("manifest list {name} exists already (husk manifest add {input} IMAGE)");
    }
    let mut list = ManifestList {
        name,
        entries: vec![],
        annotations: annotations.clone(),
    };
    for i in images {
        add_entry(
            store,
            config,
            &mut list,
            i,
            &EntryOverrides::default(),
            pull,
        )?;
    }
    save(store, &list)?;
    Ok(list)
}

/// `manifest add NAME IMAGE`: the entry's id. An image that is not in the
/// store (`[docker://]REGISTRY/REPO[:TAG]`) is pulled first with `pull`.
pub fn add(
    store: &Store,
    config: &Config,
    input: &str,
    image: &str,
    overrides: &EntryOverrides,
    pull: &PullOptions,
) -> Result<Digest> {
    let mut list = get(store, input)?;
    let id = add_entry(store, config, &mut list, image, overrides, pull)?;
    save(store, &list)?;
    Ok(id)
}

/// `build --manifest LIST`: `image` joins the list, which is made if need be.
pub fn add_or_create(
    store: &Store,
    config: &Config,
    input: &str,
    image: &str,
    pull: &PullOptions,
) -> Result<()> {
    let entry = EntryOverrides::default();
    match find(store, input)? {
        Some(_) => add(store, config, input, image, &entry, pull).map(drop),
        None => create(
            store,
            config,
            input,
            &[image.to_string()],
            &BTreeMap::new(),
            pull,
        )
        .map(drop),
    }
}

fn add_entry(
    store: &Store,
    config: &Config,
    list: &mut ManifestList,
    image: &str,
    o: &EntryOverrides,
    pull: &PullOptions,
) -> Result<Digest> {
    let image = image.strip_prefix("docker://").unwrap_or(image);
    let record = super::pull::ensure(
        store,
        config,
        image,
        crate::container::options::PullPolicy::Missing,
        pull,
    )?;
    let cfg: Value = serde_json::from_slice(&store.get_blob(&record.id)?)?;
    let text = |k: &str| cfg[k].as_str().map(String::from);
    let mut entry = ListEntry {
        image: record.id.clone(),
        os: text("os").unwrap_or_else(|| "linux".into()),
        architecture: text("architecture").unwrap_or_default(),
        variant: text("variant"),
        annotations: BTreeMap::new(),
        os_version: text("os.version"),
        os_features: cfg["os.features"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default(),
        features: Vec::new(),
    };
    o.apply(&mut entry);
    if entry.architecture.is_empty() {
        bail!("the image's config names no architecture: give --arch");
    }
    list.entries.retain(|e| e.image != record.id);
    list.entries.push(entry);
    Ok(record.id)
}

/// `manifest annotate NAME IMAGE`: what `o` gives set on the entry of
/// IMAGE (an id, a prefix of one, or a name of the store).
pub fn annotate(
    store: &Store,
    config: &Config,
    input: &str,
    image: &str,
    o: &EntryOverrides,
) -> Result<()> {
    let mut list = get(store, input)?;
    let want = image.trim_start_matches("sha256:");
    let images = store.images()?;
    let by_name = super::lookup::find(&images, image, config)
        .ok()
        .map(|i| images[i].id.clone());
    let entry = list
        .entries
        .iter_mut()
        .find(|e| {
            by_name.as_ref() == Some(&e.image)
                || (!want.is_empty() && e.image.hex().starts_with(want))
        })
        .with_context(|| format!("{image}: not in manifest list {}", list.name))?;
    o.apply(entry);
    save(store, &list)
}

/// `manifest annotate --index NAME`: annotations of the list itself.
pub fn annotate_index(
    store: &Store,
    input: &str,
    annotations: &BTreeMap<String, String>,
) -> Result<()> {
    let mut list = get(store, input)?;
    list.annotations.extend(annotations.clone());
    save(store, &list)
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
    Ok(index_document(list, OCI_INDEX, manifests))
}

/// An index of `manifests`, with the list's annotations.
fn index_document(list: &ManifestList, media: &str, manifests: Vec<Value>) -> Value {
    let mut index = json!({"schemaVersion": 2, "mediaType": media, "manifests": manifests});
    // A Docker manifest list has no annotations.
    if !list.annotations.is_empty() && media == OCI_INDEX {
        index["annotations"] = json!(list.annotations);
    }
    index
}

fn descriptor(e: &ListEntry, media: &str, digest: &Digest, size: u64) -> Value {
    let mut platform = json!({"architecture": e.architecture, "os": e.os});
    if let Some(v) = &e.variant {
        platform["variant"] = json!(v);
    }
    if let Some(v) = &e.os_version {
        platform["os.version"] = json!(v);
    }
    if !e.os_features.is_empty() {
        platform["os.features"] = json!(e.os_features);
    }
    if !e.features.is_empty() {
        platform["features"] = json!(e.features);
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
    let index = serde_json::to_vec(&index_document(&list, media, manifests))?;
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
