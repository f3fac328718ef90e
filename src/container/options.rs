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
}

impl FromStr for PullPolicy {
    type Err = Error;
    fn from_str(s: &str) -> Result<PullPolicy> {
        match s {
            "missing" => Ok(PullPolicy::Missing),
            "always" => Ok(PullPolicy::Always),
            "never" => Ok(PullPolicy::Never),
            _ => bail!("invalid --pull {s:?}: expected missing, always or never"),
        }
    }
}

/// `-v SRC:DST[:OPTIONS]`: a host path bound into the container.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BindMount {
    pub source: PathBuf,
    pub destination: PathBuf,
    /// Mount options in the OCI spec's words ("ro", "nosuid"...).
    pub options: Vec<String>,
}

impl FromStr for BindMount {
    type Err = Error;
    fn from_str(spec: &str) -> Result<BindMount> {
        let parts: Vec<&str> = spec.split(':').collect();
        let (src, dst, opts) = match parts.as_slice() {
            [src, dst] => (*src, *dst, ""),
            [src, dst, opts] => (*src, *dst, *opts),
            _ => bail!("invalid volume {spec:?}: expected SRC:DST[:OPTIONS]"),
        };
        if !src.starts_with('/') {
            bail!("invalid volume {spec:?}: named volumes are not supported yet; give an absolute host path");
        }
        if !dst.starts_with('/') {
            bail!("invalid volume {spec:?}: the container path must be absolute");
        }
        if !Path::new(src).exists() {
            bail!("bind source path does not exist: {src}");
        }
        let mut options = Vec::new();
        for o in opts.split(',').filter(|o| !o.is_empty()) {
            match o {
                "ro" | "rw" | "nosuid" | "nodev" | "noexec" | "suid" | "dev" | "exec" => {
                    options.push(o.to_string())
                }
                // SELinux relabelling (no SELinux here) and the default propagation.
                "z" | "Z" | "rprivate" | "private" => {}
                other => bail!("invalid volume {spec:?}: unknown option {other:?}"),
            }
        }
        Ok(BindMount {
            source: src.into(),
            destination: dst.into(),
            options,
        })
    }
}

/// The mounts a user asked for (`-v`, `--tmpfs`), as the container's record
/// keeps them (inspect's `Mounts`, `HostConfig.Binds` and `HostConfig.Tmpfs`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserMounts {
    pub binds: Vec<BindMount>,
    pub tmpfs: Vec<TmpfsMount>,
}

impl BindMount {
    /// As docker's `HostConfig.Binds` writes it: SRC:DST[:OPTIONS].
    pub fn to_bind_string(&self) -> String {
        let mut s = format!("{}:{}", self.source.display(), self.destination.display());
        if !self.options.is_empty() {
            s += ":";
            s += &self.options.join(",");
        }
        s
    }

    /// Whether the container may write it.
    pub fn writable(&self) -> bool {
        !self.options.iter().any(|o| o == "ro")
    }
}

/// `--tmpfs DST[:OPTIONS]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TmpfsMount {
    pub destination: PathBuf,
    /// Options after husk's defaults (rw, noexec, nosuid, nodev), as given.
    pub options: Vec<String>,
}

impl FromStr for TmpfsMount {
    type Err = Error;
    fn from_str(spec: &str) -> Result<TmpfsMount> {
        let (dst, opts) = spec.split_once(':').unwrap_or((spec, ""));
        if !dst.starts_with('/') {
            bail!("invalid tmpfs {spec:?}: the container path must be absolute");
        }
        Ok(TmpfsMount {
            destination: dst.into(),
            options: opts
                .split(',')
                .filter(|o| !o.is_empty())
                .map(String::from)
                .collect(),
        })
    }
}

/// `--mount type=bind|tmpfs,...`: docker's long form, into the same mounts as
/// `-v` and `--tmpfs`. Unlike `-v`, a bind source that does not exist is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MountFlag {
    Bind(BindMount),
    Tmpfs(TmpfsMount),
}

