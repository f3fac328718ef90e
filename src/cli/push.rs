//! `husk push`: options parsed into `image::push::PushOptions`, the push, its digest printed.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::{images::parse_creds, store_root, PushArgs};
use crate::config::Config;
use crate::image::pull as pull_image;
use crate::image::push::{self as push_image, PushOptions};
use crate::progress::Progress;
use crate::store::Store;

pub fn push(root: Option<PathBuf>, a: PushArgs) -> Result<i32> {
    // Every option checked before the first request.
    let opts = PushOptions {
        registry: pull_image::PullOptions {
            platform: None,
            tls_verify: a.registry.tls_verify,
            credentials: a.creds.as_deref().map(parse_creds).transpose()?,
            authfile: a.registry.authfile,
            progress: Progress::for_stderr(a.quiet),
            jobs: pull_image::DEFAULT_JOBS,
        },
        compression: a
            .compression_format
            .as_deref()
            .map(str::parse)
            .transpose()?,
        format: a.format.as_deref().map(str::parse).transpose()?,
    };
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    let pushed = push_image::push(&store, &config, &a.image, a.destination.as_deref(), &opts)?;
    if let Some(f) = &a.digestfile {
        std::fs::write(f, pushed.digest.to_string())
            .with_context(|| format!("writing {}", f.display()))?;
    }
    Ok(0)
}
