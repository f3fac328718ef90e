//! The OCI runtime spec (config.json) of a container, from the image's config
//! and the options of `husk run` / `husk create`, the way docker combines them.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::Spec;
use serde_json::{json, Value};

use super::mounts::{self, BindMount, TmpfsMount, UserMounts};
use super::options::{self, NamespaceMode, SecurityOptions, Ulimit};
use super::user::User;
use crate::network::NetworkMode;
use crate::runtime::{caps, seccomp};

/// Annotation keys husk keeps in the spec.
pub const ANNOTATION_INIT: &str = "io.husk.init";
pub const ANNOTATION_STOP_SIGNAL: &str = "io.husk.stop-signal";
/// "default": docker's seccomp profile for the process's bounding set, which the
/// spec does not carry (see `runtime::seccomp::filter_for`).
pub const ANNOTATION_SECCOMP: &str = "io.husk.seccomp";
/// `--pid`, `--ipc`, `--uts container:NAME`: whose namespace it joins (its path is
/// known once that container runs: `monitor::launch` sets it when this one starts).
pub const ANNOTATION_JOIN: [(&str, oci_spec::runtime::LinuxNamespaceType); 3] = [
    (
        "io.husk.pid-container",
        oci_spec::runtime::LinuxNamespaceType::Pid,
    ),
    (
        "io.husk.ipc-container",
        oci_spec::runtime::LinuxNamespaceType::Ipc,
    ),
    (
        "io.husk.uts-container",
        oci_spec::runtime::LinuxNamespaceType::Uts,
    ),
];
/// With `--ipc container:NAME`: that container's mount namespace, whose /dev/shm
/// this one's becomes (set at start, as the namespaces' paths).
pub const ANNOTATION_SHM_FROM: &str = "io.husk.shm-from";
/// A pod's infra container: its process is husk's own pause
/// (`runtime::process`), not a command of an image.
pub const ANNOTATION_PAUSE: &str = "io.husk.pause";

const DEFAULT_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// podman's masked and read-only /proc and /sys paths.
pub const MASKED_PATHS: &[&str] = &[
    "/proc/acpi",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/proc/interrupts",
    "/sys/firmware",
    "/sys/fs/selinux",
    "/sys/dev/block",
];
pub const READONLY_PATHS: &[&str] = &[
    "/proc/asound",
    "/proc/bus",
    "/proc/fs",
    "/proc/irq",
    "/proc/sys",
    "/proc/sysrq-trigger",
];

/// Host devices every container gets.
pub const DEVICES: &[&str] = &[
    "/dev/null",
    "/dev/zero",
    "/dev/full",
    "/dev/random",
    "/dev/urandom",
    "/dev/tty",
];

/// Where `--init-path`'s binary is bound in the container.
const EXTERNAL_INIT: &str = "/run/husk-init";

/// /dev/shm's size without `--shm-size` (docker's and podman's 64 MiB).
pub const DEFAULT_SHM_SIZE: u64 = 64 << 20;

