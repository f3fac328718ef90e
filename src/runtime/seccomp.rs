//! Seccomp: docker's default profile, docker/OCI profile files, and compiling
//! an OCI `LinuxSeccomp` to BPF with `seccompiler` (no libseccomp needed).
//!
//! The default is docker's own profile (`seccomp-default.json`, from moby's
//! profiles): an allow-list. A syscall it does not name gets EPERM, clone3
//! gets ENOSYS (so that the C library falls back to clone, whose flags the
//! filter can see), and rules depend on the container's capabilities.
//!
//! A profile can give different actions to different rules, and a
//! `seccompiler` filter has one action for a match and one for no match. So a
//! profile becomes a stack of filters, all of which the kernel runs for each
//! syscall, taking the most restrictive answer (KILL > TRAP > ERRNO > TRACE >
//! LOG > ALLOW; for two ERRNOs, the filter loaded last):
//! - the base filter: any rule matches -> ALLOW, else the default action;
//! - one filter per other action: its rules match -> that action, else ALLOW;
//! - on x86_64, a filter that refuses the x32 ABI (syscall numbers with bit 30),
//!   which `seccompiler` does not tell apart and an allow-by-default profile
//!   would otherwise let through.

use std::collections::{BTreeMap, HashSet};

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{LinuxSeccomp, LinuxSeccompAction, LinuxSeccompOperator};
use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};
use serde_json::Value;

use super::syscalls;

/// This architecture's AUDIT_ARCH_* (what `seccomp_data.arch` holds).
#[cfg(target_arch = "x86_64")]
const AUDIT_ARCH: u32 = 62 | 0x8000_0000 | 0x4000_0000;
#[cfg(target_arch = "aarch64")]
const AUDIT_ARCH: u32 = 183 | 0x8000_0000 | 0x4000_0000;

/// Docker's default profile (github.com/moby/profiles, seccomp/default.json).
const DEFAULT_PROFILE: &str = include_str!("seccomp-default.json");

/// Names this architecture goes by in profiles (`includes.arches`, SCMP_ARCH_*).
#[cfg(target_arch = "x86_64")]
const ARCH_NAMES: &[&str] = &["amd64", "x86_64", "SCMP_ARCH_X86_64", "SCMP_ARCH_AMD64"];
#[cfg(target_arch = "aarch64")]
const ARCH_NAMES: &[&str] = &["arm64", "aarch64", "SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM64"];

/// A compiled profile: BPF programs to load in this order.
#[derive(Debug, Clone)]
pub struct Filter {
    programs: Vec<Vec<libc::sock_filter>>,
}

/// The default profile for a container with capabilities `caps`, as an OCI
/// seccomp section (what config.json records).
pub fn default_profile(caps: &HashSet<String>) -> Result<LinuxSeccomp> {
    // Not compiled here: it always compiles (a unit test says so).
    profile_from_json(DEFAULT_PROFILE.as_bytes(), caps).context("husk's default seccomp profile")
}

/// Read a profile file in docker's format (a superset of OCI's): rules whose
/// `includes`/`excludes` name capabilities, architectures or a minimum kernel
/// apply accordingly.
pub fn profile_from_file(path: &std::path::Path, caps: &HashSet<String>) -> Result<LinuxSeccomp> {
    const MAX_PROFILE: u64 = 4 << 20;
    let text = crate::fsat::read_small_file(path, MAX_PROFILE)
        .with_context(|| format!("reading seccomp profile {}", path.display()))?;
    let profile = profile_from_json(&text, caps)
        .with_context(|| format!("seccomp profile {}", path.display()))?;
    // Refused now, not when the container starts.
    compile(&profile).with_context(|| format!("seccomp profile {}", path.display()))?;
    Ok(profile)
}

