//! Errors that carry the exit code docker and podman users expect.
//!
//! Everything husk itself gets wrong ends in exit code 125 (`EXIT_TOOL`). A
//! failure that belongs to the container (126, 127, its own code) is carried
//! by [`ExitCode`], which `main` turns into the process exit status without
//! printing anything more.

/// husk's own error: a bad flag, an image that cannot be found, a registry error.
pub const EXIT_TOOL: i32 = 125;

/// An exit status to leave with, after whatever message was already printed.
#[derive(Debug, thiserror::Error)]
#[error("exit status {0}")]
pub struct ExitCode(pub i32);

/// A failure with its own exit code and message: 126 (the command cannot be
/// run) and 127 (it was not found) come from the container's side.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    pub code: i32,
    pub message: String,
}

impl Failure {
    pub fn new(code: i32, message: String) -> Failure {
        Failure { code, message }
    }
}

/// Map an error chain to the exit code of the process.
pub fn exit_code_of(err: &anyhow::Error) -> i32 {
    if let Some(ExitCode(code)) = err.downcast_ref::<ExitCode>() {
        return *code;
    }
    match err.downcast_ref::<Failure>() {
        Some(f) => f.code,
        None => EXIT_TOOL,
    }
}

/// The one line printed for an error: every context joined by ": ".
/// The errno of the system call inside an error (a netlink answer, a
/// mount), if an `io::Error` with one is in its chain.
pub fn errno_of(e: &anyhow::Error) -> Option<i32> {
    e.chain()
        .find_map(|c| c.downcast_ref::<std::io::Error>())
        .and_then(|e| e.raw_os_error())
}

pub fn one_line(err: &anyhow::Error) -> String {
    bounded(&format!("{err:#}").replace('\n', " "))
}

/// The longest error line husk prints: names from untrusted input (a tar
/// entry's path, a registry's reply) are cut to fit.
pub const MAX_ERROR_LINE: usize = 4096;

/// `text` cut to [`MAX_ERROR_LINE`] bytes (on a character boundary), saying how much was cut.
pub fn bounded(text: &str) -> String {
    if text.len() <= MAX_ERROR_LINE {
        return text.to_string();
    }
    let mut end = MAX_ERROR_LINE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} more bytes)", &text[..end], text.len() - end)
}

#[cfg(test)]
mod bounded_tests {
    use super::*;

    #[test]
    fn long_error_lines_are_cut() {
        let long = format!("bad name {}", "é".repeat(10_000));
        let line = one_line(&anyhow::anyhow!(long.clone()));
        assert!(line.len() < MAX_ERROR_LINE + 40, "{}", line.len());
        assert!(line.ends_with(" more bytes)"));
        assert_eq!(one_line(&anyhow::anyhow!("short")), "short");
    }
}
