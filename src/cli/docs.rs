//! Man pages and shell completions, made from the CLI definitions (clap) plus
//! what clap does not know: examples, exit status, files, environment, and
//! completion of container and image names (which only a running husk knows).
//! `husk completion SHELL` prints a script; tests/docs.rs keeps `man/` and
//! `completions/` in the repository equal to what this makes.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Every man page: `husk.1`, then one per visible subcommand (`husk-run.1`, `husk-image-ls.1`, ...).
pub fn man_pages() -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    pages(&super::command(), "husk", &mut out);
    out
}

fn pages(cmd: &clap::Command, name: &str, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let cmd = cmd
        .clone()
        .name(name.to_string())
        .bin_name(name.replace('-', " "));
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = clap_mangen::Man::new(cmd.clone()).render(&mut buf);
    buf.extend(extra_sections(name).into_bytes());
    out.push((PathBuf::from(format!("{name}.1")), buf));
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        pages(sub, &format!("{name}-{}", sub.get_name()), out);
    }
}

/// EXAMPLES, EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO, in roff.
fn extra_sections(name: &str) -> String {
    let mut s = String::new();
    let sub = name.strip_prefix("husk-").unwrap_or("");
    let examples = examples(sub);
    if !examples.is_empty() {
        s += ".SH EXAMPLES\n";
        for (what, cmdline) in examples {
            let _ = write!(s, ".TP\n{}\n.B {}\n", roff(what), roff(cmdline));
        }
    }
    s += ".SH EXIT STATUS\n\
         .TP\n.B 0\nSuccess.\n\
         .TP\n.B 125\nhusk itself failed: a bad option, an image or container that cannot be found, a registry or store error.\n";
    if matches!(
        sub,
        "run"
            | "start"
            | "exec"
            | "attach"
            | "wait"
            | "container-start"
            | "container-exec"
            | "container-attach"
            | "container-wait"
    ) {
        s += ".TP\n.B 126\nThe container's command cannot be run (permission denied, not executable).\n\
             .TP\n.B 127\nThe container's command was not found.\n\
             .TP\n.B other\nThe container's own exit code (128+N when signal N ended it).\n";
    }
    if matches!(
        sub,
        "run" | "exec" | "attach" | "container-exec" | "container-attach"
    ) {
        s += ".TP\n.B 1\nWith -it: the input device is not a TTY.\n";
    }
    if matches!(sub, "rmi" | "image-rm") {
        s += ".TP\n.B 1\nAn image is not known.\n.TP\n.B 2\nAn image is in use by a container (use -f).\n";
    }
    s += ".SH ENVIRONMENT\n\
         .TP\n.B HUSK_ROOT\nThe store (as --root).\n\
         .TP\n.B HUSK_STORAGE_DRIVER\nThe storage driver (as --storage-driver).\n\
         .TP\n.B XDG_DATA_HOME, XDG_CONFIG_HOME, XDG_RUNTIME_DIR\nWhere the store, the configuration and the runtime directory are (see FILES).\n\
         .TP\n.B REGISTRY_AUTH_FILE\nCredentials file (as --authfile).\n";
    s += ".SH FILES\n\
         .TP\n.I ~/.local/share/husk\nThe store: images, layers, containers (mode 0700).\n\
         .TP\n.I $XDG_RUNTIME_DIR/husk\nPid files, locks and sockets (else /tmp/husk-run-UID).\n\
         .TP\n.I ~/.config/husk/husk.toml\nSearch and insecure registries, the storage driver, registry timeouts.\n\
         .TP\n.I ~/.config/containers/registries.conf, auth.json, certs.d/\nRead as podman reads them; also ~/.docker/config.json.\n";
    let see_also: Vec<String> = std::iter::once("husk(1)".to_string())
        .chain(related(sub).iter().map(|r| format!("husk-{r}(1)")))
        .filter(|r| r != &format!("{name}(1)"))
        .collect();
    let _ = write!(s, ".SH SEE ALSO\n{}\n", see_also.join(", "));
    s
}

/// Text safe in roff: backslashes doubled, a leading dot or quote escaped.
fn roff(text: &str) -> String {
    let t = text.replace('\\', "\\\\").replace('-', "\\-");
    if t.starts_with('.') || t.starts_with('\'') {
        format!("\\&{t}")
    } else {
        t
    }
}

