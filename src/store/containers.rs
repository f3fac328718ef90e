//! `containers/`: one directory per container, and `containers/names/` for unique names.
//!
//! ```text
//! containers/<id>/container.json   the record (ContainerRecord)
//! containers/<id>/config.json      the OCI runtime spec the container runs with
//! containers/<id>/state.json       status, pid, exit code, times (ContainerState)
//! containers/<id>/upper/ work/     the writable layer of the rootfs and its overlay workdir
//! containers/<id>/rootfs/          where the rootfs is mounted (inside the container's mount namespace)
//! containers/names/<name> -> <id>  a symlink, made with symlink(2): one name, one container
//! containers/index.json            a cache of the records and states, for listings (container_index)
//! ```
//! A container directory appears by a rename from `tmp/`, complete; it leaves
//! by a rename into `tmp/`. Creating and removing hold `locks/containers.lock`.

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use super::tmp::TempEntry;

use super::lock::Lock;
use super::{Durability, Store};
use crate::digest::Digest;

/// What a container is made of; written once, when it is created.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ContainerRecord {
    pub id: String,
    pub name: String,
    /// The image id, and the name it was given by.
    pub image: Digest,
    pub image_name: String,
    /// The image's layers (diff_ids), lowest first: kept while the container exists.
    pub layers: Vec<Digest>,
    /// The command, as the container runs it (entrypoint and arguments).
    pub command: Vec<String>,
    /// How many of `command`'s words are the entrypoint (None in records of husk before 2026-12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint_len: Option<usize>,
    pub created: String,
    /// `--rm`: remove the container when it exits.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub auto_remove: bool,
    /// `--label`s (with the image's, which they override).
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub labels: BTreeMap<String, String>,
    /// `--restart`.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub restart: RestartPolicy,
    /// `--stop-timeout`: seconds `husk stop` waits before SIGKILL (default 10).
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub stop_timeout: Option<u32>,
    /// `--log-opt max-size`: the log is cut to its newer half beyond this many bytes.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub log_max_size: Option<u64>,
    /// `-t`, `-i`: a terminal, stdin kept open.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub tty: bool,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub interactive: bool,
    /// `--sdnotify`: conmon, container or ignore (see `monitor::sdnotify`).
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub sdnotify: crate::monitor::sdnotify::Mode,
    /// The command line that created it (for `husk generate systemd --new`).
    #[serde(default)]
    pub create_command: Vec<String>,
    /// How many words at its end are the image and the container's command.
    #[serde(default)]
    pub create_command_tail: usize,
    /// `--add-host`, `--dns`, `--dns-search`, `--dns-option` (for inspect).
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub names: crate::network::NameOptions,
    /// `--network`, `-p`, `--network-alias`, `--link`.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub network: crate::network::NetworkSettings,
    /// `-v`, `--tmpfs` (None in records of husk before 2026-12).
    #[serde(default)]
    pub mounts: Option<crate::container::mounts::UserMounts>,
    /// The health check (the image's HEALTHCHECK with `--health-*` over it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthcheck: Option<crate::container::health::HealthConfig>,
    /// `--userns`/`--uidmap`: the container's own id map (None: husk's namespace).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userns: Option<crate::userns::idmap::ContainerUserns>,
    /// `--log-driver`.
    #[serde(default)]
    pub log_driver: crate::monitor::log::Driver,
    /// `--timeout`: seconds the container may run before it is killed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u32>,
    /// `--pidfile`, `--conmon-pidfile`: where the monitor writes the container's
    /// first process's pid, and its own, at each start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pidfile: Option<std::path::PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conmon_pidfile: Option<std::path::PathBuf>,
    /// `--rmi`: with `auto_remove`, the image goes too once no container uses it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remove_image: bool,
    /// The storage driver it was created with, which makes its root at every
    /// start (None in records of husk before 2026-12: the command's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<crate::overlay::DriverName>,
    /// `--requires`: the ids of the containers started before it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
    /// `--rootfs`: its root is this host directory, not an image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rootfs: Option<crate::overlay::rootfs::RootfsSource>,
    /// `--pod`: the id of the pod it belongs to (its infra container's too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod: Option<String>,
    /// `--secret`s (the container keeps copies made at create).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub secrets: Vec<crate::secret::mount::SecretRequest>,
    /// The rest of what shapes its process and namespaces, typed (None in
    /// records of husk before 2026-12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<crate::container::options::ProcessOptions>,
}

/// When the monitor starts a container again after it exits (docker's `--restart`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestartPolicy {
    #[serde(rename = "Name", default)]
    pub name: Restart,
    /// on-failure:N: at most N restarts (0: no limit).
    #[serde(rename = "MaximumRetryCount", default)]
    pub max_retries: u32,
}

