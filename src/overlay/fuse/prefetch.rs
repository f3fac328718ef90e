//! Warming a new FUSE root with what the container's process will look up and
//! read first: the targets of its mounts, its program and the program's ELF
//! interpreter.
//!
//! A FUSE mount starts with empty dentry and page caches, so each mount target
//! the container process resolves waits for a LOOKUP round trip, paced by its
//! mount calls, and each page fault of its exec for a READ (`busybox true`: 20
//! of them, 3 ms on two cores, three quarters of its run). The monitor starts
//! this in a thread as soon as the root is served: the lookups go first, back to
//! back (before the READs that would queue ahead of the container's own
//! lookups), then the files are read ahead in the background while the
//! container process sets up its mounts; its faults then find the pages there.
//! Best effort: anything that does not resolve is skipped, and a file is read at
//! most [`MAX_BYTES`] far.

use std::ffi::OsStr;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use crate::fsat;

/// How much of one file is read ahead (an exec rarely touches more at first;
/// the kernel's own readahead on fault covers the rest).
const MAX_BYTES: u64 = 8 << 20;

/// The size of one readahead(2) call: FUSE's readahead window.
const STEP: u64 = 128 << 10;

/// What to warm: the mount targets, then the program.
pub struct Plan {
    /// Mount destinations not under another one (those under it resolve in its mount).
    pub targets: Vec<PathBuf>,
    pub exec: Option<Exec>,
}

impl Plan {
    /// From the OCI spec: its mounts and process.
    pub fn of(spec: &oci_spec::runtime::Spec) -> Plan {
        let dests: Vec<&Path> = spec
            .mounts()
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|m| m.destination().as_path())
            .collect();
        let targets = dests
            .iter()
            .filter(|d| !dests.iter().any(|o| o != *d && d.starts_with(o)))
            .map(|d| d.to_path_buf())
            .collect();
        Plan {
            targets,
            exec: Exec::of(spec),
        }
    }
}

/// What the container will exec: its program (args[0]), with its PATH.
pub struct Exec {
    pub program: String,
    pub path: String,
}

impl Exec {
    /// From the OCI spec's process.
    pub fn of(spec: &oci_spec::runtime::Spec) -> Option<Exec> {
        let process = spec.process().as_ref()?;
        let program = process.args().as_ref()?.first()?.clone();
        let path = process
            .env()
            .as_ref()
            .and_then(|env| env.iter().find_map(|e| e.strip_prefix("PATH=")))
            .unwrap_or("/usr/local/bin:/usr/bin:/bin")
            .to_string();
        Some(Exec { program, path })
    }
}

/// Start warming, in a thread of its own, what `plan` names in the root
/// mounted at `root`.
pub fn start(root: &Path, plan: Plan) {
    let root = root.to_path_buf();
    let _ = std::thread::Builder::new()
        .name("husk-prefetch".into())
        .spawn(move || prefetch(&root, &plan));
}

fn prefetch(root: &Path, plan: &Plan) {
    use std::os::unix::fs::OpenOptionsExt;
    let Ok(root) = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_PATH | libc::O_DIRECTORY)
        .open(root)
    else {
        return;
    };
    for target in &plan.targets {
        // An O_PATH open: LOOKUPs of each component, no OPEN.
        let _ = fsat::open_in_root(
            root.as_fd(),
            target.as_os_str(),
            libc::O_PATH | libc::O_NOFOLLOW,
        );
    }
    let Some(exec) = &plan.exec else { return };
    let Some(file) = find_program(root.as_fd(), exec) else {
        return;
    };
    let interpreter = interpreter_of(file.as_fd());
    read_ahead(file.as_fd());
    if let Some(interp) = interpreter {
        if let Ok(f) = fsat::open_in_root(root.as_fd(), interp.as_os_str(), libc::O_RDONLY) {
            read_ahead(f.as_fd());
        }
    }
}

/// The program as execvp finds it (symlinks followed inside the root), opened.
fn find_program(root: BorrowedFd<'_>, exec: &Exec) -> Option<OwnedFd> {
    let candidates: Vec<PathBuf> = match exec.program.contains('/') {
        true => vec![PathBuf::from(&exec.program)],
        false => exec
            .path
            .split(':')
            .filter(|d| d.starts_with('/'))
            .map(|d| Path::new(d).join(&exec.program))
            .collect(),
    };
    candidates.into_iter().find_map(|p| {
        let f = fsat::open_in_root(root, p.as_os_str(), libc::O_RDONLY).ok()?;
        let st = fsat::fstat(f.as_fd()).ok()?;
        (st.st_mode & libc::S_IFMT == libc::S_IFREG).then_some(f)
    })
}

