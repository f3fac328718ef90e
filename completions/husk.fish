# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_husk_global_optspecs
    string join \n root= storage-driver= log-level= noout out= runroot= tmpdir= events-backend= cgroup-manager= registries-conf= h/help V/version
end

function __fish_husk_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_husk_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_husk_using_subcommand
    set -l cmd (__fish_husk_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c husk -n "__fish_husk_needs_command" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_needs_command" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_needs_command" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_needs_command" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_needs_command" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_needs_command" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_needs_command" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_needs_command" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_needs_command" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_needs_command" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_needs_command" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_needs_command" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c husk -n "__fish_husk_needs_command" -f -a "create" -d 'Create a container (as run does) without starting it; prints its id'
complete -c husk -n "__fish_husk_needs_command" -f -a "start" -d 'Start created or exited containers (in the background; -a: in the foreground)'
complete -c husk -n "__fish_husk_needs_command" -f -a "ps" -d 'List containers'
complete -c husk -n "__fish_husk_needs_command" -f -a "list" -d 'List containers'
complete -c husk -n "__fish_husk_needs_command" -f -a "logs" -d 'Show a container\'s output'
complete -c husk -n "__fish_husk_needs_command" -f -a "exec" -d 'Run a command in a running container'
complete -c husk -n "__fish_husk_needs_command" -f -a "attach" -d 'Attach to a running container\'s output (and input, with -i or -t)'
complete -c husk -n "__fish_husk_needs_command" -f -a "stop" -d 'Stop containers: the stop signal, then SIGKILL after a timeout'
complete -c husk -n "__fish_husk_needs_command" -f -a "kill" -d 'Send a signal to containers (SIGKILL by default)'
complete -c husk -n "__fish_husk_needs_command" -f -a "restart" -d 'Stop containers, then start them again'
complete -c husk -n "__fish_husk_needs_command" -f -a "wait" -d 'Wait for containers to exit; prints their exit codes'
complete -c husk -n "__fish_husk_needs_command" -f -a "rm" -d 'Remove containers'
complete -c husk -n "__fish_husk_needs_command" -f -a "rename" -d 'Rename a container'
complete -c husk -n "__fish_husk_needs_command" -f -a "cp" -d 'Copy files between a container (running or not) and the host'
complete -c husk -n "__fish_husk_needs_command" -f -a "top" -d 'Show the processes of a running container (podman\'s descriptors, or ps options)'
complete -c husk -n "__fish_husk_needs_command" -f -a "port" -d 'Show a container\'s published ports (all, or those of PORT[/PROTO])'
complete -c husk -n "__fish_husk_needs_command" -f -a "diff" -d 'Show what a container changed in its file system (A added, C changed, D deleted)'
complete -c husk -n "__fish_husk_needs_command" -f -a "pause" -d 'Stop every process of containers (SIGSTOP) until unpause'
complete -c husk -n "__fish_husk_needs_command" -f -a "unpause" -d 'Let the processes of paused containers go on (SIGCONT)'
complete -c husk -n "__fish_husk_needs_command" -f -a "container" -d 'Manage containers'
complete -c husk -n "__fish_husk_needs_command" -f -a "generate" -d 'Generate files for other tools (systemd units, Kubernetes YAML)'
complete -c husk -n "__fish_husk_needs_command" -f -a "kube" -d 'Kubernetes YAML: generate it from containers and pods, play it as pods, take them down (podman\'s)'
complete -c husk -n "__fish_husk_needs_command" -f -a "play" -d 'Play Kubernetes YAML (podman\'s older spelling of kube play)'
complete -c husk -n "__fish_husk_needs_command" -f -a "healthcheck" -d 'Run a container\'s health check (podman\'s)'
complete -c husk -n "__fish_husk_needs_command" -f -a "events" -d 'Show what husk did to containers, images, volumes and networks, following new events'
complete -c husk -n "__fish_husk_needs_command" -f -a "network" -d 'Manage networks'
complete -c husk -n "__fish_husk_needs_command" -f -a "volume" -d 'Manage volumes'
complete -c husk -n "__fish_husk_needs_command" -f -a "pod" -d 'Manage pods: containers that share network, ipc and uts namespaces (podman\'s)'
complete -c husk -n "__fish_husk_needs_command" -f -a "secret" -d 'Manage secrets, given to containers with run --secret (podman\'s)'
complete -c husk -n "__fish_husk_needs_command" -f -a "manifest" -d 'Manage manifest lists (multi-platform images)'
complete -c husk -n "__fish_husk_needs_command" -f -a "compose" -d 'Run multi-container applications from compose files (docker compose\'s)'
complete -c husk -n "__fish_husk_needs_command" -f -a "unshare" -d 'Run a command in husk\'s user namespace, as its root (default: your shell)'
complete -c husk -n "__fish_husk_needs_command" -f -a "monitor" -d 'The detached monitor of a container (started by run -d and start)'
complete -c husk -n "__fish_husk_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c husk -n "__fish_husk_needs_command" -f -a "push" -d 'Push an image to a registry'
complete -c husk -n "__fish_husk_needs_command" -f -a "save" -d 'Write images to an archive (docker-archive, oci-archive) or a directory'
complete -c husk -n "__fish_husk_needs_command" -f -a "load" -d 'Read images from an archive (husk save\'s, docker save\'s, podman save\'s)'
complete -c husk -n "__fish_husk_needs_command" -f -a "export" -d 'Write a container\'s root file system as a tar'
complete -c husk -n "__fish_husk_needs_command" -f -a "search" -d 'Search registries for repositories, or list a repository\'s tags'
complete -c husk -n "__fish_husk_needs_command" -f -a "import" -d 'Make a one-layer image of a root file system tar (a file, a URL or -)'
complete -c husk -n "__fish_husk_needs_command" -f -a "images" -d 'List images'
complete -c husk -n "__fish_husk_needs_command" -f -a "history" -d 'Show the steps that made an image'
complete -c husk -n "__fish_husk_needs_command" -f -a "build" -d 'Build an image from a Dockerfile (or Containerfile)'
complete -c husk -n "__fish_husk_needs_command" -f -a "commit" -d 'Make a new image of a container\'s changes'
complete -c husk -n "__fish_husk_needs_command" -f -a "untag" -d 'Take names from an image (all of them if none is given); the image stays (podman\'s)'
complete -c husk -n "__fish_husk_needs_command" -f -a "image" -d 'Manage images'
complete -c husk -n "__fish_husk_needs_command" -f -a "inspect" -d 'Show low-level information on containers or images, as JSON'
complete -c husk -n "__fish_husk_needs_command" -f -a "tag" -d 'Give an image another name'
complete -c husk -n "__fish_husk_needs_command" -f -a "rmi" -d 'Remove images'
complete -c husk -n "__fish_husk_needs_command" -f -a "login" -d 'Log in to a registry'
complete -c husk -n "__fish_husk_needs_command" -f -a "logout" -d 'Log out of a registry'
complete -c husk -n "__fish_husk_needs_command" -f -a "version" -d 'Show the version'
complete -c husk -n "__fish_husk_needs_command" -f -a "info" -d 'Show how husk is set up: store, storage driver, id mapping, registries'
complete -c husk -n "__fish_husk_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c husk -n "__fish_husk_needs_command" -f -a "system" -d 'Manage husk itself'
complete -c husk -n "__fish_husk_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand run" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeatable; stdin needs -i)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l detach-keys -d 'Keys that detach from the container, leaving it running (with -it)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s l -l label -d 'Set a label (KEY=VALUE)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l label-file -d 'Read labels from a file of KEY=VALUE lines (-l overrides them)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l stop-timeout -d 'Seconds husk stop waits for the stop signal before SIGKILL (default 10)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l stop-signal -d 'The signal husk stop sends first (default: the image\'s StopSignal, else TERM)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l shm-size -d 'Size of /dev/shm (e.g. 256m; default 64m)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l shm-size-systemd -d 'Size of systemd mode\'s tmpfs mounts (/run, /run/lock, /tmp, /var/log/journal; podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l umask -d 'The umask of the container\'s processes (octal; default 0022)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l oom-score-adj -d 'The container\'s oom_score_adj (-1000..1000; rootless may only raise it)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l pid -d 'PID namespace: private, host (the host\'s processes; /proc is the host\'s), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l uts -d 'UTS namespace: private, host (the host\'s name), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cgroupns -d 'Cgroup namespace: host (the default here: husk makes no cgroups) or private (its own view of /proc/self/cgroup)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cgroups -d 'podman\'s cgroup mode: enabled, disabled or no-conmon are all what husk does (no cgroup of its own); split is refused' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l isolation -d 'Isolation technology: only default (docker\'s; other values are Windows\')' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l volume-driver -d 'Volume driver of -v\'s named volumes: only local (docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l preserve-fds -d 'Hand fds 3..3+N of this command on to the container\'s process (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l hostuser -d 'Add this host user\'s account (name or uid) to the container\'s /etc/passwd (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l secret -d 'Give the container a secret (husk secret create): NAME[,type=mount|env][,target=PATH|VAR][,uid=N][,gid=N][,mode=0400] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l passwd -d 'Add an /etc/passwd and /etc/group entry for a numeric -u (and --userns keep-id\'s user) the image lacks (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l passwd-entry -d 'The /etc/passwd line written for such a user: $USERNAME, $UID, $GID, $NAME and $HOME are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l group-entry -d 'The /etc/group line written for its group: $GROUPNAME, $GID and $USERLIST are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l timeout -d 'Kill the container (SIGKILL) once it has run this many seconds (podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l userns -d 'User namespace: host (husk\'s own), keep-id[:uid=N,gid=N], nomap or auto[:size=N] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l uidmap -d 'The container\'s uid map: CONTAINER_ID:HOST_ID:SIZE, HOST_ID in your user namespace (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l gidmap -d 'The container\'s gid map, as --uidmap (without it, --uidmap\'s map serves both)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l device -d 'A host device: HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-cmd -d 'Health check command: a shell command, or a JSON array ["CMD", ...]; "none" disables the image\'s' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-interval -d 'Time between health checks (e.g. 30s; "disable": only husk healthcheck run)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-retries -d 'Failures in a row that make the container unhealthy (default 3)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-start-period -d 'Time before failed checks count (default 0s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-max-log-count -d 'Checks kept in the container\'s health log (default 5; 0: all) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-max-log-size -d 'Bytes of a check\'s output kept (default 4096; 0: all, up to 1 MiB) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-log-destination -d 'Where each check\'s result goes too: local (the state only), events_logger (a health_status event) or a directory (DIR/ID-healthcheck.log) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-startup-cmd -d 'A startup check that runs first, until it passes; then the health check starts (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-startup-interval -d 'Time between startup checks (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-startup-retries -d 'Startup check failures after which the container is restarted (default 0: never)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-startup-success -d 'Startup check successes in a row it takes to pass (default 1)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l health-startup-timeout -d 'Time a startup check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s m -l memory -d 'Memory limit (e.g. 512m; rootless on cgroup v1: warned about and ignored, as podman does)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l memory-swap -d 'Memory and swap limit (-1: unlimited swap)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l memory-reservation -d 'Memory soft limit' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l memory-swappiness -d 'Swappiness (0-100)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cpus -d 'CPUs the container may use (e.g. 1.5)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cpu-period -d 'CFS period (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cpu-quota -d 'CFS quota (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l pids-limit -d 'Most processes the container may have (-1: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l blkio-weight -d 'Block IO weight (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cpuset-mems -d 'Memory nodes the container may use' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l device-read-bps -d 'Block device read rate: DEVICE:RATE (e.g. /dev/sda:1mb)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l device-write-bps -d 'Block device write rate: DEVICE:RATE' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l device-read-iops -d 'Block device reads per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l device-write-iops -d 'Block device writes per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l blkio-weight-device -d 'Block IO weight of one device: DEVICE:WEIGHT (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cpu-rt-period -d 'Real-time CPU period (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cpu-rt-runtime -d 'Real-time CPU runtime (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l kernel-memory -d 'Kernel memory limit (cgroup v1; deprecated by docker)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l log-driver -d 'Where the output goes: k8s-file (the default; json-file is taken as it), journald, none, or passthrough (husk\'s own stdio)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l log-opt -d 'Log option: max-size=SIZE (e.g. 10m): the log then keeps one older file' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cidfile -d 'Write the container id to FILE (which must not exist)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l sdnotify -d 'Who tells systemd (NOTIFY_SOCKET) the container is ready: conmon (husk\'s monitor, once it runs), container (the container itself; the socket is passed in), ignore' -r -f -a "conmon\t''
container\t''
healthy\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l name -d 'Name of the container' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s u -l user -d 'User (name or uid) and group (name or gid) to run as' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l group-add -d 'Add a supplementary group (a name in the image\'s /etc/group, or a number)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s h -l hostname -d 'Hostname of the container (not with --uts host or container:NAME: that namespace\'s name)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint ("" for none)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s v -l volume -d 'Mount a volume or host path: [NAME|/SRC:]DST[:ro|rw|U|O|nocopy|z|Z|bind] (a missing host directory is made; O: an overlay over a host directory; ro: read-only beneath too)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l tmpfs -d 'Mount a tmpfs: DST[:OPTS]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l mount -d 'Mount: type=volume[,src=NAME],dst=PATH[,readonly][,volume-nocopy], type=bind,src=PATH,dst=PATH[,readonly][,bind-propagation=private|rprivate][,bind-recursive=enabled|disabled|writable|readonly] or type=tmpfs,dst=PATH[,tmpfs-size=N][,tmpfs-mode=MODE]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l systemd -d 'Systemd mode when the command is an init (true, the default), never (false) or always: tmpfs on /run, /run/lock, /tmp, /var/log/journal, container=podman, stop signal SIGRTMIN+3 (podman\'s)' -r -f -a "true\t''
false\t''
always\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l chrootdirs -d 'A directory inside used as a chroot: it gets the container\'s /etc/hosts, hostname and resolv.conf too (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l domainname -d 'The NIS domain name of the container\'s UTS namespace (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l personality -d 'The process\'s execution domain: LINUX or LINUX32 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l pod -d 'Run in this pod (a name or id): its network, ipc and uts namespaces, its published ports (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l requires -d 'Start these containers first, each time this one starts: CTR[,CTR] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l expose -d 'Expose a port or range, PORT[-END][/tcp|udp]: -P publishes it as it does the image\'s EXPOSE' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l annotation -d 'An OCI annotation of the container\'s spec: KEY=VALUE (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l http-proxy -d 'The host\'s proxy variables too: http_proxy, https_proxy, ftp_proxy, no_proxy, in either case (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l image-volume -d 'What each VOLUME of the image gets: bind (an anonymous volume, the default), tmpfs, or ignore (podman\'s)' -r -f -a "bind\t''
anonymous\t''
tmpfs\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l read-only-tmpfs -d 'With --read-only: writable tmpfs on /run, /tmp and /var/tmp (podman\'s; =false: none)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l hosts-file -d 'What /etc/hosts starts from: a file of the host, none, or image (the image\'s /etc/hosts) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l unsetenv -d 'Leave this variable of the image (or husk\'s defaults: PATH, HOSTNAME, HOME, TERM) out (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l env-merge -d 'NAME=VALUE where ${VAR} is the value so far, e.g. PATH=/opt/bin:${PATH} (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l pidfile -d 'Write the host pid of the container\'s first process to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (husk\'s conmon) to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l health-on-failure -d 'What the monitor does when the container turns unhealthy: none, kill, restart or stop (podman\'s)' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l seccomp-policy -d 'Which seccomp profile: default (husk\'s, or --security-opt seccomp=); image is not supported (podman\'s)' -r -f -a "default\t''
image\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l network -d 'Network: bridge (the default network), a network\'s name, none, host, container:NAME or ns:PATH' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l network-alias -d 'Another name for the container on its (user-created) network' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l link -d 'Reach another container by NAME (or ALIAS) from this one: NAME[:ALIAS]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s p -l publish -d 'Publish a container\'s port on the host: [IP:][HOSTPORT:]PORT[/tcp|udp] (ranges N-M)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l sysctl -d 'Set a sysctl of the container\'s network namespace: net.KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l ip -d 'The container\'s IPv4 address on its network (one of the network\'s host addresses)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l ip6 -d 'The container\'s IPv6 address (refused: husk\'s networks are IPv4 only)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l mac-address -d 'The MAC address of the container\'s interface, e.g. 92:d0:c6:0a:29:33' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l dns -d 'A nameserver for /etc/resolv.conf (replaces the host\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l dns-search -d 'A search domain for /etc/resolv.conf (replaces the host\'s; . for none)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l dns-option -d 'An option for /etc/resolv.conf (replaces the host\'s), e.g. ndots:2' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l init-path -d 'With --init: this init binary (tini, catatonit, docker-init) as PID 1 instead of husk\'s own' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l cap-add -d 'Add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cap-drop -d 'Drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l security-opt -d 'seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted (no SELinux or AppArmor here)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core...)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cpuset-cpus -d 'CPUs the container may run on (0-3, 0,2), as its CPU affinity' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l pull -d 'Pull the image: missing (default), always, never' -r -f -a "missing\t''
always\t''
never\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l creds -d 'Credentials USER[:PASSWORD] for pulling the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c husk -n "__fish_husk_using_subcommand run" -s d -l detach -d 'Run in the background: print the container id and return'
complete -c husk -n "__fish_husk_using_subcommand run" -l rootfs -d 'IMAGE is a directory of the host to run as the root (written in place; PATH:O: under a writable layer of the container\'s) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand run" -l no-healthcheck -d 'No health check, not even the image\'s'
complete -c husk -n "__fish_husk_using_subcommand run" -l oom-kill-disable -d 'Do not kill the container\'s processes when it runs out of memory (cgroup v1)'
complete -c husk -n "__fish_husk_using_subcommand run" -l replace -d 'Remove a container of the same --name first'
complete -c husk -n "__fish_husk_using_subcommand run" -s i -l interactive -d 'Keep stdin open (attach it to the container)'
complete -c husk -n "__fish_husk_using_subcommand run" -s t -l tty -d 'Give the container a terminal'
complete -c husk -n "__fish_husk_using_subcommand run" -l env-host -d 'The host\'s environment too, under --env-file and -e (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand run" -l read-only -d 'Mount the root filesystem read-only'
complete -c husk -n "__fish_husk_using_subcommand run" -l no-hosts -d 'Do not make /etc/hosts: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand run" -l no-hostname -d 'Do not make /etc/hostname: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand run" -l unsetenv-all -d 'Leave every variable of the image and husk\'s defaults out: only -e and --env-file (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand run" -l rmi -d 'Remove the image too once the container is gone, unless another container uses it (implies --rm; podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand run" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c husk -n "__fish_husk_using_subcommand run" -l init -d 'Run a tiny init as PID 1 that forwards signals and reaps processes'
complete -c husk -n "__fish_husk_using_subcommand run" -l privileged -d 'All capabilities, no masked paths, no seccomp (still inside the user namespace)'
complete -c husk -n "__fish_husk_using_subcommand run" -s q -l quiet -d 'Do not print pull progress'
complete -c husk -n "__fish_husk_using_subcommand run" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand run" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeatable; stdin needs -i)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l detach-keys -d 'Keys that detach from the container, leaving it running (with -it)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s l -l label -d 'Set a label (KEY=VALUE)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l label-file -d 'Read labels from a file of KEY=VALUE lines (-l overrides them)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l stop-timeout -d 'Seconds husk stop waits for the stop signal before SIGKILL (default 10)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l stop-signal -d 'The signal husk stop sends first (default: the image\'s StopSignal, else TERM)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l shm-size -d 'Size of /dev/shm (e.g. 256m; default 64m)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l shm-size-systemd -d 'Size of systemd mode\'s tmpfs mounts (/run, /run/lock, /tmp, /var/log/journal; podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l umask -d 'The umask of the container\'s processes (octal; default 0022)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l oom-score-adj -d 'The container\'s oom_score_adj (-1000..1000; rootless may only raise it)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l pid -d 'PID namespace: private, host (the host\'s processes; /proc is the host\'s), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l uts -d 'UTS namespace: private, host (the host\'s name), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cgroupns -d 'Cgroup namespace: host (the default here: husk makes no cgroups) or private (its own view of /proc/self/cgroup)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cgroups -d 'podman\'s cgroup mode: enabled, disabled or no-conmon are all what husk does (no cgroup of its own); split is refused' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l isolation -d 'Isolation technology: only default (docker\'s; other values are Windows\')' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l volume-driver -d 'Volume driver of -v\'s named volumes: only local (docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l preserve-fds -d 'Hand fds 3..3+N of this command on to the container\'s process (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l hostuser -d 'Add this host user\'s account (name or uid) to the container\'s /etc/passwd (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l secret -d 'Give the container a secret (husk secret create): NAME[,type=mount|env][,target=PATH|VAR][,uid=N][,gid=N][,mode=0400] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l passwd -d 'Add an /etc/passwd and /etc/group entry for a numeric -u (and --userns keep-id\'s user) the image lacks (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l passwd-entry -d 'The /etc/passwd line written for such a user: $USERNAME, $UID, $GID, $NAME and $HOME are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l group-entry -d 'The /etc/group line written for its group: $GROUPNAME, $GID and $USERLIST are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l timeout -d 'Kill the container (SIGKILL) once it has run this many seconds (podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l userns -d 'User namespace: host (husk\'s own), keep-id[:uid=N,gid=N], nomap or auto[:size=N] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l uidmap -d 'The container\'s uid map: CONTAINER_ID:HOST_ID:SIZE, HOST_ID in your user namespace (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l gidmap -d 'The container\'s gid map, as --uidmap (without it, --uidmap\'s map serves both)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l device -d 'A host device: HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-cmd -d 'Health check command: a shell command, or a JSON array ["CMD", ...]; "none" disables the image\'s' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-interval -d 'Time between health checks (e.g. 30s; "disable": only husk healthcheck run)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-retries -d 'Failures in a row that make the container unhealthy (default 3)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-start-period -d 'Time before failed checks count (default 0s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-max-log-count -d 'Checks kept in the container\'s health log (default 5; 0: all) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-max-log-size -d 'Bytes of a check\'s output kept (default 4096; 0: all, up to 1 MiB) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-log-destination -d 'Where each check\'s result goes too: local (the state only), events_logger (a health_status event) or a directory (DIR/ID-healthcheck.log) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-startup-cmd -d 'A startup check that runs first, until it passes; then the health check starts (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-startup-interval -d 'Time between startup checks (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-startup-retries -d 'Startup check failures after which the container is restarted (default 0: never)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-startup-success -d 'Startup check successes in a row it takes to pass (default 1)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l health-startup-timeout -d 'Time a startup check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s m -l memory -d 'Memory limit (e.g. 512m; rootless on cgroup v1: warned about and ignored, as podman does)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l memory-swap -d 'Memory and swap limit (-1: unlimited swap)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l memory-reservation -d 'Memory soft limit' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l memory-swappiness -d 'Swappiness (0-100)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cpus -d 'CPUs the container may use (e.g. 1.5)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cpu-period -d 'CFS period (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cpu-quota -d 'CFS quota (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l pids-limit -d 'Most processes the container may have (-1: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l blkio-weight -d 'Block IO weight (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cpuset-mems -d 'Memory nodes the container may use' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l device-read-bps -d 'Block device read rate: DEVICE:RATE (e.g. /dev/sda:1mb)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l device-write-bps -d 'Block device write rate: DEVICE:RATE' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l device-read-iops -d 'Block device reads per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l device-write-iops -d 'Block device writes per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l blkio-weight-device -d 'Block IO weight of one device: DEVICE:WEIGHT (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cpu-rt-period -d 'Real-time CPU period (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cpu-rt-runtime -d 'Real-time CPU runtime (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l kernel-memory -d 'Kernel memory limit (cgroup v1; deprecated by docker)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l log-driver -d 'Where the output goes: k8s-file (the default; json-file is taken as it), journald, none, or passthrough (husk\'s own stdio)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l log-opt -d 'Log option: max-size=SIZE (e.g. 10m): the log then keeps one older file' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cidfile -d 'Write the container id to FILE (which must not exist)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l sdnotify -d 'Who tells systemd (NOTIFY_SOCKET) the container is ready: conmon (husk\'s monitor, once it runs), container (the container itself; the socket is passed in), ignore' -r -f -a "conmon\t''
container\t''
healthy\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l name -d 'Name of the container' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s u -l user -d 'User (name or uid) and group (name or gid) to run as' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l group-add -d 'Add a supplementary group (a name in the image\'s /etc/group, or a number)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s h -l hostname -d 'Hostname of the container (not with --uts host or container:NAME: that namespace\'s name)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint ("" for none)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s v -l volume -d 'Mount a volume or host path: [NAME|/SRC:]DST[:ro|rw|U|O|nocopy|z|Z|bind] (a missing host directory is made; O: an overlay over a host directory; ro: read-only beneath too)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l tmpfs -d 'Mount a tmpfs: DST[:OPTS]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l mount -d 'Mount: type=volume[,src=NAME],dst=PATH[,readonly][,volume-nocopy], type=bind,src=PATH,dst=PATH[,readonly][,bind-propagation=private|rprivate][,bind-recursive=enabled|disabled|writable|readonly] or type=tmpfs,dst=PATH[,tmpfs-size=N][,tmpfs-mode=MODE]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l systemd -d 'Systemd mode when the command is an init (true, the default), never (false) or always: tmpfs on /run, /run/lock, /tmp, /var/log/journal, container=podman, stop signal SIGRTMIN+3 (podman\'s)' -r -f -a "true\t''
false\t''
always\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l chrootdirs -d 'A directory inside used as a chroot: it gets the container\'s /etc/hosts, hostname and resolv.conf too (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l domainname -d 'The NIS domain name of the container\'s UTS namespace (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l personality -d 'The process\'s execution domain: LINUX or LINUX32 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l pod -d 'Run in this pod (a name or id): its network, ipc and uts namespaces, its published ports (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l requires -d 'Start these containers first, each time this one starts: CTR[,CTR] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l expose -d 'Expose a port or range, PORT[-END][/tcp|udp]: -P publishes it as it does the image\'s EXPOSE' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l annotation -d 'An OCI annotation of the container\'s spec: KEY=VALUE (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l http-proxy -d 'The host\'s proxy variables too: http_proxy, https_proxy, ftp_proxy, no_proxy, in either case (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l image-volume -d 'What each VOLUME of the image gets: bind (an anonymous volume, the default), tmpfs, or ignore (podman\'s)' -r -f -a "bind\t''
anonymous\t''
tmpfs\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l read-only-tmpfs -d 'With --read-only: writable tmpfs on /run, /tmp and /var/tmp (podman\'s; =false: none)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l hosts-file -d 'What /etc/hosts starts from: a file of the host, none, or image (the image\'s /etc/hosts) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l unsetenv -d 'Leave this variable of the image (or husk\'s defaults: PATH, HOSTNAME, HOME, TERM) out (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l env-merge -d 'NAME=VALUE where ${VAR} is the value so far, e.g. PATH=/opt/bin:${PATH} (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l pidfile -d 'Write the host pid of the container\'s first process to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (husk\'s conmon) to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l health-on-failure -d 'What the monitor does when the container turns unhealthy: none, kill, restart or stop (podman\'s)' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l seccomp-policy -d 'Which seccomp profile: default (husk\'s, or --security-opt seccomp=); image is not supported (podman\'s)' -r -f -a "default\t''
image\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l network -d 'Network: bridge (the default network), a network\'s name, none, host, container:NAME or ns:PATH' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l network-alias -d 'Another name for the container on its (user-created) network' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l link -d 'Reach another container by NAME (or ALIAS) from this one: NAME[:ALIAS]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s p -l publish -d 'Publish a container\'s port on the host: [IP:][HOSTPORT:]PORT[/tcp|udp] (ranges N-M)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l sysctl -d 'Set a sysctl of the container\'s network namespace: net.KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l ip -d 'The container\'s IPv4 address on its network (one of the network\'s host addresses)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l ip6 -d 'The container\'s IPv6 address (refused: husk\'s networks are IPv4 only)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l mac-address -d 'The MAC address of the container\'s interface, e.g. 92:d0:c6:0a:29:33' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l dns -d 'A nameserver for /etc/resolv.conf (replaces the host\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l dns-search -d 'A search domain for /etc/resolv.conf (replaces the host\'s; . for none)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l dns-option -d 'An option for /etc/resolv.conf (replaces the host\'s), e.g. ndots:2' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l init-path -d 'With --init: this init binary (tini, catatonit, docker-init) as PID 1 instead of husk\'s own' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l cap-add -d 'Add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cap-drop -d 'Drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l security-opt -d 'seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted (no SELinux or AppArmor here)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core...)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cpuset-cpus -d 'CPUs the container may run on (0-3, 0,2), as its CPU affinity' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l pull -d 'Pull the image: missing (default), always, never' -r -f -a "missing\t''
always\t''
never\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l creds -d 'Credentials USER[:PASSWORD] for pulling the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c husk -n "__fish_husk_using_subcommand create" -s d -l detach -d 'Run in the background: print the container id and return'
complete -c husk -n "__fish_husk_using_subcommand create" -l rootfs -d 'IMAGE is a directory of the host to run as the root (written in place; PATH:O: under a writable layer of the container\'s) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand create" -l no-healthcheck -d 'No health check, not even the image\'s'
complete -c husk -n "__fish_husk_using_subcommand create" -l oom-kill-disable -d 'Do not kill the container\'s processes when it runs out of memory (cgroup v1)'
complete -c husk -n "__fish_husk_using_subcommand create" -l replace -d 'Remove a container of the same --name first'
complete -c husk -n "__fish_husk_using_subcommand create" -s i -l interactive -d 'Keep stdin open (attach it to the container)'
complete -c husk -n "__fish_husk_using_subcommand create" -s t -l tty -d 'Give the container a terminal'
complete -c husk -n "__fish_husk_using_subcommand create" -l env-host -d 'The host\'s environment too, under --env-file and -e (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand create" -l read-only -d 'Mount the root filesystem read-only'
complete -c husk -n "__fish_husk_using_subcommand create" -l no-hosts -d 'Do not make /etc/hosts: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand create" -l no-hostname -d 'Do not make /etc/hostname: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand create" -l unsetenv-all -d 'Leave every variable of the image and husk\'s defaults out: only -e and --env-file (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand create" -l rmi -d 'Remove the image too once the container is gone, unless another container uses it (implies --rm; podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand create" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c husk -n "__fish_husk_using_subcommand create" -l init -d 'Run a tiny init as PID 1 that forwards signals and reaps processes'
complete -c husk -n "__fish_husk_using_subcommand create" -l privileged -d 'All capabilities, no masked paths, no seccomp (still inside the user namespace)'
complete -c husk -n "__fish_husk_using_subcommand create" -s q -l quiet -d 'Do not print pull progress'
complete -c husk -n "__fish_husk_using_subcommand create" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand start" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand start" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand start" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand start" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand start" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand start" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand start" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand start" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand start" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand start" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand start" -l detach-keys -d 'Keys that detach from the container, leaving it running (with -a and a terminal)' -r
complete -c husk -n "__fish_husk_using_subcommand start" -l filter -d 'The containers that match, as ps --filter (podman\'s; with --all or alone)' -r
complete -c husk -n "__fish_husk_using_subcommand start" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand start" -s a -l attach -d 'Attach: wait for the container in the foreground, with its output (and exit code)'
complete -c husk -n "__fish_husk_using_subcommand start" -s i -l interactive -d 'Attach stdin too'
complete -c husk -n "__fish_husk_using_subcommand start" -l all -d 'Every container that is not running (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand start" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand start" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand start" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand ps" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand ps" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand ps" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand ps" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand ps" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand ps" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand ps" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand ps" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand ps" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand ps" -s n -l last -d 'Show the N latest containers' -r
complete -c husk -n "__fish_husk_using_subcommand ps" -s f -l filter -d 'Filter: status=, name=, id=, label=KEY[=VALUE], ancestor=IMAGE, before=CTR, since=CTR, exited=CODE, volume=, network=, health=' -r
complete -c husk -n "__fish_husk_using_subcommand ps" -l format -d 'Output: "json", or a Go template such as \'{{.Names}} {{.Status}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand ps" -l sort -d 'Order: created (the default: newest first), runningfor, id, image, names, command, status or size (podman\'s)' -r -f -a "created\t''
runningfor\t''
id\t''
image\t''
names\t''
command\t''
status\t''
size\t''"
complete -c husk -n "__fish_husk_using_subcommand ps" -s w -l watch -d 'Print the list again every SECS seconds until interrupted (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand ps" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand ps" -s a -l all -d 'Show all containers (by default only running ones)'
complete -c husk -n "__fish_husk_using_subcommand ps" -s q -l quiet -d 'Print only container ids'
complete -c husk -n "__fish_husk_using_subcommand ps" -s l -l latest -d 'Show only the latest container'
complete -c husk -n "__fish_husk_using_subcommand ps" -l no-trunc -d 'Do not truncate ids and commands'
complete -c husk -n "__fish_husk_using_subcommand ps" -s s -l size -d 'Show each container\'s size: its writable layer (and with the image, "virtual")'
complete -c husk -n "__fish_husk_using_subcommand ps" -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand ps" -l external -d 'Accepted for podman\'s sake: husk keeps no containers of other tools (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand ps" -l sync -d 'Accepted for podman\'s sake: husk\'s states are always current'
complete -c husk -n "__fish_husk_using_subcommand ps" -l ns -d 'Namespaces: PID and the inode numbers of each namespace of running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand ps" -s p -l pod -d 'The id and name of each container\'s pod: POD ID and PODNAME columns (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand ps" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand ps" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand list" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand list" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand list" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand list" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand list" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand list" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand list" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand list" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand list" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand list" -s n -l last -d 'Show the N latest containers' -r
complete -c husk -n "__fish_husk_using_subcommand list" -s f -l filter -d 'Filter: status=, name=, id=, label=KEY[=VALUE], ancestor=IMAGE, before=CTR, since=CTR, exited=CODE, volume=, network=, health=' -r
complete -c husk -n "__fish_husk_using_subcommand list" -l format -d 'Output: "json", or a Go template such as \'{{.Names}} {{.Status}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand list" -l sort -d 'Order: created (the default: newest first), runningfor, id, image, names, command, status or size (podman\'s)' -r -f -a "created\t''
runningfor\t''
id\t''
image\t''
names\t''
command\t''
status\t''
size\t''"
complete -c husk -n "__fish_husk_using_subcommand list" -s w -l watch -d 'Print the list again every SECS seconds until interrupted (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand list" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand list" -s a -l all -d 'Show all containers (by default only running ones)'
complete -c husk -n "__fish_husk_using_subcommand list" -s q -l quiet -d 'Print only container ids'
complete -c husk -n "__fish_husk_using_subcommand list" -s l -l latest -d 'Show only the latest container'
complete -c husk -n "__fish_husk_using_subcommand list" -l no-trunc -d 'Do not truncate ids and commands'
complete -c husk -n "__fish_husk_using_subcommand list" -s s -l size -d 'Show each container\'s size: its writable layer (and with the image, "virtual")'
complete -c husk -n "__fish_husk_using_subcommand list" -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand list" -l external -d 'Accepted for podman\'s sake: husk keeps no containers of other tools (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand list" -l sync -d 'Accepted for podman\'s sake: husk\'s states are always current'
complete -c husk -n "__fish_husk_using_subcommand list" -l ns -d 'Namespaces: PID and the inode numbers of each namespace of running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand list" -s p -l pod -d 'The id and name of each container\'s pod: POD ID and PODNAME columns (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand list" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand list" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand logs" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logs" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand logs" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand logs" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logs" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logs" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logs" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand logs" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand logs" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logs" -s n -l tail -d 'Only the last N lines ("all" for every line)' -r
complete -c husk -n "__fish_husk_using_subcommand logs" -l since -d 'Only output since this time (RFC 3339, Unix seconds, or a duration such as 10m)' -r
complete -c husk -n "__fish_husk_using_subcommand logs" -l until -d 'Only output before this time (same forms as --since)' -r
complete -c husk -n "__fish_husk_using_subcommand logs" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand logs" -s f -l follow -d 'Follow: keep printing new output until the container exits'
complete -c husk -n "__fish_husk_using_subcommand logs" -s t -l timestamps -d 'Prefix each line with its time'
complete -c husk -n "__fish_husk_using_subcommand logs" -l names -d 'Prefix each line with its container\'s name (podman\'s; with several containers the id is the default prefix)'
complete -c husk -n "__fish_husk_using_subcommand logs" -l color -d 'Each container\'s prefix in a color of its own (podman\'s; with several containers or --names)'
complete -c husk -n "__fish_husk_using_subcommand logs" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand logs" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand logs" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand exec" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand exec" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand exec" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand exec" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand exec" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand exec" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand exec" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand exec" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand exec" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand exec" -l detach-keys -d 'Keys that detach from the command, leaving it running (with -it)' -r
complete -c husk -n "__fish_husk_using_subcommand exec" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand exec" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines), before -e' -r -F
complete -c husk -n "__fish_husk_using_subcommand exec" -s u -l user -d 'User (name or uid) and group to run as' -r
complete -c husk -n "__fish_husk_using_subcommand exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand exec" -l preserve-fds -d 'Hand fds 3..3+N of this command on to the process (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand exec" -l cidfile -d 'In the container whose id this file holds: the first word is the command then (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand exec" -l wait -d 'Wait up to SECONDS for the container to be running first (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand exec" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand exec" -s i -l interactive -d 'Keep stdin open'
complete -c husk -n "__fish_husk_using_subcommand exec" -s t -l tty -d 'Give the command a terminal'
complete -c husk -n "__fish_husk_using_subcommand exec" -s d -l detach -d 'Run in the background'
complete -c husk -n "__fish_husk_using_subcommand exec" -l privileged -d 'Every capability (of the user namespace) for the command, whatever the container has'
complete -c husk -n "__fish_husk_using_subcommand exec" -s l -l latest -d 'In the latest container created: the first word is the command then (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand exec" -l no-session -d 'Accepted for podman\'s scripts: husk keeps no record of exec sessions'
complete -c husk -n "__fish_husk_using_subcommand exec" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand exec" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand attach" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand attach" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand attach" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand attach" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand attach" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand attach" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand attach" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand attach" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand attach" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand attach" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand attach" -l detach-keys -d 'Keys that detach from the container, leaving it running (with a terminal)' -r
complete -c husk -n "__fish_husk_using_subcommand attach" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand attach" -l no-stdin -d 'Do not send stdin to the container'
complete -c husk -n "__fish_husk_using_subcommand attach" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand attach" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand attach" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand stop" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand stop" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand stop" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand stop" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand stop" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand stop" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand stop" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand stop" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand stop" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand stop" -s t -l time -l timeout -d 'Seconds to wait before SIGKILL (default: --stop-timeout of run, else 10)' -r
complete -c husk -n "__fish_husk_using_subcommand stop" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand stop" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand stop" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand stop" -s a -l all -d 'Every running container'
complete -c husk -n "__fish_husk_using_subcommand stop" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand stop" -l running -d 'restart --all: only the running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand stop" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand stop" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand stop" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand kill" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kill" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand kill" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand kill" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kill" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kill" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kill" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand kill" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand kill" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kill" -s s -l signal -d 'The signal: a name (KILL, TERM, HUP, RTMIN+N...) or a number up to 64' -r
complete -c husk -n "__fish_husk_using_subcommand kill" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kill" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand kill" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand kill" -s a -l all -d 'Every running container'
complete -c husk -n "__fish_husk_using_subcommand kill" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand kill" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand kill" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand kill" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand restart" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand restart" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand restart" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand restart" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand restart" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand restart" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand restart" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand restart" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand restart" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand restart" -s t -l time -l timeout -d 'Seconds to wait before SIGKILL (default: --stop-timeout of run, else 10)' -r
complete -c husk -n "__fish_husk_using_subcommand restart" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand restart" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand restart" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand restart" -s a -l all -d 'Every running container'
complete -c husk -n "__fish_husk_using_subcommand restart" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand restart" -l running -d 'restart --all: only the running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand restart" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand restart" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand restart" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand wait" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand wait" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand wait" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand wait" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand wait" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand wait" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand wait" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand wait" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand wait" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand wait" -l condition -d 'Wait for: created, running, paused, exited/stopped (the default), healthy, unhealthy, removing (podman\'s; any of several)' -r
complete -c husk -n "__fish_husk_using_subcommand wait" -s i -l interval -d 'How often to look (e.g. 250ms; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand wait" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand wait" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand wait" -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand wait" -l return-on-first -d 'Return once any one of the containers meets the condition, with its code (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand wait" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand wait" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rm" -s t -l time -d 'With -f: seconds a running container gets to stop before SIGKILL (podman\'s; default: SIGKILL at once, as docker)' -r
complete -c husk -n "__fish_husk_using_subcommand rm" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rm" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand rm" -s f -l force -d 'Remove running containers too (killed first)'
complete -c husk -n "__fish_husk_using_subcommand rm" -s v -l volumes -d 'Remove the containers\' anonymous volumes too'
complete -c husk -n "__fish_husk_using_subcommand rm" -s a -l all -d 'Remove every container'
complete -c husk -n "__fish_husk_using_subcommand rm" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand rm" -l depend -d 'First the containers that join their namespaces (--network, --pid, --ipc, --uts container:), recursively (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand rm" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand rename" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rename" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand rename" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand rename" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rename" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rename" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rename" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand rename" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand rename" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rename" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand rename" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand rename" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand cp" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand cp" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand cp" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand cp" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand cp" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand cp" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand cp" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand cp" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand cp" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand cp" -l pause -d 'Pause a running container while the copy runs (podman\'s; --pause=false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand cp" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand cp" -s L -l follow-link -d 'Follow SRC if it is a symbolic link (its target is copied, under SRC\'s name)'
complete -c husk -n "__fish_husk_using_subcommand cp" -s a -l archive -d 'Archive mode: what goes in keeps its numeric owners (docker\'s); what comes out of a container keeps its set-uid and set-gid bits (without -a they are dropped, so that no set-id program of an image lands on the host)'
complete -c husk -n "__fish_husk_using_subcommand cp" -l overwrite -d 'Let a directory replace a file or a file a directory (podman\'s; else an error)'
complete -c husk -n "__fish_husk_using_subcommand cp" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand cp" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand top" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand top" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand top" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand top" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand top" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand top" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand top" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand top" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand top" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand top" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand top" -s l -l latest -d 'The latest container created (podman\'s): then no CONTAINER is given'
complete -c husk -n "__fish_husk_using_subcommand top" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand top" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand port" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand port" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand port" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand port" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand port" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand port" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand port" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand port" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand port" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand port" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand port" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand port" -s a -l all -d 'The ports of every running container'
complete -c husk -n "__fish_husk_using_subcommand port" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand port" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand diff" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand diff" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand diff" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand diff" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand diff" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand diff" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand diff" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand diff" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand diff" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand diff" -l format -d 'json: the paths by kind, as podman prints them' -r
complete -c husk -n "__fish_husk_using_subcommand diff" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand diff" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand diff" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand diff" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pause" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pause" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand pause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pause" -s a -l all -d 'Every running container (every paused one, for unpause)'
complete -c husk -n "__fish_husk_using_subcommand pause" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand pause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand unpause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unpause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand unpause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand unpause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unpause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unpause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unpause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand unpause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand unpause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unpause" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unpause" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand unpause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand unpause" -s a -l all -d 'Every running container (every paused one, for unpause)'
complete -c husk -n "__fish_husk_using_subcommand unpause" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand unpause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand unpause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "ls" -d 'List containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "list" -d 'List containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "ps" -d 'List containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "run" -d 'Run a command in a new container'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "create" -d 'Create a container without starting it'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "commit" -d 'A new image of a container\'s changes'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "inspect" -d 'Show low-level information on containers, as JSON'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "rm" -d 'Remove containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "prune" -d 'Remove every stopped container'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "export" -d 'Write a container\'s root file system as a tar'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "stop" -d 'Stop containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "start" -d 'Start containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "kill" -d 'Send a signal to containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "wait" -d 'Wait for containers to exit'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "logs" -d 'Show a container\'s output'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "exec" -d 'Run a command in a running container'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "attach" -d 'Attach to a running container'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "restart" -d 'Restart containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "rename" -d 'Rename a container'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "cp" -d 'Copy files between a container and the host'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "top" -d 'Show the processes of a running container'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "port" -d 'Show a container\'s published ports'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "diff" -d 'Show what a container changed in its file system'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "pause" -d 'Pause containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "unpause" -d 'Unpause containers'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and not __fish_seen_subcommand_from ls list ps run create commit inspect rm prune export stop start kill wait logs exec attach restart rename cp top port diff pause unpause exists help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s n -l last -d 'Show the N latest containers' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: status=, name=, id=, label=KEY[=VALUE], ancestor=IMAGE, before=CTR, since=CTR, exited=CODE, volume=, network=, health=' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l format -d 'Output: "json", or a Go template such as \'{{.Names}} {{.Status}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l sort -d 'Order: created (the default: newest first), runningfor, id, image, names, command, status or size (podman\'s)' -r -f -a "created\t''
runningfor\t''
id\t''
image\t''
names\t''
command\t''
status\t''
size\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s w -l watch -d 'Print the list again every SECS seconds until interrupted (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all containers (by default only running ones)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only container ids'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s l -l latest -d 'Show only the latest container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids and commands'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s s -l size -d 'Show each container\'s size: its writable layer (and with the image, "virtual")'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l external -d 'Accepted for podman\'s sake: husk keeps no containers of other tools (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l sync -d 'Accepted for podman\'s sake: husk\'s states are always current'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -l ns -d 'Namespaces: PID and the inode numbers of each namespace of running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s p -l pod -d 'The id and name of each container\'s pod: POD ID and PODNAME columns (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s n -l last -d 'Show the N latest containers' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: status=, name=, id=, label=KEY[=VALUE], ancestor=IMAGE, before=CTR, since=CTR, exited=CODE, volume=, network=, health=' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l format -d 'Output: "json", or a Go template such as \'{{.Names}} {{.Status}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l sort -d 'Order: created (the default: newest first), runningfor, id, image, names, command, status or size (podman\'s)' -r -f -a "created\t''
runningfor\t''
id\t''
image\t''
names\t''
command\t''
status\t''
size\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s w -l watch -d 'Print the list again every SECS seconds until interrupted (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all containers (by default only running ones)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only container ids'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s l -l latest -d 'Show only the latest container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids and commands'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s s -l size -d 'Show each container\'s size: its writable layer (and with the image, "virtual")'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l external -d 'Accepted for podman\'s sake: husk keeps no containers of other tools (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l sync -d 'Accepted for podman\'s sake: husk\'s states are always current'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -l ns -d 'Namespaces: PID and the inode numbers of each namespace of running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s p -l pod -d 'The id and name of each container\'s pod: POD ID and PODNAME columns (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s n -l last -d 'Show the N latest containers' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s f -l filter -d 'Filter: status=, name=, id=, label=KEY[=VALUE], ancestor=IMAGE, before=CTR, since=CTR, exited=CODE, volume=, network=, health=' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l format -d 'Output: "json", or a Go template such as \'{{.Names}} {{.Status}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l sort -d 'Order: created (the default: newest first), runningfor, id, image, names, command, status or size (podman\'s)' -r -f -a "created\t''
runningfor\t''
id\t''
image\t''
names\t''
command\t''
status\t''
size\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s w -l watch -d 'Print the list again every SECS seconds until interrupted (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s a -l all -d 'Show all containers (by default only running ones)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Print only container ids'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s l -l latest -d 'Show only the latest container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Do not truncate ids and commands'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s s -l size -d 'Show each container\'s size: its writable layer (and with the image, "virtual")'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l external -d 'Accepted for podman\'s sake: husk keeps no containers of other tools (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l sync -d 'Accepted for podman\'s sake: husk\'s states are always current'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -l ns -d 'Namespaces: PID and the inode numbers of each namespace of running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s p -l pod -d 'The id and name of each container\'s pod: POD ID and PODNAME columns (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeatable; stdin needs -i)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l detach-keys -d 'Keys that detach from the container, leaving it running (with -it)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s l -l label -d 'Set a label (KEY=VALUE)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l label-file -d 'Read labels from a file of KEY=VALUE lines (-l overrides them)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-timeout -d 'Seconds husk stop waits for the stop signal before SIGKILL (default 10)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l stop-signal -d 'The signal husk stop sends first (default: the image\'s StopSignal, else TERM)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size -d 'Size of /dev/shm (e.g. 256m; default 64m)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l shm-size-systemd -d 'Size of systemd mode\'s tmpfs mounts (/run, /run/lock, /tmp, /var/log/journal; podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l umask -d 'The umask of the container\'s processes (octal; default 0022)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-score-adj -d 'The container\'s oom_score_adj (-1000..1000; rootless may only raise it)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l pid -d 'PID namespace: private, host (the host\'s processes; /proc is the host\'s), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l uts -d 'UTS namespace: private, host (the host\'s name), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroupns -d 'Cgroup namespace: host (the default here: husk makes no cgroups) or private (its own view of /proc/self/cgroup)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cgroups -d 'podman\'s cgroup mode: enabled, disabled or no-conmon are all what husk does (no cgroup of its own); split is refused' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l isolation -d 'Isolation technology: only default (docker\'s; other values are Windows\')' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l volume-driver -d 'Volume driver of -v\'s named volumes: only local (docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l preserve-fds -d 'Hand fds 3..3+N of this command on to the container\'s process (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l hostuser -d 'Add this host user\'s account (name or uid) to the container\'s /etc/passwd (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l secret -d 'Give the container a secret (husk secret create): NAME[,type=mount|env][,target=PATH|VAR][,uid=N][,gid=N][,mode=0400] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l passwd -d 'Add an /etc/passwd and /etc/group entry for a numeric -u (and --userns keep-id\'s user) the image lacks (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l passwd-entry -d 'The /etc/passwd line written for such a user: $USERNAME, $UID, $GID, $NAME and $HOME are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l group-entry -d 'The /etc/group line written for its group: $GROUPNAME, $GID and $USERLIST are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l timeout -d 'Kill the container (SIGKILL) once it has run this many seconds (podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l userns -d 'User namespace: host (husk\'s own), keep-id[:uid=N,gid=N], nomap or auto[:size=N] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l uidmap -d 'The container\'s uid map: CONTAINER_ID:HOST_ID:SIZE, HOST_ID in your user namespace (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l gidmap -d 'The container\'s gid map, as --uidmap (without it, --uidmap\'s map serves both)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l device -d 'A host device: HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-cmd -d 'Health check command: a shell command, or a JSON array ["CMD", ...]; "none" disables the image\'s' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-interval -d 'Time between health checks (e.g. 30s; "disable": only husk healthcheck run)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-retries -d 'Failures in a row that make the container unhealthy (default 3)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-start-period -d 'Time before failed checks count (default 0s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-max-log-count -d 'Checks kept in the container\'s health log (default 5; 0: all) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-max-log-size -d 'Bytes of a check\'s output kept (default 4096; 0: all, up to 1 MiB) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-log-destination -d 'Where each check\'s result goes too: local (the state only), events_logger (a health_status event) or a directory (DIR/ID-healthcheck.log) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-startup-cmd -d 'A startup check that runs first, until it passes; then the health check starts (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-startup-interval -d 'Time between startup checks (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-startup-retries -d 'Startup check failures after which the container is restarted (default 0: never)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-startup-success -d 'Startup check successes in a row it takes to pass (default 1)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-startup-timeout -d 'Time a startup check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s m -l memory -d 'Memory limit (e.g. 512m; rootless on cgroup v1: warned about and ignored, as podman does)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swap -d 'Memory and swap limit (-1: unlimited swap)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-reservation -d 'Memory soft limit' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l memory-swappiness -d 'Swappiness (0-100)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cpus -d 'CPUs the container may use (e.g. 1.5)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-period -d 'CFS period (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-quota -d 'CFS quota (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l pids-limit -d 'Most processes the container may have (-1: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight -d 'Block IO weight (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-mems -d 'Memory nodes the container may use' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-bps -d 'Block device read rate: DEVICE:RATE (e.g. /dev/sda:1mb)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-bps -d 'Block device write rate: DEVICE:RATE' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l device-read-iops -d 'Block device reads per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l device-write-iops -d 'Block device writes per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l blkio-weight-device -d 'Block IO weight of one device: DEVICE:WEIGHT (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-rt-period -d 'Real-time CPU period (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cpu-rt-runtime -d 'Real-time CPU runtime (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l kernel-memory -d 'Kernel memory limit (cgroup v1; deprecated by docker)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l log-driver -d 'Where the output goes: k8s-file (the default; json-file is taken as it), journald, none, or passthrough (husk\'s own stdio)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l log-opt -d 'Log option: max-size=SIZE (e.g. 10m): the log then keeps one older file' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cidfile -d 'Write the container id to FILE (which must not exist)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l sdnotify -d 'Who tells systemd (NOTIFY_SOCKET) the container is ready: conmon (husk\'s monitor, once it runs), container (the container itself; the socket is passed in), ignore' -r -f -a "conmon\t''
container\t''
healthy\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l name -d 'Name of the container' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s u -l user -d 'User (name or uid) and group (name or gid) to run as' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l group-add -d 'Add a supplementary group (a name in the image\'s /etc/group, or a number)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s h -l hostname -d 'Hostname of the container (not with --uts host or container:NAME: that namespace\'s name)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint ("" for none)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s v -l volume -d 'Mount a volume or host path: [NAME|/SRC:]DST[:ro|rw|U|O|nocopy|z|Z|bind] (a missing host directory is made; O: an overlay over a host directory; ro: read-only beneath too)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l tmpfs -d 'Mount a tmpfs: DST[:OPTS]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l mount -d 'Mount: type=volume[,src=NAME],dst=PATH[,readonly][,volume-nocopy], type=bind,src=PATH,dst=PATH[,readonly][,bind-propagation=private|rprivate][,bind-recursive=enabled|disabled|writable|readonly] or type=tmpfs,dst=PATH[,tmpfs-size=N][,tmpfs-mode=MODE]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l systemd -d 'Systemd mode when the command is an init (true, the default), never (false) or always: tmpfs on /run, /run/lock, /tmp, /var/log/journal, container=podman, stop signal SIGRTMIN+3 (podman\'s)' -r -f -a "true\t''
false\t''
always\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l chrootdirs -d 'A directory inside used as a chroot: it gets the container\'s /etc/hosts, hostname and resolv.conf too (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l domainname -d 'The NIS domain name of the container\'s UTS namespace (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l personality -d 'The process\'s execution domain: LINUX or LINUX32 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l pod -d 'Run in this pod (a name or id): its network, ipc and uts namespaces, its published ports (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l requires -d 'Start these containers first, each time this one starts: CTR[,CTR] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l expose -d 'Expose a port or range, PORT[-END][/tcp|udp]: -P publishes it as it does the image\'s EXPOSE' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l annotation -d 'An OCI annotation of the container\'s spec: KEY=VALUE (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l http-proxy -d 'The host\'s proxy variables too: http_proxy, https_proxy, ftp_proxy, no_proxy, in either case (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l image-volume -d 'What each VOLUME of the image gets: bind (an anonymous volume, the default), tmpfs, or ignore (podman\'s)' -r -f -a "bind\t''
anonymous\t''
tmpfs\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only-tmpfs -d 'With --read-only: writable tmpfs on /run, /tmp and /var/tmp (podman\'s; =false: none)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l hosts-file -d 'What /etc/hosts starts from: a file of the host, none, or image (the image\'s /etc/hosts) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv -d 'Leave this variable of the image (or husk\'s defaults: PATH, HOSTNAME, HOME, TERM) out (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l env-merge -d 'NAME=VALUE where ${VAR} is the value so far, e.g. PATH=/opt/bin:${PATH} (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l pidfile -d 'Write the host pid of the container\'s first process to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (husk\'s conmon) to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l health-on-failure -d 'What the monitor does when the container turns unhealthy: none, kill, restart or stop (podman\'s)' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l seccomp-policy -d 'Which seccomp profile: default (husk\'s, or --security-opt seccomp=); image is not supported (podman\'s)' -r -f -a "default\t''
image\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l network -d 'Network: bridge (the default network), a network\'s name, none, host, container:NAME or ns:PATH' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l network-alias -d 'Another name for the container on its (user-created) network' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l link -d 'Reach another container by NAME (or ALIAS) from this one: NAME[:ALIAS]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a container\'s port on the host: [IP:][HOSTPORT:]PORT[/tcp|udp] (ranges N-M)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l sysctl -d 'Set a sysctl of the container\'s network namespace: net.KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l ip -d 'The container\'s IPv4 address on its network (one of the network\'s host addresses)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l ip6 -d 'The container\'s IPv6 address (refused: husk\'s networks are IPv4 only)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l mac-address -d 'The MAC address of the container\'s interface, e.g. 92:d0:c6:0a:29:33' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l dns -d 'A nameserver for /etc/resolv.conf (replaces the host\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-search -d 'A search domain for /etc/resolv.conf (replaces the host\'s; . for none)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l dns-option -d 'An option for /etc/resolv.conf (replaces the host\'s), e.g. ndots:2' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l init-path -d 'With --init: this init binary (tini, catatonit, docker-init) as PID 1 instead of husk\'s own' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-add -d 'Add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cap-drop -d 'Drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l security-opt -d 'seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted (no SELinux or AppArmor here)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core...)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cpuset-cpus -d 'CPUs the container may run on (0-3, 0,2), as its CPU affinity' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l pull -d 'Pull the image: missing (default), always, never' -r -f -a "missing\t''
always\t''
never\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l creds -d 'Credentials USER[:PASSWORD] for pulling the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run in the background: print the container id and return'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l rootfs -d 'IMAGE is a directory of the host to run as the root (written in place; PATH:O: under a writable layer of the container\'s) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l no-healthcheck -d 'No health check, not even the image\'s'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l oom-kill-disable -d 'Do not kill the container\'s processes when it runs out of memory (cgroup v1)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l replace -d 'Remove a container of the same --name first'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep stdin open (attach it to the container)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s t -l tty -d 'Give the container a terminal'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l env-host -d 'The host\'s environment too, under --env-file and -e (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l read-only -d 'Mount the root filesystem read-only'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l no-hosts -d 'Do not make /etc/hosts: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l no-hostname -d 'Do not make /etc/hostname: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l unsetenv-all -d 'Leave every variable of the image and husk\'s defaults out: only -e and --env-file (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l rmi -d 'Remove the image too once the container is gone, unless another container uses it (implies --rm; podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l init -d 'Run a tiny init as PID 1 that forwards signals and reaps processes'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l privileged -d 'All capabilities, no masked paths, no seccomp (still inside the user namespace)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Do not print pull progress'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s a -l attach -d 'Attach only these streams: stdin, stdout, stderr (repeatable; stdin needs -i)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l detach-keys -d 'Keys that detach from the container, leaving it running (with -it)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s l -l label -d 'Set a label (KEY=VALUE)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l label-file -d 'Read labels from a file of KEY=VALUE lines (-l overrides them)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l restart -d 'Restart policy: no, always, unless-stopped, on-failure[:N]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-timeout -d 'Seconds husk stop waits for the stop signal before SIGKILL (default 10)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l stop-signal -d 'The signal husk stop sends first (default: the image\'s StopSignal, else TERM)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size -d 'Size of /dev/shm (e.g. 256m; default 64m)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l shm-size-systemd -d 'Size of systemd mode\'s tmpfs mounts (/run, /run/lock, /tmp, /var/log/journal; podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l umask -d 'The umask of the container\'s processes (octal; default 0022)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-score-adj -d 'The container\'s oom_score_adj (-1000..1000; rootless may only raise it)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l pid -d 'PID namespace: private, host (the host\'s processes; /proc is the host\'s), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l ipc -d 'IPC namespace: private (or shareable), host, none (no /dev/shm), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l uts -d 'UTS namespace: private, host (the host\'s name), or container:NAME (that running container\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroupns -d 'Cgroup namespace: host (the default here: husk makes no cgroups) or private (its own view of /proc/self/cgroup)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cgroups -d 'podman\'s cgroup mode: enabled, disabled or no-conmon are all what husk does (no cgroup of its own); split is refused' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l isolation -d 'Isolation technology: only default (docker\'s; other values are Windows\')' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l volume-driver -d 'Volume driver of -v\'s named volumes: only local (docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l preserve-fds -d 'Hand fds 3..3+N of this command on to the container\'s process (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l hostuser -d 'Add this host user\'s account (name or uid) to the container\'s /etc/passwd (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l secret -d 'Give the container a secret (husk secret create): NAME[,type=mount|env][,target=PATH|VAR][,uid=N][,gid=N][,mode=0400] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l passwd -d 'Add an /etc/passwd and /etc/group entry for a numeric -u (and --userns keep-id\'s user) the image lacks (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l passwd-entry -d 'The /etc/passwd line written for such a user: $USERNAME, $UID, $GID, $NAME and $HOME are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l group-entry -d 'The /etc/group line written for its group: $GROUPNAME, $GID and $USERLIST are replaced (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l timeout -d 'Kill the container (SIGKILL) once it has run this many seconds (podman\'s; 0: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l userns -d 'User namespace: host (husk\'s own), keep-id[:uid=N,gid=N], nomap or auto[:size=N] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l uidmap -d 'The container\'s uid map: CONTAINER_ID:HOST_ID:SIZE, HOST_ID in your user namespace (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l gidmap -d 'The container\'s gid map, as --uidmap (without it, --uidmap\'s map serves both)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l device -d 'A host device: HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l tz -d 'Time zone: local (the host\'s) or a zone such as Europe/Paris' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-cmd -d 'Health check command: a shell command, or a JSON array ["CMD", ...]; "none" disables the image\'s' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-interval -d 'Time between health checks (e.g. 30s; "disable": only husk healthcheck run)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-retries -d 'Failures in a row that make the container unhealthy (default 3)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-start-period -d 'Time before failed checks count (default 0s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-timeout -d 'Time a check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-max-log-count -d 'Checks kept in the container\'s health log (default 5; 0: all) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-max-log-size -d 'Bytes of a check\'s output kept (default 4096; 0: all, up to 1 MiB) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-log-destination -d 'Where each check\'s result goes too: local (the state only), events_logger (a health_status event) or a directory (DIR/ID-healthcheck.log) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-startup-cmd -d 'A startup check that runs first, until it passes; then the health check starts (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-startup-interval -d 'Time between startup checks (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-startup-retries -d 'Startup check failures after which the container is restarted (default 0: never)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-startup-success -d 'Startup check successes in a row it takes to pass (default 1)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-startup-timeout -d 'Time a startup check may take (default 30s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s m -l memory -d 'Memory limit (e.g. 512m; rootless on cgroup v1: warned about and ignored, as podman does)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swap -d 'Memory and swap limit (-1: unlimited swap)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-reservation -d 'Memory soft limit' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l memory-swappiness -d 'Swappiness (0-100)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cpus -d 'CPUs the container may use (e.g. 1.5)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s c -l cpu-shares -d 'CPU shares (relative weight)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-period -d 'CFS period (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-quota -d 'CFS quota (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l pids-limit -d 'Most processes the container may have (-1: no limit)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight -d 'Block IO weight (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-mems -d 'Memory nodes the container may use' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-bps -d 'Block device read rate: DEVICE:RATE (e.g. /dev/sda:1mb)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-bps -d 'Block device write rate: DEVICE:RATE' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l device-read-iops -d 'Block device reads per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l device-write-iops -d 'Block device writes per second: DEVICE:N' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l blkio-weight-device -d 'Block IO weight of one device: DEVICE:WEIGHT (10-1000)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-rt-period -d 'Real-time CPU period (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cpu-rt-runtime -d 'Real-time CPU runtime (microseconds; cgroup v1)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l kernel-memory -d 'Kernel memory limit (cgroup v1; deprecated by docker)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l log-driver -d 'Where the output goes: k8s-file (the default; json-file is taken as it), journald, none, or passthrough (husk\'s own stdio)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l log-opt -d 'Log option: max-size=SIZE (e.g. 10m): the log then keeps one older file' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cidfile -d 'Write the container id to FILE (which must not exist)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l sdnotify -d 'Who tells systemd (NOTIFY_SOCKET) the container is ready: conmon (husk\'s monitor, once it runs), container (the container itself; the socket is passed in), ignore' -r -f -a "conmon\t''
container\t''
healthy\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l name -d 'Name of the container' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s u -l user -d 'User (name or uid) and group (name or gid) to run as' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l group-add -d 'Add a supplementary group (a name in the image\'s /etc/group, or a number)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s h -l hostname -d 'Hostname of the container (not with --uts host or container:NAME: that namespace\'s name)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l entrypoint -d 'Override the image\'s entrypoint ("" for none)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s v -l volume -d 'Mount a volume or host path: [NAME|/SRC:]DST[:ro|rw|U|O|nocopy|z|Z|bind] (a missing host directory is made; O: an overlay over a host directory; ro: read-only beneath too)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l tmpfs -d 'Mount a tmpfs: DST[:OPTS]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l mount -d 'Mount: type=volume[,src=NAME],dst=PATH[,readonly][,volume-nocopy], type=bind,src=PATH,dst=PATH[,readonly][,bind-propagation=private|rprivate][,bind-recursive=enabled|disabled|writable|readonly] or type=tmpfs,dst=PATH[,tmpfs-size=N][,tmpfs-mode=MODE]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l volumes-from -d 'Mount the volumes and bind mounts of another container: CONTAINER[:ro|rw]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l systemd -d 'Systemd mode when the command is an init (true, the default), never (false) or always: tmpfs on /run, /run/lock, /tmp, /var/log/journal, container=podman, stop signal SIGRTMIN+3 (podman\'s)' -r -f -a "true\t''
false\t''
always\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l chrootdirs -d 'A directory inside used as a chroot: it gets the container\'s /etc/hosts, hostname and resolv.conf too (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l domainname -d 'The NIS domain name of the container\'s UTS namespace (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l personality -d 'The process\'s execution domain: LINUX or LINUX32 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l pod -d 'Run in this pod (a name or id): its network, ipc and uts namespaces, its published ports (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l requires -d 'Start these containers first, each time this one starts: CTR[,CTR] (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l expose -d 'Expose a port or range, PORT[-END][/tcp|udp]: -P publishes it as it does the image\'s EXPOSE' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l annotation -d 'An OCI annotation of the container\'s spec: KEY=VALUE (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l http-proxy -d 'The host\'s proxy variables too: http_proxy, https_proxy, ftp_proxy, no_proxy, in either case (podman\'s; =false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l image-volume -d 'What each VOLUME of the image gets: bind (an anonymous volume, the default), tmpfs, or ignore (podman\'s)' -r -f -a "bind\t''
anonymous\t''
tmpfs\t''
ignore\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only-tmpfs -d 'With --read-only: writable tmpfs on /run, /tmp and /var/tmp (podman\'s; =false: none)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l hosts-file -d 'What /etc/hosts starts from: a file of the host, none, or image (the image\'s /etc/hosts) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv -d 'Leave this variable of the image (or husk\'s defaults: PATH, HOSTNAME, HOME, TERM) out (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l env-merge -d 'NAME=VALUE where ${VAR} is the value so far, e.g. PATH=/opt/bin:${PATH} (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l pidfile -d 'Write the host pid of the container\'s first process to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l conmon-pidfile -d 'Write the pid of the container\'s monitor (husk\'s conmon) to FILE at each start (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l health-on-failure -d 'What the monitor does when the container turns unhealthy: none, kill, restart or stop (podman\'s)' -r -f -a "none\t''
kill\t''
restart\t''
stop\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l seccomp-policy -d 'Which seccomp profile: default (husk\'s, or --security-opt seccomp=); image is not supported (podman\'s)' -r -f -a "default\t''
image\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l network -d 'Network: bridge (the default network), a network\'s name, none, host, container:NAME or ns:PATH' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l network-alias -d 'Another name for the container on its (user-created) network' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l link -d 'Reach another container by NAME (or ALIAS) from this one: NAME[:ALIAS]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a container\'s port on the host: [IP:][HOSTPORT:]PORT[/tcp|udp] (ranges N-M)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l sysctl -d 'Set a sysctl of the container\'s network namespace: net.KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l ip -d 'The container\'s IPv4 address on its network (one of the network\'s host addresses)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l ip6 -d 'The container\'s IPv6 address (refused: husk\'s networks are IPv4 only)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l mac-address -d 'The MAC address of the container\'s interface, e.g. 92:d0:c6:0a:29:33' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l add-host -d 'Add a line to /etc/hosts: NAME:IP' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l dns -d 'A nameserver for /etc/resolv.conf (replaces the host\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-search -d 'A search domain for /etc/resolv.conf (replaces the host\'s; . for none)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l dns-option -d 'An option for /etc/resolv.conf (replaces the host\'s), e.g. ndots:2' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l init-path -d 'With --init: this init binary (tini, catatonit, docker-init) as PID 1 instead of husk\'s own' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-add -d 'Add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cap-drop -d 'Drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l security-opt -d 'seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted (no SELinux or AppArmor here)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core...)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cpuset-cpus -d 'CPUs the container may run on (0-3, 0,2), as its CPU affinity' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l pull -d 'Pull the image: missing (default), always, never' -r -f -a "missing\t''
always\t''
never\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l creds -d 'Credentials USER[:PASSWORD] for pulling the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l rm -d 'Remove the container when it exits'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s d -l detach -d 'Run in the background: print the container id and return'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l rootfs -d 'IMAGE is a directory of the host to run as the root (written in place; PATH:O: under a writable layer of the container\'s) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l no-healthcheck -d 'No health check, not even the image\'s'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l oom-kill-disable -d 'Do not kill the container\'s processes when it runs out of memory (cgroup v1)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l replace -d 'Remove a container of the same --name first'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s i -l interactive -d 'Keep stdin open (attach it to the container)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s t -l tty -d 'Give the container a terminal'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l env-host -d 'The host\'s environment too, under --env-file and -e (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l read-only -d 'Mount the root filesystem read-only'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l no-hosts -d 'Do not make /etc/hosts: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l no-hostname -d 'Do not make /etc/hostname: the image\'s stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l unsetenv-all -d 'Leave every variable of the image and husk\'s defaults out: only -e and --env-file (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l rmi -d 'Remove the image too once the container is gone, unless another container uses it (implies --rm; podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s P -l publish-all -d 'Publish every port the image exposes on a free host port'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l init -d 'Run a tiny init as PID 1 that forwards signals and reaps processes'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l privileged -d 'All capabilities, no masked paths, no seccomp (still inside the user namespace)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Do not print pull progress'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (repeatable): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR, STOPSIGNAL' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s m -l message -d 'The commit message (history comment)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s a -l author -d 'The author' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s p -l pause -d 'Freeze the container while its files are read (podman\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s f -l format -d 'Accepted for podman\'s scripts (images are stored as OCI)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l iidfile -d 'Write the image id to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l config -d 'A JSON file of config keys (Env, Cmd, Labels…) merged into the container\'s, before -c (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -l include-volumes -d 'Make the container\'s -v/--mount destinations the image\'s VOLUMEs (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s s -l squash -d 'The image as one layer: the base image\'s and the container\'s merged (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from commit" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l type -d 'What to look for: container, image, or all (containers first)' -r -f -a "all\t''
container\t''
image\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template applied to each result, e.g. \'{{.Id}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Containers\' sizes too: SizeRw (the writable layer) and SizeRootFs (with the image; podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s t -l time -d 'With -f: seconds a running container gets to stop before SIGKILL (podman\'s; default: SIGKILL at once, as docker)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove running containers too (killed first)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Remove the containers\' anonymous volumes too'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove every container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -l depend -d 'First the containers that join their namespaces (--network, --pid, --ipc, --uts container:), recursively (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l filter -d 'Only those created before until=TIME, or with(out) a label: label=K[=V], label!=K[=V]' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -s o -l output -d 'Write to this file (default: standard output, never a terminal)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -s t -l time -l timeout -d 'Seconds to wait before SIGKILL (default: --stop-timeout of run, else 10)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -s a -l all -d 'Every running container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -l running -d 'restart --all: only the running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l detach-keys -d 'Keys that detach from the container, leaving it running (with -a and a terminal)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l filter -d 'The containers that match, as ps --filter (podman\'s; with --all or alone)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -s a -l attach -d 'Attach: wait for the container in the foreground, with its output (and exit code)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -s i -l interactive -d 'Attach stdin too'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -l all -d 'Every container that is not running (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal: a name (KILL, TERM, HUP, RTMIN+N...) or a number up to 64' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -s a -l all -d 'Every running container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l condition -d 'Wait for: created, running, paused, exited/stopped (the default), healthy, unhealthy, removing (podman\'s; any of several)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -s i -l interval -d 'How often to look (e.g. 250ms; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -l return-on-first -d 'Return once any one of the containers meets the condition, with its code (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from wait" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Only the last N lines ("all" for every line)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l since -d 'Only output since this time (RFC 3339, Unix seconds, or a duration such as 10m)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l until -d 'Only output before this time (same forms as --since)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow: keep printing new output until the container exits'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with its time'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l names -d 'Prefix each line with its container\'s name (podman\'s; with several containers the id is the default prefix)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -l color -d 'Each container\'s prefix in a color of its own (podman\'s; with several containers or --names)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l detach-keys -d 'Keys that detach from the command, leaving it running (with -it)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines), before -e' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s u -l user -d 'User (name or uid) and group to run as' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l preserve-fds -d 'Hand fds 3..3+N of this command on to the process (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l cidfile -d 'In the container whose id this file holds: the first word is the command then (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l wait -d 'Wait up to SECONDS for the container to be running first (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep stdin open'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s t -l tty -d 'Give the command a terminal'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run in the background'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l privileged -d 'Every capability (of the user namespace) for the command, whatever the container has'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s l -l latest -d 'In the latest container created: the first word is the command then (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l no-session -d 'Accepted for podman\'s scripts: husk keeps no record of exec sessions'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l sig-proxy -d 'Forward the signals this command gets (INT, TERM, HUP, QUIT, USR1, USR2…) to the container (=false: they act on this command alone; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l detach-keys -d 'Keys that detach from the container, leaving it running (with a terminal)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -l no-stdin -d 'Do not send stdin to the container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from attach" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -s t -l time -l timeout -d 'Seconds to wait before SIGKILL (default: --stop-timeout of run, else 10)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -s a -l all -d 'Every running container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -s i -l ignore -d 'A container that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -l running -d 'restart --all: only the running containers (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from rename" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l pause -d 'Pause a running container while the copy runs (podman\'s; --pause=false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -s L -l follow-link -d 'Follow SRC if it is a symbolic link (its target is copied, under SRC\'s name)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -s a -l archive -d 'Archive mode: what goes in keeps its numeric owners (docker\'s); what comes out of a container keeps its set-uid and set-gid bits (without -a they are dropped, so that no set-id program of an image lands on the host)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -l overwrite -d 'Let a directory replace a file or a file a directory (podman\'s; else an error)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from cp" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -s l -l latest -d 'The latest container created (podman\'s): then no CONTAINER is given'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -s a -l all -d 'The ports of every running container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from port" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l format -d 'json: the paths by kind, as podman prints them' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every running container (every paused one, for unpause)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l cidfile -d 'The container whose id this file holds (as run --cidfile wrote it; repeatable; podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l filter -d 'The containers that match: KEY=VALUE as husk ps takes them (repeatable; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every running container (every paused one, for unpause)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -l external -d 'Other tools\' containers too (buildah\'s): husk sees its own alone, so the answer is the same'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a command in a new container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a container without starting it'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "commit" -d 'A new image of a container\'s changes'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show low-level information on containers, as JSON'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every stopped container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a container\'s root file system as a tar'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "wait" -d 'Wait for containers to exit'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show a container\'s output'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a command in a running container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "attach" -d 'Attach to a running container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Restart containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "rename" -d 'Rename a container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "cp" -d 'Copy files between a container and the host'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show the processes of a running container'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "port" -d 'Show a container\'s published ports'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Show what a container changed in its file system'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Unpause containers'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand container; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -f -a "systemd" -d 'A systemd user unit that starts, stops and restarts a container'
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -f -a "kube" -d 'Kubernetes YAML for containers, pods and volumes (kube generate)'
complete -c husk -n "__fish_husk_using_subcommand generate; and not __fish_seen_subcommand_from systemd kube help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-policy -d 'Restart= of the unit: no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s t -l time -l stop-timeout -d 'Seconds husk stop waits before SIGKILL' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l container-prefix -d 'Prefix of the unit name' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l pod-prefix -d 'Prefix of a pod\'s unit name (accepted for podman\'s scripts: husk has no pods)' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l separator -d 'Between the prefix and the name' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l format -d 'Print the unit as JSON: {"UNIT NAME": "unit text"}' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l after -d 'A unit the container\'s comes after (After=; repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l requires -d 'A unit the container\'s requires (Requires=; repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l wants -d 'A unit the container\'s wants (Wants=; repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s e -l env -d 'An environment variable of the unit (Environment=): KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l restart-sec -d 'RestartSec= of the unit' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l start-timeout -d 'TimeoutStartSec= of the unit' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l new -d 'A unit that creates the container anew (run --replace --rm -d) and removes it after'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l name -d 'Name the unit and the commands after the container\'s name (the default) ...'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l id -d '... or after its id'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l files -d 'Write the unit to ./PREFIX-NAME.service (and print its path) instead of printing it'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l no-header -d 'No comment header in the unit'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -l template -d 'A unit template (PREFIX-NAME@.service): each instance makes its own container NAME-INSTANCE (implies --new)'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from systemd" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -s f -l filename -d 'Write the YAML to this file instead of standard output' -r -F
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -s t -l type -d 'The workload: pod or deployment' -r -f -a "pod\t''
deployment\t''"
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -s r -l replicas -d 'A Deployment\'s replicas' -r
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -s s -l service -d 'Add a Service (NodePort) for the published ports of each pod'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from kube" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "systemd" -d 'A systemd user unit that starts, stops and restarts a container'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "kube" -d 'Kubernetes YAML for containers, pods and volumes (kube generate)'
complete -c husk -n "__fish_husk_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "generate" -d 'Kubernetes YAML (a Pod or a Deployment, a Service, claims) for containers, pods and volumes'
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "play" -d 'Run the pods of Kubernetes YAML: Pods, Deployments, Services, ConfigMaps, Secrets, PersistentVolumeClaims'
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "down" -d 'Remove the pods Kubernetes YAML made (kube play --down)'
complete -c husk -n "__fish_husk_using_subcommand kube; and not __fish_seen_subcommand_from generate play down help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -s f -l filename -d 'Write the YAML to this file instead of standard output' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -s t -l type -d 'The workload: pod or deployment' -r -f -a "pod\t''
deployment\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -s r -l replicas -d 'A Deployment\'s replicas' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -s s -l service -d 'Add a Service (NodePort) for the published ports of each pod'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l start -d 'Start the pods (--start=false: only create them)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l build -d 'Build images from directories named after them (with a Containerfile or Dockerfile) even if they exist (--build=false: never)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l context-dir -d 'Where those directories are (default: the YAML\'s directory)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l configmap -d 'A YAML file of ConfigMaps the pods may use' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l publish -d 'Publish a container port of the pods: [[IP:]HOSTPORT:]PORT[/PROTO] (over the YAML\'s hostPort)' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l network -d 'The pods\' network (default: husk-default-kube-network, made if missing)' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l annotation -d 'An annotation for every container: KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-driver -d 'The containers\' log driver' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l log-opt -d 'A log driver option' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l creds -d 'Registry credentials: USER[:PASSWORD]' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l replace -d 'Remove pods of the same names first (those an earlier kube play made)'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l down -d 'Remove the pods instead (kube down)'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l no-hosts -d 'Leave the image\'s /etc/hosts alone'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -s q -l quiet -d 'No pull or build progress'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -l force -d 'With --down: the PersistentVolumeClaims\' volumes too'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from play" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -l force -d 'Remove the PersistentVolumeClaims\' volumes too'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Kubernetes YAML (a Pod or a Deployment, a Service, claims) for containers, pods and volumes'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "play" -d 'Run the pods of Kubernetes YAML: Pods, Deployments, Services, ConfigMaps, Secrets, PersistentVolumeClaims'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "down" -d 'Remove the pods Kubernetes YAML made (kube play --down)'
complete -c husk -n "__fish_husk_using_subcommand kube; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -f -a "kube" -d 'Run the pods of Kubernetes YAML (kube play)'
complete -c husk -n "__fish_husk_using_subcommand play; and not __fish_seen_subcommand_from kube help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l start -d 'Start the pods (--start=false: only create them)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l build -d 'Build images from directories named after them (with a Containerfile or Dockerfile) even if they exist (--build=false: never)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l context-dir -d 'Where those directories are (default: the YAML\'s directory)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l configmap -d 'A YAML file of ConfigMaps the pods may use' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l publish -d 'Publish a container port of the pods: [[IP:]HOSTPORT:]PORT[/PROTO] (over the YAML\'s hostPort)' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l network -d 'The pods\' network (default: husk-default-kube-network, made if missing)' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l annotation -d 'An annotation for every container: KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-driver -d 'The containers\' log driver' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l log-opt -d 'A log driver option' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l creds -d 'Registry credentials: USER[:PASSWORD]' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l replace -d 'Remove pods of the same names first (those an earlier kube play made)'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l down -d 'Remove the pods instead (kube down)'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l no-hosts -d 'Leave the image\'s /etc/hosts alone'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -s q -l quiet -d 'No pull or build progress'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -l force -d 'With --down: the PersistentVolumeClaims\' volumes too'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from kube" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from help" -f -a "kube" -d 'Run the pods of Kubernetes YAML (kube play)'
complete -c husk -n "__fish_husk_using_subcommand play; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "run" -d 'Run the health check now: exit 0 if healthy, 1 (printing the status) if not'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and not __fish_seen_subcommand_from run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run the health check now: exit 0 if healthy, 1 (printing the status) if not'
complete -c husk -n "__fish_husk_using_subcommand healthcheck; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand events" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand events" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand events" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand events" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand events" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand events" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand events" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand events" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand events" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand events" -l since -d 'Show past events from this time on (RFC 3339, Unix seconds, or a duration such as 10m)' -r
complete -c husk -n "__fish_husk_using_subcommand events" -l until -d 'Stop at this time (past events up to it; a time to come: follow until then)' -r
complete -c husk -n "__fish_husk_using_subcommand events" -s f -l filter -d 'type=container|image|volume|network, event=ACTION, container=, image=, volume=, network=, label=KEY[=VALUE]' -r
complete -c husk -n "__fish_husk_using_subcommand events" -l format -d 'Go template (fields Type, Action, Actor.ID, Actor.Attributes, Time, TimeNano, ID, Name, Image, Status), or json' -r
complete -c husk -n "__fish_husk_using_subcommand events" -l stream -d 'Follow new events (--stream=false: print the past ones and exit; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand events" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand events" -l no-trunc -d 'Accepted for podman\'s scripts: ids are never cut'
complete -c husk -n "__fish_husk_using_subcommand events" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand events" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "create" -d 'Create a bridge network (containers on it resolve each other by name)'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "ls" -d 'List networks'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "inspect" -d 'Show networks as JSON'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "rm" -d 'Remove networks (refused while containers use them, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "prune" -d 'Remove every network no container uses'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "connect" -d 'Put a container on a network (a running one at once)'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "disconnect" -d 'Take a container off a network (a running one at once)'
complete -c husk -n "__fish_husk_using_subcommand network; and not __fish_seen_subcommand_from create ls inspect rm prune exists connect disconnect help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l subnet -d 'The IPv4 subnet, e.g. 10.89.7.0/24 (default: the first free 10.89.N.0/24)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l gateway -d 'The gateway\'s address (default: the subnet\'s first)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l label -d 'A label: KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -s d -l driver -d 'The driver: only bridge' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l ip-range -d 'Where containers\' automatic addresses come from: a CIDR or START-END inside the subnet (--ip may be any of the subnet\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l route -d 'A static route every container on the network gets: DEST/PREFIX,GATEWAY[,METRIC] (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -s o -l opt -d 'A driver option: mtu=N, metric=N (of the default route), com.docker.network.bridge.name=NAME (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l interface-name -d 'The bridge\'s name (default: huskN)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l dns -d 'A resolver husk\'s DNS responder asks for this network\'s containers, instead of the host\'s (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l ipam-driver -d 'The address manager: host-local (husk\'s leases); dhcp and none are refused' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l internal -d 'No route out of the network'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed if a network of that name exists'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -l disable-dns -d 'No name resolution between its containers: they get the host\'s resolvers'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l format -d 'Go template, or json' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -s f -l filter -d 'name=, id=, driver=, label=KEY[=VALUE]' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only the names'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not cut the ids'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -s t -l time -d 'With -f: seconds the containers using it get to stop before SIGKILL (podman\'s; default: SIGKILL at once)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers that use them first'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l filter -d 'label=KEY[=VALUE], label!=..., until=TIME' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l alias -d 'Another name for the container on the network' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip -d 'Its IPv4 address on the network (one of the network\'s host addresses)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l mac-address -d 'The MAC address of its interface on the network' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l ip6 -d 'Its IPv6 address (refused: husk\'s networks are IPv4 only)' -r
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from connect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s f -l force -d 'Accepted for docker\'s sake (a running container is always taken off)'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from disconnect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a bridge network (containers on it resolve each other by name)'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List networks'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show networks as JSON'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove networks (refused while containers use them, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every network no container uses'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "connect" -d 'Put a container on a network (a running one at once)'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "disconnect" -d 'Take a container off a network (a running one at once)'
complete -c husk -n "__fish_husk_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -f -a "create" -d 'Create a volume (an existing one of that name is kept as it is)'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -f -a "ls" -d 'List volumes'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -f -a "inspect" -d 'Show volumes as JSON'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -f -a "rm" -d 'Remove volumes (refused while containers use them, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand volume; and not __fish_seen_subcommand_from create ls inspect rm prune exists help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -s l -l label -d 'A label: KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -s o -l opt -d 'A driver option: type=tmpfs, o=size=64m, or type=none,o=bind,device=/PATH' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -s d -l driver -d 'The driver: only local' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l uid -d 'The owner of the new volume\'s content: a container uid (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l gid -d 'Its group: a container gid (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -l ignore -d 'Succeed if a volume of that name exists (podman\'s; docker\'s create always does)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l format -d 'Go template, or json' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -s f -l filter -d 'name=, label=KEY[=VALUE], label!=, dangling=true|false, driver=, until=' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only the names'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Every volume (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -s t -l time -d 'With -f: seconds the containers using it get to stop before SIGKILL (podman\'s; default: SIGKILL at once)' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove the containers that use them first (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -s a -l all -d 'Every volume (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l filter -d 'label=KEY[=VALUE], label!=..., until=TIME' -r
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -s a -l all -d 'Accepted for docker\'s sake: every unused volume is removed, named or not, as podman does'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -l dry-run -d 'Only list what would be removed, and the space it takes (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a volume (an existing one of that name is kept as it is)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List volumes'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show volumes as JSON'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove volumes (refused while containers use them, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every volume no container uses'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand volume; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "create" -d 'Create a pod: its infra container holds the network, ipc and uts namespaces its containers share'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "ps" -d 'List pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "inspect" -d 'Show pods as JSON'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "start" -d 'Start pods: the infra container, then the others'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "stop" -d 'Stop pods: their containers, then the infra container'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "restart" -d 'Stop and start pods again'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "kill" -d 'Send a signal to the running containers of pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "pause" -d 'Pause the running containers of pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "unpause" -d 'Unpause the paused containers of pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "logs" -d 'Show the output of a pod\'s containers (each line after its container\'s id, or --names its name)'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "rm" -d 'Remove pods and their containers (refused while they run, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "top" -d 'The processes of a pod\'s running containers (podman\'s descriptors, or ps options)'
complete -c husk -n "__fish_husk_using_subcommand pod; and not __fish_seen_subcommand_from create ps inspect start stop restart kill pause unpause prune logs rm exists top help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -s n -l name -d 'The pod\'s name' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -s l -l label -d 'A label: KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l hostname -d 'The host name its containers see (default: the pod\'s name)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l share -d 'The namespaces its containers share: of ipc, net, uts, or none (default: all three)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -s p -l publish -d 'Publish a port of the pod: [IP:][HOSTPORT:]PORT[/tcp|udp]' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l network -d 'The pod\'s network: bridge, a network\'s name(s), none, host, pasta, slirp4netns' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l ip -d 'The pod\'s address on its one network' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l mac-address -d 'Its interface\'s MAC address' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l network-alias -d 'More names for the pod on its networks' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l add-host -d 'A line of its containers\' /etc/hosts: HOST:IP' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns -d 'A DNS server of its containers\' resolv.conf' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-search -d 'A search domain of its containers\' resolv.conf' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l dns-option -d 'A resolv.conf option' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l infra -d 'Accepted for podman\'s sake: husk\'s pods always have an infra container' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l format -d 'Go template, or json' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Only the ids'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -l no-trunc -d 'Whole ids'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -s n -l noheading -d 'No header line'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -s a -l all -d 'Every pod'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -s t -l time -d 'Seconds each container gets to stop before SIGKILL (default: its own, 10)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -s a -l all -d 'Every pod'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -s t -l time -d 'Seconds each container gets to stop before SIGKILL (default: its own, 10)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -s a -l all -d 'Every pod'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal (a name or number; default SIGKILL)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -s a -l all -d 'Every pod'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -s a -l all -d 'Every pod'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s a -l all -d 'Every pod'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Only the last N lines ("all" for every line)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l since -d 'Only output since this time (RFC 3339, Unix seconds, or a duration such as 10m)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l until -d 'Only output before this time (same forms as --since)' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -s c -l container -d 'Only this container of the pod' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Follow: keep printing new output until the container exits'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'Prefix each line with its time'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l names -d 'Prefix each line with its container\'s name (podman\'s; with several containers the id is the default prefix)'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -l color -d 'Each container\'s prefix in a color of its own (podman\'s; with several containers or --names)'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -s t -l time -d 'With -f: seconds each container gets to stop before SIGKILL' -r
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -s a -l all -d 'Every pod'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -s f -l force -d 'Stop and remove running containers of the pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'A pod that does not exist is not an error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a pod: its infra container holds the network, ipc and uts namespaces its containers share'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "ps" -d 'List pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show pods as JSON'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start pods: the infra container, then the others'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop pods: their containers, then the infra container'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Stop and start pods again'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to the running containers of pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause the running containers of pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Unpause the paused containers of pods'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show the output of a pod\'s containers (each line after its container\'s id, or --names its name)'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove pods and their containers (refused while they run, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "top" -d 'The processes of a pod\'s running containers (podman\'s descriptors, or ps options)'
complete -c husk -n "__fish_husk_using_subcommand pod; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -f -a "create" -d 'Make a secret from a file, - (stdin) or an environment variable'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -f -a "ls" -d 'List secrets'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -f -a "inspect" -d 'Show secrets as JSON'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -f -a "rm" -d 'Remove secrets (containers made with one keep their copy)'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -f -a "exists" -d 'Exit 0 if the secret exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand secret; and not __fish_seen_subcommand_from create ls inspect rm exists help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -s d -l driver -d 'The driver: only file (the data is kept in your store, mode 0600)' -r
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l driver-opts -d 'Options of the driver, KEY=VALUE[,…] (the file driver\'s path= is refused: the data stays in your store)' -r
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -s l -l label -d 'A label: KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l env -d 'Read the data from this environment variable of yours (SOURCE names it)'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l replace -d 'Give an existing secret of that name the new data'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -l ignore -d 'A secret of that name existing already is no error: it is kept as it is (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l format -d 'Go template (fields ID, Name, Driver, CreatedAt, UpdatedAt), or json' -r
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -s f -l filter -d 'name=NAME, id=ID (prefix), label=KEY[=VALUE]' -r
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only the ids'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'No header line'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template' -r
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s a -l all -d 'Every secret'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l showsecret -d 'Show the data too (SecretData)'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -l pretty -d 'Readable text instead of JSON'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -s a -l all -d 'Every secret'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'A secret that does not exist is no error'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "create" -d 'Make a secret from a file, - (stdin) or an environment variable'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List secrets'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show secrets as JSON'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove secrets (containers made with one keep their copy)'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the secret exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand secret; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "create" -d 'Make a manifest list, of the images given (more with add)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "add" -d 'Add an image of the store to a list (its platform from its config, or the flags)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "annotate" -d 'Set the platform or annotations of an image in a list, or (--index) the list\'s own annotations'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "remove" -d 'Take an image (by id) out of a list'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "inspect" -d 'Show a list as an OCI index, or a registry\'s manifest or index'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "push" -d 'Push every image of a list by digest, then the list under the destination\'s tag'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "rm" -d 'Delete lists (their images stay)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "exists" -d 'Exit 0 if the list exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand manifest; and not __fish_seen_subcommand_from create add annotate remove inspect push rm exists help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l annotation -d 'An annotation KEY=VALUE of the list itself (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l creds -d 'Credentials USER[:PASSWORD] for images pulled to be added' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -s a -l amend -d 'An existing list of that name is kept (podman\'s --amend)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -l all -d 'Accepted for podman\'s scripts (images are added whole)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l arch -d 'The image\'s architecture in the list (default: its config\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os -d 'The image\'s OS in the list (default: its config\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l variant -d 'The architecture variant (v7, v8…)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os-version -d 'The OS version the image needs (platform os.version)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l os-features -d 'OS features the image needs (platform os.features; comma-separated)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l features -d 'Features the image needs (platform features; comma-separated)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l annotation -d 'An annotation KEY=VALUE of the entry (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l creds -d 'Credentials USER[:PASSWORD] for an image pulled to be added' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -l all -d 'Accepted for podman\'s scripts'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l arch -d 'The image\'s architecture in the list (default: its config\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os -d 'The image\'s OS in the list (default: its config\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l variant -d 'The architecture variant (v7, v8…)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os-version -d 'The OS version the image needs (platform os.version)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l os-features -d 'OS features the image needs (platform os.features; comma-separated)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l features -d 'Features the image needs (platform features; comma-separated)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l annotation -d 'An annotation KEY=VALUE of the entry (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -l index -d 'Annotate the list itself (only --annotation)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from annotate" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -s f -l format -d 'The index kind: oci (default) or v2s2 (a Docker manifest list)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l compression-format -d 'Compress new layer blobs with gzip (default) or zstd' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l compression-level -d 'Compression level of new layer blobs: gzip 0-9, zstd 1-20 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l add-compression -d 'Also push each image with layers of another compression (refused: one compression per list)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the list\'s digest to this file' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l creds -d 'Credentials USER[:PASSWORD]' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l all -d 'Accepted for podman\'s scripts: every image of the list is pushed'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l force-compression -d 'Compress every layer again, even those a pulled image\'s blobs hold already (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -l remove-signatures -d 'Accepted for podman\'s scripts: husk does not remove signatures, it writes none'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -s p -l rm -l purge -d 'Delete the local list once pushed'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'A list that does not exist is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "create" -d 'Make a manifest list, of the images given (more with add)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an image of the store to a list (its platform from its config, or the flags)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "annotate" -d 'Set the platform or annotations of an image in a list, or (--index) the list\'s own annotations'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Take an image (by id) out of a list'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show a list as an OCI index, or a registry\'s manifest or index'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push every image of a list by digest, then the list under the destination\'s tag'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete lists (their images stay)'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the list exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -s f -l file -d 'A compose file (repeat to merge several, later ones over earlier; - for stdin). Default: $COMPOSE_FILE, else compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml here or in a parent directory, with its compose.override.yaml' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -s p -l project-name -d 'The project\'s name (default: $COMPOSE_PROJECT_NAME, the file\'s name:, or the project directory\'s name)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l project-directory -d 'The project directory, relative paths start from it (default: the first file\'s directory)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l env-file -d 'Read variables from this file instead of the project directory\'s .env (repeatable)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l profile -d 'Enable the services of this profile (repeatable; default: $COMPOSE_PROFILES)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "config" -d 'Check the compose files and print the project they make, in canonical form'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "up" -d 'Create and start the project\'s containers (-d: in the background; else attached to their output)'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "down" -d 'Stop and remove the project\'s containers and networks (-v: its volumes too)'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "ps" -d 'List the project\'s containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "logs" -d 'Show the output of the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "exec" -d 'Run a command in a running container of a service'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "run" -d 'Run a one-off command in a new container of a service'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "start" -d 'Start the services\' stopped containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "stop" -d 'Stop the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "restart" -d 'Restart the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "kill" -d 'Send a signal to the services\' containers (SIGKILL by default)'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "rm" -d 'Remove the services\' stopped containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "pause" -d 'Pause the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "unpause" -d 'Unpause the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "top" -d 'Show the processes of the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "port" -d 'Print the host address a service\'s container port is published on'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "build" -d 'Build (or build again) the images of services that have a build section'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "pull" -d 'Pull the services\' images'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "push" -d 'Push the services\' images to their registries'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "images" -d 'List the images the project\'s containers use'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "ls" -d 'List the projects that have containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "events" -d 'Show the project\'s container events as they happen'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "version" -d 'Show the version of husk compose'
complete -c husk -n "__fish_husk_using_subcommand compose; and not __fish_seen_subcommand_from config up down ps logs exec run start stop restart kill rm pause unpause top port build pull push images ls events version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l format -d 'yaml or json' -r -f -a "yaml\t''
json\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -s o -l output -d 'Write the output to this file' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l services -d 'Print the services\' names, one per line, each after those it depends on'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l volumes -d 'Print the volumes\' names, one per line'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l profiles -d 'Print the profiles named in the files, one per line'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l images -d 'Print the services\' images (PROJECT-SERVICE for one built without an image name)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Only check the files: print nothing, exit 0 if they are valid'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -l no-interpolate -d 'Leave ${VARIABLES} as they are'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from config" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l scale -d 'Run N containers of SERVICE (SERVICE=N; repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l wait-timeout -d 'Seconds to wait for a dependency\'s condition, and for --wait' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l exit-code-from -d 'Attached: exit with this service\'s container\'s exit code (implies --abort-on-container-exit)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -s t -l timeout -d 'Attached: seconds to wait for each container to stop at the end' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -s d -l detach -d 'Run in the background: print what was made and return'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l force-recreate -d 'Make the containers again even if their configuration did not change'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-recreate -d 'Keep existing containers even if their configuration changed'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-deps -d 'Do not start the services the given ones depend on'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l remove-orphans -d 'Remove the containers of services the files no longer have'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l wait -d 'Wait until every container runs, and is healthy if it has a health check (implies -d)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l quiet-pull -d 'Print no pull progress'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l build -d 'Build the images of services with a build section first, even if they exist'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-build -d 'Never build: a missing image is pulled'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l abort-on-container-exit -d 'Attached: when one container exits, stop them all'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-color -d 'Attached: no colours in the output'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l no-log-prefix -d 'Attached: no `service-1 |` before each line'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -l timestamps -d 'Attached: the time before each line'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from up" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -s t -l timeout -d 'Seconds to wait for each container to stop before it is killed' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l rmi -d 'Remove images too: all (the services\' images) or local (those built without an image name)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -s v -l volumes -d 'Remove the project\'s named volumes too'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -l remove-orphans -d 'Accepted for docker compose\'s sake: containers of services the files no longer have are always removed'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from down" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l format -d 'table or json' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -s a -l all -d 'Stopped containers too'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -s q -l quiet -d 'Only the ids'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -l services -d 'Only the services\' names'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ps" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -s n -l tail -d 'Only the last N lines of each container (or all)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l since -d 'Only lines since this time (an RFC 3339 time, or a duration such as 10m)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l until -d 'Only lines until this time' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -s f -l follow -d 'Keep printing what the containers log'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -s t -l timestamps -d 'The time before each line'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l no-color -d 'No colours'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -l no-log-prefix -d 'No `service-1 |` before each line'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from logs" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -s e -l env -d 'Set a variable, NAME=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -s u -l user -d 'Run as this user, USER[:GROUP]' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -s w -l workdir -d 'Run in this directory' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l index -d 'Which container of the service, when it has several' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -s d -l detach -d 'Run the command in the background'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -s T -l no-TTY -d 'No terminal for the command (the default when stdin is not one)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -s i -l interactive -d 'Keep stdin open (the default; accepted for docker compose\'s sake)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l privileged -d 'Every capability'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -l help
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from exec" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l name -d 'The container\'s name (default PROJECT-SERVICE-run-ID)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l entrypoint -d 'Override the image\'s entrypoint' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s e -l env -d 'Set a variable, NAME=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s l -l label -d 'Add a label, KEY=VALUE' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s u -l user -d 'Run as this user' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s w -l workdir -d 'Run in this directory' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s p -l publish -d 'Publish a port, [IP:][HOST:]CONTAINER[/PROTO]' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s v -l volume -d 'Bind a volume or a host path, SRC:DST[:OPTS]' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s d -l detach -d 'Run in the background, print the container\'s name'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l rm -d 'Remove the container when it exits'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l service-ports -d 'Publish the service\'s own ports too'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l no-deps -d 'Do not start the services this one depends on'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s T -l no-TTY -d 'No terminal (the default when stdin is not one)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s i -l interactive -d 'Keep stdin open (the default; accepted for docker compose\'s sake)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s q -l quiet-pull -d 'Print no pull or build progress'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -l help
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from start" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -s t -l timeout -d 'Seconds to wait for each container to stop before it is killed' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from stop" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -s t -l timeout -d 'Seconds to wait for each container to stop before it is killed' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from restart" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -s s -l signal -d 'The signal (name or number)' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -l remove-orphans -d 'Accepted for docker compose\'s sake'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from kill" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -s f -l force -d 'Do not ask (husk compose never asks)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -s s -l stop -d 'Stop the running containers first (else only stopped ones are removed)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -s v -l volumes -d 'Their anonymous volumes too'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from unpause" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from top" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l index -d 'Which container of the service, when it has several' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l protocol -d 'tcp or udp' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from port" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l build-arg -d 'A build argument, KEY=VALUE (KEY alone: this command\'s variable), over the files\'' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l no-cache -d 'Run every step again, cached or not'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -l pull -d 'Always pull the base images'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print no progress'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l ignore-pull-failures -d 'Go on when an image cannot be pulled (say so, exit 0)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -l ignore-buildable -d 'Leave out the services that have a build section'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -l ignore-push-failures -d 'Go on when an image cannot be pushed (say so, exit 0)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print no progress'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l format -d 'table or json' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -s q -l quiet -d 'Only the image ids'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from images" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l format -d 'table or json' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l filter -d 'name=NAME: only that project' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -s a -l all -d 'Projects whose containers all stopped too'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Only the projects\' names'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -l json -d 'One JSON object per line'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from events" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l format -d 'pretty or json' -r
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -l short -d 'Only the version number'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from version" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "config" -d 'Check the compose files and print the project they make, in canonical form'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "up" -d 'Create and start the project\'s containers (-d: in the background; else attached to their output)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "down" -d 'Stop and remove the project\'s containers and networks (-v: its volumes too)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "ps" -d 'List the project\'s containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Show the output of the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "exec" -d 'Run a command in a running container of a service'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a one-off command in a new container of a service'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "start" -d 'Start the services\' stopped containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "restart" -d 'Restart the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "kill" -d 'Send a signal to the services\' containers (SIGKILL by default)'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove the services\' stopped containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Unpause the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "top" -d 'Show the processes of the services\' containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "port" -d 'Print the host address a service\'s container port is published on'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "build" -d 'Build (or build again) the images of services that have a build section'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull the services\' images'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push the services\' images to their registries'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "images" -d 'List the images the project\'s containers use'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the projects that have containers'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "events" -d 'Show the project\'s container events as they happen'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "version" -d 'Show the version of husk compose'
complete -c husk -n "__fish_husk_using_subcommand compose; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand unshare" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unshare" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand unshare" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand unshare" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unshare" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unshare" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unshare" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand unshare" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand unshare" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand unshare" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand unshare" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c husk -n "__fish_husk_using_subcommand unshare" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand monitor" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand monitor" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand monitor" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand monitor" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand monitor" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand monitor" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand monitor" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand monitor" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand monitor" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand monitor" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand monitor" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand monitor" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pull" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l policy -d 'always (the default), missing (only if not stored), never, or newer (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l creds -d 'Credentials USER[:PASSWORD] for this pull' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand pull" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand pull" -s a -l all-tags -d 'Every tag of the repository (docker\'s)'
complete -c husk -n "__fish_husk_using_subcommand pull" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pull" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand push" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand push" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand push" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand push" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand push" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l compression-format -d 'Compress new layer blobs with gzip (default) or zstd' -r
complete -c husk -n "__fish_husk_using_subcommand push" -s f -l format -d 'Manifest kind: oci or v2s2 (default: the image\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand push" -l creds -d 'Credentials USER[:PASSWORD] for this push' -r
complete -c husk -n "__fish_husk_using_subcommand push" -l compression-level -d 'Compression level of new layer blobs: gzip 0-9, zstd 1-20 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand push" -l force-compression -d '=false: a layer goes as the blob it was pulled as, even when --compression-format names another (podman\'s; default true)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand push" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand push" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand push" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand push" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand push" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand push" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand push" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand push" -l remove-signatures -d 'Accepted for podman\'s scripts: husk does not remove signatures, it writes none'
complete -c husk -n "__fish_husk_using_subcommand push" -l compress -d 'Accepted for podman\'s scripts: layers pushed to a registry are always compressed (save --compress is for directories)'
complete -c husk -n "__fish_husk_using_subcommand push" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand push" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand save" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand save" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand save" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand save" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand save" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand save" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand save" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand save" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand save" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand save" -s o -l output -d 'Write to this file (a directory for oci-dir and docker-dir); default: standard output' -r -F
complete -c husk -n "__fish_husk_using_subcommand save" -l format -d 'docker-archive (default), oci-archive, oci-dir or docker-dir' -r
complete -c husk -n "__fish_husk_using_subcommand save" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand save" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand save" -s m -l multi-image-archive -d 'Accepted for podman\'s scripts: several images always go into one archive'
complete -c husk -n "__fish_husk_using_subcommand save" -l compress -d 'Gzip the layers of a directory format (oci-dir, docker-dir) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand save" -l uncompressed -d 'Layers as plain tars (husk\'s default without --compress) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand save" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand save" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand load" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand load" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand load" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand load" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand load" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand load" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand load" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand load" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand load" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand load" -s i -l input -d 'Read from this file (plain, gzip, zstd, bzip2 or xz); default: standard input' -r -F
complete -c husk -n "__fish_husk_using_subcommand load" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand load" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand load" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand load" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand export" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand export" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand export" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand export" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand export" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand export" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand export" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand export" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand export" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand export" -s o -l output -d 'Write to this file (default: standard output, never a terminal)' -r -F
complete -c husk -n "__fish_husk_using_subcommand export" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand export" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand export" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand search" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand search" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand search" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand search" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand search" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand search" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand search" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand search" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand search" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand search" -l limit -d 'At most this many results per registry (tags with --list-tags)' -r
complete -c husk -n "__fish_husk_using_subcommand search" -l format -d 'Output: "json", or a Go template such as \'{{.Name}}\' (fields Index, Name, Description, Stars, Official, Automated, Tag)' -r
complete -c husk -n "__fish_husk_using_subcommand search" -s f -l filter -d 'Only results that match: stars=N, is-official=true|false, is-automated=true|false (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand search" -l creds -d 'Credentials USER[:PASSWORD]' -r
complete -c husk -n "__fish_husk_using_subcommand search" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand search" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand search" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand search" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand search" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand search" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand search" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand search" -l list-tags -d 'List the tags of the repository TERM'
complete -c husk -n "__fish_husk_using_subcommand search" -l no-trunc -d 'Do not cut descriptions short'
complete -c husk -n "__fish_husk_using_subcommand search" -l compatible -d 'docker\'s columns: STARS, OFFICIAL and AUTOMATED too (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand search" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand search" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand import" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand import" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand import" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand import" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand import" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand import" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand import" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand import" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand import" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand import" -s c -l change -d 'Apply a Dockerfile instruction to the image config (repeatable): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR, STOPSIGNAL' -r
complete -c husk -n "__fish_husk_using_subcommand import" -s m -l message -d 'The history comment' -r
complete -c husk -n "__fish_husk_using_subcommand import" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand import" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand import" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand import" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand import" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand import" -s q -l quiet -d 'Print only the image id (it is all husk import prints)'
complete -c husk -n "__fish_husk_using_subcommand import" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand import" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand images" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand images" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand images" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand images" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand images" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand images" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand images" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand images" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand images" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand images" -l format -d 'Output: "json", or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand images" -s f -l filter -d 'Filter: dangling=true|false, label=KEY[=VALUE], before=IMAGE, since=IMAGE, reference=PATTERN' -r
complete -c husk -n "__fish_husk_using_subcommand images" -l sort -d 'Sort by created (newest first, the default), id, repository, size or tag (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand images" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand images" -s q -l quiet -d 'Print only image ids'
complete -c husk -n "__fish_husk_using_subcommand images" -l digests -d 'Show digests'
complete -c husk -n "__fish_husk_using_subcommand images" -l no-trunc -d 'Do not truncate ids'
complete -c husk -n "__fish_husk_using_subcommand images" -s a -l all -d 'Show all images (husk keeps no intermediate images: same as without)'
complete -c husk -n "__fish_husk_using_subcommand images" -s n -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand images" -l history -d 'Add a HISTORY column: every name each image had, latest first (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand images" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand images" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand history" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand history" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand history" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand history" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand history" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand history" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand history" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand history" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand history" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand history" -s H -l human -d 'Sizes and times for people (--human=false: bytes and RFC 3339)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand history" -l format -d 'Go template (fields ID, Created, CreatedSince, CreatedAt, CreatedBy, Size, Comment), or json' -r
complete -c husk -n "__fish_husk_using_subcommand history" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand history" -s q -l quiet -d 'Only the ids'
complete -c husk -n "__fish_husk_using_subcommand history" -l no-trunc -d 'Do not cut ids and commands'
complete -c husk -n "__fish_husk_using_subcommand history" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand history" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand build" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -s t -l tag -d 'Name the image (repeatable); a name without a registry is under localhost/' -r
complete -c husk -n "__fish_husk_using_subcommand build" -s f -l file -d 'The Dockerfile (default: Containerfile, else Dockerfile, in the context; - for stdin)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l build-arg -d 'Set a build argument (KEY=VALUE; KEY alone takes it from the environment)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l build-arg-file -d 'Read build arguments from a file of KEY=VALUE lines (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l target -d 'Build this stage (by name) and the stages it needs, not the last one' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l label -d 'Add a label to the image (KEY=VALUE)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l pull -d 'Pull base images: missing (default), always, never (--pull alone: always)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l network -d 'Network of RUN steps: default, none, host, or a network\'s name' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l build-context -d 'A named context for COPY --from and RUN --mount from=: NAME=DIR' -r
complete -c husk -n "__fish_husk_using_subcommand build" -s o -l output -d 'Also write the image\'s files: type=tar,dest=FILE | type=local,dest=DIR | DIR' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l timestamp -d 'Every time in the image (history, layer files) is this Unix time: reproducible builds' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l creds -d 'Credentials USER[:PASSWORD] for pulling base images' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l add-host -d 'RUN steps: add a line to /etc/hosts, NAME:IP' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cap-add -d 'RUN steps: add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cap-drop -d 'RUN steps: drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l device -d 'RUN steps: a host device, HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l dns -d 'RUN steps: a nameserver for /etc/resolv.conf (replaces the host\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l dns-option -d 'RUN steps: an option for /etc/resolv.conf, e.g. ndots:2' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l dns-search -d 'RUN steps: a search domain for /etc/resolv.conf (. for none)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l group-add -d 'RUN steps: a supplementary group (a name in the stage\'s /etc/group, or a number)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l security-opt -d 'RUN steps: seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l ulimit -d 'RUN steps: a resource limit, NAME=SOFT[:HARD] (nofile, nproc, core…)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -s v -l volume -d 'RUN steps: bind a host path or a volume, [NAME|/SRC:]DST[:ro|rw|U|O|z|Z] (never part of a layer)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l ipc -d 'RUN steps: IPC namespace, private (or shareable), host, none, or container:NAME' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l pid -d 'RUN steps: PID namespace, private, host, or container:NAME' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l uts -d 'RUN steps: UTS namespace, private, host, or container:NAME' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cgroupns -d 'RUN steps: cgroup namespace, host (the default) or private' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l userns -d 'RUN steps: user namespace, host (husk\'s own), keep-id[:uid=N,gid=N], nomap or auto[:size=N]' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l userns-uid-map -d 'RUN steps: a uid map, CONTAINER_ID:HOST_ID:SIZE (HOST_ID in your user namespace)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l userns-gid-map -d 'RUN steps: a gid map, as --userns-uid-map (without it, the uid map serves both)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l shm-size -d 'RUN steps: size of /dev/shm (e.g. 256m; default 64m)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l http-proxy -d 'RUN steps: the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy) too (=false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l isolation -d 'RUN steps: isolation, oci or rootless (both husk\'s own runtime; chroot is refused)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l compat-volumes -d 'RUN steps: changes under the image\'s VOLUMEs are dropped (only COPY and ADD may write there)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -s m -l memory -d 'RUN steps: memory limit (e.g. 512m; rootless without a delegated controller: warned about and ignored, as podman does)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l memory-swap -d 'RUN steps: memory and swap limit (-1: unlimited swap)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -s c -l cpu-shares -d 'RUN steps: CPU shares (relative weight)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cpu-period -d 'RUN steps: CFS period (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cpu-quota -d 'RUN steps: CFS quota (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cpuset-cpus -d 'RUN steps: the CPUs they may run on (0-3, 0,2), as their CPU affinity' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cpuset-mems -d 'RUN steps: memory nodes they may use' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l ssh -d 'RUN --mount=type=ssh: an SSH agent\'s socket, default ($SSH_AUTH_SOCK) or ID=SOCKET' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l env -d 'Set a variable in the image (and for its RUN steps): KEY=VALUE, or KEY for this command\'s own (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l unsetenv -d 'Leave this variable out of the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l unsetlabel -d 'Leave this label out of the image, inherited or not (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l inherit-labels -d 'Keep the base image\'s labels (=false: each stage starts without them) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l identity-label -d 'Accepted for podman\'s scripts: husk adds no identity label (io.buildah.version) of its own' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l omit-history -d 'Write no history into the image (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l annotation -d 'An annotation of the image\'s manifest: KEY=VALUE (podman\'s and docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l inherit-annotations -d 'Keep the base image\'s manifest annotations (=false: not) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l unsetannotation -d 'Leave this annotation out of the image, inherited or not (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l created-annotation -d 'Annotate the image with org.opencontainers.image.created (=false: not) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l iidfile-raw -d 'Write the image id without its sha256: prefix to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l compression-format -d 'With --push: compress new layers with gzip (default) or zstd (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l compression-level -d 'With --push: the compression level, gzip 0-9, zstd 1-20 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l mount -d 'A mount every RUN gets, as RUN --mount= writes it: type=cache|bind|secret|tmpfs|ssh,… (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l os-version -d 'The image\'s os.version (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l os-feature -d 'An os.features entry of the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l layer-label -d 'Warned about and ignored: husk makes no intermediate images to label (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l from -d 'The image the first FROM uses instead of its own (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l ignorefile -d 'The ignore file, instead of the context\'s .containerignore or .dockerignore (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l logfile -d 'Write the build\'s output (stdout and stderr) to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l manifest -d 'Add the image to this manifest list, made if it does not exist (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l jobs -d 'Stages built at once (podman\'s; husk builds them one after another, which any N allows)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cache-ttl -d 'Cached steps made longer ago than this are run again, e.g. 24h (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cache-from -d 'A registry repository to look for steps the local cache misses in (REPO:KEY per step)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l cache-to -d 'A registry repository each step that runs a command or copies files is pushed to (REPO:KEY)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l skip-unused-stages -d 'Build only the stages the target needs (=false: every stage) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -s D -l disable-compression -d 'Accepted for podman\'s scripts: layers are stored uncompressed; push compresses them' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l progress -d 'docker\'s output style: auto, plain or tty (husk\'s steps), quiet (as -q), rawjson refused' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l source-date-epoch -d 'As SOURCE_DATE_EPOCH: every time in the image is this Unix time (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l no-cache-filter -d 'Run every step of these stages (by name) again, whatever the cache holds (docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l metadata-file -d 'Write the image\'s id, manifest digest and names as JSON to this file (docker\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand build" -l rm -d 'Accepted for docker\'s and podman\'s scripts: step containers are always removed' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l layers -d 'Accepted for podman\'s scripts: each step is cached (husk always keeps layers)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand build" -l format -d 'Accepted for podman\'s scripts: images are stored as OCI (oci or docker)' -r
complete -c husk -n "__fish_husk_using_subcommand build" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand build" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand build" -l no-cache -d 'Run every step again, whatever the cache holds'
complete -c husk -n "__fish_husk_using_subcommand build" -l pull-always -d 'As --pull=always (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l pull-never -d 'As --pull=never (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l all-platforms -d 'Build for every platform of the base image (refused: RUN steps run only on the host\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l no-hosts -d 'RUN steps: do not make /etc/hosts (the stage\'s own stays)'
complete -c husk -n "__fish_husk_using_subcommand build" -l no-hostname -d 'RUN steps: do not make /etc/hostname (the stage\'s own stays)'
complete -c husk -n "__fish_husk_using_subcommand build" -l stdin -d 'RUN steps: this command\'s stdin is their stdin'
complete -c husk -n "__fish_husk_using_subcommand build" -l force-compression -d 'With --push: compress every layer again (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l squash -d 'Merge the layers this build makes into one, on top of the base image\'s'
complete -c husk -n "__fish_husk_using_subcommand build" -l squash-all -d 'Merge every layer, the base image\'s too, into one (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l logsplit -d 'With --logfile: FILE_OS_ARCH, one file per platform (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l compress -d 'Accepted for docker\'s scripts: the context is read in place, never sent'
complete -c husk -n "__fish_husk_using_subcommand build" -l rewrite-timestamp -d 'Clamp new files\' times to --timestamp / --source-date-epoch (husk always does) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l load -d 'Accepted for docker\'s scripts: the image is always in husk\'s store'
complete -c husk -n "__fish_husk_using_subcommand build" -l push -d 'Push every -t name once built (docker buildx\'s)'
complete -c husk -n "__fish_husk_using_subcommand build" -l force-rm -d 'Accepted for docker\'s and podman\'s scripts: step containers are always removed'
complete -c husk -n "__fish_husk_using_subcommand build" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand build" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand commit" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand commit" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand commit" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand commit" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand commit" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand commit" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand commit" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand commit" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand commit" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand commit" -s c -l change -d 'Apply a Dockerfile instruction to the image config (repeatable): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR, STOPSIGNAL' -r
complete -c husk -n "__fish_husk_using_subcommand commit" -s m -l message -d 'The commit message (history comment)' -r
complete -c husk -n "__fish_husk_using_subcommand commit" -s a -l author -d 'The author' -r
complete -c husk -n "__fish_husk_using_subcommand commit" -s p -l pause -d 'Freeze the container while its files are read (podman\'s default: false)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand commit" -s f -l format -d 'Accepted for podman\'s scripts (images are stored as OCI)' -r
complete -c husk -n "__fish_husk_using_subcommand commit" -l iidfile -d 'Write the image id to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand commit" -l config -d 'A JSON file of config keys (Env, Cmd, Labels…) merged into the container\'s, before -c (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand commit" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand commit" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand commit" -l include-volumes -d 'Make the container\'s -v/--mount destinations the image\'s VOLUMEs (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand commit" -s s -l squash -d 'The image as one layer: the base image\'s and the container\'s merged (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand commit" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand commit" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand untag" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand untag" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand untag" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand untag" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand untag" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand untag" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand untag" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand untag" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand untag" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand untag" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand untag" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand untag" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "ls" -d 'List images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "list" -d 'List images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "search" -d 'Search registries for images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "pull" -d 'Pull an image from a registry'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "push" -d 'Push an image to a registry'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "save" -d 'Write images to an archive (docker-archive, oci-archive) or a directory'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "load" -d 'Read images from an archive (husk save\'s, docker save\'s, podman save\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "import" -d 'Make a one-layer image of a root file system tar (a file, a URL or -)'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "inspect" -d 'Show low-level information on images, as JSON'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "tag" -d 'Give an image another name'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "rm" -d 'Remove images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "prune" -d 'Remove unused images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "exists" -d 'Exit 0 if the image is stored, 1 if not (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "history" -d 'Show the steps that made an image'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "untag" -d 'Take names from an image (all of them if none is given); the image stays'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "build" -d 'Build an image from a Dockerfile (or Containerfile)'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list search pull push save load import inspect tag rm prune exists history untag build help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Output: "json", or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s f -l filter -d 'Filter: dangling=true|false, label=KEY[=VALUE], before=IMAGE, since=IMAGE, reference=PATTERN' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l sort -d 'Sort by created (newest first, the default), id, repository, size or tag (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only image ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (husk keeps no intermediate images: same as without)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s n -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l history -d 'Add a HISTORY column: every name each image had, latest first (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Output: "json", or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s f -l filter -d 'Filter: dangling=true|false, label=KEY[=VALUE], before=IMAGE, since=IMAGE, reference=PATTERN' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l sort -d 'Sort by created (newest first, the default), id, repository, size or tag (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only image ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show digests'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (husk keeps no intermediate images: same as without)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s n -l noheading -d 'No header line (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l history -d 'Add a HISTORY column: every name each image had, latest first (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l limit -d 'At most this many results per registry (tags with --list-tags)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l format -d 'Output: "json", or a Go template such as \'{{.Name}}\' (fields Index, Name, Description, Stars, Official, Automated, Tag)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -s f -l filter -d 'Only results that match: stars=N, is-official=true|false, is-automated=true|false (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l creds -d 'Credentials USER[:PASSWORD]' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l list-tags -d 'List the tags of the repository TERM'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l no-trunc -d 'Do not cut descriptions short'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -l compatible -d 'docker\'s columns: STARS, OFFICIAL and AUTOMATED too (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l policy -d 'always (the default), missing (only if not stored), never, or newer (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials USER[:PASSWORD] for this pull' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -s a -l all-tags -d 'Every tag of the repository (docker\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l digestfile -d 'Write the pushed manifest\'s digest to this file' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-format -d 'Compress new layer blobs with gzip (default) or zstd' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -s f -l format -d 'Manifest kind: oci or v2s2 (default: the image\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l creds -d 'Credentials USER[:PASSWORD] for this push' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l compression-level -d 'Compression level of new layer blobs: gzip 0-9, zstd 1-20 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l force-compression -d '=false: a layer goes as the blob it was pulled as, even when --compression-format names another (podman\'s; default true)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l remove-signatures -d 'Accepted for podman\'s scripts: husk does not remove signatures, it writes none'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -l compress -d 'Accepted for podman\'s scripts: layers pushed to a registry are always compressed (save --compress is for directories)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -s o -l output -d 'Write to this file (a directory for oci-dir and docker-dir); default: standard output' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l format -d 'docker-archive (default), oci-archive, oci-dir or docker-dir' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -s m -l multi-image-archive -d 'Accepted for podman\'s scripts: several images always go into one archive'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l compress -d 'Gzip the layers of a directory format (oci-dir, docker-dir) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -l uncompressed -d 'Layers as plain tars (husk\'s default without --compress) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from save" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -s i -l input -d 'Read from this file (plain, gzip, zstd, bzip2 or xz); default: standard input' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -s q -l quiet -d 'Print nothing but errors'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from load" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -s c -l change -d 'Apply a Dockerfile instruction to the image config (repeatable): CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, USER, VOLUME, WORKDIR, STOPSIGNAL' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -s m -l message -d 'The history comment' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the image id (it is all husk import prints)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l type -d 'What to look for: container, image, or all (containers first)' -r -f -a "all\t''
container\t''
image\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template applied to each result, e.g. \'{{.Id}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s s -l size -d 'Containers\' sizes too: SizeRw (the writable layer) and SizeRootFs (with the image; podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove an image even if it has several names'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s i -l ignore -d 'An image that is not there is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l no-prune -d 'Accepted for podman\'s sake: husk\'s images have no untagged parents to keep'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l filter -d 'Only images that match: until=TIME, label=KEY[=VALUE], label!=KEY[=VALUE] (repeatable)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not only unnamed ones'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l external -d 'Accepted for podman\'s sake: husk keeps no containers of other tools (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l build-cache -d 'The build cache of RUN --mount=type=cache too (podman\'s; -a takes it as well)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from exists" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -s H -l human -d 'Sizes and times for people (--human=false: bytes and RFC 3339)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l format -d 'Go template (fields ID, Created, CreatedSince, CreatedAt, CreatedBy, Size, Comment), or json' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Only the ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -l no-trunc -d 'Do not cut ids and commands'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from untag" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s t -l tag -d 'Name the image (repeatable); a name without a registry is under localhost/' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s f -l file -d 'The Dockerfile (default: Containerfile, else Dockerfile, in the context; - for stdin)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg -d 'Set a build argument (KEY=VALUE; KEY alone takes it from the environment)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l build-arg-file -d 'Read build arguments from a file of KEY=VALUE lines (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l target -d 'Build this stage (by name) and the stages it needs, not the last one' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l label -d 'Add a label to the image (KEY=VALUE)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile -d 'Write the image id to this file' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l pull -d 'Pull base images: missing (default), always, never (--pull alone: always)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l network -d 'Network of RUN steps: default, none, host, or a network\'s name' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l secret -d 'A secret for RUN --mount=type=secret: id=ID,src=PATH or id=ID,env=VAR' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l build-context -d 'A named context for COPY --from and RUN --mount from=: NAME=DIR' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s o -l output -d 'Also write the image\'s files: type=tar,dest=FILE | type=local,dest=DIR | DIR' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l timestamp -d 'Every time in the image (history, layer files) is this Unix time: reproducible builds' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l platform -d 'Platform to pull: os/arch[/variant]' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l arch -d 'The architecture to pull, with --platform\'s other parts or the host\'s (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l os -d 'The OS to pull (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l variant -d 'The architecture variant to pull, e.g. v8 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l creds -d 'Credentials USER[:PASSWORD] for pulling base images' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l add-host -d 'RUN steps: add a line to /etc/hosts, NAME:IP' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-add -d 'RUN steps: add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cap-drop -d 'RUN steps: drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l device -d 'RUN steps: a host device, HOST[:CONTAINER[:PERMISSIONS]] (bound; your user must be able to open it)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l dns -d 'RUN steps: a nameserver for /etc/resolv.conf (replaces the host\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-option -d 'RUN steps: an option for /etc/resolv.conf, e.g. ndots:2' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l dns-search -d 'RUN steps: a search domain for /etc/resolv.conf (. for none)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l group-add -d 'RUN steps: a supplementary group (a name in the stage\'s /etc/group, or a number)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l security-opt -d 'RUN steps: seccomp=unconfined|FILE.json, no-new-privileges[:true|false]; label=… and apparmor=… are accepted' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l ulimit -d 'RUN steps: a resource limit, NAME=SOFT[:HARD] (nofile, nproc, core…)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s v -l volume -d 'RUN steps: bind a host path or a volume, [NAME|/SRC:]DST[:ro|rw|U|O|z|Z] (never part of a layer)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l ipc -d 'RUN steps: IPC namespace, private (or shareable), host, none, or container:NAME' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l pid -d 'RUN steps: PID namespace, private, host, or container:NAME' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l uts -d 'RUN steps: UTS namespace, private, host, or container:NAME' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cgroupns -d 'RUN steps: cgroup namespace, host (the default) or private' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l userns -d 'RUN steps: user namespace, host (husk\'s own), keep-id[:uid=N,gid=N], nomap or auto[:size=N]' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l userns-uid-map -d 'RUN steps: a uid map, CONTAINER_ID:HOST_ID:SIZE (HOST_ID in your user namespace)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l userns-gid-map -d 'RUN steps: a gid map, as --userns-uid-map (without it, the uid map serves both)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l shm-size -d 'RUN steps: size of /dev/shm (e.g. 256m; default 64m)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l http-proxy -d 'RUN steps: the host\'s proxy variables (http_proxy, https_proxy, ftp_proxy, no_proxy) too (=false: not)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l isolation -d 'RUN steps: isolation, oci or rootless (both husk\'s own runtime; chroot is refused)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l compat-volumes -d 'RUN steps: changes under the image\'s VOLUMEs are dropped (only COPY and ADD may write there)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s m -l memory -d 'RUN steps: memory limit (e.g. 512m; rootless without a delegated controller: warned about and ignored, as podman does)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l memory-swap -d 'RUN steps: memory and swap limit (-1: unlimited swap)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s c -l cpu-shares -d 'RUN steps: CPU shares (relative weight)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cpu-period -d 'RUN steps: CFS period (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cpu-quota -d 'RUN steps: CFS quota (microseconds)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cpuset-cpus -d 'RUN steps: the CPUs they may run on (0-3, 0,2), as their CPU affinity' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cpuset-mems -d 'RUN steps: memory nodes they may use' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l ssh -d 'RUN --mount=type=ssh: an SSH agent\'s socket, default ($SSH_AUTH_SOCK) or ID=SOCKET' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l env -d 'Set a variable in the image (and for its RUN steps): KEY=VALUE, or KEY for this command\'s own (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l unsetenv -d 'Leave this variable out of the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l unsetlabel -d 'Leave this label out of the image, inherited or not (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l inherit-labels -d 'Keep the base image\'s labels (=false: each stage starts without them) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l identity-label -d 'Accepted for podman\'s scripts: husk adds no identity label (io.buildah.version) of its own' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l omit-history -d 'Write no history into the image (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l annotation -d 'An annotation of the image\'s manifest: KEY=VALUE (podman\'s and docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l inherit-annotations -d 'Keep the base image\'s manifest annotations (=false: not) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l unsetannotation -d 'Leave this annotation out of the image, inherited or not (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l created-annotation -d 'Annotate the image with org.opencontainers.image.created (=false: not) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l iidfile-raw -d 'Write the image id without its sha256: prefix to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l compression-format -d 'With --push: compress new layers with gzip (default) or zstd (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l compression-level -d 'With --push: the compression level, gzip 0-9, zstd 1-20 (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l mount -d 'A mount every RUN gets, as RUN --mount= writes it: type=cache|bind|secret|tmpfs|ssh,… (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l os-version -d 'The image\'s os.version (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l os-feature -d 'An os.features entry of the image (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l layer-label -d 'Warned about and ignored: husk makes no intermediate images to label (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l from -d 'The image the first FROM uses instead of its own (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l ignorefile -d 'The ignore file, instead of the context\'s .containerignore or .dockerignore (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l logfile -d 'Write the build\'s output (stdout and stderr) to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l manifest -d 'Add the image to this manifest list, made if it does not exist (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l jobs -d 'Stages built at once (podman\'s; husk builds them one after another, which any N allows)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-ttl -d 'Cached steps made longer ago than this are run again, e.g. 24h (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-from -d 'A registry repository to look for steps the local cache misses in (REPO:KEY per step)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l cache-to -d 'A registry repository each step that runs a command or copies files is pushed to (REPO:KEY)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l skip-unused-stages -d 'Build only the stages the target needs (=false: every stage) (podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s D -l disable-compression -d 'Accepted for podman\'s scripts: layers are stored uncompressed; push compresses them' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l progress -d 'docker\'s output style: auto, plain or tty (husk\'s steps), quiet (as -q), rawjson refused' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l source-date-epoch -d 'As SOURCE_DATE_EPOCH: every time in the image is this Unix time (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache-filter -d 'Run every step of these stages (by name) again, whatever the cache holds (docker\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l metadata-file -d 'Write the image\'s id, manifest digest and names as JSON to this file (docker\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l rm -d 'Accepted for docker\'s and podman\'s scripts: step containers are always removed' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l layers -d 'Accepted for podman\'s scripts: each step is cached (husk always keeps layers)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l format -d 'Accepted for podman\'s scripts: images are stored as OCI (oci or docker)' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l no-cache -d 'Run every step again, whatever the cache holds'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l pull-always -d 'As --pull=always (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l pull-never -d 'As --pull=never (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l all-platforms -d 'Build for every platform of the base image (refused: RUN steps run only on the host\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l no-hosts -d 'RUN steps: do not make /etc/hosts (the stage\'s own stays)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l no-hostname -d 'RUN steps: do not make /etc/hostname (the stage\'s own stays)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l stdin -d 'RUN steps: this command\'s stdin is their stdin'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l force-compression -d 'With --push: compress every layer again (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l squash -d 'Merge the layers this build makes into one, on top of the base image\'s'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l squash-all -d 'Merge every layer, the base image\'s too, into one (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l logsplit -d 'With --logfile: FILE_OS_ARCH, one file per platform (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l compress -d 'Accepted for docker\'s scripts: the context is read in place, never sent'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l rewrite-timestamp -d 'Clamp new files\' times to --timestamp / --source-date-epoch (husk always does) (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l load -d 'Accepted for docker\'s scripts: the image is always in husk\'s store'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l push -d 'Push every -t name once built (docker buildx\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -l force-rm -d 'Accepted for docker\'s and podman\'s scripts: step containers are always removed'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from build" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List images'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "search" -d 'Search registries for images'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "pull" -d 'Pull an image from a registry'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push an image to a registry'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "save" -d 'Write images to an archive (docker-archive, oci-archive) or a directory'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "load" -d 'Read images from an archive (husk save\'s, docker save\'s, podman save\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "import" -d 'Make a one-layer image of a root file system tar (a file, a URL or -)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show low-level information on images, as JSON'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "tag" -d 'Give an image another name'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove images'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove unused images'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "exists" -d 'Exit 0 if the image is stored, 1 if not (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show the steps that made an image'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "untag" -d 'Take names from an image (all of them if none is given); the image stays'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "build" -d 'Build an image from a Dockerfile (or Containerfile)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand inspect" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand inspect" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand inspect" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand inspect" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand inspect" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand inspect" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand inspect" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand inspect" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand inspect" -l type -d 'What to look for: container, image, or all (containers first)' -r -f -a "all\t''
container\t''
image\t''"
complete -c husk -n "__fish_husk_using_subcommand inspect" -s f -l format -d 'Go template applied to each result, e.g. \'{{.Id}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand inspect" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand inspect" -s l -l latest -d 'The latest container created (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand inspect" -s s -l size -d 'Containers\' sizes too: SizeRw (the writable layer) and SizeRootFs (with the image; podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand tag" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand tag" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand tag" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand tag" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand tag" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand tag" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand tag" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand tag" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand tag" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand tag" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand tag" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand tag" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand rmi" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rmi" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand rmi" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand rmi" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rmi" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rmi" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rmi" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand rmi" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand rmi" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rmi" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s f -l force -d 'Remove an image even if it has several names'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s i -l ignore -d 'An image that is not there is no error (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand rmi" -l no-prune -d 'Accepted for podman\'s sake: husk\'s images have no untagged parents to keep'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand login" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -s u -l username -r
complete -c husk -n "__fish_husk_using_subcommand login" -s p -l password -d 'Password (prefer --password-stdin)' -r
complete -c husk -n "__fish_husk_using_subcommand login" -l secret -d 'Read the password from this secret (husk secret create) (podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l retry -d 'Times to retry a failed registry request or a broken download (default 3; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand login" -l retry-delay -d 'The wait between retries, e.g. 2s (default: doubling from 0.5s; podman\'s)' -r
complete -c husk -n "__fish_husk_using_subcommand login" -l cert-dir -d 'CA certificates (*.crt) and a client certificate (*.cert, *.key) for the registry, instead of certs.d\'s (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l disable-content-trust -d 'Accepted for docker\'s and podman\'s scripts (a no-op there too): husk checks digests, not signatures' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c husk -n "__fish_husk_using_subcommand login" -l get-login -d 'Print the user name logged in to the registry, and nothing else (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand login" -s v -l verbose -d 'Say which credentials file is written (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand login" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand login" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand logout" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand logout" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand logout" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand logout" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand logout" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l authfile -d 'Credentials file' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry from the login file'
complete -c husk -n "__fish_husk_using_subcommand logout" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand logout" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand version" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand version" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand version" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand version" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand version" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand version" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand version" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand version" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand version" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand version" -s f -l format -d 'Output: "json", or a Go template' -r
complete -c husk -n "__fish_husk_using_subcommand version" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand version" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand version" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand info" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand info" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand info" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand info" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand info" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand info" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand info" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand info" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand info" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand info" -s f -l format -d 'Output: "json", or a Go template' -r
complete -c husk -n "__fish_husk_using_subcommand info" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand info" -s D -l debug -d 'Accepted for podman\'s scripts: husk info always shows everything'
complete -c husk -n "__fish_husk_using_subcommand info" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand info" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand completion" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand completion" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand completion" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand completion" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand completion" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand completion" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand completion" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand completion" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand completion" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand completion" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand completion" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand completion" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "check" -d 'Check the store for consistency (digests, complete layers, leftovers)'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "reset" -d 'Remove every image and all of husk\'s storage'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "df" -d 'Show the space images, containers and volumes take'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "prune" -d 'Remove stopped containers, unused networks, dangling images (and with --volumes, unused volumes)'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "info" -d 'Show facts about husk and this host (as husk info)'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "events" -d 'Show events (as husk events)'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "service" -d 'Serve the Docker Engine API on a unix socket (for the docker CLI, SDKs, docker-compose)'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset df prune info events service help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s r -l repair -d 'Remove what is broken (images that lose content must be pulled again)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s f -l force -d 'With --repair: also remove the containers that cannot start for want of a layer (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s q -l quick -d 'Skip the slow checks: blobs\' digests are not computed (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l format -d 'Go template (fields Type, Total, Active, Size, Reclaimable), or json' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -s v -l verbose -d 'Each image, container and volume with the space it takes (podman\'s and docker\'s)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from df" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l filter -d 'Only containers and images that match: until=TIME, label=KEY[=VALUE], label!=KEY[=VALUE]' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -s a -l all -d 'Every image without a container, not only dangling ones'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l volumes -d 'Unused volumes too'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l external -d 'Accepted for podman\'s sake: husk keeps no containers of other tools (buildah\'s)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -l build -d 'Accepted for podman\'s sake: husk build leaves no build containers behind'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -s f -l format -d 'Output: "json", or a Go template' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -s D -l debug -d 'Accepted for podman\'s scripts: husk info always shows everything'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from info" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l since -d 'Show past events from this time on (RFC 3339, Unix seconds, or a duration such as 10m)' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l until -d 'Stop at this time (past events up to it; a time to come: follow until then)' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -s f -l filter -d 'type=container|image|volume|network, event=ACTION, container=, image=, volume=, network=, label=KEY[=VALUE]' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l format -d 'Go template (fields Type, Action, Actor.ID, Actor.Attributes, Time, TimeNano, ID, Name, Image, Status), or json' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l stream -d 'Follow new events (--stream=false: print the past ones and exit; podman\'s)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -l no-trunc -d 'Accepted for podman\'s scripts: ids are never cut'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from events" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l storage-driver -d 'Storage driver for container root filesystems: fuse-overlay (husk\'s own), overlay (the kernel\'s) or vfs (a full copy per container); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''
vfs\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l log-level -d 'How much to log (podman\'s): husk says errors, and warnings where podman warns, at any level' -r -f -a "trace\t''
debug\t''
info\t''
warn\t''
warning\t''
error\t''
fatal\t''
panic\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l out -d 'Write standard output to this file (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l runroot -d 'The directory of husk\'s runtime state (default: $XDG_RUNTIME_DIR/husk) (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l tmpdir -d 'As --runroot: husk keeps its runtime state in one directory (podman\'s)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l events-backend -d 'Where events go: file (husk\'s event log, the default) or none; journald is refused (podman\'s)' -r -f -a "file\t''
none\t''
journald\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l cgroup-manager -d 'Accepted for podman\'s scripts: cgroupfs or systemd; husk makes no cgroups for either to manage' -r -f -a "cgroupfs\t''
systemd\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l registries-conf -d 'The registries.conf to read instead of yours and the system\'s (podman\'s; also $REGISTRIES_CONFIG_PATH)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -s t -l time -d 'Exit after this many seconds without a request or an open connection (0: never)' -r
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -l noout -d 'Print nothing on standard output (podman\'s); errors still go to standard error'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from service" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check the store for consistency (digests, complete layers, leftovers)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Remove every image and all of husk\'s storage'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "df" -d 'Show the space images, containers and volumes take'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Remove stopped containers, unused networks, dangling images (and with --volumes, unused volumes)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show facts about husk and this host (as husk info)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "events" -d 'Show events (as husk events)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "service" -d 'Serve the Docker Engine API on a unix socket (for the docker CLI, SDKs, docker-compose)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "run" -d 'Run a command in a new container'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "create" -d 'Create a container (as run does) without starting it; prints its id'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "start" -d 'Start created or exited containers (in the background; -a: in the foreground)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "ps" -d 'List containers'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "logs" -d 'Show a container\'s output'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "exec" -d 'Run a command in a running container'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "attach" -d 'Attach to a running container\'s output (and input, with -i or -t)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "stop" -d 'Stop containers: the stop signal, then SIGKILL after a timeout'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "kill" -d 'Send a signal to containers (SIGKILL by default)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "restart" -d 'Stop containers, then start them again'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "wait" -d 'Wait for containers to exit; prints their exit codes'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "rm" -d 'Remove containers'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "rename" -d 'Rename a container'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "cp" -d 'Copy files between a container (running or not) and the host'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "top" -d 'Show the processes of a running container (podman\'s descriptors, or ps options)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "port" -d 'Show a container\'s published ports (all, or those of PORT[/PROTO])'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "diff" -d 'Show what a container changed in its file system (A added, C changed, D deleted)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "pause" -d 'Stop every process of containers (SIGSTOP) until unpause'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "unpause" -d 'Let the processes of paused containers go on (SIGCONT)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "container" -d 'Manage containers'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "generate" -d 'Generate files for other tools (systemd units, Kubernetes YAML)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "kube" -d 'Kubernetes YAML: generate it from containers and pods, play it as pods, take them down (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "play" -d 'Play Kubernetes YAML (podman\'s older spelling of kube play)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "healthcheck" -d 'Run a container\'s health check (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "events" -d 'Show what husk did to containers, images, volumes and networks, following new events'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "network" -d 'Manage networks'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "volume" -d 'Manage volumes'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "pod" -d 'Manage pods: containers that share network, ipc and uts namespaces (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "secret" -d 'Manage secrets, given to containers with run --secret (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "manifest" -d 'Manage manifest lists (multi-platform images)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "compose" -d 'Run multi-container applications from compose files (docker compose\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "unshare" -d 'Run a command in husk\'s user namespace, as its root (default: your shell)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "monitor" -d 'The detached monitor of a container (started by run -d and start)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "pull" -d 'Pull an image from a registry'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "push" -d 'Push an image to a registry'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "save" -d 'Write images to an archive (docker-archive, oci-archive) or a directory'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "load" -d 'Read images from an archive (husk save\'s, docker save\'s, podman save\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "export" -d 'Write a container\'s root file system as a tar'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "search" -d 'Search registries for repositories, or list a repository\'s tags'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "import" -d 'Make a one-layer image of a root file system tar (a file, a URL or -)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "images" -d 'List images'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "history" -d 'Show the steps that made an image'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "build" -d 'Build an image from a Dockerfile (or Containerfile)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "commit" -d 'Make a new image of a container\'s changes'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "untag" -d 'Take names from an image (all of them if none is given); the image stays (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "image" -d 'Manage images'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "inspect" -d 'Show low-level information on containers or images, as JSON'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "tag" -d 'Give an image another name'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "rmi" -d 'Remove images'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "login" -d 'Log in to a registry'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "logout" -d 'Log out of a registry'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "version" -d 'Show the version'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "info" -d 'Show how husk is set up: store, storage driver, id mapping, registries'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "completion" -d 'Print a shell completion script'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "system" -d 'Manage husk itself'
complete -c husk -n "__fish_husk_using_subcommand help; and not __fish_seen_subcommand_from run create start ps logs exec attach stop kill restart wait rm rename cp top port diff pause unpause container generate kube play healthcheck events network volume pod secret manifest compose unshare monitor pull push save load export search import images history build commit untag image inspect tag rmi login logout version info completion system help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "ls" -d 'List containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "run" -d 'Run a command in a new container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "create" -d 'Create a container without starting it'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "commit" -d 'A new image of a container\'s changes'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "inspect" -d 'Show low-level information on containers, as JSON'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rm" -d 'Remove containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "prune" -d 'Remove every stopped container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "export" -d 'Write a container\'s root file system as a tar'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "stop" -d 'Stop containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "start" -d 'Start containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "kill" -d 'Send a signal to containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "wait" -d 'Wait for containers to exit'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "logs" -d 'Show a container\'s output'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exec" -d 'Run a command in a running container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "attach" -d 'Attach to a running container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "restart" -d 'Restart containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "rename" -d 'Rename a container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "cp" -d 'Copy files between a container and the host'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "top" -d 'Show the processes of a running container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "port" -d 'Show a container\'s published ports'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "diff" -d 'Show what a container changed in its file system'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "pause" -d 'Pause containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "unpause" -d 'Unpause containers'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from container" -f -a "exists" -d 'Exit 0 if the container exists, 1 if not (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "systemd" -d 'A systemd user unit that starts, stops and restarts a container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "kube" -d 'Kubernetes YAML for containers, pods and volumes (kube generate)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "generate" -d 'Kubernetes YAML (a Pod or a Deployment, a Service, claims) for containers, pods and volumes'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "play" -d 'Run the pods of Kubernetes YAML: Pods, Deployments, Services, ConfigMaps, Secrets, PersistentVolumeClaims'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from kube" -f -a "down" -d 'Remove the pods Kubernetes YAML made (kube play --down)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from play" -f -a "kube" -d 'Run the pods of Kubernetes YAML (kube play)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from healthcheck" -f -a "run" -d 'Run the health check now: exit 0 if healthy, 1 (printing the status) if not'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "create" -d 'Create a bridge network (containers on it resolve each other by name)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "ls" -d 'List networks'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "inspect" -d 'Show networks as JSON'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "rm" -d 'Remove networks (refused while containers use them, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "prune" -d 'Remove every network no container uses'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "exists" -d 'Exit 0 if the network exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "connect" -d 'Put a container on a network (a running one at once)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "disconnect" -d 'Take a container off a network (a running one at once)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "create" -d 'Create a volume (an existing one of that name is kept as it is)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "ls" -d 'List volumes'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "inspect" -d 'Show volumes as JSON'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "rm" -d 'Remove volumes (refused while containers use them, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "prune" -d 'Remove every volume no container uses'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from volume" -f -a "exists" -d 'Exit 0 if the volume exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "create" -d 'Create a pod: its infra container holds the network, ipc and uts namespaces its containers share'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "ps" -d 'List pods'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "inspect" -d 'Show pods as JSON'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "start" -d 'Start pods: the infra container, then the others'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "stop" -d 'Stop pods: their containers, then the infra container'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "restart" -d 'Stop and start pods again'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "kill" -d 'Send a signal to the running containers of pods'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "pause" -d 'Pause the running containers of pods'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "unpause" -d 'Unpause the paused containers of pods'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "prune" -d 'Remove every pod none of whose containers runs'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "logs" -d 'Show the output of a pod\'s containers (each line after its container\'s id, or --names its name)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "rm" -d 'Remove pods and their containers (refused while they run, unless -f)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "exists" -d 'Exit 0 if the pod exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from pod" -f -a "top" -d 'The processes of a pod\'s running containers (podman\'s descriptors, or ps options)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "create" -d 'Make a secret from a file, - (stdin) or an environment variable'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "ls" -d 'List secrets'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "inspect" -d 'Show secrets as JSON'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "rm" -d 'Remove secrets (containers made with one keep their copy)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from secret" -f -a "exists" -d 'Exit 0 if the secret exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "create" -d 'Make a manifest list, of the images given (more with add)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "add" -d 'Add an image of the store to a list (its platform from its config, or the flags)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "annotate" -d 'Set the platform or annotations of an image in a list, or (--index) the list\'s own annotations'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "remove" -d 'Take an image (by id) out of a list'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "inspect" -d 'Show a list as an OCI index, or a registry\'s manifest or index'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "push" -d 'Push every image of a list by digest, then the list under the destination\'s tag'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "rm" -d 'Delete lists (their images stay)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "exists" -d 'Exit 0 if the list exists, 1 if not'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "ls" -d 'List images'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "search" -d 'Search registries for images'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "pull" -d 'Pull an image from a registry'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "push" -d 'Push an image to a registry'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "save" -d 'Write images to an archive (docker-archive, oci-archive) or a directory'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "load" -d 'Read images from an archive (husk save\'s, docker save\'s, podman save\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "import" -d 'Make a one-layer image of a root file system tar (a file, a URL or -)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "inspect" -d 'Show low-level information on images, as JSON'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "tag" -d 'Give an image another name'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "rm" -d 'Remove images'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "prune" -d 'Remove unused images'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "exists" -d 'Exit 0 if the image is stored, 1 if not (podman\'s)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "history" -d 'Show the steps that made an image'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "untag" -d 'Take names from an image (all of them if none is given); the image stays'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "build" -d 'Build an image from a Dockerfile (or Containerfile)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "check" -d 'Check the store for consistency (digests, complete layers, leftovers)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "reset" -d 'Remove every image and all of husk\'s storage'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "df" -d 'Show the space images, containers and volumes take'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "prune" -d 'Remove stopped containers, unused networks, dangling images (and with --volumes, unused volumes)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "info" -d 'Show facts about husk and this host (as husk info)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "events" -d 'Show events (as husk events)'
complete -c husk -n "__fish_husk_using_subcommand help; and __fish_seen_subcommand_from system" -f -a "service" -d 'Serve the Docker Engine API on a unix socket (for the docker CLI, SDKs, docker-compose)'

# Container and image names (asked of husk itself).
function __husk_containers; husk ps -a --format '{{.Names}}' 2>/dev/null; end
function __husk_images; husk images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null; end
complete -c husk -n "__fish_seen_subcommand_from start stop restart kill rm logs exec attach wait top port diff pause unpause rename inspect cp" -f -a "(__husk_containers)"
complete -c husk -n "__fish_seen_subcommand_from run create rmi tag" -f -a "(__husk_images)"
