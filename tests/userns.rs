//! Containers with their own id map (`--uidmap`, `--userns keep-id|nomap|auto`):
//! the FUSE overlay presents the image's owners through each map, so one image
//! serves containers of different maps at once without a copy or a chown.

mod common;

use std::os::unix::fs::MetadataExt;

use common::{image, subuid_start, uid_of, Home};

fn bb() -> String {
    image("busybox:latest")
}

/// What a container sees of a few of the image's files, and of its own ids.
const SHOW: &str = "stat -c '%n %u:%g' /home/user/owned /home/user /bin/busybox /etc/passwd; \
     cat /proc/self/uid_map /proc/self/gid_map; id -u; \
     touch /tmp/made-by-root && stat -c 'made %u:%g' /tmp/made-by-root";

/// The host uid of the first process of running container `name`.
fn host_uid_of(home: &Home, name: &str) -> u32 {
    let pid = home.husk(&["inspect", "--format", "{{.State.Pid}}", name]);
    let pid = pid.ok().trim().to_string();
    std::fs::metadata(format!("/proc/{pid}")).unwrap().uid()
}

#[test]
fn two_maps_present_the_image_owners_in_each() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let layers = home.layer_count();
    let sub = subuid_start(&home.user);
    for (map, first) in [("0:1:5000", 1u32), ("0:20000:5000", 20000)] {
        let out = home.husk(&["run", "--rm", "--uidmap", map, &bb(), "sh", "-c", SHOW]);
        let text = out.ok();
        for want in [
            "/home/user/owned 1000:1000",
            "/home/user 1000:1000",
            "/bin/busybox 0:0",
            "/etc/passwd 0:0",
            "made 0:0",
        ] {
            assert!(text.contains(want), "{map}: no {want:?} in:\n{text}");
        }
        let line = format!("0 {first} 5000");
        let mapped: Vec<&str> = text
            .lines()
            .filter(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == line)
            .collect();
        assert_eq!(
            mapped.len(),
            2,
            "{map}: uid and gid maps are {line:?}:\n{text}"
        );
        // On the host, its root is the subordinate id the map gives it.
        home.husk(&[
            "run",
            "-d",
            "--name",
            "mapped",
            "--uidmap",
            map,
            &bb(),
            "sleep",
            "60",
        ])
        .ok();
        assert_eq!(host_uid_of(&home, "mapped"), sub + first - 1);
        // exec joins its user namespace: the same owners, the same root.
        let out = home.husk(&[
            "exec",
            "mapped",
            "sh",
            "-c",
            "id -u; stat -c %u:%g /home/user/owned",
        ]);
        assert_eq!(
            out.ok().split_whitespace().collect::<Vec<_>>(),
            ["0", "1000:1000"]
        );
        // A file made by uid 1000 inside is stored as the container's 1000.
        home.husk(&["exec", "-u", "1000", "mapped", "touch", "/tmp/by-user"])
            .ok();
        let id = home.husk(&["inspect", "--format", "{{.Id}}", "mapped"]);
        let upper = home
            .store()
            .join("containers")
            .join(id.ok().trim())
            .join("upper");
        let st = std::fs::metadata(upper.join("tmp/by-user")).unwrap();
        assert_eq!((st.uid(), st.gid()), (sub + 999, sub + 999));
        // cp joins it too: what it copies in is the container root's.
        let src = home.dir.join("to-copy");
        std::fs::write(&src, "x").unwrap();
        common::chown_to_user(&home, src.to_str().unwrap());
        home.husk(&["cp", src.to_str().unwrap(), "mapped:/tmp/copied"])
            .ok();
        let out = home.husk(&["exec", "mapped", "stat", "-c", "%u:%g", "/tmp/copied"]);
        assert_eq!(out.ok().trim(), "0:0");
        // Stopped, cp still writes as its root.
        home.husk(&["stop", "-t", "0", "mapped"]).ok();
        home.husk(&["cp", src.to_str().unwrap(), "mapped:/tmp/while-stopped"])
            .ok();
        home.husk(&["start", "mapped"]).ok();
        let out = home.husk(&[
            "exec",
            "mapped",
            "stat",
            "-c",
            "%u:%g",
            "/tmp/while-stopped",
        ]);
        assert_eq!(out.ok().trim(), "0:0");
        // Nothing of the image was copied up to present it.
        assert!(!upper.join("bin").exists() && !upper.join("home").exists());
        home.husk(&["rm", "-f", "-t", "0", "mapped"]).ok();
    }
    assert_eq!(home.layer_count(), layers, "no layer was copied for a map");
    home.assert_consistent();
}

