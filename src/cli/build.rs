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
    #[arg(long, alias = "net", value_name = "MODE")]
    pub network: Option<String>,
    /// As --pull=always (buildah's)
    #[arg(long, conflicts_with_all = ["pull", "pull_never"])]
    pub pull_always: bool,
    /// As --pull=never (buildah's)
    #[arg(long, conflicts_with = "pull")]
    pub pull_never: bool,
    /// A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR
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
    #[command(flatten)]
    pub platform: crate::image::platform::PlatformFlags,
    /// Build for every platform of the base image (refused: RUN steps run only on the host's)
    #[arg(long)]
    pub all_platforms: bool,
    #[command(flatten)]
    pub registry: RegistryArgs,
    /// Credentials USER[:PASSWORD] for pulling base images
    #[arg(long, value_name = "USER[:PASS]")]
    pub creds: Option<String>,
    #[command(flatten)]
    pub step: crate::build::flags::StepFlags,
    /// Set a variable in the image (and for its RUN steps): KEY=VALUE, or KEY for this command's own (podman's)
    #[arg(long, value_name = "KEY[=VALUE]")]
    pub env: Vec<String>,
    /// Leave this variable out of the image (podman's)
    #[arg(long, value_name = "NAME")]
    pub unsetenv: Vec<String>,
    /// Leave this label out of the image, inherited or not (podman's)
    #[arg(long, value_name = "KEY")]
    pub unsetlabel: Vec<String>,
    /// Keep the base image's labels (=false: each stage starts without them) (podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub inherit_labels: bool,
    /// Accepted for podman's scripts: husk adds no identity label (io.buildah.version) of its own
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub identity_label: Option<bool>,
    /// Write no history into the image (podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub omit_history: Option<bool>,
    /// An annotation of the image's manifest: KEY=VALUE (podman's and docker's)
    #[arg(long, value_name = "KEY=VALUE")]
    pub annotation: Vec<String>,
    /// Keep the base image's manifest annotations (=false: not) (podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub inherit_annotations: bool,
    /// Leave this annotation out of the image, inherited or not (podman's)
    #[arg(long, value_name = "KEY")]
    pub unsetannotation: Vec<String>,
    /// Annotate the image with org.opencontainers.image.created (=false: not) (podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub created_annotation: bool,
    /// Write the image id without its sha256: prefix to this file (podman's)
    #[arg(long, alias = "raw-iidfile", value_name = "FILE")]
    pub iidfile_raw: Option<PathBuf>,
    /// With --push: compress new layers with gzip (default) or zstd (podman's)
    #[arg(long, value_name = "FORMAT")]
    pub compression_format: Option<String>,
    /// With --push: the compression level, gzip 0-9, zstd 1-20 (podman's)
    #[arg(long, value_name = "N")]
    pub compression_level: Option<u32>,
    /// With --push: compress every layer again (podman's)
    #[arg(long)]
    pub force_compression: bool,
    /// A mount every RUN gets, as RUN --mount= writes it: type=cache|bind|secret|tmpfs|ssh,… (podman's)
    #[arg(long, value_name = "type=TYPE,…")]
    pub mount: Vec<String>,
    /// The image's os.version (podman's)
    #[arg(long, value_name = "VERSION")]
    pub os_version: Option<String>,
    /// An os.features entry of the image (podman's)
    #[arg(long, value_name = "FEATURE")]
    pub os_feature: Vec<String>,
    /// Merge the layers this build makes into one, on top of the base image's
    #[arg(long, conflicts_with = "squash_all")]
    pub squash: bool,
    /// Merge every layer, the base image's too, into one (podman's)
    #[arg(long)]
    pub squash_all: bool,
    /// Warned about and ignored: husk makes no intermediate images to label (podman's)
    #[arg(long, value_name = "KEY=VALUE")]
    pub layer_label: Vec<String>,
    /// The image the first FROM uses instead of its own (podman's)
    #[arg(long, value_name = "IMAGE")]
    pub from: Option<String>,
    /// The ignore file, instead of the context's .containerignore or .dockerignore (podman's)
    #[arg(long, value_name = "FILE")]
    pub ignorefile: Option<PathBuf>,
    /// Write the build's output (stdout and stderr) to this file (podman's)
    #[arg(long, value_name = "FILE")]
    pub logfile: Option<PathBuf>,
    /// With --logfile: FILE_OS_ARCH, one file per platform (podman's)
    #[arg(long, requires = "logfile")]
    pub logsplit: bool,
    /// Add the image to this manifest list, made if it does not exist (podman's)
    #[arg(long, value_name = "LIST")]
    pub manifest: Option<String>,
    /// Stages built at once (podman's; husk builds them one after another, which any N allows)
    #[arg(long, value_name = "N")]
    pub jobs: Option<u32>,
    /// Cached steps made longer ago than this are run again, e.g. 24h (podman's)
    #[arg(long, value_name = "DURATION")]
    pub cache_ttl: Option<String>,
    /// A registry repository to look for steps the local cache misses in (REPO:KEY per step)
    #[arg(long, value_name = "REPO")]
    pub cache_from: Vec<String>,
    /// A registry repository each step that runs a command or copies files is pushed to (REPO:KEY)
    #[arg(long, value_name = "REPO")]
    pub cache_to: Vec<String>,
    /// Build only the stages the target needs (=false: every stage) (podman's)
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_value = "true", default_missing_value = "true", action = clap::ArgAction::Set)]
    pub skip_unused_stages: bool,
    /// Accepted for docker's scripts: the context is read in place, never sent
    #[arg(long)]
    pub compress: bool,
    /// Accepted for podman's scripts: layers are stored uncompressed; push compresses them
    #[arg(short = 'D', long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true")]
    pub disable_compression: Option<bool>,
    /// docker's output style: auto, plain or tty (husk's steps), quiet (as -q), rawjson refused
    #[arg(long, value_name = "TYPE")]
    pub progress: Option<String>,
    /// Clamp new files' times to --timestamp / --source-date-epoch (husk always does) (podman's)
    #[arg(long)]
    pub rewrite_timestamp: bool,
    /// As SOURCE_DATE_EPOCH: every time in the image is this Unix time (podman's)
    #[arg(long, value_name = "SECONDS", conflicts_with = "timestamp")]
    pub source_date_epoch: Option<u64>,
    /// Run every step of these stages (by name) again, whatever the cache holds (docker's)
    #[arg(long, value_name = "STAGE", value_delimiter = ',')]
    pub no_cache_filter: Vec<String>,
    /// Write the image's id, manifest digest and names as JSON to this file (docker's)
    #[arg(long, value_name = "FILE")]
    pub metadata_file: Option<PathBuf>,
    /// Accepted for docker's scripts: the image is always in husk's store
    #[arg(long)]
    pub load: bool,
    /// Push every -t name once built (docker buildx's)
    #[arg(long)]
    pub push: bool,
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
    /// The image as one layer: the base image's and the container's merged (podman's)
    #[arg(short, long)]
    pub squash: bool,
    /// A JSON file of config keys (Env, Cmd, Labels…) merged into the container's, before -c (podman's)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
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
    builder::build_arg_values(&lines)
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

