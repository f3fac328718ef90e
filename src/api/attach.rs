//! Attaching API clients to containers: `POST /containers/{id}/attach`
//! (hijacked, docker's multiplexed framing or a raw TTY stream), `wait`
//! with its conditions, `resize`, and the start of a container that clients
//! wait on.
//!
//! A container's output reaches clients through its monitor's attach socket
//! ([`crate::monitor::attach`]). The docker CLI attaches (and asks to wait)
//! *before* it starts a container, so that no output is lost: such clients
//! are registered ([`Waiting`]), and a start through the API that finds some
//! starts the container's monitor with this process as its foreground
//! client, and hands each of them a [`Feed`] of what it reads. A client of a
//! running container connects to the socket itself.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use serde_json::json;

use super::containers::{find, Answer, ApiError};
use super::http::{peer_gone, Hijacked, Request, Response};
use super::routes::Context;
use crate::container::{self, lifecycle, state};
use crate::monitor::attach as mon;
use crate::monitor::detached;

/// What a client hears from a container's monitor.
#[derive(Clone, Debug)]
pub enum Event {
    /// Output: [`mon::STDOUT`] or [`mon::STDERR`], and the bytes.
    Output(u8, Vec<u8>),
    /// The container exited with this code.
    Exit(i32),
    /// The monitor hung up without a code.
    Closed,
}

/// A client's line to a running container: its output and exit, and where
/// input (stdin, resize) goes.
pub struct Feed {
    pub events: Receiver<Event>,
    input: Arc<Mutex<UnixStream>>,
    /// A connection of this client's own (not a start's shared one): closed
    /// when it is done with it.
    own: bool,
}

impl Feed {
    /// A connection to the monitor of running container `id`.
    pub fn connect(id: &str) -> Result<Feed> {
        let run_dir = crate::userns::pause::runtime_dir()?;
        let sock = mon::connect(&mon::socket_path(&run_dir, id))?;
        let input = Arc::new(Mutex::new(sock.try_clone()?));
        let (tx, rx) = mpsc::sync_channel(FEED_DEPTH);
        std::thread::spawn(move || pump(sock, vec![tx]));
        Ok(Feed {
            events: rx,
            input,
            own: true,
        })
    }

    /// Send one frame to the monitor; false if it is gone.
    pub fn send(&self, kind: u8, data: &[u8]) -> bool {
        let mut sock = self.input.lock().unwrap_or_else(|e| e.into_inner());
        sock.write_all(&mon::frame(kind, data)).is_ok()
    }

    /// Done with it: a connection of its own is closed (its reader ends).
    pub fn close(&self) {
        if self.own {
            let sock = self.input.lock().unwrap_or_else(|e| e.into_inner());
            let _ = sock.shutdown(std::net::Shutdown::Both);
        }
    }

