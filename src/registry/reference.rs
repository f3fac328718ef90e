//! Image references: `[registry/]repository[:tag][@digest]`, normalised as docker does
//! (`busybox` -> `docker.io/library/busybox:latest`).

use std::fmt;

use anyhow::{bail, Result};

use crate::digest::Digest;

/// The registry docker.io's API is served from.
const DOCKER_HUB_ENDPOINT: &str = "registry-1.docker.io";

/// A fully qualified image reference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// `docker.io`, `quay.io`, `127.0.0.1:5000`...
    pub registry: String,
    /// `library/busybox`, `org/app`...
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<Digest>,
}

impl Reference {
    /// Parse `input`; a name without a registry is resolved against `search`
    /// (each registry in turn, docker.io gets the `library/` prefix), giving
    /// one candidate per search registry. A qualified name gives one.
    pub fn candidates(input: &str, search: &[String]) -> Result<Vec<Reference>> {
        let (domain, rest) = split_domain(input);
        let (path, tag, digest) = split_tag_digest(rest, input)?;
        validate_path(path, input)?;
        let tag = if tag.is_none() && digest.is_none() {
            Some("latest".to_string())
        } else {
            tag
        };
        let registries: Vec<String> = match domain {
            Some(d) => vec![normalize_registry(d)],
            None if search.is_empty() => vec!["docker.io".to_string()],
            None => search.iter().map(|r| normalize_registry(r)).collect(),
        };
        Ok(registries
            .into_iter()
            .map(|registry| {
                let repository = if registry == "docker.io" && !path.contains('/') {
                    format!("library/{path}")
                } else {
                    path.to_string()
                };
                Reference {
                    registry,
                    repository,
                    tag: tag.clone(),
                    digest: digest.clone(),
                }
            })
            .collect())
    }

    /// Parse with docker's default (short names are on docker.io).
    pub fn parse(input: &str) -> Result<Reference> {
        let mut all = Self::candidates(input, &[])?;
        Ok(all.remove(0))
    }

    /// Whether `input` names no registry (a short name).
    pub fn is_short(input: &str) -> bool {
        split_domain(input).0.is_none()
    }

    /// `registry/repository`.
    pub fn name(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }

    /// `registry/repository:tag`, if it has a tag.
    pub fn tagged_name(&self) -> Option<String> {
        self.tag.as_ref().map(|t| format!("{}:{t}", self.name()))
    }

    /// The tag or digest to ask the registry for.
    pub fn manifest_ref(&self) -> String {
        match (&self.digest, &self.tag) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => t.clone(),
            (None, None) => "latest".into(),
        }
    }

    /// The host (and port) the registry's API answers on.
    pub fn endpoint(&self) -> &str {
        endpoint_of(&self.registry)
    }
}

/// The API host of a registry name (`docker.io` is served elsewhere).
pub fn endpoint_of(registry: &str) -> &str {
    if registry == "docker.io" {
        DOCKER_HUB_ENDPOINT
    } else {
        registry
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.name())?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

/// The canonical name of a registry: docker hub's aliases become `docker.io`.
pub fn normalize_registry(r: &str) -> String {
    let r = r
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/');
    match r {
        "index.docker.io" | "registry-1.docker.io" | "registry.hub.docker.com" => {
            "docker.io".into()
        }
        other => other.to_string(),
    }
}

fn split_domain(input: &str) -> (Option<&str>, &str) {
    match input.split_once('/') {
        Some((first, rest)) if first.contains(['.', ':']) || first == "localhost" => {
            (Some(first), rest)
        }
        _ => (None, input),
    }
}

type TagDigest<'a> = (&'a str, Option<String>, Option<Digest>);

fn split_tag_digest<'a>(rest: &'a str, input: &str) -> Result<TagDigest<'a>> {
    let (rest, digest) = match rest.split_once('@') {
        Some((r, d)) => match d.parse::<Digest>() {
            Ok(d) => (r, Some(d)),
            Err(e) => bail!("invalid reference {input:?}: {e}"),
        },
        None => (rest, None),
    };
    let (path, tag) = match rest.rsplit_once(':') {
        Some((p, t)) if !t.contains('/') => (p, Some(t.to_string())),
        _ => (rest, None),
    };
    if let Some(t) = &tag {
        let valid = !t.is_empty()
            && t.len() <= 128
            && !t.starts_with(['.', '-'])
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
        if !valid {
            bail!("invalid reference {input:?}: bad tag {t:?}");
        }
    }
    Ok((path, tag, digest))
}

fn validate_path(path: &str, input: &str) -> Result<()> {
    let component_ok = |c: &str| {
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || "._-".contains(ch))
            && c.starts_with(|ch: char| ch.is_ascii_alphanumeric())
            && c.ends_with(|ch: char| ch.is_ascii_alphanumeric())
    };
    if path.len() > 255 || !path.split('/').all(component_ok) {
        bail!("invalid reference {input:?}: repository names are lowercase letters, digits and . _ - separated by /");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_go_to_docker_hub() {
        let r = Reference::parse("busybox").unwrap();
        assert_eq!(r.to_string(), "docker.io/library/busybox:latest");
        assert_eq!(r.endpoint(), "registry-1.docker.io");
        assert_eq!(
            Reference::parse("org/app:1").unwrap().to_string(),
            "docker.io/org/app:1"
        );
    }

    #[test]
    fn qualified_names_keep_registry_and_port() {
        let r = Reference::parse("127.0.0.1:5000/app:1.2").unwrap();
        assert_eq!(
            (r.registry.as_str(), r.repository.as_str(), r.tag.as_deref()),
            ("127.0.0.1:5000", "app", Some("1.2"))
        );
        let r = Reference::parse("localhost/a/b").unwrap();
        assert_eq!(r.to_string(), "localhost/a/b:latest");
    }

    #[test]
    fn digests() {
        let d = Digest::of(b"x");
        let r = Reference::parse(&format!("quay.io/a/b@{d}")).unwrap();
        assert_eq!(r.tag, None);
        assert_eq!(r.manifest_ref(), d.to_string());
        assert!(Reference::parse("a@sha256:123").is_err());
    }

    #[test]
    fn search_registries_make_candidates() {
        let search = vec!["127.0.0.1:5000".to_string(), "docker.io".to_string()];
        let c = Reference::candidates("busybox", &search).unwrap();
        assert_eq!(c[0].to_string(), "127.0.0.1:5000/busybox:latest");
        assert_eq!(c[1].to_string(), "docker.io/library/busybox:latest");
    }

    #[test]
    fn rejects_bad_names() {
        for bad in ["Busybox", "a//b", "a:", "-a", "a/b:-x", "a b", ""] {
            assert!(Reference::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
