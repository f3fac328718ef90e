//! `husk push` against the test registry: pulled images pushed elsewhere keep
//! their config and image id, built images reach the registry and come back
//! the same, zstd, a second push that finds everything there, refusals.

mod common;

use std::process::Command;

use common::{env, fact, image, Home};

/// `skopeo inspect ARGS docker://NAME` (an independent reader of the registry), as JSON.
fn skopeo(args: &[&str], name: &str) -> serde_json::Value {
    let out = Command::new("skopeo")
        .arg("inspect")
        .args(["--tls-verify=false"])
        .args(args)
        .arg(format!("docker://{name}"))
        .output()
        .expect("skopeo (tests/run.sh installs it)");
    assert!(
        out.status.success(),
        "skopeo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn id_of(home: &Home, name: &str) -> String {
    home.husk(&["image", "inspect", "-f", "{{.Id}}", name])
        .ok()
        .trim()
        .to_string()
}

#[test]
fn a_pulled_image_pushed_elsewhere_keeps_its_id_and_mounts_its_blobs() {
    let home = Home::new();
    let multi = image("multi:latest");
    home.husk(&["pull", "-q", &multi]).ok();
    // Another repository of the same registry: every blob it can mount is mounted.
    let dest = image("pushed/multi:1");
    let digestfile = home.dir.join("digest");
    let run = home.husk(&[
        "push",
        "--digestfile",
        digestfile.to_str().unwrap(),
        &multi,
        &dest,
    ]);
    run.ok();
    assert!(
        run.stderr.contains("Writing manifest to image destination"),
        "{}",
        run.stderr
    );
    // gzip and zstd layers mounted, the uncompressed one compressed anew (gzip).
    assert_eq!(
        run.stderr.matches("already exists").count(),
        2,
        "{}",
        run.stderr
    );
    let digest = std::fs::read_to_string(&digestfile).unwrap();
    assert!(digest.starts_with("sha256:"), "{digest}");
    // skopeo reads it: the same config (the image id), the same diff_ids.
    let raw = skopeo(&["--raw"], &dest);
    assert_eq!(raw["config"]["digest"], fact("multi", "id"));
    let media: Vec<&str> = raw["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["mediaType"].as_str().unwrap())
        .collect();
    assert!(media[2].ends_with("tar+gzip"), "{media:?}");
    let cfg = skopeo(&["--config"], &dest);
    let diff_ids: Vec<String> = cfg["rootfs"]["diff_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect();
    assert_eq!(diff_ids, common::facts("multi", "diff_ids"));
    // Pulled back into another store: the same image, its files as they were.
    let other = Home::new();
    other.husk(&["pull", "-q", &dest]).ok();
    assert_eq!(id_of(&other, &dest), fact("multi", "id"));
    // A second push finds every blob there: nothing uploaded, the same manifest.
    let again = home.husk(&[
        "push",
        "--digestfile",
        digestfile.to_str().unwrap(),
        &multi,
        &dest,
    ]);
    again.ok();
    assert_eq!(
        again.stderr.matches("already exists").count(),
        3,
        "{}",
        again.stderr
    );
    assert_eq!(std::fs::read_to_string(&digestfile).unwrap(), digest);
    // --compression-format zstd recompresses the gzip layer (only the zstd one is
    // mounted); with --force-compression=false each keeps the blob it was pulled as.
    for (force, mounted) in [
        ("--force-compression=true", 1),
        ("--force-compression=false", 2),
    ] {
        let to = image(&format!("pushed/zstd{mounted}:1"));
        let run = home.husk(&["push", "--compression-format", "zstd", force, &multi, &to]);
        run.ok();
        assert_eq!(
            run.stderr.matches("already exists").count(),
            mounted,
            "{force}: {}",
            run.stderr
        );
    }
    home.husk(&[
        "push",
        "--compression-level",
        "10",
        &multi,
        &image("pushed/lvl:1"),
    ])
    .fails(125, "at most 9");
    home.husk(&[
        "push",
        "--encrypt-layer",
        "1",
        &multi,
        &image("pushed/enc:1"),
    ])
    .fails(125, "encrypted images");
    // -q: nothing printed.
    let quiet = home.husk(&["push", "-q", &multi, &dest]);
    assert_eq!((quiet.ok(), quiet.stderr.as_str()), ("", ""));
    home.assert_consistent();
}

#[test]
fn a_built_image_pushed_and_pulled_back_with_zstd_and_v2s2() {
    let home = Home::new();
    let ctx = home.dir.join("ctx");
    std::fs::create_dir_all(&ctx).unwrap();
    // 10 MiB that do not compress: uploaded in chunks.
    let big = common::random_bytes(10 << 20, 0x9E37_79B9_7F4A_7C15);
    std::fs::write(ctx.join("big.txt"), &big).unwrap();
    std::fs::write(
        ctx.join("Dockerfile"),
        format!(
            "FROM {}\nCOPY big.txt /big.txt\nRUN echo built > /built\nCMD [\"cat\", \"/built\"]\n",
            image("busybox:latest")
        ),
    )
    .unwrap();
    let ctx = ctx.to_string_lossy().into_owned();
    common::chown_to_user(&home, &ctx);
    home.husk(&["build", "-q", "-t", "app:1", &ctx]).ok();
    let id = id_of(&home, "app:1");
    // A local name names no registry.
    home.husk(&["push", "app:1"])
        .fails(125, "give a destination");
    for (dest, args) in [
        (image("built/app:gzip"), vec![]),
        (
            image("built/app:zstd"),
            vec!["--compression-format", "zstd", "--compression-level", "19"],
        ),
        (image("built/app:v2s2"), vec!["--format", "v2s2"]),
    ] {
        let mut cmd = vec!["push"];
        cmd.extend(args.iter().copied());
        cmd.extend(["app:1", dest.as_str()]);
        let pushed = home.husk(&cmd);
        pushed.ok();
        if args.is_empty() {
            // The base image's layer is mounted from the repository it was pulled from.
            assert_eq!(
                pushed.stderr.matches("already exists").count(),
                1,
                "{}",
                pushed.stderr
            );
        }
        // Byte-equal config: the same digest, read back by skopeo and by husk.
        let raw = skopeo(&["--raw"], &dest);
        assert_eq!(raw["config"]["digest"], id, "{dest}");
        let layer_type = raw["layers"][1]["mediaType"].as_str().unwrap().to_string();
        let other = Home::new();
        other.husk(&["pull", "-q", &dest]).ok();
        assert_eq!(id_of(&other, &dest), id, "{dest}");
        assert_eq!(other.husk(&["run", "--rm", &dest]).ok(), "built\n");
        let run = other.husk(&["run", "--rm", &dest, "wc", "-c", "/big.txt"]);
        assert!(
            run.ok().starts_with(&big.len().to_string()),
            "{}",
            run.stdout
        );
        match args.first().copied() {
            Some("--compression-format") => {
                assert!(layer_type.ends_with("tar+zstd"), "{layer_type}")
            }
            Some("--format") => {
                assert_eq!(
                    raw["mediaType"],
                    "application/vnd.docker.distribution.manifest.v2+json"
                );
                assert_eq!(
                    layer_type,
                    "application/vnd.docker.image.rootfs.diff.tar.gzip"
                );
            }
            _ => assert!(layer_type.ends_with("tar+gzip"), "{layer_type}"),
        }
    }
    home.husk(&[
        "push",
        "--format",
        "v2s2",
        "--compression-format",
        "zstd",
        "app:1",
        &image("x:1"),
    ])
    .fails(125, "needs --format oci");
    // A registry that breaks the streamed upload partway: it goes on from where it got.
    let bad = &env().bad_registry;
    home.husk(&["push", "app:1", &format!("{bad}/breakupload:1")])
        .ok();
    // One that loses what it had: the layer is compressed again and sent
    // from the start (the registry checks the digest it is given).
    home.husk(&["push", "app:1", &format!("{bad}/rewindupload:1")])
        .ok();
    // One that claims more than it was sent: an error, not a skip.
    home.husk(&["push", "app:1", &format!("{bad}/liarupload:1")])
        .fails(125, "more than the");
    // One that breaks every chunk: retried, then an error naming it.
    let run = home.husk(&["push", "app:1", &format!("{bad}/failupload:1")]);
    run.fails(125, bad).fails(125, "the upload broke 4 times");
    // build --push (docker buildx's): each -t name pushed once built, with
    // the manifest's --annotation.
    let dest = image("built/pushed:1");
    home.husk(&[
        "build",
        "-q",
        "--push",
        "--annotation",
        "org.example.k=v",
        "-t",
        &dest,
        &ctx,
    ])
    .ok();
    let raw = skopeo(&["--raw"], &dest);
    assert_eq!(raw["annotations"]["org.example.k"], "v", "{raw}");
    assert_eq!(raw["config"]["digest"], id_of(&home, &dest));
    home.husk(&["build", "--push", &ctx])
        .fails(125, "--push needs a -t name");
    home.assert_consistent();
}

#[test]
fn pushes_the_registry_refuses() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    let private = format!("{}/private/pushed:1", env().auth_registry);
    home.husk(&["push", &bb, &private]).fails(125, "husk login");
    // With the credentials it goes.
    let creds = format!("{}:{}", env().auth_user, env().auth_password);
    home.husk(&["push", "--creds", &creds, &bb, &private]).ok();
    home.husk(&["push", &bb, "oci-archive:/tmp/x.tar"])
        .fails(125, "husk save");
    home.husk(&["push", "nothere:1", &image("y:1")])
        .fails(125, "nothere");
    home.husk(&["push", "--compression-format", "lz4", &bb, &image("y:1")])
        .fails(125, "gzip or zstd");
    home.assert_consistent();
}

/// A registry may send blobs and uploads to another host (a CDN, an upload
/// service): the user's token must not go with them.
#[test]
fn credentials_stay_with_the_registry() {
    let home = Home::new();
    // The bad registry's "elsewhere" wants a token; its blobs are redirected to,
    // and its upload Locations point at, a second port that refuses (403) any
    // request carrying credentials.
    let elsewhere = format!("{}/elsewhere", env().bad_registry);
    home.husk(&["pull", "-q", &format!("{elsewhere}:latest")])
        .ok();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    home.husk(&["push", "-q", &bb, &format!("{elsewhere}:1")])
        .ok();
    home.assert_consistent();
}

#[test]
fn a_manifest_list_pushed_and_pulled_by_platform() {
    let home = Home::new();
    let src = image("multiarch:latest");
    // Both platforms of the fixture's index, as two local images.
    home.husk(&["pull", "-q", "--platform", "linux/amd64", &src])
        .ok();
    home.husk(&["tag", &src, "arch:amd64"]).ok();
    home.husk(&["pull", "-q", "--platform", "linux/arm64/v8", &src])
        .ok();
    home.husk(&["tag", &src, "arch:arm64"]).ok();
    home.husk(&[
        "manifest",
        "create",
        "--annotation",
        "org.example.list=yes",
        "ml",
        "arch:amd64",
    ])
    .ok();
    home.husk(&["manifest", "create", "ml"])
        .fails(125, "exists already");
    // annotate: an entry's platform fields and annotations; --index: the list's.
    home.husk(&[
        "manifest",
        "annotate",
        "--os-version",
        "1.2",
        "--os-features",
        "f1,f2",
        "--features",
        "sse4",
        "--annotation",
        "e=1",
        "ml",
        "arch:amd64",
    ])
    .ok();
    home.husk(&[
        "manifest",
        "annotate",
        "--index",
        "--annotation",
        "idx=2",
        "ml",
    ])
    .ok();
    home.husk(&["manifest", "annotate", "--index", "--arch", "x", "ml"])
        .fails(125, "only --annotation");
    home.husk(&["manifest", "annotate", "ml", "sha256:ffff"])
        .fails(125, "not in manifest list");
    home.husk(&["manifest", "add", "--annotation", "k=v", "ml", "arch:arm64"])
        .ok();
    home.husk(&["manifest", "exists", "ml"]).ok();
    let local = home.husk(&["manifest", "inspect", "ml"]).json();
    let platforms: Vec<String> = local["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!(
                "{}/{}",
                m["platform"]["architecture"].as_str().unwrap(),
                m["platform"]["variant"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(platforms, ["amd64/", "arm64/v8"]);
    assert_eq!(local["annotations"]["org.example.list"], "yes", "{local}");
    assert_eq!(local["annotations"]["idx"], "2", "{local}");
    let first = &local["manifests"][0];
    assert_eq!(first["platform"]["os.version"], "1.2", "{first}");
    assert_eq!(
        first["platform"]["os.features"],
        serde_json::json!(["f1", "f2"])
    );
    assert_eq!(first["platform"]["features"], serde_json::json!(["sse4"]));
    assert_eq!(first["annotations"]["e"], "1");
    // add of an image that is not in the store pulls it (registry flags apply).
    let fresh = Home::new();
    fresh.husk(&["manifest", "create", "remote"]).ok();
    fresh
        .husk(&[
            "manifest",
            "add",
            "--tls-verify=false",
            "remote",
            &format!("docker://{}", image("busybox:latest")),
        ])
        .ok();
    let remote_list = fresh.husk(&["manifest", "inspect", "remote"]).json();
    assert_eq!(
        remote_list["manifests"].as_array().unwrap().len(),
        1,
        "{remote_list}"
    );
    fresh
        .husk(&["manifest", "add", "remote", "127.0.0.1:1/nothing:here"])
        .fails(125, "127.0.0.1:1");
    let dest = image("lists/ml:1");
    let digestfile = home.dir.join("d");
    home.husk(&[
        "manifest",
        "push",
        "--all",
        "--digestfile",
        &digestfile.to_string_lossy(),
        "ml",
        &dest,
    ])
    .ok();
    // The registry's index, read by skopeo; each platform pulled back.
    let raw = skopeo(&["--raw"], &dest);
    assert_eq!(raw["mediaType"], "application/vnd.oci.image.index.v1+json");
    assert_eq!(raw["manifests"][1]["annotations"]["k"], "v");
    assert_eq!(raw["annotations"]["idx"], "2", "{raw}");
    assert_eq!(raw["manifests"][0]["platform"]["os.version"], "1.2");
    home.husk(&["manifest", "push", "--add-compression", "zstd", "ml", &dest])
        .fails(125, "one compression");
    let remote = home.husk(&["manifest", "inspect", &dest]).json();
    assert_eq!(remote["manifests"].as_array().unwrap().len(), 2);
    let other = Home::new();
    other
        .husk(&["pull", "-q", "--platform", "linux/arm64/v8", &dest])
        .ok();
    assert_eq!(id_of(&other, &dest), fact("multiarch", "arm64"));
    let third = Home::new();
    third
        .husk(&["pull", "-q", "--platform", "linux/amd64", &dest])
        .ok();
    assert_eq!(id_of(&third, &dest), fact("multiarch", "amd64"));
    home.husk(&["manifest", "remove", "ml", &fact("multiarch", "arm64")])
        .ok();
    home.husk(&["manifest", "rm", "ml"]).ok();
    home.husk(&["manifest", "exists", "ml"]).fails(1, "");
    home.husk(&["manifest", "add", "ml", "arch:amd64"])
        .fails(125, "no such manifest list");
    home.assert_consistent();
}

#[test]
fn search_and_list_tags() {
    let home = Home::new();
    let reg = &env().registry;
    let run = home.husk(&["search", &format!("{reg}/busy")]);
    let out = run.ok();
    assert!(out.starts_with("NAME"), "{out}");
    assert!(out.contains(&format!("{reg}/busybox")), "{out}");
    assert!(out.contains(&format!("{reg}/library/busybox")), "{out}");
    assert!(!out.contains("multiarch"), "{out}");
    let names = home.husk(&[
        "search",
        "--limit",
        "1",
        "--format",
        "{{.Name}}",
        &format!("{reg}/busy"),
    ]);
    assert_eq!(names.ok().lines().count(), 1, "{}", names.stdout);
    let json = home
        .husk(&["search", "--format", "json", &format!("{reg}/multi")])
        .json();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .any(|r| r["Name"] == format!("{reg}/multiarch")),
        "{json}"
    );
    let tags = home.husk(&["search", "--list-tags", &format!("{reg}/busybox")]);
    let lines: Vec<Vec<&str>> = tags
        .ok()
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines,
        [
            vec!["NAME", "TAG"],
            vec![&format!("{reg}/busybox"), "latest"]
        ]
    );
    home.husk(&["search", "--list-tags", &format!("{reg}/nothere")])
        .fails(125, "no such repository");
    home.husk(&["search", &format!("{}/x", env().auth_registry)])
        .fails(125, "husk login");
    // --filter: a catalog's repositories have no stars and are not official.
    let term = format!("{reg}/busy");
    let none = home.husk(&[
        "search",
        "--filter",
        "stars=1",
        "--format",
        "{{.Name}}",
        &term,
    ]);
    assert_eq!(none.ok(), "");
    let all = home.husk(&[
        "search",
        "--filter",
        "is-official=false",
        "-f",
        "is-automated=false",
        "--format",
        "{{.Name}}",
        &term,
    ]);
    assert_eq!(all.ok().lines().count(), 2, "{}", all.stdout);
    home.husk(&["search", "--filter", "stars=many", &term])
        .fails(125, "takes a number");
    home.husk(&["search", "--filter", "color=red", &term])
        .fails(125, "invalid --filter");
    // --compatible: docker's columns.
    let wide = home.husk(&["search", "--compatible", &term]);
    let head: Vec<&str> = wide
        .ok()
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(
        head,
        ["NAME", "DESCRIPTION", "STARS", "OFFICIAL", "AUTOMATED"]
    );
}

#[test]
fn pull_all_tags_policies_and_platform_flags() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    for t in ["1", "2"] {
        home.husk(&["push", "-q", &bb, &image(&format!("alltags/bb:{t}"))])
            .ok();
    }
    // docker's -a: every tag the registry lists.
    let other = Home::new();
    let out = other.husk(&["pull", "-q", "--all-tags", &image("alltags/bb")]);
    assert_eq!(out.ok().lines().count(), 2, "{}", out.stdout);
    assert_eq!(
        other
            .husk(&["images", "--format", "{{.Tag}}", "--sort", "tag"])
            .ok(),
        "1\n2\n"
    );
    // --policy: missing and never use what is stored; newer falls back to it
    // when the registry cannot be asked; always asks.
    other
        .husk(&["tag", &image("alltags/bb:1"), "localhost/only:1"])
        .ok();
    let local = ["--retry", "0", "localhost/only:1"];
    for policy in ["missing", "never", "newer"] {
        let mut args = vec!["pull", "-q", "--policy", policy];
        args.extend(local);
        let run = other.husk(&args);
        assert_eq!(
            run.ok().trim(),
            fact("busybox", "id").trim_start_matches("sha256:"),
            "{policy}"
        );
        assert_eq!(
            run.stderr.contains("using the local image"),
            policy == "newer",
            "{policy}: {}",
            run.stderr
        );
    }
    let mut always = vec!["pull", "-q", "--policy", "always"];
    always.extend(local);
    assert_eq!(other.husk(&always).code, 125);
    other
        .husk(&["pull", "--policy", "never", &image("alltags/bb:3")])
        .fails(125, "image not known");
    // podman's --arch/--os/--variant choose from an index.
    other
        .husk(&[
            "pull",
            "-q",
            "--os",
            "linux",
            "--arch",
            "arm64",
            "--variant",
            "v8",
            &image("multiarch"),
        ])
        .ok();
    let doc = other
        .husk(&["image", "inspect", &image("multiarch")])
        .json();
    assert_eq!(doc[0]["Id"], fact("multiarch", "arm64"));
}

/// build --cache-to pushes each step as REPO:KEY; another store's build
/// --cache-from takes those steps instead of running them.
#[test]
fn build_cache_in_a_registry() {
    let repo = image("buildcache/app");
    let dockerfile = format!(
        "FROM {}\nRUN cat /proc/sys/kernel/random/uuid > /id\nCOPY f /f\nRUN echo three > /three\n",
        image("busybox:latest")
    );
    let context = |home: &Home| {
        home.write("ctx/Dockerfile", &dockerfile);
        home.write("ctx/f", "the file\n");
        home.dir.join("ctx").to_string_lossy().into_owned()
    };
    let id_in = |home: &Home, name: &str| {
        home.husk(&["run", "--rm", name, "cat", "/id"])
            .ok()
            .to_string()
    };
    let first = Home::new();
    let ctx = context(&first);
    first
        .husk(&["build", "-q", "--cache-to", &repo, "-t", "one", &ctx])
        .ok();
    let made = id_in(&first, "one");
    let other = Home::new();
    let ctx = context(&other);
    let run = other.husk(&["build", "--cache-from", &repo, "-t", "two", &ctx]);
    let out = run.ok();
    assert_eq!(out.matches(&format!("from {repo}")).count(), 3, "{out}");
    assert_eq!(id_in(&other, "two"), made, "the RUN ran again");
    assert_eq!(
        other
            .husk(&["run", "--rm", "two", "cat", "/f", "/three"])
            .ok(),
        "the file\nthree\n"
    );
    // --no-cache looks nowhere; a registry that cannot be reached is a warning.
    let third = Home::new();
    let ctx = context(&third);
    let fresh = third.husk(&[
        "build",
        "--no-cache",
        "--cache-from",
        &repo,
        "-t",
        "three",
        &ctx,
    ]);
    assert!(!fresh.ok().contains("Using cache"), "{}", fresh.stdout);
    assert_ne!(id_in(&third, "three"), made);
    let fourth = Home::new();
    let ctx4 = context(&fourth);
    let away = fourth.husk(&["build", "--cache-from", "127.0.0.1:1/nothing", &ctx4]);
    away.ok();
    // Warned about once: the build asks it no more.
    assert_eq!(away.stderr.matches("WARN").count(), 1, "{}", away.stderr);
    third
        .husk(&["build", "--cache-to", &format!("{repo}:tag"), &ctx])
        .fails(125, "without a tag");
    first.assert_consistent();
    other.assert_consistent();
}
