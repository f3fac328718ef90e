//! A merged compose model put in the one form docker compose reads it as
//! (what `compose config` prints, and what the project is made from):
//! short syntaxes in their long form (ports, volumes, `depends_on`,
//! networks, build, secrets), `KEY=VALUE` lists as mappings, a string
//! `command` split as a shell would, durations and sizes in Go's spelling,
//! relative paths made absolute against the project directory, `env_file`s
//! read into `environment`, the `default` network and the resources'
//! `PROJECT_NAME` names added, keys in docker compose's order. A key compose
//! does not know is left out with a warning; a value of the wrong kind is an
//! error that names its file, line and key.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::yaml::{FileError, Key, Node, Pos, Value};

/// The project's variables, by name.
pub type Vars<'a> = &'a dyn Fn(&str) -> Option<String>;

/// What canonical form needs from the project.
pub struct Context<'a> {
    pub name: &'a str,
    pub dir: &'a Path,
    /// The project's variables (the environment, then `.env`).
    pub env: Vars<'a>,
    /// Warnings, for the caller to print.
    pub warnings: &'a mut Vec<String>,
}

/// A service's keys, in the order docker compose prints them.
#[rustfmt::skip]
pub const SERVICE_KEYS: &[&str] = &[
    "profiles", "annotations", "attach", "build", "develop", "blkio_config", "cap_add",
    "cap_drop", "cgroup_parent", "cgroup", "cpu_count", "cpu_percent", "cpu_period",
    "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "cpu_shares", "command",
    "configs", "container_name", "credential_spec", "depends_on", "deploy",
    "device_cgroup_rules", "devices", "dns", "dns_opt", "dns_search", "domainname",
    "entrypoint", "environment", "env_file", "expose", "extends", "external_links",
    "extra_hosts", "group_add", "gpus", "hostname", "healthcheck", "image", "init", "ipc",
    "isolation", "labels", "label_file", "links", "logging", "mem_limit", "mem_reservation",
    "memswap_limit", "mem_swappiness", "mac_address", "network_mode", "networks",
    "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "ports", "privileged",
    "pull_policy", "read_only", "restart", "runtime", "scale", "secrets", "security_opt",
    "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls",
    "tmpfs", "tty", "ulimits", "user", "userns_mode", "uts", "volumes", "volumes_from",
    "working_dir",
];

const TOP_KEYS: &[&str] = &[
    "name", "services", "networks", "volumes", "secrets", "configs",
];
#[rustfmt::skip]
const BUILD_KEYS: &[&str] = &[
    "context", "dockerfile", "dockerfile_inline", "args", "ssh", "labels", "cache_from",
    "cache_to", "no_cache", "additional_contexts", "pull", "extra_hosts", "network", "target",
    "secrets", "shm_size", "tags", "platforms",
];
#[rustfmt::skip]
const PORT_KEYS: &[&str] = &[
    "name", "mode", "host_ip", "target", "published", "protocol", "app_protocol",
];
#[rustfmt::skip]
const MOUNT_KEYS: &[&str] = &[
    "type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs",
];
#[rustfmt::skip]
const HEALTH_KEYS: &[&str] = &[
    "test", "timeout", "interval", "retries", "start_period", "start_interval", "disable",
];
const DEPENDS_KEYS: &[&str] = &["condition", "restart", "required"];
#[rustfmt::skip]
const NETWORK_KEYS: &[&str] = &[
    "name", "driver", "driver_opts", "ipam", "external", "internal", "attachable", "labels",
    "enable_ipv6",
];
const VOLUME_KEYS: &[&str] = &["name", "driver", "driver_opts", "external", "labels"];
#[rustfmt::skip]
const FILE_OBJECT_KEYS: &[&str] = &[
    "name", "file", "environment", "content", "external", "labels",
];
#[rustfmt::skip]
const SERVICE_NETWORK_KEYS: &[&str] = &[
    "aliases", "ipv4_address", "ipv6_address", "interface_name", "priority",
];

/// Service keys whose value is a string (printed quoted when it would
/// read as something else, `user: "1000"`).
#[rustfmt::skip]
const STRING_KEYS: &[&str] = &[
    "image", "container_name", "hostname", "domainname", "user", "working_dir", "restart",
    "stop_signal", "platform", "network_mode", "pid", "ipc", "uts", "cgroup", "cgroup_parent",
    "runtime", "userns_mode", "mac_address", "isolation",
];
#[rustfmt::skip]
const BOOL_KEYS: &[&str] = &[
    "init", "read_only", "privileged", "tty", "stdin_open", "oom_kill_disable",
];
#[rustfmt::skip]
const INT_KEYS: &[&str] = &[
    "scale", "oom_score_adj", "pids_limit", "cpu_shares", "mem_swappiness",
];
#[rustfmt::skip]
const LIST_KEYS: &[&str] = &[
    "cap_add", "cap_drop", "dns", "dns_opt", "dns_search", "security_opt", "group_add", "links",
    "external_links", "profiles", "tmpfs", "devices", "volumes_from", "device_cgroup_rules",
];
const SIZE_KEYS: &[&str] = &["mem_limit", "mem_reservation", "memswap_limit", "shm_size"];

/// `root` (the merged model) in canonical form.
pub fn canonical(root: &mut Node, cx: &mut Context) -> Result<(), FileError> {
    let Value::Map(entries) = &mut root.value else {
        return Err(FileError::new(
            &root.pos,
            "the top of a compose file must be a mapping",
        ));
    };
    entries.retain(|(k, _)| {
        let known = TOP_KEYS.contains(&k.name.as_str()) || k.name.starts_with("x-");
        if !known {
            cx.warnings.push(format!(
                "{}: unknown top-level key {:?} ignored",
                k.pos, k.name
            ));
        }
        known
    });
    let mut uses_default = false;
    if let Some(services) = root.get_mut("services") {
        expect_map(services, "services")?;
        if let Value::Map(list) = &mut services.value {
            list.sort_by(|a, b| a.0.name.cmp(&b.0.name));
            for (k, service) in list.iter_mut() {
                if !valid_service_name(&k.name) {
                    return Err(FileError::new(
                        &k.pos,
                        format!("services: {:?} is not a service name (letters, digits, '.', '_' and '-')", k.name),
                    ));
                }
                let path = format!("services.{}", k.name);
                service_canonical(service, &path, cx)?;
                uses_default |= service
                    .get("networks")
                    .is_some_and(|n| n.get("default").is_some());
            }
        }
    }
    set(root, "name", string(cx.name));
    resources(root, "networks", NETWORK_KEYS, cx)?;
    if uses_default
        && root
            .get("networks")
            .and_then(|n| n.get("default"))
            .is_none()
    {
        let networks = entry(root, "networks", || {
            Node::new(Value::Map(Vec::new()), Pos::none())
        });
        let mut default = Node::new(Value::Map(Vec::new()), Pos::none());
        set(
            &mut default,
            "name",
            string(&format!("{}_default", cx.name)),
        );
        set(networks, "default", default);
        sort_keys(networks);
    }
    resources(root, "volumes", VOLUME_KEYS, cx)?;
    resources(root, "secrets", FILE_OBJECT_KEYS, cx)?;
    resources(root, "configs", FILE_OBJECT_KEYS, cx)?;
    order(root, TOP_KEYS);
    Ok(())
}

