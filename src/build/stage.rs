//! A stage's state while it is built (its image config, layers, cache key and
//! ARGs in scope), and the instructions that change only the config: ENV, ARG,
//! LABEL, CMD, ENTRYPOINT, EXPOSE, VOLUME, USER, WORKDIR, SHELL, STOPSIGNAL,
//! HEALTHCHECK, ONBUILD, MAINTAINER. The same code applies `husk commit -c`.

use std::collections::BTreeMap;

use anyhow::{bail, Context, Result};
use serde_json::{json, Map, Value};

use super::dockerfile::Instruction;
use super::expand::{self, Vars};
use crate::digest::Digest;

/// The PATH docker gives an image built from scratch.
pub const DEFAULT_PATH: &str = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// What a stage has become so far.
#[derive(Clone, Debug)]
pub struct State {
    /// The whole image config (`config`, `history`, `rootfs`, ...).
    pub image: Value,
    pub layers: Vec<Digest>,
    /// The cache key of the last step.
    pub key: Digest,
    /// ARGs declared in the stage, with their values (None: declared, unset).
    pub args: Vec<(String, Option<String>)>,
    pub escape: char,
    /// A CMD was given in this stage (a later ENTRYPOINT keeps it).
    pub cmd_set_here: bool,
    /// How many of `layers` are the base image's (`--squash` keeps them).
    pub base_layers: usize,
    /// The base image's manifest annotations (`--inherit-annotations`).
    pub annotations: std::collections::BTreeMap<String, String>,
}

impl State {
    /// A stage starting from an image config (a base image's, or an empty one for scratch).
    pub fn from_config(mut image: Value, layers: Vec<Digest>, key: Digest, escape: char) -> State {
        if !image.is_object() {
            image = json!({});
        }
        let obj = image.as_object_mut().expect("an object");
        obj.entry("config").or_insert_with(|| json!({}));
        if !obj["config"].is_object() {
            obj["config"] = json!({});
        }
        obj.entry("history").or_insert_with(|| json!([]));
        // What the base was built with is not the new image's.
        obj.remove("container_config");
        obj.remove("container");
        State {
            image,
            base_layers: layers.len(),
            annotations: Default::default(),
            layers,
            key,
            args: Vec::new(),
            escape,
            cmd_set_here: false,
        }
    }

    pub fn config(&self) -> &Map<String, Value> {
        self.image["config"]
            .as_object()
            .expect("config is an object")
    }

    pub fn config_mut(&mut self) -> &mut Map<String, Value> {
        self.image["config"]
            .as_object_mut()
            .expect("config is an object")
    }

    /// The ENV of the stage, in order.
    pub fn env(&self) -> Vec<(String, String)> {
        strings(self.config().get("Env"))
            .into_iter()
            .map(|e| match e.split_once('=') {
                Some((k, v)) => (k.to_string(), v.to_string()),
                None => (e, String::new()),
            })
            .collect()
    }

    pub fn set_env(&mut self, key: &str, value: &str) {
        let mut env = self.env();
        match env.iter_mut().find(|(k, _)| k == key) {
            Some(e) => e.1 = value.to_string(),
            None => env.push((key.to_string(), value.to_string())),
        }
        let list: Vec<Value> = env.iter().map(|(k, v)| json!(format!("{k}={v}"))).collect();
        self.config_mut().insert("Env".into(), Value::Array(list));
    }

    /// The value of a variable for expansion: ENV first, then ARGs in scope.
    pub fn var(&self, name: &str) -> Option<String> {
        if let Some((_, v)) = self.env().into_iter().find(|(k, _)| k == name) {
            return Some(v);
        }
        self.args
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| v.clone())
    }

    /// ARGs with values that ENV does not override: the environment of RUN on top of ENV.
    pub fn arg_env(&self) -> Vec<(String, String)> {
        let env = self.env();
        let mut out: Vec<(String, String)> = Vec::new();
        for (k, v) in &self.args {
            let Some(v) = v else { continue };
            if env.iter().any(|(e, _)| e == k) {
                continue;
            }
            out.retain(|(o, _)| o != k);
            out.push((k.clone(), v.clone()));
        }
        out
    }

    /// SHELL, else /bin/sh -c.
    pub fn shell(&self) -> Vec<String> {
        let s = strings(self.config().get("Shell"));
        if s.is_empty() {
            vec!["/bin/sh".into(), "-c".into()]
        } else {
            s
        }
    }

    pub fn workdir(&self) -> String {
        self.config()
            .get("WorkingDir")
            .and_then(Value::as_str)
            .filter(|w| !w.is_empty())
            .unwrap_or("/")
            .to_string()
    }

    pub fn expand(&self, word: &str) -> Result<String> {
        let vars = |n: &str| self.var(n);
        expand::expand(word, &vars as &dyn Vars, self.escape)
    }

    pub fn expand_words(&self, text: &str) -> Result<Vec<String>> {
        let vars = |n: &str| self.var(n);
        expand::expand_words(text, &vars as &dyn Vars, self.escape)
    }

    /// Add a history entry.
    pub fn history(&mut self, created: &str, created_by: String, empty_layer: bool) {
        let mut h = json!({"created": created, "created_by": created_by});
        if empty_layer {
            h["empty_layer"] = json!(true);
        }
        if let Some(a) = self.image["history"].as_array_mut() {
            a.push(h);
        } else {
            self.image["history"] = json!([h]);
        }
    }
}

