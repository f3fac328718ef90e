//! Bad input: unknown images, a misbehaving registry, malicious layers, a killed pull.
//! After each, the store is consistent and nothing half-written is visible.

mod common;

use std::time::{Duration, Instant};

use common::{env, fact, facts, image, Home};

fn bad(repo: &str) -> String {
    format!("{}/{repo}", env().bad_registry)
}

fn assert_nothing_stored(home: &Home) {
    assert_eq!(home.husk(&["images", "-q"]).ok(), "", "no image recorded");
    assert_eq!(home.layer_count(), 0, "no layer stored");
    home.assert_consistent();
}

#[test]
fn unknown_repository_or_tag() {
    let home = Home::new();
    home.husk(&["pull", &image("nosuchimage")])
        .fails(125, "not found");
    home.husk(&["pull", &format!("{}:nosuchtag", image("busybox"))])
        .fails(125, "not found");
    home.husk(&["pull", "UPPER/case"])
        .fails(125, "invalid reference");
    home.husk(&["pull", "--bogus-flag", &image("busybox")])
        .fails(125, "--bogus-flag");
    home.husk(&["image", "inspect", "nothing-here"])
        .fails(125, "image not known");
}

#[test]
fn corrupt_blob_is_refused() {
    let home = Home::new();
    let run = home.husk(&["pull", &bad("corrupt")]);
    run.fails(125, "blob is corrupt");
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("Error"))
            .count(),
        1
    );
    assert_nothing_stored(&home);
}

#[test]
fn truncated_blob_is_refused() {
    let home = Home::new();
    home.husk(&["pull", &bad("truncated")])
        .fails(125, "interrupted");
    assert_nothing_stored(&home);
}

#[test]
fn manifest_that_is_not_json() {
    let home = Home::new();
    home.husk(&["pull", &bad("notjson")])
        .fails(125, "not valid JSON");
    assert_nothing_stored(&home);
}

#[test]
fn manifest_with_the_wrong_digest() {
    let home = Home::new();
    // The registry answers a pull by digest with content that hashes to something else.
    let wanted = format!("sha256:{}", "ab".repeat(32));
    home.husk(&["pull", &format!("{}@{wanted}", bad("mismatch"))])
        .fails(125, "manifest digest mismatch");
    assert_nothing_stored(&home);
}

#[test]
fn transient_errors_are_retried() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bad("flaky")]).ok();
    home.assert_consistent();
}

#[test]
fn layer_with_dotdot_is_refused() {
    let home = Home::new();
    home.husk(&["pull", &image("evil-dotdot")])
        .fails(125, "'..'");
    assert!(!env().work.join("husk-escaped").exists());
    assert!(!home.store().join("layers/husk-escaped").exists());
    assert_nothing_stored(&home);
}

#[test]
fn symlinks_cannot_lead_writes_out_of_the_layer() {
    let home = Home::new();
    home.husk(&["pull", "-q", &image("evil-symlinks")]).ok();
    let target = &env().evil_target;
    assert!(
        !target.join("pwned-abs").exists() && !target.join("pwned-rel").exists(),
        "wrote through a symlink onto the host"
    );
    // Both resolve inside the layer, as the container would see them.
    let layer = home.layer(&facts("evil-symlinks", "diff_ids")[0]);
    let inside = layer.join(target.strip_prefix("/").unwrap());
    assert!(inside.join("pwned-abs").is_file() && inside.join("pwned-rel").is_file());
    assert_eq!(
        std::fs::read_link(layer.join("abs")).unwrap(),
        *target,
        "the symlink itself is kept as written"
    );
    assert!(layer.join("absolute-entry").is_file());
    home.assert_consistent();
}

#[test]
fn hardlink_out_of_the_layer_is_refused() {
    let home = Home::new();
    home.husk(&["pull", &image("evil-hardlink")])
        .fails(125, "hard link target not found in the layer");
    assert_nothing_stored(&home);
}

#[test]
fn device_nodes_are_skipped() {
    let home = Home::new();
    home.husk(&["pull", "-q", &image("evil-device")]).ok();
    let layer = home.layer(&facts("evil-device", "diff_ids")[0]);
    assert!(std::fs::symlink_metadata(layer.join("dev/mem")).is_err());
    assert!(layer.join("dev/ok").is_file());
}

#[test]
fn pull_killed_halfway_then_run_again() {
    let home = Home::new();
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    let mut child = home.cmd(&["pull", "-q", &bad("slow")]).spawn().unwrap();
    // Wait until the layer is being written, then kill -9.
    let start = Instant::now();
    while !home
        .tmp_entries()
        .iter()
        .any(|e| e.starts_with("layer-") && !e.ends_with(".lock"))
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the pull never started writing a layer"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();

    // Nothing half-written is visible under a real name...
    assert_eq!(home.husk(&["images", "-q"]).ok().lines().count(), 1);
    assert_eq!(home.layer_count(), 1);
    // ...the check sees the leftover, and the next command that writes cleans it up.
    home.husk(&["system", "check"]).fails(125, "problems");
    home.husk(&["tag", &image("busybox"), "after-crash"]).ok();
    home.assert_consistent();
    home.husk(&["pull", "-q", &bad("slow")]).ok();
    home.assert_consistent();
}

#[test]
fn corrupted_store_is_detected_and_repaired() {
    let home = Home::new();
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    let config = home
        .store()
        .join("blobs/sha256")
        .join(&fact("busybox", "id")[7..]);
    std::fs::write(&config, b"tampered").unwrap();
    let run = home.husk(&["system", "check"]);
    run.fails(125, "problems");
    assert!(run.stdout.contains("is corrupt"), "{}", run.stdout);
    home.husk(&["system", "check", "--repair"]).ok();
    home.assert_consistent();
    assert_eq!(
        home.husk(&["images", "-q"]).ok(),
        "",
        "the image lost its config and must be pulled again"
    );
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    home.assert_consistent();
}
