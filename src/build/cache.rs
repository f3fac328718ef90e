//! The build cache: what each step made, by the step's key (its parent's key,
//! the instruction as it ran, and for COPY/ADD the content of its sources).
//! `build-cache/steps/<key>.json` in the store: the layer (if the step made
//! one) and when it was made, so a fully cached rebuild gives the same image.
//! An entry whose layer was collected is a miss; `image prune` and
//! `system prune` remove entries, never while a build holds the gc lock.

use std::path::PathBuf;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use crate::digest::Digest;
use crate::store::Store;

/// What a step made.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Entry {
    pub layer: Option<Digest>,
    /// The step's history time (RFC 3339).
    pub created: String,
    /// When the step really ran (Unix seconds; `created` may be `--timestamp`'s).
    #[serde(default)]
    pub made: Option<u64>,
}

/// The cache of one store.
pub struct Cache<'a> {
    store: &'a Store,
    /// `--no-cache`: nothing is looked up (results are still recorded).
    pub lookup: bool,
    /// `--cache-ttl`: entries made longer ago than this are misses.
    ttl: Option<std::time::Duration>,
}

impl<'a> Cache<'a> {
    pub fn new(store: &'a Store, lookup: bool) -> Cache<'a> {
        Cache {
            store,
            lookup,
            ttl: None,
        }
    }

    pub fn with_ttl(self, ttl: Option<std::time::Duration>) -> Cache<'a> {
        Cache { ttl, ..self }
    }

    /// Whether `entry` is older than `--cache-ttl` (one without a time is).
    fn expired(&self, entry: &Entry) -> bool {
        let Some(ttl) = self.ttl else {
            return false;
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        entry
            .made
            .is_none_or(|made| now.saturating_sub(made) > ttl.as_secs())
    }

    fn path(&self, key: &Digest) -> PathBuf {
        steps_dir(self.store).join(format!("{}.json", key.hex()))
    }

    /// The entry of `key`, if there is a usable one.
    pub fn get(&self, key: &Digest) -> Option<Entry> {
        if !self.lookup {
            return None;
        }
        let bytes = std::fs::read(self.path(key)).ok()?;
        let entry: Entry = serde_json::from_slice(&bytes).ok()?;
        if self.expired(&entry) {
            return None;
        }
        match &entry.layer {
            Some(l) if !self.store.has_layer(l) => None,
            _ => Some(entry),
        }
    }

    pub fn put(&self, key: &Digest, entry: &Entry) -> Result<()> {
        std::fs::create_dir_all(steps_dir(self.store))?;
        self.store
            .write_atomic(&self.path(key), &serde_json::to_vec(entry)?)
    }
}

fn steps_dir(store: &Store) -> PathBuf {
    store.root().join("build-cache/steps")
}

/// Where `RUN --mount=type=cache` directories live (they survive builds).
pub fn mounts_dir(store: &Store) -> PathBuf {
    store.root().join("build-cache/mounts")
}

/// The key of a step: its parent's key and what the step is.
pub fn key(parent: &Digest, step: &str) -> Digest {
    Digest::of(format!("{parent}\n{step}").as_bytes())
}

/// Remove the step entries (`all`: the cache mounts too); the number removed.
pub fn prune(store: &Store, all: bool) -> Result<usize> {
    // Not while a build runs (it holds the gc lock shared).
    let _gc = crate::store::lock::Lock::exclusive(&store.locks_dir().join("gc.lock"))?;
    let mut n = 0;
    if let Ok(entries) = std::fs::read_dir(steps_dir(store)) {
        for e in entries.flatten() {
            let stale = all || {
                let cache = Cache::new(store, true);
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".json")
                    .and_then(|h| Digest::from_hex(h).ok())
                    .is_none_or(|k| cache.get(&k).is_none())
            };
            if stale && std::fs::remove_file(e.path()).is_ok() {
                n += 1;
            }
        }
    }
    if all {
        remove_mounts(store)?;
    }
    Ok(n)
}

/// Remove the `RUN --mount=type=cache` directories (`image prune --build-cache`).
pub fn prune_mounts(store: &Store) -> Result<()> {
    let _gc = crate::store::lock::Lock::exclusive(&store.locks_dir().join("gc.lock"))?;
    remove_mounts(store)
}

fn remove_mounts(store: &Store) -> Result<()> {
    let dir = mounts_dir(store);
    if dir.exists() {
        crate::store::remove_tree(&dir)?;
    }
    Ok(())
}
