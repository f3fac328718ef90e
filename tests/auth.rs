//! Credentials and TLS: login/logout, auth files, bearer tokens, untrusted certificates.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{env, image, Home};

fn private() -> String {
    format!("{}/private/busybox", env().auth_registry)
}

#[test]
fn login_pull_logout() {
    let e = env();
    let home = Home::new();
    home.husk(&["pull", &private()])
        .fails(125, &format!("husk login {}", e.auth_registry));

    home.husk_stdin(
        &[
            "login",
            "-u",
            &e.auth_user,
            "--password-stdin",
            &e.auth_registry,
        ],
        "wrong\n",
    )
    .fails(125, "wrong username or password");
    let run = home.husk_stdin(
        &[
            "login",
            "-u",
            &e.auth_user,
            "--password-stdin",
            &e.auth_registry,
        ],
        &format!("{}\n", e.auth_password),
    );
    assert!(run.ok().contains("Login Succeeded"));
    // Written where podman writes it: $XDG_RUNTIME_DIR/containers/auth.json, private.
    let authfile = home.dir.join("run/containers/auth.json");
    assert_eq!(
        std::fs::metadata(&authfile).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&authfile).unwrap()).unwrap();
    assert!(doc["auths"][&e.auth_registry]["auth"].is_string());
    // podman's --get-login; --secret and --verbose.
    assert_eq!(
        home.husk(&["login", "--get-login", &e.auth_registry]).ok(),
        format!("{}\n", e.auth_user)
    );
    home.husk_stdin(&["secret", "create", "regpw", "-"], &e.auth_password)
        .ok();
    let run = home.husk(&[
        "login",
        "-v",
        "-u",
        &e.auth_user,
        "--secret",
        "regpw",
        &e.auth_registry,
    ]);
    assert!(
        run.ok().contains(&format!("Used: {}", authfile.display())),
        "{}",
        run.stdout
    );

    home.husk(&["pull", "-q", &private()]).ok();
    assert!(home
        .husk(&["logout", &e.auth_registry])
        .ok()
        .contains("Removed login credentials"));
    home.husk(&["rmi", &private()]).ok();
    home.husk(&["pull", &private()]).fails(125, "unauthorized");
    home.husk(&["logout", &e.auth_registry])
        .fails(125, "not logged into");
}

#[test]
fn docker_config_and_creds_flag() {
    use base64::Engine;
    let e = env();
    let home = Home::new();
    home.husk(&[
        "pull",
        "-q",
        "--creds",
        &format!("{}:{}", e.auth_user, e.auth_password),
        &private(),
    ])
    .ok();
    home.husk(&[
        "pull",
        "--creds",
        &format!("{}:nope", e.auth_user),
        &private(),
    ])
    .fails(125, "wrong username or password");

    let home = Home::new();
    let auth = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", e.auth_user, e.auth_password));
    home.write(
        ".docker/config.json",
        &format!(
            r#"{{"auths":{{"https://{}":{{"auth":"{auth}"}}}}}}"#,
            e.auth_registry
        ),
    );
    home.husk(&["pull", "-q", &private()]).ok();
    // DOCKER_CONFIG names docker's config directory (podman's and docker's rule).
    let third = Home::new();
    third.write(
        "elsewhere/config.json",
        &format!(
            r#"{{"auths":{{"https://{}":{{"auth":"{auth}"}}}}}}"#,
            e.auth_registry
        ),
    );
    let out = third
        .cmd(&["pull", "-q", &private()])
        .env("DOCKER_CONFIG", third.dir.join("elsewhere"))
        .output()
        .unwrap();
    common::Run::from(out).ok();
    // run --creds (podman's): the credentials of the image's pull.
    let fourth = Home::new();
    fourth
        .husk(&[
            "run",
            "--rm",
            "--creds",
            &format!("{}:{}", e.auth_user, e.auth_password),
            &private(),
            "true",
        ])
        .ok();
}

#[test]
fn bearer_token_challenge() {
    let home = Home::new();
    home.husk(&["pull", "-q", &format!("{}/bearer", env().bad_registry)])
        .ok();
    home.assert_consistent();
}

#[test]
fn untrusted_certificate_says_how_to_trust_it() {
    let home = Home::untrusting();
    let run = home.husk(&["pull", &image("busybox")]);
    run.fails(125, "TLS certificate not trusted");
    assert!(
        run.stderr
            .contains(&format!("containers/certs.d/{}/ca.crt", env().registry)),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--tls-verify=false"));
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("Error"))
            .count(),
        1,
        "one error line: {}",
        run.stderr
    );
    home.husk(&["pull", "-q", "--tls-verify=false", &image("busybox")])
        .ok();
    // podman's --cert-dir: the CA in a directory of the user's choosing.
    let certs = home.dir.join("mycerts");
    std::fs::create_dir_all(&certs).unwrap();
    std::fs::copy(&env().ca, certs.join("ca.crt")).unwrap();
    let dir = certs.to_str().unwrap();
    home.husk(&["pull", "-q", "--cert-dir", dir, &image("multi")])
        .ok();
    home.husk(&["pull", "--cert-dir", "/no/such/certs", &image("multi")])
        .fails(125, "--cert-dir /no/such/certs: no such directory");
    home.assert_consistent();
}

#[test]
fn insecure_registries_from_config() {
    let home = Home::untrusting();
    home.write(
        ".config/husk/husk.toml",
        &format!("insecure-registries = [\"{}\"]\n", env().registry),
    );
    home.husk(&["pull", "-q", &image("busybox")]).ok();
}

#[test]
fn containers_auth_json_is_read() {
    use base64::Engine;
    let e = env();
    let home = Home::new();
    let auth = base64::engine::general_purpose::STANDARD
        .encode(format!("{}:{}", e.auth_user, e.auth_password));
    home.write(
        ".config/containers/auth.json",
        &format!(
            r#"{{"auths":{{"{}":{{"auth":"{auth}"}}}}}}"#,
            e.auth_registry
        ),
    );
    home.husk(&["pull", "-q", &private()]).ok();
}

#[test]
fn login_prompts_for_the_password_on_a_terminal() {
    let e = env();
    let home = Home::new();
    // `script` gives husk a terminal; the password arrives on it, and must not be echoed.
    let inner = format!(
        "{} login -u {} {}",
        home.bin().display(),
        e.auth_user,
        e.auth_registry
    );
    let mut child = home
        .program("/usr/bin/script".as_ref(), &["-qec", &inner, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    // Answer once the prompt is on the terminal (echo is off by then).
    let mut seen = Vec::new();
    while !String::from_utf8_lossy(&seen).contains("Password:") {
        let mut buf = [0u8; 256];
        let n = std::io::Read::read(&mut stdout, &mut buf).unwrap();
        assert!(n > 0, "no prompt: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buf[..n]);
    }
    std::io::Write::write_all(&mut stdin, format!("{}\n", e.auth_password).as_bytes()).unwrap();
    std::io::Read::read_to_end(&mut stdout, &mut seen).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&seen);
    assert!(
        text.contains("Password:") && text.contains("Login Succeeded"),
        "{text}"
    );
    assert!(
        !text.contains(&e.auth_password),
        "the password was echoed: {text}"
    );
    home.husk(&["pull", "-q", &private()]).ok();
}
