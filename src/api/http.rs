//! HTTP/1.1 as the Docker API speaks it over a unix socket: requests read
//! with `httparse` (headers bounded, a body only up to what the endpoint
//! allows), responses written whole or chunked (streams).

use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::net::UnixStream;

use anyhow::{anyhow, bail, Context, Result};

/// Headers of one request may take this much at most.
const MAX_HEAD: usize = 64 << 10;
const MAX_HEADERS: usize = 100;

/// A request, its body not read yet.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// The path without the query, percent-decoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first value of query parameter `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A boolean parameter as docker reads one: `1`, `true` (any case) are true.
    pub fn flag(&self, name: &str) -> bool {
        self.param(name)
            .is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
    }

    /// Whether the connection stays open after the response.
    pub fn keep_alive(&self) -> bool {
        !self
            .header("connection")
            .is_some_and(|c| c.eq_ignore_ascii_case("close"))
    }

    /// How long the body says it is; `None` for a chunked one.
    fn content_length(&self) -> Result<Option<u64>> {
        if self
            .header("transfer-encoding")
            .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
        {
            return Ok(None);
        }
        match self.header("content-length") {
            None => Ok(Some(0)),
            Some(n) => n
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| anyhow!("invalid Content-Length {n:?}")),
        }
    }
}

/// Read the next request's head from `r`; `None` at a clean end of the connection.
pub fn read_request(r: &mut BufReader<impl Read>) -> Result<Option<Request>> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let n = r
            .by_ref()
            .take((MAX_HEAD - head.len()) as u64)
            .read_until(b'\n', &mut head)?;
        if n == 0 {
            if head.is_empty() {
                return Ok(None);
            }
            bail!("the connection ended inside a request's headers");
        }
        // A request's head ends with an empty line.
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            if before == 0 {
                head.clear(); // a stray empty line between requests
                continue;
            }
            break;
        }
        if head.len() >= MAX_HEAD {
            bail!("request headers larger than {} KiB", MAX_HEAD >> 10);
        }
    }
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(&head).context("a malformed request")? {
        httparse::Status::Complete(_) => {}
        httparse::Status::Partial => bail!("a malformed request"),
    }
    let target = req.path.unwrap_or("/");
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Ok(Some(Request {
        method: req.method.unwrap_or("GET").to_string(),
        path: decode(path),
        query: query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect(),
        headers: req
            .headers
            .iter()
            .map(|h| {
                (
                    h.name.to_string(),
                    String::from_utf8_lossy(h.value).into_owned(),
                )
            })
            .collect(),
    }))
}

/// Why a body was not read.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("the request's body is larger than {0} bytes")]
    TooLarge(u64),
    #[error("reading the request's body: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Malformed(String),
}

/// Read the request's whole body, if it is at most `limit` bytes. A larger
/// one is refused before any of it is read (then the connection cannot be
/// used again).
pub fn read_body(
    r: &mut BufReader<impl Read>,
    req: &Request,
    limit: u64,
) -> Result<Vec<u8>, BodyError> {
    let mut body = Vec::new();
    copy_body(r, req, limit, &mut body)?;
    Ok(body)
}

/// Copy the request's body to `out` (an upload: a tar of images or of a
/// build context), if it is at most `limit` bytes; its length.
pub fn copy_body(
    r: &mut BufReader<impl Read>,
    req: &Request,
    limit: u64,
    out: &mut impl Write,
) -> Result<u64, BodyError> {
    let length = req
        .content_length()
        .map_err(|e| BodyError::Malformed(e.to_string()))?;
    match length {
        Some(n) if n > limit => Err(BodyError::TooLarge(limit)),
        Some(n) => {
            let copied = std::io::copy(&mut r.by_ref().take(n), out)?;
            if copied != n {
                return Err(BodyError::Malformed("the body ended early".into()));
            }
            Ok(n)
        }
        None => copy_chunked(r, limit, out),
    }
}

