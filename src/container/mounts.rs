//! What a container mounts besides its root, as the user asked for it: `-v`,
//! `--mount`, `--tmpfs` (and, once created, `--volumes-from` and the image's
//! `VOLUME`s). Parsed here once, with docker's rules, into three kinds that the
//! record keeps typed and the spec (`spec.rs`) and `volume::` read.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{anyhow, bail, Error, Result};
use serde::{Deserialize, Serialize};

/// A host path bound into the container (`-v /SRC:DST`, `--mount type=bind`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BindMount {
    pub source: PathBuf,
    pub destination: PathBuf,
    /// Mount options in the OCI spec's words ("ro", "nosuid"...).
    pub options: Vec<String>,
    /// `:U`: the source is chowned to the container's user first (podman's).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chown: bool,
}

impl BindMount {
    /// As docker's `HostConfig.Binds` writes it: SRC:DST[:OPTIONS].
    pub fn to_bind_string(&self) -> String {
        bind_string(
            &self.source.display().to_string(),
            &self.destination,
            &self.options,
        )
    }

    /// Whether the container may write it.
    pub fn writable(&self) -> bool {
        writable(&self.options)
    }
}

/// A volume of the store mounted into the container (`-v NAME:DST`, `-v DST`,
/// `--mount type=volume`, an image's `VOLUME`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeMount {
    /// The volume's name (an anonymous one has 64 random hex digits).
    pub name: String,
    pub destination: PathBuf,
    /// "ro", "nosuid"...
    pub options: Vec<String>,
    /// Made for this container alone (`-v DST`, `VOLUME`): `rm -v` removes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
    /// `nocopy`: a new, empty volume does not get the image's content.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nocopy: bool,
    /// `:U`: chowned to the container's user.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chown: bool,
}

impl VolumeMount {
    /// An anonymous volume at `destination` with a fresh name.
    pub fn anonymous(destination: PathBuf, options: Vec<String>) -> Result<VolumeMount> {
        Ok(VolumeMount {
            name: crate::volume::anonymous_name()?,
            destination,
            options,
            anonymous: true,
            nocopy: false,
            chown: false,
        })
    }

    pub fn writable(&self) -> bool {
        writable(&self.options)
    }

    /// As docker's `HostConfig.Binds` writes it (named volumes only).
    pub fn to_bind_string(&self) -> String {
        bind_string(&self.name, &self.destination, &self.options)
    }
}

/// `bind` or `rbind`: words that make a spec mount a bind, whatever its type says.
fn is_bind_word(o: &str) -> bool {
    o == "bind" || o == "rbind"
}

/// The words of `--mount`'s `bind-recursive=readonly|writable` in a bind's
/// options: `-v` has none (docker shows them in `Mounts[].BindOptions`).
fn is_ro_recursion(o: &str) -> bool {
    o == "rro" || o == "ro-nonrecursive"
}

fn bind_string(source: &str, destination: &Path, options: &[String]) -> String {
    let mut s = format!("{source}:{}", destination.display());
    let options: Vec<&str> = options
        .iter()
        .map(String::as_str)
        .filter(|o| !is_ro_recursion(o))
        .collect();
    if !options.is_empty() {
        s += ":";
        s += &options.join(",");
    }
    s
}

fn writable(options: &[String]) -> bool {
    !options.iter().any(|o| o == "ro" || o == "rro")
}

/// The spec's options of a bind of a host directory or a volume's: `rbind`
/// (the mounts beneath the source come along, as docker's and podman's), or
/// `bind` where the options ask for the top mount alone, then `options`.
pub fn bind_options(options: &[String]) -> Vec<String> {
    let given = options.iter().any(|o| is_bind_word(o));
    let mut out = Vec::with_capacity(options.len() + 1);
    if !given {
        out.push("rbind".to_string());
    }
    out.extend(options.iter().cloned());
    out
}

