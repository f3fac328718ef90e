//! `husk compose` as a user meets it: `compose config` on projects of the
//! usual shapes (the canonical form docker compose prints), several `-f`
//! files merged, `.env` and `--env-file` interpolation, project names,
//! profiles, `extends`, `include`, files found from a subdirectory with their
//! override file, and bad files (each error names the file, the line and the
//! key); and a two-service project brought up and down (`up -d`, `ps`,
//! `down [-v]`): reached by its service name, on a published port, its data
//! in a named volume kept across `down` and `up`.

mod common;

use common::{free_port, http_get, image, Home, Run};
use serde_json::Value;

/// `husk compose ARGS` run in `dir` (relative to the home).
fn compose(home: &Home, dir: &str, args: &[&str], envs: &[(&str, &str)]) -> Run {
    let mut all = vec!["compose"];
    all.extend_from_slice(args);
    let mut cmd = home.cmd(&all);
    cmd.current_dir(home.dir.join(dir));
    for (k, v) in envs {
        cmd.env(k, v);
    }
    Run::from(cmd.output().unwrap())
}

fn config_json(home: &Home, dir: &str, args: &[&str], envs: &[(&str, &str)]) -> Value {
    let mut all = args.to_vec();
    all.extend(["config", "--format", "json"]);
    compose(home, dir, &all, envs).json()
}

const APP: &str = "\
services:
  web:
    build: ./web
    command: python app.py --port \"${PORT:-8000}\"
    ports:
      - \"${PORT:-8000}:8000\"
      - 127.0.0.1:9000:9000/udp
    environment:
      - DB_HOST=db
      - SECRET
    depends_on:
      db:
        condition: service_healthy
    restart: always
  db:
    image: postgres:16
    volumes:
      - dbdata:/var/lib/postgresql/data
      - ./init:/docker-entrypoint-initdb.d:ro
    healthcheck:
      test: pg_isready
      interval: 90s
    mem_limit: 1g
    restart: unless-stopped
volumes:
  dbdata:
";

#[test]
fn config_prints_the_canonical_project() {
    let home = Home::new();
    home.write("My.App/compose.yaml", APP);
    let dir = home.dir.join("My.App");
    let d = dir.to_str().unwrap();
    let out = compose(&home, "My.App", &["config"], &[("SECRET", "s3")]);
    let yaml = out.ok();
    // The long forms, as docker compose prints them.
    for want in [
        "name: myapp\n",
        "      - mode: ingress\n        target: 8000\n        published: \"8000\"\n        protocol: tcp\n",
        "      - mode: ingress\n        host_ip: 127.0.0.1\n        target: 9000\n        published: \"9000\"\n        protocol: udp\n",
        "    depends_on:\n      db:\n        condition: service_healthy\n        required: true\n",
        "    environment:\n      DB_HOST: db\n      SECRET: s3\n",
        "      test:\n        - CMD-SHELL\n        - pg_isready\n      interval: 1m30s\n",
        "    mem_limit: \"1073741824\"\n",
        "    command:\n      - python\n      - app.py\n      - --port\n      - \"8000\"\n",
        "networks:\n  default:\n    name: myapp_default\n",
        "volumes:\n  dbdata:\n    name: myapp_dbdata\n",
    ] {
        assert!(yaml.contains(want), "no {want:?} in:\n{yaml}");
    }
    assert!(
        yaml.contains(&format!(
            "      context: {d}/web\n      dockerfile: Dockerfile\n"
        )),
        "{yaml}"
    );
    assert!(
        yaml.contains(&format!("        source: {d}/init\n")),
        "{yaml}"
    );
    // Keys in docker compose's order: name, services (sorted), networks, volumes.
    let pos = |s: &str| yaml.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(pos("name:") < pos("services:") && pos("services:") < pos("\nnetworks:"));
    assert!(pos("  db:\n") < pos("  web:\n"));
    // The same model as JSON.
    let j = config_json(&home, "My.App", &[], &[("PORT", "8080")]);
    assert_eq!(j["services"]["web"]["ports"][0]["published"], "8080");
    assert_eq!(j["services"]["web"]["ports"][0]["target"], 8000);
    assert_eq!(j["services"]["db"]["volumes"][0]["source"], "dbdata");
    assert_eq!(j["services"]["db"]["volumes"][1]["read_only"], true);
    assert_eq!(j["services"]["web"]["networks"]["default"], Value::Null);
    // Unset with no default: null, not an empty string.
    assert_eq!(j["services"]["web"]["environment"]["SECRET"], Value::Null);
    // Lists of names.
    let services = compose(&home, "My.App", &["config", "--services"], &[]);
    assert_eq!(services.ok(), "db\nweb\n");
    let volumes = compose(&home, "My.App", &["config", "--volumes"], &[]);
    assert_eq!(volumes.ok(), "dbdata\n");
    let quiet = compose(&home, "My.App", &["config", "-q"], &[]);
    assert_eq!(quiet.ok(), "");
}

#[test]
fn several_files_merge_by_compose_rules() {
    let home = Home::new();
    home.write(
        "p/base.yml",
        "services:\n  web:\n    image: app:1\n    command: [serve, --slow]\n    ports: ['80:80']\n    environment: {A: '1', B: '2'}\n    dns: 1.1.1.1\n  old:\n    image: old\n",
    );
    home.write(
        "p/override.yml",
        "services:\n  web:\n    image: app:2\n    command: [serve]\n    ports: ['443:443']\n    environment: [B=3, C=4]\n    dns: [8.8.8.8]\n  old: !reset\n",
    );
    let j = config_json(&home, "p", &["-f", "base.yml", "-f", "override.yml"], &[]);
    let web = &j["services"]["web"];
    assert_eq!(web["image"], "app:2");
    assert_eq!(web["command"], serde_json::json!(["serve"]));
    assert_eq!(web["ports"].as_array().unwrap().len(), 2);
    assert_eq!(
        web["environment"],
        serde_json::json!({"A": "1", "B": "3", "C": "4"})
    );
    assert_eq!(web["dns"], serde_json::json!(["1.1.1.1", "8.8.8.8"]));
    assert!(j["services"].get("old").is_none(), "{j}");
    assert_eq!(j["name"], "p");
}

