//! The services' dependencies (`depends_on`): the order they start in, and
//! the cycle that makes an order impossible.

use std::collections::BTreeMap;

use anyhow::{bail, Result};

use crate::yaml::{Node, Value};

/// Each service and the services it depends on, by name (sorted).
pub fn dependencies(model: &Node) -> BTreeMap<String, Vec<String>> {
    let mut deps = BTreeMap::new();
    if let Some(Node {
        value: Value::Map(services),
        ..
    }) = model.get("services")
    {
        for (k, s) in services {
            let mut on: Vec<String> = match s.get("depends_on").map(|d| &d.value) {
                Some(Value::Map(d)) => d.iter().map(|(k, _)| k.name.clone()).collect(),
                _ => Vec::new(),
            };
            on.retain(|d| services.iter().any(|(o, _)| &o.name == d));
            on.sort();
            deps.insert(k.name.clone(), on);
        }
    }
    deps
}

/// The services in the order they start: each after those it depends on,
/// otherwise by name. A cycle is an error that shows it.
pub fn start_order(model: &Node) -> Result<Vec<String>> {
    let deps = dependencies(model);
    let mut order = Vec::new();
    let mut state: BTreeMap<&str, bool> = BTreeMap::new(); // false: on the path; true: done
    for name in deps.keys() {
        visit(name, &deps, &mut state, &mut Vec::new(), &mut order)?;
    }
    Ok(order)
}

fn visit<'a>(
    name: &'a str,
    deps: &'a BTreeMap<String, Vec<String>>,
    state: &mut BTreeMap<&'a str, bool>,
    path: &mut Vec<&'a str>,
    order: &mut Vec<String>,
) -> Result<()> {
    match state.get(name) {
        Some(true) => return Ok(()),
        Some(false) => {
            let from = path.iter().position(|p| *p == name).unwrap_or(0);
            let mut cycle: Vec<&str> = path[from..].to_vec();
            cycle.push(name);
            bail!("dependency cycle detected: {}", cycle.join(" -> "));
        }
        None => {}
    }
    state.insert(name, false);
    path.push(name);
    for dep in deps.get(name).into_iter().flatten() {
        visit(dep, deps, state, path, order)?;
    }
    path.pop();
    state.insert(name, true);
    order.push(name.to_string());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn model(text: &str) -> Node {
        crate::yaml::parse(text, Path::new("c")).unwrap().remove(0)
    }

    #[test]
    fn dependencies_first_then_by_name() {
        let m = model("services:\n  web: {depends_on: {db: {}, cache: {}}}\n  db: {}\n  cache: {depends_on: {db: {}}}\n  a: {}\n");
        assert_eq!(start_order(&m).unwrap(), ["a", "db", "cache", "web"]);
    }

    #[test]
    fn a_cycle_is_shown() {
        let m = model("services:\n  a: {depends_on: {b: {}}}\n  b: {depends_on: {c: {}}}\n  c: {depends_on: {a: {}}}\n");
        assert_eq!(
            start_order(&m).unwrap_err().to_string(),
            "dependency cycle detected: a -> b -> c -> a"
        );
    }
}
