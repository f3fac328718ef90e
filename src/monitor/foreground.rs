//! The foreground monitor of `husk exec`: forwards signals to the process,
//! relays its terminal (raw mode, window size, detach keys), reaps it and
//! returns its exit code (128+N for a signal). (`husk run` and `start -a`
//! attach to a monitor of the container's own: `attach::relay`.)

use std::io::{IsTerminal, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use anyhow::{Context, Result};
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use nix::sys::termios::{self, SetArg, Termios};
use nix::sys::wait::{waitpid, WaitPidFlag};

use super::exit_code;
use nix::unistd::Pid;

/// Puts the user's terminal in raw mode while alive.
pub struct RawMode {
    saved: Termios,
}

impl RawMode {
    /// Raw mode if stdin is a terminal.
    pub fn enter() -> Option<RawMode> {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return None;
        }
        let saved = termios::tcgetattr(&stdin).ok()?;
        let mut raw = saved.clone();
        termios::cfmakeraw(&mut raw);
        termios::tcsetattr(&stdin, SetArg::TCSANOW, &raw).ok()?;
        Some(RawMode { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = termios::tcsetattr(std::io::stdin(), SetArg::TCSANOW, &self.saved);
    }
}

/// Copy the user's window size to the container's terminal: this process's
/// terminal's, or (a monitor has none) the one `husk run` passed to it.
pub fn copy_window_size(master: BorrowedFd<'_>) {
    let size = super::attach::window_size().or_else(|| {
        let text = std::env::var(super::detached::WINSIZE_ENV).ok()?;
        let (rows, cols) = text.split_once('x')?;
        Some((rows.parse().ok()?, cols.parse().ok()?))
    });
    if let Some((rows, cols)) = size {
        super::attach::set_window_size(master, rows, cols);
    }
}

/// Detached from a process: a child of ours holds its terminal's master
/// (closing it would hang it up) and drains its output until it exits.
fn keep_terminal(master: &OwnedFd) -> Result<()> {
    use nix::unistd::{fork, ForkResult};
    // SAFETY: husk exec is single-threaded; the child only reads and exits.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            let _ = nix::unistd::setsid();
            let mut buf = [0u8; 4096];
            while matches!(nix::unistd::read(master.as_raw_fd(), &mut buf), Ok(n) if n > 0) {}
            // SAFETY: leaving the child without the parent's destructors.
            unsafe { libc::_exit(0) }
        }
        ForkResult::Parent { .. } => Ok(()),
    }
}

/// Wait for the container `pid` in the foreground; `signals` are those blocked by
/// `runtime::block_signals`. Returns the container's exit code.
/// With a terminal, typing `detach_keys` leaves the process running: a small
/// process of ours keeps its terminal (draining its output) until it exits.
pub fn wait(
    pid: Pid,
    signals: &SigSet,
    terminal: Option<OwnedFd>,
    stdin: bool,
    detach_keys: &[u8],
) -> Result<i32> {
    let sfd = SignalFd::with_flags(signals, SfdFlags::SFD_CLOEXEC).context("signalfd")?;
    let _raw = terminal.as_ref().and_then(|_| RawMode::enter());
    if let Some(master) = &terminal {
        copy_window_size(master.as_fd());
    }
    let mut stdin_open = stdin && terminal.is_some();
    let mut master_open = terminal.is_some();
    let mut status = None;
    let mut held = Vec::new();
    let mut buf = vec![0u8; 32 * 1024];
    loop {
        if let Some(code) = status {
            if !master_open {
                return Ok(code);
            }
        }
        let mut fds = vec![PollFd::new(sfd.as_fd(), PollFlags::POLLIN)];
        let stdin_fd = std::io::stdin();
        if let Some(master) = &terminal {
            if master_open {
                fds.push(PollFd::new(master.as_fd(), PollFlags::POLLIN));
            }
            if stdin_open && status.is_none() {
                fds.push(PollFd::new(stdin_fd.as_fd(), PollFlags::POLLIN));
            }
        }
        // Once the container is gone, only drain what its terminal still holds.
        let timeout = if status.is_some() {
            PollTimeout::from(100u16)
        } else {
            PollTimeout::NONE
        };
        match poll(&mut fds, timeout) {
            Ok(0) if status.is_some() => master_open = false,
            Ok(_) => {}
            Err(nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(e).context("poll"),
        }
        let ready: Vec<bool> = fds
            .iter()
            .map(|f| f.revents().is_some_and(|r| !r.is_empty()))
            .collect();
        if ready[0] {
            if let Ok(Some(info)) = sfd.read_signal() {
                let sig = Signal::try_from(info.ssi_signo as i32).ok();
                match sig {
                    Some(Signal::SIGCHLD) => {
                        if let Ok(s) = waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
                            if let Some(code) = exit_code(s) {
                                status = Some(code);
                            }
                        }
                    }
                    Some(Signal::SIGWINCH) => {
                        if let Some(master) = &terminal {
                            copy_window_size(master.as_fd());
                        }
                    }
                    Some(s) if status.is_none() => {
                        let _ = nix::sys::signal::kill(pid, s);
                    }
                    _ => {}
                }
            }
        }
        let Some(master) = &terminal else { continue };
        let mut idx = 1;
        if master_open {
            if ready.get(idx).copied().unwrap_or(false) {
                match nix::unistd::read(master.as_raw_fd(), &mut buf) {
                    Ok(0) | Err(_) => master_open = false,
                    Ok(n) => {
                        let mut out = std::io::stdout().lock();
                        let _ = out.write_all(&buf[..n]).and_then(|_| out.flush());
                    }
                }
            }
            idx += 1;
        }
        if stdin_open && status.is_none() && ready.get(idx).copied().unwrap_or(false) {
            match nix::unistd::read(stdin_fd.as_raw_fd(), &mut buf) {
                Ok(0) | Err(_) => stdin_open = false,
                Ok(n) => {
                    let (send, detached) =
                        super::attach::match_detach_keys(detach_keys, &mut held, &buf[..n]);
                    let _ = nix::unistd::write(master.as_fd(), &send);
                    if detached {
                        keep_terminal(master)?;
                        return Ok(0);
                    }
                }
            }
        }
    }
}
