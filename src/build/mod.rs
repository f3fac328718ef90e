//! `husk build`: a Dockerfile into an image, on husk's own store and runtime.
//!
//! The Dockerfile is parsed (`dockerfile.rs`), split into global ARGs and
//! stages; the stages the target needs are built in order. Each step either
//! changes the config (`stage.rs`), runs a command in a container (`run.rs`),
//! or copies files into a new layer (`copy.rs`). Every step has a cache key
//! (its parent's key and what it is: `cache.rs`); a step whose key has an
//! entry whose layer is still stored is not run again. The target stage's
//! state is written as an image (`image::write`).

pub mod archive;
pub mod cache;
pub mod context;
pub mod copy;
pub mod dockerfile;
pub mod expand;
pub mod flags;
pub mod ignore;
pub mod remote;
pub mod run;
pub mod stage;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value};

use crate::config::Config;
use crate::container::options::PullPolicy;
use crate::digest::Digest;
use crate::image::pull::PullOptions;
use crate::layer::pack::{Attrs, LayerTar};
use crate::overlay::merged::MergedView;
use crate::progress::Progress;
use crate::store::images::ImageRecord;
use crate::store::tmp::TempEntry;
use crate::store::Store;
use dockerfile::{Dockerfile, Instruction};
use stage::State;

/// A COPY or ADD of at least this many bytes shows a progress bar (on a terminal).
const PROGRESS_BYTES: u64 = 32 << 20;

/// ARGs any Dockerfile may use without declaring them (docker's predefined ARGs).
const PROXY_ARGS: &[&str] = &[
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
];

/// What `husk build` was asked, checked.
pub struct BuildOptions {
    pub context: context::Source,
    /// `-f`: a path, or `-` for stdin.
    pub file: Option<PathBuf>,
    /// `-t` names, already in their stored form (`image::write::local_name`).
    pub tags: Vec<String>,
    pub build_args: BTreeMap<String, String>,
    pub target: Option<String>,
    pub labels: Vec<(String, String)>,
    pub quiet: bool,
    pub no_cache: bool,
    pub pull: PullPolicy,
    pub network: crate::network::NetworkSettings,
    /// `--secret id=ID,src=PATH|env=VAR`.
    pub secrets: BTreeMap<String, SecretSource>,
    /// `--build-context NAME=DIR`.
    pub build_contexts: BTreeMap<String, PathBuf>,
    /// `--timestamp` / SOURCE_DATE_EPOCH: every time in the image is this.
    pub timestamp: Option<u64>,
    pub driver: String,
    /// How base images are pulled (platform, TLS, credentials, progress).
    pub pull_options: PullOptions,
    /// What every RUN step's container gets (`--volume`, `--cap-add`, `--dns`…).
    pub step: flags::StepSettings,
    /// What the flags change in the image (`--env`, `--unsetlabel`, `--squash`…).
    pub edits: ImageEdits,
    /// `--from`: the image the first FROM names instead.
    pub from: Option<String>,
    /// `--ignorefile`: the ignore file instead of .containerignore/.dockerignore.
    pub ignorefile: Option<PathBuf>,
    /// `--cache-ttl`: cached steps older than this are run again.
    pub cache_ttl: Option<std::time::Duration>,
    /// `--skip-unused-stages=false`: every stage is built, not only the target's.
    pub all_stages: bool,
    /// `--no-cache-filter`: stages (by name) whose steps all run again.
    pub no_cache_stages: Vec<String>,
    /// `--cache-from`, `--cache-to`: the cache in registry repositories.
    pub remote_cache: remote::RemoteCache,
    /// `--mount`: a `RUN --mount` every RUN gets (checked by `run::RunMount::parse`).
    pub run_mounts: Vec<String>,
}

impl BuildOptions {
    /// A build of `context` with every flag at its default (pull what is
    /// missing, cache, the default network), base images pulled with `pull_options`.
    pub fn defaults(
        context: context::Source,
        driver: &str,
        pull_options: PullOptions,
    ) -> Result<BuildOptions> {
        Ok(BuildOptions {
            context,
            file: None,
            tags: Vec::new(),
            build_args: BTreeMap::new(),
            target: None,
            labels: Vec::new(),
            quiet: false,
            no_cache: false,
            pull: PullPolicy::Missing,
            network: crate::network::NetworkFlags::default().resolve(&[])?,
            secrets: BTreeMap::new(),
            build_contexts: BTreeMap::new(),
            timestamp: None,
            driver: driver.to_string(),
            pull_options,
            step: flags::StepFlags::default().resolve()?,
            edits: Default::default(),
            from: None,
            ignorefile: None,
            cache_ttl: None,
            all_stages: false,
            no_cache_stages: Vec::new(),
            remote_cache: Default::default(),
            run_mounts: Vec::new(),
        })
    }
}

/// `--build-arg`s as values: `KEY=VALUE`, or `KEY` alone for this
/// process's variable of that name (left out if it has none).
pub fn build_arg_values(list: &[String]) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for l in list {
        match l.split_once('=') {
            Some((k, v)) if !k.is_empty() => {
                out.insert(k.to_string(), v.to_string());
            }
            Some(_) => bail!("invalid --build-arg {l:?}: KEY=VALUE"),
            None => {
                if let Ok(v) = std::env::var(l) {
                    out.insert(l.clone(), v);
                }
            }
        }
    }
    Ok(out)
}

/// Where a `--secret` comes from.
#[derive(Debug, Clone)]
pub enum SecretSource {
    File(PathBuf),
    /// `env=VAR`: the value of this command's variable (written to a
    /// private temporary file for the steps that mount it).
    Env(String),
}

/// Which layers `--squash` and `--squash-all` merge.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Squash {
    #[default]
    None,
    /// The layers this build made, into one on top of the base image's.
    New,
    /// Every layer, into one.
    All,
}

/// What `husk build`'s flags change in the image it writes.
#[derive(Debug, Default, Clone)]
pub struct ImageEdits {
    /// `--env KEY=VALUE`: set in every stage from its FROM on (RUN sees it).
    pub env: Vec<(String, String)>,
    /// `--unsetenv`: removed from the image.
    pub unsetenv: Vec<String>,
    /// `--unsetlabel`: removed from the image.
    pub unset_labels: Vec<String>,
    /// `--inherit-labels=false`: a stage starts without its base's labels.
    pub no_inherited_labels: bool,
    /// `--omit-history`: the image has no history.
    pub omit_history: bool,
    /// `--annotation`s of the image's manifest.
    pub annotations: BTreeMap<String, String>,
    /// `--inherit-annotations=false`: the base image's are not kept.
    pub no_inherited_annotations: bool,
    /// `--unsetannotation`: left out.
    pub unset_annotations: Vec<String>,
    /// `--created-annotation` (the default): org.opencontainers.image.created.
    pub created_annotation: bool,
    /// `--os-version`, `--os-feature`s of the image's config.
    pub os_version: Option<String>,
    pub os_features: Vec<String>,
    pub squash: Squash,
}