#[test]
fn variables_come_from_the_environment_then_dot_env() {
    let home = Home::new();
    home.write(
        "v/compose.yaml",
        "name: ${NAME}\nservices:\n  s:\n    image: busybox:${TAG:-latest}\n    environment:\n      COST: $$5\n      WHO: ${WHO}\n    labels:\n      - extra=${EXTRA}\n",
    );
    home.write("v/.env", "NAME=From-Dot-Env\nTAG=1.36\nWHO=dotenv\n");
    home.write("v/other.env", "NAME=other\nWHO=other\n");
    let j = config_json(&home, "v", &[], &[("WHO", "shell")]);
    assert_eq!(j["name"], "from-dot-env");
    assert_eq!(j["services"]["s"]["image"], "busybox:1.36");
    assert_eq!(j["services"]["s"]["environment"]["WHO"], "shell");
    assert_eq!(j["services"]["s"]["environment"]["COST"], "$5");
    // In YAML a $ is doubled, so that the output reads back the same.
    let yaml = compose(&home, "v", &["config"], &[]);
    assert!(yaml.ok().contains("COST: $$5"), "{}", yaml.stdout);
    // --env-file instead of .env.
    let j = config_json(&home, "v", &["--env-file", "other.env"], &[]);
    assert_eq!(j["name"], "other");
    assert_eq!(j["services"]["s"]["image"], "busybox:latest");
    // Unset with no default: a warning, and blank.
    let out = compose(
        &home,
        "v",
        &["--env-file", "other.env", "config", "-q"],
        &[],
    );
    out.ok();
    assert_eq!(j["services"]["s"]["labels"]["extra"], "");
    assert!(
        out.stderr
            .contains("The \"EXTRA\" variable is not set. Defaulting to a blank string."),
        "{}",
        out.stderr
    );
    // -p wins, and must be a valid name.
    let j = config_json(&home, "v", &["-p", "given"], &[]);
    assert_eq!(j["name"], "given");
    compose(&home, "v", &["-p", "Bad Name", "config"], &[])
        .fails(125, "invalid project name \"Bad Name\"");
    // A required variable.
    home.write(
        "r/compose.yaml",
        "services:\n  s:\n    image: ${IMAGE:?give IMAGE}\n",
    );
    compose(&home, "r", &["config"], &[]).fails(
        125,
        "compose.yaml:3: error while interpolating services.s.image: required variable IMAGE is missing a value: give IMAGE",
    );
}

#[test]
fn profiles_extends_and_files_found_from_a_subdirectory() {
    let home = Home::new();
    home.write(
        "proj/compose.yaml",
        "services:\n  web:\n    extends: {file: common/base.yml, service: tpl}\n    environment: [B=3]\n  debug:\n    image: busybox\n    profiles: [debug]\n",
    );
    home.write(
        "proj/common/base.yml",
        "services:\n  tpl:\n    build: ./ctx\n    environment: [A=1, B=2]\n    command: [a]\n",
    );
    home.write(
        "proj/compose.override.yaml",
        "services:\n  web:\n    command: [b]\n",
    );
    home.write("proj/sub/dir/.keep", "");
    let proj = home.dir.join("proj");
    let j = config_json(&home, "proj/sub/dir", &[], &[]);
    let web = &j["services"]["web"];
    assert_eq!(
        web["build"]["context"],
        format!("{}/common/ctx", proj.display())
    );
    assert_eq!(web["environment"], serde_json::json!({"A": "1", "B": "3"}));
    assert_eq!(web["command"], serde_json::json!(["b"]));
    assert!(j["services"].get("debug").is_none());
    let j = config_json(&home, "proj", &["--profile", "debug"], &[]);
    assert!(j["services"].get("debug").is_some());
    let j = config_json(&home, "proj", &[], &[("COMPOSE_PROFILES", "debug")]);
    assert!(j["services"].get("debug").is_some());
    let profiles = compose(&home, "proj", &["config", "--profiles"], &[]);
    assert_eq!(profiles.ok(), "debug\n");
}

#[test]
fn included_projects_bring_their_services_and_variables() {
    let home = Home::new();
    home.write(
        "inc/compose.yaml",
        "include:\n  - db/compose.yaml\n  - path: other.yml\n    env_file: vars.env\nservices:\n  web:\n    image: web\n    depends_on: [db]\n  db:\n    environment: [POSTGRES_PASSWORD=x]\n",
    );
    home.write(
        "inc/db/compose.yaml",
        "services:\n  db:\n    image: postgres:${PGTAG}\n    volumes: ['./data:/var/lib/postgresql/data', 'dbdata:/x']\nvolumes:\n  dbdata:\n",
    );
    home.write("inc/db/.env", "PGTAG=16\n");
    home.write(
        "inc/other.yml",
        "services:\n  cache:\n    image: redis:${RTAG}\n",
    );
    home.write("inc/vars.env", "RTAG=7\n");
    let j = config_json(&home, "inc", &[], &[]);
    let db = &j["services"]["db"];
    // Its variables from its own .env, its paths from its own directory,
    // and the including file's definition merged over it.
    assert_eq!(db["image"], "postgres:16");
    let data = home.dir.join("inc/db/data");
    assert_eq!(db["volumes"][0]["source"], data.to_str().unwrap());
    assert_eq!(db["environment"]["POSTGRES_PASSWORD"], "x");
    assert_eq!(j["services"]["cache"]["image"], "redis:7");
    assert_eq!(j["volumes"]["dbdata"]["name"], "inc_dbdata");
    // A cycle.
    home.write(
        "loop/compose.yaml",
        "include: [b.yml]\nservices:\n  a: {image: x}\n",
    );
    home.write("loop/b.yml", "include: [compose.yaml]\n");
    compose(&home, "loop", &["config"], &[]).fails(125, "include cycle detected");
    home.write("miss/compose.yaml", "include: [nope.yml]\n");
    compose(&home, "miss", &["config"], &[]).fails(125, "compose.yaml:1: include:");
}

