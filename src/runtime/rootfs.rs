//! The container's filesystem view, set up by the container process in its new
//! mount namespace: the storage driver's root, the spec's mounts (every target
//! resolved inside the rootfs, never through the image's symlinks to the host),
//! /dev's links, pivot_root, then masked and read-only paths.

use std::ffi::{CString, OsStr, OsString};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{Mount, Spec};

use crate::fsat;
use crate::overlay::{RootfsLayout, StorageDriver};

fn cstr(p: &Path) -> Result<CString> {
    CString::new(p.as_os_str().as_bytes()).context("NUL in a path")
}

/// mount(2) with Rust types; `data` is the fs-specific option string.
fn mount(
    source: Option<&Path>,
    target: &Path,
    fstype: Option<&str>,
    flags: libc::c_ulong,
    data: Option<&str>,
) -> Result<()> {
    let src = source.map(cstr).transpose()?;
    let tgt = cstr(target)?;
    let ty = fstype.map(CString::new).transpose()?;
    let dat = data
        .filter(|d| !d.is_empty())
        .map(CString::new)
        .transpose()?;
    let ptr = |c: &Option<CString>| c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: every pointer is null or a NUL-terminated string that outlives the call.
    let r = unsafe { libc::mount(ptr(&src), tgt.as_ptr(), ptr(&ty), flags, ptr(&dat).cast()) };
    if r != 0 {
        return Err(std::io::Error::last_os_error()).with_context(|| {
            format!("mount {} on {}", fstype.unwrap_or("bind"), target.display())
        });
    }
    Ok(())
}

/// The flags a remount must keep: in a user namespace, those of the original mount are locked.
fn locked_flags(target: &Path) -> Result<libc::c_ulong> {
    let st = nix::sys::statvfs::statvfs(target)
        .with_context(|| format!("statvfs {}", target.display()))?;
    use nix::sys::statvfs::FsFlags as F;
    let f = st.flags();
    let mut out = 0;
    for (st_flag, ms) in [
        (F::ST_RDONLY, libc::MS_RDONLY),
        (F::ST_NOSUID, libc::MS_NOSUID),
        (F::ST_NODEV, libc::MS_NODEV),
        (F::ST_NOEXEC, libc::MS_NOEXEC),
        (F::ST_NOATIME, libc::MS_NOATIME),
        (F::ST_NODIRATIME, libc::MS_NODIRATIME),
        (F::ST_RELATIME, libc::MS_RELATIME),
    ] {
        if f.contains(st_flag) {
            out |= ms;
        }
    }
    Ok(out)
}

/// Re-apply a bind mount's flags (ro, nosuid...), keeping the locked ones.
fn remount_bind(target: &Path, flags: libc::c_ulong) -> Result<()> {
    let keep = locked_flags(target)?;
    mount(
        None,
        target,
        None,
        libc::MS_REMOUNT | libc::MS_BIND | flags | keep,
        None,
    )
}

/// A spec mount's options, read once: mount(2) flags, whether it is a bind,
/// the file system's data string, and how far a read-only bind reaches.
struct Options {
    flags: libc::c_ulong,
    bind: bool,
    data: String,
    recursive_ro: RecursiveRo,
}

/// How a read-only recursive bind treats the mounts beneath its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecursiveRo {
    /// `ro` alone: read-only all the way down where the kernel can
    /// (mount_setattr, 5.12), else its top mount only: docker 25's default.
    IfPossible,
    /// `rro` (runc's word; `--mount ...,bind-recursive=readonly`): all the
    /// way down, or the start fails.
    Required,
    /// `ro-nonrecursive` (`bind-recursive=writable`): the top mount alone,
    /// the mounts beneath stay as they are (docker before 25, podman's `ro`).
    No,
}

/// Split OCI mount options into mount(2) flags and the data string.
fn parse_options(options: &[String]) -> Options {
    let mut out = Options {
        flags: 0,
        bind: false,
        data: String::new(),
        recursive_ro: RecursiveRo::IfPossible,
    };
    let mut data = Vec::new();
    for o in options {
        match o.as_str() {
            "ro" => out.flags |= libc::MS_RDONLY,
            "rro" => {
                out.flags |= libc::MS_RDONLY;
                out.recursive_ro = RecursiveRo::Required;
            }
            "ro-nonrecursive" => out.recursive_ro = RecursiveRo::No,
            "rw" | "suid" | "dev" | "exec" | "private" | "rprivate" => {}
            "nosuid" => out.flags |= libc::MS_NOSUID,
            "nodev" => out.flags |= libc::MS_NODEV,
            "noexec" => out.flags |= libc::MS_NOEXEC,
            "strictatime" => out.flags |= libc::MS_STRICTATIME,
            "relatime" => out.flags |= libc::MS_RELATIME,
            "noatime" => out.flags |= libc::MS_NOATIME,
            "bind" => out.bind = true,
            "rbind" => {
                out.bind = true;
                out.flags |= libc::MS_REC;
            }
            other => data.push(other.to_string()),
        }
    }
    out.data = data.join(",");
    out
}

