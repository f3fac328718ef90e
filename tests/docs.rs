//! The committed man pages and shell completions must match the CLI definitions.
//! Regenerate them with: HUSK_UPDATE_DOCS=1 cargo test --test docs

use std::path::{Path, PathBuf};

fn generated() -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let cmd = husk::cli::command();
    man_pages(&cmd, "husk", &mut out);
    for (shell, name) in [
        (clap_complete::Shell::Bash, "husk.bash"),
        (clap_complete::Shell::Zsh, "_husk"),
        (clap_complete::Shell::Fish, "husk.fish"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "husk", &mut buf);
        out.push((PathBuf::from("completions").join(name), buf));
    }
    out
}

fn man_pages(cmd: &clap::Command, name: &str, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let cmd = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone()).render(&mut buf).unwrap();
    out.push((PathBuf::from("man").join(format!("{name}.1")), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), out);
    }
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
