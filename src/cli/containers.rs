//! Handlers of the container commands: ps, logs, stop, kill, wait, rm, rename,
//! top, port, diff, pause/unpause, container prune, generate systemd, and
//! inspect (containers, then images).

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use serde_json::{json, Value};

use super::{
    store_root, AttachArgs, ContainerArg, InspectArgs, KillArgs, LogsArgs, PortArgs,
    PruneContainersArgs, PsArgs, RenameArgs, RmArgs, StopArgs, SystemdArgs, TopArgs,
};
use crate::config::Config;
use crate::container::list::{self, Filter, Listed};
use crate::container::logs::LogQuery;
use crate::container::{self, inspect as inspect_container, lifecycle, state};
use crate::error::{one_line, ExitCode, Failure};
use crate::image::{inspect as inspect_image, lookup};
use crate::monitor::log::{Entry, Stream};
use crate::output::{human, table, template};
use crate::store::containers::Status;
use crate::store::Store;

/// Run `each` on every named container, docker-style: go on after a failure,
/// report each one on stderr, and end with the exit code of the last failure.
pub(super) fn for_each(names: &[String], mut each: impl FnMut(&str) -> Result<()>) -> Result<i32> {
    let mut code = 0;
    for name in names {
        if let Err(e) = each(name) {
            eprintln!("Error: {}", one_line(&e));
            code = crate::error::exit_code_of(&e);
        }
    }
    match code {
        0 => Ok(0),
        c => Err(ExitCode(c).into()),
    }
}

/// `inspect`'s documents: each through the template `format`, or all as a
/// JSON array.
pub(super) fn print_docs(docs: &[serde_json::Value], format: Option<&str>) -> Result<()> {
    let mut out = crate::output::stdout();
    match format {
        Some(fmt) => {
            let t = template::Template::parse(fmt)?;
            for d in docs {
                writeln!(out, "{}", t.render(d)?)?;
            }
        }
        None => writeln!(out, "{}", serde_json::to_string_pretty(docs)?)?,
    }
    Ok(())
}

pub use crate::container::list::status_text;

/// The command as docker shows it: quoted, cut to 20 characters unless `no_trunc`.
pub fn command_text(c: &Listed, no_trunc: bool) -> String {
    let cmd = c.record.command.join(" ");
    if !no_trunc && cmd.chars().count() > 20 {
        let cut: String = cmd.chars().take(19).collect();
        return format!("\"{cut}…\"");
    }
    format!("\"{cmd}\"")
}

/// The fields `--format` templates see (docker's names), and the table's
/// columns among them; with Pod and PodName, which need the pods' names.
const PS_FIELDS: &[&str] = &[
    "ID",
    "Image",
    "Command",
    "CreatedAt",
    "RunningFor",
    "Ports",
    "State",
    "Status",
    "Names",
    "Labels",
    "Mounts",
    "Networks",
    "Size",
];

