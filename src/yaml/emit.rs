//! A YAML tree written out as `docker compose config` (and `kubectl`) does: YAML with a
//! two-space indent, lists under their key, a string double-quoted when it
//! would read as something else (`"8080"`, `"true"`, `""`) and
//! single-quoted when it cannot stand plain (`'*.txt'`, `'a: b'`); or JSON.

use serde_json::Value as Json;

use super::{Node, Value};

/// `node` as YAML text. `dollars`: every `$` of a string doubled, so that the
/// output reads back as the same model (what `config` does after interpolating).
pub fn yaml(node: &Node, dollars: bool) -> String {
    let mut out = String::new();
    match &node.value {
        Value::Map(entries) if !entries.is_empty() => map(entries, 0, dollars, &mut out),
        _ => {
            out.push_str(&inline(node, dollars));
            out.push('\n');
        }
    }
    out
}

fn map(entries: &[(super::Key, Node)], indent: usize, dollars: bool, out: &mut String) {
    for (i, (k, v)) in entries.iter().enumerate() {
        if i > 0 {
            push_indent(indent, out);
        }
        out.push_str(&scalar_text(&k.name, false, false));
        out.push(':');
        value(v, indent, dollars, out);
    }
}

/// The value after a key (`key:` written): inline, or on the next lines.
fn value(v: &Node, indent: usize, dollars: bool, out: &mut String) {
    match &v.value {
        Value::Map(entries) if !entries.is_empty() => {
            out.push('\n');
            push_indent(indent + 2, out);
            map(entries, indent + 2, dollars, out);
        }
        Value::Seq(items) if !items.is_empty() => {
            out.push('\n');
            seq(items, indent + 2, dollars, out);
        }
        _ => {
            out.push(' ');
            out.push_str(&inline(v, dollars));
            out.push('\n');
        }
    }
}

fn seq(items: &[Node], indent: usize, dollars: bool, out: &mut String) {
    for item in items {
        push_indent(indent, out);
        out.push_str("- ");
        match &item.value {
            Value::Map(entries) if !entries.is_empty() => map(entries, indent + 2, dollars, out),
            Value::Seq(inner) if !inner.is_empty() => {
                // A list in a list: its items on the lines below.
                out.push('\n');
                seq(inner, indent + 2, dollars, out);
            }
            _ => {
                out.push_str(&inline(item, dollars));
                out.push('\n');
            }
        }
    }
}

fn push_indent(n: usize, out: &mut String) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// A node that fits on one line: a scalar, null, `{}` or `[]`.
fn inline(n: &Node, dollars: bool) -> String {
    match &n.value {
        Value::Null => "null".into(),
        Value::Map(_) => "{}".into(),
        Value::Seq(_) => "[]".into(),
        Value::Scalar { text, plain } => scalar_text(text, *plain, dollars),
    }
}

/// A scalar as YAML: a typed one (`plain`) as it is, a string quoted when
/// it must be.
fn scalar_text(text: &str, plain: bool, dollars: bool) -> String {
    if plain {
        return text.to_string();
    }
    let text = match dollars {
        true => text.replace('$', "$$"),
        false => text.to_string(),
    };
    if text.contains(['\n', '\r', '\t']) || text.chars().any(|c| c.is_control()) {
        return double_quoted(&text);
    }
    if reads_as_other(&text) {
        return format!("\"{text}\"");
    }
    if cannot_be_plain(&text) {
        return format!("'{}'", text.replace('\'', "''"));
    }
    text
}

