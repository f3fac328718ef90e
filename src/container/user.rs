//! `-u USER[:GROUP]` and the image's `User`, resolved through its /etc/passwd and /etc/group.

use anyhow::{bail, Result};

/// A resolved user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub uid: u32,
    pub gid: u32,
    pub additional_gids: Vec<u32>,
    pub home: String,
}

/// Resolve `spec` ("", "name", "uid", "name:group", "uid:gid") against the image's files.
pub fn resolve(spec: &str, passwd: Option<&str>, group: Option<&str>) -> Result<User> {
    let spec = if spec.is_empty() { "0" } else { spec };
    let (user_part, group_part) = match spec.split_once(':') {
        Some((u, g)) => (u, Some(g)),
        None => (spec, None),
    };
    let entries = records(passwd, 7);
    let by_name = entries.iter().find(|f| f[0] == user_part);
    let (uid, mut gid, name, home) = match (by_name, user_part.parse::<u32>()) {
        (Some(f), _) => (
            parse_id(f[2], spec)?,
            parse_id(f[3], spec)?,
            f[0].to_string(),
            f[5].to_string(),
        ),
        (None, Ok(uid)) => match entries.iter().find(|f| f[2] == user_part) {
            Some(f) => (
                uid,
                parse_id(f[3], spec)?,
                f[0].to_string(),
                f[5].to_string(),
            ),
            // No passwd entry: group 0, as docker and podman give.
            None => (uid, 0, String::new(), "/".to_string()),
        },
        (None, Err(_)) => {
            bail!("unable to find user {user_part}: no matching entries in passwd file")
        }
    };
    let groups = records(group, 4);
    if let Some(g) = group_part {
        gid = match (groups.iter().find(|f| f[0] == g), g.parse::<u32>()) {
            (Some(f), _) => parse_id(f[2], spec)?,
            (None, Ok(n)) => n,
            (None, Err(_)) => bail!("unable to find group {g}: no matching entries in group file"),
        };
    }
    let mut additional_gids: Vec<u32> = if name.is_empty() || group_part.is_some() {
        vec![]
    } else {
        groups
            .iter()
            .filter(|f| f[3].split(',').any(|m| m == name))
            .filter_map(|f| f[2].parse().ok())
            .collect()
    };
    // The primary group comes first in the supplementary groups, as with docker's runtimes.
    additional_gids.retain(|g| *g != gid);
    additional_gids.insert(0, gid);
    additional_gids.dedup();
    let home = if uid == 0 && home.is_empty() {
        "/root".to_string()
    } else {
        home
    };
    Ok(User {
        uid,
        gid,
        additional_gids,
        home,
    })
}

/// `--group-add`s: group names (through the image's /etc/group) or numbers.
pub fn group_ids(names: &[String], group: Option<&str>) -> Result<Vec<u32>> {
    let groups = records(group, 4);
    names
        .iter()
        .map(|g| match (groups.iter().find(|f| f[0] == g), g.parse::<u32>()) {
            (Some(f), _) => parse_id(f[2], g),
            (None, Ok(n)) => Ok(n),
            (None, Err(_)) => {
                bail!("--group-add {g}: no such group in the image's /etc/group (give a name it has, or a number)")
            }
        })
        .collect()
}

/// The lines of a passwd or group file as their fields, those with at least `fields`.
/// What the container's /etc/passwd and /etc/group get added (podman's
/// `--passwd`, `--passwd-entry`, `--group-entry`, `--hostuser`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountOptions {
    /// `--passwd` (podman's default: true): accounts are added for `--userns
    /// keep-id`'s user and a numeric `-u` uid (and group) the image lacks.
    pub add_missing: bool,
    /// `--passwd-entry`: the line written for such an account, with $USERNAME,
    /// $UID, $GID, $NAME and $HOME replaced.
    pub passwd_entry: Option<String>,
    /// `--group-entry`: the line written for its group, with $GROUPNAME, $GID
    /// and $USERLIST replaced.
    pub group_entry: Option<String>,
    /// `--hostuser`: host accounts (names or uids), added as the host has them.
    pub hostusers: Vec<String>,
}

/// An account added to the container's /etc/passwd and /etc/group (`--userns
/// keep-id`'s user, a numeric `-u`'s, `--hostuser`'s), where the image has none of its uid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub name: String,
    pub uid: u32,
    pub gid: u32,
    pub gecos: String,
    pub home: String,
    pub shell: String,
    pub group: String,
    /// Its group is added too where the image has none of its gid.
    pub add_group: bool,
    /// `--passwd-entry` and `--group-entry` shape its lines (not `--hostuser`'s).
    pub templated: bool,
}

