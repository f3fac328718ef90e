//! RUN: the command runs in a container of husk's own runtime (rootless, the
//! same security defaults as `husk run`), on the stage's layers as they are;
//! the step's layer is the container's writable layer alone, packed as a tar.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::stage::State;
use crate::container::mounts::{BindMount, TmpfsMount, UserMounts};
use crate::container::{self, CreateRequest, SpecOptions};
use crate::digest::Digest;
use crate::layer::pack::LayerTar;
use crate::monitor::{attach, detached};
use crate::store::images::ImageRecord;
use crate::store::layers::LayerInfo;
use crate::store::Store;

/// `RUN --mount=...`, read from its flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunMount {
    /// A directory of the user's build cache that outlives builds.
    Cache { id: String, target: String },
    /// A path of the context (or a named build context), read-only unless `rw`.
    Bind {
        source: String,
        target: String,
        from: Option<String>,
        rw: bool,
    },
    /// A secret's file at /run/secrets/ID (or `target`), never in a layer.
    Secret {
        id: String,
        target: String,
        required: bool,
    },
    Tmpfs {
        target: String,
        size: Option<String>,
    },
    /// An SSH agent's socket of `--ssh` (SSH_AUTH_SOCK points at it).
    Ssh {
        id: String,
        target: String,
        required: bool,
    },
}

impl RunMount {
    /// `type=cache,target=/root/.cache,id=x`, docker's keys (`dst`/`destination` for target).
    pub fn parse(spec: &str) -> Result<RunMount> {
        let mut kind = "bind".to_string();
        let mut kv = std::collections::BTreeMap::new();
        let mut rw = false;
        let mut required = false;
        for part in spec.split(',').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            match k {
                "type" => kind = v.to_string(),
                "rw" | "readwrite" => rw = v != "false",
                "ro" | "readonly" => rw = v == "false",
                "required" => required = v != "false",
                "target" | "dst" | "destination" => {
                    kv.insert("target", v.to_string());
                }
                "source" | "src" => {
                    kv.insert("source", v.to_string());
                }
                "id" | "from" | "size" | "sharing" | "mode" | "uid" | "gid" | "env" => {
                    kv.insert(k, v.to_string());
                }
                _ => bail!("RUN --mount={spec}: unknown option {k:?}"),
            }
        }
        let target = kv.get("target").cloned();
        Ok(match kind.as_str() {
            "cache" => {
                let target = target.context("RUN --mount=type=cache needs target=")?;
                RunMount::Cache {
                    id: kv.get("id").cloned().unwrap_or_else(|| target.clone()),
                    target,
                }
            }
            "bind" => RunMount::Bind {
                target: target.context("RUN --mount=type=bind needs target=")?,
                source: kv.get("source").cloned().unwrap_or_else(|| "/".into()),
                from: kv.get("from").cloned(),
                rw,
            },
            "secret" => {
                let id = kv.get("id").cloned().or_else(|| {
                    target
                        .as_deref()
                        .and_then(|t| t.rsplit('/').next())
                        .map(String::from)
                });
                let id = id.context("RUN --mount=type=secret needs id=")?;
                RunMount::Secret {
                    target: target.unwrap_or_else(|| format!("/run/secrets/{id}")),
                    id,
                    required,
                }
            }
            "tmpfs" => RunMount::Tmpfs {
                target: target.context("RUN --mount=type=tmpfs needs target=")?,
                size: kv.get("size").cloned(),
            },
            "ssh" => RunMount::Ssh {
                id: kv.get("id").cloned().unwrap_or_else(|| "default".into()),
                target: target.unwrap_or_else(|| "/run/buildkit/ssh_agent.0".into()),
                required,
            },
            other => {
                bail!("RUN --mount: unknown type {other:?}: cache, bind, secret, tmpfs or ssh")
            }
        })
    }
}

/// What a RUN step runs.
pub struct RunStep {
    pub argv: Vec<String>,
    /// ARGs in scope (not overridden by ENV), as KEY=VALUE.
    pub env: Vec<String>,
    pub mounts: UserMounts,
    pub network: crate::network::NetworkSettings,
    pub quiet: bool,
    pub driver: String,
    /// Layer mtimes are clamped to this (`--timestamp`).
    pub clamp: Option<u64>,
    /// What `husk build`'s flags give every RUN step.
    pub settings: super::flags::StepSettings,
    /// With `--compat-volumes`: the stage's VOLUMEs, whose changes are dropped.
    pub volumes: Vec<String>,
}

/// The bind mounts of `--mount` flags whose sources are already resolved.
pub fn mount_binds(mounts: &[(RunMount, PathBuf)], tmpfs: &[RunMount]) -> Result<UserMounts> {
    let mut out = UserMounts::default();
    for (m, source) in mounts {
        let (target, ro) = match m {
            RunMount::Cache { target, .. } => (target, false),
            RunMount::Bind { target, rw, .. } => (target, !rw),
            RunMount::Secret { target, .. } => (target, true),
            RunMount::Ssh { target, .. } => (target, false),
            RunMount::Tmpfs { .. } => continue,
        };
        let mut options = vec!["rbind".to_string()];
        if ro {
            options.push("ro".into());
        }
        out.binds.push(BindMount {
            source: source.clone(),
            destination: PathBuf::from(target),
            options,
            chown: false,
        });
    }
    for m in tmpfs {
        if let RunMount::Tmpfs { target, size } = m {
            let mut options = Vec::new();
            if let Some(s) = size {
                options.push(format!("size={s}"));
            }
            out.tmpfs.push(TmpfsMount {
                destination: PathBuf::from(target),
                options,
            });
        }
    }
    Ok(out)
}

