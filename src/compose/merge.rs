//! Several compose files (`-f a.yml -f b.yml`), and a service over the one it
//! `extends`, merged into one, by the rules docker compose (compose-go) has:
//! - mappings merge key by key; a scalar of the later file wins; a `null`
//!   in the later file keeps the earlier value;
//! - lists are appended, an item equal to one there already left out;
//! - `command`, `entrypoint` and `healthcheck.test` are replaced whole (a
//!   `null` clears them);
//! - `environment`, `labels`, `sysctls`, `build.args` and the like (mapping
//!   or `KEY=VALUE` list) merge by key, the later value in the place the key
//!   first had;
//! - `dns`, `dns_search`, `dns_opt`, `tmpfs`, `env_file`, `extra_hosts`
//!   (a string or a list) are appended;
//! - `networks` and `depends_on` (list or mapping) merge as mappings;
//! - `build` (a string is its context) merges as a mapping;
//! - `logging` is replaced whole when both give a different driver;
//! - a later node tagged `!override` replaces the earlier one whole, one
//!   tagged `!reset` removes it (see [`strip_resets`] for a file alone).

use std::collections::HashMap;

use crate::yaml::{FileError, Key, Node, Value};

/// How the values at one path merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    Default,
    Replace,
    KeyValue,
    Append,
    AsMapping,
    DependsOn,
    Build,
    Logging,
}

/// The rule for `path` (keys from the top, `*` matching any).
fn rule(path: &[&str]) -> Rule {
    let service = match path {
        ["services", _, rest @ ..] => rest,
        ["networks" | "volumes" | "secrets" | "configs", _, "labels"] => return Rule::KeyValue,
        _ => return Rule::Default,
    };
    match service {
        ["command"] | ["entrypoint"] | ["healthcheck", "test"] => Rule::Replace,
        ["environment"]
        | ["labels"]
        | ["annotations"]
        | ["sysctls"]
        | ["build", "args"]
        | ["build", "labels"]
        | ["build", "additional_contexts"]
        | ["deploy", "labels"] => Rule::KeyValue,
        ["dns"]
        | ["dns_opt"]
        | ["dns_search"]
        | ["tmpfs"]
        | ["env_file"]
        | ["label_file"]
        | ["extra_hosts"]
        | ["build", "extra_hosts"] => Rule::Append,
        ["networks"] => Rule::AsMapping,
        ["depends_on"] => Rule::DependsOn,
        ["build"] => Rule::Build,
        ["logging"] => Rule::Logging,
        _ => Rule::Default,
    }
}

/// `over` merged onto `base`; `path` is where they are (for the rules, and
/// for errors).
pub fn merge(base: Node, over: Node, path: &[&str]) -> Result<Node, FileError> {
    match over.tag.as_deref() {
        Some("override") => return Ok(untagged(over)),
        Some("reset") => return Ok(Node::new(Value::Null, over.pos)),
        _ => {}
    }
    match rule(path) {
        Rule::Replace => return Ok(over),
        Rule::KeyValue => return key_values(base, over, path),
        Rule::Append => {
            let (b, o) = (as_list(base), as_list(over));
            return append(b, o, path);
        }
        Rule::AsMapping => return mappings(as_mapping(base, false), as_mapping(over, false), path),
        Rule::DependsOn => return mappings(as_mapping(base, true), as_mapping(over, true), path),
        Rule::Build => return mappings(build_mapping(base), build_mapping(over), path),
        Rule::Logging => return logging(base, over, path),
        Rule::Default => {}
    }
    if over.is_null() {
        return Ok(base);
    }
    match base.value {
        Value::Map(_) => mappings(base, over, path),
        Value::Seq(_) => append(base, over, path),
        _ => Ok(over),
    }
}

fn untagged(mut node: Node) -> Node {
    node.tag = None;
    node
}

fn cannot(over: &Node, base: &Node, path: &[&str]) -> FileError {
    FileError::new(
        &over.pos,
        format!(
            "{}: cannot merge {} onto {}",
            path.join("."),
            over.kind(),
            base.kind()
        ),
    )
}

