//! A loaded project brought up and taken down: its networks and volumes
//! (named `PROJECT_KEY`, labelled with the project), its containers
//! (`PROJECT-SERVICE-N`, with the `com.docker.compose.*` labels), in
//! dependency order. The containers are found again by their labels alone:
//! nothing is kept beside them.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};

use super::build::BuildSettings;
use super::load::Project;
use super::service::{self, Instance, LABEL_HASH, LABEL_PROJECT, LABEL_SERVICE};
use crate::config::Config;
use crate::container::lifecycle;
use crate::container::list::{self, Filter, Listed};
use crate::container::state;
use crate::image::pull::PullOptions;
use crate::store::Store;
use crate::yaml::{Node, Value};

/// `compose up`'s options.
#[derive(Debug, Clone, Default)]
pub struct UpOptions {
    /// Only these services (and what they depend on, unless `no_deps`).
    pub services: Vec<String>,
    pub no_deps: bool,
    /// Make every container again, changed or not.
    pub force_recreate: bool,
    /// Keep existing containers even if their configuration changed.
    pub no_recreate: bool,
    /// `--scale SERVICE=N`.
    pub scale: BTreeMap<String, u32>,
    /// Containers of services the project no longer has: removed.
    pub remove_orphans: bool,
    /// How long to wait for a dependency's condition.
    pub wait_timeout: Duration,
    /// When services with a `build:` section are built.
    pub build: BuildWhen,
    /// `--wait`: return once every container runs (and is healthy, if it
    /// has a health check), or fail.
    pub wait: bool,
}

/// When `up` builds a service's image.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BuildWhen {
    /// When it is not in the store (or the service's `pull_policy` is `build`).
    #[default]
    Missing,
    /// `--build`: every time.
    Always,
    /// `--no-build`: never (a missing image is pulled, as the service says).
    Never,
}

/// `compose down`'s options.
#[derive(Debug, Clone, Default)]
pub struct DownOptions {
    /// The project's named volumes too.
    pub volumes: bool,
    /// Seconds to wait for a container to stop before it is killed.
    pub timeout: Option<u32>,
    /// `--rmi`: the services' images removed too.
    pub images: Option<RemoveImages>,
}

/// Which images `down --rmi` removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoveImages {
    /// Every service's image.
    All,
    /// Those built for services without an `image:` name (`PROJECT-SERVICE`).
    Local,
}

/// A project found by its containers' labels (`compose ls`).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub name: String,
    pub running: usize,
    pub exited: usize,
    /// The files its containers were made from (their label).
    pub config_files: String,
}

impl Listing {
    /// docker compose's `running(2), exited(1)`.
    pub fn status(&self) -> String {
        let mut parts = Vec::new();
        if self.running > 0 {
            parts.push(format!("running({})", self.running));
        }
        if self.exited > 0 {
            parts.push(format!("exited({})", self.exited));
        }
        parts.join(", ")
    }
}

/// Every project that has containers, by name.
pub fn list(store: &Store) -> Result<Vec<Listing>> {
    let filter = Filter::Label(LABEL_PROJECT.to_string(), None);
    let mut by_name: BTreeMap<String, Listing> = BTreeMap::new();
    for c in list::list(store, true, &[filter])? {
        let Some(name) = c.record.labels.get(LABEL_PROJECT) else {
            continue;
        };
        let p = by_name.entry(name.clone()).or_insert_with(|| Listing {
            name: name.clone(),
            ..Default::default()
        });
        match state::is_active(&c.state) {
            true => p.running += 1,
            false => p.exited += 1,
        }
        for f in c
            .record
            .labels
            .get(service::LABEL_CONFIG_FILES)
            .into_iter()
            .flat_map(|f| f.split(','))
        {
            if !p.config_files.split(',').any(|x| x == f) {
                if !p.config_files.is_empty() {
                    p.config_files.push(',');
                }
                p.config_files.push_str(f);
            }
        }
    }
    Ok(by_name.into_values().collect())
}

