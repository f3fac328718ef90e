//! `/images/…`: pull (`create`) and push with docker's JSON progress stream,
//! import, inspect, history, tag, delete, save (`get`), load, prune and
//! search, each the library function the CLI calls.

use std::io::Write;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::{json, Value};

use super::containers::{Answer, ApiError};
use super::http::{Body, Request, Response, Sink};
use super::routes::Context;
use crate::config::Config;
use crate::image::{lookup, pull::PullOptions};
use crate::progress::{Event, Progress};
use crate::store::images::ImageRecord;
use crate::store::Store;

/// Answer `/images/…` (the path after it), or None if it is no such endpoint.
/// A name holds slashes, so the action is the path's last part.
pub fn route(
    cx: &Context,
    method: &str,
    rest: &str,
    req: &Request,
    body: Body,
) -> Option<Response> {
    let answer = match (method, rest) {
        ("POST", "create") => create(cx, req, body),
        ("POST", "load") => load(cx, body),
        ("POST", "prune") => prune(cx, req),
        ("GET", "search") => search(cx, req),
        ("GET", "get") => save(
            cx,
            req.query
                .iter()
                .filter(|(k, _)| k == "names")
                .map(|(_, v)| v.clone())
                .collect(),
        ),
        ("DELETE", name) => remove(cx, name, req),
        (m, p) => match (m, p.rsplit_once('/')) {
            ("GET", Some((name, "json"))) => inspect(cx, name),
            ("GET", Some((name, "history"))) => history(cx, name),
            ("GET", Some((name, "get"))) => save(cx, vec![name.to_string()]),
            ("POST", Some((name, "tag"))) => tag(cx, name, req),
            ("POST", Some((name, "push"))) => push(cx, name, req),
            _ => return None,
        },
    };
    Some(super::containers::respond(answer))
}

fn no_such(name: &str) -> ApiError {
    ApiError(404, format!("No such image: {name}"))
}

/// The stored image `name` names, or docker's 404.
fn find(store: &Store, config: &Config, name: &str) -> std::result::Result<ImageRecord, ApiError> {
    let images = store.images()?;
    match lookup::find(&images, name, config) {
        Ok(i) => Ok(images[i].clone()),
        Err(e) if e.downcast_ref::<lookup::LookupError>().is_some() => Err(no_such(name)),
        Err(e) => Err(e.into()),
    }
}

/// `GET /images/{name}/json`.
fn inspect(cx: &Context, name: &str) -> Answer {
    let store = cx.store();
    let record = find(&store, &Config::load()?, name)?;
    let v = crate::image::inspect::inspect(&store, &record)?;
    Ok(Response::json(200, &v))
}

/// `GET /images/{name}/history`.
fn history(cx: &Context, name: &str) -> Answer {
    let store = cx.store();
    let record = find(&store, &Config::load()?, name)?;
    let steps = crate::image::history::history(&store, &record)?;
    let tags: Vec<&String> = record.names.iter().collect();
    let rows: Vec<Value> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "Id": s.id.clone().unwrap_or_else(|| "<missing>".into()),
                "Created": crate::output::human::unix_seconds(s.created.as_deref()),
                "CreatedBy": s.created_by,
                "Tags": if i == 0 { json!(tags) } else { Value::Null },
                "Size": s.size,
                "Comment": s.comment,
            })
        })
        .collect();
    Ok(Response::json(200, &Value::Array(rows)))
}

/// `POST /images/{name}/tag?repo=R&tag=T`.
fn tag(cx: &Context, name: &str, req: &Request) -> Answer {
    let repo = req
        .param("repo")
        .filter(|r| !r.is_empty())
        .ok_or_else(|| ApiError(400, "repository name (repo) not specified".into()))?;
    let target = match req.param("tag").filter(|t| !t.is_empty()) {
        Some(t) => format!("{repo}:{t}"),
        None => repo.to_string(),
    };
    let store = crate::store::Store::open(&cx.store_root)?;
    let config = Config::load()?;
    find(&store, &config, name)?;
    crate::image::remove::tag(&store, &config, name, &[target])
        .map_err(|e| ApiError(400, format!("{e:#}")))?;
    Ok(Response::empty(201))
}

/// `DELETE /images/{name}?force=1`: what was untagged and deleted.
fn remove(cx: &Context, name: &str, req: &Request) -> Answer {
    let store = crate::store::Store::open(&cx.store_root)?;
    let config = Config::load()?;
    find(&store, &config, name)?;
    let removal =
        crate::image::remove::remove(&store, &config, name, req.flag("force")).map_err(|e| {
            ApiError(
                409,
                format!(
                    "conflict: unable to remove {name}: {}",
                    crate::error::one_line(&e)
                ),
            )
        })?;
    let mut out: Vec<Value> = removal
        .untagged
        .iter()
        .map(|n| json!({ "Untagged": n }))
        .collect();
    if let Some(d) = removal.deleted {
        out.push(json!({ "Deleted": d }));
    }
    Ok(Response::json(200, &Value::Array(out)))
}

