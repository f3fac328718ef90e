//! `--log-driver journald`: the container's output as entries of the systemd
//! journal, sent by its monitor with the journal's native protocol (one datagram
//! per entry on /run/systemd/journal/socket) and read back with journalctl,
//! as podman's journald driver does. Fields: MESSAGE, PRIORITY (6 stdout, 3
//! stderr), SYSLOG_IDENTIFIER (the container's name), CONTAINER_NAME,
//! CONTAINER_ID (12 digits), CONTAINER_ID_FULL, HUSK_STREAM, and
//! CONTAINER_PARTIAL_MESSAGE=true for a part of a longer line.

use std::os::unix::net::UnixDatagram;
use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use super::log::{Entry, Stream};

/// Where journald takes native-protocol datagrams.
pub const SOCKET: &str = "/run/systemd/journal/socket";

/// Whether this machine has a journal to log to: something listens on its
/// socket (a socket file left by a journald that is gone refuses the connection).
pub fn available() -> bool {
    Path::new(SOCKET).exists() && UnixDatagram::unbound().is_ok_and(|s| s.connect(SOCKET).is_ok())
}

/// One field in the native protocol's binary-safe form: NAME, newline, the
/// value's length (64-bit little endian), the value, newline.
fn field(out: &mut Vec<u8>, name: &str, value: &[u8]) {
    out.extend_from_slice(name.as_bytes());
    out.push(b'\n');
    out.extend_from_slice(&(value.len() as u64).to_le_bytes());
    out.extend_from_slice(value);
    out.push(b'\n');
}

/// A container's connection to the journal.
pub struct Sink {
    socket: UnixDatagram,
    /// The fields every entry of this container has, encoded.
    common: Vec<u8>,
}

impl Sink {
    pub fn open(id: &str, name: &str) -> Result<Sink> {
        let socket = UnixDatagram::unbound().context("a socket for the journal")?;
        let mut common = Vec::new();
        field(&mut common, "SYSLOG_IDENTIFIER", name.as_bytes());
        field(&mut common, "CONTAINER_NAME", name.as_bytes());
        field(
            &mut common,
            "CONTAINER_ID",
            &id.as_bytes()[..id.len().min(12)],
        );
        field(&mut common, "CONTAINER_ID_FULL", id.as_bytes());
        Ok(Sink { socket, common })
    }

    /// Send one entry of the container's output.
    pub fn send(&self, stream: Stream, full: bool, text: &[u8]) -> std::io::Result<()> {
        let mut msg = self.common.clone();
        field(&mut msg, "MESSAGE", text);
        let (priority, name) = match stream {
            Stream::Stdout => ("6", "stdout"),
            Stream::Stderr => ("3", "stderr"),
        };
        field(&mut msg, "PRIORITY", priority.as_bytes());
        field(&mut msg, "HUSK_STREAM", name.as_bytes());
        if !full {
            field(&mut msg, "CONTAINER_PARTIAL_MESSAGE", b"true");
        }
        self.socket.send_to(&msg, SOCKET).map(drop)
    }
}

/// The journal's entries of container `id` after `cursor` (all, without one),
/// oldest first, and the cursor of the last one (to ask for the next ones).
pub fn read(id: &str, cursor: Option<&str>) -> Result<(Vec<Entry>, Option<String>)> {
    let mut cmd = std::process::Command::new("journalctl");
    cmd.args(["--no-pager", "--quiet", "-o", "json"])
        .arg("--output-fields=MESSAGE,HUSK_STREAM,CONTAINER_PARTIAL_MESSAGE")
        .arg(format!("CONTAINER_ID_FULL={id}"));
    if let Some(c) = cursor {
        cmd.arg(format!("--after-cursor={c}"));
    }
    let out = cmd
        .stdin(std::process::Stdio::null())
        .output()
        .context("running journalctl (the journald log driver reads the journal with it)")?;
    if !out.status.success() {
        bail!(
            "journalctl: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let mut entries = Vec::new();
    let mut last = cursor.map(String::from);
    for line in out.stdout.split(|b| *b == b'\n').filter(|l| !l.is_empty()) {
        let Ok(v) = serde_json::from_slice::<Value>(line) else {
            continue;
        };
        if let Some(c) = v["__CURSOR"].as_str() {
            last = Some(c.to_string());
        }
        if let Some(e) = entry(&v) {
            entries.push(e);
        }
    }
    Ok((entries, last))
}

/// A journal entry (journalctl's JSON) as a log entry.
fn entry(v: &Value) -> Option<Entry> {
    // A MESSAGE that is not printable UTF-8 comes as an array of bytes.
    let text: Vec<u8> = match &v["MESSAGE"] {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::Array(a) => a
            .iter()
            .filter_map(|b| b.as_u64().and_then(|b| u8::try_from(b).ok()))
            .collect(),
        _ => return None,
    };
    let micros: u64 = v["__REALTIME_TIMESTAMP"].as_str()?.parse().ok()?;
    let time = SystemTime::UNIX_EPOCH + Duration::from_micros(micros);
    Some(Entry {
        time: humantime::format_rfc3339_nanos(time).to_string(),
        stream: match v["HUSK_STREAM"].as_str() {
            Some("stderr") => Stream::Stderr,
            _ => Stream::Stdout,
        },
        full: v["CONTAINER_PARTIAL_MESSAGE"].as_str() != Some("true"),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_binary_safe_and_entries_read_back() {
        let mut out = Vec::new();
        field(&mut out, "MESSAGE", b"a\nb");
        assert_eq!(out, b"MESSAGE\n\x03\0\0\0\0\0\0\0a\nb\n");
        let v: Value = serde_json::from_str(
            r#"{"MESSAGE":[104,105,255],"__REALTIME_TIMESTAMP":"1700000000000001","HUSK_STREAM":"stderr","CONTAINER_PARTIAL_MESSAGE":"true"}"#,
        )
        .unwrap();
        let e = entry(&v).unwrap();
        assert_eq!(e.text, b"hi\xff");
        assert_eq!(e.stream, Stream::Stderr);
        assert!(!e.full);
        assert!(e.time.starts_with("2023-11-14T22:13:20.000001"));
    }
}
