//! `.env` and `env_file` files, in the syntax `docker compose` reads:
//! - `KEY=VALUE` per line (an `export ` before it is allowed), blank lines and
//!   lines starting with `#` skipped; `KEY` alone takes the environment's value
//!   (and is left out when the environment has none);
//! - unquoted values end at the line's end or at ` #` (a comment), and are
//!   trimmed; `VAL#x` keeps its `#`;
//! - `'single'` quotes keep their text as it is (`\'` is a quote);
//! - `"double"` quotes understand `\n`, `\r`, `\t`, `\\`, `\"` and `\$`;
//! - quoted values may span lines, and a comment may follow the closing quote;
//! - unquoted and double-quoted values are interpolated
//!   ([`super::interpolate`]) with the file's earlier keys, then `lookup`.

use std::collections::BTreeSet;

use super::interpolate::{interpolate, InterpolationError};

/// What is wrong with an env file, and on which line.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EnvFileError {
    #[error("line {line}: {key:?} is not a variable name (letters, digits, _ and .)")]
    BadKey { line: usize, key: String },
    #[error("line {line}: the quoted value of {key} has no closing {quote}")]
    Unterminated {
        line: usize,
        key: String,
        quote: char,
    },
    #[error("line {line}: text after the closing quote of {key}")]
    AfterQuote { line: usize, key: String },
    #[error("line {line}: {source}")]
    Interpolation {
        line: usize,
        source: InterpolationError,
    },
    #[error("line {line}: the value of {key} is longer than 1 MiB")]
    TooLong { line: usize, key: String },
    #[error("its variables come to more than 16 MiB")]
    TooMuch,
}

/// A value longer than this is refused, and a file whose values come to more
/// than [`MAX_TOTAL`] (a line may double the one before: `B=$A$A`).
const MAX_VALUE: usize = 1 << 20;
const MAX_TOTAL: usize = 16 << 20;

