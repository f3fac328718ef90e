//! Pods as a user meets them (podman's `husk pod …`, `run --pod`): containers
//! that talk over localhost, the pod's published port and host name, its
//! state as its containers come and go, removal, and what is refused.

mod common;

use std::time::Duration;

use common::{image, Home};

fn bb() -> String {
    image("busybox:latest")
}

/// A web server (`web`, port 80) in pod `pod`, answering "from-the-pod".
fn serve_in(home: &Home, pod: &str) {
    home.husk(&[
        "run",
        "-d",
        "--pod",
        pod,
        "--name",
        "web",
        &bb(),
        "sh",
        "-c",
        "mkdir -p /w && echo from-the-pod > /w/index.html && exec busybox httpd -f -p 80 -h /w",
    ])
    .ok();
}

fn pod_field(home: &Home, pod: &str, field: &str) -> String {
    let out = home.husk(&["pod", "inspect", "--format", field, pod]);
    out.ok().trim().to_string()
}

#[test]
fn containers_of_a_pod_share_its_network_and_name() {
    let home = Home::new();
    let port = common::free_port();
    let id = home.husk(&[
        "pod",
        "create",
        "--name",
        "app",
        "-p",
        &format!("{port}:80"),
        "--label",
        "tier=web",
    ]);
    let id = id.ok().trim().to_string();
    assert_eq!(id.len(), 64, "{id}");
    assert_eq!(pod_field(&home, "app", "{{.State}}"), "Created");
    // The infra container is an ordinary one, created with the pod.
    let infra = pod_field(&home, "app", "{{.InfraContainerID}}");
    let ps = home.husk(&["ps", "-a", "--format", "{{.ID}} {{.Names}} {{.State}}"]);
    assert_eq!(
        ps.ok().trim(),
        format!("{} {}-infra created", &infra[..12], &id[..12])
    );
    // A web server in the pod: its first member starts the pod.
    serve_in(&home, "app");
    assert!(common::page(port, "from-the-pod").contains("from-the-pod"));
    // Another member reaches it on localhost, and has the pod's host name.
    let side = home.husk(&[
        "run",
        "--rm",
        "--pod",
        "app",
        &bb(),
        "sh",
        "-c",
        "busybox wget -qO- http://localhost:80/ && hostname && cat /etc/hostname",
    ]);
    assert_eq!(side.ok(), "from-the-pod\napp\napp\n");
    assert_eq!(
        pod_field(&home, "app", "{{.State}} {{.NumContainers}}"),
        "Running 2"
    );
    let ls = home.husk(&[
        "pod",
        "ps",
        "--format",
        "{{.Name}} {{.Status}} {{.NumberOfContainers}}",
    ]);
    assert_eq!(ls.ok().trim(), "app Running 2");
    let json = home.husk(&["pod", "ps", "--format", "json"]).json();
    assert_eq!(json[0]["Labels"]["tier"], "web");
    assert_eq!(json[0]["Containers"].as_array().unwrap().len(), 2);
    // The network is the pod's.
    home.husk(&[
        "run",
        "--rm",
        "--pod",
        "app",
        "-p",
        "1234:80",
        &bb(),
        "true",
    ])
    .fails(125, "the pod's network is its own");
    home.husk(&[
        "run",
        "--rm",
        "--pod",
        "app",
        "--hostname",
        "x",
        &bb(),
        "true",
    ])
    .fails(125, "the host name is the pod's");
    home.husk(&["run", "--rm", "--pod", "nopod", &bb(), "true"])
        .fails(125, "no such pod: nopod");
    // Removal is refused while it runs; stop and start act on all of it.
    home.husk(&["pod", "rm", "app"])
        .fails(125, "has running containers");
    home.husk(&["rm", "-f", &infra])
        .fails(125, "is the infra container of pod app");
    // pod top: the processes of its running containers, the infra's pause among them.
    let top = home.husk(&["pod", "top", "app"]);
    assert!(top.ok().starts_with("USER"), "{}", top.ok());
    assert!(
        top.ok().contains("httpd") && top.ok().contains("/husk-pause"),
        "{}",
        top.ok()
    );
    let top = home.husk(&["pod", "top", "app", "pid", "comm"]);
    assert_eq!(
        top.ok()
            .lines()
            .next()
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["PID", "COMMAND"]
    );
    // Stopping the infra container alone stops the pod (its members live in its namespaces).
    home.husk(&["stop", "-t", "1", &infra]).ok();
    assert_eq!(pod_field(&home, "app", "{{.State}}"), "Exited");
    home.husk(&["pod", "top", "app"])
        .fails(125, "pod app has no running containers");
    home.husk(&["pod", "start", "app"]).ok();
    assert!(common::page(port, "from-the-pod").contains("from-the-pod"));
    home.husk(&["pod", "stop", "-t", "1", "app"]).ok();
    assert_eq!(pod_field(&home, "app", "{{.State}}"), "Exited");
    // A prune of stopped containers leaves the pod whole (web goes: it is an ordinary one).
    home.husk(&["container", "prune", "-f"]).ok();
    assert_eq!(pod_field(&home, "app", "{{.NumContainers}}"), "1");
    serve_in(&home, "app");
    home.husk(&["pod", "stop", "-t", "1", "app"]).ok();
    home.husk(&["pod", "start", "app"]).ok();
    assert_eq!(pod_field(&home, "app", "{{.State}}"), "Running");
    assert!(common::page(port, "from-the-pod").contains("from-the-pod"));
    home.husk(&["pod", "rm", "-f", "-t", "1", "app"]).ok();
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
    assert_eq!(home.husk(&["pod", "ps", "-q"]).ok(), "");
    home.husk(&["pod", "exists", "app"]).fails(1, "");
    home.husk(&["pod", "rm", "-i", "app"]).ok();
    home.husk(&["pod", "rm", "app"])
        .fails(125, "no such pod: app");
    home.assert_consistent();
}