/// What a step did, for the caller to show (`Container p-web-1  Started`).
pub type Report<'a> = &'a mut dyn FnMut(&str, &str, &str);

/// The project's containers (every state), by service then number.
pub fn containers(store: &Store, project: &str) -> Result<Vec<Listed>> {
    let filter = Filter::Label(LABEL_PROJECT.to_string(), Some(project.to_string()));
    let mut all = list::list(store, true, &[filter])?;
    all.sort_by(|a, b| a.record.name.cmp(&b.record.name));
    Ok(all)
}

/// The entries of one top-level section of the project (`services`, `networks`…).
fn section(project: &Project, kind: &str) -> Vec<(String, Node)> {
    match project.model.get(kind).map(|s| &s.value) {
        Some(Value::Map(m)) => m.iter().map(|(k, v)| (k.name.clone(), v.clone())).collect(),
        _ => Vec::new(),
    }
}

pub fn services(project: &Project) -> Vec<(String, Node)> {
    section(project, "services")
}

/// How many containers a service has: `--scale`, else `deploy.replicas`, else `scale`, else 1.
fn replicas(name: &str, service: &Node, opts: &UpOptions) -> u32 {
    if let Some(n) = opts.scale.get(name) {
        return *n;
    }
    let read = |n: Option<&Node>| n.and_then(Node::as_scalar).and_then(|s| s.parse().ok());
    read(service.get("deploy").and_then(|d| d.get("replicas")))
        .or_else(|| read(service.get("scale")))
        .unwrap_or(1)
}

/// The services `up` brings up, in start order.
fn selected(project: &Project, opts: &UpOptions) -> Result<Vec<String>> {
    let order = super::graph::start_order(&project.model)?;
    if opts.services.is_empty() {
        return Ok(order);
    }
    let deps = super::graph::dependencies(&project.model);
    let mut want: Vec<String> = Vec::new();
    let mut todo = opts.services.clone();
    while let Some(s) = todo.pop() {
        if !deps.contains_key(&s) {
            bail!("no such service: {s}");
        }
        if !want.contains(&s) {
            if !opts.no_deps {
                todo.extend(deps[&s].iter().cloned());
            }
            want.push(s);
        }
    }
    Ok(order.into_iter().filter(|s| want.contains(s)).collect())
}

/// Bring `project` up: its networks and volumes made, each service's
/// containers made (again, if their configuration changed) and started,
/// each after the conditions of its `depends_on` are met.
pub fn up(
    store: &Store,
    config: &Config,
    project: &Project,
    making: &BuildSettings,
    opts: &UpOptions,
    report: Report,
) -> Result<()> {
    let driver = making.driver.as_str();
    let pull = &making.pull_options;
    let all = services(project);
    let chosen = selected(project, opts)?;
    for name in &chosen {
        let (_, service) = all
            .iter()
            .find(|(n, _)| n == name)
            .ok_or_else(|| anyhow!("no such service: {name}"))?;
        if wants_build(store, config, project, name, service, opts.build)? {
            build_one(store, config, project, name, service, making, report)?;
        }
    }
    networks(store, project, report)?;
    volumes(store, project, report)?;
    let files = secret_files(store, project)?;
    let existing = containers(store, &project.name)?;
    orphans(store, project, &existing, opts.remove_orphans, report)?;
    for name in chosen.iter().cloned() {
        let (_, service) = all
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| anyhow!("no such service: {name}"))?;
        wait_dependencies(store, project, service, opts.wait_timeout, report)?;
        let count = replicas(&name, service, opts);
        for number in 1..=count {
            bring_up(
                store, config, driver, project, pull, opts, &name, service, number, &files, report,
            )?;
        }
        // Scaled down: the containers numbered above the count go.
        for extra in existing.iter().filter(|c| {
            c.record.labels.get(LABEL_SERVICE) == Some(&name)
                && number_of(c).is_some_and(|n| n > count)
        }) {
            remove(store, &extra.record.id, None)?;
            report("Container", &extra.record.name, "Removed");
        }
    }
    if opts.wait {
        wait_ready(store, project, &chosen, opts.wait_timeout, report)?;
    }
    Ok(())
}

