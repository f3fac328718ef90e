//! `compose up`, `down`, `ls` and `events`: the project as a whole.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;

use super::{reporter, Ctx};
use crate::compose::attach::{self, AttachOptions, Ending};
use crate::compose::build::BuildSettings;
use crate::compose::control::Selection;
use crate::compose::project::{self, BuildWhen, DownOptions, UpOptions};

#[derive(Args, Debug)]
pub struct UpArgs {
    /// Run in the background: print what was made and return
    #[arg(short, long)]
    pub detach: bool,
    /// Make the containers again even if their configuration did not change
    #[arg(long, conflicts_with = "no_recreate")]
    pub force_recreate: bool,
    /// Keep existing containers even if their configuration changed
    #[arg(long)]
    pub no_recreate: bool,
    /// Do not start the services the given ones depend on
    #[arg(long)]
    pub no_deps: bool,
    /// Run N containers of SERVICE (SERVICE=N; repeatable)
    #[arg(long, value_name = "SERVICE=N")]
    pub scale: Vec<String>,
    /// Remove the containers of services the files no longer have
    #[arg(long)]
    pub remove_orphans: bool,
    /// Wait until every container runs, and is healthy if it has a health check (implies -d)
    #[arg(long, conflicts_with_all = ["abort_on_container_exit", "exit_code_from"])]
    pub wait: bool,
    /// Seconds to wait for a dependency's condition, and for --wait
    #[arg(long, value_name = "SECS", default_value = "120")]
    pub wait_timeout: u64,
    /// Print no pull progress
    #[arg(long)]
    pub quiet_pull: bool,
    /// Build the images of services with a build section first, even if they exist
    #[arg(long, conflicts_with = "no_build")]
    pub build: bool,
    /// Never build: a missing image is pulled
    #[arg(long)]
    pub no_build: bool,
    /// Attached: when one container exits, stop them all
    #[arg(long, conflicts_with = "detach")]
    pub abort_on_container_exit: bool,
    /// Attached: exit with this service's container's exit code (implies --abort-on-container-exit)
    #[arg(long, value_name = "SERVICE", conflicts_with = "detach")]
    pub exit_code_from: Option<String>,
    /// Attached: seconds to wait for each container to stop at the end
    #[arg(short, long, value_name = "SECS")]
    pub timeout: Option<u32>,
    /// Attached: no colours in the output
    #[arg(long)]
    pub no_color: bool,
    /// Attached: no `service-1 |` before each line
    #[arg(long)]
    pub no_log_prefix: bool,
    /// Attached: the time before each line
    #[arg(long)]
    pub timestamps: bool,
    /// Only these services (and those they depend on)
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

#[derive(Args, Debug)]
pub struct DownArgs {
    /// Remove the project's named volumes too
    #[arg(short, long)]
    pub volumes: bool,
    /// Seconds to wait for each container to stop before it is killed
    #[arg(short, long, value_name = "SECS")]
    pub timeout: Option<u32>,
    /// Accepted for docker compose's sake: containers of services the files no longer have are always removed
    #[arg(long)]
    pub remove_orphans: bool,
    /// Remove images too: all (the services' images) or local (those built without an image name)
    #[arg(long, value_name = "all|local")]
    pub rmi: Option<String>,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Projects whose containers all stopped too
    #[arg(short, long)]
    pub all: bool,
    /// Only the projects' names
    #[arg(short, long)]
    pub quiet: bool,
    /// table or json
    #[arg(long, default_value = "table")]
    pub format: String,
    /// name=NAME: only that project
    #[arg(long, value_name = "name=NAME")]
    pub filter: Vec<String>,
}

#[derive(Args, Debug)]
pub struct EventsArgs {
    /// One JSON object per line
    #[arg(long)]
    pub json: bool,
    /// Only these services' events
    #[arg(value_name = "SERVICE")]
    pub services: Vec<String>,
}

fn scale(list: &[String]) -> Result<BTreeMap<String, u32>> {
    let mut out = BTreeMap::new();
    for s in list {
        let (svc, n) = s
            .split_once('=')
            .ok_or_else(|| anyhow!("--scale {s:?}: use SERVICE=N"))?;
        let n: u32 = n
            .parse()
            .with_context(|| format!("--scale {s:?}: N is a number"))?;
        out.insert(svc.to_string(), n);
    }
    Ok(out)
}

/// How images are pulled and built: the storage driver, progress unless `quiet`.
pub fn build_settings(cx: &Ctx, quiet: bool) -> Result<(crate::config::Config, BuildSettings)> {
    let (config, driver) = cx.config_and_driver()?;
    let settings = BuildSettings {
        driver,
        pull_options: crate::image::pull::PullOptions::defaults(
            crate::progress::Progress::for_stderr(quiet),
        ),
        no_cache: false,
        pull: false,
        quiet,
        build_args: BTreeMap::new(),
    };
    Ok((config, settings))
}

pub fn up(cx: &Ctx, a: UpArgs) -> Result<i32> {
    let project = cx.project()?;
    let abort = a.abort_on_container_exit || a.exit_code_from.is_some();
    if let Some(s) = &a.exit_code_from {
        if !project::services(&project).iter().any(|(n, _)| n == s) {
            bail!("--exit-code-from {s}: no such service");
        }
    }
    let opts = UpOptions {
        services: a.services.clone(),
        no_deps: a.no_deps,
        force_recreate: a.force_recreate,
        no_recreate: a.no_recreate,
        scale: scale(&a.scale)?,
        remove_orphans: a.remove_orphans,
        wait_timeout: Duration::from_secs(a.wait_timeout),
        build: match (a.build, a.no_build) {
            (true, _) => BuildWhen::Always,
            (false, true) => BuildWhen::Never,
            (false, false) => BuildWhen::Missing,
        },
        wait: a.wait,
    };
    let (config, making) = build_settings(cx, a.quiet_pull)?;
    let store = cx.store()?;
    let since = std::time::SystemTime::now();
    let mut report = reporter(false);
    project::up(&store, &config, &project, &making, &opts, &mut report)?;
    if a.detach || a.wait {
        return Ok(0);
    }
    let sel = Selection {
        name: &project.name,
        project: Some(&project),
        services: &a.services,
    };
    let attach_opts = AttachOptions {
        since: Some(since),
        color: !a.no_color && std::io::IsTerminal::is_terminal(&std::io::stdout()),
        prefix: !a.no_log_prefix,
        timestamps: a.timestamps,
        abort_on_exit: abort,
        stop_timeout: a.timeout,
    };
    let ending = attach::attach(&store, &sel, &attach_opts, &mut report)?;
    // As docker compose: with --abort-on-container-exit, the first container's
    // exit code; with --exit-code-from, that service's.
    Ok(match (ending, &a.exit_code_from) {
        (Ending::Interrupted, _) => 130,
        (_, Some(svc)) => attach::exit_code_of(&store, &sel, svc)?,
        (Ending::Exited(Some(code)), None) if abort => code,
        (Ending::Exited(_), None) => 0,
    })
}

pub fn down(cx: &Ctx, a: DownArgs) -> Result<i32> {
    let (name, project) = cx.project_or_name()?;
    let rmi = match a.rmi.as_deref() {
        None => None,
        Some("all") => Some(project::RemoveImages::All),
        Some("local") => Some(project::RemoveImages::Local),
        Some(o) => bail!("--rmi {o:?}: all or local"),
    };
    if rmi.is_some() && project.is_none() {
        bail!("--rmi needs the project's files, to know its images");
    }
    let store = cx.store()?;
    let (config, _) = cx.config_and_driver()?;
    let opts = DownOptions {
        volumes: a.volumes,
        timeout: a.timeout,
        images: rmi,
    };
    let mut report = reporter(false);
    project::down(&store, &config, &name, project.as_ref(), &opts, &mut report)?;
    Ok(0)
}

pub fn ls(cx: &Ctx, a: LsArgs) -> Result<i32> {
    let mut only = None;
    for f in &a.filter {
        match f.split_once('=') {
            Some(("name", v)) => only = Some(v.to_string()),
            _ => bail!("--filter {f:?}: name=NAME"),
        }
    }
    let store = cx.existing_store()?;
    let projects: Vec<_> = project::list(&store)?
        .into_iter()
        .filter(|p| a.all || p.running > 0)
        .filter(|p| only.as_ref().is_none_or(|n| n == &p.name))
        .collect();
    let mut out = crate::output::stdout();
    if a.quiet {
        for p in &projects {
            writeln!(out, "{}", p.name)?;
        }
        return Ok(0);
    }
    match a.format.as_str() {
        "json" => {
            let rows: Vec<serde_json::Value> = projects
                .iter()
                .map(|p| {
                    serde_json::json!({
                        "Name": p.name,
                        "Status": p.status(),
                        "ConfigFiles": p.config_files,
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::to_string(&rows)?)?;
        }
        "table" => {
            let rows: Vec<Vec<String>> = projects
                .iter()
                .map(|p| vec![p.name.clone(), p.status(), p.config_files.clone()])
                .collect();
            crate::output::table::print(&mut out, &["NAME", "STATUS", "CONFIG FILES"], &rows)?;
        }
        f => bail!("--format {f:?}: table or json"),
    }
    Ok(0)
}

pub fn events(cx: &Ctx, a: EventsArgs) -> Result<i32> {
    let (name, _) = cx.project_or_name()?;
    let q = crate::events::Query {
        filters: vec![crate::events::Filter::Label {
            key: crate::compose::service::LABEL_PROJECT.to_string(),
            value: Some(name),
        }],
        follow: true,
        ..Default::default()
    };
    let mut out = crate::output::stdout();
    crate::events::read(&q, &mut |e| {
        let service = e
            .attributes
            .get(crate::compose::service::LABEL_SERVICE)
            .cloned()
            .unwrap_or_default();
        if !a.services.is_empty() && !a.services.contains(&service) {
            return Ok(true);
        }
        let line = match a.json {
            true => {
                let mut v = crate::events::to_json(e);
                v["service"] = serde_json::Value::String(service);
                v.to_string()
            }
            false => crate::events::to_line(e),
        };
        writeln!(out, "{line}")?;
        out.flush()?;
        Ok(true)
    })?;
    Ok(0)
}
