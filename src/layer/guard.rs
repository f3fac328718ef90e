//! A guard in front of the `tar` crate: it follows the tar stream's blocks and
//! refuses a metadata entry (GNU long name or link, PAX header) larger than
//! [`MAX_METADATA`], which the crate would otherwise read whole into memory (a
//! 4.7 MB gzip layer with a 1 GiB long name took 3 GiB). containerd has the
//! same limit.
//!
//! It only reads what passes through: headers (512-byte blocks), the data
//! that follows each (rounded up to whole blocks), the extension blocks of
//! GNU sparse headers, and the `size` a PAX header sets for the next entry.

use std::io::{self, Read};

/// The largest long name, long link or PAX header accepted.
pub const MAX_METADATA: u64 = 1 << 20;

const BLOCK: usize = 512;

enum State {
    /// Collecting a header block.
    Header,
    /// Collecting a GNU sparse extension block.
    SparseExt,
    /// Passing `remaining` bytes of entry data (and padding); `pax` collects a PAX header's.
    Data {
        remaining: u64,
        pax: Option<Vec<u8>>,
    },
    /// After the end-of-archive blocks or an error: no more checks.
    Done,
}

/// Reads `inner`, failing with InvalidData where the tar stream breaks the limits.
pub struct TarGuard<R> {
    inner: R,
    state: State,
    block: Vec<u8>,
    /// A PAX `size` for the next entry.
    next_size: Option<u64>,
    /// The data size of the last header (for a sparse one's extension blocks).
    pending: u64,
}

impl<R: Read> TarGuard<R> {
    pub fn new(inner: R) -> TarGuard<R> {
        TarGuard {
            inner,
            state: State::Header,
            block: Vec::with_capacity(BLOCK),
            next_size: None,
            pending: 0,
        }
    }

    fn feed(&mut self, mut bytes: &[u8]) -> io::Result<()> {
        while !bytes.is_empty() {
            match &mut self.state {
                State::Done => return Ok(()),
                State::Header | State::SparseExt => {
                    let take = (BLOCK - self.block.len()).min(bytes.len());
                    self.block.extend_from_slice(&bytes[..take]);
                    bytes = &bytes[take..];
                    if self.block.len() == BLOCK {
                        let block = std::mem::take(&mut self.block);
                        self.state = self.next_state(&block)?;
                    }
                }
                State::Data { remaining, pax } => {
                    let take = (*remaining).min(bytes.len() as u64) as usize;
                    if let Some(buf) = pax {
                        buf.extend_from_slice(&bytes[..take]);
                    }
                    *remaining -= take as u64;
                    bytes = &bytes[take..];
                    if *remaining == 0 {
                        if let Some(buf) = pax.take() {
                            self.next_size = pax_size(&buf).or(self.next_size);
                        }
                        self.state = State::Header;
                    }
                }
            }
        }
        Ok(())
    }

    /// What follows the completed `block`.
    fn next_state(&mut self, block: &[u8]) -> io::Result<State> {
        if matches!(self.state, State::SparseExt) {
            // isextended of a sparse extension block
            return Ok(if block[504] != 0 {
                State::SparseExt
            } else {
                self.data_of_last_header()
            });
        }
        if block.iter().all(|b| *b == 0) {
            return Ok(State::Header); // end-of-archive blocks (anything after is not read by tar)
        }
        let kind = block[156];
        let header_size = parse_size(&block[124..136])
            .ok_or_else(|| invalid("invalid size field in a tar header"))?;
        let metadata = matches!(kind, b'L' | b'K' | b'x' | b'g');
        if metadata && header_size > MAX_METADATA {
            return Err(invalid(&format!(
                "a tar metadata entry (long name or PAX header) of {header_size} bytes: more than the {} KiB accepted",
                MAX_METADATA >> 10
            )));
        }
        let size = if metadata {
            header_size
        } else {
            self.next_size.take().unwrap_or(header_size)
        };
        self.pending = size;
        if kind == b'S' && block[482] != 0 {
            return Ok(State::SparseExt);
        }
        Ok(State::Data {
            remaining: padded(size),
            pax: (kind == b'x').then(Vec::new),
        })
    }

    fn data_of_last_header(&self) -> State {
        State::Data {
            remaining: padded(self.pending),
            pax: None,
        }
    }
}

impl<R: Read> Read for TarGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Err(e) = self.feed(&buf[..n]) {
            self.state = State::Done;
            return Err(e);
        }
        Ok(n)
    }
}

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.to_string())
}

fn padded(size: u64) -> u64 {
    size.div_ceil(BLOCK as u64) * BLOCK as u64
}

/// A tar size field: octal (spaces and NULs around it), or base-256 when the
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

/// The `size` record of a PAX header ("LEN size=N\n" records), if any.
fn pax_size(records: &[u8]) -> Option<u64> {
    let mut rest = records;
    let mut size = None;
    while !rest.is_empty() {
        let space = rest.iter().position(|b| *b == b' ')?;
        let len: usize = std::str::from_utf8(&rest[..space]).ok()?.parse().ok()?;
        if len <= space || len > rest.len() {
            return size;
        }
        let record = &rest[space + 1..len];
        let record = record.strip_suffix(b"\n").unwrap_or(record);
        if let Some(v) = record.strip_prefix(b"size=") {
            size = std::str::from_utf8(v).ok()?.parse().ok();
        }
        rest = &rest[len..];
    }
    size
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
    fn a_pax_size_is_followed() {
        // PAX "size" overrides the next header's size field: a guard that
        // ignored it would lose the block boundaries and miss the long name.
        let mut pax = tar::Header::new_ustar();
        let record = b"16 size=1000000\n";
        pax.set_entry_type(tar::EntryType::XHeader);
        pax.set_size(record.len() as u64);
        pax.set_cksum();
        let mut bytes = pax.as_bytes().to_vec();
        bytes.extend_from_slice(record);
        bytes.resize(bytes.len().div_ceil(512) * 512, 0);
        let mut f = tar::Header::new_ustar();
        f.set_entry_type(tar::EntryType::Regular);
        f.set_size(0);
        f.set_path("big").unwrap();
        f.set_cksum();
        bytes.extend_from_slice(f.as_bytes());
        bytes.extend(vec![0u8; 1_000_448]); // 1000000 rounded up to blocks
        let mut long = tar::Header::new_gnu();
        long.set_entry_type(tar::EntryType::GNULongName);
        long.set_size(u32::MAX as u64);
        long.set_cksum();
        bytes.extend_from_slice(long.as_bytes());
        let mut guard = TarGuard::new(&bytes[..]);
        let err = io::copy(&mut guard, &mut io::sink()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
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
