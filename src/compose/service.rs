//! A compose service (in canonical form) as the options of one of its
//! containers: husk's own run options ([`RunFlags`], the values `husk run`
//! takes), with the `com.docker.compose.*` labels docker compose writes, so
//! that a project's containers are found by their labels alone.

use anyhow::{anyhow, bail, Result};
use clap::{Args, FromArgMatches};

use super::emit;
use super::yaml::{Node, Value};
use crate::container::flags::RunFlags;
use crate::digest::Digest;

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
}

/// The container name docker compose gives: `PROJECT-SERVICE-N`, or the
/// service's `container_name`.
pub fn container_name(service: &Node, at: &Instance) -> String {
    match service.get("container_name").and_then(Node::as_scalar) {
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

/// `husk run`'s options with their defaults, as if none were given.
fn default_flags(image: &str) -> Result<RunFlags> {
    let cmd = RunFlags::augment_args(
        clap::Command::new("compose-service")
            .no_binary_name(true)
            .disable_help_flag(true),
    );
    let matches = cmd
        .try_get_matches_from([image])
        .map_err(|e| anyhow!("husk's run options: {e}"))?;
    Ok(RunFlags::from_arg_matches(&matches)?)
}

fn text<'a>(service: &'a Node, key: &str) -> Option<&'a str> {
    service.get(key).and_then(Node::as_scalar)
}

