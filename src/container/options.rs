//! What the flags of `run` and `create` mean, as typed values: each parsed and
//! checked once, before anything is pulled, replaced or written. The CLI turns
//! its strings into these (`cli::run`); the API socket will build the same
//! values; the spec (`spec.rs`) is built from them and never parses a flag.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, Context, Error, Result};
use serde::{Deserialize, Serialize};

/// `--pull`: when the image is fetched from its registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PullPolicy {
    /// Only if no local image has the name (the default).
    #[default]
    Missing,
    Always,
    Never,
    /// podman's: pull if the registry has a newer image; the local one if it cannot be asked.
    Newer,
}

impl FromStr for PullPolicy {
    type Err = Error;
    fn from_str(s: &str) -> Result<PullPolicy> {
        match s {
            "missing" => Ok(PullPolicy::Missing),
            "always" => Ok(PullPolicy::Always),
            "never" => Ok(PullPolicy::Never),
            "newer" => Ok(PullPolicy::Newer),
            _ => bail!("invalid --pull {s:?}: expected missing, always, never or newer"),
        }
    }
}

/// Resources `--ulimit` knows (RLIMIT_ + the name in capitals).
const RESOURCES: &[&str] = &[
    "as",
    "core",
    "cpu",
    "data",
    "fsize",
    "locks",
    "memlock",
    "msgqueue",
    "nice",
    "nofile",
    "nproc",
    "rss",
    "rtprio",
    "rttime",
    "sigpending",
    "stack",
];

/// `--ulimit NAME=SOFT[:HARD]` (-1 or "unlimited": no limit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ulimit {
    /// "nofile", "nproc"...
    pub resource: String,
    pub soft: u64,
    pub hard: u64,
}

impl Ulimit {
    /// "RLIMIT_NOFILE": the OCI spec's name.
    pub fn rlimit_name(&self) -> String {
        format!("RLIMIT_{}", self.resource.to_ascii_uppercase())
    }
}

impl FromStr for Ulimit {
    type Err = Error;
    fn from_str(spec: &str) -> Result<Ulimit> {
        let (name, values) = spec
            .split_once('=')
            .with_context(|| format!("invalid ulimit {spec:?}: expected NAME=SOFT[:HARD]"))?;
        if !RESOURCES.contains(&name) {
            bail!("invalid ulimit {spec:?}: unknown resource {name:?}");
        }
        let parse = |s: &str| -> Result<u64> {
            if s == "-1" || s == "unlimited" {
                return Ok(u64::MAX);
            }
            s.parse()
                .with_context(|| format!("invalid ulimit {spec:?}: {s:?} is not a number"))
        };
        let (soft, hard) = match values.split_once(':') {
            Some((s, h)) => (parse(s)?, parse(h)?),
            None => (parse(values)?, parse(values)?),
        };
        if soft > hard {
            bail!("invalid ulimit {spec:?}: soft limit above hard limit");
        }
        Ok(Ulimit {
            resource: name.to_string(),
            soft,
            hard,
        })
    }
}

/// The seccomp filter `--security-opt seccomp=` asks for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Seccomp {
    /// docker's default profile (unless `--privileged`).
    #[default]
    Default,
    Unconfined,
    /// A docker-format profile file.
    Profile(PathBuf),
}

/// `--security-opt`s: seccomp=unconfined|FILE, no-new-privileges[=true|false]
/// (the last one counts); label= and apparmor= are accepted and mean nothing here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SecurityOptions {
    pub seccomp: Seccomp,
    /// Off by default, as in docker and podman, so that set-id programs in images work.
    pub no_new_privileges: bool,
}

impl SecurityOptions {
    pub fn parse(opts: &[String]) -> Result<SecurityOptions> {
        let mut out = SecurityOptions::default();
        for o in opts {
            match o.split_once(['=', ':']) {
                Some(("seccomp", "unconfined")) => out.seccomp = Seccomp::Unconfined,
                Some(("seccomp", file)) => {
                    if !Path::new(file).is_file() {
                        bail!("invalid --security-opt {o:?}: no seccomp profile file {file}");
                    }
                    out.seccomp = Seccomp::Profile(file.into());
                }
                Some(("no-new-privileges", "true")) => out.no_new_privileges = true,
                Some(("no-new-privileges", "false")) => out.no_new_privileges = false,
                None if o == "no-new-privileges" => out.no_new_privileges = true,
                Some(("label", _)) | Some(("apparmor", _)) => {}
                _ => bail!("invalid --security-opt {o:?}: expected seccomp=unconfined|FILE, no-new-privileges, label=..., apparmor=..."),
            }
        }
        Ok(out)
    }
}

