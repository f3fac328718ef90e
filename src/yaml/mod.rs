//! A YAML file (a compose file, Kubernetes YAML) as a tree of nodes that remember where they were written
//! (file and line), read with yaml-rust2's event parser:
//! - anchors and aliases, an alias a copy of its anchor's node (with a cap on
//!   the nodes copies make, against alias bombs);
//! - `<<` merge keys (a mapping, or a list of them; the mapping's own keys
//!   win, then the first merged mapping that has a key);
//! - tags kept (`!reset` and `!override` mean something when files merge);
//! - scalars kept as text, with whether they were quoted: what a plain
//!   `8080`, `true` or `1.5` means depends on the key (compose reads
//!   `environment: {A: true}` as the string "true").
//!
//! Keys are strings (`80: x` is the key "80"); a key given twice in one
//! mapping is an error, as docker compose has it.

pub mod emit;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Where a node was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pos {
    pub file: Arc<PathBuf>,
    pub line: usize,
}

impl Pos {
    /// A position in no file (a node made by husk, not read).
    pub fn none() -> Pos {
        Pos {
            file: Arc::new(PathBuf::new()),
            line: 0,
        }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "{}", self.file.display()),
            n => write!(f, "{}:{n}", self.file.display()),
        }
    }
}

/// What is wrong in a YAML file, and where: `FILE:LINE: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{pos}: {msg}")]
pub struct FileError {
    pub pos: Pos,
    pub msg: String,
}

impl FileError {
    pub fn new(pos: &Pos, msg: impl Into<String>) -> FileError {
        FileError {
            pos: pos.clone(),
            msg: msg.into(),
        }
    }
}

