//! What `husk search` asks a registry: its catalog (`/v2/_catalog`, pages
//! followed by their `Link`), a repository's tags (`/v2/NAME/tags/list`),
//! and Docker Hub's `/v1/search` where a registry offers it.

use anyhow::{Context, Result};
use reqwest::StatusCode;
use serde_json::Value;

use super::client::RegistryClient;

/// The most repositories read from a catalog.
const MAX_CATALOG: usize = 100_000;
/// The largest catalog page read.
const MAX_PAGE: u64 = 16 << 20;

/// One search result.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// `REPOSITORY` (without the registry).
    pub name: String,
    pub description: String,
    pub stars: u64,
    pub official: bool,
    pub automated: bool,
}

impl RegistryClient {
    /// Every repository of the catalog; None when the registry has no catalog.
    pub fn catalog(&self) -> Result<Option<Vec<String>>> {
        let mut path = "/v2/_catalog?n=1000".to_string();
        let mut out = Vec::new();
        loop {
            let resp = self.send(|c, base| c.get(format!("{base}{path}")))?;
            if matches!(
                resp.status(),
                StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED
            ) {
                return Ok(None);
            }
            if resp.status() == StatusCode::UNAUTHORIZED {
                return Err(self.unauthorized());
            }
            let next = resp
                .headers()
                .get(reqwest::header::LINK)
                .and_then(|v| v.to_str().ok())
                .and_then(next_link);
            let body: Value = serde_json::from_slice(&self.read_bounded(resp, MAX_PAGE)?)
                .context("the catalog is not JSON")?;
            let page = body["repositories"].as_array().cloned().unwrap_or_default();
            out.extend(page.iter().filter_map(|r| r.as_str().map(String::from)));
            match next {
                Some(n) if out.len() < MAX_CATALOG && !page.is_empty() => path = n,
                _ => return Ok(Some(out)),
            }
        }
    }

    /// The tags of this client's repository.
    pub fn tags(&self) -> Result<Vec<String>> {
        let path = format!("/v2/{}/tags/list", self.repository);
        let resp = self.send(|c, base| c.get(format!("{base}{path}")))?;
        if resp.status() == StatusCode::NOT_FOUND {
            anyhow::bail!("{}/{}: no such repository", self.registry, self.repository);
        }
        if resp.status() == StatusCode::UNAUTHORIZED {
            return Err(self.unauthorized());
        }
        let body: Value = serde_json::from_slice(&self.read_bounded(resp, MAX_PAGE)?)
            .context("the tag list is not JSON")?;
        Ok(body["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str().map(String::from))
            .collect())
    }

    /// Docker Hub's `/v1/search?q=TERM&n=LIMIT` at `endpoint` (the registry's own by default).
    pub fn v1_search(
        &self,
        endpoint: Option<&str>,
        term: &str,
        limit: usize,
    ) -> Result<Option<Vec<Found>>> {
        let url = |base: &str| {
            format!(
                "{}/v1/search",
                endpoint
                    .map(|e| format!("https://{e}"))
                    .unwrap_or(base.to_string())
            )
        };
        let resp = self.send(|c, base| {
            c.get(url(base))
                .query(&[("q", term.to_string()), ("n", limit.to_string())])
        })?;
        if !resp.status().is_success() {
            return Ok(None);
        }
        let body: Value = serde_json::from_slice(&self.read_bounded(resp, MAX_PAGE)?)
            .context("the search reply is not JSON")?;
        Ok(Some(
            body["results"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| Found {
                    name: r["name"].as_str().unwrap_or_default().to_string(),
                    description: r["description"].as_str().unwrap_or_default().to_string(),
                    stars: r["star_count"].as_u64().unwrap_or(0),
                    official: r["is_official"].as_bool().unwrap_or(false),
                    automated: r["is_automated"].as_bool().unwrap_or(false),
                })
                .collect(),
        ))
    }
}

/// The path of a `Link: </v2/_catalog?last=x&n=1000>; rel="next"` header.
fn next_link(link: &str) -> Option<String> {
    link.split(',')
        .find(|l| l.contains("rel=\"next\""))
        .and_then(|l| {
            let url = l.split('<').nth(1)?.split('>').next()?;
            // Absolute or relative: the path and query only.
            let path = match url.find("/v2/") {
                Some(i) => &url[i..],
                None => url,
            };
            Some(path.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_links() {
        assert_eq!(
            next_link("</v2/_catalog?last=b&n=2>; rel=\"next\"").as_deref(),
            Some("/v2/_catalog?last=b&n=2")
        );
        assert_eq!(
            next_link("<https://r.example/v2/_catalog?last=b>; rel=\"next\"").as_deref(),
            Some("/v2/_catalog?last=b")
        );
        assert_eq!(next_link("</x>; rel=\"prev\""), None);
    }
}
