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

/// A `--filter` of `search` (docker's and podman's keys).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `stars=N`: at least N stars.
    Stars(u64),
    /// `is-official=true|false`.
    Official(bool),
    /// `is-automated=true|false`.
    Automated(bool),
}

impl std::str::FromStr for Filter {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Filter> {
        let bool_of = |v: &str| match v {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => bail!("invalid --filter {s:?}: true or false"),
        };
        match s.split_once('=') {
            Some(("stars", n)) => Ok(Filter::Stars(n.parse().map_err(|_| {
                anyhow::anyhow!("invalid --filter {s:?}: stars=N takes a number")
            })?)),
            Some(("is-official", v)) => Ok(Filter::Official(bool_of(v)?)),
            Some(("is-automated", v)) => Ok(Filter::Automated(bool_of(v)?)),
            _ => bail!("invalid --filter {s:?}: stars=N, is-official=BOOL or is-automated=BOOL"),
        }
    }
}

impl Filter {
    fn matches(&self, f: &Found) -> bool {
        match self {
            Filter::Stars(n) => f.stars >= *n,
            Filter::Official(b) => f.official == *b,
            Filter::Automated(b) => f.automated == *b,
        }
    }
}

/// Search `term`, at most `limit` results per registry of those that pass
/// every filter.
pub fn search(
    config: &Config,
    term: &str,
    limit: usize,
    filters: &[Filter],
    opts: &PullOptions,
) -> Result<Vec<Hit>> {
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
        let passing = found
            .into_iter()
            .filter(|f| filters.iter().all(|flt| flt.matches(f)));
        hits.extend(passing.take(limit).map(|found| Hit {
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
