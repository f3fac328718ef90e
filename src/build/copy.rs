//! COPY and ADD: sources from the build context (what .dockerignore leaves),
//! a named build context, another stage or an image, written straight into
//! the step's layer tar with docker's rules: a directory's contents go into
//! the destination, several sources need a directory destination, new files
//! belong to root unless `--chown` (files from another stage or image keep
//! their owners), `--chmod` sets modes, ADD extracts local archives and
//! fetches URLs. A source that leaves its root (`../x`, a symlink out of the
//! context) is refused.

use std::fs;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use sha2::{Digest as _, Sha256};

use super::ignore::{glob, Ignore};
use crate::digest::Digest;
use crate::layer::pack::{Attrs, Packer};
use crate::overlay::merged::{EntryKind, MergedView};

/// Where a COPY's sources are read.
pub enum Root<'a> {
    /// A directory on the host: the context, or a `--build-context` one.
    Dir { path: &'a Path, ignore: &'a Ignore },
    /// The merged layers of a stage or image.
    Layers {
        dirs: Vec<PathBuf>,
        view: MergedView,
    },
}

/// One source, resolved.
pub enum Found {
    /// A file or directory of a host root: the path to read (symlinks of the
    /// named path followed inside the root) and its path in the root.
    Host { path: PathBuf, rel: String },
    /// An entry of the layers: its layer's directory and its path there.
    Layer { path: PathBuf, rel: String },
}

impl Found {
    fn path(&self) -> &Path {
        match self {
            Found::Host { path, .. } | Found::Layer { path, .. } => path,
        }
    }

    fn rel(&self) -> &str {
        match self {
            Found::Host { rel, .. } | Found::Layer { rel, .. } => rel,
        }
    }
}

/// The paths in the root `root` a COPY source names (a pattern may name many).
pub fn resolve_sources(root: &Root<'_>, src: &str) -> Result<Vec<Found>> {
    let clean = clean_rel(src)
        .with_context(|| format!("COPY {src}: forbidden path outside the build context"))?;
    let has_glob = clean.contains(['*', '?', '[']);
    let names: Vec<String> = if has_glob {
        expand_glob(root, &clean)?
    } else {
        vec![clean]
    };
    let mut out = Vec::new();
    for rel in names {
        match root {
            Root::Dir { path, ignore } => {
                if !rel.is_empty() && ignore.excludes(&rel) {
                    if has_glob {
                        continue;
                    }
                    bail!("{src}: excluded by .dockerignore");
                }
                let joined = path.join(&rel);
                let real = fs::canonicalize(&joined).with_context(|| {
                    format!("{src}: no such file or directory in the build context")
                })?;
                let base = fs::canonicalize(path).context("reading the build context")?;
                if !real.starts_with(&base) {
                    bail!("{src}: a symlink pointing out of the build context is refused");
                }
                out.push(Found::Host { path: real, rel });
            }
            Root::Layers { dirs, view } => {
                let Some(e) = view.entry(&rel)? else {
                    bail!("{src}: no such file or directory");
                };
                out.push(Found::Layer {
                    path: dirs[e.layer].join(std::ffi::OsStr::from_bytes(e.path.as_bytes())),
                    rel,
                });
            }
        }
    }
    if out.is_empty() {
        bail!("{src}: no source files were specified (nothing matches)");
    }
    Ok(out)
}

/// `a/../b/./c` → `b/c`; None when it leaves the root.
fn clean_rel(p: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            c => parts.push(c),
        }
    }
    Some(parts.join("/"))
}

/// The paths matching a pattern, component by component, in name order.
fn expand_glob(root: &Root<'_>, pattern: &str) -> Result<Vec<String>> {
    let mut found = vec![String::new()];
    for part in pattern.split('/') {
        let mut next = Vec::new();
        for base in &found {
            let names = list(root, base)?;
            for n in names {
                if glob(part.as_bytes(), n.as_bytes()) {
                    next.push(if base.is_empty() {
                        n
                    } else {
                        format!("{base}/{n}")
                    });
                }
            }
        }
        found = next;
    }
    Ok(found)
}