/// The options of a container that shape its spec.
#[derive(Debug, Default, Clone)]
pub struct SpecOptions {
    pub args: Vec<String>,
    /// `--entrypoint`: the words that replace the image's (none: empty).
    pub entrypoint: Option<Vec<String>>,
    pub env: Vec<String>,
    /// `--env-host`'s and `--http-proxy`'s variables of the host, under `--env-file` and `-e`.
    pub host_env: Vec<String>,
    pub env_files: Vec<PathBuf>,
    /// `--unsetenv`: variables of the image and husk's defaults left out.
    pub unsetenv: Vec<String>,
    /// `--unsetenv-all`: none of the image's variables or husk's defaults.
    pub unsetenv_all: bool,
    /// `--env-merge NAME=VALUE`: VALUE with `${NAME}`s replaced by the values so far.
    pub env_merge: Vec<String>,
    pub workdir: Option<String>,
    pub hostname: Option<String>,
    /// The user's `-v`, `--tmpfs` and `--mount` (the record keeps them too).
    pub mounts: UserMounts,
    /// husk's own bind: systemd's notify socket for `--sdnotify=container`.
    pub notify_socket: Option<BindMount>,
    pub read_only: bool,
    /// `--systemd`: when the command is an init, run it as podman's systemd mode does.
    pub systemd: options::SystemdMode,
    /// `--chrootdirs`: directories inside that get /etc/hosts, hostname and resolv.conf too.
    pub chroot_dirs: Vec<PathBuf>,
    /// `--domainname`: the NIS domain name of its UTS namespace.
    pub domainname: Option<String>,
    /// `--personality`: the execution domain of its process.
    pub personality: Option<options::Personality>,
    /// `--expose`: ports `-P` publishes with the image's.
    pub expose: Vec<(u16, crate::network::ports::Protocol)>,
    /// `--annotation`s of the spec.
    pub annotations: Vec<options::Annotation>,
    /// `--image-volume`: what the image's VOLUMEs get.
    pub image_volume: options::ImageVolume,
    /// With `read_only`: writable tmpfs on /run, /tmp and /var/tmp (podman's default).
    pub read_only_tmpfs: bool,
    /// `--no-hosts`: the image's /etc/hosts stays (no generated one is bound).
    pub no_hosts: bool,
    /// `husk build --no-hostname`: the image's /etc/hostname stays.
    pub no_hostname: bool,
    pub network: crate::network::NetworkSettings,
    /// `-P`: the image's exposed ports are published too.
    pub publish_all: bool,
    /// `--add-host`, `--dns`, `--dns-search`, `--dns-option`.
    pub names: crate::network::NameOptions,
    pub cap_add: Vec<String>,
    pub cap_drop: Vec<String>,
    pub privileged: bool,
    pub security: SecurityOptions,
    pub ulimits: Vec<Ulimit>,
    /// `--cpuset-cpus`: the CPUs the container may run on ("0-3", "0,2").
    pub cpuset_cpus: Option<String>,
    pub tty: bool,
    pub init: bool,
    /// A pod's infra container: husk's own pause, not a command (`ANNOTATION_PAUSE`).
    pub pause: bool,
    /// `--init-path`: with `init`, this binary is bound at /run/husk-init and runs
    /// the command (`/run/husk-init -- CMD…`) instead of husk's own init.
    pub init_path: Option<PathBuf>,
    /// `--stop-signal`: what `husk stop` sends first (else the image's StopSignal, else SIGTERM).
    pub stop_signal: Option<super::lifecycle::SignalNo>,
    /// `--shm-size`: bytes of /dev/shm (else 64 MiB).
    pub shm_size: Option<u64>,
    /// `--shm-size-systemd`: the size of systemd mode's tmpfs mounts.
    pub shm_size_systemd: Option<u64>,
    /// `--umask` of the container's process (else 0022).
    pub umask: Option<u32>,
    /// `--oom-score-adj`.
    pub oom_score_adj: Option<i32>,
    /// `--tz`: the container's time zone.
    pub tz: Option<options::TimeZone>,
    /// `--device`s.
    pub devices: Vec<options::DeviceMapping>,
    /// `--pid`, `--ipc` (`none`: no /dev/shm), `--uts`.
    pub pid: options::NamespaceMode,
    pub ipc: options::NamespaceMode,
    pub no_shm: bool,
    pub uts: options::NamespaceMode,
    /// `--cgroupns private`: a cgroup namespace of its own.
    pub cgroupns_private: bool,
    /// `--userns`, `--uidmap`, `--gidmap`.
    pub userns: crate::userns::idmap::UsernsOptions,
}

/// The command: docker's Entrypoint/Cmd rules.
pub fn command(image_config: &Value, opts: &SpecOptions) -> Result<Vec<String>> {
    let (entrypoint, cmd) = command_parts(image_config, opts);
    let all: Vec<String> = entrypoint.into_iter().chain(cmd).collect();
    if all.is_empty() {
        bail!("no command specified: the image has no Cmd or Entrypoint; give one after the image name");
    }
    Ok(all)
}

