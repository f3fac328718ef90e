//! Loading a compose project as docker compose does: which files (`-f`,
//! `COMPOSE_FILE`, or `compose.yaml` & co. found in the directory or a
//! parent, with its `compose.override.yaml`), the project directory, the
//! variables (the environment, then `.env` or `--env-file`), interpolation,
//! `extends`, the files merged ([`super::merge`]), the project name,
//! canonical form ([`super::canonical`]), profiles, and the checks that
//! need the whole project (an image or a build for each service,
//! `depends_on` targets, no dependency cycle, declared networks and volumes).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};

use super::canonical::{canonical, Context};
use super::interpolate::interpolate;
use super::merge::{merge, strip_resets};
use crate::yaml::{self, FileError, Node, Value};

/// What the user gave (`-f`, `-p`, `--project-directory`, `--env-file`,
/// `--profile`, `--no-interpolate`).
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub files: Vec<PathBuf>,
    pub project_name: Option<String>,
    pub project_dir: Option<PathBuf>,
    pub env_files: Vec<PathBuf>,
    pub profiles: Vec<String>,
    pub no_interpolate: bool,
}

/// A loaded project.
#[derive(Debug, Clone)]
pub struct Project {
    pub name: String,
    pub dir: PathBuf,
    pub files: Vec<PathBuf>,
    /// The model in canonical form, the enabled services only.
    pub model: Node,
    /// Services their profiles leave out, and every profile named.
    pub disabled: Vec<String>,
    pub profiles: BTreeSet<String>,
    /// To print on stderr.
    pub warnings: Vec<String>,
    /// The variables the files were read with: the environment, then the
    /// `.env` or `--env-file` files' (what `environment:` secrets read).
    pub vars: BTreeMap<String, String>,
}

/// The file names looked for, in this order, and their override files.
const FILE_NAMES: &[&str] = &[
    "compose.yaml",
    "compose.yml",
    "docker-compose.yml",
    "docker-compose.yaml",
];
const OVERRIDE_NAMES: &[&str] = &[
    "compose.override.yml",
    "compose.override.yaml",
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
];

/// Load the project `opts` names, from `cwd`, with the environment `os_env`.
pub fn load(opts: &LoadOptions, cwd: &Path, os_env: &BTreeMap<String, String>) -> Result<Project> {
    let mut warnings = Vec::new();
    // Variables: the environment wins over .env files, the first seen wins.
    let mut env = os_env.clone();
    let explicit_env = !opts.env_files.is_empty();
    let env_files: Vec<PathBuf> = match explicit_env {
        true => opts.env_files.iter().map(|f| cwd.join(f)).collect(),
        false => vec![opts
            .project_dir
            .as_deref()
            .map_or(cwd.to_path_buf(), |d| cwd.join(d))
            .join(".env")],
    };
    add_env_files(&mut env, &env_files, explicit_env)?;
    let files = config_files(opts, cwd, &env, &mut warnings)?;
    let dir = match (&opts.project_dir, files.first()) {
        (Some(d), _) => cwd.join(d),
        (None, Some(f)) if f != Path::new("-") => {
            f.parent().map_or(cwd.to_path_buf(), Path::to_path_buf)
        }
        _ => cwd.to_path_buf(),
    };
    if !explicit_env {
        add_env_files(&mut env, &[dir.join(".env")], false)?;
    }
    let lookup = |name: &str| env.get(name).cloned();

    let mut reader = Reader {
        no_interpolate: opts.no_interpolate,
        unset: BTreeSet::new(),
        warnings: Vec::new(),
        stack: Vec::new(),
    };
    let model = reader.files(&files, cwd, &lookup)?;
    warnings.append(&mut reader.warnings);
    for name in reader.unset {
        warnings.push(format!(
            "The \"{name}\" variable is not set. Defaulting to a blank string."
        ));
    }
    let Some(mut model) = model else {
        bail!("no configuration file provided: not found");
    };
    let name = project_name(opts, &model, &dir, &env)?;
    let mut cx = Context {
        name: &name,
        dir: &dir,
        env: &lookup,
        warnings: &mut warnings,
    };
    canonical(&mut model, &mut cx)?;
    let active = active_profiles(opts, &env);
    let (disabled, profiles) = apply_profiles(&mut model, &active);
    check(&model)?;
    Ok(Project {
        name,
        dir,
        files,
        model,
        disabled,
        profiles,
        warnings,
        vars: env,
    })
}