/// The field `key` (one of [`PS_FIELDS`]) of container `c`.
fn ps_field(c: &Listed, key: &str, no_trunc: bool) -> String {
    let r = &c.record;
    match key {
        "ID" if no_trunc => r.id.clone(),
        "ID" => r.id[..12].to_string(),
        "Image" => r.image_name.clone(),
        "Command" => command_text(c, no_trunc),
        "CreatedAt" => r.created.clone(),
        "RunningFor" => human::since(Some(&r.created)),
        "Ports" => ports_text(c),
        "State" => c.state.status.as_str().to_string(),
        "Status" => status_text(c),
        "Names" => r.name.clone(),
        "Labels" => r
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(","),
        "Mounts" => r
            .mounts
            .as_ref()
            .map(|m| {
                m.volumes
                    .iter()
                    .map(|v| v.name.clone())
                    .chain(m.binds.iter().map(|b| b.source.display().to_string()))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default(),
        "Networks" => r.network.networks.join(","),
        _ => String::new(),
    }
}

/// `ps --ns`'s namespace columns, and the namespace each shows.
const NAMESPACES: &[(&str, &str)] = &[
    ("CGROUPNS", "cgroup"),
    ("IPC", "ipc"),
    ("MNT", "mnt"),
    ("NET", "net"),
    ("PIDNS", "pid"),
    ("USERNS", "user"),
    ("UTS", "uts"),
];

/// `ps --ns`: the running container's pid and its namespaces' inode numbers
/// (empty for a container not running).
fn namespace_cells(c: &Listed) -> Vec<String> {
    let pid = state::running_pid(&c.state);
    let inode = |ns: &str| {
        pid.and_then(|p| std::fs::read_link(format!("/proc/{p}/ns/{ns}")).ok())
            .and_then(|l| {
                let l = l.to_string_lossy().into_owned();
                Some(l.split_once('[')?.1.trim_end_matches(']').to_string())
            })
            .unwrap_or_default()
    };
    let pid = pid.map_or(String::new(), |p| p.to_string());
    std::iter::once(pid)
        .chain(NAMESPACES.iter().map(|(_, ns)| inode(ns)))
        .collect()
}

/// `ps -s`'s SIZE: the writable layer's bytes, and with the image's, docker's "virtual" size.
fn size_text(store: &Store, images: &[crate::store::images::ImageRecord], c: &Listed) -> String {
    let (rw, all) = inspect_container::sizes(store, images, &c.record);
    format!("{} (virtual {})", human::size(rw), human::size(all))
}

/// `ps --sort KEY`: the list is newest first already (created, runningfor).
fn sort_rows(store: &Store, rows: &mut [Listed], key: &str) {
    match key {
        "id" => rows.sort_by(|a, b| a.record.id.cmp(&b.record.id)),
        "image" => rows.sort_by(|a, b| a.record.image_name.cmp(&b.record.image_name)),
        "names" => rows.sort_by(|a, b| a.record.name.cmp(&b.record.name)),
        "command" => rows.sort_by(|a, b| a.record.command.cmp(&b.record.command)),
        "status" => rows.sort_by_key(status_text),
        "size" => rows.sort_by_cached_key(|c| {
            crate::store::tree_size(&store.container_dir(&c.record.id).join("upper"))
        }),
        _ => {}
    }
}

/// The PORTS column: the ports as bound while it runs.
fn ports_text(c: &Listed) -> String {
    let ports = c
        .state
        .network
        .as_ref()
        .map(|n| n.ports.as_slice())
        .unwrap_or_default();
    crate::network::ports::summary(ports)
}

/// A container as `husk ps --format json` prints it (podman's fields).
fn ps_json(c: &Listed) -> Value {
    let (r, s) = (&c.record, &c.state);
    json!({
        "Id": r.id,
        "Image": r.image_name,
        "ImageID": r.image.hex(),
        "Command": r.command,
        "Created": human::unix_seconds(Some(&r.created)),
        "CreatedAt": r.created,
        "State": s.status.as_str(),
        "Status": status_text(c),
        "Names": [r.name],
        "Labels": r.labels,
        "Pid": if state::is_running(s) { s.pid.unwrap_or(0) } else { 0 },
        "ExitCode": s.exit_code.unwrap_or(0),
        "Exited": s.status == Status::Exited,
        "StartedAt": human::unix_seconds(s.started_at.as_deref()),
        "ExitedAt": human::unix_seconds(s.finished_at.as_deref()),
        "AutoRemove": r.auto_remove,
        "Restarts": s.restart_count,
        "Ports": c.state.network.as_ref().map(|n| n.ports.iter().map(|p| json!({
            "host_ip": p.host_ip.map(|i| i.to_string()).unwrap_or_default(),
            "container_port": p.container_port,
            "host_port": p.host_port,
            "range": 1,
            "protocol": p.protocol.to_string(),
        })).collect::<Vec<_>>()).unwrap_or_default(),
        "Networks": c.record.network.networks,
    })
}

pub fn ps(root: Option<PathBuf>, a: PsArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let filters = a
        .filter
        .iter()
        .map(|f| Filter::parse(f, &store))
        .collect::<Result<Vec<_>>>()?;
    let Some(secs) = a.watch else {
        return ps_once(&store, &a, &filters);
    };
    // podman's --watch: the list again every SECS, on a cleared screen, until interrupted.
    let clear = std::io::IsTerminal::is_terminal(&std::io::stdout());
    loop {
        if clear {
            print!("\x1b[2J\x1b[H");
        }
        ps_once(&store, &a, &filters)?;
        std::thread::sleep(Duration::from_secs(secs.max(1).into()));
    }
}

fn ps_once(store: &Store, a: &PsArgs, filters: &[Filter]) -> Result<i32> {
    // As docker: a status filter, -l and -n look at stopped containers too.
    let all = a.all
        || a.latest
        || a.last.is_some()
        || filters
            .iter()
            .any(|f| matches!(f, Filter::Status(_) | Filter::Exited(_)));
    let mut rows = list::list(store, all, filters)?;
    if let Some(n) = a.last.or(a.latest.then_some(1)) {
        rows.truncate(n);
    }
    sort_rows(store, &mut rows, &a.sort);
    let printed = print_ps(store, a, &rows);
    if a.watch.is_none() {
        // Not freed: the process ends next, and freeing a hundred records
        // field by field is a fifteenth of the whole command.
        std::mem::forget(rows);
    }
    printed
}

/// `ps`'s output of the containers listed, in the format asked for.
fn print_ps(store: &Store, a: &PsArgs, rows: &[Listed]) -> Result<i32> {
    let mut out = crate::output::stdout();
    if a.quiet {
        for c in rows {
            let id = &c.record.id;
            writeln!(out, "{}", if a.no_trunc { id } else { &id[..12] })?;
        }
        return Ok(0);
    }
    let images = match a.size {
        true => store.images()?,
        false => Vec::new(),
    };
    // Names only decorate the list: an unreadable pod record does not stop it.
    let pods: std::collections::HashMap<String, String> = crate::pod::list(store)
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.id, p.name))
        .collect();
    // A container's pod: its id (short unless --no-trunc) and name, or "" and "".
    let pod_of = |c: &Listed| {
        let id = c.record.pod.clone().unwrap_or_default();
        let name = pods.get(&id).cloned().unwrap_or_default();
        match a.no_trunc || id.len() < 12 {
            true => (id, name),
            false => (id[..12].to_string(), name),
        }
    };
    // A field of a container as the table and the templates show it.
    let cell = |c: &Listed, key: &str| match key {
        "Size" if a.size => size_text(store, &images, c),
        "Pod" => pod_of(c).0,
        "PodName" => pod_of(c).1,
        key => ps_field(c, key, a.no_trunc),
    };
    let value = |c: &Listed| {
        let keys = PS_FIELDS.iter().chain(&["Pod", "PodName"]);
        Value::Object(
            keys.map(|k| (k.to_string(), Value::String(cell(c, k))))
                .collect(),
        )
    };
    match a.format.as_deref() {
        Some("json") => {
            let docs: Vec<Value> = rows
                .iter()
                .map(|c| {
                    let mut v = ps_json(c);
                    v["Pod"] = json!(c.record.pod.clone().unwrap_or_default());
                    v["PodName"] = json!(pod_of(c).1);
                    v
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&docs)?)?;
        }
        Some(fmt) => {
            let values: Vec<Value> = rows.iter().map(value).collect();
            template::write_rows_with(&mut out, fmt, &values, &ps_header, !a.noheading)?;
        }
        None if a.ns => {
            // podman's --ns: the namespaces' inode numbers in place of the usual columns.
            let mut header = vec!["CONTAINER ID", "NAMES", "PID"];
            header.extend(NAMESPACES.iter().map(|(column, _)| *column));
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|c| {
                    let mut row = vec![ps_field(c, "ID", a.no_trunc), c.record.name.clone()];
                    row.extend(namespace_cells(c));
                    row
                })
                .collect();
            table::print_with(&mut out, &header, &cells, !a.noheading)?;
        }
        None => {
            let mut header = vec![
                "CONTAINER ID",
                "IMAGE",
                "COMMAND",
                "CREATED",
                "STATUS",
                "PORTS",
                "NAMES",
            ];
            let mut keys = vec![
                "ID",
                "Image",
                "Command",
                "RunningFor",
                "Status",
                "Ports",
                "Names",
            ];
            if a.size {
                header.push("SIZE");
                keys.push("Size");
            }
            if a.pod {
                header.extend(["POD ID", "PODNAME"]);
                keys.extend(["Pod", "PodName"]);
            }
            // The shown columns only, not every field's value.
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|c| keys.iter().map(|k| cell(c, k)).collect())
                .collect();
            table::print_with(&mut out, &header, &cells, !a.noheading)?;
        }
    }
    Ok(0)
}

