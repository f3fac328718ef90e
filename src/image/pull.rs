//! `husk pull`: resolve a name, fetch its manifest (choosing a platform from an
//! index), verify and store the config, stream every missing layer through
//! sha256 -> decompress -> diff_id -> unpack in one pass, several at once, and
//! record the image.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use anyhow::{anyhow, bail, Context, Result};
use oci_spec::image::ImageConfiguration;

use super::manifest::{Descriptor, ImageManifest, Manifest};
use super::platform::Platform;
use crate::config::Config;
use crate::digest::{Digest, HashingReader};
use crate::layer;
use crate::progress::{Item, Progress, ProgressReader};
use crate::readahead;
use crate::registry::credentials::{self, Credentials};
use crate::registry::{ClientOptions, Reference, RegistryClient};
use crate::store::images::ImageRecord;
use crate::store::layers::LayerInfo;
use crate::store::Store;

/// How many layers download at once (docker's default too).
pub const DEFAULT_JOBS: usize = 3;

/// Everything a pull needs besides the name.
#[derive(Clone)]
pub struct PullOptions {
    pub platform: Option<Platform>,
    /// `--tls-verify`: None means "as configured" (verify unless the registry is insecure).
    pub tls_verify: Option<bool>,
    /// `--creds`; otherwise the auth files are read.
    pub credentials: Option<Credentials>,
    pub authfile: Option<std::path::PathBuf>,
    pub progress: Progress,
    pub jobs: usize,
    /// `--retry`, `--retry-delay`: for requests, and for layers whose download broke.
    pub retry: crate::registry::Retry,
    /// `--cert-dir`.
    pub cert_dir: Option<std::path::PathBuf>,
}

impl PullOptions {
    /// No registry flags given: the configured defaults, with `progress`.
    pub fn defaults(progress: Progress) -> PullOptions {
        PullOptions {
            platform: None,
            tls_verify: None,
            credentials: None,
            authfile: None,
            progress,
            jobs: DEFAULT_JOBS,
            retry: crate::registry::Retry::default(),
            cert_dir: None,
        }
    }
}

/// The manifests of one image, fetched and verified.
struct Resolved {
    reference: Reference,
    /// The digest the name resolved to: the index's if there was one.
    top_digest: Digest,
    index: Option<(Digest, Vec<u8>)>,
    manifest_digest: Digest,
    manifest_bytes: Vec<u8>,
    manifest: ImageManifest,
}

/// Pull `name` into `store`; returns the stored record.
pub fn pull(store: &Store, config: &Config, name: &str, opts: &PullOptions) -> Result<ImageRecord> {
    let candidates = Reference::candidates(name, &config.search_registries)?;
    let mut errors = Vec::new();
    for reference in &candidates {
        opts.progress
            .message(&format!("Trying to pull {reference}..."));
        match pull_reference(store, config, reference, opts) {
            Ok(record) => {
                crate::events::image("pull", &record.id.to_string(), Some(&reference.to_string()));
                return Ok(record);
            }
            Err(e) if candidates.len() > 1 => errors.push(format!("{:#}", e)),
            Err(e) => return Err(e),
        }
    }
    bail!("pulling {name}: {}", errors.join("; "))
}

/// Build a registry client with the credentials and TLS settings that apply.
pub fn client_for(
    reference: &Reference,
    config: &Config,
    opts: &PullOptions,
) -> Result<RegistryClient> {
    client_with(reference, config, opts, ClientOptions::default())
}

/// `client_for`, from `base` (push access, mount sources).
pub fn client_with(
    reference: &Reference,
    config: &Config,
    opts: &PullOptions,
    base: ClientOptions,
) -> Result<RegistryClient> {
    let credentials = match &opts.credentials {
        Some(c) => Some(c.clone()),
        None => credentials::lookup(
            &reference.registry,
            &reference.repository,
            opts.authfile.as_deref(),
        )?,
    };
    let insecure = match opts.tls_verify {
        Some(verify) => !verify,
        None => config.is_insecure(&reference.registry),
    };
    RegistryClient::new(
        &reference.registry,
        &reference.repository,
        &ClientOptions {
            insecure,
            credentials,
            timeouts: config.registry_timeouts,
            retry: opts.retry,
            cert_dir: opts.cert_dir.clone(),
            ..base
        },
    )
}

