//! `husk build`'s flags that shape the containers of RUN steps (podman's
//! spellings, the meaning `husk run` gives them), as given ([`StepFlags`]),
//! and resolved into the typed settings every RUN step starts from
//! ([`StepSettings`]), checked before anything is read or built.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use crate::container::mounts::UserMounts;
use crate::container::options::{self, SecurityOptions};
use crate::container::resources::ResourceFlags;
use crate::container::SpecOptions;
use crate::userns::idmap::UsernsOptions;

// A doc comment here would become part of `husk build`'s help text.
#[derive(clap::Args, Debug, Default)]
pub struct StepFlags {
    /// RUN steps: add a line to /etc/hosts, NAME:IP
    #[arg(long, value_name = "NAME:IP", help_heading = "RUN steps")]
    pub add_host: Vec<String>,
    /// RUN steps: add capabilities (e.g. NET_ADMIN, or ALL)
    #[arg(long, value_name = "CAP", help_heading = "RUN steps")]
    pub cap_add: Vec<String>,
    /// RUN steps: drop capabilities (e.g. CHOWN, or ALL)
    #[arg(long, value_name = "CAP", help_heading = "RUN steps")]
    pub cap_drop: Vec<String>,
    /// RUN steps: a host device, HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)
    #[arg(long, value_name = "DEVICE", help_heading = "RUN steps")]
    pub device: Vec<String>,
    /// RUN steps: a nameserver for /etc/resolv.conf (replaces the host's)
    #[arg(long, value_name = "IP", help_heading = "RUN steps")]
    pub dns: Vec<String>,
    /// RUN steps: an option for /etc/resolv.conf, e.g. ndots:2
    #[arg(long, value_name = "OPTION", help_heading = "RUN steps")]
    pub dns_option: Vec<String>,
    /// RUN steps: a search domain for /etc/resolv.conf (. for none)
    #[arg(long, value_name = "DOMAIN", help_heading = "RUN steps")]
    pub dns_search: Vec<String>,
    /// RUN steps: a supplementary group (a name in the stage's /etc/group, or a number)
    #[arg(long, value_name = "GROUP", help_heading = "RUN steps")]
    pub group_add: Vec<String>,
    /// RUN steps: seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted
    #[arg(long, value_name = "OPT", help_heading = "RUN steps")]
    pub security_opt: Vec<String>,
    /// RUN steps: a resource limit, NAME=SOFT[:HARD] (nofile, nproc, core…)
    #[arg(long, value_name = "NAME=SOFT[:HARD]", help_heading = "RUN steps")]
    pub ulimit: Vec<String>,
    /// RUN steps: bind a host path or a volume, [NAME|/SRC:]DST[:ro|rw|U|O|z|Z] (never part of a layer)
    #[arg(short, long, value_name = "SRC:DST[:OPTS]", help_heading = "RUN steps")]
    pub volume: Vec<String>,
    /// RUN steps: do not make /etc/hosts (the stage's own stays)
    #[arg(long, conflicts_with = "add_host", help_heading = "RUN steps")]
    pub no_hosts: bool,
    /// RUN steps: do not make /etc/hostname (the stage's own stays)
    #[arg(long, help_heading = "RUN steps")]
    pub no_hostname: bool,
    /// RUN steps: IPC namespace, private (or shareable), host, none, or container:NAME
    #[arg(long, value_name = "MODE", help_heading = "RUN steps")]
    pub ipc: Option<String>,
    /// RUN steps: PID namespace, private, host, or container:NAME
    #[arg(long, value_name = "MODE", help_heading = "RUN steps")]
    pub pid: Option<String>,
    /// RUN steps: UTS namespace, private, host, or container:NAME
    #[arg(long, value_name = "MODE", help_heading = "RUN steps")]
    pub uts: Option<String>,
    /// RUN steps: cgroup namespace, host (the default) or private
    #[arg(long, value_name = "host|private", help_heading = "RUN steps")]
    pub cgroupns: Option<String>,
    /// RUN steps: user namespace, host (husk's own), keep-id[:uid=N,gid=N], nomap or auto[:size=N]
    #[arg(long, value_name = "MODE", help_heading = "RUN steps")]
    pub userns: Option<String>,
    /// RUN steps: a uid map, CONTAINER_ID:HOST_ID:SIZE (HOST_ID in your user namespace)
    #[arg(long, value_name = "MAP", help_heading = "RUN steps")]
    pub userns_uid_map: Vec<String>,
    /// RUN steps: a gid map, as --userns-uid-map (without it, the uid map serves both)
    #[arg(long, value_name = "MAP", help_heading = "RUN steps")]
    pub userns_gid_map: Vec<String>,
    /// RUN steps: size of /dev/shm (e.g. 256m; default 64m)
    #[arg(long, value_name = "SIZE", help_heading = "RUN steps")]
    pub shm_size: Option<String>,
    /// RUN steps: the host's proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy) too (=false: not)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set, help_heading = "RUN steps")]
    pub http_proxy: bool,
    /// RUN steps: this command's stdin is their stdin
    #[arg(long, help_heading = "RUN steps")]
    pub stdin: bool,
    /// RUN steps: isolation, oci or rootless (both husk's own runtime; chroot is refused)
    #[arg(long, value_name = "TYPE", help_heading = "RUN steps")]
    pub isolation: Option<String>,
    /// RUN steps: changes under the image's VOLUMEs are dropped (only COPY and ADD may write there)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true", help_heading = "RUN steps")]
    pub compat_volumes: Option<bool>,
    /// RUN steps: memory limit (e.g. 512m; rootless without a delegated controller: warned about and ignored, as podman does)
    #[arg(short = 'm', long, value_name = "SIZE", help_heading = "RUN steps")]
    pub memory: Option<String>,
    /// RUN steps: memory and swap limit (-1: unlimited swap)
    #[arg(
        long,
        value_name = "SIZE",
        allow_hyphen_values = true,
        help_heading = "RUN steps"
    )]
    pub memory_swap: Option<String>,
    /// RUN steps: CPU shares (relative weight)
    #[arg(short = 'c', long, value_name = "N", help_heading = "RUN steps")]
    pub cpu_shares: Option<u64>,
    /// RUN steps: CFS period (microseconds)
    #[arg(long, value_name = "US", help_heading = "RUN steps")]
    pub cpu_period: Option<u64>,
    /// RUN steps: CFS quota (microseconds)
    #[arg(
        long,
        value_name = "US",
        allow_negative_numbers = true,
        help_heading = "RUN steps"
    )]
    pub cpu_quota: Option<i64>,
    /// RUN steps: the CPUs they may run on (0-3, 0,2), as their CPU affinity
    #[arg(long, value_name = "CPUS", help_heading = "RUN steps")]
    pub cpuset_cpus: Option<String>,
    /// RUN steps: memory nodes they may use
    #[arg(long, value_name = "LIST", help_heading = "RUN steps")]
    pub cpuset_mems: Option<String>,
    /// RUN --mount=type=ssh: an SSH agent's socket, default ($SSH_AUTH_SOCK) or ID=SOCKET
    #[arg(long, value_name = "default|ID=SOCKET", help_heading = "RUN steps")]
    pub ssh: Vec<String>,
}

