//! Secrets (podman's `husk secret`): small blobs of sensitive data a container
//! is given at create (`--secret`), as a file under /run/secrets or as an
//! environment variable, and that are kept out of images and of `inspect`.
//!
//! Kept in the store, readable by the user alone: `secrets/secrets.json` (the
//! records, rewritten atomically under `locks/secrets.lock`) and
//! `secrets/data/ID` (each secret's bytes, mode 0600). A container gets a copy
//! when it is created, so removing or replacing a secret later changes no
//! container (podman's rule).

pub mod mount;

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::error::{Failure, EXIT_TOOL};
use crate::store::lock::Lock;
use crate::store::Store;

/// The most a secret may hold (podman's limit).
pub const MAX_SIZE: usize = 512_000;

/// One secret's record (its data is kept apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Secret {
    /// 25 hex digits, as podman's ids.
    pub id: String,
    pub name: String,
    /// Always `file`: the data is a file of the store.
    pub driver: String,
    /// RFC 3339.
    pub created: String,
    /// RFC 3339: when `create --replace` last gave it new data.
    pub updated: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

#[derive(Default, Serialize, Deserialize)]
struct SecretsFile {
    version: u32,
    secrets: Vec<Secret>,
}

/// What `secret create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub labels: BTreeMap<String, String>,
    /// `--replace`: a secret of that name gets the new data (keeping its id).
    pub replace: bool,
}

fn dir(store: &Store) -> PathBuf {
    store.root().join("secrets")
}

fn records_path(store: &Store) -> PathBuf {
    dir(store).join("secrets.json")
}

fn data_path(store: &Store, id: &str) -> PathBuf {
    dir(store).join("data").join(id)
}

fn no_such(name: &str) -> anyhow::Error {
    Failure::new(EXIT_TOOL, format!("no such secret: {name}")).into()
}

/// A secret's name: letters, digits, `_ . -` (first a letter or digit), at
/// most 253 bytes; it names a file under /run/secrets.
pub fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 253
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b));
    if !ok {
        bail!("invalid secret name {name:?}: letters, digits and _ . - (starting with a letter or digit), at most 253 bytes");
    }
    Ok(())
}

/// Every secret, in the order they were made.
pub fn list(store: &Store) -> Result<Vec<Secret>> {
    let path = records_path(store);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let file: SecretsFile =
        serde_json::from_slice(&bytes).with_context(|| format!("{} is corrupt", path.display()))?;
    Ok(file.secrets)
}

/// One `secret ls --filter`: `name=NAME`, `id=PREFIX`, `label=KEY[=VALUE]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Name(String),
    Id(String),
    Label(String, Option<String>),
}

impl std::str::FromStr for Filter {
    type Err = anyhow::Error;
    fn from_str(filter: &str) -> Result<Filter> {
        let Some((key, value)) = filter.split_once('=') else {
            bail!("invalid filter {filter:?}: use KEY=VALUE");
        };
        Ok(match key {
            "name" => Filter::Name(value.into()),
            "id" => Filter::Id(value.into()),
            "label" => match value.split_once('=') {
                Some((k, v)) => Filter::Label(k.into(), Some(v.into())),
                None => Filter::Label(value.into(), None),
            },
            _ => bail!("invalid filter {filter:?}: the keys are name, id and label"),
        })
    }
}

impl Filter {
    /// Whether `s` passes.
    pub fn keeps(&self, s: &Secret) -> bool {
        match self {
            Filter::Name(n) => &s.name == n,
            Filter::Id(p) => s.id.starts_with(p.as_str()),
            Filter::Label(k, None) => s.labels.contains_key(k),
            Filter::Label(k, Some(v)) => s.labels.get(k) == Some(v),
        }
    }
}

/// The secret named `name`, or whose id is or starts with it (one only).
pub fn find(store: &Store, name: &str) -> Result<Secret> {
    pick(list(store)?, name)
}

fn pick(secrets: Vec<Secret>, name: &str) -> Result<Secret> {
    if let Some(s) = secrets.iter().find(|s| s.name == name || s.id == name) {
        return Ok(s.clone());
    }
    let by_prefix: Vec<&Secret> = secrets
        .iter()
        .filter(|s| !name.is_empty() && s.id.starts_with(name))
        .collect();
    match by_prefix[..] {
        [one] => Ok(one.clone()),
        [] => Err(no_such(name)),
        _ => bail!("{name} names more than one secret: give more of the id"),
    }
}

/// The secret's data.
pub fn data(store: &Store, secret: &Secret) -> Result<Vec<u8>> {
    let path = data_path(store, &secret.id);
    std::fs::read(&path).with_context(|| format!("reading secret {}", secret.name))
}

/// The data of secret `name` as text (a password), without a trailing newline.
pub fn text(store: &Store, name: &str) -> Result<String> {
    let s = find(store, name)?;
    let data = data(store, &s)?;
    Ok(String::from_utf8(data)
        .with_context(|| format!("secret {name} is not text"))?
        .trim_end_matches(['\n', '\r'])
        .to_string())
}