    /// Read until the container's exit code (None: the monitor hung up),
    /// or until `cancelled` says the client is gone (checked every half second).
    pub fn exit_code(&self, cancelled: &dyn Fn() -> bool) -> Option<Option<i32>> {
        loop {
            match self.events.recv_timeout(Duration::from_millis(500)) {
                Ok(Event::Output(..)) => {}
                Ok(Event::Exit(code)) => return Some(Some(code)),
                Ok(Event::Closed) | Err(RecvTimeoutError::Disconnected) => return Some(None),
                Err(RecvTimeoutError::Timeout) if cancelled() => return None,
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }
}

impl Drop for Feed {
    fn drop(&mut self) {
        self.close();
    }
}

/// How many frames a client may be behind: past that the pump waits for it,
/// as a container waits for a slow reader of its output (docker's too),
/// instead of holding output without bound.
const FEED_DEPTH: usize = 256;

/// Copy the frames of `sock` to every receiver still listening, until the
/// exit frame or the hang-up. It goes on when no one listens: a container
/// started for API clients waits on its output being read.
fn pump(mut sock: UnixStream, mut to: Vec<SyncSender<Event>>) {
    let mut buf = Vec::new();
    let mut chunk = vec![0u8; 32 * 1024];
    loop {
        let n = match sock.read(&mut chunk) {
            Ok(0) | Err(_) => {
                to.retain(|t| t.send(Event::Closed).is_ok());
                return;
            }
            Ok(n) => n,
        };
        buf.extend_from_slice(&chunk[..n]);
        for (kind, data) in mon::take_frames(&mut buf) {
            let event = match kind {
                mon::STDOUT | mon::STDERR => Event::Output(kind, data),
                mon::EXIT if data.len() == 4 => {
                    Event::Exit(i32::from_le_bytes([data[0], data[1], data[2], data[3]]))
                }
                _ => continue,
            };
            let last = matches!(event, Event::Exit(_));
            to.retain(|t| t.send(event.clone()).is_ok());
            if last {
                return;
            }
        }
    }
}

/// A registered client: where its feed goes, and whether it still waits
/// (its [`Registration`] alive).
type Promise = (
    Sender<std::result::Result<Feed, String>>,
    std::sync::Weak<()>,
);

/// A client's place among those waiting for a start: dropping it (the
/// client gave up) takes it out.
pub struct Registration {
    pub feed: Receiver<std::result::Result<Feed, String>>,
    _alive: Arc<()>,
}

/// Clients waiting for a container's next start through the API.
#[derive(Default)]
pub struct Waiting {
    by_id: Mutex<HashMap<String, Vec<Promise>>>,
    /// The client's terminal size given at create (`HostConfig.ConsoleSize`),
    /// for the container's terminal at its start.
    sizes: Mutex<HashMap<String, (u16, u16)>>,
}

impl Waiting {
    /// Container `id`'s terminal starts with this size (rows, columns).
    pub fn set_console_size(&self, id: &str, size: (u16, u16)) {
        let mut map = self.sizes.lock().unwrap_or_else(|e| e.into_inner());
        map.insert(id.to_string(), size);
    }

    /// Container `id` is gone: nothing is kept for it.
    pub fn forget(&self, id: &str) {
        let mut map = self.sizes.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(id);
        drop(map);
        let mut map = self.by_id.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(id);
    }

    fn console_size(&self, id: &str) -> Option<(u16, u16)> {
        let map = self.sizes.lock().unwrap_or_else(|e| e.into_inner());
        map.get(id).copied()
    }

    /// Be handed a feed when container `id` is next started here (or the
    /// reason it could not start).
    pub fn register(&self, id: &str) -> Registration {
        let (tx, rx) = mpsc::channel();
        let alive = Arc::new(());
        let mut map = self.by_id.lock().unwrap_or_else(|e| e.into_inner());
        let list = map.entry(id.to_string()).or_default();
        list.retain(|(_, a)| a.strong_count() > 0);
        list.push((tx, Arc::downgrade(&alive)));
        Registration {
            feed: rx,
            _alive: alive,
        }
    }

    /// The clients still waiting for `id`, taken out.
    fn take(&self, id: &str) -> Vec<Sender<std::result::Result<Feed, String>>> {
        let mut map = self.by_id.lock().unwrap_or_else(|e| e.into_inner());
        map.remove(id)
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, alive)| alive.strong_count() > 0)
            .map(|(tx, _)| tx)
            .collect()
    }
}

/// Start container `id` (false: it was running). With clients waiting for
/// it, its monitor waits for this process before starting it, and each
/// client gets a feed of it; else it starts as `husk start` starts it.
pub fn start(cx: &Context, id: &str) -> Result<bool> {
    let waiting = cx.waiting.take(id);
    if waiting.is_empty() {
        return lifecycle::start(&cx.store(), id, &cx.driver);
    }
    let store = cx.store();
    if state::is_active(&state::current(&store, id)?) {
        for w in waiting {
            let _ = w.send(Feed::connect(id).map_err(|e| format!("{e:#}")));
        }
        return Ok(false);
    }
    let started = (|| -> Result<UnixStream> {
        lifecycle::reset_for_start(&store, id)?;
        let ctr = container::load(&store, id)?;
        let handover = detached::Handover {
            winsize: cx.waiting.console_size(id),
            ..Default::default()
        };
        let mut start = detached::start_attached(&store, &ctr, &cx.driver, handover)?;
        start.attach(id)
    })();
    let sock = match started {
        Ok(s) => s,
        Err(e) => {
            for w in waiting {
                let _ = w.send(Err(crate::error::one_line(&e)));
            }
            return Err(e);
        }
    };
    let input = Arc::new(Mutex::new(sock.try_clone()?));
    let mut listeners = Vec::new();
    for w in waiting {
        let (tx, rx) = mpsc::sync_channel(FEED_DEPTH);
        let feed = Feed {
            events: rx,
            input: Arc::clone(&input),
            own: false,
        };
        if w.send(Ok(feed)).is_ok() {
            listeners.push(tx);
        }
    }
    std::thread::spawn(move || pump(sock, listeners));
    Ok(true)
}

/// Wait for `promise` (a start through the API) while the client is there,
/// or until the container runs all the same (started otherwise: then a
/// connection of our own). None if the client went.
fn feed_when_started(
    cx: &Context,
    id: &str,
    promise: &Registration,
    gone: &dyn Fn() -> bool,
) -> Option<std::result::Result<Feed, String>> {
    loop {
        match promise.feed.recv_timeout(Duration::from_millis(200)) {
            Ok(r) => return Some(r),
            Err(RecvTimeoutError::Disconnected) => return Some(Err("the service ended".into())),
            Err(RecvTimeoutError::Timeout) => {}
        }
        if gone() {
            return None;
        }
        let running = state::current(&cx.store(), id).is_ok_and(|s| state::is_active(&s));
        if running {
            if let Ok(feed) = Feed::connect(id) {
                return Some(Ok(feed));
            }
        }
    }
}

