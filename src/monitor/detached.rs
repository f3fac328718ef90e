//! The detached monitor: `husk run -d` and `husk start` spawn it (the hidden
//! `husk monitor ID` command, in its own session) and return once it reports the
//! container started. It is a child subreaper, logs the container's output
//! ([`super::log`]), forwards SIGTERM and the like to it, records its exit,
//! starts it again as `--restart` says (with a doubling delay), removes it for
//! `--rm`, and exits when the container is gone for good.

use std::fs::File;
use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::time::Duration;

use anyhow::{Context, Result};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::Signal;
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::wait::{waitpid, WaitPidFlag};
use nix::unistd::Pid;

use super::attach::{self, Attachments};
use super::launch::{launch, Launched};
use super::log::{self, Stream};
use crate::container::{self, state, Container};
use crate::error::{exit_code_of, one_line};
use crate::store::containers::{ContainerRecord, Restart, RestartPolicy, Status};
use crate::store::Store;

/// The fd on which the spawning command waits for "started" (see [`crate::monitor::detached`]).
pub const READY_FD: RawFd = 3;
/// Set by `spawn` to the ready pipe's fd number.
const READY_ENV: &str = "HUSK_MONITOR_READY_FD";

/// Set for an exec'd monitor: its [`Handover`] ("FDS,STDIO").
const HANDOVER_ENV: &str = "HUSK_MONITOR_HANDOVER";

/// What the command that starts a monitor hands on to the container's first
/// start: its own stdio (`--log-driver passthrough`, in the foreground) and its
/// fds 3..3+N (`--preserve-fds`). Only `husk run` (and `start -a` for stdio),
/// which checked them, hands anything on; a `husk start` or `restart` hands
/// nothing, whatever the container was created with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Handover {
    pub stdio: bool,
    pub fds: RawFd,
    /// The client's terminal size (rows, columns) for the container's
    /// terminal, when it is not this process's own (an API client's).
    pub winsize: Option<(u16, u16)>,
}

impl Handover {
    fn to_env(self) -> String {
        format!("{},{}", self.fds, u8::from(self.stdio))
    }

    /// An exec'd monitor's, from its environment.
    pub fn from_env() -> Handover {
        let text = std::env::var(HANDOVER_ENV).unwrap_or_default();
        let mut f = text.split(',');
        let fds = f.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        Handover {
            fds: fds.clamp(0, 1021),
            stdio: f.next() == Some("1"),
            winsize: None,
        }
    }
}
/// Set by `spawn_attached`: wait for the foreground client before starting.
const ATTACH_ENV: &str = "HUSK_MONITOR_ATTACH";
/// Set by `spawn_attached`: the client's terminal size ("ROWSxCOLS"), for the container's terminal.
pub const WINSIZE_ENV: &str = "HUSK_MONITOR_WINSIZE";

/// The first delay before a restart; doubled after each, up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The foreground client of a monitor (`husk run`, `start -a`), attached
/// before the container starts so that no output is lost.
pub enum Client {
    /// None: a detached container.
    None,
    /// It connects to the attach socket (a monitor exec'd as `husk monitor`).
    Connects,
    /// Connected already: a socket pair made before the monitor was forked.
    Connected(std::os::unix::net::UnixStream),
}

/// The client of a monitor exec'd as `husk monitor` (`start_monitor` said in
/// the environment whether one comes).
pub fn client_from_env() -> Client {
    match std::env::var_os(ATTACH_ENV) {
        Some(_) => Client::Connects,
        None => Client::None,
    }
}

