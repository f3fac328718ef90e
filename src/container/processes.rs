//! The processes of a running container, found from the host: every process in
//! the pid namespace of its first process. For `husk top` and `husk pause`.

use std::os::unix::fs::MetadataExt;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::store::Store;
use crate::userns::IdRange;

/// One process of the container, as /proc shows it.
#[derive(Debug, Clone)]
pub struct Process {
    /// The pid on the host, and in the container (the last NSpid).
    pub host_pid: i32,
    pub pid: i32,
    pub ppid: i32,
    /// The real uid and gid, as the container sees them, and the uid on the host.
    pub uid: u32,
    pub gid: u32,
    pub host_uid: u32,
    /// State (R, S, D, Z, T…), process group, nice value.
    pub state: String,
    pub pgid: i32,
    pub nice: i64,
    /// Virtual and resident size, KiB.
    pub vsz: u64,
    pub rss: u64,
    /// The command's name (comm) and its whole command line.
    pub comm: String,
    /// Effective capabilities (a hex mask).
    pub cap_eff: String,
    /// utime + stime, in clock ticks.
    pub cpu_ticks: u64,
    /// Start time, in clock ticks after boot.
    pub start_ticks: u64,
    pub tty: String,
    pub command: String,
}

/// The host pids of the container whose first process is `pid1` (first): every
/// process in its pid namespace; or, when it joined another container's
/// (`--pid container:`, its first process is not PID 1 there), its descendants only.
pub fn pids(pid1: i32) -> Result<Vec<i32>> {
    let all = namespace_pids(pid1)?;
    let status = std::fs::read_to_string(format!("/proc/{pid1}/status")).unwrap_or_default();
    if status_field(&status, "NSpid:").last() == Some(&"1") {
        return Ok(all);
    }
    let parent = |pid: i32| -> Option<i32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        stat[stat.rfind(')')? + 2..]
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    };
    let parents: Vec<(i32, Option<i32>)> = all.iter().map(|p| (*p, parent(*p))).collect();
    let mut ours = vec![pid1];
    let mut grew = true;
    while grew {
        grew = false;
        for (pid, ppid) in &parents {
            if !ours.contains(pid) && ppid.is_some_and(|pp| ours.contains(&pp)) {
                ours.push(*pid);
                grew = true;
            }
        }
    }
    Ok(ours)
}

/// The host pids of the processes in the pid namespace of `pid1` (pid1 first).
fn namespace_pids(pid1: i32) -> Result<Vec<i32>> {
    let ns = std::fs::metadata(format!("/proc/{pid1}/ns/pid"))
        .with_context(|| format!("reading the pid namespace of process {pid1}"))?;
    let mut pids = vec![pid1];
    for entry in std::fs::read_dir("/proc").context("reading /proc")? {
        let Some(pid) = entry?
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<i32>().ok())
        else {
            continue;
        };
        if pid == pid1 {
            continue;
        }
        match std::fs::metadata(format!("/proc/{pid}/ns/pid")) {
            Ok(m) if m.ino() == ns.ino() && m.dev() == ns.dev() => pids.push(pid),
            _ => {}
        }
    }
    Ok(pids)
}

/// Field `key` of /proc/PID/status, split on whitespace.
fn status_field<'a>(status: &'a str, key: &str) -> Vec<&'a str> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .map(|v| v.split_whitespace().collect())
        .unwrap_or_default()
}

/// The terminal of a process from its tty_nr (major 136+: /dev/pts/N), or "?".
fn tty_name(tty_nr: u64) -> String {
    let major = (tty_nr >> 8) & 0xfff;
    let minor = (tty_nr & 0xff) | ((tty_nr >> 12) & 0xfff00);
    match major {
        0 => "?".into(),
        136..=143 => format!("pts/{}", (major - 136) * 256 + minor),
        _ => format!("{major}:{minor}"),
    }
}

/// A host uid as the container sees it (65534, nobody, if it is not mapped).
fn inside_uid(map: &[IdRange], host: u32) -> u32 {
    map.iter()
        .find(|r| host >= r.host && host - r.host < r.size)
        .map(|r| r.container + (host - r.host))
        .unwrap_or(65534)
}