impl FromStr for MountFlag {
    type Err = Error;
    fn from_str(spec: &str) -> Result<MountFlag> {
        let bad = |why: &str| anyhow::anyhow!("invalid --mount {spec:?}: {why}");
        let (mut kind, mut source, mut target) = (None, None, None);
        let (mut readonly, mut options) = (false, Vec::new());
        for field in spec.split(',').filter(|f| !f.is_empty()) {
            let (key, value) = match field.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (field, None),
            };
            match (key, value) {
                ("type", Some(v)) => kind = Some(v),
                ("source" | "src", Some(v)) => source = Some(v),
                ("destination" | "dst" | "target", Some(v)) => target = Some(v),
                ("readonly" | "ro", None | Some("true" | "1")) => readonly = true,
                ("readonly" | "ro", Some("false" | "0")) => readonly = false,
                ("bind-propagation", Some("private" | "rprivate")) => {}
                ("bind-propagation", Some(v)) => {
                    return Err(bad(&format!(
                        "bind-propagation={v} is not supported (private, rprivate)"
                    )))
                }
                ("tmpfs-size", Some(v)) => options.push(format!("size={v}")),
                ("tmpfs-mode", Some(v)) => {
                    u32::from_str_radix(v, 8).map_err(|_| bad("tmpfs-mode is an octal mode"))?;
                    options.push(format!("mode={v}"));
                }
                ("consistency", Some(_)) => {} // docker desktop's; nothing here
                _ => return Err(bad(&format!("unknown key {key:?}"))),
            }
        }
        let target = target.ok_or_else(|| bad("it needs a target (dst=PATH)"))?;
        if !target.starts_with('/') {
            return Err(bad("the container path must be absolute"));
        }
        if readonly {
            options.insert(0, "ro".to_string());
        }
        match kind.unwrap_or("volume") {
            "bind" => {
                let source = source.ok_or_else(|| bad("a bind mount needs a source (src=PATH)"))?;
                if !source.starts_with('/') {
                    return Err(bad("the source must be an absolute host path"));
                }
                if !Path::new(source).exists() {
                    bail!("bind source path does not exist: {source}");
                }
                if options
                    .iter()
                    .any(|o| o.starts_with("size=") || o.starts_with("mode="))
                {
                    return Err(bad("tmpfs- keys are for type=tmpfs"));
                }
                Ok(MountFlag::Bind(BindMount {
                    source: source.into(),
                    destination: target.into(),
                    options,
                }))
            }
            "tmpfs" => {
                if source.is_some() {
                    return Err(bad("a tmpfs has no source"));
                }
                Ok(MountFlag::Tmpfs(TmpfsMount {
                    destination: target.into(),
                    options,
                }))
            }
            "volume" => Err(bad("named volumes are not supported yet")),
            other => Err(bad(&format!("unknown type {other:?} (bind, tmpfs)"))),
        }
    }
}

impl UserMounts {
    /// From `-v`, `--tmpfs` and `--mount`, in that order.
    pub fn parse(volumes: &[String], tmpfs: &[String], mounts: &[String]) -> Result<UserMounts> {
        let mut out = UserMounts {
            binds: parse_each(volumes)?,
            tmpfs: parse_each(tmpfs)?,
        };
        for m in parse_each::<MountFlag>(mounts)? {
            match m {
                MountFlag::Bind(b) => out.binds.push(b),
                MountFlag::Tmpfs(t) => out.tmpfs.push(t),
            }
        }
        Ok(out)
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
#[derive(Debug, Clone, PartialEq, Eq)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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

/// Each of `values` parsed as a `T` (the first error stops).
pub fn parse_each<T: FromStr<Err = Error>>(values: &[String]) -> Result<Vec<T>> {
    values.iter().map(|v| v.parse()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volumes() {
        let v: BindMount = "/tmp:/data:ro,z".parse().unwrap();
        assert_eq!(v.source, PathBuf::from("/tmp"));
        assert_eq!(v.destination, PathBuf::from("/data"));
        assert_eq!(v.options, vec!["ro"]);
        for (bad, says) in [
            ("data:/x", "named volumes"),
            ("/tmp:x", "must be absolute"),
            ("/no/such/husk/path:/x", "does not exist"),
            ("/tmp:/x:bogus", "unknown option"),
            ("/tmp", "expected SRC:DST"),
            ("/tmp:/a:ro:x", "expected SRC:DST"),
        ] {
            let e = bad.parse::<BindMount>().unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn mount_flags() {
        let m = |s: &str| s.parse::<MountFlag>();
        assert_eq!(
            m("type=bind,src=/tmp,dst=/data,readonly").unwrap(),
            MountFlag::Bind(BindMount {
                source: "/tmp".into(),
                destination: "/data".into(),
                options: vec!["ro".into()]
            })
        );
        assert_eq!(
            m("type=tmpfs,target=/run,tmpfs-size=64m,tmpfs-mode=1770").unwrap(),
            MountFlag::Tmpfs(TmpfsMount {
                destination: "/run".into(),
                options: vec!["size=64m".into(), "mode=1770".into()]
            })
        );
        for (bad, says) in [
            ("type=bind,src=/no/such/husk/dir,dst=/x", "does not exist"),
            ("type=bind,dst=/x", "needs a source"),
            ("type=bind,src=/tmp", "needs a target"),
            ("type=bind,src=/tmp,dst=x", "must be absolute"),
            ("type=bind,src=/tmp,dst=/x,color=red", "unknown key"),
            (
                "type=bind,src=/tmp,dst=/x,bind-propagation=rshared",
                "not supported",
            ),
            ("type=tmpfs,dst=/x,tmpfs-mode=999", "octal"),
            ("type=volume,src=data,dst=/x", "named volumes"),
            ("src=data,dst=/x", "named volumes"),
            ("type=nfs,dst=/x", "unknown type"),
        ] {
            let e = m(bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn tmpfs() {
        let t: TmpfsMount = "/run:size=1m,mode=0700".parse().unwrap();
        assert_eq!(t.destination, PathBuf::from("/run"));
        assert_eq!(t.options, vec!["size=1m", "mode=0700"]);
        assert!("run".parse::<TmpfsMount>().is_err());
    }

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
}
