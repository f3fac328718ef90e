//! Connecting a starting container to its network, in its monitor:
//! [`prepare`] before the container process is cloned (the per-user namespace
//! made if need be, published ports bound: errors come before anything runs),
//! [`Prepared::attach`] once it exists and waits (an address leased, the
//! network's bridge made if missing, a veth pair from the bridge to the
//! container's `eth0`, address and route inside, /etc/hosts and resolv.conf
//! written, the ports forwarded). Dropping the [`Attached`] undoes what the
//! kernel does not: the lease and the forwarders.

use std::fs::File;
use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::config::{self, Network};
use super::ipam::{self, Lease};
use super::link::{self, Netlink};
use super::netns::{self, Rootless};
use super::ports::{self, Listener, PortMapping};
use super::{NetworkMode, NetworkSettings};
use crate::container::Container;
use crate::store::Store;

/// What `prepare` found and bound.
pub struct Prepared {
    rootless: Option<Rootless>,
    networks: Vec<Network>,
    listeners: Vec<Listener>,
    /// `container:`/`ns:`: the namespace to join.
    pub join: Option<PathBuf>,
    /// `pasta`, `slirp4netns`: which, and the ports pasta is to publish (host ports chosen).
    helper: Option<(super::helper::Private, Vec<PortMapping>)>,
}

/// A container's network while it runs.
#[derive(Default)]
pub struct Attached {
    pub leases: Vec<Lease>,
    held: Vec<ipam::Held>,
    /// The published ports, as bound.
    pub ports: Vec<PortMapping>,
    _forwarders: Option<ports::Forwarders>,
    _helper: Option<super::helper::Running>,
}

/// Step one, before the container process exists (one thread only: this may
/// fork the namespace's holder).
pub fn prepare(store: &Store, ctr: &Container) -> Result<Prepared> {
    let settings = &ctr.record.network;
    let mut prepared = Prepared {
        rootless: None,
        networks: Vec::new(),
        listeners: Vec::new(),
        join: None,
        helper: None,
    };
    match &settings.mode {
        NetworkMode::Bridge => {
            for name in &settings.networks {
                prepared.networks.push(config::find(store, name)?);
            }
            prepared.rootless = Some(netns::ensure()?);
            prepared.listeners = ports::bind(&settings.ports)?;
        }
        NetworkMode::Container(other) => {
            let id = crate::container::find(store, other)?;
            let state = crate::container::state::current(store, &id)?;
            let pid = crate::container::state::running_pid(&state).with_context(|| {
                format!("cannot join the network of container {other}: it is not running")
            })?;
            prepared.join = Some(PathBuf::from(format!("/proc/{pid}/ns/net")));
        }
        NetworkMode::Ns(path) => prepared.join = Some(path.clone()),
        NetworkMode::Private(which) => {
            super::helper::program(which)?;
            // pasta publishes the ports itself: they are bound and let go here, so
            // that a port in use is an error now and `-p PORT` gets a free one.
            // With slirp4netns the monitor keeps them and forwards.
            let bound = ports::bind(&settings.ports)?;
            let ports = bound.iter().map(|l| l.mapping().clone()).collect();
            if !which.publishes() {
                prepared.listeners = bound;
            }
            prepared.helper = Some((which.clone(), ports));
        }
        NetworkMode::None | NetworkMode::Host => {}
    }
    Ok(prepared)
}

impl Prepared {
    /// Whether [`Prepared::attach`] starts a helper process (slirp4netns, pasta).
    pub fn starts_helper(&self) -> bool {
        self.helper.is_some()
    }

    /// Step two: the container process exists, in its own network namespace,
    /// which `netns` names (a file of it: `/proc/PID/ns/net`, `/proc/self/fd/N`).
    pub fn attach(self, store: &Store, ctr: &Container, netns: &Path) -> Result<Attached> {
        let attached = self.connect_all(store, ctr, netns)?;
        // Last: the user's `--sysctl`s win over husk's own (ping_group_range).
        set_sysctls(netns, &ctr.record.network.sysctls)?;
        Ok(attached)
    }

