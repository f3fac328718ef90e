//! Networking (issue 13): the default network and user networks (a bridge
//! per network in the per-user network namespace), published ports, names
//! (DNS, --link, /etc/hosts, resolv.conf), and the other network modes.
//! Nothing leaves loopback or the namespaces husk makes.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::time::Duration;

use common::{free_port, http_get, image, Home};

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
    // On the default network, the container's own address names it.
    assert!(
        out.lines()
            .any(|l| l.starts_with("10.88.") && l.ends_with("\tbox n")),
        "{out}"
    );
    for line in [
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

/// A one-page HTTP server on the host's 127.0.0.1 (a thread of the test).
fn host_server(body: &'static str) -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut c in l.incoming().flatten() {
            let mut buf = [0u8; 1024];
            let _ = c.read(&mut buf);
            let _ = write!(
                c,
                "HTTP/1.0 200 OK\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
        }
    });
    port
}

/// A detached busybox httpd serving "hello from NAME" on port 80.
fn web(home: &Home, name: &str, extra: &[&str]) {
    let script = format!(
        "mkdir -p /www && echo hello from {name} > /www/index.html && exec httpd -f -p 80 -h /www"
    );
    let bb = bb();
    let mut args = vec!["run", "-d", "--name", name];
    args.extend_from_slice(extra);
    args.extend_from_slice(&[bb.as_str(), "sh", "-c", &script]);
    home.husk(&args).ok();
}

fn inspect(home: &Home, name: &str, format: &str) -> String {
    home.husk(&["inspect", "--format", format, name])
        .ok()
        .trim()
        .to_string()
}

#[test]
fn default_network_reaches_the_host_and_other_containers() {
    let home = Home::new();
    let port = host_server("from the host");
    let out = home
        .husk(&[
            "run",
            "--rm",
            &bb(),
            "sh",
            "-c",
            &format!("wget -qO- http://host.containers.internal:{port}/ && ip -4 addr show eth0 && ip route"),
        ])
        .ok()
        .to_string();
    assert!(out.contains("from the host"), "{out}");
    assert!(out.contains("inet 10.88."), "{out}");
    assert!(out.contains("default via 10.88.0.1"), "{out}");
    // Container to container by address on the default network.
    web(&home, "web1", &[]);
    let ip = inspect(&home, "web1", "{{.NetworkSettings.IPAddress}}");
    assert!(ip.starts_with("10.88."), "{ip}");
    let got = home
        .husk(&[
            "run",
            "--rm",
            &bb(),
            "busybox",
            "wget",
            "-qO-",
            &format!("http://{ip}/"),
        ])
        .ok()
        .to_string();
    assert_eq!(got.trim(), "hello from web1");
    // --link: the name (and its alias) in /etc/hosts.
    let got = home
        .husk(&[
            "run",
            "--rm",
            "--link",
            "web1:www",
            &bb(),
            "busybox",
            "wget",
            "-qO-",
            "http://www/",
        ])
        .ok()
        .to_string();
    assert_eq!(got.trim(), "hello from web1");
    home.husk(&["run", "--rm", "--link", "nosuch", &bb(), "true"])
        .fails(125, "no such container: nosuch");
    // --network container: shares web1's loopback.
    let got = home
        .husk(&[
            "run",
            "--rm",
            "--network",
            "container:web1",
            &bb(),
            "busybox",
            "wget",
            "-qO-",
            "http://127.0.0.1/",
        ])
        .ok()
        .to_string();
    assert_eq!(got.trim(), "hello from web1");
    // --add-host NAME:host-gateway: the host, as host.containers.internal is.
    let port = host_server("gateway");
    let got = home
        .husk(&[
            "run",
            "--rm",
            "--add-host",
            "hostbox:host-gateway",
            &bb(),
            "busybox",
            "wget",
            "-qO-",
            &format!("http://hostbox:{port}/"),
        ])
        .ok()
        .to_string();
    assert_eq!(got.trim(), "gateway");
    home.husk(&[
        "create",
        "--name",
        "hg",
        "--add-host",
        "hostbox:host-gateway",
        &bb(),
    ])
    .ok();
    assert_eq!(
        inspect(&home, "hg", "{{json .HostConfig.ExtraHosts}}"),
        r#"["hostbox:host-gateway"]"#
    );
    home.husk(&["rm", "hg"]).ok();
    // --network none: loopback only.
    home.husk(&[
        "run",
        "--rm",
        "--network",
        "none",
        &bb(),
        "sh",
        "-c",
        "! ip -4 addr | grep -q 10.88",
    ])
    .ok();
    home.husk(&["rm", "-f", "web1"]).ok();
}

#[test]
fn single_uid_users_have_the_default_network_too() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids");
        return;
    };
    let port = host_server("single");
    let out = home
        .husk(&[
            "run",
            "--rm",
            &bb(),
            "busybox",
            "wget",
            "-qO-",
            &format!("http://host.docker.internal:{port}/"),
        ])
        .ok()
        .to_string();
    assert_eq!(out.trim(), "single");
}

