//! The layers behind the FUSE overlay: layer 0 is the container's upper
//! directory, 1.. the image's layers from the top down. Every access is relative
//! to the layer's root fd and never follows a symlink on the way (a path in the
//! overlay names directories in every layer it is looked up in).

use std::ffi::{CStr, CString};
use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// The upper layer's index.
pub const UPPER: usize = 0;

/// Layer roots.
pub struct Layers {
    roots: Vec<OwnedFd>,
}

fn check(r: libc::c_int) -> io::Result<()> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

fn open_dir(path: &Path) -> io::Result<OwnedFd> {
    Ok(File::open(path)?.into())
}

/// A relative path ("" is the layer root) as the C string the *at calls take.
pub fn c_path(path: &[u8]) -> io::Result<CString> {
    let p = if path.is_empty() { b"." as &[u8] } else { path };
    CString::new(p).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

pub fn is_whiteout(st: &libc::stat64) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFCHR && st.st_rdev == 0
}

impl Layers {
    /// `upper`, then `lowers` from the top layer down.
    pub fn open(upper: &Path, lowers_top_down: &[&Path]) -> io::Result<Layers> {
        let mut roots = vec![open_dir(upper)?];
        for l in lowers_top_down {
            roots.push(open_dir(l)?);
        }
        Ok(Layers { roots })
    }

    pub fn count(&self) -> usize {
        self.roots.len()
    }

    pub fn root_fd(&self, layer: usize) -> RawFd {
        self.roots[layer].as_raw_fd()
    }

    /// lstat of `path` in `layer`.
    pub fn stat(&self, layer: usize, path: &[u8]) -> io::Result<libc::stat64> {
        let c = c_path(path)?;
        let mut st = std::mem::MaybeUninit::<libc::stat64>::zeroed();
        // SAFETY: c is NUL-terminated and st is writable for one stat64.
        check(unsafe {
            libc::fstatat64(
                self.root_fd(layer),
                c.as_ptr(),
                st.as_mut_ptr(),
                libc::AT_SYMLINK_NOFOLLOW,
            )
        })?;
        // SAFETY: fstatat64 succeeded and filled st.
        Ok(unsafe { st.assume_init() })
    }

