//! Reading a file as the merged layers show it, without mounting them: what
//! husk itself reads out of an image or a container (passwd, group).
//!
//! Everything here is untrusted: the image author chose the layers, and a
//! running container writes its upper layer while husk reads it. So the path
//! is resolved component by component in the merged view, symlinks (absolute
//! or with `..`) resolve inside the root as the container would see them, each
//! layer is entered only with openat2 RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, and
//! the final object must be a regular file no larger than [`MAX_MERGED_FILE`].

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::os::fd::{AsFd, BorrowedFd, IntoRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::fsat;
use crate::layer::OPAQUE_XATTR;

/// The largest file husk reads out of an image or container for itself.
pub const MAX_MERGED_FILE: u64 = 4 << 20;

/// Symlinks followed in one resolution before giving up (the kernel's limit).
const MAX_LINKS: usize = 40;

/// Read the file at `rel` (e.g. `etc/passwd`) as the merged layers (lowest
/// first) show it. `Ok(None)` when there is no such file; an error when it is
/// not a regular file, is larger than [`MAX_MERGED_FILE`], or its symlinks loop.
pub fn read_merged_file(layers: &[PathBuf], rel: &str) -> Result<Option<Vec<u8>>> {
    let layers = open_layers(layers)?;
    let Some(Resolved::File(layer, path)) = resolve(&layers, rel)? else {
        return Ok(None);
    };
    let fd = match fsat::open_beneath(
        layers[layer].as_fd(),
        &path,
        libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_NOFOLLOW,
    ) {
        Ok(fd) => fd,
        // Changed under us (a running container's upper layer): as if absent.
        Err(e) if e.raw_os_error() == Some(libc::ENOENT) => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("opening /{rel} in the image")),
    };
    read_regular(fd, rel).map(Some)
}

/// Whether the layers (lowest first) show an entry at `rel` (its last
/// component not followed if it is a symlink).
pub fn in_lowers(layers: &[PathBuf], rel: &str) -> bool {
    let Ok(layers) = open_layers(layers) else {
        return false;
    };
    // Taken literally: each parent must be a directory of the merged view.
    let parts = components(rel.as_bytes());
    let mut dirs = vec![true; layers.len()];
    for depth in 1..=parts.len() {
        let path = fsat::join(&parts[..depth]);
        match lookup(&layers, &dirs, &path) {
            Ok(Some(_)) if depth == parts.len() => return true,
            Ok(Some(Found {
                kind: Kind::Dir(d), ..
            })) => dirs = d,
            _ => return false,
        }
    }
    false
}

/// A directory of the merged view: its symlink-free path (relative to the
/// layers' roots), and which layers have a directory there that joins the merge.
#[derive(Debug, Clone)]
pub struct MergedDir {
    pub path: OsString,
    dirs: Vec<bool>,
}

/// An entry of a merged directory, as the topmost layer that has it shows it.
pub struct MergedEntry {
    pub name: OsString,
    /// Its path relative to the layers' roots.
    pub path: OsString,
    /// The layer that holds it.
    pub layer: usize,
    pub stat: libc::stat,
    pub kind: EntryKind,
}

pub enum EntryKind {
    Dir(MergedDir),
    Symlink(Vec<u8>),
    /// A regular file, fifo or socket (device nodes are never in a layer).
    Other,
}

/// The image's layers opened for walking their merged view (what a new volume
/// gets when it is mounted over a directory of the image).
pub struct MergedView {
    layers: Vec<OwnedFd>,
}

impl MergedView {
    /// The layers, lowest first.
    pub fn open(layers: &[PathBuf]) -> Result<MergedView> {
        Ok(MergedView {
            layers: open_layers(layers)?,
        })
    }

