//! `husk exec`: a new process in a running container. husk joins the
//! container's namespaces with setns(2) (the user namespace first, the mount
//! namespace last: it gives the container's root), forks (the child lands in
//! the container's pid namespace) and the child sets up stdio, identity,
//! capabilities, no_new_privs and seccomp as the container's own process did.

use std::fs::File;
use std::os::fd::{AsFd, AsRawFd, RawFd};
use std::os::unix::fs::MetadataExt;

use anyhow::{Context, Result};
use nix::sched::CloneFlags;
use nix::unistd::{fork, ForkResult};
use oci_spec::runtime::Spec;

use super::{
    process, read_report, receive_terminal, report, reset_signals, terminal_sockets,
    wants_terminal, Started,
};

/// The namespaces joined, in order.
const NAMESPACES: &[(&str, CloneFlags)] = &[
    ("user", CloneFlags::CLONE_NEWUSER),
    ("ipc", CloneFlags::CLONE_NEWIPC),
    ("uts", CloneFlags::CLONE_NEWUTS),
    ("net", CloneFlags::CLONE_NEWNET),
    ("cgroup", CloneFlags::CLONE_NEWCGROUP),
    ("pid", CloneFlags::CLONE_NEWPID),
    ("mnt", CloneFlags::CLONE_NEWNS),
];

/// Join the namespaces of process `pid` (those it does not share with us).
/// Single-threaded callers only (setns of a user namespace requires it).
pub fn join_namespaces(pid: i32) -> Result<()> {
    // Inside, the container's processes must not reach this one (ptrace,
    // /proc/PID/mem, fd or exe, the CVE-2019-5736 class): not dumpable from
    // now on (children inherit it; an exec of the container's command resets it).
    super::non_dumpable()?;
    // Opened first, all of them: after the mount namespace, /proc is the container's.
    let mut files = Vec::new();
    for (name, flag) in NAMESPACES {
        let path = format!("/proc/{pid}/ns/{name}");
        let theirs = std::fs::metadata(&path).with_context(|| format!("stat {path}"))?;
        let ours = std::fs::metadata(format!("/proc/self/ns/{name}"))
            .with_context(|| format!("stat /proc/self/ns/{name}"))?;
        if theirs.ino() == ours.ino() && theirs.dev() == ours.dev() {
            continue;
        }
        let f = File::open(&path).with_context(|| format!("opening {path}"))?;
        files.push((name, *flag, f));
    }
    for (name, flag, f) in files {
        nix::sched::setns(f.as_fd(), flag)
            .with_context(|| format!("joining the container's {name} namespace"))?;
        // A user namespace of the container's own (`--userns`, `--uidmap`) does
        // not map husk's id: act as its root, as its own process did.
        if flag == CloneFlags::CLONE_NEWUSER && !nix::unistd::getuid().is_root() {
            super::become_root()?;
        }
    }
    Ok(())
}

/// What the exec'd process runs with.
pub struct ExecProcess<'a> {
    /// The container's spec with the process to run (args, env, cwd, user, terminal).
    pub spec: &'a Spec,
    pub keep_stdin: bool,
    pub seccomp: Option<super::seccomp::Filter>,
    pub can_setgroups: bool,
    /// `--preserve-fds N`: fds 3..3+N of this process are handed on.
    pub preserve_fds: i32,
    /// The terminal's size before the process runs; None: this process's terminal's.
    pub window_size: Option<(u16, u16)>,
}

/// Fork the process (after [`join_namespaces`]); returns once it has exec'd.
pub fn spawn(p: &ExecProcess<'_>) -> Result<Started> {
    let tty = wants_terminal(p.spec);
    let (err_r, err_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
    let socks = terminal_sockets(tty)?;
    // SAFETY: husk is single-threaded here; the child runs `child` and leaves with exec or _exit.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            let sock = socks.as_ref().map(|(_, c)| c.as_raw_fd());
            let code = match child(p, sock) {
                Ok(never) => match never {},
                Err(e) => report(err_w.as_raw_fd(), &e),
            };
            // SAFETY: _exit skips the parent's atexit handlers and buffers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(err_w);
            let terminal = receive_terminal(socks, p.window_size)?;
            read_report(err_r, child)?;
            Ok(Started {
                pid: child,
                terminal,
            })
        }
    }
}

/// The forked process: stdio, default signals, then `process::exec`.
fn child(p: &ExecProcess<'_>, sock: Option<RawFd>) -> Result<std::convert::Infallible> {
    let process = p.spec.process().as_ref().context("no process")?;
    match sock {
        Some(s) => process::attach_terminal(s, process.user().uid(), process.user().gid())?,
        None => process::detach_stdio(p.keep_stdin)?,
    }
    reset_signals()?;
    super::affinity::apply(p.spec)?;
    process::exec(p.spec, p.seccomp.as_ref(), p.can_setgroups, p.preserve_fds)
}
