//! The container log, `containers/<id>/ctr.log`, in podman's `k8s-file` format:
//! one line per line of output,
//!
//! ```text
//! 2026-11-22T10:00:00.123456789Z stdout F hello
//! 2026-11-22T10:00:00.223456789Z stderr P a partial line, continued by the next entry
//! ```
//!
//! time (RFC 3339, UTC, nanoseconds), stream, `F` for a full line or `P` for a
//! part of one (a line longer than [`MAX_LINE`], or output that stopped without a
//! newline), then the text. With `--log-opt max-size`, a log that grows beyond it
//! becomes `ctr.log.1` (replacing the older one) and a new `ctr.log` begins.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context, Result};

/// A line is written in parts of at most this many bytes.
pub const MAX_LINE: usize = 16 * 1024;

/// Which output a log entry came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

impl Stream {
    fn name(self) -> &'static str {
        match self {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        }
    }
}

/// The log file of a container directory.
pub fn path(container_dir: &Path) -> PathBuf {
    container_dir.join("ctr.log")
}

fn rotated(log: &Path) -> PathBuf {
    log.with_extension("log.1")
}

/// `--log-driver`: where the container's output goes besides its attached clients.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Driver {
    /// The k8s-file log in the container's directory (podman's default; `json-file`,
    /// which podman takes as the same, too).
    #[default]
    K8sFile,
    /// No log: `husk logs` has nothing to show.
    None,
    /// No log either: the container's stdio are `husk run`'s own, not relayed (podman's).
    Passthrough,
    /// The systemd journal (`super::journal`), where the machine has one.
    Journald,
}

impl std::str::FromStr for Driver {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> Result<Driver> {
        match s {
            "k8s-file" | "json-file" => Ok(Driver::K8sFile),
            "none" => Ok(Driver::None),
            "passthrough" => Ok(Driver::Passthrough),
            "journald" if super::journal::available() => Ok(Driver::Journald),
            "journald" => anyhow::bail!(
                "--log-driver journald: this machine has no journal ({}): use k8s-file (the default), none or passthrough",
                super::journal::SOCKET
            ),
            "passthrough-tty" => anyhow::bail!(
                "--log-driver passthrough-tty is not supported by husk yet: use k8s-file (the default), none or passthrough"
            ),
            _ => anyhow::bail!(
                "invalid --log-driver {s:?}: k8s-file, json-file, journald, none or passthrough"
            ),
        }
    }
}

impl Driver {
    /// Whether `husk logs` can read what the container printed.
    pub fn readable(self) -> bool {
        matches!(self, Driver::K8sFile | Driver::Journald)
    }

    pub fn name(self) -> &'static str {
        match self {
            Driver::K8sFile => "k8s-file",
            Driver::None => "none",
            Driver::Passthrough => "passthrough",
            Driver::Journald => "journald",
        }
    }
}

/// Appends the container's output to its log (nothing, with `--log-driver none`).
pub struct Writer {
    path: PathBuf,
    file: Option<File>,
    /// `--log-driver journald`: entries go to the journal instead.
    journal: Option<super::journal::Sink>,
    size: u64,
    max_size: Option<u64>,
    /// Per stream: the start of a line not yet ended.
    pending: [Vec<u8>; 2],
    /// A write error not yet taken by [`Writer::take_error`].
    error: Option<String>,
    /// Writes fail (a full disk): the error is reported once until one succeeds.
    failing: bool,
}

impl Writer {
    pub fn open(path: PathBuf, max_size: Option<u64>) -> Result<Writer> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .with_context(|| format!("opening the log {}", path.display()))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        Ok(Writer {
            path,
            file: Some(file),
            journal: None,
            size,
            max_size,
            pending: [Vec::new(), Vec::new()],
            error: None,
            failing: false,
        })
    }

    /// A writer that sends each entry to the journal (`--log-driver journald`).
    pub fn journald(sink: super::journal::Sink) -> Writer {
        Writer {
            journal: Some(sink),
            path: PathBuf::from(super::journal::SOCKET),
            ..Writer::none()
        }
    }

    /// A writer that keeps nothing (`--log-driver none`).
    pub fn none() -> Writer {
        Writer {
            path: PathBuf::new(),
            file: None,
            journal: None,
            size: 0,
            max_size: None,
            pending: [Vec::new(), Vec::new()],
            error: None,
            failing: false,
        }
    }

    /// Log `data` read from `stream`: complete lines now, the rest when it ends.
    pub fn write(&mut self, stream: Stream, data: &[u8]) {
        if self.file.is_none() && self.journal.is_none() {
            return;
        }
        let i = stream as usize;
        let mut buf = std::mem::take(&mut self.pending[i]);
        buf.extend_from_slice(data);
        let mut start = 0;
        while let Some(nl) = buf[start..].iter().position(|&b| b == b'\n') {
            self.entry(stream, true, &buf[start..start + nl]);
            start += nl + 1;
        }
        while buf.len() - start >= MAX_LINE {
            self.entry(stream, false, &buf[start..start + MAX_LINE]);
            start += MAX_LINE;
        }
        buf.drain(..start);
        self.pending[i] = buf;
    }

    /// Write out what remains of unfinished lines (the output ended).
    pub fn flush(&mut self) {
        for stream in [Stream::Stdout, Stream::Stderr] {
            let rest = std::mem::take(&mut self.pending[stream as usize]);
            if !rest.is_empty() {
                self.entry(stream, false, &rest);
            }
        }
    }

    /// A write error (a full disk), once per run of failing writes: the container goes on,
    /// its output is lost meanwhile.
    pub fn take_error(&mut self) -> Option<String> {
        self.error.take()
    }

    fn entry(&mut self, stream: Stream, full: bool, text: &[u8]) {
        if let Some(j) = &self.journal {
            match j.send(stream, full, text) {
                Err(e) if !self.failing => {
                    self.failing = true;
                    self.error = Some(format!("writing to the journal: {e}"));
                }
                Err(_) => {}
                Ok(()) => self.failing = false,
            }
            return;
        }
        let ts = humantime::format_rfc3339_nanos(SystemTime::now());
        let mut line =
            format!("{ts} {} {} ", stream.name(), if full { 'F' } else { 'P' }).into_bytes();
        line.extend_from_slice(text);
        line.push(b'\n');
        let Some(file) = self.file.as_mut() else {
            return;
        };
        if let Err(e) = file.write_all(&line) {
            if !self.failing {
                self.failing = true;
                self.error = Some(format!("writing the log {}: {e}", self.path.display()));
            }
            return;
        }
        self.failing = false;
        self.size += line.len() as u64;
        if self.max_size.is_some_and(|max| self.size > max) {
            self.rotate();
        }
    }

    fn rotate(&mut self) {
        let reopened = std::fs::rename(&self.path, rotated(&self.path)).and_then(|_| {
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
        });
        match reopened {
            Ok(f) => {
                self.file = Some(f);
                self.size = 0;
            }
            Err(e) => self.error = Some(format!("rotating the log: {e}")),
        }
    }
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub time: String,
    pub stream: Stream,
    /// Ends a line (`F`), or continues in the next entry (`P`).
    pub full: bool,
    pub text: Vec<u8>,
}

