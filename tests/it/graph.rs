//! The concept graph: an SVG whose nodes link to same-language pages, and
//! Mermaid source from the same model, both escaped against hostile titles.

use crate::support::resolve;

#[test]
fn graph_nodes_link_to_pages_in_the_same_language() {
    let site = crate::support::shared("basic", &[]);
    for lang in ["en", "ko"] {
        let path = format!("{lang}/terms/staking/index.html");
        let page = site.html(&path);
        let targets: Vec<String> = page
            .select("#graph .graph-figure__wide svg a")
            .iter()
            .map(|a| resolve(&path, a.value().attr("href").unwrap()))
            .collect();
        // Prerequisites in learning order, then the dependent.
        assert_eq!(
            targets,
            [
                format!("{lang}/terms/proof-of-stake/"),
                format!("{lang}/terms/validator/"),
                format!("{lang}/terms/slashing/")
            ]
        );
        for target in &targets {
            assert!(site.exists(&format!("{target}index.html")), "{target}");
        }
        assert_eq!(page.select("#graph svg [aria-current]").len(), 2, "the centre is not a link, in both arrangements");
        let tall: Vec<String> = page
            .select("#graph .graph-figure__tall svg a")
            .iter()
            .map(|a| resolve(&path, a.value().attr("href").unwrap()))
            .collect();
        let mut sorted_wide = targets.clone();
        sorted_wide.sort();
        let mut sorted_tall = tall;
        sorted_tall.sort();
        assert_eq!(sorted_wide, sorted_tall, "the phone arrangement links the same terms");
        assert!(page.select("#graph svg title").len() >= 4, "an accessible title and one per node");
    }
}

#[test]
fn graph_and_lists_agree() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/slashing/index.html");
    let listed: Vec<String> = page
        .select("#prerequisites .card__title, #related .card__title, #dependents .card__title")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    let drawn: Vec<String> = page
        .select("#graph .graph-figure__wide svg a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(listed, drawn);
    assert_eq!(listed.len(), 3, "validator, staking (prerequisites) and proof-of-stake (related)");
}

#[test]
fn mermaid_source_is_on_the_page_and_beside_it() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/staking/index.html");
    let on_page: String = page.one("#graph pre code").text().collect();
    let file = site.text("ko/terms/staking/graph.mmd");
    assert_eq!(on_page, file);
    assert!(file.starts_with("graph LR\n"));
    assert!(file.contains(":::main"), "{file}");
    assert!(file.contains("[\"검증자\"]:::pre --> center"), "{file}");
    assert!(file.contains("click p0 \"https://example.org/docs/glossary/ko/terms/proof-of-stake/\""), "{file}");
    assert!(file.contains("center --> d0[\"Slashing\"]:::child"), "{file}");
}

#[test]
fn hostile_titles_cannot_break_out_of_html_or_mermaid() {
    let site = crate::support::shared("hostile", &[]);
    let page = site.html("en/terms/script-title/index.html");
    assert_eq!(page.text("h1"), r#"</script><script>alert("x")</script> & "Q""#);
    // The only scripts are the theme's own files.
    for script in page.select("script:not([type='application/ld+json'])") {
        let src = script.value().attr("src").unwrap_or_default();
        assert!(src.starts_with("../../../static/") && src.ends_with(".js"), "unexpected script: {}", script.html());
        assert_eq!(script.inner_html(), "");
    }
    assert!(page.select("img, iframe, [onclick], [onerror], b").is_empty(), "raw HTML was rendered");
    assert_eq!(page.select("script[type='application/ld+json']").len(), 1);
    assert!(page.text("#explanation").contains("<script>alert(4)</script>"));
    assert_eq!(page.text(".alias"), "<b>bold</b>");
    assert_eq!(page.text("#sources li"), "<script>alert(2)</script>");
    assert_eq!(page.attr("#sources li a", "href").as_deref(), Some("https://example.org/?a=1&b=%222%22"));
    assert!(page.text("head > title").starts_with("</script>"));

    let svg_titles: Vec<String> =
        page.select("#graph .graph-figure__wide svg a title").iter().map(|t| t.text().collect()).collect();
    assert_eq!(svg_titles, [r#""]; click center "javascript:alert(1)" %% #quot; <b>"#]);

    let mermaid = site.text("en/terms/script-title/graph.mmd");
    for line in mermaid.lines().filter(|l| l.contains("[\"")) {
        let label = line.split("[\"").nth(1).unwrap().rsplit_once("\"]").unwrap().0;
        assert!(!label.contains(['"', '<', '>', '\n']), "unescaped label in {line:?}");
    }
    let clicks: Vec<&str> = mermaid.lines().filter(|l| l.trim_start().starts_with("click")).collect();
    assert_eq!(clicks, ["  click d0 \"https://example.org/en/terms/mermaid-breaker/\""]);
    assert!(!mermaid.contains("javascript:alert(1)\""), "{mermaid}");
}

#[test]
fn hostile_site_titles_are_escaped_in_every_page() {
    let site = crate::support::shared("hostile", &[]);
    for path in [
        "index.html",
        "en/index.html",
        "404.html",
        "ko/terms/mermaid-breaker/index.html",
        "en/articles/index.html",
        "en/articles/script-article/index.html",
        "ko/articles/script-article/index.html",
    ] {
        let page = site.html(path);
        assert!(page.select("b, img, iframe, [onclick]").is_empty(), "{path}");
        for script in page.select("script") {
            let script = script.value();
            assert!(
                script.attr("src").is_some() || script.attr("type") == Some("application/ld+json"),
                "inline script in {path}"
            );
        }
        assert!(page.text("head > title").contains("<Hostile> & \"Site\""), "{path}");
    }
    // An article's title, headings and table of contents show the text as written.
    let article = site.html("en/articles/script-article/index.html");
    assert_eq!(article.text("h1"), "</title><script>alert(\"article\")</script> & \"Q\"");
    let toc: Vec<String> = article.select("nav.toc a").iter().map(|a| a.text().collect()).collect();
    assert_eq!(toc, ["A heading with <img src=x onerror=alert(7)> inside", "<script>alert(9)</script> second heading"]);
}
