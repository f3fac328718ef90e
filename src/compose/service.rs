//! A compose service (in canonical form) as the options of one of its
//! containers: husk's own run options ([`RunFlags`], the values `husk run`
//! takes), with the `com.docker.compose.*` labels docker compose writes, so
//! that a project's containers are found by their labels alone.

use anyhow::{anyhow, bail, Result};

use crate::container::flags::RunFlags;
use crate::digest::Digest;
use crate::yaml::emit;
use crate::yaml::{Node, Value};

/// The labels docker compose puts on a project's containers.
pub const LABEL_PROJECT: &str = "com.docker.compose.project";
pub const LABEL_SERVICE: &str = "com.docker.compose.service";
pub const LABEL_NUMBER: &str = "com.docker.compose.container-number";
pub const LABEL_ONEOFF: &str = "com.docker.compose.oneoff";
pub const LABEL_HASH: &str = "com.docker.compose.config-hash";
pub const LABEL_WORKING_DIR: &str = "com.docker.compose.project.working_dir";
pub const LABEL_CONFIG_FILES: &str = "com.docker.compose.project.config_files";
pub const LABEL_DEPENDS_ON: &str = "com.docker.compose.depends_on";
pub const LABEL_IMAGE: &str = "com.docker.compose.image";
pub const LABEL_VERSION: &str = "com.docker.compose.version";

/// Where a container of a service belongs.
pub struct Instance<'a> {
    /// The whole project, in canonical form (for its networks' and volumes' names).
    pub model: &'a Node,
    pub project: &'a str,
    pub service: &'a str,
    /// 1 for the first container of the service.
    pub number: u32,
    pub working_dir: &'a str,
    pub config_files: &'a str,
    /// The host files of the project's secrets and configs, by
    /// `secrets.KEY` / `configs.KEY` (see `project::secret_files`).
    pub files: &'a std::collections::BTreeMap<String, std::path::PathBuf>,
}

/// The container name docker compose gives: `PROJECT-SERVICE-N`, or the
/// service's `container_name`.
pub fn container_name(service: &Node, at: &Instance) -> String {
    match service.text("container_name") {
        Some(n) => n.to_string(),
        None => format!("{}-{}-{}", at.project, at.service, at.number),
    }
}

/// The hash of a service's configuration: a container whose label differs is
/// made again by `up`.
pub fn config_hash(service: &Node) -> String {
    let text = emit::json(service).to_string();
    Digest::of(text.as_bytes()).hex().to_string()
}

fn is_true(service: &Node, key: &str) -> bool {
    service.text(key) == Some("true")
}

