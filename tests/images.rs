//! Naming and removing images, pruning, and the small commands.

mod common;

use common::{fact, image, Home};

#[test]
fn tag_and_rmi() {
    let home = Home::new();
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    home.husk(&["tag", &image("busybox"), "example.com/mine:1", "mine2"])
        .ok();
    let names = home
        .husk(&["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .ok()
        .to_string();
    for n in [
        format!("{}:latest", image("busybox")),
        "example.com/mine:1".into(),
        "docker.io/library/mine2:latest".into(),
    ] {
        assert!(names.lines().any(|l| l == n), "{n} missing from {names}");
    }
    // By id with several names: refused without -f.
    home.husk(&["rmi", &fact("busybox", "id")[7..19]])
        .fails(125, "must be forced");
    // A name: only untagged while others remain.
    let out = home.husk(&["rmi", "example.com/mine:1"]).ok().to_string();
    assert_eq!(out.trim(), "Untagged: example.com/mine:1");
    home.husk(&["rmi", "mine2"]).ok();
    assert!(home.layer_count() == 1);
    // The last name: the image and its content go.
    let out = home.husk(&["rmi", &image("busybox")]).ok().to_string();
    assert!(
        out.contains(&format!("Deleted: {}", fact("busybox", "id"))),
        "{out}"
    );
    assert_eq!(home.layer_count(), 0);
    assert_eq!(
        home.store()
            .join("blobs/sha256")
            .read_dir()
            .unwrap()
            .count(),
        0
    );
    home.husk(&["rmi", "nothing-like-this"])
        .fails(1, "image not known");
    home.assert_consistent();
}

#[test]
fn rmi_keeps_layers_other_images_share() {
    let home = Home::new();
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    home.husk(&["pull", "-q", &image("multi")]).ok();
    home.husk(&["rmi", &image("multi")]).ok();
    assert_eq!(home.layer_count(), 1);
    home.husk(&["image", "inspect", &image("busybox")]).ok();
    home.assert_consistent();
}

#[test]
fn prune_dangling_then_all() {
    let home = Home::new();
    home.husk(&[
        "pull",
        "-q",
        &format!("{}@{}", image("multi"), fact("multi", "digest")),
    ])
    .ok();
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    // Without -f and without a terminal to ask on: refused, nothing happens.
    home.husk(&["image", "prune"]).fails(125, "use -f");
    home.husk_stdin(&["image", "prune"], "y\n")
        .fails(125, "not confirmed");
    assert_eq!(home.husk(&["images", "-q"]).ok().lines().count(), 2);
    let out = home.husk(&["image", "prune", "-f"]).ok().to_string();
    assert_eq!(out.trim(), fact("multi", "id"));
    assert_eq!(home.husk(&["images", "-q"]).ok().lines().count(), 1);
    home.husk(&["image", "prune", "-a", "-f"]).ok();
    assert_eq!(home.husk(&["images", "-q"]).ok(), "");
    assert_eq!(home.layer_count(), 0);
    home.assert_consistent();
}

#[test]
fn version_info_completion() {
    let home = Home::new();
    let v = home.husk(&["version", "--format", "json"]).json();
    assert_eq!(v["Version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        home.husk(&["version", "--format", "{{.Version}}"])
            .ok()
            .trim(),
        env!("CARGO_PKG_VERSION")
    );
    let info = home.husk(&["info", "--format", "json"]).json();
    assert_eq!(
        info["host"]["idMappings"]["mode"],
        if home.user.is_some() || nix::unistd::getuid().as_raw() != 0 {
            "subuid"
        } else {
            "host"
        }
    );
    assert_eq!(
        info["store"]["graphRoot"],
        home.store().display().to_string()
    );
    for shell in ["bash", "zsh", "fish"] {
        let out = home.husk(&["completion", shell]).ok().to_string();
        assert!(
            out.contains("husk") && out.contains("pull"),
            "{shell} completion"
        );
    }
    home.husk(&["completion", "tcsh"])
        .fails(125, "invalid value");
}

#[test]
fn list_filters_sort_untag_and_podman_spellings() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let multi = image("multi:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    home.husk(&["pull", "-q", &multi]).ok();
    home.husk(&["tag", &bb, "localhost/mine:1", "localhost/mine:2"])
        .ok();
    let refs = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["images", "--format", "{{.Repository}}:{{.Tag}}"];
        all.extend_from_slice(args);
        home.husk(&all).ok().lines().map(String::from).collect()
    };
    assert_eq!(
        refs(&["--filter", "reference=localhost/mine:*"]),
        ["localhost/mine:1", "localhost/mine:2"]
    );
    assert_eq!(
        refs(&["--filter", "reference=mine:2"]),
        ["localhost/mine:2"]
    );
    assert_eq!(refs(&["--filter", "dangling=true"]), Vec::<String>::new());
    let by_repo = refs(&["--sort", "repository"]);
    let mut sorted = by_repo.clone();
    sorted.sort();
    assert_eq!(by_repo, sorted);
    home.husk(&["images", "--sort", "colour"])
        .fails(125, "invalid --sort");
    home.husk(&["images", "--filter", "colour=red"])
        .fails(125, "invalid filter");
    // --noheading; the last of a repeated flag counts; --noout.
    let table = home.husk(&["images", "--noheading"]);
    assert!(!table.ok().contains("REPOSITORY"), "{}", table.stdout);
    assert_eq!(
        home.husk(&[
            "images",
            "--format",
            "x",
            "--format",
            "{{.Tag}}",
            "localhost/mine:1"
        ])
        .ok(),
        "1\n"
    );
    assert_eq!(home.husk(&["--noout", "images"]).ok(), "");
    assert_eq!(
        home.husk(&["--log-level", "debug", "images", "-q", &multi])
            .code,
        0
    );
    // untag: names go, the image stays (dangling when it has none left).
    home.husk(&["untag", &bb, "localhost/mine:1"]).ok();
    assert_eq!(
        refs(&["--filter", "reference=localhost/mine:*"]),
        ["localhost/mine:2"]
    );
    home.husk(&["untag", &multi]).ok();
    // --history: an untagged image still shows what it was called; names
    // come latest first.
    let table = home.husk(&["images", "--history", "--filter", "dangling=true"]);
    let out = table.ok();
    assert!(out.lines().next().unwrap().ends_with("HISTORY"), "{out}");
    assert!(out.contains(&multi), "{out}");
    assert_eq!(
        home.husk(&["images", "--format", "{{.History}}", "localhost/mine:2"])
            .ok(),
        format!("localhost/mine:2, localhost/mine:1, {bb}\n")
    );
    assert_eq!(
        home.husk(&["images", "-q", "--filter", "dangling=true"])
            .ok()
            .lines()
            .count(),
        1
    );
    home.husk(&["untag", &bb, "localhost/other:9"])
        .fails(125, "has no name");
    // rmi -i: an image that is not there is no error.
    assert_eq!(home.husk(&["rmi", "-i", "localhost/nothing:here"]).code, 0);
    home.husk(&["rmi", "localhost/nothing:here"])
        .fails(1, "nothing");
    let _ = fact("busybox", "id");
}
