//! Starting a container process: clone(2) into new mount, pid, uts, ipc and
//! (unless host networking) network namespaces, inside the user namespace this
//! husk process already runs in; then, in the child: hostname, rootfs,
//! loopback, stdio or terminal, identity, seccomp, exec (see `rootfs`, `process`).
//!
//! The child reports a failure before exec through a close-on-exec pipe (an
//! exit code and a message); a pipe that closes empty means the command runs.

pub mod affinity;
mod bpf;
pub mod caps;
pub mod exec;
mod init;
mod process;
mod rootfs;
pub mod seccomp;
mod syscalls;

use std::io::{Read, Write};
use std::os::fd::{AsFd, AsRawFd, FromRawFd, OwnedFd, RawFd};

use anyhow::{bail, Context, Result};
use nix::sched::CloneFlags;
use nix::unistd::Pid;
use oci_spec::runtime::{LinuxIdMapping, LinuxNamespaceType, Spec};

pub use crate::error::Failure;
use crate::overlay::{RootfsLayout, StorageDriver};
pub use rootfs::{bind_for_copy, is_bind};

/// Signals the monitor forwards to the container (blocked in husk, see [`block_signals`]).
pub const FORWARDED: &[libc::c_int] = &[
    libc::SIGTERM,
    libc::SIGINT,
    libc::SIGHUP,
    libc::SIGQUIT,
    libc::SIGUSR1,
    libc::SIGUSR2,
    libc::SIGCONT,
    libc::SIGALRM,
    libc::SIGWINCH,
];

/// Everything the container process needs.
pub struct Launch<'a> {
    pub spec: &'a Spec,
    pub layout: RootfsLayout,
    pub driver: &'a dyn StorageDriver,
    /// `-i`: the container reads husk's stdin.
    pub keep_stdin: bool,
    /// `--preserve-fds`: fds 3..3+N are the process's too (only those its monitor was handed).
    pub preserve_fds: i32,
    /// The compiled seccomp filter, if the spec has a profile.
    pub seccomp: Option<seccomp::Filter>,
    /// False in single-uid mode (setgroups is denied there).
    pub can_setgroups: bool,
    /// The network may be connected in a thread beside the root's setup: not
    /// when that starts a helper process (slirp4netns, pasta), whose
    /// parent-death signal would come as soon as that thread ends.
    pub connect_beside: bool,
}

/// A started container process.
pub struct Started {
    pub pid: Pid,
    /// The master side of its terminal, with `-t`.
    pub terminal: Option<OwnedFd>,
}

/// setdomainname(2) in the container's own UTS namespace (`--domainname`).
fn set_domainname(name: &str) -> Result<()> {
    // SAFETY: a pointer and length of a live string; the kernel copies it.
    let r = unsafe { libc::setdomainname(name.as_ptr().cast(), name.len()) };
    if r != 0 {
        return Err(std::io::Error::last_os_error()).context("setdomainname");
    }
    Ok(())
}

/// The signal set husk blocks before starting a container, so that its monitor
/// reads them from a signalfd; the container unblocks them before exec.
pub fn block_signals() -> Result<nix::sys::signal::SigSet> {
    block_signals_for(true)
}

/// [`block_signals`]; without `forward` (`--sig-proxy=false`) SIGCHLD alone:
/// the others keep their default action on this process.
pub fn block_signals_for(forward: bool) -> Result<nix::sys::signal::SigSet> {
    use nix::sys::signal::{SigSet, SigmaskHow, Signal};
    let mut set = SigSet::empty();
    set.add(Signal::SIGCHLD);
    for s in FORWARDED.iter().filter(|_| forward) {
        set.add(Signal::try_from(*s)?);
    }
    nix::sys::signal::pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&set), None)
        .context("blocking signals")?;
    Ok(set)
}

