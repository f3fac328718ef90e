//! Health checks, as docker defines them: a command run in the running
//! container every interval (the image's `HEALTHCHECK`, or `--health-cmd` and
//! friends), whose exit code makes the container `healthy` or, after
//! `retries` failures in a row outside its start period, `unhealthy`.
//!
//! One check (`check`, what `husk healthcheck run` does) forks: the child
//! joins the container's namespaces and runs the command there as `husk exec`
//! would, with a timeout, its output into a pipe; the parent, still in the
//! host's namespaces, reads the output and the result and records them in the
//! container's state (`Health`). The timer is the monitor's
//! (`monitor::health`).

use std::io::Read;
use std::os::fd::{AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{exec, lifecycle, state};
use crate::store::Store;

/// docker's defaults.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
pub const DEFAULT_RETRIES: u32 = 3;
/// The output kept of each check (docker keeps 4 KiB), and the checks kept.
const MAX_OUTPUT: usize = 4096;
/// The most of a check's output ever kept (`--health-max-log-size 0`).
const MAX_OUTPUT_ALL: usize = 1 << 20;
const MAX_LOG: usize = 5;

/// A container's health check (its record keeps it; inspect's `Config.Healthcheck`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthConfig {
    /// The command, as run: `["/bin/sh", "-c", CMD]` for a shell form.
    pub command: Vec<String>,
    /// docker's `Test` as given (`["CMD-SHELL", "curl ..."]`), for inspect.
    pub test: Vec<String>,
    /// Zero: no timer (only `husk healthcheck run`), podman's `--health-interval disable`.
    pub interval: Duration,
    pub timeout: Duration,
    pub start_period: Duration,
    pub retries: u32,
    /// `--health-on-failure`: what the monitor does once it is unhealthy.
    #[serde(default, skip_serializing_if = "OnFailure::is_none")]
    pub on_failure: OnFailure,
    /// podman's `--health-startup-*`: a check that runs first, until it passes;
    /// only then does this one start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startup: Option<StartupCheck>,
    /// podman's `--health-max-log-count` (None: 5; 0: no limit) and
    /// `--health-max-log-size` (None: 4096 bytes, docker's; 0: no limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_log_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_log_size: Option<u32>,
    /// podman's `--health-log-destination`.
    #[serde(default, skip_serializing_if = "LogDestination::is_local")]
    pub log_destination: LogDestination,
}

impl HealthConfig {
    /// How many checks the state keeps.
    fn log_count(&self) -> usize {
        match self.max_log_count {
            None => MAX_LOG,
            Some(0) => usize::MAX,
            Some(n) => n as usize,
        }
    }

    /// How much of a check's output is kept: what the container prints is
    /// untrusted, so "all" (0) and large sizes stop at [`MAX_OUTPUT_ALL`].
    fn output_cap(&self) -> usize {
        match self.max_log_size {
            None => MAX_OUTPUT,
            Some(0) => MAX_OUTPUT_ALL,
            Some(n) => (n as usize).min(MAX_OUTPUT_ALL),
        }
    }
}

/// Where each check's result goes besides the container's state (podman's
/// `--health-log-destination`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogDestination {
    /// The state only (`local`).
    #[default]
    Local,
    /// Also a `health_status` event (`events_logger`).
    Events,
    /// Also a line of JSON in `DIR/ID-healthcheck.log`.
    Dir(std::path::PathBuf),
}

impl LogDestination {
    fn is_local(&self) -> bool {
        *self == LogDestination::Local
    }
}

impl std::str::FromStr for LogDestination {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<LogDestination> {
        Ok(match s {
            "local" => LogDestination::Local,
            "events_logger" => LogDestination::Events,
            dir if dir.starts_with('/') => {
                if !std::path::Path::new(dir).is_dir() {
                    bail!("--health-log-destination {dir}: no such directory");
                }
                LogDestination::Dir(dir.into())
            }
            _ => bail!("invalid --health-log-destination {s:?}: local, events_logger or an absolute directory"),
        })
    }
}

