//! The last steps of the container process before exec: its terminal, limits,
//! working directory, user, capabilities, no_new_privs, seccomp, file
//! descriptors, and finding the command like execvp does.

use std::ffi::CString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{Process, Spec};

use super::caps;
use super::Failure;

fn check(r: libc::c_int, what: &str) -> Result<()> {
    if r < 0 {
        bail!("{what}: {}", std::io::Error::last_os_error());
    }
    Ok(())
}

/// Give this process a terminal of the container's own devpts: send the master
/// to the monitor over `socket`, make the peer the controlling terminal and stdio.
pub fn attach_terminal(socket: RawFd, uid: u32, gid: u32) -> Result<()> {
    // SAFETY: open(2) of a fixed path; the fd is owned below.
    let master = unsafe {
        libc::open(
            c"/dev/pts/ptmx".as_ptr(),
            libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
        )
    };
    check(master, "opening /dev/pts/ptmx")?;
    // SAFETY: master is a new fd nobody else owns.
    let master = unsafe { OwnedFd::from_raw_fd(master) };
    let unlock: libc::c_int = 0;
    // SAFETY: TIOCSPTLCK takes a pointer to an int.
    check(
        unsafe { libc::ioctl(master.as_raw_fd(), libc::TIOCSPTLCK, &unlock) },
        "unlocking the pty",
    )?;
    // SAFETY: TIOCGPTPEER opens the peer of this master and returns a new fd.
    let peer = unsafe {
        libc::ioctl(
            master.as_raw_fd(),
            libc::TIOCGPTPEER,
            libc::O_RDWR | libc::O_NOCTTY,
        )
    };
    check(peer, "opening the pty peer")?;
    send_fd(socket, master.as_raw_fd())?;
    drop(master);
    // Wait until the monitor has set the window size: the command must see it from its start.
    let mut ack = [0u8; 1];
    nix::unistd::read(socket, &mut ack).context("waiting for the monitor")?;
    if uid != 0 {
        // SAFETY: fchown on an fd we own.
        unsafe { libc::fchown(peer, uid, gid) };
    }
    // SAFETY: setsid, TIOCSCTTY and dup2 on fds this process owns.
    unsafe {
        check(libc::setsid(), "setsid")?;
        check(
            libc::ioctl(peer, libc::TIOCSCTTY, 0),
            "making the pty the controlling terminal",
        )?;
        for target in 0..3 {
            check(libc::dup2(peer, target), "dup2")?;
        }
        if peer > 2 {
            libc::close(peer);
        }
    }
    Ok(())
}

/// Send `fd` over the unix socket `socket` (SCM_RIGHTS).
fn send_fd(socket: RawFd, fd: RawFd) -> Result<()> {
    use nix::sys::socket::{sendmsg, ControlMessage, MsgFlags};
    let iov = [std::io::IoSlice::new(b"t")];
    let fds = [fd];
    let cmsg = [ControlMessage::ScmRights(&fds)];
    sendmsg::<()>(socket, &iov, &cmsg, MsgFlags::empty(), None)
        .context("sending the pty to the monitor")?;
    Ok(())
}

/// Without a terminal: a session of its own (so the user's ^C reaches the
/// container once, through husk), and /dev/null as stdin unless `-i`.
pub fn detach_stdio(keep_stdin: bool) -> Result<()> {
    // SAFETY: setsid/open/dup2/close on this process's own fds.
    unsafe {
        libc::setsid();
        if !keep_stdin {
            let null = libc::open(c"/dev/null".as_ptr(), libc::O_RDONLY);
            check(null, "opening /dev/null")?;
            check(libc::dup2(null, 0), "dup2")?;
            libc::close(null);
        }
    }
    Ok(())
}