fn clone_flags(spec: &Spec) -> CloneFlags {
    let mut flags = CloneFlags::empty();
    let namespaces = spec
        .linux()
        .as_ref()
        .and_then(|l| l.namespaces().clone())
        .unwrap_or_default();
    for ns in namespaces {
        flags |= match ns.typ() {
            // With a path, the child joins it instead (`join_namespaces`).
            _ if ns.path().is_some() => CloneFlags::empty(),
            LinuxNamespaceType::Mount => CloneFlags::CLONE_NEWNS,
            LinuxNamespaceType::Pid => CloneFlags::CLONE_NEWPID,
            LinuxNamespaceType::Uts => CloneFlags::CLONE_NEWUTS,
            LinuxNamespaceType::Ipc => CloneFlags::CLONE_NEWIPC,
            LinuxNamespaceType::Network => CloneFlags::CLONE_NEWNET,
            LinuxNamespaceType::Cgroup => CloneFlags::CLONE_NEWCGROUP,
            // husk itself already runs in the user namespace, unless the spec maps ids of its own.
            LinuxNamespaceType::User if own_id_maps(spec).is_some() => CloneFlags::CLONE_NEWUSER,
            _ => CloneFlags::empty(),
        };
    }
    flags
}

/// The spec's own uid and gid maps (`--userns`, `--uidmap`), if it has them.
fn own_id_maps(spec: &Spec) -> Option<(&[LinuxIdMapping], &[LinuxIdMapping])> {
    let linux = spec.linux().as_ref()?;
    let uids = linux.uid_mappings().as_deref().filter(|m| !m.is_empty())?;
    let gids = linux.gid_mappings().as_deref().filter(|m| !m.is_empty())?;
    Some((uids, gids))
}

/// Write the id maps of the user namespace that process `pid` was cloned into.
/// husk is root in its own namespace, so it maps any of its ids without a helper.
fn write_id_maps(pid: Pid, spec: &Spec) -> Result<()> {
    let Some((uids, gids)) = own_id_maps(spec) else {
        return Ok(());
    };
    let text = |m: &[LinuxIdMapping]| -> String {
        m.iter()
            .map(|r| format!("{} {} {}\n", r.container_id(), r.host_id(), r.size()))
            .collect()
    };
    for (file, map) in [("uid_map", uids), ("gid_map", gids)] {
        let path = format!("/proc/{pid}/{file}");
        std::fs::write(&path, text(map)).with_context(|| format!("writing {path}"))?;
    }
    Ok(())
}

/// In a user namespace of a container's own (cloned into it, once mapped, or
/// joined): become its root (husk's id is not mapped there), keeping every
/// capability there.
pub(crate) fn become_root() -> Result<()> {
    // SAFETY: setgroups/setresgid/setresuid with plain arguments.
    unsafe {
        if libc::setgroups(0, std::ptr::null()) != 0 {
            bail!("setgroups: {}", std::io::Error::last_os_error());
        }
        if libc::setresgid(0, 0, 0) != 0 || libc::setresuid(0, 0, 0) != 0 {
            bail!(
                "becoming root in the container's user namespace: {}",
                std::io::Error::last_os_error()
            );
        }
    }
    Ok(())
}

