//! Networks as the user names them: the default one (`podman`, also called
//! `bridge`), which exists without being created, and those made with
//! `husk network create`, kept in the store as `ROOT/networks/<name>.json`.
//! Each is a Linux bridge in the per-user network namespace (`netns.rs`).

use std::collections::BTreeMap;
use std::fmt;
use std::net::Ipv4Addr;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use crate::store::Store;

/// The default network's name (podman's); `bridge` (docker's) names it too.
pub const DEFAULT: &str = "podman";

/// An IPv4 subnet, `10.88.0.0/16`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Subnet {
    pub addr: Ipv4Addr,
    pub prefix: u8,
}

impl Subnet {
    fn mask(&self) -> u32 {
        if self.prefix == 0 {
            0
        } else {
            u32::MAX << (32 - self.prefix)
        }
    }

    /// Host number `n` of the subnet (1 is the gateway).
    pub fn host(&self, n: u32) -> Option<Ipv4Addr> {
        let size = (!self.mask()).saturating_add(1);
        (n > 0 && n < size.saturating_sub(1)).then(|| Ipv4Addr::from(u32::from(self.addr) + n))
    }

    /// How many addresses containers can have (all but network, gateway, broadcast).
    pub fn capacity(&self) -> u32 {
        (!self.mask()).saturating_sub(2)
    }

    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        u32::from(ip) & self.mask() == u32::from(self.addr)
    }

    pub fn overlaps(&self, other: &Subnet) -> bool {
        self.contains(other.addr) || other.contains(self.addr)
    }
}

impl std::str::FromStr for Subnet {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Subnet> {
        let (a, p) = s.split_once('/').with_context(|| {
            format!("invalid subnet {s:?}: use ADDRESS/PREFIX, e.g. 10.89.7.0/24")
        })?;
        let addr: Ipv4Addr = a
            .parse()
            .with_context(|| format!("invalid subnet {s:?}: {a:?} is not an IPv4 address"))?;
        let prefix: u8 = p
            .parse()
            .ok()
            .filter(|p| (8..=30).contains(p))
            .with_context(|| format!("invalid subnet {s:?}: the prefix length must be 8 to 30"))?;
        let net = Subnet { addr, prefix };
        if u32::from(addr) & net.mask() != u32::from(addr) {
            bail!(
                "invalid subnet {s:?}: host bits are set (did you mean {}?)",
                Subnet {
                    addr: Ipv4Addr::from(u32::from(addr) & net.mask()),
                    prefix
                }
            );
        }
        Ok(net)
    }
}

impl TryFrom<String> for Subnet {
    type Error = anyhow::Error;
    fn try_from(s: String) -> Result<Subnet> {
        s.parse()
    }
}

impl From<Subnet> for String {
    fn from(s: Subnet) -> String {
        s.to_string()
    }
}

impl fmt::Display for Subnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// A network.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Network {
    pub name: String,
    pub id: String,
    /// The Linux bridge in the per-user network namespace.
    pub bridge: String,
    pub subnet: Subnet,
    pub gateway: Ipv4Addr,
    /// `--internal`: no route out.
    #[serde(default)]
    pub internal: bool,
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    pub created: String,
}

impl Network {
    /// The default network (never stored).
    pub fn default_network() -> Network {
        let subnet: Subnet = Subnet {
            addr: Ipv4Addr::new(10, 88, 0, 0),
            prefix: 16,
        };
        Network {
            name: DEFAULT.into(),
            id: crate::digest::Digest::of(DEFAULT.as_bytes())
                .hex()
                .to_string(),
            bridge: "husk0".into(),
            subnet,
            gateway: Ipv4Addr::new(10, 88, 0, 1),
            internal: false,
            labels: BTreeMap::new(),
            created: "1970-01-01T00:00:00Z".into(),
        }
    }

    pub fn is_default(&self) -> bool {
        self.name == DEFAULT
    }

    /// Whether a container may be given `ip` (`--ip`): a host address of the
    /// subnet other than the gateway.
    pub fn check_address(&self, ip: Ipv4Addr) -> Result<()> {
        let n = u32::from(ip).wrapping_sub(u32::from(self.subnet.addr));
        if !self.subnet.contains(ip) || self.subnet.host(n) != Some(ip) {
            bail!(
                "--ip {ip}: not a host address of network {} ({}/{})",
                self.name,
                self.subnet.addr,
                self.subnet.prefix
            );
        }
        if ip == self.gateway {
            bail!("--ip {ip}: the gateway of network {}", self.name);
        }
        Ok(())
    }

    /// Whether `name` (as a record or a flag has it) names this network.
    pub fn is_named(&self, name: &str) -> bool {
        name == self.name || (self.is_default() && is_default_name(name))
    }
}

/// Whether `name` means the default network.
pub fn is_default_name(name: &str) -> bool {
    matches!(name, DEFAULT | "bridge")
}

fn dir(store: &Store) -> PathBuf {
    store.root().join("networks")
}

