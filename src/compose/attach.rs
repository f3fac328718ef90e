//! `compose up` without `-d`: the output of every service's container, each
//! line after a `web-1  | ` prefix (coloured on a terminal), until they all
//! exit. Ctrl-C (or SIGTERM) stops the project gracefully; a second one kills
//! it. With `abort_on_exit`, the first container to exit stops the rest.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use anyhow::{anyhow, Result};
use nix::sys::signal::{SigSet, SigmaskHow, Signal};

use super::control::{self, service_of, Selection};
use super::service::LABEL_NUMBER;
use crate::container::list::Listed;
use crate::container::logs::LogQuery;
use crate::container::state;
use crate::monitor::log::Entry;
use crate::store::Store;

/// The colours of the prefixes, one per container in turn (docker compose's order).
const COLORS: [u8; 6] = [36, 33, 32, 35, 34, 31];

/// A [`super::project::Report`] that the stopping thread may call.
pub type SendReport<'a> = &'a mut (dyn FnMut(&str, &str, &str) + Send);

/// How `attach` shows the output and when it ends.
#[derive(Debug, Clone, Default)]
pub struct AttachOptions {
    /// Only what was logged from this time on (the start of `up`).
    pub since: Option<SystemTime>,
    pub color: bool,
    /// `web-1  | ` before each line.
    pub prefix: bool,
    pub timestamps: bool,
    /// The first container to exit stops the others.
    pub abort_on_exit: bool,
    /// Seconds each container gets to stop, when the project is stopped.
    pub stop_timeout: Option<u32>,
}

/// How the attached session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every container exited (or was stopped after one did, with
    /// `abort_on_exit`); the exit code of the first to exit by itself.
    Exited(Option<i32>),
    /// Ctrl-C or SIGTERM: the project was stopped.
    Interrupted,
}

/// What is shared between the followers, the signal watcher and the stopper.
struct Session<'a> {
    store: &'a Store,
    sel: &'a Selection<'a>,
    opts: &'a AttachOptions,
    /// How many stops were asked for: 0 none, 1 stopping, more: kill.
    phase: AtomicU8,
    interrupted: AtomicBool,
    /// Every follower is done: the watcher ends.
    done: AtomicBool,
    /// The exit code of the first container that exited before any stop was asked.
    first_exit: Mutex<Option<i32>>,
    report: Mutex<SendReport<'a>>,
}

/// The prefix of each container: `SERVICE-N  | `, padded to the widest,
/// each in a colour of its own with `color`.
pub fn prefixes(containers: &[Listed], color: bool) -> Vec<String> {
    let names: Vec<String> = containers
        .iter()
        .map(|c| match c.record.labels.get(LABEL_NUMBER) {
            Some(n) => format!("{}-{n}", service_of(c)),
            None => c.record.name.clone(),
        })
        .collect();
    let width = names.iter().map(String::len).max().unwrap_or(0);
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let text = format!("{n:width$}  | ");
            match color {
                true => format!("\x1b[{}m{text}\x1b[0m", COLORS[i % COLORS.len()]),
                false => text,
            }
        })
        .collect()
}

/// A log entry as printed: `prefix` (and the time) at the start of a line.
/// `at_start` keeps, per stream, whether the last entry ended its line.
pub fn line(e: &Entry, prefix: &str, timestamps: bool, at_start: &mut [bool; 2]) -> Vec<u8> {
    let i = e.stream as usize;
    let mut text = Vec::with_capacity(e.text.len() + prefix.len() + 40);
    if at_start[i] {
        text.extend_from_slice(prefix.as_bytes());
        if timestamps {
            text.extend_from_slice(e.time.as_bytes());
            text.push(b' ');
        }
    }
    text.extend_from_slice(&e.text);
    if e.full {
        text.push(b'\n');
    }
    at_start[i] = e.full;
    text
}

/// Follow the selected containers' output until they have all exited.
pub fn attach(
    store: &Store,
    sel: &Selection,
    opts: &AttachOptions,
    report: SendReport,
) -> Result<Ending> {
    let targets = sel.containers(store, false)?;
    let prefixes = prefixes(&targets, opts.color);
    let mut signals = SigSet::empty();
    signals.add(Signal::SIGINT);
    signals.add(Signal::SIGTERM);
    let mut old = SigSet::empty();
    nix::sys::signal::pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&signals), Some(&mut old))?;
    let session = Session {
        store,
        sel,
        opts,
        phase: AtomicU8::new(0),
        interrupted: AtomicBool::new(false),
        done: AtomicBool::new(false),
        first_exit: Mutex::new(None),
        report: Mutex::new(report),
    };
    let result = std::thread::scope(|s| -> Result<()> {
        let watcher = s.spawn(|| session.watch_signals(&signals));
        let stopper = s.spawn(|| session.stop_when_asked());
        let followers: Vec<_> = targets
            .iter()
            .zip(&prefixes)
            .map(|(c, p)| {
                let session = &session;
                s.spawn(move || session.follow(c, p))
            })
            .collect();
        let mut first_error = None;
        for f in followers {
            let r = f
                .join()
                .map_err(|_| anyhow!("a log follower failed"))
                .and_then(|r| r);
            if let Err(e) = r {
                first_error.get_or_insert(e);
            }
        }
        session.done.store(true, Ordering::SeqCst);
        watcher
            .join()
            .map_err(|_| anyhow!("the signal watcher failed"))??;
        stopper.join().map_err(|_| anyhow!("the stopper failed"))?;
        first_error.map_or(Ok(()), Err)
    });
    // A signal that came after the watcher's last look would end us once
    // unblocked: taken now (everything has exited anyway).
    let none = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: sigtimedwait(2) with a valid set and timespec, no siginfo asked.
    while unsafe { libc::sigtimedwait(signals.as_ref(), std::ptr::null_mut(), &none) } > 0 {}
    nix::sys::signal::pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(&old), None)?;
    result?;
    let first = session.first_exit.lock().map(|f| *f).unwrap_or(None);
    Ok(match session.interrupted.load(Ordering::SeqCst) {
        true => Ending::Interrupted,
        false => Ending::Exited(first),
    })
}

