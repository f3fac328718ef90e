//! Stopping, signalling, waiting for and removing containers. Each change takes
//! the container's lock briefly; waiting for a container never holds it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use nix::sys::signal::Signal;
use nix::unistd::Pid;

use super::{load, state};
use crate::error::Failure;
use crate::store::containers::{ContainerState, Status};
use crate::store::Store;

/// Seconds `husk stop` waits by default before SIGKILL.
pub const DEFAULT_STOP_TIMEOUT: u32 = 10;

/// Why a container could not be acted on: not running (exit code 125).
pub fn not_running(name: &str) -> anyhow::Error {
    Failure::new(
        crate::error::EXIT_TOOL,
        format!("container {name} is not running"),
    )
    .into()
}

/// Parse a signal: "TERM", "SIGTERM", "15".
pub fn parse_signal(s: &str) -> Result<Signal> {
    if let Ok(n) = s.parse::<i32>() {
        return Signal::try_from(n).map_err(|_| anyhow::anyhow!("invalid signal {s:?}"));
    }
    let upper = s.to_ascii_uppercase();
    let name = if upper.starts_with("SIG") {
        upper
    } else {
        format!("SIG{upper}")
    };
    name.parse::<Signal>().map_err(|_| {
        anyhow::anyhow!("invalid signal {s:?}: use a name (TERM, KILL, HUP...) or a number")
    })
}

/// Any signal a process can be sent: 1 to 64, the real-time ones included (`kill -s`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignalNo(pub i32);

/// The real-time signals as docker and podman name them: SIGRTMIN is 34 (glibc keeps 32 and 33).
const RTMIN: i32 = 34;
const RTMAX: i32 = 64;

impl From<Signal> for SignalNo {
    fn from(s: Signal) -> SignalNo {
        SignalNo(s as i32)
    }
}

impl std::str::FromStr for SignalNo {
    type Err = anyhow::Error;

    /// A name (TERM, SIGTERM, RTMIN+3, SIGRTMAX-1) or a number up to 64.
    fn from_str(s: &str) -> Result<SignalNo> {
        let bad = || {
            anyhow::anyhow!(
                "invalid signal {s:?}: use a name (TERM, KILL, HUP, RTMIN+N...) or a number from 1 to {RTMAX}"
            )
        };
        if let Ok(n) = s.parse::<i32>() {
            return (1..=RTMAX)
                .contains(&n)
                .then_some(SignalNo(n))
                .ok_or_else(bad);
        }
        let upper = s.to_ascii_uppercase();
        let name = upper.strip_prefix("SIG").unwrap_or(&upper);
        let realtime = |base: i32, rest: &str| -> Option<i32> {
            let n = match rest {
                "" => base,
                _ if rest.starts_with('+') => base + rest[1..].parse::<i32>().ok()?,
                _ if rest.starts_with('-') => base - rest[1..].parse::<i32>().ok()?,
                _ => return None,
            };
            (RTMIN..=RTMAX).contains(&n).then_some(n)
        };
        if let Some(rest) = name.strip_prefix("RTMIN") {
            return realtime(RTMIN, rest).map(SignalNo).ok_or_else(bad);
        }
        if let Some(rest) = name.strip_prefix("RTMAX") {
            return realtime(RTMAX, rest).map(SignalNo).ok_or_else(bad);
        }
        parse_signal(name).map(SignalNo::from)
    }
}

impl std::fmt::Display for SignalNo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match Signal::try_from(self.0) {
            Ok(s) => write!(f, "{s}"),
            Err(_) if self.0 >= RTMIN => write!(f, "SIGRTMIN+{}", self.0 - RTMIN),
            Err(_) => write!(f, "signal {}", self.0),
        }
    }
}