fn pull_reference(
    store: &Store,
    config: &Config,
    reference: &Reference,
    opts: &PullOptions,
) -> Result<ImageRecord> {
    let client = client_for(reference, config, opts)?;
    // Held until the image is recorded: nothing this pull stored can be collected meanwhile.
    let _gc = store.gc_guard()?;
    let f = fetch(store, &client, reference, opts)?;
    let record = ImageRecord {
        id: f.image_id,
        manifest: f.resolved.manifest_digest.clone(),
        names: f.resolved.reference.tagged_name().into_iter().collect(),
        names_history: vec![],
        repo_digests: vec![format!(
            "{}@{}",
            f.resolved.reference.name(),
            f.resolved.top_digest
        )],
        layers: f.layers,
        indexes: f.resolved.index.iter().map(|(d, _)| d.clone()).collect(),
        size: f.infos.iter().map(|i| i.size).sum(),
        created: f.image_config.created().clone(),
        stored: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
    };
    let mut txn = store.images_txn()?;
    txn.upsert(record.clone());
    txn.save()?;
    Ok(txn_record(store, &record.id)?.unwrap_or(record))
}

/// What a pull put in the store (blobs and layers), before it is recorded.
struct Fetched {
    resolved: Resolved,
    image_id: Digest,
    image_config: ImageConfiguration,
    layers: Vec<Digest>,
    infos: Vec<LayerInfo>,
}

/// Fetch the image `reference` names into the store (the caller holds the
/// gc guard until it records or uses it).
fn fetch(
    store: &Store,
    client: &RegistryClient,
    reference: &Reference,
    opts: &PullOptions,
) -> Result<Fetched> {
    let (resolved, config_bytes, image_config, layers) = fetch_config(client, reference, opts)?;
    let image_id = resolved.manifest.config.digest.clone();
    if let Some((digest, bytes)) = &resolved.index {
        store.put_blob(digest, bytes)?;
    }
    store.put_blob(&resolved.manifest_digest, &resolved.manifest_bytes)?;
    store.put_blob(&image_id, &config_bytes)?;
    let infos = fetch_layers(store, client, &layers, opts)?;
    Ok(Fetched {
        image_id,
        image_config,
        layers: layers.into_iter().map(|(_, d)| d).collect(),
        infos,
        resolved,
    })
}

/// The manifest and config of the image `reference` names, and its layers'
/// descriptors with their diff_ids; nothing stored yet.
#[allow(clippy::type_complexity)]
fn fetch_config(
    client: &RegistryClient,
    reference: &Reference,
    opts: &PullOptions,
) -> Result<(
    Resolved,
    Vec<u8>,
    ImageConfiguration,
    Vec<(Descriptor, Digest)>,
)> {
    let platform = opts.platform.clone().unwrap_or_else(Platform::host);
    let resolved = resolve(client, reference, &platform)?;
    let config_bytes =
        fetch_small_blob(client, &resolved.manifest.config).context("fetching the image config")?;
    let image_config = parse_config(&config_bytes)?;
    let diff_ids = parse_diff_ids(&image_config, resolved.manifest.layers.len())?;
    let layers = resolved
        .manifest
        .layers
        .iter()
        .cloned()
        .zip(diff_ids)
        .collect();
    Ok((resolved, config_bytes, image_config, layers))
}