/// A startup health check (podman's): run every `interval` until it passed
/// `successes` times in a row; after `retries` failures (0: never) the
/// container is restarted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartupCheck {
    pub command: Vec<String>,
    pub test: Vec<String>,
    pub interval: Duration,
    pub timeout: Duration,
    pub retries: u32,
    pub successes: u32,
}

/// podman's `--health-on-failure`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnFailure {
    #[default]
    None,
    /// SIGKILL; the restart policy does not apply (a stop).
    Kill,
    /// Started again at once, whatever the restart policy.
    Restart,
    /// As `husk stop`: the stop signal, SIGKILL after the stop timeout.
    Stop,
}

impl OnFailure {
    fn is_none(&self) -> bool {
        *self == OnFailure::None
    }
}

impl std::str::FromStr for OnFailure {
    type Err = anyhow::Error;
    fn from_str(s: &str) -> Result<OnFailure> {
        Ok(match s {
            "none" => OnFailure::None,
            "kill" => OnFailure::Kill,
            "restart" => OnFailure::Restart,
            "stop" => OnFailure::Stop,
            _ => bail!("invalid --health-on-failure {s:?}: none, kill, restart or stop"),
        })
    }
}

/// The health check flags of run/create, as given.
#[derive(Debug, Clone, Default)]
pub struct HealthFlags {
    pub cmd: Option<String>,
    pub interval: Option<String>,
    pub timeout: Option<String>,
    pub start_period: Option<String>,
    pub retries: Option<u32>,
    pub disabled: bool,
    pub on_failure: Option<String>,
    /// `--health-max-log-count`, `--health-max-log-size`, `--health-log-destination`.
    pub max_log_count: Option<u32>,
    pub max_log_size: Option<u32>,
    pub log_destination: Option<String>,
    /// `--health-startup-cmd`, `-interval`, `-timeout`, `-retries`, `-success`.
    pub startup_cmd: Option<String>,
    pub startup_interval: Option<String>,
    pub startup_timeout: Option<String>,
    pub startup_retries: Option<u32>,
    pub startup_success: Option<u32>,
}

/// The flags checked and typed; what the image says fills the rest at create.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HealthOptions {
    /// `--health-cmd`: Some(None) for "none" (disabled).
    pub test: Option<Option<Vec<String>>>,
    pub interval: Option<Duration>,
    pub timeout: Option<Duration>,
    pub start_period: Option<Duration>,
    pub retries: Option<u32>,
    pub disabled: bool,
    pub on_failure: OnFailure,
    pub startup: Option<StartupCheck>,
    pub max_log_count: Option<u32>,
    pub max_log_size: Option<u32>,
    pub log_destination: LogDestination,
}

impl HealthFlags {
    pub fn resolve(&self) -> Result<HealthOptions> {
        let duration = |flag: &str, v: &Option<String>| -> Result<Option<Duration>> {
            v.as_deref().map(|s| parse_duration(flag, s)).transpose()
        };
        let test = match self.cmd.as_deref() {
            None => None,
            Some(c) if c.eq_ignore_ascii_case("none") => Some(None),
            Some(c) => Some(Some(parse_test(c)?)),
        };
        if let Some(0) = self.retries {
            bail!("invalid --health-retries 0: at least 1");
        }
        if self.disabled && matches!(test, Some(Some(_))) {
            bail!("--no-healthcheck conflicts with --health-cmd");
        }
        let interval = match self.interval.as_deref() {
            Some("disable") => Some(Duration::ZERO),
            _ => duration("--health-interval", &self.interval)?,
        };
        Ok(HealthOptions {
            test,
            interval,
            timeout: duration("--health-timeout", &self.timeout)?,
            start_period: duration("--health-start-period", &self.start_period)?,
            retries: self.retries,
            disabled: self.disabled,
            on_failure: self
                .on_failure
                .as_deref()
                .map(str::parse)
                .transpose()?
                .unwrap_or_default(),
            startup: self.startup()?,
            max_log_count: self.max_log_count,
            max_log_size: self.max_log_size,
            log_destination: self
                .log_destination
                .as_deref()
                .map(str::parse)
                .transpose()?
                .unwrap_or_default(),
        })
    }

