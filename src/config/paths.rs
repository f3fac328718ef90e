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
