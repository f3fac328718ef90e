//! `husk secret` (podman's): create, ls, inspect, rm, exists.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::store_root;
use crate::error::ExitCode;
use crate::output::{table, template};
use crate::secret::{self, CreateOptions, Secret};
use crate::store::Store;

#[derive(Subcommand, Debug)]
#[command(defer = true)]
pub enum SecretCommand {
    /// Make a secret from a file, - (stdin) or an environment variable
    Create(CreateArgs),
    /// List secrets
    #[command(alias = "list")]
    Ls(LsArgs),
    /// Show secrets as JSON
    Inspect(InspectArgs),
    /// Remove secrets (containers made with one keep their copy)
    #[command(alias = "remove")]
    Rm(RmArgs),
    /// Exit 0 if the secret exists, 1 if not
    Exists(NameArg),
}

#[derive(Args, Debug)]
pub struct CreateArgs {
    /// The secret's name
    #[arg(value_name = "NAME")]
    pub name: String,
    /// A file holding the data, or - for stdin (with --env: a variable's name)
    #[arg(value_name = "FILE|-")]
    pub source: String,
    /// The driver: only file (the data is kept in your store, mode 0600)
    #[arg(short, long, value_name = "DRIVER", default_value = "file")]
    pub driver: String,
    /// Options of the driver, KEY=VALUE[,…] (the file driver's path= is refused: the data stays in your store)
    #[arg(long, value_name = "OPTS")]
    pub driver_opts: Vec<String>,
    /// Read the data from this environment variable of yours (SOURCE names it)
    #[arg(long)]
    pub env: bool,
    /// A label: KEY=VALUE
    #[arg(short, long, value_name = "KEY=VALUE")]
    pub label: Vec<String>,
    /// Give an existing secret of that name the new data
    #[arg(long, conflicts_with = "ignore")]
    pub replace: bool,
    /// A secret of that name existing already is no error: it is kept as it is (podman's)
    #[arg(long)]
    pub ignore: bool,
}

#[derive(Args, Debug)]
pub struct LsArgs {
    /// Only the ids
    #[arg(short, long)]
    pub quiet: bool,
    /// Go template (fields ID, Name, Driver, CreatedAt, UpdatedAt), or json
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// name=NAME, id=ID (prefix), label=KEY[=VALUE]
    #[arg(short, long, value_name = "FILTER")]
    pub filter: Vec<String>,
    /// No header line
    #[arg(short = 'n', long)]
    pub noheading: bool,
}

#[derive(Args, Debug)]
pub struct InspectArgs {
    /// Secrets (names or ids)
    #[arg(value_name = "SECRET", required_unless_present = "all")]
    pub secrets: Vec<String>,
    /// Every secret
    #[arg(short, long)]
    pub all: bool,
    /// Go template
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,
    /// Show the data too (SecretData)
    #[arg(long)]
    pub showsecret: bool,
    /// Readable text instead of JSON
    #[arg(long)]
    pub pretty: bool,
}

#[derive(Args, Debug)]
pub struct RmArgs {
    /// Secrets (names or ids)
    #[arg(value_name = "SECRET", required_unless_present = "all")]
    pub secrets: Vec<String>,
    /// Every secret
    #[arg(short, long)]
    pub all: bool,
    /// A secret that does not exist is no error
    #[arg(short, long)]
    pub ignore: bool,
}

#[derive(Args, Debug)]
pub struct NameArg {
    #[arg(value_name = "SECRET")]
    pub secret: String,
}

pub fn run(root: Option<PathBuf>, cmd: SecretCommand) -> Result<i32> {
    let root = store_root(root)?;
    let store = match &cmd {
        SecretCommand::Create(_) | SecretCommand::Rm(_) => Store::open(&root)?,
        _ => Store::open_existing(&root),
    };
    match cmd {
        SecretCommand::Create(a) => create(&store, a),
        SecretCommand::Ls(a) => ls(&store, a),
        SecretCommand::Inspect(a) => inspect(&store, a),
        SecretCommand::Rm(a) => rm(&store, a),
        SecretCommand::Exists(a) => Ok(match secret::find(&store, &a.secret) {
            Ok(_) => 0,
            Err(e) if e.downcast_ref::<crate::error::Failure>().is_some() => 1,
            Err(e) => return Err(e),
        }),
    }
}

fn create(store: &Store, a: CreateArgs) -> Result<i32> {
    if a.driver != "file" {
        bail!(
            "secret driver {:?} is not supported: husk keeps secrets as files of your store",
            a.driver
        );
    }
    // The file driver's one option (path=) would put the data outside the store.
    let given = a.driver_opts.iter().flat_map(|o| o.split(','));
    if let Some(opt) = given.into_iter().find(|o| !o.is_empty()) {
        match opt.split_once('=') {
            Some(("path", _)) => bail!("--driver-opts {opt}: husk keeps a secret's data in its store (secrets/, mode 0600), not elsewhere"),
            _ => bail!("--driver-opts {opt}: the file driver has no such option"),
        }
    }
    let data = match (a.env, a.source.as_str()) {
        (true, var) => std::env::var_os(var)
            .with_context(|| format!("--env: no environment variable {var}"))?
            .into_encoded_bytes(),
        (false, "-") => {
            let mut data = Vec::new();
            std::io::stdin()
                .take(secret::MAX_SIZE as u64)
                .read_to_end(&mut data)
                .context("reading the secret from stdin")?;
            data
        }
        (false, file) => std::fs::read(file).with_context(|| format!("reading {file}"))?,
    };
    let labels = a
        .label
        .iter()
        .map(|l| crate::container::parse_label(l))
        .collect::<Result<BTreeMap<_, _>>>()?;
    let opts = CreateOptions {
        labels,
        replace: a.replace,
    };
    // --ignore: one of that name stays as it is.
    let existing = secret::list(store)?.into_iter().find(|s| s.name == a.name);
    if let (true, Some(s)) = (a.ignore, existing) {
        println!("{}", s.id);
        return Ok(0);
    }
    let s = secret::create(store, &a.name, &data, &opts)?;
    println!("{}", s.id);
    Ok(0)
}

