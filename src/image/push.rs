//! `husk push`: an image of the store to a registry.
//!
//! Per layer, the cheapest way that gives the registry the same diff_id:
//! 1. the blob it was pulled as, when the registry has it already (HEAD) or
//!    can mount it from a repository it came from (same registry): the
//!    image's own, or for a built image's base layers, its base image's;
//! 2. a blob this store compressed and pushed before (`layers/<hex>/pushed-ALGO.json`),
//!    when the registry has it;
//! 3. else the layer's tar, rebuilt byte for byte (a built layer's tar blob,
//!    or a pulled layer's tree and tar-split), compressed on a thread of its
//!    own while its diff_id is checked, and uploaded as it comes (no file).
//!
//! An unchanged image is one request: the manifest it would write, asked for
//! under the tag. Otherwise layers go several at once with the config beside
//! them, the manifest last. A push that changes nothing of the pulled
//! manifest pushes its very bytes (same digest).

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::manifest::{Descriptor, ImageManifest, Manifest, DOCKER_MANIFEST, OCI_MANIFEST};
use super::pull::{client_with, PullOptions};
use crate::config::Config;
use crate::digest::{Digest, HashingReader};
use crate::layer::{compression, split};
use crate::progress::{Item, Progress, ProgressReader};
use crate::registry::upload::{
    piece_channel, BlobSource, ChunkRead, PieceWriter, PiecesEnd, UPLOAD_STOPPED,
};
use crate::registry::{ClientOptions, Reference, RegistryClient};
use crate::store::images::ImageRecord;
use crate::store::{Durability, Store};

/// How new layer blobs are compressed (`--compression-format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerCompression {
    Gzip,
    Zstd,
}

impl std::str::FromStr for LayerCompression {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "gzip" => Ok(LayerCompression::Gzip),
            "zstd" | "zstd:chunked" => Ok(LayerCompression::Zstd),
            other => bail!("--compression-format {other:?}: gzip or zstd"),
        }
    }
}

impl LayerCompression {
    fn name(self) -> &'static str {
        match self {
            LayerCompression::Gzip => "gzip",
            LayerCompression::Zstd => "zstd",
        }
    }

    /// The layer media type in manifests of `format`.
    fn media_type(self, format: ManifestFormat) -> &'static str {
        match (format, self) {
            (ManifestFormat::Oci, LayerCompression::Gzip) => {
                "application/vnd.oci.image.layer.v1.tar+gzip"
            }
            (ManifestFormat::Oci, LayerCompression::Zstd) => {
                "application/vnd.oci.image.layer.v1.tar+zstd"
            }
            (ManifestFormat::V2s2, _) => "application/vnd.docker.image.rootfs.diff.tar.gzip",
        }
    }

    /// The compression a layer media type names, if one husk writes.
    fn of_media_type(media: &str) -> Option<LayerCompression> {
        if media.ends_with("gzip") {
            Some(LayerCompression::Gzip)
        } else if media.ends_with("zstd") {
            Some(LayerCompression::Zstd)
        } else {
            None
        }
    }
}

/// The manifest kind written (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ManifestFormat {
    Oci,
    V2s2,
}

impl std::str::FromStr for ManifestFormat {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "oci" => Ok(ManifestFormat::Oci),
            "v2s2" | "docker" => Ok(ManifestFormat::V2s2),
            "v2s1" => bail!("--format v2s1: Docker schema 1 is not written (oci or v2s2)"),
            other => bail!("--format {other:?}: oci or v2s2"),
        }
    }
}

impl ManifestFormat {
    fn manifest_type(self) -> &'static str {
        match self {
            ManifestFormat::Oci => OCI_MANIFEST,
            ManifestFormat::V2s2 => DOCKER_MANIFEST,
        }
    }

    fn config_type(self) -> &'static str {
        match self {
            ManifestFormat::Oci => "application/vnd.oci.image.config.v1+json",
            ManifestFormat::V2s2 => "application/vnd.docker.container.image.v1+json",
        }
    }
}

