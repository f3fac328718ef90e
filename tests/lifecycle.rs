//! Detached containers and their lifecycle commands, as an unprivileged user:
//! run -d, ps, logs, exec, stop, kill, wait, rm, start, restart, inspect, and
//! what happens when a monitor or a container is killed.

mod common;

use std::time::{Duration, Instant};

use common::{fact, image, Home};

fn bb() -> String {
    image("busybox")
}

/// A service: greets on stdout and stderr, says bye and exits 3 on SIGTERM.
const SERVICE: &str = "echo hello; echo oops >&2; trap 'echo bye; exit 3' TERM; \
                       while true; do sleep 0.1; done";

/// Start a detached service container; returns its id.
fn service(home: &Home, name: &str) -> String {
    let run = home.husk(&[
        "run",
        "-d",
        "-q",
        "--name",
        name,
        &bb(),
        "sh",
        "-c",
        SERVICE,
    ]);
    let id = run.ok().trim().to_string();
    assert_eq!(id.len(), 64, "run -d prints the full id: {id:?}");
    id
}

/// Poll `cond` for up to 20 s.
fn eventually(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < Duration::from_secs(20), "never: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn status(home: &Home, name: &str) -> String {
    home.husk(&["inspect", "--format", "{{.State.Status}}", name])
        .ok()
        .trim()
        .to_string()
}

#[test]
fn detached_service_logs_exec_stop_rm() {
    let home = Home::new();
    let id = service(&home, "web");
    let ps = home.husk(&["ps", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.ok().starts_with("web Up "), "{}", ps.stdout);
    assert_eq!(status(&home, "web"), "running");
    assert_eq!(
        home.husk(&["ps", "-q", "--no-trunc"]).ok().trim(),
        id,
        "ps -q --no-trunc"
    );
    eventually("the greeting in the log", || {
        home.husk(&["logs", "web"]).stdout == "hello\n"
    });
    let logs = home.husk(&["logs", "web"]);
    assert_eq!(logs.stderr, "oops\n");
    let stamped = home.husk(&["logs", "-t", "web"]);
    let line = stamped.ok().trim_end();
    assert!(
        line.ends_with("Z hello") && line.starts_with("20"),
        "logs -t: {line}"
    );

    // exec: output, exit codes, environment, working directory, user.
    assert_eq!(home.husk(&["exec", "web", "echo", "hi"]).ok(), "hi\n");
    assert_eq!(home.husk(&["exec", "web", "sh", "-c", "exit 5"]).code, 5);
    home.husk(&["exec", "web", "nosuchcommand"])
        .fails(127, "not found");
    let out = home.husk(&[
        "exec",
        "-e",
        "X=1",
        "-w",
        "/tmp",
        "-u",
        "1000",
        "web",
        "sh",
        "-c",
        "echo $X $(pwd) $(id -u)",
    ]);
    assert_eq!(out.ok(), "1 /tmp 1000\n");
    // --env-file, a host file read before husk joins the container; -e over it.
    home.write("exec.env", "# comment\nA=from-file\nB=file\n");
    let env_file = home.dir.join("exec.env");
    assert_eq!(
        home.husk(&[
            "exec",
            "--env-file",
            env_file.to_str().unwrap(),
            "-e",
            "B=flag",
            "web",
            "sh",
            "-c",
            "echo $A $B",
        ])
        .ok(),
        "from-file flag\n"
    );
    home.husk(&["exec", "--env-file", "/no/such/env", "web", "true"])
        .fails(125, "env file");
    // The exec'd process is in the container's pid namespace: PID 1 is the service.
    let out = home.husk(&["exec", "web", "cat", "/proc/1/cmdline"]);
    assert!(out.ok().starts_with("sh\0-c\0"), "{:?}", out.stdout);
    // -t: a terminal of the container's own devpts.
    let out = home.husk(&["exec", "-t", "web", "tty"]);
    assert!(out.ok().starts_with("/dev/pts/"), "{:?}", out.stdout);
    let out = home.husk_stdin(&["exec", "-i", "web", "wc", "-c"], "four");
    assert_eq!(out.ok().trim(), "4");
    home.husk(&["exec", "-d", "web", "sh", "-c", "echo detached > /tmp/mark"])
        .ok();
    eventually("exec -d ran", || {
        home.husk(&["exec", "web", "cat", "/tmp/mark"]).stdout == "detached\n"
    });

    // stop: SIGTERM runs the trap; wait prints its exit code.
    assert_eq!(home.husk(&["stop", "web"]).ok(), "web\n");
    assert_eq!(home.husk(&["wait", "web"]).ok(), "3\n");
    assert_eq!(status(&home, "web"), "exited");
    let ps = home.husk(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"]);
    assert!(ps.ok().starts_with("web Exited (3) "), "{}", ps.stdout);
    assert!(
        home.husk(&["ps", "-q"]).ok().is_empty(),
        "ps shows only running ones"
    );
    assert!(home.husk(&["logs", "web"]).ok().ends_with("bye\n"));
    // A stopped container: stop is a no-op, kill and exec fail with 125, logs still work.
    assert_eq!(home.husk(&["stop", "web"]).ok(), "web\n");
    home.husk(&["kill", "web"]).fails(125, "is not running");
    home.husk(&["exec", "web", "true"])
        .fails(125, "is not running");

    // Started again (same writable layer): the mark is still there.
    assert_eq!(home.husk(&["start", "web"]).ok(), "web\n");
    assert_eq!(status(&home, "web"), "running");
    assert_eq!(
        home.husk(&["exec", "web", "cat", "/tmp/mark"]).ok(),
        "detached\n"
    );
    home.husk(&["rm", "web"]).fails(2, "is running");
    assert_eq!(home.husk(&["rm", "-f", "web"]).ok(), "web\n");
    assert!(home.husk(&["ps", "-aq"]).ok().is_empty());
    home.husk(&["logs", "web"]).fails(125, "no such container");
    home.assert_consistent();
}

#[test]
fn detached_with_a_terminal() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "-t",
        "--name",
        "tt",
        &bb(),
        "sh",
        "-c",
        "tty; echo done",
    ])
    .ok();
    assert_eq!(home.husk(&["wait", "tt"]).ok(), "0\n");
    let logs = home.husk(&["logs", "tt"]);
    assert!(
        logs.ok().starts_with("/dev/pts/") && logs.stdout.ends_with("done\r\n"),
        "{:?}",
        logs.stdout
    );
}

#[test]
fn unknown_containers_and_names_in_use() {
    let home = Home::new();
    for cmd in [
        vec!["stop", "ghost"],
        vec!["kill", "ghost"],
        vec!["exec", "ghost", "true"],
        vec!["logs", "ghost"],
        vec!["wait", "ghost"],
        vec!["start", "ghost"],
        vec!["inspect", "--type", "container", "ghost"],
    ] {
        home.husk(&cmd).fails(125, "no such container: ghost");
    }
    home.husk(&["rm", "ghost"])
        .fails(1, "no such container: ghost");
    service(&home, "taken");
    home.husk(&["run", "-d", "--name", "taken", &bb(), "true"])
        .fails(125, "already in use");
    home.husk(&["kill", "-s", "NOSUCH", "taken"])
        .fails(125, "invalid signal");
    // --replace takes the name over, removing the running container.
    let new = home.husk(&[
        "run",
        "-d",
        "--replace",
        "--name",
        "taken",
        &bb(),
        "sleep",
        "60",
    ]);
    let new_id = new.ok().trim().to_string();
    let cmd = home.husk(&["inspect", "--format", "{{.Id}} {{.Path}}", "taken"]);
    assert_eq!(cmd.ok().trim(), format!("{new_id} sleep"));
    // Any signal up to 64, by number or real-time name: RTMIN+6 is 40.
    home.husk(&["kill", "-s", "65", "taken"])
        .fails(125, "invalid signal");
    home.husk(&[
        "run",
        "-d",
        "--name",
        "rt",
        &bb(),
        "sh",
        "-c",
        "trap 'exit 7' 40; echo ready; while :; do sleep 0.1; done",
    ])
    .ok();
    eventually("the trap is set", || {
        home.husk(&["logs", "rt"]).stdout.contains("ready")
    });
    home.husk(&["kill", "-s", "RTMIN+6", "rt"]).ok();
    assert_eq!(home.husk(&["wait", "rt"]).ok(), "7\n");
    home.husk(&["rm", "rt"]).ok();
    home.husk(&["kill", "taken"]).ok();
    assert_eq!(home.husk(&["wait", "taken"]).ok(), "137\n");
    // podman's --ignore: a missing container is no error (the others are still done).
    for cmd in [
        ["rm", "-i"],
        ["stop", "-i"],
        ["kill", "-i"],
        ["restart", "-i"],
    ] {
        let run = home.husk(&[cmd[0], cmd[1], "ghost"]);
        assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{cmd:?}");
    }
    // --all: every running container; rm -f -t: a stop with that timeout first.
    service(&home, "a1");
    service(&home, "a2");
    home.husk(&["stop", "-a", "-t", "0"]).ok();
    assert_eq!(status(&home, "a1"), "exited");
    assert_eq!(status(&home, "a2"), "exited");
    home.husk(&["start", "a1"]).ok();
    home.husk(&["kill", "-a"]).ok();
    eventually("kill -a", || status(&home, "a1") == "exited");
    home.husk(&["start", "a2"]).ok();
    assert_eq!(
        home.husk(&["rm", "-f", "-t", "0", "-i", "a2", "ghost"])
            .ok(),
        "a2\n"
    );
    home.husk(&["rm", "-a", "-f"]).ok();
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
}

#[test]
fn killed_monitor_and_killed_container() {
    let home = Home::new();
    service(&home, "victim");
    let pid = |field: &str| -> i32 {
        home.husk(&[
            "inspect",
            "--format",
            &format!("{{{{.State.{field}}}}}"),
            "victim",
        ])
        .ok()
        .trim()
        .parse()
        .unwrap()
    };
    let monitor = pid("MonitorPid");
    assert!(monitor > 0);
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(monitor),
        nix::sys::signal::Signal::SIGKILL,
    )
    .unwrap();
    // The container dies with its monitor; the next command sees it exited.
    eventually("ps sees the container exited", || {
        home.husk(&["ps", "-a", "--format", "{{.Status}}"])
            .stdout
            .starts_with("Exited (137)")
    });
    assert_eq!(home.husk(&["wait", "victim"]).ok(), "137\n");
    // And it starts again.
    home.husk(&["start", "victim"]).ok();
    assert_eq!(status(&home, "victim"), "running");
    // kill -9 of the container's PID 1: the monitor records 137.
    let ctr = pid("Pid");
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(ctr),
        nix::sys::signal::Signal::SIGKILL,
    )
    .unwrap();
    assert_eq!(home.husk(&["wait", "victim"]).ok(), "137\n");
    home.husk(&["rm", "victim"]).ok();
    home.assert_consistent();
}

#[test]
fn restart_policies_and_auto_remove() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "flaky",
        "--restart",
        "on-failure:2",
        &bb(),
        "sh",
        "-c",
        "echo run; exit 1",
    ])
    .ok();
    eventually("two restarts, then it stays down", || {
        home.husk(&[
            "inspect",
            "--format",
            "{{.RestartCount}} {{.State.Status}}",
            "flaky",
        ])
        .stdout
            == "2 exited\n"
    });
    assert_eq!(home.husk(&["logs", "flaky"]).ok(), "run\nrun\nrun\n");
    assert_eq!(home.husk(&["wait", "flaky"]).ok(), "1\n");
    // always: restarted after a clean exit too, until husk stop.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "always",
        "--restart",
        "always",
        &bb(),
        "sh",
        "-c",
        "sleep 0.2",
    ])
    .ok();
    eventually("restarted", || {
        home.husk(&["inspect", "--format", "{{.RestartCount}}", "always"])
            .stdout
            .trim()
            .parse::<u32>()
            .unwrap_or(0)
            >= 1
    });
    home.husk(&["stop", "-t", "1", "always"]).ok();
    let s = status(&home, "always");
    std::thread::sleep(Duration::from_millis(600));
    assert_eq!(
        (s.as_str(), status(&home, "always").as_str()),
        ("exited", "exited")
    );
    // --rm: the monitor removes the container after it exits.
    home.husk(&["run", "-d", "--rm", "--name", "gone", &bb(), "true"])
        .ok();
    eventually("--rm removed it", || {
        !home
            .husk(&["ps", "-a", "--format", "{{.Names}}"])
            .stdout
            .contains("gone")
    });
    home.husk(&["run", "-d", "--rm", "--restart", "always", &bb(), "true"])
        .fails(125, "conflicting options");
    home.husk(&["rm", "-af"]).ok();
    home.assert_consistent();
}

