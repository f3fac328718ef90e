//! Containers: creating one from an image and options (its record, OCI spec,
//! writable layer and /etc files), and finding one by name or id.

pub mod commit;
pub mod copy;
pub mod diff;
pub mod exec;
pub mod export;
pub mod flags;
pub mod health;
pub mod inspect;
pub mod lifecycle;
pub mod list;
pub mod logs;
pub mod mounts;
pub mod names;
pub mod options;
pub mod processes;
pub mod resources;
pub mod spec;
pub mod state;
pub mod user;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::Spec;

use crate::digest::Digest;
use crate::network;
use crate::overlay;
use crate::store::containers::{ContainerRecord, RestartPolicy};
use crate::store::images::ImageRecord;
use crate::store::Store;
use crate::userns::{self, IdMapping};
use crate::volume;
pub use lifecycle::{remove, remove_exited, remove_later, Removed};
use mounts::{BindMount, Mount, UserMounts, VolumeMount};
pub use spec::SpecOptions;

/// What `husk create` / `husk run` asks for.
pub struct CreateRequest<'a> {
    pub image: &'a ImageRecord,
    /// The name the image was given by, as recorded and shown.
    pub image_name: &'a str,
    pub name: Option<String>,
    pub user: Option<String>,
    /// `--group-add`: more supplementary groups (names or numbers).
    pub group_add: Vec<String>,
    pub spec: SpecOptions,
    pub auto_remove: bool,
    /// `--label K=V`s.
    pub labels: Vec<String>,
    pub restart: RestartPolicy,
    pub stop_timeout: Option<u32>,
    pub log_max_size: Option<u64>,
    /// `-i`: stdin stays open.
    pub interactive: bool,
    pub sdnotify: crate::monitor::sdnotify::Mode,
    pub create_command: Vec<String>,
    pub create_command_tail: usize,
    /// `--replace`: a container with the same name is removed (once the request is valid).
    pub replace: bool,
    /// `--volumes-from`.
    pub volumes_from: Vec<mounts::VolumesFrom>,
    /// `--health-*`, `--no-healthcheck` (over the image's HEALTHCHECK).
    pub health: health::HealthOptions,
    /// `--timeout`: seconds it may run before it is killed (None: no limit).
    pub timeout: Option<u32>,
    /// `--passwd`, `--passwd-entry`, `--group-entry`, `--hostuser`: accounts
    /// added to its /etc/passwd and /etc/group.
    pub accounts: user::AccountOptions,
    pub log_driver: crate::monitor::log::Driver,
    /// The image is a build stage, not a recorded image (nothing to hold).
    pub build_stage: bool,
    /// `--pidfile`, `--conmon-pidfile` (absolute paths).
    pub pidfile: Option<PathBuf>,
    pub conmon_pidfile: Option<PathBuf>,
    /// `--rmi`.
    pub remove_image: bool,
    /// `--requires`: containers (names or ids) to start before this one.
    pub requires: Vec<String>,
    /// The storage driver that makes its root (recorded: every start uses it).
    pub driver: Option<crate::overlay::DriverName>,
    /// `--secret`s.
    pub secrets: Vec<crate::secret::mount::SecretRequest>,
    /// `--rootfs`: the root is this directory (`image` is a stand-in with no layers).
    pub rootfs: Option<overlay::rootfs::RootfsSource>,
    /// `--pod`: the id of the pod it belongs to.
    pub pod: Option<String>,
}

/// A created container.
pub struct Container {
    pub record: ContainerRecord,
    pub dir: PathBuf,
    pub spec: Spec,
}

/// The layer directories of an image, lowest first; an error naming `husk pull` if one is missing.
pub fn layer_dirs(store: &Store, layers: &[Digest], image_name: &str) -> Result<Vec<PathBuf>> {
    layers
        .iter()
        .map(|l| {
            if store.has_layer(l) {
                Ok(store.layer_diff(l))
            } else {
                bail!("image {image_name}: layer {l} is missing from the store: run husk pull {image_name}")
            }
        })
        .collect()
}

/// The read-only layers of container `record`, lowest first: its image's, or
/// its `--rootfs` directory.
pub fn lower_dirs(store: &Store, record: &ContainerRecord) -> Result<Vec<PathBuf>> {
    match &record.rootfs {
        Some(r) => Ok(vec![r.path.clone()]),
        None => layer_dirs(store, &record.layers, &record.image_name),
    }
}

/// What the storage driver mounts for `ctr`: the image's layers under its
/// writable layer, at its `rootfs/`.
pub fn rootfs_layout(store: &Store, ctr: &Container) -> Result<overlay::RootfsLayout> {
    Ok(overlay::RootfsLayout {
        lowers: lower_dirs(store, &ctr.record)?,
        upper: ctr.dir.join("upper"),
        work: ctr.dir.join("work"),
        target: ctr.dir.join("rootfs"),
        mountpoints: None,
    })
}

