//! `POST /build`: the body's tar is the context (unpacked into the store's
//! tmp/ as `husk build -` unpacks one), its query the classic builder's
//! options; `build::build` runs it, its steps streamed as docker's JSON
//! `{"stream": …}` lines, then the image's id (`aux`) and tags.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use serde_json::{json, Value};

use super::containers::{Answer, ApiError};
use super::http::{Body, Request, Response};
use super::routes::Context;
use crate::build::{context, BuildOptions};
use crate::container::options::PullPolicy;

/// A JSON object parameter (`buildargs`, `labels`) as pairs.
fn object_param(req: &Request, name: &str) -> Result<BTreeMap<String, String>, ApiError> {
    let Some(text) = req.param(name).filter(|t| !t.is_empty()) else {
        return Ok(BTreeMap::new());
    };
    let v: Value =
        serde_json::from_str(text).map_err(|e| ApiError(400, format!("invalid {name}: {e}")))?;
    Ok(v.as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_string())))
                .collect()
        })
        .unwrap_or_default())
}

/// The query as build options over the unpacked context `dir`.
fn options(cx: &Context, req: &Request, dir: PathBuf) -> Result<BuildOptions, ApiError> {
    let bad = |e: anyhow::Error| ApiError(400, format!("{e:#}"));
    let pull = crate::image::pull::PullOptions::defaults(crate::progress::Progress::Quiet);
    let mut o =
        BuildOptions::defaults(context::Source::Dir(dir.clone()), &cx.driver, pull).map_err(bad)?;
    if let Some(f) = req.param("dockerfile").filter(|f| !f.is_empty()) {
        let path = std::path::Path::new(f);
        if path.is_absolute() || path.components().any(|c| c.as_os_str() == "..") {
            return Err(ApiError(
                400,
                format!("dockerfile {f:?}: a path inside the context"),
            ));
        }
        o.file = Some(dir.join(path));
    }
    for t in req.query.iter().filter(|(k, _)| k == "t").map(|(_, v)| v) {
        o.tags
            .push(crate::image::write::local_name(t).map_err(bad)?);
    }
    o.build_args = object_param(req, "buildargs")?;
    o.labels = object_param(req, "labels")?.into_iter().collect();
    o.target = req
        .param("target")
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    o.no_cache = req.flag("nocache");
    o.quiet = req.flag("q");
    if req.flag("pull") {
        o.pull = PullPolicy::Always;
    }
    if let Some(n) = req
        .param("networkmode")
        .filter(|n| !n.is_empty() && *n != "default")
    {
        o.network = crate::network::NetworkFlags {
            network: Some(n.to_string()),
            ..Default::default()
        }
        .resolve(&[])
        .map_err(bad)?;
    }
    Ok(o)
}

/// What the builder writes, as `{"stream": …}` lines.
struct Lines<'a, 'b> {
    sink: &'a mut super::http::Sink<'b>,
}

impl Write for Lines<'_, '_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let line = json!({ "stream": String::from_utf8_lossy(data) });
        self.sink.write_all(format!("{line}\n").as_bytes())?;
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.sink.flush()
    }
}

pub fn build(cx: &Context, req: &Request, body: Body) -> Answer {
    let Body::File(file) = body else {
        return Err(ApiError(
            400,
            "no build context in the request's body".into(),
        ));
    };
    if req.param("remote").is_some_and(|r| !r.is_empty()) {
        return Err(ApiError(
            400,
            "remote contexts are not supported: send the context as the body".into(),
        ));
    }
    let store = cx.store();
    let temp = context::unpack_context(&store, std::io::BufReader::new(file))
        .map_err(|e| ApiError(400, format!("{e:#}")))?;
    let opts = options(cx, req, temp.path().to_path_buf())?;
    Ok(Response::stream("application/json", move |sink| {
        let _context = temp;
        let config = crate::config::Config::load().map_err(std::io::Error::other)?;
        let built = {
            let mut lines = Lines { sink: &mut *sink };
            crate::build::build(&store, &config, &opts, &mut lines)
        };
        let tail = match built {
            Ok(b) => {
                let id = b.image.id.to_string();
                let mut v = vec![json!({ "aux": { "ID": id } })];
                // Quiet, the id is all docker's client prints; else husk's steps ended with the tags.
                v.push(match opts.quiet {
                    true => json!({ "stream": format!("{id}\n") }),
                    false => json!({ "stream": format!("Successfully built {}\n", &b.image.id.hex()[..12]) }),
                });
                v
            }
            Err(e) => {
                let m = crate::error::one_line(&e);
                vec![json!({ "errorDetail": { "message": m }, "error": m })]
            }
        };
        for v in tail {
            sink.write_all(format!("{v}\n").as_bytes())?;
        }
        Ok(())
    }))
}
