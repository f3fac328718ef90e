//! docker's `POST /containers/create` body (`Config`, `HostConfig`,
//! `NetworkingConfig`) as husk run's own options: each key becomes the flag
//! the docker CLI made it from, so the checks and defaults are `husk run`'s.
//! Keys that mean nothing rootless here (`CpuRealtime…`, `Runtime`,
//! `Isolation`) or only say the default are passed over.

use anyhow::{anyhow, bail, Result};
use serde_json::{Map, Value};

use super::containers::strings;
use crate::container::flags::RunFlags;

/// docker's create body as husk's run options.
pub fn run_flags(body: &Value, name: Option<&str>) -> Result<RunFlags> {
    let image = body["Image"]
        .as_str()
        .filter(|i| !i.is_empty())
        .ok_or_else(|| anyhow!("no image given: the body needs \"Image\""))?;
    let mut f = RunFlags::with_defaults(image)?;
    f.detach = true;
    f.name = name.map(str::to_string);
    config(body, &mut f)?;
    let host = &body["HostConfig"];
    host_config(host, &mut f)?;
    anonymous_volumes(&body["Volumes"], &mut f);
    resources(host, &mut f);
    networking(host, &body["NetworkingConfig"], &mut f)?;
    Ok(f)
}

/// `Config.Volumes` (`docker run -v /data`): an anonymous volume at each
/// destination that no bind, volume or tmpfs of `HostConfig` mounts (compose
/// names a named volume's destination in both).
fn anonymous_volumes(volumes: &Value, f: &mut RunFlags) {
    let mut taken: Vec<&str> = Vec::new();
    for v in &f.volume {
        let mut parts = v.split(':');
        let first = parts.next().unwrap_or("");
        taken.push(parts.next().unwrap_or(first));
    }
    for m in &f.mount {
        taken.extend(m.split(',').filter_map(|kv| kv.strip_prefix("target=")));
    }
    taken.extend(f.tmpfs.iter().map(|t| t.split(':').next().unwrap_or("")));
    let clean = |p: &str| p.trim_end_matches('/').to_string();
    let taken: Vec<String> = taken.into_iter().map(clean).collect();
    let anonymous: Vec<String> = keys(volumes)
        .into_iter()
        .filter(|d| !taken.contains(&clean(d)))
        .collect();
    f.volume.splice(0..0, anonymous);
}

/// A non-empty string.
fn text(v: &Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(str::to_string)
}

/// An object's entries as `KEY=VALUE` (labels, sysctls, annotations).
fn pairs(v: &Value) -> Vec<String> {
    v.as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
        .collect()
}

/// An object's keys (`ExposedPorts`, `Volumes`).
fn keys(v: &Value) -> Vec<String> {
    v.as_object()
        .into_iter()
        .flat_map(Map::keys)
        .cloned()
        .collect()
}

/// A positive number.
fn positive(v: &Value) -> Option<u64> {
    v.as_u64().filter(|n| *n > 0)
}

/// The container's own `Config`: what it runs, as whom, with what.
fn config(body: &Value, f: &mut RunFlags) -> Result<()> {
    f.command = strings(&body["Cmd"]);
    if body["Entrypoint"].is_array() || body["Entrypoint"].is_string() {
        f.entrypoint = Some(serde_json::to_string(&strings(&body["Entrypoint"]))?);
    }
    f.env = strings(&body["Env"]);
    f.workdir = text(&body["WorkingDir"]);
    f.user = text(&body["User"]);
    f.hostname = text(&body["Hostname"]);
    f.domainname = text(&body["Domainname"]);
    f.tty = body["Tty"].as_bool().unwrap_or(false);
    f.interactive = body["OpenStdin"].as_bool().unwrap_or(false);
    f.label = pairs(&body["Labels"]);
    f.expose = keys(&body["ExposedPorts"]);
    f.stop_signal = text(&body["StopSignal"]);
    f.stop_timeout = body["StopTimeout"]
        .as_u64()
        .and_then(|t| u32::try_from(t).ok());
    f.mac_address = text(&body["MacAddress"]);
    healthcheck(&body["Healthcheck"], f)
}

