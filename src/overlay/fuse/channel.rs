//! The request loop of a FUSE worker thread: read a request from /dev/fuse,
//! hand it to the server, repeat; stop when the file system is unmounted or
//! the [`Stopper`] fires.
//!
//! fuse-backend-rs's own `FuseChannel` wakes every worker for every request
//! (one level-triggered epoll set per worker on the shared device) and sleeps
//! after each one. Here each worker waits with `EPOLLEXCLUSIVE`, so a request
//! wakes one worker, and the worker that just answered polls the device a little
//! longer before it sleeps: a container's requests come in bursts (`tar -x`
//! sends about ten per file, each right after the previous answer), and waking a
//! sleeping thread costs more than the request itself on a virtual machine.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fuse_backend_rs::api::server::Server;
use fuse_backend_rs::transport::{FuseBuf, FuseDevWriter, Reader};

use super::fs::OverlayFs;
use super::splice::Splicer;

/// How long the worker that answered last keeps polling for the next request.
const SPIN: Duration = Duration::from_micros(100);

/// Wakes every worker to stop (an eventfd all of them watch).
pub struct Stopper {
    event: OwnedFd,
}

impl Stopper {
    pub fn new() -> io::Result<Stopper> {
        // SAFETY: eventfd returns a new fd or -1.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a fresh fd that nothing else owns.
        Ok(Stopper {
            event: unsafe { OwnedFd::from_raw_fd(fd) },
        })
    }

    /// Wake all workers; they return from [`serve`].
    pub fn stop(&self) {
        let one: u64 = 1;
        // SAFETY: writes 8 bytes from a live u64 to our eventfd.
        unsafe { libc::write(self.event.as_raw_fd(), (&one as *const u64).cast(), 8) };
    }
}

/// Shared by the workers of one mount: whether one of them is polling already.
#[derive(Default)]
pub struct Spinner(AtomicBool);

const DEV: u64 = 1;
const STOP: u64 = 2;

/// One worker's wait set: the device (exclusive wake-up) and the stopper.
struct Waiter {
    epoll: OwnedFd,
}

impl Waiter {
    fn new(dev: &File, stopper: &Stopper) -> io::Result<Waiter> {
        // SAFETY: epoll_create1 returns a new fd or -1.
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: a fresh fd that nothing else owns.
        let epoll = unsafe { OwnedFd::from_raw_fd(fd) };
        let add = |target: i32, events: u32, token: u64| {
            let mut ev = libc::epoll_event { events, u64: token };
            // SAFETY: epoll_ctl with a live epoll_event.
            if unsafe { libc::epoll_ctl(fd, libc::EPOLL_CTL_ADD, target, &mut ev) } < 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        };
        add(
            dev.as_raw_fd(),
            (libc::EPOLLIN | libc::EPOLLEXCLUSIVE) as u32,
            DEV,
        )?;
        add(stopper.event.as_raw_fd(), libc::EPOLLIN as u32, STOP)?;
        Ok(Waiter { epoll })
    }

    /// Sleep until the device is readable (true) or the stopper fired (false).
    fn wait(&self) -> io::Result<bool> {
        let mut events = [libc::epoll_event { events: 0, u64: 0 }; 2];
        loop {
            // SAFETY: epoll_wait into a live array of the given length.
            let n = unsafe { libc::epoll_wait(self.epoll.as_raw_fd(), events.as_mut_ptr(), 2, -1) };
            if n < 0 {
                let e = io::Error::last_os_error();
                if e.raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return Err(e);
            }
            let tokens = events[..n as usize].iter().map(|e| e.u64);
            let mut readable = false;
            for t in tokens {
                if t == STOP {
                    return Ok(false);
                }
                readable |= t == DEV;
            }
            if readable {
                return Ok(true);
            }
        }
    }
}

/// What one read of the device gave.
enum Got {
    Request(usize),
    Nothing,
    Gone,
}

fn read_request(dev: &File, buf: &mut [u8]) -> io::Result<Got> {
    // SAFETY: reads into a live buffer of its own length.
    let n = unsafe { libc::read(dev.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
    if n >= 0 {
        return Ok(Got::Request(n as usize));
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        // EAGAIN: another worker took it; ENOENT: the request was interrupted.
        Some(libc::EAGAIN) | Some(libc::EINTR) | Some(libc::ENOENT) => Ok(Got::Nothing),
        Some(libc::ENODEV) => Ok(Got::Gone),
        _ => Err(e),
    }
}

/// Tell the kernel to drop the cached attributes of nodes copied up by the request
/// just answered (their ctime changed; a copied-up parent is not otherwise refreshed:
/// `tar` would see a directory "change as we read it"). Sent after the reply, so that
/// no lock the request held is still taken; attributes only, no page cache.
fn invalidate_copied_up(
    dev: &File,
    server: &Server<Arc<OverlayFs>>,
    fs: &OverlayFs,
    buf: &mut [u8],
) {
    for ino in fs.take_copied_up() {
        if let Ok(w) = FuseDevWriter::<()>::new(dev.as_raw_fd(), buf) {
            // A node the kernel has forgotten answers ENOENT: nothing was cached.
            let _ = server.notify_inval_inode(w, ino, u64::MAX, 0);
        }
    }
}

/// Serve requests from `dev` (non-blocking) until unmounted or stopped.
pub fn serve(
    dev: &File,
    server: &Server<Arc<OverlayFs>>,
    fs: &OverlayFs,
    stopper: &Stopper,
    spinner: &Spinner,
    bufsize: usize,
) -> io::Result<()> {
    let waiter = Waiter::new(dev, stopper)?;
    let mut input = vec![0u8; bufsize];
    let mut output = vec![0u8; bufsize];
    let mut spin_until: Option<Instant> = None;
    let mut splicer = Splicer::default();
    loop {
        match read_request(dev, &mut input)? {
            Got::Gone => return Ok(()),
            Got::Request(len) => {
                if !splicer.answer(dev, fs, &input[..len]) {
                    let reader = Reader::from_fuse_buffer(FuseBuf::new(&mut input[..len]))
                        .map_err(|e| io::Error::other(e.to_string()))?;
                    let writer = FuseDevWriter::<()>::new(dev.as_raw_fd(), &mut output)
                        .map_err(|e| io::Error::other(e.to_string()))?;
                    // A reply that cannot be written (an interrupted request) is no reason to stop.
                    let _ = server.handle_message(reader, writer.into(), None, None);
                    invalidate_copied_up(dev, server, fs, &mut output);
                }
                // Poll on if this worker is the poller already, or no other one is.
                if spin_until.is_some() || !spinner.0.swap(true, Ordering::AcqRel) {
                    spin_until = Some(Instant::now() + SPIN);
                }
            }
            Got::Nothing => match spin_until {
                Some(until) if Instant::now() < until => std::hint::spin_loop(),
                _ => {
                    if spin_until.take().is_some() {
                        spinner.0.store(false, Ordering::Release);
                    }
                    if !waiter.wait()? {
                        return Ok(());
                    }
                }
            },
        }
    }
}
