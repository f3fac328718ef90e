//! `husk cp`: files between the host and a container, as a tar stream between
//! two processes. The host side stays in the user's view of the world; a forked
//! child takes the container's view: it joins a running container's user and
//! mount namespaces, or for a stopped one enters husk's user namespace and mounts
//! the container's root privately, with its volumes, binds and /etc files
//! (`runtime::bind_for_copy`), then chroots into it. Each side only
//! ever touches its own file system.
//!
//! Docker's rules: SRC is archived under its base name (`SRC/.`: its contents);
//! the receiver puts it into DST if DST is a directory, else makes it DST.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::os::fd::OwnedFd;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::{fork, ForkResult};

use super::{load, state, Container};
use crate::monitor::launch;
use crate::overlay::fuse::Served;
use crate::overlay::kernel::KernelOverlay;
use crate::overlay::vfs::Vfs;
use crate::overlay::StorageDriver;
use crate::store::Store;

/// A path of `husk cp`'s arguments: `CONTAINER:PATH`, a host path, or `-`
/// (a tar archive on stdin or stdout).
pub enum Location {
    Host(PathBuf),
    Container(String, PathBuf),
    Stdio,
}

/// How `husk cp` copies.
#[derive(Clone, Copy, Debug, Default)]
pub struct CopyOptions {
    /// `-a`: what goes into the container keeps the archive's owners (docker's:
    /// uid and gid as the sender had them); what comes out keeps its set-id bits
    /// (owners other than yours cannot be given on the host).
    pub archive: bool,
    /// `-L`: a symlink SRC is followed (its target copied under its name).
    pub follow_link: bool,
    /// `--pause`: a running container is paused while the copy runs (podman's).
    pub pause: bool,
    /// `--overwrite`: a directory may replace a non-directory and the other
    /// way round (podman's; else that is an error, as in docker).
    pub overwrite: bool,
}

impl Location {
    pub fn parse(arg: &str) -> Location {
        if arg == "-" {
            return Location::Stdio;
        }
        // A host path with a colon must be written with a slash first (./a:b), as in docker.
        match arg.split_once(':') {
            Some((ctr, path)) if !ctr.is_empty() && !ctr.contains('/') => {
                let path = if path.starts_with('/') {
                    PathBuf::from(path)
                } else {
                    Path::new("/").join(path)
                };
                Location::Container(ctr.to_string(), path)
            }
            _ => Location::Host(PathBuf::from(arg)),
        }
    }
}

/// Copy `src` to `dst`, one of them in a container (`driver` mounts a stopped
/// one's root), the other on the host or `-` (a tar archive on stdin, which is
/// unpacked into DST, a directory; or on stdout). Forks: single-threaded callers only.
pub fn copy(
    store: &Store,
    driver: &str,
    src: &Location,
    dst: &Location,
    opts: CopyOptions,
) -> Result<()> {
    let name = match (src, dst) {
        (Location::Container(name, _), Location::Host(_) | Location::Stdio)
        | (Location::Host(_) | Location::Stdio, Location::Container(name, _)) => name,
        _ => bail!("husk cp copies between a container and the host (or -): write one of SRC and DST as CONTAINER:PATH"),
    };
    let _paused = match opts.pause {
        true => Paused::pause(store, name)?,
        false => None,
    };
    let follow = opts.follow_link;
    match (src, dst) {
        (Location::Host(src), Location::Container(name, dst)) => {
            fs::symlink_metadata(src)
                .with_context(|| format!("{}: no such file or directory", src.display()))?;
            let contents = contents_of(src);
            let how = Unpacking {
                setid: true,
                owners: opts.archive,
                overwrite: opts.overwrite,
            };
            let into = |from: File| receive(from, dst, contents, how);
            let out = |to: File| send(src, to, follow);
            with_container(store, name, driver, Flow::IntoContainer, into, out)
        }
        (Location::Stdio, Location::Container(name, dst)) => {
            let how = Unpacking {
                setid: true,
                owners: opts.archive,
                overwrite: opts.overwrite,
            };
            let into = |from: File| receive_archive(from, dst, how);
            let out = |mut to: File| -> Result<()> {
                std::io::copy(&mut std::io::stdin().lock(), &mut to)
                    .context("reading the archive from stdin")?;
                Ok(())
            };
            with_container(store, name, driver, Flow::IntoContainer, into, out)
        }
        (Location::Container(name, src), Location::Stdio) => {
            let out = |to: File| send(src, to, follow);
            let into = |mut from: File| -> Result<()> {
                let mut stdout = std::io::stdout().lock();
                std::io::copy(&mut from, &mut stdout).context("writing the archive to stdout")?;
                stdout.flush().context("writing the archive to stdout")
            };
            with_container(store, name, driver, Flow::OutOfContainer, out, into)
        }
        (Location::Container(name, src), Location::Host(dst)) => {
            let contents = contents_of(src);
            let existed = fs::symlink_metadata(dst).is_ok();
            let out = |to: File| send(src, to, follow);
            let how = Unpacking {
                setid: opts.archive,
                owners: false,
                overwrite: opts.overwrite,
            };
            let into = |from: File| receive(from, dst, contents, how);
            let result = with_container(store, name, driver, Flow::OutOfContainer, out, into);
            if result.is_err() && !existed {
                // The receiver may have made DST before the sender failed: leave nothing behind.
                let _ = fs::remove_dir(dst);
            }
            result
        }
        _ => unreachable!("checked above"),
    }
}

