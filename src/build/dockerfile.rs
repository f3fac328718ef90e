//! Reading a Dockerfile as BuildKit's frontend does: parser directives
//! (`# escape=`, `# syntax=`, `# check=`), comments, line continuations,
//! heredocs (`RUN <<EOF`, `COPY <<EOF /f`), and instructions with their
//! `--flags`. Arguments stay text here: each instruction expands its own (with
//! the variables of its step) in `build::stage`.

use anyhow::{bail, Result};

/// One instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// The line it starts on (1-based).
    pub line: usize,
    /// Upper case: `RUN`, `COPY`...
    pub keyword: String,
    /// `--name=value` flags before the arguments (`--link` gives no value).
    pub flags: Vec<(String, Option<String>)>,
    /// The arguments after the flags, continuations joined.
    pub args: String,
    pub heredocs: Vec<Heredoc>,
}

/// A here-document given to an instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heredoc {
    pub name: String,
    pub content: String,
    /// Unquoted delimiter: variables in the content are expanded.
    pub expand: bool,
}

/// A parsed Dockerfile.
#[derive(Clone, Debug, Default)]
pub struct Dockerfile {
    pub escape: char,
    pub instructions: Vec<Instruction>,
    /// Notes for the user (directives husk reads but does not act on).
    pub notes: Vec<String>,
}

/// Every instruction docker knows.
pub const KEYWORDS: &[&str] = &[
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

/// Instructions whose arguments may open heredocs.
const HEREDOC_KEYWORDS: &[&str] = &["RUN", "COPY", "ADD"];

/// Parse `text`; `file` names it in errors.
pub fn parse(text: &str, file: &str) -> Result<Dockerfile> {
    let lines: Vec<&str> = text.lines().collect();
    let mut df = Dockerfile {
        escape: '\\',
        ..Default::default()
    };
    let mut i = read_directives(&lines, &mut df, file)?;
    while i < lines.len() {
        let start = i;
        let trimmed = lines[i].trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        // Join continuation lines; comment lines inside are dropped.
        let mut logical = String::new();
        loop {
            let line = lines[i];
            i += 1;
            let t = line.trim_end();
            match t.strip_suffix(df.escape) {
                Some(body) if i < lines.len() => {
                    logical.push_str(body);
                    while i < lines.len() && {
                        let n = lines[i].trim_start();
                        n.starts_with('#') || n.is_empty()
                    } {
                        i += 1;
                    }
                    if i >= lines.len() {
                        break;
                    }
                }
                Some(body) => {
                    logical.push_str(body);
                    break;
                }
                None => {
                    logical.push_str(line);
                    break;
                }
            }
        }
        let mut ins = instruction(logical.trim(), start + 1, file)?;
        if HEREDOC_KEYWORDS.contains(&ins.keyword.as_str()) {
            for (name, expand, strip) in heredoc_starts(&ins.args) {
                let mut content = String::new();
                loop {
                    let Some(line) = lines.get(i) else {
                        bail!(
                            "{file}:{}: {}: the here-document <<{name} has no end line {name}",
                            ins.line,
                            ins.keyword
                        );
                    };
                    i += 1;
                    let l = if strip {
                        line.trim_start_matches('\t')
                    } else {
                        line
                    };
                    if l == name {
                        break;
                    }
                    content.push_str(l);
                    content.push('\n');
                }
                ins.heredocs.push(Heredoc {
                    name,
                    content,
                    expand,
                });
            }
        }
        df.instructions.push(ins);
    }
    Ok(df)
}

/// Read the parser directives at the top; returns the first line after them.
fn read_directives(lines: &[&str], df: &mut Dockerfile, file: &str) -> Result<usize> {
    let mut seen = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(body) = line.trim_start().strip_prefix('#') else {
            return Ok(i);
        };
        let Some((key, value)) = body.split_once('=') else {
            return Ok(i);
        };
        let key = key.trim().to_ascii_lowercase();
        if key.is_empty() || key.contains(char::is_whitespace) {
            return Ok(i);
        }
        if seen.contains(&key) {
            bail!(
                "{file}:{}: the parser directive {key} is given twice",
                i + 1
            );
        }
        seen.push(key.clone());
        let value = value.trim();
        match key.as_str() {
            "escape" => {
                df.escape = match value {
                    "\\" => '\\',
                    "`" => '`',
                    _ => bail!("{file}:{}: invalid escape {value:?}: \\ or `", i + 1),
                }
            }
            "syntax" => df.notes.push(format!(
                "# syntax={value}: husk reads Dockerfiles itself; the frontend image is not used"
            )),
            "check" => df
                .notes
                .push(format!("# check={value}: build checks are not run by husk")),
            _ => return Ok(i), // an unknown directive is a comment, and ends the directives
        }
    }
    Ok(lines.len())
}

/// Split a logical line into keyword, flags and arguments.
fn instruction(text: &str, line: usize, file: &str) -> Result<Instruction> {
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let keyword = word.to_ascii_uppercase();
    if !KEYWORDS.contains(&keyword.as_str()) {
        bail!("{file}:{line}: unknown instruction: {word}");
    }
    let mut rest = rest.trim_start();
    let mut flags = Vec::new();
    if keyword != "ONBUILD" {
        while let Some(flag) = rest.strip_prefix("--") {
            let (f, after) = flag.split_once(char::is_whitespace).unwrap_or((flag, ""));
            if f.is_empty() {
                break;
            }
            let (name, value) = match f.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (f.to_string(), None),
            };
            flags.push((name, value));
            rest = after.trim_start();
        }
    }
    Ok(Instruction {
        line,
        keyword,
        flags,
        args: rest.to_string(),
        heredocs: Vec::new(),
    })
}

