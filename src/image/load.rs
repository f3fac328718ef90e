//! `husk load`: images from an archive (`husk save`'s, `docker save`'s,
//! `podman save`'s, `skopeo copy`'s): a docker-archive, an OCI layout (tar),
//! or a containers/image `dir:` layout, plain or compressed, from a file or
//! stdin.
//!
//! The archive is unpacked into the store's `tmp/` by the safe unpacker; the
//! paths its manifests name are opened inside that directory only. Every
//! layer is unpacked as a pull unpacks one (its tar-split recorded), its
//! diff_id compared with the config's, a descriptor's digest with the blob's;
//! the image is recorded only when all of it is in, so a truncated or lying
//! archive leaves no image (and no layer that is not complete).

use std::fs::File;
use std::io::Read;
use std::os::fd::{AsFd, OwnedFd};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::Value;

use super::manifest::{Manifest, OCI_MANIFEST};
use crate::digest::{Digest, HashingReader};
use crate::layer::{self, compression};
use crate::registry::Reference;
use crate::store::layers::LayerInfo;
use crate::store::Store;

/// The largest manifest, index or config read from an archive.
const MAX_METADATA: u64 = 64 << 20;

/// What a load stored: per image, its id and the names it was given.
pub struct Loaded {
    pub id: Digest,
    pub names: Vec<String>,
}

/// One image of an archive, before it is stored.
struct Entry {
    /// The config file, with the digest it must have (OCI) if known.
    config: (String, Option<Digest>),
    /// Layer files, with the digest and media type their descriptors give (OCI).
    layers: Vec<(String, Option<(Digest, String)>)>,
    names: Vec<String>,
}

/// Load every image of the archive `reader`.
pub fn load(store: &Store, reader: impl Read) -> Result<Vec<Loaded>> {
    let (_, plain) = compression::decompress(reader).context("reading the archive")?;
    let temp = crate::store::tmp::TempEntry::create_dir(&store.tmp_dir(), "load")?;
    let dir = temp.path().join("a");
    std::fs::create_dir(&dir).with_context(|| format!("creating {}", dir.display()))?;
    layer::unpack(plain, &dir).context("reading the archive")?;
    let root: OwnedFd = File::open(&dir)?.into();
    let entries = if exists(&root, "index.json") {
        oci_entries(&root)?
    } else if exists(&root, "manifest.json") {
        let manifest = read_json(&root, "manifest.json")?;
        if manifest.is_array() {
            docker_entries(&manifest)?
        } else {
            dir_entries(&root, &manifest)?
        }
    } else {
        bail!("not an image archive: no manifest.json or index.json in it (docker-archive, oci-archive or dir)");
    };
    if entries.is_empty() {
        bail!("the archive holds no image");
    }
    let _gc = store.gc_guard()?;
    entries
        .into_iter()
        .map(|e| load_entry(store, &root, e))
        .collect()
}

fn load_entry(store: &Store, root: &OwnedFd, e: Entry) -> Result<Loaded> {
    let config = read_file(root, &e.config.0, MAX_METADATA)?;
    let id = Digest::of(&config);
    if let Some(want) = &e.config.1 {
        if &id != want {
            bail!(
                "config {}: its digest is {id}, the manifest says {want}",
                e.config.0
            );
        }
    }
    let parsed: Value = serde_json::from_slice(&config)
        .with_context(|| format!("{}: the config is not JSON", e.config.0))?;
    let diff_ids: Vec<Digest> = parsed["rootfs"]["diff_ids"]
        .as_array()
        .ok_or_else(|| anyhow!("{}: the config has no rootfs.diff_ids", e.config.0))?
        .iter()
        .map(|d| {
            d.as_str()
                .unwrap_or_default()
                .parse()
                .map_err(|e| anyhow!("a diff_id of the config: {e}"))
        })
        .collect::<Result<_>>()?;
    if diff_ids.len() != e.layers.len() {
        bail!(
            "the config names {} layers, the manifest {}",
            diff_ids.len(),
            e.layers.len()
        );
    }
    for (diff_id, (path, desc)) in diff_ids.iter().zip(&e.layers) {
        load_layer(store, root, path, diff_id, desc.as_ref())
            .with_context(|| format!("layer {path}"))?;
    }
    let names: Vec<String> = e.names.iter().filter_map(|n| normalize(n)).collect();
    let record = super::write::write_bytes(store, &config, &diff_ids, &names)?;
    crate::events::image(
        "load",
        &record.id.to_string(),
        names.first().map(String::as_str),
    );
    Ok(Loaded { id, names })
}

/// `app:1` as the store names it (`docker.io/library/app:1`); a bare tag names nothing.
fn normalize(name: &str) -> Option<String> {
    if !name.contains(':') && !name.contains('/') {
        return None;
    }
    Reference::parse(name).ok().and_then(|r| r.tagged_name())
}

