//! `husk system service`: the Docker Engine API on a unix socket, driven by
//! the real docker CLI as the test user, and by raw requests for what the
//! CLI does not send (bad versions, unknown paths, oversized bodies).

mod common;

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use common::{image, Home, Run};

/// A service process, killed if a test fails before it ends it.
struct Service(Child);

impl Service {
    fn id(&self) -> u32 {
        self.0.id()
    }

    fn wait(&mut self) -> std::io::Result<std::process::ExitStatus> {
        self.0.wait()
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// A service on `sock`, started as the test user.
fn service(home: &Home, sock: &Path, time: &str) -> Service {
    let uri = format!("unix://{}", sock.display());
    let child = home
        .cmd(&["system", "service", "--time", time, &uri])
        .spawn()
        .unwrap();
    let start = Instant::now();
    while UnixStream::connect(sock).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no socket at {}",
            sock.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Service(child)
}

/// The docker CLI as the test user, on `sock`.
fn docker(home: &Home, sock: &Path, args: &[&str]) -> Run {
    let mut cmd = home.program(Path::new("docker"), args);
    cmd.env("DOCKER_HOST", format!("unix://{}", sock.display()))
        .env("DOCKER_CONFIG", home.dir.join(".docker"));
    Run::from(cmd.output().unwrap())
}

/// One raw request; the status line and the body.
fn raw(sock: &Path, request: &str) -> (String, String) {
    let mut s = UnixStream::connect(sock).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.lines().next().unwrap_or("").to_string();
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn sock_in(home: &Home) -> PathBuf {
    home.dir.join("run/husk/api.sock")
}

/// A test home with busybox pulled and a service that does not end by itself.
fn serving_busybox() -> (Home, String, PathBuf, Service) {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    let sock = sock_in(&home);
    let svc = service(&home, &sock, "0");
    (home, bb, sock, svc)
}

#[test]
fn the_docker_cli_sees_husks_containers_and_images() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["run", "-d", "--name", "seen", &bb, "sleep", "600"])
        .ok();
    let sock = sock_in(&home);
    let mut svc = service(&home, &sock, "0");
    let mode = std::fs::metadata(&sock).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the socket is the user's alone");
    if common::env().user.is_some() {
        // Run as root, the tests can be another user: the socket refuses them.
        let other = Command::new("setpriv")
            .args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
            .args(["/usr/bin/python3", "-c"])
            .arg("import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])")
            .arg(&sock)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&other.stderr);
        assert!(
            !other.status.success() && err.contains("PermissionError"),
            "{err}"
        );
    }
    let version = docker(
        &home,
        &sock,
        &["version", "--format", "{{.Server.APIVersion}}"],
    );
    assert_eq!(version.ok().trim(), "1.50");
    let ps = docker(
        &home,
        &sock,
        &["ps", "--format", "{{.Names}} {{.Image}} {{.State}}"],
    );
    assert_eq!(ps.ok().trim(), format!("seen {bb} running"));
    let images = docker(
        &home,
        &sock,
        &["images", "--format", "{{.Repository}}:{{.Tag}}"],
    );
    assert!(images.ok().contains(&bb), "{}", images.ok());
    let info = docker(
        &home,
        &sock,
        &["info", "--format", "{{.ContainersRunning}} {{.Images}}"],
    );
    assert_eq!(info.ok().trim(), "1 1");
    // What the CLI never sends: docker's errors and codes.
    let (status, body) = raw(
        &sock,
        "GET /v1.50/nothing/here HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n",
    );
    assert!(status.contains("404"), "{status}");
    assert!(body.contains("\"message\":\"page not found\""), "{body}");
    let (status, body) = raw(
        &sock,
        "GET /v1.23/info HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert!(
        status.contains("400") && body.contains("is too old"),
        "{status} {body}"
    );
    let (status, body) = raw(
        &sock,
        "GET /v9.0/info HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert!(
        status.contains("400") && body.contains("is too new"),
        "{status} {body}"
    );
    let (status, _) = raw(&sock, "NOT A REQUEST\r\n\r\n");
    assert!(status.contains("400"), "{status}");
    // A 1 GiB body is refused at once, without being sent.
    let start = Instant::now();
    let (status, body) = raw(
        &sock,
        "POST /v1.50/containers/create HTTP/1.1\r\nContent-Length: 1073741824\r\n\r\n{",
    );
    assert!(status.contains("413"), "{status} {body}");
    assert!(start.elapsed() < Duration::from_secs(5));
    // A chunk size that would overflow the count is refused, not read.
    let (status, _) = raw(
        &sock,
        "POST /v1.50/containers/create HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\nffffffffffffffff\r\nxxxx",
    );
    assert!(status.contains("413"), "{status}");
    // A time no clock holds is docker's 400, not a failed request.
    let (status, body) = raw(
        &sock,
        "GET /v1.50/containers/seen/logs?stdout=1&since=1e300 HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert!(
        status.contains("400") && body.contains("invalid time"),
        "{status} {body}"
    );
    // HEAD /_ping: the headers, no body.
    let (status, body) = raw(&sock, "HEAD /_ping HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(
        status.contains("200") && body.is_empty(),
        "{status} {body:?}"
    );
    // A second service on the same socket refuses; SIGTERM ends the first, socket removed.
    let second = home.husk(&["system", "service", &format!("unix://{}", sock.display())]);
    second.fails(125, "another service is listening on");
    assert!(Command::new("kill")
        .args(["-TERM", &svc.id().to_string()])
        .status()
        .unwrap()
        .success());
    let status = svc.wait().unwrap();
    assert!(status.success(), "{status}");
    assert!(!sock.exists());
    // Containers started before live on.
    assert_eq!(
        home.husk(&["ps", "--format", "{{.Names}}"]).ok().trim(),
        "seen"
    );
    home.husk(&["rm", "-f", "seen"]).ok();
}

