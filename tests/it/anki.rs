//! `<lang>/anki.txt`: Anki's plain-text import, read back with a CSV reader
//! configured as Anki reads it (tab-separated, quotes honoured, `#` lines as
//! headers), and each field's HTML parsed.

use std::collections::BTreeSet;

use scraper::{Html, Selector};

use crate::support::{shared, Built};

/// A deck: its header lines (key → value) and its notes' fields.
struct Deck {
    headers: Vec<(String, String)>,
    notes: Vec<Vec<String>>,
    raw_lines: Vec<String>,
}

fn read_deck(site: &Built, lang: &str) -> Deck {
    let text = site.text(&format!("{lang}/anki.txt"));
    let headers = text
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| {
            let (key, value) = l[1..].split_once(':').unwrap();
            (key.to_owned(), value.to_owned())
        })
        .collect();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(text.as_bytes());
    let notes = reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    let raw_lines = text.lines().filter(|l| !l.starts_with('#')).map(str::to_owned).collect();
    Deck { headers, notes, raw_lines }
}

fn header<'a>(deck: &'a Deck, key: &str) -> &'a str {
    deck.headers.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or_else(|| panic!("no #{key}"))
}

fn json(site: &Built, rel: &str) -> serde_json::Value {
    serde_json::from_str(&site.text(rel)).unwrap()
}

/// Every `href` and `src` of a field's HTML.
fn links(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let selector = Selector::parse("a[href], img[src]").unwrap();
    fragment
        .select(&selector)
        .map(|e| e.value().attr("href").or_else(|| e.value().attr("src")).unwrap().to_owned())
        .collect()
}

#[test]
fn each_language_has_a_deck_with_one_note_per_term_and_question() {
    let site = shared("sample", &[]);
    for lang in ["en", "ko", "ja"] {
        let deck = read_deck(site, lang);
        let keys: Vec<&str> = deck.headers.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["separator", "html", "notetype", "deck", "columns", "guid column", "tags column"]);
        assert_eq!(header(&deck, "separator"), "tab");
        assert_eq!(header(&deck, "html"), "true");
        assert_eq!(header(&deck, "notetype"), "Basic");
        assert_eq!(header(&deck, "columns"), "guid\tFront\tBack\ttags");
        assert_eq!((header(&deck, "guid column"), header(&deck, "tags column")), ("1", "4"));
        let export = json(site, &format!("{lang}/glossary.json"));
        assert_eq!(header(&deck, "deck"), export["title"].as_str().unwrap());

        let terms = export["terms"].as_array().unwrap();
        let questions = json(site, &format!("{lang}/quiz.json"))["questions"].as_array().unwrap().clone();
        assert_eq!(deck.notes.len(), terms.len() + questions.len(), "{lang}");
        // Read as Anki reads it, and split on tabs, every line is four fields:
        // no field holds a tab, a line break or an opening quote.
        for (note, line) in deck.notes.iter().zip(&deck.raw_lines) {
            assert_eq!(note.len(), 4, "{line}");
            assert_eq!(line.split('\t').count(), 4, "{line}");
            assert!(note.iter().all(|f| !f.starts_with('"') && !f.contains(['\n', '\r'])), "{line}");
            assert!(!note[1].is_empty() && !note[2].is_empty(), "{line}");
        }
        let guids: BTreeSet<&str> = deck.notes.iter().map(|n| n[0].as_str()).collect();
        assert_eq!(guids.len(), deck.notes.len(), "{lang}: guids repeat");

        // Each term's note, then its questions' notes, with the term's tags.
        for term in terms {
            let slug = term["slug"].as_str().unwrap();
            let guid = format!("glossa-{slug}-{lang}");
            let at = deck.notes.iter().position(|n| n[0] == guid).unwrap_or_else(|| panic!("{guid}"));
            let note = &deck.notes[at];
            // The front names the sense too, where the word has several: "Token (AI)".
            let title = term["title"].as_str().unwrap();
            let label = term["sense"].as_str().map_or(title.to_owned(), |sense| format!("{title} ({sense})"));
            assert_eq!(Html::parse_fragment(&note[1]).root_element().text().collect::<String>(), label);
            let tags: Vec<&str> = term["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
            assert_eq!(note[3], tags.join(" "));
            let own: Vec<&serde_json::Value> = questions.iter().filter(|q| q["term"] == slug).collect();
            for (i, question) in own.iter().enumerate() {
                let note = &deck.notes[at + 1 + i];
                assert_eq!(note[0], format!("{guid}-q{}", i + 1));
                assert_eq!(question["id"], format!("{slug}-q{}", i + 1));
                let front = Html::parse_fragment(&note[1]);
                let choices = front.select(&Selector::parse("ol > li").unwrap()).count();
                assert_eq!(choices, question["choices"].as_array().unwrap().len(), "{}", note[0]);
            }
        }
    }
}

