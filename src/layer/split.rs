//! Tar-split: what it takes to rebuild a pulled layer's tar byte for byte
//! from its unpacked tree, as containers/storage's tar-split does. A push of
//! a pulled image then gives the same diff_ids, so the same config and image
//! id, without keeping the compressed blob.
//!
//! While a layer is unpacked, a [`Recorder`] sits under the tar parser and
//! keeps every byte of the stream except the content of regular files, which
//! the unpacker announces ([`Recorder::begin_file`]) before it copies them to
//! disk. The record, `layers/<hex>/tar-split.zst`, is a zstd stream of:
//!
//! - `R`, u32 length (little endian), bytes: raw bytes of the stream (headers,
//!   padding, PAX and long-name metadata, the end blocks);
//! - `F`, u64 size, u16 path length, path: `size` bytes read from the file at
//!   `path` in the tree (resolved inside it).
//!
//! A layer whose entries replace one another (the same path twice) cannot be
//! rebuilt from its final tree: no record is kept, and a push repacks it.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::rc::Rc;

use anyhow::{bail, Context, Result};

/// The record's file name in a layer's directory.
pub const FILE_NAME: &str = "tar-split.zst";

/// Raw bytes are written out in records of at most this size.
const RAW_CHUNK: usize = 64 << 10;

/// Records the split of one layer as it is unpacked. Cloned handles share it:
/// one reads under the tar parser, one is the unpacker's.
#[derive(Clone)]
pub struct Recorder(Rc<RefCell<State>>);

struct State {
    /// None once the record is given up (an entry replaced another, a write failed).
    out: Option<zstd::Encoder<'static, BufWriter<File>>>,
    raw: Vec<u8>,
    /// In a regular file's content: its path and the bytes read so far.
    file: Option<(Vec<u8>, u64)>,
}

impl State {
    fn flush_raw(&mut self) {
        if self.raw.is_empty() {
            return;
        }
        let raw = std::mem::take(&mut self.raw);
        let len = (raw.len() as u32).to_le_bytes();
        self.write(&[b"R", &len[..], &raw]);
    }

    fn write(&mut self, parts: &[&[u8]]) {
        if let Some(out) = &mut self.out {
            if parts.iter().try_for_each(|p| out.write_all(p)).is_err() {
                self.out = None;
            }
        }
    }
}

impl Recorder {
    /// Start a record at `path`.
    pub fn create(path: &Path) -> Result<Recorder> {
        let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let out = zstd::Encoder::new(BufWriter::new(file), 3).context("starting the tar-split")?;
        Ok(Recorder(Rc::new(RefCell::new(State {
            out: Some(out),
            raw: Vec::new(),
            file: None,
        }))))
    }

    /// `inner`, with every byte read through it recorded.
    pub fn reader<R: Read>(&self, inner: R) -> RecordingReader<R> {
        RecordingReader {
            inner,
            rec: self.clone(),
        }
    }

    /// What is read from now on is the content of the regular file at `path`.
    pub fn begin_file(&self, path: &[u8]) {
        let mut s = self.0.borrow_mut();
        s.flush_raw();
        s.file = Some((path.to_vec(), 0));
    }

    /// The file's content ended.
    pub fn end_file(&self) {
        let mut s = self.0.borrow_mut();
        if let Some((path, size)) = s.file.take() {
            let Ok(len) = u16::try_from(path.len()) else {
                s.out = None;
                return;
            };
            s.write(&[b"F", &size.to_le_bytes(), &len.to_le_bytes(), &path]);
        }
    }

    /// The tree will not give the stream back: keep no record.
    pub fn give_up(&self) {
        self.0.borrow_mut().out = None;
    }

    /// End the record; false (and `path` removed) when it was given up.
    pub fn finish(self, path: &Path) -> bool {
        let mut s = self.0.borrow_mut();
        s.flush_raw();
        let kept = match s.out.take() {
            Some(out) => out
                .finish()
                .and_then(|w| w.into_inner().map_err(|e| e.into_error()))
                .and_then(|f| f.sync_all())
                .is_ok(),
            None => false,
        };
        if !kept {
            let _ = std::fs::remove_file(path);
        }
        kept
    }
}

/// A reader that records what passes through it (see [`Recorder`]).
pub struct RecordingReader<R> {
    inner: R,
    rec: Recorder,
}

impl<R: Read> Read for RecordingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut s = self.rec.0.borrow_mut();
        match &mut s.file {
            Some((_, size)) => *size += n as u64,
            None => {
                s.raw.extend_from_slice(&buf[..n]);
                if s.raw.len() >= RAW_CHUNK {
                    s.flush_raw();
                }
            }
        }
        Ok(n)
    }
}

/// The tar stream of layer `diff_id` of `store`, byte for byte: a built
/// layer's tar blob, or a pulled (loaded) one rebuilt from its record.
pub fn layer_stream(
    store: &crate::store::Store,
    diff_id: &crate::digest::Digest,
) -> Result<Box<dyn Read>> {
    if let Some(tar) = stored_tar(store, diff_id)? {
        return Ok(Box::new(tar));
    }
    match open(&store.layer_dir(diff_id))? {
        Some(r) => Ok(Box::new(r)),
        None => bail!(
            "layer {diff_id} has no record to rebuild its tar from (pulled by an older husk, or its entries replace one another): pull the image again, or husk commit a container of it"
        ),
    }
}

/// A layer's tar as the store keeps it, if it does: a built layer's blob
/// is its tar (hashed to its name when it was written, as every blob is).
fn stored_tar(
    store: &crate::store::Store,
    diff_id: &crate::digest::Digest,
) -> Result<Option<File>> {
    let info = store.layer_info(diff_id)?;
    let blob = store.blob_path(diff_id);
    if info.blob == info.diff_id && blob.is_file() {
        return Ok(Some(File::open(&blob)?));
    }
    Ok(None)
}

