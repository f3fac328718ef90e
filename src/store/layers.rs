//! `layers/<hex>/`: unpacked layers, named by their diff_id and shared by every image.

use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::lock::Lock;
use super::tmp::TempEntry;
use super::Store;
use crate::digest::Digest;

/// What `layers/<hex>/layer.json` records of a layer.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LayerInfo {
    /// The digest of the uncompressed tar stream.
    pub diff_id: Digest,
    /// Bytes of the uncompressed tar stream.
    pub size: u64,
    /// The blob it was unpacked from, and that blob's size.
    pub blob: Digest,
    pub blob_size: u64,
    /// The blob's media type, as the manifest it was pulled by said (None: a
    /// built layer, whose blob is its tar, or an older store).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob_media_type: Option<String>,
    /// "full", "single-uid" or "host": the id mapping the owners were written with.
    pub idmap: String,
    /// Whether some entry's owner is kept in the override xattr (the FUSE overlay
    /// only looks for it in layers that have one). Unknown (older stores): true.
    #[serde(default = "yes")]
    pub has_overrides: bool,
}

impl LayerInfo {
    /// What a layer just unpacked in this store's id mapping records.
    pub fn unpacked(
        diff_id: Digest,
        size: u64,
        blob: (Digest, u64),
        blob_media_type: Option<String>,
        has_overrides: bool,
    ) -> LayerInfo {
        LayerInfo {
            diff_id,
            size,
            blob: blob.0,
            blob_size: blob.1,
            blob_media_type: blob_media_type.filter(|m| !m.is_empty()),
            idmap: crate::userns::current().mode().to_string(),
            has_overrides,
        }
    }
}

fn yes() -> bool {
    true
}

/// A layer being unpacked: `tmp/layer-…/diff` plus its info, renamed into place on commit.
pub struct LayerWriter {
    temp: TempEntry,
}

impl LayerWriter {
    /// The directory to unpack into.
    pub fn diff_dir(&self) -> PathBuf {
        self.temp.path().join("diff")
    }
}

impl Store {
    pub fn layer_dir(&self, diff_id: &Digest) -> PathBuf {
        self.layers_dir().join(diff_id.hex())
    }

    /// The unpacked tree of a layer.
    pub fn layer_diff(&self, diff_id: &Digest) -> PathBuf {
        self.layer_dir(diff_id).join("diff")
    }

    pub fn has_layer(&self, diff_id: &Digest) -> bool {
        self.layer_dir(diff_id).join("layer.json").is_file()
    }

    pub fn layer_info(&self, diff_id: &Digest) -> Result<LayerInfo> {
        let path = self.layer_dir(diff_id).join("layer.json");
        let text = fs::read(&path)
            .with_context(|| format!("layer {diff_id} is missing: pull the image again"))?;
        serde_json::from_slice(&text).with_context(|| format!("parsing {}", path.display()))
    }

    /// The lock serialising writers (and collectors) of one layer.
    pub fn lock_layer(&self, diff_id: &Digest) -> Result<Lock> {
        Lock::exclusive(
            &self
                .locks_dir()
                .join(format!("layer-{}.lock", diff_id.hex())),
        )
    }

    /// Start a new layer in `tmp/`.
    pub fn new_layer(&self) -> Result<LayerWriter> {
        let temp = self.temp("layer")?;
        fs::create_dir_all(temp.path().join("diff")).context("creating layer directory")?;
        Ok(LayerWriter { temp })
    }

    /// Record the info and move the finished layer to `layers/<diff_id>`.
    /// The caller holds the layer's lock.
    pub fn commit_layer(&self, writer: LayerWriter, info: &LayerInfo) -> Result<()> {
        let json = serde_json::to_vec_pretty(info)?;
        fs::write(writer.temp.path().join("layer.json"), json).context("writing layer.json")?;
        let dest = self.layer_dir(&info.diff_id);
        if dest.exists() {
            // Left by a crash between the rename and layer.json? Not possible: layer.json is
            // written first. So it is complete; keep it and drop ours.
            return Ok(());
        }
        writer
            .temp
            .persist(&dest)
            .with_context(|| format!("moving layer into {}", dest.display()))
    }

    /// Digests of every layer directory present.
    pub fn list_layers(&self) -> Result<Vec<Digest>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(self.layers_dir()).context("reading layers/")? {
            if let Ok(d) = Digest::from_hex(&entry?.file_name().to_string_lossy()) {
                out.push(d);
            }
        }
        Ok(out)
    }
}
