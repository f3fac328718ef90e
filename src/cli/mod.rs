//! The command line: clap definitions and dispatch. Handlers here only turn
//! arguments into calls of the modules that do the work, and results into output.

pub mod argv;
mod build;
mod compose;
mod containers;
mod cp;
pub mod docs;
mod exec;
mod images;
mod kube;
mod login;
mod manifest;
mod network;
mod pod;
mod run;
mod secret;
mod system;
mod transfer;
mod volume;

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand};

/// husk: rootless, daemonless containers.
#[derive(Parser, Debug)]
#[command(name = "husk", version, about = "Rootless, daemonless OCI containers", long_about = None)]
#[command(propagate_version = true)]
pub struct Cli {
    /// Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)
    #[arg(
        long,
        global = true,
        env = "HUSK_ROOT",
        value_name = "DIR",
        help_heading = "Global Options"
    )]
    pub root: Option<PathBuf>,

    /// Storage driver for container root filesystems: fuse-overlay (husk's own), overlay
    /// (the kernel's) or vfs (a full copy per container); default from husk.toml, else fuse-overlay
    #[arg(long, global = true, env = "HUSK_STORAGE_DRIVER", value_name = "DRIVER", value_parser = ["overlay", "fuse-overlay", "vfs"], help_heading = "Global Options")]
    pub storage_driver: Option<String>,

    /// How much to log (podman's): husk says errors, and warnings where podman warns, at any level
    #[arg(long, global = true, value_name = "LEVEL", value_parser = ["trace", "debug", "info", "warn", "warning", "error", "fatal", "panic"], help_heading = "Global Options")]
    pub log_level: Option<String>,

    /// Print nothing on standard output (podman's); errors still go to standard error
    #[arg(long, global = true, help_heading = "Global Options")]
    pub noout: bool,

    #[command(flatten)]
    pub podman: PodmanGlobals,

    #[command(subcommand)]
    pub command: Command,
}

// podman's other global options.
#[derive(Args, Debug, Default)]
pub struct PodmanGlobals {
    /// Write standard output to this file (podman's)
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        conflicts_with = "noout",
        help_heading = "Global Options"
    )]
    pub out: Option<PathBuf>,
    /// The directory of husk's runtime state (default: $XDG_RUNTIME_DIR/husk) (podman's)
    #[arg(
        long,
        global = true,
        env = "HUSK_RUNROOT",
        value_name = "DIR",
        help_heading = "Global Options"
    )]
    pub runroot: Option<PathBuf>,
    /// As --runroot: husk keeps its runtime state in one directory (podman's)
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        conflicts_with = "runroot",
        help_heading = "Global Options"
    )]
    pub tmpdir: Option<PathBuf>,
    /// Where events go: file (husk's event log, the default) or none; journald is refused (podman's)
    #[arg(long, global = true, value_name = "BACKEND", value_parser = ["file", "none", "journald"], help_heading = "Global Options")]
    pub events_backend: Option<String>,
    /// Accepted for podman's scripts: cgroupfs or systemd; husk makes no cgroups for either to manage
    #[arg(long, global = true, value_name = "MANAGER", value_parser = ["cgroupfs", "systemd"], help_heading = "Global Options")]
    pub cgroup_manager: Option<String>,
    /// The registries.conf to read instead of yours and the system's (podman's; also $REGISTRIES_CONFIG_PATH)
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        help_heading = "Global Options"
    )]
    pub registries_conf: Option<PathBuf>,
}

impl PodmanGlobals {
    /// Put the options where every part of husk (and the monitors it starts)
    /// reads them: its environment, set before any thread starts.
    pub fn apply(&self) -> Result<()> {
        // First thing in `run`, while husk is one thread.
        let set = |k: &str, v: &std::ffi::OsStr| std::env::set_var(k, v);
        if let Some(d) = self.runroot.as_ref().or(self.tmpdir.as_ref()) {
            set("HUSK_RUNROOT", std::path::absolute(d)?.as_os_str());
        }
        match self.events_backend.as_deref() {
            Some("journald") => anyhow::bail!("--events-backend journald: husk writes its events to its own log (file), or nowhere (none)"),
            Some(b) => set("HUSK_EVENTS_BACKEND", b.as_ref()),
            None => {}
        }
        if let Some(f) = &self.registries_conf {
            set(
                "REGISTRIES_CONFIG_PATH",
                std::path::absolute(f)?.as_os_str(),
            );
        }
        if let Some(f) = &self.out {
            let file =
                std::fs::File::create(f).with_context(|| format!("--out {}", f.display()))?;
            nix::unistd::dup2(std::os::fd::AsRawFd::as_raw_fd(&file), 1).context("--out")?;
        }
        Ok(())
    }
}

