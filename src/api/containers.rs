//! `/containers/create`, `/containers/{id}/start|stop|kill|wait|json` and
//! `DELETE /containers/{id}`: docker's container JSON mapped onto husk's own
//! run options ([`RunFlags`], as `husk run` takes them), and the library's
//! lifecycle functions.

use anyhow::{anyhow, Result};
use serde_json::{json, Value};

use super::http::{Request, Response};
use super::routes::{error, Context};
use crate::container::flags::RunFlags;
use crate::container::{lifecycle, state};

/// An endpoint's failure with docker's status code.
pub struct ApiError(pub u16, pub String);

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> ApiError {
        ApiError(500, format!("{e:#}"))
    }
}

pub type Answer = std::result::Result<Response, ApiError>;

fn no_such(name: &str) -> ApiError {
    ApiError(404, format!("No such container: {name}"))
}

/// The container `name` names, or docker's 404.
pub fn find(cx: &Context, name: &str) -> std::result::Result<String, ApiError> {
    crate::container::find(&cx.store(), name).map_err(|_| no_such(name))
}

/// Answer `/containers/…` (the path after it), or None if it is no such endpoint.
pub fn route(
    cx: &Context,
    method: &str,
    rest: &str,
    req: &Request,
    body: &[u8],
) -> Option<Response> {
    let parts: Vec<&str> = rest.split('/').collect();
    let answer = match (method, parts.as_slice()) {
        ("POST", ["create"]) => create(cx, req, body),
        ("POST", [id, "start"]) => start(cx, id),
        ("POST", [id, "stop"]) => stop(cx, id, req),
        ("POST", [id, "kill"]) => kill(cx, id, req),
        ("POST", [id, "wait"]) => super::attach::wait(cx, id, req),
        ("POST", [id, "attach"]) => super::attach::attach(cx, id, req),
        ("POST", [id, "resize"]) => super::attach::resize(cx, id, req),
        ("POST", [id, "exec"]) => super::exec::create(cx, id, body),
        ("GET", [id, "logs"]) => super::logs::logs(cx, id, req),
        ("GET", [id, "json"]) => inspect(cx, id),
        ("DELETE", [id]) => remove(cx, id, req),
        _ => return None,
    };
    Some(answer.unwrap_or_else(|ApiError(status, message)| error(status, &message)))
}

fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn text(v: &Value) -> Option<String> {
    v.as_str().filter(|s| !s.is_empty()).map(str::to_string)
}

