//! `kube generate`: Kubernetes YAML for containers, pods and volumes.
//!
//! A pod becomes a `Pod` (its infra container left out: Kubernetes has its
//! own); containers that are in no pod become one `Pod` named after the
//! first (`NAME-pod`, as podman names it); a volume a
//! `PersistentVolumeClaim`. With `--type deployment` each Pod is the
//! template of a `Deployment`, and with `--service` each pod that publishes
//! ports gets a `NodePort` `Service` selecting it.
//!
//! Only what differs from the image is written (a command, environment or
//! working directory the image has is the image's business), so that the
//! YAML runs the same workload wherever the image is.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use serde_json::{json, Map, Value};

use crate::container::Container;
use crate::pod::PodRecord;
use crate::store::Store;

/// The kind of workload written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pod,
    Deployment,
}

#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub kind: Kind,
    /// A Deployment's replicas.
    pub replicas: u32,
    /// `-s`: a Service for each pod's published ports.
    pub service: bool,
}

/// One workload's source: a pod, or loose containers.
struct Workload {
    /// Its Kubernetes name.
    name: String,
    /// What its containers' names start with (`POD-`), left out of theirs.
    prefix: String,
    labels: BTreeMap<String, String>,
    hostname: Option<String>,
    /// The infra container of a pod (its ports, hosts and DNS).
    infra: Option<Container>,
    containers: Vec<Container>,
}

/// The YAML documents for `names` (containers, pods or volumes).
pub fn generate(store: &Store, names: &[String], opts: &GenerateOptions) -> Result<String> {
    if opts.kind == Kind::Deployment && opts.replicas == 0 {
        bail!("--replicas 0: a Deployment runs at least one pod here");
    }
    let mut workloads: Vec<Workload> = Vec::new();
    let mut loose: Vec<Container> = Vec::new();
    let mut claims = Vec::new();
    for name in names {
        if let Ok(id) = crate::container::find(store, name) {
            let ctr = crate::container::load(store, &id)?;
            if let Some(pod) = ctr.record.pod.clone() {
                let pod = crate::pod::find(store, &pod)?;
                bail!(
                    "container {name} is in pod {}: generate the pod's YAML (kube generate {})",
                    pod.name,
                    pod.name
                );
            }
            loose.push(ctr);
        } else if let Ok(pod) = crate::pod::find(store, name) {
            workloads.push(pod_workload(store, &pod)?);
        } else if crate::volume::find(store, name).is_ok() {
            claims.push(claim(name));
        } else {
            return Err(crate::error::Failure::new(
                crate::error::EXIT_TOOL,
                format!("no container, pod or volume named {name:?}"),
            )
            .into());
        }
    }
    if let Some(first) = loose.first() {
        let name = dns_name(&format!("{}-pod", first.record.name));
        workloads.insert(
            0,
            Workload {
                name,
                prefix: String::new(),
                labels: BTreeMap::new(),
                hostname: user_hostname(first),
                infra: None,
                containers: loose,
            },
        );
    }
    let mut docs: Vec<Value> = Vec::new();
    for w in &workloads {
        let (pod_meta, spec, ports) = pod_parts(store, w, opts.kind)?;
        if opts.service && !ports.is_empty() {
            let app = pod_meta["labels"]["app"]
                .as_str()
                .unwrap_or(&w.name)
                .to_string();
            docs.push(service(&w.name, &app, &ports));
        }
        docs.push(match opts.kind {
            Kind::Pod => {
                json!({"apiVersion": "v1", "kind": "Pod", "metadata": pod_meta, "spec": spec})
            }
            Kind::Deployment => deployment(&w.name, pod_meta, spec, opts.replicas),
        });
    }
    docs.extend(claims);
    Ok(text(&docs))
}

/// The documents as YAML, with podman's header.
fn text(docs: &[Value]) -> String {
    let mut out = format!("# Save the output of this file and use kubectl create -f to import\n# it into Kubernetes.\n#\n# Created with husk-{}\n", env!("CARGO_PKG_VERSION"));
    for d in docs {
        out.push_str("---\n");
        out.push_str(&crate::yaml::emit::yaml(
            &crate::yaml::emit::from_json(d),
            false,
        ));
    }
    out
}