/// 64 random hex digits (and their bytes): container ids, anonymous volumes' names.
pub(crate) fn new_id() -> Result<(String, [u8; 32])> {
    let mut bytes = [0u8; 32];
    // SAFETY: getrandom writes at most bytes.len() bytes into the buffer.
    let n = unsafe { libc::getrandom(bytes.as_mut_ptr().cast(), bytes.len(), 0) };
    if n != bytes.len() as isize {
        bail!("getrandom: {}", std::io::Error::last_os_error());
    }
    Ok((hex::encode(bytes), bytes))
}

/// Create a container: resolve its user, build its spec, write its directory.
pub fn create(store: &Store, req: CreateRequest<'_>) -> Result<Container> {
    let (lowers, image_config) = match &req.rootfs {
        Some(r) => (vec![r.path.clone()], serde_json::json!({})),
        None => (
            layer_dirs(store, &req.image.layers, req.image_name)?,
            serde_json::from_slice(&store.get_blob(&req.image.id)?)
                .context("parsing the image config")?,
        ),
    };
    let text = |rel: &str| -> Result<Option<String>> {
        Ok(overlay::read_merged_file(&lowers, rel)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()))
    };
    let user_spec = req
        .user
        .clone()
        .or_else(|| req.spec.userns.default_user(userns::current()))
        .or_else(|| {
            image_config
                .pointer("/config/User")
                .and_then(|u| u.as_str())
                .map(String::from)
        })
        .unwrap_or_default();
    let (passwd, group) = (text("etc/passwd")?, text("etc/group")?);
    // keep-id's user, a numeric -u's and --hostuser's, where the image has no account of their uid.
    let workdir = req.spec.workdir.clone().or_else(|| {
        image_config
            .pointer("/config/WorkingDir")
            .and_then(|w| w.as_str())
            .filter(|w| !w.is_empty())
            .map(String::from)
    });
    let accounts = accounts_to_add(&req, &user_spec, group.as_deref(), workdir.as_deref())?;
    let account_files = user::with_accounts(
        passwd.as_deref(),
        group.as_deref(),
        &accounts,
        &req.accounts,
    );
    let (passwd, group) = match &account_files {
        Some((p, g)) => (Some(p.clone()), Some(g.clone())),
        None => (passwd, group),
    };
    let mut user = user::resolve(&user_spec, passwd.as_deref(), group.as_deref())?;
    // Held (with `auto`) until the record is written: no other auto container takes its ids.
    let (own_userns, _userns_lock) =
        own_user_namespace(store, &req.spec.userns, passwd.as_deref(), group.as_deref())?;
    let idmap = own_userns.as_ref().map(|u| &u.map);
    let added = user::group_ids(&req.group_add, group.as_deref())?;
    for gid in added {
        if !user.additional_gids.contains(&gid) {
            user.additional_gids.push(gid);
        }
    }
    let mapping = userns::current();
    if let (IdMapping::Single { .. }, false) = (&mapping, req.group_add.is_empty()) {
        bail!(
            "--group-add cannot work in single-uid mode: add a subordinate id range for your user ({})",
            userns::subid::usermod_suggestion()
        );
    }
    if let IdMapping::Single { .. } = mapping {
        if user.uid != 0 || user.gid != 0 {
            bail!(
                "user {user_spec:?} (uid {}) cannot run in single-uid mode: add a subordinate id range for your user \
                 ({})",
                user.uid,
                userns::subid::usermod_suggestion()
            );
        }
        user.additional_gids.clear();
    }

    let mut opts = req.spec;
    check_joined(store, &opts)?;
    // Secrets are read now; env ones join the environment, mount ones are
    // copied into the container's directory once it exists.
    let secrets = crate::secret::mount::Given::read(store, &req.secrets)?;
    opts.env.extend(secrets.env());
    opts.mounts = all_mounts(
        store,
        &opts.mounts,
        &req.volumes_from,
        &image_config,
        &lowers,
        opts.image_volume,
    )?;
    let volume_mounts = volume_spec_mounts(store, &opts.mounts)?;

    let (id, seed) = new_id()?;
    let generated_name = req.name.is_none();
    let name = match req.name {
        Some(n) if names::is_valid(&n) => n,
        Some(n) => bail!("invalid container name {n:?}: use letters, digits and _ . - (starting with a letter or digit)"),
        None => names::generate(&seed),
    };
    let hostname = hostname_for(
        store,
        opts.hostname.as_deref(),
        &opts.uts,
        &opts.network.mode,
        &id,
    )?;
    let final_dir = store.container_dir(&id);
    let run = run_dir(&id)?;
    let tty_gid_mapped = match idmap {
        Some(m) => m.gid_to_ns(5).is_some(),
        None => mapping
            .gid_ranges()
            .iter()
            .any(|r| r.container <= 5 && 5 - r.container < r.size),
    };
    let mut volume_mounts = volume_mounts;
    volume_mounts.extend(secrets.mounts(&final_dir));
    let spec = spec::build(&spec::SpecInputs {
        image_config: &image_config,
        opts: &opts,
        volumes: volume_mounts,
        user: &user,
        hostname: &hostname,
        container_dir: &final_dir,
        run_dir: &run,
        tty_gid_mapped,
        idmap,
        accounts: account_files.is_some(),
    })?;
    let mut record = ContainerRecord {
        id: id.clone(),
        name,
        image: req.image.id.clone(),
        image_name: req.image_name.to_string(),
        layers: req.image.layers.clone(),
        // The command as the image and flags make it (not `--init-path`'s init before it).
        command: spec::command(
            image_config
                .get("config")
                .unwrap_or(&serde_json::Value::Null),
            &opts,
        )?,
        entrypoint_len: Some(
            spec::command_parts(
                image_config
                    .get("config")
                    .unwrap_or(&serde_json::Value::Null),
                &opts,
            )
            .0
            .len(),
        ),
        created: humantime::format_rfc3339_nanos(std::time::SystemTime::now()).to_string(),
        auto_remove: req.auto_remove,
        labels: labels(&image_config, &req.labels)?,
        restart: req.restart,
        stop_timeout: req.stop_timeout,
        log_max_size: req.log_max_size,
        tty: opts.tty,
        interactive: req.interactive,
        sdnotify: req.sdnotify,
        create_command: req.create_command,
        create_command_tail: req.create_command_tail,
        names: opts.names.clone(),
        network: network_settings(store, &opts, &image_config)?,
        mounts: Some(opts.mounts.clone()),
        healthcheck: healthcheck(&image_config, &req.health, req.sdnotify)?,
        userns: own_userns.clone(),
        timeout: req.timeout,
        log_driver: req.log_driver,
        pidfile: req.pidfile,
        conmon_pidfile: req.conmon_pidfile,
        remove_image: req.remove_image,
        driver: req.driver,
        requires: req
            .requires
            .iter()
            .map(|r| find(store, r).with_context(|| format!("--requires {r}")))
            .collect::<Result<_>>()?,
        secrets: req.secrets.clone(),
        rootfs: req.rootfs.clone(),
        pod: req.pod.clone(),
        options: Some(options::ProcessOptions::of(
            &opts,
            req.user.clone(),
            req.group_add.clone(),
        )),
    };
    // The image must still be there (see `hold_image`) before anything changes.
    let _image = match req.build_stage || req.rootfs.is_some() {
        false => Some(store.hold_image(&req.image.id)?),
        true => None,
    };
    if req.rootfs.is_none() {
        layer_dirs(store, &req.image.layers, req.image_name)?;
    }
    let (user_uid, user_gid) = owner_in_ns(idmap, user.uid, user.gid);
    prepare_binds(&opts.mounts, user_uid, user_gid)?;
    // Everything is validated and the bind sources are there: only now may
    // `--replace` remove the old container.
    if let (true, Some(old)) = (req.replace, store.container_id_by_name(&record.name)) {
        crate::pod::check_not_infra(store, &store.container_record(&old)?)?;
        lifecycle::remove_checked(store, &old, true)?;
    }
    // No volume is removed from here until the record names it.
    let hold = match opts.mounts.volumes.is_empty() {
        true => None,
        false => Some(volume::hold(store)?),
    };
    let mut made = Vec::new();
    let created =
        prepare_volumes(store, &opts.mounts, &lowers, &user, idmap, &mut made).and_then(|()| {
            let spec_json = serde_json::to_vec(&spec)?;
            match generated_name {
                true => create_with_a_free_name(store, &mut record, &spec_json, &seed),
                false => store.create_container(&record, &spec_json),
            }
        });
    let dir = match created {
        Ok(dir) => dir,
        Err(e) => {
            drop(hold);
            let _ = volume::remove_anonymous(store, &made);
            return Err(e);
        }
    };
    drop(hold);
    if opts.names.hosts_file == network::etc::HostsFile::Image {
        let hosts = text("etc/hosts")?.unwrap_or_default();
        std::fs::write(dir.join(network::etc::IMAGE_HOSTS), hosts)
            .context("keeping the image's /etc/hosts")?;
    }
    write_generated(&dir, &run, &record, &hostname)?;
    secrets.write(&dir, |uid, gid| owner_in_ns(idmap, uid, gid))?;
    if let Some((p, g)) = &account_files {
        std::fs::write(dir.join("passwd"), p).context("writing the container's passwd")?;
        std::fs::write(dir.join("group"), g).context("writing the container's group")?;
    }
    if let Some(m) = idmap {
        give_to_root(&dir, &["passwd", "group"], m)?;
    }
    crate::events::container("create", &record, &[]);
    Ok(Container { record, dir, spec })
}

