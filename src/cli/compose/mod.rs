//! `husk compose`: the options every compose command takes (which files,
//! which project), and its commands: the project's files (`config`), the
//! project as a whole (`project.rs`: up, down, ls, events), its containers
//! by service (`containers.rs`: ps, logs, exec, run, start, stop…), and its
//! images (`images.rs`: build, pull, push, images).

mod containers;
mod images;
mod project;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use crate::compose::graph;
use crate::compose::load::{load, LoadOptions, Project};
use crate::store::Store;
use crate::yaml::emit;

pub use containers::{
    ExecArgs, KillArgs, LogsArgs, PortArgs, PsArgs, RmArgs, RunArgs, ServicesArgs, StopArgs,
    TopArgs,
};
pub use images::{BuildArgs, ImagesArgs, PullArgs, PushArgs};
pub use project::{DownArgs, EventsArgs, LsArgs, UpArgs};

#[derive(Args, Debug)]
pub struct ComposeArgs {
    /// A compose file (repeat to merge several, later ones over earlier; - for stdin).
    /// Default: $COMPOSE_FILE, else compose.yaml, compose.yml, docker-compose.yml or
    /// docker-compose.yaml here or in a parent directory, with its compose.override.yaml
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: Vec<PathBuf>,
    /// The project's name (default: $COMPOSE_PROJECT_NAME, the file's name:, or the project directory's name)
    #[arg(short = 'p', long = "project-name", value_name = "NAME")]
    pub project_name: Option<String>,
    /// The project directory, relative paths start from it (default: the first file's directory)
    #[arg(long, value_name = "DIR")]
    pub project_directory: Option<PathBuf>,
    /// Read variables from this file instead of the project directory's .env (repeatable)
    #[arg(long = "env-file", value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Enable the services of this profile (repeatable; default: $COMPOSE_PROFILES)
    #[arg(long, value_name = "PROFILE")]
    pub profile: Vec<String>,
    #[command(subcommand)]
    pub command: ComposeCommand,
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum ComposeCommand {
    /// Check the compose files and print the project they make, in canonical form
    #[command(alias = "convert")]
    Config(ConfigArgs),
    /// Create and start the project's containers (-d: in the background; else attached to their output)
    Up(UpArgs),
    /// Stop and remove the project's containers and networks (-v: its volumes too)
    Down(DownArgs),
    /// List the project's containers
    Ps(PsArgs),
    /// Show the output of the services' containers
    Logs(LogsArgs),
    /// Run a command in a running container of a service
    Exec(ExecArgs),
    /// Run a one-off command in a new container of a service
    Run(RunArgs),
    /// Start the services' stopped containers
    Start(ServicesArgs),
    /// Stop the services' containers
    Stop(StopArgs),
    /// Restart the services' containers
    Restart(StopArgs),
    /// Send a signal to the services' containers (SIGKILL by default)
    Kill(KillArgs),
    /// Remove the services' stopped containers
    Rm(RmArgs),
    /// Pause the services' containers
    Pause(ServicesArgs),
    /// Unpause the services' containers
    Unpause(ServicesArgs),
    /// Show the processes of the services' containers
    Top(TopArgs),
    /// Print the host address a service's container port is published on
    Port(PortArgs),
    /// Build (or build again) the images of services that have a build section
    Build(BuildArgs),
    /// Pull the services' images
    Pull(PullArgs),
    /// Push the services' images to their registries
    Push(PushArgs),
    /// List the images the project's containers use
    Images(ImagesArgs),
    /// List the projects that have containers
    Ls(LsArgs),
    /// Show the project's container events as they happen
    Events(EventsArgs),
    /// Show the version of husk compose
    Version(VersionArgs),
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
    /// Whether the command makes, starts or removes containers, volumes or
    /// images, builds, pulls or pushes (then it runs in husk's user
    /// namespace, as run, rm, pull and push do).
    pub fn needs_user_namespace(&self) -> bool {
        use ComposeCommand as C;
        matches!(
            self.command,
            C::Up(_)
                | C::Down(_)
                | C::Build(_)
                | C::Run(_)
                | C::Start(_)
                | C::Restart(_)
                | C::Rm(_)
                | C::Pull(_)
                | C::Push(_)
        )
    }

    /// Whether a broken pipe may end the command at once (commands that relay
    /// streams, build or talk to registries handle EPIPE where it happens).
    pub fn dies_on_broken_pipe(&self) -> bool {
        use ComposeCommand as C;
        !matches!(
            self.command,
            C::Up(_) | C::Exec(_) | C::Run(_) | C::Build(_) | C::Pull(_) | C::Push(_)
        )
    }
}

/// What every command gets: where the store is, the storage driver asked
/// for, and how to find the project.
pub struct Ctx {
    root: Option<PathBuf>,
    driver: Option<String>,
    load: LoadOptions,
}

impl Ctx {
    /// The project the options name, its warnings printed.
    fn project(&self) -> Result<Project> {
        project(&self.load)
    }

