//! Writing a new image into the store (`husk build`, `husk commit`): its
//! config and an OCI manifest as blobs, then its record under the names given.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::digest::Digest;
use crate::registry::Reference;
use crate::store::images::ImageRecord;
use crate::store::Store;

const MANIFEST_TYPE: &str = "application/vnd.oci.image.manifest.v1+json";
const CONFIG_TYPE: &str = "application/vnd.oci.image.config.v1+json";
const TAR_TYPE: &str = "application/vnd.oci.image.layer.v1.tar";
const GZIP_TYPE: &str = "application/vnd.oci.image.layer.v1.tar+gzip";

/// The name a locally made image gets for `input`, as podman names them: a
/// name without a registry is under `localhost/`, without a tag `:latest`.
pub fn local_name(input: &str) -> Result<String> {
    let r = Reference::candidates(input, &["localhost".to_string()])
        .with_context(|| format!("invalid image name {input:?}"))?
        .remove(0);
    if r.digest.is_some() {
        bail!("invalid image name {input:?}: a new image cannot be named by a digest");
    }
    r.tagged_name()
        .with_context(|| format!("invalid image name {input:?}"))
}

/// Store an image of config `config` (its `rootfs.diff_ids` naming `layers`,
/// which are in the store) under `names` (already made by [`local_name`]),
/// which move to it from any other image.
pub fn write(
    store: &Store,
    config: &Value,
    layers: &[Digest],
    names: &[String],
) -> Result<ImageRecord> {
    write_annotated(store, config, layers, names, &BTreeMap::new())
}

/// [`write`], with these annotations in the image's manifest (`husk build --annotation`).
pub fn write_annotated(
    store: &Store,
    config: &Value,
    layers: &[Digest],
    names: &[String],
    annotations: &BTreeMap<String, String>,
) -> Result<ImageRecord> {
    let config_bytes = serde_json::to_vec(config).context("writing the image config")?;
    store_image(store, &config_bytes, layers, names, annotations)
}

/// `write` of a config as its very bytes (`husk load`: the image id is their digest).
pub fn write_bytes(
    store: &Store,
    config_bytes: &[u8],
    layers: &[Digest],
    names: &[String],
) -> Result<ImageRecord> {
    store_image(store, config_bytes, layers, names, &BTreeMap::new())
}

fn store_image(
    store: &Store,
    config_bytes: &[u8],
    layers: &[Digest],
    names: &[String],
    annotations: &BTreeMap<String, String>,
) -> Result<ImageRecord> {
    let record = ImageRecord {
        names: names.to_vec(),
        ..blobs(store, config_bytes, layers, annotations)?
    };
    let mut txn = store.images_txn()?;
    txn.upsert(record.clone());
    txn.save()?;
    for n in names {
        crate::events::image("tag", &record.id.to_string(), Some(n));
    }
    Ok(store
        .images()?
        .into_iter()
        .find(|i| i.id == record.id)
        .unwrap_or(record))
}

/// An image of config `config` over `layers` whose blobs (config and
/// manifest) are stored but that is no image of the store: nothing lists it,
/// and its blobs go at the next collection (a build's cache image to push).
pub fn transient(store: &Store, config: &Value, layers: &[Digest]) -> Result<ImageRecord> {
    let config_bytes = serde_json::to_vec(config).context("writing the image config")?;
    blobs(store, &config_bytes, layers, &BTreeMap::new())
}

/// The config and manifest blobs stored; the record that names them (no names yet).
fn blobs(
    store: &Store,
    config_bytes: &[u8],
    layers: &[Digest],
    annotations: &BTreeMap<String, String>,
) -> Result<ImageRecord> {
    let config: Value = serde_json::from_slice(config_bytes).context("parsing the image config")?;
    let id = Digest::of(config_bytes);
    store.put_blob(&id, config_bytes)?;
    let mut descriptors = Vec::new();
    let mut size = 0;
    for l in layers {
        let info = store.layer_info(l)?;
        size += info.size;
        // A built layer's blob is its tar; a pulled one's is as its manifest said.
        let media = match &info.blob_media_type {
            _ if info.blob == info.diff_id => TAR_TYPE,
            Some(m) => m.as_str(),
            None => GZIP_TYPE,
        };
        descriptors.push(
            json!({"mediaType": media, "digest": info.blob.to_string(), "size": info.blob_size}),
        );
    }
    let mut manifest = json!({
        "schemaVersion": 2,
        "mediaType": MANIFEST_TYPE,
        "config": {"mediaType": CONFIG_TYPE, "digest": id.to_string(), "size": config_bytes.len()},
        "layers": descriptors,
    });
    if !annotations.is_empty() {
        manifest["annotations"] = json!(annotations);
    }
    let manifest_bytes = serde_json::to_vec(&manifest).context("writing the image manifest")?;
    let manifest_digest = Digest::of(&manifest_bytes);
    store.put_blob(&manifest_digest, &manifest_bytes)?;
    Ok(ImageRecord {
        id: id.clone(),
        manifest: manifest_digest,
        names: vec![],
        names_history: vec![],
        repo_digests: vec![],
        layers: layers.to_vec(),
        indexes: vec![],
        size,
        created: config
            .get("created")
            .and_then(Value::as_str)
            .map(String::from),
        stored: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
    })
}

/// The config's `rootfs` for `layers`.
pub fn rootfs(layers: &[Digest]) -> Value {
    json!({"type": "layers", "diff_ids": layers.iter().map(|d| d.to_string()).collect::<Vec<_>>()})
}

/// An RFC 3339 time: now, or `epoch` seconds (`--timestamp`, SOURCE_DATE_EPOCH).
pub fn timestamp(epoch: Option<u64>) -> String {
    let t = match epoch {
        Some(s) => std::time::UNIX_EPOCH + std::time::Duration::from_secs(s),
        None => std::time::SystemTime::now(),
    };
    humantime::format_rfc3339_seconds(t).to_string()
}