/// Run the monitor of container `ctr`. `ready`: where to say "0" once started, or
/// "CODE message" if it could not start; `client`: a foreground container's.
pub fn run(
    store: &Store,
    ctr: &Container,
    driver: &str,
    mut ready: Option<File>,
    client: Client,
    handover: Handover,
) -> Result<i32> {
    // SAFETY: prctl with plain arguments.
    unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1) };
    crate::timeline::mark("monitor");
    let id = ctr.record.id.as_str();
    crate::proctitle::set(&format!("husk-monitor {}", ctr.record.name));
    // For systemd units of Type=forking (`husk generate systemd`): the main process.
    let run_dir = crate::userns::pause::runtime_dir()?;
    let pid_file = crate::systemd::pid_file(&run_dir, id);
    std::fs::write(&pid_file, format!("{}\n", std::process::id()))
        .with_context(|| format!("writing {}", pid_file.display()))?;
    let mut log = match ctr.record.log_driver {
        log::Driver::K8sFile => log::Writer::open(log::path(&ctr.dir), ctr.record.log_max_size)?,
        log::Driver::None | log::Driver::Passthrough => log::Writer::none(),
        log::Driver::Journald => log::Writer::journald(super::journal::Sink::open(
            &ctr.record.id,
            &ctr.record.name,
        )?),
    };
    let mut att = Attachments::bind(attach::socket_path(&run_dir, id))?;
    // A foreground container (`husk run`, `start -a`): its client attaches before it starts.
    match client {
        Client::None => {}
        Client::Connects => {
            if let Some(r) = ready.as_mut() {
                writeln!(r, "attach").context("telling husk run to attach")?;
            }
            att.wait_for_client(Duration::from_secs(30))?;
        }
        Client::Connected(stream) => att.add_primary(stream),
    }
    crate::timeline::mark("client attached");
    let mut backoff = FIRST_BACKOFF;
    loop {
        // The last start's process: its root is unmounted (and its FUSE workers
        // waited for) once the clients have heard the exit.
        let mut finished = None;
        let code = match run_once(
            store,
            ctr,
            (driver, handover),
            &mut log,
            &mut att,
            &mut ready,
            &mut finished,
        ) {
            Ok(code) => code,
            Err(e) => {
                let code = exit_code_of(&e);
                if let Some(mut r) = ready.take() {
                    let _ = writeln!(r, "{code} {}", one_line(&e));
                }
                state::update(store, id, |s| s.error = Some(one_line(&e)))?;
                code
            }
        };
        crate::timeline::mark("container gone");
        // --rm: gone before `husk run --rm` returns (its exit is not written
        // first); its files are deleted after the clients heard the code.
        let trash = match ctr.record.auto_remove {
            true => container::remove_exited(store, id).map(Some),
            false => Ok(None),
        };
        let again = match &trash {
            Ok(Some(_)) => false,
            _ => {
                let policy = &ctr.record.restart;
                let s = state::record_exit(store, id, code, |s| {
                    (s.restart_requested && !s.stop_requested)
                        || restarts(policy, code, s.restart_count, s.stop_requested)
                })?;
                crate::events::container("die", &ctr.record, &[("exitCode", code.to_string())]);
                s.status == Status::Restarting
            }
        };
        crate::timeline::mark("exit recorded");
        if let Ok(Some(_)) = &trash {
            // docker's --rm takes the anonymous volumes too.
            let volumes = crate::volume::mounts_of(&ctr.record);
            if let Err(e) = crate::volume::remove_anonymous(store, volumes) {
                eprintln!("husk: removing the anonymous volumes of {id}: {e:#}");
            }
        }
        if let (Ok(Some(t)), Some(f)) = (&trash, finished.as_mut()) {
            f.moved_to(&t.path().join("rootfs"));
        }
        // --rmi: the image too, unless another container uses it; before the
        // clients hear the code, as the container's own removal is.
        let image_gone = matches!(&trash, Ok(Some(_)))
            && ctr.record.remove_image
            && crate::image::remove::remove_if_unused(store, &ctr.record.image)
                .map_err(|e| eprintln!("husk: removing the image of {id}: {e:#}"))
                .unwrap_or(false);
        // Clients hear the code once the state says it: a `husk start` right
        // after `husk run` returns must not find the container still running.
        att.disconnect(Some(code));
        crate::timeline::mark("clients told");
        drop(finished);
        drop(trash?);
        if image_gone {
            // Its layers, once this container's root no longer holds them.
            if let Err(e) = crate::store::gc::collect(store, false) {
                eprintln!("husk: removing the layers of {id}'s image: {e:#}");
            }
        }
        if !again {
            break;
        }
        if !wait_unless_stopped(store, id, backoff) {
            state::update(store, id, |s| s.status = Status::Exited)?;
            break;
        }
        backoff = (backoff * 2).min(MAX_BACKOFF);
        state::update(store, id, |s| s.restart_count += 1)?;
    }
    let _ = std::fs::remove_file(&pid_file);
    crate::timeline::mark("monitor done");
    Ok(0)
}

