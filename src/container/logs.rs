//! `logs`: a container's log entries as the CLI and (later) the API socket
//! give them: within a time window, the last N lines, and with `follow`, what
//! the log gains until the container is no longer running (across a rotation).

use std::io::BufReader;
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
    /// Set by whoever follows for someone who may go (an API client): the
    /// following ends at its next look.
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl LogQuery {
    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
    }

    fn wants(&self, e: &Entry) -> bool {
        let t = e.system_time();
        self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t <= u)
    }
}

/// Entries as `logs` shows them: at each line's start the container's
/// prefix (logs of several) and the time (`--timestamps`).
pub struct LineFormat {
    timestamps: bool,
    prefix: Option<String>,
    /// Per stream: whether the next entry begins a line.
    at_line_start: [bool; 2],
}

impl LineFormat {
    pub fn new(timestamps: bool, prefix: Option<String>) -> LineFormat {
        LineFormat {
            timestamps,
            prefix,
            at_line_start: [true, true],
        }
    }

    /// Entry `e` as its lines' bytes.
    pub fn format(&mut self, e: &Entry) -> Vec<u8> {
        let i = e.stream as usize;
        let mut text = Vec::with_capacity(e.text.len() + 40);
        if let (Some(p), true) = (&self.prefix, self.at_line_start[i]) {
            text.extend_from_slice(p.as_bytes());
            text.push(b' ');
        }
        if self.timestamps && self.at_line_start[i] {
            text.extend_from_slice(e.time.as_bytes());
            text.push(b' ');
        }
        text.extend_from_slice(&e.text);
        if e.full {
            text.push(b'\n');
        }
        self.at_line_start[i] = e.full;
        text
    }
}

/// Where a log was read up to: what following it goes on from.
pub struct Position {
    place: Place,
}

enum Place {
    /// The k8s-file log, open, read to here (and its inode, to see a rotation).
    File(BufReader<std::fs::File>, u64),
    /// The journal, after this cursor.
    Journal(Option<String>),
}

/// The entries of container `id`'s log that `query` asks for so far (its
/// window and tail), and where reading stopped.
pub fn history(store: &Store, id: &str, query: &LogQuery) -> Result<(Vec<Entry>, Position)> {
    use std::os::unix::fs::MetadataExt;
    let record = store.container_record(id)?;
    if !record.log_driver.readable() {
        bail!(
            "container {} has no log: it was created with --log-driver {}",
            record.name,
            record.log_driver.name()
        );
    }
    let (all, place) = match record.log_driver {
        log::Driver::Journald => {
            let (all, cursor) = crate::monitor::journal::read(id, None)?;
            (all, Place::Journal(cursor))
        }
        _ => {
            let path = log::path(&store.container_dir(id));
            // Opened first: what is written while the rotated part is read is not lost.
            let f = std::fs::File::open(&path)
                .with_context(|| format!("opening {}", path.display()))?;
            let ino = f.metadata()?.ino();
            let mut current = BufReader::new(f);
            let mut all = log::read_rotated(&path)?;
            all.extend(log::read_from(&mut current)?);
            (all, Place::File(current, ino))
        }
    };
    let entries: Vec<Entry> = all.into_iter().filter(|e| query.wants(e)).collect();
    let shown = match query.tail {
        Some(n) => tail(&entries, n).to_vec(),
        None => entries,
    };
    Ok((shown, Position { place }))
}

/// What container `id`'s log gains after `from`, until the container is no
/// longer running.
pub fn follow_from(
    store: &Store,
    id: &str,
    from: Position,
    query: &LogQuery,
    sink: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    match from.place {
        Place::Journal(cursor) => follow_journal(store, id, cursor, query, sink),
        Place::File(reader, ino) => {
            let path = log::path(&store.container_dir(id));
            follow(store, id, &path, (reader, ino), query, sink)
        }
    }
}

/// Give `sink` the entries of container `id`'s log that `query` asks for, in order.
pub fn read(
    store: &Store,
    id: &str,
    query: &LogQuery,
    sink: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    let (shown, position) = history(store, id, query)?;
    for e in &shown {
        sink(e)?;
    }
    if query.follow {
        follow_from(store, id, position, query, sink)?;
    }
    Ok(())
}

/// Several containers' logs: what `query` asks of each so far, merged by
/// time; then, with `follow`, what each one logs until it stops (each on a
/// thread of its own, from where its history ended). `sink` gets the index
/// in `ids` with each entry.
pub fn read_many(
    store: &Store,
    ids: &[String],
    query: &LogQuery,
    sink: &(dyn Fn(usize, &Entry) -> Result<()> + Sync),
) -> Result<()> {
    let mut all = Vec::new();
    let mut positions = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let (shown, position) = history(store, id, query)?;
        all.extend(shown.into_iter().map(|e| (i, e)));
        positions.push(position);
    }
    all.sort_by_key(|(_, e)| e.system_time());
    for (i, e) in &all {
        sink(*i, e)?;
    }
    if !query.follow {
        return Ok(());
    }
    std::thread::scope(|s| -> Result<()> {
        let handles: Vec<_> = ids
            .iter()
            .zip(positions)
            .enumerate()
            .map(|(i, (id, from))| {
                s.spawn(move || follow_from(store, id, from, query, &mut |e| sink(i, e)))
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
        if !active || query.cancelled() {
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
    from: (BufReader<std::fs::File>, u64),
    query: &LogQuery,
    sink: &mut dyn FnMut(&Entry) -> Result<()>,
) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let open = || -> Result<(BufReader<std::fs::File>, u64)> {
        let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let ino = f.metadata()?.ino();
        Ok((BufReader::new(f), ino))
    };
    let (mut reader, mut ino) = from;
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
        if !active || query.cancelled() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
