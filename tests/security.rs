//! Attacks on husk by a hostile image author, registry or local user (issue 11):
//! each test reproduces one and checks that it fails safely, with a clear error.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{chown_to_user, env, image, Home, Run};

fn bad(repo: &str) -> String {
    format!("{}/{repo}", env().bad_registry)
}

fn bb() -> String {
    image("busybox")
}

/// Run husk, killing it after `limit`: a hang is a failure, not a stuck suite.
fn husk_within(home: &Home, limit: Duration, args: &[&str]) -> Run {
    let mut child = home
        .cmd(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "husk {args:?} still ran after {limit:?}\nstderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Run::from(child.wait_with_output().unwrap())
}

/// `husk create --name NAME busybox true`; the container's id.
fn create(home: &Home, name: &str) -> String {
    home.husk(&["create", "--name", name, &bb(), "true"]).ok();
    home.husk(&["inspect", "--format", "{{.Id}}", name])
        .ok()
        .trim()
        .to_string()
}

/// A host file the test user can read, named by the evil-passwd image's symlink.
fn plant_host_passwd(home: &Home) -> PathBuf {
    let secret = env().evil_target.join("secret-passwd");
    std::fs::write(&secret, "evil:x:4242:4242::/host-secret:/bin/sh\n").unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    chown_to_user(home, secret.to_str().unwrap());
    secret
}

#[test]
fn image_symlinks_cannot_read_host_files() {
    let home = Home::new();
    plant_host_passwd(&home);
    let img = image("evil-passwd");
    home.husk(&["pull", "-q", &img]).ok();
    // /etc/passwd -> ../../../../HOST/secret-passwd resolves inside the root: no such user.
    let run = husk_within(
        &home,
        Duration::from_secs(60),
        &["run", "--rm", "-u", "evil", &img, "id"],
    );
    run.fails(125, "evil");
    assert!(!run.stdout.contains("4242"), "{}", run.stdout);
    // Root needs no passwd entry: the container still runs (HOME=/, as runc gives).
    let run = husk_within(
        &home,
        Duration::from_secs(60),
        &["run", "--rm", &img, "sh", "-c", "id -u; echo $HOME"],
    );
    assert_eq!(run.ok(), "0\n/\n");
}

#[test]
fn an_image_passwd_that_is_a_fifo_is_refused_at_once() {
    let home = Home::new();
    let img = image("evil-passwd-fifo");
    home.husk(&["pull", "-q", &img]).ok();
    husk_within(&home, Duration::from_secs(60), &["create", &img])
        .fails(125, "/etc/passwd in the image: not a regular file");
}

#[test]
fn top_and_exec_ignore_a_containers_hostile_passwd() {
    let home = Home::new();
    let secret = plant_host_passwd(&home);
    home.husk(&["run", "-d", "--name", "c", &bb(), "sleep", "300"])
        .ok();
    let link = format!("../../../../../../../../..{}", secret.display());
    home.husk(&[
        "exec",
        "c",
        "sh",
        "-c",
        &format!("rm /etc/passwd && ln -s {link} /etc/passwd"),
    ])
    .ok();
    let limit = Duration::from_secs(30);
    let top = husk_within(&home, limit, &["top", "c"]);
    assert!(!top.ok().contains("evil"), "{}", top.stdout);
    husk_within(&home, limit, &["exec", "-u", "evil", "c", "id"]).fails(125, "evil");
    home.husk(&[
        "exec",
        "c",
        "sh",
        "-c",
        "rm /etc/passwd && mkfifo /etc/passwd",
    ])
    .ok();
    assert!(husk_within(&home, limit, &["top", "c"])
        .ok()
        .contains("sleep"));
    // (`id` itself would block on the FIFO: what must not block is husk's own reading.)
    let run = husk_within(&home, limit, &["exec", "-u", "0", "c", "echo", "ok"]);
    assert_eq!(run.ok(), "ok\n");
    home.husk(&["rm", "-f", "c"]).ok();
}

#[test]
fn the_store_is_private_to_its_user() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let mode = |p: &PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let store = home.store();
    assert_eq!(mode(&store), 0o700);
    // Another local user reaches nothing in it (layers keep set-id files).
    if let Some(other) = env().nosub_user.clone() {
        let layers = store.join("layers");
        let st = Command::new("setpriv")
            .args([
                "--reuid",
                &other,
                "--regid",
                &other,
                "--init-groups",
                "--",
                "ls",
            ])
            .arg(&layers)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(!st.success(), "{other} could list {}", layers.display());
    }
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = home.husk(&["system", "check"]);
    run.fails(125, "problems");
    assert!(run.stdout.contains("open to other users"), "{}", run.stdout);
    home.husk(&["system", "check", "--repair"]).ok();
    assert_eq!(mode(&store), 0o700);
    home.assert_consistent();
}