/// The entrypoint and the arguments after it (inspect's `Config.Entrypoint` and `Config.Cmd`).
pub fn command_parts(image_config: &Value, opts: &SpecOptions) -> (Vec<String>, Vec<String>) {
    let strings = crate::build::stage::strings;
    let (entrypoint, cmd) = match &opts.entrypoint {
        // --entrypoint replaces the image's and drops its Cmd.
        Some(ep) => (ep.clone(), opts.args.clone()),
        None => {
            let cmd = if opts.args.is_empty() {
                strings(image_config.get("Cmd"))
            } else {
                opts.args.clone()
            };
            (strings(image_config.get("Entrypoint")), cmd)
        }
    };
    (entrypoint, cmd)
}

/// Set `NAME=VALUE` in `env`, replacing an earlier NAME; `NAME` alone takes the
/// value from husk's own environment, if it has one (docker's `-e NAME`).
pub fn set_env(env: &mut Vec<(String, String)>, entry: &str) {
    let (k, v) = match entry.split_once('=') {
        Some((k, v)) => (k.to_string(), v.to_string()),
        None => match std::env::var(entry) {
            Ok(v) => (entry.to_string(), v),
            Err(_) => return,
        },
    };
    env.retain(|(key, _)| *key != k);
    env.push((k, v));
}

/// The entries of an `--env-file`: NAME=VALUE (or NAME) lines; blank lines and
/// `#` comments skipped.
pub fn env_file(file: &Path) -> Result<Vec<String>> {
    options::entry_lines(file, "env file")
}

/// The environment: the image's (less --unsetenv's), then --env-file, then -e
/// (later ones win), plus PATH, HOSTNAME, HOME, TERM; then --env-merge.
pub fn environment(
    image_config: &Value,
    opts: &SpecOptions,
    hostname: &str,
    home: &str,
) -> Result<Vec<String>> {
    let mut env: Vec<(String, String)> = Vec::new();
    let unset = |k: &str| opts.unsetenv_all || opts.unsetenv.iter().any(|u| u == k);
    if let Some(list) = image_config.get("Env").and_then(Value::as_array) {
        list.iter()
            .filter_map(Value::as_str)
            .filter(|e| !unset(e.split('=').next().unwrap_or(e)))
            .for_each(|e| set_env(&mut env, e));
    }
    let mut set = |entry: &str| set_env(&mut env, entry);
    opts.host_env.iter().for_each(|e| set(e));
    for file in &opts.env_files {
        env_file(file)?.iter().for_each(|e| set(e));
    }
    opts.env.iter().for_each(|e| set(e));
    let mut defaults = vec![
        ("PATH", DEFAULT_PATH.to_string()),
        ("HOSTNAME", hostname.to_string()),
        ("HOME", home.to_string()),
    ];
    if opts.tty {
        defaults.push(("TERM", "xterm".to_string()));
    }
    for (k, v) in defaults {
        if !unset(k) && !env.iter().any(|(key, _)| key == k) {
            env.push((k.to_string(), v));
        }
    }
    for merge in &opts.env_merge {
        let merged = merge_env(&env, merge)?;
        set_env(&mut env, &merged);
    }
    Ok(env.into_iter().map(|(k, v)| format!("{k}={v}")).collect())
}

