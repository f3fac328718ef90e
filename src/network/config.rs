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
    /// `--ip-range`: where automatic addresses come from (`--ip` may be any of the subnet's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_range: Option<IpRange>,
    /// `--route`s every container on the network gets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// `--opt mtu=N`: of the bridge and the containers' interfaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mtu: Option<u32>,
    /// `--opt metric=N`: of the containers' default route through this network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<u32>,
    /// `--disable-dns`: containers get the host's resolvers, and no names.
    #[serde(default)]
    pub disable_dns: bool,
    /// `--dns`: the resolvers husk's DNS responder asks for this network's containers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dns_servers: Vec<Ipv4Addr>,
    /// `--opt`s as given (inspect's `Options`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
}

/// A range of addresses, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpRange {
    pub start: Ipv4Addr,
    pub end: Ipv4Addr,
}

impl IpRange {
    /// `CIDR` or `START-END`.
    pub fn parse(s: &str) -> Result<IpRange> {
        let range = match s.split_once('-') {
            Some((a, b)) => {
                let ip = |v: &str| -> Result<Ipv4Addr> {
                    v.trim().parse().with_context(|| {
                        format!("invalid --ip-range {s:?}: {v:?} is not an IPv4 address")
                    })
                };
                IpRange {
                    start: ip(a)?,
                    end: ip(b)?,
                }
            }
            None => {
                let (a, p) = s
                    .split_once('/')
                    .with_context(|| format!("invalid --ip-range {s:?}: CIDR or START-END"))?;
                let addr: Ipv4Addr = a.parse().with_context(|| {
                    format!("invalid --ip-range {s:?}: {a:?} is not an IPv4 address")
                })?;
                let prefix: u32 = p
                    .parse()
                    .ok()
                    .filter(|p| (1..=32).contains(p))
                    .with_context(|| {
                        format!("invalid --ip-range {s:?}: the prefix length must be 1 to 32")
                    })?;
                let size = 1u64 << (32 - prefix);
                let start = u32::from(addr) & !((size - 1) as u32);
                IpRange {
                    start: Ipv4Addr::from(start),
                    end: Ipv4Addr::from((u64::from(start) + size - 1) as u32),
                }
            }
        };
        if u32::from(range.start) > u32::from(range.end) {
            bail!("invalid --ip-range {s:?}: its start is after its end");
        }
        Ok(range)
    }

    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        (u32::from(self.start)..=u32::from(self.end)).contains(&u32::from(ip))
    }
}

impl fmt::Display for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// A static route of `--route DEST/PREFIX,GATEWAY[,METRIC]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    pub destination: Ipv4Addr,
    pub prefix: u8,
    pub gateway: Ipv4Addr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<u32>,
}

impl std::str::FromStr for Route {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Route> {
        let usage = || format!("invalid --route {s:?}: DEST/PREFIX,GATEWAY[,METRIC] (IPv4)");
        let parts: Vec<&str> = s.split(',').collect();
        let (dest, gateway, metric) = match parts.as_slice() {
            [d, g] => (*d, *g, None),
            [d, g, m] => (*d, *g, Some(*m)),
            _ => bail!(usage()),
        };
        let (addr, prefix) = dest.split_once('/').with_context(usage)?;
        let destination: Ipv4Addr = addr.parse().with_context(usage)?;
        let prefix: u8 = prefix
            .parse()
            .ok()
            .filter(|p| *p <= 32)
            .with_context(usage)?;
        let mask = if prefix == 0 {
            0
        } else {
            u32::MAX << (32 - prefix)
        };
        if u32::from(destination) & !mask != 0 {
            bail!("invalid --route {s:?}: the destination has host bits set");
        }
        Ok(Route {
            destination,
            prefix,
            gateway: gateway.parse().with_context(usage)?,
            metric: metric
                .map(|m| m.parse::<u32>().with_context(usage))
                .transpose()?,
        })
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{},{}", self.destination, self.prefix, self.gateway)?;
        if let Some(m) = self.metric {
            write!(f, ",{m}")?;
        }
        Ok(())
    }
}

/// `--opt`s husk knows: the MTU, the default route's metric and the bridge's
/// name (docker's `com.docker.network.*` spellings too).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DriverOptions {
    pub mtu: Option<u32>,
    pub metric: Option<u32>,
    pub bridge_name: Option<String>,
    pub given: BTreeMap<String, String>,
}

