//! Layer compression, told from the stream's first bytes (as docker does):
//! gzip, zstd, or none. Media types lie often enough that the magic wins.

use std::io::{self, Cursor, Read};

/// A layer's compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    fn sniff(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

/// Wrap `reader` in the decompressor its first bytes call for.
pub fn decompress<'a, R: Read + 'a>(
    mut reader: R,
) -> io::Result<(Compression, Box<dyn Read + 'a>)> {
    let mut head = [0u8; 4];
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
    fn detects_all_three() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"hello layer").unwrap();
        roundtrip(Compression::Gzip, gz.finish().unwrap());
        roundtrip(
            Compression::Zstd,
            zstd::encode_all(&b"hello layer"[..], 3).unwrap(),
        );
        roundtrip(Compression::None, b"hello layer".to_vec());
    }
}