/// Whether the spec's mount `m` is a bind (its options say `bind` or `rbind`).
pub fn is_bind(m: &Mount) -> bool {
    parse_options(m.options().as_deref().unwrap_or_default()).bind
}

/// Create (if missing) the mount target `dest` inside `root` — a directory, or a
/// file when `file()` says so — and return an O_PATH fd to it.
fn target_in_root(root: &OwnedFd, dest: &Path, file: impl Fn() -> bool) -> Result<OwnedFd> {
    let parts: Vec<&OsStr> = dest.iter().filter(|c| *c != OsStr::new("/")).collect();
    if let Some(fd) = target_found_or_made(root.as_fd(), &parts, &file) {
        return Ok(fd);
    }
    let resolved = fsat::resolve_in_root(root.as_fd(), &parts)?;
    let refs: Vec<&OsStr> = resolved.iter().map(|p| p.as_os_str()).collect();
    let Some((name, parent)) = refs.split_last() else {
        return fsat::open_in_root(root.as_fd(), OsStr::new("."), libc::O_PATH)
            .context("opening the rootfs");
    };
    let dir = fsat::path_dir(root.as_fd(), parent, true)?;
    // Behind a symlink, the name may be there: opened rather than made (a
    // create takes the directory's lock for itself, and waits for any lookup
    // in it, the prefetch's through FUSE; an open is one more lookup beside them).
    match fsat::open_at(dir.as_fd(), name, libc::O_PATH, 0) {
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
        opened => return opened.with_context(|| format!("opening mount point {}", dest.display())),
    }
    match make_target(dir.as_fd(), name, file()) {
        Ok(()) => {}
        Err(e)
            if e.raw_os_error() == Some(libc::EEXIST) || e.raw_os_error() == Some(libc::EISDIR) => {
        }
        Err(e) => {
            return Err(e).with_context(|| format!("creating mount point {}", dest.display()))
        }
    }
    fsat::open_at(dir.as_fd(), name, libc::O_PATH, 0)
        .with_context(|| format!("opening mount point {}", dest.display()))
}

/// The short ways to a mount target, resolved by the kernel (one openat2 does
/// what the walk in [`target_in_root`] does: symlinks inside the root, `..`
/// stopping at it): there already (/proc, the file targets the FUSE overlay
/// made), or missing only its last component in a directory that is there
/// (/dev/null in the new /dev), made at once. One or four system calls where
/// the walk makes three per component and four more. None: take the walk (a
/// name that is a dangling symlink, a missing directory on the way).
fn target_found_or_made(
    root: BorrowedFd<'_>,
    parts: &[&OsStr],
    file: &dyn Fn() -> bool,
) -> Option<OwnedFd> {
    let (name, parent) = parts.split_last()?;
    if let Ok(fd) = fsat::open_in_root(root, &fsat::join(parts), libc::O_PATH) {
        return Some(fd);
    }
    if matches!(name.as_bytes(), b"." | b"..") {
        return None;
    }
    let parent = match parent.is_empty() {
        true => OsString::from("."),
        false => fsat::join(parent),
    };
    let dir = fsat::open_in_root(root, &parent, libc::O_PATH | libc::O_DIRECTORY).ok()?;
    // A name there (EEXIST: a dangling symlink) is the walk's to follow.
    make_target(dir.as_fd(), name, file()).ok()?;
    fsat::open_at(dir.as_fd(), name, libc::O_PATH, 0).ok()
}

/// Make the mount target `name` in `dir`: an empty file if `file`, else a
/// directory. mknod, not open(O_CREAT): on FUSE one round trip instead of four.
fn make_target(dir: BorrowedFd<'_>, name: &OsStr, file: bool) -> std::io::Result<()> {
    match file {
        true => fsat::mknod_at(dir, name, libc::S_IFREG | 0o644, 0),
        false => fsat::mkdir_at(dir, name, 0o755),
    }
}

