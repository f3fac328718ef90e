//! Layers: decompressing a layer blob and unpacking its tar into the store.

pub mod compression;
pub mod guard;
pub mod pack;
pub mod split;
pub mod unpack;

pub use crate::fsat::get_xattr;
pub use unpack::{parse_override, unpack, UnpackStats, OPAQUE_XATTR, OVERRIDE_XATTR};

use std::io::Read;

use anyhow::{Context, Result};

use crate::digest::{Digest, HashingReader};

/// Decompress and unpack into `dest` (a layer's `diff/`), recording the
/// tar-split beside it; returns the diff_id and size of the tar stream, and
/// whether owners went to the override xattr.
pub fn unpack_blob<R: Read>(blob: &mut R, dest: &std::path::Path) -> Result<(Digest, u64, bool)> {
    let (_, decoder) = compression::decompress(blob).context("reading the layer")?;
    let split_path = dest.with_file_name(split::FILE_NAME);
    // Without a record the layer still unpacks; a push repacks it then.
    let recorder = split::Recorder::create(&split_path).ok();
    let mut tar = HashingReader::new(match &recorder {
        Some(r) => Box::new(r.reader(decoder)) as Box<dyn Read>,
        None => decoder,
    });
    let stats = unpack::unpack_recording(&mut tar, dest, recorder.as_ref())?;
    tar.drain().context("reading the layer")?;
    let (digest, size) = tar.finish();
    if let Some(r) = recorder {
        r.finish(&split_path);
    }
    Ok((digest, size, stats.owners_recorded > 0))
}
