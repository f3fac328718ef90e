//! `husk network`: create, ls, inspect, rm, prune, exists.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::store_root;
use crate::error::ExitCode;
use crate::network::attach;
use crate::network::config::{self, CreateOptions, Network};
use crate::output::{table, template};
use crate::store::Store;

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum NetworkCommand {
    /// Create a bridge network (containers on it resolve each other by name)
    Create(CreateArgs),
    /// List networks
    #[command(alias = "list")]
    Ls(LsArgs),
    /// Show networks as JSON
    Inspect(InspectArgs),
    /// Remove networks (refused while containers use them, unless -f)
    #[command(alias = "remove")]
    Rm(RmArgs),
    /// Remove every network no container uses
    Prune(PruneArgs),
    /// Exit 0 if the network exists, 1 if not
    Exists(NameArg),
    /// Put a container on a network (a running one at once)
    Connect(ConnectArgs),
    /// Take a container off a network (a running one at once)
    Disconnect(DisconnectArgs),
}

#[derive(Args, Debug)]
pub struct ConnectArgs {
    #[arg(value_name = "NETWORK")]
    pub network: String,
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Another name for the container on the network
    #[arg(long, value_name = "NAME")]
    pub alias: Vec<String>,
    /// Its IPv4 address on the network (one of the network's host addresses)
    #[arg(long, value_name = "IPV4")]
    pub ip: Option<String>,
    /// The MAC address of its interface on the network
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    /// Its IPv6 address (refused: husk's networks are IPv4 only)
    #[arg(long, value_name = "IPV6")]
    pub ip6: Option<String>,
}

#[derive(Args, Debug)]
pub struct DisconnectArgs {
    #[arg(value_name = "NETWORK")]
    pub network: String,
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Accepted for docker's sake (a running container is always taken off)
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The network's name (default: podmanN)
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// The IPv4 subnet, e.g. 10.89.7.0/24 (default: the first free 10.89.N.0/24)
    #[arg(long, value_name = "CIDR")]
    pub subnet: Option<String>,
    /// The gateway's address (default: the subnet's first)
    #[arg(long, value_name = "IP")]
    pub gateway: Option<String>,
    /// No route out of the network
    #[arg(long)]
    pub internal: bool,
    /// A label: KEY=VALUE
    #[arg(long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// The driver: only bridge
    #[arg(short, long, value_name = "DRIVER", default_value = "bridge")]
    pub driver: String,
    /// Succeed if a network of that name exists
    #[arg(long)]
    pub ignore: bool,
    /// Where containers' automatic addresses come from: a CIDR or START-END inside the subnet (--ip may be any of the subnet's)
    #[arg(long, value_name = "RANGE")]
    pub ip_range: Option<String>,
    /// A static route every container on the network gets: DEST/PREFIX,GATEWAY[,METRIC] (repeatable)
    #[arg(long, value_name = "ROUTE")]
    pub route: Vec<String>,
    /// A driver option: mtu=N, metric=N (of the default route), com.docker.network.bridge.name=NAME (repeatable)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// The bridge's name (default: huskN)
    #[arg(long, value_name = "NAME")]
    pub interface_name: Option<String>,
    /// No name resolution between its containers: they get the host's resolvers
    #[arg(long)]
    pub disable_dns: bool,
    /// A resolver husk's DNS responder asks for this network's containers, instead of the host's (repeatable)
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// The address manager: host-local (husk's leases); dhcp and none are refused
    #[arg(long, value_name = "DRIVER")]
    pub ipam_driver: Option<String>,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Only the names
    #[arg(short, long)]
    pub quiet: bool,
    /// Go template, or json
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// name=, id=, driver=, label=KEY[=VALUE]
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Do not cut the ids
    #[arg(long)]
    pub no_trunc: bool,
    /// No header line (podman's)
    #[arg(short = 'n', long)]
    pub noheading: bool,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Networks (names or ids)
    #[arg(value_name = "NETWORK", required = true)]
    pub networks: Vec<String>,
    /// Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Networks (names or ids)
    #[arg(value_name = "NETWORK", required = true)]
    pub networks: Vec<String>,
    /// Remove the containers that use them first
    #[arg(short, long)]
    pub force: bool,
    /// With -f: seconds the containers using it get to stop before SIGKILL (podman's; default: SIGKILL at once)
    #[arg(short = 't', long = "time", value_name = "SECONDS", requires = "force")]
    pub time: Option<u32>,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask
    #[arg(short, long)]
    pub force: bool,
    /// label=KEY[=VALUE], label!=..., until=TIME
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

#[derive(Args, Debug)]
pub struct NameArg {
    #[arg(value_name = "NETWORK")]
    pub network: String,
}

pub fn run(root: Option<PathBuf>, cmd: NetworkCommand) -> Result<i32> {
    let store = Store::open(&store_root(root)?)?;
    match cmd {
        NetworkCommand::Create(a) => create(&store, a),
        NetworkCommand::Ls(a) => ls(&store, a),
        NetworkCommand::Inspect(a) => inspect(&store, a),
        NetworkCommand::Rm(a) => rm(&store, a),
        NetworkCommand::Prune(a) => prune(&store, a),
        NetworkCommand::Exists(a) => Ok(if config::find(&store, &a.network).is_ok() {
            0
        } else {
            1
        }),
        NetworkCommand::Connect(a) => {
            let fixed = crate::network::FixedAddress::parse(
                a.ip.as_deref(),
                a.ip6.as_deref(),
                a.mac_address.as_deref(),
            )?;
            attach::connect_container(&store, &a.network, &a.container, &a.alias, fixed)?;
            Ok(0)
        }
        NetworkCommand::Disconnect(a) => {
            attach::disconnect_container(&store, &a.network, &a.container)?;
            Ok(0)
        }
    }
}

fn create(store: &Store, a: CreateArgs) -> Result<i32> {
    if a.driver != "bridge" {
        bail!(
            "network driver {:?} is not supported: husk has bridge networks",
            a.driver
        );
    }
    let labels = a
        .label
        .iter()
        .map(|l| crate::container::parse_label(l))
        .collect::<Result<BTreeMap<_, _>>>()?;
    let opts = CreateOptions {
        name: a.name,
        subnet: a.subnet.map(|s| s.parse()).transpose()?,
        gateway: a
            .gateway
            .map(|g| {
                g.parse()
                    .map_err(|_| anyhow::anyhow!("invalid --gateway {g:?}: an IPv4 address"))
            })
            .transpose()?,
        internal: a.internal,
        labels,
        ignore: a.ignore,
        interface_name: a.interface_name,
        ip_range: a
            .ip_range
            .as_deref()
            .map(config::IpRange::parse)
            .transpose()?,
        routes: a.route.iter().map(|r| r.parse()).collect::<Result<_>>()?,
        options: config::DriverOptions::parse(&a.opt)?,
        disable_dns: a.disable_dns,
        dns_servers: a
            .dns
            .iter()
            .map(|d| {
                d.parse()
                    .map_err(|_| anyhow::anyhow!("invalid --dns {d:?}: an IPv4 address"))
            })
            .collect::<Result<_>>()?,
    };
    match a.ipam_driver.as_deref() {
        None | Some("host-local") => {}
        Some("dhcp") => {
            bail!("--ipam-driver dhcp: husk's networks have no DHCP server to ask (host-local)")
        }
        Some("none") => bail!(
            "--ipam-driver none: husk gives every container on a network an address (host-local)"
        ),
        Some(d) => bail!("invalid --ipam-driver {d:?}: host-local"),
    }
    if a.disable_dns && !opts.dns_servers.is_empty() {
        bail!("--dns names resolvers for husk's DNS responder, which --disable-dns turns off");
    }
    let net = config::create(store, &opts)?;
    println!("{}", net.name);
    Ok(0)
}

fn ls(store: &Store, a: LsArgs) -> Result<i32> {
    let mut nets = Vec::new();
    for n in config::list(store)? {
        let mut keep = true;
        for f in &a.filter {
            keep &= config::matches(&n, f)?;
        }
        if keep {
            nets.push(n);
        }
    }
    let mut out = crate::output::stdout();
    if a.quiet {
        for n in &nets {
            writeln!(out, "{}", n.name)?;
        }
        return Ok(0);
    }
    let id = |n: &Network| {
        if a.no_trunc {
            n.id.clone()
        } else {
            n.id[..12].to_string()
        }
    };
    match a.format.as_deref() {
        Some("json") => {
            let docs: Vec<Value> = nets.iter().map(|n| config::inspect(store, n)).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&docs)?)?;
        }
        Some(fmt) => {
            let values: Vec<Value> = nets
                .iter()
                .map(|n| json!({"ID": id(n), "Name": n.name, "Driver": "bridge", "Labels": n.labels, "Internal": n.internal, "Created": n.created}))
                .collect();
            template::write_rows_with(&mut out, fmt, &values, &header, !a.noheading)?;
        }
        None => {
            let rows: Vec<Vec<String>> = nets
                .iter()
                .map(|n| vec![id(n), n.name.clone(), "bridge".into()])
                .collect();
            table::print_with(
                &mut out,
                &["NETWORK ID", "NAME", "DRIVER"],
                &rows,
                !a.noheading,
            )?;
        }
    }
    Ok(0)
}

