//! `husk attach`: the detached monitor listens on a unix socket
//! (`RUNDIR/<id prefix>.attach`) and copies the container's output to every
//! attached client; what a client sends goes to the container's stdin (a pipe
//! with `-i`, the terminal with `-t`). Frames both ways: a kind byte, a
//! little-endian u32 length, the data. Kinds: [`STDIN`] (length 0: end of input),
//! [`STDOUT`], [`STDERR`]; from clients also [`RESIZE`] (rows and columns, u16
//! each) and [`SIGNAL`] (an i32 for the container's process), and to them
//! [`EXIT`] (the container's exit code, i32) before the monitor closes the
//! connections when the container is gone.
//!
//! `husk run` and `husk start -a` are such a client too ([`relay`]): the monitor
//! of a foreground container waits for it before starting the container
//! ([`Attachments::wait_for_client`]), so that no output is lost, and blocks on
//! it (the container waits for a slow reader, as with a pipe).

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::log::Stream;

pub const STDIN: u8 = 0;
pub const STDOUT: u8 = 1;
pub const STDERR: u8 = 2;
pub const RESIZE: u8 = 3;
pub const SIGNAL: u8 = 4;
pub const EXIT: u8 = 5;

/// The attach socket of container `id`.
pub fn socket_path(run_dir: &Path, id: &str) -> PathBuf {
    run_dir.join(format!("{}.attach", &id[..32.min(id.len())]))
}

/// One frame.
pub fn frame(kind: u8, data: &[u8]) -> Vec<u8> {
    let mut f = Vec::with_capacity(data.len() + 5);
    f.push(kind);
    f.extend_from_slice(&(data.len() as u32).to_le_bytes());
    f.extend_from_slice(data);
    f
}

/// Complete frames at the start of `buf` (taken out of it).
pub fn take_frames(buf: &mut Vec<u8>) -> Vec<(u8, Vec<u8>)> {
    let mut frames = Vec::new();
    let mut at = 0;
    while buf.len() - at >= 5 {
        let len = u32::from_le_bytes([buf[at + 1], buf[at + 2], buf[at + 3], buf[at + 4]]) as usize;
        if buf.len() - at - 5 < len {
            break;
        }
        frames.push((buf[at], buf[at + 5..at + 5 + len].to_vec()));
        at += 5 + len;
    }
    buf.drain(..at);
    frames
}

struct Client {
    stream: UnixStream,
    buf: Vec<u8>,
}

impl Client {
    /// A client that cannot take output within 200 ms is dropped, unless it is
    /// the foreground one (`primary`), which the container waits for.
    fn new(stream: UnixStream, primary: bool) -> Client {
        // Blocking: reads happen only when poll says there is data (or end of file).
        let _ = stream.set_nonblocking(false);
        let timeout = (!primary).then_some(std::time::Duration::from_millis(200));
        let _ = stream.set_write_timeout(timeout);
        Client {
            stream,
            buf: Vec::new(),
        }
    }
}

/// The monitor's side: the listening socket and the attached clients.
pub struct Attachments {
    path: PathBuf,
    listener: UnixListener,
    clients: Vec<Client>,
    /// Where client input goes (the container's stdin pipe or terminal).
    input: Option<OwnedFd>,
    /// Whether end of input closes `input` (a pipe; not a terminal).
    closable: bool,
    /// The container's process, for SIGNAL frames.
    target: Option<nix::unistd::Pid>,
}

impl Attachments {
    pub fn bind(path: PathBuf) -> Result<Attachments> {
        let _ = std::fs::remove_file(&path);
        let listener = UnixListener::bind(&path)
            .with_context(|| format!("listening on {}", path.display()))?;
        listener.set_nonblocking(true)?;
        Ok(Attachments {
            path,
            listener,
            clients: Vec::new(),
            input: None,
            closable: false,
            target: None,
        })
    }

    /// Wait (at most `limit`) for the foreground client (`husk run`) to connect.
    pub fn wait_for_client(&mut self, limit: std::time::Duration) -> Result<()> {
        use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
        let ms = u16::try_from(limit.as_millis()).unwrap_or(u16::MAX);
        let mut fds = [PollFd::new(self.listener.as_fd(), PollFlags::POLLIN)];
        poll(&mut fds, PollTimeout::from(ms)).context("waiting for husk run to attach")?;
        let (stream, _) = self
            .listener
            .accept()
            .context("husk run did not attach to the container's monitor")?;
        self.clients.push(Client::new(stream, true));
        Ok(())
    }

    /// The foreground client, connected already (a socket pair made before the
    /// monitor was forked).
    pub fn add_primary(&mut self, stream: UnixStream) {
        self.clients.push(Client::new(stream, true));
    }

