//! An HTTP client for one registry: the OCI distribution API with the
//! authentication dance (bearer tokens from a `WWW-Authenticate` challenge,
//! or basic auth), retries of transient failures and errors a user can act on.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, WWW_AUTHENTICATE};
use reqwest::StatusCode;

use super::challenge::Challenge;
use super::credentials::Credentials;
use super::reference::endpoint_of;
use super::tls;
use crate::digest::Digest;

/// The manifest media types husk understands, for the `Accept` header.
pub const MANIFEST_TYPES: &[&str] = &[
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json",
];

/// How many times a transient failure is retried.
/// How often a failed request is tried again, and how long to wait between
/// tries (`--retry`, `--retry-delay`; podman's). Without a delay the wait
/// doubles from 0.5 s.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    pub times: u32,
    pub delay: Option<Duration>,
}

impl Default for Retry {
    fn default() -> Retry {
        Retry {
            times: 3,
            delay: None,
        }
    }
}

impl Retry {
    /// Wait before try number `attempt` (1, 2, …).
    pub fn wait(&self, attempt: u32) {
        let wait = self
            .delay
            .unwrap_or_else(|| Duration::from_millis(250 << attempt.min(8)));
        std::thread::sleep(wait);
    }
}

/// Errors a caller may want to tell apart.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Unauthorized(String),
}

/// The largest manifest or index husk accepts (containerd's limit).
pub const MAX_MANIFEST: u64 = 4 << 20;
/// The largest token or error reply husk reads.
pub(super) const MAX_SMALL_REPLY: u64 = 1 << 20;
/// How long a manifest, token or error reply may take to arrive in full.
const SMALL_REPLY_DEADLINE: Duration = Duration::from_secs(120);

/// How long to wait for a registry (husk.toml `registry-connect-timeout`, `registry-read-timeout`).
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    /// To establish a connection.
    pub connect: Duration,
    /// For the reply's headers, and then between any two reads of its body.
    pub read: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            connect: Duration::from_secs(30),
            read: Duration::from_secs(30),
        }
    }
}

/// How to reach a registry.
#[derive(Clone, Debug, Default)]
pub struct ClientOptions {
    pub timeouts: Timeouts,
    /// Verify TLS certificates (false: `--tls-verify=false` or an insecure registry; plain HTTP is tried too).
    pub insecure: bool,
    /// Credentials to use; none means anonymous.
    pub credentials: Option<Credentials>,
    /// Ask tokens for push as well as pull.
    pub push: bool,
    /// Repositories of the same registry blobs may be mounted from (pull access asked too).
    pub mount_from: Vec<String>,
    /// Ask tokens for the registry's catalog (`husk search`).
    pub catalog: bool,
    /// `--cert-dir`: the CA and client certificates here, not certs.d's.
    pub cert_dir: Option<std::path::PathBuf>,
    pub retry: Retry,
}

/// A manifest as fetched: its bytes, content type and the digest of those bytes.
pub struct FetchedManifest {
    pub bytes: Vec<u8>,
    pub media_type: String,
    pub digest: Digest,
}

/// A client for one registry and one repository.
pub struct RegistryClient {
    http: Client,
    pub(super) registry: String,
    pub(super) repository: String,
    pub(super) base: Mutex<String>,
    insecure: bool,
    credentials: Option<Credentials>,
    authorization: Mutex<Option<String>>,
    /// Whether a request to the registry was answered yet: see [`RegistryClient::send`].
    answered: Mutex<Answered>,
    first_answer: Condvar,
    pub(super) timeouts: Timeouts,
    retry: Retry,
    /// `--cert-dir`, for the streaming client made later.
    cert_dir: Option<std::path::PathBuf>,
    /// The token scopes asked for ("repository:NAME:pull[,push]").
    scopes: Vec<String>,
}

