//! `husk inspect` of a container: JSON close to docker's (and podman's).

use anyhow::Result;
use serde_json::{json, Value};

use super::{load, state};
use crate::monitor::log;
use crate::store::Store;

/// `--pid`, `--ipc`, `--uts` as inspect says them: `container:NAME`, `host`, or
/// `private` (the default's name); `which` indexes `spec::ANNOTATION_JOIN`.
fn namespace_mode(spec: &oci_spec::runtime::Spec, which: usize, private: &str) -> String {
    let (key, kind) = super::spec::ANNOTATION_JOIN[which];
    if let Some(other) = spec.annotations().as_ref().and_then(|a| a.get(key)) {
        return format!("container:{other}");
    }
    if has_namespace(spec, kind) {
        private.to_string()
    } else {
        "host".to_string()
    }
}

/// Whether the spec gives the container a namespace of `kind` of its own.
fn has_namespace(
    spec: &oci_spec::runtime::Spec,
    kind: oci_spec::runtime::LinuxNamespaceType,
) -> bool {
    spec.linux()
        .as_ref()
        .and_then(|l| l.namespaces().as_ref())
        .is_some_and(|nss| nss.iter().any(|n| n.typ() == kind))
}

/// `--cgroupns` as inspect says it: `private` or `host`.
fn cgroupns_mode(spec: &oci_spec::runtime::Spec) -> &'static str {
    if has_namespace(spec, oci_spec::runtime::LinuxNamespaceType::Cgroup) {
        "private"
    } else {
        "host"
    }
}

/// The inspect document of container `id`.
/// A container's writable layer's size, and that with its image's (docker's
/// SizeRw and SizeRootFs; `ps -s`, `inspect -s`). `images`: the store's.
pub fn sizes(
    store: &Store,
    images: &[crate::store::images::ImageRecord],
    r: &crate::store::containers::ContainerRecord,
) -> (u64, u64) {
    let rw = crate::store::tree_size(&store.container_dir(&r.id).join("upper"));
    let image = images
        .iter()
        .find(|i| i.id == r.image)
        .map_or(0, |i| i.size);
    (rw, rw + image)
}