/// A layer's tar stream rebuilt from its record and its tree.
pub struct Rebuilt {
    records: zstd::Decoder<'static, BufReader<File>>,
    root: OwnedFd,
    current: Piece,
}

enum Piece {
    None,
    Raw(Vec<u8>, usize),
    File(io::Take<File>, u64),
}

/// The tar stream of the layer in `layer_dir` (its `diff/` and record); None
/// when it has no record.
pub fn open(layer_dir: &Path) -> Result<Option<Rebuilt>> {
    let path = layer_dir.join(FILE_NAME);
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("opening {}", path.display())),
    };
    let diff = layer_dir.join("diff");
    let root: OwnedFd = File::open(&diff)
        .with_context(|| format!("opening {}", diff.display()))?
        .into();
    Ok(Some(Rebuilt {
        records: zstd::Decoder::new(file).context("reading the tar-split")?,
        root,
        current: Piece::None,
    }))
}

impl Rebuilt {
    /// The next piece, or false at the end of the record.
    fn next_piece(&mut self) -> Result<bool> {
        let mut kind = [0u8; 1];
        if self.records.read(&mut kind)? == 0 {
            return Ok(false);
        }
        match kind[0] {
            b'R' => {
                let mut len = [0u8; 4];
                self.records.read_exact(&mut len)?;
                let len = u32::from_le_bytes(len) as usize;
                if len > RAW_CHUNK * 2 {
                    bail!("a raw record of {len} bytes");
                }
                let mut raw = vec![0u8; len];
                self.records.read_exact(&mut raw)?;
                self.current = Piece::Raw(raw, 0);
            }
            b'F' => {
                let mut size = [0u8; 8];
                self.records.read_exact(&mut size)?;
                let size = u64::from_le_bytes(size);
                let mut len = [0u8; 2];
                self.records.read_exact(&mut len)?;
                let mut path = vec![0u8; u16::from_le_bytes(len) as usize];
                self.records.read_exact(&mut path)?;
                let name = std::ffi::OsStr::from_bytes(&path);
                let fd = crate::fsat::open_in_root(self.root.as_fd(), name, libc::O_RDONLY)
                    .with_context(|| format!("opening {} in the layer", name.to_string_lossy()))?;
                self.current = Piece::File(File::from(fd).take(size), size);
            }
            k => bail!("an unknown record kind {k}"),
        }
        Ok(true)
    }
}

impl Read for Rebuilt {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match &mut self.current {
                Piece::Raw(raw, pos) if *pos < raw.len() => {
                    let n = (raw.len() - *pos).min(buf.len());
                    buf[..n].copy_from_slice(&raw[*pos..*pos + n]);
                    *pos += n;
                    return Ok(n);
                }
                Piece::File(f, left) if *left > 0 => {
                    let n = f.read(buf)?;
                    if n == 0 {
                        return Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "a file of the layer is shorter than its tar entry",
                        ));
                    }
                    *left -= n as u64;
                    return Ok(n);
                }
                _ => {}
            }
            match self.next_piece() {
                Ok(true) => {}
                Ok(false) => return Ok(0),
                Err(e) => return Err(io::Error::other(format!("rebuilding the layer: {e:#}"))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("husk-split-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("diff")).unwrap();
        dir
    }

    fn layer_tar(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        for (name, data) in entries {
            let mut h = tar::Header::new_gnu();
            h.set_size(data.len() as u64);
            h.set_mode(0o640);
            h.set_uid(0);
            h.set_gid(0);
            h.set_mtime(12345);
            b.append_data(&mut h, name, *data).unwrap();
        }
        // A long name: GNU long-name metadata recorded raw.
        let long = format!("dir/{}", "n".repeat(150));
        let mut h = tar::Header::new_gnu();
        h.set_size(3);
        h.set_mode(0o600);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1);
        b.append_data(&mut h, long, &b"abc"[..]).unwrap();
        b.into_inner().unwrap()
    }

    fn unpack_recording(dir: &Path, tar: &[u8]) -> bool {
        let path = dir.join(FILE_NAME);
        let rec = Recorder::create(&path).unwrap();
        let mut reader = rec.reader(tar);
        crate::layer::unpack::unpack_recording(&mut reader, &dir.join("diff"), Some(&rec)).unwrap();
        io::copy(&mut reader, &mut io::sink()).unwrap();
        drop(reader);
        rec.finish(&path)
    }

    #[test]
    fn a_layer_is_rebuilt_byte_for_byte() {
        let dir = scratch("rebuild");
        let big: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        let tar = layer_tar(&[("a/f", b"hello"), ("a/big", &big), ("empty", b"")]);
        assert!(unpack_recording(&dir, &tar));
        let mut rebuilt = Vec::new();
        open(&dir)
            .unwrap()
            .unwrap()
            .read_to_end(&mut rebuilt)
            .unwrap();
        assert_eq!(rebuilt.len(), tar.len());
        assert!(rebuilt == tar);
        // The record is a small part of the layer.
        let record = std::fs::metadata(dir.join(FILE_NAME)).unwrap().len();
        assert!(record < 2048, "{record}");
        // A file changed under the record is found out.
        std::fs::write(dir.join("diff/a/f"), "hi").unwrap();
        let mut out = Vec::new();
        assert!(open(&dir).unwrap().unwrap().read_to_end(&mut out).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_layer_that_replaces_its_own_entries_keeps_no_record() {
        let dir = scratch("replaced");
        let tar = layer_tar(&[("f", b"one"), ("f", b"two")]);
        assert!(!unpack_recording(&dir, &tar));
        assert!(open(&dir).unwrap().is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