/// Start the container process; returns once it has exec'd its command.
///
/// The process is cloned while husk still has one thread (a clone of a
/// multithreaded process may inherit a lock another thread held), and waits;
/// `rooted` then runs in husk (the FUSE driver mounts and starts serving there:
/// the mount reaches the container through a shared mountpoint), and only then
/// does the container process set up its root. `connected` runs in a thread of
/// its own beside them (its network, once the namespace exists), and the
/// process execs its command only once that is done. What they return is
/// handed back.
///
/// A network namespace of the container's own is made by the container
/// process itself, first thing, while husk starts its root: made by the clone,
/// it was 0.4 ms of the clone's 0.7, on the way to everything after it.
pub fn start<T, U: Send>(
    launch: &Launch<'_>,
    rooted: impl FnOnce(Pid) -> Result<T>,
    connected: impl FnOnce(&std::path::Path) -> Result<U> + Send,
) -> Result<(Started, T, U)> {
    let tty = wants_terminal(launch.spec);
    let (err_r, err_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
    // A socket, not a pipe: written with MSG_NOSIGNAL, so that a container
    // process that already ended (and reported why) is an error here, not a
    // SIGPIPE, whatever this process's disposition of it.
    let (go_r, go_w) = socket_pair()?;
    let socks = terminal_sockets(tty)?;
    let flags = clone_flags(launch.spec);
    let pid_join = namespace_path(launch.spec, LinuxNamespaceType::Pid);
    // The child sends the network namespace it made on this socket.
    let netns_made = match pid_join.is_none() && flags.contains(CloneFlags::CLONE_NEWNET) {
        true => Some(socket_pair()?),
        false => None,
    };
    let mut stack = vec![0u8; 512 * 1024];
    let fds = ChildFds {
        go: go_r.as_raw_fd(),
        err: err_w.as_raw_fd(),
        sock: socks.as_ref().map(|(_, c)| c.as_raw_fd()),
        netns_made: netns_made.as_ref().map(|(_, w)| w.as_raw_fd()),
    };
    let child = Box::new(|| child_main(launch, &fds) as isize);
    // The container's network namespace is held open from here (its process may
    // become non-dumpable before it execs, and /proc/PID/ns/net unreadable then).
    let (pid, netns) = match pid_join {
        Some(path) => clone_into_pid_namespace(&path, child, &mut stack, flags)?,
        None => {
            let flags = match netns_made {
                Some(_) => flags - CloneFlags::CLONE_NEWNET,
                None => flags,
            };
            // SAFETY: the child runs `child_main` on its own stack in a copy of this
            // process (no CLONE_VM) and leaves with _exit or exec.
            let pid = unsafe { nix::sched::clone(child, &mut stack, flags, Some(libc::SIGCHLD)) }
                .context("cannot create the container's namespaces (clone)")?;
            (pid, own_netns(pid, flags)?)
        }
    };
    let netns_made = netns_made.map(|(r, _w)| r);
    let netns_path = match &netns {
        Some(f) => std::path::PathBuf::from(format!("/proc/self/fd/{}", f.as_raw_fd())),
        None => std::path::PathBuf::from(format!("/proc/{pid}/ns/net")),
    };
    drop(err_w);
    drop(go_r);
    let abort = |e: anyhow::Error| {
        let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
        let _ = nix::sys::wait::waitpid(pid, None);
        e
    };
    write_id_maps(pid, launch.spec).map_err(abort)?;
    let connect = || match netns_made {
        Some(made) => {
            let netns = child_netns(made)?;
            connected(&std::path::PathBuf::from(format!(
                "/proc/self/fd/{}",
                netns.as_raw_fd()
            )))
        }
        None => connected(&netns_path),
    };
    let joined = root_and_connect(
        launch.connect_beside,
        || rooted(pid),
        || say(&go_w, GO_ROOT),
        connect,
    );
    let (rooted, connected) = match joined {
        Ok(both) => both,
        // The container process ended first: what it says of that.
        Err(e) if e.is::<ChildEnded>() => {
            let e = abort(e);
            read_report(err_r, pid)?;
            return Err(e);
        }
        Err(e) => return Err(abort(e)),
    };
    drop(netns);
    // A process that failed in the meantime has closed its end: its report says why.
    let _ = say(&go_w, GO_EXEC);
    drop(go_w);
    let terminal = receive_terminal(socks, None)?;
    read_report(err_r, pid)?;
    if tty && terminal.is_none() {
        bail!("the container did not hand over its terminal");
    }
    Ok((Started { pid, terminal }, rooted, connected))
}

/// `rooted`, then `go` (the container process sets up its root), and
/// `connected`: in a thread of its own beside them when `beside`, after them
/// otherwise. The first error is returned (once that thread has ended).
fn root_and_connect<T, U: Send>(
    beside: bool,
    rooted: impl FnOnce() -> Result<T>,
    go: impl FnOnce() -> Result<()>,
    connected: impl FnOnce() -> Result<U> + Send,
) -> Result<(T, U)> {
    if !beside {
        let rooted = rooted()?;
        go()?;
        return Ok((rooted, connected()?));
    }
    std::thread::scope(|scope| {
        let network = std::thread::Builder::new()
            .name("husk-connect".into())
            .spawn_scoped(scope, connected)
            .context("starting a thread")?;
        let rooted = rooted().and_then(|r| go().map(|()| r));
        let connected = network
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the network setup thread panicked")));
        Ok((rooted?, connected?))
    })
}

/// `--pid container:`: clone the container process into the pid namespace at
/// `path`. setns(2) of a pid namespace moves only the caller's later children,
/// and a rootless process cannot go back to its own (the host's) afterwards, nor
/// make threads meanwhile: a forked helper joins it and clones with CLONE_PARENT,
/// so that the container process is this process's child; the helper then exits.
///
/// The container process is visible to that namespace's processes from its
/// birth, while it still has husk's root and files: the helper makes itself
/// non-dumpable first (the process inherits it; its exec decides anew), so that
/// none of them can open its /proc files. Its network namespace (made by the
/// helper, when it has one of its own) comes back as a file, sent on a socket.
fn clone_into_pid_namespace(
    path: &std::path::Path,
    child: nix::sched::CloneCb<'_>,
    stack: &mut [u8],
    flags: CloneFlags,
) -> Result<(Pid, Option<std::fs::File>)> {
    let ns = std::fs::File::open(path)
        .with_context(|| format!("opening the PID namespace {}", path.display()))?;
    let (ours, theirs) = socket_pair()?;
    let own_net = flags.contains(CloneFlags::CLONE_NEWNET);
    // SAFETY: single-threaded here (as for the clone itself); the helper leaves with _exit.
    match unsafe { nix::unistd::fork() }.context("fork")? {
        nix::unistd::ForkResult::Child => {
            drop(ours);
            let word = match helper_clone(&ns, &theirs, child, stack, flags, own_net) {
                Ok(pid) => pid.as_raw(),
                Err(e) => -(e as i32),
            };
            let _ = nix::unistd::write(&theirs, &word.to_le_bytes());
            // SAFETY: leaving the helper without the parent's exit handlers.
            unsafe { libc::_exit(0) }
        }
        nix::unistd::ForkResult::Parent { child: helper } => {
            drop(theirs);
            let netns = match own_net {
                true => receive_fd(ours.as_raw_fd())
                    .ok()
                    .flatten()
                    .map(std::fs::File::from),
                false => None,
            };
            let mut word = [0u8; 4];
            let got = nix::unistd::read(ours.as_raw_fd(), &mut word);
            let _ = nix::sys::wait::waitpid(helper, None);
            match (got, i32::from_le_bytes(word)) {
                (Ok(4), pid) if pid > 0 && (netns.is_some() || !own_net) => {
                    Ok((Pid::from_raw(pid), netns))
                }
                (Ok(4), e) if e < 0 => Err(nix::errno::Errno::from_raw(-e))
                    .with_context(|| format!("joining the PID namespace {}", path.display())),
                _ => bail!(
                    "joining the PID namespace {}: the helper failed",
                    path.display()
                ),
            }
        }
    }
}

/// The helper of [`clone_into_pid_namespace`]: a network namespace of its own
/// (sent on `sock`) for the process to inherit, non-dumpable, into the pid
/// namespace `ns`, then the clone.
fn helper_clone(
    ns: &std::fs::File,
    sock: &OwnedFd,
    child: nix::sched::CloneCb<'_>,
    stack: &mut [u8],
    flags: CloneFlags,
    own_net: bool,
) -> nix::Result<Pid> {
    let mut flags = flags | CloneFlags::CLONE_PARENT;
    if own_net {
        nix::sched::unshare(CloneFlags::CLONE_NEWNET)?;
        let net = std::fs::File::open("/proc/self/ns/net").map_err(|_| nix::errno::Errno::EIO)?;
        send_fd(sock.as_raw_fd(), net.as_raw_fd())?;
        flags.remove(CloneFlags::CLONE_NEWNET);
    }
    // SAFETY: prctl with integer arguments.
    if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
        return Err(nix::errno::Errno::last());
    }
    nix::sched::setns(ns, CloneFlags::CLONE_NEWPID)?;
    // SAFETY: as the clone in `start`; CLONE_PARENT makes it our parent's child.
    unsafe { nix::sched::clone(child, stack, flags, Some(libc::SIGCHLD)) }
}