/// Everything a push needs besides the names.
#[derive(Clone)]
pub struct PushOptions {
    /// TLS, credentials, progress and parallelism, as for pulls.
    pub registry: PullOptions,
    /// `--compression-format`: None keeps what the layers were pulled as (new ones: gzip).
    pub compression: Option<LayerCompression>,
    /// `--format`: None keeps the stored manifest's kind.
    pub format: Option<ManifestFormat>,
    /// Put the manifest under its digest, not a tag (the images of a manifest list).
    pub by_digest: bool,
    /// `--compression-level`: gzip's 0-9, zstd's 1-20 (None: their defaults).
    pub level: Option<u32>,
    /// `--force-compression=false`: a layer goes as the blob it was pulled as
    /// even when --compression-format names another compression.
    pub keep_pulled: bool,
}

impl PushOptions {
    /// `--compression-format` and `--format` as given, checked, over `registry`.
    pub fn parse(
        registry: PullOptions,
        compression: Option<&str>,
        format: Option<&str>,
    ) -> Result<PushOptions> {
        Ok(PushOptions {
            registry,
            compression: compression.map(str::parse).transpose()?,
            format: format.map(str::parse).transpose()?,
            by_digest: false,
            level: None,
            keep_pulled: false,
        })
    }

    /// `--compression-level`, checked against the compression it applies to.
    pub fn with_level(mut self, level: Option<u32>) -> Result<PushOptions> {
        let max = match self.compression {
            Some(LayerCompression::Zstd) => 20,
            _ => 9,
        };
        if let Some(l) = level.filter(|l| *l > max) {
            bail!("invalid --compression-level {l}: at most {max} for this compression");
        }
        self.level = level;
        Ok(self)
    }
}

/// What a push did.
pub struct Pushed {
    pub reference: Reference,
    /// The manifest's digest, size and media type.
    pub digest: Digest,
    pub size: u64,
    pub media_type: &'static str,
}

/// Push image `source` of the store to `dest` (default: its own name).
pub fn push(
    store: &Store,
    config: &Config,
    source: &str,
    dest: Option<&str>,
    opts: &PushOptions,
) -> Result<Pushed> {
    let images = store.images()?;
    let record = images[super::lookup::find(&images, source, config)?].clone();
    // No destination: the stored name the source names (`app:1` is `localhost/app:1`).
    let own = record
        .names
        .iter()
        .find(|n| super::lookup::name_matches(source, n, false))
        .map(String::as_str);
    let reference = destination(dest.or(own).unwrap_or(source))?;
    push_record(store, config, &record, reference, opts)
}

/// Push `record` (whose config and manifest blobs are in the store; it need
/// not be one of the store's images) to `reference`.
pub fn push_record(
    store: &Store,
    config: &Config,
    record: &ImageRecord,
    reference: Reference,
    opts: &PushOptions,
) -> Result<Pushed> {
    let record = record.clone();
    let stored = stored_manifest(store, &record)?;
    let format = opts.format.unwrap_or(match stored.media_type.as_str() {
        DOCKER_MANIFEST => ManifestFormat::V2s2,
        _ => ManifestFormat::Oci,
    });
    if format == ManifestFormat::V2s2 && opts.compression == Some(LayerCompression::Zstd) {
        bail!(
            "--compression-format zstd needs --format oci (Docker manifests have no zstd layers)"
        );
    }
    let mount_from = MountSources::of(store, &record, &reference)?;
    let client = client_with(
        &reference,
        config,
        &opts.registry,
        ClientOptions {
            push: true,
            mount_from: mount_from.all(),
            ..Default::default()
        },
    )?;
    let progress = &opts.registry.progress;
    crate::timeline::mark("push: client ready");
    progress.message("Getting image source signatures");
    // Nothing of the image is collected while its layers are read.
    let _gc = store.gc_guard()?;
    let plan = Plan {
        store,
        client: &client,
        format,
        compression: opts.compression,
        level: opts.level,
        keep_pulled: opts.keep_pulled,
        stored: &stored,
        mount_from: &mount_from,
        progress,
    };
    let tag_of = |digest: &Digest| match opts.by_digest {
        true => digest.to_string(),
        false => reference.manifest_ref(),
    };
    // An unchanged image: the manifest this push would write is under the
    // tag already, so the registry has every blob it names (a registry keeps
    // the blobs of its manifests). One request, and done.
    if let Some(layers) = plan.expected_layers(&record)? {
        let (bytes, media_type) = plan.manifest(&record, layers.clone())?;
        let digest = Digest::of(&bytes);
        if client.head_manifest(&tag_of(&digest))?.as_ref() == Some(&digest) {
            for d in &layers {
                plan.skipped(&d.digest);
            }
            progress.message(&format!("Copying config {} done", &record.id.hex()[..12]));
            progress.message("Writing manifest to image destination");
            crate::events::image("push", &record.id.to_string(), Some(&reference.to_string()));
            return Ok(Pushed {
                reference,
                digest,
                size: bytes.len() as u64,
                media_type,
            });
        }
    }
    let (layers, uploaded) = plan.layers(&record, opts.registry.jobs.max(1))?;
    crate::timeline::mark("push: layers done");
    if !uploaded {
        plan.config(&record)?;
    }
    crate::timeline::mark("push: config done");
    let (bytes, media_type) = plan.manifest(&record, layers)?;
    progress.message("Writing manifest to image destination");
    let digest = Digest::of(&bytes);
    let tag = tag_of(&digest);
    // The registry has this very manifest under the tag already: nothing to
    // write (not asked when a layer had to be uploaded).
    if uploaded || client.head_manifest(&tag)?.as_ref() != Some(&digest) {
        client.put_manifest(&tag, media_type, &bytes)?;
    }
    crate::events::image("push", &record.id.to_string(), Some(&reference.to_string()));
    Ok(Pushed {
        reference,
        digest,
        size: bytes.len() as u64,
        media_type,
    })
}