/// Names in a directory of the root (none if it is not one).
fn list(root: &Root<'_>, rel: &str) -> Result<Vec<String>> {
    let mut names = match root {
        Root::Dir { path, .. } => match fs::read_dir(path.join(rel)) {
            Ok(rd) => rd
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => vec![],
        },
        Root::Layers { view, .. } => match view.dir(rel)? {
            Some((d, _)) => view
                .entries(&d)?
                .into_iter()
                .map(|e| e.name.to_string_lossy().into_owned())
                .collect(),
            None => vec![],
        },
    };
    names.sort();
    Ok(names)
}

/// How the sources' entries are written.
pub struct CopyAttrs {
    /// `--chown` (resolved ids), else root for host sources, the files' own for layers.
    pub owner: Option<(u32, u32)>,
    pub chmod: Option<u32>,
}

/// Write `found` as `dest` (the full path of the entry in the layer, no
/// leading slash); a directory's contents go under `dest`.
pub fn write_source(
    packer: &mut Packer<impl std::io::Write>,
    root: &Root<'_>,
    found: &Found,
    dest: &str,
    attrs: &CopyAttrs,
) -> Result<()> {
    let meta = fs::symlink_metadata(found.path())
        .with_context(|| format!("reading {}", found.path().display()))?;
    let is_layer = matches!(found, Found::Layer { .. });
    let entry_attrs = |p: &mut Packer<_>, path: &Path, meta: &fs::Metadata| -> Attrs {
        let recorded = if is_layer {
            p.recorded_attrs(path, meta)
        } else {
            Attrs::default()
        };
        Attrs {
            owner: attrs.owner.or(if is_layer {
                recorded.owner
            } else {
                Some((0, 0))
            }),
            mode: attrs.chmod.or(recorded.mode),
        }
    };
    if !meta.is_dir() {
        let a = entry_attrs(packer, found.path(), &meta);
        return packer.add_entry(dest.as_bytes(), found.path(), &meta, a);
    }
    match root {
        Root::Dir { ignore, .. } => walk_host(
            packer,
            found.path(),
            found.rel(),
            dest,
            ignore,
            &|p, path, m| entry_attrs(p, path, m),
        ),
        Root::Layers { dirs, view } => {
            let Some((dir, _)) = view.dir(found.rel())? else {
                return Ok(());
            };
            walk_layers(packer, dirs, view, &dir, dest, &|p, path, m| {
                entry_attrs(p, path, m)
            })
        }
    }
}

type AttrsFn<'a, W> = dyn Fn(&mut Packer<W>, &Path, &fs::Metadata) -> Attrs + 'a;

fn walk_host<W: std::io::Write>(
    packer: &mut Packer<W>,
    dir: &Path,
    rel: &str,
    dest: &str,
    ignore: &Ignore,
    attrs: &AttrsFn<'_, W>,
) -> Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("reading {}", dir.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let crel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let meta = e
            .metadata()
            .with_context(|| format!("reading {}", e.path().display()))?;
        let excluded = !ignore.is_empty() && ignore.excludes(&crel);
        if excluded && !(meta.is_dir() && ignore.may_include_under(&crel)) {
            continue;
        }
        let cdest = join(dest, &name);
        if !excluded {
            let a = attrs(packer, &e.path(), &meta);
            packer.add_entry(cdest.as_bytes(), &e.path(), &meta, a)?;
        }
        if meta.is_dir() {
            walk_host(packer, &e.path(), &crel, &cdest, ignore, attrs)?;
        }
    }
    Ok(())
}

fn walk_layers<W: std::io::Write>(
    packer: &mut Packer<W>,
    dirs: &[PathBuf],
    view: &MergedView,
    dir: &crate::overlay::merged::MergedDir,
    dest: &str,
    attrs: &AttrsFn<'_, W>,
) -> Result<()> {
    for e in view.entries(dir)? {
        let path = dirs[e.layer].join(std::ffi::OsStr::from_bytes(e.path.as_bytes()));
        let meta =
            fs::symlink_metadata(&path).with_context(|| format!("reading {}", path.display()))?;
        let cdest = join(dest, &e.name.to_string_lossy());
        let a = attrs(packer, &path, &meta);
        packer.add_entry(cdest.as_bytes(), &path, &meta, a)?;
        if let EntryKind::Dir(d) = &e.kind {
            walk_layers(packer, dirs, view, d, &cdest, attrs)?;
        }
    }
    Ok(())
}

