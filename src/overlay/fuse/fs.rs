//! The overlay file system served over FUSE: the semantics of the kernel's
//! overlayfs on husk's layer format.
//!
//! - Lookup goes down a directory's layers (top first) and stops at a whiteout;
//!   a directory merges the same path of lower layers until one is opaque or is
//!   not a directory.
//! - Every change happens in the upper layer, after a copy-up of the object and
//!   its parents ([`super::copyup`]); removing a name that a lower layer has
//!   leaves a whiteout; a directory made where a whiteout was is opaque.
//! - Renaming a directory that lower layers contribute to is refused with EXDEV,
//!   as the kernel does without redirect_dir: callers (mv, rename(1)) copy instead.
//! - Owners: the caller's uid/gid for new files. In single-uid mode, and for ids
//!   the namespace cannot map, owner and mode live in `user.containers.override_stat`
//!   and are presented from there. husk's own xattrs are hidden.

use std::collections::{HashMap, HashSet};
use std::ffi::CStr;
use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, RawFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use fuse_backend_rs::abi::fuse_abi::{
    stat64, statvfs64, CreateIn, FOPEN_IN_KILL_SUIDGID, WRITE_KILL_PRIV,
};
use fuse_backend_rs::api::filesystem::{
    Context, DirEntry, Entry, FileSystem, FsOptions, GetxattrReply, ListxattrReply, OpenOptions,
    SetattrValid, ZeroCopyReader, ZeroCopyWriter, ROOT_ID,
};

use super::copyup;
use super::layers::{c_path, is_whiteout, join, Layers, UPPER};
use super::nodes::Nodes;
use crate::layer::{parse_override, OPAQUE_XATTR, OVERRIDE_XATTR};
use crate::userns::idmap::{ContainerIdMap, UNMAPPED};

/// The container's id of an owner outside its map (a process of husk's namespace).
const NOBODY: u32 = 65534;

/// Only this server changes the layers, so the kernel may cache for long.
const TIMEOUT: Duration = Duration::from_secs(86400);

/// File capabilities: dropped by a write, a truncation or a chown.
const CAPS_XATTR: &CStr = c"security.capability";

/// Remove the capabilities of an open file, if it has any.
fn remove_caps(f: &File) -> io::Result<()> {
    // SAFETY: fremovexattr on an fd we own with a NUL-terminated name.
    check(unsafe { libc::fremovexattr(f.as_raw_fd(), CAPS_XATTR.as_ptr()) }).or_else(absent_ok)
}

/// `mode` without set-user-id, and without set-group-id when the group may execute:
/// what a write, a truncation or a chown leaves of a file's set-id bits.
fn without_setid(mode: u32) -> u32 {
    let mut mode = mode & !libc::S_ISUID;
    if mode & libc::S_IXGRP != 0 {
        mode &= !libc::S_ISGID;
    }
    mode
}

/// An xattr that was not there to remove is no error.
fn absent_ok(e: io::Error) -> io::Result<()> {
    match e.raw_os_error() {
        Some(libc::ENODATA) => Ok(()),
        _ => Err(e),
    }
}

fn err(code: i32) -> io::Error {
    io::Error::from_raw_os_error(code)
}

fn check(r: libc::c_int) -> io::Result<()> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

enum Handle {
    File(OpenFile),
    /// A directory listing taken at opendir: (name, d_type).
    Dir(Vec<(Vec<u8>, u32)>),
}

/// Where in a file read through the overlay its layer's copy in the page cache
/// starts to be dropped behind the reads: what the container reads sits in the
/// page cache of the FUSE file (kept across opens), and would sit there twice
/// (a 1 GiB read grew the page cache by 2 GiB). Below it (binaries, libraries:
/// the files every container of an image reads) the layer's copy stays, shared
/// by all the containers.
const DROP_BEHIND_FROM: u64 = 8 << 20;
/// Dropped a block at a time, aligned: the layer file's pages are large folios
/// (up to 2 MiB on ext4), and advice on part of one drops nothing.
const DROP_BLOCK: u64 = 2 << 20;

/// After a READ of `len` bytes at `offset` of a file (by the server or by
/// `splice`): for a file opened read-only, drop behind it.
fn after_read(fd: RawFd, writable: bool, offset: u64, len: usize) {
    if !writable {
        drop_behind(fd, offset, len);
    }
}

/// Drop the layer file's cached block that a read of `len` bytes at `offset`
/// completed, if it lies past [`DROP_BEHIND_FROM`].
fn drop_behind(fd: RawFd, offset: u64, len: usize) {
    let end = offset + len as u64;
    let boundary = end / DROP_BLOCK * DROP_BLOCK;
    if boundary <= offset || boundary < DROP_BEHIND_FROM + DROP_BLOCK {
        return;
    }
    let (Ok(start), Ok(block)) = (
        libc::off_t::try_from(boundary - DROP_BLOCK),
        libc::off_t::try_from(DROP_BLOCK),
    ) else {
        return;
    };
    // SAFETY: advice on a range of an open fd; it changes no memory of ours.
    unsafe { libc::posix_fadvise(fd, start, block, libc::POSIX_FADV_DONTNEED) };
}

/// A file of a layer opened for the container.
struct OpenFile {
    file: File,
    /// A first write must still remove `security.capability` (false for files this mount created).
    caps_unchecked: std::sync::atomic::AtomicBool,
    /// Opened for writing.
    writable: bool,
}

impl OpenFile {
    fn new(file: File, caps_unchecked: bool, writable: bool) -> OpenFile {
        OpenFile {
            file,
            caps_unchecked: caps_unchecked.into(),
            writable,
        }
    }

    fn fd(&self) -> RawFd {
        self.file.as_raw_fd()
    }

    /// A second File on the same fd, never closed: the handle keeps ownership.
    fn borrow(&self) -> std::mem::ManuallyDrop<File> {
        // SAFETY: the fd stays open as long as `self`, and ManuallyDrop never closes it.
        std::mem::ManuallyDrop::new(unsafe { File::from_raw_fd(self.file.as_raw_fd()) })
    }
}

/// An open file, held open while a READ of it is answered elsewhere.
pub(super) struct OpenRead {
    _handle: Arc<Handle>,
    fd: RawFd,
    writable: bool,
}

impl OpenRead {
    pub(super) fn fd(&self) -> RawFd {
        self.fd
    }
}