/// What a build made.
pub struct Built {
    pub image: ImageRecord,
    /// Layers of the target stage's image (for `-o type=tar`).
    pub layers: Vec<Digest>,
}

/// One stage of the Dockerfile.
struct Stage {
    name: Option<String>,
    from: Instruction,
    steps: Vec<Instruction>,
}

/// Build the Dockerfile; `out` gets the steps (nothing with `quiet`).
pub fn build(
    store: &Store,
    config: &Config,
    opts: &BuildOptions,
    out: &mut dyn Write,
) -> Result<Built> {
    // No collection while this build refers to layers no image holds yet.
    let _gc = store.gc_guard()?;
    let fetch = |url: &str| -> Result<Box<dyn std::io::Read>> { fetch_url(url) };
    let (ctx, text) = context::open(
        store,
        &opts.context,
        opts.file.as_deref(),
        opts.ignorefile.as_deref(),
        &fetch,
    )?;
    let df = dockerfile::parse(&text.text, &text.name)?;
    let mut b = Builder {
        store,
        config,
        opts,
        out,
        file: text.name.clone(),
        escape: df.escape,
        ctx,
        cache: cache::Cache::new(store, !opts.no_cache).with_ttl(opts.cache_ttl),
        used_args: Vec::new(),
        step: 0,
        total: 0,
        stage_label: String::new(),
        mounts: Vec::new(),
        unreachable: Vec::new(),
    };
    for note in &df.notes {
        b.say(&format!("note: {note}"))?;
    }
    let (global, stages) = split_stages(&df, &text.name)?;
    let global = b.global_args(&global)?;
    let target = match &opts.target {
        Some(t) => stages
            .iter()
            .position(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(t)))
            .with_context(|| format!("target stage {t:?} could not be found"))?,
        None => stages.len() - 1,
    };
    let mut needed = needed_stages(&stages, target, &global, df.escape)?;
    if opts.all_stages {
        needed = vec![true; stages.len()];
    }
    b.total = 0;
    let mut done: Vec<Option<State>> = vec![None; stages.len()];
    let count = needed.iter().filter(|n| **n).count();
    let mut nth = 0;
    for (i, stage) in stages.iter().enumerate() {
        if !needed[i] {
            continue;
        }
        nth += 1;
        b.stage_label = if count > 1 {
            format!("[{nth}/{count}] ")
        } else {
            String::new()
        };
        b.step = 0;
        b.total = stage.steps.len() + 1;
        let uncached = stage.name.as_deref().is_some_and(|n| {
            opts.no_cache_stages
                .iter()
                .any(|f| f.eq_ignore_ascii_case(n))
        });
        b.cache.lookup = !opts.no_cache && !uncached;
        let state = b.build_stage(stage, &stages, &done, &global)?;
        done[i] = Some(state);
    }
    let mut state = done[target]
        .take()
        .context("the target stage was not built")?;
    b.finish_labels(&mut state)?;
    b.warn_unused_args()?;
    b.apply_edits(&mut state)?;
    let image = b.write_image(&state)?;
    Ok(Built {
        layers: state.layers.clone(),
        image,
    })
}

/// A step that failed: the file, line and instruction, and why.
#[derive(Debug)]
pub struct StepError {
    pub message: String,
    /// A RUN's exit code.
    pub code: Option<i32>,
}

impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StepError {}

/// Global ARGs (before the first FROM) and the stages.
fn split_stages(df: &Dockerfile, file: &str) -> Result<(Vec<Instruction>, Vec<Stage>)> {
    let mut global = Vec::new();
    let mut stages: Vec<Stage> = Vec::new();
    for ins in &df.instructions {
        if ins.keyword == "FROM" {
            let words = expand::split_words(&ins.args, df.escape);
            let name = match words.as_slice() {
                [_] => None,
                [_, as_, name] if as_.eq_ignore_ascii_case("as") => Some(name.to_ascii_lowercase()),
                _ => bail!("{file}:{}: FROM: expected IMAGE [AS NAME]", ins.line),
            };
            if let Some(n) = &name {
                if stages.iter().any(|s| s.name.as_ref() == Some(n)) {
                    bail!("{file}:{}: the stage name {n:?} is used twice", ins.line);
                }
            }
            stages.push(Stage {
                name,
                from: ins.clone(),
                steps: Vec::new(),
            });
            continue;
        }
        match stages.last_mut() {
            Some(s) => s.steps.push(ins.clone()),
            None if ins.keyword == "ARG" => global.push(ins.clone()),
            None => bail!(
                "{file}:{}: {} before the first FROM: only ARG may come before FROM",
                ins.line,
                ins.keyword
            ),
        }
    }
    if stages.is_empty() {
        bail!("{file}: no FROM instruction: a Dockerfile starts from an image (FROM IMAGE, or FROM scratch)");
    }
    Ok((global, stages))
}

/// The platform ARGs docker defines (the host's: husk builds for it).
fn platform_args() -> Vec<(String, Option<String>)> {
    let p = crate::image::platform::Platform::host();
    let platform = match &p.variant {
        Some(v) => format!("{}/{}/{v}", p.os, p.architecture),
        None => format!("{}/{}", p.os, p.architecture),
    };
    let mut out = Vec::new();
    for pre in ["TARGET", "BUILD"] {
        out.push((format!("{pre}PLATFORM"), Some(platform.clone())));
        out.push((format!("{pre}OS"), Some(p.os.clone())));
        out.push((format!("{pre}ARCH"), Some(p.architecture.clone())));
        out.push((
            format!("{pre}VARIANT"),
            Some(p.variant.clone().unwrap_or_default()),
        ));
    }
    out
}

