//! A project's existing containers acted on, by service: `compose start`,
//! `stop`, `restart`, `kill`, `pause`, `unpause` and `rm`. Containers are
//! found by their labels; with the project's files at hand they are taken
//! in dependency order (dependencies first to start, dependents first to stop).

use anyhow::{bail, Result};
use nix::sys::signal::Signal;

use super::load::Project;
use super::project::{containers, Report};
use super::service::{LABEL_ONEOFF, LABEL_SERVICE};
use crate::container::lifecycle;
use crate::container::list::Listed;
use crate::container::state;
use crate::store::Store;

/// Which of a project's containers a command acts on.
pub struct Selection<'a> {
    /// The project's name (from its files, or `-p`).
    pub name: &'a str,
    /// Its files, when they could be read (for the order and the service names).
    pub project: Option<&'a Project>,
    /// Only these services' (none: every service's).
    pub services: &'a [String],
}

/// The service a container belongs to (its label).
pub fn service_of(c: &Listed) -> &str {
    c.record
        .labels
        .get(LABEL_SERVICE)
        .map(String::as_str)
        .unwrap_or("")
}

/// Whether a container is a one-off one of `compose run`.
pub fn is_oneoff(c: &Listed) -> bool {
    c.record.labels.get(LABEL_ONEOFF).map(String::as_str) == Some("True")
}

impl Selection<'_> {
    /// The selected containers (one-off ones left out unless `oneoff`), in
    /// start order: by service in dependency order, then by name.
    pub fn containers(&self, store: &Store, oneoff: bool) -> Result<Vec<Listed>> {
        if let Some(p) = self.project {
            let known = super::project::services(p);
            for s in self.services {
                if !known.iter().any(|(n, _)| n == s) && !p.disabled.contains(s) {
                    bail!("no such service: {s}");
                }
            }
        }
        let mut found: Vec<Listed> = containers(store, self.name)?
            .into_iter()
            .filter(|c| oneoff || !is_oneoff(c))
            .filter(|c| {
                self.services.is_empty() || self.services.iter().any(|s| s == service_of(c))
            })
            .collect();
        if let Some(p) = self.project {
            let order = super::graph::start_order(&p.model).unwrap_or_default();
            found.sort_by_key(|c| order.iter().position(|o| o == service_of(c)));
        }
        Ok(found)
    }
}

/// `compose start`: the stopped containers started, dependencies first.
pub fn start(store: &Store, sel: &Selection, driver: &str, report: Report) -> Result<()> {
    for c in sel.containers(store, false)? {
        if lifecycle::start(store, &c.record.id, driver)? {
            report("Container", &c.record.name, "Started");
        }
    }
    Ok(())
}

/// `compose stop`: the running containers stopped (their stop signal, then
/// SIGKILL after `timeout`), dependents first.
/// One that cannot be stopped (removed meanwhile, say) does not keep the
/// others running: the first error is returned at the end.
pub fn stop(store: &Store, sel: &Selection, timeout: Option<u32>, report: Report) -> Result<()> {
    let mut first_error = None;
    for c in sel.containers(store, false)?.iter().rev() {
        if state::is_active(&c.state) {
            match lifecycle::stop(store, &c.record.id, timeout) {
                Ok(()) => report("Container", &c.record.name, "Stopped"),
                Err(e) => {
                    first_error.get_or_insert(e.context(format!("stopping {}", c.record.name)));
                }
            }
        }
    }
    first_error.map_or(Ok(()), Err)
}

/// `compose restart`: every container stopped, then started again.
pub fn restart(
    store: &Store,
    sel: &Selection,
    timeout: Option<u32>,
    driver: &str,
    report: Report,
) -> Result<()> {
    let all = sel.containers(store, false)?;
    for c in all.iter().rev() {
        lifecycle::stop(store, &c.record.id, timeout)?;
    }
    for c in &all {
        lifecycle::reset_for_start(store, &c.record.id)?;
        crate::monitor::detached::spawn(
            store,
            &crate::container::load(store, &c.record.id)?,
            driver,
            Default::default(),
        )?;
        report("Container", &c.record.name, "Restarted");
    }
    Ok(())
}

/// `compose kill`: `signal` to every running container (SIGKILL: no restart).
pub fn kill(
    store: &Store,
    sel: &Selection,
    signal: lifecycle::SignalNo,
    report: Report,
) -> Result<()> {
    let stop = signal.0 == Signal::SIGKILL as i32;
    for c in sel.containers(store, false)?.iter().rev() {
        if state::running_pid(&c.state).is_some() {
            lifecycle::kill(store, &c.record.id, &c.record.name, signal, stop)?;
            report("Container", &c.record.name, "Killed");
        }
    }
    Ok(())
}

/// `compose pause` (`paused`) and `unpause`.
pub fn set_paused(store: &Store, sel: &Selection, paused: bool, report: Report) -> Result<()> {
    let what = if paused { "Paused" } else { "Unpaused" };
    for c in sel.containers(store, false)? {
        let is_paused = c.state.status == crate::store::containers::Status::Paused;
        if state::running_pid(&c.state).is_some() && is_paused != paused {
            lifecycle::set_paused(store, &c.record.id, &c.record.name, paused)?;
            report("Container", &c.record.name, what);
        }
    }
    Ok(())
}

/// `compose rm`: the stopped containers removed (with `stop_first`, the
/// running ones stopped before), with `volumes` their anonymous volumes.
pub fn remove(
    store: &Store,
    sel: &Selection,
    stop_first: bool,
    volumes: bool,
    report: Report,
) -> Result<()> {
    for c in sel.containers(store, false)?.iter().rev() {
        if state::is_active(&c.state) {
            if !stop_first {
                continue;
            }
            lifecycle::stop(store, &c.record.id, None)?;
            report("Container", &c.record.name, "Stopped");
        }
        lifecycle::remove_with_volumes(store, &c.record.id, false, volumes)?;
        report("Container", &c.record.name, "Removed");
    }
    Ok(())
}