#[test]
fn create_start_cidfile_filters_and_formats() {
    let home = Home::new();
    let cidfile = home.dir.join("cid");
    let created = home.husk(&[
        "create",
        "--name",
        "job",
        "--label",
        "tier=batch",
        "--cidfile",
        cidfile.to_str().unwrap(),
        &bb(),
        "sh",
        "-c",
        "echo done",
    ]);
    let id = created.ok().trim().to_string();
    assert_eq!(std::fs::read_to_string(&cidfile).unwrap(), id);
    home.husk(&[
        "create",
        "--cidfile",
        cidfile.to_str().unwrap(),
        &bb(),
        "true",
    ])
    .fails(125, "exists");
    assert_eq!(status(&home, "job"), "created");
    service(&home, "svc");
    let names = |filter: &str| -> String {
        home.husk(&["ps", "-a", "--filter", filter, "--format", "{{.Names}}"])
            .ok()
            .trim()
            .to_string()
    };
    assert_eq!(names("status=created"), "job");
    assert_eq!(names("status=running"), "svc");
    assert_eq!(names("label=tier=batch"), "job");
    assert_eq!(names("label=tier"), "job");
    assert_eq!(names("name=sv"), "svc");
    assert_eq!(names(&format!("id={}", &id[..8])), "job");
    assert_eq!(names(&format!("ancestor={}", bb())), "svc\njob");
    // One rule for image names, as `run` finds the image: short, tagged, by id.
    assert_eq!(names("ancestor=busybox"), "svc\njob");
    assert_eq!(names(&format!("ancestor={}:latest", bb())), "svc\njob");
    assert_eq!(names("ancestor=busybox:latest"), "svc\njob");
    let image_id = fact("busybox", "id");
    let image_hex = image_id.trim_start_matches("sha256:");
    assert_eq!(names(&format!("ancestor={}", &image_hex[..12])), "svc\njob");
    assert_eq!(names("ancestor=busybox:1.0"), "");
    assert_eq!(names("ancestor=box"), "");
    // Created before / after another container (docker's before= and since=).
    assert_eq!(names("before=svc"), "job");
    assert_eq!(names("since=job"), "svc");
    assert_eq!(names("since=svc"), "");
    home.husk(&["ps", "--filter", "before=ghost"])
        .fails(125, "ghost");
    // podman's exists: the answer in the exit code, nothing printed.
    for (what, name, code) in [
        ("container", "job", 0),
        ("container", &id[..12], 0),
        ("container", "ghost", 1),
        ("image", "busybox", 0),
        ("image", &image_hex[..12], 0),
        ("image", "nosuchimage", 1),
    ] {
        let run = home.husk(&[what, "exists", name]);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (code, ""),
            "{what} exists {name}"
        );
    }
    assert!(home
        .husk(&["images", "--format", "{{.Repository}}", "busybox"])
        .ok()
        .contains("/busybox"));
    assert_eq!(
        home.husk(&["ps", "-l", "--format", "{{.Names}}"]).ok(),
        "svc\n"
    );
    assert_eq!(home.husk(&["ps", "-n", "2", "-q"]).ok().lines().count(), 2);
    home.husk(&["ps", "--filter", "bogus=1"])
        .fails(125, "unknown filter");
    // start, then wait: the exit code; the output in the log.
    assert_eq!(home.husk(&["start", "job"]).ok(), "job\n");
    assert_eq!(home.husk(&["wait", "job"]).ok(), "0\n");
    assert_eq!(home.husk(&["logs", "job"]).ok(), "done\n");
    let json = home.husk(&["ps", "-a", "--format", "json"]).json();
    let list = json.as_array().unwrap();
    assert_eq!(list.len(), 2);
    let job = list.iter().find(|c| c["Names"][0] == "job").unwrap();
    assert_eq!(job["State"], "exited");
    assert_eq!(job["Labels"]["tier"], "batch");
    let doc = home.husk(&["inspect", "job"]).json();
    assert_eq!(doc[0]["Id"], id.as_str());
    assert_eq!(doc[0]["Name"], "/job");
    assert_eq!(doc[0]["State"]["ExitCode"], 0);
    assert_eq!(doc[0]["Config"]["Labels"]["tier"], "batch");
    assert_eq!(doc[0]["HostConfig"]["RestartPolicy"]["Name"], "no");
    // restart: a stopped container runs again.
    home.husk(&["restart", "-t", "1", "svc"]).ok();
    assert_eq!(status(&home, "svc"), "running");
    home.husk(&["container", "prune", "-f"]).ok();
    assert_eq!(
        home.husk(&["ps", "-a", "--format", "{{.Names}}"]).ok(),
        "svc\n"
    );
    home.husk(&["rm", "-f", "svc"]).ok();
}

#[test]
fn logs_tail_since_and_follow() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "counter",
        &bb(),
        "sh",
        "-c",
        "for i in 1 2 3 4 5; do echo line $i; done; printf partial; sleep 1; echo ' end'",
    ])
    .ok();
    let follow = home
        .cmd(&["logs", "-f", "counter"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = follow.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "line 1\nline 2\nline 3\nline 4\nline 5\npartial end\n",
        "logs -f ends when the container does"
    );
    assert_eq!(
        home.husk(&["logs", "--tail", "2", "counter"]).ok(),
        "line 5\npartial end\n"
    );
    assert_eq!(
        home.husk(&["logs", "--since", "1h", "counter"])
            .ok()
            .lines()
            .count(),
        6
    );
    assert_eq!(home.husk(&["logs", "--until", "1h", "counter"]).ok(), "");
    home.husk(&["logs", "--since", "yesterday-ish", "counter"])
        .fails(125, "invalid time");
}

#[test]
fn single_uid_detached() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids (tests not run as root)");
        return;
    };
    service(&home, "solo");
    assert_eq!(home.husk(&["exec", "solo", "id", "-u"]).ok(), "0\n");
    home.husk(&["exec", "-u", "1000", "solo", "true"])
        .fails(125, "single-uid");
    assert_eq!(home.husk(&["stop", "solo"]).ok(), "solo\n");
    assert_eq!(home.husk(&["wait", "solo"]).ok(), "3\n");
    home.husk(&["rm", "solo"]).ok();
}

#[test]
fn parallel_run_and_remove() {
    let home = Home::new();
    let spawn = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        home.cmd(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let runs: Vec<_> = (0..20)
        .map(|i| {
            spawn(vec![
                "run".into(),
                "-d".into(),
                "--name".into(),
                format!("p{i}"),
                bb(),
                "sleep".into(),
                "60".into(),
            ])
        })
        .collect();
    for r in runs {
        let out = r.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(home.husk(&["ps", "-q"]).ok().lines().count(), 20);
    let rms: Vec<_> = (0..20)
        .map(|i| spawn(vec!["rm".into(), "-f".into(), format!("p{i}")]))
        .collect();
    for r in rms {
        let out = r.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(home.husk(&["ps", "-aq"]).ok().is_empty());
    home.assert_consistent();
}

#[test]
fn rename_top_diff_port_pause() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "box",
        &bb(),
        "sh",
        "-c",
        "echo x > /newfile; rm /etc/group; trap 'exit 0' TERM; while true; do sleep 0.1; done",
    ])
    .ok();
    eventually("the changes are made", || {
        let d = home.husk(&["diff", "box"]).stdout;
        d.contains("A /newfile\n") && d.contains("D /etc/group\n")
    });
    let d = home.husk(&["diff", "box"]);
    assert!(d.ok().contains("C /etc\n"), "{}", d.stdout);
    // top: the container's processes with the pids it sees.
    let top = home.husk(&["top", "box"]);
    let lines: Vec<&str> = top.ok().lines().collect();
    assert!(
        lines[0].starts_with("USER") && lines[0].contains("COMMAND"),
        "{}",
        top.stdout
    );
    let first = lines
        .iter()
        .find(|l| l.contains("sh -c echo x"))
        .expect("PID 1 listed");
    let cols: Vec<&str> = first.split_whitespace().collect();
    assert_eq!((cols[0], cols[1], cols[2]), ("root", "1", "0"), "{first}");
    // podman's descriptors; docker's ps options (the host's ps, these processes only).
    let top = home.husk(&["top", "box", "pid", "group,comm", "%U", "state", "hpid"]);
    let text = top.ok();
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines[0],
        ["PID", "GROUP", "COMMAND", "USER", "STATE", "HPID"]
    );
    // (The container deleted its /etc/group above: the group shows as a number.)
    assert_eq!(&lines[1][..4], ["1", "0", "sh", "root"], "{text}");
    let hpid = lines[1][5].to_string();
    let ps = home.husk(&["top", "box", "-o", "pid,comm"]);
    let ps_text = ps.ok();
    assert!(
        ps_text.starts_with("    PID COMMAND") || ps_text.contains("PID"),
        "{ps_text}"
    );
    assert!(ps_text
        .lines()
        .any(|l| l.split_whitespace().next() == Some(hpid.as_str())));
    assert!(
        !ps_text.contains(" cargo") && !ps_text.contains("husk-monitor"),
        "{ps_text}"
    );
    home.husk(&["top", "box", "-o", "comm"])
        .fails(125, "no PID column");
    assert!(home.husk(&["port", "box"]).ok().is_empty());
    home.husk(&["port", "nosuch"])
        .fails(125, "no such container");
    // rename: the new name works, the old one is free again.
    home.husk(&["rename", "box", "crate"]).ok();
    home.husk(&["inspect", "--type", "container", "box"])
        .fails(125, "no such container");
    assert_eq!(home.husk(&["ps", "--format", "{{.Names}}"]).ok(), "crate\n");
    home.husk(&["create", "--name", "box", &bb(), "true"]).ok();
    home.husk(&["rename", "crate", "box"])
        .fails(125, "already in use");
    home.husk(&["rename", "crate", "bad/name"])
        .fails(125, "invalid container name");
    // pause: every process stopped; exec refused until unpause.
    assert_eq!(home.husk(&["pause", "crate"]).ok(), "crate\n");
    assert_eq!(status(&home, "crate"), "paused");
    let ps = home.husk(&["ps", "--format", "{{.Status}}"]);
    assert!(ps.ok().contains("(Paused)"), "{}", ps.stdout);
    home.husk(&["exec", "crate", "true"]).fails(125, "paused");
    home.husk(&["pause", "crate"]).fails(125, "already paused");
    home.husk(&["unpause", "crate"]).ok();
    assert_eq!(home.husk(&["exec", "crate", "echo", "on"]).ok(), "on\n");
    home.husk(&["pause", "box"]).fails(125, "is not running");
    // A paused container stops: the signal is delivered once it goes on.
    home.husk(&["pause", "crate"]).ok();
    home.husk(&["stop", "crate"]).ok();
    assert_eq!(home.husk(&["wait", "crate"]).ok(), "0\n");
    home.husk(&["rm", "-af"]).ok();
}

/// A notify socket (as systemd's) the test user can send to.
fn notify_listener(home: &Home) -> (std::os::unix::net::UnixDatagram, String) {
    use std::os::unix::fs::PermissionsExt;
    let path = home.dir.join("notify.sock");
    let sock = std::os::unix::net::UnixDatagram::bind(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o777)).unwrap();
    sock.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    (sock, path.to_string_lossy().into_owned())
}

/// The next notify message, or None within the socket's timeout.
fn next_message(sock: &std::os::unix::net::UnixDatagram) -> Option<String> {
    let mut buf = [0u8; 4096];
    loop {
        match sock.recv(&mut buf) {
            Ok(n) => return Some(String::from_utf8_lossy(&buf[..n]).into_owned()),
            // A signal to the test process (its other tests' children) is no timeout.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                eprintln!("no sd_notify message: {e}");
                return None;
            }
        }
    }
}