fn double_quoted(text: &str) -> String {
    let mut s = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if c.is_control() => s.push_str(&format!("\\u{:04x}", c as u32)),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// Whether plain `text` would read as null, a boolean or a number (YAML 1.1
/// words too, as go-yaml quotes them).
fn reads_as_other(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf",
        "+.inf", ".nan",
    ];
    if WORDS.contains(&text.to_ascii_lowercase().as_str()) {
        return true;
    }
    let t = text.strip_prefix(['-', '+']).unwrap_or(text);
    let digits = t.replace('_', "");
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(hex) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0o")) {
        return !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    // A YAML 1.1 timestamp (2026-12-03, 2026-12-03T20:32:20Z), as go-yaml quotes it.
    let b = text.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && text[5..].starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // A float: digits with one dot and/or an exponent.
    t.parse::<f64>().is_ok()
        && t.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// Whether `text` cannot be written plain: it starts with an indicator, has
/// `: ` or ` #`, ends with `:`, or has space at an end.
fn cannot_be_plain(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    "[]{}#&*!|>'\"%@`,".contains(first)
        || matches!(text, "-" | "?" | ":")
        || text.starts_with("- ")
        || text.starts_with("? ")
        || text.starts_with(": ")
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.starts_with(' ')
        || text.ends_with(' ')
}

/// `node` as JSON: typed scalars as numbers and booleans, strings as strings.
pub fn json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Scalar { text, plain: true } => match text.as_str() {
            "true" => Json::Bool(true),
            "false" => Json::Bool(false),
            t => t
                .parse::<i64>()
                .map(Json::from)
                .or_else(|_| t.parse::<f64>().map(Json::from))
                .unwrap_or_else(|_| Json::String(t.to_string())),
        },
        Value::Scalar { text, .. } => Json::String(text.clone()),
        Value::Seq(items) => Json::Array(items.iter().map(json).collect()),
        Value::Map(entries) => Json::Object(
            entries
                .iter()
                .map(|(k, v)| (k.name.clone(), json(v)))
                .collect(),
        ),
    }
}

/// A JSON value as a node to write: numbers and booleans plain, strings
/// quoted where they would read as something else.
pub fn from_json(value: &Json) -> Node {
    let pos = super::Pos::none();
    let scalar = |text: String, plain: bool| Node::new(Value::Scalar { text, plain }, pos.clone());
    match value {
        Json::Null => Node::new(Value::Null, pos.clone()),
        Json::Bool(b) => scalar(b.to_string(), true),
        Json::Number(n) => scalar(n.to_string(), true),
        Json::String(s) => scalar(s.clone(), false),
        Json::Array(items) => Node::new(
            Value::Seq(items.iter().map(from_json).collect()),
            pos.clone(),
        ),
        Json::Object(map) => Node::new(
            Value::Map(
                map.iter()
                    .map(|(k, v)| {
                        (
                            super::Key {
                                name: k.clone(),
                                pos: pos.clone(),
                            },
                            from_json(v),
                        )
                    })
                    .collect(),
            ),
            pos.clone(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn round(text: &str) -> String {
        let n = super::super::parse(text, Path::new("c.yml"))
            .unwrap()
            .remove(0);
        yaml(&n, false)
    }

    #[test]
    fn layout_like_docker_compose() {
        let text = "name: p\nservices:\n  web:\n    command:\n      - sh\n      - -c\n    ports:\n      - mode: ingress\n        target: 80\n        published: \"8080\"\n    networks:\n      default: null\n    volume: {}\n    empty: []\n";
        assert_eq!(round(text), text);
    }

    #[test]
    fn strings_are_quoted_only_when_they_must_be() {
        let q = |s: &str| scalar_text(s, false, false);
        assert_eq!(q("8080"), "\"8080\"");
        assert_eq!(q("true"), "\"true\"");
        assert_eq!(q("yes"), "\"yes\"");
        assert_eq!(q(""), "\"\"");
        assert_eq!(q("1.5"), "\"1.5\"");
        assert_eq!(q("-p"), "-p");
        assert_eq!(q("8.8.8.8"), "8.8.8.8");
        assert_eq!(q("2026-12-03T20:32:20Z"), "\"2026-12-03T20:32:20Z\"");
        assert_eq!(q("CMD-SHELL"), "CMD-SHELL");
        assert_eq!(q("a: b"), "'a: b'");
        assert_eq!(q("*.txt"), "'*.txt'");
        assert_eq!(q("it's"), "it's");
        assert_eq!(q("'x'"), "'''x'''");
        assert_eq!(q("a\nb"), "\"a\\nb\"");
        assert_eq!(scalar_text("$HOME", false, true), "$$HOME");
        assert_eq!(scalar_text("80", true, false), "80");
    }

    #[test]
    fn json_types() {
        let n = super::super::parse("a: 1\nb: '1'\nc: true\nd: ~\ne: [x]\n", Path::new("c"))
            .unwrap()
            .remove(0);
        assert_eq!(
            json(&n).to_string(),
            r#"{"a":1,"b":"1","c":true,"d":null,"e":["x"]}"#
        );
    }
}
