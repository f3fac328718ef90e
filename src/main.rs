use husk::error::{exit_code_of, one_line, EXIT_TOOL};
use husk::userns;

fn main() {
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