fn proc_fd_path(fd: &OwnedFd) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("/proc/self/fd/{}", fd.as_raw_fd()))
}

fn mount_one(root: &Root, m: &Mount) -> Result<()> {
    let options = m.options().clone().unwrap_or_default();
    let Options {
        flags,
        bind,
        data,
        recursive_ro,
    } = parse_options(&options);
    let kind = m.typ().as_deref().unwrap_or("bind");
    let source = m.source().as_deref();
    // Asked only if the target has to be made.
    let is_file = || bind && source.is_some_and(|s| !s.is_dir());
    let target_fd = target_in_root(&root.fd, m.destination(), is_file)?;
    if root.is(&target_fd)? {
        bail!(
            "the mount destination {} is the container's root itself (a link to / in the image?)",
            m.destination().display()
        );
    }
    let target = proc_fd_path(&target_fd);
    if bind {
        let src = source.context("a bind mount without a source")?;
        let bound = mount(
            Some(src),
            &target,
            None,
            libc::MS_BIND | (flags & libc::MS_REC),
            None,
        );
        if flags & libc::MS_REC == 0
            && bound.as_ref().err().and_then(crate::error::errno_of) == Some(libc::EINVAL)
        {
            bail!(
                "binding {} to {}: it has mounts beneath it that are not yours (made outside husk's user namespace), and the kernel binds those only together with it: drop `bind` (or bind-recursive=disabled)",
                src.display(),
                m.destination().display()
            );
        }
        bound.with_context(|| {
            format!("binding {} to {}", src.display(), m.destination().display())
        })?;
        let extra = flags & !libc::MS_REC;
        if extra != 0 {
            // The fd above names what the mount now covers: open the mount itself.
            let mounted = target_in_root(&root.fd, m.destination(), is_file)?;
            remount_bind(&proc_fd_path(&mounted), extra)
                .with_context(|| format!("remounting {}", m.destination().display()))?;
            let beneath = flags & libc::MS_REC != 0 && recursive_ro != RecursiveRo::No;
            if extra & libc::MS_RDONLY != 0 && beneath {
                readonly_beneath(&mounted, recursive_ro == RecursiveRo::Required)
                    .with_context(|| format!("making {} read-only", m.destination().display()))?;
            }
        }
    } else {
        mount(source, &target, Some(kind), flags, Some(&data))
            .with_context(|| format!("on {}", m.destination().display()))?;
    }
    Ok(())
}

/// The mounts beneath the read-only bind at `mounted` (a mount under its
/// source: a USB stick, a tmpfs, another bind) made read-only too, in one
/// call: mount_setattr(2) with AT_RECURSIVE. The remount before reached the
/// top mount alone, and a container could write beneath its `:ro`. Without
/// mount_setattr (kernels before 5.12, or a sandbox refusing it) that is as
/// far as it goes, unless `required` (`rro`).
fn readonly_beneath(mounted: &OwnedFd, required: bool) -> Result<()> {
    const MOUNT_ATTR_RDONLY: u64 = 0x1;
    const AT_RECURSIVE: libc::c_uint = 0x8000;
    /// struct mount_attr (linux/mount.h), MOUNT_ATTR_SIZE_VER0.
    #[repr(C)]
    struct MountAttr {
        attr_set: u64,
        attr_clr: u64,
        propagation: u64,
        userns_fd: u64,
    }
    let attr = MountAttr {
        attr_set: MOUNT_ATTR_RDONLY,
        attr_clr: 0,
        propagation: 0,
        userns_fd: 0,
    };
    // SAFETY: mount_setattr on an fd we own, an empty NUL-terminated path and
    // a mount_attr of the size passed, all outliving the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_mount_setattr,
            mounted.as_raw_fd(),
            c"".as_ptr(),
            libc::AT_EMPTY_PATH as libc::c_uint | AT_RECURSIVE,
            &attr as *const MountAttr,
            std::mem::size_of::<MountAttr>(),
        )
    };
    if r == 0 {
        return Ok(());
    }
    let e = std::io::Error::last_os_error();
    // No mount_setattr (ENOSYS), or a sandbox around husk that refuses it
    // (EPERM: docker's seccomp profile): the top mount alone, unless required.
    match e.raw_os_error() {
        Some(libc::ENOSYS | libc::EPERM) if !required => Ok(()),
        Some(libc::ENOSYS) => {
            bail!("recursively read-only (rro, bind-recursive=readonly) needs Linux 5.12 or later")
        }
        _ => Err(e).context("mount_setattr"),
    }
}

