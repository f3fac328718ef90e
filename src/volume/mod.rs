//! Volumes: directories of the store that outlive containers
//! (`volumes/NAME/volume.json` and `volumes/NAME/_data`), or, with `--opt`,
//! a tmpfs or a host directory mounted in their stead.
//!
//! A volume appears whole: it is made in the store's tmp/ and renamed into
//! place without replacing anything, so two `volume create`s of one name make
//! one volume. Removing one (`rm`, `prune`) takes the store's volumes lock
//! exclusively; a container being created with volumes holds it shared from
//! the moment its volumes are made until its record is written, so a volume is
//! never removed between the two, and "in use" is simply "named by a record".

pub mod copyup;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::container::mounts::VolumeMount;
use crate::error::Failure;
use crate::store::lock::Lock;
use crate::store::tmp::TempEntry;
use crate::store::Store;

/// A volume's record (`volume.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Volume {
    pub name: String,
    pub created: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// `--opt`s: type, device, o (docker's local driver).
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// Made for one container (`-v /path`, an image's VOLUME): `rm -v` removes it.
    #[serde(default)]
    pub anonymous: bool,
}

/// What a volume is, from its `--opt`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A directory of the store (`_data`): the default.
    Directory,
    /// `type=tmpfs`: a new tmpfs at each mount, with `o`'s options.
    Tmpfs { options: Vec<String> },
    /// `type=none,o=bind,device=/PATH`: a host directory.
    Bind {
        device: PathBuf,
        options: Vec<String>,
    },
}

impl Volume {
    /// What its options say (checked when it was created; a host directory
    /// that has gone since fails when a container mounts it, saying so).
    pub fn kind(&self) -> Kind {
        parse_kind(&self.options).unwrap_or(Kind::Directory)
    }
}

/// `--opt`s as docker's local driver reads them; an error for what rootless
/// husk cannot mount, or a bind of a host directory that is not there.
pub fn kind_of(options: &BTreeMap<String, String>) -> Result<Kind> {
    let kind = parse_kind(options)?;
    if let Kind::Bind { device, .. } = &kind {
        if !device.is_dir() {
            bail!(
                "invalid volume options: device {} is not an existing directory",
                device.display()
            );
        }
    }
    Ok(kind)
}

/// [`kind_of`] without looking at the host.
fn parse_kind(options: &BTreeMap<String, String>) -> Result<Kind> {
    for key in options.keys() {
        if !matches!(key.as_str(), "type" | "device" | "o") {
            bail!("invalid volume option {key:?}: the local driver knows type, device and o");
        }
    }
    let o: Vec<String> = options
        .get("o")
        .map(|o| {
            o.split(',')
                .filter(|x| !x.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let device = options.get("device");
    match options.get("type").map(String::as_str) {
        None if device.is_none() && o.is_empty() => Ok(Kind::Directory),
        Some("tmpfs") => match device.map(String::as_str) {
            None | Some("tmpfs") => Ok(Kind::Tmpfs { options: o }),
            Some(d) => bail!("invalid volume options: a tmpfs volume's device is tmpfs, not {d:?}"),
        },
        None | Some("none") if o.iter().any(|x| x == "bind" || x == "rbind") => {
            let device = device.context("invalid volume options: o=bind needs device=/PATH")?;
            if !device.starts_with('/') {
                bail!("invalid volume options: device {device:?} is not an absolute path");
            }
            let options = o.into_iter().filter(|x| x != "bind" && x != "rbind").collect();
            Ok(Kind::Bind {
                device: device.into(),
                options,
            })
        }
        Some(t) => bail!(
            "volume type {t:?} cannot be mounted rootless: husk's volumes are directories, type=tmpfs, or o=bind of a host directory"
        ),
        None => bail!("invalid volume options: give type=tmpfs, or type=none,o=bind,device=/PATH"),
    }
}

/// Names as docker allows them: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.
pub fn check_name(name: &str) -> Result<()> {
    let ok = (2..=255).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if !ok {
        bail!("invalid volume name {name:?}: use at least two of letters, digits, _ . - (starting with a letter or digit)");
    }
    Ok(())
}

/// A fresh name for an anonymous volume: 64 random hex digits, as docker's.
pub fn anonymous_name() -> Result<String> {
    Ok(crate::container::new_id()?.0)
}

fn dir(store: &Store) -> PathBuf {
    store.root().join("volumes")
}

/// The volume's directory in the store.
pub fn path(store: &Store, name: &str) -> PathBuf {
    dir(store).join(name)
}

/// Where a directory volume's content lives (inspect's `Mountpoint`).
pub fn data_dir(store: &Store, name: &str) -> PathBuf {
    path(store, name).join("_data")
}

/// The lock that volume removal takes exclusively, and container creation shared.
fn lock_path(store: &Store) -> PathBuf {
    store.locks_dir().join("volumes.lock")
}

/// Held by a container being created while it makes its volumes and writes
/// its record: no volume is removed meanwhile.
pub fn hold(store: &Store) -> Result<Lock> {
    Lock::shared(&lock_path(store))
}

fn no_such(name: &str) -> anyhow::Error {
    Failure::new(crate::error::EXIT_TOOL, format!("no such volume: {name}")).into()
}

/// The volume `name`.
pub fn find(store: &Store, name: &str) -> Result<Volume> {
    if check_name(name).is_err() {
        return Err(no_such(name));
    }
    read(&path(store, name))?.ok_or_else(|| no_such(name))
}

fn read(dir: &Path) -> Result<Option<Volume>> {
    let file = dir.join("volume.json");
    match std::fs::read(&file) {
        Ok(bytes) => Ok(Some(
            serde_json::from_slice(&bytes)
                .with_context(|| format!("parsing {}", file.display()))?,
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", file.display())),
    }
}

/// The names of every volume, sorted, without reading their records (a
/// volume's directory appears whole, by a rename, so each one is complete).
pub fn names(store: &Store) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir(store)) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).context("reading the volumes directory"),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.context("reading the volumes directory")?;
        if let Some(name) = entry.file_name().to_str().filter(|n| check_name(n).is_ok()) {
            out.push(name.to_string());
        }
    }
    out.sort();
    Ok(out)
}

/// Every volume, by name. One whose record cannot be read is left out, with
/// a warning (`husk volume rm` still removes it).
pub fn list(store: &Store) -> Result<Vec<Volume>> {
    let mut out = Vec::new();
    for name in names(store)? {
        match read(&path(store, &name)) {
            Ok(Some(v)) => out.push(v),
            Ok(None) => {}
            Err(e) => eprintln!("Warning: volume {name}: {}", crate::error::one_line(&e)),
        }
    }
    Ok(out)
}

/// What `husk volume create` (or a container's first use) asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    /// None: a generated (64 hex digit) name.
    pub name: Option<String>,
    pub labels: BTreeMap<String, String>,
    pub options: BTreeMap<String, String>,
    pub anonymous: bool,
    /// podman's `--uid`, `--gid`: the owner of a new volume's `_data` (container ids).
    pub uid: Option<u32>,
    pub gid: Option<u32>,
}