/// Send one fd with SCM_RIGHTS.
fn send_fd(socket: RawFd, fd: RawFd) -> nix::Result<()> {
    use nix::sys::socket::{sendmsg, ControlMessage, MsgFlags};
    let iov = [std::io::IoSlice::new(b"n")];
    let fds = [fd];
    sendmsg::<()>(
        socket,
        &iov,
        &[ControlMessage::ScmRights(&fds)],
        MsgFlags::empty(),
        None,
    )
    .map(drop)
}

/// The network namespace of the process `pid` just cloned with `flags`, opened
/// while it is still dumpable, if it made one of its own. Kills it on failure.
fn own_netns(pid: Pid, flags: CloneFlags) -> Result<Option<std::fs::File>> {
    if !flags.contains(CloneFlags::CLONE_NEWNET) {
        return Ok(None);
    }
    match std::fs::File::open(format!("/proc/{pid}/ns/net")) {
        Ok(f) => Ok(Some(f)),
        Err(e) => {
            let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
            let _ = nix::sys::wait::waitpid(pid, None);
            Err(e).context("opening the container's network namespace")
        }
    }
}

/// The network namespace the container process made, as it sent it on
/// `made` (opened by itself: another process may be refused its /proc files).
fn child_netns(made: OwnedFd) -> Result<std::fs::File> {
    match receive_fd(made.as_raw_fd()) {
        Ok(Some(fd)) => Ok(std::fs::File::from(fd)),
        Ok(None) => Err(ChildEnded.into()),
        Err(e) => Err(e.context("receiving the container's network namespace")),
    }
}