/// Which streams an attach carries, and how.
#[derive(Clone, Debug)]
struct Relay {
    stdin: bool,
    stdout: bool,
    stderr: bool,
    /// The container has a terminal: one raw stream, no framing.
    tty: bool,
    detach_keys: Vec<u8>,
}

/// docker's multiplexed framing: stream (1 stdout, 2 stderr), three zero
/// bytes, the length (big-endian u32), the data.
pub fn mux(stream: u8, data: &[u8]) -> Vec<u8> {
    let mut f = Vec::with_capacity(data.len() + 8);
    f.extend_from_slice(&[stream, 0, 0, 0]);
    f.extend_from_slice(&(data.len() as u32).to_be_bytes());
    f.extend_from_slice(data);
    f
}

/// The content type of a container's (or exec's) hijacked stream.
pub fn stream_type(tty: bool) -> &'static str {
    match tty {
        true => "application/vnd.docker.raw-stream",
        false => "application/vnd.docker.multiplexed-stream",
    }
}

/// `POST /containers/{id}/attach?stream=1&stdin=1&stdout=1&stderr=1&logs=…&detachKeys=…`.
pub fn attach(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let store = cx.store();
    let record = store.container_record(&id)?;
    let keys = match req.param("detachKeys") {
        Some(k) => k.to_string(),
        None if record.tty => mon::DEFAULT_DETACH_KEYS.to_string(),
        None => String::new(),
    };
    let relay = Relay {
        stdin: req.flag("stdin") && record.interactive,
        stdout: req.flag("stdout"),
        stderr: req.flag("stderr"),
        tty: record.tty,
        detach_keys: mon::parse_detach_keys(&keys).map_err(|e| ApiError(400, format!("{e:#}")))?,
    };
    let history = match req.flag("logs") {
        true => past_output(&store, &id, &relay)?,
        false => Vec::new(),
    };
    let stream = req.param("stream").is_none() || req.flag("stream");
    let running = state::is_active(&state::current(&store, &id)?);
    // Registered before the answer: the client starts the container once it has it.
    let promise = (stream && !running).then(|| cx.waiting.register(&id));
    let cx = cx.clone();
    let upgrade = req.header("Upgrade").is_some();
    Ok(Response::hijack(
        upgrade,
        stream_type(relay.tty),
        move |mut conn: Hijacked| {
            if conn.writer.write_all(&history).is_err() || !stream {
                return;
            }
            let gone = || peer_gone(&conn.writer);
            let feed = match &promise {
                Some(p) => feed_when_started(&cx, &id, p, &gone),
                None => Some(Feed::connect(&id).map_err(|e| format!("{e:#}"))),
            };
            if let Some(Ok(feed)) = feed {
                relay_attach(conn, &feed, &relay);
            }
        },
    ))
}

/// What the container wrote before (`logs=1`), as the stream frames it.
fn past_output(store: &crate::store::Store, id: &str, relay: &Relay) -> Result<Vec<u8>> {
    let record = store.container_record(id)?;
    if !record.log_driver.readable() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let query = container::logs::LogQuery::default();
    let mut format = container::logs::LineFormat::new(false, None);
    container::logs::read(store, id, &query, &mut |e| {
        out.extend(frame_output(relay, e.stream as u8 + 1, &format.format(e)));
        Ok(())
    })?;
    Ok(out)
}

/// Output as the client's stream carries it (nothing for a stream it did not ask for).
fn frame_output(relay: &Relay, kind: u8, data: &[u8]) -> Vec<u8> {
    let wanted = match kind {
        mon::STDOUT => relay.stdout,
        _ => relay.stderr,
    };
    match (wanted, relay.tty) {
        (false, _) => Vec::new(),
        (true, true) => data.to_vec(),
        (true, false) => mux(kind, data),
    }
}

