//! `husk history`: the steps that made an image, from its config's `history`,
//! newest first, each non-empty one with the size of its layer.

use anyhow::{Context, Result};
use serde_json::Value;

use crate::store::images::ImageRecord;
use crate::store::Store;

/// One step of an image's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The image's id on the newest step, None ("<missing>") on the others, as docker shows them.
    pub id: Option<String>,
    pub created: Option<String>,
    pub created_by: String,
    /// Bytes of the step's layer (0 for a step that made none).
    pub size: u64,
    pub comment: String,
}

/// The image's steps, newest first. A config without `history` gives one step per layer.
pub fn history(store: &Store, image: &ImageRecord) -> Result<Vec<Step>> {
    let config: Value =
        serde_json::from_slice(&store.get_blob(&image.id)?).context("parsing the image config")?;
    let entries: Vec<Value> = config
        .get("history")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_else(|| image.layers.iter().map(|_| Value::Null).collect());
    let mut layers = image.layers.iter();
    let mut steps = Vec::new();
    for h in &entries {
        let empty = h
            .get("empty_layer")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let layer = if empty { None } else { layers.next() };
        let size = layer.map_or(0, |l| store.layer_info(l).map(|i| i.size).unwrap_or(0));
        let text = |k: &str| {
            h.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        steps.push(Step {
            id: None,
            created: h.get("created").and_then(Value::as_str).map(String::from),
            created_by: text("created_by"),
            size,
            comment: text("comment"),
        });
    }
    steps.reverse();
    if let Some(top) = steps.first_mut() {
        top.id = Some(image.id.hex().to_string());
    }
    Ok(steps)
}
