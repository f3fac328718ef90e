//! Handler of `husk cp`: parse, copy (`container::copy`).

use std::path::PathBuf;

use anyhow::Result;

use super::{store_root, CpArgs};
use crate::config::Config;
use crate::container::copy::{self, Location};
use crate::store::Store;

pub fn cp(root: Option<PathBuf>, driver: Option<String>, a: CpArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    let store = Store::open_existing(&store_root(root)?);
    let (src, dst) = (Location::parse(&a.src), Location::parse(&a.dst));
    let opts = copy::CopyOptions {
        archive: a.archive,
        follow_link: a.follow_link,
        pause: a.pause,
        overwrite: a.overwrite,
    };
    match copy::copy(&store, &driver, &src, &dst, opts) {
        Ok(()) => Ok(0),
        // The archive's reader on stdout went away (`husk cp C:/d - | tar t |
        // head`): an end as quiet as SIGPIPE's, which ends docker's and podman's.
        Err(e) if matches!(dst, Location::Stdio) && copy::broken_pipe(&e) => {
            Ok(128 + libc::SIGPIPE)
        }
        Err(e) => Err(e),
    }
}