/// `--pause`: the container paused for the copy, if it was running (and not paused);
/// going on again when dropped.
struct Paused<'a> {
    store: &'a Store,
    id: String,
    name: String,
}

impl<'a> Paused<'a> {
    fn pause(store: &'a Store, name: &str) -> Result<Option<Paused<'a>>> {
        let id = super::find(store, name)?;
        let s = state::current(store, &id)?;
        if !state::is_running(&s) || s.status == crate::store::containers::Status::Paused {
            return Ok(None);
        }
        super::lifecycle::set_paused(store, &id, name, true)?;
        Ok(Some(Paused {
            store,
            id,
            name: name.to_string(),
        }))
    }
}

impl Drop for Paused<'_> {
    fn drop(&mut self) {
        let _ = super::lifecycle::set_paused(self.store, &self.id, &self.name, false);
    }
}

/// `cp - CTR:DIR`: unpack the archive `input` into the directory `dst`, as docker does.
fn receive_archive(input: impl Read, dst: &Path, how: Unpacking) -> Result<()> {
    if !fs::metadata(dst).is_ok_and(|m| m.is_dir()) {
        bail!(
            "{}: not a directory (cp - unpacks an archive into a directory)",
            dst.display()
        );
    }
    unpack(input, dst, how)
}

/// How an archive is unpacked: what its entries keep besides modes and times,
/// and whether they may replace what is there of another kind.
#[derive(Clone, Copy, Debug)]
pub struct Unpacking {
    /// Set-uid and set-gid bits (dropped for files leaving a container).
    pub setid: bool,
    /// The entries' numeric owners (else they belong to whoever unpacks them).
    pub owners: bool,
    /// A directory may replace a non-directory and the other way round.
    pub overwrite: bool,
}

/// Whether an error comes from writing to a pipe whose reader is gone.
pub fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Which way the archive goes.
#[derive(PartialEq, Eq)]
enum Flow {
    IntoContainer,
    OutOfContainer,
}

/// Fork a child that takes the container's view and runs `inside` on its end of
/// a pipe, while this process runs `outside` on the other end. The child's
/// error comes back on a pipe of its own, as one line.
fn with_container(
    store: &Store,
    name: &str,
    driver: &str,
    flow: Flow,
    inside: impl FnOnce(File) -> Result<()>,
    outside: impl FnOnce(File) -> Result<()>,
) -> Result<()> {
    let id = super::find(store, name)?;
    // A stopped container's root is mounted by the child: no start meanwhile.
    let running = state::is_running(&state::current(store, &id)?);
    let _lock = if running {
        None
    } else {
        Some(state::lock(store, &id)?)
    };
    let cloexec = nix::fcntl::OFlag::O_CLOEXEC;
    let (r, w) = nix::unistd::pipe2(cloexec).context("pipe")?;
    let (err_r, err_w) = nix::unistd::pipe2(cloexec).context("pipe")?;
    let (child_end, our_end): (OwnedFd, OwnedFd) = match flow {
        Flow::IntoContainer => (r, w),
        Flow::OutOfContainer => (w, r),
    };
    // SAFETY: the caller is single-threaded; the child leaves with _exit.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            drop((our_end, err_r));
            let done = enter_view(store, &id, driver).and_then(|view| {
                inside(File::from(child_end))?;
                drop(view);
                Ok(())
            });
            let code = match done {
                Ok(()) => 0,
                Err(e) => {
                    // A broken pipe: the host side failed, and says why itself.
                    if !broken_pipe(&e) {
                        let _ = File::from(err_w).write_all(crate::error::one_line(&e).as_bytes());
                    }
                    crate::error::EXIT_TOOL
                }
            };
            // SAFETY: _exit ends the child without running the parent's exit handlers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop((child_end, err_w));
            let result = outside(File::from(our_end));
            // One line from a process that ran inside the container: bounded.
            let mut said = String::new();
            let _ = File::from(err_r).take(4096).read_to_string(&mut said);
            let status = waitpid(child, None).context("waiting for the copy")?;
            // A receiver inside that finished (an archive ends before its
            // padding) stopped reading: the sender's broken pipe is no failure.
            let received = flow == Flow::IntoContainer
                && said.is_empty()
                && matches!(status, WaitStatus::Exited(_, 0));
            let result = match result {
                Err(e) if received && broken_pipe(&e) => Ok(()),
                other => other,
            };
            let inside_failed = (!said.is_empty()).then(|| anyhow::anyhow!(said));
            // Both sides may fail: the sender's error is the cause, the receiver's
            // (a short archive, a broken pipe) follows from it.
            let (first, second) = match flow {
                Flow::IntoContainer => (result.err(), inside_failed),
                Flow::OutOfContainer => (inside_failed, result.err()),
            };
            // A broken pipe only says that the other side stopped reading.
            let (first, second) = match first {
                Some(e) if broken_pipe(&e) && second.is_some() => (second, Some(e)),
                _ => (first, second),
            };
            match (first.or(second), status) {
                (Some(e), _) => Err(e),
                (None, WaitStatus::Exited(_, 0)) => Ok(()),
                (None, _) => bail!("the copy inside the container failed"),
            }
        }
    }
}

