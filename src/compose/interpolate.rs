//! Variable interpolation in compose files, as the Compose Specification
//! (and `docker compose`) does it: `$VAR` and `${VAR}`; `${VAR:-default}`
//! and `${VAR-default}`; `${VAR:?error}` and `${VAR?error}`;
//! `${VAR:+replacement}` and `${VAR+replacement}`; `$$` for a literal `$`.
//! The words after an operator are interpolated too (`${A:-${B:-c}}`), and
//! only when they are used. A `$` that starts neither a name nor `${` is
//! kept as it is. An unset variable with no default becomes the empty
//! string, and its name is reported so that the caller can warn once.

use std::collections::BTreeSet;

/// An error in a template: its text says what and where.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InterpolationError {
    /// A `${` that is not a valid expression.
    #[error("invalid interpolation format in {template:?}: {why}")]
    Invalid { template: String, why: String },
    /// `${VAR?msg}` or `${VAR:?msg}` with VAR unset (or empty).
    #[error("required variable {name} is missing a value{}", reason_suffix(.reason))]
    Required { name: String, reason: String },
}

fn reason_suffix(reason: &str) -> String {
    match reason.is_empty() {
        true => String::new(),
        false => format!(": {reason}"),
    }
}

/// What an expression does when its variable is unset (or empty, for the
/// `:` forms).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Operator {
    /// `-`: the word when unset.
    Default,
    /// `?`: an error with the word when unset.
    Required,
    /// `+`: the word when set, else nothing.
    Alternative,
}

/// The result of interpolating one string.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Interpolated {
    pub value: String,
    /// Variables that were used, unset, with no default: each became "".
    pub unset: BTreeSet<String>,
}

/// Interpolate `template` with variables from `lookup`.
pub fn interpolate(
    template: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Interpolated, InterpolationError> {
    let mut out = Interpolated::default();
    let mut parser = Parser {
        template,
        lookup,
        unset: &mut out.unset,
        depth: 0,
    };
    out.value = parser.text(template)?;
    Ok(out)
}

struct Parser<'a> {
    /// The whole string, for errors.
    template: &'a str,
    lookup: &'a dyn Fn(&str) -> Option<String>,
    unset: &'a mut BTreeSet<String>,
    /// How many `${…}` the parser is inside.
    depth: usize,
}

/// `${A:-${B:-…}}` nested deeper than this is refused.
const MAX_NESTING: usize = 32;

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic()
}

fn is_name_char(c: char) -> bool {
    c == '_' || c.is_ascii_alphanumeric()
}

/// The length of the name at the start of `s` (0: none).
fn name_len(s: &str) -> usize {
    match s.chars().next() {
        Some(c) if is_name_start(c) => s.find(|c: char| !is_name_char(c)).unwrap_or(s.len()),
        _ => 0,
    }
}

