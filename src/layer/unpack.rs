//! Unpack a layer tar into a directory, safely, in the form both storage drivers read.
//!
//! - Nothing may land outside the target: entries with `..` are refused, absolute
//!   paths are taken relative to it, and every parent directory is opened with
//!   `openat2(RESOLVE_IN_ROOT)`, so a symlink in the layer (`a -> /etc`) used as a
//!   parent resolves inside the layer, never on the host. Final components are
//!   created with `*at` calls that do not follow symlinks.
//! - OCI whiteouts become overlayfs ones: `.wh.NAME` a 0/0 character device
//!   `NAME`, `.wh..wh..opq` the xattr `user.overlay.opaque=y` on its directory.
//! - Owners are set with `lchown`; an owner the user namespace cannot map (any
//!   owner but root in single-uid mode) is kept in the `user.containers.override_stat`
//!   xattr (`UID:GID:0MODE`, the form fuse-overlayfs and containers/storage use).
//! - Device nodes cannot be created in a user namespace: they are skipped and
//!   counted, as docker and podman do rootless.

use std::ffi::{CStr, OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use tar::EntryType;

use super::split::Recorder;
use crate::fsat::{self, join, open_dir};

/// The xattr that marks an opaque directory (read by overlayfs with `userxattr`).
pub const OPAQUE_XATTR: &CStr = c"user.overlay.opaque";
/// The xattr that records an owner and mode the user namespace cannot represent.
pub const OVERRIDE_XATTR: &CStr = c"user.containers.override_stat";

/// The owner and mode an override xattr records ("UID:GID:0MODE").
pub fn parse_override(v: &[u8]) -> Option<(u32, u32, u32)> {
    let s = std::str::from_utf8(v).ok()?;
    let mut f = s.trim().split(':');
    let uid = f.next()?.parse().ok()?;
    let gid = f.next()?.parse().ok()?;
    let mode = u32::from_str_radix(f.next()?.trim_start_matches('0'), 8).unwrap_or(0);
    Some((uid, gid, mode))
}

/// What an unpack did.
#[derive(Debug, Default, Clone)]
pub struct UnpackStats {
    pub entries: u64,
    pub whiteouts: u64,
    /// Device nodes skipped (not creatable without privileges).
    pub devices_skipped: u64,
    /// Entries whose owner went to the override xattr.
    pub owners_recorded: u64,
    /// Entries that replaced one written before (the same path twice).
    pub replaced: u64,
}

/// What unpacking entries updates.
struct Unpacking<'a> {
    stats: &'a mut UnpackStats,
    dirs: &'a mut Vec<DeferredDir>,
    split: Option<&'a Recorder>,
    /// The buffer file contents are copied through, reused from file to file.
    buf: &'a mut Vec<u8>,
}

/// The most of a file's content read and written at once. `io::copy`'s 8 KiB
/// made 131072 writes (and as many reads through the decompressor and the
/// hash) for each GiB; 1 MiB no longer fits the core's cache between the
/// decompressor's writing it and the kernel's copying it (a 1 GiB layer
/// pulled in 3.3 s, 2.4 s at 128 KiB, 3.1 s at 8 KiB).
const COPY_CHUNK: usize = 128 << 10;

/// A directory whose times are set after its children are written.
struct DeferredDir {
    path: OsString,
    atime: (i64, i64),
    mtime: (i64, i64),
}

/// Unpack the tar stream `reader` into the existing, empty directory `dest`.
pub fn unpack<R: Read>(reader: R, dest: &Path) -> Result<UnpackStats> {
    unpack_recording(reader, dest, None)
}

/// `unpack`, telling `split` (which records `reader`'s bytes) where each
/// regular file's content is, so that the stream can be rebuilt.
pub fn unpack_recording<R: Read>(
    reader: R,
    dest: &Path,
    split: Option<&Recorder>,
) -> Result<UnpackStats> {
    let root: OwnedFd = File::open(dest)
        .with_context(|| format!("opening {}", dest.display()))?
        .into();
    let mut archive = tar::Archive::new(super::guard::TarGuard::new(reader));
    let mut stats = UnpackStats::default();
    let mut dirs = Vec::new();
    let mut buf = Vec::new();
    for entry in archive.entries().context("reading the layer tar")? {
        let mut entry = entry.context("reading the layer tar")?;
        let raw_path = entry.path_bytes().into_owned();
        let mut at = Unpacking {
            stats: &mut stats,
            dirs: &mut dirs,
            split,
            buf: &mut buf,
        };
        unpack_entry(root.as_fd(), &mut entry, &raw_path, &mut at)
            .with_context(|| format!("layer entry {:?}", String::from_utf8_lossy(&raw_path)))?;
        stats.entries += 1;
    }
    if let (Some(split), true) = (split, stats.replaced > 0) {
        split.give_up();
    }
    for dir in dirs.iter().rev() {
        set_dir_times(root.as_fd(), dir)?;
    }
    Ok(stats)
}

