//! systemd's notify protocol (sd_notify(3)): datagrams such as `READY=1` and
//! `MAINPID=N` to the socket `$NOTIFY_SOCKET` names (a path, or `@name` for an
//! abstract socket). `--sdnotify` says who speaks:
//! - `conmon`: the monitor says MAINPID (itself) and READY=1 once the container runs;
//! - `container` (the default): the monitor says MAINPID, and the container gets the
//!   socket (bound at [`CONTAINER_SOCKET`], `$NOTIFY_SOCKET` set) to say READY itself;
//! - `healthy` (podman's): the monitor says MAINPID, then READY=1 once the
//!   container's health check has passed (its timer's thread says it);
//! - `ignore`: nobody says anything.

use std::os::unix::net::{SocketAddr, UnixDatagram};

use anyhow::{Context, Result};

/// Where the container finds the notify socket with `--sdnotify=container`.
pub const CONTAINER_SOCKET: &str = "/run/notify/notify.sock";

/// The modes `--sdnotify` takes.
pub const MODES: [&str; 4] = ["conmon", "container", "healthy", "ignore"];

/// Who tells systemd (see the module docs); kept in the container's record
/// by these names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Conmon,
    #[default]
    Container,
    Healthy,
    Ignore,
}

impl std::str::FromStr for Mode {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Mode> {
        match s {
            "conmon" => Ok(Mode::Conmon),
            "container" => Ok(Mode::Container),
            "healthy" => Ok(Mode::Healthy),
            "ignore" => Ok(Mode::Ignore),
            _ => anyhow::bail!("invalid --sdnotify {s:?}: expected {}", MODES.join(", ")),
        }
    }
}

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
pub fn started(mode: Mode) -> Result<()> {
    let pid = std::process::id();
    match mode {
        Mode::Conmon => send(&format!("MAINPID={pid}\nREADY=1\n")),
        Mode::Container | Mode::Healthy => send(&format!("MAINPID={pid}\n")),
        Mode::Ignore => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::Mode;

    #[test]
    fn modes_read_and_keep_their_names() {
        assert_eq!("conmon".parse::<Mode>().unwrap(), Mode::Conmon);
        assert!("loud".parse::<Mode>().is_err());
        // As records of every husk version keep it.
        assert_eq!(serde_json::to_string(&Mode::Ignore).unwrap(), r#""ignore""#);
        assert_eq!(
            serde_json::from_str::<Mode>(r#""container""#).unwrap(),
            Mode::Container
        );
        assert_eq!(Mode::default(), Mode::Container);
    }
}