impl Account {
    /// The account podman adds for `-u SPEC` (a numeric uid, optionally
    /// `:GID`) with no passwd entry: named for its uid, "container user",
    /// at home in `workdir`. None if SPEC names a user by name.
    pub fn for_uid(spec: &str, group: Option<&str>, workdir: &str) -> Result<Option<Account>> {
        let (user_part, group_part) = match spec.split_once(':') {
            Some((u, g)) => (u, Some(g)),
            None => (spec, None),
        };
        let Ok(uid) = user_part.parse::<u32>() else {
            return Ok(None);
        };
        let (gid, add_group) = match group_part.map(|g| (g, g.parse::<u32>())) {
            None => (0, false),
            Some((_, Ok(gid))) => (gid, true),
            Some((g, Err(_))) => match records(group, 4).iter().find(|f| f[0] == g) {
                Some(f) => (parse_id(f[2], spec)?, false),
                None => bail!("unable to find group {g}: no matching entries in group file"),
            },
        };
        Ok(Some(Account {
            name: uid.to_string(),
            uid,
            gid,
            gecos: "container user".to_string(),
            home: workdir.to_string(),
            shell: "/bin/sh".to_string(),
            group: gid.to_string(),
            add_group,
            templated: true,
        }))
    }

    fn passwd_line(&self, template: Option<&str>) -> String {
        let line = match template.filter(|_| self.templated) {
            Some(t) => t
                .replace("$USERNAME", &self.name)
                .replace("$UID", &self.uid.to_string())
                .replace("$GID", &self.gid.to_string())
                .replace("$NAME", &self.gecos)
                .replace("$HOME", &self.home),
            None => format!(
                "{}:*:{}:{}:{}:{}:{}",
                self.name, self.uid, self.gid, self.gecos, self.home, self.shell
            ),
        };
        line.trim_end_matches('\n').to_string() + "\n"
    }

    fn group_line(&self, template: Option<&str>) -> String {
        let line = match template.filter(|_| self.templated) {
            Some(t) => t
                .replace("$GROUPNAME", &self.group)
                .replace("$GID", &self.gid.to_string())
                .replace("$USERLIST", &self.name),
            None => format!("{}:x:{}:{}", self.group, self.gid, self.name),
        };
        line.trim_end_matches('\n').to_string() + "\n"
    }
}

/// The host's account `who` (a name or a uid), from the host's own files.
pub fn host_account(who: &str) -> Result<Account> {
    use nix::unistd::{Group, Uid, User as HostUser};
    let found = match who.parse::<u32>() {
        Ok(uid) => HostUser::from_uid(Uid::from_raw(uid)),
        Err(_) => HostUser::from_name(who),
    };
    let Ok(Some(u)) = found else {
        bail!("no user {who:?} on this host");
    };
    let group = Group::from_gid(u.gid)
        .ok()
        .flatten()
        .map_or_else(|| u.name.clone(), |g| g.name);
    Ok(Account {
        name: u.name,
        uid: u.uid.as_raw(),
        gid: u.gid.as_raw(),
        gecos: u.gecos.to_string_lossy().into_owned(),
        home: u.dir.to_string_lossy().into_owned(),
        shell: "/bin/sh".to_string(),
        group,
        add_group: true,
        templated: false,
    })
}

/// `passwd` and `group` with the `accounts` whose uid (and name) they lack, and
/// the groups of whose gid (and name) they lack, appended (shaped by `opts`'
/// entry templates); None if none was added.
pub fn with_accounts(
    passwd: Option<&str>,
    group: Option<&str>,
    accounts: &[Account],
    opts: &AccountOptions,
) -> Option<(String, String)> {
    let (mut p, mut g) = (
        passwd.unwrap_or("").to_string(),
        group.unwrap_or("").to_string(),
    );
    let mut added = false;
    let end_line = |s: &mut String| {
        if !s.is_empty() && !s.ends_with('\n') {
            s.push('\n');
        }
    };
    for a in accounts {
        let users = records(Some(&p), 7);
        if !users
            .iter()
            .any(|f| f[2] == a.uid.to_string() || f[0] == a.name)
        {
            end_line(&mut p);
            p += &a.passwd_line(opts.passwd_entry.as_deref());
            added = true;
        }
        let groups = records(Some(&g), 3);
        if a.add_group
            && !groups
                .iter()
                .any(|f| f[2] == a.gid.to_string() || f[0] == a.group)
        {
            end_line(&mut g);
            g += &a.group_line(opts.group_entry.as_deref());
            added = true;
        }
    }
    added.then_some((p, g))
}

fn records(text: Option<&str>, fields: usize) -> Vec<Vec<&str>> {
    text.unwrap_or("")
        .lines()
        .map(|l| l.split(':').collect::<Vec<&str>>())
        .filter(|f| f.len() >= fields)
        .collect()
}

