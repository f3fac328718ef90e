//! `husk system service`: the socket (made private, or handed over by
//! systemd's socket activation), a thread per connection, and the end: after
//! `idle` without a request or an open connection, or at SIGTERM/SIGINT once
//! the requests in flight are answered.

use std::io::{BufReader, Write};
use std::os::fd::{AsFd, AsRawFd, FromRawFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use nix::sys::signal::{SigSet, SigmaskHow, Signal};

use super::http::{self, BodyError, Response, Then};
use super::routes::{self, Context as ApiContext};

/// Where the service listens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listen {
    /// A socket path it makes (mode 0600).
    Unix(PathBuf),
    /// The socket systemd made and passed as fd 3 (`LISTEN_FDS`).
    Activated,
}

impl Listen {
    /// `unix:///path` (or a bare path); none: socket activation if systemd
    /// passed a socket, else `default`.
    pub fn parse(uri: Option<&str>, default: &Path) -> Result<Listen> {
        match uri {
            None if activated() => Ok(Listen::Activated),
            None => Ok(Listen::Unix(default.to_path_buf())),
            Some(u) if u.starts_with("tcp://") => {
                bail!("{u}: husk serves the API on unix sockets only, which only you can open")
            }
            Some(u) => {
                let path = u.strip_prefix("unix://").unwrap_or(u);
                if !path.starts_with('/') {
                    bail!("{u}: give the socket as unix:///ABSOLUTE/PATH");
                }
                Ok(Listen::Unix(PathBuf::from(path)))
            }
        }
    }
}

/// Whether systemd passed this process a socket (`LISTEN_PID` is ours, `LISTEN_FDS` ≥ 1).
fn activated() -> bool {
    let ours = std::env::var("LISTEN_PID").ok() == Some(std::process::id().to_string());
    let fds: u32 = std::env::var("LISTEN_FDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    ours && fds >= 1
}

/// How the service runs.
pub struct ServeOptions {
    pub listen: Listen,
    /// Exit after this long with nothing to do (`None`: never).
    pub idle: Option<Duration>,
}

/// What the connections share: what the endpoints need, and what the
/// idle timer reads.
struct Shared {
    api: ApiContext,
    /// Requests being answered now (a connection kept open between
    /// requests does not count: it neither keeps the service nor delays its end).
    busy: AtomicUsize,
    last_request: Mutex<Instant>,
}

impl Shared {
    fn touch(&self) {
        *self.last_request.lock().expect("lock poisoned") = Instant::now();
    }
}

/// At SIGTERM, how long requests in flight have to end.
const DRAIN: Duration = Duration::from_secs(10);

/// The JSON endpoints take bodies up to this size.
const MAX_BODY: u64 = 4 << 20;
/// Uploads (image archives, build contexts) go to disk; this is only a bound.
const MAX_UPLOAD: u64 = 1 << 40;

/// Serve the API until idle or signalled.
pub fn serve(api: ApiContext, opts: &ServeOptions) -> Result<()> {
    // Blocked before any thread exists: only the accept loop takes them.
    let mut signals = SigSet::empty();
    signals.add(Signal::SIGTERM);
    signals.add(Signal::SIGINT);
    nix::sys::signal::pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&signals), None)?;
    let (listener, path) = match &opts.listen {
        Listen::Unix(p) => (bind(p)?, Some(p.clone())),
        // SAFETY: systemd passes the listening socket as fd 3 (sd_listen_fds(3)).
        Listen::Activated => (unsafe { UnixListener::from_raw_fd(3) }, None),
    };
    // Not for the processes the service starts (newuidmap, monitors, relays).
    nix::fcntl::fcntl(
        listener.as_raw_fd(),
        nix::fcntl::FcntlArg::F_SETFD(nix::fcntl::FdFlag::FD_CLOEXEC),
    )
    .context("the listening socket")?;
    listener.set_nonblocking(true)?;
    let shared = Arc::new(Shared {
        api,
        busy: AtomicUsize::new(0),
        last_request: Mutex::new(Instant::now()),
    });
    let result = accept_loop(&listener, &shared, &signals, opts.idle);
    // Requests in flight are answered before the socket goes; streams that
    // would go on for ever (events, logs -f, attach) are given 10 s.
    drop(listener);
    let deadline = Instant::now() + DRAIN;
    while shared.busy.load(Ordering::SeqCst) > 0 && result.is_ok() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if let Some(p) = path {
        let _ = std::fs::remove_file(p);
    }
    result
}

fn accept_loop(
    listener: &UnixListener,
    shared: &Arc<Shared>,
    signals: &SigSet,
    idle: Option<Duration>,
) -> Result<()> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    loop {
        let none = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: sigtimedwait(2) with a valid set and timespec, no siginfo asked.
        if unsafe { libc::sigtimedwait(signals.as_ref(), std::ptr::null_mut(), &none) } > 0 {
            return Ok(());
        }
        // The monitors of containers started here are this process's children.
        crate::monitor::detached::reap_monitors();
        if let Some(limit) = idle {
            let last = *shared.last_request.lock().expect("lock poisoned");
            if shared.busy.load(Ordering::SeqCst) == 0 && last.elapsed() >= limit {
                return Ok(());
            }
        }
        let mut fds = [PollFd::new(listener.as_fd(), PollFlags::POLLIN)];
        match poll(&mut fds, PollTimeout::from(100u16)) {
            Ok(_) | Err(nix::errno::Errno::EINTR) => {}
            Err(e) => return Err(e).context("waiting for connections"),
        }
        match listener.accept() {
            Ok((conn, _)) => {
                shared.touch();
                let shared = Arc::clone(shared);
                std::thread::spawn(move || connection(conn, &shared));
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) => return Err(e).context("accepting a connection"),
        }
    }
}