    fn connect_all(self, store: &Store, ctr: &Container, netns: &Path) -> Result<Attached> {
        if let Some((which, ports)) = self.helper {
            let helper = super::helper::start(&ctr.record.id, netns, &which, &ports)?;
            let forwarders = match self.listeners.is_empty() {
                true => None,
                // slirp4netns: to the container's loopback, from inside its namespace.
                false => {
                    let ns =
                        File::open(netns).context("opening the container's network namespace")?;
                    Some(ports::forward(
                        self.listeners,
                        &ns,
                        IpAddr::V4(Ipv4Addr::LOCALHOST),
                    )?)
                }
            };
            return Ok(Attached {
                ports,
                _helper: Some(helper),
                _forwarders: forwarders,
                ..Attached::default()
            });
        }
        let Some(rootless) = self.rootless else {
            return Ok(Attached::default());
        };
        let child_ns = File::open(netns).context("opening the container's network namespace")?;
        let (me, start) = crate::container::state::own_identity();
        let mut attached = Attached::default();
        for (i, net) in self.networks.iter().enumerate() {
            let template = Lease {
                network: net.name.clone(),
                ip: Ipv4Addr::UNSPECIFIED,
                gateway: net.gateway,
                prefix: net.subnet.prefix,
                container_id: ctr.record.id.clone(),
                container_name: ctr.record.name.clone(),
                aliases: aliases_on(&ctr.record.network, net),
                monitor_pid: me,
                monitor_start: start,
                internal: net.internal,
                dns_servers: Vec::new(),
                disable_dns: false,
            };
            // A lease a `network connect` took for an earlier run of this container.
            ipam::release_container(&net.name, &ctr.record.id);
            // run's --ip and --mac-address (its first network), network connect's (any).
            let fixed = ctr.record.network.fixed_on(i, &net.name);
            // run's --ip was for its first network: on another one it is no address of it.
            let want = fixed.ip.filter(|ip| net.check_address(*ip).is_ok());
            let mac = fixed.mac;
            let held = ipam::allocate(net, template, want)?;
            let ifname = format!("eth{i}");
            let iface = Interface {
                name: &ifname,
                primary: i == 0,
                mac,
            };
            connect(
                &rootless,
                &child_ns,
                net,
                &held.lease,
                &ctr.record.id,
                iface,
            )?;
            attached.leases.push(held.lease.clone());
            attached.held.push(held);
        }
        let first = attached.leases.first().cloned();
        if let Some(lease) = &first {
            write_files(ctr, lease, rootless.facts.host_address, store)?;
            attached.ports = self.listeners.iter().map(|l| l.mapping().clone()).collect();
            if !self.listeners.is_empty() {
                attached._forwarders = Some(ports::forward(
                    self.listeners,
                    &rootless.netns,
                    IpAddr::V4(lease.ip),
                )?);
            }
        }
        Ok(attached)
    }
}

/// The names this container answers to on `net`: `--network-alias`es (on
/// user networks, as docker), and the aliases of `--link`s made to it are the
/// linker's business (in its /etc/hosts).
fn aliases_on(settings: &NetworkSettings, net: &Network) -> Vec<String> {
    if net.is_default() {
        return Vec::new();
    }
    settings.aliases.clone()
}

/// The container's end of a veth pair.
struct Interface<'a> {
    name: &'a str,
    /// It has the default route.
    primary: bool,
    /// `--mac-address`.
    mac: Option<super::MacAddress>,
}

