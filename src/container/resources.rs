//! Resource limits (`--memory`, `--cpus`, `--pids-limit`…): checked as docker
//! checks them, then what this machine allows a user. Rootless, limits are
//! cgroup v2 controllers delegated to the user; on a cgroup v1 machine (or v2
//! without delegation) podman warns and ignores them, and so does husk. Where
//! a delegated controller exists, husk does not apply limits yet and says so.

use anyhow::{bail, Context, Result};

use super::options::parse_size;

/// The flags as given.
#[derive(Debug, Clone, Default)]
pub struct ResourceFlags {
    pub memory: Option<String>,
    pub memory_swap: Option<String>,
    pub memory_reservation: Option<String>,
    pub memory_swappiness: Option<i64>,
    pub cpus: Option<String>,
    pub cpu_shares: Option<u64>,
    pub cpu_period: Option<u64>,
    pub cpu_quota: Option<i64>,
    pub pids_limit: Option<i64>,
    pub blkio_weight: Option<u16>,
    pub cpuset_mems: Option<String>,
}

/// The limits asked for, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resources {
    pub memory: Option<u64>,
    /// -1: unlimited swap.
    pub memory_swap: Option<i64>,
    pub memory_reservation: Option<u64>,
    pub cpus: Option<f64>,
    pub pids_limit: Option<i64>,
    /// Any limit at all.
    pub any: bool,
}

impl ResourceFlags {
    pub fn resolve(&self) -> Result<Resources> {
        let size = |flag: &str, v: &Option<String>| -> Result<Option<u64>> {
            v.as_deref()
                .map(|s| parse_size(s).with_context(|| format!("invalid {flag} {s:?}")))
                .transpose()
        };
        let memory = size("--memory", &self.memory)?;
        if memory.is_some_and(|m| m < 6 << 20) {
            bail!("invalid --memory: the minimum memory limit is 6m");
        }
        let memory_swap = match self.memory_swap.as_deref() {
            None => None,
            Some("-1") => Some(-1),
            Some(s) => {
                let swap = parse_size(s).with_context(|| format!("invalid --memory-swap {s:?}"))?;
                match memory {
                    None => bail!("--memory-swap needs --memory"),
                    Some(m) if swap < m => {
                        bail!("invalid --memory-swap {s}: it must be at least --memory")
                    }
                    _ => Some(swap as i64),
                }
            }
        };
        if let Some(s) = self.memory_swappiness.filter(|s| !(-1..=100).contains(s)) {
            bail!("invalid --memory-swappiness {s}: between 0 and 100");
        }
        let cpus = match self.cpus.as_deref() {
            None => None,
            Some(c) => match c.parse::<f64>() {
                Ok(n) if n > 0.0 && n.is_finite() => Some(n),
                _ => bail!("invalid --cpus {c:?}: a number of CPUs above 0, such as 1.5"),
            },
        };
        if let Some(p) = self.cpu_period.filter(|p| !(1000..=1_000_000).contains(p)) {
            bail!("invalid --cpu-period {p}: between 1000 and 1000000 microseconds");
        }
        if let Some(w) = self
            .blkio_weight
            .filter(|w| *w != 0 && !(10..=1000).contains(w))
        {
            bail!("invalid --blkio-weight {w}: between 10 and 1000");
        }
        if let Some(m) = &self.cpuset_mems {
            crate::runtime::affinity::parse(m)
                .with_context(|| format!("invalid --cpuset-mems {m:?}"))?;
        }
        let any = memory.is_some()
            || memory_swap.is_some()
            || self.memory_reservation.is_some()
            || self.memory_swappiness.is_some()
            || cpus.is_some()
            || self.cpu_shares.is_some()
            || self.cpu_period.is_some()
            || self.cpu_quota.is_some()
            || self.pids_limit.is_some()
            || self.blkio_weight.is_some()
            || self.cpuset_mems.is_some();
        Ok(Resources {
            memory,
            memory_swap,
            memory_reservation: size("--memory-reservation", &self.memory_reservation)?,
            cpus,
            pids_limit: self.pids_limit,
            any,
        })
    }
}

/// What this machine lets a user limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Support {
    /// cgroup v1 (or hybrid): no rootless limits at all.
    V1,
    /// cgroup v2, but no controller is delegated to the user.
    V2Undelegated,
    /// cgroup v2 with these controllers delegated.
    V2(Vec<String>),
}

/// The cgroup setup this process sees.
pub fn support() -> Support {
    let unified = std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists();
    if !unified {
        return Support::V1;
    }
    let own = std::fs::read_to_string("/proc/self/cgroup").unwrap_or_default();
    let Some(path) = own.lines().find_map(|l| l.strip_prefix("0::")) else {
        return Support::V2Undelegated;
    };
    let dir = std::path::Path::new("/sys/fs/cgroup").join(path.trim_start_matches('/'));
    let controllers = std::fs::read_to_string(dir.join("cgroup.controllers")).unwrap_or_default();
    let writable = nix::unistd::access(&dir, nix::unistd::AccessFlags::W_OK).is_ok();
    match (writable, controllers.split_whitespace().count()) {
        (true, n) if n > 0 => {
            Support::V2(controllers.split_whitespace().map(String::from).collect())
        }
        _ => Support::V2Undelegated,
    }
}

/// What to do with limits `r` here: Ok(Some(warning)) to go on without them
/// (podman's behaviour), or an error.
pub fn check(r: &Resources, support: &Support) -> Result<Option<&'static str>> {
    if !r.any {
        return Ok(None);
    }
    match support {
        Support::V1 => Ok(Some(
            "Resource limits are not supported and ignored on cgroups V1 rootless systems",
        )),
        Support::V2Undelegated => Ok(Some(
            "Resource limits are ignored: no cgroup v2 controller is delegated to your user",
        )),
        Support::V2(_) => bail!(
            "resource limits (--memory, --cpus, --pids-limit...) are not supported by husk yet on this cgroup v2 machine"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_checked_like_docker() {
        let r = ResourceFlags {
            memory: Some("512m".into()),
            memory_swap: Some("1g".into()),
            cpus: Some("1.5".into()),
            ..Default::default()
        }
        .resolve()
        .unwrap();
        assert_eq!(
            (r.memory, r.memory_swap, r.cpus),
            (Some(512 << 20), Some(1 << 30), Some(1.5))
        );
        assert!(r.any);
        assert!(!ResourceFlags::default().resolve().unwrap().any);
        for bad in [
            ResourceFlags {
                memory: Some("1k".into()),
                ..Default::default()
            },
            ResourceFlags {
                memory_swap: Some("1g".into()),
                ..Default::default()
            },
            ResourceFlags {
                cpus: Some("-1".into()),
                ..Default::default()
            },
            ResourceFlags {
                memory_swappiness: Some(101),
                ..Default::default()
            },
            ResourceFlags {
                blkio_weight: Some(5),
                ..Default::default()
            },
        ] {
            assert!(bad.resolve().is_err(), "{bad:?}");
        }
        let limited = Resources {
            any: true,
            ..Default::default()
        };
        assert!(check(&limited, &Support::V1).unwrap().is_some());
        assert!(check(&limited, &Support::V2(vec!["memory".into()])).is_err());
        assert!(check(&Resources::default(), &Support::V1)
            .unwrap()
            .is_none());
    }
}