/// Create a volume; an existing one of that name is returned as it is (as
/// docker does), with `false`.
pub fn create(store: &Store, opts: &CreateOptions) -> Result<(Volume, bool)> {
    let name = match &opts.name {
        Some(n) => {
            check_name(n)?;
            n.clone()
        }
        None => anonymous_name()?,
    };
    kind_of(&opts.options)?;
    if let Some(v) = read(&path(store, &name))? {
        return Ok((v, false));
    }
    std::fs::create_dir_all(dir(store)).context("creating the volumes directory")?;
    let volume = Volume {
        name: name.clone(),
        created: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        labels: opts.labels.clone(),
        options: opts.options.clone(),
        anonymous: opts.anonymous,
    };
    let temp = TempEntry::create_dir(&store.tmp_dir(), "volume")?;
    let data = temp.path().join("_data");
    std::fs::create_dir(&data).context("creating the volume's _data")?;
    if opts.uid.is_some() || opts.gid.is_some() {
        std::os::unix::fs::chown(&data, opts.uid, opts.gid).with_context(|| {
            format!(
                "volume {name}: --uid/--gid: chown to {}:{} (ids your subordinate range maps)",
                opts.uid.map_or("-".into(), |u| u.to_string()),
                opts.gid.map_or("-".into(), |g| g.to_string())
            )
        })?;
    }
    crate::store::write_file(
        &temp.path().join("volume.json"),
        &serde_json::to_vec_pretty(&volume)?,
        crate::store::Durability::Disk,
    )
    .context("writing volume.json")?;
    crate::store::sync_dir(temp.path())?;
    match temp.persist_new(&path(store, &name)) {
        Ok(()) => {
            crate::store::sync_dir(&dir(store))?;
            crate::events::volume("create", &name);
            Ok((volume, true))
        }
        // Made by another command meanwhile: that one is the volume.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let v = read(&path(store, &name))?.ok_or_else(|| no_such(&name))?;
            Ok((v, false))
        }
        Err(e) => Err(e).with_context(|| format!("creating volume {name}")),
    }
}

/// The containers (id, name) whose record mounts volume `name`.
pub fn users(store: &Store, name: &str) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for r in store.container_records()? {
        if mounts_of(&r).iter().any(|m| m.name == name) {
            out.push((r.id, r.name));
        }
    }
    Ok(out)
}

