//! What hosting, feed readers and search engines read: metadata, JSON-LD,
//! feeds, the export, redirects, the 404 page, `.nojekyll`, minification.

use crate::support::{resolve, tree, SiteTest};

fn json_ld(page: &crate::support::Page) -> serde_json::Value {
    let script = page.one("script[type='application/ld+json']").inner_html();
    serde_json::from_str(&script).unwrap()
}

#[test]
fn pages_carry_opengraph_twitter_and_hreflang_with_x_default() {
    let built = crate::support::shared("basic", &[]);
    let page = built.html("ko/terms/staking/index.html");
    let meta = |property: &str| page.attr(&format!("meta[property='{property}']"), "content");
    assert_eq!(meta("og:title").as_deref(), Some("스테이킹 · 테스트 용어 사전"));
    assert_eq!(meta("og:type").as_deref(), Some("article"));
    assert_eq!(meta("og:locale").as_deref(), Some("ko_KR"));
    assert_eq!(meta("og:locale:alternate").as_deref(), Some("en_US"));
    assert_eq!(meta("og:url").as_deref(), Some("https://example.org/docs/glossary/ko/terms/staking/"));
    assert_eq!(meta("og:description").as_deref(), Some("네트워크 보안을 돕기 위해 코인을 묶어 두는 일입니다."));
    assert_eq!(page.attr("meta[name='twitter:card']", "content").as_deref(), Some("summary"));
    assert_eq!(
        page.attr("link[rel=alternate][hreflang=x-default]", "href").as_deref(),
        Some("https://example.org/docs/glossary/en/terms/staking/")
    );
    let feed = page.attr("link[rel=alternate][type='application/atom+xml']", "href").unwrap();
    assert_eq!(resolve("ko/terms/staking/index.html", &feed), "ko/atom.xml");
}

#[test]
fn term_pages_describe_a_defined_term_and_its_translations() {
    let built = crate::support::shared("basic", &[]);
    let en = json_ld(&built.html("en/terms/proof-of-stake/index.html"));
    assert_eq!(en["@type"], "DefinedTerm");
    assert_eq!(en["name"], "Proof of Stake");
    assert_eq!(en["alternateName"], serde_json::json!(["PoS"]));
    assert_eq!(en["inLanguage"], "en");
    assert_eq!(en["inDefinedTermSet"]["@id"], "https://example.org/docs/glossary/en/");
    assert_eq!(en["workTranslation"][0]["@id"], "https://example.org/docs/glossary/ko/terms/proof-of-stake/");
    let ko = json_ld(&built.html("ko/terms/proof-of-stake/index.html"));
    assert_eq!(ko["translationOfWork"]["@id"], "https://example.org/docs/glossary/en/terms/proof-of-stake/");
    // An untranslated term's Korean page is no translation.
    let fallback = json_ld(&built.html("ko/terms/slashing/index.html"));
    assert!(fallback.get("translationOfWork").is_none());
    assert_eq!(fallback["inLanguage"], "en");
    let home = json_ld(&built.html("ko/index.html"));
    assert_eq!(home["@type"], "DefinedTermSet");
    assert_eq!(home["inLanguage"], "ko");
}

