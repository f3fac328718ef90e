//! The per-user network namespace ("rootless netns", as docker's rootless mode
//! and podman have one): the bridges of all networks live in it, and one
//! user-mode helper (pasta, else slirp4netns) connects it to the host's
//! network. Containers on a bridge network get a veth pair into it (`attach.rs`).
//!
//! It is kept by a small husk process, `husk-netns` (pid and facts in
//! `RUNDIR/netns.json`), forked by the first monitor that needs it, detached
//! like the pause process and in the same user namespace. That process:
//! 1. opens, while still in the host's network namespace, the UDP socket its
//!    DNS responder forwards queries on (so a loopback resolver of the host,
//!    such as systemd-resolved's 127.0.0.53, still answers);
//! 2. unshares a network namespace: loopback up, forwarding on, an nftables
//!    table that masquerades what leaves through the helper's `tap0`;
//! 3. starts the helper attached to it and waits for `tap0` to get its address;
//! 4. answers DNS (`dns.rs`) until the helper exits, then exits too (the next
//!    command that needs the namespace makes a new one).
//!
//! A holder is trusted only if it is ours, named `husk-netns`, and in our user
//! namespace (after `husk system reset`, the next holder is made in the new one).

use std::ffi::CString;
use std::fs::{self, File};
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::{fork, ForkResult, Pid};
use serde::{Deserialize, Serialize};

use super::link;
use crate::store::lock::Lock;

const NAME: &str = "husk-netns";
/// The helper's interface in the namespace.
pub const TAP: &str = "tap0";

/// Which user-mode network helper connects the namespace to the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Helper {
    Pasta,
    Slirp4netns,
}

impl Helper {
    pub fn program(self) -> &'static str {
        match self {
            Helper::Pasta => "pasta",
            Helper::Slirp4netns => "slirp4netns",
        }
    }

    /// The one configured in husk.toml (`network-helper`), else pasta if
    /// installed, else slirp4netns.
    pub fn choose(configured: Option<&str>) -> Result<(Helper, PathBuf)> {
        let wanted = match configured {
            Some("pasta") => vec![Helper::Pasta],
            Some("slirp4netns") => vec![Helper::Slirp4netns],
            Some(other) => bail!("husk.toml: network-helper = {other:?}: use pasta or slirp4netns"),
            None => vec![Helper::Pasta, Helper::Slirp4netns],
        };
        for h in &wanted {
            if let Some(p) = find_program(h.program()) {
                return Ok((*h, p));
            }
        }
        bail!(
            "no user-mode network helper: install passt (pasta) or slirp4netns \
             (apt-get install passt), or run with --network none or --network host"
        )
    }
}

/// `name` on PATH, or in the sbin directories (nft lives there).
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into());
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/sbin", "/usr/bin", "/bin"].map(PathBuf::from))
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// What `RUNDIR/netns.json` records.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Facts {
    pub pid: i32,
    pub start: Option<u64>,
    pub helper: Helper,
    /// The address that reaches the host's loopback from inside
    /// (`host.containers.internal`): the helper maps it there.
    pub host_address: Ipv4Addr,
}

/// The namespace, open.
pub struct Rootless {
    pub netns: File,
    pub facts: Facts,
}

fn facts_path() -> Result<PathBuf> {
    Ok(crate::userns::pause::runtime_dir()?.join("netns.json"))
}

/// The holder's facts, if it runs and is ours (for `husk info` and checks).
pub fn current() -> Option<Facts> {
    recorded().filter(valid)
}

/// The recorded holder if that process still runs as `husk-netns` (without
/// the user-namespace check: for `husk info`, which stays outside).
pub fn recorded() -> Option<Facts> {
    let facts: Facts = serde_json::from_slice(&fs::read(facts_path().ok()?).ok()?).ok()?;
    alive(&facts).then_some(facts)
}

/// Whether the recorded process still runs, as `husk-netns` and the same process.
fn alive(facts: &Facts) -> bool {
    let named =
        fs::read_to_string(format!("/proc/{}/comm", facts.pid)).is_ok_and(|c| c.trim() == NAME);
    named && crate::container::state::same_process(Some(facts.pid), facts.start)
}

/// `alive`, ours, and in our user namespace.
fn valid(facts: &Facts) -> bool {
    let proc_dir = PathBuf::from(format!("/proc/{}", facts.pid));
    let ours = fs::metadata(&proc_dir).is_ok_and(|m| m.uid() == nix::unistd::getuid().as_raw());
    let ino = |p: PathBuf| fs::metadata(p).map(|m| (m.dev(), m.ino())).ok();
    let same_userns = ino(proc_dir.join("ns/user")).is_some()
        && ino(proc_dir.join("ns/user")) == ino(PathBuf::from("/proc/self/ns/user"));
    ours && same_userns && alive(facts)
}