#[test]
fn pod_names_shares_and_the_single_uid_case() {
    let home = Home::new();
    home.husk(&["pod", "create", "p1"]).ok();
    home.husk(&["pod", "create", "--name", "p1"])
        .fails(125, "already in use");
    home.husk(&["pod", "create", "--name", "bad/name"])
        .fails(125, "invalid pod name");
    home.husk(&["pod", "create", "--share", "pid", "p2"])
        .fails(125, "--share pid");
    home.husk(&["pod", "create", "--share", "none", "-p", "8080:80", "p2"])
        .fails(125, "shares no network namespace");
    // A pod that shares only ipc: its containers have their own network and names.
    home.husk(&["pod", "create", "--share", "ipc", "p3"]).ok();
    assert_eq!(
        pod_field(&home, "p3", "{{json .SharedNamespaces}}"),
        r#"["ipc"]"#
    );
    let own = home.husk(&[
        "run",
        "--rm",
        "--pod",
        "p3",
        "--hostname",
        "mine",
        &bb(),
        "hostname",
    ]);
    assert_eq!(own.ok(), "mine\n");
    // Its infra container runs on after the member: the pod is still up.
    assert_eq!(pod_field(&home, "p3", "{{.State}}"), "Running");
    home.husk(&["pod", "rm", "-a"])
        .fails(125, "has running containers");
    // An exec in the infra container runs its command (there is none: 127).
    let infra = pod_field(&home, "p3", "{{.InfraContainerID}}");
    home.husk(&["exec", &infra, "ls"]).fails(127, "not found");
    let infra_name = format!("{}-infra", &pod_field(&home, "p3", "{{.Id}}")[..12]);
    home.husk(&["run", "--replace", "--name", &infra_name, &bb(), "true"])
        .fails(125, "is the infra container of pod p3");
    // One unreadable pod record hides no other pod, and its infra container
    // is not removed on its own while its pod cannot be read.
    home.husk(&["pod", "create", "p5"]).ok();
    let p1 = pod_field(&home, "p5", "{{.Id}}");
    let record = home.store().join("pods").join(&p1).join("pod.json");
    let saved = std::fs::read(&record).unwrap();
    std::fs::write(&record, b"{not json").unwrap();
    assert_eq!(
        home.husk(&["pod", "ps", "--format", "{{.Name}}"])
            .ok()
            .trim(),
        "p3"
    );
    let p1_infra = format!("{}-infra", &p1[..12]);
    home.husk(&["rm", "-f", &p1_infra]).fails(125, "pod");
    std::fs::write(&record, saved).unwrap();
    home.husk(&["pod", "rm", "-f", "-a"]).ok();
    assert_eq!(home.husk(&["pod", "ps", "-q"]).ok(), "");
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
    home.assert_consistent();
    let Some(single) = Home::without_subuids() else {
        eprintln!("skipped the single-uid pod: the tests run unprivileged");
        return;
    };
    single.husk(&["pod", "create", "solo"]).ok();
    let out = single.husk(&["run", "--rm", "--pod", "solo", &bb(), "hostname"]);
    assert_eq!(out.ok(), "solo\n");
    single.husk(&["pod", "rm", "-f", "solo"]).ok();
    single.assert_consistent();
}

