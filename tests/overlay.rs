//! The storage drivers against each other: the same file system operations on
//! the kernel overlay and on husk's FUSE overlay must give the same results,
//! as the container sees them and in the upper layer they leave behind.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;

use common::{image, xattr, Home};

const DRIVERS: [&str; 2] = ["overlay", "fuse-overlay"];

/// One line per entry of an upper directory: type, mode, owner, links, size, markers.
fn describe_tree(root: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let m = std::fs::symlink_metadata(&path).unwrap();
            let ft = m.file_type();
            let kind = if ft.is_dir() {
                stack.push(path.clone());
                "dir"
            } else if ft.is_char_device() && m.rdev() == 0 {
                "whiteout"
            } else if ft.is_symlink() {
                "symlink"
            } else if ft.is_fifo() {
                "fifo"
            } else {
                "file"
            };
            let size = if ft.is_file() {
                m.len().to_string()
            } else {
                "-".into()
            };
            let opaque = if ft.is_dir() {
                xattr(&path, "user.overlay.opaque").unwrap_or_default()
            } else {
                String::new()
            };
            let over = if ft.is_symlink() {
                None
            } else {
                xattr(&path, "user.containers.override_stat")
            };
            let target = if ft.is_symlink() {
                std::fs::read_link(&path).unwrap().display().to_string()
            } else {
                String::new()
            };
            let line = format!(
                "{kind} {:o} {}:{} nlink={} size={size} opaque={opaque} override={} {target}",
                m.mode() & 0o7777,
                m.uid(),
                m.gid(),
                // The kernel hard-links all its whiteouts to one inode: their count means nothing.
                if ft.is_dir() || kind == "whiteout" {
                    0
                } else {
                    m.nlink()
                },
                over.unwrap_or_default()
            );
            out.insert(path.strip_prefix(root).unwrap().display().to_string(), line);
        }
    }
    out
}

#[test]
fn both_drivers_agree() {
    let home = Home::new();
    let t = home.dir.join("t");
    std::fs::create_dir(&t).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fsops.sh"),
        t.join("fsops.sh"),
    )
    .unwrap();
    let vol = format!("{}:/t:ro", t.display());
    home.husk(&["pull", "-q", &image("busybox")]).ok();
    let mut outputs = Vec::new();
    let mut trees = Vec::new();
    for driver in DRIVERS {
        let name = format!("ops-{driver}");
        let run = home.husk(&[
            "--storage-driver",
            driver,
            "run",
            "--name",
            &name,
            "-v",
            &vol,
            &image("busybox"),
            "sh",
            "/t/fsops.sh",
        ]);
        assert_eq!(run.code, 0, "{driver}: {}{}", run.stdout, run.stderr);
        assert!(run.stdout.ends_with("done\n"), "{driver}: {}", run.stdout);
        outputs.push(run.stdout.clone() + &run.stderr);
        let id = std::fs::read_link(home.store().join("containers/names").join(&name)).unwrap();
        trees.push(describe_tree(
            &home.store().join("containers").join(id).join("upper"),
        ));
    }
    assert_eq!(
        outputs[0], outputs[1],
        "what the container saw differs between the drivers"
    );
    // Set-id bits: any write or truncation clears them (even root's, in a user namespace), and chown.
    for line in [
        "write by a user: 777",
        "truncate by a user: 777",
        "write by root: 777", // capable(CAP_FSETID) asks the initial namespace
        "chown: 755",
    ] {
        assert!(outputs[1].contains(line), "{line}: {}", outputs[1]);
    }
    // A write in the middle of a lower file through a write-only open; a dated new file.
    for line in ["\nroXY:x\n", "written mtime 1234500000 size 3\n"] {
        assert!(outputs[1].contains(line), "{line:?}: {}", outputs[1]);
    }
    // Unmounted and mounted again (husk start -a): the same tree, on both drivers.
    std::fs::write(t.join("verify"), "").unwrap();
    for (i, driver) in DRIVERS.iter().enumerate() {
        let name = format!("ops-{driver}");
        let again = home.husk(&["--storage-driver", driver, "start", "-a", &name]);
        assert_eq!(again.code, 0, "{driver}: {}{}", again.stdout, again.stderr);
        let before = &outputs[i][outputs[i].find("== tree").expect("a tree listing")..];
        for line in [
            "\n/sym -> /target/anywhere\n",
            "\n/newlink regular file 644 1000:1000 2 4\n",
        ] {
            assert!(before.contains(line), "{driver}: {line:?} not in {before}");
        }
        assert_eq!(
            format!("{}done\n", again.stdout),
            before,
            "{driver}: the tree changed across a remount"
        );
        let id = std::fs::read_link(home.store().join("containers/names").join(&name)).unwrap();
        let upper = describe_tree(&home.store().join("containers").join(id).join("upper"));
        assert_eq!(
            upper, trees[i],
            "{driver}: the upper layer changed across a remount"
        );
    }
    let (kernel, fuse) = (&trees[0], &trees[1]);
    // The mountpoints of the container's file binds, where the image has none,
    // are made in a layer of the container's own under the upper one, by both
    // drivers: not in the upper layer, so not in `diff` nor `commit`.
    for m in [
        ".dockerenv",
        "etc/hosts",
        "etc/hostname",
        "etc/resolv.conf",
        "run/.containerenv",
    ] {
        assert!(!kernel.contains_key(m), "overlay: {m} in the upper layer");
        assert!(!fuse.contains_key(m), "fuse: {m} in the upper layer");
    }
    for path in kernel.keys().chain(fuse.keys()) {
        assert_eq!(
            kernel.get(path),
            fuse.get(path),
            "upper layer entry {path} differs (kernel vs fuse)"
        );
    }
    // The operations really happened: whiteouts, an opaque directory, copy-ups with their metadata.
    assert!(
        fuse["etc/group"].starts_with("whiteout"),
        "{}",
        fuse["etc/group"]
    );
    assert!(
        fuse["home/user"].contains("opaque=y"),
        "{}",
        fuse["home/user"]
    );
    assert!(fuse["home/user"].starts_with("dir"));
    assert!(
        fuse["etc/passwd"].starts_with("file 644"),
        "{}",
        fuse["etc/passwd"]
    );
    assert!(fuse["newlink"].contains("nlink=2"), "{}", fuse["newlink"]);
}

