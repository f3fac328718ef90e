//! `extends`: a service made from another one, of the same file
//! (`extends: base` or `{service: base}`) or of another file
//! (`{file: common.yml, service: base}`), its own keys merged over the base's
//! by the rules of several files ([`super::merge`]). The base's relative paths
//! (build context, env_file, bind mounts) are relative to its own file.

use std::path::Path;

use anyhow::{anyhow, bail, Result};

use super::merge::merge;
use super::yaml::{Node, Value};

/// Reads another compose file: its (interpolated) first document.
pub type ReadFile<'a> = &'a dyn Fn(&str) -> Result<Node>;

/// Every service of `doc` that extends another, resolved; `dir` is the
/// directory of `doc`'s file.
pub fn apply(doc: &mut Node, dir: &Path, read: ReadFile) -> Result<()> {
    let Some(services) = doc.get("services").cloned() else {
        return Ok(());
    };
    let Value::Map(list) = &services.value else {
        return Ok(());
    };
    let file = services.pos.file.display().to_string();
    let mut resolved = Vec::new();
    for (k, s) in list {
        if s.get("extends").is_some() {
            let mut stack = Vec::new();
            let node = resolve(&k.name, &services, &file, dir, read, &mut stack)?;
            resolved.push((k.name.clone(), node));
        }
    }
    if let Some(Node {
        value: Value::Map(entries),
        ..
    }) = doc.get_mut("services")
    {
        for (name, node) in resolved {
            if let Some(e) = entries.iter_mut().find(|(k, _)| k.name == name) {
                e.1 = node;
            }
        }
    }
    Ok(())
}

fn resolve(
    name: &str,
    services: &Node,
    file: &str,
    dir: &Path,
    read: ReadFile,
    stack: &mut Vec<(String, String)>,
) -> Result<Node> {
    let service = services
        .get(name)
        .ok_or_else(|| anyhow!("{file}: cannot extend service {name:?}: no such service"))?;
    let Some(ext) = service.get("extends") else {
        return Ok(service.clone());
    };
    let (base_name, base_file) = match &ext.value {
        Value::Scalar { text, .. } => (text.clone(), None),
        Value::Map(_) => {
            let s = ext
                .get("service")
                .and_then(|s| s.as_scalar())
                .ok_or_else(|| anyhow!("{}: extends.service is required", ext.pos))?;
            let f = ext
                .get("file")
                .and_then(|f| f.as_scalar())
                .map(str::to_string);
            (s.to_string(), f)
        }
        _ => bail!("{}: extends must be a service name or a mapping", ext.pos),
    };
    let here = (file.to_string(), name.to_string());
    if stack.contains(&here) {
        let mut chain: Vec<String> = stack.iter().map(|(f, s)| format!("{s} in {f}")).collect();
        chain.push(format!("{name} in {file}"));
        bail!(
            "{}: circular extends: {}",
            ext.pos,
            chain.join(", extends ")
        );
    }
    stack.push(here);
    let base = match base_file {
        None => resolve(&base_name, services, file, dir, read, stack)?,
        Some(f) => {
            let path = dir.join(&f);
            let path_text = path.display().to_string();
            let other = read(&path_text)?;
            let other_services = other
                .get("services")
                .ok_or_else(|| anyhow!("{path_text}: no services to extend"))?;
            let other_dir = path.parent().unwrap_or(dir);
            let mut base = resolve(
                &base_name,
                other_services,
                &path_text,
                other_dir,
                read,
                stack,
            )?;
            rebase(&mut base, other_dir);
            base
        }
    };
    stack.pop();
    let mut own = service.clone();
    if let Value::Map(entries) = &mut own.value {
        entries.retain(|(k, _)| k.name != "extends");
    }
    Ok(merge(base, own, &["services", name])?)
}

/// The relative paths of a service from another file made absolute
/// against that file's directory `dir`.
pub fn rebase(service: &mut Node, dir: &Path) {
    let abs = |p: &str| -> String {
        match p.starts_with('/') || p.starts_with('~') || p.contains("://") {
            true => p.to_string(),
            false => dir.join(p).display().to_string(),
        }
    };
    let fix = |n: &mut Node| {
        if let Value::Scalar { text, .. } = &mut n.value {
            *text = abs(text);
        }
    };
    if let Some(b) = service.get_mut("build") {
        match &b.value {
            Value::Scalar { .. } => fix(b),
            _ => {
                if let Some(c) = b.get_mut("context") {
                    fix(c);
                }
            }
        }
    }
    if let Some(e) = service.get_mut("env_file") {
        match &mut e.value {
            Value::Seq(items) => {
                for i in items {
                    match i.get_mut("path") {
                        Some(p) => fix(p),
                        None => fix(i),
                    }
                }
            }
            _ => fix(e),
        }
    }
    if let Some(Node {
        value: Value::Seq(mounts),
        ..
    }) = service.get_mut("volumes")
    {
        for m in mounts {
            let bind = m.get("type").and_then(|t| t.as_scalar()) == Some("bind");
            match &mut m.value {
                Value::Scalar { text, .. } if text.starts_with('.') => {
                    if let Some((src, rest)) = text.split_once(':') {
                        *text = format!("{}:{rest}", abs(src));
                    }
                }
                Value::Map(_) if bind => {
                    if let Some(s) = m.get_mut("source") {
                        fix(s);
                    }
                }
                _ => {}
            }
        }
    }
}