/// The container process ended before it sent its network namespace or read
/// its go word (its report says why).
#[derive(Debug, thiserror::Error)]
#[error("the container process ended before it started")]
struct ChildEnded;

/// A connected pair of close-on-exec stream sockets.
fn socket_pair() -> Result<(OwnedFd, OwnedFd)> {
    use nix::sys::socket::{socketpair, AddressFamily, SockFlag, SockType};
    socketpair(
        AddressFamily::Unix,
        SockType::Stream,
        None,
        SockFlag::SOCK_CLOEXEC,
    )
    .context("socketpair")
}

/// Write `word` on the go socket; the container process gone is [`ChildEnded`].
fn say(go: &OwnedFd, word: &[u8]) -> Result<()> {
    use nix::sys::socket::{send, MsgFlags};
    match send(go.as_raw_fd(), word, MsgFlags::MSG_NOSIGNAL) {
        Ok(_) => Ok(()),
        Err(nix::errno::Errno::EPIPE | nix::errno::Errno::ECONNRESET) => Err(ChildEnded.into()),
        Err(e) => Err(anyhow::Error::from(e).context("starting the container process")),
    }
}

/// In the container process: a network namespace of its own, sent to husk on
/// `made` (then closed here).
fn make_netns(made: RawFd) -> Result<()> {
    nix::sched::unshare(CloneFlags::CLONE_NEWNET)
        .context("cannot create the container's network namespace (unshare)")?;
    let net = std::fs::File::open("/proc/thread-self/ns/net")
        .context("opening the container's network namespace")?;
    send_fd(made, net.as_raw_fd()).context("sending the container's network namespace")?;
    // SAFETY: closing this process's copy of the socket; nothing else uses it here.
    unsafe { libc::close(made) };
    Ok(())
}

/// The fds the container process is handed, open in it from the clone on.
struct ChildFds {
    /// The go socket's reading end ([`GO_ROOT`], [`GO_EXEC`]).
    go: RawFd,
    /// The report pipe's write end ([`report`]).
    err: RawFd,
    /// With a terminal: the socket on which it hands the terminal over.
    sock: Option<RawFd>,
    /// With a network namespace of its own: the socket on which it sends it.
    netns_made: Option<RawFd>,
}

/// Written on the go socket: set up the root (it is mounted), then exec (the network is ready).
const GO_ROOT: &[u8] = b"r";
const GO_EXEC: &[u8] = b"x";

/// In the container process: wait for `word` on the go socket; false if husk
/// closed it instead (it failed, and reports that itself).
fn wait_for(go_fd: RawFd, word: &[u8]) -> bool {
    let mut got = [0u8; 1];
    matches!(nix::unistd::read(go_fd, &mut got), Ok(1) if got == word)
}

/// Whether the spec's process has a terminal (`-t`).
fn wants_terminal(spec: &Spec) -> bool {
    spec.process()
        .as_ref()
        .and_then(|p| p.terminal())
        .unwrap_or(false)
}

/// With a terminal: the socket pair on which the child sends the pty master.
fn terminal_sockets(tty: bool) -> Result<Option<(OwnedFd, OwnedFd)>> {
    match tty {
        true => socket_pair().map(Some),
        false => Ok(None),
    }
}

/// The parent's side of [`terminal_sockets`]: the pty master, once the child
/// sent it; its window size set before the child goes on: `size`, else ours.
fn receive_terminal(
    socks: Option<(OwnedFd, OwnedFd)>,
    size: Option<(u16, u16)>,
) -> Result<Option<OwnedFd>> {
    let Some((parent, child_end)) = socks else {
        return Ok(None);
    };
    drop(child_end);
    let master = receive_fd(parent.as_raw_fd())?;
    if let Some(m) = &master {
        match size {
            Some((rows, cols)) => crate::monitor::attach::set_window_size(m.as_fd(), rows, cols),
            None => crate::monitor::copy_window_size(m.as_fd()),
        }
        let _ = nix::unistd::write(&parent, b"k");
    }
    Ok(master)
}