    /// The startup check the `--health-startup-*` flags make.
    fn startup(&self) -> Result<Option<StartupCheck>> {
        let Some(cmd) = &self.startup_cmd else {
            let given = self.startup_interval.is_some()
                || self.startup_timeout.is_some()
                || self.startup_retries.is_some()
                || self.startup_success.is_some();
            if given {
                bail!("the --health-startup-* options need --health-startup-cmd");
            }
            return Ok(None);
        };
        let test = parse_test(cmd).context("--health-startup-cmd")?;
        let Some(command) = command_of(&test)? else {
            bail!("invalid --health-startup-cmd {cmd:?}");
        };
        let duration = |flag: &str, v: &Option<String>, default: Duration| -> Result<Duration> {
            Ok(match v.as_deref() {
                Some(s) => parse_duration(flag, s)?,
                None => default,
            })
        };
        let interval = duration(
            "--health-startup-interval",
            &self.startup_interval,
            DEFAULT_INTERVAL,
        )?;
        if interval.is_zero() {
            bail!("invalid --health-startup-interval: more than 0");
        }
        Ok(Some(StartupCheck {
            command,
            test,
            interval,
            timeout: duration(
                "--health-startup-timeout",
                &self.startup_timeout,
                DEFAULT_TIMEOUT,
            )?,
            retries: self.startup_retries.unwrap_or(0),
            successes: self.startup_success.unwrap_or(0).max(1),
        }))
    }
}

/// `flag`'s duration ("30s", "1m30s", "500ms", "0").
fn parse_duration(flag: &str, s: &str) -> Result<Duration> {
    crate::output::human::parse_duration(s).with_context(|| format!("invalid {flag} {s:?}"))
}

/// `--health-cmd`: a shell command, or podman's JSON form
/// (`["CMD", "curl", "-f", "http://localhost"]`, `["CMD-SHELL", "..."]`).
fn parse_test(c: &str) -> Result<Vec<String>> {
    if c.trim_start().starts_with('[') {
        let test: Vec<String> = serde_json::from_str(c)
            .with_context(|| format!("invalid --health-cmd {c:?}: a JSON array of strings"))?;
        command_of(&test).with_context(|| format!("invalid --health-cmd {c:?}"))?;
        return Ok(test);
    }
    if c.trim().is_empty() {
        bail!("invalid --health-cmd: empty");
    }
    Ok(vec!["CMD-SHELL".into(), c.into()])
}

/// The command a `Test` runs; None for `NONE` (or an empty one).
fn command_of(test: &[String]) -> Result<Option<Vec<String>>> {
    match test.split_first() {
        None => Ok(None),
        Some((kind, _)) if kind == "NONE" => Ok(None),
        Some((kind, rest)) if kind == "CMD" && !rest.is_empty() => Ok(Some(rest.to_vec())),
        Some((kind, [shell])) if kind == "CMD-SHELL" => {
            Ok(Some(vec!["/bin/sh".into(), "-c".into(), shell.clone()]))
        }
        // A bare command (what some images carry): run as given.
        Some((kind, _)) if !matches!(kind.as_str(), "CMD" | "CMD-SHELL") => Ok(Some(test.to_vec())),
        _ => bail!("a health check test is [\"CMD\", ARG...] or [\"CMD-SHELL\", COMMAND]"),
    }
}

/// The container's health check: the image's `Healthcheck` with the flags over it.
pub fn config(image_config: &Value, opts: &HealthOptions) -> Result<Option<HealthConfig>> {
    let config = regular_config(image_config, opts)?;
    if config.is_none() && opts.startup.is_some() {
        bail!("--health-startup-cmd needs a health check to gate (the image's HEALTHCHECK or --health-cmd)");
    }
    Ok(config)
}

