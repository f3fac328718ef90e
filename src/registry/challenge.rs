//! `WWW-Authenticate` challenges (RFC 7235) as registries send them.

use std::collections::HashMap;

/// A parsed challenge: its scheme (lowercased) and parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub scheme: String,
    pub params: HashMap<String, String>,
}

impl Challenge {
    /// Parse the first challenge of a header value, e.g.
    /// `Bearer realm="https://auth/token",service="registry"`.
    pub fn parse(header: &str) -> Option<Challenge> {
        let header = header.trim();
        let (scheme, rest) = header
            .split_once(char::is_whitespace)
            .unwrap_or((header, ""));
        if scheme.is_empty() {
            return None;
        }
        Some(Challenge {
            scheme: scheme.to_ascii_lowercase(),
            params: parse_params(rest),
        })
    }

    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }
}

fn parse_params(mut s: &str) -> HashMap<String, String> {
    let mut params = HashMap::new();
    loop {
        s = s.trim_start_matches([' ', ',', '\t']);
        let Some((key, rest)) = s.split_once('=') else {
            break;
        };
        let key = key.trim().to_ascii_lowercase();
        let rest = rest.trim_start();
        let (value, rest) = if let Some(quoted) = rest.strip_prefix('"') {
            read_quoted(quoted)
        } else {
            let end = rest.find(',').unwrap_or(rest.len());
            (rest[..end].trim().to_string(), &rest[end..])
        };
        params.insert(key, value);
        s = rest;
    }
    params
}

/// Read a quoted string (after its opening quote) with `\` escapes; returns it and the rest.
fn read_quoted(s: &str) -> (String, &str) {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, next)) = chars.next() {
                    out.push(next);
                }
            }
            '"' => return (out, &s[i + 1..]),
            c => out.push(c),
        }
    }
    (out, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_bearer() {
        let c = Challenge::parse(
            r#"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull""#,
        )
        .unwrap();
        assert_eq!(c.scheme, "bearer");
        assert_eq!(c.param("realm"), Some("https://auth.docker.io/token"));
        assert_eq!(c.param("scope"), Some("repository:library/busybox:pull"));
    }

    #[test]
    fn parses_basic_and_escapes() {
        let c = Challenge::parse(r#"Basic realm="a \"b\", c""#).unwrap();
        assert_eq!(c.scheme, "basic");
        assert_eq!(c.param("realm"), Some(r#"a "b", c"#));
        let c = Challenge::parse("Bearer realm=x, service=y").unwrap();
        assert_eq!(c.param("service"), Some("y"));
    }
}