/// The overlay.
pub struct OverlayFs {
    layers: Layers,
    nodes: RwLock<Nodes>,
    handles: RwLock<HashMap<u64, Arc<Handle>>>,
    next_handle: AtomicU64,
    /// Serialises copy-ups and name changes in the upper layer.
    change: Mutex<()>,
    /// No subordinate ids: owners other than root are kept in the override xattr.
    single_uid: bool,
    /// Container ids 0..mapped_ids exist in the user namespace; others cannot be presented.
    mapped_ids: u32,
    /// The container's own id map (`--userns`, `--uidmap`): owners on disk are the
    /// container's ids, presented to the kernel (which reads them in husk's namespace,
    /// the mounter's) as the ids the map gives them, and taken back through it.
    idmap: Option<ContainerIdMap>,
    /// Hard-linked files already known: (layer, st_dev, st_ino) -> node, so every name shows one inode.
    hardlinks: Mutex<HashMap<(usize, u64, u64), u64>>,
    /// Per layer: whether it may hold override xattrs (only then are they looked for).
    may_override: Vec<std::sync::atomic::AtomicBool>,
    /// Nodes copied up since the last [`OverlayFs::take_copied_up`]: their ctime changed
    /// under attributes the kernel may have cached (a parent copied up for a child's sake).
    copied_up: Mutex<Vec<u64>>,
    /// FUSE_WRITEBACK_CACHE is on: the kernel caches writes and may read through a
    /// write-only handle, and it places appends itself.
    writeback: std::sync::atomic::AtomicBool,
}

/// Whether an xattr name is husk's own (hidden from the container).
fn private_xattr(name: &[u8]) -> bool {
    name.starts_with(b"user.overlay.")
        || name == OVERRIDE_XATTR.to_bytes()
        || name.starts_with(b"trusted.overlay.")
}

impl OverlayFs {
    /// The open flags for the file in a layer: with the writeback cache the kernel may
    /// read to fill a page of a write-only file, and it sends appends at their offset.
    fn host_flags(&self, flags: i32) -> i32 {
        if !self.writeback.load(Ordering::Relaxed) {
            return flags;
        }
        let flags = flags & !libc::O_APPEND;
        if flags & libc::O_ACCMODE == libc::O_WRONLY {
            (flags & !libc::O_ACCMODE) | libc::O_RDWR
        } else {
            flags
        }
    }

    /// `lower_overrides`: per lower layer, top first, whether it has override xattrs.
    pub fn new(
        layers: Layers,
        single_uid: bool,
        mapped_ids: u32,
        idmap: Option<ContainerIdMap>,
        lower_overrides: &[bool],
    ) -> io::Result<OverlayFs> {
        let may_override = std::iter::once(single_uid)
            .chain((1..layers.count()).map(|l| lower_overrides.get(l - 1).copied().unwrap_or(true)))
            .map(std::sync::atomic::AtomicBool::new)
            .collect();
        // The root merges every layer down to the first opaque one.
        let mut dirs = vec![UPPER];
        for l in 1..layers.count() {
            if layers.is_opaque(l - 1, b"") && l - 1 != UPPER {
                break;
            }
            dirs.push(l);
        }
        Ok(OverlayFs {
            layers,
            nodes: RwLock::new(Nodes::new(dirs)),
            handles: RwLock::new(HashMap::new()),
            next_handle: AtomicU64::new(1),
            change: Mutex::new(()),
            single_uid,
            mapped_ids,
            idmap,
            hardlinks: Mutex::new(HashMap::new()),
            may_override,
            copied_up: Mutex::new(Vec::new()),
            writeback: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// The nodes copied up since the last call, whose cached attributes the kernel must drop.
    pub fn take_copied_up(&self) -> Vec<u64> {
        std::mem::take(&mut *self.copied_up.lock().expect("lock poisoned"))
    }

    fn node_path(&self, id: u64) -> io::Result<(Vec<u8>, usize, Vec<usize>, u32)> {
        let nodes = self.nodes.read().expect("lock poisoned");
        let n = nodes.get(id).ok_or_else(|| err(libc::ENOENT))?;
        let path = nodes.path(id).ok_or_else(|| err(libc::ENOENT))?;
        Ok((path, n.layer, n.dirs.clone(), n.kind))
    }

    /// What lookup finds for `name` in a directory with layers `dirs` at `ppath`:
    /// (layer, stat, merged dirs) or None (absent or whited out).
    fn find(
        &self,
        ppath: &[u8],
        dirs: &[usize],
        name: &[u8],
    ) -> io::Result<Option<(usize, libc::stat64, Vec<usize>)>> {
        let path = join(ppath, name);
        for (i, &l) in dirs.iter().enumerate() {
            let st = match self.layers.stat(l, &path) {
                Ok(st) => st,
                Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT) | Some(libc::ENOTDIR)) => {
                    continue
                }
                Err(e) => return Err(e),
            };
            if is_whiteout(&st) {
                return Ok(None);
            }
            let mut merged = Vec::new();
            if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
                merged.push(l);
                // Whether the last merged directory is opaque is asked only when a
                // lower one would join it (one xattr read less for most directories).
                for &m in &dirs[i + 1..] {
                    match self.layers.stat(m, &path) {
                        Ok(s) if s.st_mode & libc::S_IFMT == libc::S_IFDIR => {
                            if self.layers.is_opaque(merged[merged.len() - 1], &path) {
                                break;
                            }
                            merged.push(m);
                        }
                        Ok(_) => break, // a whiteout or a non-directory ends the merge
                        Err(_) => continue,
                    }
                }
            }
            return Ok(Some((l, st, merged)));
        }
        Ok(None)
    }

    /// Present a stat of the real file: the node id as inode number, owners from the override xattr.
    fn present(&self, mut st: libc::stat64, id: u64, layer: usize, path: &[u8]) -> stat64 {
        st.st_ino = id;
        if self.may_override(layer) && (st.st_uid == 0 && st.st_gid == 0 || self.single_uid) {
            if let Ok(Some(v)) = self.layers.get_xattr(layer, path, OVERRIDE_XATTR) {
                if let Some((uid, gid, mode)) = parse_override(&v) {
                    // An id the namespace cannot map would make the file undeletable
                    // (EOVERFLOW): such owners stay what they are on disk.
                    if self.presentable(uid, gid) {
                        st.st_uid = uid;
                        st.st_gid = gid;
                    }
                    st.st_mode = (st.st_mode & libc::S_IFMT) | (mode & 0o7777);
                }
            }
        }
        st
    }

    /// Whether the container's ids `uid`, `gid` exist in its user namespace.
    fn presentable(&self, uid: u32, gid: u32) -> bool {
        match &self.idmap {
            Some(m) => m.uid_to_ns(uid).is_some() && m.gid_to_ns(gid).is_some(),
            None => uid < self.mapped_ids && gid < self.mapped_ids,
        }
    }

    /// A presented stat as the kernel must read it: owners through the container's map.
    fn for_kernel(&self, mut st: stat64) -> stat64 {
        if let Some(m) = &self.idmap {
            st.st_uid = m.uid_to_ns(st.st_uid).unwrap_or(UNMAPPED);
            st.st_gid = m.gid_to_ns(st.st_gid).unwrap_or(UNMAPPED);
        }
        st
    }

    /// Owners the kernel gives (a caller's ids, a chown's) as the container's ids.
    fn owners_from_kernel(&self, uid: u32, gid: u32) -> (u32, u32) {
        match &self.idmap {
            Some(m) => (
                m.uid_from_ns(uid).unwrap_or(NOBODY),
                m.gid_from_ns(gid).unwrap_or(NOBODY),
            ),
            None => (uid, gid),
        }
    }