/// The namespace, made (with its holder) if there is none. Called by a monitor
/// before it starts the container, while it has one thread.
pub fn ensure() -> Result<Rootless> {
    if let Some(r) = open_current() {
        return Ok(r);
    }
    let dir = crate::userns::pause::runtime_dir()?;
    let _lock = Lock::exclusive(&dir.join("netns.lock"))?;
    if let Some(r) = open_current() {
        return Ok(r);
    }
    // One of another user namespace (the pause process was replaced): no one
    // can use it any more.
    kill_recorded();
    let config = crate::config::Config::load()?;
    let (helper, program) = Helper::choose(config.network_helper.as_deref())?;
    let nft = find_program("nft").context(
        "nft not found: bridge networks need nftables (apt-get install nftables), \
         or run with --network none, host or pasta",
    )?;
    let servers = match &config.dns_upstream {
        Some(list) => list.clone(),
        None => host_nameservers(),
    };
    let plan = Plan {
        helper,
        program,
        nft,
        servers,
    };
    let facts = spawn(&plan)?;
    let path = facts_path()?;
    let tmp = path.with_extension(format!("json.{}", std::process::id()));
    fs::write(&tmp, serde_json::to_vec(&facts)?).context("writing netns.json")?;
    fs::rename(&tmp, &path).context("writing netns.json")?;
    open_current().context("the network namespace holder exited at once")
}

/// The namespace if its holder runs (never makes one: for commands that only
/// change what exists).
pub fn open_current() -> Option<Rootless> {
    let facts = current()?;
    let netns = File::open(format!("/proc/{}/ns/net", facts.pid)).ok()?;
    // Checked again now that it is open: the pid cannot have been reused meanwhile.
    valid(&facts).then_some(Rootless { netns, facts })
}

/// Stop the holder (husk system reset); true if there was one.
pub fn stop() -> bool {
    let killed = kill_recorded();
    if let Ok(p) = facts_path() {
        let _ = fs::remove_file(p);
    }
    killed
}

/// Kill the recorded holder, whatever user namespace it is in (its helper dies with it).
fn kill_recorded() -> bool {
    let Some(facts) = recorded() else {
        return false;
    };
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(facts.pid),
        nix::sys::signal::Signal::SIGKILL,
    )
    .is_ok()
}

/// Fork the detached holder; returns its facts once its namespace is ready.
/// What the holder is to start with.
struct Plan {
    helper: Helper,
    program: PathBuf,
    nft: PathBuf,
    /// Where its DNS responder forwards questions (in the host's namespace).
    servers: Vec<SocketAddr>,
}

fn spawn(plan: &Plan) -> Result<Facts> {
    // The monitor is a child subreaper: while it is one, the holder would become
    // its child when the middle process exits. Not a subreaper meanwhile, so the
    // holder goes to init, as the pause process does.
    let mut subreaper: libc::c_int = 0;
    // SAFETY: prctl reading into an int of ours, then setting with plain arguments.
    unsafe {
        libc::prctl(
            libc::PR_GET_CHILD_SUBREAPER,
            &mut subreaper as *mut libc::c_int,
        );
        libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 0);
    }
    let result = spawn_detached(plan);
    if subreaper != 0 {
        // SAFETY: as above.
        unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1) };
    }
    result
}

fn spawn_detached(plan: &Plan) -> Result<Facts> {
    // Close-on-exec: the helper must not keep the report open.
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
    // SAFETY: called while this process has one thread (the monitor, before it
    // starts the container): the children may use everything.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            drop(r);
            // SAFETY: setsid and fork in a single-threaded child.
            unsafe { libc::setsid() };
            // SAFETY: as above.
            let code = match unsafe { fork() } {
                // A panic must not unwind into the monitor's stack it was forked with.
                Ok(ForkResult::Child) => {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| holder_main(w, plan)))
                        .unwrap_or(101)
                }
                Ok(ForkResult::Parent { .. }) => 0,
                Err(_) => 1,
            };
            // SAFETY: leaving the forked child without running the parent's exit handlers.
            unsafe { libc::_exit(code) }
        }
        ForkResult::Parent { child } => {
            drop(w);
            // The middle process exits at once: the holder is init's before we read.
            let _ = nix::sys::wait::waitpid(child, None);
            let mut text = String::new();
            let read = File::from(r).read_to_string(&mut text);
            read.context("starting the network namespace")?;
            match text.strip_prefix("ok ") {
                Some(json) => serde_json::from_str(json).context("the network namespace's report"),
                None if text.is_empty() => {
                    bail!("the network namespace holder died while starting")
                }
                None => bail!("{}", text.trim()),
            }
        }
    }
}

