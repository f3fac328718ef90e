//! `husk save` and `husk load`: every format round trip, archives read by
//! skopeo (an independent reader) and written by it, and archives that are
//! cut short or lie.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use common::{fact, image, Home};

fn skopeo(args: &[&str]) -> String {
    let out = Command::new("skopeo").args(args).output().expect("skopeo");
    assert!(
        out.status.success(),
        "skopeo {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn id_of(home: &Home, name: &str) -> String {
    home.husk(&["image", "inspect", "-f", "{{.Id}}", name])
        .ok()
        .trim()
        .to_string()
}

/// `husk load` with `file` on standard input.
fn load_stdin(home: &Home, file: &Path) -> common::Run {
    let out = home
        .cmd(&["load"])
        .stdin(Stdio::from(std::fs::File::open(file).unwrap()))
        .output()
        .unwrap();
    common::Run::from(out)
}

#[test]
fn every_format_round_trips_and_skopeo_reads_them() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let multi = image("multi:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    home.husk(&["pull", "-q", &multi]).ok();
    let p = |n: &str| home.dir.join(n).to_string_lossy().into_owned();
    // docker-archive (the default), several images in one.
    home.husk(&["save", "-o", &p("both.tar"), &bb, &multi]).ok();
    home.husk(&["save", "-o", &p("bb.tar"), &bb]).ok();
    let raw = skopeo(&[
        "inspect",
        "--config",
        &format!("docker-archive:{}", p("bb.tar")),
    ]);
    let cfg: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(
        cfg["rootfs"]["diff_ids"],
        serde_json::json!(common::facts("busybox", "diff_ids"))
    );
    // oci-archive, oci-dir, docker-dir.
    home.husk(&[
        "save",
        "--format",
        "oci-archive",
        "-o",
        &p("bb-oci.tar"),
        &bb,
    ])
    .ok();
    home.husk(&["save", "--format", "oci-dir", "-o", &p("bb-oci"), &bb])
        .ok();
    home.husk(&["save", "--format", "docker-dir", "-o", &p("bb-dir"), &bb])
        .ok();
    for transport in [
        format!("oci-archive:{}", p("bb-oci.tar")),
        format!("oci:{}", p("bb-oci")),
        format!("dir:{}", p("bb-dir")),
    ] {
        let raw = skopeo(&["inspect", "--raw", &transport]);
        let m: serde_json::Value = serde_json::from_str(&raw).unwrap();
        assert_eq!(m["config"]["digest"], fact("busybox", "id"), "{transport}");
    }
    // --compress: the directory formats' layers gzipped, which skopeo reads and
    // copies (checking every digest) into an archive husk loads as the same image.
    for (format, dir, transport) in [
        ("oci-dir", "bbz-oci", "oci"),
        ("docker-dir", "bbz-dir", "dir"),
    ] {
        home.husk(&["save", "--compress", "--format", format, "-o", &p(dir), &bb])
            .ok();
        let from = format!("{transport}:{}", p(dir));
        let raw = skopeo(&["inspect", "--raw", &from]);
        let m: serde_json::Value = serde_json::from_str(&raw).unwrap();
        let media = m["layers"][0]["mediaType"].as_str().unwrap();
        assert!(media.ends_with("gzip"), "{format}: {media}");
        let size = m["layers"][0]["size"].as_u64().unwrap();
        let plain = serde_json::from_str::<serde_json::Value>(&skopeo(&[
            "inspect",
            "--raw",
            &format!(
                "{transport}:{}",
                p(if format == "oci-dir" {
                    "bb-oci"
                } else {
                    "bb-dir"
                })
            ),
        ]))
        .unwrap()["layers"][0]["size"]
            .as_u64()
            .unwrap();
        assert!(size < plain, "{format}: {size} compressed, {plain} plain");
        let copied = home.dir.join(format!("{dir}.tar"));
        skopeo(&[
            "copy",
            &from,
            &format!("docker-archive:{}:localhost/bbz:1", copied.display()),
        ]);
        let other = Home::new();
        other
            .husk(&["load", "-q", "-i", copied.to_str().unwrap()])
            .ok();
        assert_eq!(id_of(&other, "localhost/bbz:1"), fact("busybox", "id"));
    }
    home.husk(&["save", "--compress", "-o", &p("x.tar"), &bb])
        .fails(125, "--compress needs --format oci-dir or docker-dir");
    // Loaded into other stores: the same images, by their names.
    let other = Home::new();
    let run = other.husk(&["load", "-i", &p("both.tar")]);
    let out = run.ok();
    assert!(out.contains(&format!("Loaded image: {bb}")), "{out}");
    assert!(out.contains(&format!("Loaded image: {multi}")), "{out}");
    assert_eq!(id_of(&other, &bb), fact("busybox", "id"));
    assert_eq!(id_of(&other, &multi), fact("multi", "id"));
    assert_eq!(
        other.husk(&["run", "--rm", &bb, "echo", "ran"]).ok(),
        "ran\n"
    );
    // A loaded image saves byte for byte the same again.
    let again = other.dir.join("again.tar");
    other
        .husk(&["save", "-o", &again.to_string_lossy(), &bb])
        .ok();
    assert!(std::fs::read(&again).unwrap() == std::fs::read(p("bb.tar")).unwrap());
    for (file, name) in [("bb-oci.tar", "oci"), ("bb.tar", "stdin")] {
        let third = Home::new();
        let run = if name == "stdin" {
            // Compressed, on standard input.
            let gz = home.dir.join("bb.tar.gz");
            let st = Command::new("sh")
                .args(["-c", &format!("gzip -c {} > {}", p(file), gz.display())])
                .status()
                .unwrap();
            assert!(st.success());
            load_stdin(&third, &gz)
        } else {
            third.husk(&["load", "-q", "-i", &p(file)])
        };
        run.ok();
        third
            .husk(&[
                "image",
                "inspect",
                &format!("sha256:{}", &fact("busybox", "id")[7..]),
            ])
            .ok();
        third.assert_consistent();
    }
    // save refuses a terminal-less mistake: a -dir format without -o.
    home.husk(&["save", "--format", "oci-dir", &bb])
        .fails(125, "-o DIR");
    home.husk(&["save", "--format", "tarball", "-o", &p("x"), &bb])
        .fails(125, "docker-archive, oci-archive");
    home.assert_consistent();
}

#[test]
fn archives_skopeo_wrote_are_loaded() {
    let home = Home::new();
    let dir = home.dir.join("sk");
    std::fs::create_dir_all(&dir).unwrap();
    let da = dir.join("bb-docker.tar");
    let oa = dir.join("multi-oci.tar");
    // docker-archive (Docker manifests have no zstd layers: busybox), oci-archive (multi).
    let bb = format!("docker://{}", image("busybox:latest"));
    let multi = format!("docker://{}", image("multi:latest"));
    skopeo(&[
        "copy",
        "-q",
        "--src-tls-verify=false",
        &bb,
        &format!("docker-archive:{}:sk/bb:1", da.display()),
    ]);
    skopeo(&[
        "copy",
        "-q",
        "--src-tls-verify=false",
        &multi,
        &format!("oci-archive:{}:sk/multi:2", oa.display()),
    ]);
    common::chown_to_user(&home, &dir.to_string_lossy());
    let run = home.husk(&["load", "-i", &da.to_string_lossy()]);
    assert!(
        run.ok().contains("Loaded image: docker.io/sk/bb:1"),
        "{}",
        run.stdout
    );
    assert_eq!(id_of(&home, "sk/bb:1"), fact("busybox", "id"));
    let run = home.husk(&["load", "-i", &oa.to_string_lossy()]);
    assert!(
        run.ok().contains("Loaded image: docker.io/sk/multi:2"),
        "{}",
        run.stdout
    );
    assert_eq!(id_of(&home, "sk/multi:2"), fact("multi", "id"));
    home.assert_consistent();
}

#[test]
fn archives_cut_short_or_lying_are_refused() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    let good = home.dir.join("bb.tar");
    home.husk(&["save", "-o", &good.to_string_lossy(), &bb])
        .ok();
    let bytes = std::fs::read(&good).unwrap();
    let other = Home::new();
    // Cut short: an error, no image, nothing left in tmp/.
    let short = home.dir.join("short.tar");
    std::fs::write(&short, &bytes[..bytes.len() / 2]).unwrap();
    load_stdin(&other, &short).fails(125, "");
    assert_eq!(other.husk(&["images", "-q"]).ok(), "");
    // A layer whose content is not what the config says.
    let work = home.dir.join("lie");
    std::fs::create_dir_all(&work).unwrap();
    let st = Command::new("tar")
        .args(["xf", &good.to_string_lossy(), "-C", &work.to_string_lossy()])
        .status()
        .unwrap();
    assert!(st.success());
    let layer = std::fs::read_dir(&work)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "tar"))
        .unwrap();
    let mut data = std::fs::read(&layer).unwrap();
    // A byte of the first file's content: the tar stays valid, its digest does not.
    let at = tar::Archive::new(&data[..])
        .entries()
        .unwrap()
        .map(|e| e.unwrap())
        .find(|e| e.header().entry_type().is_file() && e.size() > 0)
        .map(|e| e.raw_file_position() as usize)
        .unwrap();
    data[at] ^= 0x20;
    std::fs::write(&layer, data).unwrap();
    let lie = home.dir.join("lie.tar");
    let st = Command::new("tar")
        .args([
            "cf",
            &lie.to_string_lossy(),
            "-C",
            &work.to_string_lossy(),
            ".",
        ])
        .status()
        .unwrap();
    assert!(st.success());
    load_stdin(&other, &lie).fails(125, "the config says");
    assert_eq!(other.husk(&["images", "-q"]).ok(), "");
    // Not an archive at all.
    let text = home.dir.join("text");
    std::fs::write(&text, "hello\n").unwrap();
    load_stdin(&other, &text).fails(125, "");
    other.assert_consistent();
}

