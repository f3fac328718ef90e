//! The per-user, content-addressed image store.
//!
//! ```text
//! ROOT/                      $XDG_DATA_HOME/husk (default ~/.local/share/husk)
//!   blobs/sha256/<hex>       manifests, indexes and image configs, named by their digest
//!   layers/<hex>/diff/       an unpacked layer, named by its diff_id
//!   layers/<hex>/layer.json  its size and the digest of the blob it came from
//!   images.json              the image records: ids, names, digests, layers
//!   containers/              one directory per container (see [`containers`])
//!   locks/                   flock(2) files: images.lock, gc.lock, layer-<hex>.lock
//!   tmp/                     entries being written (see [`tmp`])
//! ```
//! Every entry appears under its final name by a rename, complete and
//! verified. Writers of `images.json` hold `locks/images.lock`; a pull holds
//! `locks/gc.lock` shared for its whole length, and garbage collection takes it
//! exclusively, so nothing a running pull relies on is ever collected.

pub mod blobs;
pub mod check;
mod container_index;
pub mod containers;
pub mod gc;
pub mod images;
pub mod layers;
pub mod lock;
pub mod tmp;

use std::fs;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use lock::Lock;

/// An opened store.
#[derive(Clone, Debug)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// The store root: `$XDG_DATA_HOME/husk`, or `~/.local/share/husk`.
    pub fn default_root() -> Result<PathBuf> {
        crate::config::paths::data_home().map(|d| d.join("husk"))
    }

    /// Open the store at `root`, creating its directories, and remove what a
    /// crashed writer left in `tmp/`.
    pub fn open(root: &Path) -> Result<Store> {
        let store = Store {
            root: root.to_path_buf(),
        };
        for dir in [
            store.root.join("blobs/sha256"),
            store.layers_dir(),
            store.locks_dir(),
            store.tmp_dir(),
        ] {
            fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        store.make_private()?;
        tmp::cleanup_stale(&store.tmp_dir())?;
        Ok(store)
    }

    /// Mode 0700 on the store's top directory: layers keep the set-id bits of
    /// their files, which no other local user may reach (containers/storage does the same).
    pub fn make_private(&self) -> Result<()> {
        use std::os::unix::fs::PermissionsExt;
        let meta =
            fs::metadata(&self.root).with_context(|| format!("stat {}", self.root.display()))?;
        if meta.permissions().mode() & 0o777 != 0o700 {
            fs::set_permissions(&self.root, fs::Permissions::from_mode(0o700))
                .with_context(|| format!("making {} private (mode 0700)", self.root.display()))?;
        }
        Ok(())
    }

    /// Whether the store's top directory is private (see [`Store::make_private`]).
    pub fn is_private(&self) -> bool {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(&self.root)
            .map(|m| m.permissions().mode() & 0o077 == 0)
            .unwrap_or(true)
    }

    /// Open a store for reading only: creates nothing, cleans nothing.
    pub fn open_existing(root: &Path) -> Store {
        Store {
            root: root.to_path_buf(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn layers_dir(&self) -> PathBuf {
        self.root.join("layers")
    }

    pub fn locks_dir(&self) -> PathBuf {
        self.root.join("locks")
    }

    pub fn tmp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    /// Reserve a temporary entry in the store's `tmp/`.
    pub fn temp(&self, kind: &str) -> Result<tmp::TempEntry> {
        tmp::TempEntry::reserve(&self.tmp_dir(), kind)
    }

    /// Held by a pull for its whole length; see the module docs.
    pub fn gc_guard(&self) -> Result<Lock> {
        Lock::shared(&self.locks_dir().join("gc.lock"))
    }

    /// Write `bytes` to `dest` atomically: a temp file, fsync, rename, fsync of the directory.
    pub fn write_atomic(&self, dest: &Path, bytes: &[u8]) -> Result<()> {
        self.write_atomic_as(dest, bytes, Durability::Disk)
    }

    /// [`Store::write_atomic`], the fsyncs only for [`Durability::Disk`].
    pub fn write_atomic_as(&self, dest: &Path, bytes: &[u8], d: Durability) -> Result<()> {
        let temp = self.temp("file")?;
        write_file(temp.path(), bytes, d).with_context(|| format!("writing {}", dest.display()))?;
        temp.persist(dest)
            .with_context(|| format!("renaming into {}", dest.display()))?;
        match d {
            Durability::Disk => sync_parent(dest),
            Durability::Process => Ok(()),
        }
    }
}

/// How far a write has got when it returns. Every write of the store is atomic
/// for readers and survives a kill -9 of any process (a temp entry renamed into
/// place; the page cache keeps it); only `Disk` also survives a power loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// fsync'd, file and directory: images, layers, named containers, networks.
    Disk,
    /// Not fsync'd: what a reboot makes stale or gone anyway (a container's
    /// runtime state, a `--rm` container), so that starting one waits for no disk.
    Process,
}

/// Whether `value` is its type's default: such fields are left out of the
/// store's JSON records (and read back as their default), which keeps a
/// record, and the container index that holds a hundred of them, short.
pub fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Create `path` with `bytes`, on disk before this returns.
pub fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(path, bytes, Durability::Disk)
}

/// Create `path` with `bytes`, as durable as `d`.
pub fn write_file(path: &Path, bytes: &[u8], d: Durability) -> std::io::Result<()> {
    let mut f = fs::File::create(path)?;
    f.write_all(bytes)?;
    match d {
        Durability::Disk => f.sync_all(),
        Durability::Process => Ok(()),
    }
}

/// fsync the directory `dir` (its entries: a rename or create in it is on disk after).
pub fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("syncing {}", dir.display()))
}

