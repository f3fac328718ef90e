//! Pods (podman's): containers that share network, ipc and uts namespaces.
//!
//! A pod is held by its *infra container*, an ordinary husk container (kept by
//! its own monitor) whose root is an empty directory of the pod's and whose
//! process is husk's own pause (`container::spec::ANNOTATION_PAUSE`): its
//! monitor owns the pod's network (its address, its published ports, its DNS
//! name), so members can come and go. A member (`husk run --pod P`) joins the
//! infra container's namespaces (`container:ID`) and requires it, so starting
//! a member starts the pod. The record is `pods/ID/pod.json`, written once;
//! everything else (its state, its members) is read from the containers.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::container::flags::RunFlags;
use crate::container::state;
use crate::store::containers::Status;
use crate::store::lock::Lock;
use crate::store::Store;

/// The namespaces a pod's containers can share.
pub const SHAREABLE: [&str; 3] = ["ipc", "net", "uts"];

/// What `pods/ID/pod.json` keeps.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PodRecord {
    pub id: String,
    pub name: String,
    pub created: String,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// The infra container's id.
    pub infra: String,
    /// Of [`SHAREABLE`], sorted.
    pub share: Vec<String>,
    /// Its members' host name (with uts shared).
    pub hostname: String,
}

impl PodRecord {
    pub fn shares(&self, kind: &str) -> bool {
        self.share.iter().any(|s| s == kind)
    }
}

/// What `husk pod create` asks for: the pod's own options, and the network
/// flags (`-p`, `--network`, `--ip`, `--add-host`, `--dns`…) its infra
/// container takes, as `husk run` takes them.
#[derive(Default)]
pub struct CreateOptions {
    pub name: Option<String>,
    pub labels: Vec<String>,
    pub hostname: Option<String>,
    /// `--share`: of [`SHAREABLE`] (empty: all of them).
    pub share: Vec<String>,
    pub network: RunFlags,
}

