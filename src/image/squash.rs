//! Squashing: the layers of an image above the first `keep` merged into one
//! (`husk build --squash`, `--squash-all`, `husk commit --squash`).

use anyhow::Result;
use serde_json::{json, Value};

use crate::digest::Digest;
use crate::layer::pack::LayerTar;
use crate::store::Store;

/// Merge `layers[keep..]` into one new layer (file times clamped to `clamp`);
/// `image`'s history keeps its entries, all empty but the last that made a
/// layer. With `keep` 0 the layer is the merged files alone; above kept
/// layers, it keeps the whiteouts and opaque directories that hide theirs.
pub fn squash(
    store: &Store,
    layers: &mut Vec<Digest>,
    image: &mut Value,
    keep: usize,
    clamp: Option<u64>,
) -> Result<()> {
    if layers.len() <= keep + 1 {
        return Ok(());
    }
    let merged = layers.len() - keep;
    let dirs = crate::container::layer_dirs(store, &layers[keep..], "the layers to squash")?;
    let mut tar = LayerTar::create(store, clamp)?;
    match keep {
        0 => super::export::pack_merged(tar.packer(), dirs)?,
        _ => tar.packer().add_layer_dirs(&dirs)?,
    }
    let info = tar.commit(store)?;
    layers.truncate(keep);
    layers.push(info.diff_id);
    if let Some(history) = image["history"].as_array_mut() {
        let makers: Vec<usize> = history
            .iter()
            .enumerate()
            .filter(|(_, e)| !e["empty_layer"].as_bool().unwrap_or(false))
            .map(|(i, _)| i)
            .collect();
        let squashed = &makers[makers.len().saturating_sub(merged)..];
        if let Some((_, older)) = squashed.split_last() {
            for i in older {
                history[*i]["empty_layer"] = json!(true);
            }
        }
    }
    Ok(())
}