fn regular_config(image_config: &Value, opts: &HealthOptions) -> Result<Option<HealthConfig>> {
    if opts.disabled {
        return Ok(None);
    }
    let image = image_config.pointer("/config/Healthcheck");
    let nanos = |k: &str| {
        image
            .and_then(|h| h.get(k))
            .and_then(Value::as_u64)
            .filter(|n| *n > 0)
            .map(Duration::from_nanos)
    };
    let test = match &opts.test {
        Some(None) => return Ok(None),
        Some(Some(t)) => t.clone(),
        None => image
            .and_then(|h| h.get("Test"))
            .and_then(|t| serde_json::from_value::<Vec<String>>(t.clone()).ok())
            .unwrap_or_default(),
    };
    let Some(command) = command_of(&test)? else {
        return Ok(None);
    };
    let retries = opts.retries.or_else(|| {
        image
            .and_then(|h| h.get("Retries"))
            .and_then(Value::as_u64)
            .filter(|n| *n > 0)
            .map(|n| n.min(u32::MAX as u64) as u32)
    });
    Ok(Some(HealthConfig {
        command,
        test,
        interval: opts
            .interval
            .or_else(|| nanos("Interval"))
            .unwrap_or(DEFAULT_INTERVAL),
        timeout: opts
            .timeout
            .filter(|t| !t.is_zero())
            .or_else(|| nanos("Timeout"))
            .unwrap_or(DEFAULT_TIMEOUT),
        start_period: opts
            .start_period
            .or_else(|| nanos("StartPeriod"))
            .unwrap_or_default(),
        retries: retries.unwrap_or(DEFAULT_RETRIES),
        on_failure: opts.on_failure,
        startup: opts.startup.clone(),
        max_log_count: opts.max_log_count,
        max_log_size: opts.max_log_size,
        log_destination: opts.log_destination.clone(),
    }))
}

/// docker's `Config.Healthcheck` of inspect (and podman's `StartupHealthCheck`).
pub fn config_json(c: &HealthConfig) -> Value {
    let mut doc = serde_json::json!({
        "Test": c.test,
        "Interval": c.interval.as_nanos() as u64,
        "Timeout": c.timeout.as_nanos() as u64,
        "StartPeriod": c.start_period.as_nanos() as u64,
        "Retries": c.retries,
    });
    if let Some(s) = &c.startup {
        doc["StartupHealthCheck"] = serde_json::json!({
            "Test": s.test,
            "Interval": s.interval.as_nanos() as u64,
            "Timeout": s.timeout.as_nanos() as u64,
            "Retries": s.retries,
            "Successes": s.successes,
        });
    }
    doc
}

/// Where a container's health stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Starting,
    Healthy,
    Unhealthy,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Starting => "starting",
            Status::Healthy => "healthy",
            Status::Unhealthy => "unhealthy",
        }
    }
}

/// One check's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Probe {
    #[serde(rename = "Start")]
    pub start: String,
    #[serde(rename = "End")]
    pub end: String,
    /// -1: it did not finish within the timeout (or could not run).
    #[serde(rename = "ExitCode")]
    pub exit_code: i32,
    #[serde(rename = "Output")]
    pub output: String,
}

/// The health in the container's state (inspect's `State.Health`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Health {
    #[serde(rename = "Status")]
    pub status: Status,
    #[serde(rename = "FailingStreak")]
    pub failing_streak: u32,
    #[serde(rename = "Log", default)]
    pub log: Vec<Probe>,
    /// The startup check passed (or there is none): the regular one runs.
    #[serde(rename = "StartupPassed", default)]
    pub startup_passed: bool,
    /// The startup check's successes in a row, and its failures.
    #[serde(rename = "StartupSuccesses", default)]
    pub startup_successes: u32,
    #[serde(rename = "StartupFailures", default)]
    pub startup_failures: u32,
}