pub fn join(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_string()
    } else {
        format!("{}/{name}", dir.trim_end_matches('/'))
    }
}

/// The cache key part of sources: names, modes, owners, sizes, link targets
/// and content (not times), in walk order.
pub fn content_key(root: &Root<'_>, found: &[Found]) -> Result<String> {
    let mut h = Sha256::new();
    for f in found {
        h.update(f.rel().as_bytes());
        h.update([0]);
        hash_tree(&mut h, root, f.path(), f.rel())?;
    }
    Ok(hex::encode(h.finalize()))
}

fn hash_tree(h: &mut Sha256, root: &Root<'_>, path: &Path, rel: &str) -> Result<()> {
    let meta = fs::symlink_metadata(path).with_context(|| format!("reading {}", path.display()))?;
    h.update(
        format!(
            "{rel}\0{:o}\0{}:{}\0{}\0",
            meta.mode(),
            meta.uid(),
            meta.gid(),
            meta.len()
        )
        .as_bytes(),
    );
    if meta.file_type().is_symlink() {
        h.update(fs::read_link(path)?.as_os_str().as_bytes());
    } else if meta.is_file() {
        let mut f = fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = f.read(&mut buf)?;
            if n == 0 {
                break;
            }
            h.update(&buf[..n]);
        }
    } else if meta.is_dir() {
        match root {
            Root::Dir { ignore, .. } => {
                let mut names: Vec<_> = fs::read_dir(path)?
                    .flatten()
                    .map(|e| e.file_name())
                    .collect();
                names.sort();
                for n in names {
                    let crel = join(rel, &n.to_string_lossy());
                    if !ignore.is_empty()
                        && ignore.excludes(&crel)
                        && !ignore.may_include_under(&crel)
                    {
                        continue;
                    }
                    hash_tree(h, root, &path.join(&n), &crel)?;
                }
            }
            Root::Layers { dirs, view } => {
                if let Some((d, _)) = view.dir(rel)? {
                    for e in view.entries(&d)? {
                        let p = dirs[e.layer].join(std::ffi::OsStr::from_bytes(e.path.as_bytes()));
                        hash_tree(h, root, &p, &join(rel, &e.name.to_string_lossy()))?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Whether the file at `path` is a tar archive ADD extracts (plain, gzip,
/// zstd; bzip2 and xz are named as unsupported).
pub fn archive_kind(path: &Path) -> Result<Option<&'static str>> {
    let mut head = [0u8; 512];
    let mut f = fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    let head = &head[..n];
    Ok(if head.starts_with(&[0x1f, 0x8b]) {
        Some("gzip")
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some("zstd")
    } else if head.starts_with(b"BZh") {
        Some("bzip2")
    } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        Some("xz")
    } else if head.get(257..262) == Some(b"ustar") {
        Some("tar")
    } else {
        None
    })
}

/// A compressed file that is not a tar stays a file: peek into it.
pub fn compressed_tar(path: &Path) -> Result<bool> {
    let f = fs::File::open(path)?;
    let (_, mut plain) = crate::layer::compression::decompress(f)?;
    let mut head = [0u8; 512];
    let mut n = 0;
    while n < head.len() {
        match plain.read(&mut head[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    Ok(head.get(257..262) == Some(b"ustar"))
}

/// A digest given by `ADD --checksum=sha256:…`.
pub fn parse_checksum(s: &str) -> Result<Digest> {
    let hex = s
        .strip_prefix("sha256:")
        .with_context(|| format!("--checksum={s}: expected sha256:HEX"))?;
    Digest::from_hex(hex).map_err(|e| anyhow::anyhow!("--checksum={s}: {e}"))
}
