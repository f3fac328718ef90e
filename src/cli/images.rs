//! Handlers of the image commands: pull, images, inspect, tag, rmi, image prune.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use serde_json::{json, Value};

use super::{store_root, ImageArg, ImagesArgs, PruneArgs, PullArgs, RmiArgs, TagArgs};
use crate::config::Config;
use crate::error::ExitCode;
use crate::image::list::{self as image_list, Filter, Row};
use crate::image::{lookup, pull as pull_image, remove};
use crate::output::{human, table, template};
use crate::progress::Progress;
use crate::registry::credentials::Credentials;
use crate::store::images::ImageRecord;
use crate::store::{gc, Store};

pub fn pull(root: Option<PathBuf>, a: PullArgs) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    let platform = a.platform.platform();
    let policy: crate::container::options::PullPolicy = a.policy.parse()?;
    let opts = a.registry.pull_options(
        platform.as_deref(),
        a.creds.as_deref(),
        Progress::for_stderr(a.quiet),
    )?;
    let records = match a.all_tags {
        true => pull_image::pull_all_tags(&store, &config, &a.name, &opts)?,
        false => vec![pull_image::ensure(&store, &config, &a.name, policy, &opts)?],
    };
    opts.progress
        .message("Writing manifest to image destination");
    for r in records {
        println!("{}", r.id.hex());
    }
    Ok(0)
}

pub fn parse_creds(s: &str) -> Result<Credentials> {
    match s.split_once(':') {
        Some((u, p)) if !u.is_empty() => Ok(Credentials {
            username: u.into(),
            password: p.into(),
        }),
        _ => bail!("--creds takes USER:PASSWORD"),
    }
}

/// A line of `images` as `--format` templates see it (docker's fields).
fn template_value(r: &Row<'_>, no_trunc: bool) -> Value {
    json!({
        "ID": if no_trunc { r.image.id.to_string() } else { r.image.id.short().to_string() },
        "Repository": r.repository,
        "Tag": r.tag,
        "Digest": r.digest(),
        "CreatedSince": human::since(r.image.created.as_deref()),
        "CreatedAt": r.image.created.clone().unwrap_or_default(),
        "Size": human::size(r.image.size),
        "History": r.image.names_history.join(", "),
    })
}

/// `husk image exists`: 0 if stored, 1 if not, nothing printed.
pub fn exists(root: Option<PathBuf>, a: ImageArg) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open_existing(&store_root(root)?);
    Ok(match lookup::exists(&store.images()?, &a.image, &config)? {
        true => 0,
        false => 1,
    })
}

/// `husk history IMAGE`.
pub fn history(root: Option<PathBuf>, a: super::HistoryArgs) -> Result<i32> {
    use crate::output::{human, table, template};
    let config = Config::load()?;
    let store = Store::open_existing(&store_root(root)?);
    let images = store.images()?;
    let image = &images[lookup::find(&images, &a.image, &config)?];
    let steps = crate::image::history::history(&store, image)?;
    let mut out = crate::output::stdout();
    let id = |s: &crate::image::history::Step| match &s.id {
        Some(id) if a.no_trunc => format!("sha256:{id}"),
        Some(id) => id[..12].to_string(),
        None => "<missing>".into(),
    };
    if a.quiet {
        for s in &steps {
            writeln!(out, "{}", id(s))?;
        }
        return Ok(0);
    }
    let created = |s: &crate::image::history::Step| match (a.human, &s.created) {
        (true, c) => human::since(c.as_deref()),
        (false, Some(c)) => c.clone(),
        (false, None) => String::new(),
    };
    let size = |s: &crate::image::history::Step| match a.human {
        true => human::size(s.size),
        false => s.size.to_string(),
    };
    let by = |s: &crate::image::history::Step| {
        if a.no_trunc || s.created_by.chars().count() <= 45 {
            s.created_by.clone()
        } else {
            s.created_by.chars().take(44).collect::<String>() + "…"
        }
    };
    let rows: Vec<serde_json::Value> = steps
        .iter()
        .map(|s| {
            serde_json::json!({
                "ID": id(s), "Created": created(s), "CreatedSince": human::since(s.created.as_deref()),
                "CreatedAt": s.created.clone().unwrap_or_default(), "CreatedBy": by(s),
                "Size": size(s), "Comment": s.comment,
            })
        })
        .collect();
    match a.format.as_deref() {
        Some("json") => writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?,
        Some(fmt) => template::write_rows(&mut out, fmt, &rows, &|f| match f {
            "ID" => Some("IMAGE"),
            "CreatedSince" | "Created" => Some("CREATED"),
            "CreatedAt" => Some("CREATED AT"),
            "CreatedBy" => Some("CREATED BY"),
            _ => None,
        })?,
        None => table::print_fields(
            &mut out,
            &["IMAGE", "CREATED", "CREATED BY", "SIZE", "COMMENT"],
            &["ID", "Created", "CreatedBy", "Size", "Comment"],
            &rows,
            true,
        )?,
    }
    Ok(0)
}