/// docker's create body as husk's run options.
pub fn run_flags(body: &Value, name: Option<&str>) -> Result<RunFlags> {
    let image = body["Image"]
        .as_str()
        .filter(|i| !i.is_empty())
        .ok_or_else(|| anyhow!("no image given: the body needs \"Image\""))?;
    let host = &body["HostConfig"];
    let mut f = RunFlags::with_defaults(image)?;
    f.detach = true;
    f.name = name.map(str::to_string);
    f.command = strings(&body["Cmd"]);
    if body["Entrypoint"].is_array() || body["Entrypoint"].is_string() {
        f.entrypoint = Some(serde_json::to_string(&strings(&body["Entrypoint"]))?);
    }
    f.env = strings(&body["Env"]);
    f.workdir = text(&body["WorkingDir"]);
    f.user = text(&body["User"]);
    f.hostname = text(&body["Hostname"]);
    f.tty = body["Tty"].as_bool().unwrap_or(false);
    f.interactive = body["OpenStdin"].as_bool().unwrap_or(false);
    if let Some(labels) = body["Labels"].as_object() {
        f.label = labels
            .iter()
            .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
            .collect();
    }
    f.volume = strings(&host["Binds"]);
    f.publish = port_bindings(&host["PortBindings"]);
    f.network = text(&host["NetworkMode"]).filter(|m| m != "default" && m != "bridge");
    f.rm = host["AutoRemove"].as_bool().unwrap_or(false);
    f.privileged = host["Privileged"].as_bool().unwrap_or(false);
    f.read_only = host["ReadonlyRootfs"].as_bool().unwrap_or(false);
    f.init = host["Init"].as_bool().unwrap_or(false);
    f.cap_add = strings(&host["CapAdd"]);
    f.cap_drop = strings(&host["CapDrop"]);
    f.dns = strings(&host["Dns"]);
    f.add_host = strings(&host["ExtraHosts"]);
    if let Some(t) = host["Tmpfs"].as_object() {
        f.tmpfs = t
            .iter()
            .map(|(k, v)| match v.as_str().filter(|o| !o.is_empty()) {
                Some(o) => format!("{k}:{o}"),
                None => k.clone(),
            })
            .collect();
    }
    if let Some(policy) = text(&host["RestartPolicy"]["Name"]) {
        f.restart = match host["RestartPolicy"]["MaximumRetryCount"].as_u64() {
            Some(n) if n > 0 && policy == "on-failure" => format!("on-failure:{n}"),
            _ => policy,
        };
    }
    if let Some(m) = host["Memory"].as_u64().filter(|m| *m > 0) {
        f.limits.memory = Some(m.to_string());
    }
    Ok(f)
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

fn create(cx: &Context, req: &Request, body: &[u8]) -> Answer {
    let body: Value =
        serde_json::from_slice(body).map_err(|e| ApiError(400, format!("invalid JSON: {e}")))?;
    let name = req.param("name").filter(|n| !n.is_empty());
    let flags = run_flags(&body, name).map_err(|e| ApiError(400, format!("{e:#}")))?;
    let plan = flags
        .resolve()
        .map_err(|e| ApiError(400, format!("{e:#}")))?;
    let store = crate::store::Store::open(&cx.store_root)?;
    if let Some(n) = name {
        if crate::container::exists(&store, n)? {
            return Err(ApiError(
                409,
                format!("Conflict. The container name \"/{n}\" is already in use"),
            ));
        }
    }
    let config = crate::config::Config::load()?;
    let pull =
        crate::image::pull::PullOptions::defaults(crate::progress::Progress::for_stderr(true));
    let command_line = vec!["husk".into(), "system".into(), "service".into()];
    let ctr = crate::container::flags::create(
        &store,
        &config,
        &flags,
        plan,
        &pull,
        command_line,
        &cx.driver,
    )
    .map_err(|e| {
        let text = format!("{e:#}");
        match e.downcast_ref::<crate::image::lookup::LookupError>() {
            Some(_) => ApiError(404, format!("No such image: {}", flags.image)),
            None => ApiError(500, text),
        }
    })?;
    let size = body["HostConfig"]["ConsoleSize"].as_array().and_then(|a| {
        let dim = |i: usize| a.get(i)?.as_u64().and_then(|n| u16::try_from(n).ok());
        Some((dim(0)?, dim(1)?)).filter(|(h, w)| *h > 0 && *w > 0)
    });
    if let Some(size) = size.filter(|_| ctr.record.tty) {
        cx.waiting.set_console_size(&ctr.record.id, size);
    }
    Ok(Response::json(
        201,
        &json!({ "Id": ctr.record.id, "Warnings": [] }),
    ))
}

fn start(cx: &Context, name: &str) -> Answer {
    let id = find(cx, name)?;
    match super::attach::start(cx, &id)? {
        true => Ok(Response::empty(204)),
        false => Ok(Response::empty(304)),
    }
}

fn stop(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let store = cx.store();
    if !state::is_active(&state::current(&store, &id)?) {
        return Ok(Response::empty(304));
    }
    let timeout = req.param("t").and_then(|t| t.parse().ok());
    lifecycle::stop(&store, &id, timeout)?;
    Ok(Response::empty(204))
}

fn kill(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let signal = lifecycle::parse_signal(req.param("signal").unwrap_or("SIGKILL"))
        .map_err(|e| ApiError(400, format!("{e:#}")))?;
    let store = cx.store();
    let record = store.container_record(&id)?;
    lifecycle::kill(&store, &id, &record.name, signal, false).map_err(|e| {
        ApiError(
            409,
            format!(
                "Cannot kill container: {name}: {}",
                crate::error::one_line(&e)
            ),
        )
    })?;
    Ok(Response::empty(204))
}

fn inspect(cx: &Context, name: &str) -> Answer {
    let id = find(cx, name)?;
    let v = crate::container::inspect::inspect(&cx.store(), &id, &cx.driver)?;
    Ok(Response::json(200, &v))
}

fn remove(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let store = crate::store::Store::open(&cx.store_root)?;
    lifecycle::remove_with_volumes(&store, &id, req.flag("force"), req.flag("v")).map_err(|e| {
        match e.downcast_ref::<crate::error::Failure>() {
            Some(_) => ApiError(409, format!("{e:#}")),
            None => ApiError(500, format!("{e:#}")),
        }
    })?;
    Ok(Response::empty(204))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