    /// The layer `i`'s root.
    pub fn layer(&self, i: usize) -> BorrowedFd<'_> {
        self.layers[i].as_fd()
    }

    /// The directory at `rel` (symlinks followed inside the root), with its
    /// stat (the topmost layer's); `None` if there is none.
    pub fn dir(&self, rel: &str) -> Result<Option<(MergedDir, libc::stat)>> {
        let Some(Resolved::Dir(d)) = resolve(&self.layers, rel)? else {
            return Ok(None);
        };
        let top = d.dirs.iter().rposition(|x| *x).unwrap_or(0);
        let here = match d.path.is_empty() {
            true => OsStr::new("."),
            false => d.path.as_os_str(),
        };
        let Some((_, st)) = stat_beneath(&self.layers[top], here)? else {
            return Ok(None);
        };
        Ok(Some((d, st)))
    }

    /// The entry at `rel`, symlinks followed inside the root (the last one too).
    pub fn entry(&self, rel: &str) -> Result<Option<MergedEntry>> {
        let name = components(rel.as_bytes())
            .last()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        match resolve(&self.layers, rel)? {
            None => Ok(None),
            Some(Resolved::Dir(d)) => {
                let top = d.dirs.iter().rposition(|x| *x).unwrap_or(0);
                let Some((_, stat)) = self.dir(rel)? else {
                    return Ok(None);
                };
                Ok(Some(MergedEntry {
                    name,
                    path: d.path.clone(),
                    layer: top,
                    stat,
                    kind: EntryKind::Dir(d),
                }))
            }
            Some(Resolved::File(layer, path)) => {
                let Some((_, stat)) = stat_beneath(&self.layers[layer], &path)? else {
                    return Ok(None);
                };
                Ok(Some(MergedEntry {
                    name,
                    path,
                    layer,
                    stat,
                    kind: EntryKind::Other,
                }))
            }
        }
    }

    /// The entries of `dir` as the merged view lists them: whiteouts hide,
    /// opaque directories stop the merge. In name order.
    pub fn entries(&self, dir: &MergedDir) -> Result<Vec<MergedEntry>> {
        let mut names = std::collections::BTreeSet::new();
        for (_, layer) in self.layers.iter().enumerate().filter(|(i, _)| dir.dirs[*i]) {
            let here = match dir.path.is_empty() {
                true => OsStr::new("."),
                false => dir.path.as_os_str(),
            };
            let fd = match fsat::open_beneath(
                layer.as_fd(),
                here,
                libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NOFOLLOW,
            ) {
                Ok(fd) => fd,
                Err(e) if e.raw_os_error() == Some(libc::ENOENT) => continue,
                Err(e) => return Err(e).context("opening a layer directory"),
            };
            let list =
                nix::dir::Dir::from_fd(fd.into_raw_fd()).context("reading a layer directory")?;
            for entry in list {
                let entry = entry.context("reading a layer directory")?;
                let name = OsStr::from_bytes(entry.file_name().to_bytes());
                if name != "." && name != ".." {
                    names.insert(name.to_os_string());
                }
            }
        }
        let mut out = Vec::new();
        for name in names {
            let path = match dir.path.is_empty() {
                true => name.clone(),
                false => fsat::join(&[dir.path.as_os_str(), name.as_os_str()]),
            };
            let Some(found) = lookup(&self.layers, &dir.dirs, &path)? else {
                continue; // whited out
            };
            let kind = match found.kind {
                Kind::Dir(dirs) => EntryKind::Dir(MergedDir {
                    path: path.clone(),
                    dirs,
                }),
                Kind::Link(target) => EntryKind::Symlink(target),
                Kind::Other => EntryKind::Other,
            };
            out.push(MergedEntry {
                name,
                path,
                layer: found.layer,
                stat: found.stat,
                kind,
            });
        }
        Ok(out)
    }
}

fn open_layers(layers: &[PathBuf]) -> Result<Vec<OwnedFd>> {
    layers
        .iter()
        .map(|l| {
            File::open(l)
                .map(OwnedFd::from)
                .with_context(|| format!("opening layer {}", l.display()))
        })
        .collect()
}

