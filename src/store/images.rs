//! `images.json`: the image records. Small, read whole, rewritten atomically
//! under `locks/images.lock`.

use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use super::lock::Lock;
use super::Store;
use crate::digest::Digest;

/// One image: a config and its layers, under zero or more names.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ImageRecord {
    /// The config digest: the image id, as docker and podman define it.
    pub id: Digest,
    /// The platform manifest the layers came from.
    pub manifest: Digest,
    /// `registry/repo:tag` names.
    #[serde(default)]
    pub names: Vec<String>,
    /// Every name it was ever given, latest first (podman's NamesHistory:
    /// `images --history` shows what an untagged image was called).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names_history: Vec<String>,
    /// `registry/repo@digest`, the digests it was pulled by (an index's, where there was one).
    #[serde(default)]
    pub repo_digests: Vec<String>,
    /// diff_ids, lowest layer first.
    pub layers: Vec<Digest>,
    /// Indexes pulled through, kept so `inspect` and `push` can show them.
    #[serde(default)]
    pub indexes: Vec<Digest>,
    /// Uncompressed size of all layers, in bytes.
    pub size: u64,
    /// Creation time from the config (RFC 3339), if it had one.
    #[serde(default)]
    pub created: Option<String>,
    /// When it was first stored here (RFC 3339).
    pub stored: String,
}

impl ImageRecord {
    /// An image of id `id` with no name, layer or config blob (a stand-in:
    /// `--rootfs` containers are made from one).
    pub fn empty(id: Digest) -> ImageRecord {
        ImageRecord {
            id,
            manifest: Digest::of(b""),
            names: vec![],
            names_history: vec![],
            repo_digests: vec![],
            layers: vec![],
            indexes: vec![],
            size: 0,
            created: None,
            stored: String::new(),
        }
    }
}

#[derive(Default, Serialize, Deserialize)]
struct ImagesFile {
    version: u32,
    images: Vec<ImageRecord>,
}

/// The records, locked for a read-modify-write until dropped or saved.
pub struct ImagesTxn<'a> {
    store: &'a Store,
    _lock: Lock,
    pub images: Vec<ImageRecord>,
}

impl ImagesTxn<'_> {
    /// Write the records back atomically.
    pub fn save(self) -> Result<()> {
        let file = ImagesFile {
            version: 1,
            images: self.images,
        };
        let json = serde_json::to_vec_pretty(&file)?;
        self.store.write_atomic(&self.store.images_path(), &json)
    }
}

impl Store {
    fn images_path(&self) -> PathBuf {
        self.root.join("images.json")
    }

    /// The image records as they are now (no lock: the file is always whole).
    pub fn images(&self) -> Result<Vec<ImageRecord>> {
        let path = self.images_path();
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(vec![]),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let file: ImagesFile = serde_json::from_slice(&bytes)
            .with_context(|| format!("{} is corrupt", path.display()))?;
        Ok(file.images)
    }

    /// Lock the records for a read-modify-write.
    /// Hold off every change of the image records (shared: others may hold it
    /// too) while `image` is still recorded; an error if it was removed.
    /// `create` holds it until its container is recorded, so that `rmi`
    /// either sees the container or removes the image before `create` looks.
    pub fn hold_image(&self, image: &Digest) -> Result<Lock> {
        let lock = Lock::shared(&self.locks_dir().join("images.lock"))?;
        if !self.images()?.iter().any(|i| &i.id == image) {
            bail!("image {} was removed meanwhile", image.short());
        }
        Ok(lock)
    }

    pub fn images_txn(&self) -> Result<ImagesTxn<'_>> {
        let lock = Lock::exclusive(&self.locks_dir().join("images.lock"))?;
        let images = self.images()?;
        Ok(ImagesTxn {
            store: self,
            _lock: lock,
            images,
        })
    }
}

impl ImagesTxn<'_> {
    /// Add `record`, or merge its names and digests into the image with the same id.
    /// A name moves: whatever image had it before loses it.
    pub fn upsert(&mut self, mut record: ImageRecord) {
        for image in self.images.iter_mut().filter(|i| i.id != record.id) {
            image.names.retain(|n| !record.names.contains(n));
        }
        match self.images.iter_mut().find(|i| i.id == record.id) {
            Some(existing) => {
                remember_names(&mut existing.names_history, &record.names);
                for n in record.names {
                    if !existing.names.contains(&n) {
                        existing.names.push(n);
                    }
                }
                for d in record.repo_digests {
                    if !existing.repo_digests.contains(&d) {
                        existing.repo_digests.push(d);
                    }
                }
                for d in record.indexes {
                    if !existing.indexes.contains(&d) {
                        existing.indexes.push(d);
                    }
                }
                existing.manifest = record.manifest;
            }
            None => {
                let names = record.names.clone();
                remember_names(&mut record.names_history, &names);
                self.images.push(record)
            }
        }
    }
}

/// Put `names` at the front of `history` (latest first, each once).
fn remember_names(history: &mut Vec<String>, names: &[String]) {
    history.retain(|h| !names.contains(h));
    history.splice(0..0, names.iter().rev().cloned());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &[u8], names: &[&str]) -> ImageRecord {
        ImageRecord {
            names: names.iter().map(|s| s.to_string()).collect(),
            ..ImageRecord::empty(Digest::of(id))
        }
    }

    #[test]
    fn upsert_moves_names_and_merges() {
        let dir = std::env::temp_dir().join(format!("husk-images-test-{}", std::process::id()));
        let store = Store::open(&dir).unwrap();
        let mut txn = store.images_txn().unwrap();
        txn.upsert(record(b"a", &["r/x:1"]));
        txn.upsert(record(b"b", &["r/x:1", "r/y:1"]));
        txn.upsert(record(b"b", &["r/z:1"]));
        assert_eq!(txn.images[0].names, Vec::<String>::new());
        assert_eq!(txn.images[1].names, vec!["r/x:1", "r/y:1", "r/z:1"]);
        assert_eq!(txn.images[0].names_history, vec!["r/x:1"]);
        assert_eq!(txn.images[1].names_history, vec!["r/z:1", "r/y:1", "r/x:1"]);
        txn.save().unwrap();
        assert_eq!(store.images().unwrap().len(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
