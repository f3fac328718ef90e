//! `/containers/create`, `/containers/{id}/start|stop|kill|wait|json` and
//! `DELETE /containers/{id}`: docker's container JSON mapped onto husk's own
//! run options ([`RunFlags`], as `husk run` takes them), and the library's
//! lifecycle functions.

use serde_json::{json, Value};

use super::http::{Request, Response};
use super::routes::{error, Context};
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
        ("GET", [id, "archive"]) => super::archive::get(cx, id, req),
        ("GET", [id, "top"]) => top(cx, id),
        ("GET", [id, "changes"]) => changes(cx, id),
        ("GET", [id, "export"]) => export(cx, id),
        ("GET", [id, "stats"]) => stats(cx, id, req),
        ("POST", [id, "rename"]) => rename(cx, id, req),
        ("POST", [id, "pause"]) => pause(cx, id, true),
        ("POST", [id, "unpause"]) => pause(cx, id, false),
        ("POST", [id, "restart"]) => restart(cx, id, req),
        ("POST", ["prune"]) => prune(cx),
        ("GET", [id, "json"]) => inspect(cx, id),
        ("DELETE", [id]) => remove(cx, id, req),
        _ => return None,
    };
    Some(respond(answer))
}

/// An endpoint's answer as the response: docker's error body for a failure.
pub fn respond(answer: Answer) -> Response {
    answer.unwrap_or_else(|ApiError(status, message)| error(status, &message))
}

