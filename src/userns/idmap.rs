//! A container's own id map: `--userns keep-id|nomap|auto`, `--uidmap`, `--gidmap`.
//!
//! Such a container runs in a user namespace nested in husk's, whose ids it maps
//! onto husk's (container id -> id of husk's namespace, podman's "intermediate"
//! ids). Its monitor writes the maps (it is root in husk's namespace, so no
//! setuid helper is needed), and the FUSE overlay presents the layers' owners
//! through the map (`overlay::fuse::fs`): the image is neither copied nor
//! chowned, whatever its size (podman copies it with chown first).

use std::str::FromStr;

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

use super::{IdMapping, IdRange};

/// The most lines an id map file takes (the kernel's limit).
const MAX_RANGES: usize = 340;

/// The fewest ids `--userns auto` gives a container (podman's `auto_userns_min_size`).
const AUTO_MIN_SIZE: u32 = 1024;

/// An id that no user namespace of husk's maps: the kernel shows it as the
/// overflow id (65534, nobody). What an id outside a container's map becomes.
pub const UNMAPPED: u32 = u32::MAX - 1;

/// Container ids onto ids of husk's user namespace (`IdRange::host` is the latter).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerIdMap {
    pub uids: Vec<IdRange>,
    pub gids: Vec<IdRange>,
}

fn forward(ranges: &[IdRange], id: u32) -> Option<u32> {
    ranges
        .iter()
        .find(|r| id >= r.container && id - r.container < r.size)
        .map(|r| r.host + (id - r.container))
}

fn backward(ranges: &[IdRange], id: u32) -> Option<u32> {
    ranges
        .iter()
        .find(|r| id >= r.host && id - r.host < r.size)
        .map(|r| r.container + (id - r.host))
}

impl ContainerIdMap {
    /// The namespace's uid of container uid `id`, if the map has it.
    pub fn uid_to_ns(&self, id: u32) -> Option<u32> {
        forward(&self.uids, id)
    }

    pub fn gid_to_ns(&self, id: u32) -> Option<u32> {
        forward(&self.gids, id)
    }

    /// The container's uid of the namespace's uid `id`, if the map has it.
    pub fn uid_from_ns(&self, id: u32) -> Option<u32> {
        backward(&self.uids, id)
    }

    pub fn gid_from_ns(&self, id: u32) -> Option<u32> {
        backward(&self.gids, id)
    }

    /// The map as the lines of /proc/PID/uid_map (or gid_map).
    pub fn file_text(ranges: &[IdRange]) -> String {
        ranges
            .iter()
            .map(|r| format!("{} {} {}\n", r.container, r.host, r.size))
            .collect()
    }

    /// Check the map against a namespace of `uids` and `gids` ids (0..n): every
    /// range inside it, no two ranges overlapping on either side, root mapped.
    fn validate(&self, uids: u64, gids: u64) -> Result<()> {
        for (ranges, total, flag) in [
            (&self.uids, uids, "--uidmap"),
            (&self.gids, gids, "--gidmap"),
        ] {
            check_ranges(ranges, total, flag)?;
        }
        Ok(())
    }
}

fn overlaps(a: (u32, u32), b: (u32, u32)) -> bool {
    let (a0, a1) = (u64::from(a.0), u64::from(a.0) + u64::from(a.1));
    let (b0, b1) = (u64::from(b.0), u64::from(b.0) + u64::from(b.1));
    a0 < b1 && b0 < a1
}

fn check_ranges(ranges: &[IdRange], total: u64, flag: &str) -> Result<()> {
    if ranges.is_empty() {
        bail!("{flag}: the map is empty");
    }
    if ranges.len() > MAX_RANGES {
        bail!("{flag}: at most {MAX_RANGES} ranges");
    }
    for (i, r) in ranges.iter().enumerate() {
        if u64::from(r.host) + u64::from(r.size) > total {
            bail!(
                "{flag} {r}: ids {}-{} are beyond the {total} ids of your user namespace (0-{}; \
                 see /etc/subuid and husk info)",
                r.host,
                u64::from(r.host) + u64::from(r.size) - 1,
                total - 1
            );
        }
        if u64::from(r.container) + u64::from(r.size) > u64::from(u32::MAX) {
            bail!("{flag} {r}: container ids beyond {}", u32::MAX - 1);
        }
        for other in &ranges[..i] {
            if overlaps((r.container, r.size), (other.container, other.size)) {
                bail!("{flag}: {r} and {other} map the same container ids");
            }
            if overlaps((r.host, r.size), (other.host, other.size)) {
                bail!("{flag}: {r} and {other} map onto the same ids");
            }
        }
    }
    if forward(ranges, 0).is_none() {
        bail!("{flag}: the map must include container id 0 (root)");
    }
    Ok(())
}

