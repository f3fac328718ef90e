//! `husk volume`: create, ls, inspect, rm, prune, exists.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::store_root;
use crate::error::ExitCode;
use crate::output::{human, table, template};
use crate::store::Store;
use crate::volume::{self, CreateOptions, Filter, Volume};

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum VolumeCommand {
    /// Create a volume (an existing one of that name is kept as it is)
    Create(CreateArgs),
    /// List volumes
    #[command(alias = "list")]
    Ls(LsArgs),
    /// Show volumes as JSON
    Inspect(InspectArgs),
    /// Remove volumes (refused while containers use them, unless -f)
    #[command(alias = "remove")]
    Rm(RmArgs),
    /// Remove every volume no container uses
    Prune(PruneArgs),
    /// Exit 0 if the volume exists, 1 if not
    Exists(NameArg),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The volume's name (default: 64 random hex digits)
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
    /// A label: KEY=VALUE
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// A driver option: type=tmpfs, o=size=64m, or type=none,o=bind,device=/PATH
    #[arg(short, long = "opt", value_name = "KEY=VALUE")]
    pub opt: Vec<String>,
    /// The driver: only local
    #[arg(short, long, value_name = "DRIVER", default_value = "local")]
    pub driver: String,
    /// Succeed if a volume of that name exists (podman's; docker's create always does)
    #[arg(long)]
    pub ignore: bool,
    /// The owner of the new volume's content: a container uid (podman's)
    #[arg(long, value_name = "UID")]
    pub uid: Option<u32>,
    /// Its group: a container gid (podman's)
    #[arg(long, value_name = "GID")]
    pub gid: Option<u32>,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Only the names
    #[arg(short, long)]
    pub quiet: bool,
    /// Go template, or json
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// name=, label=KEY[=VALUE], label!=, dangling=true|false, driver=, until=
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// No header line (podman's)
    #[arg(short = 'n', long)]
    pub noheading: bool,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Volumes
    #[arg(value_name = "VOLUME", required_unless_present = "all")]
    pub volumes: Vec<String>,
    /// Every volume (podman's)
    #[arg(short, long)]
    pub all: bool,
    /// Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Volumes
    #[arg(value_name = "VOLUME", required_unless_present = "all")]
    pub volumes: Vec<String>,
    /// Remove the containers that use them first (podman's)
    #[arg(short, long)]
    pub force: bool,
    /// Every volume (podman's)
    #[arg(short, long)]
    pub all: bool,
    /// With -f: seconds the containers using it get to stop before SIGKILL (podman's; default: SIGKILL at once)
    #[arg(short = 't', long = "time", value_name = "SECONDS", requires = "force")]
    pub time: Option<u32>,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Do not ask
    #[arg(short, long)]
    pub force: bool,
    /// Accepted for docker's sake: every unused volume is removed, named or not, as podman does
    #[arg(short, long)]
    pub all: bool,
    /// label=KEY[=VALUE], label!=..., until=TIME
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Only list what would be removed, and the space it takes (podman's)
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args, Debug)]
pub struct NameArg {
    #[arg(value_name = "VOLUME")]
    pub volume: String,
}

pub fn run(root: Option<PathBuf>, cmd: VolumeCommand) -> Result<i32> {
    let root = store_root(root)?;
    // Readers leave the store as it is (no directories made).
    let store = match &cmd {
        VolumeCommand::Ls(_) | VolumeCommand::Inspect(_) | VolumeCommand::Exists(_) => {
            Store::open_existing(&root)
        }
        _ => Store::open(&root)?,
    };
    match cmd {
        VolumeCommand::Create(a) => create(&store, a),
        VolumeCommand::Ls(a) => ls(&store, a),
        VolumeCommand::Inspect(a) => inspect(&store, a),
        VolumeCommand::Rm(a) => rm(&store, a),
        VolumeCommand::Prune(a) => prune(&store, a),
        VolumeCommand::Exists(a) => Ok(match volume::find(&store, &a.volume) {
            Ok(_) => 0,
            Err(e) if e.downcast_ref::<crate::error::Failure>().is_some() => 1,
            Err(e) => return Err(e),
        }),
    }
}

fn key_values(what: &str, items: &[String]) -> Result<BTreeMap<String, String>> {
    items
        .iter()
        .map(|i| {
            let (k, v) = i
                .split_once('=')
                .with_context(|| format!("invalid {what} {i:?}: use KEY=VALUE"))?;
            Ok((k.to_string(), v.to_string()))
        })
        .collect()
}

