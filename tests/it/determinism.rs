//! The same input gives byte-identical output, whatever order its files were
//! created in.

use crate::support::{tree, SiteTest};

#[test]
fn two_builds_are_byte_identical() {
    let first = SiteTest::fixture("basic").build();
    let second = SiteTest::fixture("basic").build();
    assert_eq!(tree(&first.out), tree(&second.out));
}

#[test]
fn file_creation_order_does_not_change_the_output() {
    assert_reverse_order_builds_the_same(&SiteTest::fixture("basic"));
}

#[test]
fn the_sample_site_builds_the_same_from_files_created_in_reverse_order() {
    assert_reverse_order_builds_the_same(&SiteTest::sample());
}

/// Copies the site creating its files in reverse order, builds both, compares.
fn assert_reverse_order_builds_the_same(site: &SiteTest) {
    let forward = site.build();
    let reversed = tempfile::tempdir().unwrap();
    let mut files: Vec<_> = walkdir::WalkDir::new(site.root())
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && !e.path().starts_with(site.root().join("public")))
        .map(|e| e.path().strip_prefix(site.root()).unwrap().to_path_buf())
        .collect();
    files.sort();
    files.reverse();
    for rel in &files {
        let target = reversed.path().join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(site.root().join(rel), target).unwrap();
    }
    let out = reversed.path().join("public");
    let status = assert_cmd::Command::cargo_bin("glossa")
        .unwrap()
        .args(["build", "--root"])
        .arg(reversed.path())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success());
    assert_eq!(tree(&forward.out), tree(&out));
}

#[test]
fn the_sample_site_builds_identically_twice() {
    let first = SiteTest::sample().build();
    let second = SiteTest::sample().build();
    assert_eq!(tree(&first.out), tree(&second.out));
}
