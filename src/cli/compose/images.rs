//! The project's images: `compose build`, `pull`, `push` and `images`.

use std::io::Write;

use anyhow::{bail, Context, Result};
use clap::Args;

use super::{reporter, Ctx};
use crate::compose::build::{has_build, BuildSettings};
use crate::compose::control::{service_of, Selection};
use crate::compose::load::Project;
use crate::compose::project;
use crate::yaml::Node;

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Run every step again, cached or not
    #[arg(long)]
    pub no_cache: bool,
    /// Always pull the base images
    #[arg(long)]
    pub pull: bool,
    /// Print nothing but errors
    #[arg(short, long)]
    pub quiet: bool,
    /// A build argument, KEY=VALUE (KEY alone: this command's variable), over the files'
    #[arg(long = "build-arg", value_name = "KEY=VALUE")]
    pub build_arg: Vec<String>,
    /// Only these services
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PullArgs {
    /// Print no progress
    #[arg(short, long)]
    pub quiet: bool,
    /// Go on when an image cannot be pulled (say so, exit 0)
    #[arg(long)]
    pub ignore_pull_failures: bool,
    /// Leave out the services that have a build section
    #[arg(long)]
    pub ignore_buildable: bool,
    /// Only these services
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct PushArgs {
    /// Go on when an image cannot be pushed (say so, exit 0)
    #[arg(long)]
    pub ignore_push_failures: bool,
    /// Print no progress
    #[arg(short, long)]
    pub quiet: bool,
    /// Only these services
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct ImagesArgs {
    /// Only the image ids
    #[arg(short, long)]
    pub quiet: bool,
    /// table or json
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Only these services' containers
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

/// The project's services that `names` selects (none: all), checked.
fn chosen(project: &Project, names: &[String]) -> Result<Vec<(String, Node)>> {
    let all = project::services(project);
    for s in names {
        if !all.iter().any(|(n, _)| n == s) {
            bail!("no such service: {s}");
        }
    }
    Ok(all
        .into_iter()
        .filter(|(n, _)| names.is_empty() || names.contains(n))
        .collect())
}

pub fn build(cx: &Ctx, a: BuildArgs) -> Result<i32> {
    let project = cx.project()?;
    let services = chosen(&project, &a.services)?;
    let (config, base) = super::project::build_settings(cx, a.quiet)?;
    let making = BuildSettings {
        no_cache: a.no_cache,
        pull: a.pull,
        build_args: crate::build::build_arg_values(&a.build_arg)?,
        ..base
    };
    let store = cx.store()?;
    let mut report = reporter(a.quiet);
    for (name, def) in services.iter().filter(|(_, d)| has_build(d)) {
        project::build_one(&store, &config, &project, name, def, &making, &mut report)?;
    }
    Ok(0)
}

pub fn pull(cx: &Ctx, a: PullArgs) -> Result<i32> {
    let project = cx.project()?;
    let services = chosen(&project, &a.services)?;
    let (config, making) = super::project::build_settings(cx, a.quiet)?;
    let store = cx.store()?;
    let mut report = reporter(a.quiet);
    for (name, def) in &services {
        let Some(image) = def.text("image") else {
            continue; // built, never pulled
        };
        if has_build(def) && a.ignore_buildable {
            continue;
        }
        report("Image", image, "Pulling");
        match crate::image::pull::pull(&store, &config, image, &making.pull_options) {
            Ok(_) => report("Image", image, "Pulled"),
            // A service that builds its image may name one no registry has yet.
            Err(e) if has_build(def) || a.ignore_pull_failures => {
                report("Image", image, &format!("not pulled: {e:#}"));
            }
            Err(e) => return Err(e.context(format!("pulling service {name:?}'s image"))),
        }
    }
    Ok(0)
}

pub fn push(cx: &Ctx, a: PushArgs) -> Result<i32> {
    let project = cx.project()?;
    let services = chosen(&project, &a.services)?;
    let (config, making) = super::project::build_settings(cx, a.quiet)?;
    let opts = crate::image::push::PushOptions::parse(making.pull_options.clone(), None, None)?;
    let store = cx.existing_store()?;
    let mut report = reporter(a.quiet);
    for (name, def) in &services {
        // Only the images named in the files: a PROJECT-SERVICE one has no registry.
        let Some(image) = def.text("image") else {
            continue;
        };
        report("Image", image, "Pushing");
        match crate::image::push::push(&store, &config, image, None, &opts) {
            Ok(_) => report("Image", image, "Pushed"),
            Err(e) if a.ignore_push_failures => {
                report("Image", image, &format!("not pushed: {e:#}"));
            }
            Err(e) => return Err(e.context(format!("pushing service {name:?}'s image"))),
        }
    }
    Ok(0)
}

pub fn images(cx: &Ctx, a: ImagesArgs) -> Result<i32> {
    let (name, project) = cx.project_or_name()?;
    let store = cx.existing_store()?;
    let sel = Selection {
        name: &name,
        project: project.as_ref(),
        services: &a.services,
    };
    let stored = store.images()?;
    let mut rows = Vec::new();
    let mut json = Vec::new();
    let mut ids = Vec::new();
    for c in sel.containers(&store, true)? {
        let image = stored.iter().find(|i| i.id == c.record.image);
        let (repo, tag) = split_name(&c.record.image_name);
        let id = c.record.image.hex().to_string();
        let size = image.map_or(0, |i| i.size);
        rows.push(vec![
            c.record.name.clone(),
            repo.clone(),
            tag.clone(),
            id[..12].to_string(),
            crate::output::human::size(size),
        ]);
        json.push(serde_json::json!({
            "ContainerName": c.record.name,
            "Service": service_of(&c),
            "Repository": repo,
            "Tag": tag,
            "ID": format!("sha256:{id}"),
            "Size": size,
        }));
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut out = crate::output::stdout();
    if a.quiet {
        for id in ids {
            writeln!(out, "sha256:{id}")?;
        }
        return Ok(0);
    }
    match a.format.as_str() {
        "json" => writeln!(out, "{}", serde_json::to_string(&json)?)?,
        "table" => crate::output::table::print(
            &mut out,
            &["CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE"],
            &rows,
        )
        .context("printing the images")?,
        f => bail!("--format {f:?}: table or json"),
    }
    Ok(0)
}

/// `REPOSITORY:TAG` of a stored image name (a digest name has no tag).
fn split_name(name: &str) -> (String, String) {
    if name.contains('@') {
        return (name.to_string(), "<none>".into());
    }
    match name.rsplit_once(':') {
        Some((repo, tag)) if !tag.contains('/') => (repo.to_string(), tag.to_string()),
        _ => (name.to_string(), "latest".into()),
    }
}
