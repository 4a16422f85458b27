//! Every language, not only English and Korean: a site in en, ko, ja and ar
//! (`tests/fixtures/languages`). Pages carry their language and direction,
//! interface strings are the language's own (or the default language's,
//! marked), dates are written as each language writes them, automatic links
//! match inside Japanese sentences and the Japanese index groups kana rows.

use std::collections::BTreeSet;
use std::path::Path;

use scraper::{ElementRef, Node};

use crate::support::{resolve, SiteTest};

const FIXTURE: &str = "languages";

fn built() -> &'static crate::support::Built {
    crate::support::shared(FIXTURE, &[])
}

/// Every HTML page of the output, relative to it.
fn pages(out: &Path) -> Vec<String> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().strip_prefix(out).unwrap().to_string_lossy().replace('\\', "/"))
        .collect()
}

#[test]
fn every_page_has_the_language_and_direction_of_its_folder() {
    let site = built();
    let all = pages(&site.out);
    assert!(all.len() > 40, "{} pages", all.len());
    for rel in all {
        let lang = ["ko", "ja", "ar"].into_iter().find(|code| rel.starts_with(&format!("{code}/"))).unwrap_or("en");
        let page = site.html(&rel);
        assert_eq!(page.attr("html", "lang").as_deref(), Some(lang), "{rel}");
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert_eq!(page.attr("html", "dir").as_deref(), Some(dir), "{rel}");
    }
    // The chooser and the 404 page give each language's block its direction.
    let not_found = site.html("404.html");
    assert_eq!(not_found.attr(".not-found-language[lang=ar]", "dir").as_deref(), Some("rtl"));
    assert_eq!(not_found.attr(".not-found-language[lang=ja]", "dir").as_deref(), Some("ltr"));
    assert_eq!(site.html("index.html").attr("a[lang=ar]", "dir").as_deref(), Some("rtl"));
}

/// The built-in English interface strings that `lang` writes differently.
fn english_only_strings(lang: &str) -> BTreeSet<String> {
    let read = |code: &str| -> std::collections::BTreeMap<String, String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("templates/i18n/{code}.yaml"));
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let english = read("en");
    let other = read(lang);
    english
        .into_iter()
        .filter(|(key, value)| other.get(key) != Some(value) && !value.contains('{') && value.chars().count() > 3)
        .map(|(_, value)| value)
        .collect()
}

/// Whether `element` or an ancestor says it is in another language than `page_lang`.
fn in_other_language(element: ElementRef<'_>, page_lang: &str) -> bool {
    std::iter::successors(Some(element), |e| e.parent().and_then(ElementRef::wrap))
        .find_map(|e| e.value().attr("lang"))
        .is_some_and(|lang| lang != page_lang)
}

/// How many texts of `page` were looked at, and those in `english` that are
/// not marked as another language than `page_lang` (the text of elements,
/// `aria-label`, `placeholder` and `title`; `<option>` can hold no mark).
fn unmarked_english(page: &crate::support::Page, page_lang: &str, english: &BTreeSet<String>) -> (usize, Vec<String>) {
    let mut checked = 0;
    let mut found = Vec::new();
    for node in page.0.root_element().descendants() {
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else { continue };
        let texts: Vec<String> = match node.value() {
            Node::Text(text) if parent.value().name() != "option" => vec![text.trim().to_owned()],
            Node::Element(element) => ["aria-label", "placeholder", "title"]
                .iter()
                .filter_map(|a| element.attr(a).map(|v| v.trim().to_owned()))
                .collect(),
            _ => continue,
        };
        let owner = ElementRef::wrap(node).unwrap_or(parent);
        if in_other_language(owner, page_lang) {
            continue;
        }
        for text in texts {
            checked += 1;
            if english.contains(&text) {
                found.push(text);
            }
        }
    }
    (checked, found)
}

