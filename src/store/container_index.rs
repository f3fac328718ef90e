//! `containers/index.json`: a cache of every container's record and stored
//! state, so that a listing (`ps`, the API's container list) of a hundred
//! containers reads one file and stats a hundred directories, instead of
//! opening, reading and parsing two hundred files.
//!
//! Nothing writes to the index but a listing, and nothing has to: an entry
//! is trusted only while its container directory's mtime is the one it was
//! read with, and every change of a container's record or state is a rename
//! into that directory (which sets its mtime). A change within the same tick
//! of the file system's clock would leave the mtime as it was, so an entry
//! whose mtime is not [`SETTLED`] older than the time of its reading is not
//! kept (the racy-clean rule of git's index): a container changed in the
//! last seconds is read from its files each time. The index is written
//! atomically, without fsync: one lost or unreadable is rebuilt, and after a
//! crash a directory whose last rename was lost has its old mtime back, which
//! no newer entry matches.

use std::collections::HashMap;
use std::fs;
use std::io::ErrorKind;
use std::os::fd::{AsFd, OwnedFd};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::containers::{ContainerRecord, ContainerState};
use super::{Durability, Store};

/// How much older than its reading an entry's mtime must be to be kept: more
/// than a tick of any file system's timestamps (a jiffy; a second on some).
const SETTLED: Duration = Duration::from_secs(2);

/// The file's name in containers/ (not a container id, which is 64 hex digits).
const FILE: &str = "index.json";

#[derive(Serialize, Deserialize, Default)]
struct Index {
    entries: Vec<Entry>,
}

/// [`Index`], as written: borrowing the entries.
#[derive(Serialize)]
struct IndexRef<'a> {
    entries: Vec<&'a Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    id: String,
    /// The container directory's mtime when the record and state were read.
    mtime: (i64, i64),
    record: ContainerRecord,
    state: ContainerState,
}

/// Every container's record and its state as stored. A container removed
/// meanwhile, or whose files are unreadable, is left out.
pub fn records_and_states(store: &Store) -> Result<Vec<(ContainerRecord, ContainerState)>> {
    let Some(mut dir) = RecordDir::open(store)? else {
        return Ok(Vec::new());
    };
    let cached = read_index(&store.containers_dir().join(FILE));
    let mut cached: HashMap<String, Entry> = cached
        .entries
        .into_iter()
        .map(|e| (e.id.clone(), e))
        .collect();
    let before = cached.len();
    // Taken before any directory is looked at: an mtime older than this by
    // SETTLED cannot be given again to a later change.
    let now = coarse_now();
    let mut entries = Vec::new();
    let mut reused = 0;
    for id in store.container_ids()? {
        let Some(mtime) = dir.mtime(&id) else {
            continue; // removed meanwhile
        };
        match cached.remove(&id) {
            Some(e) if e.mtime == mtime => {
                reused += 1;
                entries.push(e);
            }
            _ => {
                // The state first: missing, with the record there after it, is
                // a container never started (a removal takes both at once).
                let Ok(state) = dir.state(&id) else { continue };
                let Some(record) = dir.record(&id) else {
                    continue;
                };
                entries.push(Entry {
                    id,
                    mtime,
                    record,
                    state,
                });
            }
        }
    }
    let kept: Vec<&Entry> = entries.iter().filter(|e| settled(e.mtime, now)).collect();
    // Rewritten when it no longer holds exactly what it would be rebuilt as
    // (reused entries were settled already, and stay so).
    if kept.len() != reused || reused != before {
        if let Ok(bytes) = serde_json::to_vec(&IndexRef { entries: kept }) {
            // A store this user cannot write (read-only media) is listed all the same.
            let dest = store.containers_dir().join(FILE);
            let _ = store.write_atomic_as(&dest, &bytes, Durability::Process);
        }
    }
    Ok(entries.into_iter().map(|e| (e.record, e.state)).collect())
}

/// Every container record (unreadable ones are skipped), read from their files.
pub fn records(store: &Store) -> Result<Vec<ContainerRecord>> {
    let Some(mut dir) = RecordDir::open(store)? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for id in store.container_ids()? {
        if let Some(record) = dir.record(&id) {
            out.push(record);
        }
    }
    Ok(out)
}

fn read_index(path: &Path) -> Index {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_default(),
        Err(_) => Index::default(),
    }
}

/// The time as file systems stamp files (their clock is the coarse one).
fn coarse_now() -> (i64, i64) {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME_COARSE, &mut t) };
    (t.tv_sec, t.tv_nsec)
}

fn settled(mtime: (i64, i64), now: (i64, i64)) -> bool {
    let as_nanos = |(s, ns): (i64, i64)| i128::from(s) * 1_000_000_000 + i128::from(ns);
    as_nanos(mtime) + SETTLED.as_nanos() as i128 <= as_nanos(now)
}

/// containers/, open, for reading many containers' files: each one opened
/// relative to it and read into one buffer, with no stat of its own.
struct RecordDir {
    dir: OwnedFd,
    buf: Vec<u8>,
}

impl RecordDir {
    /// None if there is no containers/ yet.
    fn open(store: &Store) -> Result<Option<RecordDir>> {
        match fs::File::open(store.containers_dir()) {
            Ok(dir) => Ok(Some(RecordDir {
                dir: dir.into(),
                buf: Vec::with_capacity(16 << 10),
            })),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).context("reading containers/"),
        }
    }

    /// The mtime of the container's directory; None if it is gone.
    fn mtime(&self, id: &str) -> Option<(i64, i64)> {
        let st = crate::fsat::stat_at(self.dir.as_fd(), id.as_ref()).ok()?;
        Some((st.st_mtime, st.st_mtime_nsec))
    }

    /// `<id>/<name>` into the buffer: false if there is no such file.
    fn read(&mut self, id: &str, name: &str) -> std::io::Result<bool> {
        use std::io::Read;
        self.buf.clear();
        let path = Path::new(id).join(name);
        let fd = match crate::fsat::open_at(self.dir.as_fd(), path.as_os_str(), libc::O_RDONLY, 0) {
            Ok(fd) => fd,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(false),
            Err(e) => return Err(e),
        };
        let mut file = fs::File::from(fd);
        loop {
            if self.buf.len() == self.buf.capacity() {
                self.buf.reserve(16 << 10);
            }
            let len = self.buf.len();
            self.buf.resize(self.buf.capacity(), 0);
            let got = file.read(&mut self.buf[len..]);
            self.buf.truncate(len + got.as_ref().map_or(0, |n| *n));
            match got {
                Ok(0) => return Ok(true),
                Ok(_) => {}
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    fn record(&mut self, id: &str) -> Option<ContainerRecord> {
        match self.read(id, "container.json") {
            Ok(true) => serde_json::from_slice(&self.buf).ok(),
            _ => None,
        }
    }

    /// The stored state; the default where there is none yet (or an empty
    /// one, written without fsync just before a power loss).
    fn state(&mut self, id: &str) -> Result<ContainerState> {
        if !self.read(id, "state.json")? || self.buf.is_empty() {
            return Ok(ContainerState::default());
        }
        Ok(serde_json::from_slice(&self.buf)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_kept_only_once_its_mtime_has_settled() {
        let now = (1_000, 500_000_000);
        assert!(settled((998, 500_000_000), now));
        assert!(settled((990, 0), now));
        assert!(!settled((998, 500_000_001), now));
        assert!(!settled((1_000, 0), now));
        assert!(!settled((1_001, 0), now), "a clock set back");
    }
}
