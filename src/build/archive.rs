//! The archives ADD extracts: a local tar, plain or compressed with gzip,
//! zstd, bzip2 or xz, told by its first bytes as docker does. A compressed
//! file that holds no tar is copied as a file.

use std::fs::File;
use std::io::{Cursor, Read};
use std::path::Path;

use anyhow::{Context, Result};

use crate::layer::compression::decompress;

/// The first `buf.len()` bytes of `r` (fewer at its end); errors end it too.
fn read_head(r: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

/// Whether a tar header block starts `head` (ustar, GNU and pax tars all carry the magic).
fn is_tar(head: &[u8]) -> bool {
    head.get(257..262) == Some(b"ustar")
}

/// The file at `path` as a plain tar stream when it is a tar archive,
/// compressed or not; None when ADD copies it as a file.
pub fn open_tar(path: &Path) -> Result<Option<Box<dyn Read>>> {
    let file = File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let (_, mut plain) = decompress(file)?;
    // Peek into the decompressed stream: the tar header, or not.
    let mut head = [0u8; 512];
    let n = read_head(&mut plain, &mut head);
    if !is_tar(&head[..n]) {
        return Ok(None);
    }
    let rest: Box<dyn Read> = Box::new(Cursor::new(head[..n].to_vec()).chain(plain));
    Ok(Some(rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn tar() -> Vec<u8> {
        let mut b = tar::Builder::new(Vec::new());
        let mut h = tar::Header::new_ustar();
        h.set_size(5);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, "f", &b"hello"[..]).unwrap();
        b.into_inner().unwrap()
    }

    fn names(path: &Path) -> Option<Vec<String>> {
        let r = open_tar(path).unwrap()?;
        let mut a = tar::Archive::new(r);
        Some(
            a.entries()
                .unwrap()
                .map(|e| e.unwrap().path().unwrap().display().to_string())
                .collect(),
        )
    }

    #[test]
    fn every_compression_is_opened_and_other_files_are_not_archives() {
        let dir = std::env::temp_dir().join(format!("husk-archive-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let plain = tar();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&plain).unwrap();
        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(&plain).unwrap();
        let mut xz =
            lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
        xz.write_all(&plain).unwrap();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("t.tar", plain.clone()),
            ("t.tgz", gz.finish().unwrap()),
            ("t.tzst", zstd::encode_all(&plain[..], 3).unwrap()),
            ("t.tbz", bz.finish().unwrap()),
            ("t.txz", xz.finish().unwrap()),
        ];
        for (name, bytes) in cases {
            let p = dir.join(name);
            std::fs::write(&p, bytes).unwrap();
            assert_eq!(names(&p), Some(vec!["f".to_string()]), "{name}");
        }
        // A gzip of a text file, and a text file: copied as files.
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"just text").unwrap();
        std::fs::write(dir.join("a.gz"), gz.finish().unwrap()).unwrap();
        std::fs::write(dir.join("a.txt"), "BZh not really").unwrap();
        assert_eq!(names(&dir.join("a.gz")), None);
        assert_eq!(names(&dir.join("a.txt")), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
