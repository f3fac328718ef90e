//! Container networking (see docs/ARCHITECTURE.md, "Networking"):
//! the modes of `--network` (`config.rs` for networks, `netns.rs` for the
//! per-user namespace that holds their bridges, `attach.rs` for connecting a
//! starting container, `ipam.rs` for addresses, `ports.rs` for `-p`, `dns.rs`
//! for names, `link.rs` for rtnetlink), and the files every container gets in
//! /etc (`etc.rs`).

pub mod attach;
pub mod config;
pub mod dns;
pub mod etc;
pub mod helper;
pub mod ipam;
pub mod link;
pub mod netns;
pub mod ports;

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

pub use etc::NameOptions;
pub use ports::PortMapping;

/// `--network`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NetworkMode {
    /// A private network namespace with loopback only (also what a record
    /// written before networking existed means).
    #[default]
    None,
    /// The host's network namespace.
    Host,
    /// Bridge networks (`NetworkSettings::networks`) in the per-user namespace.
    Bridge,
    /// `container:NAME`: another container's network namespace.
    Container(String),
    /// `ns:PATH`: a network namespace file.
    Ns(PathBuf),
    /// `pasta[:OPTIONS]`, `slirp4netns[:OPTIONS]`: its own namespace,
    /// connected by a helper process of its own.
    Private(helper::Private),
}

impl NetworkMode {
    /// Whether the container joins an existing network namespace (`container:`, `ns:`).
    pub fn joins_namespace(&self) -> bool {
        matches!(self, NetworkMode::Container(_) | NetworkMode::Ns(_))
    }

    /// Whether the container gets a network namespace of its own (made when it starts).
    pub fn own_namespace(&self) -> bool {
        matches!(
            self,
            NetworkMode::None | NetworkMode::Bridge | NetworkMode::Private(_)
        )
    }
}

/// Everything about a container's network, as its record keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkSettings {
    pub mode: NetworkMode,
    /// With `Bridge`: the networks, the first one primary (default route, hosts entry).
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub networks: Vec<String>,
    /// `--network-alias`.
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub aliases: Vec<String>,
    /// `--link NAME[:ALIAS]`: (container, alias).
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub links: Vec<(String, String)>,
    /// `-p`, and with `-P` the image's exposed ports.
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub ports: Vec<PortMapping>,
    /// `--sysctl net.*=VALUE`: (path under /proc/sys, value), set in its namespace.
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub sysctls: Vec<(String, String)>,
    /// `--ip`: its address on its one network (else the first free one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<Ipv4Addr>,
    /// `--mac-address`: its interface's MAC address (else the kernel's random one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<MacAddress>,
    /// `network connect --ip/--mac-address`: by network name, what it has there.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fixed: BTreeMap<String, FixedAddress>,
}

/// A container's own address and MAC address on one network.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FixedAddress {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mac: Option<MacAddress>,
}

impl FixedAddress {
    /// `--ip`, `--ip6` (refused: IPv4 only) and `--mac-address`, checked.
    pub fn parse(ip: Option<&str>, ip6: Option<&str>, mac: Option<&str>) -> Result<FixedAddress> {
        let ip = ip
            .map(|ip| {
                ip.parse::<Ipv4Addr>()
                    .with_context(|| format!("invalid --ip {ip:?}: an IPv4 address"))
            })
            .transpose()?;
        if let Some(ip6) = ip6 {
            ip6.parse::<std::net::Ipv6Addr>()
                .with_context(|| format!("invalid --ip6 {ip6:?}: an IPv6 address"))?;
            bail!("--ip6 {ip6}: husk's networks have no IPv6 subnet (IPv4 only)");
        }
        Ok(FixedAddress {
            ip,
            mac: mac.map(str::parse).transpose()?,
        })
    }
}

impl NetworkSettings {
    /// The address and MAC address asked for on the `i`th of its networks, `net`.
    pub fn fixed_on(&self, i: usize, net: &str) -> FixedAddress {
        match (i, self.fixed.get(net)) {
            (_, Some(f)) => *f,
            (0, None) => FixedAddress {
                ip: self.ip,
                mac: self.mac,
            },
            _ => FixedAddress::default(),
        }
    }
}

