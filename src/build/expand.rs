//! Variable expansion in Dockerfile arguments, as BuildKit's shell lexer does
//! it for the instructions that expand (ADD, COPY, ENV, EXPOSE, FROM, LABEL,
//! STOPSIGNAL, USER, VOLUME, WORKDIR, ARG): `$V`, `${V}`, `${V:-word}`,
//! `${V-word}`, `${V:+word}`, `${V+word}`, `${V:?message}`, quotes and the
//! escape character.

use anyhow::{bail, Result};

/// Where variables come from: None for an unset one.
pub trait Vars {
    fn get(&self, name: &str) -> Option<String>;
}

impl<F: Fn(&str) -> Option<String>> Vars for F {
    fn get(&self, name: &str) -> Option<String> {
        self(name)
    }
}

/// Split `text` into words at unquoted whitespace, quotes and escapes kept.
pub fn split_words(text: &str, escape: char) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == escape && quote != Some('\'') {
            cur.push(c);
            if let Some(n) = chars.next() {
                cur.push(n);
            }
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c.is_whitespace() => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                continue;
            }
            None => {}
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Expand one word: variables replaced, quotes and escapes removed.
pub fn expand(word: &str, vars: &dyn Vars, escape: char) -> Result<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut lexer = Lexer {
        chars: &chars,
        pos: 0,
        vars,
        escape,
    };
    lexer.word(None)
}

/// Split and expand: each word of `text`; words that expand to nothing
/// (unquoted) are dropped, as the shell drops them.
pub fn expand_words(text: &str, vars: &dyn Vars, escape: char) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for w in split_words(text, escape) {
        let e = expand(&w, vars, escape)?;
        if !e.is_empty() || w.contains(['"', '\'']) {
            out.push(e);
        }
    }
    Ok(out)
}

/// Split and expand as BuildKit's `ProcessWords` (EXPOSE): like
/// `expand_words`, and an unquoted variable's value is split at whitespace
/// too (`ARG PORTS="80 443"`, `EXPOSE $PORTS`: two ports).
pub fn expand_fields(text: &str, vars: &dyn Vars, escape: char) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for w in split_words(text, escape) {
        let chars: Vec<char> = w.chars().collect();
        let mut lexer = Lexer {
            chars: &chars,
            pos: 0,
            vars,
            escape,
        };
        out.extend(lexer.fields()?);
    }
    Ok(out)
}

/// Words being built: text in quotes makes a word even when empty, an
/// unquoted variable's whitespace ends one.
#[derive(Default)]
struct Fields {
    done: Vec<String>,
    cur: String,
    in_word: bool,
}

impl Fields {
    fn raw(&mut self, s: &str) {
        self.cur.push_str(s);
        self.in_word = true;
    }