/// `--tmpfs DST[:OPTIONS]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TmpfsMount {
    pub destination: PathBuf,
    /// Options after husk's defaults (rw, noexec, nosuid, nodev), as given.
    pub options: Vec<String>,
}

impl FromStr for TmpfsMount {
    type Err = Error;
    fn from_str(spec: &str) -> Result<TmpfsMount> {
        let (dst, opts) = spec.split_once(':').unwrap_or((spec, ""));
        let destination =
            destination(dst).map_err(|why| anyhow!("invalid tmpfs {spec:?}: {why}"))?;
        let options: Vec<String> = opts
            .split(',')
            .filter(|o| !o.is_empty())
            .map(String::from)
            .collect();
        // Read as the mount's kind, they would make it a bind of the word "tmpfs".
        if let Some(o) = options.iter().find(|o| is_bind_word(o)) {
            bail!("invalid tmpfs {spec:?}: {o} is not a tmpfs option");
        }
        Ok(TmpfsMount {
            destination,
            options,
        })
    }
}

/// The mounts a user asked for, as the container's record keeps them
/// (inspect's `Mounts`, `HostConfig.Binds` and `HostConfig.Tmpfs`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UserMounts {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub binds: Vec<BindMount>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tmpfs: Vec<TmpfsMount>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<VolumeMount>,
}

/// One `-v` or `--mount`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mount {
    Bind(BindMount),
    Volume(VolumeMount),
    Tmpfs(TmpfsMount),
}

impl Mount {
    fn destination(&self) -> &Path {
        match self {
            Mount::Bind(b) => &b.destination,
            Mount::Volume(v) => &v.destination,
            Mount::Tmpfs(t) => &t.destination,
        }
    }
}

impl UserMounts {
    /// From `-v`, `--tmpfs` and `--mount`; two mounts at one path are refused, as docker does.
    pub fn parse(volumes: &[String], tmpfs: &[String], mounts: &[String]) -> Result<UserMounts> {
        let mut all = volumes
            .iter()
            .map(|v| parse_volume_flag(v))
            .collect::<Result<Vec<_>>>()?;
        for t in tmpfs {
            all.push(Mount::Tmpfs(t.parse()?));
        }
        for m in mounts {
            all.push(parse_mount_flag(m)?);
        }
        let mut out = UserMounts::default();
        for m in all {
            out.add(m)?;
        }
        Ok(out)
    }

    /// Add `m`; an error if another mount has its destination.
    pub fn add(&mut self, m: Mount) -> Result<()> {
        if self.has_destination(m.destination()) {
            bail!("duplicate mount point: {}", m.destination().display());
        }
        match m {
            Mount::Bind(b) => self.binds.push(b),
            Mount::Volume(v) => self.volumes.push(v),
            Mount::Tmpfs(t) => self.tmpfs.push(t),
        }
        Ok(())
    }

    /// Whether some mount is at `dst` (a path of the container, compared cleaned).
    pub fn has_destination(&self, dst: &Path) -> bool {
        let dst = clean(dst);
        self.binds.iter().any(|b| clean(&b.destination) == dst)
            || self.volumes.iter().any(|v| clean(&v.destination) == dst)
            || self.tmpfs.iter().any(|t| clean(&t.destination) == dst)
    }
}

/// `/a//b/` as `/a/b`.
fn clean(p: &Path) -> PathBuf {
    p.components().collect()
}

/// A container path: absolute, and not `/` itself.
pub fn destination(dst: &str) -> std::result::Result<PathBuf, &'static str> {
    if !dst.starts_with('/') {
        return Err("the container path must be absolute");
    }
    let path = clean(Path::new(dst));
    if path == Path::new("/") {
        return Err("the container path cannot be /");
    }
    if path
        .components()
        .any(|c| c == std::path::Component::ParentDir)
    {
        return Err("the container path cannot contain ..");
    }
    Ok(path)
}