/// An array of strings in a config (absent or null: none).
pub fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// `KEY=VALUE` pairs (ENV, LABEL, ARG), or the old `KEY VALUE` form (ENV, LABEL).
fn pairs(
    ins: &Instruction,
    state: &State,
    old_form: bool,
) -> Result<Vec<(String, Option<String>)>> {
    let words = expand::split_words(&ins.args, state.escape);
    if words.is_empty() {
        bail!("{} needs at least one argument", ins.keyword);
    }
    if old_form && !words[0].contains('=') {
        let (k, v) = ins
            .args
            .trim()
            .split_once(char::is_whitespace)
            .with_context(|| format!("{} {}: needs a value", ins.keyword, ins.args))?;
        return Ok(vec![(k.to_string(), Some(state.expand(v.trim())?))]);
    }
    let mut out = Vec::new();
    for w in words {
        match w.split_once('=') {
            Some((k, v)) => {
                let k = state.expand(k)?;
                if k.is_empty() {
                    bail!("{}: a name is missing before '=' in {w:?}", ins.keyword);
                }
                out.push((k, Some(state.expand(v)?)));
            }
            None if ins.keyword == "ARG" => out.push((w, None)),
            None => bail!("{} {}: expected KEY=VALUE", ins.keyword, ins.args),
        }
    }
    Ok(out)
}

/// A command given in exec (JSON) or shell form: the words to run.
pub fn command(ins: &Instruction, state: &State) -> Vec<String> {
    match ins.json_args() {
        Some(words) => words,
        None => {
            let mut c = state.shell();
            c.push(ins.args.clone());
            c
        }
    }
}