/// Create `record`'s container under a name husk made up from the first bytes
/// of `seed`: one that another container has (1.3 million names: one run in
/// 13,000 beside a hundred containers) is made up again from the next bytes, as
/// docker and podman retry theirs; only a user's own name is an error when taken.
fn create_with_a_free_name(
    store: &Store,
    record: &mut ContainerRecord,
    spec_json: &[u8],
    seed: &[u8],
) -> Result<PathBuf> {
    let mut more = names::drawn(seed).skip(1);
    loop {
        match store.create_container(record, spec_json) {
            Err(e) if e.is::<crate::store::containers::NameInUse>() => match more.next() {
                Some(name) => record.name = name,
                None => return Err(e),
            },
            created => return created,
        }
    }
}

/// The containers whose pid, ipc or uts namespace `opts` joins must exist (they
/// must run only when this one starts).
pub fn check_joined(store: &Store, opts: &SpecOptions) -> Result<()> {
    for other in [&opts.pid, &opts.ipc, &opts.uts]
        .iter()
        .filter_map(|m| m.container())
    {
        find(store, other).with_context(|| format!("joining a namespace of container {other}"))?;
    }
    Ok(())
}

/// The accounts the container's /etc/passwd and /etc/group get (those it
/// lacks): with `--passwd` (the default), `--userns keep-id`'s user (the host's
/// account, at the uid and gid it has inside) and `user_spec`'s if numeric
/// (podman's), and `--hostuser`'s.
fn accounts_to_add(
    req: &CreateRequest<'_>,
    user_spec: &str,
    group: Option<&str>,
    workdir: Option<&str>,
) -> Result<Vec<user::Account>> {
    let mut out = Vec::new();
    let ns = userns::current();
    let keep_id = req.spec.userns.keep_id_ids(ns);
    if let (Some((uid, gid)), true) = (keep_id, req.accounts.add_missing) {
        let (own, _) = userns::idmap::own_ids(ns);
        let mut me = user::host_account(&own.to_string())?;
        if me.gid != gid {
            me.group = format!("{}-{gid}", me.group);
        }
        (me.uid, me.gid, me.templated) = (uid, gid, true);
        out.push(me);
    }
    if req.accounts.add_missing && !user_spec.is_empty() {
        let home = workdir.unwrap_or("/");
        if let Some(a) = user::Account::for_uid(user_spec, group, home)? {
            if keep_id.is_none_or(|(uid, _)| uid != a.uid) {
                out.push(a);
            }
        }
    }
    for who in &req.accounts.hostusers {
        out.push(user::host_account(who).with_context(|| format!("--hostuser {who}"))?);
    }
    Ok(out)
}

