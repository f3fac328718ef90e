//! Reading a command line word by word with clap's own table of options, for
//! what clap cannot express:
//! - docker and podman stop reading options at IMAGE (`run`, `create`) and at
//!   CONTAINER (`exec`): everything after belongs to the container's command,
//!   `-l` and `--help` included. [`normalize`] puts a `--` after that word;
//! - `husk generate systemd --new` rebuilds a `run` command line from the
//!   recorded one, dropping some options ([`words`]);
//! - a docker or podman flag or command that husk does not have yet is said
//!   so plainly, instead of clap suggesting an unrelated one ([`parse`]).

use std::ffi::OsString;

/// One word, or a group of words, of a subcommand's arguments.
#[derive(Debug, PartialEq, Eq)]
pub enum Word {
    /// An option and its value, if any: `args[start..end]`. `long` is its long
    /// name (`--name`, or the long name of a short one), if it has one; a short
    /// cluster (`-dit`) is one word named after its last flag.
    Opt {
        start: usize,
        end: usize,
        long: Option<String>,
    },
    /// `--`: the words after it are positional.
    EndOfOptions(usize),
    /// A positional argument at this index.
    Positional(usize),
}

/// The words of `args` (a subcommand's arguments, after its name) as `cmd` reads them.
pub fn words(cmd: &clap::Command, args: &[OsString]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let word = args[i].as_encoded_bytes();
        let start = i;
        i += 1;
        if word == b"--" {
            out.push(Word::EndOfOptions(start));
            out.extend((i..args.len()).map(Word::Positional));
            break;
        }
        if let Some(long) = word.strip_prefix(b"--") {
            let (name, inline) = match long.iter().position(|b| *b == b'=') {
                Some(eq) => (&long[..eq], true),
                None => (long, false),
            };
            let name = String::from_utf8_lossy(name).into_owned();
            let arg = cmd.get_arguments().find(|a| {
                a.get_long() == Some(name.as_str())
                    || a.get_all_aliases()
                        .is_some_and(|l| l.contains(&name.as_str()))
            });
            if takes_value(arg) && !inline && i < args.len() {
                i += 1;
            }
            out.push(Word::Opt {
                start,
                end: i,
                long: Some(name),
            });
            continue;
        }
        match word.strip_prefix(b"-").filter(|c| !c.is_empty()) {
            Some(cluster) => {
                let cluster = Cluster::read(cmd, &String::from_utf8_lossy(cluster));
                if cluster.needs_next && i < args.len() {
                    i += 1;
                }
                out.push(Word::Opt {
                    start,
                    end: i,
                    long: cluster.long,
                });
            }
            None => out.push(Word::Positional(start)),
        }
    }
    out
}

/// A cluster of short options (`dit` of `-dit`, `v/a:/b` of `-v/a:/b`).
#[derive(Debug, PartialEq, Eq)]
pub struct Cluster {
    /// The flags, up to and including the first that takes a value.
    pub flags: Vec<char>,
    /// The rest of the word after a flag that takes a value: its value.
    pub value: Option<String>,
    /// A flag takes a value and the word ends with it: the next word is the value.
    pub needs_next: bool,
    /// The long name of the last flag.
    pub long: Option<String>,
}

impl Cluster {
    pub fn read(cmd: &clap::Command, cluster: &str) -> Cluster {
        let mut out = Cluster {
            flags: Vec::new(),
            value: None,
            needs_next: false,
            long: None,
        };
        for (n, c) in cluster.char_indices() {
            let arg = cmd.get_arguments().find(|a| a.get_short() == Some(c));
            out.flags.push(c);
            out.long = arg.and_then(|a| a.get_long()).map(String::from);
            if takes_value(arg) {
                let rest = &cluster[n + c.len_utf8()..];
                out.needs_next = rest.is_empty();
                out.value = (!rest.is_empty()).then(|| rest.to_string());
                break;
            }
        }
        out
    }
}

