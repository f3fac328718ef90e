//! Registry credentials in the files docker and podman users already have:
//! `--authfile` / `$REGISTRY_AUTH_FILE`, `$XDG_RUNTIME_DIR/containers/auth.json`,
//! `~/.config/containers/auth.json` and `~/.docker/config.json` (read in that
//! order; the first that knows the registry wins). `husk login` writes the
//! first of them that applies, as podman does.

use std::fs;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde_json::{json, Map, Value};

use super::reference::normalize_registry;
use crate::config::paths;

/// A user name and password (or token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub password: String,
}

/// The auth files in lookup order.
pub fn auth_files(explicit: Option<&Path>) -> Result<Vec<PathBuf>> {
    if let Some(p) = explicit {
        return Ok(vec![p.to_path_buf()]);
    }
    if let Some(p) = std::env::var_os("REGISTRY_AUTH_FILE").filter(|p| !p.is_empty()) {
        return Ok(vec![PathBuf::from(p)]);
    }
    let mut files = Vec::new();
    if let Some(run) = paths::runtime_dir() {
        files.push(run.join("containers/auth.json"));
    }
    files.push(paths::config_home()?.join("containers/auth.json"));
    // docker's: $DOCKER_CONFIG/config.json, else ~/.docker/config.json.
    files.push(
        match std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
            Some(d) => PathBuf::from(d).join("config.json"),
            None => paths::home()?.join(".docker/config.json"),
        },
    );
    Ok(files)
}

/// The file `husk login` writes to.
pub fn login_file(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("REGISTRY_AUTH_FILE").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    match paths::runtime_dir().filter(|d| d.is_dir()) {
        Some(run) => Ok(run.join("containers/auth.json")),
        None => Ok(paths::config_home()?.join("containers/auth.json")),
    }
}

/// Credentials for `registry` (and `repository`, for per-repository entries), if any file has them.
pub fn lookup(
    registry: &str,
    repository: &str,
    explicit: Option<&Path>,
) -> Result<Option<Credentials>> {
    for file in auth_files(explicit)? {
        let Some(doc) = read_json(&file)? else {
            continue;
        };
        if let Some(creds) = find_in(&doc, registry, repository) {
            return Ok(Some(creds));
        }
    }
    Ok(None)
}

/// Store credentials for `registry` in the login file (mode 0600).
pub fn store(registry: &str, creds: &Credentials, explicit: Option<&Path>) -> Result<PathBuf> {
    let file = login_file(explicit)?;
    let mut doc = read_json(&file)?.unwrap_or_else(|| json!({}));
    let auth = B64.encode(format!("{}:{}", creds.username, creds.password));
    auths_mut(&mut doc).insert(registry.to_string(), json!({ "auth": auth }));
    write_json(&file, &doc)?;
    Ok(file)
}

/// Remove credentials for `registry` from every auth file; true if any were there.
pub fn remove(registry: &str, explicit: Option<&Path>) -> Result<bool> {
    let mut found = false;
    for file in auth_files(explicit)? {
        let Some(mut doc) = read_json(&file)? else {
            continue;
        };
        let auths = auths_mut(&mut doc);
        let keys: Vec<String> = auths
            .keys()
            .filter(|k| key_registry(k) == registry)
            .cloned()
            .collect();
        if keys.is_empty() {
            continue;
        }
        for k in keys {
            auths.remove(&k);
        }
        write_json(&file, &doc)?;
        found = true;
    }
    Ok(found)
}

fn find_in(doc: &Value, registry: &str, repository: &str) -> Option<Credentials> {
    let auths = doc.get("auths")?.as_object()?;
    // The most specific key wins: `host/ns/repo` over `host/ns` over `host`.
    let mut best: Option<(usize, &Value)> = None;
    for (key, entry) in auths {
        let key = key
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        let key = key.trim_end_matches("/v1/").trim_end_matches('/');
        let (host, path) = key.split_once('/').unwrap_or((key, ""));
        if normalize_registry(host) != registry {
            continue;
        }
        let applies =
            path.is_empty() || repository == path || repository.starts_with(&format!("{path}/"));
        if applies && best.is_none_or(|(len, _)| path.len() >= len) {
            best = Some((path.len(), entry));
        }
    }
    decode_entry(best?.1)
}

fn decode_entry(entry: &Value) -> Option<Credentials> {
    if let Some(auth) = entry
        .get("auth")
        .and_then(Value::as_str)
        .filter(|a| !a.is_empty())
    {
        let raw = B64.decode(auth.trim()).ok()?;
        let text = String::from_utf8(raw).ok()?;
        let (u, p) = text.split_once(':')?;
        return Some(Credentials {
            username: u.into(),
            password: p.into(),
        });
    }
    let u = entry.get("username")?.as_str()?;
    let p = entry.get("password")?.as_str()?;
    Some(Credentials {
        username: u.into(),
        password: p.into(),
    })
}

fn key_registry(key: &str) -> String {
    let key = key
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    normalize_registry(key.split('/').next().unwrap_or(key))
}

fn auths_mut(doc: &mut Value) -> &mut Map<String, Value> {
    if !doc.is_object() {
        *doc = json!({});
    }
    let obj = doc.as_object_mut().expect("made an object above");
    let auths = obj.entry("auths").or_insert_with(|| json!({}));
    if !auths.is_object() {
        *auths = json!({});
    }
    auths.as_object_mut().expect("made an object above")
}

fn read_json(path: &Path) -> Result<Option<Value>> {
    match fs::read(path) {
        Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => Ok(None),
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .with_context(|| format!("{} is not valid JSON", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

fn write_json(path: &Path, doc: &Value) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .with_context(|| format!("writing {}", tmp.display()))?;
    serde_json::to_writer_pretty(&mut f, doc)?;
    drop(f);
    fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_most_specific_entry() {
        let doc = json!({"auths": {
            "https://index.docker.io/v1/": {"auth": B64.encode("hub:pw")},
            "127.0.0.1:5001": {"auth": B64.encode("alice:one")},
            "127.0.0.1:5001/team": {"username": "bob", "password": "two"},
        }});
        let hub = find_in(&doc, "docker.io", "library/busybox").unwrap();
        assert_eq!(hub.username, "hub");
        assert_eq!(
            find_in(&doc, "127.0.0.1:5001", "other").unwrap().username,
            "alice"
        );
        assert_eq!(
            find_in(&doc, "127.0.0.1:5001", "team/app")
                .unwrap()
                .username,
            "bob"
        );
        assert!(find_in(&doc, "quay.io", "x").is_none());
    }

    #[test]
    fn passwords_may_contain_colons() {
        let doc = json!({"auths": {"r": {"auth": B64.encode("u:p:q")}}});
        assert_eq!(find_in(&doc, "r", "x").unwrap().password, "p:q");
    }
}