/// docker's restart policies, by the names records and inspect give them
/// (a record's empty or unknown name reads as `no`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "&'static str")]
pub enum Restart {
    #[default]
    No,
    Always,
    UnlessStopped,
    OnFailure,
}

impl From<Restart> for &'static str {
    fn from(r: Restart) -> &'static str {
        match r {
            Restart::No => "no",
            Restart::Always => "always",
            Restart::UnlessStopped => "unless-stopped",
            Restart::OnFailure => "on-failure",
        }
    }
}

impl From<String> for Restart {
    fn from(s: String) -> Restart {
        match s.as_str() {
            "always" => Restart::Always,
            "unless-stopped" => Restart::UnlessStopped,
            "on-failure" => Restart::OnFailure,
            _ => Restart::No,
        }
    }
}

/// Where a container is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Created,
    Running,
    /// Exited; the monitor waits to start it again (`--restart`).
    Restarting,
    /// Running, its processes stopped (`husk pause`).
    Paused,
    Exited,
}

impl Status {
    /// Whether a monitor keeps the container (running, paused or between restarts).
    pub fn is_live(self) -> bool {
        matches!(self, Status::Running | Status::Restarting | Status::Paused)
    }

    /// The name docker and podman give the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Created => "created",
            Status::Running => "running",
            Status::Restarting => "restarting",
            Status::Paused => "paused",
            Status::Exited => "exited",
        }
    }
}

/// The container's state, rewritten atomically at each change.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ContainerState {
    pub status: Status,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub pid: Option<i32>,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub exit_code: Option<i32>,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub started_at: Option<String>,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub finished_at: Option<String>,
    /// The start time of `pid` (field 22 of /proc/PID/stat): a pid reused by another
    /// process has another start time.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub pid_start: Option<u64>,
    /// The monitor process that keeps the container, and its start time.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub monitor_pid: Option<i32>,
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub monitor_start: Option<u64>,
    /// `husk stop`/`kill`/`rm -f` asked it to stop: no restart follows.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub stop_requested: bool,
    /// `--health-on-failure restart` killed it: the monitor starts it again
    /// whatever the restart policy (unless a stop is asked too).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub restart_requested: bool,
    /// Restarts by the monitor since the last `husk start`.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub restart_count: u32,
    /// Why it could not start, or why the monitor gave up.
    #[serde(default, skip_serializing_if = "super::is_default")]
    pub error: Option<String>,
    /// While it runs on a bridge network: its addresses and the ports as bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub network: Option<crate::network::Running>,
    /// With a health check: its status and last results (since this start).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health: Option<crate::container::health::Health>,
}

/// Why a name could not be taken.
#[derive(Debug, thiserror::Error)]
#[error("the container name {name:?} is already in use by container {id}: remove that container (husk rm) to reuse the name")]
pub struct NameInUse {
    pub name: String,
    pub id: String,
}

impl Store {
    pub fn containers_dir(&self) -> PathBuf {
        self.root.join("containers")
    }

    pub fn container_dir(&self, id: &str) -> PathBuf {
        self.containers_dir().join(id)
    }

    fn names_dir(&self) -> PathBuf {
        self.containers_dir().join("names")
    }

    fn containers_lock(&self) -> Result<Lock> {
        Lock::exclusive(&self.locks_dir().join("containers.lock"))
    }

    /// Create the container's directory (record, spec, upper/ and rootfs/) and take its name.
    /// `spec_json` is written as config.json.
    pub fn create_container(&self, record: &ContainerRecord, spec_json: &[u8]) -> Result<PathBuf> {
        fs::create_dir_all(self.names_dir()).context("creating containers/names")?;
        let temp = TempEntry::create_dir(&self.tmp_dir(), "container")?;
        let dir = temp.path();
        // No work/ yet: the FUSE overlay copies up through O_TMPFILEs in upper/; the
        // kernel's overlay makes it when it mounts. No state.json either: a
        // container never started reads as new.
        for sub in ["upper", "rootfs"] {
            fs::create_dir_all(dir.join(sub)).with_context(|| format!("creating {sub}/"))?;
        }
        // On disk before the rename makes them the container: a crash never leaves an
        // empty record. A `--rm` container is not worth a wait for the disk: a reboot
        // would only leave it to be removed.
        let durability = match record.auto_remove {
            true => Durability::Process,
            false => Durability::Disk,
        };
        let write = |name: &str, bytes: &[u8]| {
            super::write_file(&dir.join(name), bytes, durability)
                .with_context(|| format!("writing {name}"))
        };
        write("container.json", &serde_json::to_vec_pretty(record)?)?;
        write("config.json", spec_json)?;
        if durability == Durability::Disk {
            super::sync_dir(dir)?;
        }

        let _lock = self.containers_lock()?;
        self.take_name(&record.name, &record.id)?;
        let dest = self.container_dir(&record.id);
        if let Err(e) = temp.persist(&dest) {
            let _ = fs::remove_file(self.names_dir().join(&record.name));
            return Err(e).context("moving the container into place");
        }
        if durability == Durability::Disk {
            super::sync_dir(&self.containers_dir())?;
            super::sync_dir(&self.names_dir())?;
        }
        Ok(dest)
    }

