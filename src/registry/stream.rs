//! A blob's bytes in one streamed PATCH, as docker and podman send it: the
//! registry takes them as they come, with none of the per-request cost of
//! chunked uploads (each PATCH a sync to disk and a saved hash state: 20 ms a
//! request on this VM, a third of a 32 MiB push in 2-16 MiB chunks).
//!
//! reqwest's blocking client pumps a streamed body 8 KiB at a time (one TLS
//! record and one write each), so this one request goes through its async
//! client on a runtime of its own, the body fed from a thread that reads the
//! blob in MiB frames. A watchdog stands in for the blocking client's read
//! timeout: the request fails when the registry stops taking the body, or
//! stops short of answering, for `registry-read-timeout`.

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context as TaskContext, Poll};
use std::time::{Duration, Instant};

use anyhow::{anyhow, Context, Result};
use bytes::Bytes;
use http_body::Frame;
use reqwest::header::{HeaderMap, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE};
use reqwest::{StatusCode, Url};
use tokio::sync::mpsc;

use super::client::{RegistryClient, MAX_SMALL_REPLY};
use super::upload::ChunkRead;
use crate::progress::Item;

/// The body goes to the HTTP client in frames of this size.
const FRAME: usize = 1 << 20;
/// How often the watchdog looks at the request.
const TICK: Duration = Duration::from_millis(100);

/// A registry's reply, read in full (what is left to do with it needs the
/// blocking client: a token, an error message).
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub url: Url,
    pub body: Vec<u8>,
}

/// The async client and the runtime it runs on, for one upload: its POST,
/// its PATCH and any PATCH that resumes it share one connection.
pub struct Streamer {
    runtime: tokio::runtime::Runtime,
    http: reqwest::Client,
}

impl RegistryClient {
    /// A [`Streamer`] with this client's trust.
    pub(super) fn streamer(&self) -> Result<Streamer> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("starting the upload's runtime")?;
        Ok(Streamer {
            runtime,
            http: self.stream_client()?,
        })
    }

    /// POST an upload on the streamer's connection (opened while the
    /// blocking client's first request opens its own): its URL. None when
    /// that did not go plainly (after a 401 answered, any failure): the
    /// blocking client's POST then, with its retries and its errors.
    pub(super) fn start_upload_on(&self, streamer: &Streamer) -> Option<String> {
        for _ in 0..2 {
            let base = self.base.lock().expect("lock poisoned").clone();
            let url = Url::parse(&format!("{base}/v2/{}/blobs/uploads/", self.repository)).ok()?;
            let mut request = streamer
                .http
                .post(url.clone())
                .header(CONTENT_LENGTH, 0)
                .timeout(self.timeouts.read);
            if let Some(auth) = self.authorization_for(&url).ok()? {
                request = request.header(AUTHORIZATION, auth);
            }
            let reply = streamer.runtime.block_on(read_reply(request)).ok()?;
            match reply.status {
                StatusCode::UNAUTHORIZED => self.authenticate(&reply.headers).ok()?,
                s if s.is_success() => return self.location_in(&reply.headers, &reply.url).ok(),
                _ => return None,
            }
        }
        None
    }

    /// PATCH `first`, then the rest of `reader`, to the upload at `url`, as
    /// one request: the registry's reply, and how many bytes were handed to
    /// the connection (more than the registry can have got, whatever happened).
    pub(super) fn patch_stream(
        &self,
        streamer: &Streamer,
        url: &str,
        first: Bytes,
        reader: &mut dyn ChunkRead,
        item: &Item,
    ) -> (Result<Reply>, u64) {
        let activity = Arc::new(Activity::new());
        let result = self.stream_request(streamer, url).and_then(|request| {
            let (tx, rx) = mpsc::channel(1);
            let frames = Arc::new(Mutex::new(Some(rx)));
            let body = FrameBody {
                frames: frames.clone(),
                activity: activity.clone(),
            };
            let request = request.body(reqwest::Body::wrap(body));
            std::thread::scope(|s| {
                s.spawn(move || feed(first, reader, tx));
                let reply = streamer
                    .runtime
                    .block_on(self.watch(request, &activity, item));
                // The exchange may have ended with the body unread (an early
                // reply, the watchdog): the connection's task, no longer run,
                // still holds it. Its frames are taken away, so the feeder
                // stops, and the body ends in an error should the task run
                // again (never in an end that would make a part look whole).
                frames.lock().expect("lock poisoned").take();
                reply
            })
        });
        (result, activity.handed.load(Ordering::Relaxed))
    }

    /// The PATCH to `url`, its credential set.
    fn stream_request(&self, streamer: &Streamer, url: &str) -> Result<reqwest::RequestBuilder> {
        let url = Url::parse(url)
            .with_context(|| format!("{}: an upload URL {url:?} that is no URL", self.registry))?;
        let mut request = streamer
            .http
            .patch(url.clone())
            .header(CONTENT_TYPE, "application/octet-stream");
        if let Some(auth) = self.authorization_for(&url)? {
            request = request.header(AUTHORIZATION, auth);
        }
        Ok(request)
    }

    /// Send `request` and read its reply, while the registry makes progress.
    async fn watch(
        &self,
        request: reqwest::RequestBuilder,
        activity: &Activity,
        item: &Item,
    ) -> Result<Reply> {
        let exchange = read_reply(request);
        let mut exchange = std::pin::pin!(exchange);
        let mut shown = 0;
        loop {
            match tokio::time::timeout(TICK, exchange.as_mut()).await {
                Ok(reply) => {
                    item.inc(activity.handed.load(Ordering::Relaxed) - shown);
                    return reply.map_err(|e| self.describe(e));
                }
                Err(_) => {
                    let handed = activity.handed.load(Ordering::Relaxed);
                    item.inc(handed - shown);
                    shown = handed;
                    if item.abandoned() {
                        return Err(anyhow!("cancelled: the client went away"));
                    }
                    if activity.stalled(self.timeouts.read) {
                        return Err(anyhow!(
                            "{}: the upload got no further for {} (registry-read-timeout in husk.toml)",
                            self.registry,
                            humantime::format_duration(self.timeouts.read)
                        ));
                    }
                }
            }
        }
    }
}