/// Copy the rest of `from` into `to`, in writes of up to [`COPY_CHUNK`].
fn copy_content(from: &mut impl Read, to: &mut File, buf: &mut Vec<u8>) -> io::Result<()> {
    if buf.len() < COPY_CHUNK {
        buf.resize(COPY_CHUNK, 0);
    }
    loop {
        let filled = crate::readahead::fill(from, buf)?;
        if filled == 0 {
            return Ok(());
        }
        to.write_all(&buf[..filled])?;
    }
}

/// The components of an entry path, relative to the layer root; `..` is refused.
fn components(raw: &[u8]) -> Result<Vec<&OsStr>> {
    let mut out = Vec::new();
    for part in raw.split(|b| *b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => bail!("path contains '..': refusing an entry that could escape the layer"),
            p => out.push(OsStr::from_bytes(p)),
        }
    }
    Ok(out)
}

fn unpack_entry<R: Read>(
    root: BorrowedFd<'_>,
    entry: &mut tar::Entry<'_, R>,
    raw_path: &[u8],
    at: &mut Unpacking<'_>,
) -> Result<()> {
    let Unpacking {
        stats,
        dirs,
        split,
        buf,
    } = at;
    let kind = entry.header().entry_type();
    let parts = components(raw_path)?;
    let pax = Pax::read(entry)?;
    let (atime, mtime) = pax.times(entry)?;
    let Some((name, parent)) = parts.split_last() else {
        // "./": the layer root itself.
        if kind == EntryType::Directory {
            let mode = entry.header().mode().context("bad mode")? & 0o7777;
            fsat::chmod_at(root, OsStr::new("."), mode).context("chmod of the layer root")?;
            dirs.insert(
                0,
                DeferredDir {
                    path: OsString::from("."),
                    atime,
                    mtime,
                },
            );
        }
        return Ok(());
    };
    let name_bytes = name.as_bytes();
    if name_bytes == b".wh..wh..opq" {
        let dir = open_dir(root, parent, true)?;
        fsat::fset_xattr(dir.as_fd(), OPAQUE_XATTR, b"y").context("marking an opaque directory")?;
        stats.whiteouts += 1;
        return Ok(());
    }
    if name_bytes.starts_with(b".wh..wh.") {
        return Ok(()); // other AUFS metadata (.wh..wh.plnk...): not part of the tree
    }
    let dir = open_dir(root, parent, true)?;
    if let Some(hidden) = name_bytes.strip_prefix(b".wh.") {
        let hidden = OsStr::from_bytes(hidden);
        stats.replaced += u64::from(remove_existing(dir.as_fd(), hidden)?);
        fsat::mknod_at(dir.as_fd(), hidden, libc::S_IFCHR, 0).context("creating a whiteout")?;
        stats.whiteouts += 1;
        return Ok(());
    }
    match kind {
        EntryType::Directory => {
            match fsat::stat_at(dir.as_fd(), name) {
                Ok(st) if st.st_mode & libc::S_IFMT == libc::S_IFDIR => {}
                Ok(_) => {
                    stats.replaced += u64::from(remove_existing(dir.as_fd(), name)?);
                    fsat::mkdir_at(dir.as_fd(), name, 0o700)?;
                }
                Err(_) => fsat::mkdir_at(dir.as_fd(), name, 0o700)?,
            }
            apply_metadata(dir.as_fd(), name, entry, &pax, false, stats)?;
            dirs.push(DeferredDir {
                path: join(&parts),
                atime,
                mtime,
            });
        }
        EntryType::Regular | EntryType::Continuous | EntryType::GNUSparse => {
            stats.replaced += u64::from(remove_existing(dir.as_fd(), name)?);
            let fd = fsat::open_at(
                dir.as_fd(),
                name,
                libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL,
                0o600,
            )?;
            let mut file = File::from(fd);
            // Sparse entries' stream is not their content: recorded raw.
            let split = (*split).filter(|_| kind != EntryType::GNUSparse);
            if let Some(split) = split {
                split.begin_file(join(&parts).as_bytes());
            }
            copy_content(entry, &mut file, buf).context("writing file data")?;
            if let Some(split) = split {
                split.end_file();
            }
            drop(file);
            apply_metadata(dir.as_fd(), name, entry, &pax, false, stats)?;
            fsat::utimes_at(dir.as_fd(), name, atime, mtime).context("setting times")?;
        }
        EntryType::Symlink => {
            let target = entry
                .link_name_bytes()
                .ok_or_else(|| anyhow!("symlink without a target"))?;
            stats.replaced += u64::from(remove_existing(dir.as_fd(), name)?);
            fsat::symlink_at(&target, dir.as_fd(), name)?;
            apply_metadata(dir.as_fd(), name, entry, &pax, true, stats)?;
            fsat::utimes_at(dir.as_fd(), name, atime, mtime).context("setting times")?;
        }
        EntryType::Link => {
            let target = entry
                .link_name_bytes()
                .ok_or_else(|| anyhow!("hard link without a target"))?;
            let tparts = components(&target)?;
            let Some((tname, tparent)) = tparts.split_last() else {
                bail!("hard link to the layer root")
            };
            let tdir = open_dir(root, tparent, false)
                .context("hard link target not found in the layer")?;
            if tparts == parts {
                return Ok(());
            }
            stats.replaced += u64::from(remove_existing(dir.as_fd(), name)?);
            fsat::link_at(tdir.as_fd(), tname, dir.as_fd(), name)
                .context("creating a hard link")?;
        }
        EntryType::Fifo => {
            stats.replaced += u64::from(remove_existing(dir.as_fd(), name)?);
            fsat::mknod_at(dir.as_fd(), name, libc::S_IFIFO | 0o600, 0)?;
            apply_metadata(dir.as_fd(), name, entry, &pax, false, stats)?;
            fsat::utimes_at(dir.as_fd(), name, atime, mtime).context("setting times")?;
        }
        EntryType::Char | EntryType::Block => stats.devices_skipped += 1,
        _ => {} // pax/GNU headers are consumed by the tar crate; other kinds carry no file
    }
    Ok(())
}

