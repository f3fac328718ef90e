//! The flags of `run` and `create` as a user gives them ([`RunFlags`], the
//! low-level values: the CLI parses them with clap, the API socket fills them
//! from a request), resolved into a [`RunPlan`] (each typed and checked, before
//! anything is pulled, replaced or written), and [`create`]: the image pulled
//! if need be, and the container made from the plan.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::mounts::{BindMount, UserMounts, VolumesFrom};
use super::options::{self, PullPolicy, SecurityOptions};
use super::{lifecycle, Container, CreateRequest, SpecOptions};
use crate::config::Config;
use crate::image::pull as pull_image;
use crate::monitor::sdnotify;
use crate::store::containers::RestartPolicy;
use crate::store::Store;
use crate::userns::idmap::UsernsOptions;

// `run`/`create`'s flags as given (docker's and podman's spellings); a doc
// comment here would become the commands' own help text.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct RunFlags {
    /// Remove the container when it exits
    #[arg(long)]
    pub rm: bool,
    /// Attach only these streams: stdin, stdout, stderr (repeatable; stdin needs -i)
    #[arg(short, long, value_name = "STREAM")]
    pub attach: Vec<String>,
    /// Run in the background: print the container id and return
    #[arg(short, long)]
    pub detach: bool,
    /// Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub sig_proxy: bool,
    /// Keys that detach from the container, leaving it running (with -it)
    #[arg(long, value_name = "KEYS", default_value = "ctrl-p,ctrl-q")]
    pub detach_keys: String,
    /// Set a label (KEY=VALUE)
    #[arg(short = 'l', long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Read labels from a file of KEY=VALUE lines (-l overrides them)
    #[arg(long, value_name = "FILE")]
    pub label_file: Vec<PathBuf>,
    /// Restart policy: no, always, unless-stopped, on-failure[:N]
    #[arg(long, value_name = "POLICY", default_value = "no")]
    pub restart: String,
    /// Seconds husk stop waits for the stop signal before SIGKILL (default 10)
    #[arg(long, value_name = "SECONDS")]
    pub stop_timeout: Option<u32>,
    /// The signal husk stop sends first (default: the image's StopSignal, else TERM)
    #[arg(long, value_name = "SIGNAL")]
    pub stop_signal: Option<String>,
    /// Size of /dev/shm (e.g. 256m; default 64m)
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,
    /// Size of systemd mode's tmpfs mounts (/run, /run/lock, /tmp, /var/log/journal; podman's; 0: no limit)
    #[arg(long, value_name = "SIZE")]
    pub shm_size_systemd: Option<String>,
    /// The umask of the container's processes (octal; default 0022)
    #[arg(long, value_name = "MASK")]
    pub umask: Option<String>,
    /// The container's oom_score_adj (-1000..1000; rootless may only raise it)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub oom_score_adj: Option<i32>,
    /// PID namespace: private, host (the host's processes; /proc is the host's), or container:NAME (that running container's)
    #[arg(long, value_name = "MODE")]
    pub pid: Option<String>,
    /// IPC namespace: private (or shareable), host, none (no /dev/shm), or container:NAME (that running container's)
    #[arg(long, value_name = "MODE")]
    pub ipc: Option<String>,
    /// UTS namespace: private, host (the host's name), or container:NAME (that running container's)
    #[arg(long, value_name = "MODE")]
    pub uts: Option<String>,
    /// Cgroup namespace: host (the default here: husk makes no cgroups) or private (its own view of /proc/self/cgroup)
    #[arg(long, value_name = "host|private")]
    pub cgroupns: Option<String>,
    /// podman's cgroup mode: enabled, disabled or no-conmon are all what husk does (no cgroup of its own); split is refused
    #[arg(long, value_name = "MODE")]
    pub cgroups: Option<String>,
    /// Isolation technology: only default (docker's; other values are Windows')
    #[arg(long, value_name = "default")]
    pub isolation: Option<String>,
    /// Volume driver of -v's named volumes: only local (docker's)
    #[arg(long, value_name = "local")]
    pub volume_driver: Option<String>,
    /// Hand fds 3..3+N of this command on to the container's process (podman's)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub preserve_fds: u32,
    /// Add this host user's account (name or uid) to the container's /etc/passwd (podman's)
    #[arg(long, value_name = "USER")]
    pub hostuser: Vec<String>,
    /// IMAGE is a directory of the host to run as the root (written in place; PATH:O: under a writable layer of the container's) (podman's)
    #[arg(long)]
    pub rootfs: bool,
    /// Give the container a secret (husk secret create): NAME[,type=mount|env][,target=PATH|VAR][,uid=N][,gid=N][,mode=0400] (podman's)
    #[arg(long, value_name = "SECRET")]
    pub secret: Vec<String>,
    /// Add an /etc/passwd and /etc/group entry for a numeric -u (and --userns keep-id's user) the image lacks (podman's; =false: not)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub passwd: bool,
    /// The /etc/passwd line written for such a user: $USERNAME, $UID, $GID, $NAME and $HOME are replaced (podman's)
    #[arg(long, value_name = "ENTRY")]
    pub passwd_entry: Option<String>,
    /// The /etc/group line written for its group: $GROUPNAME, $GID and $USERLIST are replaced (podman's)
    #[arg(long, value_name = "ENTRY")]
    pub group_entry: Option<String>,
    /// Kill the container (SIGKILL) once it has run this many seconds (podman's; 0: no limit)
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<u32>,
    /// User namespace: host (husk's own), keep-id[:uid=N,gid=N], nomap or auto[:size=N] (podman's)
    #[arg(long, value_name = "MODE")]
    pub userns: Option<String>,
    /// The container's uid map: CONTAINER_ID:HOST_ID:SIZE, HOST_ID in your user namespace (repeatable)
    #[arg(long, value_name = "MAP")]
    pub uidmap: Vec<String>,
    /// The container's gid map, as --uidmap (without it, --uidmap's map serves both)
    #[arg(long, value_name = "MAP")]
    pub gidmap: Vec<String>,
    /// A host device: HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)
    #[arg(long, value_name = "DEVICE")]
    pub device: Vec<String>,
    /// Time zone: local (the host's) or a zone such as Europe/Paris
    #[arg(long, value_name = "TZ")]
    pub tz: Option<String>,
    /// Health check command: a shell command, or a JSON array ["CMD", ...]; "none" disables the image's
    #[arg(long, alias = "healthcheck-command", value_name = "CMD")]
    pub health_cmd: Option<String>,
    /// Time between health checks (e.g. 30s; "disable": only husk healthcheck run)
    #[arg(long, alias = "healthcheck-interval", value_name = "DURATION")]
    pub health_interval: Option<String>,
    /// Failures in a row that make the container unhealthy (default 3)
    #[arg(long, alias = "healthcheck-retries", value_name = "N")]
    pub health_retries: Option<u32>,
    /// Time before failed checks count (default 0s)
    #[arg(long, alias = "healthcheck-start-period", value_name = "DURATION")]
    pub health_start_period: Option<String>,
    /// Time a check may take (default 30s)
    #[arg(long, alias = "healthcheck-timeout", value_name = "DURATION")]
    pub health_timeout: Option<String>,
    /// No health check, not even the image's
    #[arg(long)]
    pub no_healthcheck: bool,
    /// Checks kept in the container's health log (default 5; 0: all) (podman's)
    #[arg(long, value_name = "N")]
    pub health_max_log_count: Option<u32>,
    /// Bytes of a check's output kept (default 4096; 0: all, up to 1 MiB) (podman's)
    #[arg(long, value_name = "N")]
    pub health_max_log_size: Option<u32>,
    /// Where each check's result goes too: local (the state only), events_logger (a health_status event) or a directory (DIR/ID-healthcheck.log) (podman's)
    #[arg(long, value_name = "DEST")]
    pub health_log_destination: Option<String>,
    /// A startup check that runs first, until it passes; then the health check starts (podman's)
    #[arg(long, value_name = "COMMAND")]
    pub health_startup_cmd: Option<String>,
    /// Time between startup checks (default 30s)
    #[arg(long, value_name = "DURATION")]
    pub health_startup_interval: Option<String>,
    /// Startup check failures after which the container is restarted (default 0: never)
    #[arg(long, value_name = "N")]
    pub health_startup_retries: Option<u32>,
    /// Startup check successes in a row it takes to pass (default 1)
    #[arg(long, value_name = "N")]
    pub health_startup_success: Option<u32>,
    /// Time a startup check may take (default 30s)
    #[arg(long, value_name = "DURATION")]
    pub health_startup_timeout: Option<String>,
    #[command(flatten)]
    pub limits: super::resources::ResourceFlags,
    /// Where the output goes: k8s-file (the default; json-file is taken as it), journald, none, or passthrough (husk's own stdio)
    #[arg(long, value_name = "DRIVER")]
    pub log_driver: Option<String>,
    /// Log option: max-size=SIZE (e.g. 10m): the log then keeps one older file
    #[arg(long, value_name = "OPT=VALUE")]
    pub log_opt: Vec<String>,
    /// Write the container id to FILE (which must not exist)
    #[arg(long, value_name = "FILE")]
    pub cidfile: Option<PathBuf>,
    /// Remove a container of the same --name first
    #[arg(long)]
    pub replace: bool,
    /// Who tells systemd (NOTIFY_SOCKET) the container is ready: conmon (husk's
    /// monitor, once it runs), container (the container itself; the socket is
    /// passed in), ignore
    #[arg(long, value_name = "MODE", default_value = "container", value_parser = crate::monitor::sdnotify::MODES)]
    pub sdnotify: String,
    /// Keep stdin open (attach it to the container)
    #[arg(short, long)]
    pub interactive: bool,
    /// Give the container a terminal
    #[arg(short, long)]
    pub tty: bool,
    /// Name of the container
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Set an environment variable (NAME=VALUE, or NAME to take husk's own)
    #[arg(short, long, value_name = "NAME[=VALUE]")]
    pub env: Vec<String>,
    /// Read environment variables from a file (NAME=VALUE lines)
    #[arg(long, value_name = "FILE")]
    pub env_file: Vec<PathBuf>,
    /// Working directory inside the container
    #[arg(short, long, value_name = "DIR")]
    pub workdir: Option<String>,
    /// User (name or uid) and group (name or gid) to run as
    #[arg(short, long, value_name = "USER[:GROUP]")]
    pub user: Option<String>,
    /// Add a supplementary group (a name in the image's /etc/group, or a number)
    #[arg(long, value_name = "GROUP")]
    pub group_add: Vec<String>,
    /// Hostname of the container (not with --uts host or container:NAME: that namespace's name)
    #[arg(short = 'h', long, value_name = "NAME")]
    pub hostname: Option<String>,
    /// Override the image's entrypoint ("" for none)
    #[arg(long, value_name = "CMD")]
    pub entrypoint: Option<String>,
    /// Mount a volume or host path: [NAME|/SRC:]DST[:ro|rw|U|O|nocopy|z|Z|bind] (a missing host directory is made; O: an overlay over a host directory; ro: read-only beneath too)
    #[arg(short, long, value_name = "SRC:DST[:OPTS]")]
    pub volume: Vec<String>,
    /// Mount a tmpfs: DST[:OPTS]
    #[arg(long, value_name = "DST[:OPTS]")]
    pub tmpfs: Vec<String>,
    /// Mount: type=volume[,src=NAME],dst=PATH[,readonly][,volume-nocopy], type=bind,src=PATH,dst=PATH[,readonly][,bind-propagation=private|rprivate][,bind-recursive=enabled|disabled|writable|readonly] or type=tmpfs,dst=PATH[,tmpfs-size=N][,tmpfs-mode=MODE]
    #[arg(long, value_name = "type=TYPE,...")]
    pub mount: Vec<String>,
    /// Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]
    #[arg(long, value_name = "CONTAINER[:ro|rw]")]
    pub volumes_from: Vec<String>,
    /// Systemd mode when the command is an init (true, the default), never (false) or always: tmpfs on /run, /run/lock, /tmp, /var/log/journal, container=podman, stop signal SIGRTMIN+3 (podman's)
    #[arg(long, value_name = "MODE", default_value = "true", value_parser = ["true", "false", "always"])]
    pub systemd: String,
    /// A directory inside used as a chroot: it gets the container's /etc/hosts, hostname and resolv.conf too (repeatable; podman's)
    #[arg(long, value_name = "DIR")]
    pub chrootdirs: Vec<String>,
    /// The NIS domain name of the container's UTS namespace (podman's)
    #[arg(long, value_name = "NAME")]
    pub domainname: Option<String>,
    /// The process's execution domain: LINUX or LINUX32 (podman's)
    #[arg(long, value_name = "DOMAIN")]
    pub personality: Option<String>,
    /// Set by `husk pod create` for a pod's infra container: its process is
    /// husk's own pause (no command of an image).
    #[arg(skip)]
    pub pause: bool,
    /// Run in this pod (a name or id): its network, ipc and uts namespaces, its published ports (podman's)
    #[arg(long, value_name = "POD")]
    pub pod: Option<String>,
    /// Start these containers first, each time this one starts: CTR[,CTR] (podman's)
    #[arg(long, value_name = "CTR[,CTR]", value_delimiter = ',')]
    pub requires: Vec<String>,
    /// Expose a port or range, PORT[-END][/tcp|udp]: -P publishes it as it does the image's EXPOSE
    #[arg(long, value_name = "PORT")]
    pub expose: Vec<String>,
    /// An OCI annotation of the container's spec: KEY=VALUE (podman's)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    #[command(flatten)]
    pub platform: crate::image::platform::PlatformFlags,
    /// The host's environment too, under --env-file and -e (podman's)
    #[arg(long)]
    pub env_host: bool,
    /// The host's proxy variables too: http_proxy, https_proxy, ftp_proxy, no_proxy, in either case (podman's; =false: not)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub http_proxy: bool,
    /// What each VOLUME of the image gets: bind (an anonymous volume, the default), tmpfs, or ignore (podman's)
    #[arg(long, value_name = "MODE", default_value = "bind", value_parser = ["bind", "anonymous", "tmpfs", "ignore"])]
    pub image_volume: String,
    /// Mount the root filesystem read-only
    #[arg(long)]
    pub read_only: bool,
    /// With --read-only: writable tmpfs on /run, /tmp and /var/tmp (podman's; =false: none)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub read_only_tmpfs: bool,
    /// Do not make /etc/hosts: the image's stays (podman's)
    #[arg(long, conflicts_with_all = ["add_host", "hosts_file"])]
    pub no_hosts: bool,
    /// Do not make /etc/hostname: the image's stays (podman's)
    #[arg(long)]
    pub no_hostname: bool,
    /// What /etc/hosts starts from: a file of the host, none, or image (the image's /etc/hosts) (podman's)
    #[arg(long, value_name = "PATH|none|image")]
    pub hosts_file: Option<String>,
    /// Leave this variable of the image (or husk's defaults: PATH, HOSTNAME, HOME, TERM) out (podman's)
    #[arg(long, value_name = "NAME")]
    pub unsetenv: Vec<String>,
    /// Leave every variable of the image and husk's defaults out: only -e and --env-file (podman's)
    #[arg(long)]
    pub unsetenv_all: bool,
    /// NAME=VALUE where ${VAR} is the value so far, e.g. PATH=/opt/bin:${PATH} (podman's)
    #[arg(long, value_name = "NAME=VALUE")]
    pub env_merge: Vec<String>,
    /// Write the host pid of the container's first process to FILE at each start (podman's)
    #[arg(long, value_name = "FILE")]
    pub pidfile: Option<PathBuf>,
    /// Write the pid of the container's monitor (husk's conmon) to FILE at each start (podman's)
    #[arg(long, value_name = "FILE")]
    pub conmon_pidfile: Option<PathBuf>,
    /// Remove the image too once the container is gone, unless another container uses it (implies --rm; podman's)
    #[arg(long)]
    pub rmi: bool,
    /// What the monitor does when the container turns unhealthy: none, kill, restart or stop (podman's)
    #[arg(long, value_name = "ACTION", default_value = "none", value_parser = ["none", "kill", "restart", "stop"])]
    pub health_on_failure: String,
    /// Which seccomp profile: default (husk's, or --security-opt seccomp=); image is not supported (podman's)
    #[arg(long, value_name = "POLICY", default_value = "default", value_parser = ["default", "image"])]
    pub seccomp_policy: String,
    /// Network: bridge (the default network), a network's name, none, host, container:NAME or ns:PATH
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Option<String>,
    /// Another name for the container on its (user-created) network
    #[arg(long, value_name = "NAME")]
    pub network_alias: Vec<String>,
    /// Reach another container by NAME (or ALIAS) from this one: NAME[:ALIAS]
    #[arg(long, value_name = "NAME[:ALIAS]")]
    pub link: Vec<String>,
    /// Publish a container's port on the host: [IP:][HOSTPORT:]PORT[/tcp|udp] (ranges N-M)
    #[arg(short = 'p', long, value_name = "[IP:][HOSTPORT:]PORT")]
    pub publish: Vec<String>,
    /// Publish every port the image exposes on a free host port
    #[arg(short = 'P', long)]
    pub publish_all: bool,
    /// Set a sysctl of the container's network namespace: net.KEY=VALUE
    #[arg(long, value_name = "net.KEY=VALUE")]
    pub sysctl: Vec<String>,
    /// The container's IPv4 address on its network (one of the network's host addresses)
    #[arg(long, value_name = "IPV4")]
    pub ip: Option<String>,
    /// The container's IPv6 address (refused: husk's networks are IPv4 only)
    #[arg(long, value_name = "IPV6")]
    pub ip6: Option<String>,
    /// The MAC address of the container's interface, e.g. 92:d0:c6:0a:29:33
    #[arg(long, value_name = "MAC")]
    pub mac_address: Option<String>,
    /// Add a line to /etc/hosts: NAME:IP
    #[arg(long, value_name = "NAME:IP")]
    pub add_host: Vec<String>,
    /// A nameserver for /etc/resolv.conf (replaces the host's)
    #[arg(long, value_name = "IP")]
    pub dns: Vec<String>,
    /// A search domain for /etc/resolv.conf (replaces the host's; . for none)
    #[arg(long, value_name = "DOMAIN")]
    pub dns_search: Vec<String>,
    /// An option for /etc/resolv.conf (replaces the host's), e.g. ndots:2
    #[arg(long, alias = "dns-opt", value_name = "OPTION")]
    pub dns_option: Vec<String>,
    /// With --init: this init binary (tini, catatonit, docker-init) as PID 1 instead of husk's own
    #[arg(long, value_name = "PATH")]
    pub init_path: Option<PathBuf>,
    /// Run a tiny init as PID 1 that forwards signals and reaps processes
    #[arg(long)]
    pub init: bool,
    /// Add capabilities (e.g. NET_ADMIN, or ALL)
    #[arg(long, value_name = "CAP")]
    pub cap_add: Vec<String>,
    /// Drop capabilities (e.g. CHOWN, or ALL)
    #[arg(long, value_name = "CAP")]
    pub cap_drop: Vec<String>,
    /// All capabilities, no masked paths, no seccomp (still inside the user namespace)
    #[arg(long)]
    pub privileged: bool,
    /// seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted (no SELinux or AppArmor here)
    #[arg(long, value_name = "OPT")]
    pub security_opt: Vec<String>,
    /// Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core...)
    #[arg(long, value_name = "NAME=SOFT[:HARD]")]
    pub ulimit: Vec<String>,
    /// CPUs the container may run on (0-3, 0,2), as its CPU affinity
    #[arg(long, value_name = "CPUS")]
    pub cpuset_cpus: Option<String>,
    /// Pull the image: missing (default), always, never
    #[arg(long, value_name = "POLICY", default_value = "missing", value_parser = ["missing", "always", "never"])]
    pub pull: String,
    /// Do not print pull progress
    #[arg(short, long)]
    pub quiet: bool,
    /// Image to run (with --rootfs: the root directory, PATH[:O])
    pub image: String,
    /// Command and arguments (default: the image's)
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "COMMAND"
    )]
    pub command: Vec<String>,
}

