//! `--timeout SECS` (podman's): the container's process is killed (SIGKILL)
//! once it has run that long. A thread of the monitor waits on a pidfd of the
//! process, so neither its exit nor a reused pid can be mistaken.

use std::os::fd::{AsFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::unistd::Pid;

/// Kill `pid` after `limit` unless it exits first.
pub fn kill_after(pid: Pid, limit: Duration) {
    // SAFETY: pidfd_open with a pid of our own child and no flags.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid.as_raw(), 0) };
    if fd < 0 {
        return;
    }
    // SAFETY: pidfd_open returned a new fd that nothing else owns.
    let pidfd = unsafe { OwnedFd::from_raw_fd(fd as i32) };
    let deadline = Instant::now() + limit;
    let _ = std::thread::Builder::new()
        .name("husk-timeout".into())
        .spawn(move || {
            while let Some(left) = deadline.checked_duration_since(Instant::now()) {
                let ms = u16::try_from(left.as_millis().max(1)).unwrap_or(u16::MAX);
                let mut fds = [PollFd::new(pidfd.as_fd(), PollFlags::POLLIN)];
                match poll(&mut fds, PollTimeout::from(ms)) {
                    Ok(n) if n > 0 => return, // it exited
                    _ => {}
                }
            }
            // SAFETY: pidfd_send_signal on our pidfd, no siginfo, no flags.
            unsafe {
                libc::syscall(
                    libc::SYS_pidfd_send_signal,
                    std::os::fd::AsRawFd::as_raw_fd(&pidfd),
                    libc::SIGKILL,
                    std::ptr::null::<libc::siginfo_t>(),
                    0,
                )
            };
        });
}
