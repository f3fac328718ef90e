//! The endpoints: a request's API version checked (`/v1.NN/…`), its path
//! matched, the library called, the answer in docker's JSON. Errors are
//! docker's `{"message": …}` with its status codes.

use std::path::PathBuf;
use std::sync::Arc;

use serde_json::json;

use super::http::{Body, Request, Response};
use crate::store::Store;

/// The API versions husk answers (the docker CLI 28 speaks 1.50).
pub const API_VERSION: (u32, u32) = (1, 50);
pub const MIN_API_VERSION: (u32, u32) = (1, 24);

/// What every endpoint works with (cheap to clone into a stream's thread).
#[derive(Clone)]
pub struct Context {
    pub store_root: PathBuf,
    pub driver: String,
    /// Clients waiting for containers to start.
    pub waiting: Arc<super::attach::Waiting>,
    /// The exec instances made through this service.
    pub execs: Arc<super::exec::Execs>,
}

impl Context {
    pub fn new(store_root: PathBuf, driver: String) -> Context {
        Context {
            store_root,
            driver,
            waiting: Default::default(),
            execs: Default::default(),
        }
    }

    pub fn store(&self) -> Store {
        Store::open_existing(&self.store_root)
    }
}

/// docker's error body.
pub fn error(status: u16, message: &str) -> Response {
    Response::json(status, &json!({ "message": message }))
}

fn version_text((major, minor): (u32, u32)) -> String {
    format!("{major}.{minor}")
}

/// The path without its `/vX.Y` prefix, or docker's error for a version
/// out of range.
fn unversioned(path: &str) -> Result<&str, Response> {
    let Some(rest) = path.strip_prefix("/v") else {
        return Ok(path);
    };
    let Some((version, tail)) = rest.split_once('/') else {
        return Ok(path);
    };
    let Some((major, minor)) = version.split_once('.') else {
        return Ok(path);
    };
    let (Ok(major), Ok(minor)) = (major.parse::<u32>(), minor.parse::<u32>()) else {
        return Ok(path);
    };
    let asked = (major, minor);
    if asked < MIN_API_VERSION {
        return Err(error(400, &format!(
            "client version {major}.{minor} is too old. Minimum supported API version is {}, please upgrade your client to a newer version",
            version_text(MIN_API_VERSION)
        )));
    }
    if asked > API_VERSION {
        return Err(error(
            400,
            &format!(
                "client version {major}.{minor} is too new. Maximum supported API version is {}",
                version_text(API_VERSION)
            ),
        ));
    }
    Ok(&path[path.len() - tail.len() - 1..])
}

/// Whether a request's body is an upload (spooled to disk, not bounded as
/// JSON bodies are).
pub fn takes_upload(req: &Request) -> bool {
    let Ok(path) = unversioned(&req.path) else {
        return false;
    };
    match (req.method.as_str(), path) {
        ("POST", "/images/load") | ("POST", "/build") => true,
        ("POST", "/images/create") => req.param("fromSrc") == Some("-"),
        ("PUT", p) => p.starts_with("/containers/") && p.ends_with("/archive"),
        _ => false,
    }
}

/// Answer one request.
pub fn route(cx: &Context, req: &Request, body: Body) -> Response {
    let path = match unversioned(&req.path) {
        Ok(p) => p,
        Err(resp) => return resp,
    };
    let method = match req.method.as_str() {
        "HEAD" => "GET",
        m => m,
    };
    let answer = match (method, path) {
        ("GET", "/_ping") => return ping(),
        ("GET", "/version") => Ok(super::system::version()),
        ("GET", "/info") => super::system::info(cx),
        ("GET", "/containers/json") => super::system::containers(cx, req),
        ("GET", "/images/json") => super::system::images(cx),
        ("GET", "/system/df") => super::system::df(cx),
        ("POST", "/auth") => {
            return match super::system::auth(body.bytes()) {
                Ok(v) => Response::json(200, &v),
                Err((status, m)) => error(status, &m),
            }
        }
        ("POST", "/commit") => {
            return super::containers::respond(super::images::commit(cx, req, body.bytes()))
        }
        ("POST", "/build") => {
            return super::containers::respond(super::build::build(cx, req, body))
        }
        ("GET", "/events") => {
            return super::system::events(req).unwrap_or_else(|(status, m)| error(status, &m))
        }
        (m, p) => {
            let found = if let Some(rest) = p.strip_prefix("/containers/") {
                match (m, rest.split_once('/')) {
                    ("PUT", Some((id, "archive"))) => Some(super::containers::respond(
                        super::archive::put(cx, id, req, body),
                    )),
                    _ => super::containers::route(cx, m, rest, req, body.bytes()),
                }
            } else if let Some(rest) = p.strip_prefix("/images/") {
                return super::images::route(cx, m, rest, req, body)
                    .unwrap_or_else(|| error(404, "page not found"));
            } else if let Some(rest) = p.strip_prefix("/networks") {
                super::resources::networks(cx, m, rest, req, body.bytes())
            } else if let Some(rest) = p.strip_prefix("/volumes") {
                super::resources::volumes(cx, m, rest, req, body.bytes())
            } else if let Some(rest) = p.strip_prefix("/exec/") {
                super::exec::route(cx, m, rest, req, body.bytes())
            } else {
                None
            };
            return found.unwrap_or_else(|| error(404, "page not found"));
        }
    };
    match answer {
        Ok(v) => Response::json(200, &v),
        Err(e) => error(500, &format!("{e:#}")),
    }
}

/// `/_ping`: "OK" and the headers a client negotiates the version from.
fn ping() -> Response {
    Response::text(200, "OK")
        .with_header("API-Version", &version_text(API_VERSION))
        .with_header("Builder-Version", "1")
        .with_header("Docker-Experimental", "false")
        .with_header("OSType", "linux")
        .with_header("Cache-Control", "no-cache, no-store, must-revalidate")
        .with_header("Pragma", "no-cache")
        .with_header("Server", &format!("husk/{}", env!("CARGO_PKG_VERSION")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_in_the_path() {
        assert_eq!(
            unversioned("/v1.50/containers/json").ok(),
            Some("/containers/json")
        );
        assert_eq!(unversioned("/v1.24/_ping").ok(), Some("/_ping"));
        assert_eq!(unversioned("/_ping").ok(), Some("/_ping"));
        assert_eq!(
            unversioned("/v1.23/info").err().map(|r| r.status),
            Some(400)
        );
        assert_eq!(
            unversioned("/v1.51/info").err().map(|r| r.status),
            Some(400)
        );
        assert_eq!(unversioned("/v2.0/info").err().map(|r| r.status), Some(400));
        assert_eq!(unversioned("/vx.1/info").ok(), Some("/vx.1/info"));
    }
}
