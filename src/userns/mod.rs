//! The user namespace that every store-touching husk command runs in.
//!
//! Rootless husk owns files under many uids (those of the image) although the
//! user has only one. Like podman, it enters a user namespace in which the
//! user is root: with `/etc/subuid` and `/etc/subgid` entries the rest of the
//! container's id space maps onto those ranges (written by the setuid helpers
//! `newuidmap`/`newgidmap`); without them only root maps, onto the user
//! ("single-uid" mode), and other owners are recorded in an xattr instead.
//!
//! [`enter`] must run while the process has one thread: `unshare(CLONE_NEWUSER)`
//! fails in a multithreaded process. `main` calls it first thing.

pub mod idmap;
pub mod pause;
pub mod subid;

use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use nix::sched::{unshare, CloneFlags};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::{fork, getgid, getuid, pipe, ForkResult, Pid};

pub use subid::IdRange;

/// How container ids map onto host ids for this user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdMapping {
    /// husk runs as root (or already inside a user namespace as its root): no new namespace.
    Host,
    /// Root maps to the user, ids 1.. map onto the user's subordinate ranges.
    Full {
        uids: Vec<IdRange>,
        gids: Vec<IdRange>,
    },
    /// Only root maps, onto the user: files of other owners keep them in an xattr.
    Single { uid: u32, gid: u32 },
}

impl IdMapping {
    /// The mapping this user gets, from its uid and `/etc/subuid`, `/etc/subgid`.
    pub fn detect() -> Result<IdMapping> {
        let (uid, gid) = (getuid().as_raw(), getgid().as_raw());
        if uid == 0 {
            return Ok(IdMapping::Host);
        }
        let name = nix::unistd::User::from_uid(getuid())
            .ok()
            .flatten()
            .map(|u| u.name)
            .unwrap_or_default();
        let sub_uids = subid::ranges_for(&subid::read_file("/etc/subuid")?, &name, uid);
        let sub_gids = subid::ranges_for(&subid::read_file("/etc/subgid")?, &name, gid);
        if sub_uids.is_empty() || sub_gids.is_empty() {
            return Ok(IdMapping::Single { uid, gid });
        }
        Ok(IdMapping::Full {
            uids: subid::container_map(uid, &sub_uids),
            gids: subid::container_map(gid, &sub_gids),
        })
    }

    /// A short name of the mode, as `husk info` prints it.
    pub fn mode(&self) -> &'static str {
        match self {
            IdMapping::Host => "host",
            IdMapping::Full { .. } => "subuid",
            IdMapping::Single { .. } => "single-uid",
        }
    }

    /// The uid ranges (container, host, size) of the mapping.
    pub fn uid_ranges(&self) -> Vec<IdRange> {
        match self {
            IdMapping::Host => vec![IdRange {
                container: 0,
                host: 0,
                size: u32::MAX,
            }],
            IdMapping::Full { uids, .. } => uids.clone(),
            IdMapping::Single { uid, .. } => vec![IdRange {
                container: 0,
                host: *uid,
                size: 1,
            }],
        }
    }

    /// The gid ranges (container, host, size) of the mapping.
    pub fn gid_ranges(&self) -> Vec<IdRange> {
        match self {
            IdMapping::Host => vec![IdRange {
                container: 0,
                host: 0,
                size: u32::MAX,
            }],
            IdMapping::Full { gids, .. } => gids.clone(),
            IdMapping::Single { gid, .. } => vec![IdRange {
                container: 0,
                host: *gid,
                size: 1,
            }],
        }
    }
}

impl fmt::Display for IdMapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |r: &[IdRange]| {
            r.iter()
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        match self {
            IdMapping::Host => write!(f, "host (no user namespace)"),
            IdMapping::Full { uids, gids } => {
                write!(f, "subuid: uids {} gids {}", show(uids), show(gids))
            }
            IdMapping::Single { uid, gid } => write!(f, "single-uid: 0 -> {uid}:{gid}"),
        }
    }
}

