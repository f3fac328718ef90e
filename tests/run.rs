//! `husk run` in the foreground, as an unprivileged user.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::time::{Duration, Instant};

use common::{env, image, Home};

fn bb() -> String {
    image("busybox")
}

/// A host directory the test user can write, for volumes.
fn shared_dir(home: &Home, name: &str) -> std::path::PathBuf {
    let dir = home.dir.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    dir
}

#[test]
fn output_exit_codes_and_stdin() {
    let home = Home::new();
    let run = home.husk(&["run", "--rm", "-q", &bb(), "echo", "hello"]);
    assert_eq!(run.ok(), "hello\n");
    assert_eq!(
        home.husk(&["run", "--rm", &bb(), "sh", "-c", "exit 7"])
            .code,
        7
    );
    home.husk(&["run", "--rm", &bb(), "nosuchcommand"]).fails(
        127,
        "exec: \"nosuchcommand\": executable file not found in $PATH",
    );
    home.husk(&["run", "--rm", &bb(), "/etc/passwd"])
        .fails(126, "exec: \"/etc/passwd\": permission denied");
    home.husk(&["run", "--rm", "--bogus", &bb(), "true"])
        .fails(125, "--bogus");
    home.husk(&["run", "--rm", &image("nosuchimage"), "true"])
        .fails(125, "not found");
    home.husk(&["run", "--rm", "-u", "nobody-here", &bb(), "true"])
        .fails(125, "unable to find user nobody-here");
    let run = home.husk_stdin(&["run", "--rm", "-i", &bb(), "wc", "-c"], "twelve bytes");
    assert_eq!(run.ok().trim(), "12");
    // Without -i the container's stdin is empty.
    let run = home.husk_stdin(&["run", "--rm", &bb(), "wc", "-c"], "ignored");
    assert_eq!(run.ok().trim(), "0");
    // A signal death is 128+N (under --init: PID 1 itself cannot be killed from inside).
    assert_eq!(
        home.husk(&["run", "--rm", "--init", &bb(), "sh", "-c", "kill -9 $$"])
            .code,
        137
    );
}

#[test]
fn image_config_and_options() {
    let home = Home::new();
    home.write("envfile", "FROM_FILE=yes\n# comment\nB=file\n");
    let envfile = home.dir.join("envfile");
    let out = home
        .husk(&[
            "run",
            "--rm",
            "-e",
            "A=1",
            "-e",
            "B=cli",
            "--env-file",
            envfile.to_str().unwrap(),
            "-w",
            "/tmp/new/dir",
            "-h",
            "box",
            &bb(),
            "sh",
            "-c",
            "echo $A $B $FROM_FILE; pwd; hostname; echo $HOSTNAME; echo $PATH",
        ])
        .ok()
        .to_string();
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "1 cli yes",
            "/tmp/new/dir",
            "box",
            "box",
            "/usr/sbin:/usr/bin:/sbin:/bin"
        ]
    );
    assert_eq!(
        home.husk(&["run", "--rm", "-u", "1000:1000", &bb(), "id"])
            .ok()
            .trim(),
        "uid=1000(user) gid=1000(user) groups=1000(user)"
    );
    assert_eq!(
        home.husk(&["run", "--rm", "-u", "user", &bb(), "sh", "-c", "echo $HOME"])
            .ok()
            .trim(),
        "/home/user"
    );
    // The image's Cmd is sh; --entrypoint replaces it.
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "--entrypoint",
            "echo",
            &bb(),
            "from",
            "entrypoint"
        ])
        .ok()
        .trim(),
        "from entrypoint"
    );
    // Image files keep their owners, as the container sees them.
    let ls = home
        .husk(&[
            "run",
            "--rm",
            &bb(),
            "stat",
            "-c",
            "%U:%G %a",
            "/home/user/owned",
        ])
        .ok()
        .to_string();
    assert_eq!(ls.trim(), "user:user 640");
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "--ulimit",
            "nofile=100:200",
            &bb(),
            "sh",
            "-c",
            "ulimit -n"
        ])
        .ok()
        .trim(),
        "100"
    );
}