fn examples(sub: &str) -> &'static [(&'static str, &'static str)] {
    match sub
        .trim_start_matches("container-")
        .trim_start_matches("image-")
    {
        "" => &[
            (
                "Run a command in a new container, then remove it:",
                "husk run --rm busybox echo hello",
            ),
            (
                "Start a service in the background and read its output:",
                "husk run -d --name web nginx; husk logs -f web",
            ),
        ],
        "build" => &[
            (
                "Build the Dockerfile (or Containerfile) of the current directory as app:1:",
                "husk build -t app:1 .",
            ),
            (
                "One stage of a multi-stage Dockerfile, with a build argument, the id to a file:",
                "husk build -f ci/Dockerfile --target runtime --build-arg V=2 --iidfile id.txt ctx/",
            ),
            (
                "A Dockerfile on stdin, no context:",
                "husk build -t x - < Dockerfile",
            ),
        ],
        "commit" => &[
            (
                "Save a container's changes as an image that runs a shell:",
                "husk commit -c 'CMD [\"sh\"]' -m 'configured' web app:snap",
            ),
        ],
        "run" => &[
            (
                "A shell in a new container, removed when it exits:",
                "husk run --rm -it debian:bookworm bash",
            ),
            (
                "A service in the background, restarted if it fails:",
                "husk run -d --name web --restart on-failure:3 nginx",
            ),
            (
                "Arguments after the image are the command's:",
                "husk run --rm --entrypoint ls busybox -l /",
            ),
            (
                "A bind mount, read-only, and an environment variable:",
                "husk run --rm -v \"$PWD\":/src:ro -e MODE=test busybox ls /src",
            ),
            (
                "Publish port 80 of the container on the host's port 8080:",
                "husk run -d --name web -p 8080:80 nginx",
            ),
            (
                "A server on the host's loopback, from a container:",
                "husk run --rm busybox wget -qO- http://host.containers.internal:8000/",
            ),
            (
                "Your own uid inside, so files written to a bind mount stay yours:",
                "husk run --rm --userns keep-id -v \"$PWD\":/src debian make -C /src",
            ),
            (
                "A map of the container's own (the image is presented through it, not copied):",
                "husk run --rm --uidmap 0:1:5000 busybox id",
            ),
        ],
        "create" => &[(
            "Create now, start later:",
            "husk create --name job busybox echo done; husk start -a job",
        )],
        "start" => &[(
            "Start a stopped container in the foreground:",
            "husk start -a job",
        )],
        "ps" | "ls" => &[
            (
                "All containers, names and status only:",
                "husk ps -a --format '{{.Names}} {{.Status}}'",
            ),
            ("Exited containers:", "husk ps -a --filter status=exited"),
        ],
        "logs" => &[("Follow the last 10 lines:", "husk logs -f -n 10 web")],
        "exec" => &[
            ("A shell in a running container:", "husk exec -it web sh"),
            (
                "A command as another user, in another directory:",
                "husk exec -u 1000 -w /tmp web id",
            ),
        ],
        "attach" => &[(
            "Attach to a container's output (and input with -i or -t):",
            "husk attach web",
        )],
        "stop" => &[(
            "Stop, waiting 30 seconds before SIGKILL:",
            "husk stop -t 30 web",
        )],
        "kill" => &[
            ("Send SIGHUP:", "husk kill -s HUP web"),
            ("A real-time signal:", "husk kill -s RTMIN+3 web"),
        ],
        "events" => &[
            (
                "Follow the starts and exits of one container:",
                "husk events -f container=web -f event=start -f event=die",
            ),
            (
                "The last hour's volume events as JSON, then exit:",
                "husk events --since 1h --stream=false -f type=volume --format json",
            ),
        ],
        "restart" => &[("Restart a container:", "husk restart web")],
        "wait" => &[(
            "Wait for a container and print its exit code:",
            "husk wait job",
        )],
        "rm" => &[
            ("Remove every container, running ones too:", "husk rm -af"),
            (
                "Remove a container and its anonymous volumes:",
                "husk rm -v web",
            ),
        ],
        "prune" => &[(
            "Remove what is not used, without asking:",
            "husk container prune -f",
        )],
        "rename" => &[("Rename a container:", "husk rename web frontend")],
        "cp" => &[
            (
                "Copy a file out of a container:",
                "husk cp web:/etc/hostname .",
            ),
            (
                "Copy a directory's contents in:",
                "husk cp ./site/. web:/srv/",
            ),
        ],
        "top" => &[("The processes of a container:", "husk top web")],
        "diff" => &[("What a container changed:", "husk diff web")],
        "pause" | "unpause" => &[("Pause, then resume:", "husk pause web; husk unpause web")],
        "port" => &[
            ("Published ports:", "husk port web"),
            (
                "Where container port 80 is published:",
                "husk port web 80/tcp",
            ),
        ],
        "network-create" => &[
            (
                "A network whose containers reach each other by name:",
                "husk network create appnet; husk run -d --name db --network appnet IMG",
            ),
            (
                "A given subnet, with no way out:",
                "husk network create --subnet 10.89.7.0/24 --internal sealed",
            ),
        ],
        "network-ls" => &[("Only the names:", "husk network ls -q")],
        "volume" | "volume-create" => &[
            (
                "A database whose data outlives its container:",
                "husk volume create dbdata; husk run -d -v dbdata:/var/lib/mysql IMG",
            ),
            (
                "A tmpfs volume of 64 MiB:",
                "husk volume create -o type=tmpfs -o o=size=64m scratch",
            ),
        ],
        "volume-ls" => &[(
            "Volumes no container uses:",
            "husk volume ls --filter dangling=true",
        )],
        "volume-rm" => &[(
            "Remove a volume and the containers that use it:",
            "husk volume rm -f dbdata",
        )],
        "pod" | "pod-create" => &[
            (
                "A web server and its sidecar, talking over localhost, the pod's port 8080 published:",
                "husk pod create --name app -p 8080:80; husk run -d --pod app nginx; husk run -d --pod app IMG",
            ),
            (
                "The pod's containers stopped and removed, with the pod:",
                "husk pod rm -f app",
            ),
        ],
        "pod-ps" => &[("Pods as JSON, with their containers:", "husk pod ps --format json")],
        "kube" | "kube-generate" | "generate-kube" => &[
            (
                "A container's workload as a Pod, with a Service for its published ports:",
                "husk kube generate -s web > web.yaml",
            ),
            (
                "A pod as a Deployment of three replicas, checked by kubectl:",
                "husk kube generate --type deployment --replicas 3 app | kubectl apply --dry-run=client -f -",
            ),
        ],
        "kube-play" | "play-kube" => &[
            ("Run the YAML's pods, making them anew if they exist:", "husk kube play --replace app.yaml"),
            (
                "With a ConfigMap from another file, and a port published over the YAML's:",
                "husk kube play --configmap cm.yaml --publish 8080:80 app.yaml",
            ),
        ],
        "kube-down" => &[(
            "Remove the YAML's pods, and its claims' volumes:",
            "husk kube down --force app.yaml",
        )],

        "system-df" => &[("Space by kind:", "husk system df")],
        "system-prune" => &[(
            "Everything unused, volumes and images with names too:",
            "husk system prune -a --volumes -f",
        )],
        "network-rm" => &[(
            "Remove a network and the containers on it:",
            "husk network rm -f appnet",
        )],
        "inspect" => &[(
            "One field:",
            "husk inspect --format '{{.State.Status}}' web",
        )],
        "generate" | "generate-systemd" => &[(
            "A unit that recreates the container on start:",
            "husk generate systemd --new --files web",
        )],
        "pull" => &[
            (
                "Pull for another platform:",
                "husk pull --platform linux/arm64 alpine",
            ),
            (
                "Pull from a private registry by digest:",
                "husk pull registry.example.com/app@sha256:...",
            ),
        ],
        "push" => &[
            (
                "Push a built image to a registry:",
                "husk push app:1 registry.example.com/team/app:1",
            ),
            (
                "zstd layers, the digest in a file:",
                "husk push --compression-format zstd --digestfile d app:1 ghcr.io/me/app:1",
            ),
        ],
        "save" => &[
            ("Two images in one docker-archive:", "husk save -o images.tar app:1 base:2"),
            ("An OCI archive, compressed:", "husk save --format oci-archive app:1 | gzip > app.tar.gz"),
        ],
        "load" => &[
            ("Load an archive:", "husk load -i images.tar"),
            ("Load from standard input:", "husk load < app.tar.gz"),
        ],
        "export" => &[("A container's files as a tar:", "husk export -o web.tar web")],
        "import" => &[(
            "An image of a root file system, with a command:",
            "husk import -c 'CMD [\"sh\"]' rootfs.tar.gz mybase:1",
        )],
        "manifest" => &[(
            "A two-platform image:",
            "husk manifest create app:1 app:amd64 app:arm64 && husk manifest push app:1 registry.example.com/app:1",
        )],
        "search" => &[
            ("Repositories of a registry:", "husk search registry.example.com/app"),
            ("A repository's tags:", "husk search --list-tags registry.example.com/team/app"),
        ],
        "images" => &[("Image ids only:", "husk images -q")],
        "tag" => &[("Another name:", "husk tag busybox mybox:1")],
        "rmi" => &[("Remove an image:", "husk rmi busybox")],
        "login" => &[(
            "Log in, reading the password from stdin:",
            "echo \"$TOKEN\" | husk login -u me --password-stdin ghcr.io",
        )],
        "logout" => &[("Forget every credential:", "husk logout -a")],
        "info" => &[("The store paths as JSON:", "husk info --format json")],
        "version" => &[("The version alone:", "husk version --format '{{.Version}}'")],
        "unshare" => &[(
            "Remove files a container wrote as another user:",
            "husk unshare rm -rf ./out/data",
        )],
        "completion" => &[(
            "Bash completion for this shell:",
            "source <(husk completion bash)",
        )],
        "system" | "system-check" => &[(
            "Check the store and repair it:",
            "husk system check --repair",
        )],
        "system-reset" => &[("Remove everything, without asking:", "husk system reset -f")],
        "system-service" => &[
            (
                "Serve the Docker API until idle, and use it with the docker CLI:",
                "husk system service & export DOCKER_HOST=unix://$XDG_RUNTIME_DIR/husk/husk.sock; docker run --rm -it busybox sh",
            ),
            (
                "Serve on another socket, never exiting:",
                "husk system service --time 0 unix:///tmp/husk-api.sock",
            ),
            (
                "Let systemd start it at the first connection (units in docs/systemd):",
                "systemctl --user enable --now husk.socket",
            ),
        ],
        _ => &[],
    }
}

