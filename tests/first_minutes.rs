//! What a docker or podman user hits in the first ten minutes (issue 12): each
//! test is one defect found by trying husk as such a user would.

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{image, Home};

fn bb() -> String {
    image("busybox")
}

#[test]
fn arguments_after_the_image_belong_to_the_command() {
    let home = Home::new();
    // -l is ls's, not husk's --label; --help is busybox's, not husk's.
    let out = home
        .husk(&["run", "--rm", "--entrypoint", "ls", &bb(), "-l", "/bin/sh"])
        .ok()
        .to_string();
    assert!(out.contains("/bin/sh -> busybox"), "{out}");
    let id = home
        .husk(&["create", "--entrypoint", "ls", &bb(), "-l", "/bin/sh"])
        .ok()
        .trim()
        .to_string();
    let labels = home
        .husk(&["inspect", "--format", "{{json .Config.Labels}}", &id])
        .ok()
        .to_string();
    assert!(!labels.contains("/bin/sh"), "{labels}");
    // As in docker: --help after the image replaces its Cmd (busybox has no entrypoint).
    let run = home.husk(&["run", "--rm", &bb(), "--help"]);
    run.fails(127, "exec: \"--help\": executable file not found");
    assert!(!run.stdout.contains("Usage: husk"), "{}", run.stdout);
    // A `-v` after the image is the command's (here: an argument of echo).
    let out = home.husk(&["run", "--rm", "--entrypoint", "echo", &bb(), "-v", "x"]);
    assert_eq!(out.ok(), "-v x\n");
    // exec: options stop at CONTAINER.
    home.husk(&["run", "-d", "--name", "c", &bb(), "sleep", "300"])
        .ok();
    let out = home
        .husk(&["exec", "c", "ls", "-l", "/bin/sh"])
        .ok()
        .to_string();
    assert!(out.contains("/bin/sh -> busybox"), "{out}");
    // A user's own -- still works.
    assert_eq!(home.husk(&["exec", "c", "--", "echo", "-v"]).ok(), "-v\n");
    home.husk(&["rm", "-af"]).ok();
}

#[test]
fn it_without_a_terminal_is_refused_at_once() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let start = Instant::now();
    home.husk_stdin(&["run", "--rm", "-it", &bb(), "sh"], "echo hi\n")
        .fails(1, "the input device is not a TTY");
    home.husk(&["run", "-d", "--name", "c", &bb(), "sleep", "300"])
        .ok();
    home.husk(&["exec", "-it", "c", "sh"])
        .fails(1, "the input device is not a TTY");
    assert!(start.elapsed() < Duration::from_secs(30));
    // -t alone (no stdin) and -i alone are fine, as in docker.
    assert_eq!(
        home.husk(&["exec", "-t", "c", "echo", "ok"]).ok().trim(),
        "ok"
    );
    assert_eq!(
        home.husk_stdin(&["exec", "-i", "c", "cat"], "in\n").ok(),
        "in\n"
    );
    assert_eq!(
        home.husk(&["ps", "-aq"]).ok().lines().count(),
        1,
        "nothing was created"
    );
    home.husk(&["rm", "-af"]).ok();
}

#[test]
fn prune_and_reset_ask_on_a_terminal_and_refuse_otherwise() {
    let home = Home::new();
    home.husk(&["create", "--name", "c", &bb(), "true"]).ok();
    home.husk_stdin(&["container", "prune"], "y\n")
        .fails(125, "use -f");
    home.husk_stdin(&["system", "reset"], "y\n")
        .fails(125, "use -f");
    assert_eq!(home.husk(&["ps", "-aq"]).ok().lines().count(), 1);
    // On a terminal it asks; "n" keeps everything, "y" prunes.
    let script = |answer: &str| {
        let cmd = format!("{} container prune; echo rc=$?", home.bin().display());
        let mut session = Session::start(&home, &cmd);
        session.send(answer.as_bytes());
        session.wait_for("rc=");
        let seen = session.seen.lock().unwrap().clone();
        session.finish();
        seen
    };
    let out = script("n\n");
    assert!(
        out.contains("Are you sure") && out.contains("rc=0"),
        "{out}"
    );
    assert_eq!(home.husk(&["ps", "-aq"]).ok().lines().count(), 1);
    let out = script("y\n");
    assert!(out.contains("rc=0"), "{out}");
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
    home.husk(&["container", "prune", "-f"]).ok();
}