/// All networks, the default first, then by name.
pub fn list(store: &Store) -> Result<Vec<Network>> {
    let mut out = vec![Network::default_network()];
    let entries = match std::fs::read_dir(dir(store)) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e).context("reading the networks directory"),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.context("reading the networks directory")?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            let net: Network = serde_json::from_slice(&bytes)
                .with_context(|| format!("parsing {}", path.display()))?;
            found.push(net);
        }
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    out.extend(found);
    Ok(out)
}

/// The network `name_or_id` names (a name, or a unique id prefix).
pub fn find(store: &Store, name_or_id: &str) -> Result<Network> {
    let all = list(store)?;
    if is_default_name(name_or_id) {
        return Ok(Network::default_network());
    }
    if let Some(n) = all.iter().find(|n| n.name == name_or_id) {
        return Ok(n.clone());
    }
    let by_id: Vec<&Network> = all
        .iter()
        .filter(|n| !name_or_id.is_empty() && n.id.starts_with(name_or_id))
        .collect();
    match by_id.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(crate::error::Failure::new(
            crate::error::EXIT_TOOL,
            format!("no such network: {name_or_id}"),
        )
        .into()),
        _ => bail!(
            "{name_or_id}: ambiguous, it matches {} networks",
            by_id.len()
        ),
    }
}

/// What `husk network create` asks for.
#[derive(Debug, Clone, Default)]
pub struct CreateOptions {
    pub name: Option<String>,
    pub subnet: Option<Subnet>,
    pub gateway: Option<Ipv4Addr>,
    pub internal: bool,
    pub labels: BTreeMap<String, String>,
    /// `--ignore`: an existing network of that name is not an error.
    pub ignore: bool,
}

/// Create a network; returns it (or the existing one with `ignore`).
pub fn create(store: &Store, opts: &CreateOptions) -> Result<Network> {
    let dir = dir(store);
    std::fs::create_dir_all(&dir).context("creating the networks directory")?;
    let _lock = crate::store::lock::Lock::exclusive(&store.locks_dir().join("networks.lock"))?;
    let all = list(store)?;
    let name = match &opts.name {
        Some(n) => {
            check_name(n)?;
            n.clone()
        }
        None => (1..)
            .map(|i| format!("podman{i}"))
            .find(|n| !all.iter().any(|x| &x.name == n))
            .context("no free network name")?,
    };
    if let Some(existing) = all
        .iter()
        .find(|n| n.name == name || (is_default_name(&name)))
    {
        if opts.ignore {
            return Ok(existing.clone());
        }
        bail!("network {name} already exists");
    }
    let subnet = match opts.subnet {
        Some(s) => {
            if let Some(other) = all.iter().find(|n| n.subnet.overlaps(&s)) {
                bail!(
                    "subnet {s} overlaps with network {} ({})",
                    other.name,
                    other.subnet
                );
            }
            s
        }
        None => free_subnet(&all)?,
    };
    let gateway = match opts.gateway {
        Some(g)
            if !subnet.contains(g)
                || !(1..=subnet.capacity()).contains(&(u32::from(g) - u32::from(subnet.addr))) =>
        {
            bail!("gateway {g} is not a host address of subnet {subnet}")
        }
        Some(g) => g,
        None => subnet.host(1).context("the subnet is too small")?,
    };
    let bridge = (1..)
        .map(|i| format!("husk{i}"))
        .find(|b| !all.iter().any(|n| &n.bridge == b))
        .context("no free bridge name")?;
    let created = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let net = Network {
        id: crate::digest::Digest::of(
            format!("{name}\n{created}\n{}", std::process::id()).as_bytes(),
        )
        .hex()
        .to_string(),
        name,
        bridge,
        subnet,
        gateway,
        internal: opts.internal,
        labels: opts.labels.clone(),
        created,
    };
    store.write_atomic(
        &dir.join(format!("{}.json", net.name)),
        &serde_json::to_vec_pretty(&net)?,
    )?;
    crate::events::network("create", &net.id, &net.name);
    Ok(net)
}

/// The first 10.89.N.0/24 that no network uses (podman's choice).
fn free_subnet(all: &[Network]) -> Result<Subnet> {
    (0..=255u8)
        .map(|n| Subnet {
            addr: Ipv4Addr::new(10, 89, n, 0),
            prefix: 24,
        })
        .find(|s| !all.iter().any(|n| n.subnet.overlaps(s)))
        .context("no free subnet in 10.89.0.0/16: give one with --subnet")
}

/// Names as docker allows them: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
pub fn check_name(name: &str) -> Result<()> {
    let ok = name.len() <= 128
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if !ok {
        bail!("invalid network name {name:?}: use letters, digits, _ . - (starting with a letter or digit)");
    }
    Ok(())
}

/// The containers (id, name) whose record puts them on `net`.
pub fn users(store: &Store, net: &Network) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for id in store.container_ids()? {
        let Ok(r) = store.container_record(&id) else {
            continue;
        };
        let on_it = r.network.mode == super::NetworkMode::Bridge
            && r.network.networks.iter().any(|n| net.is_named(n));
        if on_it {
            out.push((id, r.name));
        }
    }
    Ok(out)
}