/// Whether the option takes the next word as its value (not one whose value
/// is optional and must be written `--opt=VALUE`, such as `--tls-verify`).
fn takes_value(arg: Option<&clap::Arg>) -> bool {
    arg.is_some_and(|a| {
        a.get_action().takes_values()
            && !a.is_require_equals_set()
            && a.get_num_args().is_none_or(|n| n.min_values() > 0)
    })
}

/// husk's command tree, built: the global options (`--root`) are known to
/// every subcommand, as clap parses them.
pub fn command_tree() -> clap::Command {
    let mut cli = super::command();
    cli.build();
    cli
}

/// Subcommands whose first positional word ends husk's options (docker's rule).
const STOP_AT_FIRST_POSITIONAL: &[&str] = &["run", "create", "exec"];

/// Parse husk's command line: the monitor's own form, else clap on the
/// [`normalize`]d words, with clap's errors for docker's flags and commands
/// that husk lacks replaced by a plain "not supported yet". clap's tree is
/// freed here, though that is a sixth of the parse (0.22 of `husk create`'s
/// 1.45 M instructions): not freed, it stayed in every monitor that `run`
/// forks, 0.3 MiB more private memory each (RssAnon 0.92 -> 1.22 MiB).
pub fn parse(argv: Vec<OsString>) -> Result<super::Cli, clap::Error> {
    use clap::FromArgMatches;
    if let Some(cli) = super::Cli::monitor_invocation(argv.clone()) {
        return Ok(cli);
    }
    // Built once, and only as far as clap's parse needs (not every subcommand);
    // the top-level help's grouped listing only when help may be printed.
    let wants_help = argv.len() <= 1
        || argv
            .iter()
            .skip(1)
            .any(|a| a == "-h" || a == "--help" || a == "help");
    let cli = match wants_help {
        true => super::command(),
        false => <super::Cli as clap::CommandFactory>::command(),
    };
    // A flag given twice: the last one counts, as podman's parser does.
    let mut cli = last_one_wins(cli);
    let (argv, built) = normalize_with(&cli, argv);
    // The subcommand built to read its words (with the global options), in
    // place of its unbuilt definition: clap does not build it a second time.
    if let Some(built) = built {
        let name = built.get_name().to_string();
        cli = cli.mut_subcommand(name, |_| built);
    }
    if !wants_help {
        cli = globals_for_one_subcommand(cli, &argv);
    }
    let matches = cli.try_get_matches_from_mut(argv).map_err(plainer)?;
    super::Cli::from_arg_matches(&matches)
}

/// `cli` with its global options (`--root`) given to the subcommand `argv`
/// names alone, not to every subcommand: clap copies each global option into
/// each of the ~60 subcommands when it builds the tree, which was 0.5 ms of
/// every command's 1.9 (`husk version`). clap still hands a value given after the subcommand up to the
/// top, where [`super::Cli`] reads it. A word that names no subcommand leaves
/// `cli` as it is, for clap's error.
fn globals_for_one_subcommand(mut cli: clap::Command, argv: &[OsString]) -> clap::Command {
    let Some(first) = subcommand_word(&cli, argv) else {
        return cli;
    };
    let Some(sub) = argv[first]
        .to_str()
        .and_then(|w| cli.find_subcommand(w))
        .map(|sc| sc.get_name().to_string())
    else {
        return cli;
    };
    let globals = global_options(&cli);
    cli = cli.mut_subcommand(sub, |sc| with_globals(sc, &globals));
    for global in &globals {
        cli = cli.mut_arg(global.get_id().clone(), |a| a.global(false));
    }
    cli
}

/// The options of `cli` that clap would copy into every subcommand.
fn global_options(cli: &clap::Command) -> Vec<clap::Arg> {
    cli.get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect()
}

/// `sc` with those of the `globals` it does not have yet.
fn with_globals(mut sc: clap::Command, globals: &[clap::Arg]) -> clap::Command {
    for global in globals {
        if !sc.get_arguments().any(|a| a.get_id() == global.get_id()) {
            sc = sc.arg(global.clone());
        }
    }
    sc
}