/// `defer`: a subcommand's options are built only when it is the one given
/// (each `husk` command line would otherwise build every subcommand's: the
/// largest share of a short command's time). clap defers only the variants of
/// the enum that says so, not those of a nested enum (`container run`), so
/// every `Subcommand` enum of husk's says it. A deferred subcommand's own
/// about is set before its options are added, so an `Args` struct that is
/// flattened into one has a plain comment, not a doc comment: clap would make
/// a doc comment the about of every subcommand it is flattened into.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum Command {
    /// Run a command in a new container
    Run(Box<RunArgs>),
    /// Create a container (as run does) without starting it; prints its id
    Create(Box<RunArgs>),
    /// Start created or exited containers (in the background; -a: in the foreground)
    Start(StartArgs),
    /// List containers
    #[command(visible_alias = "list", name = "ps")]
    Ps(PsArgs),
    /// Show a container's output
    Logs(LogsArgs),
    /// Run a command in a running container
    Exec(Box<ExecArgs>),
    /// Attach to a running container's output (and input, with -i or -t)
    Attach(AttachArgs),
    /// Stop containers: the stop signal, then SIGKILL after a timeout
    Stop(StopArgs),
    /// Send a signal to containers (SIGKILL by default)
    Kill(KillArgs),
    /// Stop containers, then start them again
    Restart(StopArgs),
    /// Wait for containers to exit; prints their exit codes
    Wait(WaitArgs),
    /// Remove containers
    Rm(RmArgs),
    /// Rename a container
    Rename(RenameArgs),
    /// Copy files between a container (running or not) and the host
    Cp(CpArgs),
    /// Show the processes of a running container (podman's descriptors, or ps options)
    Top(TopArgs),
    /// Show a container's published ports (all, or those of PORT[/PROTO])
    Port(PortArgs),
    /// Show what a container changed in its file system (A added, C changed, D deleted)
    Diff(DiffArgs),
    /// Stop every process of containers (SIGSTOP) until unpause
    Pause(PauseArgs),
    /// Let the processes of paused containers go on (SIGCONT)
    Unpause(PauseArgs),
    /// Manage containers
    #[command(subcommand)]
    Container(ContainerCommand),
    /// Generate files for other tools (systemd units, Kubernetes YAML)
    #[command(subcommand)]
    Generate(GenerateCommand),
    /// Kubernetes YAML: generate it from containers and pods, play it as pods, take them down (podman's)
    #[command(subcommand)]
    Kube(kube::KubeCommand),
    /// Play Kubernetes YAML (podman's older spelling of kube play)
    #[command(subcommand)]
    Play(PlayCommand),
    /// Run a container's health check (podman's)
    #[command(subcommand)]
    Healthcheck(HealthcheckCommand),
    /// Show what husk did to containers, images, volumes and networks, following new events
    Events(EventsArgs),
    /// Manage networks
    #[command(subcommand)]
    Network(network::NetworkCommand),
    /// Manage volumes
    #[command(subcommand)]
    Volume(volume::VolumeCommand),
    /// Manage pods: containers that share network, ipc and uts namespaces (podman's)
    #[command(subcommand)]
    Pod(pod::PodCommand),
    /// Manage secrets, given to containers with run --secret (podman's)
    #[command(subcommand)]
    Secret(secret::SecretCommand),
    /// Manage manifest lists (multi-platform images)
    #[command(subcommand)]
    Manifest(manifest::ManifestCommand),
    /// Run multi-container applications from compose files (docker compose's)
    Compose(compose::ComposeArgs),
    /// Run a command in husk's user namespace, as its root (default: your shell)
    ///
    /// There, files that containers' users wrote (into bind mounts, say) can be
    /// removed or chowned, as with podman unshare.
    Unshare(UnshareArgs),
    /// The detached monitor of a container (started by run -d and start)
    #[command(hide = true)]
    Monitor(MonitorArgs),
    /// Pull an image from a registry
    Pull(PullArgs),
    /// Push an image to a registry
    Push(PushArgs),
    /// Write images to an archive (docker-archive, oci-archive) or a directory
    Save(SaveArgs),
    /// Read images from an archive (husk save's, docker save's, podman save's)
    Load(LoadArgs),
    /// Write a container's root file system as a tar
    Export(ExportArgs),
    /// Search registries for repositories, or list a repository's tags
    Search(SearchArgs),
    /// Make a one-layer image of a root file system tar (a file, a URL or -)
    Import(ImportArgs),
    /// List images
    Images(ImagesArgs),
    /// Show the steps that made an image
    History(HistoryArgs),
    /// Build an image from a Dockerfile (or Containerfile)
    Build(Box<build::BuildArgs>),
    /// Make a new image of a container's changes
    Commit(build::CommitArgs),
    /// Take names from an image (all of them if none is given); the image stays (podman's)
    Untag(UntagArgs),
    /// Manage images
    #[command(subcommand)]
    Image(ImageCommand),
    /// Show low-level information on containers or images, as JSON
    Inspect(InspectArgs),
    /// Give an image another name
    Tag(TagArgs),
    /// Remove images
    Rmi(RmiArgs),
    /// Log in to a registry
    Login(LoginArgs),
    /// Log out of a registry
    Logout(LogoutArgs),
    /// Show the version
    Version(FormatArgs),
    /// Show how husk is set up: store, storage driver, id mapping, registries
    Info(InfoArgs),
    /// Print a shell completion script
    Completion(CompletionArgs),
    /// Manage husk itself
    #[command(subcommand)]
    System(SystemCommand),
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum ImageCommand {
    /// List images
    #[command(visible_alias = "list", name = "ls")]
    Ls(ImagesArgs),
    /// Search registries for images
    Search(SearchArgs),
    /// Pull an image from a registry
    Pull(PullArgs),
    /// Push an image to a registry
    Push(PushArgs),
    /// Write images to an archive (docker-archive, oci-archive) or a directory
    Save(SaveArgs),
    /// Read images from an archive (husk save's, docker save's, podman save's)
    Load(LoadArgs),
    /// Make a one-layer image of a root file system tar (a file, a URL or -)
    Import(ImportArgs),
    /// Show low-level information on images, as JSON
    Inspect(InspectArgs),
    /// Give an image another name
    Tag(TagArgs),
    /// Remove images
    Rm(RmiArgs),
    /// Remove unused images
    Prune(PruneArgs),
    /// Exit 0 if the image is stored, 1 if not (podman's)
    Exists(ImageArg),
    /// Show the steps that made an image
    History(HistoryArgs),
    /// Take names from an image (all of them if none is given); the image stays
    Untag(UntagArgs),
    /// Build an image from a Dockerfile (or Containerfile)
    Build(Box<build::BuildArgs>),
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum ContainerCommand {
    /// List containers
    #[command(visible_aliases = ["list", "ps"], name = "ls")]
    Ls(PsArgs),
    /// Run a command in a new container
    Run(Box<RunArgs>),
    /// Create a container without starting it
    Create(Box<RunArgs>),
    /// A new image of a container's changes
    Commit(build::CommitArgs),
    /// Show low-level information on containers, as JSON
    Inspect(InspectArgs),
    /// Remove containers
    Rm(RmArgs),
    /// Remove every stopped container
    Prune(PruneContainersArgs),
    /// Write a container's root file system as a tar
    Export(ExportArgs),
    /// Stop containers
    Stop(StopArgs),
    /// Start containers
    Start(StartArgs),
    /// Send a signal to containers
    Kill(KillArgs),
    /// Wait for containers to exit
    Wait(WaitArgs),
    /// Show a container's output
    Logs(LogsArgs),
    /// Run a command in a running container
    Exec(Box<ExecArgs>),
    /// Attach to a running container
    Attach(AttachArgs),
    /// Restart containers
    Restart(StopArgs),
    /// Rename a container
    Rename(RenameArgs),
    /// Copy files between a container and the host
    Cp(CpArgs),
    /// Show the processes of a running container
    Top(TopArgs),
    /// Show a container's published ports
    Port(PortArgs),
    /// Show what a container changed in its file system
    Diff(DiffArgs),
    /// Pause containers
    Pause(PauseArgs),
    /// Unpause containers
    Unpause(PauseArgs),
    /// Exit 0 if the container exists, 1 if not (podman's)
    Exists(ContainerExistsArgs),
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum HealthcheckCommand {
    /// Run the health check now: exit 0 if healthy, 1 (printing the status) if not
    Run(ContainerArg),
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum GenerateCommand {
    /// A systemd user unit that starts, stops and restarts a container
    Systemd(Box<SystemdArgs>),
    /// Kubernetes YAML for containers, pods and volumes (kube generate)
    Kube(kube::GenerateArgs),
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum PlayCommand {
    /// Run the pods of Kubernetes YAML (kube play)
    Kube(Box<kube::PlayArgs>),
}

#[derive(Args, Debug)]
pub struct SystemdArgs {
    /// A unit that creates the container anew (run --replace --rm -d) and removes it after
    #[arg(long)]
    pub new: bool,
    /// Name the unit and the commands after the container's name (the default) ...
    #[arg(long, conflicts_with = "id")]
    pub name: bool,
    /// ... or after its id
    #[arg(long)]
    pub id: bool,
    /// Restart= of the unit: no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always
    #[arg(long, value_name = "POLICY", default_value = "on-failure")]
    pub restart_policy: String,
    /// Seconds husk stop waits before SIGKILL
    #[arg(
        short = 't',
        long = "time",
        visible_alias = "stop-timeout",
        value_name = "SECONDS",
        default_value_t = 10
    )]
    pub time: u32,
    /// Prefix of the unit name
    #[arg(long, value_name = "PREFIX", default_value = "container")]
    pub container_prefix: String,
    /// Prefix of a pod's unit name (accepted for podman's scripts: husk has no pods)
    #[arg(long, value_name = "PREFIX", default_value = "pod")]
    pub pod_prefix: String,
    /// Between the prefix and the name
    #[arg(long, value_name = "SEPARATOR", default_value = "-")]
    pub separator: String,
    /// Write the unit to ./PREFIX-NAME.service (and print its path) instead of printing it
    #[arg(long)]
    pub files: bool,
    /// Print the unit as JSON: {"UNIT NAME": "unit text"}
    #[arg(long, value_name = "json")]
    pub format: Option<String>,
    /// No comment header in the unit
    #[arg(long)]
    pub no_header: bool,
    /// A unit the container's comes after (After=; repeatable)
    #[arg(long, value_name = "UNIT")]
    pub after: Vec<String>,
    /// A unit the container's requires (Requires=; repeatable)
    #[arg(long, value_name = "UNIT")]
    pub requires: Vec<String>,
    /// A unit the container's wants (Wants=; repeatable)
    #[arg(long, value_name = "UNIT")]
    pub wants: Vec<String>,
    /// An environment variable of the unit (Environment=): KEY=VALUE
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub env: Vec<String>,
    /// RestartSec= of the unit
    #[arg(long, value_name = "SECONDS")]
    pub restart_sec: Option<u32>,
    /// TimeoutStartSec= of the unit
    #[arg(long, value_name = "SECONDS")]
    pub start_timeout: Option<u32>,
    /// A unit template (PREFIX-NAME@.service): each instance makes its own container NAME-INSTANCE (implies --new)
    #[arg(long)]
    pub template: bool,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum SystemCommand {
    /// Check the store for consistency (digests, complete layers, leftovers)
    Check(CheckArgs),
    /// Remove every image and all of husk's storage
    Reset(ResetArgs),
    /// Show the space images, containers and volumes take
    Df(DfArgs),
    /// Remove stopped containers, unused networks, dangling images (and with --volumes, unused volumes)
    Prune(SystemPruneArgs),
    /// Show facts about husk and this host (as husk info)
    Info(InfoArgs),
    /// Show events (as husk events)
    Events(EventsArgs),
    /// Serve the Docker Engine API on a unix socket (for the docker CLI, SDKs, docker-compose)
    Service(ServiceArgs),
}

#[derive(Args, Debug)]
pub struct ServiceArgs {
    /// Exit after this many seconds without a request or an open connection (0: never)
    #[arg(short, long, value_name = "SECS", default_value_t = 5)]
    pub time: u64,
    /// Where to listen: unix:///PATH (default: $XDG_RUNTIME_DIR/husk/husk.sock, or the socket systemd passes)
    #[arg(value_name = "URI")]
    pub uri: Option<String>,
}

#[derive(Args, Debug)]
pub struct RegistryArgs {
    /// Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub tls_verify: Option<bool>,
    /// Credentials file (default: $REGISTRY_AUTH_FILE, then containers' auth.json, then ~/.docker/config.json)
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
    /// Times to retry a failed registry request or a broken download (default 3; podman's)
    #[arg(long, value_name = "N")]
    pub retry: Option<u32>,
    /// The wait between retries, e.g. 2s (default: doubling from 0.5s; podman's)
    #[arg(long, value_name = "DURATION")]
    pub retry_delay: Option<String>,
    /// CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d's (podman's)
    #[arg(long, value_name = "DIR")]
    pub cert_dir: Option<PathBuf>,
    /// Accepted for docker's and podman's scripts (a no-op there too): husk checks digests, not signatures
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub disable_content_trust: Option<bool>,
}

impl RegistryArgs {
    /// `--retry`, `--retry-delay`, checked.
    pub fn retry(&self) -> anyhow::Result<crate::registry::Retry> {
        let mut retry = crate::registry::Retry::default();
        if let Some(n) = self.retry {
            retry.times = n;
        }
        if let Some(d) = &self.retry_delay {
            retry.delay = Some(crate::output::human::parse_duration(d)?);
        }
        Ok(retry)
    }

    /// The pull options these flags and the command's own make, checked.
    pub fn pull_options(
        &self,
        platform: Option<&str>,
        creds: Option<&str>,
        progress: crate::progress::Progress,
    ) -> anyhow::Result<crate::image::pull::PullOptions> {
        let retry = self.retry()?;
        Ok(crate::image::pull::PullOptions {
            platform: platform.map(str::parse).transpose()?,
            tls_verify: self.tls_verify,
            credentials: creds.map(images::parse_creds).transpose()?,
            authfile: self.authfile.clone(),
            progress,
            jobs: crate::image::pull::DEFAULT_JOBS,
            retry,
            cert_dir: self.cert_dir.clone(),
        })
    }
}

#[derive(Args, Debug)]
#[command(disable_help_flag = true)]
pub struct RunArgs {
    #[command(flatten)]
    pub flags: crate::container::flags::RunFlags,
    #[command(flatten)]
    pub registry: RegistryArgs,
    /// Credentials USER[:PASSWORD] for pulling the image (podman's)
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
}

#[derive(Args, Debug)]
pub struct PullArgs {
    /// Image to pull: [REGISTRY/]REPOSITORY[:TAG|@DIGEST]
    pub name: String,
    /// Print only the image id
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub platform: crate::image::platform::PlatformFlags,
    /// always (the default), missing (only if not stored), never, or newer (podman's)
    #[arg(long, value_name = "POLICY", default_value = "always")]
    pub policy: String,
    /// Every tag of the repository (docker's)
    #[arg(short = 'a', long, conflicts_with = "policy")]
    pub all_tags: bool,
    /// Credentials USER[:PASSWORD] for this pull
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct PushArgs {
    /// Image of the store to push
    pub image: String,
    /// Where to: [docker://]REGISTRY/REPOSITORY[:TAG] (default: the image's own name)
    pub destination: Option<String>,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    /// Write the pushed manifest's digest to this file
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<PathBuf>,
    /// Compress new layer blobs with gzip (default) or zstd
    #[arg(long, value_name = "FORMAT")]
    pub compression_format: Option<String>,
    /// Manifest kind: oci or v2s2 (default: the image's own)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Credentials USER[:PASSWORD] for this push
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    /// Accepted for podman's scripts: husk does not remove signatures, it writes none
    #[arg(long)]
    pub remove_signatures: bool,
    /// Compression level of new layer blobs: gzip 0-9, zstd 1-20 (podman's)
    #[arg(long, value_name = "N")]
    pub compression_level: Option<u32>,
    /// =false: a layer goes as the blob it was pulled as, even when --compression-format names another (podman's; default true)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub force_compression: bool,
    /// Accepted for podman's scripts: layers pushed to a registry are always compressed (save --compress is for directories)
    #[arg(long)]
    pub compress: bool,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct SaveArgs {
    /// Images to save (several: docker-archive and oci-archive hold them all)
    #[arg(required = true)]
    pub images: Vec<String>,
    /// Write to this file (a directory for oci-dir and docker-dir); default: standard output
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// docker-archive (default), oci-archive, oci-dir or docker-dir
    #[arg(long, value_name = "FORMAT", default_value = "docker-archive")]
    pub format: String,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    /// Accepted for podman's scripts: several images always go into one archive
    #[arg(short = 'm', long)]
    pub multi_image_archive: bool,
    /// Gzip the layers of a directory format (oci-dir, docker-dir) (podman's)
    #[arg(long)]
    pub compress: bool,
    /// Layers as plain tars (husk's default without --compress) (podman's)
    #[arg(long, conflicts_with = "compress")]
    pub uncompressed: bool,
}

#[derive(Args, Debug)]
pub struct LoadArgs {
    /// Read from this file (plain, gzip, zstd, bzip2 or xz); default: standard input
    #[arg(short, long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// What to look for: TEXT (every search registry) or REGISTRY/TEXT; with --list-tags, REGISTRY/REPOSITORY
    pub term: String,
    /// At most this many results per registry (tags with --list-tags)
    #[arg(long, value_name = "N", default_value_t = 25)]
    pub limit: usize,
    /// List the tags of the repository TERM
    #[arg(long)]
    pub list_tags: bool,
    /// Output: "json", or a Go template such as '{{.Name}}' (fields Index, Name, Description, Stars, Official, Automated, Tag)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Do not cut descriptions short
    #[arg(long)]
    pub no_trunc: bool,
    /// Only results that match: stars=N, is-official=true|false, is-automated=true|false (repeatable)
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// docker's columns: STARS, OFFICIAL and AUTOMATED too (podman's)
    #[arg(long)]
    pub compatible: bool,
    /// Credentials USER[:PASSWORD]
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The container (name or id)
    pub container: String,
    /// Write to this file (default: standard output, never a terminal)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The tar: a file, an http(s) URL, or - for standard input (plain or compressed)
    pub source: String,
    /// The new image's name
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
    /// Apply a Dockerfile instruction to the image config (repeatable): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR, STOPSIGNAL
    #[arg(short, long = "change", value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// The history comment
    #[arg(short, long, value_name = "TEXT")]
    pub message: Option<String>,
    /// Print only the image id (it is all husk import prints)
    #[arg(short, long)]
    pub quiet: bool,
    /// The platform the image's config names (default: this host's)
    #[command(flatten)]
    pub platform: crate::image::platform::PlatformFlags,
}

#[derive(Args, Debug)]
pub struct ImagesArgs {
    /// Show only images of this repository ([REGISTRY/]NAME[:TAG])
    pub repository: Option<String>,
    /// Print only image ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Show digests
    #[arg(long)]
    pub digests: bool,
    /// Do not truncate ids
    #[arg(long)]
    pub no_trunc: bool,
    /// Show all images (husk keeps no intermediate images: same as without)
    #[arg(short, long)]
    pub all: bool,
    /// Output: "json", or a Go template such as '{{.Repository}}:{{.Tag}}'
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// No header line (podman's)
    #[arg(short = 'n', long)]
    pub noheading: bool,
    /// Filter: dangling=true|false, label=KEY[=VALUE], before=IMAGE, since=IMAGE, reference=PATTERN
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Sort by created (newest first, the default), id, repository, size or tag (podman's)
    #[arg(long, value_name = "KEY", default_value = "created")]
    pub sort: String,
    /// Add a HISTORY column: every name each image had, latest first (podman's)
    #[arg(long)]
    pub history: bool,
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    /// Show past events from this time on (RFC 3339, Unix seconds, or a duration such as 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Stop at this time (past events up to it; a time to come: follow until then)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// type=container|image|volume|network, event=ACTION, container=, image=, volume=, network=, label=KEY[=VALUE]
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// Go template (fields Type, Action, Actor.ID, Actor.Attributes, Time, TimeNano, ID, Name, Image, Status), or json
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Follow new events (--stream=false: print the past ones and exit; podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true")]
    pub stream: bool,
    /// Accepted for podman's scripts: ids are never cut
    #[arg(long)]
    pub no_trunc: bool,
}

#[derive(Args, Debug)]
pub struct HistoryArgs {
    /// The image (name or id)
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Only the ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Do not cut ids and commands
    #[arg(long)]
    pub no_trunc: bool,
    /// Sizes and times for people (--human=false: bytes and RFC 3339)
    #[arg(short = 'H', long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true")]
    pub human: bool,
    /// Go template (fields ID, Created, CreatedSince, CreatedAt, CreatedBy, Size, Comment), or json
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Containers or images (names or ids)
    #[arg(required_unless_present = "latest")]
    pub names: Vec<String>,
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// Containers' sizes too: SizeRw (the writable layer) and SizeRootFs (with the image; podman's)
    #[arg(short, long)]
    pub size: bool,
    /// What to look for: container, image, or all (containers first)
    #[arg(long = "type", value_name = "TYPE", default_value = "all", value_parser = ["all", "container", "image"])]
    pub kind: String,
    /// Go template applied to each result, e.g. '{{.Id}}'
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct TagArgs {
    /// Existing image (name or id)
    pub source: String,
    /// New names
    #[arg(required = true)]
    pub targets: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RmiArgs {
    /// Images (names or ids)
    #[arg(required_unless_present = "all")]
    pub names: Vec<String>,
    /// Remove an image even if it has several names
    #[arg(short, long)]
    pub force: bool,
    /// Remove all images
    #[arg(short, long)]
    pub all: bool,
    /// An image that is not there is no error (podman's)
    #[arg(short, long)]
    pub ignore: bool,
    /// Accepted for podman's sake: husk's images have no untagged parents to keep
    #[arg(long)]
    pub no_prune: bool,
}

#[derive(Args, Debug)]
pub struct UntagArgs {
    /// The image (name or id)
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Names to take from it (default: all)
    #[arg(value_name = "NAME")]
    pub names: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PruneArgs {
    /// Remove all unused images, not only unnamed ones
    #[arg(short, long)]
    pub all: bool,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only images that match: until=TIME, label=KEY[=VALUE], label!=KEY[=VALUE] (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Accepted for podman's sake: husk keeps no containers of other tools (buildah's)
    #[arg(long)]
    pub external: bool,
    /// The build cache of RUN --mount=type=cache too (podman's; -a takes it as well)
    #[arg(long)]
    pub build_cache: bool,
}

#[derive(Args, Debug)]
pub struct LoginArgs {
    /// Registry (host[:port]); docker.io if left out
    pub registry: Option<String>,
    #[arg(short, long)]
    pub username: Option<String>,
    /// Password (prefer --password-stdin)
    #[arg(short, long)]
    pub password: Option<String>,
    /// Read the password from standard input
    #[arg(long)]
    pub password_stdin: bool,
    /// Print the user name logged in to the registry, and nothing else (podman's)
    #[arg(long, conflicts_with_all = ["username", "password", "password_stdin"])]
    pub get_login: bool,
    /// Read the password from this secret (husk secret create) (podman's)
    #[arg(long, value_name = "SECRET", conflicts_with_all = ["password", "password_stdin"])]
    pub secret: Option<String>,
    /// Say which credentials file is written (podman's)
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub registry_args: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct LogoutArgs {
    /// Registry (host[:port]); docker.io if left out
    pub registry: Option<String>,
    /// Remove the credentials of every registry from the login file
    #[arg(short, long)]
    pub all: bool,
    /// Credentials file
    #[arg(long, value_name = "FILE")]
    pub authfile: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct FormatArgs {
    /// Output: "json", or a Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct InfoArgs {
    #[command(flatten)]
    pub format: FormatArgs,
    /// Accepted for podman's scripts: husk info always shows everything
    #[arg(short = 'D', long)]
    pub debug: bool,
}

#[derive(Args, Debug)]
pub struct StartArgs {
    /// Attach: wait for the container in the foreground, with its output (and exit code)
    #[arg(short, long)]
    pub attach: bool,
    /// Attach stdin too
    #[arg(short, long)]
    pub interactive: bool,
    /// Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    /// Keys that detach from the container, leaving it running (with -a and a terminal)
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Every container that is not running (podman's)
    #[arg(long)]
    pub all: bool,
    /// The containers that match, as ps --filter (podman's; with --all or alone)
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "filter", "latest"])]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PsArgs {
    /// Show all containers (by default only running ones)
    #[arg(short, long)]
    pub all: bool,
    /// Print only container ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Show only the latest container
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// Show the N latest containers
    #[arg(short = 'n', long, value_name = "N")]
    pub last: Option<usize>,
    /// Do not truncate ids and commands
    #[arg(long, alias = "notruncate")]
    pub no_trunc: bool,
    /// Filter: status=, name=, id=, label=KEY[=VALUE], ancestor=IMAGE, before=CTR, since=CTR, exited=CODE, volume=, network=, health=
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Output: "json", or a Go template such as '{{.Names}} {{.Status}}'
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Show each container's size: its writable layer (and with the image, "virtual")
    #[arg(short, long)]
    pub size: bool,
    /// No header line (podman's)
    #[arg(long)]
    pub noheading: bool,
    /// Order: created (the default: newest first), runningfor, id, image, names, command, status or size (podman's)
    #[arg(long, value_name = "KEY", default_value = "created", value_parser = ["created", "runningfor", "id", "image", "names", "command", "status", "size"])]
    pub sort: String,
    /// Accepted for podman's sake: husk keeps no containers of other tools (buildah's)
    #[arg(long)]
    pub external: bool,
    /// Accepted for podman's sake: husk's states are always current
    #[arg(long)]
    pub sync: bool,
    /// Print the list again every SECS seconds until interrupted (podman's)
    #[arg(short, long, value_name = "SECS")]
    pub watch: Option<u32>,
    /// Namespaces: PID and the inode numbers of each namespace of running containers (podman's)
    #[arg(long, alias = "namespace")]
    pub ns: bool,
    /// The id and name of each container's pod: POD ID and PODNAME columns (podman's)
    #[arg(short = 'p', long)]
    pub pod: bool,
}

#[derive(Args, Debug)]
pub struct LogsArgs {
    #[command(flatten)]
    pub opts: LogOptions,
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "latest")]
    pub containers: Vec<String>,
}

// How `logs` and `pod logs` print containers' output.
#[derive(Args, Debug)]
pub struct LogOptions {
    /// Follow: keep printing new output until the container exits
    #[arg(short, long)]
    pub follow: bool,
    /// Only the last N lines ("all" for every line)
    #[arg(short = 'n', long, value_name = "N")]
    pub tail: Option<String>,
    /// Only output since this time (RFC 3339, Unix seconds, or a duration such as 10m)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only output before this time (same forms as --since)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Prefix each line with its time
    #[arg(short, long)]
    pub timestamps: bool,
    /// Prefix each line with its container's name (podman's; with several containers the id is the default prefix)
    #[arg(long)]
    pub names: bool,
    /// Each container's prefix in a color of its own (podman's; with several containers or --names)
    #[arg(long)]
    pub color: bool,
}

#[derive(Args, Debug)]
#[command(disable_help_flag = true)]
pub struct ExecArgs {
    /// Keep stdin open
    #[arg(short, long)]
    pub interactive: bool,
    /// Give the command a terminal
    #[arg(short, long)]
    pub tty: bool,
    /// Run in the background
    #[arg(short, long)]
    pub detach: bool,
    /// Keys that detach from the command, leaving it running (with -it)
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Set an environment variable (NAME=VALUE, or NAME to take husk's own)
    #[arg(short, long, value_name = "NAME[=VALUE]")]
    pub env: Vec<String>,
    /// Read environment variables from a file (NAME=VALUE lines), before -e
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// User (name or uid) and group to run as
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// Every capability (of the user namespace) for the command, whatever the container has
    #[arg(long)]
    pub privileged: bool,
    /// Hand fds 3..3+N of this command on to the process (podman's)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    /// In the latest container created: the first word is the command then (podman's)
    #[arg(short = 'l', long, conflicts_with = "cidfile")]
    pub latest: bool,
    /// In the container whose id this file holds: the first word is the command then (podman's)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Accepted for podman's scripts: husk keeps no record of exec sessions
    #[arg(long, conflicts_with = "detach")]
    pub no_session: bool,
    /// Wait up to SECONDS for the container to be running first (podman's)
    #[arg(long, value_name = "SECONDS")]
    pub wait: Option<u64>,
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// The command and its arguments
    #[arg(
        required_unless_present_any = ["latest", "cidfile"],
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "COMMAND"
    )]
    pub command: Vec<String>,
}

// Containers named some other way than by name (podman's): the latest one,
// id files, filters. Flattened into the commands that take several containers.
#[derive(Args, Debug, Default)]
pub struct Selection {
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// The container whose id this file holds (as run --cidfile wrote it; repeatable; podman's)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Vec<PathBuf>,
    /// The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman's)
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
}

impl Selection {
    /// Whether any container is chosen this way (a command then needs no names).
    pub fn any(&self) -> bool {
        self.latest || !self.cidfile.is_empty() || !self.filter.is_empty()
    }
}

#[derive(Args, Debug)]
pub struct StopArgs {
    /// Seconds to wait before SIGKILL (default: --stop-timeout of run, else 10)
    #[arg(
        short = 't',
        long = "time",
        visible_alias = "timeout",
        value_name = "SECONDS"
    )]
    pub time: Option<u32>,
    /// Every running container
    #[arg(short, long)]
    pub all: bool,
    /// A container that does not exist is no error (podman's)
    #[arg(short, long)]
    pub ignore: bool,
    /// restart --all: only the running containers (podman's)
    #[arg(long)]
    pub running: bool,
    #[command(flatten)]
    pub selection: Selection,
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "cidfile", "filter"])]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct KillArgs {
    /// The signal: a name (KILL, TERM, HUP, RTMIN+N...) or a number up to 64
    #[arg(short, long, value_name = "SIGNAL", default_value = "KILL")]
    pub signal: String,
    /// Every running container
    #[arg(short, long)]
    pub all: bool,
    /// A container that does not exist is no error (podman's)
    #[arg(short, long)]
    pub ignore: bool,
    #[command(flatten)]
    pub selection: Selection,
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "cidfile", "filter"])]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The container (name or id)
    #[arg(
        value_name = "CONTAINER",
        required_unless_present = "latest",
        conflicts_with = "latest"
    )]
    pub container: Option<String>,
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,

    /// json: the paths by kind, as podman prints them
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
}