/// `up --wait`: every container of `services` running and healthy.
fn wait_ready(
    store: &Store,
    project: &Project,
    services: &[String],
    timeout: Duration,
    report: Report,
) -> Result<()> {
    for c in containers(store, &project.name)?
        .iter()
        .filter(|c| !super::control::is_oneoff(c))
        .filter(|c| {
            c.record
                .labels
                .get(LABEL_SERVICE)
                .is_some_and(|s| services.contains(s))
        })
    {
        report("Container", &c.record.name, "Waiting");
        wait_until(store, &c.record.id, Condition::Ready, timeout)
            .with_context(|| format!("container {}", c.record.name))?;
        report("Container", &c.record.name, "Healthy");
    }
    Ok(())
}

/// Whether `up` builds service `name` first.
fn wants_build(
    store: &Store,
    config: &Config,
    project: &Project,
    name: &str,
    service: &Node,
    when: BuildWhen,
) -> Result<bool> {
    if !super::build::has_build(service) {
        return Ok(false);
    }
    let policy_build = service.text("pull_policy") == Some("build");
    Ok(match when {
        BuildWhen::Never => false,
        BuildWhen::Always => true,
        BuildWhen::Missing if policy_build => true,
        BuildWhen::Missing => {
            let image = super::build::image_name(&project.name, name, service);
            !crate::image::lookup::exists(&store.images()?, &image, config)?
        }
    })
}

/// Build service `name`'s image, its steps shown unless quiet.
pub fn build_one(
    store: &Store,
    config: &Config,
    project: &Project,
    name: &str,
    service: &Node,
    making: &BuildSettings,
    report: Report,
) -> Result<()> {
    let image = super::build::image_name(&project.name, name, service);
    report("Image", &image, "Building");
    let mut out: Box<dyn std::io::Write> = match making.quiet {
        true => Box::new(std::io::sink()),
        false => Box::new(std::io::stderr()),
    };
    super::build::build_service(store, config, project, name, service, making, &mut out)?;
    report("Image", &image, "Built");
    Ok(())
}

fn number_of(c: &Listed) -> Option<u32> {
    c.record
        .labels
        .get(service::LABEL_NUMBER)
        .and_then(|n| n.parse().ok())
}

/// One container of a service: left running if unchanged, started if
/// stopped, made again if its configuration changed, made if missing.
#[allow(clippy::too_many_arguments)]
fn bring_up(
    store: &Store,
    config: &Config,
    driver: &str,
    project: &Project,
    pull: &PullOptions,
    opts: &UpOptions,
    name: &str,
    service: &Node,
    number: u32,
    secrets: &BTreeMap<String, PathBuf>,
    report: Report,
) -> Result<()> {
    let (working_dir, config_files) = project_labels_text(project);
    let at = Instance {
        model: &project.model,
        project: &project.name,
        service: name,
        number,
        working_dir: &working_dir,
        config_files: &config_files,
        files: secrets,
    };
    let cname = service::container_name(service, &at);
    let hash = service::config_hash(service);
    if let Ok(id) = crate::container::find(store, &cname) {
        let record = store.container_record(&id)?;
        let same = record.labels.get(LABEL_HASH) == Some(&hash);
        if record.labels.get(LABEL_PROJECT) != Some(&project.name) {
            bail!("container name {cname:?} is already in use by a container of another project");
        }
        if (same || opts.no_recreate) && !opts.force_recreate {
            let s = state::current(store, &id)?;
            if state::is_active(&s) {
                report("Container", &cname, "Running");
            } else {
                lifecycle::start(store, &id, driver)?;
                report("Container", &cname, "Started");
            }
            return Ok(());
        }
        remove(store, &id, None)?;
        report("Container", &cname, "Recreate");
    }
    let image = super::build::image_name(&project.name, name, service);
    if !super::build::has_build(service) && service.get("image").is_none() {
        bail!("service {name:?} has neither an image nor a build context");
    }
    let flags = service::run_flags(service, &image, &at)?;
    let plan = flags
        .resolve()
        .with_context(|| format!("service {name:?}"))?;
    let command_line = vec!["husk".to_string(), "compose".into(), "up".into()];
    let ctr =
        crate::container::flags::create(store, config, &flags, plan, pull, command_line, driver)
            .with_context(|| format!("creating container {cname}"))?;
    report("Container", &cname, "Created");
    let handover = crate::monitor::detached::Handover {
        stdio: false,
        fds: 0,
        ..Default::default()
    };
    crate::monitor::detached::spawn(store, &ctr, driver, handover)
        .with_context(|| format!("starting container {cname}"))?;
    report("Container", &cname, "Started");
    Ok(())
}

