//! `extends`: a service made from another one, of the same file
//! (`extends: base` or `{service: base}`) or of another file
//! (`{file: common.yml, service: base}`), its own keys merged over the base's
//! by the rules of several files ([`super::merge`]). The base's relative paths
//! (build context, env_file, bind mounts) are relative to its own file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};

use super::merge::merge;
use crate::yaml::{Node, Value};

/// Reads another compose file: its (interpolated) first document.
pub type ReadFile<'a> = &'a dyn Fn(&str) -> Result<Node>;

/// A chain of `extends` longer than this is refused.
const MAX_CHAIN: usize = 64;

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
    let mut resolver = Resolver {
        read,
        files: HashMap::new(),
        done: HashMap::new(),
        stack: Vec::new(),
    };
    let mut resolved = Vec::new();
    for (k, s) in list {
        if s.get("extends").is_some() {
            let node = resolver.resolve(&k.name, &services, &file, dir)?;
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

/// Resolves the `extends` of one file's services: other files read once,
/// each service resolved once.
struct Resolver<'a> {
    read: ReadFile<'a>,
    /// Other files read, by their canonical path.
    files: HashMap<PathBuf, Node>,
    /// Services resolved, by (file, name).
    done: HashMap<(String, String), Node>,
    /// The chain being resolved.
    stack: Vec<(String, String)>,
}

impl Resolver<'_> {
    /// Service `name` of `services` (of `file`, in `dir`), its base merged under it.
    fn resolve(&mut self, name: &str, services: &Node, file: &str, dir: &Path) -> Result<Node> {
        let here = (file.to_string(), name.to_string());
        if let Some(done) = self.done.get(&here) {
            return Ok(done.clone());
        }
        let service = services.get(name).ok_or_else(|| {
            anyhow!(
                "{}: cannot extend service {name:?} of {file}: no such service",
                self.stack
                    .last()
                    .map_or(file.to_string(), |(f, s)| format!("{f} ({s})"))
            )
        })?;
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
        if self.stack.contains(&here) {
            let mut chain: Vec<String> = self
                .stack
                .iter()
                .map(|(f, s)| format!("{s} in {f}"))
                .collect();
            chain.push(format!("{name} in {file}"));
            bail!(
                "{}: circular extends: {}",
                ext.pos,
                chain.join(", extends ")
            );
        }
        if self.stack.len() >= MAX_CHAIN {
            bail!(
                "{}: extends chains longer than {MAX_CHAIN} are refused",
                ext.pos
            );
        }
        self.stack.push(here.clone());
        let base = match base_file {
            None => self.resolve(&base_name, services, file, dir),
            Some(f) => self.in_file(&base_name, &dir.join(&f), dir, ext),
        };
        self.stack.pop();
        let mut own = service.clone();
        if let Value::Map(entries) = &mut own.value {
            entries.retain(|(k, _)| k.name != "extends");
        }
        let merged = merge(base?, own, &["services", name])?;
        self.done.insert(here, merged.clone());
        Ok(merged)
    }

    /// Service `name` of the compose file `path`, its relative paths made
    /// absolute against that file's directory.
    fn in_file(&mut self, name: &str, path: &Path, dir: &Path, ext: &Node) -> Result<Node> {
        let path = std::fs::canonicalize(path)
            .with_context(|| format!("{}: extends file {}", ext.pos, path.display()))?;
        let text = path.display().to_string();
        if !self.files.contains_key(&path) {
            let other = (self.read)(&text).with_context(|| format!("{}: extends", ext.pos))?;
            self.files.insert(path.clone(), other);
        }
        let other_services = self
            .files
            .get(&path)
            .and_then(|o| o.get("services"))
            .cloned()
            .ok_or_else(|| anyhow!("{}: {text}: no services to extend", ext.pos))?;
        let other_dir = path.parent().unwrap_or(dir).to_path_buf();
        let mut base = self.resolve(name, &other_services, &text, &other_dir)?;
        rebase(&mut base, &other_dir);
        Ok(base)
    }
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
