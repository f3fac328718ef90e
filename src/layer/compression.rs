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
    // The blocks of a round and their deflated members, reused round after round.
    let mut blocks: Vec<Vec<u8>> = Vec::with_capacity(threads * 2);
    let mut members: Vec<Vec<u8>> = Vec::with_capacity(threads * 2);
    let mut total = 0;
    // The first round is smaller: its output is awaited (a push uploads as it comes).
    let mut round = threads;
    loop {
        let mut n = 0;
        while n < round {
            if blocks.len() == n {
                blocks.push(Vec::with_capacity(GZIP_BLOCK));
                members.push(Vec::new());
            }
            fill_block(input, &mut blocks[n])?;
            if blocks[n].is_empty() {
                break;
            }
            n += 1;
        }
        if n == 0 {
            if total == 0 {
                // Nothing at all: still a gzip stream, of nothing.
                total = write_stored(&[], 0, out)?;
            }
            return Ok(total);
        }
        let last = blocks[n - 1].len() < GZIP_BLOCK;
        let per_thread = n.div_ceil(threads);
        let kinds: Vec<io::Result<Member>> = std::thread::scope(|s| {
            let jobs: Vec<_> = blocks[..n]
                .chunks(per_thread)
                .zip(members[..n].chunks_mut(per_thread))
                .map(|(batch, outs)| {
                    s.spawn(move || {
                        batch
                            .iter()
                            .zip(outs.iter_mut())
                            .map(|(b, m)| gzip_member(b, level, m))
                            .collect::<Vec<io::Result<Member>>>()
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
        for (i, kind) in kinds.into_iter().enumerate() {
            total += match kind? {
                Member::Deflated => {
                    out.write_all(&members[i])?;
                    members[i].len() as u64
                }
                Member::Stored(crc) => write_stored(&blocks[i], crc, out)?,
            };
        }
        if last {
            return Ok(total);
        }
        round = threads * 2;
    }
}

/// Read the next [`GZIP_BLOCK`] bytes of `input` into `block` (fewer at the
/// end). The block keeps its length from round to round, so its memory is
/// zeroed once, not before each read as `read_to_end` through a `Read`
/// without `read_buf` does.
fn fill_block(input: &mut dyn Read, block: &mut Vec<u8>) -> io::Result<()> {
    block.resize(GZIP_BLOCK, 0);
    let mut filled = 0;
    while filled < GZIP_BLOCK {
        match input.read(&mut block[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    block.truncate(filled);
    Ok(())
}

/// How a block went into its gzip member.
enum Member {
    /// Deflated into the member's buffer.
    Deflated,
    /// To be written as it is, in stored deflate blocks; the block's CRC-32.
    Stored(u32),
}

/// One block as a whole gzip member: deflated into `member`, or stored when
/// a sample of it does not compress (already compressed files, random
/// bytes), as klauspost/compress (podman's) does: deflating those costs much
/// and saves nothing.
fn gzip_member(block: &[u8], level: Option<u32>, member: &mut Vec<u8>) -> io::Result<Member> {
    use std::io::Write;
    let level = match level {
        Some(l) => flate2::Compression::new(l),
        None if incompressible(block)? => {
            let mut crc = flate2::Crc::new();
            crc.update(block);
            return Ok(Member::Stored(crc.sum()));
        }
        None => flate2::Compression::default(),
    };
    member.clear();
    let mut gz = flate2::write::GzEncoder::new(std::mem::take(member), level);
    gz.write_all(block)?;
    *member = gz.finish()?;
    Ok(Member::Deflated)
}

/// `block` as a gzip member of stored deflate blocks (RFC 1951 3.2.4),
/// written straight from the block: the member's size.
fn write_stored(block: &[u8], crc: u32, out: &mut dyn std::io::Write) -> io::Result<u64> {
    const MAX_STORED: usize = 65535;
    // ID1 ID2, deflate, no flags, no mtime, no extra flags, OS unknown.
    out.write_all(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])?;
    let pieces = block.len().div_ceil(MAX_STORED).max(1);
    for i in 0..pieces {
        let piece =
            &block[(i * MAX_STORED).min(block.len())..((i + 1) * MAX_STORED).min(block.len())];
        let len = piece.len() as u16;
        let [l0, l1] = len.to_le_bytes();
        let [n0, n1] = (!len).to_le_bytes();
        out.write_all(&[u8::from(i + 1 == pieces), l0, l1, n0, n1])?;
        out.write_all(piece)?;
    }
    out.write_all(&crc.to_le_bytes())?;
    out.write_all(&(block.len() as u32).to_le_bytes())?;
    Ok((10 + 5 * pieces + block.len() + 8) as u64)
}

/// Whether samples from the start, middle and end of `block` are so near
/// to random bytes that deflate could save less than 2%: their order-0
/// entropy (what its Huffman coding can reach) is above 98% of 8 bits a
/// byte, and deflating one of them fast saves less than 2% as well (repeats a
/// byte count cannot see). Counting bytes costs a fraction of deflating them.
fn incompressible(block: &[u8]) -> io::Result<bool> {
    use std::io::Write;
    const SAMPLE: usize = 16 << 10;
    if block.len() < 4 * SAMPLE {
        return Ok(false);
    }
    let mid = block.len() / 2;
    let samples = [0, mid - SAMPLE / 2, block.len() - SAMPLE].map(|s| &block[s..s + SAMPLE]);
    let mut counts = [0u32; 256];
    for sample in samples {
        for &b in sample {
            counts[b as usize] += 1;
        }
    }
    let total = (samples.len() * SAMPLE) as f64;
    let entropy: f64 = counts
        .iter()
        .filter(|c| **c > 0)
        .map(|&c| {
            let p = c as f64 / total;
            -p * p.log2()
        })
        .sum();
    if entropy < 8.0 * 0.98 {
        return Ok(false);
    }
    let mut d = flate2::write::DeflateEncoder::new(
        Vec::with_capacity(SAMPLE + 64),
        flate2::Compression::fast(),
    );
    d.write_all(samples[1])?;
    Ok(d.finish()?.len() >= SAMPLE * 98 / 100)
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

    fn random(len: usize) -> Vec<u8> {
        let mut x: u32 = 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect()
    }

    fn gunzip(gz: &[u8]) -> Vec<u8> {
        let (kind, mut r) = decompress(gz).unwrap();
        assert_eq!(kind, Compression::Gzip);
        let mut back = Vec::new();
        r.read_to_end(&mut back).unwrap();
        back
    }

    #[test]
    fn incompressible_blocks_are_stored_and_others_deflated() {
        let random = self::random(GZIP_BLOCK);
        let text: Vec<u8> = (0..GZIP_BLOCK).map(|i| b"layer text "[i % 11]).collect();
        assert!(incompressible(&random).unwrap());
        assert!(!incompressible(&text).unwrap());
        // Bytes a byte count calls random but deflate shortens: a random
        // 4 KiB piece over and over.
        let repeated: Vec<u8> = (0..GZIP_BLOCK).map(|i| random[i % 4096]).collect();
        assert!(!incompressible(&repeated).unwrap());
        // Base64 of random bytes: 6 bits a byte, which deflate's Huffman codes reach.
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&random[..GZIP_BLOCK * 3 / 4]);
        assert!(!incompressible(b64.as_bytes()).unwrap());
        let mut member = Vec::new();
        assert!(matches!(
            gzip_member(&random, None, &mut member).unwrap(),
            Member::Stored(_)
        ));
        assert!(matches!(
            gzip_member(&text, None, &mut member).unwrap(),
            Member::Deflated
        ));
        assert!(member.len() < text.len() / 50);
        // Stored members: a valid gzip stream, a little larger than the data.
        for len in [GZIP_BLOCK, 65535 * 3, 2 * GZIP_BLOCK + 65536] {
            let data = super::tests::random(len);
            let mut out = Vec::new();
            let n = gzip_parallel(&mut &data[..], &mut out, None).unwrap();
            assert_eq!(n as usize, out.len());
            assert!(out.len() > len && out.len() < len + 1024, "{len}");
            assert!(gunzip(&out) == data, "{len}");
        }
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
            assert!(gunzip(&out) == data, "{len}");
        }
    }
}