/// Reads compose files into one model: each file's documents interpolated,
/// its `include`s and `extends` resolved, all merged in order.
struct Reader {
    no_interpolate: bool,
    unset: BTreeSet<String>,
    warnings: Vec<String>,
    /// The files being read, outermost first (an include cycle is refused).
    stack: Vec<PathBuf>,
}

/// Top-level sections an included file brings in.
const INCLUDED: &[&str] = &["services", "volumes", "networks", "secrets", "configs"];

impl Reader {
    /// `files` merged, later over earlier (None: no file).
    fn files(
        &mut self,
        files: &[PathBuf],
        cwd: &Path,
        lookup: super::canonical::Vars,
    ) -> Result<Option<Node>> {
        let mut model: Option<Node> = None;
        for file in files {
            for mut doc in self.file(file, cwd, lookup)? {
                model = Some(match model {
                    None => {
                        strip_resets(&mut doc);
                        doc
                    }
                    Some(base) => merge(base, doc, &[])?,
                });
            }
        }
        Ok(model)
    }

    /// One file's documents, each interpolated, its includes and extends resolved.
    fn file(
        &mut self,
        file: &Path,
        cwd: &Path,
        lookup: super::canonical::Vars,
    ) -> Result<Vec<Node>> {
        if self.stack.iter().any(|f| f == file) {
            let chain: Vec<String> = self.stack.iter().map(|f| f.display().to_string()).collect();
            bail!(
                "include cycle detected: {} includes {}",
                chain.join(" includes "),
                file.display()
            );
        }
        let text = read(file)?;
        let docs = yaml::parse(&text, file)?;
        if docs.is_empty() {
            bail!("{}: empty compose file", file.display());
        }
        let dir = match file == Path::new("-") {
            true => cwd.to_path_buf(),
            false => file.parent().unwrap_or(cwd).to_path_buf(),
        };
        self.stack.push(file.to_path_buf());
        let mut out = Vec::new();
        for mut doc in docs {
            if !matches!(doc.value, Value::Map(_)) {
                bail!("{}: the top of a compose file must be a mapping", doc.pos);
            }
            if !self.no_interpolate {
                interpolate_node(&mut doc, &mut Vec::new(), lookup, &mut self.unset)?;
            }
            if let Some(v) = doc.get("version") {
                self.warnings.push(format!(
                    "{}: the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion",
                    v.pos
                ));
                remove_key(&mut doc, "version");
            }
            self.include(&mut doc, &dir, lookup)?;
            let no_interpolate = self.no_interpolate;
            super::extends::apply(&mut doc, &dir, &|t: &str| {
                read_doc(t, lookup, no_interpolate)
            })?;
            out.push(doc);
        }
        self.stack.pop();
        Ok(out)
    }