impl RegistryClient {
    /// A client for `repository` on `registry` (a canonical name such as `docker.io`).
    pub fn new(registry: &str, repository: &str, opts: &ClientOptions) -> Result<RegistryClient> {
        let mut builder = Client::builder()
            .use_rustls_tls()
            .user_agent(concat!("husk/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(opts.timeouts.connect)
            // Blocking reqwest: the wait for the headers, then for each read of the body.
            .timeout(opts.timeouts.read)
            .tcp_keepalive(Duration::from_secs(30));
        builder = tls::configure(builder, registry, opts.cert_dir.as_deref())?;
        if opts.insecure {
            builder = builder.danger_accept_invalid_certs(true);
        }
        let http = builder.build().context("building the HTTP client")?;
        let mut scopes = Vec::new();
        if !repository.is_empty() {
            let actions = if opts.push { "pull,push" } else { "pull" };
            scopes.push(format!("repository:{repository}:{actions}"));
        }
        for from in opts.mount_from.iter().filter(|f| *f != repository) {
            scopes.push(format!("repository:{from}:pull"));
        }
        if opts.catalog {
            scopes.push("registry:catalog:*".to_string());
        }
        Ok(RegistryClient {
            scopes,
            http,
            registry: registry.to_string(),
            repository: repository.to_string(),
            base: Mutex::new(format!("https://{}", endpoint_of(registry))),
            insecure: opts.insecure,
            credentials: opts.credentials.clone(),
            authorization: Mutex::new(None),
            answered: Mutex::new(Answered::No),
            first_answer: Condvar::new(),
            timeouts: opts.timeouts,
            retry: opts.retry,
            cert_dir: opts.cert_dir.clone(),
        })
    }

    /// How this client retries.
    pub fn retry(&self) -> Retry {
        self.retry
    }

    /// Check that the registry answers and the credentials are accepted (`husk login`).
    pub fn ping(&self) -> Result<()> {
        let resp = self.send(|c, base| c.get(format!("{base}/v2/")))?;
        match resp.status() {
            s if s.is_success() => Ok(()),
            StatusCode::UNAUTHORIZED => Err(self.unauthorized()),
            s => bail!(
                "{} answered {s} to /v2/: is it a container registry?",
                self.registry
            ),
        }
    }

    /// Fetch a manifest by tag or digest.
    pub fn get_manifest(&self, reference: &str) -> Result<FetchedManifest> {
        let path = format!("/v2/{}/manifests/{reference}", self.repository);
        let resp = self.send(|c, base| {
            c.get(format!("{base}{path}"))
                .header(ACCEPT, MANIFEST_TYPES.join(", "))
        })?;
        let resp = self.check(resp, &format!("manifest {reference}"))?;
        let media_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or(v).trim().to_string())
            .unwrap_or_default();
        let bytes = self
            .read_bounded(resp, MAX_MANIFEST)
            .with_context(|| format!("reading manifest {reference}"))?;
        let digest = Digest::of(&bytes);
        Ok(FetchedManifest {
            bytes,
            media_type,
            digest,
        })
    }

    /// Start downloading blob `digest`: the response body is the blob.
    pub fn get_blob(&self, digest: &Digest) -> Result<Response> {
        let path = format!("/v2/{}/blobs/{digest}", self.repository);
        let resp = self.send(|c, base| c.get(format!("{base}{path}")))?;
        self.check(resp, &format!("blob {digest}"))
    }

    /// Send a request built by `make` (called again for each attempt), with
    /// authentication and retries of transient failures.
    ///
    /// Credentials go only to the registry's own origin: a URL the registry
    /// hands out (an upload `Location`, a blob on a CDN) on another host or
    /// port gets none, and its 401 is not answered with them. Redirects are
    /// reqwest's, which drops `Authorization` when they change origin.
    ///
    /// Until the registry answered one request, the others wait for it: they
    /// go with the token it got (each would have been refused and asked for
    /// its own), and one of them on the connection it opened.
    ///
    /// The client speaks HTTP/1.1 only. Over HTTP/2 a blob comes in 16 KiB
    /// frames under flow control, every frame handed across threads: a 1 GiB
    /// layer pulled in 2.3 s instead of 1.9, and cost the registry (Go's)
    /// twice the CPU. Layers fetched at once get a connection each.
    pub(super) fn send(&self, make: impl Fn(&Client, &str) -> RequestBuilder) -> Result<Response> {
        let _first = self.wait_for_first_answer();
        let mut authenticated = false;
        let mut attempt = 0;
        loop {
            let base = self.base.lock().expect("lock poisoned").clone();
            let mut req = make(&self.http, &base)
                .build()
                .with_context(|| format!("{}: a request husk could not build", self.registry))?;
            let own = same_origin(req.url(), &base);
            if let Some(value) = self.authorization_for(req.url())? {
                req.headers_mut().insert(AUTHORIZATION, value);
            }
            match self.http.execute(req) {
                Ok(resp) if resp.status() == StatusCode::UNAUTHORIZED && own && !authenticated => {
                    authenticated = true;
                    self.authenticate(resp.headers())?;
                }
                Ok(resp) if is_transient_status(resp.status()) && attempt < self.retry.times => {
                    attempt += 1;
                    self.retry.wait(attempt);
                }
                Ok(resp) => return Ok(resp),
                Err(e) if self.insecure && base.starts_with("https://") && e.is_connect() => {
                    // An insecure registry may speak plain HTTP.
                    *self.base.lock().expect("lock poisoned") =
                        format!("http://{}", endpoint_of(&self.registry));
                }
                Err(e)
                    if (e.is_connect() || e.is_timeout())
                        && !is_tls_error(&e)
                        && attempt < self.retry.times =>
                {
                    attempt += 1;
                    self.retry.wait(attempt);
                }
                Err(e) => return Err(self.describe(e)),
            }
        }
    }

    /// Wait while another request is the first to the registry; a guard if
    /// this one is (the others go when it is dropped, answered or not).
    fn wait_for_first_answer(&self) -> Option<FirstRequest<'_>> {
        let mut answered = self.answered.lock().expect("lock poisoned");
        loop {
            match *answered {
                Answered::Yes => return None,
                Answered::No => {
                    *answered = Answered::Awaited;
                    return Some(FirstRequest(self));
                }
                Answered::Awaited => {
                    answered = self.first_answer.wait(answered).expect("lock poisoned");
                }
            }
        }
    }

