//! What the flags of `run` and `create` mean, as typed values: each parsed and
//! checked once, before anything is pulled, replaced or written. The CLI turns
//! its strings into these (`cli::run`); the API socket will build the same
//! values; the spec (`spec.rs`) is built from them and never parses a flag.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, Context, Error, Result};

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