/// Send `signal` to the container's first process; with `stop`, the monitor does
/// not restart it. Errors with 125 if it is not running.
pub fn kill(
    store: &Store,
    id: &str,
    name: &str,
    signal: impl Into<SignalNo>,
    stop: bool,
) -> Result<()> {
    let signal = signal.into();
    let s = state::update(store, id, |s| {
        if stop && state::is_active(s) {
            s.stop_requested = true;
        }
    })?;
    if s.status == Status::Restarting && state::is_active(&s) && stop {
        return Ok(()); // between restarts: the monitor sees stop_requested and stays down
    }
    let pid = state::running_pid(&s).ok_or_else(|| not_running(name))?;
    // SAFETY: kill(2) with plain integers.
    if unsafe { libc::kill(pid, signal.0) } != 0 {
        let e = std::io::Error::last_os_error();
        bail!("sending {signal} to container {name}: {e}");
    }
    if let Ok(r) = store.container_record(id) {
        crate::events::container("kill", &r, &[("signal", signal.0.to_string())]);
    }
    if s.status == Status::Paused {
        // A stopped process only acts on the signal once it goes on.
        set_paused(store, id, name, false)?;
    }
    Ok(())
}

/// `husk pause` (`paused`) and `unpause`: SIGSTOP or SIGCONT every process of the
/// container (no cgroup freezer is delegated to a rootless user on cgroup v1).
pub fn set_paused(store: &Store, id: &str, name: &str, paused: bool) -> Result<()> {
    let _lock = state::lock(store, id)?;
    let mut s = store.container_state(id)?;
    let pid1 = state::running_pid(&s).ok_or_else(|| not_running(name))?;
    let (signal, status) = match paused {
        true => (Signal::SIGSTOP, Status::Paused),
        false => (Signal::SIGCONT, Status::Running),
    };
    if (s.status == Status::Paused) == paused {
        let what = if paused {
            "already paused"
        } else {
            "not paused"
        };
        return Err(Failure::new(
            crate::error::EXIT_TOOL,
            format!("container {name} is {what}"),
        )
        .into());
    }
    for pid in super::processes::pids(pid1)? {
        let _ = nix::sys::signal::kill(Pid::from_raw(pid), signal);
    }
    s.status = status;
    store.set_container_state(id, &s)?;
    if let Ok(r) = store.container_record(id) {
        crate::events::container(if paused { "pause" } else { "unpause" }, &r, &[]);
    }
    Ok(())
}

