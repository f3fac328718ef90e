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

/// Whether an image `input` names is stored (`husk image exists`): an error
/// only for an ambiguous name or id.
pub fn exists(images: &[ImageRecord], input: &str, config: &Config) -> Result<bool> {
    match find(images, input, config) {
        Ok(_) => Ok(true),
        Err(e)
            if matches!(
                e.downcast_ref::<LookupError>(),
                Some(LookupError::NotFound(_))
            ) =>
        {
            Ok(false)
        }
        Err(e) => Err(e),
    }
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
    let found: Vec<usize> = images
        .iter()
        .enumerate()
        .filter(|(_, img)| {
            img.names
                .iter()
                .chain(img.repo_digests.iter())
                .any(|n| name_matches(input, n, false))
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

/// Whether the name a user typed (`input`: short or qualified, with or without
/// a tag or digest) names `stored`, an image name as the store keeps it
/// (`registry/repository:tag` or `…@digest`): the same after docker's
/// normalization (docker.io, library/, :latest), or, for a short input, a
/// repository of any registry that ends with it (podman's rule: `busybox` names
/// `127.0.0.1:5000/busybox:latest`). With `any_tag`, an input without a tag or
/// digest names every tag (`husk images busybox`). The one rule for every
/// command that matches image names (lookup, `ps --filter ancestor=`, `images REPO`).
pub fn name_matches(input: &str, stored: &str, any_tag: bool) -> bool {
    let (Ok(want), Ok(have)) = (Reference::parse(input), Reference::parse(stored)) else {
        return false;
    };
    let short = want.repository.trim_start_matches("library/");
    let same_repo = have.name() == want.name()
        || (Reference::is_short(input)
            && (have.repository == short || have.repository.ends_with(&format!("/{short}"))));
    if !same_repo {
        return false;
    }
    let last = input.rsplit('/').next().unwrap_or(input);
    let explicit = last.contains(':') || last.contains('@');
    match (&want.digest, any_tag && !explicit) {
        (_, true) => true,
        (Some(d), false) => have.digest.as_ref() == Some(d),
        (None, false) => have.digest.is_none() && have.tag == want.tag,
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

#[cfg(test)]
mod tests {
    use super::name_matches;

    #[test]
    fn one_rule_for_image_names() {
        let hub = "docker.io/library/busybox:latest";
        for input in [
            "busybox",
            "busybox:latest",
            "library/busybox",
            "docker.io/busybox",
            hub,
        ] {
            assert!(name_matches(input, hub, false), "{input}");
        }
        // A short name finds the repository in any registry; a qualified one only in its own.
        let local = "127.0.0.1:5000/tests/busybox:latest";
        assert!(name_matches("busybox", local, false));
        assert!(!name_matches("docker.io/library/busybox", local, false));
        assert!(!name_matches("busybox:1.36", hub, false));
        assert!(!name_matches("busy", hub, false));
        assert!(!name_matches("box", hub, false));
        // Every tag, when asked, unless the input names one.
        assert!(name_matches(
            "busybox",
            "docker.io/library/busybox:1.36",
            true
        ));
        assert!(!name_matches(
            "busybox:latest",
            "docker.io/library/busybox:1.36",
            true
        ));
        let d = "sha256:".to_string() + &"a".repeat(64);
        let pinned = format!("docker.io/library/busybox@{d}");
        assert!(name_matches(&format!("busybox@{d}"), &pinned, false));
        assert!(!name_matches("busybox", &pinned, false));
        assert!(name_matches("busybox", &pinned, true));
    }
}
