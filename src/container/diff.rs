//! `husk diff`: what a container changed, read from its writable layer: added
//! (`A`), changed (`C`, it was in the image) and deleted (`D`, a whiteout) paths.

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::overlay;

/// One change.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub path: String,
    pub kind: char,
}

/// The changes in `upper` over the image layers `lowers` (lowest first), by path.
pub fn changes(upper: &Path, lowers: &[PathBuf]) -> Result<Vec<Change>> {
    let mut out = Vec::new();
    walk(upper, "", lowers, &mut out)?;
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, rel: &str, lowers: &[PathBuf], out: &mut Vec<Change>) -> Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = format!("{rel}/{name}");
        let ft = entry.file_type()?;
        let whiteout =
            ft.is_char_device() && std::os::unix::fs::MetadataExt::rdev(&entry.metadata()?) == 0;
        let kind = match (whiteout, overlay::in_lowers(lowers, &path)) {
            (true, _) => 'D',
            (false, true) => 'C',
            (false, false) => 'A',
        };
        if kind == 'D' && !overlay::in_lowers(lowers, &path) {
            continue; // a whiteout over nothing (an entry made and deleted in the container)
        }
        out.push(Change {
            path: path.clone(),
            kind,
        });
        if ft.is_dir() {
            walk(&entry.path(), &path, lowers, out)?;
        }
    }
    Ok(())
}
