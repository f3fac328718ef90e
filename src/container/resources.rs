//! Resource limits (`--memory`, `--cpus`, `--pids-limit`…): checked as docker
//! checks them, then what this machine allows a user. Rootless, limits are
//! cgroup v2 controllers delegated to the user; on a cgroup v1 machine (or v2
//! without delegation) podman warns and ignores them, and so does husk. Where
//! a delegated controller exists, husk does not apply limits yet and says so.

use anyhow::{bail, Context, Result};

use super::options::parse_size;

// The flags as given (run and create's, docker's and podman's).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ResourceFlags {
    /// Memory limit (e.g. 512m; rootless on cgroup v1: warned about and ignored, as podman does)
    #[arg(
        short = 'm',
        long,
        value_name = "SIZE",
        help_heading = "Resource limits"
    )]
    pub memory: Option<String>,
    /// Memory and swap limit (-1: unlimited swap)
    #[arg(
        long,
        value_name = "SIZE",
        allow_hyphen_values = true,
        help_heading = "Resource limits"
    )]
    pub memory_swap: Option<String>,
    /// Memory soft limit
    #[arg(long, value_name = "SIZE", help_heading = "Resource limits")]
    pub memory_reservation: Option<String>,
    /// Swappiness (0-100)
    #[arg(
        long,
        value_name = "N",
        allow_negative_numbers = true,
        help_heading = "Resource limits"
    )]
    pub memory_swappiness: Option<i64>,
    /// CPUs the container may use (e.g. 1.5)
    #[arg(long, value_name = "N", help_heading = "Resource limits")]
    pub cpus: Option<String>,
    /// CPU shares (relative weight)
    #[arg(short = 'c', long, value_name = "N", help_heading = "Resource limits")]
    pub cpu_shares: Option<u64>,
    /// CFS period (microseconds)
    #[arg(long, value_name = "US", help_heading = "Resource limits")]
    pub cpu_period: Option<u64>,
    /// CFS quota (microseconds)
    #[arg(
        long,
        value_name = "US",
        allow_negative_numbers = true,
        help_heading = "Resource limits"
    )]
    pub cpu_quota: Option<i64>,
    /// Most processes the container may have (-1: no limit)
    #[arg(
        long,
        value_name = "N",
        allow_negative_numbers = true,
        help_heading = "Resource limits"
    )]
    pub pids_limit: Option<i64>,
    /// Block IO weight (10-1000)
    #[arg(long, value_name = "N", help_heading = "Resource limits")]
    pub blkio_weight: Option<u16>,
    /// Memory nodes the container may use
    #[arg(long, value_name = "LIST", help_heading = "Resource limits")]
    pub cpuset_mems: Option<String>,
    /// Block device read rate: DEVICE:RATE (e.g. /dev/sda:1mb)
    #[arg(long, value_name = "DEVICE:RATE", help_heading = "Resource limits")]
    pub device_read_bps: Vec<String>,
    /// Block device write rate: DEVICE:RATE
    #[arg(long, value_name = "DEVICE:RATE", help_heading = "Resource limits")]
    pub device_write_bps: Vec<String>,
    /// Block device reads per second: DEVICE:N
    #[arg(long, value_name = "DEVICE:N", help_heading = "Resource limits")]
    pub device_read_iops: Vec<String>,
    /// Block device writes per second: DEVICE:N
    #[arg(long, value_name = "DEVICE:N", help_heading = "Resource limits")]
    pub device_write_iops: Vec<String>,
    /// Block IO weight of one device: DEVICE:WEIGHT (10-1000)
    #[arg(long, value_name = "DEVICE:WEIGHT", help_heading = "Resource limits")]
    pub blkio_weight_device: Vec<String>,
    /// Real-time CPU period (microseconds; cgroup v1)
    #[arg(long, value_name = "US", help_heading = "Resource limits")]
    pub cpu_rt_period: Option<u64>,
    /// Real-time CPU runtime (microseconds; cgroup v1)
    #[arg(
        long,
        value_name = "US",
        allow_negative_numbers = true,
        help_heading = "Resource limits"
    )]
    pub cpu_rt_runtime: Option<i64>,
    /// Kernel memory limit (cgroup v1; deprecated by docker)
    #[arg(long, value_name = "SIZE", help_heading = "Resource limits")]
    pub kernel_memory: Option<String>,
    /// Do not kill the container's processes when it runs out of memory (cgroup v1)
    #[arg(long, help_heading = "Resource limits")]
    pub oom_kill_disable: bool,
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
        let devices = self.device_limits()?;
        if let Some(k) = &self.kernel_memory {
            parse_size(k).with_context(|| format!("invalid --kernel-memory {k:?}"))?;
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
            || self.cpuset_mems.is_some()
            || devices
            || self.cpu_rt_period.is_some()
            || self.cpu_rt_runtime.is_some()
            || self.kernel_memory.is_some()
            || self.oom_kill_disable;
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

impl ResourceFlags {
    /// Check the per-device flags (`DEVICE:VALUE`, DEVICE an absolute path);
    /// whether any was given.
    fn device_limits(&self) -> Result<bool> {
        let lists: [(&str, &[String], ValueCheck); 5] = [
            ("--device-read-bps", &self.device_read_bps, rate),
            ("--device-write-bps", &self.device_write_bps, rate),
            ("--device-read-iops", &self.device_read_iops, count),
            ("--device-write-iops", &self.device_write_iops, count),
            ("--blkio-weight-device", &self.blkio_weight_device, weight),
        ];
        let mut any = false;
        for (flag, values, check) in lists {
            for v in values {
                let parsed = v
                    .rsplit_once(':')
                    .filter(|(dev, _)| dev.starts_with('/'))
                    .map(|(_, value)| check(value));
                match parsed {
                    Some(Ok(())) => any = true,
                    Some(Err(e)) => return Err(e.context(format!("invalid {flag} {v:?}"))),
                    None => bail!(
                        "invalid {flag} {v:?}: use DEVICE:VALUE, DEVICE a path such as /dev/sda"
                    ),
                }
            }
        }
        Ok(any)
    }
}

/// How one kind of per-device value is checked.
type ValueCheck = fn(&str) -> Result<()>;

fn rate(v: &str) -> Result<()> {
    parse_size(v).map(|_| ())
}

fn count(v: &str) -> Result<()> {
    v.parse::<u64>()
        .map(|_| ())
        .map_err(|_| anyhow::anyhow!("{v:?} is not a number"))
}

fn weight(v: &str) -> Result<()> {
    match v.parse::<u16>() {
        Ok(w) if (10..=1000).contains(&w) => Ok(()),
        _ => bail!("a weight between 10 and 1000"),
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
        let devices = ResourceFlags {
            device_read_bps: vec!["/dev/sda:1mb".into()],
            blkio_weight_device: vec!["/dev/sda:200".into()],
            ..Default::default()
        };
        assert!(devices.resolve().unwrap().any);
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
            ResourceFlags {
                device_read_bps: vec!["sda:1mb".into()],
                ..Default::default()
            },
            ResourceFlags {
                device_write_iops: vec!["/dev/sda:many".into()],
                ..Default::default()
            },
            ResourceFlags {
                blkio_weight_device: vec!["/dev/sda:5".into()],
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
