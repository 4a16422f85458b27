//! The term page's parts, their order and their content.

use crate::support::collapse;

/// The ids of spec §4.1, in the order the page must show them.
const PART_ORDER: &[&str] =
    &["summary", "facts", "eli5", "expert", "graph", "prerequisites", "related", "dependents", "quiz", "sources"];

#[test]
fn can_build_every_page_of_a_bilingual_site() {
    let site = crate::support::shared("basic", &[]);
    for path in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "static/style.css",
        "static/quiz.js",
        "static/highlight.css",
        "en/index.html",
        "ko/index.html",
        "en/tags/consensus/index.html",
        "ko/tags/consensus/index.html",
    ] {
        assert!(site.exists(path), "{path} missing");
    }
    for slug in ["proof-of-stake", "validator", "staking", "slashing"] {
        for lang in ["en", "ko"] {
            assert!(site.exists(&format!("{lang}/terms/{slug}/index.html")), "{lang}/{slug}");
            assert!(site.exists(&format!("{lang}/terms/{slug}/graph.mmd")), "{lang}/{slug} graph.mmd");
        }
    }
}

#[test]
fn term_page_shows_every_part_once_in_spec_order() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/staking/index.html");
    let ids: Vec<String> = page
        .select("main [id]")
        .iter()
        .filter_map(|e| e.value().id())
        .filter(|id| PART_ORDER.contains(id))
        .map(str::to_owned)
        .collect();
    // staking has facts, both sections, a graph, prerequisites, dependents
    // (slashing), related (restaking is a draft, so none), a quiz and sources.
    let expected: Vec<&str> = PART_ORDER.iter().copied().filter(|id| *id != "related").collect();
    assert_eq!(ids, expected);
    for id in PART_ORDER {
        let count = page.select(&format!("[id=\"{id}\"]")).len();
        assert!(count <= 1, "id {id} appears {count} times");
    }
}

#[test]
fn parts_with_nothing_to_show_are_left_out() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/validator/index.html");
    assert!(page.select("#related").is_empty(), "validator has no related terms");
    assert!(page.select("#aliases").is_empty(), "validator has no aliases");
    assert_eq!(page.text("#prerequisites .card__title"), "Proof of Stake");
}

#[test]
fn title_aliases_summary_and_facts() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/proof-of-stake/index.html");
    assert_eq!(page.text("h1"), "Proof of Stake");
    assert_eq!(page.text("#aliases .alias"), "PoS");
    assert_eq!(page.text("#summary"), "A way for a blockchain to agree on blocks by putting deposits at risk.");
    assert_eq!(page.text("#summary em"), "deposits");
    assert_eq!(page.select("#facts li").len(), 2);
    // Inline Markdown in facts resolves wiki links too.
    let fact_link = page.attr("#facts a.term-link", "href").unwrap();
    assert_eq!(crate::support::resolve("en/terms/proof-of-stake/index.html", &fact_link), "en/terms/validator/");
    assert_eq!(
        page.attr("meta[name=description]", "content").as_deref(),
        Some("A way for a blockchain to agree on blocks by putting deposits at risk.")
    );
}

#[test]
fn sections_keep_the_contributors_headings_and_body_headings_get_anchors() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/proof-of-stake/index.html");
    assert_eq!(page.heading("#eli5 h2"), "Explain like I'm 5");
    assert_eq!(page.text("#eli5 p"), "You put your toys on the table as a promise.");
    assert_eq!(page.heading("#expert h2"), "Expert deep dive");
    // A body heading whose automatic id would collide with a part's gets a suffix.
    assert_eq!(collapse(&page.one("#summary-1").text().collect::<String>()), "Summary #");
    assert_eq!(page.attr("#how-it-works a.anchor", "href").as_deref(), Some("#how-it-works"));
    // Footnotes work and keep their own ids.
    assert_eq!(page.attr("#expert sup.footnote-ref a", "href").as_deref(), Some("#fn-ffg"));
    assert_eq!(page.select("#expert #fn-ffg").len(), 1);
    assert_eq!(page.select("#explanation table td").len(), 2);
}

#[test]
fn markdown_extensions_render() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/staking/index.html");
    assert_eq!(page.select("#explanation input[type=checkbox][checked][disabled]").len(), 1);
    assert_eq!(page.select("#explanation input[type=checkbox]").len(), 2);
    assert_eq!(page.text("#explanation del"), "Mine");
    // An explicit heading id is kept.
    assert_eq!(page.select("#explanation h3#rewards.highlight").len(), 1);
    assert_eq!(
        page.attr("#explanation a[href^='https://']", "href").as_deref(),
        Some("https://ethereum.org/en/staking/")
    );
}