#[test]
fn bad_files_say_which_file_line_and_key() {
    let home = Home::new();
    let cases: &[(&str, &str)] = &[
        (
            "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n",
            "dependency cycle detected: a -> b -> a",
        ),
        ("services:\n  a:\n    command: [x]\n", "compose.yaml:2: service \"a\" has neither an image nor a build context specified"),
        ("services:\n  a:\n    image: x\n    env_file: missing.env\n", "compose.yaml:4: services.a.env_file: env file"),
        ("services:\n  a:\n    image: x\n    ports: {a: 1}\n", "compose.yaml:4: services.a.ports must be a list, not a mapping"),
        ("services:\n  a:\n    image: x\n    depends_on: [zz]\n", "compose.yaml:4: service \"a\" depends on undefined service \"zz\""),
        ("services:\n  a:\n    image: x\n    ports: ['99999:80']\n", "compose.yaml:4: services.a.ports: invalid port \"99999:80\""),
        ("services:\n  a:\n    image: x\n    volumes: ['data:/d']\n", "compose.yaml:4: service \"a\" refers to undefined volume data"),
        ("services:\n  a:\n    image: x\n    image: y\n", "compose.yaml:4: key \"image\" already given on line 3"),
        ("services:\n  a:\n    image: [x\n", "compose.yaml:"),
        ("services:\n  a:\n    image: x\n    healthcheck: {test: [true]}\n", "must start either by \"CMD\", \"CMD-SHELL\" or \"NONE\""),
        ("", "empty compose file"),
    ];
    for (i, (text, error)) in cases.iter().enumerate() {
        let dir = format!("bad{i}");
        home.write(&format!("{dir}/compose.yaml"), text);
        compose(&home, &dir, &["config"], &[]).fails(125, error);
    }
    // What a hostile file tries: each refused with an error, none crashes or hangs.
    let deep_block: String = "services:\n  a:\n    image: x\n    x-d:\n      ".to_string()
        + &"- ".repeat(10_000)
        + "1\n";
    let nested_default = format!(
        "services:\n  a:\n    image: x\n    command: \"{}x{}\"\n",
        "${U:-".repeat(4000),
        "}".repeat(4000)
    );
    let mut chain = String::from("services:\n");
    for i in 0..3000 {
        chain += &format!("  s{i}:\n    extends: s{}\n", i + 1);
    }
    chain += "  s3000:\n    image: x\n";
    let hostile: &[(&str, String, &str)] = &[
        ("deep", deep_block, "nested more than 200 deep"),
        ("nested", nested_default, "nested more than 32 deep"),
        ("chain", chain, "extends chains longer than 64"),
        ("name", "services:\n  ../../etc:\n    image: x\n".into(), "is not a service name"),
        ("secret", "services:\n  a:\n    image: x\nsecrets:\n  ..:\n    content: x\n".into(), "secrets: \"..\" is not a valid name"),
        ("config", "services:\n  a:\n    image: x\nconfigs:\n  ../../.bashrc:\n    content: x\n".into(), "configs: \"../../.bashrc\" is not a valid name"),
        ("target", "services:\n  a:\n    image: x\n    ports: [{target: 70000}]\n".into(), "services.a.ports.target: \"70000\" is not a port number"),
        ("mount", "services:\n  a:\n    image: x\n    volumes: [{type: bind, target: /x}]\n".into(), "a bind mount without a source"),
        ("relative", "services:\n  a:\n    image: x\n    volumes: [42]\n".into(), "is not an absolute path"),
        ("netcycle", "services:\n  a:\n    image: x\n    network_mode: service:b\n  b:\n    image: x\n    volumes_from: [a]\n".into(), "dependency cycle detected: a -> b -> a"),
    ];
    for (dir, text, error) in hostile {
        home.write(&format!("{dir}/compose.yaml"), text);
        compose(&home, dir, &["config"], &[]).fails(125, error);
    }
    // A .env whose lines double the one before; a .env that is /dev/zero;
    // an extends file that is a FIFO.
    let mut doubling = String::from("A0=xx\n");
    for i in 1..34 {
        doubling += &format!("A{i}=${{A{}}}${{A{}}}\n", i - 1, i - 1);
    }
    home.write("double/compose.yaml", "services:\n  a:\n    image: x\n");
    home.write("double/.env", &doubling);
    compose(&home, "double", &["config"], &[]).fails(125, "longer than 1 MiB");
    home.write("zero/compose.yaml", "services:\n  a:\n    image: x\n");
    std::os::unix::fs::symlink("/dev/zero", home.dir.join("zero/.env")).unwrap();
    compose(&home, "zero", &["config"], &[]).fails(125, "not a regular file");
    home.write(
        "fifo/compose.yaml",
        "services:\n  a:\n    extends: {file: pipe.yml, service: b}\n",
    );
    let fifo = home.dir.join("fifo/pipe.yml");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    compose(&home, "fifo", &["config"], &[]).fails(125, "not a regular file");
    // A byte-order mark is not part of the first key; a large port range is fine.
    home.write(
        "bom/compose.yaml",
        "\u{feff}services:\n  a:\n    image: x\n    ports: ['1-65535:1-65535']\n",
    );
    let j = config_json(&home, "bom", &[], &[]);
    assert_eq!(j["services"]["a"]["ports"].as_array().unwrap().len(), 65535);
    // An alias bomb is refused, quickly.
    let mut bomb = String::from("x-a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let p = format!("*a{}", i - 1);
        bomb += &format!("x-a{i}: &a{i} [{}]\n", [p.as_str(); 10].join(", "));
    }
    bomb += "services:\n  a:\n    image: x\n";
    home.write("bomb/compose.yaml", &bomb);
    compose(&home, "bomb", &["config"], &[]).fails(125, "aliases expand to more than");
    // Unknown keys warn and are left out.
    home.write(
        "warn/compose.yaml",
        "version: '3'\nservices:\n  a:\n    image: x\n    frobnicate: 1\n",
    );
    let out = compose(&home, "warn", &["config"], &[]);
    assert!(!out.ok().contains("frobnicate"));
    assert!(
        out.stderr
            .contains("compose.yaml:5: services.a: unknown key \"frobnicate\" ignored"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("the attribute `version` is obsolete"),
        "{}",
        out.stderr
    );
    // No file at all.
    home.write("none/.keep", "");
    compose(&home, "none", &["config"], &[]).fails(125, "no configuration file provided");
}

#[test]
fn up_ps_down_a_web_app_and_its_database() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let port = free_port();
    // db serves its data directory (a named volume); web fetches db's page by
    // the service name once db is healthy, and serves it on a published port.
    // Both images are built by compose from Dockerfiles on a local base.
    home.write(
        "shop/db/Dockerfile",
        &format!("FROM {bb}\nCOPY serve.sh /serve.sh\nCMD [\"busybox\", \"sh\", \"/serve.sh\"]\n"),
    );
    home.write(
        "shop/db/serve.sh",
        "mkdir -p /data/www && echo hello from db > /data/www/index.html\nexec busybox httpd -f -p 80 -h /data/www\n",
    );
    home.write(
        "shop/web/Containerfile.web",
        &format!("FROM {bb}\nARG PAGE=/www\nENV PAGE=$PAGE\nCOPY fetch.sh /fetch.sh\nCMD [\"busybox\", \"sh\", \"/fetch.sh\"]\n"),
    );
    home.write(
        "shop/web/fetch.sh",
        "mkdir -p $PAGE && busybox wget -qO $PAGE/index.html http://db/\nexec busybox httpd -f -p 8000 -h $PAGE\n",
    );
    let file = format!(
        r#"services:
  db:
    build: ./db
    volumes: [data:/data]
    restart: always
    stop_grace_period: 1s
    healthcheck:
      test: [CMD, busybox, wget, -qO-, http://127.0.0.1/]
      interval: 1s
      retries: 30
  web:
    build:
      context: web
      dockerfile: Containerfile.web
      args: {{PAGE: /srv/page}}
    environment: ["GREETING=${{GREETING:-hi}}"]
    depends_on:
      db: {{condition: service_healthy}}
    stop_signal: SIGKILL
    ports: ["{port}:8000"]
volumes:
  data:
"#
    );
    home.write("shop/compose.yaml", &file);
    let up = compose(&home, "shop", &["up", "-d"], &[]);
    up.ok();
    for step in [
        "Image shop-db  Built",
        "Image shop-web  Built",
        "Network shop_default  Created",
        "Volume shop_data  Created",
        "Container shop-db-1  Started",
        "Container shop-web-1  Started",
    ] {
        assert!(up.stderr.contains(step), "no {step:?} in:\n{}", up.stderr);
    }
    assert!(up.stderr.find("shop-db-1  Started") < up.stderr.find("shop-web-1  Started"));
    assert!(http_get(port).contains("hello from db"));
    // Services find each other by container name and alias too.
    let by_name = home.husk(&[
        "exec",
        "shop-web-1",
        "busybox",
        "wget",
        "-qO-",
        "http://shop-db-1/",
    ]);
    assert_eq!(by_name.ok(), "hello from db\n");
    // The build arg reached the image; the images are named PROJECT-SERVICE.
    let page = home.husk(&["exec", "shop-web-1", "busybox", "ls", "/srv/page"]);
    assert_eq!(page.ok(), "index.html\n");
    let images = home.husk(&["images", "--format", "{{.Repository}}"]);
    assert!(images.ok().contains("shop-db") && images.ok().contains("shop-web"));
    // ps: both, with their services; json has the labels.
    let ps = compose(&home, "shop", &["ps"], &[]);
    let table = ps.ok();
    assert!(
        table.contains("shop-db-1") && table.contains("shop-web-1"),
        "{table}"
    );
    let rows = compose(&home, "shop", &["ps", "--format", "json"], &[]).json();
    let services: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Service"].as_str().unwrap())
        .collect();
    assert_eq!(services, ["db", "web"]);
    assert_eq!(rows[0]["Labels"]["com.docker.compose.project"], "shop");
    // up again with nothing changed: the same containers; a changed service is made again.
    let ids = compose(&home, "shop", &["ps", "-q"], &[]).ok().to_string();
    let again = compose(&home, "shop", &["up", "-d"], &[]);
    assert!(again.ok().is_empty());
    assert!(!again.stderr.contains("Building"), "{}", again.stderr);
    assert!(
        again.stderr.contains("shop-web-1  Running"),
        "{}",
        again.stderr
    );
    assert_eq!(compose(&home, "shop", &["ps", "-q"], &[]).ok(), ids);
    let changed = compose(&home, "shop", &["up", "-d"], &[("GREETING", "hello")]);
    changed.ok();
    assert!(
        changed.stderr.contains("shop-web-1  Recreate"),
        "{}",
        changed.stderr
    );
    assert!(
        changed.stderr.contains("shop-db-1  Running"),
        "{}",
        changed.stderr
    );
    // A database killed behind husk's back comes back by its restart policy.
    let pid_of = || -> String {
        home.husk(&["inspect", "-f", "{{.State.Pid}}", "shop-db-1"])
            .ok()
            .trim()
            .to_string()
    };
    let first = pid_of();
    assert!(std::process::Command::new("kill")
        .args(["-KILL", &first])
        .status()
        .unwrap()
        .success());
    let mut back = String::new();
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        back = pid_of();
        if back != first && back != "0" {
            break;
        }
    }
    assert!(back != first && back != "0", "db not restarted: {back}");
    // Data written to the volume survives down and up.
    home.husk(&[
        "exec",
        "shop-db-1",
        "busybox",
        "sh",
        "-c",
        "echo kept > /data/www/kept.html",
    ])
    .ok();
    let down = compose(&home, "shop", &["down"], &[]);
    down.ok();
    assert!(
        down.stderr.contains("shop-web-1  Removed")
            && down.stderr.contains("Network shop_default  Removed"),
        "{}",
        down.stderr
    );
    assert_eq!(compose(&home, "shop", &["ps", "-a", "-q"], &[]).ok(), "");
    assert!(home
        .husk(&["volume", "ls", "-q"])
        .ok()
        .contains("shop_data"));
    compose(&home, "shop", &["up", "-d"], &[("GREETING", "hello")]).ok();
    let kept = home.husk(&["exec", "shop-db-1", "busybox", "cat", "/data/www/kept.html"]);
    assert_eq!(kept.ok(), "kept\n");
    // compose build: again, on demand; the files' args give way to --build-arg.
    let rebuilt = compose(
        &home,
        "shop",
        &["build", "--build-arg", "PAGE=/other", "web"],
        &[],
    );
    rebuilt.ok();
    assert!(
        rebuilt.stderr.contains("Image shop-web  Built") && !rebuilt.stderr.contains("shop-db"),
        "{}",
        rebuilt.stderr
    );
    let env = home.husk(&["image", "inspect", "-f", "{{.Config.Env}}", "shop-web"]);
    assert!(env.ok().contains("PAGE=/other"), "{}", env.ok());
    // down --rmi local: the images built for the project go with it.
    compose(&home, "shop", &["down", "--rmi", "local"], &[]).ok();
    let images = home.husk(&["images", "--format", "{{.Repository}}"]);
    assert!(!images.ok().contains("shop-"), "{}", images.ok());
    compose(&home, "shop", &["up", "-d", "--no-build", "db"], &[]).fails(125, "shop-db");
    compose(&home, "shop", &["up", "-d", "db"], &[]).ok();
    // down -v: the volume goes too; down without the files, by -p.
    home.write("elsewhere/.keep", "");
    compose(&home, "elsewhere", &["-p", "shop", "down", "-v"], &[]).ok();
    assert!(!home
        .husk(&["volume", "ls", "-q"])
        .ok()
        .contains("shop_data"));
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
    // --scale: three containers of a service, then one.
    home.write(
        "many/compose.yaml",
        &format!("services:\n  w:\n    image: {bb}\n    command: [sleep, '600']\n    stop_signal: SIGKILL\n"),
    );
    compose(&home, "many", &["up", "-d", "--scale", "w=3"], &[]).ok();
    let names = compose(&home, "many", &["ps", "--format", "json"], &[]).json();
    let names: Vec<&str> = names
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["many-w-1", "many-w-2", "many-w-3"]);
    let down_to_one = compose(&home, "many", &["up", "-d", "--scale", "w=1"], &[]);
    down_to_one.ok();
    assert!(
        down_to_one.stderr.contains("many-w-3  Removed"),
        "{}",
        down_to_one.stderr
    );
    assert_eq!(
        compose(&home, "many", &["ps", "--services"], &[]).ok(),
        "w\n"
    );
    assert_eq!(
        compose(&home, "many", &["ps", "-q"], &[])
            .ok()
            .lines()
            .count(),
        1
    );
    compose(&home, "many", &["down"], &[]).ok();
}

