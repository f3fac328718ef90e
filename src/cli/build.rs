//! Handlers of `husk build` and `husk commit`: flags into typed options, one
//! library call, the image id printed.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Args;

use super::{store_root, RegistryArgs};
use crate::build::{self as builder, context};
use crate::config::Config;
use crate::container::options::PullPolicy;
use crate::progress::Progress;
use crate::store::Store;

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Name the image (repeatable); a name without a registry is under localhost/
    #[arg(short, long = "tag", value_name = "NAME")]
    pub tag: Vec<String>,
    /// The Dockerfile (default: Containerfile, else Dockerfile, in the context; - for stdin)
    #[arg(short, long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Set a build argument (KEY=VALUE; KEY alone takes it from the environment)
    #[arg(long, value_name = "KEY=VALUE")]
    pub build_arg: Vec<String>,
    /// Read build arguments from a file of KEY=VALUE lines (podman's)
    #[arg(long, value_name = "FILE")]
    pub build_arg_file: Vec<PathBuf>,
    /// Build this stage (by name) and the stages it needs, not the last one
    #[arg(long, value_name = "STAGE")]
    pub target: Option<String>,
    /// Add a label to the image (KEY=VALUE)
    #[arg(long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Write the image id to this file
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Print only the image id
    #[arg(short, long)]
    pub quiet: bool,
    /// Run every step again, whatever the cache holds
    #[arg(long)]
    pub no_cache: bool,
    /// Pull base images: missing (default), always, never (--pull alone: always)
    #[arg(long, value_name = "POLICY", num_args = 0..=1, require_equals = true, default_missing_value = "always")]
    pub pull: Option<String>,
    /// Network of RUN steps: default, none, host, or a network's name
    #[arg(long, value_name = "MODE")]
    pub network: Option<String>,
    /// A secret for RUN --mount=type=secret: id=ID,src=PATH
    #[arg(long, value_name = "id=ID,src=PATH")]
    pub secret: Vec<String>,
    /// A named context for COPY --from and RUN --mount from=: NAME=DIR
    #[arg(long, value_name = "NAME=DIR")]
    pub build_context: Vec<String>,
    /// Also write the image's files: type=tar,dest=FILE | type=local,dest=DIR | DIR
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<String>,
    /// Every time in the image (history, layer files) is this Unix time: reproducible builds
    #[arg(long, value_name = "SECONDS")]
    pub timestamp: Option<u64>,
    /// The platform of base images (only the host's can run RUN steps)
    #[arg(long, value_name = "OS/ARCH")]
    pub platform: Option<String>,
    #[command(flatten)]
    pub registry: RegistryArgs,
    /// Accepted for docker's and podman's scripts: step containers are always removed
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub rm: Option<bool>,
    /// Accepted for docker's and podman's scripts: step containers are always removed
    #[arg(long)]
    pub force_rm: bool,
    /// Accepted for podman's scripts: each step is cached (husk always keeps layers)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub layers: Option<bool>,
    /// Accepted for podman's scripts: images are stored as OCI (oci or docker)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// The build context: a directory, - (a tar or a Dockerfile on stdin), or an HTTP(S) URL of a tar
    #[arg(value_name = "CONTEXT", default_value = ".")]
    pub context: String,
}

