//! Handlers of `husk run`, `husk create` and `husk start -a` (foreground).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::{store_root, MonitorArgs, RunArgs, StartArgs, StopArgs};
use crate::config::Config;
use crate::container::mounts::{BindMount, UserMounts, VolumesFrom};
use crate::container::options::{self, NamespaceMode, PullPolicy, SecurityOptions};
use crate::container::{self, CreateRequest, SpecOptions};
use crate::container::{lifecycle, list, state};
use crate::image::pull as pull_image;
use crate::monitor::{attach, detached, foreground, sdnotify};
use crate::progress::Progress;
use crate::store::containers::{ContainerRecord, RestartPolicy};
use crate::store::images::ImageRecord;
use crate::store::Store;
use crate::userns::idmap::UsernsOptions;

/// The image of `run`/`create`, pulled if `--pull` (`policy`) says so.
fn image_for(
    store: &Store,
    config: &Config,
    a: &RunArgs,
    policy: PullPolicy,
) -> Result<ImageRecord> {
    let opts =
        a.registry
            .pull_options(a.platform.as_deref(), None, Progress::for_stderr(a.quiet))?;
    pull_image::ensure(store, config, &a.image, policy, &opts)
}

pub fn run(root: Option<PathBuf>, driver: Option<String>, a: RunArgs) -> Result<i32> {
    if !a.detach {
        super::require_terminal_stdin(a.tty, a.interactive)?;
    }
    if a.detach && !a.attach.is_empty() {
        bail!("conflicting options: -a/--attach and -d/--detach");
    }
    let mut streams = attach::Streams::parse(&a.attach, a.interactive)?;
    let detach_keys = attach::parse_detach_keys(&a.detach_keys)?;
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    let ctr = create_container(&store, &config, &a)?;
    crate::timeline::mark("created");
    // This command checked them: its fds 3..3+N, and its stdio in the foreground.
    let passthrough = ctr.record.log_driver == crate::monitor::log::Driver::Passthrough;
    let handover = detached::Handover {
        stdio: passthrough && !a.detach,
        fds: a.preserve_fds as i32,
    };
    streams.stdin &= !passthrough; // the container reads it itself
    if a.detach {
        detached::spawn(&store, &ctr, &driver, handover)?;
        println!("{}", ctr.record.id);
        return Ok(0);
    }
    run_attached(&store, &ctr, &driver, streams, detach_keys, handover)
}

/// A container in the foreground, as podman runs it: its own monitor (which
/// logs its output, keeps it if you detach, applies --rm and --restart), with
/// this process attached to it until it exits or the detach keys are typed.
fn run_attached(
    store: &Store,
    ctr: &container::Container,
    driver: &str,
    streams: attach::Streams,
    detach_keys: Vec<u8>,
    handover: detached::Handover,
) -> Result<i32> {
    let record = &ctr.record;
    // Blocked first: a signal that comes once the container runs is for it.
    // (The monitor starts with an empty mask: Command resets it.)
    let signals = crate::runtime::block_signals()?;
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

/// `husk create`: make the container, print its id.
pub fn create(root: Option<PathBuf>, a: RunArgs) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    let ctr = create_container(&store, &config, &a)?;
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
        };
        return run_attached(&store, &ctr, &driver, streams, keys, handover);
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
        lifecycle::restart(&store, &id, a.time, &driver)?;
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

/// `run`/`create`'s flags, resolved: each typed and checked; nothing pulled,
/// replaced or written yet.
struct Resolved {
    restart: RestartPolicy,
    health: container::health::HealthOptions,
    /// `--label-file`'s, then `-l`'s.
    labels: Vec<String>,
    volumes_from: Vec<VolumesFrom>,
    sdnotify: sdnotify::Mode,
    pull: PullPolicy,
    log_max_size: Option<u64>,
    log_driver: crate::monitor::log::Driver,
    /// `--pidfile`, `--conmon-pidfile`, made absolute.
    pidfiles: (Option<PathBuf>, Option<PathBuf>),
    spec: SpecOptions,
}