impl Health {
    /// Record `probe`: a success makes it healthy; a failure after the start
    /// period adds to the streak, which at `retries` makes it unhealthy.
    fn record(&mut self, probe: Probe, in_start_period: bool, retries: u32) {
        if probe.exit_code == 0 {
            self.status = Status::Healthy;
            self.failing_streak = 0;
        } else if !in_start_period {
            self.failing_streak += 1;
            if self.failing_streak >= retries {
                self.status = Status::Unhealthy;
            }
        }
        self.keep(probe);
    }

    /// Record a probe of the startup check `s`: enough successes in a row pass it.
    fn record_startup(&mut self, probe: Probe, s: &StartupCheck) {
        if probe.exit_code == 0 {
            self.startup_successes += 1;
            self.startup_passed = self.startup_successes >= s.successes;
        } else {
            self.startup_successes = 0;
            self.startup_failures += 1;
        }
        self.keep(probe);
    }

    fn keep(&mut self, probe: Probe) {
        self.log.push(probe);
    }

    /// Keep the last `max` checks.
    fn trim(&mut self, max: usize) {
        let extra = self.log.len().saturating_sub(max);
        self.log.drain(..extra);
    }
}

/// Where a container's startup check stands (from its state).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartupState {
    Passed,
    /// Not yet; the failures so far.
    Pending(u32),
}

/// How the startup check of container `id` stands, from its state.
pub fn startup_state(store: &Store, id: &str) -> StartupState {
    let h = state::current(store, id).ok().and_then(|s| s.health);
    match h {
        Some(h) if h.startup_passed => StartupState::Passed,
        Some(h) => StartupState::Pending(h.startup_failures),
        None => StartupState::Pending(0),
    }
}

/// Run the container's health check once and record the result: whether
/// this check passed, and the container's status now.
pub fn check(store: &Store, id: &str) -> Result<(bool, Status)> {
    let record = store.container_record(id)?;
    let Some(cfg) = record.healthcheck.clone() else {
        bail!("container {} has no health check", record.name);
    };
    let s = state::current(store, id)?;
    if state::running_pid(&s).is_none() {
        return Err(lifecycle::not_running(&record.name));
    }
    // The startup check gates the regular one until it has passed.
    let startup = cfg
        .startup
        .as_ref()
        .filter(|_| !s.health.as_ref().is_some_and(|h| h.startup_passed));
    let (command, timeout) = match startup {
        Some(st) => (&st.command, st.timeout),
        None => (&cfg.command, cfg.timeout),
    };
    let started = Instant::now();
    let start = state::now();
    let probe = run_probe(store, id, command, timeout, cfg.output_cap())?;
    let probe = Probe {
        start,
        end: state::now(),
        ..probe
    };
    let since_start = s
        .started_at
        .as_deref()
        .and_then(crate::output::human::parse_time)
        .and_then(|t| t.elapsed().ok())
        .unwrap_or_default()
        .saturating_sub(started.elapsed());
    let in_start_period = since_start < cfg.start_period;
    let passed = probe.exit_code == 0;
    let s = state::update(store, id, |s| {
        let h = s.health.get_or_insert_with(Health::default);
        match startup {
            Some(st) => h.record_startup(probe.clone(), st),
            None => h.record(probe.clone(), in_start_period, cfg.retries),
        }
        h.trim(cfg.log_count());
    })?;
    let status = s.health.map(|h| h.status).unwrap_or_default();
    deliver(&cfg.log_destination, &record, &probe, status)?;
    Ok((passed, status))
}

