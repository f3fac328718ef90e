//! `husk image inspect`: the JSON docker and podman users script against.

use anyhow::{Context, Result};
use serde_json::{json, Value};

use crate::store::images::ImageRecord;
use crate::store::Store;

/// The annotations of the image's stored manifest (none if it has none or
/// cannot be read).
pub fn manifest_annotations(
    store: &Store,
    image: &ImageRecord,
) -> std::collections::BTreeMap<String, String> {
    store
        .get_blob(&image.manifest)
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .and_then(|m| serde_json::from_value(m["annotations"].clone()).ok())
        .unwrap_or_default()
}

/// The inspect document of one image.
pub fn inspect(store: &Store, image: &ImageRecord) -> Result<Value> {
    let config: Value =
        serde_json::from_slice(&store.get_blob(&image.id)?).context("parsing the image config")?;
    let field = |k: &str| config.get(k).cloned().unwrap_or(Value::Null);
    let labels = config
        .pointer("/config/Labels")
        .cloned()
        .unwrap_or(Value::Null);
    Ok(json!({
        "Id": image.id.to_string(),
        "Digest": image.repo_digests.first().and_then(|d| d.split_once('@')).map(|(_, d)| d.to_string()).unwrap_or_else(|| image.manifest.to_string()),
        "RepoTags": image.names,
        "RepoDigests": image.repo_digests,
        "Parent": "",
        "Comment": config.get("comment").cloned().unwrap_or(json!("")),
        "Created": field("created"),
        "Author": config.get("author").cloned().unwrap_or(json!("")),
        "Config": field("config"),
        "Architecture": field("architecture"),
        "Variant": config.get("variant").cloned().unwrap_or(json!("")),
        "Os": field("os"),
        "Size": image.size,
        "VirtualSize": image.size,
        "Labels": labels,
        "ManifestDigest": image.manifest.to_string(),
        "Annotations": manifest_annotations(store, image),
        "RootFS": { "Type": "layers", "Layers": image.layers },
        "History": field("history"),
        "Metadata": { "LastTagTime": image.stored },
    }))
}