/// Two mappings, key by key.
fn mappings(base: Node, over: Node, path: &[&str]) -> Result<Node, FileError> {
    let pos = base.pos.clone();
    let (mut entries, over_entries) = match (base.value, over.value) {
        (Value::Map(b), Value::Map(o)) => (b, o),
        (Value::Null, Value::Map(o)) => (Vec::new(), o),
        (b, Value::Null) => return Ok(Node::new(b, pos)),
        (b, o) => return Err(cannot(&Node::new(o, over.pos), &Node::new(b, pos), path)),
    };
    // Removed entries are left as holes (None) until the end, so that the
    // index of each key stays right.
    let mut slots: Vec<Option<(Key, Node)>> = entries.drain(..).map(Some).collect();
    let mut index: HashMap<String, usize> = slots
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.as_ref().map(|(k, _)| (k.name.clone(), i)))
        .collect();
    for (key, value) in over_entries {
        match index.get(&key.name).copied() {
            None if value.tag.as_deref() == Some("reset") => {}
            None => {
                index.insert(key.name.clone(), slots.len());
                slots.push(Some((key, untagged(value))));
            }
            Some(i) if value.tag.as_deref() == Some("reset") => {
                slots[i] = None;
                index.remove(&key.name);
            }
            Some(i) => {
                let Some(entry) = slots[i].as_mut() else {
                    continue;
                };
                let mut sub = path.to_vec();
                sub.push(&key.name);
                let old = std::mem::replace(&mut entry.1, Node::new(Value::Null, key.pos.clone()));
                entry.1 = merge(old, value, &sub)?;
            }
        }
    }
    let entries = slots.into_iter().flatten().collect();
    Ok(Node::new(Value::Map(entries), pos))
}

/// Two lists, the later one's items after the earlier one's, those equal to
/// one there already left out.
fn append(base: Node, over: Node, path: &[&str]) -> Result<Node, FileError> {
    let pos = base.pos.clone();
    let (mut items, over_items) = match (base.value, over.value) {
        (Value::Seq(b), Value::Seq(o)) => (b, o),
        (Value::Null, Value::Seq(o)) => (Vec::new(), o),
        (b, Value::Null) => return Ok(Node::new(b, pos)),
        (b, o) => return Err(cannot(&Node::new(o, over.pos), &Node::new(b, pos), path)),
    };
    for item in over_items {
        if !items.iter().any(|i| same(i, &item)) {
            items.push(item);
        }
    }
    Ok(Node::new(Value::Seq(items), pos))
}

/// A string as a list of it; null as an empty list.
fn as_list(node: Node) -> Node {
    match node.value {
        Value::Scalar { .. } => {
            let pos = node.pos.clone();
            Node::new(Value::Seq(vec![node]), pos)
        }
        Value::Null => Node::new(Value::Seq(Vec::new()), node.pos),
        _ => node,
    }
}

/// A list of names as a mapping of them (to null, or for `depends_on` to
/// `{condition: service_started, required: true}`); a string as a list of one.
fn as_mapping(node: Node, depends_on: bool) -> Node {
    let pos = node.pos.clone();
    let names = match node.value {
        Value::Seq(items) => items,
        Value::Scalar { .. } => vec![node],
        Value::Null => Vec::new(),
        _ => return node,
    };
    let entries = names
        .into_iter()
        .map(|n| {
            let name = n.as_scalar().unwrap_or_default().to_string();
            let value = match depends_on {
                true => Node::new(
                    Value::Map(vec![
                        (key("condition", &n), Node::string("service_started")),
                        (key("required", &n), plain("true")),
                    ]),
                    n.pos.clone(),
                ),
                false => Node::new(Value::Null, n.pos.clone()),
            };
            (
                Key {
                    name,
                    pos: n.pos.clone(),
                },
                value,
            )
        })
        .collect();
    Node::new(Value::Map(entries), pos)
}

fn key(name: &str, at: &Node) -> Key {
    Key {
        name: name.to_string(),
        pos: at.pos.clone(),
    }
}

fn plain(text: &str) -> Node {
    Node::new(
        Value::Scalar {
            text: text.to_string(),
            plain: true,
        },
        crate::yaml::Pos::none(),
    )
}