fn pod_workload(store: &Store, pod: &PodRecord) -> Result<Workload> {
    let ids = crate::pod::containers(store, pod)?;
    let mut containers = Vec::new();
    let mut infra = None;
    for id in ids {
        let ctr = crate::container::load(store, &id)?;
        match id == pod.infra {
            true => infra = Some(ctr),
            false => containers.push(ctr),
        }
    }
    if containers.is_empty() {
        bail!(
            "pod {} has no containers but its infra container: Kubernetes has no such pod",
            pod.name
        );
    }
    Ok(Workload {
        name: dns_name(&pod.name),
        prefix: format!("{}-", pod.name),
        labels: pod.labels.clone(),
        hostname: (pod.hostname != pod.name).then(|| pod.hostname.clone()),
        infra,
        containers,
    })
}

/// A loose container's host name, if it was given one (not its id's start).
fn user_hostname(c: &Container) -> Option<String> {
    let h = c.spec.hostname().clone()?;
    (!c.record.id.starts_with(&h) && h != c.record.name).then_some(h)
}

/// The pod's metadata, spec, and its published ports (for a Service).
fn pod_parts(store: &Store, w: &Workload, kind: Kind) -> Result<(Value, Value, Vec<Value>)> {
    let mut labels = Map::new();
    labels.insert("app".into(), json!(w.name));
    let mut annotations = Map::new();
    for (k, v) in w.labels.iter().filter(|(k, _)| !k.starts_with("io.husk.")) {
        match is_label(k, v) {
            true => labels.insert(k.clone(), json!(v)),
            false => annotations.insert(k.clone(), json!(v)),
        };
    }
    let mut volumes = Volumes::default();
    let mut containers = Vec::new();
    let mut published = Vec::new();
    // A pod's ports are its infra container's: each goes to the container
    // whose image exposes it, else to the first.
    let infra_ports = w
        .infra
        .as_ref()
        .map(|i| i.record.network.ports.clone())
        .unwrap_or_default();
    let mut port_owner = vec![0usize; infra_ports.len()];
    let configs: Vec<Value> = w
        .containers
        .iter()
        .map(|c| image_config(store, c))
        .collect::<Result<_>>()?;
    for (i, p) in infra_ports.iter().enumerate() {
        let key = format!("{}/{}", p.container_port, p.protocol);
        if let Some(at) = configs.iter().position(|cfg| {
            cfg.pointer("/config/ExposedPorts")
                .and_then(|e| e.get(&key))
                .is_some()
        }) {
            port_owner[i] = at;
        }
    }
    for (n, (c, cfg)) in w.containers.iter().zip(&configs).enumerate() {
        let mut ports: Vec<&crate::network::PortMapping> = c.record.network.ports.iter().collect();
        ports.extend(
            infra_ports
                .iter()
                .enumerate()
                .filter(|(i, _)| port_owner[*i] == n)
                .map(|(_, p)| p),
        );
        let (mut spec, ann) = container(c, cfg, &w.prefix, &ports, &mut volumes)?;
        let taken: Vec<String> = containers
            .iter()
            .map(|c: &Value| c["name"].as_str().unwrap_or_default().to_string())
            .collect();
        spec["name"] = json!(unique(
            spec["name"].as_str().unwrap_or_default().to_string(),
            &taken
        ));
        for (k, v) in ann {
            annotations.insert(k, v);
        }
        for p in ports.iter().filter(|p| p.host_port != 0) {
            let port = service_port(p);
            if !published.iter().any(|q: &Value| q["name"] == port["name"]) {
                published.push(port);
            }
        }
        containers.push(spec);
    }
    let mut meta = json!({"creationTimestamp": crate::image::write::timestamp(None), "labels": labels, "name": w.name});
    if !annotations.is_empty() {
        meta["annotations"] = Value::Object(annotations);
    }
    let first = &w.containers[0];
    let restart = match (kind, first.record.restart.name) {
        (Kind::Deployment, _) => "Always",
        (_, crate::store::containers::Restart::No) => "Never",
        (_, crate::store::containers::Restart::OnFailure) => "OnFailure",
        _ => "Always",
    };
    let mut spec = json!({"containers": containers, "restartPolicy": restart});
    if let Some(h) = &w.hostname {
        spec["hostname"] = json!(h);
    }
    let names_of = w.infra.as_ref().unwrap_or(first);
    let names = &names_of.record.names;
    if !names.extra_hosts.is_empty() {
        let mut by_ip: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (host, ip) in &names.extra_hosts {
            by_ip.entry(ip.to_string()).or_default().push(host.clone());
        }
        spec["hostAliases"] = by_ip
            .into_iter()
            .map(|(ip, hostnames)| json!({"ip": ip, "hostnames": hostnames}))
            .collect();
    }
    if !names.dns.is_empty() || !names.dns_search.is_empty() || !names.dns_options.is_empty() {
        let mut dns = Map::new();
        if !names.dns.is_empty() {
            dns.insert(
                "nameservers".into(),
                json!(names.dns.iter().map(|d| d.to_string()).collect::<Vec<_>>()),
            );
        }
        if !names.dns_search.is_empty() {
            dns.insert("searches".into(), json!(names.dns_search));
        }
        if !names.dns_options.is_empty() {
            let opts: Vec<Value> = names
                .dns_options
                .iter()
                .map(|o| match o.split_once(':') {
                    Some((n, v)) => json!({"name": n, "value": v}),
                    None => json!({"name": o}),
                })
                .collect();
            dns.insert("options".into(), Value::Array(opts));
        }
        spec["dnsConfig"] = Value::Object(dns);
    }
    if names_of.record.network.mode == crate::network::NetworkMode::Host {
        spec["hostNetwork"] = json!(true);
    }
    if let Some(t) = first
        .record
        .stop_timeout
        .filter(|t| *t != crate::container::lifecycle::DEFAULT_STOP_TIMEOUT)
    {
        spec["terminationGracePeriodSeconds"] = json!(t);
    }
    if !volumes.list.is_empty() {
        spec["volumes"] = Value::Array(volumes.list);
    }
    Ok((meta, spec, published))
}

