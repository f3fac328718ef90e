//! Finding a stored image by what a user types: a name (short or qualified,
//! with tag or digest) or an id prefix.

use anyhow::{bail, Result};

use crate::config::Config;
use crate::registry::Reference;
use crate::store::images::ImageRecord;

/// Why a lookup failed.
#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error("{0}: image not known")]
    NotFound(String),
    #[error("{0}: ambiguous, it matches {1}")]
    Ambiguous(String, String),
}

/// The index in `images` of the image `input` names.
pub fn find(images: &[ImageRecord], input: &str, config: &Config) -> Result<usize> {
    if let Some(i) = by_name(images, input, config)? {
        return Ok(i);
    }
    if let Some(i) = by_id(images, input)? {
        return Ok(i);
    }
    Err(LookupError::NotFound(input.to_string()).into())
}

fn by_name(images: &[ImageRecord], input: &str, config: &Config) -> Result<Option<usize>> {
    let Ok(candidates) = Reference::candidates(input, &config.search_registries) else {
        return Ok(None);
    };
    for r in &candidates {
        if let Some(i) = images.iter().position(|img| matches_reference(img, r)) {
            return Ok(Some(i));
        }
    }
    if !Reference::is_short(input) {
        return Ok(None);
    }
    // Like podman: a short name also finds an image of any registry whose
    // repository ends with it (`busybox` finds `127.0.0.1:5000/busybox:latest`).
    let r = &candidates[0];
    let short = r.repository.trim_start_matches("library/");
    let found: Vec<usize> = images
        .iter()
        .enumerate()
        .filter(|(_, img)| {
            img.names.iter().chain(img.repo_digests.iter()).any(|n| {
                let Ok(have) = Reference::parse(n) else {
                    return false;
                };
                let same_repo =
                    have.repository == short || have.repository.ends_with(&format!("/{short}"));
                same_repo
                    && (r.digest.is_some() && have.digest == r.digest
                        || r.digest.is_none() && have.tag == r.tag)
            })
        })
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [] => Ok(None),
        [i] => Ok(Some(*i)),
        many => {
            let names: Vec<String> = many
                .iter()
                .filter_map(|i| images[*i].names.first().cloned())
                .collect();
            Err(LookupError::Ambiguous(input.to_string(), names.join(", ")).into())
        }
    }
}

fn matches_reference(img: &ImageRecord, r: &Reference) -> bool {
    match (&r.digest, r.tagged_name()) {
        (Some(d), _) => {
            img.repo_digests.contains(&format!("{}@{d}", r.name()))
                || (&img.manifest == d
                    && img
                        .repo_digests
                        .iter()
                        .any(|x| x.starts_with(&format!("{}@", r.name()))))
        }
        (None, Some(tagged)) => img.names.contains(&tagged),
        (None, None) => false,
    }
}

fn by_id(images: &[ImageRecord], input: &str) -> Result<Option<usize>> {
    let hex = input.strip_prefix("sha256:").unwrap_or(input);
    if hex.is_empty() || hex.len() > 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let found: Vec<usize> = images
        .iter()
        .enumerate()
        .filter(|(_, i)| i.id.hex().starts_with(hex))
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [] => Ok(None),
        [i] => Ok(Some(*i)),
        _ => bail!(LookupError::Ambiguous(
            input.to_string(),
            format!("{} images", found.len())
        )),
    }
}
