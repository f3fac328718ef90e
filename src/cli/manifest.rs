//! `husk manifest`: create, add, remove, inspect, push, rm, exists for
//! multi-platform manifest lists (see `image::manifest_list`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};

use super::{store_root, RegistryArgs};
use crate::config::Config;
use crate::image::manifest_list::{self as lists, EntryOverrides};
use crate::image::pull::PullOptions;
use crate::image::push::PushOptions;
use crate::progress::Progress;
use crate::store::Store;

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum ManifestCommand {
    /// Make a manifest list, of the images given (more with add)
    Create(CreateArgs),
    /// Add an image of the store to a list (its platform from its config, or the flags)
    Add(AddArgs),
    /// Set the platform or annotations of an image in a list, or (--index) the list's own annotations
    Annotate(AnnotateArgs),
    /// Take an image (by id) out of a list
    Remove(RemoveArgs),
    /// Show a list as an OCI index, or a registry's manifest or index
    Inspect(InspectArgs),
    /// Push every image of a list by digest, then the list under the destination's tag
    Push(PushArgs),
    /// Delete lists (their images stay)
    Rm(RmArgs),
    /// Exit 0 if the list exists, 1 if not
    Exists(ExistsArgs),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The list's name
    pub name: String,
    /// Images of the store to put in it
    pub images: Vec<String>,
    /// An existing list of that name is kept (podman's --amend)
    #[arg(short, long)]
    pub amend: bool,
    /// Accepted for podman's scripts (images are added whole)
    #[arg(long)]
    pub all: bool,
    /// An annotation KEY=VALUE of the list itself (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Credentials USER[:PASSWORD] for images pulled to be added
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

// What an entry's platform and annotations are set to (add, annotate).
#[derive(Args, Debug)]
pub struct EntryFlags {
    /// The image's architecture in the list (default: its config's)
    #[arg(long, value_name = "ARCH")]
    pub arch: Option<String>,
    /// The image's OS in the list (default: its config's)
    #[arg(long, value_name = "OS")]
    pub os: Option<String>,
    /// The architecture variant (v7, v8…)
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
    /// The OS version the image needs (platform os.version)
    #[arg(long, value_name = "VERSION")]
    pub os_version: Option<String>,
    /// OS features the image needs (platform os.features; comma-separated)
    #[arg(long, value_name = "FEATURE", value_delimiter = ',')]
    pub os_features: Vec<String>,
    /// Features the image needs (platform features; comma-separated)
    #[arg(long, value_name = "FEATURE", value_delimiter = ',')]
    pub features: Vec<String>,
    /// An annotation KEY=VALUE of the entry (repeatable)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
}

impl EntryFlags {
    fn resolve(&self) -> Result<EntryOverrides> {
        Ok(EntryOverrides {
            os: self.os.clone(),
            architecture: self.arch.clone(),
            variant: self.variant.clone(),
            annotations: annotations(&self.annotation)?,
            os_version: self.os_version.clone(),
            os_features: self.os_features.clone(),
            features: self.features.clone(),
        })
    }
}

/// `--annotation KEY=VALUE`s (manifest lists' and `build`'s).
pub(super) fn annotations(list: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for kv in list {
        let (k, v) = kv
            .split_once('=')
            .filter(|(k, _)| !k.is_empty())
            .with_context(|| format!("--annotation {kv:?}: expected KEY=VALUE"))?;
        out.insert(k.to_string(), v.to_string());
    }
    Ok(out)
}

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    pub name: String,
    /// The image (id, or a name of the store); not with --index
    #[arg(required_unless_present = "index", conflicts_with = "index")]
    pub image: Option<String>,
    /// Annotate the list itself (only --annotation)
    #[arg(long)]
    pub index: bool,
    #[command(flatten)]
    pub entry: EntryFlags,
}

