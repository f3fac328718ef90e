//! What `kube play` will make, worked out and checked before anything is
//! made: each pod with its network flags, each container as `husk run`
//! options, the ConfigMap and Secret files, the claims' volumes. A missing
//! ConfigMap key, a host port published twice, a name in use: errors here,
//! with nothing made.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};

use super::model::{
    self, Container, EnvValue, Object, PodObject, Probe, ProbeAction, VolumeSource,
};
use crate::container::flags::RunFlags;

/// `kube play`'s options that change the plan.
#[derive(Debug, Clone, Default)]
pub struct PlayOptions {
    /// `--network`: the pods' network instead of [`super::DEFAULT_NETWORK`].
    pub network: Option<String>,
    /// `--publish [[IP:]HOSTPORT:]PORT[/PROTO]`: a container port of the
    /// pods published (over the YAML's hostPort for it).
    pub publish: Vec<String>,
    /// `--annotation KEY=VALUE` on every container.
    pub annotations: Vec<String>,
    pub log_driver: Option<String>,
    pub log_opt: Vec<String>,
    pub no_hosts: bool,
    /// `--build`: Some(true) always, Some(false) never, None where the image is missing.
    pub build: Option<bool>,
    /// `--context-dir`: where the images' build directories are (default: the YAML's directory).
    pub context_dir: Option<PathBuf>,
}

