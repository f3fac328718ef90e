//! Links, addresses and routes, over rtnetlink (the few messages husk needs:
//! a bridge, a veth pair whose peer goes straight into another namespace,
//! link up, an IPv4 address, a default route), and moving the calling thread
//! between network namespaces.
//!
//! A netlink socket talks to the network namespace it was created in, so every
//! call here works on the namespace the calling thread is in: [`run_in`] runs
//! work in a thread moved into another namespace (setns(2) on a network
//! namespace changes only the caller).

use std::fs::File;
use std::io;
use std::net::Ipv4Addr;
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};

use anyhow::{bail, Context, Result};
use nix::sched::{setns, CloneFlags};

/// The MTU of husk's veth pairs: pasta's, so that nothing is cut on the way out
/// and a published port's stream moves in large segments.
pub const MTU: u32 = 65520;

/// Move the calling thread into the network namespace `ns` for good: a thread
/// that left the host's namespace cannot go back (that needs capabilities
/// over the host's), so only threads made for the purpose call this.
pub fn enter(ns: impl AsFd) -> Result<()> {
    setns(ns, CloneFlags::CLONE_NEWNET).context("entering a network namespace (setns)")
}

/// Run `f` in a thread of its own inside the network namespace `ns`, and wait for it.
pub fn run_in<T: Send>(ns: &File, f: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("husk-netns".into())
            .spawn_scoped(scope, || {
                enter(ns)?;
                f()
            })
            .context("starting a thread")?;
        worker
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("a network setup thread panicked")))
    })
}

/// An rtnetlink socket in the calling thread's network namespace.
pub struct Netlink {
    fd: OwnedFd,
    seq: u32,
}

/// A message being built: header, fixed part, attributes.
struct Message {
    buf: Vec<u8>,
}

impl Message {
    fn new(kind: u16, flags: u16, fixed: &[u8]) -> Message {
        let mut buf = vec![0u8; 16];
        buf[4..6].copy_from_slice(&kind.to_ne_bytes());
        buf[6..8].copy_from_slice(
            &(flags | libc::NLM_F_REQUEST as u16 | libc::NLM_F_ACK as u16).to_ne_bytes(),
        );
        buf.extend_from_slice(fixed);
        Message { buf }
    }

    fn pad(&mut self) {
        while self.buf.len() % 4 != 0 {
            self.buf.push(0);
        }
    }

    fn attr(&mut self, kind: u16, data: &[u8]) -> &mut Self {
        self.pad();
        self.buf
            .extend_from_slice(&((4 + data.len()) as u16).to_ne_bytes());
        self.buf.extend_from_slice(&kind.to_ne_bytes());
        self.buf.extend_from_slice(data);
        self.pad();
        self
    }

    fn str_attr(&mut self, kind: u16, s: &str) -> &mut Self {
        let mut data = s.as_bytes().to_vec();
        data.push(0);
        self.attr(kind, &data)
    }

    /// Start a nested attribute; close it with [`Message::end`].
    fn begin(&mut self, kind: u16) -> usize {
        self.pad();
        let at = self.buf.len();
        self.attr(kind, &[]);
        at
    }

    fn end(&mut self, at: usize) {
        self.pad();
        let len = (self.buf.len() - at) as u16;
        self.buf[at..at + 2].copy_from_slice(&len.to_ne_bytes());
    }

    /// Append raw bytes (a nested fixed part).
    fn raw(&mut self, data: &[u8]) {
        self.buf.extend_from_slice(data);
    }
}

/// struct ifinfomsg.
fn ifinfomsg(index: i32, flags: u32, change: u32) -> [u8; 16] {
    let mut m = [0u8; 16];
    m[0] = libc::AF_UNSPEC as u8;
    m[4..8].copy_from_slice(&index.to_ne_bytes());
    m[8..12].copy_from_slice(&flags.to_ne_bytes());
    m[12..16].copy_from_slice(&change.to_ne_bytes());
    m
}

/// The start of a request that creates link `name` of MTU `mtu`, up if `up`.
fn new_link(name: &str, mtu: u32, up: bool) -> Message {
    let flags = if up { libc::IFF_UP as u32 } else { 0 };
    let mut m = Message::new(
        libc::RTM_NEWLINK,
        (libc::NLM_F_CREATE | libc::NLM_F_EXCL) as u16,
        &ifinfomsg(0, flags, flags),
    );
    m.str_attr(libc::IFLA_IFNAME, name);
    m.attr(libc::IFLA_MTU, &mtu.to_ne_bytes());
    m
}

/// A route to add: `destination/prefix` (0.0.0.0/0: the default route)
/// through `gateway`.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    pub destination: Ipv4Addr,
    pub prefix: u8,
    pub gateway: Ipv4Addr,
    pub metric: Option<u32>,
}

