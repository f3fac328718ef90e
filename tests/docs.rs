//! The committed man pages and shell completions must match the CLI definitions.
//! Regenerate them with: HUSK_UPDATE_DOCS=1 cargo test --test docs

use std::path::{Path, PathBuf};

fn generated() -> Vec<(PathBuf, Vec<u8>)> {
    let mut out: Vec<(PathBuf, Vec<u8>)> = husk::cli::docs::man_pages()
        .into_iter()
        .map(|(p, b)| (PathBuf::from("man").join(p), b))
        .collect();
    for (shell, name) in [
        (clap_complete::Shell::Bash, "husk.bash"),
        (clap_complete::Shell::Zsh, "_husk"),
        (clap_complete::Shell::Fish, "husk.fish"),
    ] {
        out.push((
            PathBuf::from("completions").join(name),
            husk::cli::docs::completion(shell),
        ));
    }
    out
}

#[test]
fn man_pages_and_completions_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("HUSK_UPDATE_DOCS").is_some();
    let mut stale = Vec::new();
    for (rel, content) in generated() {
        let path = root.join(&rel);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &content).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&content[..]) {
            stale.push(rel.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; run HUSK_UPDATE_DOCS=1 cargo test --test docs"
    );
}