/// The container's own user namespace, if its options ask for one; with `auto`,
/// also the lock under which the ids of the other auto containers were read.
fn own_user_namespace(
    store: &Store,
    opts: &userns::idmap::UsernsOptions,
    passwd: Option<&str>,
    group: Option<&str>,
) -> Result<(
    Option<userns::idmap::ContainerUserns>,
    Option<crate::store::lock::Lock>,
)> {
    use userns::idmap::{self, UsernsMode};
    if opts.is_default() {
        return Ok((None, None));
    }
    let auto = |m: &UsernsMode| matches!(m, UsernsMode::Auto { .. });
    let (lock, taken) = if auto(&opts.mode) {
        let lock = crate::store::lock::Lock::exclusive(&store.locks_dir().join("userns.lock"))?;
        let taken: Vec<idmap::ContainerIdMap> = store
            .container_records()?
            .into_iter()
            .filter_map(|r| r.userns)
            .filter(|u| auto(&u.mode))
            .map(|u| u.map)
            .collect();
        (Some(lock), taken)
    } else {
        (None, Vec::new())
    };
    let resolving = idmap::Resolving {
        ns: userns::current(),
        taken: &taken,
        image_max_id: idmap::highest_named_id(passwd, group),
    };
    let map = idmap::resolve(opts, &resolving)?;
    let own = map.map(|map| idmap::ContainerUserns {
        mode: opts.mode.clone(),
        map,
    });
    Ok((own, lock))
}

/// Where the files husk makes for a container's /etc and /run are (hosts,
/// hostname, resolv.conf, containerenv, dockerenv): `containers/ID` in husk's
/// runtime directory, as podman's run directory. On tmpfs they cost little to
/// make and to remove; a start after a reboot emptied it makes them again
/// ([`ensure_generated`]).
pub fn run_dir(id: &str) -> Result<PathBuf> {
    Ok(crate::userns::pause::runtime_dir()?
        .join("containers")
        .join(id))
}

