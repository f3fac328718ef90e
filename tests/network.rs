//! Networking (issue 13): what containers resolve and reach. So far: the
//! name-resolution files (/etc/hosts and /etc/resolv.conf) and their flags.

mod common;

use common::{image, Home};

fn bb() -> String {
    image("busybox")
}

#[test]
fn add_host_and_dns_flags_write_hosts_and_resolv_conf() {
    let home = Home::new();
    let out = home
        .husk(&[
            "run",
            "--rm",
            "--name",
            "n",
            "-h",
            "box",
            "--add-host",
            "db.example:10.1.2.3",
            "--add-host",
            "v6=fd00::1",
            "--dns",
            "192.0.2.53",
            "--dns-search",
            "corp.example",
            "--dns-option",
            "ndots:2",
            &bb(),
            "sh",
            "-c",
            "cat /etc/hosts /etc/resolv.conf",
        ])
        .ok()
        .to_string();
    for line in [
        "127.0.1.1\tbox",
        "10.1.2.3\tdb.example",
        "fd00::1\tv6",
        "nameserver 192.0.2.53",
        "search corp.example",
        "options ndots:2",
    ] {
        assert!(out.lines().any(|l| l == line), "{line:?} not in:\n{out}");
    }
    // The host's nameservers are replaced, not added to.
    assert_eq!(out.matches("nameserver").count(), 1, "{out}");
    // Inspect says them as docker does.
    home.husk(&[
        "create",
        "--name",
        "c",
        "--add-host",
        "a:10.0.0.1",
        "--dns",
        "192.0.2.1",
        &bb(),
    ])
    .ok();
    let host_config = home
        .husk(&[
            "inspect",
            "--format",
            "{{json .HostConfig.ExtraHosts}} {{json .HostConfig.Dns}}",
            "c",
        ])
        .ok()
        .to_string();
    assert_eq!(host_config.trim(), r#"["a:10.0.0.1"] ["192.0.2.1"]"#);
    // Bad values: one line naming the value, before anything is made.
    for (flag, value, needle) in [
        ("--add-host", "nocolon", "use NAME:IP"),
        ("--add-host", "x:999.1.1.1", "not an IP address"),
        (
            "--add-host",
            "x:host-gateway",
            "host-gateway is not supported",
        ),
        ("--dns", "dns.example", "an IP address"),
        ("--dns-search", "a b", "a domain name"),
    ] {
        home.husk(&["run", "--rm", flag, value, &bb(), "true"])
            .fails(125, needle);
    }
    assert_eq!(
        home.husk(&["ps", "-aq"]).ok().lines().count(),
        1,
        "only c exists"
    );
    home.husk(&["rm", "c"]).ok();
}