    /// Open `path` in `layer` (no symlink followed anywhere, nothing outside the layer).
    pub fn open_at(
        &self,
        layer: usize,
        path: &[u8],
        flags: libc::c_int,
        mode: libc::mode_t,
    ) -> io::Result<File> {
        let c = c_path(path)?;
        #[repr(C)]
        struct OpenHow {
            flags: u64,
            mode: u64,
            resolve: u64,
        }
        // The kernel passes internal bits (__FMODE_EXEC...) that openat2, unlike open, refuses.
        let known = libc::O_ACCMODE
            | libc::O_APPEND
            | libc::O_NONBLOCK
            | libc::O_SYNC
            | libc::O_DSYNC
            | libc::O_DIRECT
            | libc::O_NOATIME
            | libc::O_TRUNC
            | libc::O_CREAT
            | libc::O_EXCL
            | libc::O_DIRECTORY
            | libc::O_LARGEFILE
            | libc::O_PATH
            | libc::O_TMPFILE;
        let how = OpenHow {
            flags: ((flags & known) | libc::O_CLOEXEC | libc::O_NOFOLLOW) as u64,
            mode: mode as u64,
            resolve: libc::RESOLVE_BENEATH
                | libc::RESOLVE_NO_SYMLINKS
                | libc::RESOLVE_NO_MAGICLINKS,
        };
        // SAFETY: c is NUL-terminated and `how` has the size passed.
        let fd = unsafe {
            libc::syscall(
                libc::SYS_openat2,
                self.root_fd(layer),
                c.as_ptr(),
                &how as *const OpenHow,
                std::mem::size_of::<OpenHow>(),
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a fresh fd from openat2.
        Ok(unsafe { File::from_raw_fd(fd as RawFd) })
    }

    /// The target of the symlink `path` in `layer`.
    pub fn readlink(&self, layer: usize, path: &[u8]) -> io::Result<Vec<u8>> {
        // SAFETY: the root fd stays open as long as `self`.
        let root = unsafe { std::os::fd::BorrowedFd::borrow_raw(self.root_fd(layer)) };
        crate::fsat::readlink_at(root, std::ffi::OsStr::from_bytes(path))
    }

    /// `/proc/self/fd/ROOT/path`, for the calls that have no *at form (xattrs).
    pub fn proc_path(&self, layer: usize, path: &[u8]) -> io::Result<CString> {
        let mut p = format!("/proc/self/fd/{}/", self.root_fd(layer)).into_bytes();
        p.extend_from_slice(if path.is_empty() { b"." } else { path });
        CString::new(p).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
    }

    /// An xattr of `path` itself (None if it has none by that name).
    pub fn get_xattr(&self, layer: usize, path: &[u8], name: &CStr) -> io::Result<Option<Vec<u8>>> {
        let p = self.proc_path(layer, path)?;
        let mut buf = vec![0u8; 4096];
        loop {
            // SAFETY: p and name are NUL-terminated; buf is writable for its length.
            let n = unsafe {
                libc::lgetxattr(
                    p.as_ptr(),
                    name.as_ptr(),
                    buf.as_mut_ptr().cast(),
                    buf.len(),
                )
            };
            if n >= 0 {
                buf.truncate(n as usize);
                return Ok(Some(buf));
            }
            match io::Error::last_os_error().raw_os_error() {
                Some(libc::ENODATA) | Some(libc::ENOTSUP) => return Ok(None),
                Some(libc::ERANGE) if buf.len() < 1 << 20 => buf.resize(buf.len() * 16, 0),
                _ => return Err(io::Error::last_os_error()),
            }
        }
    }

    pub fn set_xattr(
        &self,
        layer: usize,
        path: &[u8],
        name: &CStr,
        value: &[u8],
        flags: libc::c_int,
    ) -> io::Result<()> {
        let p = self.proc_path(layer, path)?;
        // SAFETY: p and name are NUL-terminated; value is a valid slice.
        check(unsafe {
            libc::lsetxattr(
                p.as_ptr(),
                name.as_ptr(),
                value.as_ptr().cast(),
                value.len(),
                flags,
            )
        })
    }

    pub fn remove_xattr(&self, layer: usize, path: &[u8], name: &CStr) -> io::Result<()> {
        let p = self.proc_path(layer, path)?;
        // SAFETY: p and name are NUL-terminated.
        check(unsafe { libc::lremovexattr(p.as_ptr(), name.as_ptr()) })
    }

    /// All xattr names of `path` (NUL-separated, as listxattr returns them).
    pub fn list_xattr(&self, layer: usize, path: &[u8]) -> io::Result<Vec<u8>> {
        let p = self.proc_path(layer, path)?;
        let mut buf = vec![0u8; 4096];
        loop {
            // SAFETY: p is NUL-terminated; buf is writable for its length.
            let n = unsafe { libc::llistxattr(p.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
            if n >= 0 {
                buf.truncate(n as usize);
                return Ok(buf);
            }
            match io::Error::last_os_error().raw_os_error() {
                Some(libc::ERANGE) if buf.len() < 1 << 20 => buf.resize(buf.len() * 16, 0),
                Some(libc::ENOTSUP) => return Ok(vec![]),
                _ => return Err(io::Error::last_os_error()),
            }
        }
    }

    /// Whether the directory `path` of `layer` is opaque (hides the layers below it).
    pub fn is_opaque(&self, layer: usize, path: &[u8]) -> bool {
        matches!(self.get_xattr(layer, path, crate::layer::OPAQUE_XATTR), Ok(Some(v)) if v == b"y")
    }

    /// The names in directory `path` of `layer`, with their d_type.
    pub fn read_dir(&self, layer: usize, path: &[u8]) -> io::Result<Vec<(Vec<u8>, u8)>> {
        let dir = self.open_at(layer, path, libc::O_RDONLY | libc::O_DIRECTORY, 0)?;
        let fd = std::os::fd::IntoRawFd::into_raw_fd(dir);
        // The Dir takes ownership of fd and closes it.
        let mut d = nix::dir::Dir::from_fd(fd).map_err(io::Error::from)?;
        let mut out = Vec::new();
        for e in d.iter() {
            let e = e.map_err(io::Error::from)?;
            let name = e.file_name().to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            let t = match e.file_type() {
                Some(nix::dir::Type::Directory) => libc::DT_DIR,
                Some(nix::dir::Type::File) => libc::DT_REG,
                Some(nix::dir::Type::Symlink) => libc::DT_LNK,
                Some(nix::dir::Type::CharacterDevice) => libc::DT_CHR,
                Some(nix::dir::Type::BlockDevice) => libc::DT_BLK,
                Some(nix::dir::Type::Fifo) => libc::DT_FIFO,
                Some(nix::dir::Type::Socket) => libc::DT_SOCK,
                None => libc::DT_UNKNOWN,
            };
            out.push((name.to_vec(), t));
        }
        Ok(out)
    }
}

/// `parent/name` as a relative path.
pub fn join(parent: &[u8], name: &[u8]) -> Vec<u8> {
    if parent.is_empty() {
        return name.to_vec();
    }
    let mut p = parent.to_vec();
    p.push(b'/');
    p.extend_from_slice(name);
    p
}