/// The directory container `ctr` has those files in: where its spec binds
/// /run/.containerenv from (its own directory when an older husk made it).
pub fn generated_dir(ctr: &Container) -> PathBuf {
    ctr.spec
        .mounts()
        .as_deref()
        .unwrap_or_default()
        .iter()
        .find(|m| m.destination() == Path::new(spec::CONTAINERENV))
        .and_then(|m| m.source().as_deref().and_then(Path::parent))
        .map_or_else(|| ctr.dir.clone(), Path::to_path_buf)
}

/// Write the files of [`run_dir`] into `out` for container `record`, whose
/// directory is `dir`.
fn write_generated(dir: &Path, out: &Path, record: &ContainerRecord, hostname: &str) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    network::write_etc_files(dir, out, hostname, &record.network.mode, &record.names)?;
    write_env_files(out, record)?;
    match record.userns.as_ref() {
        Some(u) => give_to_root(out, &["hosts", "hostname", "resolv.conf"], &u.map),
        None => Ok(()),
    }
}

/// Before container `ctr` starts: its files of [`run_dir`] as at its creation,
/// if they are gone (the runtime directory is emptied at a reboot).
pub fn ensure_generated(store: &Store, ctr: &Container) -> Result<()> {
    let out = generated_dir(ctr);
    if out.join("containerenv").exists() {
        return Ok(());
    }
    let hostname = hostname_of(store, ctr)?;
    write_generated(&ctr.dir, &out, &ctr.record, &hostname)
}

/// The name a container's /etc/hostname and $HOSTNAME hold: `--hostname`
/// (`given`), else its UTS namespace's, as docker's and podman's: the host's
/// with `--uts host` (and in a UTS namespace of its own with `--network
/// host`), that container's with `--uts container:NAME` (a pod's members: the
/// pod's), else the short id.
fn hostname_for(
    store: &Store,
    given: Option<&str>,
    uts: &options::NamespaceMode,
    net: &network::NetworkMode,
    id: &str,
) -> Result<String> {
    use options::NamespaceMode as Uts;
    let host_name = || -> Result<String> {
        let name = nix::unistd::gethostname().context("reading the host's name")?;
        Ok(name.to_string_lossy().into_owned())
    };
    let mut joined = match (given, uts, net) {
        (Some(name), _, _) => return Ok(name.to_string()),
        (None, Uts::Host, _) | (None, Uts::Private, network::NetworkMode::Host) => {
            return host_name()
        }
        (None, Uts::Private, _) => return Ok(short_id(id)),
        (None, Uts::Container(other), _) => other.clone(),
    };
    // That container's: the name its spec sets in a namespace of its own, or
    // that of the one it joined in turn (no cycle can be made, but a record
    // could say one).
    for _ in 0..16 {
        let other = load(store, &find(store, &joined)?)?;
        match (
            other.spec.hostname(),
            other.record.options.as_ref().map(|o| &o.uts),
        ) {
            (Some(name), _) => return Ok(name.clone()),
            (None, Some(Uts::Container(next))) => joined = next.clone(),
            (None, Some(Uts::Host)) => return host_name(),
            (None, _) => return Ok(short_id(&other.record.id)),
        }
    }
    bail!("--uts container:{joined}: too many containers joined one another's UTS namespace")
}

fn short_id(id: &str) -> String {
    id[..12.min(id.len())].to_string()
}

/// [`hostname_for`] container `ctr` (its spec has the name it sets in a UTS
/// namespace of its own).
fn hostname_of(store: &Store, ctr: &Container) -> Result<String> {
    let r = &ctr.record;
    let uts = r
        .options
        .as_ref()
        .map(|o| o.uts.clone())
        .unwrap_or_default();
    let given = ctr.spec.hostname().as_deref();
    hostname_for(store, given, &uts, &r.network.mode, &r.id)
}

/// Files of the container's /etc belong to its root, wherever its map puts it.
fn give_to_root(dir: &Path, files: &[&str], map: &userns::idmap::ContainerIdMap) -> Result<()> {
    let (Some(uid), Some(gid)) = (map.uid_to_ns(0), map.gid_to_ns(0)) else {
        return Ok(());
    };
    for file in files {
        let path = dir.join(file);
        match std::os::unix::fs::lchown(&path, Some(uid), Some(gid)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).with_context(|| format!("chown {}", path.display()))
            }
            _ => {}
        }
    }
    Ok(())
}

/// `/run/.containerenv` as podman writes it, and docker's empty `/.dockerenv`.
fn write_env_files(dir: &std::path::Path, r: &ContainerRecord) -> Result<()> {
    let text = format!(
        "engine=\"husk-{}\"\nname=\"{}\"\nid=\"{}\"\nimage=\"{}\"\nimageid=\"{}\"\nrootless={}\n",
        env!("CARGO_PKG_VERSION"),
        r.name,
        r.id,
        r.image_name,
        r.image.hex(),
        u8::from(!matches!(userns::current(), IdMapping::Host)),
    );
    std::fs::write(dir.join("containerenv"), text).context("writing containerenv")?;
    std::fs::write(dir.join("dockerenv"), "").context("writing dockerenv")
}

