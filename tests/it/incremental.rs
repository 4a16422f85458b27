//! The dev server applies edits in place; the result must equal a full build
//! of the same files, page for page and diagnostic for diagnostic.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use glossa::output::MemorySink;
use glossa::pipeline::live::{LiveSite, Update};
use glossa::pipeline::{analyse_inputs, Inputs, Options};

use crate::support::SiteTest;

/// The dev server keeps every body's HTML; in-place updates are also checked
/// with bodies dropped and rendered as pages are written, as a build does.
fn options(keep_bodies: bool) -> Options {
    Options { include_drafts: true, base_url: None, keep_bodies }
}

fn live(root: &Path, keep_bodies: bool) -> LiveSite {
    match LiveSite::new(Inputs::read(root).unwrap(), options(keep_bodies)).unwrap() {
        Ok(live) => live,
        Err(_) => panic!("site.yaml is unusable"),
    }
}

fn rendered(site: &glossa::pipeline::AnalysedSite) -> BTreeMap<String, Vec<u8>> {
    let sink = MemorySink::default();
    site.renderer(true).render(&sink, &|| {}).unwrap();
    sink.into_files()
}

fn diagnostics(list: &glossa::diag::Diagnostics, sources: &glossa::source::SourceMap) -> String {
    glossa::diag::render(list, sources, glossa::diag::Format::Json, false)
}

/// Applies `edit` to `rel` in place and compares with a full analysis.
fn assert_in_place_equals_full(site: &SiteTest, rel: &str, edit: impl Fn(&str) -> String) {
    let path = site.root().join(rel);
    let before = std::fs::read_to_string(&path).unwrap();
    for keep_bodies in [true, false] {
        std::fs::write(&path, &before).unwrap();
        assert_in_place_equals_full_with(site, rel, &edit, keep_bodies);
    }
}

fn assert_in_place_equals_full_with(site: &SiteTest, rel: &str, edit: impl Fn(&str) -> String, keep_bodies: bool) {
    let mut live = live(site.root(), keep_bodies);
    let path = site.root().join(rel);
    let text = edit(&std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &text).unwrap();
    match live.update(vec![(PathBuf::from(rel), text.into_bytes())]) {
        Update::Applied(applied) => assert!(!applied.terms.is_empty()),
        Update::NeedsFullAnalysis => panic!("{rel}: expected an in-place update"),
    }
    live.refresh_cross_lints();
    let full = analyse_inputs(Inputs::read(site.root()).unwrap(), &options(keep_bodies)).unwrap();
    let full_site = full.site.as_ref().unwrap();
    assert_eq!(
        diagnostics(&live.diagnostics(), &live.site.glossary.sources),
        diagnostics(&full.diagnostics, full.sources()),
        "{rel}: diagnostics differ"
    );
    if full.diagnostics.errors() == 0 {
        let (incremental, complete) = (rendered(&live.site), rendered(full_site));
        assert_eq!(incremental.keys().collect::<Vec<_>>(), complete.keys().collect::<Vec<_>>());
        for (name, bytes) in &complete {
            assert!(incremental[name] == *bytes, "{rel}: {name} differs from a full build");
        }
    }
}

#[test]
fn a_body_edit_in_place_equals_a_full_build() {
    let site = SiteTest::fixture("basic");
    assert_in_place_equals_full(&site, "content/en/terms/staking.md", |t| {
        t.replace("Staking needs a [[validator]].", "Staking needs a [[validator]] and [[slashing]] keeps it honest.")
    });
}

#[test]
fn a_translation_edit_that_drops_its_quiz_in_place_equals_a_full_build() {
    let site = SiteTest::fixture("basic");
    assert_in_place_equals_full(&site, "content/ko/terms/validator.md", |t| {
        let start = t.find("quiz:").unwrap();
        let end = t[start..].find("---").unwrap() + start;
        format!("{}{}", &t[..start], &t[end..])
    });
}

#[test]
fn an_edit_that_breaks_a_link_in_place_equals_a_full_build() {
    let site = SiteTest::fixture("basic");
    assert_in_place_equals_full(&site, "content/en/terms/slashing.md", |t| t.replace("[[validator]]", "[[validater]]"));
}

#[test]
fn a_source_edit_that_makes_translations_stale_in_place_equals_a_full_build() {
    let site = SiteTest::fixture("basic");
    assert_eq!(site.glossa(&["translations", "--mark-current", "staking", "--lang", "ko"]).status.code(), Some(0));
    assert_in_place_equals_full(&site, "content/en/terms/staking.md", |t| {
        t.replace("Rewards depend", "Rewards mostly depend")
    });
}

#[test]
fn edits_that_reach_other_pages_need_a_full_analysis() {
    let site = SiteTest::fixture("basic");
    for (rel, from, to) in [
        ("content/en/terms/staking.md", "title: Staking", "title: Stake"),
        ("content/en/terms/staking.md", "summary: Locking coins", "summary: Locking tokens"),
        (
            "content/en/terms/staking.md",
            "prerequisites: [proof-of-stake, validator]",
            "prerequisites: [proof-of-stake]",
        ),
        ("content/en/terms/staking.md", "title: Staking", "title: [broken"),
    ] {
        let mut live = live(site.root(), true);
        let text = std::fs::read_to_string(site.root().join(rel)).unwrap().replace(from, to);
        assert!(
            matches!(live.update(vec![(PathBuf::from(rel), text.into_bytes())]), Update::NeedsFullAnalysis),
            "{to}"
        );
    }
    let mut live = live(site.root(), true);
    assert!(matches!(
        live.update(vec![(PathBuf::from("content/en/terms/new.md"), b"---\n".to_vec())]),
        Update::NeedsFullAnalysis
    ));
}

#[test]
fn a_new_link_updates_the_targets_mentioned_in_list_in_place() {
    let site = SiteTest::fixture("autolink");
    assert_in_place_equals_full(&site, "content/en/terms/validator.md", |t| {
        t.replace("by hand above.", "by hand above, unlike [[restaking]].")
    });
    let built = site.build_with(&["--no-search"]);
    let mentions: Vec<String> = built
        .html("en/terms/restaking/index.html")
        .select("#mentioned-in a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert!(mentions.contains(&"Validator".to_owned()), "{mentions:?}");
}
