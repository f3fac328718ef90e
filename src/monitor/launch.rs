//! Starting a container's process on its root file system: the part the
//! foreground monitor and the detached one share. Mounts (or serves) the
//! rootfs with the chosen storage driver and hands back the running process.

use std::os::fd::OwnedFd;

use anyhow::{bail, Context, Result};
use nix::sys::signal::SigSet;
use nix::unistd::Pid;

use crate::container::{self, Container};
use crate::network;
use crate::overlay::fuse::{prefetch, FuseOverlay, Served, SharedMountpoint};
use crate::overlay::kernel::KernelOverlay;
use crate::overlay::rootfs;
use crate::overlay::vfs::Vfs;
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
    network: Option<network::attach::Attached>,
}

impl Launched {
    /// The container's directory was renamed (`--rm`): its root is mounted at
    /// `rootfs` now, where dropping this unmounts it.
    pub fn moved_to(&mut self, rootfs: &std::path::Path) {
        if let Some(s) = self.served.as_mut() {
            s.target = rootfs.to_path_buf();
        }
        if let Some(s) = self.shared.as_mut() {
            s.target = rootfs.to_path_buf();
        }
    }

    /// What the state should say of its network while it runs.
    pub fn network_state(&self) -> Option<network::Running> {
        let n = self.network.as_ref()?;
        (!n.leases.is_empty() || !n.ports.is_empty()).then(|| network::Running {
            addresses: n.leases.clone(),
            ports: n.ports.clone(),
        })
    }

    /// Close its published ports and give back its addresses (once it is gone).
    pub fn release_network(&mut self) {
        self.network.take();
    }
}

/// The FUSE driver's parameters for this container (the kernel overlay
/// driver takes its layer of mountpoints from them too).
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
        idmap: ctr.record.userns.as_ref().map(|u| u.map.clone()),
        lower_overrides,
        file_targets: file_targets(&ctr.spec),
        mountpoints_layer: container::run_dir(&ctr.record.id)
            .ok()
            .map(|d| d.join("mountpoints")),
    }
}

/// The destinations of the spec's bind mounts of files ("etc/hosts"), which
/// the FUSE driver makes before it serves the root.
fn file_targets(spec: &oci_spec::runtime::Spec) -> Vec<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    spec.mounts()
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|m| runtime::is_bind(m) && m.source().as_deref().is_some_and(|s| s.is_file()))
        .filter_map(|m| {
            let d = m.destination().as_os_str().as_bytes();
            d.strip_prefix(b"/").map(<[u8]>::to_vec)
        })
        .collect()
}

/// Start the container `ctr` with storage driver `driver`; `keep_stdin`: it reads
/// this process's stdin. Must be called while the process has one thread.
/// `preserve_fds`: fds 3..3+N of this monitor are handed on (`--preserve-fds`).
pub fn launch(
    store: &Store,
    ctr: &Container,
    driver: &str,
    keep_stdin: bool,
    preserve_fds: i32,
) -> Result<Launched> {
    // First: it may fork the per-user network namespace's holder, and binds the published ports.
    crate::timeline::mark("launch");
    container::ensure_generated(store, ctr)?;
    let net = network::attach::prepare(store, ctr)?;
    crate::timeline::mark("network prepared");
    // So that the FUSE workers and the container inherit it (and share its CPUs).
    runtime::affinity::apply(&ctr.spec)?;
    let layout = container::rootfs_layout(store, ctr)?;
    let filter = seccomp::filter_for(&ctr.spec, &seccomp::cache_dir()?)?;
    // Blocked before any FUSE worker thread exists, so that only the monitor's signalfd sees them.
    let signals = runtime::block_signals()?;
    // The driver it was created with, whatever this command's is; a --rootfs
    // directory without :O is bound as it is.
    let host_root = rootfs::HostRoot::of(&ctr.record);
    let driver = match host_root {
        Some(_) => "rootfs",
        None => ctr.record.driver.map_or(driver, |d| d.as_str()),
    };
    let fuse = fuse_overlay(store, ctr);
    let fuse_driver = driver == "fuse-overlay";
    if driver == "vfs" {
        Vfs::prepare(&layout, &store.tmp_dir())?;
    }
    fresh_overlay_volumes(ctr)?;
    if !fuse_driver && ctr.record.userns.is_some() {
        bail!(
            "container {} has its own id map (--userns/--uidmap): only the fuse-overlay storage driver presents the image through it",
            ctr.record.name
        );
    }
    // Dropped last: the bind under the FUSE mount goes after it.
    let shared = match fuse_driver {
        true => Some(FuseOverlay::share_mountpoint(&layout)?),
        false => None,
    };
    let storage: &dyn StorageDriver = match (&host_root, driver) {
        (Some(root), _) => root,
        (None, "fuse-overlay") => &fuse,
        (None, "vfs") => &Vfs,
        (None, _) => &KernelOverlay,
    };
    // The kernel's overlay gets the mount targets in a layer of their own too.
    let layout = match storage.name() == KernelOverlay.name() {
        true => fuse.with_mountpoints_below_upper(&layout)?,
        false => layout,
    };
    let fuse_layout = layout.clone();
    // Copied only when a namespace to join is known now.
    let spec = with_joined_namespaces(store, &ctr.spec, net.join.as_deref())?;
    let launch = runtime::Launch {
        spec: &spec,
        layout,
        driver: storage,
        keep_stdin,
        preserve_fds,
        seccomp: filter,
        can_setgroups: !matches!(userns::current(), IdMapping::Single { .. }),
        connect_beside: !net.starts_helper(),
    };
    crate::timeline::mark("clone");
    // The network is connected while the container process sets up its root.
    let (started, served, network) = runtime::start(
        &launch,
        |_| {
            let served = match fuse_driver {
                true => fuse.serve(&fuse_layout).map(Some)?,
                false => None,
            };
            if fuse_driver {
                prefetch::start(&fuse_layout.target, prefetch::Plan::of(&ctr.spec));
            }
            crate::timeline::mark("rootfs served");
            Ok(served)
        },
        |netns| {
            let attached = net.attach(store, ctr, netns)?;
            crate::timeline::mark("network attached");
            Ok(attached)
        },
    )?;
    Ok(Launched {
        pid: started.pid,
        terminal: started.terminal,
        signals,
        served,
        shared,
        network: Some(network),
    })
}

