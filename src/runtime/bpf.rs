//! Classic BPF for seccomp: a base filter that finds the syscall number in a
//! sorted set of ranges by binary search, and (for tests) an interpreter.
//!
//! `seccompiler` compiles every syscall of a profile into its own chain of
//! comparisons, one after the other: docker's default profile becomes about
//! 1,800 instructions, which the kernel checks and JIT-compiles at every
//! container start (half a millisecond) and walks on every syscall the
//! container makes. Most of its syscalls are allowed whatever their arguments,
//! so [`with_search`] puts a binary search over those numbers (as ranges of
//! consecutive numbers: a dozen instructions for any syscall) in front of a
//! small `seccompiler` program that holds only the rules with argument
//! conditions, and decides everything else.

/// One instruction.
pub type Insn = libc::sock_filter;

const LD_W_ABS: u16 = 0x20;
#[cfg(test)]
const JA: u16 = 0x05;
const JEQ_K: u16 = 0x15;
const JGT_K: u16 = 0x25;
const JGE_K: u16 = 0x35;
#[cfg(test)]
const JSET_K: u16 = 0x45;
#[cfg(test)]
const AND_K: u16 = 0x54;
const RET_K: u16 = 0x06;

/// Offsets in `struct seccomp_data`.
const NR_OFFSET: u32 = 0;
const ARCH_OFFSET: u32 = 4;

fn insn(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn { code, jt, jf, k }
}

/// Sorted, disjoint, inclusive ranges covering `nrs`.
pub fn ranges(nrs: impl IntoIterator<Item = u32>) -> Vec<(u32, u32)> {
    let mut sorted: Vec<u32> = nrs.into_iter().collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for n in sorted {
        match out.last_mut() {
            Some((_, hi)) if hi.checked_add(1) == Some(n) => *hi = n,
            _ => out.push((n, n)),
        }
    }
    out
}

/// Where a jump of the search goes.
#[derive(Clone, Copy)]
enum Target {
    At(usize),
    Hit,
    Miss,
}

/// A program for architecture `arch` (any other is killed, as `seccompiler`
/// does): a syscall number in `hit` returns `hit_ret`; any other runs `rest`
/// (a complete program, appended after the search). None when a jump would be
/// too far for BPF's 8-bit offsets (a set of hundreds of ranges).
pub fn with_search(
    arch: u32,
    hit: &[(u32, u32)],
    hit_ret: u32,
    rest: &[Insn],
) -> Option<Vec<Insn>> {
    if hit.is_empty() {
        return Some(rest.to_vec());
    }
    let mut code: Vec<(Insn, Target, Target)> = Vec::new();
    let plain = |i: Insn| (i, Target::At(0), Target::At(0));
    code.push(plain(insn(LD_W_ABS, 0, 0, ARCH_OFFSET)));
    code.push(plain(insn(JEQ_K, 1, 0, arch)));
    code.push(plain(insn(RET_K, 0, 0, libc::SECCOMP_RET_KILL_PROCESS)));
    code.push(plain(insn(LD_W_ABS, 0, 0, NR_OFFSET)));
    let fixed = code.len();
    search(&mut code, hit);
    let hit_at = code.len();
    let miss_at = hit_at + 1;
    let mut out = Vec::with_capacity(miss_at + rest.len());
    for (i, (mut ins, t, f)) in code.into_iter().enumerate() {
        if i >= fixed {
            let offset = |target: Target| {
                let to = match target {
                    Target::At(n) => n,
                    Target::Hit => hit_at,
                    Target::Miss => miss_at,
                };
                u8::try_from(to.checked_sub(i + 1)?).ok()
            };
            ins.jt = offset(t)?;
            ins.jf = offset(f)?;
        }
        out.push(ins);
    }
    out.push(insn(RET_K, 0, 0, hit_ret));
    out.extend_from_slice(rest);
    Some(out)
}