/// Which stages the target needs: itself, its FROM stage, and the stages its
/// COPY --from and RUN --mount from= name, transitively.
fn needed_stages(
    stages: &[Stage],
    target: usize,
    global: &[(String, Option<String>)],
    escape: char,
) -> Result<Vec<bool>> {
    let mut needed = vec![false; stages.len()];
    let mut todo = vec![target];
    let vars = |n: &str| {
        global
            .iter()
            .rev()
            .find(|(k, _)| k == n)
            .and_then(|(_, v)| v.clone())
    };
    while let Some(i) = todo.pop() {
        if needed[i] {
            continue;
        }
        needed[i] = true;
        let mut refs = Vec::new();
        let image = expand::split_words(&stages[i].from.args, escape)
            .into_iter()
            .next()
            .unwrap_or_default();
        refs.push(expand::expand(&image, &vars, escape)?);
        for s in &stages[i].steps {
            if let Ok(Some(f)) = s.flag("from") {
                refs.push(f.to_string());
            }
            for m in s.flag_values("mount") {
                if let Some(f) = m.split(',').find_map(|p| p.strip_prefix("from=")) {
                    refs.push(f.to_string());
                }
            }
        }
        for r in refs {
            if let Some(j) = stage_index(stages, &r) {
                if j >= i {
                    bail!("circular dependency detected on stage: {r}");
                }
                todo.push(j);
            }
        }
    }
    Ok(needed)
}

/// The stage `r` names (its name, or its index), if any.
fn stage_index(stages: &[Stage], r: &str) -> Option<usize> {
    stages
        .iter()
        .position(|s| s.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(r)))
        .or_else(|| r.parse::<usize>().ok().filter(|i| *i < stages.len()))
}

struct Builder<'a> {
    store: &'a Store,
    config: &'a Config,
    opts: &'a BuildOptions,
    out: &'a mut dyn Write,
    file: String,
    escape: char,
    ctx: context::BuildContext,
    cache: cache::Cache<'a>,
    /// Build args some ARG consumed.
    used_args: Vec<String>,
    step: usize,
    total: usize,
    stage_label: String,
    /// Copies of stages that `RUN --mount=type=bind,from=` binds (removed when dropped).
    mounts: Vec<TempEntry>,
    /// `--cache-from` repositories that failed: not asked again.
    unreachable: Vec<String>,
}

/// Where `--from` sources are read.
enum Source {
    /// A host directory: the context or a `--build-context`.
    Dir(PathBuf),
    /// A stage's or image's layers.
    Layers(Vec<Digest>),
}

