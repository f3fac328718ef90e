//! `flock(2)` locks on files in the store's `locks/` and `tmp/` directories.
//!
//! A lock is released when its [`Lock`] is dropped or the process dies, so a
//! crash or `kill -9` never leaves a stale lock behind.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

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
            match Self::hold(file, path, how)? {
                Held::Yes(lock) => return Ok(Some(lock)),
                Held::Busy => return Ok(None),
                Held::Moved => continue,
            }
        }
    }

    /// Lock the directory `path` itself, if nobody holds it: None when someone
    /// does, or when it is gone or was replaced (no lock file: the directory is
    /// what is locked, and its lock goes with it where it is renamed).
    pub fn try_dir(path: &Path) -> Result<Option<Lock>> {
        match Self::open_dir(path)? {
            None => Ok(None),
            Some(dir) => match Self::hold(dir, path, FlockArg::LockExclusiveNonblock)? {
                Held::Yes(lock) => Ok(Some(lock)),
                Held::Busy | Held::Moved => Ok(None),
            },
        }
    }

    /// An exclusive lock on the directory `path` itself within `timeout` (see
    /// [`Lock::exclusive_within`]); an error if it does not exist.
    pub fn dir_within(path: &Path, timeout: Duration) -> Result<Lock> {
        Self::within(path, timeout, || loop {
            let Some(dir) = Self::open_dir(path)? else {
                bail!("{} does not exist", path.display());
            };
            match Self::hold(dir, path, FlockArg::LockExclusiveNonblock)? {
                Held::Yes(lock) => return Ok(Some(lock)),
                Held::Busy => return Ok(None),
                Held::Moved => continue,
            }
        })
    }

    fn open_dir(path: &Path) -> Result<Option<File>> {
        use std::os::unix::fs::OpenOptionsExt;
        match OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_DIRECTORY)
            .open(path)
        {
            Ok(f) => Ok(Some(f)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("opening {}", path.display())),
        }
    }

    /// flock `file`, opened from `path`, and check that `path` still names it.
    fn hold(file: File, path: &Path, how: FlockArg) -> Result<Held> {
        let flock = match Flock::lock(file, how) {
            Ok(f) => f,
            Err((_, Errno::EWOULDBLOCK)) => return Ok(Held::Busy),
            Err((_, e)) => return Err(e).with_context(|| format!("flock {}", path.display())),
        };
        let held = flock.metadata().context("fstat lock")?;
        match std::fs::metadata(path) {
            Ok(now) if now.ino() == held.ino() && now.dev() == held.dev() => Ok(Held::Yes(Lock {
                _flock: flock,
                path: path.to_path_buf(),
            })),
            Ok(_) => Ok(Held::Moved),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(Held::Moved),
            Err(e) => Err(e).with_context(|| format!("stat {}", path.display())),
        }
    }

    /// An exclusive lock within `timeout`; a timeout names who held it (from
    /// /proc/locks: nothing is written into the lock file, so taking it costs no write).
    pub fn exclusive_within(path: &Path, timeout: Duration) -> Result<Lock> {
        Self::within(path, timeout, || {
            Self::take(path, FlockArg::LockExclusiveNonblock)
        })
    }

    /// Retry `attempt` (a non-blocking lock of `path`) until it gets the lock or `timeout` passes.
    fn within(
        path: &Path,
        timeout: Duration,
        mut attempt: impl FnMut() -> Result<Option<Lock>>,
    ) -> Result<Lock> {
        let deadline = Instant::now() + timeout;
        let mut pause = Duration::from_millis(1);
        loop {
            if let Some(lock) = attempt()? {
                return Ok(lock);
            }
            if Instant::now() >= deadline {
                bail!(
                    "timed out after {}s waiting for {}: held by {}",
                    timeout.as_secs(),
                    path.display(),
                    holder(path).unwrap_or_else(|| "an unknown process".into())
                );
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        }
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// What [`Lock::hold`] got.
enum Held {
    Yes(Lock),
    /// Someone else holds it.
    Busy,
    /// The path names another file now, or nothing.
    Moved,
}

/// "pid 123 (husk stop web)": the process /proc/locks says holds a flock on `path`.
fn holder(path: &Path) -> Option<String> {
    let st = std::fs::metadata(path).ok()?;
    let locks = std::fs::read_to_string("/proc/locks").unwrap_or_default();
    let pid = flock_holder(&locks, st.dev(), st.ino()).or_else(|| fd_holder(&st))?;
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let args: Vec<String> = cmdline
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .map(|a| String::from_utf8_lossy(a).into_owned())
        .collect();
    Some(crate::error::bounded(&format!(
        "pid {pid} ({})",
        args.join(" ")
    )))
}

/// The pid of a process with a descriptor of the file `st` that holds a
/// flock on it (its fdinfo has a `lock:` line). /proc/locks names inodes as the
/// kernel numbers them, which on some filesystems (overlayfs directories with
/// xino, say) differs from what stat(2) reports; the descriptors' own stat does not.
fn fd_holder(st: &std::fs::Metadata) -> Option<u32> {
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|proc_entry| {
            let pid: u32 = proc_entry.file_name().to_str()?.parse().ok()?;
            let fds = std::fs::read_dir(proc_entry.path().join("fd")).ok()?;
            fds.flatten().find_map(|fd| {
                let target = std::fs::metadata(fd.path()).ok()?;
                if target.dev() != st.dev() || target.ino() != st.ino() {
                    return None;
                }
                let info =
                    std::fs::read_to_string(proc_entry.path().join("fdinfo").join(fd.file_name()))
                        .ok()?;
                info.lines()
                    .any(|l| l.starts_with("lock:") && l.contains("FLOCK"))
                    .then_some(pid)
            })
        })
}

/// The pid of a FLOCK line of `/proc/locks` on inode `ino` of device `dev`
/// ("1: FLOCK  ADVISORY  WRITE 123 fd:00:4567 0 EOF": major and minor in hex).
fn flock_holder(locks: &str, dev: u64, ino: u64) -> Option<u32> {
    let want = format!(
        "{:02x}:{:02x}:{ino}",
        nix::sys::stat::major(dev),
        nix::sys::stat::minor(dev)
    );
    locks.lines().find_map(|line| {
        // Fields after "N:": kind, ADVISORY, mode, pid, dev:ino; a waiter's line has "->" first.
        let f: Vec<&str> = line.split_whitespace().skip(1).collect();
        match f.as_slice() {
            ["FLOCK", _, _, pid, at, ..] if *at == want => pid.parse().ok(),
            _ => None,
        }
    })
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

    #[test]
    fn a_directory_is_its_own_lock() {
        let dir = std::env::temp_dir().join(format!("husk-dirlock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let held = Lock::dir_within(&dir, Duration::from_secs(1)).unwrap();
        assert!(Lock::try_dir(&dir).unwrap().is_none());
        let err = Lock::dir_within(&dir, Duration::from_millis(50)).unwrap_err();
        assert!(
            format!("{err:#}").contains(&format!("held by pid {}", std::process::id())),
            "{err:#}"
        );
        // Renamed away with its lock: the path no longer names a locked directory.
        let moved = dir.with_extension("moved");
        std::fs::rename(&dir, &moved).unwrap();
        let err = Lock::dir_within(&dir, Duration::from_millis(50)).unwrap_err();
        assert!(format!("{err:#}").contains("does not exist"), "{err:#}");
        drop(held);
        assert!(Lock::try_dir(&moved).unwrap().is_some());
        std::fs::remove_dir_all(&moved).unwrap();
    }

    #[test]
    fn the_holder_is_read_from_proc_locks() {
        let locks = "1: FLOCK  ADVISORY  WRITE 4242 fd:01:77 0 EOF\n\
                     1: -> FLOCK  ADVISORY  WRITE 99 fd:01:78 0 EOF\n\
                     2: POSIX  ADVISORY  WRITE 17 fd:01:78 0 EOF\n\
                     3: FLOCK  ADVISORY  WRITE 5151 fd:01:78 0 EOF\n";
        let dev = nix::sys::stat::makedev(0xfd, 1);
        assert_eq!(flock_holder(locks, dev, 77), Some(4242));
        // Not the waiter, not a POSIX lock: the flock holder.
        assert_eq!(flock_holder(locks, dev, 78), Some(5151));
        assert_eq!(flock_holder(locks, dev, 79), None);
        // Found by the descriptor when /proc/locks does not name the inode as stat does.
        let dir = std::env::temp_dir().join(format!("husk-fdlock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let held = Lock::dir_within(&dir, Duration::from_secs(1)).unwrap();
        let st = std::fs::metadata(&dir).unwrap();
        assert_eq!(fd_holder(&st), Some(std::process::id()));
        drop(held);
        assert_eq!(fd_holder(&st), None);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            flock_holder(locks, nix::sys::stat::makedev(0xfd, 2), 77),
            None
        );
    }
}