/// One `--uidmap`/`--gidmap` value: CONTAINER:HOST:SIZE (HOST in husk's namespace,
/// as podman's rootless maps are), several joined by `,` too.
pub fn parse_map_flag(value: &str, flag: &str) -> Result<Vec<IdRange>> {
    value
        .split(',')
        .map(|triple| {
            let bad = || {
                format!(
                    "invalid {flag} {triple:?}: expected CONTAINER_ID:HOST_ID:SIZE (e.g. 0:1:65536)"
                )
            };
            if triple.starts_with(['+', '@']) {
                bail!("{flag} {triple:?}: the + and @ prefixes are not supported");
            }
            let n: Vec<u32> = triple
                .split(':')
                .map(|n| n.trim().parse::<u32>())
                .collect::<Result<_, _>>()
                .with_context(bad)?;
            match n.as_slice() {
                [container, host, size] if *size > 0 => Ok(IdRange {
                    container: *container,
                    host: *host,
                    size: *size,
                }),
                _ => bail!(bad()),
            }
        })
        .collect()
}

/// What a container record keeps: the mode asked for and the map it got.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContainerUserns {
    pub mode: UsernsMode,
    pub map: ContainerIdMap,
}

/// `--userns`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "mode")]
pub enum UsernsMode {
    /// husk's own namespace (`host`, or nothing given).
    #[default]
    Host,
    /// The user's own uid and gid inside as outside (or `uid=`, `gid=`), as its process's.
    KeepId { uid: Option<u32>, gid: Option<u32> },
    /// Container ids onto the subordinate ids only: the user's own id is not mapped.
    NoMap,
    /// A range of husk's namespace no other `auto` container uses (`auto`, `private`).
    Auto { size: Option<u32> },
    /// `--uidmap`/`--gidmap`.
    Map,
}

impl FromStr for UsernsMode {
    type Err = anyhow::Error;

    fn from_str(s: &str) -> Result<UsernsMode> {
        let (mode, opts) = s.split_once(':').unwrap_or((s, ""));
        let options = || opts.split(',').filter(|o| !o.is_empty());
        let number = |k: &str, v: &str| -> Result<u32> {
            v.parse()
                .with_context(|| format!("--userns {s}: {k}={v} is not a number"))
        };
        match mode {
            "" | "host" if opts.is_empty() => Ok(UsernsMode::Host),
            "keep-id" => {
                let (mut uid, mut gid) = (None, None);
                for o in options() {
                    match o.split_once('=') {
                        Some(("uid", v)) => uid = Some(number("uid", v)?),
                        Some(("gid", v)) => gid = Some(number("gid", v)?),
                        _ => bail!("--userns {s}: unknown keep-id option {o:?} (uid=, gid=)"),
                    }
                }
                Ok(UsernsMode::KeepId { uid, gid })
            }
            "nomap" if opts.is_empty() => Ok(UsernsMode::NoMap),
            "auto" | "private" => {
                let mut size = None;
                for o in options() {
                    match o.split_once('=') {
                        Some(("size", v)) => size = Some(number("size", v)?.max(1)),
                        Some(("uidmapping" | "gidmapping", _)) => {
                            bail!("--userns {s}: uidmapping= and gidmapping= are not supported; use --uidmap")
                        }
                        _ => bail!("--userns {s}: unknown auto option {o:?} (size=)"),
                    }
                }
                Ok(UsernsMode::Auto { size })
            }
            "ns" | "container" => bail!(
                "--userns {s}: joining another user namespace is not supported (husk's containers share one unless given a map)"
            ),
            _ => bail!("invalid --userns {s:?}: expected host, keep-id[:uid=N,gid=N], nomap or auto[:size=N]"),
        }
    }
}

impl UsernsMode {
    /// As inspect's `HostConfig.UsernsMode` says it.
    pub fn name(&self) -> &'static str {
        match self {
            UsernsMode::Host => "",
            UsernsMode::KeepId { .. } => "keep-id",
            UsernsMode::NoMap => "nomap",
            UsernsMode::Auto { .. } => "auto",
            UsernsMode::Map => "private",
        }
    }
}

