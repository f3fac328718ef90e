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
    copy::copy(&store, &driver, &src, &dst, opts)?;
    Ok(0)
}