/// Whether `path` asks for a directory's contents (`dir/.`).
pub fn contents_of(path: &Path) -> bool {
    path.as_os_str().as_encoded_bytes().ends_with(b"/.")
}

/// Write `src` as a tar archive (symlinks kept as links; with `follow`, a
/// symlink `src` itself is followed) to `out`.
pub fn send(src: &Path, out: impl Write, follow: bool) -> Result<()> {
    let meta = fs::symlink_metadata(src)
        .with_context(|| format!("{}: no such file or directory", src.display()))?;
    if follow && meta.file_type().is_symlink() {
        // Resolved in the view this side took (inside the container: its root).
        let target = fs::canonicalize(src)
            .with_context(|| format!("{}: a link to nothing", src.display()))?;
        let name = src
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."));
        let mut tar = tar::Builder::new(out);
        tar.follow_symlinks(false);
        if fs::metadata(&target)?.is_dir() {
            tar.append_dir_all(&name, &target)
        } else {
            tar.append_path_with_name(&target, &name)
        }
        .with_context(|| format!("archiving {}", src.display()))?;
        tar.into_inner().context("finishing the archive")?;
        return Ok(());
    }
    let mut tar = tar::Builder::new(out);
    tar.follow_symlinks(false);
    if contents_of(src) {
        if !meta.is_dir() {
            bail!("{}: not a directory", src.display());
        }
        tar.append_dir_all(".", src)
    } else {
        let name = src
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."));
        if meta.is_dir() {
            tar.append_dir_all(&name, src)
        } else {
            tar.append_path_with_name(src, &name)
        }
    }
    .with_context(|| format!("archiving {}", src.display()))?;
    tar.into_inner().context("finishing the archive")?;
    Ok(())
}

/// Unpack the archive `input` (from [`send`]) at `dst`, by docker's rules.
/// `contents`: the sender sent a directory's contents (`SRC/.`).
pub fn receive(input: impl Read, dst: &Path, contents: bool, how: Unpacking) -> Result<()> {
    let trailing_slash = dst.as_os_str().as_encoded_bytes().ends_with(b"/");
    let is_dir = fs::metadata(dst).map(|m| m.is_dir()).unwrap_or(false);
    if is_dir {
        return unpack(input, dst, how);
    }
    if trailing_slash {
        bail!("{}: no such directory", dst.display());
    }
    let parent = match dst.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        bail!("{}: no such directory", parent.display());
    }
    if contents {
        make_way(dst, true, how.overwrite)?;
        fs::create_dir(dst).with_context(|| format!("creating {}", dst.display()))?;
        let result = unpack(input, dst, how);
        if result.is_err() {
            let _ = fs::remove_dir_all(dst); // made here: a failed copy leaves nothing
        }
        return result;
    }
    // Unpacked beside DST under a temporary name, then renamed to DST.
    let tmp = parent.join(format!(".husk-cp-{}", std::process::id()));
    fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let result = unpack(input, &tmp, how).and_then(|()| {
        let top = single_entry(&tmp)?;
        make_way(dst, fs::symlink_metadata(&top)?.is_dir(), how.overwrite)?;
        fs::rename(&top, dst).with_context(|| format!("writing {}", dst.display()))
    });
    let _ = fs::remove_dir_all(&tmp);
    result
}

/// Before a directory (`dir`) or a non-directory is written at `path`: if
/// something of the other kind is there, remove it with `overwrite`, else
/// refuse as docker does. A symbolic link there is left to the unpacker.
fn make_way(path: &Path, dir: bool, overwrite: bool) -> Result<()> {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() || meta.is_dir() == dir {
        return Ok(());
    }
    let (there, new) = match meta.is_dir() {
        true => ("directory", "a non-directory"),
        false => ("non-directory", "a directory"),
    };
    if !overwrite {
        bail!(
            "cannot overwrite {there} {} with {new} (--overwrite allows it)",
            path.display()
        );
    }
    match meta.is_dir() {
        true => fs::remove_dir_all(path),
        false => fs::remove_file(path),
    }
    .with_context(|| format!("removing {}", path.display()))
}

