//! Handler of `husk exec`.

use std::path::PathBuf;

use anyhow::{Context, Result};
use oci_spec::runtime::Spec;
use serde_json::{json, Value};

use super::{store_root, ExecArgs};
use crate::container::{self, lifecycle, spec, state, user};
use crate::monitor::foreground;
use crate::runtime::{self, exec as rexec, seccomp};
use crate::store::Store;

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
fn exec_spec(base: &Spec, a: &ExecArgs, env: Vec<String>, single_uid: bool) -> Result<Spec> {
    let mut v: Value = serde_json::to_value(base)?;
    let p = v
        .get_mut("process")
        .and_then(Value::as_object_mut)
        .context("the container's spec has no process")?;
    p.insert("args".into(), json!(a.command));
    p.insert("env".into(), json!(env));
    p.insert("terminal".into(), json!(a.tty));
    if let Some(w) = &a.workdir {
        p.insert("cwd".into(), json!(w));
    }
    if let Some(u) = &a.user {
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
            anyhow::bail!(
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

pub fn exec(root: Option<PathBuf>, a: ExecArgs) -> Result<i32> {
    if !a.detach {
        super::require_terminal_stdin(a.tty, a.interactive)?;
    }
    let detach_keys = crate::monitor::attach::parse_detach_keys(&a.detach_keys)?;
    let store = Store::open_existing(&store_root(root)?);
    let id = container::find(&store, &a.container)?;
    let ctr = container::load(&store, &id)?;
    let s = state::current(&store, &id)?;
    if s.status == crate::store::containers::Status::Paused {
        anyhow::bail!(
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
        &a.env,
    );
    let single_uid = single_uid_namespace(pid);
    let filter = seccomp::filter_for(&ctr.spec, &seccomp::cache_dir()?)?;
    rexec::join_namespaces(pid)?;
    let spec = exec_spec(&ctr.spec, &a, env, single_uid)?;
    let signals = runtime::block_signals()?;
    let started = rexec::spawn(&rexec::ExecProcess {
        spec: &spec,
        keep_stdin: a.interactive,
        seccomp: filter,
        can_setgroups: !single_uid,
    })?;
    if a.detach {
        return Ok(0);
    }
    foreground::wait(
        started.pid,
        &signals,
        started.terminal,
        a.interactive,
        &detach_keys,
    )
}