/// `--ipc container:NAME`: that container's /dev/shm (a tmpfs in its mount
/// namespace, `mnt_ns`) as this one's. A mount of another namespace cannot be
/// bound, so a copy of it is made there (open_tree) and moved in here (move_mount).
fn shm_of(root: &OwnedFd, mnt_ns: &Path) -> Result<()> {
    const OPEN_TREE_CLONE: libc::c_uint = 1;
    const AT_RECURSIVE: libc::c_uint = 0x8000;
    const MOVE_MOUNT_F_EMPTY_PATH: libc::c_uint = 4;
    let own = std::fs::File::open("/proc/self/ns/mnt").context("opening our mount namespace")?;
    let theirs =
        std::fs::File::open(mnt_ns).with_context(|| format!("opening {}", mnt_ns.display()))?;
    nix::sched::setns(theirs, nix::sched::CloneFlags::CLONE_NEWNS)
        .context("entering the other container's mount namespace")?;
    // SAFETY: open_tree with a NUL-terminated path; it returns a new fd or -1.
    let fd = unsafe {
        libc::syscall(
            libc::SYS_open_tree,
            libc::AT_FDCWD,
            c"/dev/shm".as_ptr(),
            // Not through a link: the other container made its /dev.
            OPEN_TREE_CLONE
                | AT_RECURSIVE
                | libc::AT_SYMLINK_NOFOLLOW as libc::c_uint
                | libc::O_CLOEXEC as libc::c_uint,
        )
    };
    let cloned = std::io::Error::last_os_error();
    nix::sched::setns(own, nix::sched::CloneFlags::CLONE_NEWNS)
        .context("returning to the container's mount namespace")?;
    if fd < 0 {
        bail!("the other container's /dev/shm: {cloned}");
    }
    // SAFETY: open_tree returned this fd just now; nothing else owns it.
    let tree = unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(fd as i32) };
    let target = target_in_root(root, Path::new("/dev/shm"), || false)?;
    // SAFETY: move_mount of our detached tree onto an O_PATH fd, empty paths.
    let r = unsafe {
        libc::syscall(
            libc::SYS_move_mount,
            tree.as_raw_fd(),
            c"".as_ptr(),
            target.as_raw_fd(),
            c"".as_ptr(),
            MOVE_MOUNT_F_EMPTY_PATH | 0x40, /* MOVE_MOUNT_T_EMPTY_PATH */
        )
    };
    if r != 0 {
        bail!(
            "mounting the other container's /dev/shm: {}",
            std::io::Error::last_os_error()
        );
    }
    Ok(())
}

/// The links /dev has on every Linux system.
fn dev_links(root: &OwnedFd) -> Result<()> {
    let dev = fsat::path_dir(root.as_fd(), &[OsStr::new("dev")], true)?;
    for (name, target) in [
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
        ("ptmx", "pts/ptmx"),
        ("core", "/proc/kcore"),
    ] {
        match fsat::symlink_at(target.as_bytes(), dev.as_fd(), OsStr::new(name)) {
            Ok(()) => {}
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => {}
            Err(e) => return Err(e).with_context(|| format!("creating /dev/{name}")),
        }
    }
    Ok(())
}

fn pivot(target: &Path) -> Result<()> {
    std::env::set_current_dir(target).with_context(|| format!("chdir {}", target.display()))?;
    // SAFETY: pivot_root(".", ".") stacks the old root under the new one; both strings are valid.
    let r = unsafe { libc::syscall(libc::SYS_pivot_root, c".".as_ptr(), c".".as_ptr()) };
    if r != 0 {
        bail!("pivot_root: {}", std::io::Error::last_os_error());
    }
    // SAFETY: detaches the old root, now mounted on "."; the string is valid.
    if unsafe { libc::umount2(c".".as_ptr(), libc::MNT_DETACH) } != 0 {
        bail!(
            "detaching the old root: {}",
            std::io::Error::last_os_error()
        );
    }
    std::env::set_current_dir("/").context("chdir /")
}

fn mask(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => mount(
            Some(Path::new("tmpfs")),
            path,
            Some("tmpfs"),
            libc::MS_RDONLY,
            Some("size=0k"),
        ),
        Ok(_) => mount(
            Some(Path::new("/dev/null")),
            path,
            None,
            libc::MS_BIND,
            None,
        ),
        Err(_) => Ok(()),
    }
}

