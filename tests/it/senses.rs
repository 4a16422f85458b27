//! Shared names and term status: senses declared with `sense:` get a page
//! listing them, links and automatic links never choose between them, and a
//! deprecated term says what to use instead.

use crate::support::{collapse, resolve, SiteTest};

fn json_lines(output: &std::process::Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn a_shared_name_has_a_page_listing_each_sense_with_its_summary() {
    let built = crate::support::shared("senses", &[]);
    let page = built.html("en/senses/fork/index.html");
    assert_eq!(collapse(&page.text("h1")), "Meanings of “Fork”");
    let senses: Vec<(String, String)> = page
        .select(".term-list--senses li a.term-link")
        .iter()
        .map(|a| {
            (
                resolve("en/senses/fork/index.html", a.value().attr("href").unwrap()),
                collapse(&a.text().collect::<String>()),
            )
        })
        .collect();
    assert_eq!(
        senses,
        [
            ("en/terms/fork-chain/".to_owned(), "Fork (blockchain)".to_owned()),
            ("en/terms/fork-code/".to_owned(), "Fork (software)".to_owned())
        ]
    );
    assert_eq!(page.select(".term-list--senses .term-list__summary").len(), 2);
    // Korean shares its own name, with its own page; the switcher leads there.
    let ko = built.html("ko/senses/포크/index.html");
    assert_eq!(collapse(&ko.text("h1")), "“포크”의 뜻");
    let switch = page
        .select("a[hreflang=ko]")
        .iter()
        .map(|a| resolve("en/senses/fork/index.html", a.value().attr("href").unwrap()))
        .next()
        .unwrap();
    assert_eq!(switch, "ko/senses/포크/");
    assert!(built.text("sitemap.xml").contains("/en/senses/fork/"));
}

#[test]
fn each_sense_shows_its_qualifier_and_links_the_others() {
    let built = crate::support::shared("senses", &[]);
    let page = built.html("en/terms/fork-chain/index.html");
    assert_eq!(collapse(&page.text("h1")), "Fork (blockchain)");
    let note = page.one(".notice--senses");
    let links: Vec<String> = note
        .select(&scraper::Selector::parse("a").unwrap())
        .map(|a| resolve("en/terms/fork-chain/index.html", a.value().attr("href").unwrap()))
        .collect();
    assert_eq!(links, ["en/terms/fork-code/", "en/senses/fork/"]);
}

#[test]
fn a_mention_of_a_shared_name_links_the_senses_and_never_one_sense() {
    let built = crate::support::shared("senses", &[]);
    let path = "en/terms/blockchain/index.html";
    let page = built.html(path);
    let senses: Vec<String> =
        page.select("a.senses-link").iter().map(|a| resolve(path, a.value().attr("href").unwrap())).collect();
    assert_eq!(senses, ["en/senses/fork/"]);
    let to_a_sense = page
        .select("#explanation a, #eli5 a, #expert a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .map(|href| resolve(path, href))
        .filter(|href| href.starts_with("en/terms/fork-"))
        .count();
    assert_eq!(to_a_sense, 0, "a mention chose a sense");
    // `check` says where, and how to choose.
    let site = SiteTest::fixture("senses");
    let lines = json_lines(&site.glossa(&["check", "--format", "json"]));
    let mention =
        lines.iter().find(|l| l["code"] == "ambiguous-mention" && l["file"] == "content/en/terms/blockchain.md");
    let help = mention.expect("no ambiguous-mention in blockchain.md")["help"].as_str().unwrap().to_owned();
    assert!(help.contains("[[fork-chain|Fork]]") && help.contains("[[fork-code|Fork]]"), "{help}");
}

#[test]
fn a_link_to_a_shared_name_is_an_error_naming_every_sense() {
    let site = SiteTest::fixture("senses");
    site.write(
        "content/en/terms/hash-function.md",
        &std::fs::read_to_string(site.root().join("content/en/terms/hash-function.md")).unwrap().replacen(
            "\n## Explain",
            "\nSee [[Fork]].\n\n## Explain",
            1,
        ),
    );
    let output = site.glossa(&["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    let error = lines.iter().find(|l| l["code"] == "ambiguous-link").expect("no ambiguous-link");
    assert_eq!(error["file"], "content/en/terms/hash-function.md");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("[[fork-chain]]") && message.contains("[[fork-code]]"), "{message}");
    // Choosing one by its slug is fine.
    site.write(
        "content/en/terms/hash-function.md",
        &std::fs::read_to_string(site.root().join("content/en/terms/hash-function.md"))
            .unwrap()
            .replace("[[Fork]]", "[[fork-chain|Fork]]"),
    );
    let lines = json_lines(&site.glossa(&["check", "--format", "json"]));
    assert!(lines.iter().all(|l| l["code"] != "ambiguous-link"), "{lines:?}");
}

#[test]
fn the_same_name_without_different_senses_is_still_a_duplicate() {
    let site = SiteTest::fixture("senses");
    let code = std::fs::read_to_string(site.root().join("content/en/terms/fork-code.md")).unwrap();
    site.write("content/en/terms/fork-code.md", &code.replace("sense: software", "sense: Blockchain"));
    let lines = json_lines(&site.glossa(&["check", "--format", "json"]));
    let duplicate = lines.iter().find(|l| l["code"] == "duplicate-alias").expect("no duplicate-alias");
    assert!(duplicate["help"].as_str().unwrap().contains("sense:"));
}

#[test]
fn a_deprecated_term_says_what_to_use_instead() {
    let built = crate::support::shared("senses", &[]);
    let path = "en/terms/digest-function/index.html";
    let page = built.html(path);
    let notice = page.one("#deprecated-notice");
    let link = notice.select(&scraper::Selector::parse("a.term-link").unwrap()).next().unwrap();
    assert_eq!(resolve(path, link.value().attr("href").unwrap()), "en/terms/hash-function/");
    assert_eq!(collapse(&link.text().collect::<String>()), "Hash Function");
    assert!(built.html("ko/terms/digest-function/index.html").select("#deprecated-notice").len() == 1);
    assert!(built.html("en/terms/hash-function/index.html").select("#deprecated-notice").is_empty());
}

#[test]
fn status_and_use_are_checked() {
    // (front matter added at the top, code, message, line)
    let cases: [(&str, &str, &str, u64); 6] = [
        ("status: deprecated\n", "missing-field", "says nothing to use instead", 2),
        ("use: hash-function\n", "invalid-value", "only for deprecated terms", 2),
        ("status: deprecated\nuse: digest-function\n", "invalid-value", "deprecated too", 3),
        ("status: deprecated\nuse: hash-funtion\n", "unknown-reference", "is not a term", 3),
        ("status: deprecated\nuse: merkle-tree\n", "invalid-value", "to use itself", 3),
        ("status: obsolete\n", "invalid-value", "preferred, admitted or deprecated", 2),
    ];
    for (front, code, message, line) in cases {
        let site = SiteTest::fixture("senses");
        let merkle = std::fs::read_to_string(site.root().join("content/en/terms/merkle-tree.md")).unwrap();
        site.write("content/en/terms/merkle-tree.md", &merkle.replacen("---\n", &format!("---\n{front}"), 1));
        let output = site.glossa(&["check", "--format", "json"]);
        assert_eq!(output.status.code(), Some(1), "{front}");
        let lines = json_lines(&output);
        let found = lines.iter().find(|l| l["code"] == code && l["file"] == "content/en/terms/merkle-tree.md");
        let found = found.unwrap_or_else(|| panic!("{front}: no {code} in {lines:?}"));
        assert!(found["message"].as_str().unwrap().contains(message), "{found}");
        assert_eq!(found["line"], line, "{found}");
    }
    // A translation may repeat the term's status, not contradict it.
    let site = SiteTest::fixture("senses");
    let ko = std::fs::read_to_string(site.root().join("content/ko/terms/digest-function.md")).unwrap();
    site.write("content/ko/terms/digest-function.md", &ko.replacen("---\n", "---\nstatus: admitted\n", 1));
    let lines = json_lines(&site.glossa(&["check", "--format", "json"]));
    assert!(lines.iter().any(|l| l["code"] == "translation-mismatch" && l["line"] == 2), "{lines:?}");
}

#[test]
fn a_deprecated_name_is_warned_about_even_when_it_is_never_linked() {
    let site = SiteTest::fixture("senses");
    let digest = std::fs::read_to_string(site.root().join("content/en/terms/digest-function.md")).unwrap();
    site.write("content/en/terms/digest-function.md", &digest.replacen("---\n", "---\nautolink: false\n", 1));
    let lines = json_lines(&site.glossa(&["check", "--format", "json"]));
    let warning = lines.iter().find(|l| l["code"] == "deprecated-term").expect("no deprecated-term");
    assert_eq!(warning["file"], "content/en/terms/merkle-tree.md");
    let built = site.build();
    let page = built.html("en/terms/merkle-tree/index.html");
    let links: Vec<String> = page
        .select("#expert a")
        .iter()
        .map(|a| resolve("en/terms/merkle-tree/index.html", a.value().attr("href").unwrap()))
        .collect();
    assert!(!links.contains(&"en/terms/digest-function/".to_owned()), "{links:?}");
}