/// Whether the policy starts the container again after it exited with `code`.
pub fn restarts(policy: &RestartPolicy, code: i32, count: u32, stop_requested: bool) -> bool {
    if stop_requested {
        return false;
    }
    match policy.name {
        Restart::Always | Restart::UnlessStopped => true,
        Restart::OnFailure => code != 0 && (policy.max_retries == 0 || count < policy.max_retries),
        Restart::No => false,
    }
}

/// `--pidfile` and `--conmon-pidfile`: the container's pid and the monitor's,
/// written at each start (a failure is the container's error, not fatal).
fn write_pidfiles(record: &ContainerRecord, pid: i32) {
    let files = [
        (&record.pidfile, pid),
        (&record.conmon_pidfile, std::process::id() as i32),
    ];
    for (file, pid) in files {
        if let Some(f) = file {
            if let Err(e) = std::fs::write(f, format!("{pid}\n")) {
                eprintln!("husk: writing the pid file {}: {e}", f.display());
            }
        }
    }
}

/// Sleep `delay`, unless `husk stop` (or rm, kill) asks the container to stay down: false then.
fn wait_unless_stopped(store: &Store, id: &str, delay: Duration) -> bool {
    let end = std::time::Instant::now() + delay;
    while std::time::Instant::now() < end {
        match store.container_state(id) {
            Ok(s) if !s.stop_requested => {}
            _ => return false,
        }
        std::thread::sleep(Duration::from_millis(50).min(delay));
    }
    true
}

/// Pipes for the container's stdout and stderr, and stdin with `-i`.
struct Outputs {
    out: (OwnedFd, OwnedFd),
    err: (OwnedFd, OwnedFd),
    input: Option<(OwnedFd, OwnedFd)>,
}

/// Point fds 0, 1 and 2 at /dev/null, or at `outputs`' ends (the container
/// inherits them when it is cloned).
fn set_stdio(outputs: Option<&Outputs>) -> Result<()> {
    let null = File::options()
        .read(true)
        .write(true)
        .open("/dev/null")
        .context("opening /dev/null")?;
    let (out, err) = match outputs {
        Some(o) => (o.out.1.as_raw_fd(), o.err.1.as_raw_fd()),
        None => (null.as_raw_fd(), null.as_raw_fd()),
    };
    let input = match outputs.and_then(|o| o.input.as_ref()) {
        Some((r, _)) => r.as_raw_fd(),
        None => null.as_raw_fd(),
    };
    for (from, to) in [(input, 0), (out, 1), (err, 2)] {
        // SAFETY: dup2 onto the standard fds of this process.
        if unsafe { libc::dup2(from, to) } < 0 {
            return Err(std::io::Error::last_os_error()).context("dup2");
        }
    }
    Ok(())
}