    /// `include:` of `doc` (in a file of `dir`): each included project read
    /// (its relative paths from its own project directory; variables from
    /// ours, then its env files), its services, volumes, networks, secrets
    /// and configs brought in; one `doc` defines too is `doc`'s merged over it.
    fn include(
        &mut self,
        doc: &mut Node,
        dir: &Path,
        lookup: super::canonical::Vars,
    ) -> Result<()> {
        let Some(inc) = doc.get("include").cloned() else {
            return Ok(());
        };
        remove_key(doc, "include");
        let Value::Seq(items) = &inc.value else {
            bail!("{}: `include` must be a list", inc.pos);
        };
        for item in items {
            let (paths, project_dir, env_files) = include_item(item, dir)?;
            let env = include_env(&env_files, &project_dir, item)?;
            let child = |k: &str| lookup(k).or_else(|| env.get(k).cloned());
            let Some(mut included) = self.files(&paths, dir, &child)? else {
                continue;
            };
            rebase_all(&mut included, &project_dir);
            for section in INCLUDED {
                let Some(Node {
                    value: Value::Map(entries),
                    ..
                }) = included.get(section).cloned()
                else {
                    continue;
                };
                for (key, node) in entries {
                    let path = [*section, key.name.as_str()];
                    let own = doc.get(section).and_then(|s| s.get(&key.name)).cloned();
                    let value = match own {
                        Some(own) => merge(node, own, &path)?,
                        None => node,
                    };
                    set_in(doc, section, key, value);
                }
            }
        }
        Ok(())
    }
}

/// An `include` item: its files, project directory and env files.
fn include_item(item: &Node, dir: &Path) -> Result<(Vec<PathBuf>, PathBuf, Vec<PathBuf>)> {
    let strings = |n: &Node, what: &str| -> Result<Vec<PathBuf>> {
        match &n.value {
            Value::Scalar { text, .. } => Ok(vec![dir.join(text)]),
            Value::Seq(list) => list
                .iter()
                .map(|i| {
                    i.as_scalar()
                        .map(|t| dir.join(t))
                        .ok_or_else(|| anyhow::anyhow!("{}: include {what} must be a path", i.pos))
                })
                .collect(),
            _ => bail!(
                "{}: include {what} must be a path or a list of paths",
                n.pos
            ),
        }
    };
    let (paths, project_dir, env_files) = match &item.value {
        Value::Scalar { .. } => (strings(item, "")?, None, Vec::new()),
        Value::Map(_) => {
            let path = item
                .get("path")
                .ok_or_else(|| anyhow::anyhow!("{}: an include without a path", item.pos))?;
            let project_dir = match item.get("project_directory") {
                Some(d) => Some(dir.join(d.as_scalar().ok_or_else(|| {
                    anyhow::anyhow!("{}: include project_directory must be a path", d.pos)
                })?)),
                None => None,
            };
            let env_files = match item.get("env_file") {
                Some(e) => strings(e, "env_file")?,
                None => Vec::new(),
            };
            (strings(path, "path")?, project_dir, env_files)
        }
        _ => bail!("{}: an include item must be a path or a mapping", item.pos),
    };
    for p in &paths {
        if !p.is_file() {
            bail!(
                "{}: include: {}: no such compose file",
                item.pos,
                p.display()
            );
        }
    }
    let project_dir = project_dir.unwrap_or_else(|| {
        paths
            .first()
            .and_then(|p| p.parent())
            .unwrap_or(dir)
            .to_path_buf()
    });
    Ok((paths, project_dir, env_files))
}

/// An include's own variables: its env files, else its project directory's `.env`.
fn include_env(
    files: &[PathBuf],
    project_dir: &Path,
    item: &Node,
) -> Result<BTreeMap<String, String>> {
    let mut env = BTreeMap::new();
    let (files, required) = match files.is_empty() {
        true => (vec![project_dir.join(".env")], false),
        false => (files.to_vec(), true),
    };
    add_env_files(&mut env, &files, required)
        .map_err(|e| anyhow::anyhow!("{}: include: {e:#}", item.pos))?;
    Ok(env)
}

/// Every service's relative paths (and the secrets' and configs' files) made
/// absolute against `dir`, an included project's directory.
fn rebase_all(model: &mut Node, dir: &Path) {
    if let Some(Node {
        value: Value::Map(services),
        ..
    }) = model.get_mut("services")
    {
        for (_, s) in services {
            super::extends::rebase(s, dir);
        }
    }
    for section in ["secrets", "configs"] {
        if let Some(Node {
            value: Value::Map(defs),
            ..
        }) = model.get_mut(section)
        {
            for (_, d) in defs {
                if let Some(f) = d.get_mut("file") {
                    if let Value::Scalar { text, .. } = &mut f.value {
                        if !text.starts_with('/') {
                            *text = dir.join(&*text).display().to_string();
                        }
                    }
                }
            }
        }
    }
}

