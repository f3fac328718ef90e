//! Kubernetes YAML as a user meets it (podman's `kube generate`, `kube
//! play`, `kube down`): generated YAML checked by an independent schema
//! validator (kubernetes-validate, strict) and played back to the same
//! workload; hand-written YAML with a Deployment, a Service, ConfigMaps, a
//! Secret, a claim and an init container run as pods; and what is refused.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{image, Home};

fn bb() -> String {
    image("busybox:latest")
}

/// kubernetes-validate --strict on `file` (tests/run.sh installs it).
fn validate(file: &Path) {
    let tool = std::env::var("HUSK_TEST_KUBE_VALIDATE")
        .expect("HUSK_TEST_KUBE_VALIDATE: run the tests with tests/run.sh");
    let out = std::process::Command::new(tool)
        .arg("--strict")
        .arg(file)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !text.contains("ERROR"),
        "{}:\n{text}\n{}",
        file.display(),
        std::fs::read_to_string(file).unwrap()
    );
    assert!(text.contains("passed"), "{text}");
}

/// The YAML without what changes from one generation to the next.
fn stable(yaml: &str) -> String {
    yaml.lines()
        .filter(|l| !l.contains("creationTimestamp"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn names(home: &Home, args: &[&str]) -> Vec<String> {
    let out = home.husk(args);
    let mut v: Vec<String> = out.ok().lines().map(str::to_string).collect();
    v.sort();
    v
}

#[test]
fn generated_yaml_validates_and_plays_back_as_the_same_workload() {
    let home = Home::new();
    let port = common::free_port();
    home.husk(&["volume", "create", "kdata"]).ok();
    std::fs::create_dir_all(home.dir.join("share")).unwrap();
    let share = home.dir.join("share").display().to_string();
    home.husk(&[
        "create", "--name", "web", "-p", &format!("{port}:8080"), "-e", "GREETING=hi there", "-w", "/etc",
        "-v", "kdata:/data", "-v", &format!("{share}:/share:ro"), "--tmpfs", "/scratch:size=65536",
        "--cap-add", "NET_ADMIN", "--cap-drop", "CHOWN", "--read-only", "--restart", "always", "--stop-timeout", "1",
        "--health-cmd", "ls /", "--health-interval", "30s", "-u", "1000:1000", "--annotation", "example.com/tier=front",
        &bb(), "sh", "-c", "echo $GREETING > /scratch/hello; echo up-$(id -u)-$(pwd) > /scratch/index.html; exec busybox httpd -f -p 8080 -h /scratch",
    ])
    .ok();
    let pod_yaml = home.dir.join("web.yaml");
    home.husk(&[
        "kube",
        "generate",
        "-s",
        "-f",
        pod_yaml.to_str().unwrap(),
        "web",
    ])
    .ok();
    let text = std::fs::read_to_string(&pod_yaml).unwrap();
    validate(&pod_yaml);
    for want in [
        "kind: Service",
        "kind: Pod",
        "name: web-pod",
        "hostPort:",
        "value: hi there",
        "workingDir: /etc",
        "claimName: kdata",
        "readOnly: true",
        "medium: Memory",
        "- NET_ADMIN",
        "- CHOWN",
        "readOnlyRootFilesystem: true",
        "runAsUser: 1000",
        "livenessProbe:",
        "periodSeconds: 30",
        "example.com/tier: front",
        "restartPolicy: Always",
        "terminationGracePeriodSeconds: 1",
    ] {
        assert!(text.contains(want), "{want:?} is missing:\n{text}");
    }
    // The image's own command is not repeated: only the arguments given.
    assert!(
        text.contains("args:") && !text.contains("command:\n        - sh"),
        "{text}"
    );
    // The other kinds validate too: a Deployment with replicas, a claim.
    let deploy = home.husk(&[
        "kube",
        "generate",
        "--type",
        "deployment",
        "--replicas",
        "3",
        "web",
        "kdata",
    ]);
    let deploy_yaml = home.dir.join("deploy.yaml");
    std::fs::write(&deploy_yaml, deploy.ok()).unwrap();
    validate(&deploy_yaml);
    assert!(
        deploy.ok().contains("replicas: 3") && deploy.ok().contains("kind: PersistentVolumeClaim"),
        "{}",
        deploy.ok()
    );

    // Played back: the same workload runs, and generates the same YAML.
    home.husk(&["rm", "web"]).ok();
    let played = home.husk(&["kube", "play", pod_yaml.to_str().unwrap()]);
    assert!(played.ok().starts_with("Pod:\n"), "{}", played.ok());
    assert!(common::page(port, "up-").contains("up-1000-/etc"));
    let hello = home.husk(&[
        "exec",
        "web-pod-web",
        "sh",
        "-c",
        "cat /scratch/hello; ls -d /data /share",
    ]);
    assert_eq!(hello.ok(), "hi there\n/data\n/share\n");
    let again = home.husk(&["kube", "generate", "-s", "web-pod"]);
    assert_eq!(stable(again.ok()), stable(&text));

    // A pod of two containers: one Pod with both, the pod's port on the one that uses it.
    home.husk(&["kube", "down", pod_yaml.to_str().unwrap()])
        .ok();
    home.husk(&[
        "pod",
        "create",
        "--name",
        "duo",
        "-p",
        &format!("{port}:80"),
    ])
    .ok();
    for (name, cmd) in [
        (
            "front",
            "echo duo > /tmp/index.html; exec busybox httpd -f -p 80 -h /tmp",
        ),
        ("back", "exec sleep 600"),
    ] {
        home.husk(&[
            "run",
            "-d",
            "--pod",
            "duo",
            "--name",
            name,
            "--stop-timeout",
            "1",
            &bb(),
            "sh",
            "-c",
            cmd,
        ])
        .ok();
    }
    let duo = home.husk(&["kube", "generate", "duo"]);
    let duo_yaml = home.dir.join("duo.yaml");
    std::fs::write(&duo_yaml, duo.ok()).unwrap();
    validate(&duo_yaml);
    assert!(
        duo.ok().contains("name: front")
            && duo.ok().contains("name: back")
            && duo.ok().contains("terminationGracePeriodSeconds: 1")
            && !duo.ok().contains("infra"),
        "{}",
        duo.ok()
    );
    // The containers in the order they were made; the pod's port on the one whose image...
    // (busybox exposes none: the first).
    let text = duo.ok();
    assert!(text.find("name: front") < text.find("name: back"), "{text}");
    assert!(text.find("hostPort") < text.find("name: back"), "{text}");
    home.husk(&["pod", "rm", "-f", "duo"]).ok();
    home.husk(&["kube", "play", duo_yaml.to_str().unwrap()])
        .ok();
    assert!(common::page(port, "duo").contains("duo"));
    assert_eq!(
        names(
            &home,
            &["ps", "--format", "{{.Names}}", "--filter", "pod=duo"]
        )
        .len(),
        3
    );
    home.husk(&["kube", "down", duo_yaml.to_str().unwrap()])
        .ok();
    home.assert_consistent();
}

/// A Deployment of two replicas, each an init container filling an emptyDir
/// from a ConfigMap file, a web server and a side container reaching it over
/// localhost; a Service publishing it; a Secret and ConfigMap as env; a claim.
fn app_yaml(bb: &str, node_port: u16) -> String {
    format!(
        r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  greeting: hello from the configmap
  mode: fast
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  password: czNjcmV0
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: appdata
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      terminationGracePeriodSeconds: 2
      initContainers:
      - name: fill
        image: {bb}
        command: [sh, -c, "cp /etc/settings/greeting.txt /www/index.html"]
        volumeMounts:
        - {{name: www, mountPath: /www}}
        - {{name: settings, mountPath: /etc/settings, readOnly: true}}
      containers:
      - name: web
        image: {bb}
        command: [busybox, httpd, -f, -p, "8080", -h, /www]
        ports:
        - {{containerPort: 8080, name: http}}
        volumeMounts:
        - {{name: www, mountPath: /www}}
        lifecycle:
          preStop:
            exec:
              command: [sh, -c, "sleep 1"]
      - name: side
        image: {bb}
        command: [sh, -c]
        args:
        - 'echo "$GREETING/$PASSWORD/$POD/$X_mode"; while true; do busybox wget -q -O /data/$POD http://localhost:8080/index.html; sleep 1; done'
        env:
        - name: GREETING
          valueFrom:
            configMapKeyRef: {{name: settings, key: greeting}}
        - name: PASSWORD
          valueFrom:
            secretKeyRef: {{name: creds, key: password}}
        - name: POD
          valueFrom:
            fieldRef: {{fieldPath: metadata.name}}
        envFrom:
        - configMapRef: {{name: settings}}
          prefix: X_
        volumeMounts:
        - {{name: data, mountPath: /data}}
      volumes:
      - name: www
        emptyDir: {{}}
      - name: settings
        configMap:
          name: settings
          items:
          - {{key: greeting, path: greeting.txt}}
      - name: data
        persistentVolumeClaim:
          claimName: appdata
---
apiVersion: v1
kind: Service
metadata:
  name: front
spec:
  type: NodePort
  selector:
    app: app
  ports:
  - port: 80
    targetPort: http
    nodePort: {node_port}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
"#
    )
}

#[test]
fn play_runs_deployments_services_configmaps_secrets_and_claims() {
    let home = Home::new();
    let port = common::free_port();
    home.write("app/app.yaml", &app_yaml(&bb(), port));
    let yaml = home.dir.join("app/app.yaml");
    let yaml = yaml.to_str().unwrap();
    let out = home.husk(&["kube", "play", yaml]);
    // What husk does not run is named (with its line), never dropped silently.
    let line = app_yaml("x", 1)
        .lines()
        .position(|l| l.trim() == "lifecycle:")
        .unwrap()
        + 1;
    assert!(out.stderr.contains(&format!("app.yaml:{line}: Deployment app: spec.template.spec.containers[0].lifecycle is not supported by husk, ignored")), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("CronJob nightly: kind CronJob (batch/v1) is not run by husk, skipped"),
        "{}",
        out.stderr
    );
    assert_eq!(out.ok().matches("Pod:\n").count(), 2, "{}", out.ok());
    let pods = names(&home, &["pod", "ps", "--format", "{{.Name}} {{.Status}}"]);
    assert_eq!(pods, vec!["app-pod-0 Running", "app-pod-1 Running"]);
    // The init container ran (and is gone); the Service's node port reaches the server.
    assert!(common::page(port, "hello from the configmap").contains("hello from the configmap"));
    let ctrs = names(
        &home,
        &[
            "ps",
            "-a",
            "--format",
            "{{.Names}}",
            "--filter",
            "pod=app-pod-0",
        ],
    );
    assert!(
        ctrs.contains(&"app-pod-0-web".to_string()) && !ctrs.iter().any(|c| c.contains("fill")),
        "{ctrs:?}"
    );
    // ConfigMap, Secret and field values in the environment.
    let mut logs = String::new();
    for _ in 0..50 {
        logs = home.husk(&["logs", "app-pod-1-side"]).ok().to_string();
        if !logs.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(logs, "hello from the configmap/s3cret/app-pod-1/fast\n");
    // The side containers reach their pod's server over localhost, and write to the claim.
    let mut seen = String::new();
    for _ in 0..50 {
        seen = home
            .husk(&[
                "run",
                "--rm",
                "-v",
                "appdata:/d",
                &bb(),
                "sh",
                "-c",
                "cat /d/app-pod-0 /d/app-pod-1",
            ])
            .stdout;
        if seen.matches("hello").count() == 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(
        seen.matches("hello from the configmap").count(),
        2,
        "{seen}"
    );
    // Other pods on the kube network reach the Service by its name.
    let via = home.husk(&[
        "run",
        "--rm",
        "--network",
        "husk-default-kube-network",
        &bb(),
        "busybox",
        "wget",
        "-q",
        "-O",
        "-",
        "http://front:8080/index.html",
    ]);
    assert_eq!(via.ok(), "hello from the configmap");

    // Again: refused while the pods exist; --replace makes them anew.
    home.husk(&["kube", "play", yaml])
        .fails(125, "pod app-pod-0 already exists (kube play --replace");
    let before = home
        .husk(&["pod", "inspect", "--format", "{{.Id}}", "app-pod-0"])
        .ok()
        .to_string();
    home.husk(&["kube", "play", "--replace", yaml]).ok();
    let after = home
        .husk(&["pod", "inspect", "--format", "{{.Id}}", "app-pod-0"])
        .ok()
        .to_string();
    assert_ne!(before, after);
    assert!(common::page(port, "hello from the configmap").contains("hello from the configmap"));

    // Scaled down and replaced: the replicas beyond go too.
    home.write(
        "app/one.yaml",
        &app_yaml(&bb(), port).replace("replicas: 2", "replicas: 1"),
    );
    let one = home.dir.join("app/one.yaml");
    home.husk(&["kube", "play", "--replace", one.to_str().unwrap()])
        .ok();
    assert_eq!(
        names(&home, &["pod", "ps", "--format", "{{.Name}}"]),
        vec!["app-pod"]
    );
    assert!(common::page(port, "hello from the configmap").contains("hello from the configmap"));
    // Down: the pods go, whatever the replicas; the claim's volume stays (and goes with --force).
    let down = home.husk(&["kube", "down", yaml]);
    assert!(
        down.ok().starts_with("Pods stopped:\n") && down.ok().contains("Pods removed:\n"),
        "{}",
        down.ok()
    );
    assert!(home.husk(&["pod", "ps", "-q"]).ok().is_empty());
    assert!(home.husk(&["ps", "-aq"]).ok().is_empty());
    assert_eq!(home.husk(&["volume", "ls", "-q"]).ok(), "appdata\n");
    // --start=false: made, not started.
    home.husk(&["kube", "play", "--start=false", yaml]).ok();
    assert_eq!(
        names(&home, &["pod", "ps", "--format", "{{.Status}}"]),
        vec!["Created", "Created"]
    );
    let down = home.husk(&["kube", "play", "--down", "--force", yaml]);
    assert!(
        down.ok().contains("Volumes removed:\nappdata\n"),
        "{}",
        down.ok()
    );
    assert!(home.husk(&["volume", "ls", "-q"]).ok().is_empty());
    home.assert_consistent();
}

#[test]
fn play_builds_images_from_directories_named_after_them() {
    let home = Home::new();
    home.write(
        "proj/kbuilt/Containerfile",
        &format!("FROM {}\nRUN echo built-here > /built\n", bb()),
    );
    home.write(
        "proj/pod.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  restartPolicy: Never\n  containers:\n  - name: c\n    image: localhost/kbuilt:latest\n    command: [cat, /built]\n",
    );
    let yaml = home.dir.join("proj/pod.yaml");
    home.husk(&["kube", "play", "-q", yaml.to_str().unwrap()])
        .ok();
    home.husk(&["wait", "b-c"]).ok();
    assert_eq!(home.husk(&["logs", "b-c"]).ok(), "built-here\n");
    // --build=false: a missing image is pulled, not built (and fails here).
    home.husk(&["kube", "down", yaml.to_str().unwrap()]).ok();
    home.husk(&["rmi", "localhost/kbuilt:latest"]).ok();
    home.husk(&["kube", "play", "--build=false", yaml.to_str().unwrap()])
        .fails(125, "localhost/kbuilt");
    assert!(home.husk(&["pod", "ps", "-q"]).ok().is_empty());
}

#[test]
fn bad_yaml_is_refused_and_leaves_nothing() {
    let home = Home::new();
    let play = |name: &str, text: &str| {
        home.write(name, text);
        home.husk(&["kube", "play", home.dir.join(name).to_str().unwrap()])
    };
    let pod = |name: &str, body: &str| {
        format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\nspec:\n{body}")
    };
    // Not Kubernetes at all: a compose file.
    play("compose.yaml", "services:\n  web:\n    image: x\n").fails(
        125,
        "compose.yaml:1: not a Kubernetes object: it has no apiVersion and kind",
    );
    // Only kinds husk does not run.
    let job = play(
        "job.yaml",
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\n",
    );
    job.fails(125, "the YAML has no Pod or Deployment to run");
    assert!(
        job.stderr
            .contains("kind Job (batch/v1) is not run by husk"),
        "{}",
        job.stderr
    );
    // A Deployment of no replicas: said, and nothing made.
    let zero = play("zero.yaml", &format!("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: z\nspec:\n  replicas: 0\n  template:\n    spec:\n      containers:\n      - {{name: a, image: {}}}\n", bb()));
    zero.ok();
    assert!(
        zero.stderr
            .contains("Deployment z: replicas is 0, no pod is made"),
        "{}",
        zero.stderr
    );
    // A ConfigMap key that does not exist.
    play("key.yaml", &format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n---\n{}", pod("k", &format!("  containers:\n  - name: c\n    image: {}\n    env:\n    - name: X\n      valueFrom:\n        configMapKeyRef: {{name: cm, key: nope}}\n", bb()))))
        .fails(125, "Pod/k (pod k): container c: env X: ConfigMap \"cm\" has no key \"nope\"");
    play("nocm.yaml", &pod("k", &format!("  containers:\n  - name: c\n    image: {}\n    envFrom:\n    - configMapRef: {{name: absent}}\n", bb())))
        .fails(125, "no ConfigMap named \"absent\"");
    // A host port published twice.
    let port = common::free_port();
    let web = |n: &str| {
        pod(n, &format!("  containers:\n  - name: c\n    image: {}\n    ports:\n    - {{containerPort: 80, hostPort: {port}}}\n", bb()))
    };
    play("twice.yaml", &format!("{}---\n{}", web("one"), web("two"))).fails(
        125,
        &format!("host port {port}/tcp is published twice: by pod one and by pod two"),
    );
    // A container that cannot start: the pod reports it, its other members are removed.
    let broken = pod("broken", &format!("  containers:\n  - name: good\n    image: {0}\n    command: [sleep, '600']\n  - name: bad\n    image: {0}\n    command: [/no/such/program]\n", bb()));
    play("broken.yaml", &broken).fails(125, "container broken-bad");
    // Nothing of any of them is left.
    assert!(home.husk(&["pod", "ps", "-q"]).ok().is_empty());
    assert!(home.husk(&["ps", "-aq"]).ok().is_empty());
    home.assert_consistent();
}

#[test]
fn kube_play_without_subuids() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids (run tests/run.sh as root)");
        return;
    };
    let port = common::free_port();
    home.write(
        "p.yaml",
        &format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: web\n    image: {}\n    command: [sh, -c, 'echo single > /tmp/index.html; exec busybox httpd -f -p 80 -h /tmp']\n    ports:\n    - {{containerPort: 80, hostPort: {port}}}\n", bb()),
    );
    let yaml = home.dir.join("p.yaml");
    home.husk(&["kube", "play", yaml.to_str().unwrap()]).ok();
    assert!(common::page(port, "single").contains("single"));
    home.husk(&["kube", "down", yaml.to_str().unwrap()]).ok();
    assert!(home.husk(&["ps", "-aq"]).ok().is_empty());
}

#[test]
fn configmaps_and_ports_from_flags_and_podman_s_older_spellings() {
    let home = Home::new();
    let (yaml_port, flag_port) = (common::free_port(), common::free_port());
    home.write(
        "cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  index.html: from-the-flag\n",
    );
    let pod = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: flags\nspec:\n  terminationGracePeriodSeconds: 1\n  containers:\n  - name: web\n    image: {}\n    command: [busybox, httpd, -f, -p, '80', -h, /www]\n    ports:\n    - {{containerPort: 80, hostPort: {yaml_port}}}\n    volumeMounts:\n    - {{name: www, mountPath: /www}}\n  volumes:\n  - name: www\n    configMap: {{name: extra}}\n",
        bb()
    );
    let cm = home.dir.join("cm.yaml");
    // Without the file its ConfigMap is missing; with it (and the YAML on stdin,
    // through podman's older `play kube`), the page is the ConfigMap's, on the flag's port.
    home.husk_stdin(&["kube", "play", "-"], &pod)
        .fails(125, "no ConfigMap named \"extra\"");
    let publish = format!("{flag_port}:80");
    home.husk_stdin(
        &[
            "play",
            "kube",
            "--configmap",
            cm.to_str().unwrap(),
            "--publish",
            &publish,
            "-",
        ],
        &pod,
    )
    .ok();
    assert!(common::page(flag_port, "from-the-flag").contains("from-the-flag"));
    assert!(std::net::TcpStream::connect(("127.0.0.1", yaml_port)).is_err());
    // podman's older `generate kube` is the same command.
    let generated = home.husk(&["generate", "kube", "flags"]);
    assert!(
        generated.ok().contains(&format!("hostPort: {flag_port}")),
        "{}",
        generated.ok()
    );
    // kube play --down is kube down; it needs no ConfigMap.
    let down = home.husk_stdin(&["kube", "play", "--down", "-"], &pod);
    assert!(down.ok().starts_with("Pods stopped:"), "{}", down.ok());
    assert!(home.husk(&["pod", "ps", "-q"]).ok().is_empty());
}
