//! Linux capabilities by name, podman's default set, and applying a process's sets.

use std::collections::HashSet;

use anyhow::{bail, Result};

/// Every capability the kernel knows, in number order.
pub const ALL: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// podman's default set for containers.
pub const DEFAULT: &[&str] = &[
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_NET_BIND_SERVICE",
    "CAP_SETFCAP",
    "CAP_SETGID",
    "CAP_SETPCAP",
    "CAP_SETUID",
    "CAP_SYS_CHROOT",
];

/// `chown`, `CAP_CHOWN`, `cap_chown` -> `CAP_CHOWN`; `ALL` stays `ALL`.
pub fn normalize(name: &str) -> Result<String> {
    let upper = name.trim().to_ascii_uppercase();
    if upper == "ALL" {
        return Ok(upper);
    }
    let full = if upper.starts_with("CAP_") {
        upper
    } else {
        format!("CAP_{upper}")
    };
    if !ALL.contains(&full.as_str()) {
        bail!("unknown capability {name:?}");
    }
    Ok(full)
}

/// The set a container gets, as docker computes it: the default (or all,
/// privileged); `--cap-drop ALL` empties it before the additions, `--cap-add ALL`
/// fills it before the drops; otherwise defaults plus `add` minus `drop`.
pub fn resolve(privileged: bool, add: &[String], drop: &[String]) -> Result<HashSet<String>> {
    let add: Vec<String> = add.iter().map(|a| normalize(a)).collect::<Result<_>>()?;
    let drop: Vec<String> = drop.iter().map(|d| normalize(d)).collect::<Result<_>>()?;
    let all = || {
        ALL.iter()
            .map(|s| s.to_string())
            .collect::<HashSet<String>>()
    };
    let mut set: HashSet<String> = if privileged || add.iter().any(|a| a == "ALL") {
        all()
    } else if drop.iter().any(|d| d == "ALL") {
        HashSet::new()
    } else {
        DEFAULT.iter().map(|s| s.to_string()).collect()
    };
    set.extend(add.into_iter().filter(|a| a != "ALL"));
    for d in drop.iter().filter(|d| *d != "ALL") {
        set.remove(d);
    }
    Ok(set)
}

fn number(name: &str) -> Option<u32> {
    ALL.iter().position(|c| *c == name).map(|n| n as u32)
}

/// The highest capability the running kernel knows.
fn last_cap() -> u32 {
    std::fs::read_to_string("/proc/sys/kernel/cap_last_cap")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(ALL.len() as u32 - 1)
}

/// The names ("CAP_CHOWN") of an OCI spec's capability set.
pub fn names(set: &Option<oci_spec::runtime::Capabilities>) -> HashSet<String> {
    set.as_ref()
        .map(|s| {
            s.iter()
                .filter_map(|c| serde_json::to_value(c).ok()?.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// Drop every capability not in `keep` from the bounding set.
pub fn limit_bounding(keep: &HashSet<String>) -> std::io::Result<()> {
    let keep: HashSet<u32> = keep.iter().filter_map(|c| number(c)).collect();
    for cap in 0..=last_cap() {
        if !keep.contains(&cap) {
            // SAFETY: prctl with integer arguments only.
            if unsafe { libc::prctl(libc::PR_CAPBSET_DROP, cap as libc::c_ulong, 0, 0, 0) } != 0 {
                let e = std::io::Error::last_os_error();
                if e.raw_os_error() != Some(libc::EINVAL) {
                    return Err(e);
                }
            }
        }
    }
    Ok(())
}

#[repr(C)]
struct CapHeader {
    version: u32,
    pid: i32,
}

#[repr(C)]
#[derive(Default, Clone, Copy)]
struct CapData {
    effective: u32,
    permitted: u32,
    inheritable: u32,
}

fn mask(set: &HashSet<String>) -> u64 {
    set.iter()
        .filter_map(|c| number(c))
        .fold(0u64, |m, n| m | (1u64 << n))
}

/// Set the effective, permitted and inheritable sets of this thread.
pub fn set(
    effective: &HashSet<String>,
    permitted: &HashSet<String>,
    inheritable: &HashSet<String>,
) -> std::io::Result<()> {
    let (e, p, i) = (mask(effective), mask(permitted), mask(inheritable));
    let mut header = CapHeader {
        version: 0x2008_0522,
        pid: 0,
    }; // _LINUX_CAPABILITY_VERSION_3
    let data = [
        CapData {
            effective: e as u32,
            permitted: p as u32,
            inheritable: i as u32,
        },
        CapData {
            effective: (e >> 32) as u32,
            permitted: (p >> 32) as u32,
            inheritable: (i >> 32) as u32,
        },
    ];
    // SAFETY: header and data are the v3 structures capset reads (two data elements).
    let r = unsafe {
        libc::syscall(
            libc::SYS_capset,
            &mut header as *mut CapHeader,
            data.as_ptr(),
        )
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Raise `caps` in the ambient set (needs them permitted and inheritable).
pub fn raise_ambient(caps: &HashSet<String>) -> std::io::Result<()> {
    for n in caps.iter().filter_map(|c| number(c)) {
        // SAFETY: prctl with integer arguments only.
        let r = unsafe {
            libc::prctl(
                libc::PR_CAP_AMBIENT,
                libc::PR_CAP_AMBIENT_RAISE,
                n as libc::c_ulong,
                0,
                0,
            )
        };
        if r != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_and_drop() {
        let s = resolve(
            false,
            &["net_admin".into()],
            &["chown".into(), "CAP_KILL".into()],
        )
        .unwrap();
        assert!(s.contains("CAP_NET_ADMIN") && !s.contains("CAP_CHOWN") && !s.contains("CAP_KILL"));
        assert!(resolve(false, &[], &["all".into()]).unwrap().is_empty());
        let only: Vec<String> = resolve(false, &["NET_ADMIN".into()], &["ALL".into()])
            .unwrap()
            .into_iter()
            .collect();
        assert_eq!(only, ["CAP_NET_ADMIN"]);
        assert_eq!(resolve(true, &[], &[]).unwrap().len(), ALL.len());
        assert!(resolve(false, &["nonsense".into()], &[]).is_err());
    }
}