/// The pod's state, waited for (up to 5 s).
fn wait_state(home: &Home, pod: &str, want: &str) {
    let mut got = String::new();
    for _ in 0..50 {
        got = pod_field(home, pod, "{{.State}}");
        if got == want {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("pod {pod} is {got}, not {want}");
}

#[test]
fn pause_restart_kill_prune_and_ps_pod() {
    let home = Home::new();
    let id = home.husk(&["pod", "create", "lc"]).ok().trim().to_string();
    home.husk(&[
        "run",
        "-d",
        "--pod",
        "lc",
        "--name",
        "a",
        &bb(),
        "sleep",
        "600",
    ])
    .ok();
    home.husk(&["run", "-d", "--name", "loner", &bb(), "sleep", "600"])
        .ok();
    let ps = home.husk(&[
        "ps",
        "--pod",
        "--format",
        "{{.Names}} {{.Pod}} {{.PodName}}",
    ]);
    let mut lines: Vec<&str> = ps.ok().lines().map(str::trim).collect();
    lines.sort();
    let short = &id[..12];
    let mut want = [
        format!("{short}-infra {short} lc"),
        format!("a {short} lc"),
        "loner".to_string(),
    ];
    want.sort();
    assert_eq!(lines, want);
    assert!(home.husk(&["ps", "--pod"]).ok().contains("PODNAME"));
    // The pod's output, and its containers by filter.
    home.husk(&[
        "run",
        "--pod",
        "lc",
        "--name",
        "said",
        &bb(),
        "echo",
        "said-it",
    ])
    .ok();
    assert!(home.husk(&["pod", "logs", "lc"]).ok().contains("said-it"));
    assert_eq!(
        home.husk(&["pod", "logs", "-c", "said", "lc"]).ok(),
        "said-it\n"
    );
    home.husk(&["pod", "logs", "-c", "loner", "lc"])
        .fails(125, "not one of pod lc's");
    let mut of_pod: Vec<String> = home
        .husk(&["ps", "-a", "--filter", "pod=lc", "--format", "{{.Names}}"])
        .ok()
        .lines()
        .map(String::from)
        .collect();
    of_pod.sort();
    let mut want: Vec<String> = vec![format!("{short}-infra"), "a".into(), "said".into()];
    want.sort();
    assert_eq!(of_pod, want);
    home.husk(&["ps", "--filter", "pod=nopod"])
        .fails(125, "no such pod: nopod");
    home.husk(&["rm", "said"]).ok();
    home.husk(&["pod", "pause", "lc"]).ok();
    assert_eq!(pod_field(&home, "lc", "{{.State}}"), "Paused");
    let a = home.husk(&["inspect", "--format", "{{.State.Status}}", "a"]);
    assert_eq!(a.ok().trim(), "paused");
    home.husk(&["pod", "unpause", "lc"]).ok();
    assert_eq!(pod_field(&home, "lc", "{{.State}}"), "Running");
    home.husk(&["pod", "restart", "-t", "1", "lc"]).ok();
    assert_eq!(pod_field(&home, "lc", "{{.State}}"), "Running");
    home.husk(&["pod", "kill", "lc"]).ok();
    wait_state(&home, "lc", "Exited");
    home.husk(&["pod", "kill", "lc"])
        .fails(125, "no running container");
    // prune: the pods none of whose containers runs, with their containers.
    home.husk(&["pod", "create", "idle"]).ok();
    // What a crash in pod create or rm leaves: a directory without a record.
    let leftover = home.store().join("pods").join("leftover");
    std::fs::create_dir_all(leftover.join("rootfs")).unwrap();
    common::chown_to_user(&home, leftover.to_str().unwrap());
    home.husk(&["pod", "prune", "-f"]).ok();
    assert!(!leftover.exists());
    assert_eq!(home.husk(&["pod", "ps", "-q"]).ok(), "");
    let left = home.husk(&["ps", "-a", "--format", "{{.Names}}"]);
    assert_eq!(left.ok().trim(), "loner");
    home.husk(&["rm", "-f", "loner"]).ok();
    home.assert_consistent();
}

/// Every monitor ignores SIGPIPE, whichever command forked it: `pod start`
/// ends quietly on a closed stdout (SIGPIPE at its default), and a monitor it
/// forks must not die of a client gone from its ready pipe or attach socket.
/// The container's own process has the default.
#[test]
fn monitors_forked_by_pod_start_ignore_sigpipe() {
    let home = Home::new();
    home.husk(&["pod", "create", "--name", "sp"]).ok();
    home.husk(&[
        "create",
        "--pod",
        "sp",
        "--name",
        "member",
        &bb(),
        "sleep",
        "300",
    ])
    .ok();
    home.husk(&["pod", "start", "sp"]).ok();
    // SigIgn's bit for SIGPIPE (13).
    let ignores_sigpipe = |pid: &str| {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let mask = status
            .lines()
            .find_map(|l| l.strip_prefix("SigIgn:"))
            .unwrap();
        u64::from_str_radix(mask.trim(), 16).unwrap() & (1 << 12) != 0
    };
    let field = |f: &str| {
        let out = home.husk(&["inspect", "--format", f, "member"]);
        out.ok().trim().to_string()
    };
    assert!(ignores_sigpipe(&field("{{.State.MonitorPid}}")));
    assert!(!ignores_sigpipe(&field("{{.State.Pid}}")));
    home.husk(&["pod", "rm", "-f", "sp"]).ok();
}