/// The config and layers of the image `reference` names, if `wanted` takes
/// them (the config, the layers' diff_ids): then its layers are fetched into
/// the store, the image recorded as none (a build's cache in a registry).
/// None if the registry has no such manifest or `wanted` refuses it: nothing
/// is downloaded but the manifest and config. The caller holds the gc guard.
pub fn fetch_unrecorded(
    store: &Store,
    config: &Config,
    reference: &Reference,
    opts: &PullOptions,
    wanted: &dyn Fn(&serde_json::Value, &[Digest]) -> bool,
) -> Result<Option<(serde_json::Value, Vec<Digest>)>> {
    let client = client_for(reference, config, opts)?;
    if client.head_manifest(&reference.manifest_ref())?.is_none() {
        return Ok(None);
    }
    let (_, config_bytes, _, layers) = fetch_config(&client, reference, opts)?;
    let value: serde_json::Value =
        serde_json::from_slice(&config_bytes).context("parsing the image config")?;
    let diff_ids: Vec<Digest> = layers.iter().map(|(_, d)| d.clone()).collect();
    if !wanted(&value, &diff_ids) {
        return Ok(None);
    }
    fetch_layers(store, &client, &layers, opts)?;
    Ok(Some((value, diff_ids)))
}

/// The image `name` names: the local one, else pulled, as `policy` (`--pull`) says.
pub fn ensure(
    store: &Store,
    config: &Config,
    name: &str,
    policy: crate::container::options::PullPolicy,
    opts: &PullOptions,
) -> Result<ImageRecord> {
    use crate::container::options::PullPolicy;
    use crate::image::lookup;
    let local = match policy {
        PullPolicy::Always => None,
        _ => {
            let images = store.images()?;
            match lookup::find(&images, name, config) {
                Ok(i) => Some(images[i].clone()),
                Err(e)
                    if matches!(
                        e.downcast_ref::<lookup::LookupError>(),
                        Some(lookup::LookupError::NotFound(_))
                    ) =>
                {
                    None
                }
                Err(e) => return Err(e),
            }
        }
    };
    match (policy, local) {
        (PullPolicy::Missing | PullPolicy::Never, Some(image)) => Ok(image),
        (PullPolicy::Never, None) => {
            bail!("{name}: image not known (and --pull=never): run husk pull {name}")
        }
        // Asked; the local image if the registry cannot say (a pull of the same
        // manifest fetches nothing more).
        (PullPolicy::Newer, Some(image)) => match pull(store, config, name, opts) {
            Ok(newer) => Ok(newer),
            Err(e) => {
                eprintln!(
                    "WARN: --pull newer: {}: using the local image",
                    crate::error::one_line(&e)
                );
                Ok(image)
            }
        },
        _ => pull(store, config, name, opts),
    }
}

/// `pull --all-tags REPOSITORY` (docker's `-a`): every tag the registry lists
/// for it, in its order.
pub fn pull_all_tags(
    store: &Store,
    config: &Config,
    repository: &str,
    opts: &PullOptions,
) -> Result<Vec<ImageRecord>> {
    let (name, tags) = super::search::list_tags(config, repository, opts)
        .with_context(|| format!("--all-tags {repository}"))?;
    if tags.is_empty() {
        bail!("--all-tags {repository}: the registry lists no tag");
    }
    tags.iter()
        .map(|t| pull(store, config, &format!("{name}:{t}"), opts))
        .collect()
}

fn txn_record(store: &Store, id: &Digest) -> Result<Option<ImageRecord>> {
    Ok(store.images()?.into_iter().find(|i| &i.id == id))
}

/// Fetch the manifest `reference` names and, through an index, the one for `platform`.
fn resolve(
    client: &RegistryClient,
    reference: &Reference,
    platform: &Platform,
) -> Result<Resolved> {
    let top = client.get_manifest(&reference.manifest_ref())?;
    if let Some(want) = &reference.digest {
        if &top.digest != want {
            bail!("manifest digest mismatch: asked for {want}, the registry sent content hashing to {}", top.digest);
        }
    }
    let parsed = Manifest::parse(&top.bytes, &top.media_type)
        .with_context(|| format!("manifest of {reference}"))?;
    let (index, manifest_digest, manifest_bytes, manifest) = match parsed {
        Manifest::Image(m) => (None, top.digest.clone(), top.bytes, m),
        Manifest::Index(idx) => {
            let desc = idx.select(platform)?;
            let inner = client.get_manifest(&desc.digest.to_string())?;
            if inner.digest != desc.digest {
                bail!(
                    "manifest digest mismatch: the index lists {}, the registry sent {}",
                    desc.digest,
                    inner.digest
                );
            }
            match Manifest::parse(&inner.bytes, &inner.media_type)
                .with_context(|| format!("manifest {}", desc.digest))?
            {
                Manifest::Image(m) => (
                    Some((top.digest.clone(), top.bytes)),
                    inner.digest,
                    inner.bytes,
                    m,
                ),
                Manifest::Index(_) => bail!(
                    "manifest {} is an index inside an index: not supported",
                    desc.digest
                ),
            }
        }
    };
    Ok(Resolved {
        reference: reference.clone(),
        top_digest: top.digest,
        index,
        manifest_digest,
        manifest_bytes,
        manifest,
    })
}