/// `run`/`create`'s flags, resolved: each typed and checked; nothing pulled,
/// replaced or written yet.
pub struct RunPlan {
    pub restart: RestartPolicy,
    pub health: super::health::HealthOptions,
    /// `--label-file`'s, then `-l`'s.
    pub labels: Vec<String>,
    pub volumes_from: Vec<VolumesFrom>,
    pub sdnotify: sdnotify::Mode,
    pub pull: PullPolicy,
    pub log_max_size: Option<u64>,
    pub log_driver: crate::monitor::log::Driver,
    /// `--pidfile`, `--conmon-pidfile`, made absolute.
    pub pidfiles: (Option<PathBuf>, Option<PathBuf>),
    pub spec: SpecOptions,
    /// What the user should hear (resource limits that are not applied).
    pub warnings: Vec<String>,
    /// `--secret`s.
    pub secrets: Vec<crate::secret::mount::SecretRequest>,
    /// `--rootfs`: IMAGE is this directory.
    pub rootfs: Option<crate::overlay::rootfs::RootfsSource>,
}

impl RunFlags {
    /// Every flag typed and checked; nothing pulled, replaced or written.
    pub fn resolve(&self) -> Result<RunPlan> {
        let a = self;
        let restart = super::parse_restart(&a.restart)?;
        let restarting = restart.name != crate::store::containers::Restart::No;
        if (a.rm || a.rmi) && restarting {
            let rm = if a.rm { "--rm" } else { "--rmi" };
            bail!("conflicting options: --restart {} and {rm}", a.restart);
        }
        if a.seccomp_policy == "image" {
            bail!("--seccomp-policy image (the profile an image's annotation names) is not supported: husk applies its default profile, or --security-opt seccomp=FILE");
        }
        let absolute = |f: &Option<PathBuf>| -> Result<Option<PathBuf>> {
            f.as_deref()
                .map(std::path::absolute)
                .transpose()
                .context("the current directory")
        };
        let pidfiles = (absolute(&a.pidfile)?, absolute(&a.conmon_pidfile)?);
        if a.health_on_failure == "restart" && restarting {
            bail!("--health-on-failure restart conflicts with --restart {}: one of them restarts the container", a.restart);
        }
        if let Some(f) = &a.cidfile {
            if f.exists() {
                bail!(
                    "the container id file {} exists: make sure the other container is not running, or delete the file",
                    f.display()
                );
            }
        }
        let network = crate::network::NetworkFlags {
            network: a.network.clone(),
            aliases: a.network_alias.clone(),
            links: a.link.clone(),
            publish: a.publish.clone(),
            publish_all: a.publish_all,
            sysctls: a.sysctl.clone(),
            ip: a.ip.clone(),
            ip6: a.ip6.clone(),
            mac_address: a.mac_address.clone(),
        }
        .resolve(&[])?;
        let mut names =
            crate::network::NameOptions::parse(&a.add_host, &a.dns, &a.dns_search, &a.dns_option)?;
        if let Some(h) = &a.hosts_file {
            names.hosts_file = crate::network::etc::HostsFile::parse(h)?;
        }
        // As podman and docker: the names are the UTS namespace's, set only in one
        // of the container's own.
        let joined_uts = a.uts.as_deref().filter(|u| !matches!(*u, "" | "private"));
        if let Some(h) = &a.hostname {
            crate::network::etc::check_hostname(h)?;
            if let Some(uts) = joined_uts {
                bail!("cannot set the hostname with --uts {uts}: the container has that UTS namespace's host name");
            }
        }
        if let Some(d) = &a.domainname {
            crate::network::etc::check_hostname(d).context("--domainname")?;
            if let Some(uts) = joined_uts {
                bail!(
                    "--domainname needs a UTS namespace of the container's own (not --uts {uts})"
                );
            }
        }
        if let Some(w) = a.workdir.as_deref().filter(|w| !w.starts_with('/')) {
            bail!("the working directory {w:?} is not an absolute path");
        }
        if let Some(cpus) = &a.cpuset_cpus {
            crate::runtime::affinity::validate(cpus)?;
        }
        crate::runtime::caps::resolve(a.privileged, &a.cap_add, &a.cap_drop)?;
        if let Some(n) = a.name.as_deref().filter(|n| !super::names::is_valid(n)) {
            bail!("invalid container name {n:?}: use letters, digits and _ . - (starting with a letter or digit)");
        }
        if let Some(g) = a.group_add.iter().find(|g| g.is_empty() || g.contains(':')) {
            bail!("invalid --group-add {g:?}: a group name or number");
        }
        for f in &a.env_file {
            std::fs::File::open(f)
                .with_context(|| format!("opening the env file {}", f.display()))?;
        }
        let sdnotify: sdnotify::Mode = a.sdnotify.parse()?;
        let (env, notify_socket) = with_notify_socket(a, sdnotify);
        let mut labels = Vec::new();
        for f in &a.label_file {
            labels.extend(options::label_file(f)?);
        }
        labels.extend(a.label.iter().cloned());
        for l in &labels {
            super::parse_label(l)?;
        }
        let limits = a.limits.resolve()?;
        let support = super::resources::support();
        let warnings: Vec<String> = super::resources::check(&limits, &support)?
            .into_iter()
            .map(String::from)
            .collect();
        let health = super::health::HealthFlags {
            max_log_count: a.health_max_log_count,
            max_log_size: a.health_max_log_size,
            log_destination: a.health_log_destination.clone(),
            startup_cmd: a.health_startup_cmd.clone(),
            startup_interval: a.health_startup_interval.clone(),
            startup_timeout: a.health_startup_timeout.clone(),
            startup_retries: a.health_startup_retries,
            startup_success: a.health_startup_success,
            cmd: a.health_cmd.clone(),
            interval: a.health_interval.clone(),
            timeout: a.health_timeout.clone(),
            start_period: a.health_start_period.clone(),
            retries: a.health_retries,
            disabled: a.no_healthcheck,
            on_failure: Some(a.health_on_failure.clone()),
        }
        .resolve()?;
        let userns = UsernsOptions::parse(a.userns.as_deref(), &a.uidmap, &a.gidmap)?;
        // Handed on by this command alone (to the container's first start).
        options::preserved_fds(a.preserve_fds)?;
        let log_driver: crate::monitor::log::Driver =
            a.log_driver.as_deref().unwrap_or("k8s-file").parse()?;
        if log_driver == crate::monitor::log::Driver::Passthrough
            && (a.detach || a.tty || restarting)
        {
            bail!("--log-driver passthrough hands the container this command's own stdio: not with -d, -t or --restart");
        }
        let joins = [&a.pid, &a.ipc, &a.uts]
            .iter()
            .any(|m| m.as_deref().is_some_and(|m| m.starts_with("container:")));
        if !userns.is_default() && (network.mode.joins_namespace() || joins) {
            bail!("--userns/--uidmap cannot be combined with --pid, --ipc or --uts container: (namespaces of husk's user namespace)");
        }
        let mounts = UserMounts::parse(&a.volume, &a.tmpfs, &a.mount)?;
        let overlay = mounts
            .binds
            .iter()
            .any(|b| b.options.iter().any(|o| o == super::mounts::OVERLAY));
        if !userns.is_default() && overlay {
            bail!("--userns/--uidmap cannot be combined with overlay volumes (-v SRC:DST:O) yet");
        }
        if !userns.is_default() && network.mode.joins_namespace() {
            bail!("--userns/--uidmap cannot be combined with --network container: or ns: (a network namespace of husk's user namespace)");
        }
        let rootfs = match a.rootfs {
            true => Some(a.image.parse::<crate::overlay::rootfs::RootfsSource>()?),
            false => None,
        };
        if !userns.is_default() && rootfs.as_ref().is_some_and(|r| !r.overlay) {
            bail!("--userns/--uidmap with --rootfs need PATH:O (the container's own layer presents the directory through its map)");
        }
        let namespaces =
            options::Namespaces::parse(a.pid.as_deref(), a.ipc.as_deref(), a.uts.as_deref())?;
        Ok(RunPlan {
            rootfs,
            restart,
            health,
            labels,
            volumes_from: options::parse_each(&a.volumes_from)?,
            sdnotify,
            pull: a.pull.parse()?,
            log_max_size: options::log_max_size(&a.log_opt)?,
            log_driver,
            pidfiles,
            warnings,
            secrets: options::parse_each(&a.secret)?,
            spec: SpecOptions {
                args: a.command.clone(),
                entrypoint: a
                    .entrypoint
                    .as_deref()
                    .map(options::parse_entrypoint)
                    .transpose()?,
                env,
                host_env: host_env(a.env_host, a.http_proxy),
                env_files: a.env_file.clone(),
                unsetenv: a.unsetenv.clone(),
                unsetenv_all: a.unsetenv_all,
                env_merge: a.env_merge.clone(),
                workdir: a.workdir.clone(),
                hostname: a.hostname.clone(),
                mounts,
                notify_socket,
                read_only: a.read_only,
                domainname: a.domainname.clone(),
                systemd: a.systemd.parse()?,
                chroot_dirs: a
                    .chrootdirs
                    .iter()
                    .map(|d| super::mounts::destination(d))
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|why| anyhow::anyhow!("invalid --chrootdirs: {why}"))?,
                personality: a.personality.as_deref().map(str::parse).transpose()?,
                expose: a
                    .expose
                    .iter()
                    .map(|e| crate::network::ports::parse_expose(e))
                    .collect::<Result<Vec<_>>>()?
                    .concat(),
                annotations: options::parse_each(&a.annotation)?,
                image_volume: a.image_volume.parse()?,
                read_only_tmpfs: a.read_only_tmpfs,
                no_hosts: a.no_hosts,
                no_hostname: a.no_hostname,
                network,
                publish_all: a.publish_all,
                names,
                cap_add: a.cap_add.clone(),
                cap_drop: a.cap_drop.clone(),
                privileged: a.privileged,
                security: SecurityOptions::parse(&a.security_opt)?,
                ulimits: options::parse_each(&a.ulimit)?,
                cpuset_cpus: a.cpuset_cpus.clone(),
                tty: a.tty,
                init: a.init,
                pause: a.pause,
                init_path: a
                    .init_path
                    .as_deref()
                    .map(options::init_binary)
                    .transpose()?,
                stop_signal: a
                    .stop_signal
                    .as_deref()
                    .map(str::parse::<lifecycle::SignalNo>)
                    .transpose()?,
                shm_size: a.shm_size.as_deref().map(options::parse_size).transpose()?,
                shm_size_systemd: a
                    .shm_size_systemd
                    .as_deref()
                    .map(|s| {
                        options::parse_size(s)
                            .with_context(|| format!("invalid --shm-size-systemd {s:?}"))
                    })
                    .transpose()?,
                umask: a.umask.as_deref().map(options::parse_umask).transpose()?,
                oom_score_adj: a
                    .oom_score_adj
                    .map(options::parse_oom_score_adj)
                    .transpose()?,
                tz: a.tz.as_deref().map(str::parse).transpose()?,
                devices: options::parse_each(&a.device)?,
                pid: namespaces.pid,
                ipc: namespaces.ipc,
                no_shm: namespaces.no_shm,
                uts: namespaces.uts,
                cgroupns_private: cgroupns_private(a)?,
                userns,
            },
        })
    }
}