/// Whether `name` is a service name as docker compose's schema has them.
fn valid_service_name(name: &str) -> bool {
    // compose-go's rule: a letter or digit first (so never `.` or `..`).
    name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The services `service` needs started first without naming them in
/// `depends_on`: `network_mode`/`ipc`/`pid: service:X` and `volumes_from: [X]`.
fn implicit_dependencies(service: &mut Node) {
    let mut deps: Vec<String> = Vec::new();
    for key in ["network_mode", "ipc", "pid"] {
        if let Some(x) = service
            .get(key)
            .and_then(Node::as_scalar)
            .and_then(|m| m.strip_prefix("service:"))
        {
            deps.push(x.to_string());
        }
    }
    if let Some(Node {
        value: Value::Seq(items),
        ..
    }) = service.get("volumes_from")
    {
        for i in items.iter().filter_map(Node::as_scalar) {
            if !i.starts_with("container:") {
                deps.push(i.split(':').next().unwrap_or(i).to_string());
            }
        }
    }
    if deps.is_empty() {
        return;
    }
    let pos = service.pos.clone();
    let depends = entry(service, "depends_on", || {
        Node::new(Value::Map(Vec::new()), pos)
    });
    for d in deps {
        if depends.get(&d).is_none() {
            let mut spec = Node::new(Value::Map(Vec::new()), Pos::none());
            set(&mut spec, "condition", string("service_started"));
            set(&mut spec, "required", plain("true"));
            set(depends, &d, spec);
        }
    }
    sort_keys(depends);
}

/// Top-level `networks`/`volumes`/`secrets`/`configs`: each one's name
/// (`PROJECT_KEY`, or the key for an external one), file paths absolute.
fn resources(
    root: &mut Node,
    kind: &str,
    keys: &[&str],
    cx: &mut Context,
) -> Result<(), FileError> {
    let Some(all) = root.get_mut(kind) else {
        return Ok(());
    };
    if all.is_null() {
        all.value = Value::Map(Vec::new());
    }
    expect_map(all, kind)?;
    sort_keys(all);
    let Value::Map(list) = &mut all.value else {
        return Ok(());
    };
    for (k, def) in list.iter_mut() {
        let path = format!("{kind}.{}", k.name);
        // The key names files (a secret's text is written under it) and resources.
        if !valid_service_name(&k.name) {
            return Err(FileError::new(
                &k.pos,
                format!(
                    "{kind}: {:?} is not a valid name (letters, digits, '.', '_' and '-')",
                    k.name
                ),
            ));
        }
        if def.is_null() {
            def.value = Value::Map(Vec::new());
        }
        expect_map(def, &path)?;
        unknown_keys(def, keys, &path, cx);
        let mut external = false;
        if let Some(ext) = def.get("external").cloned() {
            match &ext.value {
                Value::Map(_) => {
                    // `external: {name: N}`, the old spelling of `name: N` + `external: true`.
                    if let Some(n) = ext.get("name") {
                        set(
                            def,
                            "name",
                            string(scalar(n, &format!("{path}.external.name"))?),
                        );
                    }
                    external = true;
                    set(def, "external", plain("true"));
                }
                _ => external = boolean(&ext, &format!("{path}.external"))?,
            }
        }
        if def.get("name").is_none() {
            let name = match external {
                true => k.name.clone(),
                false => format!("{}_{}", cx.name, k.name),
            };
            set(def, "name", string(&name));
        }
        if let Some(file) = def.get_mut("file") {
            let p = scalar(file, &format!("{path}.file"))?.to_string();
            *file = string(&absolute(cx.dir, &p));
        }
        for map_key in ["labels", "driver_opts"] {
            if let Some(n) = def.get_mut(map_key) {
                key_value_map(n, &format!("{path}.{map_key}"), None)?;
            }
        }
        order(def, keys);
    }
    Ok(())
}

fn service_canonical(service: &mut Node, path: &str, cx: &mut Context) -> Result<(), FileError> {
    if service.is_null() {
        service.value = Value::Map(Vec::new());
    }
    expect_map(service, path)?;
    unknown_keys(service, SERVICE_KEYS, path, cx);
    let Value::Map(entries) = &mut service.value else {
        return Ok(());
    };
    // env_file is read into environment, after it.
    let env_files = entries
        .iter()
        .position(|(k, _)| k.name == "env_file")
        .map(|i| entries.remove(i).1);
    for (k, v) in entries.iter_mut() {
        let p = format!("{path}.{}", k.name);
        value_canonical(&k.name, v, &p, cx)?;
    }
    environment(service, env_files, path, cx)?;
    implicit_dependencies(service);
    let has_mode = service.get("network_mode").is_some();
    let no_networks = service
        .get("networks")
        .is_none_or(|n| matches!(&n.value, Value::Map(m) if m.is_empty()));
    if !has_mode && no_networks {
        let mut networks = Node::new(Value::Map(Vec::new()), Pos::none());
        set(
            &mut networks,
            "default",
            Node::new(Value::Null, Pos::none()),
        );
        set(service, "networks", networks);
    }
    order(service, SERVICE_KEYS);
    Ok(())
}

/// One service key's value in canonical form.
fn value_canonical(key: &str, v: &mut Node, p: &str, cx: &mut Context) -> Result<(), FileError> {
    match key {
        k if STRING_KEYS.contains(&k) => *v = string_of(v, p)?,
        k if BOOL_KEYS.contains(&k) => {
            boolean(v, p)?;
        }
        k if INT_KEYS.contains(&k) => {
            integer(v, p)?;
        }
        k if SIZE_KEYS.contains(&k) => *v = size(v, p)?,
        k if LIST_KEYS.contains(&k) => *v = string_list(v, p)?,
        "pull_policy" => {
            *v = string_of(v, p)?;
            if v.as_scalar() == Some("if_not_present") {
                *v = string("missing");
            }
        }
        "command" | "entrypoint" => *v = command(v, p)?,
        "labels" | "annotations" | "sysctls" => key_value_map(v, p, None)?,
        "expose" => *v = string_list(v, p)?,
        "ports" => *v = ports(v, p, cx)?,
        "volumes" => *v = volumes(v, p, cx)?,
        "depends_on" => depends_on(v, p)?,
        "networks" => service_networks(v, p)?,
        "build" => build(v, p, cx)?,
        "healthcheck" => healthcheck(v, p)?,
        "stop_grace_period" => *v = duration(v, p)?,
        "extra_hosts" => *v = extra_hosts(v, p)?,
        "secrets" => *v = file_refs(v, p, Some("/run/secrets"))?,
        "configs" => *v = file_refs(v, p, None)?,
        "logging" => {
            expect_map(v, p)?;
            if let Some(o) = v.get_mut("options") {
                key_value_map(o, &format!("{p}.options"), None)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `environment` as a mapping: the `env_file`s' variables first, then its
/// own; a key with no value takes the project's variable (or stays null).
fn environment(
    service: &mut Node,
    env_files: Option<Node>,
    path: &str,
    cx: &mut Context,
) -> Result<(), FileError> {
    let mut vars: Vec<(Key, Node)> = Vec::new();
    if let Some(files) = env_files {
        for (file, required) in env_file_list(&files, &format!("{path}.env_file"), cx.dir)? {
            let text = match super::env_file::read(&file) {
                Ok(t) => t,
                Err(_) if !required => continue,
                Err(e) => {
                    return Err(FileError::new(
                        &files.pos,
                        format!("{path}.env_file: env file {}: {e}", file.display()),
                    ))
                }
            };
            let parsed = super::env_file::parse(&text, cx.env).map_err(|e| {
                FileError::new(
                    &files.pos,
                    format!("{path}.env_file: {}: {e}", file.display()),
                )
            })?;
            for (k, val) in parsed.vars {
                let node = string(&val);
                match vars.iter_mut().find(|(e, _)| e.name == k) {
                    Some(e) => e.1 = node,
                    None => vars.push((
                        Key {
                            name: k,
                            pos: files.pos.clone(),
                        },
                        node,
                    )),
                }
            }
        }
    }
    if let Some(env) = service.get_mut("environment") {
        key_value_map(env, &format!("{path}.environment"), Some(cx.env))?;
        if let Value::Map(own) = &env.value {
            for (k, val) in own {
                match vars.iter_mut().find(|(e, _)| e.name == k.name) {
                    Some(e) => e.1 = val.clone(),
                    None => vars.push((k.clone(), val.clone())),
                }
            }
        }
    }
    if vars.is_empty() {
        return Ok(());
    }
    vars.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    set(
        service,
        "environment",
        Node::new(Value::Map(vars), Pos::none()),
    );
    Ok(())
}

/// `env_file`: a path, a list of paths, or of `{path, required}`.
fn env_file_list(n: &Node, p: &str, dir: &Path) -> Result<Vec<(PathBuf, bool)>, FileError> {
    let items = match &n.value {
        Value::Seq(items) => items.clone(),
        Value::Scalar { .. } => vec![n.clone()],
        _ => return Err(kind_error(n, p, "a path or a list of them")),
    };
    items
        .iter()
        .map(|item| match &item.value {
            Value::Scalar { text, .. } => Ok((PathBuf::from(absolute(dir, text)), true)),
            Value::Map(_) => {
                let path = item.get("path").ok_or_else(|| {
                    FileError::new(&item.pos, format!("{p}: an env_file without a path"))
                })?;
                let required = match item.get("required") {
                    Some(r) => boolean(r, &format!("{p}.required"))?,
                    None => true,
                };
                Ok((PathBuf::from(absolute(dir, scalar(path, p)?)), required))
            }
            _ => Err(kind_error(item, p, "a path")),
        })
        .collect()
}

/// `KEY=VALUE` list or mapping as a mapping of strings, sorted. A key with
/// no value is null, or the variable `env` gives for it.
fn key_value_map(n: &mut Node, p: &str, env: Option<Vars>) -> Result<(), FileError> {
    let mut out: Vec<(Key, Node)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut put = |k: Key, v: Node| match index.get(&k.name) {
        Some(i) => out[*i].1 = v,
        None => {
            index.insert(k.name.clone(), out.len());
            out.push((k, v));
        }
    };
    let resolve = |name: &str, pos: &Pos, list: bool| match (env.and_then(|e| e(name)), list) {
        (Some(v), _) => string(&v),
        // Labels from a list without `=` are empty strings; variables null.
        (None, true) if env.is_none() => string(""),
        (None, _) => Node::new(Value::Null, pos.clone()),
    };
    match &n.value {
        Value::Null => {}
        Value::Seq(items) => {
            for item in items {
                let text = scalar(item, p)?;
                let key_pos = item.pos.clone();
                match text.split_once('=') {
                    Some((k, v)) => put(
                        Key {
                            name: k.to_string(),
                            pos: key_pos,
                        },
                        string(v),
                    ),
                    None => {
                        let v = resolve(text, &key_pos, true);
                        put(
                            Key {
                                name: text.to_string(),
                                pos: key_pos,
                            },
                            v,
                        )
                    }
                }
            }
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                let value = match &v.value {
                    Value::Null => resolve(&k.name, &k.pos, false),
                    Value::Scalar { text, .. } => string(text),
                    _ => {
                        return Err(kind_error(
                            v,
                            &format!("{p}.{}", k.name),
                            "a string, number or boolean",
                        ))
                    }
                };
                put(k.clone(), value);
            }
        }
        Value::Scalar { .. } => return Err(kind_error(n, p, "a mapping or a list")),
    }
    out.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    n.value = Value::Map(out);
    Ok(())
}

/// A string `command` split as a shell would; a list's items as strings.
fn command(n: &Node, p: &str) -> Result<Node, FileError> {
    let words = match &n.value {
        Value::Null => return Ok(n.clone()),
        Value::Scalar { text, .. } => shell_words::split(text)
            .map_err(|e| FileError::new(&n.pos, format!("{p}: {e} in {text:?}")))?,
        Value::Seq(items) => items
            .iter()
            .map(|i| scalar(i, p).map(str::to_string))
            .collect::<Result<_, _>>()?,
        Value::Map(_) => return Err(kind_error(n, p, "a string or a list")),
    };
    Ok(list(words.iter().map(|w| string(w)).collect(), &n.pos))
}

/// `ports`, each in the long form.
fn ports(n: &Node, p: &str, cx: &mut Context) -> Result<Node, FileError> {
    let Value::Seq(items) = &n.value else {
        return Err(kind_error(n, p, "a list"));
    };
    let mut out: Vec<Node> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for item in items {
        let long = match &item.value {
            Value::Map(_) => {
                let mut m = item.clone();
                unknown_keys(&mut m, PORT_KEYS, p, cx);
                long_port(&mut m, p)?;
                if m.get("target").is_none() {
                    return Err(FileError::new(
                        &item.pos,
                        format!("{p}: a port without a target"),
                    ));
                }
                if m.get("protocol").is_none() {
                    set(&mut m, "protocol", string("tcp"));
                }
                if m.get("mode").is_none() {
                    set(&mut m, "mode", string("ingress"));
                }
                order(&mut m, PORT_KEYS);
                vec![m]
            }
            Value::Scalar { text, .. } => {
                let mut ports =
                    short_port(text).map_err(|e| FileError::new(&item.pos, format!("{p}: {e}")))?;
                for port in &mut ports {
                    port.pos = item.pos.clone();
                }
                ports
            }
            _ => return Err(kind_error(item, p, "a port")),
        };
        for port in long {
            let key = port_key(&port);
            match index.get(&key) {
                Some(i) => out[*i] = port,
                None => {
                    index.insert(key, out.len());
                    out.push(port);
                }
            }
        }
    }
    Ok(list(out, &n.pos))
}

/// A long-form port's values checked: `target` a port number, `published`
/// a port or a range of them, `host_ip` an address, `protocol` tcp, udp or sctp.
fn long_port(m: &mut Node, p: &str) -> Result<(), FileError> {
    let number = |v: &str| v.parse::<u32>().ok().filter(|n| (1..=65535).contains(n));
    if let Some(v) = m.get_mut("target") {
        let text = scalar(v, &format!("{p}.target"))?.to_string();
        if number(&text).is_none() {
            return Err(FileError::new(
                &v.pos,
                format!("{p}.target: {text:?} is not a port number"),
            ));
        }
        *v = plain(&text);
    }
    if let Some(v) = m.get_mut("published") {
        let text = scalar(v, &format!("{p}.published"))?.to_string();
        let ok = match text.split_once('-') {
            Some((a, b)) => number(a).zip(number(b)).is_some_and(|(a, b)| a <= b),
            None => number(&text).is_some(),
        };
        if !ok {
            return Err(FileError::new(
                &v.pos,
                format!("{p}.published: {text:?} is not a port or a range of ports"),
            ));
        }
        *v = string(&text);
    }
    if let Some(v) = m.get("host_ip") {
        let text = scalar(v, &format!("{p}.host_ip"))?;
        if text.parse::<std::net::IpAddr>().is_err() {
            return Err(FileError::new(
                &v.pos,
                format!("{p}.host_ip: {text:?} is not an IP address"),
            ));
        }
    }
    if let Some(v) = m.get("protocol") {
        let text = scalar(v, &format!("{p}.protocol"))?;
        if !["tcp", "udp", "sctp"].contains(&text) {
            return Err(FileError::new(
                &v.pos,
                format!("{p}.protocol: {text:?} is none of tcp, udp, sctp"),
            ));
        }
    }
    Ok(())
}

/// What makes two ports the same one.
fn port_key(n: &Node) -> String {
    let get = |k: &str| {
        n.get(k)
            .and_then(|v| v.as_scalar())
            .unwrap_or("")
            .to_string()
    };
    let ip = match get("host_ip") {
        ip if ip.is_empty() => "0.0.0.0".to_string(),
        ip => ip,
    };
    format!(
        "{ip}:{}:{}/{}",
        get("published"),
        get("target"),
        get("protocol")
    )
}

/// `[[IP:]HOST:]CONTAINER[/PROTO]` with ranges, as long-form ports.
fn short_port(spec: &str) -> Result<Vec<Node>, String> {
    let (rest, proto) = match spec.rsplit_once('/') {
        Some((r, proto)) => (r, proto.to_ascii_lowercase()),
        None => (spec, "tcp".to_string()),
    };
    if !["tcp", "udp", "sctp"].contains(&proto.as_str()) {
        return Err(format!("invalid protocol {proto:?} in port {spec:?}"));
    }
    // An IPv6 host address is in brackets.
    let (ip, rest) = match rest.strip_prefix('[') {
        Some(r) => match r.split_once("]:") {
            Some((ip, rest)) => (Some(ip.to_string()), rest),
            None => return Err(format!("invalid port {spec:?}")),
        },
        None => match rest.matches(':').count() {
            2 => {
                let (ip, r) = rest.split_once(':').unwrap_or_default();
                (Some(ip.to_string()), r)
            }
            0 | 1 => (None, rest),
            _ => return Err(format!("invalid port {spec:?}")),
        },
    };
    let (published, target) = match rest.rsplit_once(':') {
        Some((h, c)) => (h, c),
        None => ("", rest),
    };
    let range = |r: &str| -> Result<(u32, u32), String> {
        let bad = || format!("invalid port {spec:?}");
        let (a, b) = r.split_once('-').unwrap_or((r, r));
        let (a, b): (u32, u32) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
        if a == 0 || b < a || b > 65535 {
            return Err(bad());
        }
        Ok((a, b))
    };
    let (t0, t1) = range(target)?;
    let host = match published {
        "" => None,
        h => Some(range(h)?),
    };
    let count = t1 - t0 + 1;
    let mut out = Vec::new();
    for i in 0..count {
        let mut m = Node::new(Value::Map(Vec::new()), Pos::none());
        set(&mut m, "mode", string("ingress"));
        if let Some(ip) = ip.as_deref().filter(|ip| !ip.is_empty()) {
            set(&mut m, "host_ip", string(ip));
        }
        set(&mut m, "target", plain(&(t0 + i).to_string()));
        match host {
            // One host range for one container port: kept as a range.
            Some((h0, h1)) if count == 1 && h1 > h0 => {
                set(&mut m, "published", string(&format!("{h0}-{h1}")))
            }
            Some((h0, h1)) if count > 1 && h1 - h0 + 1 != count => {
                return Err(format!("invalid port {spec:?}: the ranges differ in size"));
            }
            Some((h0, _)) => set(&mut m, "published", string(&(h0 + i).to_string())),
            None => {}
        }
        set(&mut m, "protocol", string(&proto));
        out.push(m);
    }
    Ok(out)
}

/// `volumes`, each in the long form; one per target.
fn volumes(n: &Node, p: &str, cx: &mut Context) -> Result<Node, FileError> {
    let dir = cx.dir;
    let Value::Seq(items) = &n.value else {
        return Err(kind_error(n, p, "a list"));
    };
    let mut out: Vec<Node> = Vec::new();
    for item in items {
        let mut long = match &item.value {
            Value::Scalar { text, .. } => {
                let mut m = short_volume(text, dir)
                    .map_err(|e| FileError::new(&item.pos, format!("{p}: {e}")))?;
                m.pos = item.pos.clone();
                m
            }
            Value::Map(_) => {
                let mut m = item.clone();
                unknown_keys(&mut m, MOUNT_KEYS, p, cx);
                long_mount(&mut m, p, dir)?;
                m
            }
            _ => return Err(kind_error(item, p, "a volume")),
        };
        order(&mut long, MOUNT_KEYS);
        let target = long
            .get("target")
            .and_then(|t| t.as_scalar())
            .map(str::to_string);
        match out.iter().position(|o| {
            o.get("target")
                .and_then(|t| t.as_scalar())
                .map(str::to_string)
                == target
        }) {
            Some(i) => out[i] = long,
            None => out.push(long),
        }
    }
    Ok(list(out, &n.pos))
}

/// A long-form mount checked: its type, a bind's source (made absolute), an
/// absolute target.
fn long_mount(m: &mut Node, p: &str, dir: &Path) -> Result<(), FileError> {
    let ty = match m.get("type") {
        Some(t) => scalar(t, &format!("{p}.type"))?.to_string(),
        None => "volume".to_string(),
    };
    if !["bind", "volume", "tmpfs", "image"].contains(&ty.as_str()) {
        return Err(FileError::new(
            &m.pos,
            format!("{p}.type: {ty:?} is none of bind, volume, tmpfs, image"),
        ));
    }
    set(m, "type", string(&ty));
    let target = match m.get("target") {
        Some(t) => scalar(t, &format!("{p}.target"))?.to_string(),
        None => {
            return Err(FileError::new(
                &m.pos,
                format!("{p}: a volume without a target"),
            ))
        }
    };
    if !target.starts_with('/') {
        return Err(FileError::new(
            &m.pos,
            format!("{p}.target: {target:?} is not an absolute path"),
        ));
    }
    set(m, "target", string(&clean(&target)));
    match (ty.as_str(), m.get_mut("source")) {
        ("bind", Some(src)) => {
            let s = scalar(src, &format!("{p}.source"))?.to_string();
            *src = string(&absolute(dir, &s));
        }
        ("bind" | "image", None) => {
            return Err(FileError::new(
                &m.pos,
                format!("{p}: a {ty} mount without a source"),
            ))
        }
        _ => {}
    }
    if let Some(v) = m.get("read_only") {
        boolean(v, &format!("{p}.read_only"))?;
    }
    if let Some(size) = m.get("tmpfs").and_then(|t| t.get("size")) {
        let text = scalar(size, &format!("{p}.tmpfs.size"))?;
        crate::container::options::parse_size(text).map_err(|_| {
            FileError::new(&size.pos, format!("{p}.tmpfs.size: {text:?} is not a size"))
        })?;
    }
    Ok(())
}

/// `[SOURCE:]TARGET[:OPTIONS]` as a long-form mount.
fn short_volume(spec: &str, dir: &Path) -> Result<Node, String> {
    if spec.is_empty() {
        return Err("invalid empty volume spec".into());
    }
    let parts: Vec<&str> = spec.split(':').collect();
    if parts.iter().any(|s| s.is_empty()) {
        return Err(format!(
            "invalid spec: {spec}: empty section between colons"
        ));
    }
    let (source, target, opts) = match parts.as_slice() {
        [t] => (None, *t, None),
        [s, t] => (Some(*s), *t, None),
        [s, t, o] => (Some(*s), *t, Some(*o)),
        _ => return Err(format!("invalid spec: {spec}: too many colons")),
    };
    if !target.starts_with('/') {
        return Err(format!(
            "{spec:?}: the target {target:?} is not an absolute path"
        ));
    }
    let mut m = Node::new(Value::Map(Vec::new()), Pos::none());
    let bind = source.is_some_and(|s| s.starts_with(['.', '/', '~']));
    set(&mut m, "type", string(if bind { "bind" } else { "volume" }));
    if let Some(s) = source {
        let s = if bind {
            absolute(dir, s)
        } else {
            s.to_string()
        };
        set(&mut m, "source", string(&s));
    }
    set(&mut m, "target", string(&clean(target)));
    let mut read_only = false;
    let mut bind_opts = Node::new(Value::Map(Vec::new()), Pos::none());
    let mut volume_opts = Node::new(Value::Map(Vec::new()), Pos::none());
    for o in opts.unwrap_or("").split(',').filter(|o| !o.is_empty()) {
        match o {
            "ro" => read_only = true,
            "rw" => read_only = false,
            "nocopy" => set(&mut volume_opts, "nocopy", plain("true")),
            "z" | "Z" => set(&mut bind_opts, "selinux", string(o)),
            "rprivate" | "private" | "rshared" | "shared" | "rslave" | "slave" => {
                set(&mut bind_opts, "propagation", string(o))
            }
            _ => {}
        }
    }
    if read_only {
        set(&mut m, "read_only", plain("true"));
    }
    if bind {
        set(&mut bind_opts, "create_host_path", plain("true"));
        set(&mut m, "bind", bind_opts);
    } else {
        set(&mut m, "volume", volume_opts);
    }
    Ok(m)
}

/// A path made lexically clean (`/a//b/./c/` is `/a/b/c`).
fn clean(path: &str) -> String {
    let abs = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if abs => {}
            p => parts.push(p),
        }
    }
    match (abs, parts.is_empty()) {
        (true, _) => format!("/{}", parts.join("/")),
        (false, true) => ".".into(),
        (false, false) => parts.join("/"),
    }
}

/// `path` against the project directory; `~/` is the home directory.
fn absolute(dir: &Path, path: &str) -> String {
    if let Some(rest) = path.strip_prefix("~/") {
        if let Some(home) = std::env::var_os("HOME") {
            return clean(&Path::new(&home).join(rest).to_string_lossy());
        }
    }
    match path.starts_with('/') {
        true => clean(path),
        false => clean(&dir.join(path).to_string_lossy()),
    }
}

/// `depends_on` as a mapping of `{condition, required}`.
fn depends_on(n: &mut Node, p: &str) -> Result<(), FileError> {
    let entries: Vec<(Key, Node)> = match &n.value {
        Value::Seq(items) => items
            .iter()
            .map(|i| {
                Ok((
                    Key {
                        name: scalar(i, p)?.to_string(),
                        pos: i.pos.clone(),
                    },
                    Node::new(Value::Map(Vec::new()), i.pos.clone()),
                ))
            })
            .collect::<Result<_, FileError>>()?,
        Value::Map(e) => e.clone(),
        _ => return Err(kind_error(n, p, "a list or a mapping")),
    };
    let mut out = Vec::new();
    for (k, mut v) in entries {
        let vp = format!("{p}.{}", k.name);
        if v.is_null() {
            v.value = Value::Map(Vec::new());
        }
        expect_map(&v, &vp)?;
        let condition = match v.get("condition") {
            Some(c) => scalar(c, &format!("{vp}.condition"))?.to_string(),
            None => "service_started".into(),
        };
        if ![
            "service_started",
            "service_healthy",
            "service_completed_successfully",
        ]
        .contains(&condition.as_str())
        {
            return Err(FileError::new(
                &v.pos,
                format!("{vp}.condition: {condition:?} is none of service_started, service_healthy, service_completed_successfully"),
            ));
        }
        set(&mut v, "condition", string(&condition));
        let required = match v.get("required") {
            Some(r) => boolean(r, &format!("{vp}.required"))?,
            None => true,
        };
        set(
            &mut v,
            "required",
            plain(if required { "true" } else { "false" }),
        );
        if let Some(r) = v.get("restart") {
            if !boolean(r, &format!("{vp}.restart"))? {
                remove(&mut v, "restart");
            }
        }
        order(&mut v, DEPENDS_KEYS);
        out.push((k, v));
    }
    out.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    n.value = Value::Map(out);
    Ok(())
}

/// A service's `networks` as a mapping (a list's names to null).
fn service_networks(n: &mut Node, p: &str) -> Result<(), FileError> {
    if let Value::Seq(items) = &n.value {
        let entries = items
            .iter()
            .map(|i| {
                Ok((
                    Key {
                        name: scalar(i, p)?.to_string(),
                        pos: i.pos.clone(),
                    },
                    Node::new(Value::Null, i.pos.clone()),
                ))
            })
            .collect::<Result<_, FileError>>()?;
        n.value = Value::Map(entries);
    }
    expect_map(n, p)?;
    sort_keys(n);
    if let Value::Map(entries) = &mut n.value {
        for (k, v) in entries {
            if !v.is_null() {
                expect_map(v, &format!("{p}.{}", k.name))?;
                if let Some(a) = v.get_mut("aliases") {
                    *a = string_list(a, &format!("{p}.{}.aliases", k.name))?;
                }
                order(v, SERVICE_NETWORK_KEYS);
            }
        }
    }
    Ok(())
}

/// `build` as a mapping: context (absolute unless a URL) and dockerfile.
fn build(n: &mut Node, p: &str, cx: &mut Context) -> Result<(), FileError> {
    if let Value::Scalar { text, .. } = &n.value {
        let mut m = Node::new(Value::Map(Vec::new()), n.pos.clone());
        set(&mut m, "context", string(text));
        *n = m;
    }
    expect_map(n, p)?;
    unknown_keys(n, BUILD_KEYS, p, cx);
    let context = match n.get("context") {
        Some(c) => scalar(c, &format!("{p}.context"))?.to_string(),
        None => ".".into(),
    };
    let remote = context.contains("://") || context.starts_with("git@");
    let context = if remote {
        context
    } else {
        absolute(cx.dir, &context)
    };
    set(n, "context", string(&context));
    if n.get("dockerfile").is_none() && n.get("dockerfile_inline").is_none() {
        set(n, "dockerfile", string("Dockerfile"));
    }
    for k in ["args", "labels", "additional_contexts"] {
        if let Some(v) = n.get_mut(k) {
            let env = if k == "args" { Some(cx.env) } else { None };
            key_value_map(v, &format!("{p}.{k}"), env)?;
        }
    }
    for k in [
        "cache_from",
        "cache_to",
        "tags",
        "platforms",
        "ssh",
        "secrets",
    ] {
        if let Some(v) = n.get_mut(k) {
            if !matches!(v.value, Value::Map(_)) {
                *v = string_list(v, &format!("{p}.{k}"))?;
            }
        }
    }
    if let Some(v) = n.get_mut("shm_size") {
        *v = size(v, &format!("{p}.shm_size"))?;
    }
    order(n, BUILD_KEYS);
    Ok(())
}

/// `healthcheck`: a string test is `[CMD-SHELL, it]`; durations in Go's spelling.
fn healthcheck(n: &mut Node, p: &str) -> Result<(), FileError> {
    expect_map(n, p)?;
    if let Some(t) = n.get_mut("test") {
        let tp = format!("{p}.test");
        *t = match &t.value {
            Value::Scalar { text, .. } => list(vec![string("CMD-SHELL"), string(text)], &t.pos),
            Value::Seq(_) => {
                let l = string_list(t, &tp)?;
                let first = match &l.value {
                    Value::Seq(items) => items
                        .first()
                        .and_then(|i| i.as_scalar())
                        .map(str::to_string),
                    _ => None,
                };
                if !matches!(first.as_deref(), Some("CMD" | "CMD-SHELL" | "NONE")) {
                    return Err(FileError::new(
                        &t.pos,
                        format!("{tp} must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\""),
                    ));
                }
                l
            }
            _ => return Err(kind_error(t, &tp, "a string or a list")),
        };
    }
    for k in ["timeout", "interval", "start_period", "start_interval"] {
        if let Some(v) = n.get_mut(k) {
            *v = duration(v, &format!("{p}.{k}"))?;
        }
    }
    if let Some(v) = n.get("retries") {
        integer(v, &format!("{p}.retries"))?;
    }
    if let Some(v) = n.get("disable") {
        boolean(v, &format!("{p}.disable"))?;
    }
    order(n, HEALTH_KEYS);
    Ok(())
}

/// `extra_hosts` (`host:ip`, `host=ip` or a mapping) as a sorted list of `host=ip`.
fn extra_hosts(n: &Node, p: &str) -> Result<Node, FileError> {
    let mut hosts: Vec<String> = Vec::new();
    let mut add = |host: &str, ips: &str, pos: &Pos| -> Result<(), FileError> {
        if host.is_empty() || ips.is_empty() {
            return Err(FileError::new(
                pos,
                format!("{p}: invalid additional host, missing IP: {host}"),
            ));
        }
        for ip in ips.split(',') {
            let ip = ip.trim().trim_start_matches('[').trim_end_matches(']');
            hosts.push(format!("{host}={ip}"));
        }
        Ok(())
    };
    match &n.value {
        Value::Seq(items) => {
            for i in items {
                let text = scalar(i, p)?;
                let (h, ip) = text
                    .split_once('=')
                    .or_else(|| text.split_once(':'))
                    .unwrap_or((text, ""));
                add(h, ip, &i.pos)?;
            }
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                match &v.value {
                    Value::Seq(ips) => {
                        for ip in ips {
                            add(&k.name, scalar(ip, p)?, &ip.pos)?;
                        }
                    }
                    _ => add(&k.name, scalar(v, p)?, &v.pos)?,
                }
            }
        }
        _ => return Err(kind_error(n, p, "a list or a mapping")),
    }
    hosts.sort();
    hosts.dedup();
    Ok(list(hosts.iter().map(|h| string(h)).collect(), &n.pos))
}

/// A service's `secrets`/`configs`: each `{source, target}` (a secret's
/// target under /run/secrets by default).
fn file_refs(n: &Node, p: &str, base: Option<&str>) -> Result<Node, FileError> {
    let Value::Seq(items) = &n.value else {
        return Err(kind_error(n, p, "a list"));
    };
    let mut out = Vec::new();
    for i in items {
        let mut m = match &i.value {
            Value::Scalar { text, .. } => {
                let mut m = Node::new(Value::Map(Vec::new()), i.pos.clone());
                set(&mut m, "source", string(text));
                m
            }
            Value::Map(_) => i.clone(),
            _ => return Err(kind_error(i, p, "a name or a mapping")),
        };
        if let (Some(base), None) = (base, m.get("target")) {
            let source = m
                .get("source")
                .and_then(|s| s.as_scalar())
                .unwrap_or("")
                .to_string();
            set(&mut m, "target", string(&format!("{base}/{source}")));
        }
        order(&mut m, &["source", "target", "uid", "gid", "mode"]);
        out.push(m);
    }
    Ok(list(out, &n.pos))
}

// ----- values of one kind -----

fn kind_error(n: &Node, p: &str, want: &str) -> FileError {
    FileError::new(&n.pos, format!("{p} must be {want}, not {}", n.kind()))
}

fn expect_map(n: &Node, p: &str) -> Result<(), FileError> {
    match n.value {
        Value::Map(_) => Ok(()),
        _ => Err(kind_error(n, p, "a mapping")),
    }
}

fn scalar<'a>(n: &'a Node, p: &str) -> Result<&'a str, FileError> {
    n.as_scalar().ok_or_else(|| kind_error(n, p, "a string"))
}

