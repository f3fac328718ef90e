//! Published ports (`-p`, `-P`): parsed once into [`PortMapping`]s, bound in
//! the host's network namespace by the container's monitor before the
//! container starts (so "port in use" is an error of `run`), and forwarded to
//! the container's address by threads of that monitor that moved into the
//! per-user network namespace (a socket stays in the namespace it was made
//! in: accepted connections are the host's, the ones to the container are
//! made inside). Nothing outlives the monitor: the kernel closes the ports when
//! it exits, even by SIGKILL; a container that stops closes them at once.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Tcp,
    Udp,
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        })
    }
}

/// One published port. `host_port` 0: any free port, chosen when the container starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    #[serde(default)]
    pub host_ip: Option<IpAddr>,
    pub host_port: u16,
    pub container_port: u16,
    pub protocol: Protocol,
}

impl PortMapping {
    /// docker's `80/tcp -> 0.0.0.0:8080`.
    pub fn host_side(&self) -> String {
        let ip = self.host_ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        match ip {
            IpAddr::V6(v6) => format!("[{v6}]:{}", self.host_port),
            IpAddr::V4(v4) => format!("{v4}:{}", self.host_port),
        }
    }

    pub fn container_side(&self) -> String {
        format!("{}/{}", self.container_port, self.protocol)
    }
}

/// Parse one `-p [IP:][HOSTPORT[-END]:]CPORT[-END][/tcp|/udp]` into its mappings.
pub fn parse(text: &str) -> Result<Vec<PortMapping>> {
    let bad = |why: &str| anyhow::anyhow!("invalid -p {text:?}: {why}");
    let (spec, protocol) = match text.rsplit_once('/') {
        Some((s, "tcp")) => (s, Protocol::Tcp),
        Some((s, "udp")) => (s, Protocol::Udp),
        Some((_, other)) => return Err(bad(&format!("unknown protocol {other:?} (tcp or udp)"))),
        None => (text, Protocol::Tcp),
    };
    // The IP may be IPv6 in brackets: split from the right.
    let mut parts: Vec<&str> = Vec::new();
    let mut rest = spec;
    for _ in 0..2 {
        match rest.rsplit_once(':') {
            Some((left, right)) if !(left.ends_with(']') && right.is_empty()) => {
                parts.insert(0, right);
                rest = left;
            }
            _ => break,
        }
    }
    parts.insert(0, rest);
    let (ip, host, ctr) = match parts.as_slice() {
        [c] => (None, "", *c),
        [h, c] => (None, *h, *c),
        [ip, h, c] => (Some(*ip), *h, *c),
        _ => return Err(bad("use [IP:][HOSTPORT:]CONTAINERPORT")),
    };
    let host_ip = match ip.filter(|i| !i.is_empty()) {
        Some(i) => Some(
            i.trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
                .map_err(|_| bad(&format!("{i:?} is not an IP address")))?,
        ),
        None => None,
    };
    let (c_start, c_end) = range(ctr).map_err(|e| bad(&e))?;
    if c_start == 0 {
        return Err(bad("the container port must be 1 to 65535"));
    }
    let hosts: Vec<u16> = if host.is_empty() {
        vec![0; (c_end - c_start + 1) as usize]
    } else {
        let (h_start, h_end) = range(host).map_err(|e| bad(&e))?;
        if h_end - h_start != c_end - c_start {
            return Err(bad("the host and container ranges differ in length"));
        }
        (h_start..=h_end).collect()
    };
    Ok((c_start..=c_end)
        .zip(hosts)
        .map(|(c, h)| PortMapping {
            host_ip,
            host_port: h,
            container_port: c,
            protocol,
        })
        .collect())
}

/// `--expose PORT[-END][/tcp|udp]`: the container ports `-P` publishes too.
pub fn parse_expose(text: &str) -> Result<Vec<(u16, Protocol)>> {
    if text.contains(':') {
        anyhow::bail!("invalid --expose {text:?}: PORT[-END][/tcp|udp] (publish with -p)");
    }
    Ok(parse(text)?
        .into_iter()
        .map(|m| (m.container_port, m.protocol))
        .collect())
}