#[derive(Args, Debug)]
pub struct CommitArgs {
    /// Apply a Dockerfile instruction to the image config (repeatable): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR, STOPSIGNAL
    #[arg(short, long = "change", value_name = "INSTRUCTION")]
    pub change: Vec<String>,
    /// The commit message (history comment)
    #[arg(short, long, value_name = "TEXT")]
    pub message: Option<String>,
    /// The author
    #[arg(short, long, value_name = "NAME")]
    pub author: Option<String>,
    /// Freeze the container while its files are read (podman's default: false)
    #[arg(short, long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub pause: Option<bool>,
    /// Print only the image id
    #[arg(short, long)]
    pub quiet: bool,
    /// Accepted for podman's scripts (images are stored as OCI)
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Write the image id to this file (podman's)
    #[arg(long, value_name = "FILE")]
    pub iidfile: Option<PathBuf>,
    /// Make the container's -v/--mount destinations the image's VOLUMEs (podman's)
    #[arg(long)]
    pub include_volumes: bool,
    /// The container (name or id)
    #[arg(value_name = "CONTAINER")]
    pub container: String,
    /// The new image's name
    #[arg(value_name = "IMAGE")]
    pub image: Option<String>,
}

/// Where `-o` writes the image's files.
enum Output {
    Tar(PathBuf),
    Dir(PathBuf),
}

fn parse_output(s: &str) -> Result<Output> {
    if !s.contains('=') {
        return Ok(if s == "-" {
            Output::Tar(PathBuf::from("-"))
        } else {
            Output::Dir(PathBuf::from(s))
        });
    }
    let mut kind = "local".to_string();
    let mut dest = None;
    for part in s.split(',') {
        match part.split_once('=') {
            Some(("type", v)) => kind = v.to_string(),
            Some(("dest", v)) => dest = Some(PathBuf::from(v)),
            _ => bail!("invalid --output {s:?}: type=tar,dest=FILE or type=local,dest=DIR"),
        }
    }
    let dest = dest.with_context(|| format!("--output {s:?} needs dest="))?;
    match kind.as_str() {
        "tar" => Ok(Output::Tar(dest)),
        "local" => Ok(Output::Dir(dest)),
        other => bail!("--output type={other} is not supported: tar or local"),
    }
}

fn build_args(a: &BuildArgs) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut lines = Vec::new();
    for f in &a.build_arg_file {
        let text =
            std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        lines.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
    }
    lines.extend(a.build_arg.iter().cloned());
    for l in lines {
        match l.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                out.insert(k.to_string(), v.to_string());
            }
            Some(_) => bail!("invalid --build-arg {l:?}: KEY=VALUE"),
            None => {
                if let Ok(v) = std::env::var(&l) {
                    out.insert(l, v);
                }
            }
        }
    }
    Ok(out)
}

fn pairs(flag: &str, list: &[String]) -> Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    for s in list {
        let (k, v) = s
            .split_once('=')
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .with_context(|| format!("invalid --{flag} {s:?}: NAME=DIR"))?;
        let dir = PathBuf::from(v);
        if !dir.is_dir() {
            bail!("--{flag} {s}: {v} is not a directory");
        }
        out.insert(k.to_string(), dir);
    }
    Ok(out)
}

fn secrets(list: &[String]) -> Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    for s in list {
        let mut id = None;
        let mut src = None;
        for part in s.split(',') {
            match part.split_once('=') {
                Some(("id", v)) => id = Some(v.to_string()),
                Some(("src" | "source", v)) => src = Some(PathBuf::from(v)),
                Some(("type", "file")) => {}
                _ => bail!("invalid --secret {s:?}: id=ID,src=PATH"),
            }
        }
        let id = id.with_context(|| format!("--secret {s:?} needs id="))?;
        let src = src.with_context(|| format!("--secret {s:?} needs src="))?;
        if !src.is_file() {
            bail!("--secret {s}: {} is not a file", src.display());
        }
        out.insert(id, src.canonicalize()?);
    }
    Ok(out)
}