/// `--log-opt max-size=SIZE` (10m, 1g, 500k or bytes); other options are refused.
pub fn log_max_size(opts: &[String]) -> Result<Option<u64>> {
    let mut max = None;
    for o in opts {
        match o.split_once('=') {
            Some(("max-size", v)) => max = Some(parse_size(v)?),
            _ => bail!("unsupported --log-opt {o:?}: husk knows max-size=SIZE"),
        }
    }
    Ok(max)
}

/// "10m" -> 10 MiB; k, m, g (either case, an optional trailing b), or bytes.
pub fn parse_size(v: &str) -> Result<u64> {
    let t = v.trim().to_ascii_lowercase();
    let t = t.strip_suffix('b').unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: f64 = num
        .parse()
        .with_context(|| format!("invalid size {v:?}: use e.g. 10m"))?;
    if n <= 0.0 {
        bail!("invalid size {v:?}: it must be more than 0");
    }
    Ok((n * mult as f64) as u64)
}

/// `--tz`: `local` (the host's /etc/localtime) or a zone of the host's
/// /usr/share/zoneinfo (`Europe/Paris`, `UTC`), bound at /etc/localtime.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeZone {
    Local,
    Zone(String),
}

/// Where the host keeps its time zones.
const ZONEINFO: &str = "/usr/share/zoneinfo";

impl TimeZone {
    /// The host file the container's /etc/localtime is.
    pub fn file(&self) -> PathBuf {
        match self {
            TimeZone::Local => PathBuf::from("/etc/localtime"),
            TimeZone::Zone(z) => Path::new(ZONEINFO).join(z),
        }
    }
}

impl FromStr for TimeZone {
    type Err = Error;
    fn from_str(s: &str) -> Result<TimeZone> {
        let tz = match s {
            "local" => TimeZone::Local,
            z if z.is_empty()
                || z.starts_with('/')
                || z.split('/').any(|c| c.is_empty() || c == "." || c == "..") =>
            {
                bail!("invalid --tz {s:?}: local, or a zone such as Europe/Paris")
            }
            z => TimeZone::Zone(z.to_string()),
        };
        if !tz.file().is_file() {
            bail!(
                "invalid --tz {s:?}: no time zone {} on this machine",
                tz.file().display()
            );
        }
        Ok(tz)
    }
}

/// `--entrypoint`: a command (one word; "" for none), or podman's JSON array
/// form (`["/bin/sh", "-c"]`).
pub fn parse_entrypoint(s: &str) -> Result<Vec<String>> {
    if s.is_empty() {
        return Ok(Vec::new());
    }
    if s.trim_start().starts_with('[') {
        return serde_json::from_str(s)
            .with_context(|| format!("invalid --entrypoint {s:?}: a JSON array of strings"));
    }
    Ok(vec![s.to_string()])
}

/// `--device HOST[:CONTAINER[:PERMISSIONS]]`: a host device node bound into
/// the container. Rootless, the node is the host's own and no device cgroup
/// can narrow it: the user must be able to open it for reading and writing,
/// and permissions other than `rw`/`rwm` (which could not be enforced) are refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceMapping {
    pub host: PathBuf,
    pub container: PathBuf,
}

impl FromStr for DeviceMapping {
    type Err = Error;
    fn from_str(spec: &str) -> Result<DeviceMapping> {
        let parts: Vec<&str> = spec.split(':').collect();
        let is_perms = |p: &str| !p.is_empty() && p.chars().all(|c| "rwm".contains(c));
        let (host, container, perms) = match parts.as_slice() {
            [h] => (*h, *h, "rwm"),
            [h, p] if is_perms(p) => (*h, *h, *p),
            [h, c] => (*h, *c, "rwm"),
            [h, c, p] => (*h, *c, *p),
            _ => bail!("invalid --device {spec:?}: expected HOST[:CONTAINER[:PERMISSIONS]]"),
        };
        if !host.starts_with('/') || !container.starts_with('/') {
            bail!("invalid --device {spec:?}: the paths must be absolute");
        }
        if !is_perms(perms) {
            bail!("invalid --device {spec:?}: permissions are letters of rwm");
        }
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::metadata(host)
            .with_context(|| format!("--device {host}"))?
            .file_type();
        if !kind.is_char_device() && !kind.is_block_device() {
            bail!("--device {host}: not a device node");
        }
        if !perms.contains('r') || !perms.contains('w') {
            bail!(
                "--device {spec}: permissions {perms:?} cannot be enforced rootless (no device cgroup): give rw or rwm"
            );
        }
        let mode = nix::unistd::AccessFlags::R_OK | nix::unistd::AccessFlags::W_OK;
        if let Err(e) = nix::unistd::access(host, mode) {
            bail!(
                "--device {host}: {e}: rootless, a container gets the host's node, which your user must be allowed to open"
            );
        }
        Ok(DeviceMapping {
            host: host.into(),
            container: container.into(),
        })
    }
}

