//! Seccomp: the default profile, docker/OCI profile files, and a compiler from
//! an OCI `LinuxSeccomp` to a classic BPF filter (no libseccomp needed).
//!
//! The filter checks the architecture (a foreign one kills the process), then
//! tries each rule in order: a rule matches a syscall number and, if it has
//! argument conditions, all of them (64-bit comparisons on the two 32-bit
//! halves); the first rule that matches decides; otherwise the default action.

use std::collections::HashSet;

use anyhow::{bail, Context, Result};
use oci_spec::runtime::{LinuxSeccomp, LinuxSeccompAction, LinuxSeccompOperator};
use serde_json::{json, Value};

use super::syscalls;

#[cfg(target_arch = "x86_64")]
const AUDIT_ARCH: u32 = 0xC000_003E;
#[cfg(target_arch = "aarch64")]
const AUDIT_ARCH: u32 = 0xC000_00B7;
#[cfg(target_arch = "x86_64")]
const ARCH_NAMES: &[&str] = &["SCMP_ARCH_X86_64", "SCMP_ARCH_AMD64"];
#[cfg(target_arch = "aarch64")]
const ARCH_NAMES: &[&str] = &["SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM64"];

/// Namespace flags of clone(2): creating namespaces needs CAP_SYS_ADMIN.
const CLONE_NS_FLAGS: u64 = 0x7E02_0080;

/// Always refused: things a container must never do to the host kernel.
const DENIED: &[&str] = &[
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "reboot",
    "acct",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
    "iopl",
    "ioperm",
    "uselib",
    "ustat",
    "sysfs",
    "_sysctl",
    "modify_ldt",
    "keyctl",
    "add_key",
    "request_key",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    "mbind",
    "set_mempolicy",
    "move_pages",
    "vhangup",
    "lookup_dcookie",
    "swapon",
    "swapoff",
    "quotactl",
    "quotactl_fd",
    "name_to_handle_at",
    "open_by_handle_at",
    "syslog",
    "perf_event_open",
    "fanotify_init",
    "bpf",
    "userfaultfd",
];

/// Refused unless the container has CAP_SYS_ADMIN.
const DENIED_WITHOUT_SYS_ADMIN: &[&str] = &[
    "mount",
    "umount2",
    "pivot_root",
    "unshare",
    "setns",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
];