/// `husk logs`' output: each entry as `LineFormat` makes it, to our stdout or stderr.
struct Printer {
    format: container::logs::LineFormat,
}

impl Printer {
    fn print(&mut self, e: &Entry) -> Result<()> {
        let text = self.format.format(e);
        let r = match e.stream {
            Stream::Stdout => std::io::stdout().lock().write_all(&text),
            Stream::Stderr => std::io::stderr().lock().write_all(&text),
        };
        match r {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ExitCode(0).into()),
            r => r.context("writing the logs"),
        }
    }
}

/// `husk container exists`: 0 if it exists, 1 if not, nothing printed.
pub fn exists(root: Option<PathBuf>, a: super::ContainerExistsArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    Ok(match container::exists(&store, &a.container)? {
        true => 0,
        false => 1,
    })
}

/// `husk healthcheck run`: one check now; 0 if it passed, else 1 and "unhealthy".
pub fn healthcheck(root: Option<PathBuf>, a: ContainerArg) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let id = container::find(&store, &a.container)?;
    match container::health::check(&store, &id)? {
        (true, _) => Ok(0),
        (false, _) => {
            println!("unhealthy");
            Ok(1)
        }
    }
}

/// ANSI foreground colors for `logs --color` (green, yellow, blue, magenta, cyan, red).
const LOG_COLORS: [u8; 6] = [32, 33, 34, 35, 36, 31];

