//! The build context (a directory, a tar on stdin, a tar at an HTTP(S) URL)
//! and the Dockerfile of a build, found and read before anything is built.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};

use super::ignore::Ignore;
use crate::store::tmp::TempEntry;
use crate::store::Store;

/// Largest Dockerfile read.
const MAX_DOCKERFILE: u64 = 8 << 20;

/// Where the build context comes from (`husk build CONTEXT`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Dir(PathBuf),
    /// `-`: a tar of the context, or a Dockerfile alone, on stdin.
    Stdin,
    /// An HTTP(S) URL of a tar (gzip, zstd or plain).
    Url(String),
}

impl Source {
    pub fn parse(arg: &str) -> Result<Source> {
        if arg == "-" {
            return Ok(Source::Stdin);
        }
        if arg.starts_with("http://") || arg.starts_with("https://") {
            if arg.ends_with(".git") || arg.contains(".git#") {
                bail!("{arg}: git contexts are not supported; clone it and build the directory");
            }
            return Ok(Source::Url(arg.to_string()));
        }
        if arg.starts_with("git@") || arg.starts_with("git://") {
            bail!("{arg}: git contexts are not supported; clone it and build the directory");
        }
        let p = PathBuf::from(arg);
        if !p.is_dir() {
            bail!("the build context {arg} is not a directory");
        }
        Ok(Source::Dir(p))
    }
}

/// A context ready to copy from.
pub struct BuildContext {
    /// Its root (None: no context, a Dockerfile from stdin alone).
    pub root: Option<PathBuf>,
    pub ignore: Ignore,
    /// The context unpacked in the store's tmp/ (removed when dropped).
    _temp: Option<TempEntry>,
}

/// The Dockerfile's text and the name errors give it.
pub struct DockerfileText {
    pub text: String,
    pub name: String,
}

/// Read the context and the Dockerfile (`-f`: a path, or `-` for stdin;
/// `ignorefile`: the ignore file instead of the context's own).
pub fn open(
    store: &Store,
    source: &Source,
    file: Option<&Path>,
    ignorefile: Option<&Path>,
    fetch: &dyn Fn(&str) -> Result<Box<dyn Read>>,
) -> Result<(BuildContext, DockerfileText)> {
    let from_stdin = file.is_some_and(|f| f == Path::new("-"));
    let (root, temp, stdin_dockerfile) = match source {
        Source::Dir(d) => (Some(d.clone()), None, None),
        Source::Stdin => {
            if from_stdin {
                bail!("the context and the Dockerfile cannot both come from stdin");
            }
            let mut data = Vec::new();
            std::io::stdin()
                .take(MAX_DOCKERFILE + 1)
                .read_to_end(&mut data)
                .context("reading stdin")?;
            if is_archive(&data) {
                let rest = std::io::stdin();
                let temp = unpack_context(store, std::io::Cursor::new(data).chain(rest))?;
                (Some(temp.path().to_path_buf()), Some(temp), None)
            } else {
                (
                    None,
                    None,
                    Some(dockerfile_text(data, "Dockerfile (stdin)")?),
                )
            }
        }
        Source::Url(url) => {
            let body = fetch(url)?;
            let temp = unpack_context(store, body).with_context(|| format!("context {url}"))?;
            (Some(temp.path().to_path_buf()), Some(temp), None)
        }
    };
    let dockerfile = match (stdin_dockerfile, file) {
        (Some(d), _) => d,
        (None, Some(f)) if f == Path::new("-") => {
            let mut data = Vec::new();
            std::io::stdin()
                .take(MAX_DOCKERFILE + 1)
                .read_to_end(&mut data)
                .context("reading the Dockerfile from stdin")?;
            dockerfile_text(data, "Dockerfile (stdin)")?
        }
        (None, Some(f)) => {
            // As docker: relative to the current directory, else inside the context.
            let path = match (&root, f.is_relative() && !f.exists()) {
                (Some(r), true) if matches!(source, Source::Dir(_)) || temp.is_some() => r.join(f),
                _ => f.to_path_buf(),
            };
            read_dockerfile(&path)?
        }
        (None, None) => {
            let r = root.as_ref().context("no Dockerfile")?;
            let found = ["Containerfile", "Dockerfile"]
                .iter()
                .map(|n| r.join(n))
                .find(|p| p.is_file());
            match found {
                Some(p) => read_dockerfile(&p)?,
                None => bail!(
                    "no Containerfile or Dockerfile in the context {}: give one with -f",
                    r.display()
                ),
            }
        }
    };
    let ignore = match (&root, ignorefile) {
        (_, Some(f)) => {
            let text = crate::fsat::read_small_file(f, MAX_DOCKERFILE)
                .with_context(|| format!("reading the ignore file {}", f.display()))?;
            Ignore::parse(&String::from_utf8_lossy(&text))
        }
        (Some(r), None) => read_ignore(r, file)?,
        (None, None) => Ignore::default(),
    };
    Ok((
        BuildContext {
            root,
            ignore,
            _temp: temp,
        },
        dockerfile,
    ))
}

fn read_dockerfile(path: &Path) -> Result<DockerfileText> {
    let mut data = Vec::new();
    std::fs::File::open(path)
        .with_context(|| format!("reading the Dockerfile {}", path.display()))?
        .take(MAX_DOCKERFILE + 1)
        .read_to_end(&mut data)
        .with_context(|| format!("reading the Dockerfile {}", path.display()))?;
    dockerfile_text(data, &path.display().to_string())
}

fn dockerfile_text(data: Vec<u8>, name: &str) -> Result<DockerfileText> {
    if data.len() as u64 > MAX_DOCKERFILE {
        bail!("{name}: a Dockerfile larger than 8 MiB is refused");
    }
    let text = String::from_utf8(data).with_context(|| format!("{name} is not UTF-8 text"))?;
    Ok(DockerfileText {
        text,
        name: name.to_string(),
    })
}

/// `.containerignore` or `.dockerignore` (a `<Dockerfile>.dockerignore` beside
/// a `-f` Dockerfile first, as BuildKit reads it).
fn read_ignore(root: &Path, file: Option<&Path>) -> Result<Ignore> {
    let mut candidates = Vec::new();
    if let Some(f) = file.filter(|f| *f != Path::new("-")) {
        candidates.push(PathBuf::from(format!("{}.containerignore", f.display())));
        candidates.push(PathBuf::from(format!("{}.dockerignore", f.display())));
    }
    candidates.push(root.join(".containerignore"));
    candidates.push(root.join(".dockerignore"));
    for c in candidates {
        if c.is_file() {
            let text = crate::fsat::read_small_file(&c, MAX_DOCKERFILE)?;
            return Ok(Ignore::parse(&String::from_utf8_lossy(&text)));
        }
    }
    Ok(Ignore::default())
}

/// Whether `data` starts a tar (plain, gzip, zstd, bzip2 or xz).
fn is_archive(data: &[u8]) -> bool {
    data.starts_with(&[0x1f, 0x8b])
        || data.starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
        || data.starts_with(b"BZh")
        || data.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0])
        || data.get(257..262) == Some(b"ustar")
}

/// Unpack a context tar into the store's tmp/ with the layer unpacker (no
/// entry lands outside it).
pub fn unpack_context<R: Read>(store: &Store, reader: R) -> Result<TempEntry> {
    let temp = TempEntry::create_dir(&store.tmp_dir(), "context")?;
    let (_, plain) =
        crate::layer::compression::decompress(reader).context("reading the context")?;
    crate::layer::unpack(plain, temp.path()).context("unpacking the context")?;
    Ok(temp)
}