/// `doc.section.key = value`, the section made if it is missing.
fn set_in(doc: &mut Node, section: &str, key: yaml::Key, value: Node) {
    if doc.get(section).is_none_or(Node::is_null) {
        remove_key(doc, section);
        if let Value::Map(entries) = &mut doc.value {
            entries.push((
                yaml::Key {
                    name: section.to_string(),
                    pos: key.pos.clone(),
                },
                Node::new(Value::Map(Vec::new()), key.pos.clone()),
            ));
        }
    }
    if let Some(Node {
        value: Value::Map(entries),
        ..
    }) = doc.get_mut(section)
    {
        match entries.iter_mut().find(|(k, _)| k.name == key.name) {
            Some(e) => e.1 = value,
            None => entries.push((key, value)),
        }
    }
}

/// `files`' variables added to `env` where it has none. A missing `.env` is
/// no error; a missing `--env-file` is.
fn add_env_files(
    env: &mut BTreeMap<String, String>,
    files: &[PathBuf],
    required: bool,
) -> Result<()> {
    let mut from_files: BTreeMap<String, String> = BTreeMap::new();
    for file in files {
        let text = match super::env_file::read(file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => continue,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                bail!("Couldn't find env file: {}", file.display())
            }
            Err(e) if file.is_dir() && !required => {
                let _ = e;
                continue;
            }
            Err(e) => return Err(e).with_context(|| format!("reading {}", file.display())),
        };
        let lookup = |k: &str| env.get(k).or_else(|| from_files.get(k)).cloned();
        let parsed = super::env_file::parse(&text, &lookup)
            .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        // Later files win over earlier ones.
        from_files.extend(parsed.vars);
    }
    for (k, v) in from_files {
        env.entry(k).or_insert(v);
    }
    Ok(())
}

/// The compose files: `-f`, else `COMPOSE_FILE`, else the first of the usual
/// names in `cwd` or a parent, and its override file.
fn config_files(
    opts: &LoadOptions,
    cwd: &Path,
    env: &BTreeMap<String, String>,
    warnings: &mut Vec<String>,
) -> Result<Vec<PathBuf>> {
    if !opts.files.is_empty() {
        return opts
            .files
            .iter()
            .map(|f| match f == Path::new("-") {
                true => Ok(f.clone()),
                false => existing(&cwd.join(f)),
            })
            .collect();
    }
    if let Some(list) = env.get("COMPOSE_FILE").filter(|l| !l.is_empty()) {
        let sep = env
            .get("COMPOSE_PATH_SEPARATOR")
            .and_then(|s| s.chars().next())
            .unwrap_or(':');
        return list.split(sep).map(|f| existing(&cwd.join(f))).collect();
    }
    let start = opts
        .project_dir
        .as_deref()
        .map_or(cwd.to_path_buf(), |d| cwd.join(d));
    for dir in start.ancestors() {
        let found: Vec<PathBuf> = FILE_NAMES
            .iter()
            .map(|n| dir.join(n))
            .filter(|p| p.is_file())
            .collect();
        let Some(first) = found.first() else {
            continue;
        };
        if found.len() > 1 {
            warnings.push(format!(
                "Found multiple config files with supported names: {}; using {}",
                names(&found),
                first.display()
            ));
        }
        let mut files = vec![first.clone()];
        let overrides: Vec<PathBuf> = OVERRIDE_NAMES
            .iter()
            .map(|n| dir.join(n))
            .filter(|p| p.is_file())
            .collect();
        if let Some(o) = overrides.first() {
            if overrides.len() > 1 {
                warnings.push(format!(
                    "Found multiple override files with supported names: {}; using {}",
                    names(&overrides),
                    o.display()
                ));
            }
            files.push(o.clone());
        }
        return Ok(files);
    }
    bail!(
        "no configuration file provided: not found (looked for {} in {} and its parents)",
        FILE_NAMES.join(", "),
        start.display()
    )
}

