//! `husk kube generate|play|down` (podman's), and the older spellings
//! `husk generate kube`, `husk play kube`.

use std::io::{Read as _, Write as _};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use super::{store_root, RegistryArgs};
use crate::config::Config;
use crate::kube::generate::{self, GenerateOptions};
use crate::kube::{model, plan, play};
use crate::progress::Progress;
use crate::store::Store;

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum KubeCommand {
    /// Kubernetes YAML (a Pod or a Deployment, a Service, claims) for containers, pods and volumes
    Generate(GenerateArgs),
    /// Run the pods of Kubernetes YAML: Pods, Deployments, Services, ConfigMaps, Secrets, PersistentVolumeClaims
    ///
    /// Each Pod becomes a husk pod of that name, each of its containers POD-NAME; a
    /// Deployment's replicas are pods NAME-pod (one replica) or NAME-pod-0, NAME-pod-1...
    /// Pods join husk-default-kube-network (made if missing; --network for another),
    /// where a Service's name reaches the pods it selects (on their container ports); a
    /// NodePort Service publishes its nodePort, a LoadBalancer Service its port, on the
    /// first pod it selects. A container's hostPort is published by its pod.
    /// PersistentVolumeClaims are named volumes (made if missing; their size is not
    /// enforced); ConfigMaps and Secrets give env (valueFrom, envFrom) and files
    /// (configMap and secret volumes, with items and defaultMode); emptyDir is a
    /// directory of the pod's (medium Memory: a tmpfs); hostPath a bind mount. Init
    /// containers run, in order, to a 0 exit before the others start. Probes become
    /// health checks (liveness, startup); securityContext, resources.limits,
    /// restartPolicy, hostname, hostNetwork, hostAliases, dnsConfig and
    /// terminationGracePeriodSeconds are honoured. Every other kind and field is
    /// named in a warning, never dropped silently. Everything is checked before the
    /// first pod is made (a missing ConfigMap key, a host port published twice, a
    /// name in use); a pod whose container cannot start is removed again, and kube
    /// play exits 125.
    Play(Box<PlayArgs>),
    /// Remove the pods Kubernetes YAML made (kube play --down)
    Down(DownArgs),
}