    /// The `Authorization` a request to `url` carries: the credential, only
    /// on the registry's own origin (see [`RegistryClient::send`]).
    pub(super) fn authorization_for(&self, url: &reqwest::Url) -> Result<Option<HeaderValue>> {
        let base = self.base.lock().expect("lock poisoned").clone();
        if !same_origin(url, &base) {
            return Ok(None);
        }
        let auth = self.authorization.lock().expect("lock poisoned").clone();
        auth.map(|a| {
            a.parse()
                .with_context(|| format!("{}: an unusable credential", self.registry))
        })
        .transpose()
    }

    /// An async client with the same trust, for a blob streamed in one
    /// request (`registry::stream`); its own connection.
    pub(super) fn stream_client(&self) -> Result<reqwest::Client> {
        let mut builder = reqwest::Client::builder()
            .use_rustls_tls()
            .user_agent(concat!("husk/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(self.timeouts.connect)
            .tcp_keepalive(Duration::from_secs(30));
        builder = tls::configure(builder, &self.registry, self.cert_dir.as_deref())?;
        if self.insecure {
            builder = builder.danger_accept_invalid_certs(true);
        }
        // HTTP/1.1: over HTTP/2 a streamed body is paced by the server's
        // flow-control window (Go's registries: 1 MiB), 20 ms slower on a
        // 32 MiB push here; docker and podman stream over HTTP/1.1 too.
        builder
            .http1_only()
            .build()
            .context("building the HTTP client")
    }

    /// Turn an unsuccessful response into an error that says what to do.
    fn check(&self, resp: Response, what: &str) -> Result<Response> {
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        let detail = error_detail(resp);
        let name = format!("{}/{}", self.registry, self.repository);
        match status {
            StatusCode::NOT_FOUND => {
                Err(RegistryError::NotFound(format!("{name}: {what} not found{detail}")).into())
            }
            StatusCode::UNAUTHORIZED => Err(self.unauthorized()),
            StatusCode::FORBIDDEN => Err(RegistryError::Unauthorized(format!(
                "{name}: access to {what} denied{detail}"
            ))
            .into()),
            s => bail!("{name}: fetching {what}: registry answered {s}{detail}"),
        }
    }

    pub(super) fn unauthorized(&self) -> anyhow::Error {
        let msg = match &self.credentials {
            Some(c) => format!("{}: unauthorized: wrong username or password for user {:?}", self.registry, c.username),
            None => format!(
                "{}/{}: unauthorized: the repository does not exist or needs credentials (husk login {})",
                self.registry, self.repository, self.registry
            ),
        };
        RegistryError::Unauthorized(msg).into()
    }

    /// Answer a 401's challenge: fetch a bearer token, or use basic auth.
    pub(super) fn authenticate(&self, headers: &HeaderMap) -> Result<()> {
        let challenge = headers
            .get(WWW_AUTHENTICATE)
            .and_then(|v| v.to_str().ok())
            .and_then(Challenge::parse)
            .ok_or_else(|| {
                anyhow!(
                    "{}: 401 without a WWW-Authenticate challenge",
                    self.registry
                )
            })?;
        let value = match challenge.scheme.as_str() {
            "basic" => match &self.credentials {
                Some(c) => format!(
                    "Basic {}",
                    B64.encode(format!("{}:{}", c.username, c.password))
                ),
                None => return Err(self.unauthorized()),
            },
            "bearer" => format!("Bearer {}", self.fetch_token(&challenge)?),
            other => bail!(
                "{}: unsupported authentication scheme {other:?}",
                self.registry
            ),
        };
        *self.authorization.lock().expect("lock poisoned") = Some(value);
        Ok(())
    }

    fn fetch_token(&self, challenge: &Challenge) -> Result<String> {
        let realm = challenge
            .param("realm")
            .ok_or_else(|| anyhow!("{}: bearer challenge without realm", self.registry))?;
        // No repository (husk login): a token for the account alone, as docker asks.
        let mut query: Vec<(&str, String)> =
            self.scopes.iter().map(|s| ("scope", s.clone())).collect();
        if let Some(service) = challenge.param("service") {
            query.push(("service", service.to_string()));
        }
        let mut req = self.http.get(realm).query(&query);
        if let Some(c) = &self.credentials {
            req = req.basic_auth(&c.username, Some(&c.password));
        }
        let resp = req
            .send()
            .map_err(|e| self.describe(e))
            .context("fetching a registry token")?;
        match resp.status() {
            s if s.is_success() => {}
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => return Err(self.unauthorized()),
            s => bail!("{}: token server {realm} answered {s}", self.registry),
        }
        let body = self
            .read_bounded(resp, MAX_SMALL_REPLY)
            .context("reading the token")?;
        let body: serde_json::Value =
            serde_json::from_slice(&body).context("token server sent no JSON")?;
        body.get("token")
            .or_else(|| body.get("access_token"))
            .and_then(|t| t.as_str())
            .map(str::to_string)
            .ok_or_else(|| anyhow!("{}: token server sent no token", self.registry))
    }

    /// A whole reply body of at most `max` bytes (a larger one is an error,
    /// found before it is all in memory).
    pub(super) fn read_bounded(&self, resp: Response, max: u64) -> Result<Vec<u8>> {
        use std::io::Read;
        if let Some(len) = resp.content_length().filter(|l| *l > max) {
            bail!(
                "{}: the reply is {len} bytes, more than the {max} accepted",
                self.registry
            );
        }
        // The read timeout bounds each read only: a byte every few seconds
        // would otherwise go on for days.
        let deadline = std::time::Instant::now() + SMALL_REPLY_DEADLINE;
        let mut body = resp.take(max + 1);
        let mut bytes = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = body.read(&mut chunk).map_err(|e| self.describe_io(e))?;
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&chunk[..n]);
            if std::time::Instant::now() > deadline {
                bail!(
                    "{}: the reply took more than {} to arrive",
                    self.registry,
                    humantime::format_duration(SMALL_REPLY_DEADLINE)
                );
            }
        }
        if bytes.len() as u64 > max {
            bail!(
                "{}: the reply is more than the {max} bytes accepted",
                self.registry
            );
        }
        Ok(bytes)
    }

