//! The command-line contract: exit codes, and an output folder that is only
//! ever replaced whole, and never one glossa did not make.

use crate::support::{tree, SiteTest};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn exits_2_on_usage_errors() {
    let site = SiteTest::fixture("basic");
    assert_eq!(site.glossa(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(site.glossa(&["build", "--base-url", "/relative/"]).status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let output =
        assert_cmd::Command::cargo_bin("glossa").unwrap().args(["check", "--root"]).arg(empty.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no site.yaml"), "{}", stderr(&output));
}

#[test]
fn exits_1_on_content_errors_and_writes_nothing() {
    let site = SiteTest::fixture("basic");
    let built = site.build_with(&["--no-search"]);
    let before = tree(&built.out);
    site.write("content/en/terms/broken.md", "---\ntitle: Broken\nprerequisites: [no-such-term]\n---\nBody\n");
    let output = site.glossa(&["build", "--out", built.out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("error[missing-field]") && err.contains("error[unknown-reference]"), "{err}");
    assert!(err.contains("content/en/terms/broken.md:3:17"), "{err}");
    assert_eq!(tree(&built.out), before, "the previous site must be left intact");
}

#[test]
fn strict_fails_on_warnings_without_changing_their_severity() {
    let site = SiteTest::fixture("basic");
    let relaxed = site.glossa(&["check"]);
    assert_eq!(relaxed.status.code(), Some(0));
    let strict = site.glossa(&["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    let text = String::from_utf8_lossy(&strict.stdout);
    assert!(text.contains("warning[missing-translation]"), "{text}");
    assert!(!text.contains("error["), "{text}");
    assert_eq!(site.glossa(&["build", "--strict", "--out", "out"]).status.code(), Some(1));
    assert!(!site.root().join("out").exists());
}

#[test]
fn json_diagnostics_have_exactly_the_contract_fields() {
    let site = SiteTest::fixture("basic");
    let output = site.glossa(&["check", "--format", "json"]);
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty());
    for line in &lines {
        let keys: Vec<&str> = line.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["code", "column", "file", "help", "line", "message", "severity"]);
    }
    let draft = lines.iter().find(|l| l["code"] == "link-to-draft").unwrap();
    assert_eq!(draft["file"], "content/en/terms/staking.md");
    assert_eq!((draft["line"].as_u64(), draft["column"].as_u64()), (Some(16), Some(53)));
    assert_eq!(draft["severity"], "warning");
}

#[test]
fn refuses_an_output_folder_it_did_not_make() {
    let site = SiteTest::fixture("basic");
    site.write("mine/notes.txt", "precious");
    let output = site.glossa(&["build", "--out", site.root().join("mine").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(site.root().join("mine/notes.txt")).unwrap(), "precious");
    for out in [".", "content", "..", "content/en"] {
        let target = site.root().join(out);
        let output = site.glossa(&["build", "--out", target.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "--out {out}: {}", stderr(&output));
    }
    assert!(site.root().join("content/en/terms/staking.md").is_file());
}

#[test]
fn rebuilds_replace_its_own_output() {
    let site = SiteTest::fixture("basic");
    let first = site.build_with(&["--no-search"]);
    std::fs::write(first.out.join("stale.html"), "old").unwrap();
    let second = site.build_with(&["--no-search"]);
    assert!(!second.exists("stale.html"), "the output is replaced as a whole");
    assert!(second.exists(".glossa-output"));
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("glossa-staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn build_prints_one_summary_line() {
    let site = SiteTest::fixture("basic");
    let output = site.glossa(&["build", "--out", "public"]);
    let err = stderr(&output);
    let last = err.lines().last().unwrap();
    assert!(last.starts_with("Built 22 pages (en 11, ko 11), 4 warnings in "), "{last}");
}
