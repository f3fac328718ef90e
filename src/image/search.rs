//! `husk search`: repositories of registries whose names hold a term, or a
//! repository's tags (`--list-tags`). A term `REGISTRY/TEXT` searches that
//! registry; a bare one every search registry (registries.conf). Docker Hub
//! answers through `/v1/search`; others through their catalog, filtered here.

use anyhow::{bail, Result};

use super::pull::{client_for, client_with, PullOptions};
use crate::config::Config;
use crate::registry::search::Found;
use crate::registry::Reference;

/// One line of the result: the registry and what it found.
pub struct Hit {
    pub registry: String,
    pub found: Found,
}

/// Search `term`, at most `limit` results per registry.
pub fn search(config: &Config, term: &str, limit: usize, opts: &PullOptions) -> Result<Vec<Hit>> {
    let (registries, text) = match split_registry(term) {
        Some((r, t)) => (vec![r.to_string()], t.to_string()),
        None if config.search_registries.is_empty() => {
            bail!("{term}: no registry to search: name one (REGISTRY/{term}) or set unqualified-search-registries in registries.conf")
        }
        None => (config.search_registries.clone(), term.to_string()),
    };
    let mut hits = Vec::new();
    for registry in registries {
        let reference = Reference {
            registry: registry.clone(),
            repository: String::new(),
            tag: None,
            digest: None,
        };
        let catalog = crate::registry::ClientOptions {
            catalog: true,
            ..Default::default()
        };
        let client = client_with(&reference, config, opts, catalog)?;
        let found = match registry.as_str() {
            "docker.io" => client
                .v1_search(Some("index.docker.io"), &text, limit)?
                .unwrap_or_default(),
            _ => match client.catalog()? {
                Some(repos) => repos
                    .into_iter()
                    .filter(|r| r.contains(&text))
                    .map(|name| Found {
                        name,
                        ..Default::default()
                    })
                    .collect(),
                None => client.v1_search(None, &text, limit)?.unwrap_or_default(),
            },
        };
        hits.extend(found.into_iter().take(limit).map(|found| Hit {
            registry: registry.clone(),
            found,
        }));
    }
    Ok(hits)
}

/// The tags of the repository `name` (`REGISTRY/REPOSITORY`).
pub fn list_tags(config: &Config, name: &str, opts: &PullOptions) -> Result<(String, Vec<String>)> {
    let reference = Reference::parse(name)?;
    if reference.tag.is_some() && name.rsplit('/').next().is_some_and(|l| l.contains(':')) {
        bail!("--list-tags {name}: name a repository, without a tag");
    }
    let client = client_for(&reference, config, opts)?;
    Ok((reference.name(), client.tags()?))
}

/// `REGISTRY/TEXT` as (registry, text) when the first part names a host.
fn split_registry(term: &str) -> Option<(&str, &str)> {
    let (first, rest) = term.split_once('/')?;
    (first.contains('.') || first.contains(':') || first == "localhost").then_some((first, rest))
}