/// `compose run`: the one-off container of service `name` made (its image
/// built if it must be; the project's networks and volumes made, and the
/// services it depends on brought up unless `no_deps`), not started.
#[allow(clippy::too_many_arguments)]
pub fn create_oneoff(
    store: &Store,
    config: &Config,
    project: &Project,
    making: &BuildSettings,
    name: &str,
    oneoff: &service::OneOff,
    no_deps: bool,
    report: Report,
) -> Result<crate::container::Container> {
    let all = services(project);
    let (_, def) = all
        .iter()
        .find(|(n, _)| n == name)
        .ok_or_else(|| anyhow!("no such service: {name}"))?;
    let deps: Vec<String> = super::graph::dependencies(&project.model)
        .get(name)
        .cloned()
        .unwrap_or_default();
    if !no_deps && !deps.is_empty() {
        let opts = UpOptions {
            services: deps,
            wait_timeout: Duration::from_secs(120),
            ..Default::default()
        };
        up(store, config, project, making, &opts, report)?;
    } else {
        networks(store, project, report)?;
        volumes(store, project, report)?;
    }
    if wants_build(store, config, project, name, def, BuildWhen::Missing)? {
        build_one(store, config, project, name, def, making, report)?;
    }
    if !no_deps {
        wait_dependencies(store, project, def, Duration::from_secs(120), report)?;
    }
    let secrets = secret_files(store, project)?;
    let (working_dir, config_files) = project_labels_text(project);
    let at = Instance {
        model: &project.model,
        project: &project.name,
        service: name,
        number: 1,
        working_dir: &working_dir,
        config_files: &config_files,
        files: &secrets,
    };
    let image = super::build::image_name(&project.name, name, def);
    let flags = service::oneoff_flags(def, &image, &at, oneoff)?;
    let plan = flags
        .resolve()
        .with_context(|| format!("service {name:?}"))?;
    let command_line = vec!["husk".to_string(), "compose".into(), "run".into()];
    crate::container::flags::create(
        store,
        config,
        &flags,
        plan,
        &making.pull_options,
        command_line,
        &making.driver,
    )
}

/// The project's directory and its files, as the labels give them.
fn project_labels_text(project: &Project) -> (String, String) {
    let files: Vec<String> = project
        .files
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    (project.dir.display().to_string(), files.join(","))
}

/// Wait until each of `service`'s dependencies meets its condition: started
/// (it was started before), healthy, or exited with 0.
fn wait_dependencies(
    store: &Store,
    project: &Project,
    service: &Node,
    timeout: Duration,
    report: Report,
) -> Result<()> {
    let Some(Node {
        value: Value::Map(deps),
        ..
    }) = service.get("depends_on")
    else {
        return Ok(());
    };
    let existing = containers(store, &project.name)?;
    for (dep, spec) in deps {
        let condition = spec
            .get("condition")
            .and_then(Node::as_scalar)
            .unwrap_or("service_started");
        let wanted = match condition {
            "service_healthy" => Condition::Healthy,
            "service_completed_successfully" => Condition::Completed,
            _ => continue,
        };
        for c in existing
            .iter()
            .filter(|c| c.record.labels.get(LABEL_SERVICE) == Some(&dep.name))
        {
            report("Container", &c.record.name, "Waiting");
            let s = wait_until(store, &c.record.id, wanted, timeout)
                .with_context(|| format!("dependency {} of the project", dep.name))?;
            match wanted {
                Condition::Completed if s.exit_code != Some(0) => bail!(
                    "service {:?} didn't complete successfully: exit {}",
                    dep.name,
                    s.exit_code.unwrap_or(-1)
                ),
                _ => report("Container", &c.record.name, "Healthy"),
            }
        }
    }
    Ok(())
}

