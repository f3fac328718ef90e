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
    pub fn path(&self) -> &Path {
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

/// The paths in the root `root` a COPY source names (a pattern may name
/// many; those `exclude` names are left out).
pub fn resolve_sources(root: &Root<'_>, src: &str, exclude: &Ignore) -> Result<Vec<Found>> {
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
        let name = rel.rsplit('/').next().unwrap_or_default();
        if has_glob && !exclude.is_empty() && (exclude.excludes(name) || exclude.excludes(&rel)) {
            continue;
        }
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

/// What a walk of a source leaves out: `.dockerignore` (paths in the
/// context) and `--exclude` (paths in the source: under a copied directory,
/// or a copied file's name).
#[derive(Clone, Copy)]
struct Filter<'a> {
    ignore: Option<&'a Ignore>,
    exclude: &'a Ignore,
}

/// Whether an entry is written, and whether the walk goes into it.
struct Verdict {
    keep: bool,
    descend: bool,
}

impl Filter<'_> {
    fn of<'a>(root: &'a Root<'_>, exclude: &'a Ignore) -> Filter<'a> {
        let ignore = match root {
            Root::Dir { ignore, .. } if !ignore.is_empty() => Some(*ignore),
            _ => None,
        };
        Filter { ignore, exclude }
    }

    /// The entry at `ctx_rel` in its root, `src_rel` under the source.
    fn verdict(&self, ctx_rel: &str, src_rel: &str, is_dir: bool) -> Verdict {
        let mut keep = true;
        let mut descend = is_dir;
        for (set, rel) in [(self.ignore, ctx_rel), (Some(self.exclude), src_rel)] {
            let Some(set) = set.filter(|s| !s.is_empty()) else {
                continue;
            };
            if set.excludes(rel) {
                keep = false;
                descend &= set.may_include_under(rel);
            }
        }
        Verdict { keep, descend }
    }
}

/// Write `found` as `dest` (the full path of the entry in the layer, no
/// leading slash); a directory's contents go under `dest`, less what
/// `exclude` names.
pub fn write_source(
    packer: &mut Packer<impl std::io::Write>,
    root: &Root<'_>,
    found: &Found,
    dest: &str,
    attrs: &CopyAttrs,
    exclude: &Ignore,
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
    let filter = Filter::of(root, exclude);
    let at = Place {
        rel: found.rel().to_string(),
        src_rel: String::new(),
        dest: dest.to_string(),
    };
    match root {
        Root::Dir { .. } => walk_host(packer, found.path(), &at, filter, &|p, path, m| {
            entry_attrs(p, path, m)
        }),
        Root::Layers { dirs, view } => {
            let Some((dir, _)) = view.dir(found.rel())? else {
                return Ok(());
            };
            let layers = (dirs.as_slice(), view);
            walk_layers(packer, layers, &dir, &at, filter, &|p, path, m| {
                entry_attrs(p, path, m)
            })
        }
    }
}

/// Where a walk is: the path in the root, under the source, and in the layer.
struct Place {
    rel: String,
    src_rel: String,
    dest: String,
}

impl Place {
    fn child(&self, name: &str) -> Place {
        Place {
            rel: join(&self.rel, name),
            src_rel: join(&self.src_rel, name),
            dest: join(&self.dest, name),
        }
    }
}

type AttrsFn<'a, W> = dyn Fn(&mut Packer<W>, &Path, &fs::Metadata) -> Attrs + 'a;

fn walk_host<W: std::io::Write>(
    packer: &mut Packer<W>,
    dir: &Path,
    at: &Place,
    filter: Filter<'_>,
    attrs: &AttrsFn<'_, W>,
) -> Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("reading {}", dir.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let child = at.child(&e.file_name().to_string_lossy());
        let meta = e
            .metadata()
            .with_context(|| format!("reading {}", e.path().display()))?;
        let v = filter.verdict(&child.rel, &child.src_rel, meta.is_dir());
        if v.keep {
            let a = attrs(packer, &e.path(), &meta);
            packer.add_entry(child.dest.as_bytes(), &e.path(), &meta, a)?;
        }
        if v.descend {
            walk_host(packer, &e.path(), &child, filter, attrs)?;
        }
    }
    Ok(())
}

