//! `/networks/…` and `/volumes/…`: husk's bridge networks and local
//! volumes as docker's JSON, made, connected and removed by the library
//! functions `husk network` and `husk volume` call.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::containers::{Answer, ApiError};
use super::http::{Request, Response};
use super::routes::Context;
use crate::network::config::{self as net, Network};
use crate::store::Store;
use crate::volume;

fn bad(e: anyhow::Error) -> ApiError {
    ApiError(400, format!("{e:#}"))
}

fn json_body(body: &[u8]) -> std::result::Result<Value, ApiError> {
    match body.is_empty() {
        true => Ok(json!({})),
        false => {
            serde_json::from_slice(body).map_err(|e| ApiError(400, format!("invalid JSON: {e}")))
        }
    }
}

fn labels(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// docker's `filters` parameter (`{"name":["x"]}` or `{"name":{"x":true}}`)
/// as KEY=VALUE pairs.
pub fn filters(req: &Request) -> std::result::Result<Vec<(String, String)>, ApiError> {
    let Some(text) = req.param("filters").filter(|f| !f.is_empty()) else {
        return Ok(Vec::new());
    };
    let v: Value =
        serde_json::from_str(text).map_err(|e| ApiError(400, format!("invalid filters: {e}")))?;
    let mut out = Vec::new();
    for (key, values) in v.as_object().into_iter().flatten() {
        match values {
            Value::Array(a) => out.extend(
                a.iter()
                    .filter_map(|x| x.as_str())
                    .map(|x| (key.clone(), x.to_string())),
            ),
            Value::Object(m) => out.extend(
                m.iter()
                    .filter(|(_, on)| on.as_bool() != Some(false))
                    .map(|(x, _)| (key.clone(), x.clone())),
            ),
            _ => {}
        }
    }
    Ok(out)
}

/// Answer `/networks…` (the path after `/networks`).
pub fn networks(
    cx: &Context,
    method: &str,
    rest: &str,
    req: &Request,
    body: &[u8],
) -> Option<Response> {
    let rest = rest.trim_start_matches('/');
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    let answer = match (method, parts.as_slice()) {
        ("GET", []) => network_list(cx, req),
        ("POST", ["create"]) => network_create(cx, body),
        ("POST", ["prune"]) => network_prune(cx),
        ("GET", [name]) => find_network(&cx.store(), name)
            .map(|n| Response::json(200, &network_json(&cx.store(), &n))),
        ("DELETE", [name]) => network_remove(cx, name),
        ("POST", [name, "connect"]) => network_connect(cx, name, body),
        ("POST", [name, "disconnect"]) => network_disconnect(cx, name, body),
        _ => return None,
    };
    Some(super::containers::respond(answer))
}

fn find_network(store: &Store, name: &str) -> std::result::Result<Network, ApiError> {
    net::find(store, name).map_err(|_| ApiError(404, format!("network {name} not found")))
}

/// A network as docker shows it.
fn network_json(store: &Store, n: &Network) -> Value {
    let mut containers = serde_json::Map::new();
    for (id, name) in net::users(store, n).unwrap_or_default() {
        containers.insert(id, json!({ "Name": name }));
    }
    json!({
        "Name": n.name,
        "Id": n.id,
        "Created": n.created,
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": {},
            "Config": [{ "Subnet": n.subnet.to_string(), "Gateway": n.gateway.to_string() }],
        },
        "Internal": n.internal,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": { "Network": "" },
        "ConfigOnly": false,
        "Containers": containers,
        "Options": { "com.docker.network.bridge.name": n.bridge },
        "Labels": n.labels,
    })
}

fn network_list(cx: &Context, req: &Request) -> Answer {
    let store = cx.store();
    let wanted: Vec<String> = filters(req)?
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let mut out = Vec::new();
    for n in net::list(&store)? {
        let mut keep = true;
        for f in &wanted {
            keep &= net::matches(&n, f).map_err(bad)?;
        }
        if keep {
            out.push(network_json(&store, &n));
        }
    }
    Ok(Response::json(200, &Value::Array(out)))
}

fn network_create(cx: &Context, body: &[u8]) -> Answer {
    let b = json_body(body)?;
    let name = b["Name"]
        .as_str()
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError(400, "a network needs a Name".into()))?;
    match b["Driver"].as_str().unwrap_or("bridge") {
        "" | "bridge" => {}
        d => {
            return Err(ApiError(
                400,
                format!("network driver {d:?} is not supported: husk has bridge networks"),
            ))
        }
    }
    let ipam = b["IPAM"]["Config"]
        .as_array()
        .and_then(|c| c.first())
        .cloned()
        .unwrap_or(Value::Null);
    let options: Vec<String> = b["Options"]
        .as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
                .collect()
        })
        .unwrap_or_default();
    let opts = net::CreateOptions {
        name: Some(name.to_string()),
        subnet: ipam["Subnet"]
            .as_str()
            .map(str::parse)
            .transpose()
            .map_err(bad)?,
        gateway: ipam["Gateway"]
            .as_str()
            .map(|g| {
                g.parse()
                    .map_err(|_| ApiError(400, format!("invalid gateway {g:?}")))
            })
            .transpose()?,
        internal: b["Internal"].as_bool().unwrap_or(false),
        labels: labels(&b["Labels"]),
        ignore: false,
        interface_name: None,
        ip_range: ipam["IPRange"]
            .as_str()
            .map(net::IpRange::parse)
            .transpose()
            .map_err(bad)?,
        routes: Vec::new(),
        options: net::DriverOptions::parse(&options).map_err(bad)?,
        disable_dns: false,
        dns_servers: Vec::new(),
    };
    let store = cx.store();
    if net::find(&store, name).is_ok() {
        return Err(ApiError(
            409,
            format!("network with name {name} already exists"),
        ));
    }
    let n = net::create(&store, &opts).map_err(bad)?;
    Ok(Response::json(201, &json!({ "Id": n.id, "Warning": "" })))
}