/// The one entry the archive made in `dir`.
fn single_entry(dir: &Path) -> Result<PathBuf> {
    let mut entries = fs::read_dir(dir)?;
    match (entries.next(), entries.next()) {
        (Some(e), None) => Ok(e?.path()),
        _ => bail!("the archive did not hold one file or directory"),
    }
}

/// Unpack safely into `dir` (no entry lands outside it).
fn unpack(input: impl Read, dir: &Path, how: Unpacking) -> Result<()> {
    let mut archive = tar::Archive::new(crate::layer::guard::TarGuard::new(input));
    // The tar crate keeps the set-id and sticky bits only when preserving permissions.
    archive.set_preserve_permissions(how.setid);
    archive.set_preserve_ownerships(how.owners);
    archive.set_preserve_mtime(true);
    archive.set_overwrite(true);
    let root = fs::canonicalize(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in archive.entries().context("reading the archive")? {
        let mut entry = entry.context("reading the archive")?;
        let path = entry.path()?.into_owned();
        if path.components().any(|c| matches!(c, Component::ParentDir)) {
            bail!("refusing {}: it leaves the destination", path.display());
        }
        // (Its components: a directory's entry ends in a slash.)
        let target = dir.join(path.components().collect::<PathBuf>());
        // Only where the entry's parent is inside `dir` (not through a link
        // out of it, which `unpack_in` refuses): nothing outside is removed.
        let inside = target
            .parent()
            .and_then(|p| fs::canonicalize(p).ok())
            .is_some_and(|p| p.starts_with(&root));
        if inside && path.file_name().is_some() {
            make_way(&target, entry.header().entry_type().is_dir(), how.overwrite)?;
        }
        match entry.unpack_in(dir) {
            // The tar crate's own words nest the path twice around the errno.
            Err(e) if e.kind() == std::io::ErrorKind::ReadOnlyFilesystem => bail!(
                "cannot write {}: read-only file system (a read-only mount?)",
                dir.join(&path).display()
            ),
            unpacked => {
                unpacked.with_context(|| format!("writing {}", dir.join(&path).display()))?;
            }
        }
    }
    Ok(())
}

/// What keeps a stopped container's root mounted for the copy.
pub enum View {
    Joined,
    Mounted(Option<Served>),
}

/// In a forked child: see the container's root as `/`. Joins a running
/// container's namespaces, or mounts a stopped container's root (in a user and
/// mount namespace of this process's own) with `driver`, then chroots there.
/// Single-threaded callers only.
pub fn enter_view(store: &Store, id: &str, driver: &str) -> Result<View> {
    if let Some(pid) = state::running_pid(&state::current(store, id)?) {
        crate::runtime::exec::join_namespaces(pid)?;
        return Ok(View::Joined);
    }
    let mapping = crate::userns::IdMapping::detect()?;
    crate::userns::enter(&mapping)?;
    crate::userns::private_mounts()?;
    let ctr = load(store, id)?;
    let served = mount_root(store, &ctr, driver)?;
    let root = ctr.dir.join("rootfs");
    crate::runtime::bind_for_copy(&ctr.spec, &root)?;
    std::os::unix::fs::chroot(&root).with_context(|| format!("chroot {}", root.display()))?;
    std::env::set_current_dir("/").context("chdir /")?;
    Ok(View::Mounted(served))
}

/// Mount the container's root at its `rootfs/` (FUSE: served by this process).
fn mount_root(store: &Store, ctr: &Container, driver: &str) -> Result<Option<Served>> {
    let layout = super::rootfs_layout(store, ctr)?;
    if let Some(root) = crate::overlay::rootfs::HostRoot::of(&ctr.record) {
        root.mount(&layout)?;
        return Ok(None);
    }
    let driver = ctr.record.driver.map_or(driver, |d| d.as_str());
    match driver {
        "fuse-overlay" => {
            // Served to this process, in husk's namespace: the layers' own ids are
            // right here, whatever map the container runs with.
            let mut fuse = launch::fuse_overlay(store, ctr);
            fuse.idmap = None;
            return fuse.serve(&layout).map(Some);
        }
        "vfs" => {
            Vfs::prepare(&layout, &store.tmp_dir())?;
            Vfs.mount(&layout)?;
        }
        _ => {
            // The mount targets in a layer of their own, as at a start.
            let fuse = launch::fuse_overlay(store, ctr);
            KernelOverlay.mount(&fuse.with_mountpoints_below_upper(&layout)?)?
        }
    }
    Ok(None)
}
