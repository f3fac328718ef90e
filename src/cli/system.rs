//! Handlers of version, info, completion and `system` commands.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use serde_json::{json, Value};

use super::{store_root, CheckArgs, CompletionArgs, FormatArgs, ResetArgs};
use crate::config::{paths, Config};
use crate::output::template::{self, Template};
use crate::output::{human, table};
use crate::store::{check as store_check, Store};
use crate::userns::IdMapping;

/// Print `doc` as JSON (`--format json`), through a template, or as indented `key: value` lines.
fn emit(doc: &Value, format: Option<&str>) -> Result<()> {
    let mut out = crate::output::stdout();
    match format {
        Some("json") => writeln!(out, "{}", serde_json::to_string_pretty(doc)?)?,
        Some(fmt) => writeln!(out, "{}", Template::parse(fmt)?.render(doc)?)?,
        None => write_plain(&mut out, doc, 0)?,
    }
    Ok(())
}

fn write_plain(out: &mut impl Write, v: &Value, indent: usize) -> std::io::Result<()> {
    let Value::Object(map) = v else { return Ok(()) };
    for (k, v) in map {
        let pad = " ".repeat(indent);
        match v {
            Value::Object(_) => {
                writeln!(out, "{pad}{k}:")?;
                write_plain(out, v, indent + 2)?;
            }
            Value::Array(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| {
                        i.as_str()
                            .map(str::to_string)
                            .unwrap_or_else(|| i.to_string())
                    })
                    .collect();
                writeln!(out, "{pad}{k}: [{}]", items.join(", "))?;
            }
            Value::String(s) => writeln!(out, "{pad}{k}: {s}")?,
            other => writeln!(out, "{pad}{k}: {other}")?,
        }
    }
    Ok(())
}

pub fn version(a: FormatArgs) -> Result<i32> {
    let doc = json!({
        "Version": env!("CARGO_PKG_VERSION"),
        "OsArch": format!("{}/{}", std::env::consts::OS, crate::image::platform::Platform::host().architecture),
    });
    emit(&doc, a.format.as_deref())?;
    Ok(0)
}

pub fn info(root: Option<PathBuf>, driver: Option<String>, a: FormatArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let root = store_root(root)?;
    let store = Store::open_existing(&root);
    let mapping = IdMapping::detect()?;
    let kernel = nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default();
    let ranges =
        |r: Vec<crate::userns::IdRange>| r.iter().map(|r| r.to_string()).collect::<Vec<_>>();
    let doc = json!({
        "host": {
            "arch": crate::image::platform::Platform::host().architecture,
            "os": std::env::consts::OS,
            "kernel": kernel,
            "rootless": !matches!(mapping, IdMapping::Host),
            "idMappings": {
                "mode": mapping.mode(),
                "uidmap": ranges(mapping.uid_ranges()),
                "gidmap": ranges(mapping.gid_ranges()),
            },
        },
        "store": {
            "graphRoot": root.display().to_string(),
            "runRoot": paths::husk_runtime_dir().display().to_string(),
            "graphDriverName": driver,
            "layerFormat": "overlay (whiteouts as 0/0 devices, user.overlay.opaque)",
            "images": store.images().map(|i| i.len()).unwrap_or(0),
        },
        "registries": {
            "search": config.search_registries,
            "insecure": config.insecure_registries,
            "configFiles": config.sources.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        },
        "network": network_info(&config),
        "version": env!("CARGO_PKG_VERSION"),
    });
    emit(&doc, a.format.as_deref())?;
    Ok(0)
}

/// What `info` says of networking: the helper husk would use, nftables, the
/// default network, and the per-user namespace's holder if it runs.
fn network_info(config: &Config) -> serde_json::Value {
    use crate::network::netns;
    let helper = match netns::Helper::choose(config.network_helper.as_deref()) {
        Ok((h, path)) => format!("{} ({})", h.program(), path.display()),
        Err(e) => format!("none: {}", crate::error::one_line(&e)),
    };
    let holder = netns::recorded().map(
        |f| json!({"pid": f.pid, "helper": f.helper, "hostAddress": f.host_address.to_string()}),
    );
    let default = crate::network::config::Network::default_network();
    json!({
        "helper": helper,
        "nftables": netns::find_program("nft").map(|p| p.display().to_string()).unwrap_or_else(|| "missing: apt-get install nftables".into()),
        "defaultNetwork": format!("{} {} (bridge {})", default.name, default.subnet, default.bridge),
        "namespace": holder,
    })
}