#[test]
fn keep_id_nomap_and_auto() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let me = uid_of(&home.user);
    // keep-id: the user's own uid inside, its files its own, the image's still root's.
    let dir = home.dir.join("mine");
    std::fs::create_dir_all(&dir).unwrap();
    common::chown_to_user(&home, dir.to_str().unwrap());
    let bind = format!("{}:/mine", dir.display());
    let out = home.husk(&[
        "run",
        "--rm",
        "--userns",
        "keep-id",
        "-v",
        &bind,
        &bb(),
        "sh",
        "-c",
        "id -u; id -g; stat -c %u /mine; touch /mine/new; stat -c %u /bin/busybox",
    ]);
    let text = out.ok();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [me.to_string(), me.to_string(), me.to_string(), "0".into()]
    );
    assert_eq!(
        std::fs::metadata(dir.join("new")).unwrap().uid(),
        me,
        "the user's own file"
    );
    // keep-id's user has an account inside (the host's name and home), as podman gives.
    let name = home
        .user
        .clone()
        .unwrap_or_else(|| std::env::var("USER").unwrap_or_default());
    let out = home.husk(&[
        "run",
        "--rm",
        "--userns",
        "keep-id",
        &bb(),
        "sh",
        "-c",
        "id -un; echo $HOME",
    ]);
    let text = out.ok();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], name);
    assert!(lines[1].ends_with(&name), "{text}");
    // --passwd-entry shapes that account's line; --passwd=false adds none.
    let out = home.husk(&[
        "run",
        "--rm",
        "--userns",
        "keep-id",
        "--passwd-entry",
        "$USERNAME:x:$UID:$GID:$NAME:/custom:/bin/sh",
        &bb(),
        "sh",
        "-c",
        "id -un; echo $HOME",
    ]);
    assert_eq!(out.ok(), format!("{name}\n/custom\n"));
    let out = home.husk(&[
        "run",
        "--rm",
        "--userns",
        "keep-id",
        "--passwd=false",
        &bb(),
        "sh",
        "-c",
        "grep -c :x:$(id -u): /etc/passwd; grep -c ^$(id -u): /etc/passwd; true",
    ]);
    assert_eq!(out.ok(), "0\n0\n");
    // --hostuser: a host account in the container's /etc/passwd, the image's entries kept.
    let out = home.husk(&[
        "run",
        "--rm",
        "--hostuser",
        &name,
        &bb(),
        "sh",
        "-c",
        "cut -d: -f1,3 /etc/passwd",
    ]);
    let text = out.ok();
    assert!(
        text.contains(&format!("{name}:{me}")) && text.contains("root:0"),
        "{text}"
    );
    home.husk(&[
        "run",
        "--rm",
        "--hostuser",
        "no-such-user-here",
        &bb(),
        "true",
    ])
    .fails(125, "no user");
    let out = home.husk(&[
        "run",
        "--rm",
        "--userns",
        "keep-id:uid=0,gid=0",
        &bb(),
        "id",
        "-u",
    ]);
    assert_eq!(out.ok().trim(), "0");
    // nomap: the user's own id is not in the container.
    let out = home.husk(&[
        "run",
        "--rm",
        "--userns",
        "nomap",
        "-v",
        &bind,
        &bb(),
        "stat",
        "-c",
        "%u",
        "/mine",
    ]);
    assert_eq!(out.ok().trim(), "65534");
    // auto: two containers, two ranges that do not overlap, kept in the record.
    for name in ["a1", "a2"] {
        home.husk(&[
            "run",
            "-d",
            "--name",
            name,
            "--userns",
            "auto",
            &bb(),
            "sleep",
            "60",
        ])
        .ok();
    }
    let map = |name: &str| {
        let out = home.husk(&[
            "inspect",
            "--format",
            "{{json .HostConfig.IDMappings.UidMap}}",
            name,
        ]);
        out.ok().trim().to_string()
    };
    assert_eq!(map("a1"), r#"["0:1:1024"]"#);
    assert_eq!(map("a2"), r#"["0:1025:1024"]"#);
    let mode = home.husk(&["inspect", "--format", "{{.HostConfig.UsernsMode}}", "a2"]);
    assert_eq!(mode.ok().trim(), "auto");
    let out = home.husk(&["exec", "a2", "stat", "-c", "%u:%g", "/home/user/owned"]);
    assert_eq!(out.ok().trim(), "1000:1000");
    home.husk(&["rm", "-f", "-t", "0", "a1"]).ok();
    // The freed range is taken again.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "a3",
        "--userns",
        "auto:size=100",
        &bb(),
        "sleep",
        "60",
    ])
    .ok();
    assert_eq!(map("a3"), r#"["0:1:100"]"#);
    home.husk(&["rm", "-f", "-t", "0", "a2", "a3"]).ok();
}