fn husk_notified(home: &Home, socket: &str, args: &[&str]) -> String {
    let out = home
        .cmd(args)
        .env("NOTIFY_SOCKET", socket)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn sdnotify_modes() {
    let home = Home::new();
    let (sock, path) = notify_listener(&home);
    let monitor_of = |name: &str| {
        home.husk(&["inspect", "--format", "{{.State.MonitorPid}}", name])
            .ok()
            .trim()
            .to_string()
    };
    // conmon: the monitor says MAINPID (itself) and READY=1.
    husk_notified(
        &home,
        &path,
        &[
            "run",
            "-d",
            "--sdnotify=conmon",
            "--name",
            "n1",
            &bb(),
            "sleep",
            "60",
        ],
    );
    let msg = next_message(&sock).expect("a notification");
    assert_eq!(msg, format!("MAINPID={}\nREADY=1\n", monitor_of("n1")));
    // container: the monitor says MAINPID; the container gets the socket to say READY.
    husk_notified(
        &home,
        &path,
        &[
            "run",
            "-d",
            "--name",
            "n2",
            &bb(),
            "sh",
            "-c",
            "echo $NOTIFY_SOCKET; test -S $NOTIFY_SOCKET && echo socket; sleep 60",
        ],
    );
    let msg = next_message(&sock).expect("a notification");
    assert_eq!(msg, format!("MAINPID={}\n", monitor_of("n2")));
    eventually("the container saw the socket", || {
        home.husk(&["logs", "n2"]).stdout == "/run/notify/notify.sock\nsocket\n"
    });
    // ignore: nothing, and no socket inside.
    husk_notified(
        &home,
        &path,
        &[
            "run",
            "-d",
            "--sdnotify=ignore",
            "--name",
            "n3",
            &bb(),
            "sh",
            "-c",
            "echo [$NOTIFY_SOCKET]; sleep 60",
        ],
    );
    sock.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    assert_eq!(next_message(&sock), None);
    eventually("n3 ran", || home.husk(&["logs", "n3"]).stdout == "[]\n");
    // healthy (podman's): MAINPID at once, READY=1 once the health check has
    // passed (here: once the file it looks for is there).
    sock.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    husk_notified(
        &home,
        &path,
        &[
            "run",
            "-d",
            "--sdnotify=healthy",
            "--name",
            "n4",
            "--health-cmd",
            "test -e /ready",
            "--health-interval",
            "200ms",
            "--health-timeout",
            "5s",
            &bb(),
            "sh",
            "-c",
            "sleep 1; touch /ready; sleep 60",
        ],
    );
    assert_eq!(
        next_message(&sock).unwrap(),
        format!("MAINPID={}\n", monitor_of("n4"))
    );
    // The first passing check may wait behind the others on a loaded machine.
    sock.set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let ready = next_message(&sock);
    let health = home.husk(&["inspect", "--format", "{{json .State.Health}}", "n4"]);
    assert_eq!(ready.as_deref(), Some("READY=1\n"), "{}", health.stdout);
    assert_eq!(
        home.husk(&["inspect", "--format", "{{.State.Health.Status}}", "n4"])
            .ok(),
        "healthy\n"
    );
    home.husk(&["run", "-d", "--sdnotify=healthy", &bb(), "true"])
        .fails(125, "needs a health check");
    home.husk(&["rm", "-af"]).ok();
}

#[test]
fn generated_systemd_units_start_and_stop() {
    let home = Home::new();
    // Every command of a unit names the storage driver in effect (here from the environment).
    let bin = match std::env::var("HUSK_STORAGE_DRIVER") {
        Ok(driver) => format!("{} --storage-driver {driver}", home.bin().display()),
        Err(_) => home.bin().to_string_lossy().into_owned(),
    };
    // An existing container: start/stop, Type=forking with the monitor's pid file.
    service(&home, "svc");
    let unit = home.husk(&["generate", "systemd", "svc"]);
    let unit = unit.ok();
    for line in [
        "[Unit]\n",
        &format!("ExecStart={bin} start svc\n"),
        &format!("ExecStop={bin} stop -t 10 svc\n"),
        "Type=forking\n",
        "KillMode=mixed\n",
        "Restart=on-failure\n",
        "WantedBy=default.target\n",
    ] {
        assert!(unit.contains(line), "{line:?} not in\n{unit}");
    }
    let pid_file = unit
        .lines()
        .find_map(|l| l.strip_prefix("PIDFile="))
        .expect("a PIDFile");
    let monitor = home.husk(&["inspect", "--format", "{{.State.MonitorPid}}", "svc"]);
    assert_eq!(
        std::fs::read_to_string(pid_file).unwrap().trim(),
        monitor.ok().trim()
    );
    // --new: the unit runs the container anew, as it was created, and tells systemd.
    home.husk(&[
        "create",
        "--name",
        "web",
        "-e",
        "GREETING=hi there",
        "--restart",
        "always",
        &bb(),
        "sh",
        "-c",
        "echo $GREETING; trap 'exit 0' TERM; while true; do sleep 0.1; done",
    ])
    .ok();
    let unit = home.husk(&["generate", "systemd", "--new", "-t", "2", "web"]);
    let unit = unit.ok();
    for line in ["Type=notify\n", "NotifyAccess=all\n", "KillMode=mixed\n"] {
        assert!(unit.contains(line), "{line:?} not in\n{unit}");
    }
    let exec_start = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("an ExecStart");
    assert!(
        exec_start.starts_with(&format!(
            "{bin} run --cidfile=%t/%n.ctr-id --replace --rm -d --sdnotify=conmon --name web -e \"GREETING=hi there\" "
        )),
        "{exec_start}"
    );
    assert!(!exec_start.contains("--restart"), "{exec_start}");
    // podman's unit flags; --template: instances of their own (web-INSTANCE).
    let json = home
        .husk(&[
            "generate",
            "systemd",
            "--template",
            "--separator",
            "_",
            "--no-header",
            "--after",
            "db.service",
            "--requires",
            "db.service",
            "--wants",
            "cache.service",
            "-e",
            "MODE=a b",
            "--restart-sec",
            "5",
            "--start-timeout",
            "70",
            "--stop-timeout",
            "3",
            "--format",
            "json",
            "web",
        ])
        .json();
    let template = json["container_web@.service"]
        .as_str()
        .unwrap_or_else(|| panic!("{json}"))
        .to_string();
    assert!(template.starts_with("[Unit]\n"), "{template}");
    for line in [
        "After=network-online.target db.service\n",
        "Requires=db.service\n",
        "Wants=network-online.target cache.service\n",
        "Environment=\"MODE=a b\"\n",
        "RestartSec=5\n",
        "TimeoutStartSec=70\n",
        "TimeoutStopSec=63\n",
        &format!("ExecStop={bin} stop -t 3 web-%i\n"),
        &format!("ExecStopPost=-{bin} rm -f web-%i\n"),
    ] {
        assert!(template.contains(line), "{line:?} not in\n{template}");
    }
    let start = template
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("an ExecStart");
    assert!(start.contains(" --name web-%i "), "{start}");
    home.husk(&["generate", "systemd", "--format", "yaml", "web"])
        .fails(125, "invalid --format");
    // Do what systemd would: ExecStart with a notify socket, then ExecStop.
    let (sock, path) = notify_listener(&home);
    let run_dir = home.dir.join("run").to_string_lossy().into_owned();
    let words = shell_words(
        &exec_start
            .replace("%t", &run_dir)
            .replace("%n", "container-web.service"),
    );
    let args: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
    let id = husk_notified(&home, &path, &args);
    let monitor = home.husk(&["inspect", "--format", "{{.State.MonitorPid}}", "web"]);
    assert_eq!(
        next_message(&sock).expect("READY"),
        format!("MAINPID={}\nREADY=1\n", monitor.ok().trim())
    );
    assert_eq!(
        std::fs::read_to_string(format!("{run_dir}/container-web.service.ctr-id")).unwrap(),
        id.trim()
    );
    eventually("it greets", || {
        home.husk(&["logs", "web"]).stdout == "hi there\n"
    });
    let stop = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStop="))
        .expect("an ExecStop");
    let words = shell_words(stop);
    let args: Vec<&str> = words.iter().skip(1).map(String::as_str).collect();
    assert_eq!(home.husk(&args).ok(), "web\n");
    eventually("--rm removed it", || {
        !home
            .husk(&["ps", "-a", "--format", "{{.Names}}"])
            .stdout
            .contains("web")
    });
    home.husk(&[
        "generate",
        "systemd",
        "--restart-policy",
        "sometimes",
        "svc",
    ])
    .fails(125, "invalid --restart-policy");
    home.husk(&["rm", "-af"]).ok();
}

/// Split a systemd command line: words, and "double quoted" ones with \\ escapes;
/// `$$` and `%%` stand for `$` and `%`.
fn shell_words(line: &str) -> Vec<String> {
    let line = line.replace("$$", "$").replace("%%", "%");
    let mut words = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut escaped, mut any) = (false, false, false);
    for c in line.chars() {
        match (c, quoted, escaped) {
            (_, _, true) => {
                cur.push(c);
                escaped = false;
            }
            ('\\', true, false) => escaped = true,
            ('"', _, false) => {
                quoted = !quoted;
                any = true;
            }
            (' ', false, false) => {
                if any || !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            _ => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        words.push(cur);
    }
    words
}

#[test]
fn cp_to_and_from_running_and_stopped_containers() {
    let home = Home::new();
    service(&home, "box");
    let p = |rel: &str| home.dir.join(rel).to_string_lossy().into_owned();
    home.write("note.txt", "a note\n");
    home.write("tree/a", "A\n");
    home.write("tree/sub/b", "B\n");
    // Into a running container: a file into a directory, a tree to a new name.
    home.husk(&["cp", &p("note.txt"), "box:/tmp/"]).ok();
    home.husk(&["cp", &p("tree"), "box:/data"]).ok();
    let out = home.husk(&[
        "exec",
        "box",
        "sh",
        "-c",
        "cat /tmp/note.txt /data/a /data/sub/b; stat -c %u /tmp/note.txt",
    ]);
    assert_eq!(out.ok(), "a note\nA\nB\n0\n");
    // Out of it: a file to a new name, a tree into an existing directory, contents with /.
    home.husk(&["cp", "box:/etc/hostname", &p("hostname")]).ok();
    let id = home.husk(&["inspect", "--format", "{{.Id}}", "box"]);
    assert_eq!(
        std::fs::read_to_string(p("hostname")).unwrap().trim(),
        &id.ok().trim()[..12]
    );
    std::fs::create_dir(p("into")).unwrap();
    common::chown_to_user(&home, &p("into"));
    home.husk(&["cp", "box:/data", &p("into")]).ok();
    assert_eq!(
        std::fs::read_to_string(p("into/data/sub/b")).unwrap(),
        "B\n"
    );
    home.husk(&["cp", "box:/data/.", &p("flat")]).ok();
    assert_eq!(std::fs::read_to_string(p("flat/a")).unwrap(), "A\n");
    // A stopped container: its root is mounted for the copy.
    home.husk(&["stop", "box"]).ok();
    home.husk(&["cp", &p("note.txt"), "box:/tmp/while-stopped"])
        .ok();
    home.husk(&["cp", "box:/data/a", &p("a-from-stopped")]).ok();
    assert_eq!(std::fs::read_to_string(p("a-from-stopped")).unwrap(), "A\n");
    home.husk(&["start", "box"]).ok();
    assert_eq!(
        home.husk(&["exec", "box", "cat", "/tmp/while-stopped"])
            .ok(),
        "a note\n"
    );
    // Errors: a missing source on either side, no container, two host paths.
    home.husk(&["cp", "box:/nonexistent", &p("x")])
        .fails(125, "no such file or directory");
    home.husk(&["cp", &p("missing"), "box:/tmp/"])
        .fails(125, "no such file or directory");
    home.husk(&["cp", &p("note.txt"), "box:/no/such/dir/"])
        .fails(125, "no such directory");
    // Larger than a pipe: the host side's write breaks, the container side's error is said.
    std::fs::write(p("big"), vec![b'x'; 1 << 20]).unwrap();
    let run = home.husk(&["cp", &p("big"), "box:/no/such/dir/"]);
    run.fails(125, "no such directory");
    assert!(!run.stderr.contains("Broken pipe"), "{}", run.stderr);
    home.husk(&["cp", &p("note.txt"), "ghost:/tmp/"])
        .fails(125, "no such container");
    home.husk(&["cp", &p("note.txt"), &p("copy")])
        .fails(125, "CONTAINER:PATH");
    home.husk(&["rm", "-f", "box"]).ok();
}

/// A stopped container's copy sees what its process would at those paths, as
/// docker's and podman's do: its named volume, its `-v` binds (read-only ones
/// refuse a copy in), and the /etc files husk writes, not the image's or the
/// empty mount points beneath them. A copy in lands in the volume.
#[test]
fn cp_of_a_stopped_container_sees_its_volumes_binds_and_etc_files() {
    let home = Home::new();
    let p = |rel: &str| home.dir.join(rel).to_string_lossy().into_owned();
    home.write("shared/from-host", "host side\n");
    home.write("locked/kept", "kept\n");
    home.write("note.txt", "a note\n");
    let bind = format!("{}:/host", p("shared"));
    let ro = format!("{}:/locked:ro", p("locked"));
    let id = home.husk(&[
        "run",
        "-q",
        "-d",
        "--name",
        "cpv",
        "-v",
        "cpvol:/data",
        "-v",
        &bind,
        "-v",
        &ro,
        &bb(),
        "sh",
        "-c",
        "echo in-volume > /data/f",
    ]);
    let id = id.ok().trim().to_string();
    home.husk(&["wait", "cpv"]).ok();
    let copied = |src: &str, name: &str| {
        home.husk(&["cp", src, &p(name)]).ok();
        std::fs::read_to_string(p(name)).unwrap()
    };
    assert_eq!(copied("cpv:/data/f", "f"), "in-volume\n");
    assert_eq!(copied("cpv:/host/from-host", "h"), "host side\n");
    assert_eq!(copied("cpv:/etc/hostname", "hostname").trim(), &id[..12]);
    home.husk(&["cp", &p("note.txt"), "cpv:/data/"]).ok();
    let seen = home.husk(&[
        "run",
        "--rm",
        "-v",
        "cpvol:/data",
        &bb(),
        "cat",
        "/data/note.txt",
    ]);
    assert_eq!(seen.ok(), "a note\n", "the copy went into the volume");
    home.husk(&["cp", &p("note.txt"), "cpv:/locked/"])
        .fails(125, "cannot write /locked/note.txt: read-only file system");
    assert!(!home.dir.join("locked/note.txt").exists());
    home.husk(&["rm", "cpv"]).ok();
    home.husk(&["volume", "rm", "cpvol"]).ok();
}

#[test]
fn full_log_disk_keeps_the_container_running() {
    let home = Home::new();
    let created = home.husk(&[
        "create",
        "--name",
        "chatty",
        &bb(),
        "sh",
        "-c",
        "while true; do echo chatter; sleep 0.05; done",
    ]);
    let id = created.ok().trim().to_string();
    // Every write to the log fails with ENOSPC, as on a full disk.
    let log = home.store().join("containers").join(&id).join("ctr.log");
    std::os::unix::fs::symlink("/dev/full", &log).unwrap();
    home.husk(&["start", "chatty"]).ok();
    eventually("the log error is recorded", || {
        home.husk(&["inspect", "--format", "{{.State.Error}}", "chatty"])
            .stdout
            .contains("No space left on device")
    });
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(status(&home, "chatty"), "running");
    assert_eq!(
        home.husk(&["exec", "chatty", "echo", "alive"]).ok(),
        "alive\n"
    );
    home.husk(&["rm", "-f", "chatty"]).ok();
}

#[test]
fn commands_killed_halfway_leave_a_consistent_store() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let kill_after = |args: &[&str], ms: u64| {
        let mut child = home
            .cmd(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(child.id() as i32),
            nix::sys::signal::Signal::SIGKILL,
        );
        let _ = child.wait();
    };
    for ms in [0, 3, 8, 15, 30, 60] {
        let name = format!("k{ms}");
        home.husk(&["create", "--name", &name, &bb(), "sleep", "60"])
            .ok();
        kill_after(&["start", &name], ms);
        let st = status(&home, &name);
        assert!(
            ["created", "running"].contains(&st.as_str()),
            "{name}: {st}"
        );
        if st != "running" {
            home.husk(&["start", &name]).ok();
        }
        assert_eq!(status(&home, &name), "running", "{name}");
        kill_after(&["rm", "-f", &name], ms);
        let again = home.husk(&["rm", "-f", &name]);
        assert!(
            again.code == 0 || again.stderr.contains("no such container"),
            "{name}: {}",
            again.stderr
        );
        let ps = home.husk(&["ps", "-a", "--format", "{{.Names}}"]);
        assert!(!ps.ok().contains(&name), "{name} still listed");
    }
    home.assert_consistent();
}

#[test]
fn attach_relays_output_input_and_exit_code() {
    let home = Home::new();
    // -i: what attach reads goes to the container's stdin; its output comes back.
    home.husk(&[
        "run",
        "-d",
        "-i",
        "--name",
        "echoer",
        &bb(),
        "sh",
        "-c",
        "echo ready; while read l; do echo got $l; done; exit 4",
    ])
    .ok();
    eventually("it runs", || {
        home.husk(&["logs", "echoer"]).stdout == "ready\n"
    });
    let out = home.husk_stdin(&["attach", "echoer"], "one\ntwo\n");
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (4, "got one\ngot two\n"),
        "{}",
        out.stderr
    );
    // Without -i: its output, on stdout and stderr, until it exits.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "ticker",
        &bb(),
        "sh",
        "-c",
        "sleep 1; echo tick; echo tock >&2; exit 2",
    ])
    .ok();
    let out = home.husk(&["attach", "ticker"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (2, "tick\n", "tock\n")
    );
    home.husk(&["attach", "ticker"])
        .fails(125, "is not running");
    home.husk(&["rm", "-af"]).ok();
}