#[test]
fn commands_on_a_running_projects_services() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let port = free_port();
    // worker shares app's network namespace (network_mode: service:app), so
    // its server is reached through app's published port; it reads a secret
    // from a variable and a config from the file's own text.
    let file = format!(
        r#"services:
  app:
    image: {bb}
    command: [busybox, sh, -c, "trap 'echo bye; exit 0' TERM; echo started; while true; do echo tick; sleep 1; done"]
    ports: ["{port}:8081"]
    secrets: [token]
    labels: {{com.docker.compose.project: elsewhere, tier: front}}
  worker:
    image: {bb}
    network_mode: service:app
    command: [busybox, sh, -c, "mkdir -p /w && cat /etc/cfg.txt > /w/index.html && exec busybox httpd -f -p 8081 -h /w"]
    configs:
      - source: cfg
        target: /etc/cfg.txt
    stop_signal: SIGKILL
    logging:
      driver: json-file
      options: {{max-size: 1m}}
secrets:
  token:
    environment: TOKEN
configs:
  cfg:
    content: hello from the config
"#
    );
    home.write("ops/compose.yaml", &file);
    let up = compose(&home, "ops", &["up", "-d"], &[("TOKEN", "s3cret")]);
    up.ok();
    let mut page = String::new();
    for _ in 0..50 {
        page = http_get(port);
        if page.contains("hello") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(page.contains("hello from the config"), "{page}");
    let exec = |args: &[&str]| {
        let mut all = vec!["exec", "-T"];
        all.extend_from_slice(args);
        compose(&home, "ops", &all, &[])
    };
    assert_eq!(exec(&["app", "cat", "/run/secrets/token"]).ok(), "s3cret");
    exec(&["app", "sh", "-c", "exit 3"]).fails(3, "");
    exec(&["nope", "true"]).fails(125, "no such service: nope");
    // port: where app's 8081 is published.
    let published = compose(&home, "ops", &["port", "app", "8081"], &[]);
    assert_eq!(published.ok().trim(), format!("0.0.0.0:{port}"));
    // logs: prefixed by service and number, or bare.
    let logs = compose(&home, "ops", &["logs", "app"], &[]);
    assert!(logs.ok().contains("app-1  | started"), "{}", logs.ok());
    let bare = compose(
        &home,
        "ops",
        &["logs", "--no-log-prefix", "--tail", "1", "app"],
        &[],
    );
    assert_eq!(bare.ok(), "tick\n");
    let top = compose(&home, "ops", &["top", "app"], &[]);
    assert!(
        top.ok().contains("ops-app-1") && top.ok().contains("sh"),
        "{}",
        top.ok()
    );
    // run: a one-off container of the service, its exit code ours; --rm removes it.
    let once = compose(
        &home,
        "ops",
        &["run", "--rm", "-T", "app", "echo", "one-off"],
        &[("TOKEN", "s3cret")],
    );
    assert_eq!(once.ok(), "one-off\n");
    compose(
        &home,
        "ops",
        &[
            "run",
            "--rm",
            "-T",
            "--no-deps",
            "app",
            "sh",
            "-c",
            "exit 4",
        ],
        &[("TOKEN", "s3cret")],
    )
    .fails(4, "");
    assert_eq!(
        compose(&home, "ops", &["ps", "-a", "-q"], &[])
            .ok()
            .lines()
            .count(),
        2
    );
    // events: what the project's containers go through, by service.
    let mut events = home.cmd(&["compose", "events", "--json"]);
    events
        .current_dir(home.dir.join("ops"))
        .stdout(std::process::Stdio::piped());
    let events = events.spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    // pause/unpause, stop/start, kill, restart, rm: by service.
    compose(&home, "ops", &["pause", "app"], &[]).ok();
    let status = |svc: &str| -> String {
        let rows = compose(&home, "ops", &["ps", "-a", "--format", "json", svc], &[]).json();
        rows[0]["State"].as_str().unwrap_or("").to_string()
    };
    assert_eq!(status("app"), "paused");
    compose(&home, "ops", &["unpause"], &[]).ok();
    assert_eq!(status("app"), "running");
    compose(&home, "ops", &["stop", "worker"], &[]).ok();
    assert_eq!(status("worker"), "exited");
    assert_eq!(status("app"), "running");
    compose(&home, "ops", &["start"], &[]).ok();
    assert_eq!(status("worker"), "running");
    compose(&home, "ops", &["kill", "worker"], &[]).ok();
    assert_eq!(status("worker"), "exited");
    compose(&home, "ops", &["restart", "-t", "5", "app"], &[]).ok();
    assert_eq!(status("app"), "running");
    let again = compose(&home, "ops", &["logs", "--no-log-prefix", "app"], &[]);
    assert!(
        again.ok().contains("bye\n"),
        "app was not stopped by its signal: {}",
        again.ok()
    );
    compose(&home, "ops", &["rm", "-f", "worker"], &[]).ok();
    assert_eq!(
        compose(&home, "ops", &["ps", "-a", "--services"], &[]).ok(),
        "app\n"
    );
    let mut events = events;
    std::thread::sleep(std::time::Duration::from_millis(500));
    events.kill().unwrap();
    let out = events.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for (service, action) in [("app", "pause"), ("worker", "stop"), ("worker", "destroy")] {
        assert!(
            text.lines().any(|l| {
                let v: Value = serde_json::from_str(l).unwrap();
                v["service"] == service && v["Action"] == action
            }),
            "no {action} of {service} in:\n{text}"
        );
    }
    // ls: the project, running; images: what its containers run.
    // The file's labels are kept, but cannot move a container out of its project.
    let rows = compose(&home, "ops", &["ps", "--format", "json"], &[]).json();
    assert_eq!(rows[0]["Labels"]["com.docker.compose.project"], "ops");
    assert_eq!(rows[0]["Labels"]["tier"], "front");
    let ls = compose(&home, "ops", &["ls", "--format", "json"], &[]).json();
    assert_eq!(ls[0]["Name"], "ops");
    assert_eq!(ls[0]["Status"], "running(1)");
    let images = compose(&home, "ops", &["images", "--format", "json"], &[]).json();
    assert_eq!(images[0]["ContainerName"], "ops-app-1");
    assert_eq!(images[0]["Service"], "app");
    // A variable a secret needs, missing: a clear error before anything is made.
    compose(&home, "ops", &["down"], &[]).ok();
    compose(&home, "ops", &["up", "-d"], &[]).fails(125, "the variable TOKEN is not set");
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
    // A published port another process holds: up fails and says which.
    let held = std::net::TcpListener::bind(("0.0.0.0", port)).unwrap();
    let taken = compose(&home, "ops", &["up", "-d"], &[("TOKEN", "x")]);
    taken.fails(125, &port.to_string());
    drop(held);
    compose(&home, "ops", &["down"], &[]).ok();
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
}