fn related(sub: &str) -> &'static [&'static str] {
    match sub
        .trim_start_matches("container-")
        .trim_start_matches("image-")
    {
        "run" | "create" | "start" => &["ps", "logs", "exec", "stop", "rm"],
        "ps" | "ls" | "logs" | "top" | "inspect" => &["run", "exec"],
        "stop" | "kill" | "restart" | "wait" | "rm" | "prune" => &["run", "ps"],
        "pull" | "images" | "tag" | "rmi" | "login" | "logout" => &["pull", "images", "run"],
        _ => &["run", "ps"],
    }
}

/// Container-name and image-name completion on top of clap's static script.
pub fn completion(shell: clap_complete::Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut super::command(), "husk", &mut buf);
    let script = String::from_utf8_lossy(&buf).into_owned();
    let script = match shell {
        clap_complete::Shell::Bash => script + &bash_names(),
        clap_complete::Shell::Fish => script + &fish_names(),
        clap_complete::Shell::Zsh => zsh_names(&script),
        _ => script,
    };
    script.into_bytes()
}

/// Subcommands whose positional words are containers, and those whose are images.
const CONTAINER_COMMANDS: &str = "start stop restart kill rm logs exec attach wait top port diff pause unpause rename inspect cp";
const IMAGE_COMMANDS: &str = "run create rmi tag";