/// `-v SRC:DST:O` (podman's overlay volume), as the bind's options keep it: the
/// container sees SRC through an overlay whose upper layer is its own, emptied
/// at each start; SRC itself never changes.
pub const OVERLAY: &str = "O";

/// What `-v`'s OPTIONS say, beyond the mount options.
#[derive(Default)]
struct VolumeOptions {
    options: Vec<String>,
    chown: bool,
    nocopy: bool,
}

fn volume_options(spec: &str, opts: &str) -> Result<VolumeOptions> {
    let mut out = VolumeOptions::default();
    for o in opts.split(',').filter(|o| !o.is_empty()) {
        match o {
            "ro" | "rw" | "nosuid" | "nodev" | "noexec" | "suid" | "dev" | "exec" => {
                out.options.retain(|x| !(is_rw(x) && is_rw(o)));
                out.options.push(o.to_string())
            }
            // podman's: a recursive bind (the default) or the source's top mount alone.
            "bind" | "rbind" => {
                out.options.retain(|x| !is_bind_word(x));
                out.options.push(o.to_string())
            }
            "U" => out.chown = true,
            "nocopy" => out.nocopy = true,
            "copy" => out.nocopy = false,
            // SELinux relabelling: nothing to do where SELinux is off.
            "z" | "Z" if selinux_enforcing() => bail!(
                "invalid volume {spec:?}: SELinux enforces here and husk cannot relabel ({o}) yet: label the source yourself (chcon -t container_file_t)"
            ),
            "z" | "Z" | "rprivate" | "private" => {}
            // An overlay over the host directory (podman's): kept with the options.
            "O" if !out.options.iter().any(|x| x == OVERLAY) => out.options.push(OVERLAY.into()),
            "O" => {}
            "shared" | "rshared" | "slave" | "rslave" => bail!(
                "invalid volume {spec:?}: propagation {o} is not supported (private, rprivate)"
            ),
            other => bail!("invalid volume {spec:?}: unknown option {other:?}"),
        }
    }
    Ok(out)
}

/// Whether SELinux is on and enforcing on this machine.
fn selinux_enforcing() -> bool {
    std::fs::read_to_string("/sys/fs/selinux/enforce").is_ok_and(|s| s.trim() == "1")
}

/// Whether `s` reads as `-v` options rather than a path (`ro`, `rw,z`, `U`...).
fn is_option_list(s: &str) -> bool {
    s.split(',').all(|o| {
        matches!(
            o,
            "ro" | "rw"
                | "z"
                | "Z"
                | "U"
                | "O"
                | "nocopy"
                | "copy"
                | "nosuid"
                | "suid"
                | "nodev"
                | "dev"
                | "noexec"
                | "exec"
                | "private"
                | "rprivate"
                | "bind"
                | "rbind"
        )
    })
}

fn is_rw(o: &str) -> bool {
    o == "ro" || o == "rw"
}