/// `N` or `N-M`.
fn range(text: &str) -> std::result::Result<(u16, u16), String> {
    let num = |s: &str| {
        s.parse::<u16>()
            .map_err(|_| format!("{s:?} is not a port number"))
    };
    let (a, b) = match text.split_once('-') {
        Some((a, b)) => (num(a)?, num(b)?),
        None => (num(text)?, num(text)?),
    };
    if b < a {
        return Err(format!("{text:?} is an empty range"));
    }
    Ok((a, b))
}

/// The most ports a container may publish (an image's EXPOSE list is the
/// image author's to choose).
pub const MAX_PORTS: usize = 1024;

/// The ports an image EXPOSEs (`80/tcp`), for `-P`.
pub fn exposed(config: &serde_json::Value) -> Vec<(u16, Protocol)> {
    let Some(ports) = config
        .pointer("/config/ExposedPorts")
        .and_then(|p| p.as_object())
    else {
        return Vec::new();
    };
    ports
        .keys()
        .filter_map(|k| {
            // Other protocols (sctp) are not published.
            let (p, proto) = k.split_once('/').unwrap_or((k, "tcp"));
            let proto = match proto {
                "tcp" => Protocol::Tcp,
                "udp" => Protocol::Udp,
                _ => return None,
            };
            Some((p.parse().ok().filter(|p| *p != 0)?, proto))
        })
        .collect()
}

/// A bound port, not yet forwarded.
pub enum Listener {
    Tcp(TcpListener, PortMapping),
    Udp(UdpSocket, PortMapping),
}

/// Bind every mapping in the host's network namespace; returns the listeners
/// and the mappings with the ports actually bound.
pub fn bind(mappings: &[PortMapping]) -> Result<Vec<Listener>> {
    let mut out = Vec::new();
    for m in mappings {
        let ip = m.host_ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        let addr = SocketAddr::new(ip, m.host_port);
        let bound = match m.protocol {
            Protocol::Tcp => TcpListener::bind(addr).map(|l| {
                let port = l.local_addr().map(|a| a.port()).unwrap_or(m.host_port);
                Listener::Tcp(
                    l,
                    PortMapping {
                        host_port: port,
                        ..m.clone()
                    },
                )
            }),
            Protocol::Udp => UdpSocket::bind(addr).map(|s| {
                let port = s.local_addr().map(|a| a.port()).unwrap_or(m.host_port);
                Listener::Udp(
                    s,
                    PortMapping {
                        host_port: port,
                        ..m.clone()
                    },
                )
            }),
        };
        match bound {
            Ok(l) => out.push(l),
            Err(e) => return Err(bind_error(e, m)),
        }
    }
    Ok(out)
}

fn bind_error(e: io::Error, m: &PortMapping) -> anyhow::Error {
    let what = format!("{}/{}", m.host_side(), m.protocol);
    match e.kind() {
        io::ErrorKind::AddrInUse => {
            anyhow::anyhow!("cannot publish port {what}: the port is already in use")
        }
        io::ErrorKind::PermissionDenied => {
            let start = std::fs::read_to_string("/proc/sys/net/ipv4/ip_unprivileged_port_start")
                .unwrap_or_default();
            anyhow::anyhow!(
                "cannot publish port {what}: ports below {} are privileged; lower the sysctl \
                 net.ipv4.ip_unprivileged_port_start (as root: sysctl net.ipv4.ip_unprivileged_port_start={})",
                start.trim(),
                m.host_port
            )
        }
        io::ErrorKind::AddrNotAvailable => {
            anyhow::anyhow!("cannot publish port {what}: the host has no such address")
        }
        _ => anyhow::Error::new(e).context(format!("cannot publish port {what}")),
    }
}

impl Listener {
    pub fn mapping(&self) -> &PortMapping {
        match self {
            Listener::Tcp(_, m) | Listener::Udp(_, m) => m,
        }
    }
}