/// `--userns`, `--uidmap` and `--gidmap`, parsed and checked against each other.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsernsOptions {
    pub mode: UsernsMode,
    pub uidmap: Vec<IdRange>,
    pub gidmap: Vec<IdRange>,
}

impl UsernsOptions {
    /// The flags; a map given for one kind of id only serves the other too (podman's rule).
    pub fn parse(
        userns: Option<&str>,
        uidmap: &[String],
        gidmap: &[String],
    ) -> Result<UsernsOptions> {
        let mode: UsernsMode = userns.unwrap_or("").parse()?;
        let parse_all = |values: &[String], flag: &str| -> Result<Vec<IdRange>> {
            let mut all = Vec::new();
            for v in values {
                all.extend(parse_map_flag(v, flag)?);
            }
            Ok(all)
        };
        let mut uids = parse_all(uidmap, "--uidmap")?;
        let mut gids = parse_all(gidmap, "--gidmap")?;
        if uids.is_empty() && gids.is_empty() {
            return Ok(UsernsOptions {
                mode,
                ..Default::default()
            });
        }
        if mode != UsernsMode::Host {
            bail!("--userns and --uidmap/--gidmap are mutually exclusive");
        }
        if uids.is_empty() {
            uids = gids.clone();
        }
        if gids.is_empty() {
            gids = uids.clone();
        }
        Ok(UsernsOptions {
            mode: UsernsMode::Map,
            uidmap: uids,
            gidmap: gids,
        })
    }

    /// Whether the container gets husk's own namespace.
    pub fn is_default(&self) -> bool {
        self.mode == UsernsMode::Host
    }

    /// With `keep-id`: the user the container runs as unless `-u` says otherwise.
    pub fn default_user(&self, ns: &IdMapping) -> Option<String> {
        self.keep_id_ids(ns).map(|(u, g)| format!("{u}:{g}"))
    }

    /// With `keep-id`: the uid and gid the user has inside.
    pub fn keep_id_ids(&self, ns: &IdMapping) -> Option<(u32, u32)> {
        let UsernsMode::KeepId { uid, gid } = &self.mode else {
            return None;
        };
        let (own_uid, own_gid) = own_ids(ns);
        Some((uid.unwrap_or(own_uid), gid.unwrap_or(own_gid)))
    }
}

/// The user's uid and gid outside (what husk's namespace maps its root onto).
pub fn own_ids(ns: &IdMapping) -> (u32, u32) {
    let first = |r: Vec<IdRange>| r.first().map_or(0, |r| r.host);
    (first(ns.uid_ranges()), first(ns.gid_ranges()))
}

/// How many ids husk's namespace has (0..n), of a kind.
fn total(ranges: &[IdRange]) -> u64 {
    ranges.iter().map(|r| u64::from(r.size)).sum()
}

/// What `resolve` needs to know besides the options.
pub struct Resolving<'a> {
    /// husk's namespace.
    pub ns: &'a IdMapping,
    /// The maps of the other `auto` containers, whose ids an `auto` map avoids.
    pub taken: &'a [ContainerIdMap],
    /// The highest uid or gid the image's /etc/passwd and /etc/group name.
    pub image_max_id: u32,
}

/// The container's map (None: it shares husk's namespace), or why it cannot have one.
pub fn resolve(opts: &UsernsOptions, r: &Resolving<'_>) -> Result<Option<ContainerIdMap>> {
    if opts.is_default() {
        return Ok(None);
    }
    if let IdMapping::Single { .. } = r.ns {
        bail!(
            "--userns {} and --uidmap need subordinate ids (single-uid mode maps only your own id): {}",
            opts.mode.name(),
            super::subid::usermod_suggestion()
        );
    }
    let (uids, gids) = (total(&r.ns.uid_ranges()), total(&r.ns.gid_ranges()));
    let map = match &opts.mode {
        UsernsMode::Host => unreachable!("handled above"),
        UsernsMode::Map => ContainerIdMap {
            uids: opts.uidmap.clone(),
            gids: opts.gidmap.clone(),
        },
        UsernsMode::KeepId { uid, gid } => {
            let (own_uid, own_gid) = own_ids(r.ns);
            ContainerIdMap {
                uids: keep_id(uid.unwrap_or(own_uid), uids, "uid")?,
                gids: keep_id(gid.unwrap_or(own_gid), gids, "gid")?,
            }
        }
        UsernsMode::NoMap => {
            let size = |n: u64| u32::try_from(n.saturating_sub(1)).unwrap_or(u32::MAX - 1);
            ContainerIdMap {
                uids: vec![IdRange {
                    container: 0,
                    host: 1,
                    size: size(uids),
                }],
                gids: vec![IdRange {
                    container: 0,
                    host: 1,
                    size: size(gids),
                }],
            }
        }
        UsernsMode::Auto { size } => auto(*size, uids.min(gids), r)?,
    };
    map.validate(uids, gids)?;
    Ok(Some(map))
}

