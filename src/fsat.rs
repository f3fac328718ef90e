//! Safe, fd-relative file system operations: thin wrappers over the `*at`
//! syscalls, and opening directories inside a root as if it were `/` (a layer
//! being unpacked, a container's rootfs being prepared), so that no symlink or
//! `..` in untrusted content can lead an operation outside it.

use std::ffi::{CStr, CString, OsStr, OsString};
use std::io;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;

use anyhow::{bail, Context, Result};

fn cstr(name: &OsStr) -> io::Result<CString> {
    CString::new(name.as_bytes())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL byte in a file name"))
}

fn check(ret: libc::c_int) -> io::Result<()> {
    if ret < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// `struct open_how` of openat2(2) (libc's is non-exhaustive, so it cannot be built here).
#[repr(C)]
struct OpenHow {
    flags: u64,
    mode: u64,
    resolve: u64,
}

/// Open `path` (relative, may have several components) below `root` as if
/// `root` were `/`: `..` and symlinks, absolute ones included, cannot leave it
/// (openat2 with RESOLVE_IN_ROOT, Linux >= 5.6).
pub fn open_in_root(root: BorrowedFd<'_>, path: &OsStr, flags: libc::c_int) -> io::Result<OwnedFd> {
    openat2(
        root,
        path,
        flags,
        libc::RESOLVE_IN_ROOT | libc::RESOLVE_NO_MAGICLINKS,
    )
}

/// Open `path` below `root` following no symlink at all and never leaving
/// `root` (RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS): a symlink anywhere in the
/// path is ELOOP. With O_PATH | O_NOFOLLOW a final symlink is opened itself.
pub fn open_beneath(root: BorrowedFd<'_>, path: &OsStr, flags: libc::c_int) -> io::Result<OwnedFd> {
    openat2(
        root,
        path,
        flags,
        libc::RESOLVE_BENEATH | libc::RESOLVE_NO_SYMLINKS | libc::RESOLVE_NO_MAGICLINKS,
    )
}

fn openat2(
    root: BorrowedFd<'_>,
    path: &OsStr,
    flags: libc::c_int,
    resolve: u64,
) -> io::Result<OwnedFd> {
    let c = cstr(path)?;
    let how = OpenHow {
        flags: (flags | libc::O_CLOEXEC) as u64,
        mode: 0,
        resolve,
    };
    // SAFETY: c is NUL-terminated and `how` is a valid open_how of the size passed.
    let fd = unsafe {
        libc::syscall(
            libc::SYS_openat2,
            root.as_raw_fd(),
            c.as_ptr(),
            &how as *const OpenHow,
            std::mem::size_of::<OpenHow>(),
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: the syscall returned a new fd that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd as libc::c_int) })
}

/// fstat of an open fd (O_PATH fds included).
pub fn fstat(fd: BorrowedFd<'_>) -> io::Result<libc::stat> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: st points to writable memory for one stat.
    check(unsafe { libc::fstat(fd.as_raw_fd(), st.as_mut_ptr()) })?;
    // SAFETY: fstat succeeded, so it filled st.
    Ok(unsafe { st.assume_init() })
}

