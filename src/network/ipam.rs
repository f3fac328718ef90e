//! Addresses of running containers: one lease file per address,
//! `RUNDIR/net/leases/<network>/<ip>`, taken by a container's monitor when it
//! attaches the container and removed when the container stops. A lease names
//! the monitor (pid and start time): one whose monitor is gone (kill -9) is
//! free again, so nothing leaks. Leases are also what husk's DNS responder
//! answers from (names, aliases, short ids).
//!
//! Allocation holds `RUNDIR/net/locks/<network>.lock`, so parallel runs get
//! distinct addresses.

use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use super::config::Network;
use crate::container::state;
use crate::store::lock::Lock;

/// One address in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lease {
    pub network: String,
    pub ip: Ipv4Addr,
    pub gateway: Ipv4Addr,
    pub prefix: u8,
    pub container_id: String,
    pub container_name: String,
    /// `--network-alias` and `--link` aliases on this network.
    #[serde(default)]
    pub aliases: Vec<String>,
    pub monitor_pid: i32,
    pub monitor_start: Option<u64>,
    /// On an `--internal` network: its DNS answers local names only.
    #[serde(default)]
    pub internal: bool,
    /// The network's `--dns` resolvers (none: the host's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_servers: Vec<Ipv4Addr>,
    /// The network's `--disable-dns`: no names answered for it.
    #[serde(default)]
    pub disable_dns: bool,
}

impl Lease {
    /// Whether the monitor that took it still runs.
    pub fn live(&self) -> bool {
        state::same_process(Some(self.monitor_pid), self.monitor_start)
    }

    /// Whether `name` (lowercase, no trailing dot) names this container.
    pub fn answers(&self, name: &str) -> bool {
        let eq = |n: &str| n.eq_ignore_ascii_case(name);
        eq(&self.container_name)
            || self.aliases.iter().any(|a| eq(a))
            || (name.len() == 12 && self.container_id.starts_with(&name.to_ascii_lowercase()))
    }
}

/// The leases directory of all networks (one directory per network).
pub fn root() -> Result<PathBuf> {
    let dir = crate::userns::pause::runtime_dir()?.join("net/leases");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// The lock of network `name`'s leases (apart from them: a network may be
/// named like a lock file).
pub fn lock_path(name: &str) -> Result<PathBuf> {
    Ok(locks_dir()?.join(format!("network-{name}.lock")))
}

/// The lock under which bridges are made in the per-user namespace.
pub fn bridges_lock_path() -> Result<PathBuf> {
    Ok(locks_dir()?.join("bridges.lock"))
}

fn locks_dir() -> Result<PathBuf> {
    let dir = crate::userns::pause::runtime_dir()?.join("net/locks");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir)
}

/// A taken address; the lease file goes when this is dropped.
#[derive(Debug)]
pub struct Held {
    pub lease: Lease,
    path: PathBuf,
}

impl Drop for Held {
    /// Only if the file is still this lease: `network disconnect` may have
    /// removed it, and another container taken the address since.
    fn drop(&mut self) {
        let Ok(_lock) = lock_path(&self.lease.network).and_then(|p| Lock::exclusive(&p)) else {
            return;
        };
        let ours = read(&self.path).is_some_and(|l| {
            l.container_id == self.lease.container_id && l.monitor_pid == self.lease.monitor_pid
        });
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Take an address of `net` for the container: `want` (`--ip`; an error if
/// another running container has it), else the first free one. `template`
/// carries everything but the address.
pub fn allocate(net: &Network, template: Lease, want: Option<Ipv4Addr>) -> Result<Held> {
    let dir = root()?.join(&net.name);
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let _lock = Lock::exclusive(&lock_path(&net.name)?)?;
    let take = |ip: Ipv4Addr, template: Lease| -> Result<Held> {
        let lease = Lease {
            ip,
            gateway: net.gateway,
            prefix: net.subnet.prefix,
            network: net.name.clone(),
            internal: net.internal,
            dns_servers: net.dns_servers.clone(),
            disable_dns: net.disable_dns,
            ..template
        };
        let path = dir.join(ip.to_string());
        let tmp = dir.join(format!(".{ip}.{}", std::process::id()));
        std::fs::write(&tmp, serde_json::to_vec(&lease)?).context("writing a lease")?;
        std::fs::rename(&tmp, &path).context("writing a lease")?;
        Ok(Held { lease, path })
    };
    if let Some(ip) = want {
        if let Some(other) = read(&dir.join(ip.to_string())).filter(|l| l.live()) {
            anyhow::bail!(
                "address {ip} of network {} is in use by container {}",
                net.name,
                other.container_name
            );
        }
        return take(ip, template);
    }
    for n in 2..=net.subnet.capacity() + 1 {
        let Some(ip) = net.subnet.host(n) else { break };
        let outside = net.ip_range.is_some_and(|r| !r.contains(ip));
        if outside || ip == net.gateway || read(&dir.join(ip.to_string())).is_some_and(|l| l.live())
        {
            continue;
        }
        return take(ip, template);
    }
    anyhow::bail!(
        "network {} has no free address left ({} in use)",
        net.name,
        net.subnet.capacity()
    )
}

impl Held {
    /// Keep the lease file after this value goes (its monitor's life bounds it).
    pub fn keep(self) -> Lease {
        let lease = self.lease.clone();
        std::mem::forget(self);
        lease
    }
}

/// Remove the leases container `id` holds on network `name`.
pub fn release_container(name: &str, id: &str) {
    let Ok(_lock) = lock_path(name).and_then(|p| Lock::exclusive(&p)) else {
        return;
    };
    for (path, lease) in files(name) {
        if lease.is_some_and(|l| l.container_id == id) {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn read(path: &Path) -> Option<Lease> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// The networks that have a lease directory.
fn networks() -> Vec<String> {
    let Ok(entries) = root().and_then(|r| Ok(std::fs::read_dir(r)?)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// The lease files of network `name` and what they hold (None: unreadable),
/// but for those being written (`.IP.PID`).
fn files(name: &str) -> Vec<(PathBuf, Option<Lease>)> {
    let Ok(entries) = root().and_then(|r| Ok(std::fs::read_dir(r.join(name))?)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            let lease = read(&e.path());
            (e.path(), lease)
        })
        .collect()
}

/// The live leases of network `name`.
pub fn live(name: &str) -> Vec<Lease> {
    files(name)
        .into_iter()
        .filter_map(|(_, l)| l)
        .filter(Lease::live)
        .collect()
}

/// Every live lease, of every network.
pub fn all_live() -> Vec<Lease> {
    networks().iter().flat_map(|n| live(n)).collect()
}

/// Lease files whose monitor is gone (or that cannot be read): free for reuse
/// already; `system check --repair` removes them.
pub fn stale() -> Vec<PathBuf> {
    networks()
        .iter()
        .flat_map(|n| files(n))
        .filter(|(_, l)| !l.as_ref().is_some_and(Lease::live))
        .map(|(p, _)| p)
        .collect()
}
