//! `husk build` and `husk commit` as a user meets them: Dockerfiles of the
//! tutorial shape built and run, multi-stage builds, the cache, heredocs,
//! .dockerignore, cache mounts, commit, and what goes wrong.

mod common;

use std::process::Command;

use common::{image, Home};

fn bb() -> String {
    image("busybox:latest")
}

/// A build context in the home: files (path, contents), written as the user.
fn context(home: &Home, dir: &str, files: &[(&str, &str)]) -> String {
    for (p, c) in files {
        home.write(&format!("{dir}/{p}"), c);
    }
    home.dir.join(dir).to_string_lossy().into_owned()
}

fn config(home: &Home, name: &str) -> serde_json::Value {
    let run = home.husk(&["image", "inspect", name]);
    run.json()[0]["Config"].clone()
}

#[test]
fn tutorial_dockerfile_builds_and_runs() {
    let home = Home::new();
    // A tar to ADD (extracted), a file to ADD into a directory.
    let ctx = context(
        &home,
        "app",
        &[
            ("hello.txt", "hello from the context\n"),
            ("bin/run.sh", "#!/bin/sh\necho run $1\n"),
        ],
    );
    let tar_src = home.dir.join("tarsrc");
    std::fs::create_dir_all(tar_src.join("pkg")).unwrap();
    std::fs::write(tar_src.join("pkg/data"), "in the tar\n").unwrap();
    let st = Command::new("tar")
        .args([
            "czf",
            &format!("{ctx}/pkg.tar.gz"),
            "-C",
            tar_src.to_str().unwrap(),
            "pkg",
        ])
        .status()
        .unwrap();
    assert!(st.success());
    common::chown_to_user(&home, &ctx);
    home.write(
        "app/Dockerfile",
        &format!(
            "# syntax=docker/dockerfile:1\nFROM {}\nLABEL maintainer=\"me\" \\\n      version=1\nENV APP=/opt/app\nENV PATH=/usr/local/bin:$PATH\nWORKDIR $APP\nADD pkg.tar.gz /opt/\nADD hello.txt ./docs/\nCOPY --chmod=755 bin/run.sh /usr/local/bin/\nRUN ln -s /opt/pkg/data /opt/app/data && echo built > built.txt\nEXPOSE 80\nEXPOSE 53/udp\nUSER 1000:1000\nCMD [\"run.sh\", \"x\"]\n",
            bb()
        ),
    );
    let run = home.husk(&["build", "-t", "tut:1", "-t", "tut:latest", &ctx]);
    let out = run.ok();
    assert!(out.contains("STEP 1/13: FROM"), "{out}");
    assert!(out.contains("STEP 9/13: RUN ln -s"), "{out}");
    assert!(out.contains("Successfully tagged localhost/tut:1"), "{out}");
    let id = out.lines().last().unwrap().to_string();
    assert_eq!(id.len(), 64, "{out}");
    let images = home.husk(&["images", "--format", "{{.Repository}}:{{.Tag}}"]);
    assert!(images.ok().contains("localhost/tut:1"));
    // Every instruction's effect in the config.
    let c = config(&home, "tut:1");
    assert_eq!(c["Labels"]["maintainer"], "me");
    assert_eq!(c["Labels"]["version"], "1");
    assert!(c["Env"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "APP=/opt/app"));
    assert_eq!(c["WorkingDir"], "/opt/app");
    assert_eq!(c["User"], "1000:1000");
    assert_eq!(c["Cmd"], serde_json::json!(["run.sh", "x"]));
    assert!(c["ExposedPorts"]["80/tcp"].is_object() && c["ExposedPorts"]["53/udp"].is_object());
    // Run it: the command, the extracted tar, the symlink, the copied file.
    let run = home.husk(&["run", "--rm", "tut:1"]);
    assert_eq!(run.ok(), "run x\n");
    let run = home.husk(&[
        "run", "--rm", "-u", "0", "tut:1", "sh", "-c",
        "cat data docs/hello.txt built.txt; stat -c '%a %u' /usr/local/bin/run.sh docs/hello.txt; readlink data",
    ]);
    assert_eq!(
        run.ok(),
        "in the tar\nhello from the context\nbuilt\n755 0\n644 0\n/opt/pkg/data\n"
    );
    // history: one line per step, the RUN with its command.
    let hist = home.husk(&[
        "history",
        "--no-trunc",
        "--format",
        "{{.CreatedBy}}|{{.Size}}",
        "tut:1",
    ]);
    let h = hist.ok();
    assert!(h.contains("RUN /bin/sh -c ln -s"), "{h}");
    assert!(h.lines().count() >= 13, "{h}");
    home.assert_consistent();
}

