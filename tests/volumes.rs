//! Volumes as a user meets them: `husk volume …`, `-v NAME:/path`, anonymous
//! volumes, the image's content copied into a new volume, `--volumes-from`,
//! `rm -v`, in-use refusals, prune, system df, and what goes wrong (a full
//! disk while copying, bad names, concurrent creates).

mod common;

use std::process::Command;

use common::{image, Home};

fn vimg() -> String {
    image("volumes:latest")
}

fn bb() -> String {
    image("busybox:latest")
}

/// A host directory the test user owns.
fn shared(home: &Home, name: &str) -> std::path::PathBuf {
    let dir = home.dir.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    common::chown_to_user(home, dir.to_str().unwrap());
    dir
}

fn names(home: &Home) -> Vec<String> {
    let out = home.husk(&["volume", "ls", "-q"]);
    out.ok().lines().map(String::from).collect()
}

/// What a container sees of /data: one line per entry.
const SHOW_DATA: &str =
    "cd /data && stat -c '%n %u:%g %a %F %Y' . a sub sub/new link fifo setuid; \
     ls sub; cat a link; [ -e gone ] && echo gone-is-there; \
     [ $(stat -c %i big) = $(stat -c %i hard) ] && echo hardlinked; wc -c < big";

#[test]
fn a_new_volume_gets_the_image_content_with_owners() {
    let home = Home::new();
    home.husk(&["pull", "-q", &vimg()]).ok();
    let out = home.husk(&[
        "run",
        "--rm",
        "-v",
        "data:/data",
        &vimg(),
        "sh",
        "-c",
        SHOW_DATA,
    ]);
    let text = out.ok();
    for want in [
        ". 999:999 750 directory",
        "a 1000:1000 640 regular file 1600000000",
        "sub 0:0 755 directory",
        "sub/new 0:0 600 regular file",
        "link 0:0 777 symbolic link",
        "fifo 0:0 620 fifo",
        "setuid 0:0 4755 regular file",
        "alpha\nalpha\n",
        "hardlinked",
        "4194304",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    // The whiteout hides `gone`; the opaque directory hides `sub/old`.
    assert!(
        !text.contains("gone-is-there") && !text.contains("old"),
        "{text}"
    );
    // Not copied again into a volume that has content: what a container removed stays removed.
    home.husk(&["run", "--rm", "-v", "data:/data", &vimg(), "rm", "/data/a"])
        .ok();
    let again = home.husk(&["run", "--rm", "-v", "data:/data", &vimg(), "ls", "/data"]);
    assert!(!again.ok().lines().any(|l| l == "a"), "{}", again.stdout);
    // nocopy, and a volume over a path the image does not have: empty.
    for (flag, path) in [
        ("fresh:/data:nocopy", "/data"),
        ("other:/nowhere", "/nowhere"),
    ] {
        let out = home.husk(&["run", "--rm", "-v", flag, &vimg(), "ls", "-A", path]);
        assert_eq!(out.ok(), "", "{flag}");
    }
    let m = home.husk(&[
        "run",
        "--rm",
        "--mount",
        "type=volume,src=mnt,dst=/data,volume-nocopy",
        &vimg(),
        "ls",
        "-A",
        "/data",
    ]);
    assert_eq!(m.ok(), "");
    // The volume's files are on disk as the container left them, under the store.
    let inspect = home.husk(&["volume", "inspect", "data"]).json();
    let mountpoint = inspect[0]["Mountpoint"].as_str().unwrap().to_string();
    assert!(
        mountpoint.starts_with(home.store().to_str().unwrap()),
        "{mountpoint}"
    );
    assert!(std::path::Path::new(&mountpoint).join("big").is_file());
    let xattr = std::path::Path::new(&mountpoint).join("xattr");
    assert_eq!(
        common::xattr(&xattr, "user.husk-test").as_deref(),
        Some("kept")
    );
    assert_eq!(inspect[0]["Driver"], "local");
    home.assert_consistent();
}

#[test]
fn data_outlives_the_container_and_lists_filters_and_formats() {
    let home = Home::new();
    home.husk(&["volume", "create", "--label", "app=db", "db"])
        .ok();
    // Creating it again is no error (docker's), and changes nothing.
    assert_eq!(home.husk(&["volume", "create", "db"]).ok(), "db\n");
    home.husk(&["volume", "create", "other"]).ok();
    // podman's --uid/--gid: the owner of the new volume's content, as the container sees it.
    home.husk(&["volume", "create", "--uid", "1000", "--gid", "100", "owned"])
        .ok();
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "-v",
            "owned:/o",
            &bb(),
            "stat",
            "-c",
            "%u:%g",
            "/o"
        ])
        .ok(),
        "1000:100\n"
    );
    home.husk(&["volume", "rm", "owned"]).ok();
    home.husk(&[
        "run",
        "--rm",
        "-v",
        "db:/var/lib/db",
        &bb(),
        "sh",
        "-c",
        "echo rows > /var/lib/db/t",
    ])
    .ok();
    let out = home.husk(&[
        "run",
        "--rm",
        "-v",
        "db:/x:ro",
        &bb(),
        "sh",
        "-c",
        "cat /x/t; touch /x/u",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "rows\n");
    assert!(
        out.stderr.contains("Read-only file system"),
        "{}",
        out.stderr
    );
    assert_eq!(
        home.husk(&["volume", "ls", "-q", "--filter", "label=app=db"])
            .ok(),
        "db\n"
    );
    assert_eq!(
        home.husk(&["volume", "ls", "-q", "--filter", "name=oth"])
            .ok(),
        "other\n"
    );
    assert_eq!(
        home.husk(&["volume", "ls", "--format", "{{.Name}} {{.Driver}}"])
            .ok(),
        "db local\nother local\n"
    );
    let table = home.husk(&["volume", "ls"]);
    assert_eq!(table.ok().lines().next(), Some("DRIVER   VOLUME NAME"));
    assert_eq!(
        home.husk(&["volume", "inspect", "--format", "{{.Labels.app}}", "db"])
            .ok(),
        "db\n"
    );
    assert_eq!(home.husk(&["volume", "exists", "db"]).code, 0);
    assert_eq!(home.husk(&["volume", "exists", "nope"]).code, 1);
    home.husk(&["volume", "inspect", "nope"])
        .fails(125, "no such volume: nope");
    // Used by a container (even a stopped one): kept by rm and prune.
    home.husk(&["create", "--name", "user", "-v", "db:/d", &bb(), "true"])
        .ok();
    assert_eq!(
        home.husk(&[
            "ps",
            "-a",
            "--filter",
            "volume=db",
            "--format",
            "{{.Names}}"
        ])
        .ok(),
        "user\n"
    );
    home.husk(&["volume", "rm", "db"])
        .fails(2, "volume db is in use by container(s): user");
    assert_eq!(
        home.husk(&["volume", "ls", "-q", "--filter", "dangling=true"])
            .ok(),
        "other\n"
    );
    assert_eq!(home.husk(&["volume", "prune", "-f"]).ok(), "other\n");
    assert_eq!(names(&home), ["db"]);
    // podman's -f removes the containers first.
    assert_eq!(home.husk(&["volume", "rm", "-f", "db"]).ok(), "db\n");
    assert!(names(&home).is_empty());
    assert_eq!(home.husk(&["container", "exists", "user"]).code, 1);
    home.assert_consistent();
}

