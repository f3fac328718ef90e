//! `kube play`: a [`Plan`] made real through husk's pod, volume, network,
//! build and container library; and `kube down`.
//!
//! Each pod is made whole or not at all: if one of its containers cannot be
//! made or started, the pod and its containers are removed again and the
//! play stops with that error (pods made before it stay, as podman leaves
//! them).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::plan::{ContainerPlan, DataFile, Plan, PodPlan};
use crate::config::Config;
use crate::image::pull::PullOptions;
use crate::pod::{self, PodRecord};
use crate::store::Store;

/// How `play` makes things.
pub struct Making<'a> {
    pub config: &'a Config,
    pub driver: &'a str,
    pub pull: &'a PullOptions,
    /// `--start=false`: made, not started.
    pub start: bool,
    /// `--replace`: pods of the same names removed first.
    pub replace: bool,
    /// `-q`: builds print nothing.
    pub quiet: bool,
}

/// A pod made: its id and its containers' ids (the infra container not counted).
#[derive(Debug)]
pub struct Played {
    pub pod: String,
    pub containers: Vec<String>,
}

/// Make what `plan` says.
pub fn play(store: &Store, plan: &Plan, m: &Making) -> Result<Vec<Played>> {
    let replaced = match m.replace {
        true => pods_of(store, &plan.workloads)?,
        false => Vec::new(),
    };
    check_names(store, plan, &replaced)?;
    for old in &replaced {
        pod::remove(store, old, true, Some(0))
            .with_context(|| format!("removing the old pod {}", old.name))?;
    }
    if let Some(net) = &plan.network {
        if crate::network::config::find(store, net).is_err() {
            let opts = crate::network::config::CreateOptions {
                name: Some(net.clone()),
                ignore: true,
                ..Default::default()
            };
            crate::network::config::create(store, &opts)
                .with_context(|| format!("creating network {net}"))?;
        }
    }
    for (name, labels) in &plan.claims {
        let opts = crate::volume::CreateOptions {
            name: Some(name.clone()),
            labels: labels.clone(),
            ..Default::default()
        };
        crate::volume::create(store, &opts).with_context(|| format!("creating volume {name}"))?;
    }
    for (image, dir) in &plan.builds {
        build(store, image, dir, plan.build_always, m)?;
    }
    let mut out = Vec::new();
    for p in &plan.pods {
        out.push(make_pod(store, p, m).with_context(|| format!("pod {}", p.name))?);
    }
    Ok(out)
}

/// The pods `kube play` made for these workloads (`Pod/NAME`, `Deployment/NAME`).
fn pods_of(store: &Store, workloads: &[String]) -> Result<Vec<PodRecord>> {
    Ok(pod::list(store)?
        .into_iter()
        .filter(|p| {
            p.labels
                .get(super::LABEL_OBJECT)
                .is_some_and(|o| workloads.contains(o))
        })
        .collect())
}

/// Every pod and container name free, or held by a pod about to be
/// `replaced` (one an earlier `kube play` of these workloads made).
fn check_names(store: &Store, plan: &Plan, replaced: &[PodRecord]) -> Result<()> {
    let going = |pod: &str| replaced.iter().any(|r| r.id == pod || r.name == pod);
    let existing = pod::list(store)?;
    for p in &plan.pods {
        // By name only: `pod::find` would take a pod named `db` for an id prefix.
        if let Some(old) = existing.iter().find(|x| x.name == p.name) {
            if going(&old.id) {
                continue;
            }
            let msg = match old.labels.contains_key(super::LABEL_OBJECT) {
                true => format!("pod {} already exists (kube play --replace makes it again, kube down removes it)", p.name),
                false => format!("pod {} already exists, and kube play did not make it", p.name),
            };
            return Err(crate::error::Failure::new(crate::error::EXIT_TOOL, msg).into());
        }
        for c in p.init.iter().chain(&p.containers) {
            let name = c.flags.name.clone().unwrap_or_default();
            if let Ok(id) = crate::container::find(store, &name) {
                if !store
                    .container_record(&id)?
                    .pod
                    .is_some_and(|pod| going(&pod))
                {
                    anyhow::bail!("the container name {name:?} is already in use");
                }
            }
        }
    }
    Ok(())
}

/// Build `image` from `dir` if it is missing, or always with `--build`.
fn build(store: &Store, image: &str, dir: &Path, always: bool, m: &Making) -> Result<()> {
    if !always && crate::image::lookup::exists(&store.images()?, image, m.config)? {
        return Ok(());
    }
    let mut opts = crate::build::BuildOptions::defaults(
        crate::build::context::Source::Dir(dir.to_path_buf()),
        m.driver,
        m.pull.clone(),
    )?;
    opts.tags = vec![crate::image::write::local_name(image)?];
    opts.quiet = m.quiet;
    let mut out: Box<dyn std::io::Write> = match m.quiet {
        true => Box::new(std::io::sink()),
        false => Box::new(std::io::stderr()),
    };
    crate::build::build(store, m.config, &opts, &mut out)
        .with_context(|| format!("building {image} from {}", dir.display()))?;
    Ok(())
}