/// `-v SRC:DST[:OPTIONS]`, `-v NAME:DST[:OPTIONS]` or `-v DST[:OPTIONS]` (an
/// anonymous volume). A missing bind source is made when the container is.
pub fn parse_volume_flag(spec: &str) -> Result<Mount> {
    let bad = |why: &str| anyhow!("invalid volume {spec:?}: {why}");
    let parts: Vec<&str> = spec.split(':').collect();
    let (src, dst, opts) = match parts.as_slice() {
        [dst] => (None, *dst, ""),
        // `/data:ro`: an anonymous volume with options.
        [dst, opts] if dst.starts_with('/') && is_option_list(opts) => (None, *dst, *opts),
        [src, dst] => (Some(*src), *dst, ""),
        [src, dst, opts] => (Some(*src), *dst, *opts),
        _ => return Err(bad("expected [SRC:]DST[:OPTIONS]")),
    };
    let destination = destination(dst).map_err(bad)?;
    let o = volume_options(spec, opts)?;
    if o.options.iter().any(|x| x == OVERLAY) && o.options.iter().any(|x| is_bind_word(x)) {
        return Err(bad(
            "an overlay (:O) is not a bind: bind and rbind do not go with it",
        ));
    }
    match src {
        Some(src) if src.starts_with('/') => Ok(Mount::Bind(BindMount {
            source: clean(Path::new(src)),
            destination,
            options: o.options,
            chown: o.chown,
        })),
        _ if o.options.iter().any(|x| x == OVERLAY) && !src.is_some_and(|s| s.starts_with('/')) => {
            Err(bad("overlay (:O) is for host directories only"))
        }
        Some(name) => {
            crate::volume::check_name(name).map_err(|_| {
                bad(&format!(
                    "{name:?} is not a volume name (letters, digits, _ . -, starting with a letter or digit); \
                     a host directory must be given as an absolute path"
                ))
            })?;
            Ok(Mount::Volume(VolumeMount {
                name: name.to_string(),
                destination,
                options: o.options,
                anonymous: false,
                nocopy: o.nocopy,
                chown: o.chown,
            }))
        }
        None => {
            let mut v = VolumeMount::anonymous(destination, o.options)?;
            (v.nocopy, v.chown) = (o.nocopy, o.chown);
            Ok(Mount::Volume(v))
        }
    }
}

/// `--mount type=bind|volume|tmpfs,...`: docker's long form. Unlike `-v`, a
/// bind source that does not exist is refused.
pub fn parse_mount_flag(spec: &str) -> Result<Mount> {
    let bad = |why: &str| anyhow!("invalid --mount {spec:?}: {why}");
    let (mut kind, mut source, mut target) = (None, None, None);
    let (mut readonly, mut nocopy, mut options) = (false, false, Vec::new());
    let (mut tmpfs_keys, mut recursion) = (false, None);
    for field in spec.split(',').filter(|f| !f.is_empty()) {
        let (key, value) = match field.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (field, None),
        };
        match (key, value) {
            ("type", Some(v)) => kind = Some(v),
            ("source" | "src", Some(v)) => source = Some(v),
            ("destination" | "dst" | "target", Some(v)) => target = Some(v),
            ("readonly" | "ro", None | Some("true" | "1")) => readonly = true,
            ("readonly" | "ro", Some("false" | "0")) => readonly = false,
            ("volume-nocopy", None | Some("true" | "1")) => nocopy = true,
            ("volume-nocopy", Some("false" | "0")) => nocopy = false,
            ("volume-driver", Some("local")) => {}
            ("volume-driver", Some(v)) => {
                return Err(bad(&format!("volume driver {v:?}: husk has local volumes")))
            }
            ("volume-opt" | "volume-label", Some(_)) => {
                return Err(bad(&format!(
                    "{key}: create the volume first with husk volume create --opt/--label"
                )))
            }
            ("bind-propagation", Some("private" | "rprivate")) => {}
            ("bind-propagation", Some(v)) => {
                return Err(bad(&format!(
                    "bind-propagation={v} is not supported (private, rprivate)"
                )))
            }
            // docker 25's: how the mounts beneath a bind's source come along.
            ("bind-recursive", Some(v @ ("enabled" | "disabled" | "writable" | "readonly"))) => {
                recursion = Some(v)
            }
            ("bind-recursive", Some(v)) => {
                return Err(bad(&format!(
                    "bind-recursive={v}: expected enabled, disabled, writable or readonly"
                )))
            }
            // docker's older key, and podman's.
            ("bind-nonrecursive", None | Some("true" | "1")) => recursion = Some("disabled"),
            ("bind-nonrecursive", Some("false" | "0")) => recursion = Some("enabled"),
            ("tmpfs-size", Some(v)) => {
                tmpfs_keys = true;
                options.push(format!("size={v}"))
            }
            ("tmpfs-mode", Some(v)) => {
                u32::from_str_radix(v, 8).map_err(|_| bad("tmpfs-mode is an octal mode"))?;
                tmpfs_keys = true;
                options.push(format!("mode={v}"));
            }
            ("consistency", Some(_)) => {} // docker desktop's; nothing here
            _ => return Err(bad(&format!("unknown key {key:?}"))),
        }
    }
    let target = target.ok_or_else(|| bad("it needs a target (dst=PATH)"))?;
    let destination = destination(target).map_err(bad)?;
    let kind = kind.unwrap_or("volume");
    if tmpfs_keys && kind != "tmpfs" {
        return Err(bad("tmpfs- keys are for type=tmpfs"));
    }
    if readonly {
        options.insert(0, "ro".to_string());
    }
    if recursion.is_some() && kind != "bind" {
        return Err(bad("bind- keys are for type=bind"));
    }
    match recursion {
        Some(v @ ("writable" | "readonly")) if !readonly => {
            return Err(bad(&format!("bind-recursive={v} is for a readonly bind")))
        }
        Some("disabled") => options.push("bind".into()),
        Some("writable") => options.push("ro-nonrecursive".into()),
        Some("readonly") => options.push("rro".into()),
        _ => {}
    }
    match kind {
        "bind" => {
            let source = source.ok_or_else(|| bad("a bind mount needs a source (src=PATH)"))?;
            if !source.starts_with('/') {
                return Err(bad("the source must be an absolute host path"));
            }
            if !Path::new(source).exists() {
                bail!("bind source path does not exist: {source}");
            }
            Ok(Mount::Bind(BindMount {
                source: clean(Path::new(source)),
                destination,
                options,
                chown: false,
            }))
        }
        "volume" => {
            let mut v = match source {
                Some(name) => {
                    crate::volume::check_name(name).map_err(|e| bad(&e.to_string()))?;
                    VolumeMount {
                        name: name.to_string(),
                        destination,
                        options,
                        anonymous: false,
                        nocopy: false,
                        chown: false,
                    }
                }
                None => VolumeMount::anonymous(destination, options)?,
            };
            v.nocopy = nocopy;
            Ok(Mount::Volume(v))
        }
        "tmpfs" => {
            if source.is_some() {
                return Err(bad("a tmpfs has no source"));
            }
            Ok(Mount::Tmpfs(TmpfsMount {
                destination,
                options,
            }))
        }
        other => Err(bad(&format!(
            "unknown type {other:?} (bind, volume, tmpfs)"
        ))),
    }
}

