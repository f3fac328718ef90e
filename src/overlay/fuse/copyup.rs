//! Copy-up: before a lower object is changed, the upper layer gets a copy of it
//! with its data (sparse files stay sparse), owner, mode, times and xattrs; a
//! FIFO or socket is made again as what it is. Files are built as O_TMPFILEs
//! in the upper layer (nameless until done) and linked into place whole.

use std::ffi::CString;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd};

use super::layers::{c_path, Layers, UPPER};

fn check(r: libc::c_int) -> io::Result<()> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
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
            // An O_TMPFILE in the upper layer itself: it has no name until linked
            // into place, so no work directory is needed (nor left half-full).
            // SAFETY: O_TMPFILE in the upper root; the fd is owned below.
            let tmp = unsafe {
                libc::openat(
                    up,
                    c".".as_ptr(),
                    libc::O_TMPFILE | libc::O_RDWR | libc::O_CLOEXEC,
                    0o600,
                )
            };
            check(tmp)?;
            // SAFETY: tmp is a fresh fd nobody else owns.
            let tmp = unsafe { std::fs::File::from_raw_fd(tmp) };
            crate::fsat::copy_data(src.as_raw_fd(), tmp.as_raw_fd(), st.st_size)?;
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

/// Make empty files at `paths` ("etc/hosts": one directory under the root, then
/// a name; or a name in the root, ".dockerenv") in the upper layer, before the
/// overlay is served, where no layer has anything at the path and every
/// layer's parent is a plain directory (or no layer has the parent, which is
/// made too): the targets of the container's file bind mounts, which its process would
/// otherwise create through FUSE (a copy-up of the parent, then a MKNOD, each a
/// round trip while the container starts). Anything else is left to that path.
pub fn create_file_targets(layers: &Layers, paths: &[Vec<u8>]) {
    for path in paths {
        let _ = create_file_target(layers, path);
    }
}

/// A name that is one plain path component.
fn plain(c: &[u8]) -> bool {
    !c.is_empty() && c != b"." && c != b".." && !c.contains(&b'/')
}

fn create_file_target(layers: &Layers, path: &[u8]) -> io::Result<()> {
    let Some(slash) = path.iter().position(|b| *b == b'/') else {
        return create_top_file_target(layers, path);
    };
    let (parent, name) = (&path[..slash], &path[slash + 1..]);
    if !plain(parent) || !plain(name) {
        return Ok(());
    }
    let is_dir = |st: &libc::stat64| st.st_mode & libc::S_IFMT == libc::S_IFDIR;
    // The topmost lower layer with the parent, and none with anything but a
    // directory there (whose name a stat of parent/name would follow).
    let mut from = None;
    let mut in_upper = false;
    for layer in 0..layers.count() {
        match layers.stat(layer, parent) {
            Ok(st) if is_dir(&st) => {
                if layer == UPPER {
                    in_upper = true;
                } else if from.is_none() {
                    from = Some(layer);
                }
                match layers.stat(layer, path) {
                    Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
                    _ => return Ok(()), // something is there (or a whiteout): not ours
                }
                if layers.is_opaque(layer, parent) {
                    break;
                }
            }
            Ok(_) => return Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            Err(e) => return Err(e),
        }
    }
    match (in_upper, from) {
        (true, _) => {}
        (false, Some(layer)) => copy_up(layers, layer, parent)?,
        // No layer has the directory (`run/` of a busybox image): made as the
        // container process would make it through the overlay.
        (false, None) => {
            let c = c_path(parent)?;
            // SAFETY: mkdirat on the upper root with a NUL-terminated relative path.
            check(unsafe { libc::mkdirat(layers.root_fd(UPPER), c.as_ptr(), 0o755) })?;
        }
    }
    let c = c_path(path)?;
    // SAFETY: mknodat on the upper root with a NUL-terminated relative path.
    check(unsafe { libc::mknodat(layers.root_fd(UPPER), c.as_ptr(), libc::S_IFREG | 0o644, 0) })
}

