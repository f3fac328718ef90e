//! The project's containers by service: `compose ps`, `logs`, `exec`, `run`,
//! `start`, `stop`, `restart`, `kill`, `rm`, `pause`, `unpause`, `top`, `port`.

use std::io::Write;
use std::sync::Mutex;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;

use super::{reporter, Ctx};
use crate::compose::control::{self, service_of, Selection};
use crate::compose::load::Project;
use crate::compose::service::{OneOff, LABEL_NUMBER};
use crate::container::list::Listed;
use crate::container::logs::LogQuery;
use crate::output::human;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct PsArgs {
    /// Stopped containers too
    #[arg(short, long)]
    pub all: bool,
    /// Only the ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Only the services' names
    #[arg(long)]
    pub services: bool,
    /// table or json
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub service: Vec<String>,
}

#[derive(Args, Debug)]
pub struct LogsArgs {
    /// Keep printing what the containers log
    #[arg(short, long)]
    pub follow: bool,
    /// Only the last N lines of each container (or all)
    #[arg(short = 'n', long, value_name = "N", default_value = "all")]
    pub tail: String,
    /// The time before each line
    #[arg(short, long)]
    pub timestamps: bool,
    /// Only lines since this time (an RFC 3339 time, or a duration such as 10m)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Only lines until this time
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// No colours
    #[arg(long)]
    pub no_color: bool,
    /// No `service-1 |` before each line
    #[arg(long)]
    pub no_log_prefix: bool,
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
#[command(disable_help_flag = true)]
pub struct ExecArgs {
    /// Run the command in the background
    #[arg(short, long)]
    pub detach: bool,
    /// No terminal for the command (the default when stdin is not one)
    #[arg(short = 'T', long = "no-TTY")]
    pub no_tty: bool,
    /// Keep stdin open (the default; accepted for docker compose's sake)
    #[arg(short, long)]
    pub interactive: bool,
    /// Set a variable, NAME=VALUE
    #[arg(short, long, value_name = "NAME=VALUE")]
    pub env: Vec<String>,
    /// Run as this user, USER[:GROUP]
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Run in this directory
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Every capability
    #[arg(long)]
    pub privileged: bool,
    /// Which container of the service, when it has several
    #[arg(long, value_name = "N", default_value = "1")]
    pub index: u32,
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    #[arg(value_name = "SERVICE")]
    pub service: String,
    #[arg(
        value_name = "COMMAND",
        trailing_var_arg = true,
        allow_hyphen_values = true,
        required = true
    )]
    pub command: Vec<String>,
}

