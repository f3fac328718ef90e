//! A project's existing containers acted on, by service: `compose start`,
//! `stop`, `restart`, `kill`, `pause`, `unpause` and `rm`. Containers are
//! found by their labels; with the project's files at hand they are taken
//! in dependency order (dependencies first to start, dependents first to stop).

use anyhow::{bail, Result};
use nix::sys::signal::Signal;

use super::load::Project;
use super::project::{containers, Report};
use super::service::{LABEL_DEPENDS_ON, LABEL_ONEOFF, LABEL_SERVICE};
use crate::container::lifecycle;
use crate::container::list::Listed;
use crate::container::state;
use crate::store::Store;

// Which of a project's containers a command acts on.
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

/// Which way [`waves`] goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Dependencies before the services that depend on them (start).
    DependenciesFirst,
    /// Dependents before their dependencies (stop, remove).
    DependentsFirst,
}

/// `containers` in waves: each wave's containers may be acted on at once,
/// every one after the waves of the services it depends on (or, with
/// `DependentsFirst`, of those depending on it). The order comes from the
/// containers' own `depends_on` labels, so it needs no files. Bounded
/// however the labels were written: a cycle only merges waves.
pub fn waves(containers: &[Listed], order: Order) -> Vec<Vec<&Listed>> {
    let pairs: Vec<(&str, &str)> = containers
        .iter()
        .map(|c| {
            let deps = c.record.labels.get(LABEL_DEPENDS_ON);
            (service_of(c), deps.map_or("", String::as_str))
        })
        .collect();
    let level = levels(&pairs, order);
    let mut out: Vec<Vec<&Listed>> = vec![Vec::new(); containers.len()];
    for (c, l) in containers.iter().zip(level) {
        out[l].push(c);
    }
    out.retain(|w| !w.is_empty());
    out
}

/// The wave of each `(service, depends_on label)`: 0 first. The label is
/// docker compose's `SERVICE:CONDITION:RESTART:REQUIRED,…`.
fn levels(items: &[(&str, &str)], order: Order) -> Vec<usize> {
    let mut services: Vec<&str> = items.iter().map(|(s, _)| *s).collect();
    services.sort_unstable();
    services.dedup();
    let index = |name: &str| services.iter().position(|s| *s == name);
    // (a service, one it depends on), both among the items'.
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (service, deps) in items {
        let Some(from) = index(service) else {
            continue;
        };
        for dep in deps.split(',').filter_map(|d| d.split(':').next()) {
            if let Some(to) = index(dep) {
                if to != from && !edges.contains(&(from, to)) {
                    edges.push((from, to));
                }
            }
        }
    }
    let mut level = vec![0usize; services.len()];
    for _ in 0..services.len() {
        for &(from, to) in &edges {
            let (later, earlier) = match order {
                Order::DependenciesFirst => (from, to),
                Order::DependentsFirst => (to, from),
            };
            level[later] = level[later].max(level[earlier] + 1).min(services.len() - 1);
        }
    }
    items
        .iter()
        .map(|(s, _)| index(s).map_or(0, |i| level[i]))
        .collect()
}

/// Run `act` on every container of every wave, a wave's containers at once;
/// each result reported (`done` on success) in the wave's order. The first
/// error is returned once every wave has run.
pub fn each_in_waves(
    containers: &[Listed],
    order: Order,
    done: &str,
    act: &(dyn Fn(&Listed) -> Result<bool> + Sync),
    report: Report,
) -> Result<()> {
    let mut first_error = None;
    for wave in waves(containers, order) {
        let results: Vec<Result<bool>> = std::thread::scope(|s| {
            let handles: Vec<_> = wave.iter().map(|c| s.spawn(move || act(c))).collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("a worker thread failed")))
                })
                .collect()
        });
        for (c, r) in wave.iter().zip(results) {
            match r {
                Ok(true) => report("Container", &c.record.name, done),
                Ok(false) => {}
                Err(e) => {
                    first_error.get_or_insert(e.context(c.record.name.clone()));
                }
            }
        }
    }
    first_error.map_or(Ok(()), Err)
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
/// Those of one wave are stopped at once. One that cannot be stopped
/// (removed meanwhile, say) does not keep the others running: the first
/// error is returned at the end.
pub fn stop(store: &Store, sel: &Selection, timeout: Option<u32>, report: Report) -> Result<()> {
    let all = sel.containers(store, false)?;
    stop_all(store, &all, timeout, report)
}

/// Stop `containers` (those running), dependents first, a wave at a time.
pub fn stop_all(
    store: &Store,
    containers: &[Listed],
    timeout: Option<u32>,
    report: Report,
) -> Result<()> {
    let act = |c: &Listed| -> Result<bool> {
        if !state::is_active(&c.state) {
            return Ok(false);
        }
        lifecycle::stop(store, &c.record.id, timeout)?;
        Ok(true)
    };
    each_in_waves(containers, Order::DependentsFirst, "Stopped", &act, report)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waves_follow_the_depends_on_labels() {
        // web -> api -> {db, cache}; worker -> db; two containers of api.
        let items = [
            ("db", ""),
            ("cache", ""),
            (
                "api",
                "db:service_started:false:true,cache:service_healthy:false:true",
            ),
            (
                "api",
                "db:service_started:false:true,cache:service_healthy:false:true",
            ),
            ("web", "api:service_started:false:true"),
            (
                "worker",
                "db:service_started:false:true,gone:service_started:false:true",
            ),
        ];
        assert_eq!(levels(&items, Order::DependenciesFirst), [0, 0, 1, 1, 2, 1]);
        assert_eq!(levels(&items, Order::DependentsFirst), [2, 2, 1, 1, 0, 0]);
        // A cycle (labels edited by hand) ends, in bounded waves.
        let cycle = [("a", "b:x:false:true"), ("b", "a:x:false:true")];
        assert!(levels(&cycle, Order::DependentsFirst)
            .iter()
            .all(|l| *l < 2));
    }
}