/// Open `path` for reading without blocking on a FIFO (whose open waits for
/// a writer): the caller then checks that it is a regular file.
pub fn open_regular(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

/// An env file's text: a regular file of at most 16 MiB.
pub fn read(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read;
    let file = open_regular(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut text = String::new();
    file.take(MAX_TOTAL as u64 + 1).read_to_string(&mut text)?;
    if text.len() > MAX_TOTAL {
        return Err(std::io::Error::other("larger than 16 MiB"));
    }
    Ok(text)
}

/// The variables of an env file, in their order, and the names that
/// interpolation found unset (each became "").
#[derive(Debug, Default, PartialEq, Eq)]
pub struct EnvFile {
    pub vars: Vec<(String, String)>,
    pub unset: BTreeSet<String>,
}

impl EnvFile {
    /// The value of `key`, the last one the file gives.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.vars
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Parse `text` (a file's contents); `lookup` gives the environment's variables.
pub fn parse(text: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Result<EnvFile, EnvFileError> {
    let mut out = EnvFile::default();
    let mut total = 0;
    let mut lines = text.split('\n').enumerate();
    while let Some((n, raw)) = lines.next() {
        let line = n + 1;
        let stmt = raw.trim_start();
        if stmt.is_empty() || stmt.starts_with('#') {
            continue;
        }
        let stmt = stmt.strip_prefix("export ").map_or(stmt, str::trim_start);
        let (key, value) = match stmt.split_once('=') {
            Some((k, v)) => (k.trim(), Some(v)),
            None => (stmt.trim(), None),
        };
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        {
            return Err(EnvFileError::BadKey {
                line,
                key: key.to_string(),
            });
        }
        let Some(value) = value else {
            if let Some(v) = lookup(key) {
                out.vars.push((key.to_string(), v));
            }
            continue;
        };
        let value = value.trim_start();
        let value = match value.chars().next() {
            Some(q @ ('\'' | '"')) => {
                let (body, after) =
                    quoted(&value[1..], q, &mut lines).ok_or(EnvFileError::Unterminated {
                        line,
                        key: key.to_string(),
                        quote: q,
                    })?;
                let after = after.trim();
                if !(after.is_empty() || after.starts_with('#')) {
                    return Err(EnvFileError::AfterQuote {
                        line,
                        key: key.to_string(),
                    });
                }
                match q {
                    '\'' => body.replace("\\'", "'"),
                    _ => expand(&unescape(&body), &mut out, lookup, line)?,
                }
            }
            _ => {
                let bare = match value.find(" #").or_else(|| value.find("\t#")) {
                    Some(at) => &value[..at],
                    None => value,
                };
                expand(bare.trim_end(), &mut out, lookup, line)?
            }
        };
        if value.len() > MAX_VALUE {
            return Err(EnvFileError::TooLong {
                line,
                key: key.to_string(),
            });
        }
        total += value.len();
        if total > MAX_TOTAL {
            return Err(EnvFileError::TooMuch);
        }
        out.vars.push((key.to_string(), value));
    }
    Ok(out)
}

/// The text of a value opened by quote `q` (`rest` follows the quote), read
/// on over the next lines until an unescaped closing `q`: the text, and what
/// follows the closing quote on its line.
fn quoted<'a>(
    rest: &'a str,
    q: char,
    lines: &mut impl Iterator<Item = (usize, &'a str)>,
) -> Option<(String, &'a str)> {
    let mut body = String::new();
    let mut part = rest;
    loop {
        let mut escaped = false;
        for (i, c) in part.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => {
                    body.push_str(&part[..i]);
                    return Some((body, &part[i + 1..]));
                }
                _ => {}
            }
        }
        body.push_str(part);
        body.push('\n');
        part = lines.next()?.1;
    }
}

/// A double-quoted value's escapes.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(c @ ('\\' | '"')) => out.push(c),
            // `\$` stays escaped from interpolation: `$$` is its literal dollar.
            Some('$') => out.push_str("$$"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `value` interpolated with the file's variables so far, then `lookup`
/// (the names found unset are added to the file's).
fn expand(
    value: &str,
    file: &mut EnvFile,
    lookup: &dyn Fn(&str) -> Option<String>,
    line: usize,
) -> Result<String, EnvFileError> {
    let known = &*file;
    let vars = |name: &str| known.get(name).map(str::to_string).or_else(|| lookup(name));
    let r =
        interpolate(value, &vars).map_err(|source| EnvFileError::Interpolation { line, source })?;
    file.unset.extend(r.unset);
    Ok(r.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(name: &str) -> Option<String> {
        match name {
            "HOME" => Some("/home/u".into()),
            "SHELL_ONLY" => Some("from-shell".into()),
            _ => None,
        }
    }

    fn vars(text: &str) -> Vec<(String, String)> {
        parse(text, &env).unwrap().vars
    }

    fn one(text: &str) -> String {
        let v = vars(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0].1.clone()
    }

    #[test]
    fn plain_lines_comments_and_export() {
        let text = "# a comment\n\nA=1\n  export B = two words \nC=\nD=x=y\n";
        assert_eq!(
            vars(text),
            [
                ("A".into(), "1".into()),
                ("B".into(), "two words".into()),
                ("C".into(), String::new()),
                ("D".into(), "x=y".into()),
            ]
        );
    }

    #[test]
    fn inline_comments() {
        assert_eq!(one("VAR=VAL # comment"), "VAL");
        assert_eq!(one("VAR=VAL# not a comment"), "VAL# not a comment");
        assert_eq!(one("VAR=\"VAL # not a comment\""), "VAL # not a comment");
        assert_eq!(one("VAR=\"VAL\" # comment"), "VAL");
    }

    #[test]
    fn quotes_and_escapes() {
        assert_eq!(one("VAR='$OTHER'"), "$OTHER");
        assert_eq!(one("VAR='${OTHER}'"), "${OTHER}");
        assert_eq!(one(r"VAR='Let\'s go!'"), "Let's go!");
        assert_eq!(
            one(r#"VAR="{\"hello\": \"json\"}""#),
            r#"{"hello": "json"}"#
        );
        assert_eq!(one(r#"VAR="some\tvalue""#), "some\tvalue");
        assert_eq!(one(r"VAR='some\tvalue'"), r"some\tvalue");
        assert_eq!(one(r"VAR=some\tvalue"), r"some\tvalue");
        assert_eq!(one(r#"VAR="a\nb\\c""#), "a\nb\\c");
        assert_eq!(one(r#"VAR="cost \$5""#), "cost $5");
    }

    #[test]
    fn quoted_values_span_lines() {
        let v = vars("KEY=\"line one\nline two\"\nNEXT='a\nb' # c\n");
        assert_eq!(v[0], ("KEY".into(), "line one\nline two".into()));
        assert_eq!(v[1], ("NEXT".into(), "a\nb".into()));
    }

    #[test]
    fn interpolation_sees_earlier_keys_then_the_environment() {
        let v = vars("A=x\nB=${A}-$HOME\nC=\"${MISSING:-d}\"\nD='$A'\n");
        assert_eq!(v[1].1, "x-/home/u");
        let f = parse("E=$NOPE$A\nA=1\n", &env).unwrap();
        assert_eq!(f.vars[0].1, "");
        assert_eq!(f.unset.into_iter().collect::<Vec<_>>(), ["A", "NOPE"]);
        assert_eq!(v[2].1, "d");
        assert_eq!(v[3].1, "$A");
    }

    #[test]
    fn a_key_alone_takes_the_environment() {
        assert_eq!(
            vars("SHELL_ONLY\nNOT_SET\n"),
            [("SHELL_ONLY".into(), "from-shell".into())]
        );
    }

    #[test]
    fn errors_name_the_line() {
        let err = |t: &str| parse(t, &env).unwrap_err().to_string();
        assert_eq!(
            err("A=1\nBAD KEY=2"),
            "line 2: \"BAD KEY\" is not a variable name (letters, digits, _ and .)"
        );
        assert_eq!(
            err("A=\"open\nstill open"),
            "line 1: the quoted value of A has no closing \""
        );
        assert_eq!(err("A='x' y"), "line 1: text after the closing quote of A");
        assert!(err("A=${NOPE:?set it}")
            .starts_with("line 1: required variable NOPE is missing a value: set it"));
        assert!(err("=x").starts_with("line 1: \"\" is not a variable name"));
    }
}
