//! `--network pasta[:OPTIONS]` and `--network slirp4netns[:OPTIONS]`: a
//! user-mode network helper of the container's own, as podman runs them.
//! With pasta the container's namespace gets a copy of the host's addresses
//! and routes, and pasta forwards the published ports itself (so a server in
//! the container sees the client's real address). slirp4netns gives it
//! 10.0.2.100/24 behind a NAT; its published ports are forwarded by the
//! monitor (`ports.rs`) to the container's loopback, as podman's rootlesskit
//! port handler does. Either costs a process per container and tens of ms at
//! start; the default bridge network costs neither.
//!
//! pasta drops its capabilities before it opens the namespace it is to join,
//! and the kernel lets a process open another's /proc/PID/ns files only if its
//! capabilities cover the other's: the container process still has all of
//! them then. So the monitor bind-mounts the namespace on a file in its own
//! mount namespace (`RUNDIR/netns/ID`), which the helper, its child, opens instead.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use super::netns::find_program;
use super::ports::{PortMapping, Protocol};

/// Which helper, with the user's options.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Private {
    Pasta(Vec<String>),
    Slirp4netns(Slirp4netnsOptions),
}

/// podman's `slirp4netns:` options that husk takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Slirp4netnsOptions {
    /// `allow_host_loopback=true`: 10.0.2.2 reaches the host's loopback.
    pub allow_host_loopback: bool,
    pub mtu: Option<u32>,
}

impl Slirp4netnsOptions {
    pub fn parse(text: &str) -> Result<Slirp4netnsOptions> {
        let mut o = Slirp4netnsOptions::default();
        for opt in text.split(',').filter(|o| !o.is_empty()) {
            match opt.split_once('=') {
                Some(("allow_host_loopback", v)) => o.allow_host_loopback = v == "true",
                Some(("mtu", v)) => {
                    o.mtu = Some(v.parse().ok().filter(|m| (68..=65521).contains(m)).with_context(|| {
                        format!("invalid slirp4netns option {opt:?}: an MTU of 68 to 65521")
                    })?)
                }
                _ => bail!("slirp4netns option {opt:?} is not supported: allow_host_loopback=true|false, mtu=N"),
            }
        }
        Ok(o)
    }
}

impl Private {
    fn name(&self) -> &'static str {
        match self {
            Private::Pasta(_) => "pasta",
            Private::Slirp4netns(_) => "slirp4netns",
        }
    }

    /// Whether the helper forwards published ports itself (else the monitor does).
    pub fn publishes(&self) -> bool {
        matches!(self, Private::Pasta(_))
    }
}

/// A running helper for one container; stopped (and its mount removed) on drop.
pub struct Running {
    child: Child,
    mount: PathBuf,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = nix::mount::umount2(&self.mount, nix::mount::MntFlags::MNT_DETACH);
        let _ = std::fs::remove_file(&self.mount);
    }
}

/// The helper's program, or an error naming the package.
pub fn program(which: &Private) -> Result<PathBuf> {
    match which {
        Private::Pasta(_) => {
            find_program("pasta").context("--network pasta needs pasta: apt-get install passt")
        }
        Private::Slirp4netns(_) => find_program("slirp4netns")
            .context("--network slirp4netns needs slirp4netns: apt-get install slirp4netns"),
    }
}

/// pasta's port options for `ports` (all with a host port by now).
fn port_args(ports: &[PortMapping]) -> Vec<String> {
    let mut args = Vec::new();
    for proto in [Protocol::Tcp, Protocol::Udp] {
        let specs: Vec<String> = ports
            .iter()
            .filter(|p| p.protocol == proto)
            .map(|p| {
                let ip = p.host_ip.map(|i| format!("{i}/")).unwrap_or_default();
                format!("{ip}{}:{}", p.host_port, p.container_port)
            })
            .collect();
        let flag = if proto == Protocol::Tcp { "-t" } else { "-u" };
        args.push(flag.to_string());
        args.push(if specs.is_empty() {
            "none".into()
        } else {
            specs.join(",")
        });
    }
    args
}

