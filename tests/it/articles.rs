//! Articles: long-form pages that link the glossary both ways.

use crate::support::{resolve, SiteTest};

#[test]
fn an_article_has_its_contents_date_reading_time_and_terms() {
    let built = SiteTest::layered("basic", "articles").build();
    let path = "en/articles/how-staking-works/index.html";
    let page = built.html(path);
    assert_eq!(page.text("h1"), "How Staking Works");
    assert_eq!(page.text(".article-meta time"), "2 October 2026");
    assert!(page.text(".article-meta").contains("1 min read"));
    // The table of contents points at the headings of the page.
    let targets: Vec<String> =
        page.select("nav.toc a").iter().map(|a| a.value().attr("href").unwrap().to_owned()).collect();
    assert_eq!(targets, ["#why-stake", "#the-deposit", "#what-can-go-wrong"]);
    for target in &targets {
        assert_eq!(page.select(target).len(), 1, "{target}");
    }
    let folded: Vec<String> =
        page.select(".toc-inline a").iter().map(|a| a.value().attr("href").unwrap().to_owned()).collect();
    assert_eq!(folded, targets, "the folding contents for narrow screens list the same headings");
    assert_eq!(page.select(".layout--toc-right > aside.toc-sidebar").len(), 1);
    // Terms in the article, in learning order: the validator before slashing.
    let terms: Vec<String> =
        page.select("#terms-in-article a").iter().map(|a| resolve(path, a.value().attr("href").unwrap())).collect();
    let validator = terms.iter().position(|t| t == "en/terms/validator/").unwrap();
    let slashing = terms.iter().position(|t| t == "en/terms/slashing/").unwrap();
    assert!(validator < slashing, "{terms:?}");
    // Automatic links work in articles too ("Staking", "proof of stake").
    assert!(terms.contains(&"en/terms/staking/".to_owned()), "{terms:?}");
    assert!(terms.contains(&"en/terms/proof-of-stake/".to_owned()), "{terms:?}");
    assert_eq!(page.text(".tags a"), "Consensus");
    let ko = built.html("ko/articles/how-staking-works/index.html");
    assert_eq!(ko.text(".article-meta time"), "2026년 10월 2일");
    assert_eq!(ko.text(".tags a"), "합의", "tags come from the default-language file");
}

