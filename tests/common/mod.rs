//! The integration-test harness: a fresh home per test, husk run as the
//! unprivileged test user, and the registries `tests/run.sh` started.
#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use serde_json::Value;

/// What `tests/run.sh` set up, from its environment variables.
pub struct TestEnv {
    pub registry: String,
    pub auth_registry: String,
    pub bad_registry: String,
    pub auth_user: String,
    pub auth_password: String,
    pub ca: PathBuf,
    pub work: PathBuf,
    /// The user husk runs as when the tests run as root (with subuids).
    pub user: Option<String>,
    /// A user without subuids, for single-uid mode.
    pub nosub_user: Option<String>,
    pub evil_target: PathBuf,
    pub facts: Value,
    bin: PathBuf,
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the integration tests with tests/run.sh")
    })
}

pub fn env() -> &'static TestEnv {
    static ENV: OnceLock<TestEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        let work = PathBuf::from(var("HUSK_TEST_WORK"));
        let bin_dir = work.join("bin");
        std::fs::create_dir_all(&bin_dir).unwrap();
        // A copy the test user can execute (the checkout may be in root's home).
        let bin = bin_dir.join(format!("husk-{}", std::process::id()));
        std::fs::copy(env!("CARGO_BIN_EXE_husk"), &bin).unwrap();
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        let facts: Value =
            serde_json::from_slice(&std::fs::read(var("HUSK_TEST_FACTS")).unwrap()).unwrap();
        let opt = |n: &str| std::env::var(n).ok().filter(|v| !v.is_empty());
        TestEnv {
            registry: var("HUSK_TEST_REGISTRY"),
            auth_registry: var("HUSK_TEST_AUTH_REGISTRY"),
            bad_registry: var("HUSK_TEST_BAD_REGISTRY"),
            auth_user: var("HUSK_TEST_AUTH_USER"),
            auth_password: var("HUSK_TEST_AUTH_PASSWORD"),
            ca: PathBuf::from(var("HUSK_TEST_CA")),
            work,
            user: opt("HUSK_TEST_USER"),
            nosub_user: opt("HUSK_TEST_NOSUB_USER"),
            evil_target: PathBuf::from(var("HUSK_TEST_EVIL_TARGET")),
            facts,
            bin,
        }
    })
}

/// `registry/name` on the open test registry.
pub fn image(name: &str) -> String {
    format!("{}/{name}", env().registry)
}

/// A fact about a fixture image (`fact("busybox", "id")`).
pub fn fact(image: &str, key: &str) -> String {
    env().facts[image][key]
        .as_str()
        .unwrap_or_else(|| panic!("no fact {image}.{key}"))
        .to_string()
}

