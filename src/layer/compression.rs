//! Layer and archive compression, told from the stream's first bytes (as
//! docker's DecompressStream does): gzip, zstd, bzip2, xz, or none. Media
//! types lie often enough that the magic wins.

use std::io::{self, Cursor, Read};

/// A layer's compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
    Bzip2,
    Xz,
}

/// The most memory an xz stream may ask for (its dictionary): 512 MiB.
const XZ_MEMORY_KIB: u32 = 512 * 1024;

impl Compression {
    fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else if head.starts_with(b"BZh") {
            Compression::Bzip2
        } else if head.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
            Compression::Xz
        } else {
            Compression::None
        }
    }
}

/// Wrap `reader` in the decompressor its first bytes call for.
pub fn decompress<'a, R: Read + 'a>(
    mut reader: R,
) -> io::Result<(Compression, Box<dyn Read + 'a>)> {
    let mut head = [0u8; 6];
    let mut len = 0;
    while len < head.len() {
        match reader.read(&mut head[len..])? {
            0 => break,
            n => len += n,
        }
    }
    let kind = Compression::sniff(&head[..len]);
    let whole = Cursor::new(head[..len].to_vec()).chain(reader);
    let out: Box<dyn Read + 'a> = match kind {
        Compression::Gzip => Box::new(flate2::read::MultiGzDecoder::new(whole)),
        Compression::Zstd => Box::new(zstd::stream::read::Decoder::new(whole)?),
        Compression::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(whole)),
        Compression::Xz => Box::new(lzma_rust2::XzReader::new_mem_limit(
            whole,
            true,
            XZ_MEMORY_KIB,
        )),
        Compression::None => Box::new(whole),
    };
    Ok((kind, out))
}

/// The size of the blocks `gzip_parallel` compresses apart.
const GZIP_BLOCK: usize = 1 << 20;

/// gzip `input` into `out` on every core, as pgzip does (podman's push): the
/// stream is cut into 1 MiB blocks, each compressed on its own as a gzip member,
/// the members written in order. Concatenated members are one valid gzip
/// stream (RFC 1952), and the output depends on the input alone, not on how
/// many threads made it.
/// `level`: gzip's 0-9 (None: its default, 6).
pub fn gzip_parallel(
    input: &mut dyn Read,
    out: &mut dyn std::io::Write,
    level: Option<u32>,
) -> io::Result<u64> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let mut total = 0;
    loop {
        let mut blocks = Vec::with_capacity(threads * 2);
        for _ in 0..threads * 2 {
            let mut block = Vec::with_capacity(GZIP_BLOCK);
            input.take(GZIP_BLOCK as u64).read_to_end(&mut block)?;
            if block.is_empty() {
                break;
            }
            blocks.push(block);
        }
        if blocks.is_empty() {
            if total == 0 {
                // Nothing at all: still a gzip stream, of nothing.
                let m = gzip_member(&[], level)?;
                out.write_all(&m)?;
                total = m.len() as u64;
            }
            return Ok(total);
        }
        let last = blocks.last().is_some_and(|b| b.len() < GZIP_BLOCK);
        let members: Vec<io::Result<Vec<u8>>> = std::thread::scope(|s| {
            let jobs: Vec<_> = blocks
                .chunks(blocks.len().div_ceil(threads))
                .map(|batch| {
                    s.spawn(move || {
                        batch
                            .iter()
                            .map(|b| gzip_member(b, level))
                            .collect::<Vec<io::Result<Vec<u8>>>>()
                    })
                })
                .collect();
            jobs.into_iter()
                .flat_map(|j| {
                    j.join().unwrap_or_else(|_| {
                        vec![Err(io::Error::other("a compression thread panicked"))]
                    })
                })
                .collect()
        });
        for m in members {
            let m = m?;
            out.write_all(&m)?;
            total += m.len() as u64;
        }
        if last {
            return Ok(total);
        }
    }
}

/// One block as a whole gzip member: deflated, or stored when a sample of it
/// does not compress (already compressed files, random bytes), as
/// klauspost/compress (podman's) does: deflating those costs much and saves nothing.
fn gzip_member(block: &[u8], level: Option<u32>) -> io::Result<Vec<u8>> {
    use std::io::Write;
    let level = match level {
        Some(l) => flate2::Compression::new(l),
        None if incompressible(block)? => flate2::Compression::none(),
        None => flate2::Compression::default(),
    };
    let mut gz = flate2::write::GzEncoder::new(Vec::with_capacity(block.len() / 2), level);
    gz.write_all(block)?;
    gz.finish()
}

/// Whether samples from the start, middle and end of `block`, deflated fast,
/// save less than 2%.
fn incompressible(block: &[u8]) -> io::Result<bool> {
    use std::io::Write;
    const SAMPLE: usize = 16 << 10;
    if block.len() < 4 * SAMPLE {
        return Ok(false);
    }
    let mid = block.len() / 2;
    for start in [0, mid - SAMPLE / 2, block.len() - SAMPLE] {
        let sample = &block[start..start + SAMPLE];
        let mut d = flate2::write::DeflateEncoder::new(
            Vec::with_capacity(SAMPLE + 64),
            flate2::Compression::fast(),
        );
        d.write_all(sample)?;
        if d.finish()?.len() < SAMPLE * 98 / 100 {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn roundtrip(kind: Compression, compressed: Vec<u8>) {
        let (k, mut r) = decompress(&compressed[..]).unwrap();
        assert_eq!(k, kind);
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        assert_eq!(out, b"hello layer");
    }

    #[test]
    fn detects_every_compression() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"hello layer").unwrap();
        roundtrip(Compression::Gzip, gz.finish().unwrap());
        roundtrip(
            Compression::Zstd,
            zstd::encode_all(&b"hello layer"[..], 3).unwrap(),
        );
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(b"hello layer").unwrap();
        roundtrip(Compression::Bzip2, bz.finish().unwrap());
        let mut xz =
            lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
        xz.write_all(b"hello layer").unwrap();
        roundtrip(Compression::Xz, xz.finish().unwrap());
        roundtrip(Compression::None, b"hello layer".to_vec());
    }

    #[test]
    fn incompressible_blocks_are_stored_and_others_deflated() {
        let mut x: u32 = 1;
        let random: Vec<u8> = (0..GZIP_BLOCK)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        let text: Vec<u8> = (0..GZIP_BLOCK).map(|i| b"layer text "[i % 11]).collect();
        assert!(incompressible(&random).unwrap());
        assert!(!incompressible(&text).unwrap());
        let stored = gzip_member(&random, None).unwrap();
        assert!(stored.len() > random.len() && stored.len() < random.len() + 1024);
        assert!(gzip_member(&text, None).unwrap().len() < text.len() / 50);
    }

    #[test]
    fn parallel_gzip_is_one_stream_whatever_the_size() {
        for len in [
            0usize,
            10,
            GZIP_BLOCK,
            3 * GZIP_BLOCK + 7,
            20 * GZIP_BLOCK + 1,
        ] {
            let data: Vec<u8> = (0..len).map(|i| (i * 7 % 251) as u8).collect();
            let mut out = Vec::new();
            let n = gzip_parallel(&mut &data[..], &mut out, None).unwrap();
            assert_eq!(n as usize, out.len());
            let (kind, mut r) = decompress(&out[..]).unwrap();
            assert_eq!(kind, Compression::Gzip);
            let mut back = Vec::new();
            r.read_to_end(&mut back).unwrap();
            assert!(back == data, "{len}");
        }
    }
}