fn make_readonly(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    mount(Some(path), path, None, libc::MS_BIND | libc::MS_REC, None)?;
    remount_bind(path, libc::MS_RDONLY)
}

/// Nothing done in the container's mount namespace may propagate back to the user's.
fn private_mounts() -> Result<()> {
    mount(
        None,
        Path::new("/"),
        None,
        libc::MS_REC | libc::MS_PRIVATE,
        None,
    )
}

/// What the process of a container with its own id map sets its root up from:
/// the spec and layout with the bind mounts' sources and the root given as
/// `/proc/self/fd/N` of descriptors it opened while it was still husk's root.
/// As the container's root it cannot search husk's store (0700, husk's own) nor
/// a user's 0700 home; through a descriptor no path is searched again.
pub struct Reachable {
    pub spec: Spec,
    pub layout: RootfsLayout,
    _fds: Vec<OwnedFd>,
}

impl Reachable {
    pub fn open(spec: &Spec, layout: &RootfsLayout) -> Result<Reachable> {
        private_mounts()?;
        // The root came from husk's more privileged mount namespace, locked to its
        // mount point: pivot_root refuses such a mount. A bind of it is this namespace's.
        mount(
            Some(&layout.target),
            &layout.target,
            None,
            libc::MS_BIND | libc::MS_REC,
            None,
        )
        .context("binding the rootfs onto itself")?;
        let mut fds = Vec::new();
        let mut by_fd = |path: &Path| -> Result<std::path::PathBuf> {
            use std::os::unix::fs::OpenOptionsExt;
            let fd: OwnedFd = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(libc::O_PATH | libc::O_CLOEXEC)
                .open(path)
                .with_context(|| format!("opening {}", path.display()))?
                .into();
            let at = proc_fd_path(&fd);
            fds.push(fd);
            Ok(at)
        };
        let mut spec = spec.clone();
        let mut mounts = spec.mounts().clone().unwrap_or_default();
        for m in &mut mounts {
            let bind = is_bind(m);
            if let (true, Some(source)) = (bind, m.source().clone()) {
                m.set_source(Some(by_fd(&source)?));
            }
        }
        spec.set_mounts(Some(mounts));
        let mut layout = layout.clone();
        layout.target = by_fd(&layout.target)?;
        Ok(Reachable {
            spec,
            layout,
            _fds: fds,
        })
    }
}

/// The mounted root, to make mount targets in: an O_PATH fd, and its inode.
struct Root {
    fd: OwnedFd,
    id: (libc::dev_t, libc::ino_t),
}

impl Root {
    fn open(target: &Path) -> Result<Root> {
        use std::os::unix::fs::OpenOptionsExt;
        let root = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_PATH | libc::O_DIRECTORY)
            .open(target)
            .context("opening the rootfs")?;
        let fd = OwnedFd::from(root);
        let st = fsat::fstat(fd.as_fd()).context("stat of the rootfs")?;
        Ok(Root {
            fd,
            id: (st.st_dev, st.st_ino),
        })
    }

    /// Whether `fd` is the root itself. A mount there would be stacked on the
    /// root: a lookup from the root's fd stays beneath it (a read-only remount
    /// found so would miss it) while pivot_root and chroot, by path, enter it.
    fn is(&self, fd: &OwnedFd) -> Result<bool> {
        let st = fsat::fstat(fd.as_fd()).context("stat of a mount target")?;
        Ok((st.st_dev, st.st_ino) == self.id)
    }
}

/// A stopped container's binds, mounted on its root at `target` for `husk
/// cp`: at those paths the copy sees what the container's process would (its
/// volumes, `-v` binds, the /etc files husk writes), as docker's and podman's
/// cp do, not what the image has beneath them. The kernel's file systems,
/// /dev and tmpfs mounts hold nothing of a stopped container's; a bind whose
/// source is gone (the runtime directory's files after a reboot, made again
/// at the next start) is left out.
pub fn bind_for_copy(spec: &Spec, target: &Path) -> Result<()> {
    let root = Root::open(target)?;
    for m in spec.mounts().as_deref().unwrap_or_default() {
        let kernel = ["/dev", "/proc", "/sys"]
            .iter()
            .any(|k| m.destination().starts_with(k));
        let source = m.source().as_deref();
        if is_bind(m) && !kernel && source.is_some_and(|s| s.exists()) {
            mount_one(&root, m)?;
        }
    }
    Ok(())
}