fn parse_id(s: &str, spec: &str) -> Result<u32> {
    match s.parse() {
        Ok(n) => Ok(n),
        Err(_) => bail!("user {spec}: bad id {s:?} in the image's passwd or group file"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PASSWD: &str = "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:u:/home/user:/bin/sh\n";
    const GROUP: &str = "root:x:0:\nuser:x:1000:\nwheel:x:10:user,other\n";

    #[test]
    fn accounts_added_where_missing() {
        let me = Account {
            name: "me".into(),
            uid: 1001,
            gid: 1001,
            gecos: "Me".into(),
            home: "/home/me".into(),
            shell: "/bin/sh".into(),
            group: "me".into(),
            add_group: true,
            templated: true,
        };
        let none = AccountOptions::default();
        let (p, g) =
            with_accounts(Some(PASSWD), Some(GROUP), std::slice::from_ref(&me), &none).unwrap();
        assert!(p.ends_with(
            "user:x:1000:1000:u:/home/user:/bin/sh\nme:*:1001:1001:Me:/home/me:/bin/sh\n"
        ));
        assert!(g.ends_with("me:x:1001:me\n"));
        let u = resolve("1001", Some(&p), Some(&g)).unwrap();
        assert_eq!((u.gid, u.home.as_str()), (1001, "/home/me"));
        let user = Account {
            uid: 1000,
            gid: 1000,
            name: "user".into(),
            group: "user".into(),
            ..me
        };
        assert_eq!(
            with_accounts(Some(PASSWD), Some(GROUP), &[user], &none),
            None,
            "there already"
        );
    }

    #[test]
    fn numeric_users_and_entry_templates() {
        let none = AccountOptions::default();
        assert_eq!(Account::for_uid("user", Some(GROUP), "/").unwrap(), None);
        // -u 4242: named for its uid, group 0 (there already: no group line).
        let a = Account::for_uid("4242", Some(GROUP), "/srv")
            .unwrap()
            .unwrap();
        let (p, g) =
            with_accounts(Some(PASSWD), Some(GROUP), std::slice::from_ref(&a), &none).unwrap();
        assert!(
            p.ends_with("4242:*:4242:0:container user:/srv:/bin/sh\n"),
            "{p}"
        );
        assert_eq!(g, GROUP);
        // -u 4242:777: the group is added; -u 4242:wheel: looked up.
        let b = Account::for_uid("4242:777", Some(GROUP), "/")
            .unwrap()
            .unwrap();
        let (_, g) =
            with_accounts(Some(PASSWD), Some(GROUP), std::slice::from_ref(&b), &none).unwrap();
        assert!(g.ends_with("777:x:777:4242\n"), "{g}");
        let w = Account::for_uid("4242:wheel", Some(GROUP), "/")
            .unwrap()
            .unwrap();
        assert_eq!(w.gid, 10);
        assert!(Account::for_uid("4242:nogroup", Some(GROUP), "/").is_err());
        // The templates shape the lines of such accounts.
        let opts = AccountOptions {
            passwd_entry: Some("$USERNAME:x:$UID:$GID:$NAME:$HOME:/bin/ash".into()),
            group_entry: Some("grp$GID:x:$GID:$USERLIST".into()),
            ..AccountOptions::default()
        };
        let (p, g) = with_accounts(Some(PASSWD), Some(GROUP), &[b], &opts).unwrap();
        assert!(
            p.ends_with("4242:x:4242:777:container user:/:/bin/ash\n"),
            "{p}"
        );
        assert!(g.ends_with("grp777:x:777:4242\n"), "{g}");
        // A uid the image has gets nothing.
        let u = Account::for_uid("1000", Some(GROUP), "/").unwrap().unwrap();
        assert_eq!(with_accounts(Some(PASSWD), Some(GROUP), &[u], &opts), None);
    }

    #[test]
    fn added_groups() {
        let g = |names: &[&str]| {
            group_ids(
                &names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
                Some(GROUP),
            )
        };
        assert_eq!(g(&["wheel", "44", "user"]).unwrap(), vec![10, 44, 1000]);
        assert!(g(&["nosuchgroup"])
            .unwrap_err()
            .to_string()
            .contains("no such group"));
    }

    #[test]
    fn names_numbers_and_groups() {
        let u = resolve("user", Some(PASSWD), Some(GROUP)).unwrap();
        assert_eq!(
            (u.uid, u.gid, u.additional_gids.clone(), u.home.as_str()),
            (1000, 1000, vec![1000, 10], "/home/user")
        );
        let u = resolve("1000:10", Some(PASSWD), Some(GROUP)).unwrap();
        assert_eq!((u.uid, u.gid), (1000, 10));
        let u = resolve("4242", Some(PASSWD), Some(GROUP)).unwrap();
        assert_eq!((u.uid, u.gid), (4242, 0));
        assert_eq!(resolve("", Some(PASSWD), None).unwrap().home, "/root");
        assert!(resolve("nobody", Some(PASSWD), Some(GROUP))
            .unwrap_err()
            .to_string()
            .contains("unable to find user nobody"));
        assert!(resolve("user:nogroup", Some(PASSWD), Some(GROUP)).is_err());
    }
}