/// The run options of container `at` of `service` (canonical form); `image`
/// is the image it runs (the service's, or the one built for it).
pub fn run_flags(service: &Node, image: &str, at: &Instance) -> Result<RunFlags> {
    let mut f = RunFlags::with_defaults(image)?;
    f.detach = true;
    f.name = Some(container_name(service, at));
    f.label = labels(service, at, image);
    f.env = service
        .entries("environment")
        .into_iter()
        // A variable with no value (unset where compose ran) is left out.
        .filter_map(|(k, v)| v.map(|v| format!("{k}={v}")))
        .collect();
    if let Some(e) = service.get("entrypoint") {
        f.entrypoint = Some(serde_json::to_string(&list(e))?);
    }
    if let Some(c) = service.get("command") {
        f.command = list(c);
    }
    f.publish = ports(service)?;
    f.volume = volumes(service, at.model)?;
    f.mount = recursive_binds(service)?;
    f.tmpfs = service.strings("tmpfs");
    f.tmpfs.extend(tmpfs_mounts(service));
    f.volume.extend(file_mounts(service, at)?);
    f.volumes_from = volumes_from(service, at);
    networks(service, at, &mut f)?;
    f.link = links(service, at);
    match (service.text("restart"), deploy_restart(service)?) {
        (Some(r), _) => f.restart = r.to_string(),
        (None, Some(r)) => f.restart = r,
        (None, None) => {}
    }
    logging(service, &mut f);
    resources(service, &mut f)?;
    f.hostname = service.text("hostname").map(str::to_string);
    f.domainname = service.text("domainname").map(str::to_string);
    f.user = service.text("user").map(str::to_string);
    f.workdir = service.text("working_dir").map(str::to_string);
    f.tty = is_true(service, "tty");
    f.interactive = is_true(service, "stdin_open");
    f.init = is_true(service, "init");
    f.read_only = is_true(service, "read_only");
    f.privileged = is_true(service, "privileged");
    f.cap_add = service.strings("cap_add");
    f.cap_drop = service.strings("cap_drop");
    f.security_opt = service.strings("security_opt");
    f.group_add = service.strings("group_add");
    f.dns = service.strings("dns");
    f.dns_search = service.strings("dns_search");
    f.dns_option = service.strings("dns_opt");
    f.device = service.strings("devices");
    f.expose = service.strings("expose");
    // extra_hosts are `host=ip` in canonical form; --add-host takes `host:ip`.
    f.add_host = service
        .strings("extra_hosts")
        .iter()
        .map(|h| h.replacen('=', ":", 1))
        .collect();
    f.sysctl = service
        .entries("sysctls")
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or("")))
        .collect();
    f.stop_signal = service.text("stop_signal").map(str::to_string);
    if let Some(d) = service.text("stop_grace_period") {
        f.stop_timeout = Some(crate::output::human::parse_duration(d)?.as_secs() as u32);
    }
    f.shm_size = service.text("shm_size").map(str::to_string);
    if let Some(m) = service.text("mem_limit") {
        f.limits.memory = Some(m.to_string()); // over deploy.resources.limits.memory
    }
    f.limits.memory_reservation = service.text("mem_reservation").map(str::to_string);
    f.limits.memory_swap = service.text("memswap_limit").map(str::to_string);
    f.pid = service.text("pid").map(|m| joined_mode(m, at));
    f.ipc = service.text("ipc").map(|m| joined_mode(m, at));
    f.uts = service.text("uts").map(str::to_string);
    f.userns = service.text("userns_mode").map(str::to_string);
    f.mac_address = service.text("mac_address").map(str::to_string);
    f.oom_score_adj = service.text("oom_score_adj").and_then(|v| v.parse().ok());
    f.annotation = service
        .entries("annotations")
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or("")))
        .collect();
    f.ulimit = ulimits(service)?;
    healthcheck(service, &mut f)?;
    if let Some(p) = service.text("pull_policy") {
        f.pull = match p {
            "always" | "never" | "missing" => p.to_string(),
            "build" => "never".to_string(),
            other => bail!(
                "services.{}: pull_policy {other:?} is not supported",
                at.service
            ),
        };
    }
    Ok(f)
}

/// The name of the first container of service `svc` of the project.
fn first_container(svc: &str, at: &Instance) -> String {
    let def = at.model.get("services").and_then(|s| s.get(svc));
    let other = Instance {
        service: svc,
        number: 1,
        ..*at
    };
    match def {
        Some(d) => container_name(d, &other),
        None => format!("{}-{svc}-1", at.project),
    }
}

/// A `network_mode`/`pid`/`ipc` of `service:X` as husk's `container:NAME`.
fn joined_mode(mode: &str, at: &Instance) -> String {
    match mode.strip_prefix("service:") {
        Some(svc) => format!("container:{}", first_container(svc, at)),
        None => mode.to_string(),
    }
}

/// `volumes_from`: `SERVICE[:ro|rw]` or `container:NAME[:ro|rw]`.
fn volumes_from(service: &Node, at: &Instance) -> Vec<String> {
    service
        .strings("volumes_from")
        .iter()
        .map(|v| match v.strip_prefix("container:") {
            Some(rest) => rest.to_string(),
            None => {
                let (svc, mode) = match v.split_once(':') {
                    Some((s, m)) => (s, format!(":{m}")),
                    None => (v.as_str(), String::new()),
                };
                format!("{}{mode}", first_container(svc, at))
            }
        })
        .collect()
}

