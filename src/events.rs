//! The event log behind `husk events`: what husk did to containers, images,
//! volumes and networks (docker's actions: create, start, die, stop, kill,
//! pause, unpause, destroy, pull, tag, untag, delete…), one JSON line per event
//! appended to `RUNDIR/events.log` by the command (or monitor) that did it.
//!
//! RUNDIR is a tmpfs on a user's machine, so the log starts over at boot, as
//! podman's file log does. Each event is one `write(2)` with O_APPEND, so the
//! lines of concurrent commands never interleave. Over 1 MiB the log moves to
//! `events.log.1` (the older one dropped) and a new one begins; readers read both.
//! Logging never fails a command: an event that cannot be written is lost.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::store::containers::ContainerRecord;

/// The size past which the log moves to `events.log.1`.
const MAX_LOG: u64 = 1 << 20;

/// One event, as the log keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Nanoseconds since the Unix epoch.
    pub time: u64,
    /// container, image, volume or network.
    #[serde(rename = "type")]
    pub kind: String,
    pub action: String,
    /// The object's id (a volume's name).
    pub id: String,
    /// name, image, exitCode, signal… and a container's labels.
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

fn now_nanos() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

fn log_path() -> Result<PathBuf> {
    Ok(crate::userns::pause::runtime_dir()?.join("events.log"))
}

/// Append `kind`/`action` of `id` with `attributes` to the log (best effort).
pub fn emit(kind: &str, action: &str, id: &str, attributes: BTreeMap<String, String>) {
    let event = Event {
        time: now_nanos(),
        kind: kind.to_string(),
        action: action.to_string(),
        id: id.to_string(),
        attributes,
    };
    let _ = append(&event);
}

fn append(event: &Event) -> Result<()> {
    // `--events-backend none`.
    if std::env::var_os("HUSK_EVENTS_BACKEND").is_some_and(|b| b == "none") {
        return Ok(());
    }
    let path = log_path()?;
    let mut line = serde_json::to_vec(event)?;
    line.push(b'\n');
    let open = |p: &Path| {
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .custom_flags(libc::O_CLOEXEC)
            .open(p)
    };
    let mut f = open(&path)?;
    if f.metadata()?.len() > MAX_LOG {
        std::fs::rename(&path, path.with_extension("log.1"))?;
        f = open(&path)?;
    }
    f.write_all(&line)?;
    Ok(())
}

/// A container's event: its name and image, its labels, and `extra`.
pub fn container(action: &str, r: &ContainerRecord, extra: &[(&str, String)]) {
    let mut attributes: BTreeMap<String, String> = r.labels.clone();
    attributes.insert("name".into(), r.name.clone());
    attributes.insert("image".into(), r.image_name.clone());
    for (k, v) in extra {
        attributes.insert((*k).to_string(), v.clone());
    }
    emit("container", action, &r.id, attributes);
}

/// An image's event (`name`: the name it concerns, if one).
pub fn image(action: &str, id: &str, name: Option<&str>) {
    let attributes = name
        .map(|n| BTreeMap::from([("name".to_string(), n.to_string())]))
        .unwrap_or_default();
    emit("image", action, id, attributes);
}

/// A volume's event.
pub fn volume(action: &str, name: &str) {
    let attributes = BTreeMap::from([("name".to_string(), name.to_string())]);
    emit("volume", action, name, attributes);
}

/// A network's event.
pub fn network(action: &str, id: &str, name: &str) {
    let attributes = BTreeMap::from([("name".to_string(), name.to_string())]);
    emit("network", action, id, attributes);
}

/// A secret's event (podman's: create, remove).
pub fn secret(action: &str, id: &str, name: &str) {
    let attributes = BTreeMap::from([("name".to_string(), name.to_string())]);
    emit("secret", action, id, attributes);
}

/// One `--filter KEY=VALUE` of `husk events` (docker's keys).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    Type(String),
    Event(String),
    /// container=, image=, volume=, network=: the object's id (or its prefix) or name.
    Object {
        kind: String,
        value: String,
    },
    Label {
        key: String,
        value: Option<String>,
    },
}

impl std::str::FromStr for Filter {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> Result<Filter> {
        let Some((k, v)) = s.split_once('=') else {
            bail!("invalid filter {s:?}: expected KEY=VALUE");
        };
        Ok(match k {
            "type" => match v {
                "container" | "image" | "volume" | "network" | "secret" => Filter::Type(v.into()),
                _ => bail!("invalid filter {s:?}: type is container, image, volume, network or secret"),
            },
            "event" | "status" => Filter::Event(v.into()),
            "container" | "image" | "volume" | "network" => Filter::Object {
                kind: k.into(),
                value: v.into(),
            },
            "label" => match v.split_once('=') {
                Some((key, value)) => Filter::Label {
                    key: key.into(),
                    value: Some(value.into()),
                },
                None => Filter::Label {
                    key: v.into(),
                    value: None,
                },
            },
            _ => bail!(
                "invalid filter {s:?}: the keys are type, event, container, image, volume, network and label"
            ),
        })
    }
}

