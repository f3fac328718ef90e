//! The push half of the distribution API: does the registry have a blob
//! (HEAD), mount one from another repository of the same registry, upload
//! one (monolithic for small blobs, chunked PATCHes for large ones, resumed
//! from the registry's offset after a broken chunk), put a manifest.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{anyhow, bail, Context, Result};
use reqwest::blocking::Response;
use reqwest::header::{CONTENT_LENGTH, CONTENT_RANGE, CONTENT_TYPE, LOCATION, RANGE};
use reqwest::StatusCode;

use super::client::{error_detail, RegistryClient, RegistryError};
use crate::digest::Digest;
use crate::progress::Item;

/// Blobs up to this size go in one PUT; larger ones in PATCHes of this size.
pub const CHUNK: u64 = 8 << 20;

/// How many times a broken chunk is resumed from the registry's offset.
const RESUMES: u32 = 3;

impl RegistryClient {
    /// The size of blob `digest` if the repository has it.
    pub fn head_blob(&self, digest: &Digest) -> Result<Option<u64>> {
        let path = format!("/v2/{}/blobs/{digest}", self.repository);
        let resp = self.send(|c, base| c.head(format!("{base}{path}")))?;
        match resp.status() {
            s if s.is_success() => Ok(Some(resp.content_length().unwrap_or(0))),
            StatusCode::NOT_FOUND => Ok(None),
            _ => self
                .check_push(resp, &format!("checking blob {digest}"))
                .map(|_| None),
        }
    }

    /// Mount blob `digest` from repository `from` (same registry): whether it
    /// was mounted (a registry may start an upload instead).
    pub fn mount_blob(&self, digest: &Digest, from: &str) -> Result<bool> {
        let path = format!(
            "/v2/{}/blobs/uploads/?mount={digest}&from={from}",
            self.repository
        );
        let resp =
            self.send(|c, base| c.post(format!("{base}{path}")).header(CONTENT_LENGTH, 0))?;
        match resp.status() {
            StatusCode::CREATED => Ok(true),
            StatusCode::ACCEPTED => {
                // An upload it started instead: cancelled, ours starts afresh.
                if let Ok(url) = self.location(&resp) {
                    let _ = self.send(|c, _| c.delete(url.clone()));
                }
                Ok(false)
            }
            _ => self
                .check_push(resp, &format!("mounting blob {digest}"))
                .map(|_| false),
        }
    }

    /// Upload the file `path` as blob `digest` of `size` bytes.
    pub fn upload_blob(&self, path: &Path, digest: &Digest, size: u64, item: &Item) -> Result<()> {
        let mut file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut url = self.start_upload(digest)?;
        if size <= CHUNK {
            let mut body = Vec::with_capacity(size as usize);
            file.read_to_end(&mut body)?;
            let put = with_digest(&url, digest);
            let resp = self.send(|c, _| {
                c.put(put.clone())
                    .header(CONTENT_TYPE, "application/octet-stream")
                    .body(body.clone())
            })?;
            self.check_push(resp, &format!("uploading blob {digest}"))?;
            item.inc(size);
            return Ok(());
        }
        let mut offset = 0;
        let mut resumes = 0;
        while offset < size {
            let len = CHUNK.min(size - offset);
            let mut chunk = vec![0u8; len as usize];
            file.seek(SeekFrom::Start(offset))?;
            file.read_exact(&mut chunk)?;
            let range = format!("{offset}-{}", offset + len - 1);
            let sent = self
                .send(|c, _| {
                    c.patch(url.clone())
                        .header(CONTENT_TYPE, "application/octet-stream")
                        .header(CONTENT_RANGE, range.clone())
                        .body(chunk.clone())
                })
                .and_then(|resp| self.check_push(resp, &format!("uploading blob {digest}")));
            match sent {
                Ok(resp) => {
                    url = self.location(&resp)?;
                    offset += len;
                    item.inc(len);
                }
                Err(e) if resumes < RESUMES && !is_auth_error(&e) => {
                    // Where did the registry get to? Go on from there.
                    resumes += 1;
                    let (at, next) = self
                        .upload_offset(&url)
                        .with_context(|| format!("{e:#}; then asking where the upload stands"))?;
                    url = next;
                    offset = at.min(size);
                    item.reset();
                    item.inc(offset);
                }
                Err(e) if resumes > 0 => {
                    return Err(e.context(format!(
                        "uploading blob {digest}: the upload broke {} times",
                        resumes + 1
                    )))
                }
                Err(e) => return Err(e),
            }
        }
        let put = with_digest(&url, digest);
        let resp = self.send(|c, _| c.put(put.clone()).header(CONTENT_LENGTH, 0))?;
        self.check_push(resp, &format!("finishing the upload of blob {digest}"))?;
        Ok(())
    }