fn network_remove(cx: &Context, name: &str) -> Answer {
    let store = cx.store();
    find_network(&store, name)?;
    net::remove(&store, name, false, None)
        .map_err(|e| ApiError(409, crate::error::one_line(&e)))?;
    Ok(Response::empty(204))
}

fn network_prune(cx: &Context) -> Answer {
    let removed = net::prune(&cx.store(), &[])?;
    Ok(Response::json(200, &json!({ "NetworksDeleted": removed })))
}

fn network_connect(cx: &Context, name: &str, body: &[u8]) -> Answer {
    let b = json_body(body)?;
    let ctr = b["Container"]
        .as_str()
        .ok_or_else(|| ApiError(400, "no Container given".into()))?;
    let store = cx.store();
    find_network(&store, name)?;
    super::containers::find(cx, ctr)?;
    let endpoint = &b["EndpointConfig"];
    let aliases: Vec<String> = endpoint["Aliases"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let fixed = crate::network::FixedAddress {
        ip: endpoint["IPAMConfig"]["IPv4Address"]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(|ip| {
                ip.parse()
                    .map_err(|_| ApiError(400, format!("invalid IPv4Address {ip:?}")))
            })
            .transpose()?,
        mac: None,
    };
    crate::network::attach::connect_container(&store, name, ctr, &aliases, fixed)
        .map_err(|e| ApiError(409, crate::error::one_line(&e)))?;
    Ok(Response::empty(200))
}

fn network_disconnect(cx: &Context, name: &str, body: &[u8]) -> Answer {
    let b = json_body(body)?;
    let ctr = b["Container"]
        .as_str()
        .ok_or_else(|| ApiError(400, "no Container given".into()))?;
    let store = cx.store();
    find_network(&store, name)?;
    super::containers::find(cx, ctr)?;
    crate::network::attach::disconnect_container(&store, name, ctr)
        .map_err(|e| ApiError(409, crate::error::one_line(&e)))?;
    Ok(Response::empty(200))
}

/// Answer `/volumes…` (the path after `/volumes`).
pub fn volumes(
    cx: &Context,
    method: &str,
    rest: &str,
    req: &Request,
    body: &[u8],
) -> Option<Response> {
    let rest = rest.trim_start_matches('/');
    let parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
    let answer = match (method, parts.as_slice()) {
        ("GET", []) => volume_list(cx),
        ("POST", ["create"]) => volume_create(cx, body),
        ("POST", ["prune"]) => volume_prune(cx),
        ("GET", [name]) => {
            let store = cx.store();
            volume::find(&store, name)
                .map(|v| Response::json(200, &volume::inspect(&store, &v)))
                .map_err(|_| ApiError(404, format!("get {name}: no such volume")))
        }
        ("DELETE", [name]) => volume_remove(cx, name, req),
        _ => return None,
    };
    Some(super::containers::respond(answer))
}

fn volume_list(cx: &Context) -> Answer {
    let store = cx.store();
    let all: Vec<Value> = volume::list(&store)?
        .iter()
        .map(|v| volume::inspect(&store, v))
        .collect();
    Ok(Response::json(
        200,
        &json!({ "Volumes": all, "Warnings": [] }),
    ))
}

fn volume_create(cx: &Context, body: &[u8]) -> Answer {
    let b = json_body(body)?;
    match b["Driver"].as_str().unwrap_or("local") {
        "" | "local" => {}
        d => {
            return Err(ApiError(
                400,
                format!("volume driver {d:?} is not supported: husk has local volumes"),
            ))
        }
    }
    let opts = volume::CreateOptions {
        name: b["Name"]
            .as_str()
            .filter(|n| !n.is_empty())
            .map(str::to_string),
        labels: labels(&b["Labels"]),
        options: labels(&b["DriverOpts"]),
        anonymous: false,
        uid: None,
        gid: None,
    };
    let store = cx.store();
    // docker: creating a volume that exists gives that volume.
    let v = match opts.name.as_deref().map(|n| volume::find(&store, n)) {
        Some(Ok(v)) => v,
        _ => volume::create(&store, &opts).map_err(bad)?.0,
    };
    Ok(Response::json(201, &volume::inspect(&store, &v)))
}

fn volume_remove(cx: &Context, name: &str, req: &Request) -> Answer {
    let store = cx.store();
    volume::find(&store, name).map_err(|_| ApiError(404, format!("get {name}: no such volume")))?;
    volume::remove(&store, name, req.flag("force"), None)
        .map_err(|e| ApiError(409, crate::error::one_line(&e)))?;
    Ok(Response::empty(204))
}

fn volume_prune(cx: &Context) -> Answer {
    let pruned = volume::prune_with(&cx.store(), &[], false)?;
    Ok(Response::json(
        200,
        &json!({ "VolumesDeleted": pruned.removed, "SpaceReclaimed": pruned.freed }),
    ))
}
