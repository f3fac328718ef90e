//! `husk pod` (podman's): create, ps, inspect, start, stop, rm, exists.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::store_root;
use crate::config::Config;
use crate::container::flags::RunFlags;
use crate::output::{human, table, template};
use crate::pod::{self, PodRecord};
use crate::store::Store;

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum PodCommand {
    /// Create a pod: its infra container holds the network, ipc and uts namespaces its containers share
    Create(Box<CreateArgs>),
    /// List pods
    #[command(alias = "ls", alias = "list")]
    Ps(PsArgs),
    /// Show pods as JSON
    Inspect(InspectArgs),
    /// Start pods: the infra container, then the others
    Start(PodsArgs),
    /// Stop pods: their containers, then the infra container
    Stop(StopArgs),
    /// Stop and start pods again
    Restart(StopArgs),
    /// Send a signal to the running containers of pods
    Kill(KillArgs),
    /// Pause the running containers of pods
    Pause(PodsArgs),
    /// Unpause the paused containers of pods
    Unpause(PodsArgs),
    /// Remove every pod none of whose containers runs
    Prune(PruneArgs),
    /// Show the output of a pod's containers (each line after its container's id, or --names its name)
    Logs(LogsArgs),
    /// Remove pods and their containers (refused while they run, unless -f)
    #[command(alias = "remove")]
    Rm(RmArgs),
    /// Exit 0 if the pod exists, 1 if not
    Exists(NameArg),
    /// The processes of a pod's running containers (podman's descriptors, or ps options)
    Top(TopArgs),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The pod's name (default: a random one)
    #[arg(value_name = "NAME")]
    pub pod: Option<String>,
    /// The pod's name
    #[arg(short, long, value_name = "NAME", conflicts_with = "pod")]
    pub name: Option<String>,
    /// A label: KEY=VALUE
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// The host name its containers see (default: the pod's name)
    #[arg(long, value_name = "NAME")]
    pub hostname: Option<String>,
    /// The namespaces its containers share: of ipc, net, uts, or none (default: all three)
    #[arg(long, value_name = "KIND[,KIND]")]
    pub share: Vec<String>,
    /// Publish a port of the pod: [IP:][HOSTPORT:]PORT[/tcp|udp]
    #[arg(short, long, value_name = "PORT")]
    pub publish: Vec<String>,
    /// The pod's network: bridge, a network's name(s), none, host, pasta, slirp4netns
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Option<String>,
    /// The pod's address on its one network
    #[arg(long, value_name = "IP")]
    pub ip: Option<String>,
    /// Its interface's MAC address
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    /// More names for the pod on its networks
    #[arg(long, value_name = "ALIAS")]
    pub network_alias: Vec<String>,
    /// A line of its containers' /etc/hosts: HOST:IP
    #[arg(long, value_name = "HOST:IP")]
    pub add_host: Vec<String>,
    /// A DNS server of its containers' resolv.conf
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// A search domain of its containers' resolv.conf
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// A resolv.conf option
    #[arg(long, value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// Accepted for podman's sake: husk's pods always have an infra container
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub infra: Option<bool>,
}

#[derive(Args, Debug)]
pub struct PsArgs {
    /// Only the ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Go template, or json
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Whole ids
    #[arg(long)]
    pub no_trunc: bool,
    /// No header line
    #[arg(short = 'n', long)]
    pub noheading: bool,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Pods
    #[arg(value_name = "POD", required = true)]
    pub pods: Vec<String>,
    /// Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct PodsArgs {
    /// Pods
    #[arg(value_name = "POD", required_unless_present = "all")]
    pub pods: Vec<String>,
    /// Every pod
    #[arg(short, long)]
    pub all: bool,
}

#[derive(Args, Debug)]
pub struct StopArgs {
    #[command(flatten)]
    pub pods: PodsArgs,
    /// Seconds each container gets to stop before SIGKILL (default: its own, 10)
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
}

#[derive(Args, Debug)]
pub struct KillArgs {
    #[command(flatten)]
    pub pods: PodsArgs,
    /// The signal (a name or number; default SIGKILL)
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,
}

#[derive(Args, Debug)]
pub struct LogsArgs {
    #[command(flatten)]
    pub opts: super::LogOptions,
    /// Only this container of the pod
    #[arg(short = 'c', long, value_name = "CONTAINER")]
    pub container: Option<String>,
    #[arg(value_name = "POD")]
    pub pod: String,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    #[command(flatten)]
    pub pods: PodsArgs,
    /// Stop and remove running containers of the pods
    #[arg(short, long)]
    pub force: bool,
    /// A pod that does not exist is not an error
    #[arg(short, long)]
    pub ignore: bool,
    /// With -f: seconds each container gets to stop before SIGKILL
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
}