/// A file in the root directory (`.dockerenv`), where no layer has anything
/// by its name (a layer under an opaque root counts too: then it is left to
/// the overlay).
fn create_top_file_target(layers: &Layers, name: &[u8]) -> io::Result<()> {
    if !plain(name) {
        return Ok(());
    }
    for layer in 0..layers.count() {
        match layers.stat(layer, name) {
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            _ => return Ok(()),
        }
    }
    let c = c_path(name)?;
    // SAFETY: mknodat on the upper root with a NUL-terminated plain name.
    check(unsafe { libc::mknodat(layers.root_fd(UPPER), c.as_ptr(), libc::S_IFREG | 0o644, 0) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::Path;

    /// upper (0), a directory no layer uses (1), and lowers from the top down
    /// (2 on), under `dir`; `setup` fills them.
    fn layers(dir: &Path, lowers: usize, setup: impl Fn(&[std::path::PathBuf])) -> Layers {
        let _ = fs::remove_dir_all(dir);
        let paths: Vec<_> = (0..lowers + 2).map(|i| dir.join(i.to_string())).collect();
        for p in &paths {
            fs::create_dir_all(p).unwrap();
        }
        setup(&paths);
        let lower_refs: Vec<&Path> = paths[2..].iter().map(|p| p.as_path()).collect();
        Layers::open(&paths[0], &lower_refs).unwrap()
    }

    #[test]
    fn file_targets_are_made_only_where_nothing_is() {
        let dir = std::env::temp_dir().join(format!("husk-targets-{}", std::process::id()));
        let targets = [
            b"etc/hosts".to_vec(),
            b"etc/passwd".to_vec(),
            b"../x".to_vec(),
            b".dockerenv".to_vec(),
            b"..".to_vec(),
        ];
        // A plain /etc in a lower layer: copied up, the missing file made, the existing one left.
        let l = layers(&dir, 1, |p| {
            fs::create_dir(p[2].join("etc")).unwrap();
            fs::write(p[2].join("etc/passwd"), "root:x:0:0::/:/bin/sh\n").unwrap();
        });
        create_file_targets(&l, &targets);
        assert!(dir.join("0/etc/hosts").is_file());
        assert!(dir.join("0/.dockerenv").is_file());
        assert!(!dir.join("0/etc/passwd").exists());
        assert!(!dir.join("x").exists() && !dir.join("0/../x").exists());
        // /etc a symlink (to anywhere): nothing is made, nothing followed.
        let outside = dir.join("outside");
        let l = layers(&dir, 1, |p| {
            std::os::unix::fs::symlink(&outside, p[2].join("etc")).unwrap();
        });
        fs::create_dir_all(&outside).unwrap();
        create_file_targets(&l, &targets);
        assert!(!dir.join("0/etc").exists());
        assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
        // A lower layer has the file, a higher one the directory only: left to the overlay.
        let l = layers(&dir, 2, |p| {
            fs::create_dir(p[2].join("etc")).unwrap();
            fs::create_dir(p[3].join("etc")).unwrap();
            fs::write(p[3].join("etc/hosts"), "").unwrap();
        });
        create_file_targets(&l, &[b"etc/hosts".to_vec()]);
        assert!(!dir.join("0/etc").exists());
        // A file in the root that a layer has (as anything: here a link), or has
        // whited out: left to the overlay.
        let l = layers(&dir, 2, |p| {
            std::os::unix::fs::symlink("/etc/passwd", p[3].join(".dockerenv")).unwrap();
            std::os::unix::fs::symlink("whiteout-stand-in", p[0].join(".containerenv")).unwrap();
        });
        create_file_targets(&l, &[b".dockerenv".to_vec(), b".containerenv".to_vec()]);
        assert!(fs::symlink_metadata(dir.join("0/.dockerenv")).is_err());
        assert!(fs::symlink_metadata(dir.join("0/.containerenv"))
            .unwrap()
            .file_type()
            .is_symlink());
        // No /etc anywhere: made in the upper layer, with the file.
        let l = layers(&dir, 1, |_| {});
        create_file_targets(&l, &targets);
        assert!(dir.join("0/etc").is_dir() && dir.join("0/etc/hosts").is_file());
        // A whiteout of /etc in the upper layer (the container removed it): left to the overlay.
        let l = layers(&dir, 1, |p| {
            fs::create_dir(p[2].join("etc")).unwrap();
            std::os::unix::fs::symlink("whiteout-stand-in", p[0].join("etc")).unwrap();
        });
        create_file_targets(&l, &targets);
        assert!(!dir.join("0/etc").is_dir());
        fs::remove_dir_all(&dir).unwrap();
    }
}