/// The Cpus_allowed_list line of a /proc status file.
fn cpus_allowed(status: &str) -> String {
    status
        .lines()
        .find_map(|l| l.strip_prefix("Cpus_allowed_list:"))
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn cpuset_cpus_pins_container_exec_and_monitor() {
    let home = Home::new();
    // The last CPU this test may use: on a machine with several, not CPU 0.
    let own = cpus_allowed(&std::fs::read_to_string("/proc/self/status").unwrap());
    let cpu = own.rsplit([',', '-']).next().unwrap().to_string();
    let id = home
        .husk(&[
            "run",
            "-d",
            "-q",
            "--cpuset-cpus",
            &cpu,
            "--name",
            "pinned",
            &bb(),
            "sleep",
            "60",
        ])
        .ok()
        .trim()
        .to_string();
    assert_eq!(id.len(), 64);
    let inside = home.husk(&["exec", "pinned", "cat", "/proc/1/status"]);
    assert_eq!(cpus_allowed(inside.ok()), cpu, "the container's PID 1");
    let exec = home.husk(&["exec", "pinned", "cat", "/proc/self/status"]);
    assert_eq!(cpus_allowed(exec.ok()), cpu, "a process husk exec starts");
    // The monitor and every thread of it (the FUSE workers) share the container's CPUs.
    let monitor = home.husk(&["inspect", "--format", "{{.State.MonitorPid}}", "pinned"]);
    let tasks = format!("/proc/{}/task", monitor.ok().trim());
    let mut threads = 0;
    for t in std::fs::read_dir(&tasks).unwrap() {
        let status = std::fs::read_to_string(t.unwrap().path().join("status")).unwrap();
        assert_eq!(cpus_allowed(&status), cpu, "a thread of the monitor");
        threads += 1;
    }
    assert!(threads >= 1, "{tasks}");
    let cpuset = home.husk(&[
        "inspect",
        "--format",
        "{{.HostConfig.CpusetCpus}}",
        "pinned",
    ]);
    assert_eq!(cpuset.ok().trim(), cpu);
    // A restart keeps it.
    home.husk(&["restart", "-t", "0", "pinned"]).ok();
    let again = home.husk(&["exec", "pinned", "cat", "/proc/1/status"]);
    assert_eq!(cpus_allowed(again.ok()), cpu, "after restart");
    home.husk(&["rm", "-f", "pinned"]).ok();
    // CPUs that are not there, or not numbers, are refused before anything is made.
    home.husk(&["run", "--rm", "--cpuset-cpus", "4096", &bb(), "true"])
        .fails(125, "invalid --cpuset-cpus");
    home.husk(&["run", "--rm", "--cpuset-cpus", "1000", &bb(), "true"])
        .fails(125, "CPU 1000 is not available");
    home.husk(&["create", "--cpuset-cpus", "0-x", &bb(), "true"])
        .fails(125, "invalid --cpuset-cpus \"0-x\"");
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
}

fn health(home: &Home, name: &str) -> String {
    home.husk(&["inspect", "--format", "{{.State.Health.Status}}", name])
        .ok()
        .trim()
        .to_string()
}

#[test]
fn health_checks_from_flags_and_the_image() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "h",
        "--health-cmd",
        "test -f /tmp/ok",
        "--health-interval",
        "300ms",
        "--health-retries",
        "2",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    let ps = home.husk(&["ps", "--format", "{{.Status}}"]);
    assert!(ps.ok().contains("(health: starting)"), "{}", ps.stdout);
    // Two failures in a row: unhealthy; the log keeps each check.
    eventually("unhealthy", || health(&home, "h") == "unhealthy");
    let doc = home.husk(&["inspect", "h"]).json();
    let h = &doc[0]["State"]["Health"];
    assert!(h["FailingStreak"].as_u64().unwrap() >= 2, "{h}");
    assert_eq!(h["Log"][0]["ExitCode"], 1, "{h}");
    assert_eq!(doc[0]["Config"]["Healthcheck"]["Test"][0], "CMD-SHELL");
    assert_eq!(doc[0]["Config"]["Healthcheck"]["Retries"], 2);
    home.husk(&["exec", "h", "touch", "/tmp/ok"]).ok();
    eventually("healthy", || health(&home, "h") == "healthy");
    let ps = home.husk(&[
        "ps",
        "--filter",
        "health=healthy",
        "--format",
        "{{.Names}} {{.Status}}",
    ]);
    assert!(
        ps.ok().starts_with("h Up ") && ps.stdout.contains("(healthy)"),
        "{}",
        ps.stdout
    );
    assert_eq!(
        home.husk(&["ps", "-q", "--filter", "health=unhealthy"])
            .ok(),
        ""
    );
    // One check on demand: exit 0 when it passes, 1 and "unhealthy" when not.
    assert_eq!(home.husk(&["healthcheck", "run", "h"]).code, 0);
    home.husk(&["exec", "h", "rm", "/tmp/ok"]).ok();
    let run = home.husk(&["healthcheck", "run", "h"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (1, "unhealthy\n"),
        "{}",
        run.stderr
    );
    home.husk(&["rm", "-f", "h"]).ok();

    // A check that outlasts its timeout is killed and fails; no timer with `disable`.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "slow",
        "--health-cmd",
        "sleep 30",
        "--health-timeout",
        "300ms",
        "--health-interval",
        "disable",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    let started = Instant::now();
    assert_eq!(home.husk(&["healthcheck", "run", "slow"]).code, 1);
    assert!(started.elapsed() < Duration::from_secs(10));
    let log = home
        .husk(&["inspect", "--format", "{{json .State.Health.Log}}", "slow"])
        .json();
    assert_eq!(
        log.as_array().unwrap().len(),
        1,
        "only the check asked for: {log}"
    );
    assert_eq!(log[0]["ExitCode"], -1);
    assert!(
        log[0]["Output"]
            .as_str()
            .unwrap()
            .contains("exceeded timeout"),
        "{log}"
    );
    home.husk(&["rm", "-f", "slow"]).ok();

    // The image's HEALTHCHECK (test -f /tmp/ready, every second); --no-healthcheck drops it.
    let img = image("volumes:latest");
    home.husk(&[
        "run",
        "-d",
        "--name",
        "img",
        &img,
        "sh",
        "-c",
        "touch /tmp/ready; sleep 100",
    ])
    .ok();
    eventually("the image's check passes", || {
        health(&home, "img") == "healthy"
    });
    home.husk(&[
        "run",
        "-d",
        "--name",
        "none",
        "--no-healthcheck",
        &img,
        "sleep",
        "100",
    ])
    .ok();
    let none = home.husk(&[
        "inspect",
        "--format",
        "{{json .Config.Healthcheck}} {{json .State.Health}}",
        "none",
    ]);
    assert_eq!(none.ok(), "null null\n");
    home.husk(&["healthcheck", "run", "none"])
        .fails(125, "has no health check");
    home.husk(&["rm", "-f", "img", "none"]).ok();
    home.husk(&["run", "--rm", "--health-interval", "soon", &bb(), "true"])
        .fails(125, "invalid --health-interval");
}

#[test]
fn wait_conditions_and_sizes() {
    let home = Home::new();
    home.husk(&[
        "create",
        "--name",
        "w",
        &bb(),
        "sh",
        "-c",
        "head -c 100000 /dev/zero > /big; sleep 1; exit 4",
    ])
    .ok();
    assert_eq!(
        home.husk(&["wait", "--condition", "created", "w"]).ok(),
        "-1\n"
    );
    home.husk(&["start", "w"]).ok();
    assert_eq!(
        home.husk(&["wait", "--condition", "running", "w"]).ok(),
        "-1\n"
    );
    assert_eq!(
        home.husk(&["wait", "--condition", "stopped", "--interval", "20ms", "w"])
            .ok(),
        "4\n"
    );
    home.husk(&["wait", "--condition", "sideways", "w"])
        .fails(125, "invalid condition");
    // ps -s: the writable layer's size, and with the image's.
    let size = home.husk(&["ps", "-a", "-s", "--format", "{{.Size}}"]);
    assert!(size.ok().starts_with("100kB (virtual "), "{}", size.stdout);
    let table = home.husk(&["ps", "-a", "--size"]);
    assert!(
        table.ok().lines().next().unwrap().ends_with("SIZE"),
        "{}",
        table.stdout
    );
    let removed = std::thread::spawn({
        let cmd = home.cmd(&["wait", "--condition", "removing", "w"]);
        move || {
            let mut cmd = cmd;
            cmd.output().unwrap()
        }
    });
    std::thread::sleep(Duration::from_millis(200));
    home.husk(&["rm", "w"]).ok();
    assert!(removed.join().unwrap().status.success());
}

#[test]
fn diff_as_json_and_pause_all() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "d1",
        &bb(),
        "sh",
        "-c",
        "touch /added; rm /etc/group; sleep 100",
    ])
    .ok();
    home.husk(&["run", "-d", "--name", "d2", &bb(), "sleep", "100"])
        .ok();
    eventually("the changes are made", || {
        home.husk(&["diff", "d1"]).stdout.contains("A /added")
    });
    let doc = home.husk(&["diff", "--format", "json", "d1"]).json();
    assert!(
        doc["added"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "/added"),
        "{doc}"
    );
    assert!(
        doc["deleted"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "/etc/group"),
        "{doc}"
    );
    home.husk(&["diff", "--format", "yaml", "d1"])
        .fails(125, "invalid --format");
    let paused = home.husk(&["pause", "--all"]);
    assert_eq!(paused.ok().lines().count(), 2, "{}", paused.stdout);
    assert_eq!(status(&home, "d1"), "paused");
    assert_eq!(status(&home, "d2"), "paused");
    home.husk(&["unpause", "-a"]).ok();
    assert_eq!(status(&home, "d2"), "running");
    home.husk(&["rm", "-f", "d1", "d2"]).ok();
}

#[test]
fn podmans_run_exec_start_and_prune_flags() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    // -a: only the streams named reach the terminal (the log keeps both).
    let out = home.husk(&[
        "run",
        "--name",
        "att",
        "-a",
        "stdout",
        &bb(),
        "sh",
        "-c",
        "echo out; echo err >&2",
    ]);
    assert_eq!((out.ok(), out.stderr.as_str()), ("out\n", ""));
    let logs = home.husk(&["logs", "att"]);
    assert!(logs.stdout.contains("out") && logs.stderr.contains("err"));
    home.husk(&["run", "-d", "-a", "stdout", &bb(), "true"])
        .fails(125, "conflicting options");
    home.husk(&["run", "--rm", "-a", "stdmiddle", &bb(), "true"])
        .fails(125, "invalid -a");
    // --timeout: killed once it ran that long.
    let start = std::time::Instant::now();
    home.husk(&["run", "--rm", "--timeout", "1", &bb(), "sleep", "30"])
        .fails(137, "");
    assert!(start.elapsed() < std::time::Duration::from_secs(15));
    // --log-driver none: no log to read; json-file is podman's k8s-file.
    home.husk(&[
        "run",
        "--name",
        "nolog",
        "--log-driver",
        "none",
        &bb(),
        "echo",
        "hi",
    ])
    .ok();
    home.husk(&["logs", "nolog"])
        .fails(125, "--log-driver none");
    let t = home.husk(&[
        "inspect",
        "--format",
        "{{.HostConfig.LogConfig.Type}}",
        "nolog",
    ]);
    assert_eq!(t.ok().trim(), "none");
    home.husk(&["run", "--rm", "--log-driver", "json-file", &bb(), "true"])
        .ok();
    // passthrough: the container writes to husk's own stdout and stderr, reads its stdin.
    let bb_ = bb();
    let args = [
        "run",
        "--name",
        "pass",
        "-i",
        "--log-driver",
        "passthrough",
        &bb_,
        "sh",
        "-c",
        "cat; echo out; echo err >&2; readlink /proc/self/fd/1",
    ];
    let out = home.husk_stdin(&args, "typed\n");
    let text = out.ok();
    assert!(text.starts_with("typed\nout\npipe:"), "{text}");
    assert_eq!(out.stderr, "err\n");
    home.husk(&["logs", "pass"])
        .fails(125, "--log-driver passthrough");
    // Not relayed: its stdout is the very file husk's was.
    let file = home.dir.join("passed.txt");
    let script = format!(
        "exec {} run --rm --log-driver passthrough {bb_} readlink /proc/self/fd/1 > {}",
        home.bin().display(),
        file.display()
    );
    let st = home
        .program(std::path::Path::new("/bin/sh"), &["-c", &script])
        .status()
        .unwrap();
    assert!(st.success());
    let said = std::fs::read_to_string(&file).unwrap();
    assert!(said.trim_end().ends_with("passed.txt"), "{said}");
    home.husk(&["run", "-d", "--log-driver", "passthrough", &bb(), "true"])
        .fails(125, "not with -d");
    home.husk(&[
        "run",
        "--restart",
        "always",
        "--log-driver",
        "passthrough",
        &bb(),
        "true",
    ])
    .fails(125, "--restart");
    // Started in the background, a passthrough container gets nothing of the starter's.
    home.husk(&[
        "create",
        "--name",
        "pt",
        "--log-driver",
        "passthrough",
        &bb_,
        "sh",
        "-c",
        "readlink /proc/self/fd/2 > /fd1",
    ])
    .ok();
    let starter = format!(
        "exec {} start pt 2>{}",
        home.bin().display(),
        home.dir.join("starter-err").display()
    );
    let st = home
        .program(std::path::Path::new("/bin/sh"), &["-c", &starter])
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(home.husk(&["wait", "pt"]).ok(), "0\n");
    let fd1 = home.cmd(&["cp", "pt:/fd1", "-"]).output().unwrap();
    let mut a = tar::Archive::new(&fd1.stdout[..]);
    let mut said = String::new();
    std::io::Read::read_to_string(
        &mut a.entries().unwrap().next().unwrap().unwrap(),
        &mut said,
    )
    .unwrap();
    assert!(!said.contains("starter-err"), "{said}");
    home.husk(&["rm", "pt"]).ok();
    home.husk(&[
        "run",
        "--rm",
        "--log-driver",
        "passthrough-tty",
        &bb(),
        "true",
    ])
    .fails(125, "not supported");
    home.husk(&["run", "--rm", "--log-driver", "syslog", &bb(), "true"])
        .fails(125, "invalid --log-driver");
    // exec --privileged: every capability of the namespace, not the container's set.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "caps",
        "--cap-drop",
        "all",
        &bb(),
        "sleep",
        "60",
    ])
    .ok();
    let eff = |priv_: bool| {
        let mut args = vec!["exec"];
        if priv_ {
            args.push("--privileged");
        }
        args.extend(["caps", "grep", "CapEff", "/proc/self/status"]);
        home.husk(&args)
            .ok()
            .split_whitespace()
            .last()
            .unwrap()
            .to_string()
    };
    assert_eq!(eff(false), "0000000000000000");
    assert_ne!(eff(true), "0000000000000000");
    home.husk(&["rm", "-f", "caps"]).ok();
    // start --all / --filter; container prune --filter.
    home.husk(&[
        "create",
        "--name",
        "c1",
        "-l",
        "keep=yes",
        &bb(),
        "sleep",
        "60",
    ])
    .ok();
    home.husk(&["create", "--name", "c2", &bb(), "sleep", "60"])
        .ok();
    home.husk(&["start", "--filter", "name=c1"]).ok();
    assert_eq!(status(&home, "c1"), "running");
    assert_eq!(status(&home, "c2"), "created");
    home.husk(&["stop", "-t", "0", "c1"]).ok();
    home.husk(&["container", "prune", "-f", "--filter", "label!=keep"])
        .ok();
    let left = home.husk(&["ps", "-a", "--format", "{{.Names}}"]);
    let mut left: Vec<&str> = left.ok().lines().collect();
    left.sort();
    assert_eq!(
        left,
        ["c1"],
        "c2, att, nolog and pass pruned; c1 kept by its label"
    );
    home.husk(&["container", "prune", "-f", "--filter", "until=1h"])
        .ok();
    assert_eq!(
        home.husk(&["ps", "-aq"]).ok().lines().count(),
        1,
        "created less than 1h ago"
    );
    home.husk(&["container", "prune", "-f", "--filter", "colour=red"])
        .fails(125, "invalid filter");
    home.husk(&["start", "--all"]).ok();
    assert_eq!(status(&home, "c1"), "running");
    home.husk(&["rm", "-f", "c1"]).ok();
}