fn strings(service: &Node, key: &str) -> Vec<String> {
    match service.get(key).map(|n| &n.value) {
        Some(Value::Seq(items)) => items
            .iter()
            .filter_map(Node::as_scalar)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

fn entries(node: Option<&Node>) -> Vec<(&str, Option<&str>)> {
    match node.map(|n| &n.value) {
        Some(Value::Map(m)) => m
            .iter()
            .map(|(k, v)| (k.name.as_str(), v.as_scalar()))
            .collect(),
        _ => Vec::new(),
    }
}

fn is_true(service: &Node, key: &str) -> bool {
    text(service, key) == Some("true")
}

/// The run options of container `at` of `service` (canonical form); `image`
/// is the image it runs (the service's, or the one built for it).
pub fn run_flags(service: &Node, image: &str, at: &Instance) -> Result<RunFlags> {
    let mut f = default_flags(image)?;
    f.detach = true;
    f.name = Some(container_name(service, at));
    f.label = labels(service, at, image);
    f.env = entries(service.get("environment"))
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
    f.tmpfs = strings(service, "tmpfs");
    networks(service, at, &mut f);
    if let Some(r) = text(service, "restart") {
        f.restart = r.to_string();
    }
    f.hostname = text(service, "hostname").map(str::to_string);
    f.domainname = text(service, "domainname").map(str::to_string);
    f.user = text(service, "user").map(str::to_string);
    f.workdir = text(service, "working_dir").map(str::to_string);
    f.tty = is_true(service, "tty");
    f.interactive = is_true(service, "stdin_open");
    f.init = is_true(service, "init");
    f.read_only = is_true(service, "read_only");
    f.privileged = is_true(service, "privileged");
    f.cap_add = strings(service, "cap_add");
    f.cap_drop = strings(service, "cap_drop");
    f.security_opt = strings(service, "security_opt");
    f.group_add = strings(service, "group_add");
    f.dns = strings(service, "dns");
    f.dns_search = strings(service, "dns_search");
    f.dns_option = strings(service, "dns_opt");
    f.device = strings(service, "devices");
    f.expose = strings(service, "expose");
    // extra_hosts are `host=ip` in canonical form; --add-host takes `host:ip`.
    f.add_host = strings(service, "extra_hosts")
        .iter()
        .map(|h| h.replacen('=', ":", 1))
        .collect();
    f.sysctl = entries(service.get("sysctls"))
        .into_iter()
        .map(|(k, v)| format!("{k}={}", v.unwrap_or("")))
        .collect();
    f.stop_signal = text(service, "stop_signal").map(str::to_string);
    if let Some(d) = text(service, "stop_grace_period") {
        f.stop_timeout = Some(crate::output::human::parse_duration(d)?.as_secs() as u32);
    }
    f.shm_size = text(service, "shm_size").map(str::to_string);
    f.limits.memory = text(service, "mem_limit").map(str::to_string);
    f.limits.memory_reservation = text(service, "mem_reservation").map(str::to_string);
    f.limits.memory_swap = text(service, "memswap_limit").map(str::to_string);
    f.pid = text(service, "pid").map(str::to_string);
    f.ipc = text(service, "ipc").map(str::to_string);
    f.ulimit = ulimits(service)?;
    healthcheck(service, &mut f)?;
    if let Some(p) = text(service, "pull_policy") {
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
    let depends: Vec<String> = entries(service.get("depends_on"))
        .into_iter()
        .map(|(dep, _)| {
            let d = service.get("depends_on").and_then(|d| d.get(dep));
            let cond = d
                .and_then(|d| text(d, "condition"))
                .unwrap_or("service_started");
            let restart = d.is_some_and(|d| text(d, "restart") == Some("true"));
            let required = d.is_none_or(|d| text(d, "required") != Some("false"));
            format!("{dep}:{cond}:{restart}:{required}")
        })
        .collect();
    let mut labels = vec![
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
    ];
    labels.extend(
        entries(service.get("labels"))
            .into_iter()
            .map(|(k, v)| format!("{k}={}", v.unwrap_or(""))),
    );
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
            let target =
                text(p, "target").ok_or_else(|| anyhow!("{}: a port without a target", p.pos))?;
            let proto = text(p, "protocol").unwrap_or("tcp");
            let host = match (text(p, "host_ip"), text(p, "published")) {
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
        .and_then(|d| text(d, "name"))
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
            let target =
                text(m, "target").ok_or_else(|| anyhow!("{}: a mount without a target", m.pos))?;
            let ro = if text(m, "read_only") == Some("true") {
                ":ro"
            } else {
                ""
            };
            match (text(m, "type").unwrap_or("volume"), text(m, "source")) {
                ("bind", Some(src)) => Ok(format!("{src}:{target}{ro}")),
                ("volume", Some(src)) => Ok(format!(
                    "{}:{target}{ro}",
                    resource_name(model, "volumes", src)
                )),
                ("volume", None) => Ok(target.to_string()),
                (kind, _) => bail!("{}: a {kind} mount is not supported yet", m.pos),
            }
        })
        .collect()
}

/// The networks (by their names: `PROJECT_default`) and the aliases: the
/// service's name, then its own.
fn networks(service: &Node, at: &Instance, f: &mut RunFlags) {
    if let Some(mode) = text(service, "network_mode") {
        f.network = Some(mode.to_string());
        return;
    }
    let nets = entries(service.get("networks"));
    if nets.is_empty() {
        return;
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
            f.network_alias.extend(strings(n, "aliases"));
        }
    }
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
        .map(
            |(k, v)| match (&v.value, text(v, "soft"), text(v, "hard")) {
                (Value::Scalar { text, .. }, _, _) => Ok(format!("{}={text}", k.name)),
                (_, Some(s), Some(h)) => Ok(format!("{}={s}:{h}", k.name)),
                _ => bail!("{}: ulimits.{}: a number or {{soft, hard}}", v.pos, k.name),
            },
        )
        .collect()
}

/// `healthcheck` as the `--health-*` options.
fn healthcheck(service: &Node, f: &mut RunFlags) -> Result<()> {
    let Some(h) = service.get("healthcheck") else {
        return Ok(());
    };
    if text(h, "disable") == Some("true") {
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
    f.health_interval = text(h, "interval").map(str::to_string);
    f.health_timeout = text(h, "timeout").map(str::to_string);
    f.health_start_period = text(h, "start_period").map(str::to_string);
    f.health_retries = text(h, "retries").and_then(|r| r.parse().ok());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::canonical::{canonical, Context};
    use std::path::Path;

    fn project(text: &str) -> Node {
        let mut root = crate::compose::yaml::parse(text, Path::new("c.yml"))
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

    fn at(model: &Node) -> Instance<'_> {
        Instance {
            model,
            project: "proj",
            service: "web",
            number: 1,
            working_dir: "/p",
            config_files: "/p/compose.yaml",
        }
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
    fn the_hash_follows_the_configuration() {
        let a = service("services:\n  web:\n    image: app\n");
        let b = service("services:\n  web:\n    image: app\n    restart: always\n");
        assert_eq!(config_hash(&a), config_hash(&a.clone()));
        assert_ne!(config_hash(&a), config_hash(&b));
        let named = service("services:\n  web:\n    image: app\n    container_name: mine\n");
        let model = Node::new(Value::Null, crate::compose::yaml::Pos::none());
        assert_eq!(container_name(&named, &at(&model)), "mine");
    }
}
