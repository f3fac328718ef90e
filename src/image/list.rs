//! The lines of `husk images`: one per name of each image (an unnamed one
//! once, as `<none>`), selected by docker's filters and sorted as podman's
//! `--sort` asks.

use anyhow::{bail, Context, Result};
use serde_json::Value;

use super::lookup;
use crate::config::Config;
use crate::output::human;
use crate::registry::Reference;
use crate::store::images::ImageRecord;
use crate::store::Store;

/// One line of `husk images`.
pub struct Row<'a> {
    pub image: &'a ImageRecord,
    pub repository: String,
    pub tag: String,
}

impl Row<'_> {
    /// The digest the image has in this line's repository, or `<none>`.
    pub fn digest(&self) -> String {
        let prefix = format!("{}@", self.repository);
        self.image
            .repo_digests
            .iter()
            .find_map(|d| d.strip_prefix(&prefix))
            .unwrap_or("<none>")
            .to_string()
    }

    fn name(&self) -> String {
        match self.tag.as_str() {
            "<none>" => self.repository.clone(),
            _ => format!("{}:{}", self.repository, self.tag),
        }
    }
}

/// An `images --filter`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// dangling=true: images without a name; false: with one.
    Dangling(bool),
    Label(String, Option<String>),
    /// Created before / after the image named (seconds since the epoch).
    Before(u64),
    Since(u64),
    /// reference=PATTERN: a glob (`*`, `?`) over REPOSITORY[:TAG], short names too.
    Reference(String),
}

impl Filter {
    /// `KEY=VALUE`; before= and since= name an image among `images`.
    pub fn parse(s: &str, images: &[ImageRecord], config: &Config) -> Result<Filter> {
        let (key, value) = s
            .split_once('=')
            .with_context(|| format!("invalid filter {s:?}: use KEY=VALUE"))?;
        let created = |name: &str| -> Result<u64> {
            let i = lookup::find(images, name, config)?;
            Ok(human::unix_seconds(images[i].created.as_deref()))
        };
        Ok(match key {
            "dangling" => Filter::Dangling(match value {
                "true" | "1" => true,
                "false" | "0" => false,
                _ => bail!("invalid filter {s:?}: dangling is true or false"),
            }),
            "label" => match value.split_once('=') {
                Some((k, v)) => Filter::Label(k.into(), Some(v.into())),
                None => Filter::Label(value.into(), None),
            },
            "before" => Filter::Before(created(value)?),
            "since" => Filter::Since(created(value)?),
            "reference" => Filter::Reference(value.into()),
            _ => bail!("invalid filter {key:?}: dangling, label, before, since or reference"),
        })
    }

    fn keeps(&self, row: &Row<'_>, labels: &dyn Fn(&ImageRecord) -> Value) -> bool {
        let created = || human::unix_seconds(row.image.created.as_deref());
        match self {
            Filter::Dangling(d) => row.image.names.is_empty() == *d,
            Filter::Label(k, v) => {
                let l = labels(row.image);
                match (l.get(k).and_then(Value::as_str), v) {
                    (Some(have), Some(want)) => have == want,
                    (Some(_), None) => true,
                    (None, _) => false,
                }
            }
            Filter::Before(t) => created() < *t,
            Filter::Since(t) => created() > *t,
            Filter::Reference(p) => {
                let name = row.name();
                let short = name.rsplit('/').next().unwrap_or(&name).to_string();
                [name.as_str(), row.repository.as_str(), short.as_str()]
                    .iter()
                    .any(|n| glob(p.as_bytes(), n.as_bytes()))
            }
        }
    }
}

/// `images --sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first (the default).
    #[default]
    Created,
    Id,
    Repository,
    Size,
    Tag,
}

impl std::str::FromStr for Sort {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Sort> {
        Ok(match s {
            "created" => Sort::Created,
            "id" => Sort::Id,
            "repository" => Sort::Repository,
            "size" => Sort::Size,
            "tag" => Sort::Tag,
            _ => bail!("invalid --sort {s:?}: created, id, repository, size or tag"),
        })
    }
}

/// The lines for `images` (`repo`: only names matching it, as `images REPO`).
pub fn rows<'a>(
    store: &Store,
    images: &'a [ImageRecord],
    repo: Option<&str>,
    filters: &[Filter],
    sort: Sort,
) -> Result<Vec<Row<'a>>> {
    if let Some(f) = repo {
        Reference::parse(f)?; // a name that cannot be an image's is an error, not an empty list
    }
    let labels = |i: &ImageRecord| -> Value {
        store
            .get_blob(&i.id)
            .ok()
            .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
            .and_then(|c| c.pointer("/config/Labels").cloned())
            .unwrap_or(Value::Null)
    };
    let mut rows = Vec::new();
    for image in images {
        for (repository, tag) in names(image) {
            let row = Row {
                image,
                repository,
                tag,
            };
            if repo.is_some_and(|f| !lookup::name_matches(f, &row.name(), true)) {
                continue;
            }
            if filters.iter().all(|f| f.keeps(&row, &labels)) {
                rows.push(row);
            }
        }
    }
    match sort {
        Sort::Created => {
            rows.sort_by_key(|r| std::cmp::Reverse(human::unix_seconds(r.image.created.as_deref())))
        }
        Sort::Id => rows.sort_by(|a, b| a.image.id.hex().cmp(b.image.id.hex())),
        Sort::Repository => rows.sort_by(|a, b| a.repository.cmp(&b.repository)),
        Sort::Size => rows.sort_by_key(|r| std::cmp::Reverse(r.image.size)),
        Sort::Tag => rows.sort_by(|a, b| a.tag.cmp(&b.tag)),
    }
    Ok(rows)
}

/// (repository, tag) of each name; an unnamed image once, by its repo digest's repository or `<none>`.
pub fn names(image: &ImageRecord) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = image
        .names
        .iter()
        .filter_map(|n| {
            n.rsplit_once(':')
                .map(|(r, t)| (r.to_string(), t.to_string()))
        })
        .collect();
    if names.is_empty() {
        let repo = image
            .repo_digests
            .first()
            .and_then(|d| d.split_once('@'))
            .map(|(r, _)| r.to_string());
        names.push((repo.unwrap_or_else(|| "<none>".into()), "<none>".into()));
    }
    names
}

/// Shell-style `*` and `?` over bytes (`*` does not cross `/`, as path.Match).
fn glob(p: &[u8], s: &[u8]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some(b'*'), _) => glob(&p[1..], s) || (!s.is_empty() && s[0] != b'/' && glob(p, &s[1..])),
        (Some(b'?'), Some(c)) if *c != b'/' => glob(&p[1..], &s[1..]),
        (Some(a), Some(b)) if a == b => glob(&p[1..], &s[1..]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob(b"busy*", b"busybox:latest"));
        assert!(glob(b"*/busybox:*", b"docker.io/busybox:1"));
        assert!(!glob(b"*:1", b"a/b:1"));
        assert!(glob(b"b?sybox", b"busybox"));
        assert!(!glob(b"busy", b"busybox"));
    }
}