/// The host's variables a container gets: every one with `--env-host`, else
/// with `--http-proxy` (podman's default) the proxy settings.
pub fn host_env(all: bool, proxies: bool) -> Vec<String> {
    const PROXIES: [&str; 4] = ["http_proxy", "https_proxy", "ftp_proxy", "no_proxy"];
    std::env::vars()
        .filter(|(k, _)| all || (proxies && PROXIES.contains(&k.to_ascii_lowercase().as_str())))
        .map(|(k, v)| format!("{k}={v}"))
        .collect()
}

impl RunFlags {
    /// The platform to pull: `--platform`, with `--os`, `--arch` and `--variant`
    /// over its parts (or the host's).
    pub fn platform(&self) -> Option<String> {
        self.platform.platform()
    }
}

/// `-e`, and systemd's notify socket to bind for `--sdnotify=container` (a path
/// socket only: an abstract one does not cross network namespaces).
fn with_notify_socket(a: &RunFlags, mode: sdnotify::Mode) -> (Vec<String>, Option<BindMount>) {
    let mut env = a.env.clone();
    let sock =
        sdnotify::socket().filter(|s| mode == sdnotify::Mode::Container && s.starts_with('/'));
    let bind = sock.map(|sock| {
        env.push(format!("NOTIFY_SOCKET={}", sdnotify::CONTAINER_SOCKET));
        BindMount {
            source: sock.into(),
            destination: sdnotify::CONTAINER_SOCKET.into(),
            options: Vec::new(),
            chown: false,
        }
    });
    (env, bind)
}