fn profile_from_json(text: &[u8], caps: &HashSet<String>) -> Result<LinuxSeccomp> {
    let mut doc: Value = serde_json::from_slice(text).context("is not JSON")?;
    let kernel = kernel_version();
    if let Some(rules) = doc.get_mut("syscalls").and_then(Value::as_array_mut) {
        rules.retain(|r| rule_applies(r, caps, kernel));
        for r in rules.iter_mut() {
            if let Some(o) = r.as_object_mut() {
                for k in ["includes", "excludes", "comment"] {
                    o.remove(k);
                }
            }
        }
    }
    if let Some(o) = doc.as_object_mut() {
        o.remove("archMap");
    }
    let profile: LinuxSeccomp = serde_json::from_value(doc).context("is malformed")?;
    Ok(profile)
}

/// The running kernel's (major, minor).
fn kernel_version() -> (u32, u32) {
    let release = nix::sys::utsname::uname()
        .map(|u| u.release().to_string_lossy().into_owned())
        .unwrap_or_default();
    parse_version(&release).unwrap_or((0, 0))
}

fn parse_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.split(|c: char| !c.is_ascii_digit());
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn rule_applies(rule: &Value, caps: &HashSet<String>, kernel: (u32, u32)) -> bool {
    let list = |v: Option<&Value>, key: &str| -> Vec<String> {
        v.and_then(|v| v.get(key))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (inc, exc) = (rule.get("includes"), rule.get("excludes"));
    let has_arch = |archs: &[String]| archs.iter().any(|a| ARCH_NAMES.contains(&a.as_str()));
    let inc_arch = list(inc, "arches");
    let min_kernel = inc
        .and_then(|i| i.get("minKernel"))
        .and_then(Value::as_str)
        .and_then(parse_version);
    list(inc, "caps").iter().all(|c| caps.contains(c))
        && (inc_arch.is_empty() || has_arch(&inc_arch))
        && min_kernel.is_none_or(|min| kernel >= min)
        && !list(exc, "caps").iter().any(|c| caps.contains(c))
        && !has_arch(&list(exc, "arches"))
}

fn action(action: LinuxSeccompAction, errno: Option<u32>) -> Result<SeccompAction> {
    use LinuxSeccompAction::*;
    Ok(match action {
        ScmpActAllow => SeccompAction::Allow,
        ScmpActErrno => SeccompAction::Errno(errno.unwrap_or(libc::EPERM as u32)),
        ScmpActKill | ScmpActKillThread => SeccompAction::KillThread,
        ScmpActKillProcess => SeccompAction::KillProcess,
        ScmpActTrap => SeccompAction::Trap,
        ScmpActTrace => SeccompAction::Trace(errno.unwrap_or(0)),
        ScmpActLog => SeccompAction::Log,
        ScmpActNotify => bail!("SCMP_ACT_NOTIFY is not supported"),
    })
}

/// One OCI argument condition; None if it can never hold (a masked value
/// with bits outside its mask).
fn condition(
    index: usize,
    value: u64,
    value_two: u64,
    op: LinuxSeccompOperator,
) -> Result<Option<SeccompCondition>> {
    use LinuxSeccompOperator::*;
    let index = u8::try_from(index)
        .ok()
        .filter(|i| *i <= 5)
        .context("argument index out of range")?;
    let (op, value) = match op {
        ScmpCmpEq => (SeccompCmpOp::Eq, value),
        ScmpCmpNe => (SeccompCmpOp::Ne, value),
        ScmpCmpGe => (SeccompCmpOp::Ge, value),
        ScmpCmpGt => (SeccompCmpOp::Gt, value),
        ScmpCmpLt => (SeccompCmpOp::Lt, value),
        ScmpCmpLe => (SeccompCmpOp::Le, value),
        // OCI: (arg & value) == valueTwo.
        ScmpCmpMaskedEq if value_two & !value != 0 => return Ok(None),
        ScmpCmpMaskedEq => (SeccompCmpOp::MaskedEq(value), value_two),
    };
    Ok(Some(SeccompCondition::new(
        index,
        SeccompCmpArgLen::Qword,
        op,
        value,
    )?))
}

/// Rules for one action: syscall number -> its rules (ORed), or None when
/// one rule names the syscall whatever its arguments.
type RuleMap = BTreeMap<i64, Option<Vec<SeccompRule>>>;

fn rules_by_action(profile: &LinuxSeccomp) -> Result<Vec<(SeccompAction, RuleMap)>> {
    let mut by_action: Vec<(SeccompAction, RuleMap)> = Vec::new();
    for rule in profile.syscalls().as_deref().unwrap_or_default() {
        let act = action(rule.action(), rule.errno_ret())?;
        let mut conditions = Vec::new();
        let mut possible = true;
        for arg in rule.args().as_deref().unwrap_or_default() {
            match condition(
                arg.index(),
                arg.value(),
                arg.value_two().unwrap_or(0),
                arg.op(),
            )? {
                Some(c) => conditions.push(c),
                None => possible = false,
            }
        }
        if !possible {
            continue;
        }
        let i = match by_action.iter().position(|(a, _)| *a == act) {
            Some(i) => i,
            None => {
                by_action.push((act, RuleMap::new()));
                by_action.len() - 1
            }
        };
        // Names this architecture lacks are skipped, as libseccomp does.
        for nr in rule.names().iter().filter_map(|n| syscalls::number(n)) {
            let entry = by_action[i]
                .1
                .entry(i64::from(nr))
                .or_insert_with(|| Some(Vec::new()));
            match entry {
                _ if conditions.is_empty() => *entry = None,
                Some(rules) => rules.push(SeccompRule::new(conditions.clone())?),
                None => {}
            }
        }
    }
    Ok(by_action)
}

/// The map `seccompiler` takes: an empty list matches unconditionally.
fn for_seccompiler(map: &RuleMap) -> BTreeMap<i64, Vec<SeccompRule>> {
    map.iter()
        .map(|(nr, rules)| (*nr, rules.clone().unwrap_or_default()))
        .collect()
}

fn target_arch() -> Result<TargetArch> {
    std::env::consts::ARCH
        .try_into()
        .map_err(|_| anyhow::anyhow!("seccomp is not supported on {}", std::env::consts::ARCH))
}

fn program(
    rules: BTreeMap<i64, Vec<SeccompRule>>,
    mismatch: SeccompAction,
    matched: SeccompAction,
) -> Result<Vec<libc::sock_filter>> {
    let filter = SeccompFilter::new(rules, mismatch, matched, target_arch()?)?;
    let bpf: BpfProgram = filter.try_into()?;
    Ok(bpf
        .into_iter()
        .map(|i| libc::sock_filter {
            code: i.code,
            jt: i.jt,
            jf: i.jf,
            k: i.k,
        })
        .collect())
}

/// The rules of every action in one map: every rule, whatever its action,
/// keeps the syscall from the default (None: a rule without conditions).
fn merged(by_action: &[(SeccompAction, RuleMap)]) -> RuleMap {
    let mut all = RuleMap::new();
    for (_, map) in by_action {
        for (nr, rules) in map {
            let entry = all.entry(*nr).or_insert_with(|| Some(Vec::new()));
            match (entry.as_mut(), rules) {
                (Some(_), None) => *entry = None,
                (Some(mine), Some(theirs)) => mine.extend(theirs.iter().cloned()),
                (None, _) => {}
            }
        }
    }
    all
}

/// The base filter: a syscall of `all` that its rules allow -> ALLOW, else
/// `default`. Those allowed whatever their arguments are found by a binary
/// search (`bpf::with_search`); `seccompiler` compiles the rest.
fn base_program(all: &RuleMap, default: &SeccompAction) -> Result<Vec<libc::sock_filter>> {
    let unconditional: Vec<u32> = all
        .iter()
        .filter(|(_, rules)| rules.is_none())
        .filter_map(|(nr, _)| u32::try_from(*nr).ok())
        .collect();
    let conditional: RuleMap = all
        .iter()
        .filter(|(nr, rules)| rules.is_some() || u32::try_from(**nr).is_err())
        .map(|(nr, rules)| (*nr, rules.clone()))
        .collect();
    let rest = program(
        for_seccompiler(&conditional),
        default.clone(),
        SeccompAction::Allow,
    )?;
    let searched = super::bpf::with_search(
        AUDIT_ARCH,
        &super::bpf::ranges(unconditional),
        libc::SECCOMP_RET_ALLOW,
        &rest,
    );
    match searched {
        Some(p) => Ok(p),
        None => program(for_seccompiler(all), default.clone(), SeccompAction::Allow),
    }
}

/// Compile a profile to the stack of filters described in the module docs.
pub fn compile(profile: &LinuxSeccomp) -> Result<Filter> {
    let default = action(profile.default_action(), profile.default_errno_ret())?;
    let by_action = rules_by_action(profile)?;
    let mut programs = Vec::new();
    if default != SeccompAction::Allow {
        programs.push(base_program(&merged(&by_action), &default)?);
    }
    for (act, map) in &by_action {
        if *act != SeccompAction::Allow && !map.is_empty() {
            programs.push(program(
                for_seccompiler(map),
                SeccompAction::Allow,
                act.clone(),
            )?);
        }
    }
    #[cfg(target_arch = "x86_64")]
    programs.push(refuse_x32());
    Ok(Filter { programs })
}

/// The filter for a container's process (`spec`), or None (unconfined): its
/// seccomp section, or docker's default profile for its bounding set when the
/// spec names it (`container::spec::ANNOTATION_SECCOMP`). Compiled through a
/// cache in `dir` (husk's runtime directory): expanding and compiling docker's
/// profile costs half a millisecond on every container start, reading the
/// result back a few microseconds. The key is the profile (or the default's
/// inputs: capabilities, kernel) and this husk binary, which may compile
/// differently after an upgrade.
pub fn filter_for(spec: &oci_spec::runtime::Spec, dir: &std::path::Path) -> Result<Option<Filter>> {
    if let Some(profile) = spec.linux().as_ref().and_then(|l| l.seccomp().as_ref()) {
        let key = serde_json::to_vec(profile).context("seccomp profile")?;
        return cached(&key, dir, || compile(profile)).map(Some);
    }
    let default = spec
        .annotations()
        .as_ref()
        .and_then(|a| a.get(crate::container::spec::ANNOTATION_SECCOMP))
        .is_some_and(|v| v == "default");
    if !default {
        return Ok(None);
    }
    let bounding = spec
        .process()
        .as_ref()
        .and_then(|p| p.capabilities().as_ref())
        .map(|c| super::caps::names(c.bounding()))
        .unwrap_or_default();
    // Sorted: the same set gives the same key.
    let caps: std::collections::BTreeSet<String> = bounding.into_iter().collect();
    let key = format!("default {:?} {:?}", caps, kernel_version());
    cached(key.as_bytes(), dir, || {
        compile(&default_profile(&caps.into_iter().collect())?)
    })
    .map(Some)
}

/// Where [`filter_for`] keeps compiled filters: `RUNDIR/seccomp`.
pub fn cache_dir() -> Result<std::path::PathBuf> {
    Ok(crate::userns::pause::runtime_dir()?.join("seccomp"))
}

/// `make`'s filter, from the cache in `dir` under `key` if it is there.
fn cached(
    key: &[u8],
    dir: &std::path::Path,
    make: impl FnOnce() -> Result<Filter>,
) -> Result<Filter> {
    let Some(path) = cache_path(key, dir) else {
        return make();
    };
    if let Some(filter) = std::fs::read(&path).ok().and_then(|b| decode(&b)) {
        return Ok(filter);
    }
    let filter = make()?;
    // A cache that cannot be written is no error: the next start compiles again.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let written = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&tmp, encode(&filter)))
        .and_then(|()| std::fs::rename(&tmp, &path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    Ok(filter)
}

/// `dir/<sha256 of the key and of this binary's identity>.bpf`.
fn cache_path(key: &[u8], dir: &std::path::Path) -> Option<std::path::PathBuf> {
    use sha2::{Digest, Sha256};
    use std::os::unix::fs::MetadataExt;
    let exe = std::fs::metadata("/proc/self/exe").ok()?;
    let mut h = Sha256::new();
    h.update(key);
    h.update(format!(
        "{} {} {} {}.{}",
        env!("CARGO_PKG_VERSION"),
        exe.dev(),
        exe.ino(),
        exe.mtime(),
        exe.mtime_nsec()
    ));
    Some(dir.join(format!("{}.bpf", hex::encode(h.finalize()))))
}

/// The cache file: per program, its length (u32 LE) and its instructions
/// (code u16 LE, jt, jf, k u32 LE).
fn encode(filter: &Filter) -> Vec<u8> {
    let mut out = Vec::new();
    for prog in &filter.programs {
        out.extend_from_slice(&(prog.len() as u32).to_le_bytes());
        for i in prog {
            out.extend_from_slice(&i.code.to_le_bytes());
            out.extend_from_slice(&[i.jt, i.jf]);
            out.extend_from_slice(&i.k.to_le_bytes());
        }
    }
    out
}

/// [`encode`]'s inverse; None for anything malformed (it is compiled again then).
fn decode(mut bytes: &[u8]) -> Option<Filter> {
    const MAX_INSNS: usize = 4096; // BPF_MAXINSNS
    let mut programs = Vec::new();
    while !bytes.is_empty() {
        let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        bytes = &bytes[4..];
        if len == 0 || len > MAX_INSNS || bytes.len() < len * 8 || programs.len() >= 16 {
            return None;
        }
        let prog = bytes[..len * 8]
            .chunks_exact(8)
            .map(|c| libc::sock_filter {
                code: u16::from_le_bytes([c[0], c[1]]),
                jt: c[2],
                jf: c[3],
                k: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect();
        programs.push(prog);
        bytes = &bytes[len * 8..];
    }
    (!programs.is_empty()).then_some(Filter { programs })
}

/// x86_64: EPERM for x32 syscalls (bit 30 of the number), ALLOW for the rest.
#[cfg(target_arch = "x86_64")]
fn refuse_x32() -> Vec<libc::sock_filter> {
    let insn = |code: u16, jt: u8, jf: u8, k: u32| libc::sock_filter { code, jt, jf, k };
    vec![
        insn(0x20, 0, 0, 0),                                // ld [nr]
        insn(0x35, 0, 1, 0x4000_0000),                      // jge 0x40000000 ? next : +1
        insn(0x06, 0, 0, 0x0005_0000 | libc::EPERM as u32), // ret ERRNO(EPERM)
        insn(0x06, 0, 0, 0x7fff_0000),                      // ret ALLOW
    ]
}

/// Load `filter` into this thread (no_new_privs must be set, or CAP_SYS_ADMIN held).
pub fn load(filter: &Filter) -> std::io::Result<()> {
    for prog in &filter.programs {
        let fprog = libc::sock_fprog {
            len: prog.len() as u16,
            filter: prog.as_ptr() as *mut libc::sock_filter,
        };
        // SAFETY: fprog points at `prog`, which outlives the call; the kernel copies it.
        let r = unsafe {
            libc::prctl(
                libc::PR_SET_SECCOMP,
                libc::SECCOMP_MODE_FILTER,
                &fprog as *const libc::sock_fprog,
            )
        };
        if r != 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(list: &[&str]) -> HashSet<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    fn names_of(profile: &LinuxSeccomp, action: LinuxSeccompAction) -> HashSet<String> {
        profile
            .syscalls()
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter(|r| r.action() == action)
            .flat_map(|r| r.names().iter().cloned())
            .collect()
    }

    /// The base filter of `profile` as `seccompiler` alone compiles it.
    fn linear_base(profile: &LinuxSeccomp) -> Vec<libc::sock_filter> {
        let default = action(profile.default_action(), profile.default_errno_ret()).unwrap();
        let all = merged(&rules_by_action(profile).unwrap());
        program(for_seccompiler(&all), default, SeccompAction::Allow).unwrap()
    }

    #[test]
    fn the_searched_base_filter_decides_as_seccompilers() {
        for caps in [caps(&[]), caps(&["CAP_SYS_ADMIN", "CAP_SYS_PTRACE"])] {
            let profile = default_profile(&caps).unwrap();
            let linear = linear_base(&profile);
            let fast = compile(&profile).unwrap().programs.remove(0);
            assert!(
                fast.len() * 4 < linear.len(),
                "{} vs {}",
                fast.len(),
                linear.len()
            );
            // Arguments that the profile's conditions look at: clone's namespace
            // flags, personality's values, socket's AF_VSOCK.
            let args = [
                [0; 6],
                [libc::CLONE_NEWUSER as u64, 0, 0, 0, 0, 0],
                [0x7e02_0000, 0, 0, 0, 0, 0],
                [0x0008, 0, 0, 0, 0, 0],
                [0xffff_ffff, 0, 0, 0, 0, 0],
                [40, 1, 0, 0, 0, 0],
                [1, u64::MAX, 7, 0, 0, 0],
            ];
            for nr in (0..512).chain([0x4000_0000, 0x4000_0002, u32::MAX]) {
                for a in args {
                    assert_eq!(
                        super::super::bpf::run(&fast, nr, AUDIT_ARCH, a),
                        super::super::bpf::run(&linear, nr, AUDIT_ARCH, a),
                        "syscall {nr} with {a:?}"
                    );
                }
            }
            let other_arch = AUDIT_ARCH ^ 0x4000_0000;
            assert_eq!(
                super::super::bpf::run(&fast, 1, other_arch, [0; 6]),
                super::super::bpf::run(&linear, 1, other_arch, [0; 6])
            );
        }
    }

    #[test]
    fn the_default_is_dockers_allow_list() {
        let p = default_profile(&caps(&[])).unwrap();
        assert_eq!(p.default_action(), LinuxSeccompAction::ScmpActErrno);
        let allowed = names_of(&p, LinuxSeccompAction::ScmpActAllow);
        for name in ["read", "openat", "clone", "personality", "socket", "execve"] {
            assert!(allowed.contains(name), "{name}");
        }
        for name in [
            "io_uring_setup",
            "mount",
            "unshare",
            "kexec_load",
            "kcmp",
            "bpf",
        ] {
            assert!(!allowed.contains(name), "{name}");
        }
        assert!(names_of(&p, LinuxSeccompAction::ScmpActErrno).contains("clone3"));
        assert_eq!(
            compile(&p).unwrap().programs.len(),
            if cfg!(target_arch = "x86_64") { 3 } else { 2 }
        );
    }

    #[test]
    fn the_cache_gives_back_what_was_compiled() {
        let dir = std::env::temp_dir().join(format!("husk-seccomp-test-{}", std::process::id()));
        let everything = caps(&["CAP_SYS_ADMIN", "CAP_SYS_PTRACE", "CAP_SYS_BOOT"]);
        for caps in [caps(&[]), everything] {
            let p = default_profile(&caps).unwrap();
            let fresh = compile(&p).unwrap();
            let key = serde_json::to_vec(&p).unwrap();
            let first = cached(&key, &dir, || compile(&p)).unwrap(); // compiles and writes
            let second = cached(&key, &dir, || panic!("not cached")).unwrap(); // reads
            for f in [&first, &second] {
                assert_eq!(encode(f), encode(&fresh));
            }
        }
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        // A damaged cache file is compiled again, never loaded.
        for bad in [&b""[..], b"\x01\0\0", b"\0\0\0\0", b"\xff\xff\0\0abcdefgh"] {
            assert!(decode(bad).is_none());
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_spec_names_the_default_profile_for_its_capabilities() {
        let dir = std::env::temp_dir().join(format!("husk-seccomp-spec-{}", std::process::id()));
        let spec = |annotation: Option<&str>, bounding: &[&str]| -> oci_spec::runtime::Spec {
            let mut s = serde_json::json!({
                "ociVersion": "1.0.2",
                "root": {"path": "/"},
                "process": {"cwd": "/", "user": {"uid": 0, "gid": 0}, "args": ["true"],
                            "capabilities": {"bounding": bounding}},
            });
            if let Some(a) = annotation {
                s["annotations"] =
                    serde_json::json!({crate::container::spec::ANNOTATION_SECCOMP: a});
            }
            serde_json::from_value(s).unwrap()
        };
        for bounding in [&["CAP_CHOWN"][..], &["CAP_CHOWN", "CAP_SYS_ADMIN"]] {
            let want = compile(&default_profile(&caps(bounding)).unwrap()).unwrap();
            for _ in 0..2 {
                // Compiled, then read back from the cache.
                let got = filter_for(&spec(Some("default"), bounding), &dir)
                    .unwrap()
                    .unwrap();
                assert_eq!(encode(&got), encode(&want));
            }
        }
        // Two capability sets, two filters (CAP_SYS_ADMIN opens mount and more).
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);
        assert!(filter_for(&spec(None, &["CAP_CHOWN"]), &dir)
            .unwrap()
            .is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn capabilities_open_their_syscalls() {
        let p = default_profile(&caps(&["CAP_SYS_ADMIN", "CAP_SYS_PTRACE"])).unwrap();
        let allowed = names_of(&p, LinuxSeccompAction::ScmpActAllow);
        for name in ["mount", "unshare", "setns", "kcmp", "clone3"] {
            assert!(allowed.contains(name), "{name}");
        }
    }

    #[test]
    fn profile_conditions() {
        let k = (6, 1);
        let rule = serde_json::json!({"names": ["x"], "includes": {"caps": ["CAP_SYS_ADMIN"]}});
        assert!(!rule_applies(&rule, &caps(&[]), k));
        assert!(rule_applies(&rule, &caps(&["CAP_SYS_ADMIN"]), k));
        let rule = serde_json::json!({"names": ["x"], "excludes": {"caps": ["CAP_SYS_ADMIN"]}});
        assert!(rule_applies(&rule, &caps(&[]), k));
        let rule = serde_json::json!({"names": ["x"], "includes": {"minKernel": "6.2"}});
        assert!(!rule_applies(&rule, &caps(&[]), k));
        assert!(rule_applies(&rule, &caps(&[]), (6, 12)));
        let rule = serde_json::json!({"names": ["x"], "includes": {"arches": ["s390x"]}});
        assert!(!rule_applies(&rule, &caps(&[]), k));
        assert_eq!(parse_version("6.1.0-18-amd64"), Some((6, 1)));
    }

    #[test]
    fn a_masked_value_outside_its_mask_never_matches() {
        assert!(
            condition(0, 0xff, 0x100, LinuxSeccompOperator::ScmpCmpMaskedEq)
                .unwrap()
                .is_none()
        );
        assert!(
            condition(0, 0xff, 0x10, LinuxSeccompOperator::ScmpCmpMaskedEq)
                .unwrap()
                .is_some()
        );
        assert!(condition(6, 0, 0, LinuxSeccompOperator::ScmpCmpEq).is_err());
    }
}