#[derive(Args, Debug)]
pub struct AddArgs {
    pub name: String,
    /// An image of the store, or [docker://]REGISTRY/REPO[:TAG] (pulled first)
    pub image: String,
    #[command(flatten)]
    pub entry: EntryFlags,
    /// Accepted for podman's scripts
    #[arg(long)]
    pub all: bool,
    /// Credentials USER[:PASSWORD] for an image pulled to be added
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct RemoveArgs {
    pub name: String,
    /// The image's id (or digest)
    pub image: String,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// A local list, or a registry's REGISTRY/REPOSITORY[:TAG|@DIGEST]
    pub name: String,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct PushArgs {
    pub name: String,
    /// Where to: [docker://]REGISTRY/REPOSITORY[:TAG]
    pub destination: String,
    /// Accepted for podman's scripts: every image of the list is pushed
    #[arg(long)]
    pub all: bool,
    /// The index kind: oci (default) or v2s2 (a Docker manifest list)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Compress new layer blobs with gzip (default) or zstd
    #[arg(long, value_name = "FORMAT")]
    pub compression_format: Option<String>,
    /// Compression level of new layer blobs: gzip 0-9, zstd 1-20 (podman's)
    #[arg(long, value_name = "N")]
    pub compression_level: Option<u32>,
    /// Compress every layer again, even those a pulled image's blobs hold already (podman's)
    #[arg(long)]
    pub force_compression: bool,
    /// Also push each image with layers of another compression (refused: one compression per list)
    #[arg(long, value_name = "FORMAT")]
    pub add_compression: Vec<String>,
    /// Accepted for podman's scripts: husk does not remove signatures, it writes none
    #[arg(long)]
    pub remove_signatures: bool,
    /// Write the list's digest to this file
    #[arg(long, value_name = "FILE")]
    pub digestfile: Option<PathBuf>,
    /// Delete the local list once pushed
    #[arg(long, visible_alias = "purge", short = 'p')]
    pub rm: bool,
    /// Credentials USER[:PASSWORD]
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    #[command(flatten)]
    pub registry: RegistryArgs,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    #[arg(required = true)]
    pub names: Vec<String>,
    /// A list that does not exist is no error (podman's)
    #[arg(short, long)]
    pub ignore: bool,
}

#[derive(Args, Debug)]
pub struct ExistsArgs {
    pub name: String,
}

pub fn run(root: Option<PathBuf>, c: ManifestCommand) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    match c {
        ManifestCommand::Create(a) => {
            let index_annotations = annotations(&a.annotation)?;
            let pull = pull_options(&a.registry, a.creds.as_deref(), true)?;
            if a.amend && lists::find(&store, &a.name)?.is_some() {
                for i in &a.images {
                    lists::add(
                        &store,
                        &config,
                        &a.name,
                        i,
                        &EntryOverrides::default(),
                        &pull,
                    )?;
                }
                lists::annotate_index(&store, &a.name, &index_annotations)?;
                println!("{}", crate::image::write::local_name(&a.name)?);
                return Ok(0);
            }
            let list = lists::create(
                &store,
                &config,
                &a.name,
                &a.images,
                &index_annotations,
                &pull,
            )?;
            println!("{}", list.name);
        }
        ManifestCommand::Add(a) => {
            let overrides = a.entry.resolve()?;
            let pull = pull_options(&a.registry, a.creds.as_deref(), true)?;
            let id = lists::add(&store, &config, &a.name, &a.image, &overrides, &pull)?;
            println!("{}", id.hex());
        }
        ManifestCommand::Annotate(a) => {
            let overrides = a.entry.resolve()?;
            match &a.image {
                Some(image) => lists::annotate(&store, &config, &a.name, image, &overrides)?,
                None => {
                    let e = &a.entry;
                    if e.arch.is_some()
                        || e.os.is_some()
                        || e.variant.is_some()
                        || e.os_version.is_some()
                        || !e.os_features.is_empty()
                        || !e.features.is_empty()
                    {
                        bail!("--index annotates the list itself: only --annotation applies");
                    }
                    lists::annotate_index(&store, &a.name, &overrides.annotations)?
                }
            }
        }
        ManifestCommand::Remove(a) => lists::remove(&store, &a.name, &a.image)?,
        ManifestCommand::Inspect(a) => {
            let value = match lists::find(&store, &a.name)? {
                Some(list) => lists::local_index(&store, &list)?,
                None => lists::remote(&config, &a.name, &pull_options(&a.registry, None, true)?)?,
            };
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        ManifestCommand::Push(a) => {
            if let Some(c) = a.add_compression.first() {
                bail!("--add-compression {c}: husk pushes each image of a list with one compression (--compression-format)");
            }
            let opts = PushOptions::parse(
                pull_options(&a.registry, a.creds.as_deref(), a.quiet)?,
                a.compression_format.as_deref(),
                a.format.as_deref(),
            )?
            .with_level(a.compression_level)?;
            let opts = PushOptions {
                keep_pulled: !a.force_compression,
                ..opts
            };
            let digest = lists::push(&store, &config, &a.name, &a.destination, &opts)?;
            if let Some(f) = &a.digestfile {
                std::fs::write(f, digest.to_string())
                    .with_context(|| format!("writing {}", f.display()))?;
            }
            if a.rm {
                lists::delete(&store, &a.name)?;
            }
            if !a.quiet {
                println!("{digest}");
            }
        }
        ManifestCommand::Rm(a) => {
            let mut failed = false;
            for n in &a.names {
                if a.ignore && lists::find(&store, n)?.is_none() {
                    continue;
                }
                match lists::delete(&store, n) {
                    Ok(name) => println!("{name}"),
                    Err(e) => {
                        eprintln!("Error: {e:#}");
                        failed = true;
                    }
                }
            }
            if failed {
                bail!("some lists were not removed");
            }
        }
        ManifestCommand::Exists(a) => {
            return Ok(match lists::find(&store, &a.name)? {
                Some(_) => 0,
                None => 1,
            })
        }
    }
    Ok(0)
}

fn pull_options(r: &RegistryArgs, creds: Option<&str>, quiet: bool) -> Result<PullOptions> {
    r.pull_options(None, creds, Progress::for_stderr(quiet))
}