/// A small blob (a config), read whole and verified.
fn fetch_small_blob(client: &RegistryClient, desc: &Descriptor) -> Result<Vec<u8>> {
    const LIMIT: u64 = 64 << 20;
    if desc.size > LIMIT {
        bail!(
            "blob {} claims {} bytes: too large for a config",
            desc.digest,
            desc.size
        );
    }
    let mut bytes = Vec::new();
    client
        .get_blob(&desc.digest)?
        .take(desc.size + 1)
        .read_to_end(&mut bytes)
        .context("downloading")?;
    let actual = Digest::of(&bytes);
    if actual != desc.digest || bytes.len() as u64 != desc.size {
        bail!(
            "blob {} is corrupt: the registry sent {} bytes hashing to {actual}",
            desc.digest,
            bytes.len()
        );
    }
    Ok(bytes)
}

/// An image config; `history` is optional in the OCI image spec (oci-spec 0.7 requires it).
fn parse_config(bytes: &[u8]) -> Result<ImageConfiguration> {
    const INVALID: &str = "the image config is not a valid OCI/Docker config";
    let mut value: serde_json::Value = serde_json::from_slice(bytes).context(INVALID)?;
    if let Some(obj) = value.as_object_mut() {
        if obj.get("history").is_none_or(serde_json::Value::is_null) {
            obj.insert("history".into(), serde_json::json!([]));
        }
    }
    serde_json::from_value(value).context(INVALID)
}

fn parse_diff_ids(config: &ImageConfiguration, layers: usize) -> Result<Vec<Digest>> {
    let ids = config.rootfs().diff_ids();
    if ids.len() != layers {
        bail!(
            "the image config lists {} layers but the manifest {layers}",
            ids.len()
        );
    }
    ids.iter()
        .map(|d| {
            d.parse::<Digest>()
                .map_err(|e| anyhow!("image config: {e}"))
        })
        .collect()
}

/// Fetch every layer not yet in the store, `opts.jobs` at a time, in order of the manifest.
fn fetch_layers(
    store: &Store,
    client: &RegistryClient,
    layers: &[(Descriptor, Digest)],
    opts: &PullOptions,
) -> Result<Vec<LayerInfo>> {
    let next = Mutex::new(0usize);
    let failed = AtomicBool::new(false);
    let results: Mutex<Vec<Option<Result<LayerInfo>>>> =
        Mutex::new((0..layers.len()).map(|_| None).collect());
    let items: Vec<Item> = layers
        .iter()
        .map(|(d, _)| {
            opts.progress
                .item(&format!("Copying blob {}", d.digest.short()), d.size)
        })
        .collect();
    std::thread::scope(|s| {
        for _ in 0..opts.jobs.clamp(1, layers.len().max(1)) {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().expect("lock poisoned");
                    let i = *n;
                    *n += 1;
                    i
                };
                if i >= layers.len() || failed.load(Ordering::Relaxed) {
                    break;
                }
                let (desc, diff_id) = &layers[i];
                let result = ensure_layer(store, client, desc, diff_id, &items[i]);
                if result.is_err() {
                    failed.store(true, Ordering::Relaxed);
                    items[i].finish("failed");
                }
                results.lock().expect("lock poisoned")[i] = Some(result);
            });
        }
    });
    let mut infos = Vec::new();
    for (i, r) in results
        .into_inner()
        .expect("lock poisoned")
        .into_iter()
        .enumerate()
    {
        match r {
            Some(Ok(info)) => infos.push(info),
            Some(Err(e)) => return Err(e.context(format!("layer {}", layers[i].0.digest))),
            None => bail!("pull stopped after an earlier layer failed"),
        }
    }
    Ok(infos)
}