/// `--pid`, `--ipc`, `--uts`: a namespace of the container's own (the
/// default), the host's, or another container's (joined when it starts).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum NamespaceMode {
    #[default]
    Private,
    Host,
    /// `container:NAME`: that running container's namespace.
    Container(String),
}

impl NamespaceMode {
    /// `flag`'s value: `private` (docker's ipc `shareable` is the same here),
    /// `host` or `container:NAME`.
    pub fn parse(flag: &str, v: &str) -> Result<NamespaceMode> {
        Ok(match v {
            "host" => NamespaceMode::Host,
            "" | "private" => NamespaceMode::Private,
            "shareable" if flag == "--ipc" => NamespaceMode::Private,
            _ => match v.strip_prefix("container:") {
                Some(name) if !name.is_empty() => NamespaceMode::Container(name.to_string()),
                _ => bail!("invalid {flag} {v:?}: private, host or container:NAME"),
            },
        })
    }

    /// The container whose namespace it joins.
    pub fn container(&self) -> Option<&str> {
        match self {
            NamespaceMode::Container(c) => Some(c),
            _ => None,
        }
    }
}

/// `--umask`: octal, at most 0777.
pub fn parse_umask(s: &str) -> Result<u32> {
    match u32::from_str_radix(s, 8) {
        Ok(m) if m <= 0o777 => Ok(m),
        _ => bail!("invalid --umask {s:?}: an octal mode such as 0022"),
    }
}

/// `--oom-score-adj`: -1000 to 1000.
pub fn parse_oom_score_adj(n: i32) -> Result<i32> {
    if !(-1000..=1000).contains(&n) {
        bail!("invalid --oom-score-adj {n}: between -1000 and 1000");
    }
    Ok(n)
}

/// `--label-file FILE`: KEY=VALUE lines (blank ones and `#` comments skipped).
pub fn label_file(path: &Path) -> Result<Vec<String>> {
    entry_lines(path, "the label file")
}

/// The lines of an env or label file (`what`), trimmed, without blank
/// lines and `#` comments.
pub fn entry_lines(path: &Path, what: &str) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading {what} {}", path.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect())
}

/// Each of `values` parsed as a `T` (the first error stops).
pub fn parse_each<T: FromStr<Err = Error>>(values: &[String]) -> Result<Vec<T>> {
    values.iter().map(|v| v.parse()).collect()
}

/// `--init-path`: an absolute path to an executable regular file.
pub fn init_binary(path: &Path) -> Result<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let full = std::fs::canonicalize(path)
        .with_context(|| format!("--init-path {}: no such file", path.display()))?;
    let meta =
        std::fs::metadata(&full).with_context(|| format!("--init-path {}", path.display()))?;
    if !meta.is_file() || meta.permissions().mode() & 0o111 == 0 {
        bail!("--init-path {}: not an executable file", path.display());
    }
    Ok(full)
}

/// `--preserve-fds N`: fds 3..3+N must be open in this process.
pub fn preserved_fds(n: u32) -> Result<u32> {
    let last = 3 + i64::from(n);
    if last > 1024 {
        bail!("--preserve-fds {n}: too many");
    }
    for fd in 3..last {
        // SAFETY: fcntl(F_GETFD) only asks about an fd number.
        if unsafe { libc::fcntl(fd as i32, libc::F_GETFD) } == -1 {
            bail!("--preserve-fds {n}: fd {fd} is not open");
        }
    }
    Ok(n)
}

/// `--annotation KEY=VALUE`: an annotation of the container's OCI spec (husk's
/// own `io.husk.` keys are not the user's to set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub key: String,
    pub value: String,
}

