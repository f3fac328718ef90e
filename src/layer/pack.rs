//! Writing layers: a tar stream in OCI's layer form, made from a directory in
//! the store's layer form (a container's writable layer: whiteouts as 0/0
//! character devices, `user.overlay.opaque` on opaque directories, recorded
//! owners in `user.containers.override_stat`) or from single files (a build's
//! COPY), and stored as a layer: its tar kept as the layer's blob (digest =
//! diff_id) and unpacked into `layers/<diff_id>` by the unpacker pulls use.

use std::collections::HashMap;
use std::ffi::{CString, OsStr};
use std::fs::{self, File, Metadata};
use std::io::{self, BufWriter, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

use anyhow::{Context, Result};
use tar::{EntryType, Header};

use super::unpack::{parse_override, OPAQUE_XATTR, OVERRIDE_XATTR};
use crate::digest::{Digest, HashingWriter};
use crate::store::layers::LayerInfo;
use crate::store::tmp::TempEntry;
use crate::store::Store;

/// Owner and mode an entry is written with, where they differ from the file's.
#[derive(Clone, Copy, Debug, Default)]
pub struct Attrs {
    pub owner: Option<(u32, u32)>,
    /// Permission bits for files (and, unless `dir_mode` is set, directories).
    pub mode: Option<u32>,
}

/// A layer tar being written.
pub struct Packer<W: Write> {
    builder: tar::Builder<W>,
    /// Inodes with several links already written, by (dev, ino): their first path.
    links: HashMap<(u64, u64), Vec<u8>>,
    /// mtimes later than this are written as this (`--timestamp`, SOURCE_DATE_EPOCH).
    clamp: Option<u64>,
    /// Owners recorded in the override xattr apply whatever the disk owner
    /// (single-uid mode: every file on disk is the user's).
    single_uid: bool,
    /// Where the bytes of the files written are counted (a large COPY's bar).
    progress: Option<crate::progress::Item>,
}

impl<W: Write> Packer<W> {
    pub fn new(out: W, clamp: Option<u64>) -> Packer<W> {
        let mut builder = tar::Builder::new(out);
        builder.follow_symlinks(false);
        Packer {
            builder,
            links: HashMap::new(),
            clamp,
            single_uid: crate::userns::current().mode() == "single-uid",
            progress: None,
        }
    }

    /// Count the bytes of the files written from now on on `item`; the
    /// item it counted on before, if any.
    pub fn report_to(
        &mut self,
        item: Option<crate::progress::Item>,
    ) -> Option<crate::progress::Item> {
        std::mem::replace(&mut self.progress, item)
    }

    /// Every entry under the layer-form directory `dir`, by sorted name, as
    /// the changes of a layer (whiteouts and opaque markers in OCI's form).
    pub fn add_layer_dir(&mut self, dir: &Path) -> Result<()> {
        self.walk_layer(dir, b"")
    }

    fn walk_layer(&mut self, dir: &Path, rel: &[u8]) -> Result<()> {
        for (name, path) in sorted_entries(dir)? {
            let meta = fs::symlink_metadata(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let archive = join(rel, name.as_bytes());
            if meta.file_type().is_char_device() && meta.rdev() == 0 {
                self.add_marker(&join(rel, &[b".wh.", name.as_bytes()].concat()))?;
                continue;
            }
            let attrs = self.recorded_attrs(&path, &meta);
            self.add_entry(&archive, &path, &meta, attrs)?;
            if meta.is_dir() {
                if crate::fsat::get_xattr(&path, OPAQUE_XATTR)?.as_deref() == Some(b"y") {
                    self.add_marker(&join(&archive, b".wh..wh..opq"))?;
                }
                self.walk_layer(&path, &archive)?;
            }
        }
        Ok(())
    }

    /// The layer-form directories `dirs` (lowest first) as the changes of one
    /// layer (`husk build --squash`): each path as the topmost of them has it,
    /// whiteouts kept, and a directory that one of them replaced or made
    /// opaque marked opaque (what lay below the lowest is hidden as before).
    pub fn add_layer_dirs(&mut self, dirs: &[std::path::PathBuf]) -> Result<()> {
        let top_first: Vec<std::path::PathBuf> = dirs.iter().rev().cloned().collect();
        self.walk_layers(&top_first, b"")
    }

    /// `dirs`: one directory as each layer that has it shows it, top first.
    fn walk_layers(&mut self, dirs: &[std::path::PathBuf], rel: &[u8]) -> Result<()> {
        let mut names = std::collections::BTreeSet::new();
        for d in dirs {
            names.extend(sorted_entries(d)?.into_iter().map(|(n, _)| n));
        }
        for name in names {
            let archive = join(rel, name.as_bytes());
            // The topmost layer that has it.
            let Some((at, path, meta)) = dirs.iter().enumerate().find_map(|(i, d)| {
                let p = d.join(&name);
                fs::symlink_metadata(&p).ok().map(|m| (i, p, m))
            }) else {
                continue;
            };
            if meta.file_type().is_char_device() && meta.rdev() == 0 {
                self.add_marker(&join(rel, &[b".wh.", name.as_bytes()].concat()))?;
                continue;
            }
            let attrs = self.recorded_attrs(&path, &meta);
            self.add_entry(&archive, &path, &meta, attrs)?;
            if !meta.is_dir() {
                continue;
            }
            let (chain, opaque) = dir_chain(&dirs[at + 1..], &name, path)?;
            if opaque {
                self.add_marker(&join(&archive, b".wh..wh..opq"))?;
            }
            self.walk_layers(&chain, &archive)?;
        }
        Ok(())
    }

    /// The owner and mode the override xattr records, where it applies (as
    /// the FUSE overlay presents them).
    pub fn recorded_attrs(&self, path: &Path, meta: &Metadata) -> Attrs {
        if meta.file_type().is_symlink() || !(self.single_uid || meta.uid() == 0 && meta.gid() == 0)
        {
            return Attrs::default();
        }
        match crate::fsat::get_xattr(path, OVERRIDE_XATTR)
            .ok()
            .flatten()
            .and_then(|v| parse_override(&v))
        {
            Some((uid, gid, mode)) => Attrs {
                owner: Some((uid, gid)),
                mode: Some(mode & 0o7777),
            },
            None => Attrs::default(),
        }
    }

    /// An empty regular file: a whiteout or an opaque marker.
    fn add_marker(&mut self, archive: &[u8]) -> Result<()> {
        let mut h = Header::new_gnu();
        h.set_entry_type(EntryType::Regular);
        h.set_size(0);
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        self.builder
            .append_data(&mut h, OsStr::from_bytes(archive), io::empty())
            .context("writing the layer")
    }

    /// The file `path` (of metadata `meta`) as the entry `archive`: a
    /// directory, a regular file (a hard link to an entry written before when
    /// it has several links), a symlink or a FIFO. Sockets and device nodes
    /// are left out, as docker leaves them out of layers.
    pub fn add_entry(
        &mut self,
        archive: &[u8],
        path: &Path,
        meta: &Metadata,
        attrs: Attrs,
    ) -> Result<()> {
        let ft = meta.file_type();
        let mut h = Header::new_gnu();
        let (uid, gid) = attrs.owner.unwrap_or((meta.uid(), meta.gid()));
        h.set_uid(uid.into());
        h.set_gid(gid.into());
        h.set_mode(attrs.mode.unwrap_or(meta.mode() & 0o7777));
        let mtime = meta.mtime().max(0) as u64;
        h.set_mtime(self.clamp.map_or(mtime, |c| mtime.min(c)));
        let name = OsStr::from_bytes(archive);
        let xattrs = if ft.is_symlink() {
            Vec::new()
        } else {
            layer_xattrs(path)
        };
        if !xattrs.is_empty() {
            let records: Vec<(String, &[u8])> = xattrs
                .iter()
                .map(|(k, v)| {
                    (
                        format!("SCHILY.xattr.{}", String::from_utf8_lossy(k)),
                        v.as_slice(),
                    )
                })
                .collect();
            self.builder
                .append_pax_extensions(records.iter().map(|(k, v)| (k.as_str(), *v)))
                .context("writing the layer")?;
        }
        let written = if ft.is_dir() {
            h.set_entry_type(EntryType::Directory);
            h.set_size(0);
            self.builder.append_data(&mut h, name, io::empty())
        } else if ft.is_symlink() {
            let target =
                fs::read_link(path).with_context(|| format!("reading {}", path.display()))?;
            h.set_entry_type(EntryType::Symlink);
            h.set_size(0);
            self.builder.append_link(&mut h, name, target)
        } else if ft.is_fifo() {
            h.set_entry_type(EntryType::Fifo);
            h.set_size(0);
            self.builder.append_data(&mut h, name, io::empty())
        } else if ft.is_file() {
            let key = (meta.dev(), meta.ino());
            if meta.nlink() > 1 {
                if let Some(first) = self.links.get(&key) {
                    h.set_entry_type(EntryType::Link);
                    h.set_size(0);
                    let first = OsStr::from_bytes(first).to_owned();
                    return self
                        .builder
                        .append_link(&mut h, name, first)
                        .context("writing the layer");
                }
                self.links.insert(key, archive.to_vec());
            }
            let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
            h.set_entry_type(EntryType::Regular);
            h.set_size(meta.len());
            let written = self.builder.append_data(&mut h, name, file);
            if let Some(p) = &self.progress {
                p.inc(meta.len());
            }
            written
        } else {
            return Ok(());
        };
        written.with_context(|| format!("writing {} into the layer", path.display()))
    }

    /// A directory made by the build itself (a COPY's missing parents).
    pub fn add_dir(
        &mut self,
        archive: &[u8],
        mode: u32,
        owner: (u32, u32),
        mtime: u64,
    ) -> Result<()> {
        let mut h = self.made_header(EntryType::Directory, mode, owner, mtime);
        h.set_size(0);
        self.builder
            .append_data(&mut h, OsStr::from_bytes(archive), io::empty())
            .context("writing the layer")
    }

    /// A regular file of `data` (a heredoc, a download).
    pub fn add_bytes(
        &mut self,
        archive: &[u8],
        data: &[u8],
        mode: u32,
        owner: (u32, u32),
        mtime: u64,
    ) -> Result<()> {
        let mut h = self.made_header(EntryType::Regular, mode, owner, mtime);
        h.set_size(data.len() as u64);
        self.builder
            .append_data(&mut h, OsStr::from_bytes(archive), data)
            .context("writing the layer")
    }

    fn made_header(&self, kind: EntryType, mode: u32, owner: (u32, u32), mtime: u64) -> Header {
        let mut h = Header::new_gnu();
        h.set_entry_type(kind);
        h.set_mode(mode & 0o7777);
        h.set_uid(owner.0.into());
        h.set_gid(owner.1.into());
        h.set_mtime(self.clamp.map_or(mtime, |c| mtime.min(c)));
        h
    }

    /// Every entry of the tar `archive` (ADD of a local archive), under
    /// `prefix`: names and hard-link targets with `..` are refused, absolute
    /// ones taken as relative, owners and modes kept.
    pub fn add_archive<R: io::Read>(&mut self, archive: R, prefix: &[u8]) -> Result<()> {
        let mut tar = tar::Archive::new(super::guard::TarGuard::new(archive));
        for entry in tar.entries().context("reading the archive")? {
            let mut entry = entry.context("reading the archive")?;
            let name = under(prefix, &entry.path_bytes())?;
            let mut h = entry.header().clone();
            let kind = h.entry_type();
            if let Some(c) = self.clamp {
                h.set_mtime(h.mtime().unwrap_or(0).min(c));
            }
            let written = match kind {
                EntryType::Symlink => {
                    let target = entry.link_name_bytes().unwrap_or_default().into_owned();
                    self.builder.append_link(
                        &mut h,
                        OsStr::from_bytes(&name),
                        OsStr::from_bytes(&target),
                    )
                }
                EntryType::Link => {
                    let target = entry.link_name_bytes().unwrap_or_default().into_owned();
                    let target = under(prefix, &target)?;
                    self.builder.append_link(
                        &mut h,
                        OsStr::from_bytes(&name),
                        OsStr::from_bytes(&target),
                    )
                }
                EntryType::Regular
                | EntryType::Continuous
                | EntryType::Directory
                | EntryType::Fifo => {
                    self.builder
                        .append_data(&mut h, OsStr::from_bytes(&name), &mut entry)
                }
                _ => continue, // devices, PAX/GNU records (read by the crate)
            };
            written.context("writing the layer")?;
        }
        Ok(())
    }

    /// Close the archive and give back the writer.
    pub fn finish(self) -> Result<W> {
        self.builder.into_inner().context("writing the layer")
    }
}

/// A directory's entries sorted by name (the same layer twice gives the same tar).
/// The directory `top` and, below it in `lower` (top first), each layer's
/// directory `name` that shows through; whether something hid what lay under
/// them (an opaque marker, or a layer where `name` is a file or a whiteout).
fn dir_chain(
    lower: &[std::path::PathBuf],
    name: &std::ffi::OsStr,
    top: std::path::PathBuf,
) -> Result<(Vec<std::path::PathBuf>, bool)> {
    let opaque = |p: &Path| -> Result<bool> {
        Ok(crate::fsat::get_xattr(p, OPAQUE_XATTR)?.as_deref() == Some(b"y"))
    };
    let mut hidden = opaque(&top)?;
    let mut chain = vec![top];
    for d in lower {
        if hidden {
            break;
        }
        let p = d.join(name);
        match fs::symlink_metadata(&p) {
            Ok(m) if m.is_dir() => {
                hidden = opaque(&p)?;
                chain.push(p);
            }
            Ok(_) => hidden = true,
            Err(_) => {}
        }
    }
    Ok((chain, hidden))
}

fn sorted_entries(dir: &Path) -> Result<Vec<(std::ffi::OsString, std::path::PathBuf)>> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .map(|e| e.map(|e| (e.file_name(), e.path())))
        .collect::<io::Result<_>>()
        .with_context(|| format!("reading {}", dir.display()))?;
    entries.sort();
    Ok(entries)
}

/// `name` (from an archive) under `prefix`; `..` refused, a leading `/` dropped.
fn under(prefix: &[u8], name: &[u8]) -> Result<Vec<u8>> {
    let mut out = prefix.to_vec();
    for part in name.split(|b| *b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => anyhow::bail!(
                "archive entry {:?}: a path with '..' is refused",
                String::from_utf8_lossy(name)
            ),
            p => out = join(&out, p),
        }
    }
    Ok(out)
}