/// The holder: report on `ready` ("ok FACTS" or the error), then serve DNS.
fn holder_main(ready: OwnedFd, plan: &Plan) -> i32 {
    crate::proctitle::set(NAME);
    let mut ready = File::from(ready);
    let keep = ready.as_raw_fd();
    // SAFETY: closing this process's inherited descriptors but the report pipe;
    // it owns nothing else yet. Then stdio on /dev/null.
    unsafe {
        libc::syscall(libc::SYS_close_range, 3u32, (keep - 1) as u32, 0u32);
        libc::syscall(libc::SYS_close_range, (keep + 1) as u32, u32::MAX, 0u32);
        let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDWR);
        for fd in 0..3 {
            libc::dup2(null, fd);
        }
        if null > 2 {
            libc::close(null);
        }
        libc::chdir(c"/".as_ptr());
    }
    // A mount namespace of its own: the monitor it was forked from mounts the
    // container's root in the one they shared, and this process outlives it.
    let _ = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNS);
    match setup(plan) {
        Ok((facts, helper_pid, dns)) => {
            let _ = ready.write_all(
                format!("ok {}", serde_json::to_string(&facts).unwrap_or_default()).as_bytes(),
            );
            drop(ready);
            super::dns::serve(dns, helper_pid);
            let _ = nix::sys::signal::kill(helper_pid, nix::sys::signal::Signal::SIGTERM);
            0
        }
        Err(e) => {
            let _ = ready.write_all(crate::error::one_line(&e).as_bytes());
            1
        }
    }
}

/// Steps 1-3 of the module's list; returns the facts, the helper's pid and the DNS sockets.
fn setup(plan: &Plan) -> Result<(Facts, Pid, super::dns::Sockets)> {
    let (helper, program, nft) = (plan.helper, &plan.program, &plan.nft);
    let upstream = UdpSocket::bind("0.0.0.0:0").context("opening the DNS forwarding socket")?;
    let servers = plan.servers.clone();
    // The helper reads the host's interfaces from the namespace it starts in:
    // it is forked now, and waits for the word to exec.
    let launcher = Launcher::fork(helper, program)?;
    nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET)
        .context("cannot create a network namespace (unshare)")?;
    super::loopback_up().context("bringing up loopback")?;
    link::sysctl("net/ipv4/ip_forward", "1")?;
    run_nft(nft, RULES)?;
    let listen =
        UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 53)).context("binding the DNS responder")?;
    // The helper drops capabilities before it opens /proc/OURS/ns/net, and the
    // kernel lets it only if ours are a subset of its own: this process needs
    // none from here on.
    let none = std::collections::HashSet::new();
    crate::runtime::caps::set(&none, &none, &none).context("dropping capabilities")?;
    let (pid, host_address) = launcher.go(helper)?;
    let facts = Facts {
        pid: std::process::id() as i32,
        start: crate::container::state::start_time(std::process::id() as i32),
        helper,
        host_address,
    };
    Ok((
        facts,
        pid,
        super::dns::Sockets::new(listen, upstream, servers)?,
    ))
}

/// The namespace's firewall: what leaves through the helper's tap is
/// masqueraded (the helper sees one guest address); nothing is routed into or
/// out of the bridges of internal networks (the set `internal`; traffic on one
/// bridge is switched, not routed).
const RULES: &str = "table ip husk {
  set internal { type ifname; }
  chain postrouting { type nat hook postrouting priority srcnat; policy accept;
    oifname \"tap0\" masquerade
  }
  chain forward { type filter hook forward priority filter; policy accept;
    iifname @internal drop
    oifname @internal drop
  }
}
";

