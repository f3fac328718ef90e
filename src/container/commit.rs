//! `husk commit`: a container's writable layer as a new image, over its image's
//! layers, with the container's command, environment and working directory
//! (docker's rule), and `-c` Dockerfile instructions applied on top.

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use crate::build::dockerfile;
use crate::build::stage::{self, State};
use crate::digest::Digest;
use crate::layer::pack::LayerTar;
use crate::store::images::ImageRecord;
use crate::store::Store;

/// What `husk commit` asks.
pub struct CommitOptions {
    /// `-c`: Dockerfile instructions (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL,
    /// ONBUILD, USER, VOLUME, WORKDIR, STOPSIGNAL, HEALTHCHECK, SHELL).
    pub changes: Vec<String>,
    pub message: Option<String>,
    pub author: Option<String>,
    /// The name, already in its stored form (None: an unnamed image).
    pub name: Option<String>,
    /// `--pause`: the container is frozen while its layer is read.
    pub pause: bool,
    /// `--include-volumes` (podman's): the destinations of the container's
    /// `-v`/`--mount` volumes and binds become the image's `VOLUME`s.
    pub include_volumes: bool,
    /// `--squash`: the image's layers and the container's as one.
    pub squash: bool,
    /// `--config FILE` (podman's) or the body of the API's `POST /commit`: a
    /// config merged into the container's before `-c`'s changes, as docker
    /// and buildah merge it (see [`merge_config`]).
    pub config: Option<serde_json::Map<String, Value>>,
}

/// The instructions `-c` takes.
const CHANGES: &[&str] = &[
    "CMD",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "LABEL",
    "ONBUILD",
    "USER",
    "VOLUME",
    "WORKDIR",
    "STOPSIGNAL",
    "HEALTHCHECK",
    "SHELL",
];

/// Parse the `-c` changes before anything is written.
pub fn parse_changes(changes: &[String]) -> Result<Vec<dockerfile::Instruction>> {
    let mut out = Vec::new();
    for c in changes {
        let df = dockerfile::parse(c, "--change").with_context(|| format!("-c {c:?}"))?;
        for ins in df.instructions {
            if !CHANGES.contains(&ins.keyword.as_str()) {
                bail!(
                    "-c {c:?}: {} cannot be a change (one of {})",
                    ins.keyword,
                    CHANGES.join(", ")
                );
            }
            out.push(ins);
        }
    }
    Ok(out)
}

/// Commit container `id` as an image.
pub fn commit(store: &Store, id: &str, opts: &CommitOptions) -> Result<ImageRecord> {
    let changes = parse_changes(&opts.changes)?;
    let record = store.container_record(id)?;
    let dir = store.container_dir(id);
    if dir.join("vfs").exists() {
        bail!("committing a container of the vfs driver is not supported: its changes are not kept apart from the image");
    }
    if let Some(r) = &record.rootfs {
        bail!(
            "container {} runs from --rootfs {}: there is no image to commit its changes onto (husk import a tar of the directory instead)",
            record.name,
            r.path.display()
        );
    }
    let base: Value = serde_json::from_slice(&store.get_blob(&record.image)?)
        .context("parsing the container's image config")?;
    let spec: Value = serde_json::from_slice(
        &std::fs::read(dir.join("config.json")).context("reading the container's spec")?,
    )
    .context("parsing the container's spec")?;
    let _gc = store.gc_guard()?;
    let running =
        crate::container::state::is_running(&crate::container::state::current(store, id)?);
    let paused = opts.pause && running;
    if paused {
        crate::container::lifecycle::set_paused(store, id, &record.name, true)?;
    }
    let layer = pack_upper(store, &dir.join("upper"));
    if paused {
        crate::container::lifecycle::set_paused(store, id, &record.name, false)?;
    }
    let layer = layer?;
    let mut state = State::from_config(base, record.layers.clone(), Digest::of(b""), '\\');
    let (entrypoint, cmd) = record
        .command
        .split_at(record.entrypoint_len.unwrap_or(0).min(record.command.len()));
    let cfg = state.config_mut();
    cfg.insert(
        "Entrypoint".into(),
        if entrypoint.is_empty() {
            Value::Null
        } else {
            json!(entrypoint)
        },
    );
    cfg.insert("Cmd".into(), json!(cmd));
    if let Some(env) = spec.pointer("/process/env").and_then(Value::as_array) {
        // Never a secret's value (`--secret …,type=env`).
        let env: Vec<String> = env
            .iter()
            .filter_map(|e| e.as_str().map(String::from))
            .collect();
        cfg.insert(
            "Env".into(),
            json!(crate::secret::mount::hide_env(env, &record.secrets)),
        );
    }
    if let Some(cwd) = spec.pointer("/process/cwd").and_then(Value::as_str) {
        cfg.insert("WorkingDir".into(), json!(cwd));
    }
    if !record.labels.is_empty() {
        cfg.insert("Labels".into(), json!(record.labels));
    }
    if let (true, Some(m)) = (opts.include_volumes, &record.mounts) {
        let volumes = cfg.entry("Volumes").or_insert_with(|| json!({}));
        let dests = m.volumes.iter().map(|v| &v.destination);
        for d in dests.chain(m.binds.iter().map(|b| &b.destination)) {
            volumes[d.display().to_string()] = json!({});
        }
    }
    if let Some(extra) = &opts.config {
        merge_config(state.config_mut(), extra);
    }
    for ins in &changes {
        stage::apply(ins, &mut state, &Default::default(), &[])
            .with_context(|| format!("-c {}", ins.text()))?;
    }
    let created = crate::image::write::timestamp(None);
    let created_by = format!("/bin/sh -c #(nop) commit of {}", record.name);
    state.history(&created, created_by, layer.is_none());
    if let Some(h) = state.image["history"]
        .as_array_mut()
        .and_then(|h| h.last_mut())
    {
        if let Some(m) = &opts.message {
            h["comment"] = json!(m);
        }
        if let Some(a) = &opts.author {
            h["author"] = json!(a);
        }
    }
    if let Some(a) = &opts.author {
        state.image["author"] = json!(a);
    }
    if let Some(l) = layer {
        state.layers.push(l);
    }
    if opts.squash {
        crate::image::squash::squash(store, &mut state.layers, &mut state.image, 0, None)?;
    }
    let mut image = state.image.clone();
    image["created"] = json!(created);
    image["rootfs"] = crate::image::write::rootfs(&state.layers);
    let names: Vec<String> = opts.name.iter().cloned().collect();
    crate::image::write::write(store, &image, &state.layers, &names)
}