fn rlimit_resource(name: &str) -> Option<libc::__rlimit_resource_t> {
    Some(match name {
        "RLIMIT_AS" => libc::RLIMIT_AS,
        "RLIMIT_CORE" => libc::RLIMIT_CORE,
        "RLIMIT_CPU" => libc::RLIMIT_CPU,
        "RLIMIT_DATA" => libc::RLIMIT_DATA,
        "RLIMIT_FSIZE" => libc::RLIMIT_FSIZE,
        "RLIMIT_LOCKS" => libc::RLIMIT_LOCKS,
        "RLIMIT_MEMLOCK" => libc::RLIMIT_MEMLOCK,
        "RLIMIT_MSGQUEUE" => libc::RLIMIT_MSGQUEUE,
        "RLIMIT_NICE" => libc::RLIMIT_NICE,
        "RLIMIT_NOFILE" => libc::RLIMIT_NOFILE,
        "RLIMIT_NPROC" => libc::RLIMIT_NPROC,
        "RLIMIT_RSS" => libc::RLIMIT_RSS,
        "RLIMIT_RTPRIO" => libc::RLIMIT_RTPRIO,
        "RLIMIT_RTTIME" => libc::RLIMIT_RTTIME,
        "RLIMIT_SIGPENDING" => libc::RLIMIT_SIGPENDING,
        "RLIMIT_STACK" => libc::RLIMIT_STACK,
        _ => return None,
    })
}

fn set_rlimits(process: &Process) -> Result<()> {
    for r in process.rlimits().as_deref().unwrap_or_default() {
        let name = serde_json::to_value(r.typ())?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let Some(res) = rlimit_resource(&name) else {
            bail!("unknown rlimit {name}")
        };
        let lim = libc::rlimit {
            rlim_cur: r.soft(),
            rlim_max: r.hard(),
        };
        // SAFETY: setrlimit reads one rlimit struct.
        if unsafe { libc::setrlimit(res, &lim) } != 0 {
            bail!(
                "--ulimit {name}: {} (a limit cannot be raised above husk's own hard limit)",
                std::io::Error::last_os_error()
            );
        }
    }
    Ok(())
}

/// Switch to the spec's user and capability sets.
fn set_identity(process: &Process, can_setgroups: bool) -> Result<()> {
    let user = process.user();
    let caps_spec = process.capabilities().clone().unwrap_or_default();
    caps::limit_bounding(&caps::names(caps_spec.bounding()))
        .context("limiting the capability bounding set")?;
    // SAFETY: prctl/setgroups/setresgid/setresuid with plain arguments; gids outlives the call.
    unsafe {
        check(libc::prctl(libc::PR_SET_KEEPCAPS, 1, 0, 0, 0), "keepcaps")?;
        if can_setgroups {
            let gids: Vec<libc::gid_t> = user.additional_gids().clone().unwrap_or_default();
            check(libc::setgroups(gids.len(), gids.as_ptr()), "setgroups")?;
        }
        if libc::setresgid(user.gid(), user.gid(), user.gid()) != 0 {
            bail!(
                "cannot switch to gid {}: {} (is it mapped?)",
                user.gid(),
                std::io::Error::last_os_error()
            );
        }
        if libc::setresuid(user.uid(), user.uid(), user.uid()) != 0 {
            bail!(
                "cannot switch to uid {}: {} (is it mapped?)",
                user.uid(),
                std::io::Error::last_os_error()
            );
        }
    }
    caps::set(
        &caps::names(caps_spec.effective()),
        &caps::names(caps_spec.permitted()),
        &caps::names(caps_spec.inheritable()),
    )
    .context("setting capabilities")?;
    caps::raise_ambient(&caps::names(caps_spec.ambient()))
        .context("raising ambient capabilities")?;
    Ok(())
}

/// `--oom-score-adj`: a user namespace may raise its score, not lower it
/// below what it had (that takes CAP_SYS_RESOURCE on the host).
fn set_oom_score_adj(adj: i32) -> Result<()> {
    const FILE: &str = "/proc/self/oom_score_adj";
    if let Err(e) = std::fs::write(FILE, adj.to_string()) {
        let now = std::fs::read_to_string(FILE).unwrap_or_default();
        bail!(
            "cannot set oom_score_adj {adj} (it is {}): {e}; rootless, it can only be raised",
            now.trim()
        );
    }
    Ok(())
}

/// chdir to the working directory, creating it (as docker does) if the image lacks it.
fn enter_cwd(cwd: &Path) -> Result<()> {
    if std::env::set_current_dir(cwd).is_ok() {
        return Ok(());
    }
    std::fs::create_dir_all(cwd)
        .with_context(|| format!("creating the working directory {}", cwd.display()))?;
    std::env::set_current_dir(cwd).with_context(|| format!("chdir {}", cwd.display()))
}