fn components(path: &[u8]) -> Vec<&OsStr> {
    path.split(|b| *b == b'/')
        .filter(|p| !p.is_empty())
        .map(OsStr::from_bytes)
        .collect()
}

/// The longest path walked, in components, and the most components walked in
/// one resolution (symlinks add theirs): each step costs a lookup per layer.
const MAX_DEPTH: usize = 256;
const MAX_STEPS: usize = 1024;

/// A directory of the merged view on the walk: its name, and which layers
/// have it as a directory that joins the merge.
struct Level {
    name: OsString,
    dirs: Vec<bool>,
}

/// Resolve `rel` in the merged view: the layer holding the final object, and
/// its symlink-free path there. `None` when a component does not exist.
fn resolve(layers: &[OwnedFd], rel: &str) -> Result<Option<Resolved>> {
    // Components still to walk, the next one last.
    let mut todo: Vec<OsString> = components(rel.as_bytes())
        .into_iter()
        .rev()
        .map(OsStr::to_os_string)
        .collect();
    let root = vec![true; layers.len()];
    let mut done: Vec<Level> = Vec::new();
    let (mut links, mut steps) = (0, 0);
    while let Some(name) = todo.pop() {
        steps += 1;
        if steps > MAX_STEPS || done.len() >= MAX_DEPTH {
            bail!("/{rel} in the image: the path is too deep");
        }
        match name.as_bytes() {
            b"." => continue,
            b".." => {
                done.pop(); // `..` of the root is the root
                continue;
            }
            _ => {}
        }
        let dirs = done.last().map_or(&root, |l| &l.dirs);
        let path = fsat::join(
            &done
                .iter()
                .map(|l| l.name.as_os_str())
                .chain([name.as_os_str()])
                .collect::<Vec<_>>(),
        );
        let Some(found) = lookup(layers, dirs, &path)? else {
            return Ok(None);
        };
        match found.kind {
            Kind::Link(target) => {
                links += 1;
                if links > MAX_LINKS {
                    bail!("/{rel} in the image: too many levels of symbolic links");
                }
                if target.first() == Some(&b'/') {
                    done.clear();
                }
                todo.extend(
                    components(&target)
                        .into_iter()
                        .rev()
                        .map(OsStr::to_os_string),
                );
            }
            Kind::Dir(dirs) => done.push(Level { name, dirs }),
            Kind::Other if todo.is_empty() => return Ok(Some(Resolved::File(found.layer, path))),
            Kind::Other => return Ok(None), // not a directory
        }
    }
    // The root itself, or a path that ends in a directory.
    let path = fsat::join(&done.iter().map(|l| l.name.as_os_str()).collect::<Vec<_>>());
    let dirs = done.pop().map_or(root, |l| l.dirs);
    Ok(Some(Resolved::Dir(MergedDir { path, dirs })))
}

/// What a path resolves to in the merged view.
enum Resolved {
    /// Not a directory: the layer holding it, and its path there.
    File(usize, OsString),
    Dir(MergedDir),
}

enum Kind {
    /// A directory, and the layers whose directories of that path merge into it.
    Dir(Vec<bool>),
    Link(Vec<u8>),
    Other,
}

struct Found {
    layer: usize,
    kind: Kind,
    stat: libc::stat,
}