/// A check's result where `--health-log-destination` sends it besides the state.
fn deliver(
    to: &LogDestination,
    record: &crate::store::containers::ContainerRecord,
    probe: &Probe,
    status: Status,
) -> Result<()> {
    match to {
        LogDestination::Local => Ok(()),
        LogDestination::Events => {
            let extra = [("health_status", status.as_str().to_string())];
            crate::events::container("health_status", record, &extra);
            Ok(())
        }
        LogDestination::Dir(dir) => {
            use std::io::Write;
            let path = dir.join(format!("{}-healthcheck.log", record.id));
            let mut line = serde_json::to_vec(&serde_json::json!({
                "Status": status.as_str(), "Check": probe,
            }))?;
            line.push(b'\n');
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .and_then(|mut f| f.write_all(&line))
                .with_context(|| format!("writing {}", path.display()))
        }
    }
}

/// Fork; the child runs the check in the container; read its output and code.
fn run_probe(
    store: &Store,
    id: &str,
    command: &[String],
    timeout: Duration,
    output_cap: usize,
) -> Result<Probe> {
    use nix::unistd::{fork, ForkResult};
    let (out_r, out_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
    let (res_r, res_w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("pipe")?;
    // SAFETY: husk is single-threaded here (a CLI command, or the probe process
    // the monitor spawns); the child only runs the check and exits.
    match unsafe { fork() }.context("fork")? {
        ForkResult::Child => {
            drop((out_r, res_r));
            let code = match probe_in_child(store, id, command, timeout, out_w) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("{}", crate::error::one_line(&e));
                    -1
                }
            };
            let _ = nix::unistd::write(&res_w, code.to_string().as_bytes());
            // SAFETY: _exit ends the child without running the parent's atexit work.
            unsafe { libc::_exit(0) }
        }
        ForkResult::Parent { child } => {
            drop((out_w, res_w));
            let output = read_bounded(out_r, output_cap);
            let mut res = String::new();
            let _ = std::fs::File::from(res_r).read_to_string(&mut res);
            let _ = nix::sys::wait::waitpid(child, None);
            let exit_code = res.trim().parse().unwrap_or(-1);
            Ok(Probe {
                start: String::new(),
                end: String::new(),
                exit_code,
                output,
            })
        }
    }
}

/// The first `cap` bytes of what `fd` gives until it closes (the rest is drained).
fn read_bounded(fd: OwnedFd, cap: usize) -> String {
    let mut f = std::fs::File::from(fd);
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    while let Ok(n) = f.read(&mut buf) {
        if n == 0 {
            break;
        }
        let room = cap.saturating_sub(kept.len());
        kept.extend_from_slice(&buf[..n.min(room)]);
    }
    String::from_utf8_lossy(&kept).into_owned()
}