#[test]
fn fuse_overlay_basics_and_info() {
    let home = Home::new();
    let driver_info = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["info", "--format", "{{.store.graphDriverName}}"]);
        home.husk(&all).ok().trim().to_string()
    };
    // $HUSK_STORAGE_DRIVER (passed on by the harness) would beat the default and husk.toml.
    let env_driver = std::env::var_os("HUSK_STORAGE_DRIVER").is_some();
    if !env_driver {
        assert_eq!(driver_info(&[]), "fuse-overlay", "the default driver");
    }
    let root_fs = |args: &[&str]| {
        let mut all = args.to_vec();
        let cmd = "mount | head -1 | cut -d' ' -f5";
        let bb = image("busybox");
        all.extend(["run", "--rm", "-q", &bb, "sh", "-c", cmd]);
        home.husk(&all).ok().trim().to_string()
    };
    // husk.toml chooses the kernel's; the flag still wins.
    home.write(".config/husk/husk.toml", "storage-driver = \"overlay\"\n");
    if !env_driver {
        assert_eq!(driver_info(&[]), "overlay");
        assert_eq!(root_fs(&[]), "overlay");
    }
    let flag = ["--storage-driver", "fuse-overlay"];
    assert_eq!(driver_info(&flag), "fuse-overlay");
    assert_eq!(root_fs(&flag), "fuse.husk");
    // The monitor unmounts and stops its server when the container exits: --rm can remove everything.
    let left: Vec<_> = std::fs::read_dir(home.store().join("containers"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["names"]);
    home.husk(&["--storage-driver", "btrfs", "info"])
        .fails(125, "invalid value");
}