/// fsync the directory holding `path`.
pub fn sync_parent(path: &Path) -> Result<()> {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => sync_dir(p),
        _ => Ok(()),
    }
}

/// The bytes of the regular files under `path` (each inode counted once);
/// what cannot be read counts nothing. Walked by file descriptors on one
/// filesystem, never through a symlink (a container may swap a directory for
/// one while this runs), at most [`MAX_SIZE_DEPTH`] levels down.
pub fn tree_size(path: &Path) -> u64 {
    use std::os::unix::fs::OpenOptionsExt;
    let Ok(root) = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW)
        .open(path)
    else {
        return 0;
    };
    let Ok(st) = crate::fsat::fstat(std::os::fd::AsFd::as_fd(&root)) else {
        return 0;
    };
    let mut seen = std::collections::HashSet::new();
    dir_size(root.into(), st.st_dev, 0, &mut seen)
}

/// Deeper directories are not counted.
const MAX_SIZE_DEPTH: usize = 256;

fn dir_size(
    dir: std::os::fd::OwnedFd,
    dev: libc::dev_t,
    depth: usize,
    seen: &mut std::collections::HashSet<u64>,
) -> u64 {
    use std::os::fd::AsFd;
    use std::os::unix::ffi::OsStrExt;
    let Ok(dup) = crate::fsat::open_at(
        dir.as_fd(),
        std::ffi::OsStr::new("."),
        libc::O_RDONLY | libc::O_DIRECTORY,
        0,
    ) else {
        return 0;
    };
    let Ok(list) = nix::dir::Dir::from_fd(std::os::fd::IntoRawFd::into_raw_fd(dup)) else {
        return 0;
    };
    let mut total = 0;
    for entry in list.into_iter().flatten() {
        let name = std::ffi::OsStr::from_bytes(entry.file_name().to_bytes());
        if name == "." || name == ".." {
            continue;
        }
        let Ok(st) = crate::fsat::stat_at(dir.as_fd(), name) else {
            continue;
        };
        match st.st_mode & libc::S_IFMT {
            libc::S_IFREG if st.st_nlink == 1 || seen.insert(st.st_ino) => {
                total += st.st_size as u64
            }
            libc::S_IFDIR if st.st_dev == dev && depth < MAX_SIZE_DEPTH => {
                let sub =
                    crate::fsat::open_at(dir.as_fd(), name, libc::O_RDONLY | libc::O_DIRECTORY, 0);
                if let Ok(sub) = sub {
                    total += dir_size(sub, dev, depth + 1, seen);
                }
            }
            _ => {}
        }
    }
    total
}

/// Remove a file or a whole tree; a missing path is not an error.
pub fn remove_tree(path: &Path) -> std::io::Result<()> {
    let result = match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(e) => Err(e),
    };
    match result {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        other => other,
    }
}