    fn may_override(&self, layer: usize) -> bool {
        self.may_override[layer].load(Ordering::Relaxed)
    }

    /// The upper layer now holds an override xattr (written, or copied up).
    fn upper_overrides(&self) {
        self.may_override[UPPER].store(true, Ordering::Relaxed);
    }

    fn entry(&self, id: u64, st: stat64) -> Entry {
        Entry {
            inode: id,
            generation: 0,
            attr: self.for_kernel(st),
            attr_flags: 0,
            attr_timeout: TIMEOUT,
            entry_timeout: TIMEOUT,
        }
    }

    /// Look `name` up in `parent`, counting a kernel lookup if `count`.
    fn do_lookup(&self, parent: u64, name: &[u8], count: bool) -> io::Result<Entry> {
        if let Some(entry) = self.known_entry(parent, name, count) {
            return Ok(entry);
        }
        let (ppath, _, pdirs, kind) = self.node_path(parent)?;
        if kind != libc::S_IFDIR {
            return Err(err(libc::ENOTDIR));
        }
        let Some((layer, st, merged)) = self.find(&ppath, &pdirs, name)? else {
            // A negative entry the kernel may cache: names only appear through us.
            return Ok(Entry {
                inode: 0,
                entry_timeout: TIMEOUT,
                ..Default::default()
            });
        };
        let kind = st.st_mode & libc::S_IFMT;
        // Hard links made in the upper layer are one file; a lower layer's links split on
        // copy-up (as in the kernel's overlayfs without `index`), so they stay separate.
        let id = if layer == UPPER && kind != libc::S_IFDIR && st.st_nlink > 1 {
            let mut links = self.hardlinks.lock().expect("lock poisoned");
            let mut nodes = self.nodes.write().expect("lock poisoned");
            let known = links
                .get(&(layer, st.st_dev, st.st_ino))
                .copied()
                .filter(|id| nodes.get(*id).is_some());
            match known {
                Some(id) => {
                    nodes.alias(id, parent, name, count);
                    id
                }
                None => {
                    let id = nodes.upsert(parent, name, layer, merged, kind, count);
                    links.insert((layer, st.st_dev, st.st_ino), id);
                    id
                }
            }
        } else {
            self.nodes
                .write()
                .expect("lock poisoned")
                .upsert(parent, name, layer, merged, kind, count)
        };
        let path = join(&ppath, name);
        Ok(self.entry(id, self.present(st, id, layer, &path)))
    }

    /// The entry of `parent/name` if a node for it is known: only this server changes the
    /// layers, so the node's layer and merged directories are current and one stat does.
    /// None when there is no node, or its object is not there as it was (the slow path decides).
    fn known_entry(&self, parent: u64, name: &[u8], count: bool) -> Option<Entry> {
        let (id, layer, kind, path) = {
            let nodes = self.nodes.read().expect("lock poisoned");
            let id = nodes.child(parent, name)?;
            let n = nodes.get(id)?;
            (id, n.layer, n.kind, nodes.path(id)?)
        };
        let st = self.layers.stat(layer, &path).ok()?;
        if is_whiteout(&st) || st.st_mode & libc::S_IFMT != kind {
            return None;
        }
        if count {
            let mut nodes = self.nodes.write().expect("lock poisoned");
            if nodes.child(parent, name) != Some(id) {
                return None; // renamed or removed meanwhile
            }
            nodes.get_mut(id)?.lookups += 1;
        }
        Some(self.entry(id, self.present(st, id, layer, &path)))
    }

    /// The node of `parent/name` if the kernel holds a lookup of it and its attributes
    /// there are current (see `Node::kernel_stale`).
    fn held_child(&self, parent: u64, name: &[u8]) -> Option<u64> {
        let nodes = self.nodes.read().expect("lock poisoned");
        let id = nodes.child(parent, name)?;
        let n = nodes.get(id)?;
        (n.lookups > 0 && !n.kernel_stale).then_some(id)
    }

    /// Attributes of node `id` go to the kernel: it has them current again.
    fn attrs_sent(&self, id: u64) {
        let stale = |nodes: &Nodes| nodes.get(id).is_some_and(|n| n.kernel_stale);
        // Most nodes are not stale: a read lock decides, the write lock only clears.
        if stale(&self.nodes.read().expect("lock poisoned")) {
            if let Some(n) = self.nodes.write().expect("lock poisoned").get_mut(id) {
                n.kernel_stale = false;
            }
        }
    }

    /// Make sure node `id` (and its parents) exist in the upper layer.
    fn copy_up(&self, id: u64) -> io::Result<()> {
        let (path, layer, _, _) = self.node_path(id)?;
        if layer == UPPER {
            return Ok(());
        }
        let parent = self
            .nodes
            .read()
            .expect("lock poisoned")
            .get(id)
            .map(|n| n.parent)
            .ok_or_else(|| err(libc::ENOENT))?;
        if id != ROOT_ID {
            self.copy_up(parent)?;
        }
        let _guard = self.change.lock().expect("lock poisoned");
        let (_, layer, _, _) = self.node_path(id)?;
        if layer == UPPER {
            return Ok(());
        }
        copyup::copy_up(&self.layers, layer, &path)?;
        // The parent too: its ctime changed with the new entry (its times are kept).
        self.copied_up
            .lock()
            .expect("lock poisoned")
            .extend([id, parent]);
        if self.may_override(layer) {
            self.upper_overrides();
        }
        let mut nodes = self.nodes.write().expect("lock poisoned");
        if let Some(n) = nodes.get_mut(id) {
            n.layer = UPPER;
            if n.kind == libc::S_IFDIR && n.dirs.first() != Some(&UPPER) {
                n.dirs.insert(0, UPPER);
            }
        }
        Ok(())
    }

    /// Whether a layer below the upper one has `name` in the directory node `parent`.
    fn lower_has(&self, ppath: &[u8], pdirs: &[usize], name: &[u8]) -> bool {
        let lowers: Vec<usize> = pdirs.iter().copied().filter(|l| *l != UPPER).collect();
        matches!(self.find(ppath, &lowers, name), Ok(Some(_)))
    }

    fn make_whiteout(&self, path: &[u8]) -> io::Result<()> {
        let c = c_path(path)?;
        // SAFETY: mknodat of a 0/0 character device (allowed in a user namespace since Linux 5.8).
        check(unsafe { libc::mknodat(self.layers.root_fd(UPPER), c.as_ptr(), libc::S_IFCHR, 0) })
    }

    /// unlink (or rmdir) `path` in the upper layer.
    fn unlink_upper(&self, path: &[u8], dir: bool) -> io::Result<()> {
        let c = c_path(path)?;
        let flags = if dir { libc::AT_REMOVEDIR } else { 0 };
        // SAFETY: unlinkat on the upper root with a NUL-terminated relative path.
        check(unsafe { libc::unlinkat(self.layers.root_fd(UPPER), c.as_ptr(), flags) })
    }

    /// Remove what an upper directory holds (whiteouts, when its merged view is empty).
    fn clear_upper_dir(&self, path: &[u8]) -> io::Result<()> {
        for (name, _) in self.layers.read_dir(UPPER, path)? {
            self.unlink_upper(&join(path, &name), false)?;
        }
        Ok(())
    }

