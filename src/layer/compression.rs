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
}