/// The running forwarders of one container; dropping them closes the ports
/// and ends the connections still relayed.
pub struct Forwarders {
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<()>>,
    relays: Arc<Relays>,
}

impl Drop for Forwarders {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
        self.relays.shut_all();
    }
}

/// The connections being relayed (a clone of each side's socket), so that
/// they can be cut when the container stops: its end vanishes without a reset.
#[derive(Default)]
struct Relays {
    next: AtomicUsize,
    open: Mutex<HashMap<usize, (TcpStream, TcpStream)>>,
}

impl Relays {
    fn add(&self, a: &TcpStream, b: &TcpStream) -> Option<usize> {
        let id = self.next.fetch_add(1, Ordering::SeqCst);
        let pair = (a.try_clone().ok()?, b.try_clone().ok()?);
        self.open.lock().ok()?.insert(id, pair);
        Some(id)
    }

    fn count(&self) -> usize {
        self.open.lock().map(|o| o.len()).unwrap_or(0)
    }

    fn remove(&self, id: usize) {
        if let Ok(mut o) = self.open.lock() {
            o.remove(&id);
        }
    }

    fn shut_all(&self) {
        if let Ok(mut o) = self.open.lock() {
            for (_, (a, b)) in o.drain() {
                let _ = a.shutdown(std::net::Shutdown::Both);
                let _ = b.shutdown(std::net::Shutdown::Both);
            }
        }
    }
}

const STACK: usize = 128 * 1024;
const TICK: i32 = 100;
/// Datagrams or connections taken per pass of a loop.
const PER_PASS: usize = 64;

/// Start forwarding to `target` (the container's address) from inside `netns`.
pub fn forward(listeners: Vec<Listener>, netns: &File, target: IpAddr) -> Result<Forwarders> {
    raise_fd_limit();
    let stop = Arc::new(AtomicBool::new(false));
    let relays = Arc::new(Relays::default());
    let mut threads = Vec::new();
    for l in listeners {
        let ns = netns.try_clone().context("netns fd")?;
        let (stop, relays) = (stop.clone(), relays.clone());
        let t = std::thread::Builder::new()
            .name("husk-ports".into())
            .stack_size(STACK)
            .spawn(move || {
                // For good: this thread makes its connections inside.
                if super::link::enter(&ns).is_err() {
                    return;
                }
                match l {
                    Listener::Tcp(listener, m) => tcp_loop(
                        listener,
                        SocketAddr::new(target, m.container_port),
                        &stop,
                        &relays,
                    ),
                    Listener::Udp(sock, m) => {
                        udp_loop(sock, SocketAddr::new(target, m.container_port), &stop)
                    }
                }
            })
            .context("starting a port forwarder")?;
        threads.push(t);
    }
    Ok(Forwarders {
        stop,
        threads,
        relays,
    })
}

/// The soft limit of open files up to the hard one (each relayed connection
/// holds eight: two sockets per side, two pipes); returns the limit.
fn raise_fd_limit() -> u64 {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit on a struct of ours.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return 1024;
        }
        if lim.rlim_cur < lim.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: lim.rlim_max,
                rlim_max: lim.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                return lim.rlim_max;
            }
        }
    }
    lim.rlim_cur
}

/// Connections relayed at once per published port, within the open-files
/// limit; more wait in the backlog.
fn max_connections() -> usize {
    let limit = raise_fd_limit() as usize;
    (limit.saturating_sub(128) / 8).clamp(16, 4096)
}

/// Wait up to TICK ms for `fd` to be readable; true if it is.
fn readable(fd: RawFd) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    unsafe { libc::poll(&mut p, 1, TICK) > 0 }
}