#[test]
fn published_ports_tcp_udp_ranges_and_port_command() {
    let home = Home::new();
    let (p1, p2) = (free_port(), free_port());
    web(
        &home,
        "pub",
        &[
            "-p",
            &format!("127.0.0.1:{p1}:80"),
            "-p",
            &format!("{p2}:80"),
        ],
    );
    assert!(http_get(p1).contains("hello from pub"));
    assert!(http_get(p2).contains("hello from pub"));
    let port = home.husk(&["port", "pub"]).ok().to_string();
    assert!(
        port.contains(&format!("80/tcp -> 127.0.0.1:{p1}")),
        "{port}"
    );
    assert!(port.contains(&format!("80/tcp -> 0.0.0.0:{p2}")), "{port}");
    let one = home.husk(&["port", "pub", "80/tcp"]).ok().to_string();
    assert_eq!(one.lines().count(), 2, "{one}");
    home.husk(&["port", "pub", "81"])
        .fails(1, "no public port 81/tcp");
    let ps = home
        .husk(&["ps", "--format", "{{.Ports}}"])
        .ok()
        .to_string();
    assert!(ps.contains(&format!("127.0.0.1:{p1}->80/tcp")), "{ps}");
    let bound = inspect(&home, "pub", "{{json .NetworkSettings.Ports}}");
    assert!(bound.contains(&format!("\"HostPort\":\"{p1}\"")), "{bound}");
    // A port in use is named; so is a privileged one.
    home.husk(&[
        "run",
        "--rm",
        "-p",
        &format!("127.0.0.1:{p1}:80"),
        &bb(),
        "true",
    ])
    .fails(
        125,
        &format!("127.0.0.1:{p1}/tcp: the port is already in use"),
    );
    home.husk(&["run", "--rm", "-p", "80:80", &bb(), "true"])
        .fails(125, "net.ipv4.ip_unprivileged_port_start");
    home.husk(&[
        "run",
        "--rm",
        "--network",
        "none",
        "-p",
        "8080:80",
        &bb(),
        "true",
    ])
    .fails(125, "needs a bridge network");
    // Stopping closes the port at once.
    home.husk(&["stop", "-t", "0", "pub"]).ok();
    assert!(TcpStream::connect(("127.0.0.1", p1)).is_err());
    assert_eq!(home.husk(&["port", "pub"]).ok().trim(), "");

    // UDP, and a range.
    let echo = std::env::var("HUSK_TEST_UDPECHO").expect("tests/run.sh builds udpecho");
    let (u, r) = (free_port(), common::free_ports(2));
    let range = format!("{r}-{}:7000-7001", r + 1);
    home.husk(&[
        "run",
        "-d",
        "--name",
        "udp",
        "-v",
        &format!("{echo}:/udpecho:ro"),
        "-p",
        &format!("127.0.0.1:{u}:9999/udp"),
        "-p",
        &range,
        &bb(),
        "sh",
        "-c",
        "/udpecho 9999 & httpd -p 7000 -h / ; httpd -f -p 7001 -h /",
    ])
    .ok();
    let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(300)))
        .unwrap();
    let mut answer = String::new();
    for _ in 0..30 {
        sock.send_to(b"ping", ("127.0.0.1", u)).unwrap();
        let mut buf = [0u8; 64];
        if let Ok((n, _)) = sock.recv_from(&mut buf) {
            answer = String::from_utf8_lossy(&buf[..n]).into_owned();
            break;
        }
    }
    assert_eq!(answer, "echo:ping");
    let ports = home.husk(&["port", "udp"]).ok().to_string();
    assert!(
        ports.contains(&format!("7001/tcp -> 0.0.0.0:{}", r + 1)),
        "{ports}"
    );
    for p in [r, r + 1] {
        let mut s = None;
        for _ in 0..100 {
            if let Ok(c) = TcpStream::connect(("127.0.0.1", p)) {
                s = Some(c);
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(s.is_some(), "port {p} of the range");
    }
    home.husk(&["rm", "-f", "udp", "pub"]).ok();
}

#[test]
fn killing_a_monitor_frees_its_published_port() {
    let home = Home::new();
    let p = free_port();
    web(&home, "k1", &["-p", &format!("127.0.0.1:{p}:80")]);
    assert!(http_get(p).contains("hello from k1"));
    let monitor = inspect(&home, "k1", "{{.State.MonitorPid}}");
    assert!(std::process::Command::new("kill")
        .args(["-9", &monitor])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(Duration::from_millis(200));
    // What it leaves is reported, and harmless: the next run takes the address.
    let check = home.husk(&["system", "check"]).ok().to_string();
    assert!(
        check.contains("network: 1 address leases of containers whose monitor is gone"),
        "{check}"
    );
    web(&home, "k2", &["-p", &format!("127.0.0.1:{p}:80")]);
    let ip = inspect(&home, "k2", "{{.NetworkSettings.IPAddress}}");
    assert_eq!(ip, "10.88.0.2", "k2 took k1's address again");
    let check = home.husk(&["system", "check"]).ok().to_string();
    assert!(!check.contains("network:"), "{check}");
    assert!(http_get(p).contains("hello from k2"));
    home.husk(&["rm", "-f", "k1", "k2"]).ok();
    // Killing the network namespace's holder (its helper goes with it): the next
    // run makes a new one.
    let facts = std::fs::read_to_string(home.dir.join("run/husk/netns.json")).unwrap();
    let pid: serde_json::Value = serde_json::from_str(&facts).unwrap();
    let pid = pid["pid"].to_string();
    assert!(std::process::Command::new("kill")
        .args(["-9", &pid])
        .status()
        .unwrap()
        .success());
    std::thread::sleep(Duration::from_millis(100));
    let port = host_server("after the holder died");
    assert_eq!(from_host_loopback(&home, port), "after the holder died");
}

#[test]
fn parallel_runs_get_distinct_ports_and_addresses() {
    let home = Home::new();
    home.husk(&["network", "create", "par"]).ok();
    let ports: Vec<u16> = (0..10).map(|_| free_port()).collect();
    let children: Vec<_> = (0..20)
        .map(|i| {
            let name = format!("par{i}");
            let script = format!("echo {name} > /index.html; exec httpd -f -p 80 -h /");
            let mut args = vec!["run".to_string(), "-d".into(), "--name".into(), name];
            if i < 10 {
                args.extend(["-p".into(), format!("127.0.0.1:{}:80", ports[i])]);
            } else {
                args.extend(["--network".into(), "par".into()]);
            }
            args.extend([bb(), "sh".into(), "-c".into(), script]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            home.cmd(&args)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    for (i, p) in ports.iter().enumerate() {
        assert!(http_get(*p).contains(&format!("par{i}")));
    }
    let mut ips: Vec<String> = (10..20)
        .map(|i| {
            inspect(
                &home,
                &format!("par{i}"),
                "{{.NetworkSettings.Networks.par.IPAddress}}",
            )
        })
        .collect();
    ips.sort();
    ips.dedup();
    assert_eq!(ips.len(), 10, "{ips:?}");
    assert!(ips.iter().all(|ip| ip.starts_with("10.89.")), "{ips:?}");
    let names: Vec<String> = (0..20).map(|i| format!("par{i}")).collect();
    let mut rm = vec!["rm", "-f"];
    rm.extend(names.iter().map(String::as_str));
    home.husk(&rm).ok();
}

/// A DNS server on the host's loopback (a thread of the test): every A
/// question gets 192.0.2.77, other types an empty answer.
fn host_dns() -> u16 {
    dns_at("127.0.0.1:0")
}

/// [`host_dns`] at `addr`; the port it listens on.
fn dns_at(addr: &str) -> u16 {
    let s = UdpSocket::bind(addr).unwrap();
    let port = s.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        while let Ok((n, from)) = s.recv_from(&mut buf) {
            let q = &buf[..n];
            let mut end = 12;
            while end < n && q[end] != 0 {
                end += q[end] as usize + 1;
            }
            end += 5;
            if end > n {
                continue;
            }
            let is_a = q[end - 4..end - 2] == [0, 1];
            let mut r = q[..end].to_vec();
            r[2] = 0x81;
            r[3] = 0x80;
            r[6..12].copy_from_slice(&[0, is_a as u8, 0, 0, 0, 0]);
            if is_a {
                r.extend_from_slice(&[0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 77]);
            }
            let _ = s.send_to(&r, from);
        }
    });
    port
}

/// What a container on the default network fetches from the host's loopback.
fn from_host_loopback(home: &Home, port: u16) -> String {
    wget_in(
        home,
        "podman",
        &format!("http://host.containers.internal:{port}/"),
    )
}

fn wget_in(home: &Home, network: &str, url: &str) -> String {
    home.husk(&[
        "run",
        "--rm",
        "--network",
        network,
        &bb(),
        "busybox",
        "wget",
        "-qO-",
        url,
    ])
    .ok()
    .trim()
    .to_string()
}

#[test]
fn user_networks_resolve_names_and_forward_the_rest() {
    let home = Home::new();
    let dns = host_dns();
    home.write(
        ".config/husk/husk.toml",
        &format!("dns-upstream = [\"127.0.0.1:{dns}\"]\n"),
    );
    let made = home
        .husk(&[
            "network",
            "create",
            "--subnet",
            "10.89.7.0/24",
            "--label",
            "team=a",
            "appnet",
        ])
        .ok()
        .to_string();
    assert_eq!(made.trim(), "appnet");
    home.husk(&["network", "create", "appnet"])
        .fails(125, "already exists");
    home.husk(&["network", "create", "--ignore", "appnet"]).ok();
    home.husk(&["network", "create", "--subnet", "10.89.7.0/25", "other"])
        .fails(125, "overlaps with network appnet");
    home.husk(&["network", "create", "--subnet", "10.89.7.1/24", "x"])
        .fails(125, "host bits are set");
    home.husk(&["run", "--rm", "--network", "nosuch", &bb(), "true"])
        .fails(125, "no such network: nosuch");

    web(
        &home,
        "db",
        &["--network", "appnet", "--network-alias", "database"],
    );
    let ip = inspect(
        &home,
        "db",
        "{{.NetworkSettings.Networks.appnet.IPAddress}}",
    );
    assert!(ip.starts_with("10.89.7."), "{ip}");
    let id = inspect(&home, "db", "{{.Id}}");
    for name in ["db", "database", "db.dns.podman", &id[..12]] {
        assert_eq!(
            wget_in(&home, "appnet", &format!("http://{name}/")),
            "hello from db",
            "{name}"
        );
    }
    // Other names go to the host's resolvers (here the test's).
    let out = home
        .husk(&[
            "run",
            "--rm",
            "--network",
            "appnet",
            &bb(),
            "busybox",
            "nslookup",
            "outside.test",
        ])
        .ok()
        .to_string();
    assert!(out.contains("192.0.2.77"), "{out}");
    // The default network does not see appnet's names: the question goes out.
    let out = home
        .husk(&["run", "--rm", &bb(), "busybox", "nslookup", "db"])
        .ok()
        .to_string();
    assert!(
        out.contains("192.0.2.77") && !out.contains("10.89.7."),
        "{out}"
    );

    let doc = home.husk(&["network", "inspect", "appnet"]).json();
    assert_eq!(doc[0]["subnets"][0]["subnet"], "10.89.7.0/24");
    assert_eq!(doc[0]["labels"]["team"], "a");
    assert!(doc[0]["containers"].to_string().contains("\"db\""), "{doc}");
    let ls = home.husk(&["network", "ls", "-q"]).ok().to_string();
    assert_eq!(ls.lines().collect::<Vec<_>>(), ["podman", "appnet"]);
    let filtered = home
        .husk(&[
            "network",
            "ls",
            "--filter",
            "label=team=a",
            "--format",
            "{{.Name}}",
        ])
        .ok()
        .to_string();
    assert_eq!(filtered.trim(), "appnet");
    home.husk(&["network", "rm", "appnet"])
        .fails(2, "in use by container(s): db");
    home.husk(&["network", "rm", "podman"])
        .fails(125, "cannot be removed");

    // An internal network has no way out: no default route, nothing routed even
    // if a container adds one, and its DNS answers local names only.
    let port = host_server("unreachable");
    let sealed = |net: &str| {
        home.husk(&["network", "create", "--internal", net]).ok();
        let doc = home.husk(&["network", "inspect", net]).json();
        let gw = doc[0]["subnets"][0]["gateway"]
            .as_str()
            .unwrap()
            .to_string();
        home.husk(&[
            "run",
            "--rm",
            "--network",
            net,
            "--cap-add",
            "NET_ADMIN",
            &bb(),
            "sh",
            "-c",
            &format!(
                "! ip route | grep -q default && ip route add default via {gw} \
                 && ! busybox wget -qO- -T 2 http://host.containers.internal:{port}/"
            ),
        ])
        .ok();
        let out = home.husk(&[
            "run",
            "--rm",
            "--network",
            net,
            &bb(),
            "busybox",
            "nslookup",
            "outside.test",
        ]);
        assert!(!out.stdout.contains("192.0.2.77"), "{}", out.stdout);
    };
    sealed("sealed");
    home.husk(&["run", "--rm", "--network", "appnet,appnet", &bb(), "true"])
        .fails(125, "named twice");

    home.husk(&["rm", "-f", "db"]).ok();
    home.husk(&["network", "rm", "appnet"]).ok();
    assert_eq!(
        home.cmd(&["network", "exists", "appnet"])
            .status()
            .unwrap()
            .code(),
        Some(1)
    );
    // A new network takes appnet's bridge name: it starts afresh (internal now).
    sealed("late");
    let doc = home.husk(&["network", "inspect", "late"]).json();
    assert_eq!(doc[0]["network_interface"], "husk1");
    // prune --filter: only the networks the filters keep.
    home.husk(&["network", "create", "--label", "keep=1", "labelled"])
        .ok();
    let pruned = home
        .husk(&["network", "prune", "-f", "--filter", "label!=keep"])
        .ok()
        .to_string();
    assert_eq!(pruned.lines().collect::<Vec<_>>(), ["late", "sealed"]);
    // rm -f -t: its containers get the stop signal and that long first.
    home.husk(&[
        "run",
        "-d",
        "--name",
        "onnet",
        "--network",
        "labelled",
        &bb(),
        "sleep",
        "100",
    ])
    .ok();
    home.husk(&["network", "rm", "labelled"])
        .fails(2, "in use by container(s): onnet");
    home.husk(&["network", "rm", "-f", "-t", "1", "labelled"])
        .ok();
    home.husk(&["container", "exists", "onnet"]).fails(1, "");
    assert_eq!(home.husk(&["network", "ls", "-q"]).ok().trim(), "podman");
}

#[test]
fn network_connect_and_disconnect() {
    let home = Home::new();
    let dns = host_dns();
    home.write(
        ".config/husk/husk.toml",
        &format!("dns-upstream = [\"127.0.0.1:{dns}\"]\n"),
    );
    home.husk(&["network", "create", "front"]).ok();
    web(&home, "svc", &[]);
    home.husk(&["network", "connect", "--alias", "api", "front", "svc"])
        .ok();
    assert_eq!(wget_in(&home, "front", "http://api/"), "hello from svc");
    assert_eq!(wget_in(&home, "front", "http://svc/"), "hello from svc");
    let nets = inspect(&home, "svc", "{{json .NetworkSettings.Networks}}");
    assert!(
        nets.contains("\"front\"") && nets.contains("\"podman\""),
        "{nets}"
    );
    home.husk(&["network", "connect", "front", "svc"])
        .fails(125, "already connected");
    home.husk(&["network", "disconnect", "front", "svc"]).ok();
    // Its name is no longer front's: the question goes to the host's resolvers.
    let out = home
        .husk(&[
            "run",
            "--rm",
            "--network",
            "front",
            &bb(),
            "busybox",
            "nslookup",
            "svc",
        ])
        .ok()
        .to_string();
    assert!(
        out.contains("192.0.2.77") && !out.contains("Address: 10.89."),
        "{out}"
    );
    home.husk(&["network", "disconnect", "front", "svc"])
        .fails(125, "not connected");
    // A stopped container is connected at its next start.
    home.husk(&["stop", "-t", "0", "svc"]).ok();
    home.husk(&["network", "connect", "front", "svc"]).ok();
    home.husk(&["start", "svc"]).ok();
    assert_eq!(wget_in(&home, "front", "http://svc/"), "hello from svc");
    home.husk(&["network", "connect", "front", "nosuch"])
        .fails(125, "no such container");
    home.husk(&["rm", "-f", "svc"]).ok();
    home.husk(&[
        "create",
        "--network",
        "none",
        "--name",
        "lone",
        &bb(),
        "true",
    ])
    .ok();
    home.husk(&["network", "connect", "front", "lone"])
        .fails(125, "not a bridge network");
    // Off its first network and on again: it gets the free eth0 back.
    web(&home, "multi", &["--network", "front,podman"]);
    home.husk(&["network", "disconnect", "front", "multi"]).ok();
    home.husk(&["network", "connect", "front", "multi"]).ok();
    assert_eq!(wget_in(&home, "front", "http://multi/"), "hello from multi");
    // A network may be named like husk's lock files.
    home.husk(&["network", "create", "bridges.lock"]).ok();
    assert_eq!(
        wget_in(
            &home,
            "bridges.lock",
            &format!("http://host.containers.internal:{}/", host_server("locks"))
        ),
        "locks"
    );
    home.husk(&["run", "--rm", "-h", "bad host", &bb(), "true"])
        .fails(125, "invalid --hostname");
    home.husk(&["rm", "-f", "multi"]).ok();
    // connect --ip/--mac-address: its own address on that network, live and
    // at every later start; checked like run's.
    home.husk(&["network", "create", "--subnet", "10.89.70.0/24", "fixednet"])
        .ok();
    home.husk(&["run", "-d", "--name", "fx", &bb(), "sleep", "60"])
        .ok();
    home.husk(&[
        "network",
        "connect",
        "--ip",
        "10.89.70.42",
        "--mac-address",
        "92:d0:c6:0a:29:44",
        "fixednet",
        "fx",
    ])
    .ok();
    let check = || {
        let out = home.husk(&["exec", "fx", "ip", "-o", "addr"]);
        let out = out.ok();
        assert!(out.contains("inet 10.89.70.42/24"), "{out}");
        let link = home.husk(&["exec", "fx", "ip", "-o", "link"]);
        assert!(link.ok().contains("92:d0:c6:0a:29:44"), "{}", link.stdout);
    };
    check();
    home.husk(&["restart", "-t", "0", "fx"]).ok();
    check();
    home.husk(&["run", "-d", "--name", "fy", &bb(), "sleep", "60"])
        .ok();
    home.husk(&[
        "network",
        "connect",
        "--ip",
        "10.89.70.42",
        "fixednet",
        "fy",
    ])
    .fails(125, "in use by container fx");
    home.husk(&["network", "connect", "--ip", "10.89.71.1", "fixednet", "fy"])
        .fails(125, "not a host address");
    home.husk(&["network", "connect", "--ip6", "fd00::1", "fixednet", "fy"])
        .fails(125, "IPv4 only");
    home.husk(&[
        "network",
        "connect",
        "--mac-address",
        "01:00:5e:00:00:01",
        "fixednet",
        "fy",
    ])
    .fails(125, "unicast");
    home.husk(&["network", "disconnect", "fixednet", "fx"]).ok();
    home.husk(&[
        "network",
        "connect",
        "--ip",
        "10.89.70.42",
        "fixednet",
        "fy",
    ])
    .ok();
    home.husk(&["rm", "-f", "fx", "fy"]).ok();
}

#[test]
fn pasta_network_publishes_ports_itself() {
    let home = Home::new();
    let p = free_port();
    web(
        &home,
        "pw",
        &["--network", "pasta", "-p", &format!("127.0.0.1:{p}:80")],
    );
    assert!(http_get(p).contains("hello from pw"));
    let ports = home.husk(&["port", "pw"]).ok().to_string();
    assert!(
        ports.contains(&format!("80/tcp -> 127.0.0.1:{p}")),
        "{ports}"
    );
    assert_eq!(inspect(&home, "pw", "{{.HostConfig.NetworkMode}}"), "pasta");
    // Out: the gateway pasta gives the container is the host's loopback.
    let port = host_server("via pasta");
    let out = home
        .husk(&[
            "run", "--rm", "--network", "pasta", &bb(), "sh", "-c",
            &format!("busybox wget -qO- http://$(ip route | busybox awk '/default/ {{print $3}}'):{port}/"),
        ])
        .ok()
        .to_string();
    assert_eq!(out.trim(), "via pasta");
    home.husk(&["stop", "-t", "0", "pw"]).ok();
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        TcpStream::connect(("127.0.0.1", p)).is_err(),
        "pasta outlived the container"
    );
    home.husk(&["rm", "pw"]).ok();
}

#[test]
fn sysctls_of_the_network_namespace() {
    let home = Home::new();
    let out = home
        .husk(&[
            "run",
            "--rm",
            "--name",
            "sc",
            "--sysctl",
            "net.ipv4.ip_unprivileged_port_start=0",
            "--sysctl",
            "net.ipv4.ping_group_range=0 0",
            &bb(),
            "sh",
            "-c",
            "cat /proc/sys/net/ipv4/ip_unprivileged_port_start /proc/sys/net/ipv4/ping_group_range",
        ])
        .ok()
        .to_string();
    assert_eq!(
        out.split_whitespace().collect::<Vec<_>>(),
        ["0", "0", "0"],
        "{out}"
    );
    // By default every group of the namespace may ping without NET_RAW
    // (ICMP datagram sockets), as podman sets it.
    let range = home
        .husk(&[
            "run",
            "--rm",
            &bb(),
            "cat",
            "/proc/sys/net/ipv4/ping_group_range",
        ])
        .ok()
        .to_string();
    let range: Vec<u64> = range
        .split_whitespace()
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(range[0] == 0 && range[1] >= 65535, "{range:?}");
    home.husk(&["run", "--rm", "--sysctl", "kernel.shmmax=1", &bb(), "true"])
        .fails(125, "only net.* sysctls");
    home.husk(&[
        "run",
        "--rm",
        "--sysctl",
        "net.ipv4/../../x=1",
        &bb(),
        "true",
    ])
    .fails(125, "only net.* sysctls");
    home.husk(&[
        "run",
        "--rm",
        "--network",
        "host",
        "--sysctl",
        "net.ipv4.ip_forward=1",
        &bb(),
        "true",
    ])
    .fails(125, "shares a network namespace");
    home.husk(&[
        "run",
        "--rm",
        "--sysctl",
        "net.ipv4.nosuch=1",
        &bb(),
        "true",
    ])
    .fails(125, "net.ipv4.nosuch");
}

#[test]
fn slirp4netns_can_be_the_namespace_helper() {
    let home = Home::new();
    home.write(
        ".config/husk/husk.toml",
        "network-helper = \"slirp4netns\"\n",
    );
    let port = host_server("through slirp4netns");
    assert_eq!(from_host_loopback(&home, port), "through slirp4netns");
    let info = home.husk(&["info", "--format", "json"]).json();
    assert_eq!(
        info["network"]["namespace"]["helper"], "slirp4netns",
        "{info}"
    );
    assert_eq!(info["network"]["namespace"]["hostAddress"], "10.0.2.2");
}

#[test]
fn publish_all_takes_the_images_exposed_ports() {
    let home = Home::new();
    let web_image = image("web");
    home.husk(&[
        "run",
        "-d",
        "--name",
        "pall",
        "-P",
        "-p",
        "127.0.0.1::80",
        &web_image,
        "sh",
        "-c",
        "echo all > /index.html; exec httpd -f -p 80 -h /",
    ])
    .ok();
    let ports = home.husk(&["port", "pall"]).ok().to_string();
    // -p 127.0.0.1::80 takes 80/tcp; -P adds 9999/udp on a free port.
    assert_eq!(ports.lines().count(), 2, "{ports}");
    let tcp = ports
        .lines()
        .find(|l| l.starts_with("80/tcp -> 127.0.0.1:"))
        .expect("80/tcp");
    let host_port: u16 = tcp.rsplit(':').next().unwrap().parse().unwrap();
    assert_ne!(host_port, 0);
    assert!(http_get(host_port).contains("all"));
    assert!(
        ports.lines().any(|l| l.starts_with("9999/udp -> 0.0.0.0:")),
        "{ports}"
    );
    home.husk(&["rm", "-f", "pall"]).ok();
}

#[test]
fn slirp4netns_network_of_its_own() {
    let home = Home::new();
    let p = free_port();
    web(
        &home,
        "sw",
        &[
            "--network",
            "slirp4netns",
            "-p",
            &format!("127.0.0.1:{p}:80"),
        ],
    );
    assert!(http_get(p).contains("hello from sw"));
    assert_eq!(
        inspect(&home, "sw", "{{.HostConfig.NetworkMode}}"),
        "slirp4netns"
    );
    let addr = home
        .husk(&["exec", "sw", "ip", "-4", "addr", "show", "tap0"])
        .ok()
        .to_string();
    assert!(addr.contains("10.0.2.100"), "{addr}");
    // The host's loopback only with allow_host_loopback=true.
    let port = host_server("via slirp4netns");
    let url = format!("http://10.0.2.2:{port}/");
    let out = home
        .husk(&[
            "run",
            "--rm",
            "--network",
            "slirp4netns:allow_host_loopback=true",
            &bb(),
            "busybox",
            "wget",
            "-qO-",
            &url,
        ])
        .ok()
        .to_string();
    assert_eq!(out.trim(), "via slirp4netns");
    // Without it, 10.0.2.2 is not the host's loopback (busybox's wget may
    // crash rather than fail: only that it does not succeed counts).
    home.husk(&[
        "run",
        "--rm",
        "--network",
        "slirp4netns",
        &bb(),
        "sh",
        "-c",
        &format!("! busybox wget -qO- -T 3 {url}"),
    ])
    .ok();
    home.husk(&["stop", "-t", "0", "sw"]).ok();
    assert!(TcpStream::connect(("127.0.0.1", p)).is_err());
    home.husk(&["rm", "sw"]).ok();
}

#[test]
fn static_ip_and_mac_address() {
    let home = Home::new();
    let image = bb();
    home.husk(&["network", "create", "--subnet", "10.77.0.0/24", "statnet"])
        .ok();
    let fixed = [
        "--network",
        "statnet",
        "--ip",
        "10.77.0.50",
        "--mac-address",
        "92:D0:c6:0a:29:33",
    ];
    let mut args = vec!["run", "-d", "--name", "s1"];
    args.extend(fixed);
    args.extend([image.as_str(), "sleep", "60"]);
    home.husk(&args).ok();
    let check = || {
        let addr = home.husk(&["exec", "s1", "ip", "-o", "-4", "addr", "show", "eth0"]);
        assert!(addr.ok().contains("inet 10.77.0.50/24"), "{}", addr.stdout);
        let link = home.husk(&["exec", "s1", "ip", "-o", "link", "show", "eth0"]);
        assert!(
            link.ok().contains("link/ether 92:d0:c6:0a:29:33"),
            "{}",
            link.stdout
        );
    };
    check();
    assert_eq!(
        inspect(
            &home,
            "s1",
            "{{.NetworkSettings.IPAddress}} {{.NetworkSettings.MacAddress}}"
        ),
        "10.77.0.50 92:d0:c6:0a:29:33"
    );
    // Taken while s1 runs; s1 gets it back when it starts again.
    let mut again = vec!["run", "--rm"];
    again.extend(fixed);
    again.extend([image.as_str(), "true"]);
    home.husk(&again).fails(125, "in use by container s1");
    home.husk(&["restart", "-t", "0", "s1"]).ok();
    check();
    // Bad values, each refused before anything is made.
    let refused = |flags: &[&str], needle: &str| {
        let mut args = vec!["run", "--rm"];
        args.extend(flags);
        args.extend([image.as_str(), "true"]);
        home.husk(&args).fails(125, needle);
    };
    let net = ["--network", "statnet"];
    for (ip, needle) in [
        ("10.78.0.5", "not a host address of network statnet"),
        ("10.77.0.255", "not a host address"),
        ("10.77.0.1", "the gateway of network statnet"),
        ("10.77.0", "invalid --ip"),
    ] {
        refused(&[net[0], net[1], "--ip", ip], needle);
    }
    for mac in ["01:00:5e:00:00:01", "00:00:00:00:00:00"] {
        refused(&[net[0], net[1], "--mac-address", mac], "unicast");
    }
    refused(&[net[0], net[1], "--mac-address", "92:d0"], "invalid MAC");
    refused(
        &["--network", "none", "--ip", "10.77.0.9"],
        "needs a bridge network",
    );
    refused(&[net[0], net[1], "--ip6", "fd00::5"], "IPv4 only");
    home.husk(&["rm", "-f", "s1"]).ok();
    home.husk(&["network", "rm", "statnet"]).ok();
}

/// network create's podman flags: --interface-name, --ip-range, --route,
/// --opt mtu=/metric=, --dns (the responder's upstream), --disable-dns.
#[test]
fn network_create_routes_ranges_mtu_and_dns() {
    let home = Home::new();
    let image = bb();
    home.husk(&[
        "network",
        "create",
        "--subnet",
        "10.89.60.0/24",
        "--ip-range",
        "10.89.60.128/28",
        "--route",
        "192.0.2.0/24,10.89.60.254,7",
        "-o",
        "mtu=1400",
        "--opt",
        "metric=50",
        "--interface-name",
        "br-shaped",
        "--dns",
        "127.0.0.77",
        "shaped",
    ])
    .ok();
    // The network's --dns resolver, on the host (a resolver's port is 53).
    dns_at("127.0.0.77:53");
    let script = "ip -o -4 addr show eth0; ip route; cat /sys/class/net/eth0/mtu; nslookup upstream.example.test";
    let run = home.husk(&[
        "run",
        "--rm",
        "--network",
        "shaped",
        &image,
        "sh",
        "-c",
        script,
    ]);
    let out = run.ok();
    let addr: String = out
        .split_whitespace()
        .find(|w| w.starts_with("10.89.60."))
        .unwrap_or_else(|| panic!("{out}"))
        .to_string();
    let last: u32 = addr
        .trim_end_matches("/24")
        .rsplit('.')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((128..=143).contains(&last), "{out}");
    assert!(
        out.contains("192.0.2.0/24 via 10.89.60.254 dev eth0") && out.contains("metric 7"),
        "{out}"
    );
    assert!(
        out.contains("default via 10.89.60.1 dev eth0") && out.contains("metric 50"),
        "{out}"
    );
    assert!(out.contains("\n1400\n"), "{out}");
    assert!(out.contains("192.0.2.77"), "{out}");
    let doc = home.husk(&["network", "inspect", "shaped"]).json()[0].clone();
    assert_eq!(doc["network_interface"], "br-shaped", "{doc}");
    assert_eq!(doc["subnets"][0]["lease_range"]["start_ip"], "10.89.60.128");
    assert_eq!(doc["routes"][0]["metric"], 7);
    assert_eq!(doc["options"]["mtu"], "1400");
    assert_eq!(doc["network_dns_servers"][0], "127.0.0.77");
    // --disable-dns: the host's resolvers, not the network's gateway.
    home.husk(&[
        "network",
        "create",
        "--subnet",
        "10.89.61.0/24",
        "--disable-dns",
        "quiet",
    ])
    .ok();
    let conf = home.husk(&[
        "run",
        "--rm",
        "--network",
        "quiet",
        &image,
        "cat",
        "/etc/resolv.conf",
    ]);
    assert!(!conf.ok().contains("10.89.61.1"), "{}", conf.stdout);
    assert_eq!(
        home.husk(&["network", "inspect", "quiet"]).json()[0]["dns_enabled"],
        false
    );
    // Bad values, each refused before the network is made.
    for (flags, needle) in [
        (
            vec!["--subnet", "10.89.62.0/24", "--ip-range", "10.89.63.0/28"],
            "not inside the subnet",
        ),
        (
            vec!["--ip-range", "10.89.62.9-10.89.62.2"],
            "start is after its end",
        ),
        (
            vec![
                "--subnet",
                "10.89.62.0/24",
                "--route",
                "192.0.2.0/24,10.1.1.1",
            ],
            "not on the subnet",
        ),
        (vec!["--route", "192.0.2.1/24,10.89.62.1"], "host bits"),
        (vec!["--route", "nonsense"], "invalid --route"),
        (
            vec![
                "--subnet",
                "10.89.62.0/24",
                "--route",
                "0.0.0.0/0,10.89.62.9",
            ],
            "the network's own",
        ),
        (vec!["-o", "mtu=20"], "an MTU of 68 to 65535"),
        (vec!["-o", "isolate=true"], "not kept apart"),
        (vec!["-o", "color=blue"], "unknown --opt"),
        (vec!["--interface-name", "br-shaped"], "bridge already"),
        (
            vec!["--interface-name", "much-too-long-a-name"],
            "invalid interface name",
        ),
        (vec!["--ipam-driver", "dhcp"], "no DHCP server"),
        (vec!["--disable-dns", "--dns", "1.1.1.1"], "turns off"),
    ] {
        let mut args = vec!["network", "create"];
        args.extend(flags);
        args.push("badnet");
        home.husk(&args).fails(125, needle);
    }
    home.husk(&["network", "exists", "badnet"]).fails(1, "");
    home.assert_consistent();
}
