//! `husk compose`: the options every compose command takes (which files,
//! which project), and its commands. Built so far: `config`, `up -d`,
//! `down`, `ps` and `version`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use crate::compose::load::{load, LoadOptions, Project};
use crate::compose::project::{self, DownOptions, UpOptions};
use crate::compose::{emit, graph};
use crate::config::Config;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct ComposeArgs {
    /// A compose file (repeat to merge several, later ones over earlier; - for stdin).
    /// Default: $COMPOSE_FILE, else compose.yaml, compose.yml, docker-compose.yml or
    /// docker-compose.yaml here or in a parent directory, with its compose.override.yaml
    #[arg(short = 'f', long = "file", value_name = "FILE", global = true)]
    pub file: Vec<PathBuf>,
    /// The project's name (default: $COMPOSE_PROJECT_NAME, the file's name:, or the project directory's name)
    #[arg(short = 'p', long = "project-name", value_name = "NAME", global = true)]
    pub project_name: Option<String>,
    /// The project directory, relative paths start from it (default: the first file's directory)
    #[arg(long, value_name = "DIR", global = true)]
    pub project_directory: Option<PathBuf>,
    /// Read variables from this file instead of the project directory's .env (repeatable)
    #[arg(long = "env-file", value_name = "FILE", global = true)]
    pub env_file: Vec<PathBuf>,
    /// Enable the services of this profile (repeatable; default: $COMPOSE_PROFILES)
    #[arg(long, value_name = "PROFILE", global = true)]
    pub profile: Vec<String>,
    #[command(subcommand)]
    pub command: ComposeCommand,
}

#[derive(Subcommand, Debug)]
pub enum ComposeCommand {
    /// Check the compose files and print the project they make, in canonical form
    #[command(alias = "convert")]
    Config(ConfigArgs),
    /// Create and start the project's containers, in the background (-d)
    Up(UpArgs),
    /// Stop and remove the project's containers and networks (-v: its volumes too)
    Down(DownArgs),
    /// List the project's containers
    Ps(PsArgs),
    /// Show the version of husk compose
    Version(VersionArgs),
}

