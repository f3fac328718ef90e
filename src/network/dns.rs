//! husk's DNS responder, run by the network namespace's holder (`netns.rs`):
//! containers' resolv.conf points at their network's gateway, port 53.
//! A question for a container's name, `--network-alias` or short id on the
//! asker's network (found by the asker's address) is answered from the leases
//! (`ipam.rs`); everything else goes to the host's resolvers through a socket
//! opened in the host's network namespace, and the answer comes back.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
use nix::unistd::Pid;

use super::ipam::{self, Lease};

/// The search domain podman gives containers' names.
pub const DOMAIN: &str = "dns.podman";
const TTL: u32 = 10;
const TYPE_A: u16 = 1;
const TYPE_AAAA: u16 = 28;

/// The responder's sockets.
pub struct Sockets {
    /// Port 53 in the per-user namespace.
    listen: UdpSocket,
    /// In the host's namespace.
    upstream: UdpSocket,
    servers: Vec<SocketAddr>,
}

impl Sockets {
    pub fn new(
        listen: UdpSocket,
        upstream: UdpSocket,
        servers: Vec<SocketAddr>,
    ) -> Result<Sockets> {
        listen.set_nonblocking(true).context("DNS socket")?;
        upstream.set_nonblocking(true).context("DNS socket")?;
        Ok(Sockets {
            listen,
            upstream,
            servers,
        })
    }
}

/// A forwarded question waiting for its answer.
struct Pending {
    client: SocketAddr,
    id: [u8; 2],
    sent: Instant,
    /// Where it went: only that server's answer is taken.
    server: SocketAddr,
}

/// Answer until the helper (our child `helper`) exits.
pub fn serve(s: Sockets, helper: Pid) {
    // SAFETY: pidfd_open on our own child's pid; the fd lives as long as this process.
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, helper.as_raw(), 0) } as i32;
    let mut pending: HashMap<u16, Pending> = HashMap::new();
    let mut next_id: u16 = rand_u16();
    let mut buf = vec![0u8; 65535];
    let mut cache = LeaseCache::default();
    loop {
        let mut fds = [
            libc::pollfd {
                fd: s.listen.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: s.upstream.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: pidfd,
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let n = if pidfd >= 0 { 3 } else { 2 };
        // SAFETY: fds is a valid array of n pollfd structs.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), n, 1000) };
        if r < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return;
        }
        let gone = matches!(
            waitpid(helper, Some(WaitPidFlag::WNOHANG)),
            Ok(WaitStatus::Exited(..) | WaitStatus::Signaled(..)) | Err(_)
        );
        if fds[2].revents != 0 || gone {
            return;
        }
        pending.retain(|_, p| p.sent.elapsed() < Duration::from_secs(10));
        // A bounded number per pass from each side, so that a flood of
        // questions cannot starve the answers.
        for _ in 0..PER_PASS {
            let Ok((len, from)) = s.listen.recv_from(&mut buf) else {
                break;
            };
            let query = &buf[..len];
            let leases = cache.get();
            let asking = asker(leases, from);
            // A `--disable-dns` network's containers get no names answered.
            let names = asking.is_none_or(|l| !l.disable_dns);
            if let Some(reply) = local_answer(query, from, leases).filter(|_| names) {
                let _ = s.listen.send_to(&reply, from);
                continue;
            }
            // An internal network has no way out, not even through its DNS;
            // a network with `--dns` servers asks those.
            let internal = asking.is_some_and(|l| l.internal);
            let own = asking
                .and_then(|l| l.dns_servers.first())
                .map(|ip| SocketAddr::from((*ip, 53)));
            let server = own.or(s.servers.first().copied()).filter(|_| !internal);
            let Some(server) = server else {
                if let Some(reply) = failure(query, if internal { 3 } else { 2 }) {
                    let _ = s.listen.send_to(&reply, from);
                }
                continue;
            };
            let from_this_client = pending.values().filter(|p| p.client == from).count();
            if len < 12 || pending.len() > 4096 || from_this_client >= 256 {
                continue;
            }
            next_id = next_id.wrapping_add(1);
            pending.insert(
                next_id,
                Pending {
                    client: from,
                    id: [query[0], query[1]],
                    sent: Instant::now(),
                    server,
                },
            );
            let mut out = query.to_vec();
            out[0..2].copy_from_slice(&next_id.to_be_bytes());
            let _ = s.upstream.send_to(&out, server);
        }
        for _ in 0..PER_PASS {
            let Ok((len, from)) = s.upstream.recv_from(&mut buf) else {
                break;
            };
            if len < 12 {
                continue;
            }
            let id = u16::from_be_bytes([buf[0], buf[1]]);
            if pending.get(&id).is_none_or(|p| p.server != from) {
                continue;
            }
            if let Some(p) = pending.remove(&id) {
                buf[0..2].copy_from_slice(&p.id);
                let _ = s.listen.send_to(&buf[..len], p.client);
            }
        }
    }
}

