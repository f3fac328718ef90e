//! The containers `husk ps` shows: each one's record and current state, and
//! docker's filters over them.

use anyhow::{bail, Result};

use super::state;
use crate::output::human;
use crate::store::containers::{ContainerRecord, ContainerState, Status};
use crate::store::Store;
use std::time::SystemTime;

/// A container with its state as it is now (the record boxed: listings are
/// moved and sorted).
pub struct Listed {
    pub record: Box<ContainerRecord>,
    pub state: ContainerState,
}

/// One `--filter KEY=VALUE`.
pub enum Filter {
    Status(String),
    Name(String),
    Id(String),
    Label(String, Option<String>),
    Ancestor(String),
    Exited(i32),
    /// A volume's name, or any mount's container path.
    Volume(String),
    Network(String),
    /// starting, healthy, unhealthy or none.
    Health(String),
    /// Created before / after the container named (its RFC 3339 creation time).
    Before(String),
    Since(String),
    /// podman's `pod=NAME|ID`: the pod's id.
    Pod(String),
}

impl Filter {
    /// `KEY=VALUE`; before= and since= name a container of `store`.
    pub fn parse(s: &str, store: &Store) -> Result<Filter> {
        let created = |name: &str| -> Result<String> {
            let id = super::find(store, name)?;
            Ok(store.container_record(&id)?.created)
        };
        let Some((k, v)) = s.split_once('=') else {
            bail!("invalid filter {s:?}: use KEY=VALUE");
        };
        Ok(match k {
            "status" => match v {
                "created" | "running" | "restarting" | "exited" | "paused" | "removing"
                | "dead" => Filter::Status(v.into()),
                _ => bail!(
                    "invalid status filter {v:?}: created, running, restarting, exited, paused"
                ),
            },
            "name" => Filter::Name(v.into()),
            "id" => Filter::Id(v.into()),
            "label" => match v.split_once('=') {
                Some((lk, lv)) => Filter::Label(lk.into(), Some(lv.into())),
                None => Filter::Label(v.into(), None),
            },
            "ancestor" => Filter::Ancestor(v.into()),
            "exited" => Filter::Exited(
                v.parse()
                    .map_err(|_| anyhow::anyhow!("invalid exited filter {v:?}: an exit code"))?,
            ),
            "volume" => Filter::Volume(v.into()),
            "network" => Filter::Network(v.into()),
            "health" => match v {
                "starting" | "healthy" | "unhealthy" | "none" => Filter::Health(v.into()),
                _ => bail!("invalid health filter {v:?}: starting, healthy, unhealthy or none"),
            },
            "before" => Filter::Before(created(v)?),
            "since" => Filter::Since(created(v)?),
            "pod" => Filter::Pod(crate::pod::find(store, v)?.id),
            _ => bail!(
                "unknown filter {k:?}: status, name, id, label, ancestor, before, since, exited, volume, network, health, pod"
            ),
        })
    }

    fn matches(&self, c: &Listed) -> bool {
        match self {
            Filter::Status(s) => c.state.status.as_str() == s,
            Filter::Name(n) => c.record.name.contains(n.as_str()),
            Filter::Id(i) => c.record.id.starts_with(i.as_str()),
            Filter::Label(k, v) => match (c.record.labels.get(k), v) {
                (Some(have), Some(want)) => have == want,
                (Some(_), None) => true,
                (None, _) => false,
            },
            Filter::Ancestor(a) => {
                crate::image::lookup::name_matches(a, &c.record.image_name, false)
                    || c.record
                        .image
                        .hex()
                        .starts_with(a.trim_start_matches("sha256:"))
            }
            Filter::Exited(code) => {
                c.state.status == crate::store::containers::Status::Exited
                    && c.state.exit_code == Some(*code)
            }
            Filter::Volume(v) => c.record.mounts.as_ref().is_some_and(|m| {
                let at = |d: &std::path::Path| d == std::path::Path::new(v);
                m.volumes.iter().any(|x| &x.name == v || at(&x.destination))
                    || m.binds.iter().any(|b| at(&b.source) || at(&b.destination))
                    || m.tmpfs.iter().any(|t| at(&t.destination))
            }),
            Filter::Health(h) => {
                let now = c.state.health.as_ref().map(|x| x.status.as_str());
                now.unwrap_or("none") == h
            }
            Filter::Network(n) => {
                let net = &c.record.network;
                net.mode.name(&net.networks) == *n || net.networks.iter().any(|x| x == n)
            }
            // RFC 3339 with nanoseconds always: the strings sort as the times.
            Filter::Before(t) => c.record.created < *t,
            Filter::Since(t) => c.record.created > *t,
            Filter::Pod(p) => c.record.pod.as_deref() == Some(p.as_str()),
        }
    }
}

/// Containers, newest first: all of them, or only running ones; then filtered
/// (filters of different keys must all match; of the same key, any one).
pub fn list(store: &Store, all: bool, filters: &[Filter]) -> Result<Vec<Listed>> {
    // Collected in place (a Listed is the pair it is made of), and sorted in
    // place.
    let mut out: Vec<Listed> = store
        .container_records_and_states()?
        .into_iter()
        .filter_map(|(record, stored)| {
            // None: removed meanwhile.
            let state = state::current_from(store, &record.id, stored).ok()?;
            let c = Listed { record, state };
            let shown = (all || state::is_active(&c.state)) && matches_all(filters, &c);
            shown.then_some(c)
        })
        .collect();
    out.sort_unstable_by(|a, b| {
        (b.record.created.cmp(&a.record.created)).then_with(|| a.record.id.cmp(&b.record.id))
    });
    Ok(out)
}

/// Filters of one key are alternatives, but labels, which must all match
/// (docker's and podman's rule); filters of different keys must all match.
fn matches_all(filters: &[Filter], c: &Listed) -> bool {
    let key = |f: &Filter| std::mem::discriminant(f);
    filters.iter().all(|f| match f {
        Filter::Label(..) => f.matches(c),
        _ => filters
            .iter()
            .filter(|g| key(g) == key(f))
            .any(|g| g.matches(c)),
    })
}

/// The container's "Up 5 minutes" / "Exited (0) 2 seconds ago" / "Created".
pub fn status_text(c: &Listed) -> String {
    let s = &c.state;
    let ago = |t: &Option<String>| human::since(t.as_deref());
    match s.status {
        Status::Created => "Created".into(),
        Status::Running | Status::Paused => {
            let up = s
                .started_at
                .as_deref()
                .and_then(human::parse_time)
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .unwrap_or_default();
            let paused = if s.status == Status::Paused {
                " (Paused)"
            } else {
                ""
            };
            let health = super::health::status_suffix(s.health.as_ref());
            format!("Up {}{paused}{health}", human::duration(up))
        }
        Status::Restarting => format!(
            "Restarting ({}) {}",
            s.exit_code.unwrap_or(0),
            ago(&s.finished_at)
        ),
        Status::Exited => format!(
            "Exited ({}) {}",
            s.exit_code.unwrap_or(0),
            ago(&s.finished_at)
        ),
    }
}
