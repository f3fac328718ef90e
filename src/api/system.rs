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
    let filters: Vec<list::Filter> = super::resources::filters(req)
        .map_err(|super::containers::ApiError(_, m)| anyhow::anyhow!(m))?
        .iter()
        .map(|(k, v)| list::Filter::parse(&format!("{k}={v}"), &store))
        .collect::<Result<_>>()?;
    let mut all = list::list(&store, req.flag("all") || !filters.is_empty(), &filters)?;
    all.sort_by_key(|c| std::cmp::Reverse(human::unix_seconds(Some(&c.record.created))));
    if let Some(n) = req.param("limit").and_then(|l| l.parse::<usize>().ok()) {
        all.truncate(n);
    }
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

/// `/system/df`: `husk system df -v`'s figures as docker's.
pub fn df(cx: &Context) -> Result<Value> {
    let store = cx.store();
    let usage = crate::system::detailed_usage(&store)?;
    let images: Vec<Value> = usage
        .images
        .iter()
        .map(|i| {
            json!({
                "Id": i.image.id.to_string(),
                "ParentId": "",
                "RepoTags": i.image.names,
                "RepoDigests": i.image.repo_digests,
                "Created": human::unix_seconds(i.image.created.as_deref()),
                "Size": i.image.size,
                "SharedSize": i.shared,
                "Labels": {},
                "Containers": i.containers,
            })
        })
        .collect();
    let containers: Vec<Value> = usage
        .containers
        .iter()
        .map(|c| {
            let mut v = container_json(&c.container);
            v["SizeRw"] = json!(c.size);
            v
        })
        .collect();
    let volumes: Vec<Value> = usage
        .volumes
        .iter()
        .map(|v| {
            json!({
                "Name": v.name,
                "Driver": "local",
                "Scope": "local",
                "UsageData": { "Size": v.size, "RefCount": v.links },
            })
        })
        .collect();
    let layers: u64 = usage.images.iter().map(|i| i.unique).sum::<u64>()
        + usage.images.iter().map(|i| i.shared).max().unwrap_or(0);
    Ok(json!({
        "LayersSize": layers,
        "Images": images,
        "Containers": containers,
        "Volumes": volumes,
        "BuildCache": [],
    }))
}

/// `POST /auth`: the credentials tried against the registry (`husk login`'s
/// check); docker keeps them in the client, so nothing is stored here.
pub fn auth(body: &[u8]) -> std::result::Result<Value, (u16, String)> {
    let b: Value = serde_json::from_slice(body).map_err(|e| (400, format!("invalid JSON: {e}")))?;
    let field = |k: &str| b[k].as_str().unwrap_or("").to_string();
    let address = field("serveraddress");
    let registry = crate::registry::reference::normalize_registry(match address.as_str() {
        "" => "docker.io",
        a => a,
    });
    let creds = crate::registry::credentials::Credentials {
        username: field("username"),
        password: field("password"),
    };
    if creds.username.is_empty() || creds.password.is_empty() {
        return Err((400, "username and password are both required".into()));
    }
    let config = crate::config::Config::load().map_err(|e| (500, format!("{e:#}")))?;
    let client = crate::registry::RegistryClient::new(
        &registry,
        "",
        &crate::registry::ClientOptions {
            insecure: config.is_insecure(&registry),
            credentials: Some(creds),
            timeouts: config.registry_timeouts,
            ..Default::default()
        },
    )
    .map_err(|e| (500, format!("{e:#}")))?;
    client
        .ping()
        .map_err(|e| (401, crate::error::one_line(&e)))?;
    Ok(json!({ "Status": "Login Succeeded", "IdentityToken": "" }))
}

/// `GET /events?since=&until=&filters=`: the event log as docker's JSON
/// lines; without `until`, followed until the client goes.
pub fn events(req: &Request) -> std::result::Result<super::http::Response, (u16, String)> {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let when = |k: &str| match req.param(k).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => human::parse_when(v)
            .map(Some)
            .map_err(|e| (400, format!("{e:#}"))),
    };
    let filters = super::resources::filters(req)
        .map_err(|super::containers::ApiError(s, m)| (s, m))?
        .into_iter()
        .map(|(k, v)| format!("{k}={v}").parse())
        .collect::<Result<Vec<crate::events::Filter>>>()
        .map_err(|e| (400, format!("{e:#}")))?;
    let cancel = Arc::new(AtomicBool::new(false));
    let until = when("until")?;
    let query = crate::events::Query {
        since: when("since")?,
        until,
        filters,
        follow: until.is_none() || until.is_some_and(|u| u > std::time::SystemTime::now()),
        cancel: Some(Arc::clone(&cancel)),
    };
    Ok(super::http::Response::stream(
        "application/json",
        move |sink| {
            use std::io::Write;
            let watcher = match query.follow {
                true => Some(super::http::watch_hangup(sink.peer()?, &cancel)),
                false => None,
            };
            let result = crate::events::read(&query, &mut |e| {
                let line = format!("{}\n", docker_event(e));
                Ok(sink.write_all(line.as_bytes()).is_ok())
            });
            cancel.store(true, Ordering::Relaxed);
            if let Some(w) = watcher {
                let _ = w.join();
            }
            result.map_err(std::io::Error::other)
        },
    ))
}

/// An event as docker's JSON: husk's own keys of the same names in other
/// cases (`Time`, `Status`) left out, since Go's decoder takes names in any case.
fn docker_event(e: &crate::events::Event) -> Value {
    const KEYS: [&str; 9] = [
        "Type", "Action", "Actor", "scope", "time", "timeNano", "status", "id", "from",
    ];
    let mut v = crate::events::to_json(e);
    if let Some(m) = v.as_object_mut() {
        m.retain(|k, _| KEYS.contains(&k.as_str()));
    }
    v
}