#[test]
fn anonymous_volumes_image_volumes_and_rm_v() {
    let home = Home::new();
    // The image declares /data and /cache: each gets an anonymous volume, /data with content.
    home.husk(&[
        "run",
        "--name",
        "a",
        "-v",
        "/scratch",
        &vimg(),
        "cat",
        "/data/a",
    ])
    .ok();
    let mounts = home
        .husk(&["inspect", "--format", "{{json .Mounts}}", "a"])
        .json();
    let dests: Vec<&str> = mounts
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["Destination"].as_str().unwrap())
        .collect();
    assert_eq!(dests.len(), 4, "{mounts}");
    for d in ["/scratch", "/data", "/cache", "/out"] {
        assert!(dests.contains(&d), "{d} in {mounts}");
    }
    assert!(mounts
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["Type"] == "volume" && m["Name"].as_str().unwrap().len() == 64));
    assert_eq!(names(&home).len(), 4);
    // A mount the user gives at a VOLUME path replaces that anonymous volume,
    // also where the image's VOLUME is a symlink to it (/out-link -> /out).
    let out = shared(&home, "out");
    let out_bind = format!("{}:/out", out.display());
    home.husk(&[
        "run",
        "--name",
        "b",
        "-v",
        "named:/data",
        "-v",
        &out_bind,
        &vimg(),
        "sh",
        "-c",
        "echo hi > /out-link/f",
    ])
    .ok();
    assert_eq!(std::fs::read_to_string(out.join("f")).unwrap(), "hi\n");
    assert_eq!(names(&home).len(), 6, "{:?}", names(&home));
    // --volumes-from shares them (read-only with :ro).
    let out = home.husk(&[
        "run",
        "--rm",
        "--volumes-from",
        "b:ro",
        &bb(),
        "sh",
        "-c",
        "cat /data/a; touch /data/x",
    ]);
    assert_eq!(out.stdout, "alpha\n");
    assert!(
        out.stderr.contains("Read-only file system"),
        "{}",
        out.stderr
    );
    // rm without -v keeps them; rm -v removes the anonymous ones only.
    home.husk(&["rm", "a"]).ok();
    assert_eq!(names(&home).len(), 6);
    home.husk(&["rm", "-v", "b"]).ok();
    let left = names(&home);
    assert_eq!(left.len(), 5, "{left:?}");
    assert!(left.contains(&"named".to_string()));
    // --rm removes a container's anonymous volumes with it.
    home.husk(&["volume", "prune", "-f"]).ok();
    home.husk(&["run", "--rm", "-v", "/tmpvol", &vimg(), "true"])
        .ok();
    assert!(names(&home).is_empty(), "{:?}", names(&home));
    // An anonymous volume another container shares stays with rm -v.
    home.husk(&["create", "--name", "c", "-v", "/shared", &bb(), "true"])
        .ok();
    home.husk(&[
        "create",
        "--name",
        "d",
        "--volumes-from",
        "c",
        &bb(),
        "true",
    ])
    .ok();
    home.husk(&["rm", "-v", "c"]).ok();
    assert_eq!(names(&home).len(), 1);
    home.husk(&["rm", "-v", "d"]).ok();
    assert!(names(&home).is_empty());
    home.assert_consistent();
}