    /// The container's process, which SIGNAL frames are for.
    pub fn set_target(&mut self, pid: Option<nix::unistd::Pid>) {
        self.target = pid;
    }

    /// Where input goes for this start of the container.
    pub fn set_input(&mut self, input: Option<OwnedFd>, closable: bool) {
        self.input = input;
        self.closable = closable;
    }

    /// The fds to poll: the listener, then each client.
    pub fn fds(&self) -> Vec<BorrowedFd<'_>> {
        std::iter::once(self.listener.as_fd())
            .chain(self.clients.iter().map(|c| c.stream.as_fd()))
            .collect()
    }

    /// Accept and read what `ready` (one flag per [`Attachments::fds`]) says is there.
    pub fn handle(&mut self, ready: &[bool]) {
        let mut gone = Vec::new();
        for (i, c) in self.clients.iter_mut().enumerate() {
            if !ready.get(i + 1).copied().unwrap_or(false) {
                continue;
            }
            let mut chunk = [0u8; 16 * 1024];
            match c.stream.read(&mut chunk) {
                Ok(0) => gone.push(i),
                Ok(n) => c.buf.extend_from_slice(&chunk[..n]),
                Err(_) => gone.push(i),
            }
            for (kind, data) in take_frames(&mut c.buf) {
                match kind {
                    STDIN => match (&self.input, data.is_empty()) {
                        (Some(_), true) if self.closable => self.input = None,
                        (Some(fd), false) => {
                            let _ = nix::unistd::write(fd, &data);
                        }
                        _ => {}
                    },
                    RESIZE if !self.closable && data.len() == 4 => {
                        if let Some(fd) = &self.input {
                            let rows = u16::from_le_bytes([data[0], data[1]]);
                            let cols = u16::from_le_bytes([data[2], data[3]]);
                            set_window_size(fd.as_fd(), rows, cols);
                        }
                    }
                    SIGNAL if data.len() == 4 => {
                        let signo = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
                        if let (Some(pid), Ok(sig)) =
                            (self.target, nix::sys::signal::Signal::try_from(signo))
                        {
                            let _ = nix::sys::signal::kill(pid, sig);
                        }
                    }
                    _ => {}
                }
            }
        }
        for i in gone.into_iter().rev() {
            self.clients.remove(i);
        }
        if ready.first().copied().unwrap_or(false) {
            while let Ok((stream, _)) = self.listener.accept() {
                self.clients.push(Client::new(stream, false));
            }
        }
    }

    /// Copy output to every client; one that cannot keep up is dropped.
    pub fn broadcast(&mut self, stream: Stream, data: &[u8]) {
        if self.clients.is_empty() {
            return;
        }
        let kind = match stream {
            Stream::Stdout => STDOUT,
            Stream::Stderr => STDERR,
        };
        let f = frame(kind, data);
        self.clients.retain_mut(|c| c.stream.write_all(&f).is_ok());
    }

    /// The container is gone: clients hear its exit code (if known), then end of file.
    pub fn disconnect(&mut self, code: Option<i32>) {
        if let Some(code) = code {
            let f = frame(EXIT, &code.to_le_bytes());
            for c in &mut self.clients {
                let _ = c.stream.write_all(&f);
            }
        }
        self.clients.clear();
        self.input = None;
        self.target = None;
    }
}

/// Set a terminal's window size.
pub fn set_window_size(fd: BorrowedFd<'_>, rows: u16, cols: u16) {
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ reads one winsize.
    unsafe { libc::ioctl(fd.as_raw_fd(), libc::TIOCSWINSZ, &ws) };
}

impl Drop for Attachments {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// docker's default detach keys.
pub const DEFAULT_DETACH_KEYS: &str = "ctrl-p,ctrl-q";

/// `--detach-keys`: "ctrl-p,ctrl-q" (docker's syntax: `ctrl-` with a letter or
/// one of `@[\]^_`, or a single character); "" means none.
pub fn parse_detach_keys(text: &str) -> Result<Vec<u8>> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|key| {
            let ctrl = key.strip_prefix("ctrl-");
            match (ctrl, key.as_bytes()) {
                (Some(c), _) if c.len() == 1 => {
                    let b = c.as_bytes()[0].to_ascii_lowercase();
                    match b {
                        b'a'..=b'z' => Ok(b - b'a' + 1),
                        b'@' => Ok(0),
                        b'[' | b'\\' | b']' | b'^' | b'_' => Ok(b - b'@'),
                        _ => anyhow::bail!("invalid detach key {key:?}"),
                    }
                }
                (None, [b]) => Ok(*b),
                _ => anyhow::bail!("invalid detach keys {text:?}: use e.g. ctrl-p,ctrl-q"),
            }
        })
        .collect()
}