/// The veth pair and everything inside the container.
fn connect(
    rootless: &Rootless,
    child_ns: &File,
    net: &Network,
    lease: &Lease,
    id: &str,
    iface: Interface<'_>,
) -> Result<()> {
    let ifname = iface.name;
    link::run_in(&rootless.netns, || {
        let mut nl = Netlink::open()?;
        let bridge = ensure_bridge(&mut nl, net)?;
        let host_end = host_end(id, net);
        let mtu = net.mtu.unwrap_or(link::MTU);
        let peer = link::VethPeer {
            name: ifname,
            ns: child_ns.as_raw_fd(),
            mac: iface.mac.map(|m| m.0),
        };
        let mut tries = 0;
        while let Err(e) = nl.add_veth(&host_end, bridge, &peer, mtu) {
            // A previous run's pair may linger while the kernel tears its
            // namespace down: deleted here, unless the kernel did meanwhile.
            tries += 1;
            if link::errno_of(&e) != Some(libc::EEXIST) || tries > 10 {
                return Err(e);
            }
            match link::index(&host_end).map(|old| nl.delete(old)) {
                Ok(Err(e)) if link::errno_of(&e) != Some(libc::ENODEV) => return Err(e),
                // Gone, or going: the kernel may hold the name a moment longer.
                _ if tries > 1 => std::thread::sleep(std::time::Duration::from_millis(1)),
                _ => {}
            }
        }
        Ok(())
    })?;
    link::run_in(child_ns, || {
        if iface.primary {
            // Here, beside the container process's mounts: it finds it up then.
            super::loopback_up().context("bringing up loopback")?;
        }
        let mut nl = Netlink::open()?;
        let index = link::index(ifname)?;
        nl.add_address(index, lease.ip, lease.prefix)?;
        nl.set_up(index)?;
        if iface.primary && !net.internal {
            nl.add_route(
                index,
                &link::RouteSpec::default_via(lease.gateway, net.metric),
            )?;
        }
        for r in &net.routes {
            // The same route through another of its networks is there already.
            match nl.add_route(index, &link::RouteSpec::from(r)) {
                Err(e) if link::errno_of(&e) != Some(libc::EEXIST) => return Err(e),
                _ => {}
            }
        }
        // ping without CAP_NET_RAW, for every group the namespace maps.
        link::sysctl(
            "net/ipv4/ping_group_range",
            &format!("0 {}", mapped_gids().saturating_sub(1)),
        )
    })
}

/// How many group ids the user namespace maps.
fn mapped_gids() -> u32 {
    crate::userns::current()
        .gid_ranges()
        .iter()
        .map(|r| r.size)
        .fold(0u32, u32::saturating_add)
}

/// The network's bridge, made (with its address and rules) if missing.
fn ensure_bridge(nl: &mut Netlink, net: &Network) -> Result<u32> {
    if let Ok(i) = link::index(&net.bridge) {
        return Ok(i);
    }
    let _lock = crate::store::lock::Lock::exclusive(&ipam::bridges_lock_path()?)?;
    if let Ok(i) = link::index(&net.bridge) {
        return Ok(i);
    }
    nl.add_bridge(&net.bridge, net.mtu.unwrap_or(link::MTU))?;
    let index = link::index(&net.bridge)?;
    nl.add_address(index, net.gateway, net.subnet.prefix)?;
    nl.set_up(index)?;
    let nft = netns::find_program("nft").context("nft not found (apt-get install nftables)")?;
    // The set of internal bridges: nothing is routed in or out of them. A
    // bridge name may have been an internal network's before.
    let element = format!("ip husk internal {{ {} }}", net.bridge);
    let _ = netns::run_nft(&nft, &format!("delete element {element}\n"));
    if net.internal {
        netns::run_nft(&nft, &format!("add element {element}\n"))?;
    }
    Ok(index)
}

/// After `network rm`: its bridge goes from the per-user namespace (if that
/// runs), so that a network made later with the same bridge name starts afresh.
pub fn forget_bridge(net: &Network) -> Result<()> {
    let Some(rootless) = netns::open_current() else {
        return Ok(());
    };
    link::run_in(&rootless.netns, || {
        if let Ok(i) = link::index(&net.bridge) {
            Netlink::open()?.delete(i)?;
        }
        Ok(())
    })
}

