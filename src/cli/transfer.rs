//! `husk push`, `save` and `load`: images out of the store and in again.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::{store_root, ExportArgs, ImportArgs, LoadArgs, PushArgs, SaveArgs};
use crate::config::Config;
use crate::image::load::load as load_images;
use crate::image::push::{self as push_image, PushOptions};
use crate::image::save::{save as save_images, SaveFormat, Target};
use crate::progress::Progress;
use crate::store::Store;

pub fn push(root: Option<PathBuf>, a: PushArgs) -> Result<i32> {
    // Every option checked before the first request.
    let opts = PushOptions::parse(
        a.registry
            .pull_options(None, a.creds.as_deref(), Progress::for_stderr(a.quiet))?,
        a.compression_format.as_deref(),
        a.format.as_deref(),
    )?
    .with_level(a.compression_level)?;
    let opts = PushOptions {
        keep_pulled: !a.force_compression,
        ..opts
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

pub fn save(root: Option<PathBuf>, a: SaveArgs) -> Result<i32> {
    let format: SaveFormat = a.format.parse()?;
    let mut stdout = std::io::stdout().lock();
    let target = match (&a.output, format.is_dir()) {
        (Some(p), true) => Target::Dir(p.clone()),
        (Some(p), false) => Target::File(p.clone()),
        (None, true) => bail!("--format {}: give the directory with -o DIR", a.format),
        (None, false) if std::io::stdout().is_terminal() => {
            bail!("refusing to write an archive to a terminal: use -o FILE or redirect the output")
        }
        (None, false) => Target::Stream(&mut stdout),
    };
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    save_images(&store, &config, &a.images, format, target, a.compress)?;
    Ok(0)
}

pub fn load(root: Option<PathBuf>, a: LoadArgs) -> Result<i32> {
    let store = Store::open(&store_root(root)?)?;
    let loaded = match &a.input {
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?;
            load_images(&store, std::io::BufReader::new(f))
        }
        None if std::io::stdin().is_terminal() => {
            bail!("no archive: give one with -i FILE or on standard input")
        }
        None => load_images(&store, std::io::stdin().lock()),
    }?;
    for l in &loaded {
        if l.names.is_empty() {
            println!("Loaded image: {}", l.id);
        }
        for n in &l.names {
            println!("Loaded image: {n}");
        }
    }
    Ok(0)
}

pub fn export(root: Option<PathBuf>, a: ExportArgs) -> Result<i32> {
    if a.output.is_none() && std::io::stdout().is_terminal() {
        bail!("refusing to write a tar to a terminal: use -o FILE or redirect the output");
    }
    let store = Store::open(&store_root(root)?)?;
    let id = crate::container::find(&store, &a.container)?;
    match &a.output {
        Some(path) => {
            crate::output::write_file(path, |w| crate::container::export::export(&store, &id, w))?
        }
        None => crate::container::export::export(
            &store,
            &id,
            std::io::BufWriter::new(std::io::stdout().lock()),
        )?,
    }
    Ok(0)
}

pub fn import(root: Option<PathBuf>, a: ImportArgs) -> Result<i32> {
    let name = a
        .image
        .as_deref()
        .map(crate::image::write::local_name)
        .transpose()?;
    let changes = crate::container::commit::parse_changes(&a.change)?;
    let platform = a.platform.platform().map(|p| p.parse()).transpose()?;
    let reader: Box<dyn std::io::Read> = match a.source.as_str() {
        "-" if std::io::stdin().is_terminal() => {
            bail!("husk import -: no tar on standard input")
        }
        "-" => Box::new(std::io::stdin().lock()),
        s if s.starts_with("http://") || s.starts_with("https://") => crate::build::fetch_url(s)?,
        path => Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| format!("opening {path}"))?,
        )),
    };
    let store = Store::open(&store_root(root)?)?;
    let opts = crate::image::import::ImportOptions {
        changes,
        message: a.message,
        name,
        source: if a.source == "-" {
            "stdin".into()
        } else {
            a.source.clone()
        },
        platform,
    };
    let record = crate::image::import::import(&store, reader, &opts)?;
    println!("sha256:{}", record.id.hex());
    Ok(0)
}
