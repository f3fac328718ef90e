//! `flock(2)` locks on files in the store's `locks/` and `tmp/` directories.
//!
//! A lock is released when its [`Lock`] is dropped or the process dies, so a
//! crash or `kill -9` never leaves a stale lock behind.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use std::os::unix::fs::FileExt;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
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

    /// An exclusive lock within `timeout`; the holder (pid and command line) is written
    /// into the lock file, so that a timeout can name who held it.
    pub fn exclusive_within(path: &Path, timeout: Duration) -> Result<Lock> {
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(1);
        loop {
            if let Some(lock) = Self::take(path, FlockArg::LockExclusiveNonblock)? {
                lock.write_holder();
                return Ok(lock);
            }
            if Instant::now() >= deadline {
                let holder = std::fs::read_to_string(path).unwrap_or_default();
                let holder = holder.trim();
                bail!(
                    "timed out after {}s waiting for {}: held by {}",
                    timeout.as_secs(),
                    path.display(),
                    if holder.is_empty() {
                        "an unknown process"
                    } else {
                        holder
                    }
                );
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        }
    }

    /// "pid 123 (husk stop web)" into the lock file, for [`Lock::exclusive_within`]'s message.
    fn write_holder(&self) {
        let args: Vec<String> = std::env::args_os()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let text = crate::error::bounded(&format!(
            "pid {} ({})\n",
            std::process::id(),
            args.join(" ")
        ));
        let f: &File = &self._flock;
        let _ = f.set_len(0);
        let _ = f.write_all_at(text.as_bytes(), 0);
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_names_the_holder() {
        let dir = std::env::temp_dir().join(format!("husk-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.lock");
        let held = Lock::exclusive_within(&path, Duration::from_secs(1)).unwrap();
        // Another open file description of the same file: flock conflicts even in one process.
        let err = Lock::exclusive_within(&path, Duration::from_millis(50)).unwrap_err();
        let msg = format!("{err:#}");
        assert!(
            msg.contains(&format!("held by pid {}", std::process::id())),
            "{msg}"
        );
        drop(held);
        Lock::exclusive_within(&path, Duration::from_millis(50)).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