pub fn list(root: Option<PathBuf>, a: ImagesArgs) -> Result<i32> {
    let store = Store::open_existing(&store_root(root)?);
    let images = store.images()?;
    // The configuration (search registries) only for names in filters.
    let filters = match a.filter.is_empty() {
        true => Vec::new(),
        false => {
            let config = Config::load()?;
            a.filter
                .iter()
                .map(|f| Filter::parse(f, &images, &config))
                .collect::<Result<Vec<_>>>()?
        }
    };
    let sort = a.sort.parse()?;
    let rows = image_list::rows(&store, &images, a.repository.as_deref(), &filters, sort)?;
    let mut out = crate::output::stdout();
    if a.quiet {
        let mut seen = Vec::new();
        for r in &rows {
            let id = if a.no_trunc {
                r.image.id.to_string()
            } else {
                r.image.id.short().to_string()
            };
            if !seen.contains(&id) {
                writeln!(out, "{id}")?;
                seen.push(id);
            }
        }
        return Ok(0);
    }
    match a.format.as_deref() {
        Some("json") => {
            let mut list: Vec<&ImageRecord> = Vec::new();
            for r in &rows {
                if !list.iter().any(|i| i.id == r.image.id) {
                    list.push(r.image);
                }
            }
            let docs: Vec<Value> = list.into_iter().map(image_json).collect();
            writeln!(out, "{}", serde_json::to_string_pretty(&docs)?)?;
        }
        Some(fmt) => {
            let values: Vec<Value> = rows.iter().map(|r| template_value(r, a.no_trunc)).collect();
            // docker's column names for `images --format 'table …'`.
            let header = |field: &str| match field {
                "ID" => Some("IMAGE ID"),
                "CreatedSince" => Some("CREATED"),
                "CreatedAt" => Some("CREATED AT"),
                _ => None,
            };
            template::write_rows_with(&mut out, fmt, &values, &header, !a.noheading)?;
        }
        None => {
            let mut header = vec!["REPOSITORY", "TAG"];
            if a.digests {
                header.push("DIGEST");
            }
            header.extend(["IMAGE ID", "CREATED", "SIZE"]);
            if a.history {
                header.push("HISTORY");
            }
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let v = template_value(r, a.no_trunc);
                    let mut c = vec![r.repository.clone(), r.tag.clone()];
                    if a.digests {
                        c.push(r.digest());
                    }
                    for k in ["ID", "CreatedSince", "Size"] {
                        c.push(v[k].as_str().unwrap_or_default().to_string());
                    }
                    if a.history {
                        c.push(match r.image.names_history.is_empty() {
                            true => "<none>".to_string(),
                            false => r.image.names_history.join(", "),
                        });
                    }
                    c
                })
                .collect();
            table::print_with(&mut out, &header, &cells, !a.noheading)?;
        }
    }
    Ok(0)
}

/// An image as `husk images --format json` prints it (podman's fields).
fn image_json(image: &ImageRecord) -> Value {
    json!({
        "Id": image.id.hex(),
        "ParentId": "",
        "RepoTags": image.names,
        "RepoDigests": image.repo_digests,
        "Names": image.names,
        "History": image.names_history,
        "Digest": image.repo_digests.first().and_then(|d| d.split_once('@')).map(|(_, d)| d.to_string()).unwrap_or_else(|| image.manifest.to_string()),
        "Created": human::unix_seconds(image.created.as_deref()),
        "CreatedAt": image.created,
        "Size": image.size,
        "VirtualSize": image.size,
        "Dangling": image.names.is_empty(),
    })
}

pub fn tag(root: Option<PathBuf>, a: TagArgs) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    remove::tag(&store, &config, &a.source, &a.targets)?;
    Ok(0)
}

/// `husk untag IMAGE [NAME...]`.
pub fn untag(root: Option<PathBuf>, a: super::UntagArgs) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    remove::untag(&store, &config, &a.image, &a.names)?;
    Ok(0)
}