#[test]
fn the_service_ends_when_idle() {
    let home = Home::new();
    let sock = sock_in(&home);
    let mut svc = service(&home, &sock, "1");
    // A request keeps it: it is counted from the last one.
    std::thread::sleep(Duration::from_millis(600));
    let (status, _) = raw(&sock, "GET /_ping HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(status.contains("200"), "{status}");
    // A connection kept open after its answer does not keep the service.
    let mut kept = UnixStream::connect(&sock).unwrap();
    kept.write_all(b"GET /_ping HTTP/1.1\r\n\r\n").unwrap();
    let mut first = [0u8; 15];
    kept.read_exact(&mut first).unwrap();
    assert_eq!(&first, b"HTTP/1.1 200 OK");
    let asked = Instant::now();
    let status = svc.wait().unwrap();
    assert!(status.success());
    let waited = asked.elapsed();
    assert!(
        waited >= Duration::from_millis(800) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
    assert!(!sock.exists());
    // A relative or tcp address is refused with a reason.
    home.husk(&["system", "service", "tcp://127.0.0.1:2375"])
        .fails(125, "unix sockets only");
    home.husk(&["system", "service", "unix://rel.sock"])
        .fails(125, "ABSOLUTE");
    // A path that is not a socket is left as it is.
    home.write("precious.txt", "keep me");
    let file = home.dir.join("precious.txt");
    home.husk(&["system", "service", &format!("unix://{}", file.display())])
        .fails(125, "is not a socket");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    drop(kept);
}

#[test]
fn docker_runs_stops_and_removes_husk_containers() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let sock = sock_in(&home);
    let mut svc = service(&home, &sock, "0");
    let port = common::free_port();
    // run -d: created (the image pulled on the way), started, its port published.
    let run = docker(
        &home,
        &sock,
        &[
            "run",
            "-d",
            "--name",
            "web",
            "-p",
            &format!("{port}:80"),
            &bb,
            "busybox",
            "sh",
            "-c",
            "mkdir -p /w && echo from docker > /w/index.html && exec busybox httpd -f -p 80 -h /w",
        ],
    );
    let id = run.ok().trim().to_string();
    assert_eq!(id.len(), 64, "{id}");
    let mut page = String::new();
    for _ in 0..50 {
        page = common::http_get(port);
        if page.contains("from docker") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(page.contains("from docker"), "{page}");
    // An ordinary husk container.
    assert_eq!(
        home.husk(&["ps", "--format", "{{.Names}}"]).ok().trim(),
        "web"
    );
    let running = docker(
        &home,
        &sock,
        &["inspect", "-f", "{{.State.Running}}", "web"],
    );
    assert_eq!(running.ok().trim(), "true");
    docker(&home, &sock, &["stop", "-t", "1", "web"]).ok();
    let state = docker(&home, &sock, &["ps", "-a", "--format", "{{.State}}"]);
    assert_eq!(state.ok().trim(), "exited");
    docker(&home, &sock, &["start", "web"]).ok();
    docker(&home, &sock, &["kill", "web"]).ok();
    assert_eq!(docker(&home, &sock, &["wait", "web"]).ok().trim(), "137");
    docker(&home, &sock, &["rm", "web"]).ok();
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
    // create, then start; a name taken is docker's conflict; an unknown one its 404.
    docker(
        &home,
        &sock,
        &["create", "--name", "c", &bb, "sh", "-c", "exit 7"],
    )
    .ok();
    let taken = docker(&home, &sock, &["create", "--name", "c", &bb, "true"]);
    taken.fails(1, "is already in use");
    docker(&home, &sock, &["start", "c"]).ok();
    assert_eq!(docker(&home, &sock, &["wait", "c"]).ok().trim(), "7");
    docker(&home, &sock, &["rm", "c"]).ok();
    docker(&home, &sock, &["rm", "nope"]).fails(1, "No such container: nope");
    let (status, body) = raw(
        &sock,
        "POST /v1.50/containers/create HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{nope",
    );
    assert!(
        status.contains("400") && body.contains("invalid JSON"),
        "{status} {body}"
    );
    assert!(Command::new("kill")
        .args(["-TERM", &svc.id().to_string()])
        .status()
        .unwrap()
        .success());
    assert!(svc.wait().unwrap().success());
}

/// What `docker run`'s flags become in the create body reaches the container:
/// docker's keys mapped onto husk run's options.
#[test]
fn docker_run_flags_reach_the_container() {
    let (home, bb, sock, _svc) = serving_busybox();
    docker(&home, &sock, &["network", "create", "front"]).ok();
    docker(
        &home,
        &sock,
        &["run", "-d", "--name", "db", &bb, "sleep", "600"],
    )
    .ok();
    docker(
        &home,
        &sock,
        &[
            "run",
            "-d",
            "--name",
            "full",
            "--network",
            "front",
            "--network-alias",
            "webby",
            "-v",
            "/data",
            "--mount",
            "type=tmpfs,target=/t,tmpfs-size=65536",
            "--health-cmd",
            "true",
            "--health-interval",
            "2s",
            "--ulimit",
            "nofile=100:200",
            "--stop-signal",
            "SIGINT",
            "--dns-search",
            "example.org",
            "--hostname",
            "h1",
            "--shm-size",
            "1m",
            "--expose",
            "81",
            "--pids-limit",
            "50",
            &bb,
            "sleep",
            "600",
        ],
    )
    .ok();
    let inside = docker(
        &home,
        &sock,
        &[
            "exec", "full", "sh", "-c",
            "ulimit -n; busybox grep search /etc/resolv.conf; df -k /t /dev/shm | busybox awk 'NR>1 {print $2}'; hostname; ls -d /data",
        ],
    );
    assert_eq!(
        inside.ok(),
        "100\nsearch example.org\n64\n1024\nh1\n/data\n"
    );
    let inspect = home.husk(&[
        "inspect",
        "--format",
        "{{.Config.StopSignal}} {{json .Config.Healthcheck.Test}} {{json .NetworkSettings.Networks.front.Aliases}}",
        "full",
    ]);
    assert_eq!(
        inspect.ok().trim(),
        r#"SIGINT ["CMD-SHELL","true"] ["webby"]"#
    );
    // The alias answers on the network; --link and --volumes-from reach the others.
    let resolved = docker(
        &home,
        &sock,
        &[
            "run",
            "--rm",
            "--network",
            "front",
            &bb,
            "busybox",
            "nslookup",
            "webby",
        ],
    );
    assert!(resolved.ok().contains("10."), "{resolved:?}");
    let linked = docker(
        &home,
        &sock,
        &[
            "run",
            "--rm",
            "--link",
            "db:database",
            &bb,
            "busybox",
            "grep",
            "-c",
            "database",
            "/etc/hosts",
        ],
    );
    assert_eq!(linked.ok().trim(), "1");
    docker(
        &home,
        &sock,
        &[
            "run",
            "--rm",
            "--volumes-from",
            "full",
            &bb,
            "ls",
            "-d",
            "/data",
        ],
    )
    .ok();
    // A command that cannot run is docker's 127 and 126.
    docker(&home, &sock, &["run", "--rm", &bb, "no-such-command"])
        .fails(127, "executable file not found in $PATH");
    docker(&home, &sock, &["run", "--rm", &bb, "/etc"]).fails(126, "ermission denied");
    docker(&home, &sock, &["rm", "-f", "full", "db"]).ok();
    docker(&home, &sock, &["network", "rm", "front"]).ok();
    home.assert_consistent();
}

/// The docker CLI as the test user with `input` on its stdin.
fn docker_stdin(home: &Home, sock: &Path, args: &[&str], input: &str) -> Run {
    use std::process::Stdio;
    let mut cmd = home.program(Path::new("docker"), args);
    cmd.env("DOCKER_HOST", format!("unix://{}", sock.display()))
        .env("DOCKER_CONFIG", home.dir.join(".docker"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    Run::from(child.wait_with_output().unwrap())
}

/// A shell line run in a terminal (`script`), as the test user: its output.
fn in_terminal(home: &Home, sock: &Path, line: &str) -> (bool, String) {
    let inner = format!(
        "stty rows 21 cols 77; DOCKER_HOST=unix://{} {line}",
        sock.display()
    );
    let out = home
        .program("/usr/bin/script".as_ref(), &["-qec", &inner, "/dev/null"])
        .env("DOCKER_CONFIG", home.dir.join(".docker"))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).replace('\r', ""),
    )
}

#[test]
fn docker_run_attached_exec_and_logs() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    let sock = sock_in(&home);
    let mut svc = service(&home, &sock, "0");
    // Attached: stdout and stderr apart, nothing lost, the container's code.
    let run = docker(
        &home,
        &sock,
        &[
            "run",
            "--rm",
            &bb,
            "sh",
            "-c",
            "echo out; echo err >&2; exit 3",
        ],
    );
    assert_eq!(run.code, 3, "{run:?}");
    assert_eq!(run.stdout, "out\n");
    assert_eq!(run.stderr, "err\n");
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "", "--rm removed it");
    // -i: stdin reaches the container, and its end too.
    let cat = docker_stdin(
        &home,
        &sock,
        &[
            "run",
            "--rm",
            "-i",
            &bb,
            "sh",
            "-c",
            "tr a-z A-Z; echo done",
        ],
        "hello\n",
    );
    assert_eq!(cat.ok(), "HELLO\ndone\n");
    // The CLI shuts its side at the end of stdin: output after that still comes.
    let late = docker_stdin(
        &home,
        &sock,
        &["run", "--rm", "-i", &bb, "sh", "-c", "sleep 1; cat"],
        "late\n",
    );
    assert_eq!(late.ok(), "late\n");
    // -it in a terminal: its size, a raw stream.
    let (ok, text) = in_terminal(
        &home,
        &sock,
        &format!("docker run --rm -it {bb} sh -c 'tty; stty size'"),
    );
    assert!(ok, "{text}");
    assert!(
        text.contains("/dev/pts/0") && text.contains("21 77"),
        "{text:?}"
    );
    // exec into a running container: output, code, stdin, a terminal.
    docker(
        &home,
        &sock,
        &[
            "run",
            "-d",
            "--name",
            "box",
            &bb,
            "sh",
            "-c",
            "echo started; echo warn >&2; sleep 600",
        ],
    )
    .ok();
    let exec = docker(
        &home,
        &sock,
        &["exec", "box", "sh", "-c", "echo in $HOSTNAME; exit 4"],
    );
    assert_eq!(exec.code, 4, "{exec:?}");
    assert!(exec.stdout.starts_with("in "), "{exec:?}");
    let piped = docker_stdin(&home, &sock, &["exec", "-i", "box", "wc", "-c"], "12345");
    assert_eq!(piped.ok().trim(), "5");
    let (ok, text) = in_terminal(
        &home,
        &sock,
        "docker exec -it box sh -c 'stty size; exit 0'",
    );
    assert!(ok && text.contains("21 77"), "{text:?}");
    docker(&home, &sock, &["exec", "box", "nothing-here"]).fails(127, "");
    docker(
        &home,
        &sock,
        &["exec", "-d", "box", "sh", "-c", "echo > /detached"],
    )
    .ok();
    let mut found = false;
    for _ in 0..50 {
        if docker(&home, &sock, &["exec", "box", "cat", "/detached"]).code == 0 {
            found = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(found, "exec -d ran");
    // logs: both streams apart, --tail, --timestamps.
    let logs = docker(&home, &sock, &["logs", "box"]);
    assert_eq!(
        (logs.stdout.as_str(), logs.stderr.as_str()),
        ("started\n", "warn\n")
    );
    let tail = docker(&home, &sock, &["logs", "--tail", "1", "-t", "box"]);
    assert!(
        tail.stderr.ends_with(" warn\n") && tail.stdout.is_empty(),
        "{tail:?}"
    );
    // logs -f ends when the container does.
    docker(
        &home,
        &sock,
        &[
            "run",
            "-d",
            "--name",
            "short",
            &bb,
            "sh",
            "-c",
            "echo a; sleep 1; echo b",
        ],
    )
    .ok();
    let followed = docker(&home, &sock, &["logs", "-f", "short"]);
    assert_eq!(followed.ok(), "a\nb\n");
    docker(&home, &sock, &["rm", "-f", "box", "short"]).ok();
    assert!(Command::new("kill")
        .args(["-TERM", &svc.id().to_string()])
        .status()
        .unwrap()
        .success());
    assert!(svc.wait().unwrap().success());
}

#[test]
fn docker_pulls_pushes_builds_copies_and_makes_networks_and_volumes() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let sock = sock_in(&home);
    let _svc = service(&home, &sock, "0");
    // pull: docker's progress stream, read by the CLI.
    let pull = docker(&home, &sock, &["pull", &bb]);
    let text = pull.ok();
    assert!(
        text.contains("Pull complete") && text.contains("Digest: sha256:"),
        "{text}"
    );
    assert!(
        text.contains(&format!("Downloaded newer image for {bb}")),
        "{text}"
    );
    assert!(home.husk(&["images", "-q"]).ok().trim().len() == 12);
    docker(&home, &sock, &["pull", "127.0.0.1:1/none:1"]).fails(1, "");
    // tag, push, remove, pull back.
    let pushed = image("api/pushed:1");
    docker(&home, &sock, &["tag", &bb, &pushed]).ok();
    let push = docker(&home, &sock, &["push", &pushed]);
    assert!(push.ok().contains("1: digest: sha256:"), "{push:?}");
    docker(&home, &sock, &["rmi", &pushed]).ok();
    assert!(!home.husk(&["images"]).ok().contains("api/pushed"));
    docker(&home, &sock, &["pull", "-q", &pushed]).ok();
    docker(&home, &sock, &["rmi", "nope"]).fails(1, "No such image: nope");
    // save | load by file.
    let archive = home.dir.join("bb.tar");
    docker(
        &home,
        &sock,
        &["save", "-o", archive.to_str().unwrap(), &pushed],
    )
    .ok();
    docker(&home, &sock, &["rmi", &pushed]).ok();
    let load = docker(&home, &sock, &["load", "-i", archive.to_str().unwrap()]);
    assert!(
        load.ok().contains(&format!("Loaded image: {pushed}")),
        "{load:?}"
    );
    // A network and a volume, used by containers.
    docker(&home, &sock, &["network", "create", "apinet"]).ok();
    docker(&home, &sock, &["volume", "create", "apivol"]).ok();
    docker(
        &home,
        &sock,
        &[
            "run",
            "--rm",
            "--network",
            "apinet",
            "-v",
            "apivol:/data",
            &bb,
            "sh",
            "-c",
            "echo kept > /data/f",
        ],
    )
    .ok();
    let read = docker(
        &home,
        &sock,
        &["run", "--rm", "-v", "apivol:/data", &bb, "cat", "/data/f"],
    );
    assert_eq!(read.ok(), "kept\n");
    assert!(home.husk(&["network", "ls"]).ok().contains("apinet"));
    assert_eq!(
        docker(
            &home,
            &sock,
            &["volume", "inspect", "-f", "{{.Name}}", "apivol"]
        )
        .ok()
        .trim(),
        "apivol"
    );
    docker(&home, &sock, &["volume", "rm", "apivol"]).ok();
    docker(&home, &sock, &["network", "rm", "apinet"]).ok();
    assert!(!home.husk(&["network", "ls"]).ok().contains("apinet"));
    // cp out of and into a container.
    docker(
        &home,
        &sock,
        &[
            "run",
            "-d",
            "--name",
            "files",
            &bb,
            "sh",
            "-c",
            "mkdir -p /d/e && echo deep > /d/e/f && sleep 600",
        ],
    )
    .ok();
    home.write("out/.keep", "");
    let out = home.dir.join("out");
    let mut copied = false;
    for _ in 0..50 {
        if docker(&home, &sock, &["cp", "files:/d", out.to_str().unwrap()]).code == 0 {
            copied = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(copied);
    assert_eq!(
        std::fs::read_to_string(out.join("d/e/f")).unwrap(),
        "deep\n"
    );
    home.write("up.txt", "up\n");
    let up = home.dir.join("up.txt");
    docker(&home, &sock, &["cp", up.to_str().unwrap(), "files:/d/"]).ok();
    assert_eq!(
        docker(&home, &sock, &["exec", "files", "cat", "/d/up.txt"]).ok(),
        "up\n"
    );
    docker(
        &home,
        &sock,
        &["cp", "files:/nothing", out.to_str().unwrap()],
    )
    .fails(1, "Could not find the file /nothing");
    // What else the CLI asks of a container: top, diff, pause, rename, stats, export, restart.
    let top = docker(&home, &sock, &["top", "files"]);
    assert!(top.ok().contains("sleep 600"), "{top:?}");
    assert!(docker(&home, &sock, &["diff", "files"])
        .ok()
        .contains("A /d/up.txt"));
    docker(&home, &sock, &["pause", "files"]).ok();
    let state = docker(
        &home,
        &sock,
        &["inspect", "-f", "{{.State.Status}}", "files"],
    );
    assert_eq!(state.ok().trim(), "paused");
    docker(&home, &sock, &["unpause", "files"]).ok();
    docker(&home, &sock, &["rename", "files", "files2"]).ok();
    let stats = docker(
        &home,
        &sock,
        &[
            "stats",
            "--no-stream",
            "--format",
            "{{.Name}} {{.PIDs}}",
            "files2",
        ],
    );
    assert_eq!(stats.ok().trim(), "files2 1");
    let export = home
        .program(
            Path::new("sh"),
            &["-c", "docker export files2 | tar t | grep -c '^d/up.txt$'"],
        )
        .env("DOCKER_HOST", format!("unix://{}", sock.display()))
        .env("DOCKER_CONFIG", home.dir.join(".docker"))
        .output()
        .unwrap();
    assert_eq!(Run::from(export).ok().trim(), "1");
    // commit: the container's layer, a change and a message, seen by husk too.
    let id = docker(
        &home,
        &sock,
        &[
            "commit",
            "-c",
            "CMD [\"cat\", \"/d/up.txt\"]",
            "-m",
            "through the API",
            "files2",
            "committed:1",
        ],
    );
    assert!(id.ok().trim().starts_with("sha256:"), "{id:?}");
    assert_eq!(home.husk(&["run", "--rm", "committed:1"]).ok(), "up\n");
    assert!(home
        .husk(&["history", "committed:1"])
        .ok()
        .contains("through the API"));
    docker(&home, &sock, &["commit", "nothing", "x:1"]).fails(1, "No such container: nothing");
    docker(&home, &sock, &["commit", "-c", "RUN true", "files2", "x:1"])
        .fails(1, "RUN cannot be a change");
    docker(&home, &sock, &["restart", "-t", "1", "files2"]).ok();
    assert_eq!(
        docker(
            &home,
            &sock,
            &["inspect", "-f", "{{.State.Running}}", "files2"]
        )
        .ok()
        .trim(),
        "true"
    );
    docker(&home, &sock, &["rm", "-f", "files2"]).ok();
    // build from a context the CLI sends as a tar.
    home.write(
        "ctx/Dockerfile",
        &format!("FROM {bb}\nCOPY msg /msg\nCMD [\"cat\", \"/msg\"]\n"),
    );
    home.write("ctx/msg", "built by docker\n");
    let ctx = home.dir.join("ctx");
    let mut cmd = home.program(
        Path::new("docker"),
        &["build", "-t", "apibuilt:1", ctx.to_str().unwrap()],
    );
    cmd.env("DOCKER_HOST", format!("unix://{}", sock.display()))
        .env("DOCKER_CONFIG", home.dir.join(".docker"))
        .env("DOCKER_BUILDKIT", "0");
    let build = Run::from(cmd.output().unwrap());
    assert!(build.ok().contains("Successfully built"), "{build:?}");
    assert_eq!(
        docker(&home, &sock, &["run", "--rm", "apibuilt:1"]).ok(),
        "built by docker\n"
    );
    assert!(home.husk(&["images"]).ok().contains("localhost/apibuilt"));
}

#[test]
fn the_python_sdk_and_docker_compose() {
    let (home, bb, sock, _svc) = serving_busybox();
    // What the CLI does not ask: run with its output, exec_run, archives, df, events.
    let script = format!(
        r#"
import docker, io, tarfile, time
c = docker.DockerClient(base_url="unix://{sock}")
start = int(time.time())
print("run", c.containers.run("{bb}", "echo hi", remove=True))
box = c.containers.run("{bb}", "sleep 600", detach=True, name="sdkbox", labels={{"k": "v"}})
print("list", [x.name for x in c.containers.list(filters={{"label": "k=v"}})])
print("exec", box.exec_run("sh -c 'echo $((6*7))'").output)
stream, stat = box.get_archive("/bin/sh")
data = b"".join(stream)
print("archive", stat["name"], tarfile.open(fileobj=io.BytesIO(data)).getnames())
print("df", len(c.df()["Images"]))
img = box.commit("sdkimg", "1", conf={{"Env": ["FROM_SDK=1"], "Labels": {{"by": "sdk"}}, "Hostname": "ignored"}})
print("commit", img.labels, "FROM_SDK=1" in img.attrs["Config"]["Env"], len(img.attrs["Config"]["Env"]) > 1)
box.remove(force=True)
events = c.events(since=start, until=int(time.time()) + 1, decode=True)
print("events", sorted(set(e["Action"] for e in events if e.get("Type") == "container")))
"#,
        sock = sock.display(),
    );
    let py = home
        .program(Path::new("/usr/bin/python3"), &["-c", &script])
        .output()
        .unwrap();
    let py = Run::from(py);
    let text = py.ok();
    assert!(text.contains("run b'hi\\n'"), "{text}");
    assert!(text.contains("list ['sdkbox']"), "{text}");
    assert!(text.contains("exec b'42\\n'"), "{text}");
    assert!(text.contains("archive sh ['sh']"), "{text}");
    assert!(text.contains("df 1"), "{text}");
    assert!(
        text.contains("'by': 'sdk'") && text.contains("} True True"),
        "{text}"
    );
    assert!(
        text.contains("'create'") && text.contains("'destroy'"),
        "{text}"
    );
    // docker-compose 1.29 brings a two-service project up and down.
    home.write(
        "proj/docker-compose.yml",
        &format!(
            r#"version: "3.8"
services:
  web:
    image: {bb}
    command: sh -c "mkdir -p /w && echo from-compose > /w/index.html && exec busybox httpd -f -p 80 -h /w"
  client:
    image: {bb}
    command: sleep 600
    depends_on: [web]
    volumes: [data:/data]
volumes:
  data: {{}}
"#
        ),
    );
    let compose = |args: &[&str]| {
        let mut all = vec!["-p", "sdkproj", "-f"];
        let file = home.dir.join("proj/docker-compose.yml");
        let file = file.to_str().unwrap().to_string();
        all.push(&file);
        all.extend_from_slice(args);
        let mut cmd = home.program(Path::new("/usr/bin/docker-compose"), &all);
        cmd.env("DOCKER_HOST", format!("unix://{}", sock.display()));
        Run::from(cmd.output().unwrap())
    };
    compose(&["up", "-d"]).ok();
    let ps = home.husk(&["ps", "--format", "{{.Names}}"]);
    let names = ps.ok();
    let mut names: Vec<&str> = names.lines().collect();
    names.sort();
    assert_eq!(names, ["sdkproj_client_1", "sdkproj_web_1"]);
    let page = compose(&[
        "exec",
        "-T",
        "client",
        "busybox",
        "wget",
        "-qO-",
        "http://web/",
    ]);
    assert_eq!(page.ok(), "from-compose\n");
    compose(&["down", "-v"]).ok();
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
    assert!(!home.husk(&["volume", "ls"]).ok().contains("sdkproj_data"));
}

#[test]
fn socket_activation_hands_the_service_its_socket() {
    let home = Home::new();
    let sock = sock_in(&home);
    home.write("run/husk/.keep", "");
    let bin = home.bin();
    // What husk.socket does: the socket is systemd's, given to husk as fd 3
    // (systemd-socket-activate execs husk at the first connection).
    let activator = home
        .program(
            Path::new("/usr/bin/systemd-socket-activate"),
            &[
                "-l",
                sock.to_str().unwrap(),
                bin.to_str().unwrap(),
                "system",
                "service",
                "--time",
                "1",
            ],
        )
        .spawn()
        .unwrap();
    let mut svc = Service(activator);
    let start = Instant::now();
    while !sock.exists() {
        assert!(start.elapsed() < Duration::from_secs(10), "no socket");
        std::thread::sleep(Duration::from_millis(20));
    }
    let version = docker(
        &home,
        &sock,
        &["version", "--format", "{{.Server.APIVersion}}"],
    );
    assert_eq!(version.ok().trim(), "1.50");
    // Idle, it exits; the socket is systemd's, and husk leaves it.
    let status = svc.wait().unwrap();
    assert!(status.success(), "{status}");
    assert!(start.elapsed() < Duration::from_secs(10));
    assert!(sock.exists());
    // The unit files shipped say what the service needs.
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/systemd/husk.socket"
    ))
    .unwrap();
    assert!(unit.contains("ListenStream=%t/husk/husk.sock") && unit.contains("SocketMode=0600"));
    let service = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/systemd/husk.service"
    ))
    .unwrap();
    assert!(service.contains("system service") && service.contains("KillMode=process"));
}

