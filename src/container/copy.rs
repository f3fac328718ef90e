//! `husk cp`: files between the host and a container, as a tar stream between
//! two processes. The host side stays in the user's view of the world; a forked
//! child takes the container's view: it joins a running container's user and
//! mount namespaces, or for a stopped one enters husk's user namespace and mounts
//! the container's root privately, then chroots into it. Each side only ever
//! touches its own file system.
//!
//! Docker's rules: SRC is archived under its base name (`SRC/.`: its contents);
//! the receiver puts it into DST if DST is a directory, else makes it DST.

use std::fs;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::{load, state, Container};
use crate::monitor::launch;
use crate::overlay::fuse::Served;
use crate::overlay::kernel::KernelOverlay;
use crate::overlay::StorageDriver;
use crate::store::Store;

/// A path of `husk cp`'s arguments: `CONTAINER:PATH` or a host path.
pub enum Location {
    Host(PathBuf),
    Container(String, PathBuf),
}

impl Location {
    pub fn parse(arg: &str) -> Location {
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

/// Whether `path` asks for a directory's contents (`dir/.`).
pub fn contents_of(path: &Path) -> bool {
    path.as_os_str().as_encoded_bytes().ends_with(b"/.")
}

/// Write `src` as a tar archive (symlinks kept as links) to `out`.
pub fn send(src: &Path, out: impl Write) -> Result<()> {
    let meta = fs::symlink_metadata(src)
        .with_context(|| format!("{}: no such file or directory", src.display()))?;
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
/// `contents`: the sender sent a directory's contents (`SRC/.`). `keep_setid`:
/// set-uid and set-gid bits stay (else they are dropped, as for files leaving a container).
pub fn receive(input: impl Read, dst: &Path, contents: bool, keep_setid: bool) -> Result<()> {
    let trailing_slash = dst.as_os_str().as_encoded_bytes().ends_with(b"/");
    let is_dir = fs::metadata(dst).map(|m| m.is_dir()).unwrap_or(false);
    if is_dir {
        return unpack(input, dst, keep_setid);
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
        fs::create_dir(dst).with_context(|| format!("creating {}", dst.display()))?;
        let result = unpack(input, dst, keep_setid);
        if result.is_err() {
            let _ = fs::remove_dir_all(dst); // made here: a failed copy leaves nothing
        }
        return result;
    }
    // Unpacked beside DST under a temporary name, then renamed to DST.
    let tmp = parent.join(format!(".husk-cp-{}", std::process::id()));
    fs::create_dir(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let result = unpack(input, &tmp, keep_setid).and_then(|()| {
        let top = single_entry(&tmp)?;
        fs::rename(&top, dst).with_context(|| format!("writing {}", dst.display()))
    });
    let _ = fs::remove_dir_all(&tmp);
    result
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
fn unpack(input: impl Read, dir: &Path, keep_setid: bool) -> Result<()> {
    let mut archive = tar::Archive::new(crate::layer::guard::TarGuard::new(input));
    // The tar crate keeps the set-id and sticky bits only when preserving permissions.
    archive.set_preserve_permissions(keep_setid);
    archive.set_preserve_mtime(true);
    archive.set_overwrite(true);
    for entry in archive.entries().context("reading the archive")? {
        let mut entry = entry.context("reading the archive")?;
        let path = entry.path()?.into_owned();
        if path.components().any(|c| matches!(c, Component::ParentDir)) {
            bail!("refusing {}: it leaves the destination", path.display());
        }
        entry
            .unpack_in(dir)
            .with_context(|| format!("writing {}", dir.join(&path).display()))?;
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
    std::os::unix::fs::chroot(&root).with_context(|| format!("chroot {}", root.display()))?;
    std::env::set_current_dir("/").context("chdir /")?;
    Ok(View::Mounted(served))
}

/// Mount the container's root at its `rootfs/` (FUSE: served by this process).
fn mount_root(store: &Store, ctr: &Container, driver: &str) -> Result<Option<Served>> {
    let layout = super::rootfs_layout(store, ctr)?;
    if driver == "fuse-overlay" {
        return launch::fuse_overlay(store, ctr).serve(&layout).map(Some);
    }
    KernelOverlay.mount(&layout)?;
    Ok(None)
}