pub fn logs(root: Option<PathBuf>, a: LogsArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let mut names = a.containers.clone();
    if a.latest {
        names.push(latest(&store)?);
    }
    print_logs(&store, &names, &a.opts)
}

/// The output of the containers `names` names: one as it is, several each
/// after its prefix (its short id, or with `--names` its name), merged by time.
pub(super) fn print_logs(store: &Store, names: &[String], a: &super::LogOptions) -> Result<i32> {
    let mut targets = Vec::new();
    for (n, name) in names.iter().enumerate() {
        let id = container::find(store, name)?;
        let prefix = match (a.names, names.len() > 1) {
            (true, _) => Some(store.container_record(&id)?.name),
            (false, true) => Some(id[..12].to_string()),
            (false, false) => None,
        };
        // podman's --color: each container's prefix in a color of its own.
        let prefix = prefix.map(|p| match a.color {
            true => format!("\x1b[{}m{p}\x1b[0m", LOG_COLORS[n % LOG_COLORS.len()]),
            false => p,
        });
        targets.push((id, prefix));
    }
    let query = LogQuery {
        since: a.since.as_deref().map(human::parse_when).transpose()?,
        until: a.until.as_deref().map(human::parse_when).transpose()?,
        tail: match a.tail.as_deref() {
            None | Some("all") => None,
            Some(n) => Some(
                n.parse::<usize>()
                    .with_context(|| format!("invalid --tail {n:?}: a number of lines, or all"))?,
            ),
        },
        follow: a.follow,
        cancel: None,
    };
    let printer = |prefix: &Option<String>| Printer {
        format: container::logs::LineFormat::new(a.timestamps, prefix.clone()),
    };
    if let [(id, prefix)] = targets.as_slice() {
        let mut p = printer(prefix);
        container::logs::read(store, id, &query, &mut |e| p.print(e))?;
        return Ok(0);
    }
    // Several: merged by time, then each one followed.
    let ids: Vec<String> = targets.iter().map(|(id, _)| id.clone()).collect();
    let printers: Vec<std::sync::Mutex<Printer>> = targets
        .iter()
        .map(|(_, p)| std::sync::Mutex::new(printer(p)))
        .collect();
    container::logs::read_many(store, &ids, &query, &|i, e| {
        printers[i]
            .lock()
            .map_err(|_| anyhow::anyhow!("a log printer failed"))?
            .print(e)
    })?;
    Ok(0)
}

/// The containers a command names: with `all`, every running one (by id).
fn named_or_running(store: &Store, all: bool, names: &[String]) -> Result<Vec<String>> {
    if !all {
        return Ok(names.to_vec());
    }
    Ok(list::list(store, false, &[])?
        .into_iter()
        .map(|c| c.record.id)
        .collect())
}

/// `names`, then the containers `sel` chooses: the latest created, those whose
/// ids the files hold, and those the filters match (among the running ones
/// unless `stopped_too`). The filters are checked before anything is done.
pub(super) fn selected(
    store: &Store,
    mut names: Vec<String>,
    sel: &super::Selection,
    stopped_too: bool,
) -> Result<Vec<String>> {
    let filters = sel
        .filter
        .iter()
        .map(|f| list::Filter::parse(f, store))
        .collect::<Result<Vec<_>>>()?;
    if sel.latest {
        names.push(latest(store)?);
    }
    for f in &sel.cidfile {
        names.push(read_cidfile(f)?);
    }
    if !filters.is_empty() {
        let matching = list::list(store, stopped_too, &filters)?;
        names.extend(matching.into_iter().map(|c| c.record.id));
    }
    Ok(names)
}

/// The container id a `--cidfile` holds (as `run --cidfile` wrote it).
pub(super) fn read_cidfile(f: &std::path::Path) -> Result<String> {
    let id = std::fs::read_to_string(f)
        .with_context(|| format!("reading the container id file {}", f.display()))?;
    match id.trim() {
        "" => bail!("the container id file {} is empty", f.display()),
        id => Ok(id.to_string()),
    }
}

