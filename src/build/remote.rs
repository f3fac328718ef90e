//! `--cache-from` and `--cache-to`: the build cache in registry repositories.
//!
//! With `--cache-to REPO`, each step that runs a command or copies files is
//! pushed as the image `REPO:KEY` (KEY: the step's cache key in hex, the same
//! on every machine for the same inputs): its layers are the stage's after the
//! step, and its label `io.husk.cache.layer` names the layer the step made
//! (`none`: it made none). A step the local cache misses is looked for in each
//! `--cache-from REPO`: an image there whose layers are the stage's plus the
//! one its label names gives the step that layer, fetched into the store.
//! A registry that cannot be reached costs a warning, never the build.

use anyhow::{bail, Result};
use serde_json::{json, Value};

use super::cache::Entry;
use crate::config::Config;
use crate::digest::Digest;
use crate::image::pull::PullOptions;
use crate::image::push::PushOptions;
use crate::registry::Reference;
use crate::store::Store;

/// The label of a cache image that names the layer its step made.
const LAYER_LABEL: &str = "io.husk.cache.layer";

/// The repositories of `--cache-from` and `--cache-to`.
#[derive(Debug, Clone, Default)]
pub struct RemoteCache {
    pub from: Vec<Reference>,
    pub to: Vec<Reference>,
}

impl RemoteCache {
    /// `REGISTRY/REPOSITORY`s, without tags (each step is a tag of its own).
    pub fn parse(from: &[String], to: &[String]) -> Result<RemoteCache> {
        let repos = |flag: &str, list: &[String]| -> Result<Vec<Reference>> {
            list.iter()
                .map(|r| {
                    let name = r.strip_prefix("docker://").unwrap_or(r);
                    let reference = Reference::parse(name)?;
                    let last = name.rsplit('/').next().unwrap_or(name);
                    if last.contains(':') || reference.digest.is_some() {
                        bail!("{flag} {r}: a repository, without a tag or digest (each step is a tag)");
                    }
                    Ok(reference)
                })
                .collect()
        };
        Ok(RemoteCache {
            from: repos("--cache-from", from)?,
            to: repos("--cache-to", to)?,
        })
    }
}

fn tagged(repo: &Reference, key: &Digest) -> Reference {
    Reference {
        tag: Some(key.hex().to_string()),
        digest: None,
        ..repo.clone()
    }
}

/// The entry of step `key` from the first `--cache-from` repository that
/// has one whose layers continue `parents` (the stage's before the step).
/// A repository that fails is warned about once and added to `failed`,
/// which this build asks no more.
pub fn lookup(
    store: &Store,
    config: &Config,
    cache: &RemoteCache,
    key: &Digest,
    parents: &[Digest],
    opts: &PullOptions,
    failed: &mut Vec<String>,
) -> Option<(Entry, String)> {
    for repo in &cache.from {
        if failed.contains(&repo.name()) {
            continue;
        }
        let reference = tagged(repo, key);
        // Only an image that continues the stage is downloaded.
        let wanted = |image: &Value, layers: &[Digest]| entry_of(image, layers, parents).is_some();
        let fetched =
            crate::image::pull::fetch_unrecorded(store, config, &reference, opts, &wanted);
        let (image, layers) = match fetched {
            Ok(Some(found)) => found,
            Ok(None) => continue,
            Err(e) => {
                eprintln!("WARN[0000] --cache-from {}: {e:#}", repo.name());
                failed.push(repo.name());
                continue;
            }
        };
        if let Some(entry) = entry_of(&image, &layers, parents) {
            return Some((entry, repo.name()));
        }
    }
    None
}

/// What a cache image says of its step, if its layers continue `parents`.
fn entry_of(image: &Value, layers: &[Digest], parents: &[Digest]) -> Option<Entry> {
    let made = image["config"]["Labels"][LAYER_LABEL].as_str()?;
    let created = image["created"].as_str()?.to_string();
    let layer = match made {
        "none" if layers == parents => None,
        d => match layers.split_last() {
            Some((last, rest)) if rest == parents && last.to_string() == d => Some(last.clone()),
            _ => return None,
        },
    };
    Some(Entry {
        layer,
        created,
        made: Some(super::unix_now()),
    })
}

/// Push step `key`'s result (`layers`: the stage's after it) to each
/// `--cache-to` repository.
pub fn save(
    store: &Store,
    config: &Config,
    cache: &RemoteCache,
    key: &Digest,
    layers: &[Digest],
    entry: &Entry,
    opts: &PushOptions,
) -> Result<()> {
    if cache.to.is_empty() {
        return Ok(());
    }
    let made = entry
        .layer
        .as_ref()
        .map_or_else(|| "none".to_string(), |l| l.to_string());
    let platform = crate::image::platform::Platform::host();
    let image = json!({
        "architecture": platform.architecture,
        "os": "linux",
        "created": entry.created,
        "config": {"Labels": {LAYER_LABEL: made}},
        "rootfs": crate::image::write::rootfs(layers),
    });
    let record = crate::image::write::transient(store, &image, layers)?;
    for repo in &cache.to {
        let pushed =
            crate::image::push::push_record(store, config, &record, tagged(repo, key), opts);
        if let Err(e) = pushed {
            eprintln!("WARN[0000] --cache-to {}: {e:#}", repo.name());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_continues_its_parents_or_is_none() {
        let a = Digest::of(b"a");
        let b = Digest::of(b"b");
        let image = |made: &str| json!({"created": "2026-01-01T00:00:00Z", "config": {"Labels": {LAYER_LABEL: made}}});
        let (both, one) = (vec![a.clone(), b.clone()], vec![a.clone()]);
        let e = entry_of(&image(&b.to_string()), &both, &one).unwrap();
        assert_eq!(e.layer, Some(b.clone()));
        // Another stage's layers, or a label that names another layer: no entry.
        let other = vec![b.clone(), b.clone()];
        assert!(entry_of(&image(&b.to_string()), &other, &one).is_none());
        assert!(entry_of(&image(&a.to_string()), &both, &one).is_none());
        let none = entry_of(&image("none"), &one, &one).unwrap();
        assert_eq!(none.layer, None);
        assert!(entry_of(&json!({"created": "x"}), &one, &one).is_none());
    }
}