/// Everything up to exec, in the order the kernel requires. `seccomp` is
/// the compiled filter, if any. Does not return on success.
pub fn exec(
    spec: &Spec,
    seccomp: Option<&super::seccomp::Filter>,
    can_setgroups: bool,
    kept: RawFd,
) -> Result<std::convert::Infallible> {
    let process = spec.process().as_ref().context("the spec has no process")?;
    let no_new_privs = process.no_new_privileges().unwrap_or(false);
    let pause = spec
        .annotations()
        .as_ref()
        .is_some_and(|a| a.contains_key(crate::container::spec::ANNOTATION_PAUSE));
    if pause {
        // At once: PID 1 ignores a signal it has no handler for, and a stop
        // right after the start would wait its whole timeout.
        pause_handlers();
    }
    set_rlimits(process)?;
    if let Some(adj) = process.oom_score_adj() {
        set_oom_score_adj(adj)?;
    }
    if let Some(mask) = process.user().umask() {
        // SAFETY: umask only sets the process's file mode mask.
        unsafe { libc::umask(mask as libc::mode_t) };
    }
    enter_cwd(process.cwd())?;
    set_personality(spec)?;
    // Without no_new_privs the kernel takes a filter only from a process with
    // CAP_SYS_ADMIN (in its user namespace): load it before dropping to the
    // container's user and capabilities, as runc does. With no_new_privs it goes
    // on last, so that it need not allow what husk does before exec.
    if let (Some(filter), false) = (seccomp, no_new_privs) {
        super::seccomp::load(filter).context("loading the seccomp filter")?;
    }
    set_identity(process, can_setgroups)?;
    if no_new_privs {
        // SAFETY: prctl with integer arguments.
        check(
            unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) },
            "no_new_privs",
        )?;
    }
    if pause {
        // What `pod top` and ps show: the infra container's command, not the monitor's title.
        crate::proctitle::set("/husk-pause");
        if let Some(filter) = seccomp.filter(|_| no_new_privs) {
            super::seccomp::load(filter).context("loading the seccomp filter")?;
        }
        pause_forever();
    }
    let args = process.args().clone().unwrap_or_default();
    let env = process.env().clone().unwrap_or_default();
    let program = find_program(&args[0], &env)?;
    if let (Some(filter), true) = (seccomp, no_new_privs) {
        super::seccomp::load(filter).context("loading the seccomp filter")?;
    }
    // Everything husk had open beyond stdio closes at exec (the error pipe too, which
    // tells the monitor), but the fds `--preserve-fds` hands on.
    for fd in 3..3 + kept {
        // SAFETY: fcntl on an fd number; one that is not open fails harmlessly.
        unsafe { libc::fcntl(fd, libc::F_SETFD, 0) };
    }
    cloexec_from(3 + kept)?;
    let c_args: Vec<CString> = args
        .iter()
        .map(|a| CString::new(a.as_bytes()))
        .collect::<Result<_, _>>()
        .context("NUL in an argument")?;
    let c_env: Vec<CString> = env
        .iter()
        .map(|e| CString::new(e.as_bytes()))
        .collect::<Result<_, _>>()
        .context("NUL in the environment")?;
    let mut argv: Vec<*const libc::c_char> = c_args.iter().map(|a| a.as_ptr()).collect();
    argv.push(std::ptr::null());
    let mut envp: Vec<*const libc::c_char> = c_env.iter().map(|e| e.as_ptr()).collect();
    envp.push(std::ptr::null());
    let c_prog = CString::new(program.as_os_str().as_bytes()).context("NUL in the program path")?;
    // SAFETY: argv and envp are NULL-terminated arrays of valid C strings that outlive the call.
    unsafe { libc::execve(c_prog.as_ptr(), argv.as_ptr(), envp.as_ptr()) };
    let e = std::io::Error::last_os_error();
    Err(match e.raw_os_error() {
        Some(libc::ENOENT) => Failure::new(
            127,
            format!("{}: no such file or directory", program.display()),
        ),
        // runc's (Go's) words, which the docker CLI reads as exit code 126.
        Some(code @ (libc::EACCES | libc::ENOEXEC | libc::EPERM | libc::EISDIR)) => {
            let why = match code {
                libc::EACCES => "permission denied",
                libc::ENOEXEC => "exec format error",
                libc::EPERM => "operation not permitted",
                _ => "is a directory",
            };
            Failure::new(
                126,
                format!("exec: {:?}: {why}", program.display().to_string()),
            )
        }
        _ => Failure::new(126, format!("exec {}: {e}", program.display())),
    }
    .into())
}

