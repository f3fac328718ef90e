//! `logs`: a container's log entries as the CLI and (later) the API socket
//! give them: within a time window, the last N lines, and with `follow`, what
//! the log gains until the container is no longer running (across a rotation).

use std::io::{BufReader, Seek};
use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context, Result};

use super::state;
use crate::monitor::log::{self, Entry};
use crate::store::Store;

/// Which entries, and whether to wait for more.
#[derive(Debug, Clone, Default)]
pub struct LogQuery {
    pub since: Option<SystemTime>,
    pub until: Option<SystemTime>,
    /// The last this many lines (a partial line counts with the line it ends).
    pub tail: Option<usize>,
    pub follow: bool,
}

impl LogQuery {
    fn wants(&self, e: &Entry) -> bool {
        let t = e.system_time();
        self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t <= u)
    }
}

/// Give `sink` the entries of container `id`'s log that `query` asks for, in order.
pub fn read(
    store: &Store,
    id: &str,
    query: &LogQuery,
    sink: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    let record = store.container_record(id)?;
    let journald = record.log_driver == log::Driver::Journald;
    if record.log_driver != log::Driver::K8sFile && !journald {
        bail!(
            "container {} has no log: it was created with --log-driver {}",
            record.name,
            record.log_driver.name()
        );
    }
    let path = log::path(&store.container_dir(id));
    let (all, cursor) = match journald {
        true => crate::monitor::journal::read(id, None)?,
        false => (log::read_all(&path)?, None),
    };
    let entries: Vec<Entry> = all.into_iter().filter(|e| query.wants(e)).collect();
    let shown = match query.tail {
        Some(n) => tail(&entries, n),
        None => &entries,
    };
    for e in shown {
        sink(e)?;
    }
    if query.follow && journald {
        follow_journal(store, id, cursor, query, sink)?;
    } else if query.follow {
        follow(store, id, &path, query, sink)?;
    }
    Ok(())
}

/// Several containers' logs: what `query` asks of each so far, merged by
/// time; then, with `follow`, what each one logs until it stops (each on a
/// thread of its own). `sink` gets the index in `ids` with each entry.
pub fn read_many(
    store: &Store,
    ids: &[String],
    query: &LogQuery,
    sink: &(dyn Fn(usize, &Entry) -> Result<()> + Sync),
) -> Result<()> {
    let past = LogQuery {
        follow: false,
        ..query.clone()
    };
    let mut all = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        read(store, id, &past, &mut |e| {
            all.push((i, e.clone()));
            Ok(())
        })?;
    }
    all.sort_by_key(|(_, e)| e.system_time());
    for (i, e) in &all {
        sink(*i, e)?;
    }
    if !query.follow {
        return Ok(());
    }
    let new_only = LogQuery {
        tail: Some(0),
        since: None,
        ..query.clone()
    };
    std::thread::scope(|s| -> Result<()> {
        let handles: Vec<_> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let q = &new_only;
                s.spawn(move || read(store, id, q, &mut |e| sink(i, e)))
            })
            .collect();
        for h in handles {
            h.join()
                .map_err(|_| anyhow::anyhow!("a log follower failed"))??;
        }
        Ok(())
    })
}

/// `--log-driver journald`: what the journal gains until the container is no
/// longer running (asked again from the last entry's cursor).
fn follow_journal(
    store: &Store,
    id: &str,
    mut cursor: Option<String>,
    query: &LogQuery,
    sink: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    let mut ending = false;
    loop {
        let active = state::is_active(&state::current(store, id)?);
        if !active && !ending {
            // journald stores what it is sent a moment later: its last lines too.
            ending = true;
            std::thread::sleep(Duration::from_millis(200));
        }
        let (entries, next) = crate::monitor::journal::read(id, cursor.as_deref())?;
        cursor = next;
        for e in entries.iter().filter(|e| query.wants(e)) {
            sink(e)?;
        }
        if !active {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The entries of the last `n` lines.
fn tail(entries: &[Entry], n: usize) -> &[Entry] {
    let mut lines = 0;
    for (i, e) in entries.iter().enumerate().rev() {
        if e.full {
            lines += 1;
            if lines > n {
                return &entries[i + 1..];
            }
        }
    }
    entries
}

/// What the log gains until the container is no longer running.
fn follow(
    store: &Store,
    id: &str,
    path: &Path,
    query: &LogQuery,
    sink: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let open = || -> Result<(BufReader<std::fs::File>, u64)> {
        let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let ino = f.metadata()?.ino();
        Ok((BufReader::new(f), ino))
    };
    let (mut reader, mut ino) = open()?;
    reader.seek(std::io::SeekFrom::End(0))?;
    loop {
        // Read what is there before looking at the state: output written just before the exit is kept.
        let active = state::is_active(&state::current(store, id)?);
        for e in log::read_from(&mut reader)? {
            if query.wants(&e) {
                sink(&e)?;
            }
        }
        match std::fs::metadata(path) {
            Ok(m) if m.ino() != ino => {
                (reader, ino) = open()?; // rotated: the new file from its start
                continue;
            }
            _ => {}
        }
        if !active {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