/// Start the container once and log its output until it is gone; its exit code.
/// `(driver, handover)`: the storage driver, and what the starting command handed on.
fn run_once(
    store: &Store,
    ctr: &Container,
    (driver, handover): (&str, Handover),
    log: &mut log::Writer,
    att: &mut Attachments,
    ready: &mut Option<File>,
    finished: &mut Option<Launched>,
) -> Result<i32> {
    let id = &ctr.record.id;
    // passthrough: the container's stdio are this monitor's, which are the client's.
    let passthrough = handover.stdio;
    let pipes = if ctr.record.tty || passthrough {
        None
    } else {
        let p = || nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe");
        Some(Outputs {
            out: p()?,
            err: p()?,
            input: if ctr.record.interactive {
                Some(p()?)
            } else {
                None
            },
        })
    };
    if !passthrough {
        set_stdio(pipes.as_ref())?;
    }
    let keep_stdin = match passthrough {
        true => ctr.record.interactive,
        false => pipes.as_ref().is_some_and(|p| p.input.is_some()),
    };
    let launched = launch(store, ctr, driver, keep_stdin, handover.fds);
    if !passthrough {
        set_stdio(None)?;
    }
    let mut launched = launched?;
    crate::timeline::mark("container execs");
    att.set_target(Some(launched.pid));
    let health = ctr.record.healthcheck.as_ref().map(|_| Default::default());
    state::record_started(
        store,
        id,
        launched.pid.as_raw(),
        launched.network_state(),
        health,
    )?;
    crate::events::container("start", &ctr.record, &[]);
    write_pidfiles(&ctr.record, launched.pid.as_raw());
    if let Some(secs) = ctr.record.timeout {
        super::timeout::kill_after(launched.pid, Duration::from_secs(secs.into()));
    }
    let _timer = ctr
        .record
        .healthcheck
        .as_ref()
        .filter(|h| !h.interval.is_zero() || h.startup.is_some())
        .map(|h| super::health::Timer::start(store, ctr, h.clone()));
    if let Some(mut r) = ready.take() {
        // The first start: systemd hears of it (a restart keeps the same monitor).
        if let Err(e) = super::sdnotify::started(ctr.record.sdnotify) {
            state::update(store, id, |s| s.error = Some(crate::error::one_line(&e)))?;
        }
        let _ = writeln!(r, "0");
    }
    // Attached clients write to the stdin pipe (-i) or to the terminal (-t).
    let sources = match (pipes, launched.terminal.take()) {
        (Some(p), _) => {
            att.set_input(p.input.map(|(_, w)| w), true);
            vec![(p.out.0, Stream::Stdout), (p.err.0, Stream::Stderr)]
        }
        (None, Some(master)) => {
            att.set_input(master.try_clone().ok(), false);
            vec![(master, Stream::Stdout)]
        }
        (None, None) => Vec::new(),
    };
    // A log that cannot be written (a full disk) is said in the state; the container goes on.
    let report = |e: String| {
        let _ = state::update(store, id, |s| s.error = Some(e));
    };
    let code = pump(&launched, sources, log, att, &report);
    crate::timeline::mark("pump done");
    log.flush();
    if let Some(e) = log.take_error() {
        report(e);
    }
    launched.release_network();
    *finished = Some(launched);
    code
}

/// Log the container's output and forward signals to it until it has exited and
/// its outputs are drained; returns its exit code.
fn pump(
    launched: &Launched,
    mut sources: Vec<(OwnedFd, Stream)>,
    log: &mut log::Writer,
    att: &mut Attachments,
    report: &dyn Fn(String),
) -> Result<i32> {
    let sfd = SignalFd::with_flags(&launched.signals, SfdFlags::SFD_CLOEXEC).context("signalfd")?;
    let pid = launched.pid;
    let mut status = None;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if let Some(code) = status {
            if sources.is_empty() {
                return Ok(code);
            }
        }
        let mut fds = vec![PollFd::new(sfd.as_fd(), PollFlags::POLLIN)];
        fds.extend(
            sources
                .iter()
                .map(|(fd, _)| PollFd::new(fd.as_fd(), PollFlags::POLLIN)),
        );
        let att_fds = att.fds();
        fds.extend(att_fds.iter().map(|fd| PollFd::new(*fd, PollFlags::POLLIN)));
        // Once the container is gone, only drain what its outputs still hold.
        let timeout = match status {
            Some(_) => PollTimeout::from(100u16),
            None => PollTimeout::NONE,
        };
        let ready: Vec<bool> = match poll(&mut fds, timeout) {
            Ok(0) if status.is_some() => {
                sources.clear();
                continue;
            }
            Ok(_) => fds
                .iter()
                .map(|f| f.revents().is_some_and(|r| !r.is_empty()))
                .collect(),
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("poll"),
        };
        drop(fds);
        drop(att_fds);
        att.handle(&ready[1 + sources.len()..]);
        if ready[0] {
            if let Some(code) = handle_signal(&sfd, pid)? {
                status = Some(code);
            }
        }
        let mut closed = Vec::new();
        for (i, (fd, stream)) in sources.iter().enumerate() {
            if !ready[i + 1] {
                continue;
            }
            match nix::unistd::read(fd.as_raw_fd(), &mut buf) {
                Ok(0) | Err(_) => closed.push(i),
                Ok(n) => {
                    log.write(*stream, &buf[..n]);
                    att.broadcast(*stream, &buf[..n]);
                }
            }
        }
        for i in closed.into_iter().rev() {
            sources.remove(i);
        }
        if let Some(e) = log.take_error() {
            report(e);
        }
    }
}