/// An Ethernet address a container's interface may have (unicast, not zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MacAddress(pub [u8; 6]);

impl std::str::FromStr for MacAddress {
    type Err = anyhow::Error;

    /// `92:d0:c6:0a:29:33` (or with dashes).
    fn from_str(text: &str) -> Result<MacAddress> {
        let parts: Vec<&str> = text.split([':', '-']).collect();
        let bytes: Vec<u8> = parts
            .iter()
            .filter(|p| p.len() == 2)
            .filter_map(|p| u8::from_str_radix(p, 16).ok())
            .collect();
        let Ok(mac) = <[u8; 6]>::try_from(bytes) else {
            bail!("invalid MAC address {text:?}: six hex pairs such as 92:d0:c6:0a:29:33");
        };
        if parts.len() != 6 || mac[0] & 1 == 1 || mac == [0; 6] {
            bail!("invalid MAC address {text:?}: an interface needs a unicast address (the first byte even), not zero");
        }
        Ok(MacAddress(mac))
    }
}

impl std::fmt::Display for MacAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [a, b, c, d, e, g] = self.0;
        write!(f, "{a:02x}:{b:02x}:{c:02x}:{d:02x}:{e:02x}:{g:02x}")
    }
}

impl TryFrom<String> for MacAddress {
    type Error = anyhow::Error;
    fn try_from(s: String) -> Result<MacAddress> {
        s.parse()
    }
}

impl From<MacAddress> for String {
    fn from(m: MacAddress) -> String {
        m.to_string()
    }
}

/// What `husk system check` finds of the network state (none of it breaks a
/// run: the next one replaces or reuses it).
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Lease files of monitors that are gone.
    pub stale_leases: Vec<PathBuf>,
    /// A namespace holder of an older user namespace, still running.
    pub foreign_holder: Option<i32>,
}

impl CheckReport {
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.stale_leases.is_empty() {
            out.push(format!(
                "network: {} address leases of containers whose monitor is gone (free for reuse)",
                self.stale_leases.len()
            ));
        }
        if let Some(pid) = self.foreign_holder {
            out.push(format!(
                "network: the network namespace holder (pid {pid}) belongs to an older user namespace"
            ));
        }
        out
    }
}

/// Look at the network state of this user.
pub fn check() -> CheckReport {
    let current = netns::current().map(|f| f.pid);
    CheckReport {
        stale_leases: ipam::stale(),
        foreign_holder: netns::recorded()
            .map(|f| f.pid)
            .filter(|p| Some(*p) != current),
    }
}

/// Remove what `check` found.
pub fn repair(report: &CheckReport) {
    for p in &report.stale_leases {
        let _ = std::fs::remove_file(p);
    }
    if report.foreign_holder.is_some() {
        netns::stop();
    }
}

/// A running container's network, as its state records it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Running {
    pub addresses: Vec<ipam::Lease>,
    pub ports: Vec<PortMapping>,
}

/// What the network flags say, before anything is checked against the store.
#[derive(Debug, Clone, Default)]
pub struct NetworkFlags {
    pub network: Option<String>,
    pub aliases: Vec<String>,
    pub links: Vec<String>,
    pub publish: Vec<String>,
    pub publish_all: bool,
    pub sysctls: Vec<String>,
    /// `--ip`, `--ip6`, `--mac-address`.
    pub ip: Option<String>,
    pub ip6: Option<String>,
    pub mac_address: Option<String>,
}

/// `--sysctl KEY=VALUE`: only the network namespace's (`net.*`), as a path
/// under /proc/sys (`net/ipv4/ip_forward`) and the value.
fn parse_sysctl(text: &str) -> Result<(String, String)> {
    let (key, value) = text
        .split_once('=')
        .with_context(|| format!("invalid --sysctl {text:?}: use KEY=VALUE"))?;
    let key = key.trim();
    let sane = key
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"._-/".contains(&b))
        && !key.contains("..")
        && !key.contains("//");
    if !sane || !(key.starts_with("net.") || key.starts_with("net/")) {
        bail!("--sysctl {key}: only net.* sysctls can be set (the container's network namespace is its own)");
    }
    if value.contains('\n') {
        bail!("invalid --sysctl {text:?}: one line of value");
    }
    Ok((key.replace('.', "/"), value.to_string()))
}