/// What a dependency must reach before its dependents start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Condition {
    Healthy,
    Completed,
    /// `up --wait`: running, and healthy if it has a health check.
    Ready,
}

/// Wait for `wanted`, or fail: unhealthy, exited before healthy, or out of time.
fn wait_until(
    store: &Store,
    id: &str,
    wanted: Condition,
    timeout: Duration,
) -> Result<crate::store::containers::ContainerState> {
    use crate::container::health::Status as Health;
    let start = Instant::now();
    loop {
        let s = state::current(store, id)?;
        let health = s.health.as_ref().map(|h| h.status);
        let active = state::is_active(&s);
        match wanted {
            Condition::Healthy if health == Some(Health::Healthy) => return Ok(s),
            Condition::Healthy if health == Some(Health::Unhealthy) => {
                bail!("the container is unhealthy")
            }
            Condition::Healthy if !active => bail!("the container exited before it was healthy"),
            Condition::Completed if !active => return Ok(s),
            Condition::Ready => match health {
                Some(Health::Healthy) => return Ok(s),
                Some(Health::Unhealthy) => bail!("the container is unhealthy"),
                _ if !active => bail!(
                    "the container exited with code {}",
                    s.exit_code.unwrap_or(-1)
                ),
                None if s.status == crate::store::containers::Status::Running => return Ok(s),
                _ => {}
            },
            _ => {}
        }
        if start.elapsed() > timeout {
            bail!(
                "not {} after {} s",
                match wanted {
                    Condition::Healthy => "healthy",
                    Condition::Completed => "completed",
                    Condition::Ready => "running and healthy",
                },
                timeout.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Containers of services the project no longer has: a warning, or removed.
fn orphans(
    store: &Store,
    project: &Project,
    existing: &[Listed],
    remove_them: bool,
    report: Report,
) -> Result<()> {
    let names: Vec<String> = services(project).into_iter().map(|(n, _)| n).collect();
    for c in existing {
        let service = c
            .record
            .labels
            .get(LABEL_SERVICE)
            .cloned()
            .unwrap_or_default();
        if names.contains(&service) || project.disabled.contains(&service) {
            continue;
        }
        match remove_them {
            true => {
                remove(store, &c.record.id, None)?;
                report("Container", &c.record.name, "Removed");
            }
            false => report(
                "Container",
                &c.record.name,
                "Orphan (its service is gone; --remove-orphans removes it)",
            ),
        }
    }
    Ok(())
}

/// The project's networks, made where missing (external ones must exist).
fn networks(store: &Store, project: &Project, report: Report) -> Result<()> {
    for Resource { key, def, name } in resources(project, "networks") {
        if is_external(&def) {
            crate::network::config::find(store, &name).with_context(|| {
                format!("network {name} declared as external, but could not be found")
            })?;
            continue;
        }
        if crate::network::config::find(store, &name).is_ok() {
            continue;
        }
        let labels = project_labels(&def, project, "network", &key);
        let opts = crate::network::config::CreateOptions {
            name: Some(name.clone()),
            labels,
            ignore: true,
            internal: def.text("internal") == Some("true"),
            ..network_settings(&def).with_context(|| format!("networks.{key}"))?
        };
        crate::network::config::create(store, &opts)
            .with_context(|| format!("creating network {name}"))?;
        report("Network", &name, "Created");
    }
    Ok(())
}

/// A network's `driver` (bridge only), `driver_opts` and `ipam.config`
/// (its first entry's subnet, gateway and ip_range) as husk's options.
fn network_settings(def: &Node) -> Result<crate::network::config::CreateOptions> {
    use crate::network::config::{CreateOptions, DriverOptions, IpRange};
    match def.text("driver") {
        None | Some("bridge") => {}
        Some(d) => bail!("driver {d:?}: husk's networks are bridges (driver: bridge)"),
    }
    let opts: Vec<String> = def
        .entries("driver_opts")
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or("")))
        .collect();
    let mut out = CreateOptions {
        options: DriverOptions::parse(&opts)?,
        ..Default::default()
    };
    let first = match def
        .get("ipam")
        .and_then(|i| i.get("config"))
        .map(|c| &c.value)
    {
        Some(Value::Seq(items)) => items.first(),
        _ => None,
    };
    if let Some(c) = first {
        out.subnet = c.text("subnet").map(|s| s.parse()).transpose()?;
        out.gateway = c
            .text("gateway")
            .map(|g| {
                g.parse()
                    .with_context(|| format!("gateway {g:?}: an IPv4 address"))
            })
            .transpose()?;
        out.ip_range = c.text("ip_range").map(IpRange::parse).transpose()?;
    }
    Ok(out)
}

/// The project's named volumes, made where missing (external ones must exist).
fn volumes(store: &Store, project: &Project, report: Report) -> Result<()> {
    for Resource { key, def, name } in resources(project, "volumes") {
        if is_external(&def) {
            crate::volume::find(store, &name)
                .with_context(|| format!("external volume {name:?} not found"))?;
            continue;
        }
        let labels = project_labels(&def, project, "volume", &key);
        let opts = crate::volume::CreateOptions {
            name: Some(name.clone()),
            labels,
            ..Default::default()
        };
        let (_, made) = crate::volume::create(store, &opts)
            .with_context(|| format!("creating volume {name}"))?;
        if made {
            report("Volume", &name, "Created");
        }
    }
    Ok(())
}

/// Where the project keeps the files of its secrets and configs that come
/// from a variable or the files' own text (removed by `down`).
fn files_dir(store: &Store, project: &str) -> Result<PathBuf> {
    // The name is a path component: never `/`, `..` or empty.
    if !super::load::valid_name(project) {
        bail!("invalid project name {project:?}");
    }
    Ok(store.root().join("compose").join(project))
}

/// The host file of each top-level secret and config, by `secrets.KEY` /
/// `configs.KEY`: its `file`, or one written from its `environment`
/// variable or `content`.
pub fn secret_files(store: &Store, project: &Project) -> Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    for kind in ["secrets", "configs"] {
        for (key, def) in section(project, kind) {
            let path = match (
                def.text("file"),
                def.text("environment"),
                def.text("content"),
            ) {
                (Some(f), _, _) => {
                    let path = PathBuf::from(f);
                    if !path.is_file() {
                        bail!("{kind}.{key}: the file {f} does not exist");
                    }
                    path
                }
                (None, Some(var), _) => {
                    let value = project
                        .vars
                        .get(var)
                        .with_context(|| format!("{kind}.{key}: the variable {var} is not set"))?;
                    write_file(store, project, kind, &key, value.as_bytes())?
                }
                (None, None, Some(content)) => {
                    write_file(store, project, kind, &key, content.as_bytes())?
                }
                _ if is_external(&def) => {
                    bail!("{kind}.{key}: external {kind} are a swarm's; husk compose takes a file, an environment variable or content")
                }
                _ => bail!("{kind}.{key}: give it a file, an environment variable or content"),
            };
            out.insert(format!("{kind}.{key}"), path);
        }
    }
    Ok(out)
}

/// A secret's or config's text as a file in the project's directory
/// (private to the user; readable by whoever the container runs as).
fn write_file(
    store: &Store,
    project: &Project,
    kind: &str,
    key: &str,
    bytes: &[u8],
) -> Result<PathBuf> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let dir = files_dir(store, &project.name)?.join(kind);
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .with_context(|| format!("creating {}", dir.display()))?;
    let path = dir.join(key);
    store.write_atomic(&path, bytes)?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444))
        .with_context(|| format!("setting the mode of {}", path.display()))?;
    Ok(path)
}

