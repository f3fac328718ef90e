//! `exec`: a new process in a running container, as the CLI and (later) the
//! API socket start it: the container found running, its environment with the
//! caller's over it, the user resolved from the container's own /etc/passwd,
//! its seccomp filter; then this process joins the container's namespaces and
//! forks the new process there (`runtime::exec`).

use anyhow::{bail, Context, Result};
use nix::sys::signal::SigSet;
use oci_spec::runtime::Spec;
use serde_json::{json, Value};

use super::{lifecycle, spec, state, user};
use crate::runtime::{self, exec as rexec, seccomp, Started};
use crate::store::containers::Status;
use crate::store::Store;

/// What to run, and how.
#[derive(Debug, Clone, Default)]
pub struct ExecOptions {
    pub command: Vec<String>,
    /// `-e NAME=VALUE` (or NAME: husk's own value), over the container's.
    pub env: Vec<String>,
    pub workdir: Option<String>,
    /// `-u USER[:GROUP]`, resolved in the container.
    pub user: Option<String>,
    pub tty: bool,
    /// `-i`: the process reads this one's stdin.
    pub interactive: bool,
    /// `--privileged`: every capability, and new privileges allowed.
    pub privileged: bool,
    /// `--preserve-fds N`: fds 3..3+N of the caller go to the process (checked open).
    pub preserve_fds: u32,
    /// With `tty`: the terminal's size (rows, cols), set before the process
    /// runs (the API's `ConsoleSize`); None: this process's terminal's.
    pub window_size: Option<(u16, u16)>,
}

/// The started process, and the signals blocked for whoever waits for it
/// (`monitor::foreground::wait`).
pub struct Execed {
    pub started: Started,
    pub signals: SigSet,
}

/// Start `opts` in the running container `id`. This process joins the
/// container's namespaces for good, so it must be single-threaded and do
/// nothing else in the host's afterwards (the CLI waits for the process and
/// exits; a server forks first).
pub fn start(store: &Store, id: &str, opts: &ExecOptions) -> Result<Execed> {
    let ctr = super::load(store, id)?;
    let s = state::current(store, id)?;
    crate::timeline::mark("loaded");
    if s.status == Status::Paused {
        bail!(
            "container {} is paused: husk unpause it first",
            ctr.record.name
        );
    }
    let pid = state::running_pid(&s).ok_or_else(|| lifecycle::not_running(&ctr.record.name))?;
    let env = merged_env(
        &ctr.spec
            .process()
            .as_ref()
            .and_then(|p| p.env().clone())
            .unwrap_or_default(),
        &opts.env,
    );
    let single_uid = single_uid_namespace(pid);
    let filter = seccomp::filter_for(&ctr.spec, &seccomp::cache_dir()?)?;
    crate::timeline::mark("seccomp filter");
    rexec::join_namespaces(pid)?;
    crate::timeline::mark("namespaces joined");
    let spec = exec_spec(&ctr.spec, opts, env, single_uid)?;
    let signals = runtime::block_signals()?;
    let started = rexec::spawn(&rexec::ExecProcess {
        spec: &spec,
        keep_stdin: opts.interactive,
        seccomp: filter,
        can_setgroups: !single_uid,
        preserve_fds: opts.preserve_fds as i32,
        window_size: opts.window_size,
    })?;
    crate::timeline::mark("spawned");
    Ok(Execed { started, signals })
}

/// `env` with `-e` entries over it (`container::spec::set_env`).
fn merged_env(env: &[String], extra: &[String]) -> Vec<String> {
    let mut pairs: Vec<(String, String)> = env
        .iter()
        .map(|e| {
            let (k, v) = e.split_once('=').unwrap_or((e, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    for e in extra {
        spec::set_env(&mut pairs, e);
    }
    pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect()
}

/// The container's spec with the exec'd process in it. Runs inside the
/// container's mount namespace (the user is resolved from its /etc/passwd).
fn exec_spec(base: &Spec, opts: &ExecOptions, env: Vec<String>, single_uid: bool) -> Result<Spec> {
    let mut v: Value = serde_json::to_value(base)?;
    // An exec runs its command, even in a pod's infra container.
    if let Some(a) = v.get_mut("annotations").and_then(Value::as_object_mut) {
        a.remove(super::spec::ANNOTATION_PAUSE);
    }
    let p = v
        .get_mut("process")
        .and_then(Value::as_object_mut)
        .context("the container's spec has no process")?;
    p.insert("args".into(), json!(opts.command));
    p.insert("env".into(), json!(env));
    p.insert("terminal".into(), json!(opts.tty));
    if let Some(w) = &opts.workdir {
        p.insert("cwd".into(), json!(w));
    }
    if opts.privileged {
        let mut all: Vec<String> = crate::runtime::caps::resolve(true, &[], &[])?
            .into_iter()
            .collect();
        all.sort();
        p.insert(
            "capabilities".into(),
            json!({"bounding": all, "permitted": all, "effective": all, "inheritable": [], "ambient": []}),
        );
        p.insert("noNewPrivileges".into(), json!(false));
    }
    if let Some(u) = &opts.user {
        // The container's own files: a FIFO, a device or a huge file there reads as absent.
        let read = |f: &str| {
            crate::fsat::read_small_file(std::path::Path::new(f), crate::overlay::MAX_MERGED_FILE)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        };
        let resolved = user::resolve(
            u,
            read("/etc/passwd").as_deref(),
            read("/etc/group").as_deref(),
        )?;
        if single_uid && (resolved.uid != 0 || resolved.gid != 0) {
            bail!(
                "user {u:?} (uid {}) cannot run in single-uid mode: only root can",
                resolved.uid
            );
        }
        let gids = if single_uid {
            Vec::new()
        } else {
            resolved.additional_gids
        };
        p.insert(
            "user".into(),
            json!({"uid": resolved.uid, "gid": resolved.gid, "additionalGids": gids}),
        );
    }
    serde_json::from_value(v).context("building the exec spec")
}

/// Whether process `pid` runs in a user namespace that maps one id only.
fn single_uid_namespace(pid: i32) -> bool {
    matches!(crate::userns::read_map(&format!("/proc/{pid}/uid_map")).as_slice(), [r] if r.size == 1)
}

/// Wait up to `timeout` for container `id` to be running (`exec --wait`);
/// whether it is.
pub fn wait_running(store: &Store, id: &str, timeout: std::time::Duration) -> bool {
    let end = std::time::Instant::now() + timeout;
    loop {
        let running =
            super::state::current(store, id).is_ok_and(|s| super::state::running_pid(&s).is_some());
        if running || std::time::Instant::now() >= end {
            return running;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
