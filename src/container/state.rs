//! A container's state as commands see it: `state.json`, checked against the
//! processes it names. No daemon keeps it: the monitor writes it at each change,
//! and a reader that finds the monitor gone (SIGKILL, a reboot) sees the
//! container as exited. Changes go through [`update`], under the container's lock.

use std::time::Duration;

use anyhow::{Context, Result};

use crate::store::containers::{ContainerState, Status};
use crate::store::lock::Lock;
use crate::store::Store;

/// How long a command waits for another one's hold on a container.
const LOCK_TIMEOUT: Duration = Duration::from_secs(10);

/// The exit code recorded when the monitor vanished without recording one.
pub const KILLED: i32 = 137;

/// The start time of process `pid` in clock ticks since boot (field 22 of
/// /proc/PID/stat), or None if there is no such process. A zombie counts as gone:
/// a detached monitor's parent is init, which may take its time to reap it.
pub fn start_time(pid: i32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces and parentheses: count after the last ')'.
    let mut rest = stat[stat.rfind(')')? + 2..].split_whitespace();
    if matches!(rest.next(), Some("Z" | "X")) {
        return None;
    }
    rest.nth(18)?.parse().ok()
}

/// Whether `pid` is still the process that started at `start` (not a reused pid).
pub fn same_process(pid: Option<i32>, start: Option<u64>) -> bool {
    match (pid, start) {
        (Some(pid), Some(start)) => start_time(pid) == Some(start),
        (Some(pid), None) => start_time(pid).is_some(),
        _ => false,
    }
}

/// Whether the monitor the state names is alive.
fn monitor_alive(s: &ContainerState) -> bool {
    match s.monitor_pid {
        Some(_) => same_process(s.monitor_pid, s.monitor_start),
        // Written by a husk that recorded no monitor: the container process tells.
        None => same_process(s.pid, s.pid_start),
    }
}

/// Whether `s` is a running, paused or restarting container (its monitor alive).
pub fn is_active(s: &ContainerState) -> bool {
    s.status.is_live() && monitor_alive(s)
}

/// Whether `s` is a running container (not between restarts); paused counts as running.
pub fn is_running(s: &ContainerState) -> bool {
    matches!(s.status, Status::Running | Status::Paused) && monitor_alive(s)
}

/// The first process of a running (or paused) container, if it is still that process.
pub fn running_pid(s: &ContainerState) -> Option<i32> {
    s.pid
        .filter(|_| is_running(s) && same_process(s.pid, s.pid_start))
}

/// What a vanished monitor leaves: exited, killed.
fn settled(mut s: ContainerState) -> ContainerState {
    if s.status.is_live() && !monitor_alive(&s) {
        s.status = Status::Exited;
        s.exit_code = Some(s.exit_code.unwrap_or(KILLED));
        s.pid = None;
        s.finished_at = s.finished_at.or_else(|| Some(now()));
        s.error = s
            .error
            .or_else(|| Some("the container's monitor was killed".into()));
    }
    s
}

/// The container's state as it is now. A stale "running" is written back as exited.
pub fn current(store: &Store, id: &str) -> Result<ContainerState> {
    current_from(store, id, store.container_state(id)?)
}

/// [`current`], from the state just read from the store.
pub fn current_from(store: &Store, id: &str, s: ContainerState) -> Result<ContainerState> {
    if !s.status.is_live() || monitor_alive(&s) {
        return Ok(s);
    }
    update(store, id, |_| {})
}

/// Read, change and write the state under the container's lock; returns what was written.
/// A stale "running" (monitor gone) is settled first.
pub fn update(
    store: &Store,
    id: &str,
    change: impl FnOnce(&mut ContainerState),
) -> Result<ContainerState> {
    let _lock = lock(store, id)?;
    let mut s = settled(store.container_state(id)?);
    change(&mut s);
    store.set_container_state(id, &s)?;
    Ok(s)
}

/// The container's lock, a flock on its directory (which a removal renames into
/// `tmp/` with the lock held): held only for short changes, never while waiting
/// for the container. An error if the container is gone.
pub fn lock(store: &Store, id: &str) -> Result<Lock> {
    Lock::dir_within(&store.container_dir(id), LOCK_TIMEOUT)
        .with_context(|| format!("container {}", &id[..12.min(id.len())]))
}

/// Now, as RFC 3339 with nanoseconds (the times state.json keeps).
pub fn now() -> String {
    humantime::format_rfc3339_nanos(std::time::SystemTime::now()).to_string()
}

/// This process's pid and start time: the monitor's identity in the state.
pub fn own_identity() -> (i32, Option<u64>) {
    let pid = std::process::id() as i32;
    (pid, start_time(pid))
}

/// Record that container `id` runs as `pid`, kept by this process (its monitor),
/// with `network` (its addresses and published ports) if it has any.
pub fn record_started(
    store: &Store,
    id: &str,
    pid: i32,
    network: Option<crate::network::Running>,
    health: Option<crate::container::health::Health>,
) -> Result<ContainerState> {
    let (monitor_pid, monitor_start) = own_identity();
    update(store, id, |s| {
        s.network = network;
        s.status = Status::Running;
        s.pid = Some(pid);
        s.pid_start = start_time(pid);
        s.monitor_pid = Some(monitor_pid);
        s.monitor_start = monitor_start;
        s.started_at = Some(now());
        s.exit_code = None;
        s.error = None;
        s.health = health;
        s.restart_requested = false;
    })
}

/// Record that container `id` exited with `code`: exited, or restarting
/// when `restarts` says its policy starts it again. One update, so that a
/// reader (`logs -f`, `wait`) never sees "exited" between two runs.
pub fn record_exit(
    store: &Store,
    id: &str,
    code: i32,
    restarts: impl Fn(&ContainerState) -> bool,
) -> Result<ContainerState> {
    update(store, id, |s| {
        s.status = match restarts(s) {
            true => Status::Restarting,
            false => Status::Exited,
        };
        s.pid = None;
        s.pid_start = None;
        s.exit_code = Some(code);
        s.finished_at = Some(now());
        s.network = None;
    })
}