impl Session<'_> {
    /// One container's output, until it no longer runs; then its exit code.
    fn follow(&self, c: &Listed, prefix: &str) -> Result<()> {
        let query = LogQuery {
            since: self.opts.since,
            follow: true,
            cancel: None,
            ..Default::default()
        };
        let shown = match self.opts.prefix {
            true => prefix,
            false => "",
        };
        let mut at_start = [true, true];
        match c.record.log_driver.readable() {
            true => crate::container::logs::read(self.store, &c.record.id, &query, &mut |e| {
                self.print(e, shown, &mut at_start)
            })?,
            // Nothing to show (logging driver none): only its end.
            false => {
                while state::is_active(&state::current(self.store, &c.record.id)?) {
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
        let s = state::current(self.store, &c.record.id)?;
        let code = s.exit_code.unwrap_or(0);
        if self.phase.load(Ordering::SeqCst) == 0 {
            if let Ok(mut first) = self.first_exit.lock() {
                first.get_or_insert(code);
            }
        }
        let line = format!(
            "{} exited with code {code}\n",
            prefix.trim_end_matches("| ").trim_end()
        );
        let _ = std::io::stdout().lock().write_all(line.as_bytes());
        if self.opts.abort_on_exit {
            // Asks the stopper; a signal after this one kills.
            let _ = self
                .phase
                .compare_exchange(0, 1, Ordering::SeqCst, Ordering::SeqCst);
        }
        Ok(())
    }

    fn print(&self, e: &Entry, prefix: &str, at_start: &mut [bool; 2]) -> Result<()> {
        let text = line(e, prefix, self.opts.timestamps, at_start);
        // Both streams go to stdout, as docker compose prints them.
        let _ = std::io::stdout().lock().write_all(&text);
        Ok(())
    }

    /// Wait for SIGINT/SIGTERM until every follower is done: the first one
    /// stops the project, the second kills it.
    fn watch_signals(&self, signals: &SigSet) -> Result<()> {
        let timeout = libc::timespec {
            tv_sec: 0,
            tv_nsec: 200_000_000,
        };
        while !self.done.load(Ordering::SeqCst) {
            // SAFETY: sigtimedwait(2) with a valid set and timespec, no siginfo asked.
            let n = unsafe { libc::sigtimedwait(signals.as_ref(), std::ptr::null_mut(), &timeout) };
            if n <= 0 {
                continue;
            }
            self.interrupted.store(true, Ordering::SeqCst);
            if self.phase.fetch_add(1, Ordering::SeqCst) == 0 {
                let _ = writeln!(
                    std::io::stderr(),
                    "Gracefully stopping... (press Ctrl+C again to force)"
                );
            } else {
                self.kill_all();
            }
        }
        Ok(())
    }

    /// Once a stop is asked for (a signal, or a container's exit with
    /// `abort_on_exit`), stop every container, dependents first.
    fn stop_when_asked(&self) {
        while !self.done.load(Ordering::SeqCst) {
            if self.phase.load(Ordering::SeqCst) > 0 {
                let Ok(mut report) = self.report.lock() else {
                    return;
                };
                let r = control::stop(self.store, self.sel, self.opts.stop_timeout, &mut **report);
                if let Err(e) = r {
                    let _ = writeln!(std::io::stderr(), "Error: {e:#}");
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The second signal: SIGKILL to every container still running.
    fn kill_all(&self) {
        let signal = crate::container::lifecycle::SignalNo(Signal::SIGKILL as i32);
        if let Err(e) = control::kill(self.store, self.sel, signal, &mut |_, _, _| {}) {
            let _ = writeln!(std::io::stderr(), "Error: {e:#}");
        }
    }
}

/// The exit code of service `svc`'s (first) container.
pub fn exit_code_of(store: &Store, sel: &Selection, svc: &str) -> Result<i32> {
    let one = [svc.to_string()];
    let only = Selection {
        services: &one,
        ..*sel
    };
    let c = only
        .containers(store, false)?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow!("service {svc} has no container"))?;
    Ok(state::current(store, &c.record.id)?.exit_code.unwrap_or(0))
}