/// The registry name an image is pushed to; `docker://` (podman's transport) is taken off.
fn destination(name: &str) -> Result<Reference> {
    let name = name.strip_prefix("docker://").unwrap_or(name);
    if let Some((transport, _)) = name.split_once(':') {
        if matches!(
            transport,
            "oci-archive"
                | "docker-archive"
                | "oci"
                | "dir"
                | "containers-storage"
                | "docker-daemon"
        ) {
            bail!("pushing to {transport}: is not supported: use husk save");
        }
    }
    let r = Reference::parse(name)?;
    if r.registry == "localhost" {
        bail!(
            "{name}: a local image name names no registry: give a destination (husk push {name} REGISTRY/REPOSITORY[:TAG])"
        );
    }
    Ok(r)
}

/// The image's manifest as stored (what it was pulled or built with).
struct StoredManifest {
    media_type: String,
    bytes: Vec<u8>,
    manifest: ImageManifest,
}

fn stored_manifest(store: &Store, record: &ImageRecord) -> Result<StoredManifest> {
    let bytes = store
        .get_blob(&record.manifest)
        .context("reading the image's manifest")?;
    let probe: serde_json::Value =
        serde_json::from_slice(&bytes).context("parsing the manifest")?;
    let media_type = probe["mediaType"]
        .as_str()
        .unwrap_or(OCI_MANIFEST)
        .to_string();
    let Manifest::Image(manifest) = Manifest::parse(&bytes, &media_type)? else {
        bail!("the image's manifest is an index");
    };
    Ok(StoredManifest {
        media_type,
        bytes,
        manifest,
    })
}

/// Repositories of the destination's registry that may hold the image's
/// blobs, to mount them from: those the image was pulled from (any of its
/// blobs), and those other stored images were pulled from for the layers they
/// share with it (a built image's base layers, by the blobs they came as).
struct MountSources {
    own: Vec<String>,
    by_blob: HashMap<Digest, Vec<String>>,
}

impl MountSources {
    fn of(store: &Store, record: &ImageRecord, dest: &Reference) -> Result<MountSources> {
        let own = repositories_on(record, dest);
        let mut by_blob: HashMap<Digest, Vec<String>> = HashMap::new();
        for other in store.images()?.iter().filter(|i| i.id != record.id) {
            let repos = repositories_on(other, dest);
            if repos.is_empty() {
                continue;
            }
            for diff_id in other.layers.iter().filter(|l| record.layers.contains(l)) {
                let Ok(info) = store.layer_info(diff_id) else {
                    continue;
                };
                if info.blob == info.diff_id {
                    continue; // never pulled compressed: nothing to mount by its digest
                }
                let from = by_blob.entry(info.blob).or_default();
                for r in repos.iter().filter(|r| !own.contains(r)) {
                    if !from.contains(r) {
                        from.push(r.clone());
                    }
                }
            }
        }
        Ok(MountSources { own, by_blob })
    }

