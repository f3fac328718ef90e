//! TLS trust for a registry: the system's CA store, plus the per-registry
//! `certs.d` directories podman and docker read (`*.crt` CA files, and a
//! `*.cert` + `*.key` client certificate pair).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{bail, Context, Result};
use reqwest::{Certificate, Identity};

use crate::config::paths;

/// The certs.d directories for `registry` (host[:port]), most personal first.
pub fn certs_dirs(registry: &str) -> Result<Vec<PathBuf>> {
    Ok(vec![
        paths::config_home()?
            .join("containers/certs.d")
            .join(registry),
        PathBuf::from("/etc/containers/certs.d").join(registry),
        PathBuf::from("/etc/docker/certs.d").join(registry),
    ])
}

/// Where a user is told to put a registry's CA.
pub fn user_ca_path(registry: &str) -> String {
    match paths::config_home() {
        Ok(dir) => dir
            .join("containers/certs.d")
            .join(registry)
            .join("ca.crt")
            .display()
            .to_string(),
        Err(_) => format!("~/.config/containers/certs.d/{registry}/ca.crt"),
    }
}

/// What trust is set on: the blocking client's builder (every request) and
/// the async one's (a blob streamed in one request, `registry::stream`).
pub trait TlsBuilder: Sized {
    fn tls_built_in_root_certs(self, on: bool) -> Self;
    fn add_root_certificate(self, cert: Certificate) -> Self;
    fn identity(self, id: Identity) -> Self;
}

macro_rules! tls_builder {
    ($builder:ty) => {
        impl TlsBuilder for $builder {
            fn tls_built_in_root_certs(self, on: bool) -> Self {
                <$builder>::tls_built_in_root_certs(self, on)
            }
            fn add_root_certificate(self, cert: Certificate) -> Self {
                <$builder>::add_root_certificate(self, cert)
            }
            fn identity(self, id: Identity) -> Self {
                <$builder>::identity(self, id)
            }
        }
    };
}
tls_builder!(reqwest::blocking::ClientBuilder);
tls_builder!(reqwest::ClientBuilder);

/// The system's CA bundle files, as distributions place them.
const SYSTEM_BUNDLES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/ssl/cert.pem",
];

/// Trust the system's CAs from its one bundle file (`$SSL_CERT_FILE` or the
/// distribution's): a read of one file, where the native store scans every
/// file of /etc/ssl/certs (150 opens, a good part of a `husk push` that has
/// nothing to send), parsed once for all of a process's clients. Without a
/// bundle, the native store as before.
fn system_roots<B: TlsBuilder>(builder: B) -> B {
    static BUNDLE: OnceLock<Option<Vec<Certificate>>> = OnceLock::new();
    let bundle = BUNDLE.get_or_init(|| {
        std::env::var_os("SSL_CERT_FILE")
            .map(PathBuf::from)
            .into_iter()
            .chain(SYSTEM_BUNDLES.iter().map(PathBuf::from))
            .find_map(|path| {
                let pem = std::fs::read(&path).ok()?;
                Certificate::from_pem_bundle(&pem)
                    .ok()
                    .filter(|certs| !certs.is_empty())
            })
    });
    match bundle {
        Some(certs) => certs
            .iter()
            .fold(builder.tls_built_in_root_certs(false), |b, c| {
                b.add_root_certificate(c.clone())
            }),
        None => builder,
    }
}

/// Add the system's CAs, and the CA files and client certificate found for
/// `registry`, to `builder`.
/// `cert_dir` (`--cert-dir`): that directory instead of the registry's certs.d ones.
pub fn configure<B: TlsBuilder>(builder: B, registry: &str, cert_dir: Option<&Path>) -> Result<B> {
    let mut builder = system_roots(builder);
    let dirs = match cert_dir {
        Some(d) if !d.is_dir() => bail!("--cert-dir {}: no such directory", d.display()),
        Some(d) => vec![d.to_path_buf()],
        None => certs_dirs(registry)?,
    };
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for file in &files {
            match file.extension().and_then(|e| e.to_str()) {
                Some("crt") => {
                    let pem = std::fs::read(file)
                        .with_context(|| format!("reading {}", file.display()))?;
                    for cert in Certificate::from_pem_bundle(&pem)
                        .with_context(|| format!("{} is not a PEM certificate", file.display()))?
                    {
                        builder = builder.add_root_certificate(cert);
                    }
                }
                Some("cert") => {
                    let key = file.with_extension("key");
                    let mut pem = std::fs::read(file)
                        .with_context(|| format!("reading {}", file.display()))?;
                    pem.extend(
                        std::fs::read(&key)
                            .with_context(|| format!("reading {}", key.display()))?,
                    );
                    let id = Identity::from_pem(&pem).with_context(|| {
                        format!(
                            "{} and {} are not a certificate and key",
                            file.display(),
                            key.display()
                        )
                    })?;
                    builder = builder.identity(id);
                }
                _ => {}
            }
        }
    }
    Ok(builder)
}
