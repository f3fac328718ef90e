//! Presenting results: aligned tables, Go-style `--format` templates, human sizes and times.

pub mod human;
pub mod table;
pub mod template;

/// Standard output for a command that prints a listing: buffered, so that a
/// table of a hundred lines is one write, not a hundred (flushed when dropped).
pub fn stdout() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
}