fn tcp_loop(listener: TcpListener, target: SocketAddr, stop: &AtomicBool, relays: &Arc<Relays>) {
    let _ = listener.set_nonblocking(true);
    let max = max_connections();
    while !stop.load(Ordering::SeqCst) {
        if relays.count() >= max {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        }
        if !readable(listener.as_raw_fd()) {
            continue;
        }
        let client = match listener.accept() {
            Ok((c, _)) => c,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
            // Out of files or memory: wait rather than spin on the backlog.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let _ = client.set_nonblocking(false);
        // This thread is in the container's side: the connection is made there.
        let Ok(upstream) = TcpStream::connect_timeout(&target, Duration::from_secs(5)) else {
            continue; // dropping `client` resets it, as a closed port would
        };
        let _ = client.set_nodelay(true);
        let _ = upstream.set_nodelay(true);
        let Some(id) = relays.add(&client, &upstream) else {
            continue;
        };
        let (Ok(c2), Ok(u2)) = (client.try_clone(), upstream.try_clone()) else {
            relays.remove(id);
            continue;
        };
        // Two threads, one per direction; the second to finish forgets the pair.
        let left = Arc::new(AtomicUsize::new(2));
        for (from, to) in [(client, upstream), (u2, c2)] {
            let (mine, left) = (relays.clone(), left.clone());
            let started = std::thread::Builder::new()
                .name("husk-relay".into())
                .stack_size(STACK)
                .spawn(move || {
                    relay(from, to);
                    if left.fetch_sub(1, Ordering::SeqCst) == 1 {
                        mine.remove(id);
                    }
                });
            if started.is_err() {
                relays.remove(id);
            }
        }
    }
}

/// Copy one direction with splice(2) through a pipe, then pass on the end of stream.
fn relay(from: TcpStream, to: TcpStream) {
    let _ = splice_all(from.as_raw_fd(), to.as_raw_fd());
    let _ = to.shutdown(std::net::Shutdown::Write);
    let _ = from.shutdown(std::net::Shutdown::Read);
}

fn splice_all(from: RawFd, to: RawFd) -> io::Result<()> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(io::Error::from)?;
    const CHUNK: usize = 1 << 20;
    // SAFETY: fcntl on our own pipe.
    unsafe { libc::fcntl(w.as_raw_fd(), libc::F_SETPIPE_SZ, CHUNK as libc::c_int) };
    loop {
        // SAFETY: splice between fds this thread owns; null offsets for sockets and pipes.
        let n = unsafe {
            libc::splice(
                from,
                std::ptr::null_mut(),
                w.as_raw_fd(),
                std::ptr::null_mut(),
                CHUNK,
                libc::SPLICE_F_MOVE,
            )
        };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        if n == 0 {
            return Ok(());
        }
        let mut left = n as usize;
        while left > 0 {
            // SAFETY: as above.
            let m = unsafe {
                libc::splice(
                    r.as_raw_fd(),
                    std::ptr::null_mut(),
                    to,
                    std::ptr::null_mut(),
                    left,
                    libc::SPLICE_F_MOVE,
                )
            };
            if m <= 0 {
                return Err(io::Error::last_os_error());
            }
            left -= m as usize;
        }
    }
}

/// UDP clients remembered at once per published port (the least recently
/// heard goes first).
const MAX_SESSIONS: usize = 1024;
/// A UDP client is forgotten after this long without a datagram either way.
const SESSION_IDLE: Duration = Duration::from_secs(60);

