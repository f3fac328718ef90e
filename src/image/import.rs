//! `husk import`: a root file system tar (a file, a URL or stdin; plain or
//! compressed) as a one-layer image, with `-c` Dockerfile instructions and a
//! `-m` message, as docker and podman import.

use std::io::Read;

use anyhow::{Context, Result};
use serde_json::json;

use crate::build::stage::{self, State};
use crate::digest::{Digest, HashingReader};
use crate::store::images::ImageRecord;
use crate::store::layers::LayerInfo;
use crate::store::Store;

/// What `husk import` asks.
pub struct ImportOptions {
    /// `-c` changes, parsed (see `container::commit::parse_changes`).
    pub changes: Vec<crate::build::dockerfile::Instruction>,
    pub message: Option<String>,
    /// The name, already in its stored form (None: an unnamed image).
    pub name: Option<String>,
    /// Where the tar came from, for the history ("imported from …").
    pub source: String,
    /// `--os`, `--arch`, `--variant`: the platform the config names (default: this host's).
    pub platform: Option<super::platform::Platform>,
}

/// Import the tar `reader` as an image.
pub fn import(store: &Store, reader: impl Read, opts: &ImportOptions) -> Result<ImageRecord> {
    let _gc = store.gc_guard()?;
    let writer = store.new_layer()?;
    let mut blob = HashingReader::new(reader);
    let (diff_id, size, has_overrides) =
        crate::layer::unpack_blob(&mut blob, &writer.diff_dir())
            .with_context(|| format!("importing {}: not a tar archive?", opts.source))?;
    blob.drain()
        .with_context(|| format!("reading {}", opts.source))?;
    let (blob_digest, blob_size) = blob.finish();
    {
        let _lock = store.lock_layer(&diff_id)?;
        let info = LayerInfo::unpacked(
            diff_id.clone(),
            size,
            (blob_digest, blob_size),
            None,
            has_overrides,
        );
        store.commit_layer(writer, &info)?;
    }
    let p = opts
        .platform
        .clone()
        .unwrap_or_else(super::platform::Platform::host);
    let mut base = json!({"architecture": p.architecture, "os": p.os, "config": {}});
    if let Some(v) = &p.variant {
        base["variant"] = json!(v);
    }
    let mut state = State::from_config(base, vec![diff_id.clone()], Digest::of(b""), '\\');
    for ins in &opts.changes {
        stage::apply(ins, &mut state, &Default::default(), &[])
            .with_context(|| format!("-c {}", ins.text()))?;
    }
    let created = super::write::timestamp(None);
    state.history(&created, "/bin/sh -c #(nop) ADD file in /".into(), false);
    if let Some(h) = state.image["history"]
        .as_array_mut()
        .and_then(|h| h.last_mut())
    {
        let comment = opts
            .message
            .clone()
            .unwrap_or_else(|| format!("imported from {}", opts.source));
        h["comment"] = json!(comment);
    }
    let mut image = state.image.clone();
    image["created"] = json!(created);
    image["rootfs"] = super::write::rootfs(std::slice::from_ref(&diff_id));
    let names: Vec<String> = opts.name.iter().cloned().collect();
    let record = super::write::write(store, &image, &[diff_id], &names)?;
    crate::events::image(
        "import",
        &record.id.to_string(),
        names.first().map(String::as_str),
    );
    Ok(record)
}