/// Create the container that `a` describes, as `plan` (its resolution) has it:
/// the containers it joins checked, then its image pulled if the pull policy
/// says so (with `pull`), then the container made. `create_command` is the
/// command line that asked for it (`husk generate systemd --new` replays it).
pub fn create(
    store: &Store,
    config: &Config,
    a: &RunFlags,
    plan: RunPlan,
    pull: &pull_image::PullOptions,
    create_command: Vec<String>,
    driver: &str,
) -> Result<Container> {
    super::check_joined(store, &plan.spec)?;
    for r in &plan.secrets {
        crate::secret::find(store, &r.name).with_context(|| format!("--secret {}", r.name))?;
    }
    let image = match &plan.rootfs {
        // A stand-in: no layers, no config, never stored.
        Some(r) => crate::store::images::ImageRecord::empty(crate::digest::Digest::of(
            r.path.as_os_str().as_encoded_bytes(),
        )),
        None => pull_image::ensure(store, config, &a.image, plan.pull, pull)?,
    };
    crate::timeline::mark("image found");
    let image_name = image
        .names
        .first()
        .cloned()
        .unwrap_or_else(|| a.image.clone());
    let ctr = super::create(
        store,
        CreateRequest {
            image: &image,
            image_name: &image_name,
            name: a.name.clone(),
            user: a.user.clone(),
            group_add: a.group_add.clone(),
            spec: plan.spec,
            auto_remove: a.rm || a.rmi,
            labels: plan.labels,
            restart: plan.restart,
            stop_timeout: a.stop_timeout,
            log_max_size: plan.log_max_size,
            interactive: a.interactive,
            sdnotify: plan.sdnotify,
            create_command,
            create_command_tail: a.command.len() + 1,
            replace: a.replace && a.name.is_some(),
            volumes_from: plan.volumes_from,
            health: plan.health,
            timeout: a.timeout.filter(|t| *t > 0),
            log_driver: plan.log_driver,
            accounts: crate::container::user::AccountOptions {
                add_missing: a.passwd,
                passwd_entry: a.passwd_entry.clone(),
                group_entry: a.group_entry.clone(),
                hostusers: a.hostuser.clone(),
            },
            build_stage: false,
            secrets: plan.secrets,
            rootfs: plan.rootfs,
            pidfile: plan.pidfiles.0,
            conmon_pidfile: plan.pidfiles.1,
            remove_image: a.rmi,
            requires: a.requires.clone(),
            driver: Some(driver.parse()?),
            pod: a.pod.clone(),
        },
    )?;
    Ok(ctr)
}