#[test]
fn volumes_tmpfs_and_read_only() {
    let home = Home::new();
    let dir = shared_dir(&home, "vol");
    std::fs::write(dir.join("in"), "from host\n").unwrap();
    let v = format!("{}:/data", dir.display());
    let v_ro = format!("{}:/data:ro", dir.display());
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "-v",
            &v,
            &bb(),
            "sh",
            "-c",
            "cat /data/in; echo out > /data/out"
        ])
        .ok(),
        "from host\n"
    );
    assert_eq!(std::fs::read_to_string(dir.join("out")).unwrap(), "out\n");
    let run = home.husk(&[
        "run",
        "--rm",
        "-v",
        &v_ro,
        &bb(),
        "sh",
        "-c",
        "echo x > /data/nope",
    ]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("Read-only file system"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("nope").exists());
    // -v makes a missing source as docker does; where the user may not, that is said.
    home.husk(&["run", "--rm", "-v", "/no/such/dir:/data", &bb(), "true"])
        .fails(
            125,
            "creating the bind source /no/such/dir: Permission denied",
        );
    let run = home.husk(&[
        "run",
        "--rm",
        "--read-only",
        "--tmpfs",
        "/scratch",
        &bb(),
        "sh",
        "-c",
        "touch /scratch/ok && echo ok; touch /nope",
    ]);
    assert!(
        run.stdout.contains("ok") && run.stderr.contains("Read-only file system"),
        "{}{}",
        run.stdout,
        run.stderr
    );
    // A working directory the image lacks is made before the root turns read-only, as docker's.
    let run = home.husk(&["run", "--rm", "--read-only", "-w", "/srv/app", &bb(), "pwd"]);
    assert_eq!(run.ok(), "/srv/app\n");
    // Writes go to the container's own layer, not the image.
    home.husk(&[
        "run",
        "--rm",
        &bb(),
        "sh",
        "-c",
        "echo changed > /etc/passwd",
    ])
    .ok();
    assert!(home
        .husk(&["run", "--rm", &bb(), "cat", "/etc/passwd"])
        .ok()
        .starts_with("root:x:0:0"));
    // inspect lists the user's mounts, as given, and none of husk's own.
    home.husk(&[
        "create",
        "--name",
        "m",
        "-v",
        &v_ro,
        "--tmpfs",
        "/scratch:size=1m",
        &bb(),
        "true",
    ])
    .ok();
    let got = home
        .husk(&[
            "inspect",
            "--format",
            "{{json .Mounts}} {{json .HostConfig.Binds}} {{json .HostConfig.Tmpfs}}",
            "m",
        ])
        .ok()
        .trim()
        .to_string();
    let want = format!(
        r#"[{{"Type":"bind","Source":"{0}","Destination":"/data","RW":false}}] ["{0}:/data:ro"] {{"/scratch":"size=1m"}}"#,
        dir.display()
    );
    assert_eq!(got, want);
    home.husk(&["rm", "m"]).ok();
    // --mount, docker's long form, into the same mounts.
    let long = format!("type=bind,src={},dst=/data,readonly", dir.display());
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "--mount",
            &long,
            "--mount",
            "type=tmpfs,dst=/scratch,tmpfs-size=1m",
            &bb(),
            "sh",
            "-c",
            "cat /data/in; touch /data/x 2>/dev/null || echo read-only; grep -c /scratch /proc/mounts",
        ])
        .ok(),
        "from host\nread-only\n1\n"
    );
    // Unlike -v, a missing source is refused; a named volume is made on first use.
    home.husk(&[
        "run",
        "--rm",
        "--mount",
        "type=bind,src=/no/such/dir,dst=/x",
        &bb(),
        "true",
    ])
    .fails(125, "bind source path does not exist");
    home.husk(&["run", "--rm", "--mount", "src=data,dst=/x", &bb(), "true"])
        .ok();
    assert_eq!(home.husk(&["volume", "ls", "-q"]).ok(), "data\n");
}

#[test]
fn confinement_caps_seccomp_masks_fds() {
    let home = Home::new();
    let status = home
        .husk(&["run", "--rm", &bb(), "cat", "/proc/self/status"])
        .ok()
        .to_string();
    let field = |s: &str, k: &str| {
        s.lines()
            .find(|l| l.starts_with(k))
            .unwrap_or_else(|| panic!("{k}"))
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_string()
    };
    // podman's default set: CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE SYS_CHROOT SETFCAP.
    assert_eq!(field(&status, "CapEff:"), "00000000800405fb");
    assert_eq!(field(&status, "CapBnd:"), "00000000800405fb");
    // As in docker and podman: no_new_privs only when asked (set-id programs such as su work).
    assert_eq!(field(&status, "NoNewPrivs:"), "0");
    assert_eq!(field(&status, "Seccomp:"), "2");
    let status = home
        .husk(&[
            "run",
            "--rm",
            "--security-opt",
            "no-new-privileges",
            &bb(),
            "cat",
            "/proc/self/status",
        ])
        .ok()
        .to_string();
    assert_eq!(field(&status, "NoNewPrivs:"), "1");
    assert_eq!(field(&status, "Seccomp:"), "2");
    let status = home
        .husk(&[
            "run",
            "--rm",
            "--cap-drop",
            "ALL",
            "--cap-add",
            "NET_ADMIN",
            "--security-opt",
            "seccomp=unconfined",
            &bb(),
            "cat",
            "/proc/self/status",
        ])
        .ok()
        .to_string();
    assert_eq!(field(&status, "CapEff:"), "0000000000001000");
    assert_eq!(field(&status, "Seccomp:"), "0");
    let status = home
        .husk(&[
            "run",
            "--rm",
            "-u",
            "1000",
            &bb(),
            "cat",
            "/proc/self/status",
        ])
        .ok()
        .to_string();
    assert_eq!(
        field(&status, "CapEff:"),
        "0000000000000000",
        "a non-root user has no effective capabilities"
    );
    // The default seccomp profile refuses mount(2) and new namespaces.
    let run = home.husk(&[
        "run",
        "--rm",
        &bb(),
        "sh",
        "-c",
        "mount -t tmpfs none /mnt; unshare -n true",
    ]);
    assert!(
        run.stderr.contains("Operation not permitted") || run.stderr.contains("Permission denied"),
        "{}",
        run.stderr
    );
    // Masked and read-only kernel paths.
    let run = home.husk(&[
        "run",
        "--rm",
        &bb(),
        "sh",
        "-c",
        "cat /proc/timer_list | wc -c; ls /sys/firmware | wc -l; echo 1 > /proc/sys/vm/drop_caches",
    ]);
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), ["0", "0"]);
    assert!(
        run.stderr.contains("Read-only file system"),
        "{}",
        run.stderr
    );
    // No husk file descriptor leaks into the container: ls sees stdio and its own directory.
    let fds = home
        .husk(&["run", "--rm", &bb(), "ls", "/proc/self/fd"])
        .ok()
        .to_string();
    assert_eq!(
        fds.split_whitespace().collect::<Vec<_>>(),
        ["0", "1", "2", "3"]
    );
    // Only the allowed devices.
    let devs = home
        .husk(&["run", "--rm", &bb(), "ls", "/dev"])
        .ok()
        .to_string();
    let mut devs: Vec<&str> = devs.split_whitespace().collect();
    devs.sort();
    assert_eq!(
        devs,
        [
            "core", "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm", "stderr",
            "stdin", "stdout", "tty", "urandom", "zero"
        ]
    );
    // --privileged: every capability, no seccomp, no masks.
    let status = home
        .husk(&[
            "run",
            "--rm",
            "--privileged",
            &bb(),
            "cat",
            "/proc/self/status",
        ])
        .ok()
        .to_string();
    assert_eq!(field(&status, "Seccomp:"), "0");
    assert_ne!(field(&status, "CapEff:"), "00000000800405fb");
}