#[test]
fn export_and_import_round_trip() {
    let home = Home::new();
    let bb = image("busybox:latest");
    // A container that adds, changes and removes files of its image.
    home.husk(&[
        "run", "--name", "ex", &bb, "sh", "-c",
        "echo changed > /etc/motd; mkdir /made; gone=$(ls -d /bin/* | grep -v -e /sh$ -e /cat$ -e /ls$ -e /test$ -e /busybox$ | head -1); rm $gone; echo $gone > /removed",
    ])
    .ok();
    let tar = home.dir.join("ex.tar").to_string_lossy().into_owned();
    home.husk(&["export", "-o", &tar, "ex"]).ok();
    let run = home.husk(&[
        "import",
        "-c",
        "CMD [\"cat\", \"/etc/motd\"]",
        "-m",
        "from a container",
        &tar,
        "imported:1",
    ]);
    assert!(run.ok().starts_with("sha256:"), "{}", run.stdout);
    assert_eq!(home.husk(&["run", "--rm", "imported:1"]).ok(), "changed\n");
    let run = home.husk(&[
        "run",
        "--rm",
        "imported:1",
        "sh",
        "-c",
        "test -d /made && test ! -e $(cat /removed) && echo ok",
    ]);
    assert_eq!(run.ok(), "ok\n");
    let hist = home.husk(&["history", "--format", "{{.Comment}}", "imported:1"]);
    assert!(hist.ok().contains("from a container"), "{}", hist.stdout);
    // podman's --arch/--os/--variant name the platform in the config.
    home.husk(&[
        "import",
        "--arch",
        "arm64",
        "--variant",
        "v8",
        &tar,
        "imported:arm",
    ])
    .ok();
    let doc = home.husk(&["image", "inspect", "imported:arm"]).json();
    assert_eq!(
        (doc[0]["Architecture"].as_str(), doc[0]["Os"].as_str()),
        (Some("arm64"), Some("linux"))
    );
    // Compressed, on standard input.
    let gz = home.dir.join("ex.tar.gz");
    let st = Command::new("sh")
        .args(["-c", &format!("gzip -c {tar} > {}", gz.display())])
        .status()
        .unwrap();
    assert!(st.success());
    let out = home
        .cmd(&["import", "-", "fromstdin"])
        .stdin(Stdio::from(std::fs::File::open(&gz).unwrap()))
        .output()
        .unwrap();
    common::Run::from(out).ok();
    let run = home.husk(&["run", "--rm", "fromstdin", "cat", "/etc/motd"]);
    assert_eq!(run.ok(), "changed\n");
    // Not a tar: refused, no image made.
    let text = home.dir.join("text");
    std::fs::write(&text, "hello, not a tar\n").unwrap();
    let before = home.husk(&["images", "-q"]).ok().to_string();
    home.husk(&["import", &text.to_string_lossy(), "bad"])
        .fails(125, "not a tar");
    assert_eq!(home.husk(&["images", "-q"]).ok(), before);
    home.husk(&["export", "ghost"]).fails(125, "ghost");
    home.husk(&["rm", "ex"]).ok();
    home.assert_consistent();
}