fn names(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn existing(path: &Path) -> Result<PathBuf> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(path.to_path_buf()),
        Ok(_) => bail!("{}: not a regular file", path.display()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{}: no such compose file", path.display())
        }
        Err(e) => bail!("{}: {e}", path.display()),
    }
}

/// A compose file's text (`-`: standard input), at most 16 MiB.
fn read(file: &Path) -> Result<String> {
    use std::io::Read;
    const MAX: u64 = 16 << 20;
    let mut text = String::new();
    let got = match file == Path::new("-") {
        true => std::io::stdin().take(MAX + 1).read_to_string(&mut text),
        false => super::env_file::open_regular(file).and_then(|f| {
            // Not a FIFO or a device, which could block or never end.
            if !f.metadata()?.is_file() {
                return Err(std::io::Error::other("not a regular file"));
            }
            f.take(MAX + 1).read_to_string(&mut text)
        }),
    };
    got.with_context(|| format!("reading {}", file.display()))?;
    if text.len() as u64 > MAX {
        bail!(
            "{}: a compose file larger than 16 MiB is refused",
            file.display()
        );
    }
    Ok(text)
}

/// Another file (of `extends`) read and interpolated: its first document.
fn read_doc(
    file: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
    no_interpolate: bool,
) -> Result<Node> {
    let path = Path::new(file);
    let text = read(path)?;
    let mut docs = yaml::parse(&text, path)?;
    if docs.is_empty() {
        bail!("{file}: empty compose file");
    }
    let mut doc = docs.remove(0);
    if !no_interpolate {
        interpolate_node(&mut doc, &mut Vec::new(), lookup, &mut BTreeSet::new())?;
    }
    Ok(doc)
}