fn create(store: &Store, a: CreateArgs) -> Result<i32> {
    if a.driver != "local" {
        anyhow::bail!(
            "volume driver {:?} is not supported: husk has local volumes",
            a.driver
        );
    }
    let labels = a
        .label
        .iter()
        .map(|l| crate::container::parse_label(l))
        .collect::<Result<BTreeMap<_, _>>>()?;
    let opts = CreateOptions {
        name: a.name,
        labels,
        options: key_values("--opt", &a.opt)?,
        anonymous: false,
        uid: a.uid,
        gid: a.gid,
    };
    let (v, _) = volume::create(store, &opts)?;
    println!("{}", v.name);
    Ok(0)
}

fn filters(items: &[String]) -> Result<Vec<Filter>> {
    items.iter().map(|f| f.parse()).collect()
}

fn ls(store: &Store, a: LsArgs) -> Result<i32> {
    let filters = filters(&a.filter)?;
    let mut out = crate::output::stdout();
    // Names alone need no record read.
    if filters.is_empty() && (a.quiet || a.format.is_none()) {
        let names = volume::names(store)?;
        match a.quiet {
            true => names.iter().try_for_each(|n| writeln!(out, "{n}"))?,
            false => {
                let rows: Vec<Vec<String>> =
                    names.into_iter().map(|n| vec!["local".into(), n]).collect();
                table::print_with(&mut out, &["DRIVER", "VOLUME NAME"], &rows, !a.noheading)?;
            }
        }
        return Ok(0);
    }
    let used = match filters.iter().any(|f| matches!(f, Filter::Dangling(_))) {
        true => volume::used_names(store)?,
        false => Default::default(),
    };
    let vols: Vec<Volume> = volume::list(store)?
        .into_iter()
        .filter(|v| filters.iter().all(|f| f.keeps(v, &used)))
        .collect();
    if a.quiet {
        for v in &vols {
            writeln!(out, "{}", v.name)?;
        }
        return Ok(0);
    }
    match a.format.as_deref() {
        Some("json") => {
            let docs: Vec<Value> = vols.iter().map(|v| volume::inspect(store, v)).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&docs)?)?;
        }
        Some(fmt) => {
            let values: Vec<Value> = vols.iter().map(|v| row(store, v)).collect();
            template::write_rows_with(&mut out, fmt, &values, &header, !a.noheading)?;
        }
        None => {
            let rows: Vec<Vec<String>> = vols
                .iter()
                .map(|v| vec!["local".into(), v.name.clone()])
                .collect();
            table::print_with(&mut out, &["DRIVER", "VOLUME NAME"], &rows, !a.noheading)?;
        }
    }
    Ok(0)
}

/// A volume as `ls --format` templates see it (docker's field names).
fn row(store: &Store, v: &Volume) -> Value {
    json!({
        "Name": v.name,
        "Driver": "local",
        "Scope": "local",
        "Mountpoint": volume::data_dir(store, &v.name).display().to_string(),
        "Labels": v.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","),
        "CreatedAt": v.created,
        "Anonymous": v.anonymous,
    })
}

/// Column headers of `ls --format table …`.
fn header(field: &str) -> Option<&'static str> {
    Some(match field {
        "Name" => "VOLUME NAME",
        "Driver" => "DRIVER",
        "Scope" => "SCOPE",
        "Mountpoint" => "MOUNTPOINT",
        "Labels" => "LABELS",
        "CreatedAt" => "CREATED AT",
        _ => return None,
    })
}

fn inspect(store: &Store, a: InspectArgs) -> Result<i32> {
    let mut docs = Vec::new();
    let mut code = 0;
    let names = match a.all {
        true => volume::list(store)?.into_iter().map(|v| v.name).collect(),
        false => a.volumes,
    };
    for name in &names {
        match volume::find(store, name) {
            Ok(v) => docs.push(volume::inspect(store, &v)),
            Err(e) => {
                eprintln!("Error: {}", crate::error::one_line(&e));
                code = crate::error::exit_code_of(&e);
            }
        }
    }
    super::containers::print_docs(&docs, a.format.as_deref())?;
    match code {
        0 => Ok(0),
        c => Err(ExitCode(c).into()),
    }
}

fn rm(store: &Store, a: RmArgs) -> Result<i32> {
    let names = match a.all {
        true => volume::names(store)?,
        false => a.volumes,
    };
    super::containers::for_each(&names, |name| {
        println!("{}", volume::remove(store, name, a.force, a.time)?);
        Ok(())
    })
}

fn prune(store: &Store, a: PruneArgs) -> Result<i32> {
    let filters = filters(&a.filter)?;
    if !a.dry_run
        && !super::confirmed(
            a.force,
            "This will remove all volumes not used by at least one container.",
        )?
    {
        return Ok(0);
    }
    let pruned = volume::prune_with(store, &filters, a.dry_run)?;
    for name in &pruned.removed {
        println!("{name}");
    }
    if !pruned.removed.is_empty() {
        let what = if a.dry_run {
            "that would be reclaimed"
        } else {
            "reclaimed"
        };
        eprintln!("Total space {what}: {}", human::size(pruned.freed));
    }
    Ok(0)
}