#[test]
fn multi_stage_target_build_args_and_the_cache() {
    let home = Home::new();
    let ctx = context(&home, "ms", &[("src.txt", "v1\n")]);
    home.write(
        "ms/Dockerfile",
        &format!(
            "ARG BASE={}\nFROM $BASE AS builder\nARG V=1\nCOPY src.txt /src.txt\nRUN echo \"v=$V $(cat /src.txt)\" > /out\nFROM $BASE AS unused\nRUN exit 3\nFROM $BASE AS runtime\nCOPY --from=builder /out /out\nCMD [\"cat\", \"/out\"]\nFROM runtime AS last\nRUN echo never\n",
            bb()
        ),
    );
    let run = home.husk(&[
        "build",
        "-q",
        "--target",
        "runtime",
        "--build-arg",
        "V=2",
        "-t",
        "ms",
        &ctx,
    ]);
    let id1 = run.ok().trim().to_string();
    assert_eq!(id1.len(), 64, "-q prints only the id: {:?}", run.stdout);
    assert_eq!(home.husk(&["run", "--rm", "ms"]).ok(), "v=2 v1\n");
    // Again: every step from the cache, the same image.
    let again = home.husk(&[
        "build",
        "--target",
        "runtime",
        "--build-arg",
        "V=2",
        "-t",
        "ms",
        &ctx,
    ]);
    let out = again.ok();
    assert!(out.contains("Using cache"), "{out}");
    assert_eq!(out.lines().last().unwrap(), id1, "{out}");
    // A changed file: the COPY and what follows run again.
    home.write("ms/src.txt", "v2\n");
    let changed = home.husk(&[
        "build",
        "--target",
        "runtime",
        "--build-arg",
        "V=2",
        "-t",
        "ms",
        &ctx,
    ]);
    let out = changed.ok();
    assert_ne!(out.lines().last().unwrap(), id1);
    assert_eq!(home.husk(&["run", "--rm", "ms"]).ok(), "v=2 v2\n");
    // --no-cache runs every step.
    let nc = home.husk(&[
        "build",
        "--no-cache",
        "--target",
        "runtime",
        "--build-arg",
        "V=2",
        &ctx,
    ]);
    assert!(!nc.ok().contains("Using cache"), "{}", nc.stdout);
    // A missing target, an unknown instruction, a RUN that fails.
    home.husk(&["build", "--target", "nope", &ctx])
        .fails(125, "target stage \"nope\" could not be found");
    home.write("ms/Bad", &format!("FROM {}\nFROB x\n", bb()));
    let bad = home.dir.join("ms/Bad");
    home.husk(&["build", "-f", bad.to_str().unwrap(), &ctx])
        .fails(125, "Bad:2: unknown instruction: FROB");
    home.write(
        "ms/Fail",
        &format!("FROM {}\nRUN echo partial > /p && exit 7\n", bb()),
    );
    let fail = home.dir.join("ms/Fail");
    home.husk(&["build", "-t", "failed", "-f", fail.to_str().unwrap(), &ctx])
        .fails(7, "Fail:2: RUN: the command exited with code 7");
    assert!(!home.husk(&["images"]).ok().contains("failed"));
    // Nothing of the step's container is left.
    assert_eq!(home.husk(&["ps", "-aq"]).ok(), "");
    home.assert_consistent();
}

