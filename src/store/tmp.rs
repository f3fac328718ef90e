//! Work in progress: temporary files and directories under the store's `tmp/`.
//!
//! Everything husk writes is first built under `tmp/` and renamed into place
//! only when complete and verified, so a half-written blob or layer is never
//! visible under its final name. Each temporary entry `tmp/NAME` has a lock
//! file `tmp/NAME.lock` held for as long as its writer works on it; an entry
//! whose lock nobody holds was left by a crash, and [`cleanup_stale`] removes it.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};

use super::lock::Lock;
use super::remove_tree;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temporary entry being written. Removed on drop unless [`TempEntry::persist`] moved it.
#[derive(Debug)]
pub struct TempEntry {
    path: PathBuf,
    lock: Option<Lock>,
}

impl TempEntry {
    /// Reserve a fresh name under `tmp_dir` for an entry of `kind` and lock it.
    /// The entry itself is not created.
    pub fn reserve(tmp_dir: &Path, kind: &str) -> Result<TempEntry> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!("{kind}-{}-{nanos}-{n}", std::process::id());
        let path = tmp_dir.join(&name);
        let lock = Lock::exclusive(&tmp_dir.join(format!("{name}.lock")))?;
        Ok(TempEntry {
            path,
            lock: Some(lock),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Rename the finished entry to `dest`. Fails if `dest` is a non-empty directory.
    pub fn persist(mut self, dest: &Path) -> std::io::Result<()> {
        fs::rename(&self.path, dest)?;
        self.release();
        Ok(())
    }

    fn release(&mut self) {
        if let Some(lock) = self.lock.take() {
            let _ = fs::remove_file(lock.path());
        }
    }
}

impl Drop for TempEntry {
    fn drop(&mut self) {
        if self.lock.is_some() {
            let _ = remove_tree(&self.path);
            self.release();
        }
    }
}

/// Remove what crashed writers left under `tmp_dir`; returns the names removed.
pub fn cleanup_stale(tmp_dir: &Path) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for name in stale_entries(tmp_dir)? {
        let lock_path = tmp_dir.join(format!("{name}.lock"));
        let Some(lock) = Lock::try_exclusive(&lock_path)? else {
            continue;
        };
        remove_tree(&tmp_dir.join(&name)).with_context(|| format!("removing stale {name}"))?;
        fs::remove_file(lock.path()).ok();
        removed.push(name);
    }
    Ok(removed)
}

/// Names of entries under `tmp_dir` whose lock is not held right now.
pub fn stale_entries(tmp_dir: &Path) -> Result<Vec<String>> {
    let mut names = std::collections::BTreeSet::new();
    let entries = match fs::read_dir(tmp_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(e).with_context(|| format!("reading {}", tmp_dir.display())),
    };
    for entry in entries {
        let name = entry?.file_name().to_string_lossy().into_owned();
        names.insert(
            name.strip_suffix(".lock")
                .map(str::to_string)
                .unwrap_or(name),
        );
    }
    let mut stale = Vec::new();
    for name in names {
        let lock_path = tmp_dir.join(format!("{name}.lock"));
        if Lock::try_exclusive(&lock_path)?.is_some() {
            stale.push(name);
        }
    }
    Ok(stale)
}
