//! Manifests and indexes, OCI and Docker schema 2 (the two are the same JSON shape).

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use serde::Deserialize;

use super::platform::Platform;
use crate::digest::Digest;

pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";

/// A content descriptor.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    #[serde(default)]
    pub media_type: String,
    pub digest: Digest,
    pub size: u64,
    #[serde(default)]
    pub platform: Option<Platform>,
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
}

/// An image manifest: a config and its layers.
#[derive(Debug, Clone, Deserialize)]
pub struct ImageManifest {
    pub config: Descriptor,
    pub layers: Vec<Descriptor>,
    /// `husk build --annotation`'s (OCI manifests only).
    #[serde(default)]
    pub annotations: BTreeMap<String, String>,
}

/// An index (manifest list): one manifest per platform.
#[derive(Debug, Clone, Deserialize)]
pub struct Index {
    pub manifests: Vec<Descriptor>,
}

/// Either kind.
#[derive(Debug, Clone)]
pub enum Manifest {
    Image(ImageManifest),
    Index(Index),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Probe {
    schema_version: Option<u32>,
    media_type: Option<String>,
    manifests: Option<serde_json::Value>,
    layers: Option<serde_json::Value>,
}

impl Manifest {
    /// Parse `bytes`, using the JSON's `mediaType` or else the HTTP content type.
    pub fn parse(bytes: &[u8], content_type: &str) -> Result<Manifest> {
        let probe: Probe =
            serde_json::from_slice(bytes).context("the manifest is not valid JSON")?;
        if probe.schema_version == Some(1) {
            bail!("Docker schema 1 manifests are not supported (push the image again with a current tool)");
        }
        let media_type = probe.media_type.as_deref().unwrap_or(content_type);
        let is_index = match media_type {
            OCI_INDEX | DOCKER_LIST => true,
            OCI_MANIFEST | DOCKER_MANIFEST => false,
            _ if probe.manifests.is_some() => true,
            _ if probe.layers.is_some() => false,
            other => bail!("unsupported manifest type {other:?}"),
        };
        if is_index {
            let index: Index = serde_json::from_slice(bytes).context("malformed index")?;
            Ok(Manifest::Index(index))
        } else {
            let manifest: ImageManifest =
                serde_json::from_slice(bytes).context("malformed manifest")?;
            Ok(Manifest::Image(manifest))
        }
    }
}

impl Index {
    /// The manifest for `want`, or an error listing what there is.
    pub fn select(&self, want: &Platform) -> Result<&Descriptor> {
        let found = self
            .manifests
            .iter()
            .find(|d| d.platform.as_ref().is_some_and(|p| p.satisfies(want)));
        match found {
            Some(d) => Ok(d),
            None => {
                let have: Vec<String> = self
                    .manifests
                    .iter()
                    .filter_map(|d| d.platform.as_ref())
                    .map(|p| p.to_string())
                    .collect();
                bail!(
                    "no image for platform {want} (the image has: {})",
                    have.join(", ")
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_index_and_selects() {
        let d1 = Digest::of(b"1");
        let d2 = Digest::of(b"2");
        let json = format!(
            r#"{{"schemaVersion":2,"mediaType":"{OCI_INDEX}","manifests":[
            {{"mediaType":"{OCI_MANIFEST}","digest":"{d1}","size":1,"platform":{{"architecture":"amd64","os":"linux"}}}},
            {{"mediaType":"{OCI_MANIFEST}","digest":"{d2}","size":1,"platform":{{"architecture":"arm64","os":"linux","variant":"v8"}}}}]}}"#
        );
        let Manifest::Index(index) = Manifest::parse(json.as_bytes(), "").unwrap() else {
            panic!("not an index")
        };
        assert_eq!(
            index
                .select(&"linux/arm64".parse().unwrap())
                .unwrap()
                .digest,
            d2
        );
        assert_eq!(
            index
                .select(&"linux/amd64".parse().unwrap())
                .unwrap()
                .digest,
            d1
        );
        let err = index
            .select(&"linux/s390x".parse().unwrap())
            .unwrap_err()
            .to_string();
        assert!(err.contains("linux/arm64/v8"), "{err}");
    }

    #[test]
    fn refuses_junk() {
        assert!(Manifest::parse(b"<html>", "").is_err());
        assert!(Manifest::parse(br#"{"schemaVersion":1,"fsLayers":[]}"#, "").is_err());
    }
}