/// The default profile, as an OCI seccomp section (what config.json records).
pub fn default_profile(caps: &HashSet<String>) -> Result<LinuxSeccomp> {
    let mut syscalls =
        vec![json!({"names": DENIED, "action": "SCMP_ACT_ERRNO", "errnoRet": libc::EPERM})];
    if !caps.contains("CAP_SYS_ADMIN") {
        syscalls.push(json!({"names": DENIED_WITHOUT_SYS_ADMIN, "action": "SCMP_ACT_ERRNO", "errnoRet": libc::EPERM}));
        // clone without namespace flags is fine; clone3 cannot be inspected, so it says
        // ENOSYS and the C library falls back to clone.
        syscalls.push(json!({"names": ["clone"], "action": "SCMP_ACT_ALLOW",
            "args": [{"index": 0, "value": CLONE_NS_FLAGS, "valueTwo": 0, "op": "SCMP_CMP_MASKED_EQ"}]}));
        syscalls
            .push(json!({"names": ["clone"], "action": "SCMP_ACT_ERRNO", "errnoRet": libc::EPERM}));
        syscalls.push(
            json!({"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": libc::ENOSYS}),
        );
    }
    let profile = json!({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": syscalls});
    serde_json::from_value(profile).context("building the default seccomp profile")
}

/// Read a profile file in docker's format (a superset of OCI's): rules whose
/// `includes`/`excludes` name capabilities or architectures apply accordingly.
pub fn profile_from_file(path: &std::path::Path, caps: &HashSet<String>) -> Result<LinuxSeccomp> {
    let text = std::fs::read(path)
        .with_context(|| format!("reading seccomp profile {}", path.display()))?;
    let mut doc: Value = serde_json::from_slice(&text)
        .with_context(|| format!("seccomp profile {} is not JSON", path.display()))?;
    if let Some(rules) = doc.get_mut("syscalls").and_then(Value::as_array_mut) {
        rules.retain(|r| rule_applies(r, caps));
        for r in rules.iter_mut() {
            if let Some(o) = r.as_object_mut() {
                for k in ["includes", "excludes", "comment"] {
                    o.remove(k);
                }
            }
        }
    }
    if let Some(o) = doc.as_object_mut() {
        for k in ["archMap", "defaultErrno"] {
            o.remove(k);
        }
    }
    serde_json::from_value(doc)
        .with_context(|| format!("seccomp profile {} is malformed", path.display()))
}

fn rule_applies(rule: &Value, caps: &HashSet<String>) -> bool {
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
    let has_arch = |archs: &[String]| {
        archs
            .iter()
            .any(|a| ARCH_NAMES.contains(&a.as_str()) || a == std::env::consts::ARCH)
    };
    let inc_caps = list(inc, "caps");
    let inc_arch = list(inc, "arches");
    let exc_caps = list(exc, "caps");
    let exc_arch = list(exc, "arches");
    inc_caps.iter().all(|c| caps.contains(c))
        && (inc_arch.is_empty() || has_arch(&inc_arch))
        && !exc_caps.iter().any(|c| caps.contains(c))
        && !(has_arch(&exc_arch))
}

/// Where a conditional jump goes.
#[derive(Clone, Copy)]
enum To {
    /// The next instruction.
    Next,
    /// The end of this condition: it holds.
    Pass,
    /// Past the rule: it does not match.
    Fail,
}

struct Insn {
    code: u16,
    jt: To,
    jf: To,
    k: u32,
}

const LD_ABS: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS
const JEQ: u16 = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
const JGT: u16 = 0x25;
const JGE: u16 = 0x35;
const AND: u16 = 0x54; // BPF_ALU | BPF_AND | BPF_K
const RET: u16 = 0x06; // BPF_RET | BPF_K

fn op(code: u16, k: u32) -> Insn {
    Insn {
        code,
        jt: To::Next,
        jf: To::Next,
        k,
    }
}

fn jump(code: u16, k: u32, jt: To, jf: To) -> Insn {
    Insn { code, jt, jf, k }
}

/// Offsets of `seccomp_data`: nr, arch, then args as 64-bit little-endian words.
fn arg_lo(i: usize) -> u32 {
    16 + 8 * i as u32
}

fn arg_hi(i: usize) -> u32 {
    arg_lo(i) + 4
}

/// The instructions testing one argument condition; `t`/`f`: where true/false go.
fn condition(
    index: usize,
    value: u64,
    value_two: u64,
    op_: LinuxSeccompOperator,
) -> Result<Vec<Insn>> {
    use LinuxSeccompOperator::*;
    if index > 5 {
        bail!("seccomp: argument index {index} out of range");
    }
    let (hi, lo) = ((value >> 32) as u32, value as u32);
    let (t, f) = (To::Pass, To::Fail);
    // Each comparison is written for "true goes to t"; the negated ones swap t and f.
    let cmp = |code: u16, t: To, f: To| {
        vec![
            op(LD_ABS, arg_hi(index)),
            jump(JGT, hi, t, To::Next),
            jump(JEQ, hi, To::Next, f),
            op(LD_ABS, arg_lo(index)),
            jump(code, lo, t, f),
        ]
    };
    let eq = |t: To, f: To| {
        vec![
            op(LD_ABS, arg_hi(index)),
            jump(JEQ, hi, To::Next, f),
            op(LD_ABS, arg_lo(index)),
            jump(JEQ, lo, t, f),
        ]
    };
    Ok(match op_ {
        ScmpCmpEq => eq(t, f),
        ScmpCmpNe => eq(f, t),
        ScmpCmpGe => cmp(JGE, t, f),
        ScmpCmpGt => cmp(JGT, t, f),
        ScmpCmpLt => cmp(JGE, f, t),
        ScmpCmpLe => cmp(JGT, f, t),
        ScmpCmpMaskedEq => {
            let (mhi, mlo) = ((value >> 32) as u32, value as u32);
            let (ehi, elo) = ((value_two >> 32) as u32, value_two as u32);
            vec![
                op(LD_ABS, arg_hi(index)),
                op(AND, mhi),
                jump(JEQ, ehi, To::Next, f),
                op(LD_ABS, arg_lo(index)),
                op(AND, mlo),
                jump(JEQ, elo, t, f),
            ]
        }
    })
}

fn action_value(action: LinuxSeccompAction, errno: Option<u32>) -> Result<u32> {
    use LinuxSeccompAction::*;
    Ok(match action {
        ScmpActErrno => 0x0005_0000 | (errno.unwrap_or(libc::EPERM as u32) & 0xffff),
        ScmpActNotify => bail!("seccomp: SCMP_ACT_NOTIFY is not supported"),
        other => u32::from(other),
    })
}

/// Resolve jumps of one block starting at absolute index `base`.
fn resolve(
    block: Vec<(Insn, usize)>,
    base: usize,
    rule_end: usize,
) -> Result<Vec<libc::sock_filter>> {
    let mut out = Vec::with_capacity(block.len());
    for (i, (insn, cond_end)) in block.into_iter().enumerate() {
        let at = base + i;
        let offset = |to: To| -> Result<u8> {
            let target = match to {
                To::Next => at + 1,
                To::Pass => cond_end,
                To::Fail => rule_end,
            };
            u8::try_from(target - at - 1).context("seccomp: rule too long")
        };
        out.push(libc::sock_filter {
            code: insn.code,
            jt: offset(insn.jt)?,
            jf: offset(insn.jf)?,
            k: insn.k,
        });
    }
    Ok(out)
}

/// Compile a profile to BPF.
pub fn compile(profile: &LinuxSeccomp) -> Result<Vec<libc::sock_filter>> {
    let mut prog = vec![
        libc::sock_filter {
            code: LD_ABS,
            jt: 0,
            jf: 0,
            k: 4,
        },
        libc::sock_filter {
            code: JEQ,
            jt: 1,
            jf: 0,
            k: AUDIT_ARCH,
        },
        libc::sock_filter {
            code: RET,
            jt: 0,
            jf: 0,
            k: 0x8000_0000,
        }, // KILL_PROCESS
    ];
    #[cfg(target_arch = "x86_64")]
    {
        // x32 syscalls (bit 30) are refused outright.
        prog.push(libc::sock_filter {
            code: LD_ABS,
            jt: 0,
            jf: 0,
            k: 0,
        });
        prog.push(libc::sock_filter {
            code: JGE,
            jt: 0,
            jf: 1,
            k: 0x4000_0000,
        });
        prog.push(libc::sock_filter {
            code: RET,
            jt: 0,
            jf: 0,
            k: 0x0005_0000 | libc::EPERM as u32,
        });
    }
    for rule in profile.syscalls().as_deref().unwrap_or_default() {
        let action = action_value(rule.action(), rule.errno_ret())?;
        for name in rule.names() {
            let Some(nr) = syscalls::number(name) else {
                continue;
            };
            // [ld nr][jeq nr][conditions...][ret action]
            let mut block: Vec<(Insn, usize)> = Vec::new();
            let base = prog.len();
            block.push((op(LD_ABS, 0), 0));
            block.push((jump(JEQ, nr, To::Next, To::Fail), 0));
            for arg in rule.args().as_deref().unwrap_or_default() {
                let insns = condition(
                    arg.index(),
                    arg.value(),
                    arg.value_two().unwrap_or(0),
                    arg.op(),
                )?;
                let end = base + block.len() + insns.len();
                block.extend(insns.into_iter().map(|i| (i, end)));
            }
            block.push((op(RET, action), 0));
            let rule_end = base + block.len();
            prog.extend(resolve(block, base, rule_end)?);
        }
    }
    let default = action_value(profile.default_action(), profile.default_errno_ret())?;
    prog.push(libc::sock_filter {
        code: RET,
        jt: 0,
        jf: 0,
        k: default,
    });
    if prog.len() > 4096 {
        bail!(
            "seccomp: profile compiles to {} instructions, more than the kernel's 4096",
            prog.len()
        );
    }
    Ok(prog)
}

/// Load a compiled filter into this thread (no_new_privs must be set, or CAP_SYS_ADMIN held).
pub fn load(prog: &[libc::sock_filter]) -> std::io::Result<()> {
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
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_profile_compiles_and_names_exist() {
        let caps = HashSet::new();
        let prog = compile(&default_profile(&caps).unwrap()).unwrap();
        assert!(prog.len() > 50 && prog.len() < 400, "{}", prog.len());
        for name in DENIED_WITHOUT_SYS_ADMIN
            .iter()
            .chain(["clone", "clone3"].iter())
        {
            assert!(syscalls::number(name).is_some(), "{name}");
        }
    }

    #[test]
    fn sys_admin_lifts_the_mount_rules() {
        let with: HashSet<String> = ["CAP_SYS_ADMIN".to_string()].into();
        let a = compile(&default_profile(&HashSet::new()).unwrap()).unwrap();
        let b = compile(&default_profile(&with).unwrap()).unwrap();
        assert!(b.len() < a.len());
    }

    #[test]
    fn docker_style_conditions_filter_rules() {
        let rule = json!({"names": ["x"], "includes": {"caps": ["CAP_SYS_ADMIN"]}});
        assert!(!rule_applies(&rule, &HashSet::new()));
        assert!(rule_applies(&rule, &["CAP_SYS_ADMIN".to_string()].into()));
        let rule = json!({"names": ["x"], "excludes": {"caps": ["CAP_SYS_ADMIN"]}});
        assert!(rule_applies(&rule, &HashSet::new()));
    }
}