pub fn completion(a: CompletionArgs) -> Result<i32> {
    use std::io::Write;
    std::io::stdout().write_all(&super::docs::completion(a.shell))?;
    Ok(0)
}

pub fn check(root: Option<PathBuf>, a: CheckArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    if !store.root().exists() {
        println!(
            "store {} does not exist yet: nothing to check",
            store.root().display()
        );
        return Ok(0);
    }
    let network = crate::network::check();
    for line in network.lines() {
        println!("{line}");
    }
    if a.repair {
        crate::network::repair(&network);
    }
    let report = store_check::check(&store, a.quick)?;
    for p in &report.problems {
        println!("{p}");
    }
    if report.unreferenced > 0 {
        println!(
            "{} unreferenced blobs or layers (husk image prune removes them)",
            report.unreferenced
        );
    }
    if report.problems.is_empty() {
        println!("store is consistent");
        return Ok(0);
    }
    if a.repair {
        store_check::repair(&store, &report)?;
        let (fixed, mut left): (Vec<_>, Vec<_>) =
            report.problems.iter().partition(|p| p.repairable());
        println!("repaired {} problems", fixed.len());
        // --force: the containers that cannot start go too.
        if a.force {
            left.retain(|p| match p {
                store_check::Problem::ContainerLacksLayer { container, .. } => {
                    let removed = crate::container::find(&store, container)
                        .and_then(|id| crate::container::lifecycle::remove(&store, &id));
                    match removed {
                        Ok(_) => println!("removed container {container}"),
                        Err(e) => eprintln!("Error: {e:#}"),
                    }
                    false
                }
                _ => true,
            });
        }
        if left.is_empty() {
            return Ok(0);
        }
        bail!(
            "{} problems need you: remove the containers named above (husk rm -f)",
            left.len()
        );
    }
    bail!(
        "the store has {} problems: run husk system check --repair",
        report.problems.len()
    )
}

pub fn df(root: Option<PathBuf>, a: super::DfArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    if a.verbose {
        return df_verbose(&store);
    }
    let usage = crate::system::disk_usage(&store)?;
    let rows: Vec<serde_json::Value> = [
        ("Images", &usage.images),
        ("Containers", &usage.containers),
        ("Local Volumes", &usage.volumes),
    ]
    .iter()
    .map(|(kind, u)| {
        let percent = match u.size {
            0 => 0,
            s => u.reclaimable * 100 / s,
        };
        serde_json::json!({
            "Type": kind,
            "Total": u.total,
            "Active": u.active,
            "Size": human::size(u.size),
            "Reclaimable": format!("{} ({percent}%)", human::size(u.reclaimable)),
            "RawSize": u.size,
            "RawReclaimable": u.reclaimable,
        })
    })
    .collect();
    let mut out = crate::output::stdout();
    match a.format.as_deref() {
        Some("json") => writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?,
        Some(fmt) => template::write_rows(&mut out, fmt, &rows, &|f| match f {
            "Type" => Some("TYPE"),
            "Total" => Some("TOTAL"),
            "Active" => Some("ACTIVE"),
            "Size" => Some("SIZE"),
            "Reclaimable" => Some("RECLAIMABLE"),
            _ => None,
        })?,
        None => table::print_fields(
            &mut out,
            &["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"],
            &["Type", "Total", "Active", "Size", "Reclaimable"],
            &rows,
            true,
        )?,
    }
    Ok(0)
}