impl Filter {
    /// Its key: filters of one key are alternatives, of different keys all must match.
    fn key(&self) -> &str {
        match self {
            Filter::Type(_) => "type",
            Filter::Event(_) => "event",
            Filter::Object { kind, .. } => kind,
            Filter::Label { .. } => "label",
        }
    }

    fn matches(&self, e: &Event) -> bool {
        let attr = |k: &str| e.attributes.get(k).map(String::as_str);
        match self {
            Filter::Type(t) => e.kind == *t,
            // podman's names of docker's "die" and "destroy".
            Filter::Event(a) => {
                e.action == *a
                    || matches!(
                        (a.as_str(), e.action.as_str()),
                        ("died", "die") | ("remove", "destroy")
                    )
            }
            Filter::Object { kind, value } => {
                let is =
                    |v: &str| !v.is_empty() && (e.id.starts_with(v) || attr("name") == Some(v));
                match kind.as_str() {
                    // A container's events name its image too.
                    "image" if e.kind == "container" => attr("image")
                        .is_some_and(|i| crate::image::lookup::name_matches(value, i, true)),
                    "image" if e.kind == "image" => {
                        is(value.trim_start_matches("sha256:"))
                            || attr("name")
                                .is_some_and(|n| crate::image::lookup::name_matches(value, n, true))
                    }
                    k => e.kind == k && is(value),
                }
            }
            Filter::Label { key, value } => match (attr(key), value) {
                (Some(v), Some(want)) => v == want,
                (Some(_), None) => true,
                (None, _) => false,
            },
        }
    }
}

/// What `husk events` shows.
#[derive(Clone, Debug, Default)]
pub struct Query {
    pub since: Option<SystemTime>,
    pub until: Option<SystemTime>,
    pub filters: Vec<Filter>,
    /// Follow the log for new events (until `until`).
    pub follow: bool,
    /// Set by whoever follows for someone who may go (an API client): the
    /// following ends within a second.
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl Query {
    fn wants(&self, e: &Event) -> bool {
        let t = SystemTime::UNIX_EPOCH + Duration::from_nanos(e.time);
        // Keys repeated are alternatives, different keys must all match (docker's rule).
        let mut by_key: BTreeMap<&str, bool> = BTreeMap::new();
        for f in &self.filters {
            *by_key.entry(f.key()).or_default() |= f.matches(e);
        }
        self.since.is_none_or(|s| t >= s)
            && self.until.is_none_or(|u| t <= u)
            && by_key.values().all(|m| *m)
    }
}

/// The events of the log that `q` wants, oldest first, each handed to `sink`;
/// then, if `q.follow`, new ones as they come, until `q.until` or `sink` says stop.
pub fn read(q: &Query, sink: &mut dyn FnMut(&Event) -> Result<bool>) -> Result<()> {
    let path = log_path()?;
    let past = q.since.is_some() || !q.follow;
    if past {
        if let Ok(mut old) = File::open(path.with_extension("log.1")) {
            let mut pending = Vec::new();
            if !drain(&mut old, &mut pending, q, sink)? {
                return Ok(());
            }
        }
    }
    let mut current = open_or_create(&path)?;
    let mut pending = Vec::new();
    if past {
        if !drain(&mut current, &mut pending, q, sink)? {
            return Ok(());
        }
    } else {
        current
            .seek(SeekFrom::End(0))
            .context("reading the event log")?;
    }
    if !q.follow {
        return Ok(());
    }
    follow(&path, current, pending, q, sink)
}

fn open_or_create(path: &Path) -> Result<File> {
    std::fs::OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .custom_flags(libc::O_CLOEXEC)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))
}

/// Hand the complete lines from `f`'s position on to `sink` (a partial last line
/// stays in `pending`); false once `sink` or `until` says stop.
fn drain(
    f: &mut File,
    pending: &mut Vec<u8>,
    q: &Query,
    sink: &mut dyn FnMut(&Event) -> Result<bool>,
) -> Result<bool> {
    f.read_to_end(pending).context("reading the event log")?;
    let mut start = 0;
    while let Some(n) = pending[start..].iter().position(|b| *b == b'\n') {
        let line = &pending[start..start + n];
        start += n + 1;
        // A line that does not parse (a torn write after a full disk) is skipped.
        let Ok(e) = serde_json::from_slice::<Event>(line) else {
            continue;
        };
        if q.until
            .is_some_and(|u| SystemTime::UNIX_EPOCH + Duration::from_nanos(e.time) > u)
        {
            return Ok(false);
        }
        if q.wants(&e) && !sink(&e)? {
            return Ok(false);
        }
    }
    pending.drain(..start);
    Ok(true)
}