#[derive(Args, Debug)]
pub struct PauseArgs {
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "cidfile", "filter"])]
    pub containers: Vec<String>,
    /// Every running container (every paused one, for unpause)
    #[arg(short, long)]
    pub all: bool,
    #[command(flatten)]
    pub selection: Selection,
}

#[derive(Args, Debug)]
pub struct WaitArgs {
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present = "latest")]
    pub containers: Vec<String>,
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// A container that does not exist is no error (podman's)
    #[arg(long)]
    pub ignore: bool,
    /// Wait for: created, running, paused, exited/stopped (the default), healthy, unhealthy, removing (podman's; any of several)
    #[arg(long, value_name = "CONDITION")]
    pub condition: Vec<String>,
    /// How often to look (e.g. 250ms; podman's)
    #[arg(short, long, value_name = "DURATION")]
    pub interval: Option<String>,
    /// Return once any one of the containers meets the condition, with its code (podman's)
    #[arg(long)]
    pub return_on_first: bool,
}

#[derive(Args, Debug)]
pub struct PortArgs {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest"])]
    pub container: Option<String>,
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,

    /// Only this container port: PORT[/tcp|udp]
    #[arg(value_name = "PORT")]
    pub port: Option<String>,
    /// The ports of every running container
    #[arg(short, long, conflicts_with = "port")]
    pub all: bool,
}