#[test]
fn preserve_fds_hands_on_open_files() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let file = home.dir.join("three");
    std::fs::write(&file, "from fd 3\n").unwrap();
    common::chown_to_user(&home, file.to_str().unwrap());
    let bin = home.bin().display().to_string();
    let script = format!(
        "exec {bin} run --rm --preserve-fds 1 {} sh -c 'cat <&3; ls /proc/self/fd | wc -l' 3<{}",
        bb(),
        file.display()
    );
    let out = home
        .program(std::path::Path::new("/bin/sh"), &["-c", &script])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // fd 3 read, then 0, 1, 2, 3 and ls's own directory fd: nothing else leaked.
    assert_eq!(text, "from fd 3\n5\n");
    // Without it, only stdio (and ls's fd).
    let out = home.husk(&["run", "--rm", &bb(), "sh", "-c", "ls /proc/self/fd | wc -l"]);
    assert_eq!(out.ok(), "4\n");
    // A monitor exec'd by a run that pulled (threads) keeps them where they are.
    let pulled = format!(
        "exec {bin} run --rm --pull always -q --preserve-fds 1 {} sh -c 'cat <&3' 3<{}",
        bb(),
        file.display()
    );
    let out = home
        .program(std::path::Path::new("/bin/sh"), &["-c", &pulled])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "from fd 3\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Only the run that checked them hands them on: a later start hands none of its own.
    let created = format!(
        "exec {bin} create --name pf --preserve-fds 1 {} sh -c 'ls /proc/self/fd | wc -l' 3<{}",
        bb(),
        file.display()
    );
    let st = home
        .program(std::path::Path::new("/bin/sh"), &["-c", &created])
        .status()
        .unwrap();
    assert!(st.success());
    assert_eq!(home.husk(&["start", "-a", "pf"]).ok(), "4\n");
    home.husk(&["rm", "pf"]).ok();
    home.husk(&["run", "--rm", "--preserve-fds", "2", &bb(), "true"])
        .fails(125, "is not open");
}

#[test]
fn joining_another_containers_pid_ipc_and_uts() {
    let home = Home::new();
    home.husk(&[
        "run",
        "-d",
        "--name",
        "first",
        &bb(),
        "sh",
        "-c",
        "echo token > /dev/shm/token; hostname > /tmp/name; exec sleep 60",
    ])
    .ok();
    let first_name = home
        .husk(&["exec", "first", "hostname"])
        .ok()
        .trim()
        .to_string();
    // --pid: its processes, its PID 1.
    let out = home.husk(&[
        "run",
        "--rm",
        "--pid",
        "container:first",
        &bb(),
        "ps",
        "-o",
        "pid,comm",
    ]);
    let text = out.ok();
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["1", "sleep"]),
        "{text}"
    );
    // --ipc: its IPC namespace and its /dev/shm.
    let out = home.husk(&[
        "run",
        "--rm",
        "--ipc",
        "container:first",
        &bb(),
        "cat",
        "/dev/shm/token",
    ]);
    assert_eq!(out.ok(), "token\n");
    let ns = |name: &str| {
        home.husk(&["exec", name, "readlink", "/proc/self/ns/ipc"])
            .ok()
            .trim()
            .to_string()
    };
    home.husk(&[
        "run",
        "-d",
        "--name",
        "second",
        "--ipc",
        "container:first",
        "--pid",
        "container:first",
        &bb(),
        "sleep",
        "60",
    ])
    .ok();
    assert_eq!(ns("second"), ns("first"));
    let mode = home.husk(&[
        "inspect",
        "--format",
        "{{.HostConfig.IpcMode}} {{.HostConfig.PidMode}}",
        "second",
    ]);
    assert_eq!(mode.ok().trim(), "container:first container:first");
    // Its own processes only: pausing it leaves first's running; top lists its own.
    home.husk(&["pause", "second"]).ok();
    let state = home.husk(&[
        "exec",
        "first",
        "sh",
        "-c",
        "ps -o pid,stat,comm | grep ' 1 '",
    ]);
    assert!(
        !state.ok().contains(" T "),
        "first was stopped too: {}",
        state.stdout
    );
    home.husk(&["unpause", "second"]).ok();
    let top = home.husk(&["top", "second", "pid", "comm"]);
    assert_eq!(top.ok().lines().count(), 2, "{}", top.stdout);
    // --uts: its host name, unchanged, in /etc/hostname and $HOSTNAME too (as podman's).
    let out = home.husk(&[
        "run",
        "--rm",
        "--uts",
        "container:first",
        &bb(),
        "sh",
        "-c",
        "hostname; cat /etc/hostname; echo $HOSTNAME",
    ]);
    assert_eq!(out.ok(), format!("{first_name}\n").repeat(3));
    // Through a container that joined it in turn: the same name.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "relay",
        "--uts",
        "container:first",
        &bb(),
        "sleep",
        "60",
    ])
    .ok();
    let out = home.husk(&[
        "run",
        "--rm",
        "--uts",
        "container:relay",
        &bb(),
        "cat",
        "/etc/hostname",
    ]);
    assert_eq!(out.ok(), format!("{first_name}\n"));
    home.husk(&["rm", "-f", "relay"]).ok();
    home.husk(&["rm", "-f", "second"]).ok();
    // A joiner is born in first's pid namespace, still holding husk's root (the
    // host's /) until its pivot_root: first's processes must never reach that
    // through /proc (HUSK_TEST_SETUP_DELAY_MS holds it there long enough to look).
    let marker = home.dir.join("host-only-marker");
    std::fs::write(&marker, "x").unwrap();
    let probe = format!(
        "while :; do for p in /proc/[0-9]*; do [ -e $p/root{} ] && echo REACHED; done; done",
        marker.display()
    );
    // (Privileged: it has every capability the setup has, so only dumpability protects it.)
    home.husk(&[
        "run",
        "-d",
        "--name",
        "prober",
        "--privileged",
        "--pid",
        "container:first",
        &bb(),
        "sh",
        "-c",
        &probe,
    ])
    .ok();
    for _ in 0..3 {
        let out = home
            .cmd(&["run", "--rm", "--pid", "container:first", &bb(), "true"])
            .env("HUSK_TEST_SETUP_DELAY_MS", "300")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    home.husk(&["stop", "-t", "0", "prober"]).ok();
    let logs = home.husk(&["logs", "prober"]);
    assert!(
        !logs.stdout.contains("REACHED"),
        "a joiner's /proc/PID/root was open to the container"
    );
    home.husk(&["rm", "prober"]).ok();
    // It must exist (at create) and run (at start).
    home.husk(&["run", "--rm", "--pid", "container:ghost", &bb(), "true"])
        .fails(125, "no such container");
    home.husk(&["stop", "-t", "0", "first"]).ok();
    home.husk(&["run", "--rm", "--ipc", "container:first", &bb(), "true"])
        .fails(125, "not running");
    home.husk(&["rm", "first"]).ok();
}

