//! `--network pasta[:OPTIONS]`: a pasta process of the container's own, as
//! podman runs it: the container's namespace gets a copy of the host's
//! addresses and routes, and pasta forwards the published ports itself (so a
//! server in the container sees the client's real address). It costs a
//! process per container and ~50 ms at start; the default bridge network
//! costs neither.
//!
//! pasta drops its capabilities before it opens the namespace it is to join,
//! and the kernel lets a process open another's /proc/PID/ns files only if its
//! capabilities cover the other's: the container process still has all of
//! them then. So the monitor bind-mounts the namespace on a file in its own
//! mount namespace (`RUNDIR/netns/ID`), which pasta, its child, opens instead.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use nix::unistd::Pid;

use super::netns::find_program;
use super::ports::{PortMapping, Protocol};

/// A running pasta for one container; stopped (and its mount removed) on drop.
pub struct Pasta {
    child: Child,
    mount: PathBuf,
}

impl Drop for Pasta {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = nix::mount::umount2(&self.mount, nix::mount::MntFlags::MNT_DETACH);
        let _ = std::fs::remove_file(&self.mount);
    }
}

/// The pasta program, or an error naming the package.
pub fn program() -> Result<PathBuf> {
    find_program("pasta").context("--network pasta needs pasta: apt-get install passt")
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

/// Start pasta on the namespace of the container process `pid` and wait until
/// it has configured it.
pub fn start(id: &str, pid: Pid, ports: &[PortMapping], options: &[String]) -> Result<Pasta> {
    let program = program()?;
    let dir = crate::userns::pause::runtime_dir()?.join("netns");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mount = dir.join(id);
    File::create(&mount).with_context(|| format!("creating {}", mount.display()))?;
    let source = format!("/proc/{pid}/ns/net");
    nix::mount::mount(
        Some(source.as_str()),
        &mount,
        None::<&str>,
        nix::mount::MsFlags::MS_BIND,
        None::<&str>,
    )
    .context("binding the container's network namespace for pasta")?;
    let log = dir.join(format!("{id}.log"));
    let spawned = spawn(&program, &mount, &log, ports, options);
    let child = match spawned {
        Ok(c) => c,
        Err(e) => {
            let _ = nix::mount::umount2(&mount, nix::mount::MntFlags::MNT_DETACH);
            let _ = std::fs::remove_file(&mount);
            return Err(e);
        }
    };
    let mut pasta = Pasta { child, mount };
    let ns = File::open(&source).context("opening the container's network namespace")?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let routed = super::link::run_in(&ns, || Ok(has_default_route()))?;
        if routed {
            return Ok(pasta);
        }
        if let Ok(Some(status)) = pasta.child.try_wait() {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            let last = text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            bail!("pasta failed ({status}): {last}");
        }
        if Instant::now() > deadline {
            bail!("pasta did not configure the container's network in 10 s");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn spawn(
    program: &Path,
    netns: &Path,
    log: &Path,
    ports: &[PortMapping],
    options: &[String],
) -> Result<Child> {
    let log = File::create(log).with_context(|| format!("creating {}", log.display()))?;
    let mut cmd = Command::new(program);
    cmd.args(["--config-net", "--foreground", "--quiet"])
        .args(port_args(ports))
        .args(["-T", "none", "-U", "none", "--runas", "0:0"])
        .args(options)
        .arg("--netns")
        .arg(netns)
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    // SAFETY: async-signal-safe calls between fork and exec: die with the
    // monitor, SIGPIPE back to default (pasta takes an ignored one for a
    // failure), and the signals the monitor blocks unblocked.
    unsafe {
        std::os::unix::process::CommandExt::pre_exec(&mut cmd, || {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            let mut none: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut none);
            libc::sigprocmask(libc::SIG_SETMASK, &none, std::ptr::null_mut());
            Ok(())
        });
    }
    cmd.spawn()
        .with_context(|| format!("starting {}", program.display()))
}

/// Whether the calling thread's namespace has a default route (pasta is done).
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