/// `system df -v`: podman's three tables.
fn df_verbose(store: &Store) -> Result<i32> {
    let usage = crate::system::detailed_usage(store)?;
    let images: Vec<Value> = usage
        .images
        .iter()
        .flat_map(|u| {
            let i = &u.image;
            crate::image::list::names(i)
                .into_iter()
                .map(move |(repo, tag)| {
                    json!({
                        "Repository": repo,
                        "Tag": tag,
                        "ID": i.id.short(),
                        "Created": human::since(i.created.as_deref()),
                        "Size": human::size(i.size),
                        "Shared": human::size(u.shared),
                        "Unique": human::size(u.unique),
                        "Containers": u.containers,
                    })
                })
        })
        .collect();
    let containers: Vec<Value> = usage
        .containers
        .iter()
        .map(|u| {
            let r = &u.container.record;
            json!({
                "ID": r.id[..12].to_string(),
                "Image": r.image_name,
                "Command": super::containers::command_text(&u.container, false),
                "Volumes": u.volumes,
                "Size": human::size(u.size),
                "Created": human::since(Some(&r.created)),
                "Status": super::containers::status_text(&u.container),
                "Names": r.name,
            })
        })
        .collect();
    let volumes: Vec<Value> = usage
        .volumes
        .iter()
        .map(|u| json!({"Name": u.name, "Links": u.links, "Size": human::size(u.size)}))
        .collect();
    let mut out = crate::output::stdout();
    writeln!(out, "Images space usage:\n")?;
    table::print_fields(
        &mut out,
        &[
            "REPOSITORY",
            "TAG",
            "IMAGE ID",
            "CREATED",
            "SIZE",
            "SHARED SIZE",
            "UNIQUE SIZE",
            "CONTAINERS",
        ],
        &[
            "Repository",
            "Tag",
            "ID",
            "Created",
            "Size",
            "Shared",
            "Unique",
            "Containers",
        ],
        &images,
        true,
    )?;
    writeln!(out, "\nContainers space usage:\n")?;
    table::print_fields(
        &mut out,
        &[
            "CONTAINER ID",
            "IMAGE",
            "COMMAND",
            "LOCAL VOLUMES",
            "SIZE",
            "CREATED",
            "STATUS",
            "NAMES",
        ],
        &[
            "ID", "Image", "Command", "Volumes", "Size", "Created", "Status", "Names",
        ],
        &containers,
        true,
    )?;
    writeln!(out, "\nLocal Volumes space usage:\n")?;
    table::print_fields(
        &mut out,
        &["VOLUME NAME", "LINKS", "SIZE"],
        &["Name", "Links", "Size"],
        &volumes,
        true,
    )?;
    Ok(0)
}

pub fn prune(root: Option<PathBuf>, a: super::SystemPruneArgs) -> Result<i32> {
    let filters: Vec<crate::container::lifecycle::PruneFilter> =
        a.filter.iter().map(|f| f.parse()).collect::<Result<_>>()?;
    let mut warning = String::from(
        "This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n",
    );
    if a.volumes {
        warning += "  - all volumes not used by at least one container\n";
    }
    warning += match a.all {
        true => "  - all images without at least one container associated to them",
        false => "  - all dangling images",
    };
    if !super::confirmed(a.force, &warning)? {
        return Ok(0);
    }
    let store = Store::open(&store_root(root)?)?;
    let pruned = crate::system::prune(
        &store,
        crate::system::PruneOptions {
            all_images: a.all,
            volumes: a.volumes,
            filters,
        },
    )?;
    for (title, names) in [
        ("Deleted Containers", &pruned.containers),
        ("Deleted Networks", &pruned.networks),
        ("Deleted Volumes", &pruned.volumes),
        ("Deleted Images", &pruned.images),
    ] {
        if !names.is_empty() {
            println!("{title}:");
            names.iter().for_each(|n| println!("{n}"));
            println!();
        }
    }
    println!("Total reclaimed space: {}", human::size(pruned.freed));
    for e in &pruned.errors {
        eprintln!("Error: {}", crate::error::one_line(e));
    }
    Ok(0)
}