fn image_config(store: &Store, c: &Container) -> Result<Value> {
    if c.record.rootfs.is_some() {
        return Ok(json!({}));
    }
    let blob = store
        .get_blob(&c.record.image)
        .with_context(|| format!("the image of container {}", c.record.name))?;
    serde_json::from_slice(&blob).context("parsing the image config")
}

/// The pod's volumes, each named once.
#[derive(Default)]
struct Volumes {
    list: Vec<Value>,
}

impl Volumes {
    /// The name of volume `source` (made if new), from `base`.
    fn add(&mut self, base: &str, source: Value) -> String {
        // A host path or a claim is one volume however often it is mounted; an
        // anonymous volume or a tmpfs is each mount's own.
        let shared =
            source.get("hostPath").is_some() || source.get("persistentVolumeClaim").is_some();
        if let Some(v) = self.list.iter().find(|v| shared && strip_name(v) == source) {
            return v["name"].as_str().unwrap_or_default().to_string();
        }
        let names: Vec<String> = self
            .list
            .iter()
            .map(|v| v["name"].as_str().unwrap_or_default().to_string())
            .collect();
        let name = unique(dns_name(base), &names);
        let mut v = source;
        v["name"] = json!(name);
        self.list.push(v);
        name
    }
}

/// `name`, or `name-2`, `name-3`… (within 63 characters) if `taken` has it.
fn unique(name: String, taken: &[String]) -> String {
    let mut candidate = name.clone();
    let mut n = 1;
    while taken.contains(&candidate) {
        n += 1;
        let suffix = format!("-{n}");
        let stem = &name[..name.len().min(63 - suffix.len())];
        candidate = format!("{}{suffix}", stem.trim_end_matches('-'));
    }
    candidate
}

fn strip_name(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("name");
    }
    v
}

/// `text` as a Kubernetes name: lower case, `-` for anything else, at most 63.
fn dns_name(text: &str) -> String {
    let mut s: String = text
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    let s = s.trim_matches('-');
    let s = &s[..s.len().min(63)];
    match s.trim_end_matches('-') {
        "" => "volume".to_string(),
        s => s.to_string(),
    }
}