/// `--share ipc,net,uts` (podman's; `none`: nothing), checked.
pub fn parse_share(share: &[String]) -> Result<Vec<String>> {
    if share.is_empty() {
        return Ok(SHAREABLE.iter().map(|s| s.to_string()).collect());
    }
    let mut out = Vec::new();
    for kind in share.iter().flat_map(|s| s.split(',')) {
        match kind {
            "none" => {}
            k if SHAREABLE.contains(&k) => out.push(k.to_string()),
            "pid" | "cgroup" => bail!("--share {kind}: husk's pods share ipc, net and uts (a pod's pause does not reap a shared pid namespace)"),
            k => bail!("--share {k:?}: one of ipc, net, uts or none"),
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Where the pods are: `pods/ID/` holds `pod.json`, the infra container's empty
/// root, and `kube/` (the directories of a pod `kube play` made).
pub fn dir(store: &Store) -> PathBuf {
    store.root().join("pods")
}

fn lock(store: &Store) -> Result<Lock> {
    Lock::exclusive(&store.locks_dir().join("pods.lock"))
}

/// Every pod, by name.
pub fn list(store: &Store) -> Result<Vec<PodRecord>> {
    let entries = match std::fs::read_dir(dir(store)) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).context("reading the pods directory"),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.context("reading the pods directory")?;
        let id = entry.file_name().to_string_lossy().into_owned();
        match read(store, &id) {
            Ok(Some(p)) => out.push(p),
            // A pod being made or removed.
            Ok(None) => {}
            // One bad record does not hide the others.
            Err(e) => eprintln!("WARNING: pod {id}: {}", crate::error::one_line(&e)),
        }
    }
    out.sort_by(|a: &PodRecord, b| a.name.cmp(&b.name));
    Ok(out)
}

/// The record of pod `id` (None: there is no such pod, or it is being made
/// or removed). Its id is its directory's name, whatever the file says.
fn read(store: &Store, id: &str) -> Result<Option<PodRecord>> {
    let path = dir(store).join(id).join("pod.json");
    match std::fs::read(&path) {
        Ok(bytes) => {
            let mut p: PodRecord = serde_json::from_slice(&bytes)
                .with_context(|| format!("parsing {}", path.display()))?;
            p.id = id.to_string();
            Ok(Some(p))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// The pod `name_or_id` names (a name, or a unique id prefix); exit code 125
/// with `no such pod` when none does.
pub fn find(store: &Store, name_or_id: &str) -> Result<PodRecord> {
    let all = list(store)?;
    if let Some(p) = all.iter().find(|p| p.name == name_or_id) {
        return Ok(p.clone());
    }
    let by_id: Vec<&PodRecord> = all
        .iter()
        .filter(|p| !name_or_id.is_empty() && p.id.starts_with(name_or_id))
        .collect();
    match by_id.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(crate::error::Failure::new(
            crate::error::EXIT_TOOL,
            format!("no such pod: {name_or_id}"),
        )
        .into()),
        _ => bail!("{name_or_id}: ambiguous, it matches {} pods", by_id.len()),
    }
}

/// The ids of the pod's containers, the infra container first, then the
/// others by their creation.
pub fn containers(store: &Store, pod: &PodRecord) -> Result<Vec<String>> {
    let mut members = Vec::new();
    for id in store.container_ids()? {
        if id == pod.infra {
            continue;
        }
        let Ok(r) = store.container_record(&id) else {
            continue;
        };
        if r.pod.as_deref() == Some(pod.id.as_str()) {
            // The spec is written once, at creation: its time orders containers
            // made within the same second.
            let made = std::fs::metadata(store.container_dir(&id).join("config.json"))
                .and_then(|m| m.modified())
                .ok();
            members.push((r.created, made, id));
        }
    }
    // In the order they were made (what `kube generate` lists).
    members.sort();
    let mut ids = vec![pod.infra.clone()];
    ids.extend(members.into_iter().map(|(_, _, id)| id));
    Ok(ids)
}

/// Create a pod and its infra container (created, not started: the pod
/// starts with its first member, or `husk pod start`).
pub fn create(
    store: &Store,
    config: &crate::config::Config,
    driver: &str,
    opts: CreateOptions,
) -> Result<PodRecord> {
    let share = parse_share(&opts.share)?;
    let (id, seed) = crate::container::new_id()?;
    // Held until the record is written: the name stays this pod's.
    let _lock = lock(store)?;
    let name = free_name(store, opts.name.clone(), &seed)?;
    if !crate::container::names::is_valid(&name) {
        bail!("invalid pod name {name:?}: use letters, digits and _ . - (starting with a letter or digit)");
    }
    let labels = opts
        .labels
        .iter()
        .map(|l| crate::container::parse_label(l))
        .collect::<Result<BTreeMap<_, _>>>()?;
    let mut infra = opts.network;
    if !share.iter().any(|s| s == "net") && infra_networked(&infra) {
        bail!("the pod shares no network namespace: -p, --network and --ip need --share with net");
    }
    if !share.iter().any(|s| s == "net") {
        // Its own network would be an address nobody uses.
        infra.network = Some("none".into());
    }
    let hostname = opts.hostname.clone().unwrap_or_else(|| name.clone());
    let pod_dir = dir(store).join(&id);
    let root = pod_dir.join("rootfs");
    infra.image = root.display().to_string();
    infra.rootfs = true;
    infra.detach = true;
    infra.name = Some(format!("{}-infra", &id[..12]));
    infra.command = vec!["/husk-pause".into()];
    infra.hostname = share.iter().any(|s| s == "uts").then(|| hostname.clone());
    infra.ipc = share.iter().any(|s| s == "ipc").then(|| "shareable".into());
    infra.pause = true;
    infra.pod = Some(id.clone());
    // Made under the lock: `prune` takes a directory without a record for
    // the leftover of a crash.
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    let made = (|| {
        let plan = infra.resolve()?;
        let pull = crate::image::pull::PullOptions::defaults(crate::progress::Progress::Quiet);
        let line = vec!["husk".into(), "pod".into(), "create".into()];
        crate::container::flags::create(store, config, &infra, plan, &pull, line, driver)
    })();
    let ctr = match made {
        Ok(c) => c,
        Err(e) => {
            let _ = crate::store::remove_tree(&pod_dir);
            return Err(e);
        }
    };
    let record = PodRecord {
        id,
        name,
        created: crate::image::write::timestamp(None),
        labels,
        infra: ctr.record.id.clone(),
        share,
        hostname,
    };
    let bytes = serde_json::to_vec_pretty(&record)?;
    if let Err(e) = store.write_atomic(&pod_dir.join("pod.json"), &bytes) {
        let _ = crate::container::lifecycle::remove_checked(store, &ctr.record.id, true);
        let _ = crate::store::remove_tree(&pod_dir);
        return Err(e);
    }
    Ok(record)
}

/// The pod's name: the user's, which must be free, or one made up from the
/// id's `seed` that no pod has (drawn again from its next bytes, as a
/// container's is). The caller holds the pods' lock.
fn free_name(store: &Store, asked: Option<String>, seed: &[u8]) -> Result<String> {
    let taken: Vec<String> = list(store)?.into_iter().map(|p| p.name).collect();
    let in_use = |name: &str| {
        crate::error::Failure::new(
            crate::error::EXIT_TOOL,
            format!("the pod name {name:?} is already in use"),
        )
        .into()
    };
    match asked {
        Some(name) if taken.contains(&name) => Err(in_use(&name)),
        Some(name) => Ok(name),
        None => crate::container::names::drawn(seed)
            .find(|n| !taken.contains(n))
            .ok_or_else(|| in_use(&crate::container::names::generate(seed))),
    }
}

/// Whether the infra container's flags configure a network.
fn infra_networked(f: &RunFlags) -> bool {
    f.network.is_some() || !f.publish.is_empty() || f.publish_all || f.ip.is_some()
}

/// A member's flags (`run --pod P`): the pod's namespaces joined (refused
/// where the member sets them itself), its infra container required, its id
/// recorded.
pub fn join(store: &Store, f: &mut RunFlags) -> Result<()> {
    let Some(name) = f.pod.clone() else {
        return Ok(());
    };
    let pod = find(store, &name)?;
    let infra = format!("container:{}", pod.infra);
    if pod.shares("net") {
        if infra_networked(f) || !f.network_alias.is_empty() || !f.link.is_empty() {
            bail!("--pod {name}: the pod's network is its own (-p, --network, --ip, --network-alias and --link belong to husk pod create)");
        }
        f.network = Some(infra.clone());
    }
    if pod.shares("ipc") {
        if f.ipc.is_some() {
            bail!("--pod {name}: --ipc is the pod's");
        }
        f.ipc = Some(infra.clone());
    }
    if pod.shares("uts") {
        if f.hostname.is_some() || f.uts.is_some() {
            bail!("--pod {name}: the host name is the pod's (husk pod create --hostname)");
        }
        f.uts = Some(infra);
    }
    f.requires.push(pod.infra.clone());
    f.pod = Some(pod.id);
    Ok(())
}

/// Refuse to remove container `r` on its own if it is a pod's infra
/// container: the pod's containers need it (`husk pod rm` removes it).
pub fn check_not_infra(store: &Store, r: &crate::store::containers::ContainerRecord) -> Result<()> {
    let Some(pod) = r.pod.as_deref() else {
        return Ok(());
    };
    let Some(pod) = read(store, pod).with_context(|| format!("container {}'s pod", r.name))? else {
        return Ok(()); // its pod has gone: an ordinary container now
    };
    if pod.infra == r.id {
        return Err(crate::error::Failure::new(
            crate::error::EXIT_TOOL,
            format!(
                "container {} is the infra container of pod {}: remove the pod instead (husk pod rm {})",
                r.name, pod.name, pod.name
            ),
        )
        .into());
    }
    Ok(())
}

/// The pod whose infra container `id` is, if it is one: stopping or
/// restarting it alone would take the pod's namespaces from the others, so
/// `husk stop` and `husk restart` act on the whole pod.
pub fn of_infra(store: &Store, id: &str) -> Result<Option<PodRecord>> {
    let r = store.container_record(id)?;
    let Some(pod) = r.pod.as_deref() else {
        return Ok(None);
    };
    Ok(read(store, pod)?.filter(|p| p.infra == r.id))
}

/// A pod's state, from its containers', by podman's rule: Degraded (some
/// running, not all), Running, Exited (all), Paused (any), Created.
pub fn status(store: &Store, pod: &PodRecord) -> Result<&'static str> {
    let mut statuses = Vec::new();
    for id in containers(store, pod)? {
        if let Ok(s) = state::current(store, &id) {
            statuses.push(s.status);
        }
    }
    let count = |want: &[Status]| statuses.iter().filter(|s| want.contains(s)).count();
    let (all, live) = (
        statuses.len(),
        count(&[Status::Running, Status::Restarting]),
    );
    Ok(match () {
        _ if all == 0 => "Created",
        _ if live > 0 && live < all => "Degraded",
        _ if live == all => "Running",
        _ if count(&[Status::Exited]) == all => "Exited",
        _ if count(&[Status::Paused]) > 0 => "Paused",
        _ => "Created",
    })
}

/// Start the pod: its infra container, then its members.
pub fn start(store: &Store, pod: &PodRecord, driver: &str) -> Result<()> {
    for id in containers(store, pod)? {
        crate::container::lifecycle::start(store, &id, driver)?;
    }
    Ok(())
}

/// Stop the pod: its members, then its infra container.
pub fn stop(store: &Store, pod: &PodRecord, timeout: Option<u32>) -> Result<()> {
    for id in containers(store, pod)?.iter().rev() {
        // One removed meanwhile (or never made, after a crash) is no error.
        if state::current(store, id).is_ok_and(|s| state::is_active(&s)) {
            crate::container::lifecycle::stop(store, id, timeout)?;
        }
    }
    Ok(())
}

/// Restart the pod: stopped (members first), started (infra first).
pub fn restart(store: &Store, pod: &PodRecord, timeout: Option<u32>, driver: &str) -> Result<()> {
    stop(store, pod, timeout)?;
    start(store, pod, driver)
}

/// Send `signal` to each running container of the pod (members first).
pub fn kill(store: &Store, pod: &PodRecord, signal: nix::sys::signal::Signal) -> Result<()> {
    let mut sent = false;
    for id in containers(store, pod)?.iter().rev() {
        if state::current(store, id).is_ok_and(|s| state::is_active(&s)) {
            let name = store.container_record(id)?.name;
            match crate::container::lifecycle::kill(store, id, &name, signal, false) {
                Ok(()) => sent = true,
                // It exited meanwhile.
                Err(e) if e.downcast_ref::<crate::error::Failure>().is_some() => {}
                Err(e) => return Err(e),
            }
        }
    }
    if !sent {
        bail!("pod {} has no running container to signal", pod.name);
    }
    Ok(())
}

/// Pause (or unpause) each running container of the pod.
pub fn set_paused(store: &Store, pod: &PodRecord, paused: bool) -> Result<()> {
    for id in containers(store, pod)? {
        let s = state::current(store, &id)?;
        let todo = match paused {
            true => s.status == Status::Running,
            false => s.status == Status::Paused,
        };
        if todo {
            let name = store.container_record(&id)?.name;
            crate::container::lifecycle::set_paused(store, &id, &name, paused)?;
        }
    }
    Ok(())
}

/// `husk pod prune`: remove every pod none of whose containers runs; the
/// pods removed.
pub fn prune(store: &Store) -> Result<Vec<PodRecord>> {
    let mut removed = Vec::new();
    remove_leftovers(store)?;
    for pod in list(store)? {
        let live = containers(store, &pod)?
            .iter()
            .any(|id| state::current(store, id).is_ok_and(|s| state::is_active(&s)));
        if !live {
            remove(store, &pod, false, None)?;
            removed.push(pod);
        }
    }
    Ok(removed)
}

/// Remove the pod: refused while a container of it runs, unless `force`,
/// which stops and removes them. Its record goes first, so that a crash
/// halfway leaves ordinary containers (and a directory `prune` removes).
pub fn remove(store: &Store, pod: &PodRecord, force: bool, timeout: Option<u32>) -> Result<()> {
    let _lock = lock(store)?;
    let ids = containers(store, pod)?;
    let running: Vec<String> = ids
        .iter()
        .filter(|id| state::current(store, id).is_ok_and(|s| state::is_active(&s)))
        .filter_map(|id| store.container_record(id).ok().map(|r| r.name))
        .collect();
    if !running.is_empty() && !force {
        return Err(crate::error::Failure::new(
            crate::error::EXIT_TOOL,
            format!(
                "pod {} has running containers: {} (stop the pod first, or use -f)",
                pod.name,
                running.join(", ")
            ),
        )
        .into());
    }
    let pod_dir = dir(store).join(&pod.id);
    std::fs::remove_file(pod_dir.join("pod.json"))
        .with_context(|| format!("removing the pod {}", pod.name))?;
    if force {
        stop(store, pod, timeout)?;
    }
    for id in ids.iter().rev() {
        if !store.container_dir(id).exists() {
            continue;
        }
        crate::container::lifecycle::remove_checked(store, id, force)
            .with_context(|| format!("removing the pod's container {id}"))?;
    }
    crate::store::remove_tree(&pod_dir).with_context(|| format!("removing the pod {}", pod.name))
}

/// What crashes left under pods/: directories without a record (`create`
/// makes its directory under the same lock).
fn remove_leftovers(store: &Store) -> Result<()> {
    let _lock = lock(store)?;
    let Ok(entries) = std::fs::read_dir(dir(store)) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        if !entry.path().join("pod.json").exists() {
            let _ = crate::store::remove_tree(&entry.path());
        }
    }
    Ok(())
}

/// The pod's containers (the infra container first): id, name and status
/// ("unknown" when its state cannot be read).
pub fn members(store: &Store, pod: &PodRecord) -> Result<Vec<(String, String, &'static str)>> {
    let mut out = Vec::new();
    for id in containers(store, pod)? {
        let Ok(r) = store.container_record(&id) else {
            continue;
        };
        let s = state::current(store, &id)
            .map(|s| s.status.as_str())
            .unwrap_or("unknown");
        out.push((id, r.name, s));
    }
    Ok(out)
}

/// `husk pod inspect`: podman's keys.
pub fn inspect(store: &Store, pod: &PodRecord) -> Result<serde_json::Value> {
    let members: Vec<serde_json::Value> = members(store, pod)?
        .into_iter()
        .map(|(id, name, s)| serde_json::json!({ "Id": id, "Name": name, "State": s }))
        .collect();
    Ok(serde_json::json!({
        "Id": pod.id,
        "Name": pod.name,
        "Created": pod.created,
        "State": status(store, pod)?,
        "Hostname": pod.hostname,
        "Labels": pod.labels,
        "CreateInfra": true,
        "InfraContainerID": pod.infra,
        "SharedNamespaces": pod.share,
        "NumContainers": members.len(),
        "Containers": members,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_made_up_pod_name_that_is_taken_is_made_up_again() {
        let root = std::env::temp_dir().join(format!("husk-pod-names-{}", std::process::id()));
        let store = Store::open(&root).unwrap();
        let seed: Vec<u8> = (1..=32).collect();
        let first = crate::container::names::generate(&seed);
        let pod = PodRecord {
            id: "a".repeat(64),
            name: first.clone(),
            created: "2026-12-05T00:00:00Z".into(),
            labels: BTreeMap::new(),
            infra: "b".repeat(64),
            share: Vec::new(),
            hostname: first.clone(),
        };
        let pod_dir = dir(&store).join(&pod.id);
        std::fs::create_dir_all(&pod_dir).unwrap();
        std::fs::write(pod_dir.join("pod.json"), serde_json::to_vec(&pod).unwrap()).unwrap();
        assert_eq!(
            free_name(&store, None, &seed).unwrap(),
            crate::container::names::generate(&seed[4..])
        );
        let taken = free_name(&store, Some(first.clone()), &seed).unwrap_err();
        assert!(taken.to_string().contains("already in use"), "{taken:#}");
        assert_eq!(
            free_name(&store, Some("mine".into()), &seed).unwrap(),
            "mine"
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