fn copy_chunked(
    r: &mut BufReader<impl Read>,
    limit: u64,
    out: &mut impl Write,
) -> Result<u64, BodyError> {
    let mut total = 0u64;
    loop {
        let mut line = String::new();
        r.by_ref().take(1024).read_line(&mut line)?;
        let size = line.trim().split(';').next().unwrap_or("");
        let size = u64::from_str_radix(size, 16)
            .map_err(|_| BodyError::Malformed(format!("a bad chunk size {size:?}")))?;
        if total.checked_add(size).is_none_or(|t| t > limit) {
            return Err(BodyError::TooLarge(limit));
        }
        if size == 0 {
            loop {
                let mut t = String::new();
                if r.by_ref().take(1024).read_line(&mut t)? == 0 || t.trim().is_empty() {
                    return Ok(total);
                }
            }
        }
        let copied = std::io::copy(&mut r.by_ref().take(size), out)?;
        if copied != size {
            return Err(BodyError::Malformed("a chunk ended early".into()));
        }
        total += size;
        let mut crlf = [0u8; 2];
        r.read_exact(&mut crlf)?;
        if &crlf != b"\r\n" {
            return Err(BodyError::Malformed("a chunk without its CRLF".into()));
        }
    }
}

/// `%XX` and `+` decoded (a bad escape is kept as it is).
fn decode(s: &str) -> String {
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
            (b'+', _, _) => out.push(b' '),
            (c, _, _) => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A request's body as its endpoint gets it.
pub enum Body {
    /// Read whole (a small JSON one).
    Bytes(Vec<u8>),
    /// An upload, in a nameless temporary file, rewound.
    File(std::fs::File),
}

impl Body {
    /// The bytes of a small body (none for an upload).
    pub fn bytes(&self) -> &[u8] {
        match self {
            Body::Bytes(b) => b,
            Body::File(_) => &[],
        }
    }
}

/// A response: whole, or its body streamed or the connection taken over
/// once the head is written ([`Then`]).
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub then: Option<Then>,
}

/// A streamed body's writer: each write goes out as one chunk at once.
pub type Streamer = Box<dyn FnOnce(&mut Sink<'_>) -> std::io::Result<()> + Send>;
/// What takes over a hijacked connection (attach, exec).
pub type Hijacker = Box<dyn FnOnce(Hijacked) + Send>;

/// What follows a response's head instead of a whole body.
pub enum Then {
    /// A chunked body, as long as the streamer writes (logs, events, pulls).
    Stream(Streamer),
    /// The raw connection, both ways, until one side ends it.
    Hijack(Hijacker),
}

/// A connection handed over after a 101 (or 200) head: what the client sent
/// after its request is in `reader`'s buffer.
pub struct Hijacked {
    pub reader: BufReader<UnixStream>,
    pub writer: UnixStream,
}

/// Where a streamed body goes: chunks to the client, who may have gone.
pub struct Sink<'a> {
    out: &'a mut UnixStream,
}

impl Sink<'_> {
    pub fn new(out: &mut UnixStream) -> Sink<'_> {
        Sink { out }
    }

    /// Whether the client hung up (a stream with nothing to say for a while
    /// asks, to end instead of waiting on).
    pub fn gone(&self) -> bool {
        peer_gone(self.out)
    }

    /// The client's connection, for a thread that watches for its hang-up.
    pub fn peer(&self) -> std::io::Result<UnixStream> {
        self.out.try_clone()
    }
}

/// Whether the other end of `conn` closed it (poll says hang-up at once).
pub fn peer_gone(conn: &UnixStream) -> bool {
    use std::os::fd::AsRawFd;
    let mut p = libc::pollfd {
        fd: conn.as_raw_fd(),
        events: libc::POLLRDHUP,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no wait.
    let n = unsafe { libc::poll(&mut p, 1, 0) };
    // Only a full hang-up: a client that shut its writing side (the docker
    // CLI does at the end of stdin) still reads.
    n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR) != 0
}