/// Relay between a hijacked connection and a container: its output to the
/// client until it exits, the client hangs up or types the detach keys;
/// the client's input (if asked) to its stdin.
fn relay_attach(conn: Hijacked, feed: &Feed, relay: &Relay) {
    let Hijacked { reader, mut writer } = conn;
    let input = relay.stdin.then(|| {
        let to = Arc::clone(&feed.input);
        let keys = relay.detach_keys.clone();
        let stop = writer.try_clone().ok();
        std::thread::spawn(move || copy_input(reader, &to, &keys, stop))
    });
    loop {
        match feed.events.recv_timeout(Duration::from_millis(500)) {
            Ok(Event::Output(kind, data)) => {
                let bytes = frame_output(relay, kind, &data);
                if !bytes.is_empty() && writer.write_all(&bytes).is_err() {
                    break;
                }
            }
            Ok(Event::Exit(_)) | Ok(Event::Closed) | Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) if peer_gone(&writer) => break,
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
    let _ = writer.shutdown(std::net::Shutdown::Both);
    if let Some(t) = input {
        let _ = t.join();
    }
}

/// The client's input to the container's stdin, until its end (then the
/// container's stdin ends too) or the detach keys (then the connection is
/// shut, which ends the relay).
fn copy_input(
    mut reader: std::io::BufReader<UnixStream>,
    to: &Mutex<UnixStream>,
    keys: &[u8],
    stop: Option<UnixStream>,
) {
    let send = |kind: u8, data: &[u8]| {
        let mut sock = to.lock().unwrap_or_else(|e| e.into_inner());
        sock.write_all(&mon::frame(kind, data)).is_ok()
    };
    let mut held = Vec::new();
    let mut chunk = vec![0u8; 32 * 1024];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) | Err(_) => {
                send(mon::STDIN, &[]);
                return;
            }
            Ok(n) => n,
        };
        let (data, detached) = mon::match_detach_keys(keys, &mut held, &chunk[..n]);
        if !data.is_empty() && !send(mon::STDIN, &data) {
            return;
        }
        if detached {
            if let Some(s) = &stop {
                let _ = s.shutdown(std::net::Shutdown::Both);
            }
            return;
        }
    }
}

/// `POST /containers/{id}/wait?condition=not-running|next-exit|removed`:
/// the head at once (the docker CLI asks before it starts the container),
/// the exit code once the condition is met.
pub fn wait(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let condition = req.param("condition").unwrap_or("not-running").to_string();
    if !["not-running", "next-exit", "removed"].contains(&condition.as_str()) {
        return Err(ApiError(
            400,
            format!("invalid condition: {condition:?}: not-running, next-exit or removed"),
        ));
    }
    let store = cx.store();
    let before = state::current(&store, &id)?;
    let active = state::is_active(&before);
    if condition == "not-running" && !active {
        let code = before.exit_code.unwrap_or(0);
        return Ok(Response::json(
            200,
            &json!({ "StatusCode": code, "Error": null }),
        ));
    }
    let promise = (!active).then(|| cx.waiting.register(&id));
    let cx = cx.clone();
    Ok(Response::stream("application/json", move |sink| {
        let gone = || sink.gone();
        let Some(code) = wait_exit(&cx, &id, &before, promise, &condition, &gone) else {
            return Ok(());
        };
        let body = match code {
            Ok(c) => json!({ "StatusCode": c, "Error": null }),
            Err(m) => json!({ "StatusCode": 125, "Error": { "Message": m } }),
        };
        sink.write_all(format!("{body}\n").as_bytes())
    }))
}

/// The exit code that ends a wait (Err: the container could not start),
/// None if the client went first.
fn wait_exit(
    cx: &Context,
    id: &str,
    before: &crate::store::containers::ContainerState,
    promise: Option<Registration>,
    condition: &str,
    gone: &dyn Fn() -> bool,
) -> Option<std::result::Result<i32, String>> {
    let feed = match &promise {
        Some(p) => feed_when_started(cx, id, p, gone)?,
        None => Feed::connect(id).map_err(|e| format!("{e:#}")),
    };
    let code = match feed {
        Ok(feed) => feed.exit_code(gone)?,
        Err(_) if promise.is_none() => None, // it ended as we connected: the state says
        Err(m) => return Some(Err(m)),
    };
    // The state says the rest: the code if the monitor did not, the removal.
    loop {
        let store = cx.store();
        match state::current(&store, id) {
            Err(_) if !store.container_dir(id).exists() => {
                return Some(Ok(code.or(before.exit_code).unwrap_or(0)));
            }
            Ok(s) if !state::is_active(&s) && condition != "removed" => {
                return Some(Ok(code.or(s.exit_code).unwrap_or(0)));
            }
            _ => {}
        }
        if gone() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `POST /containers/{id}/resize?h=ROWS&w=COLS`: the container's terminal size.
pub fn resize(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let size = |k: &str| -> std::result::Result<u16, ApiError> {
        req.param(k)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| ApiError(400, format!("{k}: a number of {}", dimension(k))))
    };
    let (rows, cols) = (size("h")?, size("w")?);
    let feed = Feed::connect(&id)
        .context("the container is not running")
        .map_err(|e| ApiError(409, format!("cannot resize: {e:#}")))?;
    let mut data = rows.to_le_bytes().to_vec();
    data.extend_from_slice(&cols.to_le_bytes());
    feed.send(mon::RESIZE, &data);
    feed.close();
    Ok(Response::empty(200))
}

fn dimension(k: &str) -> &'static str {
    match k {
        "h" => "rows",
        _ => "columns",
    }
}