#[test]
fn cp_tar_streams_links_and_pause() {
    let home = Home::new();
    service(&home, "box");
    home.husk(&[
        "exec",
        "box",
        "sh",
        "-c",
        "mkdir -p /d && echo x > /d/f && ln -s /d/f /link",
    ])
    .ok();
    // To stdout: a tar archive of SRC, as docker writes it.
    let out = home.cmd(&["cp", "box:/d", "-"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names = Vec::new();
    for e in tar::Archive::new(&out.stdout[..]).entries().unwrap() {
        names.push(e.unwrap().path().unwrap().to_string_lossy().into_owned());
    }
    assert!(names.iter().any(|n| n == "d/f"), "{names:?}");
    // From stdin: an archive unpacked into a directory.
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_gnu();
    h.set_size(2);
    h.set_mode(0o644);
    h.set_cksum();
    b.append_data(&mut h, "in/g", &b"G\n"[..]).unwrap();
    let archive = home.dir.join("in.tar");
    std::fs::write(&archive, b.into_inner().unwrap()).unwrap();
    let feed = |dst: &str| {
        let out = home
            .cmd(&["cp", "-", dst])
            .stdin(std::fs::File::open(&archive).unwrap())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    assert_eq!(feed("box:/tmp").0, Some(0));
    assert_eq!(home.husk(&["exec", "box", "cat", "/tmp/in/g"]).ok(), "G\n");
    let (code, err) = feed("box:/tmp/in/g");
    assert_eq!(code, Some(125));
    assert!(err.contains("not a directory"), "{err}");
    // -L: the link's target under the link's name; without it, the link.
    let p = |rel: &str| home.dir.join(rel).to_string_lossy().into_owned();
    home.husk(&["cp", "box:/link", &p("as-link")]).ok();
    assert!(std::fs::symlink_metadata(p("as-link"))
        .unwrap()
        .file_type()
        .is_symlink());
    home.husk(&["cp", "-L", "box:/link", &p("followed")]).ok();
    assert_eq!(std::fs::read_to_string(p("followed")).unwrap(), "x\n");
    // --pause: paused for the copy, running again after.
    home.husk(&["cp", "--pause", "box:/d/f", &p("paused-copy")])
        .ok();
    assert_eq!(status(&home, "box"), "running");
    home.husk(&["cp", "a", "b"])
        .fails(125, "between a container and the host");
    home.husk(&["rm", "-f", "box"]).ok();
}

#[test]
fn logs_of_several_containers_and_across_restarts() {
    let home = Home::new();
    let a = service(&home, "la");
    let b = service(&home, "lb");
    eventually("both greeted", || {
        home.husk(&["logs", "la", "lb"])
            .stdout
            .matches("hello")
            .count()
            == 2
    });
    let out = home.husk(&["logs", "la", "lb"]);
    let text = out.ok();
    assert!(text.contains(&format!("{} hello", &a[..12])), "{text}");
    assert!(text.contains(&format!("{} hello", &b[..12])), "{text}");
    assert!(out.stderr.contains(&format!("{} oops", &a[..12])));
    let named = home.husk(&["logs", "--names", "la"]);
    assert_eq!(named.ok(), "la hello\n");
    home.husk(&["logs", "la", "ghost"])
        .fails(125, "no such container");
    home.husk(&["rm", "-f", "la", "lb"]).ok();
    // -f follows a container its restart policy starts again, to its last exit.
    let run = home.husk(&[
        "run",
        "-d",
        "--name",
        "again",
        "--restart",
        "on-failure:2",
        &bb(),
        "sh",
        "-c",
        "echo round; sleep 0.5; exit 1",
    ]);
    run.ok();
    let out = home.husk(&["logs", "-f", "again"]);
    assert_eq!(out.ok().matches("round").count(), 3, "{}", out.stdout);
    home.husk(&["rm", "-f", "again"]).ok();
}

#[test]
fn journald_log_driver() {
    let listens = std::os::unix::net::UnixDatagram::unbound()
        .is_ok_and(|s| s.connect("/run/systemd/journal/socket").is_ok());
    if !listens {
        eprintln!("skipped: this machine has no journal (tests/run.sh starts one as root)");
        return;
    }
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let out = home.husk(&[
        "run",
        "--name",
        "j",
        "--log-driver",
        "journald",
        &bb(),
        "sh",
        "-c",
        "echo out; echo err >&2",
    ]);
    assert_eq!(
        (out.ok(), out.stderr.as_str()),
        ("out\n", "err\n"),
        "still shown in the foreground"
    );
    eventually("the journal has both lines", || {
        let logs = home.husk(&["logs", "j"]);
        logs.stdout == "out\n" && logs.stderr == "err\n"
    });
    let t = home.husk(&["inspect", "--format", "{{.HostConfig.LogConfig.Type}}", "j"]);
    assert_eq!(t.ok().trim(), "journald");
    // -f: what comes, until it exits.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "jf",
        "--log-driver",
        "journald",
        &bb(),
        "sh",
        "-c",
        "echo one; sleep 1; echo two",
    ])
    .ok();
    assert_eq!(home.husk(&["logs", "-f", "jf"]).ok(), "one\ntwo\n");
    home.husk(&["rm", "j", "jf"]).ok();
}

/// The output of `sh -c SCRIPT` in a new container with `flags`.
fn sh(home: &Home, flags: &[&str], script: &str) -> String {
    sh_in(home, &bb(), flags, script)
}

/// [`sh`] in a container of `image`.
fn sh_in(home: &Home, image: &str, flags: &[&str], script: &str) -> String {
    let mut args = vec!["run", "--rm"];
    args.extend(flags);
    args.extend([image, "sh", "-c", script]);
    home.husk(&args).ok().to_string()
}

#[test]
fn podmans_environment_hosts_tmpfs_pidfile_and_rmi_flags() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let path = sh(&home, &[], "echo $PATH");
    // --unsetenv, --unsetenv-all, --env-merge: the environment the container's
    // first process got (busybox sh sets HOSTNAME and PATH itself if they lack).
    let given = "tr '\\0' '\\n' < /proc/1/environ | grep -E '^(PATH|HOME|HOSTNAME|A)=' | sort";
    assert!(sh(&home, &[], given).contains("HOSTNAME="));
    assert!(!sh(&home, &["--unsetenv", "HOSTNAME"], given).contains("HOSTNAME="));
    assert_eq!(sh(&home, &["--unsetenv-all", "-e", "A=1"], given), "A=1\n");
    assert_eq!(
        sh(
            &home,
            &[
                "-e",
                "A=x",
                "--env-merge",
                "A=${A}y",
                "--env-merge",
                "P=/opt:${PATH}"
            ],
            "echo $A $P"
        ),
        format!("xy /opt:{path}")
    );
    // --env-host: the host's variables (husk's own environment, LANG here);
    // --http-proxy (on by default): the proxy variables only.
    let lang = "tr '\\0' '\\n' < /proc/1/environ | grep -E '^(LANG|http_proxy)=' | sort";
    assert_eq!(sh(&home, &[], lang), "");
    assert_eq!(sh(&home, &["--env-host"], lang), "LANG=C.UTF-8\n");
    let proxied = |flags: &[&str]| {
        let mut args = vec!["run", "--rm"];
        args.extend(flags);
        let bb = bb();
        args.extend([bb.as_str(), "sh", "-c", lang]);
        let out = home
            .cmd(&args)
            .env("http_proxy", "http://proxy:3128")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(proxied(&[]), "http_proxy=http://proxy:3128\n");
    assert_eq!(proxied(&["--http-proxy=false"]), "");
    // --annotation: in the spec, shown by inspect; husk's own keys refused.
    home.husk(&[
        "create",
        "--name",
        "ann",
        "--annotation",
        "org.example.a=b",
        &bb(),
        "true",
    ])
    .ok();
    assert_eq!(
        home.husk(&["inspect", "--format", "{{json .Config.Annotations}}", "ann"])
            .ok(),
        "{\"org.example.a\":\"b\"}\n"
    );
    home.husk(&["create", "--annotation", "io.husk.init=true", &bb(), "true"])
        .fails(125, "husk's own");
    // --arch/--variant: that platform of a multi-platform image.
    let multi = image("multiarch:latest");
    home.husk(&[
        "create",
        "-q",
        "--name",
        "arm",
        "--arch",
        "arm64",
        "--variant",
        "v8",
        &multi,
        "true",
    ])
    .ok();
    assert_eq!(
        home.husk(&["image", "inspect", "--format", "{{.Architecture}}", &multi])
            .ok(),
        "arm64\n"
    );
    // --image-volume: an image VOLUME as tmpfs, or none at all.
    let vols = image("volumes:latest");
    let data = "grep ' /data ' /proc/mounts | cut -d' ' -f3 || true";
    assert_eq!(
        sh_in(&home, &vols, &["--image-volume", "tmpfs"], data),
        "tmpfs\n"
    );
    assert_eq!(sh_in(&home, &vols, &["--image-volume", "ignore"], data), "");
    // --expose: published by -P as the image's EXPOSE are.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "exp",
        "--expose",
        "7000/udp",
        "-P",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    assert!(home.husk(&["port", "exp"]).ok().starts_with("7000/udp -> "));
    home.husk(&["rm", "-f", "exp", "ann", "arm"]).ok();
    home.husk(&["run", "--rm", "--expose", "1:2", &bb(), "true"])
        .fails(125, "--expose");
    // --domainname, --personality.
    assert_eq!(
        sh(
            &home,
            &["--domainname", "example.org", "--uts", "private"],
            "cat /proc/sys/kernel/domainname"
        ),
        "example.org\n"
    );
    assert_eq!(
        sh(&home, &["--personality", "LINUX32"], "uname -m"),
        "i686\n"
    );
    home.husk(&[
        "run",
        "--rm",
        "--domainname",
        "x.org",
        "--uts",
        "host",
        &bb(),
        "true",
    ])
    .fails(125, "not --uts host");
    // --systemd always: podman's systemd mode; --chrootdirs: the etc files there too.
    assert_eq!(
        sh(
            &home,
            &["--systemd", "always"],
            "grep -c ' /run/lock ' /proc/mounts; tr '\\0' '\\n' < /proc/1/environ | grep ^container="
        ),
        "1\ncontainer=podman\n"
    );
    // --shm-size-systemd sizes those tmpfs.
    assert_eq!(
        sh(
            &home,
            &["--systemd", "always", "--shm-size-systemd", "10m"],
            "grep ' /run/lock ' /proc/mounts | grep -o size=[0-9a-z]*"
        ),
        "size=10240k\n"
    );
    home.husk(&[
        "create",
        "--name",
        "sd",
        "--systemd",
        "always",
        &bb(),
        "true",
    ])
    .ok();
    assert_eq!(
        home.husk(&["inspect", "--format", "{{.Config.StopSignal}}", "sd"])
            .ok(),
        "SIGRTMIN+3\n"
    );
    home.husk(&["rm", "sd"]).ok();
    assert_eq!(
        sh(
            &home,
            &["--chrootdirs", "/jail", "-h", "jailed"],
            "cat /jail/etc/hostname"
        ),
        "jailed\n"
    );
    home.husk(&["run", "--rm", "--subuidname", "other", &bb(), "true"])
        .fails(125, "cannot work rootless");
    // --no-hosts: no /etc/hosts of husk's bound over the image's.
    let hosts = "grep -c ' /etc/hosts ' /proc/mounts || true";
    assert_eq!(sh(&home, &[], hosts), "1\n");
    assert_eq!(sh(&home, &["--no-hosts"], hosts), "0\n");
    home.husk(&[
        "run",
        "--rm",
        "--no-hosts",
        "--add-host",
        "a:1.2.3.4",
        &bb(),
        "true",
    ])
    .fails(125, "--add-host");
    // --hosts-file: what /etc/hosts starts from (a host file, none, the image's).
    let mine = home.dir.join("myhosts");
    std::fs::write(&mine, "10.1.1.1 printer\n").unwrap();
    let from_file = sh(
        &home,
        &["--hosts-file", mine.to_str().unwrap(), "-h", "box"],
        "cat /etc/hosts",
    );
    assert!(
        from_file.starts_with("10.1.1.1 printer\n127.0.0.1\tlocalhost\n"),
        "{from_file}"
    );
    assert!(from_file.contains("\tbox "), "{from_file}");
    let none = sh(
        &home,
        &["--hosts-file", "none", "--add-host", "a:1.2.3.4"],
        "cat /etc/hosts",
    );
    assert!(
        none.starts_with("127.0.0.1\tlocalhost\n") && none.contains("1.2.3.4\ta\n"),
        "{none}"
    );
    home.husk(&[
        "run",
        "--name",
        "withhosts",
        "--no-hosts",
        &bb(),
        "sh",
        "-c",
        "echo '10.2.2.2 fromimage' > /etc/hosts",
    ])
    .ok();
    home.husk(&["commit", "-q", "withhosts", "localhost/hosts:1"])
        .ok();
    home.husk(&["rm", "withhosts"]).ok();
    let image = home.husk(&[
        "run",
        "--rm",
        "--hosts-file",
        "image",
        "localhost/hosts:1",
        "cat",
        "/etc/hosts",
    ]);
    assert!(
        image.ok().starts_with("10.2.2.2 fromimage\n127.0.0.1"),
        "{}",
        image.stdout
    );
    home.husk(&[
        "run",
        "--rm",
        "--hosts-file",
        "/no/such/file",
        &bb(),
        "true",
    ])
    .fails(125, "--hosts-file");
    home.husk(&[
        "run",
        "--rm",
        "--no-hosts",
        "--hosts-file",
        "none",
        &bb(),
        "true",
    ])
    .fails(125, "--hosts-file");
    // --read-only: /tmp, /var/tmp and /run stay writable (podman's --read-only-tmpfs).
    assert_eq!(
        sh(
            &home,
            &["--read-only"],
            "touch /tmp/a /var/tmp/b /run/c && echo ok; touch /etc/x 2>/dev/null || echo ro"
        ),
        "ok\nro\n"
    );
    assert_eq!(
        sh(
            &home,
            &["--read-only", "--read-only-tmpfs=false"],
            "touch /tmp/a 2>/dev/null || echo ro"
        ),
        "ro\n"
    );
    // --pidfile and --conmon-pidfile: written at start, the pids inspect shows.
    let (pidfile, monfile) = (home.dir.join("ctr.pid"), home.dir.join("mon.pid"));
    home.husk(&[
        "run",
        "-d",
        "--name",
        "pids",
        "--pidfile",
        pidfile.to_str().unwrap(),
        "--conmon-pidfile",
        monfile.to_str().unwrap(),
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    let inspect = |f: &str| {
        home.husk(&["inspect", "--format", f, "pids"])
            .ok()
            .to_string()
    };
    let read = |p: &std::path::Path| std::fs::read_to_string(p).unwrap();
    assert_eq!(read(&pidfile), inspect("{{.State.Pid}}"));
    assert_eq!(read(&monfile), inspect("{{.State.MonitorPid}}"));
    home.husk(&["rm", "-f", "pids"]).ok();
    // Refused with the reason, before anything is made.
    home.husk(&["run", "--rm", "--seccomp-policy", "image", &bb(), "true"])
        .fails(125, "not supported");
    home.husk(&[
        "run",
        "--rm",
        "--cgroup-conf",
        "memory.high=1G",
        &bb(),
        "true",
    ])
    .fails(125, "--cgroup-conf: needs cgroup v2");
    home.husk(&["run", "--rmi", "--restart", "always", &bb(), "true"])
        .fails(125, "--rmi");
    home.husk(&["pull", "-q", "--retry", "1", "--retry-delay", "10ms", &bb()])
        .ok();
    home.husk(&["pull", "-q", "--retry-delay", "soon", &bb()])
        .fails(125, "soon");
    // --rmi: the image goes with the container (and an image in use stays).
    home.husk(&["create", "--name", "user", &bb(), "true"]).ok();
    home.husk(&["run", "--rmi", &bb(), "true"]).ok();
    home.husk(&["image", "exists", &bb()]).ok();
    home.husk(&["rm", "user"]).ok();
    home.husk(&["run", "--rmi", &bb(), "true"]).ok();
    assert_eq!(home.husk(&["image", "exists", &bb()]).code, 1);
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
    home.assert_consistent();
}

#[test]
fn podmans_latest_cidfile_filter_and_sort_flags() {
    let home = Home::new();
    let a = service(&home, "a");
    service(&home, "b");
    // --latest: the container created last, for every command that takes one.
    assert_eq!(
        home.husk(&["inspect", "-l", "--format", "{{.Name}}"]).ok(),
        "/b\n"
    );
    assert_eq!(home.husk(&["exec", "-l", "echo", "in", "b"]).ok(), "in b\n");
    assert!(home.husk(&["logs", "-l"]).ok().contains("hello"));
    assert!(home
        .husk(&["top", "-l", "pid", "args"])
        .ok()
        .contains("PID"));
    home.husk(&["exec", "b", "touch", "/made"]).ok();
    assert!(home.husk(&["diff", "-l"]).ok().contains("A /made"));
    let sizes = home.husk(&["inspect", "-s", "b"]).json();
    assert!(sizes[0]["SizeRootFs"].as_u64().unwrap() > sizes[0]["SizeRw"].as_u64().unwrap());
    // --sort.
    assert_eq!(
        home.husk(&["ps", "--sort", "names", "--format", "{{.Names}}"])
            .ok(),
        "a\nb\n"
    );
    assert_eq!(home.husk(&["ps", "--format", "{{.Names}}"]).ok(), "b\na\n");
    // --filter and --cidfile on commands that act on several containers.
    home.husk(&["pause", "--filter", "name=b"]).ok();
    assert_eq!(status(&home, "b"), "paused");
    home.husk(&["unpause", "-l"]).ok();
    assert_eq!(status(&home, "b"), "running");
    let cidfile = home.dir.join("a.cid");
    std::fs::write(&cidfile, &a).unwrap();
    // exec --cidfile: the first word is the command's (options after it are its).
    let cid = cidfile.to_str().unwrap();
    assert_eq!(
        home.husk(&["exec", "--cidfile", cid, "sh", "-c", "echo in $HOSTNAME"])
            .ok(),
        format!("in {}\n", &a[..12])
    );
    home.husk(&["exec", "--cidfile", cid, "-l", "true"])
        .fails(125, "cannot be used with");
    home.husk(&["stop", "-t", "0", "--cidfile", cid]).ok();
    assert_eq!(status(&home, "a"), "exited");
    home.husk(&["restart", "--all", "--running", "-t", "0"])
        .ok();
    assert_eq!(status(&home, "a"), "exited");
    home.husk(&["kill", "--filter", "name=b"]).ok();
    assert_eq!(
        home.husk(&["wait", "-l", "--ignore", "ghost"]).ok(),
        "137\n"
    );
    home.husk(&["wait", "ghost"]).fails(125, "ghost");
    home.husk(&["rm", "--filter", "status=exited", "--filter", "name=a"])
        .ok();
    assert_eq!(
        home.husk(&["ps", "-a", "--format", "{{.Names}}"]).ok(),
        "b\n"
    );
    home.husk(&["rm", "--latest"]).ok();
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
    // Prune filters, and podman's flags that have nothing to do in husk.
    home.husk(&[
        "image",
        "prune",
        "-f",
        "--filter",
        "label=none=here",
        "--external",
    ])
    .ok();
    home.husk(&[
        "system",
        "prune",
        "-f",
        "-a",
        "--filter",
        "label=none",
        "--build",
    ])
    .ok();
    home.husk(&["image", "exists", &bb()]).ok();
    home.husk(&["rmi", "--no-prune", &bb()]).ok();
    home.husk(&["ps", "--sync", "--external"]).ok();
    home.husk(&["volume", "create", "vol"]).ok();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "vu",
        "-v",
        "vol:/v",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    home.husk(&["volume", "rm", "-f", "-t", "1", "vol"]).ok();
    home.husk(&["volume", "rm", "-t", "1", "vol"])
        .fails(125, "--force");
    home.assert_consistent();
}

#[test]
fn health_on_failure_kills_stops_or_restarts() {
    let home = Home::new();
    for (name, action) in [("k", "kill"), ("s", "stop"), ("r", "restart")] {
        home.husk(&[
            "run",
            "-d",
            "--name",
            name,
            "--health-cmd",
            "false",
            "--health-interval",
            "200ms",
            "--health-retries",
            "1",
            "--health-on-failure",
            action,
            "--stop-timeout",
            "1",
            &bb(),
            "sleep",
            "100",
        ])
        .ok();
    }
    // kill: SIGKILL, and no restart; stop: the stop signal (ignored by sleep as
    // PID 1), then SIGKILL after the stop timeout.
    for name in ["k", "s"] {
        eventually(name, || status(&home, name) == "exited");
        assert_eq!(home.husk(&["wait", name]).ok(), "137\n");
    }
    // restart: started again by its monitor, whatever the (absent) restart policy.
    let restarts = || {
        home.husk(&["inspect", "--format", "{{.RestartCount}}", "r"])
            .ok()
            .trim()
            .parse::<u32>()
            .unwrap()
    };
    eventually("restarted", || restarts() >= 1);
    eventually("running again", || status(&home, "r") == "running");
    home.husk(&[
        "run",
        "-d",
        "--health-on-failure",
        "restart",
        "--restart",
        "always",
        &bb(),
        "true",
    ])
    .fails(125, "--health-on-failure restart conflicts");
    home.husk(&[
        "run",
        "--rm",
        "--health-on-failure",
        "reboot",
        &bb(),
        "true",
    ])
    .fails(125, "reboot");
    home.husk(&["rm", "-f", "k", "s", "r"]).ok();
    home.assert_consistent();
}

#[test]
fn everyday_flags_each_once() {
    let home = Home::new();
    let dir = home.dir.join("shared");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    let d = dir.to_str().unwrap();
    // -v …:rw and :z (no SELinux here: accepted), --volumes-from …:rw.
    sh(&home, &["-v", &format!("{d}:/d:rw")], "echo a > /d/a");
    sh(&home, &["-v", &format!("{d}:/d:z")], "echo b > /d/b");
    home.husk(&[
        "create",
        "--name",
        "src",
        "-v",
        &format!("{d}:/d:ro"),
        &bb(),
        "true",
    ])
    .ok();
    sh(&home, &["--volumes-from", "src:rw"], "echo c > /d/c");
    assert_eq!(std::fs::read_to_string(dir.join("c")).unwrap(), "c\n");
    assert!(dir.join("a").exists() && dir.join("b").exists());
    // -a stderr: only that stream reaches the terminal.
    let out = home.husk(&[
        "run",
        "--rm",
        "-a",
        "stderr",
        &bb(),
        "sh",
        "-c",
        "echo out; echo err >&2",
    ]);
    assert_eq!((out.ok(), out.stderr.as_str()), ("", "err\n"));
    // --ipc private and shareable: a /dev/shm of its own.
    for ipc in ["private", "shareable"] {
        assert_eq!(
            sh(&home, &["--ipc", ipc], "test -d /dev/shm && echo shm"),
            "shm\n"
        );
    }
    // --security-opt no-new-privileges:true|false.
    let nnp = "grep NoNewPrivs /proc/self/status | tr -d ' \\t'";
    assert_eq!(
        sh(&home, &["--security-opt", "no-new-privileges:true"], nnp),
        "NoNewPrivs:1\n"
    );
    assert_eq!(
        sh(&home, &["--security-opt", "no-new-privileges:false"], nnp),
        "NoNewPrivs:0\n"
    );
    // ps --filter network=, --noheading on ps, volume ls and network ls.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "nonet",
        "--network",
        "none",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    assert_eq!(
        home.husk(&["ps", "--filter", "network=none", "--format", "{{.Names}}"])
            .ok(),
        "nonet\n"
    );
    assert!(!home
        .husk(&["ps", "--noheading"])
        .ok()
        .contains("CONTAINER ID"));
    home.husk(&["volume", "create", "vol1"]).ok();
    let vols = home.husk(&["volume", "ls", "--noheading"]);
    assert!(vols.ok().contains("vol1") && !vols.stdout.contains("DRIVER"));
    assert!(!home
        .husk(&["network", "ls", "--noheading"])
        .ok()
        .contains("NETWORK ID"));
    // inspect: Config.Entrypoint apart from Cmd, State.Paused while paused;
    // wait --condition paused.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "ep",
        "--entrypoint",
        "sleep",
        &bb(),
        "100",
    ])
    .ok();
    let doc = home.husk(&["inspect", "ep"]).json();
    assert_eq!(doc[0]["Config"]["Entrypoint"], serde_json::json!(["sleep"]));
    assert_eq!(doc[0]["Config"]["Cmd"], serde_json::json!(["100"]));
    assert_eq!(doc[0]["State"]["Paused"], false);
    home.husk(&["pause", "ep"]).ok();
    home.husk(&["wait", "--condition", "paused", "ep"]).ok();
    assert_eq!(
        home.husk(&["inspect", "--format", "{{.State.Paused}}", "ep"])
            .ok(),
        "true\n"
    );
    home.husk(&["unpause", "ep"]).ok();
    // restart -a: every container, the stopped ones too.
    home.husk(&["stop", "-t", "0", "ep"]).ok();
    home.husk(&["restart", "-a", "-t", "0"]).ok();
    assert_eq!(status(&home, "ep"), "running");
    // Template functions title and truncate.
    assert_eq!(
        home.husk(&[
            "inspect",
            "--format",
            "{{title .Name}} {{truncate .Id 6}}",
            "nonet"
        ])
        .ok()
        .split_whitespace()
        .map(|w| w.len())
        .collect::<Vec<_>>(),
        [6, 6]
    );
    // --health-start-period: failures inside it do not count.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "slow",
        "--health-cmd",
        "false",
        "--health-interval",
        "100ms",
        "--health-retries",
        "1",
        "--health-start-period",
        "60s",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(health(&home, "slow"), "starting");
    // The options kept typed in the record, as docker's HostConfig shows them.
    home.husk(&[
        "create",
        "--name",
        "opts",
        "--shm-size",
        "256m",
        "--ulimit",
        "nofile=1024:2048",
        "--cap-add",
        "NET_ADMIN",
        "--security-opt",
        "no-new-privileges",
        "--read-only",
        "--init",
        &bb(),
        "true",
    ])
    .ok();
    let host = &home.husk(&["inspect", "opts"]).json()[0]["HostConfig"];
    assert_eq!(host["ShmSize"], 256 << 20);
    assert_eq!(
        host["Ulimits"],
        serde_json::json!([{"Name": "nofile", "Soft": 1024, "Hard": 2048}])
    );
    assert_eq!(host["CapAdd"], serde_json::json!(["NET_ADMIN"]));
    assert_eq!(
        host["SecurityOpt"],
        serde_json::json!(["no-new-privileges"])
    );
    assert_eq!(
        (&host["ReadonlyRootfs"], &host["Init"]),
        (&true.into(), &true.into())
    );
    home.husk(&["rm", "-af"]).ok();
    home.assert_consistent();
}

#[test]
fn sig_proxy_forwards_signals_or_leaves_them_to_husk() {
    use std::os::unix::process::ExitStatusExt;
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let script = "trap 'echo got; exit 9' INT; sleep 30 & wait";
    let running = |name: &str| {
        home.husk(&["inspect", "--format", "{{.State.Status}}", name])
            .stdout
            .trim()
            == "running"
    };
    let sigint = |child: &std::process::Child| {
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(child.id() as i32),
            nix::sys::signal::Signal::SIGINT,
        )
        .unwrap();
    };
    // The default: husk run hands SIGINT to the container, whose code it returns.
    let mut child = home
        .cmd(&["run", "--name", "fwd", &bb(), "sh", "-c", script])
        .spawn()
        .unwrap();
    eventually("fwd running", || running("fwd"));
    std::thread::sleep(Duration::from_millis(300)); // the trap set
    sigint(&child);
    assert_eq!(child.wait().unwrap().code(), Some(9));
    // --sig-proxy=false: SIGINT ends husk run alone; the container runs on.
    let mut child = home
        .cmd(&[
            "run",
            "--name",
            "own",
            "--sig-proxy=false",
            &bb(),
            "sh",
            "-c",
            script,
        ])
        .spawn()
        .unwrap();
    eventually("own running", || running("own"));
    sigint(&child);
    assert_eq!(child.wait().unwrap().signal(), Some(2));
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(status(&home, "own"), "running");
    home.husk(&["rm", "-f", "fwd", "own"]).ok();
}

