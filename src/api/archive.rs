//! `GET|HEAD|PUT /containers/{id}/archive?path=P` (`docker cp`): a tar of a
//! path in a container, with docker's stat header, or a tar unpacked into
//! one. Each is `container::copy` with `-` as the other side, as `husk cp`
//! runs it, in a forked child (it joins the container's namespaces or mounts
//! a stopped one's root) whose stdin or stdout is the stream.

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde_json::json;

use super::containers::{find, Answer, ApiError};
use super::http::{Body, Request, Response};
use super::routes::Context;
use crate::container::copy::{self, CopyOptions, Location};

/// A forked copy: its pid, its stdout (a tar, for a copy out) and stderr.
struct Forked {
    pid: Option<nix::unistd::Pid>,
    out: Option<BufReader<File>>,
    err: File,
}

impl Forked {
    /// Wait for it: Ok, or its error message.
    fn finish(&mut self) -> std::result::Result<(), String> {
        self.out = None;
        let mut message = String::new();
        let _ = self.err.read_to_string(&mut message);
        let status = self.pid.take().map(|p| nix::sys::wait::waitpid(p, None));
        match status {
            Some(Ok(nix::sys::wait::WaitStatus::Exited(_, 0))) => Ok(()),
            _ => Err(message.trim().trim_start_matches("Error: ").to_string()),
        }
    }
}

impl Drop for Forked {
    fn drop(&mut self) {
        // Its output closed first: a child still writing ends at once.
        self.out = None;
        if let Some(p) = self.pid.take() {
            let _ = nix::sys::wait::waitpid(p, None);
        }
    }
}

/// Fork a child that runs `copy::copy(src, dst)` with `stdin` as its stdin.
fn fork_copy(
    cx: &Context,
    src: Location,
    dst: Location,
    opts: CopyOptions,
    stdin: Option<File>,
) -> Result<Forked> {
    let pipe = || nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe");
    let (out_r, out_w): (OwnedFd, OwnedFd) = pipe()?;
    let (err_r, err_w): (OwnedFd, OwnedFd) = pipe()?;
    // SAFETY: the child runs the copy alone and leaves with _exit; glibc's
    // malloc is usable after fork, and it takes no lock another thread holds.
    match unsafe { nix::unistd::fork() }.context("fork")? {
        nix::unistd::ForkResult::Parent { child } => Ok(Forked {
            pid: Some(child),
            out: Some(BufReader::new(File::from(out_r))),
            err: File::from(err_r),
        }),
        nix::unistd::ForkResult::Child => {
            let input = stdin.as_ref().map(|f| f.as_raw_fd());
            let code = (|| -> Result<()> {
                if let Some(fd) = input {
                    nix::unistd::dup2(fd, 0)?;
                }
                nix::unistd::dup2(out_w.as_raw_fd(), 1)?;
                nix::unistd::dup2(err_w.as_raw_fd(), 2)?;
                crate::monitor::detached::close_other_fds(&[], -1);
                let store = cx.store();
                copy::copy(&store, &cx.driver, &src, &dst, opts)
            })()
            .map_or_else(
                |e| {
                    // fd 2 written directly: std's stderr lock may be held
                    // by a thread of the service that this child does not have.
                    let text = format!("{}\n", crate::error::one_line(&e));
                    let _ = nix::unistd::write(std::io::stderr(), text.as_bytes());
                    1
                },
                |()| 0,
            );
            // SAFETY: leaving the forked child without the service's destructors.
            unsafe { libc::_exit(code) }
        }
    }
}

fn path_param(req: &Request) -> std::result::Result<PathBuf, ApiError> {
    req.param("path")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| ApiError(400, "path is required".into()))
}

/// A reader that keeps what it reads, to give it again.
struct Recording<R> {
    inner: R,
    seen: Vec<u8>,
}

impl<R: Read> Read for Recording<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.seen.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

/// docker's stat of the path (`X-Docker-Container-Path-Stat`, base64 JSON),
/// from the first entry of the tar; and the bytes read to find it.
fn stat_of(out: &mut BufReader<File>, path: &Path) -> Option<(String, Vec<u8>)> {
    use base64::Engine;
    let mut rec = Recording {
        inner: out,
        seen: Vec::new(),
    };
    let header = {
        let mut archive = tar::Archive::new(&mut rec);
        let mut entries = archive.entries().ok()?;
        let entry = entries.next()?.ok()?;
        let h = entry.header();
        let kind = h.entry_type();
        let perm = h.mode().unwrap_or(0) & 0o7777;
        // Go's os.FileMode: the type in the high bits.
        let mode = match kind {
            tar::EntryType::Directory => perm | 1 << 31,
            tar::EntryType::Symlink => perm | 1 << 27,
            _ => perm,
        };
        json!({
            "name": path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "/".into()),
            "size": h.size().unwrap_or(0),
            "mode": mode,
            "mtime": humantime::format_rfc3339(std::time::UNIX_EPOCH + std::time::Duration::from_secs(h.mtime().unwrap_or(0))).to_string(),
            "linkTarget": h.link_name().ok().flatten().map(|l| l.to_string_lossy().into_owned()).unwrap_or_default(),
        })
    };
    let text = base64::engine::general_purpose::STANDARD.encode(header.to_string());
    Some((text, rec.seen))
}

/// `GET` (and `HEAD`) `/containers/{id}/archive?path=P`.
pub fn get(cx: &Context, name: &str, req: &Request) -> Answer {
    let id = find(cx, name)?;
    let path = path_param(req)?;
    let src = Location::Container(id, path.clone());
    let mut forked = fork_copy(cx, src, Location::Stdio, CopyOptions::default(), None)?;
    let found = forked.out.as_mut().and_then(|out| stat_of(out, &path));
    let Some((stat, head)) = found else {
        let message = forked.finish().err().unwrap_or_default();
        return Err(ApiError(
            404,
            format!(
                "Could not find the file {} in container {name}: {message}",
                path.display()
            ),
        ));
    };
    // A HEAD drops this unrun: the child's output closed, it ends at once.
    let resp = Response::stream("application/x-tar", move |sink| {
        sink.write_all(&head)?;
        if let Some(out) = forked.out.as_mut() {
            std::io::copy(out, sink)?;
        }
        match forked.finish() {
            Ok(()) => Ok(()),
            Err(m) => Err(std::io::Error::other(m)),
        }
    });
    Ok(resp.with_header("X-Docker-Container-Path-Stat", &stat))
}

/// `PUT /containers/{id}/archive?path=DIR`: the body's tar unpacked into DIR.
pub fn put(cx: &Context, name: &str, req: &Request, body: Body) -> Answer {
    let id = find(cx, name)?;
    let path = path_param(req)?;
    let Body::File(file) = body else {
        return Err(ApiError(400, "no archive in the request's body".into()));
    };
    let opts = CopyOptions {
        archive: req.flag("copyUIDGID"),
        overwrite: !req.flag("noOverwriteDirNonDir"),
        ..Default::default()
    };
    let dst = Location::Container(id, path.clone());
    let mut forked = fork_copy(cx, Location::Stdio, dst, opts, Some(file))?;
    match forked.finish() {
        Ok(()) => Ok(Response::empty(200)),
        Err(m) if m.contains("not a directory") || m.contains("No such file") => Err(ApiError(
            404,
            format!(
                "Could not find the file {} in container {name}: {m}",
                path.display()
            ),
        )),
        Err(m) => Err(ApiError(400, m)),
    }
}