/// Make sure layer `diff_id` is in the store, downloading it if need be.
fn ensure_layer(
    store: &Store,
    client: &RegistryClient,
    desc: &Descriptor,
    diff_id: &Digest,
    item: &Item,
) -> Result<LayerInfo> {
    let _lock = store.lock_layer(diff_id)?;
    if store.has_layer(diff_id) {
        item.finish("already exists");
        return store.layer_info(diff_id);
    }
    let mut attempt = 0;
    loop {
        match download_layer(store, client, desc, diff_id, item) {
            Ok(info) => {
                item.finish("done");
                return Ok(info);
            }
            Err(LayerError::Interrupted(_)) if attempt < client.retry().times => {
                attempt += 1;
                if let Some(wait) = client.retry().delay {
                    std::thread::sleep(wait);
                }
                item.reset();
            }
            Err(LayerError::Interrupted(e)) => return Err(e.context("download interrupted")),
            Err(LayerError::Fatal(e)) => return Err(e),
        }
    }
}

enum LayerError {
    /// The network stream broke: worth another try.
    Interrupted(anyhow::Error),
    Fatal(anyhow::Error),
}

/// A reader over the network body that remembers whether it failed.
struct NetReader<R> {
    inner: R,
    failed: bool,
}

impl<R: Read> Read for NetReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).inspect_err(|_| self.failed = true)
    }
}

fn download_layer(
    store: &Store,
    client: &RegistryClient,
    desc: &Descriptor,
    diff_id: &Digest,
    item: &Item,
) -> Result<LayerInfo, LayerError> {
    let body = client.get_blob(&desc.digest).map_err(LayerError::Fatal)?;
    let writer = store.new_layer().map_err(LayerError::Fatal)?;
    // One byte more than announced, so a blob that is too long is caught, not read forever.
    let net = NetReader {
        inner: body.take(desc.size + 1),
        failed: false,
    };
    let blob = HashingReader::new(ProgressReader::new(net, item));
    // The network side (TLS, the blob's hash, progress) on a thread of its own.
    let (unpacked, (blob, drained)) = std::thread::scope(|s| {
        let (mut ahead, reading) = readahead::spawn(s, blob);
        let unpacked = layer::unpack_blob(&mut ahead, &writer.diff_dir());
        drop(ahead);
        let finished = reading
            .join()
            .map_err(|_| LayerError::Fatal(anyhow!("the layer's reading thread panicked")));
        finished.map(|f| (unpacked, f))
    })?;
    let net_failed = blob_inner_failed(&blob);
    let (blob_digest, blob_size) = blob.finish();
    if net_failed {
        let e = drained
            .err()
            .map(|e| client.describe_io(e))
            .unwrap_or_else(|| anyhow!("connection lost"));
        return Err(LayerError::Interrupted(e));
    }
    if blob_digest != desc.digest || blob_size != desc.size {
        return Err(LayerError::Fatal(anyhow!(
            "blob is corrupt: expected {} ({} bytes), the registry sent {blob_size} bytes hashing to {blob_digest}",
            desc.digest,
            desc.size
        )));
    }
    let (actual_diff, size, has_overrides) = unpacked.map_err(LayerError::Fatal)?;
    if &actual_diff != diff_id {
        return Err(LayerError::Fatal(anyhow!(
            "diff_id mismatch: the config says {diff_id}, the layer is {actual_diff}"
        )));
    }
    let info = LayerInfo::unpacked(
        diff_id.clone(),
        size,
        (desc.digest.clone(), blob_size),
        Some(desc.media_type.clone()),
        has_overrides,
    );
    store
        .commit_layer(writer, &info)
        .map_err(LayerError::Fatal)?;
    Ok(info)
}

fn blob_inner_failed<R: Read>(blob: &HashingReader<ProgressReader<'_, NetReader<R>>>) -> bool {
    blob.get_ref().get_ref().failed
}