/// Every subcommand's single-value options take the last of several values.
fn last_one_wins(cmd: clap::Command) -> clap::Command {
    cmd.args_override_self(true).mut_subcommands(last_one_wins)
}

/// clap's error, or a plainer one where clap would guess wrong.
fn plainer(err: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let value = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let Some(arg) = value(ContextKind::InvalidArg) else {
                return err;
            };
            let flag = arg.split('=').next().unwrap_or(&arg);
            if let Some((_, why)) = UNSUPPORTED_FLAGS.iter().find(|(f, _)| *f == flag) {
                let msg = format!("{flag}: {why}\n");
                return clap::Error::raw(ErrorKind::UnknownArgument, msg);
            }
            err
        }
        ErrorKind::InvalidSubcommand => {
            let Some(name) = value(ContextKind::InvalidSubcommand) else {
                return err;
            };
            if let Some((_, why)) = UNSUPPORTED_COMMANDS.iter().find(|(c, _)| *c == name) {
                let text = match why.starts_with("is ") {
                    true => format!("husk {name} {why}\n"),
                    false => format!("husk {name} is not supported: {why}\n"),
                };
                return clap::Error::raw(ErrorKind::InvalidSubcommand, text);
            }
            // Never suggest a hidden command (the monitor is husk's own helper).
            let hidden = match err.get(ContextKind::SuggestedSubcommand) {
                Some(ContextValue::Strings(s)) => s.iter().any(|s| s == "monitor"),
                Some(ContextValue::String(s)) => s == "monitor",
                _ => false,
            };
            if hidden {
                return clap::Error::raw(
                    ErrorKind::InvalidSubcommand,
                    format!("unrecognized subcommand '{name}'\n\nFor more information, try 'husk --help'.\n"),
                );
            }
            err
        }
        _ => err,
    }
}

/// docker and podman commands husk does not have: the command, and why.
const UNSUPPORTED_COMMANDS: &[(&str, &str)] = &[
    ("buildx", "husk build is husk's builder (there are no BuildKit builders)"),
    ("builder", "husk build is husk's builder (there are no BuildKit builders)"),
    (
        "stats",
        "needs cgroup controllers delegated to your user: husk gives rootless containers no cgroups of their own",
    ),
    ("machine", "husk runs containers on this host: it manages no virtual machines"),
    ("context", "docker's daemon contexts: husk has no daemon"),
    ("swarm", "docker's swarm mode: husk has no daemon"),
    ("service", "docker's swarm mode: husk has no daemon"),
    ("stack", "docker's swarm mode: husk has no daemon"),
    ("node", "docker's swarm mode: husk has no daemon"),
    ("plugin", "docker's daemon plugins: husk has no daemon"),
    ("trust", "husk verifies digests, not signatures"),
    ("mount", "is not supported yet (husk unshare gives a shell in husk's user namespace)"),
    ("umount", "is not supported yet"),
    ("unmount", "is not supported yet"),
    ("checkpoint", "needs CRIU, which rootless containers cannot use"),
    ("restore", "needs CRIU, which rootless containers cannot use"),
    (
        "update",
        "changes cgroup limits, and husk's rootless containers have no cgroups of their own",
    ),
    ("auto-update", "is not supported yet"),
    ("farm", "builds on remote machines: husk builds on this one"),
    ("artifact", "is not supported yet"),
];

