//! The health check timer of a running container: a thread of its monitor
//! that, every interval, runs one check in a probe process and waits for it.
//!
//! The check joins the container's namespaces, which a multithreaded process
//! (the monitor has its FUSE workers) cannot do: the probe is a process of the
//! husk binary (`husk healthcheck run ID`, what podman's timers run too), which
//! records the result in the container's state. The monitor reaps every child
//! (it is a subreaper), so the thread waits on a pidfd, not with waitpid.

use std::os::fd::{AsFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::container::health::{HealthConfig, OnFailure};
use crate::container::lifecycle::{self, SignalNo};
use crate::container::{health, state, Container};
use crate::store::Store;

/// The running timer; stopped (and joined) when dropped.
pub struct Timer {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

/// How often the thread looks at its stop flag while it waits.
const TICK: Duration = Duration::from_millis(50);

/// `--health-on-failure`'s action, and what it needs to know of the container.
#[derive(Clone)]
struct Action {
    on_failure: OnFailure,
    id: String,
    name: String,
    stop_signal: SignalNo,
    stop_timeout: Duration,
    /// `--sdnotify=healthy`: READY=1 goes to systemd at the first healthy check.
    notify_healthy: bool,
}

impl Timer {
    /// Check container `ctr` (running as `pid`) every interval of `cfg`.
    pub fn start(store: &Store, ctr: &Container, cfg: HealthConfig) -> Timer {
        let stop = Arc::new(AtomicBool::new(false));
        let (flag, root) = (stop.clone(), store.root().to_path_buf());
        let action = Action {
            on_failure: cfg.on_failure,
            id: ctr.record.id.clone(),
            name: ctr.record.name.clone(),
            stop_signal: lifecycle::stop_signal(ctr),
            stop_timeout: Duration::from_secs(
                ctr.record
                    .stop_timeout
                    .unwrap_or(lifecycle::DEFAULT_STOP_TIMEOUT)
                    .into(),
            ),
            notify_healthy: ctr.record.sdnotify == crate::monitor::sdnotify::Mode::Healthy,
        };
        let thread = std::thread::Builder::new()
            .name("health".into())
            .spawn(move || {
                let store = Store::open_existing(&root);
                if let Some(startup) = &cfg.startup {
                    if !startup_passed(&store, &root, &action, startup, &flag) {
                        return;
                    }
                }
                // `--health-interval disable`: no timer for the regular check.
                if cfg.interval.is_zero() {
                    return;
                }
                let mut ready_sent = false;
                while sleep_unless(&flag, cfg.interval) {
                    probe(&root, &action.id, cfg.timeout);
                    if action.notify_healthy
                        && !ready_sent
                        && is(&store, &action.id, health::Status::Healthy)
                    {
                        ready_sent = true;
                        if let Err(e) = crate::monitor::sdnotify::send("READY=1\n") {
                            eprintln!("husk: --sdnotify=healthy: {e:#}");
                        }
                    }
                    if action.on_failure != OnFailure::None
                        && is(&store, &action.id, health::Status::Unhealthy)
                    {
                        act(&store, &action, &flag);
                        break;
                    }
                }
            })
            .ok();
        Timer { stop, thread }
    }
}

/// Run the startup check every interval until it passes (true); false when
/// stopped, or once it failed its retries and the container was restarted.
fn startup_passed(
    store: &Store,
    root: &std::path::Path,
    action: &Action,
    startup: &health::StartupCheck,
    stop: &AtomicBool,
) -> bool {
    while sleep_unless(stop, startup.interval) {
        probe(root, &action.id, startup.timeout);
        match health::startup_state(store, &action.id) {
            health::StartupState::Passed => return true,
            health::StartupState::Pending(failures)
                if startup.retries > 0 && failures >= startup.retries =>
            {
                let restart = Action {
                    on_failure: OnFailure::Restart,
                    ..action.clone()
                };
                act(store, &restart, stop);
                return false;
            }
            health::StartupState::Pending(_) => {}
        }
    }
    false
}

/// Whether the container's health status is `status` now.
fn is(store: &Store, id: &str, status: health::Status) -> bool {
    state::current(store, id)
        .ok()
        .and_then(|s| s.health)
        .is_some_and(|h| h.status == status)
}

/// Kill, stop or restart the container that turned unhealthy. `stop` is set
/// once it has exited (the monitor drops the timer then).
fn act(store: &Store, a: &Action, stop: &AtomicBool) {
    let kill = |signal: SignalNo, stopping: bool| {
        if let Err(e) = lifecycle::kill(store, &a.id, &a.name, signal, stopping) {
            eprintln!("husk: --health-on-failure: {e:#}");
        }
    };
    let sigkill = SignalNo::from(nix::sys::signal::Signal::SIGKILL);
    match a.on_failure {
        OnFailure::None => {}
        OnFailure::Kill => kill(sigkill, true),
        OnFailure::Stop => {
            kill(a.stop_signal, true);
            if sleep_unless(stop, a.stop_timeout) {
                kill(sigkill, true);
            }
        }
        OnFailure::Restart => {
            if state::update(store, &a.id, |s| s.restart_requested = true).is_ok() {
                kill(sigkill, false);
            }
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Sleep `d`; false if asked to stop meanwhile.
fn sleep_unless(stop: &AtomicBool, d: Duration) -> bool {
    let end = Instant::now() + d;
    while Instant::now() < end {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        std::thread::sleep(TICK.min(end.saturating_duration_since(Instant::now())));
    }
    !stop.load(Ordering::Relaxed)
}

/// Run one check in a probe process; wait for it (at most its timeout and a margin).
fn probe(root: &std::path::Path, id: &str, timeout: Duration) {
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let child = std::process::Command::new(exe)
        .arg("--root")
        .arg(root)
        .args(["healthcheck", "run", id])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let Ok(child) = child else {
        return;
    };
    // SAFETY: pidfd_open with a pid we just started and no flags.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, child.id() as libc::pid_t, 0) };
    if fd < 0 {
        return;
    }
    // SAFETY: pidfd_open returned a new fd that nothing else owns.
    let pidfd = unsafe { OwnedFd::from_raw_fd(fd as i32) };
    let limit = timeout + Duration::from_secs(10);
    let ms = u16::try_from(limit.as_millis()).unwrap_or(u16::MAX);
    let mut fds = [nix::poll::PollFd::new(
        pidfd.as_fd(),
        nix::poll::PollFlags::POLLIN,
    )];
    let _ = nix::poll::poll(&mut fds, nix::poll::PollTimeout::from(ms));
    // The monitor's reaper may have collected it already.
    let _ = nix::sys::wait::waitpid(
        nix::unistd::Pid::from_raw(child.id() as i32),
        Some(nix::sys::wait::WaitPidFlag::WNOHANG),
    );
}