/// Credentials from the `X-Registry-Auth` header (base64url JSON), if any.
fn credentials(req: &Request) -> Option<crate::registry::credentials::Credentials> {
    use base64::Engine;
    let header = req.header("X-Registry-Auth")?.trim();
    let raw = base64::engine::general_purpose::URL_SAFE
        .decode(header)
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(header))
        .or_else(|_| base64::engine::general_purpose::STANDARD.decode(header))
        .ok()?;
    let v: Value = serde_json::from_slice(&raw).ok()?;
    let username = v["username"].as_str().filter(|u| !u.is_empty())?;
    Some(crate::registry::credentials::Credentials {
        username: username.to_string(),
        password: v["password"].as_str().unwrap_or("").to_string(),
    })
}

/// Which work a progress stream shows (docker's words differ).
#[derive(Clone, Copy)]
enum Work {
    Pull,
    Push,
}

/// docker's progress line for one event; None for one to skip (an
/// advance less than a tenth of a second after the last of its layer).
fn progress_json(
    work: Work,
    e: &Event,
    last: &mut std::collections::HashMap<String, Instant>,
) -> Option<Value> {
    let id = |label: &str| label.rsplit(' ').next().unwrap_or(label).to_string();
    Some(match e {
        Event::Message(text) => json!({ "status": text }),
        Event::Started { label, .. } => json!({
            "status": match work { Work::Pull => "Pulling fs layer", Work::Push => "Preparing" },
            "progressDetail": {},
            "id": id(label),
        }),
        Event::Advanced {
            label,
            current,
            total,
        } => {
            let now = Instant::now();
            let seen = last
                .get(label)
                .is_some_and(|t| now.duration_since(*t) < Duration::from_millis(100));
            if seen && current < total {
                return None;
            }
            last.insert(label.clone(), now);
            json!({
                "status": match work { Work::Pull => "Downloading", Work::Push => "Pushing" },
                "progressDetail": { "current": current, "total": total },
                "id": id(label),
            })
        }
        Event::Finished { label, status } => json!({
            "status": match (work, status.as_str()) {
                (Work::Pull, "done") => "Pull complete",
                (Work::Pull, "already exists") => "Already exists",
                (Work::Push, "done") => "Pushed",
                (Work::Push, _) if status.contains("exists") => "Layer already exists",
                (_, "failed") => "Failed",
                (_, s) => s,
            },
            "progressDetail": {},
            "id": id(label),
        }),
    })
}

/// A 200 whose body is docker's JSON progress: `work` runs on a thread of
/// its own with progress events, which are written as they come; then its
/// final lines, or its error as docker's `errorDetail`.
fn progress_stream(
    kind: Work,
    work: impl FnOnce(Progress) -> Result<Vec<Value>> + Send + 'static,
) -> Response {
    Response::stream("application/json", move |sink: &mut Sink<'_>| {
        let (tx, rx) = mpsc::channel();
        let worker = std::thread::spawn(move || work(Progress::Events(tx)));
        let mut last = std::collections::HashMap::new();
        for event in &rx {
            if let Some(v) = progress_json(kind, &event, &mut last) {
                if sink.write_all(format!("{v}\n").as_bytes()).is_err() {
                    break;
                }
            }
        }
        // A client that hung up stops the work: its progress goes nowhere,
        // and the work's next bytes fail (`progress::Item::abandoned`).
        drop(rx);
        let lines = match worker.join() {
            Ok(Ok(lines)) => lines,
            Ok(Err(e)) => {
                let m = crate::error::one_line(&e);
                vec![json!({ "errorDetail": { "message": m }, "error": m })]
            }
            Err(_) => vec![json!({ "error": "the work panicked" })],
        };
        for v in lines {
            sink.write_all(format!("{v}\n").as_bytes())?;
        }
        Ok(())
    })
}

