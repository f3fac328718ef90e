//! Exec instances: `POST /containers/{id}/exec` makes one, `POST
//! /exec/{id}/start` runs it (detached, or on the hijacked connection with
//! docker's framing), `POST /exec/{id}/resize` sizes its terminal, `GET
//! /exec/{id}/json` tells its state and exit code.
//!
//! `container::exec::start` joins the container's namespaces for good, so
//! each start forks a relay process first: it starts the command in the
//! container and copies between it and the connection; its exit code is the
//! command's. This process waits for it and records the code before the
//! connection closes, so a client that asks for it next finds it.

use std::collections::HashMap;
use std::io::Write;
use std::os::fd::{AsFd, AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result};
use serde_json::{json, Value};

use super::attach::{mux, stream_type};
use super::containers::{find, strings, Answer, ApiError};
use super::http::{Hijacked, Request, Response};
use super::routes::Context;
use crate::container::exec::ExecOptions;
use crate::container::state;

/// The exec instances made through this service, by id.
#[derive(Default)]
pub struct Execs {
    map: Mutex<HashMap<String, Instance>>,
}

#[derive(Clone)]
struct Instance {
    container: String,
    opts: ExecOptions,
    stdin: bool,
    stdout: bool,
    stderr: bool,
    detach_keys: String,
    phase: Phase,
}

#[derive(Clone)]
enum Phase {
    Created,
    /// Claimed by a start, its relay not forked yet.
    Starting,
    /// The relay process, and where its terminal's new sizes go.
    Running {
        pid: i32,
        resize: Option<Arc<OwnedFd>>,
    },
    Exited(i32),
}

impl Execs {
    fn get(&self, id: &str) -> std::result::Result<Instance, ApiError> {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.get(id)
            .cloned()
            .ok_or_else(|| ApiError(404, format!("No such exec instance: {id}")))
    }

    /// Take instance `id` for a start: only one start gets a created one.
    fn claim(&self, id: &str) -> std::result::Result<Instance, ApiError> {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let i = map
            .get_mut(id)
            .ok_or_else(|| ApiError(404, format!("No such exec instance: {id}")))?;
        if !matches!(i.phase, Phase::Created) {
            return Err(ApiError(409, format!("exec {id} has already been started")));
        }
        i.phase = Phase::Starting;
        Ok(i.clone())
    }

    /// Container `id` is gone: so are its exec instances.
    pub fn forget_container(&self, id: &str) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, i| i.container != id);
    }

    fn set_phase(&self, id: &str, phase: Phase) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = map.get_mut(id) {
            i.phase = phase;
        }
    }
}

fn bad_json(e: serde_json::Error) -> ApiError {
    ApiError(400, format!("invalid JSON: {e}"))
}