    /// A failed read of a reply body, naming the registry (and the setting, for a timeout).
    pub fn describe_io(&self, e: std::io::Error) -> anyhow::Error {
        if e.kind() == std::io::ErrorKind::TimedOut || root_cause(&e).contains("timed out") {
            return anyhow!(
                "{}: no data for {} (registry-read-timeout in husk.toml)",
                self.registry,
                humantime::format_duration(self.timeouts.read)
            );
        }
        anyhow!("{}: {}", self.registry, root_cause(&e))
    }

    /// A transport error in words a user can act on.
    pub(super) fn describe(&self, e: reqwest::Error) -> anyhow::Error {
        if is_tls_error(&e) {
            return anyhow!(
                "{}: TLS certificate not trusted ({}): put the registry's CA certificate in {} \
                 or use --tls-verify=false",
                self.registry,
                root_cause(&e),
                tls::user_ca_path(&self.registry)
            );
        }
        if e.is_timeout() {
            let (what, limit, setting) = if e.is_connect() {
                (
                    "no connection",
                    self.timeouts.connect,
                    "registry-connect-timeout",
                )
            } else {
                ("no answer", self.timeouts.read, "registry-read-timeout")
            };
            return anyhow!(
                "{}: {what} within {} ({setting} in husk.toml)",
                self.registry,
                humantime::format_duration(limit)
            );
        }
        if e.is_connect() {
            return anyhow!("{}: cannot connect: {}", self.registry, root_cause(&e));
        }
        anyhow!("{}: {}", self.registry, root_cause(&e))
    }
}