/// Binary search over `ranges`, the syscall number loaded: per range, two
/// comparisons (at least its start: its end or the right half; else the left half).
fn search(code: &mut Vec<(Insn, Target, Target)>, ranges: &[(u32, u32)]) {
    if ranges.is_empty() {
        return;
    }
    let mid = ranges.len() / 2;
    let (lo, hi) = ranges[mid];
    let (left, right) = (&ranges[..mid], &ranges[mid + 1..]);
    let start = code.len();
    // nr >= lo ? the next : the left half
    code.push((insn(JGE_K, 0, 0, lo), Target::At(start + 1), Target::Miss));
    // nr > hi ? the right half : a hit
    code.push((insn(JGT_K, 0, 0, hi), Target::Miss, Target::Hit));
    if !left.is_empty() {
        code[start].2 = Target::At(code.len());
        search(code, left);
    }
    if !right.is_empty() {
        code[start + 1].1 = Target::At(code.len());
        search(code, right);
    }
}

/// What the kernel would return for `prog` on syscall `nr` of `arch` with `args`.
/// Knows the instructions this module and `seccompiler` emit; panics on others
/// (it is for tests).
#[cfg(test)]
pub fn run(prog: &[Insn], nr: u32, arch: u32, args: [u64; 6]) -> u32 {
    let mut data = Vec::with_capacity(64);
    data.extend_from_slice(&nr.to_le_bytes());
    data.extend_from_slice(&arch.to_le_bytes());
    data.extend_from_slice(&0u64.to_le_bytes());
    for a in args {
        data.extend_from_slice(&a.to_le_bytes());
    }
    let (mut acc, mut pc) = (0u32, 0usize);
    loop {
        let i = prog[pc];
        pc += 1;
        let jump = |cond: bool| if cond { i.jt as usize } else { i.jf as usize };
        match i.code {
            LD_W_ABS => {
                let at = i.k as usize;
                acc = u32::from_le_bytes(data[at..at + 4].try_into().expect("4 bytes"));
            }
            AND_K => acc &= i.k,
            JA => pc += i.k as usize,
            JEQ_K => pc += jump(acc == i.k),
            JGT_K => pc += jump(acc > i.k),
            JGE_K => pc += jump(acc >= i.k),
            JSET_K => pc += jump(acc & i.k != 0),
            RET_K => return i.k,
            other => panic!("instruction {other:#x} not known to the test interpreter"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARCH: u32 = 0xc000_003e;
    const ALLOW: u32 = libc::SECCOMP_RET_ALLOW;

    #[test]
    fn ranges_join_consecutive_numbers() {
        assert_eq!(
            ranges([5, 1, 2, 3, 9, 10, 3]),
            vec![(1, 3), (5, 5), (9, 10)]
        );
        assert_eq!(ranges([]), vec![]);
        assert_eq!(
            ranges([u32::MAX, u32::MAX - 1]),
            vec![(u32::MAX - 1, u32::MAX)]
        );
    }

    #[test]
    fn the_search_finds_every_number_of_the_set_and_no_other() {
        let rest = [insn(RET_K, 0, 0, 77)];
        for set in [
            vec![],
            vec![0],
            vec![3, 4, 5],
            (0..300).filter(|n| n % 3 != 0).collect::<Vec<u32>>(),
            (0..450).filter(|n| n % 7 != 1 && *n != 200).collect(),
        ] {
            let prog = with_search(ARCH, &ranges(set.iter().copied()), ALLOW, &rest).unwrap();
            for nr in (0..600).chain([0x4000_0000, 0x4000_0001, u32::MAX]) {
                let want = if set.contains(&nr) { ALLOW } else { 77 };
                assert_eq!(run(&prog, nr, ARCH, [0; 6]), want, "nr {nr} of {set:?}");
            }
            // Another architecture is killed whatever the number.
            if set.is_empty() {
                continue;
            }
            assert_eq!(
                run(&prog, 1, 0x4000_0003, [0; 6]),
                libc::SECCOMP_RET_KILL_PROCESS
            );
        }
    }

    #[test]
    fn a_set_too_scattered_for_8_bit_jumps_is_refused() {
        let set: Vec<u32> = (0..2000).map(|n| n * 2).collect();
        assert!(with_search(ARCH, &ranges(set), ALLOW, &[]).is_none());
    }
}