/// Remove `dir/name` if it exists (a whole tree if it is a directory);
/// whether there was one.
fn remove_existing(dir: BorrowedFd<'_>, name: &OsStr) -> Result<bool> {
    let st = match fsat::stat_at(dir, name) {
        Ok(st) => st,
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(false),
        Err(e) => return Err(e).context("stat"),
    };
    if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        let sub = fsat::open_at(dir, name, libc::O_RDONLY | libc::O_DIRECTORY, 0)?;
        // The /proc path of the fd we opened: remove_dir_all does not follow symlinks inside.
        let path = std::path::PathBuf::from(format!(
            "/proc/self/fd/{}",
            std::os::fd::AsRawFd::as_raw_fd(&sub)
        ));
        for child in std::fs::read_dir(&path)? {
            crate::store::remove_tree(&child?.path())?;
        }
        drop(sub);
        fsat::unlink_at(dir, name, true)?;
    } else {
        fsat::unlink_at(dir, name, false)?;
    }
    Ok(true)
}

/// Owner, mode and xattrs of a freshly created entry.
fn apply_metadata<R: Read>(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    entry: &tar::Entry<'_, R>,
    pax: &Pax,
    is_symlink: bool,
    stats: &mut UnpackStats,
) -> Result<()> {
    let header = entry.header();
    let mode = header.mode().context("bad mode")? & 0o7777;
    let uid = u32::try_from(header.uid().context("bad uid")?).context("uid out of range")?;
    let gid = u32::try_from(header.gid().context("bad gid")?).context("gid out of range")?;
    let mut record_owner = false;
    match fsat::chown_at(dir, name, uid, gid) {
        Ok(()) => {}
        Err(e) if matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::EPERM)) => {
            record_owner = true
        }
        Err(e) => return Err(e).context("chown"),
    }
    if !is_symlink {
        fsat::chmod_at(dir, name, mode).context("chmod")?;
    }
    for (key, value) in &pax.xattrs {
        set_layer_xattr(dir, name, key, value, is_symlink)?;
    }
    if record_owner && !is_symlink {
        let value = format!("{uid}:{gid}:0{mode:o}");
        fsat::set_xattr_at(dir, name, OVERRIDE_XATTR, value.as_bytes())
            .context("recording the owner")?;
        stats.owners_recorded += 1;
    }
    Ok(())
}