/// The user's mounts, with those of `--volumes-from`'s containers and an
/// anonymous volume for each of the image's `VOLUME`s that nothing else is
/// mounted on (docker's rules).
fn all_mounts(
    store: &Store,
    user: &UserMounts,
    volumes_from: &[mounts::VolumesFrom],
    image_config: &serde_json::Value,
    lowers: &[PathBuf],
    image_volume: options::ImageVolume,
) -> Result<UserMounts> {
    let mut out = user.clone();
    for from in volumes_from {
        let id = find(store, &from.container)
            .with_context(|| format!("--volumes-from {}", from.container))?;
        let theirs = store.container_record(&id)?.mounts.unwrap_or_default();
        // Theirs as mounted: their `:U` and `nocopy` were for them, done then.
        for b in theirs.binds {
            if !out.has_destination(&b.destination) {
                let options = mounts::with_readonly(&b.options, from.readonly);
                let chown = false;
                out.add(Mount::Bind(BindMount {
                    options,
                    chown,
                    ..b
                }))?;
            }
        }
        for v in theirs.volumes {
            if !out.has_destination(&v.destination) {
                let options = mounts::with_readonly(&v.options, from.readonly);
                let (chown, nocopy) = (false, true);
                out.add(Mount::Volume(VolumeMount {
                    options,
                    chown,
                    nocopy,
                    ..v
                }))?;
            }
        }
    }
    let declared = image_config
        .pointer("/config/Volumes")
        .and_then(|v| v.as_object())
        .map(|o| o.keys().cloned().collect::<Vec<_>>())
        .unwrap_or_default();
    if declared.len() > MAX_IMAGE_VOLUMES {
        bail!(
            "the image declares {} volumes: husk takes at most {MAX_IMAGE_VOLUMES}",
            declared.len()
        );
    }
    if declared.is_empty() || image_volume == options::ImageVolume::Ignore {
        return Ok(out);
    }
    let view = overlay::merged::MergedView::open(lowers)?;
    for path in &declared {
        let path = mounts::destination(path)
            .map_err(|why| anyhow::anyhow!("the image's VOLUME {path:?}: {why}"))?;
        // Where it lands: the image's symlinks followed inside its root, so
        // that a link to a path the user mounts does not hide that mount.
        let path = match view.dir(&path.to_string_lossy())? {
            Some((dir, _)) => Path::new("/").join(&dir.path),
            None => path,
        };
        if path != Path::new("/") && !out.has_destination(&path) {
            out.add(match image_volume {
                options::ImageVolume::Tmpfs => Mount::Tmpfs(mounts::TmpfsMount {
                    destination: path,
                    options: Vec::new(),
                }),
                _ => Mount::Volume(VolumeMount::anonymous(path, Vec::new())?),
            })?;
        }
    }
    Ok(out)
}

/// More `VOLUME`s than this in an image are refused (each is a volume, and a copy, at every run).
const MAX_IMAGE_VOLUMES: usize = 64;

/// The spec's mounts of the volumes: an existing volume as it is, one to be
/// made as a directory of the store.
fn volume_spec_mounts(store: &Store, mounts: &UserMounts) -> Result<Vec<serde_json::Value>> {
    mounts
        .volumes
        .iter()
        .map(|m| {
            let v = match volume::find(store, &m.name) {
                Ok(v) => v,
                Err(e) if e.downcast_ref::<crate::error::Failure>().is_some() => volume::Volume {
                    name: m.name.clone(),
                    created: String::new(),
                    labels: Default::default(),
                    options: Default::default(),
                    anonymous: m.anonymous,
                },
                Err(e) => return Err(e),
            };
            Ok(volume::spec_mount(store, &v, m))
        })
        .collect()
}

/// Make what the mounts need before the container exists: its volumes (a new
/// one with the image's content at its path, unless `nocopy`), `:U`'s chowns,
/// and `-v`'s missing host directories (as docker makes them). The anonymous
/// volumes made go to `made`.
/// Owner `uid:gid` of the container as its id map puts it in husk's namespace.
fn owner_in_ns(idmap: Option<&userns::idmap::ContainerIdMap>, uid: u32, gid: u32) -> (u32, u32) {
    match idmap {
        Some(m) => (
            m.uid_to_ns(uid).unwrap_or(userns::idmap::UNMAPPED),
            m.gid_to_ns(gid).unwrap_or(userns::idmap::UNMAPPED),
        ),
        None => (uid, gid),
    }
}

