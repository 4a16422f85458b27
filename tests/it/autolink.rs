//! Automatic links (spec §4.3): first mention, longest match, word
//! boundaries for Latin, particles for Hangul, never in code, links or
//! headings or on the term's own page, and opt-outs.

use crate::support::{resolve, Built, SiteTest};

/// The term links of the main explanation, as (target page, text).
fn links(built: &Built, page: &str) -> Vec<(String, String)> {
    built
        .html(page)
        .select("main a.term-link")
        .iter()
        .filter(|a| a.ancestors().any(|n| n.value().as_element().is_some_and(|e| e.id() == Some("explanation"))))
        .map(|a| (resolve(page, a.value().attr("href").unwrap()), a.text().collect()))
        .collect()
}

fn pair(href: &str, text: &str) -> (String, String) {
    (href.to_owned(), text.to_owned())
}

#[test]
fn first_mentions_are_linked_by_the_longest_name_outside_code_links_and_headings() {
    let built = crate::support::shared("autolink", &[]);
    assert_eq!(
        links(built, "en/terms/staking/index.html"),
        [pair("en/terms/validator/", "Validator"), pair("en/terms/liquid-staking/", "Liquid staking")]
    );
    let page = built.html("en/terms/staking/index.html");
    assert!(page.select("#explanation h2 a.term-link, #explanation code a, #explanation pre a").is_empty());
    // The ELI5 section is part of the same body: the validator was already linked.
    assert!(page.select("#eli5 a.term-link").is_empty());
}

#[test]
fn a_term_linked_by_hand_is_not_linked_again() {
    let built = crate::support::shared("autolink", &[]);
    assert_eq!(links(built, "en/terms/validator/index.html"), [pair("en/terms/staking/", "staking")]);
}

#[test]
fn hangul_names_link_before_particles_only() {
    let built = crate::support::shared("autolink", &[]);
    assert_eq!(
        links(built, "ko/terms/validator/index.html"),
        [pair("ko/terms/staking/", "스테이킹"), pair("ko/terms/liquid-staking/", "LST")]
    );
    // 유동성 스테이킹에서는 is the longer name, 검증자가 takes a particle.
    assert_eq!(links(built, "ko/terms/liquid-staking/index.html"), [pair("ko/terms/validator/", "검증자")]);
}

#[test]
fn terms_and_sites_can_opt_out() {
    let built = crate::support::shared("autolink", &[]);
    // restaking has `autolink: false`: its mentions stay text.
    let on_restaking = links(built, "en/terms/restaking/index.html");
    assert_eq!(on_restaking, [pair("en/terms/staking/", "staking")]);
    assert!(!links(built, "en/terms/staking/index.html").iter().any(|(href, _)| href.contains("restaking")));

    let site = SiteTest::fixture("autolink");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}autolink: false\n"));
    let built = site.build_with(&["--no-search"]);
    assert!(links(&built, "en/terms/staking/index.html").is_empty());
    assert_eq!(links(&built, "en/terms/validator/index.html"), [pair("en/terms/staking/", "staking")]);
}