/// `POST /containers/{id}/exec`.
pub fn create(cx: &Context, name: &str, body: &[u8]) -> Answer {
    let id = find(cx, name)?;
    let body: Value = serde_json::from_slice(body).map_err(bad_json)?;
    let command = strings(&body["Cmd"]);
    if command.is_empty() {
        return Err(ApiError(400, "No exec command specified".into()));
    }
    let store = cx.store();
    let s = state::current(&store, &id)?;
    if state::running_pid(&s).is_none() {
        let name = store.container_record(&id)?.name;
        return Err(ApiError(409, format!("container {name} is not running")));
    }
    let text = |k: &str| {
        body[k]
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let opts = ExecOptions {
        command,
        env: strings(&body["Env"]),
        workdir: text("WorkingDir"),
        user: text("User"),
        tty: body["Tty"].as_bool().unwrap_or(false),
        interactive: body["AttachStdin"].as_bool().unwrap_or(false),
        privileged: body["Privileged"].as_bool().unwrap_or(false),
        preserve_fds: 0,
        window_size: None,
    };
    let instance = Instance {
        container: id,
        stdin: opts.interactive,
        stdout: body["AttachStdout"].as_bool().unwrap_or(false),
        stderr: body["AttachStderr"].as_bool().unwrap_or(false),
        detach_keys: text("DetachKeys").unwrap_or_default(),
        opts,
        phase: Phase::Created,
    };
    let (exec_id, _) = crate::container::new_id()?;
    let mut map = cx.execs.map.lock().unwrap_or_else(|e| e.into_inner());
    map.insert(exec_id.clone(), instance);
    Ok(Response::json(201, &json!({ "Id": exec_id })))
}

/// Answer `/exec/…` (the path after it), or None if it is no such endpoint.
pub fn route(
    cx: &Context,
    method: &str,
    rest: &str,
    req: &Request,
    body: &[u8],
) -> Option<Response> {
    let parts: Vec<&str> = rest.split('/').collect();
    let answer = match (method, parts.as_slice()) {
        ("POST", [id, "start"]) => start(cx, id, req, body),
        ("POST", [id, "resize"]) => resize(cx, id, req),
        ("GET", [id, "json"]) => inspect(cx, id),
        _ => return None,
    };
    Some(super::containers::respond(answer))
}

/// `POST /exec/{id}/start` (`{"Detach": …, "Tty": …, "ConsoleSize": [h, w]}`).
fn start(cx: &Context, id: &str, req: &Request, body: &[u8]) -> Answer {
    let body: Value = match body.is_empty() {
        true => json!({}),
        false => serde_json::from_slice(body).map_err(bad_json)?,
    };
    let mut instance = cx.execs.claim(id)?;
    let started = start_claimed(cx, id, req, &body, &mut instance);
    if started.is_err() {
        cx.execs.set_phase(id, Phase::Created);
    }
    started
}

fn start_claimed(
    cx: &Context,
    id: &str,
    req: &Request,
    body: &Value,
    instance: &mut Instance,
) -> Answer {
    if let Some(tty) = body["Tty"].as_bool() {
        instance.opts.tty = tty;
    }
    let size = body["ConsoleSize"]
        .as_array()
        .and_then(|a| Some((a.first()?.as_u64()? as u16, a.get(1)?.as_u64()? as u16)))
        .filter(|(h, w)| *h > 0 && *w > 0);
    let store = cx.store();
    if state::running_pid(&state::current(&store, &instance.container)?).is_none() {
        let name = store.container_record(&instance.container)?.name;
        return Err(ApiError(409, format!("container {name} is not running")));
    }
    let execs = Arc::clone(&cx.execs);
    let root = cx.store_root.clone();
    let id = id.to_string();
    let instance = instance.clone();
    if body["Detach"].as_bool().unwrap_or(false) {
        let relay = spawn_relay(&root, &instance, None, size)?;
        execs.set_phase(&id, relay.running());
        std::thread::spawn(move || relay.finish(&execs, &id, None));
        return Ok(Response::empty(200));
    }
    let tty = instance.opts.tty;
    let upgrade = req.header("Upgrade").is_some();
    Ok(Response::hijack(
        upgrade,
        stream_type(tty),
        move |conn: Hijacked| match spawn_relay(&root, &instance, Some(&conn.writer), size) {
            Ok(relay) => {
                execs.set_phase(&id, relay.running());
                relay.finish(&execs, &id, Some(conn));
            }
            Err(e) => {
                let mut w = conn.writer;
                let _ = w.write_all(&frame_error(tty, &format!("{e:#}\n")));
                execs.set_phase(&id, Phase::Exited(crate::error::exit_code_of(&e)));
            }
        },
    ))
}

/// An error said on the stream (stderr, framed unless a terminal).
fn frame_error(tty: bool, text: &str) -> Vec<u8> {
    match tty {
        true => text.as_bytes().to_vec(),
        false => mux(2, text.as_bytes()),
    }
}

/// A forked relay process running an exec.
struct Relay {
    pid: nix::unistd::Pid,
    resize: Option<Arc<OwnedFd>>,
}

impl Relay {
    fn running(&self) -> Phase {
        Phase::Running {
            pid: self.pid.as_raw(),
            resize: self.resize.clone(),
        }
    }

    /// Wait for it, record the code, then let the connection close.
    fn finish(self, execs: &Execs, id: &str, conn: Option<Hijacked>) {
        let code = loop {
            match nix::sys::wait::waitpid(self.pid, None) {
                Err(nix::errno::Errno::EINTR) => continue,
                Ok(status) => break crate::monitor::exit_code(status).unwrap_or(125),
                Err(_) => break 125,
            }
        };
        execs.set_phase(id, Phase::Exited(code));
        if let Some(c) = conn {
            let _ = c.writer.shutdown(std::net::Shutdown::Both);
        }
    }
}

/// Fork the relay of `instance`, given the client's connection (None: detached).
fn spawn_relay(
    root: &std::path::Path,
    instance: &Instance,
    conn: Option<&UnixStream>,
    size: Option<(u16, u16)>,
) -> Result<Relay> {
    let (resize_r, resize_w) = match instance.opts.tty {
        true => {
            let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
            (Some(r), Some(w))
        }
        false => (None, None),
    };
    let conn_fd = conn.map(|c| c.as_raw_fd());
    // SAFETY: the child runs only the relay (the exec's start and the copying)
    // and leaves with _exit; glibc's malloc is usable after fork, and the
    // child takes no lock another thread of this service could hold.
    match unsafe { nix::unistd::fork() }.context("fork")? {
        nix::unistd::ForkResult::Parent { child } => Ok(Relay {
            pid: child,
            resize: resize_w.map(Arc::new),
        }),
        nix::unistd::ForkResult::Child => {
            let resize_raw = resize_r.as_ref().map(|r| r.as_raw_fd());
            crate::monitor::detached::close_other_fds(&[conn_fd, resize_raw], -1);
            let store = crate::store::Store::open_existing(root);
            let code = relay(&store, instance, conn_fd, resize_r, size).unwrap_or_else(|e| {
                if let Some(fd) = conn_fd {
                    let text = format!("{e:#}\n");
                    let _ = nix::unistd::write(
                        // SAFETY: the connection's fd, open in this child.
                        unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) },
                        &frame_error(instance.opts.tty, &text),
                    );
                }
                crate::error::exit_code_of(&e)
            });
            // SAFETY: leaving the forked child without the service's destructors.
            unsafe { libc::_exit(code) }
        }
    }
}