/// What every RUN step's container starts from.
#[derive(Debug, Default, Clone)]
pub struct StepSettings {
    /// The spec options RUN fills in (command, environment, mounts, network).
    pub spec: SpecOptions,
    pub group_add: Vec<String>,
    /// `--stdin`: the step reads this command's stdin.
    pub stdin: bool,
    /// `--compat-volumes`: RUN's changes under VOLUMEs are dropped.
    pub compat_volumes: bool,
    /// `--ssh`: agent sockets by id.
    pub ssh: Vec<(String, PathBuf)>,
    /// What the user should hear (limits that are not applied).
    pub warnings: Vec<String>,
}

impl StepFlags {
    /// Every flag typed and checked; nothing read or built.
    pub fn resolve(&self) -> Result<StepSettings> {
        let a = self;
        let mut names =
            crate::network::NameOptions::parse(&a.add_host, &a.dns, &a.dns_search, &a.dns_option)?;
        names.hosts_file = Default::default();
        crate::runtime::caps::resolve(false, &a.cap_add, &a.cap_drop)?;
        if let Some(g) = a.group_add.iter().find(|g| g.is_empty() || g.contains(':')) {
            bail!("invalid --group-add {g:?}: a group name or number");
        }
        if let Some(cpus) = &a.cpuset_cpus {
            crate::runtime::affinity::validate(cpus)?;
        }
        match a.isolation.as_deref() {
            None | Some("oci" | "rootless" | "default") => {}
            Some("chroot") => bail!("--isolation chroot: husk runs RUN steps in its own rootless containers (oci or rootless), never in a bare chroot"),
            Some(i) => bail!("invalid --isolation {i:?}: oci, rootless or chroot"),
        }
        let limits = ResourceFlags {
            memory: a.memory.clone(),
            memory_swap: a.memory_swap.clone(),
            cpu_shares: a.cpu_shares,
            cpu_period: a.cpu_period,
            cpu_quota: a.cpu_quota,
            cpuset_mems: a.cpuset_mems.clone(),
            ..Default::default()
        }
        .resolve()?;
        let support = crate::container::resources::support();
        let warnings = crate::container::resources::check(&limits, &support)?
            .into_iter()
            .map(String::from)
            .collect();
        let userns =
            UsernsOptions::parse(a.userns.as_deref(), &a.userns_uid_map, &a.userns_gid_map)
                .context("--userns")?;
        let joins = [&a.pid, &a.ipc, &a.uts]
            .iter()
            .any(|m| m.as_deref().is_some_and(|m| m.starts_with("container:")));
        if !userns.is_default() && joins {
            bail!("--userns/--userns-uid-map cannot be combined with --pid, --ipc or --uts container:");
        }
        let mounts = UserMounts::parse(&a.volume, &[], &[])?;
        let namespaces =
            options::Namespaces::parse(a.pid.as_deref(), a.ipc.as_deref(), a.uts.as_deref())?;
        Ok(StepSettings {
            spec: SpecOptions {
                mounts,
                names,
                no_hosts: a.no_hosts,
                no_hostname: a.no_hostname,
                cap_add: a.cap_add.clone(),
                cap_drop: a.cap_drop.clone(),
                security: SecurityOptions::parse(&a.security_opt)?,
                ulimits: options::parse_each(&a.ulimit)?,
                devices: options::parse_each(&a.device)?,
                cpuset_cpus: a.cpuset_cpus.clone(),
                shm_size: a.shm_size.as_deref().map(options::parse_size).transpose()?,
                host_env: crate::container::flags::host_env(false, a.http_proxy),
                pid: namespaces.pid,
                ipc: namespaces.ipc,
                no_shm: namespaces.no_shm,
                uts: namespaces.uts,
                cgroupns_private: options::cgroupns_private(a.cgroupns.as_deref())?,
                userns,
                ..Default::default()
            },
            group_add: a.group_add.clone(),
            stdin: a.stdin,
            compat_volumes: a.compat_volumes.unwrap_or(false),
            ssh: ssh_sources(&a.ssh)?,
            warnings,
        })
    }
}