/// A secret as `ls --format` templates see it.
fn row(s: &Secret) -> Value {
    json!({
        "ID": s.id,
        "Name": s.name,
        "Driver": s.driver,
        "CreatedAt": s.created,
        "UpdatedAt": s.updated,
        "Labels": s.labels,
        "Spec": {"Name": s.name, "Driver": {"Name": s.driver}},
    })
}

fn ls(store: &Store, a: LsArgs) -> Result<i32> {
    let filters: Vec<secret::Filter> = a.filter.iter().map(|f| f.parse()).collect::<Result<_>>()?;
    let secrets: Vec<Secret> = secret::list(store)?
        .into_iter()
        .filter(|s| filters.iter().all(|f| f.keeps(s)))
        .collect();
    let mut out = crate::output::stdout();
    if a.quiet {
        for s in &secrets {
            writeln!(out, "{}", s.id)?;
        }
        return Ok(0);
    }
    let rows: Vec<Value> = secrets.iter().map(row).collect();
    match a.format.as_deref() {
        Some("json") => writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?,
        Some(fmt) => {
            let header = |f: &str| match f {
                "CreatedAt" => Some("CREATED"),
                "UpdatedAt" => Some("UPDATED"),
                _ => None,
            };
            template::write_rows_with(&mut out, fmt, &rows, &header, !a.noheading)?;
        }
        None => {
            let since = |t: &str| crate::output::human::since(Some(t));
            let cells: Vec<Vec<String>> = secrets
                .iter()
                .map(|s| {
                    let (c, u) = (since(&s.created), since(&s.updated));
                    vec![s.id.clone(), s.name.clone(), s.driver.clone(), c, u]
                })
                .collect();
            let header = ["ID", "NAME", "DRIVER", "CREATED", "UPDATED"];
            table::print_with(&mut out, &header, &cells, !a.noheading)?;
        }
    }
    Ok(0)
}

/// podman's inspect document of a secret.
fn document(store: &Store, s: &Secret, show: bool) -> Result<Value> {
    let mut doc = json!({
        "ID": s.id,
        "CreatedAt": s.created,
        "UpdatedAt": s.updated,
        "Spec": {
            "Name": s.name,
            "Driver": {"Name": s.driver, "Options": {}},
            "Labels": s.labels,
        },
    });
    if show {
        doc["SecretData"] = json!(String::from_utf8_lossy(&secret::data(store, s)?));
    }
    Ok(doc)
}

fn inspect(store: &Store, a: InspectArgs) -> Result<i32> {
    let names = match a.all {
        true => secret::list(store)?.into_iter().map(|s| s.id).collect(),
        false => a.secrets,
    };
    let mut docs = Vec::new();
    let mut code = 0;
    for name in &names {
        match secret::find(store, name).and_then(|s| document(store, &s, a.showsecret)) {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("Error: {}", crate::error::one_line(&e));
                code = crate::error::exit_code_of(&e);
            }
        }
    }
    let mut out = crate::output::stdout();
    match (a.format.as_deref(), a.pretty) {
        (Some(fmt), _) => {
            let t = template::Template::parse(fmt)?;
            for d in &docs {
                writeln!(out, "{}", t.render(d)?)?;
            }
        }
        (None, true) => {
            for d in &docs {
                let field = |p: &str| d.pointer(p).and_then(Value::as_str).unwrap_or_default();
                writeln!(out, "ID:              {}", field("/ID"))?;
                writeln!(out, "Name:            {}", field("/Spec/Name"))?;
                writeln!(out, "Driver:          {}", field("/Spec/Driver/Name"))?;
                writeln!(out, "Created at:      {}", field("/CreatedAt"))?;
                writeln!(out, "Updated at:      {}", field("/UpdatedAt"))?;
                if a.showsecret {
                    writeln!(out, "Data:            {}", field("/SecretData"))?;
                }
            }
        }
        (None, false) => writeln!(out, "{}", serde_json::to_string_pretty(&docs)?)?,
    }
    match code {
        0 => Ok(0),
        c => Err(ExitCode(c).into()),
    }
}

fn rm(store: &Store, a: RmArgs) -> Result<i32> {
    let names = match a.all {
        true => secret::list(store)?.into_iter().map(|s| s.id).collect(),
        false => a.secrets,
    };
    super::containers::for_each(&names, |name| match secret::remove(store, name) {
        Ok(s) => {
            println!("{}", s.id);
            Ok(())
        }
        Err(e) if a.ignore && e.downcast_ref::<crate::error::Failure>().is_some() => Ok(()),
        Err(e) => Err(e),
    })
}