/// Every scalar value of `node` interpolated; `path` is where it is
/// (`services.web.environment.A`; list items as `[]`).
fn interpolate_node(
    node: &mut Node,
    path: &mut Vec<String>,
    lookup: &dyn Fn(&str) -> Option<String>,
    unset: &mut BTreeSet<String>,
) -> Result<(), FileError> {
    match &mut node.value {
        Value::Scalar { text, .. } if text.contains('$') => {
            let done = interpolate(text, lookup).map_err(|e| {
                FileError::new(
                    &node.pos,
                    format!("error while interpolating {}: {e}", path.join(".")),
                )
            })?;
            *text = done.value;
            unset.extend(done.unset);
        }
        Value::Seq(items) => {
            path.push("[]".into());
            for item in items {
                interpolate_node(item, path, lookup, unset)?;
            }
            path.pop();
        }
        Value::Map(entries) => {
            for (k, v) in entries {
                path.push(k.name.clone());
                interpolate_node(v, path, lookup, unset)?;
                path.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

fn remove_key(node: &mut Node, key: &str) {
    if let Value::Map(entries) = &mut node.value {
        entries.retain(|(k, _)| k.name != key);
    }
}

/// Whether `name` is a project name as docker compose takes it from `-p`.
pub fn valid_name(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A name made a project name: lowercase, `[a-z0-9_-]` kept, no `_` or `-` first.
pub fn normalize_name(name: &str) -> String {
    let kept: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
        .collect();
    kept.trim_start_matches(['_', '-']).to_string()
}

/// `-p`, else `COMPOSE_PROJECT_NAME`, else the files' `name:`, else the
/// project directory's name.
fn project_name(
    opts: &LoadOptions,
    model: &Node,
    dir: &Path,
    env: &BTreeMap<String, String>,
) -> Result<String> {
    let given = opts.project_name.clone().or_else(|| {
        env.get("COMPOSE_PROJECT_NAME")
            .filter(|n| !n.is_empty())
            .cloned()
    });
    if let Some(name) = given {
        if !valid_name(&name) {
            bail!("invalid project name {name:?}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number");
        }
        return Ok(name);
    }
    let from = match model
        .get("name")
        .and_then(|n| n.as_scalar())
        .filter(|n| !n.is_empty())
    {
        Some(n) => n.to_string(),
        None => dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default(),
    };
    let name = normalize_name(&from);
    if name.is_empty() {
        bail!("project name must not be empty (from {from:?}): give one with -p");
    }
    Ok(name)
}

/// `--profile`, else `COMPOSE_PROFILES` (comma-separated).
fn active_profiles(opts: &LoadOptions, env: &BTreeMap<String, String>) -> Vec<String> {
    match opts.profiles.is_empty() {
        false => opts.profiles.clone(),
        true => env
            .get("COMPOSE_PROFILES")
            .map(|p| {
                p.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Services whose profiles are all inactive taken out: their names, and
/// every profile the file names.
fn apply_profiles(model: &mut Node, active: &[String]) -> (Vec<String>, BTreeSet<String>) {
    let mut disabled = Vec::new();
    let mut all = BTreeSet::new();
    if let Some(Node {
        value: Value::Map(services),
        ..
    }) = model.get_mut("services")
    {
        services.retain(|(k, s)| {
            let profiles: Vec<String> = match s.get("profiles").map(|p| &p.value) {
                Some(Value::Seq(items)) => items
                    .iter()
                    .filter_map(|i| i.as_scalar())
                    .map(str::to_string)
                    .collect(),
                _ => Vec::new(),
            };
            all.extend(profiles.iter().cloned());
            let on = profiles.is_empty() || active.iter().any(|a| a == "*" || profiles.contains(a));
            if !on {
                disabled.push(k.name.clone());
            }
            on
        });
    }
    (disabled, all)
}

/// The checks that need the whole project.
fn check(model: &Node) -> Result<()> {
    let Some(Node {
        value: Value::Map(services),
        ..
    }) = model.get("services")
    else {
        return Ok(());
    };
    let declared = |kind: &str, name: &str| model.get(kind).and_then(|k| k.get(name)).is_some();
    for (k, s) in services {
        let at = &k.pos;
        if s.get("image").is_none() && s.get("build").is_none() {
            bail!(
                "{at}: service {:?} has neither an image nor a build context specified",
                k.name
            );
        }
        if let Some(Node {
            value: Value::Map(deps),
            ..
        }) = s.get("depends_on")
        {
            for (dep, spec) in deps {
                let required = spec.get("required").and_then(|r| r.as_scalar()) != Some("false");
                if required && !services.iter().any(|(o, _)| o.name == dep.name) {
                    bail!(
                        "{}: service {:?} depends on undefined service {:?}",
                        dep.pos,
                        k.name,
                        dep.name
                    );
                }
            }
        }
        if let Some(Node {
            value: Value::Map(nets),
            ..
        }) = s.get("networks")
        {
            for (net, _) in nets {
                if !declared("networks", &net.name) {
                    bail!(
                        "{}: service {:?} refers to undefined network {}",
                        net.pos,
                        k.name,
                        net.name
                    );
                }
            }
        }
        if s.get("networks").is_some() && s.get("network_mode").is_some() {
            bail!(
                "{at}: service {} declares mutually exclusive `network_mode` and `networks`",
                k.name
            );
        }
        if let Some(Node {
            value: Value::Seq(mounts),
            ..
        }) = s.get("volumes")
        {
            for m in mounts {
                let named = m.get("type").and_then(|t| t.as_scalar()) == Some("volume");
                if let (true, Some(src)) = (named, m.get("source").and_then(|v| v.as_scalar())) {
                    if !declared("volumes", src) {
                        bail!(
                            "{}: service {:?} refers to undefined volume {src}",
                            m.pos,
                            k.name
                        );
                    }
                }
            }
        }
    }
    if let Err(e) = super::graph::start_order(model) {
        let at = model
            .get("services")
            .map(|s| s.pos.to_string())
            .unwrap_or_default();
        bail!("{at}: {e}");
    }
    Ok(())
}