/// What an entry's PAX headers add: xattrs and sub-second times.
#[derive(Default)]
struct Pax {
    xattrs: Vec<(Vec<u8>, Vec<u8>)>,
    mtime: Option<(i64, i64)>,
    atime: Option<(i64, i64)>,
}

impl Pax {
    fn read<R: Read>(entry: &mut tar::Entry<'_, R>) -> Result<Pax> {
        let mut pax = Pax::default();
        let Some(exts) = entry.pax_extensions().context("bad PAX header")? else {
            return Ok(pax);
        };
        for ext in exts {
            let ext = ext.context("bad PAX header")?;
            match ext.key_bytes() {
                b"mtime" => pax.mtime = parse_pax_time(ext.value_bytes()),
                b"atime" => pax.atime = parse_pax_time(ext.value_bytes()),
                key => {
                    if let Some(name) = key.strip_prefix(b"SCHILY.xattr.") {
                        pax.xattrs.push((name.to_vec(), ext.value_bytes().to_vec()));
                    }
                }
            }
        }
        Ok(pax)
    }

    /// (atime, mtime), each as (seconds, nanoseconds); the header's mtime where PAX has none.
    fn times<R: Read>(&self, entry: &tar::Entry<'_, R>) -> Result<((i64, i64), (i64, i64))> {
        let header_mtime = entry.header().mtime().context("bad mtime")? as i64;
        let m = self.mtime.unwrap_or((header_mtime, 0));
        Ok((self.atime.unwrap_or(m), m))
    }
}

/// A PAX time, "SECONDS[.FRACTION]".
fn parse_pax_time(v: &[u8]) -> Option<(i64, i64)> {
    let s = std::str::from_utf8(v).ok()?;
    let (sec, frac) = s.split_once('.').unwrap_or((s, ""));
    let sec: i64 = sec.parse().ok()?;
    let digits: String = frac.chars().take(9).collect();
    let nsec = if digits.is_empty() {
        0
    } else {
        digits.parse::<i64>().ok()? * 10i64.pow(9 - digits.len() as u32)
    };
    Some((sec, nsec))
}

/// Apply one xattr from the layer. `user.*` (but not the markers husk itself
/// writes) and `security.capability` are kept; `trusted.*` and others cannot be
/// set in a user namespace and are dropped, as rootless podman does.
fn set_layer_xattr(
    dir: BorrowedFd<'_>,
    name: &OsStr,
    key: &[u8],
    value: &[u8],
    is_symlink: bool,
) -> Result<()> {
    let keep = (key.starts_with(b"user.")
        && !key.starts_with(b"user.overlay.")
        && !key.starts_with(b"user.containers."))
        || key == b"security.capability";
    if !keep || is_symlink {
        return Ok(());
    }
    let Ok(ckey) = std::ffi::CString::new(key) else {
        return Ok(());
    };
    match fsat::set_xattr_at(dir, name, &ckey, value) {
        Ok(()) => Ok(()),
        Err(e)
            if matches!(
                e.raw_os_error(),
                Some(libc::EOPNOTSUPP) | Some(libc::EPERM) | Some(libc::EINVAL)
            ) =>
        {
            Ok(())
        }
        Err(e) => Err(e).with_context(|| format!("setting xattr {}", String::from_utf8_lossy(key))),
    }
}

fn set_dir_times(root: BorrowedFd<'_>, d: &DeferredDir) -> Result<()> {
    let path = Path::new(&d.path);
    let parent: Vec<&OsStr> = path
        .parent()
        .map(|p| p.iter().collect())
        .unwrap_or_default();
    let name = path.file_name().unwrap_or(OsStr::new("."));
    let dir = open_dir(root, &parent, false)?;
    fsat::utimes_at(dir.as_fd(), name, d.atime, d.mtime)
        .with_context(|| format!("setting times of {:?}", d.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_refuse_dotdot() {
        assert!(components(b"a/../b").is_err());
        assert!(components(b"../etc/passwd").is_err());
        assert_eq!(
            components(b"/abs/./x//y").unwrap(),
            vec![OsStr::new("abs"), OsStr::new("x"), OsStr::new("y")]
        );
        assert!(components(b"./").unwrap().is_empty());
    }
}