/// One container's spec, and the annotations it brings to the pod.
fn container(
    c: &Container,
    cfg: &Value,
    prefix: &str,
    ports: &[&crate::network::PortMapping],
    volumes: &mut Volumes,
) -> Result<(Value, Vec<(String, Value)>)> {
    let r = &c.record;
    let image_cfg = cfg.get("config").cloned().unwrap_or(Value::Null);
    let strings = crate::build::stage::strings;
    let name = match prefix.is_empty() {
        true => &r.name,
        false => r.name.strip_prefix(prefix).unwrap_or(&r.name),
    };
    let mut out = Map::new();
    out.insert("name".into(), json!(dns_name(name)));
    out.insert("image".into(), json!(r.image_name));
    let split = r.entrypoint_len.unwrap_or(0).min(r.command.len());
    let (entrypoint, cmd) = r.command.split_at(split);
    let (image_ep, image_cmd) = (
        strings(image_cfg.get("Entrypoint")),
        strings(image_cfg.get("Cmd")),
    );
    if entrypoint != image_ep.as_slice() {
        // Kubernetes' command replaces the entrypoint and drops the image's Cmd.
        match entrypoint.is_empty() {
            true => {
                out.insert("command".into(), json!(cmd));
            }
            false => {
                out.insert("command".into(), json!(entrypoint));
                if !cmd.is_empty() {
                    out.insert("args".into(), json!(cmd));
                }
            }
        }
    } else if cmd != image_cmd.as_slice() {
        out.insert("args".into(), json!(cmd));
    }
    let process = c.spec.process().clone().unwrap_or_default();
    let image_env = strings(image_cfg.get("Env"));
    let env: Vec<Value> =
        crate::secret::mount::hide_env(process.env().clone().unwrap_or_default(), &r.secrets)
            .iter()
            .filter(|e| !image_env.contains(e))
            .filter_map(|e| e.split_once('='))
            .filter(|(k, v)| !is_default_env(k, v))
            .map(|(k, v)| json!({"name": k, "value": v}))
            .collect();
    if !env.is_empty() {
        out.insert("env".into(), Value::Array(env));
    }
    let image_workdir = image_cfg
        .get("WorkingDir")
        .and_then(Value::as_str)
        .filter(|w| !w.is_empty())
        .unwrap_or("/");
    let cwd = process.cwd().display().to_string();
    if cwd != image_workdir {
        out.insert("workingDir".into(), json!(cwd));
    }
    let ports: Vec<Value> = ports
        .iter()
        .map(|p| {
            let mut o = json!({"containerPort": p.container_port});
            if p.host_port != 0 {
                o["hostPort"] = json!(p.host_port);
            }
            if let Some(ip) = p.host_ip {
                o["hostIP"] = json!(ip.to_string());
            }
            if p.protocol.to_string() == "udp" {
                o["protocol"] = json!("UDP");
            }
            o
        })
        .collect();
    if !ports.is_empty() {
        out.insert("ports".into(), Value::Array(ports));
    }
    if let Some(sc) = security_context(c) {
        out.insert("securityContext".into(), sc);
    }
    let mounts = volume_mounts(c, volumes);
    if !mounts.is_empty() {
        out.insert("volumeMounts".into(), Value::Array(mounts));
    }
    if let Some(h) = &r.healthcheck {
        out.insert(
            "livenessProbe".into(),
            probe(&h.test, h.interval, h.timeout, h.start_period, h.retries),
        );
        if let Some(s) = &h.startup {
            out.insert(
                "startupProbe".into(),
                probe(
                    &s.test,
                    s.interval,
                    s.timeout,
                    std::time::Duration::ZERO,
                    s.retries,
                ),
            );
        }
    }
    if let Some(res) = resources(c) {
        out.insert("resources".into(), res);
    }
    if r.interactive {
        out.insert("stdin".into(), json!(true));
    }
    if r.tty {
        out.insert("tty".into(), json!(true));
    }
    let annotations = c
        .spec
        .annotations()
        .clone()
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| {
            !k.starts_with("io.husk.") && !k.starts_with("org.opencontainers.") && is_qualified(k)
        })
        .map(|(k, v)| (k, json!(v)))
        .collect();
    Ok((Value::Object(out), annotations))
}

/// What husk itself puts in every container's environment.
fn is_default_env(key: &str, value: &str) -> bool {
    match key {
        "PATH" => value == "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "HOSTNAME" => true,
        // The user's home (or the working directory, for a uid without one).
        "HOME" => true,
        "TERM" => value == "xterm",
        "container" => true,
        _ => false,
    }
}