/// `build: DIR` as `build: {context: DIR}`.
fn build_mapping(node: Node) -> Node {
    match node.value {
        Value::Scalar { .. } => {
            let pos = node.pos.clone();
            let k = key("context", &node);
            Node::new(Value::Map(vec![(k, node)]), pos)
        }
        _ => node,
    }
}

/// `logging`: replaced whole when both name a driver and they differ.
fn logging(base: Node, over: Node, path: &[&str]) -> Result<Node, FileError> {
    let driver = |n: &Node| {
        n.get("driver")
            .and_then(|d| d.as_scalar())
            .map(str::to_string)
    };
    match (driver(&base), driver(&over)) {
        (Some(a), Some(b)) if a != b => Ok(over),
        _ => mappings(base, over, path),
    }
}

/// `KEY=VALUE` lists or mappings merged by key: the earlier entries, each
/// key's value the last one given, then the keys only the later one has.
/// The result is a list of `KEY=VALUE` (a key with no value: `KEY`).
fn key_values(base: Node, over: Node, path: &[&str]) -> Result<Node, FileError> {
    let pos = base.pos.clone();
    let mut entries: Vec<(String, Node)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for node in [base, over] {
        for item in key_value_items(node, path)? {
            let name = item
                .as_scalar()
                .map(|s| s.split('=').next().unwrap_or(s).to_string())
                .unwrap_or_default();
            match index.get(&name) {
                Some(i) => entries[*i].1 = item,
                None => {
                    index.insert(name.clone(), entries.len());
                    entries.push((name, item));
                }
            }
        }
    }
    Ok(Node::new(
        Value::Seq(entries.into_iter().map(|(_, n)| n).collect()),
        pos,
    ))
}

/// A `KEY=VALUE` list's items, or a mapping's entries as such items
/// (sorted, as compose-go has them).
fn key_value_items(node: Node, path: &[&str]) -> Result<Vec<Node>, FileError> {
    match node.value {
        Value::Seq(items) => Ok(items),
        Value::Null => Ok(Vec::new()),
        Value::Scalar { .. } => Ok(vec![node]),
        Value::Map(entries) => {
            let mut items: Vec<Node> = entries
                .into_iter()
                .map(|(k, v)| {
                    let text = match &v.value {
                        Value::Null => k.name.clone(),
                        Value::Scalar { text, .. } => format!("{}={text}", k.name),
                        _ => {
                            return Err(FileError::new(
                                &v.pos,
                                format!(
                                    "{}.{}: {} where a value goes",
                                    path.join("."),
                                    k.name,
                                    v.kind()
                                ),
                            ))
                        }
                    };
                    Ok(Node::new(Value::Scalar { text, plain: false }, k.pos))
                })
                .collect::<Result<_, _>>()?;
            items.sort_by(|a, b| a.as_scalar().cmp(&b.as_scalar()));
            Ok(items)
        }
    }
}

/// Whether two nodes have the same content, wherever they were written.
pub fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Null, Value::Null) => true,
        (Value::Scalar { text: x, .. }, Value::Scalar { text: y, .. }) => x == y,
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.iter()
                        .find(|(k2, _)| k2.name == k.name)
                        .is_some_and(|(_, v2)| same(v, v2))
                })
        }
        _ => false,
    }
}