/// A thread that sets `cancel` when the client on `peer` hangs up (and
/// ends when it is set): what a long stream checks between its waits.
pub fn watch_hangup(
    peer: UnixStream,
    cancel: &std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> std::thread::JoinHandle<()> {
    use std::sync::atomic::Ordering;
    let cancel = std::sync::Arc::clone(cancel);
    std::thread::spawn(move || {
        while !cancel.load(Ordering::Relaxed) {
            if peer_gone(&peer) {
                cancel.store(true, Ordering::Relaxed);
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    })
}

impl Write for Sink<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if data.is_empty() {
            return Ok(0);
        }
        let mut chunk = format!("{:x}\r\n", data.len()).into_bytes();
        chunk.extend_from_slice(data);
        chunk.extend_from_slice(b"\r\n");
        self.out.write_all(&chunk)?;
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl Response {
    pub fn json(status: u16, value: &serde_json::Value) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: format!("{value}\n").into_bytes(),
            then: None,
        }
    }

    pub fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
            body: text.as_bytes().to_vec(),
            then: None,
        }
    }

    /// A status alone (204, 304).
    pub fn empty(status: u16) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            then: None,
        }
    }

    /// A 200 with a chunked body that `f` writes.
    pub fn stream(
        content_type: &str,
        f: impl FnOnce(&mut Sink<'_>) -> std::io::Result<()> + Send + 'static,
    ) -> Response {
        let mut r = Response::empty(200).with_header("Content-Type", content_type);
        r.then = Some(Then::Stream(Box::new(f)));
        r
    }

    /// docker's hijack: 101 UPGRADED to a raw stream if the client asked
    /// for the upgrade, else a 200 and the raw stream all the same.
    pub fn hijack(
        upgrade: bool,
        content_type: &str,
        f: impl FnOnce(Hijacked) + Send + 'static,
    ) -> Response {
        let mut r = Response::empty(if upgrade { 101 } else { 200 })
            .with_header("Content-Type", content_type);
        if upgrade {
            r = r
                .with_header("Connection", "Upgrade")
                .with_header("Upgrade", "tcp");
        }
        r.then = Some(Then::Hijack(Box::new(f)));
        r
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Write it; for a HEAD request, without its body.
    pub fn write_to(
        &self,
        w: &mut impl Write,
        head_only: bool,
        close: bool,
    ) -> std::io::Result<()> {
        let mut out = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (k, v) in &self.headers {
            out += &format!("{k}: {v}\r\n");
        }
        match &self.then {
            None => out += &format!("Content-Length: {}\r\n", self.body.len()),
            Some(Then::Stream(_)) => out += "Transfer-Encoding: chunked\r\n",
            Some(Then::Hijack(_)) => {}
        }
        if close && self.status != 101 {
            out += "Connection: close\r\n";
        }
        out += "\r\n";
        w.write_all(out.as_bytes())?;
        if !head_only {
            w.write_all(&self.body)?;
        }
        w.flush()
    }
}

/// The reason phrase of the statuses the API answers with.
fn reason(status: u16) -> &'static str {
    match status {
        101 => "UPGRADED",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Request>, BufReader<std::io::Cursor<Vec<u8>>>) {
        let mut r = BufReader::new(std::io::Cursor::new(text.as_bytes().to_vec()));
        (read_request(&mut r).unwrap(), r)
    }

    #[test]
    fn a_request_its_query_and_its_body() {
        let (req, mut r) = parse(
            "POST /v1.50/containers/json?all=1&filters=%7B%22a%22%3A1%7D HTTP/1.1\r\nHost: d\r\nContent-Length: 4\r\n\r\nbodyGET /_ping HTTP/1.1\r\n\r\n",
        );
        let req = req.unwrap();
        assert_eq!(req.method, "POST");
        assert_eq!(req.path, "/v1.50/containers/json");
        assert!(req.flag("all"));
        assert_eq!(req.param("filters"), Some(r#"{"a":1}"#));
        assert_eq!(read_body(&mut r, &req, 10).unwrap(), b"body");
        let next = read_request(&mut r).unwrap().unwrap();
        assert_eq!(next.path, "/_ping");
        assert!(read_request(&mut r).unwrap().is_none());
    }

    #[test]
    fn bodies_larger_than_allowed_are_refused_unread() {
        let (req, mut r) = parse("POST /x HTTP/1.1\r\nContent-Length: 1073741824\r\n\r\nabc");
        let req = req.unwrap();
        assert!(matches!(
            read_body(&mut r, &req, 1 << 20),
            Err(BodyError::TooLarge(_))
        ));
        let (req, mut r) = parse(
            "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
        );
        assert_eq!(read_body(&mut r, &req.unwrap(), 10).unwrap(), b"abcde");
        let (req, mut r) =
            parse("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nfffffff\r\nabc");
        assert!(matches!(
            read_body(&mut r, &req.unwrap(), 10),
            Err(BodyError::TooLarge(_))
        ));
        let huge = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_HEAD));
        let mut r = BufReader::new(std::io::Cursor::new(huge.into_bytes()));
        assert!(read_request(&mut r).is_err());
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(decode("a%20b+c%2"), "a b c%2");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%é%"), "%é%");
    }
}