/// Apply nftables rules in the calling thread's network namespace.
pub fn run_nft(nft: &Path, rules: &str) -> Result<()> {
    let mut child = Command::new(nft)
        .args(["-f", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("running {}", nft.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(rules.as_bytes())
            .context("writing nftables rules")?;
    }
    let out = child.wait_with_output().context("running nft")?;
    if !out.status.success() {
        bail!(
            "nft refused the network rules: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// The host's IPv4 nameservers (from /etc/resolv.conf), port 53.
pub fn host_nameservers() -> Vec<SocketAddr> {
    fs::read_to_string("/etc/resolv.conf")
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            (w.next() == Some("nameserver")).then(|| w.next()).flatten()
        })
        .filter_map(|ip| ip.parse::<Ipv4Addr>().ok())
        .map(|ip| SocketAddr::from((ip, 53)))
        .collect()
}

/// The helper, forked in the host's network namespace and waiting to exec.
struct Launcher {
    pid: Pid,
    go: Option<OwnedFd>,
    log: PathBuf,
}

impl Launcher {
    /// Fork it (the holder has one thread: the child may allocate).
    fn fork(helper: Helper, program: &Path) -> Result<Launcher> {
        let me = std::process::id();
        let netns = format!("/proc/{me}/ns/net");
        let args: Vec<&str> = match helper {
            Helper::Pasta => vec![
                "--config-net",
                "--foreground",
                "--quiet",
                "--ns-ifname",
                TAP,
                "--tcp-ports",
                "none",
                "--udp-ports",
                "none",
                "--tcp-ns",
                "none",
                "--udp-ns",
                "none",
                "--runas",
                "0:0",
                "--netns",
                &netns,
            ],
            Helper::Slirp4netns => vec![
                "--configure",
                "--mtu=65520",
                "--netns-type=path",
                &netns,
                TAP,
            ],
        };
        let argv: Vec<CString> = std::iter::once(program.as_os_str().as_bytes())
            .chain(args.iter().map(|a| a.as_bytes()))
            .map(CString::new)
            .collect::<std::result::Result<_, _>>()
            .context("helper arguments")?;
        let log = crate::userns::pause::runtime_dir()?.join("netns.log");
        let log_file = File::create(&log).with_context(|| format!("creating {}", log.display()))?;
        let (r, w) = nix::unistd::pipe().context("pipe")?;
        // SAFETY: the holder is single-threaded (forked from a single-threaded monitor).
        match unsafe { fork() }.context("fork")? {
            ForkResult::Child => {
                drop(w);
                let mut word = [0u8; 1];
                super::helper::before_exec();
                // SAFETY: plain syscalls in the child: wait for the word, stdio to
                // the log, then exec.
                unsafe {
                    if libc::read(r.as_raw_fd(), word.as_mut_ptr().cast(), 1) != 1 {
                        libc::_exit(1);
                    }
                    libc::dup2(log_file.as_raw_fd(), 1);
                    libc::dup2(log_file.as_raw_fd(), 2);
                }
                let _ = nix::unistd::execv(&argv[0], &argv);
                // SAFETY: leaving the forked child.
                unsafe { libc::_exit(127) }
            }
            ForkResult::Parent { child } => Ok(Launcher {
                pid: child,
                go: Some(w),
                log,
            }),
        }
    }

    /// Let it exec, and wait until it has configured the namespace; returns its
    /// pid and the host's address as seen from inside.
    fn go(mut self, helper: Helper) -> Result<(Pid, Ipv4Addr)> {
        if let Some(w) = self.go.take() {
            nix::unistd::write(&w, b"g").context("starting the network helper")?;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(gw) = default_gateway() {
                let host = match helper {
                    Helper::Pasta => gw,
                    Helper::Slirp4netns => Ipv4Addr::new(10, 0, 2, 2),
                };
                return Ok((self.pid, host));
            }
            if let Ok(WaitStatus::Exited(..) | WaitStatus::Signaled(..)) =
                waitpid(self.pid, Some(WaitPidFlag::WNOHANG))
            {
                let last = super::helper::last_log_line(&self.log);
                bail!("{} failed: {last}", helper.program());
            }
            if Instant::now() > deadline {
                let _ = nix::sys::signal::kill(self.pid, nix::sys::signal::Signal::SIGKILL);
                bail!(
                    "{} did not configure the network namespace in 10 s",
                    helper.program()
                );
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }
}

/// The default route's gateway in this namespace, once the helper set one.
fn default_gateway() -> Option<Ipv4Addr> {
    let text = fs::read_to_string("/proc/thread-self/net/route").ok()?;
    text.lines().skip(1).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        (f.get(1) == Some(&"00000000") && f.first() == Some(&TAP))
            .then(|| u32::from_str_radix(f.get(2)?, 16).ok())
            .flatten()
            .map(|g| Ipv4Addr::from(g.to_ne_bytes()))
    })
}
