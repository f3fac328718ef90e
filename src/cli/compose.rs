//! `husk compose`: the options every compose command takes (which files,
//! which project), and its commands. Built so far: `config` and `version`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use crate::compose::load::{load, LoadOptions, Project};
use crate::compose::{emit, graph};

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

pub fn run(args: ComposeArgs) -> Result<i32> {
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