    /// Give a new upper object at `path` the caller's ids (the group of a setgid parent).
    fn set_owner(&self, ctx: &Context, ppath: &[u8], path: &[u8]) -> io::Result<()> {
        let (uid, gid) = self.owners_from_kernel(ctx.uid, ctx.gid);
        if uid == 0 && gid == 0 {
            // Made by the namespace's root, as the caller: the kernel gave it the right
            // owner, and the group of a setgid parent.
            return Ok(());
        }
        let parent = self.layers.stat(UPPER, ppath)?;
        let gid = if parent.st_mode & libc::S_ISGID != 0 {
            parent.st_gid
        } else {
            gid
        };
        self.chown_upper(path, uid, gid)
    }

    /// The last steps of making `parent/name`: the caller's ownership, then the entry for the kernel.
    fn finish_new(
        &self,
        ctx: &Context,
        parent: u64,
        name: &CStr,
        ppath: &[u8],
        path: &[u8],
    ) -> io::Result<Entry> {
        self.set_owner(ctx, ppath, path)?;
        self.do_lookup(parent, name.to_bytes(), true)
    }

    /// chown in the upper layer, or record the owner in the override xattr where the namespace cannot map it.
    fn chown_upper(&self, path: &[u8], uid: u32, gid: u32) -> io::Result<()> {
        let c = c_path(path)?;
        if !self.single_uid {
            // SAFETY: fchownat on the upper root with a NUL-terminated relative path.
            let r = unsafe {
                libc::fchownat(
                    self.layers.root_fd(UPPER),
                    c.as_ptr(),
                    uid,
                    gid,
                    libc::AT_SYMLINK_NOFOLLOW,
                )
            };
            if r == 0 {
                // A real owner now: an older recorded one must not be presented any more.
                if !self.may_override(UPPER) {
                    return Ok(());
                }
                match self.layers.remove_xattr(UPPER, path, OVERRIDE_XATTR) {
                    Err(e) if e.raw_os_error() != Some(libc::ENODATA) => return Err(e),
                    _ => return Ok(()),
                }
            }
            if io::Error::last_os_error().raw_os_error() != Some(libc::EINVAL) {
                return Err(io::Error::last_os_error());
            }
        }
        if uid == 0
            && gid == 0
            && self
                .layers
                .get_xattr(UPPER, path, OVERRIDE_XATTR)?
                .is_none()
        {
            return Ok(());
        }
        let st = self.layers.stat(UPPER, path)?;
        if st.st_mode & libc::S_IFMT == libc::S_IFLNK {
            return Ok(()); // symlinks cannot carry user xattrs; their owner does not matter
        }
        let mut mode = self.current_mode(path, &st);
        if st.st_mode & libc::S_IFMT != libc::S_IFDIR {
            // As chown(2) on a file: set-id bits and capabilities go.
            mode = without_setid(mode);
            self.remove_caps_at(path)?;
        }
        let value = format!("{uid}:{gid}:0{mode:o}");
        self.upper_overrides();
        self.layers
            .set_xattr(UPPER, path, OVERRIDE_XATTR, value.as_bytes(), 0)
    }

    /// The owner and mode recorded for upper `path` (uid, gid, mode), if it has a record.
    fn upper_override(&self, path: &[u8]) -> Option<(u32, u32, u32)> {
        if !self.may_override(UPPER) {
            return None;
        }
        let v = self.layers.get_xattr(UPPER, path, OVERRIDE_XATTR).ok()??;
        parse_override(&v)
    }

    /// The mode as presented (the override's, if it has one).
    fn current_mode(&self, path: &[u8], st: &libc::stat64) -> u32 {
        match self.upper_override(path) {
            Some((_, _, m)) => m,
            None => st.st_mode & 0o7777,
        }
    }

    /// Remove the capabilities of upper `path`, if it has any.
    fn remove_caps_at(&self, path: &[u8]) -> io::Result<()> {
        self.layers
            .remove_xattr(UPPER, path, CAPS_XATTR)
            .or_else(absent_ok)
    }

    /// Clear the set-user-id bit of upper file node `id`, and set-group-id when the group may
    /// execute (what the kernel does when an unprivileged user writes); in the override too.
    fn kill_suidgid(&self, id: u64) -> io::Result<()> {
        let (path, _, _, _) = self.node_path(id)?;
        let st = self.layers.stat(UPPER, &path)?;
        let recorded = self.upper_override(&path);
        let mode = recorded.map_or(st.st_mode & 0o7777, |(_, _, m)| m);
        let cleared = mode & !without_setid(mode);
        if cleared == 0 {
            return Ok(());
        }
        let c = c_path(&path)?;
        // SAFETY: fchmodat on the upper root with a NUL-terminated relative path.
        check(unsafe {
            libc::fchmodat(
                self.layers.root_fd(UPPER),
                c.as_ptr(),
                st.st_mode & 0o7777 & !cleared,
                0,
            )
        })?;
        if let Some((u, g, m)) = recorded {
            let value = format!("{u}:{g}:0{:o}", m & !cleared);
            self.layers
                .set_xattr(UPPER, &path, OVERRIDE_XATTR, value.as_bytes(), 0)?;
        }
        Ok(())
    }

    /// The merged listing of a directory node, whiteouts and hidden names left out.
    fn list(&self, id: u64) -> io::Result<Vec<(Vec<u8>, u32)>> {
        let (path, _, dirs, _) = self.node_path(id)?;
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for &l in &dirs {
            let entries = match self.layers.read_dir(l, &path) {
                Ok(e) => e,
                Err(e) if matches!(e.raw_os_error(), Some(libc::ENOENT) | Some(libc::ENOTDIR)) => {
                    continue
                }
                Err(e) => return Err(e),
            };
            for (name, dtype) in entries {
                if !seen.insert(name.clone()) {
                    continue;
                }
                if dtype == libc::DT_CHR {
                    if let Ok(st) = self.layers.stat(l, &join(&path, &name)) {
                        if is_whiteout(&st) {
                            continue;
                        }
                    }
                }
                out.push((name, dtype as u32));
            }
        }
        Ok(out)
    }

    fn new_handle(&self, h: Handle) -> u64 {
        let id = self.next_handle.fetch_add(1, Ordering::Relaxed);
        self.handles
            .write()
            .expect("lock poisoned")
            .insert(id, Arc::new(h));
        id
    }

    /// Open file `fh`, for a READ answered without the server (`splice`).
    pub(super) fn open_file(&self, fh: u64) -> Option<OpenRead> {
        let handle = self.handle(fh).ok()?;
        let (fd, writable) = match &*handle {
            Handle::File(f) => (f.fd(), f.writable),
            Handle::Dir(_) => return None,
        };
        Some(OpenRead {
            _handle: handle,
            fd,
            writable,
        })
    }

