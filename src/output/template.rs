//! The subset of Go templates that `--format` is used with in scripts:
//! `{{.Field}}`, `{{.A.B}}`, `{{json .Field}}`, `{{json .}}`, `{{index .Map "key"}}`,
//! and a leading `table` (header from the field names). Values are JSON.

use anyhow::{bail, Result};
use serde_json::Value;

/// A parsed template.
pub struct Template {
    parts: Vec<Part>,
    table: bool,
}

enum Part {
    Text(String),
    Field {
        path: Vec<String>,
        json: bool,
        index: Option<String>,
    },
}

impl Template {
    pub fn parse(src: &str) -> Result<Template> {
        let (table, src) = match src.strip_prefix("table") {
            Some(rest) => (true, rest.trim_start()),
            None => (false, src),
        };
        let src = src.replace("\\t", "\t").replace("\\n", "\n");
        let mut parts = Vec::new();
        let mut rest = src.as_str();
        while let Some(start) = rest.find("{{") {
            parts.push(Part::Text(rest[..start].to_string()));
            let Some(end) = rest[start..].find("}}") else {
                bail!("template: unclosed {{{{")
            };
            let action = rest[start + 2..start + end].trim();
            parts.push(parse_action(action)?);
            rest = &rest[start + end + 2..];
        }
        parts.push(Part::Text(rest.to_string()));
        Ok(Template { parts, table })
    }

    /// Whether it began with `table`.
    pub fn is_table(&self) -> bool {
        self.table
    }

    /// The header line of a `table` template: each field's last name, upper-cased.
    pub fn header(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.clone(),
                Part::Field { path, .. } => {
                    path.last().map(|s| s.to_uppercase()).unwrap_or_default()
                }
            })
            .collect()
    }

    pub fn render(&self, value: &Value) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Field { path, json, index } => {
                    let mut v = path.iter().try_fold(value, |v, k| v.get(k));
                    if let Some(key) = index {
                        v = v.and_then(|v| v.get(key));
                    }
                    let v = v.unwrap_or(&Value::Null);
                    if *json {
                        out.push_str(&v.to_string());
                    } else {
                        out.push_str(&plain(v));
                    }
                }
            }
        }
        out
    }
}

fn parse_action(action: &str) -> Result<Part> {
    let words: Vec<&str> = action.split_whitespace().collect();
    let path_of = |w: &str| -> Result<Vec<String>> {
        if !w.starts_with('.') {
            bail!("template: unsupported action {{{{{action}}}}}");
        }
        Ok(w.split('.')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect())
    };
    match words.as_slice() {
        [field] => Ok(Part::Field {
            path: path_of(field)?,
            json: false,
            index: None,
        }),
        ["json", field] => Ok(Part::Field {
            path: path_of(field)?,
            json: true,
            index: None,
        }),
        ["index", field, key] => Ok(Part::Field {
            path: path_of(field)?,
            json: false,
            index: Some(key.trim_matches('"').to_string()),
        }),
        _ => bail!("template: unsupported action {{{{{action}}}}}"),
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

    #[test]
    fn renders_fields() {
        let v =
            json!({"Id": "sha256:x", "Config": {"Env": ["A=1"], "Labels": {"k": "v"}}, "Size": 5});
        assert_eq!(
            Template::parse("{{.Id}} {{.Size}}").unwrap().render(&v),
            "sha256:x 5"
        );
        assert_eq!(
            Template::parse("{{json .Config.Env}}").unwrap().render(&v),
            r#"["A=1"]"#
        );
        assert_eq!(
            Template::parse(r#"{{index .Config.Labels "k"}}"#)
                .unwrap()
                .render(&v),
            "v"
        );
        assert_eq!(
            Template::parse("{{.Nope}}").unwrap().render(&v),
            "<no value>"
        );
        assert!(Template::parse("{{range .X}}").is_err());
    }

    #[test]
    fn table_header() {
        let t = Template::parse("table {{.Repository}}\\t{{.Tag}}").unwrap();
        assert!(t.is_table());
        assert_eq!(t.header(), "REPOSITORY\tTAG");
    }
}
