//! `husk events`: what commands and monitors did, read back with --since,
//! --until, --filter and --format, and followed as it happens.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use common::{image, Home};

fn past(home: &Home, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["events", "--since", "5m", "--stream=false"];
    args.extend(extra);
    let out = home.husk(&args);
    out.ok().lines().map(String::from).collect()
}

#[test]
fn events_say_what_was_done() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    home.husk(&[
        "run", "--name", "ev", "-l", "tier=web", &bb, "sh", "-c", "exit 3",
    ])
    .fails(3, "");
    home.husk(&["rm", "ev"]).ok();
    home.husk(&["volume", "create", "vol"]).ok();
    home.husk(&["volume", "rm", "vol"]).ok();
    home.husk(&["tag", &bb, "evtag:1"]).ok();
    home.husk(&["untag", "evtag:1"]).ok();
    let fmt = "{{.Type}} {{.Action}} {{.Actor.Attributes.name}}";
    let lines = past(&home, &["--format", fmt]);
    let want = [
        "container create ev",
        "container start ev",
        "container die ev",
        "container destroy ev",
        "volume create vol",
        "volume destroy vol",
    ];
    let found: Vec<&String> = lines
        .iter()
        .filter(|l| want.contains(&l.as_str()))
        .collect();
    assert_eq!(found, want, "in order, in:\n{}", lines.join("\n"));
    assert!(
        lines.first().is_some_and(|l| l.starts_with("image pull ")),
        "{lines:?}"
    );
    assert!(lines
        .iter()
        .any(|l| l.starts_with("image tag ") && l.ends_with("evtag:1")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("image untag ") && l.ends_with("evtag:1")));
    // docker's line, with the container's labels among its attributes.
    let plain = past(
        &home,
        &["--filter", "event=create", "--filter", "type=container"],
    );
    assert_eq!(plain.len(), 1, "{plain:?}");
    assert!(plain[0].contains(" container create ") && plain[0].contains("name=ev, tier=web)"));
    // Filters: one key repeated is either, two keys both; podman's "died".
    let died = past(
        &home,
        &[
            "--filter",
            "event=died",
            "--filter",
            "container=ev",
            "--format",
            "json",
        ],
    );
    assert_eq!(died.len(), 1, "{died:?}");
    let v: serde_json::Value = serde_json::from_str(&died[0]).unwrap();
    assert_eq!(v["Actor"]["Attributes"]["exitCode"], "3");
    assert_eq!(v["Status"], "die");
    let vols = past(
        &home,
        &["--filter", "type=volume", "--format", "{{.Action}}"],
    );
    assert_eq!(vols, ["create", "destroy"]);
    // --until in the past: nothing after it.
    assert!(past(&home, &["--until", "10m"]).is_empty());
    home.husk(&["events", "--filter", "type=pod"])
        .fails(125, "invalid filter");
    home.husk(&["events", "--since", "yesterday-ish"])
        .fails(125, "invalid time");
}

#[test]
fn events_follow_new_ones() {
    let home = Home::new();
    let mut child = home
        .cmd(&["events", "--format", "{{.Type}} {{.Action}} {{.ID}}"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // Until it is watching: a volume made each round, the first one it shows ends the wait.
    let mut got = None;
    for i in 0..50 {
        home.husk(&["volume", "create", &format!("live{i}")]).ok();
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            got = Some(line);
            break;
        }
    }
    let line = got.expect("husk events showed no new event");
    assert!(line.starts_with("volume create live"), "{line}");
    home.husk(&["volume", "rm", "live0"]).ok();
    let next = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(
        next.starts_with("volume ") && next.contains("live"),
        "{next}"
    );
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn stop_pause_delete_and_network_events() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    home.husk(&["network", "create", "evnet"]).ok();
    home.husk(&["run", "-d", "--name", "svc", &bb, "sleep", "100"])
        .ok();
    home.husk(&["pause", "svc"]).ok();
    home.husk(&["unpause", "svc"]).ok();
    home.husk(&["stop", "-t", "0", "svc"]).ok();
    home.husk(&["rm", "svc"]).ok();
    home.husk(&["network", "rm", "evnet"]).ok();
    home.husk(&["rmi", &bb]).ok();
    let lines = past(&home, &["--format", "{{.Type}} {{.Action}}"]);
    for want in [
        "network create",
        "container pause",
        "container unpause",
        "container stop",
        "network destroy",
        "image delete",
    ] {
        assert!(lines.iter().any(|l| l == want), "no {want:?} in {lines:?}");
    }
    let stops = past(
        &home,
        &["--filter", "event=stop", "--format", "{{.Action}}"],
    );
    assert_eq!(stops, ["stop"]);
}