/// `-v`'s missing host directories made (as docker does), `:U` ones chowned
/// to the container's user (`user_uid:user_gid`, in husk's namespace).
fn prepare_binds(mounts: &UserMounts, user_uid: u32, user_gid: u32) -> Result<()> {
    for b in &mounts.binds {
        if !b.source.exists() {
            std::fs::create_dir_all(&b.source)
                .with_context(|| format!("creating the bind source {}", b.source.display()))?;
        }
        if b.chown {
            volume::copyup::chown_tree(&b.source, user_uid, user_gid)?;
        }
    }
    Ok(())
}

/// The named and anonymous volumes made (the new anonymous ones listed in
/// `made`), filled from the image, chowned for `:U` or the container's map.
fn prepare_volumes(
    store: &Store,
    mounts: &UserMounts,
    lowers: &[PathBuf],
    user: &user::User,
    idmap: Option<&userns::idmap::ContainerIdMap>,
    made: &mut Vec<VolumeMount>,
) -> Result<()> {
    let owner = |uid: u32, gid: u32| owner_in_ns(idmap, uid, gid);
    let (user_uid, user_gid) = owner(user.uid, user.gid);
    for m in &mounts.volumes {
        let (v, new) = volume::create(
            store,
            &volume::CreateOptions {
                name: Some(m.name.clone()),
                anonymous: m.anonymous,
                ..Default::default()
            },
        )?;
        if new && m.anonymous {
            made.push(m.clone());
        }
        if v.kind() != volume::Kind::Directory {
            continue;
        }
        let copied =
            !m.nocopy && volume::copyup::populate(store, &v.name, lowers, &m.destination, &owner)?;
        if new && !copied && idmap.is_some() {
            // A new volume belongs to the container's root, wherever its map puts it.
            let (uid, gid) = owner(0, 0);
            let data = volume::data_dir(store, &v.name);
            std::os::unix::fs::chown(&data, Some(uid), Some(gid))
                .with_context(|| format!("chown {}", data.display()))?;
        }
        if m.chown {
            volume::copyup::chown_tree(&volume::data_dir(store, &v.name), user_uid, user_gid)?;
        }
    }
    Ok(())
}

/// The network settings with `-P`'s ports added, and the networks and
/// `--link`ed containers checked to exist.
fn network_settings(
    store: &Store,
    opts: &SpecOptions,
    image_config: &serde_json::Value,
) -> Result<network::NetworkSettings> {
    let mut settings = opts.network.clone();
    for name in &settings.networks {
        let net = network::config::find(store, name)?;
        if let Some(ip) = settings.ip {
            net.check_address(ip)?;
        }
    }
    for (other, _) in &settings.links {
        find(store, other).with_context(|| format!("--link {other}"))?;
    }

    if opts.publish_all {
        let exposed = network::ports::exposed(image_config);
        for (port, protocol) in exposed.into_iter().chain(opts.expose.iter().copied()) {
            if settings.ports.len() >= network::ports::MAX_PORTS {
                bail!(
                    "-P: the image exposes more than {} ports",
                    network::ports::MAX_PORTS
                );
            }
            if !settings
                .ports
                .iter()
                .any(|m| m.container_port == port && m.protocol == protocol)
            {
                settings.ports.push(network::PortMapping {
                    host_ip: None,
                    host_port: 0,
                    container_port: port,
                    protocol,
                });
            }
        }
    }
    Ok(settings)
}

/// The image's labels, then `--label K=V`s over them.
/// The container's health check (the flags' over the image's); `--sdnotify
/// healthy` needs one whose timer runs.
fn healthcheck(
    image_config: &serde_json::Value,
    flags: &health::HealthOptions,
    sdnotify: crate::monitor::sdnotify::Mode,
) -> Result<Option<health::HealthConfig>> {
    let cfg = health::config(image_config, flags)?;
    let timed = cfg.as_ref().is_some_and(|h| !h.interval.is_zero());
    if sdnotify == crate::monitor::sdnotify::Mode::Healthy && !timed {
        bail!("--sdnotify=healthy needs a health check that runs on a timer (--health-cmd, or the image's HEALTHCHECK, with an interval)");
    }
    Ok(cfg)
}

fn labels(
    image_config: &serde_json::Value,
    extra: &[String],
) -> Result<std::collections::BTreeMap<String, String>> {
    let mut labels: std::collections::BTreeMap<String, String> = image_config
        .pointer("/config/Labels")
        .and_then(|l| l.as_object())
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default();
    for l in extra {
        let (k, v) = parse_label(l)?;
        labels.insert(k, v);
    }
    Ok(labels)
}

/// `--label KEY=VALUE` (a bare KEY has an empty value).
pub fn parse_label(text: &str) -> Result<(String, String)> {
    let (k, v) = text.split_once('=').unwrap_or((text, ""));
    if k.is_empty() {
        bail!("invalid label {text:?}: use KEY=VALUE");
    }
    Ok((k.to_string(), v.to_string()))
}

