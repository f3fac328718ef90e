//! `husk generate systemd`: a systemd user unit for a container, as podman
//! writes them.
//!
//! - For an existing container: `husk start NAME` (Type=forking; the monitor's
//!   pid file tells systemd the main process), `husk stop` to stop it.
//! - With `--new`: the unit makes the container itself, from the command line
//!   that created it, with `--replace --rm -d --sdnotify=conmon
//!   --cidfile=%t/%n.ctr-id` (Type=notify: the monitor says MAINPID and READY=1
//!   once the container runs), stops it with `husk stop`, removes it after.
//!
//! KillMode=mixed: systemd's SIGTERM goes to the monitor alone, which forwards it to
//! the container; SIGKILL, after TimeoutStopSec, to everything.

use std::path::PathBuf;

use std::ffi::OsString;

use anyhow::{bail, Context, Result};

use crate::cli::argv::{words, Cluster, Word};

use crate::store::containers::ContainerRecord;

/// What to generate.
#[derive(Debug, Default)]
pub struct UnitOptions {
    pub new: bool,
    /// Restart= of the unit.
    pub restart_policy: String,
    /// Seconds `husk stop` waits (the unit's TimeoutStopSec allows 60 more).
    pub stop_timeout: u32,
    /// Prefix of the unit name ("container").
    pub prefix: String,
    /// Use the container's id rather than its name in the unit.
    pub use_id: bool,
    /// husk's global options in effect (`--root DIR`, `--storage-driver D`), for every command of the unit.
    pub globals: Vec<String>,
    /// Between the prefix and the name ("-").
    pub separator: String,
    /// `--after`, `--requires`, `--wants`: more units of [Unit].
    pub after: Vec<String>,
    pub requires: Vec<String>,
    pub wants: Vec<String>,
    /// `-e KEY=VALUE`: Environment= lines of [Service].
    pub env: Vec<String>,
    /// `--no-header`: no comment lines at the top.
    pub no_header: bool,
    /// `--restart-sec`: RestartSec=.
    pub restart_sec: Option<u32>,
    /// `--start-timeout`: TimeoutStartSec=.
    pub start_timeout: Option<u32>,
    /// `--template`: a unit template (`NAME@.service`) whose instances run
    /// containers named `NAME-INSTANCE` (implies `new`).
    pub template: bool,
}

/// The monitor's pid file (for Type=forking units), under husk's runtime directory.
pub fn pid_file(run_dir: &std::path::Path, id: &str) -> PathBuf {
    run_dir.join(format!("{id}.pid"))
}

/// The unit's file name: `container-web.service`.
pub fn unit_name(record: &ContainerRecord, o: &UnitOptions) -> String {
    let who = if o.use_id { &record.id } else { &record.name };
    let at = if o.template { "@" } else { "" };
    format!("{}{}{who}{at}.service", o.prefix, o.separator)
}

/// Quote a word for a systemd command line (double quotes where needed).
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@,+".contains(&b));
    if plain {
        word.to_string()
    } else {
        format!(
            "\"{}\"",
            word.replace('\\', "\\\\")
                .replace('\n', "\\n")
                .replace('"', "\\\"")
                .replace('%', "%%")
                .replace('$', "$$")
        )
    }
}

/// An Environment= assignment: systemd expands specifiers (`%`) there but
/// not `$`, so only `%`, `\\`, `"` and newlines are escaped.
fn quote_environment(assignment: &str) -> String {
    let escaped = assignment
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('"', "\\\"")
        .replace('%', "%%");
    match escaped.contains([' ', '\t', '"', '\\']) {
        true => format!("\"{escaped}\""),
        false => escaped,
    }
}

/// Options the `--new` unit sets itself.
const REPLACED: &[&str] = &[
    "--detach",
    "--rm",
    "--replace",
    "--cidfile",
    "--sdnotify",
    "--name",
    "--restart",
    "--root",
    "--storage-driver",
];