/// Read the child's report pipe to its end: a failure before exec comes as an
/// exit code and a message (the child is reaped then); nothing means it exec'd.
fn read_report(err_r: OwnedFd, pid: Pid) -> Result<()> {
    let mut report = Vec::new();
    std::fs::File::from(err_r)
        .read_to_end(&mut report)
        .context("reading the start report")?;
    if report.len() >= 4 {
        let code = i32::from_le_bytes([report[0], report[1], report[2], report[3]]);
        let message = String::from_utf8_lossy(&report[4..]).into_owned();
        let _ = nix::sys::wait::waitpid(pid, None);
        return Err(Failure::new(code, message).into());
    }
    Ok(())
}

/// Receive one fd sent with SCM_RIGHTS; None if the peer closed first.
fn receive_fd(socket: RawFd) -> Result<Option<OwnedFd>> {
    use nix::sys::socket::{recvmsg, ControlMessageOwned, MsgFlags};
    let mut buf = [0u8; 1];
    let mut iov = [std::io::IoSliceMut::new(&mut buf)];
    let mut space = nix::cmsg_space!([RawFd; 1]);
    let msg = recvmsg::<()>(
        socket,
        &mut iov,
        Some(&mut space),
        MsgFlags::MSG_CMSG_CLOEXEC,
    )
    .context("receiving the terminal")?;
    for cmsg in msg.cmsgs().context("reading the terminal message")? {
        if let ControlMessageOwned::ScmRights(fds) = cmsg {
            if let Some(fd) = fds.first() {
                // SAFETY: the kernel installed this fd for us just now.
                return Ok(Some(unsafe { OwnedFd::from_raw_fd(*fd) }));
            }
        }
    }
    Ok(None)
}

/// Report a failure to the monitor and give the exit code to leave with.
fn report(err_fd: RawFd, e: &anyhow::Error) -> i32 {
    let code = crate::error::exit_code_of(e);
    let mut msg = code.to_le_bytes().to_vec();
    msg.extend_from_slice(crate::error::one_line(e).as_bytes());
    // SAFETY: err_fd is the write end of the report pipe, open in this process.
    let mut f = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(err_fd) });
    let _ = f.write_all(&msg);
    code
}

/// Whether this process has one thread (may fork and go on as another process,
/// or unshare what threads share).
pub fn single_threaded() -> bool {
    std::fs::read_dir("/proc/self/task").is_ok_and(|d| d.count() == 1)
}

/// Make this process non-dumpable: processes with the same uid can no longer
/// ptrace it or open its /proc/PID files (exe, mem, fd, environ) unless they
/// hold CAP_SYS_PTRACE where it was started. Used by every husk process that
/// enters a container before exec.
pub fn non_dumpable() -> Result<()> {
    // SAFETY: prctl with integer arguments.
    if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0) } != 0 {
        anyhow::bail!(
            "prctl(PR_SET_DUMPABLE): {}",
            std::io::Error::last_os_error()
        );
    }
    Ok(())
}

/// The container process, from clone to exec.
fn child_main(launch: &Launch<'_>, fds: &ChildFds) -> i32 {
    let (go_fd, err_fd, sock_fd) = (fds.go, fds.err, fds.sock);
    // The container lives exactly as long as its monitor (which may also serve its root).
    // Should the monitor die before this is armed, the go socket below reads end-of-file.
    // SAFETY: prctl with plain arguments.
    unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) };
    if let Some(made) = fds.netns_made {
        if let Err(e) = make_netns(made) {
            return report(err_fd, &e);
        }
    }
    if !wait_for(go_fd, GO_ROOT) {
        return crate::error::EXIT_TOOL;
    }
    crate::timeline::mark("child: go");
    // Tests widen the window before the root is set up (what another process could
    // see of this one meanwhile): `HUSK_TEST_SETUP_DELAY_MS`.
    if let Some(ms) = std::env::var("HUSK_TEST_SETUP_DELAY_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(5000)));
    }
    match setup_and_exec(launch, go_fd, err_fd, sock_fd) {
        Ok(code) => code,
        Err(e) => report(err_fd, &e),
    }
}