impl KubeCommand {
    pub fn needs_user_namespace(&self) -> bool {
        !matches!(self, KubeCommand::Generate(_))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WorkloadType {
    Pod,
    Deployment,
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    /// Containers, pods or volumes
    #[arg(value_name = "NAME", required = true)]
    pub names: Vec<String>,
    /// Write the YAML to this file instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub filename: Option<PathBuf>,
    /// Add a Service (NodePort) for the published ports of each pod
    #[arg(short, long)]
    pub service: bool,
    /// The workload: pod or deployment
    #[arg(short = 't', long = "type", value_name = "TYPE", default_value = "pod")]
    pub kind: WorkloadType,
    /// A Deployment's replicas
    #[arg(short, long, value_name = "N", default_value_t = 1)]
    pub replicas: u32,
}

#[derive(Args, Debug)]
pub struct PlayArgs {
    /// The YAML file, or - for standard input
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Remove pods of the same names first (those an earlier kube play made)
    #[arg(long)]
    pub replace: bool,
    /// Remove the pods instead (kube down)
    #[arg(long)]
    pub down: bool,
    /// Start the pods (--start=false: only create them)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true")]
    pub start: bool,
    /// Build images from directories named after them (with a Containerfile or Dockerfile) even if they exist (--build=false: never)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub build: Option<bool>,
    /// Where those directories are (default: the YAML's directory)
    #[arg(long, value_name = "DIR")]
    pub context_dir: Option<PathBuf>,
    /// A YAML file of ConfigMaps the pods may use
    #[arg(long, value_name = "FILE", value_delimiter = ',')]
    pub configmap: Vec<PathBuf>,
    /// Publish a container port of the pods: [[IP:]HOSTPORT:]PORT[/PROTO] (over the YAML's hostPort)
    #[arg(long, value_name = "PORT")]
    pub publish: Vec<String>,
    /// The pods' network (default: husk-default-kube-network, made if missing)
    #[arg(long, alias = "net", value_name = "NETWORK")]
    pub network: Option<String>,
    /// An annotation for every container: KEY=VALUE
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// The containers' log driver
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// A log driver option
    #[arg(long, value_name = "OPT")]
    pub log_opt: Vec<String>,
    /// Leave the image's /etc/hosts alone
    #[arg(long)]
    pub no_hosts: bool,
    /// No pull or build progress
    #[arg(short, long)]
    pub quiet: bool,
    /// Registry credentials: USER[:PASSWORD]
    #[arg(long, value_name = "USER[:PASSWORD]")]
    pub creds: Option<String>,
    /// With --down: the PersistentVolumeClaims' volumes too
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct DownArgs {
    /// The YAML file, or - for standard input
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Remove the PersistentVolumeClaims' volumes too
    #[arg(long)]
    pub force: bool,
}

pub fn run(root: Option<PathBuf>, driver: Option<String>, c: KubeCommand) -> Result<i32> {
    let store = Store::open(&store_root(root)?)?;
    match c {
        KubeCommand::Generate(a) => generate(&store, a),
        KubeCommand::Play(a) if a.down => down(&store, &a.file, a.force),
        KubeCommand::Play(a) => play(&store, driver, *a),
        KubeCommand::Down(a) => down(&store, &a.file, a.force),
    }
}

pub fn generate(store: &Store, a: GenerateArgs) -> Result<i32> {
    let opts = GenerateOptions {
        kind: match a.kind {
            WorkloadType::Pod => generate::Kind::Pod,
            WorkloadType::Deployment => generate::Kind::Deployment,
        },
        replicas: a.replicas,
        service: a.service,
    };
    let text = generate::generate(store, &a.names, &opts)?;
    match &a.filename {
        Some(f) => std::fs::write(f, text).with_context(|| format!("writing {}", f.display()))?,
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(0)
}

/// The YAML's objects and warnings, from a file or stdin.
fn read(file: &str) -> Result<(model::Read, PathBuf)> {
    let (text, path) = match file {
        "-" => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("reading the YAML from standard input")?;
            (text, PathBuf::from("-"))
        }
        f => (
            std::fs::read_to_string(f).with_context(|| format!("reading {f}"))?,
            PathBuf::from(f),
        ),
    };
    let read = model::read(&text, &path)?;
    let dir = match path.parent() {
        Some(p) if file != "-" && !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((read, dir))
}

fn configmaps(files: &[PathBuf]) -> Result<Vec<model::Object>> {
    let mut out = Vec::new();
    for f in files {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let read = model::read(&text, f)?;
        for o in read.objects {
            match o {
                model::Object::ConfigMap(_) => out.push(o),
                other => anyhow::bail!(
                    "{}: --configmap takes ConfigMaps, not a {}",
                    f.display(),
                    other.kind()
                ),
            }
        }
    }
    Ok(out)
}

fn play(store: &Store, driver: Option<String>, a: PlayArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let opts = plan::PlayOptions {
        network: a.network.clone(),
        publish: a.publish.clone(),
        annotations: a.annotation.clone(),
        log_driver: a.log_driver.clone(),
        log_opt: a.log_opt.clone(),
        no_hosts: a.no_hosts,
        build: a.build,
        context_dir: a.context_dir.clone(),
    };
    let pull = a
        .registry
        .pull_options(None, a.creds.as_deref(), Progress::for_stderr(a.quiet))?;
    let (read, dir) = read(&a.file)?;
    for w in &read.warnings {
        eprintln!("WARNING: {w}");
    }
    let plan = plan::make(read.objects, configmaps(&a.configmap)?, &dir, &opts)?;
    for w in &plan.warnings {
        eprintln!("WARNING: {w}");
    }
    let making = play::Making {
        config: &config,
        driver: &driver,
        pull: &pull,
        start: a.start,
        replace: a.replace,
        quiet: a.quiet,
    };
    // podman's rule: whatever fails, kube play exits 125 (a container's own
    // 126 or 127 is in the message).
    let played = play::play(store, &plan, &making)
        .map_err(|e| crate::error::Failure::new(crate::error::EXIT_TOOL, format!("{e:#}")))?;
    let mut out = std::io::stdout().lock();
    for p in played {
        writeln!(out, "Pod:\n{}", p.pod)?;
        writeln!(
            out,
            "{}:",
            if p.containers.len() == 1 {
                "Container"
            } else {
                "Containers"
            }
        )?;
        for c in &p.containers {
            writeln!(out, "{c}")?;
        }
        writeln!(out)?;
    }
    Ok(0)
}

fn down(store: &Store, file: &str, volumes: bool) -> Result<i32> {
    let (read, _) = read(file)?;
    let (workloads, claims) = plan::names(&read.objects);
    let downed = play::down(store, &workloads, &claims, volumes)?;
    let mut out = std::io::stdout().lock();
    if !downed.stopped.is_empty() {
        writeln!(out, "Pods stopped:")?;
        for id in &downed.stopped {
            writeln!(out, "{id}")?;
        }
        writeln!(out, "Pods removed:")?;
        for id in &downed.removed {
            writeln!(out, "{id}")?;
        }
    }
    if !downed.volumes.is_empty() {
        writeln!(out, "Volumes removed:")?;
        for v in &downed.volumes {
            writeln!(out, "{v}")?;
        }
    }
    Ok(0)
}