/// A file on its own: the keys tagged `!reset` taken out (they reset what
/// earlier files gave; in the first file there is nothing to reset), the
/// `!override` tags dropped.
pub fn strip_resets(node: &mut Node) {
    if node.tag.as_deref() == Some("override") {
        node.tag = None;
    }
    match &mut node.value {
        Value::Map(entries) => {
            entries.retain(|(_, v)| v.tag.as_deref() != Some("reset"));
            for (_, v) in entries {
                strip_resets(v);
            }
        }
        Value::Seq(items) => {
            for v in items {
                strip_resets(v);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc(text: &str) -> Node {
        crate::yaml::parse(text, Path::new("c.yml"))
            .unwrap()
            .remove(0)
    }

    fn merged(a: &str, b: &str) -> Node {
        merge(doc(a), doc(b), &[]).unwrap()
    }

    fn list(n: &Node) -> Vec<String> {
        match &n.value {
            Value::Seq(items) => items
                .iter()
                .map(|i| i.as_scalar().unwrap_or("~").to_string())
                .collect(),
            other => panic!("{other:?}"),
        }
    }

    fn at<'a>(n: &'a Node, path: &str) -> &'a Node {
        path.split('.')
            .fold(n, |n, p| n.get(p).unwrap_or_else(|| panic!("no {p}")))
    }

    #[test]
    fn scalars_win_lists_append_and_null_keeps() {
        let m = merged(
            "services:\n  web:\n    image: a\n    dns: [1.1.1.1]\n    ports: ['80:80']\n    user: x\n",
            "services:\n  web:\n    image: b\n    dns: 8.8.8.8\n    ports: ['80:80', '443:443']\n    user: null\n",
        );
        assert_eq!(at(&m, "services.web.image").as_scalar(), Some("b"));
        assert_eq!(list(at(&m, "services.web.dns")), ["1.1.1.1", "8.8.8.8"]);
        assert_eq!(list(at(&m, "services.web.ports")), ["80:80", "443:443"]);
        assert_eq!(at(&m, "services.web.user").as_scalar(), Some("x"));
    }

    #[test]
    fn commands_are_replaced_and_environments_merge_by_key() {
        let m = merged(
            "services:\n  web:\n    command: [a, b]\n    environment: {B: '2', A: '1'}\n",
            "services:\n  web:\n    command: [c]\n    environment: [A=9, C]\n",
        );
        assert_eq!(list(at(&m, "services.web.command")), ["c"]);
        assert_eq!(
            list(at(&m, "services.web.environment")),
            ["A=9", "B=2", "C"]
        );
    }

    #[test]
    fn depends_on_and_networks_merge_as_mappings() {
        let m = merged(
            "services:\n  web:\n    depends_on: [db]\n    networks: [front]\n",
            "services:\n  web:\n    depends_on:\n      db: {condition: service_healthy}\n      cache: {condition: service_started}\n    networks:\n      back: {aliases: [x]}\n",
        );
        let d = at(&m, "services.web.depends_on");
        assert_eq!(at(d, "db.condition").as_scalar(), Some("service_healthy"));
        assert_eq!(at(d, "db.required").as_scalar(), Some("true"));
        assert!(d.get("cache").is_some());
        let n = at(&m, "services.web.networks");
        assert!(n.get("front").unwrap().is_null());
        assert!(n.get("back").is_some());
    }

    #[test]
    fn build_strings_are_contexts_and_logging_drivers_replace() {
        let m = merged(
            "services:\n  web:\n    build: ./app\n    logging: {driver: json-file, options: {max-size: 1m}}\n",
            "services:\n  web:\n    build: {dockerfile: Other}\n    logging: {driver: k8s-file}\n",
        );
        assert_eq!(
            at(&m, "services.web.build.context").as_scalar(),
            Some("./app")
        );
        assert_eq!(
            at(&m, "services.web.build.dockerfile").as_scalar(),
            Some("Other")
        );
        assert!(at(&m, "services.web.logging").get("options").is_none());
    }

    #[test]
    fn reset_and_override_tags() {
        let m = merged(
            "services:\n  web:\n    ports: ['80:80']\n    environment: {A: '1'}\n    command: [x]\n  old: {image: o}\n",
            "services:\n  web:\n    ports: !reset []\n    environment: !override {B: '2'}\n  old: !reset\n",
        );
        assert!(at(&m, "services.web").get("ports").is_none());
        let env = at(&m, "services.web.environment");
        assert!(env.get("B").is_some() && env.get("A").is_none());
        assert!(at(&m, "services").get("old").is_none());
        let mut one = doc("a: !reset [1]\nb: !override {c: 1}\n");
        strip_resets(&mut one);
        assert!(one.get("a").is_none());
        assert_eq!(one.get("b").unwrap().tag, None);
    }

    #[test]
    fn a_mapping_over_a_list_is_an_error_that_says_where() {
        let e = merge(
            doc("services:\n  web:\n    ports: [1]\n"),
            doc("services:\n  web:\n    ports: {a: 1}\n"),
            &[],
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.yml:3: services.web.ports: cannot merge a mapping onto a list"
        );
    }
}