fn setup_and_exec(
    launch: &Launch<'_>,
    go_fd: RawFd,
    err_fd: RawFd,
    sock_fd: Option<RawFd>,
) -> Result<i32> {
    let spec = launch.spec;
    join_namespaces(spec)?;
    if let Some(h) = spec.hostname() {
        nix::unistd::sethostname(h).context("sethostname")?;
    }
    if let Some(d) = spec.domainname() {
        set_domainname(d)?;
    }
    // With its own id map, the process finds what it mounts while it is still
    // husk's root (which may search husk's store), then becomes the container's.
    let reachable = match own_id_maps(spec) {
        Some(_) => {
            let r = rootfs::Reachable::open(spec, &launch.layout)?;
            // Non-dumpable from here (the change of ids makes it so) until its
            // exec: the monitor holds its network namespace open already.
            become_root()?;
            Some(r)
        }
        None => None,
    };
    let (spec, layout) = match &reachable {
        Some(r) => (&r.spec, &r.layout),
        None => (spec, &launch.layout),
    };
    rootfs::setup(spec, layout, launch.driver)?;
    crate::timeline::mark("child: rootfs set up");
    if clone_flags(spec).contains(CloneFlags::CLONE_NEWNET) {
        // (Up already when husk connected the namespace to a network meanwhile.)
        crate::network::loopback_up().context("bringing up loopback")?;
    }
    if !wait_for(go_fd, GO_EXEC) {
        return Ok(crate::error::EXIT_TOOL);
    }
    crate::timeline::mark("child: connected");
    let init = spec
        .annotations()
        .as_ref()
        .and_then(|a| a.get(crate::container::spec::ANNOTATION_INIT))
        .is_some_and(|v| v == "true");
    if init {
        return init::run(|| exec_command(launch, sock_fd), err_fd);
    }
    exec_command(launch, sock_fd).map(|never| match never {})
}

/// The path of the spec's namespace of type `kind`, if it names one.
fn namespace_path(spec: &Spec, kind: LinuxNamespaceType) -> Option<std::path::PathBuf> {
    spec.linux()
        .as_ref()
        .and_then(|l| l.namespaces().as_ref())
        .and_then(|nss| nss.iter().find(|n| n.typ() == kind))
        .and_then(|n| n.path().clone())
}

fn setns_path(path: &std::path::Path, flag: CloneFlags, what: &str) -> Result<()> {
    let ns = std::fs::File::open(path)
        .with_context(|| format!("opening the {what} namespace {}", path.display()))?;
    nix::sched::setns(ns, flag)
        .with_context(|| format!("joining the {what} namespace {}", path.display()))
}

/// In the container process: join the network, IPC and UTS namespaces the
/// spec names by path (`--network container:`, `ns:`).
fn join_namespaces(spec: &Spec) -> Result<()> {
    for (kind, flag, what) in [
        (
            LinuxNamespaceType::Network,
            CloneFlags::CLONE_NEWNET,
            "network",
        ),
        (LinuxNamespaceType::Ipc, CloneFlags::CLONE_NEWIPC, "IPC"),
        (LinuxNamespaceType::Uts, CloneFlags::CLONE_NEWUTS, "UTS"),
    ] {
        if let Some(path) = namespace_path(spec, kind) {
            setns_path(&path, flag, what)?;
        }
    }
    Ok(())
}

/// Stdio, signals back to defaults, then `process::exec`.
fn exec_command(launch: &Launch<'_>, sock_fd: Option<RawFd>) -> Result<std::convert::Infallible> {
    let process = launch
        .spec
        .process()
        .as_ref()
        .context("the spec has no process")?;
    match sock_fd {
        Some(sock) => process::attach_terminal(sock, process.user().uid(), process.user().gid())?,
        None => process::detach_stdio(launch.keep_stdin)?,
    }
    reset_signals()?;
    crate::timeline::mark("child: exec");
    process::exec(
        launch.spec,
        launch.seccomp.as_ref(),
        launch.can_setgroups,
        launch.preserve_fds,
    )
}