#[test]
fn answers_carry_the_summary_the_eli5_section_and_absolute_links() {
    let site = shared("sample", &[]);
    let deck = read_deck(site, "en");
    let staking = deck.notes.iter().find(|n| n[0] == "glossa-staking-en").unwrap();
    let back = Html::parse_fragment(&staking[2]);
    let page = site.html("en/terms/staking/index.html");
    let text = |html: &Html, css: &str| {
        html.select(&Selector::parse(css).unwrap()).map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join(" ")
    };
    assert_eq!(crate::support::collapse(&text(&back, "div:first-child > p")), page.text("#summary"));
    assert_eq!(text(&back, "h3"), page.heading("#eli5 h2"));
    let paragraphs = |found: Vec<scraper::ElementRef<'_>>| -> Vec<String> {
        found.iter().map(|p| crate::support::collapse(&p.text().collect::<String>())).collect()
    };
    let on_card = paragraphs(back.select(&Selector::parse("div:nth-of-type(2) > p").unwrap()).collect());
    assert_eq!(on_card, paragraphs(page.select("#eli5 > p")));
    assert!(on_card.len() >= 2);
    // Links lead to the published site from a card, which has no site around it.
    for note in &deck.notes {
        for link in links(&note[2]).into_iter().chain(links(&note[1])) {
            assert!(link.starts_with("https://") || link.starts_with("mailto:"), "{}: {link}", note[0]);
        }
    }
    let back_links = links(&staking[2]);
    assert_eq!(back_links.last().unwrap(), "https://example.org/glossary/en/terms/staking/");
}

#[test]
fn hostile_content_stays_text_and_on_one_line() {
    let site = shared("hostile", &[]);
    let deck = read_deck(site, "en");
    assert_eq!(header(&deck, "deck"), "<Hostile> & \"Site\"");
    let fields = Selector::parse("script, b, i, img, iframe, [onclick], [onerror]").unwrap();
    for note in &deck.notes {
        assert_eq!(note.len(), 4);
        for field in &note[1..3] {
            assert!(Html::parse_fragment(field).select(&fields).next().is_none(), "{field}");
            assert!(!field.contains('\t') && !field.starts_with('"'), "{field}");
        }
    }
    let title = deck.notes.iter().find(|n| n[0] == "glossa-script-title-en").unwrap();
    assert_eq!(
        Html::parse_fragment(&title[1]).root_element().text().collect::<String>(),
        "</script><script>alert(\"x\")</script> & \"Q\""
    );
    // A question with a tab, quotes and a line break in it, and an
    // explanation with a relative link and a citation.
    let question = deck.notes.iter().find(|n| n[0] == "glossa-mermaid-breaker-en-q1").unwrap();
    let front = Html::parse_fragment(&question[1]);
    let first = front.select(&Selector::parse("p").unwrap()).next().unwrap().text().collect::<String>();
    assert_eq!(first, "\"Quoted\" first,\ta tab, and <i>markup</i>?");
    let choices: Vec<String> =
        front.select(&Selector::parse("li").unwrap()).map(|e| e.text().collect::<String>()).collect();
    assert_eq!(choices[0], "\"one\"\tcell");
    assert_eq!(choices[2], "line break");
    assert_eq!(
        links(&question[2]),
        [
            "https://example.org/en/terms/script-title/",
            "https://example.org/en/terms/script-title/",
            "https://example.org/en/terms/mermaid-breaker/#source-1",
            "https://example.org/en/terms/mermaid-breaker/",
        ]
    );
    // Code keeps its lines as `<br>`, and its tabs.
    let term = deck.notes.iter().find(|n| n[0] == "glossa-mermaid-breaker-en").unwrap();
    let back = Html::parse_fragment(&term[2]);
    let code = back.select(&Selector::parse("pre code").unwrap()).next().unwrap();
    assert_eq!(code.text().collect::<String>(), "code\twith a taband a \"quote\" on the second line");
    assert_eq!(code.select(&Selector::parse("br").unwrap()).count(), 2);
    // The Korean deck shows the English text, marked as English.
    let ko = read_deck(site, "ko");
    let question = ko.notes.iter().find(|n| n[0] == "glossa-mermaid-breaker-ko-q1").unwrap();
    assert_eq!(Html::parse_fragment(&question[1]).select(&Selector::parse("div[lang=en]").unwrap()).count(), 1);
}
