//! `husk save`: images of the store into a file or a directory, in the
//! formats docker and podman write:
//!
//! - `docker-archive` (the default, `docker save`'s): a tar of
//!   `manifest.json` (`[{Config, RepoTags, Layers}]`), `repositories`,
//!   `<config hex>.json` and each layer as `<diff_id hex>.tar`;
//! - `oci-archive` / `oci-dir`: an OCI image layout (`oci-layout`,
//!   `index.json` naming each image by `org.opencontainers.image.ref.name`,
//!   `blobs/sha256/`), as a tar or a directory;
//! - `docker-dir`: containers/image's `dir:` layout (`manifest.json`,
//!   `version`, blobs named by their hex).
//!
//! Layers are written uncompressed, rebuilt byte for byte (their digest is
//! their diff_id, checked as they are written), so the config and image id
//! are those of the store. With `--compress` (podman's, for the directory
//! formats) they are gzipped on every core as they are written, named by the
//! digest of what was written.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::config::Config;
use crate::digest::{Digest, HashingReader};
use crate::layer::split;
use crate::store::images::ImageRecord;
use crate::store::Store;

/// The formats `--format` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveFormat {
    DockerArchive,
    OciArchive,
    OciDir,
    DockerDir,
}

impl std::str::FromStr for SaveFormat {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "docker-archive" => SaveFormat::DockerArchive,
            "oci-archive" => SaveFormat::OciArchive,
            "oci-dir" => SaveFormat::OciDir,
            "docker-dir" => SaveFormat::DockerDir,
            other => {
                bail!("--format {other:?}: docker-archive, oci-archive, oci-dir or docker-dir")
            }
        })
    }
}

impl SaveFormat {
    /// Whether it is written as a directory (the others are one tar).
    pub fn is_dir(self) -> bool {
        matches!(self, SaveFormat::OciDir | SaveFormat::DockerDir)
    }
}

/// Where a save goes.
pub enum Target<'a> {
    /// A file, written under a temporary name and renamed when complete.
    File(PathBuf),
    /// A directory (the `-dir` formats), made new.
    Dir(PathBuf),
    /// A stream (standard output, an API client): a tar format.
    Stream(&'a mut dyn Write),
}

/// One image to save: its record and the names it is saved under.
struct Saved {
    record: ImageRecord,
    names: Vec<String>,
}

/// Save the images `inputs` names as `format` to `target` (`compress`: the
/// layers of a directory format gzipped).
pub fn save(
    store: &Store,
    config: &Config,
    inputs: &[String],
    format: SaveFormat,
    target: Target<'_>,
    compress: bool,
) -> Result<()> {
    if compress && !format.is_dir() {
        bail!(
            "--compress needs --format oci-dir or docker-dir (an archive's layers are plain tars)"
        );
    }
    let images = store.images()?;
    let mut saved: Vec<Saved> = Vec::new();
    for input in inputs {
        let record = images[super::lookup::find(&images, input, config)?].clone();
        // By id: all its names; by name: that name.
        let names = if record
            .id
            .hex()
            .starts_with(input.trim_start_matches("sha256:"))
        {
            record.names.clone()
        } else {
            record
                .names
                .iter()
                .filter(|n| super::lookup::name_matches(input, n, false))
                .cloned()
                .collect()
        };
        match saved.iter_mut().find(|s| s.record.id == record.id) {
            Some(s) => s.names.extend(names),
            None => saved.push(Saved { record, names }),
        }
    }
    // Nothing saved is collected while it is read.
    let _gc = store.gc_guard()?;
    match (format.is_dir(), target) {
        (true, Target::Dir(dir)) => {
            let mut out = DirOut::create(&dir)?;
            write_format(store, &saved, format, &mut out, compress)
        }
        (false, Target::File(path)) => crate::output::write_file(&path, |w| {
            let mut out = TarOut(tar::Builder::new(w));
            write_format(store, &saved, format, &mut out, false)?;
            out.0.into_inner()?;
            Ok(())
        }),
        (false, Target::Stream(w)) => {
            let mut out = TarOut(tar::Builder::new(BufWriter::new(w)));
            write_format(store, &saved, format, &mut out, false)?;
            out.0.into_inner()?.flush()?;
            Ok(())
        }
        (true, _) => bail!("--format {format:?} writes a directory: give it with -o DIR"),
        (false, Target::Dir(_)) => unreachable!("a directory target is only made for -dir formats"),
    }
}