/// `links`: `SERVICE[:ALIAS]` as `--link CONTAINER:ALIAS` (the alias is the
/// service's name when none is given); `external_links` as they are.
fn links(service: &Node, at: &Instance) -> Vec<String> {
    let mut out: Vec<String> = service
        .strings("links")
        .iter()
        .map(|l| {
            let (svc, alias) = l.split_once(':').unwrap_or((l, l));
            format!("{}:{alias}", first_container(svc, at))
        })
        .collect();
    out.extend(service.strings("external_links"));
    out
}

/// `deploy.restart_policy` as a `--restart` policy (when `restart` is not given).
fn deploy_restart(service: &Node) -> Result<Option<String>> {
    let Some(p) = service.get("deploy").and_then(|d| d.get("restart_policy")) else {
        return Ok(None);
    };
    let attempts = p.text("max_attempts");
    Ok(Some(
        match (p.text("condition").unwrap_or("any"), attempts) {
            ("none", _) => "no".to_string(),
            ("on-failure", Some(n)) => format!("on-failure:{n}"),
            ("on-failure", None) => "on-failure".to_string(),
            ("any", _) => "always".to_string(),
            (other, _) => {
                bail!("deploy.restart_policy.condition {other:?}: none, on-failure or any")
            }
        },
    ))
}

/// `logging`: the driver (json-file is husk's k8s-file) and its options.
fn logging(service: &Node, f: &mut RunFlags) {
    let Some(l) = service.get("logging") else {
        return;
    };
    f.log_driver = l.text("driver").map(str::to_string);
    f.log_opt = l
        .entries("options")
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or("")))
        .collect();
}

/// CPU and process limits: the service's keys, then `deploy.resources.limits`.
fn resources(service: &Node, f: &mut RunFlags) -> Result<()> {
    let l = &mut f.limits;
    l.cpus = service.text("cpus").map(str::to_string);
    l.cpu_shares = service.text("cpu_shares").and_then(|v| v.parse().ok());
    l.cpu_quota = service.text("cpu_quota").and_then(|v| v.parse().ok());
    l.cpu_period = service.text("cpu_period").and_then(|v| v.parse().ok());
    l.pids_limit = service.text("pids_limit").and_then(|v| v.parse().ok());
    l.memory_swappiness = service.text("mem_swappiness").and_then(|v| v.parse().ok());
    l.oom_kill_disable = is_true(service, "oom_kill_disable");
    f.cpuset_cpus = service.text("cpuset").map(str::to_string);
    if let Some(lim) = service
        .get("deploy")
        .and_then(|d| d.get("resources"))
        .and_then(|r| r.get("limits"))
    {
        if let Some(c) = lim.text("cpus") {
            l.cpus = Some(c.to_string());
        }
        if let Some(m) = lim.text("memory") {
            l.memory = Some(m.to_string());
        }
        if let Some(p) = lim.text("pids") {
            l.pids_limit = Some(
                p.parse()
                    .map_err(|_| anyhow!("deploy.resources.limits.pids {p:?}: a number"))?,
            );
        }
    }
    Ok(())
}

/// Long-form `type: tmpfs` mounts as `--tmpfs TARGET[:size=N,mode=M]`.
fn tmpfs_mounts(service: &Node) -> Vec<String> {
    let Some(Node {
        value: Value::Seq(items),
        ..
    }) = service.get("volumes")
    else {
        return Vec::new();
    };
    items
        .iter()
        .filter(|m| m.text("type") == Some("tmpfs"))
        .filter_map(|m| {
            let target = m.text("target")?;
            let t = m.get("tmpfs");
            let opts: Vec<String> = [("size", "size"), ("mode", "mode")]
                .iter()
                .filter_map(|(k, o)| t.and_then(|t| t.text(k)).map(|v| format!("{o}={v}")))
                .collect();
            Some(match opts.is_empty() {
                true => target.to_string(),
                false => format!("{target}:{}", opts.join(",")),
            })
        })
        .collect()
}