#[test]
fn up_attached_shows_every_service_and_stops_them_at_the_end() {
    let home = Home::new();
    let bb = image("busybox:latest");
    // b ends with 3: --exit-code-from b stops a and exits with b's code.
    let file = format!(
        r#"services:
  a:
    image: {bb}
    command: [busybox, sh, -c, "trap 'echo a stops; exit 0' TERM; echo from a; while true; do sleep 0.2; done"]
  b:
    image: {bb}
    command: [busybox, sh, -c, "sleep 1; echo from b; exit 3"]
  c:
    image: {bb}
    command: [sleep, "600"]
    stop_signal: SIGKILL
    logging: {{driver: none}}
"#
    );
    home.write("att/compose.yaml", &file);
    // --abort-on-container-exit: the first to exit stops the rest, its code is ours.
    let up = compose(&home, "att", &["up", "--abort-on-container-exit"], &[]);
    up.fails(3, "");
    assert!(
        up.stdout.contains("c-1 exited with code 137"),
        "{}",
        up.stdout
    );
    let up = compose(&home, "att", &["up", "--exit-code-from", "b"], &[]);
    up.fails(3, "");
    for line in [
        "a-1  | from a",
        "b-1  | from b",
        "b-1 exited with code 3",
        "a-1  | a stops",
    ] {
        assert!(up.stdout.contains(line), "no {line:?} in:\n{}", up.stdout);
    }
    let states = compose(&home, "att", &["ps", "-a", "--format", "json"], &[]).json();
    assert!(
        states
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["State"] == "exited"),
        "{states}"
    );
    // Ctrl-C: the project is stopped gracefully, the exit code is 130.
    let mut child = home.cmd(&["compose", "up", "a"]);
    child
        .current_dir(home.dir.join("att"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = child.spawn().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("from a") {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut stdout, &mut line).unwrap() == 0 {
            break;
        }
        seen += &line;
    }
    assert!(seen.contains("a-1  | from a"), "{seen}");
    let pid = child.id().to_string();
    assert!(std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap()
        .success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{rest}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Gracefully stopping"), "{stderr}");
    assert!(rest.contains("a-1  | a stops"), "{rest}");
    let states = compose(&home, "att", &["ps", "-a", "--format", "json", "a"], &[]).json();
    assert_eq!(states[0]["State"], "exited");
    compose(&home, "att", &["down"], &[]).ok();
}

#[test]
fn down_finds_what_a_killed_up_left() {
    let home = Home::new();
    let bb = image("busybox:latest");
    // first never turns healthy: up waits for it, and is killed meanwhile.
    let file = format!(
        r#"services:
  first:
    image: {bb}
    command: [sleep, "600"]
    stop_signal: SIGKILL
    healthcheck: {{test: [CMD, "false"], interval: 1s, retries: 1000}}
  second:
    image: {bb}
    depends_on: {{first: {{condition: service_healthy}}}}
volumes:
  kept:
"#
    );
    home.write("half/compose.yaml", &file);
    let mut up = home.cmd(&["compose", "up", "-d"]);
    up.current_dir(home.dir.join("half"))
        .stderr(std::process::Stdio::piped());
    let mut up = up.spawn().unwrap();
    let mut err = std::io::BufReader::new(up.stderr.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("Waiting") {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut err, &mut line).unwrap() == 0 {
            break;
        }
        seen += &line;
    }
    assert!(seen.contains("half-first-1  Waiting"), "{seen}");
    up.kill().unwrap();
    up.wait().unwrap();
    // A -p that is no project name is refused, not used as a path.
    compose(&home, "half", &["-p", "..", "down"], &[]).fails(125, "invalid project name");
    assert!(home.store().exists());
    assert_eq!(home.husk(&["ps", "-q"]).ok().lines().count(), 1);
    let down = compose(&home, "half", &["down", "-v"], &[]);
    down.ok();
    assert!(
        down.stderr.contains("half-first-1  Removed"),
        "{}",
        down.stderr
    );
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
    let nets = home.husk(&["network", "ls", "--format", "{{.Name}}"]);
    assert!(!nets.ok().contains("half_default"), "{}", nets.ok());
    let vols = home.husk(&["volume", "ls", "-q"]);
    assert!(!vols.ok().contains("half_kept"), "{}", vols.ok());
    // up --wait: fails when a container turns unhealthy; returns once all run.
    home.write(
        "sick/compose.yaml",
        &format!(
            "services:\n  s:\n    image: {bb}\n    command: [sleep, '600']\n    stop_signal: SIGKILL\n    healthcheck: {{test: [CMD, 'false'], interval: 1s, retries: 1}}\n  w:\n    image: {bb}\n    command: [sleep, '600']\n    stop_signal: SIGKILL\n"
        ),
    );
    compose(&home, "sick", &["up", "--wait", "s"], &[]).fails(125, "the container is unhealthy");
    // A dependency that turns unhealthy stops up, saying which.
    home.write(
        "sick2/compose.yaml",
        &format!(
            "services:\n  s:\n    image: {bb}\n    command: [sleep, '600']\n    stop_signal: SIGKILL\n    healthcheck: {{test: [CMD, 'false'], interval: 1s, retries: 1}}\n  w:\n    image: {bb}\n    depends_on: {{s: {{condition: service_healthy}}}}\n"
        ),
    );
    compose(&home, "sick2", &["up", "-d"], &[]).fails(
        125,
        "dependency s of the project: the container is unhealthy",
    );
    compose(&home, "sick2", &["down"], &[]).ok();
    let ready = compose(&home, "sick", &["up", "--wait", "w"], &[]);
    ready.ok();
    assert!(
        ready.stderr.contains("sick-w-1  Healthy"),
        "{}",
        ready.stderr
    );
    compose(&home, "sick", &["down"], &[]).ok();
}

#[test]
fn images_built_pushed_and_pulled_by_service() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let app = image(&format!("compose-{}/app:1", std::process::id()));
    home.write(
        "reg/app/Dockerfile",
        &format!("FROM {bb}\nRUN echo built > /built\n"),
    );
    home.write(
        "reg/compose.yaml",
        &format!(
            "services:\n  app:\n    image: {app}\n    build: app\n    command: [cat, /built]\n  base:\n    image: {bb}\n    command: ['true']\n"
        ),
    );
    // pull: the plain image comes; the one built here is not in the registry yet.
    let pulled = compose(&home, "reg", &["pull"], &[]);
    pulled.ok();
    assert!(
        pulled.stderr.contains(&format!("Image {app}  not pulled")),
        "{}",
        pulled.stderr
    );
    compose(
        &home,
        "reg",
        &["pull", "-q", "--ignore-buildable", "app"],
        &[],
    )
    .ok();
    compose(&home, "reg", &["build", "-q"], &[]).ok();
    let pushed = compose(&home, "reg", &["push"], &[]);
    pushed.ok();
    assert!(
        pushed.stderr.contains(&format!("Image {app}  Pushed")),
        "{}",
        pushed.stderr
    );
    // Gone from the store, pulled back from the registry by the service's name.
    home.husk(&["rmi", &app]).ok();
    compose(&home, "reg", &["pull", "-q", "app"], &[]).ok();
    let up = compose(&home, "reg", &["up", "--no-build", "app"], &[]);
    assert!(up.ok().contains("app-1  | built"), "{}", up.stdout);
    compose(&home, "reg", &["push", "nope"], &[]).fails(125, "no such service: nope");
    compose(&home, "reg", &["down", "--rmi", "all"], &[]).ok();
    let left = home.husk(&["images", "-q"]);
    assert_eq!(left.ok(), "", "down --rmi all left images");
}