/// The run options of `create_command` (as recorded), without those the unit
/// sets itself; then the image and command. Errors if the command line is not
/// a `run` or `create` one.
fn run_arguments(record: &ContainerRecord) -> Result<(Vec<String>, Vec<String>)> {
    let argv = &record.create_command;
    let Some(sub) = argv.iter().position(|a| a == "run" || a == "create") else {
        bail!("container {}: its creating command line is not known (made by an older husk): generate it without --new", record.name);
    };
    // The image and command are the tail (the command is a trailing argument list).
    let tail_len = record.create_command_tail;
    if argv.len() < sub + 1 + tail_len {
        bail!(
            "container {}: cannot read its creating command line",
            record.name
        );
    }
    let split = argv.len() - tail_len;
    let run = crate::cli::argv::command_tree()
        .find_subcommand("run")
        .cloned()
        .context("husk has no run command")?;
    let args: Vec<OsString> = argv[sub + 1..split].iter().map(OsString::from).collect();
    let text = |range: std::ops::Range<usize>| argv[sub + 1..split][range].to_vec();
    let mut opts = Vec::new();
    for word in words(&run, &args) {
        match word {
            Word::Opt { start, end, long } => {
                let first = &argv[sub + 1 + start];
                if !first.starts_with("--") {
                    // A short cluster (-dit, -dv /x:/y): without -d (the unit sets it).
                    let cluster = Cluster::read(&run, &first[1..]);
                    let kept: String = cluster.flags.iter().filter(|c| **c != 'd').collect();
                    let kept = kept + cluster.value.as_deref().unwrap_or("");
                    if !kept.is_empty() {
                        opts.push(format!("-{kept}"));
                    }
                    opts.extend(text(start + 1..end));
                } else if !long.is_some_and(|l| REPLACED.contains(&format!("--{l}").as_str())) {
                    opts.extend(text(start..end));
                }
            }
            Word::EndOfOptions(_) => {}
            Word::Positional(p) => opts.extend(text(p..p + 1)),
        }
    }
    Ok((opts, argv[split..].to_vec()))
}