    /// Every repository named (the token asks pull access to each).
    fn all(&self) -> Vec<String> {
        let mut all = self.own.clone();
        for r in self.by_blob.values().flatten() {
            if !all.contains(r) {
                all.push(r.clone());
            }
        }
        all
    }

    /// Where blob `digest` may be mounted from.
    fn of_blob<'a>(&'a self, digest: &Digest) -> impl Iterator<Item = &'a String> {
        self.own
            .iter()
            .chain(self.by_blob.get(digest).into_iter().flatten())
    }
}

/// The repositories of `dest`'s registry (other than `dest`'s) `image` was
/// pulled from or is named in.
fn repositories_on(image: &ImageRecord, dest: &Reference) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let parsed = image
        .repo_digests
        .iter()
        .chain(image.names.iter())
        .filter_map(|n| Reference::parse(n.split('@').next().unwrap_or(n)).ok());
    for r in parsed.filter(|r| r.registry == dest.registry && r.repository != dest.repository) {
        if !out.contains(&r.repository) {
            out.push(r.repository);
        }
    }
    out
}

/// A blob this store compressed and pushed before: `layers/<hex>/pushed-ALGO.json`.
#[derive(Serialize, Deserialize)]
struct PushedBlob {
    digest: Digest,
    size: u64,
}

struct Plan<'a> {
    store: &'a Store,
    client: &'a RegistryClient,
    format: ManifestFormat,
    compression: Option<LayerCompression>,
    /// `--compression-level`.
    level: Option<u32>,
    /// `--force-compression=false`.
    keep_pulled: bool,
    stored: &'a StoredManifest,
    mount_from: &'a MountSources,
    progress: &'a Progress,
}

