//! Copy-up: before a lower object is changed, the upper layer gets a copy of it
//! with its data (sparse files stay sparse), owner, mode, times and xattrs; a
//! FIFO or socket is made again as what it is. Files are built in the work
//! directory (O_TMPFILE) and linked into place whole.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, RawFd};

use super::layers::{c_path, Layers, UPPER};

fn check(r: libc::c_int) -> io::Result<()> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// Copy the data of `src` to `dst`, keeping holes.
fn copy_data(src: RawFd, dst: RawFd, size: i64) -> io::Result<()> {
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

/// Copy every xattr of `path` in `from` to the same path in the upper layer,
/// except the per-layer overlay markers.
fn copy_xattrs(layers: &Layers, from: usize, path: &[u8]) -> io::Result<()> {
    let names = layers.list_xattr(from, path)?;
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        if name.starts_with(b"user.overlay.") || name.starts_with(b"trusted.") {
            continue;
        }
        let Ok(cname) = CString::new(name) else {
            continue;
        };
        if let Some(value) = layers.get_xattr(from, path, &cname)? {
            match layers.set_xattr(UPPER, path, &cname, &value, 0) {
                Ok(()) => {}
                Err(e) if matches!(e.raw_os_error(), Some(libc::EPERM) | Some(libc::ENOTSUP)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Owner and times of the new upper `path` (mode too, except for symlinks).
fn copy_metadata(layers: &Layers, path: &[u8], st: &libc::stat64) -> io::Result<()> {
    let c = c_path(path)?;
    let up = layers.root_fd(UPPER);
    // SAFETY: *at calls on the upper root with a NUL-terminated relative path.
    unsafe {
        check(libc::fchownat(
            up,
            c.as_ptr(),
            st.st_uid,
            st.st_gid,
            libc::AT_SYMLINK_NOFOLLOW,
        ))?;
        if st.st_mode & libc::S_IFMT != libc::S_IFLNK {
            check(libc::fchmodat(up, c.as_ptr(), st.st_mode & 0o7777, 0))?;
        }
    }
    set_times(layers, path, st)
}

/// Give upper `path` the access and modification times of `st`.
fn set_times(layers: &Layers, path: &[u8], st: &libc::stat64) -> io::Result<()> {
    let c = c_path(path)?;
    // SAFETY: utimensat on the upper root with a NUL-terminated relative path.
    unsafe {
        let times = [
            libc::timespec {
                tv_sec: st.st_atime,
                tv_nsec: st.st_atime_nsec,
            },
            libc::timespec {
                tv_sec: st.st_mtime,
                tv_nsec: st.st_mtime_nsec,
            },
        ];
        check(libc::utimensat(
            layers.root_fd(UPPER),
            c.as_ptr(),
            times.as_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        ))?;
    }
    Ok(())
}

/// Copy `path` from layer `from` to the upper layer (its parent exists there). The
/// parent keeps its times, as in the kernel's overlayfs: a copy-up is no change.
pub fn copy_up(layers: &Layers, from: usize, path: &[u8]) -> io::Result<()> {
    let parent = match path.iter().rposition(|b| *b == b'/') {
        Some(i) => &path[..i],
        None => &b""[..],
    };
    let parent_st = layers.stat(UPPER, parent)?;
    copy_object(layers, from, path)?;
    set_times(layers, parent, &parent_st)
}

fn copy_object(layers: &Layers, from: usize, path: &[u8]) -> io::Result<()> {
    let st = layers.stat(from, path)?;
    let c = c_path(path)?;
    let up = layers.root_fd(UPPER);
    match st.st_mode & libc::S_IFMT {
        libc::S_IFDIR => {
            // SAFETY: mkdirat on the upper root with a NUL-terminated relative path.
            check(unsafe { libc::mkdirat(up, c.as_ptr(), 0o700) })?;
        }
        libc::S_IFREG => {
            let src = layers.open_at(from, path, libc::O_RDONLY, 0)?;
            // SAFETY: O_TMPFILE in the work directory; the fd is owned below.
            let tmp = unsafe {
                libc::openat(
                    layers.work_fd(),
                    c".".as_ptr(),
                    libc::O_TMPFILE | libc::O_RDWR | libc::O_CLOEXEC,
                    0o600,
                )
            };
            check(tmp)?;
            // SAFETY: tmp is a fresh fd nobody else owns.
            let tmp = unsafe { std::fs::File::from_raw_fd(tmp) };
            copy_data(src.as_raw_fd(), tmp.as_raw_fd(), st.st_size)?;
            let proc = CString::new(format!("/proc/self/fd/{}", tmp.as_raw_fd())).expect("no NUL");
            // SAFETY: linkat of the O_TMPFILE through its /proc magic link, into the upper layer.
            check(unsafe {
                libc::linkat(
                    libc::AT_FDCWD,
                    proc.as_ptr(),
                    up,
                    c.as_ptr(),
                    libc::AT_SYMLINK_FOLLOW,
                )
            })?;
        }
        libc::S_IFLNK => {
            let buf = layers.readlink(from, path)?;
            let target =
                CString::new(buf).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
            // SAFETY: both strings are NUL-terminated.
            check(unsafe { libc::symlinkat(target.as_ptr(), up, c.as_ptr()) })?;
        }
        kind => {
            // FIFOs and sockets are made again; device nodes cannot be (EPERM), as in the kernel's userns overlay.
            // SAFETY: mknodat on the upper root with a NUL-terminated relative path.
            check(unsafe { libc::mknodat(up, c.as_ptr(), kind | 0o600, st.st_rdev) })?;
        }
    }
    copy_xattrs(layers, from, path)?;
    copy_metadata(layers, path, &st)
}
