//! READ answered with splice(2), as libfuse answers it for fuse-overlayfs: the
//! file's pages go from the layer's page cache through a pipe into the reply,
//! one copy, where a read(2) into the worker's buffer and a write(2) of it to
//! /dev/fuse made two.
//!
//! The reply is one message in one pipe: its header first, then the data. The
//! data is spliced from the file into a second pipe first, so that the header
//! says how much there really is (a read may end early at the end of the file),
//! then moved behind the header (pipe to pipe moves page references, no bytes).
//! Anything unusual (an error, a request too large for the pipes) falls back to
//! the ordinary path, which answers it as before.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use fuse_backend_rs::abi::fuse_abi::{InHeader, OutHeader, ReadIn};

use super::fs::OverlayFs;

const FUSE_READ: u32 = 15;
/// What each pipe holds: enough for the kernel's usual READ (its 128 KiB
/// readahead window); larger ones take the ordinary path. Pipe pages count
/// against the user's pipe-user-pages-soft (64 MiB in all): a worker's two
/// pipes take 512 KiB of it, not the 2 MiB that 1 MiB READs would.
const PIPE_SIZE: i32 = 256 << 10;
/// The largest READ answered here: the pipe's pages less one for the header
/// and one for data that does not start on a page boundary.
const MAX_SPLICED: u32 = (PIPE_SIZE as u32) - 2 * 4096;

/// One worker's two pipes, made at its first READ (a worker that never sees
/// one takes none of the user's pipe pages).
#[derive(Default)]
pub struct Splicer {
    pipes: Option<Pipes>,
    /// Pipes of [`PIPE_SIZE`] could not be had: READs take the ordinary path.
    unavailable: bool,
}

struct Pipes {
    /// The reply: header, then data.
    reply: (OwnedFd, OwnedFd),
    /// The data as it comes from the file.
    data: (OwnedFd, OwnedFd),
}

fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: pipe2 writes two fds into a live array of two.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: fresh fds that nothing else owns.
    let (r, w) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    // SAFETY: fcntl on an fd we own.
    if unsafe { libc::fcntl(w.as_raw_fd(), libc::F_SETPIPE_SZ, PIPE_SIZE) } < PIPE_SIZE {
        return Err(io::Error::other("a pipe of PIPE_SIZE"));
    }
    Ok((r, w))
}

impl Splicer {
    fn pipes(&mut self) -> Option<&mut Pipes> {
        if self.pipes.is_none() && !self.unavailable {
            match (pipe(), pipe()) {
                (Ok(reply), Ok(data)) => self.pipes = Some(Pipes { reply, data }),
                _ => self.unavailable = true,
            }
        }
        self.pipes.as_mut()
    }

    /// Answer `request` if it is a READ of a file this can splice; false to
    /// leave it to the ordinary path (no reply was taken then).
    pub fn answer(&mut self, dev: &File, fs: &OverlayFs, request: &[u8]) -> bool {
        let Some((header, read)) = parse(request) else {
            return false;
        };
        let Some(file) = fs.open_file(read.fh) else {
            return false;
        };
        let Some(pipes) = self.pipes() else {
            return false;
        };
        let n = match pipes.fill(file.fd(), read.offset, read.size) {
            Ok(n) => n,
            Err(_) => {
                pipes.empty();
                return false;
            }
        };
        let out = OutHeader {
            len: (std::mem::size_of::<OutHeader>() + n) as u32,
            error: 0,
            unique: header.unique,
        };
        if pipes.stage(&out, n).is_err() {
            pipes.empty();
            return false;
        }
        if pipes.send(dev, out.len as usize).is_err() {
            // The device took none of it (a reply is taken whole or not at all):
            // the ordinary path answers, or finds the request gone as well
            // (ENOENT: interrupted).
            pipes.empty();
            return false;
        }
        fs.after_read(&file, read.offset, n);
        true
    }
}

impl Pipes {
    /// Splice up to `size` bytes at `offset` of `fd` into the data pipe.
    fn fill(&mut self, fd: RawFd, offset: u64, size: u32) -> io::Result<usize> {
        let mut off = libc::off_t::try_from(offset).map_err(|_| io::Error::other("offset"))?;
        let mut filled = 0;
        while filled < size as usize {
            // SAFETY: splice between two open fds, `off` a live offset it updates.
            let r = unsafe {
                libc::splice(
                    fd,
                    &mut off,
                    self.data.1.as_raw_fd(),
                    std::ptr::null_mut(),
                    size as usize - filled,
                    libc::SPLICE_F_NONBLOCK,
                )
            };
            match r {
                0 => break,
                r if r > 0 => filled += r as usize,
                _ => {
                    let e = io::Error::last_os_error();
                    if e.kind() != io::ErrorKind::Interrupted {
                        return Err(e);
                    }
                }
            }
        }
        Ok(filled)
    }