/// `--secret id=ID[,src=PATH|env=VAR][,type=file|env]`, BuildKit's rules:
/// with `type=env`, `src` names a variable; with neither `src` nor `env`, the
/// variable named ID is the secret.
fn secrets(list: &[String]) -> Result<BTreeMap<String, builder::SecretSource>> {
    let mut out = BTreeMap::new();
    for s in list {
        let (mut id, mut src, mut env, mut kind) = (None, None, None, "file");
        for part in s.split(',') {
            match part.split_once('=') {
                Some(("id", v)) => id = Some(v.to_string()),
                Some(("src" | "source", v)) => src = Some(v.to_string()),
                Some(("env", v)) => env = Some(v.to_string()),
                Some(("type", "file")) => kind = "file",
                Some(("type", "env")) => kind = "env",
                _ => bail!("invalid --secret {s:?}: id=ID,src=PATH or id=ID,env=VAR"),
            }
        }
        let id = id.with_context(|| format!("--secret {s:?} needs id="))?;
        let var = |var: &str| -> Result<builder::SecretSource> {
            let value = std::env::var(var)
                .with_context(|| format!("--secret {s}: the variable {var} is not set"))?;
            Ok(builder::SecretSource::Env(value))
        };
        let source = match (src, env, kind) {
            (Some(_), Some(_), _) => bail!("--secret {s:?}: src= or env=, not both"),
            (Some(v), None, "env") | (None, Some(v), _) => var(&v)?,
            (Some(path), None, _) => {
                let path = PathBuf::from(path);
                if !path.is_file() {
                    bail!("--secret {s}: {} is not a file", path.display());
                }
                builder::SecretSource::File(path.canonicalize()?)
            }
            (None, None, _) => var(&id)?,
        };
        out.insert(id, source);
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
        None if a.pull_always => PullPolicy::Always,
        None if a.pull_never => PullPolicy::Never,
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
    let timestamp = match a.timestamp.or(a.source_date_epoch) {
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
    let platform = a.platform.platform();
    if a.all_platforms || platform.as_deref().is_some_and(|p| p.contains(',')) {
        bail!("husk builds for one platform at a time: RUN steps run only on the host's (give one --platform)");
    }
    let quiet = match a.progress.as_deref() {
        None | Some("auto" | "plain" | "tty") => a.quiet,
        Some("quiet") => true,
        Some(p) => bail!("invalid --progress {p:?}: auto, plain, tty or quiet"),
    };
    if let Some(n) = &a.manifest {
        crate::image::write::local_name(n).context("--manifest")?;
    }
    if a.push && a.tag.is_empty() {
        bail!("--push needs a -t name to push to");
    }
    let opts = builder::BuildOptions {
        context: context::Source::parse(&a.context)?,
        file: a.file.clone(),
        tags,
        build_args: build_args(a)?,
        target: a.target.clone(),
        labels,
        quiet,
        no_cache: a.no_cache,
        pull,
        network,
        secrets: secrets(&a.secret)?,
        build_contexts: pairs("build-context", &a.build_context)?,
        timestamp,
        driver,
        pull_options: a.registry.pull_options(
            platform.as_deref(),
            a.creds.as_deref(),
            Progress::for_stderr(quiet),
        )?,
        step: a.step.resolve()?,
        edits: edits(a)?,
        from: a.from.clone(),
        ignorefile: a.ignorefile.clone(),
        cache_ttl: a
            .cache_ttl
            .as_deref()
            .map(crate::output::human::parse_duration)
            .transpose()
            .context("--cache-ttl")?,
        all_stages: !a.skip_unused_stages,
        no_cache_stages: a.no_cache_filter.clone(),
        remote_cache: builder::remote::RemoteCache::parse(&a.cache_from, &a.cache_to)?,
        run_mounts: a.mount.clone(),
    };
    for m in &opts.run_mounts {
        builder::run::RunMount::parse(m).with_context(|| format!("--mount {m}"))?;
    }
    if let Some(f) = opts.ignorefile.as_ref().filter(|f| !f.is_file()) {
        bail!("the ignore file {} does not exist", f.display());
    }
    Ok((opts, output))
}

/// What the flags change in the image.
fn edits(a: &BuildArgs) -> Result<builder::ImageEdits> {
    let mut env = Vec::new();
    for e in &a.env {
        match e.split_once('=') {
            Some((k, v)) if !k.is_empty() => env.push((k.to_string(), v.to_string())),
            Some(_) => bail!("invalid --env {e:?}: KEY=VALUE"),
            // podman's: KEY alone takes this command's own value, if it has one.
            None => {
                if let Ok(v) = std::env::var(e) {
                    env.push((e.clone(), v));
                }
            }
        }
    }
    let annotations = super::manifest::annotations(&a.annotation)?;
    for l in &a.layer_label {
        if !l.contains('=') {
            bail!("invalid --layer-label {l:?}: KEY=VALUE");
        }
    }
    Ok(builder::ImageEdits {
        env,
        unsetenv: a.unsetenv.clone(),
        unset_labels: a.unsetlabel.clone(),
        no_inherited_labels: !a.inherit_labels,
        omit_history: a.omit_history.unwrap_or(false),
        annotations,
        no_inherited_annotations: !a.inherit_annotations,
        unset_annotations: a.unsetannotation.clone(),
        created_annotation: a.created_annotation,
        os_version: a.os_version.clone(),
        os_features: a.os_feature.clone(),
        squash: match (a.squash, a.squash_all) {
            (_, true) => builder::Squash::All,
            (true, false) => builder::Squash::New,
            (false, false) => builder::Squash::None,
        },
    })
}

pub fn build(root: Option<PathBuf>, driver: Option<String>, a: BuildArgs) -> Result<i32> {
    let config = Config::load()?;
    let driver = config.driver(driver.as_deref())?;
    if driver == "vfs" {
        bail!("husk build needs the fuse-overlay or overlay storage driver (RUN steps' layers are their writable layers)");
    }
    let (opts, output) = resolve(&a, driver)?;
    let push_opts = crate::image::push::PushOptions::parse(
        opts.pull_options.clone(),
        a.compression_format.as_deref(),
        None,
    )?
    .with_level(a.compression_level)?;
    let push = a.push.then_some(crate::image::push::PushOptions {
        keep_pulled: !a.force_compression,
        ..push_opts
    });
    if let Some(f) = &a.logfile {
        let platform = opts
            .pull_options
            .platform
            .clone()
            .unwrap_or_else(crate::image::platform::Platform::host);
        let path = match a.logsplit {
            true => PathBuf::from(format!(
                "{}_{}_{}",
                f.display(),
                platform.os,
                platform.architecture
            )),
            false => f.clone(),
        };
        log_to(&path)?;
    }
    for w in &opts.step.warnings {
        eprintln!("WARN[0000] {w}");
    }
    if !a.layer_label.is_empty() {
        eprintln!("WARN[0000] --layer-label: husk makes no intermediate images to label; ignored");
    }
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
    if let Some(f) = &a.iidfile_raw {
        std::fs::write(f, built.image.id.hex())
            .with_context(|| format!("writing the image id to {}", f.display()))?;
    }
    if let Some(out) = output {
        write_output(&store, &built.layers, out)?;
    }
    if let Some(list) = &a.manifest {
        crate::image::manifest_list::add_or_create(
            &store,
            &config,
            list,
            built.image.id.hex(),
            &opts.pull_options,
        )?;
    }
    // The manifest's digest: the pushed one's with --push (its layers compressed).
    let mut digest = built.image.manifest.to_string();
    if let Some(push) = &push {
        for (i, t) in opts.tags.iter().enumerate() {
            let pushed = crate::image::push::push(&store, &config, t, None, push)
                .with_context(|| format!("pushing {t}"))?;
            if i == 0 {
                digest = pushed.digest.to_string();
            }
        }
    }
    if let Some(f) = &a.metadata_file {
        let meta = serde_json::json!({
            "containerimage.config.digest": id,
            "containerimage.digest": digest,
            "image.name": opts.tags.join(","),
        });
        std::fs::write(f, serde_json::to_vec_pretty(&meta)?)
            .with_context(|| format!("writing {}", f.display()))?;
    }
    println!("{}", built.image.id.hex());
    Ok(0)
}

/// `--logfile`: this command's stdout and stderr go to `path` from now on.
fn log_to(path: &std::path::Path) -> Result<()> {
    use std::os::fd::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(path)
        .with_context(|| format!("opening the log file {}", path.display()))?;
    for fd in [libc::STDOUT_FILENO, libc::STDERR_FILENO] {
        // SAFETY: dup2 of an open file onto a standard descriptor; nothing
        // holds the old descriptor's state but the kernel.
        if unsafe { libc::dup2(file.as_raw_fd(), fd) } < 0 {
            return Err(std::io::Error::last_os_error())
                .with_context(|| format!("writing the output to {}", path.display()));
        }
    }
    Ok(())
}

/// `commit --config FILE`: a JSON object of image config keys.
fn read_config(path: &std::path::Path) -> Result<serde_json::Map<String, serde_json::Value>> {
    let text = crate::fsat::read_small_file(path, 1 << 20)
        .with_context(|| format!("reading {}", path.display()))?;
    match serde_json::from_slice(&text) {
        Ok(serde_json::Value::Object(m)) => Ok(m),
        Ok(_) => bail!(
            "--config {}: not a JSON object of config keys",
            path.display()
        ),
        Err(e) => bail!("--config {}: {e}", path.display()),
    }
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
    let extra = a.config.as_deref().map(read_config).transpose()?;
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
            squash: a.squash,
            config: extra,
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