/// `secrets` and `configs`: their host files bound read-only at their
/// targets (a secret's under /run/secrets, a config's at /NAME by default).
fn file_mounts(service: &Node, at: &Instance) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for kind in ["secrets", "configs"] {
        let Some(Node {
            value: Value::Seq(items),
            ..
        }) = service.get(kind)
        else {
            continue;
        };
        for item in items {
            let source = item.text("source").unwrap_or("");
            let host = at.files.get(&format!("{kind}.{source}")).ok_or_else(|| {
                anyhow!(
                    "{}: services.{}.{kind}: {source:?} is not defined in the top-level {kind}",
                    item.pos,
                    at.service
                )
            })?;
            let target = match item.text("target") {
                Some(t) if t.starts_with('/') => t.to_string(),
                Some(t) if kind == "secrets" => format!("/run/secrets/{t}"),
                Some(t) => format!("/{t}"),
                None => format!("/{source}"),
            };
            out.push(format!("{}:{target}:ro", host.display()));
        }
    }
    Ok(out)
}

/// What `compose run` changes in a service's options for its one-off container.
#[derive(Debug, Clone, Default)]
pub struct OneOff {
    /// `--name`; else `PROJECT-SERVICE-run-RANDOM`.
    pub name: Option<String>,
    /// The command after the service's name (none: the service's).
    pub command: Vec<String>,
    pub entrypoint: Option<String>,
    pub env: Vec<String>,
    pub labels: Vec<String>,
    pub user: Option<String>,
    pub workdir: Option<String>,
    pub publish: Vec<String>,
    pub volumes: Vec<String>,
    /// `--service-ports`: the service's ports published too (else none are).
    pub service_ports: bool,
    pub remove: bool,
    pub detach: bool,
    pub tty: bool,
    pub interactive: bool,
}

/// The run options of a one-off container of `service` (`compose run`):
/// the service's, without its ports (unless asked) and restart policy, with
/// `oneoff`'s changes, labelled as docker compose labels one.
pub fn oneoff_flags(service: &Node, image: &str, at: &Instance, o: &OneOff) -> Result<RunFlags> {
    let mut f = run_flags(service, image, at)?;
    let suffix = &Digest::of(format!("{:?}", std::time::SystemTime::now()).as_bytes())
        .hex()
        .to_string()[..12];
    f.name = Some(
        o.name
            .clone()
            .unwrap_or_else(|| format!("{}-{}-run-{suffix}", at.project, at.service)),
    );
    f.label = labels(service, at, image)
        .into_iter()
        .filter(|l| !l.starts_with(LABEL_NUMBER) && !l.starts_with(LABEL_ONEOFF))
        .collect();
    f.label.push(format!("{LABEL_ONEOFF}=True"));
    f.label.extend(o.labels.iter().cloned());
    if !o.service_ports {
        f.publish.clear();
    }
    f.publish.extend(o.publish.iter().cloned());
    f.volume.extend(o.volumes.iter().cloned());
    f.env.extend(o.env.iter().cloned());
    f.restart = "no".into();
    f.detach = o.detach;
    f.rm = o.remove;
    f.tty = o.tty;
    f.interactive = o.interactive;
    if !o.command.is_empty() {
        f.command = o.command.clone();
    }
    if let Some(e) = &o.entrypoint {
        f.entrypoint = Some(e.clone());
    }
    if o.user.is_some() {
        f.user = o.user.clone();
    }
    if o.workdir.is_some() {
        f.workdir = o.workdir.clone();
    }
    Ok(f)
}