/// /etc/hosts and resolv.conf, now that the address is known.
fn write_files(ctr: &Container, lease: &Lease, host: Ipv4Addr, store: &Store) -> Result<()> {
    let hostname = ctr.spec.hostname().clone().unwrap_or_default();
    let mut extra = vec![
        (
            format!("{hostname} {}", ctr.record.name),
            IpAddr::V4(lease.ip),
        ),
        (
            std::iter::once("host.containers.internal host.docker.internal".to_string())
                .chain(ctr.record.names.host_gateway.iter().cloned())
                .collect::<Vec<_>>()
                .join(" "),
            IpAddr::V4(host),
        ),
    ];
    for (other, alias) in &ctr.record.network.links {
        if let Some(ip) = linked_address(store, other) {
            let names = if alias == other {
                other.clone()
            } else {
                format!("{alias} {other}")
            };
            extra.push((names, IpAddr::V4(ip)));
        }
    }
    // `--disable-dns`: the host's resolvers, not husk's responder, where the
    // host has one a container can reach (not on its loopback); else the
    // responder, which then answers no container names.
    let nameserver =
        (!lease.disable_dns || !host_has_reachable_resolver()).then_some(lease.gateway);
    super::rewrite_etc_files(
        &ctr.dir,
        &crate::container::generated_dir(ctr),
        &hostname,
        &ctr.record.names,
        &extra,
        nameserver,
    )
}

/// Whether the host's resolv.conf names a resolver off its loopback.
fn host_has_reachable_resolver() -> bool {
    let host = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    host.lines().any(|l| {
        let mut words = l.split_whitespace();
        words.next() == Some("nameserver")
            && words
                .next()
                .and_then(|a| a.parse::<IpAddr>().ok())
                .is_some_and(|ip| !ip.is_loopback())
    })
}

/// The address of a running container `name` (for `--link`).
fn linked_address(store: &Store, name: &str) -> Option<Ipv4Addr> {
    let id = crate::container::find(store, name).ok()?;
    ipam::all_live()
        .into_iter()
        .find(|l| l.container_id == id)
        .map(|l| l.ip)
}

/// `husk network connect`: put container `name` on network `net_name` (with
/// more `aliases`); a running container gets its interface at once, kept
/// until it stops (its monitor's lease), and on every later start.
pub fn connect_container(
    store: &Store,
    net_name: &str,
    name: &str,
    aliases: &[String],
    fixed: super::FixedAddress,
) -> Result<()> {
    let net = config::find(store, net_name)?;
    let id = crate::container::find(store, name)?;
    for a in aliases {
        config::check_name(a).with_context(|| format!("invalid --alias {a:?}"))?;
    }
    if let Some(ip) = fixed.ip {
        net.check_address(ip)?;
    }
    // Checked first, written last: a live attach that fails changes nothing.
    let check = |r: &crate::store::containers::ContainerRecord| -> Result<()> {
        if r.network.mode != NetworkMode::Bridge {
            bail!(
                "container {name} is on --network {}, not a bridge network",
                r.network.mode.name(&r.network.networks)
            );
        }
        if r.network.networks.iter().any(|n| net.is_named(n)) {
            bail!(
                "container {name} is already connected to network {}",
                net.name
            );
        }
        Ok(())
    };
    let mut record = store.container_record(&id)?;
    check(&record)?;
    for a in aliases {
        if !record.network.aliases.contains(a) {
            record.network.aliases.push(a.clone());
        }
    }
    let add = |r: &mut crate::store::containers::ContainerRecord| -> Result<()> {
        check(r)?;
        r.network.networks.push(net.name.clone());
        if fixed != super::FixedAddress::default() {
            r.network.fixed.insert(net.name.clone(), fixed);
        }
        for a in aliases {
            if !r.network.aliases.contains(a) {
                r.network.aliases.push(a.clone());
            }
        }
        Ok(())
    };
    let state = crate::container::state::current(store, &id)?;
    let (Some(pid), Some(monitor)) = (
        crate::container::state::running_pid(&state),
        state.monitor_pid,
    ) else {
        store.update_container_record(&id, add)?;
        return Ok(());
    };
    let rootless = netns::ensure()?;
    let child_ns = File::open(format!("/proc/{pid}/ns/net"))
        .context("opening the container's network namespace")?;
    let template = Lease {
        network: net.name.clone(),
        ip: Ipv4Addr::UNSPECIFIED,
        gateway: net.gateway,
        prefix: net.subnet.prefix,
        container_id: id.clone(),
        container_name: record.name.clone(),
        aliases: aliases_on(&record.network, &net),
        monitor_pid: monitor,
        monitor_start: state.monitor_start,
        internal: net.internal,
        dns_servers: Vec::new(),
        disable_dns: false,
    };
    let held = ipam::allocate(&net, template, fixed.ip)?;
    // The first ethN the container does not have (one may have been disconnected).
    let ifname = link::run_in(&child_ns, || {
        Ok((0..)
            .map(|i| format!("eth{i}"))
            .find(|n| link::index(n).is_err())
            .unwrap_or_default())
    })?;
    let iface = Interface {
        name: &ifname,
        primary: false,
        mac: fixed.mac,
    };
    connect(&rootless, &child_ns, &net, &held.lease, &id, iface)?;
    store.update_container_record(&id, add)?;
    let lease = held.keep();
    crate::container::state::update(store, &id, |s| {
        if let Some(n) = s.network.as_mut() {
            n.addresses.push(lease);
        }
    })?;
    Ok(())
}