/// `down --rmi`: the services' images that no other container uses.
fn remove_images(
    store: &Store,
    config: &Config,
    project: &Project,
    which: RemoveImages,
    report: Report,
) -> Result<()> {
    let mut seen = Vec::new();
    for (name, def) in services(project) {
        let local = def.get("image").is_none();
        if which == RemoveImages::Local && !local {
            continue;
        }
        let image = super::build::image_name(&project.name, &name, &def);
        if seen.contains(&image) || !crate::image::lookup::exists(&store.images()?, &image, config)?
        {
            continue;
        }
        match crate::image::remove::remove(store, config, &image, false) {
            Ok(_) => report("Image", &image, "Removed"),
            Err(e) => report("Image", &image, &format!("not removed: {e:#}")),
        }
        seen.push(image);
    }
    Ok(())
}

/// A declared network or volume: its key in the files, its definition, its name.
struct Resource {
    key: String,
    def: Node,
    name: String,
}

fn resources(project: &Project, kind: &str) -> Vec<Resource> {
    section(project, kind)
        .into_iter()
        .map(|(key, def)| Resource {
            name: def
                .get("name")
                .and_then(Node::as_scalar)
                .unwrap_or(&key)
                .to_string(),
            key,
            def,
        })
        .collect()
}

fn is_external(def: &Node) -> bool {
    def.text("external") == Some("true")
}