impl FromStr for Annotation {
    type Err = Error;
    fn from_str(s: &str) -> Result<Annotation> {
        let Some((key, value)) = s.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            bail!("invalid --annotation {s:?}: KEY=VALUE");
        };
        if key.starts_with("io.husk.") {
            bail!("invalid --annotation {s:?}: io.husk. keys are husk's own");
        }
        Ok(Annotation {
            key: key.to_string(),
            value: value.to_string(),
        })
    }
}

/// `--personality`: the process's execution domain (LINUX32: `uname -m` says i686).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Personality {
    Linux,
    Linux32,
}

impl Personality {
    /// The name the OCI spec gives it.
    pub fn domain(self) -> &'static str {
        match self {
            Personality::Linux => "LINUX",
            Personality::Linux32 => "LINUX32",
        }
    }
}

impl FromStr for Personality {
    type Err = Error;
    fn from_str(s: &str) -> Result<Personality> {
        match s.to_ascii_uppercase().as_str() {
            "LINUX" => Ok(Personality::Linux),
            "LINUX32" => Ok(Personality::Linux32),
            _ => bail!("invalid --personality {s:?}: LINUX or LINUX32"),
        }
    }
}

/// `--systemd`: podman's systemd mode (tmpfs on /run, /run/lock, /tmp and
/// /var/log/journal, `container=podman`, stop signal SIGRTMIN+3).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SystemdMode {
    /// When the command is an init (systemd, /sbin/init): podman's default.
    #[default]
    True,
    False,
    Always,
}

impl SystemdMode {
    /// Whether a container running `args` gets it.
    pub fn applies(self, args: &[String]) -> bool {
        const INITS: [&str; 4] = [
            "/sbin/init",
            "/usr/sbin/init",
            "/usr/local/sbin/init",
            "/lib/systemd/systemd",
        ];
        match self {
            SystemdMode::Always => true,
            SystemdMode::False => false,
            SystemdMode::True => args.first().is_some_and(|a| {
                INITS.contains(&a.as_str()) || a.ends_with("/systemd") || a == "systemd"
            }),
        }
    }
}

impl FromStr for SystemdMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<SystemdMode> {
        Ok(match s {
            "true" => SystemdMode::True,
            "false" => SystemdMode::False,
            "always" => SystemdMode::Always,
            _ => bail!("invalid --systemd {s:?}: true, false or always"),
        })
    }
}

/// `--image-volume`: what each VOLUME of the image gets (podman's).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImageVolume {
    /// An anonymous volume (podman's `bind`, docker's behaviour).
    #[default]
    Anonymous,
    Tmpfs,
    Ignore,
}

impl FromStr for ImageVolume {
    type Err = Error;
    fn from_str(s: &str) -> Result<ImageVolume> {
        Ok(match s {
            "bind" | "anonymous" => ImageVolume::Anonymous,
            "tmpfs" => ImageVolume::Tmpfs,
            "ignore" => ImageVolume::Ignore,
            _ => bail!("invalid --image-volume {s:?}: bind, tmpfs or ignore"),
        })
    }
}

/// What run/create asked for that shapes a container's process and
/// namespaces, kept typed in its record as given (inspect shows it; records
/// of husk before 2026-12 have none). The spec holds the same in OCI's terms.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProcessOptions {
    /// `-u`, as given (the spec has the ids it resolved to).
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub group_add: Vec<String>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub devices: Vec<DeviceMapping>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub ulimits: Vec<Ulimit>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub security: SecurityOptions,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub cap_add: Vec<String>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub cap_drop: Vec<String>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub privileged: bool,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub read_only: bool,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub pid: NamespaceMode,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub ipc: NamespaceMode,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub uts: NamespaceMode,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub stop_signal: Option<super::lifecycle::SignalNo>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub shm_size: Option<u64>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub umask: Option<u32>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub oom_score_adj: Option<i32>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub tz: Option<TimeZone>,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub init: bool,
    #[serde(skip_serializing_if = "crate::store::is_default")]
    pub init_path: Option<PathBuf>,
}

impl ProcessOptions {
    /// The record's copy of `spec`'s options, with the user and groups asked for.
    pub fn of(spec: &super::SpecOptions, user: Option<String>, group_add: Vec<String>) -> Self {
        ProcessOptions {
            user,
            group_add,
            devices: spec.devices.clone(),
            ulimits: spec.ulimits.clone(),
            security: spec.security.clone(),
            cap_add: spec.cap_add.clone(),
            cap_drop: spec.cap_drop.clone(),
            privileged: spec.privileged,
            read_only: spec.read_only,
            pid: spec.pid.clone(),
            ipc: spec.ipc.clone(),
            uts: spec.uts.clone(),
            stop_signal: spec.stop_signal,
            shm_size: spec.shm_size,
            umask: spec.umask,
            oom_score_adj: spec.oom_score_adj,
            tz: spec.tz.clone(),
            init: spec.init,
            init_path: spec.init_path.clone(),
        }
    }
}

