use husk::error::{exit_code_of, one_line, EXIT_TOOL};
use husk::userns;

fn main() {
    husk::timeline::mark("main");
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