/// Open `name` in `dir` without following a symlink in its last component.
pub fn open_at(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    flags: libc::c_int,
    mode: libc::mode_t,
) -> io::Result<OwnedFd> {
    let c = cstr(name)?;
    // SAFETY: c is NUL-terminated; the returned fd is checked and then owned.
    let fd = unsafe {
        libc::openat(
            dir.as_raw_fd(),
            c.as_ptr(),
            flags | libc::O_CLOEXEC | libc::O_NOFOLLOW,
            mode,
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: openat returned a new fd that nothing else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

pub fn mkdir_at(dir: BorrowedFd<'_>, name: &OsStr, mode: libc::mode_t) -> io::Result<()> {
    let c = cstr(name)?;
    // SAFETY: c is NUL-terminated.
    check(unsafe { libc::mkdirat(dir.as_raw_fd(), c.as_ptr(), mode) })
}

pub fn mknod_at(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    mode: libc::mode_t,
    dev: libc::dev_t,
) -> io::Result<()> {
    let c = cstr(name)?;
    // SAFETY: c is NUL-terminated.
    check(unsafe { libc::mknodat(dir.as_raw_fd(), c.as_ptr(), mode, dev) })
}

pub fn symlink_at(target: &[u8], dir: BorrowedFd<'_>, name: &OsStr) -> io::Result<()> {
    let t = CString::new(target)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL byte in a link target"))?;
    let c = cstr(name)?;
    // SAFETY: both strings are NUL-terminated.
    check(unsafe { libc::symlinkat(t.as_ptr(), dir.as_raw_fd(), c.as_ptr()) })
}

/// A hard link `dir/name` to `target_dir/target` (a symlink target is linked, not followed).
pub fn link_at(
    target_dir: BorrowedFd<'_>,
    target: &OsStr,
    dir: BorrowedFd<'_>,
    name: &OsStr,
) -> io::Result<()> {
    let (t, c) = (cstr(target)?, cstr(name)?);
    // SAFETY: both strings are NUL-terminated; flags 0 does not follow symlinks.
    check(unsafe {
        libc::linkat(
            target_dir.as_raw_fd(),
            t.as_ptr(),
            dir.as_raw_fd(),
            c.as_ptr(),
            0,
        )
    })
}

pub fn unlink_at(dir: BorrowedFd<'_>, name: &OsStr, is_dir: bool) -> io::Result<()> {
    let c = cstr(name)?;
    let flags = if is_dir { libc::AT_REMOVEDIR } else { 0 };
    // SAFETY: c is NUL-terminated.
    check(unsafe { libc::unlinkat(dir.as_raw_fd(), c.as_ptr(), flags) })
}

/// The contents of `fd`, which must be a regular file of at most `max` bytes
/// (open it with O_NONBLOCK: a FIFO then neither blocks the open nor the read).
pub fn read_regular(fd: OwnedFd, max: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let st = fstat(fd.as_fd())?;
    if st.st_mode & libc::S_IFMT != libc::S_IFREG {
        bail!("not a regular file");
    }
    let mut bytes = Vec::new();
    std::fs::File::from(fd)
        .take(max + 1)
        .read_to_end(&mut bytes)
        .context("reading")?;
    if bytes.len() as u64 > max {
        bail!("larger than {} KiB", max >> 10);
    }
    Ok(bytes)
}

/// Read the small regular file at `path` (symlinks followed as the process
/// sees them): a FIFO, a device or a file larger than `max` is an error.
pub fn read_small_file(path: &std::path::Path, max: u64) -> Result<Vec<u8>> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    read_regular(file.into(), max).with_context(|| path.display().to_string())
}

/// lstat of `dir/name`.
pub fn stat_at(dir: BorrowedFd<'_>, name: &OsStr) -> io::Result<libc::stat> {
    let c = cstr(name)?;
    let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
    // SAFETY: c is NUL-terminated and st points to writable memory for one stat.
    check(unsafe {
        libc::fstatat(
            dir.as_raw_fd(),
            c.as_ptr(),
            st.as_mut_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    })?;
    // SAFETY: fstatat succeeded, so it filled st.
    Ok(unsafe { st.assume_init() })
}

/// The target of the symlink `dir/name`.
pub fn readlink_at(dir: BorrowedFd<'_>, name: &OsStr) -> io::Result<Vec<u8>> {
    let c = cstr(name)?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize];
    // SAFETY: c is NUL-terminated and buf is writable for buf.len() bytes.
    let n = unsafe {
        libc::readlinkat(
            dir.as_raw_fd(),
            c.as_ptr(),
            buf.as_mut_ptr().cast(),
            buf.len(),
        )
    };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    buf.truncate(n as usize);
    Ok(buf)
}

/// chown without following a symlink.
pub fn chown_at(dir: BorrowedFd<'_>, name: &OsStr, uid: u32, gid: u32) -> io::Result<()> {
    let c = cstr(name)?;
    // SAFETY: c is NUL-terminated.
    check(unsafe {
        libc::fchownat(
            dir.as_raw_fd(),
            c.as_ptr(),
            uid,
            gid,
            libc::AT_SYMLINK_NOFOLLOW,
        )
    })
}

/// chmod (never called on symlinks, whose modes Linux ignores).
pub fn chmod_at(dir: BorrowedFd<'_>, name: &OsStr, mode: libc::mode_t) -> io::Result<()> {
    let c = cstr(name)?;
    // SAFETY: c is NUL-terminated.
    check(unsafe { libc::fchmodat(dir.as_raw_fd(), c.as_ptr(), mode, 0) })
}

/// Set access and modification times (seconds, nanoseconds) without following a symlink.
pub fn utimes_at(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    atime: (i64, i64),
    mtime: (i64, i64),
) -> io::Result<()> {
    let c = cstr(name)?;
    let ts = [
        libc::timespec {
            tv_sec: atime.0,
            tv_nsec: atime.1,
        },
        libc::timespec {
            tv_sec: mtime.0,
            tv_nsec: mtime.1,
        },
    ];
    // SAFETY: c is NUL-terminated and ts holds the two timespecs utimensat reads.
    check(unsafe {
        libc::utimensat(
            dir.as_raw_fd(),
            c.as_ptr(),
            ts.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        )
    })
}

/// The `/proc/self/fd/N/name` path of `dir/name`, for the xattr calls that have no `*at` form.
fn proc_path(dir: BorrowedFd<'_>, name: &OsStr) -> io::Result<CString> {
    let mut p = format!("/proc/self/fd/{}/", dir.as_raw_fd()).into_bytes();
    p.extend_from_slice(name.as_bytes());
    CString::new(p)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL byte in a file name"))
}

/// Set an xattr on `dir/name` itself (not a symlink's target).
pub fn set_xattr_at(dir: BorrowedFd<'_>, name: &OsStr, key: &CStr, value: &[u8]) -> io::Result<()> {
    let p = proc_path(dir, name)?;
    // SAFETY: p and key are NUL-terminated; value is a valid slice of the length passed.
    check(unsafe {
        libc::lsetxattr(
            p.as_ptr(),
            key.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        )
    })
}

/// Set an xattr on an open file or directory.
pub fn fset_xattr(fd: BorrowedFd<'_>, key: &CStr, value: &[u8]) -> io::Result<()> {
    // SAFETY: key is NUL-terminated; value is a valid slice of the length passed.
    check(unsafe {
        libc::fsetxattr(
            fd.as_raw_fd(),
            key.as_ptr(),
            value.as_ptr().cast(),
            value.len(),
            0,
        )
    })
}

/// An xattr of `path` itself (not a symlink's target); None if it has none.
pub fn get_xattr(path: &std::path::Path, key: &CStr) -> io::Result<Option<Vec<u8>>> {
    let p = cstr(path.as_os_str())?;
    let mut buf = vec![0u8; 256];
    // SAFETY: p and key are NUL-terminated; buf is writable for buf.len() bytes.
    let n =
        unsafe { libc::lgetxattr(p.as_ptr(), key.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    xattr_result(n, buf)
}

/// An xattr of the object `fd` refers to (an O_PATH fd too: read through its
/// /proc/self/fd link, which getxattr follows to the object); None if it has none.
pub fn fget_xattr(fd: BorrowedFd<'_>, key: &CStr) -> io::Result<Option<Vec<u8>>> {
    let p = CString::new(format!("/proc/self/fd/{}", fd.as_raw_fd()))
        .map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
    let mut buf = vec![0u8; 256];
    // SAFETY: p and key are NUL-terminated; buf is writable for buf.len() bytes.
    let n = unsafe { libc::getxattr(p.as_ptr(), key.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    xattr_result(n, buf)
}

/// Copy the xattrs of the file `src` to the file `dst` (file capabilities,
/// user.* ones), but overlay's own markers and husk's recorded owners; one
/// the kernel refuses here (trusted.*, a capability this namespace cannot
/// hold) is left out.
pub fn copy_xattrs(src: BorrowedFd<'_>, dst: BorrowedFd<'_>) -> io::Result<()> {
    let mut names = vec![0u8; 4096];
    // SAFETY: flistxattr writes at most names.len() bytes into names.
    let n = unsafe { libc::flistxattr(src.as_raw_fd(), names.as_mut_ptr().cast(), names.len()) };
    if n <= 0 {
        return Ok(()); // none, or a list too long for a file of an image: skipped
    }
    names.truncate(n as usize);
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        if name.starts_with(b"user.overlay.") || name == b"user.containers.override_stat" {
            continue;
        }
        let Ok(key) = CString::new(name) else {
            continue;
        };
        let mut value = vec![0u8; 64 * 1024];
        // SAFETY: key is NUL-terminated; value is writable for value.len() bytes.
        let len = unsafe {
            libc::fgetxattr(
                src.as_raw_fd(),
                key.as_ptr(),
                value.as_mut_ptr().cast(),
                value.len(),
            )
        };
        if len < 0 {
            continue;
        }
        // SAFETY: key is NUL-terminated; value holds len bytes.
        let r = unsafe {
            libc::fsetxattr(
                dst.as_raw_fd(),
                key.as_ptr(),
                value.as_ptr().cast(),
                len as usize,
                0,
            )
        };
        if r < 0 {
            let e = io::Error::last_os_error();
            if !matches!(
                e.raw_os_error(),
                Some(libc::EPERM | libc::ENOTSUP | libc::EINVAL)
            ) {
                return Err(e);
            }
        }
    }
    Ok(())
}

/// What a getxattr call that returned `n` into `buf` read.
fn xattr_result(n: isize, mut buf: Vec<u8>) -> io::Result<Option<Vec<u8>>> {
    if n < 0 {
        let e = io::Error::last_os_error();
        return match e.raw_os_error() {
            Some(libc::ENODATA) => Ok(None),
            _ => Err(e),
        };
    }
    buf.truncate(n as usize);
    Ok(Some(buf))
}

/// `a/b/c` from components.
pub fn join(parts: &[&OsStr]) -> OsString {
    let mut s = OsString::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            s.push("/");
        }
        s.push(p);
    }
    s
}

/// Open the directory `parts` below `root` (resolved inside it), creating missing ones if `create`.
pub fn open_dir(root: BorrowedFd<'_>, parts: &[&OsStr], create: bool) -> Result<OwnedFd> {
    open_dir_as(root, parts, create, libc::O_RDONLY)
}

/// [`open_dir`] as an O_PATH fd: enough for the `*at` calls, and on FUSE no
/// OPENDIR and RELEASEDIR round trips.
pub fn path_dir(root: BorrowedFd<'_>, parts: &[&OsStr], create: bool) -> Result<OwnedFd> {
    open_dir_as(root, parts, create, libc::O_PATH)
}

fn open_dir_as(
    root: BorrowedFd<'_>,
    parts: &[&OsStr],
    create: bool,
    access: libc::c_int,
) -> Result<OwnedFd> {
    let flags = access | libc::O_DIRECTORY;
    let path = if parts.is_empty() {
        OsString::from(".")
    } else {
        join(parts)
    };
    match open_in_root(root, &path, flags) {
        Ok(fd) => return Ok(fd),
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) && create => {}
        Err(e) => return Err(e).with_context(|| format!("opening directory {path:?}")),
    }
    // Something is missing, maybe behind a symlink (`a -> /x/y`, then `a/file`). As
    // docker does, follow links inside the root and create what is missing there.
    let mut cur = open_in_root(root, OsStr::new("."), flags)?;
    for part in resolve_in_root(root, parts)? {
        match open_at(cur.as_fd(), &part, flags, 0) {
            Ok(fd) => cur = fd,
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {
                mkdir_at(cur.as_fd(), &part, 0o755)
                    .with_context(|| format!("creating {part:?} in {path:?}"))?;
                cur = open_at(cur.as_fd(), &part, flags, 0)?;
            }
            Err(e) => return Err(e).with_context(|| format!("opening {part:?} in {path:?}")),
        }
    }
    Ok(cur)
}

/// The components of `parts` with every symlink expanded as if `root` were `/`
/// (`..` stops at the root); components that do not exist are kept as they are.
pub fn resolve_in_root(root: BorrowedFd<'_>, parts: &[&OsStr]) -> Result<Vec<OsString>> {
    let mut queue: std::collections::VecDeque<OsString> =
        parts.iter().map(|p| p.to_os_string()).collect();
    let mut out: Vec<OsString> = Vec::new();
    let mut links = 0;
    while let Some(part) = queue.pop_front() {
        match part.as_bytes() {
            b"" | b"." => continue,
            b".." => {
                out.pop();
                continue;
            }
            _ => {}
        }
        let refs: Vec<&OsStr> = out.iter().map(OsString::as_os_str).collect();
        let dir_path = if refs.is_empty() {
            OsString::from(".")
        } else {
            join(&refs)
        };
        let target = match open_in_root(root, &dir_path, libc::O_PATH | libc::O_DIRECTORY) {
            Ok(dir) => match stat_at(dir.as_fd(), &part) {
                Ok(st) if st.st_mode & libc::S_IFMT == libc::S_IFLNK => {
                    Some(readlink_at(dir.as_fd(), &part)?)
                }
                _ => None,
            },
            Err(_) => None,
        };
        let Some(target) = target else {
            out.push(part);
            continue;
        };
        links += 1;
        if links > 40 {
            bail!("too many levels of symbolic links");
        }
        if target.starts_with(b"/") {
            out.clear();
        }
        for comp in target.split(|b| *b == b'/').rev() {
            queue.push_front(OsStr::from_bytes(comp).to_os_string());
        }
    }
    Ok(out)
}

/// Copy the data of `src` to `dst` (copy_file_range, in the kernel), keeping holes.
pub fn copy_data(src: std::os::fd::RawFd, dst: std::os::fd::RawFd, size: i64) -> io::Result<()> {
    let mut off: i64 = 0;
    while off < size {
        // SAFETY: lseek on an fd we own.
        let data = unsafe { libc::lseek64(src, off, libc::SEEK_DATA) };
        if data < 0 {
            if io::Error::last_os_error().raw_os_error() == Some(libc::ENXIO) {
                break; // only a hole remains
            }
            return Err(io::Error::last_os_error());
        }
        // SAFETY: as above.
        let hole = unsafe { libc::lseek64(src, data, libc::SEEK_HOLE) };
        let end = if hole < 0 { size } else { hole.min(size) };
        let (mut i, mut o) = (data, data);
        while i < end {
            // SAFETY: copy_file_range between two fds we own with valid offset pointers.
            let n =
                unsafe { libc::copy_file_range(src, &mut i, dst, &mut o, (end - i) as usize, 0) };
            if n < 0 {
                return Err(io::Error::last_os_error());
            }
            if n == 0 {
                break;
            }
        }
        off = end;
    }
    // The size, including a trailing hole.
    // SAFETY: ftruncate on an fd we own.
    check(unsafe { libc::ftruncate64(dst, size) })
}
