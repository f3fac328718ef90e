//! Kubernetes objects read from YAML into typed values.
//!
//! Each reader takes the keys it knows; a key it does not act on is a
//! warning (`FILE:LINE: Pod web: spec.containers[0].lifecycle is not
//! supported by husk, ignored`), except the ones that only a cluster writes
//! (`status`, `creationTimestamp`) and empty values. A value of the wrong
//! shape is an error with its file and line.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;

use crate::yaml::{FileError, Node, Pos, Value};

/// A Deployment's replicas are pods on this one host: more than this is a mistake.
const MAX_REPLICAS: u32 = 1000;

/// One object of the YAML.
#[derive(Debug, Clone)]
pub enum Object {
    Pod(PodObject),
    Deployment(Deployment),
    Claim(Meta),
    ConfigMap(DataObject),
    Secret(DataObject),
    Service(Service),
}

impl Object {
    pub fn kind(&self) -> &'static str {
        match self {
            Object::Pod(_) => "Pod",
            Object::Deployment(_) => "Deployment",
            Object::Claim(_) => "PersistentVolumeClaim",
            Object::ConfigMap(_) => "ConfigMap",
            Object::Secret(_) => "Secret",
            Object::Service(_) => "Service",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
    pub pos: Option<Pos>,
}

#[derive(Debug, Clone)]
pub struct PodObject {
    pub meta: Meta,
    pub spec: PodSpec,
}

#[derive(Debug, Clone)]
pub struct Deployment {
    pub meta: Meta,
    pub replicas: u32,
    /// The template's metadata (labels, annotations) and spec.
    pub template: PodObject,
}

#[derive(Debug, Clone, Default)]
pub struct PodSpec {
    pub containers: Vec<Container>,
    pub init_containers: Vec<Container>,
    pub volumes: Vec<Volume>,
    /// Always, OnFailure or Never.
    pub restart_policy: Option<String>,
    pub hostname: Option<String>,
    pub host_network: bool,
    /// (ip, host names)
    pub host_aliases: Vec<(String, Vec<String>)>,
    pub dns_servers: Vec<String>,
    pub dns_searches: Vec<String>,
    pub dns_options: Vec<String>,
    pub security: Security,
    pub grace_seconds: Option<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Container {
    pub name: String,
    pub image: String,
    pub pull_policy: Option<String>,
    pub command: Option<Vec<String>>,
    pub args: Option<Vec<String>>,
    pub env: Vec<(String, EnvValue)>,
    pub env_from: Vec<EnvFrom>,
    pub working_dir: Option<String>,
    pub ports: Vec<Port>,
    pub security: Security,
    pub mounts: Vec<VolumeMount>,
    pub liveness: Option<Probe>,
    pub startup: Option<Probe>,
    pub memory: Option<u64>,
    /// CPUs, as `--cpus` takes them ("0.5").
    pub cpus: Option<String>,
    pub stdin: bool,
    pub tty: bool,
    pub pos: Option<Pos>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum EnvValue {
    Value(String),
    ConfigMapKey {
        name: String,
        key: String,
        optional: bool,
    },
    SecretKey {
        name: String,
        key: String,
        optional: bool,
    },
    /// `fieldRef.fieldPath`: metadata.name, metadata.namespace.
    Field(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnvFrom {
    pub secret: bool,
    pub name: String,
    pub optional: bool,
    pub prefix: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Port {
    pub container: u16,
    pub host: Option<u16>,
    pub host_ip: Option<String>,
    /// tcp or udp.
    pub protocol: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Security {
    pub run_as_user: Option<u32>,
    pub run_as_group: Option<u32>,
    pub supplemental_groups: Vec<u32>,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub read_only: bool,
    pub privileged: bool,
    pub no_new_privileges: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VolumeMount {
    pub name: String,
    pub path: String,
    pub read_only: bool,
    pub sub_path: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Volume {
    pub name: String,
    pub source: VolumeSource,
}

#[derive(Debug, Clone, PartialEq)]
pub enum VolumeSource {
    HostPath {
        path: String,
        kind: Option<String>,
    },
    Claim {
        name: String,
        read_only: bool,
    },
    EmptyDir {
        memory: bool,
        size: Option<String>,
    },
    /// A ConfigMap's or Secret's keys as files: `items` (key, path) or all of them.
    Data {
        secret: bool,
        name: String,
        items: Vec<(String, String)>,
        optional: bool,
        mode: Option<u32>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    pub action: ProbeAction,
    pub initial_delay: Option<u32>,
    pub period: Option<u32>,
    pub timeout: Option<u32>,
    pub failure_threshold: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProbeAction {
    Exec(Vec<String>),
    Http {
        port: String,
        path: String,
        scheme: String,
    },
    Tcp {
        port: String,
    },
}

#[derive(Debug, Clone)]
pub struct DataObject {
    pub meta: Meta,
    pub data: BTreeMap<String, Vec<u8>>,
}

#[derive(Debug, Clone)]
pub struct Service {
    pub meta: Meta,
    pub selector: BTreeMap<String, String>,
    pub ports: Vec<ServicePort>,
    /// ClusterIP, NodePort or LoadBalancer.
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServicePort {
    pub port: u16,
    /// A number, or the name of a container port.
    pub target: Option<String>,
    pub node_port: Option<u16>,
    pub protocol: String,
}

/// What reading found: the objects, and the warnings for what they hold
/// that husk does not act on.
#[derive(Debug, Default)]
pub struct Read {
    pub objects: Vec<Object>,
    pub warnings: Vec<String>,
}

/// The objects of a YAML text (one or more `---` documents).
pub fn read(text: &str, file: &Path) -> Result<Read, FileError> {
    let mut out = Read::default();
    for doc in crate::yaml::parse(text, file)? {
        if doc.is_null() {
            continue;
        }
        read_document(&doc, &mut out)?;
    }
    Ok(out)
}

fn read_document(doc: &Node, out: &mut Read) -> Result<(), FileError> {
    if !matches!(doc.value, Value::Map(_)) {
        return Err(FileError::new(
            &doc.pos,
            format!(
                "not a Kubernetes object: {} where a mapping with apiVersion and kind belongs",
                doc.kind()
            ),
        ));
    }
    let (Some(api), Some(kind)) = (doc.text("apiVersion"), doc.text("kind")) else {
        return Err(FileError::new(
            &doc.pos,
            "not a Kubernetes object: it has no apiVersion and kind",
        ));
    };
    if kind == "List" {
        for item in seq(doc, "items")? {
            read_document(item, out)?;
        }
        return Ok(());
    }
    let mut r = Reader {
        warnings: &mut out.warnings,
        what: format!(
            "{kind} {}",
            doc.get("metadata")
                .and_then(|m| m.text("name"))
                .unwrap_or("?")
        ),
    };
    let known_api = match kind {
        "Pod" | "PersistentVolumeClaim" | "ConfigMap" | "Secret" | "Service" => api == "v1",
        "Deployment" => api == "apps/v1",
        _ => {
            r.warn(
                &doc.pos,
                format!("kind {kind} ({api}) is not run by husk, skipped"),
            );
            return Ok(());
        }
    };
    if !known_api {
        return Err(FileError::new(
            &doc.pos,
            format!(
                "{kind} of apiVersion {api:?}: husk reads {kind} of {}",
                if kind == "Deployment" {
                    "apps/v1"
                } else {
                    "v1"
                }
            ),
        ));
    }
    let object = match kind {
        "Pod" => {
            r.keys(doc, "", &["apiVersion", "kind", "metadata", "spec"]);
            Object::Pod(PodObject {
                meta: r.meta(doc, true)?,
                spec: r.pod_spec(need(doc, "spec")?, "spec.")?,
            })
        }
        "Deployment" => Object::Deployment(r.deployment(doc)?),
        "PersistentVolumeClaim" => {
            r.keys(doc, "", &["apiVersion", "kind", "metadata", "spec"]);
            if let Some(spec) = doc.get("spec") {
                // What one host's volume always satisfies.
                r.keys(
                    spec,
                    "spec.",
                    &["accessModes", "resources", "storageClassName", "volumeMode"],
                );
            }
            Object::Claim(r.meta(doc, true)?)
        }
        "ConfigMap" | "Secret" => {
            let secret = kind == "Secret";
            r.keys(
                doc,
                "",
                &[
                    "apiVersion",
                    "kind",
                    "metadata",
                    "data",
                    "binaryData",
                    "stringData",
                    "type",
                    "immutable",
                ],
            );
            let meta = r.meta(doc, true)?;
            let mut data = BTreeMap::new();
            for (k, v) in map(doc, "data")? {
                let text = scalar(v, "data")?;
                let bytes = match secret {
                    true => base64::engine::general_purpose::STANDARD
                        .decode(text.trim())
                        .map_err(|_| FileError::new(&v.pos, format!("data.{k}: not base64")))?,
                    false => text.as_bytes().to_vec(),
                };
                data.insert(k.to_string(), bytes);
            }
            for (k, v) in map(doc, "binaryData")? {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(scalar(v, "binaryData")?.trim())
                    .map_err(|_| FileError::new(&v.pos, format!("binaryData.{k}: not base64")))?;
                data.insert(k.to_string(), bytes);
            }
            for (k, v) in map(doc, "stringData")? {
                data.insert(k.to_string(), scalar(v, "stringData")?.as_bytes().to_vec());
            }
            let o = DataObject { meta, data };
            match secret {
                true => Object::Secret(o),
                false => Object::ConfigMap(o),
            }
        }
        _ => Object::Service(r.service(doc)?),
    };
    out.objects.push(object);
    Ok(())
}

/// Reads fields, collecting warnings about the ones it passes over.
struct Reader<'a> {
    warnings: &'a mut Vec<String>,
    /// The object, for warnings: "Pod web".
    what: String,
}

/// Keys only a cluster writes (or kubectl fills in with their defaults),
/// and ones that mean nothing on one host when false.
fn quiet(key: &str, value: &Node) -> bool {
    matches!(
        key,
        "status"
            | "creationTimestamp"
            | "resourceVersion"
            | "uid"
            | "generation"
            | "selfLink"
            | "managedFields"
            | "namespace"
    ) || empty(value)
        || (matches!(key, "automountServiceAccountToken" | "enableServiceLinks")
            && value.as_scalar() == Some("false"))
        || matches!(key, "terminationMessagePath" | "terminationMessagePolicy")
}

fn empty(n: &Node) -> bool {
    match &n.value {
        Value::Null => true,
        Value::Map(m) => m.is_empty(),
        Value::Seq(s) => s.is_empty(),
        Value::Scalar { .. } => false,
    }
}

impl Reader<'_> {
    fn warn(&mut self, pos: &Pos, msg: String) {
        self.warnings.push(format!("{pos}: {}: {msg}", self.what));
    }

    /// A warning for every key of `node` not in `known`.
    fn keys(&mut self, node: &Node, path: &str, known: &[&str]) {
        let Value::Map(entries) = &node.value else {
            return;
        };
        for (k, v) in entries {
            if !known.contains(&k.name.as_str()) && !quiet(&k.name, v) {
                self.warn(
                    &k.pos,
                    format!("{path}{} is not supported by husk, ignored", k.name),
                );
            }
        }
    }

    fn meta(&mut self, doc: &Node, name_needed: bool) -> Result<Meta, FileError> {
        let Some(m) = doc.get("metadata") else {
            if name_needed {
                return Err(FileError::new(
                    &doc.pos,
                    format!("{}: metadata.name is missing", self.what),
                ));
            }
            return Ok(Meta::default());
        };
        self.keys(m, "metadata.", &["name", "labels", "annotations"]);
        let name = m.text("name").unwrap_or_default().to_string();
        if name_needed && !is_dns_name(&name) {
            return Err(FileError::new(&m.pos, format!("metadata.name {name:?}: a name is lower-case letters, digits and '-' (at most 63), starting and ending with a letter or digit")));
        }
        Ok(Meta {
            name,
            labels: strings_map(m, "labels")?,
            annotations: strings_map(m, "annotations")?,
            pos: Some(m.pos.clone()),
        })
    }

    fn deployment(&mut self, doc: &Node) -> Result<Deployment, FileError> {
        self.keys(doc, "", &["apiVersion", "kind", "metadata", "spec"]);
        let meta = self.meta(doc, true)?;
        let spec = need(doc, "spec")?;
        self.keys(
            spec,
            "spec.",
            &["replicas", "selector", "template", "strategy"],
        );
        let replicas = match spec.get("replicas") {
            None => 1,
            Some(n) => number(n, "spec.replicas")?,
        };
        if replicas > MAX_REPLICAS {
            return Err(FileError::new(
                &spec.pos,
                format!("spec.replicas {replicas}: husk runs at most {MAX_REPLICAS} pods of a Deployment on one host"),
            ));
        }
        if let Some(s) = spec.get("strategy") {
            if s.text("type").is_some_and(|t| t != "Recreate") {
                self.warn(
                    &s.pos,
                    "spec.strategy: husk replaces pods by removing and making them (Recreate)"
                        .into(),
                );
            }
        }
        let template = need(spec, "template")?;
        self.keys(template, "spec.template.", &["metadata", "spec"]);
        let mut tmeta = self.meta(template, false)?;
        tmeta.name = meta.name.clone();
        if let Some(sel) = spec.get("selector") {
            self.keys(sel, "spec.selector.", &["matchLabels"]);
            for (k, v) in strings_map(sel, "matchLabels")? {
                if tmeta.labels.get(&k) != Some(&v) {
                    return Err(FileError::new(&sel.pos, format!("spec.selector.matchLabels {k}={v} does not match the template's labels")));
                }
            }
        }
        let pod_spec = self.pod_spec(need(template, "spec")?, "spec.template.spec.")?;
        Ok(Deployment {
            meta,
            replicas,
            template: PodObject {
                meta: tmeta,
                spec: pod_spec,
            },
        })
    }

    fn pod_spec(&mut self, spec: &Node, path: &str) -> Result<PodSpec, FileError> {
        self.keys(
            spec,
            path,
            &[
                "containers",
                "initContainers",
                "volumes",
                "restartPolicy",
                "hostname",
                "hostNetwork",
                "hostAliases",
                "dnsConfig",
                "securityContext",
                "terminationGracePeriodSeconds",
            ],
        );
        let mut s = PodSpec::default();
        let containers = seq(spec, "containers")?;
        if containers.is_empty() {
            return Err(FileError::new(
                &spec.pos,
                format!("{path}containers: a pod needs at least one container"),
            ));
        }
        for (i, c) in containers.iter().enumerate() {
            s.containers
                .push(self.container(c, &format!("{path}containers[{i}]."))?);
        }
        for (i, c) in seq(spec, "initContainers")?.iter().enumerate() {
            s.init_containers
                .push(self.container(c, &format!("{path}initContainers[{i}]."))?);
        }
        let mut names: Vec<&str> = Vec::new();
        for c in s.containers.iter().chain(&s.init_containers) {
            if names.contains(&c.name.as_str()) {
                return Err(FileError::new(
                    c.pos.as_ref().unwrap_or(&spec.pos),
                    format!("{path}containers: two containers are named {:?}", c.name),
                ));
            }
            names.push(&c.name);
        }
        for (i, v) in seq(spec, "volumes")?.iter().enumerate() {
            s.volumes
                .push(self.volume(v, &format!("{path}volumes[{i}]."))?);
        }
        s.restart_policy = spec.text("restartPolicy").map(str::to_string);
        if let Some(p) = &s.restart_policy {
            if !matches!(p.as_str(), "Always" | "OnFailure" | "Never") {
                return Err(FileError::new(
                    &spec.pos,
                    format!("{path}restartPolicy {p:?}: Always, OnFailure or Never"),
                ));
            }
        }
        s.hostname = spec.text("hostname").map(str::to_string);
        s.host_network = boolean(spec, "hostNetwork")?;
        for a in seq(spec, "hostAliases")? {
            self.keys(a, &format!("{path}hostAliases[]."), &["ip", "hostnames"]);
            let Some(ip) = a
                .text("ip")
                .filter(|ip| ip.parse::<std::net::IpAddr>().is_ok())
            else {
                return Err(FileError::new(
                    &a.pos,
                    format!("{path}hostAliases: each entry needs an ip address"),
                ));
            };
            s.host_aliases
                .push((ip.to_string(), a.strings("hostnames")));
        }
        if let Some(d) = spec.get("dnsConfig") {
            self.keys(
                d,
                &format!("{path}dnsConfig."),
                &["nameservers", "searches", "options"],
            );
            s.dns_servers = d.strings("nameservers");
            s.dns_searches = d.strings("searches");
            for o in seq(d, "options")? {
                let name = o.text("name").unwrap_or_default();
                s.dns_options.push(match o.text("value") {
                    Some(v) => format!("{name}:{v}"),
                    None => name.to_string(),
                });
            }
        }
        if let Some(sc) = spec.get("securityContext") {
            self.keys(
                sc,
                &format!("{path}securityContext."),
                &["runAsUser", "runAsGroup", "supplementalGroups"],
            );
            s.security = self.security(sc, "")?;
        }
        if let Some(g) = spec.get("terminationGracePeriodSeconds") {
            s.grace_seconds = Some(number(g, "terminationGracePeriodSeconds")?);
        }
        Ok(s)
    }

    fn container(&mut self, c: &Node, path: &str) -> Result<Container, FileError> {
        self.keys(
            c,
            path,
            &[
                "name",
                "image",
                "imagePullPolicy",
                "command",
                "args",
                "env",
                "envFrom",
                "workingDir",
                "ports",
                "securityContext",
                "volumeMounts",
                "livenessProbe",
                "startupProbe",
                "resources",
                "stdin",
                "tty",
            ],
        );
        let name = name_of(c, path, "container")?;
        let Some(image) = c.text("image").filter(|i| !i.is_empty()) else {
            return Err(FileError::new(
                &c.pos,
                format!("{path}image: container {name:?} names no image"),
            ));
        };
        let mut out = Container {
            name,
            image: image.to_string(),
            pos: Some(c.pos.clone()),
            ..Default::default()
        };
        out.pull_policy = c.text("imagePullPolicy").map(str::to_string);
        out.command = c
            .get("command")
            .filter(|n| !empty(n))
            .map(|n| scalars(n, "command"))
            .transpose()?;
        out.args = c
            .get("args")
            .filter(|n| !empty(n))
            .map(|n| scalars(n, "args"))
            .transpose()?;
        for e in seq(c, "env")? {
            self.keys(e, &format!("{path}env[]."), &["name", "value", "valueFrom"]);
            let Some(n) = e.text("name") else {
                return Err(FileError::new(
                    &e.pos,
                    format!("{path}env: an entry has no name"),
                ));
            };
            if e.get("value").is_some() && e.get("valueFrom").is_some() {
                return Err(FileError::new(
                    &e.pos,
                    format!("{path}env {n}: value and valueFrom both given"),
                ));
            }
            let value = match e.get("valueFrom") {
                None => EnvValue::Value(e.text("value").unwrap_or_default().to_string()),
                Some(from) => self.env_source(from, &format!("{path}env[{n}].valueFrom."))?,
            };
            out.env.push((n.to_string(), value));
        }
        for e in seq(c, "envFrom")? {
            self.keys(
                e,
                &format!("{path}envFrom[]."),
                &["configMapRef", "secretRef", "prefix"],
            );
            let (secret, r) = match (e.get("configMapRef"), e.get("secretRef")) {
                (Some(r), None) => (false, r),
                (None, Some(r)) => (true, r),
                _ => {
                    return Err(FileError::new(
                        &e.pos,
                        format!("{path}envFrom: each entry has a configMapRef or a secretRef"),
                    ))
                }
            };
            out.env_from.push(EnvFrom {
                secret,
                name: r.text("name").unwrap_or_default().to_string(),
                optional: boolean(r, "optional")?,
                prefix: e.text("prefix").unwrap_or_default().to_string(),
            });
        }
        out.working_dir = c.text("workingDir").map(str::to_string);
        for p in seq(c, "ports")? {
            self.keys(
                p,
                &format!("{path}ports[]."),
                &["containerPort", "hostPort", "hostIP", "protocol", "name"],
            );
            let container = port(need(p, "containerPort")?, "containerPort")?;
            let host = p.get("hostPort").map(|h| port(h, "hostPort")).transpose()?;
            let protocol = p.text("protocol").unwrap_or("TCP").to_ascii_lowercase();
            if !matches!(protocol.as_str(), "tcp" | "udp") {
                return Err(FileError::new(
                    &p.pos,
                    format!("{path}ports: protocol {protocol:?}: TCP or UDP"),
                ));
            }
            out.ports.push(Port {
                container,
                host,
                host_ip: p.text("hostIP").map(str::to_string),
                protocol,
                name: p.text("name").map(str::to_string),
            });
        }
        if let Some(sc) = c.get("securityContext") {
            self.keys(
                sc,
                &format!("{path}securityContext."),
                &[
                    "runAsUser",
                    "runAsGroup",
                    "capabilities",
                    "readOnlyRootFilesystem",
                    "privileged",
                    "allowPrivilegeEscalation",
                ],
            );
            out.security = self.security(sc, path)?;
        }
        for m in seq(c, "volumeMounts")? {
            self.keys(
                m,
                &format!("{path}volumeMounts[]."),
                &["name", "mountPath", "readOnly", "subPath"],
            );
            out.mounts.push(VolumeMount {
                name: m.text("name").unwrap_or_default().to_string(),
                path: need(m, "mountPath")
                    .and_then(|p| scalar(p, "mountPath"))?
                    .to_string(),
                read_only: boolean(m, "readOnly")?,
                sub_path: m
                    .text("subPath")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            });
        }
        out.liveness = c
            .get("livenessProbe")
            .map(|p| self.probe(p, &format!("{path}livenessProbe.")))
            .transpose()?;
        out.startup = c
            .get("startupProbe")
            .map(|p| self.probe(p, &format!("{path}startupProbe.")))
            .transpose()?;
        if let Some(r) = c.get("resources") {
            self.keys(r, &format!("{path}resources."), &["limits", "requests"]);
            if let Some(l) = r.get("limits") {
                self.keys(l, &format!("{path}resources.limits."), &["memory", "cpu"]);
                out.memory = l.get("memory").map(memory).transpose()?;
                out.cpus = l.get("cpu").map(cpu).transpose()?;
            }
        }
        out.stdin = boolean(c, "stdin")?;
        out.tty = boolean(c, "tty")?;
        Ok(out)
    }

    fn env_source(&mut self, from: &Node, path: &str) -> Result<EnvValue, FileError> {
        self.keys(from, path, &["configMapKeyRef", "secretKeyRef", "fieldRef"]);
        if let Some(f) = from.get("fieldRef") {
            let field = f.text("fieldPath").unwrap_or_default();
            if !matches!(field, "metadata.name" | "metadata.namespace") {
                return Err(FileError::new(
                    &f.pos,
                    format!(
                        "{path}fieldRef {field:?}: husk gives metadata.name and metadata.namespace"
                    ),
                ));
            }
            return Ok(EnvValue::Field(field.to_string()));
        }
        let (secret, r) = match (from.get("configMapKeyRef"), from.get("secretKeyRef")) {
            (Some(r), None) => (false, r),
            (None, Some(r)) => (true, r),
            _ => {
                return Err(FileError::new(
                    &from.pos,
                    format!("{path}: one of configMapKeyRef, secretKeyRef, fieldRef"),
                ))
            }
        };
        let name = r.text("name").unwrap_or_default().to_string();
        let key = r.text("key").unwrap_or_default().to_string();
        let optional = boolean(r, "optional")?;
        Ok(match secret {
            true => EnvValue::SecretKey {
                name,
                key,
                optional,
            },
            false => EnvValue::ConfigMapKey {
                name,
                key,
                optional,
            },
        })
    }

    fn security(&mut self, sc: &Node, path: &str) -> Result<Security, FileError> {
        let mut s = Security {
            run_as_user: sc
                .get("runAsUser")
                .map(|n| number(n, "runAsUser"))
                .transpose()?,
            run_as_group: sc
                .get("runAsGroup")
                .map(|n| number(n, "runAsGroup"))
                .transpose()?,
            ..Default::default()
        };
        for g in seq(sc, "supplementalGroups")? {
            s.supplemental_groups.push(number(g, "supplementalGroups")?);
        }
        if let Some(caps) = sc.get("capabilities") {
            self.keys(
                caps,
                &format!("{path}securityContext.capabilities."),
                &["add", "drop"],
            );
            s.cap_add = caps.strings("add");
            s.cap_drop = caps.strings("drop");
        }
        s.read_only = boolean(sc, "readOnlyRootFilesystem")?;
        s.privileged = boolean(sc, "privileged")?;
        s.no_new_privileges = sc.text("allowPrivilegeEscalation") == Some("false");
        Ok(s)
    }

    fn volume(&mut self, v: &Node, path: &str) -> Result<Volume, FileError> {
        self.keys(
            v,
            path,
            &[
                "name",
                "hostPath",
                "persistentVolumeClaim",
                "emptyDir",
                "configMap",
                "secret",
            ],
        );
        let name = name_of(v, path, "volume")?;
        let sources = [
            "hostPath",
            "persistentVolumeClaim",
            "emptyDir",
            "configMap",
            "secret",
        ];
        if sources.iter().filter(|k| v.get(k).is_some()).count() > 1 {
            return Err(FileError::new(
                &v.pos,
                format!("{path}: a volume has one source"),
            ));
        }
        let source = if let Some(h) = v.get("hostPath") {
            self.keys(h, &format!("{path}hostPath."), &["path", "type"]);
            VolumeSource::HostPath {
                path: need(h, "path").and_then(|p| scalar(p, "path"))?.to_string(),
                kind: h.text("type").filter(|t| !t.is_empty()).map(str::to_string),
            }
        } else if let Some(c) = v.get("persistentVolumeClaim") {
            self.keys(
                c,
                &format!("{path}persistentVolumeClaim."),
                &["claimName", "readOnly"],
            );
            VolumeSource::Claim {
                name: need(c, "claimName")
                    .and_then(|p| scalar(p, "claimName"))?
                    .to_string(),
                read_only: boolean(c, "readOnly")?,
            }
        } else if let Some(e) = v.get("emptyDir") {
            self.keys(e, &format!("{path}emptyDir."), &["medium", "sizeLimit"]);
            VolumeSource::EmptyDir {
                memory: e.text("medium") == Some("Memory"),
                size: e.text("sizeLimit").map(str::to_string),
            }
        } else if let Some((secret, d)) = v
            .get("configMap")
            .map(|d| (false, d))
            .or_else(|| v.get("secret").map(|d| (true, d)))
        {
            let key = if secret { "secretName" } else { "name" };
            self.keys(
                d,
                &format!("{path}{}.", if secret { "secret" } else { "configMap" }),
                &[key, "items", "optional", "defaultMode"],
            );
            let mut items = Vec::new();
            for i in seq(d, "items")? {
                self.keys(i, &format!("{path}items[]."), &["key", "path"]);
                items.push((
                    i.text("key").unwrap_or_default().to_string(),
                    i.text("path").unwrap_or_default().to_string(),
                ));
            }
            VolumeSource::Data {
                secret,
                name: d.text(key).unwrap_or_default().to_string(),
                items,
                optional: boolean(d, "optional")?,
                mode: d
                    .get("defaultMode")
                    .map(|m| file_mode(m, "defaultMode"))
                    .transpose()?,
            }
        } else {
            return Err(FileError::new(&v.pos, format!("volume {name:?}: husk runs hostPath, persistentVolumeClaim, emptyDir, configMap and secret volumes")));
        };
        Ok(Volume { name, source })
    }

    fn probe(&mut self, p: &Node, path: &str) -> Result<Probe, FileError> {
        self.keys(
            p,
            path,
            &[
                "exec",
                "httpGet",
                "tcpSocket",
                "initialDelaySeconds",
                "periodSeconds",
                "timeoutSeconds",
                "failureThreshold",
            ],
        );
        let action = if let Some(e) = p.get("exec") {
            ProbeAction::Exec(scalars(need(e, "command")?, "command")?)
        } else if let Some(h) = p.get("httpGet") {
            self.keys(h, &format!("{path}httpGet."), &["port", "path", "scheme"]);
            ProbeAction::Http {
                port: need(h, "port").and_then(|p| scalar(p, "port"))?.to_string(),
                path: h.text("path").unwrap_or("/").to_string(),
                scheme: h.text("scheme").unwrap_or("HTTP").to_ascii_lowercase(),
            }
        } else if let Some(t) = p.get("tcpSocket") {
            self.keys(t, &format!("{path}tcpSocket."), &["port"]);
            ProbeAction::Tcp {
                port: need(t, "port").and_then(|p| scalar(p, "port"))?.to_string(),
            }
        } else {
            return Err(FileError::new(
                &p.pos,
                format!("{path}: a probe is exec, httpGet or tcpSocket"),
            ));
        };
        let n = |k: &str| p.get(k).map(|v| number(v, k)).transpose();
        Ok(Probe {
            action,
            initial_delay: n("initialDelaySeconds")?,
            period: n("periodSeconds")?,
            timeout: n("timeoutSeconds")?,
            failure_threshold: n("failureThreshold")?,
        })
    }

    fn service(&mut self, doc: &Node) -> Result<Service, FileError> {
        self.keys(doc, "", &["apiVersion", "kind", "metadata", "spec"]);
        let meta = self.meta(doc, true)?;
        let spec = need(doc, "spec")?;
        self.keys(spec, "spec.", &["selector", "ports", "type", "clusterIP"]);
        let kind = spec.text("type").unwrap_or("ClusterIP").to_string();
        if !matches!(kind.as_str(), "ClusterIP" | "NodePort" | "LoadBalancer") {
            self.warn(
                &spec.pos,
                format!("spec.type {kind}: husk treats it as ClusterIP"),
            );
        }
        let mut ports = Vec::new();
        for p in seq(spec, "ports")? {
            self.keys(
                p,
                "spec.ports[].",
                &["name", "port", "targetPort", "nodePort", "protocol"],
            );
            ports.push(ServicePort {
                port: port(need(p, "port")?, "port")?,
                target: p.text("targetPort").map(str::to_string),
                node_port: p.get("nodePort").map(|n| port(n, "nodePort")).transpose()?,
                protocol: p.text("protocol").unwrap_or("TCP").to_ascii_lowercase(),
            });
        }
        Ok(Service {
            meta,
            selector: strings_map(spec, "selector")?,
            ports,
            kind,
        })
    }
}

/// The `name` of a container or volume: a Kubernetes name.
fn name_of(n: &Node, path: &str, what: &str) -> Result<String, FileError> {
    let name = n.text("name").unwrap_or_default().to_string();
    if !is_dns_name(&name) {
        return Err(FileError::new(
            &n.pos,
            format!("{path}name {name:?}: a {what}'s name is lower-case letters, digits and '-'"),
        ));
    }
    Ok(name)
}

/// A Kubernetes name (RFC 1123 label).
pub fn is_dns_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn need<'a>(n: &'a Node, key: &str) -> Result<&'a Node, FileError> {
    n.get(key)
        .filter(|v| !v.is_null())
        .ok_or_else(|| FileError::new(&n.pos, format!("{key} is missing")))
}

fn seq<'a>(n: &'a Node, key: &str) -> Result<&'a [Node], FileError> {
    match n.get(key).map(|v| (&v.value, v)) {
        None | Some((Value::Null, _)) => Ok(&[]),
        Some((Value::Seq(items), _)) => Ok(items),
        Some((_, v)) => Err(FileError::new(
            &v.pos,
            format!("{key}: a list was expected, not {}", v.kind()),
        )),
    }
}

fn map<'a>(n: &'a Node, key: &str) -> Result<Vec<(&'a str, &'a Node)>, FileError> {
    match n.get(key).map(|v| (&v.value, v)) {
        None | Some((Value::Null, _)) => Ok(Vec::new()),
        Some((Value::Map(m), _)) => Ok(m.iter().map(|(k, v)| (k.name.as_str(), v)).collect()),
        Some((_, v)) => Err(FileError::new(
            &v.pos,
            format!("{key}: a mapping was expected, not {}", v.kind()),
        )),
    }
}

fn scalar<'a>(n: &'a Node, what: &str) -> Result<&'a str, FileError> {
    n.as_scalar().ok_or_else(|| {
        FileError::new(
            &n.pos,
            format!("{what}: a value was expected, not {}", n.kind()),
        )
    })
}

fn scalars(n: &Node, what: &str) -> Result<Vec<String>, FileError> {
    match &n.value {
        Value::Seq(items) => items
            .iter()
            .map(|i| scalar(i, what).map(str::to_string))
            .collect(),
        _ => Err(FileError::new(
            &n.pos,
            format!("{what}: a list of strings was expected, not {}", n.kind()),
        )),
    }
}

fn strings_map(n: &Node, key: &str) -> Result<BTreeMap<String, String>, FileError> {
    map(n, key)?
        .into_iter()
        .map(|(k, v)| Ok((k.to_string(), scalar(v, key)?.to_string())))
        .collect()
}

fn boolean(n: &Node, key: &str) -> Result<bool, FileError> {
    match n.get(key) {
        None => Ok(false),
        Some(v) if v.is_null() => Ok(false),
        Some(v) => match v.as_scalar() {
            Some("true") => Ok(true),
            Some("false") => Ok(false),
            _ => Err(FileError::new(&v.pos, format!("{key}: true or false"))),
        },
    }
}

/// A file mode: `0644` is octal, as YAML 1.1 (and Kubernetes) read it; `420` decimal.
fn file_mode(n: &Node, what: &str) -> Result<u32, FileError> {
    let text = scalar(n, what)?;
    let parsed = match text
        .strip_prefix("0o")
        .or_else(|| text.strip_prefix('0').filter(|r| !r.is_empty()))
    {
        Some(octal) => u32::from_str_radix(octal, 8).ok(),
        None => text.parse().ok(),
    };
    match parsed {
        Some(m) if m <= 0o777 => Ok(m),
        _ => Err(FileError::new(
            &n.pos,
            format!("{what} {text:?}: a file mode from 0 to 0777"),
        )),
    }
}

fn number(n: &Node, what: &str) -> Result<u32, FileError> {
    scalar(n, what)?.parse().map_err(|_| {
        FileError::new(
            &n.pos,
            format!(
                "{what}: a whole number at or above 0 was expected, not {:?}",
                n.as_scalar().unwrap_or_default()
            ),
        )
    })
}

fn port(n: &Node, what: &str) -> Result<u16, FileError> {
    match scalar(n, what)?.parse::<u16>() {
        Ok(p) if p > 0 => Ok(p),
        _ => Err(FileError::new(
            &n.pos,
            format!(
                "{what}: a port is 1-65535, not {:?}",
                n.as_scalar().unwrap_or_default()
            ),
        )),
    }
}

/// A memory quantity ("128Mi", "1G", "1000000") in bytes.
fn memory(n: &Node) -> Result<u64, FileError> {
    let text = scalar(n, "memory")?;
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let factor: u64 = match unit {
        "" => 1,
        "k" | "K" => 1000,
        "M" => 1000_u64.pow(2),
        "G" => 1000_u64.pow(3),
        "T" => 1000_u64.pow(4),
        "Ki" => 1 << 10,
        "Mi" => 1 << 20,
        "Gi" => 1 << 30,
        "Ti" => 1 << 40,
        _ => {
            return Err(FileError::new(
                &n.pos,
                format!("memory {text:?}: a quantity such as 128Mi or 1G"),
            ))
        }
    };
    let value: f64 = digits.parse().map_err(|_| {
        FileError::new(
            &n.pos,
            format!("memory {text:?}: a quantity such as 128Mi or 1G"),
        )
    })?;
    Ok((value * factor as f64) as u64)
}

/// A CPU quantity ("500m", "0.5", "2") as `--cpus` takes it.
fn cpu(n: &Node) -> Result<String, FileError> {
    let text = scalar(n, "cpu")?;
    let value = match text.strip_suffix('m') {
        Some(milli) => milli.parse::<f64>().map(|m| m / 1000.0),
        None => text.parse::<f64>(),
    };
    match value {
        Ok(v) if v > 0.0 => Ok(format!("{v}")),
        _ => Err(FileError::new(
            &n.pos,
            format!("cpu {text:?}: a quantity such as 500m or 2"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Read {
        read(text, Path::new("k.yaml")).unwrap()
    }

    #[test]
    fn pod_fields_and_warnings() {
        let r = parse("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: c\n    image: busybox\n    command: [sh, -c]\n    args: ['echo $A']\n    env:\n    - {name: A, value: '1'}\n    - name: B\n      valueFrom: {configMapKeyRef: {name: cm, key: b}}\n    ports: [{containerPort: 80, hostPort: 8080}]\n    lifecycle: {preStop: {exec: {command: [x]}}}\n    resources: {limits: {memory: 128Mi, cpu: 500m}}\n");
        let Object::Pod(p) = &r.objects[0] else {
            panic!()
        };
        assert_eq!(p.meta.labels["app"], "web");
        let c = &p.spec.containers[0];
        assert_eq!(
            c.command.as_deref(),
            Some(&["sh".to_string(), "-c".into()][..])
        );
        assert_eq!(
            c.env[1].1,
            EnvValue::ConfigMapKey {
                name: "cm".into(),
                key: "b".into(),
                optional: false
            }
        );
        assert_eq!(
            c.ports[0],
            Port {
                container: 80,
                host: Some(8080),
                host_ip: None,
                protocol: "tcp".into(),
                name: None
            }
        );
        assert_eq!(c.memory, Some(128 << 20));
        assert_eq!(c.cpus.as_deref(), Some("0.5"));
        assert_eq!(r.warnings, vec!["k.yaml:18: Pod web: spec.containers[0].lifecycle is not supported by husk, ignored".to_string()]);
    }

    #[test]
    fn what_is_not_kubernetes() {
        let e = |t: &str| read(t, Path::new("k.yaml")).unwrap_err().to_string();
        assert!(
            e("services:\n  web:\n    image: x\n").contains("not a Kubernetes object"),
            "{}",
            e("services: {}")
        );
        assert!(e("- a\n").contains("not a Kubernetes object"));
        assert!(e("apiVersion: v1\nkind: Pod\nmetadata: {name: Web}\nspec: {containers: [{name: a, image: b}]}\n").contains("metadata.name"));
        assert!(
            e("apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec: {containers: []}\n")
                .contains("at least one container")
        );
        assert!(e("apiVersion: apps/v1\nkind: Pod\nmetadata: {name: w}\n").contains("apiVersion"));
        let r = parse("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n");
        assert!(r.objects.is_empty());
        assert_eq!(
            r.warnings,
            vec!["k.yaml:1: Job j: kind Job (batch/v1) is not run by husk, skipped".to_string()]
        );
    }

    #[test]
    fn file_modes_are_octal_with_a_leading_zero() {
        let mode = |t: &str| {
            let r = parse(&format!("apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers: [{{name: a, image: b}}]\n  volumes: [{{name: v, secret: {{secretName: s, defaultMode: {t}}}}}]\n"));
            let Object::Pod(p) = &r.objects[0] else {
                panic!()
            };
            match &p.spec.volumes[0].source {
                VolumeSource::Data { mode, .. } => *mode,
                _ => None,
            }
        };
        assert_eq!(mode("0644"), Some(0o644));
        assert_eq!(mode("420"), Some(0o644));
        assert_eq!(mode("0400"), Some(0o400));
        assert!(read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: b}]\n  volumes: [{name: v, secret: {secretName: s, defaultMode: 01777}}]\n", Path::new("k")).is_err());
    }

    #[test]
    fn secrets_are_base64() {
        let r = parse("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: aGk=}\nstringData: {b: yo}\n");
        let Object::Secret(s) = &r.objects[0] else {
            panic!()
        };
        assert_eq!(s.data["a"], b"hi");
        assert_eq!(s.data["b"], b"yo");
        assert!(read(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: '@@'}\n",
            Path::new("k")
        )
        .is_err());
    }

    #[test]
    fn deployment_selector_must_match() {
        let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: y}}\n    spec: {containers: [{name: a, image: b}]}\n";
        assert!(read(text, Path::new("k"))
            .unwrap_err()
            .to_string()
            .contains("does not match"));
        let r = parse(&text.replace("app: y", "app: x"));
        let Object::Deployment(d) = &r.objects[0] else {
            panic!()
        };
        assert_eq!(d.replicas, 3);
        assert_eq!(d.template.meta.labels["app"], "x");
    }
}