impl Builder<'_> {
    fn say(&mut self, line: &str) -> Result<()> {
        if !self.opts.quiet {
            writeln!(self.out, "{line}")?;
            self.out.flush()?;
        }
        Ok(())
    }

    fn announce(&mut self, ins: &Instruction) -> Result<()> {
        self.step += 1;
        let line = format!(
            "{}STEP {}/{}: {}",
            self.stage_label,
            self.step,
            self.total,
            ins.text()
        );
        self.say(&line)
    }

    /// The values of the global ARGs (build args over defaults), with the platform ARGs.
    fn global_args(&mut self, global: &[Instruction]) -> Result<Vec<(String, Option<String>)>> {
        let mut st = State::from_config(json!({}), vec![], Digest::of(b""), self.escape);
        st.args = platform_args();
        for ins in global {
            let names: Vec<String> = stage::apply(ins, &mut st, &self.opts.build_args, &[])
                .map(|_| st.args.iter().map(|(k, _)| k.clone()).collect())
                .map_err(|e| self.locate(ins, e))?;
            self.used_args.extend(names);
        }
        Ok(st.args)
    }

    fn locate(&self, ins: &Instruction, e: anyhow::Error) -> anyhow::Error {
        if e.downcast_ref::<StepError>().is_some() {
            return e;
        }
        let code = e.downcast_ref::<run::RunFailed>().map(|r| r.0);
        anyhow!(StepError {
            message: format!("{}:{}: {}: {e:#}", self.file, ins.line, ins.keyword),
            code,
        })
    }

    fn build_stage(
        &mut self,
        stage: &Stage,
        stages: &[Stage],
        done: &[Option<State>],
        global: &[(String, Option<String>)],
    ) -> Result<State> {
        self.announce(&stage.from)?;
        // `--from` names the image of the first FROM instead.
        let first = std::ptr::eq(stage, &stages[0]);
        let base = self.opts.from.as_deref().filter(|_| first);
        let mut state = self
            .from(&stage.from, base, stages, done, global)
            .map_err(|e| self.locate(&stage.from, e))?;
        self.start_edits(&mut state);
        // The base's ONBUILD triggers run first; the new image has none of its own yet.
        let triggers = stage::strings(state.config().get("OnBuild"));
        state.config_mut().remove("OnBuild");
        for t in triggers {
            let df = dockerfile::parse(&t, "ONBUILD")?;
            for ins in &df.instructions {
                self.say(&format!("ONBUILD {}", ins.text()))?;
                self.step_in(ins, &mut state, stages, done, global)
                    .map_err(|e| self.locate(ins, e))?;
            }
        }
        for ins in &stage.steps {
            self.announce(ins)?;
            self.step_in(ins, &mut state, stages, done, global)
                .map_err(|e| self.locate(ins, e))?;
        }
        Ok(state)
    }

    /// The state FROM starts: scratch, an earlier stage, or an image (pulled as --pull says).
    fn from(
        &mut self,
        ins: &Instruction,
        base: Option<&str>,
        stages: &[Stage],
        done: &[Option<State>],
        global: &[(String, Option<String>)],
    ) -> Result<State> {
        ins.allow_flags(&["platform"])?;
        let vars = |n: &str| {
            global
                .iter()
                .rev()
                .find(|(k, _)| k == n)
                .and_then(|(_, v)| v.clone())
        };
        let raw = expand::split_words(&ins.args, self.escape)
            .into_iter()
            .next()
            .unwrap_or_default();
        let name = match base {
            Some(b) => b.to_string(),
            None => expand::expand(&raw, &vars, self.escape)?,
        };
        if name.is_empty() {
            bail!("FROM {raw}: the image name is empty");
        }
        if name == "scratch" {
            let image = json!({
                "architecture": crate::image::platform::Platform::host().architecture,
                "os": "linux",
                "config": {"Env": [stage::DEFAULT_PATH]},
            });
            return Ok(State::from_config(
                image,
                vec![],
                cache::key(&Digest::of(b""), "scratch"),
                self.escape,
            ));
        }
        if let Some(j) = stage_index(stages, &name).filter(|j| done[*j].is_some()) {
            let mut st = done[j].clone().expect("built");
            st.args.clear();
            st.cmd_set_here = false;
            return Ok(st);
        }
        let mut pull = self.opts.pull_options.clone();
        if let Some(p) = ins.flag("platform")? {
            pull.platform = Some(expand::expand(p, &vars, self.escape)?.parse()?);
        }
        let image =
            crate::image::pull::ensure(self.store, self.config, &name, self.opts.pull, &pull)?;
        let config: Value = serde_json::from_slice(&self.store.get_blob(&image.id)?)
            .context("parsing the base image's config")?;
        let key = cache::key(&Digest::of(b""), &format!("image {}", image.id));
        let mut state = State::from_config(config, image.layers.clone(), key, self.escape);
        state.annotations = crate::image::inspect::manifest_annotations(self.store, &image);
        Ok(state)
    }

    fn step_in(
        &mut self,
        ins: &Instruction,
        state: &mut State,
        stages: &[Stage],
        done: &[Option<State>],
        global: &[(String, Option<String>)],
    ) -> Result<()> {
        match ins.keyword.as_str() {
            "RUN" => self.run(ins, state, stages, done),
            "COPY" | "ADD" => self.copy(ins, state, stages, done),
            "FROM" => bail!("FROM inside a stage"),
            _ => {
                if ins.keyword != "HEALTHCHECK" {
                    ins.allow_flags(&[])?;
                }
                let before = state.args.len();
                let text = stage::apply(ins, state, &self.opts.build_args, global)?;
                for (k, _) in &state.args[before..] {
                    self.used_args.push(k.clone());
                }
                if ins.keyword == "ARG" {
                    // Predefined platform ARGs get their values when a stage declares them.
                    let platform = platform_args();
                    for a in state.args[before..].iter_mut() {
                        if a.1.is_none() {
                            if let Some((_, v)) = platform.iter().find(|(k, _)| *k == a.0) {
                                a.1 = v.clone();
                            }
                        }
                    }
                }
                let described = format!("{text}\n{}", serde_json::to_string(state.config())?);
                self.finish_step(state, &described, text, None, false)
            }
        }
    }

    /// Record a step: its cache entry (or the one it came from), history and layer.
    fn finish_step(
        &mut self,
        state: &mut State,
        described: &str,
        created_by: String,
        made: Option<cache::Entry>,
        announce_new: bool,
    ) -> Result<()> {
        let key = cache::key(&state.key, described);
        let entry = match made {
            Some(m) => m,
            None => match self.cache.get(&key) {
                Some(e) => e,
                None => self.new_entry(None),
            },
        };
        self.cache.put(&key, &entry)?;
        state.key = key.clone();
        state.history(&entry.created, created_by, entry.layer.is_none());
        if let Some(l) = &entry.layer {
            state.layers.push(l.clone());
        }
        // A step that ran a command or copied files: into the registry cache too.
        if announce_new && !self.opts.remote_cache.to.is_empty() {
            let push = crate::image::push::PushOptions::parse(self.quiet_registry(), None, None)?;
            remote::save(
                self.store,
                self.config,
                &self.opts.remote_cache,
                &key,
                &state.layers,
                &entry,
                &push,
            )?;
        }
        if announce_new {
            self.say(&format!("--> {}", &key.hex()[..12]))?;
        }
        Ok(())
    }

    /// A cached result of a step that makes a layer, if there is one.
    fn cached(&mut self, state: &State, described: &str) -> Result<Option<cache::Entry>> {
        let key = cache::key(&state.key, described);
        if let Some(e) = self.cache.get(&key) {
            self.say(&format!("--> Using cache {}", &key.hex()[..12]))?;
            return Ok(Some(e));
        }
        if !self.cache.lookup || self.opts.remote_cache.from.is_empty() {
            return Ok(None);
        }
        let found = remote::lookup(
            self.store,
            self.config,
            &self.opts.remote_cache,
            &key,
            &state.layers,
            &self.quiet_registry(),
            &mut self.unreachable,
        );
        match found {
            Some((e, repo)) => {
                self.say(&format!("--> Using cache {} from {repo}", &key.hex()[..12]))?;
                Ok(Some(e))
            }
            None => Ok(None),
        }
    }

    /// The registry options of base pulls, without progress (the cache's own traffic).
    fn quiet_registry(&self) -> PullOptions {
        PullOptions {
            progress: Progress::Quiet,
            ..self.opts.pull_options.clone()
        }
    }

    /// The cache entry of a step that ran now and made `layer`.
    fn new_entry(&self, layer: Option<Digest>) -> cache::Entry {
        cache::Entry {
            layer,
            created: crate::image::write::timestamp(self.opts.timestamp),
            made: Some(unix_now()),
        }
    }

    fn run(
        &mut self,
        ins: &Instruction,
        state: &mut State,
        stages: &[Stage],
        done: &[Option<State>],
    ) -> Result<()> {
        ins.allow_flags(&["mount", "network", "security"])?;
        if let Some(s) = ins.flag("security")? {
            if s != "sandbox" {
                bail!("RUN --security={s}: only sandbox (the default) is supported");
            }
        }
        let argv = run_command(ins, state);
        let mut binds = Vec::new();
        let mut tmpfs = Vec::new();
        let mut described = format!("RUN {}", serde_json::to_string(&argv)?);
        let mut given = ins.flag_values("mount");
        given.extend(self.opts.run_mounts.iter().map(String::as_str));
        for m in given {
            let m = run::RunMount::parse(&state.expand(m)?)?;
            described.push_str(&format!("\nmount {m:?}"));
            match &m {
                run::RunMount::Tmpfs { .. } => tmpfs.push(m),
                _ => {
                    if let Some(src) = self.mount_source(&m, stages, done)? {
                        binds.push((m, src));
                    }
                }
            }
        }
        let network = match ins.flag("network")? {
            Some(n) => crate::network::NetworkFlags {
                network: Some(n.to_string()),
                ..Default::default()
            }
            .resolve(&[])?,
            None => self.opts.network.clone(),
        };
        described.push_str(&format!("\nnetwork {:?}", network.mode));
        let env: Vec<String> = state
            .arg_env()
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        described.push_str(&format!("\nenv {env:?}"));
        let args_prefix = if env.is_empty() {
            String::new()
        } else {
            format!("|{} {} ", env.len(), env.join(" "))
        };
        let created_by = format!("RUN {args_prefix}{} # buildkit", argv.join(" "));
        let volumes: Vec<String> = match self.opts.step.compat_volumes {
            true => state
                .config()
                .get("Volumes")
                .and_then(Value::as_object)
                .map(|v| v.keys().cloned().collect())
                .unwrap_or_default(),
            false => Vec::new(),
        };
        if !volumes.is_empty() {
            described.push_str(&format!(
                "
compat-volumes {volumes:?}"
            ));
        }
        let mut env = env;
        let agent = binds.iter().find_map(|(m, _)| match m {
            run::RunMount::Ssh { target, .. } => Some(target),
            _ => None,
        });
        if let Some(target) = agent {
            env.push(format!("SSH_AUTH_SOCK={target}"));
        }
        let made = match self.cached(state, &described)? {
            Some(m) => m,
            None => {
                let layer = run::run(
                    self.store,
                    state,
                    run::RunStep {
                        argv,
                        env,
                        mounts: run::mount_binds(&binds, &tmpfs)?,
                        network,
                        quiet: self.opts.quiet,
                        driver: self.opts.driver.clone(),
                        clamp: self.opts.timestamp,
                        settings: self.opts.step.clone(),
                        volumes,
                    },
                )?;
                self.new_entry(layer.map(|l| l.diff_id))
            }
        };
        self.finish_step(state, &described, created_by, Some(made), true)
    }

    /// The host directory or file a RUN --mount binds (None: an optional secret that is missing).
    fn mount_source(
        &mut self,
        m: &run::RunMount,
        stages: &[Stage],
        done: &[Option<State>],
    ) -> Result<Option<PathBuf>> {
        match m {
            run::RunMount::Cache { id, .. } => {
                let dir =
                    cache::mounts_dir(self.store).join(&Digest::of(id.as_bytes()).hex()[..32]);
                std::fs::create_dir_all(&dir).context("creating the cache mount")?;
                Ok(Some(dir))
            }
            run::RunMount::Secret { id, required, .. } => match self.opts.secrets.get(id) {
                Some(SecretSource::File(p)) => Ok(Some(p.clone())),
                Some(SecretSource::Env(value)) => {
                    let file = TempEntry::reserve(&self.store.tmp_dir(), "secret")?;
                    crate::secret::write_new_private(file.path(), value.as_bytes())
                        .context("writing the secret for the step")?;
                    let path = file.path().to_path_buf();
                    self.mounts.push(file);
                    Ok(Some(path))
                }
                None if *required => {
                    bail!("secret {id:?} is required: give it with --secret id={id},src=PATH")
                }
                None => Ok(None),
            },
            run::RunMount::Bind { source, from, .. } => {
                let base: PathBuf = match from {
                    None => self
                        .ctx
                        .root
                        .clone()
                        .context("RUN --mount=type=bind needs a build context")?,
                    Some(f) => match self.source(f, stages, done)? {
                        Source::Dir(d) => d,
                        Source::Layers(layers) => {
                            return self.materialize(&layers, source).map(Some);
                        }
                    },
                };
                let rel = source.trim_start_matches('/');
                let real = std::fs::canonicalize(base.join(rel)).with_context(|| {
                    format!("RUN --mount source {source}: no such file or directory")
                })?;
                if !real.starts_with(std::fs::canonicalize(&base)?) {
                    bail!("RUN --mount source {source}: outside the build context");
                }
                Ok(Some(real))
            }
            run::RunMount::Tmpfs { .. } => Ok(None),
            run::RunMount::Ssh { id, required, .. } => {
                match self.opts.step.ssh.iter().find(|(i, _)| i == id) {
                    Some((_, sock)) => Ok(Some(sock.clone())),
                    None if *required => {
                        bail!("RUN --mount=type=ssh: no agent {id:?}: give it with --ssh {id}[=SOCKET]")
                    }
                    // As BuildKit: an ssh mount without an agent is left out.
                    None => Ok(None),
                }
            }
        }
    }

    /// What `--from=NAME` names: a `--build-context`, a stage built
    /// before, or an image (pulled as `--pull` says).
    fn source(&mut self, name: &str, stages: &[Stage], done: &[Option<State>]) -> Result<Source> {
        if let Some(d) = self.opts.build_contexts.get(name) {
            return Ok(Source::Dir(d.clone()));
        }
        if let Some(j) = stage_index(stages, name) {
            let st = done[j].as_ref().with_context(|| {
                format!("--from={name}: that stage comes later (circular dependency)")
            })?;
            return Ok(Source::Layers(st.layers.clone()));
        }
        let image = crate::image::pull::ensure(
            self.store,
            self.config,
            name,
            self.opts.pull,
            &self.opts.pull_options,
        )?;
        Ok(Source::Layers(image.layers.clone()))
    }

    /// The merged root of `layers`, to read sources from.
    fn layers_root(&self, layers: &[Digest], what: &str) -> Result<copy::Root<'static>> {
        let dirs = crate::container::layer_dirs(self.store, layers, what)?;
        let view = MergedView::open(&dirs)?;
        Ok(copy::Root::Layers { dirs, view })
    }

    /// `source` of a stage or image, copied into the store's tmp/ for
    /// `RUN --mount=type=bind,from=`: the RUN sees it and never changes the
    /// stage (writes of a rw mount are thrown away, as BuildKit does). The
    /// copy lives until the build ends.
    fn materialize(&mut self, layers: &[Digest], source: &str) -> Result<PathBuf> {
        let root = self.layers_root(layers, "the mounted stage")?;
        let rel = source.trim_start_matches('/');
        let mut found = copy::resolve_sources(&root, rel, &ignore::Ignore::default())
            .with_context(|| format!("RUN --mount source {source}"))?;
        let Some(one) = found.pop() else {
            bail!("RUN --mount source {source}: no such file or directory");
        };
        let temp = TempEntry::create_dir(&self.store.tmp_dir(), "mount")?;
        let tar_path = temp.path().join("tree.tar");
        let name = rel.rsplit('/').next().filter(|n| !n.is_empty());
        let dest = name.unwrap_or("root");
        let file = std::fs::File::create(&tar_path).context("creating the mount's copy")?;
        let mut packer = crate::layer::pack::Packer::new(std::io::BufWriter::new(file), None);
        let attrs = copy::CopyAttrs {
            owner: None,
            chmod: None,
        };
        let meta = std::fs::symlink_metadata(one.path())?;
        if meta.is_dir() {
            let a = packer.recorded_attrs(one.path(), &meta);
            packer.add_entry(dest.as_bytes(), one.path(), &meta, a)?;
        }
        copy::write_source(
            &mut packer,
            &root,
            &one,
            dest,
            &attrs,
            &ignore::Ignore::default(),
        )?;
        packer
            .finish()?
            .into_inner()
            .map_err(|e| e.into_error())
            .context("writing the mount's copy")?;
        let tree = temp.path().join("tree");
        std::fs::create_dir(&tree)?;
        let tar = std::fs::File::open(&tar_path)?;
        crate::layer::unpack(std::io::BufReader::new(tar), &tree)
            .context("copying the mount's source")?;
        std::fs::remove_file(&tar_path)?;
        let path = tree.join(dest);
        self.mounts.push(temp);
        Ok(path)
    }

    fn copy(
        &mut self,
        ins: &Instruction,
        state: &mut State,
        stages: &[Stage],
        done: &[Option<State>],
    ) -> Result<()> {
        let add = ins.keyword == "ADD";
        let mut allowed = vec!["from", "chown", "chmod", "link", "exclude"];
        if add {
            allowed.extend(["checksum", "keep-git-dir"]);
            if ins.flag("from")?.is_some() {
                bail!("ADD does not take --from: use COPY --from");
            }
        }
        ins.allow_flags(&allowed)?;
        let exclude_patterns = ins
            .flag_values("exclude")
            .iter()
            .map(|p| state.expand(p))
            .collect::<Result<Vec<_>>>()?;
        let exclude = ignore::Ignore::parse(&exclude_patterns.join("\n"));
        let mut words = match ins.json_args() {
            Some(w) => w
                .iter()
                .map(|x| state.expand(x))
                .collect::<Result<Vec<_>>>()?,
            None => state.expand_words(&ins.args)?,
        };
        if words.len() < 2 {
            bail!("{} needs a source and a destination", ins.keyword);
        }
        let dest_word = words.pop().expect("two words");
        let sources = words;
        let dest = if dest_word.starts_with('/') {
            dest_word.clone()
        } else {
            format!("{}/{dest_word}", state.workdir().trim_end_matches('/'))
        };
        let dest_is_dir_syntax =
            dest_word.ends_with('/') || dest_word == "." || dest_word.ends_with("/.");
        let owner = match ins.flag("chown")? {
            Some(c) => Some(self.resolve_owner(state, &state.expand(c)?)?),
            None => None,
        };
        let chmod = match ins.flag("chmod")? {
            Some(m) => Some(
                u32::from_str_radix(m, 8)
                    .ok()
                    .filter(|m| *m <= 0o7777)
                    .with_context(|| format!("--chmod={m}: expected an octal mode"))?,
            ),
            None => None,
        };
        // Where the sources are read.
        let from = match ins.flag("from")? {
            Some(f) => Some(state.expand(f)?),
            None => None,
        };
        let source = match &from {
            None => self.ctx.root.clone().map(Source::Dir),
            Some(f) => Some(self.source(f, stages, done)?),
        };
        let no_ignore = ignore::Ignore::default();
        let ctx_ignore = self.ctx.ignore.clone();
        let is_heredoc = |s: &str| {
            let t = s
                .trim_start_matches("<<")
                .trim_start_matches('-')
                .trim_matches(['"', '\'']);
            s.starts_with("<<") && ins.heredocs.iter().any(|h| h.name == t)
        };
        let file_sources: Vec<&String> = sources.iter().filter(|s| !is_heredoc(s)).collect();
        let root = match &source {
            Some(Source::Dir(d)) => Some(copy::Root::Dir {
                path: d,
                ignore: if from.is_none() {
                    &ctx_ignore
                } else {
                    &no_ignore
                },
            }),
            None if file_sources.is_empty() => None,
            None => bail!("{} needs a build context for its sources", ins.keyword),
            Some(Source::Layers(layers)) => Some(self.layers_root(layers, "the source stage")?),
        };
        let mut found = Vec::new();
        let mut urls = Vec::new();
        for s in &file_sources {
            if add && (s.starts_with("http://") || s.starts_with("https://")) {
                urls.push(s.to_string());
                continue;
            }
            let root = root.as_ref().context("no source root")?;
            found.extend(copy::resolve_sources(root, s, &exclude)?);
        }
        if urls.is_empty() && ins.flag("checksum")?.is_some() {
            bail!("ADD --checksum is for URL sources");
        }
        let many = found.len() + urls.len() + ins.heredocs.len() > 1;
        // The destination in the stage's root, and whether it is a directory.
        let dest_exists = self.stage_has_dir(state, &dest)?;
        let dest_dir = match &found[..] {
            _ if dest_is_dir_syntax || many => true,
            [one] => std::fs::metadata(one.path()).is_ok_and(|m| m.is_dir()) || dest_exists,
            _ => dest_exists,
        };
        if many && !dest_is_dir_syntax && !dest_exists {
            bail!("when there are several sources, the destination {dest_word} must be a directory and end with /");
        }
        let mut described = format!(
            "{} {} {:?} {:?} dest={dest} dir={dest_dir} exclude={exclude_patterns:?}",
            ins.keyword,
            from.as_deref().unwrap_or(""),
            owner,
            chmod
        );
        let mut bytes = 0;
        if let Some(root) = &root {
            let sources = copy::content_key(root, &found, &exclude)?;
            described.push_str(&sources.key);
            bytes = sources.bytes;
        }
        for h in &ins.heredocs {
            described.push_str(&format!("\nheredoc {} {}", h.name, h.content));
        }
        for u in &urls {
            described.push_str(&format!("\nurl {u} {:?}", ins.flag("checksum")?));
        }
        let created_by = format!("{} {} # buildkit", ins.keyword, ins.args);
        let made = match self.cached(state, &described)? {
            Some(m) if urls.is_empty() => m,
            _ => {
                let mut tar = LayerTar::create(self.store, self.opts.timestamp)?;
                let now = self.opts.timestamp.unwrap_or_else(unix_now);
                let real_dest = self.write_parents(tar.packer(), state, &dest, dest_dir, now)?;
                let progress = &self.opts.pull_options.progress;
                if bytes >= PROGRESS_BYTES && matches!(progress, Progress::Bars(_)) {
                    let item = progress.item(&ins.keyword, bytes);
                    tar.packer().report_to(Some(item));
                }
                let attrs = copy::CopyAttrs { owner, chmod };
                for f in &found {
                    let name = f_name(f);
                    let target = if dest_dir {
                        copy::join(&real_dest, &name)
                    } else {
                        real_dest.clone()
                    };
                    let path = match f {
                        copy::Found::Host { path, .. } | copy::Found::Layer { path, .. } => {
                            path.clone()
                        }
                    };
                    let meta = std::fs::metadata(&path)?;
                    if meta.is_dir() {
                        // The directory's contents go into the destination.
                        if !dest_exists && !dest_dir {
                            tar.packer().add_dir(
                                real_dest.as_bytes(),
                                meta_mode(&meta),
                                owner.unwrap_or((0, 0)),
                                now,
                            )?;
                        }
                        copy::write_source(
                            tar.packer(),
                            root.as_ref().expect("a root"),
                            f,
                            &real_dest,
                            &attrs,
                            &exclude,
                        )?;
                    } else if add
                        && from.is_none()
                        && self.extract(tar.packer(), &path, &real_dest)?
                    {
                        // An archive, extracted.
                    } else {
                        copy::write_source(
                            tar.packer(),
                            root.as_ref().expect("a root"),
                            f,
                            &target,
                            &attrs,
                            &exclude,
                        )?;
                    }
                }
                for h in &ins.heredocs {
                    let content = if h.expand {
                        state.expand(&h.content.replace('"', "\\\""))?
                    } else {
                        h.content.clone()
                    };
                    let target = if dest_dir {
                        copy::join(&real_dest, &h.name)
                    } else {
                        real_dest.clone()
                    };
                    tar.packer().add_bytes(
                        target.as_bytes(),
                        content.as_bytes(),
                        chmod.unwrap_or(0o644),
                        owner.unwrap_or((0, 0)),
                        now,
                    )?;
                }
                for u in &urls {
                    let file = download(self.store, u, ins.flag("checksum")?)?;
                    let name = u
                        .rsplit('/')
                        .next()
                        .filter(|n| !n.is_empty())
                        .unwrap_or("download");
                    let target = if dest_dir {
                        copy::join(&real_dest, name)
                    } else {
                        real_dest.clone()
                    };
                    let meta = std::fs::metadata(file.path())?;
                    let attrs = Attrs {
                        owner: Some(owner.unwrap_or((0, 0))),
                        mode: Some(chmod.unwrap_or(0o600)),
                    };
                    tar.packer()
                        .add_entry(target.as_bytes(), file.path(), &meta, attrs)?;
                }
                if let Some(item) = tar.packer().report_to(None) {
                    item.finish("done");
                }
                let info = tar.commit(self.store)?;
                self.new_entry(Some(info.diff_id))
            }
        };
        self.finish_step(state, &described, created_by, Some(made), true)
    }

    /// Whether the stage's root has a directory at `path`.
    fn stage_has_dir(&self, state: &State, path: &str) -> Result<bool> {
        let dirs = crate::container::layer_dirs(self.store, &state.layers, "the stage")?;
        let view = MergedView::open(&dirs)?;
        Ok(view.dir(path.trim_start_matches('/'))?.is_some())
    }

    /// Write the destination's parent directories into the layer (existing
    /// ones as the stage has them, symlinks in the path followed inside the
    /// root; missing ones new, 0755 root); the destination's path in the layer.
    fn write_parents(
        &self,
        packer: &mut crate::layer::pack::Packer<impl Write>,
        state: &State,
        dest: &str,
        dest_dir: bool,
        now: u64,
    ) -> Result<String> {
        let dirs = crate::container::layer_dirs(self.store, &state.layers, "the stage")?;
        let view = MergedView::open(&dirs)?;
        let parts: Vec<&str> = dest
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .collect();
        let dir_parts = if dest_dir {
            &parts[..]
        } else {
            &parts[..parts.len().saturating_sub(1)]
        };
        // The deepest existing directory, resolved.
        let mut real: Vec<String> = Vec::new();
        let mut rest = dir_parts;
        for n in (0..=dir_parts.len()).rev() {
            let prefix = dir_parts[..n].join("/");
            if let Some((d, _)) = view.dir(&prefix)? {
                real = d
                    .path
                    .to_string_lossy()
                    .split('/')
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect();
                rest = &dir_parts[n..];
                break;
            }
        }
        // Existing ancestors, as they are.
        let mut path = String::new();
        for p in &real {
            path = copy::join(&path, p);
            if let Some((_, st)) = view.dir(&path)? {
                packer.add_dir(
                    path.as_bytes(),
                    st.st_mode & 0o7777,
                    (st.st_uid, st.st_gid),
                    st.st_mtime.max(0) as u64,
                )?;
            }
        }
        for p in rest {
            path = copy::join(&path, p);
            packer.add_dir(path.as_bytes(), 0o755, (0, 0), now)?;
        }
        if dest_dir {
            Ok(path)
        } else {
            Ok(copy::join(&path, parts.last().copied().unwrap_or("")))
        }
    }

    /// ADD of a local archive: extracted into the destination. False when the file is not one.
    fn extract(
        &self,
        packer: &mut crate::layer::pack::Packer<impl Write>,
        path: &Path,
        dest: &str,
    ) -> Result<bool> {
        let Some(plain) = archive::open_tar(path)? else {
            return Ok(false);
        };
        packer
            .add_archive(plain, dest.as_bytes())
            .with_context(|| format!("extracting {}", path.display()))?;
        Ok(true)
    }

    /// `--chown=USER[:GROUP]`: names looked up in the stage's /etc/passwd and /etc/group.
    fn resolve_owner(&self, state: &State, spec: &str) -> Result<(u32, u32)> {
        let dirs = crate::container::layer_dirs(self.store, &state.layers, "the stage")?;
        let text = |rel: &str| -> Result<Option<String>> {
            Ok(crate::overlay::read_merged_file(&dirs, rel)?
                .map(|b| String::from_utf8_lossy(&b).into_owned()))
        };
        let (passwd, group) = (text("etc/passwd")?, text("etc/group")?);
        let user = crate::container::user::resolve(spec, passwd.as_deref(), group.as_deref())
            .with_context(|| format!("--chown={spec}"))?;
        // "USER" alone: its primary group; "USER:GROUP": that group.
        Ok((user.uid, user.gid))
    }

    /// What the flags change as a stage starts: `--inherit-labels=false`
    /// drops the base's labels, `--env` sets its variables (RUN sees them).
    fn start_edits(&self, state: &mut State) {
        let edits = &self.opts.edits;
        if !edits.no_inherited_labels && edits.env.is_empty() {
            return;
        }
        if edits.no_inherited_labels {
            state.config_mut().remove("Labels");
        }
        for (k, v) in &edits.env {
            state.set_env(k, v);
        }
        let what = format!(
            "start-edits labels={} env={:?}",
            !edits.no_inherited_labels, edits.env
        );
        state.key = cache::key(&state.key, &what);
    }

    /// What the flags change in the target image as it is written:
    /// `--unsetenv`, `--unsetlabel`, `--os-version`, `--os-feature`,
    /// `--squash`/`--squash-all`, `--omit-history`.
    fn apply_edits(&mut self, state: &mut State) -> Result<()> {
        let edits = &self.opts.edits;
        if !edits.unsetenv.is_empty() {
            let env: Vec<Value> = state
                .env()
                .into_iter()
                .filter(|(k, _)| !edits.unsetenv.contains(k))
                .map(|(k, v)| json!(format!("{k}={v}")))
                .collect();
            state.config_mut().insert("Env".into(), Value::Array(env));
        }
        if let Some(labels) = state
            .config_mut()
            .get_mut("Labels")
            .and_then(Value::as_object_mut)
        {
            labels.retain(|k, _| !edits.unset_labels.contains(k));
        }
        if let Some(v) = &edits.os_version {
            state.image["os.version"] = json!(v);
        }
        if !edits.os_features.is_empty() {
            state.image["os.features"] = json!(edits.os_features);
        }
        let keep = match edits.squash {
            Squash::None => None,
            Squash::New => Some(state.base_layers),
            Squash::All => Some(0),
        };
        if let Some(keep) = keep.filter(|k| state.layers.len() > k + 1) {
            self.say(&format!("squashing {} layers", state.layers.len() - keep))?;
            crate::image::squash::squash(
                self.store,
                &mut state.layers,
                &mut state.image,
                keep,
                self.opts.timestamp,
            )?;
        }
        if edits.omit_history {
            let created = last_created(&state.image);
            let image = state.image.as_object_mut().context("the image config")?;
            image.remove("history");
            if let Some(c) = created {
                image.insert("created".into(), c);
            }
        }
        Ok(())
    }

    /// The manifest's annotations: the base's (unless `--inherit-annotations=false`),
    /// the time it was made, `--annotation`s, less `--unsetannotation`s.
    fn annotations(&self, state: &State, image: &Value) -> BTreeMap<String, String> {
        let edits = &self.opts.edits;
        let mut out = match edits.no_inherited_annotations {
            true => BTreeMap::new(),
            false => state.annotations.clone(),
        };
        // `--created-annotation=false`: none, not even the base's.
        const CREATED: &str = "org.opencontainers.image.created";
        match (edits.created_annotation, image["created"].as_str()) {
            (true, Some(created)) => {
                out.insert(CREATED.into(), created.to_string());
            }
            (false, _) => {
                out.remove(CREATED);
            }
            (true, None) => {}
        }
        out.extend(edits.annotations.clone());
        out.retain(|k, _| !edits.unset_annotations.contains(k));
        out
    }

    /// `--label`s of the command line, on the target image.
    fn finish_labels(&mut self, state: &mut State) -> Result<()> {
        if self.opts.labels.is_empty() {
            return Ok(());
        }
        let cfg = state.config_mut();
        let labels = cfg.entry("Labels").or_insert_with(|| json!({}));
        if !labels.is_object() {
            *labels = json!({});
        }
        for (k, v) in &self.opts.labels {
            labels[k.as_str()] = json!(v);
        }
        Ok(())
    }

    fn warn_unused_args(&mut self) -> Result<()> {
        let unused: Vec<&String> = self
            .opts
            .build_args
            .keys()
            .filter(|k| !self.used_args.contains(k) && !PROXY_ARGS.contains(&k.as_str()))
            .collect();
        if !unused.is_empty() {
            let list = unused
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            eprintln!("[Warning] one or more build-args [{list}] were not consumed");
        }
        Ok(())
    }

    fn write_image(&mut self, state: &State) -> Result<ImageRecord> {
        let mut image = state.image.clone();
        image["rootfs"] = crate::image::write::rootfs(&state.layers);
        let created = match self.opts.edits.omit_history {
            true => image.get("created").cloned(),
            false => last_created(&image),
        }
        .unwrap_or_else(|| json!(crate::image::write::timestamp(self.opts.timestamp)));
        image["created"] = created;
        if let Some(first) = self.opts.tags.first() {
            self.say(&format!("COMMIT {first}"))?;
        }
        let annotations = self.annotations(state, &image);
        let record = crate::image::write::write_annotated(
            self.store,
            &image,
            &state.layers,
            &self.opts.tags,
            &annotations,
        )?;
        self.say(&format!("--> {}", record.id.short()))?;
        for t in &self.opts.tags {
            self.say(&format!("Successfully tagged {t}"))?;
        }
        Ok(record)
    }
}