/// Run husk with a stdout pipe whose reader is already gone.
fn into_closed_pipe(home: &Home, args: &[&str]) -> (Option<i32>, Option<i32>, String) {
    use std::os::unix::process::ExitStatusExt;
    let (r, w) = nix::unistd::pipe().unwrap();
    drop(r);
    let out = home
        .cmd(args)
        .stdout(Stdio::from(w))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (
        out.status.code(),
        out.status.signal(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_commands_quietly() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "c",
        &bb(),
        "sh",
        "-c",
        "echo hi; sleep 300",
    ])
    .ok();
    while home.husk(&["logs", "c"]).stdout.is_empty() {
        std::thread::sleep(Duration::from_millis(20));
    }
    for args in [
        &["ps", "-a"][..],
        &["inspect", "c"],
        &["images"],
        &["logs", "c"],
        &["info"],
    ] {
        let (code, signal, stderr) = into_closed_pipe(&home, args);
        assert!(
            signal == Some(libc::SIGPIPE) || code == Some(141),
            "{args:?}: code {code:?} signal {signal:?}: {stderr}"
        );
        assert_eq!(stderr, "", "{args:?}");
    }
    // pull keeps SIGPIPE ignored (network), and still ends quietly.
    let (code, _, stderr) = into_closed_pipe(&home, &["pull", "-q", &bb()]);
    assert_eq!(code, Some(141), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // cp's archive on stdout (EPIPE handled, SIGPIPE ignored): quiet too.
    let (code, _, stderr) = into_closed_pipe(&home, &["cp", "c:/bin", "-"]);
    assert_eq!((code, stderr.as_str()), (Some(141), ""));
    home.husk(&["rm", "-af"]).ok();
}

/// Run husk with standard fds `closed` closed.
fn with_closed_fds(home: &Home, closed: &'static [i32], args: &[&str]) -> (Option<i32>, String) {
    use std::os::unix::process::CommandExt;
    let mut cmd = home.cmd(args);
    // SAFETY: close(2) between fork and exec, of fds the child has.
    unsafe {
        cmd.pre_exec(move || {
            for fd in closed {
                libc::close(*fd);
            }
            Ok(())
        });
    }
    let out = cmd.stderr(Stdio::piped()).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code(), stderr)
}

/// husk starts without std's start-up (src/main.rs): a closed stdin or
/// stdout must still be /dev/null to it, never the first file it opens.
#[test]
fn closed_standard_fds_read_and_write_as_dev_null() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    for args in [&["version"][..], &["ps", "-a"], &["images"]] {
        let (code, stderr) = with_closed_fds(&home, &[1], args);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "{args:?}");
    }
    let (code, stderr) = with_closed_fds(&home, &[0, 1], &["run", "--rm", "-i", &bb(), "cat"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let (code, stderr) = with_closed_fds(&home, &[0], &["run", "--rm", "-i", &bb(), "wc", "-c"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
}

#[test]
fn helpers_show_short_honest_command_lines() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--init",
        "--name",
        "web",
        "-e",
        "DB_PASSWORD=hunter2",
        &bb(),
        "sleep",
        "300",
    ])
    .ok();
    let cmdline = |pid: &str| {
        std::fs::read(format!("/proc/{pid}/cmdline"))
            .map(|b| {
                String::from_utf8_lossy(&b)
                    .replace('\0', " ")
                    .trim()
                    .to_string()
            })
            .unwrap_or_default()
    };
    let monitor = home
        .husk(&["inspect", "--format", "{{.State.MonitorPid}}", "web"])
        .ok()
        .trim()
        .to_string();
    assert_eq!(cmdline(&monitor), "husk-monitor web");
    let pause = std::fs::read_to_string(home.dir.join("run/husk/pause.pid")).unwrap();
    assert_eq!(cmdline(pause.trim()), "husk-pause");
    // PID 1 (--init) inside: its name, and none of the user's environment.
    let one = home
        .husk(&["exec", "web", "cat", "/proc/1/cmdline"])
        .ok()
        .to_string();
    assert_eq!(one.trim_end_matches('\0'), "husk-init");
    // Default capabilities cannot read PID 1's environ at all; privileged ones can.
    home.husk(&["exec", "web", "cat", "/proc/1/environ"])
        .fails(1, "Permission denied");
    home.husk(&[
        "run",
        "-d",
        "--init",
        "--privileged",
        "--name",
        "priv",
        &bb(),
        "sleep",
        "300",
    ])
    .ok();
    let env = home
        .husk(&["exec", "priv", "cat", "/proc/1/environ"])
        .ok()
        .to_string();
    assert!(!env.contains("HOME="), "{env:?}");
    // No process of the user's shows the password in its command line.
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if pid.bytes().all(|b| b.is_ascii_digit()) {
            assert!(
                !cmdline(&pid).contains("hunter2"),
                "pid {pid}: {}",
                cmdline(&pid)
            );
        }
    }
    home.husk(&["rm", "-f", "web", "priv"]).ok();
}

