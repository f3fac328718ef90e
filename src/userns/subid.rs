//! `/etc/subuid` and `/etc/subgid`: the subordinate id ranges of a user.

use std::fmt;
use std::io::ErrorKind;

use anyhow::{Context, Result};

/// `size` ids starting at `container` inside map to those starting at `host` outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IdRange {
    pub container: u32,
    pub host: u32,
    pub size: u32,
}

impl fmt::Display for IdRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.container, self.host, self.size)
    }
}

/// The text of a subid file; a missing file is an empty one.
pub fn read_file(path: &str) -> Result<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(e).with_context(|| format!("reading {path}")),
    }
}

/// The (start, count) ranges of `name` (or numeric `id`) in a subid file's text.
pub fn ranges_for(text: &str, name: &str, id: u32) -> Vec<(u32, u32)> {
    let id = id.to_string();
    text.lines()
        .filter_map(|line| {
            let mut f = line.trim().split(':');
            let (who, start, count) = (f.next()?, f.next()?, f.next()?);
            if who.is_empty() || (who != name && who != id) {
                return None;
            }
            Some((start.parse().ok()?, count.parse().ok()?))
        })
        .filter(|(_, count)| *count > 0)
        .collect()
}

/// A range of `size` ids that no entry of the subid files' texts uses: past
/// the highest one (at least 100000), on a multiple of 65536.
pub fn free_range(texts: &[&str], size: u32) -> (u64, u64) {
    let end = texts
        .iter()
        .flat_map(|t| t.lines())
        .filter_map(|line| {
            let mut f = line.trim().split(':');
            let (_, start, count) = (f.next()?, f.next()?, f.next()?);
            Some(start.parse::<u64>().ok()? + count.parse::<u64>().ok()?)
        })
        .max()
        .unwrap_or(0)
        .max(100_000);
    let start = end.div_ceil(65_536) * 65_536;
    (start, start + u64::from(size) - 1)
}

/// The `usermod` command that gives the current user a free range of 65536 ids.
pub fn usermod_suggestion() -> String {
    let uids = read_file("/etc/subuid").unwrap_or_default();
    let gids = read_file("/etc/subgid").unwrap_or_default();
    let (a, b) = free_range(&[&uids, &gids], 65_536);
    format!("sudo usermod --add-subuids {a}-{b} --add-subgids {a}-{b} $USER")
}

/// Container id 0 maps to `own`; 1.. map onto the subordinate ranges in order.
pub fn container_map(own: u32, subs: &[(u32, u32)]) -> Vec<IdRange> {
    let mut map = vec![IdRange {
        container: 0,
        host: own,
        size: 1,
    }];
    let mut next = 1u32;
    for &(start, count) in subs {
        map.push(IdRange {
            container: next,
            host: start,
            size: count,
        });
        next = next.saturating_add(count);
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ranges_by_name_or_uid() {
        let text = "alice:100000:65536\nbob:165536:65536\n1001:300000:10\n# comment\nbad line\n";
        assert_eq!(ranges_for(text, "alice", 1000), vec![(100000, 65536)]);
        assert_eq!(ranges_for(text, "carol", 1001), vec![(300000, 10)]);
        assert!(ranges_for(text, "dave", 1002).is_empty());
    }

    #[test]
    fn maps_root_then_ranges() {
        let map = container_map(1000, &[(100000, 65536), (300000, 10)]);
        assert_eq!(
            map[0],
            IdRange {
                container: 0,
                host: 1000,
                size: 1
            }
        );
        assert_eq!(
            map[1],
            IdRange {
                container: 1,
                host: 100000,
                size: 65536
            }
        );
        assert_eq!(
            map[2],
            IdRange {
                container: 65537,
                host: 300000,
                size: 10
            }
        );
    }

    #[test]
    fn a_free_range_is_past_every_entry() {
        assert_eq!(free_range(&[""], 65536), (131072, 196607));
        let taken = "alice:100000:65536\nbob:165536:65536\n";
        assert_eq!(
            free_range(&[taken, "carol:300000:10"], 65536),
            (327680, 393215)
        );
    }
}