fn bash_names() -> String {
    r#"
# Container and image names (asked of husk itself), then clap's completion.
_husk_names() {
    local cur="${COMP_WORDS[COMP_CWORD]}" sub="" n=0 i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            --root|--storage-driver) ((i++)) ;;
            -*|container|image) ;;
            *) if [[ -z "$sub" ]]; then sub="${COMP_WORDS[i]}"; else ((n++)); fi ;;
        esac
    done
    if [[ "$cur" != -* ]]; then
        case " CONTAINERS " in
            *" $sub "*) if [[ $sub != exec || $n -eq 0 ]]; then
                COMPREPLY=($(compgen -W "$(husk ps -a --format '{{.Names}}' 2>/dev/null)" -- "$cur")); return; fi ;;
        esac
        case " IMAGES " in
            *" $sub "*) if [[ $n -eq 0 || $sub == rmi || $sub == tag ]]; then
                COMPREPLY=($(compgen -W "$(husk images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null)" -- "$cur")); return; fi ;;
        esac
    fi
    _husk "$@"
}
complete -F _husk_names -o nosort -o bashdefault -o default husk
"#
    .replace("CONTAINERS", CONTAINER_COMMANDS)
    .replace("IMAGES", IMAGE_COMMANDS)
}

fn fish_names() -> String {
    format!(
        r#"
# Container and image names (asked of husk itself).
function __husk_containers; husk ps -a --format '{{{{.Names}}}}' 2>/dev/null; end
function __husk_images; husk images --format '{{{{.Repository}}}}:{{{{.Tag}}}}' 2>/dev/null; end
complete -c husk -n "__fish_seen_subcommand_from {CONTAINER_COMMANDS}" -f -a "(__husk_containers)"
complete -c husk -n "__fish_seen_subcommand_from {IMAGE_COMMANDS}" -f -a "(__husk_images)"
"#
    )
}