/// How a client relays.
pub struct RelayOptions {
    /// Which of our streams are the container's.
    pub streams: Streams,
    /// The container has a terminal: send our window size (and its changes).
    pub tty: bool,
    /// Typed on stdin (with `tty`), these keys detach instead of reaching the container.
    pub detach_keys: Vec<u8>,
    /// Signals this process blocked for us to forward (`runtime::block_signals`).
    pub signals: Option<nix::sys::signal::SigSet>,
}

/// The streams a client attaches (`run -a`): by default stdout and stderr, and
/// stdin with `-i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Streams {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

impl Streams {
    /// `-a STREAM`s (none: every stream); stdin only with `-i`, which keeps it open.
    pub fn parse(attach: &[String], interactive: bool) -> Result<Streams> {
        if attach.is_empty() {
            return Ok(Streams {
                stdin: interactive,
                stdout: true,
                stderr: true,
            });
        }
        let mut s = Streams {
            stdin: false,
            stdout: false,
            stderr: false,
        };
        for a in attach {
            match a.to_ascii_lowercase().as_str() {
                "stdin" => s.stdin = interactive,
                "stdout" => s.stdout = true,
                "stderr" => s.stderr = true,
                _ => anyhow::bail!("invalid -a/--attach {a:?}: stdin, stdout or stderr"),
            }
        }
        Ok(s)
    }
}

/// How a relay ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The container exited with this code.
    Exited(i32),
    /// The detach keys were typed: the container goes on.
    Detached,
    /// The monitor hung up without an exit code.
    Closed,
}

/// Connect to the attach socket at `path`.
pub fn connect(path: &Path) -> Result<UnixStream> {
    UnixStream::connect(path)
        .with_context(|| format!("connecting to the container's monitor ({})", path.display()))
}

/// The client's side (`husk attach`, `husk run`, `husk start -a`): copy the
/// container's output to ours, our input (and window size, signals) to it,
/// until it exits, the monitor hangs up or the detach keys are typed.
pub fn relay(mut sock: UnixStream, opts: &RelayOptions) -> Result<Outcome> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    use nix::sys::signal::Signal;
    use nix::sys::signalfd::{SfdFlags, SignalFd};
    let sfd = match &opts.signals {
        Some(set) => Some(SignalFd::with_flags(set, SfdFlags::SFD_CLOEXEC).context("signalfd")?),
        None => None,
    };
    // What we send may meet a monitor that already hung up (the container is
    // done): the frames still to read (its exit code) matter more, so a failed
    // send only stops sending.
    let mut can_send = true;
    let mut send = |sock: &mut UnixStream, f: Vec<u8>| {
        if can_send && sock.write_all(&f).is_err() {
            can_send = false;
        }
    };
    if opts.tty {
        if let Some(f) = window_size_frame() {
            send(&mut sock, f);
        }
    }
    let mut stdin_open = opts.streams.stdin;
    let mut held: Vec<u8> = Vec::new(); // a prefix of the detach keys, typed so far
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 32 * 1024];
    loop {
        let input = std::io::stdin();
        let mut fds = vec![PollFd::new(sock.as_fd(), PollFlags::POLLIN)];
        if let Some(sfd) = &sfd {
            fds.push(PollFd::new(sfd.as_fd(), PollFlags::POLLIN));
        }
        if stdin_open {
            fds.push(PollFd::new(input.as_fd(), PollFlags::POLLIN));
        }
        match poll(&mut fds, PollTimeout::NONE) {
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("poll"),
            Ok(_) => {}
        }
        let ready: Vec<bool> = fds
            .iter()
            .map(|f| f.revents().is_some_and(|r| !r.is_empty()))
            .collect();
        drop(fds);
        if ready[0] {
            let n = sock.read(&mut chunk).context("reading from the monitor")?;
            if n == 0 {
                return Ok(Outcome::Closed);
            }
            buf.extend_from_slice(&chunk[..n]);
            for (kind, data) in take_frames(&mut buf) {
                let r = match kind {
                    STDOUT if !opts.streams.stdout => Ok(()),
                    STDERR if !opts.streams.stderr => Ok(()),
                    STDOUT => std::io::stdout()
                        .lock()
                        .write_all(&data)
                        .and_then(|_| std::io::stdout().flush()),
                    STDERR => std::io::stderr().lock().write_all(&data),
                    EXIT if data.len() == 4 => {
                        return Ok(Outcome::Exited(i32::from_le_bytes([
                            data[0], data[1], data[2], data[3],
                        ])))
                    }
                    _ => Ok(()),
                };
                r.context("writing the container's output")?;
            }
        }
        let mut at = 1;
        if let Some(sfd) = &sfd {
            if ready[at] {
                if let Ok(Some(info)) = sfd.read_signal() {
                    match Signal::try_from(info.ssi_signo as i32) {
                        Ok(Signal::SIGWINCH) if opts.tty => {
                            if let Some(f) = window_size_frame() {
                                send(&mut sock, f);
                            }
                        }
                        Ok(Signal::SIGCHLD) | Ok(Signal::SIGWINCH) => {}
                        Ok(s) => send(&mut sock, frame(SIGNAL, &(s as i32).to_le_bytes())),
                        Err(_) => {}
                    }
                }
            }
            at += 1;
        }
        if stdin_open && ready.get(at).copied().unwrap_or(false) {
            match nix::unistd::read(input.as_raw_fd(), &mut chunk) {
                Ok(0) | Err(_) => {
                    stdin_open = false;
                    send(&mut sock, frame(STDIN, &[]));
                }
                Ok(n) => {
                    let keys = if opts.tty {
                        &opts.detach_keys[..]
                    } else {
                        &[][..]
                    };
                    let (data, detached) = match_detach_keys(keys, &mut held, &chunk[..n]);
                    // A container done with its input (the monitor hung up)
                    // is no error: its exit frame is still to be read.
                    if !data.is_empty() {
                        send(&mut sock, frame(STDIN, &data));
                    }
                    if detached {
                        return Ok(Outcome::Detached);
                    }
                }
            }
        }
    }
}