/// `Config.Healthcheck` (`Test`, and durations in nanoseconds).
fn healthcheck(h: &Value, f: &mut RunFlags) -> Result<()> {
    let test = strings(&h["Test"]);
    match test.first().map(String::as_str) {
        None => {}
        Some("NONE") => f.no_healthcheck = true,
        Some("CMD" | "CMD-SHELL") => f.health_cmd = Some(serde_json::to_string(&test)?),
        Some(other) => bail!("Healthcheck.Test: {other:?} is not CMD, CMD-SHELL or NONE"),
    }
    let ns = |key: &str| positive(&h[key]).map(|n| format!("{n}ns"));
    f.health_interval = ns("Interval");
    f.health_timeout = ns("Timeout");
    f.health_start_period = ns("StartPeriod");
    f.health_startup_interval = ns("StartInterval");
    f.health_retries = positive(&h["Retries"]).and_then(|n| u32::try_from(n).ok());
    Ok(())
}

/// `HostConfig`'s mounts, namespaces, security and names.
fn host_config(host: &Value, f: &mut RunFlags) -> Result<()> {
    f.volume = strings(&host["Binds"]);
    for m in host["Mounts"].as_array().into_iter().flatten() {
        f.mount.push(mount(m)?);
    }
    f.volumes_from = strings(&host["VolumesFrom"]);
    if let Some(t) = host["Tmpfs"].as_object() {
        f.tmpfs = t
            .iter()
            .map(|(k, v)| match v.as_str().filter(|o| !o.is_empty()) {
                Some(o) => format!("{k}:{o}"),
                None => k.clone(),
            })
            .collect();
    }
    f.rm = host["AutoRemove"].as_bool().unwrap_or(false);
    f.privileged = host["Privileged"].as_bool().unwrap_or(false);
    f.read_only = host["ReadonlyRootfs"].as_bool().unwrap_or(false);
    f.init = host["Init"].as_bool().unwrap_or(false);
    f.cap_add = strings(&host["CapAdd"]);
    f.cap_drop = strings(&host["CapDrop"]);
    f.security_opt = strings(&host["SecurityOpt"]);
    f.group_add = strings(&host["GroupAdd"]);
    f.sysctl = pairs(&host["Sysctls"]);
    f.annotation = pairs(&host["Annotations"]);
    f.oom_score_adj = host["OomScoreAdj"]
        .as_i64()
        .filter(|n| *n != 0)
        .and_then(|n| i32::try_from(n).ok());
    f.shm_size = positive(&host["ShmSize"]).map(|n| n.to_string());
    // "private", "shareable" and "" are what a container has anyway.
    let mode =
        |key: &str| text(&host[key]).filter(|m| !matches!(m.as_str(), "private" | "shareable"));
    f.pid = mode("PidMode");
    f.ipc = mode("IpcMode");
    f.uts = mode("UTSMode");
    f.cgroupns = text(&host["CgroupnsMode"]);
    for u in host["Ulimits"].as_array().into_iter().flatten() {
        let name = text(&u["Name"]).ok_or_else(|| anyhow!("Ulimits: an entry without Name"))?;
        let (soft, hard) = (
            u["Soft"].as_i64().unwrap_or(-1),
            u["Hard"].as_i64().unwrap_or(-1),
        );
        f.ulimit.push(format!("{name}={soft}:{hard}"));
    }
    for d in host["Devices"].as_array().into_iter().flatten() {
        let on_host = text(&d["PathOnHost"])
            .ok_or_else(|| anyhow!("Devices: an entry without PathOnHost"))?;
        let inside = text(&d["PathInContainer"]).unwrap_or_else(|| on_host.clone());
        f.device.push(match text(&d["CgroupPermissions"]) {
            Some(p) => format!("{on_host}:{inside}:{p}"),
            None => format!("{on_host}:{inside}"),
        });
    }
    if let Some(driver) = text(&host["LogConfig"]["Type"]) {
        f.log_driver = Some(driver);
        f.log_opt = pairs(&host["LogConfig"]["Config"]);
    }
    if let Some(policy) = text(&host["RestartPolicy"]["Name"]).filter(|p| p != "no") {
        f.restart = match host["RestartPolicy"]["MaximumRetryCount"].as_u64() {
            Some(n) if n > 0 && policy == "on-failure" => format!("on-failure:{n}"),
            _ => policy,
        };
    }
    f.dns = strings(&host["Dns"]);
    f.dns_search = strings(&host["DnsSearch"]);
    f.dns_option = strings(&host["DnsOptions"]);
    f.add_host = strings(&host["ExtraHosts"]);
    Ok(())
}