/// `--env-merge NAME=VALUE`: VALUE with each `${VAR}` replaced by VAR's value in
/// `env` (empty if unset), as podman does: `PATH=/opt/bin:${PATH}`.
fn merge_env(env: &[(String, String)], merge: &str) -> Result<String> {
    let Some((name, mut rest)) = merge.split_once('=') else {
        bail!("invalid --env-merge {merge:?}: NAME=VALUE");
    };
    let mut out = format!("{name}=");
    while let Some(at) = rest.find("${") {
        out.push_str(&rest[..at]);
        let Some(end) = rest[at..].find('}') else {
            bail!("invalid --env-merge {merge:?}: a ${{ without its }}");
        };
        let var = &rest[at + 2..at + end];
        if let Some((_, v)) = env.iter().find(|(k, _)| k == var) {
            out.push_str(v);
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `-v` as the spec's bind mount; `-v SRC:DST:O` as an overlay over SRC whose
/// upper and work directories are the container's `overlay/N/` (`n`: the
/// bind's index; made afresh at each start by `monitor::launch`).
fn bind_mount(v: &BindMount, container_dir: &Path, n: usize) -> Result<Value> {
    if !v.options.iter().any(|o| o == mounts::OVERLAY) {
        let options = mounts::bind_options(&v.options);
        return Ok(
            json!({"destination": v.destination, "type": "bind", "source": v.source, "options": options}),
        );
    }
    let src = v.source.display().to_string();
    if src.contains([':', ',']) {
        bail!("-v {src}:...:O: an overlay cannot take a path with ':' or ','");
    }
    let dir = container_dir.join(OVERLAY_DIR).join(n.to_string());
    let mut options = vec![
        format!("lowerdir={src}"),
        format!("upperdir={}", dir.join("upper").display()),
        format!("workdir={}", dir.join("work").display()),
        "userxattr".to_string(),
    ];
    options.extend(v.options.iter().filter(|o| *o != mounts::OVERLAY).cloned());
    Ok(
        json!({"destination": v.destination, "type": "overlay", "source": "overlay", "options": options}),
    )
}

/// Where the upper and work directories of a container's overlay volumes are.
pub const OVERLAY_DIR: &str = "overlay";

/// `--tmpfs` as the spec's mount: husk's defaults, then the options given.
fn tmpfs_mount(t: &TmpfsMount) -> Value {
    let mut options: Vec<String> = vec![
        "rw".into(),
        "noexec".into(),
        "nosuid".into(),
        "nodev".into(),
    ];
    options.extend(t.options.iter().cloned());
    json!({"destination": t.destination, "type": "tmpfs", "source": "tmpfs", "options": options})
}

/// A writable tmpfs at each of `dirs` (path, mode) that no mount of `mounts`
/// covers (of `size` bytes if given and not 0).
fn add_tmpfs_unless_mounted(mounts: &mut Vec<Value>, dirs: &[(&str, &str)], size: Option<u64>) {
    for (dst, mode) in dirs {
        let taken = |m: &Value| {
            m["destination"]
                .as_str()
                .is_some_and(|d| Path::new(d) == Path::new(dst))
        };
        if !mounts.iter().any(taken) {
            let mut options = vec!["rw".to_string(), "nosuid".into(), "nodev".into()];
            options.push(format!("mode={mode}"));
            options.extend(size.filter(|s| *s > 0).map(|s| format!("size={s}")));
            mounts.push(
                json!({"destination": dst, "type": "tmpfs", "source": "tmpfs", "options": options}),
            );
        }
    }
}

/// `--ulimit` as the spec's rlimit.
fn rlimit(u: &Ulimit) -> Value {
    json!({"type": u.rlimit_name(), "soft": u.soft, "hard": u.hard})
}

/// The seccomp choice: docker's default profile (named by an annotation, not
/// spelled out: expanding it costs every `run` a quarter of a millisecond),
/// unconfined (None), or a profile file (the seccomp section).
enum Seccomp {
    Default,
    Profile(Value),
}

fn seccomp_choice(opts: &SpecOptions, caps: &HashSet<String>) -> Result<Option<Seccomp>> {
    Ok(match &opts.security.seccomp {
        options::Seccomp::Unconfined => None,
        options::Seccomp::Default if opts.privileged => None,
        options::Seccomp::Default => Some(Seccomp::Default),
        options::Seccomp::Profile(file) => {
            let profile = seccomp::profile_from_file(file, caps)?;
            Some(Seccomp::Profile(
                serde_json::to_value(profile).context("seccomp profile")?,
            ))
        }
    })
}

/// podman's file that tells a program it runs in a container (and which).
pub const CONTAINERENV: &str = "/run/.containerenv";

/// Everything known when the spec is built.
pub struct SpecInputs<'a> {
    pub image_config: &'a Value,
    pub opts: &'a SpecOptions,
    /// The spec's mounts of `opts.mounts.volumes` (`volume::spec_mount`).
    pub volumes: Vec<Value>,
    pub user: &'a User,
    pub hostname: &'a str,
    /// The container's directory (its bind mounts' files, `passwd`, `group`).
    pub container_dir: &'a Path,
    /// Where /etc/hosts, /etc/hostname, /etc/resolv.conf, /run/.containerenv
    /// and /.dockerenv are made (`container::run_dir`).
    pub run_dir: &'a Path,
    /// Whether gid 5 (tty) is mapped (for devpts's gid option).
    pub tty_gid_mapped: bool,
    /// The container's own id map (`--userns`, `--uidmap`): a user namespace of its own.
    pub idmap: Option<&'a crate::userns::idmap::ContainerIdMap>,
    /// The container's directory has `passwd` and `group` (accounts added): bound over the image's.
    pub accounts: bool,
}

/// An id map as the spec's `uidMappings`/`gidMappings`.
fn id_mappings(ranges: &[crate::userns::IdRange]) -> Value {
    ranges
        .iter()
        .map(|r| json!({"containerID": r.container, "hostID": r.host, "size": r.size}))
        .collect()
}

/// Build the spec.
pub fn build(inputs: &SpecInputs<'_>) -> Result<Spec> {
    let opts = inputs.opts;
    let cfg = inputs.image_config.get("config").unwrap_or(&Value::Null);
    let mut args = command(cfg, opts)?;
    let external_init = opts.init_path.as_ref().filter(|_| opts.init);
    if external_init.is_some() {
        args.splice(0..0, [EXTERNAL_INIT.to_string(), "--".to_string()]);
    }
    let mut env = environment(cfg, opts, inputs.hostname, &inputs.user.home)?;
    let systemd = opts.systemd.applies(&args);
    if systemd {
        // What systemd looks for to know it runs in a container (podman's values).
        env.push("container=podman".to_string());
    }
    let cwd = opts
        .workdir
        .clone()
        .or_else(|| {
            cfg.get("WorkingDir")
                .and_then(Value::as_str)
                .filter(|w| !w.is_empty())
                .map(String::from)
        })
        .unwrap_or_else(|| "/".into());
    if !cwd.starts_with('/') {
        bail!("the working directory {cwd:?} is not an absolute path");
    }
    let capset = caps::resolve(opts.privileged, &opts.cap_add, &opts.cap_drop)?;
    let mut capvec: Vec<&String> = capset.iter().collect();
    capvec.sort();
    // A non-root user keeps the bounding set but no effective capabilities, as in docker.
    let effective: Vec<&String> = if inputs.user.uid == 0 {
        capvec.clone()
    } else {
        vec![]
    };
    let rlimits: Vec<Value> = opts.ulimits.iter().map(rlimit).collect();

    let mut mounts = vec![
        // procfs can only be mounted by the owner of the pid namespace: the host's is bound.
        match &opts.pid {
            NamespaceMode::Host => {
                json!({"destination": "/proc", "type": "bind", "source": "/proc", "options": ["rbind", "nosuid", "noexec", "nodev"]})
            }
            _ => {
                json!({"destination": "/proc", "type": "proc", "source": "proc", "options": ["nosuid", "noexec", "nodev"]})
            }
        },
        json!({"destination": "/dev", "type": "tmpfs", "source": "tmpfs", "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]}),
        json!({"destination": "/dev/pts", "type": "devpts", "source": "devpts", "options":
            if inputs.tty_gid_mapped { json!(["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]) }
            else { json!(["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"]) }}),
    ];
    // /dev/shm: its own, the host's (--ipc host), or none (--ipc none).
    match &opts.ipc {
        // Its /dev/shm is the other container's (`rootfs::setup`, by ANNOTATION_SHM_FROM).
        NamespaceMode::Container(_) => {
            mounts.push(json!({"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": ["nosuid", "noexec", "nodev"]}));
        }
        NamespaceMode::Host => {
            mounts.push(json!({"destination": "/dev/shm", "type": "bind", "source": "/dev/shm", "options": ["rbind", "nosuid", "noexec", "nodev"]}));
            // Only the owner of an IPC namespace may mount mqueue: the host's, if it has one.
            if Path::new("/dev/mqueue").is_dir() {
                mounts.push(json!({"destination": "/dev/mqueue", "type": "bind", "source": "/dev/mqueue", "options": ["rbind", "nosuid", "noexec", "nodev"]}));
            }
        }
        _ => {
            if !opts.no_shm {
                mounts.push(json!({"destination": "/dev/shm", "type": "tmpfs", "source": "shm", "options": ["nosuid", "noexec", "nodev", "mode=1777",
                    format!("size={}", opts.shm_size.unwrap_or(DEFAULT_SHM_SIZE))]}));
            }
            mounts.push(json!({"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": ["nosuid", "noexec", "nodev"]}));
        }
    }
    mounts.push(match opts.network.mode {
        // sysfs can only be mounted by the owner of the network namespace.
        NetworkMode::Host => json!({"destination": "/sys", "type": "bind", "source": "/sys", "options": ["rbind", "nosuid", "noexec", "nodev", "ro"]}),
        _ => json!({"destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "noexec", "nodev", "ro"]}),
    });
    for dev in DEVICES {
        // A plain bind: nosuid and noexec mean nothing on a device node, and would cost a remount.
        mounts
            .push(json!({"destination": dev, "type": "bind", "source": dev, "options": ["bind"]}));
    }
    let accounts: &[&str] = if inputs.accounts {
        &["passwd", "group"]
    } else {
        &[]
    };
    let generated: Vec<&str> = ["hosts", "hostname", "resolv.conf"]
        .into_iter()
        .filter(|f| match *f {
            "hosts" => !opts.no_hosts,
            "hostname" => !opts.no_hostname,
            _ => true,
        })
        .collect();
    let sources = generated
        .iter()
        .map(|f| (f, inputs.run_dir))
        .chain(accounts.iter().map(|f| (f, inputs.container_dir)));
    for (file, dir) in sources {
        let src = dir.join(file);
        mounts.push(json!({"destination": format!("/etc/{file}"), "type": "bind", "source": src, "options": ["bind", "rw"]}));
    }
    // `--chrootdirs`: a chroot inside resolves names as the container does.
    for dir in &opts.chroot_dirs {
        for file in &generated {
            let dst = dir.join("etc").join(file);
            let src = inputs.run_dir.join(file);
            mounts.push(json!({"destination": dst, "type": "bind", "source": src, "options": ["bind", "rw"]}));
        }
    }
    // What tells a program it runs in a container: podman's file and docker's.
    for (file, at) in [("containerenv", CONTAINERENV), ("dockerenv", "/.dockerenv")] {
        let src = inputs.run_dir.join(file);
        mounts.push(
            json!({"destination": at, "type": "bind", "source": src, "options": ["bind", "ro"]}),
        );
    }
    for d in &opts.devices {
        mounts.push(json!({"destination": d.container, "type": "bind", "source": d.host, "options": ["bind"]}));
    }
    if let Some(init) = external_init {
        mounts.push(json!({"destination": EXTERNAL_INIT, "type": "bind", "source": init, "options": ["bind", "ro"]}));
    }
    if let Some(tz) = &opts.tz {
        mounts.push(json!({"destination": "/etc/localtime", "type": "bind", "source": tz.file(), "options": ["bind", "ro"]}));
    }
    let binds = opts.mounts.binds.iter().chain(&opts.notify_socket);
    let mut user_mounts: Vec<Value> = binds
        .enumerate()
        .map(|(n, b)| bind_mount(b, inputs.container_dir, n))
        .collect::<Result<_>>()?;
    user_mounts.extend(inputs.volumes.iter().cloned());
    user_mounts.extend(opts.mounts.tmpfs.iter().map(tmpfs_mount));
    if systemd {
        // podman's systemd mode: what systemd writes, on tmpfs.
        let dirs = [
            ("/run", "755"),
            ("/run/lock", "1777"),
            ("/tmp", "1777"),
            ("/var/log/journal", "755"),
        ];
        add_tmpfs_unless_mounted(&mut user_mounts, &dirs, opts.shm_size_systemd);
    }
    if opts.read_only && opts.read_only_tmpfs {
        // podman's --read-only-tmpfs: where programs must write.
        let dirs = [("/run", "755"), ("/tmp", "1777"), ("/var/tmp", "1777")];
        add_tmpfs_unless_mounted(&mut user_mounts, &dirs, None);
    }
    // A mount under another one's path goes after it, as docker orders them.
    user_mounts.sort_by_key(|m| {
        m["destination"]
            .as_str()
            .map_or(0, |d| Path::new(d).components().count())
    });
    mounts.extend(user_mounts);

    let mut namespaces = vec![json!({"type": "mount"}), json!({"type": "user"})];
    for (mode, kind) in [(&opts.pid, "pid"), (&opts.ipc, "ipc"), (&opts.uts, "uts")] {
        if *mode != NamespaceMode::Host {
            namespaces.push(json!({ "type": kind }));
        }
    }
    if opts.network.mode != NetworkMode::Host {
        namespaces.push(json!({"type": "network"}));
    }
    if opts.cgroupns_private {
        namespaces.push(json!({"type": "cgroup"}));
    }
    let mut linux = json!({"namespaces": namespaces, "rootfsPropagation": "private"});
    if let Some(p) = opts.personality {
        linux["personality"] = json!({"domain": p.domain()});
    }
    if let Some(map) = inputs.idmap {
        linux["uidMappings"] = id_mappings(&map.uids);
        linux["gidMappings"] = id_mappings(&map.gids);
    }
    if !opts.privileged {
        linux["maskedPaths"] = json!(MASKED_PATHS);
        linux["readonlyPaths"] = json!(READONLY_PATHS);
    }
    let seccomp = seccomp_choice(opts, &capset)?;
    if let Some(Seccomp::Profile(sc)) = &seccomp {
        linux["seccomp"] = sc.clone();
    }
    if let Some(list) = &opts.cpuset_cpus {
        linux["resources"] = json!({"cpu": {"cpus": crate::runtime::affinity::validate(list)?}});
    }
    // `--stop-signal`, else the image's, else SIGTERM; as the signal's name (SIGQUIT).
    // Real-time ones as SIGRTMIN+N (systemd images stop with SIGRTMIN+3).
    let stop_signal = match (
        opts.stop_signal,
        cfg.get("StopSignal").and_then(Value::as_str),
    ) {
        (Some(sig), _) => sig.to_string(),
        (None, Some(s)) => s
            .parse::<super::lifecycle::SignalNo>()
            .with_context(|| format!("the image's STOPSIGNAL {s:?}"))?
            .to_string(),
        // systemd stops on SIGRTMIN+3 (podman's systemd mode says so).
        (None, None) if systemd => "SIGRTMIN+3".to_string(),
        (None, None) => "SIGTERM".to_string(),
    };
    let own_init = opts.init && external_init.is_none();
    let mut annotations =
        json!({ANNOTATION_INIT: own_init.to_string(), ANNOTATION_STOP_SIGNAL: stop_signal});
    for ((key, _), mode) in ANNOTATION_JOIN
        .iter()
        .zip([&opts.pid, &opts.ipc, &opts.uts])
    {
        if let Some(other) = mode.container() {
            annotations[*key] = json!(other);
        }
    }
    if let Some(Seccomp::Default) = seccomp {
        annotations[ANNOTATION_SECCOMP] = json!("default");
    }
    if opts.pause {
        annotations[ANNOTATION_PAUSE] = json!("true");
    }
    for a in &opts.annotations {
        annotations[&a.key] = json!(a.value);
    }

    let mut user = json!({"uid": inputs.user.uid, "gid": inputs.user.gid, "additionalGids": inputs.user.additional_gids});
    if let Some(m) = opts.umask {
        user["umask"] = json!(m);
    }
    let spec = json!({
        "ociVersion": "1.0.2",
        "process": {
            "terminal": opts.tty,
            "user": user,
            "oomScoreAdj": opts.oom_score_adj,
            "args": args,
            "env": env,
            "cwd": cwd,
            "capabilities": {"bounding": capvec, "permitted": effective, "effective": effective, "inheritable": [], "ambient": []},
            "rlimits": rlimits,
            "noNewPrivileges": opts.security.no_new_privileges,
        },
        "root": {"path": inputs.container_dir.join("rootfs"), "readonly": opts.read_only},
        // In the host's UTS namespace, or another container's, the name is theirs: none is set.
        "hostname": (opts.uts == NamespaceMode::Private).then_some(inputs.hostname),
        "domainname": opts.domainname,
        "mounts": mounts,
        "linux": linux,
        "annotations": annotations,
    });
    serde_json::from_value(spec).context("building the runtime spec")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> SpecOptions {
        SpecOptions::default()
    }

    #[test]
    fn entrypoint_and_cmd_like_docker() {
        let cfg = json!({"Entrypoint": ["/ep"], "Cmd": ["a", "b"]});
        assert_eq!(command(&cfg, &opts()).unwrap(), ["/ep", "a", "b"]);
        let o = SpecOptions {
            args: vec!["x".into()],
            ..opts()
        };
        assert_eq!(command(&cfg, &o).unwrap(), ["/ep", "x"]);
        let o = SpecOptions {
            entrypoint: Some(vec!["sh".into()]),
            ..opts()
        };
        assert!(
            command(&cfg, &o).unwrap() == ["sh"],
            "--entrypoint drops the image's Cmd"
        );
        let o = SpecOptions {
            entrypoint: Some(vec![]),
            args: vec!["id".into()],
            ..opts()
        };
        assert_eq!(command(&cfg, &o).unwrap(), ["id"]);
        assert!(command(&json!({}), &opts()).is_err());
    }

    #[test]
    fn environment_order_and_defaults() {
        let cfg = json!({"Env": ["A=image", "B=image"]});
        let o = SpecOptions {
            env: vec!["B=cli".into(), "C=3".into()],
            tty: true,
            ..opts()
        };
        let env = environment(&cfg, &o, "h", "/root").unwrap();
        assert!(
            env.contains(&"A=image".into())
                && env.contains(&"B=cli".into())
                && env.contains(&"C=3".into())
        );
        assert!(env.contains(&"HOSTNAME=h".into()) && env.contains(&"TERM=xterm".into()));
        assert!(env.iter().any(|e| e.starts_with("PATH=/usr/local/sbin")));
    }

    #[test]
    fn ulimits_and_volumes_in_the_spec() {
        let u: Ulimit = "nofile=1024:2048".parse().unwrap();
        assert_eq!(rlimit(&u)["hard"], 2048);
        assert_eq!(rlimit(&u)["type"], "RLIMIT_NOFILE");
        let Ok(crate::container::mounts::Mount::Bind(v)) =
            crate::container::mounts::parse_volume_flag("/tmp:/t:ro")
        else {
            panic!("not a bind")
        };
        let dir = Path::new("/store/containers/c");
        assert_eq!(
            bind_mount(&v, dir, 0).unwrap()["options"],
            json!(["rbind", "ro"])
        );
        let Ok(crate::container::mounts::Mount::Bind(o)) =
            crate::container::mounts::parse_volume_flag("/src:/t:O,ro")
        else {
            panic!("not a bind")
        };
        let m = bind_mount(&o, dir, 2).unwrap();
        assert_eq!(m["type"], "overlay");
        assert_eq!(
            m["options"],
            json!([
                "lowerdir=/src",
                "upperdir=/store/containers/c/overlay/2/upper",
                "workdir=/store/containers/c/overlay/2/work",
                "userxattr",
                "ro"
            ])
        );
        assert!(crate::container::mounts::parse_volume_flag("vol:/t:O").is_err());
        let t: TmpfsMount = "/run:size=1m".parse().unwrap();
        assert_eq!(
            tmpfs_mount(&t)["options"],
            json!(["rw", "noexec", "nosuid", "nodev", "size=1m"])
        );
    }
}
