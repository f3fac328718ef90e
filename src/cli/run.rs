//! Handlers of `husk run`, `husk create` and `husk start -a` (foreground).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::{store_root, MonitorArgs, RunArgs, StartArgs, StopArgs};
use crate::config::Config;
use crate::container;
use crate::container::{lifecycle, list, state};
use crate::monitor::{attach, detached, foreground};
use crate::progress::Progress;
use crate::store::containers::ContainerRecord;
use crate::store::Store;

pub fn run(root: Option<PathBuf>, driver: Option<String>, a: RunArgs) -> Result<i32> {
    if !a.flags.detach {
        super::require_terminal_stdin(a.flags.tty, a.flags.interactive)?;
    }
    if a.flags.detach && !a.flags.attach.is_empty() {
        bail!("conflicting options: -a/--attach and -d/--detach");
    }
    let mut streams = attach::Streams::parse(&a.flags.attach, a.flags.interactive)?;
    let detach_keys = attach::parse_detach_keys(&a.flags.detach_keys)?;
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    crate::timeline::mark("store opened");
    let ctr = create_container(&store, &config, &a, &driver)?;
    crate::timeline::mark("created");
    // This command checked them: its fds 3..3+N, and its stdio in the foreground.
    let passthrough = ctr.record.log_driver == crate::monitor::log::Driver::Passthrough;
    let handover = detached::Handover {
        stdio: passthrough && !a.flags.detach,
        fds: a.flags.preserve_fds as i32,
        ..Default::default()
    };
    streams.stdin &= !passthrough; // the container reads it itself
    if a.flags.detach {
        detached::spawn(&store, &ctr, &driver, handover)?;
        println!("{}", ctr.record.id);
        return Ok(0);
    }
    run_attached(
        &store,
        &ctr,
        &driver,
        streams,
        detach_keys,
        handover,
        a.flags.sig_proxy,
    )
}

/// A container in the foreground, as podman runs it: its own monitor (which
/// logs its output, keeps it if you detach, applies --rm and --restart), with
/// this process attached to it until it exits or the detach keys are typed.
pub fn run_attached(
    store: &Store,
    ctr: &container::Container,
    driver: &str,
    streams: attach::Streams,
    detach_keys: Vec<u8>,
    handover: detached::Handover,
    sig_proxy: bool,
) -> Result<i32> {
    let record = &ctr.record;
    // Blocked first: a signal that comes once the container runs is for it.
    // (The monitor starts with an empty mask: Command resets it.)
    let signals = crate::runtime::block_signals_for(sig_proxy)?;
    let mut start = detached::start_attached(store, ctr, driver, handover)?;
    crate::timeline::mark("monitor forked");
    let sock = match start.attach(&record.id) {
        Ok(sock) => sock,
        Err(e) => {
            // It could not start: with --rm, its monitor removes it; as docker, return after.
            if record.auto_remove {
                start.wait_monitor();
            }
            return Err(e);
        }
    };
    crate::timeline::mark("attached");
    let outcome = relay(sock, record, streams, detach_keys, signals)?;
    crate::timeline::mark("exit frame");
    // With --rm, the exit frame comes once the container is removed; without
    // one (the monitor was killed), wait for the monitor's own end.
    let closed = outcome == attach::Outcome::Closed;
    let code = finish_attached(store, &record.id, outcome);
    if record.auto_remove && closed {
        start.wait_monitor();
    }
    code
}

/// Relay between this process and a container's monitor (`sock`), our terminal
/// raw while it lasts; `signals` were blocked by `runtime::block_signals`.
pub fn relay(
    sock: std::os::unix::net::UnixStream,
    record: &ContainerRecord,
    streams: attach::Streams,
    detach_keys: Vec<u8>,
    signals: nix::sys::signal::SigSet,
) -> Result<attach::Outcome> {
    let _raw = record.tty.then(foreground::RawMode::enter).flatten();
    attach::relay(
        sock,
        &attach::RelayOptions {
            streams,
            tty: record.tty,
            detach_keys,
            signals: Some(signals),
        },
    )
}

/// The exit code for how an attached client ended.
pub fn finish_attached(store: &Store, id: &str, outcome: attach::Outcome) -> Result<i32> {
    Ok(match outcome {
        attach::Outcome::Exited(code) => code,
        attach::Outcome::Detached => 0,
        // No exit frame (a monitor of an older husk, or killed): the state says.
        attach::Outcome::Closed => {
            lifecycle::wait_exit(store, id, Some(std::time::Duration::from_secs(10)))?
                .exit_code
                .unwrap_or(crate::error::EXIT_TOOL)
        }
    })
}

