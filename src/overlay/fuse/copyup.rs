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

/// Copy every xattr of `path` in `from` to the same path in layer `to`,
/// except the per-layer overlay markers.
fn copy_xattrs(layers: &Layers, from: usize, to: usize, path: &[u8]) -> io::Result<()> {
    let names = layers.list_xattr(from, path)?;
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        if name.starts_with(b"user.overlay.") || name.starts_with(b"trusted.") {
            continue;
        }
        let Ok(cname) = CString::new(name) else {
            continue;
        };
        if let Some(value) = layers.get_xattr(from, path, &cname)? {
            match layers.set_xattr(to, path, &cname, &value, 0) {
                Ok(()) => {}
                Err(e) if matches!(e.raw_os_error(), Some(libc::EPERM) | Some(libc::ENOTSUP)) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Owner and times of the new `path` in layer `to` (mode too, except for symlinks).
fn copy_metadata(layers: &Layers, to: usize, path: &[u8], st: &libc::stat64) -> io::Result<()> {
    let c = c_path(path)?;
    let up = layers.root_fd(to);
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
    set_times(layers, to, path, st)
}

/// Give `path` in layer `to` the access and modification times of `st`.
fn set_times(layers: &Layers, to: usize, path: &[u8], st: &libc::stat64) -> io::Result<()> {
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
            layers.root_fd(to),
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
    copy_up_into(layers, from, UPPER, path)
}

/// [`copy_up`] into layer `to`.
fn copy_up_into(layers: &Layers, from: usize, to: usize, path: &[u8]) -> io::Result<()> {
    let parent = match path.iter().rposition(|b| *b == b'/') {
        Some(i) => &path[..i],
        None => &b""[..],
    };
    let parent_st = layers.stat(to, parent)?;
    copy_object(layers, from, to, path)?;
    set_times(layers, to, parent, &parent_st)
}

fn copy_object(layers: &Layers, from: usize, to: usize, path: &[u8]) -> io::Result<()> {
    let st = layers.stat(from, path)?;
    let c = c_path(path)?;
    let up = layers.root_fd(to);
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
    copy_xattrs(layers, from, to, path)?;
    copy_metadata(layers, to, path, &st)
}

/// Make empty files at `paths` ("etc/hosts": one directory under the root, then
/// a name; or a name in the root, ".dockerenv") in layer `into` (the upper
/// layer, or a layer of the container's own just under it: see
/// `FuseOverlay::targets_layer`), before the overlay is served, where no layer
/// has anything at the path and every layer's parent is a plain directory (or
/// no layer has the parent, which is made too), and no opaque directory above
/// `into` hides it: the targets of the container's file bind mounts, which its
/// process would otherwise create through FUSE (a copy-up of the parent, then a
/// MKNOD, each a round trip while the container starts). Anything else is left
/// to that path.
pub fn create_file_targets(layers: &Layers, into: usize, paths: &[Vec<u8>]) {
    for path in paths {
        let _ = create_file_target(layers, into, path);
    }
}

/// A name that is one plain path component.
fn plain(c: &[u8]) -> bool {
    !c.is_empty() && c != b"." && c != b".." && !c.contains(&b'/')
}

fn create_file_target(layers: &Layers, into: usize, path: &[u8]) -> io::Result<()> {
    let Some(slash) = path.iter().position(|b| *b == b'/') else {
        return create_top_file_target(layers, into, path);
    };
    let (parent, name) = (&path[..slash], &path[slash + 1..]);
    if !plain(parent) || !plain(name) {
        return Ok(());
    }
    let is_dir = |st: &libc::stat64| st.st_mode & libc::S_IFMT == libc::S_IFDIR;
    // The topmost layer under `into` with the parent, and none with anything
    // but a directory there (whose name a stat of parent/name would follow).
    let mut from = None;
    let mut in_target = false;
    for layer in 0..layers.count() {
        match layers.stat(layer, parent) {
            Ok(st) if is_dir(&st) => {
                if layer == into {
                    in_target = true;
                } else if layer > into && from.is_none() {
                    from = Some(layer);
                }
                match layers.stat(layer, path) {
                    Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
                    _ => return Ok(()), // something is there (or a whiteout): not ours
                }
                if layers.is_opaque(layer, parent) {
                    if layer < into {
                        return Ok(()); // it would hide what is made under it
                    }
                    break;
                }
            }
            Ok(_) => return Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            Err(e) => return Err(e),
        }
    }
    match (in_target, from) {
        (true, _) => {}
        (false, Some(layer)) => copy_up_into(layers, layer, into, parent)?,
        // No layer has the directory (`run/` of a busybox image): made as the
        // container process would make it through the overlay.
        (false, None) => {
            let c = c_path(parent)?;
            // SAFETY: mkdirat on a layer root with a NUL-terminated relative path.
            check(unsafe { libc::mkdirat(layers.root_fd(into), c.as_ptr(), 0o755) })?;
        }
    }
    make_empty_file(layers, into, path)
}

/// A file in the root directory (`.dockerenv`), where no layer has anything
/// by its name (a layer under an opaque root counts too: then it is left to
/// the overlay).
fn create_top_file_target(layers: &Layers, into: usize, name: &[u8]) -> io::Result<()> {
    if !plain(name) {
        return Ok(());
    }
    for layer in 0..layers.count() {
        match layers.stat(layer, name) {
            Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
            _ => return Ok(()),
        }
    }
    make_empty_file(layers, into, name)
}

fn make_empty_file(layers: &Layers, into: usize, path: &[u8]) -> io::Result<()> {
    let c = c_path(path)?;
    // SAFETY: mknodat on a layer root with a NUL-terminated relative path.
    check(unsafe { libc::mknodat(layers.root_fd(into), c.as_ptr(), libc::S_IFREG | 0o644, 0) })
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
        create_file_targets(&l, UPPER, &targets);
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
        create_file_targets(&l, UPPER, &targets);
        assert!(!dir.join("0/etc").exists());
        assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
        // A lower layer has the file, a higher one the directory only: left to the overlay.
        let l = layers(&dir, 2, |p| {
            fs::create_dir(p[2].join("etc")).unwrap();
            fs::create_dir(p[3].join("etc")).unwrap();
            fs::write(p[3].join("etc/hosts"), "").unwrap();
        });
        create_file_targets(&l, UPPER, &[b"etc/hosts".to_vec()]);
        assert!(!dir.join("0/etc").exists());
        // A file in the root that a layer has (as anything: here a link), or has
        // whited out: left to the overlay.
        let l = layers(&dir, 2, |p| {
            std::os::unix::fs::symlink("/etc/passwd", p[3].join(".dockerenv")).unwrap();
            std::os::unix::fs::symlink("whiteout-stand-in", p[0].join(".containerenv")).unwrap();
        });
        create_file_targets(
            &l,
            UPPER,
            &[b".dockerenv".to_vec(), b".containerenv".to_vec()],
        );
        assert!(fs::symlink_metadata(dir.join("0/.dockerenv")).is_err());
        assert!(fs::symlink_metadata(dir.join("0/.containerenv"))
            .unwrap()
            .file_type()
            .is_symlink());
        // No /etc anywhere: made in the upper layer, with the file.
        let l = layers(&dir, 1, |_| {});
        create_file_targets(&l, UPPER, &targets);
        assert!(dir.join("0/etc").is_dir() && dir.join("0/etc/hosts").is_file());
        // A whiteout of /etc in the upper layer (the container removed it): left to the overlay.
        let l = layers(&dir, 1, |p| {
            fs::create_dir(p[2].join("etc")).unwrap();
            std::os::unix::fs::symlink("whiteout-stand-in", p[0].join("etc")).unwrap();
        });
        create_file_targets(&l, UPPER, &targets);
        assert!(!dir.join("0/etc").is_dir());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn file_targets_go_into_a_layer_under_the_upper_one() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("husk-own-layer-{}", std::process::id()));
        let targets = [
            b"etc/hosts".to_vec(),
            b"run/.containerenv".to_vec(),
            b".dockerenv".to_vec(),
        ];
        let image = |p: &[std::path::PathBuf]| {
            fs::create_dir(p[2].join("etc")).unwrap();
            fs::set_permissions(p[2].join("etc"), fs::Permissions::from_mode(0o750)).unwrap();
        };
        // upper (0), the own layer (1: the test's unused directory), the image (2).
        let layers = |setup: &dyn Fn(&[std::path::PathBuf])| {
            layers(&dir, 1, setup);
            let p: Vec<_> = (0..3).map(|i| dir.join(i.to_string())).collect();
            Layers::open(&p[0], &[p[1].as_path(), p[2].as_path()]).unwrap()
        };
        // Layer 1 gets them (the parent a copy of the image's), the upper layer nothing.
        let l = layers(&image);
        create_file_targets(&l, 1, &targets);
        for made in ["1/etc/hosts", "1/run/.containerenv", "1/.dockerenv"] {
            assert!(dir.join(made).is_file(), "{made}");
        }
        let mode = fs::metadata(dir.join("1/etc"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o7777, 0o750);
        assert_eq!(fs::read_dir(dir.join("0")).unwrap().count(), 0);
        // The upper layer has the directory (the container wrote there): still under it.
        let l = layers(&|p| {
            image(p);
            fs::create_dir(p[0].join("etc")).unwrap();
        });
        create_file_targets(&l, 1, &targets);
        assert!(dir.join("1/etc/hosts").is_file());
        assert!(!dir.join("0/etc/hosts").exists());
        // ... but opaque, it would hide it; or it has the file: nothing made.
        let l = layers(&|p| {
            image(p);
            fs::create_dir(p[0].join("etc")).unwrap();
            fs::write(p[0].join(".dockerenv"), "").unwrap();
        });
        l.set_xattr(UPPER, b"etc", crate::layer::OPAQUE_XATTR, b"y", 0)
            .unwrap();
        create_file_targets(&l, 1, &targets);
        assert!(!dir.join("1/etc").exists() && !dir.join("1/.dockerenv").exists());
        assert!(dir.join("1/run/.containerenv").is_file());
        fs::remove_dir_all(&dir).unwrap();
    }
}