/// docker and podman options (of run, create, exec and others) husk does not
/// have: the flag, and why.
const UNSUPPORTED_FLAGS: &[(&str, &str)] = &[
    (
        "--device-cgroup-rule",
        "device cgroup rules need root: a rootless container gets only the devices given with --device",
    ),
    (
        "--gpus",
        "needs a GPU runtime hook (NVIDIA's container toolkit), which husk does not run; pass the device nodes with --device",
    ),
    (
        "--cgroup-parent",
        "husk gives rootless containers no cgroup of their own, so there is no parent to choose",
    ),
    (
        "--cgroup-conf",
        "needs cgroup v2 controllers delegated to your user, which husk does not manage yet",
    ),
    (
        "--runtime",
        "husk is its own runtime: it runs no OCI runtime",
    ),
    (
        "--storage-opt",
        "husk's storage drivers take no per-container options (size= needs a quota-capable file system driver)",
    ),
    ("--init-ctr", "init containers of pods are not supported yet"),
    ("--pod-id-file", "give the pod by name or id: --pod POD"),
    (
        "--subuidname",
        "cannot work rootless: newuidmap maps only your own subordinate ids",
    ),
    (
        "--subgidname",
        "cannot work rootless: newgidmap maps only your own subordinate ids",
    ),
    (
        "--privileged-without-host-devices",
        "nerdctl's flag: husk's --privileged never adds the host's devices, so use --privileged",
    ),
    ("--preserve-fd", "podman's crun-only list of fds: husk hands on fds 3 to 3+N-1 with --preserve-fds N"),
    (
        "--decryption-key",
        "encrypted images are not supported by husk yet",
    ),
    ("--rdt-class", "needs root (the resctrl file system)"),
    (
        "--ipv6",
        "husk's networks are IPv4 only",
    ),
    ("--ip6", "husk's networks are IPv4 only"),
    ("--compat-auth-file", "husk writes podman's auth.json (--authfile names another); docker's config.json is read"),
    ("--insecure", "use --tls-verify=false"),
    (
        "--signature-policy",
        "husk verifies digests, not signatures: it reads no signature policy",
    ),
    (
        "--encrypt-layer",
        "encrypted images are not supported by husk yet",
    ),
    (
        "--encryption-key",
        "encrypted images are not supported by husk yet",
    ),
    ("--sign-by", "husk does not sign images (GPG signatures)"),
    ("--sign-by-sigstore", "husk does not sign images (sigstore)"),
    (
        "--sign-by-sigstore-private-key",
        "husk does not sign images (sigstore)",
    ),
    (
        "--sign-passphrase-file",
        "husk does not sign images",
    ),
    (
        "--link-local-ip",
        "husk's networks give no link-local addresses (IPv4 only, one address per network)",
    ),
    (
        "--cpp-flag",
        "husk does not run a Containerfile.in through the C preprocessor (run cpp yourself and give -f the result)",
    ),
    ("--cw", "confidential-workload images (krun) are not supported by husk"),
    ("--sbom", "husk does not scan images for a software bill of materials"),
    ("--sbom-scanner-image", "husk does not scan images for a software bill of materials"),
    ("--sbom-scanner-command", "husk does not scan images for a software bill of materials"),
    ("--sbom-merge-strategy", "husk does not scan images for a software bill of materials"),
    ("--sbom-output", "husk does not scan images for a software bill of materials"),
    ("--sbom-image-output", "husk does not scan images for a software bill of materials"),
    ("--sbom-purl-output", "husk does not scan images for a software bill of materials"),
    ("--sbom-image-purl-output", "husk does not scan images for a software bill of materials"),
    ("--provenance", "husk writes no build attestations"),
    ("--attest", "husk writes no build attestations"),
    ("--builder", "husk builds in-process: there are no builder instances"),
    ("--allow", "husk grants no BuildKit entitlements (network.host: --network host)"),
    ("--call", "husk has no frontend methods (BuildKit's --call/--check)"),
    ("--check", "husk has no frontend methods (BuildKit's --call/--check)"),
    ("--runtime-flag", "husk is its own runtime: it runs no OCI runtime"),
    ("--hooks-dir", "husk runs no OCI hooks"),
    (
        "--userns-uid-map-user",
        "cannot work rootless: newuidmap maps only your own subordinate ids (give --userns-uid-map)",
    ),
    (
        "--userns-gid-map-group",
        "cannot work rootless: newgidmap maps only your own subordinate ids (give --userns-gid-map)",
    ),
    ("--conmon", "husk's own monitor is its conmon: there is no other to run"),
    ("--network-config-dir", "husk keeps its networks in its store (ROOT/networks)"),
    ("--network-cmd-path", "husk finds pasta and slirp4netns on PATH"),
    ("--network-backend", "husk wires its networks itself (neither netavark nor CNI)"),
    ("--volumepath", "husk keeps its volumes in its store (ROOT/volumes)"),
    ("--imagestore", "husk keeps images and containers in one store (--root)"),
    ("--transient-store", "husk keeps container records in its store; only their runtime state is in --runroot"),
    ("--syslog", "husk writes its errors to standard error only"),
    ("--module", "husk reads husk.toml, registries.conf and auth files, not containers.conf modules"),
    ("--cdi-spec-dir", "husk has no CDI devices: pass device nodes with --device"),
    (
        "--config",
        "not a global option here: husk reads registry credentials from $DOCKER_CONFIG/config.json (set DOCKER_CONFIG=DIR)",
    ),
    (
        "--sign-by-sq-fingerprint",
        "husk does not sign images (Sequoia PGP)",
    ),
    ("--artifact", "OCI artifacts in manifest lists are not supported by husk yet"),
    ("--artifact-type", "OCI artifacts in manifest lists are not supported by husk yet"),
    ("--artifact-config", "OCI artifacts in manifest lists are not supported by husk yet"),
    ("--artifact-config-type", "OCI artifacts in manifest lists are not supported by husk yet"),
    ("--artifact-layer-type", "OCI artifacts in manifest lists are not supported by husk yet"),
    ("--artifact-exclude-titles", "OCI artifacts in manifest lists are not supported by husk yet"),
    ("--artifact-subject", "OCI artifacts in manifest lists are not supported by husk yet"),
    ("--subject", "an index's subject (artifacts referring to it) is not supported by husk yet"),
    ("--source-policy-file", "husk builds from what the Dockerfile names: it applies no source policies"),
    ("--save-stages", "husk keeps no stage images: each build writes the target's alone"),
    ("--stage-labels", "husk keeps no stage images: each build writes the target's alone"),
    (
        "--max",
        "husk's check reports unreferenced layers and blobs whatever their age (husk image prune removes them)",
    ),
    ("--cpu-count", "docker's flag for Windows containers"),
    ("--cpu-percent", "docker's flag for Windows containers"),
    ("--io-maxbandwidth", "docker's flag for Windows containers"),
    ("--io-maxiops", "docker's flag for Windows containers"),
];