impl Plan<'_> {
    /// Every layer's descriptor in the destination, several layers at once,
    /// and whether any was uploaded (then the config was pushed alongside).
    fn layers(&self, record: &ImageRecord, jobs: usize) -> Result<(Vec<Descriptor>, bool)> {
        // A layer with no blob the registry may have is uploaded at once;
        // the others are asked after, one request after another on one
        // connection (an unchanged image is all of it, and was answered
        // before: see `push`), and uploaded if the registry lacks them.
        let mut candidates = Vec::with_capacity(record.layers.len());
        for (i, diff_id) in record.layers.iter().enumerate() {
            candidates.push(self.candidates(diff_id, self.stored.manifest.layers.get(i))?);
        }
        let queue = UploadQueue::new(
            (0..candidates.len())
                .filter(|i| candidates[*i].is_empty())
                .collect(),
        );
        let done: Mutex<Vec<Option<Descriptor>>> = Mutex::new(vec![None; candidates.len()]);
        let failed = Mutex::new(None);
        let uploaded = AtomicBool::new(false);
        let (queue, done, failed, uploaded) = (&queue, &done, &failed, &uploaded);
        let fail = move |e: anyhow::Error| {
            failed.lock().expect("lock poisoned").get_or_insert(e);
        };
        std::thread::scope(|s| {
            for _ in 0..jobs.min(candidates.len()).max(1) {
                s.spawn(move || {
                    while let Some(i) = queue.next() {
                        if failed.lock().expect("lock poisoned").is_some() {
                            break;
                        }
                        if !uploaded.swap(true, Ordering::Relaxed) {
                            // The config beside the first upload.
                            s.spawn(move || self.config(record).map_err(fail));
                        }
                        let stored = self.stored.manifest.layers.get(i);
                        match self.layer(&record.layers[i], stored) {
                            Ok(d) => done.lock().expect("lock poisoned")[i] = Some(d),
                            Err(e) => fail(e),
                        }
                    }
                });
            }
            // Closed however this thread leaves (a panic too), or the upload
            // threads would wait for more.
            let _closing = CloseOnDrop(queue);
            for (i, candidates) in candidates.into_iter().enumerate() {
                if candidates.is_empty() {
                    continue;
                }
                match self.reuse(candidates) {
                    Ok(Some(d)) => done.lock().expect("lock poisoned")[i] = Some(d),
                    Ok(None) => queue.push(i),
                    Err(e) => {
                        fail(e);
                        break;
                    }
                }
            }
        });
        if let Some(e) = failed.lock().expect("lock poisoned").take() {
            return Err(e);
        }
        let layers = std::mem::take(&mut *done.lock().expect("lock poisoned"));
        Ok((
            layers.into_iter().flatten().collect(),
            uploaded.load(Ordering::Relaxed),
        ))
    }

    /// The compression a layer gets in the destination, and the blob it was pulled as.
    fn choice<'d>(
        &self,
        info: &crate::store::layers::LayerInfo,
        stored: Option<&'d Descriptor>,
    ) -> (LayerCompression, Option<(&'d Descriptor, LayerCompression)>) {
        let pulled = stored
            .filter(|d| d.digest == info.blob && info.blob != info.diff_id)
            .and_then(|d| LayerCompression::of_media_type(&d.media_type).map(|c| (d, c)));
        let want = match (self.format, pulled) {
            (ManifestFormat::V2s2, _) => LayerCompression::Gzip,
            (ManifestFormat::Oci, Some((_, c))) if self.keep_pulled => c,
            (ManifestFormat::Oci, _) => self
                .compression
                .or(pulled.map(|(_, c)| c))
                .unwrap_or(LayerCompression::Gzip),
        };
        (want, pulled)
    }

    /// A layer the registry has, or gets by a mount, without an upload: the
    /// blob it was pulled as, or one compressed and pushed before.
    fn reuse(&self, candidates: Vec<Descriptor>) -> Result<Option<Descriptor>> {
        for d in candidates {
            if self.registry_has(&d.digest)? {
                self.skipped(&d.digest);
                return Ok(Some(d));
            }
        }
        Ok(None)
    }

    /// The blobs a layer may go as without an upload, best first: the one it
    /// was pulled as (when that is the compression wanted), one compressed
    /// and pushed before.
    fn candidates(&self, diff_id: &Digest, stored: Option<&Descriptor>) -> Result<Vec<Descriptor>> {
        let info = self.store.layer_info(diff_id)?;
        let (want, pulled) = self.choice(&info, stored);
        let mut candidates = Vec::new();
        if let Some((d, c)) = pulled.filter(|(_, c)| *c == want) {
            candidates.push(self.descriptor(&d.digest, d.size, c));
        }
        if let Some(p) = std::fs::read(self.pushed_record(diff_id, want))
            .ok()
            .and_then(|b| serde_json::from_slice::<PushedBlob>(&b).ok())
        {
            candidates.push(self.descriptor(&p.digest, p.size, want));
        }
        Ok(candidates)
    }

    fn skipped(&self, digest: &Digest) {
        self.progress.message(&format!(
            "Copying blob {} skipped: already exists",
            &digest.hex()[..12]
        ));
    }

    /// The layers of the manifest this push writes if every layer goes as
    /// its best candidate blob; None if one has none (it is to be uploaded).
    fn expected_layers(&self, record: &ImageRecord) -> Result<Option<Vec<Descriptor>>> {
        let mut layers = Vec::with_capacity(record.layers.len());
        for (i, diff_id) in record.layers.iter().enumerate() {
            let stored = self.stored.manifest.layers.get(i);
            match self.candidates(diff_id, stored)?.into_iter().next() {
                Some(d) => layers.push(d),
                None => return Ok(None),
            }
        }
        Ok(Some(layers))
    }

    fn pushed_record(&self, diff_id: &Digest, c: LayerCompression) -> PathBuf {
        self.store
            .layer_dir(diff_id)
            .join(format!("pushed-{}.json", c.name()))
    }

    /// One layer in the destination: compressed from its rebuilt tar, and
    /// uploaded while it is compressed.
    fn layer(&self, diff_id: &Digest, stored: Option<&Descriptor>) -> Result<Descriptor> {
        let short = &diff_id.hex()[..12];
        let info = self.store.layer_info(diff_id)?;
        let (want, _) = self.choice(&info, stored);
        let record = self.pushed_record(diff_id, want);
        let item = self
            .progress
            .item(&format!("Copying blob {short}"), info.size);
        let (digest, size) = std::thread::scope(|scope| {
            let mut source = LayerSource {
                scope,
                plan: self,
                diff_id,
                tar_size: info.size,
                want,
                item: &item,
                compressor: None,
                end: PiecesEnd::default(),
            };
            let uploaded = self.client.upload(&mut source, &Item::hidden());
            match (uploaded, source.stop()) {
                (Ok(done), _) => Ok(done),
                // A compression that failed on its own is the cause.
                (Err(_), Err(e)) => Err(e),
                (Err(e), Ok(())) => Err(e.context(format!("uploading layer {short}"))),
            }
        })?;
        item.finish("done");
        // Remembered for the next push (losing it costs a compression, no
        // more: not worth a wait for the disk).
        let blob = PushedBlob {
            digest: digest.clone(),
            size,
        };
        if let Ok(b) = serde_json::to_vec(&blob) {
            let _ = self.store.write_atomic_as(&record, &b, Durability::Process);
        }
        Ok(self.descriptor(&digest, size, want))
    }

    /// Whether the destination has blob `digest`, or got it by a mount.
    fn registry_has(&self, digest: &Digest) -> Result<bool> {
        if self.client.head_blob(digest)?.is_some() {
            return Ok(true);
        }
        for from in self.mount_from.of_blob(digest) {
            if self.client.mount_blob(digest, from)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn descriptor(&self, digest: &Digest, size: u64, c: LayerCompression) -> Descriptor {
        Descriptor {
            media_type: c.media_type(self.format).to_string(),
            digest: digest.clone(),
            size,
            platform: None,
            annotations: Default::default(),
        }
    }

    /// The layer's tar, compressed into `out`, its diff_id checked on the
    /// way (the compressed blob's digest is computed where it is read): a
    /// pulled layer's tar is rebuilt from files, and a built layer's blob
    /// could have changed on disk; docker checks too.
    fn compress(
        &self,
        diff_id: &Digest,
        c: LayerCompression,
        item: &Item,
        out: PieceWriter,
    ) -> Result<()> {
        let tar = split::layer_stream(self.store, diff_id)?;
        let mut tar = HashingReader::new(ProgressReader::new(tar, item));
        self.compress_tar(&mut tar, c, out)?;
        let (got, _) = tar.finish();
        if &got != diff_id {
            bail!(
                "layer {diff_id} cannot be rebuilt byte for byte (it gives {got}): a file of it changed on disk; pull the image again"
            );
        }
        Ok(())
    }

    fn compress_tar(
        &self,
        tar: &mut dyn Read,
        c: LayerCompression,
        mut out: PieceWriter,
    ) -> Result<()> {
        match c {
            LayerCompression::Gzip => {
                compression::gzip_parallel(tar, &mut out, self.level)
                    .context("compressing the layer")?;
            }
            LayerCompression::Zstd => {
                let level = self.level.map_or(3, |l| l as i32);
                let mut z = zstd::Encoder::new(out, level)?;
                std::io::copy(tar, &mut z).context("compressing the layer")?;
                z.finish()?;
            }
        }
        Ok(())
    }

    /// The config blob, if the registry lacks it.
    fn config(&self, record: &ImageRecord) -> Result<()> {
        if self.client.head_blob(&record.id)?.is_some() {
            return Ok(());
        }
        let path = self.store.blob_path(&record.id);
        let size = std::fs::metadata(&path)?.len();
        self.progress
            .message(&format!("Copying config {}", &record.id.hex()[..12]));
        self.client
            .upload_blob(&path, &record.id, size, &Item::hidden())
    }

    /// The manifest to put: the stored one's bytes when nothing changed.
    fn manifest(
        &self,
        record: &ImageRecord,
        layers: Vec<Descriptor>,
    ) -> Result<(Vec<u8>, &'static str)> {
        let media_type = self.format.manifest_type();
        let same = self.stored.media_type == media_type
            && self.stored.manifest.layers.len() == layers.len()
            && self
                .stored
                .manifest
                .layers
                .iter()
                .zip(&layers)
                .all(|(a, b)| a.digest == b.digest && a.media_type == b.media_type);
        if same && self.stored.manifest.config.digest == record.id {
            return Ok((self.stored.bytes.clone(), media_type));
        }
        let config_size = std::fs::metadata(self.store.blob_path(&record.id))?.len();
        let mut manifest = json!({
            "schemaVersion": 2,
            "mediaType": media_type,
            "config": {
                "mediaType": self.format.config_type(),
                "digest": record.id.to_string(),
                "size": config_size,
            },
            "layers": layers.iter().map(|d| json!({
                "mediaType": d.media_type,
                "digest": d.digest.to_string(),
                "size": d.size,
            })).collect::<Vec<_>>(),
        });
        let annotations = &self.stored.manifest.annotations;
        if !annotations.is_empty() && media_type == super::manifest::OCI_MANIFEST {
            manifest["annotations"] = json!(annotations);
        }
        Ok((serde_json::to_vec(&manifest)?, media_type))
    }
}

/// The layers [`Plan::layers`] uploads: those known at once, and those the
/// registry turns out to lack while the upload threads work; none once
/// closed and all taken.
struct UploadQueue {
    state: Mutex<(Vec<usize>, bool)>,
    ready: Condvar,
}

impl UploadQueue {
    /// A queue of `layers`, the first taken first.
    fn new(mut layers: Vec<usize>) -> UploadQueue {
        layers.reverse();
        UploadQueue {
            state: Mutex::new((layers, false)),
            ready: Condvar::new(),
        }
    }

    fn push(&self, layer: usize) {
        self.state.lock().expect("lock poisoned").0.insert(0, layer);
        self.ready.notify_one();
    }

    /// No more layers will be pushed.
    fn close(&self) {
        // Also while a panic unwinds (a poisoned lock is still the queue).
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.1 = true;
        drop(state);
        self.ready.notify_all();
    }

    /// The next layer to upload; None when there will be none.
    fn next(&self) -> Option<usize> {
        let mut state = self.state.lock().expect("lock poisoned");
        loop {
            if let Some(layer) = state.0.pop() {
                return Some(layer);
            }
            if state.1 {
                return None;
            }
            state = self.ready.wait(state).expect("lock poisoned");
        }
    }
}

/// Closes an [`UploadQueue`] when dropped.
struct CloseOnDrop<'a>(&'a UploadQueue);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// A new layer blob for [`RegistryClient::upload`]: the layer's tar
/// compressed on a thread of `scope` while it is uploaded; after a broken
/// upload, compressed again (the same bytes) and skipped to where the
/// registry got.
struct LayerSource<'scope, 'env> {
    scope: &'scope std::thread::Scope<'scope, 'env>,
    plan: &'env Plan<'env>,
    diff_id: &'env Digest,
    tar_size: u64,
    want: LayerCompression,
    item: &'env Item,
    compressor: Option<std::thread::ScopedJoinHandle<'scope, Result<()>>>,
    /// What the compression under way made, once it was all read.
    end: PiecesEnd,
}

impl LayerSource<'_, '_> {
    /// Wait for the compression under way: its result.
    fn join(&mut self) -> Option<Result<()>> {
        let handle = self.compressor.take()?;
        Some(
            handle
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("the compression thread panicked"))),
        )
    }

    /// Stop the compression under way (its reader is gone): an error if it
    /// failed for a reason of its own.
    fn stop(&mut self) -> Result<()> {
        match self.join() {
            Some(Err(e)) if e.chain().all(|c| c.to_string() != UPLOAD_STOPPED) => Err(e),
            _ => Ok(()),
        }
    }
}

impl BlobSource for LayerSource<'_, '_> {
    fn read_from(&mut self, offset: u64) -> Result<Box<dyn ChunkRead>> {
        self.stop()?;
        self.item.reset();
        let (writer, reader, end) = piece_channel(offset);
        self.end = end;
        let (plan, diff_id, want, item) = (self.plan, self.diff_id, self.want, self.item);
        self.compressor = Some(
            self.scope
                .spawn(move || plan.compress(diff_id, want, item, writer)),
        );
        Ok(Box::new(reader))
    }

    fn size_hint(&self) -> Option<u64> {
        // The tar's: the blob is smaller by as much as its files compress.
        Some(self.tar_size)
    }

    fn finished(&mut self) -> Result<(Digest, u64)> {
        self.join()
            .unwrap_or_else(|| Err(anyhow::anyhow!("no compression was started")))?;
        self.end
            .get()
            .ok_or_else(|| anyhow::anyhow!("the compressed layer was not read to its end"))
    }
}
