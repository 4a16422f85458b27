//! Links across the whole site: every internal link resolves, and drafts are
//! left out unless published with `--drafts`.

use std::path::Path;

use crate::support::{resolve, tree};

/// Every relative `href`/`src` of every HTML page resolves to a file in the output.
fn assert_internal_links_resolve(out: &Path) {
    let files = tree(out);
    let names: std::collections::BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let selector = scraper::Selector::parse("[href], [src]").unwrap();
    let mut checked = 0;
    for (name, bytes) in files.iter().filter(|(n, _)| n.ends_with(".html") && n != "404.html") {
        let html = scraper::Html::parse_document(std::str::from_utf8(bytes).unwrap());
        for element in html.select(&selector) {
            let link = element.value().attr("href").or_else(|| element.value().attr("src")).unwrap();
            if link.starts_with("http") || link.starts_with("mailto:") || link.starts_with('#') {
                continue;
            }
            let target = resolve(name, link);
            let file =
                if target.ends_with('/') || target.is_empty() { format!("{target}index.html") } else { target.clone() };
            assert!(names.contains(file.as_str()), "{name}: `{link}` → {file} does not exist");
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn every_internal_link_resolves() {
    let site = crate::support::shared("basic", &[]);
    assert_internal_links_resolve(&site.out);
}

#[test]
fn every_internal_link_of_the_sample_site_resolves() {
    let site = crate::support::shared("sample", &[]);
    assert_internal_links_resolve(&site.out);
}

#[test]
fn drafts_are_left_out_and_links_to_them_become_text() {
    let site = crate::support::shared("basic", &[]);
    assert!(!site.exists("en/terms/restaking/index.html"));
    let page = site.html("en/terms/staking/index.html");
    let text = page.text("#explanation");
    assert!(text.contains("It is different from Restaking, which is still a draft."), "{text}");
    assert!(page.select("#explanation a[href*=restaking]").is_empty());
    assert!(page.select("#related").is_empty(), "the draft is not listed as related");
    assert!(!site.text("en/index.html").contains("Restaking"));
}

#[test]
fn drafts_are_published_with_the_drafts_flag() {
    let site = crate::support::shared("basic", &["--drafts"]);
    assert!(site.exists("en/terms/restaking/index.html"));
    assert!(site.exists("ko/terms/restaking/index.html"));
    let page = site.html("en/terms/staking/index.html");
    let to_restaking = page
        .select("#explanation a")
        .iter()
        .filter(|a| {
            crate::support::resolve("en/terms/staking/index.html", a.value().attr("href").unwrap())
                == "en/terms/restaking/"
        })
        .count();
    assert_eq!(to_restaking, 1);
    // restaking lists staking as a prerequisite, so it shows as a dependent, not as related.
    assert_eq!(page.select("#dependents a[href='../../../en/terms/restaking/']").len(), 1);
    assert!(page.select("#related").is_empty());
}