#[test]
fn chown_u_system_df_and_prune() {
    let home = Home::new();
    let out = home.husk(&[
        "run",
        "--rm",
        "-u",
        "1000:1000",
        "-v",
        "owned:/home/user/v:U",
        &bb(),
        "sh",
        "-c",
        "stat -c %u:%g /home/user/v; touch /home/user/v/f && echo wrote",
    ]);
    assert_eq!(out.ok(), "1000:1000\nwrote\n");
    // -v of a missing host directory makes it (docker's), owned by the user.
    let dir = home.dir.join("made/here");
    let spec = format!("{}:/m", dir.display());
    home.husk(&["run", "--rm", "-v", &spec, &bb(), "touch", "/m/f"])
        .ok();
    assert!(dir.join("f").is_file());
    // --mount refuses it, as docker does.
    let missing = format!("type=bind,src={}/nowhere,dst=/m", home.dir.display());
    home.husk(&["run", "--rm", "--mount", &missing, &bb(), "true"])
        .fails(125, "bind source path does not exist");

    home.husk(&[
        "run",
        "-d",
        "--name",
        "busy",
        "-v",
        "kept:/k",
        &bb(),
        "sleep",
        "60",
    ])
    .ok();
    home.husk(&[
        "run",
        "--rm",
        "-v",
        "big:/b",
        &bb(),
        "dd",
        "if=/dev/zero",
        "of=/b/f",
        "bs=1024",
        "count=1024",
    ])
    .ok();
    let df = home.husk(&["system", "df", "--format", "json"]).json();
    let vols = df
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["Type"] == "Local Volumes")
        .unwrap()
        .clone();
    assert_eq!(vols["Total"], 3, "{df}");
    assert_eq!(vols["Active"], 1, "{df}");
    assert!(vols["RawSize"].as_u64().unwrap() >= 1 << 20, "{df}");
    let text = home.husk(&["system", "df"]);
    assert!(text.ok().starts_with("TYPE "), "{}", text.stdout);
    // -v: each image, container and volume; the volume in use has one link.
    let verbose = home.husk(&["system", "df", "-v"]);
    let v = verbose.ok();
    for section in [
        "Images space usage:",
        "Containers space usage:",
        "Local Volumes space usage:",
    ] {
        assert!(v.contains(section), "{v}");
    }
    assert!(
        v.contains("SHARED SIZE") && v.contains("LOCAL VOLUMES"),
        "{v}"
    );
    let kept: Vec<&str> = v
        .lines()
        .find(|l| l.starts_with("kept "))
        .unwrap_or_else(|| panic!("{v}"))
        .split_whitespace()
        .collect();
    assert_eq!(kept[1], "1", "{v}");
    let busy = v
        .lines()
        .find(|l| l.ends_with(" busy"))
        .unwrap_or_else(|| panic!("{v}"));
    assert!(busy.contains("Up "), "{busy}");
    home.husk(&["system", "df", "-v", "--format", "json"])
        .fails(125, "cannot be used with");
    // system prune leaves volumes alone unless --volumes, and never one in use.
    home.husk(&["system", "prune", "-f"]).ok();
    assert_eq!(names(&home).len(), 3);
    let pruned = home.husk(&["system", "prune", "-f", "--volumes"]);
    assert!(
        pruned.ok().contains("Deleted Volumes:"),
        "{}",
        pruned.stdout
    );
    assert_eq!(names(&home), ["kept"]);
    home.husk(&["rm", "-f", "busy"]).ok();
    home.assert_consistent();
}