/// The topmost entry at `path` (no symlinks in it) among the layers whose
/// parent directory joins the merge (`dirs`), as overlayfs sees it: a
/// whiteout hides it, and a directory merges with the directories below it
/// down to an opaque one or to anything that is not a directory.
fn lookup(layers: &[OwnedFd], dirs: &[bool], path: &OsStr) -> Result<Option<Found>> {
    let mut top: Option<Found> = None;
    for (i, layer) in layers.iter().enumerate().rev().filter(|(i, _)| dirs[*i]) {
        let Some((fd, st)) = stat_beneath(layer, path)? else {
            continue;
        };
        let is_dir = st.st_mode & libc::S_IFMT == libc::S_IFDIR;
        match &mut top {
            // Below the topmost entry: only directories join its merge.
            Some(Found {
                kind: Kind::Dir(merged),
                ..
            }) => {
                if !is_dir {
                    break;
                }
                merged[i] = true;
                if is_opaque(&fd) {
                    break;
                }
            }
            Some(_) => break,
            None if is_whiteout(&st) => return Ok(None),
            None => {
                let kind = match st.st_mode & libc::S_IFMT {
                    libc::S_IFDIR => {
                        let mut merged = vec![false; layers.len()];
                        merged[i] = true;
                        if is_opaque(&fd) {
                            return Ok(Some(Found {
                                layer: i,
                                kind: Kind::Dir(merged),
                                stat: st,
                            }));
                        }
                        Kind::Dir(merged)
                    }
                    libc::S_IFLNK => {
                        Kind::Link(fsat::readlink_at(fd.as_fd(), OsStr::new("")).with_context(
                            || format!("reading the link /{}", Path::new(path).display()),
                        )?)
                    }
                    _ => Kind::Other,
                };
                let done = !matches!(kind, Kind::Dir(_));
                top = Some(Found {
                    layer: i,
                    kind,
                    stat: st,
                });
                if done {
                    break;
                }
            }
        }
    }
    Ok(top)
}

/// The object at `path` in `layer` itself (O_PATH, not followed) and its stat;
/// `None` if it is not there (or a symlink stands in the way).
fn stat_beneath(layer: &OwnedFd, path: &OsStr) -> Result<Option<(OwnedFd, libc::stat)>> {
    match fsat::open_beneath(layer.as_fd(), path, libc::O_PATH | libc::O_NOFOLLOW) {
        Ok(fd) => {
            let st = fsat::fstat(fd.as_fd()).context("stat in a layer")?;
            Ok(Some((fd, st)))
        }
        Err(e)
            if matches!(
                e.raw_os_error(),
                Some(libc::ENOENT | libc::ENOTDIR | libc::ELOOP)
            ) =>
        {
            Ok(None)
        }
        Err(e) => {
            Err(e).with_context(|| format!("looking up {} in a layer", Path::new(path).display()))
        }
    }
}

fn is_whiteout(st: &libc::stat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFCHR && st.st_rdev == 0
}

fn is_opaque(dir: &OwnedFd) -> bool {
    fsat::fget_xattr(dir.as_fd(), OPAQUE_XATTR)
        .ok()
        .flatten()
        .as_deref()
        == Some(b"y")
}