/// In the forked child: stdout and stderr to `out`, the command started in the
/// container, waited for until the timeout (then killed: -1).
fn probe_in_child(
    store: &Store,
    id: &str,
    command: &[String],
    timeout: Duration,
    out: OwnedFd,
) -> Result<i32> {
    for target in [1, 2] {
        nix::unistd::dup2(out.as_raw_fd(), target).context("dup2")?;
    }
    let null = std::fs::File::open("/dev/null").context("opening /dev/null")?;
    nix::unistd::dup2(null.as_raw_fd(), 0).context("dup2")?;
    let execed = exec::start(
        store,
        id,
        &exec::ExecOptions {
            command: command.to_vec(),
            ..Default::default()
        },
    )?;
    drop(out);
    let pid = execed.started.pid;
    let deadline = Instant::now() + timeout;
    loop {
        use nix::sys::wait::{waitpid, WaitPidFlag, WaitStatus};
        match waitpid(pid, Some(WaitPidFlag::WNOHANG)).context("waitpid")? {
            WaitStatus::Exited(_, code) => return Ok(code),
            WaitStatus::Signaled(_, sig, _) => return Ok(128 + sig as i32),
            _ if Instant::now() >= deadline => {
                let _ = nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGKILL);
                let _ = waitpid(pid, None);
                println!(
                    "Health check exceeded timeout ({})",
                    humantime::format_duration(timeout)
                );
                return Ok(-1);
            }
            _ => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// What `ps` adds to a running container's status: " (healthy)".
pub fn status_suffix(h: Option<&Health>) -> String {
    match h.map(|h| h.status) {
        None => String::new(),
        Some(Status::Starting) => " (health: starting)".into(),
        Some(s) => format!(" ({})", s.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn image_and_flags() {
        let image = json!({"config": {"Healthcheck": {"Test": ["CMD-SHELL", "true"], "Interval": 5_000_000_000u64, "Retries": 2}}});
        let c = config(&image, &HealthOptions::default()).unwrap().unwrap();
        assert_eq!(c.command, ["/bin/sh", "-c", "true"]);
        assert_eq!(
            (c.interval, c.timeout, c.retries),
            (Duration::from_secs(5), DEFAULT_TIMEOUT, 2)
        );
        let flags = HealthFlags {
            cmd: Some(r#"["CMD", "check", "-q"]"#.into()),
            interval: Some("1m30s".into()),
            ..Default::default()
        };
        let c = config(&image, &flags.resolve().unwrap()).unwrap().unwrap();
        assert_eq!(
            (c.command.as_slice(), c.interval),
            (
                &["check".to_string(), "-q".into()][..],
                Duration::from_secs(90)
            )
        );
        let none = HealthFlags {
            cmd: Some("none".into()),
            ..Default::default()
        };
        assert!(config(&image, &none.resolve().unwrap()).unwrap().is_none());
        let off = HealthFlags {
            disabled: true,
            ..Default::default()
        };
        assert!(config(&image, &off.resolve().unwrap()).unwrap().is_none());
        assert!(config(
            &json!({"config": {"Healthcheck": {"Test": ["NONE"]}}}),
            &HealthOptions::default()
        )
        .unwrap()
        .is_none());
        for bad in [
            HealthFlags {
                interval: Some("soon".into()),
                ..Default::default()
            },
            HealthFlags {
                retries: Some(0),
                ..Default::default()
            },
            HealthFlags {
                cmd: Some("[\"CMD\"]".into()),
                ..Default::default()
            },
            HealthFlags {
                cmd: Some("x".into()),
                disabled: true,
                ..Default::default()
            },
        ] {
            assert!(bad.resolve().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_containers_output_is_bounded() {
        let cfg = |size: Option<u32>| HealthConfig {
            command: vec![],
            test: vec![],
            interval: DEFAULT_INTERVAL,
            timeout: DEFAULT_TIMEOUT,
            start_period: Duration::ZERO,
            retries: DEFAULT_RETRIES,
            on_failure: OnFailure::None,
            startup: None,
            max_log_count: None,
            max_log_size: size,
            log_destination: LogDestination::Local,
        };
        assert_eq!(cfg(None).output_cap(), MAX_OUTPUT);
        assert_eq!(cfg(Some(10)).output_cap(), 10);
        assert_eq!(cfg(Some(0)).output_cap(), MAX_OUTPUT_ALL);
        assert_eq!(cfg(Some(u32::MAX)).output_cap(), MAX_OUTPUT_ALL);
    }

    #[test]
    fn streaks_and_the_start_period() {
        let probe = |code| Probe {
            start: String::new(),
            end: String::new(),
            exit_code: code,
            output: String::new(),
        };
        let mut h = Health::default();
        h.record(probe(1), true, 2);
        assert_eq!((h.status, h.failing_streak), (Status::Starting, 0));
        h.record(probe(1), false, 2);
        assert_eq!((h.status, h.failing_streak), (Status::Starting, 1));
        h.record(probe(1), false, 2);
        assert_eq!(h.status, Status::Unhealthy);
        h.record(probe(0), false, 2);
        assert_eq!((h.status, h.failing_streak), (Status::Healthy, 0));
        for _ in 0..10 {
            h.record(probe(0), false, 2);
        }
        h.trim(MAX_LOG);
        assert_eq!(h.log.len(), MAX_LOG);
    }
}