/// `-v SRC:DST:O`: each overlay volume starts with an empty upper layer (what the
/// container wrote there the last time is gone, as in podman).
fn fresh_overlay_volumes(ctr: &Container) -> Result<()> {
    let base = ctr.dir.join(container::spec::OVERLAY_DIR);
    match std::fs::remove_dir_all(&base) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(e).with_context(|| format!("emptying {}", base.display()))
        }
        _ => {}
    }
    let mounts = ctr.spec.mounts().as_deref().unwrap_or_default();
    for m in mounts
        .iter()
        .filter(|m| m.typ().as_deref() == Some("overlay"))
    {
        for o in m.options().as_deref().unwrap_or_default() {
            if let Some(dir) = o
                .strip_prefix("upperdir=")
                .or_else(|| o.strip_prefix("workdir="))
            {
                std::fs::create_dir_all(dir).with_context(|| format!("creating {dir}"))?;
            }
        }
    }
    Ok(())
}

/// The spec with the paths of the namespaces it joins: the network's
/// (`network`: `container:`, `ns:`), and those of the containers whose pid, ipc
/// or uts namespace it shares (which must be running now; with ipc, their /dev/shm).
fn with_joined_namespaces<'a>(
    store: &Store,
    spec: &'a oci_spec::runtime::Spec,
    network: Option<&std::path::Path>,
) -> Result<std::borrow::Cow<'a, oci_spec::runtime::Spec>> {
    use oci_spec::runtime::LinuxNamespaceType;
    let mut out = std::borrow::Cow::Borrowed(spec);
    if let Some(path) = network {
        out = std::borrow::Cow::Owned(with_namespace_path(&out, LinuxNamespaceType::Network, path));
    }
    let annotations = spec.annotations().clone().unwrap_or_default();
    for (key, kind) in container::spec::ANNOTATION_JOIN {
        let Some(other) = annotations.get(key) else {
            continue;
        };
        let id = container::find(store, other)?;
        let file = match kind {
            LinuxNamespaceType::Pid => "pid",
            LinuxNamespaceType::Ipc => "ipc",
            _ => "uts",
        };
        let pid = container::state::running_pid(&container::state::current(store, &id)?)
            .with_context(|| {
                format!("cannot join the {file} namespace of container {other}: it is not running")
            })?;
        let path = std::path::PathBuf::from(format!("/proc/{pid}/ns/{file}"));
        let mut joined = with_namespace_path(&out, kind, &path);
        if kind == LinuxNamespaceType::Ipc {
            let mut a = joined.annotations().clone().unwrap_or_default();
            a.insert(
                container::spec::ANNOTATION_SHM_FROM.to_string(),
                format!("/proc/{pid}/ns/mnt"),
            );
            joined.set_annotations(Some(a));
        }
        out = std::borrow::Cow::Owned(joined);
    }
    Ok(out)
}

/// The spec with its namespace of type `kind` given as `path`.
fn with_namespace_path(
    spec: &oci_spec::runtime::Spec,
    kind: oci_spec::runtime::LinuxNamespaceType,
    path: &std::path::Path,
) -> oci_spec::runtime::Spec {
    use oci_spec::runtime::LinuxNamespaceBuilder;
    let mut spec = spec.clone();
    if let Some(linux) = spec.linux_mut() {
        let namespaces = linux
            .namespaces()
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|ns| {
                if ns.typ() == kind {
                    LinuxNamespaceBuilder::default()
                        .typ(kind)
                        .path(path.to_path_buf())
                        .build()
                        .unwrap_or(ns)
                } else {
                    ns
                }
            });
        linux.set_namespaces(Some(namespaces.collect()));
    }
    spec
}
