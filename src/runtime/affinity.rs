//! `--cpuset-cpus`: the CPUs a container may run on, as docker spells them
//! ("0-3", "0,2"). Rootless husk has no cpuset cgroup to write (cgroup v1 is not
//! delegated to users), so the set is the CPU affinity (sched_setaffinity(2)) of
//! the container's monitor, which its FUSE workers and the container's processes
//! inherit, and of processes `husk exec` starts. Processes inside can widen their
//! own affinity again; a cgroup would stop them.
//!
//! On a small machine this also puts the FUSE overlay's worker on the container's
//! CPU: a request then wakes no other CPU (docs/ARCHITECTURE.md).

use anyhow::{anyhow, bail, Context, Result};
use nix::sched::{sched_getaffinity, sched_setaffinity, CpuSet};
use nix::unistd::Pid;
use oci_spec::runtime::Spec;

/// The CPU numbers of a list like "0-2,5" (sorted, no duplicates).
pub fn parse(list: &str) -> Result<Vec<usize>> {
    let invalid =
        || format!("invalid --cpuset-cpus {list:?}: expected CPU numbers like 0-3 or 0,2");
    let mut cpus = Vec::new();
    for part in list.split(',') {
        let (first, last) = match part.split_once('-') {
            Some((a, b)) => (a, b),
            None => (part, part),
        };
        let first: usize = first.trim().parse().map_err(|_| anyhow!(invalid()))?;
        let last: usize = last.trim().parse().map_err(|_| anyhow!(invalid()))?;
        if first > last || last >= CpuSet::count() {
            bail!(invalid());
        }
        cpus.extend(first..=last);
    }
    cpus.sort_unstable();
    cpus.dedup();
    Ok(cpus)
}

/// `cpus` in the list form ("0-2,5").
pub fn format(cpus: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cpus.len() {
        let mut j = i;
        while j + 1 < cpus.len() && cpus[j + 1] == cpus[j] + 1 {
            j += 1;
        }
        parts.push(match j > i {
            true => format!("{}-{}", cpus[i], cpus[j]),
            false => cpus[i].to_string(),
        });
        i = j + 1;
    }
    parts.join(",")
}

/// The CPUs this process may run on.
pub fn available() -> Result<Vec<usize>> {
    let set = sched_getaffinity(Pid::from_raw(0)).context("reading the CPU affinity")?;
    Ok((0..CpuSet::count())
        .filter(|&c| set.is_set(c).unwrap_or(false))
        .collect())
}

/// Parse `list` and check that every CPU in it is one this process may use
/// (docker's "Requested CPUs are not available"); returns the normal form.
pub fn validate(list: &str) -> Result<String> {
    let cpus = parse(list)?;
    let have = available()?;
    if let Some(missing) = cpus.iter().find(|c| !have.contains(c)) {
        bail!(
            "--cpuset-cpus {list}: CPU {missing} is not available (available: {})",
            format(&have)
        );
    }
    Ok(format(&cpus))
}

/// The container's CPU list, if it has one (linux.resources.cpu.cpus).
pub fn of_spec(spec: &Spec) -> Option<&str> {
    spec.linux()
        .as_ref()?
        .resources()
        .as_ref()?
        .cpu()
        .as_ref()?
        .cpus()
        .as_deref()
}

/// Restrict the calling thread (and what it later starts) to the spec's CPUs, if any.
pub fn apply(spec: &Spec) -> Result<()> {
    let Some(list) = of_spec(spec) else {
        return Ok(());
    };
    let mut set = CpuSet::new();
    for c in parse(list)? {
        set.set(c)?; // below CpuSet::count(): checked by parse
    }
    sched_setaffinity(Pid::from_raw(0), &set)
        .with_context(|| format!("--cpuset-cpus {list}: setting the CPU affinity"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_print_back() {
        assert_eq!(parse("0").unwrap(), vec![0]);
        assert_eq!(parse("0-2,5").unwrap(), vec![0, 1, 2, 5]);
        assert_eq!(parse("3,1-2,2").unwrap(), vec![1, 2, 3]);
        assert_eq!(format(&[0, 1, 2, 5, 7, 8]), "0-2,5,7-8");
        assert_eq!(format(&parse("4,0-1").unwrap()), "0-1,4");
    }

    #[test]
    fn bad_lists_are_refused() {
        for bad in ["", "a", "1-", "-1", "3-1", "0,,1", "99999"] {
            assert!(parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn unavailable_cpus_are_named() {
        let have = available().unwrap();
        let beyond = have.last().copied().unwrap_or(0) + 1;
        let err = validate(&beyond.to_string()).unwrap_err().to_string();
        assert!(err.contains("is not available"), "{err}");
        assert_eq!(validate(&have[0].to_string()).unwrap(), have[0].to_string());
    }
}
