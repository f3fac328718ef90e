//! The kernel's overlayfs, mounted from inside the user namespace with
//! `userxattr` (Linux >= 5.11), so it reads `user.overlay.*` markers.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

use anyhow::{bail, Context, Result};

use super::{RootfsLayout, StorageDriver};

pub struct KernelOverlay;

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
        let mut lowers = Vec::new();
        for l in layout.lowers.iter().rev() {
            // The container's own layer of mount targets is in its runtime directory.
            let name = l.strip_prefix(parent).unwrap_or(l);
            let name = name.to_string_lossy().into_owned();
            if name.contains([':', ',']) {
                bail!("the overlay cannot take the layer path {name} (a ':' or ',' in it)");
            }
            lowers.push(name);
        }
        // Made on the first mount by this driver (the FUSE overlay needs none).
        std::fs::create_dir_all(&layout.work)
            .with_context(|| format!("creating {}", layout.work.display()))?;
        let options = format!(
            "lowerdir={},upperdir={},workdir={},userxattr",
            lowers.join(":"),
            layout.upper.display(),
            layout.work.display()
        );
        if options.len() >= 4000 {
            bail!(
                "the image has too many layers for one overlay mount ({} bytes of options)",
                options.len()
            );
        }
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