/// Reap children (the container, and orphans: the monitor is a subreaper) and
/// forward other signals; the container's exit code once it has exited.
fn handle_signal(sfd: &SignalFd, pid: Pid) -> Result<Option<i32>> {
    let Ok(Some(info)) = sfd.read_signal() else {
        return Ok(None);
    };
    match Signal::try_from(info.ssi_signo as i32) {
        Ok(Signal::SIGCHLD) => {
            let mut code = None;
            loop {
                match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
                    Ok(nix::sys::wait::WaitStatus::StillAlive) | Err(_) => break,
                    Ok(s) if s.pid() == Some(pid) => code = super::exit_code(s),
                    Ok(_) => {}
                }
            }
            Ok(code)
        }
        Ok(s) => {
            let _ = nix::sys::signal::kill(pid, s);
            Ok(None)
        }
        Err(_) => Ok(None),
    }
}

/// Start the monitor of container `id` (`husk monitor`, in a session of its own,
/// stdio on /dev/null) and wait until it says the container runs. A container
/// that cannot start fails here with its exit code (125, 126, 127) and message.
pub fn spawn(store: &Store, ctr: &Container, driver: &str, handover: Handover) -> Result<()> {
    let (mut ready, _monitor, _) = start_monitor(store, ctr, driver, false, handover)?;
    started(&mut ready)
}

/// A foreground container's monitor, started and waiting for its client.
pub struct AttachedStart {
    /// The monitor process (a child of this one: `husk run --rm` waits for it,
    /// since it removes the container).
    pub monitor: Pid,
    ready: std::io::BufReader<File>,
    /// Connected from the start (a forked monitor), else by [`AttachedStart::attach`].
    stream: Option<std::os::unix::net::UnixStream>,
}

/// For a foreground container: start its monitor, which waits for
/// [`AttachedStart::attach`] before it starts the container (so that no output is lost).
pub fn start_attached(
    store: &Store,
    ctr: &Container,
    driver: &str,
    handover: Handover,
) -> Result<AttachedStart> {
    let (ready, monitor, stream) = start_monitor(store, ctr, driver, true, handover)?;
    Ok(AttachedStart {
        monitor,
        ready,
        stream,
    })
}

impl AttachedStart {
    /// Attach to the monitor of container `id`, then wait until the container runs.
    pub fn attach(&mut self, id: &str) -> Result<std::os::unix::net::UnixStream> {
        use std::io::BufRead;
        if let Some(sock) = self.stream.take() {
            started(&mut self.ready)?;
            return Ok(sock);
        }
        let mut line = String::new();
        self.ready
            .read_line(&mut line)
            .context("waiting for the container's monitor")?;
        if line.trim_end() != "attach" {
            return Err(failure(line.trim_end()));
        }
        let run_dir = crate::userns::pause::runtime_dir()?;
        let sock = attach::connect(&attach::socket_path(&run_dir, id))?;
        started(&mut self.ready)?;
        Ok(sock)
    }