impl NetworkFlags {
    /// Parse and check the flags (`exposed`: the image's EXPOSEd ports, for `-P`).
    pub fn resolve(&self, exposed: &[(u16, ports::Protocol)]) -> Result<NetworkSettings> {
        let text = self.network.as_deref().unwrap_or("");
        let (mode, networks) = match text {
            "" | "bridge" | "podman" | "default" | "private" => {
                (NetworkMode::Bridge, vec![config::DEFAULT.to_string()])
            }
            "none" => (NetworkMode::None, vec![]),
            "host" => (NetworkMode::Host, vec![]),
            "pasta" => (NetworkMode::Private(helper::Private::Pasta(Vec::new())), vec![]),
            t if t.starts_with("pasta:") => (
                NetworkMode::Private(helper::Private::Pasta(helper::options(&t[6..]))),
                vec![],
            ),
            "slirp4netns" => (
                NetworkMode::Private(helper::Private::Slirp4netns(Default::default())),
                vec![],
            ),
            t if t.starts_with("slirp4netns:") => (
                NetworkMode::Private(helper::Private::Slirp4netns(
                    helper::Slirp4netnsOptions::parse(&t[12..])?,
                )),
                vec![],
            ),
            t => match t.split_once(':') {
                Some(("container", name)) if !name.is_empty() => (NetworkMode::Container(name.into()), vec![]),
                Some(("ns", path)) if path.starts_with('/') => (NetworkMode::Ns(path.into()), vec![]),
                Some(_) => bail!("invalid --network {t:?}: use bridge, none, host, container:NAME, ns:PATH or a network's name"),
                None => {
                    let mut names: Vec<String> = Vec::new();
                    for n in t.split(',') {
                        let n = if config::is_default_name(n) { config::DEFAULT } else { n };
                        config::check_name(n)?;
                        if names.iter().any(|x| x == n) {
                            bail!("invalid --network {t:?}: network {n} is named twice");
                        }
                        names.push(n.to_string());
                    }
                    (NetworkMode::Bridge, names)
                }
            },
        };
        let mut ports = Vec::new();
        for p in &self.publish {
            ports.extend(ports::parse(p)?);
        }
        if self.publish_all {
            for (port, protocol) in exposed {
                if !ports
                    .iter()
                    .any(|m| m.container_port == *port && m.protocol == *protocol)
                {
                    ports.push(PortMapping {
                        host_ip: None,
                        host_port: 0,
                        container_port: *port,
                        protocol: *protocol,
                    });
                }
            }
        }
        ports::check(&ports)?;
        let sysctls = self
            .sysctls
            .iter()
            .map(|s| parse_sysctl(s))
            .collect::<Result<Vec<_>>>()?;
        if !sysctls.is_empty() && !mode.own_namespace() {
            bail!("--sysctl net.*: the container shares a network namespace (--network {text})");
        }
        let publishes = matches!(mode, NetworkMode::Bridge | NetworkMode::Private(_));
        if mode != NetworkMode::Bridge {
            let what = if !ports.is_empty() && !publishes {
                Some("-p/-P")
            } else if !self.aliases.is_empty() {
                Some("--network-alias")
            } else if !self.links.is_empty() {
                Some("--link")
            } else {
                None
            };
            if let Some(flag) = what {
                bail!("{flag} needs a bridge network, not --network {text}");
            }
        }
        for a in &self.aliases {
            config::check_name(a).with_context(|| format!("invalid --network-alias {a:?}"))?;
        }
        let (ip, mac) = self.own_addresses(&mode, &networks, text)?;
        let links = self
            .links
            .iter()
            .map(|l| {
                let (name, alias) = l.split_once(':').unwrap_or((l, l));
                if name.is_empty() || config::check_name(alias).is_err() {
                    bail!("invalid --link {l:?}: use NAME[:ALIAS] (an alias of letters, digits, _ . -)");
                }
                Ok((name.to_string(), alias.to_string()))
            })
            .collect::<Result<_>>()?;
        Ok(NetworkSettings {
            mode,
            networks,
            aliases: self.aliases.clone(),
            links,
            ports,
            sysctls,
            ip,
            mac,
            fixed: BTreeMap::new(),
        })
    }

