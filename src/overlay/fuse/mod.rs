//! husk's FUSE overlay driver: the overlay file system ([`fs`]) served by the
//! container's monitor over /dev/fuse, on fuse-backend-rs's transport.
//!
//! The monitor mounts it (mount(2) with `fd=`, `allow_other`,
//! `default_permissions`; no fusermount3) in its own mount namespace before the
//! container process is cloned, which then finds its root already mounted.
//! Worker threads answer requests until the container is gone; dropping the
//! [`Served`] guard unmounts, wakes and joins them. The request loop is husk's
//! own ([`channel`]).

mod channel;
mod copyup;
pub mod fs;
mod layers;
mod nodes;
pub mod prefetch;
mod splice;

use std::ffi::CString;
use std::fs::OpenOptions;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::sync::Arc;
use std::thread::JoinHandle;

use anyhow::{bail, Context, Result};
use fuse_backend_rs::api::server::Server;

use super::{RootfsLayout, StorageDriver};
use channel::{Spinner, Stopper};
use fs::OverlayFs;
use layers::Layers;

/// The driver.
pub struct FuseOverlay {
    /// Worker threads serving requests.
    pub threads: usize,
    /// No subordinate ids: keep owners in the override xattr.
    pub single_uid: bool,
    /// How many container ids (0..n) the user namespace maps.
    pub mapped_ids: u32,
    /// The container's own id map, through which owners are presented.
    pub idmap: Option<crate::userns::idmap::ContainerIdMap>,
    /// Per lower layer, lowest first (as `RootfsLayout::lowers`): whether it has override xattrs.
    pub lower_overrides: Vec<bool>,
    /// Files to make before serving, where nothing is yet: the targets of the
    /// container's file bind mounts (see `copyup::create_file_targets`).
    pub file_targets: Vec<Vec<u8>>,
    /// Where they are made: a directory of the container's own on tmpfs, served
    /// as a layer just under the upper one (the upper layer is on the store's
    /// disk, where each inode made, and removed with the container, costs
    /// 0.05-0.3 ms on a journal-less ext4). None: in the upper layer.
    pub mountpoints_layer: Option<std::path::PathBuf>,
}

impl FuseOverlay {
    /// One worker per core beyond the container's own, at least one and at most four.
    /// The worker that answered polls for the next request, so on two cores a second
    /// worker only takes CPU from the container (measured: tar -x 10% slower).
    pub fn default_threads() -> usize {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        cores.saturating_sub(1).clamp(1, 4)
    }
}

/// A mounted and served overlay; unmounts and stops its threads when dropped.
pub struct Served {
    /// Where it is mounted (changed if the container's directory is renamed).
    pub target: std::path::PathBuf,
    stopper: Arc<Stopper>,
    workers: Vec<JoinHandle<()>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = nix::mount::umount2(&self.target, nix::mount::MntFlags::MNT_DETACH);
        self.stopper.stop();
        for w in self.workers.drain(..) {
            let _ = w.join();
        }
    }
}

/// A request buffer: the largest write (1 MiB, MAX_PAGES) and its headers.
const BUFSIZE: usize = 1024 * 1024 + 4096;

/// The bind mount [`FuseOverlay::share_mountpoint`] made; unmounted when dropped
/// (after the [`Served`] overlay on top of it), so the container directory can go.
pub struct SharedMountpoint {
    pub target: std::path::PathBuf,
}

impl Drop for SharedMountpoint {
    fn drop(&mut self) {
        let _ = nix::mount::umount2(&self.target, nix::mount::MntFlags::MNT_DETACH);
    }
}

impl FuseOverlay {
    /// Make the mountpoint a shared mount, so that the FUSE mount made there after
    /// the container process was cloned (see `runtime::start`) reaches it too.
    /// Called before the clone, in husk's own mount namespace; the guard undoes it.
    pub fn share_mountpoint(layout: &RootfsLayout) -> Result<SharedMountpoint> {
        use nix::mount::{mount, MsFlags};
        let t = layout.target.as_path();
        mount(Some(t), t, None::<&str>, MsFlags::MS_BIND, None::<&str>)
            .context("binding the rootfs mountpoint")?;
        let guard = SharedMountpoint {
            target: t.to_path_buf(),
        };
        mount(
            None::<&str>,
            t,
            None::<&str>,
            MsFlags::MS_SHARED,
            None::<&str>,
        )
        .context("sharing the rootfs mountpoint")?;
        Ok(guard)
    }

