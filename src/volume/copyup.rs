//! A new volume's first content: what the image has at the path the volume is
//! mounted over, copied in with owners, modes and times (docker's rule: only
//! into an empty volume, unless `nocopy`), and `:U`'s chown.
//!
//! The copy is read from the image's layers directly (their merged view,
//! `overlay::MergedView`), not through a mounted root, and written into a
//! directory of the store's tmp/: only a complete copy is moved into the
//! volume. A copy that fails (a full disk) leaves the volume empty, and a
//! crash leaves a tmp entry that the next command removes.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::fsat;
use crate::overlay::merged::{EntryKind, MergedDir, MergedView};
use crate::store::lock::Lock;
use crate::store::tmp::{rename_noreplace, TempEntry};
use crate::store::Store;

/// Copy the image's content at `at` (a container path) into volume `name` if
/// the volume is empty and the image has a directory there. Whether it copied.
/// `owner` gives the owner a file of the image gets in the volume (the container's id map).
pub fn populate(
    store: &Store,
    name: &str,
    layers: &[PathBuf],
    at: &Path,
    owner: Owner<'_>,
) -> Result<bool> {
    let data = super::data_dir(store, name);
    let _lock = Lock::dir_within(&super::path(store, name), Duration::from_secs(60))
        .with_context(|| format!("volume {name} is busy"))?;
    if !is_empty(&data)? {
        return Ok(false);
    }
    let view = MergedView::open(layers)?;
    let rel = at.to_string_lossy();
    let Some((dir, st)) = view.dir(&rel)? else {
        return Ok(false);
    };
    let temp = TempEntry::create_dir(&store.tmp_dir(), "volume-copy")?;
    let root: OwnedFd = File::open(temp.path())
        .context("opening the copy's directory")?
        .into();
    let mut copier = Copier {
        view: &view,
        root: root.as_fd(),
        links: HashMap::new(),
        owner,
    };
    copier
        .copy_dir(&dir, root.as_fd(), OsStr::new(""), 0)
        .with_context(|| format!("copying the image's {} into volume {name}", at.display()))?;
    // Complete: the copy becomes the volume's content. With one rename over
    // the empty `_data` (a kill -9 leaves the volume empty or whole), unless a
    // running container has `_data` mounted: it would keep the old, empty
    // directory; then entry by entry into it, and its owner and mode last.
    let tmp_dir = File::open(store.tmp_dir()).context("opening tmp/")?;
    let temp_name = temp
        .path()
        .file_name()
        .context("the copy's name")?
        .to_os_string();
    set_metadata(tmp_dir.as_fd(), &temp_name, &st, false, owner)?;
    if !mounted_by_a_running_container(store, name)? {
        // Not fsynced (as docker and cp -a do not): a kill -9 cannot tear the
        // rename, and a power loss may cost the copy, not the store.
        return match temp.persist(&data) {
            Ok(()) => Ok(true),
            // Written meanwhile: docker's rule, no copy into a volume with content.
            Err(e) if matches!(e.raw_os_error(), Some(libc::ENOTEMPTY | libc::EEXIST)) => Ok(false),
            Err(e) => Err(e).context("moving the copy into the volume"),
        };
    }
    for entry in std::fs::read_dir(temp.path()).context("reading the copy")? {
        let entry = entry.context("reading the copy")?;
        match rename_noreplace(&entry.path(), &data.join(entry.file_name())) {
            Ok(()) => {}
            // Written meanwhile by a container that has the volume: its file stays.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).context("moving the copy into the volume"),
        }
    }
    let volumes = File::open(super::path(store, name)).context("opening the volume")?;
    set_metadata(volumes.as_fd(), OsStr::new("_data"), &st, false, owner)?;
    Ok(true)
}