#[derive(Args, Debug)]
pub struct ImageArg {
    /// The image (name or id)
    #[arg(value_name = "IMAGE")]
    pub image: String,
}

#[derive(Args, Debug)]
pub struct TopArgs {
    /// The latest container created (podman's): then no CONTAINER is given
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER", required_unless_present = "latest")]
    pub container: Option<String>,
    /// Columns: user pid ppid pcpu etime tty time args (the default), group, uid, gid, huser, hpid, pgid, nice, vsz, rss, state, comm, capeff, or %U %p… (podman's); or ps(1) options (docker's: host ps, the container's processes only)
    #[arg(
        value_name = "DESCRIPTOR",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    pub descriptors: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ContainerArg {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
}

#[derive(Args, Debug)]
pub struct ContainerExistsArgs {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Other tools' containers too (buildah's): husk sees its own alone, so the answer is the same
    #[arg(long)]
    pub external: bool,
}

#[derive(Args, Debug)]
pub struct AttachArgs {
    /// Do not send stdin to the container
    #[arg(long)]
    pub no_stdin: bool,
    /// Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    /// Keys that detach from the container, leaving it running (with a terminal)
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// The latest container created (podman's)
    #[arg(short = 'l', long)]
    pub latest: bool,
    /// The container (name or id)
    #[arg(
        value_name = "CONTAINER",
        required_unless_present = "latest",
        conflicts_with = "latest"
    )]
    pub container: Option<String>,
}