/// A network's or volume's own labels, and the project's
/// (`com.docker.compose.project`, `com.docker.compose.KIND`).
fn project_labels(
    def: &Node,
    project: &Project,
    kind: &str,
    key: &str,
) -> BTreeMap<String, String> {
    let mut labels: BTreeMap<String, String> = def
        .entries("labels")
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.unwrap_or("").to_string()))
        .collect();
    labels.insert(LABEL_PROJECT.into(), project.name.clone());
    labels.insert(format!("com.docker.compose.{kind}"), key.to_string());
    labels
}

/// Stop (within `timeout`) and remove a container.
fn remove(store: &Store, id: &str, timeout: Option<u32>) -> Result<()> {
    lifecycle::stop(store, id, timeout)?;
    crate::container::remove(store, id)
}

/// Take project `name` down: its containers stopped and removed (dependents
/// first when the project's files are at hand), its networks removed, and
/// with `volumes` its named volumes. Found by their labels: what a killed
/// `up` left half-made goes too.
pub fn down(
    store: &Store,
    config: &Config,
    name: &str,
    project: Option<&Project>,
    opts: &DownOptions,
    report: Report,
) -> Result<()> {
    // In waves by the containers' depends_on labels: what a killed up left,
    // and a project whose files are gone, go in the right order too.
    let existing = containers(store, name)?;
    super::control::stop_all(store, &existing, opts.timeout, report)?;
    let remove = |c: &Listed| -> Result<bool> {
        crate::container::remove(store, &c.record.id)?;
        Ok(true)
    };
    super::control::each_in_waves(
        &existing,
        super::control::Order::DependentsFirst,
        "Removed",
        &remove,
        report,
    )?;
    for net in crate::network::config::list(store)? {
        if net.labels.get(LABEL_PROJECT).map(String::as_str) == Some(name) {
            crate::network::config::remove(store, &net.name, false, None)?;
            report("Network", &net.name, "Removed");
        }
    }
    if let (Some(which), Some(p)) = (opts.images, project) {
        remove_images(store, config, p, which, report)?;
    }
    let dir = files_dir(store, name)?;
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
    }
    if opts.volumes {
        for vol in crate::volume::list(store)? {
            if vol.labels.get(LABEL_PROJECT).map(String::as_str) == Some(name) {
                crate::volume::remove(store, &vol.name, false, None)?;
                report("Volume", &vol.name, "Removed");
            }
        }
    }
    Ok(())
}