/// `--ssh default` (the agent of `$SSH_AUTH_SOCK`) or `--ssh ID=SOCKET`; a
/// key file needs an agent (`ssh-add` it, then `--ssh default`).
fn ssh_sources(list: &[String]) -> Result<Vec<(String, PathBuf)>> {
    use std::os::unix::fs::FileTypeExt;
    let mut out = Vec::new();
    for s in list {
        let (id, path) = match s.split_once('=') {
            Some((id, path)) if !id.is_empty() && !path.is_empty() => {
                (id.to_string(), PathBuf::from(path))
            }
            Some(_) => bail!("invalid --ssh {s:?}: default or ID=SOCKET"),
            None => {
                let sock = std::env::var_os("SSH_AUTH_SOCK")
                    .filter(|v| !v.is_empty())
                    .with_context(|| format!("--ssh {s}: SSH_AUTH_SOCK is not set (start ssh-agent, or give ID=SOCKET)"))?;
                (s.clone(), PathBuf::from(sock))
            }
        };
        let meta =
            std::fs::metadata(&path).with_context(|| format!("--ssh {s}: {}", path.display()))?;
        if !meta.file_type().is_socket() {
            bail!(
                "--ssh {s}: {} is not an agent's socket (for a key file, ssh-add it to an agent and use --ssh default)",
                path.display()
            );
        }
        if out.iter().any(|(i, _)| *i == id) {
            bail!("--ssh {s}: the id {id:?} is given twice");
        }
        out.push((
            id,
            std::path::absolute(&path).context("the current directory")?,
        ));
    }
    Ok(out)
}