#[derive(Args, Debug)]
pub struct CpArgs {
    /// CONTAINER:PATH, a host path (PATH/. copies a directory's contents), or - (a tar archive on stdin)
    #[arg(value_name = "SRC", allow_hyphen_values = true)]
    pub src: String,
    /// CONTAINER:PATH, a host path (an existing directory receives SRC inside), or - (a tar archive on stdout)
    #[arg(value_name = "DST", allow_hyphen_values = true)]
    pub dst: String,
    /// Follow SRC if it is a symbolic link (its target is copied, under SRC's name)
    #[arg(short = 'L', long)]
    pub follow_link: bool,
    /// Pause a running container while the copy runs (podman's; --pause=false: not)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "false", default_missing_value = "true")]
    pub pause: bool,
    /// Archive mode: what goes in keeps its numeric owners (docker's); what comes out of a
    /// container keeps its set-uid and set-gid bits (without -a they are dropped, so that
    /// no set-id program of an image lands on the host)
    #[arg(short, long)]
    pub archive: bool,
    /// Let a directory replace a file or a file a directory (podman's; else an error)
    #[arg(long)]
    pub overwrite: bool,
}

#[derive(Args, Debug)]
pub struct RenameArgs {
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// Its new name
    #[arg(value_name = "NEW_NAME")]
    pub new_name: String,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Remove running containers too (killed first)
    #[arg(short, long)]
    pub force: bool,
    /// Remove the containers' anonymous volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Remove every container
    #[arg(short, long)]
    pub all: bool,
    /// A container that does not exist is no error (podman's)
    #[arg(short, long)]
    pub ignore: bool,
    /// With -f: seconds a running container gets to stop before SIGKILL (podman's; default: SIGKILL at once, as docker)
    #[arg(short = 't', long = "time", value_name = "SECONDS")]
    pub time: Option<u32>,
    /// First the containers that join their namespaces (--network, --pid, --ipc, --uts container:), recursively (podman's)
    #[arg(long)]
    pub depend: bool,
    #[command(flatten)]
    pub selection: Selection,
    /// The containers (names or ids)
    #[arg(value_name = "CONTAINER", required_unless_present_any = ["all", "latest", "cidfile", "filter"])]
    pub containers: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PruneContainersArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Only those created before until=TIME, or with(out) a label: label=K[=V], label!=K[=V]
    #[arg(long, value_name = "FILTER")]
    pub filter: Vec<String>,
}