/// The id of container `name`, or with `latest` of the container created last.
pub(super) fn one_or_latest(store: &Store, name: Option<&str>, latest: bool) -> Result<String> {
    match (latest, name) {
        (false, Some(n)) => container::find(store, n),
        (false, None) => bail!("give a container, or --latest"),
        (true, _) => self::latest(store),
    }
}

/// The id of the container created last (podman's `--latest`).
pub(super) fn latest(store: &Store) -> Result<String> {
    list::list(store, true, &[])?
        .into_iter()
        .next()
        .map(|c| c.record.id)
        .ok_or_else(|| anyhow::anyhow!("--latest: there are no containers"))
}

/// The id of container `name`; None (nothing done, no error) when it does not
/// exist and `ignore` (podman's `--ignore`) says so.
pub(super) fn find_unless_ignored(
    store: &Store,
    name: &str,
    ignore: bool,
) -> Result<Option<String>> {
    match container::find(store, name) {
        Ok(id) => Ok(Some(id)),
        Err(e) if ignore && e.downcast_ref::<container::NoSuchContainer>().is_some() => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn stop(root: Option<PathBuf>, a: StopArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let names = named_or_running(&store, a.all, &a.containers)?;
    for_each(&selected(&store, names, &a.selection, false)?, |name| {
        let Some(id) = find_unless_ignored(&store, name, a.ignore)? else {
            return Ok(());
        };
        match crate::pod::of_infra(&store, &id)? {
            Some(pod) => crate::pod::stop(&store, &pod, a.time)?,
            None => lifecycle::stop(&store, &id, a.time)?,
        }
        println!("{name}");
        Ok(())
    })
}

pub fn kill(root: Option<PathBuf>, a: KillArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let signal: lifecycle::SignalNo = a.signal.parse()?;
    let names = named_or_running(&store, a.all, &a.containers)?;
    for_each(&selected(&store, names, &a.selection, false)?, |name| {
        let Some(id) = find_unless_ignored(&store, name, a.ignore)? else {
            return Ok(());
        };
        let record = store.container_record(&id)?;
        // SIGKILL is a stop: no restart follows (as docker kill).
        let stop = signal == nix::sys::signal::Signal::SIGKILL.into();
        lifecycle::kill(&store, &id, &record.name, signal, stop)?;
        println!("{name}");
        Ok(())
    })
}

/// `husk wait [--condition C]… CONTAINER…`: the exit code of each once it
/// meets a condition (by default: not running); -1 while it has none.
pub fn wait(root: Option<PathBuf>, a: super::WaitArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let conditions = a
        .condition
        .iter()
        .map(|c| c.parse())
        .collect::<Result<Vec<lifecycle::WaitCondition>>>()?;
    let interval = a
        .interval
        .as_deref()
        .map(human::parse_duration)
        .transpose()?
        .unwrap_or(Duration::from_millis(250));
    let mut names = a.containers.clone();
    if a.latest {
        names.push(latest(&store)?);
    }
    let wait_one = |id: &str| -> Result<crate::store::containers::ContainerState> {
        match conditions.is_empty() {
            true => lifecycle::wait_exit(&store, id, None),
            false => lifecycle::wait_for(&store, id, &conditions, interval),
        }
    };
    let print =
        |s: &crate::store::containers::ContainerState| match (s.exit_code, state::is_active(s)) {
            (Some(code), false) => println!("{code}"),
            _ => println!("-1"),
        };
    if a.return_on_first {
        let mut ids = Vec::new();
        for name in &names {
            ids.extend(find_unless_ignored(&store, name, a.ignore)?);
        }
        // Each waited for at once; the first to meet the condition answers.
        let first = std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::channel();
            for id in &ids {
                let tx = tx.clone();
                let wait_one = &wait_one;
                scope.spawn(move || {
                    let _ = tx.send(wait_one(id));
                });
            }
            drop(tx);
            let first = rx.recv();
            // The others are left waiting: the process ends with this answer.
            std::process::exit(match first {
                Ok(Ok(s)) => {
                    print(&s);
                    0
                }
                Ok(Err(e)) => {
                    eprintln!("Error: {e:#}");
                    crate::error::EXIT_TOOL
                }
                Err(_) => 0,
            })
        });
        return first;
    }
    for_each(&names, |name| {
        let Some(id) = find_unless_ignored(&store, name, a.ignore)? else {
            return Ok(());
        };
        print(&wait_one(&id)?);
        Ok(())
    })
}

/// Exit code of `husk rm` for a container that does not exist (podman's).
const EXIT_NO_SUCH: i32 = 1;