/// keep-id: `own` inside is the user (id 0 of husk's namespace); 0..own are the
/// subordinate ids 1..own+1, and the ids above `own` map onto themselves.
fn keep_id(own: u32, total: u64, kind: &str) -> Result<Vec<IdRange>> {
    if u64::from(own) >= total {
        bail!(
            "--userns keep-id: {kind} {own} is beyond the {total} ids of your user namespace \
             (add subordinate ids, or give keep-id:{kind}=N with N below {total})"
        );
    }
    let mut ranges = Vec::new();
    if own > 0 {
        ranges.push(IdRange {
            container: 0,
            host: 1,
            size: own,
        });
    }
    ranges.push(IdRange {
        container: own,
        host: 0,
        size: 1,
    });
    let above = total - u64::from(own) - 1;
    if above > 0 {
        ranges.push(IdRange {
            container: own + 1,
            host: own + 1,
            size: u32::try_from(above).unwrap_or(u32::MAX - own - 1),
        });
    }
    Ok(ranges)
}

/// auto: `size` ids (else those the image names, at least 1024) from the lowest
/// ids of husk's namespace above 0 that no other `auto` container has.
fn auto(size: Option<u32>, total: u64, r: &Resolving<'_>) -> Result<ContainerIdMap> {
    let size = size.unwrap_or_else(|| r.image_max_id.saturating_add(1).max(AUTO_MIN_SIZE));
    let mut taken: Vec<(u64, u64)> = r
        .taken
        .iter()
        .flat_map(|m| m.uids.iter().chain(&m.gids))
        .map(|t| (u64::from(t.host), u64::from(t.host) + u64::from(t.size)))
        .collect();
    taken.sort_unstable();
    let mut start = 1u64;
    for (a, b) in taken {
        if start + u64::from(size) <= a {
            break;
        }
        start = start.max(b);
    }
    if start + u64::from(size) > total {
        bail!(
            "--userns auto: no {size} ids are free in your user namespace ({total} ids, those of \
             other auto containers taken): remove some, or give auto:size=N"
        );
    }
    let host = u32::try_from(start).context("--userns auto: id out of range")?;
    let range = vec![IdRange {
        container: 0,
        host,
        size,
    }];
    Ok(ContainerIdMap {
        uids: range.clone(),
        gids: range,
    })
}