/// A JSON list of strings (or one string) as strings.
pub fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        Value::String(s) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn create(cx: &Context, req: &Request, body: &[u8]) -> Answer {
    let body: Value =
        serde_json::from_slice(body).map_err(|e| ApiError(400, format!("invalid JSON: {e}")))?;
    let name = req.param("name").filter(|n| !n.is_empty());
    let flags =
        super::create::run_flags(&body, name).map_err(|e| ApiError(400, format!("{e:#}")))?;
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
    // A command that cannot run is the request's fault, as dockerd answers it
    // (the docker CLI reads the message for its exit code 126 or 127).
    match super::attach::start(cx, &id) {
        Ok(true) => Ok(Response::empty(204)),
        Ok(false) => Ok(Response::empty(304)),
        Err(e) if crate::error::exit_code_of(&e) != crate::error::EXIT_TOOL => {
            Err(ApiError(400, crate::error::one_line(&e)))
        }
        Err(e) => Err(e.into()),
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
    let mut v = crate::container::inspect::inspect(&cx.store(), &id, &cx.driver)?;
    // husk's k8s-file log is read through the API as docker reads json-file
    // logs; docker's clients (the Python SDK's run) read only logs they know.
    let log_type = &mut v["HostConfig"]["LogConfig"]["Type"];
    if log_type == "k8s-file" {
        *log_type = json!("json-file");
    }
    Ok(Response::json(200, &v))
}

fn remove(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let store = crate::store::Store::open(&cx.store_root)?;
    cx.waiting.forget(&id);
    cx.execs.forget_container(&id);
    lifecycle::remove_with_volumes(&store, &id, req.flag("force"), req.flag("v")).map_err(|e| {
        match e.downcast_ref::<crate::error::Failure>() {
            Some(_) => ApiError(409, format!("{e:#}")),
            None => ApiError(500, format!("{e:#}")),
        }
    })?;
    Ok(Response::empty(204))
}

/// The container's first process, or docker's 409 if it is not running.
fn running_pid(cx: &Context, id: &str, name: &str) -> std::result::Result<i32, ApiError> {
    state::running_pid(&state::current(&cx.store(), id)?)
        .ok_or_else(|| ApiError(409, format!("Container {name} is not running")))
}

/// `GET /containers/{id}/top`: `husk top`'s rows as docker's titles and processes.
fn top(cx: &Context, name: &str) -> Answer {
    let id = find(cx, name)?;
    let pid = running_pid(cx, &id, name)?;
    let rows = crate::container::processes::top(&cx.store(), &id, pid)?;
    let processes: Vec<Value> = rows
        .iter()
        .map(|r| {
            let t = r.cpu_time.as_secs();
            json!([
                r.user,
                r.process.host_pid.to_string(),
                r.process.ppid.to_string(),
                format!("{:.0}", r.cpu_percent),
                format!("{:02}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60),
                r.process.command,
            ])
        })
        .collect();
    Ok(Response::json(
        200,
        &json!({ "Titles": ["UID", "PID", "PPID", "C", "TIME", "CMD"], "Processes": processes }),
    ))
}

/// `GET /containers/{id}/changes`: kinds 0 changed, 1 added, 2 deleted.
fn changes(cx: &Context, name: &str) -> Answer {
    let id = find(cx, name)?;
    let store = cx.store();
    let record = store.container_record(&id)?;
    let lowers = crate::container::lower_dirs(&store, &record)?;
    let upper = store.container_dir(&id).join("upper");
    let rows: Vec<Value> = crate::container::diff::changes(&upper, &lowers)?
        .iter()
        .map(|c| {
            let kind = match c.kind {
                'A' => 1,
                'D' => 2,
                _ => 0,
            };
            json!({ "Path": c.path, "Kind": kind })
        })
        .collect();
    Ok(Response::json(200, &Value::Array(rows)))
}

/// `GET /containers/{id}/export`: its merged files as one tar.
fn export(cx: &Context, name: &str) -> Answer {
    let id = find(cx, name)?;
    let store = cx.store();
    Ok(Response::stream("application/x-tar", move |sink| {
        crate::container::export::export(&store, &id, sink).map_err(std::io::Error::other)
    }))
}

/// `GET /containers/{id}/stats`: what can be measured without cgroups (the
/// processes' resident memory and CPU time); with `stream` (docker's
/// default), a sample a second until the container stops or the client goes.
fn stats(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let store = cx.store();
    let first = stats_sample(&store, &id, None)?;
    if req
        .param("stream")
        .is_some_and(|v| v == "0" || v == "false")
    {
        return Ok(Response::json(200, &first));
    }
    Ok(Response::stream("application/json", move |sink| {
        use std::io::Write;
        let mut sample = first;
        loop {
            sink.write_all(format!("{sample}\n").as_bytes())?;
            std::thread::sleep(std::time::Duration::from_secs(1));
            let running = state::current(&store, &id).is_ok_and(|s| state::is_active(&s));
            if !running || sink.gone() {
                return Ok(());
            }
            sample = stats_sample(&store, &id, Some(&sample)).map_err(std::io::Error::other)?;
        }
    }))
}

/// One stats sample, with the one before as `precpu_stats`.
fn stats_sample(
    store: &crate::store::Store,
    id: &str,
    before: Option<&Value>,
) -> anyhow::Result<Value> {
    let record = store.container_record(id)?;
    let pid = state::running_pid(&state::current(store, id)?);
    let procs = match pid {
        Some(p) => crate::container::processes::list(p).unwrap_or_default(),
        None => Vec::new(),
    };
    let rss: u64 = procs.iter().map(|p| p.rss * 1024).sum();
    let ticks: u64 = procs.iter().map(|p| p.cpu_ticks).sum();
    // SAFETY: sysconf with a constant argument.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let cpu_ns = ticks * 1_000_000_000 / hz;
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    // The host's CPU time, which docker's clients divide by.
    let system_ns = std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|t| {
            let line = t.lines().next()?.to_string();
            Some(
                line.split_whitespace()
                    .skip(1)
                    .filter_map(|v| v.parse::<u64>().ok())
                    .sum::<u64>(),
            )
        })
        .map_or(0, |t| t * 1_000_000_000 / hz);
    let precpu = before.map_or(
        json!({ "cpu_usage": { "total_usage": 0 }, "system_cpu_usage": 0, "online_cpus": cpus }),
        |b| b["cpu_stats"].clone(),
    );
    Ok(json!({
        "read": humantime::format_rfc3339_nanos(std::time::SystemTime::now()).to_string(),
        "preread": before.map_or(json!("0001-01-01T00:00:00Z"), |b| b["read"].clone()),
        "name": format!("/{}", record.name),
        "id": id,
        "pids_stats": { "current": procs.len() },
        "num_procs": 0,
        "cpu_stats": {
            "cpu_usage": { "total_usage": cpu_ns, "usage_in_kernelmode": 0, "usage_in_usermode": cpu_ns },
            "system_cpu_usage": system_ns,
            "online_cpus": cpus,
            "throttling_data": { "periods": 0, "throttled_periods": 0, "throttled_time": 0 },
        },
        "precpu_stats": precpu,
        "memory_stats": { "usage": rss, "limit": crate::api::system::memory_total(), "stats": {} },
        "blkio_stats": {},
        "networks": {},
    }))
}

/// `POST /containers/{id}/rename?name=NEW`.
fn rename(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let new = req
        .param("name")
        .filter(|n| crate::container::names::is_valid(n))
        .ok_or_else(|| {
            ApiError(
                400,
                "invalid container name: letters, digits and _ . -".into(),
            )
        })?;
    let store = crate::store::Store::open(&cx.store_root)?;
    if crate::container::exists(&store, new)? {
        return Err(ApiError(
            409,
            format!("Conflict. The container name \"/{new}\" is already in use"),
        ));
    }
    store.rename_container(&id, new)?;
    Ok(Response::empty(204))
}

/// `POST /containers/{id}/pause` and `unpause`.
fn pause(cx: &Context, name: &str, paused: bool) -> Answer {
    let id = find(cx, name)?;
    let store = cx.store();
    let record = store.container_record(&id)?;
    lifecycle::set_paused(&store, &id, &record.name, paused)
        .map_err(|e| ApiError(409, crate::error::one_line(&e)))?;
    Ok(Response::empty(204))
}

/// `POST /containers/{id}/restart?t=SECS`.
fn restart(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let timeout = req.param("t").and_then(|t| t.parse().ok());
    lifecycle::restart(&cx.store(), &id, timeout, &cx.driver)?;
    Ok(Response::empty(204))
}

/// `POST /containers/prune`: every container not running.
fn prune(cx: &Context) -> Answer {
    let store = crate::store::Store::open(&cx.store_root)?;
    let (removed, _) = lifecycle::prune_stopped(&store, &[])?;
    Ok(Response::json(
        200,
        &json!({ "ContainersDeleted": removed, "SpaceReclaimed": 0 }),
    ))
}
