//! `.dockerignore` / `.containerignore`: which paths of the build context a
//! COPY or ADD never sees, with docker's pattern rules (moby's
//! patternmatcher): Go's `filepath.Match` per path component, `**` for any
//! number of components, `!` exceptions, the last matching pattern wins, and
//! a pattern that matches a directory matches everything under it.

/// The patterns of one ignore file.
#[derive(Clone, Debug, Default)]
pub struct Ignore {
    patterns: Vec<Pattern>,
}

#[derive(Clone, Debug)]
struct Pattern {
    parts: Vec<String>,
    exception: bool,
}

impl Ignore {
    pub fn parse(text: &str) -> Ignore {
        let mut patterns = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (exception, p) = match line.strip_prefix('!') {
                Some(p) => (true, p.trim()),
                None => (false, line),
            };
            let parts: Vec<String> = p
                .split('/')
                .filter(|c| !c.is_empty() && *c != ".")
                .map(String::from)
                .collect();
            if parts.is_empty() {
                continue;
            }
            patterns.push(Pattern { parts, exception });
        }
        Ignore { patterns }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Whether the context path `rel` ("dir/file", no leading slash) is left out.
    pub fn excludes(&self, rel: &str) -> bool {
        let parts: Vec<&str> = rel.split('/').filter(|c| !c.is_empty()).collect();
        let mut excluded = false;
        for p in &self.patterns {
            // The path itself or one of its parents.
            let hit = (1..=parts.len()).any(|n| match_parts(&p.parts, &parts[..n]));
            if hit {
                excluded = !p.exception;
            }
        }
        excluded
    }

    /// Whether some exception pattern could bring back a path under the
    /// excluded directory `rel` (else the walk skips the whole directory).
    pub fn may_include_under(&self, rel: &str) -> bool {
        let depth = rel.split('/').filter(|c| !c.is_empty()).count();
        self.patterns
            .iter()
            .any(|p| p.exception && (p.parts.len() > depth || p.parts.iter().any(|c| c == "**")))
    }
}

/// Whether pattern components match path components (`**` any number of them).
fn match_parts(pat: &[String], path: &[&str]) -> bool {
    match pat.split_first() {
        None => path.is_empty(),
        Some((first, rest)) if first == "**" => {
            (0..=path.len()).any(|skip| match_parts(rest, &path[skip..]))
        }
        Some((first, rest)) => match path.split_first() {
            Some((p, prest)) => glob(first.as_bytes(), p.as_bytes()) && match_parts(rest, prest),
            None => false,
        },
    }
}

/// Go's `filepath.Match` for one component: `*`, `?`, `[a-z]`, `[^x]`, `\x`.
pub fn glob(pat: &[u8], name: &[u8]) -> bool {
    match pat.split_first() {
        None => name.is_empty(),
        Some((b'*', rest)) => (0..=name.len()).any(|i| glob(rest, &name[i..])),
        Some((b'?', rest)) => !name.is_empty() && glob(rest, &name[1..]),
        Some((b'[', rest)) => {
            let Some((&c, nrest)) = name.split_first() else {
                return false;
            };
            match class(rest, c) {
                Some((true, after)) => glob(after, nrest),
                _ => false,
            }
        }
        Some((b'\\', rest)) if !rest.is_empty() => {
            name.first() == Some(&rest[0]) && glob(&rest[1..], &name[1..])
        }
        Some((p, rest)) => name.first() == Some(p) && glob(rest, &name[1..]),
    }
}

/// A `[...]` class (after its `[`) against `c`: whether it matched, and the pattern after `]`.
fn class(pat: &[u8], c: u8) -> Option<(bool, &[u8])> {
    let (negate, mut p) = match pat.first() {
        Some(b'^') | Some(b'!') => (true, &pat[1..]),
        _ => (false, pat),
    };
    let mut matched = false;
    let mut first = true;
    loop {
        match p.first()? {
            b']' if !first => return Some((matched != negate, &p[1..])),
            _ => {}
        }
        first = false;
        let lo = p[0];
        if p.len() >= 3 && p[1] == b'-' && p[2] != b']' {
            if lo <= c && c <= p[2] {
                matched = true;
            }
            p = &p[3..];
        } else {
            if lo == c {
                matched = true;
            }
            p = &p[1..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docker_rules() {
        let ig = Ignore::parse(
            "# comment\n*.md\n!README.md\ntmp\n**/*.o\n/build/\nsecret?.txt\n[ab]x\n",
        );
        assert!(ig.excludes("notes.md"));
        assert!(!ig.excludes("README.md"));
        assert!(!ig.excludes("docs/notes.md")); // *.md is for the top only
        assert!(ig.excludes("tmp/deep/file"));
        assert!(ig.excludes("src/a/b.o") && ig.excludes("b.o"));
        assert!(ig.excludes("build/x"));
        assert!(ig.excludes("secret1.txt") && !ig.excludes("secret10.txt"));
        assert!(ig.excludes("ax") && !ig.excludes("cx"));
        assert!(!ig.excludes("src/main.rs"));
    }

    #[test]
    fn exceptions_under_excluded_directories() {
        let ig = Ignore::parse("docs\n!docs/keep.txt\n");
        assert!(ig.excludes("docs/other"));
        assert!(!ig.excludes("docs/keep.txt"));
        assert!(ig.may_include_under("docs"));
        assert!(!Ignore::parse("docs").may_include_under("docs"));
    }
}