#[test]
fn code_is_highlighted_with_classes_never_inline_colours() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/proof-of-stake/index.html");
    let code = page.one("pre.code code.language-rust");
    let spans = code.select(&scraper::Selector::parse("span[class^=hl-]").unwrap()).count();
    assert!(spans > 3, "expected highlighted spans, found {spans}");
    assert!(page.select("[style]").is_empty(), "no inline styles");
    let css = site.text("static/highlight.css");
    assert!(css.contains(".hl-") && css.contains("@media (prefers-color-scheme: dark)"));
}

#[test]
fn quiz_is_plain_html_with_answers_behind_a_disclosure() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/proof-of-stake/index.html");
    let questions = page.select("#quiz fieldset.quiz-question");
    assert_eq!(questions.len(), 2);
    assert_eq!(page.select("#quiz fieldset:first-of-type input[type=radio]").len(), 3);
    assert_eq!(page.select("#quiz details.quiz-answer").len(), 2);
    let first_answer = collapse(&page.select("#quiz details.quiz-answer")[0].text().collect::<String>());
    assert!(
        first_answer.contains("A deposit") && first_answer.contains("The deposit can be slashed."),
        "{first_answer}"
    );
    assert_eq!(questions[0].value().attr("data-answer"), Some("1"));
    let quiz = page.one("#quiz");
    assert_eq!(quiz.value().attr("data-progress"), Some("{n} / {total}"));
    assert_eq!(page.select("script[src$='static/quiz.js']").len(), 1);
}

#[test]
fn sources_are_numbered_in_order() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("en/terms/proof-of-stake/index.html");
    let items = page.select("#sources ol > li");
    assert_eq!(items.len(), 2);
    assert_eq!(collapse(&items[1].text().collect::<String>()), "Casper FFG");
    assert_eq!(
        page.attr("#sources li:first-child a", "href").as_deref(),
        Some("https://ethereum.org/en/developers/docs/consensus-mechanisms/pos/")
    );
}

#[test]
fn edit_link_points_at_the_source_file() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/terms/staking/index.html");
    assert_eq!(
        page.attr(".edit-link a", "href").as_deref(),
        Some("https://github.com/example/glossary/edit/main/content/ko/terms/staking.md")
    );
}

#[test]
fn home_groups_hangul_titles_by_initial_consonant() {
    let site = crate::support::shared("basic", &[]);
    let ko = site.html("ko/index.html");
    let groups: Vec<String> =
        ko.select(".az-group h3").iter().map(|h| collapse(&h.text().collect::<String>())).collect();
    // 검증자 (ㄱ), 스테이킹 (ㅅ), 지분 증명 (ㅈ), then the untranslated "Slashing" under S.
    assert_eq!(groups, ["ㄱ", "ㅅ", "ㅈ", "S"]);
    let s_group: Vec<String> = ko.select("#az-s ~ ul a").iter().map(|a| a.text().collect()).collect();
    assert_eq!(s_group, ["Slashing"]);
    assert_eq!(ko.attr("#az-s ~ ul a", "lang").as_deref(), Some("en"));
    let en = site.html("en/index.html");
    let groups: Vec<String> =
        en.select(".az-group h3").iter().map(|h| collapse(&h.text().collect::<String>())).collect();
    assert_eq!(groups, ["P", "S", "V"]);
    let s_terms: Vec<String> = en.select("#az-s ~ ul a").iter().map(|a| a.text().collect()).collect();
    assert_eq!(s_terms, ["Slashing", "Staking"]);
}

#[test]
fn tag_pages_list_their_terms_with_summaries() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("ko/tags/consensus/index.html");
    assert_eq!(page.text("h1"), "‘합의’ 태그가 붙은 용어");
    let titles: Vec<String> = page.select(".term-list a.term-link").iter().map(|a| a.text().collect()).collect();
    assert_eq!(titles, ["검증자", "지분 증명"]);
    assert_eq!(page.select(".term-list__summary").len(), 2);
}

#[test]
fn root_offers_every_language_and_redirects_to_the_default() {
    let site = crate::support::shared("basic", &[]);
    let page = site.html("index.html");
    let hrefs: Vec<&str> = page.select(".chooser-list a").iter().filter_map(|a| a.value().attr("href")).collect();
    assert_eq!(hrefs, ["en/", "ko/"]);
    // Inside <head>, <noscript> content is parsed as text when scripting is on.
    let fallback = scraper::Html::parse_fragment(&page.one("head noscript").text().collect::<String>());
    let refresh = fallback.select(&scraper::Selector::parse("meta[http-equiv=refresh]").unwrap()).next().unwrap();
    assert_eq!(refresh.value().attr("content"), Some("0; url=en/"));
}