/// In the relay process: start the command, copy, return its exit code.
fn relay(
    store: &crate::store::Store,
    instance: &Instance,
    conn: Option<RawFd>,
    resize: Option<OwnedFd>,
    size: Option<(u16, u16)>,
) -> Result<i32> {
    let tty = instance.opts.tty;
    // The command's stdio (without a terminal): pipes to relay, or /dev/null.
    let wants = |w: bool| w && conn.is_some() && !tty;
    let stdin = wants(instance.stdin).then(pipe).transpose()?;
    let stdout = wants(instance.stdout).then(pipe).transpose()?;
    let stderr = wants(instance.stderr).then(pipe).transpose()?;
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")?;
    let target = |p: &Option<(OwnedFd, OwnedFd)>, read_end: bool| match (p, read_end) {
        (Some((r, _)), true) => r.as_raw_fd(),
        (Some((_, w)), false) => w.as_raw_fd(),
        (None, _) => null.as_raw_fd(),
    };
    for (fd, from) in [
        (0, target(&stdin, true)),
        (1, target(&stdout, false)),
        (2, target(&stderr, false)),
    ] {
        nix::unistd::dup2(from, fd).context("dup2")?;
    }
    let mut opts = instance.opts.clone();
    opts.interactive = stdin.is_some();
    // Sized before the command runs: a `stty size` at its start saw 0 rows
    // when the size was set after the start (a flake of the API tests).
    opts.window_size = size;
    let execed = crate::container::exec::start(store, &instance.container, &opts)?;
    // Only the command holds its ends of the pipes now.
    for fd in 0..3 {
        let _ = nix::unistd::dup2(null.as_raw_fd(), fd);
    }
    let terminal = execed.started.terminal;
    let mut copy = Copy {
        conn,
        input: match (&terminal, stdin) {
            (Some(t), _) if instance.stdin => Some(t.try_clone()?),
            (_, Some((_, w))) => Some(w),
            _ => None,
        },
        outputs: match (&terminal, stdout, stderr) {
            (Some(t), _, _) => vec![(t.try_clone()?, 0)],
            (None, out, err) => out
                .map(|(r, _)| (r, 1))
                .into_iter()
                .chain(err.map(|(r, _)| (r, 2)))
                .collect(),
        },
        terminal,
        resize,
        keys: crate::monitor::attach::parse_detach_keys(&instance.detach_keys)?,
    };
    copy.run(execed.started.pid)
}

fn pipe() -> Result<(OwnedFd, OwnedFd)> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")
}