pub fn facts(image: &str, key: &str) -> Vec<String> {
    env().facts[image][key]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// The result of one husk run.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Assert success; returns stdout.
    pub fn ok(&self) -> &str {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        &self.stdout
    }

    /// Assert exit code `code` and a stderr containing `needle`.
    pub fn fails(&self, code: i32, needle: &str) -> &Self {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}: {}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(self.ok())
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

/// A fresh home (and so a fresh store) for one test, owned by the user husk runs as.
pub struct Home {
    pub dir: PathBuf,
    pub user: Option<String>,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl Home {
    /// A home for the test user with subuids, trusting the test CA.
    pub fn new() -> Home {
        Self::create(env().user.clone(), true)
    }

    /// A home for the user without subuids; None when the tests run unprivileged
    /// (no second user can be made), which the caller reports.
    pub fn without_subuids() -> Option<Home> {
        env()
            .nosub_user
            .clone()
            .map(|u| Self::create(Some(u), true))
    }

    /// A home that does not trust the test CA.
    pub fn untrusting() -> Home {
        Self::create(env().user.clone(), false)
    }

    fn create(user: Option<String>, trust: bool) -> Home {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = env()
            .work
            .join("homes")
            .join(format!("{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("run")).unwrap();
        std::fs::set_permissions(dir.join("run"), std::fs::Permissions::from_mode(0o700)).unwrap();
        if trust {
            let e = env();
            for reg in [&e.registry, &e.auth_registry, &e.bad_registry] {
                let certs = dir.join(".config/containers/certs.d").join(reg);
                std::fs::create_dir_all(&certs).unwrap();
                std::fs::copy(&e.ca, certs.join("ca.crt")).unwrap();
            }
        }
        let home = Home { dir, user };
        if let Some(u) = &home.user {
            let st = Command::new("chown")
                .args(["-R", &format!("{u}:{u}"), home.dir.to_str().unwrap()])
                .status()
                .unwrap();
            assert!(st.success());
        }
        home
    }

    /// The store of this home.
    pub fn store(&self) -> PathBuf {
        self.dir.join(".local/share/husk")
    }

    /// A file in this home (written as the user).
    pub fn write(&self, rel: &str, contents: &str) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        if let Some(u) = &self.user {
            Command::new("chown")
                .args(["-R", &format!("{u}:{u}"), self.dir.to_str().unwrap()])
                .status()
                .unwrap();
        }
    }

    /// A husk command as the test user, with this home's environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.program(&env().bin, args)
    }

    /// The husk binary the tests run.
    pub fn bin(&self) -> &Path {
        &env().bin
    }

    /// Any program, run as the test user with this home's environment.
    pub fn program(&self, program: &Path, args: &[&str]) -> Command {
        let mut cmd = match &self.user {
            Some(u) => {
                let mut c = Command::new("/usr/bin/setpriv");
                c.args(["--reuid", u, "--regid", u, "--init-groups", "--"])
                    .arg(program);
                c
            }
            None => Command::new(program),
        };
        cmd.args(args)
            .env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")
            .env("HOME", &self.dir)
            .env("XDG_RUNTIME_DIR", self.dir.join("run"))
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null());
        // tests/run.sh runs the container tests once more on the kernel overlay.
        if let Ok(driver) = std::env::var("HUSK_STORAGE_DRIVER") {
            cmd.env("HUSK_STORAGE_DRIVER", driver);
        }
        cmd
    }

    pub fn husk(&self, args: &[&str]) -> Run {
        Run::from(self.cmd(args).output().unwrap())
    }

    /// Run with `input` on stdin.
    pub fn husk_stdin(&self, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A command may exit without reading its input (one that refuses to
        // ask, off a terminal): a broken pipe is no failure of the test.
        let written = child.stdin.take().unwrap().write_all(input.as_bytes());
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
        Run::from(child.wait_with_output().unwrap())
    }

    /// Assert that `husk system check` finds the store consistent and that no
    /// command left anything in tmp/ (a `--rm` container's monitor deletes its
    /// files just after `husk run --rm` returned: it is given 10 s for that).
    pub fn assert_consistent(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !self.tmp_entries().is_empty() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(
            self.tmp_entries().is_empty(),
            "tmp/ left: {:?}",
            self.tmp_entries()
        );
        let run = self.husk(&["system", "check"]);
        assert!(
            run.code == 0 && run.stdout.contains("store"),
            "store not consistent:\n{}{}",
            run.stdout,
            run.stderr
        );
    }

    /// The layer directory of a diff_id in this home's store.
    pub fn layer(&self, diff_id: &str) -> PathBuf {
        self.store()
            .join("layers")
            .join(diff_id.trim_start_matches("sha256:"))
            .join("diff")
    }

    /// How many layers the store holds.
    pub fn layer_count(&self) -> usize {
        std::fs::read_dir(self.store().join("layers"))
            .map(|d| d.count())
            .unwrap_or(0)
    }

    /// Entries under the store's tmp/ (should be none once a command finished).
    pub fn tmp_entries(&self) -> Vec<String> {
        match std::fs::read_dir(self.store().join("tmp")) {
            Ok(rd) => rd
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => vec![],
        }
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        // The store holds files of the user namespace's ids: remove them from inside it.
        if let Ok(out) = self.cmd(&["system", "reset", "--force"]).output() {
            if !out.status.success() {
                eprintln!(
                    "husk system reset failed in {}: {}",
                    self.dir.display(),
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// uid of the test user (the current one when tests run unprivileged).
pub fn uid_of(user: &Option<String>) -> u32 {
    match user {
        Some(u) => nix::unistd::User::from_name(u)
            .unwrap()
            .unwrap()
            .uid
            .as_raw(),
        None => nix::unistd::getuid().as_raw(),
    }
}

/// First host id of the user's subuid range.
pub fn subuid_start(user: &Option<String>) -> u32 {
    let name = match user {
        Some(u) => u.clone(),
        None => {
            nix::unistd::User::from_uid(nix::unistd::getuid())
                .unwrap()
                .unwrap()
                .name
        }
    };
    let text = std::fs::read_to_string("/etc/subuid").unwrap();
    text.lines()
        .find_map(|l| {
            let mut f = l.split(':');
            (f.next()? == name).then(|| f.next()?.parse().ok())?
        })
        .expect("the test user has no /etc/subuid entry")
}

pub fn xattr(path: &Path, name: &str) -> Option<String> {
    let key = std::ffi::CString::new(name).unwrap();
    husk::layer::get_xattr(path, &key)
        .unwrap()
        .map(|v| String::from_utf8_lossy(&v).into_owned())
}

/// Wait (20 s at most) until a container has written `path`, through a volume.
pub fn wait_for_file(path: &Path) {
    let start = std::time::Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "the container never wrote {}",
            path.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Give `path` to the home's user (tests run as root and make files as root).
pub fn chown_to_user(home: &Home, path: &str) {
    if let Some(u) = &home.user {
        let st = Command::new("chown")
            .args(["-R", &format!("{u}:{u}"), path])
            .status()
            .unwrap();
        assert!(st.success());
    }
}

/// `len` bytes that do not compress (xorshift from `seed`): layers that
/// are uploaded in chunks, or take a while to push.
pub fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// A free port on the host's loopback, for both TCP and UDP.
///
/// Taken below the kernel's ephemeral range (32768-60999), so that no outgoing
/// connection of a test running beside this one (a pull, an HTTP probe) can take it
/// between this call and the `-p` that publishes it; each call of this process
/// gets a new one.
pub fn free_port() -> u16 {
    free_ports(1)
}

/// The first of `n` consecutive free ports (see `free_port`), for a published range.
pub fn free_ports(n: u16) -> u16 {
    use std::sync::atomic::{AtomicU16, Ordering};
    static NEXT: AtomicU16 = AtomicU16::new(0);
    let base = 20000 + (std::process::id() % 50) as u16 * 200;
    let free = |port: u16| {
        std::net::TcpListener::bind(("127.0.0.1", port)).is_ok()
            && std::net::UdpSocket::bind(("127.0.0.1", port)).is_ok()
    };
    loop {
        let first = base + NEXT.fetch_add(n, Ordering::Relaxed) % 2000;
        if (first..first + n).all(free) {
            return first;
        }
    }
}

/// GET / from 127.0.0.1:port on the host, retried while the server starts.
pub fn http_get(port: u16) -> String {
    let mut last = String::new();
    for _ in 0..200 {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            s.set_read_timeout(Some(std::time::Duration::from_secs(5)))
                .unwrap();
            let _ = std::io::Write::write_all(&mut s, b"GET /index.html HTTP/1.0\r\n\r\n");
            let mut out = String::new();
            let _ = std::io::Read::read_to_string(&mut s, &mut out);
            if out.contains("200 OK") {
                return out;
            }
            last = out;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("no answer on port {port}: {last}");
}

/// GET /index.html from 127.0.0.1:`port` until the answer has `want` (up to
/// 10 s: a server restarting, a port moving to a new pod); the last answer.
pub fn page(port: u16, want: &str) -> String {
    let mut got = String::new();
    for _ in 0..100 {
        got = http_get(port);
        if got.contains(want) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    got
}