    /// The header into the reply pipe, the data behind it.
    fn stage(&mut self, out: &OutHeader, n: usize) -> io::Result<()> {
        // SAFETY: OutHeader is plain data; its bytes are read from a live value.
        let bytes = unsafe {
            std::slice::from_raw_parts(
                (out as *const OutHeader).cast::<u8>(),
                std::mem::size_of::<OutHeader>(),
            )
        };
        // SAFETY: write of a live buffer to our pipe.
        let w =
            unsafe { libc::write(self.reply.1.as_raw_fd(), bytes.as_ptr().cast(), bytes.len()) };
        if w != bytes.len() as isize {
            return Err(io::Error::last_os_error());
        }
        move_all(self.data.0.as_raw_fd(), self.reply.1.as_raw_fd(), n)
    }

    /// The staged reply, `len` bytes, to the device.
    fn send(&mut self, dev: &File, len: usize) -> io::Result<()> {
        move_all(self.reply.0.as_raw_fd(), dev.as_raw_fd(), len)
    }

    /// Drop whatever a failed answer left in the pipes.
    fn empty(&mut self) {
        let mut scratch = [0u8; 65536];
        for fd in [self.data.0.as_raw_fd(), self.reply.0.as_raw_fd()] {
            // SAFETY: reads into a live buffer of its own length (non-blocking: ends when empty).
            while unsafe { libc::read(fd, scratch.as_mut_ptr().cast(), scratch.len()) } > 0 {}
        }
    }
}

/// Splice `len` bytes from `from` to `to` (pipes, or a pipe to the device).
fn move_all(from: RawFd, to: RawFd, len: usize) -> io::Result<()> {
    let mut left = len;
    while left > 0 {
        // SAFETY: splice between two open fds, no offsets.
        let r = unsafe {
            libc::splice(
                from,
                std::ptr::null_mut(),
                to,
                std::ptr::null_mut(),
                left,
                libc::SPLICE_F_MOVE | libc::SPLICE_F_NONBLOCK,
            )
        };
        match r {
            r if r > 0 => left -= r as usize,
            0 => return Err(io::Error::other("a pipe ran dry")),
            _ => {
                let e = io::Error::last_os_error();
                if e.kind() != io::ErrorKind::Interrupted {
                    return Err(e);
                }
            }
        }
    }
    Ok(())
}

/// The headers of a READ small enough to splice; None for any other request.
fn parse(request: &[u8]) -> Option<(InHeader, ReadIn)> {
    let hsize = std::mem::size_of::<InHeader>();
    if request.len() < hsize + std::mem::size_of::<ReadIn>() {
        return None;
    }
    // SAFETY: both are plain data read from enough bytes (checked above), unaligned.
    let header: InHeader = unsafe { std::ptr::read_unaligned(request.as_ptr().cast()) };
    if header.opcode != FUSE_READ {
        return None;
    }
    // SAFETY: as above.
    let read: ReadIn = unsafe { std::ptr::read_unaligned(request[hsize..].as_ptr().cast()) };
    (read.size <= MAX_SPLICED).then_some((header, read))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(opcode: u32, size: u32) -> Vec<u8> {
        let mut bytes = vec![0u8; std::mem::size_of::<InHeader>() + std::mem::size_of::<ReadIn>()];
        bytes[4..8].copy_from_slice(&opcode.to_ne_bytes());
        bytes[8..16].copy_from_slice(&7u64.to_ne_bytes()); // unique
        let body = std::mem::size_of::<InHeader>();
        bytes[body..body + 8].copy_from_slice(&3u64.to_ne_bytes()); // fh
        bytes[body + 8..body + 16].copy_from_slice(&4096u64.to_ne_bytes()); // offset
        bytes[body + 16..body + 20].copy_from_slice(&size.to_ne_bytes());
        bytes
    }

    #[test]
    fn only_reads_that_fit_the_pipes_are_taken() {
        let (header, read) = parse(&request(FUSE_READ, 128 << 10)).expect("a READ");
        assert_eq!(
            (header.unique, read.fh, read.offset, read.size),
            (7, 3, 4096, 128 << 10)
        );
        assert!(parse(&request(FUSE_READ, MAX_SPLICED + 1)).is_none());
        assert!(parse(&request(16, 4096)).is_none(), "WRITE");
        assert!(
            parse(&request(FUSE_READ, 4096)[..50]).is_none(),
            "cut short"
        );
    }
}