/// `POST /images/create?fromImage=NAME&tag=T` (a pull), or `?fromSrc=-&repo=R&tag=T`
/// (an import of the body's tar).
fn create(cx: &Context, req: &Request, body: Body) -> Answer {
    if req.param("fromSrc").is_some() {
        return import(cx, req, body);
    }
    let from = req
        .param("fromImage")
        .filter(|f| !f.is_empty())
        .ok_or_else(|| ApiError(400, "fromImage or fromSrc must be given".into()))?;
    let name = match req.param("tag").filter(|t| !t.is_empty()) {
        Some(t) if t.starts_with("sha256:") => format!("{from}@{t}"),
        Some(t) => format!("{from}:{t}"),
        None => from.to_string(),
    };
    let platform = match req.param("platform").filter(|p| !p.is_empty()) {
        Some(p) => Some(
            p.parse()
                .map_err(|e: anyhow::Error| ApiError(400, format!("{e:#}")))?,
        ),
        None => None,
    };
    let creds = credentials(req);
    let root = cx.store_root.clone();
    Ok(progress_stream(Work::Pull, move |progress| {
        let store = Store::open(&root)?;
        let config = Config::load()?;
        let mut opts = PullOptions::defaults(progress.clone());
        opts.platform = platform;
        opts.credentials = creds;
        let had = lookup::exists(&store.images()?, &name, &config)?;
        let record = crate::image::pull::pull(&store, &config, &name, &opts)?;
        let digest = record
            .repo_digests
            .first()
            .and_then(|d| d.split_once('@'))
            .map(|(_, d)| d.to_string());
        let mut lines = Vec::new();
        if let Some(d) = digest {
            lines.push(json!({ "status": format!("Digest: {d}") }));
        }
        let status = match had {
            true => format!("Status: Image is up to date for {name}"),
            false => format!("Status: Downloaded newer image for {name}"),
        };
        lines.push(json!({ "status": status }));
        Ok(lines)
    }))
}

/// The `repo` and `tag` parameters as a new image's stored name (None: no name).
fn new_name(req: &Request) -> std::result::Result<Option<String>, ApiError> {
    let name = match (
        req.param("repo").filter(|r| !r.is_empty()),
        req.param("tag").filter(|t| !t.is_empty()),
    ) {
        (Some(r), Some(t)) => format!("{r}:{t}"),
        (Some(r), None) => r.to_string(),
        _ => return Ok(None),
    };
    crate::image::write::local_name(&name)
        .map(Some)
        .map_err(|e| ApiError(400, format!("{e:#}")))
}

/// The `changes` parameters (Dockerfile instructions), checked.
fn changes(req: &Request) -> std::result::Result<Vec<String>, ApiError> {
    let changes: Vec<String> = req
        .query
        .iter()
        .filter(|(k, _)| k == "changes")
        .map(|(_, v)| v.clone())
        .collect();
    crate::container::commit::parse_changes(&changes)
        .map_err(|e| ApiError(400, format!("{e:#}")))?;
    Ok(changes)
}

/// `POST /commit?container=…`: the container's writable layer as an image
/// (`husk commit`'s library function), the body a config merged into the
/// container's as docker merges it.
pub fn commit(cx: &Context, req: &Request, body: &[u8]) -> Answer {
    let container = req
        .param("container")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| {
            ApiError(
                400,
                "container: a container's name or id is required".into(),
            )
        })?;
    let config = match serde_json::from_slice::<Value>(body) {
        _ if body.iter().all(u8::is_ascii_whitespace) => None,
        Ok(Value::Null) => None,
        Ok(Value::Object(m)) => Some(m),
        Ok(_) => return Err(ApiError(400, "the body is not a container config".into())),
        Err(e) => return Err(ApiError(400, format!("invalid JSON: {e}"))),
    };
    let opts = crate::container::commit::CommitOptions {
        changes: changes(req)?,
        message: req
            .param("comment")
            .filter(|c| !c.is_empty())
            .map(str::to_string),
        author: req
            .param("author")
            .filter(|a| !a.is_empty())
            .map(str::to_string),
        name: new_name(req)?,
        pause: !matches!(req.param("pause"), Some("0" | "false" | "False")),
        include_volumes: false,
        squash: false,
        config,
    };
    let id = super::containers::find(cx, container)?;
    let image = crate::container::commit::commit(&cx.store(), &id, &opts)?;
    Ok(Response::json(201, &json!({ "Id": image.id.to_string() })))
}

/// `POST /images/create?fromSrc=-`: the body's tar as an image's one layer.
fn import(cx: &Context, req: &Request, body: Body) -> Answer {
    let Body::File(file) = body else {
        return Err(ApiError(
            400,
            "fromSrc: only - (the request's body) is supported".into(),
        ));
    };
    let (name, changes) = (new_name(req)?, changes(req)?);
    let opts = crate::image::import::ImportOptions {
        changes: crate::container::commit::parse_changes(&changes)?,
        message: req.param("message").map(str::to_string),
        name,
        source: "-".into(),
        platform: None,
    };
    let store = crate::store::Store::open(&cx.store_root)?;
    let record = crate::image::import::import(&store, std::io::BufReader::new(file), &opts)
        .map_err(|e| ApiError(400, format!("{e:#}")))?;
    Ok(Response::json(
        200,
        &json!({ "status": record.id.to_string() }),
    ))
}