#[test]
fn cp_out_of_a_container_drops_setid_bits_unless_archive() {
    let home = Home::new();
    // Before the pull: Home::write chowns the whole home, which clears set-id bits in the store.
    home.write("out/.keep", "");
    home.husk(&["run", "-d", "--name", "c", &bb(), "sleep", "300"])
        .ok();
    let out = home.dir.join("out");
    let mode = |p: PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let plain = out.join("plain");
    home.husk(&["cp", "c:/etc/setuid-thing", plain.to_str().unwrap()])
        .ok();
    assert_eq!(mode(plain), 0o755);
    let kept = out.join("kept");
    home.husk(&["cp", "-a", "c:/etc/setuid-thing", kept.to_str().unwrap()])
        .ok();
    assert_eq!(mode(kept), 0o4755);
    // A failed copy of a directory's contents leaves no directory behind.
    let dst = out.join("never");
    home.husk(&["cp", "c:/no/such/dir/.", dst.to_str().unwrap()])
        .fails(125, "");
    assert!(!dst.exists(), "a failed cp left {}", dst.display());
    home.husk(&["rm", "-f", "c"]).ok();
}

#[test]
fn rmi_racing_create_never_breaks_a_container() {
    let home = Home::new();
    for round in 0..6 {
        home.husk(&["pull", "-q", &bb()]).ok();
        let name = format!("race{round}");
        let mut create = home
            // --pull never: a create that lost the race must not pull the image again.
            .cmd(&["create", "--pull", "never", "--name", &name, &bb(), "true"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if round % 2 == 1 {
            std::thread::sleep(Duration::from_millis(5 * round as u64));
        }
        let rmi = home.husk(&["rmi", &bb()]);
        let created = create.wait().unwrap().success();
        assert!(
            created != (rmi.code == 0),
            "round {round}: create {} and rmi {} (exactly one may succeed)\n{}",
            created,
            rmi.code,
            rmi.stderr
        );
        if created {
            assert_eq!(rmi.code, 2, "in use: {}", rmi.stderr);
            home.husk(&["start", "-a", &name]).ok();
            home.husk(&["rm", &name]).ok();
        }
        home.assert_consistent();
    }
}

#[test]
fn a_huge_tar_long_name_is_refused_with_a_short_error() {
    let home = Home::new();
    let run = home.husk(&["pull", &image("evil-longname")]);
    run.fails(125, "long name or PAX header");
    assert!(
        run.stderr.len() < 8192,
        "{} bytes of error",
        run.stderr.len()
    );
    assert_eq!(home.layer_count(), 0);
    home.assert_consistent();
}

#[test]
fn a_huge_manifest_is_refused() {
    let home = Home::new();
    home.husk(&["pull", &bad("hugemanifest")])
        .fails(125, "more than the 4194304 bytes accepted");
    home.assert_consistent();
}

#[test]
fn a_stalled_registry_times_out() {
    let home = Home::new();
    home.write(".config/husk/husk.toml", "registry-read-timeout = \"2s\"\n");
    let limit = Duration::from_secs(60);
    let start = Instant::now();
    husk_within(&home, limit, &["pull", &bad("stallheaders")]).fails(
        125,
        "no answer within 2s (registry-read-timeout in husk.toml)",
    );
    husk_within(&home, limit, &["pull", &bad("stallbody")]).fails(125, "no data for 2s");
    assert!(
        start.elapsed() < Duration::from_secs(45),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(home.layer_count(), 0);
    home.assert_consistent();
    // A registry that stops taking a pushed layer: each streamed PATCH
    // given up after the timeout, resumed, then an error.
    home.husk(&["pull", "-q", &bb()]).ok();
    let ctx = home.dir.join("ctx");
    std::fs::create_dir_all(&ctx).unwrap();
    std::fs::write(ctx.join("data"), common::random_bytes(3 << 20, 7)).unwrap();
    std::fs::write(
        ctx.join("Dockerfile"),
        format!("FROM {}\nCOPY data /data\n", bb()),
    )
    .unwrap();
    let ctx = ctx.to_string_lossy().into_owned();
    chown_to_user(&home, &ctx);
    home.husk(&["build", "-q", "-t", "big", &ctx]).ok();
    let start = Instant::now();
    husk_within(&home, limit, &["push", "big", &bad("stallupload")])
        .fails(
            125,
            "the upload got no further for 2s (registry-read-timeout in husk.toml)",
        )
        .fails(125, "the upload broke 4 times");
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    // One that answers before it has read the layer: an error, not a wait
    // for a body nobody reads any more.
    husk_within(&home, limit, &["push", "big", &bad("earlyreply")])
        .fails(125, "BLOB_UPLOAD_UNKNOWN");
    home.assert_consistent();
    home.write(".config/husk/husk.toml", "registry-read-timeout = \"0s\"\n");
    home.husk(&["pull", &bb()])
        .fails(125, "registry-read-timeout");
}

/// The seccomp probe's answers ("io_uring_setup" -> "EPERM").
fn probe(home: &Home, extra: &[&str]) -> std::collections::HashMap<String, String> {
    let bin = std::env::var("HUSK_TEST_SYSCALLS").expect("tests/run.sh builds the probe");
    let volume = format!("{bin}:/probe:ro");
    let mut args = vec!["run", "--rm", "-v", &volume];
    args.extend_from_slice(extra);
    let bb = bb();
    args.extend([bb.as_str(), "/probe"]);
    home.husk(&args)
        .ok()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_default_seccomp_filter_is_dockers_allow_list() {
    let home = Home::new();
    let got = probe(&home, &[]);
    for (call, want) in [
        ("getpid", "ok"),
        ("personality_query", "ok"),
        ("personality_linux", "ok"),
        ("socket_inet", "ok"),
        ("io_uring_setup", "EPERM"),
        ("personality_addr_no_randomize", "EPERM"),
        ("personality_read_implies_exec", "EPERM"),
        ("socket_vsock", "EPERM"),
        ("unshare_mount", "EPERM"),
        ("clone_newns", "EPERM"),
        ("clone3", "ENOSYS"),
        ("mount", "EPERM"),
        ("keyctl", "EPERM"),
        ("unknown_1000", "EPERM"),
        ("x32_getpid", "EPERM"),
    ] {
        assert_eq!(
            got.get(call).map(String::as_str),
            Some(want),
            "{call}: {got:?}"
        );
    }
    // CAP_SYS_ADMIN opens what docker's profile gives it.
    let got = probe(&home, &["--cap-add", "SYS_ADMIN"]);
    assert_ne!(got["clone3"], "ENOSYS", "{got:?}");
    assert_ne!(got["unshare_mount"], "EPERM", "{got:?}");
    // Unconfined: the kernel answers (ENOSYS for a syscall that does not exist).
    let got = probe(&home, &["--security-opt", "seccomp=unconfined"]);
    assert_eq!(got["unknown_1000"], "ENOSYS", "{got:?}");
    assert_ne!(got["socket_vsock"], "EPERM", "{got:?}");
}

#[test]
fn non_utf8_arguments_never_panic() {
    let home = Home::new();
    let bad_arg = OsStr::from_bytes(b"/tmp/\xff\xfe-not-utf8");
    let help = home.husk(&["--help"]).ok().to_string();
    // Every group of the grouped help ("Common Commands:", "Management Commands:", "Commands:").
    let mut in_group = false;
    let commands: Vec<String> = help
        .lines()
        .filter(|l| {
            if l.ends_with("Commands:") {
                in_group = true;
                return false;
            }
            if !l.starts_with("  ") {
                in_group = false;
            }
            in_group
        })
        .filter_map(|l| l.split_whitespace().next().map(String::from))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() > 20, "{commands:?}");
    let mut cases: Vec<Vec<&OsStr>> = commands
        .iter()
        .map(|c| vec![OsStr::new(c.as_str()), bad_arg])
        .collect();
    let img = bb();
    for flag in [
        "--env-file",
        "--cidfile",
        "--authfile",
        "--name",
        "-v",
        "--workdir",
    ] {
        cases.push(vec![
            OsStr::new("create"),
            OsStr::new(flag),
            bad_arg,
            OsStr::new(img.as_str()),
        ]);
    }
    cases.push(vec![
        OsStr::new("pull"),
        OsStr::new("--authfile"),
        bad_arg,
        OsStr::new(img.as_str()),
    ]);
    cases.push(vec![
        OsStr::new("login"),
        OsStr::new("--authfile"),
        bad_arg,
        OsStr::new("x"),
    ]);
    cases.push(vec![OsStr::new("--root"), bad_arg, OsStr::new("images")]);
    for args in cases {
        let out = home.cmd(&[]).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(101), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    home.husk(&["rm", "-a", "-f"]);
}

#[test]
fn replace_checks_the_new_options_before_removing_the_old_container() {
    let home = Home::new();
    home.husk(&["run", "-d", "--name", "web", &bb(), "sleep", "300"])
        .ok();
    home.husk(&[
        "run",
        "-d",
        "--replace",
        "--name",
        "web",
        "--log-opt",
        "bogus=1",
        &bb(),
        "true",
    ])
    .fails(125, "bogus");
    home.husk(&[
        "run",
        "-d",
        "--replace",
        "--name",
        "web",
        "--restart",
        "sometimes",
        &bb(),
        "true",
    ])
    .fails(125, "sometimes");
    // A bind source the user may not make fails before the old container goes too.
    home.husk(&[
        "run",
        "-d",
        "--replace",
        "--name",
        "web",
        "-v",
        "/no/such/dir:/data",
        &bb(),
        "true",
    ])
    .fails(125, "creating the bind source");
    let ps = home
        .husk(&["ps", "--format", "{{.Names}} {{.Status}}"])
        .ok()
        .to_string();
    assert!(
        ps.starts_with("web Up"),
        "the old container must still run: {ps}"
    );
    home.husk(&[
        "run",
        "-d",
        "--replace",
        "--name",
        "web",
        &bb(),
        "sleep",
        "301",
    ])
    .ok();
    let ps = home
        .husk(&["ps", "--format", "{{.Command}}"])
        .ok()
        .to_string();
    assert!(ps.contains("301"), "{ps}");
    home.husk(&["rm", "-f", "web"]).ok();
}

#[test]
fn a_rename_cut_short_leaves_the_old_name_free() {
    let home = Home::new();
    // Names that cannot be taken for an id prefix (hex), which lookups also accept.
    let id = create(&home, "first");
    home.husk(&["rename", "first", "second"]).ok();
    // As if husk had died before removing the old link.
    let names = home.store().join("containers/names");
    std::os::unix::fs::symlink(&id, names.join("first")).unwrap();
    home.husk(&["container", "inspect", "first"])
        .fails(125, "no such container");
    home.husk(&["create", "--name", "first", &bb(), "true"])
        .ok();
    // Renaming to its own name keeps the name taken.
    home.husk(&["rename", "second", "second"]).ok();
    home.husk(&["create", "--name", "second", &bb(), "true"])
        .fails(125, "already in use");
    home.husk(&["rm", "first", "second"]).ok();
}

#[test]
fn an_unreadable_container_record_keeps_every_layer() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let id = create(&home, "c");
    let record = home
        .store()
        .join("containers")
        .join(&id)
        .join("container.json");
    std::fs::write(&record, "{ not json").unwrap();
    let layers = home.layer_count();
    let run = home.husk(&["rmi", "-f", &bb()]);
    assert!(run.stderr.contains("unreadable record"), "{}", run.stderr);
    assert_eq!(
        home.layer_count(),
        layers,
        "GC must not collect what the record may use"
    );
    let check = home.husk(&["system", "check"]);
    assert!(
        check.stdout.contains("unreadable record"),
        "{}",
        check.stdout
    );
    home.husk(&["rm", "-f", &id]).ok();
    home.husk(&["image", "prune", "-f"]).ok();
    assert_eq!(home.layer_count(), 0);
    home.assert_consistent();
}

#[test]
fn a_container_whose_layer_is_gone_is_reported() {
    let home = Home::new();
    home.husk(&["create", "--name", "c", &bb(), "true"]).ok();
    let layer = &common::facts("busybox", "diff_ids")[0];
    let dir = home.layer(layer);
    // Gone behind husk's back (the tests run as root; the tree is the namespace's to delete).
    std::fs::rename(dir.parent().unwrap(), home.dir.join("moved-layer")).unwrap();
    let check = home.husk(&["system", "check"]);
    assert!(
        check.stdout.contains("container c cannot start"),
        "{}",
        check.stdout
    );
    home.husk(&["rm", "c"]).ok();
}

#[test]
fn an_image_config_without_history_is_accepted() {
    let home = Home::new();
    let img = image("nohistory");
    home.husk(&["pull", "-q", &img]).ok();
    assert_eq!(home.husk(&["run", "--rm", &img, "echo", "hi"]).ok(), "hi\n");
}

#[test]
fn without_xdg_runtime_dir_every_helper_agrees_on_the_runtime_dir() {
    let home = Home::new();
    let uid = common::uid_of(&home.user);
    let run_dir = PathBuf::from(format!("/tmp/husk-run-{uid}"));
    let husk = |args: &[&str]| {
        let out = home
            .cmd(args)
            .env_remove("XDG_RUNTIME_DIR")
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    };
    let info = husk(&["info", "--format", "json"]).json();
    assert_eq!(
        info["store"]["runRoot"],
        run_dir.display().to_string(),
        "{info}"
    );
    husk(&["run", "-d", "--name", "c", &bb(), "sleep", "300"]).ok();
    let id = husk(&["inspect", "--format", "{{.Id}}", "c"])
        .ok()
        .trim()
        .to_string();
    // The monitor (inside the user namespace) wrote its pid file where commands outside look.
    assert!(
        run_dir.join(format!("{id}.pid")).exists(),
        "no pid file in {}",
        run_dir.display()
    );
    let unit = husk(&["generate", "systemd", "c"]).ok().to_string();
    assert!(
        unit.contains(&format!("PIDFile={}/{id}.pid", run_dir.display())),
        "{unit}"
    );
    husk(&["system", "reset", "-f"]).ok();
    assert!(!PathBuf::from("/tmp/husk-run-0").join("pause.pid").exists() || uid == 0);
}

#[test]
fn generate_systemd_new_keeps_flag_values_and_the_store() {
    let home = Home::new();
    let data = home.dir.join("data");
    home.write("data/.keep", "");
    let root = home.dir.join("other-store");
    let root_s = root.to_str().unwrap();
    let volume = format!("-v{}:/data", data.display());
    home.husk(&[
        "--root",
        root_s,
        "create",
        "--name",
        "web",
        &volume,
        "-e",
        "A=-d",
        &bb(),
        "sleep",
        "1",
    ])
    .ok();
    let unit = home
        .husk(&["--root", root_s, "generate", "systemd", "--new", "web"])
        .ok()
        .to_string();
    let start = unit.lines().find(|l| l.starts_with("ExecStart=")).unwrap();
    assert!(start.contains(&volume), "{start}");
    assert!(start.contains(&format!("--root {root_s} run")), "{start}");
    assert!(start.contains("-e A=-d"), "{start}");
    let stop = unit.lines().find(|l| l.starts_with("ExecStop=")).unwrap();
    assert!(stop.contains(&format!("--root {root_s} stop")), "{stop}");
    home.husk(&["--root", root_s, "rm", "web"]).ok();
}

#[test]
fn kill_9_at_random_points_leaves_a_repairable_store() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("seed {seed}");
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let img = bb();
    for round in 0..12 {
        let name = format!("k{round}");
        let args: Vec<&str> = match next(5) {
            0 => vec!["pull", &img],
            1 => vec!["run", "-d", "--name", &name, &img, "sleep", "300"],
            2 => vec!["rm", "-f", "-a"],
            3 => vec!["rmi", "-f", &img],
            _ => vec!["create", "--name", &name, &img, "true"],
        };
        let mut child = home
            .cmd(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(next(150)));
        let _ = child.kill();
        let _ = child.wait();
        // Another command racing what the killed one left.
        let _ = home.husk(&["create", &img, "true"]);
    }
    home.husk(&["rm", "-f", "-a"]).ok();
    let repair = home.husk(&["system", "check", "--repair"]);
    assert_eq!(repair.code, 0, "{}{}", repair.stdout, repair.stderr);
    home.assert_consistent();
    home.husk(&["run", "--rm", &img, "true"]).ok();
}

#[test]
fn a_monitor_started_by_hand_leaves_its_fd_3_alone() {
    use std::os::fd::AsRawFd;
    use std::os::unix::process::CommandExt;
    let home = Home::new();
    let id = create(&home, "c");
    home.write("fd3", "");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(home.dir.join("fd3"))
        .unwrap();
    let raw = file.as_raw_fd();
    let store = home.store();
    let mut cmd = home.cmd(&[
        "--root",
        store.to_str().unwrap(),
        "--storage-driver",
        "fuse-overlay",
        "monitor",
        &id,
    ]);
    // SAFETY: dup2 between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::dup2(raw, 3) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    // The container ran (its monitor recorded the exit), and fd 3 got nothing.
    let state = home
        .husk(&["inspect", "--format", "{{.State.Status}}", "c"])
        .ok()
        .to_string();
    assert_eq!(state.trim(), "exited");
    assert_eq!(std::fs::read_to_string(home.dir.join("fd3")).unwrap(), "");
    home.husk(&["rm", "c"]).ok();
}

/// An image whose mount destination is a link to its root (`/config -> /`):
/// a bind there would be stacked on the whole root, its read-only remount
/// would miss it, and the container (or a stopped one's `cp`) would enter the
/// user's directory writable. Refused at the start and at the copy.
#[test]
fn a_mount_destination_that_is_the_root_itself_is_refused() {
    let home = Home::new();
    home.write(
        "ctx/Dockerfile",
        &format!("FROM {}\nRUN ln -s / /config\n", bb()),
    );
    home.write("cfg/app.conf", "kept\n");
    home.write("x", "x\n");
    let ctx = home.dir.join("ctx").to_string_lossy().into_owned();
    home.husk(&["build", "-q", "-t", "rootlink", &ctx]).ok();
    let bind = format!("{}:/config:ro", home.dir.join("cfg").display());
    let refused = "the mount destination /config is the container's root itself";
    home.husk(&["run", "--rm", "-v", &bind, "rootlink", "true"])
        .fails(125, refused);
    home.husk(&["create", "--name", "rl", "-v", &bind, "rootlink", "true"])
        .ok();
    let x = home.dir.join("x").to_string_lossy().into_owned();
    home.husk(&["cp", &x, "rl:/"]).fails(125, refused);
    assert!(
        !home.dir.join("cfg/x").exists(),
        "the copy wrote into the read-only bind"
    );
    home.husk(&["rm", "rl"]).ok();
}

/// A tmpfs mounted (by root, as a user's USB stick or a systemd mount would
/// be) beneath a directory that a container binds; unmounted when dropped.
struct Submount(PathBuf);

impl Submount {
    fn tmpfs(home: &Home, at: &str) -> Option<Submount> {
        env().user.as_ref()?;
        let path = home.dir.join(at);
        std::fs::create_dir_all(&path).unwrap();
        let uid = common::uid_of(&home.user);
        let opts = format!("size=1m,mode=0755,uid={uid},gid={uid}");
        let st = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &opts, "tmpfs"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(st.success(), "mount tmpfs");
        Some(Submount(path))
    }
}

impl Drop for Submount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// `-v SRC:DST:ro` is read-only beneath too: a mount under SRC (here a
/// tmpfs) was writable to the container and to `cp` while its top was
/// read-only. As docker 25 does: recursively read-only (mount_setattr), with
/// `--mount ...,bind-recursive=writable` for the old way, `=readonly` to
/// insist, `=disabled` (podman's `-v ...:bind`) for the top mount alone.
#[test]
fn a_read_only_bind_is_read_only_beneath_it_too() {
    let home = Home::new();
    let Some(sub) = Submount::tmpfs(&home, "src/sub") else {
        eprintln!("skipped: needs root to mount beneath a bind's source");
        return;
    };
    std::fs::write(sub.0.join("marker"), "beneath\n").unwrap();
    let src = home.dir.join("src").to_string_lossy().into_owned();
    chown_to_user(&home, &src);
    let probe = "for d in /data /data/sub; do \
                 if touch $d/new 2>/dev/null; then echo $d rw; else echo $d ro; fi; done; \
                 cat /data/sub/marker 2>/dev/null || echo no marker";
    let image = bb();
    let run = |mount: &[&str]| {
        let mut args = vec!["run", "--rm"];
        args.extend_from_slice(mount);
        args.extend_from_slice(&[&image, "sh", "-c", probe]);
        let out = home.husk(&args).ok().to_string();
        let _ = std::fs::remove_file(sub.0.join("new"));
        let _ = std::fs::remove_file(home.dir.join("src/new"));
        out
    };
    let v = |opts: &str| format!("{src}:/data{opts}");
    let m = |keys: &str| format!("type=bind,src={src},dst=/data,{keys}");
    assert_eq!(run(&["-v", &v("")]), "/data rw\n/data/sub rw\nbeneath\n");
    assert_eq!(run(&["-v", &v(":ro")]), "/data ro\n/data/sub ro\nbeneath\n");
    assert_eq!(
        run(&["--mount", &m("readonly,bind-recursive=readonly")]),
        "/data ro\n/data/sub ro\nbeneath\n"
    );
    assert_eq!(
        run(&["--mount", &m("readonly,bind-recursive=writable")]),
        "/data ro\n/data/sub rw\nbeneath\n"
    );
    // The top mount alone would show what the tmpfs covers: the kernel binds
    // a mount that is not the user's only with the mount above it.
    let alone = ["run", "--rm", "-v", &v(":ro,bind"), &image, "true"];
    home.husk(&alone)
        .fails(125, "it has mounts beneath it that are not yours");
    // A stopped container's copy goes through the same binds.
    home.husk(&["create", "--name", "rro", "-v", &v(":ro"), &image, "true"])
        .ok();
    let x = home.dir.join("x");
    std::fs::write(&x, "x\n").unwrap();
    let out = home.husk(&["cp", x.to_str().unwrap(), "rro:/data/sub/"]);
    assert_eq!(out.code, 125, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "Error: cannot write /data/sub/x: read-only file system (a read-only mount?)\n"
    );
    assert!(
        !sub.0.join("x").exists(),
        "the copy wrote beneath the read-only bind"
    );
    home.husk(&["rm", "rro"]).ok();
}
