//! husk's entry point. It is C's `main`, not std's: std's start-up before a
//! Rust `main` finds the main thread's stack by reading /proc/self/maps (a
//! file the kernel renders line by line, ~40 mappings for husk) to guard it,
//! and installs signal handlers and an alternate stack for the message of a
//! stack overflow: 0.1-0.2 ms of every husk command (`husk version` 1.5 ->
//! 1.3 ms, `ps -a` 2.6 -> 2.4, interleaved). What of it husk relies on is
//! done here ([`start`]); a stack overflow is then a plain SIGSEGV without
//! std's message. std::env::args still works (glibc hands argv to std
//! through .init_array, before main). A test build of this file (`cargo test
//! --all-targets`) keeps the harness's own main.
#![cfg_attr(not(test), no_main)]
#![cfg_attr(test, allow(dead_code, unused_imports))]

use husk::error::{exit_code_of, one_line, EXIT_TOOL};
use husk::userns;

/// C's main: std's start-up as husk needs it, then [`husk_main`]; a panic that
/// gets here ends the process with 101, as one out of a Rust main does.
#[cfg(not(test))]
#[no_mangle]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    start();
    match std::panic::catch_unwind(husk_main) {
        Ok(never) => match never {},
        Err(_) => 101,
    }
}

/// What std's start-up does that husk relies on: fds 0, 1 and 2 open (one
/// closed is /dev/null, so that no file husk opens becomes a stdout or stdin),
/// and SIGPIPE ignored (a write to a closed pipe is an error husk reports;
/// `quiet_on_broken_pipe` lets it kill the commands that should die of it).
fn start() {
    let mut fds = [0, 1, 2].map(|fd| libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    });
    // SAFETY: poll reads and writes the three pollfds of the array it is given.
    let polled = unsafe { libc::poll(fds.as_mut_ptr(), 3, 0) };
    for p in fds {
        // An fd poll could not tell about (-1: seccomp, EINTR) is checked on its own.
        // SAFETY: fcntl(F_GETFD) only reads the fd's flags.
        let closed = match polled {
            -1 => (unsafe { libc::fcntl(p.fd, libc::F_GETFD) }) == -1,
            _ => p.revents & libc::POLLNVAL != 0,
        };
        if closed {
            // SAFETY: open of a constant C string; the fd it returns is the
            // lowest free one, the closed one (0, 1 or 2) being the lowest.
            let fd = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
            if fd != p.fd {
                // No /dev/null: std aborts here too rather than run with an fd
                // that the next open would take.
                std::process::abort();
            }
        }
    }
    // SAFETY: signal(2) with SIG_IGN, before any thread exists.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
}

fn husk_main() -> std::convert::Infallible {
    husk::timeline::mark("main");
    tune_malloc();
    let cli = match husk::cli::argv::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_TOOL } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    husk::cli::quiet_on_broken_pipe(&cli);
    husk::timeline::mark("parsed");
    // Before any thread exists: unshare(CLONE_NEWUSER) refuses multithreaded callers.
    if cli.needs_user_namespace() && userns::in_child_namespace() {
        userns::adopt();
    } else if cli.needs_user_namespace() {
        if let Err(e) = userns::IdMapping::detect().and_then(|m| userns::enter(&m)) {
            eprintln!("Error: {}", one_line(&e));
            std::process::exit(EXIT_TOOL);
        }
    }
    if cli.needs_mount_namespace() {
        if let Err(e) = userns::private_mounts() {
            eprintln!("Error: {}", one_line(&e));
            std::process::exit(EXIT_TOOL);
        }
    }
    husk::timeline::mark("namespaces entered");
    match husk::cli::run(cli) {
        Ok(code) => {
            husk::timeline::mark("exit");
            std::process::exit(code)
        }
        Err(e) => {
            if e.downcast_ref::<husk::error::ExitCode>().is_none() {
                eprintln!("Error: {}", one_line(&e));
            }
            std::process::exit(exit_code_of(&e));
        }
    }
}

/// glibc's malloc, tuned for a command that lives a few milliseconds: blocks
/// up to 1 MiB come from the heap (not a fresh mmap each, 128 KiB and up by
/// default), and freed memory stays in the heap below 8 MiB (not given back
/// and faulted in again). A `ps` of 100 containers grows and copies a few
/// arrays of 100-200 KiB; each was a new mapping, a hundred page faults in
/// all (0.4 ms of its 3.5). For long-running husk processes (monitor, FUSE
/// server) these are values glibc itself moves to as such blocks are freed
/// (it raises its thresholds up to 32 MiB).
fn tune_malloc() {
    // SAFETY: mallopt sets glibc allocator parameters; it is called before
    // any thread exists, and a value it refuses leaves the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 8 << 20);
    }
}