/// The volumes a container's record mounts.
pub fn mounts_of(r: &crate::store::containers::ContainerRecord) -> &[VolumeMount] {
    r.mounts.as_ref().map_or(&[], |m| &m.volumes)
}

/// `husk volume rm`: refused (exit 2) while a container uses the volume, unless
/// `force`, which removes those containers first (podman's `-f`).
pub fn remove(store: &Store, name: &str, force: bool, stop_time: Option<u32>) -> Result<String> {
    if let (true, Some(secs)) = (force, stop_time) {
        // podman's -f -t: its users get the stop signal and SECS to go first
        // (before the lock: a --rm container's monitor takes it on its way out).
        for (id, _) in users(store, name)? {
            crate::container::lifecycle::stop(store, &id, Some(secs))?;
        }
    }
    let _lock = Lock::exclusive(&lock_path(store))?;
    match find(store, name) {
        Ok(_) => {}
        // A record that cannot be read: the volume can still go.
        Err(_) if check_name(name).is_ok() && path(store, name).is_dir() => {}
        Err(e) => return Err(e),
    }
    let used = users(store, name)?;
    if !used.is_empty() && !force {
        let names: Vec<&str> = used.iter().map(|(_, n)| n.as_str()).collect();
        return Err(Failure::new(
            2,
            format!(
                "volume {name} is in use by container(s): {} (remove them, or use -f)",
                names.join(", ")
            ),
        )
        .into());
    }
    for (id, _) in &used {
        crate::pod::check_not_infra(store, &store.container_record(id)?)?;
    }
    for (id, _) in used {
        crate::container::lifecycle::remove_checked(store, &id, true)?;
    }
    delete(store, name)?;
    Ok(name.to_string())
}

/// Take volume `name` out of the store (the caller holds the volumes lock
/// exclusively and found no user); its files go when this returns.
fn delete(store: &Store, name: &str) -> Result<()> {
    let dir = path(store, name);
    let lock = Lock::dir_within(&dir, Duration::from_secs(30))
        .with_context(|| format!("volume {name} is busy"))?;
    let temp = TempEntry::adopt(&store.tmp_dir(), "delete", &dir, lock)
        .map_err(|(e, _)| e)
        .with_context(|| format!("removing volume {name}"))?;
    crate::store::sync_dir(&self::dir(store))?;
    drop(temp);
    crate::events::volume("destroy", name);
    Ok(())
}

/// The anonymous volumes of a container just removed that no other container
/// uses (`rm -v`, `--rm`): removed; their names.
pub fn remove_anonymous(store: &Store, mounts: &[VolumeMount]) -> Result<Vec<String>> {
    let anonymous: Vec<&VolumeMount> = mounts.iter().filter(|m| m.anonymous).collect();
    if anonymous.is_empty() {
        return Ok(Vec::new());
    }
    let _lock = Lock::exclusive(&lock_path(store))?;
    let mut removed = Vec::new();
    for m in anonymous {
        if path(store, &m.name).exists() && users(store, &m.name)?.is_empty() {
            delete(store, &m.name)?;
            removed.push(m.name.clone());
        }
    }
    Ok(removed)
}

/// `husk volume prune`: remove every volume no container uses (that the
/// filters keep); their names.
pub fn prune(store: &Store, filters: &[Filter]) -> Result<Pruned> {
    prune_with(store, filters, false)
}

/// [`prune`]; with `dry_run` (`--dry-run`), what it would remove, nothing removed.
pub fn prune_with(store: &Store, filters: &[Filter], dry_run: bool) -> Result<Pruned> {
    let _lock = Lock::exclusive(&lock_path(store))?;
    let used = used_names(store)?;
    let mut out = Pruned::default();
    for v in list(store)? {
        if !used.contains(&v.name) && filters.iter().all(|f| f.keeps(&v, &used)) {
            out.freed += size(store, &v);
            if !dry_run {
                delete(store, &v.name)?;
            }
            out.removed.push(v.name);
        }
    }
    Ok(out)
}

/// What a prune removed: the volumes' names, and the bytes their content took.
#[derive(Debug, Default)]
pub struct Pruned {
    pub removed: Vec<String>,
    pub freed: u64,
}

/// The names of the volumes some container uses.
pub fn used_names(store: &Store) -> Result<std::collections::BTreeSet<String>> {
    let mut used = std::collections::BTreeSet::new();
    for r in store.container_records()? {
        used.extend(mounts_of(&r).iter().map(|m| m.name.clone()));
    }
    Ok(used)
}

/// A `volume ls --filter` / `volume prune --filter`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Name(String),
    Label(String, Option<String>),
    LabelNot(String, Option<String>),
    Dangling(bool),
    Driver(String),
    Until(std::time::SystemTime),
}