fn list(n: &Node) -> Vec<String> {
    match &n.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(Node::as_scalar)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// The compose labels, then the service's own.
fn labels(service: &Node, at: &Instance, image: &str) -> Vec<String> {
    let depends: Vec<String> = service
        .entries("depends_on")
        .into_iter()
        .map(|(dep, _)| {
            let d = service.get("depends_on").and_then(|d| d.get(dep));
            let cond = d
                .and_then(|d| d.text("condition"))
                .unwrap_or("service_started");
            let restart = d.is_some_and(|d| d.text("restart") == Some("true"));
            let required = d.is_none_or(|d| d.text("required") != Some("false"));
            format!("{dep}:{cond}:{restart}:{required}")
        })
        .collect();
    // The service's own first: compose's, after them, win (a file cannot
    // move a container into another project or hide it as a one-off).
    let mut labels: Vec<String> = service
        .entries("labels")
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or("")))
        .collect();
    labels.extend([
        format!("{LABEL_PROJECT}={}", at.project),
        format!("{LABEL_SERVICE}={}", at.service),
        format!("{LABEL_NUMBER}={}", at.number),
        format!("{LABEL_ONEOFF}=False"),
        format!("{LABEL_HASH}={}", config_hash(service)),
        format!("{LABEL_WORKING_DIR}={}", at.working_dir),
        format!("{LABEL_CONFIG_FILES}={}", at.config_files),
        format!("{LABEL_DEPENDS_ON}={}", depends.join(",")),
        format!("{LABEL_IMAGE}={image}"),
        format!("{LABEL_VERSION}={}", env!("CARGO_PKG_VERSION")),
    ]);
    labels
}

/// Long-form ports as `-p` values.
fn ports(service: &Node) -> Result<Vec<String>> {
    let Some(Node {
        value: Value::Seq(items),
        ..
    }) = service.get("ports")
    else {
        return Ok(Vec::new());
    };
    items
        .iter()
        .map(|p| {
            let target = p
                .text("target")
                .ok_or_else(|| anyhow!("{}: a port without a target", p.pos))?;
            let proto = p.text("protocol").unwrap_or("tcp");
            let host = match (p.text("host_ip"), p.text("published")) {
                (Some(ip), Some(h)) if ip.contains(':') => format!("[{ip}]:{h}:"),
                (Some(ip), Some(h)) => format!("{ip}:{h}:"),
                (Some(ip), None) if ip.contains(':') => format!("[{ip}]::"),
                (Some(ip), None) => format!("{ip}::"),
                (None, Some(h)) => format!("{h}:"),
                (None, None) => String::new(),
            };
            Ok(format!("{host}{target}/{proto}"))
        })
        .collect()
}

/// The name of the project's network or volume `key` (`kind`: networks,
/// volumes): `PROJECT_KEY` unless it is external or named.
fn resource_name(model: &Node, kind: &str, key: &str) -> String {
    model
        .get(kind)
        .and_then(|k| k.get(key))
        .and_then(|d| d.text("name"))
        .unwrap_or(key)
        .to_string()
}

/// Long-form mounts as `-v` values: a bind's or named volume's
/// `SOURCE:TARGET[:ro]`, an anonymous volume's `TARGET`. A named volume's
/// source is its name in the project (`PROJECT_NAME`).
fn volumes(service: &Node, model: &Node) -> Result<Vec<String>> {
    let Some(Node {
        value: Value::Seq(items),
        ..
    }) = service.get("volumes")
    else {
        return Ok(Vec::new());
    };
    items
        .iter()
        .map(|m| {
            let target = m
                .text("target")
                .ok_or_else(|| anyhow!("{}: a mount without a target", m.pos))?;
            let ro = if m.text("read_only") == Some("true") {
                ":ro"
            } else {
                ""
            };
            match (m.text("type").unwrap_or("volume"), m.text("source")) {
                _ if bind_recursive(m).is_some() => Ok(None), // see recursive_binds
                ("bind", Some(src)) => Ok(Some(format!("{src}:{target}{ro}"))),
                ("volume", Some(src)) => Ok(Some(format!(
                    "{}:{target}{ro}",
                    resource_name(model, "volumes", src)
                ))),
                ("volume", None) => Ok(Some(format!("{target}{ro}"))),
                ("tmpfs", _) => Ok(None),
                (kind, _) => bail!("{}: a {kind} mount is not supported yet", m.pos),
            }
        })
        .filter_map(Result::transpose)
        .collect()
}