    /// The container's layers, upper first, with its own layer of mount
    /// targets (`mountpoints_layer`) just under the upper one, made now with
    /// the targets of its file binds (/etc/hosts, /.dockerenv...) in it.
    fn layers_with_mountpoints(&self, layout: &RootfsLayout) -> Result<Layers> {
        let own = self.mountpoints_layer.as_deref();
        if let Some(dir) = own {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let lowers: Vec<&std::path::Path> = own
            .into_iter()
            .chain(layout.lowers.iter().rev().map(|p| p.as_path()))
            .collect();
        let layers = Layers::open(&layout.upper, &lowers).context("opening the layers")?;
        let into = if own.is_some() { 1 } else { layers::UPPER };
        copyup::create_file_targets(&layers, into, &self.file_targets);
        Ok(layers)
    }

    /// For the kernel's overlay: the layer of mount targets made (see
    /// [`Self::layers_with_mountpoints`]), and `layout` with it as its
    /// `mountpoints` (the top lower layer), so that the targets a start makes
    /// (empty files, their parent directories copied up) are not made in the
    /// upper layer, where `diff` and `commit` would take them for the
    /// container's changes.
    pub fn with_mountpoints_below_upper(&self, layout: &RootfsLayout) -> Result<RootfsLayout> {
        let Some(dir) = &self.mountpoints_layer else {
            return Ok(layout.clone());
        };
        self.layers_with_mountpoints(layout)?;
        let mut out = layout.clone();
        out.mountpoints = Some(dir.clone());
        Ok(out)
    }

    /// Mount the overlay at `layout.target` and start serving it.
    pub fn serve(&self, layout: &RootfsLayout) -> Result<Served> {
        let own = self.mountpoints_layer.as_deref();
        let layers = self.layers_with_mountpoints(layout)?;
        // The own layer's copies keep the image's override xattrs, if any.
        let overrides: Vec<bool> = own
            .map(|_| true)
            .into_iter()
            .chain(self.lower_overrides.iter().rev().copied())
            .collect();
        let fs = OverlayFs::new(
            layers,
            self.single_uid,
            self.mapped_ids,
            self.idmap.clone(),
            &overrides,
        )
        .context("building the overlay")?;
        let dev = OpenOptions::new().read(true).write(true).open("/dev/fuse").context(
            "opening /dev/fuse (it must be readable and writable by you: the fuse3 package sets it 0666)",
        )?;
        let opts = format!(
            "fd={},rootmode=40000,user_id=0,group_id=0,allow_other,default_permissions,max_read={}",
            dev.as_raw_fd(),
            BUFSIZE
        );
        let target = CString::new(layout.target.as_os_str().as_bytes())?;
        let opts = CString::new(opts)?;
        // SAFETY: NUL-terminated strings that outlive the call.
        let r = unsafe {
            libc::mount(
                c"husk".as_ptr(),
                target.as_ptr(),
                c"fuse.husk".as_ptr(),
                libc::MS_NODEV,
                opts.as_ptr().cast(),
            )
        };
        if r != 0 {
            bail!(
                "mounting the FUSE overlay: {}",
                std::io::Error::last_os_error()
            );
        }
        // SAFETY: fcntl on the fd we own.
        unsafe { libc::fcntl(dev.as_raw_fd(), libc::F_SETFL, libc::O_NONBLOCK) };
        let mut served = Served {
            target: layout.target.clone(),
            stopper: Arc::new(Stopper::new().context("FUSE stopper")?),
            workers: Vec::new(),
        };
        let dev = Arc::new(dev);
        let fs = Arc::new(fs);
        let server = Arc::new(Server::new(fs.clone()));
        let spinner = Arc::new(Spinner::default());
        for i in 0..self.threads.max(1) {
            let (dev, server, fs, stopper, spinner) = (
                dev.clone(),
                server.clone(),
                fs.clone(),
                served.stopper.clone(),
                spinner.clone(),
            );
            let worker = std::thread::Builder::new()
                .name(format!("husk-fuse-{i}"))
                .spawn(move || {
                    // A root and working directory of the worker's own: the server reaches
                    // layers through /proc/self/fd, which must stay the host's /proc even
                    // if the thread that mounted chroots into the overlay (husk cp).
                    // SAFETY: unshare of this thread's fs attributes only.
                    if unsafe { libc::unshare(libc::CLONE_FS) } != 0 {
                        return;
                    }
                    // An error here means the device is unusable: the mount is gone with it.
                    let _ = channel::serve(&dev, &server, &fs, &stopper, &spinner, BUFSIZE);
                })?;
            served.workers.push(worker);
        }
        Ok(served)
    }
}

impl StorageDriver for FuseOverlay {
    fn name(&self) -> &'static str {
        "fuse-overlay"
    }

    fn mount(&self, _layout: &RootfsLayout) -> Result<()> {
        Ok(()) // mounted by the monitor before the container process was cloned
    }
}
