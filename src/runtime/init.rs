//! `--init`: a tiny PID 1 built into husk. It runs the command as its child,
//! forwards the signals it gets to it, reaps every orphan, and exits with the
//! command's status when the command exits.

use std::os::fd::RawFd;

use anyhow::{Context, Result};
use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, Signal};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::{fork, ForkResult, Pid};

use super::FORWARDED;

extern "C" fn ignore(_: libc::c_int) {}

/// Fork `exec` as the command, then be its init; returns the exit code.
pub fn run(exec: impl FnOnce() -> Result<std::convert::Infallible>, err_fd: RawFd) -> Result<i32> {
    // A PID 1 only gets the signals it has a handler for; they stay blocked and
    // are taken with sigwait, the handler is never called.
    let handler = SigAction::new(
        SigHandler::Handler(ignore),
        SaFlags::empty(),
        SigSet::empty(),
    );
    for s in FORWARDED {
        // SAFETY: the handler does nothing and is async-signal-safe.
        unsafe { sigaction(Signal::try_from(*s)?, &handler) }.context("sigaction")?;
    }
    // SAFETY: this process has one thread (it was just cloned).
    let child = match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            let code = match exec() {
                Ok(never) => match never {},
                Err(e) => super::report(err_fd, &e),
            };
            // SAFETY: leaving the forked child without running the parent's destructors.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => child,
    };
    // PID 1 of the container, seen by every process in it: no husk command line
    // (with its -e values) and no environment of the user's.
    crate::proctitle::set("husk-init");
    crate::proctitle::clear_environment_area();
    // Our copy of the report pipe must close, or the monitor waits for it forever.
    // SAFETY: err_fd is ours and not used again here.
    unsafe { libc::close(err_fd) };
    supervise(child)
}

fn supervise(child: Pid) -> Result<i32> {
    let mut set = SigSet::empty();
    set.add(Signal::SIGCHLD);
    for s in FORWARDED {
        set.add(Signal::try_from(*s)?);
    }
    loop {
        let sig = set.wait().context("sigwait")?;
        if sig != Signal::SIGCHLD {
            let _ = nix::sys::signal::kill(child, sig);
            continue;
        }
        loop {
            match waitpid(Pid::from_raw(-1), Some(WaitPidFlag::WNOHANG)) {
                Ok(WaitStatus::Exited(pid, code)) if pid == child => return Ok(code),
                Ok(WaitStatus::Signaled(pid, sig, _)) if pid == child => {
                    return Ok(128 + sig as i32)
                }
                Ok(WaitStatus::StillAlive) | Err(_) => break,
                Ok(_) => {}
            }
        }
    }
}