/// What of `input` goes to the container, given the detach `keys` and the part
/// of them typed before (`held`); true once all of them were typed.
pub fn match_detach_keys(keys: &[u8], held: &mut Vec<u8>, input: &[u8]) -> (Vec<u8>, bool) {
    if keys.is_empty() {
        return (input.to_vec(), false);
    }
    let mut send = Vec::new();
    for &b in input {
        held.push(b);
        if keys.starts_with(held) {
            if held.len() == keys.len() {
                held.clear();
                return (send, true);
            }
        } else {
            send.append(held);
        }
    }
    (send, false)
}

/// A RESIZE frame with our terminal's size, if we have one.
fn window_size_frame() -> Option<Vec<u8>> {
    let (rows, cols) = window_size()?;
    let mut data = rows.to_le_bytes().to_vec();
    data.extend_from_slice(&cols.to_le_bytes());
    Some(frame(RESIZE, &data))
}

/// Our terminal's size (rows, columns), from stdin or stdout.
pub fn window_size() -> Option<(u16, u16)> {
    let mut ws = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    for fd in [libc::STDIN_FILENO, libc::STDOUT_FILENO] {
        // SAFETY: TIOCGWINSZ writes one winsize.
        if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } == 0 && ws.ws_row > 0 {
            return Some((ws.ws_row, ws.ws_col));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detach_keys() {
        assert_eq!(parse_detach_keys("ctrl-p,ctrl-q").unwrap(), vec![16, 17]);
        assert_eq!(
            parse_detach_keys("ctrl-a,x,ctrl-[").unwrap(),
            vec![1, b'x', 27]
        );
        assert!(parse_detach_keys("").unwrap().is_empty());
        assert!(parse_detach_keys("ctrl-1").is_err() && parse_detach_keys("alt-p").is_err());
        let keys = [16, 17];
        let mut held = Vec::new();
        assert_eq!(
            match_detach_keys(&keys, &mut held, b"ab\x10"),
            (b"ab".to_vec(), false)
        );
        assert_eq!(
            match_detach_keys(&keys, &mut held, b"x"),
            (b"\x10x".to_vec(), false)
        );
        assert_eq!(
            match_detach_keys(&keys, &mut held, b"\x10\x11rest"),
            (Vec::new(), true)
        );
    }

    #[test]
    fn frames_round_trip_and_wait_for_the_rest() {
        let mut buf = frame(STDOUT, b"hello");
        buf.extend(frame(STDIN, b""));
        let tail = frame(STDERR, b"later");
        buf.extend_from_slice(&tail[..3]);
        let got = take_frames(&mut buf);
        assert_eq!(got, vec![(STDOUT, b"hello".to_vec()), (STDIN, Vec::new())]);
        assert_eq!(buf, tail[..3]);
        buf.extend_from_slice(&tail[3..]);
        assert_eq!(take_frames(&mut buf), vec![(STDERR, b"later".to_vec())]);
        assert!(buf.is_empty());
    }
}