#[test]
fn a_new_volume_belongs_to_the_mapped_root() {
    let home = Home::new();
    let vimg = image("volumes:latest");
    home.husk(&["pull", "-q", &vimg]).ok();
    let out = home.husk(&[
        "run",
        "--rm",
        "--uidmap",
        "0:100:2000",
        "-v",
        "empty:/fresh",
        "-v",
        "data:/data",
        &vimg,
        "sh",
        "-c",
        "touch /fresh/x && stat -c '%u:%g' /fresh /data /data/a",
    ]);
    assert_eq!(
        out.ok().lines().collect::<Vec<_>>(),
        ["0:0", "999:999", "1000:1000"]
    );
}

#[test]
fn bad_maps_are_refused() {
    let home = Home::new();
    let bb = bb();
    home.husk(&["pull", "-q", &bb]).ok();
    for (args, needle) in [
        (vec!["--uidmap", "0:1"], "CONTAINER_ID:HOST_ID:SIZE"),
        (vec!["--uidmap", "0:1:0"], "CONTAINER_ID:HOST_ID:SIZE"),
        (vec!["--uidmap", "0:1:999999"], "beyond"),
        (vec!["--uidmap", "1:1:10"], "container id 0"),
        (
            vec!["--uidmap", "0:1:10", "--uidmap", "5:100:10"],
            "same container ids",
        ),
        (
            vec!["--userns", "keep-id", "--uidmap", "0:1:10"],
            "mutually exclusive",
        ),
        (vec!["--userns", "bogus"], "invalid --userns"),
        (vec!["--userns", "auto:size=70000"], "no 70000 ids are free"),
        (
            vec!["--userns", "nomap", "--network", "container:x"],
            "cannot be combined",
        ),
    ] {
        let mut full = vec!["run", "--rm"];
        full.extend(&args);
        full.extend([bb.as_str(), "true"]);
        home.husk(&full).fails(125, needle);
    }
    assert!(
        home.husk(&["ps", "-aq"]).ok().trim().is_empty(),
        "nothing was created"
    );
    if let Some(nosub) = Home::without_subuids() {
        nosub.husk(&["pull", "-q", &bb]).ok();
        nosub
            .husk(&["run", "--rm", "--userns", "auto", &bb, "true"])
            .fails(125, "need subordinate ids");
    } else {
        eprintln!("skipped: single-uid mode (no second user)");
    }
}

#[test]
fn a_gid_map_of_its_own_and_userns_host() {
    let home = Home::new();
    let maps = home
        .husk(&[
            "run",
            "--rm",
            "--uidmap",
            "0:1:5000",
            "--gidmap",
            "0:20000:5000",
            &bb(),
            "sh",
            "-c",
            "cat /proc/self/uid_map /proc/self/gid_map",
        ])
        .ok()
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>();
    assert_eq!(maps, ["0 1 5000", "0 20000 5000"]);
    // --userns host: husk's own namespace, as without the flag.
    let plain = home.husk(&["run", "--rm", &bb(), "cat", "/proc/self/uid_map"]);
    let host = home.husk(&[
        "run",
        "--rm",
        "--userns",
        "host",
        &bb(),
        "cat",
        "/proc/self/uid_map",
    ]);
    assert_eq!(host.ok(), plain.ok());
}