pub fn rm(root: Option<PathBuf>, a: RmArgs) -> Result<i32> {
    let store = Store::open(&store_root(root)?)?;
    let names = if a.all {
        store.container_ids()?
    } else {
        a.containers.clone()
    };
    let mut names = selected(&store, names, &a.selection, true)?;
    if a.depend {
        // podman's --depend: the containers that join one's namespaces go first.
        let mut with = Vec::new();
        for name in &names {
            if let Ok(id) = container::find(&store, name) {
                with.extend(lifecycle::dependents(&store, &id)?);
            }
            with.push(name.clone());
        }
        names = with;
    }
    for_each(&names, |name| {
        let Some(id) = find_unless_ignored(&store, name, a.ignore)
            .map_err(|e| crate::error::Failure::new(EXIT_NO_SUCH, one_line(&e)))?
        else {
            return Ok(());
        };
        if let (true, Some(secs)) = (a.force, a.time) {
            lifecycle::stop(&store, &id, Some(secs))?;
        }
        lifecycle::remove_with_volumes(&store, &id, a.force, a.volumes)?;
        println!("{name}");
        Ok(())
    })
}

/// docker's column names for `ps --format 'table …'`.
fn ps_header(field: &str) -> Option<&'static str> {
    Some(match field {
        "ID" => "CONTAINER ID",
        "CreatedAt" => "CREATED AT",
        "RunningFor" => "CREATED",
        "Pod" => "POD ID",
        "PodName" => "PODNAME",
        _ => return None,
    })
}

pub fn prune(root: Option<PathBuf>, a: PruneContainersArgs) -> Result<i32> {
    if !super::confirmed(a.force, "This will remove all stopped containers.")? {
        return Ok(0);
    }
    let filters: Vec<lifecycle::PruneFilter> =
        a.filter.iter().map(|f| f.parse()).collect::<Result<_>>()?;
    let store = Store::open(&store_root(root)?)?;
    let (removed, failed) = lifecycle::prune_stopped(&store, &filters)?;
    for id in removed {
        println!("{id}");
    }
    for e in failed {
        eprintln!("Error: {}", one_line(&e));
    }
    Ok(0)
}

/// `husk inspect`: each name as a container (unless --type image), else as an image.
pub fn inspect(root: Option<PathBuf>, driver: Option<String>, a: InspectArgs) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open_existing(&store_root(root)?);
    let driver = config.driver(driver.as_deref())?;
    // Read once: for images, and for the containers' sizes (-s).
    let images = if a.kind == "container" && !a.size {
        Vec::new()
    } else {
        store.images()?
    };
    let mut docs = Vec::new();
    let mut failed = None;
    let mut names = a.names.clone();
    if a.latest {
        names.push(latest(&store)?);
    }
    for name in &names {
        if a.kind != "image" {
            if let Ok(id) = container::find(&store, name) {
                let mut doc = inspect_container::inspect(&store, &id, &driver)?;
                if a.size {
                    let record = store.container_record(&id)?;
                    let (rw, all) = inspect_container::sizes(&store, &images, &record);
                    doc["SizeRw"] = json!(rw);
                    doc["SizeRootFs"] = json!(all);
                }
                docs.push(doc);
                continue;
            }
        }
        let found = match a.kind.as_str() {
            "container" => container::find(&store, name).map(|_| ()),
            _ => lookup::find(&images, name, &config).and_then(|i| {
                docs.push(inspect_image::inspect(&store, &images[i])?);
                Ok(())
            }),
        };
        if let Err(e) = found {
            failed = Some(e);
        }
    }
    let mut out = crate::output::stdout();
    match a.format.as_deref() {
        Some("json") | None => writeln!(out, "{}", serde_json::to_string_pretty(&docs)?)?,
        Some(fmt) => template::write_rows(&mut out, fmt, &docs, &|_| None)?,
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(0),
    }
}

pub fn rename(root: Option<PathBuf>, a: RenameArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let id = container::find(&store, &a.container)?;
    if !container::names::is_valid(&a.new_name) {
        anyhow::bail!(
            "invalid container name {:?}: use letters, digits and _ . - (starting with a letter or digit)",
            a.new_name
        );
    }
    store.rename_container(&id, &a.new_name)?;
    Ok(0)
}

/// The running container's id and first process (125 if it is not running).
fn running_pid(store: &Store, name: &str) -> Result<(String, i32)> {
    let id = container::find(store, name)?;
    let pid = state::running_pid(&state::current(store, &id)?)
        .ok_or_else(|| lifecycle::not_running(name))?;
    Ok((id, pid))
}