fn security_context(c: &Container) -> Option<Value> {
    let mut sc = Map::new();
    let user = c.spec.process().as_ref().map(|p| p.user().clone());
    if let Some(o) = &c.record.options {
        if o.user.is_some() {
            if let Some(u) = &user {
                sc.insert("runAsUser".into(), json!(u.uid()));
                sc.insert("runAsGroup".into(), json!(u.gid()));
            }
        }
        let caps = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|c| {
                    c.to_ascii_uppercase()
                        .trim_start_matches("CAP_")
                        .to_string()
                })
                .collect()
        };
        let mut capabilities = Map::new();
        if !o.cap_add.is_empty() {
            capabilities.insert("add".into(), json!(caps(&o.cap_add)));
        }
        if !o.cap_drop.is_empty() {
            capabilities.insert("drop".into(), json!(caps(&o.cap_drop)));
        }
        if !capabilities.is_empty() {
            sc.insert("capabilities".into(), Value::Object(capabilities));
        }
        if o.read_only {
            sc.insert("readOnlyRootFilesystem".into(), json!(true));
        }
        if o.privileged {
            sc.insert("privileged".into(), json!(true));
        }
        if o.security.no_new_privileges {
            sc.insert("allowPrivilegeEscalation".into(), json!(false));
        }
    }
    (!sc.is_empty()).then_some(Value::Object(sc))
}

fn volume_mounts(c: &Container, volumes: &mut Volumes) -> Vec<Value> {
    let Some(m) = &c.record.mounts else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut mount = |name: String, path: &std::path::Path, ro: bool| {
        let mut v = json!({"mountPath": path.display().to_string(), "name": name});
        if ro {
            v["readOnly"] = json!(true);
        }
        out.push(v);
    };
    for b in &m.binds {
        let kind = if b.source.is_dir() {
            "Directory"
        } else {
            "File"
        };
        let src = b.source.display().to_string();
        let name = volumes.add(
            &format!("{}-host", src.trim_start_matches('/')),
            json!({"hostPath": {"path": src, "type": kind}}),
        );
        mount(name, &b.destination, !b.writable());
    }
    for v in &m.volumes {
        let source = match v.anonymous {
            true => json!({"emptyDir": {}}),
            false => json!({"persistentVolumeClaim": {"claimName": v.name}}),
        };
        let base = if v.anonymous {
            "anonymous".to_string()
        } else {
            format!("{}-pvc", v.name)
        };
        let name = volumes.add(&base, source);
        mount(name, &v.destination, !v.writable());
    }
    for t in &m.tmpfs {
        let mut source = json!({"emptyDir": {"medium": "Memory"}});
        if let Some(size) = t.options.iter().find_map(|o| o.strip_prefix("size=")) {
            source["emptyDir"]["sizeLimit"] = json!(size);
        }
        let name = volumes.add(&format!("tmpfs{}", t.destination.display()), source);
        mount(name, &t.destination, false);
    }
    out
}

/// A health check as a probe (`CMD-SHELL` through /bin/sh -c).
fn probe(
    test: &[String],
    interval: std::time::Duration,
    timeout: std::time::Duration,
    start: std::time::Duration,
    retries: u32,
) -> Value {
    let command: Vec<String> = match test.split_first() {
        Some((kind, rest)) if kind == "CMD-SHELL" => {
            vec!["/bin/sh".into(), "-c".into(), rest.join(" ")]
        }
        Some((kind, rest)) if kind == "CMD" => rest.to_vec(),
        _ => test.to_vec(),
    };
    let mut p = json!({"exec": {"command": command}, "periodSeconds": interval.as_secs().max(1), "timeoutSeconds": timeout.as_secs().max(1), "failureThreshold": retries.max(1)});
    if start.as_secs() > 0 {
        p["initialDelaySeconds"] = json!(start.as_secs());
    }
    p
}

fn resources(c: &Container) -> Option<Value> {
    let r = c.spec.linux().as_ref()?.resources().as_ref()?;
    let mut limits = Map::new();
    if let Some(m) = r
        .memory()
        .as_ref()
        .and_then(|m| m.limit())
        .filter(|m| *m > 0)
    {
        limits.insert("memory".into(), json!(m.to_string()));
    }
    if let Some(cpu) = r.cpu().as_ref() {
        if let (Some(q), Some(p)) = (cpu.quota(), cpu.period()) {
            if q > 0 && p > 0 {
                limits.insert("cpu".into(), json!(format!("{}m", q as u64 * 1000 / p)));
            }
        }
    }
    (!limits.is_empty()).then(|| json!({"limits": limits}))
}

fn service_port(p: &crate::network::PortMapping) -> Value {
    let proto = p.protocol.to_string().to_ascii_uppercase();
    let mut v = json!({"name": format!("{}-{}", p.container_port, proto.to_ascii_lowercase()), "port": p.container_port, "protocol": proto, "targetPort": p.container_port});
    // A node port must be in Kubernetes' range; elsewhere the cluster picks one.
    if (30000..=32767).contains(&p.host_port) {
        v["nodePort"] = json!(p.host_port);
    }
    v
}