/// Read an opened object that must be a regular file of at most [`MAX_MERGED_FILE`] bytes.
fn read_regular(fd: OwnedFd, rel: &str) -> Result<Vec<u8>> {
    fsat::read_regular(fd, MAX_MERGED_FILE).with_context(|| format!("/{rel} in the image"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn layers(name: &str) -> (PathBuf, Vec<PathBuf>) {
        let base = std::env::temp_dir().join(format!("husk-merged-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let ls = vec![base.join("lower"), base.join("upper")];
        for l in &ls {
            std::fs::create_dir_all(l.join("etc")).unwrap();
        }
        (base, ls)
    }

    #[test]
    fn symlinks_resolve_inside_the_root() {
        let (base, ls) = layers("links");
        // A host file the links aim at, and the image's own file of the same path.
        std::fs::write(base.join("secret"), "host\n").unwrap();
        std::fs::create_dir_all(ls[0].join(base.strip_prefix("/").unwrap())).unwrap();
        std::fs::write(
            ls[0].join(base.strip_prefix("/").unwrap()).join("secret"),
            "image\n",
        )
        .unwrap();
        let up = "../".repeat(20) + base.strip_prefix("/").unwrap().to_str().unwrap() + "/secret";
        symlink(&up, ls[1].join("etc/rel")).unwrap();
        symlink(base.join("secret"), ls[1].join("etc/abs")).unwrap();
        for name in ["etc/rel", "etc/abs"] {
            assert_eq!(
                read_merged_file(&ls, name).unwrap().unwrap(),
                b"image\n",
                "{name}"
            );
        }
        symlink("loop", ls[1].join("etc/loop")).unwrap();
        assert!(read_merged_file(&ls, "etc/loop").is_err());
        assert!(read_merged_file(&ls, "etc/missing").unwrap().is_none());
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn only_small_regular_files_are_read() {
        let (base, ls) = layers("kinds");
        nix::unistd::mkfifo(
            &ls[1].join("etc/fifo"),
            nix::sys::stat::Mode::from_bits_truncate(0o644),
        )
        .unwrap();
        let err = read_merged_file(&ls, "etc/fifo").unwrap_err();
        assert!(format!("{err:#}").contains("not a regular file"), "{err:#}");
        std::fs::write(
            ls[0].join("etc/big"),
            vec![b'x'; MAX_MERGED_FILE as usize + 1],
        )
        .unwrap();
        assert!(read_merged_file(&ls, "etc/big").is_err());
        std::fs::write(ls[0].join("etc/passwd"), "root\n").unwrap();
        assert_eq!(
            read_merged_file(&ls, "/etc/./passwd").unwrap().unwrap(),
            b"root\n"
        );
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn a_non_directory_stops_the_merge_and_depth_is_bounded() {
        let (base, mut ls) = layers("merge");
        ls.insert(1, base.join("middle"));
        std::fs::create_dir_all(ls[0].join("etc/x")).unwrap();
        std::fs::write(ls[0].join("etc/x/passwd"), "lowest\n").unwrap();
        std::fs::create_dir_all(ls[1].join("etc")).unwrap();
        std::fs::write(ls[1].join("etc/x"), "a file\n").unwrap();
        std::fs::create_dir_all(ls[2].join("etc/x")).unwrap();
        assert!(read_merged_file(&ls, "etc/x/passwd").unwrap().is_none());
        assert!(in_lowers(&ls, "etc/x") && !in_lowers(&ls, "etc/x/passwd"));
        let deep = "d/".repeat(MAX_DEPTH + 4);
        std::fs::create_dir_all(ls[0].join(&deep)).unwrap();
        let err = read_merged_file(&ls, &(deep + "f")).unwrap_err();
        assert!(format!("{err:#}").contains("too deep"), "{err:#}");
        std::fs::remove_dir_all(&base).unwrap();
    }

    #[test]
    fn the_merged_view_lists_with_whiteouts_and_opaque_directories() {
        let (base, ls) = layers("view");
        std::fs::create_dir_all(ls[0].join("etc/sub")).unwrap();
        std::fs::write(ls[0].join("etc/sub/old"), "old").unwrap();
        std::fs::write(ls[0].join("etc/gone"), "x").unwrap();
        std::fs::write(ls[0].join("etc/kept"), "x").unwrap();
        std::fs::create_dir_all(ls[1].join("etc/sub")).unwrap();
        std::fs::write(ls[1].join("etc/sub/new"), "new").unwrap();
        fsat::set_xattr_at(
            File::open(ls[1].join("etc")).unwrap().as_fd(),
            OsStr::new("sub"),
            OPAQUE_XATTR,
            b"y",
        )
        .unwrap();
        nix::sys::stat::mknod(
            &ls[1].join("etc/gone"),
            nix::sys::stat::SFlag::S_IFCHR,
            nix::sys::stat::Mode::empty(),
            0,
        )
        .unwrap();
        let view = MergedView::open(&ls).unwrap();
        let (etc, _) = view.dir("etc").unwrap().unwrap();
        let names = |d: &MergedDir| -> Vec<String> {
            view.entries(d)
                .unwrap()
                .iter()
                .map(|e| e.name.to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(names(&etc), ["kept", "sub"]);
        let (sub, _) = view.dir("etc/sub").unwrap().unwrap();
        assert_eq!(names(&sub), ["new"]);
        std::fs::remove_dir_all(&base).unwrap();
    }
}