/// The time of the image's last history entry.
fn last_created(image: &Value) -> Option<Value> {
    image["history"]
        .as_array()
        .and_then(|h| h.last())
        .and_then(|h| h.get("created"))
        .cloned()
}

/// RUN's command: exec form as given; shell form through SHELL, a lone
/// heredoc run as the script, heredocs after a command fed to it.
fn run_command(ins: &Instruction, state: &State) -> Vec<String> {
    if let Some(words) = ins.json_args() {
        return words;
    }
    let mut shell = state.shell();
    let args = ins.args.trim();
    if ins.heredocs.len() == 1 && args.starts_with("<<") && !args.contains(char::is_whitespace) {
        let script = &ins.heredocs[0].content;
        if let Some(interp) = script.lines().next().and_then(|l| l.strip_prefix("#!")) {
            let mut argv: Vec<String> = interp.split_whitespace().map(String::from).collect();
            argv.push("-c".into());
            argv.push(script.clone());
            return argv;
        }
        shell.push(script.clone());
        return shell;
    }
    let mut text = args.to_string();
    for h in &ins.heredocs {
        text.push('\n');
        text.push_str(&h.content);
        text.push_str(&h.name);
    }
    shell.push(text);
    shell
}

fn f_name(f: &copy::Found) -> String {
    let rel = match f {
        copy::Found::Host { rel, .. } | copy::Found::Layer { rel, .. } => rel,
    };
    rel.rsplit('/').next().unwrap_or("").to_string()
}