/// What /proc says about host pid `pid` (None if it is gone).
fn read(pid: i32, map: &[IdRange], gid_map: &[IdRange]) -> Option<Process> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let f: Vec<&str> = stat[stat.rfind(')')? + 2..].split_whitespace().collect();
    let num = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let mut command = String::from_utf8_lossy(&cmdline)
        .trim_end_matches('\0')
        .replace('\0', " ");
    if command.is_empty() {
        command = format!("[{}]", &stat[stat.find('(')? + 1..stat.rfind(')')?]);
    }
    let ns_pid = status_field(&status, "NSpid:")
        .last()
        .and_then(|p| p.parse().ok())
        .unwrap_or(pid);
    let first = |key: &str| -> u32 {
        status_field(&status, key)
            .first()
            .and_then(|u| u.parse().ok())
            .unwrap_or(0)
    };
    let host_uid = first("Uid:");
    // SAFETY: sysconf with a constant argument.
    let page_kib = (unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(4096) / 1024) as u64;
    Some(Process {
        host_pid: pid,
        pid: ns_pid,
        ppid: num(1) as i32,
        uid: inside_uid(map, host_uid),
        gid: inside_uid(gid_map, first("Gid:")),
        host_uid,
        state: f.first().map_or_else(String::new, |s| s.to_string()),
        pgid: num(2) as i32,
        nice: f.get(16).and_then(|v| v.parse().ok()).unwrap_or(0),
        vsz: num(20) / 1024,
        rss: num(21) * page_kib,
        comm: stat[stat.find('(')? + 1..stat.rfind(')')?].to_string(),
        cap_eff: status_field(&status, "CapEff:")
            .first()
            .map_or_else(String::new, |c| c.to_string()),
        cpu_ticks: num(11) + num(12),
        start_ticks: num(19),
        tty: tty_name(num(4)),
        command,
    })
}

/// The processes of the container whose first process is `pid1`, with their
/// parent pids as the container sees them.
pub fn list(pid1: i32) -> Result<Vec<Process>> {
    let map = crate::userns::read_map(&format!("/proc/{pid1}/uid_map"));
    let gid_map = crate::userns::read_map(&format!("/proc/{pid1}/gid_map"));
    let procs: Vec<Process> = pids(pid1)?
        .into_iter()
        .filter_map(|p| read(p, &map, &gid_map))
        .collect();
    // The parent as a container pid (0 for the first process, whose parent is the monitor).
    let by_host: std::collections::HashMap<i32, i32> =
        procs.iter().map(|p| (p.host_pid, p.pid)).collect();
    Ok(procs
        .iter()
        .map(|p| Process {
            ppid: by_host.get(&p.ppid).copied().unwrap_or(0),
            ..p.clone()
        })
        .collect())
}

/// A line of `husk top`.
pub struct TopRow {
    pub process: Process,
    /// The user's name in the container's /etc/passwd, else the uid; the group's likewise.
    pub user: String,
    pub group: String,
    /// CPU time over elapsed time, in percent.
    pub cpu_percent: f64,
    pub elapsed: Duration,
    pub cpu_time: Duration,
}

/// The processes of container `id` (first process `pid1`) as `husk top` shows them.
pub fn top(store: &Store, id: &str, pid1: i32) -> Result<Vec<TopRow>> {
    // SAFETY: sysconf with a constant argument.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    let uptime_ticks = std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|u| u.split_whitespace().next()?.parse::<f64>().ok())
        .map(|s| (s * hz as f64) as u64)
        .unwrap_or(0);
    // The container's /etc/passwd from its layers (its FUSE root admits only its own namespace).
    let record = store.container_record(id)?;
    let mut layers = super::lower_dirs(store, &record)?;
    layers.push(store.container_dir(id).join("upper"));
    // What a container put there is untrusted: anything but a small regular file reads as empty.
    let file = |rel: &str| {
        crate::overlay::read_merged_file(&layers, rel)
            .ok()
            .flatten()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    };
    let (passwd, group) = (file("etc/passwd"), file("etc/group"));
    let name_in = |text: &str, id: u32| {
        text.lines()
            .map(|l| l.split(':').collect::<Vec<_>>())
            .find(|f| f.len() > 2 && f[2] == id.to_string())
            .map(|f| f[0].to_string())
            .unwrap_or_else(|| id.to_string())
    };
    Ok(list(pid1)?
        .into_iter()
        .map(|p| {
            let elapsed = uptime_ticks.saturating_sub(p.start_ticks);
            let cpu_percent = match elapsed {
                0 => 0.0,
                e => 100.0 * p.cpu_ticks as f64 / e as f64,
            };
            TopRow {
                user: name_in(&passwd, p.uid),
                group: name_in(&group, p.gid),
                cpu_percent,
                elapsed: Duration::from_secs(elapsed / hz),
                cpu_time: Duration::from_secs(p.cpu_ticks / hz),
                process: p,
            }
        })
        .collect())
}