/// Make the socket at `path`, private to the user. One that answers is
/// another service's: refused. One that does not is a dead one's: replaced.
fn bind(path: &Path) -> Result<UnixListener> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        use std::os::unix::fs::FileTypeExt;
        if !meta.file_type().is_socket() {
            bail!("{} exists and is not a socket", path.display());
        }
        if UnixStream::connect(path).is_ok() {
            bail!(
                "another service is listening on {}: stop it, or give another socket",
                path.display()
            );
        }
        std::fs::remove_file(path)
            .with_context(|| format!("removing the old {}", path.display()))?;
    }
    // The socket is made 0600 by the umask (no moment where others may connect).
    let old = nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o177));
    let bound = UnixListener::bind(path);
    nix::sys::stat::umask(old);
    bound.with_context(|| format!("listening on {}", path.display()))
}

/// A request being answered, counted in `busy` until dropped (whatever
/// way its answer ends).
struct Busy<'a>(&'a Shared);

impl<'a> Busy<'a> {
    fn enter(shared: &'a Shared) -> Busy<'a> {
        shared.busy.fetch_add(1, Ordering::SeqCst);
        shared.touch();
        Busy(shared)
    }
}

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        self.0.busy.fetch_sub(1, Ordering::SeqCst);
        self.0.touch();
    }
}

/// Answer the requests of one connection, until it closes; each one counted
/// busy from its head to its answer.
fn connection(conn: UnixStream, shared: &Shared) {
    let _ = requests(conn, shared);
    shared.touch();
}

fn requests(conn: UnixStream, shared: &Shared) -> Result<()> {
    conn.set_nonblocking(false)?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut writer = conn;
    while let Some(req) = match http::read_request(&mut reader) {
        Ok(r) => r,
        Err(e) => {
            let resp = routes::error(400, &format!("{e:#}"));
            let _ = resp.write_to(&mut writer, false, true);
            return Ok(());
        }
    } {
        let _busy = Busy::enter(shared);
        // A bug that panics on some input costs that request, not the service.
        let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            answer(&mut reader, &mut writer, &req, shared)
        }));
        match answered {
            Ok(Ok(true)) => {}
            Ok(Ok(false)) | Ok(Err(_)) => return Ok(()),
            Err(_) => {
                let _ = routes::error(500, "the request failed inside husk (a bug)").write_to(
                    &mut writer,
                    false,
                    true,
                );
                return Ok(());
            }
        }
    }
    Ok(())
}

/// An upload's body (a tar of images, of a build context, of files to
/// copy in), in a nameless file of the store's tmp/ (gone when closed,
/// whatever happens), rewound.
fn spool(
    reader: &mut BufReader<UnixStream>,
    req: &http::Request,
    api: &ApiContext,
) -> Result<std::fs::File, BodyError> {
    use std::io::Seek;
    use std::os::unix::fs::OpenOptionsExt;
    let dir = api.store().tmp_dir();
    std::fs::create_dir_all(&dir)?;
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .mode(0o600)
        .custom_flags(libc::O_TMPFILE)
        .open(&dir)?;
    http::copy_body(
        reader,
        req,
        MAX_UPLOAD,
        &mut std::io::BufWriter::new(&mut file),
    )?;
    file.rewind()?;
    Ok(file)
}

/// Read one request's body and answer it; false when the connection must
/// close after it.
fn answer(
    reader: &mut BufReader<UnixStream>,
    writer: &mut UnixStream,
    req: &http::Request,
    shared: &Shared,
) -> Result<bool> {
    let read = match routes::takes_upload(req) {
        true => spool(reader, req, &shared.api).map(http::Body::File),
        false => http::read_body(reader, req, MAX_BODY).map(http::Body::Bytes),
    };
    let body = match read {
        Ok(b) => b,
        Err(e) => {
            let status = match e {
                BodyError::TooLarge(_) => 413,
                BodyError::Io(_) => 500,
                _ => 400,
            };
            // The rest of the body is not read: the connection cannot go on.
            let _ = routes::error(status, &e.to_string()).write_to(writer, false, true);
            return Ok(false);
        }
    };
    let mut resp: Response = routes::route(&shared.api, req, body);
    let close = !req.keep_alive();
    let head_only = req.method == "HEAD";
    resp.write_to(writer, head_only, close)?;
    match resp.then.take() {
        None => Ok(!close),
        Some(_) if head_only => Ok(!close),
        Some(Then::Stream(f)) => {
            let mut sink = http::Sink::new(writer);
            f(&mut sink)?;
            writer.write_all(b"0\r\n\r\n")?;
            Ok(!close)
        }
        Some(Then::Hijack(f)) => {
            // The connection is the hijacker's from here; this thread runs it.
            let fresh = BufReader::new(writer.try_clone()?);
            let reader = std::mem::replace(reader, fresh);
            f(http::Hijacked {
                reader,
                writer: writer.try_clone()?,
            });
            Ok(false)
        }
    }
}