/// Create the container that run/create describe: every flag checked (and the
/// pull options) before anything is pulled or made.
fn create_container(
    store: &Store,
    config: &Config,
    a: &RunArgs,
    driver: &str,
) -> Result<container::Container> {
    let mut flags = a.flags.clone();
    crate::pod::join(store, &mut flags)?;
    let plan = flags.resolve()?;
    crate::timeline::mark("planned");
    for warning in &plan.warnings {
        eprintln!("WARNING: {warning}");
    }
    let pull = a.registry.pull_options(
        a.flags.platform().as_deref(),
        a.creds.as_deref(),
        Progress::for_stderr(a.flags.quiet),
    )?;
    let command_line = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let ctr = container::flags::create(store, config, &flags, plan, &pull, command_line, driver)?;
    if let Some(f) = &a.flags.cidfile {
        std::fs::write(f, &ctr.record.id)
            .with_context(|| format!("writing the container id to {}", f.display()))?;
    }
    Ok(ctr)
}

/// `husk create`: make the container, print its id.
pub fn create(root: Option<PathBuf>, driver: Option<String>, a: RunArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    let ctr = create_container(&store, &config, &a, &driver)?;
    println!("{}", ctr.record.id);
    Ok(0)
}

/// `husk start`: run created or exited containers again, on the same upper layer:
/// in the background (each with its monitor; prints their names), or with `-a`
/// in the foreground.
pub fn start(root: Option<PathBuf>, driver: Option<String>, a: StartArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    let filters: Vec<list::Filter> = a
        .filter
        .iter()
        .map(|f| list::Filter::parse(f, &store))
        .collect::<Result<_>>()?;
    let mut given = a.containers.clone();
    if a.latest {
        given.push(super::containers::latest(&store)?);
    }
    let names = match (a.all || !filters.is_empty(), given.is_empty()) {
        (true, true) => list::list(&store, true, &filters)?
            .into_iter()
            .filter(|c| !state::is_active(&c.state))
            .map(|c| c.record.name)
            .collect(),
        (true, false) => bail!("husk start: give containers, or --all/--filter, not both"),
        (false, _) => given,
    };
    if a.attach && names.len() > 1 {
        bail!("husk start -a takes one container");
    }
    for name in &names {
        let id = container::find(&store, name)?;
        if !a.attach {
            // docker: starting a running container is no error.
            lifecycle::start(&store, &id, &driver)?;
            println!("{name}");
            continue;
        }
        let ctr = container::load(&store, &id)?;
        if state::is_active(&state::current(&store, &id)?) {
            bail!("container {} is already running", ctr.record.name);
        }
        super::require_terminal_stdin(ctr.record.tty, a.interactive)?;
        lifecycle::reset_for_start(&store, &id)?;
        let keys = attach::parse_detach_keys(&a.detach_keys)?;
        // In the foreground, a passthrough container gets this command's stdio.
        let passthrough = ctr.record.log_driver == crate::monitor::log::Driver::Passthrough;
        let mut streams = attach::Streams::parse(&[], a.interactive)?;
        streams.stdin &= !passthrough;
        let handover = detached::Handover {
            stdio: passthrough,
            fds: 0,
            ..Default::default()
        };
        return run_attached(&store, &ctr, &driver, streams, keys, handover, a.sig_proxy);
    }
    Ok(0)
}

/// `husk restart`: stop each container (if running), then start it in the background.
pub fn restart(root: Option<PathBuf>, driver: Option<String>, a: StopArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    // podman's --all: every container, whatever its state (--running: the running ones).
    let names = match (a.all, a.running) {
        (true, false) => store.container_ids()?,
        (true, true) => list::list(&store, false, &[])?
            .into_iter()
            .map(|c| c.record.id)
            .collect(),
        (false, _) => a.containers,
    };
    let names = super::containers::selected(&store, names, &a.selection, true)?;
    for name in &names {
        let Some(id) = super::containers::find_unless_ignored(&store, name, a.ignore)? else {
            continue;
        };
        match crate::pod::of_infra(&store, &id)? {
            Some(pod) => crate::pod::restart(&store, &pod, a.time, &driver)?,
            None => lifecycle::restart(&store, &id, a.time, &driver)?,
        }
        println!("{name}");
    }
    Ok(0)
}

/// `husk monitor ID` (hidden): be the detached monitor of a container.
pub fn monitor(root: Option<PathBuf>, driver: Option<String>, a: MonitorArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    let client = detached::client_from_env();
    let ctr = container::load(&store, &a.id)?;
    let handover = detached::Handover::from_env();
    detached::run(
        &store,
        &ctr,
        &driver,
        detached::ready_pipe(),
        client,
        handover,
    )
}