#[test]
fn unshare_removes_what_containers_wrote_as_other_users() {
    let home = Home::new();
    home.write("out/.keep", "");
    let out = home.dir.join("out");
    let volume = format!("{}:/out", out.display());
    home.husk(&[
        "run",
        "--rm",
        "-v",
        &volume,
        &bb(),
        "sh",
        "-c",
        "mkdir /out/d && touch /out/d/f && chown -R 1000:1000 /out/d",
    ])
    .ok();
    // As the user, the files of container uid 1000 cannot be removed...
    let rm = home
        .program(
            std::path::Path::new("/bin/rm"),
            &["-rf", out.join("d").to_str().unwrap()],
        )
        .output()
        .unwrap();
    assert!(!rm.status.success());
    // ...in husk's user namespace they can.
    assert_eq!(home.husk(&["unshare", "id", "-u"]).ok(), "0\n");
    home.husk(&["unshare", "rm", "-rf", out.join("d").to_str().unwrap()])
        .ok();
    assert!(!out.join("d").exists());
    let root = home
        .husk(&["unshare", "sh", "-c", "echo $HUSK_GRAPHROOT"])
        .ok()
        .trim()
        .to_string();
    assert_eq!(root, home.store().display().to_string());
    home.husk(&["unshare", "/no/such/program"])
        .fails(127, "/no/such/program");
}

