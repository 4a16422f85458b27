//! Pages stay small at any size of glossary (spec §4.5): past a few hundred
//! terms the A–Z index and tag pages are split, and the status page lists
//! link to the data file.

use crate::support::{resolve, SiteTest};

/// A site of `n` English terms, all tagged `big`, with no translations.
fn big_site(n: usize) -> SiteTest {
    let site = SiteTest::fixture("basic");
    std::fs::remove_dir_all(site.root().join("content")).unwrap();
    site.write("site.yaml", "title: Big\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ko, name: 한국어 }\n");
    for i in 0..n {
        let letter = if i % 2 == 0 { "Alpha" } else { "Beta" };
        site.write(
            &format!("content/en/terms/t{i:04}.md"),
            &format!("---\ntitle: {letter} {i:04}\nsummary: Term number {i}.\ntags: [big]\n---\nBody {i}.\n"),
        );
    }
    site
}

#[test]
fn long_lists_are_split_into_pages() {
    let built = big_site(700).build_with(&["--no-search"]);
    let home = built.html("en/index.html");
    assert!(home.select(".az-group").is_empty(), "the home page no longer lists every term");
    let letters: Vec<String> =
        home.select(".az-jump a").iter().map(|a| a.value().attr("href").unwrap().to_owned()).collect();
    let letters: Vec<String> = letters.iter().map(|h| resolve("en/index.html", h)).collect();
    assert_eq!(letters, ["en/az/a/", "en/az/b/"]);
    // 350 terms under A: two pages, 300 then 50, linked both ways.
    let first = built.html("en/az/a/index.html");
    assert_eq!(first.select(".term-list li").len(), 300);
    let next = first.attr(".pagination a[rel=next]", "href").unwrap();
    assert_eq!(resolve("en/az/a/index.html", &next), "en/az/a/2/");
    let second = built.html("en/az/a/2/index.html");
    assert_eq!(second.select(".term-list li").len(), 50);
    assert_eq!(resolve("en/az/a/2/index.html", &second.attr(".pagination a[rel=prev]", "href").unwrap()), "en/az/a/");
    assert!(!built.exists("en/az/a/3/index.html"));
    // The tag page too: 700 terms → 300, 300, 100.
    assert_eq!(built.html("en/tags/big/index.html").select(".term-list li").len(), 300);
    assert_eq!(built.html("en/tags/big/3/index.html").select(".term-list li").len(), 100);
    // Links from the deeper pages still resolve.
    let link = second.select(".term-list a")[0].value().attr("href").unwrap().to_owned();
    assert!(built.exists(&format!("{}index.html", resolve("en/az/a/2/index.html", &link))));
    // Status lists are capped and point at the data.
    let status = built.html("ko/translations/index.html");
    assert!(status.select(".status-list li").len() <= 300);
    assert!(status.text(".status-list[open]").contains("700"));
}