#[test]
fn bad_volume_input_is_refused_before_anything_happens() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    for (args, says) in [
        (vec!["volume", "create", "a/b"], "invalid volume name"),
        (vec!["volume", "create", ".."], "invalid volume name"),
        (
            vec!["volume", "create", "--opt", "type=nfs", "n1"],
            "cannot be mounted rootless",
        ),
        (
            vec!["volume", "create", "--opt", "colour=red", "n2"],
            "type, device and o",
        ),
        (
            vec!["volume", "create", "-d", "nfs", "n3"],
            "husk has local volumes",
        ),
        (
            vec!["run", "--rm", "-v", "./rel:/x", "BB", "true"],
            "absolute path",
        ),
        (
            vec!["run", "--rm", "-v", "vol:x", "BB", "true"],
            "must be absolute",
        ),
        (
            vec!["run", "--rm", "-v", "vol:/", "BB", "true"],
            "cannot be /",
        ),
        (
            vec!["run", "--rm", "-v", "vol:/x", "-v", "/tmp:/x", "BB", "true"],
            "duplicate mount point",
        ),
        (
            vec![
                "run",
                "--rm",
                "--mount",
                "type=volume,src=v1,dst=/d,colour=red",
                "BB",
                "true",
            ],
            "unknown key",
        ),
        (
            vec!["run", "--rm", "--volumes-from", "nosuch", "BB", "true"],
            "no such container",
        ),
        (
            vec!["run", "--rm", "--volumes-from", "x:rx", "BB", "true"],
            "unknown option",
        ),
        (
            vec!["run", "--rm", "-v", "vol:/x:O", "BB", "true"],
            "for host directories only",
        ),
    ] {
        let args: Vec<String> = args
            .iter()
            .map(|a| if *a == "BB" { bb() } else { a.to_string() })
            .collect();
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        home.husk(&argv).fails(125, says);
    }
    assert!(names(&home).is_empty(), "{:?}", names(&home));
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
    // Volume options husk can mount: a tmpfs, a host directory.
    home.husk(&[
        "volume",
        "create",
        "--opt",
        "type=tmpfs",
        "--opt",
        "o=size=1m",
        "tv",
    ])
    .ok();
    let out = home.husk(&[
        "run",
        "--rm",
        "-v",
        "tv:/t",
        &bb(),
        "sh",
        "-c",
        "grep ' /t ' /proc/mounts",
    ]);
    assert!(out.ok().contains("tmpfs /t tmpfs"), "{}", out.stdout);
    let host = home.dir.join("hostdir");
    std::fs::create_dir_all(&host).unwrap();
    common::chown_to_user(&home, host.to_str().unwrap());
    let device = format!("device={}", host.display());
    home.husk(&[
        "volume",
        "create",
        "--opt",
        "type=none",
        "--opt",
        "o=bind",
        "--opt",
        &device,
        "hv",
    ])
    .ok();
    home.husk(&["run", "--rm", "-v", "hv:/h", &bb(), "touch", "/h/made"])
        .ok();
    assert!(host.join("made").is_file());
}