/// A long-syntax bind's `bind: {recursive: ...}` (enabled, disabled, writable, readonly).
fn bind_recursive(m: &Node) -> Option<&str> {
    m.get("bind")?.text("recursive")
}

/// The binds that say how the mounts beneath their source come along
/// (`bind: {recursive: ...}`), as `--mount` values: `-v` has no word for it.
fn recursive_binds(service: &Node) -> Result<Vec<String>> {
    let Some(Node {
        value: Value::Seq(items),
        ..
    }) = service.get("volumes")
    else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for m in items {
        let Some(recursive) = bind_recursive(m) else {
            continue;
        };
        if !["enabled", "disabled", "writable", "readonly"].contains(&recursive) {
            bail!(
                "{}: bind.recursive: {recursive:?} is not enabled, disabled, writable or readonly",
                m.pos
            );
        }
        let (Some("bind"), Some(src), Some(target)) =
            (m.text("type"), m.text("source"), m.text("target"))
        else {
            bail!(
                "{}: bind.recursive is for a bind mount with a source and a target",
                m.pos
            );
        };
        if src.contains(',') || target.contains(',') {
            bail!(
                "{}: bind.recursive: a path with a comma is not supported",
                m.pos
            );
        }
        let ro = match m.text("read_only") == Some("true") {
            true => ",readonly",
            false => "",
        };
        out.push(format!(
            "type=bind,source={src},target={target}{ro},bind-recursive={recursive}"
        ));
    }
    Ok(out)
}

/// The networks (by their names: `PROJECT_default`) and the aliases: the
/// service's name, then its own.
fn networks(service: &Node, at: &Instance, f: &mut RunFlags) -> Result<()> {
    if let Some(mode) = service.text("network_mode") {
        f.network = Some(joined_mode(mode, at));
        return Ok(());
    }
    let nets = service.entries("networks");
    if nets.is_empty() {
        return Ok(());
    }
    let addresses: Vec<&str> = nets
        .iter()
        .filter_map(|(n, _)| service.get("networks")?.get(n))
        .filter_map(|n| n.text("ipv4_address"))
        .collect();
    match (addresses.as_slice(), nets.len()) {
        ([], _) => {}
        ([ip], 1) => f.ip = Some(ip.to_string()),
        _ => bail!(
            "services.{}: ipv4_address is supported for a service on one network",
            at.service
        ),
    }
    f.network = Some(
        nets.iter()
            .map(|(n, _)| resource_name(at.model, "networks", n))
            .collect::<Vec<_>>()
            .join(","),
    );
    f.network_alias = vec![at.service.to_string()];
    for (name, _) in &nets {
        if let Some(n) = service.get("networks").and_then(|x| x.get(name)) {
            f.network_alias.extend(n.strings("aliases"));
        }
    }
    Ok(())
}

/// `ulimits` as `--ulimit NAME=SOFT[:HARD]`.
fn ulimits(service: &Node) -> Result<Vec<String>> {
    let Some(Node {
        value: Value::Map(items),
        ..
    }) = service.get("ulimits")
    else {
        return Ok(Vec::new());
    };
    items
        .iter()
        .map(|(k, v)| match (&v.value, v.text("soft"), v.text("hard")) {
            (Value::Scalar { text, .. }, _, _) => Ok(format!("{}={text}", k.name)),
            (_, Some(s), Some(h)) => Ok(format!("{}={s}:{h}", k.name)),
            _ => bail!("{}: ulimits.{}: a number or {{soft, hard}}", v.pos, k.name),
        })
        .collect()
}