impl std::str::FromStr for Filter {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Filter> {
        let (key, value) = s
            .split_once('=')
            .with_context(|| format!("invalid filter {s:?}: use KEY=VALUE"))?;
        let label = || match value.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (value.to_string(), None),
        };
        Ok(match key {
            "name" => Filter::Name(value.into()),
            "label" => {
                let (k, v) = label();
                Filter::Label(k, v)
            }
            "label!" => {
                let (k, v) = label();
                Filter::LabelNot(k, v)
            }
            "dangling" => Filter::Dangling(match value {
                "true" | "1" => true,
                "false" | "0" => false,
                _ => bail!("invalid filter {s:?}: dangling is true or false"),
            }),
            "driver" => Filter::Driver(value.into()),
            "until" => Filter::Until(crate::output::human::parse_when(value)?),
            _ => {
                bail!("invalid filter {key:?}: use name, label, label!, dangling, driver or until")
            }
        })
    }
}

impl Filter {
    /// Whether volume `v` passes (`used`: the names of the volumes in use).
    pub fn keeps(&self, v: &Volume, used: &std::collections::BTreeSet<String>) -> bool {
        let has = |k: &str, val: &Option<String>| match val {
            Some(val) => v.labels.get(k) == Some(val),
            None => v.labels.contains_key(k),
        };
        match self {
            Filter::Name(n) => v.name.contains(n.as_str()),
            Filter::Label(k, val) => has(k, val),
            Filter::LabelNot(k, val) => !has(k, val),
            Filter::Dangling(d) => used.contains(&v.name) != *d,
            Filter::Driver(d) => d == "local",
            Filter::Until(t) => humantime::parse_rfc3339_weak(&v.created)
                .map(|c| c < *t)
                .unwrap_or(false),
        }
    }
}

/// The inspect document of a volume (docker's fields, and podman's Anonymous).
pub fn inspect(store: &Store, v: &Volume) -> Value {
    json!({
        "CreatedAt": v.created,
        "Driver": "local",
        "Labels": v.labels,
        "Mountpoint": data_dir(store, &v.name).display().to_string(),
        "Name": v.name,
        "Options": v.options,
        "Scope": "local",
        "Anonymous": v.anonymous,
    })
}

/// The bytes a directory volume's content takes (`system df`, `volume ls -s`).
pub fn size(store: &Store, v: &Volume) -> u64 {
    match v.kind() {
        Kind::Directory => crate::store::tree_size(&data_dir(store, &v.name)),
        _ => 0,
    }
}

/// The spec's mount of volume `v` as `m` asks for it.
pub fn spec_mount(store: &Store, v: &Volume, m: &VolumeMount) -> Value {
    match v.kind() {
        Kind::Directory => {
            let options = crate::container::mounts::bind_options(&m.options);
            json!({"destination": m.destination, "type": "bind", "source": data_dir(store, &v.name), "options": options})
        }
        Kind::Bind { device, options: o } => {
            let o: Vec<String> = o.into_iter().chain(m.options.iter().cloned()).collect();
            let options = crate::container::mounts::bind_options(&o);
            json!({"destination": m.destination, "type": "bind", "source": device, "options": options})
        }
        Kind::Tmpfs { options: o } => {
            let mut options = vec!["nosuid".to_string(), "nodev".to_string()];
            options.extend(o.into_iter().chain(m.options.iter().cloned()));
            json!({"destination": m.destination, "type": "tmpfs", "source": "tmpfs", "options": options})
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn names() {
        for ok in ["db", "my-data_1.x", "0a"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "a",
            "",
            "../x",
            "a/b",
            ".hidden",
            "-x",
            "a b",
            "..",
            &"x".repeat(256),
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of(&opts(&[])).unwrap(), Kind::Directory);
        assert_eq!(
            kind_of(&opts(&[
                ("type", "tmpfs"),
                ("device", "tmpfs"),
                ("o", "size=1m")
            ]))
            .unwrap(),
            Kind::Tmpfs {
                options: vec!["size=1m".into()]
            }
        );
        assert_eq!(
            kind_of(&opts(&[
                ("type", "none"),
                ("o", "bind"),
                ("device", "/tmp")
            ]))
            .unwrap(),
            Kind::Bind {
                device: "/tmp".into(),
                options: vec![]
            }
        );
        for (bad, says) in [
            (opts(&[("type", "nfs")]), "rootless"),
            (opts(&[("colour", "red")]), "type, device and o"),
            (opts(&[("o", "bind")]), "needs device"),
            (
                opts(&[("o", "bind"), ("device", "/no/such/husk")]),
                "existing directory",
            ),
            (
                opts(&[("type", "tmpfs"), ("device", "/dev/sda")]),
                "device is tmpfs",
            ),
        ] {
            let e = kind_of(&bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad:?}: {e}");
        }
    }
}
