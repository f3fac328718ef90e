//! `--format` templates: the part of Go's text/template (and docker's
//! functions) that scripts use, evaluated over JSON values.
//!
//! - fields `.A.B`, `.` (the current value), `$` (the top), string and number
//!   literals, pipelines `{{.Names | upper}}`;
//! - functions: `json`, `upper`, `lower`, `title`, `join`, `split`, `index`,
//!   `len`, `printf`, `print`, `println`, `truncate`, `pad`, `eq`, `ne`, `not`,
//!   `and`, `or`;
//! - `{{range PIPELINE}}…{{else}}…{{end}}`, `{{if PIPELINE}}…{{else}}…{{end}}`,
//!   `{{with PIPELINE}}…{{end}}`, and `{{-`/`-}}` to trim white space;
//! - a leading `table`: a header line from the fields (docker's names, such as
//!   "CONTAINER ID"), and columns separated by `\t` aligned as docker aligns them.
//!
//! A field that the value does not have is an error naming it (docker's
//! "can't evaluate field"), except under maps (labels), where it is `<no value>`.

use anyhow::{anyhow, bail, Context, Result};
use serde_json::Value;

/// A parsed template.
pub struct Template {
    nodes: Vec<Node>,
    table: bool,
}

#[derive(Debug, Clone)]
enum Node {
    Text(String),
    Action(Pipeline),
    Range {
        pipe: Pipeline,
        body: Vec<Node>,
        otherwise: Vec<Node>,
    },
    If {
        pipe: Pipeline,
        body: Vec<Node>,
        otherwise: Vec<Node>,
    },
    With {
        pipe: Pipeline,
        body: Vec<Node>,
        otherwise: Vec<Node>,
    },
}

/// Commands joined by `|`: each one's result is the next one's last argument.
type Pipeline = Vec<Vec<Arg>>;

#[derive(Debug, Clone)]
enum Arg {
    /// `.A.B` (empty path: `.`); `from_top` for `$.A`.
    Field {
        path: Vec<String>,
        from_top: bool,
    },
    Literal(Value),
    Func(String),
    /// A parenthesised pipeline.
    Sub(Pipeline),
}

/// What a `{{…}}` is, before the tree is built.
enum Tag {
    Text(String),
    Action(Pipeline),
    Range(Pipeline),
    If(Pipeline),
    With(Pipeline),
    Else,
    End,
}

impl Template {
    pub fn parse(src: &str) -> Result<Template> {
        let (table, src) = match src.strip_prefix("table") {
            Some(rest) => (true, rest.trim_start()),
            None => (false, src),
        };
        let src = src.replace("\\t", "\t").replace("\\n", "\n");
        let tags = tokenize(&src)?;
        let mut at = 0;
        let (nodes, stop) = build(&tags, &mut at)?;
        if let Some(stop) = stop {
            bail!("template: unexpected {{{{{stop}}}}}");
        }
        Ok(Template { nodes, table })
    }

    /// Whether it began with `table`.
    pub fn is_table(&self) -> bool {
        self.table
    }

    /// The header line of a `table` template: each action's field, by the
    /// name `header_of` gives it (docker's column names), else upper-cased.
    pub fn header(&self, header_of: &dyn Fn(&str) -> Option<&'static str>) -> String {
        let mut out = String::new();
        for node in &self.nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Action(pipe) => {
                    let field = pipe.iter().flatten().find_map(|a| match a {
                        Arg::Field { path, .. } => path.last().cloned(),
                        _ => None,
                    });
                    if let Some(f) = field {
                        out.push_str(&header_of(&f).map_or_else(|| f.to_uppercase(), String::from));
                    }
                }
                _ => {}
            }
        }
        out
    }

    pub fn render(&self, value: &Value) -> Result<String> {
        let mut out = String::new();
        render(&self.nodes, value, value, &mut out)?;
        Ok(out)
    }
}

