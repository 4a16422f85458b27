//! The output folder: reached through links, replaced whole, never left
//! half-made, never made where the next build would read it back.

use std::process::{Command, Stdio};
use std::time::Instant;

use super::{check_json, of_code, stderr};
use crate::support::{generated_site, staging_leftovers, tree, SiteTest};

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_built_through_and_the_link_kept() {
    let site = SiteTest::fixture("basic");
    let served = tempfile::tempdir().unwrap();
    let folder = served.path().join("site");
    site.glossa(&["build", "--out", folder.to_str().unwrap()]);
    let before = tree(&folder);
    assert!(before.len() > 10);
    let link = site.root().join("public");
    std::os::unix::fs::symlink(&folder, &link).unwrap();
    let term = std::fs::read_to_string(site.root().join("content/en/terms/slashing.md")).unwrap();
    site.write("content/en/terms/slashing.md", &term.replace("Slashing punishes", "Slashing burns"));

    let output = site.glossa(&["build", "--out", "public"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert_eq!(std::fs::read_link(&link).unwrap(), folder);
    let page = std::fs::read_to_string(folder.join("en/terms/slashing/index.html")).unwrap();
    assert!(page.contains("Slashing burns"), "the new site is in the folder the link names");
    assert_eq!(tree(&folder).len(), before.len());
    assert!(staging_leftovers(site.root()).is_empty(), "{:?}", staging_leftovers(site.root()));
    assert!(staging_leftovers(served.path()).is_empty(), "{:?}", staging_leftovers(served.path()));
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_glossa_did_not_make_is_refused_and_left_alone() {
    let site = SiteTest::fixture("basic");
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("notes.txt"), "precious").unwrap();
    std::os::unix::fs::symlink(mine.path(), site.root().join("public")).unwrap();
    let output = site.glossa(&["build", "--out", "public"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("a link to"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(mine.path().join("notes.txt")).unwrap(), "precious");
}

#[test]
fn outputs_inside_the_folders_a_build_reads_are_refused() {
    let site = SiteTest::fixture("basic");
    site.write("static/logo.svg", "<svg/>").write("templates/i18n/en.yaml", "{}\n");
    for out in ["static/site", "templates/out", "content/public", "static"] {
        let output = site.glossa(&["build", "--out", site.root().join(out).to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "--out {out}: {}", stderr(&output));
        assert!(stderr(&output).contains("folder, which every build reads"), "{}", stderr(&output));
    }
    assert!(!site.root().join("static/site").exists() && !site.root().join("templates/out").exists());
}

#[test]
fn a_site_without_content_is_an_error_that_keeps_the_previous_output() {
    let site = SiteTest::fixture("basic");
    let built = site.build();
    let before = tree(&built.out);

    std::fs::remove_dir_all(site.root().join("content/ko")).unwrap();
    for file in std::fs::read_dir(site.root().join("content/en/terms")).unwrap() {
        std::fs::remove_file(file.unwrap().path()).unwrap();
    }
    let output = site.glossa(&["build", "--out", "public"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let (_, lines) = check_json(&site);
    let empty = of_code(&lines, "empty-site");
    assert_eq!(empty.len(), 1, "{lines:?}");
    assert_eq!((empty[0].0.as_str(), empty[0].1, empty[0].2), ("site.yaml", 3, 19), "points at default_language");
    assert_eq!(tree(&built.out), before);

    std::fs::remove_dir_all(site.root().join("content")).unwrap();
    let output = site.glossa(&["build", "--out", "public"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("has no content/ folder"), "{}", stderr(&output));
    assert_eq!(tree(&built.out), before);
    assert!(staging_leftovers(site.root()).is_empty());
}

#[test]
fn staging_left_by_a_killed_build_is_removed_by_the_next() {
    let site = SiteTest::fixture("basic");
    site.build();
    // What `kill -9` leaves: a staging folder and its lock, and a previous
    // site set aside by the fallback swap.
    for dead in [".public.glossa-staging-999999/en", ".public.glossa-staging-999999-old/en"] {
        std::fs::create_dir_all(site.root().join(dead)).unwrap();
        std::fs::write(site.root().join(dead).join("index.html"), vec![b'x'; 100_000]).unwrap();
    }
    std::fs::write(site.root().join(".public.glossa-staging-999999.lock"), "").unwrap();
    site.build();
    assert!(staging_leftovers(site.root()).is_empty(), "{:?}", staging_leftovers(site.root()));
}

/// `kill -9` at several moments of a 2,000-term build: each time the output
/// is either the previous site or the new one, whole (the input is the same,
/// so both are byte for byte the first build), and the next build leaves no
/// staging behind.
#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let site = generated_site(2_000);
    let out = site.root().join("public");
    let started = Instant::now();
    // Without the cache, so that every build writes the whole site.
    let first = site.glossa(&["build", "--no-search", "--no-cache", "--out", "public"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let took = started.elapsed();
    let before = tree(&out);
    assert!(before.len() > 4_000, "{}", before.len());

    let mut killed_mid_build = 0;
    for fraction in [0.1, 0.35, 0.6, 0.9] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("glossa"))
            .args(["build", "--no-search", "--no-cache", "--out", "public", "--root"])
            .arg(site.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(took.mul_f64(fraction));
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let _ = child.wait();
        if !finished {
            killed_mid_build += 1;
        }
        assert!(tree(&out) == before, "after a kill at {fraction} of the build, the output is not a whole site");
    }
    assert!(killed_mid_build >= 3, "only {killed_mid_build} kills landed during a build");
    let again = site.glossa(&["build", "--no-search", "--no-cache", "--out", "public"]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(tree(&out) == before);
    assert!(staging_leftovers(site.root()).is_empty(), "{:?}", staging_leftovers(site.root()));
}