/// Parse `--restart`: no, always, unless-stopped, on-failure[:N].
pub fn parse_restart(s: &str) -> Result<RestartPolicy> {
    let (name, count) = match s.split_once(':') {
        Some((n, c)) => (n, Some(c)),
        None => (s, None),
    };
    use crate::store::containers::Restart;
    let name = match name {
        "no" => Restart::No,
        "always" => Restart::Always,
        "unless-stopped" => Restart::UnlessStopped,
        "on-failure" => Restart::OnFailure,
        _ => bail!("invalid --restart {s:?}: use no, always, unless-stopped or on-failure[:N]"),
    };
    let max_retries = match (name, count) {
        (Restart::OnFailure, Some(c)) => c
            .parse()
            .with_context(|| format!("--restart {s}: the count must be a number"))?,
        (_, None) => 0,
        _ => bail!("invalid --restart {s:?}: only on-failure takes a count"),
    };
    Ok(RestartPolicy { name, max_retries })
}

/// A container as created: its record and the spec it runs with.
pub fn load(store: &Store, id: &str) -> Result<Container> {
    let record = store.container_record(id)?;
    let dir = store.container_dir(id);
    let spec_path = dir.join("config.json");
    let spec: Spec = serde_json::from_slice(
        &std::fs::read(&spec_path).with_context(|| format!("reading {}", spec_path.display()))?,
    )
    .with_context(|| format!("parsing {}", spec_path.display()))?;
    Ok(Container { record, dir, spec })
}

/// The id of the container `name_or_id` names (a name, a full id or a unique id prefix).
/// No container has that name or id (prefix).
#[derive(Debug, thiserror::Error)]
#[error("no such container: {0}")]
pub struct NoSuchContainer(pub String);

/// Whether container `name_or_id` exists (`husk container exists`): an error
/// only when the store cannot say (an ambiguous prefix, an unreadable store).
pub fn exists(store: &Store, name_or_id: &str) -> Result<bool> {
    match find(store, name_or_id) {
        Ok(_) => Ok(true),
        Err(e) if e.downcast_ref::<NoSuchContainer>().is_some() => Ok(false),
        Err(e) => Err(e),
    }
}

pub fn find(store: &Store, name_or_id: &str) -> Result<String> {
    if let Some(id) = store.container_id_by_name(name_or_id) {
        return Ok(id);
    }
    let ids: Vec<String> = store
        .container_ids()?
        .into_iter()
        .filter(|id| id.starts_with(name_or_id))
        .collect();
    match ids.as_slice() {
        [id] if !name_or_id.is_empty() => Ok(id.clone()),
        [] | [_] => bail!(NoSuchContainer(name_or_id.to_string())),
        _ => bail!(
            "{name_or_id}: ambiguous, it matches {} containers",
            ids.len()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_made_up_name_that_is_taken_is_made_up_again() {
        let dir = std::env::temp_dir().join(format!("husk-names-test-{}", std::process::id()));
        let store = Store::open(&dir).unwrap();
        let seed: Vec<u8> = (1..=32).collect();
        let record = |id: char, name: &str| -> ContainerRecord {
            serde_json::from_value(serde_json::json!({
                "id": id.to_string().repeat(64),
                "name": name,
                "image": format!("sha256:{}", "0".repeat(64)),
                "image_name": "img",
                "layers": [],
                "command": ["true"],
                "created": "2026-12-05T00:00:00Z",
                "auto_remove": true,
            }))
            .unwrap()
        };
        let first = names::generate(&seed);
        store.create_container(&record('a', &first), b"{}").unwrap();
        // A user's own name that is taken stays an error.
        let mine = store.create_container(&record('b', &first), b"{}");
        assert!(mine
            .unwrap_err()
            .is::<crate::store::containers::NameInUse>());
        // A made-up one is made up again from the next bytes of the seed.
        let mut second = record('b', &first);
        create_with_a_free_name(&store, &mut second, b"{}", &seed).unwrap();
        assert_eq!(second.name, names::generate(&seed[4..]));
        assert_ne!(second.name, first);
        let by_name = |n: &str| store.container_id_by_name(n);
        assert_eq!(by_name(&first), Some("a".repeat(64)));
        assert_eq!(by_name(&second.name), Some("b".repeat(64)));
        // Every name the seed gives taken: the last error is what the user sees.
        let mut third = record('c', &first);
        for (i, bytes) in seed.chunks_exact(4).enumerate().skip(1) {
            let id = char::from(b'd' + i as u8);
            let _ = store.create_container(&record(id, &names::generate(bytes)), b"{}");
        }
        let err = create_with_a_free_name(&store, &mut third, b"{}", &seed).unwrap_err();
        assert!(err.is::<crate::store::containers::NameInUse>(), "{err:#}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