fn resolve(a: &RunArgs) -> Result<Resolved> {
    let restart = container::parse_restart(&a.restart)?;
    if (a.rm || a.rmi) && restart.name != "no" {
        let rm = if a.rm { "--rm" } else { "--rmi" };
        bail!("conflicting options: --restart {} and {rm}", a.restart);
    }
    if a.seccomp_policy == "image" {
        bail!("--seccomp-policy image (the profile an image's annotation names) is not supported: husk applies its default profile, or --security-opt seccomp=FILE");
    }
    let absolute = |f: &Option<PathBuf>| -> Result<Option<PathBuf>> {
        f.as_deref()
            .map(std::path::absolute)
            .transpose()
            .context("the current directory")
    };
    let pidfiles = (absolute(&a.pidfile)?, absolute(&a.conmon_pidfile)?);
    if a.health_on_failure == "restart" && restart.name != "no" {
        bail!("--health-on-failure restart conflicts with --restart {}: one of them restarts the container", a.restart);
    }
    if let Some(f) = &a.cidfile {
        if f.exists() {
            bail!(
                "the container id file {} exists: make sure the other container is not running, or delete the file",
                f.display()
            );
        }
    }
    let network = crate::network::NetworkFlags {
        network: a.network.clone(),
        aliases: a.network_alias.clone(),
        links: a.link.clone(),
        publish: a.publish.clone(),
        publish_all: a.publish_all,
        sysctls: a.sysctl.clone(),
    }
    .resolve(&[])?;
    let names =
        crate::network::NameOptions::parse(&a.add_host, &a.dns, &a.dns_search, &a.dns_option)?;
    if let Some(h) = &a.hostname {
        crate::network::etc::check_hostname(h)?;
    }
    if let Some(w) = a.workdir.as_deref().filter(|w| !w.starts_with('/')) {
        bail!("the working directory {w:?} is not an absolute path");
    }
    if let Some(cpus) = &a.cpuset_cpus {
        crate::runtime::affinity::validate(cpus)?;
    }
    crate::runtime::caps::resolve(a.privileged, &a.cap_add, &a.cap_drop)?;
    if let Some(n) = a.name.as_deref().filter(|n| !container::names::is_valid(n)) {
        bail!("invalid container name {n:?}: use letters, digits and _ . - (starting with a letter or digit)");
    }
    if let Some(g) = a.group_add.iter().find(|g| g.is_empty() || g.contains(':')) {
        bail!("invalid --group-add {g:?}: a group name or number");
    }
    for f in &a.env_file {
        std::fs::File::open(f).with_context(|| format!("opening the env file {}", f.display()))?;
    }
    let sdnotify: sdnotify::Mode = a.sdnotify.parse()?;
    let (env, notify_socket) = with_notify_socket(a, sdnotify);
    let mut labels = Vec::new();
    for f in &a.label_file {
        labels.extend(options::label_file(f)?);
    }
    labels.extend(a.label.iter().cloned());
    for l in &labels {
        container::parse_label(l)?;
    }
    let limits = container::resources::ResourceFlags {
        memory: a.memory.clone(),
        memory_swap: a.memory_swap.clone(),
        memory_reservation: a.memory_reservation.clone(),
        memory_swappiness: a.memory_swappiness,
        cpus: a.cpus.clone(),
        cpu_shares: a.cpu_shares,
        cpu_period: a.cpu_period,
        cpu_quota: a.cpu_quota,
        pids_limit: a.pids_limit,
        blkio_weight: a.blkio_weight,
        cpuset_mems: a.cpuset_mems.clone(),
    }
    .resolve()?;
    let support = container::resources::support();
    if let Some(warning) = container::resources::check(&limits, &support)? {
        eprintln!("WARNING: {warning}");
    }
    let health = container::health::HealthFlags {
        cmd: a.health_cmd.clone(),
        interval: a.health_interval.clone(),
        timeout: a.health_timeout.clone(),
        start_period: a.health_start_period.clone(),
        retries: a.health_retries,
        disabled: a.no_healthcheck,
        on_failure: Some(a.health_on_failure.clone()),
    }
    .resolve()?;
    let userns = UsernsOptions::parse(a.userns.as_deref(), &a.uidmap, &a.gidmap)?;
    // Handed on by this command alone (to the container's first start).
    options::preserved_fds(a.preserve_fds)?;
    let log_driver: crate::monitor::log::Driver =
        a.log_driver.as_deref().unwrap_or("k8s-file").parse()?;
    if log_driver == crate::monitor::log::Driver::Passthrough
        && (a.detach || a.tty || a.restart != "no")
    {
        bail!("--log-driver passthrough hands the container this command's own stdio: not with -d, -t or --restart");
    }
    let joins = [&a.pid, &a.ipc, &a.uts]
        .iter()
        .any(|m| m.as_deref().is_some_and(|m| m.starts_with("container:")));
    if !userns.is_default() && (network.mode.joins_namespace() || joins) {
        bail!("--userns/--uidmap cannot be combined with --pid, --ipc or --uts container: (namespaces of husk's user namespace)");
    }
    let mounts = UserMounts::parse(&a.volume, &a.tmpfs, &a.mount)?;
    let overlay = mounts.binds.iter().any(|b| {
        b.options
            .iter()
            .any(|o| o == crate::container::mounts::OVERLAY)
    });
    if !userns.is_default() && overlay {
        bail!("--userns/--uidmap cannot be combined with overlay volumes (-v SRC:DST:O) yet");
    }
    if !userns.is_default() && network.mode.joins_namespace() {
        bail!("--userns/--uidmap cannot be combined with --network container: or ns: (a network namespace of husk's user namespace)");
    }
    Ok(Resolved {
        restart,
        health,
        labels,
        volumes_from: options::parse_each(&a.volumes_from)?,
        sdnotify,
        pull: a.pull.parse()?,
        log_max_size: options::log_max_size(&a.log_opt)?,
        log_driver,
        pidfiles,
        spec: SpecOptions {
            args: a.command.clone(),
            entrypoint: a
                .entrypoint
                .as_deref()
                .map(options::parse_entrypoint)
                .transpose()?,
            env,
            env_files: a.env_file.clone(),
            unsetenv: a.unsetenv.clone(),
            unsetenv_all: a.unsetenv_all,
            env_merge: a.env_merge.clone(),
            workdir: a.workdir.clone(),
            hostname: a.hostname.clone(),
            mounts,
            notify_socket,
            read_only: a.read_only,
            read_only_tmpfs: a.read_only_tmpfs,
            no_hosts: a.no_hosts,
            network,
            publish_all: a.publish_all,
            names,
            cap_add: a.cap_add.clone(),
            cap_drop: a.cap_drop.clone(),
            privileged: a.privileged,
            security: SecurityOptions::parse(&a.security_opt)?,
            ulimits: options::parse_each(&a.ulimit)?,
            cpuset_cpus: a.cpuset_cpus.clone(),
            tty: a.tty,
            init: a.init,
            init_path: a
                .init_path
                .as_deref()
                .map(options::init_binary)
                .transpose()?,
            stop_signal: a
                .stop_signal
                .as_deref()
                .map(str::parse::<lifecycle::SignalNo>)
                .transpose()?,
            shm_size: a.shm_size.as_deref().map(options::parse_size).transpose()?,
            umask: a.umask.as_deref().map(options::parse_umask).transpose()?,
            oom_score_adj: a
                .oom_score_adj
                .map(options::parse_oom_score_adj)
                .transpose()?,
            tz: a.tz.as_deref().map(str::parse).transpose()?,
            devices: options::parse_each(&a.device)?,
            pid: NamespaceMode::parse("--pid", a.pid.as_deref().unwrap_or(""))?,
            ipc: match a.ipc.as_deref() {
                Some("none") => NamespaceMode::Private,
                v => NamespaceMode::parse("--ipc", v.unwrap_or(""))?,
            },
            no_shm: a.ipc.as_deref() == Some("none"),
            uts: NamespaceMode::parse("--uts", a.uts.as_deref().unwrap_or(""))?,
            userns,
        },
    })
}

