//! `run --secret NAME[,type=mount|env][,target=T][,uid=N][,gid=N][,mode=M]`:
//! what a container is given of a secret, and the copy it keeps.

use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::Secret;
use crate::store::Store;

/// Where the copies are, in the container's directory.
const DIR: &str = "secrets";

/// How a container is given a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A read-only file (by default /run/secrets/NAME).
    Mount,
    /// An environment variable (by default named NAME).
    Env,
}

/// One `--secret`, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretRequest {
    pub name: String,
    pub kind: Kind,
    /// The file's absolute path, or the variable's name.
    pub target: String,
    pub uid: u32,
    pub gid: u32,
    pub mode: u32,
}

impl std::str::FromStr for SecretRequest {
    type Err = anyhow::Error;

    fn from_str(text: &str) -> Result<SecretRequest> {
        let mut parts = text.split(',');
        let name = parts.next().unwrap_or_default();
        super::check_name(name).with_context(|| format!("--secret {text}"))?;
        let (mut kind, mut target) = (Kind::Mount, None);
        let (mut uid, mut gid, mut mode) = (None, None, None);
        for opt in parts {
            let Some((key, value)) = opt.split_once('=') else {
                bail!("invalid --secret {text:?}: {opt:?} is not KEY=VALUE");
            };
            let number = |radix: u32| {
                u32::from_str_radix(value, radix)
                    .with_context(|| format!("invalid --secret {text:?}: {key} is a number"))
            };
            match key {
                "type" => {
                    kind = match value {
                        "mount" => Kind::Mount,
                        "env" => Kind::Env,
                        _ => bail!("invalid --secret {text:?}: type is mount or env"),
                    }
                }
                "target" if !value.is_empty() => target = Some(value.to_string()),
                "uid" => uid = Some(number(10)?),
                "gid" => gid = Some(number(10)?),
                "mode" => mode = Some(number(8)?),
                _ => bail!(
                    "invalid --secret {text:?}: the options are type, target, uid, gid and mode"
                ),
            }
        }
        if kind == Kind::Env && (uid.is_some() || gid.is_some() || mode.is_some()) {
            bail!("invalid --secret {text:?}: uid, gid and mode are for type=mount");
        }
        if mode.is_some_and(|m| m > 0o777) {
            bail!("invalid --secret {text:?}: mode is an octal mode such as 0400");
        }
        let target = match (kind, target) {
            (Kind::Mount, None) => format!("/run/secrets/{name}"),
            (Kind::Mount, Some(t)) if t.starts_with('/') => t,
            (Kind::Mount, Some(t)) => format!("/run/secrets/{t}"),
            (Kind::Env, t) => t.unwrap_or_else(|| name.to_string()),
        };
        let bad_target = match kind {
            Kind::Mount => Path::new(&target)
                .components()
                .any(|c| matches!(c, std::path::Component::ParentDir)),
            Kind::Env => target.contains('=') || target.contains('\0'),
        };
        if bad_target {
            bail!("invalid --secret {text:?}: target {target:?}");
        }
        Ok(SecretRequest {
            name: name.to_string(),
            kind,
            target,
            uid: uid.unwrap_or(0),
            gid: gid.unwrap_or(0),
            mode: mode.unwrap_or(0o444),
        })
    }
}

/// The secrets a container asks for, looked up with their data (before anything is made).
pub struct Given {
    pub secrets: Vec<(SecretRequest, Secret, Vec<u8>)>,
}

impl Given {
    /// Look up each requested secret; an unknown one is an error.
    pub fn read(store: &Store, requests: &[SecretRequest]) -> Result<Given> {
        let mut secrets = Vec::new();
        for r in requests {
            let s = super::find(store, &r.name).with_context(|| format!("--secret {}", r.name))?;
            let data = super::data(store, &s)?;
            if r.kind == Kind::Env && std::str::from_utf8(&data).is_err() {
                bail!("--secret {},type=env: the secret is not text", r.name);
            }
            secrets.push((r.clone(), s, data));
        }
        Ok(Given { secrets })
    }