/// Where entries of a save are written: a tar or a directory.
trait Out {
    fn bytes(&mut self, path: &str, data: &[u8]) -> Result<()>;
    /// A file of `size` bytes read from `data`.
    fn stream(&mut self, path: &str, size: u64, data: &mut dyn Read) -> Result<()>;
    /// `data` gzipped into a file named by `name` from the digest of what was
    /// written; that digest and size. Directories only.
    fn gzipped(
        &mut self,
        name: &dyn Fn(&Digest) -> String,
        data: &mut dyn Read,
    ) -> Result<(Digest, u64)>;
}

struct TarOut<W: Write>(tar::Builder<W>);

impl<W: Write> Out for TarOut<W> {
    fn bytes(&mut self, path: &str, data: &[u8]) -> Result<()> {
        self.stream(path, data.len() as u64, &mut &data[..])
    }

    fn stream(&mut self, path: &str, size: u64, data: &mut dyn Read) -> Result<()> {
        let mut h = tar::Header::new_ustar();
        h.set_size(size);
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(0);
        h.set_entry_type(tar::EntryType::Regular);
        self.0
            .append_data(&mut h, path, data.take(size))
            .with_context(|| format!("writing {path}"))
    }

    fn gzipped(
        &mut self,
        _: &dyn Fn(&Digest) -> String,
        _: &mut dyn Read,
    ) -> Result<(Digest, u64)> {
        bail!("an archive's layers are written as plain tars")
    }
}

struct DirOut(PathBuf);

impl DirOut {
    fn create(dir: &Path) -> Result<DirOut> {
        if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
            bail!("{}: the directory is not empty", dir.display());
        }
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(DirOut(dir.to_path_buf()))
    }
}

impl Out for DirOut {
    fn bytes(&mut self, path: &str, data: &[u8]) -> Result<()> {
        self.stream(path, data.len() as u64, &mut &data[..])
    }

    fn stream(&mut self, path: &str, size: u64, data: &mut dyn Read) -> Result<()> {
        let dest = self.0.join(path);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut f = BufWriter::new(
            File::create(&dest).with_context(|| format!("creating {}", dest.display()))?,
        );
        let n = std::io::copy(&mut data.take(size), &mut f)?;
        if n != size {
            bail!("{path}: {n} bytes of {size}");
        }
        f.flush()?;
        Ok(())
    }

    fn gzipped(
        &mut self,
        name: &dyn Fn(&Digest) -> String,
        data: &mut dyn Read,
    ) -> Result<(Digest, u64)> {
        let tmp = self.0.join(format!(".layer-{}.gz", std::process::id()));
        let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut out = crate::digest::HashingWriter::new(BufWriter::new(file));
        crate::layer::compression::gzip_parallel(data, &mut out, None)
            .with_context(|| format!("writing {}", tmp.display()))?;
        let (digest, size, w) = out.finish();
        w.into_inner()
            .map_err(|e| e.into_error())
            .and_then(|f| f.sync_all())
            .with_context(|| format!("writing {}", tmp.display()))?;
        let dest = self.0.join(name(&digest));
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::rename(&tmp, &dest).with_context(|| format!("writing {}", dest.display()))?;
        Ok((digest, size))
    }
}

/// A layer as written: its blob's digest and size, and whether gzipped.
#[derive(Clone)]
struct WrittenLayer {
    digest: Digest,
    size: u64,
    gzip: bool,
}