/// Column headers of `ls --format table …`.
fn header(field: &str) -> Option<&'static str> {
    Some(match field {
        "ID" => "NETWORK ID",
        "Name" => "NAME",
        "Driver" => "DRIVER",
        "Labels" => "LABELS",
        "Internal" => "INTERNAL",
        "Created" => "CREATED",
        _ => return None,
    })
}

fn inspect(store: &Store, a: InspectArgs) -> Result<i32> {
    let mut docs = Vec::new();
    let mut code = 0;
    for name in &a.networks {
        match config::find(store, name) {
            Ok(n) => docs.push(config::inspect(store, &n)),
            Err(e) => {
                eprintln!("Error: {}", crate::error::one_line(&e));
                code = 125;
            }
        }
    }
    super::containers::print_docs(&docs, a.format.as_deref())?;
    match code {
        0 => Ok(0),
        c => Err(ExitCode(c).into()),
    }
}

fn rm(store: &Store, a: RmArgs) -> Result<i32> {
    super::containers::for_each(&a.networks, |name| {
        let net = config::remove(store, name, a.force, a.time)?;
        println!("{}", net.name);
        Ok(())
    })
}

fn prune(store: &Store, a: PruneArgs) -> Result<i32> {
    let filters: Vec<crate::container::lifecycle::PruneFilter> =
        a.filter.iter().map(|f| f.parse()).collect::<Result<_>>()?;
    if !super::confirmed(
        a.force,
        "This will remove all networks not used by at least one container.",
    )? {
        return Ok(0);
    }
    for name in config::prune(store, &filters)? {
        println!("{name}");
    }
    Ok(0)
}