#[derive(Args, Debug)]
pub struct UpArgs {
    /// Run in the background (husk compose needs it for now: attaching is still to come)
    #[arg(short, long)]
    pub detach: bool,
    /// Make the containers again even if their configuration did not change
    #[arg(long, conflicts_with = "no_recreate")]
    pub force_recreate: bool,
    /// Keep existing containers even if their configuration changed
    #[arg(long)]
    pub no_recreate: bool,
    /// Do not start the services the given ones depend on
    #[arg(long)]
    pub no_deps: bool,
    /// Run N containers of SERVICE (SERVICE=N; repeatable)
    #[arg(long, value_name = "SERVICE=N")]
    pub scale: Vec<String>,
    /// Remove the containers of services the files no longer have
    #[arg(long)]
    pub remove_orphans: bool,
    /// Seconds to wait for a dependency to be healthy or completed
    #[arg(long, value_name = "SECS", default_value = "120")]
    pub wait_timeout: u64,
    /// Print no progress
    #[arg(long)]
    pub quiet_pull: bool,
    /// Only these services (and those they depend on)
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct DownArgs {
    /// Remove the project's named volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Seconds to wait for each container to stop before it is killed
    #[arg(short, long, value_name = "SECS")]
    pub timeout: Option<u32>,
    /// Accepted for docker compose's sake: containers of services the files no longer have are always removed
    #[arg(long)]
    pub remove_orphans: bool,
}

#[derive(Args, Debug)]
pub struct PsArgs {
    /// Stopped containers too
    #[arg(short, long)]
    pub all: bool,
    /// Only the ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Only the services' names
    #[arg(long)]
    pub services: bool,
    /// table or json
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub service: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ConfigArgs {
    /// Print the services' names, one per line, each after those it depends on
    #[arg(long)]
    pub services: bool,
    /// Print the volumes' names, one per line
    #[arg(long)]
    pub volumes: bool,
    /// Print the profiles named in the files, one per line
    #[arg(long)]
    pub profiles: bool,
    /// Print the services' images (PROJECT-SERVICE for one built without an image name)
    #[arg(long)]
    pub images: bool,
    /// Only check the files: print nothing, exit 0 if they are valid
    #[arg(short, long)]
    pub quiet: bool,
    /// yaml or json
    #[arg(long, value_enum, default_value = "yaml")]
    pub format: ConfigFormat,
    /// Leave ${VARIABLES} as they are
    #[arg(long)]
    pub no_interpolate: bool,
    /// Write the output to this file
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigFormat {
    Yaml,
    Json,
}

#[derive(Args, Debug)]
pub struct VersionArgs {
    /// pretty or json
    #[arg(long, default_value = "pretty")]
    pub format: String,
    /// Only the version number
    #[arg(long)]
    pub short: bool,
}

impl ComposeArgs {
    /// Whether the command makes or removes containers or volumes (then it
    /// runs in husk's user namespace, as run and rm do).
    pub fn needs_user_namespace(&self) -> bool {
        matches!(
            self.command,
            ComposeCommand::Up(_) | ComposeCommand::Down(_)
        )
    }
}

pub fn run(root: Option<PathBuf>, driver: Option<String>, args: ComposeArgs) -> Result<i32> {
    let opts = LoadOptions {
        files: args.file,
        project_name: args.project_name,
        project_dir: args.project_directory,
        env_files: args.env_file,
        profiles: args.profile,
        no_interpolate: matches!(&args.command, ComposeCommand::Config(c) if c.no_interpolate),
    };
    match args.command {
        ComposeCommand::Config(a) => config(&project(&opts)?, &a),
        ComposeCommand::Up(a) => up(root, driver, &project(&opts)?, a),
        ComposeCommand::Down(a) => down(root, &opts, a),
        ComposeCommand::Ps(a) => ps(root, &opts, a),
        ComposeCommand::Version(a) => version(&a),
    }
}

/// The project `opts` names, its warnings printed.
fn project(opts: &LoadOptions) -> Result<Project> {
    let cwd = std::env::current_dir().context("the current directory")?;
    let env: BTreeMap<String, String> = std::env::vars().collect();
    let project = load(opts, &cwd, &env)?;
    for w in &project.warnings {
        eprintln!("WARN: {w}");
    }
    Ok(project)
}

fn config(project: &Project, a: &ConfigArgs) -> Result<i32> {
    let model = &project.model;
    let lines = |items: Vec<String>| items.iter().map(|i| format!("{i}\n")).collect::<String>();
    let names = |kind: &str| -> Vec<String> {
        match model.get(kind).map(|n| &n.value) {
            Some(crate::compose::yaml::Value::Map(m)) => {
                m.iter().map(|(k, _)| k.name.clone()).collect()
            }
            _ => Vec::new(),
        }
    };
    let text = if a.services {
        lines(graph::start_order(model)?)
    } else if a.volumes {
        lines(names("volumes"))
    } else if a.profiles {
        lines(project.profiles.iter().cloned().collect())
    } else if a.images {
        lines(
            names("services")
                .into_iter()
                .map(|s| {
                    let image = model
                        .get("services")
                        .and_then(|x| x.get(&s))
                        .and_then(|x| x.get("image"));
                    match image.and_then(|i| i.as_scalar()) {
                        Some(i) => i.to_string(),
                        None => format!("{}-{s}", project.name),
                    }
                })
                .collect(),
        )
    } else {
        match a.format {
            ConfigFormat::Yaml => emit::yaml(model, !a.no_interpolate),
            ConfigFormat::Json => serde_json::to_string_pretty(&emit::json(model))? + "\n",
        }
    };
    if a.quiet {
        return Ok(0);
    }
    match &a.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?
        }
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(0)
}

fn version(a: &VersionArgs) -> Result<i32> {
    let v = env!("CARGO_PKG_VERSION");
    match (a.short, a.format.as_str()) {
        (true, _) => println!("{v}"),
        (false, "json") => println!("{}", serde_json::json!({ "version": v })),
        (false, "pretty") => println!("husk compose version {v}"),
        (false, other) => bail!("--format {other:?}: use pretty or json"),
    }
    Ok(0)
}

/// Prints what a step did, as docker compose does (` ✔ Container p-web-1  Started`).
fn reporter(quiet: bool) -> impl FnMut(&str, &str, &str) {
    move |kind: &str, name: &str, what: &str| {
        if !quiet {
            eprintln!(" {kind} {name}  {what}");
        }
    }
}

fn up(root: Option<PathBuf>, driver: Option<String>, project: &Project, a: UpArgs) -> Result<i32> {
    if !a.detach {
        bail!("husk compose up: attaching to the services is still to come: use up -d (and husk compose logs… later)");
    }
    let mut scale = BTreeMap::new();
    for s in &a.scale {
        let (svc, n) = s
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("--scale {s:?}: use SERVICE=N"))?;
        let n: u32 = n
            .parse()
            .with_context(|| format!("--scale {s:?}: N is a number"))?;
        scale.insert(svc.to_string(), n);
    }
    let opts = UpOptions {
        services: a.services,
        no_deps: a.no_deps,
        force_recreate: a.force_recreate,
        no_recreate: a.no_recreate,
        scale,
        remove_orphans: a.remove_orphans,
        wait_timeout: std::time::Duration::from_secs(a.wait_timeout),
    };
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open(&super::store_root(root)?)?;
    let pull = crate::image::pull::PullOptions::defaults(crate::progress::Progress::for_stderr(
        a.quiet_pull,
    ));
    let mut report = reporter(false);
    project::up(&store, &config, &driver, project, &pull, &opts, &mut report)?;
    Ok(0)
}

/// The project's name for commands that need no more (`down`, `ps`): from
/// its files, or `-p` alone when there are none.
fn project_or_name(opts: &LoadOptions) -> Result<(String, Option<Project>)> {
    match project(opts) {
        Ok(p) => Ok((p.name.clone(), Some(p))),
        Err(e) => match &opts.project_name {
            Some(name) => Ok((name.clone(), None)),
            None => Err(e),
        },
    }
}

fn down(root: Option<PathBuf>, opts: &LoadOptions, a: DownArgs) -> Result<i32> {
    let (name, project) = project_or_name(opts)?;
    let store = Store::open(&super::store_root(root)?)?;
    let opts = DownOptions {
        volumes: a.volumes,
        timeout: a.timeout,
    };
    let mut report = reporter(false);
    project::down(&store, &name, project.as_ref(), &opts, &mut report)?;
    Ok(0)
}

fn ps(root: Option<PathBuf>, opts: &LoadOptions, a: PsArgs) -> Result<i32> {
    let (name, _) = project_or_name(opts)?;
    let store = Store::open_existing(&super::store_root(root)?);
    let service_of = |c: &crate::container::list::Listed| {
        c.record
            .labels
            .get(crate::compose::service::LABEL_SERVICE)
            .cloned()
            .unwrap_or_default()
    };
    let listed: Vec<_> = project::containers(&store, &name)?
        .into_iter()
        .filter(|c| a.all || crate::container::state::is_active(&c.state))
        .filter(|c| a.service.is_empty() || a.service.contains(&service_of(c)))
        .collect();
    let mut out = String::new();
    if a.quiet {
        for c in &listed {
            out += &format!("{}\n", c.record.id);
        }
    } else if a.services {
        let mut names: Vec<String> = listed.iter().map(service_of).collect();
        names.dedup();
        for n in names {
            out += &format!("{n}\n");
        }
    } else if a.format == "json" {
        let rows: Vec<serde_json::Value> = listed
            .iter()
            .map(|c| {
                serde_json::json!({
                    "ID": c.record.id,
                    "Name": c.record.name,
                    "Image": c.record.image_name,
                    "Command": c.record.command.join(" "),
                    "Project": name,
                    "Service": service_of(c),
                    "State": format!("{:?}", c.state.status).to_lowercase(),
                    "Status": super::containers::status_text(c),
                    "ExitCode": c.state.exit_code.unwrap_or(0),
                    "Labels": c.record.labels,
                })
            })
            .collect();
        out = serde_json::to_string(&rows)? + "\n";
    } else {
        let mut rows = Vec::new();
        for c in &listed {
            rows.push(vec![
                c.record.name.clone(),
                c.record.image_name.clone(),
                service_of(c),
                super::containers::status_text(c),
            ]);
        }
        let mut stdout = std::io::stdout();
        crate::output::table::print(&mut stdout, &["NAME", "IMAGE", "SERVICE", "STATUS"], &rows)?;
        return Ok(0);
    }
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(0)
}