    /// What follows a READ of `n` bytes at `offset` answered by `splice`, as one
    /// the server answered.
    pub(super) fn after_read(&self, file: &OpenRead, offset: u64, n: usize) {
        after_read(file.fd, file.writable, offset, n);
    }

    fn handle(&self, id: u64) -> io::Result<Arc<Handle>> {
        self.handles
            .read()
            .expect("lock poisoned")
            .get(&id)
            .cloned()
            .ok_or_else(|| err(libc::EBADF))
    }

    /// Prepare `parent/name` for a new object: parent in the upper layer, a whiteout there
    /// removed. Returns (parent path, new path, whether a whiteout was removed).
    fn prepare_new(&self, parent: u64, name: &[u8]) -> io::Result<(Vec<u8>, Vec<u8>, bool)> {
        self.copy_up(parent)?;
        let (ppath, _, pdirs, _) = self.node_path(parent)?;
        let path = join(&ppath, name);
        let had_whiteout = match self.layers.stat(UPPER, &path) {
            Ok(st) if is_whiteout(&st) => {
                self.unlink_upper(&path, false)?;
                true
            }
            Ok(_) => return Err(err(libc::EEXIST)),
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {
                if self.lower_has(&ppath, &pdirs, name) {
                    return Err(err(libc::EEXIST));
                }
                false
            }
            Err(e) => return Err(e),
        };
        Ok((ppath, path, had_whiteout))
    }

    /// Remove `parent/name` (a directory when `dir`), leaving a whiteout if a lower layer has it.
    fn remove(&self, parent: u64, name: &[u8], dir: bool) -> io::Result<()> {
        let entry = self.do_lookup(parent, name, false)?;
        if entry.inode == 0 {
            return Err(err(libc::ENOENT));
        }
        let is_dir = entry.attr.st_mode & libc::S_IFMT == libc::S_IFDIR;
        match (dir, is_dir) {
            (true, false) => return Err(err(libc::ENOTDIR)),
            (false, true) => return Err(err(libc::EISDIR)),
            _ => {}
        }
        if dir && !self.list(entry.inode)?.is_empty() {
            return Err(err(libc::ENOTEMPTY));
        }
        self.copy_up(parent)?;
        let _guard = self.change.lock().expect("lock poisoned");
        let (ppath, _, pdirs, _) = self.node_path(parent)?;
        let path = join(&ppath, name);
        if let Ok(st) = self.layers.stat(UPPER, &path) {
            if !is_whiteout(&st) {
                if dir {
                    self.clear_upper_dir(&path)?; // only whiteouts can be left: the merged listing was empty
                }
                self.unlink_upper(&path, dir)?;
            }
        }
        if self.lower_has(&ppath, &pdirs, name) {
            self.make_whiteout(&path)?;
        }
        self.nodes
            .write()
            .expect("lock poisoned")
            .detach(parent, name);
        Ok(())
    }
}

/// "UID:GID:0MODE".
impl FileSystem for OverlayFs {
    type Inode = u64;
    type Handle = u64;

    fn init(&self, capable: FsOptions) -> io::Result<FsOptions> {
        // FUSE_WRITEBACK_CACHE: large writes go out in 1 MiB WRITEs while the writer goes
        // on (write-through was 2-3x slower on `dd` + `sync` to disk), at the price of a
        // SETATTR (ctime) per unlink (docs/ARCHITECTURE.md).
        let want = FsOptions::ASYNC_READ
            | FsOptions::HANDLE_KILLPRIV_V2
            | FsOptions::BIG_WRITES
            | FsOptions::MAX_PAGES
            | FsOptions::PARALLEL_DIROPS
            | FsOptions::DO_READDIRPLUS
            | FsOptions::READDIRPLUS_AUTO
            | FsOptions::ATOMIC_O_TRUNC
            | FsOptions::CACHE_SYMLINKS
            | FsOptions::WRITEBACK_CACHE;
        let got = capable & want;
        self.writeback
            .store(got.contains(FsOptions::WRITEBACK_CACHE), Ordering::Relaxed);
        Ok(got)
    }

    fn lookup(&self, _ctx: &Context, parent: u64, name: &CStr) -> io::Result<Entry> {
        let entry = self.do_lookup(parent, name.to_bytes(), true)?;
        self.attrs_sent(entry.inode);
        Ok(entry)
    }

    fn forget(&self, _ctx: &Context, inode: u64, count: u64) {
        self.nodes
            .write()
            .expect("lock poisoned")
            .forget(inode, count);
    }

    fn getattr(
        &self,
        _ctx: &Context,
        inode: u64,
        _handle: Option<u64>,
    ) -> io::Result<(stat64, Duration)> {
        let (path, layer, _, _) = self.node_path(inode)?;
        let st = self.layers.stat(layer, &path)?;
        self.attrs_sent(inode);
        Ok((
            self.for_kernel(self.present(st, inode, layer, &path)),
            TIMEOUT,
        ))
    }

    fn setattr(
        &self,
        _ctx: &Context,
        inode: u64,
        attr: stat64,
        handle: Option<u64>,
        valid: SetattrValid,
    ) -> io::Result<(stat64, Duration)> {
        self.copy_up(inode)?;
        let (path, _, _, kind) = self.node_path(inode)?;
        let c = c_path(&path)?;
        let up = self.layers.root_fd(UPPER);
        let (attr_uid, attr_gid) = self.owners_from_kernel(attr.st_uid, attr.st_gid);
        if valid.contains(SetattrValid::UID | SetattrValid::GID) {
            self.chown_upper(&path, attr_uid, attr_gid)?;
        } else if valid.intersects(SetattrValid::UID | SetattrValid::GID) {
            let st = self.layers.stat(UPPER, &path)?;
            let cur = self.present(st, inode, UPPER, &path);
            let uid = if valid.contains(SetattrValid::UID) {
                attr_uid
            } else {
                cur.st_uid
            };
            let gid = if valid.contains(SetattrValid::GID) {
                attr_gid
            } else {
                cur.st_gid
            };
            self.chown_upper(&path, uid, gid)?;
        }
        if valid.contains(SetattrValid::MODE) && kind != libc::S_IFLNK {
            let mode = attr.st_mode & 0o7777;
            // SAFETY: fchmodat on the upper root with a NUL-terminated relative path.
            check(unsafe { libc::fchmodat(up, c.as_ptr(), mode, 0) })?;
            if let Some((u, g, _)) = self.upper_override(&path) {
                self.layers.set_xattr(
                    UPPER,
                    &path,
                    OVERRIDE_XATTR,
                    format!("{u}:{g}:0{mode:o}").as_bytes(),
                    0,
                )?;
            }
        }
        if valid.contains(SetattrValid::SIZE) {
            if kind == libc::S_IFREG {
                // HANDLE_KILLPRIV_V2: truncation drops capabilities, and set-id bits when asked.
                self.remove_caps_at(&path)?;
                if valid.contains(SetattrValid::KILL_SUIDGID) {
                    self.kill_suidgid(inode)?;
                }
            }
            let truncated = match handle.map(|h| self.handle(h)) {
                Some(Ok(h)) => match &*h {
                    // SAFETY: ftruncate on an fd the handle owns.
                    Handle::File(f) => check(unsafe { libc::ftruncate64(f.fd(), attr.st_size) }),
                    Handle::Dir(_) => Err(err(libc::EISDIR)),
                },
                _ => {
                    let f = self.layers.open_at(UPPER, &path, libc::O_WRONLY, 0)?;
                    // SAFETY: as above.
                    check(unsafe { libc::ftruncate64(f.as_raw_fd(), attr.st_size) })
                }
            };
            truncated?;
        }
        if valid.intersects(SetattrValid::ATIME | SetattrValid::MTIME) {
            let omit = libc::timespec {
                tv_sec: 0,
                tv_nsec: libc::UTIME_OMIT,
            };
            let now = libc::timespec {
                tv_sec: 0,
                tv_nsec: libc::UTIME_NOW,
            };
            let pick = |set: SetattrValid, now_flag: SetattrValid, sec: i64, nsec: i64| {
                if valid.contains(now_flag) {
                    now
                } else if valid.contains(set) {
                    libc::timespec {
                        tv_sec: sec,
                        tv_nsec: nsec,
                    }
                } else {
                    omit
                }
            };
            let times = [
                pick(
                    SetattrValid::ATIME,
                    SetattrValid::ATIME_NOW,
                    attr.st_atime,
                    attr.st_atime_nsec,
                ),
                pick(
                    SetattrValid::MTIME,
                    SetattrValid::MTIME_NOW,
                    attr.st_mtime,
                    attr.st_mtime_nsec,
                ),
            ];
            // SAFETY: utimensat on the upper root with a NUL-terminated relative path.
            check(unsafe {
                libc::utimensat(up, c.as_ptr(), times.as_ptr(), libc::AT_SYMLINK_NOFOLLOW)
            })?;
        }
        self.getattr(&Context::default(), inode, None)
    }