/// Wait until the container is no longer running or restarting (its monitor
/// has recorded the exit), or `timeout` passes: its state then.
/// A container removed meanwhile (`--rm`) counts as exited, with the last state seen.
pub fn wait_exit(store: &Store, id: &str, timeout: Option<Duration>) -> Result<ContainerState> {
    let start = Instant::now();
    let mut pause = Duration::from_millis(2);
    let mut last = ContainerState::default();
    loop {
        let s = match state::current(store, id) {
            Ok(s) => s,
            Err(_) if !store.container_dir(id).exists() => {
                return Ok(ContainerState {
                    status: Status::Exited,
                    ..last
                })
            }
            Err(e) => return Err(e),
        };
        last = s.clone();
        if !state::is_active(&s) {
            return Ok(s);
        }
        if timeout.is_some_and(|t| start.elapsed() >= t) {
            return Ok(s);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// What `husk wait --condition` waits for (podman's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitCondition {
    /// Created (or configured): made, not started.
    Created,
    Running,
    Paused,
    /// Exited or stopped: not running (the default).
    Stopped,
    Healthy,
    Unhealthy,
    /// Gone (removed).
    Removed,
}

impl std::str::FromStr for WaitCondition {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<WaitCondition> {
        Ok(match s {
            "created" | "configured" | "initialized" => WaitCondition::Created,
            "running" => WaitCondition::Running,
            "paused" => WaitCondition::Paused,
            "exited" | "stopped" | "not-running" => WaitCondition::Stopped,
            "healthy" => WaitCondition::Healthy,
            "unhealthy" => WaitCondition::Unhealthy,
            "removing" | "removed" => WaitCondition::Removed,
            _ => bail!(
                "invalid condition {s:?}: created, running, paused, exited, stopped, healthy, unhealthy or removing"
            ),
        })
    }
}

impl WaitCondition {
    /// Whether `s` (None: the container is gone) meets it.
    fn met(self, s: Option<&ContainerState>) -> bool {
        use crate::container::health::Status as Health;
        let Some(s) = s else {
            return matches!(self, WaitCondition::Removed | WaitCondition::Stopped);
        };
        let health = s.health.as_ref().map(|h| h.status);
        match self {
            WaitCondition::Created => s.status == Status::Created,
            WaitCondition::Running => s.status == Status::Running && state::is_active(s),
            WaitCondition::Paused => s.status == Status::Paused,
            WaitCondition::Stopped => !state::is_active(s),
            WaitCondition::Healthy => health == Some(Health::Healthy),
            WaitCondition::Unhealthy => health == Some(Health::Unhealthy),
            WaitCondition::Removed => false,
        }
    }
}

/// Wait until container `id` meets any of `conditions` (polling every
/// `interval`); its state then (the last one seen if it is gone).
pub fn wait_for(
    store: &Store,
    id: &str,
    conditions: &[WaitCondition],
    interval: Duration,
) -> Result<ContainerState> {
    let mut last = ContainerState::default();
    loop {
        let now = match state::current(store, id) {
            Ok(s) => Some(s),
            Err(_) if !store.container_dir(id).exists() => None,
            Err(e) => return Err(e),
        };
        if conditions.iter().any(|c| c.met(now.as_ref())) {
            return Ok(now.unwrap_or(ContainerState {
                status: Status::Exited,
                ..last
            }));
        }
        if let Some(s) = now {
            last = s;
        }
        std::thread::sleep(interval);
    }
}

/// Wait for the monitor process to be gone (it unmounts the rootfs and may remove
/// the container for --rm after recording the exit).
fn wait_monitor_gone(s: &ContainerState, timeout: Duration) -> bool {
    let start = Instant::now();
    while state::same_process(s.monitor_pid, s.monitor_start) {
        if start.elapsed() >= timeout {
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    true
}

/// What `husk stop` sends first: `--stop-signal`, else the image's, else SIGTERM.
pub fn stop_signal(ctr: &super::Container) -> SignalNo {
    ctr.spec
        .annotations()
        .as_ref()
        .and_then(|a| a.get(super::spec::ANNOTATION_STOP_SIGNAL))
        // A record of an older husk may hold anything: SIGTERM then, SIGKILL after.
        .and_then(|s| s.parse::<SignalNo>().ok())
        .unwrap_or(SignalNo::from(Signal::SIGTERM))
}

/// `husk stop`: the image's stop signal (SIGTERM by default), then SIGKILL after
/// `timeout` seconds. A container that is not running is left as it is.
pub fn stop(store: &Store, id: &str, timeout: Option<u32>) -> Result<()> {
    let ctr = load(store, id)?;
    let name = &ctr.record.name;
    let signal = stop_signal(&ctr);
    let secs = timeout
        .or(ctr.record.stop_timeout)
        .unwrap_or(DEFAULT_STOP_TIMEOUT);
    match kill(store, id, name, signal, true) {
        Ok(()) => {}
        Err(e) if e.downcast_ref::<Failure>().is_some() => return Ok(()), // not running
        Err(e) => return Err(e),
    }
    let s = wait_exit(store, id, Some(Duration::from_secs(secs.into())))?;
    if state::is_active(&s) {
        let _ = kill(store, id, name, Signal::SIGKILL, true);
    }
    let s = wait_exit(store, id, None)?;
    wait_monitor_gone(&s, Duration::from_secs(10));
    crate::events::container("stop", &ctr.record, &[]);
    Ok(())
}

/// Start container `id` in the background with its monitor (`driver` for its
/// root); false if it was running already (no error, as in docker).
pub fn start(store: &Store, id: &str, driver: &str) -> Result<bool> {
    if state::is_active(&state::current(store, id)?) {
        return Ok(false);
    }
    reset_for_start(store, id)?;
    crate::monitor::detached::spawn(store, &super::load(store, id)?, driver, Default::default())?;
    Ok(true)
}

/// Stop container `id` if it runs (`timeout` as `stop`'s), then start it again.
pub fn restart(store: &Store, id: &str, timeout: Option<u32>, driver: &str) -> Result<()> {
    stop(store, id, timeout)?;
    reset_for_start(store, id)?;
    crate::monitor::detached::spawn(store, &super::load(store, id)?, driver, Default::default())
}

/// A new start: no stop asked for, no restarts counted yet.
pub fn reset_for_start(store: &Store, id: &str) -> Result<()> {
    state::update(store, id, |s| {
        s.stop_requested = false;
        s.restart_count = 0;
    })?;
    Ok(())
}

/// Remove a container that is not running (its lock held meanwhile).
pub fn remove(store: &Store, id: &str) -> Result<()> {
    remove_later(store, id).map(drop)
}

/// [`remove`], but the container's files are deleted only when the returned
/// value is dropped (the container is gone for every command already).
pub fn remove_later(store: &Store, id: &str) -> Result<Removed> {
    remove_unless(store, id, state::is_active)
}

/// A container removed from the store, whose files are deleted on drop: its
/// runtime directory's (hosts, mountpoints…), then the store's.
#[derive(Debug)]
pub struct Removed {
    run_dir: Option<PathBuf>,
    trash: crate::store::tmp::TempEntry,
}

impl Removed {
    /// Where the container's store directory is now, until the drop.
    pub fn path(&self) -> &Path {
        self.trash.path()
    }
}

impl Drop for Removed {
    fn drop(&mut self) {
        if let Some(run) = self.run_dir.take() {
            let _ = std::fs::remove_dir_all(run);
        }
    }
}

/// [`remove_later`] by the monitor of a `--rm` container whose process just
/// exited: its state still names this monitor's run (the exit is not written
/// first, since the record goes); any other live run refuses it.
pub fn remove_exited(store: &Store, id: &str) -> Result<Removed> {
    let (pid, start) = state::own_identity();
    remove_unless(store, id, |s| {
        state::is_active(s) && (s.monitor_pid, s.monitor_start) != (Some(pid), start)
    })
}

fn remove_unless(
    store: &Store,
    id: &str,
    running: impl Fn(&ContainerState) -> bool,
) -> Result<Removed> {
    let lock = state::lock(store, id)?;
    if running(&store.container_state(id).unwrap_or_default()) {
        bail!("container {id} is running again");
    }
    let record = store.container_record(id).ok();
    let trash = store.remove_container(id, record.as_ref(), lock)?;
    if let Some(r) = record {
        crate::events::container("destroy", &r, &[]);
    }
    Ok(Removed {
        // Its files of the runtime directory (none if an older husk made it):
        // nothing looks there for a container the store no longer has.
        run_dir: super::run_dir(id).ok(),
        trash,
    })
}

/// `husk rm [-f] [-v]`: [`remove_checked`], and with `volumes` the
/// container's anonymous volumes that no other container uses.
pub fn remove_with_volumes(store: &Store, id: &str, force: bool, volumes: bool) -> Result<()> {
    let record = store.container_record(id).ok();
    if let Some(r) = &record {
        crate::pod::check_not_infra(store, r)?;
    }
    remove_checked(store, id, force)?;
    if let (true, Some(r)) = (volumes, record) {
        crate::volume::remove_anonymous(store, crate::volume::mounts_of(&r))?;
    }
    Ok(())
}

/// A `container prune --filter` (docker's keys).
#[derive(Clone, Debug, PartialEq)]
pub enum PruneFilter {
    /// Created before this time.
    Until(std::time::SystemTime),
    /// With (`label=`) or without (`label!=`) the label KEY, of that value if given.
    Label {
        key: String,
        value: Option<String>,
        present: bool,
    },
}

impl std::str::FromStr for PruneFilter {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> Result<PruneFilter> {
        let label = |v: &str, present: bool| {
            let (key, value) = match v.split_once('=') {
                Some((k, v)) => (k.to_string(), Some(v.to_string())),
                None => (v.to_string(), None),
            };
            PruneFilter::Label {
                key,
                value,
                present,
            }
        };
        match s.split_once('=') {
            Some(("until", v)) => Ok(PruneFilter::Until(crate::output::human::parse_when(v)?)),
            Some(("label", v)) => Ok(label(v, true)),
            Some(("label!", v)) => Ok(label(v, false)),
            _ => {
                bail!("invalid filter {s:?}: the keys are until=TIME, label=K[=V] and label!=K[=V]")
            }
        }
    }
}

impl PruneFilter {
    fn keeps(&self, r: &crate::store::containers::ContainerRecord) -> bool {
        let created = crate::output::human::parse_time(&r.created);
        self.keeps_object(created, &|k| r.labels.get(k).cloned())
    }

    /// Whether an object (container, image) created at `created`, whose label
    /// KEY is `label(KEY)`, may be pruned.
    pub fn keeps_object(
        &self,
        created: Option<std::time::SystemTime>,
        label: &dyn Fn(&str) -> Option<String>,
    ) -> bool {
        match self {
            PruneFilter::Until(t) => created.is_some_and(|c| c < *t),
            PruneFilter::Label {
                key,
                value,
                present,
            } => {
                let has = match (label(key), value) {
                    (Some(v), Some(want)) => v == *want,
                    (Some(_), None) => true,
                    (None, _) => false,
                };
                has == *present
            }
        }
    }
}

/// `husk container prune`: remove every container that is not running (and
/// that every filter keeps); the ids removed, and the errors of those that could not be.
pub fn prune_stopped(
    store: &Store,
    filters: &[PruneFilter],
) -> Result<(Vec<String>, Vec<anyhow::Error>)> {
    let (mut removed, mut failed) = (Vec::new(), Vec::new());
    for c in super::list::list(store, true, &[])? {
        if state::is_active(&c.state) || !filters.iter().all(|f| f.keeps(&c.record)) {
            continue;
        }
        // A pod's infra container goes with its pod alone.
        if crate::pod::check_not_infra(store, &c.record).is_err() {
            continue;
        }
        match remove(store, &c.record.id) {
            Ok(()) => removed.push(c.record.id),
            Err(e) => failed.push(e),
        }
    }
    Ok((removed, failed))
}

/// The containers that depend on container `id` (they join its network, pid,
/// ipc or uts namespace), and those that depend on them, deepest first: what
/// `rm --depend` removes before it (podman's).
pub fn dependents(store: &Store, id: &str) -> Result<Vec<String>> {
    // Each container's joined containers, resolved to ids once.
    let joins: Vec<(String, Vec<String>)> = store
        .container_records()?
        .into_iter()
        .map(|r| {
            let net = match &r.network.mode {
                crate::network::NetworkMode::Container(c) => Some(c.clone()),
                _ => None,
            };
            let modes = r.options.iter().flat_map(|o| [&o.pid, &o.ipc, &o.uts]);
            let named: Vec<String> = net
                .into_iter()
                .chain(modes.filter_map(|m| m.container().map(String::from)))
                .filter_map(|other| super::find(store, &other).ok())
                .collect();
            (r.id, named)
        })
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut todo = vec![id.to_string()];
    while let Some(target) = todo.pop() {
        for (r, _) in joins.iter().filter(|(r, j)| r != id && j.contains(&target)) {
            if !out.contains(r) {
                out.push(r.clone());
                todo.push(r.clone());
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// Why `husk rm` refused: the container runs (exit code 2, as podman's).
pub const EXIT_RUNNING: i32 = 2;

/// `husk rm [-f]`: a running container is refused, or with `force` killed first.
pub fn remove_checked(store: &Store, id: &str, force: bool) -> Result<()> {
    let s = state::current(store, id)?;
    if state::is_active(&s) {
        let name = store.container_record(id)?.name;
        if !force {
            return Err(Failure::new(
                EXIT_RUNNING,
                format!("cannot remove container {name}: it is running: stop it first, or use husk rm -f"),
            )
            .into());
        }
        match kill(store, id, &name, Signal::SIGKILL, true) {
            Ok(()) => {}
            Err(e) if e.downcast_ref::<Failure>().is_some() => {}
            Err(e) => return Err(e),
        }
        let s = wait_exit(store, id, None)?;
        wait_monitor_gone(&s, Duration::from_secs(10));
    }
    match remove(store, id) {
        // The monitor removed it (--rm) meanwhile.
        Err(_) if !store.container_dir(id).exists() => Ok(()),
        r => r,
    }
}

#[cfg(test)]
mod signal_tests {
    use super::*;

    #[test]
    fn every_signal_up_to_64() {
        let n = |s: &str| s.parse::<SignalNo>().map(|s| s.0).ok();
        assert_eq!(n("TERM"), Some(15));
        assert_eq!(n("sigkill"), Some(9));
        assert_eq!(n("34"), Some(34));
        assert_eq!(n("64"), Some(64));
        assert_eq!(n("RTMIN"), Some(34));
        assert_eq!(n("SIGRTMIN+3"), Some(37));
        assert_eq!(n("RTMAX-1"), Some(63));
        assert_eq!(n("65"), None);
        assert_eq!(n("0"), None);
        assert_eq!(n("RTMAX+1"), None);
        assert_eq!(SignalNo(40).to_string(), "SIGRTMIN+6");
    }
}