/// The relay's copying: the client's input to the command, its output
/// (framed: 1 stdout, 2 stderr; 0: a terminal, raw) to the client.
struct Copy {
    conn: Option<RawFd>,
    input: Option<OwnedFd>,
    outputs: Vec<(OwnedFd, u8)>,
    terminal: Option<OwnedFd>,
    resize: Option<OwnedFd>,
    keys: Vec<u8>,
}

impl Copy {
    fn run(&mut self, pid: nix::unistd::Pid) -> Result<i32> {
        use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
        use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
        let mut status = None;
        let mut held = Vec::new();
        let mut buf = vec![0u8; 32 * 1024];
        let mut quiet_rounds = 0;
        // The command's end wakes the poll (without it, a round's timeout).
        let exited = pidfd(pid);
        loop {
            if status.is_none() {
                match waitpid(pid, Some(WaitPidFlag::WNOHANG)) {
                    Ok(WaitStatus::StillAlive) | Err(nix::errno::Errno::EINTR) => {}
                    Ok(s) => status = Some(crate::monitor::exit_code(s).unwrap_or(125)),
                    Err(_) => status = Some(125),
                }
            }
            // Once the command is gone, what its outputs still hold is drained.
            if let Some(code) = status {
                if self.outputs.is_empty() || quiet_rounds >= 2 {
                    return Ok(code);
                }
            }
            // SAFETY (the borrows below): fds owned by this relay, open while polled.
            let conn = self
                .conn
                .filter(|_| self.input.is_some())
                .map(|fd| unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) });
            let mut fds: Vec<PollFd> = Vec::new();
            let mut kinds = Vec::new();
            if let Some(c) = conn {
                fds.push(PollFd::new(c, PollFlags::POLLIN));
                kinds.push(Source::Client);
            }
            for (i, (fd, _)) in self.outputs.iter().enumerate() {
                fds.push(PollFd::new(fd.as_fd(), PollFlags::POLLIN));
                kinds.push(Source::Output(i));
            }
            if let Some(r) = &self.resize {
                fds.push(PollFd::new(r.as_fd(), PollFlags::POLLIN));
                kinds.push(Source::Resize);
            }
            if let (Some(p), None) = (&exited, status) {
                fds.push(PollFd::new(p.as_fd(), PollFlags::POLLIN));
                kinds.push(Source::Exited);
            }
            let n = match poll(&mut fds, PollTimeout::from(100u16)) {
                Ok(n) => n,
                Err(nix::errno::Errno::EINTR) => continue,
                Err(e) => return Err(e).context("poll"),
            };
            quiet_rounds = if n == 0 { quiet_rounds + 1 } else { 0 };
            let ready: Vec<bool> = fds
                .iter()
                .map(|f| f.revents().is_some_and(|r| !r.is_empty()))
                .collect();
            drop(fds);
            let mut closed = Vec::new();
            for (source, ready) in kinds.into_iter().zip(ready) {
                if !ready {
                    continue;
                }
                match source {
                    Source::Client => self.take_client_input(&mut buf, &mut held)?,
                    Source::Output(i) => {
                        if !self.take_output(i, &mut buf) {
                            closed.push(i);
                        }
                    }
                    Source::Resize => self.take_resize(),
                    Source::Exited => {} // reaped at the loop's top
                }
            }
            for i in closed.into_iter().rev() {
                self.outputs.remove(i);
            }
        }
    }

    fn take_client_input(&mut self, buf: &mut [u8], held: &mut Vec<u8>) -> Result<()> {
        let Some(conn) = self.conn else {
            return Ok(());
        };
        match nix::unistd::read(conn, buf) {
            Ok(0) | Err(_) => self.input = None, // end of input: the command's too
            Ok(n) => {
                let keys = match self.terminal {
                    Some(_) => &self.keys[..],
                    None => &[][..],
                };
                let (data, detached) =
                    crate::monitor::attach::match_detach_keys(keys, held, &buf[..n]);
                if let Some(input) = &self.input {
                    let _ = write_all(input.as_raw_fd(), &data);
                }
                if detached {
                    // The command goes on; the client is let go.
                    self.conn = None;
                    self.input = None;
                }
            }
        }
        Ok(())
    }

    /// Copy from output `i`; false at its end.
    fn take_output(&mut self, i: usize, buf: &mut [u8]) -> bool {
        let (fd, kind) = &self.outputs[i];
        let n = match nix::unistd::read(fd.as_raw_fd(), buf) {
            Ok(0) | Err(_) => return false,
            Ok(n) => n,
        };
        if let Some(conn) = self.conn {
            let bytes = match kind {
                0 => buf[..n].to_vec(),
                k => mux(*k, &buf[..n]),
            };
            if write_all(conn, &bytes).is_err() {
                self.conn = None; // the client went; the command goes on
            }
        }
        true
    }

    fn take_resize(&mut self) {
        let mut size = [0u8; 4];
        let Some(r) = &self.resize else { return };
        match nix::unistd::read(r.as_raw_fd(), &mut size) {
            Ok(4) => {
                if let Some(t) = &self.terminal {
                    let rows = u16::from_le_bytes([size[0], size[1]]);
                    let cols = u16::from_le_bytes([size[2], size[3]]);
                    crate::monitor::attach::set_window_size(t.as_fd(), rows, cols);
                }
            }
            _ => self.resize = None,
        }
    }
}

