//! `GET /containers/{id}/logs`: the container's log as `husk logs` reads it
//! (`container::logs`), in docker's framing (raw for a terminal), streamed;
//! with `follow`, until the container stops or the client goes.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::attach::{mux, stream_type};
use super::containers::{find, Answer, ApiError};
use super::http::{Request, Response};
use super::routes::Context;
use crate::container::logs::{self, LineFormat, LogQuery};
use crate::output::human;

/// A time parameter: Unix seconds (with a fraction), 0 or absent for none.
fn when(req: &Request, name: &str) -> Result<Option<std::time::SystemTime>, ApiError> {
    match req.param(name).filter(|v| !v.is_empty() && *v != "0") {
        None => Ok(None),
        Some(v) => human::parse_when(v)
            .map(Some)
            .map_err(|e| ApiError(400, format!("{e:#}"))),
    }
}

pub fn logs(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let (stdout, stderr) = (req.flag("stdout"), req.flag("stderr"));
    if !stdout && !stderr {
        return Err(ApiError(
            400,
            "Bad parameters: you must choose at least one stream".into(),
        ));
    }
    let store = cx.store();
    let record = store.container_record(&id)?;
    if !record.log_driver.readable() {
        return Err(ApiError(
            501,
            format!(
                "configured logging driver does not support reading: {}",
                record.log_driver.name()
            ),
        ));
    }
    let tail = match req.param("tail") {
        None | Some("all") | Some("") => None,
        Some(n) => match n.parse::<i64>() {
            Ok(n) if n < 0 => None,
            Ok(n) => Some(n as usize),
            Err(_) => return Err(ApiError(400, format!("invalid tail {n:?}"))),
        },
    };
    let cancel = Arc::new(AtomicBool::new(false));
    let query = LogQuery {
        since: when(req, "since")?,
        until: when(req, "until")?,
        tail,
        follow: req.flag("follow"),
        cancel: Some(Arc::clone(&cancel)),
    };
    let mut format = LineFormat::new(req.flag("timestamps"), None);
    let tty = record.tty;
    Ok(Response::stream(stream_type(tty), move |sink| {
        let watcher = match query.follow {
            true => Some(super::http::watch_hangup(sink.peer()?, &cancel)),
            false => None,
        };
        let result = logs::read(&store, &id, &query, &mut |e| {
            let wanted = match e.stream {
                crate::monitor::log::Stream::Stdout => stdout,
                crate::monitor::log::Stream::Stderr => stderr,
            };
            if !wanted {
                return Ok(());
            }
            let text = format.format(e);
            let bytes = match tty {
                true => text,
                false => mux(e.stream as u8 + 1, &text),
            };
            sink.write_all(&bytes)?;
            Ok(())
        });
        cancel.store(true, Ordering::Relaxed);
        if let Some(w) = watcher {
            let _ = w.join();
        }
        result.map_err(std::io::Error::other)
    }))
}