fn rand_u16() -> u16 {
    let mut b = [0u8; 2];
    let _ = getrandom(&mut b);
    u16::from_ne_bytes(b)
}

fn getrandom(buf: &mut [u8]) -> std::io::Result<()> {
    // SAFETY: buf is writable for its length.
    let n = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), 0) };
    if n < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// The question of a query: (name in lowercase without the final dot, type, end offset).
fn question(q: &[u8]) -> Option<(String, u16, usize)> {
    if q.len() < 12 || q[2] & 0x80 != 0 || u16::from_be_bytes([q[4], q[5]]) != 1 {
        return None;
    }
    let mut at = 12;
    let mut labels = Vec::new();
    loop {
        let len = *q.get(at)? as usize;
        at += 1;
        if len == 0 {
            break;
        }
        if len > 63 {
            return None;
        }
        labels.push(String::from_utf8_lossy(q.get(at..at + len)?).to_ascii_lowercase());
        at += len;
    }
    // Type and class: the question ends after both.
    if q.len() < at + 4 {
        return None;
    }
    let kind = u16::from_be_bytes([q[at], q[at + 1]]);
    Some((labels.join("."), kind, at + 4))
}

/// Packets taken from one socket per pass of the loop.
const PER_PASS: usize = 64;

/// The live leases, read again when a network's lease directory changes, and
/// at least every second (a lease's monitor may have died).
#[derive(Default)]
struct LeaseCache {
    leases: Vec<Lease>,
    stamp: Vec<(std::path::PathBuf, Option<std::time::SystemTime>)>,
    read_at: Option<Instant>,
}

impl LeaseCache {
    fn get(&mut self) -> &[Lease] {
        let stamp = Self::stamp();
        let stale = self
            .read_at
            .is_none_or(|t| t.elapsed() > Duration::from_secs(1));
        if stale || stamp != self.stamp {
            self.leases = ipam::all_live();
            self.stamp = stamp;
            self.read_at = Some(Instant::now());
        }
        &self.leases
    }

    fn stamp() -> Vec<(std::path::PathBuf, Option<std::time::SystemTime>)> {
        let Ok(entries) = ipam::root().and_then(|r| Ok(std::fs::read_dir(r)?)) else {
            return Vec::new();
        };
        let mut v: Vec<_> = entries
            .flatten()
            .map(|e| (e.path(), e.metadata().and_then(|m| m.modified()).ok()))
            .collect();
        v.sort();
        v
    }
}

/// The asker's own lease.
fn asker(leases: &[Lease], from: SocketAddr) -> Option<&Lease> {
    let SocketAddr::V4(from) = from else {
        return None;
    };
    leases.iter().find(|l| l.ip == *from.ip())
}

/// The answer from the leases, if the name is a container on the asker's network.
fn local_answer(q: &[u8], from: SocketAddr, leases: &[Lease]) -> Option<Vec<u8>> {
    let SocketAddr::V4(from) = from else {
        return None;
    };
    let (name, kind, end) = question(q)?;
    let short = name.strip_suffix(&format!(".{DOMAIN}")).unwrap_or(&name);
    let ip = find(leases, *from.ip(), short)?;
    let mut r = q[..end].to_vec();
    r[2] = 0x84 | (q[2] & 0x79); // QR, AA, opcode and RD kept
    r[3] = 0x80; // RA, NOERROR
    r[6..12].copy_from_slice(&[0, 0, 0, 0, 0, 0]);
    if kind == TYPE_A {
        r[7] = 1;
        r.extend_from_slice(&[0xc0, 0x0c]);
        r.extend_from_slice(&TYPE_A.to_be_bytes());
        r.extend_from_slice(&1u16.to_be_bytes());
        r.extend_from_slice(&TTL.to_be_bytes());
        r.extend_from_slice(&4u16.to_be_bytes());
        r.extend_from_slice(&ip.octets());
    } else if kind != TYPE_AAAA {
        // A name that exists, without records of that type.
    }
    Some(r)
}