/// Give this process a mount namespace of its own (owned by its user namespace),
/// in which nothing propagates back to the user's. Single-threaded callers only.
pub fn private_mounts() -> Result<()> {
    unshare(CloneFlags::CLONE_NEWNS).context("cannot create a mount namespace (unshare)")?;
    nix::mount::mount(
        None::<&str>,
        "/",
        None::<&str>,
        nix::mount::MsFlags::MS_REC | nix::mount::MsFlags::MS_PRIVATE,
        None::<&str>,
    )
    .context("making mounts private")
}

/// Whether this process already runs in a user namespace other than the initial one.
pub fn in_child_namespace() -> bool {
    match fs::read_to_string("/proc/self/uid_map") {
        Ok(map) => map.split_whitespace().collect::<Vec<_>>() != ["0", "0", "4294967295"],
        Err(_) => false,
    }
}

static CURRENT: std::sync::OnceLock<IdMapping> = std::sync::OnceLock::new();

/// The mapping this process runs with ([`IdMapping::Host`] until [`enter`] succeeded).
pub fn current() -> &'static IdMapping {
    CURRENT.get().unwrap_or(&IdMapping::Host)
}

/// The ranges of an id map file (`/proc/PID/uid_map`, `gid_map`); empty if unreadable.
pub fn read_map(path: &str) -> Vec<IdRange> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let f: Vec<u32> = l
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match f.as_slice() {
                [container, host, size] => Some(IdRange {
                    container: *container,
                    host: *host,
                    size: *size,
                }),
                _ => None,
            }
        })
        .collect()
}

/// Take the mapping of the user namespace this process already runs in (a
/// monitor started by husk inherits it), as read from /proc/self/{uid,gid}_map.
pub fn adopt() {
    let read = |file: &str| read_map(&format!("/proc/self/{file}"));
    let (uids, gids) = (read("uid_map"), read("gid_map"));
    let mapping = match (uids.as_slice(), gids.as_slice()) {
        ([u], [g]) if u.size == 1 && g.size == 1 => IdMapping::Single {
            uid: u.host,
            gid: g.host,
        },
        _ => IdMapping::Full { uids, gids },
    };
    let _ = CURRENT.set(mapping);
}

/// Enter a new user namespace with `mapping`, as its root. Single-threaded callers only.
pub fn enter(mapping: &IdMapping) -> Result<()> {
    enter_namespace(mapping)?;
    let _ = CURRENT.set(mapping.clone());
    Ok(())
}

fn enter_namespace(mapping: &IdMapping) -> Result<()> {
    match mapping {
        IdMapping::Host => Ok(()),
        // One namespace for all of the user's husk processes, kept by the pause
        // process as in subuid mode: the per-user network namespace belongs to it.
        IdMapping::Single { uid, gid } => {
            let (u, g) = (mapping.uid_ranges(), mapping.gid_ranges());
            pause::join_or_create(&u, &g, || enter_single(*uid, *gid))
        }
        IdMapping::Full { uids, gids } => {
            pause::join_or_create(uids, gids, || enter_full(uids, gids))
        }
    }
}

fn enter_single(uid: u32, gid: u32) -> Result<()> {
    unshare(CloneFlags::CLONE_NEWUSER).context("cannot create a user namespace (unshare)")?;
    fs::write("/proc/self/setgroups", "deny").context("writing /proc/self/setgroups")?;
    fs::write("/proc/self/uid_map", format!("0 {uid} 1")).context("writing /proc/self/uid_map")?;
    fs::write("/proc/self/gid_map", format!("0 {gid} 1")).context("writing /proc/self/gid_map")?;
    Ok(())
}