    fn readlink(&self, _ctx: &Context, inode: u64) -> io::Result<Vec<u8>> {
        let (path, layer, _, _) = self.node_path(inode)?;
        self.layers.readlink(layer, &path)
    }

    fn symlink(
        &self,
        ctx: &Context,
        linkname: &CStr,
        parent: u64,
        name: &CStr,
    ) -> io::Result<Entry> {
        let (ppath, path, _) = self.prepare_new(parent, name.to_bytes())?;
        let c = c_path(&path)?;
        // SAFETY: both strings are NUL-terminated.
        check(unsafe {
            libc::symlinkat(linkname.as_ptr(), self.layers.root_fd(UPPER), c.as_ptr())
        })?;
        self.finish_new(ctx, parent, name, &ppath, &path)
    }

    fn mknod(
        &self,
        ctx: &Context,
        parent: u64,
        name: &CStr,
        mode: u32,
        rdev: u32,
        umask: u32,
    ) -> io::Result<Entry> {
        let (ppath, path, _) = self.prepare_new(parent, name.to_bytes())?;
        let c = c_path(&path)?;
        // SAFETY: mknodat on the upper root with a NUL-terminated relative path.
        check(unsafe {
            libc::mknodat(
                self.layers.root_fd(UPPER),
                c.as_ptr(),
                mode & !umask,
                rdev as libc::dev_t,
            )
        })?;
        self.finish_new(ctx, parent, name, &ppath, &path)
    }

    fn mkdir(
        &self,
        ctx: &Context,
        parent: u64,
        name: &CStr,
        mode: u32,
        umask: u32,
    ) -> io::Result<Entry> {
        let (ppath, path, had_whiteout) = self.prepare_new(parent, name.to_bytes())?;
        let c = c_path(&path)?;
        // SAFETY: mkdirat on the upper root with a NUL-terminated relative path.
        check(unsafe {
            libc::mkdirat(
                self.layers.root_fd(UPPER),
                c.as_ptr(),
                mode & !umask & 0o7777,
            )
        })?;
        if had_whiteout {
            // A name lower layers had and that was removed: their directory must stay hidden.
            self.layers.set_xattr(UPPER, &path, OPAQUE_XATTR, b"y", 0)?;
        }
        self.finish_new(ctx, parent, name, &ppath, &path)
    }

    fn unlink(&self, _ctx: &Context, parent: u64, name: &CStr) -> io::Result<()> {
        self.remove(parent, name.to_bytes(), false)
    }

    fn rmdir(&self, _ctx: &Context, parent: u64, name: &CStr) -> io::Result<()> {
        self.remove(parent, name.to_bytes(), true)
    }

