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

/// An entry is its container's by its record's id (an index written before
/// 2026-12-04 has an `id` of the entry too, ignored). The record is boxed: it
/// moves from the file's list to the listing, and is sorted there, as a
/// pointer, not as the near 1.5 KiB it is.
#[derive(Serialize, Deserialize)]
struct Entry {
    /// The container directory's mtime when the record and state were read.
    mtime: (i64, i64),
    record: Box<ContainerRecord>,
    state: ContainerState,
}

/// Every container's record and its state as stored. A container removed
/// meanwhile, or whose files are unreadable, is left out.
pub fn records_and_states(store: &Store) -> Result<Vec<(Box<ContainerRecord>, ContainerState)>> {
    let Some(dir) = RecordDir::open(store)? else {
        return Ok(Vec::new());
    };
    let mut cached = Cached::new(read_index(&store.containers_dir().join(FILE)).entries);
    // Taken before any directory is looked at: an mtime older than this by
    // SETTLED cannot be given again to a later change.
    let now = coarse_now();
    let mut entries = Vec::new();
    let mut reused = 0;
    for id in store.container_ids()? {
        let Some(mtime) = dir.mtime(&id) else {
            continue; // removed meanwhile
        };
        match cached.take(&id) {
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
                    mtime,
                    record: Box::new(record),
                    state,
                });
            }
        }
    }
    let kept: Vec<&Entry> = entries.iter().filter(|e| settled(e.mtime, now)).collect();
    // Rewritten when it no longer holds exactly what it would be rebuilt as
    // (reused entries were settled already, and stay so).
    if kept.len() != reused || reused != cached.len {
        if let Ok(bytes) = serde_json::to_vec(&IndexRef { entries: kept }) {
            // A store this user cannot write (read-only media) is listed all the same.
            let dest = store.containers_dir().join(FILE);
            let _ = store.write_atomic_as(&dest, &bytes, Durability::Process);
        }
    }
    Ok(entries.into_iter().map(|e| (e.record, e.state)).collect())
}

/// The index's entries, taken by container id. The index lists them in the
/// order the directory gave the ids when it was written, which is the order
/// it gives them again while no container comes or goes: the entry after the
/// last one taken is tried first, and a map of the rest is made only when it
/// is not the one asked for (after a creation or a removal, or in an index
/// of another order).
struct Cached {
    entries: Vec<Option<Entry>>,
    /// How many entries the index held.
    len: usize,
    next: usize,
    by_id: Option<HashMap<String, usize>>,
}

impl Cached {
    fn new(entries: Vec<Entry>) -> Cached {
        Cached {
            len: entries.len(),
            entries: entries.into_iter().map(Some).collect(),
            next: 0,
            by_id: None,
        }
    }

    fn take(&mut self, id: &str) -> Option<Entry> {
        let in_turn = self.entries.get(self.next).and_then(Option::as_ref);
        let at = match in_turn.is_some_and(|e| e.record.id == id) {
            true => self.next,
            false => {
                let entries = &self.entries;
                let by_id = self.by_id.get_or_insert_with(|| {
                    let ids = entries.iter().enumerate();
                    ids.filter_map(|(i, e)| Some((e.as_ref()?.record.id.clone(), i)))
                        .collect()
                });
                *by_id.get(id)?
            }
        };
        self.next = at + 1;
        self.entries[at].take()
    }
}

/// Every container record (unreadable ones are skipped), read from their files.
pub fn records(store: &Store) -> Result<Vec<ContainerRecord>> {
    let Some(dir) = RecordDir::open(store)? else {
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
        // UTF-8 checked once for the whole file, not string by string as
        // from_slice does (a tenth of a listing's parse).
        Ok(bytes) => std::str::from_utf8(&bytes)
            .ok()
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default(),
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
/// relative to it (`fsat::read_regular`: a regular file, its size bounded).
struct RecordDir {
    dir: OwnedFd,
}

/// The most a record or state file may hold (they are a few KiB).
const MAX_FILE: u64 = 16 << 20;

impl RecordDir {
    /// None if there is no containers/ yet.
    fn open(store: &Store) -> Result<Option<RecordDir>> {
        match fs::File::open(store.containers_dir()) {
            Ok(dir) => Ok(Some(RecordDir { dir: dir.into() })),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).context("reading containers/"),
        }
    }

    /// The mtime of the container's directory; None if it is gone.
    fn mtime(&self, id: &str) -> Option<(i64, i64)> {
        let st = crate::fsat::stat_at(self.dir.as_fd(), id.as_ref()).ok()?;
        Some((st.st_mtime, st.st_mtime_nsec))
    }

    /// The bytes of `<id>/<name>`; None if there is no such file.
    fn read(&self, id: &str, name: &str) -> Result<Option<Vec<u8>>> {
        let path = Path::new(id).join(name);
        let flags = libc::O_RDONLY | libc::O_NONBLOCK;
        match crate::fsat::open_at(self.dir.as_fd(), path.as_os_str(), flags, 0) {
            Ok(fd) => crate::fsat::read_regular(fd, MAX_FILE).map(Some),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn record(&self, id: &str) -> Option<ContainerRecord> {
        let bytes = self.read(id, "container.json").ok()??;
        serde_json::from_slice(&bytes).ok()
    }

    /// The stored state; the default where there is none yet (or an empty
    /// one, written without fsync just before a power loss).
    fn state(&self, id: &str) -> Result<ContainerState> {
        match self.read(id, "state.json")? {
            Some(bytes) if !bytes.is_empty() => Ok(serde_json::from_slice(&bytes)?),
            _ => Ok(ContainerState::default()),
        }
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

    fn entry(id: &str) -> Entry {
        let record = serde_json::json!({
            "id": id, "name": id, "image": format!("sha256:{}", "0".repeat(64)),
            "image_name": "busybox", "layers": [], "command": [], "created": "",
        });
        Entry {
            mtime: (0, 0),
            record: serde_json::from_value(record).unwrap(),
            state: ContainerState::default(),
        }
    }

    #[test]
    fn entries_are_taken_in_turn_or_by_id_each_once() {
        let mut cached = Cached::new(["a", "b", "c", "d", "b"].map(entry).into());
        let taken = |c: &mut Cached, id: &str| c.take(id).map(|e| e.record.id);
        assert_eq!(taken(&mut cached, "a").as_deref(), Some("a"));
        assert!(
            cached.by_id.is_none(),
            "the next one is taken without a map"
        );
        assert_eq!(taken(&mut cached, "new"), None, "not in the index");
        assert_eq!(taken(&mut cached, "c").as_deref(), Some("c"), "b removed");
        assert_eq!(taken(&mut cached, "d").as_deref(), Some("d"));
        assert_eq!(taken(&mut cached, "b").as_deref(), Some("b"), "out of turn");
        assert_eq!(taken(&mut cached, "b"), None, "an id twice is taken once");
        assert_eq!(taken(&mut cached, "a"), None);
        assert_eq!(cached.len, 5);
    }
}