#[test]
fn a_project_for_a_user_without_subuids() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids (the tests run unprivileged)");
        return;
    };
    let bb = image("busybox:latest");
    home.write(
        "one/app/Dockerfile",
        &format!("FROM {bb}\nRUN echo from the build > /msg\n"),
    );
    home.write(
        "one/compose.yaml",
        &format!(
            "services:\n  app:\n    build: app\n    command: [sleep, '600']\n    stop_signal: SIGKILL\n    volumes: [data:/data]\n  peer:\n    image: {bb}\n    command: [busybox, httpd, -f, -p, '80', -h, /]\n    stop_signal: SIGKILL\nvolumes:\n  data:\n"
        ),
    );
    compose(&home, "one", &["up", "-d"], &[]).ok();
    let msg = compose(&home, "one", &["exec", "-T", "app", "cat", "/msg"], &[]);
    assert_eq!(msg.ok(), "from the build\n");
    let peer = compose(
        &home,
        "one",
        &[
            "exec",
            "-T",
            "app",
            "busybox",
            "wget",
            "-qO",
            "/dev/null",
            "http://peer/bin/busybox",
        ],
        &[],
    );
    peer.ok();
    compose(
        &home,
        "one",
        &["exec", "-T", "app", "touch", "/data/kept"],
        &[],
    )
    .ok();
    compose(&home, "one", &["down"], &[]).ok();
    compose(&home, "one", &["up", "-d", "app"], &[]).ok();
    compose(
        &home,
        "one",
        &["exec", "-T", "app", "ls", "/data/kept"],
        &[],
    )
    .ok();
    compose(&home, "one", &["down", "-v", "--rmi", "local"], &[]).ok();
    assert_eq!(home.husk(&["ps", "-a", "-q"]).ok(), "");
}