/// `--cgroupns` (whether the container gets a cgroup namespace of its own),
/// with `--cgroups` and `--isolation` checked: rootless husk makes no cgroups,
/// so podman's `enabled`, `disabled` and `no-conmon` are all its behaviour.
fn cgroupns_private(a: &RunFlags) -> Result<bool> {
    match a.cgroups.as_deref() {
        None | Some("enabled" | "disabled" | "no-conmon") => {}
        Some("split") => bail!("--cgroups split: husk puts neither itself nor its containers in cgroups of their own (systemd's delegation is not used)"),
        Some(c) => bail!("invalid --cgroups {c:?}: enabled, disabled, no-conmon or split"),
    }
    if let Some(i) = a.isolation.as_deref().filter(|i| *i != "default") {
        bail!("invalid --isolation {i:?}: Linux containers have only the default isolation");
    }
    if let Some(d) = a.volume_driver.as_deref().filter(|d| *d != "local") {
        bail!("--volume-driver {d}: husk has local volumes only");
    }
    options::cgroupns_private(a.cgroupns.as_deref())
}

impl RunFlags {
    /// `husk run`'s options with their defaults (clap's, not Rust's), as if
    /// only `image` were given: what the faces that are not a command line
    /// (compose, the API) start from.
    pub fn with_defaults(image: &str) -> Result<RunFlags> {
        use clap::{Args, FromArgMatches};
        let cmd = RunFlags::augment_args(
            clap::Command::new("run-options")
                .no_binary_name(true)
                .disable_help_flag(true),
        );
        let matches = cmd
            .try_get_matches_from([image])
            .map_err(|e| anyhow::anyhow!("husk's run options: {e}"))?;
        Ok(RunFlags::from_arg_matches(&matches)?)
    }
}