    /// `--ip`, `--ip6` and `--mac-address`, for a container on one bridge network.
    fn own_addresses(
        &self,
        mode: &NetworkMode,
        networks: &[String],
        text: &str,
    ) -> Result<(Option<Ipv4Addr>, Option<MacAddress>)> {
        let given = [
            ("--ip", self.ip.is_some()),
            ("--ip6", self.ip6.is_some()),
            ("--mac-address", self.mac_address.is_some()),
        ];
        if let Some((flag, _)) = given.iter().find(|(_, g)| *g) {
            if *mode != NetworkMode::Bridge {
                bail!("{flag} needs a bridge network, not --network {text}");
            }
            if networks.len() > 1 {
                bail!(
                    "{flag} needs the container on one network, not {}",
                    networks.join(",")
                );
            }
        }
        let fixed = FixedAddress::parse(
            self.ip.as_deref(),
            self.ip6.as_deref(),
            self.mac_address.as_deref(),
        )?;
        Ok((fixed.ip, fixed.mac))
    }
}

/// Write the container's /etc/hosts, /etc/hostname and /etc/resolv.conf into
/// `out` when it is created (a bridge network's are written again at each
/// start, once its address is known: [`rewrite_etc_files`]); `dir`: the
/// container's directory (where `--hosts-file image` keeps the image's).
pub fn write_etc_files(
    dir: &Path,
    out: &Path,
    hostname: &str,
    mode: &NetworkMode,
    names: &NameOptions,
) -> Result<()> {
    let base = names.hosts_file.base(dir)?;
    let hosts = match mode {
        // The host's file (or --hosts-file's), then the extra hosts; host-gateway is this host.
        NetworkMode::Host => {
            let mut text = match base {
                Some(b) => b,
                None => std::fs::read_to_string("/etc/hosts").unwrap_or_default(),
            };
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            for (name, ip) in &names.extra_hosts {
                text += &format!("{ip}\t{name}\n");
            }
            for name in &names.host_gateway {
                text += &format!("127.0.0.1\t{name}\n");
            }
            text
        }
        _ => etc::hosts(hostname, names, &[], base.as_deref()),
    };
    std::fs::write(out.join("hosts"), hosts).context("writing hosts")?;
    std::fs::write(out.join("hostname"), format!("{hostname}\n")).context("writing hostname")?;
    let host = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    std::fs::write(out.join("resolv.conf"), etc::resolv_conf(&host, names))
        .context("writing resolv.conf")?;
    Ok(())
}

/// /etc/hosts with the container's own address and `extra` entries (names,
/// address), and resolv.conf pointing at `nameserver` (husk's DNS responder)
/// unless `--dns` was given. Written in place into `out`: the files may be
/// mounted. `dir`: as for [`write_etc_files`].
pub fn rewrite_etc_files(
    dir: &Path,
    out: &Path,
    hostname: &str,
    names: &NameOptions,
    extra: &[(String, IpAddr)],
    nameserver: Option<Ipv4Addr>,
) -> Result<()> {
    let base = names.hosts_file.base(dir)?;
    std::fs::write(
        out.join("hosts"),
        etc::hosts(hostname, names, extra, base.as_deref()),
    )
    .context("writing hosts")?;
    let host = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let mut names = names.clone();
    if let (true, Some(ns)) = (names.dns.is_empty(), nameserver) {
        names.dns = vec![IpAddr::V4(ns)];
    }
    std::fs::write(out.join("resolv.conf"), etc::resolv_conf(&host, &names))
        .context("writing resolv.conf")?;
    Ok(())
}