/// A NodePort Service selecting the pods labelled `app`; its name a DNS-1035
/// label (a letter first).
fn service(pod: &str, app: &str, ports: &[Value]) -> Value {
    let name = match pod.starts_with(|c: char| c.is_ascii_digit()) {
        true => dns_name(&format!("svc-{pod}")),
        false => pod.to_string(),
    };
    json!({
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"creationTimestamp": crate::image::write::timestamp(None), "labels": {"app": app}, "name": name},
        "spec": {"ports": ports, "selector": {"app": app}, "type": "NodePort"},
    })
}

fn deployment(pod: &str, mut meta: Value, spec: Value, replicas: u32) -> Value {
    let labels = meta["labels"].clone();
    if let Some(o) = meta.as_object_mut() {
        o.remove("name");
        o.remove("creationTimestamp");
    }
    json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"creationTimestamp": crate::image::write::timestamp(None), "labels": {"app": pod}, "name": format!("{pod}-deployment")},
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": {"app": labels["app"].clone()}},
            "template": {"metadata": meta, "spec": spec},
        },
    })
}

fn claim(name: &str) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "PersistentVolumeClaim",
        "metadata": {"creationTimestamp": crate::image::write::timestamp(None), "name": name},
        "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}},
    })
}

/// A Kubernetes label: a qualified key, a value of at most 63 of [A-Za-z0-9-_.].
fn is_label(key: &str, value: &str) -> bool {
    let value_ok = value.len() <= 63
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && (value.is_empty()
            || (value.starts_with(|c: char| c.is_ascii_alphanumeric())
                && value.ends_with(|c: char| c.is_ascii_alphanumeric())));
    is_qualified(key) && value_ok
}

/// A qualified name: `[prefix/]name`, the name at most 63 of [A-Za-z0-9-_.]
/// starting and ending alphanumeric, the prefix a DNS subdomain.
fn is_qualified(key: &str) -> bool {
    let (prefix, name) = match key.rsplit_once('/') {
        Some((p, n)) => (Some(p), n),
        None => (None, key),
    };
    let name_ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    let prefix_ok =
        prefix.is_none_or(|p| p.len() <= 253 && p.split('.').all(super::model::is_dns_name));
    name_ok && prefix_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(dns_name("tmp/My_Dir-host"), "tmp-my-dir-host");
        assert_eq!(dns_name("///"), "volume");
        assert!(is_label("app", "web"));
        assert!(is_label("example.com/tier", "a.b_c"));
        assert!(!is_label("k", "has space"));
        assert!(!is_label("Bad/key", "v"));
        assert!(!is_qualified("io.husk./x"));
    }

    #[test]
    fn probes() {
        let p = probe(
            &["CMD-SHELL".into(), "ls /".into()],
            std::time::Duration::from_secs(30),
            std::time::Duration::from_secs(5),
            std::time::Duration::ZERO,
            3,
        );
        assert_eq!(
            p,
            json!({"exec": {"command": ["/bin/sh", "-c", "ls /"]}, "periodSeconds": 30, "timeoutSeconds": 5, "failureThreshold": 3})
        );
    }

    #[test]
    fn unique_names_stay_within_63() {
        let long = "a".repeat(63);
        let got = unique(long.clone(), std::slice::from_ref(&long));
        assert_eq!(got.len(), 63);
        assert!(got.ends_with("-2"));
        assert_eq!(
            unique("web".into(), &["web".into(), "web-2".into()]),
            "web-3"
        );
    }

    #[test]
    fn volumes_are_named_once() {
        let mut v = Volumes::default();
        let a = v.add(
            "data-pvc",
            json!({"persistentVolumeClaim": {"claimName": "data"}}),
        );
        let b = v.add(
            "data-pvc",
            json!({"persistentVolumeClaim": {"claimName": "data"}}),
        );
        let c = v.add(
            "data-pvc",
            json!({"persistentVolumeClaim": {"claimName": "data2"}}),
        );
        assert_eq!(
            (a.as_str(), b.as_str(), c.as_str()),
            ("data-pvc", "data-pvc", "data-pvc-2")
        );
        // Two tmpfs mounts are two volumes, even alike.
        let t1 = v.add("tmpfs", json!({"emptyDir": {"medium": "Memory"}}));
        let t2 = v.add("tmpfs", json!({"emptyDir": {"medium": "Memory"}}));
        assert_ne!(t1, t2);
    }
}