/// A pod's infra container: husk's own pause, which only holds the
/// namespaces its pod's containers join, until SIGTERM, SIGINT or SIGHUP.
/// Its fds close as an exec would close them (the monitor's error pipe
/// among them: the start succeeded).
fn pause_forever() -> ! {
    // SAFETY: close_range on this process's own fds, then pause(2), which only waits.
    unsafe {
        libc::syscall(libc::SYS_close_range, 3u32, u32::MAX, 0u32);
        loop {
            libc::pause();
        }
    }
}

/// The pause's way out: SIGTERM, SIGINT and SIGHUP end it.
fn pause_handlers() {
    extern "C" fn leave(_: libc::c_int) {
        // SAFETY: _exit is async-signal-safe.
        unsafe { libc::_exit(0) }
    }
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        // SAFETY: a handler that only calls _exit.
        unsafe { libc::signal(sig, leave as *const () as libc::sighandler_t) };
    }
}

/// `--personality`: the execution domain the process execs in (before the
/// seccomp filter, which allows only the usual personalities).
fn set_personality(spec: &Spec) -> Result<()> {
    use oci_spec::runtime::LinuxPersonalityDomain as Domain;
    let Some(p) = spec.linux().as_ref().and_then(|l| l.personality().as_ref()) else {
        return Ok(());
    };
    // <linux/personality.h>: PER_LINUX, PER_LINUX32.
    let persona: libc::c_ulong = match p.domain() {
        Domain::PerLinux => 0x0000,
        Domain::PerLinux32 => 0x0008,
    };
    // SAFETY: personality(2) with a constant; it only sets this process's domain.
    if unsafe { libc::personality(persona) } == -1 {
        return Err(std::io::Error::last_os_error()).context("personality");
    }
    Ok(())
}

/// Mark every fd from `first` on close-on-exec: close_range(2) where the
/// kernel has it (5.11), else each open fd listed in /proc/self/fd.
fn cloexec_from(first: RawFd) -> Result<()> {
    // SAFETY: close_range with CLOSE_RANGE_CLOEXEC only marks fds.
    let r = unsafe {
        libc::syscall(
            libc::SYS_close_range,
            first as u32,
            u32::MAX,
            libc::CLOSE_RANGE_CLOEXEC,
        )
    };
    if r == 0 {
        return Ok(());
    }
    let fds: Vec<RawFd> = std::fs::read_dir("/proc/self/fd")
        .context("listing open file descriptors (close_range is not available)")?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|fd| *fd >= first)
        .collect();
    for fd in fds {
        // SAFETY: F_SETFD on an fd number; one that closed meanwhile (the listing's own) fails harmlessly.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok(())
}

/// `name` as execvp would find it, with the container's PATH.
fn find_program(name: &str, env: &[String]) -> Result<PathBuf> {
    if name.is_empty() {
        return Err(Failure::new(127, "empty command".into()).into());
    }
    if name.contains('/') {
        return Ok(PathBuf::from(name));
    }
    let path = env
        .iter()
        .find_map(|e| e.strip_prefix("PATH="))
        .unwrap_or("/usr/local/bin:/usr/bin:/bin");
    let mut denied = None;
    for dir in path.split(':').filter(|d| !d.is_empty()) {
        let candidate = Path::new(dir).join(name);
        let Ok(meta) = std::fs::metadata(&candidate) else {
            continue;
        };
        if meta.is_file() && nix::unistd::access(&candidate, nix::unistd::AccessFlags::X_OK).is_ok()
        {
            return Ok(candidate);
        }
        denied.get_or_insert(candidate);
    }
    match denied {
        Some(p) => Err(Failure::new(126, format!("{}: permission denied", p.display())).into()),
        None => {
            // runc's wording, which the docker CLI reads as exit code 127.
            Err(Failure::new(
                127,
                format!("exec: {name:?}: executable file not found in $PATH"),
            )
            .into())
        }
    }
}
