//! Work in progress: temporary files and directories under the store's `tmp/`.
//!
//! Everything husk writes is first built under `tmp/` and renamed into place
//! only when complete and verified, so a half-written blob or layer is never
//! visible under its final name. Each temporary entry `tmp/NAME` is locked for
//! as long as its writer works on it: by a lock file `tmp/NAME.lock`, or, for a
//! directory made locked ([`TempEntry::create_dir`], [`TempEntry::adopt`]), by
//! a flock on the directory itself (one file fewer to make and delete on the
//! path of every `run`). An entry whose lock nobody holds was left by a crash,
//! and [`cleanup_stale`] removes it.

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

/// A name no other entry has: kind, pid, time, a counter.
fn fresh_name(kind: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{kind}-{}-{nanos}-{n}", std::process::id())
}

impl TempEntry {
    /// Reserve a fresh name under `tmp_dir` for an entry of `kind` and lock it.
    /// The entry itself is not created.
    pub fn reserve(tmp_dir: &Path, kind: &str) -> Result<TempEntry> {
        let name = fresh_name(kind);
        let path = tmp_dir.join(&name);
        let lock = Lock::exclusive(&tmp_dir.join(format!("{name}.lock")))?;
        Ok(TempEntry {
            path,
            lock: Some(lock),
        })
    }

    /// A fresh, empty directory under `tmp_dir` for an entry of `kind`, locked
    /// itself. A cleanup that locked it between the mkdir and our flock (it then
    /// removes it) costs another name.
    pub fn create_dir(tmp_dir: &Path, kind: &str) -> Result<TempEntry> {
        loop {
            let path = tmp_dir.join(fresh_name(kind));
            fs::create_dir(&path).with_context(|| format!("creating {}", path.display()))?;
            if let Some(lock) = Lock::try_dir(&path)? {
                return Ok(TempEntry {
                    path,
                    lock: Some(lock),
                });
            }
        }
    }