pub fn reset(root: Option<PathBuf>, a: ResetArgs) -> Result<i32> {
    let root = store_root(root)?;
    let warning = format!(
        "This will remove all containers, images and everything in {}.",
        root.display()
    );
    if !super::confirmed(a.force, &warning)? {
        return Ok(0);
    }
    // Running containers go first (killed), so that no monitor keeps files open.
    if root.join("containers").is_dir() {
        let store = crate::store::Store::open_existing(&root);
        for id in store.container_ids()? {
            if let Err(e) = crate::container::lifecycle::remove_checked(&store, &id, true) {
                eprintln!("Error: {}", crate::error::one_line(&e));
            }
        }
    }
    // Like podman's: the next command starts afresh (and sees a changed /etc/subuid).
    // This process keeps the namespace alive until it has removed the store.
    crate::network::netns::stop();
    crate::userns::pause::stop();
    crate::store::remove_tree(&root)
        .map_err(|e| anyhow::anyhow!("removing {}: {e}", root.display()))?;
    Ok(0)
}

/// `husk unshare [CMD…]`: exec the command in the user namespace husk just
/// entered (see `main`), with the store's paths in HUSK_GRAPHROOT and
/// HUSK_RUNROOT (podman's CONTAINERS_GRAPHROOT and CONTAINERS_RUNROOT too).
pub fn unshare(root: Option<PathBuf>, a: super::UnshareArgs) -> Result<i32> {
    use std::os::unix::process::CommandExt;
    let graph = store_root(root)?;
    let run = crate::userns::pause::runtime_dir()?;
    let mut words = a.command.into_iter();
    let program = words
        .next()
        .or_else(|| std::env::var_os("SHELL").filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "/bin/sh".into());
    let err = std::process::Command::new(&program)
        .args(words)
        .env("HUSK_GRAPHROOT", &graph)
        .env("HUSK_RUNROOT", &run)
        .env("CONTAINERS_GRAPHROOT", &graph)
        .env("CONTAINERS_RUNROOT", &run)
        .exec();
    // As a shell says it: 127 not found, 126 cannot be run.
    let code = match err.kind() {
        std::io::ErrorKind::NotFound => 127,
        _ => 126,
    };
    Err(crate::error::Failure::new(code, format!("{}: {err}", program.to_string_lossy())).into())
}

/// `husk events`: the event log's entries that the flags ask for, as lines,
/// JSON or a template; following new ones unless told otherwise.
pub fn events(a: crate::cli::EventsArgs) -> Result<i32> {
    use crate::events;
    let when = |t: &Option<String>| {
        t.as_deref()
            .map(crate::output::human::parse_when)
            .transpose()
    };
    let query = events::Query {
        since: when(&a.since)?,
        until: when(&a.until)?,
        filters: a.filter.iter().map(|f| f.parse()).collect::<Result<_>>()?,
        follow: a.stream,
        cancel: None,
    };
    let template = match a.format.as_deref() {
        None | Some("json") => None,
        Some(f) => Some(crate::output::template::Template::parse(f)?),
    };
    let json = a.format.as_deref() == Some("json");
    let mut out = std::io::stdout().lock();
    events::read(&query, &mut |e| {
        let line = match (&template, json) {
            (Some(t), _) => t.render(&events::to_json(e))?,
            (None, true) => events::to_json(e).to_string(),
            (None, false) => events::to_line(e),
        };
        // A closed stdout (`husk events | head -3`) ends it.
        Ok(writeln!(out, "{line}").and_then(|()| out.flush()).is_ok())
    })?;
    Ok(0)
}

/// `husk system service`: the Docker API until idle (`--time`) or signalled.
pub fn service(
    root: Option<PathBuf>,
    driver: Option<String>,
    a: super::ServiceArgs,
) -> Result<i32> {
    use crate::api::server::{serve, Listen, ServeOptions};
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let default = paths::husk_runtime_dir().join("husk.sock");
    let opts = ServeOptions {
        listen: Listen::parse(a.uri.as_deref(), &default)?,
        idle: (a.time > 0).then(|| std::time::Duration::from_secs(a.time)),
    };
    let api = crate::api::routes::Context::new(store_root(root)?, driver);
    serve(api, &opts)?;
    Ok(0)
}