fn string_of(n: &Node, p: &str) -> Result<Node, FileError> {
    Ok(Node {
        value: Value::Scalar {
            text: scalar(n, p)?.to_string(),
            plain: false,
        },
        pos: n.pos.clone(),
        tag: None,
    })
}

/// A string or a list of strings as a list of strings.
fn string_list(n: &Node, p: &str) -> Result<Node, FileError> {
    match &n.value {
        Value::Scalar { .. } => Ok(list(vec![string_of(n, p)?], &n.pos)),
        Value::Seq(items) => Ok(list(
            items
                .iter()
                .map(|i| string_of(i, p))
                .collect::<Result<_, _>>()?,
            &n.pos,
        )),
        Value::Null => Ok(list(Vec::new(), &n.pos)),
        Value::Map(_) => Err(kind_error(n, p, "a list")),
    }
}

fn boolean(n: &Node, p: &str) -> Result<bool, FileError> {
    match n.as_scalar() {
        Some("true" | "True" | "TRUE") => Ok(true),
        Some("false" | "False" | "FALSE") => Ok(false),
        _ => Err(kind_error(n, p, "a boolean")),
    }
}

fn integer(n: &Node, p: &str) -> Result<i64, FileError> {
    n.as_scalar()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| kind_error(n, p, "an integer"))
}