    /// `NAME=VALUE` of the env-type ones.
    pub fn env(&self) -> Vec<String> {
        self.secrets
            .iter()
            .filter(|(r, _, _)| r.kind == Kind::Env)
            .map(|(r, _, d)| format!("{}={}", r.target, String::from_utf8_lossy(d)))
            .collect()
    }

    /// The spec's read-only binds of the mount-type ones' copies in `container_dir`.
    pub fn mounts(&self, container_dir: &Path) -> Vec<Value> {
        self.files()
            .map(|(i, r, _)| {
                json!({"destination": r.target, "type": "bind",
                    "source": copy_path(container_dir, i),
                    "options": ["rbind", "ro", "nosuid", "nodev", "noexec"]})
            })
            .collect()
    }

    /// Write the copies into the container's directory `dir`, each owned by
    /// `owner(uid, gid)` (the host ids of the request's).
    pub fn write(&self, dir: &Path, owner: impl Fn(u32, u32) -> (u32, u32)) -> Result<()> {
        if self.files().next().is_none() {
            return Ok(());
        }
        std::fs::DirBuilder::new()
            .mode(0o700)
            .create(dir.join(DIR))
            .context("creating the container's secrets directory")?;
        for (i, r, data) in self.files() {
            let path = copy_path(dir, i);
            let f = super::write_new_private(&path, data)
                .with_context(|| format!("writing {}", path.display()))?;
            let (uid, gid) = owner(r.uid, r.gid);
            std::os::unix::fs::fchown(&f, Some(uid), Some(gid))
                .with_context(|| format!("--secret {}: chown to {}:{}", r.name, r.uid, r.gid))?;
            use std::os::unix::fs::PermissionsExt;
            f.set_permissions(std::fs::Permissions::from_mode(r.mode))
                .with_context(|| format!("chmod {}", path.display()))?;
        }
        Ok(())
    }

    /// The mount-type ones, numbered.
    fn files(&self) -> impl Iterator<Item = (usize, &SecretRequest, &Vec<u8>)> {
        self.secrets
            .iter()
            .enumerate()
            .filter(|(_, (r, _, _))| r.kind == Kind::Mount)
            .map(|(i, (r, _, d))| (i, r, d))
    }
}

/// `env` (a container's `NAME=VALUE`s) without the variables its env-type
/// secrets set: what `inspect` shows and `commit` keeps.
pub fn hide_env(env: Vec<String>, requests: &[SecretRequest]) -> Vec<String> {
    let secret = |e: &String| {
        let name = e.split_once('=').map_or(e.as_str(), |(k, _)| k);
        requests
            .iter()
            .any(|r| r.kind == Kind::Env && r.target == name)
    };
    env.into_iter().filter(|e| !secret(e)).collect()
}

fn copy_path(dir: &Path, i: usize) -> PathBuf {
    dir.join(DIR).join(i.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed_as_podman_does() {
        let r: SecretRequest = "db".parse().unwrap();
        assert_eq!(
            (r.kind, r.target.as_str(), r.mode),
            (Kind::Mount, "/run/secrets/db", 0o444)
        );
        let r: SecretRequest = "db,target=pw,uid=1000,mode=0400".parse().unwrap();
        assert_eq!(
            (r.target.as_str(), r.uid, r.mode),
            ("/run/secrets/pw", 1000, 0o400)
        );
        let r: SecretRequest = "db,type=env,target=DB_PASSWORD".parse().unwrap();
        assert_eq!((r.kind, r.target.as_str()), (Kind::Env, "DB_PASSWORD"));
        for bad in [
            "",
            "a/b",
            "db,type=file",
            "db,colour=red",
            "db,type=env,uid=1",
            "db,mode=999",
            "db,target=../../etc/x",
            "db,type=env,target=A=B",
            "db,uid=x",
        ] {
            assert!(bad.parse::<SecretRequest>().is_err(), "{bad:?}");
        }
    }
}