#[test]
fn networks_none_and_host() {
    let home = Home::new();
    let none = home
        .husk(&[
            "run",
            "--rm",
            "--network",
            "none",
            &bb(),
            "ls",
            "/sys/class/net",
        ])
        .ok()
        .to_string();
    assert_eq!(none.trim(), "lo");
    let host = home
        .husk(&[
            "run",
            "--rm",
            "--network",
            "host",
            &bb(),
            "ls",
            "/sys/class/net",
        ])
        .ok()
        .to_string();
    let mut want: Vec<String> = std::fs::read_dir("/sys/class/net")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    want.sort();
    let mut got: Vec<String> = host.split_whitespace().map(String::from).collect();
    got.sort();
    assert_eq!(got, want);
    home.husk(&[
        "run",
        "--rm",
        "--network",
        "slirp4netns:cidr=10.5.0.0/24",
        &bb(),
        "true",
    ])
    .fails(
        125,
        "slirp4netns option \"cidr=10.5.0.0/24\" is not supported",
    );
    home.husk(&["run", "--rm", "--network", "container:", &bb(), "true"])
        .fails(125, "invalid --network");
}

#[test]
fn a_terminal_with_its_size() {
    let home = Home::new();
    let inner = format!(
        "stty rows 33 cols 99; {} run --rm -t {} sh -c 'tty; stty size; echo $TERM'",
        home.bin().display(),
        bb()
    );
    // Pull first, so that the terminal output is the container's alone.
    home.husk(&["pull", "-q", &bb()]).ok();
    let out = home
        .program("/usr/bin/script".as_ref(), &["-qec", &inner, "/dev/null"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(out.status.success(), "{text}");
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        ["/dev/pts/0", "33 99", "xterm"]
    );
}

#[test]
fn sigterm_reaches_the_container() {
    let home = Home::new();
    let dir = shared_dir(&home, "sig");
    let v = format!("{}:/s", dir.display());
    home.husk(&["pull", "-q", &bb()]).ok();
    let wait_ready = |child: &std::process::Child| {
        common::wait_for_file(&dir.join("ready"));
        std::fs::remove_file(dir.join("ready")).unwrap();
        nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(child.id() as i32),
            nix::sys::signal::Signal::SIGTERM,
        )
        .unwrap();
    };
    // The command is PID 1: it gets SIGTERM through its own handler.
    let script = "trap 'exit 3' TERM; touch /s/ready; while :; do sleep 0.1; done";
    let mut child = home
        .cmd(&["run", "--rm", "-v", &v, &bb(), "sh", "-c", script])
        .spawn()
        .unwrap();
    wait_ready(&child);
    assert_eq!(child.wait().unwrap().code(), Some(3));
    // With --init, a command without a handler dies of it: 128 + 15.
    let mut child = home
        .cmd(&[
            "run",
            "--rm",
            "--init",
            "-v",
            &v,
            &bb(),
            "sh",
            "-c",
            "touch /s/ready; exec sleep 60",
        ])
        .spawn()
        .unwrap();
    wait_ready(&child);
    assert_eq!(child.wait().unwrap().code(), Some(143));
    // --group-add: by number, or by a name of the image's /etc/group.
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "--group-add",
            "44",
            "--group-add",
            "root",
            &bb(),
            "id",
            "-G"
        ])
        .ok(),
        "0 44\n"
    );
    home.husk(&["run", "--rm", "--group-add", "nosuchgroup", &bb(), "true"])
        .fails(125, "no such group");
    // --stop-signal: what husk stop sends first, shown by inspect.
    let id = home
        .husk(&[
            "run",
            "-d",
            "--stop-signal",
            "quit",
            &bb(),
            "sh",
            "-c",
            "trap 'exit 4' QUIT; trap '' TERM; while :; do sleep 0.1; done",
        ])
        .ok()
        .trim()
        .to_string();
    assert_eq!(
        home.husk(&["inspect", "--format", "{{.Config.StopSignal}}", &id])
            .ok(),
        "SIGQUIT\n"
    );
    home.husk(&["stop", "-t", "20", &id]).ok();
    assert_eq!(home.husk(&["wait", &id]).ok(), "4\n");
    home.husk(&["rm", &id]).ok();
    // A real-time stop signal, as systemd images have (STOPSIGNAL SIGRTMIN+3 = 37),
    // from the image (committed with --change) and from the flag.
    let base = home
        .husk(&["create", &bb(), "true"])
        .ok()
        .trim()
        .to_string();
    home.husk(&[
        "commit",
        "-q",
        "--change",
        "STOPSIGNAL SIGRTMIN+3",
        &base,
        "rtsig:1",
    ])
    .ok();
    let trap = "trap 'exit 7' 37; trap '' TERM; while :; do sleep 0.1; done";
    for args in [
        vec!["rtsig:1"],
        vec!["--stop-signal", "RTMIN+3", &bb()],
        vec!["--stop-signal", "37", &bb()],
    ] {
        let mut run = vec!["run", "-d"];
        run.extend(&args);
        run.extend(["sh", "-c", trap]);
        let id = home.husk(&run).ok().trim().to_string();
        assert_eq!(
            home.husk(&["inspect", "--format", "{{.Config.StopSignal}}", &id])
                .ok(),
            "SIGRTMIN+3\n",
            "{args:?}"
        );
        home.husk(&["stop", "-t", "20", &id]).ok();
        assert_eq!(home.husk(&["wait", &id]).ok(), "7\n", "{args:?}");
        home.husk(&["rm", &id]).ok();
    }
}

