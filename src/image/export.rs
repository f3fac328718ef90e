//! An image's files as its merged layers show them (`husk build -o`), or a
//! container's (`husk export`): a plain tar, or a directory.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::build::copy::{self, CopyAttrs, Found, Root};
use crate::digest::Digest;
use crate::layer::pack::Packer;
use crate::overlay::merged::MergedView;
use crate::store::Store;

/// Write the merged files of `layers` as a tar to `out`.
pub fn write_tar<W: Write>(store: &Store, layers: &[Digest], out: W) -> Result<()> {
    let dirs = crate::container::layer_dirs(store, layers, "the image")?;
    write_dirs_tar(dirs, out)
}

/// Write the merged files of the layer-form directories `dirs` (lowest
/// first: image layers, then a container's writable layer) as a tar to `out`.
pub fn write_dirs_tar<W: Write>(dirs: Vec<std::path::PathBuf>, out: W) -> Result<()> {
    let mut packer = Packer::new(out, None);
    pack_merged(&mut packer, dirs)?;
    packer
        .finish()?
        .flush()
        .context("writing the image's files")?;
    Ok(())
}

/// The merged files of the layer-form directories `dirs` (lowest first)
/// into `packer` (`husk build --squash-all`: one layer of them).
pub fn pack_merged<W: Write>(packer: &mut Packer<W>, dirs: Vec<std::path::PathBuf>) -> Result<()> {
    let view = MergedView::open(&dirs)?;
    let Some(top) = dirs.last().cloned() else {
        return Ok(());
    };
    let root = Root::Layers { dirs, view };
    let found = Found::Layer {
        path: top,
        rel: String::new(),
    };
    copy::write_source(
        packer,
        &root,
        &found,
        "",
        &CopyAttrs {
            owner: None,
            chmod: None,
        },
        &crate::build::ignore::Ignore::default(),
    )
}

/// Write the merged files of `layers` into the directory `dest`.
pub fn write_dir(store: &Store, layers: &[Digest], dest: &Path) -> Result<()> {
    let temp = store.temp("export")?;
    let file = std::fs::File::create(temp.path()).context("creating a temporary tar")?;
    write_tar(store, layers, std::io::BufWriter::new(file))?;
    let file = std::fs::File::open(temp.path()).context("reading the temporary tar")?;
    crate::layer::unpack(std::io::BufReader::new(file), dest)
        .with_context(|| format!("writing into {}", dest.display()))?;
    Ok(())
}