/// Run `step` on `state`'s root; the layer it made (None: it changed nothing).
pub fn run(store: &Store, state: &State, step: RunStep) -> Result<Option<LayerInfo>> {
    let image = transient_image(store, state)?;
    let settings = step.settings;
    let mut mounts = settings.spec.mounts.clone();
    mounts.binds.extend(step.mounts.binds);
    mounts.tmpfs.extend(step.mounts.tmpfs);
    mounts.volumes.extend(step.mounts.volumes);
    let ctr = container::create(
        store,
        CreateRequest {
            image: &image,
            image_name: "husk-build",
            name: None,
            user: None,
            group_add: settings.group_add,
            spec: SpecOptions {
                args: step.argv,
                entrypoint: Some(vec![]),
                env: step.env,
                mounts,
                network: step.network,
                ..settings.spec
            },
            auto_remove: false,
            labels: vec!["io.husk.build=step".to_string()],
            restart: Default::default(),
            stop_timeout: None,
            log_max_size: None,
            interactive: settings.stdin,
            sdnotify: Default::default(),
            create_command: vec![],
            create_command_tail: 0,
            replace: false,
            volumes_from: vec![],
            health: Default::default(),
            timeout: None,
            accounts: crate::container::user::AccountOptions::default(),
            secrets: vec![],
            rootfs: None,
            pod: None,
            log_driver: crate::monitor::log::Driver::None,
            build_stage: true,
            pidfile: None,
            conmon_pidfile: None,
            remove_image: false,
            requires: Vec::new(),
            driver: step.driver.parse().ok(),
        },
    )?;
    let _remove = Removal {
        store,
        id: ctr.record.id.clone(),
    };
    let code = run_container(store, &ctr, &step.driver, step.quiet, settings.stdin)?;
    if code != 0 {
        bail!(RunFailed(code));
    }
    let upper = ctr.dir.join("upper");
    for v in &step.volumes {
        drop_changes(&upper, v)?;
    }
    if is_empty_dir(&upper)? {
        return Ok(None);
    }
    let mut tar = LayerTar::create(store, step.clamp)?;
    tar.packer().add_layer_dir(&upper)?;
    Ok(Some(tar.commit(store)?))
}

/// A RUN whose command failed, with its exit code.
#[derive(Debug)]
pub struct RunFailed(pub i32);

impl std::fmt::Display for RunFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the command exited with code {}", self.0)
    }
}

impl std::error::Error for RunFailed {}

/// The stage as an image record the container code can start from (its
/// config stored as a blob; the record itself is never saved).
fn transient_image(store: &Store, state: &State) -> Result<ImageRecord> {
    let mut image = state.image.clone();
    image["rootfs"] = crate::image::write::rootfs(&state.layers);
    let bytes = serde_json::to_vec(&image)?;
    let id = Digest::of(&bytes);
    store.put_blob(&id, &bytes)?;
    Ok(ImageRecord {
        id: id.clone(),
        manifest: id,
        names: vec![],
        names_history: vec![],
        repo_digests: vec![],
        layers: state.layers.clone(),
        indexes: vec![],
        size: 0,
        created: None,
        stored: String::new(),
    })
}

/// Start the container with its monitor, relay its output (none with -q),
/// and wait for its exit code.
fn run_container(
    store: &Store,
    ctr: &container::Container,
    driver: &str,
    quiet: bool,
    stdin: bool,
) -> Result<i32> {
    let signals = crate::runtime::block_signals()?;
    let handover = detached::Handover {
        stdio: false,
        fds: 0,
        ..Default::default()
    };
    let mut start = detached::start_attached(store, ctr, driver, handover)?;
    let sock = start.attach(&ctr.record.id)?;
    let outcome = attach::relay(
        sock,
        &attach::RelayOptions {
            streams: attach::Streams {
                stdin,
                stdout: !quiet,
                stderr: !quiet,
            },
            tty: false,
            detach_keys: vec![],
            signals: Some(signals),
        },
    )?;
    let code = match outcome {
        attach::Outcome::Exited(code) => code,
        _ => container::lifecycle::wait_exit(
            store,
            &ctr.record.id,
            Some(std::time::Duration::from_secs(10)),
        )?
        .exit_code
        .unwrap_or(crate::error::EXIT_TOOL),
    };
    start.wait_monitor();
    Ok(code)
}

/// `--compat-volumes`: what RUN wrote under the VOLUME `path` is dropped
/// from the step's layer (as if the volume had held it). Every directory on
/// the way must be a real directory of the layer: a symlink the step made
/// (`/data -> /home/you`) is never followed out of it.
fn drop_changes(upper: &std::path::Path, path: &str) -> Result<()> {
    let rel = super::stage::clean_path(path);
    let parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
    let Some((last, parents)) = parts.split_last() else {
        return Ok(());
    };
    let mut at = upper.to_path_buf();
    for p in parents {
        at.push(p);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => {}
            // Not a directory of the layer (absent, a file, a symlink): nothing of it to drop.
            _ => return Ok(()),
        }
    }
    at.push(last);
    let removed = match std::fs::symlink_metadata(&at) {
        Ok(m) if m.is_dir() => crate::store::remove_tree(&at),
        // A whiteout (RUN removed the volume's directory), a file or a symlink in its place.
        Ok(_) => std::fs::remove_file(&at),
        Err(_) => return Ok(()),
    };
    removed.with_context(|| format!("dropping RUN's changes under the volume {path}"))
}

fn is_empty_dir(dir: &std::path::Path) -> Result<bool> {
    Ok(std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .next()
        .is_none())
}

/// Removes a step's container when the step ends, however it ends.
struct Removal<'a> {
    store: &'a Store,
    id: String,
}

impl Drop for Removal<'_> {
    fn drop(&mut self) {
        let _ = container::lifecycle::remove(self.store, &self.id);
    }
}