/// The address of `name` among the leases of the network `asker` is on.
fn find(leases: &[Lease], asker: Ipv4Addr, name: &str) -> Option<Ipv4Addr> {
    let mask = |p: u8| if p == 0 { 0 } else { u32::MAX << (32 - p) };
    leases
        .iter()
        .filter(|l| u32::from(l.gateway) & mask(l.prefix) == u32::from(asker) & mask(l.prefix))
        .find(|l| l.answers(name))
        .map(|l| l.ip)
}

/// A reply with rcode `code` (2: SERVFAIL).
fn failure(q: &[u8], code: u8) -> Option<Vec<u8>> {
    let (_, _, end) = question(q)?;
    let mut r = q[..end].to_vec();
    r[2] = 0x80 | (q[2] & 0x79);
    r[3] = 0x80 | code;
    r[6..12].copy_from_slice(&[0, 0, 0, 0, 0, 0]);
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(name: &str, kind: u16) -> Vec<u8> {
        let mut q = vec![0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0];
        for l in name.split('.') {
            q.push(l.len() as u8);
            q.extend_from_slice(l.as_bytes());
        }
        q.push(0);
        q.extend_from_slice(&kind.to_be_bytes());
        q.extend_from_slice(&1u16.to_be_bytes());
        q
    }

    fn lease(name: &str, ip: [u8; 4], gw: [u8; 4]) -> Lease {
        Lease {
            network: "n".into(),
            ip: ip.into(),
            gateway: gw.into(),
            prefix: 24,
            container_id: "0123456789abcdef".into(),
            container_name: name.into(),
            aliases: vec!["database".into()],
            monitor_pid: 1,
            monitor_start: None,
            internal: false,
            dns_servers: Vec::new(),
            disable_dns: false,
        }
    }

    #[test]
    fn names_resolve_on_the_askers_network_only() {
        let leases = vec![
            lease("db", [10, 89, 0, 5], [10, 89, 0, 1]),
            lease("web", [10, 89, 1, 5], [10, 89, 1, 1]),
        ];
        let asker = Ipv4Addr::new(10, 89, 0, 9);
        assert_eq!(
            find(&leases, asker, "db"),
            Some(Ipv4Addr::new(10, 89, 0, 5))
        );
        assert_eq!(
            find(&leases, asker, "database"),
            Some(Ipv4Addr::new(10, 89, 0, 5))
        );
        assert_eq!(
            find(&leases, asker, "0123456789ab"),
            Some(Ipv4Addr::new(10, 89, 0, 5))
        );
        assert_eq!(find(&leases, asker, "web"), None);
        let (name, kind, end) = question(&query("DB.dns.podman", TYPE_A)).unwrap();
        assert_eq!((name.as_str(), kind), ("db.dns.podman", TYPE_A));
        assert_eq!(end, query("DB.dns.podman", TYPE_A).len());
        assert!(question(&[0u8; 5]).is_none());
        // A question cut after its type (no class) is refused, not a panic.
        let mut cut = query("db", TYPE_A);
        cut.truncate(cut.len() - 2);
        assert!(question(&cut).is_none());
        assert!(local_answer(&cut, "10.89.0.9:5000".parse().unwrap(), &leases).is_none());
        for n in 0..cut.len() {
            let _ = failure(&cut[..n], 2);
            let _ = question(&cut[..n]);
        }
        let f = failure(&query("x", TYPE_A), 2).unwrap();
        assert_eq!((f[0], f[1], f[3] & 0x0f), (0x12, 0x34, 2));
    }
}