pub fn rmi(root: Option<PathBuf>, a: RmiArgs) -> Result<i32> {
    let config = Config::load()?;
    let store = Store::open(&store_root(root)?)?;
    let names = if a.all {
        store.images()?.iter().map(|i| i.id.to_string()).collect()
    } else {
        a.names
    };
    let mut code = 0;
    for name in &names {
        match remove::remove(&store, &config, name, a.force || a.all) {
            Ok(r) => {
                for u in r.untagged {
                    println!("Untagged: {u}");
                }
                if let Some(d) = r.deleted {
                    println!("Deleted: {d}");
                }
            }
            Err(e)
                if a.ignore
                    && matches!(
                        e.downcast_ref::<lookup::LookupError>(),
                        Some(lookup::LookupError::NotFound(_))
                    ) => {}
            Err(e) => {
                // podman's codes: 1 when an image is not known, 2 when it is in use, 125 otherwise.
                let this = if matches!(
                    e.downcast_ref::<lookup::LookupError>(),
                    Some(lookup::LookupError::NotFound(_))
                ) {
                    1
                } else if e.downcast_ref::<remove::ImageInUse>().is_some() {
                    2
                } else {
                    125
                };
                code = code.max(this);
                eprintln!("Error: {}", crate::error::one_line(&e));
            }
        }
    }
    gc::collect(&store, false)?;
    if code != 0 {
        return Err(ExitCode(code).into());
    }
    Ok(0)
}

pub fn prune(root: Option<PathBuf>, a: PruneArgs) -> Result<i32> {
    let filters: Vec<crate::container::lifecycle::PruneFilter> =
        a.filter.iter().map(|f| f.parse()).collect::<Result<_>>()?;
    let warning = if a.all {
        "This will remove all images without containers."
    } else {
        "This will remove all dangling images."
    };
    if !super::confirmed(a.force, warning)? {
        return Ok(0);
    }
    let store = Store::open(&store_root(root)?)?;
    let (removed, _collected) = remove::prune(&store, a.all, &filters)?;
    if a.build_cache {
        crate::build::cache::prune_mounts(&store)?;
    }
    for id in removed {
        println!("{id}");
    }
    Ok(0)
}

/// `husk search TERM` and `husk search --list-tags REPO`.
pub fn search(a: super::SearchArgs) -> Result<i32> {
    use crate::image::search as find;
    use crate::output::{table, template};
    let filters: Vec<find::Filter> = a.filter.iter().map(|f| f.parse()).collect::<Result<_>>()?;
    if a.list_tags && !filters.is_empty() {
        bail!("--filter does not apply to --list-tags");
    }
    let config = Config::load()?;
    let mut opts = a
        .registry
        .pull_options(None, a.creds.as_deref(), Progress::Quiet)?;
    opts.jobs = 1;
    let rows: Vec<Value> = if a.list_tags {
        let (name, tags) = find::list_tags(&config, &a.term, &opts)?;
        tags.into_iter()
            .take(a.limit)
            .map(|t| json!({"Name": name, "Tag": t}))
            .collect()
    } else {
        find::search(&config, &a.term, a.limit, &filters, &opts)?
            .into_iter()
            .map(|h| {
                let mut description = h.found.description.replace('\n', " ");
                if !a.no_trunc && description.chars().count() > 44 {
                    description = description.chars().take(41).collect::<String>() + "...";
                }
                json!({
                    "Index": h.registry,
                    "Name": format!("{}/{}", h.registry, h.found.name),
                    "Description": description,
                    "Stars": h.found.stars,
                    "Official": if h.found.official { "[OK]" } else { "" },
                    "Automated": if h.found.automated { "[OK]" } else { "" },
                })
            })
            .collect()
    };
    let mut out = std::io::stdout().lock();
    let header = |f: &str| -> Option<&'static str> {
        Some(match f {
            "Index" => "INDEX",
            "Name" => "NAME",
            "Description" => "DESCRIPTION",
            "Stars" => "STARS",
            "Official" => "OFFICIAL",
            "Automated" => "AUTOMATED",
            "Tag" => "TAG",
            _ => return None,
        })
    };
    match a.format.as_deref() {
        Some("json") => {
            use std::io::Write;
            writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        }
        Some(fmt) => template::write_rows_with(&mut out, fmt, &rows, &header, true)?,
        None => {
            let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
            let (head, cols): (&[&str], &[&str]) = match (a.list_tags, a.compatible) {
                (true, _) => (&["NAME", "TAG"], &["Name", "Tag"]),
                (false, false) => (&["NAME", "DESCRIPTION"], &["Name", "Description"]),
                (false, true) => (
                    &["NAME", "DESCRIPTION", "STARS", "OFFICIAL", "AUTOMATED"],
                    &["Name", "Description", "Stars", "Official", "Automated"],
                ),
            };
            let cell = |v: &Value, k: &str| match &v[k] {
                Value::Number(n) => n.to_string(),
                _ => text(v, k),
            };
            let table_rows: Vec<Vec<String>> = rows
                .iter()
                .map(|r| cols.iter().map(|c| cell(r, c)).collect())
                .collect();
            table::print(&mut out, head, &table_rows)?;
        }
    }
    Ok(0)
}
