//! The kernel's overlayfs, mounted from inside the user namespace with
//! `userxattr` (Linux >= 5.11), so it reads `user.overlay.*` markers.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::{RootfsLayout, StorageDriver};

pub struct KernelOverlay;

/// mount(2) copies one page of options; a little is kept for the kernel's own.
const MAX_OPTIONS: usize = 4000;

/// What overlayfs reads specially in a directory's path: `,` ends the option,
/// `\\` escapes the next character; in `lowerdir`, `:` separates the layers.
const SPECIAL: &[char] = &[',', '\\'];
const LOWER_SPECIAL: &[char] = &[',', '\\', ':'];

/// `path` as an overlay mount option's value, if nothing in it is read specially.
fn in_option(path: &Path, special: &[char]) -> Result<String> {
    let name = path.to_string_lossy().into_owned();
    if name.contains(special) {
        let chars: Vec<String> = special.iter().map(|c| format!("'{c}'")).collect();
        bail!(
            "the kernel overlay cannot take the path {name}: overlayfs reads {} in it",
            chars.join(" or ")
        );
    }
    Ok(name)
}

/// The mount's options for `layout`, its store layers named relative to
/// `parent`: the container's layer of mountpoints on top where the options
/// can name it (else its start makes the targets in the upper layer).
fn options(layout: &RootfsLayout, parent: &Path) -> Result<String> {
    let mut lowers = Vec::new();
    for l in layout.lowers.iter().rev() {
        let rel = l.strip_prefix(parent).context("layers outside the store")?;
        lowers.push(in_option(rel, LOWER_SPECIAL)?);
    }
    let upper = in_option(&layout.upper, SPECIAL)?;
    let work = in_option(&layout.work, SPECIAL)?;
    let options = |lowers: &[String]| {
        format!(
            "lowerdir={},upperdir={upper},workdir={work},userxattr",
            lowers.join(":")
        )
    };
    let mountpoints = layout.mountpoints.as_deref();
    if let Some(m) = mountpoints.and_then(|m| in_option(m, LOWER_SPECIAL).ok()) {
        let with: Vec<String> = std::iter::once(m).chain(lowers.iter().cloned()).collect();
        if options(&with).len() < MAX_OPTIONS {
            lowers = with;
        }
    }
    let options = options(&lowers);
    if options.len() >= MAX_OPTIONS {
        bail!(
            "the image has too many layers for one overlay mount ({} bytes of options)",
            options.len()
        );
    }
    Ok(options)
}

impl StorageDriver for KernelOverlay {
    fn name(&self) -> &'static str {
        "overlay"
    }

    fn mount(&self, layout: &RootfsLayout) -> Result<()> {
        // Lower directories are named relative to their common parent (the store's
        // layers/), which keeps the option string short: mount(2) takes one page.
        let parent = layout
            .lowers
            .first()
            .and_then(|l| l.parent())
            .and_then(|p| p.parent())
            .context("no layers")?;
        let options = options(layout, parent)?;
        // Made on the first mount by this driver (the FUSE overlay needs none).
        std::fs::create_dir_all(&layout.work)
            .with_context(|| format!("creating {}", layout.work.display()))?;
        std::env::set_current_dir(parent).with_context(|| format!("chdir {}", parent.display()))?;
        let target = CString::new(layout.target.as_os_str().as_bytes())?;
        let opts = CString::new(options)?;
        // SAFETY: all pointers are NUL-terminated strings that outlive the call.
        let r = unsafe {
            libc::mount(
                c"overlay".as_ptr(),
                target.as_ptr(),
                c"overlay".as_ptr(),
                0,
                opts.as_ptr().cast(),
            )
        };
        if r != 0 {
            let e = std::io::Error::last_os_error();
            bail!("mounting the overlay rootfs: {e} (the kernel overlay needs Linux >= 5.11 for rootless use)");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(layers: usize, mountpoints: &str) -> RootfsLayout {
        RootfsLayout {
            lowers: (0..layers)
                .map(|i| format!("/s/layers/{i:064}/diff").into())
                .collect(),
            upper: "/s/containers/c/upper".into(),
            work: "/s/containers/c/work".into(),
            target: "/s/containers/c/rootfs".into(),
            mountpoints: Some(mountpoints.into()),
        }
    }

    #[test]
    fn the_mountpoints_layer_goes_on_top_where_the_options_can_name_it() {
        let parent = Path::new("/s/layers");
        let two = options(&layout(2, "/run/c/mountpoints"), parent).unwrap();
        assert!(
            two.starts_with(&format!("lowerdir=/run/c/mountpoints:{:064}/diff:", 1)),
            "{two}"
        );
        // Named specially by overlayfs: left out, not misread.
        for odd in [
            "/run/a:b/mountpoints",
            "/run/a,b/mountpoints",
            "/run/a\\b/m",
        ] {
            let o = options(&layout(1, odd), parent).unwrap();
            assert!(o.starts_with(&format!("lowerdir={:064}/diff,", 0)), "{o}");
        }
        // As many layers as fit without it: it is left out, the start goes on.
        let n = (MAX_OPTIONS - 100) / 71;
        let full = options(&layout(n, &format!("/{}", "m".repeat(200))), parent).unwrap();
        assert!(!full.contains("/mmm"), "{}", full.len());
        let mut bad = layout(1, "/m");
        bad.upper = "/s/a,b/upper".into();
        let e = options(&bad, parent).unwrap_err().to_string();
        assert!(e.contains("overlayfs reads"), "{e}");
    }
}