/// UDP: one socket towards the container per client address.
fn udp_loop(sock: UdpSocket, target: SocketAddr, stop: &AtomicBool) {
    let _ = sock.set_nonblocking(true);
    let mut sessions: HashMap<SocketAddr, (UdpSocket, Instant)> = HashMap::new();
    let mut buf = vec![0u8; 65535];
    while !stop.load(Ordering::SeqCst) {
        sessions.retain(|_, (_, t)| t.elapsed() < SESSION_IDLE);
        let mut fds = vec![libc::pollfd {
            fd: sock.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        }];
        let clients: Vec<SocketAddr> = sessions.keys().copied().collect();
        for c in &clients {
            fds.push(libc::pollfd {
                fd: sessions[c].0.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            });
        }
        // SAFETY: fds is a valid array of pollfd structs.
        if unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, TICK) } <= 0 {
            continue;
        }
        for _ in 0..PER_PASS {
            let Ok((n, client)) = sock.recv_from(&mut buf) else {
                break;
            };
            if !sessions.contains_key(&client) && sessions.len() >= MAX_SESSIONS {
                let oldest = sessions
                    .iter()
                    .min_by_key(|(_, (_, t))| *t)
                    .map(|(c, _)| *c);
                if let Some(c) = oldest {
                    sessions.remove(&c);
                }
            }
            let session = match sessions.entry(client) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => match session_socket(target) {
                    Some(s) => e.insert((s, Instant::now())),
                    None => continue,
                },
            };
            let _ = session.0.send(&buf[..n]);
            session.1 = Instant::now();
        }
        for c in clients {
            if let Some((s, t)) = sessions.get_mut(&c) {
                for _ in 0..PER_PASS {
                    let Ok(n) = s.recv(&mut buf) else { break };
                    let _ = sock.send_to(&buf[..n], c);
                    *t = Instant::now();
                }
            }
        }
    }
}

/// A socket towards the container for one UDP client (made in this thread's namespace).
fn session_socket(target: SocketAddr) -> Option<UdpSocket> {
    let s = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    s.connect(target).ok()?;
    s.set_nonblocking(true).ok()?;
    Some(s)
}

/// `ps`'s PORTS column: `0.0.0.0:8080->80/tcp, …`.
pub fn summary(ports: &[PortMapping]) -> String {
    ports
        .iter()
        .map(|p| format!("{}->{}", p.host_side(), p.container_side()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Refuse mappings that cannot all hold: the same host port twice, or too many.
pub fn check(mappings: &[PortMapping]) -> Result<()> {
    if mappings.len() > MAX_PORTS {
        bail!("{} ports to publish: at most {MAX_PORTS}", mappings.len());
    }
    let mut seen = std::collections::HashSet::new();
    for m in mappings.iter().filter(|m| m.host_port != 0) {
        if !seen.insert((m.host_ip, m.host_port, m.protocol)) {
            bail!("port {}/{} is published twice", m.host_side(), m.protocol);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_flags() {
        let p = parse("8080:80").unwrap();
        assert_eq!(
            (p[0].host_port, p[0].container_port, p[0].protocol),
            (8080, 80, Protocol::Tcp)
        );
        let p = parse("127.0.0.1:5353:53/udp").unwrap();
        assert_eq!(p[0].host_ip, Some("127.0.0.1".parse().unwrap()));
        assert_eq!(p[0].protocol, Protocol::Udp);
        let p = parse("9000-9002:9000-9002").unwrap();
        assert_eq!(p.len(), 3);
        assert_eq!(p[2].host_port, 9002);
        let p = parse("80").unwrap();
        assert_eq!((p[0].host_port, p[0].container_port), (0, 80));
        let p = parse("127.0.0.1::80").unwrap();
        assert_eq!(p[0].host_port, 0);
        let p = parse("[::1]:8080:80").unwrap();
        assert_eq!(p[0].host_ip, Some("::1".parse().unwrap()));
        for bad in [
            "",
            "x",
            "80/sctp",
            "1-3:1-2",
            "0",
            "99999:80",
            "a:b:c:d",
            "300.1.1.1:80:80",
            "5-3",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            summary(&parse("127.0.0.1:8080:80").unwrap()),
            "127.0.0.1:8080->80/tcp"
        );
        assert!(check(&[parse("80:80").unwrap(), parse("80:81").unwrap()].concat()).is_err());
        let hostile = serde_json::json!({"config": {"ExposedPorts": {
            "80/tcp": {}, "53/udp": {}, "0/tcp": {}, "99/sctp": {}, "x/tcp": {}, "70000/tcp": {}}}});
        let mut got = exposed(&hostile);
        got.sort();
        assert_eq!(got, [(53, Protocol::Udp), (80, Protocol::Tcp)]);
    }
}
