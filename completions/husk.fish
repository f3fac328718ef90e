# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_husk_global_optspecs
    string join \n root= storage-driver= h/help V/version
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
complete -c husk -n "__fish_husk_needs_command" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_needs_command" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_needs_command" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_needs_command" -f -a "run" -d 'Run a command in a new container'
complete -c husk -n "__fish_husk_needs_command" -f -a "create" -d 'Create a container (as run does) without starting it; prints its id'
complete -c husk -n "__fish_husk_needs_command" -f -a "start" -d 'Start a created or exited container'
complete -c husk -n "__fish_husk_needs_command" -f -a "pull" -d 'Pull an image from a registry'
complete -c husk -n "__fish_husk_needs_command" -f -a "images" -d 'List images'
complete -c husk -n "__fish_husk_needs_command" -f -a "image" -d 'Manage images'
complete -c husk -n "__fish_husk_needs_command" -f -a "inspect" -d 'Show low-level information on images, as JSON'
complete -c husk -n "__fish_husk_needs_command" -f -a "tag" -d 'Give an image another name'
complete -c husk -n "__fish_husk_needs_command" -f -a "rmi" -d 'Remove images'
complete -c husk -n "__fish_husk_needs_command" -f -a "login" -d 'Log in to a registry'
complete -c husk -n "__fish_husk_needs_command" -f -a "logout" -d 'Log out of a registry'
complete -c husk -n "__fish_husk_needs_command" -f -a "version" -d 'Show the version'
complete -c husk -n "__fish_husk_needs_command" -f -a "info" -d 'Show how husk is set up: store, storage driver, id mapping, registries'
complete -c husk -n "__fish_husk_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c husk -n "__fish_husk_needs_command" -f -a "system" -d 'Manage husk itself'
complete -c husk -n "__fish_husk_using_subcommand run" -l name -d 'Name of the container' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s u -l user -d 'User (name or uid) and group (name or gid) to run as' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s h -l hostname -d 'Hostname of the container' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l entrypoint -d 'Override the image\'s entrypoint ("" for none)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -s v -l volume -d 'Bind-mount a host path: SRC:DST[:ro|rw]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l tmpfs -d 'Mount a tmpfs: DST[:OPTS]' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l network -d 'Network: none (loopback only, the default for now) or host' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cap-add -d 'Add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l cap-drop -d 'Drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l security-opt -d 'seccomp=unconfined|FILE.json, no-new-privileges' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core...)' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l pull -d 'Pull the image: missing (default), always, never' -r -f -a "missing\t''
always\t''
never\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l platform -d 'Platform to pull (os/arch[/variant])' -r
complete -c husk -n "__fish_husk_using_subcommand run" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand run" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand run" -l rm -d 'Remove the container when it exits'
complete -c husk -n "__fish_husk_using_subcommand run" -s i -l interactive -d 'Keep stdin open (attach it to the container)'
complete -c husk -n "__fish_husk_using_subcommand run" -s t -l tty -d 'Give the container a terminal'
complete -c husk -n "__fish_husk_using_subcommand run" -l read-only -d 'Mount the root filesystem read-only'
complete -c husk -n "__fish_husk_using_subcommand run" -l init -d 'Run a tiny init as PID 1 that forwards signals and reaps processes'
complete -c husk -n "__fish_husk_using_subcommand run" -l privileged -d 'All capabilities, no masked paths, no seccomp (still inside the user namespace)'
complete -c husk -n "__fish_husk_using_subcommand run" -s q -l quiet -d 'Do not print pull progress'
complete -c husk -n "__fish_husk_using_subcommand run" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand run" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand create" -l name -d 'Name of the container' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s e -l env -d 'Set an environment variable (NAME=VALUE, or NAME to take husk\'s own)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l env-file -d 'Read environment variables from a file (NAME=VALUE lines)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -s w -l workdir -d 'Working directory inside the container' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s u -l user -d 'User (name or uid) and group (name or gid) to run as' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s h -l hostname -d 'Hostname of the container' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l entrypoint -d 'Override the image\'s entrypoint ("" for none)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -s v -l volume -d 'Bind-mount a host path: SRC:DST[:ro|rw]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l tmpfs -d 'Mount a tmpfs: DST[:OPTS]' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l network -d 'Network: none (loopback only, the default for now) or host' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cap-add -d 'Add capabilities (e.g. NET_ADMIN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l cap-drop -d 'Drop capabilities (e.g. CHOWN, or ALL)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l security-opt -d 'seccomp=unconfined|FILE.json, no-new-privileges' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l ulimit -d 'Resource limit: NAME=SOFT[:HARD] (nofile, nproc, core...)' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l pull -d 'Pull the image: missing (default), always, never' -r -f -a "missing\t''
always\t''
never\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l platform -d 'Platform to pull (os/arch[/variant])' -r
complete -c husk -n "__fish_husk_using_subcommand create" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand create" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand create" -l rm -d 'Remove the container when it exits'
complete -c husk -n "__fish_husk_using_subcommand create" -s i -l interactive -d 'Keep stdin open (attach it to the container)'
complete -c husk -n "__fish_husk_using_subcommand create" -s t -l tty -d 'Give the container a terminal'
complete -c husk -n "__fish_husk_using_subcommand create" -l read-only -d 'Mount the root filesystem read-only'
complete -c husk -n "__fish_husk_using_subcommand create" -l init -d 'Run a tiny init as PID 1 that forwards signals and reaps processes'
complete -c husk -n "__fish_husk_using_subcommand create" -l privileged -d 'All capabilities, no masked paths, no seccomp (still inside the user namespace)'
complete -c husk -n "__fish_husk_using_subcommand create" -s q -l quiet -d 'Do not print pull progress'
complete -c husk -n "__fish_husk_using_subcommand create" -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand create" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand start" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand start" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand start" -s a -l attach -d 'Attach: wait for the container in the foreground, with its output (and exit code)'
complete -c husk -n "__fish_husk_using_subcommand start" -s i -l interactive -d 'Attach stdin too'
complete -c husk -n "__fish_husk_using_subcommand start" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand start" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand pull" -l platform -d 'Platform to choose from a multi-platform image (os/arch[/variant])' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l creds -d 'Credentials USER[:PASSWORD] for this pull' -r
complete -c husk -n "__fish_husk_using_subcommand pull" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand pull" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand pull" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand pull" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand pull" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand images" -l format -d 'Output: "json", or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand images" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand images" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand images" -s q -l quiet -d 'Print only image ids'
complete -c husk -n "__fish_husk_using_subcommand images" -l digests -d 'Show digests'
complete -c husk -n "__fish_husk_using_subcommand images" -l no-trunc -d 'Do not truncate ids'
complete -c husk -n "__fish_husk_using_subcommand images" -s a -l all -d 'Show all images (husk keeps no intermediate images: same as without)'
complete -c husk -n "__fish_husk_using_subcommand images" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand images" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -f -a "ls" -d 'List images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -f -a "list" -d 'List images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -f -a "pull" -d 'Pull an image from a registry'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -f -a "inspect" -d 'Show low-level information on images, as JSON'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -f -a "tag" -d 'Give an image another name'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -f -a "rm" -d 'Remove images'
complete -c husk -n "__fish_husk_using_subcommand image; and not __fish_seen_subcommand_from ls list pull inspect tag rm prune" -f -a "prune" -d 'Remove unused images'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l format -d 'Output: "json", or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only image ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l digests -d 'Show digests'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -l no-trunc -d 'Do not truncate ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s a -l all -d 'Show all images (husk keeps no intermediate images: same as without)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l format -d 'Output: "json", or a Go template such as \'{{.Repository}}:{{.Tag}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only image ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l digests -d 'Show digests'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -l no-trunc -d 'Do not truncate ids'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s a -l all -d 'Show all images (husk keeps no intermediate images: same as without)'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l platform -d 'Platform to choose from a multi-platform image (os/arch[/variant])' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l creds -d 'Credentials USER[:PASSWORD] for this pull' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -s q -l quiet -d 'Print only the image id'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from pull" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s f -l format -d 'Go template applied to each result, e.g. \'{{.Id}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from tag" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s f -l force -d 'Remove an image even if it has several names'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s a -l all -d 'Remove all images'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s a -l all -d 'Remove all unused images, not only unnamed ones'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s f -l force -d 'Do not ask for confirmation'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand image; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand inspect" -s f -l format -d 'Go template applied to each result, e.g. \'{{.Id}}\'' -r
complete -c husk -n "__fish_husk_using_subcommand inspect" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand inspect" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand tag" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand tag" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand tag" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand tag" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand rmi" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand rmi" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand rmi" -s f -l force -d 'Remove an image even if it has several names'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s a -l all -d 'Remove all images'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand rmi" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand login" -s u -l username -r
complete -c husk -n "__fish_husk_using_subcommand login" -s p -l password -d 'Password (prefer --password-stdin)' -r
complete -c husk -n "__fish_husk_using_subcommand login" -l tls-verify -d 'Require HTTPS and verify certificates (--tls-verify=false to skip, and allow HTTP)' -r -f -a "true\t''
false\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l authfile -d 'Credentials file (default: $REGISTRY_AUTH_FILE, then containers\' auth.json, then ~/.docker/config.json)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand login" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c husk -n "__fish_husk_using_subcommand login" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand login" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand logout" -l authfile -d 'Credentials file' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand logout" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand logout" -s a -l all -d 'Remove the credentials of every registry from the login file'
complete -c husk -n "__fish_husk_using_subcommand logout" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand logout" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand version" -s f -l format -d 'Output: "json", or a Go template' -r
complete -c husk -n "__fish_husk_using_subcommand version" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand version" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand version" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand version" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand info" -s f -l format -d 'Output: "json", or a Go template' -r
complete -c husk -n "__fish_husk_using_subcommand info" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand info" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand info" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand info" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand completion" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand completion" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand completion" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand completion" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset" -f -a "check" -d 'Check the store for consistency (digests, complete layers, leftovers)'
complete -c husk -n "__fish_husk_using_subcommand system; and not __fish_seen_subcommand_from check reset" -f -a "reset" -d 'Remove every image and all of husk\'s storage'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s r -l repair -d 'Remove what is broken (images that lose content must be pulled again)'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l root -d 'Store root (default: $XDG_DATA_HOME/husk, i.e. ~/.local/share/husk)' -r -F
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -l storage-driver -d 'Storage driver for container root filesystems: overlay (the kernel\'s) or fuse-overlay (husk\'s own); default from husk.toml, else fuse-overlay' -r -f -a "overlay\t''
fuse-overlay\t''"
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -s f -l force -d 'Do not ask for confirmation'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c husk -n "__fish_husk_using_subcommand system; and __fish_seen_subcommand_from reset" -s V -l version -d 'Print version'