/// `husk network disconnect`: take container `name` off network `net_name`
/// (its interface on it goes at once if it runs).
pub fn disconnect_container(store: &Store, net_name: &str, name: &str) -> Result<()> {
    let net = config::find(store, net_name)?;
    let id = crate::container::find(store, name)?;
    store.update_container_record(&id, |r| {
        let before = r.network.networks.len();
        r.network.networks.retain(|n| !net.is_named(n));
        r.network.fixed.remove(&net.name);
        if r.network.networks.len() == before {
            bail!("container {name} is not connected to network {}", net.name);
        }
        Ok(())
    })?;
    let state = crate::container::state::current(store, &id)?;
    if crate::container::state::running_pid(&state).is_none() {
        return Ok(());
    }
    if let Some(rootless) = netns::open_current() {
        let host_end = host_end(&id, &net);
        link::run_in(&rootless.netns, || {
            let mut nl = Netlink::open()?;
            if let Ok(i) = link::index(&host_end) {
                nl.delete(i)?;
            }
            Ok(())
        })?;
    }
    ipam::release_container(&net.name, &id);
    crate::container::state::update(store, &id, |s| {
        if let Some(n) = s.network.as_mut() {
            n.addresses.retain(|l| l.network != net.name);
        }
    })?;
    Ok(())
}

/// The name of a container's veth end on `net`'s bridge (15 bytes at most).
fn host_end(id: &str, net: &Network) -> String {
    // huskN's N after 10 hex digits of the id; a bridge named by
    // --interface-name, "x" and 4 hex digits of its name after 8 (digits
    // alone never, so the two kinds cannot meet).
    match net.bridge.strip_prefix("husk") {
        Some(n) if !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) => {
            format!("vh{}{n}", &id[..10.min(id.len())])
        }
        _ => {
            let tag = crate::digest::Digest::of(net.bridge.as_bytes());
            format!("vh{}x{}", &id[..8.min(id.len())], &tag.hex()[..4])
        }
    }
}

/// `--sysctl net.*`: written in the container's network namespace (from a
/// thread moved there: /proc/sys/net answers for the namespace of its reader).
fn set_sysctls(netns: &Path, sysctls: &[(String, String)]) -> Result<()> {
    if sysctls.is_empty() {
        return Ok(());
    }
    let ns = File::open(netns).context("opening the container's network namespace")?;
    link::run_in(&ns, || {
        for (key, value) in sysctls {
            link::sysctl(key, value)?;
        }
        Ok(())
    })
}
