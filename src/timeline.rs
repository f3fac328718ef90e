//! Where the time of a command goes: with `HUSK_TIMELINE=FILE` in the
//! environment, every husk process (the command, its monitor, the container's
//! process until it execs) appends one line per phase to FILE:
//! `MICROSECONDS PID PHASE`, the time on the system-wide monotonic clock, so the
//! lines of several processes sort into one timeline (`bench/timeline.sh` prints
//! it with deltas). Without the variable a mark costs one atomic load.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::sync::OnceLock;

/// The variable that names the file.
pub const ENV: &str = "HUSK_TIMELINE";

static SINK: OnceLock<Option<File>> = OnceLock::new();

fn sink() -> Option<&'static File> {
    SINK.get_or_init(|| {
        let path = std::env::var_os(ENV)?;
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .mode(0o600)
            .custom_flags(libc::O_CLOEXEC)
            .open(path)
            .ok()
    })
    .as_ref()
}

/// The fd the marks are written to, if any (a forked process that closes its
/// inherited fds keeps this one).
pub fn raw_fd() -> Option<std::os::fd::RawFd> {
    use std::os::fd::AsRawFd;
    SINK.get()?.as_ref().map(|f| f.as_raw_fd())
}

/// Record that `phase` starts (or ends) now.
pub fn mark(phase: &str) {
    let Some(mut file) = sink() else { return };
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut t) };
    let now = t.tv_sec as u64 * 1_000_000 + t.tv_nsec as u64 / 1000;
    // One write per line: O_APPEND keeps the lines of several processes whole.
    let line = format!("{now} {} {phase}\n", std::process::id());
    let _ = file.write_all(line.as_bytes());
}