fn join(rel: &[u8], name: &[u8]) -> Vec<u8> {
    if rel.is_empty() {
        name.to_vec()
    } else {
        [rel, b"/", name].concat()
    }
}

/// The xattrs a layer carries: `user.*` but overlay's and husk's own markers,
/// and file capabilities (what the unpacker sets again).
fn layer_xattrs(path: &Path) -> Vec<(Vec<u8>, Vec<u8>)> {
    let Ok(cpath) = CString::new(path.as_os_str().as_bytes()) else {
        return Vec::new();
    };
    let mut names = vec![0u8; 4096];
    // SAFETY: cpath is NUL-terminated; names is writable for names.len() bytes.
    let n = unsafe { libc::llistxattr(cpath.as_ptr(), names.as_mut_ptr().cast(), names.len()) };
    if n <= 0 {
        return Vec::new();
    }
    names.truncate(n as usize);
    let mut out = Vec::new();
    for key in names.split(|b| *b == 0).filter(|k| !k.is_empty()) {
        let keep = (key.starts_with(b"user.")
            && !key.starts_with(b"user.overlay.")
            && !key.starts_with(b"user.containers."))
            || key == b"security.capability";
        let Ok(ckey) = CString::new(key) else {
            continue;
        };
        if keep {
            if let Ok(Some(value)) = crate::fsat::get_xattr(path, &ckey) {
                out.push((key.to_vec(), value));
            }
        }
    }
    out
}