/// Wait for new lines (inotify on the log's directory), across a move of the log.
fn follow(
    path: &Path,
    mut current: File,
    mut pending: Vec<u8>,
    q: &Query,
    sink: &mut dyn FnMut(&Event) -> Result<bool>,
) -> Result<()> {
    use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};
    let dir = path.parent().context("the event log's directory")?;
    let inotify =
        Inotify::init(InitFlags::IN_CLOEXEC | InitFlags::IN_NONBLOCK).context("inotify_init")?;
    inotify
        .add_watch(
            dir,
            AddWatchFlags::IN_MODIFY | AddWatchFlags::IN_CREATE | AddWatchFlags::IN_MOVED_TO,
        )
        .with_context(|| format!("watching {}", dir.display()))?;
    loop {
        if !drain(&mut current, &mut pending, q, sink)? {
            return Ok(());
        }
        // Moved to events.log.1: what was written to it is read above; the new log from its start.
        let ino = current.metadata().map(|m| m.ino()).ok();
        if std::fs::metadata(path).ok().map(|m| m.ino()) != ino {
            current = open_or_create(path)?;
            pending.clear();
            continue;
        }
        let timeout = match q.until {
            Some(u) => match u.duration_since(SystemTime::now()) {
                Ok(left) => left.min(Duration::from_secs(1)),
                Err(_) => return Ok(()),
            },
            None => Duration::from_secs(1),
        };
        wait_readable(&inotify, timeout)?;
        let _ = inotify.read_events();
        if q.cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
        {
            return Ok(());
        }
    }
}

fn wait_readable(fd: &impl std::os::fd::AsFd, timeout: Duration) -> Result<()> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let mut fds = [PollFd::new(fd.as_fd(), PollFlags::POLLIN)];
    let ms = u16::try_from(timeout.as_millis()).unwrap_or(u16::MAX);
    match poll(&mut fds, PollTimeout::from(ms)) {
        Ok(_) | Err(nix::errno::Errno::EINTR) => Ok(()),
        Err(e) => Err(e).context("poll"),
    }
}

/// An event as `--format` sees it: docker's fields (`Type`, `Action`, `Actor`,
/// `time`, `timeNano`, `status`, `id`, `from`) and podman's (`ID`, `Name`,
/// `Image`, `Status`, `Time`, `Attributes`).
pub fn to_json(e: &Event) -> Value {
    let secs = e.time / 1_000_000_000;
    let time =
        humantime::format_rfc3339_nanos(SystemTime::UNIX_EPOCH + Duration::from_nanos(e.time))
            .to_string();
    let attr = |k: &str| e.attributes.get(k).cloned().unwrap_or_default();
    let from = (e.kind == "container").then(|| attr("image"));
    json!({
        "Type": e.kind,
        "Action": e.action,
        "Actor": {"ID": e.id, "Attributes": e.attributes},
        "scope": "local",
        "time": secs,
        "timeNano": e.time,
        "status": e.action,
        "id": e.id,
        "from": from,
        "ID": e.id,
        "Name": attr("name"),
        "Image": attr("image"),
        "Status": e.action,
        "Time": time,
        "Attributes": e.attributes,
    })
}

/// docker's line: `TIME TYPE ACTION ID (k=v, …)`.
pub fn to_line(e: &Event) -> String {
    let time =
        humantime::format_rfc3339_nanos(SystemTime::UNIX_EPOCH + Duration::from_nanos(e.time));
    // A label's newline must not make a line that looks like another event.
    let attrs: Vec<String> = e
        .attributes
        .iter()
        .map(|(k, v)| format!("{}={}", k.escape_debug(), v.escape_debug()))
        .collect();
    format!(
        "{time} {} {} {} ({})",
        e.kind,
        e.action,
        e.id,
        attrs.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, action: &str, id: &str, attrs: &[(&str, &str)]) -> Event {
        Event {
            time: 1_700_000_000_000_000_000,
            kind: kind.into(),
            action: action.into(),
            id: id.into(),
            attributes: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn filters_like_docker() {
        let start = ev(
            "container",
            "start",
            "abc123",
            &[
                ("name", "web"),
                ("image", "docker.io/library/busybox:latest"),
                ("tier", "1"),
            ],
        );
        let vol = ev("volume", "create", "data", &[("name", "data")]);
        let q = |f: &[&str]| Query {
            filters: f.iter().map(|s| s.parse().unwrap()).collect(),
            ..Default::default()
        };
        assert!(q(&["type=container"]).wants(&start) && !q(&["type=container"]).wants(&vol));
        assert!(q(&["container=web"]).wants(&start) && q(&["container=abc"]).wants(&start));
        assert!(q(&["image=busybox"]).wants(&start));
        assert!(
            q(&["event=start", "event=die"]).wants(&start),
            "one key repeated: either"
        );
        assert!(
            !q(&["event=start", "type=volume"]).wants(&start),
            "two keys: both"
        );
        assert!(q(&["label=tier=1"]).wants(&start) && !q(&["label=tier=2"]).wants(&start));
        assert!(q(&["volume=data"]).wants(&vol) && !q(&["volume=data"]).wants(&start));
        assert!("type=pod".parse::<Filter>().is_err() && "bogus=1".parse::<Filter>().is_err());
        let line = to_line(&start);
        assert!(
            line.starts_with("2023-11-14T22:13:20")
                && line.contains("container start abc123 (image=")
        );
        assert_eq!(to_json(&start)["Actor"]["Attributes"]["name"], "web");
    }
}
