//! Handlers of login and logout.

use std::io::{BufRead, IsTerminal, Read, Write};

use anyhow::{bail, Context, Result};

use super::{LoginArgs, LogoutArgs};
use crate::config::Config;
use crate::registry::credentials::{self, Credentials};
use crate::registry::reference::normalize_registry;
use crate::registry::{ClientOptions, RegistryClient};

pub fn login(root: Option<std::path::PathBuf>, a: LoginArgs) -> Result<i32> {
    let registry = normalize_registry(a.registry.as_deref().unwrap_or("docker.io"));
    if a.get_login {
        let authfile = a.registry_args.authfile.as_deref();
        return match credentials::lookup(&registry, "", authfile)? {
            Some(c) => {
                println!("{}", c.username);
                Ok(0)
            }
            None => bail!("not logged in to {registry}"),
        };
    }
    let username = match a.username {
        Some(u) => u,
        None => prompt("Username: ")?,
    };
    let password = match (a.password, a.password_stdin) {
        (Some(_), true) => bail!("--password and --password-stdin are mutually exclusive"),
        (Some(p), false) => p,
        (None, false) if a.secret.is_some() => {
            let name = a.secret.as_deref().unwrap_or_default();
            let store = crate::store::Store::open_existing(&super::store_root(root)?);
            crate::secret::text(&store, name).with_context(|| format!("--secret {name}"))?
        }
        (None, true) => {
            let mut p = String::new();
            std::io::stdin()
                .read_to_string(&mut p)
                .context("reading the password from stdin")?;
            p.trim_end_matches(['\n', '\r']).to_string()
        }
        (None, false) => prompt_hidden("Password: ")?,
    };
    if username.is_empty() || password.is_empty() {
        bail!("username and password are both required");
    }
    let config = Config::load()?;
    let insecure = a
        .registry_args
        .tls_verify
        .map(|v| !v)
        .unwrap_or_else(|| config.is_insecure(&registry));
    let creds = Credentials { username, password };
    let client = RegistryClient::new(
        &registry,
        "",
        &ClientOptions {
            insecure,
            credentials: Some(creds.clone()),
            timeouts: config.registry_timeouts,
            retry: a.registry_args.retry()?,
            cert_dir: a.registry_args.cert_dir.clone(),
            ..Default::default()
        },
    )?;
    client.ping()?;
    let file = credentials::store(&registry, &creds, a.registry_args.authfile.as_deref())?;
    if a.verbose {
        println!("Used: {}", file.display());
    }
    println!("Login Succeeded!");
    Ok(0)
}

pub fn logout(a: LogoutArgs) -> Result<i32> {
    if a.all {
        let file = credentials::login_file(a.authfile.as_deref())?;
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("removing {}", file.display())),
        }
        println!("Removed login credentials for all registries");
        return Ok(0);
    }
    let registry = normalize_registry(a.registry.as_deref().unwrap_or("docker.io"));
    if !credentials::remove(&registry, a.authfile.as_deref())? {
        bail!("not logged into {registry}");
    }
    println!("Removed login credentials for {registry}");
    Ok(0)
}

fn prompt(text: &str) -> Result<String> {
    if !std::io::stdin().is_terminal() {
        bail!("no username given: use --username (stdin is not a terminal)");
    }
    eprint!("{text}");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

/// Read a password from the terminal without echo.
fn prompt_hidden(text: &str) -> Result<String> {
    use nix::sys::termios::{tcgetattr, tcsetattr, LocalFlags, SetArg};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        bail!("no password given: use --password-stdin (stdin is not a terminal)");
    }
    // Echo off before the prompt, so nothing typed after it can show.
    let saved = tcgetattr(&stdin).context("reading terminal settings")?;
    let mut quiet = saved.clone();
    quiet.local_flags.remove(LocalFlags::ECHO);
    tcsetattr(&stdin, SetArg::TCSANOW, &quiet).context("turning echo off")?;
    eprint!("{text}");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    tcsetattr(&stdin, SetArg::TCSANOW, &saved).context("restoring the terminal")?;
    eprintln!();
    read?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}