#[test]
fn vfs_driver_runs_on_a_full_copy() {
    let home = Home::new();
    let bb = image("busybox");
    home.husk(&["pull", "-q", &bb]).ok();
    let vfs = |args: &[&str]| {
        let mut all = vec!["--storage-driver", "vfs"];
        all.extend(args);
        home.husk(&all)
    };
    let show = "stat -c '%u:%g %a' /home/user/owned; cat /made 2>/dev/null; echo new >> /made";
    let out = vfs(&["run", "--name", "v", &bb, "sh", "-c", show]);
    assert_eq!(out.ok(), "1000:1000 640\n");
    let id = home
        .husk(&["inspect", "--format", "{{.Id}}", "v"])
        .ok()
        .trim()
        .to_string();
    let dir = home.store().join("containers").join(&id);
    // The root is a plain directory of the container's; its upper layer stays empty.
    assert_eq!(
        std::fs::read_to_string(dir.join("vfs/made")).unwrap(),
        "new\n"
    );
    let st = std::fs::metadata(dir.join("vfs/home/user/owned")).unwrap();
    assert_eq!(st.uid(), common::subuid_start(&home.user) + 999);
    assert_eq!(std::fs::read_dir(dir.join("upper")).unwrap().count(), 0);
    // Started again: what it wrote is there.
    let again = vfs(&["start", "-a", "v"]);
    assert_eq!(again.ok(), "1000:1000 640\nnew\n");
    // cp of the stopped container reads its vfs root; diff says it cannot.
    let to = home.dir.join("made");
    vfs(&["cp", "v:/made", to.to_str().unwrap()]).ok();
    assert_eq!(std::fs::read_to_string(&to).unwrap(), "new\nnew\n");
    // Started with the default driver: its record's driver makes its root still.
    let again = home.husk(&["start", "-a", "v"]);
    assert_eq!(again.ok(), "1000:1000 640\nnew\nnew\n");
    home.husk(&["diff", "v"]).fails(125, "vfs driver");
    home.husk(&["rm", "v"]).ok();
    assert!(!dir.exists());
    home.assert_consistent();
}

/// The pages of `file` in the page cache, in bytes (mincore of a mapping).
fn resident_bytes(file: &Path) -> u64 {
    use std::os::fd::AsRawFd;
    let f = std::fs::File::open(file).unwrap();
    let len = f.metadata().unwrap().len() as usize;
    let page = 4096;
    // SAFETY: a private read-only mapping of an open file, unmapped below; mincore
    // writes one byte per page into a vector of that many.
    unsafe {
        let addr = libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ,
            libc::MAP_PRIVATE,
            f.as_raw_fd(),
            0,
        );
        assert_ne!(addr, libc::MAP_FAILED);
        let mut pages = vec![0u8; len.div_ceil(page)];
        assert_eq!(libc::mincore(addr, len, pages.as_mut_ptr()), 0);
        libc::munmap(addr, len);
        pages.iter().filter(|p| **p & 1 == 1).count() as u64 * page as u64
    }
}

#[test]
fn a_large_file_read_through_fuse_is_not_cached_twice() {
    let home = Home::new();
    let bb = image("busybox");
    let fuse = ["--storage-driver", "fuse-overlay"];
    let run = |args: &[&str]| {
        let mut all = fuse.to_vec();
        all.extend(args);
        home.husk(&all).ok().to_string()
    };
    run(&[
        "run",
        "--name",
        "mk",
        &bb,
        "sh",
        "-c",
        "dd if=/dev/urandom of=/big bs=1M count=24 2>/dev/null",
    ]);
    run(&["commit", "mk", "bigfile"]);
    let big = std::fs::read_dir(home.store().join("layers"))
        .unwrap()
        .map(|e| e.unwrap().path().join("diff/big"))
        .find(|p| p.is_file())
        .expect("the committed layer's file");
    let store = std::fs::File::open(home.store()).unwrap();
    // SAFETY: statfs and syncfs of an open directory.
    unsafe {
        let mut fs: libc::statfs = std::mem::zeroed();
        assert_eq!(
            libc::fstatfs(std::os::fd::AsRawFd::as_raw_fd(&store), &mut fs),
            0
        );
        if fs.f_type == libc::TMPFS_MAGIC {
            eprintln!("skipped: the store is on tmpfs, whose pages cannot be dropped");
            return;
        }
        // Written pages are dirty until written back, and dirty pages are not dropped.
        assert_eq!(libc::syncfs(std::os::fd::AsRawFd::as_raw_fd(&store)), 0);
    }
    run(&["run", "--rm", "bigfile", "sh", "-c", "cat /big > /dev/null"]);
    // The first 8 MiB stay (small files are shared by containers through the
    // layer's copy), the rest is dropped behind the reads in 2 MiB blocks.
    let resident = resident_bytes(&big);
    assert!(
        resident <= 12 << 20,
        "{} MiB of the 24 MiB layer file still cached after the container read it",
        resident >> 20
    );
}