/// Whether a client's first request was answered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Answered {
    No,
    /// It is being sent.
    Awaited,
    Yes,
}

/// The first request of a client, in flight.
struct FirstRequest<'a>(&'a RegistryClient);

impl Drop for FirstRequest<'_> {
    fn drop(&mut self) {
        *self.0.answered.lock().expect("lock poisoned") = Answered::Yes;
        self.0.first_answer.notify_all();
    }
}

/// Whether `url` is on the registry endpoint `base` ("https://host:port"):
/// same scheme, host and port.
fn same_origin(url: &reqwest::Url, base: &str) -> bool {
    reqwest::Url::parse(base).is_ok_and(|b| {
        b.scheme() == url.scheme()
            && b.host_str() == url.host_str()
            && b.port_or_known_default() == url.port_or_known_default()
    })
}

fn is_transient_status(s: StatusCode) -> bool {
    matches!(s.as_u16(), 408 | 429 | 500 | 502 | 503 | 504)
}

fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cur = e;
    while let Some(next) = cur.source() {
        cur = next;
    }
    cur.to_string()
}

fn is_tls_error(e: &reqwest::Error) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        let text = err.to_string();
        if text.contains("certificate")
            || text.contains("UnknownIssuer")
            || text.contains("InvalidCertificate")
        {
            return true;
        }
        cur = err.source();
    }
    false
}

/// The registry's JSON error message, as ": message", if it sent one.
pub(super) fn error_detail(resp: Response) -> String {
    use std::io::Read;
    let mut bytes = Vec::new();
    if resp.take(MAX_SMALL_REPLY).read_to_end(&mut bytes).is_err() {
        return String::new();
    }
    error_detail_of(&bytes)
}

/// [`error_detail`] of a reply body read already.
pub(super) fn error_detail_of(bytes: &[u8]) -> String {
    let Ok(body) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return String::new();
    };
    let msgs: Vec<String> = body
        .get("errors")
        .and_then(|e| e.as_array())
        .map(|errs| {
            errs.iter()
                .filter_map(|e| {
                    let code = e.get("code").and_then(|c| c.as_str()).unwrap_or("");
                    let msg = e.get("message").and_then(|m| m.as_str()).unwrap_or("");
                    (!code.is_empty() || !msg.is_empty())
                        .then(|| format!("{code} {msg}").trim().to_string())
                })
                .collect()
        })
        .unwrap_or_default();
    if msgs.is_empty() {
        String::new()
    } else {
        format!(" ({})", msgs.join("; "))
    }
}