/// The PT_INTERP path of a 64-bit little-endian ELF file, if it has one.
fn interpreter_of(file: BorrowedFd<'_>) -> Option<PathBuf> {
    let mut head = [0u8; 4096];
    let n = pread(file, &mut head, 0)?;
    let head = &head[..n];
    if head.get(..6)? != b"\x7fELF\x02\x01" {
        return None;
    }
    let u16_at = |at: usize| Some(u16::from_le_bytes(head.get(at..at + 2)?.try_into().ok()?));
    let u64_at =
        |h: &[u8], at: usize| Some(u64::from_le_bytes(h.get(at..at + 8)?.try_into().ok()?));
    // Offsets from the file (an image's, so anyone's): checked, never trusted.
    let phoff = usize::try_from(u64_at(head, 0x20)?).ok()?;
    let (phentsize, phnum) = (u16_at(0x36)? as usize, u16_at(0x38)? as usize);
    for i in 0..phnum.min(64) {
        let at = phoff.checked_add(i.checked_mul(phentsize)?)?;
        let ph = head.get(at..at.checked_add(phentsize)?)?;
        if u32::from_le_bytes(ph.get(..4)?.try_into().ok()?) != 3 {
            continue; // not PT_INTERP
        }
        let (offset, size) = (u64_at(ph, 8)?, u64_at(ph, 32)?);
        if size == 0 || size > 4096 {
            return None;
        }
        let mut name = vec![0u8; size as usize];
        let n = pread(file, &mut name, offset)?;
        let name = name[..n].split(|b| *b == 0).next()?;
        return Some(PathBuf::from(OsStr::from_bytes(name)));
    }
    None
}

fn pread(file: BorrowedFd<'_>, buf: &mut [u8], offset: u64) -> Option<usize> {
    // SAFETY: reads into a live buffer of its own length.
    let n = unsafe {
        libc::pread(
            file.as_raw_fd(),
            buf.as_mut_ptr().cast(),
            buf.len(),
            offset as libc::off_t,
        )
    };
    usize::try_from(n).ok()
}

/// Have the kernel read the file into its page cache (on FUSE: READ requests
/// that the workers answer while the container is still being set up).
fn read_ahead(file: BorrowedFd<'_>) {
    let Ok(st) = fsat::fstat(file) else { return };
    let len = (st.st_size.max(0) as u64).min(MAX_BYTES);
    // One call reads at most the mount's readahead window (128 KiB on FUSE), so
    // step through the file; each step is an asynchronous READ, none waited for.
    for offset in (0..len).step_by(STEP as usize) {
        // SAFETY: readahead(2) on an fd we hold; it only fills the page cache.
        unsafe { libc::readahead(file.as_raw_fd(), offset as i64, STEP as usize) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn interp_of(bytes: &[u8]) -> Option<PathBuf> {
        let path = std::env::temp_dir().join(format!(
            "husk-prefetch-{}-{}",
            std::process::id(),
            bytes.len()
        ));
        std::fs::File::create(&path)
            .unwrap()
            .write_all(bytes)
            .unwrap();
        let f = std::fs::File::open(&path).unwrap();
        let got = interpreter_of(f.as_fd());
        std::fs::remove_file(&path).unwrap();
        got
    }

    /// A 64-bit ELF header with one program header at `phoff`.
    fn elf(phoff: u64, phentsize: u16, interp: &[u8]) -> Vec<u8> {
        let mut b = vec![0u8; 0x40];
        b[..6].copy_from_slice(b"\x7fELF\x02\x01");
        b[0x20..0x28].copy_from_slice(&phoff.to_le_bytes());
        b[0x36..0x38].copy_from_slice(&phentsize.to_le_bytes());
        b[0x38..0x3a].copy_from_slice(&1u16.to_le_bytes());
        let mut ph = vec![0u8; 56];
        ph[..4].copy_from_slice(&3u32.to_le_bytes()); // PT_INTERP
        ph[8..16].copy_from_slice(&(0x40u64 + 56).to_le_bytes());
        ph[32..40].copy_from_slice(&(interp.len() as u64).to_le_bytes());
        b.extend_from_slice(&ph);
        b.extend_from_slice(interp);
        b
    }

    #[test]
    fn the_interpreter_of_an_elf_file() {
        assert_eq!(
            interp_of(&elf(0x40, 56, b"/lib64/ld-linux-x86-64.so.2\0")),
            Some(PathBuf::from("/lib64/ld-linux-x86-64.so.2"))
        );
    }

    #[test]
    fn hostile_headers_give_nothing_and_never_panic() {
        for (phoff, phentsize) in [
            (u64::MAX, 56),
            (u64::MAX - 10, 56),
            (0x40, u16::MAX),
            (1 << 40, 56),
        ] {
            assert_eq!(interp_of(&elf(phoff, phentsize, b"/x\0")), None);
        }
        assert_eq!(interp_of(b"#!/bin/sh\n"), None);
        assert_eq!(interp_of(b""), None);
    }
}
