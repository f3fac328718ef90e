//! Generated container names ("brave_hopper"), as docker makes them.

const ADJECTIVES: &[&str] = &[
    "admiring",
    "bold",
    "brave",
    "busy",
    "calm",
    "clever",
    "cool",
    "crazy",
    "eager",
    "elated",
    "epic",
    "focused",
    "friendly",
    "gallant",
    "happy",
    "hungry",
    "jolly",
    "keen",
    "kind",
    "laughing",
    "lucid",
    "modest",
    "nice",
    "nifty",
    "objective",
    "quirky",
    "relaxed",
    "serene",
    "sharp",
    "stoic",
    "tender",
    "upbeat",
    "vibrant",
    "wizardly",
    "youthful",
    "zealous",
];

const NAMES: &[&str] = &[
    "allen", "babbage", "bardeen", "bell", "curie", "darwin", "dijkstra", "einstein", "euler",
    "feynman", "franklin", "galois", "gauss", "goldberg", "hamilton", "hawking", "hopper",
    "johnson", "kepler", "knuth", "lamport", "leakey", "lovelace", "mayer", "mccarthy", "meitner",
    "newton", "noether", "pascal", "ritchie", "shannon", "thompson", "torvalds", "turing",
    "wozniak", "yalow",
];

/// A name from the random bytes `seed`.
pub fn generate(seed: &[u8]) -> String {
    let a = seed.first().copied().unwrap_or(0) as usize % ADJECTIVES.len();
    let n = seed.get(1).copied().unwrap_or(0) as usize % NAMES.len();
    let suffix = u16::from_le_bytes([
        seed.get(2).copied().unwrap_or(0),
        seed.get(3).copied().unwrap_or(0),
    ]);
    format!("{}_{}_{}", ADJECTIVES[a], NAMES[n], suffix % 1000)
}

/// The names `seed` gives, one from each 4 bytes, in order: the first is
/// [`generate`]'s, the others are drawn when it is taken.
pub fn drawn(seed: &[u8]) -> impl Iterator<Item = String> + '_ {
    seed.chunks_exact(4).map(generate)
}

/// Whether `name` is a valid container name (docker's rule).
pub fn is_valid(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}