#[test]
fn heredocs_dockerignore_outside_paths_and_cache_mounts() {
    let home = Home::new();
    let ctx = context(
        &home,
        "hd",
        &[
            (".dockerignore", "*.log\nsecret/\n!keep.log\n"),
            ("a.log", "no\n"),
            ("keep.log", "yes\n"),
            ("secret/key", "no\n"),
            ("ok.txt", "ok\n"),
        ],
    );
    home.write(
        "hd/Dockerfile",
        &format!(
            "FROM {}\nARG WHO=world\nCOPY . /ctx/\nCOPY <<EOF /greeting\nhello $WHO\nEOF\nRUN <<EOT\nset -e\necho from heredoc > /hd\nEOT\nRUN --mount=type=cache,target=/cache sh -c 'echo x >> /cache/count; wc -l < /cache/count > /seen'\n",
            bb()
        ),
    );
    home.husk(&["build", "-t", "hd", &ctx]).ok();
    let run = home.husk(&[
        "run",
        "--rm",
        "hd",
        "sh",
        "-c",
        "ls -A /ctx; cat /greeting /hd /seen",
    ]);
    assert_eq!(
        run.ok(),
        ".dockerignore\nDockerfile\nkeep.log\nok.txt\nhello world\nfrom heredoc\n1\n"
    );
    // The cache mount keeps its files between builds (the step itself runs again).
    home.husk(&["build", "--no-cache", "-t", "hd", &ctx]).ok();
    let run = home.husk(&["run", "--rm", "hd", "cat", "/seen"]);
    assert_eq!(run.ok(), "2\n");
    // image prune --build-cache (podman's) empties it: the next build starts at 1.
    home.husk(&["image", "prune", "-f", "--build-cache"]).ok();
    home.husk(&["build", "--no-cache", "-t", "hd", &ctx]).ok();
    let run = home.husk(&["run", "--rm", "hd", "cat", "/seen"]);
    assert_eq!(run.ok(), "1\n");
    // Paths that leave the context are refused.
    std::os::unix::fs::symlink("/etc", home.dir.join("hd/out")).unwrap();
    home.write("hd/Esc1", &format!("FROM {}\nCOPY ../x /x\n", bb()));
    home.write("hd/Esc2", &format!("FROM {}\nCOPY out/passwd /x\n", bb()));
    for f in ["Esc1", "Esc2"] {
        let p = home.dir.join("hd").join(f);
        let run = home.husk(&["build", "-f", p.to_str().unwrap(), &ctx]);
        assert_eq!(run.code, 125, "{f}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("build context"), "{f}: {}", run.stderr);
    }
    home.assert_consistent();
}

#[test]
fn commit_of_a_changed_container() {
    let home = Home::new();
    home.husk(&[
        "run",
        "--name",
        "c1",
        bb().as_str(),
        "sh",
        "-c",
        "echo changed > /new; rm /bin/true; mkdir -p /d/e",
    ])
    .ok();
    let run = home.husk(&[
        "commit",
        "-c",
        "CMD [\"cat\", \"/new\"]",
        "-c",
        "ENV K=v",
        "-m",
        "msg",
        "-a",
        "me",
        "c1",
        "snap:1",
    ]);
    let id = run.ok().trim().to_string();
    assert_eq!(id.len(), 64);
    assert_eq!(home.husk(&["run", "--rm", "snap:1"]).ok(), "changed\n");
    let iid = home.dir.join("iid");
    home.husk(&["commit", "--iidfile", iid.to_str().unwrap(), "c1", "snap:2"])
        .ok();
    assert!(std::fs::read_to_string(&iid)
        .unwrap()
        .starts_with("sha256:"));
    // --include-volumes: the container's -v destinations become VOLUMEs.
    let host = home.dir.to_string_lossy().into_owned();
    home.husk(&[
        "create",
        "--name",
        "cv",
        "-v",
        "vol1:/data",
        "-v",
        &format!("{host}:/mnt"),
        &bb(),
        "true",
    ])
    .ok();
    home.husk(&["commit", "--include-volumes", "cv", "snap:vols"])
        .ok();
    assert_eq!(
        home.husk(&[
            "image",
            "inspect",
            "--format",
            "{{json .Config.Volumes}}",
            "snap:vols"
        ])
        .ok(),
        "{\"/data\":{},\"/mnt\":{}}\n"
    );
    home.husk(&["rm", "-v", "cv"]).ok();
    let run = home.husk(&[
        "run",
        "--rm",
        "snap:1",
        "sh",
        "-c",
        "[ -e /bin/true ] || echo gone; [ -d /d/e ] && echo dir; echo $K",
    ]);
    assert_eq!(run.ok(), "gone\ndir\nv\n");
    let hist = home.husk(&["history", "--format", "{{.Comment}}", "snap:1"]);
    assert!(hist.ok().starts_with("msg"), "{}", hist.stdout);
    home.husk(&["commit", "-c", "RUN x", "c1", "bad"])
        .fails(125, "RUN cannot be a change");
    home.assert_consistent();
}

#[test]
fn stdin_dockerfile_output_timestamp_and_single_uid() {
    let Some(home) = Home::without_subuids() else {
        eprintln!("skipped: no user without subuids");
        return;
    };
    let df = format!(
        "FROM {}\nRUN mkdir /made && echo x > /made/f\nRUN true\nCMD [\"cat\", \"/made/f\"]\n",
        bb()
    );
    let out = home.dir.join("out.tar");
    let a = home.husk_stdin(
        &[
            "build",
            "-q",
            "--timestamp",
            "1000",
            "-t",
            "s1",
            "-o",
            &format!("type=tar,dest={}", out.display()),
            "-",
        ],
        &df,
    );
    let id = a.ok().trim().to_string();
    assert_eq!(home.husk(&["run", "--rm", "s1"]).ok(), "x\n");
    // What the RUN made belongs to the container's root.
    let run = home.husk(&["run", "--rm", "s1", "stat", "-c", "%u:%g", "/made/f"]);
    assert_eq!(run.ok(), "0:0\n");
    // A RUN that changed nothing made no layer; the timestamps make it reproducible.
    let hist = home.husk(&["history", "--format", "{{.CreatedBy}} {{.Size}}", "s1"]);
    assert!(
        hist.ok()
            .lines()
            .any(|l| l.contains("RUN /bin/sh -c true") && l.ends_with(" 0B")),
        "{}",
        hist.stdout
    );
    let b = home.husk_stdin(
        &["build", "-q", "--no-cache", "--timestamp", "1000", "-"],
        &df,
    );
    assert_eq!(b.ok().trim(), id, "same inputs, same image");
    let list = Command::new("tar")
        .args(["tf", out.to_str().unwrap()])
        .output()
        .unwrap();
    let names = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(names.lines().any(|l| l == "made/f"), "{names}");
    home.assert_consistent();
}

/// A tar of one file `name` holding `data`.
fn one_file_tar(name: &str, data: &str) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    let mut h = tar::Header::new_ustar();
    h.set_size(data.len() as u64);
    h.set_mode(0o644);
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(1);
    h.set_cksum();
    b.append_data(&mut h, name, data.as_bytes()).unwrap();
    b.into_inner().unwrap()
}