/// Layer `diff_id` into `out`: as the file `name(diff_id)`, or with
/// `compress` gzipped as `name(its digest)`; its tar's digest checked.
fn put_layer(
    store: &Store,
    diff_id: &Digest,
    name: &dyn Fn(&Digest) -> String,
    out: &mut dyn Out,
    compress: bool,
) -> Result<WrittenLayer> {
    if !compress {
        let size = write_layer(store, diff_id, &name(diff_id), out)?;
        return Ok(WrittenLayer {
            digest: diff_id.clone(),
            size,
            gzip: false,
        });
    }
    let mut tar = HashingReader::new(split::layer_stream(store, diff_id)?);
    let (digest, size) = out.gzipped(name, &mut tar)?;
    let (got, _) = tar.finish();
    if &got != diff_id {
        bail!("layer {diff_id} could not be rebuilt byte for byte (it gives {got}): pull the image again");
    }
    Ok(WrittenLayer {
        digest,
        size,
        gzip: true,
    })
}

fn write_format(
    store: &Store,
    saved: &[Saved],
    format: SaveFormat,
    out: &mut dyn Out,
    compress: bool,
) -> Result<()> {
    match format {
        SaveFormat::DockerArchive => docker_archive(store, saved, out),
        SaveFormat::OciArchive | SaveFormat::OciDir => oci_layout(store, saved, out, compress),
        SaveFormat::DockerDir => docker_dir(store, saved, out, compress),
    }
}

/// Layer `diff_id` as the file `path` of `out`, its digest checked.
fn write_layer(store: &Store, diff_id: &Digest, path: &str, out: &mut dyn Out) -> Result<u64> {
    let size = store.layer_info(diff_id)?.size;
    let mut tar = HashingReader::new(split::layer_stream(store, diff_id)?);
    out.stream(path, size, &mut tar)?;
    let (got, n) = tar.finish();
    if &got != diff_id || n != size {
        bail!("layer {diff_id} could not be rebuilt byte for byte (it gives {got}): pull the image again");
    }
    Ok(size)
}

/// Names as docker writes them in RepoTags: Docker Hub's without `docker.io/library/`.
fn repo_tag(name: &str) -> String {
    name.strip_prefix("docker.io/library/")
        .or_else(|| name.strip_prefix("docker.io/"))
        .unwrap_or(name)
        .to_string()
}

fn docker_archive(store: &Store, saved: &[Saved], out: &mut dyn Out) -> Result<()> {
    let mut manifest = Vec::new();
    let mut repositories = serde_json::Map::new();
    let mut written: Vec<Digest> = Vec::new();
    for s in saved {
        let config = store.get_blob(&s.record.id)?;
        let config_name = format!("{}.json", s.record.id.hex());
        out.bytes(&config_name, &config)?;
        let mut layers = Vec::new();
        for l in &s.record.layers {
            let name = format!("{}.tar", l.hex());
            if !written.contains(l) {
                write_layer(store, l, &name, out)?;
                written.push(l.clone());
            }
            layers.push(name);
        }
        let tags: Vec<String> = s.names.iter().map(|n| repo_tag(n)).collect();
        for t in &tags {
            if let Some((repo, tag)) = t.rsplit_once(':').filter(|(_, t)| !t.contains('/')) {
                let top = s
                    .record
                    .layers
                    .last()
                    .map(|d| d.hex().to_string())
                    .unwrap_or_default();
                let entry = repositories
                    .entry(repo.to_string())
                    .or_insert_with(|| json!({}));
                entry[tag] = json!(top);
            }
        }
        manifest.push(json!({"Config": config_name, "RepoTags": tags, "Layers": layers}));
    }
    out.bytes("manifest.json", &serde_json::to_vec(&manifest)?)?;
    out.bytes(
        "repositories",
        &serde_json::to_vec(&Value::Object(repositories))?,
    )?;
    Ok(())
}