/// `argv` with a `--` after the IMAGE of `run`/`create` and the CONTAINER of
/// `exec` (also as `husk container …`), unless the user wrote one before it.
pub fn normalize(argv: Vec<OsString>) -> Vec<OsString> {
    normalize_with(&super::command(), argv).0
}

/// [`normalize`] with husk's command tree `cli` (unbuilt: building every
/// subcommand costs more than the rest of a `husk run`'s parse); with it, the
/// top-level subcommand (`run`, not `container run`) it built to read the
/// words, if it did.
fn normalize_with(
    cli: &clap::Command,
    argv: Vec<OsString>,
) -> (Vec<OsString>, Option<clap::Command>) {
    // Most commands are none of these.
    if !argv
        .iter()
        .any(|a| STOP_AT_FIRST_POSITIONAL.iter().any(|s| a == s))
    {
        return (argv, None);
    }
    let Some((sub_at, sub, top_level)) = subcommand(cli, &argv) else {
        return (argv, None);
    };
    let Some(sub_cmd) = sub else {
        return (argv, None);
    };
    let argv = split_after_first_positional(&sub_cmd, argv, sub_at);
    (argv, top_level.then_some(sub_cmd))
}

/// `argv` with a `--` after the first positional word that follows the
/// subcommand `sub_cmd` (at `sub_at`), if anything but a `--` follows it.
fn split_after_first_positional(
    sub_cmd: &clap::Command,
    argv: Vec<OsString>,
    sub_at: usize,
) -> Vec<OsString> {
    let rest = &argv[sub_at + 1..];
    let first_positional = words(sub_cmd, rest).into_iter().find_map(|w| match w {
        Word::Positional(p) => Some(Some(p)),
        Word::EndOfOptions(_) => Some(None),
        Word::Opt { .. } => None,
    });
    match first_positional.flatten() {
        // Something follows, and it is not the user's own `--`.
        Some(p) if p + 1 < rest.len() && rest[p + 1] != "--" => {
            let split = sub_at + 1 + p + 1;
            let mut out = argv[..split].to_vec();
            out.push(OsString::from("--"));
            out.extend_from_slice(&argv[split..]);
            out
        }
        _ => argv,
    }
}