#[test]
fn clients_that_hang_up_leave_no_thread_behind() {
    let home = Home::new();
    let bb = image("busybox:latest");
    home.husk(&["pull", "-q", &bb]).ok();
    let sock = sock_in(&home);
    let svc = service(&home, &sock, "0");
    docker(
        &home,
        &sock,
        &["run", "-d", "--name", "quiet", &bb, "sleep", "600"],
    )
    .ok();
    let threads = || {
        std::fs::read_dir(format!("/proc/{}/task", svc.id()))
            .unwrap()
            .count()
    };
    let before = threads();
    // Long requests, each left after its head: attach, logs -f, events, wait.
    for path in [
        "/v1.50/containers/quiet/attach?stream=1&stdout=1&stderr=1",
        "/v1.50/containers/quiet/logs?follow=1&stdout=1",
        "/v1.50/events",
        "/v1.50/containers/quiet/wait",
    ] {
        let method = if path.contains("logs") || path.contains("events") {
            "GET"
        } else {
            "POST"
        };
        let mut s = UnixStream::connect(&sock).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: d\r\nUpgrade: tcp\r\nConnection: Upgrade\r\n\r\n"
        )
        .unwrap();
        let mut head = [0u8; 12];
        s.read_exact(&mut head).unwrap();
        assert!(head.starts_with(b"HTTP/1.1 "), "{path}");
    }
    assert!(threads() > before, "the requests are being answered");
    let start = Instant::now();
    while threads() > before {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{} threads left, {before} before",
            threads()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // The container goes on.
    assert_eq!(
        docker(
            &home,
            &sock,
            &["inspect", "-f", "{{.State.Running}}", "quiet"]
        )
        .ok()
        .trim(),
        "true"
    );
    docker(&home, &sock, &["rm", "-f", "quiet"]).ok();
    // A pull whose client hangs up halfway (its layer trickles for 5 s) is
    // cancelled, as dockerd cancels it: nothing is stored, no thread stays.
    let slow = format!("{}/slow", common::env().bad_registry);
    let mut s = UnixStream::connect(&sock).unwrap();
    write!(
        s,
        "POST /v1.50/images/create?fromImage={slow}&tag=latest HTTP/1.1\r\nHost: d\r\n\r\n"
    )
    .unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Downloading") {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0, "{}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    let hung_up = Instant::now();
    drop(s);
    while threads() > before {
        assert!(
            hung_up.elapsed() < Duration::from_secs(3),
            "the pull goes on: {} threads",
            threads()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!home.husk(&["images"]).ok().contains("slow"));
    home.assert_consistent();
}