impl Entry {
    /// The time as a SystemTime (the epoch if unreadable).
    pub fn system_time(&self) -> SystemTime {
        crate::output::human::parse_time(&self.time).unwrap_or(SystemTime::UNIX_EPOCH)
    }
}

/// Parse one log line (without its newline); None if it is not an entry.
pub fn parse(line: &[u8]) -> Option<Entry> {
    let mut parts = line.splitn(4, |&b| b == b' ');
    let time = std::str::from_utf8(parts.next()?).ok()?.to_string();
    let stream = match parts.next()? {
        b"stdout" => Stream::Stdout,
        b"stderr" => Stream::Stderr,
        _ => return None,
    };
    let full = match parts.next()? {
        b"F" => true,
        b"P" => false,
        _ => return None,
    };
    Some(Entry {
        time,
        stream,
        full,
        text: parts.next().unwrap_or_default().to_vec(),
    })
}

/// The entries of the log's rotated part (none if it has not rotated).
pub fn read_rotated(log: &Path) -> Result<Vec<Entry>> {
    let p = rotated(log);
    match File::open(&p) {
        Ok(f) => read_from(&mut BufReader::new(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e).with_context(|| format!("opening {}", p.display())),
    }
}

/// Every entry in the log (the rotated part first).
pub fn read_all(log: &Path) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for p in [rotated(log), log.to_path_buf()] {
        let f = match File::open(&p) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e).with_context(|| format!("opening {}", p.display())),
        };
        entries.extend(read_from(&mut BufReader::new(f))?);
    }
    Ok(entries)
}

/// The entries readable from `r` (complete lines only; a torn last line stays for later).
pub fn read_from(r: &mut impl BufRead) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = r.read_until(b'\n', &mut line).context("reading the log")?;
        if n == 0 || line.last() != Some(&b'\n') {
            return Ok(entries);
        }
        line.pop();
        if let Some(e) = parse(&line) {
            entries.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_partial_lines_and_long_lines() {
        let dir = std::env::temp_dir().join(format!("husk-log-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = path(&dir);
        let _ = std::fs::remove_file(&p);
        let mut w = Writer::open(p.clone(), None).unwrap();
        w.write(Stream::Stdout, b"one\ntw");
        w.write(Stream::Stderr, b"err\n");
        w.write(Stream::Stdout, b"o\nend");
        w.write(Stream::Stdout, &vec![b'x'; MAX_LINE + 1]);
        w.flush();
        let e = read_all(&p).unwrap();
        let shown: Vec<(Stream, bool, usize)> =
            e.iter().map(|e| (e.stream, e.full, e.text.len())).collect();
        assert_eq!(
            shown,
            [
                (Stream::Stdout, true, 3),
                (Stream::Stderr, true, 3),
                (Stream::Stdout, true, 3),
                (Stream::Stdout, false, MAX_LINE),
                (Stream::Stdout, false, 4),
            ]
        );
        assert_eq!(e[2].text, b"two");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn rotation_keeps_one_older_file() {
        let dir = std::env::temp_dir().join(format!("husk-logr-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = path(&dir);
        let mut w = Writer::open(p.clone(), Some(200)).unwrap();
        for i in 0..20 {
            w.write(Stream::Stdout, format!("line {i}\n").as_bytes());
        }
        let all = read_all(&p).unwrap();
        assert!(all.len() < 20 && all.len() > 2, "{}", all.len());
        assert_eq!(all.last().unwrap().text, b"line 19");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