/// Everything the YAML asks for.
#[derive(Debug, Default)]
pub struct Plan {
    pub pods: Vec<PodPlan>,
    /// The PersistentVolumeClaims' (and claims the pods name) volumes, made if missing.
    pub claims: Vec<(String, BTreeMap<String, String>)>,
    /// The network the pods join, made if missing (None: host or a mode).
    pub network: Option<String>,
    /// The YAML's workloads (`Pod/NAME`, `Deployment/NAME`), whose pods
    /// `--replace` removes.
    pub workloads: Vec<String>,
    /// Images to build where missing: (image, directory).
    pub builds: Vec<(String, PathBuf)>,
    /// `--build`: build them even where they exist.
    pub build_always: bool,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PodPlan {
    pub name: String,
    /// `Pod/NAME` or `Deployment/NAME`: the pod's [`super::LABEL_OBJECT`].
    pub object: String,
    pub labels: BTreeMap<String, String>,
    pub hostname: Option<String>,
    /// The infra container's network flags (-p, --network, aliases, DNS).
    pub infra: RunFlags,
    /// Directories under the pod's own (`kube/VOLUME`).
    pub dirs: Vec<PodDir>,
    pub init: Vec<ContainerPlan>,
    pub containers: Vec<ContainerPlan>,
}

/// A directory of the pod's: ConfigMap or Secret files, or none (an
/// emptyDir, mode 0777).
#[derive(Debug, Clone, PartialEq)]
pub struct PodDir {
    pub volume: String,
    pub files: Vec<DataFile>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataFile {
    pub path: String,
    pub bytes: Vec<u8>,
    pub mode: u32,
}

#[derive(Debug, Clone)]
pub struct ContainerPlan {
    /// Its name in the YAML (the container is `POD-NAME`).
    pub name: String,
    pub flags: RunFlags,
    /// Mounts of the pod's directories: (volume, sub path, destination, read-only).
    pub pod_dirs: Vec<(String, Option<String>, String, bool)>,
    /// Its ports in the YAML (a Service's targetPort may name one).
    pub ports: Vec<model::Port>,
}

/// The plan for `objects` (the YAML's, read already; the reader's warnings
/// are the caller's to print), with `--configmap`'s ConfigMaps.
pub fn make(
    objects: Vec<Object>,
    extra_configmaps: Vec<Object>,
    yaml_dir: &Path,
    opts: &PlayOptions,
) -> Result<Plan> {
    let mut plan = Plan::default();
    let data = |secret: bool| -> BTreeMap<String, BTreeMap<String, Vec<u8>>> {
        objects
            .iter()
            .chain(&extra_configmaps)
            .filter_map(|o| match (o, secret) {
                (Object::ConfigMap(d), false) | (Object::Secret(d), true) => {
                    Some((d.meta.name.clone(), d.data.clone()))
                }
                _ => None,
            })
            .collect()
    };
    let sources = Sources {
        configmaps: data(false),
        secrets: data(true),
    };
    plan.network = match opts.network.as_deref() {
        None => Some(super::DEFAULT_NETWORK.to_string()),
        Some(n)
            if matches!(
                n,
                "host" | "none" | "pasta" | "slirp4netns" | "private" | "bridge"
            ) || n.starts_with("container:")
                || n.starts_with("ns:") =>
        {
            None
        }
        Some(n) => Some(n.to_string()),
    };
    for o in &objects {
        match o {
            Object::Pod(p) => plan.pods.push(pod(
                p,
                &p.meta.name,
                format!("Pod/{}", p.meta.name),
                &sources,
                &plan.network,
                opts,
                &mut plan.claims,
            )?),
            Object::Deployment(d) => {
                if d.replicas == 0 {
                    plan.warnings.push(format!(
                        "Deployment {}: replicas is 0, no pod is made",
                        d.meta.name
                    ));
                }
                for name in replica_names(d) {
                    plan.pods.push(pod(
                        &d.template,
                        &name,
                        format!("Deployment/{}", d.meta.name),
                        &sources,
                        &plan.network,
                        opts,
                        &mut plan.claims,
                    )?);
                }
            }
            Object::Claim(m) => {
                crate::volume::check_name(&m.name)
                    .map_err(|e| anyhow!("PersistentVolumeClaim {}: {e:#}", m.name))?;
                plan.claims.push((m.name.clone(), m.labels.clone()))
            }
            _ => {}
        }
    }
    if plan.pods.is_empty() && !objects.iter().any(|o| matches!(o, Object::Deployment(_))) {
        bail!("the YAML has no Pod or Deployment to run");
    }
    // One volume per name: the claim's own entry (with its labels) before a pod's mention.
    plan.claims
        .sort_by(|a, b| a.0.cmp(&b.0).then(b.1.len().cmp(&a.1.len())));
    plan.claims.dedup_by(|a, b| a.0 == b.0);
    unique_names(&plan)?;
    plan.workloads = names(&objects).0;
    for o in &objects {
        if let Object::Service(s) = o {
            service(s, &mut plan)?;
        }
    }
    publish_flags(&mut plan, &opts.publish)?;
    check_ports(&plan)?;
    plan.builds = builds(&plan, yaml_dir, opts);
    plan.build_always = opts.build == Some(true);
    Ok(plan)
}

/// A Deployment's pods: `NAME-pod` (podman's name) for one replica,
/// `NAME-pod-0`… for more.
fn replica_names(d: &model::Deployment) -> Vec<String> {
    match d.replicas {
        1 => vec![format!("{}-pod", d.meta.name)],
        n => (0..n).map(|i| format!("{}-pod-{i}", d.meta.name)).collect(),
    }
}

/// The workloads (`Pod/NAME`, `Deployment/NAME`: the pods' [`super::LABEL_OBJECT`])
/// and the claims' volumes the objects name: what `kube down` removes (no
/// ConfigMap is needed to know them, and a Deployment's pods are found
/// whatever its replicas are now).
pub fn names(objects: &[Object]) -> (Vec<String>, Vec<String>) {
    let mut workloads = Vec::new();
    let mut claims = Vec::new();
    let claims_of = |spec: &model::PodSpec| {
        spec.volumes
            .iter()
            .filter_map(|v| match &v.source {
                VolumeSource::Claim { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    for o in objects {
        match o {
            Object::Pod(p) => {
                workloads.push(format!("Pod/{}", p.meta.name));
                claims.extend(claims_of(&p.spec));
            }
            Object::Deployment(d) => {
                workloads.push(format!("Deployment/{}", d.meta.name));
                claims.extend(claims_of(&d.template.spec));
            }
            Object::Claim(m) => claims.push(m.name.clone()),
            _ => {}
        }
    }
    claims.sort();
    claims.dedup();
    (workloads, claims)
}

struct Sources {
    configmaps: BTreeMap<String, BTreeMap<String, Vec<u8>>>,
    secrets: BTreeMap<String, BTreeMap<String, Vec<u8>>>,
}

impl Sources {
    /// The data of ConfigMap (or Secret) `name`; None if it is optional and missing.
    fn get(
        &self,
        secret: bool,
        name: &str,
        optional: bool,
    ) -> Result<Option<&BTreeMap<String, Vec<u8>>>> {
        let (map, kind) = match secret {
            true => (&self.secrets, "Secret"),
            false => (&self.configmaps, "ConfigMap"),
        };
        match map.get(name) {
            Some(d) => Ok(Some(d)),
            None if optional => Ok(None),
            None => bail!(
                "no {kind} named {name:?} (give it in the YAML{})",
                if secret { "" } else { " or with --configmap" }
            ),
        }
    }

    fn value(&self, secret: bool, name: &str, key: &str, optional: bool) -> Result<Option<String>> {
        let Some(d) = self.get(secret, name, optional)? else {
            return Ok(None);
        };
        match d.get(key) {
            Some(v) => Ok(Some(String::from_utf8_lossy(v).into_owned())),
            None if optional => Ok(None),
            None => bail!(
                "{} {name:?} has no key {key:?}",
                if secret { "Secret" } else { "ConfigMap" }
            ),
        }
    }
}

fn pod(
    p: &PodObject,
    name: &str,
    object: String,
    sources: &Sources,
    network: &Option<String>,
    opts: &PlayOptions,
    claims: &mut Vec<(String, BTreeMap<String, String>)>,
) -> Result<PodPlan> {
    let what = format!("{object} (pod {name})");
    let s = &p.spec;
    let mut infra = RunFlags::with_defaults("infra")?;
    infra.network = match s.host_network {
        true => Some("host".into()),
        false => opts.network.clone().or_else(|| network.clone()),
    };
    infra.publish = p
        .spec
        .containers
        .iter()
        .flat_map(|c| &c.ports)
        .filter_map(|port| {
            port.host.map(|h| match &port.host_ip {
                Some(ip) => format!("{ip}:{h}:{}/{}", port.container, port.protocol),
                None => format!("{h}:{}/{}", port.container, port.protocol),
            })
        })
        .collect();
    if s.host_network && !infra.publish.is_empty() {
        infra.publish.clear(); // the host's own ports are the container's
    }
    infra.add_host = s
        .host_aliases
        .iter()
        .flat_map(|(ip, names)| names.iter().map(move |n| format!("{n}:{ip}")))
        .collect();
    infra.dns = s.dns_servers.clone();
    infra.dns_search = s.dns_searches.clone();
    infra.dns_option = s.dns_options.clone();
    let mut labels = p.meta.labels.clone();
    labels.insert(super::LABEL_OBJECT.into(), object.clone());
    let mut plan = PodPlan {
        name: name.to_string(),
        object,
        labels,
        hostname: s.hostname.clone(),
        infra,
        dirs: Vec::new(),
        init: Vec::new(),
        containers: Vec::new(),
    };
    let volumes =
        volumes(p, sources, &mut plan.dirs, claims).map_err(|e| anyhow!("{what}: {e}"))?;
    for (init, list) in [(true, &s.init_containers), (false, &s.containers)] {
        for c in list {
            let made = container(p, name, c, init, sources, &volumes, opts)
                .map_err(|e| anyhow!("{what}: container {}: {e}", c.name))?;
            match init {
                true => plan.init.push(made),
                false => plan.containers.push(made),
            }
        }
    }
    Ok(plan)
}

/// What a pod's volume is mounted as.
enum Mounted {
    /// A host path (hostPath), to bind.
    Host(String),
    /// A named volume (persistentVolumeClaim).
    Named(String, bool),
    /// One of the pod's own directories (configMap, secret, emptyDir).
    /// `true`: ConfigMap or Secret files, always mounted read-only (as
    /// Kubernetes does); `false`: an emptyDir.
    PodDir(bool),
    Tmpfs(Option<String>),
}

fn volumes(
    p: &PodObject,
    sources: &Sources,
    dirs: &mut Vec<PodDir>,
    claims: &mut Vec<(String, BTreeMap<String, String>)>,
) -> Result<BTreeMap<String, Mounted>> {
    let mut out = BTreeMap::new();
    for v in &p.spec.volumes {
        let m = match &v.source {
            VolumeSource::HostPath { path, kind } => {
                if !path.starts_with('/') {
                    bail!("volume {}: hostPath {path:?} is not absolute", v.name);
                }
                let exists = Path::new(path).exists();
                match kind.as_deref() {
                    None | Some("DirectoryOrCreate") | Some("FileOrCreate") => {}
                    Some("Directory") if Path::new(path).is_dir() => {}
                    Some("File" | "Socket" | "CharDevice" | "BlockDevice") if exists => {}
                    Some(k @ ("Directory" | "File" | "Socket" | "CharDevice" | "BlockDevice")) => {
                        bail!("volume {}: hostPath {path} ({k}) does not exist", v.name)
                    }
                    Some(k) => bail!(
                        "volume {}: hostPath type {k:?} is not one Kubernetes has",
                        v.name
                    ),
                }
                Mounted::Host(path.clone())
            }
            VolumeSource::Claim { name, read_only } => {
                crate::volume::check_name(name)?;
                claims.push((name.clone(), BTreeMap::new()));
                Mounted::Named(name.clone(), *read_only)
            }
            VolumeSource::EmptyDir { memory: true, size } => Mounted::Tmpfs(size.clone()),
            VolumeSource::EmptyDir { memory: false, .. } => {
                dirs.push(PodDir {
                    volume: v.name.clone(),
                    files: Vec::new(),
                });
                Mounted::PodDir(false)
            }
            VolumeSource::Data {
                secret,
                name,
                items,
                optional,
                mode,
            } => {
                let mode = mode.unwrap_or(0o644);
                let mut files = Vec::new();
                if let Some(data) = sources
                    .get(*secret, name, *optional)
                    .map_err(|e| anyhow!("volume {}: {e}", v.name))?
                {
                    let chosen: Vec<(String, String)> = match items.is_empty() {
                        true => data.keys().map(|k| (k.clone(), k.clone())).collect(),
                        false => items.clone(),
                    };
                    for (key, path) in chosen {
                        let Some(bytes) = data.get(&key) else {
                            bail!(
                                "volume {}: {} {name:?} has no key {key:?}",
                                v.name,
                                if *secret { "Secret" } else { "ConfigMap" }
                            );
                        };
                        check_relative(&path).map_err(|e| anyhow!("volume {}: {e}", v.name))?;
                        files.push(DataFile {
                            path,
                            bytes: bytes.clone(),
                            mode,
                        });
                    }
                }
                dirs.push(PodDir {
                    volume: v.name.clone(),
                    files,
                });
                Mounted::PodDir(true)
            }
        };
        if out.insert(v.name.clone(), m).is_some() {
            bail!("two volumes are named {:?}", v.name);
        }
    }
    Ok(out)
}

/// A path inside a volume: relative, no `..`.
fn check_relative(path: &str) -> Result<()> {
    let p = Path::new(path);
    if path.is_empty()
        || p.is_absolute()
        || p.components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        bail!("{path:?} is not a path inside the volume");
    }
    Ok(())
}

fn container(
    p: &PodObject,
    pod: &str,
    c: &Container,
    init: bool,
    sources: &Sources,
    volumes: &BTreeMap<String, Mounted>,
    opts: &PlayOptions,
) -> Result<ContainerPlan> {
    let mut f = RunFlags::with_defaults(&c.image)?;
    f.detach = true;
    f.name = Some(format!("{pod}-{}", c.name));
    for e in &c.env_from {
        if let Some(d) = sources.get(e.secret, &e.name, e.optional)? {
            for (k, v) in d {
                f.env
                    .push(format!("{}{k}={}", e.prefix, String::from_utf8_lossy(v)));
            }
        }
    }
    for (name, value) in &c.env {
        let v = match value {
            // Only a literal value refers to earlier variables; a ConfigMap's is as it is.
            EnvValue::Value(v) => Some(expand(v, &f.env)),
            EnvValue::ConfigMapKey {
                name: cm,
                key,
                optional,
            } => sources
                .value(false, cm, key, *optional)
                .map_err(|e| anyhow!("env {name}: {e}"))?,
            EnvValue::SecretKey {
                name: s,
                key,
                optional,
            } => sources
                .value(true, s, key, *optional)
                .map_err(|e| anyhow!("env {name}: {e}"))?,
            EnvValue::Field(field) if field == "metadata.name" => Some(pod.to_string()),
            EnvValue::Field(_) => Some("default".into()),
        };
        if let Some(v) = v {
            f.env.push(format!("{name}={v}"));
        }
    }
    // `$(VAR)` in command and args: the container's variables.
    let expanded =
        |words: &[String]| -> Vec<String> { words.iter().map(|w| expand(w, &f.env)).collect() };
    if let Some(cmd) = &c.command {
        f.entrypoint = Some(serde_json::to_string(&expanded(cmd))?);
    }
    if let Some(args) = &c.args {
        f.command = expanded(args);
    }
    f.workdir = c.working_dir.clone();
    let sec = merged_security(&p.spec.security, &c.security);
    f.user = match (sec.run_as_user, sec.run_as_group) {
        (Some(u), Some(g)) => Some(format!("{u}:{g}")),
        (Some(u), None) => Some(u.to_string()),
        (None, Some(g)) => Some(format!("0:{g}")),
        (None, None) => None,
    };
    f.group_add = sec.supplemental_groups.iter().map(u32::to_string).collect();
    f.cap_add = sec.cap_add.clone();
    f.cap_drop = sec.cap_drop.clone();
    f.read_only = sec.read_only;
    f.privileged = sec.privileged;
    if sec.no_new_privileges {
        f.security_opt.push("no-new-privileges".into());
    }
    f.restart = match (init, p.spec.restart_policy.as_deref()) {
        (true, _) | (false, Some("Never")) => "no".into(),
        (false, Some("OnFailure")) => "on-failure".into(),
        (false, _) => "always".into(),
    };
    f.pull = match c.pull_policy.as_deref() {
        Some("Always") => "always".into(),
        Some("Never") => "never".into(),
        _ => "missing".into(),
    };
    f.stop_timeout = p.spec.grace_seconds;
    f.limits.memory = c.memory.map(|m| m.to_string());
    f.limits.cpus = c.cpus.clone();
    f.interactive = c.stdin;
    f.tty = c.tty;
    f.annotation = p
        .meta
        .annotations
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .chain(opts.annotations.iter().cloned())
        .collect();
    f.log_driver = opts.log_driver.clone();
    f.log_opt = opts.log_opt.clone();
    f.no_hosts = opts.no_hosts;
    if let Some(probe) = &c.liveness {
        let (cmd, interval, timeout, retries, start) = health(probe, c)?;
        f.health_cmd = Some(cmd);
        f.health_interval = Some(interval);
        f.health_timeout = Some(timeout);
        f.health_retries = Some(retries);
        f.health_start_period = start;
    }
    if let Some(probe) = &c.startup {
        let (cmd, interval, timeout, retries, _) = health(probe, c)?;
        f.health_startup_cmd = Some(cmd);
        f.health_startup_interval = Some(interval);
        f.health_startup_timeout = Some(timeout);
        f.health_startup_retries = Some(retries);
    }
    let mut pod_dirs = Vec::new();
    for m in &c.mounts {
        let Some(v) = volumes.get(&m.name) else {
            bail!("volumeMounts: no volume named {:?} in the pod", m.name);
        };
        if let Some(sub) = &m.sub_path {
            check_relative(sub).map_err(|e| anyhow!("volumeMounts {}: subPath {e}", m.name))?;
        }
        let ro = if m.read_only { ":ro" } else { "" };
        match v {
            Mounted::Host(path) => {
                let source = match &m.sub_path {
                    Some(sub) => format!("{}/{sub}", path.trim_end_matches('/')),
                    None => path.clone(),
                };
                f.volume.push(format!("{source}:{}{ro}", m.path));
            }
            Mounted::Named(name, claim_ro) => {
                if m.sub_path.is_some() {
                    bail!("volumeMounts {}: subPath of a persistentVolumeClaim is not supported by husk", m.name);
                }
                let ro = if m.read_only || *claim_ro { ":ro" } else { "" };
                f.volume.push(format!("{name}:{}{ro}", m.path));
            }
            Mounted::Tmpfs(size) => {
                if m.sub_path.is_some() {
                    bail!(
                        "volumeMounts {}: subPath of a memory emptyDir is not supported by husk",
                        m.name
                    );
                }
                f.tmpfs.push(match size {
                    Some(s) => format!("{}:size={s}", m.path),
                    None => m.path.clone(),
                });
            }
            Mounted::PodDir(data) => {
                // A container could turn a path of a shared, writable emptyDir into a
                // symlink to anywhere: the bind of a subPath would follow it.
                if !data && m.sub_path.is_some() {
                    bail!(
                        "volumeMounts {}: subPath of an emptyDir is not supported by husk",
                        m.name
                    );
                }
                pod_dirs.push((
                    m.name.clone(),
                    m.sub_path.clone(),
                    m.path.clone(),
                    m.read_only || *data,
                ))
            }
        }
    }
    // Every value checked now, as `husk run` would (the pod's namespaces are
    // joined at play time).
    f.resolve().map_err(|e| anyhow!("{e:#}"))?;
    Ok(ContainerPlan {
        name: c.name.clone(),
        flags: f,
        pod_dirs,
        ports: c.ports.clone(),
    })
}

/// `$(VAR)` replaced by an earlier variable of the container (Kubernetes'
/// rule): an unknown one is left as it is, `$$(` is a literal `$(`.
fn expand(value: &str, env: &[String]) -> String {
    let lookup = |name: &str| {
        env.iter()
            .rev()
            .find_map(|e| e.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
    };
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(r) = after.strip_prefix("$(") {
            out.push_str("$(");
            rest = r;
            continue;
        }
        if let Some((name, r)) = after.strip_prefix('(').and_then(|i| i.split_once(')')) {
            match lookup(name) {
                Some(v) => out.push_str(v),
                None => out.push_str(&format!("$({name})")),
            }
            rest = r;
            continue;
        }
        out.push('$');
        rest = after;
    }
    out.push_str(rest);
    out
}

fn merged_security(pod: &model::Security, c: &model::Security) -> model::Security {
    model::Security {
        run_as_user: c.run_as_user.or(pod.run_as_user),
        run_as_group: c.run_as_group.or(pod.run_as_group),
        supplemental_groups: pod.supplemental_groups.clone(),
        ..c.clone()
    }
}

/// A probe as husk's health flags: (command, interval, timeout, retries, start period).
fn health(p: &Probe, c: &Container) -> Result<(String, String, String, u32, Option<String>)> {
    let port = |port: &str| -> Result<String> {
        if port.parse::<u16>().is_ok() {
            return Ok(port.to_string());
        }
        c.ports
            .iter()
            .find(|p| p.name.as_deref() == Some(port))
            .map(|p| p.container.to_string())
            .ok_or_else(|| anyhow!("probe: no container port is named {port:?}"))
    };
    let cmd = match &p.action {
        ProbeAction::Exec(argv) => serde_json::to_string(
            &std::iter::once("CMD".to_string())
                .chain(argv.iter().cloned())
                .collect::<Vec<_>>(),
        )?,
        ProbeAction::Http {
            port: p,
            path,
            scheme,
        } => {
            let url = format!("{scheme}://localhost:{}{path}", port(p)?);
            let url = shell_words::quote(&url);
            format!("curl -fs {url} >/dev/null || wget -q -O /dev/null {url} || exit 1")
        }
        ProbeAction::Tcp { port: p } => format!("nc -z localhost {} || exit 1", port(p)?),
    };
    Ok((
        cmd,
        format!("{}s", p.period.unwrap_or(10)),
        format!("{}s", p.timeout.unwrap_or(1)),
        p.failure_threshold.unwrap_or(3),
        p.initial_delay.map(|d| format!("{d}s")),
    ))
}

/// A Service: its name an alias of the pods it selects on the network, its
/// ports published (NodePort: the nodePort; LoadBalancer: the port) by the
/// first pod it selects.
fn service(s: &model::Service, plan: &mut Plan) -> Result<()> {
    if s.selector.is_empty() {
        plan.warnings.push(format!(
            "Service {}: it has no selector, so it selects no pod",
            s.meta.name
        ));
        return Ok(());
    }
    let chosen: Vec<usize> = (0..plan.pods.len())
        .filter(|&i| {
            s.selector
                .iter()
                .all(|(k, v)| plan.pods[i].labels.get(k) == Some(v))
        })
        .collect();
    let Some(&first) = chosen.first() else {
        plan.warnings.push(format!(
            "Service {}: its selector matches no pod of the YAML",
            s.meta.name
        ));
        return Ok(());
    };
    for &i in &chosen {
        if plan.network.is_some() {
            plan.pods[i].infra.network_alias.push(s.meta.name.clone());
        }
    }
    for port in &s.ports {
        let target = match &port.target {
            None => port.port.to_string(),
            Some(t) if t.parse::<u16>().is_ok() => t.clone(),
            Some(name) => plan.pods[first]
                .containers
                .iter()
                .flat_map(|c| &c.ports)
                .find(|p| p.name.as_deref() == Some(name.as_str()))
                .map(|p| p.container.to_string())
                .ok_or_else(|| {
                    anyhow!(
                        "Service {}: no container port of pod {} is named {name:?}",
                        s.meta.name,
                        plan.pods[first].name
                    )
                })?,
        };
        let host = match (s.kind.as_str(), port.node_port) {
            ("NodePort", Some(n)) => Some(n.to_string()),
            ("NodePort", None) => Some(String::new()), // a free port
            ("LoadBalancer", _) => Some(port.port.to_string()),
            _ => None,
        };
        let Some(host) = host else { continue };
        let spec = format!("{target}/{}", port.protocol);
        let infra = &mut plan.pods[first].infra;
        if infra
            .publish
            .iter()
            .any(|p| p.ends_with(&format!(":{spec}")))
            && host.is_empty()
        {
            continue; // the pod publishes it already
        }
        let mapping = match host.is_empty() {
            true => spec,
            false => format!("{host}:{spec}"),
        };
        if infra.publish.contains(&mapping) {
            continue; // the container's own hostPort says the same
        }
        infra.publish.push(mapping);
        if chosen.len() > 1 {
            plan.warnings.push(format!(
                "Service {}: port {} is published by pod {} only (one host)",
                s.meta.name, port.port, plan.pods[first].name
            ));
        }
    }
    Ok(())
}

/// No two pods, and no two containers, of the YAML with one name.
fn unique_names(plan: &Plan) -> Result<()> {
    let mut pods = std::collections::BTreeSet::new();
    let mut containers = std::collections::BTreeSet::new();
    for p in &plan.pods {
        if !pods.insert(p.name.as_str()) {
            bail!("two pods of the YAML are named {}", p.name);
        }
        for c in p.init.iter().chain(&p.containers) {
            let name = c.flags.name.as_deref().unwrap_or_default();
            if !containers.insert(name) {
                bail!("two containers of the YAML are named {name}");
            }
        }
    }
    Ok(())
}

/// `--publish`: over the YAML's hostPort of that container port, else on the
/// pod whose container declares the port, else on the first pod.
fn publish_flags(plan: &mut Plan, publish: &[String]) -> Result<()> {
    for p in publish {
        let parsed = crate::network::ports::parse(p)?;
        let Some(first) = parsed.first() else {
            continue;
        };
        let port = format!(":{}/{}", first.container_port, first.protocol);
        let target = plan.pods.iter().position(|pod| {
            pod.infra
                .publish
                .iter()
                .any(|x| x.ends_with(&port) || x == &port[1..])
        });
        let i = match target {
            Some(i) => i,
            None if !plan.pods.is_empty() => 0,
            None => continue,
        };
        let infra = &mut plan.pods[i].infra;
        infra
            .publish
            .retain(|x| !(x.ends_with(&port) || x == &port[1..]));
        infra.publish.push(p.clone());
    }
    Ok(())
}

/// No host port published twice: two pods (or replicas) cannot both have it.
fn check_ports(plan: &Plan) -> Result<()> {
    let mut seen: BTreeMap<(String, u16, String), &str> = BTreeMap::new();
    for pod in &plan.pods {
        for p in &pod.infra.publish {
            for m in crate::network::ports::parse(p)? {
                if m.host_port == 0 {
                    continue;
                }
                let key = (
                    m.host_ip
                        .map(|i| i.to_string())
                        .unwrap_or_else(|| "0.0.0.0".into()),
                    m.host_port,
                    m.protocol.to_string(),
                );
                if let Some(other) = seen.insert(key, &pod.name) {
                    bail!(
                        "host port {}/{} is published twice: by pod {other} and by pod {}",
                        m.host_port,
                        m.protocol,
                        pod.name
                    );
                }
            }
        }
    }
    Ok(())
}

/// The images `--build` (or a missing image) builds: each container's image
/// whose last name part names a directory with a Containerfile or Dockerfile.
fn builds(plan: &Plan, yaml_dir: &Path, opts: &PlayOptions) -> Vec<(String, PathBuf)> {
    if opts.build == Some(false) {
        return Vec::new();
    }
    let base = opts
        .context_dir
        .clone()
        .unwrap_or_else(|| yaml_dir.to_path_buf());
    let mut out: Vec<(String, PathBuf)> = Vec::new();
    for c in plan
        .pods
        .iter()
        .flat_map(|p| p.init.iter().chain(&p.containers))
    {
        let image = &c.flags.image;
        let repo = image.rsplit('/').next().unwrap_or(image);
        let repo = repo.split(['@', ':']).next().unwrap_or(repo);
        let dir = base.join(repo);
        let has_file = ["Containerfile", "Dockerfile"]
            .iter()
            .any(|f| dir.join(f).is_file());
        if has_file && !out.iter().any(|(i, _)| i == image) {
            out.push((image.clone(), dir));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(text: &str) -> Result<Plan> {
        let read = model::read(text, Path::new("k.yaml"))?;
        make(
            read.objects,
            Vec::new(),
            Path::new("/nonexistent"),
            &PlayOptions::default(),
        )
    }

    const POD: &str = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, labels: {app: web}}\nspec:\n  containers:\n  - name: c\n    image: busybox\n    ports: [{containerPort: 80, hostPort: 8080}]\n";

    #[test]
    fn containers_become_run_flags() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {k: v}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: OnFailure\n  containers:\n  - name: a\n    image: busybox\n    command: [sh]\n    args: [-c, 'echo $K']\n    env: [{name: K, valueFrom: {configMapKeyRef: {name: cm, key: k}}}, {name: L, value: '$(K)x'}]\n    securityContext: {runAsUser: 1000, capabilities: {add: [NET_ADMIN]}}\n    volumeMounts: [{name: conf, mountPath: /etc/conf}]\n  volumes: [{name: conf, configMap: {name: cm}}]\n";
        let p = plan(text).unwrap();
        let c = &p.pods[0].containers[0];
        assert_eq!(c.flags.name.as_deref(), Some("p-a"));
        assert_eq!(c.flags.entrypoint.as_deref(), Some(r#"["sh"]"#));
        assert_eq!(c.flags.command, vec!["-c", "echo $K"]);
        assert_eq!(c.flags.env, vec!["K=v", "L=vx"]);
        assert_eq!(c.flags.user.as_deref(), Some("1000"));
        assert_eq!(c.flags.restart, "on-failure");
        assert_eq!(
            c.pod_dirs,
            vec![("conf".to_string(), None, "/etc/conf".to_string(), true)]
        );
        assert_eq!(
            p.pods[0].dirs,
            vec![PodDir {
                volume: "conf".to_string(),
                files: vec![DataFile {
                    path: "k".to_string(),
                    bytes: b"v".to_vec(),
                    mode: 0o644
                }]
            }]
        );
        assert_eq!(p.network.as_deref(), Some(super::super::DEFAULT_NETWORK));
    }

    #[test]
    fn bad_input_is_refused_before_anything_is_made() {
        let e = |t: &str| format!("{:#}", plan(t).unwrap_err());
        let missing_key = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {k: v}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, env: [{name: X, valueFrom: {configMapKeyRef: {name: cm, key: nope}}}]}]}\n";
        assert!(
            e(missing_key).contains("ConfigMap \"cm\" has no key \"nope\""),
            "{}",
            e(missing_key)
        );
        let twice = format!("{POD}---\n{}", POD.replace("name: web,", "name: web2,"));
        assert!(
            e(&twice).contains("host port 8080/tcp is published twice: by pod web and by pod web2"),
            "{}",
            e(&twice)
        );
        let replicas = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 2\n  template:\n    spec: {containers: [{name: a, image: b, ports: [{containerPort: 80, hostPort: 9000}]}]}\n";
        assert!(
            e(replicas).contains("published twice: by pod d-pod-0 and by pod d-pod-1"),
            "{}",
            e(replicas)
        );
        assert!(e(
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {a: b}}\n"
        )
        .contains("no Pod or Deployment"));
    }

    #[test]
    fn deployments_and_services() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 0\n  template:\n    spec: {containers: [{name: a, image: b}]}\n";
        let p = plan(text).unwrap();
        assert!(p.pods.is_empty());
        assert_eq!(
            p.warnings,
            vec!["Deployment d: replicas is 0, no pod is made".to_string()]
        );
        let svc = format!("{POD}---\napiVersion: v1\nkind: Service\nmetadata: {{name: front}}\nspec:\n  type: NodePort\n  selector: {{app: web}}\n  ports: [{{port: 8000, targetPort: 80, nodePort: 30080}}]\n");
        let p = plan(&svc).unwrap();
        assert_eq!(p.pods[0].infra.network_alias, vec!["front"]);
        assert_eq!(p.pods[0].infra.publish, vec!["8080:80/tcp", "30080:80/tcp"]);
    }

    #[test]
    fn hostile_volumes_and_names() {
        let e = |t: &str| format!("{:#}", plan(t).unwrap_err());
        let sub = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: b, volumeMounts: [{name: e, mountPath: /x, subPath: link}]}]\n  volumes: [{name: e, emptyDir: {}}]\n";
        assert!(
            e(sub).contains("subPath of an emptyDir is not supported"),
            "{}",
            e(sub)
        );
        let twice = "apiVersion: v1\nkind: Pod\nmetadata: {name: d-pod}\nspec: {containers: [{name: a, image: b}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {containers: [{name: a, image: b}]}\n";
        assert!(
            e(twice).contains("two pods of the YAML are named d-pod"),
            "{}",
            e(twice)
        );
        let clash = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: b-c, image: x}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a-b}\nspec: {containers: [{name: c, image: x}]}\n";
        assert!(
            e(clash).contains("two containers of the YAML are named a-b-c"),
            "{}",
            e(clash)
        );
        // ConfigMap files are read-only, whatever the mount says; $(VAR) reaches args.
        let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {k: '$(A)'}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: b\n    args: [echo, '$(A)', '$$(A)']\n    env: [{name: A, value: one}, {name: K, valueFrom: {configMapKeyRef: {name: cm, key: k}}}]\n    volumeMounts: [{name: c, mountPath: /c}]\n  volumes: [{name: c, configMap: {name: cm}}]\n";
        let p = plan(cm).unwrap();
        let c = &p.pods[0].containers[0];
        assert!(c.pod_dirs[0].3);
        assert_eq!(c.flags.command, vec!["echo", "one", "$(A)"]);
        assert_eq!(c.flags.env, vec!["A=one", "K=$(A)"]);
    }

    #[test]
    fn env_references() {
        assert_eq!(expand("$(A)-$(B)-$(", &["A=1".into()]), "1-$(B)-$(");
        assert_eq!(expand("$$(A) $A $(A)", &["A=1".into()]), "$(A) $A 1");
    }
}