#[derive(Args, Debug)]
pub struct MonitorArgs {
    /// The container id
    pub id: String,
}

#[derive(Args, Debug)]
pub struct UnshareArgs {
    /// The command and its arguments (default: $SHELL, else /bin/sh)
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "COMMAND"
    )]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Args, Debug)]
pub struct CompletionArgs {
    /// bash, zsh or fish
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Remove what is broken (images that lose content must be pulled again)
    #[arg(short, long)]
    pub repair: bool,
    /// With --repair: also remove the containers that cannot start for want of a layer (podman's)
    #[arg(short, long, requires = "repair")]
    pub force: bool,
    /// Skip the slow checks: blobs' digests are not computed (podman's)
    #[arg(short, long)]
    pub quick: bool,
}

#[derive(Args, Debug)]
pub struct DfArgs {
    /// Go template (fields Type, Total, Active, Size, Reclaimable), or json
    #[arg(long, value_name = "FORMAT", conflicts_with = "verbose")]
    pub format: Option<String>,
    /// Each image, container and volume with the space it takes (podman's and docker's)
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Args, Debug)]
pub struct SystemPruneArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
    /// Every image without a container, not only dangling ones
    #[arg(short, long)]
    pub all: bool,
    /// Unused volumes too
    #[arg(long)]
    pub volumes: bool,
    /// Only containers and images that match: until=TIME, label=KEY[=VALUE], label!=KEY[=VALUE]
    #[arg(long, value_name = "KEY=VALUE")]
    pub filter: Vec<String>,
    /// Accepted for podman's sake: husk keeps no containers of other tools (buildah's)
    #[arg(long)]
    pub external: bool,
    /// Accepted for podman's sake: husk build leaves no build containers behind
    #[arg(long)]
    pub build: bool,
}

#[derive(Args, Debug)]
pub struct ResetArgs {
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub force: bool,
}

impl Cli {
    /// Whether the command writes or deletes layer trees, which belong to the
    /// user namespace's ids: those run inside it (see `userns`).
    pub fn needs_user_namespace(&self) -> bool {
        match &self.command {
            Command::Run(_)
            | Command::Create(_)
            | Command::Start(_)
            | Command::Restart(_)
            | Command::Rm(_)
            | Command::Diff(_)
            | Command::Monitor(_)
            | Command::Pull(_)
            | Command::Push(_)
            | Command::Save(_)
            | Command::Load(_)
            | Command::Export(_)
            | Command::Import(_)
            | Command::Manifest(_)
            | Command::Rmi(_)
            | Command::Tag(_)
            | Command::Build(_)
            | Command::Commit(_)
            | Command::Unshare(_) => true,
            // Sizes read writable layers, whose files belong to the containers' users.
            Command::Ps(a) => a.size,
            Command::Image(c) => !matches!(
                c,
                ImageCommand::Ls(_)
                    | ImageCommand::Inspect(_)
                    | ImageCommand::Exists(_)
                    | ImageCommand::History(_)
                    | ImageCommand::Untag(_)
                    | ImageCommand::Search(_)
            ),
            Command::Container(c) => matches!(
                c,
                ContainerCommand::Run(_)
                    | ContainerCommand::Create(_)
                    | ContainerCommand::Commit(_)
                    | ContainerCommand::Export(_)
                    | ContainerCommand::Rm(_)
                    | ContainerCommand::Diff(_)
                    | ContainerCommand::Prune(_)
                    | ContainerCommand::Start(_)
                    | ContainerCommand::Restart(_)
            ),
            // The service makes and removes containers as `run` and `rm` do.
            Command::System(c) => !matches!(c, SystemCommand::Info(_) | SystemCommand::Events(_)),
            Command::Compose(c) => c.needs_user_namespace(),
            Command::Pod(c) => c.needs_user_namespace(),
            Command::Kube(c) => c.needs_user_namespace(),
            Command::Play(_) => true,
            // Volumes hold files of the containers' users (any of the mapped ids):
            // made, filled and removed inside.
            Command::Volume(c) => !matches!(
                c,
                volume::VolumeCommand::Ls(_)
                    | volume::VolumeCommand::Inspect(_)
                    | volume::VolumeCommand::Exists(_)
            ),
            // They remove containers (rm -f) or wire running ones.
            Command::Network(c) => matches!(
                c,
                network::NetworkCommand::Rm(_)
                    | network::NetworkCommand::Connect(_)
                    | network::NetworkCommand::Disconnect(_)
            ),
            _ => false,
        }
    }
}

