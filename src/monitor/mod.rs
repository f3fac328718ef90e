//! The monitor: the husk process that keeps a running container, as conmon does
//! for podman. In the foreground (`husk run`, `husk start -a`) it is the husk
//! command itself ([`foreground`]); for `husk run -d` and `husk start` it is a
//! detached husk process of its own ([`detached`]) that logs the container's
//! output ([`log`]), records its exit and applies `--restart` and `--rm`.
//! Both start the container with [`launch`].

pub mod attach;
pub mod detached;
pub mod foreground;
pub mod health;
pub mod journal;
pub mod launch;
pub mod log;
pub mod sdnotify;
pub mod timeout;

pub use foreground::copy_window_size;

use nix::sys::wait::WaitStatus;

/// The exit code for a wait status, as shells report it.
pub fn exit_code(status: WaitStatus) -> Option<i32> {
    match status {
        WaitStatus::Exited(_, code) => Some(code),
        WaitStatus::Signaled(_, sig, _) => Some(128 + sig as i32),
        _ => None,
    }
}