/// The manifest (OCI's, or with `docker` Docker's) of an image whose layers
/// were written as `written`.
fn oci_manifest(
    store: &Store,
    record: &ImageRecord,
    docker: bool,
    written: &[WrittenLayer],
) -> Result<Vec<u8>> {
    let config_size = std::fs::metadata(store.blob_path(&record.id))?.len();
    let (manifest_type, config_type, layer_type) = if docker {
        (
            super::manifest::DOCKER_MANIFEST,
            "application/vnd.docker.container.image.v1+json",
            "application/vnd.docker.image.rootfs.diff.tar",
        )
    } else {
        (
            super::manifest::OCI_MANIFEST,
            "application/vnd.oci.image.config.v1+json",
            "application/vnd.oci.image.layer.v1.tar",
        )
    };
    let mut layers = Vec::new();
    for l in written {
        // Docker's type ends ".tar.gzip", OCI's "+gzip".
        let media = match (l.gzip, docker) {
            (false, _) => layer_type.to_string(),
            (true, true) => format!("{layer_type}.gzip"),
            (true, false) => format!("{layer_type}+gzip"),
        };
        layers.push(json!({"mediaType": media, "digest": l.digest.to_string(), "size": l.size}));
    }
    Ok(serde_json::to_vec(&json!({
        "schemaVersion": 2,
        "mediaType": manifest_type,
        "config": {"mediaType": config_type, "digest": record.id.to_string(), "size": config_size},
        "layers": layers,
    }))?)
}

fn oci_layout(store: &Store, saved: &[Saved], out: &mut dyn Out, compress: bool) -> Result<()> {
    out.bytes("oci-layout", br#"{"imageLayoutVersion":"1.0.0"}"#)?;
    let mut index = Vec::new();
    let mut written: Vec<Digest> = Vec::new();
    // Each layer once, whichever images share it.
    let mut layers: Vec<(Digest, WrittenLayer)> = Vec::new();
    let blob_name = |d: &Digest| format!("blobs/sha256/{}", d.hex());
    for s in saved {
        let config = store.get_blob(&s.record.id)?;
        if !written.contains(&s.record.id) {
            out.bytes(&blob_name(&s.record.id), &config)?;
            written.push(s.record.id.clone());
        }
        let mut mine = Vec::new();
        for l in &s.record.layers {
            let done = match layers.iter().find(|(d, _)| d == l) {
                Some((_, w)) => w.clone(),
                None => {
                    let w = put_layer(store, l, &blob_name, out, compress)?;
                    layers.push((l.clone(), w.clone()));
                    w
                }
            };
            mine.push(done);
        }
        let manifest = oci_manifest(store, &s.record, false, &mine)?;
        let digest = Digest::of(&manifest);
        out.bytes(&format!("blobs/sha256/{}", digest.hex()), &manifest)?;
        let desc = |name: Option<&String>| {
            let mut d = json!({
                "mediaType": super::manifest::OCI_MANIFEST,
                "digest": digest.to_string(),
                "size": manifest.len(),
            });
            if let Some(n) = name {
                d["annotations"] = json!({"org.opencontainers.image.ref.name": n});
            }
            d
        };
        if s.names.is_empty() {
            index.push(desc(None));
        }
        for n in &s.names {
            index.push(desc(Some(n)));
        }
    }
    let index =
        json!({"schemaVersion": 2, "mediaType": super::manifest::OCI_INDEX, "manifests": index});
    out.bytes("index.json", &serde_json::to_vec(&index)?)
}

fn docker_dir(store: &Store, saved: &[Saved], out: &mut dyn Out, compress: bool) -> Result<()> {
    let [s] = saved else {
        bail!("--format docker-dir holds one image");
    };
    let config = store.get_blob(&s.record.id)?;
    out.bytes(s.record.id.hex(), &config)?;
    let mut layers = Vec::new();
    for l in &s.record.layers {
        layers.push(put_layer(
            store,
            l,
            &|d| d.hex().to_string(),
            out,
            compress,
        )?);
    }
    out.bytes(
        "manifest.json",
        &oci_manifest(store, &s.record, true, &layers)?,
    )?;
    out.bytes("version", b"Directory Transport Version: 1.1\n")
}