/// Every flag checked, before anything is read or built.
fn resolve(a: &BuildArgs, driver: String) -> Result<(builder::BuildOptions, Option<Output>)> {
    let tags = a
        .tag
        .iter()
        .map(|t| crate::image::write::local_name(t))
        .collect::<Result<Vec<_>>>()?;
    let mut labels = Vec::new();
    for l in &a.label {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        if k.is_empty() {
            bail!("invalid --label {l:?}: KEY=VALUE");
        }
        labels.push((k.to_string(), v.to_string()));
    }
    let pull: PullPolicy = match a.pull.as_deref() {
        None => PullPolicy::Missing,
        Some("true") => PullPolicy::Always,
        Some("false") => PullPolicy::Missing,
        Some(p) => p.parse()?,
    };
    let network = crate::network::NetworkFlags {
        network: a.network.clone(),
        ..Default::default()
    }
    .resolve(&[])?;
    let timestamp = match a.timestamp {
        Some(t) => Some(t),
        None => match std::env::var("SOURCE_DATE_EPOCH") {
            Ok(v) if !v.is_empty() => Some(
                v.parse()
                    .with_context(|| format!("SOURCE_DATE_EPOCH={v}: not a number of seconds"))?,
            ),
            _ => None,
        },
    };
    let output = a.output.as_deref().map(parse_output).transpose()?;
    if let Some(f) = a.file.as_ref().filter(|f| *f != &PathBuf::from("-")) {
        if !f.exists() && !PathBuf::from(&a.context).join(f).exists() {
            bail!("the Dockerfile {} does not exist", f.display());
        }
    }
    let opts = builder::BuildOptions {
        context: context::Source::parse(&a.context)?,
        file: a.file.clone(),
        tags,
        build_args: build_args(a)?,
        target: a.target.clone(),
        labels,
        quiet: a.quiet,
        no_cache: a.no_cache,
        pull,
        network,
        secrets: secrets(&a.secret)?,
        build_contexts: pairs("build-context", &a.build_context)?,
        timestamp,
        driver,
        pull_options: a.registry.pull_options(
            a.platform.as_deref(),
            None,
            Progress::for_stderr(a.quiet),
        )?,
    };
    Ok((opts, output))
}

pub fn build(root: Option<PathBuf>, driver: Option<String>, a: BuildArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    if driver == "vfs" {
        bail!("husk build needs the fuse-overlay or overlay storage driver (RUN steps' layers are their writable layers)");
    }
    let (opts, output) = resolve(&a, driver)?;
    let store = Store::open(&store_root(root)?)?;
    let mut stdout = std::io::stdout();
    let built = match builder::build(&store, &config, &opts, &mut stdout) {
        Ok(b) => b,
        Err(e) => {
            let code = e
                .downcast_ref::<builder::StepError>()
                .and_then(|s| s.code)
                .map_or(crate::error::EXIT_TOOL, |c| c.clamp(1, 255));
            return Err(crate::error::Failure::new(code, format!("{e:#}")).into());
        }
    };
    let id = built.image.id.to_string();
    if let Some(f) = &a.iidfile {
        std::fs::write(f, &id)
            .with_context(|| format!("writing the image id to {}", f.display()))?;
    }
    if let Some(out) = output {
        write_output(&store, &built.layers, out)?;
    }
    println!("{}", built.image.id.hex());
    Ok(0)
}

/// `-o`: the image's merged files as a tar, or into a directory.
fn write_output(store: &Store, layers: &[crate::digest::Digest], out: Output) -> Result<()> {
    match out {
        Output::Tar(dest) if dest.as_os_str() == "-" => {
            crate::image::export::write_tar(store, layers, std::io::stdout().lock())
        }
        Output::Tar(dest) => {
            let f = std::fs::File::create(&dest)
                .with_context(|| format!("creating {}", dest.display()))?;
            crate::image::export::write_tar(store, layers, std::io::BufWriter::new(f))
        }
        Output::Dir(dest) => {
            std::fs::create_dir_all(&dest)
                .with_context(|| format!("creating {}", dest.display()))?;
            crate::image::export::write_dir(store, layers, &dest)
        }
    }
}

pub fn commit(root: Option<PathBuf>, a: CommitArgs) -> Result<i32> {
    let name = a
        .image
        .as_deref()
        .map(crate::image::write::local_name)
        .transpose()?;
    crate::container::commit::parse_changes(&a.change)?;
    let store = Store::open(&store_root(root)?)?;
    let id = crate::container::find(&store, &a.container)?;
    let image = crate::container::commit::commit(
        &store,
        &id,
        &crate::container::commit::CommitOptions {
            changes: a.change,
            message: a.message,
            author: a.author,
            name,
            pause: a.pause.unwrap_or(false),
            include_volumes: a.include_volumes,
        },
    )?;
    let _ = a.quiet;
    if let Some(f) = &a.iidfile {
        std::fs::write(f, image.id.to_string())
            .with_context(|| format!("writing the image id to {}", f.display()))?;
    }
    println!("{}", image.id.hex());
    Ok(0)
}