/// A `HostConfig.Mounts` entry as a `--mount` value.
fn mount(m: &Value) -> Result<String> {
    let kind = text(&m["Type"]).unwrap_or_else(|| "volume".into());
    let target = text(&m["Target"]).ok_or_else(|| anyhow!("Mounts: an entry without Target"))?;
    let mut fields = vec![format!("type={kind}"), format!("target={target}")];
    if let Some(source) = text(&m["Source"]) {
        fields.push(format!("source={source}"));
    }
    if m["ReadOnly"].as_bool() == Some(true) {
        fields.push("readonly".into());
    }
    if m["VolumeOptions"]["NoCopy"].as_bool() == Some(true) {
        fields.push("volume-nocopy".into());
    }
    if let Some(driver) = text(&m["VolumeOptions"]["DriverConfig"]["Name"]) {
        fields.push(format!("volume-driver={driver}"));
    }
    if let Some(p) = text(&m["BindOptions"]["Propagation"]) {
        fields.push(format!("bind-propagation={p}"));
    }
    let bind = &m["BindOptions"];
    let recursion = [
        ("NonRecursive", "disabled"),
        ("ReadOnlyNonRecursive", "writable"),
        ("ReadOnlyForceRecursive", "readonly"),
    ]
    .into_iter()
    .find(|(key, _)| bind[*key].as_bool() == Some(true));
    if let Some((_, r)) = recursion {
        fields.push(format!("bind-recursive={r}"));
    }
    if let Some(size) = positive(&m["TmpfsOptions"]["SizeBytes"]) {
        fields.push(format!("tmpfs-size={size}"));
    }
    if let Some(mode) = positive(&m["TmpfsOptions"]["Mode"]) {
        fields.push(format!("tmpfs-mode={mode:o}"));
    }
    if fields.iter().skip(1).any(|f| f.contains(',')) {
        bail!("Mounts: {target}: a path with a comma is not supported");
    }
    Ok(fields.join(","))
}

/// `HostConfig`'s resource limits, as `husk run`'s flags take them.
fn resources(host: &Value, f: &mut RunFlags) {
    let l = &mut f.limits;
    let bytes = |key: &str| positive(&host[key]).map(|n| n.to_string());
    l.memory = bytes("Memory");
    l.memory_reservation = bytes("MemoryReservation");
    l.memory_swap = match host["MemorySwap"].as_i64() {
        Some(-1) => Some("-1".into()),
        Some(n) if n > 0 => Some(n.to_string()),
        _ => None,
    };
    l.memory_swappiness = host["MemorySwappiness"].as_i64().filter(|n| *n >= 0);
    // NanoCpus: CPUs in billionths, as `--cpus` is given in CPUs.
    l.cpus = positive(&host["NanoCpus"]).map(|n| format!("{}", n as f64 / 1e9));
    l.cpu_shares = positive(&host["CpuShares"]);
    l.cpu_period = positive(&host["CpuPeriod"]);
    l.cpu_quota = host["CpuQuota"].as_i64().filter(|n| *n > 0);
    l.pids_limit = host["PidsLimit"].as_i64().filter(|n| *n != 0);
    l.blkio_weight = positive(&host["BlkioWeight"]).and_then(|n| u16::try_from(n).ok());
    l.oom_kill_disable = host["OomKillDisable"].as_bool().unwrap_or(false);
    f.cpuset_cpus = text(&host["CpusetCpus"]);
    l.cpuset_mems = text(&host["CpusetMems"]);
}

/// `HostConfig`'s network mode, ports and links, and `NetworkingConfig`'s
/// endpoints (docker's `--network`, `--network-alias`, `--ip`).
fn networking(host: &Value, net: &Value, f: &mut RunFlags) -> Result<()> {
    f.publish = port_bindings(&host["PortBindings"]);
    f.publish_all = host["PublishAllPorts"].as_bool().unwrap_or(false);
    f.link = strings(&host["Links"]);
    let mode = text(&host["NetworkMode"]).filter(|m| m != "default" && m != "bridge");
    let endpoints = net["EndpointsConfig"].as_object();
    let mut networks: Vec<String> = mode.into_iter().collect();
    for (name, _) in endpoints.into_iter().flatten() {
        if !networks.contains(name) && name != "bridge" && name != "default" {
            networks.push(name.clone());
        }
    }
    if networks.len() > 1
        && networks
            .iter()
            .any(|n| n.contains(':') || n == "host" || n == "none")
    {
        bail!(
            "NetworkingConfig: {} cannot be joined with other networks",
            networks[0]
        );
    }
    f.network = (!networks.is_empty()).then(|| networks.join(","));
    for (name, endpoint) in endpoints.into_iter().flatten() {
        f.network_alias.extend(strings(&endpoint["Aliases"]));
        let ip = text(&endpoint["IPAMConfig"]["IPv4Address"]);
        let mac = text(&endpoint["MacAddress"]);
        if (ip.is_some() || mac.is_some()) && networks.len() > 1 {
            bail!("NetworkingConfig: an address on {name}, one of several networks: create the container on one, then connect it to the others with theirs");
        }
        f.ip = ip.or(f.ip.take());
        f.mac_address = mac.or(f.mac_address.take());
    }
    Ok(())
}

