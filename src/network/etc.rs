//! The name-resolution files every container gets: /etc/hosts (localhost, its
//! hostname, `--add-host`) and /etc/resolv.conf (the host's, with `--dns`,
//! `--dns-search` and `--dns-option` in place of its lines, as docker does).

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// `--add-host`, `--dns`, `--dns-search`, `--dns-option`: parsed and checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameOptions {
    /// (name, address) lines added to /etc/hosts.
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub extra_hosts: Vec<(String, IpAddr)>,
    /// `--add-host NAME:host-gateway`: names for the host, whose address is
    /// known when the container starts.
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub host_gateway: Vec<String>,
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub dns: Vec<IpAddr>,
    /// Search domains; `["."]` means none.
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub dns_search: Vec<String>,
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub dns_options: Vec<String>,
    /// `--hosts-file`: what /etc/hosts starts from.
    #[serde(default, skip_serializing_if = "crate::store::is_default")]
    pub hosts_file: HostsFile,
}

/// `--hosts-file` (podman's): what a container's /etc/hosts starts from,
/// before its own entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HostsFile {
    /// husk's localhost lines (the host's /etc/hosts with `--network host`).
    #[default]
    Default,
    /// `none`: nothing (localhost is still added).
    None,
    /// `image`: the image's /etc/hosts (kept in the container's directory).
    Image,
    /// A file of the host, read at each start.
    Path(PathBuf),
}

/// Where the image's /etc/hosts is kept for `--hosts-file image`.
pub const IMAGE_HOSTS: &str = "hosts.image";

impl HostsFile {
    /// `none`, `image` or a readable file (relative to the current directory).
    pub fn parse(text: &str) -> Result<HostsFile> {
        Ok(match text {
            "" => HostsFile::Default,
            "none" => HostsFile::None,
            "image" => HostsFile::Image,
            path => {
                let path =
                    std::path::absolute(path).with_context(|| format!("--hosts-file {path}"))?;
                std::fs::read_to_string(&path)
                    .with_context(|| format!("--hosts-file: reading {}", path.display()))?;
                HostsFile::Path(path)
            }
        })
    }

    /// The text /etc/hosts starts from, for a container whose directory is
    /// `dir`; None: husk's default.
    pub fn base(&self, dir: &Path) -> Result<Option<String>> {
        let read = |p: &Path| {
            std::fs::read_to_string(p)
                .with_context(|| format!("--hosts-file: reading {}", p.display()))
        };
        Ok(match self {
            HostsFile::Default => None,
            HostsFile::None => Some(String::new()),
            HostsFile::Image => Some(read(&dir.join(IMAGE_HOSTS))?),
            HostsFile::Path(p) => Some(read(p)?),
        })
    }
}

impl NameOptions {
    /// Parse the flags' values; a bad one is an error naming it.
    pub fn parse(
        add_host: &[String],
        dns: &[String],
        search: &[String],
        options: &[String],
    ) -> Result<NameOptions> {
        let mut extra_hosts = Vec::new();
        let mut host_gateway = Vec::new();
        for h in add_host {
            match parse_add_host(h)? {
                (name, None) => host_gateway.push(name),
                (name, Some(ip)) => extra_hosts.push((name, ip)),
            }
        }
        let dns = dns
            .iter()
            .map(|d| {
                d.parse::<IpAddr>()
                    .with_context(|| format!("invalid --dns {d:?}: an IP address"))
            })
            .collect::<Result<_>>()?;
        for s in search {
            if s != "." && !is_name(s) {
                bail!("invalid --dns-search {s:?}: a domain name (or . for none)");
            }
        }
        for o in options {
            if o.is_empty() || o.chars().any(|c| c.is_whitespace() || c.is_control()) {
                bail!("invalid --dns-option {o:?}: one resolv.conf option (e.g. ndots:2)");
            }
        }
        Ok(NameOptions {
            extra_hosts,
            host_gateway,
            dns,
            dns_search: search.to_vec(),
            dns_options: options.to_vec(),
            hosts_file: HostsFile::Default,
        })
    }
}

/// `NAME:IP` (or docker's newer `NAME=IP`); an IPv6 address may have colons.
/// No address: `host-gateway`.
fn parse_add_host(text: &str) -> Result<(String, Option<IpAddr>)> {
    let split = text.find('=').or_else(|| text.find(':'));
    let Some(at) = split else {
        bail!("invalid --add-host {text:?}: use NAME:IP");
    };
    let (name, ip) = (&text[..at], &text[at + 1..]);
    if !is_name(name) {
        bail!("invalid --add-host {text:?}: {name:?} is not a host name");
    }
    if ip == "host-gateway" {
        return Ok((name.to_string(), None));
    }
    let ip = ip
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .with_context(|| format!("invalid --add-host {text:?}: {ip:?} is not an IP address"))?;
    Ok((name.to_string(), Some(ip)))
}

/// `--hostname`: a host name of at most 64 bytes (what sethostname takes); it
/// goes into /etc/hosts as it is.
pub fn check_hostname(name: &str) -> Result<()> {
    if !is_name(name) || name.len() > 64 {
        bail!("invalid --hostname {name:?}: letters, digits, - _ and dots, at most 64 bytes");
    }
    Ok(())
}

/// A host or domain name: letters, digits, `-`, `_` and dots, at most 253 bytes.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        && !s.starts_with(['-', '.'])
}