/// The highest uid or gid in the texts of an /etc/passwd and /etc/group, not
/// counting `nobody`'s 65534 (what `auto` sizes its map by).
pub fn highest_named_id(passwd: Option<&str>, group: Option<&str>) -> u32 {
    let ids = |text: Option<&str>, fields: &[usize]| -> Vec<u32> {
        text.unwrap_or_default()
            .lines()
            .flat_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                fields
                    .iter()
                    .filter_map(|i| f.get(*i).and_then(|v| v.parse().ok()))
                    .collect::<Vec<u32>>()
            })
            .filter(|id| *id < 65534)
            .collect()
    };
    ids(passwd, &[2, 3])
        .into_iter()
        .chain(ids(group, &[2]))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> IdMapping {
        let r = vec![
            IdRange {
                container: 0,
                host: 1000,
                size: 1,
            },
            IdRange {
                container: 1,
                host: 100000,
                size: 65536,
            },
        ];
        IdMapping::Full {
            uids: r.clone(),
            gids: r,
        }
    }

    fn resolve_with(
        opts: &UsernsOptions,
        taken: &[ContainerIdMap],
    ) -> Result<Option<ContainerIdMap>> {
        resolve(
            opts,
            &Resolving {
                ns: &full(),
                taken,
                image_max_id: 0,
            },
        )
    }

    #[test]
    fn maps_translate_both_ways() {
        let m = ContainerIdMap {
            uids: parse_map_flag("0:100:10,10:0:1", "--uidmap").unwrap(),
            gids: parse_map_flag("0:200:5", "--gidmap").unwrap(),
        };
        assert_eq!(m.uid_to_ns(3), Some(103));
        assert_eq!(m.uid_to_ns(10), Some(0));
        assert_eq!(m.uid_to_ns(11), None);
        assert_eq!(m.uid_from_ns(105), Some(5));
        assert_eq!(m.gid_from_ns(199), None);
    }

    #[test]
    fn map_flags_are_checked() {
        assert!(parse_map_flag("0:1", "--uidmap").is_err());
        assert!(parse_map_flag("0:1:0", "--uidmap").is_err());
        assert!(parse_map_flag("+0:1:1", "--uidmap").is_err());
        let opts = |u: &str| UsernsOptions::parse(None, &[u.to_string()], &[]).unwrap();
        assert!(
            resolve_with(&opts("0:1:70000"), &[]).is_err(),
            "beyond the namespace"
        );
        assert!(
            resolve_with(&opts("0:1:10,5:100:10"), &[]).is_err(),
            "container ids overlap"
        );
        assert!(
            resolve_with(&opts("0:1:10,20:5:10"), &[]).is_err(),
            "host ids overlap"
        );
        assert!(resolve_with(&opts("1:1:10"), &[]).is_err(), "root unmapped");
        let m = resolve_with(&opts("0:1:65536"), &[]).unwrap().unwrap();
        assert_eq!(m.gids, m.uids, "one map serves both");
        assert!(UsernsOptions::parse(Some("auto"), &["0:1:1".into()], &[]).is_err());
    }

    #[test]
    fn keep_id_puts_the_user_at_its_own_id() {
        let o = UsernsOptions {
            mode: "keep-id".parse().unwrap(),
            ..Default::default()
        };
        let m = resolve_with(&o, &[]).unwrap().unwrap();
        assert_eq!(m.uid_to_ns(1000), Some(0));
        assert_eq!(m.uid_to_ns(0), Some(1));
        assert_eq!(m.uid_to_ns(999), Some(1000));
        assert_eq!(m.uid_to_ns(1001), Some(1001));
        assert_eq!(m.uid_to_ns(65536), Some(65536));
        assert_eq!(m.uid_to_ns(65537), None);
        assert_eq!(o.default_user(&full()).as_deref(), Some("1000:1000"));
        let o = UsernsOptions {
            mode: "keep-id:uid=0,gid=0".parse().unwrap(),
            ..Default::default()
        };
        assert_eq!(
            resolve_with(&o, &[]).unwrap().unwrap().uid_to_ns(0),
            Some(0)
        );
        assert!("keep-id:home=1".parse::<UsernsMode>().is_err());
    }

    #[test]
    fn auto_ranges_do_not_overlap() {
        let o = UsernsOptions {
            mode: "auto:size=2000".parse().unwrap(),
            ..Default::default()
        };
        let a = resolve_with(&o, &[]).unwrap().unwrap();
        assert_eq!(
            a.uids,
            vec![IdRange {
                container: 0,
                host: 1,
                size: 2000
            }]
        );
        let b = resolve_with(&o, std::slice::from_ref(&a)).unwrap().unwrap();
        assert_eq!(b.uids[0].host, 2001);
        let c = resolve_with(&o, std::slice::from_ref(&b)).unwrap().unwrap();
        assert_eq!(c.uids[0].host, 1, "the gap below is used");
        let big = UsernsOptions {
            mode: "auto:size=65000".parse().unwrap(),
            ..Default::default()
        };
        assert!(resolve_with(&big, &[a]).is_err());
        let o = UsernsOptions {
            mode: "auto".parse().unwrap(),
            ..Default::default()
        };
        assert_eq!(resolve_with(&o, &[]).unwrap().unwrap().uids[0].size, 1024);
    }

    #[test]
    fn highest_named_id_skips_nobody() {
        let passwd = "root:x:0:0::/root:/bin/sh\nwww:x:33:33::/:/bin/false\nnobody:x:65534:65534::/:/bin/false\n";
        assert_eq!(highest_named_id(Some(passwd), Some("staff:x:50:\n")), 50);
    }
}