/// `PortBindings` (`{"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}`) as `-p` values.
fn port_bindings(v: &Value) -> Vec<String> {
    let Some(map) = v.as_object() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (port, bindings) in map {
        for b in bindings.as_array().into_iter().flatten() {
            let ip = b["HostIp"].as_str().unwrap_or("");
            let host_port = b["HostPort"].as_str().unwrap_or("");
            out.push(match (ip, host_port) {
                ("", hp) => format!("{hp}:{port}"),
                (ip, hp) => format!("{ip}:{hp}:{port}"),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dockers_create_body_as_run_options() {
        let body = json!({
            "Image": "busybox",
            "Cmd": ["httpd", "-f"],
            "Entrypoint": ["/bin/sh", "-c"],
            "Env": ["A=1"],
            "Labels": {"tier": "web"},
            "HostConfig": {
                "Binds": ["/src:/dst:ro"],
                "PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}], "53/udp": [{"HostIp": "127.0.0.1", "HostPort": ""}]},
                "RestartPolicy": {"Name": "on-failure", "MaximumRetryCount": 3},
                "AutoRemove": true,
                "NetworkMode": "default",
                "Tmpfs": {"/run": "size=1m"},
                "Memory": 1048576
            }
        });
        let f = run_flags(&body, Some("web")).unwrap();
        assert_eq!(f.image, "busybox");
        assert_eq!(f.name.as_deref(), Some("web"));
        assert_eq!(f.command, ["httpd", "-f"]);
        assert_eq!(f.entrypoint.as_deref(), Some(r#"["/bin/sh","-c"]"#));
        assert_eq!(f.env, ["A=1"]);
        assert_eq!(f.label, ["tier=web"]);
        assert_eq!(f.volume, ["/src:/dst:ro"]);
        assert_eq!(f.publish, ["8080:80/tcp", "127.0.0.1::53/udp"]);
        assert_eq!(f.restart, "on-failure:3");
        assert!(f.rm && f.detach);
        assert_eq!(f.network, None);
        assert_eq!(f.tmpfs, ["/run:size=1m"]);
        assert_eq!(f.limits.memory.as_deref(), Some("1048576"));
        assert!(run_flags(&json!({"Cmd": ["x"]}), None).is_err());
    }

    #[test]
    fn the_rest_of_config_and_host_config() {
        let body = json!({
            "Image": "busybox",
            "Domainname": "example.org",
            "ExposedPorts": {"80/tcp": {}},
            "Volumes": {"/data": {}, "/v/": {}, "/t": {}},
            "StopSignal": "SIGINT",
            "StopTimeout": 3,
            "Healthcheck": {"Test": ["CMD-SHELL", "true"], "Interval": 2_000_000_000u64, "Retries": 2},
            "HostConfig": {
                "Binds": ["vol:/v"],
                "Mounts": [
                    {"Type": "tmpfs", "Target": "/t", "TmpfsOptions": {"SizeBytes": 65536, "Mode": 1023}},
                    {"Type": "volume", "Source": "named", "Target": "/n", "ReadOnly": true},
                    {"Type": "bind", "Source": "/srv", "Target": "/s", "ReadOnly": true,
                     "BindOptions": {"ReadOnlyNonRecursive": true}},
                ],
                "VolumesFrom": ["other:ro"],
                "Links": ["db:database"],
                "PublishAllPorts": true,
                "PidMode": "host", "IpcMode": "private", "UTSMode": "",
                "ShmSize": 1048576,
                "Sysctls": {"net.ipv4.ip_forward": "1"},
                "Ulimits": [{"Name": "nofile", "Soft": 100, "Hard": 200}],
                "Devices": [{"PathOnHost": "/dev/null", "PathInContainer": "/dev/nil", "CgroupPermissions": "rwm"}],
                "LogConfig": {"Type": "json-file", "Config": {"max-size": "1m"}},
                "RestartPolicy": {"Name": "no"},
                "NanoCpus": 1_500_000_000u64, "PidsLimit": 50, "MemorySwap": -1, "MemorySwappiness": -1,
                "DnsSearch": ["example.org"], "DnsOptions": ["ndots:2"], "GroupAdd": ["10"],
                "NetworkMode": "front"
            },
            "NetworkingConfig": {"EndpointsConfig": {
                "front": {"Aliases": ["web"]},
                "back": {"Aliases": ["api"]}
            }}
        });
        let f = run_flags(&body, None).unwrap();
        assert_eq!(f.domainname.as_deref(), Some("example.org"));
        assert_eq!(f.expose, ["80/tcp"]);
        assert_eq!(f.volume, ["/data", "vol:/v"]);
        assert_eq!(f.stop_signal.as_deref(), Some("SIGINT"));
        assert_eq!(f.stop_timeout, Some(3));
        assert_eq!(f.health_cmd.as_deref(), Some(r#"["CMD-SHELL","true"]"#));
        assert_eq!(f.health_interval.as_deref(), Some("2000000000ns"));
        assert_eq!(f.health_retries, Some(2));
        assert_eq!(
            f.mount,
            [
                "type=tmpfs,target=/t,tmpfs-size=65536,tmpfs-mode=1777",
                "type=volume,target=/n,source=named,readonly",
                "type=bind,target=/s,source=/srv,readonly,bind-recursive=writable"
            ]
        );
        assert_eq!(f.volumes_from, ["other:ro"]);
        assert_eq!(f.link, ["db:database"]);
        assert!(f.publish_all);
        assert_eq!(
            (f.pid.as_deref(), f.ipc.as_deref(), f.uts.as_deref()),
            (Some("host"), None, None)
        );
        assert_eq!(f.shm_size.as_deref(), Some("1048576"));
        assert_eq!(f.sysctl, ["net.ipv4.ip_forward=1"]);
        assert_eq!(f.ulimit, ["nofile=100:200"]);
        assert_eq!(f.device, ["/dev/null:/dev/nil:rwm"]);
        assert_eq!(f.log_driver.as_deref(), Some("json-file"));
        assert_eq!(f.log_opt, ["max-size=1m"]);
        assert_eq!(f.restart, RunFlags::with_defaults("x").unwrap().restart);
        assert_eq!(f.limits.cpus.as_deref(), Some("1.5"));
        assert_eq!(f.limits.pids_limit, Some(50));
        assert_eq!(f.limits.memory_swap.as_deref(), Some("-1"));
        assert_eq!(f.limits.memory_swappiness, None);
        assert_eq!(f.dns_search, ["example.org"]);
        assert_eq!(f.dns_option, ["ndots:2"]);
        assert_eq!(f.group_add, ["10"]);
        assert_eq!(f.network.as_deref(), Some("front,back"));
        let mut aliases = f.network_alias.clone();
        aliases.sort();
        assert_eq!(aliases, ["api", "web"]);
        // Each flag is checked as husk run checks it.
        if let Err(e) = f.resolve() {
            panic!("{e:#}");
        }
        let one = json!({"Image": "b", "NetworkingConfig": {"EndpointsConfig": {
            "n": {"IPAMConfig": {"IPv4Address": "10.9.0.5"}, "MacAddress": "02:42:ac:11:00:02"}}}});
        let f = run_flags(&one, None).unwrap();
        assert_eq!(f.network.as_deref(), Some("n"));
        assert_eq!(f.ip.as_deref(), Some("10.9.0.5"));
        assert_eq!(f.mac_address.as_deref(), Some("02:42:ac:11:00:02"));
        let mut two = one.clone();
        two["HostConfig"] = json!({"NetworkMode": "m"});
        assert!(run_flags(&two, None).is_err());
        let bad = json!({"Image": "b", "Healthcheck": {"Test": ["SHELL", "x"]}});
        assert!(run_flags(&bad, None).is_err());
        let bad = json!({"Image": "b", "HostConfig": {"NetworkMode": "host"},
            "NetworkingConfig": {"EndpointsConfig": {"n": {}}}});
        assert!(run_flags(&bad, None).is_err());
    }
}