/// The heredocs an argument text opens: `<<EOF`, `<<-EOF` (tabs stripped),
/// `<<"EOF"` / `<<'EOF'` (not expanded), in order.
fn heredoc_starts(args: &str) -> Vec<(String, bool, bool)> {
    let mut out = Vec::new();
    let mut rest = args;
    while let Some(at) = rest.find("<<") {
        let mut s = &rest[at + 2..];
        let strip = s.starts_with('-');
        if strip {
            s = &s[1..];
        }
        let (name, expand, len) = match s.chars().next() {
            Some(q @ ('"' | '\'')) => match s[1..].find(q) {
                Some(end) => (s[1..1 + end].to_string(), false, end + 2),
                None => break,
            },
            _ => {
                let end = s
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .unwrap_or(s.len());
                (s[..end].to_string(), true, end)
            }
        };
        if !name.is_empty() {
            out.push((name, expand, strip));
        }
        rest = &s[len..];
    }
    out
}

impl Instruction {
    /// The value of flag `name` (`--name=value`); an error for a flag without one.
    pub fn flag(&self, name: &str) -> Result<Option<&str>> {
        match self.flags.iter().rev().find(|(n, _)| n == name) {
            None => Ok(None),
            Some((_, Some(v))) => Ok(Some(v)),
            Some((_, None)) => bail!("{}: --{name} needs a value (--{name}=VALUE)", self.keyword),
        }
    }

    /// Every value of a flag that may repeat (`--mount`, `--exclude`).
    pub fn flag_values(&self, name: &str) -> Vec<&str> {
        self.flags
            .iter()
            .filter(|(n, _)| n == name)
            .filter_map(|(_, v)| v.as_deref())
            .collect()
    }

    /// Whether a boolean flag is set (`--link`, `--link=true`).
    pub fn flag_set(&self, name: &str) -> bool {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .is_some_and(|(_, v)| v.as_deref().is_none_or(|v| v != "false"))
    }

    /// Refuse flags the instruction does not take.
    pub fn allow_flags(&self, allowed: &[&str]) -> Result<()> {
        if let Some((n, _)) = self
            .flags
            .iter()
            .find(|(n, _)| !allowed.contains(&n.as_str()))
        {
            bail!("{}: unknown flag --{n}", self.keyword);
        }
        Ok(())
    }

    /// The instruction as a line of text (history's `created_by`).
    pub fn text(&self) -> String {
        let mut s = self.keyword.clone();
        for (n, v) in &self.flags {
            s.push_str(&format!(" --{n}"));
            if let Some(v) = v {
                s.push_str(&format!("={v}"));
            }
        }
        if !self.args.is_empty() {
            s.push(' ');
            s.push_str(&self.args);
        }
        s
    }

    /// A JSON array of strings (the exec form), if the arguments are one.
    pub fn json_args(&self) -> Option<Vec<String>> {
        let t = self.args.trim();
        if !t.starts_with('[') {
            return None;
        }
        serde_json::from_str::<Vec<String>>(t).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives_continuations_comments_and_flags() {
        let df = parse(
            "# syntax=docker/dockerfile:1\n# escape=`\n\nFROM busybox AS base\n# a comment\nRUN echo a `\n  # inside\n  b\ncopy --chown=1:2 --link a /b\n",
            "Dockerfile",
        )
        .unwrap();
        assert_eq!(df.escape, '`');
        assert_eq!(df.notes.len(), 1);
        let k: Vec<_> = df.instructions.iter().map(|i| i.keyword.as_str()).collect();
        assert_eq!(k, ["FROM", "RUN", "COPY"]);
        assert_eq!(df.instructions[1].args, "echo a   b");
        assert_eq!(df.instructions[1].line, 6);
        let copy = &df.instructions[2];
        assert_eq!(copy.flag("chown").unwrap(), Some("1:2"));
        assert!(copy.flag_set("link"));
        assert_eq!(copy.args, "a /b");
    }

    #[test]
    fn heredocs() {
        let df = parse(
            "FROM x\nRUN <<EOF\necho $A\nEOF\nCOPY <<-\"END\" /f\n\tline $B\n\tEND\nRUN cat <<A <<B\n1\nA\n2\nB\n",
            "Dockerfile",
        )
        .unwrap();
        let run = &df.instructions[1];
        assert_eq!(run.heredocs[0].content, "echo $A\n");
        assert!(run.heredocs[0].expand);
        let copy = &df.instructions[2];
        assert_eq!(copy.heredocs[0].name, "END");
        assert_eq!(copy.heredocs[0].content, "line $B\n");
        assert!(!copy.heredocs[0].expand);
        assert_eq!(df.instructions[3].heredocs.len(), 2);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("FROM x\nFROB y\n", "ci/Dockerfile").unwrap_err();
        assert_eq!(e.to_string(), "ci/Dockerfile:2: unknown instruction: FROB");
        let e = parse("FROM x\nRUN <<EOF\nno end\n", "D").unwrap_err();
        assert!(e.to_string().contains("no end line EOF"), "{e}");
    }
}