/// `--volumes-from CONTAINER[:ro|:rw]`: the mounts of another container
/// (binds and volumes), all made read-only (`ro`), all writable (`rw`), or as
/// they are there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolumesFrom {
    pub container: String,
    pub readonly: Option<bool>,
}

impl FromStr for VolumesFrom {
    type Err = Error;
    fn from_str(spec: &str) -> Result<VolumesFrom> {
        let (container, readonly) = match spec.rsplit_once(':') {
            Some((c, "ro")) => (c, Some(true)),
            Some((c, "rw")) => (c, Some(false)),
            Some((_, o)) => bail!("invalid --volumes-from {spec:?}: unknown option {o:?} (ro, rw)"),
            None => (spec, None),
        };
        if container.is_empty() {
            bail!("invalid --volumes-from {spec:?}: no container given");
        }
        Ok(VolumesFrom {
            container: container.to_string(),
            readonly,
        })
    }
}

/// `options` with ro/rw set as `--volumes-from`'s `:ro`/`:rw` says.
pub fn with_readonly(options: &[String], readonly: Option<bool>) -> Vec<String> {
    let Some(ro) = readonly else {
        return options.to_vec();
    };
    // `:ro` keeps how far the source's read-only reached; `:rw` drops it too.
    let mut out: Vec<String> = options
        .iter()
        .filter(|o| !is_rw(o) && (ro || !is_ro_recursion(o)))
        .cloned()
        .collect();
    if ro {
        out.insert(0, "ro".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bind(s: &str) -> BindMount {
        match parse_volume_flag(s).unwrap() {
            Mount::Bind(b) => b,
            other => panic!("{s}: {other:?}"),
        }
    }

    fn volume(s: &str) -> VolumeMount {
        match parse_volume_flag(s).unwrap() {
            Mount::Volume(v) => v,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn volume_flags() {
        let v = bind("/tmp:/data:ro,z");
        assert_eq!(v.source, PathBuf::from("/tmp"));
        assert_eq!(v.destination, PathBuf::from("/data"));
        assert_eq!(v.options, vec!["ro"]);
        // A missing source is made later, as docker does.
        assert_eq!(
            bind("/no/such/husk/dir:/x").source,
            PathBuf::from("/no/such/husk/dir")
        );
        let n = volume("data:/var/lib/db:U,nocopy");
        assert_eq!(
            (n.name.as_str(), n.chown, n.nocopy, n.anonymous),
            ("data", true, true, false)
        );
        let a = volume("/cache:ro");
        assert!(a.anonymous && a.name.len() == 64 && a.options == vec!["ro"]);
        assert!(volume("/cache").anonymous);
        assert_eq!(bind("/tmp:/x:ro,rw").options, vec!["rw"]);
        for (bad, says) in [
            ("./data:/x", "absolute path"),
            ("data/x:/x", "absolute path"),
            ("..:/x", "absolute path"),
            ("/tmp:x", "must be absolute"),
            ("/tmp:/", "cannot be /"),
            ("/tmp:/a/../b", "cannot contain .."),
            ("/tmp:/x:bogus", "unknown option"),
            ("/tmp:/x:rshared", "not supported"),
            ("relative", "must be absolute"),
            ("/tmp:/a:ro:x", "expected [SRC:]DST"),
        ] {
            let e = parse_volume_flag(bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
        let dup = UserMounts::parse(&["/tmp:/x".into(), "vol:/x/".into()], &[], &[]);
        assert!(dup
            .unwrap_err()
            .to_string()
            .contains("duplicate mount point"));
    }

    /// How far a bind reaches beneath its source, in the spec's words: `-v`'s
    /// podman words `bind`/`rbind`, `--mount`'s docker keys `bind-recursive`
    /// and `bind-nonrecursive`.
    #[test]
    fn binds_say_how_the_mounts_beneath_come_along() {
        let spec = |b: BindMount| bind_options(&b.options);
        let m = |s: &str| match parse_mount_flag(s).unwrap() {
            Mount::Bind(b) => b,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(spec(bind("/tmp:/x")), ["rbind"]);
        assert_eq!(spec(bind("/tmp:/x:ro")), ["rbind", "ro"]);
        assert_eq!(spec(bind("/tmp:/x:bind,ro")), ["bind", "ro"]);
        assert_eq!(spec(bind("/tmp:/x:bind,rbind")), ["rbind"]);
        let src = "type=bind,src=/tmp,dst=/x";
        assert_eq!(spec(m(&format!("{src},readonly"))), ["rbind", "ro"]);
        for (key, words) in [
            ("bind-recursive=enabled", vec!["rbind", "ro"]),
            ("bind-recursive=disabled", vec!["ro", "bind"]),
            (
                "bind-recursive=writable",
                vec!["rbind", "ro", "ro-nonrecursive"],
            ),
            ("bind-recursive=readonly", vec!["rbind", "ro", "rro"]),
            ("bind-nonrecursive", vec!["ro", "bind"]),
            ("bind-nonrecursive=false", vec!["rbind", "ro"]),
        ] {
            assert_eq!(spec(m(&format!("{src},readonly,{key}"))), words, "{key}");
        }
        let rro = m(&format!("{src},readonly,bind-recursive=readonly"));
        assert!(!rro.writable());
        // --volumes-from's :rw makes it writable whatever its recursion; :ro keeps it.
        assert_eq!(
            with_readonly(&rro.options, Some(false)),
            Vec::<String>::new()
        );
        assert_eq!(with_readonly(&rro.options, Some(true)), ["ro", "rro"]);
        // HostConfig.Binds in -v's words: the recursion is --mount's alone.
        assert_eq!(rro.to_bind_string(), "/tmp:/x:ro");
        for (bad, says) in [
            ("/tmp:/x:O,bind", "not a bind"),
            ("/tmp:/x:rbind,O", "not a bind"),
        ] {
            let e = parse_volume_flag(bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
        let e = "/x:bind".parse::<TmpfsMount>().unwrap_err().to_string();
        assert!(e.contains("not a tmpfs option"), "{e}");
    }

    #[test]
    fn mount_flags() {
        let m = |s: &str| parse_mount_flag(s);
        assert_eq!(
            m("type=bind,src=/tmp,dst=/data,readonly").unwrap(),
            Mount::Bind(BindMount {
                source: "/tmp".into(),
                destination: "/data".into(),
                options: vec!["ro".into()],
                chown: false,
            })
        );
        assert_eq!(
            m("type=tmpfs,target=/run,tmpfs-size=64m,tmpfs-mode=1770").unwrap(),
            Mount::Tmpfs(TmpfsMount {
                destination: "/run".into(),
                options: vec!["size=64m".into(), "mode=1770".into()]
            })
        );
        match m("src=data,dst=/x,volume-nocopy").unwrap() {
            Mount::Volume(v) => assert!(v.name == "data" && v.nocopy && !v.anonymous),
            other => panic!("{other:?}"),
        }
        match m("type=volume,dst=/x,ro").unwrap() {
            Mount::Volume(v) => assert!(v.anonymous && !v.writable()),
            other => panic!("{other:?}"),
        }
        for (bad, says) in [
            ("type=bind,src=/no/such/husk/dir,dst=/x", "does not exist"),
            ("type=bind,dst=/x", "needs a source"),
            ("type=bind,src=/tmp", "needs a target"),
            ("type=bind,src=/tmp,dst=x", "must be absolute"),
            ("type=bind,src=/tmp,dst=/x,color=red", "unknown key"),
            (
                "type=bind,src=/tmp,dst=/x,bind-propagation=rshared",
                "not supported",
            ),
            ("type=bind,src=/tmp,dst=/x,tmpfs-size=1m", "type=tmpfs"),
            ("type=tmpfs,dst=/x,tmpfs-mode=999", "octal"),
            ("type=volume,src=a/b,dst=/x", "invalid volume name"),
            (
                "type=volume,src=v,dst=/x,volume-driver=nfs",
                "local volumes",
            ),
            ("type=nfs,dst=/x", "unknown type"),
            (
                "type=bind,src=/tmp,dst=/x,bind-recursive=readonly",
                "for a readonly bind",
            ),
            ("type=bind,src=/tmp,dst=/x,bind-recursive=yes", "expected"),
            ("type=volume,dst=/x,bind-recursive=disabled", "type=bind"),
        ] {
            let e = m(bad).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn tmpfs() {
        let t: TmpfsMount = "/run:size=1m,mode=0700".parse().unwrap();
        assert_eq!(t.destination, PathBuf::from("/run"));
        assert_eq!(t.options, vec!["size=1m", "mode=0700"]);
        assert!("run".parse::<TmpfsMount>().is_err());
    }

    #[test]
    fn volumes_from() {
        let v = |s: &str| s.parse::<VolumesFrom>().map(|v| (v.container, v.readonly));
        assert_eq!(v("db:ro").unwrap(), ("db".into(), Some(true)));
        assert_eq!(v("db").unwrap(), ("db".into(), None));
        assert!(v("db:x").is_err() && v(":ro").is_err());
        let o = vec!["ro".to_string(), "nosuid".to_string()];
        assert_eq!(with_readonly(&o, Some(false)), vec!["nosuid"]);
        assert_eq!(with_readonly(&o[1..], Some(true)), vec!["ro", "nosuid"]);
        assert_eq!(with_readonly(&o, None), o);
    }
}