/// A duration in Go's spelling (`90s` is `1m30s`).
fn duration(n: &Node, p: &str) -> Result<Node, FileError> {
    let text = scalar(n, p)?;
    let d = crate::output::human::parse_duration(text).map_err(|_| {
        FileError::new(
            &n.pos,
            format!("{p}: {text:?} is not a duration such as 10s or 1m30s"),
        )
    })?;
    Ok(string(&go_duration(d)))
}

/// Go's `time.Duration.String()`.
pub fn go_duration(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns == 0 {
        return "0s".into();
    }
    if ns < 1_000_000_000 {
        return match ns {
            n if n < 1_000 => format!("{n}ns"),
            n if n < 1_000_000 => format!("{}µs", trim_float(n as f64 / 1e3)),
            n => format!("{}ms", trim_float(n as f64 / 1e6)),
        };
    }
    let secs = d.as_secs();
    let frac = d.subsec_nanos();
    let s = secs % 60;
    let seconds = match frac {
        0 => format!("{s}s"),
        f => format!("{}s", trim_float(s as f64 + f as f64 / 1e9)),
    };
    match (secs / 3600, (secs / 60) % 60) {
        (0, 0) => seconds,
        (0, m) => format!("{m}m{seconds}"),
        (h, m) => format!("{h}h{m}m{seconds}"),
    }
}