fn load_layer(
    store: &Store,
    root: &OwnedFd,
    path: &str,
    diff_id: &Digest,
    desc: Option<&(Digest, String)>,
) -> Result<()> {
    let _lock = store.lock_layer(diff_id)?;
    if store.has_layer(diff_id) {
        return Ok(());
    }
    let writer = store.new_layer()?;
    let mut blob = HashingReader::new(open(root, path)?);
    let (got, size, has_overrides) = layer::unpack_blob(&mut blob, &writer.diff_dir())?;
    blob.drain()?;
    let (blob_digest, blob_size) = blob.finish();
    if let Some((want, _)) = desc {
        if &blob_digest != want {
            bail!("its digest is {blob_digest}, the manifest says {want}");
        }
    }
    if &got != diff_id {
        bail!("its content is {got}, the config says {diff_id}");
    }
    let info = LayerInfo::unpacked(
        diff_id.clone(),
        size,
        (blob_digest, blob_size),
        desc.map(|(_, m)| m.clone()),
        has_overrides,
    );
    store.commit_layer(writer, &info)
}

/// docker-archive: `[{Config, RepoTags, Layers}]`.
fn docker_entries(manifest: &Value) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for m in manifest.as_array().into_iter().flatten() {
        let config = m["Config"]
            .as_str()
            .ok_or_else(|| anyhow!("manifest.json: an entry without Config"))?;
        let layers = m["Layers"]
            .as_array()
            .ok_or_else(|| anyhow!("manifest.json: an entry without Layers"))?
            .iter()
            .map(|l| l.as_str().map(|s| (s.to_string(), None)))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| anyhow!("manifest.json: a layer that is not a path"))?;
        let names = m["RepoTags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(String::from))
            .collect();
        out.push(Entry {
            config: (config.to_string(), None),
            layers,
            names,
        });
    }
    Ok(out)
}

/// An OCI layout: `index.json`'s manifests (an index in it: the host's platform).
fn oci_entries(root: &OwnedFd) -> Result<Vec<Entry>> {
    let index = read_json(root, "index.json")?;
    let mut out = Vec::new();
    for d in index["manifests"].as_array().into_iter().flatten() {
        let digest: Digest = d["digest"]
            .as_str()
            .unwrap_or_default()
            .parse()
            .map_err(|e| anyhow!("index.json: a manifest digest: {e}"))?;
        let name = d["annotations"]["org.opencontainers.image.ref.name"]
            .as_str()
            .map(String::from);
        let mut bytes = read_blob(root, &digest)?;
        let media = d["mediaType"].as_str().unwrap_or(OCI_MANIFEST).to_string();
        let mut manifest = Manifest::parse(&bytes, &media)?;
        if let Manifest::Index(i) = &manifest {
            let host = super::platform::Platform::host();
            let chosen = i.select(&host)?.clone();
            bytes = read_blob(root, &chosen.digest)?;
            manifest = Manifest::parse(&bytes, &chosen.media_type)?;
        }
        let Manifest::Image(m) = manifest else {
            bail!("index.json: an index inside an index");
        };
        out.push(Entry {
            config: (blob_path(&m.config.digest), Some(m.config.digest.clone())),
            layers: m
                .layers
                .iter()
                .map(|l| {
                    (
                        blob_path(&l.digest),
                        Some((l.digest.clone(), l.media_type.clone())),
                    )
                })
                .collect(),
            names: name.into_iter().collect(),
        });
    }
    Ok(out)
}

/// containers/image's `dir:` layout: `manifest.json` (one image), blobs by hex.
fn dir_entries(_root: &OwnedFd, manifest: &Value) -> Result<Vec<Entry>> {
    let bytes = serde_json::to_vec(manifest)?;
    let Manifest::Image(m) = Manifest::parse(&bytes, OCI_MANIFEST)? else {
        bail!("manifest.json: an index (dir layouts hold one image)");
    };
    Ok(vec![Entry {
        config: (
            m.config.digest.hex().to_string(),
            Some(m.config.digest.clone()),
        ),
        layers: m
            .layers
            .iter()
            .map(|l| {
                (
                    l.digest.hex().to_string(),
                    Some((l.digest.clone(), l.media_type.clone())),
                )
            })
            .collect(),
        names: vec![],
    }])
}

fn blob_path(d: &Digest) -> String {
    format!("blobs/sha256/{}", d.hex())
}

fn read_blob(root: &OwnedFd, d: &Digest) -> Result<Vec<u8>> {
    let bytes = read_file(root, &blob_path(d), MAX_METADATA)?;
    if &Digest::of(&bytes) != d {
        bail!("blob {d}: its content has another digest");
    }
    Ok(bytes)
}

fn exists(root: &OwnedFd, path: &str) -> bool {
    open(root, path).is_ok()
}

/// `path` of the unpacked archive, resolved inside it (never outside, whatever its symlinks).
fn open(root: &OwnedFd, path: &str) -> Result<File> {
    let fd = crate::fsat::open_in_root(
        root.as_fd(),
        std::ffi::OsStr::new(path),
        libc::O_RDONLY | libc::O_CLOEXEC,
    )
    .with_context(|| format!("{path}: not in the archive"))?;
    Ok(File::from(fd))
}

fn read_file(root: &OwnedFd, path: &str, max: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(root, path)?
        .take(max + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("reading {path}"))?;
    if bytes.len() as u64 > max {
        bail!("{path}: larger than {max} bytes");
    }
    Ok(bytes)
}

fn read_json(root: &OwnedFd, path: &str) -> Result<Value> {
    serde_json::from_slice(&read_file(root, path, MAX_METADATA)?)
        .with_context(|| format!("{path}: not JSON"))
}