/// `husk top CTR -ef` (docker's way): the host's ps(1) with those options; its
/// header, and its lines of the container's processes only (by its PID column).
pub fn host_ps(pid1: i32, options: &[String]) -> Result<(String, Vec<String>)> {
    let ours: std::collections::HashSet<String> =
        pids(pid1)?.iter().map(|p| p.to_string()).collect();
    let out = std::process::Command::new("ps")
        .args(options)
        .output()
        .context("running ps (install procps), for husk top's ps options")?;
    if !out.status.success() {
        anyhow::bail!(
            "ps {}: {}",
            options.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default().to_string();
    let Some(col) = header.split_whitespace().position(|h| h == "PID") else {
        anyhow::bail!(
            "ps {} shows no PID column: husk top cannot pick the container's processes",
            options.join(" ")
        );
    };
    let mine = lines
        .filter(|l| {
            l.split_whitespace()
                .nth(col)
                .is_some_and(|p| ours.contains(p))
        })
        .map(String::from)
        .collect();
    Ok((header, mine))
}

/// podman's default `top` columns.
pub const DEFAULT_DESCRIPTORS: &[&str] = &[
    "user", "pid", "ppid", "pcpu", "etime", "tty", "time", "args",
];

/// A `husk top` column: its header, and its value for a row.
pub type Column = (&'static str, fn(&TopRow) -> String);

/// The column of a descriptor (podman's, long or `%` forms); None for a name that is not one.
pub fn descriptor(name: &str) -> Option<Column> {
    fn hms(d: Duration) -> String {
        let s = d.as_secs();
        format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    }
    Some(match name {
        "user" | "%U" | "ruser" | "%u" => ("USER", |t| t.user.clone()),
        "group" | "%G" | "rgroup" | "%g" => ("GROUP", |t| t.group.clone()),
        "uid" => ("UID", |t| t.process.uid.to_string()),
        "gid" => ("GID", |t| t.process.gid.to_string()),
        "huser" => ("HUSER", |t| t.process.host_uid.to_string()),
        "pid" | "%p" => ("PID", |t| t.process.pid.to_string()),
        "hpid" => ("HPID", |t| t.process.host_pid.to_string()),
        "ppid" | "%P" => ("PPID", |t| t.process.ppid.to_string()),
        "pgid" | "%r" => ("PGID", |t| t.process.pgid.to_string()),
        "pcpu" | "%C" => ("%CPU", |t| format!("{:.3}", t.cpu_percent)),
        "etime" | "%t" => ("ELAPSED", |t| crate::output::human::duration(t.elapsed)),
        "time" | "%x" => ("TIME", |t| hms(t.cpu_time)),
        "tty" | "%y" => ("TTY", |t| t.process.tty.clone()),
        "nice" | "%n" => ("NI", |t| t.process.nice.to_string()),
        "vsz" | "%z" => ("VSZ", |t| t.process.vsz.to_string()),
        "rss" => ("RSS", |t| t.process.rss.to_string()),
        "state" => ("STATE", |t| t.process.state.clone()),
        "comm" | "%c" => ("COMMAND", |t| t.process.comm.clone()),
        "args" | "%a" => ("COMMAND", |t| t.process.command.clone()),
        "capeff" => ("EFFECTIVE CAPS", |t| t.process.cap_eff.clone()),
        _ => return None,
    })
}