#[test]
fn up_with_two_files_a_profile_an_env_file_and_recreation() {
    let home = Home::new();
    let bb = image("busybox:latest");
    let svc = |cmd: &str| {
        format!(
            "    image: {bb}\n    command: [busybox, sh, -c, '{cmd}']\n    stop_signal: SIGKILL\n"
        )
    };
    home.write(
        "p/a.yml",
        &format!(
            "services:\n  db:\n{}  web:\n{}    depends_on: [db]\n    networks: {{default: {{ipv4_address: 10.123.45.50}}}}\n  debug:\n{}    profiles: [debug]\nnetworks:\n  default:\n    ipam: {{config: [{{subnet: 10.123.45.0/24}}]}}\n",
            svc("sleep 600"),
            svc("echo $$MODE; sleep 600"),
            svc("sleep 600")
        ),
    );
    home.write(
        "p/override.yml",
        "services:\n  web:\n    environment:\n      - MODE=${MODE:-plain}\n",
    );
    home.write("p/.env.prod", "MODE=production\n");
    let files = ["-f", "a.yml", "-f", "override.yml", "-p", "myproj"];
    let with = |extra: &[&str]| -> Vec<String> {
        files.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let run = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        compose(&home, "p", &args, &[])
    };
    run(with(&[
        "--env-file",
        ".env.prod",
        "--profile",
        "debug",
        "up",
        "-d",
    ]))
    .ok();
    let names = run(with(&["ps", "--services"]));
    let mut names: Vec<&str> = names.ok().lines().collect();
    names.sort_unstable();
    assert_eq!(names, ["db", "debug", "web"]);
    let logs = run(with(&["logs", "--no-log-prefix", "web"]));
    assert_eq!(logs.ok(), "production\n");
    // The network's subnet and the service's fixed address.
    let addr = run(with(&["exec", "-T", "web", "busybox", "ip", "-4", "addr"]));
    assert!(addr.ok().contains("inet 10.123.45.50/24"), "{}", addr.ok());
    // --force-recreate --no-deps web: web is made again, db is left alone.
    let ids = |svc: &str| run(with(&["ps", "-q", svc])).ok().to_string();
    let (db, web) = (ids("db"), ids("web"));
    let again = run(with(&[
        "--env-file",
        ".env.prod",
        "up",
        "-d",
        "--force-recreate",
        "--no-deps",
        "web",
    ]));
    again.ok();
    assert!(
        again.stderr.contains("myproj-web-1  Recreate"),
        "{}",
        again.stderr
    );
    assert!(!again.stderr.contains("myproj-db-1"), "{}", again.stderr);
    assert_eq!(ids("db"), db);
    assert_ne!(ids("web"), web);
    // Without the profile, debug's container is the profile's, not an orphan;
    // a service gone from the files is one, removed with --remove-orphans.
    home.write(
        "p/a.yml",
        &format!(
            "services:\n  db:\n{}  web:\n{}    depends_on: [db]\n",
            svc("sleep 600"),
            svc("echo $$MODE; sleep 600")
        ),
    );
    let orphan = run(with(&["--env-file", ".env.prod", "up", "-d"]));
    assert!(orphan.ok().is_empty());
    assert!(
        orphan.stderr.contains("myproj-debug-1  Orphan"),
        "{}",
        orphan.stderr
    );
    let removed = run(with(&[
        "--env-file",
        ".env.prod",
        "up",
        "-d",
        "--remove-orphans",
    ]));
    removed.ok();
    assert!(
        removed.stderr.contains("myproj-debug-1  Removed"),
        "{}",
        removed.stderr
    );
    assert_eq!(run(with(&["ps", "--services"])).ok(), "db\nweb\n");
    run(with(&["down"])).ok();
    let version = compose(&home, "p", &["version", "--short"], &[]);
    assert_eq!(version.ok().trim(), env!("CARGO_PKG_VERSION"));
}
