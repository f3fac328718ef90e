//! A guard in front of the `tar` crate: it refuses a metadata entry (GNU long
//! name or link, PAX header) larger than [`MAX_METADATA`], which the crate
//! would otherwise read whole into memory (a 4.7 MB gzip layer with a 1 GiB
//! long name took 3 GiB), and a GNU sparse file with more than
//! [`MAX_SPARSE_BLOCKS`] extension blocks (the crate keeps every entry of them).
//!
//! The tar crate reads headers only at 512-byte boundaries of the stream. So
//! the guard needs no model of the archive (which entry's data ends where, PAX
//! `size` overrides, ...), which could disagree with the crate's: it checks
//! every block at a 512-byte boundary that is a valid header (its checksum
//! matches). A file inside a layer that itself holds, at an aligned offset, a
//! tar header of a huge long name would be refused too; that is the price.

use std::io::{self, Read};

/// The largest long name, long link or PAX header accepted.
pub const MAX_METADATA: u64 = 1 << 20;

/// The most GNU sparse extension blocks one entry may have (21 extents each).
pub const MAX_SPARSE_BLOCKS: u32 = 1024;

const BLOCK: usize = 512;

/// Reads `inner`, failing with InvalidData where the tar stream breaks the limits.
pub struct TarGuard<R> {
    inner: R,
    /// The part of the current 512-byte block read so far.
    block: Vec<u8>,
    /// Extension blocks of a GNU sparse header still announced (by `isextended`).
    sparse_blocks: Option<u32>,
}

impl<R: Read> TarGuard<R> {
    pub fn new(inner: R) -> TarGuard<R> {
        TarGuard {
            inner,
            block: Vec::with_capacity(BLOCK),
            sparse_blocks: None,
        }
    }

    /// Check the blocks `bytes` completes: a block begun by an earlier read is
    /// completed in `self.block`; whole blocks are checked where they lie.
    fn feed(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        if !self.block.is_empty() {
            let take = (BLOCK - self.block.len()).min(bytes.len());
            self.block.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.block.len() < BLOCK {
                return Ok(());
            }
            // A copy of one block: `check` needs `self` mutably.
            let block: [u8; BLOCK] = self.block[..].try_into().expect("a whole block");
            self.block.clear();
            self.check(&block)?;
        }
        let mut blocks = bytes.chunks_exact(BLOCK);
        for block in &mut blocks {
            self.check(block)?;
        }
        self.block.extend_from_slice(blocks.remainder());
        Ok(())
    }

    fn check(&mut self, block: &[u8]) -> io::Result<()> {
        if let Some(count) = self.sparse_blocks {
            // A GNU sparse extension block (the crate reads it right after its header).
            if count >= MAX_SPARSE_BLOCKS {
                return Err(invalid(&format!(
                    "a sparse file with more than {MAX_SPARSE_BLOCKS} extension blocks"
                )));
            }
            self.sparse_blocks = (block[504] == 1).then_some(count + 1);
            return Ok(());
        }
        let kind = block[156];
        // The type byte first: most blocks are data, and the checksum costs a pass.
        if !matches!(kind, b'L' | b'K' | b'x' | b'g' | b'S') || !is_header(block) {
            return Ok(());
        }
        if matches!(kind, b'L' | b'K' | b'x' | b'g') {
            let size = parse_size(&block[124..136]).unwrap_or(u64::MAX);
            if size > MAX_METADATA {
                return Err(invalid(&format!(
                    "a tar metadata entry (long name or PAX header) of {size} bytes: more than the {} KiB accepted",
                    MAX_METADATA >> 10
                )));
            }
        }
        if kind == b'S' && block[482] == 1 {
            self.sparse_blocks = Some(0);
        }
        Ok(())
    }
}

impl<R: Read> Read for TarGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.feed(&buf[..n])?;
        Ok(n)
    }
}

/// Whether `block` is a tar header: its checksum field matches its bytes (as
/// the tar crate checks it: the sum with the field itself as spaces).
fn is_header(block: &[u8]) -> bool {
    let Some(stored) = parse_size(&block[148..156]) else {
        return false;
    };
    let sum: u64 = block
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if (148..156).contains(&i) {
                u64::from(b' ')
            } else {
                u64::from(*b)
            }
        })
        .sum();
    stored == sum && block.iter().any(|b| *b != 0)
}

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