/// Apply a config-only instruction to `state`; its history text. `build_args`
/// gives ARGs their values (and records which were used); `global` the
/// values of ARGs declared before the first FROM.
pub fn apply(
    ins: &Instruction,
    state: &mut State,
    build_args: &BTreeMap<String, String>,
    global: &[(String, Option<String>)],
) -> Result<String> {
    let text = match ins.keyword.as_str() {
        "ENV" => {
            let pairs = pairs(ins, state, true)?;
            for (k, v) in &pairs {
                state.set_env(k, v.as_deref().unwrap_or_default());
            }
            format!("ENV {}", join_pairs(&pairs))
        }
        "ARG" => {
            for (k, default) in pairs(ins, state, false)? {
                let value = build_args.get(&k).cloned().or(default).or_else(|| {
                    global
                        .iter()
                        .rev()
                        .find(|(g, _)| *g == k)
                        .and_then(|(_, v)| v.clone())
                });
                state.args.push((k, value));
            }
            format!("ARG {}", ins.args)
        }
        "LABEL" => {
            let pairs = pairs(ins, state, true)?;
            let cfg = state.config_mut();
            let labels = cfg.entry("Labels").or_insert_with(|| json!({}));
            if !labels.is_object() {
                *labels = json!({});
            }
            for (k, v) in &pairs {
                labels[k.as_str()] = json!(v.clone().unwrap_or_default());
            }
            format!("LABEL {}", join_pairs(&pairs))
        }
        "MAINTAINER" => {
            state.image["author"] = json!(ins.args.trim());
            format!("MAINTAINER {}", ins.args.trim())
        }
        "CMD" | "ENTRYPOINT" => {
            let words = command(ins, state);
            let key = if ins.keyword == "CMD" {
                "Cmd"
            } else {
                "Entrypoint"
            };
            state.config_mut().insert(key.into(), json!(words));
            if ins.keyword == "ENTRYPOINT" && !state.cmd_set_here {
                // An inherited CMD does not outlive a new ENTRYPOINT (docker's rule).
                state.config_mut().insert("Cmd".into(), Value::Null);
            }
            if ins.keyword == "CMD" {
                state.cmd_set_here = true;
            }
            format!("{} {}", ins.keyword, serde_json::to_string(&words)?)
        }
        "EXPOSE" => {
            let mut ports = Vec::new();
            let vars = |n: &str| state.var(n);
            for p in expand::expand_fields(&ins.args, &vars as &dyn Vars, state.escape)? {
                ports.push(port_key(&p)?);
            }
            let cfg = state.config_mut();
            let exposed = cfg.entry("ExposedPorts").or_insert_with(|| json!({}));
            if !exposed.is_object() {
                *exposed = json!({});
            }
            for p in &ports {
                exposed[p.as_str()] = json!({});
            }
            format!("EXPOSE {}", ports.join(" "))
        }
        "VOLUME" => {
            let vols = match ins.json_args() {
                Some(v) => v
                    .iter()
                    .map(|w| state.expand(w))
                    .collect::<Result<Vec<_>>>()?,
                None => state.expand_words(&ins.args)?,
            };
            if vols.is_empty() || vols.iter().any(|v| v.is_empty()) {
                bail!("VOLUME needs a path");
            }
            let cfg = state.config_mut();
            let volumes = cfg.entry("Volumes").or_insert_with(|| json!({}));
            if !volumes.is_object() {
                *volumes = json!({});
            }
            for v in &vols {
                volumes[v.as_str()] = json!({});
            }
            format!("VOLUME {}", serde_json::to_string(&vols)?)
        }
        "USER" => {
            let user = state.expand(ins.args.trim())?;
            if user.is_empty() {
                bail!("USER needs a user");
            }
            state.config_mut().insert("User".into(), json!(user));
            format!("USER {user}")
        }
        "WORKDIR" => {
            let dir = state.expand(ins.args.trim())?;
            if dir.is_empty() {
                bail!("WORKDIR needs a path");
            }
            let path = if dir.starts_with('/') {
                dir
            } else {
                format!("{}/{dir}", state.workdir().trim_end_matches('/'))
            };
            let path = clean_path(&path);
            state.config_mut().insert("WorkingDir".into(), json!(path));
            format!("WORKDIR {path}")
        }
        "SHELL" => {
            let Some(words) = ins.json_args().filter(|w| !w.is_empty()) else {
                bail!("SHELL takes the JSON form: SHELL [\"executable\", \"parameters\"]");
            };
            state.config_mut().insert("Shell".into(), json!(words));
            format!("SHELL {}", serde_json::to_string(&words)?)
        }
        "STOPSIGNAL" => {
            let sig = state.expand(ins.args.trim())?;
            sig.parse::<crate::container::lifecycle::SignalNo>()
                .with_context(|| format!("STOPSIGNAL {sig}"))?;
            state.config_mut().insert("StopSignal".into(), json!(sig));
            format!("STOPSIGNAL {sig}")
        }
        "HEALTHCHECK" => {
            let hc = healthcheck(ins, state)?;
            state.config_mut().insert("Healthcheck".into(), hc.clone());
            format!("HEALTHCHECK {}", ins.args.trim())
        }
        "ONBUILD" => {
            let trigger = ins.args.trim();
            let word = trigger
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            if matches!(word.as_str(), "ONBUILD" | "FROM" | "MAINTAINER" | "") {
                bail!(
                    "ONBUILD cannot trigger {}",
                    if word.is_empty() { "nothing" } else { &word }
                );
            }
            let cfg = state.config_mut();
            let list = cfg.entry("OnBuild").or_insert_with(|| json!([]));
            if !list.is_array() {
                *list = json!([]);
            }
            if let Some(a) = list.as_array_mut() {
                a.push(json!(trigger));
            }
            format!("ONBUILD {trigger}")
        }
        other => bail!("{other} is not a config instruction"),
    };
    Ok(text)
}