#[test]
fn json_ld_cannot_be_closed_by_a_title() {
    let built = crate::support::shared("hostile", &[]);
    let html = built.text("en/terms/script-title/index.html");
    let start = html.find("<script type=\"application/ld+json\">").unwrap();
    let end = html[start..].find("</script>").unwrap() + start;
    let body = &html[start + "<script type=\"application/ld+json\">".len()..end];
    assert!(!body.contains('<'), "{body}");
    let value: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(value["name"], r#"</script><script>alert("x")</script> & "Q""#);
}

#[test]
fn each_language_has_an_atom_feed_of_dated_terms_newest_first() {
    let site = SiteTest::fixture("basic");
    let validator = site.root().join("content/en/terms/validator.md");
    let text = std::fs::read_to_string(&validator).unwrap();
    std::fs::write(&validator, text.replace("tags: [consensus]", "tags: [consensus]\nupdated: 2026-11-15")).unwrap();
    let built = site.build_with(&["--no-search"]);
    let feed = built.text("ko/atom.xml");
    let doc = scraper::Html::parse_fragment(&feed);
    let select = |css: &str| -> Vec<String> {
        doc.select(&scraper::Selector::parse(css).unwrap()).map(|e| e.text().collect::<String>()).collect()
    };
    assert_eq!(select("entry > title"), ["검증자", "지분 증명"]);
    assert_eq!(select("entry > updated"), ["2026-11-15T00:00:00Z", "2026-11-01T00:00:00Z"]);
    assert_eq!(select("feed > updated"), ["2026-11-15T00:00:00Z"]);
    assert!(feed.contains("<id>https://example.org/docs/glossary/ko/terms/validator/</id>"));
}

#[test]
fn glossary_json_exports_every_term() {
    let built = crate::support::shared("basic", &[]);
    let export: serde_json::Value = serde_json::from_str(&built.text("ko/glossary.json")).unwrap();
    assert_eq!(export["language"], "ko");
    let terms = export["terms"].as_array().unwrap();
    let slugs: Vec<&str> = terms.iter().map(|t| t["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["proof-of-stake", "slashing", "staking", "validator"]);
    let staking = &terms[2];
    assert_eq!(staking["title"], "스테이킹");
    assert_eq!(staking["prerequisites"], serde_json::json!(["proof-of-stake", "validator"]));
    assert_eq!(staking["url"], "https://example.org/docs/glossary/ko/terms/staking/");
    assert_eq!(staking["translation"], "untracked");
    assert_eq!(terms[1]["translation"], "missing");
    let en: serde_json::Value = serde_json::from_str(&built.text("en/glossary.json")).unwrap();
    assert_eq!(en["terms"][0]["translation"], "source");
    assert_eq!(en["terms"][0]["aliases"], serde_json::json!(["PoS"]));
}

#[test]
fn renamed_terms_keep_their_old_urls_and_nothing_lists_them() {
    let built = crate::support::shared("basic", &[]);
    for lang in ["en", "ko"] {
        let path = format!("{lang}/terms/stake/index.html");
        let page = built.html(&path);
        let refresh = page.attr("meta[http-equiv=refresh]", "content").unwrap();
        let target = refresh.strip_prefix("0; url=").unwrap();
        assert_eq!(resolve(&path, target), format!("{lang}/terms/staking/"));
        assert_eq!(page.attr("meta[name=robots]", "content").as_deref(), Some("noindex"));
        assert!(built.exists(&format!("{lang}/terms/staking-basics/index.html")));
    }
    assert!(!built.text("sitemap.xml").contains("/stake/"));
    assert!(!built.text("en/index.html").contains("terms/stake/"));
}

#[test]
fn the_404_page_offers_every_home_and_search() {
    let built = crate::support::shared("basic", &[]);
    let page = built.html("404.html");
    let languages: Vec<&str> =
        page.select(".not-found-language").iter().filter_map(|s| s.value().attr("lang")).collect();
    assert_eq!(languages, ["en", "ko"]);
    assert_eq!(page.text(".not-found-language[lang=ko] h2"), "페이지를 찾을 수 없습니다");
    assert_eq!(page.select("form#search input[type=search]").len(), 1);
    assert!(built.exists(".nojekyll"));
}

#[test]
fn minified_output_is_smaller_and_says_the_same() {
    let site = SiteTest::fixture("basic");
    let plain = site.build_with(&["--no-search"]);
    let plain_page = plain.html("en/terms/proof-of-stake/index.html");
    let plain_text = plain_page.text("main");
    let plain_size = plain.text("en/terms/proof-of-stake/index.html").len();
    let plain_code = plain_page.one("pre.code").inner_html();
    let minified = site.build_with(&["--minify", "--no-search"]);
    let page = minified.html("en/terms/proof-of-stake/index.html");
    assert!(minified.text("en/terms/proof-of-stake/index.html").len() < plain_size);
    assert_eq!(page.text("main"), plain_text);
    assert_eq!(page.one("pre.code").inner_html(), plain_code, "code keeps its whitespace");
    let again = site.build_with(&["--minify", "--no-search"]);
    assert_eq!(tree(&minified.out), tree(&again.out));
}
