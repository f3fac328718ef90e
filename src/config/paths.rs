//! Where things live: XDG base directories, with the usual fallbacks.

use std::path::PathBuf;

use anyhow::{bail, Result};

/// The user's home: `$HOME`, else the passwd entry.
pub fn home() -> Result<PathBuf> {
    if let Some(h) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        return Ok(PathBuf::from(h));
    }
    match nix::unistd::User::from_uid(nix::unistd::getuid()) {
        Ok(Some(user)) => Ok(user.dir),
        _ => bail!("cannot tell the home directory: set HOME"),
    }
}

fn xdg(var: &str, fallback: &str) -> Result<PathBuf> {
    match std::env::var_os(var).filter(|v| !v.is_empty()) {
        Some(v) => Ok(PathBuf::from(v)),
        None => Ok(home()?.join(fallback)),
    }
}

/// `$XDG_DATA_HOME`, default `~/.local/share`.
pub fn data_home() -> Result<PathBuf> {
    xdg("XDG_DATA_HOME", ".local/share")
}

/// `$XDG_CONFIG_HOME`, default `~/.config`.
pub fn config_home() -> Result<PathBuf> {
    xdg("XDG_CONFIG_HOME", ".config")
}

/// `$XDG_RUNTIME_DIR`, if set.
pub fn runtime_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_RUNTIME_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// husk's runtime directory: `$XDG_RUNTIME_DIR/husk`, else `/tmp/husk-run-UID`
/// with the user's uid as the host sees it, so that a command outside the user
/// namespace and a helper inside it (where the user is uid 0) agree.
pub fn husk_runtime_dir() -> PathBuf {
    // `--runroot` (set for this process and the monitors it starts).
    if let Some(d) = std::env::var_os("HUSK_RUNROOT").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    match runtime_dir() {
        Some(run) => run.join("husk"),
        None => PathBuf::from(format!("/tmp/husk-run-{}", host_uid())),
    }
}

/// This process's uid in the initial user namespace (from /proc/self/uid_map).
fn host_uid() -> u32 {
    let uid = nix::unistd::getuid().as_raw();
    let map = std::fs::read_to_string("/proc/self/uid_map").unwrap_or_default();
    map.lines()
        .filter_map(|l| {
            let f: Vec<u64> = l
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            (f.len() == 3).then(|| (f[0], f[1], f[2]))
        })
        .find(|(inside, _, len)| (*inside..inside + len).contains(&u64::from(uid)))
        .map(|(inside, outside, _)| (outside + u64::from(uid) - inside) as u32)
        .unwrap_or(uid)
}
