//! The same input gives byte-identical output, whatever order its files were
//! created in.

use std::collections::BTreeMap;

use glossa::output::MemorySink;
use glossa::pipeline::{analyse_inputs, Inputs, Options};

use crate::support::{tree, SiteTest};

#[test]
fn two_builds_are_byte_identical() {
    let first = crate::support::shared("basic", &[]);
    // A build of its own, not the shared one: two builds are compared.
    let second = SiteTest::fixture("basic").build();
    assert_eq!(tree(&first.out), tree(&second.out));
}

/// A build drops each body's HTML after checking it and renders it again as
/// the page is written; the dev server keeps every body. Both give the same
/// files, search index included.
#[test]
fn rendering_bodies_as_pages_are_written_equals_keeping_them() {
    // A translation with its whole body but no quiz takes only the quiz
    // from the default language.
    let quizless = SiteTest::sample();
    let staking = std::fs::read_to_string(quizless.root().join("content/ko/terms/staking.md")).unwrap();
    let (quiz, rest) = (staking.find("\nquiz:").unwrap(), staking.find("\nupdated:").unwrap());
    quizless.write("content/ko/terms/staking.md", &format!("{}{}", &staking[..quiz], &staking[rest..]));
    let sites = [
        ("sample", SiteTest::sample()),
        ("quizless", quizless),
        ("basic", SiteTest::fixture("basic")),
        ("hostile", SiteTest::fixture("hostile")),
    ];
    for (name, site) in sites {
        let render = |keep_bodies: bool| -> BTreeMap<String, Vec<u8>> {
            let options = Options { include_drafts: true, base_url: None, keep_bodies };
            let analysis = analyse_inputs(Inputs::read(site.root()).unwrap(), &options).unwrap();
            let sink = MemorySink::default();
            analysis.site.as_ref().unwrap().renderer(true).render(&sink, &|| {}).unwrap();
            sink.into_files()
        };
        let (streamed, kept) = (render(false), render(true));
        assert_eq!(streamed.keys().collect::<Vec<_>>(), kept.keys().collect::<Vec<_>>());
        for (file, bytes) in &kept {
            assert!(streamed[file] == *bytes, "{name}: {file} differs");
        }
        // Pages that fall back, wholly or in part, render the default
        // language's body for another language: they must be among those compared.
        let page = |name: &String| scraper::Html::parse_document(&String::from_utf8_lossy(&kept[name]));
        let has = |css: &str| {
            let selector = scraper::Selector::parse(css).unwrap();
            kept.keys()
                .filter(|n| n.contains("/terms/") && n.ends_with(".html"))
                .any(|n| page(n).select(&selector).next().is_some())
        };
        if name == "basic" {
            assert!(has("#fallback-notice") && has(".notice--part"), "the fixture must have fallback pages");
        }
        if name == "quizless" {
            let staking = page(&"ko/terms/staking/index.html".to_owned());
            let select = |css: &str| staking.select(&scraper::Selector::parse(css).unwrap()).count();
            assert_eq!((select("#quiz[lang=en]"), select("#expert:not([lang])")), (1, 1));
        }
    }
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
    let first = crate::support::shared("sample", &[]);
    let second = SiteTest::sample().build();
    assert_eq!(tree(&first.out), tree(&second.out));
}