impl RouteSpec {
    pub fn default_via(gateway: Ipv4Addr, metric: Option<u32>) -> RouteSpec {
        RouteSpec {
            destination: Ipv4Addr::UNSPECIFIED,
            prefix: 0,
            gateway,
            metric,
        }
    }
}

impl From<&super::config::Route> for RouteSpec {
    fn from(r: &super::config::Route) -> RouteSpec {
        RouteSpec {
            destination: r.destination,
            prefix: r.prefix,
            gateway: r.gateway,
            metric: r.metric,
        }
    }
}

const IFLA_INFO_KIND: u16 = 1;
const IFLA_INFO_DATA: u16 = 2;
const VETH_INFO_PEER: u16 = 1;
/// IFLA_NUM_TX_QUEUES and IFLA_NUM_RX_QUEUES (linux/if_link.h; not in libc for Linux).
const IFLA_NUM_TX_QUEUES: u16 = 31;
const IFLA_NUM_RX_QUEUES: u16 = 32;

/// The end of a veth pair made in another network namespace.
pub struct VethPeer<'a> {
    pub name: &'a str,
    /// The namespace's fd.
    pub ns: RawFd,
    /// `--mac-address`; the kernel picks one without.
    pub mac: Option<[u8; 6]>,
}

/// A link of one transmit and one receive queue.
fn one_queue(m: &mut Message) {
    m.attr(IFLA_NUM_TX_QUEUES, &1u32.to_ne_bytes());
    m.attr(IFLA_NUM_RX_QUEUES, &1u32.to_ne_bytes());
}

impl Netlink {
    /// Open one in the calling thread's current network namespace.
    pub fn open() -> Result<Netlink> {
        // SAFETY: a plain socket(2) call; the fd is owned below.
        let fd = unsafe {
            libc::socket(
                libc::AF_NETLINK,
                libc::SOCK_RAW | libc::SOCK_CLOEXEC,
                libc::NETLINK_ROUTE,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error()).context("opening a netlink socket");
        }
        // SAFETY: fd was just returned by socket(2) and is ours.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        Ok(Netlink { fd, seq: 0 })
    }

    /// Send a request and wait for its acknowledgement.
    fn call(&mut self, mut msg: Message, what: &str) -> Result<()> {
        self.seq += 1;
        let len = msg.buf.len() as u32;
        msg.buf[0..4].copy_from_slice(&len.to_ne_bytes());
        msg.buf[8..12].copy_from_slice(&self.seq.to_ne_bytes());
        let fd = self.fd.as_raw_fd();
        // SAFETY: buf is a valid, initialised buffer of buf.len() bytes.
        let sent = unsafe { libc::send(fd, msg.buf.as_ptr().cast(), msg.buf.len(), 0) };
        if sent < 0 {
            return Err(io::Error::last_os_error()).with_context(|| format!("{what}: netlink"));
        }
        let mut reply = [0u8; 4096];
        loop {
            // SAFETY: reply is a writable buffer of the given length.
            let n = unsafe { libc::recv(fd, reply.as_mut_ptr().cast(), reply.len(), 0) };
            if n < 0 {
                return Err(io::Error::last_os_error()).with_context(|| format!("{what}: netlink"));
            }
            let n = n as usize;
            if n < 20 {
                bail!("{what}: a short netlink reply");
            }
            let kind = u16::from_ne_bytes([reply[4], reply[5]]);
            let seq = u32::from_ne_bytes([reply[8], reply[9], reply[10], reply[11]]);
            if kind != libc::NLMSG_ERROR as u16 || seq != self.seq {
                continue;
            }
            let code = i32::from_ne_bytes([reply[16], reply[17], reply[18], reply[19]]);
            if code == 0 {
                return Ok(());
            }
            return Err(io::Error::from_raw_os_error(-code)).context(what.to_string());
        }
    }

    /// Create a bridge; Ok(false) if a link of that name exists.
    pub fn add_bridge(&mut self, name: &str, mtu: u32) -> Result<bool> {
        let mut m = new_link(name, mtu, false);
        let info = m.begin(libc::IFLA_LINKINFO);
        m.str_attr(IFLA_INFO_KIND, "bridge");
        m.end(info);
        match self.call(m, &format!("creating bridge {name}")) {
            Ok(()) => Ok(true),
            Err(e) if errno_of(&e) == Some(libc::EEXIST) => Ok(false),
            Err(e) if errno_of(&e) == Some(libc::EOPNOTSUPP) => Err(e.context(
                "the kernel has no bridge support (module bridge): use --network pasta, slirp4netns, none or host",
            )),
            Err(e) => Err(e),
        }
    }