/// `POST /images/{name}/push?tag=T`.
fn push(cx: &Context, name: &str, req: &Request) -> Answer {
    let name = match req.param("tag").filter(|t| !t.is_empty()) {
        Some(t) => format!("{name}:{t}"),
        None => name.to_string(),
    };
    let store = cx.store();
    let config = Config::load()?;
    find(&store, &config, &name)?;
    let creds = credentials(req);
    let root = cx.store_root.clone();
    Ok(progress_stream(Work::Push, move |progress| {
        let store = Store::open(&root)?;
        let mut registry = PullOptions::defaults(progress);
        registry.credentials = creds;
        let opts = crate::image::push::PushOptions::parse(registry, None, None)?;
        let pushed = crate::image::push::push(&store, &config, &name, None, &opts)?;
        let tag = pushed
            .reference
            .tag
            .clone()
            .unwrap_or_else(|| "latest".into());
        Ok(vec![
            json!({ "status": format!("{tag}: digest: {} size: {}", pushed.digest, pushed.size) }),
            json!({ "progressDetail": {}, "aux": { "Tag": tag, "Digest": pushed.digest.to_string(), "Size": pushed.size } }),
        ])
    }))
}

/// `GET /images/{name}/get`, `GET /images/get?names=…`: a docker-archive tar.
fn save(cx: &Context, names: Vec<String>) -> Answer {
    let store = cx.store();
    let config = Config::load()?;
    if names.is_empty() {
        return Err(ApiError(400, "no image given: names=NAME".into()));
    }
    for n in &names {
        find(&store, &config, n)?;
    }
    Ok(Response::stream("application/x-tar", move |sink| {
        use crate::image::save::{save, SaveFormat, Target};
        save(
            &store,
            &config,
            &names,
            SaveFormat::DockerArchive,
            Target::Stream(sink),
            false,
        )
        .map_err(std::io::Error::other)
    }))
}

/// `POST /images/load`: the body's archive; docker's JSON lines for what it held.
fn load(cx: &Context, body: Body) -> Answer {
    let Body::File(file) = body else {
        return Err(ApiError(400, "no archive in the request's body".into()));
    };
    let store = crate::store::Store::open(&cx.store_root)?;
    let loaded = crate::image::load::load(&store, std::io::BufReader::new(file))
        .map_err(|e| ApiError(400, format!("{e:#}")))?;
    let mut out = String::new();
    for l in loaded {
        let text = match l.names.is_empty() {
            true => format!("Loaded image ID: {}\n", l.id),
            false => l
                .names
                .iter()
                .map(|n| format!("Loaded image: {n}\n"))
                .collect(),
        };
        out += &format!("{}\n", json!({ "stream": text }));
    }
    let mut r = Response::text(200, &out);
    r.headers = vec![("Content-Type".into(), "application/json".into())];
    Ok(r)
}

/// `POST /images/prune?filters={"dangling":["false"]}`.
fn prune(cx: &Context, req: &Request) -> Answer {
    let filters: Value = req
        .param("filters")
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| ApiError(400, format!("invalid filters: {e}")))?
        .unwrap_or(Value::Null);
    let all = filters["dangling"]
        .as_array()
        .is_some_and(|d| d.iter().any(|v| v == "false" || v == "0"))
        || filters["dangling"]["false"].as_bool() == Some(true);
    let store = crate::store::Store::open(&cx.store_root)?;
    let (removed, _) = crate::image::remove::prune(&store, all, &[])?;
    let deleted: Vec<Value> = removed.iter().map(|id| json!({ "Deleted": id })).collect();
    Ok(Response::json(
        200,
        &json!({ "ImagesDeleted": deleted, "SpaceReclaimed": 0 }),
    ))
}

/// `GET /images/search?term=T&limit=N`.
fn search(_cx: &Context, req: &Request) -> Answer {
    let term = req
        .param("term")
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError(400, "term is required".into()))?;
    let limit = req
        .param("limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(25);
    let config = Config::load()?;
    let opts = PullOptions::defaults(Progress::Quiet);
    let hits = crate::image::search::search(&config, term, limit, &[], &opts)
        .map_err(|e| ApiError(500, format!("{e:#}")))?;
    let rows: Vec<Value> = hits
        .iter()
        .map(|h| {
            json!({
                "name": format!("{}/{}", h.registry, h.found.name),
                "description": h.found.description,
                "star_count": h.found.stars,
                "is_official": h.found.official,
                "is_automated": h.found.automated,
            })
        })
        .collect();
    Ok(Response::json(200, &Value::Array(rows)))
}
