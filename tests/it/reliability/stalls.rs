//! Inputs that used to take time growing with the square of their size.
//! Each must now finish `check` well within a generous ceiling (the real
//! figures are measured by `bench/hostile.sh`); where a limit is the honest
//! answer, the diagnostic says so at the value's position.

use std::time::{Duration, Instant};

use super::{check_json, of_code};
use crate::support::SiteTest;

/// Far above what these inputs take now (well under a second each in a
/// release build), far below what they took before (minutes): a test
/// binary built without optimisation on a busy machine still passes.
const CEILING: Duration = Duration::from_secs(60);

/// `invalid/base` plus one term file `slug` with `front` and `body`.
fn with_term(slug: &str, front: &str, body: &str) -> SiteTest {
    let site = SiteTest::fixture("invalid/base");
    site.write(&format!("content/en/terms/{slug}.md"), &format!("---\n{front}summary: s\n---\n{body}\n"));
    site
}

fn timed_check(site: &SiteTest, what: &str) -> (Option<i32>, Vec<serde_json::Value>) {
    let started = Instant::now();
    let result = check_json(site);
    let took = started.elapsed();
    assert!(took < CEILING, "{what}: check took {took:?}");
    result
}

#[test]
fn a_title_of_100000_characters_is_refused_quickly() {
    let site = with_term("long", &format!("title: {}\n", "a".repeat(100_000)), "Body.");
    let (code, lines) = timed_check(&site, "100,000-character title");
    assert_eq!(code, Some(1));
    let long = of_code(&lines, "invalid-value");
    assert_eq!(long.len(), 1, "{lines:?}");
    assert_eq!((long[0].0.as_str(), long[0].1, long[0].2), ("content/en/terms/long.md", 2, 8));
    assert!(long[0].3.contains("100000 characters") && long[0].3.contains("at most 200"), "{}", long[0].3);
}

#[test]
fn a_hangul_title_of_8000_syllables_is_refused_quickly() {
    let site = with_term("long", &format!("title: {}\n", "가".repeat(8_000)), "가가 Body.");
    let (code, lines) = timed_check(&site, "8,000-syllable title");
    assert_eq!(code, Some(1));
    assert_eq!(of_code(&lines, "invalid-value").len(), 1, "{lines:?}");
}

#[test]
fn a_body_of_a_million_unclosed_links_reports_five() {
    let site = with_term("brackets", "title: Brackets\n", &"[[".repeat(1_000_000));
    let (_, lines) = timed_check(&site, "a million `[[`");
    let unclosed = of_code(&lines, "unclosed-link");
    assert_eq!(unclosed.len(), 5, "{unclosed:?}");
    assert_eq!((unclosed[0].1, unclosed[0].2), (5, 1));
    assert!(unclosed[4].3.contains("more in this text"), "{}", unclosed[4].3);
}

#[test]
fn forty_thousand_aliases_are_cut_at_the_limit() {
    let aliases: Vec<String> = (0..40_000).map(|i| format!("alias{i}")).collect();
    let site = with_term("many", &format!("title: Many\naliases: [{}]\n", aliases.join(", ")), "Body.");
    let (code, lines) = timed_check(&site, "40,000 aliases");
    assert_eq!(code, Some(1));
    let limit = of_code(&lines, "invalid-value");
    assert_eq!(limit.len(), 1, "{limit:?}");
    let column = "aliases: [".len() + aliases[..100].iter().map(|a| a.len() + 2).sum::<usize>() + 1;
    assert_eq!((limit[0].1, limit[0].2), (3, column as u64), "at the 101st alias");
    assert!(limit[0].3.contains("40000 items") && limit[0].3.contains("at most 100"), "{}", limit[0].3);
}

#[test]
fn a_thousand_terms_each_related_to_all_others_check_quickly() {
    let site = SiteTest::fixture("invalid/base");
    let slugs: Vec<String> = (0..1_000).map(|i| format!("t{i}")).collect();
    for slug in &slugs {
        let related: Vec<&str> = slugs.iter().filter(|s| *s != slug).map(String::as_str).collect();
        site.write(
            &format!("content/en/terms/{slug}.md"),
            &format!("---\ntitle: Title {slug}\nsummary: s\nrelated: [{}]\n---\nBody.\n", related.join(", ")),
        );
    }
    let (code, lines) = timed_check(&site, "1,000 terms × 999 related");
    assert_eq!(code, Some(1));
    let limits: Vec<_> = of_code(&lines, "invalid-value").into_iter().filter(|l| l.3.contains("`related`")).collect();
    assert_eq!(limits.len(), 1_000, "one limit error per term");
}

#[test]
fn a_hundred_thousand_values_stop_reading_with_a_message_about_values() {
    let choices = vec!["x"; 100_001].join(", ");
    let site = with_term("quiz", &format!("title: Quiz\nquiz:\n  - question: q\n    choices: [{choices}]\n"), "");
    let (code, lines) = timed_check(&site, "100,001 choices");
    assert_eq!(code, Some(1));
    let yaml = of_code(&lines, "yaml");
    assert_eq!(yaml.len(), 1, "{lines:?}");
    assert!(yaml[0].3.contains("more than 100000 values"), "{}", yaml[0].3);
    assert!(!yaml[0].3.contains("alias"), "the file has no aliases: {}", yaml[0].3);
}
