//! `husk pull` against real registries, as an unprivileged user.

mod common;

use std::os::unix::fs::{FileTypeExt, MetadataExt};

use common::{env, fact, facts, image, subuid_start, uid_of, xattr, Home};

#[test]
fn pulls_a_docker_schema2_image_with_its_metadata() {
    let home = Home::new();
    let run = home.husk(&["pull", &image("busybox")]);
    assert_eq!(
        run.ok().trim(),
        fact("busybox", "id").trim_start_matches("sha256:")
    );

    let layer = home.layer(&facts("busybox", "diff_ids")[0]);
    let busybox = std::fs::metadata(layer.join("bin/busybox")).unwrap();
    assert_eq!(busybox.mode() & 0o7777, 0o755);
    assert_eq!(busybox.nlink(), 2, "bin/hardlinked shares the inode");
    assert_eq!(
        std::fs::read_link(layer.join("bin/sh")).unwrap().to_str(),
        Some("busybox")
    );

    // Owners map through the subuid range: container uid 1000 is subuid start + 999.
    let owned = std::fs::metadata(layer.join("home/user/owned")).unwrap();
    let expected = subuid_start(&home.user) + 999;
    assert_eq!((owned.uid(), owned.gid()), (expected, expected));
    assert_eq!(owned.mode() & 0o7777, 0o640);
    assert_eq!(owned.mtime(), 1600000000);
    assert_eq!(
        std::fs::metadata(layer.join("root")).unwrap().uid(),
        uid_of(&home.user),
        "root maps to the user"
    );

    // An owner outside the range is kept in the override xattr.
    assert_eq!(
        xattr(
            &layer.join("home/user/far"),
            "user.containers.override_stat"
        )
        .as_deref(),
        Some("4000000:4000000:0644")
    );
    assert_eq!(
        xattr(&layer.join("etc/xattr-file"), "user.husk-test").as_deref(),
        Some("hello")
    );
    assert_eq!(
        std::fs::metadata(layer.join("etc/setuid-thing"))
            .unwrap()
            .mode()
            & 0o7777,
        0o4755
    );
    assert!(std::fs::metadata(layer.join("run/fifo"))
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(
        std::fs::metadata(layer.join("root/secret")).unwrap().mode() & 0o7777,
        0o700
    );

    let inspect = home.husk(&["image", "inspect", &image("busybox")]).json();
    let doc = &inspect[0];
    assert_eq!(doc["Id"], fact("busybox", "id"));
    assert_eq!(doc["RepoTags"][0], format!("{}:latest", image("busybox")));
    assert_eq!(
        doc["RepoDigests"][0],
        format!("{}@{}", image("busybox"), fact("busybox", "digest"))
    );
    assert_eq!(doc["Config"]["Cmd"][0], "sh");
    assert_eq!(doc["RootFS"]["Layers"][0], facts("busybox", "diff_ids")[0]);
    assert_eq!(doc["Architecture"], "amd64");
    home.assert_consistent();
}

#[test]
fn single_uid_mode_records_owners_in_an_xattr() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids (run tests/run.sh as root)");
        return;
    };
    let info = home.husk(&["info", "--format", "json"]).json();
    assert_eq!(info["host"]["idMappings"]["mode"], "single-uid");
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    let layer = home.layer(&facts("busybox", "diff_ids")[0]);
    let owned = std::fs::metadata(layer.join("home/user/owned")).unwrap();
    assert_eq!(
        owned.uid(),
        uid_of(&home.user),
        "everything belongs to the user on disk"
    );
    assert_eq!(
        xattr(
            &layer.join("home/user/owned"),
            "user.containers.override_stat"
        )
        .as_deref(),
        Some("1000:1000:0640")
    );
    assert_eq!(
        xattr(&layer.join("bin/busybox"), "user.containers.override_stat"),
        None,
        "root-owned files need no record"
    );
    home.assert_consistent();
}

#[test]
fn whiteouts_opaque_dirs_and_all_three_compressions() {
    let home = Home::new();
    home.husk(&["pull", &image("multi")]).ok();
    let ids = facts("multi", "diff_ids");
    let (l1, l2, l3) = (
        home.layer(&ids[0]),
        home.layer(&ids[1]),
        home.layer(&ids[2]),
    );
    assert_eq!(std::fs::read_to_string(l1.join("a/1")).unwrap(), "one\n");
    for whiteout in ["a/1", "d/gone"] {
        let meta = std::fs::symlink_metadata(l2.join(whiteout)).unwrap();
        assert!(
            meta.file_type().is_char_device() && meta.rdev() == 0,
            "{whiteout} is a 0/0 whiteout"
        );
    }
    assert!(!l2.join("a/.wh.1").exists() && !l2.join("b/.wh..wh..opq").exists());
    assert_eq!(
        xattr(&l2.join("b"), "user.overlay.opaque").as_deref(),
        Some("y")
    );
    assert_eq!(xattr(&l2.join("a"), "user.overlay.opaque"), None);
    assert_eq!(std::fs::read_to_string(l2.join("b/new")).unwrap(), "new\n");
    assert_eq!(
        std::fs::metadata(l3.join("c/added")).unwrap().mode() & 0o777,
        0o600
    );

    home.husk(&["pull", &image("zstd")]).ok();
    assert!(home
        .layer(&facts("zstd", "diff_ids")[0])
        .join("z/data")
        .is_file());
    home.assert_consistent();
}