#[derive(Args, Debug)]
pub struct TopArgs {
    #[arg(value_name = "POD")]
    pub pod: String,
    /// podman's descriptors (user pid ppid pcpu etime tty time args ...), or ps(1) options
    #[arg(
        value_name = "DESCRIPTOR",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub descriptors: Vec<String>,
}

#[derive(Args, Debug)]
pub struct NameArg {
    #[arg(value_name = "POD")]
    pub pod: String,
}

impl PodCommand {
    /// Whether it makes, starts, stops or removes containers (in husk's user namespace).
    pub fn needs_user_namespace(&self) -> bool {
        !matches!(
            self,
            PodCommand::Ps(_)
                | PodCommand::Top(_)
                | PodCommand::Inspect(_)
                | PodCommand::Exists(_)
                | PodCommand::Logs(_)
        )
    }
}

pub fn run(root: Option<PathBuf>, driver: Option<String>, cmd: PodCommand) -> Result<i32> {
    let root = store_root(root)?;
    let store = match &cmd {
        PodCommand::Ps(_)
        | PodCommand::Inspect(_)
        | PodCommand::Exists(_)
        | PodCommand::Logs(_) => Store::open_existing(&root),
        _ => Store::open(&root)?,
    };
    match cmd {
        PodCommand::Create(a) => create(&store, driver, *a),
        PodCommand::Ps(a) => ps(&store, a),
        PodCommand::Inspect(a) => inspect(&store, a),
        PodCommand::Start(a) => {
            let config = Config::load()?;
            let driver = config.driver(driver.as_deref())?;
            each(&store, &named(&store, &a)?, |p| {
                pod::start(&store, p, &driver)
            })
        }
        PodCommand::Stop(a) => each(&store, &named(&store, &a.pods)?, |p| {
            pod::stop(&store, p, a.time)
        }),
        PodCommand::Restart(a) => {
            let config = Config::load()?;
            let driver = config.driver(driver.as_deref())?;
            each(&store, &named(&store, &a.pods)?, |p| {
                pod::restart(&store, p, a.time, &driver)
            })
        }
        PodCommand::Kill(a) => {
            let signal = crate::container::lifecycle::parse_signal(&a.signal)?;
            each(&store, &named(&store, &a.pods)?, |p| {
                pod::kill(&store, p, signal)
            })
        }
        PodCommand::Pause(a) => each(&store, &named(&store, &a)?, |p| {
            pod::set_paused(&store, p, true)
        }),
        PodCommand::Unpause(a) => each(&store, &named(&store, &a)?, |p| {
            pod::set_paused(&store, p, false)
        }),
        PodCommand::Logs(a) => logs(&store, a),
        PodCommand::Prune(a) => {
            if !super::confirmed(
                a.force,
                "This will remove all stopped pods and their containers.",
            )? {
                return Ok(0);
            }
            for p in pod::prune(&store)? {
                println!("{}", p.id);
            }
            Ok(0)
        }
        PodCommand::Rm(a) => rm(&store, a),
        PodCommand::Top(a) => top(&store, a),
        PodCommand::Exists(a) => Ok(match pod::find(&store, &a.pod) {
            Ok(_) => 0,
            Err(e) if e.downcast_ref::<crate::error::Failure>().is_some() => 1,
            Err(e) => return Err(e),
        }),
    }
}

fn create(store: &Store, driver: Option<String>, a: CreateArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let mut network = RunFlags::with_defaults("infra")?;
    network.publish = a.publish;
    network.network = a.network;
    network.ip = a.ip;
    network.mac_address = a.mac_address;
    network.network_alias = a.network_alias;
    network.add_host = a.add_host;
    network.dns = a.dns;
    network.dns_search = a.dns_search;
    network.dns_option = a.dns_option;
    let opts = pod::CreateOptions {
        name: a.pod.or(a.name),
        labels: a.label,
        hostname: a.hostname,
        share: a.share,
        network,
    };
    let record = pod::create(store, &config, &driver, opts)?;
    println!("{}", record.id);
    Ok(0)
}

/// `pod top`: the processes of the pod's running containers, infra included (as podman's).
fn top(store: &Store, a: TopArgs) -> Result<i32> {
    let p = pod::find(store, &a.pod)?;
    let mut targets = Vec::new();
    for id in pod::containers(store, &p)? {
        let s = crate::container::state::current(store, &id)?;
        if let Some(pid) = crate::container::state::running_pid(&s) {
            targets.push((id, pid));
        }
    }
    if targets.is_empty() {
        return Err(crate::error::Failure::new(
            crate::error::EXIT_TOOL,
            format!("pod {} has no running containers", p.name),
        )
        .into());
    }
    super::containers::print_top(store, &targets, &a.descriptors)
}