fn meta_mode(m: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    m.permissions().mode() & 0o7777
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A GET of `url` (the context of `husk build URL`).
pub fn fetch_url(url: &str) -> Result<Box<dyn std::io::Read>> {
    let resp = reqwest::blocking::Client::builder()
        .build()?
        .get(url)
        .send()
        .with_context(|| format!("fetching {url}"))?;
    if !resp.status().is_success() {
        bail!("fetching {url}: {}", resp.status());
    }
    Ok(Box::new(resp))
}

/// ADD of a URL: fetched into a file in the store's tmp/ (removed when the
/// entry is dropped), checked against `--checksum`.
fn download(store: &Store, url: &str, checksum: Option<&str>) -> Result<TempEntry> {
    let want = checksum.map(copy::parse_checksum).transpose()?;
    let temp = TempEntry::reserve(&store.tmp_dir(), "download")?;
    let file = std::fs::File::create(temp.path())
        .with_context(|| format!("creating {}", temp.path().display()))?;
    let mut out = crate::digest::HashingWriter::new(std::io::BufWriter::new(file));
    std::io::copy(&mut fetch_url(url)?, &mut out).with_context(|| format!("fetching {url}"))?;
    let (got, _, w) = out.finish();
    w.into_inner()
        .map_err(|e| e.into_error())
        .and_then(|f| f.sync_all())
        .with_context(|| format!("fetching {url}"))?;
    if let Some(w) = want {
        if got != w {
            bail!("ADD {url}: the checksum is {got}, not {w}");
        }
    }
    Ok(temp)
}