    /// Point `names/<name>` at `id`; a name whose container is gone (a crash) is taken over.
    fn take_name(&self, name: &str, id: &str) -> Result<()> {
        let link = self.names_dir().join(name);
        loop {
            match std::os::unix::fs::symlink(id, &link) {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {
                    let owner = fs::read_link(&link)
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if owner != id && self.owns_name(&owner, name) {
                        bail!(NameInUse {
                            name: name.into(),
                            id: owner
                        });
                    }
                    fs::remove_file(&link).context("removing a stale container name")?;
                }
                Err(e) => return Err(e).context("taking the container name"),
            }
        }
    }

    /// The id the name `name` belongs to, if any.
    pub fn container_id_by_name(&self, name: &str) -> Option<String> {
        if name.is_empty() || name.contains('/') {
            return None;
        }
        let id = fs::read_link(self.names_dir().join(name))
            .ok()?
            .to_string_lossy()
            .into_owned();
        self.owns_name(&id, name).then_some(id)
    }

    /// Whether container `id` exists and its record has the name `name` (a
    /// rename cut short by a crash may leave a second link to it: that one is stale).
    fn owns_name(&self, id: &str, name: &str) -> bool {
        match self.container_record(id) {
            Ok(record) => record.name == name,
            // Unreadable: keep the name, it may be this one's.
            Err(_) => self.container_dir(id).join("container.json").is_file(),
        }
    }

    pub fn container_record(&self, id: &str) -> Result<ContainerRecord> {
        let path = self.container_dir(id).join("container.json");
        let bytes = fs::read(&path).with_context(|| format!("no such container: {id}"))?;
        serde_json::from_slice(&bytes).with_context(|| format!("{} is corrupt", path.display()))
    }