    fn rename(
        &self,
        _ctx: &Context,
        olddir: u64,
        oldname: &CStr,
        newdir: u64,
        newname: &CStr,
        flags: u32,
    ) -> io::Result<()> {
        let (oldname, newname) = (oldname.to_bytes(), newname.to_bytes());
        let src = self.do_lookup(olddir, oldname, false)?;
        if src.inode == 0 {
            return Err(err(libc::ENOENT));
        }
        let (_, _, sdirs, skind) = self.node_path(src.inode)?;
        if skind == libc::S_IFDIR && sdirs.iter().any(|l| *l != UPPER) {
            return Err(err(libc::EXDEV)); // as the kernel's overlayfs without redirect_dir
        }
        if flags & libc::RENAME_EXCHANGE != 0 {
            return Err(err(libc::EXDEV));
        }
        let dst = self.do_lookup(newdir, newname, false)?;
        if dst.inode != 0 {
            if flags & libc::RENAME_NOREPLACE != 0 {
                return Err(err(libc::EEXIST));
            }
            let dst_dir = dst.attr.st_mode & libc::S_IFMT == libc::S_IFDIR;
            if dst_dir && skind != libc::S_IFDIR {
                return Err(err(libc::EISDIR));
            }
            if !dst_dir && skind == libc::S_IFDIR {
                return Err(err(libc::ENOTDIR));
            }
            if dst_dir && !self.list(dst.inode)?.is_empty() {
                return Err(err(libc::ENOTEMPTY));
            }
        }
        self.copy_up(src.inode)?;
        self.copy_up(olddir)?;
        self.copy_up(newdir)?;
        let _guard = self.change.lock().expect("lock poisoned");
        let (opath, _, odirs, _) = self.node_path(olddir)?;
        let (npath, _, ndirs, _) = self.node_path(newdir)?;
        let (from, to) = (join(&opath, oldname), join(&npath, newname));
        let dst_in_lower = self.lower_has(&npath, &ndirs, newname);
        // What the upper layer has at the target: a whiteout, or a directory empty but for whiteouts.
        if let Ok(st) = self.layers.stat(UPPER, &to) {
            if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
                self.clear_upper_dir(&to)?;
            } else if is_whiteout(&st) {
                self.unlink_upper(&to, false)?;
            }
        }
        let (cf, ct) = (c_path(&from)?, c_path(&to)?);
        let up = self.layers.root_fd(UPPER);
        // SAFETY: renameat2 within the upper root, NUL-terminated relative paths.
        check(unsafe {
            libc::renameat2(
                up,
                cf.as_ptr(),
                up,
                ct.as_ptr(),
                flags & libc::RENAME_NOREPLACE,
            )
        })?;
        if skind == libc::S_IFDIR && dst_in_lower {
            self.layers.set_xattr(UPPER, &to, OPAQUE_XATTR, b"y", 0)?;
        }
        if self.lower_has(&opath, &odirs, oldname) {
            self.make_whiteout(&from)?;
        }
        let mut nodes = self.nodes.write().expect("lock poisoned");
        nodes.rename(src.inode, (olddir, oldname), (newdir, newname));
        if let Some(n) = nodes.get_mut(src.inode) {
            n.layer = UPPER;
            if n.kind == libc::S_IFDIR {
                n.dirs = vec![UPPER];
            }
        }
        Ok(())
    }

    fn link(
        &self,
        _ctx: &Context,
        inode: u64,
        newparent: u64,
        newname: &CStr,
    ) -> io::Result<Entry> {
        self.copy_up(inode)?;
        let (_, path, _) = self.prepare_new(newparent, newname.to_bytes())?;
        let (old, _, _, _) = self.node_path(inode)?;
        let (co, cn) = (c_path(&old)?, c_path(&path)?);
        let up = self.layers.root_fd(UPPER);
        // SAFETY: linkat within the upper root, NUL-terminated relative paths, no symlink following.
        check(unsafe { libc::linkat(up, co.as_ptr(), up, cn.as_ptr(), 0) })?;
        // The same inode under a second name: the kernel then sees the new link count.
        let st = self.layers.stat(UPPER, &path)?;
        self.hardlinks
            .lock()
            .expect("lock poisoned")
            .insert((UPPER, st.st_dev, st.st_ino), inode);
        self.nodes.write().expect("lock poisoned").alias(
            inode,
            newparent,
            newname.to_bytes(),
            true,
        );
        Ok(self.entry(inode, self.present(st, inode, UPPER, &path)))
    }

    fn open(
        &self,
        _ctx: &Context,
        inode: u64,
        flags: u32,
        fuse_flags: u32,
    ) -> io::Result<(Option<u64>, OpenOptions, Option<u32>)> {
        let flags = flags as i32;
        let writes = flags & libc::O_ACCMODE != libc::O_RDONLY || flags & libc::O_TRUNC != 0;
        if writes {
            self.copy_up(inode)?;
        }
        let (path, layer, _, _) = self.node_path(inode)?;
        let f = self.layers.open_at(
            layer,
            &path,
            self.host_flags(flags & !(libc::O_CREAT | libc::O_EXCL | libc::O_NOCTTY)),
            0,
        )?;
        let truncated = flags & libc::O_TRUNC != 0;
        if truncated {
            remove_caps(&f)?;
            if fuse_flags & FOPEN_IN_KILL_SUIDGID != 0 {
                self.kill_suidgid(inode)?;
            }
        }
        let caps_unchecked = writes && !truncated;
        Ok((
            Some(self.new_handle(Handle::File(OpenFile::new(f, caps_unchecked, writes)))),
            OpenOptions::KEEP_CACHE,
            None,
        ))
    }

    fn create(
        &self,
        ctx: &Context,
        parent: u64,
        name: &CStr,
        args: CreateIn,
    ) -> io::Result<(Entry, Option<u64>, OpenOptions, Option<u32>)> {
        let (ppath, path, _) = self.prepare_new(parent, name.to_bytes())?;
        let flags =
            self.host_flags((args.flags as i32 | libc::O_CREAT | libc::O_EXCL) & !libc::O_NOCTTY);
        let f = self
            .layers
            .open_at(UPPER, &path, flags, args.mode & !args.umask & 0o7777)?;
        let entry = self.finish_new(ctx, parent, name, &ppath, &path)?;
        Ok((
            entry,
            Some(self.new_handle(Handle::File(OpenFile::new(f, false, true)))),
            OpenOptions::empty(),
            None,
        ))
    }

    fn read(
        &self,
        _ctx: &Context,
        _inode: u64,
        handle: u64,
        w: &mut dyn ZeroCopyWriter,
        size: u32,
        offset: u64,
        _lock: Option<u64>,
        _flags: u32,
    ) -> io::Result<usize> {
        let h = self.handle(handle)?;
        let Handle::File(f) = &*h else {
            return Err(err(libc::EISDIR));
        };
        let n = w.write_from(&mut *f.borrow(), size as usize, offset)?;
        after_read(f.fd(), f.writable, offset, n);
        Ok(n)
    }

    fn write(
        &self,
        _ctx: &Context,
        inode: u64,
        handle: u64,
        r: &mut dyn ZeroCopyReader,
        size: u32,
        offset: u64,
        _lock: Option<u64>,
        _delayed: bool,
        _flags: u32,
        fuse_flags: u32,
    ) -> io::Result<usize> {
        let h = self.handle(handle)?;
        let Handle::File(f) = &*h else {
            return Err(err(libc::EISDIR));
        };
        // HANDLE_KILLPRIV_V2: a write drops file capabilities, and set-id bits when the kernel says so.
        if f.caps_unchecked.swap(false, Ordering::Relaxed) {
            remove_caps(&f.file)?;
        }
        if fuse_flags & WRITE_KILL_PRIV != 0 {
            self.kill_suidgid(inode)?;
        }
        r.read_to(&mut *f.borrow(), size as usize, offset)
    }

    fn flush(&self, _ctx: &Context, _inode: u64, _handle: u64, _lock_owner: u64) -> io::Result<()> {
        // Nothing to do at close(2); ENOSYS tells the kernel never to send FLUSH again.
        Err(err(libc::ENOSYS))
    }

    fn fsync(&self, _ctx: &Context, _inode: u64, datasync: bool, handle: u64) -> io::Result<()> {
        let h = self.handle(handle)?;
        let Handle::File(f) = &*h else {
            return Ok(());
        };
        // SAFETY: fsync/fdatasync on an fd the handle owns.
        check(unsafe {
            if datasync {
                libc::fdatasync(f.fd())
            } else {
                libc::fsync(f.fd())
            }
        })
    }

    fn fallocate(
        &self,
        _ctx: &Context,
        _inode: u64,
        handle: u64,
        mode: u32,
        offset: u64,
        length: u64,
    ) -> io::Result<()> {
        let h = self.handle(handle)?;
        let Handle::File(f) = &*h else {
            return Err(err(libc::EISDIR));
        };
        // SAFETY: fallocate on an fd the handle owns.
        check(unsafe { libc::fallocate64(f.fd(), mode as i32, offset as i64, length as i64) })
    }

    fn lseek(
        &self,
        _ctx: &Context,
        _inode: u64,
        handle: u64,
        offset: u64,
        whence: u32,
    ) -> io::Result<u64> {
        let h = self.handle(handle)?;
        let Handle::File(f) = &*h else {
            return Err(err(libc::EISDIR));
        };
        // SAFETY: lseek on an fd the handle owns.
        let r = unsafe { libc::lseek64(f.fd(), offset as i64, whence as i32) };
        if r < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(r as u64)
    }

    fn release(
        &self,
        _ctx: &Context,
        inode: u64,
        _flags: u32,
        handle: u64,
        _flush: bool,
        _flock: bool,
        _lock: Option<u64>,
    ) -> io::Result<()> {
        let h = self.handles.write().expect("lock poisoned").remove(&handle);
        let wrote = matches!(h.as_deref(), Some(Handle::File(f)) if f.writable);
        if wrote && self.writeback.load(Ordering::Relaxed) {
            if let Some(n) = self.nodes.write().expect("lock poisoned").get_mut(inode) {
                n.kernel_stale = true;
            }
        }
        Ok(())
    }

    fn statfs(&self, _ctx: &Context, _inode: u64) -> io::Result<statvfs64> {
        let mut st = std::mem::MaybeUninit::<libc::statvfs64>::zeroed();
        // SAFETY: fstatvfs64 fills one statvfs64.
        check(unsafe { libc::fstatvfs64(self.layers.root_fd(UPPER), st.as_mut_ptr()) })?;
        // SAFETY: filled above.
        Ok(unsafe { st.assume_init() })
    }

    fn setxattr(
        &self,
        _ctx: &Context,
        inode: u64,
        name: &CStr,
        value: &[u8],
        flags: u32,
    ) -> io::Result<()> {
        if private_xattr(name.to_bytes()) {
            return Err(err(libc::EPERM));
        }
        self.copy_up(inode)?;
        let (path, _, _, _) = self.node_path(inode)?;
        self.layers
            .set_xattr(UPPER, &path, name, value, flags as i32)
    }

    fn getxattr(
        &self,
        _ctx: &Context,
        inode: u64,
        name: &CStr,
        size: u32,
    ) -> io::Result<GetxattrReply> {
        if private_xattr(name.to_bytes()) {
            return Err(err(libc::ENODATA));
        }
        let (path, layer, _, _) = self.node_path(inode)?;
        let value = self
            .layers
            .get_xattr(layer, &path, name)?
            .ok_or_else(|| err(libc::ENODATA))?;
        if size == 0 {
            return Ok(GetxattrReply::Count(value.len() as u32));
        }
        if value.len() > size as usize {
            return Err(err(libc::ERANGE));
        }
        Ok(GetxattrReply::Value(value))
    }

    fn listxattr(&self, _ctx: &Context, inode: u64, size: u32) -> io::Result<ListxattrReply> {
        let (path, layer, _, _) = self.node_path(inode)?;
        let all = self.layers.list_xattr(layer, &path)?;
        let mut out = Vec::new();
        for n in all
            .split(|b| *b == 0)
            .filter(|n| !n.is_empty() && !private_xattr(n))
        {
            out.extend_from_slice(n);
            out.push(0);
        }
        if size == 0 {
            return Ok(ListxattrReply::Count(out.len() as u32));
        }
        if out.len() > size as usize {
            return Err(err(libc::ERANGE));
        }
        Ok(ListxattrReply::Names(out))
    }

    fn removexattr(&self, _ctx: &Context, inode: u64, name: &CStr) -> io::Result<()> {
        if private_xattr(name.to_bytes()) {
            return Err(err(libc::EPERM));
        }
        self.copy_up(inode)?;
        let (path, _, _, _) = self.node_path(inode)?;
        self.layers.remove_xattr(UPPER, &path, name)
    }

    fn opendir(
        &self,
        _ctx: &Context,
        inode: u64,
        _flags: u32,
    ) -> io::Result<(Option<u64>, OpenOptions)> {
        let mut listing = vec![
            (b".".to_vec(), libc::DT_DIR as u32),
            (b"..".to_vec(), libc::DT_DIR as u32),
        ];
        listing.extend(self.list(inode)?);
        Ok((
            Some(self.new_handle(Handle::Dir(listing))),
            OpenOptions::KEEP_CACHE | OpenOptions::CACHE_DIR,
        ))
    }

    fn readdir(
        &self,
        _ctx: &Context,
        inode: u64,
        handle: u64,
        _size: u32,
        offset: u64,
        add_entry: &mut dyn FnMut(DirEntry) -> io::Result<usize>,
    ) -> io::Result<()> {
        let h = self.handle(handle)?;
        let Handle::Dir(list) = &*h else {
            return Err(err(libc::ENOTDIR));
        };
        for (i, (name, dtype)) in list.iter().enumerate().skip(offset as usize) {
            let known = self.nodes.read().expect("lock poisoned").child(inode, name);
            let ino = if name == b"." || name == b".." {
                inode
            } else {
                known.unwrap_or(u64::MAX)
            };
            let added = add_entry(DirEntry {
                ino,
                offset: i as u64 + 1,
                type_: *dtype,
                name,
            })?;
            if added == 0 {
                break;
            }
        }
        Ok(())
    }

    fn readdirplus(
        &self,
        _ctx: &Context,
        inode: u64,
        handle: u64,
        _size: u32,
        offset: u64,
        add_entry: &mut dyn FnMut(DirEntry, Entry) -> io::Result<usize>,
    ) -> io::Result<()> {
        let h = self.handle(handle)?;
        let Handle::Dir(list) = &*h else {
            return Err(err(libc::ENOTDIR));
        };
        for (i, (name, dtype)) in list.iter().enumerate().skip(offset as usize) {
            // No attributes (node id 0: "keep what you have") for "." and "..", and for
            // nodes the kernel holds: their attributes there are current, since only this
            // server changes the layers, so walking a tree again costs no stat per entry.
            let known = if name == b"." || name == b".." {
                Some(inode)
            } else {
                self.held_child(inode, name)
            };
            if let Some(ino) = known {
                let dirent = DirEntry {
                    ino,
                    offset: i as u64 + 1,
                    type_: *dtype,
                    name,
                };
                if add_entry(dirent, Entry::default())? == 0 {
                    break;
                }
                continue;
            }
            let entry = match self.do_lookup(inode, name, true) {
                Ok(e) if e.inode != 0 => e,
                _ => continue, // removed since opendir
            };
            let id = entry.inode;
            let added = add_entry(
                DirEntry {
                    ino: id,
                    offset: i as u64 + 1,
                    type_: *dtype,
                    name,
                },
                entry,
            )?;
            if added == 0 {
                // Not sent: the kernel will not count that lookup.
                self.nodes.write().expect("lock poisoned").forget(id, 1);
                break;
            }
            self.attrs_sent(id);
        }
        Ok(())
    }

    fn releasedir(&self, _ctx: &Context, _inode: u64, _flags: u32, handle: u64) -> io::Result<()> {
        self.handles.write().expect("lock poisoned").remove(&handle);
        Ok(())
    }

    fn fsyncdir(
        &self,
        _ctx: &Context,
        _inode: u64,
        _datasync: bool,
        _handle: u64,
    ) -> io::Result<()> {
        Ok(())
    }

    fn access(&self, _ctx: &Context, _inode: u64, _mask: u32) -> io::Result<()> {
        Ok(()) // the kernel checks permissions itself (default_permissions)
    }
}