pub fn inspect(store: &Store, id: &str, driver: &str) -> Result<Value> {
    let ctr = load(store, id)?;
    let s = state::current(store, id)?;
    let r = &ctr.record;
    let process = ctr.spec.process().clone().unwrap_or_default();
    // The command as given (an `--init-path` init before it is the runtime's affair).
    let args = r.command.clone();
    let annotations = ctr.spec.annotations().clone().unwrap_or_default();
    let running = state::is_running(&s);
    let user = process.user();
    let mounts = match &r.mounts {
        Some(m) => m
            .binds
            .iter()
            .map(|b| bind_json(&b.source, &b.destination, b.writable()))
            .chain(m.volumes.iter().map(|v| volume_json(store, v)))
            .collect(),
        None => binds_of_spec(&ctr),
    };
    // Keys in docker's order (serde_json keeps it: feature preserve_order).
    let generated = super::generated_dir(&ctr);
    let etc = |name: &str| generated.join(name).display().to_string();
    let mut doc = json!({
        "Id": r.id,
        "Created": r.created,
        "Path": args.first().cloned().unwrap_or_default(),
        "Args": args.iter().skip(1).collect::<Vec<_>>(),
        "State": {
            "Status": s.status.as_str(),
            "Running": running,
            "Paused": s.status == crate::store::containers::Status::Paused,
            "Restarting": s.status == crate::store::containers::Status::Restarting,
            "OOMKilled": false,
            "Dead": false,
            "Pid": if running { s.pid.unwrap_or(0) } else { 0 },
            "ExitCode": s.exit_code.unwrap_or(0),
            "Error": s.error.clone().unwrap_or_default(),
            "StartedAt": s.started_at.clone().unwrap_or_else(|| "0001-01-01T00:00:00Z".into()),
            "FinishedAt": s.finished_at.clone().unwrap_or_else(|| "0001-01-01T00:00:00Z".into()),
            "MonitorPid": if state::is_active(&s) { s.monitor_pid.unwrap_or(0) } else { 0 },
            "Health": s.health,
        },
        "Image": r.image.to_string(),
        "ImageName": r.image_name,
        "Rootfs": r.rootfs.as_ref().map(|r| r.path.display().to_string()).unwrap_or_default(),
        "ResolvConfPath": etc("resolv.conf"),
        "HostnamePath": etc("hostname"),
        "HostsPath": etc("hosts"),
        "LogPath": log::path(&ctr.dir).display().to_string(),
        "Name": format!("/{}", r.name),
        "RestartCount": s.restart_count,
        "Driver": driver,
        "Platform": "linux",
        "HostConfig": {
            "LogConfig": {
                "Type": r.log_driver.name(),
                "Config": match r.log_max_size { Some(m) => json!({"max-size": m.to_string()}), None => json!({}) },
            },
            "RestartPolicy": r.restart,
            "AutoRemove": r.auto_remove,
            "Dns": r.names.dns,
            "DnsOptions": r.names.dns_options,
            "DnsSearch": r.names.dns_search,
            "ExtraHosts": r.names.extra_hosts.iter().map(|(n, ip)| format!("{n}:{ip}"))
                .chain(r.names.host_gateway.iter().map(|n| format!("{n}:host-gateway")))
                .collect::<Vec<_>>(),
            "CpusetCpus": crate::runtime::affinity::of_spec(&ctr.spec).unwrap_or_default(),
            "NetworkMode": r.network.mode.name(&r.network.networks),
            "PidMode": namespace_mode(&ctr.spec, 0, ""),
            "IpcMode": namespace_mode(&ctr.spec, 1, "private"),
            "UTSMode": namespace_mode(&ctr.spec, 2, ""),
            "CgroupnsMode": cgroupns_mode(&ctr.spec),
            "UsernsMode": r.userns.as_ref().map_or("", |u| u.mode.name()),
            "IDMappings": r.userns.as_ref().map(|u| json!({
                "UidMap": u.map.uids.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                "GidMap": u.map.gids.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            })),
            "PortBindings": crate::network::ports_json(&r.network.ports),
            "Links": r.network.links.iter().map(|(c, a)| format!("/{c}:/{}/{a}", r.name)).collect::<Vec<_>>(),
            "Sysctls": r.network.sysctls.iter().map(|(k, v)| (k.replace('/', "."), v.clone())).collect::<std::collections::BTreeMap<_, _>>(),
            "Binds": r.mounts.as_ref().map(|m| m.binds.iter().map(|b| b.to_bind_string())
                .chain(m.volumes.iter().filter(|v| !v.anonymous).map(|v| v.to_bind_string()))
                .collect::<Vec<_>>()),
            "Tmpfs": r.mounts.as_ref().map(|m| m.tmpfs.iter()
                .map(|t| (t.destination.display().to_string(), t.options.join(",")))
                .collect::<std::collections::BTreeMap<_, _>>()),
        },
        "Mounts": mounts,
        "Config": {
            // As its /etc/hostname: its own namespace's (the spec's), or the one it joined.
            "Hostname": super::hostname_of(store, &ctr)
                .unwrap_or_else(|_| ctr.spec.hostname().clone().unwrap_or_default()),
            "User": format!("{}:{}", user.uid(), user.gid()),
            "Tty": r.tty,
            "OpenStdin": r.interactive,
            // Not the values of `--secret …,type=env`.
            "Env": crate::secret::mount::hide_env(process.env().clone().unwrap_or_default(), &r.secrets),
            "Secrets": r.secrets.iter().map(|s| json!({
                "Name": s.name, "Type": s.kind, "Target": s.target,
                "UID": s.uid, "GID": s.gid, "Mode": s.mode,
            })).collect::<Vec<_>>(),
            "Entrypoint": r.entrypoint_len.filter(|n| *n > 0).map(|n| args[..n.min(args.len())].to_vec()),
            "Cmd": &args[r.entrypoint_len.unwrap_or(0).min(args.len())..],
            "Image": r.image_name,
            "WorkingDir": process.cwd().display().to_string(),
            "Labels": r.labels,
            // The user's `--annotation`s (husk's own keys are its business).
            "Annotations": annotations.iter().filter(|(k, _)| !k.starts_with("io.husk."))
                .collect::<std::collections::BTreeMap<_, _>>(),
            "StopSignal": annotations.get(super::spec::ANNOTATION_STOP_SIGNAL).cloned().unwrap_or_else(|| "SIGTERM".into()),
            "StopTimeout": r.stop_timeout.unwrap_or(super::lifecycle::DEFAULT_STOP_TIMEOUT),
            "Healthcheck": r.healthcheck.as_ref().map(super::health::config_json),
        },
        "NetworkSettings": crate::network::settings_json(&r.network, s.network.as_ref()),
    });
    if let (Some(o), Some(host)) = (&r.options, doc["HostConfig"].as_object_mut()) {
        host.extend(options_json(o));
    }
    Ok(doc)
}