    /// Ids of every container.
    pub fn container_ids(&self) -> Result<Vec<String>> {
        let mut ids = Vec::new();
        let entries = match fs::read_dir(self.containers_dir()) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(ids),
            Err(e) => return Err(e).context("reading containers/"),
        };
        for entry in entries {
            // Not UTF-8: not a container's.
            let Ok(name) = entry?.file_name().into_string() else {
                continue;
            };
            if name.len() == 64 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
                ids.push(name);
            }
        }
        Ok(ids)
    }

    /// Every container record (unreadable ones are skipped).
    pub fn container_records(&self) -> Result<Vec<ContainerRecord>> {
        super::container_index::records(self)
    }

    /// Every container's record and its state as stored (not settled: see
    /// `container::state::current_from`), for listings; through the index
    /// (`container_index`). A container removed meanwhile, or whose files are
    /// unreadable, is left out. Records are boxed: listings move and sort them.
    pub fn container_records_and_states(
        &self,
    ) -> Result<Vec<(Box<ContainerRecord>, ContainerState)>> {
        super::container_index::records_and_states(self)
    }

    pub fn container_state(&self, id: &str) -> Result<ContainerState> {
        let path = self.container_dir(id).join("state.json");
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            // Not written yet: a container never started (its directory is there).
            Err(e) if e.kind() == ErrorKind::NotFound && self.container_dir(id).is_dir() => {
                Vec::new()
            }
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        // Empty: not written yet, or written without fsync (runtime state) just
        // before a power loss.
        if bytes.is_empty() {
            return Ok(ContainerState::default());
        }
        serde_json::from_slice(&bytes).with_context(|| format!("{} is corrupt", path.display()))
    }

    /// Runtime state: atomic, not fsync'd (a reboot makes it stale anyway, and a
    /// container's start and exit must not wait for the disk). The caller holds
    /// the container's lock (`container::state::lock`), so `state.json.new` is
    /// its own to write and rename (one left by a crash is overwritten).
    pub fn set_container_state(&self, id: &str, state: &ContainerState) -> Result<()> {
        let dir = self.container_dir(id);
        let (new, path) = (dir.join("state.json.new"), dir.join("state.json"));
        super::write_file(
            &new,
            &serde_json::to_vec_pretty(state)?,
            Durability::Process,
        )
        .and_then(|()| fs::rename(&new, &path))
        .with_context(|| format!("writing {}", path.display()))
    }

    /// Change container `id`'s record with `change` (under the containers lock).
    pub fn update_container_record(
        &self,
        id: &str,
        change: impl FnOnce(&mut ContainerRecord) -> Result<()>,
    ) -> Result<ContainerRecord> {
        let _lock = self.containers_lock()?;
        let mut record = self.container_record(id)?;
        change(&mut record)?;
        self.write_atomic(
            &self.container_dir(id).join("container.json"),
            &serde_json::to_vec_pretty(&record)?,
        )?;
        Ok(record)
    }

    /// Give container `id` the name `new` (free, or left by a container that is gone).
    pub fn rename_container(&self, id: &str, new: &str) -> Result<()> {
        let _lock = self.containers_lock()?;
        let mut record = self.container_record(id)?;
        if record.name == new {
            return Ok(());
        }
        self.take_name(new, id)?;
        let old = std::mem::replace(&mut record.name, new.to_string());
        if let Err(e) = self.write_atomic(
            &self.container_dir(id).join("container.json"),
            &serde_json::to_vec_pretty(&record)?,
        ) {
            let _ = fs::remove_file(self.names_dir().join(new));
            return Err(e);
        }
        let _ = fs::remove_file(self.names_dir().join(old));
        Ok(())
    }

    /// Remove a container's directory and name (the caller made sure it is not
    /// running, and holds `lock`, the directory's own: `container::state::lock`;
    /// `record` is the container's as read under it, whose name goes too).
    /// The container is gone when this returns; its files are deleted when the
    /// returned entry is dropped (or by the next `Store::open` after a crash):
    /// the lock keeps them from a cleanup until then.
    #[must_use = "the container's files are deleted when this is dropped"]
    pub fn remove_container(
        &self,
        id: &str,
        record: Option<&ContainerRecord>,
        lock: Lock,
    ) -> Result<super::tmp::TempEntry> {
        let _lock = self.containers_lock()?;
        let temp = TempEntry::adopt(&self.tmp_dir(), "delete", &self.container_dir(id), lock)
            .map_err(|(e, _)| e)
            .with_context(|| format!("removing container {id}"))?;
        if let Some(r) = record {
            let link = self.names_dir().join(&r.name);
            if fs::read_link(&link)
                .map(|p| p.as_os_str() == id)
                .unwrap_or(false)
            {
                let _ = fs::remove_file(link);
            }
        }
        Ok(temp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_state_file_reads_as_a_new_container() {
        let dir = std::env::temp_dir().join(format!("husk-state-test-{}", std::process::id()));
        let store = Store::open(&dir).unwrap();
        let id = "0".repeat(64);
        fs::create_dir_all(store.container_dir(&id)).unwrap();
        let path = store.container_dir(&id).join("state.json");
        // What a rename not yet on disk may leave after a power loss.
        fs::write(&path, b"").unwrap();
        assert_eq!(
            store.container_state(&id).unwrap().status,
            ContainerState::default().status
        );
        // Anything else that does not parse is still an error.
        fs::write(&path, b"{").unwrap();
        assert!(store.container_state(&id).is_err());
        let s = ContainerState {
            restart_count: 3,
            ..Default::default()
        };
        store.set_container_state(&id, &s).unwrap();
        assert_eq!(store.container_state(&id).unwrap().restart_count, 3);
        fs::remove_dir_all(&dir).unwrap();
    }

    /// Default values are left out of the JSON, and read back as defaults;
    /// anything else is kept.
    #[test]
    fn a_state_keeps_only_what_is_not_default() {
        let fresh = serde_json::to_string(&ContainerState::default()).unwrap();
        assert_eq!(fresh, r#"{"status":"created"}"#);
        let s = ContainerState {
            status: Status::Exited,
            exit_code: Some(0),
            stop_requested: true,
            ..Default::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"status":"exited","exit_code":0,"stop_requested":true}"#
        );
        let back: ContainerState = serde_json::from_str(&json).unwrap();
        assert_eq!((back.exit_code, back.stop_requested), (Some(0), true));
        assert_eq!((back.pid, back.restart_count), (None, 0));
    }
}

#[cfg(test)]
mod restart_tests {
    use super::*;

    #[test]
    fn restart_policies_read_as_records_wrote_them() {
        let p: RestartPolicy =
            serde_json::from_str(r#"{"Name": "on-failure", "MaximumRetryCount": 3}"#).unwrap();
        assert_eq!((p.name, p.max_retries), (Restart::OnFailure, 3));
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            serde_json::json!({"Name": "on-failure", "MaximumRetryCount": 3})
        );
        // Build steps' records of an older husk had an empty name.
        let p: RestartPolicy = serde_json::from_str(r#"{"Name": ""}"#).unwrap();
        assert_eq!(p.name, Restart::No);
        let p: RestartPolicy = serde_json::from_str("{}").unwrap();
        assert_eq!(p.name, Restart::No);
    }
}