#[test]
fn podmans_color_watch_ns_and_depend() {
    let home = Home::new();
    service(&home, "one");
    home.husk(&[
        "run",
        "-d",
        "--name",
        "two",
        "--network",
        "container:one",
        "--pid",
        "container:one",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    // logs --color: each container's prefix in its own color.
    let logs = home.husk(&["logs", "--color", "--names", "one", "two"]);
    assert!(
        logs.ok().contains("\x1b[32mone\x1b[0m hello"),
        "{:?}",
        logs.stdout
    );
    // ps --ns: the namespaces' inodes; two shares one's network and pid namespaces.
    let ns = home
        .husk(&["ps", "--ns", "--sort", "names"])
        .ok()
        .to_string();
    let rows: Vec<Vec<&str>> = ns.lines().map(|l| l.split_whitespace().collect()).collect();
    assert_eq!(rows[0][..4], ["CONTAINER", "ID", "NAMES", "PID"], "{ns}");
    let (one, two) = (&rows[1], &rows[2]);
    assert_eq!((one[1], two[1]), ("one", "two"), "{ns}");
    assert!(one[3].parse::<u64>().is_ok(), "{ns}");
    assert_eq!(
        (one[6], one[7]),
        (two[6], two[7]),
        "NET and PIDNS shared: {ns}"
    );
    assert_ne!(one[5], two[5], "MNT their own: {ns}");
    // ps --watch: the list again each interval.
    let mut watch = home
        .cmd(&["ps", "--watch", "1", "--format", "{{.Names}}"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    watch.kill().unwrap();
    let out = watch.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.matches("one").count() >= 2, "{text:?}");
    // rm --depend: the container that joins one goes first.
    home.husk(&["rm", "-f", "--depend", "one"]).ok();
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
    home.assert_consistent();
}

#[test]
fn cp_archive_keeps_the_owners_going_in() {
    let home = Home::new();
    service(&home, "c");
    let src = home.dir.join("tarsrc");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("f"), "owned\n").unwrap();
    let tarfile = home.dir.join("in.tar");
    let made = std::process::Command::new("tar")
        .args(["--owner=1234", "--group=1234", "-C"])
        .arg(&src)
        .arg("-cf")
        .arg(&tarfile)
        .arg("f")
        .status()
        .unwrap();
    assert!(made.success());
    // Without -a what goes in belongs to the container's root; with -a
    // (docker's archive mode) to the archive's owners.
    for (flags, want) in [(vec![], "0:0\n"), (vec!["-a"], "1234:1234\n")] {
        let mut args = vec!["cp"];
        args.extend(&flags);
        args.extend(["-", "c:/tmp"]);
        let out = home
            .cmd(&args)
            .stdin(std::fs::File::open(&tarfile).unwrap())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            home.husk(&["exec", "c", "stat", "-c", "%u:%g", "/tmp/f"])
                .ok(),
            want,
            "{flags:?}"
        );
        home.husk(&["exec", "c", "rm", "/tmp/f"]).ok();
    }
    // Bytes after the archive's end (more than a pipe holds) are padding: the
    // copy is done when the archive is, however far the sender got.
    let mut padded = std::fs::read(&tarfile).unwrap();
    padded.extend(std::iter::repeat_n(0u8, 1 << 20));
    let padded_file = home.dir.join("padded.tar");
    std::fs::write(&padded_file, padded).unwrap();
    let out = home
        .cmd(&["cp", "-", "c:/tmp"])
        .stdin(std::fs::File::open(&padded_file).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(home.husk(&["exec", "c", "cat", "/tmp/f"]).ok(), "owned\n");
    home.husk(&["rm", "-f", "c"]).ok();
}

#[test]
fn requires_starts_the_containers_first() {
    let home = Home::new();
    service(&home, "db");
    home.husk(&["stop", "-t", "0", "db"]).ok();
    home.husk(&[
        "create",
        "--name",
        "app",
        "--requires",
        "db",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    home.husk(&["start", "app"]).ok();
    assert_eq!(
        (status(&home, "db"), status(&home, "app")),
        ("running".into(), "running".into())
    );
    home.husk(&["run", "--rm", "--requires", "ghost", &bb(), "true"])
        .fails(125, "--requires ghost");
    home.husk(&["rm", "-f", "app", "db"]).ok();
}

#[test]
fn cp_overwrite_replaces_another_kind() {
    let home = Home::new();
    service(&home, "c");
    home.husk(&["exec", "c", "mkdir", "-p", "/tmp/d/x", "/tmp/e"])
        .ok();
    home.husk(&["exec", "c", "touch", "/tmp/e/x", "/tmp/f"])
        .ok();
    let hostfile = home.dir.join("x");
    std::fs::write(&hostfile, "file\n").unwrap();
    let hostdir = home.dir.join("hd");
    std::fs::create_dir_all(hostdir.join("x")).unwrap();
    let into = |dst: &str| format!("c:{dst}");
    // A file over a directory inside DST: refused without
    // --overwrite, and the directory is still there.
    home.husk(&["cp", hostfile.to_str().unwrap(), &into("/tmp/d")])
        .fails(125, "cannot overwrite directory");
    home.husk(&["exec", "c", "sh", "-c", "test -d /tmp/d/x"])
        .ok();
    home.husk(&[
        "cp",
        "--overwrite",
        hostfile.to_str().unwrap(),
        &into("/tmp/d"),
    ])
    .ok();
    assert_eq!(home.husk(&["exec", "c", "cat", "/tmp/d/x"]).ok(), "file\n");
    // A directory over a file.
    home.husk(&["cp", hostdir.join("x").to_str().unwrap(), &into("/tmp/e")])
        .fails(125, "cannot overwrite non-directory");
    home.husk(&["exec", "c", "sh", "-c", "test -f /tmp/e/x"])
        .ok();
    home.husk(&[
        "cp",
        "--overwrite",
        hostdir.join("x").to_str().unwrap(),
        &into("/tmp/e"),
    ])
    .ok();
    home.husk(&["exec", "c", "sh", "-c", "test -d /tmp/e/x"])
        .ok();
    // DST itself a file, SRC a directory's contents.
    let src = format!("{}/.", hostdir.display());
    home.husk(&["cp", &src, &into("/tmp/f")])
        .fails(125, "cannot overwrite non-directory");
    home.husk(&["cp", "--overwrite", &src, &into("/tmp/f")])
        .ok();
    home.husk(&["exec", "c", "sh", "-c", "test -d /tmp/f/x"])
        .ok();
    // Out of the container: a directory over a host file.
    let out = home.dir.join("out");
    std::fs::write(&out, "host\n").unwrap();
    home.husk(&["cp", "c:/tmp/d", out.to_str().unwrap()])
        .fails(125, "cannot overwrite non-directory");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "host\n");
    home.husk(&["cp", "--overwrite", "c:/tmp/d", out.to_str().unwrap()])
        .ok();
    assert_eq!(std::fs::read_to_string(out.join("x")).unwrap(), "file\n");
    home.husk(&["rm", "-f", "c"]).ok();
}

#[test]
fn secrets_as_files_and_variables() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let image = bb();
    // From stdin, a file and an environment variable.
    let id = home
        .husk_stdin(&["secret", "create", "dbpw", "-"], "s3cret")
        .ok()
        .trim()
        .to_string();
    assert_eq!(id.len(), 25, "{id}");
    home.write("tok", "token-1\n");
    let tok = home.dir.join("tok");
    home.husk(&[
        "secret",
        "create",
        "-l",
        "app=x",
        "tok",
        tok.to_str().unwrap(),
    ])
    .ok();
    let out = home
        .cmd(&["secret", "create", "--env", "fromenv", "MYVAR"])
        .env("MYVAR", "v1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        home.husk(&["secret", "ls", "--format", "{{.Name}}"]).ok(),
        "dbpw\ntok\nfromenv\n"
    );
    assert_eq!(
        home.husk(&["secret", "ls", "-q", "--filter", "label=app=x"])
            .ok()
            .lines()
            .count(),
        1
    );
    assert_eq!(home.husk(&["secret", "exists", "dbpw"]).code, 0);
    assert_eq!(home.husk(&["secret", "exists", "nope"]).code, 1);
    // The data is the user's alone, and inspect shows it only when asked.
    let data = home.store().join("secrets/data").join(&id);
    assert_eq!(
        std::fs::metadata(&data).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let doc = home.husk(&["secret", "inspect", "dbpw"]).json();
    assert_eq!(doc[0]["Spec"]["Name"], "dbpw");
    assert!(doc[0].get("SecretData").is_none(), "{doc}");
    let doc = home
        .husk(&["secret", "inspect", "--showsecret", &id[..8]])
        .json();
    assert_eq!(doc[0]["SecretData"], "s3cret");
    // A name is taken until --replace gives it new data (the id stays).
    home.husk_stdin(&["secret", "create", "dbpw", "-"], "other")
        .fails(125, "in use");
    let again = home.husk_stdin(&["secret", "create", "--replace", "dbpw", "-"], "s3cret2");
    assert_eq!(again.ok().trim(), id);
    // In a container: files (default /run/secrets/NAME; target, mode) and a variable.
    let script =
        "cat /run/secrets/dbpw; echo; cat /etc/tok; stat -c %a /etc/tok; echo $DB_PASSWORD";
    home.husk(&[
        "create",
        "--name",
        "app",
        "--secret",
        "dbpw",
        "--secret",
        "tok,target=/etc/tok,mode=0400",
        "--secret",
        "dbpw,type=env,target=DB_PASSWORD",
        &image,
        "sh",
        "-c",
        script,
    ])
    .ok();
    // Removed or replaced later: the container keeps the copy it was made with.
    home.husk(&["secret", "rm", "dbpw"]).ok();
    home.husk_stdin(&["secret", "create", "dbpw", "-"], "newer")
        .ok();
    assert_eq!(
        home.husk(&["start", "-a", "app"]).ok(),
        "s3cret2\ntoken-1\n400\ns3cret2\n"
    );
    // Never in inspect's environment, nor in a committed image's.
    let env = home.husk(&["inspect", "--format", "{{json .Config.Env}}", "app"]);
    assert!(!env.ok().contains("s3cret2"), "{}", env.stdout);
    let names = home.husk(&[
        "inspect",
        "--format",
        "{{range .Config.Secrets}}{{.Name}} {{end}}",
        "app",
    ]);
    assert_eq!(names.ok(), "dbpw tok dbpw \n");
    home.husk(&["commit", "-q", "app", "localhost/withsecret:1"])
        .ok();
    let cfg = home.husk(&[
        "image",
        "inspect",
        "--format",
        "{{json .Config.Env}}",
        "localhost/withsecret:1",
    ]);
    assert!(!cfg.ok().contains("s3cret2"), "{}", cfg.stdout);
    home.husk(&["rm", "app"]).ok();
    // Bad input.
    home.husk(&["run", "--rm", "--secret", "nope", &image, "true"])
        .fails(125, "no such secret: nope");
    home.husk(&[
        "run",
        "--rm",
        "--secret",
        "tok,type=env,uid=1",
        &image,
        "true",
    ])
    .fails(125, "uid, gid and mode are for type=mount");
    home.husk_stdin(&["secret", "create", "a/b", "-"], "x")
        .fails(125, "invalid secret name");
    home.husk_stdin(&["secret", "create", "empty", "-"], "")
        .fails(125, "no data");
    home.husk(&["secret", "rm", "nope"])
        .fails(125, "no such secret");
    home.husk(&["secret", "rm", "-i", "nope"]).ok();
    home.husk(&["secret", "rm", "-a"]).ok();
    assert_eq!(home.husk(&["secret", "ls", "-q"]).ok(), "");
}

#[test]
fn rootfs_directories_run_in_place_or_under_a_layer() {
    let home = Home::new();
    // A root directory of the user's: busybox's files, unpacked.
    home.husk(&["create", "--name", "src", &bb(), "true"]).ok();
    let tar = home.dir.join("root.tar");
    home.husk(&["export", "-o", tar.to_str().unwrap(), "src"])
        .ok();
    home.husk(&["rm", "src"]).ok();
    let dir = home.dir.join("root");
    home.write("root/.keep", "");
    let untar = home
        .program(
            std::path::Path::new("/bin/tar"),
            &["-xf", tar.to_str().unwrap(), "-C", dir.to_str().unwrap()],
        )
        .status()
        .unwrap();
    assert!(untar.success());
    let root = dir.to_str().unwrap();
    // In place: what the container writes lands in the directory.
    let run = |rootfs: &str, script: &str| {
        home.husk(&["run", "--rm", "--rootfs", rootfs, "sh", "-c", script])
            .ok()
            .to_string()
    };
    assert_eq!(
        run(root, "echo hi > /written; id -u; head -n1 /etc/passwd"),
        "0\nroot:x:0:0:root:/root:/bin/sh\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("written")).unwrap(),
        "hi\n"
    );
    // PATH:O: under a layer of the container's; the directory stays as it was.
    let over = format!("{root}:O");
    assert_eq!(run(&over, "echo o > /over; rm /written; cat /over"), "o\n");
    assert!(!dir.join("over").exists());
    assert!(dir.join("written").exists());
    // A kept one: its layer persists across starts; inspect, cp, commit.
    home.husk(&[
        "create",
        "--name",
        "r",
        "--rootfs",
        &over,
        "sh",
        "-c",
        "cat /count 2>/dev/null || echo none; echo again > /count",
    ])
    .ok();
    assert_eq!(home.husk(&["start", "-a", "r"]).ok(), "none\n");
    assert_eq!(home.husk(&["start", "-a", "r"]).ok(), "again\n");
    assert!(!dir.join("count").exists());
    assert_eq!(
        home.husk(&["inspect", "--format", "{{.Rootfs}}", "r"]).ok(),
        format!("{}\n", std::fs::canonicalize(&dir).unwrap().display())
    );
    let out = home.dir.join("count");
    home.husk(&["cp", "r:/count", out.to_str().unwrap()]).ok();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "again\n");
    home.husk(&["commit", "r", "localhost/fromrootfs:1"])
        .fails(125, "runs from --rootfs");
    home.husk(&["rm", "r"]).ok();
    // Bad input.
    home.husk(&["run", "--rm", "--rootfs", "/no/such/root", "true"])
        .fails(125, "no such directory");
    home.husk(&[
        "run", "--rm", "--uidmap", "0:1:100", "--rootfs", root, "true",
    ])
    .fails(125, "need PATH:O");
}

#[test]
fn startup_health_check_gates_the_regular_one() {
    let home = Home::new();
    let image = bb();
    let run = |name: &str, flags: &[&str]| {
        let mut args = vec!["run", "-d", "--name", name, "--health-cmd", "true"];
        args.extend(flags);
        args.extend([image.as_str(), "sleep", "100"]);
        home.husk(&args).ok();
    };
    let health = |name: &str| {
        home.husk(&["inspect", "--format", "{{.State.Health.Status}}", name])
            .ok()
            .trim()
            .to_string()
    };
    run(
        "st",
        &[
            "--health-interval",
            "200ms",
            "--health-startup-cmd",
            "test -e /tmp/ready",
            "--health-startup-interval",
            "200ms",
            "--health-startup-success",
            "2",
        ],
    );
    // The startup check fails, so the regular one (which would pass) does not run.
    let failed = || {
        home.husk(&[
            "inspect",
            "--format",
            "{{.State.Health.StartupFailures}}",
            "st",
        ])
        .ok()
        .trim()
        .parse::<u32>()
        .unwrap_or(0)
    };
    eventually("startup checks ran", || failed() >= 3);
    assert_eq!(health("st"), "starting");
    home.husk(&["exec", "st", "touch", "/tmp/ready"]).ok();
    eventually("healthy once started", || health("st") == "healthy");
    assert_eq!(
        home.husk(&[
            "inspect",
            "--format",
            "{{.Config.Healthcheck.StartupHealthCheck.Successes}}",
            "st"
        ])
        .ok(),
        "2\n"
    );
    // Failing its retries restarts the container.
    run(
        "sr",
        &[
            "--health-startup-cmd",
            "false",
            "--health-startup-interval",
            "200ms",
            "--health-startup-retries",
            "2",
        ],
    );
    let restarts = || {
        home.husk(&["inspect", "--format", "{{.RestartCount}}", "sr"])
            .ok()
            .trim()
            .parse::<u32>()
            .unwrap()
    };
    eventually("restarted", || restarts() >= 1);
    // healthcheck run runs the startup check while it has not passed.
    run(
        "manual",
        &[
            "--health-startup-cmd",
            "false",
            "--health-startup-interval",
            "1h",
        ],
    );
    home.husk(&["healthcheck", "run", "manual"]).fails(1, "");
    assert_eq!(health("manual"), "starting");
    for (flags, needle) in [
        (
            vec!["--health-startup-interval", "1s"],
            "need --health-startup-cmd",
        ),
        (
            vec!["--no-healthcheck", "--health-startup-cmd", "true"],
            "needs a health check",
        ),
    ] {
        let mut args = vec!["run", "--rm"];
        args.extend(flags);
        args.extend([image.as_str(), "true"]);
        home.husk(&args).fails(125, needle);
    }
    home.husk(&["rm", "-f", "st", "sr", "manual"]).ok();
}

#[test]
fn health_log_count_size_and_destination() {
    let home = Home::new();
    let image = bb();
    home.write("hlogs/.keep", "");
    let dir = home.dir.join("hlogs");
    home.husk(&[
        "run",
        "-d",
        "--name",
        "hl",
        "--health-cmd",
        "echo 0123456789",
        "--health-interval",
        "1h",
        "--health-max-log-count",
        "2",
        "--health-max-log-size",
        "4",
        "--health-log-destination",
        dir.to_str().unwrap(),
        &image,
        "sleep",
        "100",
    ])
    .ok();
    for _ in 0..3 {
        home.husk(&["healthcheck", "run", "hl"]).ok();
    }
    let log = home.husk(&["inspect", "--format", "{{json .State.Health.Log}}", "hl"]);
    let log: serde_json::Value = serde_json::from_str(log.ok()).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 2, "{log}");
    assert_eq!(log[1]["Output"], "0123");
    let id = home
        .husk(&["inspect", "--format", "{{.Id}}", "hl"])
        .ok()
        .trim()
        .to_string();
    let file = std::fs::read_to_string(dir.join(format!("{id}-healthcheck.log"))).unwrap();
    assert_eq!(file.lines().count(), 3, "{file}");
    assert!(file.contains(r#""Status":"healthy""#), "{file}");
    // events_logger: a health_status event per check.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "he",
        "--health-cmd",
        "true",
        "--health-interval",
        "1h",
        "--health-log-destination",
        "events_logger",
        &image,
        "sleep",
        "100",
    ])
    .ok();
    home.husk(&["healthcheck", "run", "he"]).ok();
    let events = home.husk(&[
        "events",
        "--stream=false",
        "--filter",
        "event=health_status",
        "--format",
        "{{.Actor.Attributes.name}} {{.Actor.Attributes.health_status}}",
    ]);
    assert_eq!(events.ok(), "he healthy\n");
    home.husk(&[
        "run",
        "--rm",
        "--health-cmd",
        "true",
        "--health-log-destination",
        "logs",
        &image,
        "true",
    ])
    .fails(125, "invalid --health-log-destination");
    home.husk(&["rm", "-f", "hl", "he"]).ok();
}

/// `ps` reads the records and states of containers unchanged for 2 s from
/// containers/index.json, and the others from their files: every change made
/// after the index was written shows at once, and a corrupt index is rebuilt.
#[test]
fn ps_index_follows_every_change() {
    let home = Home::new();
    let ps = |home: &Home| {
        let mut lines: Vec<String> = home
            .husk(&["ps", "-a", "--format", "{{.Names}} {{.Status}}"])
            .ok()
            .lines()
            .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            .collect();
        lines.sort();
        lines
    };
    let forever = "trap 'exit 0' TERM; while true; do sleep 0.1; done";
    home.husk(&["create", "--name", "one", &bb(), "sh", "-c", forever])
        .ok();
    home.husk(&["create", "--name", "two", &bb(), "true"]).ok();
    let index = home.store().join("containers/index.json");
    // Too new to be kept: read from their files, not written to the index.
    assert_eq!(ps(&home), ["one Created", "two Created"]);
    assert!(!index.exists(), "an unsettled container was indexed");
    std::thread::sleep(Duration::from_millis(2100));
    assert_eq!(ps(&home), ["one Created", "two Created"]);
    let text = std::fs::read_to_string(&index).expect("ps wrote the index");
    assert!(text.contains("\"two\""), "{text}");
    assert_eq!(ps(&home), ["one Created", "two Created"], "from the index");

    // Changes to indexed containers, and a new one, right after.
    home.husk(&["start", "one"]).ok();
    home.husk(&["rename", "two", "deux"]).ok();
    home.husk(&["create", "--name", "three", &bb(), "true"])
        .ok();
    let want = ["deux Created", "one Up", "three Created"];
    assert_eq!(ps(&home), want);
    std::thread::sleep(Duration::from_millis(2100));
    assert_eq!(ps(&home), want);
    assert_eq!(ps(&home), want, "from the index");
    assert!(std::fs::read_to_string(&index)
        .unwrap()
        .contains("\"deux\""));

    home.husk(&["stop", "-t", "5", "one"]).ok();
    home.husk(&["rm", "deux"]).ok();
    assert_eq!(ps(&home), ["one Exited", "three Created"]);
    assert_eq!(
        home.husk(&["ps", "-q"]).ok(),
        "",
        "ps without -a lists no stopped container"
    );

    // A corrupt index is read as none, and rewritten.
    std::fs::write(&index, "{not json").unwrap();
    assert_eq!(ps(&home), ["one Exited", "three Created"]);
    std::thread::sleep(Duration::from_millis(2100));
    assert_eq!(ps(&home), ["one Exited", "three Created"]);
    let text = std::fs::read_to_string(&index).unwrap();
    assert!(text.contains("\"three\""), "{text}");
    home.assert_consistent();
}

#[test]
fn etc_files_live_in_the_runtime_directory_and_come_back_after_a_reboot() {
    let home = Home::new();
    let id = home
        .husk(&[
            "create",
            "--name",
            "boot",
            "--hostname",
            "box",
            &bb(),
            "sh",
            "-c",
            "cat /etc/hostname; grep -c name=.boot. /run/.containerenv; grep -c box /etc/hosts; \
             [ -f /.dockerenv ] && echo dockerenv",
        ])
        .ok()
        .trim()
        .to_string();
    let run = home.dir.join("run/husk/containers").join(&id);
    // As podman's: in the runtime directory, which inspect names; not in the store.
    for (field, file) in [
        ("HostsPath", "hosts"),
        ("HostnamePath", "hostname"),
        ("ResolvConfPath", "resolv.conf"),
    ] {
        let path = home.husk(&["inspect", "--format", &format!("{{{{.{field}}}}}"), "boot"]);
        assert_eq!(path.ok().trim(), run.join(file).display().to_string());
        assert!(run.join(file).is_file(), "{file}");
    }
    let own = home.store().join("containers").join(&id);
    assert!(own.is_dir() && !own.join("hosts").exists() && !own.join("containerenv").exists());
    // A reboot empties the runtime directory: the next start makes them again.
    std::fs::remove_dir_all(&run).unwrap();
    let out = home.husk(&["start", "-a", "boot"]);
    assert_eq!(out.ok(), "box\n1\n1\ndockerenv\n");
    assert!(run.join("hosts").is_file() && run.join("containerenv").is_file());
    home.husk(&["rm", "boot"]).ok();
    assert!(!run.exists(), "rm leaves {}", run.display());
    // With the host's UTS namespace, the host's name, made again the same.
    let host = home.husk(&["create", "--uts", "host", &bb(), "cat", "/etc/hostname"]);
    let host = host.ok().trim().to_string();
    let host_name = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    assert_eq!(home.husk(&["start", "-a", &host]).ok(), host_name);
    std::fs::remove_dir_all(home.dir.join("run/husk/containers").join(&host)).unwrap();
    assert_eq!(home.husk(&["start", "-a", &host]).ok(), host_name);
    home.husk(&["rm", &host]).ok();
    // --rm takes them too.
    home.husk(&["run", "--rm", "--name", "gone", &bb(), "true"])
        .ok();
    home.assert_consistent();
    let left: Vec<_> = std::fs::read_dir(home.dir.join("run/husk/containers"))
        .unwrap()
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