/// Bring the loopback interface up in the current (new) network namespace.
pub fn loopback_up() -> std::io::Result<()> {
    // SAFETY: a plain socket(2); the fd is closed below.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: ifreq is plain data; zeroed is a valid value.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (i, b) in b"lo".iter().enumerate() {
        req.ifr_name[i] = *b as libc::c_char;
    }
    // SAFETY: fd is a socket and req a valid ifreq for these ioctls.
    let result = unsafe {
        if libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req) < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            req.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
            if libc::ioctl(fd, libc::SIOCSIFFLAGS, &req) < 0 {
                Err(std::io::Error::last_os_error())
            } else {
                Ok(())
            }
        }
    };
    // SAFETY: fd was opened above and is not used again.
    unsafe { libc::close(fd) };
    result
}

impl NetworkMode {
    /// As inspect's `HostConfig.NetworkMode` says it.
    pub fn name(&self, networks: &[String]) -> String {
        match self {
            NetworkMode::None => "none".into(),
            NetworkMode::Host => "host".into(),
            NetworkMode::Bridge => networks.first().cloned().unwrap_or_else(|| "bridge".into()),
            NetworkMode::Container(c) => format!("container:{c}"),
            NetworkMode::Ns(p) => format!("ns:{}", p.display()),
            NetworkMode::Private(helper::Private::Pasta(o)) if o.is_empty() => "pasta".into(),
            NetworkMode::Private(helper::Private::Pasta(o)) => format!("pasta:{}", o.join(",")),
            NetworkMode::Private(helper::Private::Slirp4netns(_)) => "slirp4netns".into(),
        }
    }
}

/// docker's port map: `{"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}]}`.
pub fn ports_json(ports: &[PortMapping]) -> serde_json::Value {
    let mut map = serde_json::Map::new();
    for p in ports {
        let entry = map
            .entry(p.container_side())
            .or_insert_with(|| serde_json::Value::Array(Vec::new()));
        if let Some(list) = entry.as_array_mut() {
            let ip = p
                .host_ip
                .map(|i| i.to_string())
                .unwrap_or_else(|| "0.0.0.0".into());
            let port = if p.host_port == 0 {
                String::new()
            } else {
                p.host_port.to_string()
            };
            list.push(serde_json::json!({"HostIp": ip, "HostPort": port}));
        }
    }
    serde_json::Value::Object(map)
}

/// inspect's `NetworkSettings`, from the record and (while it runs) the state.
pub fn settings_json(settings: &NetworkSettings, running: Option<&Running>) -> serde_json::Value {
    let leases = running.map(|r| r.addresses.as_slice()).unwrap_or_default();
    let first = leases.first();
    let ip = |l: Option<&ipam::Lease>| l.map(|l| l.ip.to_string()).unwrap_or_default();
    let gw = |l: Option<&ipam::Lease>| l.map(|l| l.gateway.to_string()).unwrap_or_default();
    let mac = settings.mac.map(|m| m.to_string()).unwrap_or_default();
    let mut networks = serde_json::Map::new();
    for (i, name) in settings.networks.iter().enumerate() {
        let lease = leases.iter().find(|l| &l.network == name);
        // --ip and --mac-address are the first network's.
        let (ipam, mac) = match (i, settings.ip) {
            (0, Some(want)) => (
                serde_json::json!({"IPv4Address": want.to_string()}),
                &mac[..],
            ),
            (0, None) => (serde_json::Value::Null, &mac[..]),
            _ => (serde_json::Value::Null, ""),
        };
        networks.insert(
            name.clone(),
            serde_json::json!({
                "IPAMConfig": ipam,
                "IPAddress": ip(lease),
                "Gateway": gw(lease),
                "IPPrefixLen": lease.map(|l| l.prefix).unwrap_or(0),
                "MacAddress": mac,
                "Aliases": lease.map(|l| l.aliases.clone()).unwrap_or_default(),
            }),
        );
    }
    serde_json::json!({
        "MacAddress": mac,
        "IPAddress": ip(first),
        "Gateway": gw(first),
        "IPPrefixLen": first.map(|l| l.prefix).unwrap_or(0),
        "Ports": ports_json(running.map(|r| r.ports.as_slice()).unwrap_or_default()),
        "Networks": networks,
    })
}