#[test]
fn chooses_the_platform_from_an_index() {
    let home = Home::new();
    home.husk(&["pull", &image("multiarch")]).ok();
    let doc = home.husk(&["image", "inspect", &image("multiarch")]).json();
    assert_eq!(doc[0]["Id"], fact("multiarch", "amd64"));
    assert_eq!(
        doc[0]["RepoDigests"][0],
        format!("{}@{}", image("multiarch"), fact("multiarch", "index"))
    );

    home.husk(&["pull", "--platform", "linux/arm64", &image("multiarch")])
        .ok();
    let doc = home.husk(&["image", "inspect", &image("multiarch")]).json();
    assert_eq!(doc[0]["Id"], fact("multiarch", "arm64"));
    assert_eq!(doc[0]["Architecture"], "arm64");

    home.husk(&["pull", "--platform", "linux/s390x", &image("multiarch")])
        .fails(
            125,
            "no image for platform linux/s390x (the image has: linux/amd64, linux/arm64/v8)",
        );
    home.husk(&["pull", "--platform", "arm64", &image("multiarch")])
        .fails(125, "invalid platform");
}

#[test]
fn pulls_by_digest_and_shares_layers() {
    let home = Home::new();
    let by_digest = format!("{}@{}", image("busybox"), fact("busybox", "digest"));
    home.husk(&["pull", &by_digest]).ok();
    let out = home.husk(&["images"]).ok().to_string();
    assert!(
        out.contains(&format!("{}   <none>", image("busybox"))),
        "{out}"
    );

    // The same image under another name: its layer is not fetched again.
    let run = home.husk(&[
        "pull",
        &format!("{}/library/busybox:latest", env().registry),
    ]);
    run.ok();
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(home.layer_count(), 1);
    let doc = home.husk(&["image", "inspect", &by_digest]).json();
    assert_eq!(
        doc[0]["RepoTags"][0],
        format!("{}/library/busybox:latest", env().registry)
    );
}

#[test]
fn short_names_resolve_through_search_registries() {
    let home = Home::new();
    home.write(
        ".config/husk/husk.toml",
        &format!("unqualified-search-registries = [\"{}\"]\n", env().registry),
    );
    home.husk(&["pull", "-q", "busybox"]).ok();
    let names = home
        .husk(&["images", "--format", "{{.Repository}}:{{.Tag}}"])
        .ok()
        .to_string();
    assert_eq!(names.trim(), format!("{}:latest", image("busybox")));
    assert_eq!(
        home.husk(&["image", "inspect", "--format", "{{.Id}}", "busybox"])
            .ok()
            .trim(),
        fact("busybox", "id")
    );
    assert_eq!(
        home.husk(&["images", "-q", "busybox"]).ok().trim(),
        &fact("busybox", "id")[7..19]
    );
}

#[test]
fn scripts_get_plain_output_and_quiet_gets_only_the_id() {
    let home = Home::new();
    let run = home.husk(&["pull", "-q", &image("busybox")]);
    assert_eq!(run.ok().trim(), &fact("busybox", "id")[7..]);
    assert_eq!(run.stderr, "", "-q prints nothing else");

    let home = Home::new();
    let run = home.husk(&["pull", &image("busybox")]);
    run.ok();
    assert!(
        run.stderr.contains("Copying blob") && !run.stderr.contains('\x1b'),
        "plain lines off a TTY: {:?}",
        run.stderr
    );
}

#[test]
fn a_terminal_gets_progress_bars() {
    let home = Home::new();
    // `script` gives husk a pseudo-terminal.
    let inner = format!("{} pull {}", home.bin().display(), image("busybox"));
    let out = home
        .program("/usr/bin/script".as_ref(), &["-qec", &inner, "/dev/null"])
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("Copying blob") && text.contains('\x1b'),
        "no progress bar on a TTY: {text:?}"
    );
}

#[test]
fn images_lists_in_every_format() {
    let home = Home::new();
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    home.husk(&["pull", "-q", &image("multi")]).ok();
    let table = home.husk(&["images", "--digests"]).ok().to_string();
    let header = table.lines().next().unwrap();
    assert!(
        header.starts_with("REPOSITORY") && header.contains("DIGEST") && header.ends_with("SIZE"),
        "{table}"
    );
    assert!(table.contains(&fact("multi", "digest")), "{table}");
    let json = home.husk(&["images", "--format", "json"]).json();
    assert_eq!(json.as_array().unwrap().len(), 2);
    assert!(json
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["Id"] == fact("busybox", "id")[7..]));
    let ids = home.husk(&["images", "-q", "--no-trunc"]).ok().to_string();
    assert_eq!(ids.lines().count(), 2);
    assert!(ids.contains(&fact("multi", "id")));
    let filtered = home
        .husk(&["images", "--format", "{{.ID}}", &image("multi")])
        .ok()
        .to_string();
    assert_eq!(filtered.trim(), &fact("multi", "id")[7..19]);
}

#[test]
fn four_pulls_of_one_image_at_once() {
    let home = Home::new();
    let children: Vec<_> = (0..4)
        .map(|_| {
            home.cmd(&["pull", "-q", &image("multi")])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            &fact("multi", "id")[7..]
        );
    }
    assert_eq!(home.husk(&["images", "-q"]).ok().lines().count(), 1);
    assert_eq!(home.layer_count(), 3);
    home.assert_consistent();
}
