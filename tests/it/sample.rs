//! The sample glossary at the repository root is held to the standard asked
//! of contributors, page by page, so it cannot silently rot.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::{resolve, SiteTest};

const REQUIRED: &[&str] = &[
    "staking",
    "proof-of-stake",
    "validator",
    "slashing",
    "smart-contract",
    "erc-20",
    "defi",
    "liquidity",
    "collateral",
    "liquid-staking",
    "rebasing-token",
    "reward-bearing-token",
    "depeg",
    "restaking",
    "eigenlayer",
    "actively-validated-service",
    "operator",
    "liquid-restaking-token",
    "withdrawal-queue",
    "total-value-locked",
    "yield-farming",
    "lp-token",
    "impermanent-loss",
    "leverage-looping",
    "oracle",
    "bridge",
    "rollup",
    "data-availability",
    "cryptography",
    "token-ai",
    "crypto-token",
    "tokenizer",
    "machine-learning",
];

fn sample_slugs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/en/terms");
    let mut slugs: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    slugs.sort();
    slugs
}

#[test]
fn the_sample_checks_clean_under_strict() {
    let site = SiteTest::sample();
    let output = site.glossa(&["check", "--strict", "--format", "json"]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "", "the sample must have no warnings");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn the_sample_has_every_required_term_in_both_languages() {
    let slugs = sample_slugs();
    for slug in REQUIRED {
        assert!(slugs.iter().any(|s| s == slug), "{slug} missing from content/en/terms");
        let ko = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("content/ko/terms/{slug}.md"));
        assert!(ko.is_file(), "{slug} has no Korean file");
    }
}

#[test]
fn every_sample_page_has_every_part() {
    let built = crate::support::shared("sample", &[]);
    for slug in sample_slugs() {
        for lang in ["en", "ko"] {
            let path = format!("{lang}/terms/{slug}/index.html");
            let page = built.html(&path);
            let at = |what: &str| format!("{path}: {what}");
            assert!(
                page.select("#fallback-notice, .notice--part").is_empty(),
                "{}",
                at("falls back to another language")
            );
            assert!(!page.text("#summary").is_empty(), "{}", at("summary"));
            assert!(page.attr("#summary", "lang").is_none(), "{}", at("summary in another language"));
            let facts = page.select("#facts li").len();
            assert!((3..=5).contains(&facts), "{}", at(&format!("{facts} facts")));
            let words = page.text("#explanation").split_whitespace().count();
            let min_words = if lang == "en" { 150 } else { 60 };
            assert!(words >= min_words, "{}", at(&format!("main explanation has {words} words")));
            for section in ["#eli5", "#expert"] {
                assert!(!page.select(&format!("{section} p")).is_empty(), "{}", at(section));
            }
            assert_eq!(page.select("#graph .graph-figure__wide svg").len(), 1, "{}", at("wide graph"));
            assert_eq!(page.select("#graph .graph-figure__tall svg").len(), 1, "{}", at("tall graph"));
            assert_eq!(page.select("#quiz fieldset.quiz-question").len(), 3, "{}", at("quiz"));
            for question in page.select("#quiz fieldset.quiz-question") {
                let choices = question.select(&scraper::Selector::parse("input[type=radio]").unwrap()).count();
                assert!((3..=4).contains(&choices), "{}", at(&format!("a question with {choices} choices")));
            }
            let sources: Vec<&str> =
                page.select("#sources ol > li a").iter().map(|a| a.value().attr("href").unwrap()).collect();
            assert!((2..=4).contains(&sources.len()), "{}", at(&format!("{} sources", sources.len())));
            let distinct: BTreeSet<&&str> = sources.iter().collect();
            assert_eq!(distinct.len(), sources.len(), "{}", at("repeated sources"));
            assert!(sources.iter().all(|s| s.starts_with("https://")), "{}", at("sources must be https"));
            let linked = page.select("#explanation a.term-link").len();
            assert!(linked >= 1, "{}", at("the explanation links no other term"));
        }
    }
}

fn graph_targets(built: &crate::support::Built, lang: &str, slug: &str, class: &str) -> Vec<String> {
    let path = format!("{lang}/terms/{slug}/index.html");
    let page = built.html(&path);
    page.select(&format!("#graph .graph-figure__wide svg a:has(.graph-node--{class})"))
        .iter()
        .map(|a| resolve(&path, a.value().attr("href").unwrap()))
        .collect()
}

#[test]
fn the_seed_graphs_show_what_the_seeds_show() {
    let built = crate::support::shared("sample", &[]);
    for lang in ["en", "ko"] {
        let pre = graph_targets(built, lang, "liquid-staking", "pre");
        for slug in ["staking", "proof-of-stake", "smart-contract"] {
            assert!(pre.contains(&format!("{lang}/terms/{slug}/")), "liquid-staking prerequisite {slug}: {pre:?}");
        }
        let related = graph_targets(built, lang, "liquid-staking", "related");
        for slug in ["restaking", "defi", "yield-farming"] {
            assert!(related.contains(&format!("{lang}/terms/{slug}/")), "liquid-staking related {slug}: {related:?}");
        }
        let lrt_pre = graph_targets(built, lang, "liquid-restaking-token", "pre");
        for slug in ["restaking", "liquid-staking"] {
            assert!(lrt_pre.contains(&format!("{lang}/terms/{slug}/")), "LRT prerequisite {slug}: {lrt_pre:?}");
        }
        let lrt_related = graph_targets(built, lang, "liquid-restaking-token", "related");
        assert!(lrt_related.contains(&format!("{lang}/terms/lp-token/")), "LRT related lp-token: {lrt_related:?}");
    }
}