#[test]
fn init_reaps_orphans() {
    let home = Home::new();
    let out = home.husk(&[
        "run",
        "--rm",
        "--init",
        &bb(),
        "sh",
        "-c",
        "(sleep 0.2 &) ; sleep 0.5; ps -o pid,stat,comm | grep -c ' Z ' ; exit 4",
    ]);
    assert_eq!(out.code, 4);
    assert_eq!(out.stdout.trim(), "0", "no zombies under --init");
    // --init-path: that binary as PID 1 (bound at /run/husk-init), given -- and the command.
    let init = home.dir.join("my-init");
    std::fs::write(
        &init,
        "#!/bin/sh\necho \"init: $*\" >&2\nshift\nexec \"$@\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&init, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    common::chown_to_user(&home, init.to_str().unwrap());
    let path = init.to_str().unwrap();
    let out = home.husk(&[
        "run",
        "--name",
        "ext",
        "--init",
        "--init-path",
        path,
        &bb(),
        "echo",
        "hi",
    ]);
    assert_eq!(out.ok(), "hi\n");
    assert!(out.stderr.contains("init: -- echo hi"), "{}", out.stderr);
    let cmd = home.husk(&["inspect", "--format", "{{.Path}} {{.Args}}", "ext"]);
    assert_eq!(cmd.ok().trim(), "echo [hi]");
    home.husk(&[
        "run",
        "--rm",
        "--init",
        "--init-path",
        "/nonexistent",
        &bb(),
        "true",
    ])
    .fails(125, "--init-path");
}

#[test]
fn names_records_and_rm() {
    let home = Home::new();
    home.husk(&["run", "--name", "first", &bb(), "true"]).ok();
    home.husk(&["run", "--name", "first", &bb(), "true"])
        .fails(125, "already in use");
    home.husk(&["run", "--name", "bad/name", &bb(), "true"])
        .fails(125, "invalid container name");
    // A container keeps its image.
    home.husk(&["rmi", &bb()])
        .fails(2, "in use by container first");
    let ids = std::fs::read_dir(home.store().join("containers"))
        .unwrap()
        .count();
    assert_eq!(ids, 2, "one container and names/");
    // --rm leaves nothing behind.
    let home = Home::new();
    home.husk(&["run", "--rm", "--name", "gone", &bb(), "true"])
        .ok();
    home.husk(&["run", "--rm", &bb(), "nosuchcommand"])
        .fails(127, "not found");
    let left: Vec<_> = std::fs::read_dir(home.store().join("containers"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["names"]);
    assert_eq!(
        std::fs::read_dir(home.store().join("containers/names"))
            .unwrap()
            .count(),
        0
    );
    home.assert_consistent();
}

#[test]
fn create_then_start_attached() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let script = "cat /count 2>/dev/null; echo x >> /count; exit 3";
    let id = home.husk(&["create", "--name", "job", &bb(), "sh", "-c", script]);
    let id = id.ok().trim().to_string();
    assert!(
        id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    // The same writable layer each time: what one start wrote, the next one sees.
    let first = home.husk(&["start", "-a", "job"]);
    assert_eq!((first.code, first.stdout.as_str()), (3, ""));
    let second = home.husk(&["start", "-a", &id[..12]]);
    assert_eq!((second.code, second.stdout.as_str()), (3, "x\n"));
    // In the background too; every start's output is in the log, foreground ones too.
    assert_eq!(home.husk(&["start", "job"]).ok(), "job\n");
    assert_eq!(home.husk(&["wait", "job"]).ok(), "3\n");
    assert_eq!(home.husk(&["logs", "job"]).ok(), "x\nx\nx\n");
    home.husk(&["start", "-a", "nosuch"])
        .fails(125, "no such container: nosuch");
    // create --rm: removed when it exits after start.
    home.husk(&["create", "--rm", "--name", "once", &bb(), "true"])
        .ok();
    assert_eq!(home.husk(&["start", "-a", "once"]).code, 0);
    home.husk(&["start", "-a", "once"])
        .fails(125, "no such container");
    home.assert_consistent();
}

#[test]
fn missing_layers_name_husk_pull() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let layer = home
        .store()
        .join("layers")
        .join(&common::facts("busybox", "diff_ids")[0][7..]);
    std::fs::rename(&layer, home.dir.join("moved-away")).unwrap();
    home.husk(&["run", "--rm", &bb(), "true"])
        .fails(125, &format!("run husk pull {}", bb()));
    std::fs::rename(home.dir.join("moved-away"), &layer).unwrap();
}

#[test]
fn single_uid_mode_runs_as_root_only() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids (run tests/run.sh as root)");
        return;
    };
    assert_eq!(
        home.husk(&["run", "--rm", &bb(), "id", "-u"]).ok().trim(),
        "0"
    );
    let run = home.husk(&["run", "--rm", "-u", "1000", &bb(), "true"]);
    run.fails(125, "single-uid mode");
    home.husk(&["run", "--rm", "--group-add", "44", &bb(), "true"])
        .fails(125, "single-uid mode");
    // The range suggested is free: past every entry of /etc/subuid and /etc/subgid.
    let taken_end = ["/etc/subuid", "/etc/subgid"]
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_default()
                .lines()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some(f.get(1)?.parse::<u64>().ok()? + f.get(2)?.parse::<u64>().ok()?)
        })
        .max()
        .unwrap_or(0);
    let (a, b) = run
        .stderr
        .split("--add-subuids ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|r| r.split_once('-'))
        .expect("a suggested range");
    let (a, b): (u64, u64) = (a.parse().unwrap(), b.parse().unwrap());
    assert!(a >= taken_end && b - a == 65535, "{}", run.stderr);
    let _ = env();
}