/// Start `husk ARGS`, kill -9 it after `ms` milliseconds (or let it end), wait.
fn kill_after(home: &Home, args: &[&str], ms: u64) {
    let mut child = home
        .cmd(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(ms));
    let _ = child.kill();
    child.wait().unwrap();
}

#[test]
fn kill_9_of_push_save_and_load_leaves_the_store_consistent() {
    let home = Home::new();
    let ctx = home.dir.join("ctx");
    std::fs::create_dir_all(&ctx).unwrap();
    let data = common::random_bytes(24 << 20, 0x2545_F491_4F6C_DD1D);
    std::fs::write(ctx.join("data"), &data).unwrap();
    std::fs::write(
        ctx.join("Dockerfile"),
        format!("FROM {}\nCOPY data /data\n", image("busybox:latest")),
    )
    .unwrap();
    let ctx = ctx.to_string_lossy().into_owned();
    common::chown_to_user(&home, &ctx);
    home.husk(&["build", "-q", "-t", "big:1", &ctx]).ok();
    let dest = image("killed/big:1");
    let tar = home.dir.join("big.tar").to_string_lossy().into_owned();
    for ms in [50, 200, 400] {
        kill_after(&home, &["push", "-q", "big:1", &dest], ms);
        kill_after(&home, &["save", "-o", &tar, "big:1"], ms);
    }
    // The file is whole or not there; the store is as it was; each works again.
    home.assert_consistent();
    home.husk(&["push", "-q", "big:1", &dest]).ok();
    home.husk(&["save", "-o", &tar, "big:1"]).ok();
    let other = Home::new();
    for ms in [100, 300] {
        kill_after(&other, &["load", "-i", &tar], ms);
        // No image is half there; the next command that writes clears what the killed one left.
        assert_eq!(other.husk(&["images", "-q"]).ok(), "");
        other.husk(&["system", "check", "--repair"]).ok();
        other.assert_consistent();
    }
    other.husk(&["load", "-i", &tar]).ok();
    assert_eq!(
        other
            .husk(&["run", "--rm", "big:1", "wc", "-c", "/data"])
            .ok()
            .split_whitespace()
            .next(),
        Some((24 << 20).to_string().as_str())
    );
    other.assert_consistent();
}
