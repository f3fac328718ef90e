//! `husk attach`: the detached monitor listens on a unix socket
//! (`RUNDIR/<id prefix>.attach`) and copies the container's output to every
//! attached client; what a client sends goes to the container's stdin (a pipe
//! with `-i`, the terminal with `-t`). Frames both ways: a kind byte, a
//! little-endian u32 length, the data. Kinds: [`STDIN`] (length 0: end of input),
//! [`STDOUT`], [`STDERR`]. The monitor closes the connections when the container
//! is gone.

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::log::Stream;

pub const STDIN: u8 = 0;
pub const STDOUT: u8 = 1;
pub const STDERR: u8 = 2;

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

/// The monitor's side: the listening socket and the attached clients.
pub struct Attachments {
    path: PathBuf,
    listener: UnixListener,
    clients: Vec<Client>,
    /// Where client input goes (the container's stdin pipe or terminal).
    input: Option<OwnedFd>,
    /// Whether end of input closes `input` (a pipe; not a terminal).
    closable: bool,
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
        })
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
                if kind != STDIN {
                    continue;
                }
                match (&self.input, data.is_empty()) {
                    (Some(_), true) if self.closable => self.input = None,
                    (Some(fd), false) => {
                        let _ = nix::unistd::write(fd, &data);
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
                // Blocking: reads happen only when poll says there is data (or end of
                // file); a client that cannot take output within 200 ms is dropped.
                let _ = stream.set_nonblocking(false);
                let _ = stream.set_write_timeout(Some(std::time::Duration::from_millis(200)));
                self.clients.push(Client {
                    stream,
                    buf: Vec::new(),
                });
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

    /// The container is gone: clients see end of file.
    pub fn disconnect(&mut self) {
        self.clients.clear();
        self.input = None;
    }
}

impl Drop for Attachments {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The client (`husk attach`): relay until the monitor hangs up. `stdin`: send ours.
pub fn relay(path: &Path, stdin: bool) -> Result<()> {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let mut sock = UnixStream::connect(path)
        .with_context(|| format!("connecting to the container's monitor ({})", path.display()))?;
    let mut stdin_open = stdin;
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 32 * 1024];
    loop {
        let input = std::io::stdin();
        let mut fds = vec![PollFd::new(sock.as_fd(), PollFlags::POLLIN)];
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
                return Ok(());
            }
            buf.extend_from_slice(&chunk[..n]);
            for (kind, data) in take_frames(&mut buf) {
                let r = match kind {
                    STDOUT => std::io::stdout()
                        .lock()
                        .write_all(&data)
                        .and_then(|_| std::io::stdout().flush()),
                    STDERR => std::io::stderr().lock().write_all(&data),
                    _ => Ok(()),
                };
                r.context("writing the container's output")?;
            }
        }
        if stdin_open && ready.get(1).copied().unwrap_or(false) {
            match nix::unistd::read(input.as_raw_fd(), &mut chunk) {
                Ok(0) | Err(_) => {
                    stdin_open = false;
                    sock.write_all(&frame(STDIN, &[]))?;
                }
                Ok(n) => sock.write_all(&frame(STDIN, &chunk[..n]))?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
