//! `/version`, `/info`, `/containers/json` and `/images/json`: husk's store
//! as docker's JSON.

use anyhow::Result;
use serde_json::{json, Value};

use super::http::Request;
use super::routes::{Context, API_VERSION, MIN_API_VERSION};
use crate::container::list::{self, Listed};
use crate::output::human;
use crate::store::containers::Status;

fn kernel() -> String {
    nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn arch() -> String {
    crate::image::platform::Platform::host().architecture
}

/// `/version`.
pub fn version() -> Value {
    let v = env!("CARGO_PKG_VERSION");
    let api = format!("{}.{}", API_VERSION.0, API_VERSION.1);
    let min = format!("{}.{}", MIN_API_VERSION.0, MIN_API_VERSION.1);
    json!({
        "Platform": { "Name": format!("husk {v}") },
        "Components": [{
            "Name": "Engine",
            "Version": v,
            "Details": {
                "ApiVersion": api,
                "MinAPIVersion": min,
                "Os": "linux",
                "Arch": arch(),
                "KernelVersion": kernel(),
                "Experimental": "false",
            },
        }],
        "Version": v,
        "ApiVersion": api,
        "MinAPIVersion": min,
        "GitCommit": "",
        "GoVersion": "",
        "Os": "linux",
        "Arch": arch(),
        "KernelVersion": kernel(),
        "BuildTime": "",
    })
}

/// `/info`: what docker's says that husk knows.
pub fn info(cx: &Context) -> Result<Value> {
    let store = cx.store();
    let all = list::list(&store, true, &[])?;
    let count = |s: Status| all.iter().filter(|c| c.state.status == s).count();
    let images = store.images()?.len();
    let mem = memory_total();
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let name = nix::unistd::gethostname()
        .map(|h| h.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(json!({
        "ID": "",
        "Containers": all.len(),
        "ContainersRunning": count(Status::Running) + count(Status::Restarting),
        "ContainersPaused": count(Status::Paused),
        "ContainersStopped": count(Status::Exited) + count(Status::Created),
        "Images": images,
        "Driver": cx.driver,
        "DriverStatus": [["Root Dir", cx.store_root.display().to_string()]],
        "Plugins": { "Volume": ["local"], "Network": ["bridge", "host", "none"], "Log": ["k8s-file", "json-file", "journald", "none"] },
        "MemoryLimit": false,
        "SwapLimit": false,
        "CpuCfsPeriod": false,
        "CpuCfsQuota": false,
        "IPv4Forwarding": true,
        "Debug": false,
        "NFd": 0,
        "NGoroutines": 0,
        "SystemTime": humantime::format_rfc3339_nanos(std::time::SystemTime::now()).to_string(),
        "LoggingDriver": "k8s-file",
        "CgroupDriver": "none",
        "CgroupVersion": "1",
        "KernelVersion": kernel(),
        "OperatingSystem": os_name(),
        "OSType": "linux",
        "Architecture": arch(),
        "NCPU": cpus,
        "MemTotal": mem,
        "IndexServerAddress": "https://index.docker.io/v1/",
        "DockerRootDir": cx.store_root.display().to_string(),
        "Name": name,
        "Labels": [],
        "ExperimentalBuild": false,
        "ServerVersion": env!("CARGO_PKG_VERSION"),
        "Runtimes": { "husk": { "path": "husk" } },
        "DefaultRuntime": "husk",
        "Swarm": { "LocalNodeState": "inactive", "NodeID": "", "NodeAddr": "" },
        "LiveRestoreEnabled": false,
        "SecurityOptions": ["name=rootless", "name=seccomp,profile=default"],
        "Warnings": [],
    }))
}

/// The host's memory in bytes (0 if unknown).
pub fn memory_total() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .unwrap_or(0)
        * 1024
}

/// The host's PRETTY_NAME, as docker shows it.
fn os_name() -> String {
    std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| "Linux".into())
}

/// `/containers/json[?all=1]`.
pub fn containers(cx: &Context, req: &Request) -> Result<Value> {
    let store = cx.store();
    let mut all = list::list(&store, req.flag("all"), &[])?;
    all.sort_by_key(|c| std::cmp::Reverse(human::unix_seconds(Some(&c.record.created))));
    Ok(Value::Array(all.iter().map(container_json).collect()))
}

fn container_json(c: &Listed) -> Value {
    let ports: Vec<Value> = c
        .state
        .network
        .as_ref()
        .map(|n| n.ports.clone())
        .unwrap_or_default()
        .iter()
        .map(|m| {
            json!({
                "IP": m.host_ip.map_or("0.0.0.0".to_string(), |ip| ip.to_string()),
                "PrivatePort": m.container_port,
                "PublicPort": m.host_port,
                "Type": m.protocol.to_string(),
            })
        })
        .collect();
    json!({
        "Id": c.record.id,
        "Names": [format!("/{}", c.record.name)],
        "Image": c.record.image_name,
        "ImageID": c.record.image.to_string(),
        "Command": c.record.command.join(" "),
        "Created": human::unix_seconds(Some(&c.record.created)),
        "Ports": ports,
        "Labels": c.record.labels,
        "State": c.state.status.as_str(),
        "Status": list::status_text(c),
        "HostConfig": { "NetworkMode": "bridge" },
        "NetworkSettings": { "Networks": {} },
        "Mounts": [],
    })
}

/// `/images/json`.
pub fn images(cx: &Context) -> Result<Value> {
    let store = cx.store();
    let images = store.images()?;
    Ok(Value::Array(
        images
            .iter()
            .map(|i| {
                json!({
                    "Id": i.id.to_string(),
                    "ParentId": "",
                    "RepoTags": i.names,
                    "RepoDigests": i.repo_digests,
                    "Created": human::unix_seconds(i.created.as_deref()),
                    "Size": i.size,
                    "SharedSize": -1,
                    "Labels": {},
                    "Containers": -1,
                })
            })
            .collect(),
    ))
}