/// A layer tar being written into the store's `tmp/`, hashed as it goes.
pub struct LayerTar {
    temp: TempEntry,
    packer: Packer<BufWriter<HashingWriter<File>>>,
}

impl LayerTar {
    pub fn create(store: &Store, clamp: Option<u64>) -> Result<LayerTar> {
        let temp = TempEntry::create_dir(&store.tmp_dir(), "layer-tar")?;
        let file = File::create(temp.path().join("layer.tar")).context("creating a layer tar")?;
        let packer = Packer::new(BufWriter::new(HashingWriter::new(file)), clamp);
        Ok(LayerTar { temp, packer })
    }

    pub fn packer(&mut self) -> &mut Packer<BufWriter<HashingWriter<File>>> {
        &mut self.packer
    }

    /// Finish the tar and store it as a layer (shared with any image that has
    /// it already): the tar becomes the blob `diff_id`, its tree `layers/<diff_id>`.
    pub fn commit(self, store: &Store) -> Result<LayerInfo> {
        let hashing = self
            .packer
            .finish()?
            .into_inner()
            .map_err(|e| e.into_error())
            .context("writing the layer")?;
        let (diff_id, size, file) = hashing.finish();
        file.sync_all().context("writing the layer")?;
        drop(file);
        store_tar(store, &self.temp.path().join("layer.tar"), &diff_id, size)
    }
}

/// Store the tar at `tar` (of digest `diff_id`, `size` bytes) as a layer; the
/// file is moved into `blobs/`.
fn store_tar(store: &Store, tar: &Path, diff_id: &Digest, size: u64) -> Result<LayerInfo> {
    let _lock = store.lock_layer(diff_id)?;
    let blob = store.blob_path(diff_id);
    if !blob.exists() {
        fs::rename(tar, &blob).context("storing the layer tar")?;
        crate::store::sync_parent(&blob)?;
    }
    if store.has_layer(diff_id) {
        return store.layer_info(diff_id);
    }
    let writer = store.new_layer()?;
    let file = File::open(&blob).context("reading the layer tar back")?;
    let stats = super::unpack(io::BufReader::new(file), &writer.diff_dir())?;
    let info = LayerInfo::unpacked(
        diff_id.clone(),
        size,
        (diff_id.clone(), size),
        None,
        stats.owners_recorded > 0,
    );
    store.commit_layer(writer, &info)?;
    Ok(info)
}