#[test]
fn term_pages_list_the_articles_that_link_them() {
    let built = SiteTest::layered("basic", "articles").build();
    let page = built.html("ko/terms/slashing/index.html");
    let links: Vec<String> = page
        .select("#read-more li > a")
        .iter()
        .map(|a| resolve("ko/terms/slashing/index.html", a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(links, ["ko/articles/how-staking-works/"]);
    assert!(built.html("en/terms/staking/index.html").text("#read-more").contains("An Older Note"));
}

#[test]
fn the_index_lists_articles_newest_first_and_untranslated_ones_fall_back() {
    let built = SiteTest::layered("basic", "articles").build();
    let index = built.html("ko/articles/index.html");
    let titles: Vec<String> = index.select(".article-list a").iter().map(|a| a.text().collect()).collect();
    assert_eq!(titles, ["스테이킹은 어떻게 작동하나", "An Older Note"]);
    let fallback = built.html("ko/articles/an-older-note/index.html");
    assert!(fallback.select("#fallback-notice").len() == 1);
    assert_eq!(fallback.attr("h1", "lang").as_deref(), Some("en"));
    let feed = built.text("ko/atom.xml");
    assert!(feed.contains("<id>https://example.org/docs/glossary/ko/articles/how-staking-works/</id>"), "{feed}");
    assert!(built.text("sitemap.xml").contains("/ko/articles/how-staking-works/"));
}

#[test]
fn missing_article_translations_are_reported_with_the_command_that_starts_them() {
    let site = SiteTest::layered("basic", "articles");
    let output = site.glossa(&["check", "--format", "json"]);
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().find(|l| l.contains("an-older-note") && l.contains("missing-translation")).unwrap();
    assert!(line.contains("glossa new an-older-note --article --lang ko"), "{line}");
}

#[test]
fn the_seed_articles_front_matter_gets_clear_diagnostics() {
    let site = SiteTest::layered("basic", "seed-article");
    let output = site.glossa(&["check", "--format", "json"]);
    let found: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let in_file = |name: &str| -> Vec<(String, String)> {
        found
            .iter()
            .filter(|d| d["file"].as_str().unwrap().ends_with(name))
            .map(|d| (d["code"].as_str().unwrap().to_owned(), d["message"].as_str().unwrap().to_owned()))
            .collect()
    };
    let seed = in_file("the-rise-of-liquid-restaking-tokens.md");
    let codes: Vec<&str> = seed.iter().map(|(c, _)| c.as_str()).collect();
    assert!(seed.iter().any(|(c, m)| c == "unknown-field" && m.contains("`layout`")), "{seed:?}");
    assert!(seed.iter().any(|(c, m)| c == "unknown-field" && m.contains("`related_posts`")), "{seed:?}");
    // `Web3` is not a slug; the date with a time, the string of tags, categories,
    // the thumbnail path and the sidebar table of contents are read as they mean.
    assert!(seed.iter().any(|(c, m)| c == "invalid-slug" && m.contains("Web3")), "{seed:?}");
    // The picture itself was not brought along.
    assert!(
        seed.iter().any(|(c, m)| c == "unknown-reference" && m.contains("assets/img/liquidrestakingtokens.png")),
        "{seed:?}"
    );
    assert!(!codes.contains(&"invalid-value") && !codes.contains(&"yaml"), "{seed:?}");
    let no_date = in_file("no-date.md");
    assert_eq!(no_date.iter().filter(|(c, _)| c == "missing-field").count(), 1);
    // Links and text in articles are checked like those of terms.
    for code in ["unsafe-url", "unknown-reference", "mojibake"] {
        assert!(no_date.iter().any(|(c, _)| c == code), "{code} missing in {no_date:?}");
    }
    assert!(in_file("bad-date.md").iter().any(|(c, m)| c == "invalid-value" && m.contains("17/07/2024")));
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn article_translations_are_tracked_marked_current_and_flagged_when_stale() {
    let site = SiteTest::layered("basic", "articles");
    let report = |site: &SiteTest| String::from_utf8_lossy(&site.glossa(&["translations"]).stdout).into_owned();
    let before = report(&site);
    assert!(
        before.contains(
            "ko (한국어): 0 up to date, 0 stale, 1 untracked, 1 missing of 2 articles\n  untracked: how-staking-works\n  missing:   an-older-note\n"
        ),
        "{before}"
    );

    let mark = ["translations", "--mark-current", "how-staking-works", "--article", "--lang", "ko"];
    let output = site.glossa(&mark);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(report(&site).contains("ko (한국어): 1 up to date, 0 stale, 0 untracked, 1 missing of 2 articles"));
    // A term of that name does not exist: without --article the slug is refused.
    assert_eq!(site.glossa(&mark[..3].iter().chain(&mark[4..]).copied().collect::<Vec<_>>()).status.code(), Some(2));

    // The English article changes: check warns, the report and the Korean page say so.
    let en = site.root().join("content/en/articles/how-staking-works.md");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(&en, format!("{text}\nOne more paragraph.\n")).unwrap();
    assert!(report(&site).contains("  stale:     how-staking-works\n"));
    let check = String::from_utf8_lossy(&site.glossa(&["check", "--format", "json"]).stdout).into_owned();
    let line = check.lines().find(|l| l.contains("stale-translation")).unwrap();
    assert!(line.contains("ko/articles/how-staking-works.md"), "{line}");
    assert!(line.contains("--mark-current how-staking-works --article --lang ko"), "{line}");
    let built = site.build_with(&["--no-search"]);
    let path = "ko/articles/how-staking-works/index.html";
    let page = built.html(path);
    assert!(page.text("#stale-notice").contains("English"));
    assert_eq!(resolve(path, &page.attr("#stale-notice a", "href").unwrap()), "en/articles/how-staking-works/");
    assert!(built.html("ko/articles/an-older-note/index.html").select("#stale-notice").is_empty());
    let status = built.html("ko/translations/index.html");
    let articles: Vec<String> = status
        .select("#status-ko-articles ~ details.status-list")
        .iter()
        .map(|d| d.text().collect::<String>())
        .collect();
    assert!(articles.iter().any(|d| d.contains("뒤처짐") && d.contains("스테이킹은 어떻게 작동하나")), "{articles:?}");
    let data: serde_json::Value = serde_json::from_str(&built.text("translations.json")).unwrap();
    assert_eq!(data["languages"][0]["articles"]["stale"][0]["slug"], "how-staking-works");
    assert_eq!(data["languages"][0]["articles"]["total"], 2);
}

#[test]
fn a_thumbnail_must_name_a_file_under_static() {
    let site = SiteTest::layered("basic", "articles");
    let path = site.root().join("content/en/articles/an-older-note.md");
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(
        "content/en/articles/an-older-note.md",
        &text.replacen("---\n", "---\nthumbnail: pictures/note.png\n", 1),
    );
    let output = site.glossa(&["check", "--format", "json"]);
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let line = text.lines().find(|l| l.contains("pictures/note.png")).unwrap();
    let found: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(found["code"], "unknown-reference");
    assert_eq!(found["line"], 2);
    assert_eq!(output.status.code(), Some(1));

    site.write("static/pictures/note.png", "not really a picture");
    let built = site.build_with(&["--no-search"]);
    let page_path = "en/articles/an-older-note/index.html";
    let src = built.html(page_path).attr(".article-thumbnail", "src").unwrap();
    assert_eq!(resolve(page_path, &src), "static/pictures/note.png");
    assert!(built.exists("static/pictures/note.png"));
}