#[test]
fn each_language_has_its_own_search_index_and_its_pages_use_it() {
    let site = crate::support::shared("basic", &[]);
    for lang in ["en", "ko"] {
        for page_path in [format!("{lang}/index.html"), format!("{lang}/terms/staking/index.html")] {
            let page = site.html(&page_path);
            let index = page.attr("form#search", "data-index").unwrap();
            assert_eq!(crate::support::resolve(&page_path, &index), format!("pagefind/{lang}/pagefind.js"));
        }
        assert!(site.exists(&format!("pagefind/{lang}/pagefind.js")), "{lang}");
        let entry: serde_json::Value =
            serde_json::from_str(&site.text(&format!("pagefind/{lang}/pagefind-entry.json"))).unwrap();
        let languages: Vec<&String> = entry["languages"].as_object().unwrap().keys().collect();
        assert_eq!(languages, [lang], "the {lang} index holds only {lang} pages");
        assert!(entry["languages"][lang]["page_count"].as_u64().unwrap() >= 4);
    }
}

#[test]
fn a_language_index_comes_in_parts_of_search_shard_size_that_every_page_names() {
    let site = crate::support::SiteTest::fixture("basic");
    let config = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &format!("{config}search_shard_size: 2\n"));
    let built = site.build();
    for lang in ["en", "ko"] {
        let page_path = format!("{lang}/terms/staking/index.html");
        let shards = built.html(&page_path).attr("form#search", "data-shards").unwrap();
        let shards: Vec<String> = shards.split(' ').map(|href| crate::support::resolve(&page_path, href)).collect();
        assert_eq!(shards, [format!("pagefind/{lang}/2/")], "four published terms in parts of two");
        let mut pages = 0;
        for part in [format!("pagefind/{lang}/"), format!("pagefind/{lang}/2/")] {
            let entry: serde_json::Value =
                serde_json::from_str(&built.text(&format!("{part}pagefind-entry.json"))).unwrap();
            let count = entry["languages"][lang]["page_count"].as_u64().unwrap();
            assert_eq!(count, 2, "{part}");
            pages += count;
            // Results are found from the site's root: the script puts the
            // folder the index is served from (here under /docs/glossary/) in front.
            for fragment in std::fs::read_dir(built.out.join(&part).join("fragment")).unwrap() {
                let url = fragment_url(&std::fs::read(fragment.unwrap().path()).unwrap());
                assert!(url.starts_with(&format!("/{lang}/terms/")), "{url}");
            }
        }
        assert_eq!(pages, 4);
    }
    let not_found = built.html("404.html");
    let shards: Vec<String> = not_found
        .select(".not-found-language")
        .iter()
        .filter_map(|section| section.value().attr("data-shards").map(str::to_owned))
        .collect();
    assert_eq!(shards.len(), 2, "each language's parts on the 404 page");
}

/// The page URL of a Pagefind fragment: gzip, then `pagefind_dcd` and JSON.
fn fragment_url(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).unwrap();
    let json: serde_json::Value = serde_json::from_str(text.trim_start_matches("pagefind_dcd")).unwrap();
    json["url"].as_str().unwrap().to_owned()
}

#[test]
fn wiki_links_print_common_nouns_in_lower_case_mid_sentence() {
    let site = crate::support::SiteTest::fixture("basic");
    site.write(
        "content/en/terms/slashing.md",
        "---\ntitle: Slashing\nsummary: Burns part of a [[validator]]'s stake.\nprerequisites: [validator]\n---\n\
         Slashing punishes a [[validator]]. [[validator]] keys that sign twice are slashed under [[proof-of-stake]], \
         unlike [[validator|a Validator]] that only goes offline.\n\n## Being a [[validator]]\n\nText.\n",
    );
    let built = site.build_with(&["--no-search"]);
    let page = built.html("en/terms/slashing/index.html");
    let texts: Vec<String> =
        page.select("#explanation p a.term-link").iter().map(|a| a.text().collect::<String>()).collect();
    // validator.md writes "validator" in lower case: mid-sentence it is lowered,
    // at a sentence's start it keeps its capital; proof-of-stake.md never
    // writes its title in lower case, so it stays; written link text stays.
    assert_eq!(texts, ["validator", "Validator", "Proof of Stake", "a Validator"]);
    assert_eq!(page.heading("#explanation h2"), "Being a Validator");
    assert_eq!(page.text("#summary"), "Burns part of a validator's stake.");
    assert!(page.select("#explanation p a.term-link").iter().all(|a| a.value().attr("data-title").is_some()));
    assert_eq!(page.select("#explanation p a.term-link")[0].value().attr("data-title"), Some("Validator"));
}