/// The unit file for `record`; `exe` is the husk binary, `run_dir` husk's runtime directory.
pub fn unit(
    record: &ContainerRecord,
    o: &UnitOptions,
    exe: &str,
    run_dir: &std::path::Path,
) -> Result<String> {
    let name = if o.use_id { &record.id } else { &record.name };
    // A template's instances each run a container of their own.
    let instance = |n: &str| match o.template {
        true => format!("{n}-%i"),
        false => n.to_string(),
    };
    let t = o.stop_timeout;
    // Every husk command of the unit works on the same store, with the same driver.
    let exe = &std::iter::once(quote(exe))
        .chain(o.globals.iter().map(|g| quote(g)))
        .collect::<Vec<_>>()
        .join(" ");
    let mut u = match o.no_header {
        true => String::new(),
        false => format!(
            "# {}\n# autogenerated by husk {}\n\n",
            unit_name(record, o),
            env!("CARGO_PKG_VERSION")
        ),
    };
    let list = |extra: &[String]| {
        std::iter::once("network-online.target")
            .chain(extra.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    };
    u += &format!(
        "[Unit]\nDescription=husk container {name}\nDocumentation=man:husk-generate-systemd(1)\n\
         Wants={wants}\nAfter={after}\n",
        wants = list(&o.wants),
        after = list(&o.after),
    );
    if !o.requires.is_empty() {
        u += &format!("Requires={}\n", o.requires.join(" "));
    }
    u += &format!(
        "RequiresMountsFor=%t/husk\n\n[Service]\nEnvironment=HUSK_SYSTEMD_UNIT=%n\n{env}\
         Restart={restart}\n{restart_sec}{start_timeout}TimeoutStopSec={timeout}\n",
        env = o
            .env
            .iter()
            .map(|e| format!("Environment={}\n", quote_environment(e)))
            .collect::<String>(),
        restart = o.restart_policy,
        restart_sec = o
            .restart_sec
            .map(|s| format!("RestartSec={s}\n"))
            .unwrap_or_default(),
        start_timeout = o
            .start_timeout
            .map(|s| format!("TimeoutStartSec={s}\n"))
            .unwrap_or_default(),
        timeout = t + 60,
    );
    if o.new || o.template {
        let (opts, tail) = run_arguments(record)?;
        // husk's own words (systemd specifiers meant), then the user's, quoted.
        let start: Vec<String> = [
            exe.as_str(),
            "run",
            "--cidfile=%t/%n.ctr-id",
            "--replace",
            "--rm",
            "-d",
            "--sdnotify=conmon",
            "--name",
        ]
        .into_iter()
        .map(String::from)
        .chain(std::iter::once(instance(&quote(&record.name))))
        .chain(opts.iter().chain(&tail).map(|w| quote(w)))
        .collect();
        u += &format!(
            "ExecStartPre=/bin/rm -f %t/%n.ctr-id\nExecStart={}\n\
             ExecStop={exe} stop -t {t} {name}\nExecStopPost=-{exe} rm -f {name}\n\
             ExecStopPost=/bin/rm -f %t/%n.ctr-id\nType=notify\nNotifyAccess=all\nKillMode=mixed\n",
            start.join(" "),
            name = instance(&quote(&record.name)),
        );
    } else {
        u += &format!(
            "ExecStart={exe} start {name}\nExecStop={exe} stop -t {t} {name}\n\
             ExecStopPost={exe} stop -t {t} {name}\nPIDFile={pid}\nType=forking\nKillMode=mixed\n",
            name = quote(name),
            pid = pid_file(run_dir, &record.id).display(),
        );
    }
    u += "\n[Install]\nWantedBy=default.target\n";
    Ok(u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(argv: &[&str], tail: usize) -> ContainerRecord {
        serde_json::from_value(serde_json::json!({
            "id": "0".repeat(64), "name": "web",
            "image": format!("sha256:{}", "1".repeat(64)), "image_name": "busybox",
            "layers": [], "command": [], "created": "",
            "create_command": argv, "create_command_tail": tail,
        }))
        .unwrap()
    }

    #[test]
    fn new_units_keep_short_flag_values_and_drop_what_they_set() {
        let r = record(
            &[
                "husk",
                "--root",
                "/x",
                "run",
                "-dit",
                "-v/srv/data:/data",
                "-e",
                "A=-d",
                "--name",
                "web",
                "--label=x=y",
                "--rm",
                "-p",
                "8080:80",
                "-dv",
                "/d:/d",
                "--storage-driver=overlay",
                "busybox",
                "sh",
            ],
            2,
        );
        let (opts, tail) = run_arguments(&r).unwrap();
        assert_eq!(
            opts,
            [
                "-it",
                "-v/srv/data:/data",
                "-e",
                "A=-d",
                "--label=x=y",
                "-p",
                "8080:80",
                "-v",
                "/d:/d"
            ]
        );
        assert_eq!(tail, ["busybox", "sh"]);
    }

    #[test]
    fn globals_after_run_and_optional_values() {
        let r = record(
            &[
                "husk",
                "run",
                "--root",
                "/x",
                "--tls-verify",
                "--name",
                "web",
                "-e",
                "A=1",
                "busybox",
            ],
            1,
        );
        let (opts, tail) = run_arguments(&r).unwrap();
        assert_eq!(opts, ["--tls-verify", "-e", "A=1"]);
        assert_eq!(tail, ["busybox"]);
    }

    #[test]
    fn quoting_keeps_unit_lines_whole() {
        assert_eq!(
            quote("a\nExecStartPre=/bin/evil"),
            "\"a\\nExecStartPre=/bin/evil\""
        );
        assert_eq!(quote("%h"), "\"%%h\"");
        assert_eq!(quote("/plain/path:ro"), "/plain/path:ro");
    }

    #[test]
    fn environment_lines_keep_dollars_and_escape_specifiers() {
        assert_eq!(quote_environment("A=x$y"), "A=x$y");
        assert_eq!(quote_environment("A=50%"), "A=50%%");
        assert_eq!(quote_environment("A=a b"), "\"A=a b\"");
    }

    #[test]
    fn every_command_of_a_unit_names_the_store() {
        let r = record(&["husk", "run", "-d", "busybox"], 1);
        let o = UnitOptions {
            new: true,
            restart_policy: "on-failure".into(),
            stop_timeout: 10,
            prefix: "container".into(),
            use_id: false,
            globals: vec!["--root".into(), "/srv/my store".into()],
            separator: "-".into(),
            ..Default::default()
        };
        let unit = unit(&r, &o, "/usr/bin/husk", std::path::Path::new("/run/husk")).unwrap();
        for line in unit.lines().filter(|l| l.contains("/usr/bin/husk")) {
            assert!(
                line.contains("/usr/bin/husk --root \"/srv/my store\" "),
                "{line}"
            );
        }
        assert!(unit.contains("ExecStart=/usr/bin/husk --root \"/srv/my store\" run "));
    }
}
