//! A reader read on a thread of its own, a few chunks ahead of its consumer:
//! what a pull's network side does (TLS, the blob's sha256, progress) runs on
//! one core while the layer is decompressed, hashed again and written on the
//! other. A 1 GiB layer spends 0.6 s in each sha256.

use std::io::{self, Read};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::thread::{Scope, ScopedJoinHandle};

/// The size of the chunks handed over: small enough to stay in the core's
/// cache between the two threads, large enough that handing over is rare.
const CHUNK: usize = 128 << 10;
/// How many chunks the reading thread may be ahead.
const AHEAD: usize = 4;

/// The consumer's end: reads what the thread read, in order.
pub struct ReadAhead {
    chunks: Receiver<io::Result<Vec<u8>>>,
    spent: SyncSender<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
    done: bool,
}

/// What the reading thread gives back when joined: its reader, and how the
/// reading ended (Ok at the end of the stream). Whatever the consumer left
/// unread was still read (to the end, or to the first error): a hashing
/// reader's digest covers the whole stream.
pub type Finished<R> = (R, io::Result<()>);

/// Read `inner` on a thread of `scope`, [`AHEAD`] chunks ahead.
pub fn spawn<'scope, R: Read + Send + 'scope>(
    scope: &'scope Scope<'scope, '_>,
    mut inner: R,
) -> (ReadAhead, ScopedJoinHandle<'scope, Finished<R>>) {
    let (chunk_tx, chunks) = sync_channel(AHEAD);
    let (spent, spent_rx) = sync_channel::<Vec<u8>>(AHEAD + 2);
    let handle = scope.spawn(move || {
        let result = pump(&mut inner, &chunk_tx, &spent_rx);
        (inner, result)
    });
    let reader = ReadAhead {
        chunks,
        spent,
        current: Vec::new(),
        pos: 0,
        done: false,
    };
    (reader, handle)
}

/// Read `inner` to its end into chunks sent to `out`; once no one receives
/// them, go on reading (and dropping) to the end.
fn pump<R: Read>(
    inner: &mut R,
    out: &SyncSender<io::Result<Vec<u8>>>,
    spent: &Receiver<Vec<u8>>,
) -> io::Result<()> {
    let mut listening = true;
    // A chunk no one took, read into again.
    let mut spare = None;
    loop {
        let mut chunk = spare
            .take()
            .or_else(|| spent.try_recv().ok())
            .unwrap_or_else(|| vec![0; CHUNK]);
        chunk.resize(CHUNK, 0);
        let filled = match fill(inner, &mut chunk) {
            Ok(n) => n,
            Err(e) => {
                // The joiner gets the error itself, with its sources (what made
                // a body read fail: a timeout, a reset), the consumer a copy.
                if listening {
                    let _ = out.send(Err(io::Error::new(e.kind(), e.to_string())));
                }
                return Err(e);
            }
        };
        if filled == 0 {
            return Ok(());
        }
        chunk.truncate(filled);
        if !listening {
            spare = Some(chunk);
        } else if let Err(std::sync::mpsc::SendError(unsent)) = out.send(Ok(chunk)) {
            listening = false;
            spare = unsent.ok();
        }
    }
}

/// Read into `buf` until it is full or the stream ends; how much was read.
pub fn fill<R: Read + ?Sized>(inner: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match inner.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

impl Read for ReadAhead {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.current.len() {
            if self.done {
                return Ok(0);
            }
            match self.chunks.recv() {
                Ok(Ok(chunk)) => {
                    let spent = std::mem::replace(&mut self.current, chunk);
                    self.pos = 0;
                    if spent.capacity() > 0 {
                        let _ = self.spent.try_send(spent);
                    }
                }
                Ok(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                Err(_) => self.done = true,
            }
        }
        let n = buf.len().min(self.current.len() - self.pos);
        buf[..n].copy_from_slice(&self.current[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What makes a read fail, found again through the error's source.
    #[derive(Debug)]
    struct Cause;

    impl std::fmt::Display for Cause {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("reset")
        }
    }

    impl std::error::Error for Cause {}

    /// Gives `data` in reads of `step` bytes, then fails if `fail` says so.
    struct Source {
        data: Vec<u8>,
        pos: usize,
        step: usize,
        fail: bool,
    }

    impl Read for Source {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.pos == self.data.len() {
                return if self.fail {
                    Err(io::Error::new(io::ErrorKind::ConnectionReset, Cause))
                } else {
                    Ok(0)
                };
            }
            let n = self.step.min(buf.len()).min(self.data.len() - self.pos);
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    fn source(len: usize, step: usize, fail: bool) -> Source {
        Source {
            data: (0..len).map(|i| (i * 7 + i / 251) as u8).collect(),
            pos: 0,
            step,
            fail,
        }
    }

    #[test]
    fn gives_the_stream_in_order() {
        for (len, step) in [
            (0, 1),
            (1, 1),
            (CHUNK, 4096),
            (5 * CHUNK + 17, 1000),
            (300_000, 1 << 20),
        ] {
            let want = source(len, step, false).data;
            std::thread::scope(|s| {
                let (mut reader, handle) = spawn(s, source(len, step, false));
                let mut got = Vec::new();
                // Small reads, so that chunks are split across them.
                let mut buf = [0u8; 3000];
                loop {
                    let n = reader.read(&mut buf).unwrap();
                    if n == 0 {
                        break;
                    }
                    got.extend_from_slice(&buf[..n]);
                }
                assert_eq!(got, want, "len {len} step {step}");
                let (inner, result) = handle.join().unwrap();
                assert!(result.is_ok());
                assert_eq!(inner.pos, len);
            });
        }
    }

    #[test]
    fn what_the_consumer_leaves_is_read_to_the_end() {
        std::thread::scope(|s| {
            let (mut reader, handle) = spawn(s, source(20 * CHUNK, 5000, false));
            let mut buf = [0u8; 10];
            reader.read_exact(&mut buf).unwrap();
            drop(reader);
            let (inner, result) = handle.join().unwrap();
            assert!(result.is_ok());
            assert_eq!(inner.pos, 20 * CHUNK);
        });
    }

    #[test]
    fn an_error_reaches_the_consumer_and_the_joiner() {
        std::thread::scope(|s| {
            let (mut reader, handle) = spawn(s, source(3 * CHUNK + 5, 4096, true));
            let err = io::copy(&mut reader, &mut io::sink()).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::ConnectionReset);
            let (_, result) = handle.join().unwrap();
            // The joiner's is the error itself: what describes it (a timeout) is kept.
            let err = result.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::ConnectionReset);
            assert!(err.into_inner().unwrap().downcast::<Cause>().is_ok());
        });
        // And with no one reading any more.
        std::thread::scope(|s| {
            let (reader, handle) = spawn(s, source(30 * CHUNK, 4096, true));
            drop(reader);
            let (_, result) = handle.join().unwrap();
            assert_eq!(result.unwrap_err().kind(), io::ErrorKind::ConnectionReset);
        });
    }
}