/// `husk network rm`: remove the network `name_or_id`; refused (exit 2) while
/// containers are on it, unless `force`, which removes them first.
/// `stop_time` (podman's `-f -t`): with `force`, its users get the stop
/// signal and that many seconds to go before they are removed.
pub fn remove(
    store: &Store,
    name_or_id: &str,
    force: bool,
    stop_time: Option<u32>,
) -> Result<Network> {
    let net = find(store, name_or_id)?;
    if net.is_default() {
        bail!("the default network {DEFAULT} cannot be removed");
    }
    if let (true, Some(secs)) = (force, stop_time) {
        for (id, _) in users(store, &net)? {
            crate::container::lifecycle::stop(store, &id, Some(secs))?;
        }
    }
    let used = users(store, &net)?;
    if !used.is_empty() && !force {
        let names: Vec<&str> = used.iter().map(|(_, n)| n.as_str()).collect();
        return Err(crate::error::Failure::new(
            2,
            format!(
                "network {} is in use by container(s): {} (remove them, or use -f)",
                net.name,
                names.join(", ")
            ),
        )
        .into());
    }
    for (id, _) in used {
        crate::container::lifecycle::remove_checked(store, &id, true)?;
    }
    forget(store, &net)?;
    Ok(net)
}

/// `husk network prune`: remove every network no container is on; their names.
/// Remove the networks no container uses that every filter keeps
/// (`label=`, `label!=`, `until=`, as the other prunes take them).
pub fn prune(
    store: &Store,
    filters: &[crate::container::lifecycle::PruneFilter],
) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for net in list(store)?.into_iter().filter(|n| !n.is_default()) {
        let created = crate::output::human::parse_time(&net.created);
        let label = |k: &str| net.labels.get(k).cloned();
        if !filters.iter().all(|f| f.keeps_object(created, &label)) {
            continue;
        }
        if users(store, &net)?.is_empty() {
            forget(store, &net)?;
            removed.push(net.name);
        }
    }
    Ok(removed)
}

/// Remove the stored network and its bridge (a network made later with the
/// same bridge name must start afresh).
fn forget(store: &Store, net: &Network) -> Result<()> {
    let path = dir(store).join(format!("{}.json", net.name));
    std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
    crate::store::sync_dir(&dir(store))?;
    crate::events::network("destroy", &net.id, &net.name);
    super::attach::forget_bridge(net)
}

/// `network ls --filter KEY=VALUE`: name= (part of it), id= (prefix), driver=, label=KEY[=VALUE].
pub fn matches(net: &Network, filter: &str) -> Result<bool> {
    let (key, value) = filter
        .split_once('=')
        .ok_or_else(|| anyhow::anyhow!("invalid filter {filter:?}: use KEY=VALUE"))?;
    Ok(match key {
        "name" => net.name.contains(value),
        "id" => net.id.starts_with(value),
        "driver" => value == "bridge",
        "label" => match value.split_once('=') {
            Some((k, v)) => net.labels.get(k).is_some_and(|x| x == v),
            None => net.labels.contains_key(value),
        },
        _ => bail!("invalid filter {key:?}: use name, id, driver or label"),
    })
}

/// The inspect document of a network (podman's fields), with the containers on it now.
pub fn inspect(store: &Store, net: &Network) -> serde_json::Value {
    let containers: BTreeMap<String, serde_json::Value> = super::ipam::live(&net.name)
        .into_iter()
        .filter(|l| store.container_dir(&l.container_id).exists())
        .map(|l| {
            let doc = serde_json::json!({"name": l.container_name, "ipv4": format!("{}/{}", l.ip, l.prefix)});
            (l.container_id, doc)
        })
        .collect();
    serde_json::json!({
        "name": net.name,
        "id": net.id,
        "driver": "bridge",
        "network_interface": net.bridge,
        "created": net.created,
        "subnets": [{"subnet": net.subnet.to_string(), "gateway": net.gateway.to_string()}],
        "ipv6_enabled": false,
        "internal": net.internal,
        "dns_enabled": !net.is_default(),
        "labels": net.labels,
        "ipam_options": {"driver": "host-local"},
        "containers": containers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subnets() {
        let s: Subnet = "10.89.7.0/24".parse().unwrap();
        assert_eq!(s.host(1), Some(Ipv4Addr::new(10, 89, 7, 1)));
        assert_eq!(s.host(254), Some(Ipv4Addr::new(10, 89, 7, 254)));
        assert_eq!(s.host(255), None);
        assert_eq!(s.capacity(), 253);
        assert!(s.contains(Ipv4Addr::new(10, 89, 7, 9)));
        assert!(!s.contains(Ipv4Addr::new(10, 89, 8, 9)));
        assert!(s.overlaps(&"10.89.0.0/16".parse().unwrap()));
        for bad in [
            "10.89.7.1/24",
            "10.89.7.0",
            "x/24",
            "10.0.0.0/31",
            "10.0.0.0/4",
        ] {
            assert!(bad.parse::<Subnet>().is_err(), "{bad}");
        }
    }
}