    fn split(&mut self, s: &str) {
        for c in s.chars() {
            if !c.is_whitespace() {
                self.cur.push(c);
                self.in_word = true;
            } else if self.in_word {
                self.done.push(std::mem::take(&mut self.cur));
                self.in_word = false;
            }
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.in_word {
            self.done.push(self.cur);
        }
        self.done
    }
}

struct Lexer<'a> {
    chars: &'a [char],
    pos: usize,
    vars: &'a dyn Vars,
    escape: char,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += 1;
        c
    }

    /// Read until the end, or (inside `${…}`) until the unmatched `stop`.
    fn word(&mut self, stop: Option<char>) -> Result<String> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if Some(c) == stop {
                return Ok(out);
            }
            self.pos += 1;
            match c {
                '\'' => self.single_quoted(&mut out),
                '"' => self.double_quoted(&mut out)?,
                '$' => out.push_str(&self.variable()?),
                c if c == self.escape => {
                    if let Some(n) = self.next() {
                        out.push(n);
                    }
                }
                c => out.push(c),
            }
        }
        if let Some(s) = stop {
            bail!(
                "missing '{s}' in {:?}",
                self.chars.iter().collect::<String>()
            );
        }
        Ok(out)
    }

    /// A whole word as fields (see `expand_fields`).
    fn fields(&mut self) -> Result<Vec<String>> {
        let mut f = Fields::default();
        while let Some(c) = self.next() {
            let mut quoted = String::new();
            match c {
                '$' => f.split(&self.variable()?),
                '\'' => {
                    self.single_quoted(&mut quoted);
                    f.raw(&quoted);
                }
                '"' => {
                    self.double_quoted(&mut quoted)?;
                    f.raw(&quoted);
                }
                c if c == self.escape => {
                    if let Some(n) = self.next() {
                        f.raw(&n.to_string());
                    }
                }
                c => f.raw(&c.to_string()),
            }
        }
        Ok(f.finish())
    }

    fn single_quoted(&mut self, out: &mut String) {
        while let Some(c) = self.next() {
            if c == '\'' {
                break;
            }
            out.push(c);
        }
    }

    fn double_quoted(&mut self, out: &mut String) -> Result<()> {
        while let Some(c) = self.next() {
            match c {
                '"' => return Ok(()),
                '$' => out.push_str(&self.variable()?),
                c if c == self.escape => match self.peek() {
                    Some(n) if n == '"' || n == '$' || n == self.escape => {
                        out.push(n);
                        self.pos += 1;
                    }
                    _ => out.push(c),
                },
                c => out.push(c),
            }
        }
        Ok(()) // an unterminated quote ends with the word, as BuildKit takes it
    }

    fn name(&mut self) -> String {
        let mut name = String::new();
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == '_' {
                name.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        name
    }

    /// After a `$`: the variable's value (a lone `$` stays).
    fn variable(&mut self) -> Result<String> {
        if self.peek() != Some('{') {
            let name = self.name();
            if name.is_empty() {
                return Ok("$".into());
            }
            return Ok(self.vars.get(&name).unwrap_or_default());
        }
        self.pos += 1;
        let name = self.name();
        if name.is_empty() {
            bail!(
                "bad substitution in {:?}",
                self.chars.iter().collect::<String>()
            );
        }
        let value = self.vars.get(&name);
        match self.next() {
            Some('}') => Ok(value.unwrap_or_default()),
            Some(':') => {
                let op = self.next();
                let word = self.word(Some('}'))?;
                self.pos += 1;
                let set = value.as_deref().is_some_and(|v| !v.is_empty());
                self.modify(op, set, value, word, &name)
            }
            Some(op @ ('-' | '+' | '?')) => {
                let word = self.word(Some('}'))?;
                self.pos += 1;
                let set = value.is_some();
                self.modify(Some(op), set, value, word, &name)
            }
            _ => bail!(
                "unsupported substitution in {:?}: ${{NAME}}, ${{NAME:-word}}, ${{NAME:+word}}, ${{NAME:?message}}",
                self.chars.iter().collect::<String>()
            ),
        }
    }

    fn modify(
        &self,
        op: Option<char>,
        set: bool,
        value: Option<String>,
        word: String,
        name: &str,
    ) -> Result<String> {
        match op {
            Some('-') => Ok(if set { value.unwrap_or_default() } else { word }),
            Some('+') => Ok(if set { word } else { String::new() }),
            Some('?') if set => Ok(value.unwrap_or_default()),
            Some('?') if word.is_empty() => bail!("{name}: is not set"),
            Some('?') => bail!("{name}: {word}"),
            _ => bail!(
                "unsupported substitution in {:?}",
                self.chars.iter().collect::<String>()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(name: &str) -> Option<String> {
        match name {
            "A" => Some("a".into()),
            "E" => Some(String::new()),
            "SP" => Some("x y".into()),
            _ => None,
        }
    }

    fn x(s: &str) -> String {
        expand(s, &vars, '\\').unwrap()
    }

    #[test]
    fn forms() {
        assert_eq!(x("$A/${A}b"), "a/ab");
        assert_eq!(x("${N:-d}${E:-e}${E-f}${N-g}"), "deg");
        assert_eq!(x("${A:+y}${N:+z}${E+w}"), "yw");
        assert_eq!(x("${N:-${A}}"), "a");
        assert_eq!(x("'$A' \"$A\" \\$A"), "$A a $A");
        assert_eq!(x("cost $ 5"), "cost $ 5");
        assert_eq!(x("\"q\\\"\\n\""), "q\"\\n");
        assert!(expand("${N:?must be set}", &vars, '\\')
            .unwrap_err()
            .to_string()
            .contains("N: must be set"));
        assert!(expand("${A", &vars, '\\').is_err());
    }

    #[test]
    fn words() {
        assert_eq!(
            expand_words("$SP \"$SP\" ${N} 'a b' c\\ d", &vars, '\\').unwrap(),
            vec!["x y", "x y", "a b", "c d"]
        );
        assert_eq!(split_words("k=\"a b\" j=c", '\\'), vec!["k=\"a b\"", "j=c"]);
        // EXPOSE's fields: an unquoted value splits, a quoted one does not.
        assert_eq!(
            expand_fields("$SP \"$SP\" ${N} $E '' p$SP", &vars, '\\').unwrap(),
            vec!["x", "y", "x y", "", "px", "y"]
        );
        assert_eq!(x("`$A"), "`a");
        assert_eq!(expand("`$A", &vars, '`').unwrap(), "$A");
    }
}
