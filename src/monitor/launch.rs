//! Starting a container's process on its root file system: the part the
//! foreground monitor and the detached one share. Mounts (or serves) the
//! rootfs with the chosen storage driver and hands back the running process.

use std::os::fd::OwnedFd;

use anyhow::Result;
use nix::sys::signal::SigSet;
use nix::unistd::Pid;

use crate::container::{self, Container};
use crate::overlay::fuse::{FuseOverlay, Served, SharedMountpoint};
use crate::overlay::kernel::KernelOverlay;
use crate::overlay::StorageDriver;
use crate::runtime::{self, seccomp};
use crate::store::Store;
use crate::userns::{self, IdMapping};

/// A started container process and what keeps its root mounted.
pub struct Launched {
    pub pid: Pid,
    /// The master side of its terminal, with `-t`.
    pub terminal: Option<OwnedFd>,
    /// The signals blocked for the monitor's signalfd.
    pub signals: SigSet,
    // Dropped in this order: the FUSE mount, then the shared bind under it.
    served: Option<Served>,
    shared: Option<SharedMountpoint>,
}

impl Launched {
    /// Unmount the FUSE root and stop its threads (once the container is gone).
    pub fn release_rootfs(&mut self) {
        self.served.take();
        self.shared.take();
    }
}

/// The FUSE driver's parameters for this container.
pub fn fuse_overlay(store: &Store, ctr: &Container) -> FuseOverlay {
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
    FuseOverlay {
        threads: FuseOverlay::default_threads(),
        single_uid,
        mapped_ids,
        lower_overrides,
    }
}

/// Start the container `ctr` with storage driver `driver`; `keep_stdin`: it reads
/// this process's stdin. Must be called while the process has one thread.
pub fn launch(store: &Store, ctr: &Container, driver: &str, keep_stdin: bool) -> Result<Launched> {
    // First, so that the FUSE workers and the container inherit it (and share its CPUs).
    runtime::affinity::apply(&ctr.spec)?;
    let layout = container::rootfs_layout(store, ctr)?;
    let filter = match ctr.spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        Some(profile) => Some(seccomp::compile(profile)?),
        None => None,
    };
    // Blocked before any FUSE worker thread exists, so that only the monitor's signalfd sees them.
    let signals = runtime::block_signals()?;
    let fuse = fuse_overlay(store, ctr);
    let fuse_driver = driver == "fuse-overlay";
    // Dropped last: the bind under the FUSE mount goes after it.
    let shared = match fuse_driver {
        true => Some(FuseOverlay::share_mountpoint(&layout)?),
        false => None,
    };
    let storage: &dyn StorageDriver = if fuse_driver { &fuse } else { &KernelOverlay };
    let fuse_layout = layout.clone();
    let launch = runtime::Launch {
        spec: &ctr.spec,
        layout,
        driver: storage,
        keep_stdin,
        seccomp: filter,
        can_setgroups: !matches!(userns::current(), IdMapping::Single { .. }),
    };
    let (started, served) = runtime::start(&launch, || match fuse_driver {
        true => fuse.serve(&fuse_layout).map(Some),
        false => Ok(None),
    })?;
    Ok(Launched {
        pid: started.pid,
        terminal: started.terminal,
        signals,
        served,
        shared,
    })
}