#[test]
fn concurrent_creates_of_one_name_make_one_volume() {
    let home = Home::new();
    home.husk(&["pull", "-q", &vimg()]).ok();
    let children: Vec<_> = (0..6)
        .map(|i| {
            let args: Vec<String> = match i % 2 {
                0 => vec!["volume".into(), "create".into(), "same".into()],
                _ => vec![
                    "run".into(),
                    "--rm".into(),
                    "-v".into(),
                    "same:/data".into(),
                    vimg(),
                    "true".into(),
                ],
            };
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            home.cmd(&argv)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_eq!(names(&home), ["same"]);
    // Whoever made it, a container's copy went in whole, once.
    let out = home.husk(&[
        "run",
        "--rm",
        "-v",
        "same:/data",
        &vimg(),
        "sh",
        "-c",
        "ls /data | wc -l; wc -c < /data/big",
    ]);
    let text = out.ok();
    // Made by a `volume create` or by a run, it was empty when the first run came: that one copied.
    assert_eq!(text, "8\n4194304\n", "{text}");
    home.assert_consistent();
}

/// A small tmpfs as the store, for a full disk (only when the tests run as root).
struct SmallStore<'a> {
    home: &'a Home,
}

impl<'a> SmallStore<'a> {
    fn mount(home: &'a Home, size: &str) -> Option<SmallStore<'a>> {
        common::env().user.as_ref()?;
        let store = home.store();
        std::fs::create_dir_all(&store).unwrap();
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
                store.to_str().unwrap(),
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "mount tmpfs");
        common::chown_to_user(home, store.to_str().unwrap());
        Some(SmallStore { home })
    }
}

impl Drop for SmallStore<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .args(["-l", self.home.store().to_str().unwrap()])
            .status();
    }
}

#[test]
fn a_full_disk_while_copying_leaves_an_empty_volume_not_a_partial_one() {
    let home = Home::new();
    let Some(_small) = SmallStore::mount(&home, "24m") else {
        eprintln!("skipped: needs root to mount a small store");
        return;
    };
    home.husk(&["pull", "-q", &vimg()]).ok();
    // Fill the disk but for 1 MiB: the 4 MiB file cannot be copied.
    let filler = home.store().join("filler");
    let st = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "dd if=/dev/zero of={} bs=64k 2>/dev/null; true",
            filler.display()
        ))
        .status()
        .unwrap();
    assert!(st.success());
    let free_mib = 1;
    let len = std::fs::metadata(&filler).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(len - (free_mib << 20))
        .unwrap();
    let out = home.husk(&["run", "--rm", "-v", "full:/data", &vimg(), "true"]);
    assert_eq!(out.code, 125, "{}", out.stderr);
    assert!(
        out.stderr.contains("No space left on device"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    // The volume is there, empty (no half copy that looks complete), and tmp/ is clean.
    let data = home.store().join("volumes/full/_data");
    assert_eq!(std::fs::read_dir(&data).unwrap().count(), 0);
    assert!(home.tmp_entries().is_empty(), "{:?}", home.tmp_entries());
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
    // With room again, the next container's copy is whole.
    std::fs::remove_file(&filler).unwrap();
    let out = home.husk(&[
        "run",
        "--rm",
        "-v",
        "full:/data",
        &vimg(),
        "sh",
        "-c",
        "wc -c < /data/big",
    ]);
    assert_eq!(out.ok(), "4194304\n");
    home.assert_consistent();
}

#[test]
fn single_uid_volumes() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids");
        return;
    };
    // Owners the namespace cannot map become root's; content and modes are kept.
    let out = home.husk(&[
        "run",
        "--rm",
        "-v",
        "dv:/data",
        &vimg(),
        "sh",
        "-c",
        "stat -c '%u %a' /data /data/a; cat /data/a",
    ]);
    assert_eq!(out.ok(), "0 750\n0 640\nalpha\n");
    home.husk(&["run", "--name", "s", &vimg(), "true"]).ok();
    home.husk(&["rm", "-v", "s"]).ok();
    assert_eq!(names(&home), ["dv"]);
    home.husk(&["volume", "rm", "dv"]).ok();
    assert!(names(&home).is_empty());
}

#[test]
fn overlay_volumes_leave_the_source_alone() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let src = shared(&home, "lower");
    std::fs::write(src.join("a"), "A\n").unwrap();
    common::chown_to_user(&home, src.to_str().unwrap());
    let v = format!("{}:/d:O", src.display());
    let script = "cat /d/a; echo B > /d/b; rm /d/a; ls /d";
    let out = home.husk(&["run", "--name", "ov", "-v", &v, &bb(), "sh", "-c", script]);
    assert_eq!(out.ok(), "A\nb\n");
    assert!(
        src.join("a").exists() && !src.join("b").exists(),
        "the source is untouched"
    );
    // Started again: what it wrote there the last time is gone.
    assert_eq!(home.husk(&["start", "-a", "ov"]).ok(), "A\nb\n");
    let binds = home.husk(&["inspect", "--format", "{{json .HostConfig.Binds}}", "ov"]);
    assert!(binds.ok().contains(":/d:O"), "{}", binds.stdout);
    home.husk(&["rm", "ov"]).ok();
    home.husk(&["run", "--rm", "-v", "vol:/d:O", &bb(), "true"])
        .fails(125, "host directories only");
}
