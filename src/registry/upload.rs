//! The push half of the distribution API: does the registry have a blob
//! (HEAD), mount one from another repository of the same registry, upload
//! one (from a file, or while it is made: in one streamed PATCH as it comes,
//! `stream.rs`, or a small blob in the PUT that finishes the upload; resumed
//! from the registry's offset after a broken request), put a manifest.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};

use anyhow::{anyhow, bail, Context, Result};
use bytes::{Buf, Bytes};
use reqwest::blocking::Response;
use reqwest::header::{HeaderMap, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, RANGE};
use reqwest::{StatusCode, Url};

use super::client::{error_detail, error_detail_of, RegistryClient, RegistryError};
use super::stream::Reply;
use crate::digest::{Digest, Hasher};
use crate::progress::Item;

/// A blob smaller than this goes in the PUT that finishes its upload,
/// alone; a larger one in a streamed PATCH first. It is also the size of the
/// pieces a [`piece_channel`] hands over.
const FIRST_CHUNK: u64 = 2 << 20;
/// A blob whose source says it is at least this large is streamed without
/// waiting for its first chunk: a layer's tar this size rarely compresses
/// under [`FIRST_CHUNK`], and if it does the PATCH costs one request more.
const STREAM_FROM: u64 = 4 << 20;

/// How many times in a row a broken upload is resumed from the registry's
/// offset when it got less than [`PROGRESS`] further.
const RESUMES: u32 = 3;
const PROGRESS: u64 = 1 << 20;

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
        let mut source = FileSource { path, digest, size };
        self.upload(&mut source, item).map(|_| ())
    }

    /// Upload the blob `source` gives, as it is read: a small blob (under
    /// [`FIRST_CHUNK`]) in the PUT that finishes the upload, a larger one in
    /// one streamed PATCH and then that PUT. A request that breaks is resumed
    /// from where the registry got, `source` read again from there.
    pub fn upload(&self, source: &mut dyn BlobSource, item: &Item) -> Result<(Digest, u64)> {
        // The blob is being made while the upload starts.
        let mut reader = source.read_from(0)?;
        // A blob said to be large is streamed at once, its POST on the
        // streaming connection (made while the blob's first bytes are); else
        // its first chunk says.
        let mut streamer = None;
        let (mut url, first, small) = match source.size_hint() {
            Some(n) if n >= STREAM_FROM => {
                let s = self.streamer()?;
                let url = match self.start_upload_on(&s) {
                    Some(url) => url,
                    None => self.start_upload()?,
                };
                streamer = Some(s);
                (url, Bytes::new(), false)
            }
            _ => {
                let url = self.start_upload()?;
                let first = reader.chunk(FIRST_CHUNK as usize)?;
                let small = (first.len() as u64) < FIRST_CHUNK;
                (url, first, small)
            }
        };
        let streamer = match streamer {
            None if !small => Some(self.streamer()?),
            s => s,
        };
        // The digest and size, once the blob was all read.
        let mut end = match small {
            true => Some(source.finished()?),
            false => None,
        };
        // What the registry has (as far as husk knows), what of `first` is
        // still to go in a PATCH, and how often in a row the registry got
        // (almost) nothing further.
        let mut at = 0;
        let mut pending = (!small).then(|| first.clone());
        let mut failures = 0;
        loop {
            if item.abandoned() {
                bail!("cancelled: the client went away");
            }
            let (sent, outcome) = match &end {
                // The rest of the blob, streamed.
                None => {
                    let first = pending.take().unwrap_or_default();
                    let streamer = streamer
                        .as_ref()
                        .context("a large blob without its streaming client")?;
                    let (reply, handed) =
                        self.patch_stream(streamer, &url, first, &mut *reader, item);
                    let outcome = reply.and_then(|r| self.check_stream_reply(r));
                    (at + handed, outcome.map(Step::Streamed))
                }
                // The PUT with the digest (and a small blob's bytes).
                Some((digest, size)) => {
                    let put = with_digest(&url, digest);
                    let body = match small {
                        true => first.slice(at as usize..),
                        false => Bytes::new(),
                    };
                    let sent = self.send(|c, _| {
                        c.put(put.clone())
                            .header(CONTENT_TYPE, "application/octet-stream")
                            .body(body.clone())
                    });
                    let outcome = sent.and_then(|resp| self.check_push(resp, "uploading a blob"));
                    (*size, outcome.map(|_| Step::Done))
                }
            };
            match outcome {
                Ok(Step::Done) => {
                    item.inc(sent - at);
                    return end.ok_or_else(|| anyhow!("an upload done before its end"));
                }
                Ok(Step::Streamed(next)) => {
                    crate::timeline::mark("upload: streamed");
                    url = next;
                    at = sent;
                    failures = 0;
                    end = Some(source.finished()?);
                }
                Err(e) if failures < RESUMES && !is_auth_error(&e) => {
                    failures += 1;
                    let (got, next) = self
                        .upload_offset(&url)
                        .with_context(|| format!("{e:#}; then asking where the upload stands"))?;
                    if got > sent {
                        bail!(
                            "{e:#}; then the registry said it has {got} bytes of the upload, more than the {sent} husk sent"
                        );
                    }
                    if got >= at + PROGRESS {
                        failures = 0;
                    }
                    url = next;
                    item.reset();
                    item.inc(got);
                    let whole = end.as_ref().is_some_and(|(_, size)| got == *size);
                    if !small && !whole {
                        // The rest again, from where the registry got.
                        drop(std::mem::replace(&mut reader, Box::new(std::io::empty())));
                        reader = source.read_from(got)?;
                        end = None;
                    }
                    at = got;
                }
                Err(e) if failures > 0 => {
                    return Err(e.context(format!(
                        "uploading a blob: the upload broke {} times",
                        failures + 1
                    )))
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// A streamed PATCH's reply: the URL to go on with, or the error it
    /// says (after a 401, with a new credential for the request that resumes).
    fn check_stream_reply(&self, reply: Reply) -> Result<String> {
        if reply.status.is_success() {
            return self.location_in(&reply.headers, &reply.url);
        }
        if reply.status == StatusCode::UNAUTHORIZED {
            // A token that expired mid-upload: a new one, and the upload
            // goes on (a refused credential fails here).
            self.authenticate(&reply.headers)?;
            bail!(
                "{}: uploading a blob: the credential expired",
                self.registry
            );
        }
        Err(self.push_error(
            reply.status,
            &error_detail_of(&reply.body),
            "uploading a blob",
        ))
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
    fn start_upload(&self) -> Result<String> {
        let path = format!("/v2/{}/blobs/uploads/", self.repository);
        let resp =
            self.send(|c, base| c.post(format!("{base}{path}")).header(CONTENT_LENGTH, 0))?;
        let resp = self.check_push(resp, "starting an upload")?;
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
        self.location_in(resp.headers(), resp.url())
    }

    /// [`RegistryClient::location`] of a reply's headers and URL.
    pub(super) fn location_in(&self, headers: &HeaderMap, answered: &Url) -> Result<String> {
        let loc = headers
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| anyhow!("{}: an upload reply without a Location", self.registry))?;
        let url = answered.join(loc).with_context(|| {
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
        Err(self.push_error(status, &error_detail(resp), what))
    }

    /// The error of an unsuccessful push request (`detail`: the registry's message).
    fn push_error(&self, status: StatusCode, detail: &str, what: &str) -> anyhow::Error {
        let name = format!("{}/{}", self.registry, self.repository);
        match status {
            StatusCode::UNAUTHORIZED => self.unauthorized(),
            StatusCode::FORBIDDEN => RegistryError::Unauthorized(format!(
                "{name}: {what}: denied{detail} (husk login {})",
                self.registry
            ))
            .into(),
            s => anyhow!("{name}: {what}: the registry answered {s}{detail}"),
        }
    }
}

/// What a request of [`RegistryClient::upload`] did.
enum Step {
    /// The blob's bytes all went: the URL to finish the upload at.
    Streamed(String),
    /// The upload is finished.
    Done,
}

/// Where [`RegistryClient::upload`] reads a blob from.
pub trait BlobSource {
    /// The blob's bytes from `offset` on: from the start, or the rest after
    /// a broken request. The reader given before is dropped by then.
    fn read_from(&mut self, offset: u64) -> Result<Box<dyn ChunkRead>>;
    /// The blob's digest and size, once a reader was read to its end (an
    /// error if the blob could not be made after all).
    fn finished(&mut self) -> Result<(Digest, u64)>;
    /// About how large the blob is, if known before it is made.
    fn size_hint(&self) -> Option<u64> {
        None
    }
}

/// A blob's bytes, a chunk at a time.
pub trait ChunkRead: Send {
    /// The next `want` bytes, fewer only at the blob's end.
    fn chunk(&mut self, want: usize) -> std::io::Result<Bytes>;
}

impl<R: Read + Send> ChunkRead for R {
    fn chunk(&mut self, want: usize) -> std::io::Result<Bytes> {
        let mut buf = Vec::with_capacity(want);
        self.take(want as u64).read_to_end(&mut buf)?;
        Ok(buf.into())
    }
}

/// A blob in a file, its digest known.
struct FileSource<'a> {
    path: &'a Path,
    digest: &'a Digest,
    size: u64,
}

impl BlobSource for FileSource<'_> {
    fn read_from(&mut self, offset: u64) -> Result<Box<dyn ChunkRead>> {
        let mut file =
            File::open(self.path).with_context(|| format!("opening {}", self.path.display()))?;
        file.seek(SeekFrom::Start(offset))?;
        Ok(Box::new(file.take(self.size - offset.min(self.size))))
    }

    fn finished(&mut self) -> Result<(Digest, u64)> {
        Ok((self.digest.clone(), self.size))
    }

    fn size_hint(&self) -> Option<u64> {
        Some(self.size)
    }
}

/// What a [`PieceWriter`] says when the uploader gave up.
pub const UPLOAD_STOPPED: &str = "the upload stopped";

/// The writing end of [`piece_channel`].
pub struct PieceWriter {
    buf: Vec<u8>,
    tx: SyncSender<Bytes>,
    /// Every piece, skipped or not, before it is sent.
    hasher: Hasher,
    end: PiecesEnd,
}

/// A blob streamed from the thread that makes it to the uploader, in pieces
/// of [`FIRST_CHUNK`] (a piece is handed over when the uploader takes it, so
/// few are in memory: those sent, one made): what the writer writes, the
/// reader reads, from byte `skip` on. The reader's end is where the writer
/// was dropped: whether the blob was made in full is for its maker to say.
/// A writer whose reader is gone fails with [`UPLOAD_STOPPED`]. The writer
/// hashes every piece (on the thread that makes the blob, which runs ahead of
/// the upload, rather than between the uploader's requests): once it was
/// dropped, [`PiecesEnd`] has the whole stream's digest and size.
pub fn piece_channel(skip: u64) -> (PieceWriter, PieceReader, PiecesEnd) {
    let (tx, rx) = sync_channel(0);
    let end = PiecesEnd::default();
    let writer = PieceWriter {
        buf: Vec::with_capacity(FIRST_CHUNK as usize),
        tx,
        hasher: Hasher::default(),
        end: end.clone(),
    };
    let reader = PieceReader {
        rx,
        current: Bytes::new(),
        skip,
    };
    (writer, reader, end)
}

/// The digest and size of what went through a [`piece_channel`], once its
/// writer is gone (so once its reader saw the end).
#[derive(Clone, Default)]
pub struct PiecesEnd(Arc<Mutex<Option<(Digest, u64)>>>);

impl PiecesEnd {
    pub fn get(&self) -> Option<(Digest, u64)> {
        self.0.lock().expect("lock poisoned").clone()
    }
}

impl PieceWriter {
    fn send(&mut self) -> std::io::Result<()> {
        let full = std::mem::take(&mut self.buf);
        self.hasher.update(&full);
        self.tx
            .send(full.into())
            .map_err(|_| std::io::Error::other(UPLOAD_STOPPED))
    }
}

impl Write for PieceWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let size = FIRST_CHUNK as usize;
        if self.buf.capacity() == 0 {
            self.buf.reserve_exact(size);
        }
        let n = data.len().min(size - self.buf.len());
        self.buf.extend_from_slice(&data[..n]);
        if self.buf.len() == size {
            self.send()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for PieceWriter {
    fn drop(&mut self) {
        if !self.buf.is_empty() {
            let _ = self.send();
        }
        // Before the channel closes (the sender is dropped after this).
        let hasher = std::mem::take(&mut self.hasher);
        *self.end.0.lock().expect("lock poisoned") = Some(hasher.finish());
    }
}

/// The reading end of [`piece_channel`].
pub struct PieceReader {
    rx: Receiver<Bytes>,
    current: Bytes,
    skip: u64,
}

impl PieceReader {
    /// The piece at hand, the next one if it is used up (empty at the end).
    fn at_hand(&mut self) -> &mut Bytes {
        while self.current.is_empty() {
            match self.rx.recv() {
                Ok(piece) => self.current = piece,
                Err(_) => break, // the end
            }
            let skip = (self.skip as usize).min(self.current.len());
            self.current.advance(skip);
            self.skip -= skip as u64;
        }
        &mut self.current
    }
}

impl ChunkRead for PieceReader {
    fn chunk(&mut self, want: usize) -> std::io::Result<Bytes> {
        let piece = self.at_hand();
        if piece.len() >= want {
            return Ok(piece.split_to(want));
        }
        // Pieces that are not the chunk: gathered.
        let mut buf = Vec::with_capacity(want);
        while buf.len() < want {
            let piece = self.at_hand();
            if piece.is_empty() {
                break;
            }
            let n = piece.len().min(want - buf.len());
            buf.extend_from_slice(&piece.split_to(n));
        }
        Ok(buf.into())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `len` bytes through a piece channel read back in the uploader's
    /// chunk sizes from `skip` on: the chunks, and the end's digest and size.
    fn through(len: usize, skip: u64) -> (Vec<Bytes>, Option<(Digest, u64)>, Vec<u8>) {
        let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        let (mut writer, mut reader, end) = piece_channel(skip);
        let copy = data.clone();
        let t = std::thread::spawn(move || {
            writer.write_all(&copy).unwrap();
        });
        let mut chunks = Vec::new();
        // As the upload reads: the first chunk, then frames of half of it.
        let mut want = FIRST_CHUNK;
        loop {
            let c = reader.chunk(want as usize).unwrap();
            let last = (c.len() as u64) < want;
            chunks.push(c);
            if last {
                break;
            }
            want = FIRST_CHUNK / 2;
        }
        t.join().unwrap();
        (chunks, end.get(), data)
    }

    #[test]
    fn chunks_are_the_pieces_and_the_end_is_the_whole_blob() {
        let two = FIRST_CHUNK as usize;
        // Exactly the first chunks (2 + 4 MiB), a partial one, and none at all.
        for len in [3 * two, 3 * two + 5, 5, 0] {
            let (chunks, end, data) = through(len, 0);
            let got: Vec<u8> = chunks.iter().flat_map(|c| c.iter().copied()).collect();
            assert!(got == data, "{len}");
            assert_eq!(end, Some((Digest::of(&data), len as u64)), "{len}");
        }
    }

    #[test]
    fn a_resumed_reader_skips_what_the_registry_has_and_hashes_all() {
        let len = 3 * FIRST_CHUNK as usize + 7;
        let skip = FIRST_CHUNK + 3;
        let (chunks, end, data) = through(len, skip);
        let got: Vec<u8> = chunks.iter().flat_map(|c| c.iter().copied()).collect();
        assert!(got == data[skip as usize..]);
        assert_eq!(end, Some((Digest::of(&data), len as u64)));
    }
}
