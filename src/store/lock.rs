//! `flock(2)` locks on files in the store's `locks/` and `tmp/` directories.
//!
//! A lock is released when its [`Lock`] is dropped or the process dies, so a
//! crash or `kill -9` never leaves a stale lock behind.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use nix::errno::Errno;
use nix::fcntl::{Flock, FlockArg};

/// A held lock.
#[derive(Debug)]
pub struct Lock {
    _flock: Flock<File>,
    path: PathBuf,
}

impl Lock {
    /// Wait for an exclusive lock on `path`, creating the file if needed.
    pub fn exclusive(path: &Path) -> Result<Lock> {
        Self::take(path, FlockArg::LockExclusive)?
            .with_context(|| format!("lock {}", path.display()))
    }

    /// Wait for a shared lock on `path`, creating the file if needed.
    pub fn shared(path: &Path) -> Result<Lock> {
        Self::take(path, FlockArg::LockShared)?.with_context(|| format!("lock {}", path.display()))
    }

    /// An exclusive lock if nobody holds one, else `None`.
    pub fn try_exclusive(path: &Path) -> Result<Option<Lock>> {
        Self::take(path, FlockArg::LockExclusiveNonblock)
    }

    /// Lock `path`; retries when the file was replaced or removed while we
    /// waited (someone cleaned it up), so the lock held is always on the file
    /// that the path names.
    fn take(path: &Path, how: FlockArg) -> Result<Option<Lock>> {
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .with_context(|| format!("opening lock file {}", path.display()))?;
            let flock = match Flock::lock(file, how) {
                Ok(f) => f,
                Err((_, Errno::EWOULDBLOCK)) => return Ok(None),
                Err((_, e)) => return Err(e).with_context(|| format!("flock {}", path.display())),
            };
            let held = flock.metadata().context("fstat lock")?;
            match std::fs::metadata(path) {
                Ok(now) if now.ino() == held.ino() && now.dev() == held.dev() => {
                    return Ok(Some(Lock {
                        _flock: flock,
                        path: path.to_path_buf(),
                    }));
                }
                Ok(_) => continue,
                Err(e) if e.kind() == ErrorKind::NotFound => continue,
                Err(e) => return Err(e).with_context(|| format!("stat {}", path.display())),
            }
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