#[test]
fn japanese_and_arabic_pages_show_no_english_interface_string() {
    let site = built();
    for lang in ["ja", "ar"] {
        let english = english_only_strings(lang);
        assert!(english.contains("Skip to content"));
        let mut checked = 0;
        for rel in pages(&site.out).into_iter().filter(|p| p.starts_with(&format!("{lang}/"))) {
            let page = site.html(&rel);
            let (count, found) = unmarked_english(&page, lang, &english);
            checked += count;
            assert!(found.is_empty(), "{rel}: English interface strings {found:?}");
        }
        assert!(checked > 1000, "{lang}: only {checked} texts");
    }
}

#[test]
fn a_language_without_strings_is_warned_about_and_falls_back_marked() {
    let site = SiteTest::fixture(FIXTURE);
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &yaml.replace("autolink: true", "  - { code: sw, name: Kiswahili }\nautolink: true"));
    site.write("templates/i18n/sw.yaml", "skip_to_content: Ruka hadi maudhui\n");
    let output = site.glossa(&["check", "--format", "json"]);
    let warnings: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|d: &serde_json::Value| d["code"] == "missing-strings")
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let warning = &warnings[0];
    assert_eq!(warning["file"], "site.yaml");
    assert!(warning["message"].as_str().unwrap().contains("language `sw` lacks"), "{warning}");
    assert!(warning["message"].as_str().unwrap().contains("`aliases`, `all_articles`"), "{warning}");
    assert!(!warning["message"].as_str().unwrap().contains("`skip_to_content`"), "{warning}");
    assert!(warning["help"].as_str().unwrap().contains("templates/i18n/sw.yaml"), "{warning}");

    let built = site.build();
    let page = built.html("sw/terms/staking/index.html");
    // Its own string as it is; the others in English, marked as English.
    assert_eq!(page.text(".skip-link"), "Ruka hadi maudhui");
    let home = page.one(".breadcrumbs a span[lang=en]");
    assert_eq!(home.text().collect::<String>(), "Home");
    assert_eq!(home.value().attr("dir"), Some("ltr"));
    // Where no element may stand (attributes, the title), the plain text.
    assert_eq!(page.attr(".breadcrumbs", "aria-label").as_deref(), Some("Breadcrumb"));
    // Text in English is marked as English (attributes cannot be, and are plain).
    let english: BTreeSet<String> = english_only_strings("ko");
    for rel in pages(&built.out).into_iter().filter(|p| p.starts_with("sw/")) {
        let page = built.html(&rel);
        let (_, found) = unmarked_english(&page, "sw", &english);
        let in_text: Vec<&String> = found
            .iter()
            .filter(|t| {
                page.select("[aria-label], [placeholder], [title]").iter().all(|e| {
                    ["aria-label", "placeholder", "title"]
                        .iter()
                        .all(|a| e.value().attr(a).map(str::trim) != Some(t.as_str()))
                })
            })
            .collect();
        assert!(in_text.is_empty(), "{rel}: unmarked English {in_text:?}");
    }
    for rel in pages(&built.out) {
        let text = built.text(&rel);
        assert!(!text.contains(['\u{2}', '\u{3}', '\u{4}']) && !text.contains("\\u0002"), "{rel} keeps a marker");
    }
}

#[test]
fn dates_are_written_as_each_language_writes_them() {
    let site = built();
    let date = |rel: &str| {
        let page = site.html(rel);
        let time = page.one(".term-meta time");
        (time.value().attr("datetime").unwrap().to_owned(), time.text().collect::<String>())
    };
    let (iso, ja) = date("ja/terms/staking/index.html");
    let parts: Vec<u32> = iso.split('-').map(|p| p.parse().unwrap()).collect();
    assert_eq!(ja, format!("{}年{}月{}日", parts[0], parts[1], parts[2]));
    let (iso, ar) = date("ar/terms/staking/index.html");
    let parts: Vec<usize> = iso.split('-').map(|p| p.parse().unwrap()).collect();
    let months =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
    let arabic_digits = |n: usize| {
        n.to_string().chars().map(|c| "٠١٢٣٤٥٦٧٨٩".chars().nth(c as usize - '0' as usize).unwrap()).collect::<String>()
    };
    assert_eq!(ar, format!("{} {} {}", arabic_digits(parts[2]), months[parts[1] - 1], arabic_digits(parts[0])));
    let (_, ko) = date("ko/terms/staking/index.html");
    assert!(ko.ends_with('일') && ko.contains("년 "), "{ko}");
}