fn trim_float(x: f64) -> String {
    let s = format!("{x:.9}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A size (`1g`) as its bytes, a string as docker compose prints it.
fn size(n: &Node, p: &str) -> Result<Node, FileError> {
    let text = scalar(n, p)?;
    let bytes = crate::container::options::parse_size(text).map_err(|_| {
        FileError::new(
            &n.pos,
            format!("{p}: {text:?} is not a size such as 512m or 1g"),
        )
    })?;
    Ok(string(&bytes.to_string()))
}

// ----- building nodes -----

fn string(text: &str) -> Node {
    Node::string(text)
}

fn plain(text: &str) -> Node {
    Node::new(
        Value::Scalar {
            text: text.to_string(),
            plain: true,
        },
        Pos::none(),
    )
}

fn list(items: Vec<Node>, pos: &Pos) -> Node {
    Node::new(Value::Seq(items), pos.clone())
}

/// Set `key` of mapping `n` to `value` (replaced, or added at the end).
fn set(n: &mut Node, key: &str, value: Node) {
    if let Value::Map(entries) = &mut n.value {
        match entries.iter_mut().find(|(k, _)| k.name == key) {
            Some(e) => e.1 = value,
            None => entries.push((
                Key {
                    name: key.to_string(),
                    pos: n.pos.clone(),
                },
                value,
            )),
        }
    }
}

fn remove(n: &mut Node, key: &str) {
    if let Value::Map(entries) = &mut n.value {
        entries.retain(|(k, _)| k.name != key);
    }
}

/// The value of `key` in mapping `n`, made by `make` if it has none.
fn entry<'a>(n: &'a mut Node, key: &str, make: impl FnOnce() -> Node) -> &'a mut Node {
    if n.get(key).is_none() {
        set(n, key, make());
    }
    match n.get_mut(key) {
        Some(v) => v,
        None => unreachable!("just set"),
    }
}

