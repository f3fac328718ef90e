//! Presenting results: aligned tables, Go-style `--format` templates, human sizes and times.

pub mod human;
pub mod table;
pub mod template;

/// Standard output for a command that prints a listing: buffered, so that a
/// table of a hundred lines is one write, not a hundred (flushed when dropped).
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
}

/// Write the file `path` a command makes for the user (`save -o`, `export -o`)
/// by `fill`: under a temporary name beside it, synced, renamed into place
/// when complete; an error removes the temporary file, so a reader finds the
/// whole file or the one that was there before.
pub fn write_file(
    path: &std::path::Path,
    fill: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context;
    use std::io::Write;
    let tmp = std::path::PathBuf::from(format!("{}.husk-{}", path.display(), std::process::id()));
    let file =
        std::fs::File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let written = fill(&mut out).and_then(|()| {
        out.flush()?;
        out.get_ref().sync_all()?;
        Ok(())
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}