impl Cli {
    /// Whether a reader that goes away (`husk ps | head -1`) may end this
    /// command quietly with SIGPIPE, as it ends docker and podman. Not for the
    /// commands that relay streams to containers, keep them, or talk to
    /// registries: they keep SIGPIPE ignored and handle EPIPE where it happens.
    pub fn dies_on_broken_pipe(&self) -> bool {
        match &self.command {
            Command::Run(_)
            | Command::Create(_)
            | Command::Start(_)
            | Command::Restart(_)
            | Command::Exec(_)
            | Command::Attach(_)
            | Command::Cp(_)
            | Command::Monitor(_)
            | Command::Pull(_)
            | Command::Push(_)
            | Command::Build(_)
            | Command::Commit(_)
            | Command::Login(_)
            | Command::Unshare(_)
            | Command::System(_) => false,
            Command::Compose(c) => c.dies_on_broken_pipe(),
            Command::Image(c) => !matches!(
                c,
                ImageCommand::Pull(_) | ImageCommand::Push(_) | ImageCommand::Build(_)
            ),
            Command::Container(c) => !matches!(
                c,
                ContainerCommand::Run(_)
                    | ContainerCommand::Create(_)
                    | ContainerCommand::Commit(_)
                    | ContainerCommand::Start(_)
                    | ContainerCommand::Restart(_)
                    | ContainerCommand::Exec(_)
                    | ContainerCommand::Attach(_)
                    | ContainerCommand::Cp(_)
            ),
            _ => true,
        }
    }

    /// The detached monitor's command line, exactly as `monitor::detached::spawn`
    /// writes it (`--root R --storage-driver D monitor ID`), read without clap: the
    /// monitor lives as long as its container, and clap's command tree would be a
    /// quarter of its memory.
    pub fn monitor_invocation(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<Cli> {
        let args: Vec<std::ffi::OsString> = args.into_iter().skip(1).collect();
        match args.as_slice() {
            [r, root, d, driver, m, id]
                if r == "--root" && d == "--storage-driver" && m == "monitor" =>
            {
                Some(Cli {
                    root: Some(PathBuf::from(root)),
                    storage_driver: Some(driver.to_str()?.to_string()),
                    log_level: None,
                    noout: false,
                    podman: PodmanGlobals::default(),
                    command: Command::Monitor(MonitorArgs {
                        id: id.to_str()?.to_string(),
                    }),
                })
            }
            _ => None,
        }
    }
}

impl Cli {
    /// Whether the command needs a mount namespace of its own (the monitor of a
    /// container mounts its FUSE root there). Entered right after the user namespace.
    pub fn needs_mount_namespace(&self) -> bool {
        matches!(self.command, Command::Monitor(_))
    }
}

/// The clap command, for man pages and completions.
pub fn command() -> clap::Command {
    let cmd = Cli::command();
    let listing = grouped_commands(&cmd);
    cmd.help_template(format!(
        "{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{listing}\nOptions:\n{{options}}{{after-help}}"
    ))
    .subcommand_help_heading("Commands")
    .disable_help_subcommand(false)
}

/// The top-level help's command list, grouped as docker groups it.
const COMMAND_GROUPS: &[(&str, &[&str])] = &[
    (
        "Common Commands",
        &[
            "run", "exec", "ps", "pull", "images", "logs", "start", "stop", "rm", "rmi", "login",
            "logout", "info", "version",
        ],
    ),
    (
        "Management Commands",
        &[
            "container",
            "image",
            "manifest",
            "network",
            "volume",
            "pod",
            "generate",
            "system",
        ],
    ),
];

fn grouped_commands(cmd: &clap::Command) -> String {
    let visible: Vec<&clap::Command> = cmd.get_subcommands().filter(|c| !c.is_hide_set()).collect();
    let about = |c: &clap::Command| c.get_about().map(|a| a.to_string()).unwrap_or_default();
    let width = visible
        .iter()
        .map(|c| c.get_name().len())
        .max()
        .unwrap_or(0)
        + 2;
    let mut text = String::new();
    let mut listed: Vec<&str> = Vec::new();
    let group = |title: &str, names: Vec<&str>, text: &mut String| {
        *text += &format!("{title}:\n");
        for name in names {
            if let Some(c) = visible.iter().find(|c| c.get_name() == name) {
                *text += &format!("  {name:width$}{}\n", about(c));
            }
        }
        *text += "\n";
    };
    for (title, names) in COMMAND_GROUPS {
        group(title, names.to_vec(), &mut text);
        listed.extend(names.iter());
    }
    let rest: Vec<&str> = visible
        .iter()
        .map(|c| c.get_name())
        .filter(|n| !listed.contains(n))
        .collect();
    group("Commands", rest, &mut text);
    text.truncate(text.len() - 1);
    text += &format!("  {:width$}Print the help of a command\n\n", "help");
    text += "Run 'husk help COMMAND' or 'husk COMMAND --help' for more on a command.\n";
    text
}

/// `-it` in the foreground needs a terminal on stdin (docker: "the input
/// device is not a TTY", exit 1), or the relay would wait on it forever.
fn require_terminal_stdin(tty: bool, interactive: bool) -> Result<()> {
    use std::io::IsTerminal;
    if tty && interactive && !std::io::stdin().is_terminal() {
        return Err(crate::error::Failure::new(1, "the input device is not a TTY".into()).into());
    }
    Ok(())
}

/// Let SIGPIPE end this process (Rust starts with it ignored), for the
/// commands [`Cli::dies_on_broken_pipe`] names. For the others, a print to a
/// closed stdout (which panics in `println!`) ends the process quietly too.
pub fn quiet_on_broken_pipe(cli: &Cli) {
    if cli.dies_on_broken_pipe() {
        // SAFETY: signal(2) with SIG_DFL, before any thread exists.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    }
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let text = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if text.starts_with("failed printing to std") && text.contains("Broken pipe") {
            std::process::exit(128 + libc::SIGPIPE);
        }
        default(info);
    }));
}

/// The one confirmation rule of every prune and reset: `-f` goes ahead; on a
/// terminal, ask (anything but y/yes is no); otherwise refuse, as docker does,
/// rather than read an answer from a pipe or delete without asking.
fn confirmed(force: bool, warning: &str) -> Result<bool> {
    use std::io::{BufRead, IsTerminal, Write};
    if force {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        anyhow::bail!("not confirmed: stdin is not a terminal to ask on; use -f (--force)");
    }
    eprint!("WARNING! {warning}\nAre you sure you want to continue? [y/N] ");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the answer")?;
    Ok(matches!(
        line.trim().to_ascii_lowercase().as_str(),
        "y" | "yes"
    ))
}

