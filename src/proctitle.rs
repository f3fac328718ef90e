//! What `ps` shows for husk's long-lived helpers (the pause process, a
//! container's monitor, `--init`'s PID 1): a short, honest title instead of
//! the command line of whatever husk command forked them, which may carry
//! option values such as `-e DB_PASSWORD=…`.
//!
//! /proc/PID/cmdline is the memory between the process's `arg_start` and
//! `arg_end` (fields 48 and 49 of /proc/self/stat): the title is written
//! there, the rest zeroed (setproctitle's method); `comm` is set with
//! PR_SET_NAME.

use std::fs;

/// This process's argument (or, with `env`, environment) area: [start, end).
fn area(env: bool) -> Option<(usize, usize)> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which may hold spaces and parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // `rest` starts at field 3 (state): field N is fields[N - 3].
    let (s, e) = if env { (50, 51) } else { (48, 49) };
    let start: usize = fields.get(s - 3)?.parse().ok()?;
    let end: usize = fields.get(e - 3)?.parse().ok()?;
    (start != 0 && end > start).then_some((start, end))
}

/// Show `title` as this process's command line (cut to the space the
/// original one had) and its first 15 bytes as its name.
pub fn set(title: &str) {
    if let Ok(name) = std::ffi::CString::new(title.chars().take(15).collect::<String>()) {
        // SAFETY: PR_SET_NAME reads a NUL-terminated string of at most 16 bytes.
        unsafe { libc::prctl(libc::PR_SET_NAME, name.as_ptr()) };
    }
    if let Some((start, end)) = area(false) {
        let len = end - start;
        let bytes = title.as_bytes();
        let n = bytes.len().min(len - 1);
        // SAFETY: [start, end) is this process's own argument area (the kernel
        // says so in /proc/self/stat), mapped writable on the initial stack;
        // nothing in husk reads argv after start-up.
        unsafe {
            let area = std::slice::from_raw_parts_mut(start as *mut u8, len);
            area[..n].copy_from_slice(&bytes[..n]);
            area[n..].fill(0);
        }
    }
}

/// Zero this process's environment area, so that what husk was started with
/// (the user's shell environment) cannot be read in /proc/PID/environ. Only
/// for processes that read no environment variable afterwards.
pub fn clear_environment_area() {
    if let Some((start, end)) = area(true) {
        // SAFETY: as in `set`, the process's own environment strings; the
        // caller reads no environment variable after this.
        unsafe { std::slice::from_raw_parts_mut(start as *mut u8, end - start).fill(0) };
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_areas_are_found() {
        let (s, e) = super::area(false).unwrap();
        assert!(e > s);
        let (s2, e2) = super::area(true).unwrap();
        assert!(s2 >= e && e2 > s2);
    }
}