#[test]
fn interactive_terminal_with_ctrl_c() {
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let inner = format!(
        "stty rows 20 cols 80; {} run --rm -it {} sh",
        home.bin().display(),
        bb()
    );
    let mut child = home
        .program("/usr/bin/script".as_ref(), &["-qec", &inner, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = child.stdout.take().unwrap();
    let seen = Arc::new(Mutex::new(String::new()));
    let reader = {
        let seen = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = output.read(&mut buf) {
                if n == 0 {
                    break;
                }
                seen.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        })
    };
    let wait_for = |needle: &str, count: usize| {
        let start = Instant::now();
        while seen.lock().unwrap().matches(needle).count() < count {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "never saw {needle:?} x{count}: {:?}",
                seen.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for("/ # ", 1);
    input.write_all(b"sleep 30\n").unwrap();
    std::thread::sleep(Duration::from_millis(500));
    let interrupted = Instant::now();
    input.write_all(b"\x03").unwrap();
    wait_for("/ # ", 2);
    assert!(
        interrupted.elapsed() < Duration::from_secs(5),
        "^C did not interrupt sleep"
    );
    input.write_all(b"echo $((6*7))\n").unwrap();
    wait_for("42", 1);
    input.write_all(b"exit 5\n").unwrap();
    let status = child.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(status.code(), Some(5), "{:?}", seen.lock().unwrap());
}

#[test]
fn seccomp_profile_from_a_file() {
    let home = Home::new();
    // docker's format: allow by default, refuse mkdir/mkdirat, and rules conditioned on capabilities.
    home.write(
        "profile.json",
        r#"{"defaultAction": "SCMP_ACT_ALLOW",
            "syscalls": [
              {"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1},
              {"names": ["getpid"], "action": "SCMP_ACT_ERRNO", "includes": {"caps": ["CAP_SYS_ADMIN"]}}
            ]}"#,
    );
    let opt = format!("seccomp={}", home.dir.join("profile.json").display());
    let run = home.husk(&[
        "run",
        "--rm",
        "--security-opt",
        &opt,
        &bb(),
        "sh",
        "-c",
        "mkdir /x && echo made; echo pid $$",
    ]);
    assert!(
        run.stderr.contains("Operation not permitted"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stdout.contains("made") && run.stdout.contains("pid 1"),
        "{}",
        run.stdout
    );
    home.husk(&[
        "run",
        "--rm",
        "--security-opt",
        "seccomp=/no/such.json",
        &bb(),
        "true",
    ])
    .fails(125, "seccomp profile");
    home.write("bad.json", "{not json");
    let bad = format!("seccomp={}", home.dir.join("bad.json").display());
    home.husk(&["run", "--rm", "--security-opt", &bad, &bb(), "true"])
        .fails(125, "is not JSON");
}

#[test]
fn missing_newuidmap_is_named() {
    let home = Home::new();
    if home.user.is_none() && nix::unistd::getuid().as_raw() == 0 {
        return;
    }
    // A fresh home has no pause process yet, so husk must set up the namespace itself.
    let run = home
        .cmd(&["run", "--rm", &bb(), "true"])
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(125), "{stderr}");
    assert!(
        stderr.contains("newuidmap not found: install the uidmap package"),
        "{stderr}"
    );
}

#[test]
fn container_dies_with_its_monitor() {
    let home = Home::new();
    home.husk(&["pull", "-q", &bb()]).ok();
    let dir = shared_dir(&home, "mon");
    let v = format!("{}:/s", dir.display());
    let mut child = home
        .cmd(&[
            "run",
            "--rm",
            "-v",
            &v,
            &bb(),
            "sh",
            "-c",
            "echo $$ > /s/started; exec sleep 300",
        ])
        .spawn()
        .unwrap();
    common::wait_for_file(&dir.join("started"));
    // The container's processes, seen from here: children of its monitor (a
    // process of its own, which `husk run` attached to, as podman's conmon).
    let id = home
        .husk(&["ps", "-q", "--no-trunc"])
        .ok()
        .trim()
        .to_string();
    let monitor = home
        .husk(&["inspect", "--format", "{{.State.MonitorPid}}", &id])
        .ok()
        .trim()
        .to_string();
    let children = std::fs::read_to_string(format!("/proc/{monitor}/task/{monitor}/children"))
        .unwrap_or_default();
    let container: Vec<String> = children.split_whitespace().map(String::from).collect();
    assert!(
        !container.is_empty(),
        "no container process under the monitor"
    );
    let status = std::process::Command::new("kill")
        .args(["-9", &monitor])
        .status()
        .unwrap();
    assert!(status.success());
    child.wait().unwrap(); // husk run ends with the monitor's end (SIGKILL: no cleanup at all)
    let start = Instant::now();
    while container.iter().any(|pid| {
        std::path::Path::new(&format!("/proc/{pid}")).exists()
            && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .unwrap_or_default()
                .contains(") Z ")
    }) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the container outlived its monitor"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every flag of `run` is checked before anything happens: in a fresh store, a
/// bad value fails with one line naming it, and the image was not pulled.
#[test]
fn bad_flags_fail_before_the_pull() {
    let home = Home::new();
    let seccomp_file = "seccomp=/no/such/profile.json".to_string();
    for (flag, value, needle) in [
        (
            "--mount",
            "type=bind,src=/no/such/husk/dir,dst=/data",
            "bind source path does not exist",
        ),
        ("-v", "./relative:/data", "absolute path"),
        ("--volumes-from", "x:rx", "unknown option"),
        ("--shm-size", "lots", "invalid size"),
        ("--umask", "0999", "invalid --umask"),
        ("--oom-score-adj", "2000", "between -1000 and 1000"),
        ("--tz", "Nowhere/Special", "no time zone"),
        ("--tz", "../../etc/passwd", "invalid --tz"),
        ("--label-file", "/no/such/husk/labels", "label file"),
        ("--entrypoint", "[1, 2]", "JSON array of strings"),
        ("--memory", "1k", "minimum memory limit is 6m"),
        ("--cpus", "0", "invalid --cpus"),
        ("--memory-swap", "1g", "needs --memory"),
        ("--device", "/etc/passwd", "not a device node"),
        ("--device", "/dev/kmsg", "your user must be allowed to open"),
        ("--device", "/dev/null:/x:q", "letters of rwm"),
        ("--device", "/dev/null:/x:r", "cannot be enforced rootless"),
        ("--pid", "container:other", "no such container: other"),
        ("--ipc", "container:", "private, host or container:NAME"),
        ("--uts", "bogus", "private, host or container:NAME"),
        ("-v", "/tmp:relative", "must be absolute"),
        ("-v", "/tmp:/x:bogus", "unknown option"),
        ("--tmpfs", "relative", "must be absolute"),
        ("--ulimit", "nofile=10:5", "soft limit above hard limit"),
        ("--ulimit", "bogus=1", "unknown resource"),
        ("--security-opt", "bogus", "invalid --security-opt"),
        (
            "--security-opt",
            seccomp_file.as_str(),
            "no seccomp profile file",
        ),
        ("--cap-add", "NOT_A_CAP", "NOT_A_CAP"),
        ("--workdir", "relative/dir", "not an absolute path"),
        ("--name", "a/b", "invalid container name"),
        ("--env-file", "/no/such/husk/env", "env file"),
        ("--log-opt", "max-file=3", "unsupported --log-opt"),
        ("--pull", "sometimes", "sometimes"),
        ("--stop-signal", "NOPE", "invalid signal"),
    ] {
        home.husk(&["run", "--rm", flag, value, &bb(), "true"])
            .fails(125, needle);
    }
    assert_eq!(
        home.husk(&["images", "-q"]).ok().trim(),
        "",
        "nothing was pulled"
    );
    assert_eq!(
        home.husk(&["ps", "-aq"]).ok().trim(),
        "",
        "nothing was made"
    );
    home.assert_consistent();
}

#[test]
fn everyday_flags_shm_umask_tz_labels_entrypoint() {
    let home = Home::new();
    let image = bb();
    let labels = home.dir.join("labels");
    std::fs::write(&labels, "# comment\n\ntier=web\nowner=ops\n").unwrap();
    common::chown_to_user(&home, labels.to_str().unwrap());
    let out = home.husk(&[
        "run", "--name", "f", "--shm-size", "128m", "--umask", "0027", "--oom-score-adj", "500",
        "--tz", "Asia/Tokyo", "--label-file", labels.to_str().unwrap(), "-l", "owner=dev",
        "--entrypoint", r#"["/bin/sh", "-c"]"#, &bb(),
        "df -k /dev/shm | tail -1; umask; cat /proc/self/oom_score_adj; echo tz $(wc -c < /etc/localtime); \
         grep -c name=.f. /run/.containerenv; [ -f /.dockerenv ] && echo dockerenv",
    ]);
    let text = out.ok();
    assert!(text.contains(" 131072 "), "{text}");
    assert!(text.contains("\n0027\n500\n"), "{text}");
    let zone = std::fs::metadata("/usr/share/zoneinfo/Asia/Tokyo")
        .unwrap()
        .len();
    assert!(
        text.contains(&format!("tz {zone}\n1\ndockerenv\n")),
        "{text}"
    );
    let labels = home
        .husk(&["inspect", "--format", "{{json .Config.Labels}}", "f"])
        .json();
    assert_eq!(labels["tier"], "web");
    assert_eq!(labels["owner"], "dev", "-l overrides --label-file");
    // Lowering oom_score_adj takes a privilege rootless husk lacks: said, in one line.
    let low = home.husk(&["run", "--rm", "--oom-score-adj", "-500", &bb(), "true"]);
    low.fails(125, "rootless, it can only be raised");
    assert_eq!(low.stderr.lines().count(), 1, "{}", low.stderr);
    // Devices: the host's node.
    let dev = home.husk(&[
        "run", "--rm", "--device", "/dev/fuse", "--device", "/dev/null:/dev/other:rwm", &bb(), "sh", "-c",
        "[ -c /dev/fuse ] && echo fuse; [ -c /dev/other ] && echo other; echo x > /dev/other && echo written",
    ]);
    assert_eq!(dev.ok(), "fuse\nother\nwritten\n");
    // Resource limits where rootless cannot have them: podman's warning, and the container runs.
    if !std::path::Path::new("/sys/fs/cgroup/cgroup.controllers").exists() {
        let lim = home.husk(&[
            "run",
            "--rm",
            "-m",
            "512m",
            "--cpus",
            "1.5",
            "--pids-limit",
            "100",
            "--device-read-bps",
            "/dev/null:1mb",
            "--blkio-weight-device",
            "/dev/null:200",
            "--oom-kill-disable",
            "--kernel-memory",
            "64m",
            "--cpu-rt-runtime",
            "950000",
            &bb(),
            "echo",
            "ran",
        ]);
        assert_eq!(lim.ok(), "ran\n");
        assert!(
            lim.stderr
                .contains("ignored on cgroups V1 rootless systems"),
            "{}",
            lim.stderr
        );
    }
    // The per-device limits are checked as docker checks them.
    home.husk(&[
        "run",
        "--rm",
        "--device-write-iops",
        "sda:10",
        &bb(),
        "true",
    ])
    .fails(125, "invalid --device-write-iops");
    home.husk(&[
        "run",
        "--rm",
        "--blkio-weight-device",
        "/dev/sda:5",
        &bb(),
        "true",
    ])
    .fails(125, "between 10 and 1000");
    // Cgroups: husk makes none of its own, so podman's --cgroups modes other
    // than split are its behaviour; --cgroupns private is a namespace of its own.
    let host_cgroupns = std::fs::read_link("/proc/self/ns/cgroup").unwrap();
    let cgroupns = |flags: &[&str]| {
        let mut args = vec!["run", "--rm"];
        args.extend(flags);
        args.extend([image.as_str(), "readlink", "/proc/self/ns/cgroup"]);
        std::path::PathBuf::from(home.husk(&args).ok().trim())
    };
    assert_eq!(cgroupns(&["--cgroups=no-conmon"]), host_cgroupns);
    assert_eq!(
        cgroupns(&["--cgroupns", "host", "--isolation", "default"]),
        host_cgroupns
    );
    assert_ne!(cgroupns(&["--cgroupns", "private"]), host_cgroupns);
    home.husk(&[
        "create",
        "--name",
        "cgns",
        "--cgroupns",
        "private",
        &bb(),
        "true",
    ])
    .ok();
    assert_eq!(
        home.husk(&[
            "inspect",
            "--format",
            "{{.HostConfig.CgroupnsMode}}",
            "cgns"
        ])
        .ok(),
        "private\n"
    );
    home.husk(&["rm", "cgns"]).ok();
    for (flags, needle) in [
        (["--cgroups", "split"], "--cgroups split"),
        (["--cgroupns", "container:x"], "no other cgroup namespace"),
        (["--isolation", "hyperv"], "only the default isolation"),
        (["--cgroup-parent", "/mine"], "no cgroup of their own"),
        (["--gpus", "all"], "--device"),
    ] {
        let mut args = vec!["run", "--rm"];
        args.extend(flags);
        args.extend([image.as_str(), "true"]);
        home.husk(&args).fails(125, needle);
    }
    // The host's namespaces: its processes (/proc is the host's), its name; no /dev/shm with --ipc none.
    let host_name = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let ns = home.husk(&[
        "run",
        "--rm",
        "--pid",
        "host",
        "--uts",
        "host",
        "--ipc",
        "host",
        &bb(),
        "sh",
        "-c",
        "echo $$; cat /proc/sys/kernel/hostname /etc/hostname; echo $HOSTNAME; [ -d /dev/shm ] && echo shm",
    ]);
    let lines: Vec<&str> = ns.ok().lines().collect();
    assert!(lines[0].parse::<u32>().unwrap() > 1, "{}", ns.stdout);
    let host_name = host_name.trim();
    assert_eq!(
        lines[1..],
        [host_name, host_name, host_name, "shm"],
        "{}",
        ns.stdout
    );
    // The host's network: a UTS namespace of its own, named as the host (podman's and docker's).
    let net = home.husk(&[
        "run",
        "--rm",
        "--network",
        "host",
        &bb(),
        "sh",
        "-c",
        "hostname; cat /etc/hostname; echo $HOSTNAME",
    ]);
    assert_eq!(net.ok(), format!("{host_name}\n").repeat(3));
    home.husk(&["create", "--name", "uh", "--uts", "host", &bb(), "true"])
        .ok();
    let shown = home.husk(&["inspect", "--format", "{{.Config.Hostname}}", "uh"]);
    assert_eq!(shown.ok().trim(), host_name);
    home.husk(&["rm", "uh"]).ok();
    // A name of its own needs a UTS namespace of its own (podman and docker refuse it too).
    home.husk(&[
        "run",
        "--rm",
        "--uts",
        "host",
        "--hostname",
        "x",
        &bb(),
        "true",
    ])
    .fails(125, "cannot set the hostname with --uts host");
    let own = home.husk(&[
        "run",
        "--rm",
        "--ipc",
        "none",
        &bb(),
        "sh",
        "-c",
        "echo $$; [ -d /dev/shm ] || echo no-shm",
    ]);
    assert_eq!(own.ok(), "1\nno-shm\n");
    // A uid with no passwd entry gets group 0, as in docker, and an entry
    // named for its uid, as podman gives (--passwd=false: none).
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "-u",
            "4242",
            "-w",
            "/tmp",
            &bb(),
            "sh",
            "-c",
            "id -g; whoami; grep ^4242: /etc/passwd"
        ])
        .ok(),
        "0\n4242\n4242:*:4242:0:container user:/tmp:/bin/sh\n"
    );
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "--passwd=false",
            "-u",
            "4242",
            &bb(),
            "sh",
            "-c",
            "grep -c 4242 /etc/passwd; true"
        ])
        .ok(),
        "0\n"
    );
    // --passwd-entry and --group-entry shape the lines; a numeric group is added.
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "-u",
            "4242:777",
            "--passwd-entry",
            "me:x:$UID:$GID:$NAME:/home/me:/bin/sh",
            "--group-entry",
            "mine:x:$GID:$USERLIST",
            &bb(),
            "sh",
            "-c",
            "whoami; id -gn; echo $HOME; tail -n1 /etc/group"
        ])
        .ok(),
        "me\nmine\n/home/me\nmine:x:777:4242\n"
    );
    // history: the image's steps, newest first.
    let h = home.husk(&["history", &bb()]);
    assert!(h.ok().starts_with("IMAGE "), "{}", h.stdout);
    let ids = home.husk(&["history", "-q", "--no-trunc", &bb()]);
    assert_eq!(
        ids.ok().lines().next().unwrap(),
        format!(
            "sha256:{}",
            common::fact("busybox", "id").trim_start_matches("sha256:")
        )
    );
    home.husk(&["rm", "f"]).ok();
}
