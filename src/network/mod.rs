//! Container networking. For now: no network of its own (`none`: a private
//! namespace with only loopback, the default until user-mode networking lands),
//! or the host's (`host`). Also the files every container gets in /etc.

pub mod etc;

use std::path::Path;

use anyhow::{bail, Context, Result};

pub use etc::NameOptions;

/// `--network`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NetworkMode {
    /// A private network namespace with loopback only.
    #[default]
    None,
    /// The host's network namespace.
    Host,
}

impl std::str::FromStr for NetworkMode {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "none" | "private" | "" => Ok(NetworkMode::None),
            "host" => Ok(NetworkMode::Host),
            other => bail!("network mode {other:?} is not supported yet: use none or host"),
        }
    }
}

/// Write the container's /etc/hosts, /etc/hostname and /etc/resolv.conf into `dir`.
pub fn write_etc_files(
    dir: &Path,
    hostname: &str,
    mode: NetworkMode,
    names: &NameOptions,
) -> Result<()> {
    let own = etc::hosts(hostname, names);
    let hosts = match mode {
        // The host's file, with the extra hosts after it.
        NetworkMode::Host => match std::fs::read_to_string("/etc/hosts") {
            Ok(host) => {
                host + &own
                    .lines()
                    .skip(3)
                    .map(|l| format!("{l}\n"))
                    .collect::<String>()
            }
            Err(_) => own,
        },
        NetworkMode::None => own,
    };
    std::fs::write(dir.join("hosts"), hosts).context("writing hosts")?;
    std::fs::write(dir.join("hostname"), format!("{hostname}\n")).context("writing hostname")?;
    let host = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    std::fs::write(dir.join("resolv.conf"), etc::resolv_conf(&host, names))
        .context("writing resolv.conf")?;
    Ok(())
}

/// Bring the loopback interface up in the current (new) network namespace.
pub fn loopback_up() -> std::io::Result<()> {
    // SAFETY: a plain socket(2); the fd is closed below.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: ifreq is plain data; zeroed is a valid value.
    let mut req: libc::ifreq = unsafe { std::mem::zeroed() };
    for (i, b) in b"lo".iter().enumerate() {
        req.ifr_name[i] = *b as libc::c_char;
    }
    // SAFETY: fd is a socket and req a valid ifreq for these ioctls.
    let result = unsafe {
        if libc::ioctl(fd, libc::SIOCGIFFLAGS, &mut req) < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            req.ifr_ifru.ifru_flags |= (libc::IFF_UP | libc::IFF_RUNNING) as libc::c_short;
            if libc::ioctl(fd, libc::SIOCSIFFLAGS, &req) < 0 {
                Err(std::io::Error::last_os_error())
            } else {
                Ok(())
            }
        }
    };
    // SAFETY: fd was opened above and is not used again.
    unsafe { libc::close(fd) };
    result
}