/// The pods `a` names, or with `--all` every one.
fn named(store: &Store, a: &PodsArgs) -> Result<Vec<String>> {
    Ok(match a.all {
        true => pod::list(store)?.into_iter().map(|p| p.id).collect(),
        false => a.pods.clone(),
    })
}

/// Each pod acted on (its id printed); the last failure's code once all were tried.
fn each(store: &Store, names: &[String], act: impl Fn(&PodRecord) -> Result<()>) -> Result<i32> {
    super::containers::for_each(names, |name| {
        let p = pod::find(store, name)?;
        act(&p)?;
        println!("{}", p.id);
        Ok(())
    })
}

fn rm(store: &Store, a: RmArgs) -> Result<i32> {
    let mut names = named(store, &a.pods)?;
    if a.ignore {
        // -i: a pod that is not there is no error.
        names.retain(|n| {
            !matches!(pod::find(store, n), Err(e) if e.downcast_ref::<crate::error::Failure>().is_some())
        });
    }
    each(store, &names, |p| pod::remove(store, p, a.force, a.time))
}

/// `pod logs`: its containers' output (not the infra container's: it has none).
fn logs(store: &Store, a: LogsArgs) -> Result<i32> {
    let p = pod::find(store, &a.pod)?;
    let mut members: Vec<String> = pod::containers(store, &p)?
        .into_iter()
        .filter(|id| *id != p.infra)
        .collect();
    if let Some(c) = &a.container {
        let id = crate::container::find(store, c)?;
        if !members.contains(&id) {
            anyhow::bail!("container {c} is not one of pod {}'s", p.name);
        }
        members = vec![id];
    }
    if members.is_empty() {
        return Ok(0);
    }
    super::containers::print_logs(store, &members, &a.opts)
}

/// A pod as `ps --format` sees it (podman's field names).
fn row(store: &Store, p: &PodRecord) -> Result<Value> {
    let members: Vec<Value> = pod::members(store, p)?
        .into_iter()
        .map(|(id, name, status)| json!({ "Id": id, "Names": name, "Status": status }))
        .collect();
    Ok(json!({
        "Id": p.id,
        "Name": p.name,
        "Status": pod::status(store, p)?,
        "Created": p.created,
        "InfraId": p.infra,
        "Labels": p.labels,
        "Containers": members,
    }))
}

fn header(field: &str) -> Option<&'static str> {
    Some(match field {
        "Id" | "ID" => "POD ID",
        "Name" => "NAME",
        "Status" => "STATUS",
        "Created" => "CREATED",
        "InfraId" => "INFRA ID",
        "NumberOfContainers" => "# OF CONTAINERS",
        _ => return None,
    })
}

fn ps(store: &Store, a: PsArgs) -> Result<i32> {
    let pods = pod::list(store)?;
    let mut out = crate::output::stdout();
    let id = |s: &str| match a.no_trunc {
        true => s.to_string(),
        false => s[..12.min(s.len())].to_string(),
    };
    if a.quiet {
        for p in &pods {
            writeln!(out, "{}", id(&p.id))?;
        }
        return Ok(0);
    }
    let rows = pods
        .iter()
        .map(|p| row(store, p))
        .collect::<Result<Vec<_>>>()?;
    match a.format.as_deref() {
        Some("json") => writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?,
        Some(fmt) => {
            let rows: Vec<Value> = rows
                .into_iter()
                .map(|mut r| {
                    r["NumberOfContainers"] = json!(r["Containers"].as_array().map_or(0, Vec::len));
                    r
                })
                .collect();
            template::write_rows_with(&mut out, fmt, &rows, &header, !a.noheading)?;
        }
        None => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let text = |k: &str| r[k].as_str().unwrap_or("").to_string();
                    vec![
                        id(&text("Id")),
                        text("Name"),
                        text("Status"),
                        human::since(r["Created"].as_str()),
                        id(&text("InfraId")),
                        r["Containers"].as_array().map_or(0, Vec::len).to_string(),
                    ]
                })
                .collect();
            table::print_with(
                &mut out,
                &[
                    "POD ID",
                    "NAME",
                    "STATUS",
                    "CREATED",
                    "INFRA ID",
                    "# OF CONTAINERS",
                ],
                &table,
                !a.noheading,
            )?;
        }
    }
    Ok(0)
}

fn inspect(store: &Store, a: InspectArgs) -> Result<i32> {
    let mut docs = Vec::new();
    let done = super::containers::for_each(&a.pods, |name| {
        docs.push(pod::inspect(store, &pod::find(store, name)?)?);
        Ok(())
    });
    super::containers::print_docs(&docs, a.format.as_deref())?;
    done
}