/// Unshare, and have a child left in the parent namespace run newuidmap and
/// newgidmap on us (a setuid helper must run from the namespace that owns ours).
fn enter_full(uids: &[IdRange], gids: &[IdRange]) -> Result<()> {
    let newuidmap = helper_path("newuidmap")?;
    let newgidmap = helper_path("newgidmap")?;
    let (go_r, go_w) = pipe().context("pipe")?;
    let (err_r, err_w) = pipe().context("pipe")?;
    let parent = nix::unistd::getpid();
    // SAFETY: called before any thread exists (see `main`); the child only reads
    // a pipe, runs two helpers and leaves with _exit.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            drop(go_w);
            drop(err_r);
            let code = run_map_helpers(go_r, err_w, parent, (&newuidmap, uids), (&newgidmap, gids));
            // SAFETY: _exit is always safe; it skips the parent's atexit handlers and buffers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(go_r);
            drop(err_w);
            let unshared = unshare(CloneFlags::CLONE_NEWUSER);
            if unshared.is_ok() {
                let mut go = fs::File::from(go_w);
                go.write_all(b"g").context("signalling the id-map helper")?;
            } else {
                drop(go_w);
            }
            let mut message = String::new();
            fs::File::from(err_r).read_to_string(&mut message).ok();
            let status = waitpid(child, None).context("waiting for the id-map helper")?;
            unshared.context("cannot create a user namespace (unshare)")?;
            if status != WaitStatus::Exited(child, 0) || !message.is_empty() {
                bail!("{}", message.trim());
            }
            Ok(())
        }
    }
}

/// The child's side of [`enter_full`]: returns its exit code.
fn run_map_helpers(
    go: OwnedFd,
    err: OwnedFd,
    target: Pid,
    uid: (&PathBuf, &[IdRange]),
    gid: (&PathBuf, &[IdRange]),
) -> i32 {
    let mut byte = [0u8; 1];
    let mut go = fs::File::from(go);
    if go.read(&mut byte).unwrap_or(0) != 1 {
        return 2; // the parent could not unshare; it reports that itself
    }
    let mut err = fs::File::from(err);
    for (helper, ranges) in [uid, gid] {
        let mut cmd = std::process::Command::new(helper);
        cmd.arg(target.to_string());
        for r in ranges {
            cmd.args([
                r.container.to_string(),
                r.host.to_string(),
                r.size.to_string(),
            ]);
        }
        match cmd.output() {
            Ok(out) if out.status.success() => {}
            Ok(out) => {
                let text = String::from_utf8_lossy(&out.stderr);
                let _ = write!(
                    err,
                    "{} failed ({}): {}; check the /etc/subuid and /etc/subgid entries of this user",
                    helper.display(),
                    out.status,
                    text.trim()
                );
                return 1;
            }
            Err(e) => {
                let _ = write!(err, "cannot run {}: {e}", helper.display());
                return 1;
            }
        }
    }
    0
}

/// Find a setuid id-map helper, or say how to get one.
fn helper_path(name: &str) -> Result<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into());
    let found = std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file());
    let Some(found) = found else {
        bail!(
            "{name} not found: install the uidmap package (apt-get install uidmap) to use your \
             /etc/subuid range, or remove your /etc/subuid entry to run with a single uid"
        );
    };
    let mode = fs::metadata(&found)
        .with_context(|| format!("stat {}", found.display()))?
        .permissions()
        .mode();
    let has_caps = xattr_present(&found, "security.capability");
    if mode & 0o4000 == 0 && !has_caps {
        bail!(
            "{} is neither setuid root nor has file capabilities: reinstall the uidmap package \
             (apt-get install --reinstall uidmap)",
            found.display()
        );
    }
    Ok(found)
}

fn xattr_present(path: &std::path::Path, name: &str) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(p), Ok(n)) = (
        CString::new(path.as_os_str().as_bytes()),
        CString::new(name),
    ) else {
        return false;
    };
    // SAFETY: both strings are NUL-terminated; a null buffer of size 0 only asks for the size.
    let size = unsafe { libc::getxattr(p.as_ptr(), n.as_ptr(), std::ptr::null_mut(), 0) };
    size > 0
}