/// zsh: clap's script completes positional words with `_default`; name them instead.
fn zsh_names(script: &str) -> String {
    let mut out = String::new();
    for line in script.lines() {
        let named = |spec: &str| line.starts_with(spec) && line.contains(":_default'");
        let line = if named("':container -- ") || named("'*::containers -- ") {
            line.replace(":_default'", ":_husk_containers'")
        } else if named("':image -- ") || named("':source -- ") {
            line.replace(":_default'", ":_husk_images'")
        } else if named("'*::names -- ") {
            line.replace(":_default'", ":_husk_containers_or_images'")
        } else {
            line.to_string()
        };
        out += &line;
        out.push('\n');
    }
    out + r#"
(( $+functions[_husk_containers] )) ||
_husk_containers() { compadd -- ${(f)"$(husk ps -a --format '{{.Names}}' 2>/dev/null)"} }
(( $+functions[_husk_images] )) ||
_husk_images() { compadd -- ${(f)"$(husk images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null)"} }
(( $+functions[_husk_containers_or_images] )) ||
_husk_containers_or_images() { _husk_containers; _husk_images }
"#
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_have_the_extra_sections() {
        let pages = man_pages();
        let run = pages
            .iter()
            .find(|(p, _)| p == &PathBuf::from("husk-run.1"))
            .unwrap();
        let text = String::from_utf8_lossy(&run.1);
        for section in [
            ".SH EXAMPLES",
            ".SH EXIT STATUS",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH SEE ALSO",
            "127",
        ] {
            assert!(text.contains(section), "{section}");
        }
        assert!(!pages
            .iter()
            .any(|(p, _)| p.to_string_lossy().contains("monitor")));
    }

    #[test]
    fn completions_know_names() {
        let bash = String::from_utf8(completion(clap_complete::Shell::Bash)).unwrap();
        assert!(
            bash.contains("husk ps -a --format '{{.Names}}'")
                && bash.contains("complete -F _husk_names")
        );
        let zsh = String::from_utf8(completion(clap_complete::Shell::Zsh)).unwrap();
        assert!(zsh.contains(":_husk_containers'") && zsh.contains(":_husk_images'"));
        let fish = String::from_utf8(completion(clap_complete::Shell::Fish)).unwrap();
        assert!(fish.contains("__husk_containers"));
        for cmd in CONTAINER_COMMANDS
            .split(' ')
            .chain(IMAGE_COMMANDS.split(' '))
        {
            assert!(fish.contains(cmd), "{cmd}");
        }
    }
}