/// The records, locked for a change until dropped.
struct Txn<'a> {
    store: &'a Store,
    _lock: Lock,
    secrets: Vec<Secret>,
}

impl<'a> Txn<'a> {
    fn begin(store: &'a Store) -> Result<Txn<'a>> {
        let lock = Lock::exclusive(&store.locks_dir().join("secrets.lock"))?;
        Ok(Txn {
            store,
            _lock: lock,
            secrets: list(store)?,
        })
    }

    fn save(self) -> Result<()> {
        let file = SecretsFile {
            version: 1,
            secrets: self.secrets,
        };
        self.store.write_atomic(
            &records_path(self.store),
            &serde_json::to_vec_pretty(&file)?,
        )
    }
}

/// Make secret `name` holding `data` (or with `replace`, give an existing one
/// of that name the new data).
pub fn create(store: &Store, name: &str, data: &[u8], opts: &CreateOptions) -> Result<Secret> {
    check_name(name)?;
    if data.is_empty() {
        bail!("secret {name}: no data (an empty secret is refused, as podman does)");
    }
    if data.len() >= MAX_SIZE {
        bail!(
            "secret {name}: {} bytes, more than a secret may hold ({MAX_SIZE})",
            data.len()
        );
    }
    make_dirs(store)?;
    let mut txn = Txn::begin(store)?;
    let now = humantime::format_rfc3339_nanos(std::time::SystemTime::now()).to_string();
    let at = txn.secrets.iter().position(|s| s.name == name);
    let secret = match (at, opts.replace) {
        (Some(_), false) => {
            bail!("secret name {name} is in use: give --replace to give it new data")
        }
        (Some(i), true) => {
            let s = &mut txn.secrets[i];
            s.updated = now;
            s.labels = opts.labels.clone();
            s.clone()
        }
        (None, _) => {
            let (id, _) = crate::container::new_id()?;
            let s = Secret {
                id: id[..25].to_string(),
                name: name.to_string(),
                driver: "file".to_string(),
                created: now.clone(),
                updated: now,
                labels: opts.labels.clone(),
            };
            txn.secrets.push(s.clone());
            s
        }
    };
    // The data first: a record never names data that is not there.
    write_data(store, &secret.id, data)?;
    txn.save()?;
    crate::events::secret("create", &secret.id, &secret.name);
    Ok(secret)
}

/// Remove the secret `name` (containers made with it keep their copy).
pub fn remove(store: &Store, name: &str) -> Result<Secret> {
    let mut txn = Txn::begin(store)?;
    let secret = pick(txn.secrets.clone(), name)?;
    txn.secrets.retain(|s| s.id != secret.id);
    txn.save()?;
    match std::fs::remove_file(data_path(store, &secret.id)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("removing the data of secret {}", secret.name))
        }
        _ => {}
    }
    crate::events::secret("remove", &secret.id, &secret.name);
    Ok(secret)
}

fn make_dirs(store: &Store) -> Result<()> {
    let data = dir(store).join("data");
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&data)
        .with_context(|| format!("creating {}", data.display()))
}

/// A new file of `data` at `path`, mode 0600 from the start (readable by
/// this user alone; a secret's value never sits in a wider file).
pub fn write_new_private(path: &std::path::Path, data: &[u8]) -> std::io::Result<std::fs::File> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(data)?;
    Ok(f)
}

/// Write `data` as secret `id`'s, mode 0600 from the start, atomically.
fn write_data(store: &Store, id: &str, data: &[u8]) -> Result<()> {
    let dest = data_path(store, id);
    let tmp = dest.with_extension(format!("tmp{}", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        write_new_private(&tmp, data)?.sync_all()?;
        std::fs::rename(&tmp, &dest)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written.with_context(|| format!("writing {}", dest.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(id: &str, name: &str) -> Secret {
        Secret {
            id: id.into(),
            name: name.into(),
            driver: "file".into(),
            created: String::new(),
            updated: String::new(),
            labels: BTreeMap::new(),
        }
    }

    #[test]
    fn names_and_ids() {
        for bad in ["", "-x", "a/b", "../x", "a b", &"x".repeat(254)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        check_name("db_password.v2-1").unwrap();
        let all = vec![secret("abc123", "one"), secret("abd456", "two")];
        assert_eq!(pick(all.clone(), "two").unwrap().id, "abd456");
        assert_eq!(pick(all.clone(), "abc").unwrap().name, "one");
        assert!(pick(all.clone(), "ab").is_err());
        assert!(pick(all, "three").is_err());
    }

    #[test]
    fn filters() {
        let mut s = secret("abc123", "db");
        s.labels.insert("app".into(), "x".into());
        let keeps = |f: &str| f.parse::<Filter>().unwrap().keeps(&s);
        assert!(keeps("name=db") && keeps("id=abc") && keeps("label=app") && keeps("label=app=x"));
        assert!(!keeps("name=d") && !keeps("label=app=y") && !keeps("label=other"));
        assert!("colour=red".parse::<Filter>().is_err());
        assert!("name".parse::<Filter>().is_err());
    }
}