/// One node: its value, where it was written, and its tag (`reset` for
/// `!reset`; None when it has none).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
    pub tag: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`, `~`, or nothing at all.
    Null,
    /// A scalar's text; `plain` when it was not quoted (so it may be a
    /// number or a boolean).
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

/// A mapping's key, and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
}

impl Node {
    pub fn new(value: Value, pos: Pos) -> Node {
        Node {
            value,
            pos,
            tag: None,
        }
    }

    /// A string node made by husk.
    pub fn string(text: impl Into<String>) -> Node {
        Node::new(
            Value::Scalar {
                text: text.into(),
                plain: false,
            },
            Pos::none(),
        )
    }

    /// What kind of node this is, for errors ("a mapping").
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Scalar { .. } => "a scalar",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// The value under `key`, if this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The mutable value under `key`, if this is a mapping that has it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.value {
            Value::Map(entries) => entries
                .iter_mut()
                .find(|(k, _)| k.name == key)
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// A scalar's text.
    pub fn as_scalar(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The text of the scalar under `key`.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::as_scalar)
    }

    /// The scalars of the list under `key` (none if it is not a list).
    pub fn strings(&self, key: &str) -> Vec<String> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Seq(items)) => items
                .iter()
                .filter_map(Node::as_scalar)
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The keys of the mapping under `key` with their scalar values (None
    /// for a null or non-scalar value).
    pub fn entries(&self, key: &str) -> Vec<(&str, Option<&str>)> {
        match self.get(key).map(|n| &n.value) {
            Some(Value::Map(m)) => m
                .iter()
                .map(|(k, v)| (k.name.as_str(), v.as_scalar()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Every alias copies its anchor's nodes; more than this many copied nodes
/// in one file is refused (a file of a few lines can otherwise expand to
/// billions).
const MAX_ALIAS_NODES: usize = 1_000_000;

/// And more than this many bytes of text.
const MAX_ALIAS_BYTES: usize = 64 << 20;

/// Collections nested deeper than this are refused, aliases counted (the
/// tree is walked recursively; no compose file comes near).
const MAX_DEPTH: usize = 200;

/// The documents of `text`, read from `file` (for positions): usually one.
pub fn parse(text: &str, file: &Path) -> Result<Vec<Node>, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = Arc::new(file.to_path_buf());
    let mut builder = Builder {
        file: file.clone(),
        stack: Vec::new(),
        anchors: HashMap::new(),
        docs: Vec::new(),
        copied: 0,
        copied_bytes: 0,
        error: None,
    };
    // Events pulled one by one: the parser's own `load` recurses once per
    // level of nesting, which a hostile file can make overflow the stack.
    let mut parser = Parser::new_from_str(text);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let pos = Pos {
                file: file.clone(),
                line: e.marker().line(),
            };
            FileError::new(&pos, format!("invalid YAML: {}", e.info()))
        })?;
        if event == Event::StreamEnd {
            break;
        }
        builder.on_event(event, mark);
        if let Some(e) = builder.error.take() {
            return Err(e);
        }
    }
    Ok(builder.docs)
}

/// A collection being read.
enum Frame {
    Seq {
        node: Node,
        items: Vec<Node>,
        anchor: usize,
    },
    Map {
        node: Node,
        entries: Vec<(Key, Node)>,
        /// The key read, its value to come, and whether it is a plain `<<`.
        key: Option<(Key, bool)>,
        /// `<<` values, in order.
        merges: Vec<Node>,
        /// The keys given, and their lines.
        seen: HashMap<String, usize>,
        anchor: usize,
    },
}

struct Builder {
    file: Arc<PathBuf>,
    stack: Vec<Frame>,
    /// Each anchor's node, and its measure.
    anchors: HashMap<usize, (Node, Measure)>,
    docs: Vec<Node>,
    copied: usize,
    copied_bytes: usize,
    error: Option<FileError>,
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        if let Err(e) = self.event(ev, mark) {
            self.error = Some(e);
        }
    }
}

fn tag_name(tag: Option<yaml_rust2::parser::Tag>) -> Option<String> {
    tag.map(|t| t.suffix)
}

impl Builder {
    fn pos(&self, mark: Marker) -> Pos {
        Pos {
            file: self.file.clone(),
            line: mark.line(),
        }
    }

    fn event(&mut self, ev: Event, mark: Marker) -> Result<(), FileError> {
        let pos = self.pos(mark);
        match ev {
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == TScalarStyle::Plain;
                let tag = tag_name(tag);
                let value = match (plain, text.as_str(), tag.as_deref()) {
                    (_, _, Some("str")) => Value::Scalar { text, plain: false },
                    (true, "" | "~" | "null" | "Null" | "NULL", _) => Value::Null,
                    _ => Value::Scalar { text, plain },
                };
                let node = Node { value, pos, tag };
                self.done(node, anchor)
            }
            Event::SequenceStart(..) | Event::MappingStart(..) if self.stack.len() >= MAX_DEPTH => {
                Err(FileError::new(
                    &pos,
                    format!("lists and mappings nested more than {MAX_DEPTH} deep"),
                ))
            }
            Event::SequenceStart(anchor, tag) => {
                let mut node = Node::new(Value::Seq(Vec::new()), pos);
                node.tag = tag_name(tag);
                self.stack.push(Frame::Seq {
                    node,
                    items: Vec::new(),
                    anchor,
                });
                Ok(())
            }
            Event::MappingStart(anchor, tag) => {
                let mut node = Node::new(Value::Map(Vec::new()), pos);
                node.tag = tag_name(tag);
                self.stack.push(Frame::Map {
                    node,
                    entries: Vec::new(),
                    key: None,
                    merges: Vec::new(),
                    seen: HashMap::new(),
                    anchor,
                });
                Ok(())
            }
            Event::SequenceEnd => match self.stack.pop() {
                Some(Frame::Seq {
                    mut node,
                    items,
                    anchor,
                }) => {
                    node.value = Value::Seq(items);
                    self.done(node, anchor)
                }
                _ => Err(FileError::new(
                    &pos,
                    "invalid YAML: a list ends where none began",
                )),
            },
            Event::MappingEnd => match self.stack.pop() {
                Some(Frame::Map {
                    mut node,
                    entries,
                    merges,
                    anchor,
                    ..
                }) => {
                    node.value = Value::Map(merged(entries, merges)?);
                    self.done(node, anchor)
                }
                _ => Err(FileError::new(
                    &pos,
                    "invalid YAML: a mapping ends where none began",
                )),
            },
            Event::Alias(id) => {
                let Some((node, m)) = self.anchors.get(&id) else {
                    return Err(FileError::new(
                        &pos,
                        "an alias to an unknown anchor (or to one still being read)",
                    ));
                };
                self.copied += m.nodes;
                self.copied_bytes += m.bytes;
                if self.copied > MAX_ALIAS_NODES || self.copied_bytes > MAX_ALIAS_BYTES {
                    return Err(FileError::new(
                        &pos,
                        format!(
                            "aliases expand to more than {MAX_ALIAS_NODES} nodes or {} MiB",
                            MAX_ALIAS_BYTES >> 20
                        ),
                    ));
                }
                if self.stack.len() + m.depth > MAX_DEPTH {
                    return Err(FileError::new(
                        &pos,
                        format!("lists and mappings nested more than {MAX_DEPTH} deep"),
                    ));
                }
                let node = node.clone();
                self.done(node, 0)
            }
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => Ok(()),
        }
    }

    /// A node read whole: anchored, and given to the collection it is in.
    fn done(&mut self, node: Node, anchor: usize) -> Result<(), FileError> {
        if anchor > 0 {
            self.anchors.insert(anchor, (node.clone(), measure(&node)));
        }
        match self.stack.last_mut() {
            None => self.docs.push(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries,
                key,
                merges,
                seen,
                ..
            }) => match key.take() {
                None => *key = Some(key_of(node)?),
                Some((_, true)) => merges.push(node),
                Some((k, false)) => {
                    if let Some(line) = seen.get(&k.name) {
                        return Err(FileError::new(
                            &k.pos,
                            format!("key {:?} already given on line {line}", k.name),
                        ));
                    }
                    seen.insert(k.name.clone(), k.pos.line);
                    entries.push((k, node));
                }
            },
        }
        Ok(())
    }
}

/// A node read where a key goes: its text, and whether it is a merge key
/// (a quoted "<<" is an ordinary key).
fn key_of(node: Node) -> Result<(Key, bool), FileError> {
    match node.value {
        Value::Scalar { text, plain } => {
            let merge = plain && text == "<<";
            Ok((
                Key {
                    name: text,
                    pos: node.pos,
                },
                merge,
            ))
        }
        Value::Null => Ok((
            Key {
                name: String::new(),
                pos: node.pos,
            },
            false,
        )),
        _ => Err(FileError::new(
            &node.pos,
            format!("{} where a mapping's key goes", node.kind()),
        )),
    }
}

/// A mapping's own entries, then those of its `<<` mappings it lacks.
fn merged(mut entries: Vec<(Key, Node)>, merges: Vec<Node>) -> Result<Vec<(Key, Node)>, FileError> {
    for merge in merges {
        let sources = match merge.value {
            Value::Map(m) => vec![m],
            Value::Seq(items) => items
                .into_iter()
                .map(|n| match n.value {
                    Value::Map(m) => Ok(m),
                    _ => Err(FileError::new(
                        &n.pos,
                        "a merge key (<<) takes mappings, not ".to_string() + n.kind(),
                    )),
                })
                .collect::<Result<_, _>>()?,
            _ => {
                return Err(FileError::new(
                    &merge.pos,
                    "a merge key (<<) takes a mapping or a list of mappings, not ".to_string()
                        + merge.kind(),
                ))
            }
        };
        let mut have: std::collections::HashSet<String> =
            entries.iter().map(|(k, _)| k.name.clone()).collect();
        for source in sources {
            for (k, v) in source {
                if have.insert(k.name.clone()) {
                    entries.push((k, v));
                }
            }
        }
    }
    Ok(entries)
}

/// How big a node is: its nodes, its text's bytes, its depth.
#[derive(Clone, Copy, Default)]
struct Measure {
    nodes: usize,
    bytes: usize,
    depth: usize,
}

fn measure(node: &Node) -> Measure {
    let mut m = Measure {
        nodes: 1,
        ..Default::default()
    };
    let mut add = |c: Measure, key: usize| {
        m.nodes += c.nodes;
        m.bytes += c.bytes + key;
        m.depth = m.depth.max(c.depth + 1);
    };
    match &node.value {
        Value::Seq(items) => items.iter().for_each(|i| add(measure(i), 0)),
        Value::Map(entries) => entries
            .iter()
            .for_each(|(k, v)| add(measure(v), k.name.len())),
        Value::Scalar { text, .. } => m.bytes += text.len(),
        Value::Null => {}
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Node {
        let mut docs = parse(text, Path::new("c.yml")).unwrap();
        assert_eq!(docs.len(), 1);
        docs.remove(0)
    }

    fn text<'a>(n: &'a Node, path: &[&str]) -> &'a str {
        let mut n = n;
        for p in path {
            n = n.get(p).unwrap_or_else(|| panic!("no {p}"));
        }
        n.as_scalar().unwrap()
    }

    #[test]
    fn scalars_keep_their_text_lines_and_quoting() {
        let n = one("services:\n  web:\n    image: \"nginx\"\n    ports: [8080]\n    x: ~\n");
        let web = n.get("services").unwrap().get("web").unwrap();
        let image = web.get("image").unwrap();
        assert_eq!(image.pos.line, 3);
        assert_eq!(
            image.value,
            Value::Scalar {
                text: "nginx".into(),
                plain: false
            }
        );
        let Value::Seq(ports) = &web.get("ports").unwrap().value else {
            panic!()
        };
        assert_eq!(
            ports[0].value,
            Value::Scalar {
                text: "8080".into(),
                plain: true
            }
        );
        assert!(web.get("x").unwrap().is_null());
        assert_eq!(image.pos.to_string(), "c.yml:3");
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let n = one(concat!(
            "x-base: &base\n  image: busybox\n  restart: always\n",
            "x-more: &more\n  restart: 'no'\n  user: nobody\n",
            "services:\n",
            "  a:\n    <<: *base\n    restart: on-failure\n",
            "  b:\n    <<: [*more, *base]\n",
            "  c: *base\n",
        ));
        let s = n.get("services").unwrap();
        assert_eq!(text(s, &["a", "image"]), "busybox");
        assert_eq!(text(s, &["a", "restart"]), "on-failure");
        assert_eq!(text(s, &["b", "restart"]), "no");
        assert_eq!(text(s, &["b", "user"]), "nobody");
        assert_eq!(text(s, &["b", "image"]), "busybox");
        assert_eq!(text(s, &["c", "image"]), "busybox");
    }

    #[test]
    fn tags_are_kept() {
        let n = one("ports: !reset []\nimage: !!str 1\n");
        assert_eq!(n.get("ports").unwrap().tag.as_deref(), Some("reset"));
        assert_eq!(
            n.get("image").unwrap().value,
            Value::Scalar {
                text: "1".into(),
                plain: false
            }
        );
    }

    #[test]
    fn bad_files_say_where() {
        let e = parse("a: 1\na: 2\n", Path::new("c.yml")).unwrap_err();
        assert_eq!(e.to_string(), "c.yml:2: key \"a\" already given on line 1");
        let e = parse("a: [1\nb: 2\n", Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().starts_with("c.yml:"), "{e}");
        assert!(e.to_string().contains("invalid YAML"), "{e}");
        let e = parse("a: *nope\n", Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("c.yml:1:"), "{e}");
        let e = parse("a: &a {x: 1}\nb:\n  <<: 3\n", Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("merge key"), "{e}");
        let e = parse("? [1]\n: 2\n", Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("key goes"), "{e}");
    }

    #[test]
    fn an_alias_bomb_is_refused() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let p = i - 1;
            bomb += &format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n");
        }
        let e = parse(&bomb, Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("aliases expand"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        // Flow collections: the parser's own limit.
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let e = parse(&deep, Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("recursion limit"), "{e}");
        // Block mappings: ours.
        let deep: String = (0..2000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        let e = parse(&deep, Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("nested more than 200 deep"), "{e}");
        // Aliases of deep lists, deeper each time.
        let mut chain = String::from("a0: &a0 [x]\n");
        for i in 1..400 {
            chain += &format!("a{i}: &a{i} [*a{}]\n", i - 1);
        }
        let e = parse(&chain, Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("nested more than 200 deep"), "{e}");
        // Long strings copied by aliases count by their bytes.
        let mut big = format!("s: &s0 \"{}\"\n", "A".repeat(100_000));
        for i in 1..5 {
            let p = format!("*s{}", i - 1);
            big += &format!("x{i}: &s{i} [{}]\n", [p.as_str(); 9].join(", "));
        }
        let e = parse(&big, Path::new("c.yml")).unwrap_err();
        assert!(e.to_string().contains("MiB"), "{e}");
    }

    #[test]
    fn a_byte_order_mark_is_no_key() {
        let n = one("\u{feff}services: {}\n");
        assert!(n.get("services").is_some());
    }

    #[test]
    fn several_documents() {
        let docs = parse("a: 1\n---\nb: 2\n", Path::new("c.yml")).unwrap();
        assert_eq!(docs.len(), 2);
        assert!(parse("", Path::new("c.yml")).unwrap().is_empty());
    }
}