#[derive(Args, Debug)]
#[command(disable_help_flag = true)]
pub struct RunArgs {
    /// Run in the background, print the container's name
    #[arg(short, long)]
    pub detach: bool,
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// The container's name (default PROJECT-SERVICE-run-ID)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Override the image's entrypoint
    #[arg(long, value_name = "CMD")]
    pub entrypoint: Option<String>,
    /// Set a variable, NAME=VALUE
    #[arg(short, long, value_name = "NAME=VALUE")]
    pub env: Vec<String>,
    /// Add a label, KEY=VALUE
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Run as this user
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Run in this directory
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Publish a port, [IP:][HOST:]CONTAINER[/PROTO]
    #[arg(short, long, value_name = "PORT")]
    pub publish: Vec<String>,
    /// Bind a volume or a host path, SRC:DST[:OPTS]
    #[arg(short, long, value_name = "SRC:DST")]
    pub volume: Vec<String>,
    /// Publish the service's own ports too
    #[arg(long)]
    pub service_ports: bool,
    /// Do not start the services this one depends on
    #[arg(long)]
    pub no_deps: bool,
    /// No terminal (the default when stdin is not one)
    #[arg(short = 'T', long = "no-TTY")]
    pub no_tty: bool,
    /// Keep stdin open (the default; accepted for docker compose's sake)
    #[arg(short, long)]
    pub interactive: bool,
    /// Print no pull or build progress
    #[arg(short, long)]
    pub quiet_pull: bool,
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    #[arg(value_name = "SERVICE")]
    pub service: String,
    #[arg(
        value_name = "COMMAND",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub command: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ServicesArgs {
    /// Only these services' containers (default: every service's)
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct StopArgs {
    /// Seconds to wait for each container to stop before it is killed
    #[arg(short, long, value_name = "SECS")]
    pub timeout: Option<u32>,
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct KillArgs {
    /// The signal (name or number)
    #[arg(short, long, value_name = "SIGNAL", default_value = "SIGKILL")]
    pub signal: String,
    /// Accepted for docker compose's sake
    #[arg(long)]
    pub remove_orphans: bool,
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Do not ask (husk compose never asks)
    #[arg(short, long)]
    pub force: bool,
    /// Stop the running containers first (else only stopped ones are removed)
    #[arg(short, long)]
    pub stop: bool,
    /// Their anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct TopArgs {
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PortArgs {
    /// Which container of the service, when it has several
    #[arg(long, value_name = "N", default_value = "1")]
    pub index: u32,
    /// tcp or udp
    #[arg(long, default_value = "tcp")]
    pub protocol: String,
    #[arg(value_name = "SERVICE")]
    pub service: String,
    #[arg(value_name = "PRIVATE_PORT")]
    pub port: u16,
}

/// The selection of a command on services: the project (name, and files
/// when readable) and the services named.
fn selected<'a>(
    name: &'a str,
    project: Option<&'a Project>,
    services: &'a [String],
) -> Selection<'a> {
    Selection {
        name,
        project,
        services,
    }
}

pub fn ps(cx: &Ctx, a: PsArgs) -> Result<i32> {
    let (name, project) = cx.project_or_name()?;
    let store = cx.existing_store()?;
    let listed: Vec<_> = selected(&name, project.as_ref(), &a.service)
        .containers(&store, true)?
        .into_iter()
        .filter(|c| a.all || crate::container::state::is_active(&c.state))
        .collect();
    let mut out = crate::output::stdout();
    if a.quiet {
        for c in &listed {
            writeln!(out, "{}", c.record.id)?;
        }
    } else if a.services {
        let mut names: Vec<&str> = listed.iter().map(service_of).collect();
        names.dedup();
        for n in names {
            writeln!(out, "{n}")?;
        }
    } else if a.format == "json" {
        let rows: Vec<serde_json::Value> = listed
            .iter()
            .map(|c| {
                serde_json::json!({
                    "ID": c.record.id,
                    "Name": c.record.name,
                    "Image": c.record.image_name,
                    "Command": c.record.command.join(" "),
                    "Project": name,
                    "Service": service_of(c),
                    "State": c.state.status.as_str(),
                    "Status": super::super::containers::status_text(c),
                    "ExitCode": c.state.exit_code.unwrap_or(0),
                    "Labels": c.record.labels,
                    "Publishers": publishers(c),
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string(&rows)?)?;
    } else {
        let rows: Vec<Vec<String>> = listed
            .iter()
            .map(|c| {
                vec![
                    c.record.name.clone(),
                    c.record.image_name.clone(),
                    service_of(c).to_string(),
                    super::super::containers::status_text(c),
                    publishers(c)
                        .iter()
                        .map(|p| {
                            format!(
                                "{}:{}->{}/{}",
                                p["URL"].as_str().unwrap_or(""),
                                p["PublishedPort"],
                                p["TargetPort"],
                                p["Protocol"].as_str().unwrap_or("")
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                ]
            })
            .collect();
        crate::output::table::print(
            &mut out,
            &["NAME", "IMAGE", "SERVICE", "STATUS", "PORTS"],
            &rows,
        )?;
    }
    Ok(0)
}

/// A container's published ports, as docker compose's `ps --format json` gives them.
fn publishers(c: &Listed) -> Vec<serde_json::Value> {
    let ports = c
        .state
        .network
        .as_ref()
        .map(|n| n.ports.clone())
        .unwrap_or_default();
    ports
        .iter()
        .map(|m| {
            serde_json::json!({
                "URL": m.host_ip.map_or("0.0.0.0".to_string(), |ip| ip.to_string()),
                "TargetPort": m.container_port,
                "PublishedPort": m.host_port,
                "Protocol": m.protocol.to_string(),
            })
        })
        .collect()
}

pub fn logs(cx: &Ctx, a: LogsArgs) -> Result<i32> {
    let (name, project) = cx.project_or_name()?;
    let store = cx.existing_store()?;
    let (targets, unreadable): (Vec<_>, Vec<_>) = selected(&name, project.as_ref(), &a.services)
        .containers(&store, false)?
        .into_iter()
        .partition(|c| c.record.log_driver.readable());
    for c in unreadable {
        eprintln!(
            "WARN: {}: its logging driver ({}) keeps no log to read",
            c.record.name,
            c.record.log_driver.name()
        );
    }
    let query = LogQuery {
        since: a.since.as_deref().map(human::parse_when).transpose()?,
        until: a.until.as_deref().map(human::parse_when).transpose()?,
        tail: match a.tail.as_str() {
            "all" | "-1" => None,
            n => Some(
                n.parse::<usize>()
                    .with_context(|| format!("invalid --tail {n:?}: a number of lines, or all"))?,
            ),
        },
        follow: a.follow,
        cancel: None,
    };
    let color = !a.no_color && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let prefixes = crate::compose::attach::prefixes(&targets, color);
    let ids: Vec<String> = targets.iter().map(|c| c.record.id.clone()).collect();
    let starts: Vec<Mutex<[bool; 2]>> = ids.iter().map(|_| Mutex::new([true, true])).collect();
    let broken = std::sync::atomic::AtomicBool::new(false);
    let printed = crate::container::logs::read_many(&store, &ids, &query, &|i, e| {
        let mut at_start = starts[i]
            .lock()
            .map_err(|_| anyhow!("a log printer failed"))?;
        let prefix = match a.no_log_prefix {
            true => "",
            false => prefixes[i].as_str(),
        };
        let line = crate::compose::attach::line(e, prefix, a.timestamps, &mut at_start);
        match std::io::stdout().lock().write_all(&line) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                broken.store(true, std::sync::atomic::Ordering::SeqCst);
                Err(crate::error::ExitCode(0).into())
            }
            r => r.context("writing the logs"),
        }
    });
    match printed {
        Err(_) if broken.load(std::sync::atomic::Ordering::SeqCst) => Ok(0),
        r => r.map(|_| 0),
    }
}

/// The container of `service` numbered `index` (its label), running.
fn service_container(
    store: &Store,
    name: &str,
    project: Option<&Project>,
    service: &str,
    index: u32,
) -> Result<Listed> {
    let one = [service.to_string()];
    let found = selected(name, project, &one).containers(store, false)?;
    let number = index.to_string();
    found
        .into_iter()
        .find(|c| c.record.labels.get(LABEL_NUMBER) == Some(&number))
        .ok_or_else(|| {
            crate::error::Failure::new(
                1,
                format!("service {service:?} is not running (no container number {index})"),
            )
            .into()
        })
}

pub fn exec(cx: &Ctx, a: ExecArgs) -> Result<i32> {
    let (name, project) = cx.project_or_name()?;
    let store = cx.existing_store()?;
    let c = service_container(&store, &name, project.as_ref(), &a.service, a.index)?;
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdin());
    let tty = !a.no_tty && !a.detach && terminal;
    let opts = crate::container::exec::ExecOptions {
        command: a.command,
        env: a.env,
        workdir: a.workdir,
        user: a.user,
        tty,
        interactive: !a.detach,
        privileged: a.privileged,
        preserve_fds: 0,
        window_size: None,
    };
    let keys = crate::monitor::attach::parse_detach_keys("ctrl-p,ctrl-q")?;
    super::super::exec::exec_in(&store, &c.record.id, &opts, a.detach, &keys)
}

pub fn run(cx: &Ctx, a: RunArgs) -> Result<i32> {
    let project = cx.project()?;
    let (config, making) = super::project::build_settings(cx, a.quiet_pull)?;
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdin());
    let oneoff = OneOff {
        name: a.name.clone(),
        command: a.command.clone(),
        entrypoint: a.entrypoint.clone(),
        env: a.env.clone(),
        labels: a.label.clone(),
        user: a.user.clone(),
        workdir: a.workdir.clone(),
        publish: a.publish.clone(),
        volumes: a.volume.clone(),
        service_ports: a.service_ports,
        remove: a.rm,
        detach: a.detach,
        tty: !a.no_tty && !a.detach && terminal,
        interactive: !a.detach,
    };
    let store = cx.store()?;
    let mut report = reporter(false);
    let ctr = crate::compose::project::create_oneoff(
        &store,
        &config,
        &project,
        &making,
        &a.service,
        &oneoff,
        a.no_deps,
        &mut report,
    )?;
    if a.detach {
        crate::monitor::detached::spawn(&store, &ctr, &making.driver, Default::default())?;
        println!("{}", ctr.record.name);
        return Ok(0);
    }
    let streams = crate::monitor::attach::Streams::parse(&[], true)?;
    let keys = crate::monitor::attach::parse_detach_keys("ctrl-p,ctrl-q")?;
    super::super::run::run_attached(
        &store,
        &ctr,
        &making.driver,
        streams,
        keys,
        Default::default(),
        true,
    )
}

/// What the commands on services need: the project's name and files, the store.
fn target(cx: &Ctx) -> Result<(String, Option<Project>, Store)> {
    let (name, project) = cx.project_or_name()?;
    Ok((name, project, cx.store()?))
}

pub fn start(cx: &Ctx, a: ServicesArgs) -> Result<i32> {
    let (name, project, store) = target(cx)?;
    let (_, driver) = cx.config_and_driver()?;
    let sel = selected(&name, project.as_ref(), &a.services);
    control::start(&store, &sel, &driver, &mut reporter(false))?;
    Ok(0)
}

pub fn stop(cx: &Ctx, a: StopArgs) -> Result<i32> {
    let (name, project, store) = target(cx)?;
    let sel = selected(&name, project.as_ref(), &a.services);
    control::stop(&store, &sel, a.timeout, &mut reporter(false))?;
    Ok(0)
}

pub fn restart(cx: &Ctx, a: StopArgs) -> Result<i32> {
    let (name, project, store) = target(cx)?;
    let (_, driver) = cx.config_and_driver()?;
    let sel = selected(&name, project.as_ref(), &a.services);
    control::restart(&store, &sel, a.timeout, &driver, &mut reporter(false))?;
    Ok(0)
}

pub fn kill(cx: &Ctx, a: KillArgs) -> Result<i32> {
    let signal = crate::container::lifecycle::parse_signal(&a.signal)?;
    let (name, project, store) = target(cx)?;
    let sel = selected(&name, project.as_ref(), &a.services);
    control::kill(&store, &sel, signal.into(), &mut reporter(false))?;
    Ok(0)
}

pub fn rm(cx: &Ctx, a: RmArgs) -> Result<i32> {
    let _ = a.force;
    let (name, project, store) = target(cx)?;
    let sel = selected(&name, project.as_ref(), &a.services);
    control::remove(&store, &sel, a.stop, a.volumes, &mut reporter(false))?;
    Ok(0)
}

pub fn pause(cx: &Ctx, a: ServicesArgs, paused: bool) -> Result<i32> {
    let (name, project, store) = target(cx)?;
    let sel = selected(&name, project.as_ref(), &a.services);
    control::set_paused(&store, &sel, paused, &mut reporter(false))?;
    Ok(0)
}

pub fn top(cx: &Ctx, a: TopArgs) -> Result<i32> {
    use crate::container::processes::{descriptor, DEFAULT_DESCRIPTORS};
    let (name, project) = cx.project_or_name()?;
    let store = cx.existing_store()?;
    let columns: Vec<_> = DEFAULT_DESCRIPTORS
        .iter()
        .filter_map(|d| descriptor(d))
        .collect();
    let header: Vec<&str> = columns.iter().map(|(h, _)| *h).collect();
    let mut out = crate::output::stdout();
    for c in selected(&name, project.as_ref(), &a.services).containers(&store, false)? {
        let Some(pid1) = crate::container::state::running_pid(&c.state) else {
            continue;
        };
        let rows: Vec<Vec<String>> = crate::container::processes::top(&store, &c.record.id, pid1)?
            .iter()
            .map(|t| columns.iter().map(|(_, value)| value(t)).collect())
            .collect();
        writeln!(out, "{}", c.record.name)?;
        crate::output::table::print(&mut out, &header, &rows)?;
        writeln!(out)?;
    }
    Ok(0)
}

pub fn port(cx: &Ctx, a: PortArgs) -> Result<i32> {
    let (name, project) = cx.project_or_name()?;
    let store = cx.existing_store()?;
    let c = service_container(&store, &name, project.as_ref(), &a.service, a.index)?;
    let wanted = format!("{}/{}", a.port, a.protocol);
    let ports = c.state.network.map(|n| n.ports).unwrap_or_default();
    match ports.iter().find(|m| m.container_side() == wanted) {
        Some(m) => {
            println!("{}", m.host_side());
            Ok(0)
        }
        None => bail!("no port {wanted} is published for service {}", a.service),
    }
}