#[test]
fn automatic_links_match_inside_japanese_sentences() {
    let site = built();
    let rel = "ja/terms/staking/index.html";
    let page = site.html(rel);
    let targets: BTreeSet<String> =
        page.select("#explanation a.term-link").iter().map(|a| resolve(rel, a.value().attr("href").unwrap())).collect();
    for slug in ["validator", "token"] {
        assert!(targets.contains(&format!("ja/terms/{slug}/")), "{slug} not linked: {targets:?}");
    }
    // The Korean page links 검증자 followed by a particle.
    let rel = "ko/terms/staking/index.html";
    let page = site.html(rel);
    assert!(page
        .select("#explanation a.term-link")
        .iter()
        .any(|a| resolve(rel, a.value().attr("href").unwrap()) == "ko/terms/validator/"));
}

#[test]
fn the_japanese_index_groups_kana_by_row_before_latin_letters() {
    let site = built();
    let page = site.html("ja/index.html");
    let labels: Vec<String> =
        page.select(".az-jump a").iter().map(|a| a.text().collect::<String>().trim().to_owned()).collect();
    let position =
        |label: &str| labels.iter().position(|l| l == label).unwrap_or_else(|| panic!("no {label} in {labels:?}"));
    // スマートコントラクト, ステーキング: さ; トークン: た; バリデーター, ハッシュ関数: は.
    assert!(position("さ") < position("た") && position("た") < position("は"), "{labels:?}");
    assert!(position("は") < position("E"), "kana first on a Japanese page: {labels:?}");
    let group = |id: &str| -> Vec<String> {
        page.select(&format!("#{id} + .term-index .term-link")).iter().map(|a| a.text().collect()).collect()
    };
    assert_eq!(group("az-は"), ["ハッシュ関数", "バリデーター"]);
    // Korean pages keep Hangul consonants; English pages Latin letters only.
    let ko = site.html("ko/index.html");
    assert!(ko.select(".az-jump a").iter().any(|a| a.text().collect::<String>().trim() == "ㅅ"));
    let en = site.html("en/index.html");
    assert!(en.select(".az-jump a").iter().all(|a| a.text().collect::<String>().trim().is_ascii()));
}

#[test]
fn a_site_may_set_the_direction_of_a_language() {
    let site = SiteTest::fixture(FIXTURE);
    let yaml = std::fs::read_to_string(site.root().join("site.yaml")).unwrap();
    site.write("site.yaml", &yaml.replace("name: العربية,", "name: العربية, dir: ltr,"));
    let built = site.build();
    assert_eq!(built.html("ar/index.html").attr("html", "dir").as_deref(), Some("ltr"));
    site.write("site.yaml", &yaml.replace("name: العربية,", "name: العربية, dir: sideways,"));
    let output = site.glossa(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    assert!(printed.contains("`dir` must be `ltr` or `rtl`"), "{printed}");
}

#[test]
fn sort_as_places_a_kanji_title_in_its_kana_row() {
    let site = SiteTest::fixture(FIXTURE);
    let path = "content/ja/terms/token.md";
    let original = std::fs::read_to_string(site.root().join(path)).unwrap();
    let kanji = original.replacen("title: トークン", "title: 暗号資産", 1);
    site.write(path, &kanji);
    let group_of = |built: &crate::support::Built| -> String {
        let page = built.html("ja/index.html");
        let link = page
            .select(".az-group")
            .into_iter()
            .find(|g| g.text().collect::<String>().contains("暗号資産"))
            .and_then(|g| g.select(&scraper::Selector::parse("h3").unwrap()).next())
            .map(|h| h.text().collect::<String>());
        link.unwrap_or_default().trim().to_owned()
    };
    // Without a reading, kanji cannot be placed in a kana row.
    assert_eq!(group_of(&site.build()), "#");
    site.write(path, &kanji.replacen("title: 暗号資産", "title: 暗号資産\nsort_as: あんごうしさん", 1));
    assert_eq!(group_of(&site.build()), "あ");
}