/// `--pid`, `--ipc` and `--uts`, parsed (`--ipc none`: a private namespace
/// without /dev/shm).
pub struct Namespaces {
    pub pid: NamespaceMode,
    pub ipc: NamespaceMode,
    pub no_shm: bool,
    pub uts: NamespaceMode,
}

impl Namespaces {
    pub fn parse(pid: Option<&str>, ipc: Option<&str>, uts: Option<&str>) -> Result<Namespaces> {
        Ok(Namespaces {
            pid: NamespaceMode::parse("--pid", pid.unwrap_or(""))?,
            ipc: match ipc {
                Some("none") => NamespaceMode::Private,
                v => NamespaceMode::parse("--ipc", v.unwrap_or(""))?,
            },
            no_shm: ipc == Some("none"),
            uts: NamespaceMode::parse("--uts", uts.unwrap_or(""))?,
        })
    }
}

/// `--cgroupns`: whether the container gets a cgroup namespace of its own.
pub fn cgroupns_private(mode: Option<&str>) -> Result<bool> {
    Ok(match mode {
        None | Some("host") => false,
        Some("private") => true,
        Some(c) if c.starts_with("container:") || c.starts_with("ns:") => bail!(
            "--cgroupns {c}: husk's containers have no cgroups of their own, so there is no other cgroup namespace to join (host or private)"
        ),
        Some(c) => bail!("invalid --cgroupns {c:?}: host or private"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulimits() {
        let u: Ulimit = "nofile=1024:2048".parse().unwrap();
        assert_eq!(
            (u.soft, u.hard, u.rlimit_name()),
            (1024, 2048, "RLIMIT_NOFILE".into())
        );
        let u: Ulimit = "core=-1".parse().unwrap();
        assert_eq!((u.soft, u.hard), (u64::MAX, u64::MAX));
        for bad in ["nofile", "bogus=1", "nofile=x", "nofile=10:5"] {
            assert!(bad.parse::<Ulimit>().is_err(), "{bad}");
        }
    }

    #[test]
    fn security_options() {
        let s = |o: &[&str]| {
            SecurityOptions::parse(&o.iter().map(|x| x.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(s(&[]).unwrap(), SecurityOptions::default());
        let o = s(&["seccomp=unconfined", "no-new-privileges", "label=disable"]).unwrap();
        assert_eq!(o.seccomp, Seccomp::Unconfined);
        assert!(o.no_new_privileges);
        assert!(
            !s(&["no-new-privileges", "no-new-privileges:false"])
                .unwrap()
                .no_new_privileges
        );
        assert!(s(&["seccomp=/no/such/profile.json"]).is_err());
        assert!(s(&["bogus"]).is_err());
    }

    #[test]
    fn pull_policies() {
        assert_eq!("never".parse::<PullPolicy>().unwrap(), PullPolicy::Never);
        assert!("sometimes".parse::<PullPolicy>().is_err());
    }

    #[test]
    fn sizes_zones_umasks() {
        assert_eq!(parse_size("64m").unwrap(), 64 << 20);
        assert_eq!(parse_size("1g").unwrap(), 1 << 30);
        assert!(parse_size("0").is_err() && parse_size("x").is_err());
        assert_eq!(
            "UTC".parse::<TimeZone>().unwrap(),
            TimeZone::Zone("UTC".into())
        );
        for bad in ["../../etc/passwd", "/etc/passwd", "Nowhere/Special", ""] {
            assert!(bad.parse::<TimeZone>().is_err(), "{bad}");
        }
        assert_eq!(parse_umask("0027").unwrap(), 0o27);
        assert_eq!(
            parse_entrypoint(r#"["/bin/sh", "-c"]"#).unwrap(),
            ["/bin/sh", "-c"]
        );
        assert_eq!(parse_entrypoint("ls").unwrap(), ["ls"]);
        assert!(parse_entrypoint("").unwrap().is_empty() && parse_entrypoint("[1]").is_err());
        assert!(parse_umask("0999").is_err() && parse_umask("01000").is_err());
        assert!(parse_oom_score_adj(1001).is_err());
    }
}