/// Send `request`: its reply, read in full (up to [`MAX_SMALL_REPLY`]).
async fn read_reply(request: reqwest::RequestBuilder) -> reqwest::Result<Reply> {
    let mut resp = request.send().await?;
    let (status, headers, url) = (resp.status(), resp.headers().clone(), resp.url().clone());
    let mut body = Vec::new();
    while let Some(chunk) = resp.chunk().await? {
        if body.len() as u64 + chunk.len() as u64 > MAX_SMALL_REPLY {
            break;
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Reply {
        status,
        headers,
        url,
        body,
    })
}

/// Read `first`, then `reader` to its end, into `tx` in frames; stops early
/// when the request is gone (its body dropped).
fn feed(first: Bytes, reader: &mut dyn ChunkRead, tx: mpsc::Sender<io::Result<Bytes>>) {
    let mut first = first;
    while !first.is_empty() {
        let frame = first.split_to(first.len().min(FRAME));
        if tx.blocking_send(Ok(frame)).is_err() {
            return;
        }
    }
    loop {
        let sent = match reader.chunk(FRAME) {
            Ok(frame) if frame.is_empty() => return,
            Ok(frame) => tx.blocking_send(Ok(frame)),
            Err(e) => tx.blocking_send(Err(e)),
        };
        if sent.is_err() {
            return;
        }
    }
}

/// When the HTTP client last asked for more of the body, whether it is
/// waiting for the blob (then the registry is not the one that is slow),
/// and how much it was given.
struct Activity {
    start: Instant,
    /// Milliseconds from `start`.
    last: AtomicU64,
    waiting_for_blob: AtomicBool,
    handed: AtomicU64,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            start: Instant::now(),
            last: AtomicU64::new(0),
            waiting_for_blob: AtomicBool::new(false),
            handed: AtomicU64::new(0),
        }
    }

    fn now(&self) -> u64 {
        self.start.elapsed().as_millis() as u64
    }

    /// Whether the registry has taken nothing for `limit` (nor answered, once
    /// the body is all sent).
    fn stalled(&self, limit: Duration) -> bool {
        !self.waiting_for_blob.load(Ordering::Relaxed)
            && self.now() - self.last.load(Ordering::Relaxed) > limit.as_millis() as u64
    }
}

/// The request body: the frames [`feed`] reads, while the request is
/// watched (None after: see [`RegistryClient::patch_stream`]).
struct FrameBody {
    frames: Arc<Mutex<Option<mpsc::Receiver<io::Result<Bytes>>>>>,
    activity: Arc<Activity>,
}

impl http_body::Body for FrameBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut TaskContext<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let activity = self.activity.clone();
        activity.last.store(activity.now(), Ordering::Relaxed);
        let mut frames = self.frames.lock().expect("lock poisoned");
        let Some(rx) = frames.as_mut() else {
            return Poll::Ready(Some(Err(io::Error::other("the upload was given up"))));
        };
        let next = rx.poll_recv(cx);
        activity
            .waiting_for_blob
            .store(next.is_pending(), Ordering::Relaxed);
        next.map(|frame| {
            frame.map(|f| {
                f.map(|data| {
                    activity
                        .handed
                        .fetch_add(data.len() as u64, Ordering::Relaxed);
                    Frame::data(data)
                })
            })
        })
    }
}
