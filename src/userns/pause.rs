//! The pause process: a tiny husk process that does nothing but keep this
//! user's user namespace alive, so that later commands join it with setns(2)
//! instead of running newuidmap and newgidmap again (podman keeps one too).
//!
//! Its pid is in `RUNDIR/pause.pid` (RUNDIR: `$XDG_RUNTIME_DIR/husk`, or
//! `/tmp/husk-run-UID`). A pid is trusted only if that process is ours, is
//! named `husk-pause`, and its namespace has the mapping we would make now.

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use nix::fcntl::{Flock, FlockArg};
use nix::unistd::{fork, getuid, ForkResult, Pid};

use super::IdRange;

const NAME: &str = "husk-pause";

/// husk's per-user runtime directory (created 0700 if missing).
pub fn runtime_dir() -> Result<PathBuf> {
    let dir = crate::config::paths::husk_runtime_dir();
    match fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
    {
        Ok(()) => {}
        Err(e) => return Err(e).with_context(|| format!("creating {}", dir.display())),
    }
    // Not followed if it is a link: /tmp/husk-run-UID could be anyone's.
    let meta = fs::symlink_metadata(&dir).with_context(|| format!("stat {}", dir.display()))?;
    if !meta.is_dir() || meta.uid() != getuid().as_raw() {
        bail!(
            "{} is not a directory of yours: remove it, or set XDG_RUNTIME_DIR",
            dir.display()
        );
    }
    if meta.mode() & 0o077 != 0 {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&dir, fs::Permissions::from_mode(0o700))
            .with_context(|| format!("making {} private", dir.display()))?;
    }
    Ok(dir)
}

fn map_text(ranges: &[IdRange]) -> String {
    ranges
        .iter()
        .map(|r| format!("{} {} {}", r.container, r.host, r.size))
        .collect::<Vec<_>>()
        .join("\n")
}

fn normalized(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pid in the pid file, if that process is a pause process with this mapping.
fn valid_pause(pidfile: &PathBuf, uids: &[IdRange], gids: &[IdRange]) -> Option<i32> {
    let pid: i32 = fs::read_to_string(pidfile).ok()?.trim().parse().ok()?;
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    if fs::metadata(&proc_dir).ok()?.uid() != getuid().as_raw() {
        return None;
    }
    if fs::read_to_string(proc_dir.join("comm")).ok()?.trim() != NAME {
        return None;
    }
    let same = |file: &str, want: &[IdRange]| {
        fs::read_to_string(proc_dir.join(file))
            .map(|t| normalized(&t) == map_text(want))
            .unwrap_or(false)
    };
    (same("uid_map", uids) && same("gid_map", gids)).then_some(pid)
}

/// setns(2) into the user namespace of `pid`.
fn join(pid: i32) -> Result<()> {
    let ns = fs::File::open(format!("/proc/{pid}/ns/user"))
        .context("opening the pause process's namespace")?;
    nix::sched::setns(ns, nix::sched::CloneFlags::CLONE_NEWUSER)
        .context("joining the user namespace (setns)")
}

/// Join the pause process's namespace, or create the namespace (with `create`,
/// which runs newuidmap/newgidmap) and a pause process to keep it.
pub fn join_or_create(
    uids: &[IdRange],
    gids: &[IdRange],
    create: impl FnOnce() -> Result<()>,
) -> Result<()> {
    let dir = runtime_dir()?;
    let pidfile = dir.join("pause.pid");
    if let Some(pid) = valid_pause(&pidfile, uids, gids) {
        if join(pid).is_ok() {
            return Ok(());
        }
    }
    let lock_file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("pause.lock"))?;
    let _lock = Flock::lock(lock_file, FlockArg::LockExclusive)
        .map_err(|(_, e)| e)
        .context("locking pause.lock")?;
    // Another husk may have made one while we waited.
    if let Some(pid) = valid_pause(&pidfile, uids, gids) {
        if join(pid).is_ok() {
            return Ok(());
        }
    }
    create()?;
    let pid = spawn()?;
    let tmp = dir.join(format!("pause.pid.{}", std::process::id()));
    fs::write(&tmp, format!("{pid}\n")).context("writing pause.pid")?;
    fs::rename(&tmp, &pidfile).context("writing pause.pid")?;
    Ok(())
}

/// Stop this user's pause process (husk system reset); true if there was one.
pub fn stop() -> bool {
    let Ok(dir) = runtime_dir() else { return false };
    let pidfile = dir.join("pause.pid");
    let Some(pid) = fs::read_to_string(&pidfile)
        .ok()
        .and_then(|t| t.trim().parse::<i32>().ok())
    else {
        return false;
    };
    let ours = fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|c| c.trim() == NAME)
        .unwrap_or(false);
    let _ = fs::remove_file(&pidfile);
    ours && nix::sys::signal::kill(Pid::from_raw(pid), nix::sys::signal::Signal::SIGKILL).is_ok()
}

/// Fork a detached pause process in the current user namespace; returns its pid.
fn spawn() -> Result<i32> {
    let (r, w) = nix::unistd::pipe().context("pipe")?;
    // SAFETY: called while this process has one thread (see `main`); both children
    // only call async-signal-safe functions before _exit or pause.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            drop(r);
            // SAFETY: as above.
            unsafe {
                libc::setsid();
                match fork() {
                    Ok(ForkResult::Child) => {
                        drop(w);
                        pause_forever()
                    }
                    Ok(ForkResult::Parent { child }) => {
                        let mut f = fs::File::from(w);
                        let _ = f.write_all(&child.as_raw().to_le_bytes());
                        libc::_exit(0)
                    }
                    Err(_) => libc::_exit(1),
                }
            }
        }
        ForkResult::Parent { child } => {
            drop(w);
            let mut bytes = [0u8; 4];
            let got = fs::File::from(r).read_exact(&mut bytes);
            let _ = nix::sys::wait::waitpid(child, None);
            got.context("starting the pause process")?;
            Ok(i32::from_le_bytes(bytes))
        }
    }
}

fn pause_forever() -> ! {
    crate::proctitle::set(NAME);
    // SAFETY: plain syscalls on this process's own state; nothing is shared.
    unsafe {
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
        for fd in 0..3 {
            libc::dup2(null, fd);
        }
        libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32);
        libc::chdir(c"/".as_ptr());
        loop {
            libc::pause();
        }
    }
}