/// Where the subcommand's word is in `argv`: the first word that is not a
/// global option (`--root DIR`, `--storage-driver=D`) or its value.
fn subcommand_word(cli: &clap::Command, argv: &[OsString]) -> Option<usize> {
    words(cli, argv.get(1..)?)
        .into_iter()
        .find_map(|w| match w {
            Word::Positional(p) => Some(p + 1),
            _ => None,
        })
}

/// Where the subcommand word is in `argv`, its definition (built) if it is one
/// whose options stop at its first positional, and whether it is a top-level one.
fn subcommand(
    cli: &clap::Command,
    argv: &[OsString],
) -> Option<(usize, Option<clap::Command>, bool)> {
    let first = subcommand_word(cli, argv)?;
    let mut at = first;
    let mut cmd = cli.find_subcommand(argv[at].to_str()?)?.clone();
    if cmd.get_name() == "container" {
        let inner = argv.get(at + 1)?;
        at += 1;
        cmd.build(); // its subcommands are deferred until then
        cmd = cmd.find_subcommand(inner.to_str()?)?.clone();
    }
    if !STOP_AT_FIRST_POSITIONAL.contains(&cmd.get_name()) {
        return Some((at, None, at == first));
    }
    // As clap parses it: with the global options (`--root`) and their values
    // known, and the version the parent hands down (`-V`).
    let globals = global_options(cli);
    cmd = with_globals(cmd, &globals);
    if let (true, Some(version)) = (cli.is_propagate_version_set(), cli.get_version()) {
        cmd = cmd.version(version.to_string());
    }
    cmd.build();
    Some((at, Some(cmd), at == first))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `run`, `create` and `exec` as [`parse`] builds them (once, to read
    /// their words) are what the whole tree's build makes of them: the same
    /// options and help.
    #[test]
    fn a_subcommand_built_for_its_words_is_the_one_clap_builds() {
        let mut full = command_tree();
        for name in STOP_AT_FIRST_POSITIONAL {
            let argv: Vec<OsString> = ["husk", name, "x", "y"].map(OsString::from).to_vec();
            let (_, built) = normalize_with(&last_one_wins(super::super::command()), argv);
            let mut built = built.expect("built");
            let whole = full.find_subcommand_mut(name).expect("in the tree");
            // The usage's program name comes from the parent, set when clap parses.
            let help =
                |c: &mut clap::Command| c.render_long_help().to_string().replace("husk ", "");
            let (built, whole) = (help(&mut built), help(whole));
            let differ = built.lines().zip(whole.lines()).find(|(a, b)| a != b);
            assert_eq!(differ, None, "{name}");
            assert_eq!(built.lines().count(), whole.lines().count(), "{name}");
        }
    }

    /// The global options are read before and after the subcommand, also
    /// one level down, though only the subcommand named is given them.
    #[test]
    fn global_options_are_read_anywhere() {
        let root = |args: &[&str]| {
            let argv = args.iter().map(OsString::from).collect();
            parse(argv).expect("parses").root
        };
        let want = Some(std::path::PathBuf::from("/r"));
        assert_eq!(root(&["husk", "--root", "/r", "ps"]), want);
        assert_eq!(root(&["husk", "ps", "-a", "--root=/r"]), want);
        assert_eq!(root(&["husk", "container", "ls", "--root", "/r"]), want);
        assert_eq!(root(&["husk", "--root", "/x", "ps", "--root", "/r"]), want);
        assert_eq!(
            root(&["husk", "run", "--root", "/r", "img", "--root", "/c"]),
            want
        );
        let err = parse(["husk", "ps", "--root"].map(OsString::from).to_vec());
        assert!(err.is_err(), "a global option's value is still required");
    }

    fn norm(args: &[&str]) -> Vec<String> {
        normalize(args.iter().map(OsString::from).collect())
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn options_stop_at_the_image() {
        assert_eq!(
            norm(&[
                "husk",
                "run",
                "--entrypoint",
                "ls",
                "busybox",
                "-l",
                "/bin/sh"
            ]),
            [
                "husk",
                "run",
                "--entrypoint",
                "ls",
                "busybox",
                "--",
                "-l",
                "/bin/sh"
            ]
        );
        assert_eq!(
            norm(&["husk", "--root", "/r", "run", "--rm", "-v", "/a:/b", "img", "--help"]),
            ["husk", "--root", "/r", "run", "--rm", "-v", "/a:/b", "img", "--", "--help"]
        );
        assert_eq!(
            norm(&["husk", "container", "exec", "-it", "web", "sh", "-c", "x"]),
            [
                "husk",
                "container",
                "exec",
                "-it",
                "web",
                "--",
                "sh",
                "-c",
                "x"
            ]
        );
        assert_eq!(
            norm(&["husk", "create", "-eA=1", "-w", "/tmp", "img", "-v"]),
            ["husk", "create", "-eA=1", "-w", "/tmp", "img", "--", "-v"]
        );
    }

    #[test]
    fn other_command_lines_are_left_alone() {
        for args in [
            &["husk", "run", "img"][..],
            &["husk", "run", "--rm", "--", "img", "-l"],
            &["husk", "exec", "c", "--", "echo", "-e"],
            &["husk", "ps", "-a"],
            &["husk", "run", "--help"],
            &["husk"],
        ] {
            assert_eq!(norm(args), args);
        }
    }

    #[test]
    fn docker_flags_husk_lacks_are_named_plainly() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        let err = parse(args(&["husk", "run", "--gpus", "all", "img"])).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("error: --gpus: needs a GPU runtime hook"),
            "{err}"
        );
        let err = parse(args(&["husk", "machine", "x"])).unwrap_err();
        assert!(
            err.to_string()
                .contains("husk machine is not supported: husk runs containers"),
            "{err}"
        );
        let err = parse(args(&["husk", "monitr"])).unwrap_err();
        assert!(!err.to_string().contains("monitor"), "{err}");
        assert!(parse(args(&["husk", "run", "img", "--cpus"])).is_ok());
    }

    #[test]
    fn words_follow_clap_s_table() {
        let cli = command_tree();
        let run = cli.find_subcommand("run").unwrap();
        let args: Vec<OsString> = [
            "-dit",
            "-v/a:/b",
            "--name",
            "x",
            "--tls-verify",
            "--root",
            "/r",
            "img",
        ]
        .iter()
        .map(OsString::from)
        .collect();
        let w = words(run, &args);
        assert_eq!(w.len(), 6, "{w:?}");
        assert!(matches!(&w[2], Word::Opt { start: 2, end: 4, long: Some(l) } if l == "name"));
        assert!(
            matches!(&w[3], Word::Opt { start: 4, end: 5, long: Some(l) } if l == "tls-verify")
        );
        assert!(matches!(&w[4], Word::Opt { start: 5, end: 7, long: Some(l) } if l == "root"));
        assert_eq!(w[5], Word::Positional(7));
    }
}
