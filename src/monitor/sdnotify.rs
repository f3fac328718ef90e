//! systemd's notify protocol (sd_notify(3)): datagrams such as `READY=1` and
//! `MAINPID=N` to the socket `$NOTIFY_SOCKET` names (a path, or `@name` for an
//! abstract socket). `--sdnotify` says who speaks:
//! - `conmon`: the monitor says MAINPID (itself) and READY=1 once the container runs;
//! - `container` (the default): the monitor says MAINPID, and the container gets the
//!   socket (bound at [`CONTAINER_SOCKET`], `$NOTIFY_SOCKET` set) to say READY itself;
//! - `ignore`: nobody says anything.

use std::os::unix::net::{SocketAddr, UnixDatagram};

use anyhow::{Context, Result};

/// Where the container finds the notify socket with `--sdnotify=container`.
pub const CONTAINER_SOCKET: &str = "/run/notify/notify.sock";

/// The modes `--sdnotify` takes.
pub const MODES: [&str; 3] = ["conmon", "container", "ignore"];

/// The socket systemd gave us, if any.
pub fn socket() -> Option<String> {
    std::env::var("NOTIFY_SOCKET")
        .ok()
        .filter(|s| !s.is_empty())
}

/// Send `message` (newline-separated assignments) to `$NOTIFY_SOCKET`.
pub fn send(message: &str) -> Result<()> {
    let Some(path) = socket() else {
        return Ok(());
    };
    let addr = match path.strip_prefix('@') {
        Some(name) => {
            use std::os::linux::net::SocketAddrExt;
            SocketAddr::from_abstract_name(name.as_bytes())
        }
        None => SocketAddr::from_pathname(&path),
    }
    .with_context(|| format!("NOTIFY_SOCKET {path:?}"))?;
    let sock = UnixDatagram::unbound().context("creating a notify socket")?;
    sock.send_to_addr(message.as_bytes(), &addr)
        .with_context(|| format!("notifying {path}"))?;
    Ok(())
}

/// What the monitor says once the container runs, per `mode`.
pub fn started(mode: &str) -> Result<()> {
    let pid = std::process::id();
    match mode {
        "conmon" => send(&format!("MAINPID={pid}\nREADY=1\n")),
        "container" => send(&format!("MAINPID={pid}\n")),
        _ => Ok(()),
    }
}
