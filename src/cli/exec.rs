//! Handler of `husk exec`: parse, start the process (`container::exec`), wait.

use std::path::PathBuf;

use anyhow::Result;

use super::{store_root, ExecArgs};
use crate::container::{self, exec::ExecOptions, spec};
use crate::monitor::foreground;
use crate::store::Store;

pub fn exec(root: Option<PathBuf>, a: ExecArgs) -> Result<i32> {
    if !a.detach {
        super::require_terminal_stdin(a.tty, a.interactive)?;
    }
    let detach_keys = crate::monitor::attach::parse_detach_keys(&a.detach_keys)?;
    let store = Store::open_existing(&store_root(root)?);
    // -l and --cidfile: no CONTAINER is given, so what took its place is the
    // command's first word.
    let given = match (a.latest, &a.cidfile) {
        (true, _) => Some(super::containers::latest(&store)?),
        (false, Some(f)) => Some(container::find(
            &store,
            &super::containers::read_cidfile(f)?,
        )?),
        (false, None) => None,
    };
    let (id, command) = match given {
        Some(id) => (id, std::iter::once(a.container).chain(a.command).collect()),
        None => (container::find(&store, &a.container)?, a.command),
    };
    if let Some(secs) = a.wait {
        container::exec::wait_running(&store, &id, std::time::Duration::from_secs(secs));
    }
    let _ = a.no_session;
    let preserve_fds = container::options::preserved_fds(a.preserve_fds)?;
    // The files are the host's: read now, before this process joins the container.
    let mut env = Vec::new();
    for f in &a.env_file {
        env.extend(spec::env_file(f)?);
    }
    env.extend(a.env);
    let opts = ExecOptions {
        command,
        env,
        workdir: a.workdir,
        user: a.user,
        tty: a.tty,
        interactive: a.interactive,
        privileged: a.privileged,
        preserve_fds,
        window_size: None,
    };
    exec_in(&store, &id, &opts, a.detach, &detach_keys)
}

/// Start `opts`' process in container `id`; unless `detach`, wait for it
/// with this terminal attached (its exit code is ours).
pub fn exec_in(
    store: &Store,
    id: &str,
    opts: &ExecOptions,
    detach: bool,
    detach_keys: &[u8],
) -> Result<i32> {
    let execed = container::exec::start(store, id, opts)?;
    if detach {
        return Ok(0);
    }
    foreground::wait(
        execed.started.pid,
        &execed.signals,
        execed.started.terminal,
        opts.interactive,
        detach_keys,
    )
}