/// One pod and its containers, removed again if any part fails.
fn make_pod(store: &Store, p: &PodPlan, m: &Making) -> Result<Played> {
    let opts = pod::CreateOptions {
        name: Some(p.name.clone()),
        labels: p.labels.iter().map(|(k, v)| format!("{k}={v}")).collect(),
        hostname: p.hostname.clone(),
        share: Vec::new(),
        network: p.infra.clone(),
    };
    let record = pod::create(store, m.config, m.driver, opts)?;
    match fill_pod(store, &record, p, m) {
        Ok(containers) => Ok(Played {
            pod: record.id,
            containers,
        }),
        Err(e) => {
            if let Err(cleanup) = pod::remove(store, &record, true, Some(0)) {
                eprintln!(
                    "WARNING: removing pod {} after its failure: {cleanup:#}",
                    p.name
                );
            }
            Err(e)
        }
    }
}

fn fill_pod(store: &Store, record: &PodRecord, p: &PodPlan, m: &Making) -> Result<Vec<String>> {
    let dirs = pod::dir(store).join(&record.id).join("kube");
    for d in &p.dirs {
        write_dir(&dirs.join(&d.volume), &d.files)
            .with_context(|| format!("volume {}", d.volume))?;
    }
    for c in &p.init {
        let id = create(store, record, c, &dirs, m)?;
        if m.start {
            run_init(store, &id, m).with_context(|| format!("init container {}", c.name))?;
        }
    }
    let mut ids = Vec::new();
    for c in &p.containers {
        ids.push(create(store, record, c, &dirs, m)?);
    }
    if m.start {
        for (c, id) in p.containers.iter().zip(&ids) {
            let ctr = crate::container::load(store, id)?;
            let handover = crate::monitor::detached::Handover {
                stdio: false,
                fds: 0,
                ..Default::default()
            };
            crate::monitor::detached::spawn(store, &ctr, m.driver, handover).with_context(
                || {
                    format!(
                        "starting container {}",
                        c.flags.name.as_deref().unwrap_or(&c.name)
                    )
                },
            )?;
        }
    }
    Ok(ids)
}

/// A ConfigMap's or Secret's files (or an emptyDir) in a directory of the pod's.
fn write_dir(dir: &Path, files: &[DataFile]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    if files.is_empty() {
        // An emptyDir: writable by whichever user the containers run as.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777))?;
    }
    for f in files {
        let file = dir.join(&f.path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&file, &f.bytes).with_context(|| format!("writing {}", file.display()))?;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(f.mode & 0o777))?;
    }
    Ok(())
}

fn create(
    store: &Store,
    record: &PodRecord,
    c: &ContainerPlan,
    dirs: &Path,
    m: &Making,
) -> Result<String> {
    let name = c.flags.name.clone().unwrap_or_default();
    let mut flags = c.flags.clone();
    flags.pod = Some(record.id.clone());
    for (volume, sub, dest, ro) in &c.pod_dirs {
        let mut source: PathBuf = dirs.join(volume);
        if let Some(sub) = sub {
            source.push(sub);
        }
        flags.volume.push(format!(
            "{}:{dest}{}",
            source.display(),
            if *ro { ":ro" } else { "" }
        ));
    }
    pod::join(store, &mut flags)?;
    let plan = flags
        .resolve()
        .with_context(|| format!("container {name}"))?;
    let line = vec!["husk".to_string(), "kube".into(), "play".into()];
    let ctr =
        crate::container::flags::create(store, m.config, &flags, plan, m.pull, line, m.driver)
            .with_context(|| format!("creating container {name}"))?;
    Ok(ctr.record.id)
}

/// An init container: run to its end, which must be 0, then removed.
fn run_init(store: &Store, id: &str, m: &Making) -> Result<()> {
    let ctr = crate::container::load(store, id)?;
    let handover = crate::monitor::detached::Handover {
        stdio: false,
        fds: 0,
        ..Default::default()
    };
    crate::monitor::detached::spawn(store, &ctr, m.driver, handover)?;
    let state = crate::container::lifecycle::wait_exit(store, id, None)?;
    match state.exit_code {
        Some(0) => crate::container::lifecycle::remove_checked(store, id, true).map(|_| ()),
        code => anyhow::bail!(
            "it exited with {}",
            code.map_or("no code".to_string(), |c| c.to_string())
        ),
    }
}

/// What `down` removed.
#[derive(Debug, Default)]
pub struct Downed {
    pub stopped: Vec<String>,
    pub removed: Vec<String>,
    pub volumes: Vec<String>,
}

/// `kube down`: the pods `kube play` made for `workloads` removed (their
/// containers stopped first); with `volumes` the claims' volumes too.
pub fn down(
    store: &Store,
    workloads: &[String],
    claims: &[String],
    volumes: bool,
) -> Result<Downed> {
    let mut out = Downed::default();
    for record in pods_of(store, workloads)? {
        // A forced remove stops the containers first (members, then the infra).
        pod::remove(store, &record, true, None)?;
        out.stopped.push(record.id.clone());
        out.removed.push(record.id);
    }
    if volumes {
        for name in claims {
            if crate::volume::find(store, name).is_ok() {
                crate::volume::remove(store, name, false, None)
                    .with_context(|| format!("removing volume {name}"))?;
                out.volumes.push(name.clone());
            }
        }
    }
    Ok(out)
}