fn join_pairs(pairs: &[(String, Option<String>)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", v.as_deref().unwrap_or_default()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "80", "53/udp", "8000-8002" → "80/tcp" (a range is taken as its ports' keys joined).
fn port_key(p: &str) -> Result<String> {
    let (num, proto) = p.split_once('/').unwrap_or((p, "tcp"));
    let proto = proto.to_ascii_lowercase();
    if !matches!(proto.as_str(), "tcp" | "udp" | "sctp") {
        bail!("EXPOSE {p}: the protocol must be tcp, udp or sctp");
    }
    let ok = |n: &str| n.parse::<u16>().is_ok_and(|n| n > 0);
    match num.split_once('-') {
        Some((a, b)) if ok(a) && ok(b) => Ok(format!("{a}-{b}/{proto}")),
        None if ok(num) => Ok(format!("{num}/{proto}")),
        _ => bail!("EXPOSE {p}: not a port number"),
    }
}

/// `HEALTHCHECK [--interval=..] [--timeout=..] [--start-period=..] [--start-interval=..] [--retries=N] CMD ...` or `NONE`.
fn healthcheck(ins: &Instruction, state: &State) -> Result<Value> {
    let args = ins.args.trim();
    if args.eq_ignore_ascii_case("NONE") {
        ins.allow_flags(&[])?;
        return Ok(json!({"Test": ["NONE"]}));
    }
    ins.allow_flags(&[
        "interval",
        "timeout",
        "start-period",
        "start-interval",
        "retries",
    ])?;
    let Some(rest) = args
        .strip_prefix("CMD")
        .or_else(|| args.strip_prefix("cmd"))
        .map(str::trim)
    else {
        bail!("HEALTHCHECK: expected CMD or NONE");
    };
    if rest.is_empty() {
        bail!("HEALTHCHECK CMD needs a command");
    }
    let test = match serde_json::from_str::<Vec<String>>(rest) {
        Ok(words) if rest.starts_with('[') => {
            let mut t = vec!["CMD".to_string()];
            t.extend(words);
            t
        }
        _ => vec!["CMD-SHELL".to_string(), rest.to_string()],
    };
    let mut hc = json!({"Test": test});
    for (flag, key) in [
        ("interval", "Interval"),
        ("timeout", "Timeout"),
        ("start-period", "StartPeriod"),
        ("start-interval", "StartInterval"),
    ] {
        if let Some(v) = ins.flag(flag)? {
            let d = humantime::parse_duration(&state.expand(v)?)
                .with_context(|| format!("HEALTHCHECK --{flag}={v}: not a duration"))?;
            hc[key] = json!(d.as_nanos() as u64);
        }
    }
    if let Some(r) = ins.flag("retries")? {
        let n: u32 = r
            .parse()
            .with_context(|| format!("HEALTHCHECK --retries={r}: not a number"))?;
        hc["Retries"] = json!(n);
    }
    Ok(hc)
}

/// `/a/./b/../c/` → `/a/c`.
pub fn clean_path(p: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in p.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    format!("/{}", parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::dockerfile::parse;

    fn run(lines: &str) -> State {
        let df = parse(lines, "D").unwrap();
        let mut st = State::from_config(json!({}), vec![], Digest::of(b""), '\\');
        let args = BTreeMap::from([("V".to_string(), "2".to_string())]);
        for ins in &df.instructions {
            apply(ins, &mut st, &args, &[]).unwrap();
        }
        st
    }

    #[test]
    fn config_instructions() {
        let st = run(
            "ENV A=1 B=\"x y\"\nENV C $A-${B}\nARG V=1\nARG W=${V}0\nLABEL k=$W\nWORKDIR /app\nWORKDIR sub/../x\nEXPOSE 80 53/udp\nEXPOSE 80\nUSER ${A}\nSTOPSIGNAL SIGINT\nVOLUME [\"/data\"]\nHEALTHCHECK --interval=5s --retries=2 CMD true\nONBUILD RUN echo hi\nSHELL [\"/bin/bash\", \"-c\"]\nCMD echo $A\n",
        );
        let c = st.config();
        assert_eq!(c["Env"], json!(["A=1", "B=x y", "C=1-x y"]));
        assert_eq!(c["Labels"], json!({"k": "20"}));
        assert_eq!(c["WorkingDir"], json!("/app/x"));
        assert_eq!(c["ExposedPorts"], json!({"80/tcp": {}, "53/udp": {}}));
        assert_eq!(c["User"], json!("1"));
        assert_eq!(c["Volumes"], json!({"/data": {}}));
        assert_eq!(c["Healthcheck"]["Interval"], json!(5_000_000_000u64));
        assert_eq!(c["OnBuild"], json!(["RUN echo hi"]));
        assert_eq!(c["Cmd"], json!(["/bin/bash", "-c", "echo $A"]));
        assert_eq!(
            st.arg_env(),
            vec![("V".into(), "2".into()), ("W".into(), "20".into())]
        );
    }

    #[test]
    fn entrypoint_resets_an_inherited_cmd() {
        let mut st = State::from_config(
            json!({"config": {"Cmd": ["sh"]}}),
            vec![],
            Digest::of(b""),
            '\\',
        );
        let df = parse("ENTRYPOINT [\"/bin/x\"]\n", "D").unwrap();
        apply(&df.instructions[0], &mut st, &BTreeMap::new(), &[]).unwrap();
        assert_eq!(st.config()["Cmd"], Value::Null);
        let mut st2 = run("CMD [\"a\"]\nENTRYPOINT [\"b\"]\n");
        assert_eq!(st2.config_mut()["Cmd"], json!(["a"]));
    }
}