/// Where the `}` that closes a `${` ends `s` (the text after the `${`):
/// braces inside nest, as in `${A:-{"json":1}}`.
fn closing_brace(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(i),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

impl Parser<'_> {
    fn invalid(&self, why: &str) -> InterpolationError {
        // A long template is cut: the error is one line.
        let template = match self.template.char_indices().nth(200) {
            Some((i, _)) => format!("{}…", &self.template[..i]),
            None => self.template.to_string(),
        };
        InterpolationError::Invalid {
            template,
            why: why.to_string(),
        }
    }

    /// `s` with every expression in it replaced.
    fn text(&mut self, s: &str) -> Result<String, InterpolationError> {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(at) = rest.find('$') {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            if let Some(more) = after.strip_prefix('$') {
                out.push('$');
                rest = more;
            } else if let Some(inner) = after.strip_prefix('{') {
                let end = closing_brace(inner).ok_or_else(|| self.invalid("a ${ is not closed"))?;
                out.push_str(&self.braced(&inner[..end])?);
                rest = &inner[end + 1..];
            } else {
                let n = name_len(after);
                match n {
                    0 => out.push('$'),
                    _ => out.push_str(&self.plain(&after[..n])),
                }
                rest = &after[n..];
            }
        }
        out.push_str(rest);
        Ok(out)
    }

    /// `$NAME` or `${NAME}`.
    fn plain(&mut self, name: &str) -> String {
        match (self.lookup)(name) {
            Some(v) => v,
            None => {
                self.unset.insert(name.to_string());
                String::new()
            }
        }
    }

    /// What is between `${` and its `}`.
    fn braced(&mut self, expr: &str) -> Result<String, InterpolationError> {
        if self.depth >= MAX_NESTING {
            return Err(self.invalid(&format!("expressions nested more than {MAX_NESTING} deep")));
        }
        self.depth += 1;
        let value = self.expression(expr);
        self.depth -= 1;
        value
    }

    fn expression(&mut self, expr: &str) -> Result<String, InterpolationError> {
        let n = name_len(expr);
        if n == 0 {
            return Err(self.invalid("${ must be followed by a variable name"));
        }
        let (name, rest) = expr.split_at(n);
        if rest.is_empty() {
            return Ok(self.plain(name));
        }
        let (colon, rest) = match rest.strip_prefix(':') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let mut chars = rest.chars();
        let op = match chars.next() {
            Some('-') => Operator::Default,
            Some('?') => Operator::Required,
            Some('+') => Operator::Alternative,
            _ => {
                return Err(self.invalid(&format!(
                    "${{{name}…}}: expected }}, :-, -, :?, ?, :+ or + after the name"
                )))
            }
        };
        let word = chars.as_str();
        let value = (self.lookup)(name);
        // The `:` forms treat an empty value as unset.
        let present = match (&value, colon) {
            (Some(v), true) => !v.is_empty(),
            (Some(_), false) => true,
            (None, _) => false,
        };
        match (op, present) {
            (Operator::Default, true) | (Operator::Required, true) => Ok(value.unwrap_or_default()),
            (Operator::Default, false) => self.text(word),
            (Operator::Required, false) => Err(InterpolationError::Required {
                name: name.to_string(),
                reason: self.text(word)?,
            }),
            (Operator::Alternative, true) => self.text(word),
            (Operator::Alternative, false) => Ok(String::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "${U:-".repeat(4000) + "x" + &"}".repeat(4000);
        let e = interpolate(&deep, &|_| None).unwrap_err();
        assert!(e.to_string().contains("nested more than 32 deep"), "{e}");
        let ok = "${U:-".repeat(30) + "x" + &"}".repeat(30);
        assert_eq!(interpolate(&ok, &|_| None).unwrap().value, "x");
    }

    fn lookup(name: &str) -> Option<String> {
        match name {
            "FOO" => Some("first".into()),
            "BAR" => Some(String::new()),
            "JSON" => Some(r#"{"json":2}"#.into()),
            _ => None,
        }
    }

    fn ok(template: &str) -> String {
        interpolate(template, &lookup).unwrap().value
    }

    fn err(template: &str) -> String {
        interpolate(template, &lookup).unwrap_err().to_string()
    }

    #[test]
    fn plain_names_and_literals() {
        assert_eq!(ok("foo"), "foo");
        assert_eq!(ok("This $FOO var"), "This first var");
        assert_eq!(ok("This ${FOO} var"), "This first var");
        assert_eq!(ok("$FOO-bar"), "first-bar");
        assert_eq!(ok("$${foo}"), "${foo}");
        assert_eq!(ok("$$FOO"), "$FOO");
        for kept in ["a $ string", "^REGEX$", "$}", "$", "1$2", "$-x"] {
            assert_eq!(ok(kept), kept);
        }
    }

    #[test]
    fn unset_variables_are_empty_and_reported() {
        let r = interpolate("This ${missing} var $other$BAR", &lookup).unwrap();
        assert_eq!(r.value, "This  var ");
        assert_eq!(
            r.unset.into_iter().collect::<Vec<_>>(),
            ["missing", "other"]
        );
    }

    #[test]
    fn defaults() {
        assert_eq!(ok("ok ${missing:-def}"), "ok def");
        assert_eq!(ok("ok ${missing-def}"), "ok def");
        assert_eq!(ok("ok ${BAR:-def}"), "ok def");
        assert_eq!(ok("ok ${BAR-def}"), "ok ");
        assert_eq!(ok("ok ${FOO:-def}"), "ok first");
        assert_eq!(ok("ok ${BAR:-/non:-alphanumeric}"), "ok /non:-alphanumeric");
        assert_eq!(ok("${UNSET_VAR-myerror?msg}"), "myerror?msg");
        assert_eq!(ok(r#"ok ${missing:-{"json":1}}"#), r#"ok {"json":1}"#);
        assert_eq!(ok(r#"ok ${JSON-{"json":1}}"#), r#"ok {"json":2}"#);
    }

    #[test]
    fn alternatives() {
        assert_eq!(ok("ok ${UNSET_VAR:+x}"), "ok ");
        assert_eq!(ok("ok ${UNSET_VAR+x}"), "ok ");
        assert_eq!(ok("ok ${FOO:+x}"), "ok x");
        assert_eq!(ok("ok ${FOO+x}"), "ok x");
        assert_eq!(ok("ok ${BAR+x}"), "ok x");
        assert_eq!(ok("ok ${BAR:+x}"), "ok ");
    }

    #[test]
    fn nested_words_are_interpolated_when_used() {
        assert_eq!(ok("ok ${UNSET_VAR-$FOO}"), "ok first");
        assert_eq!(ok("ok ${UNSET_VAR-${FOO} ${FOO}}"), "ok first first");
        assert_eq!(ok("ok ${BAR:-${FOO}}"), "ok first");
        assert_eq!(ok("ok ${BAR+$FOO ${FOO:+second}}"), "ok first second");
        assert_eq!(ok("+ok ${UNSET:-${BAR-defaultValue}}"), "+ok ");
        assert_eq!(ok("ok ${SUBDOMAIN:-redis}.${FOO:?}"), "ok redis.first");
        // A word not used is not evaluated: its error does not happen.
        assert_eq!(ok("ok ${FOO:-${UNSET:?boom}}"), "ok first");
    }

    #[test]
    fn required_variables() {
        assert_eq!(
            err("not ok ${UNSET_VAR:?Mandatory Variable Unset}"),
            "required variable UNSET_VAR is missing a value: Mandatory Variable Unset"
        );
        assert_eq!(
            err("not ok ${BAR:?empty}"),
            "required variable BAR is missing a value: empty"
        );
        assert_eq!(
            err("${UNSET_VAR?}"),
            "required variable UNSET_VAR is missing a value"
        );
        assert_eq!(
            err("${UNSET_VAR:?Mandatory ${FOO}}"),
            "required variable UNSET_VAR is missing a value: Mandatory first"
        );
        assert_eq!(
            err("${UNSET_VAR?bar-baz}"),
            "required variable UNSET_VAR is missing a value: bar-baz"
        );
        assert_eq!(ok("ok ${FOO:?err}"), "ok first");
        assert_eq!(ok("ok ${BAR?err}"), "ok ");
    }

    #[test]
    fn the_first_operator_after_the_name_counts() {
        assert!(err("${VARNAME:?val?ue}").contains("val?ue"));
        assert!(err("${VARNAME?val:?ue}").contains("val:?ue"));
        assert_eq!(ok("${VARNAME-va:-lu:?e}"), "va:-lu:?e");
        assert_eq!(ok("${FOO:+va:?lu:-e}"), "va:?lu:-e");
    }

    #[test]
    fn invalid_templates() {
        for bad in [
            "${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "x ${FOO",
        ] {
            assert!(
                err(bad).starts_with("invalid interpolation format in"),
                "{bad}: {}",
                err(bad)
            );
        }
    }
}
