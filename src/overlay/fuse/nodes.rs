//! The overlay's inodes: a tree of (parent, name) nodes, so that a rename moves a
//! whole subtree at once and every node's path is found by walking up.
//! Inode numbers are the node ids: stable for the life of the mount.

use std::collections::HashMap;

use fuse_backend_rs::api::filesystem::ROOT_ID;

/// One file, directory or other object of the merged tree.
#[derive(Debug, Clone)]
pub struct Node {
    pub parent: u64,
    pub name: Vec<u8>,
    /// The topmost layer that has it (0: the upper layer).
    pub layer: usize,
    /// For a directory: the layers whose directory of this path merge into it, top first.
    pub dirs: Vec<usize>,
    /// S_IFMT bits.
    pub kind: u32,
    /// Lookups the kernel holds.
    pub lookups: u64,
    /// The kernel dropped attributes of it itself (with the writeback cache it forgets a
    /// file's block count when a writer closes it); cleared when attributes go out again.
    pub kernel_stale: bool,
    /// Other names of the same file (hard links): (parent, name).
    pub aliases: Vec<(u64, Vec<u8>)>,
}

pub struct Nodes {
    map: HashMap<u64, Node>,
    children: HashMap<(u64, Vec<u8>), u64>,
    next: u64,
}

impl Nodes {
    /// A table with the root: a directory in every layer (`dirs`).
    pub fn new(root_dirs: Vec<usize>) -> Nodes {
        let mut map = HashMap::new();
        let root = Node {
            parent: ROOT_ID,
            name: vec![],
            layer: 0,
            dirs: root_dirs,
            kind: libc::S_IFDIR,
            lookups: 1,
            kernel_stale: false,
            aliases: vec![],
        };
        map.insert(ROOT_ID, root);
        Nodes {
            map,
            children: HashMap::new(),
            next: ROOT_ID + 1,
        }
    }

    pub fn get(&self, id: u64) -> Option<&Node> {
        self.map.get(&id)
    }

    pub fn get_mut(&mut self, id: u64) -> Option<&mut Node> {
        self.map.get_mut(&id)
    }

    pub fn child(&self, parent: u64, name: &[u8]) -> Option<u64> {
        self.children.get(&(parent, name.to_vec())).copied()
    }

    /// The node's path relative to the layer roots ("" for the root).
    pub fn path(&self, id: u64) -> Option<Vec<u8>> {
        let mut parts: Vec<&[u8]> = Vec::new();
        let mut cur = id;
        while cur != ROOT_ID {
            let n = self.map.get(&cur)?;
            parts.push(&n.name);
            cur = n.parent;
        }
        parts.reverse();
        Some(parts.join(&b'/'))
    }

    /// Record what a lookup found for `parent/name`; returns the node id.
    pub fn upsert(
        &mut self,
        parent: u64,
        name: &[u8],
        layer: usize,
        dirs: Vec<usize>,
        kind: u32,
        count: bool,
    ) -> u64 {
        if let Some(id) = self.child(parent, name) {
            if let Some(n) = self.map.get_mut(&id) {
                if n.kind == kind {
                    n.layer = layer;
                    n.dirs = dirs;
                    n.lookups += count as u64;
                    return id;
                }
            }
            // Another object now has this name: the old node lives on only for the kernel.
            self.children.remove(&(parent, name.to_vec()));
        }
        let id = self.next;
        self.next += 1;
        self.map.insert(
            id,
            Node {
                parent,
                name: name.to_vec(),
                layer,
                dirs,
                kind,
                lookups: count as u64,
                kernel_stale: false,
                aliases: vec![],
            },
        );
        self.children.insert((parent, name.to_vec()), id);
        id
    }

    /// Give node `id` the extra name `parent/name` (a hard link).
    pub fn alias(&mut self, id: u64, parent: u64, name: &[u8], count: bool) {
        self.children.insert((parent, name.to_vec()), id);
        if let Some(n) = self.map.get_mut(&id) {
            if (n.parent, n.name.as_slice()) != (parent, name)
                && !n.aliases.iter().any(|(p, m)| *p == parent && m == name)
            {
                n.aliases.push((parent, name.to_vec()));
            }
            n.lookups += count as u64;
        }
    }

    /// The name `parent/name` no longer exists (unlink, rmdir, rename away). A hard-linked
    /// node that loses the name it was reached by takes one of its other names.
    pub fn detach(&mut self, parent: u64, name: &[u8]) {
        let Some(id) = self.children.remove(&(parent, name.to_vec())) else {
            return;
        };
        if let Some(n) = self.map.get_mut(&id) {
            n.aliases.retain(|(p, m)| !(*p == parent && m == name));
            if n.parent == parent && n.name == name {
                if let Some((p, m)) = n.aliases.pop() {
                    n.parent = p;
                    n.name = m;
                }
            }
        }
    }

    /// The name `from` of node `id` becomes `to` (its other names, if any, stay).
    pub fn rename(&mut self, id: u64, from: (u64, &[u8]), to: (u64, &[u8])) {
        self.children.remove(&(from.0, from.1.to_vec()));
        self.children.remove(&(to.0, to.1.to_vec()));
        self.children.insert((to.0, to.1.to_vec()), id);
        if let Some(n) = self.map.get_mut(&id) {
            if n.parent == from.0 && n.name == from.1 {
                n.parent = to.0;
                n.name = to.1.to_vec();
            } else if let Some(alias) = n
                .aliases
                .iter_mut()
                .find(|(p, m)| *p == from.0 && m == from.1)
            {
                *alias = (to.0, to.1.to_vec());
            }
        }
    }

    /// The kernel dropped `count` lookups; a node nobody refers to goes.
    pub fn forget(&mut self, id: u64, count: u64) {
        if id == ROOT_ID {
            return;
        }
        let Some(n) = self.map.get_mut(&id) else {
            return;
        };
        n.lookups = n.lookups.saturating_sub(count);
        if n.lookups > 0 {
            return;
        }
        // Directories stay: their children find their paths through them.
        if n.kind == libc::S_IFDIR {
            return;
        }
        let (parent, name) = (n.parent, n.name.clone());
        if self.children.get(&(parent, name.clone())) == Some(&id) {
            self.children.remove(&(parent, name));
        }
        self.map.remove(&id);
    }
}