/// A tar number field: octal (spaces and NULs around it), or base-256 when the
/// first byte's high bit is set (as the `tar` crate reads it).
fn parse_size(field: &[u8]) -> Option<u64> {
    if field[0] & 0x80 != 0 {
        let mut n: u64 = u64::from(field[0] & 0x7f);
        for b in &field[1..] {
            n = n.checked_mul(256)?.checked_add(u64::from(*b))?;
        }
        return Some(n);
    }
    let text = std::str::from_utf8(field).ok()?;
    let text = text.trim_matches(|c| c == ' ' || c == '\0');
    if text.is_empty() {
        return Some(0);
    }
    u64::from_str_radix(text, 8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tar_with(build: impl FnOnce(&mut tar::Builder<Vec<u8>>)) -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        build(&mut b);
        b.into_inner().unwrap()
    }

    fn file(b: &mut tar::Builder<Vec<u8>>, path: &str, data: &[u8]) {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_entry_type(tar::EntryType::Regular);
        b.append_data(&mut h, path, data).unwrap();
    }

    fn read_all(bytes: &[u8]) -> io::Result<Vec<String>> {
        let mut archive = tar::Archive::new(TarGuard::new(bytes));
        let mut names = Vec::new();
        for e in archive.entries()? {
            let mut e = e?;
            names.push(String::from_utf8_lossy(&e.path_bytes()).into_owned());
            io::copy(&mut e, &mut io::sink())?;
        }
        Ok(names)
    }

    #[test]
    fn ordinary_archives_pass_through() {
        let long = "d/".repeat(200) + "f";
        let bytes = tar_with(|b| {
            file(b, "a", b"hello");
            file(b, &long, &vec![7u8; 3000]); // a GNU long name
            file(b, "b", b"");
        });
        assert_eq!(
            read_all(&bytes).unwrap(),
            vec!["a".to_string(), long, "b".into()]
        );
    }

    #[test]
    fn a_huge_long_name_is_refused_before_it_is_read() {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::GNULongName);
        h.set_size(MAX_METADATA + 1);
        h.set_cksum();
        let mut bytes = h.as_bytes().to_vec();
        bytes.extend(vec![b'a'; 4096]); // the rest never comes: it must not be waited for
        let err = read_all(&bytes).unwrap_err();
        assert!(err.to_string().contains("long name or PAX header"), "{err}");
    }

    #[test]
    fn a_long_name_behind_a_pax_size_trick_is_found() {
        // A PAX record says the next file is empty; its header says 8 GiB. The
        // crate reads the long name that follows; so must the guard, whatever
        // it believes about sizes (it believes nothing: every aligned header counts).
        let mut pax = tar::Header::new_ustar();
        let record = b"10 size=0\n";
        pax.set_entry_type(tar::EntryType::XHeader);
        pax.set_size(record.len() as u64);
        pax.set_cksum();
        let mut bytes = pax.as_bytes().to_vec();
        bytes.extend_from_slice(record);
        bytes.resize(bytes.len().div_ceil(512) * 512, 0);
        let mut f = tar::Header::new_ustar();
        f.set_entry_type(tar::EntryType::Regular);
        f.set_size(8 << 30);
        f.set_path("f").unwrap();
        f.set_cksum();
        bytes.extend_from_slice(f.as_bytes());
        let mut long = tar::Header::new_gnu();
        long.set_entry_type(tar::EntryType::GNULongName);
        long.set_size(1 << 30);
        long.set_cksum();
        bytes.extend_from_slice(long.as_bytes());
        bytes.extend(vec![b'a'; 4096]);
        let err = read_all(&bytes).unwrap_err();
        assert!(err.to_string().contains("long name or PAX header"), "{err}");
    }

    /// Reads at most `step` bytes at a time.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    #[test]
    fn headers_split_across_reads_are_checked() {
        let mut bytes = tar_with(|b| file(b, "a", &vec![1u8; 700]));
        let mut long = tar::Header::new_gnu();
        long.set_entry_type(tar::EntryType::GNULongName);
        long.set_size(MAX_METADATA + 1);
        long.set_cksum();
        let at = bytes.len() - 1024; // before the end-of-archive blocks
        bytes.splice(at..at, long.as_bytes().iter().copied());
        for step in [1, 7, 511, 512, 513, 1000, 4096, 1 << 20] {
            let mut guard = TarGuard::new(Trickle {
                bytes: &bytes,
                step,
            });
            let err = io::copy(&mut guard, &mut io::sink()).unwrap_err();
            assert!(err.to_string().contains("long name"), "step {step}: {err}");
        }
    }

    #[test]
    fn endless_sparse_extensions_are_refused() {
        let mut h = tar::Header::new_gnu();
        h.set_entry_type(tar::EntryType::GNUSparse);
        h.set_size(0);
        h.set_path("s").unwrap();
        h.as_gnu_mut().unwrap().isextended[0] = 1;
        h.set_cksum();
        let mut bytes = h.as_bytes().to_vec();
        let mut ext = [0u8; 512];
        ext[504] = 1;
        for _ in 0..MAX_SPARSE_BLOCKS + 2 {
            bytes.extend_from_slice(&ext);
        }
        let mut guard = TarGuard::new(&bytes[..]);
        let err = io::copy(&mut guard, &mut io::sink()).unwrap_err();
        assert!(err.to_string().contains("sparse"), "{err}");
    }

    #[test]
    fn size_fields() {
        assert_eq!(parse_size(b"00000001750\0"), Some(1000));
        assert_eq!(parse_size(b"     17 \0\0\0\0"), Some(15));
        assert_eq!(
            parse_size(&[0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]),
            Some(256)
        );
        assert_eq!(parse_size(b"zz\0\0\0\0\0\0\0\0\0\0"), None);
    }
}