/// Default dispositions (Rust ignores SIGPIPE; ignored signals survive exec) and an empty mask.
fn reset_signals() -> Result<()> {
    use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, SigmaskHow, Signal};
    let default = SigAction::new(SigHandler::SigDfl, SaFlags::empty(), SigSet::empty());
    for sig in Signal::iterator() {
        if sig != Signal::SIGKILL && sig != Signal::SIGSTOP {
            // SAFETY: installing SIG_DFL is always sound.
            let _ = unsafe { sigaction(sig, &default) };
        }
    }
    nix::sys::signal::pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&SigSet::empty()), None)
        .context("unblocking signals")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::root_and_connect;
    use super::{child_netns, say, send_fd, socket_pair, ChildEnded, GO_ROOT};
    use std::os::fd::AsRawFd;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// The network namespace the container process sends is the one husk
    /// attaches; a process that ended without sending one is told apart (its
    /// own report then says why).
    #[test]
    fn the_network_namespace_comes_from_the_container_process() {
        let (ours, theirs) = socket_pair().unwrap();
        let net = std::fs::File::open("/proc/self/ns/net").unwrap();
        send_fd(theirs.as_raw_fd(), net.as_raw_fd()).unwrap();
        let got = child_netns(ours).unwrap();
        let inode = |f: &std::fs::File| {
            use std::os::unix::fs::MetadataExt;
            f.metadata().unwrap().ino()
        };
        assert_eq!(inode(&got), inode(&net));
        let (ours, theirs) = socket_pair().unwrap();
        drop(theirs);
        assert!(child_netns(ours).unwrap_err().is::<ChildEnded>());
    }

    /// A go word to a container process that is gone is an error that says
    /// so (its report is then read), not a SIGPIPE that ends the monitor.
    #[test]
    fn a_go_word_to_a_process_that_ended_is_an_error() {
        use nix::sys::signal::{pthread_sigmask, SigSet, SigmaskHow, Signal};
        // Blocked in this thread, a SIGPIPE would stay pending (even though
        // the test process ignores it) where a write without MSG_NOSIGNAL sent one.
        let mut pipe = SigSet::empty();
        pipe.add(Signal::SIGPIPE);
        pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&pipe), None).unwrap();
        let (ours, theirs) = socket_pair().unwrap();
        say(&ours, GO_ROOT).unwrap();
        drop(theirs);
        let err = say(&ours, GO_ROOT).unwrap_err();
        // SAFETY: sigpending writes the sigset_t it is given.
        let pending = unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigpending(&mut set);
            libc::sigismember(&set, libc::SIGPIPE) == 1
        };
        pthread_sigmask(SigmaskHow::SIG_UNBLOCK, Some(&pipe), None).unwrap();
        assert!(err.is::<ChildEnded>(), "{err:#}");
        assert!(!pending, "a SIGPIPE was sent");
    }

    #[test]
    fn the_network_is_connected_beside_the_root_or_after_it() {
        let here = std::thread::current().id();
        // Beside: another thread, while `rooted` still runs (it waits for it).
        let connecting = AtomicBool::new(false);
        let (r, c) = root_and_connect(
            true,
            || {
                while !connecting.load(Ordering::SeqCst) {
                    std::thread::yield_now();
                }
                Ok(1)
            },
            || Ok(()),
            || {
                connecting.store(true, Ordering::SeqCst);
                Ok(std::thread::current().id())
            },
        )
        .unwrap();
        assert_eq!(r, 1);
        assert_ne!(c, here);
        // After: this thread, once `go` was given.
        let went = AtomicBool::new(false);
        let (_, c) = root_and_connect(
            false,
            || Ok(()),
            || {
                went.store(true, Ordering::SeqCst);
                Ok(())
            },
            || {
                assert!(went.load(Ordering::SeqCst));
                Ok(std::thread::current().id())
            },
        )
        .unwrap();
        assert_eq!(c, here);
        // The root's error first; no go-ahead after it; the network's otherwise.
        for beside in [true, false] {
            let e = root_and_connect::<(), ()>(
                beside,
                || anyhow::bail!("no root"),
                || panic!("go after a failed root"),
                || anyhow::bail!("no network"),
            )
            .unwrap_err();
            assert_eq!(e.to_string(), "no root");
            let e = root_and_connect::<(), ()>(
                beside,
                || Ok(()),
                || Ok(()),
                || anyhow::bail!("no network"),
            )
            .unwrap_err();
            assert_eq!(e.to_string(), "no network");
        }
    }
}