/// Merge a commit's `config` into the committed one, as docker's daemon does:
/// a non-empty string or list replaces the container's; `Env` replaces by
/// variable name; `Labels`, `ExposedPorts` and `Volumes` are added to; an
/// `Entrypoint` brings its own `Cmd` (an empty list clears the entrypoint).
/// Keys that are not an image's (`Hostname`, `Tty`, `Image`…) are ignored.
pub fn merge_config(
    cfg: &mut serde_json::Map<String, Value>,
    user: &serde_json::Map<String, Value>,
) {
    let given = |k: &str| user.get(k).filter(|v| !is_empty(v));
    for key in [
        "User",
        "WorkingDir",
        "StopSignal",
        "Shell",
        "OnBuild",
        "Healthcheck",
    ] {
        if let Some(v) = given(key) {
            cfg.insert(key.into(), v.clone());
        }
    }
    match (given("Entrypoint"), user.get("Entrypoint")) {
        (Some(e), _) => {
            cfg.insert("Entrypoint".into(), e.clone());
            cfg.insert(
                "Cmd".into(),
                user.get("Cmd").cloned().unwrap_or(Value::Null),
            );
        }
        (None, cleared) => {
            if let Some(c) = given("Cmd") {
                cfg.insert("Cmd".into(), c.clone());
            }
            if cleared.is_some_and(Value::is_array) {
                cfg.insert("Entrypoint".into(), Value::Null);
            }
        }
    }
    for key in ["Labels", "ExposedPorts", "Volumes"] {
        let Some(Value::Object(add)) = given(key) else {
            continue;
        };
        let into = cfg.entry(key).or_insert_with(|| json!({}));
        if !into.is_object() {
            *into = json!({});
        }
        for (k, v) in add {
            into[k] = v.clone();
        }
    }
    if let Some(Value::Array(add)) = given("Env") {
        let mut env: Vec<Value> = cfg
            .get("Env")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for var in add.iter().filter(|v| v.is_string()) {
            let name = |v: &Value| {
                v.as_str()
                    .map(|s| s.split('=').next().unwrap_or(s).to_string())
            };
            match env.iter_mut().find(|e| name(e) == name(var)) {
                Some(e) => *e = var.clone(),
                None => env.push(var.clone()),
            }
        }
        cfg.insert("Env".into(), Value::Array(env));
    }
}

/// Whether a config value says nothing: null, "", [] or {}.
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// The container's writable layer as a stored layer (None: it changed nothing).
fn pack_upper(store: &Store, upper: &std::path::Path) -> Result<Option<Digest>> {
    let empty = std::fs::read_dir(upper)
        .with_context(|| format!("reading {}", upper.display()))?
        .next()
        .is_none();
    if empty {
        return Ok(None);
    }
    let mut tar = LayerTar::create(store, None)?;
    tar.packer().add_layer_dir(upper)?;
    Ok(Some(tar.commit(store)?.diff_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(cfg: Value, user: Value) -> Value {
        let mut cfg = cfg.as_object().cloned().unwrap_or_default();
        merge_config(&mut cfg, user.as_object().unwrap_or(&Default::default()));
        Value::Object(cfg)
    }

    #[test]
    fn a_commit_config_merges_as_dockers() {
        let base = json!({
            "Env": ["PATH=/bin", "A=1"],
            "Cmd": ["sh"],
            "Entrypoint": ["/init"],
            "Labels": {"a": "1"},
            "User": "app",
        });
        let m = merged(
            base.clone(),
            json!({"Env": ["A=2", "B=3"], "Labels": {"b": "2"}, "User": "", "Hostname": "x",
                   "Cmd": null, "Image": "busybox"}),
        );
        assert_eq!(m["Env"], json!(["PATH=/bin", "A=2", "B=3"]));
        assert_eq!(m["Labels"], json!({"a": "1", "b": "2"}));
        assert_eq!(m["User"], "app");
        assert_eq!(m["Cmd"], json!(["sh"]));
        assert_eq!(m["Entrypoint"], json!(["/init"]));
        assert!(m.get("Hostname").is_none() && m.get("Image").is_none());

        let m = merged(base.clone(), json!({"Entrypoint": ["/x"]}));
        assert_eq!(m["Entrypoint"], json!(["/x"]));
        assert_eq!(m["Cmd"], Value::Null);
        let m = merged(base.clone(), json!({"Entrypoint": [], "Cmd": ["top"]}));
        assert_eq!(m["Entrypoint"], Value::Null);
        assert_eq!(m["Cmd"], json!(["top"]));
        let m = merged(
            base,
            json!({"ExposedPorts": {"80/tcp": {}}, "WorkingDir": "/w"}),
        );
        assert_eq!(m["ExposedPorts"], json!({"80/tcp": {}}));
        assert_eq!(m["WorkingDir"], "/w");
    }
}