    /// Move the directory `dir`, whose own lock (`Lock::try_dir`,
    /// `Lock::dir_within`) the caller holds, to a fresh name under `tmp_dir`
    /// for an entry of `kind`: it stays locked there, by that lock. Err with
    /// the lock given back, if the rename fails.
    pub fn adopt(
        tmp_dir: &Path,
        kind: &str,
        dir: &Path,
        lock: Lock,
    ) -> Result<TempEntry, (std::io::Error, Lock)> {
        let path = tmp_dir.join(fresh_name(kind));
        match fs::rename(dir, &path) {
            Ok(()) => Ok(TempEntry {
                path,
                lock: Some(lock),
            }),
            Err(e) => Err((e, lock)),
        }
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

    /// Rename the finished entry to `dest`, which must not exist (an
    /// `AlreadyExists` error if it does: nothing is replaced).
    pub fn persist_new(mut self, dest: &Path) -> std::io::Result<()> {
        rename_noreplace(&self.path, dest)?;
        self.release();
        Ok(())
    }

    fn release(&mut self) {
        if let Some(lock) = self.lock.take() {
            if lock.path() != self.path {
                let _ = fs::remove_file(lock.path());
            }
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
    for entry in entries(tmp_dir)? {
        let Some(lock) = entry.claim(tmp_dir)? else {
            continue;
        };
        let name = entry.name;
        remove_tree(&tmp_dir.join(&name)).with_context(|| format!("removing stale {name}"))?;
        if entry.lock_file {
            fs::remove_file(lock.path()).ok();
        }
        removed.push(name);
    }
    Ok(removed)
}

/// Names of entries under `tmp_dir` whose lock is not held right now.
pub fn stale_entries(tmp_dir: &Path) -> Result<Vec<String>> {
    let mut stale = Vec::new();
    for entry in entries(tmp_dir)? {
        if entry.claim(tmp_dir)?.is_some() {
            stale.push(entry.name);
        }
    }
    Ok(stale)
}

/// An entry of `tmp/` and how it is locked.
struct Entry {
    name: String,
    /// By `NAME.lock` (else: a directory, by itself).
    lock_file: bool,
}

impl Entry {
    /// Its lock, if nobody holds it.
    fn claim(&self, tmp_dir: &Path) -> Result<Option<Lock>> {
        match self.lock_file {
            true => Lock::try_exclusive(&tmp_dir.join(format!("{}.lock", self.name))),
            false => Lock::try_dir(&tmp_dir.join(&self.name)),
        }
    }
}

/// The entries under `tmp_dir`: each name with a `.lock` file, or without one
/// (a lock file left alone counts as its entry), and each directory without one.
fn entries(tmp_dir: &Path) -> Result<Vec<Entry>> {
    let listing = match fs::read_dir(tmp_dir) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(vec![]),
        Err(e) => return Err(e).with_context(|| format!("reading {}", tmp_dir.display())),
    };
    let mut names = std::collections::BTreeMap::new();
    for entry in listing {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        match name.strip_suffix(".lock") {
            Some(base) => {
                names.insert(base.to_string(), true);
            }
            None => {
                let dir = entry.file_type().is_ok_and(|t| t.is_dir());
                names.entry(name).or_insert(!dir);
            }
        }
    }
    Ok(names
        .into_iter()
        .map(|(name, lock_file)| Entry { name, lock_file })
        .collect())
}

/// rename(2) that never replaces `to` (renameat2 RENAME_NOREPLACE).
pub fn rename_noreplace(from: &Path, to: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (from, to) = (c(from)?, c(to)?);
    // SAFETY: renameat2 with two NUL-terminated paths relative to the cwd.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::RENAME_NOREPLACE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("husk-tmp-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_directory_locked_by_itself_is_left_alone_until_its_writer_is_gone() {
        let tmp = scratch("dirlock");
        let entry = TempEntry::create_dir(&tmp, "container").unwrap();
        fs::write(entry.path().join("f"), b"x").unwrap();
        // No lock file: the directory itself is locked.
        assert_eq!(fs::read_dir(&tmp).unwrap().count(), 1);
        assert!(stale_entries(&tmp).unwrap().is_empty());
        assert!(cleanup_stale(&tmp).unwrap().is_empty());
        assert!(entry.path().join("f").exists());
        // A writer that died (its lock gone with it) left one: a cleanup takes it.
        let left = tmp.join("container-1-2-3");
        fs::create_dir_all(left.join("upper")).unwrap();
        assert_eq!(
            cleanup_stale(&tmp).unwrap(),
            vec!["container-1-2-3".to_string()]
        );
        assert!(!left.exists());
        // Persisted: moved, nothing left in tmp/.
        let dest = tmp.with_extension("dest");
        entry.persist(&dest).unwrap();
        assert_eq!(fs::read_dir(&tmp).unwrap().count(), 0);
        assert!(dest.join("f").exists());
        // Adopted with its lock: safe from a cleanup, deleted on drop.
        let lock = Lock::try_dir(&dest).unwrap().unwrap();
        let trash = TempEntry::adopt(&tmp, "delete", &dest, lock).unwrap();
        assert!(!dest.exists());
        assert!(cleanup_stale(&tmp).unwrap().is_empty());
        assert!(trash.path().join("f").exists());
        drop(trash);
        assert_eq!(fs::read_dir(&tmp).unwrap().count(), 0);
        fs::remove_dir_all(&tmp).unwrap();
    }

    #[test]
    fn lock_files_still_guard_their_entries() {
        let tmp = scratch("lockfile");
        let entry = TempEntry::reserve(&tmp, "file").unwrap();
        fs::write(entry.path(), b"x").unwrap();
        assert!(cleanup_stale(&tmp).unwrap().is_empty());
        drop(entry);
        assert_eq!(fs::read_dir(&tmp).unwrap().count(), 0);
        // A file left without its lock file is stale.
        fs::write(tmp.join("file-9-9-9"), b"x").unwrap();
        assert_eq!(cleanup_stale(&tmp).unwrap(), vec!["file-9-9-9".to_string()]);
        assert_eq!(fs::read_dir(&tmp).unwrap().count(), 0);
        fs::remove_dir_all(&tmp).unwrap();
    }
}