    /// The digest of the manifest under `reference`, if there is one.
    pub fn head_manifest(&self, reference: &str) -> Result<Option<Digest>> {
        let path = format!("/v2/{}/manifests/{reference}", self.repository);
        let resp = self.send(|c, base| {
            c.head(format!("{base}{path}")).header(
                reqwest::header::ACCEPT,
                super::client::MANIFEST_TYPES.join(", "),
            )
        })?;
        if !resp.status().is_success() {
            return Ok(None);
        }
        Ok(resp
            .headers()
            .get("Docker-Content-Digest")
            .and_then(|v| v.to_str().ok())
            .and_then(|d| d.parse().ok()))
    }

    /// Put a manifest under `reference` (a tag or digest); its digest.
    pub fn put_manifest(&self, reference: &str, media_type: &str, bytes: &[u8]) -> Result<Digest> {
        let path = format!("/v2/{}/manifests/{reference}", self.repository);
        let resp = self.send(|c, base| {
            c.put(format!("{base}{path}"))
                .header(CONTENT_TYPE, media_type)
                .body(bytes.to_vec())
        })?;
        self.check_push(resp, &format!("writing manifest {reference}"))?;
        Ok(Digest::of(bytes))
    }

    /// POST an upload: its URL.
    fn start_upload(&self, digest: &Digest) -> Result<String> {
        let path = format!("/v2/{}/blobs/uploads/", self.repository);
        let resp =
            self.send(|c, base| c.post(format!("{base}{path}")).header(CONTENT_LENGTH, 0))?;
        let resp = self.check_push(resp, &format!("starting the upload of blob {digest}"))?;
        self.location(&resp)
    }

    /// The offset the registry has of an upload (from its `Range`), and the URL to go on with.
    fn upload_offset(&self, url: &str) -> Result<(u64, String)> {
        let resp = self.send(|c, _| c.get(url.to_string()))?;
        let resp = self.check_push(resp, "asking where an upload stands")?;
        let next = self.location(&resp).unwrap_or_else(|_| url.to_string());
        let at = resp
            .headers()
            .get(RANGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|r| r.rsplit('-').next())
            .and_then(|end| end.parse::<u64>().ok())
            // "0-0" is what registries say of an empty upload too: start over then.
            .map_or(0, |end| if end == 0 { 0 } else { end + 1 });
        Ok((at, next))
    }

    /// A reply's `Location`, made absolute against the URL that answered
    /// (which may be another host's: the registry's upload service).
    fn location(&self, resp: &Response) -> Result<String> {
        let loc = resp
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| anyhow!("{}: an upload reply without a Location", self.registry))?;
        let url = resp.url().join(loc).with_context(|| {
            format!(
                "{}: an upload Location {loc:?} that is no URL",
                self.registry
            )
        })?;
        match url.scheme() {
            "https" | "http" => Ok(url.to_string()),
            other => bail!(
                "{}: an upload Location with scheme {other:?}",
                self.registry
            ),
        }
    }

    /// An unsuccessful reply to a push request as an error that says what to do.
    fn check_push(&self, resp: Response, what: &str) -> Result<Response> {
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        let detail = error_detail(resp);
        let name = format!("{}/{}", self.registry, self.repository);
        match status {
            StatusCode::UNAUTHORIZED => Err(self.unauthorized()),
            StatusCode::FORBIDDEN => Err(RegistryError::Unauthorized(format!(
                "{name}: {what}: denied{detail} (husk login {})",
                self.registry
            ))
            .into()),
            s => bail!("{name}: {what}: the registry answered {s}{detail}"),
        }
    }
}

/// `url` with `digest=` added to its query.
fn with_digest(url: &str, digest: &Digest) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}digest={digest}")
}

fn is_auth_error(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<RegistryError>(),
        Some(RegistryError::Unauthorized(_))
    )
}