pub fn top(root: Option<PathBuf>, a: TopArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    // -l: no CONTAINER is given, so what took its place is the first descriptor.
    let (name, descriptors) = match (a.latest, a.container) {
        (true, first) => (
            latest(&store)?,
            first.into_iter().chain(a.descriptors).collect::<Vec<_>>(),
        ),
        (false, Some(c)) => (c, a.descriptors),
        (false, None) => bail!("husk top: give a container, or --latest"),
    };
    let target = running_pid(&store, &name)?;
    print_top(&store, &[target], &descriptors)
}

/// The processes of running containers (id, first process), one table: with
/// podman's descriptors as the columns (default: USER PID PPID %CPU ELAPSED
/// TTY TIME COMMAND), else ps(1) options as docker takes them.
pub fn print_top(store: &Store, targets: &[(String, i32)], descriptors: &[String]) -> Result<i32> {
    use container::processes::{descriptor, DEFAULT_DESCRIPTORS};
    let names: Vec<&str> = match descriptors.is_empty() {
        true => DEFAULT_DESCRIPTORS.to_vec(),
        false => descriptors.iter().map(String::as_str).collect(),
    };
    // podman's descriptors, one per word (or joined by commas); else ps(1) options.
    let words: Vec<&str> = names.iter().flat_map(|n| n.split(',')).collect();
    let columns: Option<Vec<_>> = words.iter().map(|w| descriptor(w)).collect();
    let mut w = crate::output::stdout();
    let Some(columns) = columns else {
        let mut header_written = false;
        for (_, pid1) in targets {
            let (header, lines) = container::processes::host_ps(*pid1, descriptors)?;
            if !header_written {
                writeln!(w, "{header}")?;
                header_written = true;
            }
            for line in lines {
                writeln!(w, "{line}")?;
            }
        }
        return Ok(0);
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (id, pid1) in targets {
        rows.extend(
            container::processes::top(store, id, *pid1)?
                .iter()
                .map(|t| columns.iter().map(|(_, value)| value(t)).collect()),
        );
    }
    let header: Vec<&str> = columns.iter().map(|(h, _)| *h).collect();
    table::print(&mut w, &header, &rows)?;
    Ok(0)
}

/// `husk port`: docker's lines, `80/tcp -> 0.0.0.0:8080`, of a running container.
pub fn port(root: Option<PathBuf>, a: PortArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let ids = match &a.container {
        _ if a.latest => vec![latest(&store)?],
        Some(c) if !a.all => vec![container::find(&store, c)?],
        _ => store.container_ids()?,
    };
    let wanted = match &a.port {
        Some(p) => {
            let (num, proto) = p.split_once('/').unwrap_or((p, "tcp"));
            let num: u16 = num
                .parse()
                .with_context(|| format!("invalid port {p:?}: PORT[/tcp|udp]"))?;
            Some(format!("{num}/{proto}"))
        }
        None => None,
    };
    let mut out = crate::output::stdout();
    for id in &ids {
        let s = state::current(&store, id)?;
        let ports = s.network.map(|n| n.ports).unwrap_or_default();
        if let Some(w) = &wanted {
            let hits: Vec<_> = ports.iter().filter(|m| &m.container_side() == w).collect();
            if hits.is_empty() {
                let name = a.container.as_deref().unwrap_or(id);
                return Err(
                    Failure::new(1, format!("no public port {w} published for {name}")).into(),
                );
            }
            for m in hits {
                writeln!(out, "{}", m.host_side())?;
            }
            continue;
        }
        for m in ports {
            match a.all {
                true => writeln!(
                    out,
                    "{}\t{} -> {}",
                    &id[..12],
                    m.container_side(),
                    m.host_side()
                )?,
                false => writeln!(out, "{} -> {}", m.container_side(), m.host_side())?,
            }
        }
    }
    Ok(0)
}

pub fn diff(root: Option<PathBuf>, a: super::DiffArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let id = one_or_latest(&store, a.container.as_deref(), a.latest)?;
    let record = store.container_record(&id)?;
    let lowers = container::lower_dirs(&store, &record)?;
    let upper = store.container_dir(&id).join("upper");
    if store.container_dir(&id).join("vfs").is_dir() {
        bail!(
            "container {} runs on the vfs driver (a full copy of its image): husk diff knows only overlay layers",
            record.name
        );
    }
    let changes = container::diff::changes(&upper, &lowers)?;
    let mut out = crate::output::stdout();
    match a.format.as_deref() {
        // podman's: the paths by kind.
        Some("json") => {
            let of = |k: char| -> Vec<&str> {
                changes
                    .iter()
                    .filter(|c| c.kind == k)
                    .map(|c| c.path.as_str())
                    .collect()
            };
            let doc = json!({"changed": of('C'), "added": of('A'), "deleted": of('D')});
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        Some(other) => anyhow::bail!("invalid --format {other:?}: json"),
        None => {
            for c in &changes {
                writeln!(out, "{} {}", c.kind, c.path)?;
            }
        }
    }
    Ok(0)
}

/// `pause`/`unpause` (`paused`: which); with `--all` every running (or paused) container.
pub fn pause(root: Option<PathBuf>, a: super::PauseArgs, paused: bool) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let names = match a.all {
        false => a.containers,
        true => {
            let want = if paused {
                Status::Running
            } else {
                Status::Paused
            };
            list::list(&store, false, &[])?
                .into_iter()
                .filter(|c| c.state.status == want)
                .map(|c| c.record.name)
                .collect()
        }
    };
    let names = selected(&store, names, &a.selection, false)?;
    for_each(&names, |name| {
        let id = container::find(&store, name)?;
        lifecycle::set_paused(&store, &id, name, paused)?;
        println!("{name}");
        Ok(())
    })
}

pub fn generate_systemd(
    root: Option<PathBuf>,
    driver: Option<String>,
    a: SystemdArgs,
) -> Result<i32> {
    const POLICIES: [&str; 7] = [
        "no",
        "on-success",
        "on-failure",
        "on-abnormal",
        "on-watchdog",
        "on-abort",
        "always",
    ];
    if !POLICIES.contains(&a.restart_policy.as_str()) {
        anyhow::bail!(
            "invalid --restart-policy {:?}: one of {}",
            a.restart_policy,
            POLICIES.join(", ")
        );
    }
    if let Some(f) = a.format.as_deref().filter(|f| *f != "json") {
        anyhow::bail!("invalid --format {f:?}: json");
    }
    if let Some(e) = a
        .env
        .iter()
        .find(|e| !e.contains('=') || e.starts_with('='))
    {
        anyhow::bail!("invalid --env {e:?}: KEY=VALUE");
    }
    let _ = &a.pod_prefix;
    let store = Store::open_existing(&store_root(root.clone())?);
    let id = container::find(&store, &a.container)?;
    let record = store.container_record(&id)?;
    let opts = crate::systemd::UnitOptions {
        separator: a.separator,
        after: a.after,
        requires: a.requires,
        wants: a.wants,
        env: a.env,
        no_header: a.no_header,
        restart_sec: a.restart_sec,
        start_timeout: a.start_timeout,
        template: a.template,
        new: a.new,
        restart_policy: a.restart_policy,
        stop_timeout: a.time,
        prefix: a.container_prefix,
        use_id: a.id,
        globals: root
            .iter()
            .flat_map(|r| ["--root".to_string(), r.display().to_string()])
            .chain(
                driver
                    .iter()
                    .flat_map(|d| ["--storage-driver".to_string(), d.clone()]),
            )
            .collect(),
    };
    let exe = std::env::current_exe().context("finding the husk binary")?;
    let run_dir = crate::userns::pause::runtime_dir()?;
    let unit = crate::systemd::unit(&record, &opts, &exe.to_string_lossy(), &run_dir)?;
    let name = crate::systemd::unit_name(&record, &opts);
    if a.files {
        let path = std::env::current_dir()?.join(&name);
        std::fs::write(&path, unit).with_context(|| format!("writing {}", path.display()))?;
        match a.format {
            Some(_) => println!("{}", serde_json::to_string_pretty(&json!([path]))?),
            None => println!("{}", path.display()),
        }
    } else if a.format.is_some() {
        println!("{}", serde_json::to_string_pretty(&json!({ name: unit }))?);
    } else {
        print!("{unit}");
    }
    Ok(0)
}

pub fn attach(root: Option<PathBuf>, a: AttachArgs) -> Result<i32> {
    use crate::monitor::attach;
    let detach_keys = attach::parse_detach_keys(&a.detach_keys)?;
    let store = Store::open_existing(&store_root(root)?);
    let id = one_or_latest(&store, a.container.as_deref(), a.latest)?;
    let (id, _) = running_pid(&store, &id)?;
    let record = store.container_record(&id)?;
    let stdin = !a.no_stdin && (record.interactive || record.tty);
    super::require_terminal_stdin(record.tty, stdin)?;
    let sock = attach::connect(&attach::socket_path(
        &crate::userns::pause::runtime_dir()?,
        &id,
    ))?;
    let signals = crate::runtime::block_signals_for(a.sig_proxy)?;
    let streams = attach::Streams::parse(&[], stdin)?;
    let outcome = super::run::relay(sock, &record, streams, detach_keys, signals)?;
    super::run::finish_attached(&store, &id, outcome)
}
