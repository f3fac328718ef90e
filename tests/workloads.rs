//! Real workloads in a Debian container on the FUSE overlay (the default driver):
//! dpkg, git, gcc (with mmap), tar -x and rm -rf of a large tree. tests/run.sh
//! builds the image with debootstrap (as root); without it this test says skipped.

mod common;

use common::Home;

#[test]
fn debian_workloads_on_the_fuse_overlay() {
    let (Ok(image), Ok(deb)) = (
        std::env::var("HUSK_TEST_DEBIAN"),
        std::env::var("HUSK_TEST_DEB"),
    ) else {
        eprintln!("skipped: no Debian image (tests/run.sh builds it as root with debootstrap)");
        return;
    };
    let home = Home::new();
    let t = home.dir.join("t");
    std::fs::create_dir(&t).unwrap();
    std::fs::copy(deb, t.join("hello.deb")).unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/workloads.sh"),
        t.join("workloads.sh"),
    )
    .unwrap();
    home.husk(&["pull", "-q", &image]).ok();
    let vol = format!("{}:/t:ro", t.display());
    let run = home.husk(&[
        "--storage-driver",
        "fuse-overlay",
        "run",
        "--rm",
        "-v",
        &vol,
        &image,
        "sh",
        "/t/workloads.sh",
    ]);
    let out = run.stdout.clone() + &run.stderr;
    assert_eq!(run.code, 0, "{out}");
    for line in [
        "Hello, world!\n",
        "Status: install ok installed\n",
        "second first \n",
        "count: 0\n",
        "mmap ok\n",
        "same as /usr\n",
        "rm -rf ok\n",
    ] {
        assert!(out.contains(line), "{line:?} missing from:\n{out}");
    }
    assert!(run.stdout.ends_with("done\n"), "{out}");
    home.assert_consistent();
}
