//! `blobs/sha256/<hex>`: manifests, indexes and configs, verified before they are stored.

use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::Store;
use crate::digest::Digest;

impl Store {
    pub fn blobs_dir(&self) -> PathBuf {
        self.root.join("blobs/sha256")
    }

    pub fn blob_path(&self, digest: &Digest) -> PathBuf {
        self.blobs_dir().join(digest.hex())
    }

    /// Store `bytes` as the blob `digest`, after checking that they hash to it.
    pub fn put_blob(&self, digest: &Digest, bytes: &[u8]) -> Result<()> {
        let actual = Digest::of(bytes);
        if &actual != digest {
            bail!("content of {digest} hashes to {actual}: refusing to store it");
        }
        let dest = self.blob_path(digest);
        if dest.exists() {
            return Ok(());
        }
        self.write_atomic(&dest, bytes)
    }

    /// The bytes of blob `digest`.
    pub fn get_blob(&self, digest: &Digest) -> Result<Vec<u8>> {
        let path = self.blob_path(digest);
        match fs::read(&path) {
            Ok(bytes) => Ok(bytes),
            Err(e) if e.kind() == ErrorKind::NotFound => {
                bail!("blob {digest} is missing from the store: pull the image again")
            }
            Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
        }
    }

    /// Digests of every stored blob (entries with invalid names are skipped).
    pub fn list_blobs(&self) -> Result<Vec<Digest>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(self.blobs_dir()).context("reading blobs/")? {
            if let Ok(d) = Digest::from_hex(&entry?.file_name().to_string_lossy()) {
                out.push(d);
            }
        }
        Ok(out)
    }
}