/// /etc/hosts of a container with its own network: `base` (`--hosts-file`'s)
/// if any, localhost (unless the base names it), the extra hosts, then `own`
/// (its address and names, the host's, links: docker's order), or 127.0.1.1
/// for its hostname when it has no address.
pub fn hosts(
    hostname: &str,
    names: &NameOptions,
    own: &[(String, IpAddr)],
    base: Option<&str>,
) -> String {
    let mut text = base.unwrap_or_default().to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !names_localhost(&text) {
        text += "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n";
    }
    if own.is_empty() {
        text += &format!("127.0.1.1\t{hostname}\n");
    }
    for (name, ip) in names.extra_hosts.iter().chain(own) {
        text += &format!("{ip}\t{name}\n");
    }
    text
}

/// Whether a hosts file's text has a line for `localhost`.
fn names_localhost(text: &str) -> bool {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or(""))
        .any(|l| l.split_whitespace().skip(1).any(|n| n == "localhost"))
}

/// /etc/resolv.conf: the host's `host` text, its nameserver, search and options
/// lines replaced by those given (when given).
pub fn resolv_conf(host: &str, names: &NameOptions) -> String {
    let lines = |key: &str| -> Vec<&str> {
        host.lines()
            .filter(|l| l.split_whitespace().next() == Some(key))
            .collect()
    };
    let mut out = String::new();
    for line in host.lines() {
        let key = line.split_whitespace().next();
        if !matches!(key, Some("nameserver" | "search" | "domain" | "options")) {
            out += line;
            out.push('\n');
        }
    }
    let search: Vec<String> = match names.dns_search.as_slice() {
        [] => lines("search")
            .iter()
            .chain(&lines("domain"))
            .map(|l| l.to_string())
            .collect(),
        [dot] if dot == "." => Vec::new(),
        list => vec![format!("search {}", list.join(" "))],
    };
    for l in search {
        out += &l;
        out.push('\n');
    }
    if names.dns.is_empty() {
        for l in lines("nameserver") {
            out += l;
            out.push('\n');
        }
    } else {
        for ip in &names.dns {
            out += &format!("nameserver {ip}\n");
        }
    }
    if names.dns_options.is_empty() {
        for l in lines("options") {
            out += l;
            out.push('\n');
        }
    } else {
        out += &format!("options {}\n", names.dns_options.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn flags_are_checked() {
        let n = NameOptions::parse(
            &s(&["a.example:10.1.2.3", "v6=fd00::1", "b:[::2]"]),
            &s(&["1.1.1.1"]),
            &s(&["corp"]),
            &s(&["ndots:2"]),
        )
        .unwrap();
        assert_eq!(n.extra_hosts[1], ("v6".into(), "fd00::1".parse().unwrap()));
        assert_eq!(n.extra_hosts[2].1, "::2".parse::<IpAddr>().unwrap());
        for (h, d, sr, o) in [
            (vec!["nocolon"], vec![], vec![], vec![]),
            (vec!["bad name:1.2.3.4"], vec![], vec![], vec![]),
            (vec![], vec!["not-an-ip"], vec![], vec![]),
            (vec![], vec![], vec!["a b"], vec![]),
            (vec![], vec![], vec![], vec!["nd ots"]),
        ] {
            assert!(
                NameOptions::parse(&s(&h), &s(&d), &s(&sr), &s(&o)).is_err(),
                "{h:?} {d:?} {sr:?} {o:?}"
            );
        }
    }

    #[test]
    fn files_as_docker_writes_them() {
        let host = "# comment\nnameserver 10.0.0.1\nsearch lan\noptions edns0\n";
        let none = NameOptions::default();
        assert_eq!(
            resolv_conf(host, &none),
            "# comment\nsearch lan\nnameserver 10.0.0.1\noptions edns0\n"
        );
        let n = NameOptions::parse(
            &s(&["db:10.1.2.3"]),
            &s(&["1.1.1.1", "8.8.8.8"]),
            &s(&["."]),
            &s(&["ndots:2"]),
        )
        .unwrap();
        assert_eq!(
            resolv_conf(host, &n),
            "# comment\nnameserver 1.1.1.1\nnameserver 8.8.8.8\noptions ndots:2\n"
        );
        assert!(hosts("box", &n, &[], None).ends_with("127.0.1.1\tbox\n10.1.2.3\tdb\n"));
    }

    #[test]
    fn hosts_from_a_base() {
        let n = NameOptions::default();
        // A base that names localhost keeps its own lines; one that does not gets husk's.
        let with = hosts(
            "box",
            &n,
            &[],
            Some("127.0.0.1 localhost.localdomain localhost"),
        );
        assert_eq!(
            with,
            "127.0.0.1 localhost.localdomain localhost\n127.0.1.1\tbox\n"
        );
        let without = hosts("box", &n, &[], Some("10.9.9.9 printer # localhost"));
        assert!(without.starts_with("10.9.9.9 printer # localhost\n127.0.0.1\tlocalhost\n"));
        assert!(hosts("box", &n, &[], Some("")).starts_with("127.0.0.1\tlocalhost\n"));
        assert_eq!(HostsFile::parse("none").unwrap(), HostsFile::None);
        assert_eq!(HostsFile::parse("image").unwrap(), HostsFile::Image);
        assert!(HostsFile::parse("/no/such/hosts")
            .unwrap_err()
            .to_string()
            .contains("--hosts-file"));
    }
}