/// Run a parsed command; returns the exit code.
pub fn run(cli: Cli) -> Result<i32> {
    cli.podman.apply()?;
    if cli.noout {
        let null = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/null")
            .context("opening /dev/null")?;
        nix::unistd::dup2(std::os::fd::AsRawFd::as_raw_fd(&null), 1).context("--noout")?;
    }
    let root = cli.root.clone();
    let driver = cli.storage_driver.clone();
    match cli.command {
        Command::Run(a) | Command::Container(ContainerCommand::Run(a)) => {
            run::run(root, driver, *a)
        }
        Command::Create(a) | Command::Container(ContainerCommand::Create(a)) => {
            run::create(root, driver, *a)
        }
        Command::Start(a) | Command::Container(ContainerCommand::Start(a)) => {
            run::start(root, driver, a)
        }
        Command::Restart(a) | Command::Container(ContainerCommand::Restart(a)) => {
            run::restart(root, driver, a)
        }
        Command::Monitor(a) => run::monitor(root, driver, a),
        Command::Ps(a) | Command::Container(ContainerCommand::Ls(a)) => containers::ps(root, a),
        Command::Logs(a) | Command::Container(ContainerCommand::Logs(a)) => {
            containers::logs(root, a)
        }
        Command::Exec(a) | Command::Container(ContainerCommand::Exec(a)) => exec::exec(root, *a),
        Command::Attach(a) | Command::Container(ContainerCommand::Attach(a)) => {
            containers::attach(root, a)
        }
        Command::Stop(a) | Command::Container(ContainerCommand::Stop(a)) => {
            containers::stop(root, a)
        }
        Command::Kill(a) | Command::Container(ContainerCommand::Kill(a)) => {
            containers::kill(root, a)
        }
        Command::Wait(a) | Command::Container(ContainerCommand::Wait(a)) => {
            containers::wait(root, a)
        }
        Command::Rm(a) | Command::Container(ContainerCommand::Rm(a)) => containers::rm(root, a),
        Command::Rename(a) | Command::Container(ContainerCommand::Rename(a)) => {
            containers::rename(root, a)
        }
        Command::Top(a) | Command::Container(ContainerCommand::Top(a)) => containers::top(root, a),
        Command::Cp(a) | Command::Container(ContainerCommand::Cp(a)) => cp::cp(root, driver, a),
        Command::Port(a) | Command::Container(ContainerCommand::Port(a)) => {
            containers::port(root, a)
        }
        Command::Diff(a) | Command::Container(ContainerCommand::Diff(a)) => {
            containers::diff(root, a)
        }
        Command::Pause(a) | Command::Container(ContainerCommand::Pause(a)) => {
            containers::pause(root, a, true)
        }
        Command::Unpause(a) | Command::Container(ContainerCommand::Unpause(a)) => {
            containers::pause(root, a, false)
        }
        Command::Container(ContainerCommand::Prune(a)) => containers::prune(root, a),
        Command::Network(c) => network::run(root, c),
        Command::Volume(c) => volume::run(root, c),
        Command::Pod(c) => pod::run(root, driver, c),
        Command::Kube(c) => kube::run(root, driver, c),
        Command::Play(PlayCommand::Kube(a)) => kube::run(root, driver, kube::KubeCommand::Play(a)),
        Command::Generate(GenerateCommand::Kube(a)) => {
            kube::run(root, driver, kube::KubeCommand::Generate(a))
        }
        Command::Secret(c) => secret::run(root, c),
        Command::Manifest(c) => manifest::run(root, c),
        Command::Compose(a) => compose::run(root, driver, a),
        Command::Healthcheck(HealthcheckCommand::Run(a)) => containers::healthcheck(root, a),
        Command::Events(a) | Command::System(SystemCommand::Events(a)) => system::events(a),
        Command::Generate(GenerateCommand::Systemd(a)) => {
            containers::generate_systemd(root, driver, *a)
        }
        Command::Container(ContainerCommand::Inspect(mut a)) => {
            a.kind = "container".into();
            containers::inspect(root, driver, a)
        }
        Command::Pull(a) | Command::Image(ImageCommand::Pull(a)) => images::pull(root, a),
        Command::Push(a) | Command::Image(ImageCommand::Push(a)) => transfer::push(root, a),
        Command::Save(a) | Command::Image(ImageCommand::Save(a)) => transfer::save(root, a),
        Command::Load(a) | Command::Image(ImageCommand::Load(a)) => transfer::load(root, a),
        Command::Export(a) | Command::Container(ContainerCommand::Export(a)) => {
            transfer::export(root, a)
        }
        Command::Import(a) | Command::Image(ImageCommand::Import(a)) => transfer::import(root, a),
        Command::Search(a) | Command::Image(ImageCommand::Search(a)) => images::search(a),
        Command::Build(a) | Command::Image(ImageCommand::Build(a)) => {
            build::build(root, driver, *a)
        }
        Command::Commit(a) | Command::Container(ContainerCommand::Commit(a)) => {
            build::commit(root, a)
        }
        Command::Images(a) | Command::Image(ImageCommand::Ls(a)) => images::list(root, a),
        Command::Inspect(a) => containers::inspect(root, driver, a),
        Command::Image(ImageCommand::Inspect(mut a)) => {
            a.kind = "image".into();
            containers::inspect(root, driver, a)
        }
        Command::Tag(a) | Command::Image(ImageCommand::Tag(a)) => images::tag(root, a),
        Command::Rmi(a) | Command::Image(ImageCommand::Rm(a)) => images::rmi(root, a),
        Command::Image(ImageCommand::Prune(a)) => images::prune(root, a),
        Command::Image(ImageCommand::Exists(a)) => images::exists(root, a),
        Command::History(a) | Command::Image(ImageCommand::History(a)) => images::history(root, a),
        Command::Untag(a) | Command::Image(ImageCommand::Untag(a)) => images::untag(root, a),
        Command::Container(ContainerCommand::Exists(a)) => containers::exists(root, a),
        Command::Login(a) => login::login(root, a),
        Command::Logout(a) => login::logout(a),
        Command::Version(a) => system::version(a),
        Command::Info(a) | Command::System(SystemCommand::Info(a)) => {
            system::info(root, driver, a.format)
        }
        Command::Completion(a) => system::completion(a),
        Command::Unshare(a) => system::unshare(root, a),
        Command::System(SystemCommand::Check(a)) => system::check(root, a),
        Command::System(SystemCommand::Reset(a)) => system::reset(root, a),
        Command::System(SystemCommand::Df(a)) => system::df(root, a),
        Command::System(SystemCommand::Prune(a)) => system::prune(root, a),
        Command::System(SystemCommand::Service(a)) => system::service(root, driver, a),
    }
}

/// The store root: `--root`, else the default.
fn store_root(root: Option<PathBuf>) -> Result<PathBuf> {
    match root {
        Some(r) => Ok(r),
        None => crate::store::Store::default_root(),
    }
}

#[cfg(test)]
mod tests {
    /// clap's own checks of the whole command tree (two options with one
    /// short name, say), which it otherwise makes only when that command runs.
    #[test]
    fn the_command_tree_is_consistent() {
        <super::Cli as clap::CommandFactory>::command().debug_assert();
    }

    /// Each subcommand keeps the about its variant gives it once its deferred
    /// options are built (a flattened struct's doc comment would replace it).
    #[test]
    fn building_a_subcommand_keeps_its_about() {
        fn abouts(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
            for sub in cmd.get_subcommands() {
                let path = format!("{path} {}", sub.get_name());
                let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
                out.push((path.clone(), about));
                abouts(sub, &path, out);
            }
        }
        let mut before = Vec::new();
        // Unbuilt, nested subcommands appear only once their parent is built.
        let mut tree = <super::Cli as clap::CommandFactory>::command();
        for sub in tree.get_subcommands_mut() {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            before.push((format!("husk {}", sub.get_name()), about));
        }
        tree.build();
        let mut after = Vec::new();
        abouts(&tree, "husk", &mut after);
        for (path, about) in &before {
            let built = after.iter().find(|(p, _)| p == path).map(|(_, a)| a);
            assert_eq!(Some(about), built, "{path}");
        }
        // A nested subcommand's about is its variant's, not a flattened struct's.
        let find = |path: &str| {
            after
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, a)| a.clone())
        };
        assert_eq!(find("husk container run"), find("husk run"));
        assert_eq!(
            find("husk container kill").as_deref(),
            Some("Send a signal to containers")
        );
        assert_eq!(
            find("husk run").as_deref(),
            Some("Run a command in a new container")
        );
    }
}
