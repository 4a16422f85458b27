//! Pages stay small at any size of glossary (spec §4.5): past a few hundred
//! terms the A–Z index and tag pages are split, and the status page lists
//! link to the data file.

use crate::support::{resolve, SiteTest};

/// A site of `n` English terms, all tagged `big`, every summary linking the
/// first term; every tenth term translated into Korean, linking it too.
fn big_site(n: usize) -> SiteTest {
    let site = SiteTest::fixture("basic");
    std::fs::remove_dir_all(site.root().join("content")).unwrap();
    site.write("site.yaml", "title: Big\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ko, name: 한국어 }\n");
    for i in 0..n {
        let letter = if i % 2 == 0 { "Alpha" } else { "Beta" };
        site.write(
            &format!("content/en/terms/t{i:04}.md"),
            &format!("---\ntitle: {letter} {i:04}\nsummary: Term number {i}, after [[t0000]].\ntags: [big]\n---\nBody {i}.\n"),
        );
        if i % 10 == 0 {
            site.write(
                &format!("content/ko/terms/t{i:04}.md"),
                &format!("---\ntitle: 알파 {i:04}\nsummary: \"[[t0000]] 다음의 {i}번째 용어\"\n---\n본문 {i}.\n"),
            );
        }
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
    for list in status.select(".status-list") {
        assert!(list.select(&scraper::Selector::parse("li").unwrap()).count() <= 300);
    }
    let open: String = status.select(".status-list[open]").iter().map(|l| l.text().collect::<String>()).collect();
    assert!(open.contains("630"), "{open}");
    // Summaries carry wiki links: on every page of a split list they lead to the term.
    for page in ["en/tags/big/2/index.html", "en/tags/big/3/index.html", "ko/tags/big/3/index.html"] {
        let links = built
            .html(page)
            .select(".term-list__summary a.term-link")
            .iter()
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect::<Vec<_>>();
        assert!(!links.is_empty(), "{page}");
        for href in links {
            let lang = &page[..2];
            assert_eq!(resolve(page, &href), format!("{lang}/terms/t0000/"), "{page}");
        }
    }
    let broken = crate::support::broken_links(&built.out);
    assert!(broken.is_empty(), "{} broken links, first: {:?}", broken.len(), &broken[..broken.len().min(5)]);
}