/// `-e`, and systemd's notify socket to bind for `--sdnotify=container` (a path
/// socket only: an abstract one does not cross network namespaces).
fn with_notify_socket(a: &RunArgs, mode: sdnotify::Mode) -> (Vec<String>, Option<BindMount>) {
    let mut env = a.env.clone();
    let sock =
        sdnotify::socket().filter(|s| mode == sdnotify::Mode::Container && s.starts_with('/'));
    let bind = sock.map(|sock| {
        env.push(format!("NOTIFY_SOCKET={}", sdnotify::CONTAINER_SOCKET));
        BindMount {
            source: sock.into(),
            destination: sdnotify::CONTAINER_SOCKET.into(),
            options: Vec::new(),
            chown: false,
        }
    });
    (env, bind)
}

/// Create the container that run/create describe (pulling its image if need be).
fn create_container(store: &Store, config: &Config, a: &RunArgs) -> Result<container::Container> {
    // Every flag checked before anything is pulled or made.
    let plan = resolve(a)?;
    container::check_joined(store, &plan.spec)?;
    let image = image_for(store, config, a, plan.pull)?;
    let image_name = image
        .names
        .first()
        .cloned()
        .unwrap_or_else(|| a.image.clone());
    let ctr = container::create(
        store,
        CreateRequest {
            image: &image,
            image_name: &image_name,
            name: a.name.clone(),
            user: a.user.clone(),
            group_add: a.group_add.clone(),
            spec: plan.spec,
            auto_remove: a.rm || a.rmi,
            labels: plan.labels,
            restart: plan.restart,
            stop_timeout: a.stop_timeout,
            log_max_size: plan.log_max_size,
            interactive: a.interactive,
            sdnotify: plan.sdnotify,
            create_command: std::env::args_os()
                .map(|a| a.to_string_lossy().into_owned())
                .collect(),
            create_command_tail: a.command.len() + 1,
            replace: a.replace && a.name.is_some(),
            volumes_from: plan.volumes_from,
            health: plan.health,
            timeout: a.timeout.filter(|t| *t > 0),
            log_driver: plan.log_driver,
            hostusers: a.hostuser.clone(),
            build_stage: false,
            pidfile: plan.pidfiles.0,
            conmon_pidfile: plan.pidfiles.1,
            remove_image: a.rmi,
        },
    )?;
    if let Some(f) = &a.cidfile {
        std::fs::write(f, &ctr.record.id)
            .with_context(|| format!("writing the container id to {}", f.display()))?;
    }
    Ok(ctr)
}