    /// Create a veth pair: `name` here, enslaved to `master` and up (`ip link
    /// add ... up`), and its peer created directly in the network namespace
    /// `peer.ns`, with its Ethernet address if one is given, still down (the
    /// kernel refuses to open a peer before the pair is linked: ENOTCONN).
    /// One queue each way per end: by default the kernel makes a receive
    /// queue per possible CPU, each a sysfs directory, then removes all but
    /// one (veth uses one without XDP): 0.1 ms of a 0.3 ms pair on 2 CPUs,
    /// more the more CPUs a machine has.
    pub fn add_veth(
        &mut self,
        name: &str,
        master: u32,
        peer: &VethPeer<'_>,
        mtu: u32,
    ) -> Result<()> {
        let mut m = new_link(name, mtu, true);
        one_queue(&mut m);
        m.attr(libc::IFLA_MASTER, &master.to_ne_bytes());
        let info = m.begin(libc::IFLA_LINKINFO);
        m.str_attr(IFLA_INFO_KIND, "veth");
        let data = m.begin(IFLA_INFO_DATA);
        let p = m.begin(VETH_INFO_PEER);
        m.raw(&ifinfomsg(0, 0, 0));
        m.str_attr(libc::IFLA_IFNAME, peer.name);
        m.attr(libc::IFLA_MTU, &mtu.to_ne_bytes());
        one_queue(&mut m);
        if let Some(mac) = peer.mac {
            m.attr(libc::IFLA_ADDRESS, &mac);
        }
        m.attr(libc::IFLA_NET_NS_FD, &(peer.ns as u32).to_ne_bytes());
        m.end(p);
        m.end(data);
        m.end(info);
        self.call(m, &format!("creating the veth pair {name}"))
    }

    /// Bring link `index` up.
    pub fn set_up(&mut self, index: u32) -> Result<()> {
        let up = libc::IFF_UP as u32;
        let m = Message::new(libc::RTM_NEWLINK, 0, &ifinfomsg(index as i32, up, up));
        self.call(m, "bringing a link up")
    }

    /// Delete link `index`.
    pub fn delete(&mut self, index: u32) -> Result<()> {
        let m = Message::new(libc::RTM_DELLINK, 0, &ifinfomsg(index as i32, 0, 0));
        self.call(m, "deleting a link")
    }

    /// Add `addr/prefix` to link `index`; an address it has already is fine.
    pub fn add_address(&mut self, index: u32, addr: Ipv4Addr, prefix: u8) -> Result<()> {
        let mut fixed = [0u8; 8];
        fixed[0] = libc::AF_INET as u8;
        fixed[1] = prefix;
        fixed[4..8].copy_from_slice(&index.to_ne_bytes());
        let mut m = Message::new(
            libc::RTM_NEWADDR,
            (libc::NLM_F_CREATE | libc::NLM_F_EXCL) as u16,
            &fixed,
        );
        m.attr(libc::IFA_LOCAL, &addr.octets());
        m.attr(libc::IFA_ADDRESS, &addr.octets());
        match self.call(m, &format!("adding address {addr}/{prefix}")) {
            Err(e) if errno_of(&e) != Some(libc::EEXIST) => Err(e),
            _ => Ok(()),
        }
    }

    /// The route `r` on link `index`.
    pub fn add_route(&mut self, index: u32, r: &RouteSpec) -> Result<()> {
        let fixed = [
            libc::AF_INET as u8,
            r.prefix, // dst_len
            0,        // src_len
            0,        // tos
            libc::RT_TABLE_MAIN,
            libc::RTPROT_BOOT,
            libc::RT_SCOPE_UNIVERSE,
            libc::RTN_UNICAST,
            0,
            0,
            0,
            0, // flags
        ];
        let mut m = Message::new(
            libc::RTM_NEWROUTE,
            (libc::NLM_F_CREATE | libc::NLM_F_EXCL) as u16,
            &fixed,
        );
        if r.prefix > 0 {
            m.attr(libc::RTA_DST, &r.destination.octets());
        }
        m.attr(libc::RTA_GATEWAY, &r.gateway.octets());
        m.attr(libc::RTA_OIF, &index.to_ne_bytes());
        if let Some(metric) = r.metric {
            m.attr(libc::RTA_PRIORITY, &metric.to_ne_bytes());
        }
        let what = format!(
            "adding the route {}/{} via {}",
            r.destination, r.prefix, r.gateway
        );
        self.call(m, &what)
    }
}

pub use crate::error::errno_of;

/// The index of link `name` in the calling thread's network namespace.
pub fn index(name: &str) -> Result<u32> {
    let c = std::ffi::CString::new(name).context("a link name with a NUL")?;
    // SAFETY: c is a valid NUL-terminated string.
    let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if i == 0 {
        return Err(io::Error::last_os_error()).with_context(|| format!("no link {name}"));
    }
    Ok(i)
}

/// Write a sysctl of the calling thread's network namespace (`net/ipv4/ip_forward`).
pub fn sysctl(name: &str, value: &str) -> Result<()> {
    // /proc/thread-self/net follows this thread's namespace; /proc/sys/net is
    // looked up through the namespace of the opener too.
    std::fs::write(format!("/proc/sys/{name}"), value)
        .with_context(|| format!("setting {}", name.replace('/', ".")))
}