/// docker's HostConfig fields for what the record keeps typed.
fn options_json(o: &super::options::ProcessOptions) -> serde_json::Map<String, Value> {
    use super::options::Seccomp;
    let mut security = Vec::new();
    match &o.security.seccomp {
        Seccomp::Default => {}
        Seccomp::Unconfined => security.push("seccomp=unconfined".to_string()),
        Seccomp::Profile(p) => security.push(format!("seccomp={}", p.display())),
    }
    if o.security.no_new_privileges {
        security.push("no-new-privileges".into());
    }
    let fields = json!({
        "Devices": o.devices.iter().map(|d| json!({
            "PathOnHost": d.host, "PathInContainer": d.container, "CgroupPermissions": "rwm",
        })).collect::<Vec<_>>(),
        "Ulimits": o.ulimits.iter().map(|u| json!({"Name": u.resource, "Soft": u.soft, "Hard": u.hard}))
            .collect::<Vec<_>>(),
        "SecurityOpt": security,
        "CapAdd": o.cap_add,
        "CapDrop": o.cap_drop,
        "Privileged": o.privileged,
        "ReadonlyRootfs": o.read_only,
        "GroupAdd": o.group_add,
        "ShmSize": o.shm_size.unwrap_or(super::spec::DEFAULT_SHM_SIZE),
        "OomScoreAdj": o.oom_score_adj.unwrap_or(0),
        "Init": o.init,
    });
    match fields {
        Value::Object(m) => m,
        _ => serde_json::Map::new(),
    }
}

fn bind_json(source: &std::path::Path, destination: &std::path::Path, rw: bool) -> Value {
    json!({
        "Type": "bind",
        "Source": source.display().to_string(),
        "Destination": destination.display().to_string(),
        "RW": rw,
    })
}

fn volume_json(store: &Store, v: &super::mounts::VolumeMount) -> Value {
    json!({
        "Type": "volume",
        "Name": v.name,
        "Source": crate::volume::data_dir(store, &v.name).display().to_string(),
        "Destination": v.destination.display().to_string(),
        "Driver": "local",
        "Mode": "",
        "RW": v.writable(),
        "Propagation": "",
    })
}

/// The user's bind mounts of a record that does not keep them (husk before
/// 2026-12), from its spec: not the /etc files husk makes in the container's
/// directory, nor the host devices (/dev/null, ...) it binds at their own paths.
fn binds_of_spec(ctr: &super::Container) -> Vec<Value> {
    ctr.spec
        .mounts()
        .clone()
        .unwrap_or_default()
        .iter()
        .filter(|m| m.typ().as_deref() == Some("bind"))
        .filter(|m| {
            !m.source().as_ref().is_some_and(|s| {
                s.starts_with(&ctr.dir) || (s.starts_with("/dev") && s == m.destination())
            })
        })
        .map(|m| {
            let opts = m.options().clone().unwrap_or_default();
            let source = m.source().clone().unwrap_or_default();
            bind_json(&source, m.destination(), !opts.iter().any(|o| o == "ro"))
        })
        .collect()
}
