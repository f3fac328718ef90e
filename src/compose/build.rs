//! A service's `build:` section as husk build's own options
//! ([`BuildOptions`]), and the image it makes: named by the service's
//! `image:`, else `PROJECT-SERVICE` as docker compose names it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use super::load::Project;
use crate::build::{context, BuildOptions, SecretSource};
use crate::container::options::PullPolicy;
use crate::image::pull::PullOptions;
use crate::store::tmp::TempEntry;
use crate::store::Store;
use crate::yaml::{Node, Value};

/// What `compose build` (or `up --build`) asks of every service's build.
#[derive(Clone)]
pub struct BuildSettings {
    pub driver: String,
    pub pull_options: PullOptions,
    pub no_cache: bool,
    /// `--pull`: always pull the base images.
    pub pull: bool,
    pub quiet: bool,
    /// `--build-arg KEY[=VALUE]`, over the files' `args`.
    pub build_args: BTreeMap<String, String>,
}

/// The image a service runs: its `image:`, else the one `compose build`
/// names `PROJECT-SERVICE`.
pub fn image_name(project: &str, service: &str, def: &Node) -> String {
    match def.text("image") {
        Some(i) => i.to_string(),
        None => format!("{project}-{service}"),
    }
}

/// Whether the service has a `build:` section.
pub fn has_build(def: &Node) -> bool {
    def.get("build").is_some()
}

/// A service's build, ready to run; `_dockerfile` keeps an inline
/// Dockerfile's temporary file for as long as the build needs it.
pub struct ServiceBuild {
    pub options: BuildOptions,
    _dockerfile: Option<TempEntry>,
}

/// Service `name`'s build options, every value checked before anything is built.
pub fn options(
    store: &Store,
    project: &Project,
    name: &str,
    def: &Node,
    settings: &BuildSettings,
) -> Result<ServiceBuild> {
    let b = def
        .get("build")
        .with_context(|| format!("service {name:?} has no build section"))?;
    let what = |k: &str| format!("services.{name}.build.{k}");
    let context_dir = b.text("context").unwrap_or(".");
    let source = context::Source::parse(context_dir).with_context(|| what("context"))?;
    let mut temp = None;
    let file = match (b.text("dockerfile_inline"), b.text("dockerfile")) {
        (Some(inline), _) => {
            let entry = TempEntry::reserve(&store.tmp_dir(), "dockerfile")?;
            std::fs::write(entry.path(), inline)
                .with_context(|| format!("writing {}", entry.path().display()))?;
            let path = entry.path().to_path_buf();
            temp = Some(entry);
            Some(path)
        }
        (None, Some(f)) => {
            let f = PathBuf::from(f);
            Some(match (&source, f.is_relative()) {
                (context::Source::Dir(d), true) => d.join(f),
                _ => f,
            })
        }
        (None, None) => None,
    };
    let mut tags = vec![
        crate::image::write::local_name(&image_name(&project.name, name, def))
            .with_context(|| format!("services.{name}.image"))?,
    ];
    for t in b.strings("tags") {
        tags.push(crate::image::write::local_name(&t).with_context(|| what("tags"))?);
    }
    let mut build_args: BTreeMap<String, String> = b
        .entries("args")
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v.to_string())))
        .collect();
    build_args.extend(settings.build_args.clone());
    let labels = b
        .entries("labels")
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.unwrap_or_default().to_string()))
        .collect();
    let network = crate::network::NetworkFlags {
        network: b.text("network").map(str::to_string),
        ..Default::default()
    }
    .resolve(&[])
    .with_context(|| what("network"))?;
    let step = crate::build::flags::StepFlags {
        add_host: b
            .strings("extra_hosts")
            .iter()
            .map(|h| h.replacen('=', ":", 1))
            .collect(),
        ..Default::default()
    }
    .resolve()
    .with_context(|| what("extra_hosts"))?;
    let mut options =
        BuildOptions::defaults(source, &settings.driver, settings.pull_options.clone())?;
    options.file = file;
    options.tags = tags;
    options.build_args = build_args;
    options.target = b.text("target").map(str::to_string);
    options.labels = labels;
    options.quiet = settings.quiet;
    options.no_cache = settings.no_cache || b.text("no_cache") == Some("true");
    if settings.pull || b.text("pull") == Some("true") {
        options.pull = PullPolicy::Always;
    }
    options.network = network;
    options.secrets = secrets(project, name, b)?;
    options.build_contexts = additional_contexts(name, b, context_dir)?;
    options.step = step;
    Ok(ServiceBuild {
        options,
        _dockerfile: temp,
    })
}

/// `build.secrets`: each names a top-level secret, a file or a variable.
fn secrets(project: &Project, name: &str, b: &Node) -> Result<BTreeMap<String, SecretSource>> {
    let mut out = BTreeMap::new();
    let Some(Node {
        value: Value::Seq(items),
        ..
    }) = b.get("secrets")
    else {
        return Ok(out);
    };
    for item in items {
        let (source, id) = match item.as_scalar() {
            Some(s) => (s, s),
            None => {
                let s = item.text("source").unwrap_or("");
                (s, item.text("target").unwrap_or(s))
            }
        };
        out.insert(
            id.to_string(),
            secret_source(project, source)
                .with_context(|| format!("services.{name}.build.secrets"))?,
        );
    }
    Ok(out)
}

/// Where top-level secret `key` comes from: its file or its variable.
pub fn secret_source(project: &Project, key: &str) -> Result<SecretSource> {
    let def = project
        .model
        .get("secrets")
        .and_then(|s| s.get(key))
        .with_context(|| format!("secret {key:?} is not defined in the top-level secrets"))?;
    match (def.text("file"), def.text("environment")) {
        (Some(f), _) => Ok(SecretSource::File(PathBuf::from(f))),
        (None, Some(v)) => Ok(SecretSource::Env(v.to_string())),
        (None, None) => {
            bail!("secret {key:?}: husk compose takes a secret from a file or an environment variable")
        }
    }
}

/// `build.additional_contexts`: NAME=DIR, relative to the context (images
/// and URLs are refused).
fn additional_contexts(
    name: &str,
    b: &Node,
    context_dir: &str,
) -> Result<BTreeMap<String, PathBuf>> {
    let mut out = BTreeMap::new();
    for (k, v) in b.entries("additional_contexts") {
        let v = v.unwrap_or_default();
        let path = std::path::Path::new(context_dir).join(v);
        if v.contains("://") || !path.is_dir() {
            bail!("services.{name}.build.additional_contexts.{k}: {v:?} is not a directory (husk takes directories only)");
        }
        out.insert(k.to_string(), path);
    }
    Ok(out)
}

/// Build service `name`'s image; `out` gets the steps.
pub fn build_service(
    store: &Store,
    config: &crate::config::Config,
    project: &Project,
    name: &str,
    def: &Node,
    settings: &BuildSettings,
    out: &mut dyn std::io::Write,
) -> Result<crate::store::images::ImageRecord> {
    if settings.driver == "vfs" {
        bail!("building service {name:?} needs the fuse-overlay or overlay storage driver");
    }
    let b = options(store, project, name, def, settings)?;
    let built = crate::build::build(store, config, &b.options, out)
        .with_context(|| format!("building service {name:?}"))?;
    Ok(built.image)
}