#[test]
fn every_instruction_archives_excludes_and_bind_mounts_of_a_stage() {
    use std::io::Write;
    let home = Home::new();
    let ctx = context(
        &home,
        "all",
        &[
            ("src/a.txt", "a\n"),
            ("src/b.md", "b\n"),
            ("src/keep/c.txt", "c\n"),
        ],
    );
    // ADD extracts bzip2 and xz tars as it does gzip ones.
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    bz.write_all(&one_file_tar("bz/f", "in bzip2\n")).unwrap();
    std::fs::write(format!("{ctx}/data.tar.bz2"), bz.finish().unwrap()).unwrap();
    let mut xz = lzma_rust2::XzWriter::new(Vec::new(), lzma_rust2::XzOptions::default()).unwrap();
    xz.write_all(&one_file_tar("xz/f", "in xz\n")).unwrap();
    std::fs::write(format!("{ctx}/data.tar.xz"), xz.finish().unwrap()).unwrap();
    common::chown_to_user(&home, &ctx);
    home.write(
        "all/Dockerfile",
        &format!(
            r#"FROM {bb} AS base
RUN mkdir -p /out && echo from-base > /out/made
FROM {bb}
ARG PORTS="8080 9090/udp"
ADD data.tar.bz2 data.tar.xz /arch/
COPY --exclude=*.md --exclude=keep/c.txt src/ /src/
COPY --exclude=*.md src/* /glob/
RUN --mount=type=bind,from=base,source=/out,target=/mnt cat /mnt/made > /bound
RUN --mount=type=bind,from=base,source=/out/made,target=/one,rw echo changed > /one && cat /one >> /bound
EXPOSE $PORTS
ENV A=1 B="two words"
LABEL l1=v1
MAINTAINER someone
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["echo hi"]
VOLUME /data
WORKDIR /w
USER 1:1
SHELL ["/bin/sh", "-ec"]
STOPSIGNAL SIGINT
HEALTHCHECK --interval=5s --timeout=2s --retries=4 CMD true
ONBUILD RUN echo onbuild-ran > /tmp/onbuild
"#,
            bb = bb()
        ),
    );
    home.husk(&["build", "-t", "every", &ctx]).ok();
    let run = home.husk(&[
        "run",
        "--rm",
        "-u",
        "0",
        "--entrypoint",
        "sh",
        "every",
        "-c",
        "cat /arch/bz/f /arch/xz/f; cd /src; find . | sort; cd /glob; find . | sort; cat /bound",
    ]);
    assert_eq!(
        run.ok(),
        "in bzip2\nin xz\n.\n./a.txt\n./keep\n.\n./a.txt\n./c.txt\nfrom-base\nchanged\n"
    );
    let inspect = home.husk(&["image", "inspect", "every"]).json()[0].clone();
    assert_eq!(inspect["Author"], "someone");
    let c = &inspect["Config"];
    let exposed: Vec<&String> = c["ExposedPorts"].as_object().unwrap().keys().collect();
    assert_eq!(exposed, ["8080/tcp", "9090/udp"], "{c}");
    let env: Vec<&str> = c["Env"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(
        env.contains(&"A=1") && env.contains(&"B=two words"),
        "{env:?}"
    );
    assert!(env.iter().any(|e| e.starts_with("PATH=")), "{env:?}");
    assert_eq!(c["Labels"]["l1"], "v1");
    assert_eq!(c["Entrypoint"], serde_json::json!(["/bin/sh", "-c"]));
    assert_eq!(c["Cmd"], serde_json::json!(["echo hi"]));
    assert!(c["Volumes"]["/data"].is_object(), "{c}");
    assert_eq!(c["WorkingDir"], "/w");
    assert_eq!(c["User"], "1:1");
    assert_eq!(c["Shell"], serde_json::json!(["/bin/sh", "-ec"]));
    assert_eq!(c["StopSignal"], "SIGINT");
    assert_eq!(
        c["Healthcheck"],
        serde_json::json!({"Test": ["CMD-SHELL", "true"], "Interval": 5_000_000_000u64,
            "Timeout": 2_000_000_000u64, "Retries": 4})
    );
    assert_eq!(
        c["OnBuild"],
        serde_json::json!(["RUN echo onbuild-ran > /tmp/onbuild"])
    );
    // The image runs as it says: entrypoint + cmd, the user.
    assert_eq!(home.husk(&["run", "--rm", "every"]).ok(), "hi\n");
    // ONBUILD runs in a build FROM it, before the child's own steps.
    let child = context(&home, "child", &[]);
    home.write("child/Dockerfile", "FROM every\nRUN cat /tmp/onbuild\n");
    let out = home.husk(&["build", "-t", "child", &child]);
    assert!(out.ok().contains("onbuild-ran"), "{}", out.stdout);
    home.assert_consistent();
}

#[test]
fn arg_cycles_circular_stages_and_a_hostile_context_tar() {
    let home = Home::new();
    // ARGs refer to each other in order: no loop, the later sees the earlier.
    let ctx = context(&home, "args", &[]);
    home.write(
        "args/Dockerfile",
        &format!(
            "ARG A=${{B}}a\nARG B=${{A}}b\nFROM {}\nARG A\nARG B\nARG C=${{C}}c\nRUN echo \"A=$A B=$B C=$C\"\n",
            bb()
        ),
    );
    let out = home.husk(&["build", "--no-cache", &ctx]);
    assert!(out.ok().contains("A=a B=ab C=c"), "{}", out.stdout);
    // Two stages that copy from each other: a circular dependency, nothing built.
    let ctx = context(&home, "circle", &[]);
    home.write(
        "circle/Dockerfile",
        &format!(
            "FROM {bb} AS one\nCOPY --from=two /bin/sh /x\nFROM {bb} AS two\nCOPY --from=one /bin/sh /y\n",
            bb = bb()
        ),
    );
    home.husk(&["build", "-t", "circle", &ctx])
        .fails(125, "circular dependency");
    home.husk(&["image", "exists", "circle"]).fails(1, "");
    // A context tar whose entries climb out: refused, nothing written outside.
    let mut tar = Vec::new();
    for (name, data) in [("Dockerfile", "FROM scratch\n"), ("../../evil", "x")] {
        let mut h = tar::Header::new_ustar();
        h.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_uid(0);
        h.set_gid(0);
        h.set_mtime(1);
        h.set_cksum();
        tar.extend_from_slice(h.as_bytes());
        let mut block = data.as_bytes().to_vec();
        block.resize(512, 0);
        tar.extend_from_slice(&block);
    }
    tar.resize(tar.len() + 1024, 0);
    let input = String::from_utf8(tar).unwrap();
    home.husk_stdin(&["build", "-t", "evil", "-"], &input)
        .fails(125, "evil");
    assert!(!home.store().join("evil").exists() && !home.dir.join("evil").exists());
    home.assert_consistent();
}

#[test]
fn a_context_of_100k_files() {
    let home = Home::new();
    let ctx = home.dir.join("big");
    for d in 0..100 {
        let dir = ctx.join(format!("d{d}"));
        std::fs::create_dir_all(&dir).unwrap();
        for f in 0..1000 {
            std::fs::write(dir.join(format!("f{f}")), format!("{d}/{f}\n")).unwrap();
        }
    }
    std::fs::write(
        ctx.join("Dockerfile"),
        format!("FROM {}\nCOPY . /ctx\nRUN ls /ctx/d99 | wc -l\n", bb()),
    )
    .unwrap();
    let ctx = ctx.to_string_lossy().into_owned();
    common::chown_to_user(&home, &ctx);
    let out = home.husk(&["build", "-t", "big", &ctx]);
    assert!(out.ok().contains("\n1000\n"), "{}", out.stdout);
    let run = home.husk(&[
        "run",
        "--rm",
        "big",
        "sh",
        "-c",
        "find /ctx -type f | wc -l; cat /ctx/d42/f420",
    ]);
    assert_eq!(run.ok(), "100001\n42/420\n");
    // Unchanged: every step from the cache.
    let again = home.husk(&["build", "-q", "-t", "big", &ctx]);
    assert_eq!(
        again.ok().trim(),
        home.husk(&["image", "inspect", "-f", "{{.Id}}", "big"])
            .ok()
            .trim()
            .trim_start_matches("sha256:")
    );
    home.assert_consistent();
}

#[test]
fn killed_build_and_two_builds_at_once() {
    use std::io::BufRead;
    let home = Home::new();
    let ctx = context(&home, "k", &[("f", "data\n")]);
    home.write(
        "k/Dockerfile",
        &format!(
            "FROM {}\nCOPY f /f\nARG S=0\nRUN echo started; sleep $S; echo slept > /slept\nCMD [\"cat\", \"/f\", \"/slept\"]\n",
            bb()
        ),
    );
    // kill -9 while the RUN sleeps: the store stays consistent, the next build works.
    let mut child = home
        .cmd(&["build", "--build-arg", "S=60", "-t", "k", &ctx])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = std::io::BufReader::new(stdout).lines();
    assert!(lines.any(|l| l.unwrap().contains("started")));
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    home.husk(&["image", "exists", "k"]).fails(1, "");
    home.husk(&["build", "-q", "-t", "k", &ctx]).ok();
    assert_eq!(home.husk(&["run", "--rm", "k"]).ok(), "data\nslept\n");
    home.assert_consistent();
    // Two builds of the same Dockerfile at once: both succeed.
    let spawn = |tag: &str| {
        home.cmd(&[
            "build",
            "-q",
            "--no-cache",
            "--build-arg",
            "S=1",
            "-t",
            tag,
            &ctx,
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
    };
    let (a, b) = (spawn("twin:a"), spawn("twin:b"));
    for c in [a, b] {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for tag in ["twin:a", "twin:b"] {
        assert_eq!(home.husk(&["run", "--rm", tag]).ok(), "data\nslept\n");
    }
    home.assert_consistent();
}

fn layers(home: &Home, name: &str) -> usize {
    home.husk(&["image", "inspect", name]).json()[0]["RootFS"]["Layers"]
        .as_array()
        .map_or(0, |l| l.len())
}

/// podman build's flags: those of RUN steps' containers, those that change
/// the image, and those that shape the build.
#[test]
fn podman_build_flags() {
    let home = Home::new();
    let host_dir = home.dir.join("shared");
    std::fs::create_dir_all(&host_dir).unwrap();
    std::fs::write(host_dir.join("input"), "from the host\n").unwrap();
    common::chown_to_user(&home, host_dir.to_str().unwrap());
    let shared = host_dir.to_string_lossy().into_owned();
    // An agent's socket for --ssh (no agent answers; RUN only sees it).
    let sock = home.dir.join("agent.sock");
    let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
    common::chown_to_user(&home, sock.to_str().unwrap());
    let ctx = context(
        &home,
        "flags",
        &[
            (
                "Dockerfile",
                "FROM no-such-image-here\nLABEL own=1\nENV GONE=x KEPT=y\nRUN cat > /stdin\n\
RUN cat /shared/input > /copied && echo made > /shared/output\n\
RUN grep -q 'myhost' /etc/hosts && grep -q 'nameserver 10.9.8.7' /etc/resolv.conf && echo net-ok > /net\n\
RUN ulimit -n > /nofile; id -G > /groups; grep NoNewPrivs /proc/self/status > /nnp; echo \"$BUILD_ENV\" > /env\n\
RUN --mount=type=ssh [ -S \"$SSH_AUTH_SOCK\" ] && echo agent > /agent\n\
RUN rm /bin/true && mkdir -p /newdir && echo x > /newdir/f\n",
            ),
            ("ignored.txt", "no\n"),
            ("kept.txt", "yes\n"),
            ("my.ignore", "ignored.txt\n"),
        ],
    );
    common::chown_to_user(&home, &ctx);
    let log = home.dir.join("build.log");
    let meta = home.dir.join("meta.json");
    let (base, ssh) = (bb(), format!("default={}", sock.display()));
    let run = home.husk_stdin(
        &[
            "build",
            "-t",
            "flags:1",
            "--from",
            &base,
            "-v",
            &format!("{shared}:/shared"),
            "--add-host",
            "myhost:10.1.2.3",
            "--dns",
            "10.9.8.7",
            "--ulimit",
            "nofile=321:321",
            "--group-add",
            "4321",
            "--security-opt",
            "no-new-privileges",
            "--env",
            "BUILD_ENV=on",
            "--unsetenv",
            "GONE",
            "--unsetlabel",
            "own",
            "--annotation",
            "org.example.note=hi",
            "--os-version",
            "10.1",
            "--os-feature",
            "feat1",
            "--ignorefile",
            &format!("{ctx}/my.ignore"),
            "--ssh",
            &ssh,
            "--stdin",
            "--logfile",
            log.to_str().unwrap(),
            "--manifest",
            "flaglist",
            "--metadata-file",
            meta.to_str().unwrap(),
            "--jobs",
            "2",
            "--layers",
            "-D",
            "--no-hostname",
            "--identity-label=false",
            "--http-proxy=false",
            &ctx,
        ],
        "typed on stdin\n",
    );
    // Everything went to the log file (shown if the build failed).
    let logged = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(run.code, 0, "build failed; its log:\n{logged}");
    assert_eq!(run.ok(), "");
    assert!(
        logged.contains("STEP 1/9: FROM no-such-image-here"),
        "{logged}"
    );
    let id = logged.lines().last().unwrap().to_string();
    let cat = |path: &str| {
        home.husk(&["run", "--rm", "flags:1", "cat", path])
            .ok()
            .to_string()
    };
    assert_eq!(cat("/copied"), "from the host\n");
    assert_eq!(
        std::fs::read_to_string(host_dir.join("output")).unwrap(),
        "made\n"
    );
    assert_eq!(cat("/net"), "net-ok\n");
    assert_eq!(cat("/nofile"), "321\n");
    assert!(cat("/groups").contains("4321"));
    assert!(cat("/nnp").contains('1'));
    assert_eq!(cat("/env"), "on\n");
    assert_eq!(cat("/agent"), "agent\n");
    assert_eq!(cat("/stdin"), "typed on stdin\n");
    // What the bind held is no part of the image (its mount point stays, as with podman).
    assert_eq!(
        home.husk(&["run", "--rm", "flags:1", "ls", "-A", "/shared"])
            .ok(),
        ""
    );
    let c = config(&home, "flags:1");
    let env = c["Env"].to_string();
    assert!(
        env.contains("BUILD_ENV=on") && env.contains("KEPT=y") && !env.contains("GONE"),
        "{env}"
    );
    assert!(c["Labels"].get("own").is_none(), "{c}");
    let doc = home.husk(&["image", "inspect", "flags:1"]).json()[0].clone();
    assert_eq!(doc["Annotations"]["org.example.note"], "hi", "{doc}");
    assert!(doc["Id"].as_str().unwrap().ends_with(&id));
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    assert_eq!(meta["image.name"], "localhost/flags:1");
    assert_eq!(meta["containerimage.config.digest"], doc["Id"]);
    assert!(
        doc["Annotations"]["org.opencontainers.image.created"].is_string(),
        "{doc}"
    );
    // Annotations of the base are inherited, unless told; --mount for every RUN.
    let child = context(
        &home,
        "child",
        &[(
            "Dockerfile",
            "FROM flags:1\nRUN grep -q ' /scratch ' /proc/mounts && echo mounted > /m\n",
        )],
    );
    let raw = home.dir.join("raw-iid");
    home.husk(&[
        "build",
        "-q",
        "--pull-never",
        "--net",
        "none",
        "--mount",
        "type=tmpfs,target=/scratch",
        "--iidfile-raw",
        raw.to_str().unwrap(),
        "-t",
        "child:1",
        &child,
    ])
    .ok();
    assert_eq!(std::fs::read_to_string(&raw).unwrap().len(), 64);
    assert_eq!(
        home.husk(&["run", "--rm", "child:1", "cat", "/m"]).ok(),
        "mounted\n"
    );
    let annotations =
        |name: &str| home.husk(&["image", "inspect", name]).json()[0]["Annotations"].clone();
    assert_eq!(annotations("child:1")["org.example.note"], "hi");
    home.husk(&[
        "build",
        "-q",
        "--unsetannotation",
        "org.example.note",
        "--created-annotation=false",
        "--mount",
        "type=tmpfs,target=/scratch",
        "-t",
        "child:2",
        &child,
    ])
    .ok();
    assert_eq!(annotations("child:2"), serde_json::json!({}));
    home.husk(&[
        "build",
        "-q",
        "--inherit-annotations=false",
        "--mount",
        "type=tmpfs,target=/scratch",
        "-t",
        "child:3",
        &child,
    ])
    .ok();
    assert!(annotations("child:3").get("org.example.note").is_none());
    home.husk(&["build", "--mount", "type=bogus", &child])
        .fails(125, "unknown type");
    home.husk(&["manifest", "exists", "flaglist"]).ok();
    let list = home.husk(&["manifest", "inspect", "flaglist"]).json();
    assert_eq!(list["manifests"].as_array().unwrap().len(), 1, "{list}");
    let cfg_blob = home.husk(&["image", "inspect", "--format", "{{.Id}}", "flags:1"]);
    assert!(cfg_blob.ok().contains(&id));

    // --squash: the new layers as one, deletions kept; --squash-all: one layer;
    // --omit-history; --inherit-labels=false; --progress quiet.
    let base_layers = layers(&home, &base);
    let labelled = context(
        &home,
        "lab",
        &[("Dockerfile", &format!("FROM {base}\nLABEL base=1\n"))],
    );
    home.husk(&["build", "-q", "-t", "labelled", &labelled])
        .ok();
    let sq = context(
        &home,
        "sq",
        &[(
            "Dockerfile",
            "FROM labelled\nRUN echo a > /a && mkdir /d && echo 1 > /d/one\nRUN rm /bin/true /d/one && echo b > /b\nRUN rm -r /d && mkdir /d && echo 2 > /d/two\n",
        )],
    );
    let run = home.husk(&[
        "build",
        "--squash",
        "--progress",
        "quiet",
        "-t",
        "sq:new",
        &sq,
    ]);
    assert_eq!(run.ok().lines().count(), 1, "{}", run.stdout);
    assert_eq!(layers(&home, "sq:new"), base_layers + 1);
    let check = "cat /a /b /d/two; [ -e /bin/true ] || echo no-true; ls /d";
    assert_eq!(
        home.husk(&["run", "--rm", "sq:new", "sh", "-c", check])
            .ok(),
        "a\nb\n2\nno-true\ntwo\n"
    );
    home.husk(&[
        "build",
        "-q",
        "--squash-all",
        "--omit-history",
        "--inherit-labels=false",
        "-t",
        "sq:all",
        &sq,
    ])
    .ok();
    assert_eq!(layers(&home, "sq:all"), 1);
    assert_eq!(
        home.husk(&["run", "--rm", "sq:all", "sh", "-c", check])
            .ok(),
        "a\nb\n2\nno-true\ntwo\n"
    );
    let doc = home.husk(&["image", "inspect", "sq:all"]).json()[0].clone();
    assert!(doc["History"].is_null(), "{doc}");
    assert!(doc["Config"]["Labels"].get("base").is_none(), "{doc}");
    assert_eq!(config(&home, "sq:new")["Labels"]["base"], "1");
    home.husk(&["history", "sq:new"]).ok();

    // --cache-ttl: an entry older than the TTL is run again; --no-cache-filter.
    let cached = context(
        &home,
        "ttl",
        &[(
            "Dockerfile",
            &format!("FROM {base} AS one\nRUN echo one > /one\nFROM {base} AS unused\nRUN echo unused\nFROM one\nRUN echo two > /two\n"),
        )],
    );
    home.husk(&["build", "-t", "ttl", &cached]).ok();
    let again = home.husk(&["build", "-t", "ttl", &cached]);
    assert_eq!(
        again.ok().matches("Using cache").count(),
        2,
        "{}",
        again.stdout
    );
    let filtered = home.husk(&["build", "--no-cache-filter", "one", "-t", "ttl", &cached]);
    assert_eq!(
        filtered.ok().matches("Using cache").count(),
        1,
        "{}",
        filtered.stdout
    );
    assert!(!filtered.stdout.contains("echo unused"));
    let all = home.husk(&["build", "--skip-unused-stages=false", "-t", "ttl", &cached]);
    assert!(all.ok().contains("RUN echo unused"), "{}", all.stdout);
    std::thread::sleep(std::time::Duration::from_secs(2));
    let expired = home.husk(&["build", "--cache-ttl", "1s", "-t", "ttl", &cached]);
    assert_eq!(
        expired.ok().matches("Using cache").count(),
        0,
        "{}",
        expired.stdout
    );

    // --compat-volumes: RUN's changes under a VOLUME are dropped.
    let vols = context(
        &home,
        "vols",
        &[(
            "Dockerfile",
            &format!("FROM {base}\nRUN mkdir -p /data && echo before > /data/kept\nVOLUME /data\nRUN echo after > /data/new && echo outside > /out\n"),
        )],
    );
    home.husk(&["build", "-q", "--compat-volumes", "-t", "vols", &vols])
        .ok();
    assert_eq!(
        home.husk(&["run", "--rm", "vols", "sh", "-c", "ls /data; cat /out"])
            .ok(),
        "kept\noutside\n"
    );
    // A step that makes a VOLUME's parent a symlink out of the layer: the
    // files it points at are never dropped.
    let victim = home.dir.join("victim");
    std::fs::create_dir_all(victim.join("x")).unwrap();
    std::fs::write(victim.join("x/precious"), "keep me\n").unwrap();
    common::chown_to_user(&home, victim.to_str().unwrap());
    let evil = context(
        &home,
        "evil",
        &[(
            "Dockerfile",
            &format!(
                "FROM {base}\nVOLUME /data/x\nRUN mv /data /moved && ln -s {} /data\n",
                victim.display()
            ),
        )],
    );
    home.husk(&["build", "-q", "--compat-volumes", "-t", "evil", &evil])
        .ok();
    assert_eq!(
        std::fs::read_to_string(victim.join("x/precious")).unwrap(),
        "keep me\n"
    );

    // --secret id=ID,env=VAR: the variable's value as the secret's file.
    let secret = context(
        &home,
        "secret",
        &[(
            "Dockerfile",
            &format!("FROM {base}\nRUN --mount=type=secret,id=tok cat /run/secrets/tok > /tok\n"),
        )],
    );
    let out = home
        .cmd(&[
            "build",
            "-q",
            "--secret",
            "id=tok,env=TOKEN_VAR",
            "-t",
            "secret",
            &secret,
        ])
        .env("TOKEN_VAR", "s3cret")
        .output()
        .unwrap();
    common::Run::from(out).ok();
    assert_eq!(
        home.husk(&["run", "--rm", "secret", "cat", "/tok"]).ok(),
        "s3cret"
    );
    home.husk(&["build", "--secret", "id=tok,env=NOT_SET_ANYWHERE", &secret])
        .fails(125, "is not set");
    // BuildKit's other spellings: type=env with src=VAR, and the id alone as the variable.
    for spec in ["id=tok,type=env,src=TOKEN_VAR", "id=tok"] {
        let var = if spec == "id=tok" { "tok" } else { "TOKEN_VAR" };
        let out = home
            .cmd(&[
                "build",
                "-q",
                "--no-cache",
                "--secret",
                spec,
                "-t",
                "secret2",
                &secret,
            ])
            .env(var, "other")
            .output()
            .unwrap();
        common::Run::from(out).ok();
        assert_eq!(
            home.husk(&["run", "--rm", "secret2", "cat", "/tok"]).ok(),
            "other",
            "{spec}"
        );
    }

    // RUN under a map of its own: owners land in the layer as the container saw them.
    let mapped = context(
        &home,
        "mapped",
        &[(
            "Dockerfile",
            &format!("FROM {base}\nRUN touch /owned && chown 100:101 /owned && cat /proc/self/uid_map > /map\n"),
        )],
    );
    home.husk(&[
        "build",
        "-q",
        "--userns-uid-map",
        "0:1:2000",
        "-t",
        "mapped",
        &mapped,
    ])
    .ok();
    let out = home.husk(&[
        "run",
        "--rm",
        "mapped",
        "sh",
        "-c",
        "stat -c '%u:%g' /owned; cat /map",
    ]);
    let out = out.ok();
    assert!(
        out.starts_with("100:101\n") && out.contains(" 2000\n"),
        "{out}"
    );

    // Refused, each with its reason, before anything is built.
    home.husk(&["build", "--cache-from", "reg/x:tag", &cached])
        .fails(125, "without a tag");
    home.husk(&["build", "--platform", "linux/amd64,linux/arm64", &cached])
        .fails(125, "one platform at a time");
    home.husk(&["build", "--isolation", "chroot", &cached])
        .fails(125, "never in a bare chroot");
    home.husk(&["build", "--ssh", "default=/etc/passwd", &cached])
        .fails(125, "not an agent's socket");
    home.husk(&["build", "--sbom", "syft", &cached])
        .fails(125, "bill of materials");
    home.husk(&["build", "--env", "=x", &cached])
        .fails(125, "invalid --env");
    home.husk(&["build", "--ignorefile", "/nonexistent", &cached])
        .fails(125, "does not exist");
    let warned = home.husk(&[
        "build",
        "-q",
        "-m",
        "512m",
        "--layer-label",
        "a=b",
        "-t",
        "ttl",
        &cached,
    ]);
    warned.ok();
    assert!(
        warned.stderr.contains("intermediate images"),
        "{}",
        warned.stderr
    );

    // commit --squash and --config.
    home.husk(&[
        "run",
        "--name",
        "csq",
        &base,
        "sh",
        "-c",
        "echo c > /c; rm /bin/true",
    ])
    .ok();
    let cfg = home.dir.join("cfg.json");
    std::fs::write(
        &cfg,
        r#"{"Env": ["FROM_CONFIG=1"], "Labels": {"from": "config"}}"#,
    )
    .unwrap();
    home.husk(&[
        "commit",
        "--squash",
        "--config",
        cfg.to_str().unwrap(),
        "-c",
        "LABEL extra=1",
        "csq",
        "csq:1",
    ])
    .ok();
    assert_eq!(layers(&home, "csq:1"), 1);
    let c = config(&home, "csq:1");
    let env = c["Env"].as_array().unwrap();
    assert!(env.contains(&serde_json::json!("FROM_CONFIG=1")), "{c}");
    assert!(env.len() > 1, "the container's own variables are kept: {c}");
    assert_eq!(c["Labels"]["from"], "config");
    assert_eq!(c["Labels"]["extra"], "1");
    assert_eq!(
        home.husk(&[
            "run",
            "--rm",
            "csq:1",
            "/bin/sh",
            "-c",
            "cat /c; [ -e /bin/true ] || echo gone"
        ])
        .ok(),
        "c\ngone\n"
    );
    std::fs::write(&cfg, "[1]").unwrap();
    home.husk(&["commit", "--config", cfg.to_str().unwrap(), "csq", "bad"])
        .fails(125, "not a JSON object");
    home.assert_consistent();
}