/// `healthcheck` as the `--health-*` options.
fn healthcheck(service: &Node, f: &mut RunFlags) -> Result<()> {
    let Some(h) = service.get("healthcheck") else {
        return Ok(());
    };
    if h.text("disable") == Some("true") {
        f.no_healthcheck = true;
        return Ok(());
    }
    if let Some(t) = h.get("test") {
        let test = list(t);
        match test.first().map(String::as_str) {
            Some("NONE") => f.no_healthcheck = true,
            Some("CMD-SHELL") => f.health_cmd = Some(test[1..].join(" ")),
            Some("CMD") => f.health_cmd = Some(serde_json::to_string(&test[1..])?),
            _ => {}
        }
    }
    f.health_interval = h.text("interval").map(str::to_string);
    f.health_timeout = h.text("timeout").map(str::to_string);
    f.health_start_period = h.text("start_period").map(str::to_string);
    f.health_retries = h.text("retries").and_then(|r| r.parse().ok());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::canonical::{canonical, Context};
    use std::path::Path;

    fn project(text: &str) -> Node {
        let mut root = crate::yaml::parse(text, Path::new("c.yml"))
            .unwrap()
            .remove(0);
        let mut warnings = Vec::new();
        let env = |_: &str| None;
        let mut cx = Context {
            name: "proj",
            dir: Path::new("/p"),
            env: &env,
            warnings: &mut warnings,
        };
        canonical(&mut root, &mut cx).unwrap();
        root
    }

    fn service(text: &str) -> Node {
        project(text)
            .get("services")
            .unwrap()
            .get("web")
            .unwrap()
            .clone()
    }

    static NO_FILES: std::collections::BTreeMap<String, std::path::PathBuf> =
        std::collections::BTreeMap::new();

    fn at(model: &Node) -> Instance<'_> {
        Instance {
            model,
            project: "proj",
            service: "web",
            number: 1,
            working_dir: "/p",
            config_files: "/p/compose.yaml",
            files: &NO_FILES,
        }
    }

    #[test]
    fn a_bind_that_says_how_far_it_reaches_is_a_mount_option() {
        let model = project(concat!(
            "services:\n  web:\n    image: app\n    volumes:\n",
            "      - {type: bind, source: /srv, target: /s, read_only: true, bind: {recursive: writable}}\n",
            "      - {type: bind, source: /etc, target: /e, bind: {propagation: rprivate}}\n",
        ));
        let s = model.get("services").unwrap().get("web").unwrap();
        let f = run_flags(s, "app", &at(&model)).unwrap();
        assert_eq!(f.volume, ["/etc:/e"]);
        assert_eq!(
            f.mount,
            ["type=bind,source=/srv,target=/s,readonly,bind-recursive=writable"]
        );
    }

    #[test]
    fn a_service_as_run_options() {
        let model = project(concat!(
            "services:\n  web:\n    image: app\n    command: serve --port 80\n",
            "    entrypoint: [/init]\n    environment: [A=1, UNSET]\n",
            "    ports: ['8080:80', '127.0.0.1::53/udp']\n",
            "    volumes: ['data:/data:ro', './src:/src', '/cache']\n",
            "    restart: always\n    stop_grace_period: 1m\n    extra_hosts: ['db:10.0.0.2']\n",
            "    healthcheck: {test: [CMD, pg_isready, -q], interval: 5s, retries: 3}\n",
            "    ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 64}\n",
            "    labels: {tier: front}\n",
            "volumes:\n  data:\n",
        ));
        let s = model.get("services").unwrap().get("web").unwrap();
        let f = run_flags(s, "app", &at(&model)).unwrap();
        assert_eq!(f.image, "app");
        assert_eq!(f.name.as_deref(), Some("proj-web-1"));
        assert_eq!(f.command, ["serve", "--port", "80"]);
        assert_eq!(f.entrypoint.as_deref(), Some(r#"["/init"]"#));
        assert_eq!(f.env, ["A=1"]);
        assert_eq!(f.publish, ["8080:80/tcp", "127.0.0.1::53/udp"]);
        assert_eq!(f.volume, ["proj_data:/data:ro", "/p/src:/src", "/cache"]);
        assert_eq!(f.restart, "always");
        assert_eq!(f.stop_timeout, Some(60));
        assert_eq!(f.add_host, ["db:10.0.0.2"]);
        assert_eq!(f.health_cmd.as_deref(), Some(r#"["pg_isready","-q"]"#));
        assert_eq!(f.health_interval.as_deref(), Some("5s"));
        assert_eq!(f.health_retries, Some(3));
        assert_eq!(f.ulimit, ["nofile=1024:2048", "nproc=64"]);
        assert_eq!(f.network.as_deref(), Some("proj_default"));
        assert_eq!(f.network_alias, ["web"]);
        assert!(f
            .label
            .contains(&"com.docker.compose.project=proj".to_string()));
        assert!(f
            .label
            .contains(&"com.docker.compose.service=web".to_string()));
        assert!(f.label.contains(&"tier=front".to_string()));
        // The defaults husk run has (not Rust's).
        assert_eq!(f.pull, "missing");
        assert!(f.sig_proxy);
    }

    #[test]
    fn compose_keys_that_are_easy_to_get_wrong() {
        let model = project(concat!(
            "services:\n  web:\n    image: app\n",
            "    volumes: [{type: volume, target: /cache, read_only: true}, {type: tmpfs, target: /t, tmpfs: {size: 1000}}]\n",
            "    deploy: {resources: {limits: {memory: 256M, pids: 50}}, restart_policy: {condition: on-failure, max_attempts: 3}}\n",
            "    labels: {com.docker.compose.project: evil, com.docker.compose.oneoff: 'True'}\n",
            "    network_mode: service:db\n",
            "    links: [db, 'db:database']\n    external_links: [other-1]\n",
            "    volumes_from: [db, 'db:ro', 'container:keep']\n    ipc: service:db\n",
            "    domainname: example.org\n    devices: [/dev/fuse]\n    shm_size: 64m\n",
            "    cpus: 1.5\n    init: true\n    read_only: true\n",
            "  db:\n    image: db\n    container_name: the-db\n",
        ));
        let s = model.get("services").unwrap().get("web").unwrap();
        let f = run_flags(s, "app", &at(&model)).unwrap();
        assert_eq!(f.volume, ["/cache:ro"]);
        assert_eq!(f.tmpfs, ["/t:size=1000"]);
        assert_eq!(f.limits.memory.as_deref(), Some("256M"));
        assert_eq!(f.limits.pids_limit, Some(50));
        assert_eq!(f.restart, "on-failure:3");
        assert_eq!(f.network.as_deref(), Some("container:the-db"));
        assert_eq!(f.link, ["the-db:db", "the-db:database", "other-1"]);
        assert_eq!(f.volumes_from, ["the-db", "the-db:ro", "keep"]);
        assert_eq!(f.ipc.as_deref(), Some("container:the-db"));
        assert_eq!(f.domainname.as_deref(), Some("example.org"));
        assert_eq!(f.device, ["/dev/fuse"]);
        assert!(f.shm_size.is_some());
        assert_eq!(f.limits.cpus.as_deref(), Some("1.5"));
        assert!(f.init && f.read_only);
        // A file's labels cannot take a container out of its project: compose's come last.
        let last = |key: &str| {
            f.label
                .iter()
                .rev()
                .find_map(|l| l.strip_prefix(&format!("{key}=")))
                .unwrap()
                .to_string()
        };
        assert_eq!(last(LABEL_PROJECT), "proj");
        assert_eq!(last(LABEL_ONEOFF), "False");
    }

    #[test]
    fn the_hash_follows_the_configuration() {
        let a = service("services:\n  web:\n    image: app\n");
        let b = service("services:\n  web:\n    image: app\n    restart: always\n");
        assert_eq!(config_hash(&a), config_hash(&a.clone()));
        assert_ne!(config_hash(&a), config_hash(&b));
        let named = service("services:\n  web:\n    image: app\n    container_name: mine\n");
        let model = Node::new(Value::Null, crate::yaml::Pos::none());
        assert_eq!(container_name(&named, &at(&model)), "mine");
    }
}