    /// The project's name, and its files when they can be read: commands on
    /// existing containers work with `-p` alone.
    fn project_or_name(&self) -> Result<(String, Option<Project>)> {
        match project(&self.load) {
            Ok(p) => Ok((p.name.clone(), Some(p))),
            Err(e) => match &self.load.project_name {
                Some(name) if crate::compose::load::valid_name(name) => Ok((name.clone(), None)),
                _ => Err(e),
            },
        }
    }

    fn store(&self) -> Result<Store> {
        Store::open(&super::store_root(self.root.clone())?)
    }

    fn existing_store(&self) -> Result<Store> {
        Ok(Store::open_existing(&super::store_root(self.root.clone())?))
    }

    fn config_and_driver(&self) -> Result<(crate::config::Config, String)> {
        let config = crate::config::Config::load()?;
        let driver = config.driver(self.driver.as_deref())?;
        Ok((config, driver))
    }
}

pub fn run(root: Option<PathBuf>, driver: Option<String>, args: ComposeArgs) -> Result<i32> {
    let load = LoadOptions {
        files: args.file,
        project_name: args.project_name,
        project_dir: args.project_directory,
        env_files: args.env_file,
        profiles: args.profile,
        no_interpolate: matches!(&args.command, ComposeCommand::Config(c) if c.no_interpolate),
    };
    let cx = Ctx { root, driver, load };
    use ComposeCommand as C;
    match args.command {
        C::Config(a) => config(&cx.project()?, &a),
        C::Up(a) => project::up(&cx, a),
        C::Down(a) => project::down(&cx, a),
        C::Ls(a) => project::ls(&cx, a),
        C::Events(a) => project::events(&cx, a),
        C::Ps(a) => containers::ps(&cx, a),
        C::Logs(a) => containers::logs(&cx, a),
        C::Exec(a) => containers::exec(&cx, a),
        C::Run(a) => containers::run(&cx, a),
        C::Start(a) => containers::start(&cx, a),
        C::Stop(a) => containers::stop(&cx, a),
        C::Restart(a) => containers::restart(&cx, a),
        C::Kill(a) => containers::kill(&cx, a),
        C::Rm(a) => containers::rm(&cx, a),
        C::Pause(a) => containers::pause(&cx, a, true),
        C::Unpause(a) => containers::pause(&cx, a, false),
        C::Top(a) => containers::top(&cx, a),
        C::Port(a) => containers::port(&cx, a),
        C::Build(a) => images::build(&cx, a),
        C::Pull(a) => images::pull(&cx, a),
        C::Push(a) => images::push(&cx, a),
        C::Images(a) => images::images(&cx, a),
        C::Version(a) => version(&a),
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
            Some(crate::yaml::Value::Map(m)) => m.iter().map(|(k, _)| k.name.clone()).collect(),
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
pub fn reporter(quiet: bool) -> impl FnMut(&str, &str, &str) {
    move |kind: &str, name: &str, what: &str| {
        if !quiet {
            eprintln!(" {kind} {name}  {what}");
        }
    }
}