    /// Wait (a minute at most) for the monitor to finish (after --rm's removal).
    pub fn wait_monitor(&mut self) {
        // Woken the moment it exits (a pidfd is readable then), not at the next poll.
        let pid = self.monitor.as_raw();
        // SAFETY: pidfd_open of our own child, which has not been reaped yet.
        let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
        if fd >= 0 {
            let mut p = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd; fd is ours and closed right after.
            unsafe {
                libc::poll(&mut p, 1, 60_000);
                libc::close(fd);
            }
        }
        let start = std::time::Instant::now();
        while matches!(
            waitpid(self.monitor, Some(WaitPidFlag::WNOHANG)),
            Ok(nix::sys::wait::WaitStatus::StillAlive)
        ) && start.elapsed() < Duration::from_secs(60)
        {
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

/// Start the monitor of container `id` in a session of its own, stdio on
/// /dev/null; the pipe on which it says "0" or its failure (and before, for an
/// `attached` client that connects, "attach"). A single-threaded husk forks it
/// (the monitor runs on from here, in the namespaces this process entered),
/// and an attached client gets its connection to it at once; one with threads
/// (a `run` that pulled) execs `husk monitor`, since a fork copies only the
/// calling thread.
#[allow(clippy::type_complexity)]
fn start_monitor(
    store: &Store,
    ctr: &Container,
    driver: &str,
    attached: bool,
    handover: Handover,
) -> Result<(
    std::io::BufReader<File>,
    Pid,
    Option<std::os::unix::net::UnixStream>,
)> {
    // `--requires`: those containers run first.
    for other in &ctr.record.requires {
        crate::container::lifecycle::start(store, other, driver)
            .with_context(|| format!("starting {other}, which {} requires", ctr.record.name))?;
    }
    let (ready_r, ready_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
    let (monitor, stream) = match crate::runtime::single_threaded() {
        true => {
            let (client, pair) = match attached {
                true => {
                    let (mine, its) = std::os::unix::net::UnixStream::pair()
                        .context("a socket pair for the container's monitor")?;
                    (Some(mine), Client::Connected(its))
                }
                false => (None, Client::None),
            };
            let pid = fork_monitor(
                store,
                ctr,
                driver,
                pair,
                (ready_r.as_raw_fd(), ready_w),
                handover,
            )?;
            (pid, client)
        }
        false => {
            let pid = exec_monitor(store, &ctr.record.id, driver, attached, handover, ready_w)?;
            (pid, None)
        }
    };
    Ok((
        std::io::BufReader::new(File::from(ready_r)),
        monitor,
        stream,
    ))
}

/// [`start_monitor`] by fork alone.
fn fork_monitor(
    store: &Store,
    ctr: &Container,
    driver: &str,
    client: Client,
    (ready_r, ready_w): (RawFd, OwnedFd),
    handover: Handover,
) -> Result<Pid> {
    let winsize = handover.winsize.or_else(attach::window_size);
    let client_fd = match &client {
        Client::Connected(s) => Some(s.as_raw_fd()),
        _ => None,
    };
    // SAFETY: this process has one thread (checked by the caller), so the child
    // inherits no lock held elsewhere; it leaves with _exit, never returning here.
    match unsafe { nix::unistd::fork() }.context("starting the container's monitor (fork)")? {
        nix::unistd::ForkResult::Parent { child } => Ok(child),
        nix::unistd::ForkResult::Child => {
            let code = match become_monitor(ready_r, ready_w, client_fd, winsize, handover) {
                Ok(ready) => {
                    run(store, ctr, driver, Some(ready), client, handover).unwrap_or_else(|e| {
                        let _ =
                            state::update(store, &ctr.record.id, |s| s.error = Some(one_line(&e)));
                        exit_code_of(&e)
                    })
                }
                Err(_) => crate::error::EXIT_TOOL, // said on the ready pipe
            };
            // SAFETY: leaving the forked child without the client's destructors and buffers.
            unsafe { libc::_exit(code) }
        }
    }
}

/// In the forked monitor: what `husk monitor` would start with. A session of its
/// own, stdio on /dev/null, no fd of the client's but the ready pipe, its end of
/// the client's connection and the timeline's, no blocked signal, a mount
/// namespace of its own, the client's freed memory given back. Returns the
/// ready pipe; a failure is said there ("125 message") before it is returned.
fn become_monitor(
    ready_r: RawFd,
    ready_w: OwnedFd,
    client: Option<RawFd>,
    winsize: Option<(u16, u16)>,
    handover: Handover,
) -> Result<File> {
    // `--preserve-fds N`: the client's fds 3..3+N stay, for the container.
    let keep: Vec<Option<RawFd>> = [Some(ready_w.as_raw_fd()), client, crate::timeline::raw_fd()]
        .into_iter()
        .chain((3..3 + handover.fds).map(Some))
        .collect();
    let mut ready = File::from(ready_w);
    let prepared = prepare_monitor(&keep, ready_r, winsize, handover.stdio);
    if let Err(e) = &prepared {
        let _ = writeln!(ready, "{} {}", crate::error::EXIT_TOOL, one_line(e));
    }
    prepared.map(|()| ready)
}

fn prepare_monitor(
    keep: &[Option<RawFd>],
    ready_r: RawFd,
    winsize: Option<(u16, u16)>,
    passthrough: bool,
) -> Result<()> {
    nix::unistd::setsid().context("setsid")?;
    if !passthrough {
        set_stdio(None)?;
    }
    close_other_fds(keep, ready_r);
    nix::sys::signal::pthread_sigmask(
        nix::sys::signal::SigmaskHow::SIG_SETMASK,
        Some(&nix::sys::signal::SigSet::empty()),
        None,
    )
    .context("unblocking signals")?;
    // SIGPIPE ignored, as in a monitor that `husk monitor` starts: a client
    // gone from the ready pipe or an attach socket is an error of that write,
    // not the monitor's end. The commands that fork monitors do not all ignore
    // it (`pod start`, `compose start` end quietly on a closed stdout). The
    // container's process gets the default back before its exec.
    // SAFETY: signal(2) with SIG_IGN, in the forked child's one thread.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    crate::userns::private_mounts()?;
    if let Some((rows, cols)) = winsize {
        std::env::set_var(WINSIZE_ENV, format!("{rows}x{cols}"));
    }
    // SAFETY: malloc_trim only returns free heap memory to the system.
    unsafe { libc::malloc_trim(0) };
    Ok(())
}

/// Close every fd of this process from 3 up but those in `keep` (the forked
/// monitor must not hold the client's files: a lock lives as long as any copy
/// of its fd). `also` is closed even if it is in `keep`.
pub(crate) fn close_other_fds(keep: &[Option<RawFd>], also: RawFd) {
    let open: Vec<RawFd> = match std::fs::read_dir("/proc/self/fd") {
        Ok(dir) => dir
            .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
            .collect(),
        Err(_) => return,
    };
    for fd in open {
        if fd > 2 && (fd == also || !keep.contains(&Some(fd))) {
            // SAFETY: closing an fd of this single-threaded child; the read_dir fd is
            // already closed (EBADF then, harmless).
            unsafe { libc::close(fd) };
        }
    }
}

/// [`start_monitor`] by exec of `husk monitor`.
fn exec_monitor(
    store: &Store,
    id: &str,
    driver: &str,
    attached: bool,
    handover: Handover,
    ready_w: OwnedFd,
) -> Result<Pid> {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    let ready_raw = ready_w.as_raw_fd();
    let ready_fd = READY_FD.max(3 + handover.fds);
    let mut cmd = Command::new("/proc/self/exe");
    // `--log-driver passthrough`: the container's stdio are the client's, through the monitor.
    let stdio = || match handover.stdio {
        true => Stdio::inherit(),
        false => Stdio::null(),
    };
    cmd.arg("--root")
        .arg(store.root())
        .args(["--storage-driver", driver, "monitor", id])
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio())
        // Past the fds handed on (3..3+N), which stay where they are.
        .env(READY_ENV, ready_fd.to_string())
        .env(HANDOVER_ENV, handover.to_env());
    if attached {
        cmd.env(ATTACH_ENV, "1");
        if let Some((rows, cols)) = handover.winsize.or_else(attach::window_size) {
            cmd.env(WINSIZE_ENV, format!("{rows}x{cols}"));
        }
    }
    // SAFETY: between fork and exec only async-signal-safe calls: setsid, dup2, fcntl.
    unsafe {
        cmd.pre_exec(move || {
            let moved = if ready_raw == ready_fd {
                // Already there: dup2 would keep close-on-exec.
                libc::fcntl(ready_fd, libc::F_SETFD, 0)
            } else {
                libc::dup2(ready_raw, ready_fd)
            };
            if libc::setsid() < 0 || moved < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    // Usually not waited for: the monitor outlives this command (init or a subreaper adopts it).
    let monitor = cmd.spawn().context("starting the container's monitor")?;
    drop(ready_w);
    let pid = Pid::from_raw(monitor.id() as i32);
    UNWAITED.lock().unwrap_or_else(|e| e.into_inner()).push(pid);
    Ok(pid)
}

/// Monitors exec'd by this process: a command exits and leaves them to
/// init, but a long-lived one (the API service) must reap those that end.
static UNWAITED: std::sync::Mutex<Vec<Pid>> = std::sync::Mutex::new(Vec::new());

/// Reap the monitors this process started that have exited (without
/// blocking); a long-lived process calls it now and then.
pub fn reap_monitors() {
    let mut pids = UNWAITED.lock().unwrap_or_else(|e| e.into_inner());
    pids.retain(|pid| {
        matches!(
            waitpid(*pid, Some(WaitPidFlag::WNOHANG)),
            Ok(nix::sys::wait::WaitStatus::StillAlive)
        )
    });
}

/// Read the monitor's word that the container runs ("0"), or its failure.
fn started(ready: &mut std::io::BufReader<File>) -> Result<()> {
    use std::io::BufRead;
    let mut line = String::new();
    ready
        .read_line(&mut line)
        .context("waiting for the container's monitor")?;
    match line.trim_end() {
        "0" => Ok(()),
        other => Err(failure(other)),
    }
}

/// The monitor's failure line ("CODE message") as an error with that code.
fn failure(line: &str) -> anyhow::Error {
    match line.split_once(' ') {
        Some((code, message)) => match code.parse::<i32>() {
            Ok(code) => crate::error::Failure::new(code, message.to_string()).into(),
            Err(_) => anyhow::anyhow!("the container's monitor failed: {line}"),
        },
        None => anyhow::anyhow!("the container's monitor exited before starting the container"),
    }
}

/// The ready pipe a spawned monitor inherited, if this process is one: only
/// when `spawn` said so in the environment and fd 3 is a pipe, so that a
/// monitor started otherwise never takes over whatever its fd 3 is.
pub fn ready_pipe() -> Option<File> {
    use std::os::fd::{BorrowedFd, FromRawFd};
    let fd: RawFd = std::env::var(READY_ENV).ok()?.parse().ok()?;
    if !(READY_FD..1024).contains(&fd) {
        return None;
    }
    // SAFETY: fcntl(F_GETFD) only asks whether the fd is open.
    if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
        return None;
    }
    // SAFETY: the fd is open (checked above) and only borrowed for the fstat.
    let st = crate::fsat::fstat(unsafe { BorrowedFd::borrow_raw(fd) }).ok()?;
    if st.st_mode & libc::S_IFMT != libc::S_IFIFO {
        return None;
    }
    // SAFETY: the fd is the ready pipe `spawn` put there, owned from now on by this File.
    let f = unsafe { File::from_raw_fd(fd) };
    // SAFETY: mark it close-on-exec so that the container never inherits it.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    Some(f)
}