#[test]
fn help_is_grouped_and_unknown_docker_flags_are_named() {
    let home = Home::new();
    let top = home.husk(&["--help"]).ok().to_string();
    for heading in [
        "Common Commands:",
        "Management Commands:",
        "Commands:",
        "husk help COMMAND",
    ] {
        assert!(top.contains(heading), "{heading}: {top}");
    }
    assert!(!top.contains("monitor"), "{top}");
    let run = home.husk(&["help", "run"]).ok().to_string();
    let own = run.find("--rm").unwrap();
    let global = run
        .find("Global Options:")
        .expect("a Global Options heading");
    assert!(global > own && run[global..].contains("--root"), "{run}");
    home.husk(&["run", "--gpus", "all", &bb()])
        .fails(125, "--gpus: needs a GPU runtime hook");
    home.husk(&["machine", "init"]).fails(
        125,
        "husk machine is not supported: husk runs containers on this host",
    );
    home.husk(&["stats"])
        .fails(125, "husk stats is not supported: needs cgroup controllers");
    home.husk(&["create", "--init-ctr", "always", &bb()])
        .fails(125, "init containers of pods are not supported yet");
    // podman's spellings of commands under their groups.
    home.husk(&[
        "container",
        "run",
        "--name",
        "cr",
        &bb(),
        "sh",
        "-c",
        "echo hi > /f",
    ])
    .ok();
    home.husk(&["container", "create", "--name", "cc", &bb(), "true"])
        .ok();
    let listed = home.husk(&["container", "ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(listed.ok(), "cc\ncr\n");
    home.husk(&["container", "commit", "cr", "committed"]).ok();
    assert_eq!(
        home.husk(&["run", "--rm", "committed", "cat", "/f"]).ok(),
        "hi\n"
    );
    home.husk(&["container", "exists", "--external", "cc"]).ok();
    home.husk(&["container", "exists", "--external", "nope"])
        .fails(1, "");
    let info = home.husk(&["system", "info", "--format", "{{.Host.Arch}}"]);
    assert!(!info.ok().trim().is_empty());
    home.husk(&["image", "search", "--help"]).ok();
    home.husk(&[
        "secret",
        "create",
        "--driver-opts",
        "path=/tmp",
        "s",
        "/etc/hostname",
    ])
    .fails(125, "in its store");
    let out = home.dir.join("plain.tar");
    home.husk(&["save", "--uncompressed", "-o", out.to_str().unwrap(), &bb()])
        .ok();
    home.husk(&["rm", "-f", "cc", "cr"]).ok();
    let typo = home.husk(&["monitr"]);
    typo.fails(125, "unrecognized subcommand");
    assert!(!typo.stderr.contains("monitor"), "{}", typo.stderr);
}

#[test]
fn bash_completes_container_and_image_names() {
    let home = Home::new();
    home.husk(&["create", "--name", "webserver", &bb(), "true"])
        .ok();
    // `husk` on PATH, as a user has it.
    let bin_dir = home.dir.join("bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    std::os::unix::fs::symlink(home.bin(), bin_dir.join("husk")).unwrap();
    // As bash calls it: COMP_WORDS, COMP_CWORD, and (command, word, previous word).
    let complete = |words: &str, cword: usize| {
        let script = format!(
            "source <(husk completion bash); COMP_WORDS=({words}); COMP_CWORD={cword}; \
             _husk_names husk \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        );
        let out = home
            .program(std::path::Path::new("/bin/bash"), &["-c", &script])
            .env("PATH", format!("{}:/usr/bin:/bin", bin_dir.display()))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(complete("husk stop web", 2), "webserver\n");
    assert_eq!(complete("husk container rm w", 3), "webserver\n");
    assert!(complete("husk rmi ''", 2).contains("busybox:latest"));
    // Options still complete from clap's script.
    assert!(complete("husk stop --ti", 2).contains("--time"));
    home.husk(&["rm", "webserver"]).ok();
}

#[test]
fn format_templates_as_docker_has_them() {
    let home = Home::new();
    home.write("data/.keep", "");
    let volume = format!("{}:/data", home.dir.join("data").display());
    home.husk(&[
        "run",
        "-d",
        "--name",
        "web",
        "-l",
        "tier=front",
        "-v",
        &volume,
        &bb(),
        "sleep",
        "300",
    ])
    .ok();
    let out = home
        .husk(&["ps", "--format", "table {{.ID}}\\t{{.Names}}\\t{{.Status}}"])
        .ok()
        .to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("CONTAINER ID   NAMES     STATUS"),
        "{out}"
    );
    assert_eq!(
        lines[1].find("web"),
        lines[0].find("NAMES"),
        "aligned: {out}"
    );
    let out = home
        .husk(&[
            "ps",
            "--format",
            "{{.Names | upper}} {{printf \"%-5s|\" .Names}} {{if .Labels}}labelled{{end}}",
        ])
        .ok()
        .to_string();
    assert_eq!(out, "WEB web  | labelled\n");
    home.husk(&["ps", "--format", "{{.Nope}}"])
        .fails(125, "can't evaluate field Nope");
    home.husk(&["ps", "--format", "{{nosuch .Names}}"])
        .fails(125, "function \"nosuch\" not defined");
    // inspect: only the user's mounts, docker's key order.
    let mounts = home
        .husk(&[
            "inspect",
            "--format",
            "{{range .Mounts}}{{.Destination}};{{end}}",
            "web",
        ])
        .ok()
        .to_string();
    assert_eq!(mounts.trim(), "/data;");
    let doc = home.husk(&["inspect", "web"]).json();
    let keys: Vec<&str> = doc[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let order = [
        "Id",
        "Created",
        "Path",
        "Args",
        "State",
        "Image",
        "LogPath",
        "Name",
        "HostConfig",
        "Mounts",
        "Config",
    ];
    let at = |k: &str| {
        keys.iter()
            .position(|x| *x == k)
            .unwrap_or_else(|| panic!("{k}"))
    };
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{keys:?}");
    let out = home
        .husk(&["images", "--format", "table {{.ID}}\\t{{.Repository}}"])
        .ok()
        .to_string();
    assert!(out.starts_with("IMAGE ID       REPOSITORY"), "{out}");
    home.husk(&["rm", "-f", "web"]).ok();
}

#[test]
fn foreground_runs_are_logged() {
    let home = Home::new();
    assert_eq!(
        home.husk(&["run", "--name", "fg", &bb(), "echo", "hi"])
            .ok(),
        "hi\n"
    );
    assert_eq!(home.husk(&["logs", "fg"]).ok(), "hi\n");
    // stdout and stderr apart, stdin piped through with -i, the exit code kept.
    let run = home.husk_stdin(
        &[
            "run",
            "-i",
            "--name",
            "fg2",
            &bb(),
            "sh",
            "-c",
            "cat; echo err >&2; exit 3",
        ],
        "in\n",
    );
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (3, "in\n", "err\n")
    );
    let logs = home.husk(&["logs", "fg2"]);
    assert_eq!((logs.ok(), logs.stderr.as_str()), ("in\n", "err\n"));
    // --rm: gone when run returns.
    home.husk(&["run", "--rm", "--name", "gone", &bb(), "true"])
        .ok();
    assert!(!home
        .husk(&["ps", "-a", "--format", "{{.Names}}"])
        .ok()
        .contains("gone"));
    home.husk(&["rm", "fg", "fg2"]).ok();
}

/// A command on a terminal (`script`), typed at and read from.
struct Session {
    child: std::process::Child,
    input: std::process::ChildStdin,
    seen: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Session {
    fn start(home: &Home, command: &str) -> Session {
        use std::io::Read;
        let inner = format!("stty rows 24 cols 80; {command}");
        let mut child = home
            .program(
                std::path::Path::new("/usr/bin/script"),
                &["-qec", &inner, "/dev/null"],
            )
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let input = child.stdin.take().unwrap();
        let mut output = child.stdout.take().unwrap();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let s = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = output.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Session { child, input, seen }
    }

    fn send(&mut self, bytes: &[u8]) {
        use std::io::Write;
        self.input.write_all(bytes).unwrap();
        self.input.flush().unwrap();
    }

    fn wait_for(&self, needle: &str) {
        let start = Instant::now();
        while !self.seen.lock().unwrap().contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never saw {needle:?}: {:?}",
                self.seen.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The exit code of the command (script -e passes it on), within 20 s.
    fn finish(mut self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "still running: {:?}",
                self.seen.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn detach_keys_leave_containers_and_commands_running() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let bin = home.bin().display().to_string();
    let running = |name: &str| {
        home.husk(&["ps", "--format", "{{.Names}}"])
            .ok()
            .lines()
            .any(|l| l == name)
    };
    // run -it, then ctrl-p ctrl-q: husk returns 0, the container runs on.
    let mut s = Session::start(&home, &format!("{bin} run -it --name d {} sh", bb()));
    s.wait_for("/ # ");
    s.send(b"echo mark-$((1+1))\n");
    s.wait_for("mark-2");
    s.send(b"\x10\x11");
    assert_eq!(s.finish(), 0);
    assert!(running("d"));
    // attach with other keys; what was typed before still reaches it.
    let mut s = Session::start(&home, &format!("{bin} attach --detach-keys ctrl-a,x d"));
    s.send(b"echo again-$((2+2))\n");
    s.wait_for("again-4");
    s.send(b"\x01x");
    assert_eq!(s.finish(), 0);
    assert!(running("d"));
    // exec -it: the command goes on after detaching.
    let mut s = Session::start(&home, &format!("{bin} exec -it d sh"));
    s.wait_for("/ # ");
    s.send(b"exec sleep 1000\n");
    std::thread::sleep(Duration::from_millis(300));
    s.send(b"\x10\x11");
    assert_eq!(s.finish(), 0);
    std::thread::sleep(Duration::from_millis(200));
    let ps = home.husk(&["exec", "d", "ps"]).ok().to_string();
    assert!(ps.contains("sleep 1000"), "{ps}");
    home.husk(&["run", "--detach-keys", "ctrl-", &bb(), "true"])
        .fails(125, "detach keys");
    home.husk(&["rm", "-f", "d"]).ok();
}

/// podman's flags of 4.4 and later, and its hidden aliases, as scripts use them.
#[test]
fn podmans_later_flags_and_aliases() {
    let home = Home::new();
    // run --no-hostname; --dns-opt and --healthcheck-* are podman's old spellings.
    let run = home.husk(&[
        "run",
        "--rm",
        "--no-hostname",
        "--dns-opt",
        "ndots:3",
        "--healthcheck-command",
        "true",
        "--override-arch",
        "amd64",
        &bb(),
        "sh",
        "-c",
        "[ -e /etc/hostname ] || echo no hostname; grep -o ndots:3 /etc/resolv.conf",
    ]);
    assert_eq!(run.ok(), "no hostname\nndots:3\n");
    // Global --out, --runroot, --events-backend none.
    let out = home.dir.join("out.txt");
    let runroot = home.dir.join("rr");
    home.husk(&[
        "--out",
        out.to_str().unwrap(),
        "--runroot",
        runroot.to_str().unwrap(),
        "--events-backend",
        "none",
        "run",
        "--name",
        "quiet",
        &bb(),
        "echo",
        "to the file",
    ])
    .ok();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "to the file\n");
    assert!(runroot.is_dir());
    let events = home.husk(&["events", "--stream=false", "--filter", "container=quiet"]);
    assert_eq!(events.ok(), "", "no events with --events-backend none");
    home.husk(&["--events-backend", "journald", "ps"])
        .fails(125, "its own log");
    home.husk(&["--cgroup-manager", "systemd", "ps", "--notruncate"])
        .ok();
    home.husk(&["--conmon", "/usr/bin/conmon", "ps"])
        .fails(125, "own monitor");
    // exec --wait, --no-session; wait --return-on-first.
    home.husk(&["run", "-d", "--name", "slow", &bb(), "sleep", "30"])
        .ok();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "quick",
        &bb(),
        "sh",
        "-c",
        "sleep 0.3; exit 3",
    ])
    .ok();
    assert_eq!(
        home.husk(&["exec", "--wait", "5", "--no-session", "slow", "echo", "in"])
            .ok(),
        "in\n"
    );
    let first = home.husk(&["wait", "--return-on-first", "slow", "quick"]);
    assert_eq!(first.ok(), "3\n");
    home.husk(&["exec", "--no-session", "-d", "slow", "true"])
        .fails(125, "cannot be used with");
    home.husk(&["rm", "-f", "-t", "0", "slow", "quick", "quiet"])
        .ok();
    // system events is events; system check -q skips the digests, -f needs -r.
    home.husk(&["system", "events", "--stream=false"]).ok();
    assert!(home
        .husk(&["system", "check", "-q"])
        .ok()
        .contains("consistent"));
    home.husk(&["system", "check", "-f"]).fails(125, "--repair");
    // volume prune --dry-run lists, removes nothing.
    home.husk(&["volume", "create", "spare"]).ok();
    assert_eq!(home.husk(&["volume", "prune", "--dry-run"]).ok(), "spare\n");
    home.husk(&["volume", "exists", "spare"]).ok();
    // secret create --ignore keeps the first; manifest rm --ignore.
    let first = home.husk_stdin(&["secret", "create", "s1", "-"], "one");
    let id = first.ok().trim().to_string();
    let again = home.husk_stdin(&["secret", "create", "--ignore", "s1", "-"], "two");
    assert_eq!(again.ok().trim(), id);
    home.husk(&["manifest", "rm", "--ignore", "nolist"]).ok();
    home.husk(&["manifest", "add", "--artifact", "l", "f"])
        .fails(125, "OCI artifacts");
}