/// Copy the whole merged tree of `view` into the existing directory `dest`
/// (owners through `owner`), its own owner and mode last (the vfs driver's root).
pub fn copy_tree(view: &MergedView, dest: &Path, owner: Owner<'_>) -> Result<()> {
    let Some((dir, st)) = view.dir("")? else {
        anyhow::bail!("the image has no root directory");
    };
    let root: OwnedFd = File::open(dest)
        .with_context(|| format!("opening {}", dest.display()))?
        .into();
    let mut copier = Copier {
        view,
        root: root.as_fd(),
        links: HashMap::new(),
        owner,
    };
    copier.copy_dir(&dir, root.as_fd(), OsStr::new(""), 0)?;
    let parent = File::open(dest.parent().context("the copy's parent")?)
        .context("opening the copy's parent")?;
    let name = dest.file_name().context("the copy's name")?;
    set_metadata(parent.as_fd(), name, &st, false, owner)
}

/// Whether a running container mounts volume `name`.
fn mounted_by_a_running_container(store: &Store, name: &str) -> Result<bool> {
    for (id, _) in super::users(store, name)? {
        let s = crate::container::state::current(store, &id);
        if s.is_ok_and(|s| crate::container::state::is_active(&s)) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn is_empty(dir: &Path) -> Result<bool> {
    Ok(std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .next()
        .is_none())
}

/// A deeper image tree is refused (the walk recurses once per level).
const MAX_COPY_DEPTH: usize = 512;

struct Copier<'a> {
    view: &'a MergedView,
    /// The copy's root, and the paths in it of the files with several links
    /// copied so far, by (layer, inode).
    root: BorrowedFd<'a>,
    links: HashMap<(usize, u64), OsString>,
    owner: Owner<'a>,
}

/// The owner (uid, gid) in husk's namespace of a file the image owns by (uid, gid).
pub type Owner<'a> = &'a dyn Fn(u32, u32) -> (u32, u32);

impl Copier<'_> {
    /// Copy the entries of `dir` into `out` (at `out_path` in the copy,
    /// `depth` directories down).
    fn copy_dir(
        &mut self,
        dir: &MergedDir,
        out: BorrowedFd<'_>,
        out_path: &OsStr,
        depth: usize,
    ) -> Result<()> {
        if depth > MAX_COPY_DEPTH {
            anyhow::bail!("more than {MAX_COPY_DEPTH} directories deep");
        }
        for e in self.view.entries(dir)? {
            let path = match out_path.is_empty() {
                true => e.name.clone(),
                false => fsat::join(&[out_path, &e.name]),
            };
            let what = || format!("/{}", Path::new(&e.path).display());
            match &e.kind {
                EntryKind::Dir(sub) => {
                    fsat::mkdir_at(out, &e.name, 0o700).with_context(what)?;
                    let fd = fsat::open_at(out, &e.name, libc::O_RDONLY | libc::O_DIRECTORY, 0)
                        .with_context(what)?;
                    self.copy_dir(sub, fd.as_fd(), &path, depth + 1)?;
                    set_metadata(out, &e.name, &e.stat, false, self.owner).with_context(what)?;
                }
                EntryKind::Symlink(target) => {
                    fsat::symlink_at(target, out, &e.name).with_context(what)?;
                    set_metadata(out, &e.name, &e.stat, true, self.owner).with_context(what)?;
                }
                EntryKind::Other => {
                    if self.copy_other(&e, out, &path).with_context(what)? {
                        set_metadata(out, &e.name, &e.stat, false, self.owner)
                            .with_context(what)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A regular file (or a hard link to one copied before), a FIFO; false
    /// for what is not copied (sockets) or is a link (its metadata is set).
    fn copy_other(
        &mut self,
        e: &crate::overlay::merged::MergedEntry,
        out: BorrowedFd<'_>,
        path: &OsStr,
    ) -> Result<bool> {
        match e.stat.st_mode & libc::S_IFMT {
            libc::S_IFREG => {
                let key = (e.layer, e.stat.st_ino);
                if e.stat.st_nlink > 1 {
                    if let Some(first) = self.links.get(&key) {
                        fsat::link_at(self.root, first, out, &e.name)?;
                        return Ok(false);
                    }
                }
                let src = fsat::open_beneath(
                    self.view.layer(e.layer),
                    &e.path,
                    libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_NONBLOCK,
                )?;
                let dst = fsat::open_at(
                    out,
                    &e.name,
                    libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL,
                    0o600,
                )?;
                fsat::copy_data(src.as_raw_fd(), dst.as_raw_fd(), e.stat.st_size)?;
                if e.stat.st_nlink > 1 {
                    self.links.insert(key, path.to_os_string());
                }
                // Owner and mode first: a chown clears security.capability.
                set_metadata(out, &e.name, &e.stat, false, self.owner)?;
                fsat::copy_xattrs(src.as_fd(), dst.as_fd())?;
                Ok(false)
            }
            libc::S_IFIFO => {
                fsat::mknod_at(out, &e.name, libc::S_IFIFO | 0o600, 0)?;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

/// The owner (when the user namespace maps it), mode and times of `st` on
/// `dir/name`.
fn set_metadata(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    st: &libc::stat,
    symlink: bool,
    owner: Owner<'_>,
) -> Result<()> {
    let (uid, gid) = owner(st.st_uid, st.st_gid);
    match fsat::chown_at(dir, name, uid, gid) {
        Ok(()) => {}
        // An owner this namespace cannot map (single-uid mode): the user's.
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => {}
        Err(e) => return Err(e).context("chown"),
    }
    if !symlink {
        fsat::chmod_at(dir, name, st.st_mode & 0o7777).context("chmod")?;
    }
    fsat::utimes_at(
        dir,
        name,
        (st.st_atime, st.st_atime_nsec),
        (st.st_mtime, st.st_mtime_nsec),
    )
    .context("setting times")?;
    Ok(())
}

/// `:U`: chown the directory `path` and everything under it to `uid:gid`.
/// Walked by file descriptors, never following a symlink: a container that
/// swaps a directory for a link meanwhile cannot send the chown outside.
pub fn chown_tree(path: &Path, uid: u32, gid: u32) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let what = || format!("chown -R {}", path.display());
    let root: OwnedFd = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY)
        .open(path)
        .with_context(what)?
        .into();
    nix::unistd::fchown(root.as_raw_fd(), Some(uid.into()), Some(gid.into())).with_context(what)?;
    chown_entries(root, uid, gid, 0).with_context(what)
}

/// Deeper than this, a tree is refused (each level holds a descriptor).
const MAX_CHOWN_DEPTH: usize = 256;

fn chown_entries(dir: OwnedFd, uid: u32, gid: u32, depth: usize) -> Result<()> {
    if depth > MAX_CHOWN_DEPTH {
        anyhow::bail!("the tree is more than {MAX_CHOWN_DEPTH} directories deep");
    }
    let dup = fsat::open_at(
        dir.as_fd(),
        OsStr::new("."),
        libc::O_RDONLY | libc::O_DIRECTORY,
        0,
    )?;
    let list = nix::dir::Dir::from_fd(std::os::fd::IntoRawFd::into_raw_fd(dup))?;
    for entry in list {
        let entry = entry?;
        let name = OsStr::from_bytes(entry.file_name().to_bytes());
        if name == "." || name == ".." {
            continue;
        }
        match fsat::chown_at(dir.as_fd(), name, uid, gid) {
            Ok(()) => {}
            // Removed meanwhile by a container that shares it.
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => continue,
            Err(e) => return Err(e.into()),
        }
        let is_dir = match entry.file_type() {
            Some(t) => t == nix::dir::Type::Directory,
            None => fsat::stat_at(dir.as_fd(), name)
                .is_ok_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFDIR),
        };
        if is_dir {
            // open_at does not follow a link put there since.
            match fsat::open_at(dir.as_fd(), name, libc::O_RDONLY | libc::O_DIRECTORY, 0) {
                Ok(sub) => chown_entries(sub, uid, gid, depth + 1)?,
                Err(e)
                    if matches!(
                        e.raw_os_error(),
                        Some(libc::ELOOP | libc::ENOTDIR | libc::ENOENT)
                    ) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}