/// Keys of `n` known to the order `keys` in that order; `x-` keys after them.
fn order(n: &mut Node, keys: &[&str]) {
    if let Value::Map(entries) = &mut n.value {
        entries.sort_by_key(|(k, _)| {
            keys.iter()
                .position(|o| *o == k.name)
                .map_or((1, k.name.clone()), |i| (0, format!("{i:04}")))
        });
    }
}

fn sort_keys(n: &mut Node) {
    if let Value::Map(entries) = &mut n.value {
        entries.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    }
}

/// Keys of mapping `n` not in `known` (nor `x-`): left out, with a warning.
fn unknown_keys(n: &mut Node, known: &[&str], p: &str, cx: &mut Context) {
    if let Value::Map(entries) = &mut n.value {
        entries.retain(|(k, _)| {
            let ok = known.contains(&k.name.as_str()) || k.name.starts_with("x-");
            if !ok {
                cx.warnings
                    .push(format!("{}: {p}: unknown key {:?} ignored", k.pos, k.name));
            }
            ok
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        let s = Duration::from_secs;
        assert_eq!(go_duration(s(90)), "1m30s");
        assert_eq!(go_duration(s(60)), "1m0s");
        assert_eq!(go_duration(s(7200)), "2h0m0s");
        assert_eq!(go_duration(s(0)), "0s");
        assert_eq!(go_duration(Duration::from_millis(500)), "500ms");
        assert_eq!(go_duration(Duration::from_millis(1500)), "1.5s");
    }

    fn port_strings(spec: &str) -> Vec<String> {
        short_port(spec)
            .unwrap()
            .iter()
            .map(|m| {
                ["host_ip", "published", "target", "protocol"]
                    .iter()
                    .map(|k| {
                        m.get(k)
                            .and_then(|v| v.as_scalar())
                            .unwrap_or("-")
                            .to_string()
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn short_ports() {
        assert_eq!(port_strings("80"), ["- - 80 tcp"]);
        assert_eq!(port_strings("8080:80"), ["- 8080 80 tcp"]);
        assert_eq!(
            port_strings("127.0.0.1:8080:80/UDP"),
            ["127.0.0.1 8080 80 udp"]
        );
        assert_eq!(
            port_strings("9090-9091:8080-8081"),
            ["- 9090 8080 tcp", "- 9091 8081 tcp"]
        );
        assert_eq!(port_strings("8000-9000:80"), ["- 8000-9000 80 tcp"]);
        assert_eq!(port_strings("[::1]:53:53/udp"), ["::1 53 53 udp"]);
        assert_eq!(port_strings("127.0.0.1::80"), ["127.0.0.1 - 80 tcp"]);
        for bad in ["x", "0", "70000", "1:2:3:4", "80/foo", "1-2:3-5"] {
            assert!(short_port(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn short_volumes() {
        let dir = Path::new("/proj");
        let v = short_volume("./data:/data:ro", dir).unwrap();
        assert_eq!(v.get("type").unwrap().as_scalar(), Some("bind"));
        assert_eq!(v.get("source").unwrap().as_scalar(), Some("/proj/data"));
        assert_eq!(v.get("read_only").unwrap().as_scalar(), Some("true"));
        let v = short_volume("db:/var/lib/db", dir).unwrap();
        assert_eq!(v.get("type").unwrap().as_scalar(), Some("volume"));
        assert_eq!(v.get("source").unwrap().as_scalar(), Some("db"));
        let v = short_volume("/cache/", dir).unwrap();
        assert!(v.get("source").is_none());
        assert_eq!(v.get("target").unwrap().as_scalar(), Some("/cache"));
        assert!(short_volume("a::b", dir).is_err());
        assert!(short_volume("a:b:c:d", dir).is_err());
        assert_eq!(clean("/a//b/./c/../d/"), "/a/b/d");
    }
}