/// Start the helper on the container's network namespace (`netns`: a file of
/// it) and wait until it has configured it (`ports`: what pasta is to publish).
pub fn start(id: &str, netns: &Path, which: &Private, ports: &[PortMapping]) -> Result<Running> {
    let program = program(which)?;
    let dir = crate::userns::pause::runtime_dir()?.join("netns");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mount = dir.join(id);
    File::create(&mount).with_context(|| format!("creating {}", mount.display()))?;
    nix::mount::mount(
        Some(netns),
        &mount,
        None::<&str>,
        nix::mount::MsFlags::MS_BIND,
        None::<&str>,
    )
    .context("binding the container's network namespace for its helper")?;
    let log = dir.join(format!("{id}.log"));
    let spawned = spawn(&program, &log, &arguments(which, ports, &mount));
    let child = match spawned {
        Ok(c) => c,
        Err(e) => {
            let _ = nix::mount::umount2(&mount, nix::mount::MntFlags::MNT_DETACH);
            let _ = std::fs::remove_file(&mount);
            return Err(e);
        }
    };
    let mut helper = Running { child, mount };
    let ns = File::open(netns).context("opening the container's network namespace")?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let routed = super::link::run_in(&ns, || Ok(has_default_route()))?;
        if routed {
            return Ok(helper);
        }
        if let Ok(Some(status)) = helper.child.try_wait() {
            let last = last_log_line(&log);
            bail!("{} failed ({status}): {last}", which.name());
        }
        if Instant::now() > deadline {
            bail!(
                "{} did not configure the container's network in 10 s",
                which.name()
            );
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// The helper's command line, on the namespace file `netns`.
fn arguments(which: &Private, ports: &[PortMapping], netns: &Path) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = Vec::new();
    match which {
        Private::Pasta(options) => {
            for a in ["--config-net", "--foreground", "--quiet"] {
                args.push(a.into());
            }
            args.extend(port_args(ports).into_iter().map(Into::into));
            for a in ["-T", "none", "-U", "none", "--runas", "0:0"] {
                args.push(a.into());
            }
            args.extend(options.iter().map(Into::into));
            args.push("--netns".into());
            args.push(netns.into());
        }
        Private::Slirp4netns(o) => {
            args.push("--configure".into());
            args.push(format!("--mtu={}", o.mtu.unwrap_or(65520)).into());
            if !o.allow_host_loopback {
                args.push("--disable-host-loopback".into());
            }
            args.push("--netns-type=path".into());
            args.push(netns.into());
            args.push("tap0".into());
        }
    }
    args
}

fn spawn(program: &Path, log: &Path, args: &[std::ffi::OsString]) -> Result<Child> {
    let log = File::create(log).with_context(|| format!("creating {}", log.display()))?;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    // SAFETY: `before_exec` makes only async-signal-safe calls.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut cmd, || {
            before_exec();
            Ok(())
        });
    }
    cmd.spawn()
        .with_context(|| format!("starting {}", program.display()))
}

/// In a helper's process between fork and exec: die with the parent (the
/// monitor, or the namespace's holder), SIGPIPE back to its default (Rust
/// ignores it, an ignored signal survives exec, and pasta takes an ignored
/// SIGPIPE for a failure to set itself up), and no signal blocked (the
/// monitor blocks those it reads from a signalfd). Async-signal-safe.
pub fn before_exec() {
    // SAFETY: prctl, signal and sigprocmask with valid arguments; no allocation.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        let mut none: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut none);
        libc::sigprocmask(libc::SIG_SETMASK, &none, std::ptr::null_mut());
    }
}

/// The last line a helper wrote to its log (for an error message), with the
/// fix when it is the usual one: /dev/net/tun closed to ordinary users.
pub fn last_log_line(log: &Path) -> String {
    let line = std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    if line.contains("/dev/net/tun") || !tun_usable() {
        return format!(
            "{line} (/dev/net/tun must be usable by you: as root, chmod 0666 /dev/net/tun)"
        );
    }
    line
}

/// Whether this user may open /dev/net/tun.
fn tun_usable() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/net/tun")
        .is_ok()
}

/// Whether the calling thread's namespace has a default route (the helper is done).
fn has_default_route() -> bool {
    std::fs::read_to_string("/proc/thread-self/net/route")
        .map(|t| {
            t.lines()
                .skip(1)
                .any(|l| l.split_whitespace().nth(1) == Some("00000000"))
        })
        .unwrap_or(false)
}

/// Split `pasta:OPT,OPT` into pasta's arguments (podman's syntax).
pub fn options(text: &str) -> Vec<String> {
    text.split(',')
        .filter(|o| !o.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_become_pasta_specs() {
        let ports = [
            super::super::ports::parse("127.0.0.1:8080:80").unwrap(),
            super::super::ports::parse("5353:53/udp").unwrap(),
        ]
        .concat();
        assert_eq!(
            port_args(&ports),
            ["-t", "127.0.0.1/8080:80", "-u", "5353:53"]
        );
        assert_eq!(port_args(&[]), ["-t", "none", "-u", "none"]);
        assert_eq!(options("--mtu,1500"), ["--mtu", "1500"]);
    }
}