fn walk_layers<W: std::io::Write>(
    packer: &mut Packer<W>,
    layers: (&[PathBuf], &MergedView),
    dir: &crate::overlay::merged::MergedDir,
    at: &Place,
    filter: Filter<'_>,
    attrs: &AttrsFn<'_, W>,
) -> Result<()> {
    let (dirs, view) = layers;
    for e in view.entries(dir)? {
        let path = dirs[e.layer].join(std::ffi::OsStr::from_bytes(e.path.as_bytes()));
        let meta =
            fs::symlink_metadata(&path).with_context(|| format!("reading {}", path.display()))?;
        let child = at.child(&e.name.to_string_lossy());
        let v = filter.verdict(&child.rel, &child.src_rel, meta.is_dir());
        if v.keep {
            let a = attrs(packer, &path, &meta);
            packer.add_entry(child.dest.as_bytes(), &path, &meta, a)?;
        }
        if let (true, EntryKind::Dir(d)) = (v.descend, &e.kind) {
            walk_layers(packer, layers, d, &child, filter, attrs)?;
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
pub fn content_key(root: &Root<'_>, found: &[Found], exclude: &Ignore) -> Result<SourcesKey> {
    let mut h = KeyHasher {
        sha: Sha256::new(),
        bytes: 0,
    };
    let filter = Filter::of(root, exclude);
    for f in found {
        h.sha.update(f.rel().as_bytes());
        h.sha.update([0]);
        let at = Place {
            rel: f.rel().to_string(),
            src_rel: String::new(),
            dest: String::new(),
        };
        let keep = Verdict {
            keep: true,
            descend: true,
        };
        hash_tree(&mut h, root, f.path(), &at, filter, keep)?;
    }
    Ok(SourcesKey {
        key: hex::encode(h.sha.finalize()),
        bytes: h.bytes,
    })
}

/// What `content_key` found.
pub struct SourcesKey {
    pub key: String,
    /// The size of the regular files, for progress.
    pub bytes: u64,
}

struct KeyHasher {
    sha: Sha256,
    bytes: u64,
}

/// Hash the entry at `path` (when `v.keep`) and what the walk finds under it.
fn hash_tree(
    h: &mut KeyHasher,
    root: &Root<'_>,
    path: &Path,
    at: &Place,
    filter: Filter<'_>,
    v: Verdict,
) -> Result<()> {
    let meta = fs::symlink_metadata(path).with_context(|| format!("reading {}", path.display()))?;
    if v.keep {
        hash_entry(h, path, &at.rel, &meta)?;
    }
    if !meta.is_dir() || !v.descend {
        return Ok(());
    }
    let children: Vec<(String, PathBuf)> = match root {
        Root::Dir { .. } => {
            let mut names: Vec<_> = fs::read_dir(path)?
                .flatten()
                .map(|e| e.file_name())
                .collect();
            names.sort();
            names
                .into_iter()
                .map(|n| (n.to_string_lossy().into_owned(), path.join(&n)))
                .collect()
        }
        Root::Layers { dirs, view } => match view.dir(&at.rel)? {
            Some((d, _)) => view
                .entries(&d)?
                .into_iter()
                .map(|e| {
                    let p = dirs[e.layer].join(std::ffi::OsStr::from_bytes(e.path.as_bytes()));
                    (e.name.to_string_lossy().into_owned(), p)
                })
                .collect(),
            None => vec![],
        },
    };
    for (name, p) in children {
        let child = at.child(&name);
        let is_dir = fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
        let v = filter.verdict(&child.rel, &child.src_rel, is_dir);
        if v.keep || v.descend {
            hash_tree(h, root, &p, &child, filter, v)?;
        }
    }
    Ok(())
}

/// One entry's name, mode, owner, size and content (or link target).
fn hash_entry(h: &mut KeyHasher, path: &Path, rel: &str, meta: &fs::Metadata) -> Result<()> {
    if meta.is_file() {
        h.bytes += meta.len();
    }
    let h = &mut h.sha;
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
    }
    Ok(())
}

/// A digest given by `ADD --checksum=sha256:…`.
pub fn parse_checksum(s: &str) -> Result<Digest> {
    let hex = s
        .strip_prefix("sha256:")
        .with_context(|| format!("--checksum={s}: expected sha256:HEX"))?;
    Digest::from_hex(hex).map_err(|e| anyhow::anyhow!("--checksum={s}: {e}"))
}
