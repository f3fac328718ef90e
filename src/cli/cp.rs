//! Handler of `husk cp`: the host side here, the container side in a forked
//! child that takes the container's view (`container::copy`).

use std::fs::File;
use std::os::fd::OwnedFd;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use nix::sys::wait::{waitpid, WaitStatus};
use nix::unistd::{fork, ForkResult};

use super::{store_root, CpArgs};
use crate::config::Config;
use crate::container::copy::{self, Location};
use crate::container::{self, state};
use crate::error::{one_line, ExitCode, EXIT_TOOL};
use crate::store::Store;

pub fn cp(root: Option<PathBuf>, driver: Option<String>, a: CpArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open_existing(&store_root(root)?);
    match (Location::parse(&a.src), Location::parse(&a.dst)) {
        (Location::Host(src), Location::Container(name, dst)) => {
            std::fs::symlink_metadata(&src)
                .with_context(|| format!("{}: no such file or directory", src.display()))?;
            let contents = copy::contents_of(&src);
            let into = |from: File| copy::receive(from, &dst, contents, true);
            let send = |to: File| copy::send(&src, to);
            with_container(&store, &name, &driver, Flow::IntoContainer, into, send)
        }
        (Location::Container(name, src), Location::Host(dst)) => {
            let contents = copy::contents_of(&src);
            let existed = std::fs::symlink_metadata(&dst).is_ok();
            let send = |to: File| copy::send(&src, to);
            let receive = |from: File| copy::receive(from, &dst, contents, a.archive);
            let result = with_container(&store, &name, &driver, Flow::OutOfContainer, send, receive);
            if result.is_err() && !existed {
                // The receiver may have made DST before the sender failed: leave nothing behind.
                let _ = std::fs::remove_dir(&dst);
            }
            result
        }
        _ => bail!("husk cp copies between a container and the host: write one of SRC and DST as CONTAINER:PATH"),
    }
}

/// Whether an error comes from writing to a pipe whose reader is gone.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Which way the archive goes.
#[derive(PartialEq, Eq)]
enum Flow {
    IntoContainer,
    OutOfContainer,
}

/// Fork a child that takes the container's view and runs `inside` on its end of
/// a pipe, while this process runs `outside` on the other end.
fn with_container(
    store: &Store,
    name: &str,
    driver: &str,
    flow: Flow,
    inside: impl FnOnce(File) -> Result<()>,
    outside: impl FnOnce(File) -> Result<()>,
) -> Result<i32> {
    let id = container::find(store, name)?;
    // A stopped container's root is mounted by the child: no start meanwhile.
    let running = state::is_running(&state::current(store, &id)?);
    let _lock = if running {
        None
    } else {
        Some(state::lock(store, &id)?)
    };
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
    let (child_end, our_end): (OwnedFd, OwnedFd) = match flow {
        Flow::IntoContainer => (r, w),
        Flow::OutOfContainer => (w, r),
    };
    // SAFETY: husk is single-threaded here; the child leaves with _exit.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            drop(our_end);
            let done = copy::enter_view(store, &id, driver).and_then(|view| {
                inside(File::from(child_end))?;
                drop(view);
                Ok(())
            });
            let code = match done {
                Ok(()) => 0,
                Err(e) => {
                    // A broken pipe: the host side failed, and says why itself.
                    if !broken_pipe(&e) {
                        eprintln!("Error: {}", one_line(&e));
                    }
                    EXIT_TOOL
                }
            };
            // SAFETY: _exit ends the child without running the parent's exit handlers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(child_end);
            let result = outside(File::from(our_end));
            let status = waitpid(child, None).context("waiting for the copy")?;
            match (result, status) {
                (Ok(()), WaitStatus::Exited(_, 0)) => Ok(0),
                (Err(e), _) if !broken_pipe(&e) => Err(e),
                // The container side failed and said why; a broken pipe here follows from it.
                (_, WaitStatus::Exited(_, code)) if code != 0 => Err(ExitCode(code).into()),
                (Err(e), _) => Err(e),
                (Ok(()), _) => Err(ExitCode(EXIT_TOOL).into()),
            }
        }
    }
}
