//! Languages: links stay in the page's language, missing parts fall back to
//! the default language marked with `lang` and a notice, and every page links
//! to itself in every language.

use crate::support::resolve;

#[test]
fn wiki_links_lead_to_the_same_language_with_its_titles() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/proof-of-stake/index.html");
    let link = page.one("#explanation a.term-link");
    let href = link.value().attr("href").unwrap();
    assert_eq!(resolve("ko/terms/proof-of-stake/index.html", href), "ko/terms/validator/");
    assert_eq!(link.text().collect::<String>(), "검증자");

    let en = site.html("en/terms/validator/index.html");
    let links: Vec<(String, String)> = en
        .select("#explanation a.term-link")
        .iter()
        .map(|a| {
            let href = a.value().attr("href").unwrap();
            (crate::support::resolve_with_fragment("en/terms/validator/index.html", href), a.text().collect())
        })
        .collect();
    assert_eq!(
        links,
        [
            ("en/terms/proof-of-stake/".to_owned(), "Proof of Stake".to_owned()),
            ("en/terms/proof-of-stake/#expert".to_owned(), "Proof of Stake".to_owned()),
            ("en/terms/staking/".to_owned(), "how to stake".to_owned()),
        ]
    );
}

#[test]
fn an_untranslated_term_shows_the_default_language_marked_as_such() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/slashing/index.html");
    assert_eq!(page.attr("html", "lang").as_deref(), Some("ko"));
    assert_eq!(page.text("h1"), "Slashing");
    assert_eq!(page.attr("h1", "lang").as_deref(), Some("en"));
    assert_eq!(page.attr("#summary", "lang").as_deref(), Some("en"));
    assert_eq!(page.attr("#expert", "lang").as_deref(), Some("en"));
    let notice = page.text("#fallback-notice");
    assert!(notice.contains("한국어") && notice.contains("English"), "{notice}");
    // Links inside the fallback text still lead to Korean pages, with Korean titles marked as such.
    let link = page.one("#explanation a.term-link");
    assert_eq!(resolve("ko/terms/slashing/index.html", link.value().attr("href").unwrap()), "ko/terms/validator/");
    assert_eq!(link.text().collect::<String>(), "검증자");
    assert_eq!(link.value().attr("lang"), Some("ko"));
}

#[test]
fn a_missing_part_falls_back_alone_with_a_notice() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/validator/index.html");
    assert!(page.select("#fallback-notice").is_empty());
    assert_eq!(page.text("h1"), "검증자");
    assert_eq!(page.attr("#eli5", "lang"), None);
    assert_eq!(page.attr("#expert", "lang").as_deref(), Some("en"));
    assert_eq!(page.text("#expert > p:not(.notice)"), "Attestations every epoch.");
    assert_eq!(page.attr("#expert .notice--part", "lang").as_deref(), Some("ko"));
    // The Korean quiz is the translation's own.
    assert_eq!(page.attr("#quiz", "lang"), None);
    let staking = site.html("ko/terms/staking/index.html");
    assert_eq!(staking.attr("#quiz", "lang").as_deref(), Some("en"), "staking's Korean file has no quiz");
    assert_eq!(staking.select("#quiz .notice--part").len(), 1);
}

#[test]
fn bom_and_crlf_files_are_read() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/validator/index.html");
    assert_eq!(page.text("#summary"), "예치하고 블록에 투표하는 노드입니다.");
    assert_eq!(page.text("#eli5 p"), "반장과 같아요.");
}

#[test]
fn every_page_has_hreflang_alternates_and_a_canonical_url_under_the_base_path() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/staking/index.html");
    assert_eq!(
        page.attr("link[rel=canonical]", "href").as_deref(),
        Some("https://example.org/docs/glossary/ko/terms/staking/")
    );
    let alternates: Vec<(String, String)> = page
        .select("link[rel=alternate][hreflang]")
        .iter()
        .map(|l| (l.value().attr("hreflang").unwrap().to_owned(), l.value().attr("href").unwrap().to_owned()))
        .collect();
    assert_eq!(
        alternates,
        [
            ("en".to_owned(), "https://example.org/docs/glossary/en/terms/staking/".to_owned()),
            ("ko".to_owned(), "https://example.org/docs/glossary/ko/terms/staking/".to_owned()),
            ("x-default".to_owned(), "https://example.org/docs/glossary/en/terms/staking/".to_owned()),
        ]
    );
}

#[test]
fn the_language_switcher_keeps_the_reader_on_the_same_term() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/slashing/index.html");
    for nav in [".language-switcher", "#languages"] {
        let targets: Vec<String> = page
            .select(&format!("{nav} a"))
            .iter()
            .map(|a| resolve("en/terms/slashing/index.html", a.value().attr("href").unwrap()))
            .collect();
        assert_eq!(targets, ["en/terms/slashing/", "ko/terms/slashing/"], "{nav}");
    }
    assert!(site.exists("ko/terms/slashing/index.html"));
}

#[test]
fn base_url_can_be_overridden_on_the_command_line() {
    let site = crate::support::shared("basic", &["--base-url", "https://other.example/sub"]);
    let page = site.html("en/index.html");
    assert_eq!(page.attr("link[rel=canonical]", "href").as_deref(), Some("https://other.example/sub/en/"));
    assert!(site.text("robots.txt").contains("Sitemap: https://other.example/sub/sitemap.xml"));
}

#[test]
fn the_404_page_links_from_the_base_path() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("404.html");
    assert_eq!(
        page.attr("link[rel=stylesheet][href$='style.css']", "href").as_deref(),
        Some("/docs/glossary/static/style.css")
    );
    let homes: Vec<&str> = page.select(".not-found-language a").iter().filter_map(|a| a.value().attr("href")).collect();
    assert_eq!(homes, ["/docs/glossary/en/", "/docs/glossary/ko/"]);
}

#[test]
fn sitemap_lists_every_page_with_alternates() {
    let site = crate::support::shared("basic", &[]);
    let xml = site.text("sitemap.xml");
    let doc = scraper::Html::parse_fragment(&xml);
    let locs: Vec<String> = doc.select(&scraper::Selector::parse("loc").unwrap()).map(|l| l.text().collect()).collect();
    // (home + 4 published terms + 1 tag) × 2 languages; the draft is left out.
    assert_eq!(locs.len(), 12);
    assert!(locs.contains(&"https://example.org/docs/glossary/ko/terms/slashing/".to_owned()));
    assert!(!locs.iter().any(|l| l.contains("restaking")));
    let url = scraper::Selector::parse("url").unwrap();
    assert!(doc.select(&url).all(|u| u.inner_html().matches("hreflang=").count() == 2));
    assert!(xml.contains("<lastmod>2026-11-01</lastmod>"));
    assert_eq!(
        site.text("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/docs/glossary/sitemap.xml\n"
    );
}