enum Source {
    Client,
    Output(usize),
    Resize,
    Exited,
}

/// A pidfd of the relay's child `pid`, readable once it has exited (None on
/// a kernel without pidfd_open).
fn pidfd(pid: nix::unistd::Pid) -> Option<OwnedFd> {
    use std::os::fd::FromRawFd;
    // SAFETY: pidfd_open of this process's own child, not yet reaped.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid.as_raw(), 0) };
    let fd = i32::try_from(fd).ok().filter(|fd| *fd >= 0)?;
    // SAFETY: a new fd that nothing else owns.
    Some(unsafe { OwnedFd::from_raw_fd(fd) })
}

fn write_all(fd: RawFd, mut data: &[u8]) -> nix::Result<()> {
    // SAFETY: an fd of this relay's, open while it writes.
    let fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
    while !data.is_empty() {
        match nix::unistd::write(fd, data) {
            Ok(n) => data = &data[n..],
            Err(nix::errno::Errno::EINTR) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// `POST /exec/{id}/resize?h=ROWS&w=COLS`.
fn resize(cx: &Context, id: &str, req: &Request) -> Answer {
    let instance = cx.execs.get(id)?;
    let size = |k: &str| -> std::result::Result<u16, ApiError> {
        req.param(k)
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| ApiError(400, format!("{k}: a number")))
    };
    let (rows, cols) = (size("h")?, size("w")?);
    match instance.phase {
        Phase::Running {
            resize: Some(w), ..
        } => {
            let mut data = rows.to_le_bytes().to_vec();
            data.extend_from_slice(&cols.to_le_bytes());
            let _ = write_all(w.as_raw_fd(), &data);
            Ok(Response::empty(200))
        }
        Phase::Running { .. } => Ok(Response::empty(200)),
        _ => Err(ApiError(409, format!("exec {id} is not running"))),
    }
}

/// `GET /exec/{id}/json`.
fn inspect(cx: &Context, id: &str) -> Answer {
    let i = cx.execs.get(id)?;
    let (running, code, pid) = match i.phase {
        Phase::Created => (false, Value::Null, 0),
        Phase::Starting => (true, Value::Null, 0),
        Phase::Running { pid, .. } => (true, Value::Null, pid),
        Phase::Exited(code) => (false, json!(code), 0),
    };
    let (entrypoint, arguments) = i
        .opts
        .command
        .split_first()
        .map(|(e, a)| (e.clone(), a.to_vec()))
        .unwrap_or_default();
    Ok(Response::json(
        200,
        &json!({
            "ID": id,
            "Running": running,
            "ExitCode": code,
            "ProcessConfig": {
                "tty": i.opts.tty,
                "entrypoint": entrypoint,
                "arguments": arguments,
                "privileged": i.opts.privileged,
                "user": i.opts.user.clone().unwrap_or_default(),
            },
            "OpenStdin": i.stdin,
            "OpenStderr": i.stderr,
            "OpenStdout": i.stdout,
            "CanRemove": false,
            "ContainerID": i.container,
            "DetachKeys": i.detach_keys,
            "Pid": pid,
        }),
    ))
}
