//! Handlers of `husk run`, `husk create` and `husk start -a` (foreground).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::{store_root, RunArgs, StartArgs};
use crate::config::Config;
use crate::container::{self, CreateRequest, SpecOptions};
use crate::image::{lookup, pull as pull_image};
use crate::overlay::fuse::FuseOverlay;
use crate::overlay::kernel::KernelOverlay;
use crate::overlay::{RootfsLayout, StorageDriver};
use crate::progress::Progress;
use crate::runtime::{self, seccomp};
use crate::store::containers::{ContainerState, Status};
use crate::store::images::ImageRecord;
use crate::store::Store;
use crate::userns::{self, IdMapping};

/// The image `name` names, pulling it if `--pull` says so.
fn image_for(store: &Store, config: &Config, a: &RunArgs) -> Result<ImageRecord> {
    let local = |store: &Store| -> Result<Option<ImageRecord>> {
        let images = store.images()?;
        match lookup::find(&images, &a.image, config) {
            Ok(i) => Ok(Some(images[i].clone())),
            Err(e)
                if matches!(
                    e.downcast_ref::<lookup::LookupError>(),
                    Some(lookup::LookupError::NotFound(_))
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    };
    let have = if a.pull == "always" {
        None
    } else {
        local(store)?
    };
    if let Some(image) = have {
        return Ok(image);
    }
    if a.pull == "never" {
        anyhow::bail!(
            "{}: image not known (and --pull=never): run husk pull {}",
            a.image,
            a.image
        );
    }
    let opts = pull_image::PullOptions {
        platform: a.platform.as_deref().map(str::parse).transpose()?,
        tls_verify: a.registry.tls_verify,
        credentials: None,
        authfile: a.registry.authfile.clone(),
        progress: Progress::for_stderr(a.quiet),
        jobs: pull_image::DEFAULT_JOBS,
    };
    pull_image::pull(store, config, &a.image, &opts)
}

pub fn run(root: Option<PathBuf>, driver: Option<String>, a: RunArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    let ctr = create_container(&store, &config, &a)?;
    start_then_remove(&store, &ctr, &driver, a.interactive)
}

/// `husk create`: make the container, print its id.
pub fn create(root: Option<PathBuf>, a: RunArgs) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    let ctr = create_container(&store, &config, &a)?;
    println!("{}", ctr.record.id);
    Ok(0)
}

/// `husk start`: run a created or exited container again, on the same upper layer.
pub fn start(root: Option<PathBuf>, driver: Option<String>, a: StartArgs) -> Result<i32> {
    if !a.attach {
        // Detached containers need their own monitor process (issue 5).
        bail!("husk start: only in the foreground for now: use husk start -a");
    }
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&store_root(root)?)?;
    let id = container::find(&store, &a.container)?;
    let ctr = container::load(&store, &id)?;
    let state = store.container_state(&id).unwrap_or_default();
    if state.status == Status::Running && state.pid.is_some_and(process_alive) {
        bail!("container {} is already running", ctr.record.name);
    }
    start_then_remove(&store, &ctr, &driver, a.interactive)
}

/// Start in the foreground; then remove the container if it was made with `--rm`.
fn start_then_remove(
    store: &Store,
    ctr: &container::Container,
    driver: &str,
    interactive: bool,
) -> Result<i32> {
    let code = start_foreground(store, ctr, driver, interactive);
    if ctr.record.auto_remove {
        store
            .remove_container(&ctr.record.id)
            .context("removing the container (--rm)")?;
    }
    code
}

/// Whether process `pid` exists (a stale state file names a dead one).
fn process_alive(pid: i32) -> bool {
    nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None).is_ok()
}

/// Create the container that run/create describe (pulling its image if need be).
fn create_container(store: &Store, config: &Config, a: &RunArgs) -> Result<container::Container> {
    let image = image_for(store, config, a)?;
    let spec_opts = SpecOptions {
        args: a.command.clone(),
        entrypoint: a.entrypoint.clone(),
        env: a.env.clone(),
        env_files: a.env_file.clone(),
        workdir: a.workdir.clone(),
        hostname: a.hostname.clone(),
        volumes: a.volume.clone(),
        tmpfs: a.tmpfs.clone(),
        read_only: a.read_only,
        network: a.network.parse()?,
        cap_add: a.cap_add.clone(),
        cap_drop: a.cap_drop.clone(),
        privileged: a.privileged,
        security_opts: a.security_opt.clone(),
        ulimits: a.ulimit.clone(),
        tty: a.tty,
        init: a.init,
    };
    let image_name = image
        .names
        .first()
        .cloned()
        .unwrap_or_else(|| a.image.clone());
    container::create(
        store,
        CreateRequest {
            image: &image,
            image_name: &image_name,
            name: a.name.clone(),
            user: a.user.clone(),
            spec: spec_opts,
            auto_remove: a.rm,
        },
    )
}

/// Start a created container and wait for it in the foreground.
fn start_foreground(
    store: &Store,
    ctr: &container::Container,
    driver: &str,
    interactive: bool,
) -> Result<i32> {
    let id = &ctr.record.id;
    let layout = RootfsLayout {
        lowers: container::layer_dirs(store, &ctr.record.layers, &ctr.record.image_name)?,
        upper: ctr.dir.join("upper"),
        work: ctr.dir.join("work"),
        target: ctr.dir.join("rootfs"),
    };
    let filter = match ctr.spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        Some(profile) => Some(seccomp::compile(profile)?),
        None => None,
    };
    // Blocked before any FUSE worker thread exists, so that only the monitor's signalfd sees them.
    let signals = runtime::block_signals()?;
    let single_uid = matches!(userns::current(), IdMapping::Single { .. });
    let mapped_ids = userns::current()
        .uid_ranges()
        .iter()
        .map(|r| r.size)
        .fold(0u32, u32::saturating_add);
    let lower_overrides = ctr
        .record
        .layers
        .iter()
        .map(|l| store.layer_info(l).map(|i| i.has_overrides).unwrap_or(true))
        .collect();
    let fuse = FuseOverlay {
        threads: FuseOverlay::default_threads(),
        single_uid,
        mapped_ids,
        lower_overrides,
    };
    // Dropped last (declared first): the bind under the FUSE mount goes after it.
    let _shared = match driver {
        "fuse-overlay" => Some(FuseOverlay::share_mountpoint(&layout)?),
        _ => None,
    };
    let storage: &dyn StorageDriver = if driver == "fuse-overlay" {
        &fuse
    } else {
        &KernelOverlay
    };
    let fuse_layout = layout.clone();
    let launch = runtime::Launch {
        spec: &ctr.spec,
        layout,
        driver: storage,
        keep_stdin: interactive,
        seccomp: filter,
        can_setgroups: !single_uid,
    };
    let now = || humantime::format_rfc3339_nanos(std::time::SystemTime::now()).to_string();
    let (started, served) = runtime::start(&launch, || match driver {
        "fuse-overlay" => fuse.serve(&fuse_layout).map(Some),
        _ => Ok(None),
    })?;
    store.set_container_state(
        id,
        &ContainerState {
            status: Status::Running,
            pid: Some(started.pid.as_raw()),
            started_at: Some(now()),
            ..Default::default()
        },
    )?;
    let code = crate::monitor::foreground(started.pid, &signals, started.terminal, interactive)?;
    drop(served); // unmount the FUSE root and stop its threads
    let state = store.container_state(id).unwrap_or_default();
    store.set_container_state(
        id,
        &ContainerState {
            status: Status::Exited,
            pid: None,
            exit_code: Some(code),
            finished_at: Some(now()),
            ..state
        },
    )?;
    Ok(code)
}