/// Print `rows` with the template `src` (a `table` one: header and aligned columns).
pub fn write_rows(
    out: &mut impl std::io::Write,
    src: &str,
    rows: &[Value],
    header_of: &dyn Fn(&str) -> Option<&'static str>,
) -> Result<()> {
    write_rows_with(out, src, rows, header_of, true)
}

/// [`write_rows`], a `table` template's header line left out without `heading` (`--noheading`).
pub fn write_rows_with(
    out: &mut impl std::io::Write,
    src: &str,
    rows: &[Value],
    header_of: &dyn Fn(&str) -> Option<&'static str>,
    heading: bool,
) -> Result<()> {
    let t = Template::parse(src)?;
    let mut lines = Vec::new();
    if t.is_table() && heading {
        lines.push(t.header(header_of));
    }
    for row in rows {
        lines.push(t.render(row)?);
    }
    if t.is_table() {
        for line in align(&lines) {
            writeln!(out, "{line}")?;
        }
    } else {
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Cells ended by tabs, aligned as docker's tabwriter (minimum width 10,
/// three spaces of padding); the last cell of a line is not padded.
fn align(lines: &[String]) -> Vec<String> {
    let split: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    let columns = split.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for cells in &split {
        for (i, c) in cells.iter().enumerate().take(cells.len().saturating_sub(1)) {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    split
        .iter()
        .map(|cells| {
            let last = cells.len() - 1;
            let mut line = String::new();
            for (i, c) in cells.iter().enumerate() {
                if i == last {
                    line.push_str(c);
                } else {
                    let w = (widths[i] + 3).max(10);
                    line.push_str(&format!("{c:<w$}"));
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

fn tokenize(src: &str) -> Result<Vec<Tag>> {
    let mut tags = Vec::new();
    let mut rest = src;
    let mut trim_next = false;
    while let Some(start) = rest.find("{{") {
        let mut text = &rest[..start];
        if trim_next {
            text = text.trim_start();
        }
        let Some(len) = rest[start..].find("}}") else {
            bail!("template: unclosed {{{{");
        };
        let mut inner = &rest[start + 2..start + len];
        if let Some(i) = inner.strip_prefix('-') {
            text = text.trim_end();
            inner = i;
        }
        trim_next = false;
        if let Some(i) = inner.strip_suffix('-') {
            trim_next = true;
            inner = i;
        }
        tags.push(Tag::Text(text.to_string()));
        let inner = inner.trim();
        let word = inner.split_whitespace().next().unwrap_or("");
        let after = inner[word.len()..].trim();
        tags.push(match word {
            "range" => Tag::Range(parse_pipeline(after)?),
            "if" => Tag::If(parse_pipeline(after)?),
            "with" => Tag::With(parse_pipeline(after)?),
            "else" if after.is_empty() => Tag::Else,
            "end" if after.is_empty() => Tag::End,
            _ if inner.starts_with("/*") => Tag::Text(String::new()),
            _ => Tag::Action(parse_pipeline(inner)?),
        });
        rest = &rest[start + len + 2..];
    }
    tags.push(Tag::Text(
        if trim_next { rest.trim_start() } else { rest }.to_string(),
    ));
    Ok(tags)
}

/// Nodes up to an `else` or `end` (returned, if that is what stopped it).
fn build(tags: &[Tag], at: &mut usize) -> Result<(Vec<Node>, Option<&'static str>)> {
    let mut nodes = Vec::new();
    while *at < tags.len() {
        let tag = &tags[*at];
        *at += 1;
        match tag {
            Tag::Text(t) if t.is_empty() => {}
            Tag::Text(t) => nodes.push(Node::Text(t.clone())),
            Tag::Action(p) => nodes.push(Node::Action(p.clone())),
            Tag::Else => return Ok((nodes, Some("else"))),
            Tag::End => return Ok((nodes, Some("end"))),
            Tag::Range(p) | Tag::If(p) | Tag::With(p) => {
                let (body, stop) = build(tags, at)?;
                let otherwise = match stop {
                    Some("else") => match build(tags, at)? {
                        (o, Some("end")) => o,
                        _ => bail!("template: {{{{else}}}} without {{{{end}}}}"),
                    },
                    Some("end") => Vec::new(),
                    _ => bail!("template: missing {{{{end}}}}"),
                };
                let pipe = p.clone();
                nodes.push(match tag {
                    Tag::Range(_) => Node::Range {
                        pipe,
                        body,
                        otherwise,
                    },
                    Tag::If(_) => Node::If {
                        pipe,
                        body,
                        otherwise,
                    },
                    _ => Node::With {
                        pipe,
                        body,
                        otherwise,
                    },
                });
            }
        }
    }
    Ok((nodes, None))
}

fn parse_pipeline(src: &str) -> Result<Pipeline> {
    let words = split_words(src)?;
    if words.is_empty() {
        bail!("template: empty action");
    }
    let mut pipe = vec![Vec::new()];
    for w in words {
        if w == "|" {
            pipe.push(Vec::new());
            continue;
        }
        let arg = parse_arg(&w)?;
        pipe.last_mut().expect("at least one command").push(arg);
    }
    if pipe.iter().any(Vec::is_empty) {
        bail!("template: empty command in {src:?}");
    }
    Ok(pipe)
}

/// Words of an action: quoted strings and parenthesised groups kept whole, `|` alone.
fn split_words(src: &str) -> Result<Vec<String>> {
    let mut words = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        match c {
            '"' | '`' => {
                i += 1;
                while i < chars.len() && chars[i] != c {
                    i += if chars[i] == '\\' && c == '"' { 2 } else { 1 };
                }
                if i >= chars.len() {
                    bail!("template: unterminated string in {src:?}");
                }
                i += 1;
            }
            '(' => {
                let mut depth = 0;
                while i < chars.len() {
                    match chars[i] {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                    if depth == 0 {
                        break;
                    }
                }
                if depth != 0 {
                    bail!("template: unbalanced parenthesis in {src:?}");
                }
            }
            '|' => i += 1,
            _ => {
                while i < chars.len() && !chars[i].is_whitespace() && !"|()".contains(chars[i]) {
                    i += 1;
                }
            }
        }
        words.push(chars[start..i].iter().collect());
    }
    Ok(words)
}

fn parse_arg(w: &str) -> Result<Arg> {
    if let Some(inner) = w.strip_prefix('(').and_then(|w| w.strip_suffix(')')) {
        return Ok(Arg::Sub(parse_pipeline(inner)?));
    }
    if w.starts_with('"') {
        let s: String =
            serde_json::from_str(w).with_context(|| format!("template: bad string {w}"))?;
        return Ok(Arg::Literal(Value::String(s)));
    }
    if let Some(s) = w.strip_prefix('`').and_then(|w| w.strip_suffix('`')) {
        return Ok(Arg::Literal(Value::String(s.to_string())));
    }
    if let Ok(n) = w.parse::<i64>() {
        return Ok(Arg::Literal(Value::from(n)));
    }
    match w {
        "true" | "false" => return Ok(Arg::Literal(Value::Bool(w == "true"))),
        "nil" => return Ok(Arg::Literal(Value::Null)),
        _ => {}
    }
    let (from_top, path) = match w.strip_prefix('$') {
        Some(rest) => (true, rest),
        None => (false, w),
    };
    if from_top || path.starts_with('.') {
        let path = path
            .split('.')
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        return Ok(Arg::Field { path, from_top });
    }
    if FUNCTIONS.contains(&w) {
        return Ok(Arg::Func(w.to_string()));
    }
    bail!("template: function {w:?} not defined")
}

const FUNCTIONS: &[&str] = &[
    "json", "upper", "lower", "title", "join", "split", "index", "len", "printf", "print",
    "println", "truncate", "pad", "eq", "ne", "not", "and", "or",
];

fn render(nodes: &[Node], dot: &Value, top: &Value, out: &mut String) -> Result<()> {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Action(p) => out.push_str(&plain(&eval_pipeline(p, dot, top)?)),
            Node::If {
                pipe,
                body,
                otherwise,
            } => {
                let v = eval_pipeline(pipe, dot, top)?;
                render(if truthy(&v) { body } else { otherwise }, dot, top, out)?;
            }
            Node::With {
                pipe,
                body,
                otherwise,
            } => {
                let v = eval_pipeline(pipe, dot, top)?;
                if truthy(&v) {
                    render(body, &v, top, out)?;
                } else {
                    render(otherwise, dot, top, out)?;
                }
            }
            Node::Range {
                pipe,
                body,
                otherwise,
            } => {
                let v = eval_pipeline(pipe, dot, top)?;
                let items: Vec<Value> = match v {
                    Value::Array(a) => a,
                    Value::Object(o) => o.into_iter().map(|(_, v)| v).collect(),
                    Value::Null => Vec::new(),
                    other => bail!("template: range can't iterate over {}", plain(&other)),
                };
                if items.is_empty() {
                    render(otherwise, dot, top, out)?;
                }
                for item in &items {
                    render(body, item, top, out)?;
                }
            }
        }
    }
    Ok(())
}

fn eval_pipeline(pipe: &Pipeline, dot: &Value, top: &Value) -> Result<Value> {
    let mut prev: Option<Value> = None;
    for cmd in pipe {
        let mut args: Vec<Value> = Vec::new();
        let (head, rest) = cmd.split_first().expect("commands are not empty");
        for a in rest {
            args.push(eval_arg(a, dot, top)?);
        }
        if let Some(p) = prev.take() {
            args.push(p);
        }
        prev = Some(match head {
            Arg::Func(f) => call(f, args)?,
            other if args.is_empty() => eval_arg(other, dot, top)?,
            _ => bail!("template: can't give arguments to a non-function"),
        });
    }
    Ok(prev.unwrap_or(Value::Null))
}

fn eval_arg(arg: &Arg, dot: &Value, top: &Value) -> Result<Value> {
    match arg {
        Arg::Literal(v) => Ok(v.clone()),
        Arg::Sub(p) => eval_pipeline(p, dot, top),
        Arg::Func(f) => call(f, Vec::new()),
        Arg::Field { path, from_top } => {
            let mut v = if *from_top { top } else { dot };
            for (i, key) in path.iter().enumerate() {
                v = match v {
                    Value::Object(o) => match o.get(key) {
                        Some(next) => next,
                        None if is_struct(o) => {
                            let known: Vec<&str> = o.keys().map(String::as_str).collect();
                            bail!(
                                "template: can't evaluate field {key} (.{}): the fields are {}",
                                path[..=i].join("."),
                                known.join(", ")
                            )
                        }
                        None => &Value::Null,
                    },
                    Value::Null => &Value::Null,
                    other => bail!("template: can't evaluate field {key} in {}", plain(other)),
                };
            }
            Ok(v.clone())
        }
    }
}

/// Whether an object stands for a Go struct (its keys are field names: they
/// begin with a capital) rather than a map, whose missing keys are no error.
fn is_struct(o: &serde_json::Map<String, Value>) -> bool {
    !o.is_empty()
        && o.keys()
            .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
}

fn call(f: &str, args: Vec<Value>) -> Result<Value> {
    let n = args.len();
    let want = |k: usize| -> Result<()> {
        if n == k {
            Ok(())
        } else {
            bail!("template: {f} takes {k} arguments, got {n}")
        }
    };
    let text = |v: &Value| plain(v);
    Ok(match f {
        "json" => {
            want(1)?;
            Value::String(args[0].to_string())
        }
        "upper" => {
            want(1)?;
            Value::String(text(&args[0]).to_uppercase())
        }
        "lower" => {
            want(1)?;
            Value::String(text(&args[0]).to_lowercase())
        }
        "title" => {
            want(1)?;
            let t = text(&args[0]);
            let mut c = t.chars();
            Value::String(
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect()),
            )
        }
        "join" => {
            want(2)?;
            let items: Vec<String> = match &args[0] {
                Value::Array(a) => a.iter().map(plain).collect(),
                other => vec![plain(other)],
            };
            Value::String(items.join(&text(&args[1])))
        }
        "split" => {
            want(2)?;
            Value::Array(
                text(&args[0])
                    .split(&text(&args[1]))
                    .map(|s| Value::String(s.into()))
                    .collect(),
            )
        }
        "index" => {
            if n < 2 {
                bail!("template: index takes a value and keys");
            }
            let mut v = args[0].clone();
            for key in &args[1..] {
                v = match (&v, key) {
                    (Value::Object(o), k) => o.get(&text(k)).cloned().unwrap_or(Value::Null),
                    (Value::Array(a), Value::Number(i)) => {
                        let i = i.as_u64().context("template: index out of range")? as usize;
                        a.get(i)
                            .cloned()
                            .ok_or_else(|| anyhow!("template: index {i} out of range"))?
                    }
                    _ => bail!("template: can't index {}", plain(&v)),
                };
            }
            v
        }
        "len" => {
            want(1)?;
            Value::from(match &args[0] {
                Value::Array(a) => a.len(),
                Value::Object(o) => o.len(),
                Value::String(s) => s.chars().count(),
                Value::Null => 0,
                other => bail!("template: len of {}", plain(other)),
            })
        }
        "print" => Value::String(args.iter().map(plain).collect::<Vec<_>>().join("")),
        "println" => Value::String(args.iter().map(plain).collect::<Vec<_>>().join(" ") + "\n"),
        "printf" => {
            if n == 0 {
                bail!("template: printf needs a format");
            }
            Value::String(printf(&text(&args[0]), &args[1..])?)
        }
        "truncate" => {
            want(2)?;
            let len = args[1].as_u64().context("template: truncate LENGTH")? as usize;
            Value::String(text(&args[0]).chars().take(len).collect())
        }
        "pad" => {
            want(3)?;
            let l = (args[1].as_u64().unwrap_or(0) as usize).min(MAX_WIDTH);
            let r = (args[2].as_u64().unwrap_or(0) as usize).min(MAX_WIDTH);
            Value::String(format!(
                "{}{}{}",
                " ".repeat(l),
                text(&args[0]),
                " ".repeat(r)
            ))
        }
        "eq" | "ne" => {
            want(2)?;
            let same = args[0] == args[1] || text(&args[0]) == text(&args[1]);
            Value::Bool(same == (f == "eq"))
        }
        "not" => {
            want(1)?;
            Value::Bool(!truthy(&args[0]))
        }
        "and" => args
            .iter()
            .find(|a| !truthy(a))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null),
        "or" => args
            .iter()
            .find(|a| truthy(a))
            .or(args.last())
            .cloned()
            .unwrap_or(Value::Null),
        _ => bail!("template: function {f:?} not defined"),
    })
}

/// The widest field `printf` and `pad` make (a template is typed by a user,
/// but `%999999999999s` must not take the machine's memory).
const MAX_WIDTH: usize = 4096;

/// Go's fmt verbs that scripts use: %s %v %d %q %t %% with flags `-` and a width.
fn printf(format: &str, args: &[Value]) -> Result<String> {
    let mut out = String::new();
    let mut args = args.iter();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut left = false;
        let mut width = String::new();
        while let Some(&f) = chars.peek() {
            match f {
                '-' => left = true,
                '0'..='9' => width.push(f),
                _ => break,
            }
            chars.next();
        }
        let verb = chars.next().context("template: printf: a % at the end")?;
        if verb == '%' {
            out.push('%');
            continue;
        }
        let arg = args.next().map_or_else(
            || format!("%!{verb}(MISSING)"),
            |a| match verb {
                'q' => Value::String(plain(a)).to_string(),
                _ => plain(a),
            },
        );
        let w: usize = width.parse::<usize>().unwrap_or(0).min(MAX_WIDTH);
        if left {
            out.push_str(&format!("{arg:<w$}"));
        } else {
            out.push_str(&format!("{arg:>w$}"));
        }
    }
    Ok(out)
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// How Go's text/template prints a value.
fn plain(v: &Value) -> String {
    match v {
        Value::Null => "<no value>".into(),
        Value::String(s) => s.clone(),
        Value::Array(a) => format!("[{}]", a.iter().map(plain).collect::<Vec<_>>().join(" ")),
        Value::Object(o) => {
            format!(
                "map[{}]",
                o.iter()
                    .map(|(k, v)| format!("{k}:{}", plain(v)))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn r(t: &str, v: &Value) -> String {
        Template::parse(t).unwrap().render(v).unwrap()
    }

    #[test]
    fn fields_and_functions() {
        let v = json!({"Id": "sha256:x", "Names": ["a", "b"], "Config": {"Env": ["A=1"], "Labels": {"k": "v"}}, "Size": 5});
        assert_eq!(r("{{.Id}} {{.Size}}", &v), "sha256:x 5");
        assert_eq!(r("{{json .Config.Env}}", &v), r#"["A=1"]"#);
        assert_eq!(r(r#"{{index .Config.Labels "k"}}"#, &v), "v");
        assert_eq!(r(r#"{{join .Names ","}}"#, &v), "a,b");
        assert_eq!(r("{{.Id | upper}} {{lower \"AB\"}}", &v), "SHA256:X ab");
        assert_eq!(r(r#"{{printf "%-6s|%3d" .Id .Size}}"#, &v), "sha256:x|  5");
        assert_eq!(r("{{range .Names}}<{{.}}>{{end}}", &v), "<a><b>");
        assert_eq!(r("{{range $.Names}}{{$.Size}}{{end}}", &v), "55");
        assert_eq!(r("{{if .Size}}big{{else}}none{{end}}", &v), "big");
        assert_eq!(r("{{if eq .Size 5}}five{{end}}", &v), "five");
        assert_eq!(
            r("{{len .Names}} {{.Config.Labels.missing}}", &v),
            "2 <no value>"
        );
        assert_eq!(r("a {{- \" b \" -}} c", &v), "a b c");
        assert_eq!(r("{{with .Config}}{{.Env}}{{end}}", &v), "[A=1]");
    }

    #[test]
    fn widths_are_bounded() {
        let v = json!({"A": "x"});
        assert_eq!(r("{{printf \"%99999999999999s\" .A}}", &v).len(), MAX_WIDTH);
        assert_eq!(r("{{pad .A 99999999999 0}}", &v).len(), MAX_WIDTH + 1);
    }

    #[test]
    fn unknown_fields_and_functions_are_errors() {
        let v = json!({"Id": "x", "State": {"Status": "running"}});
        let err = Template::parse("{{.Nope}}")
            .unwrap()
            .render(&v)
            .unwrap_err();
        assert!(
            err.to_string().contains("can't evaluate field Nope"),
            "{err}"
        );
        let err = Template::parse("{{.State.Nope}}")
            .unwrap()
            .render(&v)
            .unwrap_err();
        assert!(err.to_string().contains(".State.Nope"), "{err}");
        assert!(Template::parse("{{nosuch .Id}}").is_err());
        assert!(Template::parse("{{range .X}}").is_err());
        assert!(Template::parse("{{end}}").is_err());
    }

    #[test]
    fn tables_are_aligned_with_docker_headers() {
        let rows = vec![
            json!({"ID": "abc", "Image": "busybox"}),
            json!({"ID": "abcdef0123456", "Image": "x"}),
        ];
        let mut out = Vec::new();
        let names = |f: &str| (f == "ID").then_some("CONTAINER ID");
        write_rows(&mut out, "table {{.ID}}\\t{{.Image}}", &rows, &names).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "CONTAINER ID    IMAGE\nabc             busybox\nabcdef0123456   x\n"
        );
    }
}