/// Build the container's root and make it `/`.
pub fn setup(spec: &Spec, layout: &RootfsLayout, driver: &dyn StorageDriver) -> Result<()> {
    private_mounts()?;
    driver.mount(layout)?;
    crate::timeline::mark("child: root mounted");
    let root = Root::open(&layout.target)?;
    for m in spec.mounts().as_deref().unwrap_or_default() {
        mount_one(&root, m)?;
    }
    let shm_from = spec
        .annotations()
        .as_ref()
        .and_then(|a| a.get(crate::container::spec::ANNOTATION_SHM_FROM));
    if let Some(ns) = shm_from {
        shm_of(&root.fd, Path::new(ns))?;
    }
    dev_links(&root.fd)?;
    drop(root);
    crate::timeline::mark("child: mounts done");
    pivot(&layout.target)?;
    crate::timeline::mark("child: pivoted");
    if let Some(linux) = spec.linux() {
        for p in linux.masked_paths().as_deref().unwrap_or_default() {
            mask(Path::new(p)).with_context(|| format!("masking {p}"))?;
        }
        for p in linux.readonly_paths().as_deref().unwrap_or_default() {
            make_readonly(Path::new(p)).with_context(|| format!("making {p} read-only"))?;
        }
    }
    if spec
        .root()
        .as_ref()
        .and_then(|r| r.readonly())
        .unwrap_or(false)
    {
        // The working directory is made before the root turns read-only (docker
        // makes it when it creates the container); later it could not be.
        if let Some(cwd) = spec.process().as_ref().map(|p| p.cwd()) {
            if !cwd.exists() {
                std::fs::create_dir_all(cwd)
                    .with_context(|| format!("creating the working directory {}", cwd.display()))?;
            }
        }
        remount_bind(Path::new("/"), libc::MS_RDONLY).context("making the root read-only")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// Where an O_PATH fd points, as the kernel names it.
    fn named(fd: &OwnedFd) -> std::path::PathBuf {
        std::fs::read_link(proc_fd_path(fd)).unwrap()
    }

    /// Mount targets in an image are found or made inside the root whatever
    /// its symlinks say, by the kernel's one-call resolution and by the walk.
    /// A fresh directory `husk-rootfs-NAME-PID` with a directory `b` in it.
    fn temp_root(name: &str) -> std::path::PathBuf {
        let root = std::env::temp_dir().join(format!("husk-rootfs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("b")).unwrap();
        root
    }

    #[test]
    fn mount_targets_resolve_inside_the_root() {
        let root = temp_root("targets");
        symlink("/b", root.join("abs")).unwrap();
        symlink("../../../../outside", root.join("escape")).unwrap();
        symlink("/missing/deeper", root.join("dangling")).unwrap();
        let fd: OwnedFd = std::fs::File::open(&root).unwrap().into();
        let at =
            |dest: &str, file: bool| named(&target_in_root(&fd, Path::new(dest), || file).unwrap());

        // There already: opened, through an absolute link taken as inside the root.
        assert_eq!(at("/abs", false), root.join("b"));
        // Missing only its last component: made in the directory the link names.
        assert_eq!(at("/abs/dir", false), root.join("b/dir"));
        assert!(root.join("b/dir").is_dir());
        assert_eq!(at("/abs/file", true), root.join("b/file"));
        assert!(root.join("b/file").is_file());
        // A dangling link: made where it points, inside the root (the walk).
        assert_eq!(at("/escape", true), root.join("outside"));
        assert!(root.join("outside").is_file());
        assert_eq!(at("/dangling", false), root.join("missing/deeper"));
        // Missing directories on the way are made (the walk), `..` stops at the root.
        assert_eq!(at("/x/y/../z", false), root.join("x/z"));
        assert_eq!(at("/../../b", false), root.join("b"));
        assert_eq!(at("/", false), root);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn a_mount_target_that_is_the_root_itself_is_seen() {
        let root = temp_root("self");
        symlink("/", root.join("config")).unwrap();
        symlink("b/..", root.join("up")).unwrap();
        let r = Root::open(&root).unwrap();
        let is_root = |dest: &str| r.is(&target_in_root(&r.fd, Path::new(dest), || false).unwrap());
        assert!(is_root("/config").unwrap());
        assert!(is_root("/up").unwrap());
        assert!(is_root("/").unwrap());
        assert!(!is_root("/b").unwrap());
        let _ = std::fs::remove_dir_all(&root);
    }
}