impl DriverOptions {
    pub fn parse(opts: &[String]) -> Result<DriverOptions> {
        let mut out = DriverOptions::default();
        for o in opts {
            let (k, v) = o
                .split_once('=')
                .with_context(|| format!("invalid --opt {o:?}: KEY=VALUE"))?;
            match k {
                "mtu" | "com.docker.network.driver.mtu" => {
                    out.mtu = Some(
                        v.parse()
                            .ok()
                            .filter(|m| (68..=65535).contains(m))
                            .with_context(|| format!("invalid --opt {o}: an MTU of 68 to 65535"))?,
                    )
                }
                "metric" => {
                    out.metric = Some(
                        v.parse()
                            .with_context(|| format!("invalid --opt {o}: a route metric (a number)"))?,
                    )
                }
                "com.docker.network.bridge.name" => out.bridge_name = Some(v.to_string()),
                "isolate" => bail!("--opt isolate: husk's networks are not kept apart from each other yet (no isolation rules)"),
                "vlan" => bail!("--opt vlan: husk's bridges are not VLAN-aware"),
                "mode" | "parent" => bail!("--opt {k}: only for macvlan and ipvlan networks, which husk does not have (bridge only)"),
                _ => bail!("unknown --opt {k:?}: mtu, metric or com.docker.network.bridge.name"),
            }
            out.given.insert(k.to_string(), v.to_string());
        }
        Ok(out)
    }
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
            ip_range: None,
            routes: Vec::new(),
            mtu: None,
            metric: None,
            disable_dns: false,
            dns_servers: Vec::new(),
            options: BTreeMap::new(),
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
    /// `--interface-name`: the bridge's name (else huskN).
    pub interface_name: Option<String>,
    pub ip_range: Option<IpRange>,
    pub routes: Vec<Route>,
    pub options: DriverOptions,
    pub disable_dns: bool,
    pub dns_servers: Vec<Ipv4Addr>,
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
    check_ranges(opts, &subnet)?;
    let bridge = match opts
        .interface_name
        .as_ref()
        .or(opts.options.bridge_name.as_ref())
    {
        Some(b) => {
            check_interface_name(b)?;
            if let Some(other) = all.iter().find(|n| &n.bridge == b) {
                bail!(
                    "interface name {b} is network {}'s bridge already",
                    other.name
                );
            }
            b.clone()
        }
        None => (1..)
            .map(|i| format!("husk{i}"))
            .find(|b| !all.iter().any(|n| &n.bridge == b))
            .context("no free bridge name")?,
    };
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
        ip_range: opts.ip_range,
        routes: opts.routes.clone(),
        mtu: opts.options.mtu,
        metric: opts.options.metric,
        disable_dns: opts.disable_dns,
        dns_servers: opts.dns_servers.clone(),
        options: opts.options.given.clone(),
    };
    store.write_atomic(
        &dir.join(format!("{}.json", net.name)),
        &serde_json::to_vec_pretty(&net)?,
    )?;
    crate::events::network("create", &net.id, &net.name);
    Ok(net)
}

/// `--ip-range` inside the subnet; each `--route`'s gateway on it.
fn check_ranges(opts: &CreateOptions, subnet: &Subnet) -> Result<()> {
    if let Some(r) = &opts.ip_range {
        if !subnet.contains(r.start) || !subnet.contains(r.end) {
            bail!("--ip-range {r} is not inside the subnet {subnet}");
        }
    }
    for r in &opts.routes {
        if r.prefix == 0 {
            bail!("--route {r}: the default route is the network's own (its gateway; --opt metric= sets its metric)");
        }
        if !subnet.contains(r.gateway) {
            bail!(
                "--route {r}: the gateway {} is not on the subnet {subnet}",
                r.gateway
            );
        }
    }
    Ok(())
}

/// A Linux interface name: 1 to 15 bytes, no `/`, whitespace or `:`.
fn check_interface_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 15
        && name != "."
        && name != ".."
        && !name
            .chars()
            .any(|c| c == '/' || c == ':' || c.is_whitespace() || c.is_control());
    if !ok {
        bail!("invalid interface name {name:?}: 1 to 15 characters, no '/', ':' or spaces");
    }
    Ok(())
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
    for (id, _) in &used {
        crate::pod::check_not_infra(store, &store.container_record(id)?)?;
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
    let mut subnet =
        serde_json::json!({"subnet": net.subnet.to_string(), "gateway": net.gateway.to_string()});
    if let Some(r) = &net.ip_range {
        subnet["lease_range"] =
            serde_json::json!({"start_ip": r.start.to_string(), "end_ip": r.end.to_string()});
    }
    let mut doc = serde_json::json!({
        "name": net.name,
        "id": net.id,
        "driver": "bridge",
        "network_interface": net.bridge,
        "created": net.created,
        "subnets": [subnet],
        "ipv6_enabled": false,
        "internal": net.internal,
        "dns_enabled": !net.is_default() && !net.disable_dns,
        "labels": net.labels,
        "options": net.options,
        "ipam_options": {"driver": "host-local"},
        "containers": containers,
    });
    if !net.routes.is_empty() {
        doc["routes"] = net
            .routes
            .iter()
            .map(|r| {
                let mut v = serde_json::json!({"destination": format!("{}/{}", r.destination, r.prefix), "gateway": r.gateway.to_string()});
                if let Some(m) = r.metric {
                    v["metric"] = serde_json::json!(m);
                }
                v
            })
            .collect();
    }
    if !net.dns_servers.is_empty() {
        doc["network_dns_servers"] = serde_json::json!(net.dns_servers);
    }
    doc
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
